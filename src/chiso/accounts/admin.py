from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext

from chiso.accounts.models import Agency, AgencyGroup, Province, User
from chiso.audit.services import record
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

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        """A role, agency or activity set here is in chiso's audit log, as bulk set-up's are
        ("user.update"): the account's history shows it, and `chiso restructure follow-up`
        leaves alone a head an administrator made head again after a restructuring."""
        before = User.objects.filter(pk=obj.pk).select_related("agency").first() if change else None
        super().save_model(request, obj, form, change)
        changes = account_changes(before, obj)
        if changes:
            action = "user.update" if change else "user.create"
            note = gettext("Sửa trong trang quản trị")
            actor = request.user if request.user.is_authenticated else None
            record(actor, obj, action, changes, province=obj.province, note=note)


def account_changes(before: User | None, after: User) -> dict[str, list[Any]]:
    """What an administrator set that decides what the account may do: role, agency, active."""
    old = {
        "role": before.role if before else None,
        "agency": before.agency.name if before and before.agency else None,
        "is_active": before.is_active if before else None,
    }
    new = {
        "role": after.role,
        "agency": after.agency.name if after.agency else None,
        "is_active": after.is_active,
    }
    return {key: [old[key], new[key]] for key in old if old[key] != new[key]}


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
