"""The activities tests' small province (Sở Nội vụ, two districts with communes, the Front, a
plan with a task led by Nha Trang on 2.4), shared by the supervision tests."""

from tests.activities.conftest import World, outsider, pdf_upload, pinned_today, world

__all__ = ["World", "outsider", "pdf_upload", "pinned_today", "world"]
