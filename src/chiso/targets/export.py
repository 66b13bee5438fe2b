"""The target page as an XLSX workbook: the split, each dimension's need, and the caveats."""

from __future__ import annotations

from django.utils.text import slugify
from django.utils.translation import gettext as _

from chiso.spreadsheets.xlsx import Column, Kind, Sheet, workbook_to_xlsx
from chiso.targets.numbers import fixed, signed
from chiso.targets.service import TargetPage


def _relation(strict: bool) -> str:
    return ">" if strict else "≥"


def summary_lines(page: TargetPage) -> list[str]:
    """The lines above the split table: who, what, from where, how sure."""
    r, plan, base = page.result, page.plan, page.baseline
    lines = [
        _("%(index)s %(year)s — %(province)s — mục tiêu: %(goal)s")
        % {"index": r.index, "year": r.year, "province": r.province.name, "goal": page.goal_text},
        _("Điểm năm %(year)s: %(score)s (hạng %(rank)s/%(of)s, nhóm %(tier)s)")
        % {
            "year": base.year,
            "score": fixed(base.score),
            "rank": base.rank,
            "of": base.of,
            "tier": base.tier_label,
        },
        _("Điểm cần đạt: %(rel)s %(required)s; cần tăng %(gain)s điểm")
        % {
            "rel": _relation(plan.required.strict),
            "required": fixed(plan.required.score),
            "gain": signed(plan.needed_gain),
        },
    ]
    if r.projection is not None:
        p = r.projection
        lines.append(
            _("Dự báo: %(draws)s lần, seed %(seed)s; xác suất đạt %(pct)s%%")
            % {"draws": p.draws, "seed": p.seed, "pct": fixed(page.probability_pct, 0)}
        )
    if page.odds_sentence:
        lines.append(page.odds_sentence)
    return lines


def allocation_workbook(page: TargetPage) -> bytes:
    split = Sheet(
        title=_("Phân bổ"),
        notes=summary_lines(page),
        columns=[
            Column(_("Mã"), 8),
            Column(_("Nội dung thành phần"), 44, wrap=True),
            Column(_("Hiện tại"), 11, Kind.DECIMAL),
            Column(_("Đề xuất"), 11, Kind.DECIMAL),
            Column(_("Tăng"), 11, Kind.DECIMAL),
            Column(_("Giới hạn"), 11, Kind.DECIMAL),
            Column(_("Cao nhất cả nước"), 12, Kind.DECIMAL),
            Column(_("Lý do"), 60, wrap=True),
        ],
        rows=[
            (
                s.row.unit,
                s.name,
                s.row.current,
                s.row.proposed,
                s.row.gain,
                s.row.bound,
                s.row.best,
                s.reason,
            )
            for s in page.split
        ],
    )
    dimensions = Sheet(
        title=_("Chỉ số nội dung"),
        columns=[
            Column(_("Mã"), 8),
            Column(_("Chỉ số nội dung"), 44, wrap=True),
            Column(_("Mục tiêu"), 24),
            Column(_("Hiện tại"), 11, Kind.DECIMAL),
            Column(_("Cần đạt"), 11, Kind.DECIMAL),
            Column(_("Cần tăng"), 11, Kind.DECIMAL),
            Column(_("Tăng tối đa một năm"), 14, Kind.DECIMAL),
            Column(_("Khả thi trong một năm"), 14),
        ],
        rows=[
            (
                d.plan.unit,
                d.name,
                d.goal_text,
                d.plan.current,
                d.plan.required.score,
                d.plan.needed_gain,
                d.plan.max_gain,
                _("có") if d.plan.reachable else _("không"),
            )
            for d in page.dimensions
        ],
    )
    caveats = Sheet(
        title=_("Giả định và lưu ý"),
        columns=[Column(_("Giả định và lưu ý"), 120, wrap=True)],
        rows=[(text,) for text in page.caveats],
    )
    return workbook_to_xlsx([split, dimensions, caveats])


def workbook_filename(page: TargetPage) -> str:
    r = page.result
    return f"lo-trinh-{r.index.lower()}-{r.year}-{slugify(r.province.name_en)}.xlsx"
