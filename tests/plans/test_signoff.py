"""Agency head sign-off: off by default; where the province asks it of an agency, an officer's
report goes to the head first, who approves it on to Sở Nội vụ or sends it back."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from chiso.accounts.models import Role
from chiso.audit.models import AuditEntry
from chiso.notifications.models import Kind, Notification
from chiso.plans import services
from chiso.plans.inbox import review_queue, signoff_queue
from chiso.plans.models import ReportingSettings, ReportState
from tests.plans.inbox_html import ids


@pytest.fixture
def head(world, make_user):
    return make_user("chutich", Role.AGENCY_HEAD, world.province, world.nha_trang)


@pytest.fixture
def signoff_on(world):
    rules = ReportingSettings.objects.create(province=world.province)
    rules.signoff_agencies.set([world.nha_trang])
    return rules


def test_off_by_default_the_report_goes_straight_to_review(world, district_task, head):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(world.nhatrang, assignment, narrative="x", progress=10)
    assert report.state == ReportState.SUBMITTED


def test_the_head_approves_and_then_sở_nội_vụ_reviews(world, district_task, head, signoff_on):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(world.nhatrang, assignment, narrative="x", progress=10)
    assert report.state == ReportState.AWAITING_HEAD
    assert list(signoff_queue(head)) == [report] and list(review_queue(world.coordinator)) == []
    assert Notification.objects.filter(recipient=head, kind=Kind.AWAITING_HEAD).exists()
    assert not Notification.objects.filter(
        recipient=world.coordinator, kind=Kind.REPORT_SUBMITTED
    ).exists()
    with pytest.raises(services.PlanError, match="chờ lãnh đạo"):
        services.review_report(world.coordinator, report, accept=True, version=1)
    with pytest.raises(services.PlanError, match="chờ lãnh đạo"):
        services.submit_report(world.nhatrang, assignment, narrative="y", progress=20)
    services.sign_off_report(head, report, approve=True, version=1)
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and report.head_reviewer == head
    assert list(review_queue(world.coordinator)) == [report]
    assert Notification.objects.filter(recipient=world.coordinator, kind=Kind.REPORT_SUBMITTED)
    services.review_report(world.coordinator, report, accept=True, version=2)
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions[-4:] == [
        "report.submit",
        "report.head_approve",
        "report.accept",
        "assignment.progress",
    ]


def test_the_head_sends_back_with_a_comment(world, district_task, head, signoff_on, client):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(world.nhatrang, assignment, narrative="x", progress=10)
    with pytest.raises(services.PlanError) as error:
        services.sign_off_report(head, report, approve=False, comment=" ", version=1)
    assert error.value.field == "comment"
    with pytest.raises(PermissionDenied):
        services.sign_off_report(world.camranh, report, approve=True, version=1)
    client.force_login(head)
    response = client.post(
        reverse("plans:report-signoff", args=[report.pk]),
        {"decision": "return", "comment": "Bổ sung số liệu 27 xã", "version": 1},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.RETURNED and report.head_comment == "Bổ sung số liệu 27 xã"
    returned = Notification.objects.get(recipient=world.nhatrang, kind=Kind.REPORT_RETURNED)
    assert returned.params["comment"] == "Bổ sung số liệu 27 xã"
    client.force_login(world.nhatrang)
    page = client.get(reverse("plans:assignment-detail", args=[assignment.pk])).content.decode()
    assert 'data-testid="head-step"' in page and "Bổ sung số liệu 27 xã" in page
    inbox = client.get(reverse("plans:inbox"))
    assert ids(inbox, "inbox-returned") == [report.pk]
    again = services.resubmit_report(world.nhatrang, report, narrative="Đủ", progress=20)
    assert again.state == ReportState.AWAITING_HEAD


def test_a_heads_own_report_needs_no_sign_off(world, district_task, head, signoff_on):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(head, assignment, narrative="x", progress=10)
    assert report.state == ReportState.SUBMITTED


def test_the_heads_badge_counts_each_queue_once_in_one_query_per_queue(
    world, district_task, head, signoff_on, client, django_assert_max_num_queries
):
    """The menu badge is the sum of the head's queues (to approve, sent back to the agency, to
    review on sub-assignments): one indexed count per queue, never an OR of them (issue 19)."""
    returned = services.submit_report(
        world.nhatrang,
        district_task.assignments.get(agency=world.nha_trang),
        narrative="a",
        progress=10,
    )
    services.sign_off_report(head, returned, approve=False, comment="Bổ sung", version=1)
    other = services.create_task(
        world.coordinator, world.plan, title="Nhiệm vụ khác", lead_agencies=[world.nha_trang]
    )
    services.submit_report(world.nhatrang, other.assignments.get(), narrative="b", progress=20)
    client.force_login(head)
    client.get(reverse("menu-counts"))  # the session and the user loaded once
    with django_assert_max_num_queries(6):  # session, user, three queues, the bell
        counts = dict(client.get(reverse("menu-counts")).context["counts"])
    assert counts["badge-plans-inbox"] == 2  # one to approve, one sent back
