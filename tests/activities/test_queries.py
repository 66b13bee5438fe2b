"""Pages do a bounded number of queries however many rows they show (no N+1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from chiso.activities import services
from chiso.activities.models import ActivityKind, AudienceType, InspectionKind, PlaceType, Verdict

pytestmark = pytest.mark.django_db


def grow(world, n: int) -> tuple[int, int, int]:
    """n visits each with n findings and recommendations, n activities, n postings, n locations."""
    inspection = services.create_inspection_plan(
        world.coordinator,
        world.plan,
        title=f"Kiểm tra {n}",
        kind=InspectionKind.HOME_AFFAIRS,
        lead_agency=world.snv,
        targets=[world.nhatrang, world.camranh],
        starts_on=dt.date(2023, 7, 1),
        ends_on=dt.date(2023, 10, 31),
        unit_codes=["2"],
    )
    visit = None
    for i in range(n):
        visit = services.add_visit(
            world.coordinator,
            inspection,
            agency=world.nhatrang,
            visited_on=dt.date(2023, 8, 1 + i),
            place="x",
            members="A",
        )
        for j in range(n):
            finding = services.record_finding(
                world.coordinator,
                visit,
                verdict=Verdict.SHORTCOMING,
                description=f"f{j}",
                links=[f"https://example.org/{i}/{j}"],
            )
            services.add_recommendation(
                world.coordinator, finding, text=f"r{j}", deadline=dt.date(2023, 9, 30)
            )
        services.record_activity(
            world.coordinator,
            world.plan,
            kind=ActivityKind.TRAINING,
            title=f"a{n}{i}",
            held_on=dt.date(2023, 6, 1 + i),
            organiser=world.snv,
            audience_type=AudienceType.OFFICIALS,
            audience_count=10,
            unit_codes=["2.4"],
        )
        services.record_posting(
            world.coordinator,
            world.plan,
            commune=world.vinh_hai,
            place_type=PlaceType.VILLAGE_HALL,
            place=f"Tổ {n}-{i}",
            posted_on=dt.date(2023, 7, 1 + i),
        )
    survey = services.create_survey_round(world.coordinator, world.province, year=2020 + n)
    for i in range(n):
        services.add_location(
            world.coordinator, survey, district=world.nhatrang, commune_name=f"Phường {i}"
        )
    return inspection.pk, visit.pk, survey.pk


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_rows(world, client: Client) -> None:
    small = grow(world, 2)
    large = grow(world, 5)
    client.force_login(world.coordinator)
    for template in (
        "/hoat-dong/kiem-tra/{0}/",
        "/hoat-dong/dot-kiem-tra/{1}/",
        "/hoat-dong/khao-sat/{2}/",
    ):
        few, many = count(client, template.format(*small)), count(client, template.format(*large))
        assert many == few, (template, few, many)
    for url in (
        "/hoat-dong/",
        "/hoat-dong/kiem-tra/",
        "/hoat-dong/tuyen-truyen/",
        "/hoat-dong/niem-yet/",
        "/hoat-dong/do-phu/",
        "/hoat-dong/khao-sat/",
        f"/hoat-dong/don-vi/{world.nhatrang.pk}/kiem-tra/",
    ):
        assert count(client, url) <= 30, url
