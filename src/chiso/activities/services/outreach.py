"""Training and communication activities and postings of the task framework."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.activities import access, units
from chiso.activities.attachments import attach, check_files, check_links
from chiso.activities.errors import ActivityError
from chiso.activities.models import (
    Activity,
    ActivityKind,
    Attachment,
    AudienceType,
    PlaceType,
    Posting,
    PostingTask,
)
from chiso.activities.posting_progress import communes_of, sync_progress
from chiso.audit.services import diff, record, snapshot
from chiso.places.models import Village
from chiso.plans.models import Plan, Task
from chiso.site import clock
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User

ACTIVITY_FIELDS = (
    "kind",
    "title",
    "held_on",
    "organiser",
    "place",
    "village",
    "audience_type",
    "audience_count",
    "unit_codes",
    "description",
)
POSTING_FIELDS = (
    "commune",
    "village",
    "place_type",
    "place",
    "posted_on",
    "checked_on",
    "still_posted",
    "notes",
)


def _assign(obj: Model, tracked: tuple[str, ...], fields: dict[str, Any]) -> dict[str, Any]:
    """Set the edited fields (text stripped); returns the tracked values from before."""
    before = snapshot(obj, tracked)
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)
    return before


def _save_changes(
    user: User, obj: Model, tracked: tuple[str, ...], before: dict[str, Any], action: str
) -> None:
    """Save and audit an edit that changed something (a new version); nothing otherwise."""
    changes = diff(before, snapshot(obj, tracked))
    if changes:
        bump(obj)
        obj.save()
        record(user, obj, action, changes)


def _check_activity(activity: Activity) -> None:
    if activity.kind not in ActivityKind.values:
        raise ActivityError(_("Loại hoạt động không hợp lệ."), "kind")
    if not activity.title.strip():
        raise ActivityError(_("Cần nhập tên hoạt động."), "title")
    if activity.village is not None and activity.village.province_id != activity.plan.province_id:
        raise ActivityError(_("Thôn, tổ dân phố này thuộc tỉnh khác."), "village")
    if activity.audience_type not in AudienceType.values:
        raise ActivityError(_("Đối tượng không hợp lệ."), "audience_type")
    if activity.held_on > clock.today():
        raise ActivityError(
            _("Chỉ ghi nhận hoạt động đã diễn ra (ngày thực hiện không ở tương lai)."), "held_on"
        )
    if activity.held_on.year != activity.plan.year:
        raise ActivityError(
            _("Ngày thực hiện phải trong năm %(year)s của kế hoạch.")
            % {"year": activity.plan.year},
            "held_on",
        )
    try:
        activity.unit_codes = units.clean_unit_codes(activity.unit_codes, activity.plan.year)
    except ValueError as exc:
        raise ActivityError(str(exc), "unit_codes") from exc


@transaction.atomic
def record_activity(
    user: User,
    plan: Plan,
    *,
    kind: str,
    title: str,
    held_on: dt.date,
    organiser: Agency,
    audience_type: str,
    audience_count: int | None = None,
    unit_codes: Iterable[str] = (),
    place: str = "",
    village: Village | None = None,
    description: str = "",
    files: Iterable[Any] = (),
    links: Iterable[str] = (),
) -> Activity:
    """A conference, training, campaign, programme, article or meeting that took place."""
    if plan.province_id != organiser.province_id or not access.records_for(user, organiser):
        raise PermissionDenied(_("Anh/chị chỉ ghi nhận hoạt động do đơn vị mình tổ chức."))
    activity = Activity(
        province_id=plan.province_id,
        plan=plan,
        kind=kind,
        title=title.strip(),
        held_on=held_on,
        organiser=organiser,
        audience_type=audience_type,
        audience_count=audience_count,
        unit_codes=list(unit_codes),
        place=place.strip(),
        village=village,
        description=description.strip(),
        created_by=user,
    )
    _check_activity(activity)
    checked, links = check_files(files), check_links(links)
    activity.save()
    record(user, activity, "activity.create", diff({}, snapshot(activity, ACTIVITY_FIELDS)))
    attach(user, activity, checked, links)
    return activity


@transaction.atomic
def update_activity(
    user: User, activity: Activity, *, version: int | None, **fields: Any
) -> Activity:
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"update_activity: unknown fields {sorted(unknown)}")
    if not access.records_for(user, activity.organiser):
        raise PermissionDenied(_("Anh/chị không được sửa hoạt động này."))
    activity = lock_current(activity, version)
    before = _assign(activity, ACTIVITY_FIELDS, fields)
    if not access.records_for(user, activity.organiser):
        raise PermissionDenied(_("Anh/chị chỉ ghi nhận hoạt động do đơn vị mình tổ chức."))
    _check_activity(activity)
    _save_changes(user, activity, ACTIVITY_FIELDS, before, "activity.update")
    return activity


def _owner_agency(owner: Activity | Posting) -> Agency:
    return owner.organiser if isinstance(owner, Activity) else owner.commune


@transaction.atomic
def add_evidence(
    user: User, owner: Activity | Posting, *, files: Iterable[Any] = (), links: Iterable[str] = ()
) -> list[Attachment]:
    """More photos, agendas, scans or links for an activity or a posting."""
    if not access.records_for(user, _owner_agency(owner)):
        raise PermissionDenied(_("Anh/chị không được bổ sung minh chứng cho mục này."))
    checked, links = check_files(files), check_links(links)
    if not checked and not links:
        raise ActivityError(_("Cần chọn ít nhất một tệp hoặc nhập một đường dẫn."), "files")
    return attach(user, owner, checked, links)


def _check_posting(posting: Posting) -> None:
    if posting.commune.kind != AgencyKind.COMMUNE_COMMITTEE:
        raise ActivityError(
            _("“%(name)s” không phải UBND cấp xã.") % {"name": posting.commune.name}, "commune"
        )
    if posting.village is not None:
        if posting.village.commune_id != posting.commune_id:
            raise ActivityError(
                _("%(village)s không thuộc %(commune)s.")
                % {"village": posting.village, "commune": posting.commune.name},
                "village",
            )
        if posting.place_type != PlaceType.VILLAGE_HALL:
            raise ActivityError(
                _("Niêm yết tại thôn, tổ dân phố cần chọn nơi niêm yết là nhà văn hóa thôn."),
                "place_type",
            )
        if not posting.place.strip():
            posting.place = str(posting.village)
    if posting.place_type not in PlaceType.values:
        raise ActivityError(_("Nơi niêm yết không hợp lệ."), "place_type")
    if not posting.place.strip():
        raise ActivityError(_("Cần nhập địa chỉ hoặc tên thôn, tổ dân phố."), "place")
    if posting.posted_on > clock.today():
        raise ActivityError(_("Ngày niêm yết không được ở tương lai."), "posted_on")
    if posting.checked_on is not None:
        if posting.checked_on < posting.posted_on:
            raise ActivityError(_("Ngày kiểm tra lại phải sau ngày niêm yết."), "checked_on")
        if posting.checked_on > clock.today():
            raise ActivityError(_("Ngày kiểm tra lại không được ở tương lai."), "checked_on")
        if posting.still_posted is None:
            raise ActivityError(
                _("Cần cho biết khi kiểm tra còn niêm yết hay không."), "still_posted"
            )
    elif posting.still_posted is not None:
        raise ActivityError(_("Cần nhập ngày kiểm tra lại."), "checked_on")


@transaction.atomic
def record_posting(
    user: User,
    plan: Plan,
    *,
    commune: Agency,
    place_type: str,
    place: str,
    posted_on: dt.date,
    village: Village | None = None,
    notes: str = "",
    files: Iterable[Any] = (),
    links: Iterable[str] = (),
) -> Posting:
    if plan.province_id != commune.province_id or not access.records_for(user, commune):
        raise PermissionDenied(_("Anh/chị chỉ ghi nhận niêm yết tại địa bàn của đơn vị mình."))
    posting = Posting(
        province_id=plan.province_id,
        plan=plan,
        commune=commune,
        village=village,
        place_type=place_type,
        place=place.strip(),
        posted_on=posted_on,
        notes=notes.strip(),
        created_by=user,
    )
    _check_posting(posting)
    checked, links = check_files(files), check_links(links)
    posting.save()
    record(user, posting, "posting.create", diff({}, snapshot(posting, POSTING_FIELDS)))
    attach(user, posting, checked, links)
    sync_progress(user, plan, commune)
    return posting


@transaction.atomic
def check_posting(
    user: User,
    posting: Posting,
    *,
    checked_on: dt.date,
    still_posted: bool,
    note: str = "",
    version: int | None,
) -> Posting:
    """Record a later check that the framework is still posted (or that it was taken down)."""
    if not access.records_for(user, posting.commune):
        raise PermissionDenied(_("Anh/chị không được cập nhật niêm yết này."))
    posting = lock_current(posting, version)
    before = snapshot(posting, POSTING_FIELDS)
    posting.checked_on, posting.still_posted = checked_on, still_posted
    if note.strip():
        posting.notes = "\n".join(p for p in (posting.notes, note.strip()) if p)
    _check_posting(posting)
    bump(posting)
    posting.save()
    record(user, posting, "posting.check", diff(before, snapshot(posting, POSTING_FIELDS)))
    sync_progress(user, posting.plan, posting.commune)
    return posting


@transaction.atomic
def update_posting(user: User, posting: Posting, *, version: int | None, **fields: Any) -> Posting:
    """Correct a posting: its place and date, or the later check (date checked, still posted)
    that a commune officer fills in weeks after the posting was recorded."""
    unknown = set(fields) - set(POSTING_FIELDS)
    if unknown:
        raise TypeError(f"update_posting: unknown fields {sorted(unknown)}")
    if not access.records_for(user, posting.commune):
        raise PermissionDenied(_("Anh/chị không được sửa niêm yết này."))
    posting = lock_current(posting, version)
    old_commune = posting.commune
    before = _assign(posting, POSTING_FIELDS, fields)
    # Moving it to another commune needs the right to record there too.
    if not access.records_for(user, posting.commune):
        raise PermissionDenied(_("Anh/chị chỉ ghi nhận niêm yết tại địa bàn của đơn vị mình."))
    _check_posting(posting)
    _save_changes(user, posting, POSTING_FIELDS, before, "posting.update")
    for commune in {old_commune, posting.commune}:
        sync_progress(user, posting.plan, commune)
    return posting


@transaction.atomic
def set_posting_task(user: User, plan: Plan, task: Task | None) -> None:
    """Name the plan's task that postings count for (None: postings count for no task), then
    bring its assignments' progress in line with the postings already recorded."""
    if not (access.is_coordinator(user) and user.province_id == plan.province_id):
        raise PermissionDenied(_("Chỉ Sở Nội vụ chọn nhiệm vụ niêm yết của kế hoạch."))
    if task is not None and task.plan_id != plan.pk:
        raise ActivityError(_("Nhiệm vụ này không thuộc kế hoạch."), "task")
    current = PostingTask.objects.filter(plan=plan).first()
    old = str(current.task) if current else None
    if task is None:
        PostingTask.objects.filter(plan=plan).delete()
    else:
        PostingTask.objects.update_or_create(plan=plan, defaults={"task": task})
    new = str(task) if task else None
    if old != new:
        record(user, plan, "plan.posting_task", {"posting_task": [old, new]})
    if task is None:
        return
    for assignment in task.assignments.select_related("agency"):
        communes = communes_of(assignment.agency)
        if communes:
            sync_progress(user, plan, communes[0])
