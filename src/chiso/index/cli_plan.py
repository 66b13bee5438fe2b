"""CLI for plans: `objectives evaluate` and `target`, hooked into the core CLI (`chiso.index.cli`).

chiso objectives evaluate --plan FILE --year YYYY [--data PATH] [--data-for INDEX=PATH …]
                          [--format table|json]
chiso target --province NAME --year YYYY (--score S | --tier T | --rank R) [--data PATH]
             [--unit CODE] [--seed N] [--draws N] [--confidence C] [--at S] [--format …]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from chiso.index.formatting import fmt_number, render_table
from chiso.index.framework import Framework
from chiso.index.objectives import MET, PENDING, ObjectiveResult, evaluate_objectives
from chiso.index.plan_file import PlanFileError, PlanSpec
from chiso.index.plan_indices import check_year, load_indexed_plan
from chiso.index.results import Results
from chiso.index.target import TargetError, TargetResult, UnitPlan, what_it_takes
from chiso.index.target_threshold import RANK, SCORE, TIER, Goal
from chiso.index.text import LocalizedText, labels_in, text_in

COMMANDS = frozenset({"objectives", "target"})

_STATUS: dict[str, LocalizedText] = {
    "met": LocalizedText("Đạt", "Met"),
    "not_met": LocalizedText("Chưa đạt", "Not met"),
    "pending": LocalizedText("Chưa có kết quả", "Pending"),
}
_T: dict[str, LocalizedText] = {
    "id": LocalizedText("Mã", "Id"),
    "status": LocalizedText("Kết quả", "Status"),
    "objective": LocalizedText("Mục tiêu", "Objective"),
    "detail": LocalizedText("Chi tiết", "Detail"),
    "totals": LocalizedText(
        "Đạt {met}/{n}, chưa đạt {not_met}, chờ kết quả {pending}",
        "Met {met}/{n}, not met {not_met}, pending {pending}",
    ),
    "vs": LocalizedText("so với", "vs"),
    "goal": LocalizedText("mục tiêu", "goal"),
    "unit": LocalizedText("Mã", "Code"),
    "name": LocalizedText("Tên", "Name"),
    "current": LocalizedText("Hiện tại", "Current"),
    "proposed": LocalizedText("Đề xuất", "Proposed"),
    "gain": LocalizedText("Tăng", "Gain"),
    "bound": LocalizedText("Giới hạn", "Bound"),
    "reason": LocalizedText("Lý do", "Reason"),
    "required": LocalizedText("Cần", "Required"),
    "reachable": LocalizedText("Khả thi", "Reachable"),
    "yes": LocalizedText("có", "yes"),
    "no": LocalizedText("không", "no"),
    "assumptions": LocalizedText("Giả định và lưu ý", "Assumptions and caveats"),
    "split": LocalizedText(
        "Phân bổ mức tăng theo nội dung thành phần", "Split of the gain across sub-dimensions"
    ),
    "actual": LocalizedText("Thực tế", "Actual"),
    "needed": LocalizedText("cần", "needed"),
    "dimensions": LocalizedText("Từng chỉ số nội dung", "Each dimension"),
}


def add_subcommands(subparsers: Any) -> None:
    """Add `objectives evaluate` and `target` to the core CLI's sub-parsers."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", help="folder of YYYY.csv (wide) or a long CSV/XLSX file")
    common.add_argument("--index", default="PAPI", help="framework code or YAML path")
    common.add_argument("--year", type=int, required=True)
    common.add_argument("--format", choices=("table", "json"), default="table")
    common.add_argument("--lang", choices=("vi", "en"), default="vi")
    objectives = subparsers.add_parser("objectives", help="plan objectives")
    actions = objectives.add_subparsers(dest="action", required=True)
    evaluate = actions.add_parser("evaluate", parents=[common], help="met / not met / pending")
    evaluate.add_argument("--plan", required=True, help="plan file (YAML)")
    evaluate.add_argument(
        "--data-for",
        action="append",
        default=[],
        metavar="INDEX=PATH",
        help="results of another index the plan's objectives are on (PCI=../shared/data/pci); "
        "default: the folder named after the index beside --data, or the database",
    )
    target = subparsers.add_parser("target", parents=[common], help="what it takes to reach a goal")
    target.add_argument("--province", required=True)
    goal = target.add_mutually_exclusive_group(required=True)
    goal.add_argument("--score", type=float)
    goal.add_argument("--tier", help="high | high_average | low_average | low")
    goal.add_argument("--rank", type=int)
    target.add_argument("--unit", default="aggregate", help="aggregate or a dimension code")
    target.add_argument("--seed", type=int, default=0)
    target.add_argument("--draws", type=int, default=2000)
    target.add_argument("--confidence", type=float, default=0.8)
    target.add_argument("--at", type=float, help="score at which to read the probability")
    target.add_argument("--dimension-tier", help="also show each dimension's need for this tier")


def main(argv: list[str] | None = None, db_loader: Callable[[str], Results] | None = None) -> int:
    """Stand-alone entry (`python -m chiso.index.cli_plan …`) until the core CLI routes here."""
    from chiso.index.cli import load_from_path
    from chiso.index.dataset import DataError

    parser = argparse.ArgumentParser(prog="chiso", description="PAPI plan objectives and targets")
    add_subcommands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.data:
            results = load_from_path(args.data, args.index)
        elif db_loader is not None:
            results = db_loader(args.index)
        else:
            print("Cần --data (no --data and no database)", file=sys.stderr)
            return 2
    except (DataError, LookupError, ValueError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return run(args, results, load_index=index_loader(args, db_loader))


def run(
    args: argparse.Namespace,
    results: Results,
    out: TextIO | None = None,
    load_index: IndexLoader | None = None,
) -> int:
    """`load_index` finds another index's results for a plan's `index:` objectives."""
    stream = out or sys.stdout
    try:
        if args.command == "objectives":
            text = _objectives(args, results, load_index or index_loader(args, None))
        else:
            text = _target(args, results)
    except (PlanFileError, TargetError, LookupError, ValueError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    stream.write(text + "\n")
    return 0


# --- objectives ------------------------------------------------------------------------


IndexLoader = Callable[[str], Results]  # an index code → its results; LookupError if none


def index_loader(
    args: argparse.Namespace, db_loader: Callable[[str], Results] | None
) -> IndexLoader:
    """Where another index's results come from: `--data-for PCI=PATH`; else, beside `--data`,
    the folder named after the index (../shared/data/pci next to papi-subdimensions); else the
    database, as `--index PCI` reads it without --data."""
    from pathlib import Path

    from chiso.index.cli import load_from_path
    from chiso.index.framework import framework_slug

    given: dict[str, str] = {}
    for item in getattr(args, "data_for", []) or []:
        code, _sep, path = item.partition("=")
        if not path:
            raise LookupError(f"--data-for {item!r}: cần INDEX=PATH (expected INDEX=PATH)")
        given[code.strip().upper().replace(" ", "_")] = path

    def load(index: str) -> Results:
        if index in given:
            return load_from_path(given[index], index)
        if args.data:
            beside = Path(args.data).resolve().parent / framework_slug(index)
            if beside.is_dir():
                return load_from_path(str(beside), index)
            raise LookupError(
                f"không có dữ liệu {index} (no {index} data: give --data-for {index}=PATH; "
                f"not found beside --data: {beside})"
            )
        if db_loader is not None:
            return db_loader(index)
        raise LookupError(f"không có dữ liệu {index} (no {index} data: give --data-for)")

    return load


def _objectives(args: argparse.Namespace, results: Results, load_index: IndexLoader) -> str:
    """Each objective judged on its own index's results; one on another index than the file's
    (`index: PCI`) needs that index's results for the year, else an error naming the file, the
    objective and the reason."""
    from chiso.index.dataset import DataError

    indexed = load_indexed_plan(args.plan)
    found: dict[str, ObjectiveResult] = {}
    others: dict[str, str] = {}  # objective id → its index, when not the file's
    for spec in indexed.specs:
        on = results
        if spec.index != indexed.index:
            ids = ", ".join(o.id for o in spec.objectives)
            try:
                on = load_index(spec.index)
            except (DataError, LookupError, ValueError) as exc:
                raise PlanFileError(indexed.source, ids, "index", str(exc)) from None
            check_year(spec, on, args.year)
            others |= {o.id: spec.index for o in spec.objectives}
        found |= {r.spec.id: r for r in evaluate_objectives(spec, on, args.year)}
    plan = indexed.spec_of(indexed.index) or indexed.specs[0]
    evaluated = [found[i] for i in indexed.order]
    if args.format == "json":
        doc = objectives_json(plan, args.year, evaluated, others)
        return json.dumps(doc, ensure_ascii=False, indent=2)
    return _objectives_table(plan, args.year, evaluated, args.lang, others)


def objectives_json(
    plan: PlanSpec,
    year: int,
    evaluated: list[ObjectiveResult],
    others: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The plan's objectives judged; one on another index than the plan's names it ("index")."""
    others = others or {}
    return {
        "plan": {
            "index": plan.index,
            "province": plan.province,
            "year": plan.year,
            "baseline_year": plan.baseline_year,
            "title": plan.title,
        },
        "year": year,
        "objectives": [
            r.as_json() | ({"index": others[r.spec.id]} if r.spec.id in others else {})
            for r in evaluated
        ],
    }


def _objectives_table(
    plan: PlanSpec,
    year: int,
    evaluated: list[ObjectiveResult],
    lang: str,
    others: dict[str, str] | None = None,
) -> str:
    t, status = labels_in(_T, lang), labels_in(_STATUS, lang)
    others = others or {}

    def text(r: ObjectiveResult) -> str:
        index = others.get(r.spec.id)
        suffix = f" [{index.replace('_', ' ')}]" if index else ""
        return _clip(r.spec.text, 60 - len(suffix)) + suffix

    rows = [[r.spec.id, status[r.status], text(r), r.summary.get(lang)] for r in evaluated]
    counts = {s: sum(r.status == s for r in evaluated) for s in (MET, "not_met", PENDING)}
    title = plan.title or plan.province
    return "\n".join(
        [
            f"{plan.index} {year} — {plan.province} — {title}",
            render_table([t["id"], t["status"], t["objective"], t["detail"]], rows),
            "",
            t["totals"].format(n=len(evaluated), **counts),
        ]
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- target ----------------------------------------------------------------------------


def _goal(args: argparse.Namespace, framework: Framework) -> Goal:
    if args.score is not None:
        return Goal(SCORE, score=args.score)
    if args.rank is not None:
        return Goal(RANK, rank=args.rank)
    codes = [t.code for t in framework.tiers]
    if args.tier not in codes:
        raise TargetError(f"Nhóm không hợp lệ {args.tier!r} (unknown tier; có: {', '.join(codes)})")
    return Goal(TIER, tier=args.tier)


def _target(args: argparse.Namespace, results: Results) -> str:
    result = what_it_takes(
        results,
        args.province,
        args.year,
        _goal(args, results.framework),
        args.unit,
        draws=args.draws,
        seed=args.seed,
        confidence=args.confidence,
        at_score=args.at,
        dimension_tier=args.dimension_tier,
    )
    if args.format == "json":
        return json.dumps(result.as_json(args.lang), ensure_ascii=False, indent=2)
    return target_table(result, args.lang)


def _need_line(plan: UnitPlan, year: int, base: int, lang: str) -> str:
    rel = ">" if plan.required.strict else "≥"
    figures = {
        "rel": rel,
        "year": year,
        "base": base,
        "req": fmt_number(plan.required.score, lang),
        "cur": fmt_number(plan.current, lang),
        "gain": fmt_number(plan.needed_gain, lang, sign=True),
        "most": fmt_number(plan.max_gain, lang, sign=True),
        "short": fmt_number(plan.shortfall, lang),
    }
    verdict = _REACHABLE if plan.reachable else _OUT_OF_REACH
    return f"{text_in(_NEED, lang)} {text_in(verdict, lang)}".format(**figures)


_NEED = LocalizedText(
    "Điểm {base}: {cur}; năm {year} cần {rel} {req} ({gain} điểm).",
    "{base} score: {cur}; {year} needs {rel} {req} ({gain} points).",
)
_REACHABLE = LocalizedText(
    "Mức tăng thực tế tối đa trong một năm {most}: khả thi.",
    "Largest realistic one-year gain {most}: reachable.",
)
_OUT_OF_REACH = LocalizedText(
    "Mức tăng thực tế tối đa {most}: KHÔNG đạt được trong một năm (thiếu {short}).",
    "Largest realistic gain {most}: OUT OF REACH within one year ({short} short).",
)


def target_table(r: TargetResult, lang: str = "vi") -> str:
    t, p = labels_in(_T, lang), r.plan
    name = text_in(p.name, lang)
    goal = p.goal_text.get(lang)
    lines = [
        f"{r.index} {r.year} — {r.province.display()} — {name}: {t['goal']} {goal}",
        _need_line(p, r.year, r.baseline_year, lang),
    ]
    if r.outcome is not None and r.outcome.score is not None:
        o = r.outcome
        rel = ">" if o.required.strict else "≥"
        verdict = (t["yes"] if o.reached else t["no"]).upper()
        lines.append(
            f"{t['actual']} {r.year}: {fmt_number(o.score, lang)} ({t['needed']} {rel} "
            f"{fmt_number(o.required.score, lang)}) — {verdict}"
        )
    if p.allocation:
        header = [t["unit"], t["current"], t["proposed"], t["gain"], t["bound"], t["reason"]]
        rows = [
            [
                a.unit,
                fmt_number(a.current, lang, 3),
                fmt_number(a.proposed, lang, 3),
                fmt_number(a.gain, lang, 3, sign=True),
                fmt_number(a.bound, lang, 3),
                a.reason.get(lang),
            ]
            for a in p.allocation
        ]
        lines += ["", t["split"], render_table(header, rows)]
    if r.dimensions:
        header = [t["unit"], t["name"], t["current"], t["required"], t["gain"], t["reachable"]]
        rows = [
            [
                d.unit,
                _clip(text_in(d.name, lang), 40),
                fmt_number(d.current, lang),
                (">" if d.required.strict else "≥") + " " + fmt_number(d.required.score, lang),
                fmt_number(d.needed_gain, lang, sign=True),
                t["yes"] if d.reachable else t["no"],
            ]
            for d in r.dimensions
        ]
        lines += ["", t["dimensions"], render_table(header, rows)]
    lines += ["", t["assumptions"], *(f"- {a.get(lang)}" for a in r.assumptions)]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
