"""Turn a framework YAML document into a validated `Framework` (errors name file and field)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chiso.index.framework import (
    BandSet,
    Framework,
    FrameworkError,
    Level,
    Scale,
    StructuralBreak,
    Tier,
    TierRule,
    Unit,
    UnitName,
    WeightSet,
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


AGGREGATIONS = ("sum", "weighted_mean", "published")
GROUPINGS = ("quantiles", "bands", "published")
WEIGHT_SLACK = 1e-9
MAX_CODE = 32  # stored results keep a unit's code in 32 characters
NAME_KEYS = frozenset({"vi", "en", "from", "to"})


def _number(r: _Reader, mapping: Any, key: str, where: str) -> float:
    value = r.get(mapping, key, where)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise r.fail(f"{where}.{key}", f"cần một số, có {value!r} (a number is required)")
    return float(value)


def _scale(r: _Reader, raw: Any, where: str) -> Scale:
    if raw in ("sum", "share"):
        return Scale(kind=str(raw))
    if isinstance(raw, dict):
        low, high = _number(r, raw, "min", where), _number(r, raw, "max", where)
        if low >= high:
            raise r.fail(where, "min phải nhỏ hơn max (min must be below max)")
        return Scale(kind="fixed", low=low, high=high, percent=bool(raw.get("percent", False)))
    raise r.fail(where, "scale phải là sum, share hoặc {min, max}")


def _weight_set(r: _Reader, raw: Any, where: str) -> WeightSet:
    confirmed = r.get(raw, "confirmed", where)
    if not isinstance(confirmed, bool):
        raise r.fail(f"{where}.confirmed", "cần true hoặc false (true or false)")
    source = str(r.get(raw, "source", where)).strip()
    if not source:
        raise r.fail(f"{where}.source", "cần nêu nguồn của trọng số (the weights need a source)")
    values = r.get(raw, "values", where)
    if not isinstance(values, dict) or not values:
        raise r.fail(f"{where}.values", "cần {mã: trọng số} (a mapping code: weight)")
    pairs = tuple((str(code), _number(r, values, code, f"{where}.values")) for code in values)
    for code, weight in pairs:
        if weight < 0:
            raise r.fail(f"{where}.values.{code}", "trọng số âm (negative weight)")
    return WeightSet(
        first_year=r.year(raw.get("from"), where),
        last_year=r.year(raw.get("to"), where),
        confirmed=confirmed,
        source=source,
        values=pairs,
    )


def _unit(r: _Reader, raw: Any, index: int, default_aggregation: str) -> Unit:
    where = f"units[{index}]"
    code = str(r.get(raw, "code", where))
    if not 0 < len(code) <= MAX_CODE:
        raise r.fail(f"{where}.code", f"mã 1–{MAX_CODE} ký tự (a code of 1–{MAX_CODE} characters)")
    where = f"units[{index}] ({code})"
    for n in r.get(raw, "names", where):
        unknown = sorted(str(k) for k in (n if isinstance(n, dict) else {}) if k not in NAME_KEYS)
        if unknown:  # e.g. an unquoted comma in a flow mapping made a key of half a name
            raise r.fail(f"{where}.names", f"khóa lạ (unknown keys): {unknown}")
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
    aggregation = str(raw.get("aggregation", default_aggregation))
    if aggregation not in AGGREGATIONS:
        raise r.fail(f"{where}.aggregation", f"phải là một trong (must be one of) {AGGREGATIONS}")
    weights = tuple(
        _weight_set(r, w, f"{where}.weights[{i}]") for i, w in enumerate(raw.get("weights") or ())
    )
    return Unit(
        code=code,
        level=str(r.get(raw, "level", where)),
        parent=None if parent is None else str(parent),
        first_year=r.year(raw.get("from"), where),
        last_year=r.year(raw.get("to"), where),
        names=names,
        scale=_scale(r, r.get(raw, "scale", where), f"{where}.scale"),
        aggregation=aggregation,
        weights=weights,
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
        if has_children:
            _check_weights(r, unit, units)


def _check_weights(r: _Reader, unit: Unit, units: tuple[Unit, ...]) -> None:
    """A weighted mean needs a fixed scale, fixed-scale children and weight sets that name each
    child once and sum to the scale's span (PCI: 100 for a composite on 0–100)."""
    where = f"units ({unit.code})"
    if unit.aggregation != "weighted_mean":
        if unit.weights:
            raise r.fail(f"{where}.weights", "chỉ dùng với aggregation: weighted_mean")
        return
    if unit.scale.kind != "fixed":
        raise r.fail(f"{where}.scale", "trung bình có trọng số cần thang {min, max} (fixed scale)")
    if not unit.weights:
        raise r.fail(f"{where}.weights", "trung bình có trọng số cần ít nhất một bộ trọng số")
    children = {u.code: u for u in units if u.parent == unit.code}
    span = unit.scale.high - unit.scale.low
    for i, weights in enumerate(unit.weights):
        at = f"{where}.weights[{i}]"
        named = [code for code, _ in weights.values]
        unknown = sorted(set(named) - set(children))
        if unknown:
            raise r.fail(f"{at}.values", f"không phải đơn vị con (not a child): {unknown}")
        missing = sorted(
            code
            for code, child in children.items()
            if code not in named and _spans_overlap(child.first_year, child.last_year, weights)
        )
        if missing:
            raise r.fail(f"{at}.values", f"thiếu trọng số của (no weight for): {missing}")
        for code in named:
            if children[code].scale.kind != "fixed":
                raise r.fail(f"{at}.values.{code}", "đơn vị con cần thang {min, max}")
        total = sum(w for _, w in weights.values)
        if abs(total - span) > WEIGHT_SLACK:
            raise r.fail(
                f"{at}.values",
                f"tổng trọng số {total:g} phải bằng độ rộng thang {span:g} "
                f"(weights must sum to the scale's span)",
            )
        for other in unit.weights[i + 1 :]:
            if _overlap(weights, other):
                raise r.fail(at, "hai bộ trọng số trùng năm (two weight sets cover one year)")


def _spans_overlap(first: int | None, last: int | None, b: WeightSet | BandSet) -> bool:
    low = max(first or -(10**6), b.first_year or -(10**6))
    high = min(last or 10**6, b.last_year or 10**6)
    return low <= high


def _overlap(a: WeightSet | BandSet, b: WeightSet | BandSet) -> bool:
    return _spans_overlap(a.first_year, a.last_year, b)


@dataclass(frozen=True)
class _Grouping:
    method: str
    percentiles: tuple[float, ...]
    tiers: tuple[Tier, ...]
    rules: tuple[TierRule, ...]
    default_rule: str
    by_year: tuple[tuple[int, str], ...]
    unknown_years: tuple[int, ...]
    known_through: int | None
    bands: tuple[BandSet, ...]


def _band_set(r: _Reader, raw: Any, where: str, tier_codes: list[str]) -> BandSet:
    source = str(r.get(raw, "source", where)).strip()
    if not source:
        raise r.fail(f"{where}.source", "cần nêu nguồn của các khoảng điểm (bands need a source)")
    minimums_raw = r.get(raw, "min", where)
    if not isinstance(minimums_raw, dict) or not minimums_raw:
        raise r.fail(f"{where}.min", "cần {nhóm: điểm thấp nhất} (a mapping group: lowest score)")
    minimums = tuple(
        (str(code), _number(r, minimums_raw, code, f"{where}.min")) for code in minimums_raw
    )
    codes = [code for code, _ in minimums]
    if any(code not in tier_codes for code in codes):
        raise r.fail(f"{where}.min", f"nhóm không khai báo (undeclared group): {codes}")
    order = sorted(codes, key=tier_codes.index)
    values = [value for _, value in sorted(minimums, key=lambda m: tier_codes.index(m[0]))]
    if codes != order or values != sorted(values, reverse=True) or len(set(values)) < len(values):
        raise r.fail(
            f"{where}.min",
            "các nhóm theo thứ tự tốt nhất trước, điểm thấp nhất giảm dần "
            "(groups best first, lowest scores strictly decreasing)",
        )
    return BandSet(
        first_year=r.year(raw.get("from"), where),
        last_year=r.year(raw.get("to"), where),
        source=source,
        minimums=minimums,
    )


def _grouping(r: _Reader, tiers_raw: Any) -> _Grouping:
    method = str(tiers_raw.get("method", "quantiles")) if isinstance(tiers_raw, dict) else ""
    if method not in GROUPINGS:
        raise r.fail("tiers.method", f"phải là một trong (must be one of) {GROUPINGS}")
    tiers = tuple(
        Tier(code=str(r.get(t, "code", "tiers.labels")), label=r.text(t, "tiers.labels"))
        for t in r.get(tiers_raw, "labels", "tiers")
    )
    if method != "quantiles":
        codes = [t.code for t in tiers]
        bands = tuple(
            _band_set(r, b, f"tiers.bands[{i}]", codes)
            for i, b in enumerate(tiers_raw.get("bands") or ())
        )
        if method == "bands" and not bands:
            raise r.fail("tiers.bands", "cần ít nhất một bộ khoảng điểm (at least one band set)")
        if method == "published" and bands:
            raise r.fail("tiers.bands", "nhóm công bố không dùng khoảng điểm (published: no bands)")
        for i, band in enumerate(bands):
            if any(_overlap(band, other) for other in bands[i + 1 :]):
                raise r.fail(
                    f"tiers.bands[{i}]", "hai bộ khoảng điểm trùng năm (overlapping years)"
                )
        return _Grouping(method, (), tiers, (), "", (), (), None, bands)
    percentiles = tuple(float(p) for p in r.get(tiers_raw, "percentiles", "tiers"))
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
    return _Grouping(
        method,
        percentiles,
        tiers,
        rules,
        default_rule,
        by_year,
        unknown_years,
        None if known_through is None else int(known_through),
        (),
    )


def _wide_columns(
    r: _Reader, raw: Any, units: tuple[Unit, ...]
) -> tuple[tuple[str, str, str], ...]:
    layout = raw.get("wide_layout") or {}
    codes = {u.code for u in units}
    found = []
    for field in ("score", "rank", "group"):
        where = f"wide_layout.{field}_columns"
        mapping = layout.get(f"{field}_columns") or {}
        if not isinstance(mapping, dict):
            raise r.fail(where, "cần {cột: mã chỉ số} (a mapping column: unit code)")
        for column, code in mapping.items():
            if str(code) not in codes:
                raise r.fail(f"{where}.{column}", f"mã chỉ số không có: {code!r} (unknown unit)")
            found.append((str(column), field, str(code)))
    return tuple(found)


def _ignored_columns(r: _Reader, raw: Any) -> tuple[str, ...]:
    ignored = (raw.get("wide_layout") or {}).get("ignore_columns") or []
    if not isinstance(ignored, list) or not all(isinstance(c, str) for c in ignored):
        raise r.fail("wide_layout.ignore_columns", "cần danh sách tên cột (a list of column names)")
    return tuple(ignored)


def parse_framework(raw: Any, source: str) -> Framework:
    r = _Reader(source)
    if not isinstance(raw, dict):
        raise r.fail("root", "tệp phải là một bảng YAML (the file must be a YAML mapping)")
    grouping = _grouping(r, r.get(raw, "tiers", "root"))
    aggregation = str(raw.get("aggregation", "sum"))
    if aggregation not in AGGREGATIONS:
        raise r.fail("aggregation", f"phải là một trong {AGGREGATIONS} (must be one of them)")
    field_size = raw.get("field_size")
    if field_size is not None and (not isinstance(field_size, int) or field_size < 1):
        raise r.fail("field_size", f"cần một số nguyên dương (a positive integer): {field_size!r}")
    levels = tuple(
        Level(
            code=str(r.get(lv, "code", "levels")),
            name=r.text(r.get(lv, "name", "levels"), "levels"),
        )
        for lv in r.get(raw, "levels", "root")
    )
    units = tuple(_unit(r, u, i, aggregation) for i, u in enumerate(r.get(raw, "units", "root")))
    _check_tree(r, units, levels)
    breaks = tuple(
        StructuralBreak(
            year=int(r.get(b, "year", f"breaks[{i}]")),
            units=tuple(str(u) for u in r.get(b, "units", f"breaks[{i}]")),
            explanation=r.text(r.get(b, "explanation", f"breaks[{i}]"), f"breaks[{i}]"),
        )
        for i, b in enumerate(raw.get("breaks") or [])
    )
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
        percentiles=grouping.percentiles,
        tiers=grouping.tiers,
        tier_rules=grouping.rules,
        default_rule=grouping.default_rule,
        rule_by_year=grouping.by_year,
        rule_unknown_years=grouping.unknown_years,
        rule_known_through=grouping.known_through,
        grouping=grouping.method,
        bands=grouping.bands,
        field_size=field_size,
        wide_columns=_wide_columns(r, raw, units),
        wide_ignored_columns=_ignored_columns(r, raw),
    )
