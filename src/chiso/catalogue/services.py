"""The province's catalogue: read it (or the national starter), replace it from an XLSX file
(all-or-nothing), and add one of its tasks to a plan in one click. Every change is audited."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from chiso.accounts.models import Agency, Province
from chiso.audit.services import record
from chiso.catalogue.models import CatalogueTask
from chiso.index import load_framework
from chiso.index.catalogue import CatalogueEntry, CatalogueError, check_entry, starter_catalogue
from chiso.plans.errors import PlanError
from chiso.plans.models import Plan, Section, Task
from chiso.plans.services.guards import require_plan_editor
from chiso.plans.services.tasks import create_task
from chiso.plans.units import (
    UnitRef,
    check_refs,
    index_codes,
    index_name,
    index_units,
    parse_ref,
    parse_refs,
)
from chiso.site import clock
from chiso.web.zip_guard import MiB, ZipLimits, ZipRefused, open_package

if TYPE_CHECKING:
    from chiso.accounts.models import User

COLUMNS = ("Mã", "Nhiệm vụ", "Chỉ số", "Cơ quan chủ trì thường giao", "Nguồn", "Trích dẫn")
ZIP_LIMITS = ZipLimits(member_bytes=16 * MiB, total_bytes=32 * MiB, ratio=100)


class CatalogueImportError(ValueError):
    """The file was refused; `errors` name the file, row and field of each problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors))


def check_units(entry: CatalogueEntry, where: str) -> None:
    """The core's `check_entry` on the entry's PAPI units (a bare code), and each other index's
    unit ("PCI:time_costs") against its own framework (chiso.plans.units)."""
    papi = load_framework("PAPI")
    refs = parse_refs(entry.units, "PAPI")
    own = tuple(r.code for r in refs if r.index == "PAPI")
    # An entry on other indices only: the core checks its code and title (the root stands in
    # for its units, which are checked below).
    check_entry(replace(entry, units=own or entry.units and (papi.root.code,)), papi, where)
    try:
        check_refs([r for r in refs if r.index != "PAPI"])
    except PlanError as exc:
        raise CatalogueError(f"{where}: {exc}") from exc


def for_plan(entry: CatalogueEntry, plan: Plan) -> CatalogueEntry:
    """The entry with its units written for `plan` (bare codes of the plan's index): a PCI
    plan's weak "time_costs" finds the entries naming "PCI:time_costs"."""
    tokens = (parse_ref(t, "PAPI").token(plan.index) for t in entry.units)
    return replace(entry, units=tuple(tokens))


def other_index_groups(
    entries: tuple[CatalogueEntry, ...],
) -> list[tuple[str, str, tuple[CatalogueEntry, ...]]]:
    """(anchor, heading, entries) for each unit of the indices besides PAPI that entries name
    ("PCI · Chi phí thời gian"), in framework order."""
    named = [(e, set(parse_refs(e.units, "PAPI"))) for e in entries]
    groups = []
    for index in index_codes():
        if index == "PAPI":
            continue
        for code, label in index_units(index, clock.today().year, "vi"):
            ref = UnitRef(index, code)
            found = tuple(e for e, refs in named if ref in refs)
            if found:
                anchor = f"{index}-{code}".lower()
                groups.append((anchor, f"{index_name(index)} · {label}", found))
    return groups


def entries_for(province: Province) -> tuple[tuple[CatalogueEntry, ...], bool]:
    """The province's catalogue, or the national starter while it has none (second: True)."""
    own = tuple(t.entry() for t in CatalogueTask.objects.filter(province=province))
    if own:
        return own, False
    return starter_catalogue(load_framework("PAPI")), True


def find_entry(province: Province, code: str) -> CatalogueEntry | None:
    entries, _starter = entries_for(province)
    return next((e for e in entries if e.code == code), None)


@dataclass(frozen=True)
class Imported:
    count: int


def _rows(name: str, data: bytes) -> list[tuple[int, list[Any]]]:
    try:
        with open_package(name, io.BytesIO(data), ZIP_LIMITS):
            pass
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ZipRefused as exc:
        raise CatalogueImportError([str(exc)]) from exc
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise CatalogueImportError(
            [_("%(file)s: không đọc được, cần tệp Excel .xlsx.") % {"file": name}]
        ) from None
    ws = wb.worksheets[0]
    rows = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)]
    header = next((i for i, r in rows if r and str(r[0] or "").strip() == COLUMNS[0]), None)
    if header is None:
        raise CatalogueImportError(
            [_("%(file)s: không thấy dòng tiêu đề bắt đầu bằng “Mã”.") % {"file": name}]
        )
    return [(i, r) for i, r in rows if i > header and any(v not in (None, "") for v in r)]


def _cell(row: list[Any], i: int) -> str:
    return "" if i >= len(row) or row[i] is None else str(row[i]).strip()


def read_catalogue(name: str, data: bytes) -> list[CatalogueEntry]:
    """Every row as an entry, or CatalogueImportError listing every bad row."""
    entries, errors, seen = [], [], set()
    for number, row in _rows(name, data):
        entry = CatalogueEntry(
            code=_cell(row, 0),
            title=_cell(row, 1),
            units=tuple(_cell(row, 2).replace(",", " ").replace(";", " ").split()),
            lead=_cell(row, 3),
            source=_cell(row, 4) or "province",
            ref=_cell(row, 5),
        )
        try:
            check_units(entry, _("%(file)s, dòng %(row)s") % {"file": name, "row": number})
            if entry.code in seen:
                raise CatalogueError(
                    _("%(file)s, dòng %(row)s: mã %(code)s bị trùng")
                    % {"file": name, "row": number, "code": entry.code}
                )
        except CatalogueError as exc:
            errors.append(str(exc))
            continue
        seen.add(entry.code)
        entries.append(entry)
    if errors:
        raise CatalogueImportError(errors)
    if not entries:
        raise CatalogueImportError([_("%(file)s: không có dòng nhiệm vụ nào.") % {"file": name}])
    return entries


@transaction.atomic
def replace_catalogue(user: User, province: Province, name: str, data: bytes) -> Imported:
    """Replace the province's catalogue with the file's rows (nothing changes on any error)."""
    require_plan_editor(user)
    entries = read_catalogue(name, data)
    old = CatalogueTask.objects.filter(province=province)
    before = old.count()
    old.delete()
    CatalogueTask.objects.bulk_create(
        CatalogueTask(
            province=province,
            code=e.code,
            title=e.title,
            units=" ".join(e.units),
            lead=e.lead,
            source=e.source,
            ref=e.ref,
            order=i,
        )
        for i, e in enumerate(entries)
    )
    record(
        user,
        province,
        "catalogue.import",
        {"entries": [before, len(entries)], "file": [None, name]},
        province=province,
    )
    return Imported(len(entries))


def usual_leads(province: Province, entry: CatalogueEntry) -> list[Agency]:
    """The catalogue's usual lead when it names one of the province's agencies exactly; else
    the agencies that guide the entry's units in the province's responsibilities map."""
    from chiso.responsibilities.queries import usual_leads as guiding

    if entry.lead:
        named = list(Agency.objects.filter(province=province, name=entry.lead, active=True)[:1])
        if named:
            return named
    return guiding(province, entry.units)


@transaction.atomic
def add_to_plan(user: User, plan: Plan, code: str, section: Section | None = None) -> Task:
    """A new task of `plan` from the catalogue entry `code` (its units, its usual lead)."""
    require_plan_editor(user, plan)
    entry = find_entry(plan.province, code)
    if entry is None:
        raise CatalogueError(_("Không có nhiệm vụ mã %(code)s trong danh mục.") % {"code": code})
    return create_task(
        user,
        plan,
        title=entry.title,
        section=section,
        # No agency of that name nor a map: the plan's issuer leads until the coordinator
        # reassigns it.
        lead_agencies=usual_leads(plan.province, entry) or ([plan.issuer] if plan.issuer else []),
        unit_codes=for_plan(entry, plan).units,
        description=_("Từ danh mục nhiệm vụ (%(code)s).") % {"code": entry.code},
    )


ENTRY_FIELDS = ("title", "units", "lead", "ref")


@transaction.atomic
def update_entry(
    user: User, province: Province, code: str, *, title: str, units: str, lead: str, ref: str
) -> CatalogueTask:
    """Change one entry of the province's catalogue. While the province shows the national
    starter, the starter becomes the province's own catalogue first (noted in the log)."""
    require_plan_editor(user)
    note = ""
    if not CatalogueTask.objects.filter(province=province).exists():
        copy_starter(province)
        note = _("Danh mục mẫu toàn quốc được chép thành danh mục của tỉnh.")
    task = CatalogueTask.objects.select_for_update().filter(province=province, code=code).first()
    if task is None:
        raise CatalogueError(_("Không có nhiệm vụ mã %(code)s trong danh mục.") % {"code": code})
    before = {name: getattr(task, name) for name in ENTRY_FIELDS}
    task.title, task.lead, task.ref = title.strip(), lead.strip(), ref.strip()
    task.units = " ".join(units.replace(",", " ").replace(";", " ").split())
    check_units(task.entry(), _("Mã %(code)s") % {"code": code})
    task.save()
    changes = {k: [v, getattr(task, k)] for k, v in before.items() if v != getattr(task, k)}
    record(user, task, "catalogue.entry.update", changes, province=province, note=note)
    return task


def copy_starter(province: Province) -> None:
    """The national starter catalogue becomes the province's own (before its first change)."""
    CatalogueTask.objects.bulk_create(
        CatalogueTask(
            province=province,
            code=e.code,
            title=e.title,
            units=" ".join(e.units),
            lead=e.lead,
            source=e.source,
            ref=e.ref,
            order=i,
        )
        for i, e in enumerate(starter_catalogue(load_framework("PAPI")))
    )
