import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import formats, translation


def test_vietnamese_numbers_and_dates() -> None:
    with translation.override("vi"):
        assert formats.number_format(43.4412, 2) == "43,44"
        assert formats.date_format(dt.date(2023, 9, 29), "SHORT_DATE_FORMAT") == "29/09/2023"


def test_english_keeps_day_first_dates() -> None:
    with translation.override("en"):
        assert formats.number_format(43.4412, 2) == "43.44"
        assert formats.date_format(dt.date(2023, 9, 29), "SHORT_DATE_FORMAT") == "29/09/2023"


def test_a_bad_date_names_the_expected_form() -> None:
    from chiso.web.widgets import DayMonthYearField

    field = DayMonthYearField(label="Thời hạn")
    assert field.clean("29/9/2023").isoformat() == "2023-09-29"
    assert field.clean("29/09/23").isoformat() == "2023-09-29"
    with pytest.raises(ValidationError) as error:
        field.clean("09/29/2023")  # month first, as an English-language PC would
    assert error.value.messages == [
        "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 29/09/2023."
    ]
