"""The benchmark's pages: which URLs stand for home, the lists, a film, a person, the export,
and the admin's film form. Every public page is measured in every language of the archive:
its English address, then the same page under ``/ko/`` and ``/tr/`` (keys "home (ko)",
"home (tr)"), which must keep the English page's target.

Needs Django set up (benchmarks/measure.py does it). The pages are found in the data, so that
they exist at any archive size; the only changes made are to give the seed fixture's film 50
credits, the film page and film form measured, and to add the superuser the admin pages are
asked as.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.test import Client
from django.urls import reverse, translate_url
from django.utils.translation import get_language_info

from archive.models import Film, Person, Role

BENCH_SLUG = "miracle-in-cell-no-7-2013"
CREDITS = 50
COUNTRY = "KR"
#: The export's selection: about 750 rows in the 100,000-film archive of seed 1.
EXPORT_QUERY = f"country={COUNTRY}&year_min=2000&year_max=2005&format=csv"


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
    """``{key: (path, label)}`` in the order of the report; the keys name the targets. Each
    page in English, followed by the same page in each other language."""
    return {
        key: page
        for english_key, (path, label) in english_pages().items()
        for key, page in in_every_language(english_key, path, label)
    }


def in_every_language(key, path, label):
    """The page ``(key, (path, label))`` in English, then in each other language of
    ``settings.LANGUAGES``: "home (ko)" at ``/ko/``, labelled with its own address where the
    label shows one, else with the language's name ("film page (50 credits) in Korean")."""
    yield key, (path, label)
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        translated = translate_url(path, code)
        if f"`{path}`" in label:
            translated_label = label.replace(f"`{path}`", f"`{translated}`")
        else:
            translated_label = f"{label} in {get_language_info(code)['name']}"
        yield f"{key} ({code})", (translated, translated_label)


def english_pages():
    """``{key: (path, label)}``: the pages at their English (unprefixed) addresses."""
    film = film_with_fifty_credits()
    person = Person.objects.annotate(n=Count("roles")).order_by("-n", "pk").first()
    # A search word taken from the data, so the search finds something at any size.
    sample = Film.objects.order_by("pk").exclude(title="")[Film.objects.count() // 2]
    word = max(sample.title_folded.split(), key=len)[:6]
    return {
        "home": ("/", "home"),
        "films": ("/films/", "`/films/`"),
        "films filtered": (
            f"/films/?country={COUNTRY}&year_min=1990&year_max=2010",
            f"`/films/?country={COUNTRY}&year_min=1990&year_max=2010`",
        ),
        "search": (f"/films/?q={word}", f"search `/films/?q={word}`"),
        "search everything": (f"/search/?q={word}", f"`/search/?q={word}`"),
        "suggestions": (f"/search/suggest/?q={word}", f"`/search/suggest/?q={word}`"),
        "film page": (film.get_absolute_url(), f"film page ({film.roles.count()} credits)"),
        "person page": (person.get_absolute_url(), f"person page ({person.n} credits)"),
        "awards": ("/awards/", "`/awards/`"),
        "CSV export": (f"/films/?{EXPORT_QUERY}", "CSV export"),
    }


#: The account the admin pages are asked as.
ADMIN_USER = "benchmark-admin"


def admin_pages():
    """The admin's film form with its 50 credits and every other part, and the same film's
    form without its parts (inlines), on the benchmark's own admin site
    (benchmarks/urls.py): the reference of the admin's table."""
    film = film_with_fifty_credits()
    credits = film.roles.count()
    return {
        "plain film form": (
            reverse("bench_admin:archive_film_change", args=[film.pk]),
            "film form without its parts (no inlines)",
        ),
        "film form": (
            reverse("admin:archive_film_change", args=[film.pk]),
            f"film form with its parts ({credits} credits)",
        ),
    }


def admin_client():
    """A test client signed in as a superuser (created on first use)."""
    user, created = get_user_model().objects.get_or_create(
        username=ADMIN_USER, defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        user.set_unusable_password()
        user.save()
    client = Client()
    client.force_login(user)
    return client


def archive_size():
    return {"films": Film.objects.count(), "credits": Role.objects.count()}
