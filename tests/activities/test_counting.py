"""Work that counts: activities, postings, inspection visits and survey-support tasks linked to
the assignment they fulfil, shown in its report thread, sent as a progress report in one step."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from chiso.activities.errors import ActivityError
from chiso.activities.models import PlaceType, WorkLink
from chiso.activities.services import record_activity, record_posting
from chiso.activities.services.counting import (
    count_work,
    link_work,
    report_text,
    report_work,
    unlink_work,
)
from chiso.audit.models import AuditEntry
from chiso.plans.errors import PlanError
from chiso.plans.models import ReportState

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(world: Any) -> Any:
    return record_activity(
        world.officer_nt,
        world.plan,
        kind="training",
        title="Tập huấn PAPI cho cán bộ phường",
        held_on=dt.date(2023, 7, 20),
        organiser=world.nhatrang,
        audience_type="grassroots_officials",
        audience_count=1250,
        place="Hội trường UBND thành phố",
    )


@pytest.fixture
def posting(world: Any) -> Any:
    return record_posting(
        world.officer_nt,
        world.plan,
        commune=world.vinh_hai,
        place_type=PlaceType.COMMUNE_OFFICE,
        place="Trụ sở UBND phường Vĩnh Hải",
        posted_on=dt.date(2023, 6, 20),
    )


def test_work_counts_and_is_sent_as_a_report_in_one_step(
    world: Any, training: Any, posting: Any
) -> None:
    link = count_work(world.officer_nt, world.assignment, training, progress=40, note="Quý III")
    report = link.report
    assert report is not None and report.state == ReportState.SUBMITTED
    assert report.progress == 40 and report.assignment_id == world.assignment.pk
    assert report.narrative == (
        "Quý III\nCông việc đã thực hiện:\n"
        "- Tập huấn “Tập huấn PAPI cho cán bộ phường”, 20/07/2023, "
        "Hội trường UBND thành phố, 1.250 người tham dự"
    )
    # A posting in one of Nha Trang's wards counts for the city's assignment too.
    second = link_work(world.officer_nt, world.assignment, posting)
    assert second.report_id is None
    assert "Niêm yết tại Trụ sở UBND phường Vĩnh Hải (UBND phường Vĩnh Hải), 20/06/2023" in (
        report_text([second])
    )
    actions = list(
        AuditEntry.objects.filter(action__startswith="work.").values_list("action", flat=True)
    )
    assert sorted(actions) == ["work.link", "work.link", "work.report"]


def test_rules_of_counting(world: Any, training: Any, make_agency: Any) -> None:
    link_work(world.officer_nt, world.assignment, training)
    with pytest.raises(ActivityError):  # once per assignment
        link_work(world.officer_nt, world.assignment, training)
    with pytest.raises(PermissionDenied):  # only the assignment's agency
        link_work(world.officer_cr, world.assignment, training)
    other = record_activity(
        world.officer_cr,
        world.plan,
        kind="conference",
        title="Hội nghị Cam Ranh",
        held_on=dt.date(2023, 7, 1),
        organiser=world.camranh,
        audience_type="officials",
    )
    with pytest.raises(ActivityError) as foreign:  # Cam Ranh's work is not Nha Trang's
        link_work(world.officer_nt, world.assignment, other)
    assert "UBND thành phố Nha Trang" in str(foreign.value)


def test_reported_work_stays_and_unsent_work_can_go(
    world: Any, training: Any, posting: Any
) -> None:
    sent = count_work(world.officer_nt, world.assignment, training, progress=20)
    with pytest.raises(ActivityError):
        unlink_work(world.officer_nt, sent)
    waiting = link_work(world.officer_nt, world.assignment, posting)
    with pytest.raises(PlanError):  # the previous report still waits for review
        report_work(world.officer_nt, world.assignment, [waiting], progress=50)
    assert WorkLink.objects.get(pk=waiting.pk).report_id is None  # nothing half saved
    unlink_work(world.officer_nt, waiting)
    assert not WorkLink.objects.filter(pk=waiting.pk).exists()


def test_count_from_the_work_page_and_see_it_in_the_thread(
    client: Any, world: Any, training: Any
) -> None:
    client.force_login(world.officer_nt)
    page = client.get(reverse("activities:activity-detail", args=[training.pk])).content.decode()
    assert 'data-testid="count-form"' in page
    response = client.post(
        reverse("activities:work-count"),
        {"kind": "activity", "work": training.pk, "assignment": world.assignment.pk},
    )
    assert response.status_code == 302
    detail = reverse("plans:assignment-detail", args=[world.assignment.pk])
    body = client.get(detail).content.decode()
    work = body[body.index('data-testid="assignment-work"') :]
    assert "Tập huấn PAPI cho cán bộ phường" in work and "chưa gửi báo cáo" in work
    link = WorkLink.objects.get()
    response = client.post(
        reverse("activities:work-report", args=[world.assignment.pk]),
        {"links": [link.pk], "progress": "35", "note": ""},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.report is not None and link.report.progress == 35
    # Another agency's officer neither sees the form nor counts the work.
    client.force_login(world.officer_cr)
    page = client.get(reverse("activities:activity-detail", args=[training.pk])).content.decode()
    assert 'data-testid="count-form"' not in page
    response = client.post(
        reverse("activities:work-report", args=[world.assignment.pk]),
        {"links": [link.pk], "progress": "35"},
    )
    assert response.status_code == 404
