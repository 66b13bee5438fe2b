"""Adding, renaming and closing villages: one transaction each, checked and audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.accounts.names import agency_key
from chiso.audit.services import diff, record, snapshot
from chiso.places.access import can_manage_villages
from chiso.places.models import Village, VillageKind
from chiso.workflow.errors import ServiceError

if TYPE_CHECKING:
    from chiso.accounts.models import User

FIELDS = ("commune", "kind", "name", "code", "active")


class PlaceError(ServiceError):
    """A rule refused the change; the message is translated, `field` names the form field."""


def bare_name(kind: str, name: str) -> str:
    """'Thôn Đông Bắc' typed as the name of a thôn is stored as 'Đông Bắc'."""
    name = " ".join(name.split())
    label = str(VillageKind(kind).label)
    if agency_key(name[: len(label)]) == agency_key(label) and name[len(label) :].startswith(" "):
        return name[len(label) :].strip()
    return name


def _check(village: Village) -> None:
    commune: Agency = village.commune
    if commune.kind != AgencyKind.COMMUNE_COMMITTEE:
        raise PlaceError(_("Thôn, tổ dân phố phải thuộc một UBND cấp xã."), "commune")
    if village.kind not in VillageKind.values:
        raise PlaceError(_("Loại thôn, tổ dân phố không hợp lệ."), "kind")
    if not village.name:
        raise PlaceError(_("Chưa nhập tên thôn, tổ dân phố."), "name")
    same = Village.objects.filter(
        commune_id=commune.pk, kind=village.kind, name_key=agency_key(village.name)
    ).exclude(pk=village.pk)
    if same.exists():
        raise PlaceError(
            _("%(commune)s đã có %(village)s.") % {"commune": commune, "village": village}, "name"
        )


@transaction.atomic
def create_village(
    user: User,
    commune: Agency,
    *,
    kind: str,
    name: str,
    code: str = "",
    illustrative: bool = False,
) -> Village:
    if not can_manage_villages(user, commune.province_id):
        raise PermissionDenied
    village = Village(
        province_id=commune.province_id,
        commune=commune,
        kind=kind,
        name=bare_name(kind, name) if kind in VillageKind.values else name.strip(),
        code=code.strip(),
        illustrative=illustrative,
    )
    _check(village)
    village.save()
    record(user, village, "create", diff({}, snapshot(village, FIELDS)))
    return village


@transaction.atomic
def update_village(user: User, village: Village, **fields: Any) -> Village:
    """Change any of commune, kind, name, code, active; the old values go to the audit log."""
    if not can_manage_villages(user, village.province_id):
        raise PermissionDenied
    village = Village.objects.select_for_update().select_related("commune").get(pk=village.pk)
    before = snapshot(village, FIELDS)
    for field, value in fields.items():
        if field not in FIELDS:
            raise ValueError(field)
        setattr(village, field, value.strip() if isinstance(value, str) else value)
    village.name = bare_name(village.kind, village.name)
    if village.commune.province_id != village.province_id:
        raise PlaceError(_("Xã, phường này thuộc tỉnh khác."), "commune")
    _check(village)
    village.save()
    changes = diff(before, snapshot(village, FIELDS))
    if changes:
        record(user, village, "update", changes)
    return village
