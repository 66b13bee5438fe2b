"""Dashboard pages: who sees what, bounded queries, links to the filtered task list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
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


def test_a_later_years_plan_does_not_replace_the_current_one(
    plan_data: PlanData, users: dict[str, Any], client: Client, settings: Any
) -> None:
    """A plan drafted ahead for next year (or a later copy in a replayed demo) waits: home,
    dashboard and activities open the plan of the year under way."""
    from chiso.plans.models import Plan

    current = plan_data.plan
    settings.CHISO_TODAY = f"{current.year}-08-15"
    ahead = Plan.objects.create(
        province=current.province,
        number="9/KH-UBND",
        title="Kế hoạch năm sau",
        year=current.year + 1,
        baseline_year=current.year,
    )
    client.force_login(users["leadership"])
    assert client.get("/bang-dieu-khien/").url == f"/bang-dieu-khien/{current.pk}/"
    settings.CHISO_TODAY = f"{ahead.year}-01-02"
    assert client.get("/bang-dieu-khien/").url == f"/bang-dieu-khien/{ahead.pk}/"


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
    # The dashboard's own queries (session, user with province and agency, plan with its data
    # revision, the plan's tasks and their counters, counts and compliance per task and agency +
    # agency names, sections, task units, objectives and the plan's province, other plans, the
    # agencies of the responsibilities map for the filter); agency staff also their own agency's
    # compliance; province-wide readers the inspection panel's six aggregates
    # (chiso.activities.summary); everyone the difficulties' one aggregate
    # (chiso.supervision.listing.counts).
    limit = 14 + 1 if role == "nhatrang" else 13 + 6 + 1
    with django_assert_max_num_queries(limit):
        response = client.get(f"/bang-dieu-khien/{plan_data.plan.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    # The second look comes from the cache: session, user, plan with its data revision only.
    with django_assert_max_num_queries(3):
        again = client.get(f"/bang-dieu-khien/{plan_data.plan.pk}/").content.decode()
    assert _main(again) == _main(body)
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
    # Again: from the cache (session, user, the province's data revision).
    with django_assert_max_num_queries(3):
        again = client.get("/bang-dieu-khien/thoi-han/").content.decode()
    assert _main(again) == _main(response.content.decode())
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
    # The framework's own English names, not the Vietnamese ones.
    assert "Participation at Local Levels" in body
    assert "Tham gia của người dân ở cấp cơ sở" not in body


def test_deadline_lists_page(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from chiso.dashboards import views

    monkeypatch.setattr(views, "DEADLINE_PAGE_SIZE", 2)
    client.force_login(users["coordinator"])
    a = plan_data.assignments
    first = client.get("/bang-dieu-khien/thoi-han/", {"days": "60"})
    # Due within 60 days, soonest first: MTTQ 20/08, then T2's two (29/09) by agency name.
    assert [x.pk for x in first.context["due_soon"]] == [a["t3_mttq"].pk, a["t2_cr"].pk]
    body = first.content.decode()
    assert "Sắp đến hạn trong 60 ngày (3)" in body  # the heading counts every row, not the page
    assert 'href="?days=60&amp;due_page=2#due-title"' in body
    second = client.get("/bang-dieu-khien/thoi-han/", {"days": "60", "due_page": "2"})
    assert [x.pk for x in second.context["due_soon"]] == [a["t2_nt"].pk]
    # The other list stays on its own first page; its pager keeps this list's page.
    assert [x.pk for x in second.context["overdue"]] == [a["t1_nt"].pk]
    assert second.context["overdue_query"] == "days=60&due_page=2"
    # A page number past the end shows the last page.
    late = client.get("/bang-dieu-khien/thoi-han/", {"days": "60", "due_page": "9"})
    assert [x.pk for x in late.context["due_soon"]] == [a["t2_nt"].pk]


def test_agency_table_pages_most_overdue_first(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from chiso.dashboards import views

    monkeypatch.setattr(views, "AGENCY_PAGE_SIZE", 2)
    client.force_login(users["leadership"])
    url = f"/bang-dieu-khien/{plan_data.plan.pk}/"
    first = client.get(url)
    body = first.content.decode()
    assert [r.name for r in first.context["agency_page"]] == [
        "UBND thành phố Nha Trang",  # the only one with an overdue assignment
        "Sở Nội vụ",  # then by open assignments (one each), then by name
    ]
    assert "4 cơ quan" in body  # the KPI counts every agency, not the page
    assert 'href="?agency_page=2#agencies-title"' in body
    second = client.get(url, {"agency_page": "2"})
    assert [r.agency_id for r in second.context["agency_page"]] == [
        plan_data.cam_ranh.pk,
        plan_data.front.pk,
    ]


def test_dashboard_queries_do_not_grow_with_the_plan(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    make_agency: Any,
) -> None:
    """No N+1: thirty more agencies and tasks cost no extra query on either page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from chiso.plans.models import Assignment, Task, TaskUnit

    client.force_login(users["coordinator"])
    pages = [f"/bang-dieu-khien/{plan_data.plan.pk}/", "/bang-dieu-khien/thoi-han/?days=366"]

    def query_counts() -> list[int]:
        found = []
        cache.clear()  # the rows below are written without the services: no new data revision
        for url in pages:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            found.append(len(ctx))
        return found

    before = query_counts()
    plan = plan_data.plan
    for i in range(30):
        agency = make_agency(plan.province, f"UBND xã Thử {i}")
        task = Task.objects.create(
            province=plan.province,
            plan=plan,
            section=plan_data.sections["II.2"],
            code=str(10 + i),
            title=f"Nhiệm vụ {i}",
            order=10 + i,
            deadline=dt.date(2023, 7 + i % 3, 1),
        )
        TaskUnit.objects.create(task=task, unit_code="3.2")
        Assignment.objects.create(
            province=plan.province, task=task, agency=agency, deadline=task.deadline
        )
    assert query_counts() == before


def _main(body: str) -> str:
    """The page's own content (the header's forms carry a new CSRF token on every request)."""
    return body[body.index('<main id="main"') : body.index("</main>")]


def test_a_change_shows_at_once_despite_the_cache(
    plan_data: PlanData, users: dict[str, Any], client: Client, today_2023: dt.date
) -> None:
    """The cached dashboard is retired by the service's audited change (no waiting for expiry)."""
    from chiso.plans import services

    client.force_login(users["coordinator"])
    url = f"/bang-dieu-khien/{plan_data.plan.pk}/"
    assert 'data-testid="kpi-done">1<' in client.get(url).content.decode()
    report = services.submit_report(
        users["camranh"],
        plan_data.assignments["t2_cr"],
        narrative="Đã hoàn thành.",
        progress=100,
        is_final=True,
    )
    services.review_report(users["coordinator"], report, accept=True, comment="", version=1)
    assert 'data-testid="kpi-done">2<' in client.get(url).content.decode()


def test_cached_dashboards_are_not_shared_between_agencies(
    plan_data: PlanData, users: dict[str, Any], client: Client, today_2023: dt.date
) -> None:
    url = f"/bang-dieu-khien/{plan_data.plan.pk}/"
    client.force_login(users["nhatrang"])
    assert "UBND thành phố Nha Trang" in client.get(url).content.decode()
    client.force_login(users["camranh"])
    assert "Cơ quan của anh/chị: UBND thành phố Cam Ranh" in client.get(url).content.decode()


def test_a_national_viewers_deadlines_are_never_cached(
    plan_data: PlanData, make_user: Any, client: Client, today_2023: dt.date
) -> None:
    """Every province's data on one page: no single province's revision can vouch for it."""
    from chiso.accounts.models import Role
    from chiso.plans.models import Assignment

    client.force_login(make_user("quocgia", Role.NATIONAL_VIEWER))
    late = plan_data.assignments["t1_nt"]
    assert client.get("/bang-dieu-khien/thoi-han/").context["overdue"].paginator.count == 1
    Assignment.objects.filter(pk=late.pk).update(completed_on=today_2023)  # no audited service
    assert client.get("/bang-dieu-khien/thoi-han/").context["overdue"].paginator.count == 0


def test_compliance_table_pages_and_its_pager_keeps_the_other_filters(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One row per agency with a period due could be a province's hundreds of agencies: the
    table is paged (issue 19), each page its own cached fragment, links without JavaScript."""
    from chiso.dashboards import views
    from chiso.plans.models import ReportPeriod

    monkeypatch.setattr(views, "COMPLIANCE_PAGE_SIZE", 2)
    for key in ("t1_nt", "t2_cr", "t3_mttq"):
        assignment = plan_data.assignments[key]
        ReportPeriod.objects.create(
            province_id=assignment.province_id,
            assignment=assignment,
            starts_on=dt.date(2023, 4, 1),
            due_on=dt.date(2023, 6, 30),
        )
    client.force_login(users["leadership"])
    url = f"/bang-dieu-khien/{plan_data.plan.pk}/"
    first = client.get(url, {"chi-so": "PAPI"})
    assert [c.agency_name for c in first.context["compliance"]] == [
        "UBND thành phố Cam Ranh",
        "UBND thành phố Nha Trang",
    ]
    assert 'href="?chi-so=PAPI&amp;compliance_page=2#compliance-title"' in first.content.decode()
    second = client.get(url, {"chi-so": "PAPI", "compliance_page": "2"})
    assert [c.agency_name for c in second.context["compliance"]] == ["Ủy ban MTTQ Việt Nam tỉnh"]
    assert 'data-agency="Ủy ban MTTQ Việt Nam tỉnh"' in second.content.decode()


def test_a_report_leaves_the_dashboards_unchanging_parts_cached(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The head, objectives, weak units and panels are keyed on the province's changes outside
    any one task's work: an accepted report re-renders the counts and tables only; a change to
    shared data re-renders everything."""
    from chiso.audit.services import raise_revision
    from chiso.plans import services

    judged: list[int] = []
    real = dashboard_module.objective_lines

    def spy(plan: Any, results: Any, index: str) -> Any:
        judged.append(plan.pk)
        return real(plan, results, index)

    monkeypatch.setattr(dashboard_module, "objective_lines", spy)
    linked: list[str] = []  # the tasks' units read from the database
    real_units = dashboard_module.task_units

    def units_spy(plan: Any, index: str | None = None) -> Any:
        linked.append(str(index))
        return real_units(plan, index)

    monkeypatch.setattr(dashboard_module, "task_units", units_spy)
    client.force_login(users["coordinator"])
    url = f"/bang-dieu-khien/{plan_data.plan.pk}/"
    first = client.get(url).content.decode()
    assert judged == [plan_data.plan.pk] and 'data-testid="kpi-done">1<' in first
    assert len(linked) == 1  # read once, for the head and the counts
    report = services.submit_report(
        users["camranh"],
        plan_data.assignments["t2_cr"],
        narrative="Đã hoàn thành.",
        progress=100,
        is_final=True,
    )
    services.review_report(users["coordinator"], report, accept=True, comment="", version=1)
    body = client.get(url).content.decode()
    assert 'data-testid="kpi-done">2<' in body  # the counts follow the report
    assert judged == [plan_data.plan.pk]  # the objectives came from the cache
    assert len(linked) == 1  # and the tasks' units
    assert _main(body).count('data-testid="objectives"') == 1

    raise_revision(plan_data.plan.province)  # a change outside any one task's work
    client.get(url)
    assert judged == [plan_data.plan.pk] * 2  # shared data changed: rendered again
    assert len(linked) == 2


def test_a_report_renders_only_the_table_rows_whose_figures_changed(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Table rows are cached by their own figures (dashboards.table_rows): after a report on a
    task, the agency whose counts changed is rendered again, the other agencies are not."""
    from chiso.dashboards import table_rows
    from chiso.plans import services

    rendered: list[int] = []
    real = table_rows.agency_line

    def spy(row: Any, *args: Any) -> Any:
        rendered.append(row.agency_id)
        return real(row, *args)

    monkeypatch.setattr(table_rows, "agency_line", spy)
    client.force_login(users["coordinator"])
    url = f"/bang-dieu-khien/{plan_data.plan.pk}/"
    client.get(url)
    every = sorted(rendered)
    assert plan_data.cam_ranh.pk in every and len(every) > 1
    rendered.clear()
    report = services.submit_report(
        users["camranh"],
        plan_data.assignments["t2_cr"],
        narrative="Đã hoàn thành.",
        progress=100,
        is_final=True,
    )
    services.review_report(users["coordinator"], report, accept=True, comment="", version=1)
    body = client.get(url).content.decode()
    assert rendered == [plan_data.cam_ranh.pk]
    assert body.count('<tr data-agency="') == len(every)  # the others from the cache


@pytest.fixture
def rows_built(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each call of the dashboard's table rows builder (dashboards.table_rows), recorded."""
    from chiso.dashboards import views

    built: list[object] = []
    real = views.table_rows

    def spy(*args: Any) -> Any:
        built.append(args)
        return real(*args)

    monkeypatch.setattr(views, "table_rows", spy)
    return built


def test_a_report_that_changes_no_figure_renders_no_table(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    rows_built: list[object],
) -> None:
    """The counts and tables are kept under their figures inside the data revision's fragment:
    a monthly report accepted (no status, count or date moves) renders neither, nor are the
    tables' rows built (the figures' digest is checked); a report that moves a figure renders
    them again."""
    from chiso.plans import services

    client.force_login(users["coordinator"])
    url = f"/bang-dieu-khien/{plan_data.plan.pk}/"
    first = client.get(url)
    assert "dashboards/_units.html" in [t.name for t in first.templates]
    report = services.submit_report(
        users["camranh"], plan_data.assignments["t2_cr"], narrative="Tháng 8.", progress=40
    )
    sent = client.get(url)  # the agency's latest report moved: rendered again
    assert "dashboards/_units.html" in [t.name for t in sent.templates]
    services.review_report(users["coordinator"], report, accept=True, comment="", version=1)
    rows_built.clear()
    accepted = client.get(url)
    assert rows_built == []
    rendered = [t.name for t in accepted.templates]
    assert "dashboards/_units.html" not in rendered and "dashboards/_agencies.html" not in rendered
    assert _main(accepted.content.decode()) == _main(sent.content.decode())


def test_an_agency_officers_compliance_follows_their_own_periods(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    rows_built: list[object],
) -> None:
    """An officer's compliance table is their agency's own, counted for them: a change elsewhere
    that moves no figure builds no table row; their own period sent shows on the next request."""
    from chiso.audit.services import raise_revision
    from chiso.plans.models import ReportPeriod, task_scope

    for key in ("t2_cr", "t2_nt"):
        assignment = plan_data.assignments[key]
        ReportPeriod.objects.create(
            province_id=assignment.province_id,
            assignment=assignment,
            starts_on=dt.date(2023, 7, 1),
            due_on=dt.date(2023, 7, 31),
        )
    client.force_login(users["camranh"])
    url = f"/bang-dieu-khien/{plan_data.plan.pk}/"
    row = '<tr data-agency="UBND thành phố Cam Ranh">'
    first = _main(client.get(url).content.decode())
    assert row in first and '<tr data-agency="UBND thành phố Nha Trang">' not in first
    assert '<span class="status status--bad">1</span>' in first.split(row)[1].split("</tr>")[0]
    # An audited change on another task that moves no figure: served whole from the cache.
    raise_revision(plan_data.plan.province, scope=task_scope(plan_data.tasks["1"].pk))
    rows_built.clear()
    assert _main(client.get(url).content.decode()) == first
    assert rows_built == []
    # Their own period sent late: their table follows.
    ReportPeriod.objects.filter(assignment=plan_data.assignments["t2_cr"]).update(
        submitted_on=dt.date(2023, 8, 2)
    )
    raise_revision(plan_data.plan.province, scope=task_scope(plan_data.tasks["2"].pk))
    sent = _main(client.get(url).content.decode()).split(row)[1].split("</tr>")[0]
    assert '<span class="status status--warn">1</span>' in sent and "status--bad" not in sent
