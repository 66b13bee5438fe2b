"""Fixtures for the API tests: the workspace (`world`), clients per role, bearer tokens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tests.api.world import World, build_world


@pytest.fixture
def world(province: Any, other_province: Any, settings: Any, tmp_path: Any) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CHISO_TODAY = "2023-08-15"
    return build_world(province, other_province)


@pytest.fixture
def client_for(world: World) -> Callable[[str], Client]:
    """A test client logged in (session) as the world's user for a role key."""

    def make(role: str) -> Client:
        client = Client()
        user = world.users[role]
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def bearer(world: World) -> Callable[[str], dict[str, str]]:
    """Headers with a fresh bearer token for the role's user."""
    from chiso.api.tokens import create_token

    def make(role: str) -> dict[str, str]:
        user = world.users[role]
        assert user is not None
        return {"Authorization": f"Bearer {create_token(user, 'test').secret}"}

    return make
