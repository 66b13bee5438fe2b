"""The public pages in the menu (chiso.web.navigation)."""

from django.utils.translation import gettext_lazy as _

from chiso.public.access import can_see_indices
from chiso.web.navigation import NavEntry, register_entry

register_entry(
    NavEntry(
        "public:index",
        _("Công khai kết quả"),
        order=20,
        requires_login=False,
        anonymous_only=True,
    )
)
register_entry(NavEntry("public:results", _("Kết quả chỉ số"), order=30))
register_entry(NavEntry("public:indices", _("Bốn chỉ số"), order=31, visible_to=can_see_indices))
