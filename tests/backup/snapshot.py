"""Prints, as JSON, what a restore must reproduce: every table's row count, the SHA-256 of every
stored file, and the API's answers to a coordinator. Run as a separate process against the
database in DATABASE_URL: `python -m tests.backup.snapshot`."""

from __future__ import annotations

import json

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from chiso.backup.database import count_rows, table_names  # noqa: E402
from chiso.backup.manifest import sha256_of  # noqa: E402
from chiso.backup.media import stored_names  # noqa: E402

API = (
    "/api/v1/plans/",
    "/api/v1/tasks/?page_size=100",
    "/api/v1/assignments/?page_size=100",
    "/api/v1/results/2022/ranking/",
)


def main() -> None:
    with connection.cursor() as cursor:
        tables = count_rows(cursor, table_names())
        names = list(stored_names(cursor))
    files = {}
    for name, storage in names:
        with storage.open(name, "rb") as fh:
            files[name] = sha256_of(fh)[0]
    setup_test_environment()
    from chiso.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username="sonoivu"))
    api = {}
    for url in API:
        response = client.get(url)
        api[url] = [response.status_code, response.json()]
    plan_id = api["/api/v1/plans/"][1]["results"][0]["id"]
    for url in (f"/api/v1/plans/{plan_id}/", f"/api/v1/plans/{plan_id}/objectives/"):
        response = client.get(url)
        api[url] = [response.status_code, response.json()]
    print(json.dumps({"tables": tables, "files": files, "api": api}, ensure_ascii=False))


main()
