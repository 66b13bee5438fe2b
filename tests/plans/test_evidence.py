"""Evidence files are accepted by content (magic bytes), not by name, within the size limit."""

from __future__ import annotations

import pytest
from django.utils import translation

from chiso.plans import services
from chiso.plans.evidence import check_upload
from chiso.plans.models import Evidence, ProgressReport
from tests.plans.conftest import DOCX_MAIN, XLSX_MAIN, ooxml_bytes, pdf_bytes, png_bytes, upload
from tests.zip_bombs import bomb, docx_bomb, lying_bomb, peak_memory


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("bao-cao.pdf", pdf_bytes(), "application/pdf"),
        ("anh.PNG", png_bytes(), "image/png"),
        ("anh.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        (
            "bien-ban.docx",
            ooxml_bytes(DOCX_MAIN),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "so-lieu.xlsx",
            ooxml_bytes(XLSX_MAIN),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ],
)
def test_real_files_are_accepted(name, content, content_type):
    checked = check_upload(upload(name, content))
    assert checked.kind.content_type == content_type
    assert checked.size == len(content)
    assert len(checked.sha256) == 64


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("gia-mao.pdf", png_bytes(), "nội dung: PNG"),
        ("van-ban.docx", ooxml_bytes(XLSX_MAIN), "nội dung: Excel"),
        ("nen.docx", b"PK\x03\x04not really a zip", "không xác định"),
        ("chuong-trinh.exe", b"MZ\x90\x00", "chỉ nhận PDF"),
        ("rong.pdf", b"", "rỗng"),
    ],
)
def test_disguised_or_unsupported_files_are_refused(name, content, message):
    with pytest.raises(services.PlanError, match=message) as error:
        check_upload(upload(name, content))
    assert name in error.value.message
    assert error.value.field == "files"


def test_size_limit(settings):
    settings.CHISO_MAX_EVIDENCE_BYTES = 100
    with pytest.raises(services.PlanError, match="vượt giới hạn"):
        check_upload(upload("lon.pdf", pdf_bytes() + b"0" * 200))


def test_one_bad_file_saves_nothing(world, district_task, settings):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    with pytest.raises(services.PlanError, match="gia-mao.pdf"):
        services.submit_report(
            world.nhatrang,
            assignment,
            narrative="Kèm minh chứng",
            progress=50,
            files=[upload("that.pdf", pdf_bytes()), upload("gia-mao.pdf", png_bytes())],
        )
    assert ProgressReport.objects.count() == 0
    assert Evidence.objects.count() == 0
    media = settings.MEDIA_ROOT
    assert not any(p.is_file() for p in media.rglob("*")) if media.exists() else True


def test_stored_under_a_random_name(world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(
        world.nhatrang,
        assignment,
        narrative="x",
        progress=10,
        files=[upload("Biên bản niêm yết.pdf", pdf_bytes())],
    )
    evidence = report.evidence.get()
    assert evidence.original_name == "Biên bản niêm yết.pdf"
    assert "niêm" not in evidence.file.name and evidence.file.name.startswith("evidence/")
    assert evidence.file.read() == pdf_bytes()


# --- zip bombs (issue 11): a Word/Excel file is a zip package, opened only within limits ---
#
# Before the guard, `[Content_Types].xml` was read whole: the 256 MB part below was inflated into
# memory, and a bomb in any other part was accepted as evidence.

BOMB_MEMORY_BOUND = 16 * 1024 * 1024  # the guard holds 64 KB blocks; the bomb inflates to 256 MB


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (lambda: bomb("[Content_Types].xml"), "khi giải nén lớn hơn 64 MB"),
        (lambda: lying_bomb("[Content_Types].xml"), "nén bất thường"),
        (docx_bomb, "phần “word/document.xml” khi giải nén lớn hơn 64 MB"),
    ],
    ids=["content-types", "lying-sizes", "document-part"],
)
def test_zip_bomb_is_refused_without_inflating_it(content, message):
    data = content()
    assert len(data) < 300 * 1024  # a small upload ...
    with pytest.raises(services.PlanError, match=message) as error:
        check_upload(upload("bao-cao.docx", data))
    assert "“bao-cao.docx”" in error.value.message  # ... refused, naming the file
    assert error.value.field == "files"
    assert peak_memory(lambda: check_upload(upload("bao-cao.docx", data))) < BOMB_MEMORY_BOUND


def test_zip_bomb_saves_no_report(world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    with pytest.raises(services.PlanError, match="bom.docx"):
        services.submit_report(
            world.nhatrang,
            assignment,
            narrative="Kèm minh chứng",
            progress=50,
            files=[upload("that.pdf", pdf_bytes()), upload("bom.docx", docx_bomb())],
        )
    assert ProgressReport.objects.count() == 0 and Evidence.objects.count() == 0


def test_zip_refusal_is_translated():
    with translation.override("en"), pytest.raises(services.PlanError) as error:
        check_upload(upload("bao-cao.docx", docx_bomb()))
    assert error.value.message == (
        "File “bao-cao.docx” refused: its part “word/document.xml” inflates to more than 64 MB "
        "(possibly a malicious compressed file)."
    )
