"""The sitemap (every film and person page, and the lists) and robots.txt.

Wired in ``config/urls.py``::

    from archive.sitemaps import robots_txt, sitemap_xml

    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),

Both answer GET and HEAD only (405 otherwise, OPTIONS and TRACE included).

Every address is listed in each language (``i18n``), with its ``hreflang`` alternates and an
``x-default`` (English, unprefixed): Django's own sitemap options.

Django's sitemap view splits into pages of 50,000 URLs by itself (``?p=2``); an archive that
outgrows a few pages would move to ``django.contrib.sitemaps.views.index``.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from .models import Film, Person


class ArchiveSitemap(Sitemap):
    """Each page in every language of ``settings.LANGUAGES``, with its alternates."""

    i18n = True
    alternates = True
    x_default = True


class FilmSitemap(ArchiveSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Film.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, film):
        return film.updated_at


class PersonSitemap(ArchiveSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Person.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, person):
        return person.updated_at


class StaticViewSitemap(ArchiveSitemap):
    """The home page and the public lists (without filters: each filter is a view of these)."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        return [
            "archive:home",
            "archive:film-list",
            "archive:person-list",
            "archive:adaptation-list",
            "archive:award-list",
        ]

    def location(self, name):
        return reverse(name)


sitemaps = {
    "static": StaticViewSitemap,
    "films": FilmSitemap,
    "people": PersonSitemap,
}


@require_safe
def sitemap_xml(request):
    """Django's sitemap view for ``sitemaps``, for reading only: that view answers any
    method, and a robot has no need of any but GET and HEAD."""
    return sitemap(request, sitemaps)


@require_safe
def robots_txt(request):
    """Let robots read the public archive and tell them where the sitemap is.

    The admin at its well-known default, /admin/, is disallowed. An admin moved elsewhere
    with DJANGO_ADMIN_PATH is not named here: robots.txt is public, and naming the path
    would undo the move (the admin's pages need a sign-in and are not linked publicly).
    """
    lines = ["User-agent: *"]
    try:
        admin = reverse("admin:index")
    except NoReverseMatch:
        admin = None
    if admin == "/admin/":
        lines.append(f"Disallow: {admin}")
    else:
        lines.append("Disallow:")
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
