"""Facts that prefill the editable parts of a consolidated report: IV. tồn tại, hạn chế and
nguyên nhân; V. phương hướng, nhiệm vụ; VI. kiến nghị, đề xuất.

Each provider reads the report's context and returns sentences for some of these parts; the
officer then edits the text freely (the draft keeps the words, the facts stay data). The
built-ins read the late agencies, the weak units without a task, the inspection findings not yet
remedied, the difficulties and the Front's recommendations still open on the report's cut-off
(chiso.supervision, sitting below documents) and what remains to do. Another app above documents
adds its own facts with

    from chiso.documents.consolidated_providers import register_fact_provider

    @register_fact_provider
    def my_facts(context: FactContext) -> Iterable[Fact]: ...

called from its `AppConfig.ready()`. Providers run in registration order (built-ins first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from chiso.activities.models import Finding, Verdict
from chiso.dashboards.weakness import WeakUnits
from chiso.documents.consolidated_facts import ConsolidatedFacts
from chiso.plans.models import Plan
from chiso.plans.status import Status
from chiso.plans.units import index_name
from chiso.supervision.models import Difficulty, Kind, State

LIMITATIONS, CAUSES, DIRECTIONS, PROPOSALS = "limitations", "causes", "directions", "proposals"
PARTS = (LIMITATIONS, CAUSES, DIRECTIONS, PROPOSALS)


@dataclass(frozen=True)
class FactContext:
    plan: Plan
    facts: ConsolidatedFacts
    author: str  # the report's author ("Sở Nội vụ"): it never asks itself to hurry
    weak: WeakUnits | None  # the province's weak units in the latest published results

    @property
    def cutoff(self) -> dt.date:
        return self.facts.cutoff


@dataclass(frozen=True)
class Fact:
    part: str  # one of PARTS
    text: str  # one sentence or line, no bullet mark


FactProvider = Callable[[FactContext], Iterable[Fact]]
FACT_PROVIDERS: list[FactProvider] = []


def register_fact_provider(provider: FactProvider) -> FactProvider:
    if provider not in FACT_PROVIDERS:
        FACT_PROVIDERS.append(provider)
    return provider


def prefill(context: FactContext) -> dict[str, str]:
    """Each editable part's starting text: one fact a line."""
    lines: dict[str, list[str]] = {part: [] for part in PARTS}
    for provider in FACT_PROVIDERS:
        for fact in provider(context):
            if fact.part in lines and fact.text not in lines[fact.part]:
                lines[fact.part].append(fact.text)
    return {part: "\n".join(items) for part, items in lines.items()}


def late_agencies(context: FactContext) -> Iterable[Fact]:
    late = [a for a in context.facts.agencies if a.overdue]
    if not late:
        return
    # The author states its own late tasks as a direction; it never lists itself for a request.
    others = [a for a in late if a.agency != context.author]
    if others:
        yield Fact(
            LIMITATIONS,
            f"Còn {sum(a.overdue for a in others)} lượt nhiệm vụ quá hạn chưa hoàn thành tại "
            f"{len(others)} cơ quan, đơn vị, địa phương: "
            + ", ".join(a.agency for a in others)
            + ".",
        )
    names = [a.agency for a in others]
    if names:
        yield Fact(
            CAUSES,
            "Một số cơ quan, đơn vị, địa phương chưa bố trí thực hiện và báo cáo kết quả đúng "
            "thời hạn kế hoạch giao.",
        )
        yield Fact(
            PROPOSALS,
            "Đề nghị UBND tỉnh chỉ đạo các cơ quan, đơn vị, địa phương có nhiệm vụ quá hạn khẩn "
            f"trương hoàn thành và báo cáo kết quả về {context.author}: {', '.join(names)}.",
        )
    if any(a.agency == context.author for a in late):
        yield Fact(
            DIRECTIONS,
            f"{context.author} khẩn trương hoàn thành các nhiệm vụ của mình đã quá hạn.",
        )
    yield Fact(
        DIRECTIONS,
        "Đôn đốc các cơ quan, đơn vị, địa phương hoàn thành các nhiệm vụ quá hạn và báo cáo kết "
        "quả đúng hạn.",
    )


def _covered(code: str, task_units: set[str]) -> bool:
    return any(
        code == u or code.startswith(f"{u}.") or u.startswith(f"{code}.") for u in task_units
    )


def weak_units_without_tasks(context: FactContext) -> Iterable[Fact]:
    weak = context.weak
    if weak is None or weak.year is None or not weak.units:
        return
    task_units = {u for t in context.facts.tasks for u in t.units}
    bare = [w for code, w in sorted(weak.units.items()) if not _covered(code, task_units)]
    if not bare:
        return
    names = "; ".join(f"{w.code} {w.name} ({w.tier_label}, hạng {w.rank}/{w.of})" for w in bare)
    yield Fact(
        LIMITATIONS,
        f"Một số nội dung yếu theo kết quả {index_name(context.plan.index)} năm {weak.year} "
        f"chưa có nhiệm vụ cụ thể trong kế hoạch: {names}.",
    )
    yield Fact(
        DIRECTIONS,
        "Bổ sung nhiệm vụ, giải pháp cho các nội dung yếu chưa có nhiệm vụ: "
        + ", ".join(w.code for w in bare)
        + ".",
    )
    yield Fact(
        PROPOSALS,
        "Đề nghị UBND tỉnh giao nhiệm vụ bổ sung cho các nội dung "
        + ", ".join(w.code for w in bare)
        + " trong kế hoạch năm sau.",
    )


def open_findings(context: FactContext) -> Iterable[Fact]:
    findings = (
        Finding.objects.filter(
            visit__inspection_plan__plan=context.plan,
            verdict__in=(Verdict.SHORTCOMING, Verdict.VIOLATION),
            visit__visited_on__lte=context.cutoff,
        )
        .select_related("visit__agency")
        .prefetch_related("recommendations__follow_up_task__assignments")
        .order_by("visit__visited_on", "id")
    )
    for finding in findings:
        recs = list(finding.recommendations.all())
        states = [r.follow_up_status(context.cutoff)[0] for r in recs]
        if recs and all(s in ("closed", Status.DONE, Status.DONE_LATE) for s in states):
            continue
        agency = finding.visit.agency.name
        yield Fact(
            LIMITATIONS,
            f"Qua kiểm tra tại {agency} ({finding.visit.visited_on:%d/%m/%Y}): "
            f"{finding.description.strip().rstrip('.')}; kiến nghị chưa khắc phục xong.",
        )
        for rec in recs:
            yield Fact(
                DIRECTIONS,
                f"Theo dõi {agency} thực hiện kiến nghị: {rec.text.strip().rstrip('.')} "
                f"(hạn {rec.deadline:%d/%m/%Y}).",
            )


def pending_objectives(context: FactContext) -> Iterable[Fact]:
    if context.facts.tasks and not any(t.count(Status.OVERDUE) for t in context.facts.tasks):
        yield Fact(
            DIRECTIONS,
            "Tiếp tục triển khai các nhiệm vụ còn lại của kế hoạch đúng tiến độ.",
        )
    yield Fact(
        DIRECTIONS,
        f"Chuẩn bị và phối hợp tổ chức khảo sát Chỉ số {index_name(context.plan.index)} năm "
        f"{context.plan.year}; tiếp tục tuyên truyền, niêm yết Bộ khung nhiệm vụ tại các xã, "
        "phường, thị trấn chưa niêm yết.",
    )


def _day(value: dt.date) -> str:
    return f"{value:%d/%m/%Y}"


def _sentence(text: str) -> str:
    return text.strip().rstrip(".")


def _where_it_stands(item: Difficulty, state: State, context: FactContext) -> str:
    """What remains of an open item on the cut-off day. The author (Sở Nội vụ) is never named
    as the one who has not acted: the report is its own."""
    handler = item.handler.name
    theirs = f" {handler}" if handler != context.author else ""
    if state == State.DIRECTED and item.direction is not None:
        direction = item.direction
        late = direction.deadline < context.cutoff
        progress = "đã quá hạn thực hiện" if late else "đang thực hiện"
        return (
            f"UBND tỉnh đã chỉ đạo tại Văn bản số {direction.number} ngày "
            f"{_day(direction.issued_on)}, {progress} (hạn {_day(direction.deadline)})"
        )
    if state == State.ESCALATED and item.escalated_on is not None:
        return f"đã tham mưu UBND tỉnh chỉ đạo xử lý ngày {_day(item.escalated_on)}, chờ chỉ đạo"
    if state == State.ANSWERED and item.answered_on is not None:
        answered = f"{handler} đã trả lời" if theirs else "đã được hướng dẫn, trả lời"
        return f"{answered} ngày {_day(item.answered_on)}, chưa giải quyết xong"
    if item.due_on < context.cutoff:
        return f"chưa được{theirs} xử lý, đã quá hạn (hạn {_day(item.due_on)})"
    return f"đang chờ{theirs} xử lý (hạn {_day(item.due_on)})"


def _open_item_line(item: Difficulty, state: State, context: FactContext) -> str:
    raiser = item.raised_by_agency.name
    if item.kind == Kind.RECOMMENDATION:
        head = f"Kiến nghị giám sát của {raiser} tới {item.handler.name}"
    else:
        head = f"Khó khăn, vướng mắc của {raiser}"
    stands = _where_it_stands(item, state, context)
    return f"{head} ({_day(item.raised_on)}): {_sentence(item.title)}; {stands}."


def _difficulty_summary(rows: list[tuple[Difficulty, State]], context: FactContext) -> str:
    start = context.facts.period.starts_on
    raised = [i for i, _s in rows if i.kind == Kind.DIFFICULTY and i.raised_on >= start]
    resolved = sum(1 for i in raised if i.state_on(context.cutoff) == State.RESOLVED)
    still = [(i, s) for i, s in rows if i.kind == Kind.DIFFICULTY and s != State.RESOLVED]
    overdue = sum(1 for i, _s in still if i.overdue_on(context.cutoff))
    return (
        f"Trong kỳ, các cơ quan, đơn vị, địa phương nêu {len(raised)} khó khăn, vướng mắc, đã "
        f"giải quyết {resolved}; đến ngày {_day(context.cutoff)} còn {len(still)} khó khăn, "
        f"vướng mắc chưa được giải quyết, trong đó {overdue} quá hạn xử lý."
    )


def difficulties_and_recommendations(context: FactContext) -> Iterable[Fact]:
    """Difficulties and the Front's supervision recommendations as they stood on the report's
    cut-off (chiso.supervision): what is still open in Part IV, each escalated item still
    waiting for the People's Committee and each direction past its deadline in Part VI."""
    items = (
        Difficulty.objects.filter(plan=context.plan, raised_on__lte=context.cutoff)
        .select_related("raised_by_agency", "handler", "direction")
        .order_by("raised_on", "id")
    )
    rows = [(item, item.state_on(context.cutoff)) for item in items]
    if not rows:
        return
    yield Fact(LIMITATIONS, _difficulty_summary(rows, context))
    still = [(item, state) for item, state in rows if state != State.RESOLVED]
    for item, state in sorted(still, key=lambda row: row[0].kind):  # difficulties first
        yield Fact(LIMITATIONS, _open_item_line(item, state, context))
    for item, state in still:
        yield from _proposals(item, state, context)
    if any(i.overdue_on(context.cutoff) and i.handler.name == context.author for i, _s in still):
        yield Fact(
            DIRECTIONS,
            f"{context.author} khẩn trương xử lý, trả lời các khó khăn, vướng mắc đã quá hạn.",
        )


def _proposals(item: Difficulty, state: State, context: FactContext) -> Iterable[Fact]:
    raiser = item.raised_by_agency.name
    if state == State.ESCALATED and item.escalated_on is not None:
        yield Fact(
            PROPOSALS,
            f"Đề nghị UBND tỉnh chỉ đạo xử lý khó khăn, vướng mắc của {raiser}: "
            f"{_sentence(item.title)} (đã tham mưu ngày {_day(item.escalated_on)}: "
            f"{_sentence(item.proposal)}).",
        )
    direction = item.direction
    if state == State.DIRECTED and direction is not None and direction.deadline < context.cutoff:
        yield Fact(
            PROPOSALS,
            f"Đề nghị UBND tỉnh đôn đốc thực hiện chỉ đạo tại Văn bản số {direction.number} "
            f"ngày {_day(direction.issued_on)} đã quá hạn (hạn {_day(direction.deadline)}).",
        )
    if item.overdue_on(context.cutoff) and item.handler.name != context.author:
        what = "kiến nghị giám sát" if item.kind == Kind.RECOMMENDATION else "khó khăn, vướng mắc"
        yield Fact(
            PROPOSALS,
            f"Đề nghị UBND tỉnh chỉ đạo {item.handler.name} khẩn trương xử lý, trả lời {what} "
            f"đã quá hạn: {_sentence(item.title)}.",
        )


for _provider in (
    late_agencies,
    weak_units_without_tasks,
    open_findings,
    difficulties_and_recommendations,
    pending_objectives,
):
    register_fact_provider(_provider)
