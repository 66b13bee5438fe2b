"""Strengths and weaknesses of a province from its dimension and sub-dimension results."""

from __future__ import annotations

from collections.abc import Sequence

from chiso.index.report import Highlights, UnitResult

TOP = 5


def find_highlights(
    dimensions: Sequence[UnitResult], subdimensions: Sequence[UnitResult], lowest_tier: str
) -> Highlights:
    # Strengths and weaknesses compare a province with the field: only units with a rank and a
    # national mean (a partial field, e.g. PCI's published top 30, has neither).
    units = [
        r for r in (*dimensions, *subdimensions) if r.rank is not None and r.gap_to_mean is not None
    ]

    # Units differ in scale (dimension 1–10, sub-dimension 0.25–2.5), so gaps and changes are
    # compared as shares of each unit's scale.
    def gap(r: UnitResult) -> float:
        return r.share_of_scale(r.gap_to_mean or 0.0)

    by_rank = sorted(units, key=lambda r: (r.relative_rank or 0.0, -gap(r), r.unit))
    strengths = [r for r in by_rank if gap(r) > 0][:TOP]
    weaknesses = [r for r in reversed(by_rank) if gap(r) < 0][:TOP]
    # A change across a structural break compares different things, so it is no "decline".
    declines = sorted(
        (r for r in units if r.change is not None and r.change < 0 and not r.breaks),
        key=lambda r: (r.share_of_scale(r.change or 0.0), r.unit),
    )
    return Highlights(
        strengths=tuple(strengths),
        weaknesses=tuple(weaknesses),
        by_rank=tuple(by_rank),
        by_gap_to_mean=tuple(sorted(units, key=lambda r: (-gap(r), r.unit))),
        by_gap_to_best=tuple(
            sorted(units, key=lambda r: (-r.share_of_scale(r.gap_to_best or 0.0), r.unit))
        ),
        declines=tuple(declines),
        lowest_tier=tuple(r for r in subdimensions if r.tier == lowest_tier),
    )
