"""Top-level URLs: the public archive at the root, the editors' admin at
``settings.ADMIN_PATH`` (``DJANGO_ADMIN_PATH``, "admin/" unless set)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from archive.sitemaps import robots_txt, sitemaps

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("", include("archive.urls")),
]
