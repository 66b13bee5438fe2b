"""The province's rules for reviewing reports (ReportingSettings), set by its coordinators:
which agency coordinates the plan, who reviews that agency's own reports (nobody accepts their
own), and which agencies' reports go to the agency head first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts import roles
from chiso.accounts.models import Agency, Role, User
from chiso.accounts.roles import own_province_id
from chiso.audit.services import record
from chiso.plans.errors import PlanError
from chiso.plans.models import ReportingSettings
from chiso.plans.services.guards import require_plan_editor

# People who may review the coordinating agency's own reports (the model's limit_choices_to).
OWN_REPORT_REVIEWERS = frozenset({Role.COORDINATOR, Role.LEADERSHIP})


def _names(agencies: Iterable[Agency]) -> list[str]:
    return sorted(agency.name for agency in agencies)


def _state(rules: ReportingSettings) -> dict[str, Any]:
    reviewer = rules.own_reports_reviewer
    return {
        "coordinating_agency": rules.coordinating_agency.name if rules.coordinating_agency else "",
        "own_reports_reviewer": (reviewer.get_full_name() or reviewer.username) if reviewer else "",
        "signoff_agencies": _names(rules.signoff_agencies.all()),
    }


def _check(
    province_id: int,
    coordinating_agency: Agency | None,
    own_reports_reviewer: User | None,
    signoff_agencies: list[Agency],
) -> None:
    if coordinating_agency is not None and coordinating_agency.province_id != province_id:
        raise PlanError(_("Cơ quan điều phối phải thuộc tỉnh này."), "coordinating_agency")
    if any(agency.province_id != province_id for agency in signoff_agencies):
        raise PlanError(_("Chỉ chọn được cơ quan của tỉnh này."), "signoff_agencies")
    if own_reports_reviewer is None:
        return
    if (
        own_reports_reviewer.province_id != province_id
        or not own_reports_reviewer.is_active
        or not roles.has_role(own_reports_reviewer, OWN_REPORT_REVIEWERS)
    ):
        raise PlanError(
            _("Người duyệt phải là cán bộ điều phối hoặc lãnh đạo tỉnh của tỉnh này."),
            "own_reports_reviewer",
        )
    if coordinating_agency is None:
        raise PlanError(
            _(
                "Hãy chọn cơ quan điều phối: người duyệt được chỉ định duyệt báo cáo của cơ quan "
                "đó."
            ),
            "coordinating_agency",
        )


@transaction.atomic
def save_reporting_rules(
    user: User,
    *,
    coordinating_agency: Agency | None,
    own_reports_reviewer: User | None,
    signoff_agencies: Iterable[Agency],
) -> ReportingSettings:
    """Save the rules of the user's province (created on first save); audited."""
    require_plan_editor(user)
    province_id = own_province_id(user)
    chosen = list(signoff_agencies)
    _check(province_id, coordinating_agency, own_reports_reviewer, chosen)
    rules, created = ReportingSettings.objects.select_for_update().get_or_create(
        province_id=province_id
    )
    before = {} if created else _state(rules)
    rules.coordinating_agency = coordinating_agency
    rules.own_reports_reviewer = own_reports_reviewer
    rules.save()
    rules.signoff_agencies.set(chosen)
    after = _state(rules)
    changes = {
        name: [before.get(name, ""), value]
        for name, value in after.items()
        if before.get(name) != value
    }
    if changes:
        record(user, rules, "reporting_settings.update", changes, province=rules.province)
    return rules
