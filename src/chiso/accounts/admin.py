from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from chiso.accounts.models import Agency, AgencyGroup, Province, User
from chiso.site.text import search


class ServedProvinceChoices:
    """The province picker offers only the provinces still served, not one merged into
    another (its row is kept for its history: chiso.restructuring.merger)."""

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField[Any] | None:
        if db_field.name == "province":
            kwargs["queryset"] = Province.objects.served()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


@admin.register(User)
class ChisoUserAdmin(ServedProvinceChoices, UserAdmin):
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
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("chiso", {"fields": ("province", "agency", "role")}),
    )


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "slug", "merged_into", "merged_on")


@admin.register(Agency)
class AgencyAdmin(ServedProvinceChoices, admin.ModelAdmin):
    list_display = ("name", "kind", "parent", "province", "active")
    list_filter = ("province", "kind")
    search_fields = ("name", "short_name")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Agency], search_term: str
    ) -> tuple[QuerySet[Agency], bool]:
        """ "hoa" finds "Hòa" and "Hoà", "NHA TRANG" finds "Nha Trang" (chiso.site.text)."""
        if not search_term.strip():
            return queryset, False
        return search(queryset, "name", search_term.strip(), "short_name"), False


@admin.register(AgencyGroup)
class AgencyGroupAdmin(ServedProvinceChoices, admin.ModelAdmin):
    list_display = ("name", "province")
    filter_horizontal = ("members",)
