"""Merging two provinces served by one deployment (1/7/2025: Ninh Thuận into Khánh Hòa).

Every row that belongs to the absorbed province — agencies, groups, users, plans, tasks,
assignments, reports, activities, postings, villages, the audit log, … — moves to the new
province unchanged, found generically: every model with a foreign key to Province. The rule
(docs/restructuring.md):

- Names a province keeps unique (an agency's name and code, a group's name, a plan's number,
  a recipient list's name, a catalogue code) that the two provinces share get the absorbed
  province's name ("Sở Nội vụ (Ninh Thuận)", "12/KH-UBND (Ninh Thuận)") or GSO code ("58-…")
  added to the moved row; each rename is audited.
- A few rows are the absorbed province's own books and stay with its (kept, emptied) Province
  row: its document register and counters, its data revision, its reporting settings.
- Rows that collide and cannot be renamed (a survey round of the same index and year) are
  named in the preview, and nothing is saved.

Moving the work of its agencies to the new province's agencies is the other operation
(chiso.restructuring.abolition), run afterwards on the merged province.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Province, User
from chiso.audit.services import raise_revision, record
from chiso.restructuring.access import can_merge
from chiso.restructuring.errors import RestructuringError
from chiso.restructuring.models import Kind, Restructuring

# The absorbed province's own books: kept with its Province row, not moved.
STAYS = frozenset(
    {
        "audit.DataRevision",
        "plans.ReportingSettings",
        "documents.RegisterCounter",
        "documents.RegisterEntry",
        "restructuring.Restructuring",
    }
)
# Unique-per-province fields that are renamed on a collision: model → {checked field: edited
# field}; a name gets " (Ninh Thuận)", a code "58-".
RENAMES: dict[str, dict[str, str]] = {
    "accounts.Agency": {"name_key": "name", "code": "code"},
    "accounts.AgencyGroup": {"name_key": "name"},
    "plans.Plan": {"number": "number"},
    "documents.RecipientList": {"name": "name"},
    "catalogue.CatalogueTask": {"code": "code"},
}
_CODE_FIELDS = frozenset({"code"})


@dataclass(frozen=True)
class MovedRows:
    label: str  # "accounts.Agency"
    name: str  # its verbose name, plural
    count: int


@dataclass(frozen=True)
class Rename:
    label: str
    pk: int
    field: str
    old: str
    new: str


@dataclass
class MergerPreview:
    absorbed: Province
    into: Province
    effective_on: dt.date
    moved: list[MovedRows]
    renames: list[Rename]
    stays: list[MovedRows]
    problems: list[str]

    @property
    def total(self) -> int:
        return sum(m.count for m in self.moved)


def _province_fields() -> Iterator[tuple[type[models.Model], str]]:
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if f.is_relation and f.related_model is Province:
                yield model, f.name


def _unique_sets(model: type[models.Model], field: str) -> Iterator[tuple[str, ...]]:
    """The other fields of each unique constraint that includes the province field."""
    for c in model._meta.constraints:
        fields = getattr(c, "fields", ())
        if isinstance(c, models.UniqueConstraint) and field in fields:
            yield tuple(f for f in fields if f != field)


def _collisions(
    model: type[models.Model], field: str, rest: tuple[str, ...], absorbed: Province, into: Province
) -> list[models.Model]:
    base = model._default_manager
    taken = set(base.filter(**{field: into}).values_list(*rest))
    return [
        obj
        for obj in base.filter(**{field: absorbed}).order_by("pk")
        if tuple(getattr(obj, f) for f in rest) in taken
        and all(getattr(obj, f) not in ("", None) for f in rest)
    ]


def _new_value(obj: models.Model, edited: str, absorbed: Province) -> str:
    old = str(getattr(obj, edited))
    limit = getattr(obj._meta.get_field(edited), "max_length", None) or 255
    if edited in _CODE_FIELDS:
        return f"{absorbed.code}-{old}"[:limit]
    suffix = f" ({absorbed.name})"
    return old[: limit - len(suffix)] + suffix


def _check_model(
    model: type[models.Model], field: str, absorbed: Province, into: Province
) -> tuple[list[Rename], list[str]]:
    label = model._meta.label
    renames, problems = [], []
    for rest in _unique_sets(model, field):
        clashing = _collisions(model, field, rest, absorbed, into)
        edit = RENAMES.get(label, {}).get(rest[0]) if len(rest) == 1 else None
        for obj in clashing:
            if edit is None:
                problems.append(
                    _(
                        "%(what)s “%(obj)s” có ở cả hai tỉnh, không gộp được: "
                        "sửa hoặc xóa một bản trước."
                    )
                    % {"what": model._meta.verbose_name, "obj": obj}
                )
                continue
            old = str(getattr(obj, edit))
            renames.append(Rename(label, obj.pk, edit, old, _new_value(obj, edit, absorbed)))
    return renames, problems


def preview(absorbed: Province, into: Province, effective_on: dt.date) -> MergerPreview:
    found = MergerPreview(absorbed, into, effective_on, [], [], [], [])
    if absorbed.pk == into.pk:
        found.problems.append(_("Chọn hai tỉnh khác nhau."))
        return found
    for merged in (p for p in (absorbed, into) if p.merged_into_id is not None):
        found.problems.append(
            _("%(name)s đã hợp nhất vào %(into)s.")
            % {"name": merged.name, "into": merged.merged_into}
        )
    for model, field in _province_fields():
        label = model._meta.label
        count = model._default_manager.filter(**{field: absorbed}).count()
        rows = MovedRows(label, str(model._meta.verbose_name_plural), count)
        if label in STAYS:
            found.stays.append(rows)
            continue
        if count:
            found.moved.append(rows)
            renames, problems = _check_model(model, field, absorbed, into)
            found.renames += renames
            found.problems += problems
    return found


def _rename(user: User | None, change: Rename) -> None:
    model = apps.get_model(change.label)
    obj = model._default_manager.get(pk=change.pk)
    setattr(obj, change.field, change.new)
    obj.save()  # recomputes name keys
    record(user, obj, "restructuring.rename", {change.field: [change.old, change.new]})


@transaction.atomic
def merge(
    user: User | None, absorbed: Province, into: Province, effective_on: dt.date
) -> Restructuring:
    """Move everything of `absorbed` to `into`; all or nothing. `user` None: the command line."""
    if user is not None and not can_merge(user, absorbed, into):
        raise RestructuringError(_("Chỉ quản trị hệ thống hợp nhất tỉnh."))
    list(Province.objects.select_for_update().filter(pk__in=[absorbed.pk, into.pk]))
    found = preview(absorbed, into, effective_on)
    if found.problems:
        raise RestructuringError(problems=[(None, p) for p in found.problems])
    for change in found.renames:
        _rename(user, change)
    for model, field in _province_fields():
        if model._meta.label not in STAYS:
            model._default_manager.filter(**{field: absorbed}).update(**{field: into})
    done = Restructuring.objects.create(
        province=into,
        absorbed=absorbed,
        kind=Kind.MERGE,
        effective_on=effective_on,
        actor=user,
        summary={
            "moved": {m.label: m.count for m in found.moved},
            "renames": [[r.label, r.old, r.new] for r in found.renames],
        },
    )
    absorbed.merged_into, absorbed.merged_on = into, effective_on
    absorbed.save(update_fields=["merged_into", "merged_on"])
    record(
        user,
        absorbed,
        "province.merged",
        {"merged_into": [None, into.name], "merged_on": [None, effective_on]},
        province=into,
    )
    record(
        user,
        done,
        "restructuring.merge",
        {"moved_rows": [None, found.total], "province": [absorbed.name, into.name]},
        province=into,
    )
    raise_revision(absorbed)
    return done
