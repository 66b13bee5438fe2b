from django.urls import path

from chiso.bulksetup import views

app_name = "bulksetup"

urlpatterns = [
    path("", views.index, name="index"),
    path("tep/<int:pk>/", views.preview, name="preview"),
    path("tep/<int:pk>/luu/", views.confirm, name="confirm"),
    path("xlsx/", views.export, name="xlsx"),
    path("xa-phuong-2025/", views.prefill, name="prefill"),
]
