"""Bringing earlier abolitions up to today's rule (`chiso restructure follow-up`): an abolition
saved before villages and accounts moved with the work (issue 15) left a dissolved commune's
villages, their postings and the dissolved agencies' accounts behind. This finds each dissolved
agency's successor in the abolition records (the latest record naming it; a successor dissolved
since is followed to its own successor) and moves what is left behind exactly as an abolition
does today (chiso.restructuring.villages, abolition.move_users): one transaction, audited row by
row, and nothing left to do the second time."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, Province, User
from chiso.accounts.roles import AGENCY_LEADING, role_in_successor
from chiso.audit.models import AuditEntry
from chiso.audit.services import record
from chiso.restructuring.abolition import head_lowered_note, move_users
from chiso.restructuring.access import can_abolish
from chiso.restructuring.errors import RestructuringError
from chiso.restructuring.models import Kind, Restructuring
from chiso.restructuring.villages import VillageMove, apply_moves, plan_moves


@dataclass(frozen=True)
class LeftBehind:
    agency: Agency  # dissolved
    successor: Agency
    villages: list[VillageMove] = field(default_factory=list)
    users: int = 0


# The entries that set an account's agency or role: a restructuring's move, a head's role
# lowered, and an administrator's own setting (bulk set-up; the Django admin, chiso.accounts.admin).
ACCOUNT_ENTRIES = ["user.handover", "user.head_lowered", "user.update", "user.create"]


@dataclass(frozen=True)
class MovedHead:
    """A head at an agency they came to from a dissolved one, still with a head's role."""

    user: User
    came_from: str  # the dissolved agency, as the move's audit entry names it
    moved_at: dt.datetime
    # When an administrator changed the account's role in the Django admin after the move, as
    # the admin's own log says (changes made there before chiso audited them): the role stays.
    regranted_at: dt.datetime | None = None

    @property
    def label(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} ({self.user.username})"


def heads_after_moves(province: Province) -> list[MovedHead]:
    """The province's heads whose latest account entry (`ACCOUNT_ENTRIES`) is a `user.handover`
    that brought them to their present agency without lowering their role. A role an
    administrator set since, in bulk set-up or the Django admin, is a later entry, so such a
    head is not here; one set in the admin before that was audited has `regranted_at`."""
    heads = User.objects.filter(
        province=province, role__in=AGENCY_LEADING, agency__isnull=False
    ).select_related("agency")
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), action__in=ACCOUNT_ENTRIES
    ).order_by("-at", "-id")
    found = []
    for head in heads.order_by("username"):
        latest = entries.filter(object_id=str(head.pk)).first()
        if latest is None or latest.action != "user.handover" or "role" in latest.changes:
            continue
        came_from, went_to = (latest.changes.get("agency") or [None, None])[:2]
        if head.agency is not None and went_to == head.agency.name:
            regranted = role_set_in_admin(head, latest.at)
            found.append(MovedHead(head, str(came_from), latest.at, regranted))
    return found


def moved_heads(province: Province) -> list[MovedHead]:
    """The heads the follow-up lowers: moved with a head's role, not made head again since."""
    return [h for h in heads_after_moves(province) if h.regranted_at is None]


def role_set_in_admin(user: User, since: dt.datetime) -> dt.datetime | None:
    """The last time after `since` an administrator changed the account's role in the Django
    admin, read from the admin's log (`LogEntry`, whose change message names the fields changed,
    untranslated: "Vai trò"); None if they did not."""
    with translation.override(None):
        role_label = capfirst(str(User._meta.get_field("role").verbose_name)).casefold()
    changes = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        action_flag=CHANGE,
        action_time__gt=since,
    ).order_by("-action_time")
    for change in changes:
        if role_label in _changed_fields(change.change_message):
            return change.action_time
    return None


def _changed_fields(message: str) -> set[str]:
    try:
        parts = json.loads(message or "[]")
    except ValueError:
        return set()
    fields: set[str] = set()
    for part in parts if isinstance(parts, list) else []:
        changed = part.get("changed", {}) if isinstance(part, dict) else {}
        fields.update(str(name).casefold() for name in changed.get("fields", []))
    return fields


def _lower(actor: User | None, head: MovedHead) -> None:
    person = User.objects.select_for_update().get(pk=head.user.pk)
    old, role = person.role, role_in_successor(person.role)
    person.role = role
    person.save(update_fields=["role"])
    record(
        actor,
        person,
        "user.head_lowered",
        {"role": [old, role]},
        province=person.province,
        note=head_lowered_note(person.agency),  # type: ignore[arg-type]
    )


def _recorded_successors(province: Province) -> dict[str, str]:
    names: dict[str, str] = {}
    records = Restructuring.objects.filter(province=province, kind=Kind.ABOLISH)
    for done in records.order_by("created_at", "id"):
        for entry in done.summary.get("agencies", []):
            names[str(entry.get("agency"))] = str(entry.get("successor"))
    return names


def _pairs(province: Province) -> list[tuple[Agency, Agency]]:
    names = _recorded_successors(province)
    agencies = {a.name: a for a in Agency.objects.filter(province=province)}
    pairs = []
    for old_name in sorted(names):
        old, successor = agencies.get(old_name), agencies.get(names[old_name])
        seen: set[str] = {old_name}
        while successor is not None and successor.dissolved_on is not None:
            if successor.name in seen or successor.name not in names:
                successor = None
                break
            seen.add(successor.name)
            successor = agencies.get(names[successor.name])
        if old is not None and old.dissolved_on is not None and successor is not None:
            pairs.append((old, successor))
    return pairs


def preview(province: Province) -> list[LeftBehind]:
    """What is left behind with dissolved agencies, and where it goes."""
    pairs = _pairs(province)
    moves = plan_moves(pairs)
    found = [
        LeftBehind(old, new, moves.get(old.pk, []), User.objects.filter(agency=old).count())
        for old, new in pairs
    ]
    return [f for f in found if f.villages or f.users]


@transaction.atomic
def apply(user: User | None, province: Province) -> list[LeftBehind]:
    """Move it, and lower the heads `moved_heads` lists to officers; `user` None: the command
    line."""
    if user is not None and not can_abolish(user, province):
        raise RestructuringError(_("Chỉ Sở Nội vụ và quản trị hệ thống sắp xếp lại cơ quan."))
    list(Agency.objects.select_for_update().filter(province=province).order_by("pk"))
    found = preview(province)
    for left in found:
        note = _("Bổ sung theo sắp xếp có hiệu lực từ %(day)s") % {
            "day": left.agency.dissolved_on.strftime("%d/%m/%Y")  # type: ignore[union-attr]
        }
        if left.villages:
            apply_moves(user, left.agency, left.successor, left.villages, note)
        move_users(user, left.agency, left.successor, note)
    for head in moved_heads(province):
        _lower(user, head)
    return found
