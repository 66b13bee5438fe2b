"""Notifications: who gets what, never twice, e-mail at once / daily digest / off, the bell."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.urls import reverse

from chiso.accounts.models import Role
from chiso.notifications import deadlines, services
from chiso.notifications import mail as notification_mail
from chiso.notifications.fanout import Event, announce
from chiso.notifications.models import EmailMode, Kind, MailState, Notification
from chiso.notifications.text import describe
from chiso.plans import services as plan_services
from chiso.plans.models import ReportingSettings


def _got(user) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_report_reaches_the_reviewers_and_its_review_the_agency(world, district_task, make_user):
    head = make_user("truong", Role.AGENCY_HEAD, world.province, world.nha_trang)
    other_coordinator = make_user("phong", Role.COORDINATOR, world.province, world.home_affairs)
    Notification.objects.all().delete()  # the assignments' own notices
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = plan_services.submit_report(world.nhatrang, assignment, narrative="x", progress=40)
    assert _got(world.coordinator) == _got(other_coordinator) == [Kind.REPORT_SUBMITTED]
    assert _got(world.nhatrang) == [] and _got(world.leadership) == []
    plan_services.review_report(
        world.coordinator, report, accept=False, comment="Thiếu số liệu từng xã", version=1
    )
    assert _got(world.nhatrang) == _got(head) == [Kind.REPORT_RETURNED]
    assert _got(world.camranh) == []
    returned = Notification.objects.get(recipient=world.nhatrang)
    assert describe(returned) == (
        "Báo cáo “II.1 1. Công khai quy hoạch sử dụng đất” bị trả lại để bổ sung: "
        "Thiếu số liệu từng xã"
    )
    assert returned.url == reverse("plans:assignment-detail", args=[assignment.pk]) + (
        f"#bao-cao-{report.pk}"
    )


def test_the_coordinating_agencys_report_goes_to_the_named_reviewer_only(world, make_user):
    ReportingSettings.objects.create(
        province=world.province,
        coordinating_agency=world.home_affairs,
        own_reports_reviewer=world.leadership,
    )
    task = plan_services.create_task(
        world.coordinator, world.plan, title="Hội nghị", lead_agencies=[world.home_affairs]
    )
    Notification.objects.all().delete()
    plan_services.submit_report(
        world.coordinator, task.assignments.get(), narrative="Đã tổ chức", progress=100
    )
    assert _got(world.leadership) == [Kind.REPORT_SUBMITTED]
    assert _got(world.coordinator) == []  # the author: never told of their own report


def test_new_assignments_and_moved_deadlines_reach_the_agency(world, district_task):
    assert _got(world.nhatrang) == [Kind.ASSIGNED]
    plan_services.update_task(
        world.coordinator,
        district_task,
        version=district_task.version,
        deadline=dt.date(2023, 9, 30),
    )
    assert _got(world.nhatrang) == [Kind.ASSIGNED, Kind.DEADLINE_CHANGED]
    moved = Notification.objects.get(recipient=world.nhatrang, kind=Kind.DEADLINE_CHANGED)
    assert moved.params["date"] == "30/09/2023"


def test_the_same_event_never_reaches_anyone_twice(world, district_task):
    event = Event(world.province.pk, Kind.REPORT_ACCEPTED, "report_accepted:999", "/ke-hoach/")
    announce(event, [world.nhatrang.pk, world.nhatrang.pk])
    announce(event, [world.nhatrang.pk])
    assert Notification.objects.filter(key="report_accepted:999").count() == 1
    # The daily notices: the district task (due 30/06) is overdue on 15/08, once per due date.
    first = deadlines.announce_deadlines(dt.date(2023, 8, 15))
    deadlines.announce_deadlines(dt.date(2023, 8, 15))
    deadlines.announce_deadlines(dt.date(2023, 8, 16))
    overdue = Notification.objects.filter(kind=Kind.OVERDUE)
    assert first == 3 and overdue.count() == 3  # nhatrang, camranh, mttq
    assert set(overdue.values_list("params__date", flat=True)) == {"30/06/2023"}


def test_mail_at_once_as_a_digest_or_not_at_all(world, district_task, make_user, settings):
    settings.CHISO_SITE_URL = "https://chiso.khanhhoa.gov.vn"
    for user in (world.nhatrang, world.camranh, world.mttq):
        user.email = f"{user.username}@khanhhoa.gov.vn"
        user.save()
    services.set_mail_choice(world.camranh, EmailMode.DIGEST)
    services.set_mail_choice(world.mttq, EmailMode.OFF)
    deadlines.announce_deadlines(dt.date(2023, 8, 15))  # + the three "assigned" notices
    run = notification_mail.send_immediate()
    assert run.sent == 2 and [m.to for m in mail.outbox] == [["nhatrang@khanhhoa.gov.vn"]] * 2
    assert "https://chiso.khanhhoa.gov.vn/ke-hoach/phan-cong/" in mail.outbox[0].body
    assert notification_mail.send_immediate().sent == 0  # nothing twice
    digest = notification_mail.send_digests()
    assert digest.sent == 1 and mail.outbox[-1].to == ["camranh@khanhhoa.gov.vn"]
    assert "2 thông báo mới" in mail.outbox[-1].subject
    assert "1. " in mail.outbox[-1].body and "2. " in mail.outbox[-1].body
    assert notification_mail.send_digests().sent == 0
    assert not Notification.objects.filter(mail=MailState.PENDING).exists()
    assert Notification.objects.filter(recipient=world.mttq, mail=MailState.SKIPPED).count() == 2
    assert Notification.objects.filter(recipient=world.coordinator).count() == 0


def test_mail_is_queued_once_after_the_change_commits(
    world, immediate_jobs, django_capture_on_commit_callbacks
):
    world.nhatrang.email = "nhatrang@khanhhoa.gov.vn"
    world.nhatrang.save()
    world.coordinator.email = "sonoivu@khanhhoa.gov.vn"
    world.coordinator.save()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        task = plan_services.create_task(
            world.coordinator, world.plan, title="Niêm yết", lead_agencies=[world.nha_trang]
        )
        plan_services.submit_report(
            world.nhatrang, task.assignments.get(), narrative="x", progress=10
        )
        assert mail.outbox == []  # nothing is mailed before the transaction commits
    assert len(callbacks) == 1  # two events, one mail job
    assert sorted(m.to[0] for m in mail.outbox) == [
        "nhatrang@khanhhoa.gov.vn",
        "sonoivu@khanhhoa.gov.vn",
    ]


def test_the_bell_counts_unread_and_opening_marks_read(
    world, district_task, client, django_assert_max_num_queries
):
    client.force_login(world.nhatrang)
    # session, user, the province's data revision (the inbox badge's cache key), the officer's
    # two inbox queues (sent back; sub-assignments to review), bell
    with django_assert_max_num_queries(6):
        counts = dict(client.get(reverse("menu-counts")).context["counts"])
    assert counts["badge-notifications-list"] == 1
    notice = Notification.objects.get(recipient=world.nhatrang)
    response = client.get(reverse("notifications:open", args=[notice.pk]))
    assert response.url == reverse("plans:assignment-detail", args=[notice.key.split(":")[1]])
    assert (
        dict(client.get(reverse("menu-counts")).context["counts"])["badge-notifications-list"] == 0
    )
    client.force_login(world.camranh)
    assert client.get(reverse("notifications:open", args=[notice.pk])).status_code == 404


def test_the_list_is_a_fixed_number_of_queries(world, client, django_assert_max_num_queries):
    for i in range(40):
        announce(
            Event(
                world.province.pk,
                Kind.REPORT_ACCEPTED,
                f"report_accepted:{i}",
                "/ke-hoach/",
                {"task": f"Nhiệm vụ {i}"},
            ),
            [world.nhatrang.pk],
        )
    client.force_login(world.nhatrang)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("notifications:list"))
    assert len(page.context["rows"]) == 30
    client.post(reverse("notifications:mark-all-read"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    client.post(reverse("notifications:preferences"), {"email_mode": "digest", "language": "en"})
    assert services.mail_choice(world.nhatrang) == services.MailChoice(EmailMode.DIGEST, "en")


def test_mail_comes_in_the_language_the_person_chose(world, district_task):
    world.nhatrang.email = "nhatrang@khanhhoa.gov.vn"
    world.nhatrang.save()
    services.set_mail_choice(world.nhatrang, EmailMode.IMMEDIATE, language="en")
    deadlines.announce_deadlines(dt.date(2023, 8, 15))
    notification_mail.send_immediate()
    overdue = [m for m in mail.outbox if "30/06/2023" in m.body]
    assert overdue and all(m.body.startswith("Dear ") for m in mail.outbox)
    assert "Kính gửi" not in "".join(m.body for m in mail.outbox)


def test_the_mail_language_defaults_to_the_page_language_and_is_checked(world, client):
    assert services.mail_choice(world.nhatrang).language == "vi"
    assert services.mail_choice(world.nhatrang, default_language="en").language == "en"
    client.force_login(world.nhatrang)
    client.post(reverse("notifications:preferences"), {"email_mode": "off", "language": "fr"})
    assert services.mail_choice(world.nhatrang) == services.MailChoice(EmailMode.IMMEDIATE, "vi")
