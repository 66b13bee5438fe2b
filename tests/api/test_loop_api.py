"""The API of the reporting loop: inbox, review and sign-off, notifications, periods."""

from __future__ import annotations

import datetime as dt

from chiso.notifications.models import Notification
from chiso.plans import services
from chiso.plans.models import ReportingSettings, ReportState


def test_inbox_review_and_notifications(world, client_for):
    coordinator = client_for("coordinator")
    waiting = coordinator.get("/api/v1/inbox/").json()
    assert [r["id"] for r in waiting["results"]] == [world.home.report_a.pk, world.home.report_b.pk]
    refused = coordinator.post(
        f"/api/v1/reports/{world.home.report_a.pk}/review/",
        {"decision": "return", "comment": " ", "version": "1"},
    )
    assert refused.status_code == 400 and refused.json()["error"]["field"] == "comment"
    returned = coordinator.post(
        f"/api/v1/reports/{world.home.report_a.pk}/review/",
        {"decision": "return", "comment": "Thiếu biên bản", "version": "1"},
    )
    assert returned.status_code == 200 and returned.json()["state"]["code"] == "returned"
    again = coordinator.post(
        f"/api/v1/reports/{world.home.report_a.pk}/review/",
        {"decision": "accept", "version": "2"},
    )
    assert again.status_code == 409
    officer = client_for("officer_a")
    assert [r["id"] for r in officer.get("/api/v1/inbox/?queue=returned").json()["results"]] == [
        world.home.report_a.pk
    ]
    notices = officer.get("/api/v1/notifications/?unread=true").json()["results"]
    assert notices[0]["kind"] == "report_returned" and "Thiếu biên bản" in notices[0]["text"]
    read = officer.post(f"/api/v1/notifications/{notices[0]['id']}/read/").json()
    assert read["read_at"] is not None
    other = Notification.objects.get(pk=notices[0]["id"])
    assert (
        client_for("officer_b").post(f"/api/v1/notifications/{other.pk}/read/").status_code == 404
    )


def test_sign_off_and_periods(world, client_for):
    rules = ReportingSettings.objects.create(province=world.home.province)
    rules.signoff_agencies.set([world.agency_a])
    a = world.home.assignment_a
    services.review_report(world.users["coordinator"], world.home.report_a, accept=True, version=1)
    report = services.submit_report(world.users["officer_a"], a, narrative="Quý III", progress=60)
    assert report.state == ReportState.AWAITING_HEAD
    head = client_for("agency_head")
    assert [r["id"] for r in head.get("/api/v1/inbox/?queue=signoff").json()["results"]] == [
        report.pk
    ]
    approved = head.post(
        f"/api/v1/reports/{report.pk}/sign-off/", {"decision": "approve", "version": "1"}
    ).json()
    assert approved["state"]["code"] == "submitted" and approved["head_reviewer"]["id"]
    task = world.home.task
    services.set_schedule(
        world.users["coordinator"],
        task,
        report_schedule="dates",
        report_dates=[dt.date(2023, 9, 29)],
        version=task.version,
    )
    periods = client_for("officer_a").get(f"/api/v1/assignments/{a.pk}/periods/").json()
    assert periods["next_due"] == "2023-06-30"
    assert [(p["due_on"], p["status"]["code"]) for p in periods["periods"]] == [
        ("2023-09-29", "not_due")
    ]
