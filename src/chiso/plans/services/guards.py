"""The two checks every plan service starts with: may this user change it, and is the form's
copy still current (optimistic locking)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext as _

from chiso.plans import access
from chiso.plans.errors import StaleVersion
from chiso.plans.models import Plan

M = TypeVar("M", bound=models.Model)


def require_plan_editor(user: Any, plan: Plan | None = None) -> None:
    if not access.can_edit_plan(user, plan):
        raise PermissionDenied(_("Chỉ Sở Nội vụ (điều phối kế hoạch) được thay đổi kế hoạch này."))


def lock_current(obj: M, version: int | None) -> M:
    """Re-read `obj` under a row lock and refuse if its version moved on since `version` was read.

    `version=None` means the caller is not a form (e.g. a demo step) and takes the latest copy.
    """
    locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    if version is not None and locked.version != int(version):  # type: ignore[attr-defined]
        raise StaleVersion(
            _(
                "Người khác đã lưu thay đổi cho mục này trong lúc anh/chị đang sửa. "
                "Nội dung anh/chị nhập vẫn được giữ bên dưới; hãy xem lại bản mới nhất rồi lưu lại."
            )
        )
    return locked


def bump(obj: Any) -> None:
    obj.version = obj.version + 1
