"""The framework format's additions: the loader names file, key and reason for a malformed one."""

from pathlib import Path

import pytest
import yaml

from chiso.index.framework import FRAMEWORK_DIR, FrameworkError, load_framework


def write_variant(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    raw = yaml.safe_load((FRAMEWORK_DIR / "pci.yaml").read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def weights(raw: dict, i: int = 0) -> dict:  # type: ignore[type-arg]
    return raw["units"][0]["weights"][i]


@pytest.mark.parametrize(
    ("change", "where", "reason"),
    [
        (
            lambda r: weights(r)["values"].update(legal_institutions=6),
            r"weights\[0\]\.values",
            "weights must sum to the scale's span",
        ),
        (
            lambda r: weights(r)["values"].pop("policy_bias"),
            r"weights\[0\]\.values",
            r"no weight for\): \['policy_bias'\]",
        ),
        (lambda r: weights(r)["values"].update(nonsense=0), r"weights\[0\]\.values", "not a child"),
        (
            lambda r: weights(r).pop("source"),
            r"weights\[0\]",
            "thiếu trường 'source' \\(missing field\\)",
        ),
        (lambda r: weights(r).update(confirmed="yes"), r"weights\[0\]\.confirmed", "true or false"),
        (lambda r: weights(r).update(to=2022), r"weights\[0\]", "two weight sets cover one year"),
        (lambda r: r["units"][0].update(scale="sum"), r"\(aggregate\)\.scale", r"\{min, max\}"),
        (lambda r: r["units"][0].update(aggregation="median"), r"aggregation", "must be one of"),
        (lambda r: r["tiers"].update(method="ranks"), r"tiers\.method", "quantiles"),
        (
            lambda r: r["tiers"].update(bands=[{"source": "x", "min": {"tot": 70}}]),
            r"tiers\.bands",
            "published: no bands",
        ),
        (lambda r: r.update(field_size=0), "field_size", "positive"),
        (
            lambda r: r["wide_layout"]["rank_columns"].update(rank="composite"),
            r"wide_layout\.rank_columns\.rank",
            "unknown unit",
        ),
        (
            lambda r: r["wide_layout"].update(ignore_columns="source_url"),
            r"wide_layout\.ignore_columns",
            "a list of column names",
        ),
        (
            lambda r: r["units"][1]["scale"].update(max="ten"),
            r"entry_costs\)\.scale\.max",
            "a number is required",
        ),
    ],
)
def test_malformed_framework_names_file_key_and_reason(  # type: ignore[no-untyped-def]
    tmp_path: Path, change, where: str, reason: str
) -> None:
    with pytest.raises(FrameworkError, match=rf"broken\.yaml: .*{where}.*{reason}"):
        load_framework(write_variant(tmp_path, change))


def test_bands_must_run_best_first_with_decreasing_minimums(tmp_path: Path) -> None:
    raw = yaml.safe_load((FRAMEWORK_DIR / "par_index.yaml").read_text(encoding="utf-8"))
    raw["tiers"]["bands"][0]["min"] = {"A": 80, "B": 85}
    path = tmp_path / "bands.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"bands\.yaml: tiers\.bands\[0\]\.min: .*best first"):
        load_framework(path)


def test_a_framework_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- code: X\n", encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"list\.yaml: root: .*YAML mapping"):
        load_framework(path)


def test_shipped_frameworks_load_by_any_spelling_of_their_code() -> None:
    assert load_framework("par-index").code == load_framework("PAR INDEX").code == "PAR_INDEX"
    assert {load_framework(c).code for c in ("papi", "pci", "sipas")} == {"PAPI", "PCI", "SIPAS"}


def test_a_wide_column_not_named_as_ignored_is_still_refused(tmp_path: Path) -> None:
    """PAR INDEX reads past rank_basis and source_url, and nothing else it does not know."""
    from chiso.index import read_wide
    from chiso.index.dataset import DataError

    (tmp_path / "2023.csv").write_text(
        "province,par_index_pct,rank,rank_basis,source_url,note\n"
        "Quảng Ninh,92.18,1,stated,https://example.org,x\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        read_wide(tmp_path, "PAR_INDEX")
    assert [p.column for p in caught.value.problems] == ["note"]
