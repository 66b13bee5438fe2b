"""Permission-matrix rows for the target page's index choice (read by test_permission_matrix):
every signed-in user may ask for another index (`?bo-chi-so=pci`; without its results the page
says so), an unknown index is 404, anonymous users are sent to log in."""

from __future__ import annotations

from tests.test_permission_matrix import LOGIN, MISSING, SIGNED_IN, Row, expect

ROWS = [
    Row("targets:page", SIGNED_IN, query="bo-chi-so=pci", label="PCI", needs_results=True),
    Row(
        "targets:page",
        expect(MISSING, anonymous=LOGIN),
        query="bo-chi-so=khong-co",
        label="unknown index",
        needs_results=True,
    ),
]
