"""Coverage numbers and summaries on hand-built data, and the survey guardrail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from chiso.activities import coverage, services
from chiso.activities.models import ActivityKind, AudienceType, InspectionKind, PlaceType, Verdict
from chiso.activities.summary import activity_summary, inspection_summary

pytestmark = pytest.mark.django_db


def activity(world, held_on, count, codes, kind=ActivityKind.TRAINING):
    return services.record_activity(
        world.coordinator,
        world.plan,
        kind=kind,
        title=f"Hoạt động {held_on}",
        held_on=held_on,
        organiser=world.snv,
        audience_type=AudienceType.OFFICIALS,
        audience_count=count,
        unit_codes=codes,
    )


def test_area_coverage_counts_dimensions_and_subdimensions(world) -> None:
    activity(world, dt.date(2023, 2, 10), 100, ["2"])  # the whole dimension 2
    activity(world, dt.date(2023, 5, 3), 40, ["2.4", "5.4"])
    activity(world, dt.date(2023, 5, 20), None, ["1.1"], kind=ActivityKind.RADIO_TV)
    rows = {row.code: row for row in coverage.area_coverage(world.plan)}
    assert (rows["2"].activities, rows["2"].audience) == (2, 140)
    assert (rows["2.4"].activities, rows["2.4"].audience) == (2, 140)  # named + via dimension 2
    assert (rows["2.1"].activities, rows["2.1"].audience) == (1, 100)
    assert (rows["5"].activities, rows["5.4"].activities, rows["5.1"].activities) == (1, 1, 0)
    assert (rows["1"].activities, rows["1"].audience) == (1, 0)
    assert rows["4"].activities == 0 and rows["8.3"].activities == 0
    assert "5.2" not in rows  # building permits left the index after 2020


def test_audience_by_month_and_quarter(world) -> None:
    activity(world, dt.date(2023, 2, 10), 100, [])
    activity(world, dt.date(2023, 5, 3), 40, [])
    activity(world, dt.date(2023, 5, 20), None, [], kind=ActivityKind.ARTICLE)
    activity(world, dt.date(2023, 7, 1), 15, [])
    year_end = dt.date(2023, 12, 31)
    months = coverage.audience_by_period(world.plan, year_end, "month")
    assert len(months) == 12
    assert [(m.activities, m.audience) for m in months[:7]] == [
        (0, 0),
        (1, 100),
        (0, 0),
        (0, 0),
        (2, 40),
        (0, 0),
        (1, 15),
    ]
    assert months[4].label == "Tháng 5/2023"
    quarters = coverage.audience_by_period(world.plan, year_end, "quarter")
    assert [(q.activities, q.audience) for q in quarters] == [(1, 100), (2, 40), (1, 15), (0, 0)]
    # On 15/08/2023 the months still to come are not rows of zeros (issue 14).
    mid_august = dt.date(2023, 8, 15)
    assert len(coverage.audience_by_period(world.plan, mid_august, "month")) == 8
    assert len(coverage.audience_by_period(world.plan, mid_august, "quarter")) == 3
    assert coverage.audience_by_period(world.plan, dt.date(2022, 12, 1), "month") == []


def test_posting_coverage_lists_communes_without_postings(world) -> None:
    post = services.record_posting
    post(
        world.coordinator,
        world.plan,
        commune=world.vinh_hai,
        place_type=PlaceType.COMMUNE_OFFICE,
        place="Trụ sở",
        posted_on=dt.date(2023, 7, 5),
    )
    second = post(
        world.coordinator,
        world.plan,
        commune=world.vinh_hai,
        place_type=PlaceType.VILLAGE_HALL,
        place="Tổ 3",
        posted_on=dt.date(2023, 7, 2),
    )
    services.check_posting(
        world.coordinator,
        second,
        checked_on=dt.date(2023, 8, 1),
        still_posted=False,
        version=second.version,
    )
    post(
        world.coordinator,
        world.plan,
        commune=world.cam_nghia,
        place_type=PlaceType.COMMUNE_OFFICE,
        place="Trụ sở",
        posted_on=dt.date(2023, 7, 9),
    )
    result = coverage.posting_coverage(world.plan)
    assert (result.communes_total, result.communes_posted) == (3, 2)
    assert [c.name for c in result.not_posted] == ["UBND phường Vĩnh Phước"]
    by_name = {c.commune.name: c for d in result.districts for c in d.communes}
    hai = by_name["UBND phường Vĩnh Hải"]
    assert (hai.places, hai.first_posted, hai.last_checked, hai.taken_down) == (
        2,
        dt.date(2023, 7, 2),
        dt.date(2023, 8, 1),
        1,
    )
    assert [d.district.name for d in result.districts] == [
        "UBND thành phố Cam Ranh",
        "UBND thành phố Nha Trang",
    ]
    assert activity_summary(world.province, world.plan).communes_posted == 2


def test_inspection_summary(world) -> None:
    inspection = services.create_inspection_plan(
        world.coordinator,
        world.plan,
        title="Kiểm tra",
        kind=InspectionKind.HOME_AFFAIRS,
        lead_agency=world.snv,
        targets=[world.nhatrang, world.camranh],
        starts_on=dt.date(2023, 7, 1),
        ends_on=dt.date(2023, 12, 1),
    )
    visit = services.add_visit(
        world.coordinator,
        inspection,
        agency=world.nhatrang,
        visited_on=dt.date(2023, 7, 10),
        place="x",
        members="A",
    )
    services.add_visit(
        world.coordinator,
        inspection,
        agency=world.camranh,
        visited_on=dt.date(2023, 9, 10),
        place="x",
        members="A",
    )
    bad = services.record_finding(
        world.coordinator, visit, verdict=Verdict.VIOLATION, description="a"
    )
    services.record_finding(world.coordinator, visit, verdict=Verdict.COMPLIANT, description="b")
    services.add_recommendation(world.coordinator, bad, text="late", deadline=dt.date(2023, 8, 1))
    services.add_recommendation(world.coordinator, bad, text="open", deadline=dt.date(2023, 9, 1))
    services.add_recommendation(
        world.coordinator, bad, text="wait", deadline=dt.date(2023, 9, 1), assign=False
    )
    summary = inspection_summary(world.province, world.plan)
    assert (summary.inspection_plans, summary.visits_done, summary.visits_planned) == (1, 1, 1)
    assert (summary.findings.violation, summary.findings.compliant, summary.findings.total) == (
        1,
        1,
        2,
    )
    f = summary.follow_up
    assert (f.total, f.open, f.overdue, f.without_task, f.closed) == (3, 2, 1, 1, 0)
    assert [(a.agency_name, a.visits, a.follow_up.overdue) for a in summary.by_agency] == [
        ("UBND thành phố Cam Ranh", 1, 0),
        ("UBND thành phố Nha Trang", 1, 1),
    ]


GUARDRAIL = "không đại diện cho từng xã, phường, thị trấn"


def test_every_survey_page_carries_the_guardrail(world, client: Client) -> None:
    survey = services.create_survey_round(world.coordinator, world.province, year=2023)
    services.add_location(
        world.coordinator, survey, district=world.nhatrang, commune_name="Phường Vĩnh Hải"
    )
    for user in (world.coordinator, world.supervisor, world.officer_nt, world.leadership):
        client.force_login(user)
        for url in ("/hoat-dong/khao-sat/", f"/hoat-dong/khao-sat/{survey.pk}/"):
            body = client.get(url).content.decode()
            assert GUARDRAIL in body, (user.username, url)
            assert "xếp hạng, so sánh, đánh giá hay quy trách nhiệm" in body
    # a failed form post re-renders the page: the guardrail is still there
    client.force_login(world.coordinator)
    response = client.post(
        f"/hoat-dong/khao-sat/{survey.pk}/dia-ban/",
        {"district": world.nhatrang.pk, "commune_name": "phuong vinh hai"},
    )
    assert response.status_code == 400 and GUARDRAIL in response.content.decode()
    assert "Địa bàn này đã có" in response.content.decode()


def test_survey_locations_never_carry_scores(world, client: Client) -> None:
    """No ranking of communes: the location table has no score or rank column."""
    survey = services.create_survey_round(world.coordinator, world.province, year=2023)
    services.add_location(
        world.coordinator, survey, district=world.nhatrang, commune_name="Phường Vĩnh Hải"
    )
    client.force_login(world.coordinator)
    body = client.get(f"/hoat-dong/khao-sat/{survey.pk}/").content.decode()
    table = body.split('data-testid="survey-locations"')[1].split("</table>")[0]
    for word in ("Điểm", "Xếp hạng", "Thứ hạng", "Hạng"):
        assert word not in table
