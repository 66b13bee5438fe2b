"""send_reminders: who gets which mail, escalation to the head, idempotency, dry run."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from chiso.accounts.models import Role
from chiso.dashboards.models import EscalationLevel, ReminderKind, ReminderLog
from chiso.plans.models import Assignment
from tests.dashboards.conftest import PlanData


@pytest.fixture
def staff(plan_data: PlanData, province: Any, make_user: Any) -> dict[str, Any]:
    people = {
        "nt_officer": make_user("nt1", Role.AGENCY_OFFICER, province, plan_data.nha_trang),
        "nt_head": make_user("nt_head", Role.AGENCY_HEAD, province, plan_data.nha_trang),
        "mttq": make_user("mttq1", Role.SUPERVISOR, province, plan_data.front),
        "nt_no_mail": make_user("nt2", Role.AGENCY_OFFICER, province, plan_data.nha_trang),
        "leader": make_user("lanhdao", Role.LEADERSHIP, province, plan_data.nha_trang),
    }
    for name, user in people.items():
        user.email = "" if name == "nt_no_mail" else f"{user.username}@example.vn"
        user.save()
    return people


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    call_command("send_reminders", *args)
    return capsys.readouterr().out


def test_reminders_escalate_and_are_sent_once(
    plan_data: PlanData,
    staff: dict[str, Any],
    today_2023: dt.date,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys)
    by_to = {m.to[0]: m for m in mail.outbox}
    # Overdue T1 (Nha Trang): the officer is told, the head gets the escalation.
    assert set(by_to) == {"nt1@example.vn", "nt_head@example.vn", "mttq1@example.vn"}
    assert by_to["nt1@example.vn"].subject == (
        "[chiso] 1 nhiệm vụ quá hạn — UBND thành phố Nha Trang"
    )
    assert by_to["nt_head@example.vn"].subject == (
        "[chiso] Báo cáo lãnh đạo: 1 nhiệm vụ quá hạn — UBND thành phố Nha Trang"
    )
    assert "Tuyên truyền dân chủ cơ sở" in by_to["nt_head@example.vn"].body
    assert "30/06/2023" in by_to["nt_head@example.vn"].body
    assert "chỉ đạo hoàn thành" in by_to["nt_head@example.vn"].body
    # Due soon (20/08, within 14 days): the Front's supervisor.
    assert by_to["mttq1@example.vn"].subject == (
        "[chiso] 1 nhiệm vụ sắp đến hạn — Ủy ban MTTQ Việt Nam tỉnh"
    )
    assert "Đã gửi 3 thư (3 lời nhắc) ngày 15/08/2023." in out
    logs = set(ReminderLog.objects.values_list("assignment_id", "kind", "level"))
    assert logs == {
        (plan_data.assignments["t1_nt"].pk, ReminderKind.OVERDUE, EscalationLevel.AGENCY),
        (plan_data.assignments["t1_nt"].pk, ReminderKind.OVERDUE, EscalationLevel.AGENCY_HEAD),
        (plan_data.assignments["t3_mttq"].pk, ReminderKind.DUE_SOON, EscalationLevel.AGENCY),
    }

    mail.outbox.clear()
    out = run(capsys)
    assert mail.outbox == [] and "Đã gửi 0 thư" in out
    assert ReminderLog.objects.count() == 3


def test_moved_deadline_starts_a_new_series(
    plan_data: PlanData,
    staff: dict[str, Any],
    today_2023: dt.date,
    capsys: pytest.CaptureFixture[str],
    settings: Any,
) -> None:
    run(capsys)
    mail.outbox.clear()
    Assignment.objects.filter(pk=plan_data.assignments["t1_nt"].pk).update(
        deadline=dt.date(2023, 8, 25)
    )
    run(capsys)
    # Now due soon instead of overdue: one mail to the agency (officer and head together).
    assert sorted(m.to[0] for m in mail.outbox) == ["nt1@example.vn", "nt_head@example.vn"]
    assert all("sắp đến hạn" in m.subject for m in mail.outbox)
    # A week later it is overdue again, under the new deadline: told again.
    mail.outbox.clear()
    settings.CHISO_TODAY = "2023-08-30"
    call_command("send_reminders")
    err = capsys.readouterr().err
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("mttq1@example.vn", "[chiso] 1 nhiệm vụ quá hạn — Ủy ban MTTQ Việt Nam tỉnh"),
        ("nt1@example.vn", "[chiso] 1 nhiệm vụ quá hạn — UBND thành phố Nha Trang"),
        (
            "nt_head@example.vn",
            "[chiso] Báo cáo lãnh đạo: 1 nhiệm vụ quá hạn — UBND thành phố Nha Trang",
        ),
    ]
    # The Front has no head on file: nothing to escalate to, said on stderr, nothing logged.
    assert err == "Ủy ban MTTQ Việt Nam tỉnh: Quá hạn (cấp 1) — không có ai có e-mail để gửi.\n"


def test_dry_run_sends_and_logs_nothing(
    plan_data: PlanData,
    staff: dict[str, Any],
    today_2023: dt.date,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys, "--dry-run")
    assert mail.outbox == [] and ReminderLog.objects.count() == 0
    assert "[thử] UBND thành phố Nha Trang: Quá hạn (cấp 1), 1 nhiệm vụ → nt_head@example.vn" in out
    assert "Sẽ gửi 3 thư (3 lời nhắc)" in out


def test_failed_send_logs_nothing(
    plan_data: PlanData,
    staff: dict[str, Any],
    today_2023: dt.date,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from django.core.mail import EmailMessage

    def broken(self: Any, fail_silently: bool = False) -> int:
        raise OSError("SMTP down")

    monkeypatch.setattr(EmailMessage, "send", broken)
    with pytest.raises(OSError):
        call_command("send_reminders")
    assert ReminderLog.objects.count() == 0  # the next run tries again
