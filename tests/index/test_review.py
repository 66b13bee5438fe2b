"""Did the plan work? The core review on the published results, with hand-counted answers."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.index import Results
from chiso.index.review import (
    SIMILAR_LEVEL,
    PlanWork,
    ReviewError,
    TaskWork,
    review_plan,
    task_kinds,
)

TASKS = (
    TaskWork("II.1 a", "Họp dân", "Tuyên truyền", ("1.2",), 4, 3, 1),
    TaskWork("II.2 b", "Niêm yết", "Công khai", ("2.4", "2"), 2, 0, 0),
    TaskWork("III 1", "Báo cáo", "Tổ chức thực hiện", (), 1, 1, 0),
)


def work(year: int = 2023) -> PlanWork:
    return PlanWork("9/KH-UBND", "Khánh Hòa", year, year - 1, TASKS)


def test_units_reviewed_and_linked_work(papi: Results) -> None:
    review = review_plan(papi, work())
    codes = [u.unit for u in review.units]
    assert codes == ["aggregate", "1", "2", "3", "4", "5", "6", "7", "8", "1.2", "2.4"]
    by = {u.unit: u for u in review.units}
    assert [t.code for t in by["1"].tasks] == ["II.1 a"]  # through its sub-dimension 1.2
    assert (by["1"].assignments, by["1"].on_time) == (4, 3)
    assert [t.code for t in by["aggregate"].tasks] == ["II.1 a", "II.2 b"]  # linked tasks only
    assert by["3"].tasks == () and "Không có nhiệm vụ" in by["3"].sentence().vi


def test_khanh_hoa_dimension_1_against_national_and_similar(papi: Results) -> None:
    dim1 = {u.unit: u for u in review_plan(papi, work()).units}["1"]
    assert round(dim1.change or 0, 2) == 0.40 and round(dim1.national_change or 0, 2) == -0.09
    # similar level: the 10 provinces whose 2022 dimension-1 score was closest to Khánh Hòa's
    values = papi.values("1")
    y0, y1 = papi.years.index(2022), papi.years.index(2023)
    kh = papi.provinces.index(papi.province("Khánh Hòa"))
    others = [
        (abs(values[y0, p] - values[y0, kh]), values[y1, p] - values[y0, p])
        for p in range(len(papi.provinces))
        if p != kh and not math.isnan(values[y1, p] - values[y0, p])
    ]
    nearest = sorted(others)[:SIMILAR_LEVEL]
    assert dim1.similar_change == pytest.approx(np.mean([d for _, d in nearest]))
    text = dim1.sentence()
    assert "đi cùng với" in text.vi and " do " not in text.vi and "went with" in text.en


def test_a_year_across_the_break_or_without_results(papi: Results) -> None:
    by = {u.unit: u for u in review_plan(papi, work(2018)).units}
    # 2017 → 2018 crosses the 2018 break of the aggregate and dimension 2; 7 and 8 are new
    assert [c for c, u in by.items() if u.change is None] == ["aggregate", "2", "7", "8", "2.4"]
    assert "đổi cách đo" in by["aggregate"].sentence().vi
    assert "không có điểm" in by["7"].sentence().vi
    with pytest.raises(ReviewError):
        review_plan(papi, work(2025))


def test_task_kinds_over_plan_years(papi: Results) -> None:
    reviews = [review_plan(papi, work(y)) for y in (2022, 2023, 2024)]
    kinds = {k.kind: k for k in task_kinds(reviews)}
    assert set(kinds) == {"Tuyên truyền", "Công khai"}  # a task without units names no unit
    assert kinds["Công khai"].links == 6 and kinds["Công khai"].years == (2022, 2023, 2024)
    expected = np.mean(
        [
            {u.unit: u for u in r.units}[code].versus_similar
            for r in reviews
            for code in ("2.4", "2")
        ]
    )
    assert kinds["Công khai"].mean_versus_similar == pytest.approx(expected)


@settings(max_examples=20, deadline=None)
@given(st.integers(2019, 2024), st.sampled_from(["Khánh Hòa", "Hà Nội", "Cà Mau", "Lào Cai"]))
def test_versus_similar_is_change_minus_similar(papi: Results, year: int, province: str) -> None:
    review = review_plan(papi, PlanWork("x", province, year, year - 1, TASKS))
    for u in review.units:
        if u.versus_similar is not None:
            assert u.versus_similar == pytest.approx(u.change - u.similar_change)  # type: ignore[operator]
            assert (u.versus_similar > 0) == (
                "tốt hơn các tỉnh" in u.sentence().vi and "không tốt hơn" not in u.sentence().vi
            )
