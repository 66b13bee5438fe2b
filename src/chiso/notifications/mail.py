"""Notification e-mail, sent by the mail job outside any web request.

Immediate: one message per notification, as soon as the job runs. Digest: one message a day
with everything still pending. Off, or no address: never mailed (marked skipped). A row is
marked sent in the same transaction as its message is handed to the mail backend, so a re-run
sends nothing twice and a failed send leaves it pending for the next run.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from chiso.accounts.models import User
from chiso.notifications.models import EmailMode, MailState, Notification
from chiso.notifications.text import describe
from chiso.site.links import site_url

BATCH = 500


@dataclass(frozen=True)
class MailRun:
    sent: int
    skipped: int


def _pending() -> QuerySet[Notification]:
    return Notification.objects.filter(mail=MailState.PENDING)


def _mode_is(mode: EmailMode) -> Q:
    if mode == EmailMode.IMMEDIATE:
        return Q(recipient__notification_preference__isnull=True) | Q(
            recipient__notification_preference__email_mode=mode
        )
    return Q(recipient__notification_preference__email_mode=mode)


def skip_unmailable() -> int:
    """People who turned mail off or have no address: nothing will ever be mailed to them."""
    return (
        _pending()
        .filter(Q(recipient__email="") | _mode_is(EmailMode.OFF))
        .update(mail=MailState.SKIPPED)
    )


def _language(user: User) -> str:
    """The language the person chose for mail (Vietnamese without a choice)."""
    try:
        return user.notification_preference.language
    except ObjectDoesNotExist:
        return "vi"


def _message(user: User, items: list[Notification], connection: BaseEmailBackend) -> EmailMessage:
    with translation.override(_language(user)):
        lines = [(describe(n), f"{site_url()}{n.url}") for n in items]
        context = {"user": user, "lines": lines, "digest": len(items) > 1}
        subject = " ".join(render_to_string("notifications/email/subject.txt", context).split())
        body = render_to_string("notifications/email/body.txt", context)
    return EmailMessage(subject, body, to=[user.email], connection=connection)


def _send(user: User, ids: list[int], connection: BaseEmailBackend) -> bool:
    """Mark then send, in one transaction; False when another run took them first."""
    with transaction.atomic():
        items = list(_pending().select_for_update().filter(pk__in=ids).order_by("created_at", "id"))
        if not items:
            return False
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(
            mail=MailState.SENT, mailed_at=timezone.now()
        )
        _message(user, items, connection).send()
    return True


def send_immediate() -> MailRun:
    """Every pending notification of people who want mail at once, one message each."""
    skipped = skip_unmailable()
    connection = get_connection()
    sent = 0
    rows = list(
        _pending()
        .filter(_mode_is(EmailMode.IMMEDIATE))
        .select_related("recipient__notification_preference")
        .order_by("created_at", "id")[:BATCH]
    )
    for notification in rows:
        sent += _send(notification.recipient, [notification.pk], connection)
    return MailRun(sent, skipped)


def send_digests() -> MailRun:
    """One message per person who wants a daily digest, with all their pending notifications."""
    skipped = skip_unmailable()
    connection = get_connection()
    by_user: dict[int, list[int]] = {}
    for user_id, pk in (
        _pending().filter(_mode_is(EmailMode.DIGEST)).values_list("recipient_id", "pk")
    ):
        by_user.setdefault(user_id, []).append(pk)
    users = User.objects.select_related("notification_preference").in_bulk(list(by_user))
    sent = sum(_send(users[uid], ids, connection) for uid, ids in by_user.items())
    return MailRun(sent, skipped)
