from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from chiso.accounts.models import Agency, AgencyGroup, Province, User


@admin.register(User)
class ChisoUserAdmin(UserAdmin):
    list_display = (
        "username",
        "first_name",
        "last_name",
        "province",
        "agency",
        "role",
        "is_active",
    )
    list_filter = ("province", "role", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("chiso", {"fields": ("province", "agency", "role")}))


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "slug")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent", "province", "active")
    list_filter = ("province", "kind")
    search_fields = ("name", "short_name")


@admin.register(AgencyGroup)
class AgencyGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "province")
    filter_horizontal = ("members",)
