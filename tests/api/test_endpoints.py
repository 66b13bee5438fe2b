"""Read endpoints: content, filters, paging, scoping, and JSON errors (Vietnamese / English)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_plan_list_and_detail(world: Any, client_for: Any) -> None:
    client = client_for("coordinator")
    body = client.get("/api/v1/plans/").json()
    assert body["count"] == 1 and body["next"] is None
    plan = body["results"][0]
    assert plan["number"] == "119/KH-UBND"
    assert plan["issued_on"] == "2023-03-10" and plan["report_due"] == "2023-09-29"
    assert plan["issuer"]["name"] == "UBND tỉnh Khánh Hòa"
    detail = client.get(plan["url"]).json()
    assert detail["objectives"][0]["value"] == 45.0
    assert detail["objectives"][0]["kind"] == "aggregate_score_min"
    assert [s["code"] for s in detail["sections"]] == ["II.1"]


def test_national_viewer_sees_both_provinces(world: Any, client_for: Any) -> None:
    body = client_for("national_viewer").get("/api/v1/plans/").json()
    assert sorted(p["number"] for p in body["results"]) == ["119/KH-UBND", "50/KH-UBND"]


def test_tasks_filter_by_unit_plan_section(world: Any, client_for: Any) -> None:
    client = client_for("officer_b")
    task_id = world.home.task.pk
    assert [t["id"] for t in client.get("/api/v1/tasks/?unit=2").json()["results"]] == [task_id]
    assert [t["id"] for t in client.get("/api/v1/tasks/?unit=2.4").json()["results"]] == [task_id]
    assert client.get("/api/v1/tasks/?unit=5").json()["count"] == 0
    assert client.get(f"/api/v1/tasks/?section={world.home.section.pk}").json()["count"] == 1
    assert client.get(f"/api/v1/tasks/?plan={world.away.plan.pk}").json()["count"] == 0
    task = client.get(f"/api/v1/tasks/{task_id}/").json()
    assert task["units"] == ["2", "2.4"] and task["deadline"] == "2023-06-30"
    # An agency sees the whole framework but only its own assignments in it.
    assert [a["agency"]["name"] for a in task["assignments"]] == ["UBND thành phố Cam Ranh"]


def test_assignments_scoped_and_filtered(world: Any, client_for: Any) -> None:
    coordinator = client_for("coordinator")
    body = coordinator.get("/api/v1/assignments/").json()
    assert body["count"] == 3
    # On the pinned 15/08/2023 every assignment (deadline 30/06/2023, not done) is overdue.
    assert {a["status"]["code"] for a in body["results"]} == {"overdue"}
    assert body["results"][0]["status"]["label"] == "Quá hạn"
    only_a = coordinator.get(f"/api/v1/assignments/?agency={world.agency_a.pk}").json()
    assert [a["id"] for a in only_a["results"]] == [world.home.assignment_a.pk]
    assert coordinator.get("/api/v1/assignments/?overdue=true").json()["count"] == 3
    assert coordinator.get("/api/v1/assignments/?overdue=false").json()["count"] == 0
    assert coordinator.get("/api/v1/assignments/?status=done").json()["count"] == 0
    requested = coordinator.get("/api/v1/assignments/?relation=request").json()
    assert [a["agency"]["name"] for a in requested["results"]] == ["Ủy ban MTTQ Việt Nam tỉnh"]

    officer = client_for("officer_a")
    assert [a["id"] for a in officer.get("/api/v1/assignments/").json()["results"]] == [
        world.home.assignment_a.pk
    ]


def test_status_not_overdue_before_deadline(world: Any, client_for: Any, settings: Any) -> None:
    settings.CHISO_TODAY = "2023-06-01"
    body = client_for("coordinator").get("/api/v1/assignments/").json()
    codes = sorted(a["status"]["code"] for a in body["results"])
    assert codes == ["in_progress", "in_progress", "not_started"]


def test_paging(world: Any, client_for: Any) -> None:
    client = client_for("coordinator")
    first = client.get("/api/v1/assignments/?page_size=2").json()
    assert first["count"] == 3 and len(first["results"]) == 2
    assert first["next"].endswith("/api/v1/assignments/?page_size=2&page=2")
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert second["previous"].endswith("page=1")
    ids = [a["id"] for a in first["results"] + second["results"]]
    assert len(set(ids)) == 3


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=0", "page"),
        ("page=x", "page"),
        ("page=1_0", "page"),
        ("page_size=1000", "page_size"),
        ("page_size=", "page_size"),
        ("agency=abc", "agency"),
        ("agency=", "agency"),
        ("agency=99999999999999999999999", "agency"),
        ("plan=9223372036854775808", "plan"),
        ("plan=" + "9" * 5000, "plan"),
        ("task=-1", "task"),
        ("status=late", "status"),
        ("status=", "status"),
        ("overdue=maybe", "overdue"),
        ("overdue=1", "overdue"),
    ],
)
def test_bad_parameters_are_400_naming_the_field(
    world: Any, client_for: Any, query: str, field: str
) -> None:
    response = client_for("coordinator").get(f"/api/v1/assignments/?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == field and error["code"] == "bad_request"
    assert field in error["message"]


def test_a_page_past_the_last_is_404_naming_page(world: Any, client_for: Any) -> None:
    for page in ("9", "9223372036854775807"):  # the second would overflow the OFFSET
        response = client_for("coordinator").get(f"/api/v1/assignments/?page={page}")
        assert response.status_code == 404
        assert response.json()["error"] == {
            "code": "not_found",
            "message": f"Trang {page} không tồn tại.",
            "field": "page",
        }


def test_reports_and_evidence_for_own_agency(world: Any, client_for: Any) -> None:
    client = client_for("officer_a")
    url = f"/api/v1/assignments/{world.home.assignment_a.pk}/reports/"
    reports = client.get(url).json()["results"]
    assert len(reports) == 1
    report = reports[0]
    assert report["state"] == {"code": "submitted", "label": "Chờ duyệt"}
    assert report["author"]["name"] == "nhatrang"
    evidence = report["evidence"][0]
    assert evidence["name"] == "bien-ban.pdf" and evidence["content_type"] == "application/pdf"
    download = client.get(evidence["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "bien-ban.pdf" in download["Content-Disposition"]
    assert client.get(report["url"]).json()["id"] == report["id"]


def test_errors_are_json_in_vietnamese_and_english(world: Any, client_for: Any) -> None:
    anonymous = client_for("anonymous")
    response = anonymous.get("/api/v1/plans/")
    assert response.status_code == 401
    assert response.json()["error"] == {
        "code": "not_authenticated",
        "message": "Cần đăng nhập hoặc mã truy cập (Bearer).",
    }
    english = anonymous.get("/api/v1/plans/", headers={"Accept-Language": "en"}).json()
    assert english["error"]["message"] == "Log in or send an access token (Bearer)."

    officer = client_for("officer_b")
    missing = officer.get(f"/api/v1/assignments/{world.home.assignment_a.pk}/")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    other = client_for("other_province").get(f"/api/v1/plans/{world.home.plan.pk}/")
    assert other.status_code == 404

    not_allowed = client_for("coordinator").delete("/api/v1/plans/")
    assert not_allowed.status_code == 405
    assert not_allowed.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize("today", ["2023-06-01", "2023-08-15", "2024-01-10"])
def test_overdue_filters_pick_the_overdue_status(
    world: Any, client_for: Any, settings: Any, today: str
) -> None:
    """?overdue= and ?status=overdue filter on the columns (for the index), in the list's order,
    and count with the page: the same rows as the status the list shows."""
    settings.CHISO_TODAY = today
    client = client_for("coordinator")
    every = client.get("/api/v1/assignments/").json()["results"]
    overdue = [a["id"] for a in every if a["status"]["code"] == "overdue"]
    others = [a["id"] for a in every if a["status"]["code"] != "overdue"]
    for query, expected in (
        ("overdue=true", overdue),
        ("status=overdue", overdue),
        ("overdue=false", others),
    ):
        body = client.get(f"/api/v1/assignments/?{query}").json()
        assert [a["id"] for a in body["results"]] == expected, query
        assert body["count"] == len(expected)


def test_a_task_lists_its_units_of_every_index(world: Any, client_for: Any) -> None:
    from chiso.plans.models import TaskUnit

    task = world.home.task
    TaskUnit.objects.create(task=task, index="PCI", unit_code="time_costs")
    client = client_for("officer_b")
    body = client.get(f"/api/v1/tasks/{task.pk}/").json()
    assert body["units"] == ["2", "2.4"]  # the plan's own index, as before 1.5.0
    assert body["unit_links"] == [
        {"index": "PAPI", "code": "2"},
        {"index": "PAPI", "code": "2.4"},
        {"index": "PCI", "code": "time_costs"},
    ]
    found = client.get("/api/v1/tasks/?unit=PCI:time_costs").json()["results"]
    assert [t["id"] for t in found] == [task.pk]
    assert client.get("/api/v1/tasks/?unit=PCI:land_access").json()["count"] == 0


def test_an_assignment_page_is_the_same_json_in_a_fixed_number_of_queries(
    world: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    """The list reads only the columns it shows and formats each row's URL and status label from
    ones made once per page (issue 19): the rows say what the detail says, in 4 queries."""
    client = client_for("coordinator")
    client.get("/api/v1/assignments/")  # the token's user loaded once
    with django_assert_max_num_queries(4):  # token, user, the page's ids with the count, its rows
        listed = client.get("/api/v1/assignments/").json()["results"]
    assert [client.get(a["url"]).json() for a in listed] == listed
