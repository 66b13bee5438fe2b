from django.urls import path

from chiso.documents import views, views_consolidated, views_register, views_words

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
    path("bao-cao-tong-hop/", views_consolidated.draft_list, name="consolidated-list"),
    path("bao-cao-tong-hop/<int:draft_id>/", views_consolidated.draft_page, name="consolidated"),
    path(
        "bao-cao-tong-hop/<int:draft_id>/xem-truoc/",
        views_consolidated.draft_preview,
        name="consolidated-preview",
    ),
    path(
        "bao-cao-tong-hop/<int:draft_id>/tao/",
        views_consolidated.draft_generate,
        name="consolidated-generate",
    ),
    path(
        "bao-cao-tong-hop/<int:draft_id>/ban-hanh/",
        views_consolidated.draft_issue,
        name="consolidated-issue",
    ),
    path("noi-nhan/", views_words.recipient_lists, name="recipients"),
    path("noi-nhan/<int:list_id>/", views_words.recipient_list_edit, name="recipient-list"),
]
