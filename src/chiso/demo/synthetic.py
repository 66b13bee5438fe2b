"""A national-scale synthetic workspace for benchmarks: the 34 provinces (after the 2025 reform:
province → communes), each with its departments and bodies, ~3,300 communes in all, a 2023 plan per
province, ~20,000 tasks linked to PAPI sub-dimensions, their assignments, ~100,000 progress
reports in every state (submitted, accepted, returned and revised), the reporting periods of the
tasks that report by period and the notifications of the reports (chiso.demo.synthetic_loop).

Everything is made with bulk_create from a seeded random generator, so the same arguments give the
same data. It is meant for an empty database (e.g. `chiso_bench`), never a real deployment: the
rows are not audited, since nobody changed anything, and there are no evidence files.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from chiso.accounts.models import Agency, AgencyGroup, AgencyKind, Province, Role, User
from chiso.accounts.names import agency_key
from chiso.demo.synthetic_loop import (
    add_notifications,
    add_periods,
    add_schedules,
    dates_as_given,
)
from chiso.index import load_framework
from chiso.index.provinces import provinces_34
from chiso.plans.models import (
    Assignment,
    Objective,
    ObjectiveKind,
    Plan,
    ProgressReport,
    Relation,
    ReportState,
    Section,
    Task,
    TaskUnit,
)

Say = Callable[[str], None]
BATCH = 5000
YEAR = 2023
DEPARTMENTS = (
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Khoa học và Công nghệ",
    "Sở Công Thương",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Văn phòng UBND tỉnh",
    "Thanh tra tỉnh",
)
OTHER_BODIES = (
    ("Công an tỉnh", AgencyKind.POLICE),
    ("Bảo hiểm xã hội tỉnh", AgencyKind.SOCIAL_INSURANCE),
    ("Ủy ban MTTQ Việt Nam tỉnh", AgencyKind.FATHERLAND_FRONT),
    ("Ban Dân vận Tỉnh ủy", AgencyKind.PARTY_BODY),
    ("Báo và Phát thanh, Truyền hình tỉnh", AgencyKind.MEDIA),
)
SECTIONS = (
    ("II.1", "Nâng cao chất lượng các chỉ số nội dung"),
    ("II.2", "Tuyên truyền, phổ biến"),
    ("II.3", "Kiểm tra, giám sát"),
    ("II.4", "Phối hợp khảo sát PAPI"),
    ("III", "Tổ chức thực hiện"),
)
VERBS = (
    "Công khai",
    "Rà soát",
    "Nâng cao chất lượng",
    "Tuyên truyền về",
    "Kiểm tra việc thực hiện",
    "Tổ chức đối thoại về",
    "Cải thiện",
)
TOPICS = (
    "quy hoạch, kế hoạch sử dụng đất",
    "thu, chi ngân sách cấp xã",
    "thủ tục hành chính",
    "tiếp công dân",
    "giải quyết khiếu nại, tố cáo",
    "dịch vụ y tế công",
    "giáo dục tiểu học",
    "môi trường sống",
    "chính quyền điện tử",
    "phòng, chống tham nhũng",
)


@dataclass(frozen=True)
class SyntheticSpec:
    provinces: int = 34
    communes: int = 3300
    tasks: int = 20000
    reports: int = 100000
    seed: int = 1
    commune_group_share: float = 0.05  # tasks given to "all communes": one assignment per commune


@dataclass(frozen=True)
class SyntheticSummary:
    provinces: int
    agencies: int
    users: int
    tasks: int
    assignments: int
    reports: int
    periods: int
    notifications: int
    seconds: float


class WorkspaceNotEmpty(RuntimeError):
    pass


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


@dataclass
class _ProvinceSet:
    province: Province
    committee: Agency
    departments: list[Agency]
    bodies: list[Agency]
    communes: list[Agency]
    commune_group: AgencyGroup
    plan: Plan
    sections: list[Section]


def _agencies(
    province: Province, communes: int
) -> tuple[Agency, list[Agency], list[Agency], list[Agency]]:
    committee = Agency.objects.create(
        province=province, name=f"UBND {province.name}", kind=AgencyKind.PEOPLES_COMMITTEE
    )

    def make(name: str, kind: str) -> Agency:
        return Agency(
            province=province, parent=committee, name=name, kind=kind, name_key=agency_key(name)
        )

    departments = Agency.objects.bulk_create([make(n, AgencyKind.DEPARTMENT) for n in DEPARTMENTS])
    bodies = Agency.objects.bulk_create([make(n, k) for n, k in OTHER_BODIES])
    commune_rows = [
        make(
            f"UBND {'phường' if i % 4 == 0 else 'xã'} {province.name} {i + 1:03d}",
            AgencyKind.COMMUNE_COMMITTEE,
        )
        for i in range(communes)
    ]
    return committee, departments, bodies, Agency.objects.bulk_create(commune_rows, BATCH)


def _province_set(code: str, name: str, slug: str, communes: int) -> _ProvinceSet:
    province = Province.objects.create(code=code, name=name, slug=slug)
    committee, departments, bodies, commune_list = _agencies(province, communes)
    group = AgencyGroup.objects.create(province=province, name="UBND các xã, phường")
    group.members.set(commune_list)
    plan = Plan.objects.create(
        province=province,
        number=f"{100 + int(code) % 100}/KH-UBND",
        title=f"Kế hoạch cải thiện, nâng cao Chỉ số PAPI năm {YEAR}",
        issued_on=dt.date(YEAR, 3, 10),
        issuer=committee,
        year=YEAR,
        baseline_year=YEAR - 1,
        report_due=dt.date(YEAR, 9, 29),
        is_public=True,
    )
    sections = Section.objects.bulk_create(
        [Section(plan=plan, code=c, title=t, order=i) for i, (c, t) in enumerate(SECTIONS)]
    )
    Objective.objects.bulk_create(
        [
            Objective(
                plan=plan,
                code="1",
                text="Chỉ số tổng hợp PAPI đạt từ 45,00 điểm trở lên",
                kind=ObjectiveKind.AGGREGATE_SCORE_MIN,
                value=45,
                order=1,
            ),
            Objective(
                plan=plan,
                code="2",
                text="Không có chỉ số nội dung ở nhóm thấp",
                kind=ObjectiveKind.DIMENSIONS_TIER_MIN_ALL,
                tier="low_average",
                order=2,
            ),
        ]
    )
    return _ProvinceSet(
        province, committee, departments, bodies, commune_list, group, plan, sections
    )


def _users(sets: list[_ProvinceSet]) -> list[User]:
    # One hash for all: these accounts exist to be logged in as by benchmarks (force_login).
    password = make_password(None)
    rows: list[User] = []
    for s in sets:
        code = s.province.code
        home_affairs, front = s.departments[0], s.bodies[2]
        people = [
            (f"snv-{code}", Role.COORDINATOR, home_affairs),
            (f"lanhdao-{code}", Role.LEADERSHIP, s.committee),
            (f"mttq-{code}", Role.SUPERVISOR, front),
        ]
        people += [(f"so-{code}-{i}", Role.AGENCY_OFFICER, a) for i, a in enumerate(s.departments)]
        people += [
            (f"xa-{code}-{i}", Role.AGENCY_OFFICER, a) for i, a in enumerate(s.communes[:20])
        ]
        rows += [
            User(username=u, role=r, province=s.province, agency=a, password=password)
            for u, r, a in people
        ]
    return User.objects.bulk_create(rows, BATCH)


def _tasks(rng: random.Random, s: _ProvinceSet, count: int, units: list[str]) -> list[Task]:
    rows = []
    for i in range(count):
        recurring = rng.random() < 0.15
        rows.append(
            Task(
                province=s.province,
                plan=s.plan,
                section=rng.choice(s.sections),
                code=str(i + 1),
                title=f"{rng.choice(VERBS)} {rng.choice(TOPICS)} ({i + 1})",
                deadline=None
                if recurring
                else dt.date(YEAR, rng.randint(3, 12), rng.randint(1, 28)),
                recurring=recurring,
                reporting_period="quarterly" if recurring else "",
                expected_output="Báo cáo kết quả thực hiện",
                order=i,
                lead_group=s.commune_group if rng.random() < 0.05 else None,
            )
        )
    tasks = Task.objects.bulk_create(rows, BATCH)
    TaskUnit.objects.bulk_create(
        [
            TaskUnit(task=t, unit_code=u)
            for t in tasks
            for u in rng.sample(units, rng.randint(1, 2))
        ],
        BATCH,
    )
    return tasks


def _assignments(rng: random.Random, s: _ProvinceSet, tasks: list[Task]) -> list[Assignment]:
    rows = []
    others = s.departments + s.bodies
    for task in tasks:
        if task.lead_group_id:
            leads = [(a, Relation.LEAD) for a in s.communes]
        else:
            lead = rng.choice(others)
            helpers = rng.sample([a for a in others if a != lead], rng.randint(0, 2))
            leads = [(lead, Relation.REQUEST if lead.request_only else Relation.LEAD)]
            leads += [(a, Relation.COORDINATE) for a in helpers]
        rows += [
            Assignment(
                province=s.province,
                task=task,
                agency=a,
                relation=rel,
                via_group_id=task.lead_group_id,
                deadline=task.deadline,
            )
            for a, rel in leads
        ]
    return Assignment.objects.bulk_create(rows, BATCH)


@dataclass
class _Chain:
    assignment: Assignment
    author: User
    reviewer: User
    length: int
    at: dt.datetime
    progress: int = 0
    first: ProgressReport | None = None
    last: ProgressReport | None = None
    accepted_progress: int = 0
    completed_at: dt.datetime | None = None


def _chains(
    rng: random.Random,
    assignments: list[Assignment],
    total: int,
    authors: dict[int | None, User],
    coordinators: dict[int | None, User],
) -> list[_Chain]:
    chains: list[_Chain] = []
    budget = total
    tz = timezone.get_current_timezone()
    for assignment in rng.sample(assignments, len(assignments)):
        if budget <= 0:
            break
        length = min(budget, rng.choice((1, 1, 2, 2, 3)))
        budget -= length
        start = dt.datetime(YEAR, rng.randint(2, 6), rng.randint(1, 28), 8, tzinfo=tz)
        chains.append(
            _Chain(
                assignment,
                authors.get(assignment.agency_id, coordinators[assignment.province_id]),
                coordinators[assignment.province_id],
                length,
                start,
            )
        )
    return chains


def _next_report(rng: random.Random, chain: _Chain, step: int) -> ProgressReport:
    final_step = step == chain.length - 1
    previous = chain.last
    if final_step:
        state = rng.choices(
            (ReportState.SUBMITTED, ReportState.ACCEPTED, ReportState.RETURNED), (35, 50, 15)
        )[0]
    else:
        state = rng.choice((ReportState.ACCEPTED, ReportState.RETURNED))
    revises = previous if previous is not None and previous.state == ReportState.RETURNED else None
    is_final = final_step and state == ReportState.ACCEPTED and rng.random() < 0.5
    chain.progress = 100 if is_final else min(95, chain.progress + rng.randint(10, 40))
    chain.at += dt.timedelta(days=rng.randint(5, 30))
    reviewed = state != ReportState.SUBMITTED
    return ProgressReport(
        province_id=chain.assignment.province_id,
        assignment=chain.assignment,
        revises=revises,
        author=chain.author,
        submitted_at=chain.at,
        progress=chain.progress,
        is_final=is_final,
        narrative=f"Báo cáo lần {step + 1}: đã triển khai {chain.progress}% khối lượng công việc.",
        figures=f"{rng.randint(1, 50)} văn bản, {rng.randint(1, 20)} hội nghị",
        state=state,
        reviewer=chain.reviewer if reviewed else None,
        reviewed_at=chain.at + dt.timedelta(days=3) if reviewed else None,
        review_comment="Đề nghị bổ sung minh chứng." if state == ReportState.RETURNED else "",
    )


def _reports(rng: random.Random, chains: list[_Chain]) -> list[ProgressReport]:
    """Report chains are written step by step: a revision points at the saved report it revises."""
    made: list[ProgressReport] = []
    with dates_as_given(ProgressReport, "submitted_at"):
        for step in range(max((c.length for c in chains), default=0)):
            active = [c for c in chains if c.length > step]
            rows = ProgressReport.objects.bulk_create(
                [_next_report(rng, c, step) for c in active], BATCH
            )
            for chain, report in zip(active, rows, strict=True):
                chain.first = chain.first or report
                chain.last = report
                if report.state == ReportState.ACCEPTED:
                    chain.accepted_progress = report.progress
                    if report.is_final:
                        chain.completed_at = report.reviewed_at
            made += rows
    _roll_up_assignments(chains)
    return made


def _roll_up_assignments(chains: list[_Chain]) -> None:
    """Each assignment's summary fields as the services would have left them: started on the
    first report, progress of the latest accepted report, completed when a final one was
    accepted. (Computed here and written back in batches: a correlated UPDATE on freshly
    bulk-loaded, not yet analysed tables is planned very badly by PostgreSQL.)"""
    touched = []
    for chain in chains:
        assert chain.first is not None and chain.last is not None
        assignment = chain.assignment
        assignment.started_on = timezone.localdate(chain.first.submitted_at)
        assignment.last_report_at = chain.last.submitted_at
        assignment.progress = chain.accepted_progress
        if chain.completed_at is not None:
            assignment.completed_on = timezone.localdate(chain.completed_at)
        touched.append(assignment)
    Assignment.objects.bulk_update(
        touched, ["progress", "last_report_at", "started_on", "completed_on"], batch_size=2000
    )


def _check_empty() -> None:
    if Plan.objects.exists() or Agency.objects.exists():
        raise WorkspaceNotEmpty(
            "Cơ sở dữ liệu đã có dữ liệu; hãy dùng một cơ sở dữ liệu trống cho dữ liệu tổng hợp "
            "(the database is not empty: use an empty one, e.g. chiso_bench)."
        )


def _refresh_planner_statistics() -> None:
    """PostgreSQL plans queries from table statistics, which a bulk load leaves empty until
    autovacuum gets to them (never, where it is off): without them the dashboard's aggregates
    pick nested loops and take 45 ms instead of 3."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def generate(spec: SyntheticSpec, say: Say = lambda message: None) -> SyntheticSummary:
    """Build the whole data set in one transaction (all or nothing)."""
    started = time.perf_counter()
    rng = random.Random(spec.seed)
    framework = load_framework("PAPI")
    units = [u.code for u in framework.units if framework.depth(u.code) == 2 and u.exists_in(YEAR)]
    with transaction.atomic():
        _check_empty()
        sets = [
            _province_set(p.code, p.name, f"tinh-{p.code}", n)
            for p, n in zip(
                provinces_34()[: spec.provinces],
                _split(spec.communes, spec.provinces),
                strict=False,
            )
        ]
        say(f"  {len(sets)} tỉnh, {Agency.objects.count()} cơ quan")
        users = _users(sets)
        coordinators = {u.province_id: u for u in users if u.role == Role.COORDINATOR}
        authors = {u.agency_id: u for u in users if u.role == Role.AGENCY_OFFICER}
        assignments: list[Assignment] = []
        tasks: list[Task] = []
        for s, n in zip(sets, _split(spec.tasks, len(sets)), strict=True):
            tasks += _tasks(rng, s, n, units)
            assignments += _assignments(rng, s, tasks[-n:] if n else [])
        say(f"  {spec.tasks} nhiệm vụ, {len(assignments)} phân công")
        reports = _reports(rng, _chains(rng, assignments, spec.reports, authors, coordinators))
        say(f"  {len(reports)} báo cáo tiến độ")
        # The loop's data from a generator of its own: the rest stays as it was without it.
        loop_rng = random.Random(f"{spec.seed}-loop")
        periods = add_periods(loop_rng, add_schedules(loop_rng, tasks), assignments)
        notifications = add_notifications(loop_rng, reports, coordinators)
        say(f"  {periods} kỳ báo cáo, {notifications} thông báo")
    _refresh_planner_statistics()
    return SyntheticSummary(
        provinces=len(sets),
        agencies=Agency.objects.count(),
        users=len(users),
        tasks=spec.tasks,
        assignments=len(assignments),
        reports=len(reports),
        periods=periods,
        notifications=notifications,
        seconds=round(time.perf_counter() - started, 1),
    )
