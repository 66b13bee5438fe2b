"""What a logged-in person sees is not kept by browsers or proxies (`Cache-Control: no-store`);
public pages keep their own caching and ETags."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.api.world import build_world


@pytest.fixture
def world(province: Any, other_province: Any, settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world(province, other_province)


def _as(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_signed_in_pages_and_evidence_are_not_stored(world: Any) -> None:
    client = _as(world.users["officer_a"])
    evidence = world.home.evidence_a
    for url in ("/", "/ke-hoach/", f"/ke-hoach/minh-chung/{evidence.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url


@pytest.mark.django_db
def test_public_pages_keep_their_caching(world: Any) -> None:
    world.home.plan.is_public = True
    world.home.plan.save(update_fields=["is_public"])
    url = f"/cong-khai/ke-hoach/{world.home.plan.pk}/"
    anonymous = Client().get(url)
    assert "public" in anonymous["Cache-Control"] and anonymous["ETag"]
    signed_in = _as(world.users["officer_a"]).get(url)
    assert "no-store" not in signed_in["Cache-Control"] and signed_in["ETag"]
    assert "private" in signed_in["Cache-Control"]
