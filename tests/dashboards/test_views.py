"""Dashboard pages: who sees what, bounded queries, links to the filtered task list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from chiso.dashboards import dashboard as dashboard_module
from chiso.results.errors import NoResults
from tests.dashboards.conftest import PlanData


@pytest.fixture(autouse=True)
def no_results(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(index: str = "PAPI") -> Any:
        raise NoResults("Chưa nhập kết quả PAPI nào.")

    monkeypatch.setattr(dashboard_module, "load_results", missing)


def test_dashboard_home_redirects_to_latest_plan(
    plan_data: PlanData, users: dict[str, Any], client: Client
) -> None:
    client.force_login(users["leadership"])
    response = client.get("/bang-dieu-khien/")
    assert response.status_code == 302 and response.url == f"/bang-dieu-khien/{plan_data.plan.pk}/"


@pytest.mark.parametrize("role", ["coordinator", "nhatrang", "leadership", "mttq"])
def test_every_user_of_the_province_sees_the_dashboard(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    django_assert_max_num_queries: Any,
    role: str,
) -> None:
    client.force_login(users[role])
    with django_assert_max_num_queries(16):
        response = client.get(f"/bang-dieu-khien/{plan_data.plan.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="kpi-total">7<' in body
    assert 'data-testid="kpi-overdue">1<' in body
    pk = plan_data.plan.pk
    assert f'href="/ke-hoach/{pk}/nhiem-vu/?status=overdue"' in body
    assert f"/ke-hoach/{pk}/nhiem-vu/?agency={plan_data.nha_trang.pk}&amp;status=overdue" in body
    assert f"/ke-hoach/{pk}/nhiem-vu/?unit=2.4" in body
    assert f"/ke-hoach/{pk}/nhiem-vu/?section={plan_data.sections['II.2'].pk}" in body
    assert ("Nhập nhiệm vụ từ XLSX" in body) == (role == "coordinator")


def test_agency_user_sees_own_agency_highlighted(
    plan_data: PlanData, users: dict[str, Any], client: Client, today_2023: dt.date
) -> None:
    client.force_login(users["nhatrang"])
    body = client.get(f"/bang-dieu-khien/{plan_data.plan.pk}/").content.decode()
    assert 'data-testid="my-agency"' in body
    assert "Cơ quan của anh/chị: UBND thành phố Nha Trang" in body
    assert f'<tr data-agency="{plan_data.nha_trang.pk}" class="is-mine"' in body
    client.force_login(users["leadership"])
    assert (
        'data-testid="my-agency"'
        not in client.get(f"/bang-dieu-khien/{plan_data.plan.pk}/").content.decode()
    )


def test_other_province_gets_404(
    plan_data: PlanData, users: dict[str, Any], client: Client
) -> None:
    client.force_login(users["outsider"])
    assert client.get(f"/bang-dieu-khien/{plan_data.plan.pk}/").status_code == 404
    body = client.get("/bang-dieu-khien/").content.decode()
    assert "Tỉnh chưa có kế hoạch nào" in body


def test_anonymous_is_sent_to_login(plan_data: PlanData, client: Client) -> None:
    response = client.get(f"/bang-dieu-khien/{plan_data.plan.pk}/")
    assert response.status_code == 302 and response.url.startswith("/dang-nhap/")


def test_deadline_lists(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    django_assert_max_num_queries: Any,
) -> None:
    client.force_login(users["coordinator"])
    with django_assert_max_num_queries(8):
        response = client.get("/bang-dieu-khien/thoi-han/")
    overdue, due = response.context["overdue"], response.context["due_soon"]
    assert [a.pk for a in overdue] == [plan_data.assignments["t1_nt"].pk]
    # Due within 14 days of 15/08: the Front's 20/08; T2 (29/09) is not.
    assert [a.pk for a in due] == [plan_data.assignments["t3_mttq"].pk]
    assert "46" in response.content.decode()  # 30/06 → 15/08 = 46 days overdue
    due = client.get("/bang-dieu-khien/thoi-han/", {"days": "60"}).context["due_soon"]
    assert len(due) == 3
    # Agency staff see only their own agency's deadlines.
    client.force_login(users["mttq"])  # supervisors read province-wide
    assert len(client.get("/bang-dieu-khien/thoi-han/").context["overdue"]) == 1
    client.force_login(users["nhatrang"])
    response = client.get("/bang-dieu-khien/thoi-han/", {"days": "60"})
    assert {a.agency_id for a in response.context["due_soon"]} == {plan_data.nha_trang.pk}


def test_home_panel(
    plan_data: PlanData, users: dict[str, Any], client: Client, today_2023: dt.date
) -> None:
    client.force_login(users["leadership"])
    body = client.get("/").content.decode()
    assert 'data-testid="home-plan-progress"' in body
    assert 'data-testid="home-overdue">1<' in body
    client.force_login(users["outsider"])
    assert 'data-testid="home-plan-progress"' not in client.get("/").content.decode()


def test_import_pages_for_coordinators_only(
    plan_data: PlanData, users: dict[str, Any], client: Client
) -> None:
    url = f"/bang-tinh/ke-hoach/{plan_data.plan.pk}/nhap/"
    for role in ("nhatrang", "leadership", "mttq"):
        client.force_login(users[role])
        assert client.get(url).status_code == 403
    client.force_login(users["coordinator"])
    assert client.get(url).status_code == 200


def test_dashboard_in_english(
    plan_data: PlanData, users: dict[str, Any], client: Client, today_2023: dt.date
) -> None:
    from django.utils import translation

    client.force_login(users["nhatrang"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    try:
        body = client.get(f"/bang-dieu-khien/{plan_data.plan.pk}/").content.decode()
    finally:
        # LocaleMiddleware leaves English active in this thread; later tests expect Vietnamese.
        translation.activate("vi")
    assert "Overall plan progress" in body
    assert "Your agency: UBND thành phố Nha Trang" in body
    assert "Figures as of 15/08/2023." in body
