"""A dissolved agency's head moves to the successor as an officer: a head's rights (signing off
the agency's reports) were earned in the dissolved agency, not in the successor. The preview
and the command say so before anything is saved; the follow-up lists (and with --apply
lowers) heads moved before this rule."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from chiso.accounts.models import Agency, AgencyKind, Role, User
from chiso.audit.models import AuditEntry
from chiso.audit.services import record
from chiso.plans import services
from chiso.plans.access import can_sign_off
from chiso.plans.models import ReportingSettings, ReportState
from chiso.restructuring import abolition, followup

pytestmark = pytest.mark.django_db

JULY_1 = dt.date(2025, 7, 1)
NOTE = (
    "Chuyển sang UBND tỉnh Khánh Hòa theo sắp xếp; vai trò lãnh đạo cơ quan hạ thành cán bộ: "
    "lãnh đạo cơ quan mới do quản trị giao"
)


@pytest.fixture
def committee(world: Any) -> Agency:
    return Agency.objects.create(
        province=world.province, name="UBND tỉnh Khánh Hòa", kind=AgencyKind.PEOPLES_COMMITTEE
    )


@pytest.fixture
def head(world: Any, make_user: Any) -> User:
    user: User = make_user("chutich", Role.AGENCY_HEAD, world.province, world.nha_trang)
    user.last_name, user.first_name = "Hồ Văn", "Thủ Trưởng"
    user.save()
    return user


def test_preview_and_command_name_the_head_who_loses_the_role(
    world: Any, committee: Agency, head: User
) -> None:
    found = abolition.preview(world.province, {world.nha_trang.pk: committee.pk}, JULY_1)
    (handover,) = found.handovers
    assert (handover.users, handover.heads, found.heads) == (2, ["Hồ Văn Thủ Trưởng (chutich)"], 1)
    out = StringIO()
    call_command(
        "restructure",
        "abolish",
        "--province",
        "56",
        "--map",
        "UBND thành phố Nha Trang=UBND tỉnh Khánh Hòa",
        stdout=out,
    )
    text = out.getvalue()
    assert "! Hồ Văn Thủ Trưởng (chutich): lãnh đạo cơ quan → cán bộ tại UBND tỉnh" in text
    assert "1 tài khoản lãnh đạo cơ quan hạ thành cán bộ." in text
    assert User.objects.get(pk=head.pk).role == Role.AGENCY_HEAD  # nothing saved
    client = Client()
    client.force_login(world.coordinator)
    data = {"effective_on": "01/07/2025", f"ke_nhiem_{world.nha_trang.pk}": str(committee.pk)}
    page = client.post(reverse("restructuring:abolish"), {**data, "preview": "1"}).content
    assert b'data-testid="abolish-heads-total"' in page
    assert "Gồm: Hồ Văn Thủ Trưởng (chutich)." in page.decode()
    assert "Hồ Văn Thủ Trưởng (chutich)" in page.decode()


def test_the_head_becomes_an_officer_and_an_officer_keeps_the_role(
    world: Any, committee: Agency, head: User
) -> None:
    done = abolition.abolish(
        world.coordinator, world.province, {world.nha_trang.pk: committee.pk}, JULY_1
    )
    moved = {u.username: (u.agency, u.role) for u in User.objects.filter(agency=committee)}
    assert moved == {
        "chutich": (committee, Role.AGENCY_OFFICER),
        "nhatrang": (committee, Role.AGENCY_OFFICER),  # an officer stays an officer
    }
    entry = AuditEntry.objects.get(action="user.handover", object_id=str(head.pk))
    assert entry.changes == {
        "agency": ["UBND thành phố Nha Trang", "UBND tỉnh Khánh Hòa"],
        "role": ["agency_head", "agency_officer"],
    }
    assert entry.note == f"Sắp xếp đơn vị hành chính, có hiệu lực từ 01/07/2025. {NOTE}"
    assert entry.actor == world.coordinator
    officer = AuditEntry.objects.get(action="user.handover", object_id=str(world.nhatrang.pk))
    assert "role" not in officer.changes and "vai trò" not in officer.note
    assert done.summary["agencies"][0]["heads"] == ["Hồ Văn Thủ Trưởng (chutich)"]
    assert followup.moved_heads(world.province) == []  # nothing for the follow-up to do


def test_a_supervisor_keeps_the_role(world: Any, committee: Agency) -> None:
    abolition.abolish(None, world.province, {world.front.pk: committee.pk}, JULY_1)
    assert User.objects.get(username="mttq").role == Role.SUPERVISOR


def test_the_former_head_cannot_sign_off_the_successors_reports(
    world: Any, committee: Agency, head: User, make_user: Any
) -> None:
    officer = make_user("vanphong", Role.AGENCY_OFFICER, world.province, committee)
    task = services.create_task(
        world.coordinator, world.plan, title="Cải cách hành chính", lead_agencies=[committee]
    )
    rules = ReportingSettings.objects.create(province=world.province)
    rules.signoff_agencies.set([committee])
    abolition.abolish(None, world.province, {world.nha_trang.pk: committee.pk}, JULY_1)
    head.refresh_from_db()
    part = task.assignments.get(agency=committee)
    report = services.submit_report(officer, part, narrative="x", progress=10)
    assert report.state == ReportState.AWAITING_HEAD
    assert not can_sign_off(head, part)
    with pytest.raises(PermissionDenied):
        services.sign_off_report(head, report, approve=True, version=1)
    client = Client()
    client.force_login(head)
    response = client.post(
        reverse("plans:report-signoff", args=[report.pk]), {"decision": "approve", "version": 1}
    )
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.state == ReportState.AWAITING_HEAD and report.head_reviewer is None


def _moved_before_the_rule(head: User, old: Agency, successor: Agency) -> None:
    """What an abolition saved before this rule left: the head at the successor, still head,
    audited `user.handover` with no role change."""
    head.agency = successor
    head.save(update_fields=["agency"])
    record(None, head, "user.handover", {"agency": [old.name, successor.name]})


def test_follow_up_lists_then_lowers_heads_moved_before_the_rule(
    world: Any, committee: Agency, head: User, make_user: Any
) -> None:
    _moved_before_the_rule(head, world.nha_trang, committee)
    own_head = make_user("chutichtinh", Role.AGENCY_HEAD, world.province, committee)
    (found,) = followup.moved_heads(world.province)
    assert (found.user, found.came_from) == (head, "UBND thành phố Nha Trang")
    preview = StringIO()
    call_command("restructure", "follow-up", "--province", "56", stdout=preview)
    assert (
        "Hồ Văn Thủ Trưởng (chutich): lãnh đạo cơ quan tại UBND tỉnh Khánh Hòa, chuyển đến từ "
        "UBND thành phố Nha Trang ngày" in preview.getvalue()
    )
    assert "Xem trước" in preview.getvalue()
    assert User.objects.get(pk=head.pk).role == Role.AGENCY_HEAD  # the preview changes nothing
    call_command("restructure", "follow-up", "--province", "56", "--apply", stdout=StringIO())
    assert User.objects.get(pk=head.pk).role == Role.AGENCY_OFFICER
    assert User.objects.get(pk=own_head.pk).role == Role.AGENCY_HEAD  # never moved: untouched
    entry = AuditEntry.objects.get(action="user.head_lowered")
    assert entry.changes == {"role": ["agency_head", "agency_officer"]} and entry.note == NOTE
    # Done once: an administrator who makes the person head again is not overruled.
    User.objects.filter(pk=head.pk).update(role=Role.AGENCY_HEAD)
    assert followup.moved_heads(world.province) == []
    again = StringIO()
    call_command("restructure", "follow-up", "--province", "56", "--apply", stdout=again)
    assert "Không còn gì" in again.getvalue()
