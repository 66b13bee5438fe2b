"""The core's one language mechanism: LocalizedText, picked at the edge by text_in/labels_in,
and the one number formatter."""

from __future__ import annotations

from chiso.index.formatting import fmt_number
from chiso.index.framework import load_framework
from chiso.index.text import LocalizedText, labels_in, text_in

HIGH = LocalizedText("Cao", "High")


def test_text_in_picks_the_language_and_names_a_missing_text() -> None:
    assert (text_in(HIGH, "vi"), text_in(HIGH, "en"), text_in(HIGH, "en-gb")) == (
        "Cao",
        "High",
        "High",
    )
    assert text_in(None, "en") == ""
    assert text_in(None, "vi", "—") == "—"
    assert text_in(None, "vi", None) is None  # a JSON field stays empty


def test_labels_in_turns_a_table_into_one_language() -> None:
    table = {"tier": LocalizedText("Nhóm", "Tier"), "rank": LocalizedText("Hạng", "Rank")}
    assert labels_in(table, "en") == {"tier": "Tier", "rank": "Rank"}
    assert labels_in(table, "vi") == {"tier": "Nhóm", "rank": "Hạng"}


def test_a_units_name_in_force_that_year_in_both_languages() -> None:
    unit = load_framework("PAPI").unit("1")
    name = unit.localized_name(2022)
    assert isinstance(name, LocalizedText)
    assert (unit.name(2022, "vi"), unit.name(2022, "en")) == (name.vi, name.en)


def test_one_number_formatter() -> None:
    assert (fmt_number(-0.064, "vi"), fmt_number(-0.064, "en")) == ("-0,06", "-0.06")
    assert fmt_number(-0.064, "vi", minus="−") == "−0,06"
    assert fmt_number(1.5, "en", 3, sign=True) == "+1.500"
    assert fmt_number(-0.001, "vi", sign=True) == "+0,00"  # no "-0,00"
    assert fmt_number(None, "vi") == "—"
