from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from chiso.places.models import Village
from chiso.site.text import search


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin):
    list_display = ("__str__", "commune", "code", "active", "illustrative")
    list_filter = ("province", "kind", "active")
    search_fields = ("name", "commune__name")
    autocomplete_fields = ("commune",)
    exclude = ("province",)

    def save_model(
        self, request: HttpRequest, obj: Village, form: forms.ModelForm[Village], change: bool
    ) -> None:
        obj.province_id = obj.commune.province_id
        super().save_model(request, obj, form, change)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Village], search_term: str
    ) -> tuple[QuerySet[Village], bool]:
        if not search_term.strip():
            return queryset, False
        return search(queryset, "name", search_term.strip()), False
