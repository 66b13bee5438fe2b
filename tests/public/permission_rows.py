"""Permission-matrix rows for the peers page and its workbook (read by test_permission_matrix).

Every signed-in user reads it (results are public figures; a user without a province sees the
first province of the data); anonymous users are sent to log in."""

from __future__ import annotations

from tests.test_permission_matrix import SIGNED_IN, Row

ROWS = [
    Row("public:peers", SIGNED_IN, query="nam=2022", needs_results=True),
    Row(
        "public:peers",
        SIGNED_IN,
        query="nam=2022&nhom=custom",
        label="custom empty",
        needs_results=True,
    ),
    Row("public:peers-xlsx", SIGNED_IN, query="nam=2022&nhom=region", needs_results=True),
]
