"""A small PCI plan beside the PAPI plans (issue 18, item 4): Khánh Hòa's plan to improve its
Provincial Competitiveness Index in 2024, with the same agencies as the PAPI plan and tasks
linked to units of several indices (the one-stop shop helps PCI time costs, PAPI 5 and PAR
INDEX 3 at once).

The PAPI plan of 2023 shares a task with PCI too: II.1.c.4 (communes publish land-use plans,
land information, budgets) is also linked, ILLUSTRATIVELY, to PCI's transparency and land
access, so its dashboard's PCI view counts it.

The whole plan is ILLUSTRATIVE, marked "[Minh họa]" in number and title: chiso does not hold
Khánh Hòa's real PCI plan. Its objectives are on PCI and are judged on the stored PCI results
(../shared/data/pci, imported by `chiso.demo.results`); on the replayed day the 2024 results
are not out, so they read "Chưa có kết quả".

Idempotent: a plan that exists is left as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from chiso.accounts.models import AgencyGroup, User
from chiso.demo import organisations as org
from chiso.demo import plan2023
from chiso.plans import services
from chiso.plans.models import Plan, Task

Say = Callable[[str], None]

NUMBER = "[Minh họa] …/KH-UBND-PCI-2024"
TITLE = "[Minh họa] Kế hoạch cải thiện và nâng cao Chỉ số PCI tỉnh Khánh Hòa năm 2024"
# The PAPI plan's task that serves PCI too (illustrative link), and its PCI units.
SHARED_TASK = ("II.1", "c.4")
SHARED_UNITS = ("PCI:land_access", "PCI:transparency")
SECTION = ("II", "Nhiệm vụ, giải pháp cải thiện các chỉ số thành phần PCI")
OBJECTIVES = [
    ("1", "Chỉ số PCI năm 2024 của tỉnh đạt từ 68 điểm trở lên", "aggregate_score_min", 68),
    ("2", "Thứ hạng PCI năm 2024 của tỉnh tăng so với năm 2023", "aggregate_rank_improves", None),
]


@dataclass(frozen=True)
class PciTask:
    code: str
    title: str
    units: tuple[str, ...]  # "PCI:time_costs", "PAPI:5" (chiso.plans.units)
    lead: tuple[str, ...]
    coordinating: tuple[str, ...] = ()
    group: str = ""  # every member leads its own part
    deadline: dt.date | None = None
    recurring: bool = False
    period: str = ""


TASKS = [
    PciTask(
        "1",
        "Thực hiện hiệu quả cơ chế một cửa, một cửa liên thông; giải quyết thủ tục hành chính "
        "cho doanh nghiệp, người dân đúng hạn, không yêu cầu thêm hồ sơ ngoài quy định",
        ("PCI:time_costs", "PAPI:5", "PAR_INDEX:3"),
        ("Văn phòng UBND tỉnh",),
        coordinating=("Sở Nội vụ", "Sở Tư pháp"),
        group=org.GROUP_DISTRICTS,
        deadline=dt.date(2024, 12, 15),
    ),
    PciTask(
        "2",
        "Công khai đầy đủ, kịp thời quy hoạch, kế hoạch sử dụng đất và thông tin về quỹ đất "
        "sạch cho doanh nghiệp tiếp cận",
        ("PCI:land_access", "PCI:transparency", "PAPI:2.4"),
        ("Sở Tài nguyên và Môi trường",),
        coordinating=("Sở Kế hoạch và Đầu tư",),
        deadline=dt.date(2024, 9, 30),
    ),
    PciTask(
        "3",
        "Tổ chức hội nghị đối thoại giữa lãnh đạo tỉnh với doanh nghiệp hằng quý; trả lời kiến "
        "nghị của doanh nghiệp đúng hạn",
        ("PCI:proactivity", "PCI:business_support"),
        ("Sở Kế hoạch và Đầu tư",),
        coordinating=("Văn phòng UBND tỉnh", "Sở Công Thương"),
        recurring=True,
        period="quarterly",
    ),
    PciTask(
        "4",
        "Kiểm tra, xử lý nghiêm cán bộ, công chức gây phiền hà, nhũng nhiễu doanh nghiệp; giảm "
        "chi phí không chính thức",
        ("PCI:informal_charges", "PAPI:3"),
        ("Thanh tra tỉnh",),
        coordinating=("Công an tỉnh Khánh Hòa", "Sở Nội vụ"),
        deadline=dt.date(2024, 11, 30),
    ),
    PciTask(
        "5",
        "Nâng cao chất lượng đào tạo nghề, kết nối cung cầu lao động cho doanh nghiệp",
        ("PCI:labor_training",),
        ("Sở Lao động - Thương binh và Xã hội",),
        deadline=dt.date(2024, 10, 31),
    ),
]


def load(say: Say) -> None:
    province = org.khanh_hoa()
    if Plan.objects.filter(province=province, number=NUMBER).exists():
        say("  kế hoạch PCI 2024 (minh họa) đã có — bỏ qua")
        return
    coordinator = User.objects.get(username="sonoivu")
    plan = _plan(coordinator)
    _share_papi_task(coordinator)
    say(
        f"  kế hoạch PCI 2024 (minh họa): {plan.objectives.count()} mục tiêu, "
        f"{plan.tasks.count()} nhiệm vụ gắn chỉ số PCI, PAPI, PAR INDEX"
    )


def _share_papi_task(coordinator: User) -> None:
    section, code = SHARED_TASK
    task = Task.objects.filter(
        plan__province=org.khanh_hoa(),
        plan__number=plan2023.NUMBER,
        section__code=section,
        code=code,
    ).first()
    if task is None:
        return
    own = [u.unit_code for u in task.units.all() if u.index == task.plan.index]
    services.update_task(coordinator, task, version=task.version, unit_codes=[*own, *SHARED_UNITS])


@transaction.atomic
def _plan(coordinator: User) -> Plan:
    province = org.khanh_hoa()
    plan = services.create_plan(
        coordinator,
        number=NUMBER,
        title=TITLE,
        index="PCI",
        year=2024,
        baseline_year=2023,
        issuer=org.agency(province, org.COMMITTEE),
        is_public=False,
    )
    for code, text, kind, value in OBJECTIVES:
        services.save_objective(
            coordinator, plan, code=code, text=text, kind=kind, value=value, index="PCI"
        )
    section = services.save_section(coordinator, plan, code=SECTION[0], title=SECTION[1])
    groups = {g.name: g for g in AgencyGroup.objects.filter(province=province)}
    for t in TASKS:
        services.create_task(
            coordinator,
            plan,
            title=t.title,
            section=section,
            code=t.code,
            lead_agencies=[org.agency(province, name) for name in t.lead],
            lead_group=groups[t.group] if t.group else None,
            coordinating=[org.agency(province, name) for name in t.coordinating],
            deadline=t.deadline,
            recurring=t.recurring,
            reporting_period=t.period,
            unit_codes=t.units,
            description="[Minh họa] Nhiệm vụ minh họa, không phải nội dung kế hoạch thật của tỉnh.",
        )
    return plan
