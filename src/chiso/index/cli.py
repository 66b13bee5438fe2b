"""Core CLI: `profile` and `ranking`, reading a data path or (through the caller) the database.

`src/chiso/cli.py` dispatches here with `main(argv, db_loader=…)`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from chiso.index import cli_plan
from chiso.index.dataset import DataError
from chiso.index.formatting import (
    fmt_number,
    fmt_rank,
    fmt_rank_change,
    render_table,
)
from chiso.index.framework import Framework, FrameworkError
from chiso.index.provinces import UnknownProvince
from chiso.index.readers import read_long, read_wide
from chiso.index.report import ProvinceProfile, Ranking, UnitResult
from chiso.index.results import Results, UnknownUnit, UnknownYear, compute
from chiso.index.text import LocalizedText, labels_in, text_in

Loader = Callable[[str], Results]  # the index code (--index) → its stored results

_LABELS: dict[str, LocalizedText] = {
    "aggregate": LocalizedText("Chỉ số tổng hợp", "Aggregate"),
    "code": LocalizedText("Mã", "Code"),
    "name": LocalizedText("Tên", "Name"),
    "score": LocalizedText("Điểm", "Score"),
    "rank": LocalizedText("Hạng", "Rank"),
    "tier": LocalizedText("Nhóm", "Tier"),
    "change": LocalizedText("Thay đổi", "Change"),
    "places": LocalizedText("Bậc", "Places"),
    "points": LocalizedText("điểm", "points"),
    "rank_unchanged": LocalizedText("thứ hạng không đổi", "rank unchanged"),
    "province": LocalizedText("Tỉnh/thành phố", "Province"),
    "mean": LocalizedText("TB toàn quốc", "National mean"),
    "strengths": LocalizedText("Điểm mạnh", "Strengths"),
    "weaknesses": LocalizedText("Điểm yếu", "Weaknesses"),
    "vs": LocalizedText("so với", "vs"),
    "no_aggregate": LocalizedText("không có điểm tổng hợp", "no aggregate score"),
    "cutoffs": LocalizedText("Ngưỡng nhóm", "Tier cut-offs"),
    "rule": LocalizedText("quy tắc", "rule"),
    "computed": LocalizedText("tính từ các chỉ số thành phần", "computed from the components"),
    "unconfirmed": LocalizedText(
        "trọng số năm {year} chưa có nguồn công bố xác nhận",
        "no published source confirms the {year} weights",
    ),
    "published": LocalizedText("thứ hạng và nhóm như đã công bố", "ranks and groups as published"),
    "bands": LocalizedText(
        "nhóm theo khoảng điểm cố định của năm", "groups by the year's fixed score bands"
    ),
    "partial": LocalizedText(
        "dữ liệu năm {year} chưa đủ {of} tỉnh, thành phố: không tính thứ hạng, trung bình",
        "the {year} data do not cover all {of} provinces: no computed ranks or means",
    ),
    "depends": LocalizedText(
        "* Điểm nằm đúng ngưỡng nhóm trong năm chưa rõ quy tắc xếp nhóm: nhóm phụ thuộc "
        "quy tắc (quy tắc A xếp vào nhóm trên, quy tắc B vào nhóm dưới).",
        "* Score exactly on a tier cut-off in a year whose tier rule is not known: the group "
        "depends on the rule (rule A puts it in the better group, rule B in the worse one).",
    ),
}


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    parser = parser or argparse.ArgumentParser(prog="chiso", description="PAPI results")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", help="folder of YYYY.csv (wide) or a long CSV/XLSX file")
    common.add_argument("--index", default="PAPI", help="framework code or YAML path")
    common.add_argument("--year", type=int, required=True)
    common.add_argument("--format", choices=("table", "json", "csv"), default="table")
    common.add_argument("--lang", choices=("vi", "en"), default="vi")
    profile = sub.add_parser("profile", parents=[common], help="one province's results")
    profile.add_argument("--province", required=True)
    ranking = sub.add_parser("ranking", parents=[common], help="all provinces for one unit")
    ranking.add_argument("--unit", default="aggregate", help="aggregate | 1 … 8 | 1.1 … 8.3")
    cli_plan.add_subcommands(sub)
    return parser


def load_from_path(path: str, index: str = "PAPI") -> Results:
    from pathlib import Path

    source = Path(path)
    dataset = read_wide(source, index) if source.is_dir() else read_long(source, index)
    return compute(dataset)


def main(argv: list[str], db_loader: Loader | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.data:
            results = load_from_path(args.data, args.index)
        elif db_loader is not None:
            results = db_loader(args.index)
        else:
            print("Cần --data (no --data and no database)", file=sys.stderr)
            return 2
        loader = cli_plan.index_loader(args, db_loader) if args.command == "objectives" else None
        return run(args, results, load_index=loader)
    except DataError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    except (UnknownProvince, UnknownYear, UnknownUnit, FrameworkError) as exc:
        print(str(exc), file=sys.stderr)
        return 1


def run(
    args: argparse.Namespace,
    results: Results,
    out: TextIO | None = None,
    load_index: Loader | None = None,
) -> int:
    """`load_index`: another index's results, for a plan file's `index:` objectives."""
    stream = out or sys.stdout
    if args.command in cli_plan.COMMANDS:
        return cli_plan.run(args, results, stream, load_index)
    if args.command == "profile":
        profile = results.profile(args.province, args.year)
        stream.write(_emit_profile(profile, args.format, args.lang, results.framework))
    else:
        ranking = results.ranking(args.year, args.unit)
        stream.write(_emit_ranking(ranking, args.format, args.lang, results.framework))
    stream.write("\n")
    return 0


# --- JSON ------------------------------------------------------------------------------


def _unit_json(r: UnitResult) -> dict[str, Any]:
    return {
        "code": r.unit,
        "name": r.name.vi,
        "score": r.score,
        "rank": r.rank,
        "of": r.of,
        "tier": r.tier,
        "tier_label": text_in(r.tier_label, "vi", None),
        "tier_depends_on_rule": r.tier_depends_on_rule,
        "change": r.change,
        "rank_change": r.rank_change,
    }


def _highlight_json(r: UnitResult) -> dict[str, Any]:
    return {
        **_unit_json(r),
        "level": r.level,
        "gap_to_mean": r.gap_to_mean,
        "gap_to_best": r.gap_to_best,
    }


def profile_json(p: ProvinceProfile) -> dict[str, Any]:
    agg = p.aggregate
    aggregate = None
    if agg is not None:
        prev = agg.previous
        aggregate = {
            "score": agg.score,
            "rank": agg.rank,
            "of": agg.of,
            "tier": agg.tier,
            "tier_label": text_in(agg.tier_label, "vi", None),
            "tier_depends_on_rule": agg.tier_depends_on_rule,
            "national_mean": agg.national_mean,
            "gap_to_mean": agg.gap_to_mean,
            "previous": None
            if prev is None
            else {"year": prev.year, "score": prev.score, "rank": prev.rank, "of": prev.of},
            "change": agg.change,
            "rank_change": agg.rank_change,
        }
    return {
        "index": p.index,
        "year": p.year,
        "province": {"name": p.province.name, "code": p.province.code},
        "aggregate": aggregate,
        "dimensions": [_unit_json(r) for r in p.dimensions],
        "subdimensions": [_unit_json(r) for r in p.subdimensions],
        "strengths": [_highlight_json(r) for r in p.strengths],
        "weaknesses": [_highlight_json(r) for r in p.weaknesses],
    }


def ranking_json(r: Ranking) -> dict[str, Any]:
    return {
        "index": r.index,
        "year": r.year,
        "unit": r.unit,
        "of": r.of,
        "cutoffs": r.cutoffs.as_dict(),
        "rule": r.rule,
        "rule_known": r.rule_known,
        "rows": [
            {
                "province": {"name": row.province.name, "code": row.province.code},
                "score": row.score,
                "rank": row.rank,
                "tier": row.tier,
                "tier_label": text_in(row.tier_label, "vi", None),
                "tier_depends_on_rule": row.tier_depends_on_rule,
            }
            for row in r.rows
        ],
    }


# --- table and CSV ---------------------------------------------------------------------


def _tier_text(label: LocalizedText | None, lang: str, depends_on_rule: bool) -> str:
    """The tier label, starred when the group depends on the rule (see the "depends" note)."""
    text = text_in(label, lang, "—")
    return f"{text} *" if depends_on_rule else text


def _unit_rows(results: tuple[UnitResult, ...], lang: str) -> list[list[str]]:
    return [
        [
            r.unit,
            text_in(r.name, lang),
            fmt_number(r.score, lang),
            fmt_rank(r.rank, r.of),
            _tier_text(r.tier_label, lang, r.tier_depends_on_rule),
            fmt_number(r.change, lang, sign=True),
            fmt_rank_change(r.rank_change, lang),
        ]
        for r in results
    ]


def _aggregate_line(p: ProvinceProfile, lang: str) -> str:
    t, a = labels_in(_LABELS, lang), p.aggregate
    if a is None:
        return f"{t['aggregate']}: {t['no_aggregate']}"
    parts = [
        f"{t['aggregate']}: {fmt_number(a.score, lang)}",
        f"{t['rank']} {fmt_rank(a.rank, a.of)}",
        f"{t['tier']} " + _tier_text(a.tier_label, lang, a.tier_depends_on_rule),
        f"{t['vs']} {t['mean']} {fmt_number(a.gap_to_mean, lang, sign=True)}",
    ]
    if a.computed:
        note = t["computed"]
        if a.weights_unconfirmed:
            note += "; " + t["unconfirmed"].format(year=a.year)
        parts[0] += f" ({note})"
    prev = a.previous
    if prev is not None and prev.score is not None and prev.rank is not None:
        parts.append(
            f"{t['vs']} {prev.year} ({fmt_number(prev.score, lang)}, "
            f"{fmt_rank(prev.rank, prev.of)}): {fmt_number(a.change, lang, sign=True)} "
            f"{t['points']}, "
            + (
                t["rank_unchanged"]
                if a.rank_change == 0
                else f"{fmt_rank_change(a.rank_change)} {t['places'].lower()}"
            )
        )
    return " — ".join(parts)


def _profile_table(p: ProvinceProfile, lang: str, fw: Framework) -> str:
    """The profile as text; sections named by the framework's own levels (PAPI's dimensions and
    sub-dimensions, PCI's components), a level the framework lacks left out."""
    t = labels_in(_LABELS, lang)
    header = [t["code"], t["name"], t["score"], t["rank"], t["tier"], t["change"], t["places"]]
    blocks = [
        f"{p.index} {p.year} — {p.province.display()} ({p.province.code})",
        _aggregate_line(p, lang),
    ]
    for depth, level in ((1, p.dimensions), (2, p.subdimensions)):
        if depth < len(fw.levels):
            blocks += [
                "",
                fw.levels[depth].name.get(lang),
                render_table(header, _unit_rows(level, lang)),
            ]
    for key, items in (("strengths", p.strengths), ("weaknesses", p.weaknesses)):
        names = [f"{r.unit} ({fmt_rank(r.rank, r.of)})" for r in items]
        blocks += ["", f"{t[key]}: {', '.join(names) or '—'}"]
    units = [*([p.aggregate] if p.aggregate else []), *p.dimensions, *p.subdimensions]
    if any(r.tier_depends_on_rule for r in units):
        blocks += ["", t["depends"]]
    return "\n".join(blocks)


def _ranking_basis(r: Ranking, lang: str, fw: Framework) -> str:
    """How the ranking's groups and ranks are found: quantile cut-offs (PAPI), the year's fixed
    bands or the published figures; a year whose data do not cover the field says so."""
    t = labels_in(_LABELS, lang)
    if fw.grouping == "quantiles":
        cut = ", ".join(f"{k} {fmt_number(v, lang)}" for k, v in r.cutoffs.as_dict().items())
        line = f"{t['cutoffs']} ({t['rule']} {r.rule}): {cut}; n = {r.of}"
    else:
        line = f"{t['bands' if fw.grouping == 'bands' else 'published']}; n = {r.of}"
    if r.mean is None and fw.field_size is not None:
        line += "; " + t["partial"].format(year=r.year, of=fw.field_size)
    return line


def _ranking_table(r: Ranking, lang: str, fw: Framework) -> str:
    t = labels_in(_LABELS, lang)
    rows = [
        [
            "—" if row.rank is None else str(row.rank),
            row.province.display(),
            fmt_number(row.score, lang),
            _tier_text(row.tier_label, lang, row.tier_depends_on_rule),
        ]
        for row in r.rows
    ]
    title = f"{r.index} {r.year} — {text_in(r.unit_name, lang)} ({r.unit})"
    return "\n".join(
        [
            title,
            _ranking_basis(r, lang, fw),
            render_table([t["rank"], t["province"], t["score"], t["tier"]], rows),
            *([t["depends"]] if any(row.tier_depends_on_rule for row in r.rows) else []),
        ]
    )


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue().rstrip("\n")


def _emit_profile(p: ProvinceProfile, fmt: str, lang: str, fw: Framework) -> str:
    if fmt == "json":
        return json.dumps(profile_json(p), ensure_ascii=False, indent=2)
    if fmt == "table":
        return _profile_table(p, lang, fw)
    units = ([p.aggregate] if p.aggregate else []) + [*p.dimensions, *p.subdimensions]
    header = ["code", "name", "level", "score", "rank", "of", "tier", "tier_label"]
    header += ["national_mean", "gap_to_mean", "change", "rank_change", "tier_depends_on_rule"]
    rows = [
        [r.unit, text_in(r.name, lang), r.level, r.score, r.rank, r.of, r.tier]
        + [text_in(r.tier_label, lang, None), r.national_mean, r.gap_to_mean]
        + [r.change, r.rank_change, int(r.tier_depends_on_rule)]
        for r in units
    ]
    return _csv(header, rows)


def _emit_ranking(r: Ranking, fmt: str, lang: str, fw: Framework) -> str:
    if fmt == "json":
        return json.dumps(ranking_json(r), ensure_ascii=False, indent=2)
    if fmt == "table":
        return _ranking_table(r, lang, fw)
    rows = [
        [row.rank, row.province.code, row.province.display(), row.score, row.tier]
        + [text_in(row.tier_label, lang, None), int(row.tier_depends_on_rule)]
        for row in r.rows
    ]
    header = ["rank", "province_code", "province", "score", "tier", "tier_label"]
    return _csv([*header, "tier_depends_on_rule"], rows)
