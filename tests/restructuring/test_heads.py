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


def _admin_client(make_user: Any) -> Client:
    admin = make_user("quantri", Role.ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = Client()
    client.force_login(admin)
    return client


def _save_in_admin(client: Client, user: User, **changes: Any) -> None:
    """Post the Django admin's change form of `user` as it stands, with `changes`."""
    url = f"/quan-tri/accounts/user/{user.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    for key in ("last_login", "groups", "user_permissions", "date_joined"):
        data.pop(key, None)
    data.update({"date_joined_0": "01/01/2025", "date_joined_1": "08:00:00", "is_active": "on"})
    data.update(changes)
    assert client.post(url, data).status_code == 302


def test_a_head_made_again_in_the_admin_is_audited_and_stays_head(
    world: Any, committee: Agency, head: User, make_user: Any
) -> None:
    """Lowered by the follow-up, made head again by an administrator in the Django admin: the
    change is in chiso's log ("user.update", role old → new) and the follow-up leaves it."""
    _moved_before_the_rule(head, world.nha_trang, committee)
    followup.apply(None, world.province)
    admin = _admin_client(make_user)
    _save_in_admin(admin, User.objects.get(pk=head.pk), role=Role.AGENCY_HEAD)
    entry = AuditEntry.objects.filter(object_id=str(head.pk)).latest("id")
    assert (entry.action, entry.changes) == (
        "user.update",
        {"role": ["agency_officer", "agency_head"]},
    )
    assert entry.note == "Sửa trong trang quản trị" and entry.actor.username == "quantri"
    # The admin's own log names the field as the follow-up reads it for earlier changes.
    moved_at = AuditEntry.objects.get(action="user.handover").at
    assert followup.role_set_in_admin(head, moved_at) is not None
    assert followup.heads_after_moves(world.province) == []
    out = StringIO()
    call_command("restructure", "follow-up", "--province", "56", "--apply", stdout=out)
    assert "Không còn gì" in out.getvalue()
    assert User.objects.get(pk=head.pk).role == Role.AGENCY_HEAD


def test_an_officer_made_head_of_the_successor_in_the_admin_is_not_lowered(
    world: Any, committee: Agency, make_user: Any
) -> None:
    """Moved as an officer before the rule, then named the successor's head by an
    administrator: the handover is no longer the account's latest entry."""
    officer = world.nhatrang
    _moved_before_the_rule(officer, world.nha_trang, committee)
    admin = _admin_client(make_user)
    _save_in_admin(admin, User.objects.get(pk=officer.pk), role=Role.AGENCY_HEAD)
    assert User.objects.get(pk=officer.pk).role == Role.AGENCY_HEAD
    assert followup.moved_heads(world.province) == []
    followup.apply(None, world.province)
    assert User.objects.get(pk=officer.pk).role == Role.AGENCY_HEAD


def test_an_admin_edit_of_other_fields_is_not_logged_and_does_not_count(
    world: Any, committee: Agency, head: User, make_user: Any
) -> None:
    _moved_before_the_rule(head, world.nha_trang, committee)
    admin = _admin_client(make_user)
    _save_in_admin(admin, User.objects.get(pk=head.pk), email="ct@example.vn")
    assert not AuditEntry.objects.filter(action="user.update").exists()
    (found,) = followup.moved_heads(world.province)
    assert found.user == head


def test_a_role_set_in_bulk_set_up_after_the_move_counts_too(
    world: Any, committee: Agency, head: User
) -> None:
    _moved_before_the_rule(head, world.nha_trang, committee)
    record(world.coordinator, head, "user.update", {"role": [None, Role.AGENCY_HEAD]})
    assert followup.moved_heads(world.province) == []


def test_a_role_changed_in_the_admin_before_it_was_audited_is_kept(
    world: Any, committee: Agency, head: User, make_user: Any
) -> None:
    """A change made in the admin before this rule is only in the admin's own log (LogEntry,
    field names untranslated): the follow-up lists the head as kept and does not lower them."""
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    _moved_before_the_rule(head, world.nha_trang, committee)
    moved_at = AuditEntry.objects.get(action="user.handover").at
    admin = make_user("quantri", Role.ADMIN)

    def admin_log(message: str, at: dt.datetime) -> None:
        LogEntry.objects.create(
            user=admin,
            content_type=ContentType.objects.get_for_model(User),
            object_id=str(head.pk),
            object_repr=head.username,
            action_flag=CHANGE,
            change_message=message,
            action_time=at,
        )

    admin_log('[{"changed": {"fields": ["Vai trò"]}}]', moved_at - dt.timedelta(days=1))
    admin_log('[{"changed": {"fields": ["Email address"]}}]', moved_at + dt.timedelta(days=1))
    assert [h.user for h in followup.moved_heads(world.province)] == [head]  # nothing counts
    regranted = moved_at + dt.timedelta(days=2)
    admin_log('[{"changed": {"fields": ["Email address", "Vai trò"]}}]', regranted)
    assert followup.moved_heads(world.province) == []
    (kept,) = followup.heads_after_moves(world.province)
    assert (kept.user, kept.regranted_at) == (head, regranted)
    out = StringIO()
    call_command("restructure", "follow-up", "--province", "56", "--apply", stdout=out)
    assert f"quản trị đặt vai trò ngày {regranted:%d/%m/%Y} → giữ nguyên" in out.getvalue()
    assert User.objects.get(pk=head.pk).role == Role.AGENCY_HEAD


def test_the_history_page_counts_and_names_the_lowered_heads(
    world: Any, committee: Agency, head: User, make_user: Any
) -> None:
    abolition.abolish(None, world.province, {world.nha_trang.pk: committee.pk}, JULY_1)
    late = make_user("ldcamranh", Role.AGENCY_HEAD, world.province, world.cam_ranh)
    _moved_before_the_rule(late, world.cam_ranh, committee)
    followup.apply(None, world.province)
    client = Client()
    client.force_login(world.coordinator)
    page = client.get(reverse("restructuring:index")).content.decode()
    assert "1 lãnh đạo cơ quan hạ thành cán bộ." in page
    assert "lãnh đạo cơ quan hạ thành cán bộ: Hồ Văn Thủ Trưởng (chutich)" in page
    assert 'data-testid="restructure-lowered-later"' in page
    assert "1 lãnh đạo cơ quan hạ thành cán bộ</span>" in page and "· ldcamranh (ldcamranh)" in page
