"""Background jobs: a queue in chiso's own database, run by `chiso worker`.

Define a job next to the code it runs (`chiso/<app>/tasks.py`); enqueue it inside the service's
transaction — the job row is written in that transaction, so it exists exactly when the change
that asked for it commits:

    from chiso.jobs.queue import Queue, background_job

    @background_job(queue=Queue.MAIL, retries=3)
    def send_digest(user_id: int) -> None:          # JSON-serialisable arguments only
        ...

    send_digest.enqueue(user.pk)                    # inside the service's transaction

Daily jobs are listed in `chiso.jobs.schedule.DAILY`. See docs/architecture.md, "Background jobs".
"""
