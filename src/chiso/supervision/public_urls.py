"""Public pages of the supervision loop: citizens' feedback on a published plan (no log-in)."""

from django.urls import path

from chiso.supervision.views import public

app_name = "feedback"

urlpatterns = [
    path("cong-khai/ke-hoach/<int:plan_id>/gop-y/", public.feedback_page, name="form"),
]
