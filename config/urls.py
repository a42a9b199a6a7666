"""Top-level URLs: the public archive at the root, the editors' admin at
``settings.ADMIN_PATH`` (``DJANGO_ADMIN_PATH``, "admin/" unless set), the error views, and
``/favicon.ico``, which browsers ask for whatever the pages' icon link says."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView
from django.views.i18n import set_language

from archive.accounts import SignOutView
from archive.media import serve_media
from archive.sitemaps import robots_txt, sitemap_xml

# The icon's static address is looked up at the first request: with the manifest storage it
# needs the manifest, which is written by collectstatic after this module may be imported.
favicon = require_safe(
    RedirectView.as_view(url=lazy(static, str)("archive/favicon.svg"), permanent=False)
)

urlpatterns = [
    path(f"{settings.ADMIN_PATH}logout/", SignOutView.as_view(), name="sign-out"),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    # Django's language switch: sets the language cookie and goes to ``next`` in the chosen
    # language. Exempt from CSRF so that the public pages carry no token and no cookie (they
    # are cached and shared): a forged request can only change the language a visitor reads.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    # The public archive: English unprefixed, every other language under its code.
    *i18n_patterns(path("", include("archive.urls")), prefix_default_language=False),
]

if not settings.MEDIA_STORAGE_URL:
    # Images on disk are served by the app, in production too (archive/media.py).
    urlpatterns.insert(
        -1, path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", serve_media, name="media")
    )

handler400 = "archive.errors.bad_request"
handler403 = "archive.errors.permission_denied"
handler404 = "archive.errors.page_not_found"
handler500 = "archive.errors.server_error"
