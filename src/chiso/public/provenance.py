"""Where a page's figures come from, said in words: which are published, which chiso computed,
which the data do not give (PCI publishes only the top 30 from 2023; its groups are never
computed), and the index's own source line."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chiso.index import Framework
from chiso.index.report import UnitResult
from chiso.public.indices import index_label

# Who publishes each index, for the source line under its pages.
_PUBLISHERS = {
    "PCI": "VCCI",
    "PAR_INDEX": "Bộ Nội vụ",
    "SIPAS": "Bộ Nội vụ",
}


def source_note(framework: Framework) -> str:
    """The line under a results page naming the index's source and how its figures are found."""
    if framework.code == "PAPI":
        return _(
            "Nguồn: số liệu PAPI do CECODES, VFF-CRT, RTA và UNDP công bố; điểm, hạng và nhóm "
            "tính lại theo phương pháp PAPI (nhóm theo phân vị 25/50/75)."
        )
    publisher = _PUBLISHERS.get(framework.code, "")
    return _(
        "Nguồn: kết quả %(index)s do %(publisher)s công bố, nhập vào chiso cùng nguồn của từng "
        "số liệu; số liệu chưa đủ các năm, các tỉnh, thành phố: chỉ tính những gì số liệu cho "
        "phép."
    ) % {"index": index_label(framework.code), "publisher": publisher}


def _level_name(framework: Framework, lang: str) -> str:
    if len(framework.levels) < 2:
        return ""
    name = framework.levels[1].name.get(lang)
    return name[:1].lower() + name[1:]


def provenance(a: UnitResult | None, framework: Framework, lang: str) -> tuple[str, ...]:
    """For the composite of one year: what is published, what computed, what the data lack."""
    if a is None:
        return ()
    published: list[str] = []
    computed: list[str] = []
    missing: list[str] = []
    if a.computed:
        computed.append(
            _("điểm tổng hợp (từ các %(level)s)") % {"level": _level_name(framework, lang)}
        )
    else:
        published.append(_("điểm tổng hợp"))
    if a.rank is None:
        missing.append(_("thứ hạng"))
    else:
        (published if a.rank_published else computed).append(_("thứ hạng"))
    if a.tier is None:
        missing.append(_("nhóm"))
    elif a.group_published:
        published.append(_("nhóm"))
    elif framework.grouping == "bands":
        computed.append(_("nhóm (theo khoảng điểm cố định của năm)"))
    else:
        computed.append(_("nhóm"))
    notes = []
    if published:
        notes.append(_("Số liệu công bố: %(items)s.") % {"items": ", ".join(published)})
    if computed:
        notes.append(_("Do chiso tính: %(items)s.") % {"items": ", ".join(computed)})
    if missing:
        notes.append(_("Không có trong số liệu: %(items)s.") % {"items": ", ".join(missing)})
    if a.tier is None and framework.grouping == "published":
        notes.append(_("Nhóm chỉ lấy như đã công bố; chiso không tự xếp nhóm."))
    if a.weights_unconfirmed:
        notes.append(
            _(
                "Trọng số năm %(year)s chưa có nguồn công bố xác nhận: điểm tính ra chỉ để "
                "tham khảo."
            )
            % {"year": a.year}
        )
    if a.national_mean is None and framework.field_size is not None:
        notes.append(
            _(
                "Số liệu năm %(year)s chưa đủ %(of)s tỉnh, thành phố: không tính trung bình cả "
                "nước; thứ hạng chỉ có khi đã công bố."
            )
            % {"year": a.year, "of": framework.field_size}
        )
    return tuple(notes)
