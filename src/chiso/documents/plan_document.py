"""The plan itself as a DOCX in the Decree 30 layout, worded like the province's own plan (the
seed): opening, "I. Mục đích, yêu cầu và mục tiêu", "II. Giải pháp, nhiệm vụ" built from the task
framework with the seed's numbering (1., a), -), "III. Tổ chức thực hiện", closing sentence and
"Nơi nhận" — so a plan drafted in chiso can be signed and issued without retyping.

The stored words (purpose, requirements, implementation…) live in `PlanText`
(`chiso.documents.plan_words`); the tasks are the plan's data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from chiso.documents.decree30 import OfficialDocument
from chiso.documents.letterhead import Letterhead, Progress, no_progress
from chiso.documents.phrases import short_kind
from chiso.documents.plan_words import PlanWords
from chiso.index.provinces import UnknownProvince, match_province
from chiso.plans.models import Assignment, Plan, Relation, Task

# Sections of part II are coded "II.1", "II.2"… (or plain "1", "2"); the plan's own parts I and
# III are written from the stored words, never as a list of tasks.
PART_II = re.compile(r"^(?:II\.)?(\d+)$")
LETTER = re.compile(r"^([a-zđ])(?:\.\d+)?$")


def province_kind(name: str) -> str:
    """tỉnh or "thành phố" (centrally governed city), from the core's province list."""
    try:
        return short_kind(match_province(name).kind)
    except UnknownProvince:
        return "tỉnh"


def seed_day(value: dt.date) -> str:
    """30/6/2023: the day and month without leading zeros, as plans write them in running text."""
    return f"{value.day}/{value.month}/{value.year}"


@dataclass(frozen=True)
class TaskLine:
    code: str
    title: str
    lead: str
    coordinate: str
    deadline: dt.date | None


@dataclass(frozen=True)
class TaskGroup:
    """The tasks under one "a)", "b)"… of a section, and who carries them out."""

    letter: str
    lead: str
    tasks: tuple[TaskLine, ...]


@dataclass(frozen=True)
class SectionLines:
    number: str
    title: str
    groups: tuple[TaskGroup, ...]


@dataclass(frozen=True)
class PlanOutline:
    title: str
    year: int
    province: str
    province_kind: str
    report_due: dt.date | None
    sections: tuple[SectionLines, ...]
    words: PlanWords


def _names(assignments: list[Assignment]) -> str:
    """Agency names, a group written once by its name ("UBND các huyện, thị xã, thành phố");
    bodies the province can only ask come after "đề nghị" ("Đề nghị Ủy ban MTTQ …")."""
    told: list[str] = []
    asked: list[str] = []
    for a in assignments:
        name = a.via_group.name if a.via_group is not None else a.agency.name
        bucket = asked if a.relation == Relation.REQUEST else told
        if name not in bucket:
            bucket.append(name)
    if not asked:
        return ", ".join(told)
    if not told:
        return f"Đề nghị {', '.join(asked)}"
    return f"{', '.join(told)}; đề nghị {', '.join(asked)}"


def _task_line(task: Task) -> TaskLine:
    assignments = [a for a in task.assignments.all() if a.parent_id is None]
    # A requested body (the Front) is lead or partner as its part says, never lead by default.
    lead = [
        a
        for a in assignments
        if a.relation == Relation.LEAD or (a.relation == Relation.REQUEST and a.leads)
    ]
    coordinate = [a for a in assignments if a not in lead]
    return TaskLine(
        code=task.code,
        title=task.title.strip().rstrip("."),
        lead=_names(lead),
        coordinate=_names(coordinate),
        deadline=task.deadline,
    )


def _groups(tasks: list[TaskLine]) -> tuple[TaskGroup, ...]:
    """Tasks coded "a.1", "a.2" form group a); a task with no letter code is a group alone."""
    groups: list[TaskGroup] = []
    for line in tasks:
        match = LETTER.match(line.code)
        letter = match.group(1) if match else ""
        if letter and groups and groups[-1].letter == letter:
            last = groups[-1]
            groups[-1] = TaskGroup(letter, last.lead, (*last.tasks, line))
        else:
            groups.append(TaskGroup(letter, line.lead, (line,)))
    return tuple(groups)


def plan_outline(plan: Plan, words: PlanWords) -> PlanOutline:
    tasks = (
        plan.tasks.filter(follow_up=False)  # given later: not part of the issued text
        .select_related("section")
        .prefetch_related("assignments__agency", "assignments__via_group")
        .order_by("section__order", "section__id", "order", "id")
    )
    by_section: dict[int | None, list[TaskLine]] = {}
    for task in tasks:
        by_section.setdefault(task.section_id, []).append(_task_line(task))
    sections: list[SectionLines] = []
    for section in plan.sections.order_by("order", "id"):
        match = PART_II.match(section.code.strip())
        if match and by_section.get(section.pk):
            groups = _groups(by_section[section.pk])
            sections.append(SectionLines(match.group(1), section.title, groups))
    if by_section.get(None):
        number = str(len(sections) + 1)
        sections.append(SectionLines(number, "Nhiệm vụ khác", _groups(by_section[None])))
    return PlanOutline(
        title=plan.title,
        year=plan.year,
        province=plan.province.name,
        province_kind=province_kind(plan.province.name),
        report_due=plan.report_due,
        sections=tuple(sections),
        words=words,
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def task_sentence(line: TaskLine) -> str:
    """The task's wording, its coordinating bodies when the wording does not name them already,
    and its deadline ("hoàn thành trước ngày 30/6/2023")."""
    text = line.title
    if line.coordinate and "phối hợp" not in text.lower():
        text += f"; phối hợp: {line.coordinate}"
    if line.deadline is not None:
        text += f" (hoàn thành trước ngày {seed_day(line.deadline)})"
    return text


def write_solutions(doc: OfficialDocument, sections: tuple[SectionLines, ...]) -> None:
    for section in sections:
        doc.heading(f"{section.number}. {section.title}", 2)
        for group in section.groups:
            label = f"{group.letter}) " if group.letter else ""
            if len(group.tasks) == 1:
                # One task: one paragraph, "d) Đề nghị Ủy ban MTTQ … chỉ đạo …".
                sentence = task_sentence(group.tasks[0])
                lead = f"{group.lead} " if group.lead else ""
                doc.para(f"{label}{lead}{_lower_first(sentence) if lead else sentence}.")
                continue
            doc.heading(f"{label}{group.lead}", 3)
            _group_bullets(doc, group)


def _lead_in(title: str) -> tuple[str, str]:
    """ "Chỉ đạo UBND cấp xã: Tổ chức …" → ("Chỉ đạo UBND cấp xã", "Tổ chức …")."""
    head, sep, rest = title.partition(": ")
    return (head, rest) if sep and rest else ("", title)


def _group_bullets(doc: OfficialDocument, group: TaskGroup) -> None:
    """One "- " line per task; tasks in a row whose wording opens with the same lead-in
    ("Chỉ đạo UBND cấp xã: …") print it once, their own parts as "+ " lines under it."""
    leads = {t.lead for t in group.tasks}
    shown_lead_in = ""
    for i, line in enumerate(group.tasks):
        # A task led by fewer bodies than its group names them ("Đài PT-TH …").
        who = f"{line.lead}: " if len(leads) > 1 and line.lead != group.lead else ""
        lead_in, rest = _lead_in(line.title)
        neighbours = [_lead_in(t.title)[0] for t in group.tasks[max(i - 1, 0) : i + 2]]
        if lead_in and neighbours.count(lead_in) > 1:
            if lead_in != shown_lead_in:
                doc.para(f"- {who}{lead_in}:")
                shown_lead_in = lead_in
            doc.para(f"+ {task_sentence(replace(line, title=rest[:1].upper() + rest[1:]))}.")
            continue
        shown_lead_in = ""
        doc.para(f"- {who}{task_sentence(line)}.")


def _lines(doc: OfficialDocument, items: tuple[str, ...]) -> None:
    for item in items:
        doc.para(item if item[:1] in "-+" else f"- {item}")


def summary(title: str) -> str:
    """The line under "KẾ HOẠCH": the title without a second "Kế hoạch"."""
    text = title.strip()
    if text.lower().startswith("kế hoạch "):
        text = text[len("kế hoạch ") :]
    return text[:1].upper() + text[1:]


def build_plan_document(
    outline: PlanOutline, letterhead: Letterhead, progress: Progress = no_progress
) -> bytes:
    words = outline.words
    doc = OfficialDocument(letterhead.head("KH", "KẾ HOẠCH", summary(outline.title)))
    doc.header()
    for paragraph in words.preamble:
        doc.para(paragraph)
    progress(30, "Mục đích, yêu cầu, mục tiêu")
    if words.purpose or words.requirements:
        doc.heading("I. MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU CỦA KẾ HOẠCH")
        for number, (heading, items) in enumerate(
            (("Mục đích", words.purpose), ("Yêu cầu", words.requirements)), start=1
        ):
            doc.heading(f"{number}. {heading}", 2)
            _lines(doc, items or ("(Chưa nhập.)",))
        doc.heading("3. Mục tiêu", 2)
    else:
        doc.heading("I. MỤC TIÊU")
    _lines(doc, words.objectives or ("(Chưa có mục tiêu.)",))
    progress(50, "Giải pháp, nhiệm vụ")
    doc.heading("II. GIẢI PHÁP, NHIỆM VỤ VÀ TRÁCH NHIỆM THỰC HIỆN")
    write_solutions(doc, outline.sections)
    progress(80, "Tổ chức thực hiện")
    doc.heading("III. TỔ CHỨC THỰC HIỆN")
    for clause in words.implementation:
        doc.para(clause)
    doc.para(words.closing)
    doc.closing()
    progress(85, "Lưu tệp")
    return doc.to_bytes()
