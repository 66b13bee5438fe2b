"""Plain-Vietnamese sentences about a province's results (translated through the catalogue)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chiso.index.formatting import fmt_number
from chiso.index.report import ProvinceProfile, UnitResult
from chiso.index.text import text_in
from chiso.public.indices import index_label


def unit_phrase(r: UnitResult, lang: str) -> str:
    name = text_in(r.name, lang)
    if r.level == "dimension":
        return _("Chỉ số nội dung %(code)s «%(name)s»") % {"code": r.unit, "name": name}
    if r.level == "subdimension":
        return _("Nội dung thành phần %(code)s «%(name)s»") % {"code": r.unit, "name": name}
    return f"«{name}»"  # another index's component: its name says enough (PCI's codes are names)


def _tier(r: UnitResult, lang: str) -> str:
    return text_in(r.tier_label, lang)


def summary(profile: ProvinceProfile, lang: str) -> str:
    """The opening sentence, in the words of the province's own plan."""
    a = profile.aggregate
    if a is None:
        if profile.index != "PAPI":
            return _(
                "Năm %(year)s, %(province)s không có điểm %(index)s trong số liệu đã nhập."
            ) % {
                "year": profile.year,
                "province": profile.province.display(),
                "index": index_label(profile.index),
            }
        return _(
            "Năm %(year)s, %(province)s không có điểm tổng hợp (thiếu số liệu của một chỉ số "
            "nội dung)."
        ) % {"year": profile.year, "province": profile.province.display()}
    if a.rank is None or a.tier is None or a.national_mean is None:
        return f"{_partial_summary(a, lang)} {change_sentence(a, lang)}".strip()
    text = _(
        "Năm %(year)s, %(province)s đạt %(score)s điểm, xếp thứ %(rank)s/%(of)s tỉnh, thành phố, "
        "thuộc nhóm %(tier)s; %(gap)s điểm so với trung bình cả nước (%(mean)s)."
    ) % {
        "year": profile.year,
        "province": profile.province.display(),
        "score": fmt_number(a.score, lang),
        "rank": a.rank,
        "of": a.of,
        "tier": _tier(a, lang),
        "gap": fmt_number(a.gap_to_mean, lang, sign=True),
        "mean": fmt_number(a.national_mean, lang),
    }
    return f"{text} {change_sentence(a, lang)}".strip()


def _partial_summary(a: UnitResult, lang: str) -> str:
    """The opening sentence with only the figures the data give (a rank, group or national
    mean the data do not support is left out, never guessed)."""
    parts = [
        _("Năm %(year)s, %(province)s đạt %(score)s điểm")
        % {"year": a.year, "province": a.province.display(), "score": fmt_number(a.score, lang)}
    ]
    if a.rank is not None:
        parts.append(_("xếp thứ %(rank)s/%(of)s") % {"rank": a.rank, "of": a.of})
    if a.tier is not None:
        label = _tier(a, lang) or ""
        if label.lower().startswith(("nhóm ", "group ")):  # PAR INDEX's "Nhóm A"
            parts.append(_("thuộc %(group)s") % {"group": label})
        else:
            parts.append(_("thuộc nhóm %(tier)s") % {"tier": label})
    if a.national_mean is not None:
        parts.append(
            _("%(gap)s điểm so với trung bình cả nước (%(mean)s)")
            % {
                "gap": fmt_number(a.gap_to_mean, lang, sign=True),
                "mean": fmt_number(a.national_mean, lang),
            }
        )
    return ", ".join(parts) + "."


def change_sentence(a: UnitResult, lang: str) -> str:
    if a.previous is None or a.change is None:
        return ""
    if a.breaks:
        return _(
            "Không so sánh trực tiếp với năm %(year)s vì %(index)s thay đổi cách đo: %(note)s"
        ) % {
            "index": index_label(a.index),
            "year": a.previous.year,
            "note": " ".join(b.explanation.get(lang) for b in a.breaks),
        }
    points = fmt_number(abs(a.change), lang)
    places = abs(a.rank_change or 0)
    if a.change >= 0:
        moved = _("tăng %(points)s điểm") % {"points": points}
    else:
        moved = _("giảm %(points)s điểm") % {"points": points}
    if a.rank_change is None:
        return _("So với năm %(year)s: %(moved)s.") % {"year": a.previous.year, "moved": moved}
    if (a.rank_change or 0) > 0:
        ranked = _("tăng %(places)s bậc") % {"places": places}
    elif (a.rank_change or 0) < 0:
        ranked = _("giảm %(places)s bậc") % {"places": places}
    else:
        ranked = _("giữ nguyên thứ hạng")
    return _("So với năm %(year)s: %(moved)s, %(ranked)s.") % {
        "year": a.previous.year,
        "moved": moved,
        "ranked": ranked,
    }


def strength(r: UnitResult, lang: str) -> str:
    return _(
        "%(unit)s xếp thứ %(rank)s/%(of)s, cao hơn trung bình cả nước %(gap)s điểm (nhóm %(tier)s)."
    ) % {
        "unit": unit_phrase(r, lang),
        "rank": r.rank,
        "of": r.of,
        "gap": fmt_number(r.gap_to_mean, lang),
        "tier": _tier(r, lang),
    }


def weakness(r: UnitResult, lang: str) -> str:
    return _(
        "%(unit)s xếp thứ %(rank)s/%(of)s, thấp hơn trung bình cả nước %(gap)s điểm "
        "(nhóm %(tier)s)."
    ) % {
        "unit": unit_phrase(r, lang),
        "rank": r.rank,
        "of": r.of,
        "gap": fmt_number(None if r.gap_to_mean is None else -r.gap_to_mean, lang),
        "tier": _tier(r, lang),
    }


def decline(r: UnitResult, lang: str) -> str:
    assert r.previous is not None and r.previous.score is not None  # declines have a previous
    return _(
        "%(unit)s giảm %(points)s điểm so với năm %(year)s (từ %(before)s xuống %(after)s)."
    ) % {
        "unit": unit_phrase(r, lang),
        "points": fmt_number(-(r.change or 0.0), lang),
        "year": r.previous.year,
        "before": fmt_number(r.previous.score, lang),
        "after": fmt_number(r.score, lang),
    }


def lowest_tier(units: tuple[UnitResult, ...], lang: str) -> str:
    if not units:
        return ""
    names = "; ".join(f"{r.unit} {text_in(r.name, lang)}" for r in units)
    return _("Các nội dung thành phần thuộc nhóm %(tier)s: %(names)s.") % {
        "tier": _tier(units[0], lang),
        "names": names,
    }
