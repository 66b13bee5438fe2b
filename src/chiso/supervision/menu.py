"""Difficulties and recommendations in the menu (chiso.web.navigation)."""

from django.utils.translation import gettext_lazy as _

from chiso.web.navigation import NavEntry, register_entry

register_entry(NavEntry("supervision:difficulty-list", _("Khó khăn, kiến nghị"), order=85))
