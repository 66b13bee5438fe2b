"""A person's own notifications: read, all read, and how they want them by e-mail. These change
nothing of the plan's data (no audit entry, no data revision)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from chiso.notifications.models import EmailMode, Notification, Preference


def mark_read(user: Any, notification: Notification) -> None:
    if notification.recipient_id != user.pk:
        raise PermissionDenied(_("Thông báo này không phải của anh/chị."))
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())


def mark_all_read(user: Any) -> int:
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def set_email_mode(user: Any, mode: str) -> Preference:
    if mode not in EmailMode.values:
        raise ValueError(mode)
    preference, _created = Preference.objects.update_or_create(
        user_id=user.pk, defaults={"email_mode": mode}
    )
    return preference


def email_mode(user: Any) -> str:
    found = Preference.objects.filter(user_id=user.pk).values_list("email_mode", flat=True)
    return found.first() or EmailMode.IMMEDIATE


def unread_count(user: Any) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()
