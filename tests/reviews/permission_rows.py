"""Permission-matrix rows for "did the plan work?" (read by tests/test_permission_matrix.py).

Every signed-in user of the province reads the review of its plans; another province's plan is
404; the list shows each user their own province's plans."""

from __future__ import annotations

from tests.test_permission_matrix import HOME_PAGE, SIGNED_IN, Row

ROWS = [
    Row("reviews:index", SIGNED_IN, needs_results=True),
    Row("reviews:detail", HOME_PAGE, lambda w: {"plan_id": w.home.plan.pk}, needs_results=True),
]
