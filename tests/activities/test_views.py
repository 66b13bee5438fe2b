"""Pages: they work, they keep to the user's province and agency, and read-only roles cannot
change anything."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from chiso.activities import services
from chiso.activities.models import (
    ActivityKind,
    AudienceType,
    Finding,
    InspectionKind,
    LogisticsKind,
    PlaceType,
    Recommendation,
    Verdict,
)
from chiso.plans.models import Assignment
from tests.activities.conftest import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    inspection = services.create_inspection_plan(
        world.coordinator,
        world.plan,
        title="Kiểm tra PAPI 2023",
        kind=InspectionKind.HOME_AFFAIRS,
        lead_agency=world.snv,
        targets=[world.nhatrang, world.camranh],
        starts_on=dt.date(2023, 7, 1),
        ends_on=dt.date(2023, 10, 31),
        unit_codes=["2.4", "5"],
    )
    visit = services.add_visit(
        world.coordinator,
        inspection,
        agency=world.nhatrang,
        visited_on=dt.date(2023, 8, 1),
        place="UBND TP Nha Trang",
        members="Nguyễn Văn A",
    )
    finding = services.record_finding(
        world.coordinator,
        visit,
        verdict=Verdict.SHORTCOMING,
        description="Chưa công khai đủ",
        checklist_item=visit.checklist.first(),
        files=[pdf_upload()],
    )
    rec = services.add_recommendation(
        world.coordinator, finding, text="Công khai bổ sung", deadline=dt.date(2023, 9, 15)
    )
    activity = services.record_activity(
        world.coordinator,
        world.plan,
        kind=ActivityKind.CONFERENCE,
        title="Hội nghị PAPI 2023",
        held_on=dt.date(2023, 6, 20),
        organiser=world.snv,
        audience_type=AudienceType.OFFICIALS,
        audience_count=250,
        unit_codes=["1", "2.4"],
    )
    posting = services.record_posting(
        world.officer_nt,
        world.plan,
        commune=world.vinh_hai,
        place_type=PlaceType.COMMUNE_OFFICE,
        place="Trụ sở UBND phường Vĩnh Hải",
        posted_on=dt.date(2023, 7, 3),
    )
    survey = services.create_survey_round(world.coordinator, world.province, year=2023)
    services.add_location(
        world.coordinator,
        survey,
        district=world.nhatrang,
        commune_name="Phường Vĩnh Hải",
        village_name="Tổ dân phố 5",
    )
    logistics = services.add_logistics_task(
        world.coordinator,
        survey,
        kind=LogisticsKind.VENUE,
        title="Bố trí hội trường",
        agency=world.nhatrang,
    )
    return dict(
        inspection=inspection,
        visit=visit,
        finding=finding,
        rec=rec,
        activity=activity,
        posting=posting,
        survey=survey,
        logistics=logistics,
        attachment=finding.attachments.get(),
    )


def pages(d):
    return [
        "/hoat-dong/",
        "/hoat-dong/kiem-tra/",
        f"/hoat-dong/kiem-tra/{d['inspection'].pk}/",
        f"/hoat-dong/dot-kiem-tra/{d['visit'].pk}/",
        "/hoat-dong/tuyen-truyen/",
        f"/hoat-dong/tuyen-truyen/{d['activity'].pk}/",
        "/hoat-dong/niem-yet/",
        f"/hoat-dong/niem-yet/{d['posting'].pk}/",
        "/hoat-dong/do-phu/",
        "/hoat-dong/do-phu/?ky=quy",
        "/hoat-dong/khao-sat/",
        f"/hoat-dong/khao-sat/{d['survey'].pk}/",
    ]


def test_it_works(world, data, client: Client) -> None:
    client.force_login(world.coordinator)
    for url in pages(data) + [
        "/hoat-dong/kiem-tra/them/",
        "/hoat-dong/tuyen-truyen/them/",
        "/hoat-dong/niem-yet/them/",
        "/hoat-dong/khao-sat/them/",
        f"/hoat-dong/kiem-tra/{data['inspection'].pk}/dot-kiem-tra/them/",
        f"/hoat-dong/don-vi/{world.nhatrang.pk}/kiem-tra/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    visit_page = client.get(f"/hoat-dong/dot-kiem-tra/{data['visit'].pk}/").content.decode()
    assert "Chưa công khai đủ" in visit_page and "Công khai bổ sung" in visit_page
    assert "bien-ban.pdf" in visit_page
    download = client.get(f"/hoat-dong/minh-chung/{data['attachment'].pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_the_inspected_agency_sees_its_visit_and_responds(world, data, client: Client) -> None:
    client.force_login(world.officer_nt)
    url = f"/hoat-dong/dot-kiem-tra/{data['visit'].pk}/"
    assert client.get(url).status_code == 200
    response = client.post(
        f"/hoat-dong/ket-qua/{data['finding'].pk}/giai-trinh/",
        {"response": "Đã công khai bổ sung ngày 10/8."},
    )
    assert response.status_code == 302
    assert Finding.objects.get().response == "Đã công khai bổ sung ngày 10/8."
    # its follow-up task is one of its assignments
    assert Assignment.objects.filter(
        agency=world.nhatrang, task=data["rec"].follow_up_task
    ).exists()
    home = client.get("/").content.decode()
    assert "Kiểm tra tại đơn vị" in home and "Công khai bổ sung" in home


def test_it_checks_ownership(world, data, outsider, client: Client) -> None:
    # Another agency of the same province: the visit, finding and file are not its business.
    client.force_login(world.officer_cr)
    for url in (
        f"/hoat-dong/dot-kiem-tra/{data['visit'].pk}/",
        f"/hoat-dong/minh-chung/{data['attachment'].pk}/",
        f"/hoat-dong/don-vi/{world.nhatrang.pk}/kiem-tra/",
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            f"/hoat-dong/ket-qua/{data['finding'].pk}/giai-trinh/", {"response": "x"}
        ).status_code
        == 404
    )
    # Cam Ranh is not among the survey's districts: it does not see the round.
    assert client.get(f"/hoat-dong/khao-sat/{data['survey'].pk}/").status_code == 404
    # Another province: everything is a 404.
    client.force_login(outsider)
    for url in pages(data)[2:]:
        if "?" in url or url.endswith(("/tuyen-truyen/", "/niem-yet/", "/do-phu/", "/khao-sat/")):
            continue
        assert client.get(url).status_code == 404, url


def test_it_requires_rw_access(world, data, client: Client) -> None:
    client.force_login(world.leadership)
    for url in pages(data):
        assert client.get(url).status_code == 200, url
    refused = {
        "/hoat-dong/kiem-tra/them/": {},
        f"/hoat-dong/kiem-tra/{data['inspection'].pk}/dot-kiem-tra/them/": {},
        f"/hoat-dong/dot-kiem-tra/{data['visit'].pk}/ket-qua/": {
            "verdict": "violation",
            "description": "x",
        },
        f"/hoat-dong/ket-qua/{data['finding'].pk}/kien-nghi/": {
            "text": "x",
            "deadline": "2023-09-30",
        },
        f"/hoat-dong/kien-nghi/{data['rec'].pk}/dong/": {"note": "x", "version": 1},
        "/hoat-dong/tuyen-truyen/them/": {},
        f"/hoat-dong/niem-yet/{data['posting'].pk}/kiem-tra-lai/": {},
        "/hoat-dong/khao-sat/them/": {},
        f"/hoat-dong/hau-can/{data['logistics'].pk}/": {"state": "done", "version": 1},
    }
    for url, payload in refused.items():
        assert client.post(url, payload).status_code == 403, url
    assert Recommendation.objects.get().closed_on is None


def test_a_finding_form_error_keeps_the_input(world, data, client: Client) -> None:
    client.force_login(world.coordinator)
    response = client.post(
        f"/hoat-dong/dot-kiem-tra/{data['visit'].pk}/ket-qua/",
        {
            "verdict": "violation",
            "description": "Không niêm yết",
            "links": "khong-phai-duong-dan",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "không hợp lệ" in body and "Không niêm yết" in body
    assert Finding.objects.count() == 1


def test_coordinator_records_a_recommendation_that_becomes_a_task(world, data, client) -> None:
    client.force_login(world.coordinator)
    visit = services.add_visit(
        world.coordinator,
        data["inspection"],
        agency=world.camranh,
        visited_on=dt.date(2023, 8, 10),
        place="UBND TP Cam Ranh",
        members="Trần B",
    )
    response = client.post(
        f"/hoat-dong/dot-kiem-tra/{visit.pk}/ket-qua/",
        {
            "verdict": "violation",
            "description": "Không công khai thu chi ngân sách",
        },
    )
    assert response.status_code == 302
    finding = visit.findings.get()
    response = client.post(
        f"/hoat-dong/ket-qua/{finding.pk}/kien-nghi/",
        {
            "text": "Công khai thu chi ngân sách phường",
            "deadline": "2023-09-20",
        },
    )
    assert response.status_code == 302
    rec = finding.recommendations.get()
    assert rec.follow_up_task.assignments.get().agency == world.camranh


def test_agency_officer_records_posting_for_its_communes_only(world, data, client) -> None:
    client.force_login(world.officer_cr)
    ok = client.post(
        "/hoat-dong/niem-yet/them/",
        {
            "plan": world.plan.pk,
            "commune": world.cam_nghia.pk,
            "place_type": "village_hall",
            "place": "Nhà văn hóa thôn Hòa Do 7",
            "posted_on": "2023-07-20",
        },
    )
    assert ok.status_code == 302
    refused = client.post(
        "/hoat-dong/niem-yet/them/",
        {
            "plan": world.plan.pk,
            "commune": world.vinh_phuoc.pk,
            "place_type": "village_hall",
            "place": "x",
            "posted_on": "2023-07-20",
        },
    )
    assert refused.status_code == 400  # Vĩnh Phước is not among Cam Ranh's communes


def test_pages_speak_english_too(world, data, client: Client) -> None:
    client.force_login(world.coordinator)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get(f"/hoat-dong/khao-sat/{data['survey'].pk}/").content.decode()
    assert "not any single commune, ward or town" in body
    body = client.get(f"/hoat-dong/dot-kiem-tra/{data['visit'].pk}/").content.decode()
    assert "Checklist" in body and "Shortcoming" in body
