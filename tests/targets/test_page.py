"""The "what it takes" page: the core's figures for Khánh Hòa 2023 (tier high, score 45),
the split adding up, out-of-reach goals, and the defaults."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation
from openpyxl import load_workbook

from chiso.index import Results
from chiso.index.cli_plan import main as plan_main
from chiso.index.target import what_it_takes
from chiso.index.target_threshold import RANK, SCORE, TIER, Goal
from tests.conftest import PAPI_DATA_DIR

pytestmark = pytest.mark.django_db
URL = "/ket-qua/muc-tieu/"
KH = "Khánh Hòa"


def text_of(response: Any) -> str:
    return " ".join(response.content.decode().split())


def test_khanh_hoa_2023_tier_high_matches_the_core(client: Any, served: Results, officer: Any):
    client.force_login(officer)
    response = client.get(URL, {"nam": "2023", "muc_tieu": "nhom", "nhom": "high", "seed": "7"})
    assert response.status_code == 200
    page = response.context["page"]
    core = what_it_takes(served, KH, 2023, Goal(TIER, tier="high"), seed=7, draws=2000)
    assert page.result.province.name == KH and page.result.baseline_year == 2022
    assert page.plan.required == core.plan.required and page.plan.required.strict  # rule B
    assert page.plan.needed_gain == core.needed_gain
    assert page.result.probability == core.probability
    assert page.result.projection == core.projection
    assert [r.row for r in page.split] == list(core.plan.allocation)
    assert [d.plan for d in page.dimensions] == list(core.dimensions)
    # The split adds up to the needed gain and keeps within every bound.
    assert sum(r.row.gain for r in page.split) == pytest.approx(core.needed_gain, abs=1e-9)
    assert all(-1e-12 <= r.row.gain <= r.row.bound + 1e-12 for r in page.split)
    # Baseline: 43,44, rank 16/61, Cao (PAPI 2022).
    base = page.baseline
    assert (round(base.score, 2), base.rank, base.of, base.tier_label) == (43.44, 16, 61, "Cao")
    html = text_of(response)
    required = f"{core.required_score:.2f}".replace(".", ",")
    assert f"&gt; {required}" in html
    assert f"+{core.needed_gain:.2f}".replace(".", ",") in html
    assert "2000 lần mô phỏng, seed 7" in html  # folded under the method notes
    assert f"{round(core.probability * 100)}%" in html
    # The banner never says "feasible" beside a chance under the chosen confidence (issue 14.7).
    verdict = response.context["verdict"]
    assert core.probability < 0.8 and verdict.level == "warn"
    assert verdict.headline == "Có thể đạt, nhưng nên phấn đấu cao hơn mức tối thiểu"
    assert f"khả năng đạt mục tiêu khoảng {round(core.probability * 100)}%" in verdict.sentences[1]
    safe = f"{core.projection.required_score:.2f}".replace(".", ",")
    assert f"nên phấn đấu {safe} điểm" in verdict.sentences[2]
    assert [s.row.unit for s in response.context["priorities"]] == ["7.3", "1.4", "2.2"]


def test_the_page_shows_the_figures_the_cli_prints(
    client: Any, served: Results, officer: Any, capsys
):
    args = ["target", "--province", KH, "--year", "2023", "--tier", "high", "--seed", "3"]
    assert plan_main([*args, "--data", str(PAPI_DATA_DIR), "--format", "json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    client.force_login(officer)
    page = client.get(URL, {"nam": "2023", "nhom": "high", "seed": "3"}).context["page"]
    assert page.plan.required.score == cli["required_score"]
    assert page.plan.needed_gain == cli["needed_gain"]
    assert page.result.probability == cli["probability"]
    assert [r.row.gain for r in page.split] == [a["gain"] for a in cli["allocation"]]
    # The core's caveats, then the page's note on how optimistic the summed bounds are.
    assert list(page.caveats[: len(cli["assumptions"])]) == cli["assumptions"]
    assert page.caveats[-1].startswith("Mức tăng tối đa ")


def test_khanh_hoa_2023_score_45(client: Any, served: Results, officer: Any) -> None:
    client.force_login(officer)
    response = client.get(URL, {"nam": "2023", "muc_tieu": "diem", "diem": "45,00"})
    page = response.context["page"]
    core = what_it_takes(served, KH, 2023, Goal(SCORE, score=45.0), dimension_tier="high")
    assert page.plan.required.score == 45.0 and not page.plan.required.strict
    assert page.plan.needed_gain == pytest.approx(45.0 - 43.4368803, abs=1e-6)
    assert page.plan.needed_gain == core.needed_gain
    assert sum(r.row.gain for r in page.split) == pytest.approx(page.plan.needed_gain, abs=1e-9)
    assert page.result.projection is None
    # A score goal: the dimensions are shown for the tier the province is in (Cao in 2022).
    assert page.query.dimension_tier == "high" and len(page.dimensions) == 8
    html = text_of(response)
    assert "≥ 45,00" in html and "+1,56" in html
    verdict = response.context["verdict"]
    assert verdict.level == "warn" and "khả năng đạt khoảng 12%" in verdict.sentences[1]
    assert "Cần tăng ít nhất +1,56 điểm so với năm 2022 (lên ≥ 45,00)." in html
    # Hindsight: 2023 is loaded, Khánh Hòa scored 44,94 and missed 45.
    assert "năm 2023 Khánh Hòa đạt 44,94 điểm" in html and "Không đạt" in html


def test_a_decimal_point_is_accepted_too(client: Any, served: Results, officer: Any) -> None:
    client.force_login(officer)
    page = client.get(URL, {"nam": "2023", "muc_tieu": "diem", "diem": "45.5"}).context["page"]
    assert page.plan.required.score == 45.5


def test_rank_goal(client: Any, served: Results, officer: Any) -> None:
    client.force_login(officer)
    response = client.get(URL, {"nam": "2023", "muc_tieu": "hang", "hang": "10", "seed": "1"})
    page = response.context["page"]
    core = what_it_takes(served, KH, 2023, Goal(RANK, rank=10), seed=1, dimension_tier="high")
    assert page.plan.required == core.plan.required
    assert page.result.probability == core.probability
    assert sum(r.row.gain for r in page.split) == pytest.approx(core.needed_gain, abs=1e-9)


def test_within_the_bounds_but_rare_is_said_too(client: Any, served: Results, officer) -> None:
    client.force_login(officer)
    response = client.get(URL, {"nam": "2023", "muc_tieu": "diem", "diem": "47"})
    page = response.context["page"]
    # 2018–2022 aggregate one-year changes: 90% of province-years gained at most ~1,85.
    assert page.aggregate_gain == pytest.approx(1.8453, abs=1e-4)
    assert page.plan.reachable and page.plan.needed_gain > page.aggregate_gain and page.rare
    html = text_of(response)
    assert "verdict--warn" in html
    assert "Mức tăng này hiếm gặp: 90% trường hợp tỉnh–năm chỉ tăng tối đa +1,85 điểm." in html
    assert "Mức tăng tối đa 5,41 điểm là tổng giới hạn" in html
    assert "chỉ số tổng hợp tăng không quá 1,85 điểm." in html  # rounded, as in the verdict
    modest = client.get(URL, {"nam": "2023", "muc_tieu": "diem", "diem": "45"}).context["page"]
    assert not modest.rare


def test_out_of_reach_in_one_year_is_said_plainly(client: Any, served: Results, officer) -> None:
    client.force_login(officer)
    response = client.get(URL, {"nam": "2023", "muc_tieu": "diem", "diem": "60"})
    page = response.context["page"]
    assert not page.plan.reachable and page.plan.shortfall > 0
    # Every sub-dimension is pushed to its bound, and no further.
    assert all(r.at_bound or r.row.bound <= 0 for r in page.split)
    html = text_of(response)
    assert "Không thể đạt trong một năm" in html and "verdict--bad" in html
    short = f"{page.plan.shortfall:.2f}".replace(".", ",")
    assert f"còn thiếu {short} điểm" in html


def test_first_visit_targets_the_year_after_the_latest_results(
    client: Any, served: Results, officer: Any
) -> None:
    client.force_login(officer)
    response = client.get(URL)
    page = response.context["page"]
    assert page.query.year == served.years[-1] + 1 == 2025
    assert page.query.goal == Goal(TIER, tier="high")
    assert page.result.baseline_year == 2024
    assert (page.query.seed, page.query.draws, page.query.confidence) == (0, 2000, 80)
    # The 2025 merger is the first caveat: the cut-offs are computed on the old provinces.
    assert page.caveats[0].startswith("Từ 01/7/2025 cả nước còn 34 tỉnh, thành phố.")
    assert 'aria-current="page"' in response.content.decode()  # nav entry "Lộ trình mục tiêu"


def test_same_seed_same_probability_other_seed_may_differ(
    client: Any, served: Results, officer: Any
) -> None:
    client.force_login(officer)
    query = {"nam": "2023", "nhom": "high", "seed": "11", "so_lan": "500"}
    first = client.get(URL, query).context["page"].result.projection
    again = client.get(URL, query).context["page"].result.projection
    assert first == again and first.draws == 500 and first.seed == 11


def test_xlsx_export_of_the_split(client: Any, served: Results, officer: Any) -> None:
    client.force_login(officer)
    response = client.get(URL + "xlsx/", {"nam": "2023", "nhom": "high", "seed": "7"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "lo-trinh-papi-2023-khanh-hoa.xlsx" in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Phân bổ", "Chỉ số nội dung", "Giả định và lưu ý"]
    ws = wb["Phân bổ"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "PAPI 2023 — Khánh Hòa — mục tiêu: thuộc nhóm Cao"
    assert rows[1][0] == "Điểm năm 2022: 43,44 (hạng 16/61, nhóm Cao)"
    assert rows[2][0].startswith("Điểm cần đạt: > ") and rows[2][0].endswith("điểm")
    assert rows[3][0].startswith("Dự báo: 2000 lần, seed 7; xác suất đạt ")
    header = rows.index(
        (
            "Mã",
            "Nội dung thành phần",
            "Hiện tại",
            "Đề xuất",
            "Tăng",
            "Giới hạn",
            "Cao nhất cả nước",
            "Lý do",
        )
    )
    body = rows[header + 1 :]
    core = what_it_takes(served, KH, 2023, Goal(TIER, tier="high"), seed=7)
    assert [r[0] for r in body] == [a.unit for a in core.plan.allocation]
    assert sum(r[4] for r in body) == pytest.approx(core.needed_gain, abs=1e-9)
    assert len(list(wb["Chỉ số nội dung"].iter_rows())) == 1 + 8


def test_xlsx_of_a_bad_query_is_the_form_with_its_error(
    client: Any, served: Results, officer: Any
) -> None:
    client.force_login(officer)
    response = client.get(URL + "xlsx/", {"nam": "2023", "muc_tieu": "diem", "diem": "-1"})
    assert response.status_code == 400
    assert "Điểm mục tiêu không được âm." in text_of(response)


@pytest.fixture
def english(client: Any) -> Iterator[Any]:
    """English pages; the language the middleware activates in this thread is put back after."""
    client.cookies["django_language"] = "en"
    with translation.override(translation.get_language()):
        yield client


def test_english_page_uses_the_catalogue_and_a_decimal_point(
    english: Any, served: Results, officer: Any
) -> None:
    client = english
    client.force_login(officer)
    response = client.get(URL, {"nam": "2023", "nhom": "high", "seed": "7"})
    html = text_of(response)
    assert "Target roadmap" in html and "How to read the figures" in html
    assert "Target year" in html and "Tier for each dimension" in html  # form labels
    assert 'placeholder="45.00"' in html
    assert "43.44" in html and "Rank 16/61" in html and "High" in html
    assert "2000 draws, seed 7" in html
    assert "Projection: each draw takes one year" in html  # the core's English caveat
    assert "Lộ trình mục tiêu" not in html
    bad = client.get(URL, {"nam": "2023", "muc_tieu": "diem", "diem": "-1"})
    assert "The target score cannot be negative." in text_of(bad)


def test_the_english_test_leaves_no_english_behind() -> None:
    # Runs after the English test (file order): later tests see the default language.
    assert translation.get_language() in ("vi", None)


def test_a_goal_already_met_reads_keep_it(client: Any, served: Results, officer: Any) -> None:
    client.force_login(officer)
    response = client.get(URL, {"nam": "2023", "muc_tieu": "nhom", "nhom": "high_average"})
    verdict = response.context["verdict"]
    assert (verdict.level, verdict.headline) == ("ok", "Đã đủ điểm cho mục tiêu này")
    assert "Điểm năm 2022 (43,44) đã đủ" in verdict.sentences[0]
