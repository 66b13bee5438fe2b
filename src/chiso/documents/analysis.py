"""Báo cáo phân tích kết quả Chỉ số PAPI năm YYYY of one province — from results only, so it
works from a data folder without any database.

Figures come from the core (`Results.profile`, `series`, highlights) and what it takes for the
next year's goal from `chiso.index.target.what_it_takes`.
"""

from __future__ import annotations

from dataclasses import dataclass

from chiso.documents import charts
from chiso.documents.analysis_peers import peers_section
from chiso.documents.analysis_review import review_section
from chiso.documents.decree30 import OfficialDocument
from chiso.documents.letterhead import Letterhead, Progress, no_progress
from chiso.documents.phrases import (
    aggregate_sentence,
    num,
    printable,
    province_label,
    rank_text,
    signed,
    versus_mean,
)
from chiso.index.report import ProvinceProfile, UnitResult
from chiso.index.results import Results
from chiso.index.review import PlanWork
from chiso.index.target import Goal, TargetError, TargetResult, what_it_takes

HISTORY_YEARS = 6
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


@dataclass(frozen=True)
class AnalysisRequest:
    province: str
    year: int
    goal: Goal | None = None  # next year's goal; default: the best tier
    plans: tuple[PlanWork, ...] = ()  # the province's plans, for "did the plan work?"


def build_analysis(
    results: Results,
    request: AnalysisRequest,
    letterhead: Letterhead,
    progress: Progress = no_progress,
) -> bytes:
    """The analysis report as DOCX bytes (raises UnknownProvince/UnknownYear from the core)."""
    profile = results.profile(request.province, request.year)
    if profile.aggregate is None:
        raise ValueError(
            f"{profile.province.name} không có điểm tổng hợp năm {request.year} "
            "(no aggregate score that year)"
        )
    label = province_label(profile.province.name, profile.province.kind)
    summary = f"Phân tích kết quả Chỉ số {results.index} năm {request.year} của {label}"
    doc = OfficialDocument(letterhead.head("BC", "BÁO CÁO", summary))
    doc.header()
    doc.para(
        f"Căn cứ kết quả {results.framework.name.vi} năm {request.year} "
        f"đã được công bố, báo cáo phân tích kết quả của {label} như sau:"
    )
    progress(20, "Kết quả chung")
    _overall(doc, results, profile, label)
    progress(40, "Các chỉ số nội dung")
    _dimensions(doc, profile)
    _subdimensions(doc, profile)
    progress(60, "Điểm mạnh, điểm yếu")
    _highlights(doc, profile)
    _declines(doc, profile)
    progress(75, "Yêu cầu để đạt mục tiêu")
    goal = request.goal or Goal("tier", tier=results.framework.tiers[0].code)
    _what_it_takes(doc, results, profile, goal)
    progress(80, "So sánh với các tỉnh")
    peers_section(doc, results, profile, "VII")
    review_section(doc, results, request.plans, request.year, "VIII")
    doc.para(
        f"Trên đây là báo cáo phân tích kết quả Chỉ số {results.index} năm {request.year} "
        f"của {label}./."
    )
    doc.closing()
    progress(85, "Lưu tệp")
    return doc.to_bytes()


def _overall(doc: OfficialDocument, results: Results, profile: ProvinceProfile, label: str) -> None:
    agg = profile.aggregate
    assert agg is not None
    doc.heading(f"I. KẾT QUẢ CHUNG CHỈ SỐ {results.index} NĂM {profile.year}")
    doc.para(aggregate_sentence(agg, label))
    series = results.series(profile.province)
    points = [p for p in series.points if p.year <= profile.year][-HISTORY_YEARS:]
    doc.caption(f"Kết quả của {label} qua các năm gần đây:")
    rows = [
        [
            str(p.year),
            num(p.score),
            "—" if p.rank is None else f"{p.rank}/{p.of}",
            _tier_label(results, p.tier),
        ]
        for p in points
    ]
    doc.table(["Năm", "Điểm tổng hợp", "Thứ hạng", "Nhóm"], rows, (25, 45, 45, 50), numeric=(1, 2))
    all_points = [charts.Point(p.year, p.score) for p in series.points if p.year <= profile.year]
    breaks = sorted({b.year for b in series.breaks if b.year <= profile.year})
    png = charts.trend(
        all_points, f"Điểm tổng hợp {results.index} — {profile.province.name}", breaks
    )
    doc.picture(
        png,
        160,
        f"Biểu đồ 1. Điểm tổng hợp {results.index} của {label} qua các năm"
        + (" (đường đứt: năm thay đổi thang điểm, không so sánh trực tiếp)" if breaks else ""),
    )


def _tier_label(results: Results, code: str | None) -> str:
    return "—" if code is None else results.framework.tier(code).label.vi


def _result_row(r: UnitResult, code: bool = True) -> list[str]:
    change = "—" if r.change is None or r.breaks else signed(r.change)
    first = [r.unit, r.name] if code else [r.name]
    return [*first, num(r.score), num(r.national_mean), rank_text(r), r.tier_label or "—", change]


def _dimensions(doc: OfficialDocument, profile: ProvinceProfile) -> None:
    doc.heading("II. KẾT QUẢ CÁC CHỈ SỐ NỘI DUNG")
    ordered = sorted(profile.dimensions, key=lambda r: (r.relative_rank, r.unit))
    doc.caption("Các chỉ số nội dung, xếp theo thứ hạng từ cao đến thấp:")
    doc.table(
        ["Mã", "Chỉ số nội dung", "Điểm", "TB cả nước", "Hạng", "Nhóm", "Thay đổi"],
        [_result_row(r) for r in ordered],
        (10, 55, 15, 17, 16, 32, 20),
        numeric=(2, 3, 4, 6),
        size=11,
    )
    bars = [
        charts.Bar(f"{r.unit}. {_short(r.name)}", r.score, r.national_mean)
        for r in profile.dimensions
    ]
    png = charts.compare_bars(bars, profile.province.name, "Trung bình cả nước")
    doc.picture(png, 160, "Biểu đồ 2. Điểm các chỉ số nội dung so với trung bình cả nước")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,") + "…"


def _subdimensions(doc: OfficialDocument, profile: ProvinceProfile) -> None:
    doc.heading("III. KẾT QUẢ CÁC CHỈ SỐ NỘI DUNG THÀNH PHẦN")
    ordered = sorted(profile.subdimensions, key=lambda r: (r.relative_rank, r.unit))
    doc.caption(
        f"Có {len(ordered)} chỉ số nội dung thành phần, xếp theo thứ hạng tương đối từ cao đến "
        "thấp (thứ hạng so với số tỉnh/thành phố có điểm):"
    )
    doc.table(
        ["Mã", "Chỉ số nội dung thành phần", "Điểm", "TB cả nước", "Hạng", "Nhóm", "Thay đổi"],
        [_result_row(r) for r in ordered],
        (10, 55, 15, 17, 16, 32, 20),
        numeric=(2, 3, 4, 6),
        size=11,
    )


def _describe(r: UnitResult) -> str:
    return (
        f"{r.unit} {r.name}: {num(r.score)} điểm, hạng {rank_text(r)}, "
        f"nhóm “{r.tier_label}”, {versus_mean(r)}."
    )


def _highlights(doc: OfficialDocument, profile: ProvinceProfile) -> None:
    h = profile.highlights
    doc.heading("IV. ĐIỂM MẠNH VÀ ĐIỂM YẾU")
    doc.heading("1. Điểm mạnh", 2)
    if h.strengths:
        doc.bullets([_describe(r) for r in h.strengths])
    else:
        doc.para("Không có chỉ số nào vừa cao hơn trung bình chung vừa xếp hạng cao.")
    doc.heading("2. Điểm yếu", 2)
    if h.weaknesses:
        doc.bullets([_describe(r) for r in h.weaknesses])
    else:
        doc.para("Không có chỉ số nào thấp hơn trung bình chung các tỉnh/thành phố.")
    if h.lowest_tier:
        names = "; ".join(f"{r.unit} {r.name} ({num(r.score)})" for r in h.lowest_tier)
        doc.para(
            f"Các chỉ số nội dung thành phần thuộc nhóm “{h.lowest_tier[0].tier_label}”: {names}."
        )


def _declines(doc: OfficialDocument, profile: ProvinceProfile) -> None:
    agg = profile.aggregate
    previous = agg.previous.year if agg is not None and agg.previous is not None else None
    doc.heading("V. CÁC CHỈ SỐ GIẢM ĐIỂM" + (f" SO VỚI NĂM {previous}" if previous else ""))
    declines = profile.highlights.declines
    if not declines:
        doc.para("Không có chỉ số nội dung, chỉ số thành phần nào giảm điểm so với năm trước.")
        return
    doc.caption(
        f"Có {len(declines)} chỉ số giảm điểm, xếp theo mức giảm (so với thang điểm) "
        "từ lớn đến nhỏ:"
    )
    rows = [
        [
            r.unit,
            r.name,
            num(r.previous.score if r.previous else None),
            num(r.score),
            signed(r.change),
        ]
        for r in declines
    ]
    doc.table(
        ["Mã", "Chỉ số", "Năm trước", f"Năm {profile.year}", "Thay đổi"],
        rows,
        (12, 85, 22, 22, 24),
        numeric=(2, 3, 4),
        size=11,
    )


def _what_it_takes(
    doc: OfficialDocument, results: Results, profile: ProvinceProfile, goal: Goal
) -> None:
    target_year = profile.year + 1
    doc.heading(f"VI. YÊU CẦU ĐỂ ĐẠT MỤC TIÊU NĂM {target_year}")
    try:
        target = what_it_takes(results, profile.province, target_year, goal)
    except TargetError as exc:
        # The core's message is "Vietnamese — English"; the document keeps the Vietnamese.
        doc.para(f"Không tính được yêu cầu cho năm {target_year}: {str(exc).split(' — ')[0]}.")
        return
    _target_summary(doc, results, target)
    _allocation(doc, target)
    if target.outcome is not None and target.outcome.score is not None:
        o = target.outcome
        verdict = "đạt" if o.reached else "chưa đạt"
        doc.para(
            f"Đối chiếu với kết quả năm {target.year} đã công bố: tỉnh đạt {num(o.score)} điểm; "
            f"với điểm thực tế của các tỉnh/thành phố khác, mức cần đạt là "
            f"{'trên ' if o.required.strict else ''}{num(o.required.score)} điểm — {verdict} "
            "mục tiêu."
        )
    if target.assumptions:
        doc.caption("Giả định của tính toán:")
        doc.bullets([printable(a.vi) for a in target.assumptions])


def _allocation(doc: OfficialDocument, target: TargetResult) -> None:
    plan = target.plan
    if plan.needed_gain <= 0:
        return
    # Small needs are split thinly across many units: show 3 decimals so no row reads "+0,00".
    places = 3 if plan.needed_gain < 1 else 2
    shown = sorted(
        (a for a in plan.allocation if round(a.gain, places) > 0), key=lambda a: (-a.gain, a.unit)
    )
    if not shown:
        return
    doc.caption(
        "Phân bổ mức tăng cần thiết vào các chỉ số thành phần theo dư địa cải thiện (khoảng cách "
        "tới tỉnh cao nhất), trong giới hạn mức tăng thực tế đã từng đạt được trong một năm:"
    )
    rows = [
        [
            a.unit,
            a.name,
            num(a.current, places),
            num(a.proposed, places),
            signed(a.gain, places),
            num(a.bound, places),
        ]
        for a in shown
    ]
    doc.table(
        [
            "Mã",
            "Chỉ số thành phần",
            f"Năm {target.baseline_year}",
            "Đề xuất",
            "Mức tăng",
            "Tối đa/năm",
        ],
        rows,
        (12, 65, 22, 22, 22, 22),
        numeric=(2, 3, 4, 5),
        size=11,
    )


def _target_summary(doc: OfficialDocument, results: Results, target: TargetResult) -> None:
    plan = target.plan
    goal_text = plan.goal.describe(results.framework).vi
    above = "trên" if plan.required.strict else "từ"
    doc.para(
        f"Mục tiêu: điểm tổng hợp năm {target.year} {goal_text}. Với điểm của các tỉnh/thành "
        f"phố khác như năm {target.baseline_year}, tỉnh cần đạt {above} {num(plan.required.score)} "
        f"điểm (năm {target.baseline_year} đạt {num(plan.current)} điểm), tức cần tăng "
        f"{num(plan.needed_gain)} điểm."
    )
    if target.projection is not None:
        p = target.projection
        doc.para(
            f"Tính đến biến động điểm của các tỉnh/thành phố khác, với {num(p.at_score)} điểm "
            f"khả năng đạt mục tiêu là {num(100 * p.probability, 0)}%; để đạt mục tiêu với độ "
            f"tin cậy {num(100 * p.confidence, 0)}% cần khoảng {num(p.required_score)} điểm."
        )
    if target.odds is not None:
        doc.para(target.odds.sentence().vi)
    if plan.needed_gain <= 0:
        doc.para("Kết quả hiện tại đã đáp ứng mục tiêu; cần giữ vững điểm số các chỉ số.")
    elif plan.reachable:
        doc.para(
            f"Mức tăng này nằm trong khả năng thực tế (tối đa khoảng "
            f"{num(plan.max_gain)} điểm trong một năm)."
        )
    else:
        doc.para(
            f"Mức tăng này vượt khả năng thực tế trong một năm (thiếu khoảng "
            f"{num(plan.shortfall)} điểm); cần xác định lộ trình nhiều năm."
        )
    behind = [d for d in target.dimensions if d.needed_gain > 0]
    if behind:
        listing = "; ".join(
            f"{d.unit} {d.name} (cần tăng {num(d.needed_gain)} điểm)" for d in behind
        )
        doc.para(f"Các chỉ số nội dung chưa đạt nhóm mục tiêu: {listing}.")
