"""Permission-matrix rows for the task catalogue (read by tests/test_permission_matrix.py).

Every user of a province reads its catalogue (a national viewer has none: 404); only the
coordinator and the admin replace it or add its tasks to a plan (readers 403); another
province's plan is 404."""

from __future__ import annotations

from tests.test_permission_matrix import (
    DENIED,
    FOUND,
    HOME_PAGE,
    LOGIN,
    MISSING,
    OK,
    Row,
    expect,
)

PROVINCE_PAGE = expect(OK, anonymous=LOGIN, national_viewer=MISSING)
EDITORS = expect(DENIED, admin=FOUND, coordinator=FOUND, anonymous=LOGIN)
# The edit form, shown to editors; another province's coordinator edits their own catalogue.
_OWN_EDITORS = {"admin": OK, "coordinator": OK, "other_province": OK, "national_viewer": MISSING}

ROWS = [
    Row("catalogue:index", PROVINCE_PAGE),
    Row("catalogue:xlsx", PROVINCE_PAGE),
    Row(
        "catalogue:import",
        {**EDITORS, "national_viewer": MISSING, "other_province": FOUND},
        method="POST",
        data=lambda w: {},
    ),
    # Another province's coordinator cannot name this province's plan: 404.
    Row(
        "catalogue:from-plan",
        {**EDITORS, "national_viewer": MISSING, "other_province": MISSING},
        method="POST",
        data=lambda w: {"ke_hoach": w.home.plan.pk},
    ),
    Row("catalogue:entry-edit", {**EDITORS, **_OWN_EDITORS}, lambda w: {"code": "C-5"}),
    Row(
        "catalogue:entry-edit",
        {**EDITORS, "national_viewer": MISSING, "other_province": FOUND},
        lambda w: {"code": "C-5"},
        method="POST",
        data=lambda w: {"title": "Đối thoại với Nhân dân về thủ tục hành chính", "units": "5.4"},
    ),
    Row("catalogue:plan", HOME_PAGE, lambda w: {"plan_pk": w.home.plan.pk}, needs_results=True),
    Row(
        "catalogue:plan-add",
        {**EDITORS, "other_province": MISSING},
        lambda w: {"plan_pk": w.home.plan.pk},
        method="POST",
        data=lambda w: {"ma": "C-5"},
        needs_results=True,
    ),
]
