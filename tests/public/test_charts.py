"""The SVG chart module: pure functions, checked on known inputs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from chiso.index.provinces import provinces_63
from chiso.public.charts import (
    ChartBreak,
    RadarChart,
    RadarSeries,
    Tile,
    TileMapChart,
    TrendChart,
    TrendLine,
    TrendPoint,
    render_radar,
    render_tilemap,
    render_trend,
)
from chiso.public.charts.svg import nice_ticks
from chiso.public.charts.tilemap import tile_grid
from chiso.public.charts.trend import segments

SVG = "{http://www.w3.org/2000/svg}"


def points(values: dict[int, float | None]) -> tuple[TrendPoint, ...]:
    return tuple(TrendPoint(y, v) for y, v in values.items())


def test_segments_cut_at_breaks_and_gaps() -> None:
    series = points({2016: 1.0, 2017: 2.0, 2018: 3.0, 2019: None, 2020: 4.0, 2021: 5.0})
    runs = segments(series, {2018})
    assert [[p.year for p in run] for run in runs] == [[2016, 2017], [2018], [2020, 2021]]
    # A year missing from the list (not just None) is a gap too.
    runs = segments(points({2012: 1.0, 2013: 1.0, 2015: 1.0}), set())
    assert [[p.year for p in run] for run in runs] == [[2012, 2013], [2015]]


def test_trend_draws_no_line_across_a_break_and_escapes_labels() -> None:
    chart = TrendChart(
        title="Điểm <tổng hợp>",
        years=tuple(range(2015, 2021)),
        lines=(TrendLine("A & B", points({y: float(y - 2000) for y in range(2015, 2021)})),),
        breaks=(ChartBreak(2018, "Từ 2018: thang 8–80"),),
    )
    svg = render_trend(chart)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.get("aria-label") == "Điểm <tổng hợp>"
    polylines = root.findall(f"{SVG}polyline")
    assert [len(p.get("points").split()) for p in polylines] == [3, 3]
    assert "Từ 2018: thang 8–80" in svg and "A &amp; B" in svg
    # The break rule sits between 2017 and 2018.
    rule = next(e for e in root.findall(f"{SVG}line") if e.get("stroke-dasharray") == "4 3")
    xs = sorted(float(c.get("cx")) for c in root.findall(f"{SVG}circle"))
    assert xs[2] < float(rule.get("x1")) < xs[3]


def test_rank_chart_is_inverted_and_coloured_by_tier() -> None:
    chart = TrendChart(
        title="Hạng",
        years=(2021, 2022),
        lines=(
            TrendLine(
                "Hạng", (TrendPoint(2021, 40.0, "low_average"), TrendPoint(2022, 16.0, "high"))
            ),
        ),
        value_range=(1.0, 61.0),
        invert=True,
        integer=True,
        tier_markers=True,
    )
    root = ET.fromstring(render_trend(chart))
    first, second = root.findall(f"{SVG}circle")
    assert float(second.get("cy")) < float(first.get("cy"))  # rank 16 drawn above rank 40
    assert (first.get("fill"), second.get("fill")) == ("#e0a100", "#1a7f37")


def test_radar_has_one_vertex_per_axis_and_needs_three() -> None:
    chart = RadarChart(
        title="Radar",
        axes=tuple("12345678"),
        scale=(0.0, 10.0),
        series=(RadarSeries("Khánh Hòa", (5.0,) * 8), RadarSeries("TB", (4.0,) * 8, "mean")),
    )
    root = ET.fromstring(render_radar(chart))
    shapes = [p for p in root.findall(f"{SVG}polygon") if p.find(f"{SVG}title") is not None]
    assert [len(p.get("points").split()) for p in shapes] == [8, 8]
    with pytest.raises(ValueError):
        render_radar(RadarChart("x", ("1", "2"), (0.0, 10.0), ()))


def test_tile_grid_places_all_63_provinces_on_distinct_cells() -> None:
    grid = tile_grid()
    assert set(grid) == {p.code for p in provinces_63()}
    cells = [(c.row, c.col) for c in grid.values()]
    assert len(set(cells)) == 63
    # Roughly geographic: Hà Giang (north) above Hà Nội above Khánh Hòa above Cà Mau (south).
    assert grid["02"].row < grid["01"].row < grid["56"].row < grid["96"].row


def test_tilemap_colours_links_and_highlights() -> None:
    chart = TileMapChart(
        title="Bản đồ",
        tiles=(
            Tile(
                "56",
                "",
                "Khánh Hòa: 43,44",
                "high",
                "43,4",
                "/cong-khai/tinh/khanh-hoa/2022/",
                True,
            ),
            Tile("01", "", "Hà Nội", None, "—"),
        ),
        legend=(("high", "Cao"), (None, "Không có số liệu")),
    )
    svg = render_tilemap(chart)
    ET.fromstring(svg)
    assert '<a href="/cong-khai/tinh/khanh-hoa/2022/">' in svg
    assert re.search(r'fill="#1a7f37" stroke="#072a4d"', svg)  # tier colour + highlight
    assert 'fill="#9aa5b1"' in svg and "KHò" in svg and "Khánh Hòa: 43,44" in svg


def test_tilemap_draws_the_34_provinces_after_the_2025_merger() -> None:
    """Each of the 34 sits on the cell and label of the province whose name it kept, whatever
    its new GSO code: Lào Cai took Yên Bái's code 15, yet shows as Lào Cai up north."""
    from chiso.index.provinces import ERA_34, provinces_34

    grid63 = tile_grid()
    tiles = tuple(Tile(p.code, "", p.name, "high", "1") for p in provinces_34())
    svg = render_tilemap(TileMapChart(title="2025", tiles=tiles, legend=(), era=ERA_34))
    ET.fromstring(svg)
    assert len(tiles) == 34 and svg.count('<g class="tile">') == 34
    labels = re.findall(r'font-weight="bold"[^>]*>([^<]+)<', svg)
    assert grid63["10"].label in labels and grid63["15"].label not in labels  # Lào Cai, not Yên Bái
    assert grid63["56"].label in labels and grid63["58"].label not in labels  # not Ninh Thuận
    assert len(set(labels)) == 34


def test_nice_ticks() -> None:
    assert nice_ticks(0, 10, 6) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(31.8, 44.9, 5) == [30, 35, 40, 45]


def test_trend_legend_ends_at_the_right_edge_and_a_phone_hides_it() -> None:
    points = (TrendPoint(2022, 43.0), TrendPoint(2023, 44.0))
    chart = TrendChart(
        title="Điểm",
        years=(2022, 2023),
        lines=(TrendLine("Khánh Hòa", points), TrendLine("Trung bình cả nước", points, "mean")),
    )
    root = ET.fromstring(render_trend(chart))
    width = float(root.get("viewBox").split()[2])
    legend = root.find(f"{SVG}g[@class='trend-legend']")
    assert legend is not None  # a phone hides it: the page shows its own legend under the chart
    labels = [t for t in legend.iter(f"{SVG}text") if t.text == "Trung bình cả nước"]
    last_x = float(labels[-1].get("x"))
    assert last_x + 6.5 * len("Trung bình cả nước") <= width  # the last label is not cut
    assert last_x > width / 2  # and sits on the right half


def test_a_dip_to_the_last_rank_labels_beside_the_point_not_on_the_years() -> None:
    chart = TrendChart(
        title="Hạng",
        years=(2011, 2012, 2013),
        lines=(TrendLine("Hạng", points({2011: 46.0, 2012: 63.0, 2013: 43.0})),),
        value_range=(1.0, 63.0),
        invert=True,
        integer=True,
        tier_markers=True,
    )
    root = ET.fromstring(render_trend(chart))
    dot = root.findall(f"{SVG}circle")[1]
    label = next(t for t in root.iter(f"{SVG}text") if t.text == "63")
    years_y = min(float(t.get("y")) for t in root.iter(f"{SVG}text") if t.text == "2012")
    assert label.get("text-anchor") == "start" and float(label.get("x")) > float(dot.get("cx"))
    assert float(label.get("y")) < years_y - 8  # clear of the year labels


def test_a_phone_keeps_every_third_year_label_and_the_latest_value() -> None:
    """At 390 px the full chart is drawn at under half size: the labels a phone hides are
    marked minor; the kept years never sit within a year of each other."""
    from chiso.public.charts.trend import _phone_years

    chart = TrendChart(
        title="t",
        years=tuple(range(2011, 2023)),
        lines=(TrendLine("A", tuple(TrendPoint(y, 40.0 + y % 3) for y in range(2011, 2023))),),
        breaks=(ChartBreak(2018, "Từ 2018"),),
    )
    assert _phone_years(chart) == {2022, 2018, 2016, 2013}
    svg = render_trend(chart)
    assert svg.count('<g class="trend-minor">') == (12 - 4) + 11 + 1  # years, values, break label
