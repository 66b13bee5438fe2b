"""The analysis report on PCI (and any index besides PAPI): known answers from the published
tables in ../shared/data/pci, read in place; parts the partial data cannot support say so
instead of failing or inventing figures; the documents page and `chiso report` ask for an index."""

from __future__ import annotations

import datetime as dt
import io
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from docx import Document

from chiso.accounts.models import Role
from chiso.documents.analysis import AnalysisRequest, NoAggregate, build_analysis
from chiso.documents.generate import DocumentError, analysis_document
from chiso.documents.letterhead import home_affairs_letterhead
from chiso.documents.models import DocumentJob, JobState
from chiso.documents.services import create_job, run_job
from chiso.index.cli import load_from_path
from chiso.index.results import Results
from chiso.site import clock

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DATE = dt.date(2024, 9, 1)


@pytest.fixture(scope="module")
def pci() -> Results:
    if not (SHARED / "pci").is_dir():
        pytest.fail(f"PCI data not found at {SHARED / 'pci'}")
    return load_from_path(str(SHARED / "pci"), "PCI")


def texts(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs if p.text.strip()]


def analysis(results: Results, province: str, year: int) -> list[str]:
    letterhead = home_affairs_letterhead(province, DATE)
    return texts(build_analysis(results, AnalysisRequest(province, year), letterhead))


def test_pci_year_with_components_but_a_partial_table(pci: Results) -> None:
    # Thanh Hóa 2023: the published composite, rank and the ten components; 2023's table lists
    # only the top 30, so there is no national mean, no strengths/weaknesses, no threshold.
    lines = analysis(pci, "Thanh Hóa", 2023)
    assert "Phân tích kết quả Chỉ số PCI năm 2023 của tỉnh Thanh Hóa" in lines
    assert (
        "Chỉ số tổng hợp PCI năm 2023 của tỉnh Thanh Hóa đạt 66,79 điểm; chưa có điểm trung "
        "bình chung các tỉnh/thành phố để so sánh, xếp thứ hạng 30/63 tỉnh/thành phố; tăng 3,12 "
        "điểm và 17 bậc so với năm 2022." in lines
    )
    assert (
        "Nguồn số liệu của năm 2023: số liệu công bố: điểm tổng hợp, thứ hạng; không có trong "
        "số liệu: nhóm." in lines
    )
    headings = [t for t in lines if t[:3] in {"I. ", "II.", "III", "IV.", "V. ", "VI.", "VII"}]
    assert headings == [
        "I. KẾT QUẢ CHUNG CHỈ SỐ PCI NĂM 2023",
        "II. KẾT QUẢ CÁC CHỈ SỐ THÀNH PHẦN",
        "III. ĐIỂM MẠNH VÀ ĐIỂM YẾU",
        "IV. CÁC CHỈ SỐ GIẢM ĐIỂM SO VỚI NĂM 2022",
        "V. YÊU CẦU ĐỂ ĐẠT MỤC TIÊU NĂM 2024",
    ]  # no sub-level, no peers (they need the whole field's components)
    assert any(t.startswith("Số liệu năm 2023 chưa đủ các tỉnh, thành phố") for t in lines)
    assert any(t.startswith("Số liệu năm 2023 chỉ gồm một phần các tỉnh") for t in lines)
    assert lines[-1].startswith("Trên đây là báo cáo phân tích kết quả Chỉ số PCI năm 2023")


def test_pci_components_table_and_history(pci: Results) -> None:
    letterhead = home_affairs_letterhead("Thanh Hóa", DATE)
    doc = Document(io.BytesIO(build_analysis(pci, AnalysisRequest("Thanh Hóa", 2023), letterhead)))
    history, components = doc.tables[1], doc.tables[2]
    assert [c.text for c in history.rows[0].cells] == ["Năm", "Điểm tổng hợp", "Thứ hạng", "Nhóm"]
    assert [c.text for c in history.rows[-1].cells] == ["2023", "66,79", "30/63", "—"]
    assert len(components.rows) == 11  # header + the ten PCI components, in the framework's order
    assert [c.text for c in components.rows[1].cells] == [
        "entry_costs", "Gia nhập thị trường", "7,45", "—", "—", "—", "+0,91"
    ]  # fmt: skip


def test_pci_composite_only_year_gives_the_rank_goal_threshold(pci: Results) -> None:
    # Khánh Hòa 2020: the full table's composite (63,98, 26/63) but no components: the top-ten
    # goal's threshold is found among the 62 others; how much a year can add is unknown.
    lines = analysis(pci, "Khánh Hòa", 2020)
    assert (
        "Chỉ số tổng hợp PCI năm 2020 của tỉnh Khánh Hòa đạt 63,98 điểm; thấp hơn trung bình "
        "chung các tỉnh/thành phố 0,40 điểm, xếp thứ hạng 26/63 tỉnh/thành phố." in lines
    )
    assert "II. YÊU CẦU ĐỂ ĐẠT MỤC TIÊU NĂM 2021" in lines
    assert (
        "Mục tiêu: điểm tổng hợp năm 2021 xếp hạng 10 trở lên. Với điểm của các tỉnh/thành phố "
        "khác như năm 2020, tỉnh cần đạt từ 66,74 điểm (năm 2020 đạt 63,98 điểm), tức cần tăng "
        "2,76 điểm." in lines
    )
    assert any(t.startswith("Số liệu năm 2020 chưa có điểm các chỉ số thành phần") for t in lines)
    assert not any("vượt khả năng thực tế" in t for t in lines)


def test_published_group_is_named_as_published(pci: Results) -> None:
    lines = analysis(pci, "Hải Phòng", 2021)
    assert any("xếp thứ hạng 2/63 tỉnh/thành phố, thuộc nhóm đạt điểm “Tốt”" in t for t in lines)
    assert "Nguồn số liệu của năm 2021: số liệu công bố: điểm tổng hợp, thứ hạng, nhóm." in lines


def test_a_province_missing_from_a_partial_year_is_refused_with_the_reason(pci: Results) -> None:
    letterhead = home_affairs_letterhead("Khánh Hòa", DATE)
    with pytest.raises(NoAggregate):
        build_analysis(pci, AnalysisRequest("Khánh Hòa", 2023), letterhead)
    with pytest.raises(DocumentError, match="PCI năm 2023 không có điểm tổng hợp của Khánh Hòa"):
        analysis_document(pci, "Khánh Hòa", 2023, letterhead)
    made = analysis_document(pci, "Thanh Hóa", 2023, letterhead)
    assert made.filename == "bao-cao-phan-tich-pci-2023.docx"


def test_report_command_takes_the_index(tmp_path: Path) -> None:
    out = tmp_path / "pci.docx"
    args = ["report", "analysis", "--province", "Thanh Hóa", "--year", "2023", "--index", "PCI"]
    call_command(
        *args, "--data", str(SHARED / "pci"), "--date", "2024-09-01", "--out", str(out),
        stdout=StringIO(),
    )  # fmt: skip
    assert any(t.startswith("Chỉ số tổng hợp PCI năm 2023") for t in texts(out.read_bytes()))
    with pytest.raises(CommandError, match="NOPE"):
        call_command(
            "report", "analysis", "--province", "Thanh Hóa", "--year", "2023", "--index", "NOPE",
            "--data", str(SHARED / "pci"), "--out", str(out), stdout=StringIO(),
        )  # fmt: skip


@pytest.fixture
def stored_pci(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: dt.date(2025, 6, 1))
    call_command("import_results", str(SHARED / "pci"), "--index", "PCI", stdout=StringIO())


@pytest.mark.django_db
def test_documents_page_queues_an_analysis_of_another_index(
    client: Any, make_user: Any, province: Any, agencies: dict[str, Any], stored_pci: None
) -> None:
    coordinator = make_user("snv", Role.COORDINATOR, province, agencies["home"])
    client.force_login(coordinator)
    page = reverse("documents:page")
    form = client.get(page).context["form"]
    assert [code for code, _label in form.fields["index"].choices] == ["PCI"]  # no PAPI stored
    response = client.post(page, {"kind": "analysis", "year": 2020, "index": "PCI", "fmt": "docx"})
    assert response.status_code == 302
    job = DocumentJob.objects.get()
    assert (job.index, job.year) == ("PCI", 2020)
    run_job(job.pk)
    job.refresh_from_db()
    assert (job.state, job.filename) == (JobState.DONE, "bao-cao-phan-tich-pci-2020.docx")
    assert any("63,98 điểm" in t for t in texts(job.file.read()))
    missing = create_job(coordinator, "analysis", "docx", year=2023, index="PCI")
    run_job(missing.pk)
    missing.refresh_from_db()
    assert missing.state == JobState.FAILED and "của Khánh Hòa" in missing.error
    with pytest.raises(DocumentError, match="NOPE"):
        create_job(coordinator, "analysis", "docx", year=2020, index="NOPE")


@pytest.mark.django_db
def test_the_register_issues_an_analysis_of_another_index(
    client: Any,
    make_user: Any,
    province: Any,
    agencies: dict[str, Any],
    stored_pci: None,
    inline_jobs: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """Issue 18: the register's analysis report offers the indices with stored results (PCI
    here, no PAPI stored), numbers it and names the index in its summary line."""
    from chiso.documents.models import RegisterEntry

    coordinator = make_user("snv", Role.COORDINATOR, province, agencies["home"])
    client.force_login(coordinator)
    url = reverse("documents:register")
    form = client.get(url).context["form"]
    assert [code for code, _label in form.fields["index"].choices] == ["PCI"]
    assert 2020 in [y for y, _label in form.fields["results_year"].choices]
    issue = {"kind": "analysis", "index": "PCI", "results_year": 2020, "fmt": "docx"}
    issue |= {"issued_on": "01/06/2025", "signer": "Lê Văn A", "signer_title": "GIÁM ĐỐC"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, issue)
    assert response.status_code == 302
    entry = RegisterEntry.objects.get()
    assert entry.summary == "Kết quả Chỉ số PCI năm 2020"
    assert (entry.job.index, entry.job.state) == ("PCI", JobState.DONE)
    assert any("63,98 điểm" in t for t in texts(entry.job.file.read()))


@pytest.mark.django_db
def test_only_indices_the_province_has_results_on_are_offered(
    client: Any, make_user: Any, province: Any, agencies: dict[str, Any], stored_pci: None
) -> None:
    """Issue 18: PCI's stored tables name Khánh Hòa in 2020 only (2021–2024 list the top 30):
    the documents page and the register offer "PCI (2020)"; PCI 2023 and an index without
    results (SIPAS) are refused by the form with the reason — no job queued, no number given."""
    from chiso.documents.models import RegisterEntry

    coordinator = make_user("snv", Role.COORDINATOR, province, agencies["home"])
    client.force_login(coordinator)
    page = reverse("documents:page")
    assert client.get(page).context["form"].fields["index"].choices == [("PCI", "PCI (2020)")]
    later = client.post(page, {"kind": "analysis", "year": 2023, "index": "PCI", "fmt": "docx"})
    assert later.status_code == 200
    assert later.context["form"].errors["year"] == [
        "Tỉnh không có kết quả PCI năm 2023 (có: 2020)."
    ]
    sipas = client.post(page, {"kind": "analysis", "year": 2020, "index": "SIPAS", "fmt": "docx"})
    assert sipas.context["form"].errors["index"] == [
        "Tỉnh chưa có kết quả chỉ số SIPAS trong hệ thống: không lập được báo cáo phân tích."
    ]
    assert not DocumentJob.objects.exists()
    url = reverse("documents:register")
    assert client.get(url).context["form"].fields["index"].choices == [("PCI", "PCI (2020)")]
    issue = {"kind": "analysis", "index": "PCI", "results_year": 2023, "fmt": "docx"}
    issue |= {"issued_on": "01/06/2025", "signer": "Lê Văn A", "signer_title": "GIÁM ĐỐC"}
    refused = client.post(url, issue)
    assert refused.status_code == 200 and refused.context["form"].errors["results_year"] == [
        "Tỉnh không có kết quả PCI năm 2023 (có: 2020)."
    ]
    refused = client.post(url, issue | {"index": "PAR_INDEX", "results_year": 2020})
    assert "PAR_INDEX" in refused.context["form"].errors["index"][0]
    assert not RegisterEntry.objects.exists() and not DocumentJob.objects.exists()


@pytest.mark.django_db
def test_a_province_without_any_results_is_told_so(
    client: Any, make_user: Any, province: Any, agencies: dict[str, Any]
) -> None:
    """Nothing stored: no index offered; an analysis asked for anyway is refused by the form,
    while a plan's documents are not held up by the analysis' index field."""
    coordinator = make_user("snv", Role.COORDINATOR, province, agencies["home"])
    client.force_login(coordinator)
    page = reverse("documents:page")
    assert client.get(page).context["form"].fields["index"].choices == []
    asked = client.post(page, {"kind": "analysis", "year": "", "index": "PAPI", "fmt": "docx"})
    assert "PAPI" in asked.context["form"].errors["index"][0]
    assert not DocumentJob.objects.exists()


def test_year_spans() -> None:
    from chiso.documents.forms import year_span

    assert year_span((2011, 2012, 2013, 2024)) == "2011–2013, 2024"
    assert year_span((2015, 2017, 2018, 2019)) == "2015, 2017–2019"
    assert year_span(()) == ""
