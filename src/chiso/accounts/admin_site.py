"""The Django admin (/quan-tri/) as chiso's own: named and in Vietnamese, the login-throttling
app (django-axes, which ships no Vietnamese) included."""

from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# django-axes's models, named as the admin lists them.
AXES_NAMES = {
    "AccessAttempt": (_("lần đăng nhập sai"), _("lần đăng nhập sai")),
    "AccessFailureLog": (_("nhật ký đăng nhập sai"), _("nhật ký đăng nhập sai")),
    "AccessLog": (_("nhật ký đăng nhập"), _("nhật ký đăng nhập")),
}


def brand_admin() -> None:
    admin.site.site_header = _("chiso — Quản trị hệ thống")
    admin.site.site_title = _("Quản trị chiso")
    admin.site.index_title = _("Tổ chức, người dùng và cài đặt")
    admin.site.site_url = "/"
    if not apps.is_installed("axes"):
        return
    apps.get_app_config("axes").verbose_name = _("Chống dò mật khẩu")
    for name, (singular, plural) in AXES_NAMES.items():
        meta = apps.get_model("axes", name)._meta
        meta.verbose_name, meta.verbose_name_plural = singular, plural
