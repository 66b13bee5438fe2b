"""A province enters its own published results for a year: the form and its service."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chiso.accounts.models import Agency, AgencyKind, Province, Role, User
from chiso.audit.models import AuditEntry
from chiso.index import Dataset, ScoreRecord, match_province
from chiso.results.models import ResultRelease, UnitScore
from chiso.results.store import import_dataset, load_results
from chiso.site import clock

URL = reverse("results:enter")
PCI_2023 = {  # Khánh Hòa's components are illustrative; the composite and rank as published
    "entry_costs": "7,5", "land_access": "6,9", "transparency": "6,2", "time_costs": "7,4",
    "informal_charges": "6,8", "policy_bias": "6,6", "proactivity": "6,9",
    "business_support": "6,3", "labor_training": "6,7", "legal_institutions": "7,2",
}  # fmt: skip


@pytest.fixture
def coordinator(db: Any, monkeypatch: pytest.MonkeyPatch) -> User:
    import datetime as dt

    monkeypatch.setattr(clock, "today", lambda: dt.date(2024, 8, 15))
    province = Province.objects.create(code="56", name="Khánh Hòa", slug="khanh-hoa")
    agency = Agency.objects.create(province=province, name="Sở Nội vụ", kind=AgencyKind.DEPARTMENT)
    return User.objects.create(
        username="sonoivu", role=Role.COORDINATOR, province=province, agency=agency
    )


def post(client: Client, user: User, **fields: str) -> Any:
    client.force_login(user)
    return client.post(URL, {"index": "PCI", "year": "2023", **fields})


def scores(**overrides: str) -> dict[str, str]:
    return {f"score-{code}": value for code, value in {**PCI_2023, **overrides}.items()}


def test_the_form_asks_for_every_component_and_the_published_figures(coordinator: User) -> None:
    client = Client()
    client.force_login(coordinator)
    page = client.get(URL, {"index": "PCI", "year": "2023"}).content.decode()
    for name in ("Gia nhập thị trường", "Chính sách hỗ trợ doanh nghiệp", "Thiết chế pháp lý"):
        assert name in page
    assert 'name="score-aggregate"' in page and 'name="rank"' in page and "Rất tốt" in page
    assert "trên 63 tỉnh" in page
    # PAR INDEX: areas in %, fixed bands (no published-group choice)
    page = client.get(URL, {"index": "PAR_INDEX", "year": "2023"}).content.decode()
    assert "Cải cách thủ tục hành chính" in page and "0–100 %" in page and "Nhóm A" not in page


def test_a_province_stores_its_year_keeping_other_provinces(coordinator: User) -> None:
    client = Client()
    response = post(client, coordinator, **scores(), **{"score-aggregate": "67,65", "rank": "31"})
    assert response.status_code == 302
    first = ResultRelease.objects.get(index="PCI", year=2023)
    assert UnitScore.objects.filter(release=first).count() == 11
    # another province's figures stored since stay when Khánh Hòa corrects its row
    stored = load_results("PCI").dataset
    th = match_province("Thanh Hóa", 2023)
    extra = ScoreRecord(2023, th, "aggregate", 66.79, rank=30)
    import_dataset(Dataset.build(stored.framework, [*stored.records, extra]))
    post(client, coordinator, **scores(transparency="6,3"), **{"score-aggregate": "67,65"})
    results = load_results("PCI")
    kh = results.unit_result("Khánh Hòa", 2023, "aggregate")
    assert kh is not None and (kh.score, kh.rank, kh.computed) == (67.65, None, False)
    assert results.unit_result("Khánh Hòa", 2023, "transparency").score == 6.3  # type: ignore[union-attr]
    thanh_hoa = results.unit_result("Thanh Hóa", 2023, "aggregate")
    assert thanh_hoa is not None and (thanh_hoa.score, thanh_hoa.rank) == (66.79, 30)
    assert ResultRelease.objects.filter(index="PCI", year=2023).count() == 3  # replaced kept
    assert AuditEntry.objects.filter(action="results.replace").exists()


def test_same_validation_as_an_import_names_the_field_and_saves_nothing(
    coordinator: User,
) -> None:
    client = Client()
    page = post(client, coordinator, **scores(transparency="12"), **{"score-aggregate": "67,65"})
    text = page.content.decode()
    assert page.status_code == 200 and "ngoài thang điểm 0–10" in text
    assert 'id="error-transparency"' in text
    page = post(client, coordinator, **scores(land_access=""), **{"score-aggregate": "x"})
    text = page.content.decode()
    assert 'id="error-aggregate"' in text and "Không phải là số" in text
    page = post(client, coordinator, **scores(land_access=""), **{"score-aggregate": "67"})
    assert 'id="error-land_access"' in page.content.decode()  # every component is required
    page = post(client, coordinator, **scores(), **{"score-aggregate": "67", "rank": "64"})
    assert "thứ hạng 64 nằm ngoài 1–63" in page.content.decode()
    assert not ResultRelease.objects.exists()


def test_2023_needs_the_published_composite_2021_computes_it(coordinator: User) -> None:
    client = Client()
    page = post(client, coordinator, **scores())  # 2023: no known weights
    assert 'id="error-aggregate"' in page.content.decode()
    response = client.post(URL, {"index": "PCI", "year": "2021", **scores()})
    assert response.status_code == 302
    kh = load_results("PCI").unit_result("Khánh Hòa", 2021, "aggregate")
    assert kh is not None and kh.computed and kh.score == pytest.approx(66.45)


def test_only_the_coordinator_enters_results(coordinator: User) -> None:
    reader = User.objects.create(
        username="lanhdao", role=Role.LEADERSHIP, province=coordinator.province
    )
    client = Client()
    client.force_login(reader)
    assert client.get(URL).status_code == 403
    assert post(client, reader, **scores()).status_code == 403
    assert not ResultRelease.objects.exists()


def test_a_refused_entry_keeps_what_was_typed(coordinator: User) -> None:
    client = Client()
    page = post(
        client,
        coordinator,
        **scores(transparency="12"),
        **{"score-aggregate": "67,65", "rank": "x"},
    )
    text = page.content.decode()
    assert 'value="12"' in text and 'value="7,5"' in text and 'value="67,65"' in text
    assert 'id="error-rank"' in text and "Thứ hạng là một số nguyên" in text
    assert not ResultRelease.objects.exists()


def test_the_service_refuses_with_the_form_fields_named(coordinator: User) -> None:
    from chiso.results.entry import EntryValues, enter_province_results
    from chiso.results.errors import ResultsError
    from chiso.workflow.errors import ServiceError

    typed = {code: float(value.replace(",", ".")) for code, value in PCI_2023.items()}
    missing = EntryValues({"aggregate": 67.65}, rank=None, group=None)
    with pytest.raises(ResultsError) as refused:
        enter_province_results(coordinator, "PCI", 2023, missing)
    assert isinstance(refused.value, ServiceError)
    assert {field for field, _message in refused.value.problems} == {
        f"score-{code}" for code in PCI_2023
    }
    out_of_scale = EntryValues({**typed, "aggregate": 67.65, "transparency": 12.0}, None, None)
    with pytest.raises(ResultsError) as refused:
        enter_province_results(coordinator, "PCI", 2023, out_of_scale)
    assert refused.value.field == "score-transparency" and "0–10" in refused.value.message
