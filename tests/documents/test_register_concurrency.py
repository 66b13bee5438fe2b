"""Numbers taken at the same moment by many officers never repeat (PostgreSQL: the counter row is
locked; SQLite writes one transaction at a time and is not what this test is about)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import close_old_connections, connection, transaction

from chiso.documents.models import RegisterCounter
from chiso.documents.register import next_number

THREADS, EACH = 8, 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_numbers_never_repeat(province: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locking is tested on PostgreSQL (make test-db)")
    start = threading.Barrier(THREADS)
    taken: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def officer() -> None:
        try:
            start.wait()
            for _ in range(EACH):
                with transaction.atomic():
                    number = next_number(province.pk, 2023, "BC-SNV")
                with lock:
                    taken.append(number)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=officer) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(taken) == list(range(1, THREADS * EACH + 1))
    assert RegisterCounter.objects.get(symbol="BC-SNV").last == THREADS * EACH
