"""Part I of the results report, "Kết quả chỉ số": one part per index of the plan
(`report_indices.index_sections`), in each index's own words — PAPI's "chỉ số nội dung" and
computed groups, PCI's "chỉ số thành phần" and groups only as VCCI published them, PAR INDEX and
SIPAS in percent — and only the figures the data give (a rank, a group, a national mean, the
components' scores). A plan on one index has one part, headed as it always was; a plan with
objectives on several indices has one numbered sub-part per index."""

from __future__ import annotations

from chiso.documents import charts
from chiso.documents.analysis import provenance_sentence
from chiso.documents.decree30 import OfficialDocument
from chiso.documents.phrases import aggregate_sentence, num, province_label, rank_text, signed
from chiso.documents.report_indices import IndexSection
from chiso.index.report import UnitResult
from chiso.index.text import text_in
from chiso.plans.units import index_name

TABLE_SIZE = 11


def index_results(
    doc: OfficialDocument, sections: tuple[IndexSection, ...], province: str, kind: str
) -> int:
    """Part I; returns the number the report's next chart takes."""
    label = province_label(province, kind)
    if len(sections) <= 1:
        section = sections[0] if sections else None
        name = index_name(section.index) if section else "PAPI"
        profile = section.profile if section and section.has_results else None
        year = f" NĂM {profile.year}" if profile is not None else ""
        doc.heading(f"I. KẾT QUẢ CHỈ SỐ {name}{year}")
        if section is None:
            doc.para("Chưa có kết quả Chỉ số PAPI trong hệ thống.")
            return 1
        return _section(doc, section, label, 1)
    doc.heading("I. KẾT QUẢ CÁC CHỈ SỐ")
    figure = 1
    for number, section in enumerate(sections, 1):
        year = f" năm {section.profile.year}" if section.has_results and section.profile else ""
        doc.heading(f"{number}. Chỉ số {index_name(section.index)}{year}", 2)
        figure = _section(doc, section, label, figure)
    return figure


def _section(doc: OfficialDocument, section: IndexSection, label: str, figure: int) -> int:
    """One index's part; returns the next chart's number."""
    name = index_name(section.index)
    profile = section.profile
    if profile is None or profile.aggregate is None:
        doc.para(missing_words(section, label))
        return figure
    if section.earlier:
        doc.para(
            f"Bảng kết quả {name} năm {section.latest_year} (công bố gần nhất) không có "
            f"{label} (chỉ gồm một phần các tỉnh, thành phố); kết quả gần nhất của "
            f"{label} là năm {profile.year}:"
        )
    doc.para(aggregate_sentence(profile.aggregate, label))
    source = provenance_sentence(profile.aggregate)
    if source:
        doc.para(source)
    rows = section.scored()
    if not rows:
        doc.para(
            f"Số liệu {name} năm {profile.year} chỉ có điểm tổng hợp, không có điểm các "
            f"{section.level}."
        )
        return figure
    _table(doc, section, rows)
    if any(r.national_mean is None for r in rows):
        return figure  # a year short of the field has no national mean to compare with
    bars = [charts.Bar(f"{r.unit}. {_short(r.name.vi)}", r.score, r.national_mean) for r in rows]
    png = charts.compare_bars(bars, profile.province.name, "Trung bình cả nước")
    what = "Điểm" if not rows[0].percent else "Kết quả"
    doc.picture(
        png,
        155,
        f"Biểu đồ {figure}. {what} các {section.level} năm {profile.year} so với trung bình "
        "cả nước",
    )
    return figure + 1


def missing_words(section: IndexSection, label: str) -> str:
    name = index_name(section.index)
    if section.left_out:
        return (
            f"Bảng kết quả {name} năm {section.latest_year} (công bố gần nhất) không có "
            f"{label} (chỉ gồm một phần các tỉnh, thành phố); chưa có kết quả {name} của "
            f"{label} trong hệ thống."
        )
    return f"Chưa có kết quả Chỉ số {name} trong hệ thống."


def other_index_words(section: IndexSection, label: str) -> list[str]:
    """An index of the plan's objectives besides its own, in a few sentences (the consolidated
    report's part II)."""
    profile = section.profile
    if profile is None or profile.aggregate is None:
        return [missing_words(section, label)]
    words = [aggregate_sentence(profile.aggregate, label)]
    if section.earlier:
        words.insert(
            0,
            f"Bảng kết quả {index_name(section.index)} năm {section.latest_year} (công bố gần "
            f"nhất) không có {label}; kết quả gần nhất là năm {profile.year}:",
        )
    source = provenance_sentence(profile.aggregate)
    return [*words, source] if source else words


def _table(doc: OfficialDocument, section: IndexSection, rows: tuple[UnitResult, ...]) -> None:
    count = "08" if len(rows) == 8 else "các"
    doc.caption(f"Kết quả {count} {section.level}:")
    level = section.level[:1].upper() + section.level[1:]
    header = ["Mã", level, "Tỷ lệ (%)" if rows[0].percent else "Điểm", "Thay đổi", "Hạng"]
    widths: tuple[int, ...] = (10, 68, 17, 20, 18)
    groups = section.computes_groups or any(r.tier_label for r in rows)
    if groups:
        header, widths = [*header, "Nhóm"], (*widths, 32)
    else:
        widths = (10, 100, 17, 20, 18)
    body = [
        [
            r.unit,
            r.name.vi,
            num(r.score),
            "—" if r.change is None or r.breaks else signed(r.change),
            rank_text(r),
            *([text_in(r.tier_label, "vi", "—")] if groups else []),
        ]
        for r in rows
    ]
    doc.table(header, body, widths, numeric=(2, 3, 4), size=TABLE_SIZE)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,") + "…"
