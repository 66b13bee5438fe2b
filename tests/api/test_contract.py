"""The API keeps the contract of its OpenAPI document. Schemathesis reads /api/v1/openapi.json
from the app itself (in-process, through the WSGI handler), generates requests for every
operation — valid and invalid, in its examples, coverage and fuzzing phases — and runs all of
its checks on each answer: no 5xx, documented status codes, content types and schemas, invalid
data refused, valid data accepted, authentication not ignored.

Bounded and repeatable: a few examples per operation and Hypothesis's derandomized mode (a fixed
seed), so a failure here reproduces on any machine. The caller is the province's coordinator on
the test workspace (tests/api/world.py) with the published PAPI results. Report submission is
driven once more as the Fatherland Front on its own assignment, so that the 201 answer and the
rules of a report thread (409 once a report awaits review) are held to the document too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import TestPhase

from chiso.plans.models import ProgressReport
from tests.api.world import PDF_BYTES, World

pytestmark = pytest.mark.django_db
PATH = ParameterLocation.PATH
EXAMPLES = 20  # per operation and phase: the file runs in well under a minute on two cores

# PNG and JPEG evidence come from schemathesis's own smallest files; it has no PDF of its own.
schemathesis.openapi.media_type("application/pdf", st.just(PDF_BYTES))

# Loaded once at collection from the app itself (the document needs no database).
api = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
api.config.generation.update(max_examples=EXAMPLES, database="none")
submission = api.include(method="POST", path="/assignments/{pk}/reports/")

BOUNDED = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def connection_kept_across_requests() -> Iterator[None]:
    """Schemathesis calls the WSGI handler itself, whose request signals close a database
    connection that is inside a transaction: the test's. Django's test client unhooks them the
    same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def published_results(monkeypatch: pytest.MonkeyPatch, papi_data_dir: Any) -> None:
    from chiso.results import store
    from tests.public.conftest import shared_results

    results = shared_results()
    monkeypatch.setattr(store, "load_results", lambda index="PAPI": results)


@api.parametrize()
@BOUNDED
def test_every_operation_keeps_the_contract(
    case: Any, world: World, bearer: Any, published_results: None
) -> None:
    case.call_and_validate(headers=bearer("coordinator"))


@submission.parametrize()
@BOUNDED
def test_report_submission_keeps_the_contract(case: Any, world: World, bearer: Any) -> None:
    assert case.meta is not None and world.home.assignment_front is not None
    if case.meta.phase.name == TestPhase.COVERAGE or case.meta.is_negative_at(PATH):
        # Coverage cases of this operation vary one part and fill the rest with a template
        # that is no valid report (schemathesis 4.32 sends `narrative` and `progress` empty),
        # and the path is the first test's business: fuzzing generates whole reports.
        return
    assignment = world.home.assignment_front
    case.path_parameters["pk"] = assignment.pk
    case.call_and_validate(headers=bearer("supervisor"))
    # Each example meets an empty thread, so each valid report is accepted (201), not
    # refused because the previous example's report now awaits review (409).
    ProgressReport.objects.filter(assignment=assignment).delete()
