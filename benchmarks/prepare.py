"""Run by bench.py inside Django: make the benchmark's pages exist and count their queries.

Prints one JSON object: the URLs to measure, and each URL's query count.
"""

import json
import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from archive.models import Film, Person, Role  # noqa: E402

BENCH_SLUG = "miracle-in-cell-no-7-2013"
CREDITS = 50


def film_with_fifty_credits():
    film = Film.objects.get(slug=BENCH_SLUG)
    missing = CREDITS - film.roles.count()
    if missing > 0:
        taken = film.roles.values("person_id")
        people = Person.objects.exclude(pk__in=taken).order_by("pk")[:missing]
        with transaction.atomic():
            for billing, person in enumerate(people, start=film.roles.count() + 1):
                Role.objects.create(
                    film=film,
                    person=person,
                    kind=Role.Kind.ACTOR,
                    character=f"Inmate {billing}",
                    billing=billing,
                )
    return film


def pages():
    film = film_with_fifty_credits()
    person = Person.objects.annotate(n=Count("roles")).order_by("-n", "pk").first()
    country = "KR"
    # A search word taken from the data, so the search finds something at any size.
    sample = Film.objects.order_by("pk").exclude(title="")[Film.objects.count() // 2]
    word = max(sample.title_folded.split(), key=len)[:6]
    return {
        "home": "/",
        "films": "/films/",
        "films filtered": f"/films/?country={country}&year_min=1990&year_max=2010",
        "search": f"/films/?q={word}",
        f"film page ({film.roles.count()} credits)": film.get_absolute_url(),
        "person page": person.get_absolute_url(),
        "awards": "/awards/",
        "CSV export": f"/films/?country={country}&year_min=2000&year_max=2005&format=csv",
    }


def query_counts(urls):
    client = Client()
    counts = {}
    with override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False):
        for name, url in urls.items():
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
                if getattr(response, "streaming", False):
                    b"".join(response.streaming_content)
            counts[name] = {"status": response.status_code, "queries": len(queries)}
    return counts


if __name__ == "__main__":
    urls = pages()
    print(
        json.dumps(
            {
                "urls": urls,
                "counts": query_counts(urls),
                "films": Film.objects.count(),
                "credits": Role.objects.count(),
            }
        )
    )
