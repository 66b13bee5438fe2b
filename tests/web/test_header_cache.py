"""The header is rendered once per kind of viewer and language and kept in the cache
(chiso.web.header): nobody is shown another's menu, name or province, a change to the user shows
on the next request, and the per-request parts (CSRF token, the page's address, the current
entry) are each request's own."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from chiso.accounts.models import Role
from chiso.web import header

INDICES = 'href="/ket-qua/cac-chi-so/"'  # "Bốn chỉ số": leadership, coordinators, admins
DOCUMENTS = 'href="/tai-lieu/"'  # "Văn bản, báo cáo": the same, in a province


def _header(client: Client, url: str = "/ke-hoach/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    return body[body.index('<header class="site-header">') : body.index("</header>")]


def _client(user: Any, language: str = "vi") -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(user)
    return client


def test_each_role_sees_its_own_menu_and_name(province: Any, make_user: Any) -> None:
    coordinator = make_user("sonoivu", Role.COORDINATOR, province)
    officer = make_user("chuyenvien", Role.AGENCY_OFFICER, province)
    first = _header(_client(coordinator))
    second = _header(_client(officer))
    assert INDICES in first and INDICES not in second
    assert ">sonoivu</summary>" in first and ">chuyenvien</summary>" in second
    assert "sonoivu" not in second
    assert "Chuyên viên cơ quan" in second and "Điều phối kế hoạch" not in second


def test_users_of_one_kind_share_the_html_but_not_the_name(
    province: Any, make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = make_user("sonoivu", Role.COORDINATOR, province)
    other = make_user("sonoivu2", Role.COORDINATOR, province)
    other.first_name, other.last_name = "<b>Lan", "Trần"
    other.save()
    renders: list[object] = []
    render = header._render
    monkeypatch.setattr(header, "_render", lambda *args: renders.append(args) or render(*args))
    _header(_client(one))
    html = _header(_client(other))
    assert len(renders) == 1
    assert re.search(r">([^<]*)</summary>", html)[1] == "Trần &lt;b&gt;Lan"  # type: ignore[index]
    assert "<b>Lan" not in html and "sonoivu<" not in html


def test_another_province_shows_its_own_name(
    province: Any, other_province: Any, make_user: Any
) -> None:
    here = _header(_client(make_user("sonoivu", Role.COORDINATOR, province)))
    there = _header(_client(make_user("sonoivu_hn", Role.COORDINATOR, other_province)))
    assert "Tỉnh Khánh Hòa" in here and "Khánh Hòa" not in there
    assert "Tỉnh Hà Nội" in there


def test_each_language_has_its_own_header(province: Any, make_user: Any) -> None:
    user = make_user("sonoivu", Role.COORDINATOR, province)
    assert ">Kế hoạch</a>" in _header(_client(user, "vi"))
    english = _header(_client(user, "en"))
    assert ">Plans</a>" in english and ">Kế hoạch</a>" not in english


def test_a_role_change_shows_on_the_next_request(province: Any, make_user: Any) -> None:
    user = make_user("sonoivu", Role.COORDINATOR, province)
    client = _client(user)
    assert INDICES in _header(client)
    user.role = Role.AGENCY_OFFICER
    user.save()
    after = _header(client)
    assert INDICES not in after and DOCUMENTS not in after
    assert "Chuyên viên cơ quan" in after


def test_staff_and_province_changes_show_on_the_next_request(province: Any, make_user: Any) -> None:
    user = make_user("sonoivu", Role.COORDINATOR, province)
    client = _client(user)
    assert 'data-testid="admin-link"' not in _header(client)
    user.is_staff = True
    user.save()
    assert 'data-testid="admin-link"' in _header(client)
    province.name = "Khánh Hòa mới"
    province.save()
    assert "Tỉnh Khánh Hòa mới" in _header(client)


def test_the_current_entry_and_the_return_address_are_the_pages_own(
    province: Any, make_user: Any
) -> None:
    client = _client(make_user("sonoivu", Role.COORDINATOR, province))
    plans = _header(client, "/ke-hoach/")
    dashboards = _header(client, "/bang-dieu-khien/?a=<x>")
    assert re.findall(r'href="([^"]+)" aria-current="page"', plans) == ["/ke-hoach/"]
    assert re.findall(r'href="([^"]+)" aria-current="page"', dashboards) == ["/bang-dieu-khien/"]
    assert 'name="next" type="hidden" value="/ke-hoach/"' in plans
    assert 'value="/bang-dieu-khien/?a=%3Cx%3E"' in dashboards


def test_the_cached_headers_forms_carry_a_working_csrf_token(province: Any, make_user: Any) -> None:
    user = make_user("sonoivu", Role.COORDINATOR, province)
    _header(_client(user))  # fills the cache
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    html = _header(client)
    token = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(token) == 2 and "chiso-header" not in html
    response = client.post("/dang-xuat/", {"csrfmiddlewaretoken": token[1]})
    assert response.status_code == 302


def test_visitors_see_the_log_in_link(db: Any, client: Client) -> None:
    html = _header(client, "/")
    assert 'data-testid="login-link"' in html and "user-menu" not in html
