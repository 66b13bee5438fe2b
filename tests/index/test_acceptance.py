"""Known answers from the province's plan and PAPI's publications (see the methodology doc)."""

import pytest

from chiso.index import Results, match_province


def test_khanh_hoa_2022_matches_the_plan(papi: Results) -> None:
    r = papi.unit_result("Khánh Hòa", 2022, "aggregate")
    assert r is not None
    assert round(r.score, 2) == 43.44
    assert (r.rank, r.of) == (16, 61)
    assert (r.tier, r.tier_label.vi) == ("high", "Cao")
    assert round(r.gap_to_mean, 2) == 1.09
    assert r.previous is not None
    assert (r.previous.year, round(r.previous.score or 0, 2)) == (2021, 41.69)
    assert (r.previous.rank, r.previous.of) == (40, 60)
    assert round(r.change or 0, 2) == 1.75
    assert r.rank_change == 24


def test_values_are_unrounded(papi: Results) -> None:
    r = papi.unit_result("Khanh Hoa", 2022, "aggregate")
    assert r is not None
    assert r.score == pytest.approx(43.436880348, abs=1e-9)


@pytest.mark.parametrize(
    ("year", "n"),
    [
        (2011, 63),
        (2014, 61),
        (2018, 61),
        (2019, 63),
        (2021, 60),
        (2022, 61),
        (2023, 61),
        (2024, 61),
    ],
)
def test_number_ranked_per_year(papi: Results, year: int, n: int) -> None:
    ranking = papi.ranking(year)
    assert ranking.of == n
    ranked = [row for row in ranking.rows if row.rank is not None]
    assert len(ranked) == n
    assert all(row.score is None and row.rank is None for row in ranking.rows[n:])


@pytest.mark.parametrize(
    ("year", "sizes"),
    [
        (2017, [16, 16, 15, 16]),  # published: 16 best / 16 high-average / 15 / 16
        (2019, [16, 16, 15, 16]),
        (2021, [15, 15, 15, 15]),
        (2022, [16, 15, 15, 15]),
        (2023, [15, 15, 15, 16]),  # rule B: "15 tỉnh/thành phố đạt điểm cao nhất", "16 lowest"
        # 2024 launch coverage (Bình Thuận's article, vietnam.vn): 15 / 15 / 15 / 16 of 61
        (2024, [15, 15, 15, 16]),
    ],
)
def test_tier_group_sizes(papi: Results, year: int, sizes: list[int]) -> None:
    tiers = [row.tier for row in papi.ranking(year).rows if row.tier]
    assert [tiers.count(t) for t in ("high", "high_average", "low_average", "low")] == sizes


def test_2023_uses_rule_b_on_exact_cutoffs(papi: Results) -> None:
    ranking = papi.ranking(2023)
    assert ranking.rule == "B"
    cut = ranking.cutoffs.as_dict()
    vinh_phuc = next(r for r in ranking.rows if r.province == match_province("Vĩnh Phúc", 2023))
    dak_lak = next(r for r in ranking.rows if r.province == match_province("Đắk Lắk", 2023))
    assert vinh_phuc.score == cut["p75"] and vinh_phuc.tier == "high_average"
    assert dak_lak.score == cut["p50"] and dak_lak.tier == "low_average"
    assert round(cut["p50"] or 0, 4) == 42.3265  # the "national average" quoted for 2023
    hanoi = next(r for r in ranking.rows if r.province.code == "01")
    assert (hanoi.rank, hanoi.tier) == (15, "high")


def test_2024_uses_rule_b_on_three_exact_cutoffs(papi: Results) -> None:
    ranking = papi.ranking(2024)
    assert (ranking.rule, ranking.rule_known) == ("B", True)
    cut = set(ranking.cutoffs.as_dict().values())
    on_cut = {r.province.name: r.tier for r in ranking.rows if r.score in cut}
    assert on_cut == {"Lai Châu": "low_average", "Yên Bái": "low", "Bắc Giang": "high_average"}
    assert not any(r.tier_depends_on_rule for r in ranking.rows)


def test_2018_rule_unknown_marks_the_three_provinces_on_a_cutoff(papi: Results) -> None:
    ranking = papi.ranking(2018)
    assert (ranking.rule, ranking.rule_known) == ("A", False)
    marked = {r.province.name for r in ranking.rows if r.tier_depends_on_rule}
    assert marked == {"Cao Bằng", "Vĩnh Phúc", "Trà Vinh"}
    cao_bang = papi.unit_result("Cao Bằng", 2018, "aggregate")
    assert cao_bang is not None and cao_bang.tier_depends_on_rule
    assert cao_bang.tier == "high_average"  # the stated rule A; rule B would say low_average
    lang_son = papi.unit_result("Lạng Sơn", 2018, "aggregate")
    assert lang_son is not None and not lang_son.tier_depends_on_rule


def test_2022_rule_a_puts_khanh_hoa_on_p75_in_the_top_tier(papi: Results) -> None:
    ranking = papi.ranking(2022)
    assert ranking.rule == "A"
    assert (
        papi.cutoffs(2022).as_dict()["p75"]
        == papi.unit_result("Khánh Hòa", 2022, "aggregate").score
    )  # type: ignore[union-attr]


def test_2017_median_province_is_high_average(papi: Results) -> None:
    quang_ninh = papi.unit_result("Quảng Ninh", 2017, "aggregate")
    assert quang_ninh is not None
    assert quang_ninh.rank == 32 and quang_ninh.score == quang_ninh.median
    assert quang_ninh.tier == "high_average"


def test_missing_dimension_means_no_aggregate_but_dimensions_kept(papi: Results) -> None:
    profile = papi.profile("Bắc Ninh", 2022)
    assert profile.aggregate is None
    assert {d.unit for d in profile.dimensions} == {"1", "5", "6", "7"}
    assert papi.unit_result("Bắc Ninh", 2022, "1") is not None
    assert papi.ranking(2022, "1").of == 62


def test_dimension_is_sum_of_subdimensions(papi: Results) -> None:
    subs = [papi.unit_result("Khánh Hòa", 2021, c) for c in ("5.1", "5.3", "5.4")]
    dim5 = papi.unit_result("Khánh Hòa", 2021, "5")
    assert dim5 is not None and all(s is not None for s in subs)
    assert dim5.score == pytest.approx(sum(s.score for s in subs if s))  # 5.2 dropped in 2021
    assert papi.unit_result("Khánh Hòa", 2021, "5.2") is None


def test_mean_median_best(papi: Results) -> None:
    import numpy as np

    values = papi.values("aggregate")[papi.years.index(2022)]
    valid = values[~np.isnan(values)]
    r = papi.unit_result("Khánh Hòa", 2022, "aggregate")
    assert r is not None
    assert r.national_mean == pytest.approx(valid.mean())
    assert r.median == pytest.approx(float(np.median(valid)))
    assert r.best == valid.max()
    assert papi.ranking(2022).rows[0].score == r.best


def test_profile_highlights(papi: Results) -> None:
    profile = papi.profile("Khánh Hòa", 2022)
    assert len(profile.dimensions) == 8 and len(profile.subdimensions) == 28
    assert profile.strengths and all(s.gap_to_mean > 0 for s in profile.strengths)
    assert profile.weaknesses and all(w.gap_to_mean < 0 for w in profile.weaknesses)
    ranks = [r.relative_rank for r in profile.highlights.by_rank]
    assert ranks == sorted(ranks)
    assert {r.unit for r in profile.highlights.lowest_tier} == {"1.4", "3.2", "6.1"}
    assert all(r.level == "subdimension" for r in profile.highlights.lowest_tier)
    assert all((r.change or 0) < 0 for r in profile.highlights.declines)
    assert profile.highlights.declines[0].unit == "6.3"


def test_change_across_break_is_flagged(papi: Results) -> None:
    r = papi.unit_result("Khánh Hòa", 2018, "aggregate")
    assert r is not None and [b.year for b in r.breaks] == [2018]
    assert papi.unit_result("Khánh Hòa", 2019, "aggregate").breaks == ()  # type: ignore[union-attr]
    series = papi.series("Khánh Hòa", "3.2")
    assert [b.year for b in series.breaks] == [2016, 2018]
    assert [p.year for p in series.points] == list(range(2011, 2025))


def test_series_of_late_unit_starts_when_it_exists(papi: Results) -> None:
    series = papi.series("Khánh Hòa", "8.3")
    assert series.points[0].year == 2019


def test_first_year_has_no_previous(papi: Results) -> None:
    r = papi.unit_result("Khánh Hòa", 2011, "aggregate")
    assert r is not None and r.previous is None and r.change is None
