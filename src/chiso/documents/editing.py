"""Editing a document's words before it is issued: the plan's stored parts (`PlanText`) and the
province's reusable "Nơi nhận" lists. Each change is one transaction with its audit entry."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.roles import is_coordinator, own_province_id
from chiso.audit.services import diff, record, snapshot
from chiso.documents.models import DocumentKind, PlanText, RecipientList, split_lines
from chiso.plans.models import Plan

if TYPE_CHECKING:
    from chiso.accounts.models import User

PLAN_TEXT_FIELDS = (
    "preamble",
    "purpose",
    "requirements",
    "objectives",
    "implementation",
    "closing",
    "recipients",
)
RECIPIENT_FIELDS = ("name", "kind", "lines", "is_default")


class EditError(ValueError):
    """The edit breaks a rule (translated message)."""


def can_edit_documents(user: User) -> bool:
    """Coordinators and administrators of a province; leadership only reads."""
    return is_coordinator(user) and user.province_id is not None


def _check(user: User, province_id: int) -> None:
    if not can_edit_documents(user) or user.province_id != province_id:
        raise PermissionDenied(_("Bạn không có quyền sửa lời văn văn bản."))


def save_plan_text(user: User, plan: Plan, **values: str) -> PlanText:
    """Store the plan's words; a blank part goes back to the text written from the data."""
    _check(user, plan.province_id)
    unknown = set(values) - set(PLAN_TEXT_FIELDS)
    if unknown:
        raise EditError(_("Phần không có trong văn bản kế hoạch: %(x)s") % {"x": sorted(unknown)})
    with transaction.atomic():
        text, created = PlanText.objects.select_for_update().get_or_create(plan=plan)
        before = snapshot(text, PLAN_TEXT_FIELDS)
        for name, value in values.items():
            setattr(text, name, value.strip().replace("\r\n", "\n"))
        changes = diff(before, snapshot(text, PLAN_TEXT_FIELDS))
        if changes or created:
            text.version += 1 if not created else 0
            text.save()
            record(user, text, "create" if created else "update", changes, province=plan.province)
    return text


def save_recipient_list(
    user: User, recipient_list: RecipientList | None, **values: Any
) -> RecipientList:
    """Create (`recipient_list` None) or change a reusable "Nơi nhận" list. Marking a list the
    default for a kind of document unmarks the province's other default for that kind."""
    province_id = recipient_list.province_id if recipient_list else own_province_id(user)
    _check(user, province_id)
    name = str(values.get("name", "")).strip()
    lines = str(values.get("lines", ""))
    kind = str(values.get("kind", ""))
    if not name:
        raise EditError(_("Đặt tên cho danh sách nơi nhận."))
    if not split_lines(lines):
        raise EditError(_("Danh sách nơi nhận cần ít nhất một dòng."))
    if kind and kind not in DocumentKind.values:
        raise EditError(_("Loại văn bản không hợp lệ."))
    clash = RecipientList.objects.filter(province_id=province_id, name=name)
    if recipient_list is not None:
        clash = clash.exclude(pk=recipient_list.pk)
    if clash.exists():
        raise EditError(_("Đã có danh sách nơi nhận tên “%(name)s”.") % {"name": name})
    with transaction.atomic():
        target = recipient_list or RecipientList(province_id=province_id)
        before = snapshot(target, RECIPIENT_FIELDS) if recipient_list else {}
        target.name, target.kind, target.lines = name, kind, lines.strip()
        target.is_default = bool(values.get("is_default"))
        if target.is_default:
            others = RecipientList.objects.filter(province_id=province_id, kind=kind)
            if target.pk:
                others = others.exclude(pk=target.pk)
            others.update(is_default=False)
        target.save()
        record(
            user,
            target,
            "update" if recipient_list else "create",
            diff(before, snapshot(target, RECIPIENT_FIELDS)),
            province=target.province,
        )
    return target


def delete_recipient_list(user: User, recipient_list: RecipientList) -> None:
    _check(user, recipient_list.province_id)
    with transaction.atomic():
        record(
            user,
            recipient_list,
            "delete",
            {"name": [recipient_list.name, None]},
            province=recipient_list.province,
        )
        recipient_list.delete()
