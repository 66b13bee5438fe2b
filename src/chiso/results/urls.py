from django.urls import path

from chiso.results import views

app_name = "results"

urlpatterns = [
    path("", views.enter, name="enter"),
]
