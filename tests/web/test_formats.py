import datetime as dt

from django.utils import formats, translation


def test_vietnamese_numbers_and_dates() -> None:
    with translation.override("vi"):
        assert formats.number_format(43.4412, 2) == "43,44"
        assert formats.date_format(dt.date(2023, 9, 29), "SHORT_DATE_FORMAT") == "29/09/2023"


def test_english_keeps_day_first_dates() -> None:
    with translation.override("en"):
        assert formats.number_format(43.4412, 2) == "43.44"
        assert formats.date_format(dt.date(2023, 9, 29), "SHORT_DATE_FORMAT") == "29/09/2023"
