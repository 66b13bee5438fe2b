"""Permission-matrix rows for the password pages (picked up by tests/test_permission_matrix.py).

Changing a password needs a log-in; asking for a reset link and the pages around it are open
to everyone (a signed-in person may have forgotten the password of another account)."""

from __future__ import annotations

from tests.test_permission_matrix import EVERYONE, FOUND, SIGNED_IN, Row, expect

ROWS: list[Row] = [
    Row("password_change", SIGNED_IN),
    Row("password_change_done", SIGNED_IN),
    Row("password_reset", EVERYONE),
    Row(
        "password_reset",
        expect(FOUND),
        method="POST",
        data=lambda w: {"email": "nobody@example.invalid"},
        label="unknown address",
    ),
    Row("password_reset_done", EVERYONE),
    Row(
        "password_reset_confirm",
        EVERYONE,
        lambda w: {"uidb64": "MQ", "token": "set-password"},
        label="bad link",
    ),
    Row("password_reset_complete", EVERYONE),
]
