"""Vietnamese sentences about index figures, in the wording the province's own documents use
("đạt 43,44 điểm; cao hơn trung bình chung các tỉnh/thành phố 1,09 điểm, xếp thứ hạng 16/61").

Official documents are written in Vietnamese only (Decree 30/2020 and Law 2/2016 on the use of
the national language in administration), so these strings are not run through gettext.
"""

from __future__ import annotations

import datetime as dt

from chiso.index.formatting import fmt_number
from chiso.index.report import UnitResult


def num(value: float | None, decimals: int = 2) -> str:
    return fmt_number(value, "vi", decimals)


def signed(value: float | None, decimals: int = 2) -> str:
    return fmt_number(value, "vi", decimals, sign=True)


def percent(part: int, whole: int) -> str:
    return "—" if whole == 0 else f"{fmt_number(100 * part / whole, 'vi', 1)}%"


def day(value: dt.date | None) -> str:
    return "—" if value is None else value.strftime("%d/%m/%Y")


def rank_text(r: UnitResult) -> str:
    return "—" if r.rank is None else f"{r.rank}/{r.of}"


def index_name(code: str) -> str:
    """The index as documents write it: "PAR INDEX", not its code "PAR_INDEX"."""
    return code.replace("_", " ")


def amount(r: UnitResult) -> str:
    """43,44 điểm; 92,18% for an index on a percentage scale (PAR INDEX, SIPAS)."""
    return f"{num(r.score)}%" if r.percent else f"{num(r.score)} điểm"


def group_words(label: str) -> str:
    """thuộc nhóm đạt điểm “Cao”; a label that is itself a group's name reads “thuộc Nhóm A”."""
    return f"thuộc {label}" if label.startswith("Nhóm") else f"thuộc nhóm đạt điểm “{label}”"


def versus_mean(r: UnitResult) -> str:
    gap = r.gap_to_mean
    if gap is None:  # results published without the national mean (PCI's partial years)
        return "chưa có điểm trung bình chung các tỉnh/thành phố để so sánh"
    if round(gap, 2) == 0:
        return "bằng trung bình chung các tỉnh/thành phố"
    side = "cao hơn" if gap > 0 else "thấp hơn"
    return f"{side} trung bình chung các tỉnh/thành phố {num(abs(gap))} điểm"


def change_text(r: UnitResult) -> str:
    """tăng 1,75 điểm và 24 bậc so với năm 2021 (empty when there is no previous year)."""
    if r.previous is None or r.change is None:
        return ""
    if r.breaks:
        return f"không so sánh trực tiếp được với năm {r.previous.year} do thay đổi cấu trúc chỉ số"
    change = r.change
    points = (
        f"tăng {num(change)} điểm"
        if change > 0
        else f"giảm {num(-change)} điểm"
        if change < 0
        else "giữ nguyên điểm"
    )
    moved = r.rank_change
    if moved is None or moved == 0:
        places = "giữ nguyên thứ hạng" if moved == 0 else ""
        joined = f"{points}, {places}" if places else points
    else:
        places = f"{abs(moved)} bậc"
        verb_same = (moved > 0) == (change > 0)
        if verb_same:
            joined = f"{points} và {places}"
        else:
            joined = f"{points}, {'tăng' if moved > 0 else 'giảm'} {places}"
    return f"{joined} so với năm {r.previous.year}"


def aggregate_sentence(r: UnitResult, province_label: str) -> str:
    """The opening sentence of every document on the province's index (see the seed plan); a
    rank or group the data do not give is left out, not written as empty."""
    parts = [versus_mean(r)]
    if r.rank is not None:
        parts.append(f"xếp thứ hạng {rank_text(r)} tỉnh/thành phố")
    if r.tier_label:
        parts.append(group_words(r.tier_label.vi))
    text = (
        f"Chỉ số tổng hợp {index_name(r.index)} năm {r.year} của {province_label} đạt "
        f"{amount(r)}; {', '.join(parts)}"
    )
    change = change_text(r)
    return f"{text}; {change}." if change else f"{text}."


def short_kind(kind: str) -> str:
    """The core says "thành phố trung ương"; documents write "thành phố Hà Nội"."""
    return "thành phố" if kind.startswith("thành phố") else kind


def province_label(name: str, kind: str = "tỉnh") -> str:
    """tỉnh Khánh Hòa, "thành phố Hà Nội"."""
    kind = short_kind(kind)
    return f"{kind} {name}" if kind else name


def date_words(value: dt.date) -> str:
    return f"ngày {value.day:02d}/{value.month:02d}/{value.year}"


# Symbols the core's notes use that Times New Roman (and its metric twin Liberation Serif) lack:
# written out, so the PDF never falls back to another font mid-sentence.
_SPELLED_OUT = {"∝": "tỷ lệ với"}


def printable(text: str) -> str:
    for symbol, words in _SPELLED_OUT.items():
        text = text.replace(symbol, words)
    return text


def plan_subject(title: str) -> str:
    """What a plan is about, mid-sentence after "Kế hoạch số …": "Kế hoạch cải thiện …" →
    "cải thiện …" (never "Kế hoạch … về kế hoạch …"); an acronym ("PAPI …") keeps its case."""
    words = title.split(" ", 2)
    if len(words) == 3 and f"{words[0]} {words[1]}".lower() == "kế hoạch":
        title = words[2]
    return title if title[:2].isupper() else title[:1].lower() + title[1:]
