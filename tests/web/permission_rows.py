"""Permission-matrix rows for the web app's own URLs (read by tests/test_permission_matrix.py)."""

from __future__ import annotations

from tests.test_permission_matrix import SIGNED_IN, Row

ROWS: list[Row] = [
    # The menu's badges, fetched by the page after it loads.
    Row("menu-counts", SIGNED_IN),
]
