"""Zip bombs built at test time (no binaries in the repository): small packages whose parts
inflate to hundreds of MB, and a way to measure the memory a call needs."""

from __future__ import annotations

import functools
import io
import struct
import tracemalloc
import zipfile
from collections.abc import Callable
from typing import Any

MiB = 1024 * 1024
BOMB_BYTES = 256 * MiB
DOCX_TYPES = (
    '<Types><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _zeros_into(package: zipfile.ZipFile, part: str, size: int) -> None:
    block = b"\0" * MiB
    with package.open(part, "w") as out:
        for _ in range(size // MiB):
            out.write(block)


@functools.cache
def bomb(part: str, size: int = BOMB_BYTES, others: tuple[tuple[str, str], ...] = ()) -> bytes:
    """A zip (a few hundred KB) whose `part` inflates to `size` zero bytes, written in 1 MB
    blocks so building it never holds the inflated part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in others:
            package.writestr(name, text)
        _zeros_into(package, part, size)
    return buffer.getvalue()


def docx_bomb() -> bytes:
    """A Word file with a real content-types part and a document part of 256 MB of zeros."""
    return bomb("word/document.xml", others=(("[Content_Types].xml", DOCX_TYPES),))


@functools.cache
def lying_bomb(part: str = "[Content_Types].xml", size: int = BOMB_BYTES) -> bytes:
    """`bomb(part)` whose headers (local and central directory) claim the part inflates to 100
    bytes: its true size shows only by inflating it."""
    data = bytearray(bomb(part, size))
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        struct.pack_into("<I", data, at + size_at, 100)
    return bytes(data)


def peak_memory(call: Callable[[], Any]) -> int:
    """Bytes allocated at the peak while `call` runs (exceptions are swallowed)."""
    tracemalloc.start()
    try:
        call()
    except Exception:  # noqa: BLE001 - the caller asserts the refusal separately
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak
