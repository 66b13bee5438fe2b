"""The target page on PCI (shared data, read in place): an index chosen by `?bo-chi-so=`, and a
goal whose baseline year has only the published composite said to lack components, not to be
out of reach."""

from __future__ import annotations

import re
from typing import Any

import pytest

from chiso.index import Results, compute, read_wide
from tests.conftest import PAPI_DATA_DIR

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def pci() -> Results:
    return compute(read_wide(PAPI_DATA_DIR.parent / "pci", "PCI"))


@pytest.fixture
def served_pci(papi: Results, pci: Results, monkeypatch: pytest.MonkeyPatch) -> Results:
    monkeypatch.setattr(
        "chiso.targets.views.load_results", lambda index="PAPI": pci if index == "PCI" else papi
    )
    return pci


def text_of(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_a_pci_goal_without_components_says_what_is_missing(
    client: Any, served_pci: Results, officer: Any
) -> None:
    client.force_login(officer)
    query = {"bo-chi-so": "pci", "nam": "2021", "muc_tieu": "diem", "diem": "65"}
    text = text_of(client.get("/ket-qua/muc-tieu/", query))
    # Khánh Hòa's 2020 PCI: 63,98 and 26th, published without any component.
    assert "Khánh Hòa — Chỉ số PCI năm 2021: đạt 65,00 điểm" in text
    assert "Thiếu điểm chỉ số thành phần năm 2020: chưa tính được lộ trình" in text
    assert "chỉ có điểm tổng hợp, không có điểm của chỉ số thành phần nào" in text
    assert "đây không phải là mục tiêu không thể đạt" in text
    assert "Không thể đạt trong một năm" not in text
    assert "Hạng 26/63" in text and "+1,02" in text


def test_a_pci_goal_with_components_is_split(
    client: Any, served_pci: Results, make_user: Any
) -> None:
    from chiso.accounts.models import Province, Role

    dong_thap = Province.objects.create(code="87", name="Đồng Tháp", slug="dong-thap")
    client.force_login(make_user("dongthap", Role.AGENCY_OFFICER, dong_thap))
    query = {"bo-chi-so": "pci", "nam": "2020", "muc_tieu": "diem", "diem": "73"}
    text = text_of(client.get("/ket-qua/muc-tieu/", query))
    assert "Thiếu điểm chỉ số thành phần" not in text
    assert "72,10" in text and "+0,90" in text  # 2019's complete row, 0,90 to go
    assert "Tính minh bạch" in text  # the split over the ten components


def test_pci_form_offers_no_tier_goal(client: Any, served_pci: Results, officer: Any) -> None:
    client.force_login(officer)
    html = client.get("/ket-qua/muc-tieu/", {"bo-chi-so": "pci"}).content.decode()
    assert 'value="nhom"' not in html  # PCI's groups are only ever published
    assert 'name="bo-chi-so" value="pci"' in html
    assert client.get("/ket-qua/muc-tieu/", {"bo-chi-so": "xyz"}).status_code == 404
