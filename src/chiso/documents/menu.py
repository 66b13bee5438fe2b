"""Documents in the menu, for those who may request them (chiso.web.navigation)."""

from django.utils.translation import gettext_lazy as _

from chiso.documents.services import can_request_documents
from chiso.web.navigation import NavEntry, register_entry

register_entry(
    NavEntry(
        "documents:page",
        _("Văn bản, báo cáo"),
        order=90,
        visible_to=can_request_documents,
    )
)
