"""Report texts have a length limit (a clear message naming the field), and an export never cuts
a longer text silently: the cell says it was cut and where the full text is (issue 11)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from chiso.plans import services
from chiso.plans.models import ProgressReport

pytestmark = pytest.mark.django_db
TEXT_LIMIT = 20_000  # characters (chiso.plans.services.reports.TEXT_LIMIT)
EXCEL_CELL_CHARS = 32_767


@pytest.mark.parametrize("field", ["narrative", "figures"])
def test_a_report_text_over_the_limit_is_refused(world, district_task, field):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    fields = {"narrative": "Đã làm", "figures": "", field: "ả" * (TEXT_LIMIT + 1)}
    with pytest.raises(services.PlanError) as error:
        services.submit_report(world.nhatrang, assignment, progress=40, **fields)
    assert error.value.field == field
    assert "dài 20.001 ký tự, vượt giới hạn 20.000 ký tự" in error.value.message
    assert not ProgressReport.objects.exists()
    fields[field] = "ả" * TEXT_LIMIT
    services.submit_report(world.nhatrang, assignment, progress=40, **fields)


def test_a_review_comment_over_the_limit_is_refused(world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(world.nhatrang, assignment, narrative="Đang làm", progress=40)
    with pytest.raises(services.PlanError, match="Ý kiến của Sở Nội vụ dài 20.001 ký tự") as error:
        services.review_report(
            world.coordinator, report, accept=False, comment="x" * 20_001, version=1
        )
    assert error.value.field == "comment"


def test_the_report_form_limits_the_text(client, world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    client.force_login(world.nhatrang)
    url = reverse("plans:report-submit", args=[assignment.pk])
    page = client.get(reverse("plans:assignment-detail", args=[assignment.pk])).content.decode()
    assert f'maxlength="{TEXT_LIMIT}"' in page
    response = client.post(url, {"narrative": "x" * (TEXT_LIMIT + 1), "progress": "30"})
    assert response.status_code == 200 and "20000" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_an_export_marks_a_cut_text_and_says_where_to_read_it(client, world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    long_text = "Báo cáo rất dài. " * 3000  # 51,000 characters, stored before the limit existed
    ProgressReport.objects.create(
        province=world.province,
        assignment=assignment,
        author=world.nhatrang,
        narrative=long_text,
        progress=40,
    )
    client.force_login(world.coordinator)
    book = load_workbook(io.BytesIO(client.get("/bang-tinh/bao-cao.xlsx").content))
    cell = next(
        c for row in book.active.iter_rows() for c in row if str(c.value).startswith("Báo cáo rất")
    )
    assert len(cell.value) == EXCEL_CELL_CHARS
    assert long_text.startswith(cell.value[:30_000])
    page = reverse("plans:assignment-detail", args=[assignment.pk])
    assert cell.value.endswith(
        " […] [Đã cắt bớt: một ô Excel chứa tối đa 32.767 ký tự; toàn văn xem tại trang "
        f"{page} trên chiso.]"
    )
