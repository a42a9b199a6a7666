"""Small factories and page helpers shared by the public-side tests.

No dependency beyond Django: each factory is a plain function that creates one record
(through ``save()``, so the search columns are derived as in the admin) with defaults that
satisfy the database constraints. ``grow_archive()`` adds many rows of every kind, for the
tests that prove a page makes the same number of queries whatever the size of the archive.
"""

import html
import itertools
import json
import re
from contextlib import contextmanager
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from archive import standing
from archive.models import (
    Adaptation,
    Award,
    BoxOfficeFigure,
    Ceremony,
    Country,
    ExternalLink,
    Film,
    FilmNote,
    FilmTitle,
    Genre,
    Language,
    Person,
    Role,
    Source,
)

FIXTURE = "miracle_in_cell_no_7"
ORIGINAL = "miracle-in-cell-no-7-2013"
TURKISH = "7-kogustaki-mucize-2019"
PHILIPPINE = "miracle-in-cell-no-7-2019"
INDONESIAN = "miracle-in-cell-no-7-2022"
KANNADA = "pushpaka-vimana-2017"
HINDI = "untitled-hindi-remake-of-miracle-in-cell-no-7"
ALL_FILMS = {ORIGINAL, TURKISH, PHILIPPINE, INDONESIAN, KANNADA, HINDI}
ADAPTATIONS = ALL_FILMS - {ORIGINAL}

_counter = itertools.count(1)


def load_archive():
    """The seed record set: 6 films, 30 people, 31 credits, 5 adaptations, 7 awards."""
    call_command("loaddata", FIXTURE, verbosity=0)


#: The rows the seed fixture's load wrote, by database: ``[(table, columns, rows)]``.
_seed_rows = {}


def archive_tables():
    """The archive's tables (records, their link tables, history, fixture loads)."""
    return [
        model
        for model in apps.get_app_config("archive").get_models(include_auto_created=True)
        if not model._meta.proxy
    ]


def seed_rows():
    """Every row of the archive's tables, as the database gives them."""
    rows = []
    with connection.cursor() as cursor:
        for model in archive_tables():
            table = connection.ops.quote_name(model._meta.db_table)
            # In key order: a table's rows come back in no set order otherwise (PostgreSQL
            # gives an updated row after the others).
            key = connection.ops.quote_name(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {key}")
            found = cursor.fetchall()
            if found:
                columns = [column[0] for column in cursor.description]
                rows.append((model, columns, found))
    return rows


def copy_seed_rows(rows):
    """Make the archive's tables hold ``rows`` (``seed_rows()`` after a load), ids and all:
    what the load wrote, without its natural-key look-ups. The tables' rows of before (the
    reference data the migrations wrote) are replaced, as the load may have changed them.
    The search triggers (SQLite) index the rows as they come; the id sequences (PostgreSQL)
    are moved past them."""
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":  # psycopg reads JSON as dicts, writes them wrapped
        from psycopg.types.json import Jsonb

        rows = [
            (model, columns, [[json_value(v, Jsonb) for v in row] for row in found])
            for model, columns, found in rows
        ]
    # One transaction: the foreign keys are checked at its end, once every table is full.
    with transaction.atomic(), connection.cursor() as cursor:
        for model, _, _ in rows:
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")
        for model, columns, found in rows:
            names = ", ".join(quote(column) for column in columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})", found
            )
        for sql in connection.ops.sequence_reset_sql(no_style(), [m for m, _, _ in rows]):
            cursor.execute(sql)


def json_value(value, wrap):
    return wrap(value) if isinstance(value, dict | list) else value


def load_archive_once_per_process():
    """The seed, as ``load_archive()`` writes it. The first load of a test process runs
    ``loaddata`` and remembers the rows it wrote; later loads copy those rows, which gives
    the same database for a fraction of the time (``test_factories.py`` proves it)."""
    key = (connection.alias, connection.settings_dict["NAME"])
    if key in _seed_rows:
        copy_seed_rows(_seed_rows[key])
    else:
        load_archive()
        _seed_rows[key] = seed_rows()


@contextmanager
def data_for_module(django_db_blocker, build):
    """What ``build()`` writes, written once for a whole test module, and no trace of it left.

    ``build`` runs inside an outer transaction that is rolled back when the module is done;
    each test's own transaction (pytest-django's ``db``) nests inside it as a savepoint, so
    a test's changes are rolled back after it and the next test sees the data again, exactly
    as with Django's ``TestCase.setUpTestData``. Yields what ``build`` returned.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def archive_for_module(django_db_blocker):
    """The seed fixture (``load_archive_once_per_process``), once for a whole test module."""
    return data_for_module(django_db_blocker, load_archive_once_per_process)


#: Requests are made over HTTPS, as in production (plain HTTP is redirected there).
BASE = "https://testserver"


def get(client, url, **kwargs):
    """A request that the public page cache cannot answer (every page is built afresh)."""
    cache.clear()
    kwargs.setdefault("secure", True)
    return client.get(url, **kwargs)


def unique(prefix):
    return f"{prefix}-{next(_counter)}"


def genre(slug, name=None):
    return Genre.objects.get_or_create(slug=slug, defaults={"name": name or slug.title()})[0]


def source(key=None, **fields):
    key = key or unique("source")
    fields.setdefault("title", f"Source {key}")
    return Source.objects.create(key=key, **fields)


def film(title=None, year=2000, *, countries=(), language=None, genres=(), **fields):
    """A film; ``countries`` are ISO codes, ``language`` an ISO 639 code, ``genres`` slugs."""
    if title is None:
        title = unique("Film")
    if language:
        fields["original_language"] = Language.objects.get(code=language)
    record = Film.objects.create(title=title, year=year, **fields)
    if countries:
        record.countries.set(Country.objects.filter(code__in=countries))
    if genres:
        record.genres.set([genre(slug) for slug in genres])
    return record


def person(name=None, **fields):
    return Person.objects.create(name=name or unique("Person"), **fields)


def role(film, person, kind=Role.Kind.ACTOR, **fields):
    return Role.objects.create(film=film, person=person, kind=kind, **fields)


def title(film, text, kind=FilmTitle.Kind.RELEASE, language=None, **fields):
    if language:
        fields["language"] = Language.objects.get(code=language)
    return FilmTitle.objects.create(film=film, text=text, kind=kind, **fields)


def ceremony(slug=None, name=None):
    slug = slug or unique("ceremony")
    return Ceremony.objects.get_or_create(slug=slug, defaults={"name": name or slug.title()})[0]


def award(film, category=None, *, person=None, ceremony_=None, year=2013, **fields):
    fields.setdefault("result", Award.Result.WON)
    return Award.objects.create(
        ceremony=ceremony_ or ceremony(),
        year=year,
        category=category or unique("Category"),
        film=film,
        person=person,
        **fields,
    )


def adaptation(source_film, adapted_film, kind=Adaptation.Kind.OFFICIAL_REMAKE, **fields):
    return Adaptation.objects.create(
        source=source_film, adaptation=adapted_film, kind=kind, **fields
    )


def grow_archive(films=40, credits=60, awards=30, adaptations=10):
    """Add many rows of every kind around the seed films and people.

    - ``films`` new films, each with two countries, two genres, a language, three titles
      (one in Korean, which the Korean pages show), a director and an actor; Ryu
      Seung-ryong acts in every one of them;
    - ``credits`` more credits on the original film (new people, each an actor with a
      character), and the same people in the people list;
    - ``awards`` more awards for the original, half of them for Ryu Seung-ryong;
    - ``adaptations`` more adaptations of the original, each with its country;
    - more titles, figures, links and notes on the original, each with a source.

    The films' and people's standing is refreshed once, at the end, as an admin page that
    saves many rows does (``standing.batched``).
    """
    with standing.batched():
        return grown(films, credits, awards, adaptations)


def grown(films, credits, awards, adaptations):
    original = Film.objects.get(slug=ORIGINAL)
    ryu = Person.objects.get(slug="ryu-seung-ryong")
    codes = ["FR", "DE", "JP", "US", "KR", "TR"]
    languages = ["fr", "de", "ja", "en"]
    slugs = ["thriller", "comedy", "drama", "family"]
    new_films = []
    for number in range(films):
        record = film(
            f"Growth film {number}",
            1990 + number % 30,
            countries=[codes[number % 6], codes[(number + 1) % 6]],
            language=languages[number % 4],
            genres=[slugs[number % 4], slugs[(number + 1) % 4]],
        )
        title(record, f"Titre {number}", FilmTitle.Kind.ORIGINAL, "fr")
        title(record, f"Titel {number}", FilmTitle.Kind.LITERAL, "de")
        title(record, f"성장 영화 {number}", FilmTitle.Kind.RELEASE, "ko")
        role(record, person(), Role.Kind.DIRECTOR)
        role(record, ryu, character=f"Character {number}", billing=1)
        new_films.append(record)
    for number in range(credits):
        role(original, person(), character=f"Inmate {number}", billing=20 + number)
    ceremonies = [ceremony() for _ in range(3)]
    for number in range(awards):
        award(
            original,
            f"Growth category {number}",
            person=ryu if number % 2 else None,
            ceremony_=ceremonies[number % 3],
            year=2013 + number % 3,
            result=Award.Result.WON if number % 3 else Award.Result.NOMINATED,
            edition=number + 1,
        ).sources.add(source())
    for record in new_films[:adaptations]:
        adaptation(original, record, note="Growth adaptation")
    cited = source()
    for number in range(10):
        title(original, f"Extra title {number}", FilmTitle.Kind.ALTERNATIVE, "en").sources.add(
            cited
        )
        BoxOfficeFigure.objects.create(
            film=original,
            kind=BoxOfficeFigure.Kind.ADMISSIONS,
            key=f"growth-{number}",
            value=100000 * (number + 1),
            days_since_release=60 + number,
        ).sources.add(source())
        ExternalLink.objects.create(
            film=original,
            site=ExternalLink.Site.OTHER,
            label=f"Growth link {number}",
            url=f"https://example.org/{number}",
        )
        FilmNote.objects.create(film=original, topic=f"Growth note {number}", text="…").sources.add(
            source()
        )
    return new_films


# Reading pages.


def body(response):
    """The text of a response, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def summary(response):
    """The plain sentence above a list."""
    match = re.search(r'<p class="summary" id="summary">(.*?)</p>', body(response), re.S)
    assert match, "no summary sentence on the page"
    return _text(match.group(1))


def row_links(response, prefix="/"):
    """The record links in the rows of a list's table, in order."""
    text = body(response)
    start = text.index('<table class="records">') if '<table class="records">' in text else 0
    table = text[start : text.index("</table>", start)] if start else ""
    picture = r"\s*(?:<picture.*?</picture>|<img [^>]*>)?\s*"  # a row's poster, if any
    return re.findall(
        rf'<th scope="row"[^>]*>{picture}<a href="({re.escape(prefix)}[^"]*)"', table, re.S
    )


def jsonld(response):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body(response), re.S)
    assert match, "no JSON-LD script on the page"
    return json.loads(match.group(1))


def link_params(href):
    """The query parameters of a link, as a dict of lists (``{"country": ["KR", "TR"]}``)."""
    return parse_qs(urlsplit(href.replace("&amp;", "&")).query, keep_blank_values=True)


class _TableParser(HTMLParser):
    """Collects the rows of the first table with a given class, each as a list of cell texts."""

    def __init__(self, css_class):
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.depth = 0
        self.rows = []
        self.cell = None
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        attrs = dict(attrs)
        if tag == "table" and not self.depth and self.css_class in (attrs.get("class") or ""):
            self.depth = 1
        elif self.depth and tag == "table":
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("td", "th"):
            self.cell = []
        elif self.depth and tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if not self.depth or self.done:
            return
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "table":
            self.depth -= 1
            self.done = not self.depth

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table_rows(response, css_class):
    parser = _TableParser(css_class)
    parser.feed(body(response))
    return parser.rows


def _text(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()
