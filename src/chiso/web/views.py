from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.cache import patch_cache_control

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.web.navigation import badge_counts
from chiso.web.panels import home_panels


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"panels": home_panels(request)})


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them to the served icon."""
    response = redirect(static("chiso/favicon.svg"))
    patch_cache_control(response, public=True, max_age=86400)
    return response


@login_required
def menu_counts(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The menu's badges (reports waiting, unread notifications) as out-of-band fragments; the
    page asks for them once loaded (htmx)."""
    return render(request, "web/_menu_counts.html", {"counts": badge_counts(request.user)})
