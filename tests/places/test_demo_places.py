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


def test_demo_postings_agree_with_the_reports(papi_data_dir, settings) -> None:
    from io import StringIO

    from django.core.management import call_command

    from chiso.activities.coverage import posting_coverage
    from chiso.activities.models import Finding
    from chiso.plans.models import Plan, ProgressReport

    settings.CHISO_SHARED_DIR = papi_data_dir.parent.parent
    call_command("load_demo", stdout=StringIO())
    plan = Plan.objects.get(year=2023, province__code="56")
    cov = {d.district.name: d for d in posting_coverage(plan).districts if d.district}
    nha_trang, cam_ranh = cov["UBND thành phố Nha Trang"], cov["UBND thành phố Cam Ranh"]
    assert (nha_trang.posted, len(nha_trang.communes)) == (27, 27)  # report: "27/27 phường, xã"
    assert (nha_trang.villages_posted, nha_trang.villages) == (11, 11)
    assert (cam_ranh.posted, len(cam_ranh.communes)) == (15, 15)  # report: "15/15 phường, xã"
    assert (cam_ranh.villages_posted, cam_ranh.villages) == (9, 9)  # "9/9 thôn, tổ dân phố"
    figures = set(ProgressReport.objects.values_list("figures", flat=True))
    assert {"27/27 phường, xã", "15/15 phường, xã", "9/9 thôn, tổ dân phố"} <= figures
    finding = Finding.objects.get(description__contains="kế hoạch sử dụng đất năm 2023")
    assert "18/27 phường, xã" in finding.description  # as Nha Trang's II.1.c.4 report: 18/27
