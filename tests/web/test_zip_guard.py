"""chiso.web.zip_guard: uploaded zip packages are opened only when every part inflates within
the limits, measured by inflating in small steps (the declared sizes can lie)."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from chiso.web.zip_guard import MiB, ZipLimits, ZipRefused, open_package
from tests.zip_bombs import BOMB_BYTES, bomb, lying_bomb, peak_memory

LIMITS = ZipLimits(member_bytes=8 * MiB, total_bytes=12 * MiB, ratio=100, entries=10)


def package(parts: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    buffer.seek(0)
    return buffer


def encrypted(stream: io.BytesIO) -> io.BytesIO:
    """The package with its parts flagged as encrypted (zipfile cannot write encryption)."""
    data = bytearray(stream.getvalue())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + flags_at] |= 0x1
    return io.BytesIO(bytes(data))


def noise(size: int, seed: int = 0) -> bytes:
    """Bytes that do not compress (pictures in a document behave like this)."""
    return random.Random(seed).randbytes(size)


def refusal(stream: io.BytesIO, limits: ZipLimits = LIMITS) -> str:
    with pytest.raises(ZipRefused) as error:
        open_package("tep.xlsx", stream, limits)
    assert "“tep.xlsx”" in error.value.message
    return error.value.message


def test_a_normal_package_opens_and_reads():
    parts = {"[Content_Types].xml": b"<Types/>", "xl/media/anh.png": noise(3 * MiB)}
    with open_package("tep.xlsx", package(parts), LIMITS) as opened:
        assert opened.read("xl/media/anh.png") == parts["xl/media/anh.png"]


def test_small_parts_may_compress_very_well():
    with open_package("tep.xlsx", package({"a.xml": b"<r/>" * 200_000}), LIMITS) as opened:
        assert len(opened.read("a.xml")) == 800_000  # ratio > 100, but under RATIO_FROM


def test_a_part_over_the_member_limit():
    message = refusal(package({"xl/media/to.png": noise(9 * MiB)}))
    assert "phần “xl/media/to.png” khi giải nén lớn hơn 8 MB" in message


def test_parts_over_the_total_limit():
    parts = {f"xl/media/{n}.png": noise(5 * MiB, n) for n in range(3)}
    assert "nội dung khi giải nén lớn hơn 12 MB" in refusal(package(parts))


def test_an_abnormal_compression_ratio():
    message = refusal(package({"xl/sharedStrings.xml": b"\0" * (2 * MiB)}))
    assert "phần “xl/sharedStrings.xml” nén bất thường" in message


def test_too_many_parts():
    parts = {f"p{n}.xml": b"<p/>" for n in range(11)}
    assert "có hơn 10 phần nén" in refusal(package(parts))


def test_password_protected():
    assert "mật khẩu" in refusal(encrypted(package({"a.xml": b"<a/>"})))


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not a zip", b"%PDF-1.4"])
def test_not_a_zip(data):
    with pytest.raises(zipfile.BadZipFile):
        open_package("tep.xlsx", io.BytesIO(data), LIMITS)


def test_lying_sizes_are_measured_without_holding_the_inflated_part():
    data = lying_bomb("xl/sharedStrings.xml")
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/sharedStrings.xml").file_size == 100
    assert "phần “xl/sharedStrings.xml” khi giải nén lớn hơn 8 MB" in refusal(io.BytesIO(data))
    # zipfile itself would inflate the whole part to read its claimed 100 bytes
    assert peak_memory(lambda: open_package("t.xlsx", io.BytesIO(data), LIMITS)) < 4 * MiB


def test_a_limit_above_the_bomb_still_bounds_memory():
    """Even when the limits allow the bomb, measuring it holds only small blocks."""
    roomy = ZipLimits(member_bytes=2 * BOMB_BYTES, total_bytes=2 * BOMB_BYTES, ratio=10_000)
    data = bomb("xl/sharedStrings.xml")
    assert peak_memory(lambda: open_package("t.xlsx", io.BytesIO(data), roomy)) < 4 * MiB
