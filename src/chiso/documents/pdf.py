"""DOCX → PDF with LibreOffice headless (`soffice --headless --convert-to pdf`).

Each conversion gets its own throw-away LibreOffice profile, so conversions running at the same
time (two users, or a user and the CLI) never fight over the profile lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

TIMEOUT_SECONDS = 180


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


def docx_to_pdf(docx: bytes) -> bytes:
    executable = require_pdf()
    with tempfile.TemporaryDirectory(prefix="chiso-pdf-") as tmp:
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
