"""The peers page as an XLSX workbook: the side-by-side table and the "learn from" lists of every
weak unit over 1, 2 and 3 years."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from chiso.index import Results
from chiso.index.peer_compare import learn_from_spans
from chiso.public.peers import PeersPage
from chiso.spreadsheets.xlsx import Column, Kind, Sheet, workbook_to_xlsx


def _side_by_side(page: PeersPage, lang: str) -> Sheet:
    table = page.table
    units = table.units if table else ()
    columns = [Column(_("Tỉnh, thành phố"), 24)]
    for code in units:
        columns += [Column(f"{code} — " + _("điểm"), 12, Kind.DECIMAL)]
        columns += [Column(f"{code} — " + _("hạng"), 10, Kind.INT)]
    rows: list[list[Any]] = []
    if table:
        for row in table.rows:
            line: list[Any] = [row.province.display()]
            for cell in row.cells:
                line += [cell.score, cell.rank]
            rows.append(line)
        rows.append([_("Trung bình nhóm so sánh"), *_with_gaps(table.peer_mean)])
        rows.append([_("Trung bình cả nước"), *_with_gaps(table.national_mean)])
    notes = [
        _("%(province)s — năm %(year)s — so với: %(peers)s")
        % {"province": page.name, "year": page.query.year, "peers": page.kind_label},
    ]
    if page.error:
        notes.append(page.error)
    return Sheet(_("So sánh"), columns, rows, notes)


def _with_gaps(values: tuple[float | None, ...]) -> list[float | None]:
    out: list[float | None] = []
    for v in values:
        out += [v, None]
    return out


def _learn_from(results: Results, page: PeersPage, lang: str) -> Sheet:
    columns = [
        Column(_("Mã"), 8),
        Column(_("Chỉ số yếu"), 40, wrap=True),
        Column(_("Giai đoạn"), 12),
        Column(_("Tỉnh, thành phố"), 22),
        Column(_("Điểm đầu kỳ"), 12, Kind.DECIMAL),
        Column(_("Điểm cuối kỳ"), 12, Kind.DECIMAL),
        Column(_("Tăng"), 10, Kind.DECIMAL),
        Column(_("Hạng đầu kỳ"), 10, Kind.INT),
        Column(_("Hạng cuối kỳ"), 10, Kind.INT),
    ]
    rows: list[list[Any]] = []
    for weak in page.weak:
        for item in learn_from_spans(results, weak.code, page.query.year, page.query.province):
            period = f"{item.start_year}–{item.year}"
            if item.unavailable:
                rows.append([weak.code, weak.label, period, item.unavailable.get(lang)])
                rows[-1] += [None] * (len(columns) - 4)
                continue
            for g in item.gainers:
                rows.append(
                    [weak.code, weak.label, period, g.province.display(), g.start, g.end]
                    + [g.gain, g.rank_start, g.rank_end]
                )
    notes = [
        _(
            "Các tỉnh, thành phố tăng điểm nhiều nhất ở từng chỉ số yếu của %(province)s trong "
            "1, 2 và 3 năm đến %(year)s. Tăng điểm đi cùng với nhiều yếu tố; danh sách gợi ý nơi "
            "nên tìm hiểu cách làm, không khẳng định nguyên nhân."
        )
        % {"province": page.name, "year": page.query.year}
    ]
    return Sheet(_("Học hỏi"), columns, rows, notes)


def peers_workbook(results: Results, page: PeersPage, lang: str) -> bytes:
    return workbook_to_xlsx([_side_by_side(page, lang), _learn_from(results, page, lang)])
