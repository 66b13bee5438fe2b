"""The target page's answer in sentences an official reads without training (issue 14, item 7):
can the province reach the goal in a year, how sure is that, what the numbers mean. The
statistician's details (percentiles, draws, seed) stay in the folded notes of the page.

The banner's colour follows the whole answer, never the gain bound alone: a goal within the
largest one-year gain but reached in under half the projected years is not shown green."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from chiso.targets.numbers import fixed, signed
from chiso.targets.service import SplitRow, TargetPage

# A score goal reached by at least this share of similar provinces reads as "many did it".
OFTEN = 0.5
PRIORITIES_SHOWN = 3


@dataclass(frozen=True)
class Verdict:
    level: str  # "ok", "warn" or "bad": the banner's colour
    headline: str
    sentences: tuple[str, ...]


def verdict(page: TargetPage) -> Verdict:
    plan, base = page.plan, page.baseline
    if page.met_already:
        return Verdict(
            "ok",
            _("Đã đủ điểm cho mục tiêu này"),
            (
                _(
                    "Điểm năm %(year)s (%(score)s) đã đủ nếu các tỉnh khác giữ nguyên điểm; việc "
                    "cần làm là giữ vững."
                )
                % {"year": base.year, "score": fixed(base.score)},
            ),
        )
    if not plan.reachable and page.missing_components:
        return _missing_verdict(page)
    if not plan.reachable:
        return Verdict(
            "bad",
            _("Không thể đạt trong một năm"),
            (
                _(
                    "Cần tăng %(gain)s điểm, nhưng mức tăng lớn nhất có thể trong một năm chỉ "
                    "%(most)s điểm (còn thiếu %(short)s điểm). Nên chia mục tiêu cho nhiều năm "
                    "hoặc đặt mục tiêu thấp hơn."
                )
                % {
                    "gain": signed(plan.needed_gain),
                    "most": signed(plan.max_gain),
                    "short": fixed(plan.shortfall),
                },
            ),
        )
    need = _("Cần tăng ít nhất %(gain)s điểm so với năm %(year)s (lên %(rel)s %(score)s).") % {
        "gain": signed(plan.needed_gain),
        "year": base.year,
        "rel": ">" if plan.required.strict else "≥",
        "score": fixed(plan.required.score),
    }
    rare = _rare_sentence(page)
    if page.result.projection is not None:
        return _with_projection(page, need, rare)
    return _with_odds(page, need, rare)


def _missing_verdict(page: TargetPage) -> Verdict:
    """Not "unreachable": the baseline year lacks component scores, so nothing can be split."""
    plan, base = page.plan, page.baseline
    missing = page.missing_components
    if len(missing) == page.components_total:
        lack = _(
            "Năm %(year)s, số liệu %(index)s của tỉnh chỉ có điểm tổng hợp, không có điểm của "
            "chỉ số thành phần nào."
        ) % {"year": base.year, "index": page.index}
    else:
        lack = _(
            "Năm %(year)s, số liệu %(index)s của tỉnh thiếu điểm %(n)s/%(total)s chỉ số thành "
            "phần: %(names)s."
        ) % {
            "year": base.year,
            "index": page.index,
            "n": len(missing),
            "total": page.components_total,
            "names": ", ".join(missing),
        }
    sentences = (
        lack,
        _(
            "Vì vậy chưa tính được mức tăng có thể của từng chỉ số thành phần và chưa chia được "
            "%(gain)s điểm cần tăng; đây không phải là mục tiêu không thể đạt. Nhập đủ điểm các "
            "chỉ số thành phần năm %(year)s (trang “Nhập kết quả chỉ số”) để tính lộ trình."
        )
        % {"gain": signed(plan.needed_gain), "year": base.year},
    )
    return Verdict(
        "warn",
        _("Thiếu điểm chỉ số thành phần năm %(year)s: chưa tính được lộ trình")
        % {"year": base.year},
        sentences,
    )


def _rare_sentence(page: TargetPage) -> str:
    if not page.rare:
        return ""
    return _(
        "Mức tăng này hiếm gặp: %(pct)s%% trường hợp tỉnh–năm chỉ tăng tối đa %(whole)s điểm."
    ) % {"pct": page.gain_quantile_pct, "whole": signed(page.aggregate_gain)}


def _with_projection(page: TargetPage, need: str, rare: str) -> Verdict:
    """A tier or rank goal: the other provinces move too, so the bare minimum is not enough."""
    projection = page.result.projection
    assert projection is not None
    chance = round(projection.probability * 100)
    confidence = round(projection.confidence * 100)
    others = _(
        "Các tỉnh khác cũng thay đổi điểm: nếu chỉ đạt đúng %(score)s điểm, khả năng đạt mục tiêu "
        "khoảng %(pct)s%% (ước tính theo diễn biến điểm các năm trước)."
    ) % {"score": fixed(projection.at_score), "pct": chance}
    safe_gain = projection.required_score - page.plan.current
    safer = _("Muốn chắc chắn %(conf)s%%, nên phấn đấu %(score)s điểm (tăng %(gain)s).") % {
        "conf": confidence,
        "score": fixed(projection.required_score),
        "gain": signed(safe_gain),
    }
    if projection.probability >= projection.confidence and not rare:
        headline, level = _("Có thể đạt trong một năm"), "ok"
    elif safe_gain <= page.plan.max_gain:
        headline, level = _("Có thể đạt, nhưng nên phấn đấu cao hơn mức tối thiểu"), "warn"
    else:
        headline, level = _("Khó đạt trong một năm"), "warn"
    sentences = (need, others, safer, rare) if rare else (need, others, safer)
    return Verdict(level, headline, sentences)


def _with_odds(page: TargetPage, need: str, rare: str) -> Verdict:
    """A score goal: how often provinces that started near this level gained as much."""
    chance = page.result.probability
    if chance >= OFTEN and not rare:
        headline, level = _("Có thể đạt trong một năm: nhiều tỉnh đã làm được"), "ok"
    elif chance > 0:
        headline, level = _("Có thể đạt, nhưng ít tỉnh từng tăng được như vậy"), "warn"
    else:
        headline = _("Khó đạt trong một năm: chưa tỉnh nào ở mức này tăng được như vậy")
        level = "warn"
    history = _(
        "Theo các tỉnh từng có điểm xuất phát gần mức này, khả năng đạt khoảng %(pct)s%%."
    ) % {"pct": round(chance * 100)}
    sentences = (need, history, rare) if rare else (need, history)
    return Verdict(level, headline, sentences)


def reading_notes(page: TargetPage) -> tuple[str, ...]:
    """What the figures mean, in three or four sentences (the details stay folded)."""
    base = page.baseline
    if page.result.projection is not None:
        first = _(
            "“Điểm tối thiểu” là điểm cần có nếu %(others)s tỉnh, thành phố khác giữ nguyên điểm "
            "năm %(year)s. Các tỉnh khác cũng cố gắng, nên mức phấn đấu nên cao hơn."
        ) % {"others": base.of - 1, "year": base.year}
    else:
        first = _("Mục tiêu điểm số không phụ thuộc các tỉnh khác.")
    return (
        first,
        _(
            "“Mức tăng lớn nhất trong một năm” cộng mức tăng mạnh của từng nội dung thành phần "
            "mà các tỉnh từng đạt; đạt cùng lúc ở mọi nội dung là rất hiếm."
        ),
        _("“Khả năng đạt” là ước tính từ các năm đã qua, không phải lời hứa: năm tới có thể khác."),
        _(
            "Điểm PAPI là kết quả khảo sát chọn mẫu: chênh lệch vài phần trăm điểm có thể chỉ là "
            "sai số."
        )
        if page.index == "PAPI"
        else _("Điểm %(index)s là kết quả khảo sát, đánh giá: chênh lệch nhỏ có thể chỉ là sai số.")
        % {"index": page.index},
    )


def priorities(split: tuple[SplitRow, ...]) -> tuple[SplitRow, ...]:
    """The sub-dimensions that carry most of the gain: where the effort should go first."""
    used = sorted((s for s in split if s.row.gain > 0), key=lambda s: -s.row.gain)
    return tuple(used[:PRIORITIES_SHOWN])
