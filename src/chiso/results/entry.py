"""A province enters its own published results for one year (all components) by hand.

The figures go through the same gate as an import (`Dataset.build`: units, ranges, ranks within
the field, known groups); the year's stored release is replaced by one holding every other
province's figures unchanged and this province's new ones (the replaced release is kept, as for
an import), recorded in the audit log. Only the province's coordinator (or administrator) may.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chiso.index import DataError, Dataset, Problem, ScoreRecord, load_framework, match_province
from chiso.index.framework import Framework, Unit
from chiso.index.text import LocalizedText, text_in
from chiso.results.access import can_enter_results
from chiso.results.errors import NoResults, ResultsError
from chiso.results.store import ImportSummary, store_dataset, stored_dataset

if TYPE_CHECKING:
    from chiso.accounts.models import User

SOURCE = "form"  # the `file` of a record entered in the form: problems name the field


def score_field(code: str) -> str:
    """The form field holding a unit's score."""
    return f"score-{code}"


@dataclass(frozen=True)
class EntryField:
    """One unit of the form: the aggregate (score, rank, group) or a component (score)."""

    unit: Unit
    name: str
    required: bool  # every component; the aggregate when it cannot be computed that year
    scale: tuple[float, float]


def entry_fields(fw: Framework, year: int) -> tuple[EntryField, ...]:
    """The aggregate and its components existing in `year`, as the form asks for them."""
    root = fw.root
    computable = root.aggregation == "sum" or (
        root.aggregation == "weighted_mean" and fw.weight_set(root.code, year) is not None
    )
    units = (root, *fw.children(root.code, year))
    return tuple(
        EntryField(
            unit=u,
            name=u.name(year, "vi"),
            required=u is not root or not computable,
            scale=fw.scale_range(u.code, year),
        )
        for u in units
    )


@dataclass(frozen=True)
class EntryValues:
    scores: dict[str, float | None]  # unit code → score
    rank: int | None
    group: str | None


def _records(
    fw: Framework, year: int, province_name: str, values: EntryValues
) -> list[ScoreRecord]:
    """The form's figures as records; a required score left empty is named by its unit."""
    province = match_province(province_name, year)
    missing, records = [], []
    for field in entry_fields(fw, year):
        code = field.unit.code
        score = values.scores.get(code)
        is_root = code == fw.root.code
        rank, group = (values.rank, values.group) if is_root else (None, None)
        if score is None and field.required:
            missing.append(
                Problem(SOURCE, None, code, LocalizedText("cần nhập điểm", "a score is required"))
            )
        elif (score, rank, group) != (None, None, None):
            records.append(
                ScoreRecord(
                    year, province, code, score, file=SOURCE, column=code, rank=rank, group=group
                )
            )
    if missing:
        raise DataError(missing)
    return records


def _refusal(error: DataError) -> ResultsError:
    """The core's problems as a refusal naming the form's fields (a unit's score; the rank and
    group problems of the aggregate beside its score), in the page's language."""
    lang = get_language() or "vi"
    return ResultsError(
        problems=[
            (score_field(p.column) if p.column else None, text_in(p.text, lang))
            for p in error.problems
        ]
    )


@transaction.atomic
def enter_province_results(
    actor: User, index: str, year: int, values: EntryValues
) -> ImportSummary:
    """Store the actor's province's published results of `index` for `year`; raises
    ResultsError, its problems per form field. Other provinces' figures of that year stay."""
    own_province = actor.province
    if not can_enter_results(actor) or own_province is None:
        raise ResultsError(_("Chỉ Sở Nội vụ (điều phối kế hoạch) nhập kết quả của tỉnh."))
    fw = load_framework(index)
    if year < fw.first_year:
        raise ResultsError(
            _("%(index)s bắt đầu từ năm %(first)s.") % {"index": fw.code, "first": fw.first_year}
        )
    try:
        own = _records(fw, year, own_province.name, values)
        Dataset.build(fw, own)  # the province's own figures first: problems name its fields
    except DataError as error:
        raise _refusal(error) from error
    province = own[0].province
    try:
        stored = stored_dataset(fw.code)
        others = [r for r in stored.records if r.year == year and r.province != province]
    except NoResults:
        others = []
    source = _("Nhập tay: %(province)s, %(user)s") % {
        "province": own_province.name,
        "user": actor.get_full_name() or actor.username,
    }
    try:
        merged = Dataset.build(fw, [*others, *own], source=source)
    except DataError as error:
        raise _refusal(error) from error
    return store_dataset(merged, actor=actor, replace=True)
