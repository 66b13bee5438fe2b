"""The background job that generates a requested document (see chiso.jobs)."""

from __future__ import annotations

from django.db import DatabaseError

from chiso.documents.pdf import PdfUnavailable
from chiso.documents.services import fail_job, run_job
from chiso.jobs.queue import Queue, background_job


def _give_up(exc: BaseException, job_id: int) -> None:
    fail_job(job_id, str(exc)[:2000])


@background_job(
    queue=Queue.DOCUMENTS,
    retries=2,
    retry_on=(PdfUnavailable, DatabaseError),
    backoff_seconds=30,
    on_give_up=_give_up,
)
def generate_document(job_id: int) -> None:
    run_job(job_id)
