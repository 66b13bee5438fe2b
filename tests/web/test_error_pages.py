"""chiso's own 400/403/404/500 pages and the favicon."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.views import defaults

pytestmark = pytest.mark.django_db


def test_unknown_page_gets_chisos_404(client) -> None:
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'data-testid="error-page"' in html and "Không tìm thấy trang" in html
    assert 'href="/dang-nhap/?next=/khong-co-trang-nay/"' in html  # a way in for the signed-out


def test_404_page_in_english(client) -> None:
    client.cookies["django_language"] = "en"
    assert "Page not found" in client.get("/khong-co-trang-nay/").content.decode()


def test_403_page_says_who_grants_rights(rf: RequestFactory) -> None:
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/ke-hoach/")
    request.user = AnonymousUser()
    response = defaults.permission_denied(request, PermissionDenied())
    html = response.content.decode()
    assert response.status_code == 403 and "Không có quyền thực hiện" in html
    assert "Sở Nội vụ" in html


def test_csrf_failure_explains_what_to_do(client) -> None:
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hiệu lực" in response.content.decode()


def test_500_page_needs_no_context(rf: RequestFactory) -> None:
    response = defaults.server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500 and "Hệ thống đang gặp sự cố" in html
    assert "favicon.svg" in html


def test_favicon_points_at_the_served_icon(client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("chiso/favicon.svg")
    assert "max-age=86400" in response["Cache-Control"]
    assert 'rel="icon"' in client.get("/").content.decode()
