"""Figures round (not cut) and follow the reader's language."""

from django.utils import translation

from chiso.targets.numbers import fixed, signed


def test_vietnamese_and_english_decimals_round_half_away() -> None:
    with translation.override("vi"):
        assert fixed(1.84525904) == "1,85"
        assert fixed(43.4368803) == "43,44"
        assert signed(1.5631196) == "+1,56"
        assert signed(-0.104) == "−0,10"
        assert signed(0.0004) == "0,00"
        assert signed(0.0774, 3) == "+0,077"
    with translation.override("en"):
        assert fixed(1.84525904) == "1.85"
        assert signed(1.5631196) == "+1.56"
