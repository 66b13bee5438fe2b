"""Turn a framework YAML document into a validated `Framework` (errors name file and field)."""

from __future__ import annotations

from typing import Any

from chiso.index.framework import (
    Framework,
    FrameworkError,
    Level,
    Scale,
    StructuralBreak,
    Tier,
    TierRule,
    Unit,
    UnitName,
)
from chiso.index.text import LocalizedText


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> FrameworkError:
        return FrameworkError(f"{self.source}: {where}: {problem}")

    def get(self, mapping: Any, key: str, where: str) -> Any:
        if not isinstance(mapping, dict) or key not in mapping:
            raise self.fail(where, f"thiếu trường '{key}' (missing field)")
        return mapping[key]

    def text(self, mapping: Any, where: str) -> LocalizedText:
        return LocalizedText(
            vi=str(self.get(mapping, "vi", where)), en=str(self.get(mapping, "en", where))
        )

    def year(self, value: Any, where: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(where, f"năm không hợp lệ {value!r} (invalid year)")
        return value


def _scale(r: _Reader, raw: Any, where: str) -> Scale:
    if raw in ("sum", "share"):
        return Scale(kind=str(raw))
    if isinstance(raw, dict):
        low, high = float(r.get(raw, "min", where)), float(r.get(raw, "max", where))
        if low >= high:
            raise r.fail(where, "min phải nhỏ hơn max (min must be below max)")
        return Scale(kind="fixed", low=low, high=high)
    raise r.fail(where, "scale phải là sum, share hoặc {min, max}")


def _unit(r: _Reader, raw: Any, index: int) -> Unit:
    where = f"units[{index}]"
    code = str(r.get(raw, "code", where))
    where = f"units[{index}] ({code})"
    names = tuple(
        UnitName(
            first_year=r.year(n.get("from"), where),
            last_year=r.year(n.get("to"), where),
            text=r.text(n, f"{where}.names"),
        )
        for n in r.get(raw, "names", where)
    )
    if not names:
        raise r.fail(where, "cần ít nhất một tên (needs a name)")
    parent = raw.get("parent")
    return Unit(
        code=code,
        level=str(r.get(raw, "level", where)),
        parent=None if parent is None else str(parent),
        first_year=r.year(raw.get("from"), where),
        last_year=r.year(raw.get("to"), where),
        names=names,
        scale=_scale(r, r.get(raw, "scale", where), f"{where}.scale"),
    )


def _check_tree(r: _Reader, units: tuple[Unit, ...], levels: tuple[Level, ...]) -> None:
    codes = [u.code for u in units]
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        raise r.fail("units", f"mã trùng (duplicate codes): {sorted(duplicates)}")
    roots = [u for u in units if u.parent is None]
    if len(roots) != 1:
        raise r.fail("units", "cần đúng một đơn vị gốc (exactly one unit without parent)")
    level_codes = {lv.code for lv in levels}
    for unit in units:
        if unit.level not in level_codes:
            raise r.fail(f"units ({unit.code})", f"cấp không khai báo '{unit.level}'")
        if unit.parent is not None and unit.parent not in codes:
            raise r.fail(f"units ({unit.code})", f"không có đơn vị cha '{unit.parent}'")
        if unit.scale.kind == "share" and unit.parent is None:
            raise r.fail(f"units ({unit.code})", "scale share cần đơn vị cha")
        has_children = any(u.parent == unit.code for u in units)
        if unit.scale.kind == "sum" and not has_children:
            raise r.fail(f"units ({unit.code})", "scale sum cần đơn vị con")


def parse_framework(raw: Any, source: str) -> Framework:
    r = _Reader(source)
    tiers_raw = r.get(raw, "tiers", "root")
    percentiles = tuple(float(p) for p in r.get(tiers_raw, "percentiles", "tiers"))
    tiers = tuple(
        Tier(code=str(r.get(t, "code", "tiers.labels")), label=r.text(t, "tiers.labels"))
        for t in r.get(tiers_raw, "labels", "tiers")
    )
    if len(tiers) != len(percentiles) + 1 or list(percentiles) != sorted(percentiles):
        raise r.fail("tiers", "số nhóm phải bằng số bách phân vị + 1 (tiers = percentiles + 1)")
    rules = tuple(
        TierRule(code=str(code), inclusive=bool(r.get(spec, "inclusive", f"tiers.rules.{code}")))
        for code, spec in r.get(tiers_raw, "rules", "tiers").items()
    )
    rule_codes = {rule.code for rule in rules}
    default_rule = str(r.get(tiers_raw, "default_rule", "tiers"))
    by_year = tuple((int(y), str(c)) for y, c in (tiers_raw.get("rule_by_year") or {}).items())
    for code in [default_rule, *(c for _, c in by_year)]:
        if code not in rule_codes:
            raise r.fail("tiers", f"quy tắc không khai báo '{code}' (undeclared rule)")
    unknown_years = tuple(int(y) for y in tiers_raw.get("rule_unknown_years") or ())
    known_through = tiers_raw.get("rule_known_through")
    levels = tuple(
        Level(
            code=str(r.get(lv, "code", "levels")),
            name=r.text(r.get(lv, "name", "levels"), "levels"),
        )
        for lv in r.get(raw, "levels", "root")
    )
    units = tuple(_unit(r, u, i) for i, u in enumerate(r.get(raw, "units", "root")))
    _check_tree(r, units, levels)
    breaks = tuple(
        StructuralBreak(
            year=int(r.get(b, "year", f"breaks[{i}]")),
            units=tuple(str(u) for u in r.get(b, "units", f"breaks[{i}]")),
            explanation=r.text(r.get(b, "explanation", f"breaks[{i}]"), f"breaks[{i}]"),
        )
        for i, b in enumerate(raw.get("breaks") or [])
    )
    aggregation = str(raw.get("aggregation", "sum"))
    if aggregation != "sum":
        raise r.fail("aggregation", f"chưa hỗ trợ '{aggregation}' (only 'sum' is supported)")
    return Framework(
        code=str(r.get(raw, "code", "root")),
        name=r.text(r.get(raw, "name", "root"), "name"),
        first_year=int(r.get(raw, "first_year", "root")),
        aggregation=aggregation,
        range_tolerance=float(raw.get("range_tolerance", 0.0)),
        wide_column_prefix=str((raw.get("wide_layout") or {}).get("column_prefix", "")),
        levels=levels,
        units=units,
        breaks=breaks,
        percentiles=percentiles,
        tiers=tiers,
        tier_rules=rules,
        default_rule=default_rule,
        rule_by_year=by_year,
        rule_unknown_years=unknown_years,
        rule_known_through=None if known_through is None else int(known_through),
    )
