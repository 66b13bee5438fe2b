"""Báo cáo phân tích kết quả Chỉ số PAPI (PCI, PAR INDEX, SIPAS) năm YYYY of one province —
from results only, so it works from a data folder without any database.

Figures come from the core (`Results.profile`, the index's history, highlights) and what it
takes for the next year's goal from `chiso.index.target.what_it_takes`. Every index has the same
report; a part its data cannot support (no components that year, no national mean because the
published table is partial, no sub-level) says so or is left out, and the sections are numbered
as they come.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from chiso.documents import charts
from chiso.documents.analysis_peers import peers_section
from chiso.documents.analysis_review import review_section
from chiso.documents.decree30 import OfficialDocument
from chiso.documents.letterhead import Letterhead, Progress, no_progress
from chiso.documents.phrases import (
    aggregate_sentence,
    amount,
    index_name,
    num,
    printable,
    province_label,
    rank_text,
    signed,
    versus_mean,
)
from chiso.index.across import IndexYear, index_history
from chiso.index.framework import Framework
from chiso.index.report import ProvinceProfile, UnitResult
from chiso.index.results import Results
from chiso.index.review import PlanWork
from chiso.index.target import Goal, TargetError, TargetResult, what_it_takes
from chiso.index.text import text_in

HISTORY_YEARS = 6
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
DEFAULT_RANK_GOAL = 10  # where an index's groups are not computed: the top ten, as on the page


class NoAggregate(ValueError):  # noqa: N818 — the name says what is missing
    """The data give the province no composite for the year (PCI years published only for the
    top 30): there is nothing to analyse."""

    def __init__(self, province: str, index: str, year: int) -> None:
        self.province, self.index, self.year = province, index, year
        super().__init__(
            f"{province} không có điểm tổng hợp {index_name(index)} năm {year} trong số liệu "
            "(no aggregate score that year)"
        )


@dataclass(frozen=True)
class AnalysisRequest:
    province: str
    year: int
    goal: Goal | None = None  # next year's goal; default: the best tier (the top ten)
    plans: tuple[PlanWork, ...] = ()  # the province's plans on this index, for "did it work?"


def default_goal(framework: Framework) -> Goal:
    """The best group where chiso computes groups (PAPI's quantiles, PAR INDEX's bands); the top
    ten where they are only published (PCI) or there are none (SIPAS)."""
    if framework.grouping != "published" and framework.tiers:
        return Goal("tier", tier=framework.tiers[0].code)
    return Goal("rank", rank=DEFAULT_RANK_GOAL)


def build_analysis(
    results: Results,
    request: AnalysisRequest,
    letterhead: Letterhead,
    progress: Progress = no_progress,
) -> bytes:
    """The analysis report as DOCX bytes (raises UnknownProvince/UnknownYear from the core,
    NoAggregate when the data give the province no composite that year)."""
    profile = results.profile(request.province, request.year)
    if profile.aggregate is None:
        raise NoAggregate(profile.province.name, results.index, request.year)
    label = province_label(profile.province.name, profile.province.kind)
    name = index_name(results.index)
    summary = f"Phân tích kết quả Chỉ số {name} năm {request.year} của {label}"
    doc = OfficialDocument(letterhead.head("BC", "BÁO CÁO", summary))
    doc.header()
    doc.para(
        f"Căn cứ kết quả {results.framework.name.vi} năm {request.year} "
        f"đã được công bố, báo cáo phân tích kết quả của {label} như sau:"
    )
    numbers = iter(ROMAN)
    progress(20, "Kết quả chung")
    _overall(doc, next(numbers), results, profile, label)
    progress(40, "Các chỉ số thành phần")
    if _scored(profile.dimensions):
        _dimensions(doc, next(numbers), results.framework, profile)
    if _scored(profile.subdimensions):
        _subdimensions(doc, next(numbers), profile)
    progress(60, "Điểm mạnh, điểm yếu")
    if _scored(profile.dimensions):
        _highlights(doc, next(numbers), profile)
        _declines(doc, next(numbers), profile)
    progress(75, "Yêu cầu để đạt mục tiêu")
    goal = request.goal or default_goal(results.framework)
    _what_it_takes(doc, next(numbers), results, profile, goal)
    progress(80, "So sánh với các tỉnh")
    _later_sections(doc, numbers, results, profile, request)
    doc.para(
        f"Trên đây là báo cáo phân tích kết quả Chỉ số {name} năm {request.year} của {label}./."
    )
    doc.closing()
    progress(85, "Lưu tệp")
    return doc.to_bytes()


def _later_sections(
    doc: OfficialDocument,
    numbers: Iterator[str],
    results: Results,
    profile: ProvinceProfile,
    request: AnalysisRequest,
) -> None:
    # Neighbours and regions side by side need the whole field's component scores that year.
    if any(r.national_mean is not None for r in _scored(profile.dimensions)):
        peers_section(doc, results, profile, next(numbers))
    plans = tuple(p for p in request.plans if p.province == profile.province.name)
    review_section(doc, results, plans, request.year, next(numbers, ""))


def _scored(rows: tuple[UnitResult, ...]) -> tuple[UnitResult, ...]:
    return tuple(r for r in rows if r.score is not None)


def _level(framework: Framework, depth: int) -> str:
    """The index's name for a level, lower case: "chỉ số nội dung", "chỉ số thành phần"."""
    name = framework.levels[depth].name.vi
    return name[:1].lower() + name[1:]


def provenance_sentence(r: UnitResult) -> str:
    """Which of the composite's figures are published and which chiso computed ("" when chiso
    computed all of them, as for PAPI): the reader must know a rank is not chiso's own."""
    published: list[str] = [] if r.computed else ["điểm tổng hợp"]
    computed: list[str] = ["điểm tổng hợp"] if r.computed else []
    missing: list[str] = []
    for figure, value, is_published in (
        ("thứ hạng", r.rank, r.rank_published),
        ("nhóm", r.tier, r.group_published),
    ):
        if value is None:
            missing.append(figure)
        else:
            (published if is_published else computed).append(figure)
    if not published and not missing and not r.weights_unconfirmed:
        return ""
    parts = []
    if published:
        parts.append(f"số liệu công bố: {', '.join(published)}")
    if computed:
        parts.append(f"do chiso tính: {', '.join(computed)}")
    if missing:
        parts.append(f"không có trong số liệu: {', '.join(missing)}")
    text = "Nguồn số liệu của năm " + f"{r.year}: " + "; ".join(parts) + "."
    if r.weights_unconfirmed:
        text += f" Trọng số năm {r.year} chưa có nguồn công bố xác nhận: điểm tính ra để tham khảo."
    return text


def _overall(
    doc: OfficialDocument, number: str, results: Results, profile: ProvinceProfile, label: str
) -> None:
    agg = profile.aggregate
    assert agg is not None
    name = index_name(results.index)
    doc.heading(f"{number}. KẾT QUẢ CHUNG CHỈ SỐ {name} NĂM {profile.year}")
    doc.para(aggregate_sentence(agg, label))
    source = provenance_sentence(agg)
    if source:
        doc.para(source)
    history = index_history(results, profile.province)
    years = [y for y in history.years if y.year <= profile.year]
    doc.caption(f"Kết quả của {label} qua các năm gần đây:")
    header = ["Năm", "Kết quả (%)" if agg.percent else "Điểm tổng hợp", "Thứ hạng"]
    widths: tuple[int, ...] = (25, 45, 45)
    with_groups = bool(results.framework.tiers)
    if with_groups:
        header, widths = [*header, "Nhóm"], (*widths, 50)
    rows = [_history_row(y, with_groups) for y in years[-HISTORY_YEARS:]]
    doc.table(header, rows, widths, numeric=(1, 2))
    points = [charts.Point(y.year, y.score) for y in years if y.score is not None]
    if len(points) < 2:
        return  # one year is no trend
    series = results.series(profile.province)
    breaks = sorted({b.year for b in series.breaks if b.year <= profile.year})
    png = charts.trend(points, f"Điểm tổng hợp {name} — {profile.province.name}", breaks)
    doc.picture(
        png,
        160,
        f"Biểu đồ 1. Điểm tổng hợp {name} của {label} qua các năm"
        + (" (đường đứt: năm thay đổi thang điểm, không so sánh trực tiếp)" if breaks else ""),
    )


def _history_row(y: IndexYear, with_groups: bool) -> list[str]:
    row = [str(y.year), num(y.score), "—" if y.rank is None else f"{y.rank}/{y.of}"]
    return [*row, text_in(y.tier_label, "vi", "—")] if with_groups else row


def _result_row(r: UnitResult, code: bool = True) -> list[str]:
    change = "—" if r.change is None or r.breaks else signed(r.change)
    first = [r.unit, r.name.vi] if code else [r.name.vi]
    tier = text_in(r.tier_label, "vi", "—")
    return [*first, num(r.score), num(r.national_mean), rank_text(r), tier, change]


def _dimensions(
    doc: OfficialDocument, number: str, framework: Framework, profile: ProvinceProfile
) -> None:
    level = _level(framework, 1)
    doc.heading(f"{number}. KẾT QUẢ CÁC {level.upper()}")
    scored = _scored(profile.dimensions)
    # Without ranks, the framework's own order (a stable sort on an equal key keeps it).
    ordered = sorted(
        scored, key=lambda r: (0, r.relative_rank, r.unit) if r.relative_rank else (1, 0, "")
    )
    order = (
        "xếp theo thứ hạng từ cao đến thấp"
        if any(r.rank is not None for r in scored)
        else "theo thứ tự của bộ chỉ số (số liệu không có thứ hạng)"
    )
    doc.caption(f"Các {level}, {order}:")
    doc.table(
        ["Mã", level[:1].upper() + level[1:], "Điểm", "TB cả nước", "Hạng", "Nhóm", "Thay đổi"],
        [_result_row(r) for r in ordered],
        (10, 55, 15, 17, 16, 32, 20),
        numeric=(2, 3, 4, 6),
        size=11,
    )
    bars = [charts.Bar(f"{r.unit}. {_short(r.name.vi)}", r.score, r.national_mean) for r in scored]
    with_mean = any(r.national_mean is not None for r in scored)
    png = charts.compare_bars(bars, profile.province.name, "Trung bình cả nước")
    caption = f"Biểu đồ 2. Điểm các {level}" + (
        " so với trung bình cả nước" if with_mean else " (số liệu chưa có trung bình cả nước)"
    )
    doc.picture(png, 160, caption)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,") + "…"


def _subdimensions(doc: OfficialDocument, number: str, profile: ProvinceProfile) -> None:
    doc.heading(f"{number}. KẾT QUẢ CÁC CHỈ SỐ NỘI DUNG THÀNH PHẦN")
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
    rank = f", hạng {rank_text(r)}" if r.rank is not None else ""
    group = f", nhóm “{r.tier_label.vi}”" if r.tier_label else ""
    return f"{r.unit} {r.name.vi}: {amount(r)}{rank}{group}, {versus_mean(r)}."


def _highlights(doc: OfficialDocument, number: str, profile: ProvinceProfile) -> None:
    h = profile.highlights
    doc.heading(f"{number}. ĐIỂM MẠNH VÀ ĐIỂM YẾU")
    if all(r.national_mean is None for r in profile.dimensions):
        doc.para(
            f"Số liệu năm {profile.year} chưa đủ các tỉnh, thành phố nên chưa có điểm trung bình "
            "chung để xác định điểm mạnh, điểm yếu; các điểm số ở mục trên là số liệu đã công bố."
        )
        return
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
        names = "; ".join(f"{r.unit} {r.name.vi} ({num(r.score)})" for r in h.lowest_tier)
        group = text_in(h.lowest_tier[0].tier_label, "vi")
        doc.para(f"Các chỉ số nội dung thành phần thuộc nhóm “{group}”: {names}.")


def _declines(doc: OfficialDocument, number: str, profile: ProvinceProfile) -> None:
    agg = profile.aggregate
    previous = agg.previous.year if agg is not None and agg.previous is not None else None
    doc.heading(f"{number}. CÁC CHỈ SỐ GIẢM ĐIỂM" + (f" SO VỚI NĂM {previous}" if previous else ""))
    declines = profile.highlights.declines
    if all(r.change is None for r in _scored(profile.dimensions)):
        doc.para("Số liệu năm trước không có điểm các chỉ số của tỉnh để so sánh.")
        return
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
            r.name.vi,
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
    doc: OfficialDocument, number: str, results: Results, profile: ProvinceProfile, goal: Goal
) -> None:
    target_year = profile.year + 1
    doc.heading(f"{number}. YÊU CẦU ĐỂ ĐẠT MỤC TIÊU NĂM {target_year}")
    if profile.aggregate is None or profile.aggregate.national_mean is None:
        # A threshold is found among the other provinces' scores: a partial table has too few.
        doc.para(
            f"Số liệu năm {profile.year} chỉ gồm một phần các tỉnh, thành phố nên chưa tính được "
            f"mức điểm cần đạt năm {target_year} (cần điểm của tất cả các tỉnh, thành phố)."
        )
        return
    try:
        target = what_it_takes(results, profile.province, target_year, goal)
    except TargetError as exc:
        # The core's message is "Vietnamese — English"; the document keeps the Vietnamese.
        doc.para(f"Không tính được yêu cầu cho năm {target_year}: {str(exc).split(' — ')[0]}.")
        return
    _target_summary(doc, results, target, bool(_scored(profile.dimensions)))
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
            a.name.vi,
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


def _target_summary(
    doc: OfficialDocument, results: Results, target: TargetResult, components: bool
) -> None:
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
    elif not components:
        # What a year can add is measured on the components: without them it is unknown, not nil.
        doc.para(
            f"Số liệu năm {target.baseline_year} chưa có điểm các "
            f"{_level(results.framework, 1)} của tỉnh nên chưa đánh giá được mức tăng này có "
            "trong khả năng một năm hay không; nhập điểm các chỉ số thành phần để có lộ trình."
        )
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
            f"{d.unit} {d.name.vi} (cần tăng {num(d.needed_gain)} điểm)" for d in behind
        )
        doc.para(f"Các chỉ số nội dung chưa đạt nhóm mục tiêu: {listing}.")
