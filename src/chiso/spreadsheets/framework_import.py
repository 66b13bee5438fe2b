"""Importing a task framework (XLSX) into a plan: preview, then all-or-nothing.

`preview_framework` reads and checks without writing. `upload_framework` reads the file once and
keeps what it read (`TaskImport.parsed`) for the preview page; `confirm_import` imports that. The
rows are checked again against the plan each time (cheap; the plan may have changed), the
workbook is never read again. `import_framework` is the one transaction behind both the page and
`chiso import-tasks`: sections and tasks are created through the workspace's own services
(`save_section`, `create_task`, audited), and any refusal rolls everything back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyGroup
from chiso.audit.services import record
from chiso.plans.access import can_edit_plan
from chiso.plans.errors import PlanError
from chiso.plans.models import Plan, Task
from chiso.plans.services import create_task, save_section
from chiso.spreadsheets.framework_reader import (
    RawSheet,
    RowError,
    WorkbookError,
    read_framework,
    sheet_from_json,
    sheet_to_json,
)
from chiso.spreadsheets.framework_rows import AgencyRef, TaskDraft, check_rows
from chiso.spreadsheets.models import TaskImport

if TYPE_CHECKING:
    from chiso.accounts.models import User

MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass
class ImportPreview:
    file_name: str
    sheet: str = ""
    drafts: list[TaskDraft] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    new_sections: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.drafts)


@dataclass(frozen=True)
class ImportResult:
    tasks: int
    sections: int
    assignments: int
    dry_run: bool


class ImportFailed(Exception):
    """The file has errors; nothing was saved. `errors` locate each one."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class _DryRun(Exception):
    def __init__(self, result: ImportResult) -> None:
        self.result = result


def _read(file_name: str, data: bytes) -> RawSheet | list[RowError]:
    """The task sheet of the file, or the errors that stop it from being read."""
    if len(data) > MAX_FILE_BYTES:
        message = _("Tệp lớn hơn %(mb)s MB.") % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
        return [RowError(file_name, None, "", message)]
    try:
        return read_framework(file_name, data)
    except WorkbookError as exc:
        return exc.errors


def _check(plan: Plan, file_name: str, read: RawSheet | list[RowError]) -> ImportPreview:
    if isinstance(read, list):
        return ImportPreview(file_name, errors=read)
    checked = check_rows(plan, read)
    return ImportPreview(
        file_name, read.sheet, checked.drafts, checked.errors, checked.new_sections
    )


def preview_framework(plan: Plan, file_name: str, data: bytes) -> ImportPreview:
    """What an import of this file would create, or the errors preventing it. Writes nothing."""
    return _check(plan, file_name, _read(file_name, data))


def _to_json(read: RawSheet | list[RowError]) -> dict[str, Any]:
    if isinstance(read, list):
        return {"errors": [[e.file, e.row, e.column, e.message] for e in read]}
    return {"sheet": sheet_to_json(read)}


def _from_json(parsed: dict[str, Any]) -> RawSheet | list[RowError]:
    if "errors" in parsed:
        return [RowError(*error) for error in parsed["errors"]]
    return sheet_from_json(parsed["sheet"])


def _stored_read(task_import: TaskImport) -> RawSheet | list[RowError]:
    """What the upload's workbook holds, read once; an upload kept before reads were stored
    is read now and stored."""
    if task_import.parsed is None:
        read = _read(task_import.file_name, bytes(task_import.data))
        task_import.parsed = _to_json(read)
        TaskImport.objects.filter(pk=task_import.pk).update(parsed=task_import.parsed)
        return read
    return _from_json(task_import.parsed)


def preview_upload(task_import: TaskImport) -> ImportPreview:
    """The preview of a kept upload, from what was read when it was uploaded."""
    return _check(task_import.plan, task_import.file_name, _stored_read(task_import))


def _require_coordinator(user: User, plan: Plan) -> None:
    if not can_edit_plan(user, plan):
        raise PermissionDenied(_("Chỉ Sở Nội vụ (điều phối kế hoạch) được nhập bộ khung nhiệm vụ."))


def _resolve(draft: TaskDraft) -> dict[str, Any]:
    """create_task's agency arguments for a draft: one lead group at most; other groups (and
    coordinating groups) expand to their member agencies."""
    group_ids = [r.group_id for r in draft.lead if r.group_id is not None]
    lead_group = AgencyGroup.objects.get(pk=group_ids[0]) if group_ids else None

    def agencies(refs: tuple[AgencyRef, ...], skip_group: AgencyGroup | None) -> list[Agency]:
        found: dict[int, Agency] = {}
        for ref in refs:
            if ref.agency_id is not None:
                found.setdefault(ref.agency_id, Agency.objects.get(pk=ref.agency_id))
            elif ref.group_id is not None and (skip_group is None or ref.group_id != skip_group.pk):
                group = AgencyGroup.objects.get(pk=ref.group_id)
                for member in group.members.filter(active=True):
                    found.setdefault(member.pk, member)
        return list(found.values())

    lead = agencies(draft.lead, lead_group)
    in_group = set(lead_group.members.values_list("pk", flat=True)) if lead_group else set()
    taken = {a.pk for a in lead} | in_group
    coordinating = [a for a in agencies(draft.coordinate, None) if a.pk not in taken]
    return {"lead_agencies": lead, "lead_group": lead_group, "coordinating": coordinating}


def _create_all(user: User, plan: Plan, preview: ImportPreview) -> tuple[int, int, int]:
    sections = {s.code: s for s in plan.sections.all()}
    for code, title in preview.new_sections.items():
        sections[code] = save_section(user, plan, code=code, title=title)
    assignments = 0
    for draft in preview.drafts:
        try:
            task: Task = create_task(
                user,
                plan,
                title=draft.title,
                section=sections[draft.section_code],
                code=draft.code,
                deadline=draft.deadline,
                recurring=draft.recurring,
                expected_output=draft.output,
                unit_codes=draft.unit_codes,
                **_resolve(draft),
            )
        except PlanError as exc:
            raise ImportFailed([RowError(preview.file_name, draft.row, "", exc.message)]) from None
        assignments += task.assignments.count()
    return len(preview.drafts), len(preview.new_sections), assignments


def import_framework(
    user: User, plan: Plan, file_name: str, data: bytes, *, dry_run: bool = False
) -> ImportResult:
    """Import every row or none. Raises ImportFailed (row errors) or PermissionDenied.
    `dry_run` goes through every service check and then rolls back."""
    _require_coordinator(user, plan)
    return _import(user, plan, file_name, _read(file_name, data), dry_run)


def _import(
    user: User, plan: Plan, file_name: str, read: RawSheet | list[RowError], dry_run: bool
) -> ImportResult:
    try:
        with transaction.atomic():
            plan = Plan.objects.select_for_update().get(pk=plan.pk)
            preview = _check(plan, file_name, read)
            if not preview.ok:
                raise ImportFailed(
                    preview.errors
                    or [RowError(file_name, None, "", _("Tệp không có nhiệm vụ nào để nhập."))]
                )
            tasks, sections, assignments = _create_all(user, plan, preview)
            result = ImportResult(tasks, sections, assignments, dry_run)
            record(
                user,
                plan,
                "plan.import_tasks",
                {},
                note=_("Nhập %(tasks)s nhiệm vụ từ tệp %(file)s")
                % {"tasks": tasks, "file": file_name},
            )
            if dry_run:
                raise _DryRun(result)
            return result
    except _DryRun as done:
        return done.result


def upload_framework(user: User, plan: Plan, file_name: str, data: bytes) -> TaskImport:
    """Keep an uploaded workbook, and what it holds, for its preview page (nothing is imported
    yet). The workbook is read here, once."""
    _require_coordinator(user, plan)
    file_name = file_name[:255]
    return TaskImport.objects.create(
        province_id=plan.province_id,
        plan=plan,
        file_name=file_name,
        data=data,
        parsed=_to_json(_read(file_name, data)),
        uploaded_by=user,
    )


def confirm_import(user: User, task_import: TaskImport) -> ImportResult:
    """Import a previewed upload once; a second confirm (double click, back button) is refused."""
    with transaction.atomic():
        locked = TaskImport.objects.select_for_update().defer("data").get(pk=task_import.pk)
        if locked.imported_at is not None:
            raise PlanError(
                _("Tệp này đã được nhập lúc %(when)s.")
                % {"when": timezone.localtime(locked.imported_at).strftime("%H:%M %d/%m/%Y")}
            )
        _require_coordinator(user, locked.plan)
        read = _stored_read(locked)
        result = _import(user, locked.plan, locked.file_name, read, dry_run=False)
        locked.imported_at, locked.task_count = timezone.now(), result.tasks
        locked.save(update_fields=["imported_at", "task_count"])
        return result
