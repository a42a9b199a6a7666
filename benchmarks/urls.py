"""The benchmark's two reference pages, served beside the archive (benchmarks/wsgi.py).

- ``/bench/ceiling/``: a constant template, the framework's ceiling on this machine;
- ``/bench/rows/``: a bare view listing 25 films with one query and a plain template.

Both go through the same middleware as every archive page.
"""

from django.http import HttpResponse
from django.template import Context, Engine
from django.urls import include, path

from archive.models import Film

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


urlpatterns = [
    path("bench/ceiling/", ceiling),
    path("bench/rows/", rows),
    path("", include("config.urls")),
]
