"""DOCX → PDF with LibreOffice headless (`soffice --headless --convert-to pdf`).

Each conversion gets its own throw-away LibreOffice profile, so conversions running at the same
time (two workers, or a worker and the CLI) never fight over the profile lock. At most
`CHISO_PDF_CONCURRENCY` conversions run at once on a machine, however many workers run: each
holds one of that many lock files (`flock`, released by the kernel if the process dies).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

TIMEOUT_SECONDS = 180
SLOT_POLL_SECONDS = 0.5


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed, or the conversion failed."""


def soffice() -> str | None:
    """The LibreOffice executable (`CHISO_SOFFICE` overrides the PATH search)."""
    configured = os.environ.get("CHISO_SOFFICE")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    return soffice() is not None


def require_pdf() -> str:
    found = soffice()
    if found is None:
        raise PdfUnavailable(
            _(
                "Không tạo được PDF: máy chủ chưa cài LibreOffice (lệnh soffice). Cài bằng "
                "apt-get install libreoffice-writer-nogui, hoặc tải tệp DOCX."
            )
        )
    return found


@contextlib.contextmanager
def conversion_slot(
    slots: int | None = None, wait_seconds: float = TIMEOUT_SECONDS
) -> Iterator[int]:
    """Hold one of the machine's LibreOffice slots (waits for a free one)."""
    count = max(1, slots if slots is not None else settings.CHISO_PDF_CONCURRENCY)
    folder = Path(settings.CHISO_LOCK_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        for slot in range(count):
            handle = (folder / f"soffice-{slot}.lock").open("a")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            try:
                yield slot
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            return
        if time.monotonic() > deadline:
            raise PdfUnavailable(_("Máy chủ đang bận chuyển văn bản sang PDF; sẽ thử lại."))
        time.sleep(SLOT_POLL_SECONDS)


def docx_to_pdf(docx: bytes) -> bytes:
    executable = require_pdf()
    with conversion_slot(), tempfile.TemporaryDirectory(prefix="chiso-pdf-") as tmp:
        work = Path(tmp)
        source = work / "document.docx"
        source.write_bytes(docx)
        command = [
            executable,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, cwd=work
            )
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(
                _("LibreOffice không chuyển xong sang PDF sau %(s)d giây.") % {"s": TIMEOUT_SECONDS}
            ) from None
        target = work / "document.pdf"
        if done.returncode != 0 or not target.exists():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-300:]
            raise PdfUnavailable(
                _("LibreOffice không chuyển được sang PDF: %(detail)s") % {"detail": detail}
            )
        return target.read_bytes()
