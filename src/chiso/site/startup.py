"""A configuration mistake (no SECRET_KEY, a bad DATABASE_URL) stops chiso with one clear line
on stderr and a non-zero exit, not a traceback: for the `chiso` command and the WSGI server."""

from __future__ import annotations

import os
import sys

# gunicorn's "worker failed to boot": its master stops instead of restarting workers forever.
EXIT_CONFIG_ERROR = 3


def load_settings_or_exit() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chiso.site.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018  (reading a setting imports the settings module)
    except ImproperlyConfigured as exc:
        print(f"chiso: configuration error: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_CONFIG_ERROR) from None
