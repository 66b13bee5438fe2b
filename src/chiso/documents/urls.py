from django.urls import path

from chiso.documents import views, views_register, views_words

app_name = "documents"

urlpatterns = [
    path("", views.documents_page, name="page"),
    path("<int:job_id>/trang-thai/", views.job_status, name="status"),
    path("<int:job_id>/tai-ve/", views.download, name="download"),
    path("ke-hoach/<int:plan_id>/loi-van/", views_words.plan_words_page, name="plan-words"),
    path("so-van-ban/", views_register.register_page, name="register"),
    path(
        "so-van-ban/<int:entry_id>/tai-ve/",
        views_register.register_download,
        name="register-download",
    ),
    path("noi-nhan/", views_words.recipient_lists, name="recipients"),
    path("noi-nhan/<int:list_id>/", views_words.recipient_list_edit, name="recipient-list"),
]
