"""Evidence files: what is accepted (by content, not by name), and how it is stored.

A file is accepted when its bytes are a PDF, a Word (.docx) or Excel (.xlsx) document, or a
JPEG/PNG image, its extension agrees with that content, and it is within the size limit. A Word
or Excel file is a zip package: it is opened only through `chiso.web.zip_guard`, so a small file
that would inflate to gigabytes is refused before it is read. Stored names are random (see
`models.evidence_path`); the original name is kept for downloads.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext as _

from chiso.plans.errors import PlanError
from chiso.plans.models import Evidence, ProgressReport
from chiso.web.zip_guard import MiB, ZipLimits, ZipRefused, open_package

if TYPE_CHECKING:
    from chiso.accounts.models import User


@dataclass(frozen=True)
class EvidenceKind:
    code: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = EvidenceKind("pdf", "PDF", "application/pdf", (".pdf",))
DOCX = EvidenceKind(
    "docx",
    "Word (.docx)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = EvidenceKind(
    "xlsx",
    "Excel (.xlsx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx",),
)
JPEG = EvidenceKind("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg"))
PNG = EvidenceKind("png", "PNG", "image/png", (".png",))
KINDS = (PDF, DOCX, XLSX, JPEG, PNG)
ACCEPTED_EXTENSIONS = tuple(ext for kind in KINDS for ext in kind.extensions)

# The part an Office Open XML package declares for its main document, per kind.
_OOXML_MAIN = {
    DOCX: b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    XLSX: b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
# What a Word or Excel upload (at most CHISO_MAX_EVIDENCE_BYTES) may inflate to. Pictures inside
# are stored nearly uncompressed; text parts compress 5-20 times.
ZIP_LIMITS = ZipLimits(member_bytes=64 * MiB, total_bytes=160 * MiB, ratio=100)
# `[Content_Types].xml` lists a few dozen parts; more than this is not a real document.
_CONTENT_TYPES_BYTES = 1 * MiB


@dataclass(frozen=True)
class CheckedFile:
    upload: Any  # a Django UploadedFile (or File) positioned anywhere
    name: str
    kind: EvidenceKind
    size: int
    sha256: str


def _ooxml_kind(name: str, stream: IO[bytes]) -> EvidenceKind | None:
    """DOCX or XLSX by the package's declared main part; raises ZipRefused over the limits."""
    try:
        with (
            open_package(name, stream, ZIP_LIMITS) as package,
            package.open("[Content_Types].xml") as part,
        ):
            declared = part.read(_CONTENT_TYPES_BYTES + 1)
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    if len(declared) > _CONTENT_TYPES_BYTES:
        return None
    for kind, main in _OOXML_MAIN.items():
        if main in declared:
            return kind
    return None


def detect_kind(name: str, stream: IO[bytes]) -> EvidenceKind | None:
    """The kind the bytes really are, or None. Leaves the stream at its start. Raises
    ZipRefused when a zip package is over the limits (the message names `name`)."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            return _ooxml_kind(name, stream)
        finally:
            stream.seek(0)
    return None


def check_upload(upload: Any) -> CheckedFile:
    """Accept or refuse one uploaded file; the error names the file."""
    name = PurePath(upload.name or "").name
    limit = settings.CHISO_MAX_EVIDENCE_BYTES
    size = upload.size
    if size == 0:
        raise PlanError(_("Tệp “%(name)s” rỗng.") % {"name": name}, "files")
    if size > limit:
        raise PlanError(
            _("Tệp “%(name)s” lớn %(size)s MB, vượt giới hạn %(limit)s MB.")
            % {"name": name, "size": f"{size / 1048576:.1f}", "limit": f"{limit / 1048576:.0f}"},
            "files",
        )
    extension = PurePath(name).suffix.lower()
    if extension not in ACCEPTED_EXTENSIONS:
        raise PlanError(
            _("Tệp “%(name)s”: chỉ nhận PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc PNG.")
            % {"name": name},
            "files",
        )
    try:
        kind = detect_kind(name, upload.file)
    except ZipRefused as exc:
        raise PlanError(exc.message, "files") from None
    if kind is None or extension not in kind.extensions:
        found = kind.label if kind else _("không xác định")
        raise PlanError(
            _("Tệp “%(name)s” có đuôi %(ext)s nhưng nội dung không khớp (nội dung: %(found)s).")
            % {"name": name, "ext": extension, "found": found},
            "files",
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(upload, name, kind, size, digest.hexdigest())


def store(report: ProgressReport, checked: CheckedFile, user: User) -> Evidence:
    evidence = Evidence(
        province_id=report.province_id,
        report=report,
        original_name=checked.name[:255],
        content_type=checked.kind.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=user,
    )
    evidence.file.save(checked.name, checked.upload, save=False)
    evidence.save()
    return evidence


def carry(report: ProgressReport, earlier: Evidence) -> Evidence:
    """An earlier report's file, attached to its revision: a new row naming the same stored file
    (files are never deleted or overwritten, so both reports keep it)."""
    return Evidence.objects.create(
        province_id=report.province_id,
        report=report,
        file=earlier.file.name,
        original_name=earlier.original_name,
        content_type=earlier.content_type,
        size=earlier.size,
        sha256=earlier.sha256,
        uploaded_by_id=earlier.uploaded_by_id,
    )
