"""Fixtures shared by the whole suite: provinces, agencies, users per role, and a browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# tests themselves are still synchronous, so Django's async guard must be told so.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("CHISO_SHARED_DIR", REPO_DIR.parent / "shared"))
PAPI_DATA_DIR = SHARED_DIR / "data" / "papi-subdimensions"
TEST_OUTPUT = REPO_DIR / "test-output"
CHROMIUM = os.environ.get("CHISO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(autouse=True)
def vietnamese_by_default() -> Iterator[None]:
    """Each test starts in Vietnamese: a request in English must not leak into the next test."""
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.activate("vi")


@pytest.fixture(autouse=True)
def empty_page_cache() -> Iterator[None]:
    """Cached page fragments are keyed by a province's change counter, which a rolled-back
    test database hands out again: each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def immediate_jobs() -> Iterator[None]:
    """Background jobs run as soon as they are enqueued, in the test's own transaction
    (the database queue and `chiso worker` are tested in tests/jobs)."""
    from django.conf import settings
    from django.test import override_settings

    queues = settings.TASKS["default"]["QUEUES"]
    backend = "django_tasks.backends.immediate.ImmediateBackend"
    with override_settings(TASKS={"default": {"BACKEND": backend, "QUEUES": queues}}):
        yield


@pytest.fixture
def run_jobs(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Run `chiso worker --batch` (the real database queue) inside the test's transaction."""
    from django.core.management import call_command

    # The worker drops connections between jobs; inside a test transaction that would close
    # the test's own connection (PostgreSQL), so keep it.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run(*queues: str) -> None:
        call_command("worker", "--batch", "--queues", ",".join(queues) or "*", verbosity=0)

    return run


@pytest.fixture
def papi_data_dir() -> Path:
    if not PAPI_DATA_DIR.is_dir():
        pytest.fail(f"PAPI data not found at {PAPI_DATA_DIR} (set CHISO_SHARED_DIR)")
    return PAPI_DATA_DIR


@pytest.fixture
def province(db: Any) -> Any:
    from chiso.accounts.models import Province

    return Province.objects.create(code="56", name="Khánh Hòa", slug="khanh-hoa")


@pytest.fixture
def other_province(db: Any) -> Any:
    from chiso.accounts.models import Province

    return Province.objects.create(code="01", name="Hà Nội", slug="ha-noi")


@pytest.fixture
def make_agency(db: Any) -> Callable[..., Any]:
    from chiso.accounts.models import Agency, AgencyKind

    def make(province: Any, name: str, kind: str = AgencyKind.DEPARTMENT, **extra: Any) -> Any:
        return Agency.objects.create(province=province, name=name, kind=kind, **extra)

    return make


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    from chiso.accounts.models import User

    def make(username: str, role: str, province: Any = None, agency: Any = None) -> Any:
        user = User.objects.create_user(
            username=username, password="chiso-test-pw", role=role, province=province, agency=agency
        )
        return user

    return make


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright. Missing Chromium fails in CI, skips elsewhere."""
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page PNG under test-output/ for people to look at."""
    TEST_OUTPUT.mkdir(exist_ok=True)
    path = TEST_OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page: Any, live_server_url: str, username: str, password: str = "chiso-test-pw") -> None:
    page.goto(f"{live_server_url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("[data-testid=login-submit]")
    page.wait_for_load_state("networkidle")
