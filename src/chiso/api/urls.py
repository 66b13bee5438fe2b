"""/api/v1/… — every named pattern here is declared in `spec.ENDPOINTS` (checked by a test)."""

from django.urls import path, register_converter

from chiso.api import (
    views,
    views_activities,
    views_loop,
    views_results,
    views_supervision,
    views_work,
)
from chiso.api.converters import CONVERTERS

for _name, _converter in CONVERTERS.items():
    register_converter(_converter, _name)

urlpatterns = [
    path("openapi.json", views.openapi, name="api-openapi"),
    path("plans/", views.plan_list, name="api-plans"),
    path("plans/<id:pk>/", views.plan_detail, name="api-plan"),
    path("plans/<id:pk>/objectives/", views_results.objective_status, name="api-plan-objectives"),
    path("tasks/", views.task_list, name="api-tasks"),
    path("tasks/<id:pk>/", views.task_detail, name="api-task"),
    path("assignments/", views_work.assignment_list, name="api-assignments"),
    path("assignments/<id:pk>/", views_work.assignment_detail, name="api-assignment"),
    path(
        "assignments/<id:pk>/reports/",
        views_work.assignment_reports,
        name="api-assignment-reports",
    ),
    path(
        "assignments/<id:pk>/periods/",
        views_loop.assignment_periods,
        name="api-assignment-periods",
    ),
    path("reports/<id:pk>/", views_work.report_detail, name="api-report"),
    path("reports/<id:pk>/review/", views_loop.report_review, name="api-report-review"),
    path("reports/<id:pk>/sign-off/", views_loop.report_signoff, name="api-report-signoff"),
    path("inbox/", views_loop.inbox_list, name="api-inbox"),
    path("notifications/", views_loop.notification_list, name="api-notifications"),
    path(
        "notifications/<id:pk>/read/",
        views_loop.notification_read,
        name="api-notification-read",
    ),
    # Sub-assignments, work that counts, inspections, activities, postings, survey support
    path(
        "assignments/<id:pk>/sub-assignments/",
        views_activities.sub_assignments,
        name="api-sub-assignments",
    ),
    path("assignments/<id:pk>/work/", views_activities.assignment_work, name="api-assignment-work"),
    path("activities/", views_activities.activity_list, name="api-activities"),
    path("activities/<id:pk>/", views_activities.activity_detail, name="api-activity"),
    path("postings/", views_activities.posting_list, name="api-postings"),
    path("postings/<id:pk>/", views_activities.posting_detail, name="api-posting"),
    path("villages/", views_activities.village_list, name="api-villages"),
    path("villages/<id:pk>/", views_activities.village_detail, name="api-village"),
    path("inspections/", views_activities.inspection_list, name="api-inspections"),
    path("inspections/<id:pk>/", views_activities.inspection_detail, name="api-inspection"),
    path("visits/<id:pk>/", views_activities.visit_detail, name="api-visit"),
    path("surveys/", views_activities.survey_list, name="api-surveys"),
    path("surveys/<id:pk>/", views_activities.survey_detail, name="api-survey"),
    path("evidence/<id:pk>/", views_work.evidence_download, name="api-evidence"),
    # The supervision loop: difficulties, the Front's recommendations, directions, feedback
    path("difficulties/", views_supervision.difficulty_list, name="api-difficulties"),
    path("difficulties/<id:pk>/", views_supervision.difficulty_detail, name="api-difficulty"),
    path(
        "difficulties/<id:pk>/answer/",
        views_supervision.difficulty_answer,
        name="api-difficulty-answer",
    ),
    path(
        "difficulties/<id:pk>/hand-over/",
        views_supervision.difficulty_hand_over,
        name="api-difficulty-hand-over",
    ),
    path(
        "difficulties/<id:pk>/escalate/",
        views_supervision.difficulty_escalate,
        name="api-difficulty-escalate",
    ),
    path(
        "difficulties/<id:pk>/resolve/",
        views_supervision.difficulty_resolve,
        name="api-difficulty-resolve",
    ),
    path("recommendations/", views_supervision.recommendation_list, name="api-recommendations"),
    path("directions/", views_supervision.direction_list, name="api-directions"),
    path("directions/<id:pk>/", views_supervision.direction_detail, name="api-direction"),
    path("feedback/", views_supervision.feedback_list, name="api-feedback"),
    path("feedback/<id:pk>/", views_supervision.feedback_detail, name="api-feedback-item"),
    path(
        "feedback/<id:pk>/moderate/",
        views_supervision.feedback_moderate,
        name="api-feedback-moderate",
    ),
    path(
        "feedback/<id:pk>/answer/",
        views_supervision.feedback_answer,
        name="api-feedback-answer",
    ),
    path("results/<year:year>/ranking/", views_results.ranking, name="api-results-ranking"),
    path(
        "results/<year:year>/provinces/<str:province>/",
        views_results.profile,
        name="api-results-profile",
    ),
]
