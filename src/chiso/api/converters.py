"""Path converters for the API's URLs: a number outside the declared range does not match, so
it is a 404 like any unknown path instead of reaching the database (where a number past 64 bits
is an error). The OpenAPI document takes each path parameter's schema from its converter."""

from __future__ import annotations

from chiso.api.query import ID, YEAR, IntRange


class _RangeConverter:
    regex = "[0-9]{1,19}"
    allowed: IntRange

    def to_python(self, value: str) -> int:
        number = int(value)
        if number not in self.allowed:
            raise ValueError(value)  # Django's signal for "this pattern does not match"
        return number

    def to_url(self, value: int) -> str:
        return str(value)


class IdConverter(_RangeConverter):
    allowed = ID


class YearConverter(_RangeConverter):
    regex = "[0-9]{4}"
    allowed = YEAR


CONVERTERS: dict[str, type[_RangeConverter]] = {"id": IdConverter, "year": YearConverter}
