from django.urls import path

from chiso.catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("", views.index, name="index"),
    path("xlsx/", views.export, name="xlsx"),
    path("nhap/", views.import_xlsx, name="import"),
    path("tu-ke-hoach/", views.from_plan, name="from-plan"),
    path("sua/<str:code>/", views.entry_edit, name="entry-edit"),
    path("ke-hoach/<int:plan_pk>/", views.plan_suggestions, name="plan"),
    path("ke-hoach/<int:plan_pk>/them/", views.plan_add, name="plan-add"),
]
