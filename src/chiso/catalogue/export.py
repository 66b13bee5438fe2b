"""The catalogue as an XLSX workbook: the same columns the import reads back."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chiso.catalogue.services import COLUMNS
from chiso.index.catalogue import CatalogueEntry
from chiso.spreadsheets.xlsx import Column, Sheet, workbook_to_xlsx

WIDTHS = (10, 70, 18, 30, 10, 14)


def catalogue_workbook(entries: tuple[CatalogueEntry, ...], province: str) -> bytes:
    columns = [
        Column(h, w, wrap=i == 1) for i, (h, w) in enumerate(zip(COLUMNS, WIDTHS, strict=True))
    ]
    rows = [[e.code, e.title, " ".join(e.units), e.lead, e.source, e.ref] for e in entries]
    notes = [
        _("Danh mục nhiệm vụ cải thiện Chỉ số PAPI — %(province)s") % {"province": province},
        _("Sửa, thêm, xóa dòng rồi nhập lại tệp này: danh mục của tỉnh được thay toàn bộ."),
    ]
    return workbook_to_xlsx([Sheet(_("Danh mục"), columns, rows, notes)])
