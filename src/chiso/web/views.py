from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from chiso.web.home import home_panels


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"panels": home_panels(request)})


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
