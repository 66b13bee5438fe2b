from django.urls import path

from chiso.plans import (
    views_cascade,
    views_drafting,
    views_inbox,
    views_plans,
    views_reporting_rules,
    views_reports,
    views_tasks,
)

app_name = "plans"

urlpatterns = [
    path("", views_plans.plan_list, name="plan-list"),
    path("<int:pk>/", views_plans.plan_detail, name="plan-detail"),
    path("<int:pk>/lich-su/", views_plans.plan_history, name="plan-history"),
    # Drafting (coordinators): views_drafting.py
    path("them/", views_drafting.plan_create, name="plan-create"),
    path("<int:pk>/sua/", views_drafting.plan_edit, name="plan-edit"),
    path("<int:pk>/nam-sau/", views_drafting.plan_copy, name="plan-copy"),
    path("<int:plan_pk>/muc-tieu/them/", views_drafting.objective_create, name="objective-create"),
    path(
        "<int:plan_pk>/muc-tieu/truong/", views_drafting.objective_fields, name="objective-fields"
    ),
    path(
        "<int:plan_pk>/muc-tieu/nhap/", views_drafting.objectives_import, name="objectives-import"
    ),
    path("<int:plan_pk>/muc-tieu.yaml", views_drafting.objectives_export, name="objectives-export"),
    path("muc-tieu/<int:pk>/sua/", views_drafting.objective_edit, name="objective-edit"),
    path("muc-tieu/<int:pk>/xoa/", views_drafting.objective_delete, name="objective-delete"),
    path("muc-tieu/<int:pk>/chuyen/", views_drafting.objective_move, name="objective-move"),
    path("<int:plan_pk>/muc/them/", views_drafting.section_create, name="section-create"),
    path("muc/<int:pk>/sua/", views_drafting.section_edit, name="section-edit"),
    path("muc/<int:pk>/xoa/", views_drafting.section_delete, name="section-delete"),
    path("muc/<int:pk>/chuyen/", views_drafting.section_move, name="section-move"),
    path("<int:plan_pk>/nhiem-vu/", views_tasks.task_list, name="task-list"),
    path("<int:plan_pk>/nhiem-vu/them/", views_tasks.task_create, name="task-create"),
    path("nhiem-vu/<int:pk>/", views_tasks.task_detail, name="task-detail"),
    path("nhiem-vu/<int:pk>/sua/", views_tasks.task_edit, name="task-edit"),
    path("nhiem-vu/<int:pk>/xoa/", views_tasks.task_delete, name="task-delete"),
    path("nhiem-vu/<int:pk>/cap-nhat-nhom/", views_tasks.task_apply_drift, name="task-apply-drift"),
    path("nhiem-vu/<int:pk>/lich-su/", views_tasks.task_history, name="task-history"),
    path("nhiem-vu/<int:pk>/lich-bao-cao/", views_tasks.task_schedule, name="task-schedule"),
    path("phan-cong/<int:pk>/", views_reports.assignment_detail, name="assignment-detail"),
    path("phan-cong/<int:pk>/bao-cao/", views_reports.report_submit, name="report-submit"),
    path(
        "phan-cong/<int:pk>/lich-bao-cao/",
        views_reports.assignment_schedule,
        name="assignment-schedule",
    ),
    path(
        "phan-cong/<int:pk>/lich-su/", views_reports.assignment_history, name="assignment-history"
    ),
    path(
        "phan-cong/<int:pk>/giao-cap-duoi/",
        views_cascade.assignment_split,
        name="assignment-split",
    ),
    path(
        "phan-cong/<int:pk>/thu-hoi/", views_cascade.assignment_withdraw, name="assignment-withdraw"
    ),
    path("bao-cao/<int:pk>/duyet/", views_reports.report_review, name="report-review"),
    path("bao-cao/<int:pk>/lanh-dao-duyet/", views_reports.report_signoff, name="report-signoff"),
    path("minh-chung/<int:pk>/", views_reports.evidence_download, name="evidence-download"),
    path("cua-toi/", views_reports.my_assignments, name="my-assignments"),
    path("cho-duyet/", views_inbox.inbox_page, name="inbox"),
    path("cai-dat-duyet-bao-cao/", views_reporting_rules.reporting_rules, name="reporting-rules"),
    path("co-quan/<int:pk>/", views_reports.agency_detail, name="agency-detail"),
    path("huong-dan/", views_plans.help_index, name="help"),
    path("huong-dan/<slug:slug>/", views_plans.help_page, name="help-page"),
]
