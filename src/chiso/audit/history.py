"""The audit log worded for people, for every app: action codes and field names become labels,
stored choices their labels. Each app words its own actions in its `history.py`
(`register_actions`, `register_fields`), found at start-up like Django's admin modules; a test
holds every action code written anywhere to a registered label. Pages show the rows with the
one template `audit/history.html`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from chiso.audit.models import AuditEntry
from chiso.audit.services import history_for

Label = str | Promise

_ACTIONS: dict[str, Label] = {}
_FIELDS: dict[str, Label] = {}


def _register(into: dict[str, Label], labels: Mapping[str, Label], what: str) -> None:
    for code, label in labels.items():
        if code in into and str(into[code]) != str(label):
            raise ImproperlyConfigured(f"{what} {code!r} is already labelled {into[code]!r}")
        into[code] = label


def register_actions(labels: Mapping[str, Label]) -> None:
    """An app's wording of the action codes it records (`chiso.audit.services.record`)."""
    _register(_ACTIONS, labels, "audit action")


def register_fields(labels: Mapping[str, Label]) -> None:
    """Labels of change keys that are no model field (a model field's verbose name is used)."""
    _register(_FIELDS, labels, "audit field")


# Actions recorded under the plain verb (documents, places): the object names what was made.
register_actions(
    {
        "create": pgettext_lazy("history", "Tạo"),
        "update": pgettext_lazy("history", "Sửa"),
        "delete": pgettext_lazy("history", "Xóa"),
    }
)


def registered_actions() -> frozenset[str]:
    return frozenset(_ACTIONS)


def action_label(code: str) -> str:
    return str(_ACTIONS.get(code, code))


@dataclass(frozen=True)
class HistoryRow:
    entry: AuditEntry
    label: str
    changes: list[tuple[str, Any, Any]]


def _field_label(model: type[models.Model] | None, name: str) -> str:
    if name in _FIELDS:
        return str(_FIELDS[name])
    if model is not None:
        try:
            field = model._meta.get_field(name)
            # A reverse relation has no verbose name of its own: its model's stands for it.
            related = field.related_model
            label = getattr(field, "verbose_name", None) or (
                related._meta.verbose_name if related is not None else name
            )
            return str(label)
        except FieldDoesNotExist:  # a field since removed keeps its raw name
            return name
    return name


def _choice_label(model: type[models.Model] | None, name: str, value: Any) -> Any:
    """A stored choice ("done") as its label ("Đã kiểm tra"); other values unchanged."""
    if model is None or not isinstance(value, str):
        return value
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # a field since removed keeps its raw value
        return value
    choices = dict(getattr(field, "flatchoices", None) or ())
    return str(choices.get(value, value))


def history_rows(entries: Iterable[AuditEntry]) -> list[HistoryRow]:
    rows = []
    for entry in entries:
        model = entry.content_type.model_class()
        changes = [
            (_field_label(model, n), _choice_label(model, n, old), _choice_label(model, n, new))
            for n, (old, new) in entry.changes.items()
        ]
        rows.append(HistoryRow(entry, action_label(entry.action), changes))
    return rows


def history_of(obj: models.Model) -> list[HistoryRow]:
    """The rows about one object, newest first."""
    return history_rows(history_for(obj).select_related("content_type"))


def entries_for(objects: Iterable[models.Model]) -> QuerySet[AuditEntry]:
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
