from django.contrib import admin

from chiso.audit.admin import ReadOnlyAdmin
from chiso.notifications.models import Notification, Preference


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("recipient", "kind", "created_at", "read_at", "mail")
    list_filter = ("kind", "mail")


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "email_mode", "language")
