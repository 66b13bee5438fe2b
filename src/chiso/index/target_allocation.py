"""Split a needed gain across sub-dimensions with the least total effort.

Effort model: raising unit i by g_i costs g_i² / w_i, where the weight w_i is the distance to
the national best in the baseline year (plus a small floor so a unit where the province already
leads still counts, just expensively). Points are cheaper where the province is furthest behind
the best: others have shown those levels are attainable. Each gain is bounded by the scale
maximum and by a realistic one-year gain learned from history. Minimising Σ g_i²/w_i subject to
Σ g_i = G, 0 ≤ g_i ≤ u_i gives g_i = min(u_i, λ·w_i) (water-filling); λ is solved exactly on the
piecewise-linear Σ min(u_i, λ·w_i).
"""

from __future__ import annotations

from dataclasses import dataclass

# Weight floor as a share of the unit's scale width.
WEIGHT_FLOOR = 0.01


@dataclass(frozen=True)
class Candidate:
    code: str
    current: float
    best: float  # national best in the baseline year
    scale_max: float
    scale_width: float
    realistic: float  # realistic one-year gain (≥ 0)

    @property
    def bound(self) -> float:
        return max(0.0, min(self.scale_max - self.current, self.realistic))

    @property
    def bound_by_scale(self) -> bool:
        return self.scale_max - self.current <= self.realistic

    @property
    def weight(self) -> float:
        return max(self.best - self.current, 0.0) + WEIGHT_FLOOR * self.scale_width


def allocate(need: float, candidates: list[Candidate]) -> list[float]:
    """Gains per candidate. They sum to `need` (to 1e-9) when Σ bounds ≥ need; otherwise every
    candidate gets its bound (the goal is out of reach within a year)."""
    bounds = [c.bound for c in candidates]
    if need <= 0:
        return [0.0] * len(candidates)
    if sum(bounds) <= need:
        return bounds
    weights = [c.weight for c in candidates]
    lam = _solve_lambda(need, bounds, weights)
    gains = [min(u, lam * w) for u, w in zip(bounds, weights, strict=True)]
    return _close_residual(need, gains, bounds)


def _solve_lambda(need: float, bounds: list[float], weights: list[float]) -> float:
    # Breakpoints u_i/w_i sorted: past a breakpoint unit i is saturated (contributes u_i).
    order = sorted(range(len(bounds)), key=lambda i: bounds[i] / weights[i])
    saturated = 0.0
    free_weight = sum(weights[i] for i in order if bounds[i] > 0)
    for i in order:
        if bounds[i] <= 0:
            continue
        lam = (need - saturated) / free_weight
        if lam * weights[i] <= bounds[i]:
            return lam
        saturated += bounds[i]
        free_weight -= weights[i]
    raise AssertionError("Σ bounds > need guarantees a solution")  # pragma: no cover


def _close_residual(need: float, gains: list[float], bounds: list[float]) -> list[float]:
    """Floating-point sums drift by ~1e-15; put the remainder on units with room left."""
    for _ in range(3):
        residual = need - sum(gains)
        if residual == 0:
            break
        for i, (g, u) in enumerate(zip(gains, bounds, strict=True)):
            room = u - g if residual > 0 else g
            if room > abs(residual):
                gains[i] = g + residual
                break
    return gains
