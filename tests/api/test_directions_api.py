"""`POST /directions/` (API 1.6): Sở Nội vụ records a People's Committee direction with its
document, addressed to agencies, through `chiso.supervision.services.record_direction` — its
follow-up task and each agency's part, the escalated difficulty it answers, the audit entries —
and the follow-up is then done through the API's reports and reviews. Error paths: a missing or
malformed field named (400), a role that may not record one (403 before any field), another
province's plan or agency (404 naming it), a value the rules refuse (409 naming it)."""

from __future__ import annotations

from typing import Any

import pytest

from chiso.audit.models import AuditEntry
from chiso.plans.models import Relation, Task
from chiso.supervision import services
from chiso.supervision.models import Difficulty, Direction

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _escalated(world: Any) -> Difficulty:
    item = services.raise_difficulty(
        world.users["officer_a"],
        world.home.plan,
        title="Thiếu kinh phí niêm yết",
        text="Phường chưa bố trí được kinh phí in bảng niêm yết.",
        assignment=world.home.assignment_a,
    )
    return services.escalate(
        world.users["coordinator"], item, proposal="Đề nghị UBND tỉnh chỉ đạo.", version=None
    )


def _form(world: Any, **fields: Any) -> dict[str, Any]:
    return {
        "plan": world.home.plan.pk,
        "number": "15/UBND-KSTT",
        "issued_on": "2023-08-10",
        "signer": "Nguyễn Tân Tuân",
        "signer_title": "Phó Chủ tịch UBND tỉnh",
        "content": "Các địa phương bố trí kinh phí niêm yết công khai.",
        "deadline": "2023-08-31",
        "agencies": [world.agency_a.pk, world.agency_b.pk],
        **fields,
    }


def test_a_direction_recorded_becomes_follow_up_work(world: Any, client_for: Any) -> None:
    item = _escalated(world)
    coordinator = client_for("coordinator")
    created = coordinator.post(f"{API}/directions/", _form(world, difficulties=[item.pk]))
    assert created.status_code == 201
    body = created.json()
    assert (body["number"], body["issued_on"], body["deadline"]) == (
        "15/UBND-KSTT",
        "2023-08-10",
        "2023-08-31",
    )
    assert (body["signer"], body["signer_title"]) == ("Nguyễn Tân Tuân", "Phó Chủ tịch UBND tỉnh")
    assert body["status"]["code"] == "in_progress" and body["completed_on"] is None
    assert body["url"] == f"{API}/directions/{body['id']}/"
    # Each addressed agency has its part of the follow-up task, due on the direction's deadline.
    parts = [(p["agency"]["name"], p["deadline"], p["relation"]) for p in body["parts"]]
    assert parts == [
        ("UBND thành phố Cam Ranh", "2023-08-31", Relation.LEAD),
        ("UBND thành phố Nha Trang", "2023-08-31", Relation.LEAD),
    ]
    task = Task.objects.get(pk=body["follow_up_task"])
    assert task.code == f"CĐ{body['id']}" and task.plan_id == world.home.plan.pk
    assert task.title.startswith("Thực hiện chỉ đạo tại văn bản số 15/UBND-KSTT:")
    assert (task.follow_up, task.is_public) == (True, False)
    assert [u.unit_code for u in task.units_of("PAPI")] == ["2", "2.4"]  # the difficulty's
    # The escalated difficulty it answers is now directed by it.
    assert [d["id"] for d in body["difficulties"]] == [item.pk]
    assert body["difficulties"][0]["state"]["code"] == "directed"
    entry = AuditEntry.objects.get(action="direction.create", object_id=str(body["id"]))
    assert entry.actor == world.users["coordinator"]
    assert entry.changes["number"] == [None, "15/UBND-KSTT"]
    assert entry.changes["agencies"] == [
        None,
        ["UBND thành phố Cam Ranh", "UBND thành phố Nha Trang"],
    ]
    assert AuditEntry.objects.filter(action="difficulty.direct", object_id=str(item.pk)).exists()
    # Every one of the province reads it; agency A's officer sees its own part to report on.
    officer = client_for("officer_a")
    assert officer.get(body["url"]).json()["id"] == body["id"]
    own = officer.get(f"{API}/assignments/?task={task.pk}").json()["results"]
    assert [a["agency"]["name"] for a in own] == ["UBND thành phố Nha Trang"]


def _finish(client: Any, coordinator: Any, assignment_id: int) -> None:
    """The part's final report through the API, accepted through the API."""
    report = client.post(
        f"{API}/assignments/{assignment_id}/reports/",
        {"narrative": "Đã bố trí kinh phí và niêm yết.", "progress": "100", "is_final": "true"},
    )
    assert report.status_code == 201, report.json()
    review = coordinator.post(
        f"{API}/reports/{report.json()['id']}/review/", {"decision": "accept", "version": "1"}
    )
    assert review.status_code == 200, review.json()


def test_the_follow_up_done_through_the_api_completes_it(world: Any, client_for: Any) -> None:
    item = _escalated(world)
    coordinator = client_for("coordinator")
    form = _form(world, agencies=[world.agency_a.pk], difficulties=[item.pk])
    body = coordinator.post(f"{API}/directions/", form).json()
    (part,) = body["parts"]
    _finish(client_for("officer_a"), coordinator, part["id"])
    done = coordinator.get(body["url"]).json()
    assert (done["status"]["code"], done["completed_on"]) == ("done", "2023-08-15")
    assert done["difficulties"][0]["state"]["code"] == "resolved"
    assert AuditEntry.objects.filter(
        action="direction.complete", object_id=str(body["id"])
    ).exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"number": "  "}, "number"),
        ({"signer": ""}, "signer"),
        ({"content": ""}, "content"),
        ({"issued_on": "10/08/2023"}, "issued_on"),
        ({"deadline": ""}, "deadline"),
        ({"agencies": []}, "agencies"),
        ({"agencies": ["Nha Trang"]}, "agencies"),
        ({"number": "x" * 61}, "number"),
        ({"plan": ""}, "plan"),
    ],
)
def test_a_missing_or_malformed_field_is_named(
    world: Any, client_for: Any, fields: dict[str, Any], field: str
) -> None:
    answer = client_for("coordinator").post(f"{API}/directions/", _form(world, **fields))
    assert answer.status_code == 400
    assert (answer.json()["error"]["code"], answer.json()["error"]["field"]) == (
        "bad_request",
        field,
    )
    assert not Direction.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"issued_on": "2023-08-16"}, "issued_on"),  # after today (15/08/2023)
        ({"deadline": "2023-08-01"}, "deadline"),  # before the document's date
        ({"unit_codes": ["9.9"]}, "unit_codes"),
    ],
)
def test_a_value_the_rules_refuse_is_a_conflict_naming_it(
    world: Any, client_for: Any, fields: dict[str, Any], field: str
) -> None:
    answer = client_for("coordinator").post(f"{API}/directions/", _form(world, **fields))
    assert answer.status_code == 409
    assert (answer.json()["error"]["code"], answer.json()["error"]["field"]) == ("conflict", field)
    assert not Direction.objects.exists()


def test_only_an_escalated_difficulty_of_the_plan_is_answered(world: Any, client_for: Any) -> None:
    open_item = services.raise_difficulty(
        world.users["officer_a"], world.home.plan, title="Thiếu người", text="Chưa có cán bộ."
    )
    coordinator = client_for("coordinator")
    still_open = coordinator.post(f"{API}/directions/", _form(world, difficulties=[open_item.pk]))
    assert still_open.status_code == 409
    assert still_open.json()["error"]["field"] == "difficulties"
    unknown = coordinator.post(f"{API}/directions/", _form(world, difficulties=[open_item.pk + 99]))
    assert unknown.status_code == 404 and unknown.json()["error"]["field"] == "difficulties"
    assert not Direction.objects.exists()
    assert Difficulty.objects.get().state == "open"


def test_who_may_not_record_one_hears_so_before_any_field(world: Any, client_for: Any) -> None:
    for role in ("officer_a", "agency_head", "leadership", "supervisor", "national_viewer"):
        # Not even a form: the role is refused first.
        refused = client_for(role).post(f"{API}/directions/", {}, content_type="application/json")
        assert refused.status_code == 403, role
        assert refused.json()["error"]["code"] == "forbidden"
    assert client_for("anonymous").post(f"{API}/directions/", _form(world)).status_code == 401
    assert not Direction.objects.exists()


def test_another_provinces_plan_or_agency_is_not_found(world: Any, client_for: Any) -> None:
    away_agency = world.away.assignment_a.agency
    theirs = client_for("coordinator").post(
        f"{API}/directions/", _form(world, agencies=[world.agency_a.pk, away_agency.pk])
    )
    assert theirs.status_code == 404 and theirs.json()["error"]["field"] == "agencies"
    # Another province's Sở Nội vụ may record directions, but not on this province's plan.
    outsider = client_for("other_province").post(f"{API}/directions/", _form(world))
    assert outsider.status_code == 404 and outsider.json()["error"]["field"] == "plan"
    outsider_list = client_for("other_province").get(f"{API}/directions/").json()
    assert outsider_list["count"] == 0
    assert not Direction.objects.exists()
