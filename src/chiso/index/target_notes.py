"""The words around a target: why each sub-dimension gets its gain, and the honest caveats."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from chiso.index.formatting import fmt_number
from chiso.index.framework import Framework
from chiso.index.results import Results
from chiso.index.target_allocation import Candidate
from chiso.index.target_history import history
from chiso.index.target_threshold import RANK, SCORE, Goal
from chiso.index.text import LocalizedText

if TYPE_CHECKING:
    from chiso.index.target import Projection


def _span(years: tuple[int, ...]) -> str:
    return f"{years[0] - 1}–{years[-1]}" if years else "—"


def allocation_reason(c: Candidate, gain: float, quantile: float) -> LocalizedText:
    pct = f"p{quantile * 100:g}"
    behind = c.best - c.current
    if behind > 0:
        vi = [f"thấp hơn tỉnh cao nhất {fmt_number(behind, 'vi')} điểm"]
        en = [f"{fmt_number(behind, 'en')} points below the best province"]
    else:
        vi, en = ["đang cao nhất cả nước"], ["already the national best"]
    if c.bound <= 0:
        if c.scale_max - c.current <= 0:
            vi.append("đã ở mức tối đa của thang điểm")
            en.append("already at the scale maximum")
        else:
            vi.append(f"lịch sử không cho thấy mức tăng ({pct} ≤ 0)")
            en.append(f"history shows no realistic gain ({pct} ≤ 0)")
    elif c.bound_by_scale:
        vi.append(f"giới hạn bởi điểm tối đa {fmt_number(c.scale_max, 'vi')}")
        en.append(f"bounded by the scale maximum {fmt_number(c.scale_max, 'en')}")
    else:
        vi.append(f"mức tăng thực tế một năm ({pct}) {fmt_number(c.realistic, 'vi')} điểm")
        en.append(f"realistic one-year gain ({pct}) {fmt_number(c.realistic, 'en')} points")
    if c.bound > 0 and gain >= c.bound - 1e-12:
        vi.append("đã dùng hết giới hạn")
        en.append("bound reached")
    return LocalizedText("; ".join(vi), "; ".join(en))


def assumptions(
    results: Results,
    code: str,
    year: int,
    base: int,
    goal: Goal,
    projection: Projection | None,
    quantile: float,
) -> tuple[LocalizedText, ...]:
    fw = results.framework
    notes: list[LocalizedText] = []
    values = results.values(code)[results.years.index(base)]
    n = int((~np.isnan(values)).sum())
    if goal.kind == SCORE:
        notes.append(
            LocalizedText(
                "Mục tiêu điểm số không phụ thuộc các tỉnh khác; khả năng đạt dựa trên mức thay "
                "đổi đã quan sát của các tỉnh có điểm xuất phát gần mức của tỉnh.",
                "A score goal does not depend on other provinces; its chance rests on the changes "
                "observed in provinces that started near the province's level.",
            )
        )
    else:
        notes.append(_static_note(fw.tier_rule(year).inclusive, goal, year, base, n))
    if projection is not None:
        notes.append(_projection_note(projection))
    notes.append(
        LocalizedText(
            f"Mỗi nội dung thành phần được giả định tăng tối đa bằng mức thay đổi một năm ở "
            f"bách phân vị {quantile * 100:g} trong các mức đã quan sát ở mọi tỉnh đến năm {base} "
            "(không vượt điểm tối đa của thang); phần tăng cần có được phân bổ ưu tiên cho các "
            "nội dung mà tỉnh còn cách xa tỉnh cao nhất.",
            f"Each sub-dimension is assumed to gain at most the {quantile * 100:g}th percentile "
            f"of the one-year changes observed across all provinces up to {base} (never above the "
            "scale's maximum); the gain needed goes first to the units where the province is "
            "furthest below the best.",
        )
    )
    notes.extend(_break_notes(results, code, year, base))
    index = fw.code.replace("_", " ")  # the index the scores are of (PCI's rest on a survey too)
    notes.append(
        LocalizedText(
            f"Điểm {index} là ước lượng từ khảo sát chọn mẫu, có sai số; dữ liệu này không có "
            "khoảng tin cậy, nên mức chênh nhỏ (vài phần trăm điểm) có thể không có ý nghĩa thống "
            "kê.",
            f"{index} scores are sample-survey estimates with sampling error; this data set "
            "carries no confidence intervals, so small margins (a few hundredths) may not be "
            "significant.",
        )
    )
    return tuple(notes)


def _static_note(inclusive: bool, goal: Goal, year: int, base: int, n: int) -> LocalizedText:
    vi = (
        f"Điểm cần đạt tính với điểm năm {base} của {n - 1} tỉnh/thành phố khác (giả định giữ "
        f"nguyên) và cùng {n} tỉnh được xếp hạng năm {year}; điểm của chính tỉnh cũng làm dịch "
        "các ngưỡng nhóm."
    )
    en = (
        f"The required score uses the {base} scores of the {n - 1} other provinces (assumed "
        f"unchanged) and the same {n} ranked provinces in {year}; the province's own score "
        "also moves the tier cut-offs."
    )
    if goal.kind == RANK:
        vi += " Cùng điểm thì cùng hạng (hạng tốt hơn)."
        en += " Ties share the better rank."
    elif inclusive:
        vi += f" Năm {year} áp dụng quy tắc bằng ngưỡng là đạt (≥)."
        en += f" {year} applies the inclusive rule (a score on the cut-off qualifies, ≥)."
    else:
        vi += f" Năm {year} áp dụng quy tắc phải cao hơn ngưỡng (>), như báo cáo PAPI 2023."
        en += f" {year} applies the strict rule (a score must exceed the cut-off, >), as in 2023."
    return LocalizedText(vi, en)


def _projection_note(p: Projection) -> LocalizedText:
    years = _span(p.history_years)
    at = {lang: fmt_number(p.at_score, lang) for lang in ("vi", "en")}
    odds = {lang: fmt_number(p.probability * 100, lang, 0) for lang in ("vi", "en")}
    sure = {lang: fmt_number(p.confidence * 100, lang, 0) for lang in ("vi", "en")}
    need = {lang: fmt_number(p.required_score, lang) for lang in ("vi", "en")}
    return LocalizedText(
        f"Dự báo: mỗi lần mô phỏng lấy ngẫu nhiên mức thay đổi chung của cả nước của một năm "
        f"trong giai đoạn {years}, cộng độ lệch riêng của từng tỉnh rút ngẫu nhiên từ lịch sử "
        f"({p.draws} lần, seed {p.seed}). Giả định năm tới giống các năm đã qua và các tỉnh "
        f"thay đổi độc lập. Với {at['vi']} điểm, xác suất đạt "
        f"{odds['vi']}%; để chắc {sure['vi']}% cần "
        f"{need['vi']} điểm.",
        f"Projection: each draw takes one year's national shift from {years} plus a per-province "
        f"deviation resampled from history ({p.draws} draws, seed {p.seed}); it assumes next "
        f"year resembles past years and provinces move independently. At "
        f"{at['en']} points the goal is reached in "
        f"{odds['en']}% of draws; {sure['en']}% "
        f"confidence needs {need['en']} points.",
    )


def _break_notes(results: Results, code: str, year: int, base: int) -> list[LocalizedText]:
    fw = results.framework
    left_out: list[str] = []
    since: dict[int, list[str]] = {}  # first year of the comparable regime → units
    for unit in (code, *(u.code for u in fw.units if _under(fw, u.code, code))):
        if not fw.unit(unit).exists_in(year):
            continue
        if fw.breaks_for(unit, base, year) or not fw.unit(unit).exists_in(base):
            left_out.append(unit)
            continue
        hist = history(results, unit, base)
        if hist.skipped and hist.years:
            since.setdefault(hist.years[0] - 1, []).append(unit)
    crossed = [f"{', '.join(units)} ({first})" for first, units in sorted(since.items())]
    notes: list[LocalizedText] = []
    if left_out:
        listed = ", ".join(left_out)
        notes.append(
            LocalizedText(
                f"Không so sánh được giữa {base} và {year}, không phân bổ: {listed}.",
                f"Not comparable between {base} and {year}, left out of the split: {listed}.",
            )
        )
    if crossed:
        listed = "; ".join(crossed)
        notes.append(
            LocalizedText(
                "Chuỗi số liệu có thay đổi cấu trúc hoặc thang điểm: chỉ dùng các năm cùng cấu "
                f"trúc với năm {base}, từ năm ghi trong ngoặc: {listed}.",
                "Series with a structural or scale break: only years comparable with "
                f"{base} are used, from the year in brackets: {listed}.",
            )
        )
    return notes


def _under(fw: Framework, unit: str, ancestor: str) -> bool:
    parent = fw.unit(unit).parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = fw.unit(parent).parent
    return False
