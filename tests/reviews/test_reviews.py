"""Did the plan work? The page, the plan list with task kinds, the command, the report section."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command

from chiso.accounts.models import Role
from chiso.reviews.service import plan_work
from tests.reviews.plan_data import make_reviewed_plan

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def plan(province, make_agency):
    return make_reviewed_plan(province, make_agency)


def test_plan_work_counts_on_time_late_and_open(plan) -> None:
    work = plan_work(plan)
    by_code = {t.code: t for t in work.tasks}
    assert (by_code["II.1 a"].assignments, by_code["II.1 a"].on_time, by_code["II.1 a"].late) == (
        2,
        1,
        1,
    )
    assert (by_code["II.2 b"].on_time, by_code["II.2 b"].late) == (0, 0)
    assert by_code["II.1 a"].kind == "Tuyên truyền" and by_code["II.1 a"].units == ("1.2",)


def test_detail_page(client, papi, plan, province, make_user) -> None:
    client.force_login(make_user("lanhdao", Role.LEADERSHIP, province))
    response = client.get(f"/danh-gia-ke-hoach/{plan.pk}/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Khánh Hòa: kết quả PAPI năm 2023 so với năm 2022" in text
    html = response.content.decode()
    row = re.search(r'data-unit="1">(.*?)</tr>', html, re.S).group(1)
    cells = re.sub(r"<[^>]+>", " ", row).split()
    # dimension 1: one task (via 1.2), 1 of 2 assignments on time, +0,40 against -0,09
    assert "1/2" in cells and "+0,40" in cells and "-0,09" in cells
    assert "đi cùng với" in text and " là do " not in text
    assert "không chứng minh được nhiệm vụ là nguyên nhân" in text


def test_index_lists_plans_and_task_kinds(client, papi, plan, province, make_user) -> None:
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    text = text_of(client.get("/danh-gia-ke-hoach/"))
    assert "9/KH-UBND" in text and "Tuyên truyền" in text and "Công khai" in text


def test_pending_before_the_results(client, papi, plan, province, make_user) -> None:
    from chiso.plans.models import Plan

    Plan.objects.filter(pk=plan.pk).update(year=2025, baseline_year=2024)
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    text = text_of(client.get(f"/danh-gia-ke-hoach/{plan.pk}/"))
    assert "Chưa có kết quả PAPI năm 2025" in text
    assert "Chưa có kết quả năm 2025" in text_of(client.get("/danh-gia-ke-hoach/"))


def test_other_province_gets_404(client, papi, plan, other_province, make_user) -> None:
    client.force_login(make_user("hanoi", Role.COORDINATOR, other_province))
    assert client.get(f"/danh-gia-ke-hoach/{plan.pk}/").status_code == 404
    assert "9/KH-UBND" not in text_of(client.get("/danh-gia-ke-hoach/"))


def test_command_table_and_json(plan, papi_data_dir) -> None:
    out = io.StringIO()
    call_command("review_plan", plan="9/KH-UBND", data=str(papi_data_dir), stdout=out)
    text = out.getvalue()
    assert "PAPI 2023 so với 2022" in text and "đi cùng với" in text
    out = io.StringIO()
    call_command(
        "review_plan",
        plan=str(plan.pk),
        data=str(papi_data_dir),
        format="json",
        lang="en",
        stdout=out,
    )
    doc = json.loads(out.getvalue())
    dim1 = next(u for u in doc["units"] if u["unit"] == "1")
    assert (dim1["assignments"], dim1["on_time"]) == (2, 1)
    assert round(dim1["change"], 2) == 0.40 and round(dim1["national_change"], 2) == -0.09
    assert "went with" in dim1["sentence"]


def test_command_errors(plan, papi_data_dir) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không có kế hoạch"):
        call_command("review_plan", plan="nope", data=str(papi_data_dir))
    with pytest.raises(CommandError, match="2030"):
        call_command("review_plan", plan="9/KH-UBND", year=2030, data=str(papi_data_dir))


def test_analysis_report_has_the_review_section(plan, papi_data_dir) -> None:
    from docx import Document

    from chiso.documents.generate import analysis_document, province_plans
    from chiso.documents.letterhead import home_affairs_letterhead
    from chiso.index import load_papi

    results = load_papi(papi_data_dir)
    import datetime as dt

    letterhead = home_affairs_letterhead("Khánh Hòa", dt.date(2024, 5, 1), signer="A")
    file = analysis_document(
        results, "Khánh Hòa", 2023, letterhead, plans=province_plans("Khánh Hòa")
    )
    doc = Document(io.BytesIO(file.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "VIII. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2023 VÀ THAY ĐỔI CỦA CHỈ SỐ" in text
    assert "Kế hoạch số 9/KH-UBND (PAPI 2023):" in text and "đi cùng với" in text
