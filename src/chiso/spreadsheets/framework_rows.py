"""Checking each row of a task-framework workbook against the plan: agencies and groups of the
province, unit codes (of the plan's index, or INDEX:code of another), sections, dates,
duplicates. The result is a list of typed drafts and a list of row errors; nothing is written
here."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyGroup
from chiso.accounts.names import agency_key
from chiso.index.framework import Framework
from chiso.plans.models import Plan, Task
from chiso.plans.units import UnitRef, load_framework_or_none, parse_ref
from chiso.spreadsheets.framework_columns import RECURRING_TEXT, split_list
from chiso.spreadsheets.framework_reader import RawRow, RawSheet, RowError

_DATE_TEXT = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_UNIT_SEPARATORS = re.compile(r"[;,\s]+")
# "II.1. Tăng cường …", "II.1 - Tăng cường …" or just "II.1".
_SECTION_TEXT = re.compile(r"^(\S+?)\.?(?:\s+[-–:.]?\s*(.*))?$", re.S)
# Deadlines further from the plan year than this are almost surely typing mistakes.
YEARS_BEFORE_PLAN, YEARS_AFTER_PLAN = 1, 5


@dataclass(frozen=True)
class AgencyRef:
    name: str
    agency_id: int | None = None
    group_id: int | None = None

    @property
    def is_group(self) -> bool:
        return self.group_id is not None


@dataclass(frozen=True)
class TaskDraft:
    row: int
    code: str
    section_code: str
    section_title: str  # from the cell; used only when the plan lacks the section
    title: str
    unit_codes: tuple[str, ...]
    lead: tuple[AgencyRef, ...]
    coordinate: tuple[AgencyRef, ...]
    deadline: dt.date | None
    recurring: bool
    output: str


@dataclass
class CheckedSheet:
    drafts: list[TaskDraft] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    new_sections: dict[str, str] = field(default_factory=dict)  # code → title, in file order


class Directory:
    """The province's agencies and groups by matching key, with suggestions for near misses."""

    def __init__(self, province_id: int) -> None:
        self.refs: dict[str, AgencyRef] = {}
        for group in AgencyGroup.objects.filter(province_id=province_id):
            self.refs[group.name_key] = AgencyRef(group.name, group_id=group.pk)
        for agency in Agency.objects.filter(province_id=province_id, active=True):
            self.refs.setdefault(agency.name_key, AgencyRef(agency.name, agency_id=agency.pk))

    def find(self, name: str) -> AgencyRef | None:
        return self.refs.get(agency_key(name))

    def suggestions(self, name: str, limit: int = 3) -> list[str]:
        key = agency_key(name)
        close = difflib.get_close_matches(key, list(self.refs), n=limit, cutoff=0.6)
        containing = [k for k in self.refs if key and key in k and k not in close]
        return [self.refs[k].name for k in [*close, *containing][:limit]]


class RowChecker:
    def __init__(self, plan: Plan, sheet: RawSheet) -> None:
        self.plan, self.sheet = plan, sheet
        self.directory = Directory(plan.province_id)
        self.frameworks: dict[str, Framework | None] = {}  # by index, loaded when first met
        self.sections = {s.code: s.title for s in plan.sections.all()}
        self.existing = {
            (code or "", agency_key(title))
            for code, title in Task.objects.filter(plan=plan).values_list("section__code", "title")
        }
        self.seen: dict[tuple[str, str], int] = {}
        self.result = CheckedSheet()

    def error(self, row: RawRow | None, key: str, message: str) -> None:
        column = self.sheet.headers.get(key, "") if key else ""
        number = row.number if row is not None else None
        self.result.errors.append(RowError(self.sheet.file, number, column, message))

    # --- one check per column ----------------------------------------------------------

    def section(self, row: RawRow) -> tuple[str, str] | None:
        text = row.text("section")
        if not text:
            self.error(row, "section", _("Thiếu mục (ví dụ “II.1”)."))
            return None
        match = _SECTION_TEXT.match(text)
        code, title = (match.group(1), (match.group(2) or "").strip()) if match else (text, "")
        if code in self.sections:
            return code, self.sections[code]
        if code in self.result.new_sections:
            return code, self.result.new_sections[code]
        if not title:
            self.error(
                row,
                "section",
                _("Kế hoạch chưa có mục “%(code)s”; hãy ghi cả tên mục, ví dụ “%(code)s. Tên mục”.")
                % {"code": code},
            )
            return None
        self.result.new_sections[code] = title
        return code, title

    def agencies(self, row: RawRow, key: str, required: bool) -> tuple[AgencyRef, ...] | None:
        names = split_list(row.text(key))
        if not names and required:
            self.error(row, key, _("Thiếu cơ quan chủ trì."))
            return None
        refs, ok = [], True
        for name in names:
            ref = self.directory.find(name)
            if ref is None:
                ok = False
                hint = self.directory.suggestions(name)
                message = _("Không có cơ quan hoặc nhóm “%(name)s” trong tỉnh.") % {"name": name}
                if hint:
                    message += " " + _("Có phải: %(names)s?") % {
                        "names": "; ".join(f"“{h}”" for h in hint)
                    }
                self.error(row, key, message)
            elif ref not in refs:
                refs.append(ref)
        return tuple(refs) if ok else None

    def units(self, row: RawRow) -> tuple[str, ...] | None:
        """The units cell: bare codes of the plan's index ("2.4; 5") and INDEX:code for others
        ("PCI:time_costs", as the task export writes them), each checked against its own
        index's framework for the plan's year."""
        codes = [c.strip().rstrip(".") for c in _UNIT_SEPARATORS.split(row.text("units"))]
        codes = list(dict.fromkeys(c for c in codes if c))
        bad = [c for c in codes if not self._unit_ok(parse_ref(c, self.plan.index))]
        if bad:
            self.error(
                row,
                "units",
                _(
                    "Mã chỉ số không có trong %(index)s năm %(year)s: %(codes)s "
                    "(ghi mã như “2.4; 5”)."
                )
                % {"index": self.plan.index, "year": self.plan.year, "codes": ", ".join(bad)},
            )
            return None
        return tuple(codes)

    def _unit_ok(self, ref: UnitRef) -> bool:
        if ref.index not in self.frameworks:
            self.frameworks[ref.index] = load_framework_or_none(ref.index)
        framework = self.frameworks[ref.index]
        return (
            framework is not None
            and framework.has_unit(ref.code)
            and ref.code != framework.root.code
            and framework.unit(ref.code).exists_in(self.plan.year)
        )

    def deadline(self, row: RawRow) -> tuple[dt.date | None, bool] | None:
        value = row.cells.get("deadline")
        date: dt.date | None
        if isinstance(value, dt.date):
            date = value
        else:
            text = row.text("deadline")
            if agency_key(text) == agency_key(RECURRING_TEXT):
                return None, True
            match = _DATE_TEXT.match(text)
            try:
                date = dt.date(*(int(match.group(i)) for i in (3, 2, 1))) if match else None
            except ValueError:
                date = None
            if date is None:
                self.error(
                    row,
                    "deadline",
                    _(
                        "Thời hạn “%(text)s” không hợp lệ: ghi ngày dạng dd/mm/yyyy "
                        "(ví dụ 30/06/2023) hoặc “%(recurring)s”."
                    )
                    % {"text": text, "recurring": RECURRING_TEXT},
                )
                return None
        low, high = self.plan.year - YEARS_BEFORE_PLAN, self.plan.year + YEARS_AFTER_PLAN
        if not low <= date.year <= high:
            self.error(
                row,
                "deadline",
                _("Thời hạn %(date)s nằm ngoài khoảng %(low)s–%(high)s của kế hoạch năm %(year)s.")
                % {
                    "date": date.strftime("%d/%m/%Y"),
                    "low": low,
                    "high": high,
                    "year": self.plan.year,
                },
            )
            return None
        return date, False

    def duplicate(self, row: RawRow, section_code: str, title: str) -> bool:
        key = (section_code, agency_key(title))
        if key in self.existing:
            self.error(
                row,
                "title",
                _("Mục %(section)s của kế hoạch đã có nhiệm vụ này (nhập lại tệp cũ?).")
                % {"section": section_code},
            )
            return True
        first = self.seen.setdefault(key, row.number)
        if first != row.number:
            self.error(
                row,
                "title",
                _("Trùng với nhiệm vụ ở dòng %(row)s (cùng mục, cùng tên).") % {"row": first},
            )
            return True
        return False

    # --- a whole row -------------------------------------------------------------------

    def check(self, row: RawRow) -> None:
        title = " ".join(row.text("title").split())
        if not title:
            self.error(row, "title", _("Thiếu tên nhiệm vụ."))
        section = self.section(row)
        units = self.units(row)
        lead = self.agencies(row, "lead", required=True)
        coordinate = self.agencies(row, "coordinate", required=False)
        deadline = self.deadline(row)
        if not title or section is None or self.duplicate(row, section[0], title):
            return
        if units is None or lead is None or coordinate is None or deadline is None:
            return
        self.result.drafts.append(
            TaskDraft(
                row=row.number,
                code=row.text("code"),
                section_code=section[0],
                section_title=section[1],
                title=title,
                unit_codes=units,
                lead=lead,
                coordinate=tuple(r for r in coordinate if r not in lead),
                deadline=deadline[0],
                recurring=deadline[1],
                output=row.text("output"),
            )
        )


def check_rows(plan: Plan, sheet: RawSheet) -> CheckedSheet:
    checker = RowChecker(plan, sheet)
    if not sheet.rows:
        checker.error(
            None,
            "",
            _("Trang “%(sheet)s” không có nhiệm vụ nào dưới dòng tiêu đề.")
            % {"sheet": sheet.sheet},
        )
    for row in sheet.rows:
        checker.check(row)
    return checker.result
