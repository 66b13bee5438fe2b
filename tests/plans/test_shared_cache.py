"""With CACHE_URL/REDIS_URL set, page fragments live in Redis: one web worker renders a
fragment, another (its own cache client and connections) serves it without recomputing, and an
audited change retires it for all. Runs against the real Redis (127.0.0.1:6379); skipped only on
a developer machine without one, never in CI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from chiso.plans import services

REDIS_URL = os.environ.get("CHISO_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _redis() -> Any:
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL} (.ci/run starts it)")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    return client


@pytest.fixture
def redis_settings() -> Iterator[tuple[Any, dict[str, Any]]]:
    client = _redis()
    prefix = f"chiso-test-{uuid.uuid4().hex[:12]}"
    config = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield client, config
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def _main(body: str) -> str:
    main = body[body.index('<main id="main"') : body.index("</main>")]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


def test_fragments_are_shared_between_workers_through_redis(
    client: Any, world: Any, district_task: Any, redis_settings: Any, django_assert_max_num_queries
) -> None:
    redis_client, config = redis_settings
    prefix = config["default"]["KEY_PREFIX"]
    url = reverse("plans:task-list", args=[world.plan.pk])
    client.force_login(world.nhatrang)
    with override_settings(CACHES=config):
        first = client.get(url).content.decode()
    stored = list(redis_client.scan_iter(f"{prefix}:*"))
    assert stored, "the task list's fragment is in Redis"
    with override_settings(CACHES=config):  # a new cache client: another worker process
        with django_assert_max_num_queries(3):  # session, user, plan with the data revision
            assert _main(client.get(url).content.decode()) == _main(first)
        services.create_task(
            world.coordinator, world.plan, title="Nhiệm vụ thêm sau", lead_agencies=[world.front]
        )
    with override_settings(CACHES=config):
        assert "Nhiệm vụ thêm sau" in client.get(url).content.decode()


def test_cache_url_or_redis_url_selects_the_redis_cache() -> None:
    code = "from django.conf import settings; c = settings.CACHES['default']; "
    code += "print(c['BACKEND'], c.get('LOCATION'))"
    for name in ("CACHE_URL", "REDIS_URL"):
        env = {**os.environ, "DEBUG": "1", name: "redis://127.0.0.1:6379/5"}
        env.pop("CACHE_URL" if name == "REDIS_URL" else "REDIS_URL", None)
        out = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            env={**env, "DJANGO_SETTINGS_MODULE": "chiso.site.settings"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        assert out == ["django.core.cache.backends.redis.RedisCache", "redis://127.0.0.1:6379/5"]
