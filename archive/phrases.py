"""The sentence above a list: "12 films from South Korea or Turkey, released 2000–2010,
newest first."

One table says how each list's parameters read. A phrase is a format string whose ``{}``
takes the parameter's value(s) in words (records by name, choices by their label, joined
with "or"), or a function of the cleaned value for the few that read otherwise. Year ranges
(two parameters, one phrase) have a function of both values. Adding a filter to a list
means adding its phrase here.
"""

from django.db.models import Model

#: How each list's parameters read; the key is the FilterSet's list name.
PHRASES = {
    "films": {
        "q": "matching “{}”",
        "country": "from {}",
        "language": "in {}",
        "genre": "in the genre {}",
        "status": "with status {}",
        "person": "with {}",
        ("year_min", "year_max"): lambda low, high: year_range(low, high, "released"),
        "adapted": lambda value: {"yes": "with adaptations", "no": "without adaptations"}[value],
    },
    "people": {
        "q": "named “{}”",
        "role": "credited as {}",
        "film": "in {}",
    },
    "adaptations": {
        "q": "matching “{}”",
        "source": "of {}",
        "kind": "of the kind {}",
        "country": "from {}",
        "language": "in {}",
        ("year_min", "year_max"): lambda low, high: year_range(low, high, "made"),
    },
    "awards": {
        "q": "matching “{}”",
        "ceremony": "at the {}",
        "year": "in {}",
        "category": "in a category matching “{}”",
        "result": lambda value: "won" if value == "won" else "nominated only",
        "person": "for {}",
        "film": "for the film {}",
    },
}


def names(words, joiner="or"):
    """ "South Korea, Turkey or India"."""
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {joiner} {words[-1]}"


def in_words(value, field):
    """A cleaned parameter value in words: records by name, choices by their label."""
    items = list(value) if isinstance(value, list | tuple) or hasattr(value, "model") else [value]
    if all(isinstance(item, Model) for item in items):
        return names(items)
    labels = dict(getattr(field, "choices", None) or ())
    return names(str(labels[item]).lower() if item in labels else item for item in items)


def year_range(year_min, year_max, verb):
    if year_min and year_max:
        if year_min == year_max:
            return f"{verb} in {year_min}"
        return f"{verb} {year_min}–{year_max}"
    if year_min:
        return f"{verb} in {year_min} or later"
    if year_max:
        return f"{verb} in {year_max} or earlier"
    return ""


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
