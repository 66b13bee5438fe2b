"""Support for the PAPI survey team: the round, its locations, contacts and logistics."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyKind, Province
from chiso.activities import access
from chiso.activities.errors import ActivityError
from chiso.activities.models import (
    LogisticsKind,
    LogisticsState,
    LogisticsTask,
    SurveyContact,
    SurveyLocation,
    SurveyRound,
)
from chiso.audit.services import diff, record, snapshot
from chiso.index.names import normalize_name
from chiso.places.models import Village
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User


def _require_manager(user: User, survey: SurveyRound | None = None) -> None:
    if not access.can_manage_survey(user, survey):
        raise PermissionDenied(
            _("Chỉ Sở Nội vụ và Mặt trận Tổ quốc cập nhật thông tin hỗ trợ khảo sát.")
        )


def _same_province(survey: SurveyRound, agency: Agency, field: str) -> None:
    if agency.province_id != survey.province_id:
        raise ActivityError(
            _("Cơ quan “%(name)s” không thuộc tỉnh của đợt khảo sát.") % {"name": agency.name},
            field,
        )


@transaction.atomic
def create_survey_round(
    user: User,
    province: Province,
    *,
    year: int,
    index: str = "PAPI",
    notified_on: dt.date | None = None,
    fieldwork_from: dt.date | None = None,
    fieldwork_to: dt.date | None = None,
    notes: str = "",
    illustrative: bool = False,
) -> SurveyRound:
    _require_manager(user)
    if user.province_id != province.pk:
        raise PermissionDenied(_("Anh/chị không thuộc tỉnh này."))
    if SurveyRound.objects.filter(province=province, index=index, year=year).exists():
        raise ActivityError(
            _("Đã có đợt khảo sát %(index)s năm %(year)s.") % {"index": index, "year": year}, "year"
        )
    if fieldwork_from and fieldwork_to and fieldwork_to < fieldwork_from:
        raise ActivityError(_("Ngày kết thúc khảo sát phải sau ngày bắt đầu."), "fieldwork_to")
    survey = SurveyRound.objects.create(
        province=province,
        index=index,
        year=year,
        notified_on=notified_on,
        fieldwork_from=fieldwork_from,
        fieldwork_to=fieldwork_to,
        notes=notes.strip(),
        illustrative=illustrative,
        created_by=user,
    )
    record(
        user,
        survey,
        "survey.create",
        diff(
            {},
            snapshot(
                survey,
                ("index", "year", "notified_on", "fieldwork_from", "fieldwork_to", "illustrative"),
            ),
        ),
    )
    return survey


@transaction.atomic
def add_location(
    user: User,
    survey: SurveyRound,
    *,
    district: Agency,
    commune_name: str = "",
    village_name: str = "",
    village: Village | None = None,
) -> SurveyLocation:
    """A place the survey team selected (entered when the province is notified). A village of
    the province's list (chiso.places) fills in the commune's and the village's names."""
    _require_manager(user, survey)
    if village is not None:
        if village.commune.parent_id != district.pk:
            raise ActivityError(
                _("%(village)s không thuộc %(district)s.")
                % {"village": village, "district": district.name},
                "village",
            )
        commune_name = village.commune.name.removeprefix("UBND ").strip()
        commune_name = commune_name[:1].upper() + commune_name[1:]
        village_name = str(village)
    _same_province(survey, district, "district")
    if district.kind != AgencyKind.DISTRICT_COMMITTEE:
        raise ActivityError(
            _("“%(name)s” không phải UBND cấp huyện.") % {"name": district.name}, "district"
        )
    if not commune_name.strip():
        raise ActivityError(_("Cần nhập tên xã, phường, thị trấn."), "commune_name")
    key = (normalize_name(commune_name), normalize_name(village_name) if village_name else "")
    for other in survey.locations.filter(district=district):
        other_key = (
            normalize_name(other.commune_name),
            normalize_name(other.village_name) if other.village_name else "",
        )
        if other_key == key:
            raise ActivityError(_("Địa bàn này đã có trong danh sách."), "commune_name")
    location = SurveyLocation.objects.create(
        survey=survey,
        district=district,
        commune_name=commune_name.strip(),
        village_name=village_name.strip(),
        village=village,
    )
    record(
        user,
        survey,
        "survey.location.add",
        {"location": [None, str(location)]},
        province=survey.province,
    )
    return location


@transaction.atomic
def add_contact(
    user: User,
    survey: SurveyRound,
    *,
    agency: Agency,
    name: str,
    position: str = "",
    phone: str = "",
    email: str = "",
) -> SurveyContact:
    _require_manager(user, survey)
    _same_province(survey, agency, "agency")
    if agency.kind not in (
        AgencyKind.DISTRICT_COMMITTEE,
        AgencyKind.FATHERLAND_FRONT,
        AgencyKind.COMMUNE_COMMITTEE,
        AgencyKind.DEPARTMENT,
    ):
        raise ActivityError(
            _("Đầu mối là UBND cấp huyện, cấp xã, Mặt trận Tổ quốc hoặc Sở Nội vụ."), "agency"
        )
    if not name.strip():
        raise ActivityError(_("Cần nhập họ và tên đầu mối."), "name")
    if not (phone.strip() or email.strip()):
        raise ActivityError(_("Cần nhập điện thoại hoặc thư điện tử."), "phone")
    contact = SurveyContact.objects.create(
        survey=survey,
        agency=agency,
        name=name.strip(),
        position=position.strip(),
        phone=phone.strip(),
        email=email.strip(),
    )
    record(
        user,
        survey,
        "survey.contact.add",
        {"contact": [None, str(contact)]},
        province=survey.province,
    )
    return contact


@transaction.atomic
def add_logistics_task(
    user: User,
    survey: SurveyRound,
    *,
    kind: str,
    title: str,
    agency: Agency,
    due_on: dt.date | None = None,
    note: str = "",
) -> LogisticsTask:
    _require_manager(user, survey)
    _same_province(survey, agency, "agency")
    if kind not in LogisticsKind.values:
        raise ActivityError(_("Loại việc không hợp lệ."), "kind")
    if not title.strip():
        raise ActivityError(_("Cần nhập nội dung công việc."), "title")
    task = LogisticsTask.objects.create(
        survey=survey,
        kind=kind,
        title=title.strip(),
        agency=agency,
        due_on=due_on,
        note=note.strip(),
    )
    record(
        user,
        task,
        "logistics.create",
        diff({}, snapshot(task, ("kind", "title", "agency", "due_on", "state"))),
        province=survey.province,
    )
    return task


@transaction.atomic
def update_logistics_state(
    user: User, task: LogisticsTask, *, state: str, note: str = "", version: int | None
) -> LogisticsTask:
    """The responsible agency (or a coordinator) moves a logistics task along."""
    if not access.can_update_logistics(user, task):
        raise PermissionDenied(_("Anh/chị không được cập nhật công việc này."))
    if state not in LogisticsState.values:
        raise ActivityError(_("Trạng thái không hợp lệ."), "state")
    task = lock_current(task, version)
    before = snapshot(task, ("state", "note"))
    task.state = state
    if note.strip():
        task.note = note.strip()
    bump(task)
    task.save()
    record(
        user,
        task,
        "logistics.update",
        diff(before, snapshot(task, ("state", "note"))),
        province=task.survey.province,
    )
    return task
