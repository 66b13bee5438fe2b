"""Published PAPI results 2011–2024 and PCI results 2015–2024 (VCCI's published tables, partial:
complete rows for some years, the top 30 for others), imported from the shared data folder when
it is present."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings

from chiso.results.models import ResultRelease
from chiso.results.store import import_results

Say = Callable[[str], None]
FIRST_YEAR, LAST_YEAR = 2011, 2024


def load(say: Say) -> None:
    folder = settings.CHISO_SHARED_DIR / "data" / "papi-subdimensions"
    stored = set(
        ResultRelease.objects.current().filter(index="PAPI").values_list("year", flat=True)
    )
    if set(range(FIRST_YEAR, LAST_YEAR + 1)) <= stored:
        say(f"  kết quả PAPI {FIRST_YEAR}–{LAST_YEAR} đã có trong cơ sở dữ liệu")
        return
    if not folder.is_dir():
        say(
            f"  không tìm thấy số liệu PAPI tại {folder}: đặt CHISO_SHARED_DIR hoặc chạy "
            "`.venv/bin/chiso import-results <thư mục hoặc tệp>` để nạp kết quả"
        )
        return
    summary = import_results(folder)
    years = f"{min(summary.years)}–{max(summary.years)}"
    say(f"  đã nạp {summary.scores} điểm số PAPI {years} từ {folder}")


PCI_YEARS = range(2015, 2025)


def load_pci(say: Say) -> None:
    """PCI results for the PCI plan's objectives (chiso.demo.pci2024); skipped without the
    shared data, like PAPI's."""
    folder = settings.CHISO_SHARED_DIR / "data" / "pci"
    stored = set(ResultRelease.objects.current().filter(index="PCI").values_list("year", flat=True))
    if set(PCI_YEARS) <= stored:
        say(f"  kết quả PCI {PCI_YEARS[0]}–{PCI_YEARS[-1]} đã có trong cơ sở dữ liệu")
        return
    if not folder.is_dir():
        say(f"  không tìm thấy số liệu PCI tại {folder}: bỏ qua (import-results … --index PCI)")
        return
    summary = import_results(folder, index="PCI")
    say(f"  đã nạp {summary.scores} điểm số PCI {min(summary.years)}–{max(summary.years)}")
