from django.urls import path

from chiso.plans import views_plans, views_reports, views_tasks

app_name = "plans"

urlpatterns = [
    path("", views_plans.plan_list, name="plan-list"),
    path("<int:pk>/", views_plans.plan_detail, name="plan-detail"),
    path("<int:pk>/lich-su/", views_plans.plan_history, name="plan-history"),
    path("<int:plan_pk>/nhiem-vu/", views_tasks.task_list, name="task-list"),
    path("<int:plan_pk>/nhiem-vu/them/", views_tasks.task_create, name="task-create"),
    path("nhiem-vu/<int:pk>/", views_tasks.task_detail, name="task-detail"),
    path("nhiem-vu/<int:pk>/sua/", views_tasks.task_edit, name="task-edit"),
    path("nhiem-vu/<int:pk>/xoa/", views_tasks.task_delete, name="task-delete"),
    path("nhiem-vu/<int:pk>/cap-nhat-nhom/", views_tasks.task_apply_drift, name="task-apply-drift"),
    path("nhiem-vu/<int:pk>/lich-su/", views_tasks.task_history, name="task-history"),
    path("phan-cong/<int:pk>/", views_reports.assignment_detail, name="assignment-detail"),
    path("phan-cong/<int:pk>/bao-cao/", views_reports.report_submit, name="report-submit"),
    path(
        "phan-cong/<int:pk>/lich-su/", views_reports.assignment_history, name="assignment-history"
    ),
    path("bao-cao/<int:pk>/duyet/", views_reports.report_review, name="report-review"),
    path("minh-chung/<int:pk>/", views_reports.evidence_download, name="evidence-download"),
    path("cua-toi/", views_reports.my_assignments, name="my-assignments"),
    path("co-quan/<int:pk>/", views_reports.agency_detail, name="agency-detail"),
    path("huong-dan/", views_plans.help_index, name="help"),
    path("huong-dan/<slug:slug>/", views_plans.help_page, name="help-page"),
]
