"""Báo cáo kết quả thực hiện Kế hoạch cải thiện, nâng cao Chỉ số PAPI (or the plan's index) for a
period (6 months, 9 months, the year, or given dates): the consolidated report Sở Nội vụ sends
the People's Committee.

The report is a list of blocks (headings, paragraphs, tables), so one outline feeds both the
browser preview and the Decree 30 DOCX. Parts I–III and the annex are written from the facts
(`consolidated_facts`); parts IV–VI are the officer's words (`ConsolidatedDraft`), prefilled
from `consolidated_providers`.
"""

from __future__ import annotations

from dataclasses import dataclass

from chiso.documents.consolidated_facts import (
    ConsolidatedFacts,
    DimensionWork,
    DistrictPostings,
    TaskFacts,
)
from chiso.documents.decree30 import OfficialDocument
from chiso.documents.letterhead import Letterhead
from chiso.documents.phrases import (
    amount,
    day,
    percent,
    plan_subject,
    province_label,
)
from chiso.documents.report_indices import IndexSection
from chiso.documents.report_objectives import ReportObjective
from chiso.documents.results_report import OBJECTIVE_WIDTHS, PlanFacts, objectives_table
from chiso.documents.results_sections import other_index_words
from chiso.index.report import ProvinceProfile
from chiso.index.text import text_in
from chiso.plans.status import Status
from chiso.plans.units import index_name

NARRATIVE_LIMIT = 320  # characters of an agency's report quoted in part II
ANNEX_TITLE_LIMIT = 110  # a task's wording in the annex table (in full in part II)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str
    italic: bool = False
    caption: bool = False  # introduces the table that follows


@dataclass(frozen=True)
class TableBlock:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class Centered:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Centered | TableBlock | PageBreak


@dataclass(frozen=True)
class ConsolidatedTexts:
    """The officer's words: one item a line."""

    limitations: str = ""
    causes: str = ""
    directions: str = ""
    proposals: str = ""


@dataclass(frozen=True)
class ConsolidatedInput:
    plan: PlanFacts
    facts: ConsolidatedFacts
    sections: tuple[IndexSection, ...]  # the plan's index, then its objectives' other ones
    objectives: tuple[ReportObjective, ...]  # each on its own index (report_objectives)
    texts: ConsolidatedTexts
    author: str  # "Sở Nội vụ"

    @property
    def own(self) -> IndexSection | None:
        """The plan's own index (PAPI's for a PAPI plan)."""
        return self.sections[0] if self.sections else None

    @property
    def profile(self) -> ProvinceProfile | None:
        """The plan's own index's latest results for the province (None: none)."""
        return self.own.profile if self.own is not None else None


def summary_line(plan_year: int, period_words: str, index: str = "PAPI") -> str:
    return (
        f"Kết quả thực hiện Kế hoạch cải thiện, nâng cao Chỉ số {index_name(index)} {period_words}"
    ).replace(f"năm {plan_year} năm {plan_year}", f"năm {plan_year}")


def report_blocks(data: ConsolidatedInput) -> list[Block]:
    blocks: list[Block] = [Para(_opening(data))]
    blocks += _organisation(data)
    blocks += _results(data)
    blocks += _objectives(data)
    blocks += _editable(data.texts)
    blocks.append(
        Para(
            "Trên đây là báo cáo kết quả thực hiện Kế hoạch cải thiện, nâng cao Chỉ số "
            f"{index_name(data.plan.index)} {data.facts.period.words} của "
            f"{province_label(data.plan.province, data.plan.province_kind)}./."
        )
    )
    return blocks


def annex_blocks(facts: ConsolidatedFacts, number: str, author: str) -> list[Block]:
    """The annex tables, after the signature, on their own pages (Decree 30: "Phụ lục" with the
    document it goes with)."""
    number = number or "…/BC"
    return [
        PageBreak(),
        Centered("PHỤ LỤC", bold=True),
        Centered(f"SỐ LIỆU THỰC HIỆN KẾ HOẠCH {facts.period.words.upper()}", bold=True),
        Centered(
            f"(Kèm theo Báo cáo số {number} ngày {day(facts.as_of)} của {author}; "
            f"số liệu tính đến ngày {day(facts.cutoff)})",
            italic=True,
        ),
        Heading("1. Kết quả thực hiện theo cơ quan, đơn vị, địa phương", 2),
        agency_table(facts),
        Heading("2. Kết quả thực hiện theo nhiệm vụ", 2),
        task_table(facts),
        Heading("3. Báo cáo theo kỳ", 2),
        period_table(facts),
    ]


def _opening(data: ConsolidatedInput) -> str:
    plan = data.plan
    issued = f" ngày {day(plan.issued_on)}" if plan.issued_on else ""
    return (
        f"Thực hiện Kế hoạch số {plan.number}{issued} của UBND {plan.province_kind} về "
        f"{plan_subject(plan.title)}, trên cơ sở báo cáo của các cơ quan, đơn vị, địa phương "
        f"(số liệu tính đến ngày {day(data.facts.cutoff)}), {data.author} báo cáo kết quả thực "
        f"hiện {data.facts.period.words} như sau:"
    )


def _organisation(data: ConsolidatedInput) -> list[Block]:
    facts = data.facts
    blocks: list[Block] = [Heading("I. CÔNG TÁC TRIỂN KHAI, TỔ CHỨC THỰC HIỆN KẾ HOẠCH")]
    blocks.append(Heading("1. Ban hành văn bản chỉ đạo, hướng dẫn", 2))
    if facts.documents:
        blocks += [
            Para(f"- {d.label} số {d.number} ngày {day(d.issued_on)}: {d.summary.rstrip('.')}.")
            for d in facts.documents
        ]
    else:
        blocks.append(Para("Trong kỳ chưa có văn bản được ghi vào sổ văn bản."))
    blocks.append(Heading("2. Hội nghị, tập huấn, tuyên truyền", 2))
    if not facts.activities:
        blocks.append(Para("Trong kỳ chưa ghi nhận hội nghị, tập huấn, hoạt động tuyên truyền."))
    for a in facts.activities:
        audience = f", {a.audience} người tham dự" if a.audience else ""
        blocks.append(
            Para(f"- {a.kind_label}: {a.title} ({a.organiser}, ngày {day(a.held_on)}{audience}).")
        )
    blocks += _postings(facts)
    if data.plan.index != "PAPI":
        return blocks  # the survey rounds chiso records are PAPI's
    blocks.append(Heading("4. Phối hợp, hỗ trợ khảo sát Chỉ số PAPI", 2))
    s = facts.survey
    if s is None:
        blocks.append(Para(f"Chưa có thông tin về đợt khảo sát PAPI năm {data.plan.year}."))
    else:
        when = (
            f" từ ngày {day(s.fieldwork_from)} đến ngày {day(s.fieldwork_to)}"
            if s.fieldwork_from and s.fieldwork_to
            else ""
        )
        blocks.append(
            Para(
                f"Phối hợp chuẩn bị khảo sát Chỉ số PAPI năm {s.year}{when} tại {s.locations} "
                f"địa bàn; đã hoàn thành {s.logistics_done}/{s.logistics_total} việc chuẩn bị "
                "(địa điểm, lịch làm việc, người dẫn đường)."
            )
        )
    return blocks


def _villages_cell(d: DistrictPostings) -> str:
    """Villages posted of those listed; a bare count of halls where no village list exists."""
    return f"{d.villages_posted}/{d.villages}" if d.villages else str(d.villages_posted)


def _postings(facts: ConsolidatedFacts) -> list[Block]:
    blocks: list[Block] = [Heading("3. Niêm yết Bộ khung nhiệm vụ", 2)]
    communes = sum(d.communes for d in facts.postings)
    posted = sum(d.communes_posted for d in facts.postings)
    villages_posted = sum(d.villages_posted for d in facts.postings)
    villages = sum(d.villages for d in facts.postings)
    if communes == 0:
        blocks.append(Para("Chưa có danh sách xã, phường, thị trấn trong hệ thống."))
        return blocks
    at_villages = (
        f"{villages_posted}/{villages} thôn, tổ dân phố ({percent(villages_posted, villages)})"
        if villages
        else f"{villages_posted} nhà văn hóa thôn, tổ dân phố"
    )
    blocks.append(
        Para(
            f"Bộ khung nhiệm vụ đã được niêm yết tại {posted}/{communes} xã, phường, thị trấn "
            f"({percent(posted, communes)}) và {at_villages}; "
            f"{communes - posted} xã, phường, thị trấn chưa niêm yết. Theo từng địa phương:",
            caption=True,
        )
    )
    rows = tuple(
        (d.district, str(d.communes), str(d.communes_posted), _villages_cell(d))
        for d in facts.postings
    )
    total = f"{villages_posted}/{villages}" if villages else str(villages_posted)
    blocks.append(
        TableBlock(
            ("Huyện, thị xã, thành phố", "Số xã", "Đã niêm yết", "Thôn, tổ dân phố"),
            (*rows, ("Tổng", str(communes), str(posted), total)),
            (75, 28, 30, 32),
            (1, 2, 3),
        )
    )
    return blocks
    blocks.append(
        Para(
            f"Bộ khung nhiệm vụ đã được niêm yết tại {posted}/{communes} xã, phường, thị trấn "
            f"({percent(posted, communes)}) và {villages} nhà văn hóa thôn, tổ dân phố; "
            f"{communes - posted} xã, phường, thị trấn chưa niêm yết. Theo từng địa phương:",
            caption=True,
        )
    )
    rows = tuple(
        (d.district, str(d.communes), str(d.communes_posted), str(d.villages_posted))
        for d in facts.postings
    )
    blocks.append(
        TableBlock(
            ("Huyện, thị xã, thành phố", "Số xã", "Đã niêm yết", "Thôn, tổ dân phố"),
            (*rows, ("Tổng", str(communes), str(posted), str(villages))),
            (75, 28, 30, 32),
            (1, 2, 3),
        )
    )
    return blocks


def _results(data: ConsolidatedInput) -> list[Block]:
    facts = data.facts
    blocks: list[Block] = [Heading("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP")]
    total = sum(t.assignments for t in facts.tasks)
    done = sum(t.count(Status.DONE) for t in facts.tasks)
    late = sum(t.count(Status.DONE_LATE) for t in facts.tasks)
    overdue = sum(t.count(Status.OVERDUE) for t in facts.tasks)
    agencies = facts.reporting_agencies
    blocks.append(
        Para(
            f"Kế hoạch có {len(facts.tasks)} nhiệm vụ với {total} lượt phân công. Đến ngày "
            f"{day(facts.cutoff)}: hoàn thành đúng hạn {done} lượt, hoàn thành quá hạn {late} "
            f"lượt, quá hạn chưa hoàn thành {overdue} lượt, còn lại đang thực hiện hoặc chưa "
            f"đến hạn. Trong kỳ có {len(agencies)} cơ quan, đơn vị, địa phương có báo cáo được "
            "chấp nhận" + (f": {', '.join(agencies)}." if agencies else ".")
        )
    )
    section = None
    number = 0
    for task in facts.tasks:
        if task.section != section:
            section = task.section
            number += 1
            blocks.append(Heading(f"{number}. {_section_title(section)}", 2))
        blocks += _task(task)
    own = data.own
    level = own.level if own is not None else "chỉ số nội dung"
    blocks.append(Heading(f"{number + 1}. Kết quả theo từng {level}", 2))
    blocks += [Para(_dimension(d, own, level)) for d in facts.dimensions]
    label = province_label(data.plan.province, data.plan.province_kind)
    for sub, other in enumerate(data.sections[1:], number + 2):
        # An index one of the plan's objectives is on besides its own ("PCI ≥ 68 điểm").
        blocks.append(Heading(f"{sub}. Kết quả Chỉ số {index_name(other.index)}", 2))
        blocks += [Para(text) for text in other_index_words(other, label)]
    return blocks


def _section_title(section: str) -> str:
    return section.split(". ", 1)[1] if ". " in section else section or "Nhiệm vụ khác"


def _task(task: TaskFacts) -> list[Block]:
    code = f"{task.code}) " if task.code else ""
    done, late = task.count(Status.DONE, Status.DONE_LATE), task.count(Status.DONE_LATE)
    parts = []
    if done:
        parts.append(f"hoàn thành {done}" + (f" (trong đó quá hạn {late})" if late else ""))
    if task.count(Status.OVERDUE):
        parts.append(f"quá hạn chưa hoàn thành {task.count(Status.OVERDUE)}")
    if task.count(Status.IN_PROGRESS, Status.NOT_STARTED):
        parts.append(f"đang thực hiện {task.count(Status.IN_PROGRESS, Status.NOT_STARTED)}")
    reports = (
        f"{len(task.reports)} báo cáo được chấp nhận"
        + (f", {task.evidence} tài liệu kiểm chứng" if task.evidence else "")
        if task.reports
        else "chưa có báo cáo được chấp nhận trong kỳ"
    )
    blocks: list[Block] = [
        Para(
            f"{code}{task.title.rstrip('.')}: {task.assignments} lượt phân công, "
            f"{', '.join(parts)}; {reports}."
        )
    ]
    for r in task.reports:
        figures = f" Số liệu: {r.figures.rstrip('.')}." if r.figures else ""
        blocks.append(Para(f"- {r.agency}: {condense(r.narrative)}{figures}"))
    return blocks


def condense(text: str, limit: int = NARRATIVE_LIMIT) -> str:
    """A report's words on one line, cut at a word within `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat if flat.endswith((".", "!", "?")) else f"{flat}."
    cut = flat[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def _dimension(d: DimensionWork, section: IndexSection | None, level: str) -> str:
    head = f"- {level[:1].upper()}{level[1:]} {d.code} ({d.name}): "
    if d.tasks:
        work = (
            f"{d.tasks} nhiệm vụ ({d.assignments} lượt phân công), hoàn thành {d.done} lượt, "
            f"{d.reports} báo cáo được chấp nhận trong kỳ"
        )
    else:
        work = "chưa có nhiệm vụ của kế hoạch hướng vào chỉ số này"
    result = ""
    profile = section.profile if section is not None else None
    found = None
    if profile is not None:
        found = next((r for r in profile.dimensions if r.unit == d.code), None)
    if section is not None and profile is not None and found is not None:
        # The figures the data give: PAPI's rank and computed group; PCI's components have
        # neither when only the composite is published, and no group is ever computed for them.
        parts = [amount(found)]
        if found.rank is not None:
            parts.append(f"xếp hạng {found.rank}/{found.of}")
        if section.computes_groups or found.tier_label:
            parts.append(f"nhóm {text_in(found.tier_label, 'vi', '—')}")
        result = f"; kết quả năm {profile.year}: {', '.join(parts)}"
    return f"{head}{work}{result}."


def _objectives(data: ConsolidatedInput) -> list[Block]:
    blocks: list[Block] = [Heading("III. KẾT QUẢ THỰC HIỆN MỤC TIÊU")]
    plan = data.plan
    table = objectives_table(data.objectives, plan.year, plan.province_kind, plan.index)
    if table is None:
        if data.profile is None:
            blocks.append(Para(f"Chưa có kết quả Chỉ số {index_name(plan.index)} trong hệ thống."))
        else:
            blocks.append(Para("Kế hoạch chưa có mục tiêu được lượng hóa."))
        return blocks
    blocks.append(Para(table.caption, caption=True))
    blocks.append(TableBlock(table.header, table.rows, OBJECTIVE_WIDTHS))
    blocks += [Para(note, italic=True) for note in table.notes]
    return blocks


def _lines(text: str) -> list[Block]:
    items = [line.strip() for line in text.splitlines() if line.strip()]
    return [Para(item if item.startswith(("-", "+")) else f"- {item}") for item in items]


def _editable(texts: ConsolidatedTexts) -> list[Block]:
    none = [Para("Không có.")]
    return [
        Heading("IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"),
        Heading("1. Tồn tại, hạn chế", 2),
        *(_lines(texts.limitations) or none),
        Heading("2. Nguyên nhân", 2),
        *(_lines(texts.causes) or none),
        Heading("V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
        *(_lines(texts.directions) or none),
        Heading("VI. KIẾN NGHỊ, ĐỀ XUẤT"),
        *(_lines(texts.proposals) or none),
    ]


def agency_table(facts: ConsolidatedFacts) -> TableBlock:
    rows = tuple(
        (
            str(i),
            a.agency,
            str(a.assignments),
            str(a.done_on_time),
            str(a.done_late),
            str(a.overdue),
            str(a.reports_accepted),
        )
        for i, a in enumerate(facts.agencies, start=1)
    )
    return TableBlock(
        (
            "TT",
            "Cơ quan, đơn vị",
            "Số lượt",
            "Đúng hạn",
            "Hoàn thành quá hạn",
            "Quá hạn",
            "Báo cáo",
        ),
        rows,
        (10, 55, 16, 18, 24, 18, 24),
        (2, 3, 4, 5, 6),
    )


def task_table(facts: ConsolidatedFacts) -> TableBlock:
    rows = tuple(
        (
            t.section.split(". ", 1)[0],
            condense(f"{t.code} {t.title}".strip(), ANNEX_TITLE_LIMIT).rstrip("."),
            str(t.assignments),
            str(t.count(Status.DONE, Status.DONE_LATE)),
            str(t.count(Status.OVERDUE)),
            str(len(t.reports)),
            str(t.evidence),
        )
        for t in facts.tasks
    )
    return TableBlock(
        ("Mục", "Nhiệm vụ", "Số lượt", "Hoàn thành", "Quá hạn", "Báo cáo", "Kiểm chứng"),
        rows,
        (14, 65, 16, 20, 16, 16, 18),
        (2, 3, 4, 5, 6),
    )


def period_table(facts: ConsolidatedFacts) -> TableBlock:
    rows = tuple(
        (
            day(p.due_on),
            str(p.total),
            str(p.on_time),
            str(p.late),
            str(p.missing),
            str(p.accepted),
        )
        for p in facts.periods
    )
    return TableBlock(
        ("Hạn báo cáo", "Số kỳ", "Gửi đúng hạn", "Gửi muộn", "Chưa gửi", "Được chấp nhận"),
        rows or (("—", "0", "0", "0", "0", "0"),),
        (30, 22, 30, 25, 25, 33),
        (1, 2, 3, 4, 5),
    )


def write_docx(blocks: list[Block], doc: OfficialDocument) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            doc.heading(block.text, block.level)
        elif isinstance(block, Para):
            if block.caption:
                doc.caption(block.text)
            else:
                doc.para(block.text, italic=block.italic)
        elif isinstance(block, Centered):
            doc.centered(block.text, block.bold, block.italic)
        elif isinstance(block, TableBlock):
            doc.table(block.header, block.rows, block.widths, numeric=block.numeric, size=11)
        else:
            doc.page_break()


def build_consolidated(data: ConsolidatedInput, letterhead: Letterhead) -> bytes:
    summary = summary_line(data.plan.year, data.facts.period.words, data.plan.index)
    # "năm 2023" never split over two lines of the title.
    summary = summary.replace(f"năm {data.plan.year}", f"năm\u00a0{data.plan.year}")
    doc = OfficialDocument(letterhead.head("BC", "BÁO CÁO", summary))
    doc.header()
    write_docx(report_blocks(data), doc)
    doc.closing()
    write_docx(annex_blocks(data.facts, letterhead.number, data.author), doc)
    return doc.to_bytes()
