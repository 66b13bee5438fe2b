"""Permission-matrix rows for bulk set-up (read by tests/test_permission_matrix.py).

Only the coordinator and the admin of a province set it up (everyone else 403; a national
viewer, who has no province, too); another province's set-up file is 404."""

from __future__ import annotations

from typing import Any

from tests.test_permission_matrix import DENIED, FOUND, LOGIN, MISSING, OK, Row, expect

SETUP = expect(DENIED, admin=OK, coordinator=OK, other_province=OK, anonymous=LOGIN)


def extend_world(world: Any) -> None:
    from chiso.bulksetup.models import SetupImport

    world.extra["setup"] = SetupImport.objects.create(
        province=world.home.province,
        uploaded_by=world.users["coordinator"],
        filename="thiet-lap.xlsx",
        parsed={"Nhóm": [{"_row": 2, "name": "Nhóm thử", "members": ""}]},
    )


def setup_pk(world: Any) -> dict[str, Any]:
    return {"pk": world.extra["setup"].pk}


ROWS = [
    Row("bulksetup:index", SETUP),
    Row("bulksetup:xlsx", SETUP),
    Row("bulksetup:prefill", SETUP),
    Row("bulksetup:preview", {**SETUP, "other_province": MISSING}, setup_pk),
    Row(
        "bulksetup:confirm",
        {**SETUP, "admin": FOUND, "coordinator": FOUND, "other_province": MISSING},
        setup_pk,
        method="POST",
        data=lambda w: {},
    ),
]
