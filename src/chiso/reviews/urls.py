from django.urls import path

from chiso.reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:plan_id>/", views.detail, name="detail"),
]
