from django.contrib import admin

from chiso.audit.admin import ReadOnlyAdmin
from chiso.plans.models import (
    Assignment,
    Objective,
    Plan,
    ProgressReport,
    ReportingSettings,
    Section,
    Task,
)


class ObjectiveInline(admin.TabularInline):
    model = Objective
    extra = 0


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "province", "year", "is_public")
    list_filter = ("province", "year")
    inlines = [ObjectiveInline, SectionInline]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "plan", "deadline", "recurring", "is_public")
    list_filter = ("plan",)
    search_fields = ("title",)


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ("task", "agency", "relation", "deadline", "progress", "completed_on")
    list_filter = ("province", "relation")


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnlyAdmin):
    list_display = ("assignment", "author", "submitted_at", "progress", "state")
    list_filter = ("province", "state")


@admin.register(ReportingSettings)
class ReportingSettingsAdmin(admin.ModelAdmin):
    list_display = ("province", "coordinating_agency", "own_reports_reviewer")
