"""The postings coverage as an XLSX file: one sheet per commune (posted or not), with its
villages and residential groups listed and posted, one per place, with the village it names;
the same figures as the coverage page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chiso.activities.coverage import PostingCoverage
from chiso.activities.models import Posting
from chiso.plans.models import Plan
from chiso.spreadsheets.xlsx import Column, Kind, Sheet, workbook_to_xlsx


def _still_posted(posting: Posting) -> str:
    if posting.checked_on is None:
        return ""
    return _("Còn niêm yết") if posting.still_posted else _("Không còn niêm yết")


def posting_coverage_xlsx(plan: Plan, coverage: PostingCoverage, postings: list[Posting]) -> bytes:
    source = _("%(number)s — %(title)s") % {"number": plan.number, "title": plan.title}
    communes = Sheet(
        _("Theo xã"),
        [
            Column(_("Huyện, thị xã, thành phố"), 30),
            Column(_("Xã, phường, thị trấn"), 32),
            Column(_("Tình trạng"), 16),
            Column(_("Số nơi"), 10, Kind.INT),
            Column(_("Niêm yết từ"), 14, Kind.DATE),
            Column(_("Kiểm tra lại gần nhất"), 14, Kind.DATE),
            Column(_("Số nơi không còn niêm yết"), 14, Kind.INT),
            Column(_("Số thôn, tổ dân phố"), 12, Kind.INT),
            Column(_("Thôn, tổ dân phố đã niêm yết"), 14, Kind.INT),
        ],
        [
            (
                str(d.district) if d.district else _("Chưa xếp theo huyện"),
                c.commune.name,
                _("Đã niêm yết") if c.posted else _("Chưa niêm yết"),
                c.places,
                c.first_posted,
                c.last_checked,
                c.taken_down,
                c.villages,
                c.villages_posted,
            )
            for d in coverage.districts
            for c in d.communes
        ],
        notes=(
            source,
            _("Xã đã niêm yết: %(posted)s/%(total)s")
            % {"posted": coverage.communes_posted, "total": coverage.communes_total},
            _("Thôn, tổ dân phố đã niêm yết: %(posted)s/%(total)s")
            % {"posted": coverage.villages_posted, "total": coverage.villages_total},
        ),
    )
    places = Sheet(
        _("Các nơi niêm yết"),
        [
            Column(_("Xã, phường, thị trấn"), 32),
            Column(_("Nơi niêm yết"), 26),
            Column(_("Thôn, tổ dân phố"), 24),
            Column(_("Địa chỉ, tên thôn"), 32, wrap=True),
            Column(_("Ngày niêm yết"), 14, Kind.DATE),
            Column(_("Ngày kiểm tra lại"), 14, Kind.DATE),
            Column(_("Khi kiểm tra"), 18),
            Column(_("Ghi chú"), 40, wrap=True),
        ],
        [
            (
                p.commune.name,
                p.get_place_type_display(),
                str(p.village) if p.village_id else "",
                p.place,
                p.posted_on,
                p.checked_on,
                _still_posted(p),
                p.notes,
            )
            for p in postings
        ],
        notes=(source,),
    )
    return workbook_to_xlsx([communes, places])
