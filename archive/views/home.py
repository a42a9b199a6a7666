"""The home page: what the archive holds, the most remade films, and recent changes."""

from django.db.models import Count
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import ngettext_lazy
from django.views.generic import TemplateView

from .. import cache, titles
from ..models import Adaptation, Award, Film, Person, Role
from ..models.base import slug_url
from ..models.film import display_title
from ..rows import film_links

#: What the home page counts: (words with the number in bold, the list, the model).
COUNTED = (
    (ngettext_lazy("{count} film", "{count} films", "n"), "archive:film-list", Film),
    (ngettext_lazy("{count} person", "{count} people", "n"), "archive:person-list", Person),
    (ngettext_lazy("{count} credit", "{count} credits", "n"), "archive:person-list", Role),
    (
        ngettext_lazy("{count} adaptation", "{count} adaptations", "n"),
        "archive:adaptation-list",
        Adaptation,
    ),
    (
        ngettext_lazy("{count} award or nomination", "{count} awards and nominations", "n"),
        "archive:award-list",
        Award,
    ),
)


def counted(words, number):
    """ "<strong>12</strong> films", in the language of the request."""
    bold = format_html("<strong>{}</strong>", number_format(number, force_grouping=True))
    return format_html(words % {"n": number}, count=bold)


def totals():
    return [model.objects.count() for _, _, model in COUNTED]


def most_adapted():
    """The five films with the most adaptations, grouped over the adaptations (a few per
    cent of the films), not over every film."""
    top = list(
        Adaptation.objects.values("source_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "source_id")
        .values_list("source_id", "n")[:5]
    )
    films = {
        row["pk"]: row
        for row in Film.objects.filter(pk__in=[pk for pk, _ in top]).values(
            "pk", "slug", "title", "year"
        )
    }
    return [
        {
            "pk": pk,
            "title": display_title(films[pk]["title"]),
            "year": films[pk]["year"],
            "slug": films[pk]["slug"],
            "url": slug_url("archive:film-detail", films[pk]["slug"]),
            "count": n,
        }
        for pk, n in top
        if pk in films
    ]


def recent_films():
    """The six films changed last, with their countries (the home page shows no more)."""
    films = list(
        Film.objects.order_by("-updated_at", "pk").values("pk", "slug", "title", "year")[:6]
    )
    countries = film_links("countries", [film["pk"] for film in films], "code", "name")
    for film in films:
        film["display_title"] = display_title(film["title"])
        film["url"] = slug_url("archive:film-detail", film["slug"])
        film["countries"] = countries.get(film["pk"], [])
    return films


def recent_people():
    """The six people changed last."""
    return [
        {
            "name": name,
            "name_original": original,
            "url": slug_url("archive:person-detail", slug),
        }
        for name, original, slug in Person.objects.order_by("-updated_at", "pk").values_list(
            "name", "name_original", "slug"
        )[:6]
    ]


def home_lists():
    """The most remade films and the films and people changed last, the films with their
    titles in the active language (read for both lists in one query)."""
    most = most_adapted()
    recent = recent_films()
    found = titles.local_titles([film["pk"] for film in (*most, *recent)])
    return {
        "most_adapted": titles.apply_titles(most, found, ("pk", "title", "local_title")),
        "recent_films": titles.apply_titles(recent, found, ("pk", "display_title", "local_title")),
        "recent_people": recent_people(),
    }


class HomeView(TemplateView):
    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # What the home page shows is the same for every visitor in a language until the
        # next edit, which changes the archive's version and so the keys.
        numbers = cache.remember(self.request, "home totals", "", totals)
        context["counts"] = [
            (counted(words, number), url)
            for (words, url, _), number in zip(COUNTED, numbers, strict=True)
        ]
        context.update(cache.remember(self.request, "home lists", "", home_lists))
        return context
