"""Checking a read workbook against the province: every problem named by sheet, row and column;
what saving would do, row by row (the preview). Nothing is written here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyGroup, AgencyKind, Province, Role, User
from chiso.accounts.names import agency_key
from chiso.accounts.roles import is_admin
from chiso.bulksetup.workbook import AGENCIES, GROUPS, USERS, VILLAGES, Row, Sheet, where
from chiso.places.models import Village, VillageKind
from chiso.places.services import bare_name

YES = {"", "có", "co", "x", "1", "true", "yes", "đang hoạt động"}
NO = {"không", "khong", "0", "false", "no", "ngừng"}
USERNAME = re.compile(r"^[\w.@+-]{1,150}$")
SETUP_ROLES = [r for r in Role if r not in (Role.ADMIN, Role.NATIONAL_VIEWER)]


def _choice(text: str, choices: Any) -> str | None:
    key = agency_key(text)
    for value, label in choices:
        if key in (agency_key(str(value)), agency_key(str(label))):
            return str(value)
    return None


@dataclass
class Change:
    sheet: str
    row: int
    action: str  # "create" | "update" | "same"
    text: str


@dataclass
class Checked:
    errors: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    agencies: list[Row] = field(default_factory=list)
    groups: list[Row] = field(default_factory=list)
    users: list[Row] = field(default_factory=list)
    villages: list[Row] = field(default_factory=list)

    def error(self, sheet: Sheet, row: Row, key: str, message: str) -> None:
        self.errors.append(f"{where(sheet, row['_row'], key)}: {message}")


def _active(c: Checked, sheet: Sheet, row: Row) -> None:
    text = row["active"].lower()
    if text not in YES | NO:
        c.error(sheet, row, "active", _("ghi “có” hoặc “không”."))
    row["active"] = text not in NO


def _agencies(c: Checked, province: Province, rows: list[Row]) -> dict[str, str]:
    """Checks the agencies sheet; returns {code: kind} of every agency known after saving."""
    existing = {a.code: a for a in Agency.objects.filter(province=province).exclude(code="")}
    kinds = {code: a.kind for code, a in existing.items()}
    seen: dict[str, int] = {}
    for row in rows:
        code = row["code"]
        if not code:
            c.error(AGENCIES, row, "code", _("thiếu mã cơ quan."))
            continue
        if code in seen:
            c.error(
                AGENCIES,
                row,
                "code",
                _("mã %(code)s trùng dòng %(other)s.") % {"code": code, "other": seen[code]},
            )
            continue
        seen[code] = row["_row"]
        if not row["name"]:
            c.error(AGENCIES, row, "name", _("thiếu tên cơ quan."))
        kind = _choice(row["kind"], AgencyKind.choices)
        if kind is None:
            c.error(
                AGENCIES,
                row,
                "kind",
                _("loại “%(kind)s” không có; dùng: %(choices)s.")
                % {
                    "kind": row["kind"],
                    "choices": ", ".join(str(label) for _v, label in AgencyKind.choices),
                },
            )
        row["kind"] = kind or ""
        kinds[code] = row["kind"]
        _active(c, AGENCIES, row)
    for row in rows:
        code, parent = row["code"], row["parent"]
        if parent and parent not in kinds:
            c.error(AGENCIES, row, "parent", _("không có cơ quan mã %(code)s.") % {"code": parent})
        elif parent == code and code:
            c.error(AGENCIES, row, "parent", _("một cơ quan không là cấp trên của chính nó."))
        same = Agency.objects.filter(province=province, name_key=agency_key(row["name"])).exclude(
            code=code
        )
        other = same.exclude(code="").first()
        if row["name"] and other is not None:
            c.error(
                AGENCIES,
                row,
                "name",
                _("tên trùng với cơ quan mã %(code)s.") % {"code": other.code},
            )
        row["_pk"] = (
            existing[code].pk
            if code in existing
            else getattr(same.filter(code="").first(), "pk", None)
        )
        if code:
            _change(c, AGENCIES, row, existing.get(code), f"{code} — {row['name']}")
    _cycles(c, rows, existing)
    c.agencies = rows
    return kinds


def _cycles(c: Checked, rows: list[Row], existing: dict[str, Agency]) -> None:
    parents = {
        code: (a.parent.code if a.parent_id and a.parent else "") for code, a in existing.items()
    }
    parents.update({r["code"]: r["parent"] for r in rows if r["code"]})
    for row in rows:
        node, steps = row["code"], 0
        while node and steps <= len(parents):
            node, steps = parents.get(node, ""), steps + 1
        if node:
            c.error(AGENCIES, row, "parent", _("cấp trên tạo thành vòng lặp."))


def _change(c: Checked, sheet: Sheet, row: Row, obj: Any, text: str) -> None:
    action = "update" if (obj is not None or row.get("_pk")) else "create"
    c.changes.append(Change(sheet.title, row["_row"], action, text))


def _groups(c: Checked, province: Province, rows: list[Row], kinds: dict[str, str]) -> None:
    seen: set[str] = set()
    for row in rows:
        if not row["name"]:
            c.error(GROUPS, row, "name", _("thiếu tên nhóm."))
            continue
        if agency_key(row["name"]) in seen:
            c.error(GROUPS, row, "name", _("nhóm trùng tên."))
        seen.add(agency_key(row["name"]))
        codes = [m for m in re.split(r"[;,\s]+", row["members"]) if m]
        missing = [m for m in codes if m not in kinds]
        if missing:
            c.error(
                GROUPS,
                row,
                "members",
                _("không có cơ quan mã %(codes)s.") % {"codes": ", ".join(missing)},
            )
        row["members"] = codes
        group = AgencyGroup.objects.filter(
            province=province, name_key=agency_key(row["name"])
        ).first()
        row["_pk"] = group.pk if group else None
        _change(
            c,
            GROUPS,
            row,
            group,
            _("%(name)s: %(n)s cơ quan") % {"name": row["name"], "n": len(codes)},
        )
    c.groups = rows


def _users(c: Checked, province: Province, rows: list[Row], kinds: dict[str, str]) -> None:
    seen: set[str] = set()
    for row in rows:
        name = row["username"]
        if not USERNAME.match(name):
            c.error(USERS, row, "username", _("tên đăng nhập chỉ gồm chữ, số và . @ + - _."))
            continue
        if name.lower() in seen:
            c.error(USERS, row, "username", _("tên đăng nhập trùng."))
        seen.add(name.lower())
        user = User.objects.filter(username__iexact=name).first()
        if user is not None and user.province_id not in (None, province.pk):
            c.error(USERS, row, "username", _("tên đăng nhập đã có ở tỉnh khác."))
        if is_admin(user):
            c.error(USERS, row, "username", _("tài khoản quản trị không sửa qua tệp."))
        role = _choice(row["role"], [(r.value, r.label) for r in SETUP_ROLES])
        if role is None:
            c.error(
                USERS,
                row,
                "role",
                _("vai trò “%(role)s” không có; dùng: %(choices)s.")
                % {"role": row["role"], "choices": ", ".join(str(r.label) for r in SETUP_ROLES)},
            )
        row["role"] = role or ""
        if row["agency"] and row["agency"] not in kinds:
            c.error(
                USERS, row, "agency", _("không có cơ quan mã %(code)s.") % {"code": row["agency"]}
            )
        if not row["agency"] and role not in (Role.COORDINATOR, Role.LEADERSHIP):
            c.error(USERS, row, "agency", _("cần mã cơ quan của người dùng."))
        try:
            validate_email(row["email"])
        except ValidationError:
            c.error(
                USERS,
                row,
                "email",
                _("địa chỉ thư điện tử không hợp lệ (cần để gửi liên kết đặt mật khẩu)."),
            )
        _active(c, USERS, row)
        row["_pk"] = user.pk if user else None
        _change(c, USERS, row, user, f"{name} — {row['full_name']}")
    c.users = rows


def _villages(c: Checked, province: Province, rows: list[Row], kinds: dict[str, str]) -> None:
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        if kinds.get(row["commune"]) != AgencyKind.COMMUNE_COMMITTEE:
            c.error(
                VILLAGES,
                row,
                "commune",
                _("mã %(code)s không phải một UBND cấp xã.") % {"code": row["commune"]},
            )
        kind = _choice(row["kind"], VillageKind.choices)
        if kind is None:
            c.error(VILLAGES, row, "kind", _("loại cần là Thôn, Tổ dân phố hoặc Khu phố."))
        row["kind"] = kind or ""
        if kind:
            row["name"] = bare_name(kind, row["name"])
        if not row["name"]:
            c.error(VILLAGES, row, "name", _("thiếu tên thôn, tổ dân phố."))
        key = (row["commune"], row["kind"], agency_key(row["name"]))
        if key in seen:
            c.error(VILLAGES, row, "name", _("thôn trùng trong cùng xã."))
        seen.add(key)
        village = Village.objects.filter(
            province=province,
            commune__code=row["commune"],
            kind=row["kind"],
            name_key=agency_key(row["name"]),
        ).first()
        row["_pk"] = village.pk if village else None
        _change(c, VILLAGES, row, village, f"{row['commune']} — {row['name']}")
    c.villages = rows


def check(province: Province, parsed: dict[str, list[Row]]) -> Checked:
    c = Checked()
    kinds = _agencies(c, province, [dict(r) for r in parsed.get(AGENCIES.title, [])])
    _groups(c, province, [dict(r) for r in parsed.get(GROUPS.title, [])], kinds)
    _users(c, province, [dict(r) for r in parsed.get(USERS.title, [])], kinds)
    _villages(c, province, [dict(r) for r in parsed.get(VILLAGES.title, [])], kinds)
    return c
