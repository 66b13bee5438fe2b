"""Jobs used by the queue tests (module-level, as the queue requires)."""

from __future__ import annotations

from django.core.cache import cache

from chiso.jobs.queue import Queue, background_job

GIVEN_UP: list[str] = []


def _note_give_up(exc: BaseException, name: str) -> None:
    GIVEN_UP.append(f"{name}: {exc}")


@background_job(
    queue=Queue.DEFAULT,
    retries=1,
    retry_on=(ConnectionError,),
    backoff_seconds=60,
    on_give_up=_note_give_up,
)
def flaky(name: str) -> str:
    """Fails while the cache says so (one failure per call)."""
    left = cache.get(f"fail-{name}", 0)
    if left:
        cache.set(f"fail-{name}", left - 1)
        raise ConnectionError(f"mail server down ({left})")
    return f"hello {name}"


@background_job()
def broken() -> None:
    raise ValueError("a bug is not retried")
