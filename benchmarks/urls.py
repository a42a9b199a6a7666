"""The benchmark's reference pages, served beside the archive (benchmarks/wsgi.py).

- ``/bench/ceiling/``: a constant template, the framework's ceiling on this machine;
- ``/bench/rows/``: a bare view listing 25 films with one query and a plain template;
- ``/bench/admin/``: the archive's admin again, on an admin site of the benchmark's own, where
  a film's form has none of its parts (inlines): the reference of the admin's film form.

All go through the same middleware as every archive page.
"""

from django.apps import apps
from django.contrib import admin
from django.http import HttpResponse
from django.template import Context, Engine
from django.urls import path

from archive.admin.film import FilmAdmin
from archive.admin_site import ArchiveAdminSite
from archive.models import Film
from config.urls import urlpatterns as archive_patterns

_engine = Engine()
_CEILING = _engine.from_string(
    "<!DOCTYPE html><html lang=en><title>Ceiling</title><h1>{{ heading }}</h1>"
    "<p>A constant page.</p></html>"
)
_ROWS = _engine.from_string(
    "<!DOCTYPE html><html lang=en><title>Rows</title><table>"
    "{% for film in films %}<tr><td><a href='/films/{{ film.slug }}/'>{{ film.title }}</a>"
    "</td><td>{{ film.year }}</td></tr>{% endfor %}</table></html>"
)


def ceiling(request):
    return HttpResponse(_CEILING.render(Context({"heading": "Film archive"})))


def rows(request):
    films = Film.objects.order_by("-id").values("slug", "title", "year")[:25]
    return HttpResponse(_ROWS.render(Context({"films": films})))


class FilmFormWithoutParts(FilmAdmin):
    """The film's admin, its fields and fieldsets as they are, without its inline parts."""

    def get_inlines(self, request, obj):
        return []


# Every archive admin is registered here too: the widgets of the film's form reach their
# targets' autocomplete through the site the form is on.
bench_admin = ArchiveAdminSite(name="bench_admin")
for model in apps.get_app_config("archive").get_models():
    if admin.site.is_registered(model):
        model_admin = admin.site.get_model_admin(model)
        bench_admin.register(model, FilmFormWithoutParts if model is Film else type(model_admin))

urlpatterns = [
    path("bench/ceiling/", ceiling),
    path("bench/rows/", rows),
    path("bench/admin/", bench_admin.urls),
    # The archive's own patterns, not an include(): its i18n_patterns must be at the root.
    *archive_patterns,
]
