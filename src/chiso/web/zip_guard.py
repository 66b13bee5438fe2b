"""Uploaded zip packages (.docx, .xlsx — Office Open XML) opened within limits.

A small upload can inflate to gigabytes (a "zip bomb"). Before any part of an uploaded package is
read — by chiso or by openpyxl — `open_package` checks it against `ZipLimits`:

1. the number of parts, from the end-of-archive record, before `zipfile` builds its index;
2. the sizes the archive declares for each part and in total;
3. what each part's compressed bytes really inflate to, counted in 64 KB steps and stopped as
   soon as a limit is passed. The declared sizes cannot be trusted: `zipfile` reads a part's
   whole compressed data and inflates it in one call before cutting it to the declared size, so
   a part that lies about its size would still be inflated in full by `ZipFile.read`. Once every
   part's real inflated size is known to be within the limits, reading the package is bounded.

The compression ratio is checked only for parts larger than `RATIO_FROM`: small XML parts
compress very well and are harmless. Only the methods OOXML uses (stored, deflated) are read.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

MiB = 1024 * 1024
CHUNK = 64 * 1024
RATIO_FROM = 1 * MiB
_END_RECORD = b"PK\x05\x06"
_END_RECORD_SIZE = 22
_LOCAL_HEADER = b"PK\x03\x04"
_LOCAL_HEADER_SIZE = 30


@dataclass(frozen=True)
class ZipLimits:
    member_bytes: int  # one part, inflated
    total_bytes: int  # all parts together, inflated
    ratio: int  # inflated / compressed, for parts over RATIO_FROM
    entries: int = 5000  # parts in the package


class ZipRefused(ValueError):
    """The package is over a limit or not a readable zip; `message` is translated and names the
    file, ready to show to the person who uploaded it."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def _mb(size: int) -> str:
    return f"{size / MiB:.0f}"


def _entry_count(stream: IO[bytes]) -> int:
    """The part count in the end-of-archive record (0xFFFF also when the archive is zip64)."""
    stream.seek(0, 2)
    size = stream.tell()
    tail_size = min(size, _END_RECORD_SIZE + 0xFFFF)  # the record plus the longest comment
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(_END_RECORD)
    if at < 0 or len(tail) - at < _END_RECORD_SIZE:
        raise zipfile.BadZipFile("no end-of-archive record")
    (count,) = struct.unpack_from("<H", tail, at + 10)
    return int(count)


def _data_offset(stream: IO[bytes], info: zipfile.ZipInfo) -> int:
    stream.seek(info.header_offset)
    header = stream.read(_LOCAL_HEADER_SIZE)
    if len(header) != _LOCAL_HEADER_SIZE or not header.startswith(_LOCAL_HEADER):
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    return int(info.header_offset + _LOCAL_HEADER_SIZE + name_length + extra_length)


def _inflated_size(stream: IO[bytes], info: zipfile.ZipInfo, cap: int) -> int:
    """What the part's compressed bytes inflate to; stops (returning more than `cap`) as soon
    as `cap` is passed, so never more than CHUNK bytes are held at once."""
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size
    stream.seek(_data_offset(stream, info))
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    left, total = info.compress_size, 0
    while left > 0 and not inflater.eof:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            break
        left -= len(chunk)
        total += len(inflater.decompress(chunk, CHUNK))
        while inflater.unconsumed_tail and total <= cap:
            total += len(inflater.decompress(inflater.unconsumed_tail, CHUNK))
        if total > cap:
            return total
    return total


def _too_big(name: str, info: zipfile.ZipInfo, limits: ZipLimits) -> ZipRefused:
    return ZipRefused(
        _(
            "Tệp “%(name)s” bị từ chối: phần “%(part)s” khi giải nén lớn hơn %(limit)s MB "
            "(có thể là tệp nén độc hại)."
        )
        % {"name": name, "part": info.filename, "limit": _mb(limits.member_bytes)}
    )


def _declared(name: str, info: zipfile.ZipInfo, limits: ZipLimits) -> None:
    """Refuse a part by what the archive says about it (cheap; checked before inflating)."""
    if info.flag_bits & 0x1:
        raise ZipRefused(_("Tệp “%(name)s” được đặt mật khẩu nên không đọc được.") % {"name": name})
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise zipfile.BadZipFile(f"compression method {info.compress_type}")
    if info.file_size > limits.member_bytes:
        raise _too_big(name, info, limits)


def _measured(name: str, stream: IO[bytes], info: zipfile.ZipInfo, limits: ZipLimits) -> int:
    """The part's real inflated size; raises ZipRefused over the member or ratio limit."""
    ratio_cap = max(RATIO_FROM, info.compress_size * limits.ratio)
    size = _inflated_size(stream, info, min(limits.member_bytes, ratio_cap))
    if size > limits.member_bytes:
        raise _too_big(name, info, limits)
    if size > ratio_cap:
        raise ZipRefused(
            _(
                "Tệp “%(name)s” bị từ chối: phần “%(part)s” nén bất thường (giải nén ra hơn "
                "%(ratio)s lần kích thước nén; có thể là tệp nén độc hại)."
            )
            % {"name": name, "part": info.filename, "ratio": limits.ratio}
        )
    return size


def _check_package(name: str, stream: IO[bytes], limits: ZipLimits) -> zipfile.ZipFile:
    too_many = ZipRefused(
        _("Tệp “%(name)s” bị từ chối: có hơn %(limit)s phần nén.")
        % {"name": name, "limit": limits.entries}
    )
    if _entry_count(stream) > limits.entries:
        raise too_many
    stream.seek(0)
    package = zipfile.ZipFile(stream)
    parts = package.infolist()
    if len(parts) > limits.entries:  # a zip64 archive counts past 0xFFFF
        raise too_many
    too_big = ZipRefused(
        _(
            "Tệp “%(name)s” bị từ chối: nội dung khi giải nén lớn hơn %(limit)s MB "
            "(có thể là tệp nén độc hại)."
        )
        % {"name": name, "limit": _mb(limits.total_bytes)}
    )
    for info in parts:
        _declared(name, info, limits)
    if sum(info.file_size for info in parts) > limits.total_bytes:
        raise too_big
    total = 0
    for info in parts:
        total += _measured(name, stream, info, limits)
        if total > limits.total_bytes:
            raise too_big
    stream.seek(0)
    return package


def open_package(name: str, stream: IO[bytes], limits: ZipLimits) -> zipfile.ZipFile:
    """The upload as an open ZipFile whose every part is known to inflate within `limits`.

    Raises ZipRefused (over a limit, password protected) and zipfile.BadZipFile (not a zip, or
    damaged: the caller words that for its own kind of file). `name` is the uploaded file's name,
    used in the messages.
    """
    try:
        return _check_package(name, stream, limits)
    except (OSError, EOFError, struct.error, zlib.error, ValueError) as exc:
        if isinstance(exc, ZipRefused):
            raise
        raise zipfile.BadZipFile(str(exc)) from exc
