from django.contrib import admin
from django.http import HttpRequest

from chiso.audit.models import AuditEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    """Workflow records change only through chiso's pages and services (which check the rules,
    notify and write the audit log): the admin shows them, never adds, edits or deletes them."""

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "action", "object_repr", "actor")
    list_filter = ("action",)
    search_fields = ("object_repr", "action")
