"""Permission-matrix rows for the results endpoints' `index` parameter (API 1.4; read by
test_permission_matrix). Results are public: every caller gets the same answer — the index asked
for (PAPI here), 404 `no_results` for an index without stored results, 400 for an unknown one."""

from __future__ import annotations

from tests.test_permission_matrix import EVERYONE, INVALID, MISSING, Row, expect


def _year(world: object) -> dict[str, object]:
    return {"year": 2022}


def _profile(world: object) -> dict[str, object]:
    return {"year": 2022, "province": "khanh-hoa"}


ROWS = [
    Row(
        "api-results-ranking", EVERYONE, _year, query="index=PAPI", label="PAPI", needs_results=True
    ),
    Row(
        "api-results-ranking",
        expect(MISSING),
        _year,
        query="index=PCI",
        label="index without results",
        needs_results=True,
    ),
    Row(
        "api-results-profile",
        expect(MISSING),
        _profile,
        query="index=SIPAS",
        label="index without results",
        needs_results=True,
    ),
    Row(
        "api-results-profile",
        expect(INVALID),
        _profile,
        query="index=pci",
        label="unknown index",
        needs_results=True,
    ),
]
