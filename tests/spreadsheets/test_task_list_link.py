"""The task list offers its rows, as filtered, as an XLSX download."""

import pytest
from django.test import Client

from chiso.accounts.models import Role
from chiso.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_task_list_links_to_the_filtered_export(province, make_user, client: Client) -> None:
    plan = Plan.objects.create(
        province=province, number="1/KH-UBND", title="Kế hoạch", year=2023, baseline_year=2022
    )
    client.force_login(make_user("lanhdao", Role.LEADERSHIP, province))
    body = client.get(f"/ke-hoach/{plan.pk}/nhiem-vu/?status=overdue").content.decode()
    assert f"/bang-tinh/nhiem-vu.xlsx?plan={plan.pk}&amp;status=overdue" in body
    export = client.get(f"/bang-tinh/nhiem-vu.xlsx?plan={plan.pk}&status=overdue")
    assert export.status_code == 200
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
