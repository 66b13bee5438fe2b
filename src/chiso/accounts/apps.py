from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "chiso.accounts"
    verbose_name = _("Tổ chức và người dùng")

    def ready(self) -> None:
        from chiso.accounts import signals  # noqa: F401  (connects the receivers)
        from chiso.accounts.admin_site import brand_admin

        brand_admin()
