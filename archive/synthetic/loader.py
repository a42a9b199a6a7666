"""Putting generated batches into the database.

The loader keeps the primary key of every film and person it inserted, by their number in
the run (8 bytes each, the only state that grows with the archive): remakes, credits and
awards refer to earlier films and people by number.
"""

from array import array

from django.db.models import Q
from django.utils.text import slugify

from archive.models import (
    Adaptation,
    Award,
    BoxOfficeFigure,
    Ceremony,
    Country,
    Film,
    FilmTitle,
    Genre,
    Language,
    Person,
    Role,
    Source,
)

from .batch import position
from .cultures import CULTURES, PARTNER_CODES
from .errors import MissingReferenceData
from .records import BOX_OFFICE, CEREMONIES, GENRES, SOURCES
from .rows import INSERT_CHUNK, insert_rows


def named(model, name, **fields):
    """The record with this name or its slug (as a fixture may have made it), or a new one."""
    slug = slugify(name)
    found = model.objects.filter(Q(slug=slug) | Q(name=name)).order_by("pk").first()
    return found or model.objects.create(name=name, slug=slug, **fields)


class Loader:
    def __init__(self, seed, films):
        """Look up the languages and countries used and make the genres, ceremonies and
        sources that are missing (call inside a transaction)."""
        codes = {culture.code for culture in CULTURES}
        self.languages = dict(Language.objects.filter(code__in=codes).values_list("code", "pk"))
        country_codes = {code for culture in CULTURES for code, *_ in culture.countries}
        country_codes |= set(PARTNER_CODES) | {country for _, country, *_ in CEREMONIES}
        self.countries = dict(
            Country.objects.filter(code__in=country_codes).values_list("code", "pk")
        )
        missing = sorted((codes - set(self.languages)) | (country_codes - set(self.countries)))
        if missing:
            raise MissingReferenceData(
                f"The languages or countries {', '.join(missing)} are missing: run migrate."
            )
        self.genres = [named(Genre, name).pk for name, _ in GENRES]
        self.ceremonies = [
            named(Ceremony, name, country_id=self.countries[country]).pk
            for name, country, *_ in CEREMONIES
        ]
        note = f"Made up by generate_archive (seed {seed}, {films} films); not a real source."
        self.sources = [
            Source.objects.get_or_create(
                key=key, defaults={"title": title, "publisher": publisher, "note": note}
            )[0].pk
            for key, title, publisher in SOURCES
        ]
        self.film_pks, self.person_pks = array("q"), array("q")
        self.totals = dict.fromkeys(
            ("people", "titles", "roles", "adaptations", "awards", "figures"), 0
        )

    def insert(self, batch):
        """Insert a batch (call inside a transaction)."""
        languages, countries, sources = self.languages, self.countries, self.sources
        totals = self.totals

        # Films and people are referred to by later rows: bulk_create gives their keys back.
        people = [Person(*values) for values in batch.people]
        Person.objects.bulk_create(people, batch_size=INSERT_CHUNK)
        self.person_pks.extend(person.pk for person in people)
        films = []
        at = position(Film, "original_language_id")
        for values, language in batch.films:
            values[at] = languages[language]
            films.append(Film(*values))
        Film.objects.bulk_create(films, batch_size=INSERT_CHUNK)
        self.film_pks.extend(film.pk for film in films)
        film_pk, person_pk = self.film_pks, self.person_pks  # by number - 1

        # Titles and credits, most of the rows, need no primary key back: plain rows.
        titles = []
        at_film, at_language = position(FilmTitle, "film_id"), position(FilmTitle, "language_id")
        for film, values, language in batch.titles:
            values[at_film], values[at_language] = film_pk[film - 1], languages[language]
            titles.append(values)
        insert_rows(FilmTitle, titles)
        roles = []
        at_film, at_person = position(Role, "film_id"), position(Role, "person_id")
        for film, person, values in batch.roles:
            values[at_film], values[at_person] = film_pk[film - 1], person_pk[person - 1]
            roles.append(values)
        insert_rows(Role, roles)

        for through, column, links, pks in (
            (Film.countries.through, "country_id", batch.countries, countries),
            (Film.genres.through, "genre_id", batch.genres, self.genres),
            (Film.sources.through, "source_id", batch.sources, sources),
        ):
            through.objects.bulk_create(
                [through(film_id=film_pk[film - 1], **{column: pks[key]}) for film, key in links],
                batch_size=INSERT_CHUNK,
            )
        Adaptation.objects.bulk_create(
            [
                Adaptation(
                    source_id=film_pk[source - 1],
                    adaptation_id=film_pk[film - 1],
                    kind=kind,
                    note=note,
                )
                for source, film, kind, note in batch.adaptations
            ],
            batch_size=INSERT_CHUNK,
        )
        Award.objects.bulk_create(
            [
                Award(
                    ceremony_id=self.ceremonies[ceremony],
                    edition=year - CEREMONIES[ceremony][2] + 1,
                    year=year,
                    category=category,
                    result=result,
                    film_id=film_pk[film - 1],
                    person_id=person_pk[person - 1] if person else None,
                )
                for film, ceremony, year, category, result, person in batch.awards
            ],
            batch_size=INSERT_CHUNK,
        )
        figures = [
            BoxOfficeFigure(film_id=film_pk[film - 1], **fields)
            for film, fields, _ in batch.figures
        ]
        BoxOfficeFigure.objects.bulk_create(figures, batch_size=INSERT_CHUNK)
        FigureSource = BoxOfficeFigure.sources.through
        FigureSource.objects.bulk_create(
            [
                FigureSource(boxofficefigure_id=figure.pk, source_id=sources[BOX_OFFICE])
                for figure, (_, _, sourced) in zip(figures, batch.figures, strict=True)
                if sourced
            ],
            batch_size=INSERT_CHUNK,
        )
        totals["people"] += len(people)
        totals["titles"] += len(titles)
        totals["roles"] += len(roles)
        totals["adaptations"] += len(batch.adaptations)
        totals["awards"] += len(batch.awards)
        totals["figures"] += len(figures)
