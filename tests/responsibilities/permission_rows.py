"""Permission-matrix rows for the responsibilities map (read by tests/test_permission_matrix.py).

Every user of a province reads its map and any of its agencies' areas (a national viewer has no
province: 404); only the coordinator and the admin set an agency's areas (readers 403); another
province's agency is 404."""

from __future__ import annotations

from tests.test_permission_matrix import DENIED, FOUND, LOGIN, MISSING, OK, Row, expect, pk

MAP = expect(OK, anonymous=LOGIN, national_viewer=MISSING)
AGENCY = expect(OK, anonymous=LOGIN, national_viewer=MISSING, other_province=MISSING)
EDIT = expect(
    DENIED,
    admin=OK,
    coordinator=OK,
    anonymous=LOGIN,
    national_viewer=MISSING,
    other_province=MISSING,
)

ROWS = [
    Row("responsibilities:map", MAP),
    Row("responsibilities:agency", AGENCY, pk(lambda w: w.agency_a)),
    Row("responsibilities:agency-edit", EDIT, pk(lambda w: w.agency_a)),
    Row(
        "responsibilities:agency-edit",
        {**EDIT, "admin": FOUND, "coordinator": FOUND},
        pk(lambda w: w.agency_a),
        method="POST",
        data=lambda w: {"guides": ["1"], "answers": ["2.4"]},
    ),
]
