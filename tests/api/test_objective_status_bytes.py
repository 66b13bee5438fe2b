"""GET /api/v1/plans/{id}/objectives/ answers exactly what it answered before it stopped
computing the standings it never sends (issue 18, item 5): byte-for-byte, on PAPI and PCI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

EXPECTED = Path(__file__).parent / "fixtures" / "objective_status"


@pytest.fixture
def both_imported(papi_data_dir: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from chiso.results.store import import_results, invalidate
    from chiso.site import clock

    monkeypatch.setattr(clock, "today", lambda: dt.date(2024, 6, 1))
    invalidate()
    import_results(papi_data_dir)
    import_results(papi_data_dir.parent / "pci", index="PCI")


def _answers(world: Any, client_for: Any) -> dict[str, bytes]:
    from chiso.plans.models import Objective

    plan = world.home.plan
    Objective.objects.create(
        plan=plan, code="2", text="PCI đạt từ 60 điểm", kind="aggregate_score_min", value=60,
        index="PCI", order=2,
    )  # fmt: skip
    Objective.objects.create(
        plan=plan, code="3", text="PCI tăng hạng", kind="aggregate_rank_improves",
        index="PCI", order=3,
    )  # fmt: skip
    url = f"/api/v1/plans/{plan.pk}/objectives/"
    client = client_for("leadership")
    return {
        # Recorded before the change; the plan's id is the one thing that varies by database.
        name: client.get(url + query).content.replace(f'"plan": {plan.pk},'.encode(), b'"plan": 1,')
        for name, query in (("default", ""), ("2022", "?year=2022"), ("2020", "?year=2020"))
    }


def test_objective_status_unchanged_byte_for_byte(
    world: Any, client_for: Any, both_imported: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import chiso.plans.objectives as objectives

    def no_standings(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the API computed standings it does not send")

    monkeypatch.setattr(objectives, "standings", no_standings)
    for name, body in _answers(world, client_for).items():
        assert body == (EXPECTED / f"{name}.json").read_bytes(), name
