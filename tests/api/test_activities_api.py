"""The API for sub-assignments, work that counts, inspections, activities, postings and survey
support: the same services and access rules as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from chiso.accounts.models import Agency, AgencyKind
from chiso.activities import services
from chiso.activities.models import InspectionKind, LogisticsKind, PlaceType, Verdict
from chiso.plans.models import Assignment


def _ward(world: Any, name: str = "UBND phường Vĩnh Hải") -> Agency:
    return Agency.objects.create(
        province=world.home.province,
        name=name,
        kind=AgencyKind.COMMUNE_COMMITTEE,
        parent=world.agency_a,
    )


def test_split_and_read_sub_assignments(world: Any, client_for: Any) -> None:
    ward = _ward(world)
    officer = client_for("officer_a")
    url = f"/api/v1/assignments/{world.home.assignment_a.pk}/sub-assignments/"
    late = officer.post(url, {"agencies": [ward.pk], "deadline": "2099-01-01"})
    assert late.status_code == 400 and late.json()["error"]["field"] == "deadline"
    created = officer.post(url, {"agencies": [ward.pk], "deadline": "2023-06-15"})
    assert created.status_code == 201
    (child,) = created.json()
    assert child["agency"]["name"] == "UBND phường Vĩnh Hải" and child["deadline"] == "2023-06-15"
    assert [c["id"] for c in officer.get(url).json()] == [child["id"]]
    assert Assignment.objects.get(pk=child["id"]).parent_id == world.home.assignment_a.pk
    refused = client_for("coordinator").post(url, {"agencies": [ward.pk]})
    assert refused.status_code == 403
    assert client_for("officer_b").get(url).status_code == 404


def test_count_work_and_read_the_activities(world: Any, client_for: Any) -> None:
    coordinator = world.users["coordinator"]
    ward = _ward(world)
    posting = services.record_posting(
        coordinator,
        world.home.plan,
        commune=ward,
        place_type=PlaceType.COMMUNE_OFFICE,
        place="Trụ sở UBND phường Vĩnh Hải",
        posted_on=dt.date(2023, 7, 3),
    )
    officer = client_for("officer_a")
    url = f"/api/v1/assignments/{world.home.assignment_a.pk}/work/"
    counted = officer.post(url, {"kind": "posting", "work": posting.pk})
    assert counted.status_code == 201
    body = counted.json()
    assert body["kind"] == "posting" and body["report"] is None
    assert body["text"].startswith("Niêm yết tại Trụ sở UBND phường Vĩnh Hải")
    assert officer.post(url, {"kind": "posting", "work": posting.pk}).status_code == 400
    assert [w["id"] for w in officer.get(url).json()] == [body["id"]]
    postings = officer.get("/api/v1/postings/").json()["results"]
    assert [p["commune"]["name"] for p in postings] == ["UBND phường Vĩnh Hải"]


def test_inspections_and_survey_support(world: Any, client_for: Any) -> None:
    coordinator = world.users["coordinator"]
    snv = Agency.objects.get(province=world.home.province, name="Sở Nội vụ")
    inspection = services.create_inspection_plan(
        coordinator,
        world.home.plan,
        title="Kiểm tra PAPI 2023",
        kind=InspectionKind.HOME_AFFAIRS,
        lead_agency=snv,
        targets=[world.agency_a],
        starts_on=dt.date(2023, 7, 1),
        ends_on=dt.date(2023, 10, 31),
    )
    visit = services.add_visit(
        coordinator,
        inspection,
        agency=world.agency_a,
        visited_on=dt.date(2023, 8, 1),
        place="UBND",
        members="Nguyễn Văn A\nTrần Thị B",
    )
    finding = services.record_finding(
        coordinator, visit, verdict=Verdict.SHORTCOMING, description="Chưa niêm yết đủ"
    )
    services.add_recommendation(
        coordinator, finding, text="Niêm yết bổ sung", deadline=dt.date(2023, 9, 15)
    )
    survey = services.create_survey_round(coordinator, world.home.province, year=2023)
    services.add_logistics_task(
        coordinator, survey, kind=LogisticsKind.VENUE, title="Hội trường", agency=world.agency_a
    )
    officer = client_for("officer_a")
    detail = officer.get(f"/api/v1/inspections/{inspection.pk}/").json()
    assert [v["id"] for v in detail["visits"]] == [visit.pk]
    seen = officer.get(f"/api/v1/visits/{visit.pk}/").json()
    assert seen["members"] == ["Nguyễn Văn A", "Trần Thị B"]
    (found,) = seen["findings"]
    assert found["verdict"]["code"] == "shortcoming"
    assert found["recommendations"][0]["follow_up_task"] is not None
    round_ = officer.get(f"/api/v1/surveys/{survey.pk}/").json()
    assert [t["title"] for t in round_["logistics"]] == ["Hội trường"]
    assert client_for("officer_b").get(f"/api/v1/visits/{visit.pk}/").status_code == 404


def test_record_an_activity_and_a_posting(world: Any, client_for: Any) -> None:
    ward = _ward(world)
    officer = client_for("officer_a")
    form = {
        "plan": world.home.plan.pk,
        "kind": "training",
        "title": "Tập huấn PAPI cho cán bộ phường",
        "held_on": "2023-07-20",
        "organiser": world.agency_a.pk,
        "audience_type": "grassroots_officials",
        "audience_count": "45",
    }
    created = officer.post("/api/v1/activities/", form)
    assert created.status_code == 201 and created.json()["audience_count"] == 45
    outside = officer.post("/api/v1/activities/", {**form, "held_on": "2022-12-31"})
    assert outside.status_code == 409 and outside.json()["error"]["field"] == "held_on"
    assert officer.post("/api/v1/activities/", {**form, "plan": 999999}).status_code == 404
    assert client_for("officer_b").post("/api/v1/activities/", form).status_code == 403
    posting = officer.post(
        "/api/v1/postings/",
        {
            "plan": world.home.plan.pk,
            "commune": ward.pk,
            "place_type": "commune_office",
            "place": "Trụ sở UBND phường",
            "posted_on": "2023-07-10",
        },
    )
    assert posting.status_code == 201 and posting.json()["commune"]["id"] == ward.pk


def test_villages_and_a_posting_at_a_village_hall(world: Any, client_for: Any) -> None:
    """Issue 15, item 7: villages in the API; a posting names its village."""
    from chiso.places.models import Village, VillageKind

    ward = _ward(world)
    other = _ward(world, "UBND phường Vĩnh Phước")
    village = Village.objects.create(
        province=world.home.province, commune=ward, kind=VillageKind.TO_DAN_PHO, name="Vĩnh Hải 1"
    )
    Village.objects.create(
        province=world.home.province,
        commune=other,
        kind=VillageKind.TO_DAN_PHO,
        name="Vĩnh Phước 1",
    )
    officer = client_for("officer_a")
    listed = officer.get("/api/v1/villages/", {"commune": ward.pk}).json()["results"]
    assert [(v["name"], v["kind"]["code"], v["commune"]["id"]) for v in listed] == [
        ("Vĩnh Hải 1", "to_dan_pho", ward.pk)
    ]
    assert officer.get(f"/api/v1/villages/{village.pk}/").json()["name"] == "Vĩnh Hải 1"
    assert client_for("other_province").get(f"/api/v1/villages/{village.pk}/").status_code == 404
    form = {
        "plan": world.home.plan.pk,
        "commune": ward.pk,
        "place_type": "village_hall",
        "village": village.pk,
        "place": "Nhà văn hóa tổ dân phố 1",
        "posted_on": "2023-07-10",
    }
    posting = officer.post("/api/v1/postings/", form)
    assert posting.status_code == 201, posting.json()
    assert posting.json()["village"]["name"] == "Vĩnh Hải 1"
    read = officer.get(f"/api/v1/postings/{posting.json()['id']}/").json()
    assert read["village"]["id"] == village.pk
    missing = officer.post("/api/v1/postings/", {**form, "village": 999999})
    assert missing.status_code == 404 and missing.json()["error"]["field"] == "village"
