"""Absolute links for e-mails: from CHISO_SITE_URL, the address people reach chiso at."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site_url(request: HttpRequest | None = None) -> str:
    """https://chiso.example.vn (no trailing slash). Without CHISO_SITE_URL, the address of
    `request` (checked against ALLOWED_HOSTS by Django), else empty."""
    configured: str = settings.CHISO_SITE_URL
    if configured or request is None:
        return configured
    return request.build_absolute_uri("/").rstrip("/")
