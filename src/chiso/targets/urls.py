from django.urls import path

from chiso.targets import views

app_name = "targets"

urlpatterns = [
    path("", views.target_page, name="page"),
    path("xlsx/", views.target_xlsx, name="xlsx"),
]
