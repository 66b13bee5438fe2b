"""/api/v1/… — every named pattern here is declared in `spec.ENDPOINTS` (checked by a test)."""

from django.urls import path

from chiso.api import views, views_results, views_work

urlpatterns = [
    path("openapi.json", views.openapi, name="api-openapi"),
    path("plans/", views.plan_list, name="api-plans"),
    path("plans/<int:pk>/", views.plan_detail, name="api-plan"),
    path("plans/<int:pk>/objectives/", views_results.objective_status, name="api-plan-objectives"),
    path("tasks/", views.task_list, name="api-tasks"),
    path("tasks/<int:pk>/", views.task_detail, name="api-task"),
    path("assignments/", views_work.assignment_list, name="api-assignments"),
    path("assignments/<int:pk>/", views_work.assignment_detail, name="api-assignment"),
    path(
        "assignments/<int:pk>/reports/",
        views_work.assignment_reports,
        name="api-assignment-reports",
    ),
    path("reports/<int:pk>/", views_work.report_detail, name="api-report"),
    path("evidence/<int:pk>/", views_work.evidence_download, name="api-evidence"),
    path("results/<int:year>/ranking/", views_results.ranking, name="api-results-ranking"),
    path(
        "results/<int:year>/provinces/<str:province>/",
        views_results.profile,
        name="api-results-profile",
    ),
]
