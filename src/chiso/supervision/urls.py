"""Pages under /giam-sat/: difficulties and supervision recommendations."""

from django.urls import path

from chiso.supervision.views import difficulties

app_name = "supervision"

urlpatterns = [
    path("", difficulties.difficulty_list, name="difficulty-list"),
    path("kho-khan/them/", difficulties.difficulty_create, name="difficulty-create"),
    path("kien-nghi/them/", difficulties.recommendation_create, name="recommendation-create"),
    path("kho-khan/<int:pk>/", difficulties.difficulty_detail, name="difficulty-detail"),
    path("kho-khan/<int:pk>/tra-loi/", difficulties.difficulty_answer, name="difficulty-answer"),
    path(
        "kho-khan/<int:pk>/chuyen/", difficulties.difficulty_hand_over, name="difficulty-hand-over"
    ),
    path(
        "kho-khan/<int:pk>/tham-muu/", difficulties.difficulty_escalate, name="difficulty-escalate"
    ),
    path(
        "kho-khan/<int:pk>/giai-quyet/", difficulties.difficulty_resolve, name="difficulty-resolve"
    ),
]
