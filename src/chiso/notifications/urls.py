from django.urls import path

from chiso.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("da-doc/", views.mark_all_read, name="mark-all-read"),
    path("cai-dat/", views.preferences, name="preferences"),
]
