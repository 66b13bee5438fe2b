"""A person's own notifications: read, all read, and how they want them by e-mail. These change
nothing of the plan's data (no audit entry, no data revision)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from chiso.notifications.models import EmailMode, Notification, Preference

if TYPE_CHECKING:
    from chiso.accounts.models import User


def mark_read(user: User, notification: Notification) -> None:
    if notification.recipient_id != user.pk:
        raise PermissionDenied(_("Thông báo này không phải của anh/chị."))
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())


def mark_all_read(user: User) -> int:
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@dataclass(frozen=True)
class MailChoice:
    """How a person wants notification e-mail: when, and in which language."""

    email_mode: str
    language: str


def set_mail_choice(user: User, email_mode: str, language: str = "vi") -> Preference:
    if email_mode not in EmailMode.values:
        raise ValueError(email_mode)
    if language not in dict(settings.LANGUAGES):
        raise ValueError(language)
    preference, _created = Preference.objects.update_or_create(
        user_id=user.pk, defaults={"email_mode": email_mode, "language": language}
    )
    return preference


def mail_choice(user: User, default_language: str = "vi") -> MailChoice:
    """The saved choice; without one: immediately, in `default_language`."""
    found = Preference.objects.filter(user_id=user.pk).values_list("email_mode", "language")
    row = found.first()
    if row is None:
        return MailChoice(EmailMode.IMMEDIATE, default_language)
    return MailChoice(*row)


def unread_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()
