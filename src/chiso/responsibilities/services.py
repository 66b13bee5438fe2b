"""Setting an agency's part of the responsibilities map: one transaction, checked, audited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.audit.services import record
from chiso.index import load_framework
from chiso.responsibilities.access import can_edit_map
from chiso.responsibilities.models import Duty, Responsibility
from chiso.workflow.errors import ServiceError

if TYPE_CHECKING:
    from chiso.accounts.models import User


class ResponsibilityError(ServiceError):
    """A rule refused the change; the message is translated, `field` names the form field."""


def check_units(codes: Iterable[str], index: str = "PAPI") -> list[str]:
    """The codes sorted, each a dimension or sub-dimension of the index, else an error."""
    fw = load_framework(index)
    out = []
    for code in {c.strip() for c in codes if c.strip()}:
        if not fw.has_unit(code) or fw.unit(code).level not in ("dimension", "subdimension"):
            raise ResponsibilityError(
                _("“%(code)s” không phải nội dung hay nội dung thành phần của %(index)s.")
                % {"code": code, "index": index},
                "units",
            )
        out.append(code)
    return sorted(out, key=lambda c: [int(p) if p.isdigit() else p for p in c.split(".")])


@transaction.atomic
def set_agency_units(
    user: User,
    agency: Agency,
    *,
    guides: Iterable[str] = (),
    answers: Iterable[str] = (),
    index: str = "PAPI",
    illustrative: bool = False,
) -> None:
    """Replace what `agency` guides and answers for in `index` (old → new in the audit log)."""
    if not can_edit_map(user, agency.province_id):
        raise PermissionDenied(_("Chỉ Sở Nội vụ phân công trách nhiệm theo chỉ số."))
    wanted = {Duty.GUIDES: check_units(guides, index), Duty.ANSWERS: check_units(answers, index)}
    both = set(wanted[Duty.GUIDES]) & set(wanted[Duty.ANSWERS])
    if both:
        raise ResponsibilityError(
            _("Mỗi chỉ số chỉ chọn một trách nhiệm: %(codes)s.")
            % {"codes": ", ".join(sorted(both))},
            "answers",
        )
    rows = Responsibility.objects.filter(agency=agency, index=index)
    before = {d: sorted(rows.filter(duty=d).values_list("unit_code", flat=True)) for d in Duty}
    rows.delete()
    Responsibility.objects.bulk_create(
        Responsibility(
            province_id=agency.province_id,
            agency=agency,
            index=index,
            unit_code=code,
            duty=duty,
            illustrative=illustrative,
        )
        for duty, codes in wanted.items()
        for code in codes
    )
    changes = {
        str(duty): [before[duty], wanted[duty]] for duty in Duty if before[duty] != wanted[duty]
    }
    if changes:
        record(user, agency, "responsibility.set", changes, province=agency.province)
