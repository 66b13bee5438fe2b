from django.urls import path

from chiso.responsibilities import views

app_name = "responsibilities"

urlpatterns = [
    path("", views.map_page, name="map"),
    path("co-quan/<int:pk>/", views.agency_page, name="agency"),
    path("co-quan/<int:pk>/sua/", views.agency_edit, name="agency-edit"),
]
