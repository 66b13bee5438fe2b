from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "chiso.places"
    verbose_name = _("Thôn, tổ dân phố")
