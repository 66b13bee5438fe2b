from django.urls import path

from chiso.spreadsheets import views

app_name = "spreadsheets"

urlpatterns = [
    path("ke-hoach/<int:plan_id>/nhap/", views.import_upload, name="import_upload"),
    path("nhap/<int:import_id>/", views.import_preview, name="import_preview"),
    path("nhap/<int:import_id>/xac-nhan/", views.import_confirm, name="import_confirm"),
    path("mau-bo-khung-nhiem-vu.xlsx", views.framework_template_xlsx, name="framework_template"),
    path("ke-hoach/<int:plan_id>/ke-hoach.xlsx", views.plan_xlsx, name="plan_xlsx"),
    path("nhiem-vu.xlsx", views.tasks_xlsx, name="tasks_xlsx"),
    path("phan-cong.xlsx", views.assignments_xlsx, name="assignments_xlsx"),
    path("bao-cao.xlsx", views.reports_xlsx, name="reports_xlsx"),
]
