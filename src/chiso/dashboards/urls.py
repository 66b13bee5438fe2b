from django.urls import path

from chiso.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.dashboard_home, name="home"),
    path("<int:plan_id>/", views.plan_dashboard, name="plan"),
    path("thoi-han/", views.deadlines, name="deadlines"),
]
