"""The audit log, worded for people: action codes and field names become labels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chiso.audit.models import AuditEntry
from chiso.audit.services import HistoryLine, history_lines

ACTION_LABELS = {
    "plan.create": pgettext_lazy("history", "Tạo kế hoạch"),
    "plan.update": pgettext_lazy("history", "Sửa kế hoạch"),
    "objective.create": pgettext_lazy("history", "Thêm mục tiêu"),
    "objective.update": pgettext_lazy("history", "Sửa mục tiêu"),
    "objective.delete": pgettext_lazy("history", "Xóa mục tiêu"),
    "section.create": pgettext_lazy("history", "Thêm mục"),
    "section.update": pgettext_lazy("history", "Sửa mục"),
    "section.delete": pgettext_lazy("history", "Xóa mục"),
    "plan.copy": pgettext_lazy("history", "Lập từ kế hoạch năm trước"),
    "task.create": pgettext_lazy("history", "Tạo nhiệm vụ"),
    "task.update": pgettext_lazy("history", "Sửa nhiệm vụ"),
    "task.delete": pgettext_lazy("history", "Xóa nhiệm vụ"),
    "task.group_sync": pgettext_lazy("history", "Cập nhật theo thành viên nhóm"),
    "assignment.create": pgettext_lazy("history", "Giao nhiệm vụ"),
    "assignment.update": pgettext_lazy("history", "Đổi quan hệ phân công"),
    "assignment.delete": pgettext_lazy("history", "Bỏ phân công"),
    "assignment.detach": pgettext_lazy("history", "Giữ phân công trực tiếp"),
    "assignment.progress": pgettext_lazy("history", "Cập nhật tiến độ"),
    "report.submit": pgettext_lazy("history", "Gửi báo cáo"),
    "report.resubmit": pgettext_lazy("history", "Gửi lại báo cáo đã sửa"),
    "report.accept": pgettext_lazy("history", "Chấp nhận báo cáo"),
    "report.return": pgettext_lazy("history", "Trả lại báo cáo"),
    "report.head_approve": pgettext_lazy("history", "Lãnh đạo cơ quan duyệt, gửi Sở Nội vụ"),
    "report.head_return": pgettext_lazy("history", "Lãnh đạo cơ quan trả lại báo cáo"),
    "task.schedule": pgettext_lazy("history", "Đặt lịch báo cáo theo kỳ"),
}

FIELD_LABELS = {
    "unit_codes": _("chỉ số liên quan"),
    "lead_agencies": _("cơ quan chủ trì"),
    "coordinating": _("cơ quan phối hợp"),
    "files": _("tệp minh chứng"),
    "joined": _("thêm vào nhóm"),
    "left": _("rời nhóm"),
    "agency": _("cơ quan"),
    "via_group": _("qua nhóm"),
    "leads": _("chủ trì"),
    "objective": _("mục tiêu"),
    "section": _("mục"),
    "copied_from": _("chép từ kế hoạch"),
    "period": _("kỳ báo cáo"),
}


@dataclass(frozen=True)
class HistoryRow:
    line: HistoryLine
    label: str
    changes: list[tuple[str, Any, Any]]


def _field_label(model: type[models.Model] | None, name: str) -> str:
    if name in FIELD_LABELS:
        return str(FIELD_LABELS[name])
    if model is not None:
        try:
            return str(model._meta.get_field(name).verbose_name)
        except Exception:  # noqa: BLE001 — a field since removed keeps its raw name
            return name
    return name


def _choice_label(model: type[models.Model] | None, name: str, value: Any) -> Any:
    """A stored choice ("done") as its label ("Đã kiểm tra"); other values unchanged."""
    if model is None or not isinstance(value, str):
        return value
    try:
        choices = dict(model._meta.get_field(name).flatchoices)  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001 — a field since removed keeps its raw value
        return value
    return str(choices.get(value, value))


def history_rows(
    entries: Iterable[AuditEntry], action_labels: Mapping[str, Any] | None = None
) -> list[HistoryRow]:
    """`action_labels`: another app's wording of its own actions (activities)."""
    labels = {**ACTION_LABELS, **(action_labels or {})}
    rows = []
    for line in history_lines(entries):
        model = line.entry.content_type.model_class()
        label = str(labels.get(line.entry.action, line.entry.action))
        changes = [
            (_field_label(model, n), _choice_label(model, n, old), _choice_label(model, n, new))
            for n, old, new in line.changes
        ]
        rows.append(HistoryRow(line, label, changes))
    return rows


def entries_for(objects: Iterable[models.Model]) -> Any:
    """Entries about any of `objects` (a task, its assignments and reports), newest first."""
    ids: dict[type[models.Model], list[str]] = {}
    for obj in objects:
        ids.setdefault(type(obj), []).append(str(obj.pk))
    if not ids:
        return AuditEntry.objects.none()
    query = models.Q()
    for model, pks in ids.items():
        query |= models.Q(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)
    return AuditEntry.objects.filter(query).select_related("actor", "content_type")
