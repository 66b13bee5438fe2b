"""The site's URLs plus one bare view, so the bare view is served exactly like the pages:
same middleware, same session, same logged-in user, same process, same run."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from chiso.site.urls import urlpatterns as site_urlpatterns


@login_required
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__bench__/bare/", bare, name="bench-bare"), *site_urlpatterns]
