"""How long a log-in lasts (idle and absolute limits) and how failed log-ins are limited."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.test import Client

from chiso.accounts import middleware
from chiso.accounts.models import Role


class Clock:
    def __init__(self) -> None:
        self.t = int(time.time())

    def __call__(self) -> int:
        return self.t


@pytest.fixture
def clock(monkeypatch: Any) -> Clock:
    fake = Clock()
    monkeypatch.setattr(middleware, "now", fake)
    return fake


@pytest.fixture
def client(province: Any, make_user: Any) -> Client:
    make_user("camranh", Role.AGENCY_OFFICER, province)
    client = Client()
    client.post("/dang-nhap/", {"username": "camranh", "password": "chiso-test-pw"})
    return client


def signed_in(client: Client) -> bool:
    return bool(client.get("/").context["user"].is_authenticated)


HOUR = 3600


def test_defaults_are_eight_hours_idle_and_seven_days_in_all(settings: Any) -> None:
    assert settings.SESSION_COOKIE_AGE == 8 * HOUR
    assert settings.CHISO_SESSION_MAX_SECONDS == 7 * 24 * HOUR


def test_a_session_left_idle_ends(client: Client, clock: Clock) -> None:
    assert signed_in(client)
    clock.t += 8 * HOUR + 60
    response = client.get("/ke-hoach/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")
    assert "Phiên đăng nhập đã hết hạn" in client.get("/dang-nhap/").content.decode()


def test_a_session_in_use_lasts_until_its_absolute_limit(client: Client, clock: Clock) -> None:
    for _hour in range(7 * 24 // 6):  # a request every six hours for a week
        clock.t += 6 * HOUR
        assert signed_in(client)
    clock.t += 6 * HOUR
    assert not signed_in(client)


def test_limits_follow_the_settings(client: Client, clock: Clock, settings: Any) -> None:
    settings.SESSION_COOKIE_AGE = HOUR
    clock.t += HOUR - 60
    assert signed_in(client)
    clock.t += HOUR + 60
    assert not signed_in(client)


def test_many_accounts_tried_from_one_address_lock_that_address(
    province: Any, make_user: Any, settings: Any
) -> None:
    settings.CHISO_LOGIN_ADDRESS_LIMIT = 6
    make_user("camranh", Role.AGENCY_OFFICER, province)
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for name in ("an", "binh", "chi", "dung", "giang", "ha"):  # two tries each, no user locked
        for _try in range(2):
            attacker.post("/dang-nhap/", {"username": name, "password": "123456"})
    refused = attacker.post("/dang-nhap/", {"username": "camranh", "password": "chiso-test-pw"})
    assert refused.status_code == 429
    # Another address is not affected, and the per-user limit still applies on its own.
    office = Client(REMOTE_ADDR="198.51.100.20")
    ok = office.post("/dang-nhap/", {"username": "camranh", "password": "chiso-test-pw"})
    assert ok.status_code == 302
