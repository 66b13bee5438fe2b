"""Permission-matrix rows for entering a province's published results (read by
tests/test_permission_matrix.py).

Only a province's coordinator (Sở Nội vụ) and administrator open the form and save; every other
role is refused (403), a national viewer too (no province to enter results for)."""

from __future__ import annotations

from tests.test_permission_matrix import DENIED, FOUND, LOGIN, OK, Row, expect

ENTRY_PAGE = expect(DENIED, admin=OK, coordinator=OK, other_province=OK, anonymous=LOGIN)
ENTRY_SAVE = expect(DENIED, admin=FOUND, coordinator=FOUND, other_province=FOUND, anonymous=LOGIN)


def _sipas_2023(world: object) -> dict[str, str]:
    return {"index": "SIPAS", "year": "2023", "score-aggregate": "82,5", "rank": "20",
            **{f"score-{i}": "80" for i in range(1, 6)}}  # fmt: skip


ROWS = [
    Row("results:enter", ENTRY_PAGE),
    Row("results:enter", ENTRY_SAVE, method="POST", data=_sipas_2023),
]
