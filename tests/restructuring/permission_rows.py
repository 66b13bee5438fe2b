"""Permission-matrix rows for the restructuring (read by tests/test_permission_matrix.py).

A province's coordinators and administrators abolish a level (each in their own province);
only an administrator merges provinces; every signed-in user of a province reads the
predecessors' results (a national viewer, who has no province, is refused)."""

from __future__ import annotations

from tests.test_permission_matrix import DENIED, LOGIN, OK, Row, expect

COORDINATORS = expect(DENIED, admin=OK, coordinator=OK, other_province=OK, anonymous=LOGIN)
ADMIN = expect(DENIED, admin=OK, anonymous=LOGIN)
READERS = expect(OK, national_viewer=DENIED, anonymous=LOGIN)

ROWS = [
    Row("restructuring:index", COORDINATORS),
    Row("restructuring:abolish", COORDINATORS),
    Row(
        "restructuring:abolish",
        COORDINATORS,
        method="POST",
        data=lambda w: {"effective_on": "01/07/2025", "preview": "1"},
        label="preview",
    ),
    Row("restructuring:merge", ADMIN),
    Row("restructuring:results", READERS),
]
