"""Abolishing the district level (1/7/2025): known answers — exactly the open work moves, with
its sub-assignments and reports; nothing is created or lost; the audit log gains one entry per
move; a refusal or a failure half-way saves nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chiso.accounts.models import Agency, AgencyKind, Role, User
from chiso.audit.models import AuditEntry
from chiso.plans.models import Assignment, ProgressReport
from chiso.plans.services import create_task, review_report, split_assignment, submit_report
from chiso.restructuring import abolition
from chiso.restructuring.errors import RestructuringError
from chiso.restructuring.models import Restructuring
from tests.plans.cascade_world import build

pytestmark = pytest.mark.django_db

JULY_1 = dt.date(2025, 7, 1)


def _accept(
    author: Any, reviewer: Any, assignment: Any, progress: int, final: bool = False
) -> None:
    report = submit_report(
        author,
        Assignment.objects.get(pk=assignment.pk),
        narrative="Báo cáo",
        progress=progress,
        is_final=final,
    )
    review_report(reviewer, report, accept=True, version=None)


@pytest.fixture
def scene(world: Any, make_user: Any) -> dict[str, Any]:
    """Nha Trang: T1 split to two wards (one splits again), T2 finished, T3 at 40%.
    Cam Ranh: its part of T2 (through the districts' group), open."""
    c = build(world, make_user)
    a, b = split_assignment(world.nhatrang, c.city, agencies=[c.ward_a, c.ward_b])
    split_assignment(c.officer_a, a, agencies=[c.unit_a1])
    t2 = create_task(
        world.coordinator,
        world.plan,
        title="Hội nghị quán triệt",
        lead_group=world.districts,
        deadline=dt.date(2023, 7, 31),
    )
    _accept(
        world.nhatrang,
        world.coordinator,
        t2.assignments.get(agency=world.nha_trang),
        100,
        final=True,
    )
    t3 = create_task(
        world.coordinator,
        world.plan,
        title="Tuyên truyền",
        lead_agencies=[world.nha_trang],
        deadline=dt.date(2023, 12, 31),
    )
    _accept(world.nhatrang, world.coordinator, t3.assignments.get(agency=world.nha_trang), 40)
    committee = Agency.objects.create(
        province=world.province, name="UBND tỉnh Khánh Hòa", kind=AgencyKind.PEOPLES_COMMITTEE
    )
    return {"c": c, "t2": t2, "t3": t3, "committee": committee, "sub": (a, b)}


def moved_report_authors(assignment: Any) -> list[str]:
    return [r.author.username for r in ProgressReport.objects.filter(assignment=assignment)]


def _counts() -> tuple[int, int, int]:
    return Assignment.objects.count(), ProgressReport.objects.count(), AuditEntry.objects.count()


def test_preview_shows_what_will_move(world: Any, scene: dict[str, Any]) -> None:
    mapping = {world.nha_trang.pk: scene["committee"].pk, world.cam_ranh.pk: world.department.pk}
    found = abolition.preview(world.province, mapping, JULY_1)
    assert found.problems == []
    by_agency = {h.agency.name: h for h in found.handovers}
    nha_trang = by_agency["UBND thành phố Nha Trang"]
    assert sorted(m.task for m in nha_trang.moved) == sorted(
        [str(scene["c"].task), str(scene["t3"])]
    )
    assert [m.sub_assignments for m in nha_trang.moved if m.pk == scene["c"].city.pk] == [3]
    assert nha_trang.kept == 1  # T2, finished
    assert [a.name for a in nha_trang.children] == ["UBND phường Vĩnh Hải", "UBND xã Vĩnh Lương"]
    assert (found.moved, found.sub_assignments, found.kept, found.reparented) == (3, 3, 1, 2)


def test_abolish_moves_exactly_the_open_work(world: Any, scene: dict[str, Any]) -> None:
    c, committee = scene["c"], scene["committee"]
    before = _counts()
    t3_part = scene["t3"].assignments.get()
    t2_nha_trang = scene["t2"].assignments.get(agency=world.nha_trang)
    t2_cam_ranh = scene["t2"].assignments.get(agency=world.cam_ranh)
    mapping = {world.nha_trang.pk: committee.pk, world.cam_ranh.pk: world.department.pk}

    done = abolition.abolish(world.coordinator, world.province, mapping, JULY_1)

    assignments, reports, audit = _counts()
    assert (assignments, reports) == before[:2]  # nothing created, nothing lost
    # moves, users moved, reparented wards, dissolutions, the record
    assert audit - before[2] == 3 + 2 + 2 + 2 + 1
    actions = list(AuditEntry.objects.order_by("-pk").values_list("action", flat=True)[:10])
    assert sorted(actions) == sorted(
        ["assignment.handover"] * 3
        + ["user.handover"] * 2
        + ["agency.reparent"] * 2
        + ["agency.dissolve"] * 2
        + ["restructuring.abolish"]
    )
    # The districts' officers work on in the successor; their reports keep their author.
    users = User.objects.in_bulk([world.nhatrang.pk, world.camranh.pk])
    assert users[world.nhatrang.pk].agency == committee
    assert users[world.camranh.pk].agency == world.department
    entry = AuditEntry.objects.get(action="user.handover", object_id=str(world.nhatrang.pk))
    assert entry.changes == {"agency": ["UBND thành phố Nha Trang", "UBND tỉnh Khánh Hòa"]}
    assert moved_report_authors(t3_part) == ["nhatrang"]
    moved = Assignment.objects.in_bulk([c.city.pk, t3_part.pk, t2_cam_ranh.pk, t2_nha_trang.pk])
    assert moved[c.city.pk].agency == committee and moved[t3_part.pk].agency == committee
    assert (
        moved[t2_cam_ranh.pk].agency == world.department and moved[t2_cam_ranh.pk].via_group is None
    )
    assert moved[t2_nha_trang.pk].agency == world.nha_trang  # finished: stays as history
    assert moved[t3_part.pk].progress == 40 and moved[t3_part.pk].reports.count() == 1
    a, b = scene["sub"]
    assert set(Assignment.objects.filter(parent=c.city).values_list("pk", flat=True)) == {
        a.pk,
        b.pk,
    }
    nha_trang = Agency.objects.get(pk=world.nha_trang.pk)
    assert (nha_trang.active, nha_trang.dissolved_on) == (False, JULY_1)
    assert Agency.objects.get(pk=c.ward_a.pk).parent is None
    assert Agency.objects.get(pk=c.unit_a1.pk).parent == c.ward_a
    assert not Assignment.objects.filter(agency=world.nha_trang, completed_on__isnull=True).exists()
    assert done.summary["moved"] == 3 and Restructuring.objects.count() == 1


def test_a_successor_already_in_the_task_is_refused_and_nothing_saved(
    world: Any, scene: dict[str, Any]
) -> None:
    before = _counts()
    mapping = {world.nha_trang.pk: scene["c"].ward_a.pk}
    found = abolition.preview(world.province, mapping, JULY_1)
    assert len(found.problems) == 1 and "UBND phường Vĩnh Hải" in found.problems[0]
    with pytest.raises(RestructuringError) as refused:
        abolition.abolish(world.coordinator, world.province, mapping, JULY_1)
    assert refused.value.problems == [(None, found.problems[0])]
    assert _counts() == before
    assert Agency.objects.get(pk=world.nha_trang.pk).active


def test_a_failure_half_way_saves_nothing(
    world: Any, scene: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _counts()
    real = abolition._dissolve
    calls = []

    def fail_second(*args: Any) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(*args)

    monkeypatch.setattr(abolition, "_dissolve", fail_second)
    mapping = {world.nha_trang.pk: scene["committee"].pk, world.cam_ranh.pk: world.department.pk}
    with pytest.raises(RuntimeError):
        abolition.abolish(world.coordinator, world.province, mapping, JULY_1)
    assert _counts() == before
    assert Agency.objects.filter(active=False).count() == 0
    assert scene["c"].city.__class__.objects.get(pk=scene["c"].city.pk).agency == world.nha_trang
    assert User.objects.get(pk=world.nhatrang.pk).agency == world.nha_trang


def test_rules(world: Any, scene: dict[str, Any]) -> None:
    committee = scene["committee"]
    with pytest.raises(RestructuringError):  # only coordinators and admins
        abolition.abolish(
            world.nhatrang, world.province, {world.nha_trang.pk: committee.pk}, JULY_1
        )
    problems = abolition.preview(
        world.province,
        {world.nha_trang.pk: world.cam_ranh.pk, world.cam_ranh.pk: committee.pk},
        JULY_1,
    ).problems
    assert any("cũng bị giải thể" in p for p in problems)
    assert abolition.preview(world.province, {}, JULY_1).problems == [
        "Chưa chọn cơ quan nào để giải thể."
    ]
    abolition.abolish(None, world.province, {world.nha_trang.pk: committee.pk}, JULY_1)
    again = abolition.preview(world.province, {world.nha_trang.pk: committee.pk}, JULY_1).problems
    assert any("đã ngừng hoạt động" in p for p in again)


def test_the_successor_reviews_the_wards_reports(
    world: Any, scene: dict[str, Any], make_user: Any
) -> None:
    committee = scene["committee"]
    abolition.abolish(None, world.province, {world.nha_trang.pk: committee.pk}, JULY_1)
    head = make_user("ubndtinh", Role.AGENCY_OFFICER, world.province, committee)
    a, _b = scene["sub"]
    _accept(scene["c"].officer_a, head, a, 50)
    assert Assignment.objects.get(pk=scene["c"].city.pk).progress > 0


def test_an_empty_part_folds_into_the_part_the_successor_takes(
    world: Any, scene: dict[str, Any]
) -> None:
    """Both districts hold an empty part of T4; Nha Trang handed its part to Vĩnh Lương. Both
    go to the province's committee: Cam Ranh's part moves (first by name) and holds T4, Nha
    Trang's empty part folds into it — Vĩnh Lương's sub-assignment goes under the committee's
    part, the empty row is removed, audited with its values."""
    committee, c = scene["committee"], scene["c"]
    t4 = create_task(world.coordinator, world.plan, title="Sơ kết", lead_group=world.districts)
    nt_part = t4.assignments.get(agency=world.nha_trang)
    cr_part = t4.assignments.get(agency=world.cam_ranh)
    (vinh_luong,) = split_assignment(world.nhatrang, nt_part, agencies=[c.ward_b])
    before = _counts()
    mapping = {world.nha_trang.pk: committee.pk, world.cam_ranh.pk: committee.pk}
    found = abolition.preview(world.province, mapping, JULY_1)
    assert found.problems == []
    assert (found.moved, found.folded) == (5, 1)  # T1, T3, T4 (NT); T2, T4 (CR); NT's T4 folds

    abolition.abolish(world.coordinator, world.province, mapping, JULY_1)

    assignments, reports, audit = _counts()
    assert (assignments, reports) == (before[0] - 1, before[1])  # the empty part only
    # 4 moves + 1 fold + 1 reparented sub-assignment + 2 wards moved up + 2 users moved + 2
    # dissolutions + the record (the holder's roll-up is unchanged: 0 % own, 0 % Vĩnh Lương,
    # so not recorded)
    assert audit - before[2] == 4 + 1 + 1 + 2 + 2 + 2 + 1
    assert not Assignment.objects.filter(pk=nt_part.pk).exists()
    holder = Assignment.objects.get(pk=cr_part.pk)
    assert holder.agency == committee
    vinh_luong = Assignment.objects.get(pk=vinh_luong.pk)
    assert (vinh_luong.parent_id, vinh_luong.lineage) == (holder.pk, f"/{holder.pk}/")
    fold = AuditEntry.objects.get(action="assignment.fold")
    assert fold.changes["agency"] == ["UBND thành phố Nha Trang", "UBND tỉnh Khánh Hòa"]


def test_the_part_with_reports_holds_and_an_empty_one_folds(
    world: Any, scene: dict[str, Any]
) -> None:
    """Nha Trang reported on T4, Cam Ranh did not: Nha Trang's part moves (although Cam Ranh
    comes first by name) and Cam Ranh's empty part folds."""
    committee = scene["committee"]
    t4 = create_task(world.coordinator, world.plan, title="Sơ kết", lead_group=world.districts)
    nt_part, cr_part = (t4.assignments.get(agency=a) for a in (world.nha_trang, world.cam_ranh))
    submit_report(world.nhatrang, nt_part, narrative="Đã làm", progress=10)
    mapping = {world.nha_trang.pk: committee.pk, world.cam_ranh.pk: committee.pk}
    found = abolition.preview(world.province, mapping, JULY_1)
    folds = {m.pk: (m.folds, m.merges) for h in found.handovers for m in h.moved}
    assert found.problems == []
    assert (folds[nt_part.pk], folds[cr_part.pk]) == ((False, False), (True, False))


def test_two_parts_with_reports_merge_into_one_keeping_both_threads(
    world: Any, scene: dict[str, Any]
) -> None:
    """Both districts reported on T4 and both go to the province's committee. Known answers:
    Cam Ranh's part (first by name, with a record) moves and holds T4; Nha Trang's folds into it
    with its two reports (one accepted at 40 %, one waiting), which keep their author and state;
    the holder's own progress is the mean of the two parts, (0 + 40) // 2 = 20 (Cam Ranh's
    report waits for review, so its accepted share is 0); one assignment fewer, no report lost;
    audited: one report.fold per report, the fold (2 reports handed over) and the merge. The
    committee then reviews the waiting report in its own thread."""
    committee = scene["committee"]
    t4 = create_task(world.coordinator, world.plan, title="Sơ kết", lead_group=world.districts)
    nt_part, cr_part = (t4.assignments.get(agency=a) for a in (world.nha_trang, world.cam_ranh))
    _accept(world.nhatrang, world.coordinator, nt_part, 40)
    waiting = submit_report(
        world.nhatrang, Assignment.objects.get(pk=nt_part.pk), narrative="Thêm", progress=60
    )
    submit_report(world.camranh, cr_part, narrative="Đã làm", progress=20)
    mapping = {world.nha_trang.pk: committee.pk, world.cam_ranh.pk: committee.pk}
    found = abolition.preview(world.province, mapping, JULY_1)
    assert found.problems == [] and found.merged == 1
    before = _counts()

    abolition.abolish(world.coordinator, world.province, mapping, JULY_1)

    assignments, reports, _audit = _counts()
    assert (assignments, reports) == (before[0] - 1, before[1])
    assert not Assignment.objects.filter(pk=nt_part.pk).exists()
    holder = Assignment.objects.get(pk=cr_part.pk)
    assert holder.agency == committee
    thread = list(holder.reports.order_by("pk").values_list("author__username", "state"))
    assert thread == [
        ("nhatrang", "accepted"),
        ("nhatrang", "submitted"),
        ("camranh", "submitted"),
    ]
    assert (holder.own_progress, holder.progress, holder.completed_on) == (20, 20, None)
    assert AuditEntry.objects.filter(action="report.fold").count() == 2
    fold = AuditEntry.objects.get(action="assignment.fold")
    assert fold.changes["reports"] == [2, 0]
    merge = AuditEntry.objects.get(action="assignment.merge", object_id=str(holder.pk))
    assert merge.changes["own_progress"] == [0, 20] and merge.changes["reports"] == [None, 3]

    review_report(
        world.coordinator, ProgressReport.objects.get(pk=waiting.pk), accept=True, version=None
    )
    assert Assignment.objects.get(pk=holder.pk).own_progress == 60
