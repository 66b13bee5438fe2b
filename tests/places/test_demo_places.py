"""The demo's communes of Nha Trang and Cam Ranh and their illustrative villages."""

from __future__ import annotations

import pytest

from chiso.accounts.models import Agency, AgencyKind
from chiso.demo import organisations, places2023
from chiso.places.models import Village

pytestmark = pytest.mark.django_db


def test_two_districts_with_all_their_communes_and_a_few_villages_each() -> None:
    organisations.load(lambda _line: None)
    lines: list[str] = []
    places2023.load(lines.append)
    places2023.load(lines.append)
    province = organisations.khanh_hoa()
    communes = Agency.objects.filter(province=province, kind=AgencyKind.COMMUNE_COMMITTEE)
    per_district = {
        name: communes.filter(parent__name=name).count()
        for name in ("UBND thành phố Nha Trang", "UBND thành phố Cam Ranh")
    }
    assert per_district == {"UBND thành phố Nha Trang": 27, "UBND thành phố Cam Ranh": 15}
    assert (
        communes.filter(name__startswith="UBND phường", parent__name__contains="Nha").count() == 19
    )
    villages = Village.objects.filter(province=province)
    assert villages.count() == 20 and all(v.illustrative for v in villages)
    assert villages.filter(commune__parent__name="UBND thành phố Cam Ranh").count() == 9
    assert str(villages.get(name="Hòn Xện")) == "Tổ dân phố Hòn Xện"
    assert "thêm 0" in lines[-1]
