"""A plan whose number is still a placeholder ("…/KH-UBND") is never named by it: links,
breadcrumbs and public subtitles say "Kế hoạch năm 2023" or show the title alone."""

import datetime as dt

from chiso.plans.models import Plan


def _plan(province, number: str) -> Plan:
    return Plan.objects.create(
        province=province,
        number=number,
        title="Kế hoạch PAPI",
        year=2023,
        baseline_year=2022,
        issued_on=dt.date(2023, 5, 26),
        is_public=True,
    )


def test_a_real_number_names_the_plan(world):
    assert world.plan.has_number and world.plan.label == "100/KH-UBND"
    assert world.plan.heading == "100/KH-UBND — Kế hoạch PAPI 2023"


def test_a_placeholder_number_is_never_shown(client, world, province):
    plan = _plan(province, "…/KH-UBND")
    assert not plan.has_number
    assert plan.label == "Kế hoạch năm 2023" and plan.heading == "Kế hoạch PAPI"
    client.force_login(world.coordinator)
    assert "…/KH-UBND" not in client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    public = client.get(f"/cong-khai/ke-hoach/{plan.pk}/").content.decode()
    assert "…/KH-UBND" not in public and "Kế hoạch năm 2023" in public
