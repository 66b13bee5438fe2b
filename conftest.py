"""Test-run defaults: development settings (the real secret key is only needed in production)."""

import os

os.environ.setdefault("DEBUG", "1")
