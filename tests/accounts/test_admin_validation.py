"""The Django admin says what is wrong instead of failing: a second agency or group with the
same name, a user whose agency is in another province; a national administrator (no province)
is not offered the plan form, which needs a province."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from chiso.accounts.models import Agency, AgencyGroup, AgencyKind, Role, User


@pytest.fixture
def admin_client(make_user: Any) -> Client:
    admin = make_user("quantri", Role.ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    return client


def test_a_second_agency_with_the_same_name_is_a_form_error(
    admin_client: Client, province: Any, make_agency: Any
) -> None:
    make_agency(province, "Sở Nội vụ")
    response = admin_client.post(
        "/quan-tri/accounts/agency/add/",
        {"province": province.pk, "name": "SỞ NỘI VỤ", "kind": AgencyKind.DEPARTMENT},
    )
    assert response.status_code == 200
    assert "Tỉnh đã có cơ quan “SỞ NỘI VỤ”" in response.content.decode()
    assert Agency.objects.count() == 1


def test_a_second_group_with_the_same_name_is_a_form_error(
    admin_client: Client, province: Any, make_agency: Any
) -> None:
    member = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    AgencyGroup.objects.create(province=province, name="UBND các huyện")
    response = admin_client.post(
        "/quan-tri/accounts/agencygroup/add/",
        {"province": province.pk, "name": "UBND cac huyen", "members": [member.pk]},
    )
    assert response.status_code == 200
    assert "Tỉnh đã có nhóm" in response.content.decode()


def test_a_user_whose_agency_is_in_another_province_is_refused(
    admin_client: Client, province: Any, other_province: Any, make_agency: Any, make_user: Any
) -> None:
    hanoi_agency = make_agency(other_province, "Sở Nội vụ Hà Nội")
    user = make_user("camranh", Role.AGENCY_OFFICER, province)
    page = admin_client.get(f"/quan-tri/accounts/user/{user.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        {
            "province": province.pk,
            "agency": hanoi_agency.pk,
            "date_joined_0": "01/01/2026",
            "date_joined_1": "08:00:00",
            "role": Role.AGENCY_OFFICER,
            "is_active": "on",
        }
    )
    data.pop("last_login", None)
    data.pop("groups", None)
    data.pop("user_permissions", None)
    data.pop("date_joined", None)
    response = admin_client.post(f"/quan-tri/accounts/user/{user.pk}/change/", data)
    assert response.status_code == 200
    assert "thuộc tỉnh khác" in response.content.decode()
    user.refresh_from_db()
    assert user.agency is None


def test_a_users_province_follows_their_agency_when_left_empty(
    province: Any, make_agency: Any
) -> None:
    agency = make_agency(province, "Sở Nội vụ")
    user = User(username="moi", role=Role.AGENCY_OFFICER, agency=agency)
    user.clean()
    assert user.province_id == province.pk


def test_a_national_administrator_is_not_offered_the_plan_form(make_user: Any) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(make_user("toanquoc", Role.ADMIN))
    assert 'data-testid="plan-create"' not in client.get("/ke-hoach/").content.decode()
    assert client.get("/ke-hoach/them/").status_code == 403
    assert client.post("/ke-hoach/them/", {"year": "2026"}).status_code == 403


def test_the_agency_search_in_the_admin_ignores_case_and_diacritics(
    admin_client: Client, province: Any, make_agency: Any
) -> None:
    make_agency(province, "UBND thị xã Ninh Hòa", AgencyKind.DISTRICT_COMMITTEE)
    make_agency(province, "Sở Nội vụ")
    page = admin_client.get("/quan-tri/accounts/agency/", {"q": "NINH HOA"}).content.decode()
    assert "UBND thị xã Ninh Hòa" in page and "Sở Nội vụ" not in page
