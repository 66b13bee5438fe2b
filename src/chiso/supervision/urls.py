"""Pages under /giam-sat/: difficulties and supervision recommendations."""

from django.urls import path

from chiso.supervision.views import difficulties, directions, feedback

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
    path("chi-dao/", directions.direction_list, name="direction-list"),
    path("chi-dao/them/", directions.direction_create, name="direction-create"),
    path("chi-dao/<int:pk>/", directions.direction_detail, name="direction-detail"),
    path("gop-y/", feedback.feedback_list, name="feedback-list"),
    path("gop-y/<int:pk>/", feedback.feedback_detail, name="feedback-detail"),
    path("gop-y/<int:pk>/kiem-duyet/", feedback.feedback_moderate, name="feedback-moderate"),
    path("gop-y/<int:pk>/tra-loi/", feedback.feedback_answer, name="feedback-answer"),
]
