"""The shared rules of who the viewer is (chiso.accounts.roles), and that no app writes its own."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AnonymousUser

from chiso.accounts import roles
from chiso.accounts.models import Agency, Role
from chiso.plans.access import can_edit_plan

SRC = Path(__file__).resolve().parents[2] / "src" / "chiso"


def test_coordinators_and_admins_coordinate(province: Any, make_user: Any) -> None:
    expected = {
        Role.COORDINATOR: True,
        Role.ADMIN: True,
        Role.AGENCY_HEAD: False,
        Role.AGENCY_OFFICER: False,
        Role.LEADERSHIP: False,
        Role.SUPERVISOR: False,
        Role.NATIONAL_VIEWER: False,
    }
    found = {
        role: roles.is_coordinator(make_user(f"u_{role}", role, province)) for role in expected
    }
    assert found == expected
    assert roles.is_coordinator(AnonymousUser()) is False


def test_a_superuser_is_an_administrator_whatever_the_role_field(
    province: Any, make_user: Any
) -> None:
    user = make_user("root", Role.AGENCY_OFFICER, province)
    assert roles.role_of(user) == Role.AGENCY_OFFICER
    user.is_superuser = True
    assert roles.role_of(user) == Role.ADMIN
    assert roles.is_admin(user) and roles.is_coordinator(user) and roles.reads_province(user)
    assert can_edit_plan(user)
    user.province = None
    assert roles.sees_all_provinces(user)


def test_scope_by_province_and_own_agency(
    province: Any, other_province: Any, make_agency: Any, make_user: Any
) -> None:
    mine = make_agency(province, "Sở Tư pháp")
    make_agency(province, "Sở Y tế")
    make_agency(other_province, "Sở Tư pháp")
    officer = make_user("officer", Role.AGENCY_OFFICER, province, mine)
    coordinator = make_user("coord", Role.COORDINATOR, province)
    national = make_user("national", Role.NATIONAL_VIEWER)
    lost = make_user("lost", Role.AGENCY_OFFICER)
    agencies = Agency.objects.all()
    assert list(roles.agencies_for(officer)) == [mine]
    assert set(roles.agencies_for(coordinator)) == set(agencies.filter(province=province))
    assert set(roles.scoped(agencies, national)) == set(agencies)
    assert not roles.scoped(agencies, lost).exists()
    assert not roles.scoped(agencies, AnonymousUser()).exists()
    assert roles.in_province(officer, province.pk) and not roles.in_province(national, None)


def test_no_app_decides_by_reading_the_role_field_itself() -> None:
    """Roles are compared in chiso.accounts.roles only (the demo builds users by role)."""
    pattern = re.compile(r"\.role\s*(==|!=|in\b|not in\b)|\.is_superuser\b")
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        if path.name != "roles.py" and "demo" not in path.parts and "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
