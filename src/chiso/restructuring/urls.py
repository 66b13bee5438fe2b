from django.urls import path

from chiso.restructuring import views

app_name = "restructuring"

urlpatterns = [
    path("", views.index, name="index"),
    path("giai-the/", views.abolish, name="abolish"),
    path("hop-nhat/", views.merge, name="merge"),
    path("ket-qua-truoc-hop-nhat/", views.results, name="results"),
]
