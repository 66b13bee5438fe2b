"""Permission-matrix rows for /hoat-dong/ (picked up by tests/test_permission_matrix.py).

The world gains: an inspection of agency A by Sở Nội vụ (a visit with a finding, its evidence
file, a recommendation with a follow-up task and one without), an activity organised by Sở Nội
vụ, a posting in a commune under A, and a survey round with a location and a logistics task in A.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from chiso.accounts.models import Agency, AgencyKind
from chiso.activities import services
from chiso.activities.models import (
    ActivityKind,
    AudienceType,
    InspectionKind,
    LogisticsKind,
    PlaceType,
    Verdict,
)
from tests.api.world import PDF_BYTES, World
from tests.test_permission_matrix import (
    A_ONLY_API,
    API_SIGNED_IN,
    CREATED,
    DENIED,
    FOUND,
    HOME_API,
    HOME_PAGE,
    INVALID,
    LOGIN,
    MISSING,
    NOT_ALLOWED,
    OK,
    SIGNED_IN,
    UNAUTH,
    Row,
    expect,
)


def extend_world(world: World) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    coordinator = world.users["coordinator"]
    home = world.home
    snv = Agency.objects.get(province=home.province, name="Sở Nội vụ")
    commune = Agency.objects.create(
        province=home.province,
        name="UBND phường Vĩnh Hòa",
        kind=AgencyKind.COMMUNE_COMMITTEE,
        parent=world.agency_a,
    )
    inspection = services.create_inspection_plan(
        coordinator,
        home.plan,
        title="Kiểm tra PAPI 2023",
        kind=InspectionKind.HOME_AFFAIRS,
        lead_agency=snv,
        targets=[world.agency_a],
        starts_on=dt.date(2023, 7, 1),
        ends_on=dt.date(2023, 10, 31),
        unit_codes=["2"],
    )
    visit = services.add_visit(
        coordinator,
        inspection,
        agency=world.agency_a,
        visited_on=dt.date(2023, 8, 1),
        place="UBND TP Nha Trang",
        members="Nguyễn Văn A",
    )
    finding = services.record_finding(
        coordinator,
        visit,
        verdict=Verdict.SHORTCOMING,
        description="Chưa niêm yết đủ",
        files=[SimpleUploadedFile("bien-ban.pdf", PDF_BYTES, "application/pdf")],
    )
    survey = services.create_survey_round(coordinator, home.province, year=2023)
    services.add_location(
        coordinator, survey, district=world.agency_a, commune_name="Phường Vĩnh Hòa"
    )
    _extend_counting(world, survey)
    from chiso.places.models import Village, VillageKind

    world.extra["village"] = Village.objects.create(
        province=home.province, commune=commune, kind=VillageKind.TO_DAN_PHO, name="Vĩnh Hòa 1"
    )
    world.extra.update(
        inspection=inspection,
        visit=visit,
        finding=finding,
        attachment=finding.attachments.get(),
        commune=commune,
        survey=survey,
        recommendation=services.add_recommendation(
            coordinator, finding, text="Niêm yết bổ sung", deadline=dt.date(2023, 9, 15)
        ),
        waiting=services.add_recommendation(
            coordinator,
            finding,
            text="Kiện toàn tổ công tác",
            deadline=dt.date(2023, 9, 30),
            assign=False,
        ),
        activity=services.record_activity(
            coordinator,
            home.plan,
            kind=ActivityKind.CONFERENCE,
            title="Hội nghị PAPI",
            held_on=dt.date(2023, 6, 16),
            organiser=snv,
            audience_type=AudienceType.OFFICIALS,
            audience_count=300,
        ),
        posting=services.record_posting(
            coordinator,
            home.plan,
            commune=commune,
            place_type=PlaceType.COMMUNE_OFFICE,
            place="Trụ sở UBND phường",
            posted_on=dt.date(2023, 7, 3),
        ),
        logistics=services.add_logistics_task(
            coordinator,
            survey,
            kind=LogisticsKind.VENUE,
            title="Bố trí hội trường",
            agency=world.agency_a,
        ),
    )


def _extend_counting(world: World, survey: Any) -> None:
    """A survey-support task of agency A already counted (not yet reported) for A's assignment."""
    from chiso.activities.models import WorkLink

    task = services.add_logistics_task(
        world.users["coordinator"],
        survey,
        kind=LogisticsKind.GUIDE,
        title="Người dẫn đường",
        agency=world.agency_a,
    )
    world.extra["work_link"] = WorkLink.objects.create(
        province=world.home.province,
        assignment=world.home.assignment_a,
        logistics=task,
        linked_by=world.users["officer_a"],
    )


def obj(name: str) -> Any:
    return lambda world: {"pk": world.extra[name].pk}


def agency_a(world: World) -> dict[str, Any]:
    return {"pk": world.agency_a.pk}


# Who reads an object of agency A (an inspection of A, its survey round): province-wide readers
# and A's own staff; agency B and other provinces get a 404.
A_READERS = expect(OK, anonymous=LOGIN, officer_b=MISSING, other_province=MISSING)


def a_change(done: str = FOUND, **by_role: str) -> dict[str, str]:
    """A change to something of agency A that only coordinators (and `by_role`) may make."""
    base = dict(
        anonymous=LOGIN, admin=done, coordinator=done, officer_b=MISSING, other_province=MISSING
    )
    return expect(DENIED, **{**base, **by_role})


A_COUNTS = expect(
    DENIED,
    anonymous=LOGIN,
    officer_a=FOUND,
    agency_head=FOUND,
    officer_b=MISSING,
    other_province=MISSING,
)
A_COUNTS_API = {
    **A_COUNTS,
    "anonymous": UNAUTH,
    "officer_a": CREATED,
    "agency_head": CREATED,
}
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)
# Recording an activity or posting of agency A through the API: coordinators and A's staff; the
# others are refused, another province does not find the plan.
A_RECORDS_API = expect(
    DENIED,
    anonymous=UNAUTH,
    admin=CREATED,
    coordinator=CREATED,
    officer_a=CREATED,
    agency_head=CREATED,
    other_province=MISSING,
)


def _api_activity_form(world: World) -> dict[str, Any]:
    return {
        "plan": world.home.plan.pk,
        "kind": "training",
        "title": "Tập huấn PAPI",
        "held_on": "2023-07-01",
        "organiser": world.agency_a.pk,
        "audience_type": "officials",
    }


def _api_posting_form(world: World) -> dict[str, Any]:
    return {
        "plan": world.home.plan.pk,
        "commune": world.extra["commune"].pk,
        "place_type": "village_hall",
        "place": "Tổ dân phố 3",
        "posted_on": "2023-07-10",
    }


def _assignment_a(world: World) -> dict[str, Any]:
    return {"pk": world.home.assignment_a.pk}


def _count_form(world: World) -> dict[str, Any]:
    return {
        "kind": "posting",
        "work": world.extra["posting"].pk,
        "assignment": world.home.assignment_a.pk,
    }


def _api_count_form(world: World) -> dict[str, Any]:
    return {"kind": "posting", "work": world.extra["posting"].pk}


def _work_report_form(world: World) -> dict[str, Any]:
    return {"links": [world.extra["work_link"].pk], "progress": "50"}


def inspection_form(world: World) -> dict[str, Any]:
    return {
        "plan": world.home.plan.pk,
        "title": "Kiểm tra quý III",
        "kind": "home_affairs",
        "lead_agency": world.agency_a.pk,
        "targets": [world.agency_b.pk],
        "starts_on": "2023-08-01",
        "ends_on": "2023-09-30",
    }


def visit_form(world: World) -> dict[str, Any]:
    return {
        "agency": world.agency_a.pk,
        "visited_on": "2023-08-10",
        "place": "Trụ sở",
        "members": "Trần B",
    }


def activity_form(world: World) -> dict[str, Any]:
    return {
        "plan": world.home.plan.pk,
        "kind": "training",
        "title": "Tập huấn",
        "held_on": "2023-07-01",
        "organiser": world.agency_a.pk,
        "audience_type": "officials",
        "audience_count": "40",
    }


def posting_form(world: World) -> dict[str, Any]:
    return {
        "plan": world.home.plan.pk,
        "commune": world.extra["commune"].pk,
        "place_type": "village_hall",
        "place": "Tổ dân phố 2",
        "posted_on": "2023-07-10",
    }


def activity_edit_form(world: World) -> dict[str, Any]:
    activity = world.extra["activity"]
    return {
        "version": activity.version,
        "kind": activity.kind,
        "title": "Hội nghị PAPI tỉnh",
        "held_on": activity.held_on.isoformat(),
        "organiser": activity.organiser_id,
        "audience_type": activity.audience_type,
        "audience_count": "320",
    }


def posting_edit_form(world: World) -> dict[str, Any]:
    posting = world.extra["posting"]
    return {
        "version": posting.version,
        "commune": posting.commune_id,
        "place_type": posting.place_type,
        "place": posting.place,
        "posted_on": posting.posted_on.isoformat(),
        "checked_on": "2023-08-10",
        "still_posted": "yes",
    }


def link(world: World) -> dict[str, Any]:
    return {"links": "https://example.org/bai-viet"}


SURVEY_MANAGERS = dict(admin=FOUND, coordinator=FOUND, supervisor=FOUND)

ROWS: list[Row] = [
    Row("activities:index", SIGNED_IN),
    Row("activities:inspection-list", SIGNED_IN),
    Row(
        "activities:inspection-create",
        # District committees (agency A, B) plan inspections of their area too.
        expect(
            DENIED,
            anonymous=LOGIN,
            admin=OK,
            coordinator=OK,
            supervisor=OK,
            other_province=OK,
            officer_a=OK,
            agency_head=OK,
            officer_b=OK,
        ),
    ),
    Row(
        "activities:inspection-create",
        expect(
            DENIED,
            anonymous=LOGIN,
            admin=FOUND,
            coordinator=FOUND,
            supervisor=INVALID,
            other_province=INVALID,
            officer_a=INVALID,
            agency_head=INVALID,
            officer_b=INVALID,
        ),  # not their kind / not their plan
        method="POST",
        data=inspection_form,
    ),
    Row("activities:inspection-detail", A_READERS, obj("inspection")),
    Row("activities:visit-create", a_change(OK), obj("inspection")),
    Row("activities:visit-create", a_change(), obj("inspection"), method="POST", data=visit_form),
    Row("activities:visit-detail", A_READERS, obj("visit")),
    Row(
        "activities:finding-create",
        a_change(),
        obj("visit"),
        method="POST",
        data=lambda w: {"verdict": "violation", "description": "Không công khai"},
    ),
    Row(
        "activities:visit-conclude",
        a_change(),
        obj("visit"),
        method="POST",
        data=lambda w: {"conclusion": "Cơ bản đạt", "version": w.extra["visit"].version},
    ),
    Row(
        "activities:finding-respond",
        a_change(DENIED, officer_a=FOUND, agency_head=FOUND),
        obj("finding"),
        method="POST",
        data=lambda w: {"response": "Đã khắc phục"},
    ),
    Row(
        "activities:recommendation-create",
        a_change(),
        obj("finding"),
        method="POST",
        data=lambda w: {"text": "Công khai bổ sung", "deadline": "2023-09-30"},
    ),
    Row("activities:recommendation-assign", a_change(), obj("waiting"), method="POST"),
    Row(
        "activities:recommendation-close",
        a_change(),
        obj("recommendation"),
        method="POST",
        data=lambda w: {"note": "Đã khắc phục xong", "version": w.extra["recommendation"].version},
    ),
    Row("activities:agency-inspections", A_READERS, agency_a),
    Row("activities:attachment", A_READERS, obj("attachment")),
    Row("activities:activity-list", SIGNED_IN),
    Row(
        "activities:activity-create",
        expect(OK, anonymous=LOGIN, leadership=DENIED, national_viewer=DENIED),
    ),
    Row(
        "activities:activity-create",
        # A records its own training; others may not name A as organiser (form refuses it).
        expect(
            INVALID,
            anonymous=LOGIN,
            admin=FOUND,
            coordinator=FOUND,
            agency_head=FOUND,
            officer_a=FOUND,
            leadership=DENIED,
            national_viewer=DENIED,
        ),
        method="POST",
        data=activity_form,
    ),
    Row("activities:activity-detail", HOME_PAGE, obj("activity")),
    Row(
        "activities:activity-evidence",
        a_change(officer_b=DENIED),
        obj("activity"),
        method="POST",
        data=link,
    ),
    # Sở Nội vụ's activity: coordinators edit it; agency B sees it (province-wide) but may not.
    Row("activities:activity-edit", a_change(OK, officer_b=DENIED), obj("activity")),
    Row(
        "activities:activity-edit",
        a_change(officer_b=DENIED),
        obj("activity"),
        method="POST",
        data=activity_edit_form,
    ),
    Row("activities:posting-coverage", SIGNED_IN),
    Row("activities:posting-coverage-xlsx", SIGNED_IN),
    # A posting in a commune under agency A: A's staff edit it (the later check, typically).
    Row(
        "activities:posting-edit",
        a_change(OK, officer_a=OK, agency_head=OK, officer_b=DENIED),
        obj("posting"),
    ),
    Row(
        "activities:posting-edit",
        a_change(officer_a=FOUND, agency_head=FOUND, officer_b=DENIED),
        obj("posting"),
        method="POST",
        data=posting_edit_form,
    ),
    Row(
        "activities:posting-create",
        expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, agency_head=OK, officer_a=OK),
    ),
    Row(
        "activities:posting-create",
        expect(
            DENIED,
            anonymous=LOGIN,
            admin=FOUND,
            coordinator=FOUND,
            agency_head=FOUND,
            officer_a=FOUND,
        ),
        method="POST",
        data=posting_form,
    ),
    Row("activities:posting-detail", HOME_PAGE, obj("posting")),
    Row(
        "activities:posting-evidence",
        a_change(officer_a=FOUND, agency_head=FOUND, officer_b=DENIED),
        obj("posting"),
        method="POST",
        data=link,
    ),
    Row(
        "activities:posting-check",
        a_change(officer_a=FOUND, agency_head=FOUND, officer_b=DENIED),
        obj("posting"),
        method="POST",
        data=lambda w: {
            "checked_on": "2023-08-10",
            "still_posted": "yes",
            "version": w.extra["posting"].version,
        },
    ),
    Row("activities:coverage", SIGNED_IN),
    Row("activities:survey-list", SIGNED_IN),
    Row(
        "activities:survey-create",
        expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, supervisor=OK, other_province=OK),
    ),
    Row("activities:survey-detail", A_READERS, obj("survey")),
    Row(
        "activities:survey-location-add",
        a_change(**SURVEY_MANAGERS),
        obj("survey"),
        method="POST",
        data=lambda w: {"district": w.agency_b.pk, "commune_name": "Phường Cam Nghĩa"},
    ),
    Row(
        "activities:survey-contact-add",
        a_change(**SURVEY_MANAGERS),
        obj("survey"),
        method="POST",
        data=lambda w: {"agency": w.agency_a.pk, "name": "Nguyễn Văn C", "phone": "0258"},
    ),
    Row(
        "activities:survey-logistics-add",
        a_change(**SURVEY_MANAGERS),
        obj("survey"),
        method="POST",
        data=lambda w: {"kind": "guide", "title": "Người dẫn đường", "agency": w.agency_a.pk},
    ),
    Row(
        "activities:logistics-update",
        a_change(**SURVEY_MANAGERS, officer_a=FOUND, agency_head=FOUND),
        obj("logistics"),
        method="POST",
        data=lambda w: {"state": "done", "version": w.extra["logistics"].version},
    ),
    # Work that counts: A's staff count work done in A's area for A's assignment; the province's
    # readers may not (403); agency B and other provinces do not see A's assignment (404).
    Row("activities:work-count", POST_ONLY, label="GET"),
    # Agency B reads the posting (postings are public in the province) but counts it for nothing.
    Row(
        "activities:work-count",
        {**A_COUNTS, "officer_b": DENIED},
        method="POST",
        data=_count_form,
    ),
    Row("activities:work-report", POST_ONLY, _assignment_a, label="GET"),
    Row("activities:work-report", A_COUNTS, _assignment_a, "POST", _work_report_form),
    Row("activities:work-unlink", POST_ONLY, obj("work_link"), label="GET"),
    Row("activities:work-unlink", A_COUNTS, obj("work_link"), "POST", lambda w: {}),
    # The API: sub-assignments are in tests/plans/permission_rows.py.
    Row("api-assignment-work", A_ONLY_API, _assignment_a),
    Row("api-assignment-work", A_COUNTS_API, _assignment_a, "POST", _api_count_form),
    Row("api-activities", API_SIGNED_IN),
    Row("api-activities", A_RECORDS_API, method="POST", data=_api_activity_form),
    Row("api-postings", A_RECORDS_API, method="POST", data=_api_posting_form),
    Row("api-activity", HOME_API, obj("activity")),
    Row("api-postings", API_SIGNED_IN),
    Row("api-posting", HOME_API, obj("posting")),
    Row("api-villages", API_SIGNED_IN),
    Row("api-village", HOME_API, obj("village")),
    Row("api-inspections", API_SIGNED_IN),
    Row("api-inspection", A_ONLY_API, obj("inspection")),
    Row("api-visit", A_ONLY_API, obj("visit")),
    Row("api-surveys", API_SIGNED_IN),
    Row("api-survey", A_ONLY_API, obj("survey")),
]
