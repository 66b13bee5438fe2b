from django.urls import path

from chiso.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.documents_page, name="page"),
    path("<int:job_id>/trang-thai/", views.job_status, name="status"),
    path("<int:job_id>/tai-ve/", views.download, name="download"),
]
