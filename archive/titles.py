"""A film's title in the visitor's language.

A film is shown by the archive's title (``Film.title``) in the default language. In any
other language it is shown by its title in that language when the archive records one (a
``FilmTitle`` of that language: 7번방의 선물 for a Korean visitor), with the archive's title
beside it. One rule chooses that title, for the film page and for every list that names
films (:func:`first_local`); the lists read the titles of all their films at once, in one
query (:func:`local_titles`), and none in the default language.

Lists still sort by the archive's title: the sort walks an index of it, the same in every
language.
"""

from operator import attrgetter

from django.conf import settings
from django.db import connections, router

from .models import FilmTitle, Language
from .names import record_language_code, visitor_language

#: The kinds of title that may stand as a film's title in a language, the first found first:
#: the title it was released under there, else its original title (a film of that
#: language), else another title in that language, else a literal translation.
LOCAL_KINDS = (
    FilmTitle.Kind.RELEASE,
    FilmTitle.Kind.ORIGINAL,
    FilmTitle.Kind.ALTERNATIVE,
    FilmTitle.Kind.LITERAL,
)
_RANK = {kind: rank for rank, kind in enumerate(LOCAL_KINDS)}


def first_local(titles, kind=attrgetter("kind")):
    """The title that stands as a film's title in a language, from ``titles``: that film's
    titles in that language, in the order they were recorded (``kind(title)`` reads a
    title's kind). The first title of the first kind of :data:`LOCAL_KINDS` found; None
    when no title is of those kinds."""
    best, best_rank = None, len(LOCAL_KINDS)
    for title in titles:
        rank = _RANK.get(kind(title), best_rank)
        if rank < best_rank:
            best, best_rank = title, rank
    return best


def page_titles(film, titles, language):
    """The film page's ``(title in the visitor's language, original title)``: the film's
    title in ``language`` (a ``FilmTitle``) when the archive has one that differs from the
    title it shows, and then its original title when that differs again; Nones otherwise
    (the page shows its own title alone). ``titles`` are the film's titles, in the order
    they were recorded within each kind."""
    if language == settings.LANGUAGE_CODE:
        return None, None
    code = record_language_code(language)
    local = first_local(t for t in titles if t.language_id and t.language.code == code)
    if local is None or local.text == film.display_title:
        return None, None
    original = next((t for t in titles if t.kind == FilmTitle.Kind.ORIGINAL), None)
    if original is not None and original.text == local.text:
        original = None
    return local, original


def local_titles(film_ids):
    """``{film id: its title in the active language}`` for those of ``film_ids`` that have
    one: one query, none in the default language or for no films."""
    language = visitor_language()
    ids = {pk for pk in film_ids if pk is not None}
    if language is None or not ids:
        return {}
    # The lists' hot path: one plain query, written out rather than built by the ORM
    # (whose building of it cost more than running it), on the database the router
    # reads titles from.
    connection = connections[router.db_for_read(FilmTitle)]
    ids = sorted(ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT t.film_id, t.kind, t.text FROM {FilmTitle._meta.db_table} t "
            f"JOIN {Language._meta.db_table} l ON l.id = t.language_id "
            f"WHERE l.code = %s AND t.kind IN ({', '.join(['%s'] * len(LOCAL_KINDS))}) "
            f"AND t.film_id IN ({', '.join(['%s'] * len(ids))}) ORDER BY t.film_id, t.id",
            [record_language_code(language), *LOCAL_KINDS, *ids],
        )
        rows = cursor.fetchall()
    by_film = {}
    for film_id, kind, text in rows:
        by_film.setdefault(film_id, []).append((kind, text))
    return {
        film_id: first_local(titles, kind=lambda title: title[0])[1]
        for film_id, titles in by_film.items()
    }


def localize(rows, *sides):
    """Adds to each row the title of its film(s) in the active language where it differs
    from the archive's: each side is ``(id key, title key, key to set)``, the key set to the
    local title or None. One query for every side of every row (:func:`local_titles`)."""
    return apply_titles(rows, local_titles(row[key] for row in rows for key, _, _ in sides), *sides)


def apply_titles(rows, found, *sides):
    """:func:`localize` with the titles already read (``found``, from :func:`local_titles`):
    for a page that names films in rows of several shapes, read at once."""
    for row in rows:
        for id_key, title_key, to in sides:
            local = found.get(row[id_key])
            row[to] = local if local is not None and local != row[title_key] else None
    return rows
