"""The words of a plan document: what the coordinator stored (`PlanText`), else a default
written from the plan's data — and the "Nơi nhận" lists a province reuses."""

from __future__ import annotations

from dataclasses import dataclass

from chiso.documents.models import DocumentKind, PlanText, RecipientList, split_lines
from chiso.documents.phrases import aggregate_sentence, province_label
from chiso.index.report import UnitResult
from chiso.plans.models import Plan


@dataclass(frozen=True)
class PlanWords:
    preamble: tuple[str, ...]
    purpose: tuple[str, ...]
    requirements: tuple[str, ...]
    objectives: tuple[str, ...]
    implementation: tuple[str, ...]
    closing: str
    recipients: tuple[str, ...]


def plan_text(plan: Plan) -> PlanText:
    """The plan's stored words, or an unsaved empty row (every part then has its default)."""
    try:
        return plan.document_text
    except PlanText.DoesNotExist:
        return PlanText(plan=plan)


def default_recipients(province_id: int, kind: str) -> tuple[str, ...]:
    """The province's default list for this kind of document, else its default for any kind."""
    lists = RecipientList.objects.filter(province_id=province_id, is_default=True)
    for chosen in (lists.filter(kind=kind).first(), lists.filter(kind="").first()):
        if chosen is not None:
            return chosen.as_tuple()
    return ()


def _title_in_sentence(title: str) -> str:
    """ "Kế hoạch cải thiện …" inside a sentence: the plan's title without a repeated
    "Kế hoạch" ("ban hành Kế hoạch kế hoạch cải thiện …" was the defect)."""
    text = title.strip()
    if text.lower().startswith("kế hoạch "):
        text = text[len("kế hoạch ") :]
    return f"Kế hoạch {text[:1].lower() + text[1:]}"


def default_preamble(
    plan: Plan, issuer_label: str, kind: str, baseline: UnitResult | None
) -> tuple[str, ...]:
    label = province_label(plan.province.name, kind)
    opening = [aggregate_sentence(baseline, label)] if baseline is not None else []
    return (
        *opening,
        f"Để từng bước nâng cao điểm số và xếp hạng Chỉ số {plan.index} của {label} trong năm "
        f"{plan.year} và các năm tiếp theo, {issuer_label} ban hành "
        f"{_title_in_sentence(plan.title)}.",
    )


def default_implementation(plan: Plan, issuer_label: str) -> tuple[str, ...]:
    due = (
        f" chậm nhất ngày {plan.report_due.day}/{plan.report_due.month}/{plan.report_due.year}"
        if plan.report_due
        else ""
    )
    return (
        "1. Các cơ quan, đơn vị, địa phương được giao nhiệm vụ tại Phần II Kế hoạch này khẩn "
        f"trương tổ chức thực hiện, báo cáo kết quả về {issuer_label} (thông qua Sở Nội vụ){due}.",
        f"2. Giao Sở Nội vụ theo dõi, tổng hợp và báo cáo {issuer_label} kết quả triển khai Kế "
        "hoạch; kịp thời tham mưu chỉ đạo xử lý các khó khăn, vướng mắc (nếu có).",
    )


def plan_words(
    plan: Plan,
    issuer_label: str,
    kind: str,
    baseline: UnitResult | None,
    fallback_recipients: tuple[str, ...],
) -> PlanWords:
    stored = plan_text(plan)
    objectives = split_lines(stored.objectives) or tuple(
        o.text for o in plan.objectives.order_by("order", "id")
    )
    recipients = (
        split_lines(stored.recipients)
        or default_recipients(plan.province_id, DocumentKind.PLAN)
        or fallback_recipients
    )
    return PlanWords(
        preamble=_paragraphs(stored.preamble)
        or default_preamble(plan, issuer_label, kind, baseline),
        purpose=split_lines(stored.purpose),
        requirements=split_lines(stored.requirements),
        objectives=objectives,
        implementation=_paragraphs(stored.implementation)
        or default_implementation(plan, issuer_label),
        closing=stored.closing.strip() or f"Trên đây là {_title_in_sentence(plan.title)}./.",
        recipients=recipients,
    )


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())
