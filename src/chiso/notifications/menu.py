"""The bell in the header with the unread count (not a menu entry) (chiso.web.navigation)."""

from django.utils.translation import gettext_lazy as _

from chiso.notifications.services import unread_count
from chiso.web.navigation import NavEntry, register_entry

register_entry(NavEntry("notifications:list", _("Thông báo"), badge=unread_count, in_menu=False))
