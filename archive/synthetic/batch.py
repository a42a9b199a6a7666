"""A batch of generated films as plain values, ready to cross between processes."""

from archive.signals import derive_search_fields


def derived(instance):
    """The field values of a new record, in field order, once its search columns are derived.

    Films, titles, people and credits are built and derived where they are generated (in
    the second process when there is one, which spares the inserting process the text
    folding); they cross as these plain values because pickling a model instance costs as
    much as building it. The inserting process sets the foreign keys and rebuilds them with
    ``Model(*values)``, as Django builds the rows it reads.
    """
    derive_search_fields(instance)
    return [getattr(instance, field.attname) for field in instance._meta.concrete_fields]


def position(model, attname):
    """The index of a field in the values of :func:`derived`."""
    return [field.attname for field in model._meta.concrete_fields].index(attname)


class Batch:
    """The rows of a batch of films as plain data: films and people are referred to by
    their number in the run (from 1), since their primary keys come from the database."""

    def __init__(self):
        self.people = []  # derived Person values
        self.films = []  # (derived Film values, language code)
        self.titles = []  # (film, derived FilmTitle values, language code)
        self.roles = []  # (film, person, derived Role values)
        self.countries = []  # (film, country code)
        self.genres = []  # (film, index in GENRES)
        self.sources = []  # (film, index in SOURCES)
        self.adaptations = []  # (source film, film, kind, note)
        self.awards = []  # (film, index in CEREMONIES, year, category, result, person or 0)
        self.figures = []  # (film, BoxOfficeFigure fields, has the box-office source)
