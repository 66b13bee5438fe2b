"""Numbers in addresses that no database column holds (20 digits, superscripts) are an unknown
page (404) in the path and an ignored or refused filter in the query string — never a 500."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.api.world import build_world
from tests.test_permission_matrix import papi_results  # noqa: F401  (a fixture)

HUGE = "99999999999999999999"
NUMBERS_IN_PATHS = (HUGE, "9223372036854775808", "99999", "0")
ODD_DIGITS = "²"  # str.isdigit() says yes, int() says no
QUERY_NAMES = (
    "section", "agency", "plan", "days", "page", "don-vi", "nam", "year", "unit", "q", "tinh",
    "rank", "score", "tier", "so-sanh", "ke-hoach",
)  # fmt: skip


def _html_routes() -> list[str]:
    """Every route of the HTML pages with a number in its path, numbers replaced by HUGE."""
    routes = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for p in patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                if route.startswith(("api/", "quan-tri/")):
                    continue
                walk(p.url_patterns, route)
            elif isinstance(p, URLPattern) and re.search(r"<(int|id|year):", route):
                filled = re.sub(r"<(int|id|year):\w+>", HUGE, route)
                routes.append("/" + re.sub(r"<(str:|slug:)?\w+>", "khanh-hoa", filled))

    walk(get_resolver().url_patterns, "")
    return routes


@pytest.fixture
def coordinator(province: Any, other_province: Any, request: Any) -> Client:
    request.getfixturevalue("papi_results")  # public pages with years need stored results
    world = build_world(province, other_province)
    client = Client(raise_request_exception=False)
    client.force_login(world.users["coordinator"])
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("number", NUMBERS_IN_PATHS)
def test_huge_numbers_in_paths_are_not_found(coordinator: Client, number: str) -> None:
    routes = [route.replace(HUGE, number) for route in _html_routes()]
    assert len(routes) > 40
    answers = {
        (method, route): getattr(coordinator, method)(route).status_code
        for route in routes
        for method in ("get", "post")
    }
    # 405: a page that only takes POST (or GET) refuses the method before looking at the path.
    wrong = {key: status for key, status in answers.items() if status not in (404, 405)}
    assert not wrong


@pytest.mark.django_db
@pytest.mark.parametrize("value", [HUGE, ODD_DIGITS, "-1"])
def test_odd_numbers_in_query_strings_are_never_a_server_error(
    coordinator: Client, value: str
) -> None:
    pages = [
        "/ke-hoach/", "/bang-dieu-khien/", "/bang-dieu-khien/han/", "/hoat-dong/", "/ket-qua/",
        "/ket-qua/muc-tieu/", "/cong-khai/", "/cong-khai/ke-hoach/", "/cong-khai/xep-hang/",
        "/cong-khai/chon/", "/tai-lieu/", "/bang-tinh/",
    ]  # fmt: skip
    query = "&".join(f"{name}={value}" for name in QUERY_NAMES)
    answers = {page: coordinator.get(f"{page}?{query}").status_code for page in pages}
    assert all(status in (200, 302, 400, 404) for status in answers.values()), answers
