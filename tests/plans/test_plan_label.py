"""A plan whose number is still a placeholder ("…/KH-UBND") is never named by it: links,
breadcrumbs, menus and public subtitles name it by its index and year ("Kế hoạch PAPI năm 2023",
"Kế hoạch PCI năm 2024"), so that a province's PAPI and PCI plans of one year never read alike,
and its documents' file names say the index when it is not PAPI."""

import datetime as dt

from django.utils import translation

from chiso.documents.generate import annex_document
from chiso.plans.models import Plan


def _plan(province, number: str, *, index: str = "PAPI", year: int = 2023) -> Plan:
    return Plan.objects.create(
        province=province,
        number=number,
        title=f"Kế hoạch {index} {year}",
        index=index,
        year=year,
        baseline_year=year - 1,
        issued_on=dt.date(year, 5, 26),
        is_public=True,
    )


def test_a_real_number_names_the_plan(world):
    assert world.plan.has_number and world.plan.label == "100/KH-UBND"
    assert world.plan.heading == "100/KH-UBND — Kế hoạch PAPI 2023"


def test_a_placeholder_number_is_never_shown(client, world, province):
    plan = _plan(province, "…/KH-UBND")
    assert not plan.has_number
    assert plan.label == "Kế hoạch PAPI năm 2023" and plan.heading == "Kế hoạch PAPI 2023"
    client.force_login(world.coordinator)
    page = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert "…/KH-UBND" not in page and "chưa có số" in page
    public = client.get(f"/cong-khai/ke-hoach/{plan.pk}/").content.decode()
    assert "…/KH-UBND" not in public and "Kế hoạch PAPI năm 2023" in public
    feedback = client.get(f"/cong-khai/ke-hoach/{plan.pk}/gop-y/").content.decode()
    assert "…/KH-UBND" not in feedback and "Kế hoạch PAPI năm 2023" in feedback


def test_two_plans_of_one_year_are_told_apart_by_their_index(province):
    """The demo's PAPI and PCI plans of 2024 both read "Kế hoạch năm 2024" before."""
    papi = _plan(province, "[Minh họa] …/KH-UBND-2024", year=2024)
    pci = _plan(province, "[Minh họa] …/KH-UBND-PCI-2024", index="PCI", year=2024)
    par = _plan(province, "…/KH-PAR", index="PAR INDEX", year=2024)
    assert [p.label for p in (papi, pci, par)] == [
        "Kế hoạch PAPI năm 2024",
        "Kế hoạch PCI năm 2024",
        "Kế hoạch PAR INDEX năm 2024",
    ]
    with translation.override("en"):
        assert [papi.label, pci.label] == ["PAPI plan for 2024", "PCI plan for 2024"]
    assert [p.file_tag for p in (papi, pci, par)] == ["2024", "pci-2024", "par-index-2024"]


def test_the_pages_that_list_plans_name_each_by_its_index(client, world, province):
    papi = _plan(province, "[Minh họa] …/KH-UBND-2024", year=2024)
    pci = _plan(province, "[Minh họa] …/KH-UBND-PCI-2024", index="PCI", year=2024)
    client.force_login(world.coordinator)
    documents = client.get("/tai-lieu/").content.decode()
    assert "Lời văn Kế hoạch PAPI năm 2024" in documents
    assert "Lời văn Kế hoạch PCI năm 2024" in documents
    assert "Lời văn kế hoạch 100/KH-UBND" in documents  # a numbered plan by its number
    others = client.get(f"/bang-dieu-khien/{world.plan.pk}/").content.decode()
    assert f'/bang-dieu-khien/{papi.pk}/">Kế hoạch PAPI năm 2024<' in others
    assert f'/bang-dieu-khien/{pci.pk}/">Kế hoạch PCI năm 2024<' in others
    assert "Kế hoạch năm 2024" not in documents + others


def test_a_pci_plans_documents_say_pci_in_their_file_names_and_papi_keeps_its_own(world, province):
    pci = _plan(province, "…/KH-UBND-PCI", index="PCI", year=2024)
    today = dt.date(2024, 8, 15)
    assert annex_document(pci, today).filename == "phu-luc-phan-cong-pci-2024.xlsx"
    assert annex_document(world.plan, today).filename == "phu-luc-phan-cong-2023.xlsx"
