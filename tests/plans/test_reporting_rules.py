"""The coordinator's page of the province's report-review rules (ReportingSettings)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from chiso.accounts.models import Role
from chiso.audit.models import AuditEntry
from chiso.plans import access
from chiso.plans.errors import PlanError
from chiso.plans.models import ReportingSettings
from chiso.plans.services import save_reporting_rules

URL = reverse("plans:reporting-rules")


def test_it_works(world, client):
    client.force_login(world.coordinator)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Cài đặt duyệt báo cáo" in page.content.decode()
    response = client.post(
        URL,
        {
            "coordinating_agency": world.home_affairs.pk,
            "own_reports_reviewer": world.leadership.pk,
            "signoff_agencies": [world.nha_trang.pk, world.cam_ranh.pk],
        },
    )
    assert response.status_code == 302
    rules = ReportingSettings.objects.get(province=world.province)
    assert rules.coordinating_agency == world.home_affairs
    assert rules.own_reports_reviewer == world.leadership
    assert set(rules.signoff_agencies.all()) == {world.nha_trang, world.cam_ranh}
    # Leadership now reviews Sở Nội vụ's own reports, and the coordinator no longer does.
    assert access.reviewable_filter(world.leadership) is not None
    entry = AuditEntry.objects.get(action="reporting_settings.update")
    assert entry.changes["coordinating_agency"] == ["", "Sở Nội vụ"]
    page = client.get(URL).content.decode()
    assert "Sửa cài đặt duyệt báo cáo" in page  # the history under the form


def test_an_unchanged_save_writes_no_history(world):
    for _ in range(2):
        save_reporting_rules(
            world.coordinator,
            coordinating_agency=world.home_affairs,
            own_reports_reviewer=None,
            signoff_agencies=[],
        )
    assert AuditEntry.objects.filter(action="reporting_settings.update").count() == 1


def test_it_requires_rw_access(world, client):
    for user in (world.leadership, world.nhatrang, world.mttq):
        client.force_login(user)
        assert client.get(URL).status_code == 403
        assert client.post(URL, {"coordinating_agency": world.home_affairs.pk}).status_code == 403
    with pytest.raises(PermissionDenied):
        save_reporting_rules(
            world.leadership,
            coordinating_agency=world.home_affairs,
            own_reports_reviewer=None,
            signoff_agencies=[],
        )
    assert not ReportingSettings.objects.exists()


def test_it_checks_ownership(world, client, other_province, make_agency, make_user):
    outsider_agency = make_agency(other_province, "Sở Nội vụ Hà Nội")
    outsider = make_user("hanoi", Role.COORDINATOR, other_province, outsider_agency)
    client.force_login(world.coordinator)
    # Another province's agency is not among the choices: the form refuses it by name.
    page = client.post(URL, {"coordinating_agency": outsider_agency.pk})
    assert page.status_code == 200 and "coordinating_agency" in page.context["form"].errors
    page = client.post(
        URL, {"coordinating_agency": world.home_affairs.pk, "own_reports_reviewer": outsider.pk}
    )
    assert "own_reports_reviewer" in page.context["form"].errors
    with pytest.raises(PlanError) as refused:
        save_reporting_rules(
            world.coordinator,
            coordinating_agency=world.home_affairs,
            own_reports_reviewer=outsider,
            signoff_agencies=[],
        )
    assert refused.value.problems[0][0] == "own_reports_reviewer"
    # An officer cannot be named the reviewer, and a reviewer needs the agency they review.
    with pytest.raises(PlanError):
        save_reporting_rules(
            world.coordinator,
            coordinating_agency=world.home_affairs,
            own_reports_reviewer=world.nhatrang,
            signoff_agencies=[],
        )
    page = client.post(URL, {"own_reports_reviewer": world.leadership.pk})
    assert "coordinating_agency" in page.context["form"].errors
    assert not ReportingSettings.objects.exists()
    # The other province's coordinator sees and changes only their own province's rules.
    client.force_login(outsider)
    client.post(URL, {"coordinating_agency": outsider_agency.pk})
    assert list(ReportingSettings.objects.values_list("province", flat=True)) == [other_province.pk]
