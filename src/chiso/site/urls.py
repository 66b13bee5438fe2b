"""URL map: each app brings its own urls module, included here."""

from django.contrib import admin
from django.urls import include, path, re_path

from chiso.api.views import unknown_path

# Errors raised before a view runs: JSON under /api/, Django's pages elsewhere.
handler400 = "chiso.api.handlers.bad_request"
handler500 = "chiso.api.handlers.server_error"

urlpatterns = [
    path("", include("chiso.web.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("tai-khoan/", include("chiso.accounts.urls")),
    path("", include("chiso.public.urls")),
    path("", include("chiso.supervision.public_urls")),
    path("api/v1/", include("chiso.api.urls")),
    re_path(r"^api/", unknown_path),  # any other path under /api/ is a JSON 404, not a page
    path("bang-dieu-khien/", include("chiso.dashboards.urls")),
    path("bang-tinh/", include("chiso.spreadsheets.urls")),
    path("ke-hoach/", include("chiso.plans.urls")),
    path("hoat-dong/", include("chiso.activities.urls")),
    path("ket-qua/muc-tieu/", include("chiso.targets.urls")),
    path("ket-qua/nhap/", include("chiso.results.urls")),
    path("danh-gia-ke-hoach/", include("chiso.reviews.urls")),
    path("danh-muc-nhiem-vu/", include("chiso.catalogue.urls")),
    path("linh-vuc/", include("chiso.responsibilities.urls")),
    path("thiet-lap/", include("chiso.bulksetup.urls")),
    path("sap-xep/", include("chiso.restructuring.urls")),
    path("tai-lieu/", include("chiso.documents.urls")),
    path("thong-bao/", include("chiso.notifications.urls")),
    path("giam-sat/", include("chiso.supervision.urls")),
    path("quan-tri/", admin.site.urls),
]
