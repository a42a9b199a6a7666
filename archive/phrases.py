"""The sentence above a list: "12 films from South Korea or Turkey, released 2000–2010,
newest first."

One table says how each list's parameters read. A phrase is a format string whose ``{}``
takes the parameter's value(s) in words (records by name, choices by their label, joined
with "or"), or a function of the cleaned value for the few that read otherwise. Year ranges
(two parameters, one phrase) have a function of both values. Adding a filter to a list
means adding its phrase here.

Every phrase is translated (``gettext_lazy``: read in the language of the request); a year
range has one whole message per form, so that each language words it in its own order.
"""

from django.db.models import Model
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

#: How each list's parameters read; the key is the FilterSet's list name.
PHRASES = {
    "films": {
        "q": _("matching “{}”"),
        "country": _("from {}"),
        "language": pgettext_lazy("a film's language", "in {}"),
        "genre": _("in the genre {}"),
        "status": _("with status {}"),
        "person": _("with {}"),
        ("year_min", "year_max"): lambda low, high: year_range(low, high, RELEASED),
        "adapted": lambda value: {
            "yes": gettext("with adaptations"),
            "no": gettext("without adaptations"),
        }[value],
    },
    "people": {
        "q": _("named “{}”"),
        "role": _("credited as {}"),
        "film": pgettext_lazy("a film", "in {}"),
    },
    "adaptations": {
        "q": _("matching “{}”"),
        "source": _("of {}"),
        "kind": _("of the kind {}"),
        "country": _("from {}"),
        "language": pgettext_lazy("a film's language", "in {}"),
        ("year_min", "year_max"): lambda low, high: year_range(low, high, MADE),
    },
    "awards": {
        "q": _("matching “{}”"),
        "ceremony": _("at the {}"),
        "year": pgettext_lazy("a year", "in {}"),
        "category": _("in a category matching “{}”"),
        "result": lambda value: gettext("won") if value == "won" else gettext("nominated only"),
        "person": _("for {}"),
        "film": _("for the film {}"),
    },
}


def names(words):
    """ "South Korea, Turkey or India"."""
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return gettext("%(some)s or %(last)s") % {"some": ", ".join(words[:-1]), "last": words[-1]}


def in_words(value, field):
    """A cleaned parameter value in words: records by name, choices by their label."""
    items = list(value) if isinstance(value, list | tuple) or hasattr(value, "model") else [value]
    if all(isinstance(item, Model) for item in items):
        return names(items)
    labels = dict(getattr(field, "choices", None) or ())
    return names(str(labels[item]).lower() if item in labels else item for item in items)


#: The words of a year range, by its verb: (one year, a range, from a year, up to a year).
RELEASED = (
    _("released in %(year)s"),
    _("released %(low)s–%(high)s"),
    _("released in %(year)s or later"),
    _("released in %(year)s or earlier"),
)
MADE = (
    _("made in %(year)s"),
    _("made %(low)s–%(high)s"),
    _("made in %(year)s or later"),
    _("made in %(year)s or earlier"),
)


def year_range(year_min, year_max, words):
    one, both, since, until = words
    if year_min and year_max:
        if year_min == year_max:
            return one % {"year": year_min}
        return both % {"low": year_min, "high": year_max}
    if year_min:
        return since % {"year": year_min}
    if year_max:
        return until % {"year": year_max}
    return ""


def joined(phrases):
    """The phrases of a selection in one run of words: spaced in English, between commas
    where a language reads them as a list."""
    return pgettext("between the phrases that describe a selection", " ").join(phrases)


def describe(list_name, form):
    """The phrases for a list's valid, active parameters, in the table's order."""
    data = form.cleaned_data
    phrases = []
    for name, phrase in PHRASES[list_name].items():
        if isinstance(name, tuple):
            text = phrase(*(data.get(part) for part in name))
            if text:
                phrases.append(text)
            continue
        value = data.get(name)
        if value is None or (not isinstance(value, int) and not value):
            continue
        if callable(phrase):
            phrases.append(phrase(value))
        else:
            phrases.append(phrase.format(in_words(value, form.fields[name])))
    return phrases
