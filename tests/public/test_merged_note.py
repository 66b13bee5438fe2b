"""A province merged into another (Province.merged_into, chiso.restructuring.merger): its public
profile says so and links to the successor's profile, in Vietnamese and English; the
successor's own page has no such note; the page's ETag changes with the merger."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from chiso.accounts.models import Province

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _ninh_thuan(province, merged: bool = True) -> Province:
    return Province.objects.create(
        code="58",
        name="Ninh Thuận",
        slug="ninh-thuan",
        merged_into=province if merged else None,
        merged_on=dt.date(2025, 7, 1) if merged else None,
    )


def test_a_merged_province_names_its_successor(client, papi, province) -> None:
    _ninh_thuan(province)
    response = client.get("/cong-khai/tinh/ninh-thuan/2022/")
    note = re.findall(r'<p[^>]*data-testid="merged-into".*?</p>', response.content.decode(), re.S)
    assert len(note) == 1
    assert 'href="/cong-khai/tinh/khanh-hoa/2022/"' in note[0]
    assert "Đã hợp nhất vào Khánh Hòa từ ngày 01/07/2025." in text_of(response)
    # The successor's own page says nothing of the kind.
    assert (
        'data-testid="merged-into"'
        not in client.get("/cong-khai/tinh/khanh-hoa/2022/").content.decode()
    )


def test_the_note_in_english_keeps_the_index(client, papi, province) -> None:
    _ninh_thuan(province)
    client.cookies["django_language"] = "en"
    response = client.get("/cong-khai/tinh/ninh-thuan/2022/")
    assert "Merged into Khánh Hòa on 01/07/2025." in text_of(response)


def test_no_note_before_the_merger_and_the_etag_changes(client, papi, province) -> None:
    absorbed = _ninh_thuan(province, merged=False)
    before = client.get("/cong-khai/tinh/ninh-thuan/2022/")
    assert 'data-testid="merged-into"' not in before.content.decode()
    absorbed.merged_into, absorbed.merged_on = province, dt.date(2025, 7, 1)
    absorbed.save()
    after = client.get("/cong-khai/tinh/ninh-thuan/2022/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert 'data-testid="merged-into"' in after.content.decode()
