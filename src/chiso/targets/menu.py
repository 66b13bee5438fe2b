"""The targets page in the menu (chiso.web.navigation)."""

from django.utils.translation import gettext_lazy as _

from chiso.web.navigation import NavEntry, register_entry

register_entry(NavEntry("targets:page", _("Lộ trình mục tiêu"), order=40))
