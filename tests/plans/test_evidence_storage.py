"""Evidence files go through Django's storage API (STORAGES["default"]), so an object store can
hold them: with an in-memory storage configured, nothing is written under MEDIA_ROOT and the
download streams the stored bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from chiso.plans import services
from tests.plans.conftest import pdf_bytes, upload


def test_evidence_is_stored_and_served_through_the_configured_storage(
    client: Any, world: Any, district_task: Any, tmp_path: Path
) -> None:
    storages = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    assignment = district_task.assignments.get(agency=world.nha_trang)
    content = pdf_bytes()
    with override_settings(STORAGES=storages, MEDIA_ROOT=tmp_path):
        report = services.submit_report(
            world.nhatrang,
            assignment,
            narrative="Đã niêm yết",
            progress=50,
            files=[upload("bien-ban.pdf", content)],
        )
        evidence = report.evidence.get()
        assert evidence.file.storage.__class__.__name__ == "InMemoryStorage"
        assert not any(tmp_path.rglob("*"))  # nothing on the local disk
        client.force_login(world.coordinator)
        response = client.get(reverse("plans:evidence-download", args=[evidence.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == content
