"""The analysis report's peer section: the province beside its neighbours and its region, and
whom to learn from on each weak unit (from results only, like the rest of the report)."""

from __future__ import annotations

from chiso.documents.decree30 import OfficialDocument
from chiso.documents.phrases import num, signed
from chiso.index.peer_compare import learn_from_spans, side_by_side
from chiso.index.peers import NEIGHBOURS, REGION, peer_set
from chiso.index.report import ProvinceProfile
from chiso.index.results import Results

LEARN_UNITS = 3  # the weakest units given a "learn from" list


def peers_section(
    doc: OfficialDocument, results: Results, profile: ProvinceProfile, number: str
) -> None:
    doc.heading(f"{number}. SO SÁNH VỚI CÁC TỈNH VÀ KINH NGHIỆM CÓ THỂ HỌC HỎI")
    for kind in (NEIGHBOURS, REGION):
        _side_by_side(doc, results, profile, kind)
    weak = profile.weaknesses[:LEARN_UNITS]
    if not weak:
        return
    doc.para(
        "Với các chỉ số còn yếu, các tỉnh, thành phố dưới đây đã tăng điểm nhiều nhất trong "
        "những năm gần đây. Mức tăng này đi cùng với nhiều yếu tố (cách làm của địa phương, "
        "hoàn cảnh, sai số khảo sát), nên danh sách là gợi ý nơi nên tìm hiểu kinh nghiệm, "
        "không khẳng định nguyên nhân."
    )
    for r in weak:
        rows = []
        for item in learn_from_spans(results, r.unit, profile.year, profile.province):
            period = f"{item.start_year}–{item.year}"
            if item.unavailable is not None:
                rows.append([period, item.unavailable.vi, "", ""])
                continue
            names = "; ".join(f"{g.province.name} ({signed(g.gain)})" for g in item.gainers)
            own = signed(item.own.gain) if item.own else "—"
            rows.append([period, names, own, signed(item.national_change)])
        doc.caption(f"{r.unit}. {r.name.vi} (hạng {r.rank}/{r.of}):")
        doc.table(
            ["Giai đoạn", "Tăng nhiều nhất", "Của tỉnh", "Cả nước"],
            rows,
            (24, 100, 20, 20),
            numeric=(2, 3),
            size=11,
        )


def _side_by_side(
    doc: OfficialDocument, results: Results, profile: ProvinceProfile, kind: str
) -> None:
    peers = peer_set(results, profile.province, profile.year, kind)
    if not peers.members:
        return
    table = side_by_side(results, peers, profile.year)
    header = ["Tỉnh, thành phố", "Tổng hợp", *table.units[1:]]
    rows = [[row.province.name, *(num(c.score) for c in row.cells)] for row in table.rows]
    rows.append(["Trung bình cả nước", *(num(v) for v in table.national_mean)])
    doc.caption(f"{peers.label.vi} — điểm năm {profile.year}:")
    widths = (40, 18, *([13] * (len(header) - 2)))
    doc.table(header, rows, widths, numeric=tuple(range(1, len(header))), size=10)
