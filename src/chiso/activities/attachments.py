"""Evidence of findings, activities and postings: files checked by the workspace's evidence
rules (content, not just the name; size limit) and links (programme pages, online articles)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from chiso.activities.errors import ActivityError
from chiso.activities.models import Activity, Attachment, Finding, Posting
from chiso.audit.services import record
from chiso.plans.evidence import CheckedFile, check_upload

if TYPE_CHECKING:
    from chiso.accounts.models import User

Owner = Finding | Activity | Posting


def check_files(files: Iterable[Any]) -> list[CheckedFile]:
    """Check every file before anything is saved, so one bad file saves nothing."""
    return [check_upload(upload) for upload in files]


def check_links(links: Iterable[str]) -> list[str]:
    validate = URLValidator(schemes=["http", "https"])
    out = []
    for link in links:
        link = link.strip()
        if not link:
            continue
        try:
            validate(link)
        except ValidationError as exc:
            raise ActivityError(
                _("Đường dẫn “%(link)s” không hợp lệ (cần bắt đầu bằng http:// hoặc https://).")
                % {"link": link},
                "links",
            ) from exc
        out.append(link)
    return out


def _owner_field(owner: Owner) -> str:
    if isinstance(owner, Finding):
        return "finding"
    if isinstance(owner, Activity):
        return "activity"
    return "posting"


def attach(
    user: User, owner: Owner, checked: Iterable[CheckedFile], links: Iterable[str]
) -> list[Attachment]:
    """Store checked files and links for `owner`; call inside the service's transaction."""
    field = _owner_field(owner)
    out = []
    for item in checked:
        attachment = Attachment(
            province_id=owner.province_id,
            uploaded_by=user,
            original_name=item.name[:255],
            content_type=item.kind.content_type,
            size=item.size,
            sha256=item.sha256,
            **{field: owner},
        )
        attachment.file.save(item.name, item.upload, save=False)
        attachment.save()
        out.append(attachment)
    for link in links:
        out.append(
            Attachment.objects.create(
                province_id=owner.province_id, uploaded_by=user, url=link, **{field: owner}
            )
        )
    for attachment in out:
        record(
            user,
            owner,
            "attachment.add",
            {"attachment": [None, attachment.original_name or attachment.url]},
        )
    return out
