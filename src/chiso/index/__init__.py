"""Analytics core: index frameworks, published results, scores, ranks, tiers (no Django).

Typical use from a notebook::

    from chiso.index import load_papi
    results = load_papi("../shared/data/papi-subdimensions")
    results.profile("Khánh Hòa", 2022).aggregate.score   # 43.4369
"""

from __future__ import annotations

from pathlib import Path

from chiso.index.dataset import DataError, Dataset, Problem, ScoreRecord
from chiso.index.framework import Framework, FrameworkError, load_framework
from chiso.index.names import normalize_name
from chiso.index.provinces import Province, UnknownProvince, match_province
from chiso.index.readers import read_long, read_wide
from chiso.index.results import Results, UnknownUnit, UnknownYear, compute

__all__ = [
    "DataError",
    "Dataset",
    "Framework",
    "FrameworkError",
    "Problem",
    "Province",
    "Results",
    "ScoreRecord",
    "UnknownProvince",
    "UnknownUnit",
    "UnknownYear",
    "compute",
    "load_framework",
    "load_papi",
    "match_province",
    "normalize_name",
    "read_long",
    "read_wide",
]


def load_papi(path: str | Path) -> Results:
    """Results from a PAPI wide folder (YYYY.csv) or a long CSV/XLSX file."""
    source = Path(path)
    dataset = read_wide(source) if source.is_dir() else read_long(source)
    return compute(dataset)
