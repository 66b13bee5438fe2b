from django.urls import path

from chiso.public import views

app_name = "public"

urlpatterns = [
    path("cong-khai/", views.index, name="index"),
    path("cong-khai/tinh/", views.choose_profile, name="choose"),
    path("cong-khai/tinh/<slug:slug>/", views.latest_profile, name="profile-latest"),
    path("cong-khai/tinh/<slug:slug>/<int:year>/", views.profile, name="profile"),
    path("cong-khai/xep-hang/", views.latest_ranking, name="ranking-latest"),
    path("cong-khai/xep-hang/<int:year>/", views.ranking, name="ranking"),
    path("cong-khai/ke-hoach/", views.plans, name="plans"),
    path("cong-khai/ke-hoach/<int:plan_id>/", views.plan, name="plan"),
    path("cong-khai/ke-hoach/<int:plan_id>/ban-in/", views.plan_print, name="plan-print"),
    path("ket-qua/", views.results_page, name="results"),
    path("ket-qua/cac-chi-so/", views.indices_page, name="indices"),
    path("ket-qua/so-sanh/", views.results_peers, name="peers"),
    path("ket-qua/so-sanh/xlsx/", views.results_peers_xlsx, name="peers-xlsx"),
]
