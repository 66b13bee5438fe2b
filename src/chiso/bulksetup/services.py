"""Bulk set-up of a province from one workbook: upload (read and checked, nothing saved), apply
(everything in one transaction, each object audited, or nothing), export in the same format.
New users get an e-mail with a link to set their password (Django's reset confirmation page)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from openpyxl import Workbook

from chiso.accounts.models import Agency, AgencyGroup, Province, Role, User
from chiso.accounts.roles import in_province, is_coordinator
from chiso.audit.services import record
from chiso.bulksetup.checks import Checked, check
from chiso.bulksetup.models import SetupImport
from chiso.bulksetup.workbook import (
    AGENCIES,
    GROUPS,
    USERS,
    VILLAGES,
    WorkbookError,
    read_workbook,
    write_workbook,
)
from chiso.places.models import Village


def can_set_up(user: User, province: Province | None) -> bool:
    """Coordinators and administrators of the province (chiso.accounts.roles)."""
    return province is not None and is_coordinator(user) and in_province(user, province.pk)


def _require(user: User, province: Province) -> None:
    if not can_set_up(user, province):
        raise PermissionDenied(_("Chỉ Sở Nội vụ và quản trị hệ thống thiết lập hàng loạt."))


@transaction.atomic
def upload(user: User, province: Province, name: str, data: bytes) -> SetupImport:
    """Read the workbook once (refused with every problem named); keep it for the preview."""
    _require(user, province)
    parsed = read_workbook(name, data)
    checked = check(province, parsed)
    if checked.errors:
        raise WorkbookError(checked.errors)
    return SetupImport.objects.create(
        province=province, uploaded_by=user, filename=name, parsed=parsed
    )


@dataclass(frozen=True)
class Applied:
    created: int
    updated: int
    invited: int


@transaction.atomic
def apply(user: User, setup: SetupImport, site_url: str) -> Applied:
    """Save every row, or nothing if any row no longer checks (the province changed since)."""
    _require(user, setup.province)
    setup = SetupImport.objects.select_for_update().get(pk=setup.pk)
    if setup.applied_at is not None:
        raise WorkbookError([_("Tệp này đã được lưu trước đó.")])
    checked = check(setup.province, setup.parsed)
    if checked.errors:
        raise WorkbookError(checked.errors)
    invited = _save(user, setup.province, checked)
    setup.applied_at = timezone.now()
    setup.save(update_fields=["applied_at"])
    counts = [c.action for c in checked.changes]
    record(
        user,
        setup.province,
        "setup.apply",
        {"file": [None, setup.filename], "rows": [None, len(counts)]},
        province=setup.province,
    )
    transaction.on_commit(lambda: _invite(invited, site_url))
    return Applied(counts.count("create"), counts.count("update"), len(invited))


def _save(user: User, province: Province, c: Checked) -> list[User]:
    by_code: dict[str, Agency] = {}
    for row in c.agencies:
        agency = Agency.objects.filter(pk=row["_pk"]).first() or Agency(province=province)
        created = agency.pk is None
        for field in ("code", "name", "short_name", "kind", "active"):
            setattr(agency, field, row[field])
        agency.save()
        by_code[agency.code] = agency
        record(
            user,
            agency,
            "agency.create" if created else "agency.update",
            {"row": [None, row["_row"]]},
        )
    known = {a.code: a for a in Agency.objects.filter(province=province).exclude(code="")}
    for row in c.agencies:
        parent = known.get(row["parent"]) if row["parent"] else None
        Agency.objects.filter(pk=by_code[row["code"]].pk).update(parent=parent)
    for row in c.groups:
        group = AgencyGroup.objects.filter(pk=row["_pk"]).first() or AgencyGroup(province=province)
        group.name = row["name"]
        group.save()
        group.members.set([known[m] for m in row["members"]])
        record(user, group, "group.set", {"members": [None, row["members"]]}, province=province)
    invited = [u for u in (_user(user, province, row, known) for row in c.users) if u is not None]
    for row in c.villages:
        village = Village.objects.filter(pk=row["_pk"]).first() or Village(province=province)
        village.commune, village.kind = known[row["commune"]], row["kind"]
        village.name = row["name"]
        village.code = row["code"]
        village.save()
        record(user, village, "village.set", {"row": [None, row["_row"]]})
    return invited


def _user(
    actor: User, province: Province, row: dict[str, Any], known: dict[str, Agency]
) -> User | None:
    """Create or update one user; returns the user when newly created (to be invited)."""
    user = User.objects.filter(pk=row["_pk"]).first()
    created = user is None
    if user is None:
        user = User(username=row["username"])
        user.set_unusable_password()
    family, _sep, given = row["full_name"].rpartition(" ")
    user.last_name, user.first_name = family, given
    user.email, user.role, user.is_active = row["email"], row["role"], row["active"]
    user.province = province
    user.agency = known.get(row["agency"]) if row["agency"] else None
    user.save()
    record(
        actor,
        user,
        "user.create" if created else "user.update",
        {"role": [None, user.role]},
        province=province,
    )
    return user if created and user.is_active else None


def _invite(users: list[User], site_url: str) -> None:
    for user in users:
        link = site_url.rstrip("/") + reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {"user": user, "link": link}
        send_mail(
            render_to_string("bulksetup/email/welcome_subject.txt", context).strip(),
            render_to_string("bulksetup/email/welcome_email.txt", context),
            None,
            [user.email],
        )


def export_workbook(province: Province) -> Workbook:
    """The province as it is, in the upload format (agencies with a code only)."""
    agencies = Agency.objects.filter(province=province).exclude(code="").select_related("parent")
    yes = lambda b: "có" if b else "không"  # noqa: E731
    rows = {
        AGENCIES.title: [
            [
                a.code,
                a.name,
                a.short_name,
                a.get_kind_display(),
                a.parent.code if a.parent else "",
                yes(a.active),
            ]
            for a in agencies.order_by("code")
        ],
        GROUPS.title: [
            [g.name, "; ".join(sorted(m.code for m in g.members.all() if m.code))]
            for g in AgencyGroup.objects.filter(province=province).prefetch_related("members")
        ],
        USERS.title: [
            [
                u.username,
                u.get_full_name(),
                u.email,
                u.get_role_display(),
                u.agency.code if u.agency else "",
                yes(u.is_active),
            ]
            for u in User.objects.filter(province=province)
            .exclude(role=Role.ADMIN)
            .select_related("agency")
            .order_by("username")
        ],
        VILLAGES.title: [
            [v.commune.code, v.get_kind_display(), v.name, v.code]
            for v in Village.objects.filter(province=province)
            .exclude(commune__code="")
            .select_related("commune")
        ],
    }
    return write_workbook(rows)


def prefill_workbook(province: Province) -> tuple[Workbook, int]:
    """The export with the province's communes and wards after the 1/7/2025 reorganisation
    (the `vietnam-provinces` package's list) added where missing, each under the province's
    People's Committee; returns the workbook and how many were added."""
    from vietnam_provinces import ProvinceCode, Ward

    from chiso.accounts.models import AgencyKind
    from chiso.accounts.names import agency_key
    from chiso.spreadsheets.cell_text import set_cell

    wb = export_workbook(province)
    ws = wb[AGENCIES.title]
    committee = Agency.objects.filter(province=province, kind=AgencyKind.PEOPLES_COMMITTEE).first()
    have = set(Agency.objects.filter(province=province).values_list("name_key", flat=True))
    codes = set(Agency.objects.filter(province=province).values_list("code", flat=True))
    label = str(AgencyKind.COMMUNE_COMMITTEE.label)
    added = 0
    try:
        wards = sorted(
            Ward.iter_by_province(ProvinceCode(int(province.code))), key=lambda w: w.name
        )
    except ValueError:
        wards = []
    for ward in wards:
        name = f"UBND {ward.name[:1].lower()}{ward.name[1:]}"
        if agency_key(name) in have or str(ward.code) in codes:
            continue
        row = ws.max_row + 1
        values = [str(ward.code), name, "", label, committee.code if committee else "", "có"]
        for col, value in enumerate(values, start=1):
            set_cell(ws.cell(row, col), value)
        added += 1
    return wb, added
