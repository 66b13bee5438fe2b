"""Citizens' feedback: posted from the public pages, moderated, answered, published.

The post itself comes from no user and writes no audit entry (the row is its own record, and an
entry would retire every cached page of the province at each post); moderation and answers are
audited like every other change.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.audit.services import diff, record, snapshot
from chiso.plans.models import Plan, Task
from chiso.site import clock
from chiso.supervision import access
from chiso.supervision.errors import SupervisionError
from chiso.supervision.models import Feedback, FeedbackState
from chiso.supervision.services.difficulties import checked_text
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User

FEEDBACK_LIMIT = 1000
CONTACT_LIMIT = 120
# Agencies a citizen may name as "their commune": commune and district committees.
PLACE_KINDS = (AgencyKind.COMMUNE_COMMITTEE, AgencyKind.DISTRICT_COMMITTEE)


def _printable(text: str) -> str:
    """Drop control characters (line breaks and tabs stay): they have no place in a remark."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")


def post_feedback(
    plan: Plan,
    *,
    text: str,
    address_key: str,
    task: Task | None = None,
    commune: Agency | None = None,
    contact: str = "",
) -> Feedback:
    """A citizen's remark on a public plan, about one of its public tasks or one commune of its
    province; it waits for moderation. The caller has checked the address's rate limit."""
    if not plan.is_public:
        raise SupervisionError(_("Kế hoạch này chưa được công khai."))
    if task is not None and (task.plan_id != plan.pk or not task.is_public):
        raise SupervisionError(_("Nhiệm vụ không thuộc kế hoạch đã công khai."), "task")
    if commune is not None and (
        commune.province_id != plan.province_id or commune.kind not in PLACE_KINDS
    ):
        raise SupervisionError(_("Xã, phường không thuộc tỉnh của kế hoạch."), "commune")
    if task is None and commune is None:
        raise SupervisionError(_("Cần chọn nhiệm vụ hoặc xã, phường được góp ý."), "task")
    text = checked_text(_printable(text), "text", _("nội dung góp ý"), FEEDBACK_LIMIT)
    contact = _printable(contact).strip()
    if len(contact) > CONTACT_LIMIT:
        raise SupervisionError(
            _("Cách liên hệ dài quá %(n)s ký tự.") % {"n": CONTACT_LIMIT}, "contact"
        )
    return Feedback.objects.create(
        province_id=plan.province_id,
        plan=plan,
        task=task,
        commune=commune,
        unit_codes=[u.unit_code for u in task.units_of("PAPI")] if task is not None else [],
        text=text,
        contact=contact,
        address_key=address_key,
    )


@transaction.atomic
def moderate(user: User, item: Feedback, *, accept: bool, version: int | None) -> Feedback:
    """Sở Nội vụ takes a post in for an answer, or refuses it (spam, abuse, off-topic)."""
    if not access.can_moderate(user, item):
        raise PermissionDenied(_("Chỉ Sở Nội vụ kiểm duyệt góp ý của người dân."))
    item = lock_current(item, version)
    if item.state != FeedbackState.PENDING:
        raise SupervisionError(_("Góp ý này đã được kiểm duyệt."))
    item.state = FeedbackState.ACCEPTED if accept else FeedbackState.REJECTED
    item.moderated_by = user
    bump(item)
    item.save()
    record(user, item, "feedback.moderate", {"state": [FeedbackState.PENDING, item.state]})
    return item


@transaction.atomic
def answer_feedback(
    user: User, item: Feedback, *, answer: str, publish: bool, version: int | None
) -> Feedback:
    """Sở Nội vụ or the responsible agency answers; `publish` shows the remark and its answer
    on the public page of the task (never the contact)."""
    if not access.can_answer_feedback(user, item):
        raise PermissionDenied(
            _("Chỉ Sở Nội vụ hoặc cơ quan được giao nhiệm vụ trả lời góp ý này.")
        )
    item = lock_current(item, version)
    before = snapshot(item, ("state", "answer", "published"))
    item.answer = checked_text(answer, "answer", _("nội dung trả lời"))
    item.answered_by, item.answering_agency = user, user.agency
    item.answered_on, item.state, item.published = clock.today(), FeedbackState.ANSWERED, publish
    bump(item)
    item.save()
    record(
        user,
        item,
        "feedback.answer",
        diff(before, snapshot(item, ("state", "answer", "published"))),
    )
    return item
