"""Links that change one part of the current query and keep the rest."""

import functools
from urllib.parse import quote_plus


@functools.lru_cache(maxsize=4096)
def _quoted(text):
    """``quote_plus`` of a parameter's name or value: a list page's facet and filter links
    repeat the same few dozen of them."""
    return quote_plus(text)


def query_url(params, **changes):
    """``?`` + ``params`` (a QueryDict) with some parameters replaced (a list or one value)
    or removed (``None``, ``[]``, ``""``); the page number is always dropped, since a
    changed selection starts again at page 1. Encoded as Django's ``urlencode(...,
    doseq=True)`` does."""
    data = {key: [v for v in params.getlist(key) if v.strip()] for key in params}
    data.pop("page", None)
    for key, values in changes.items():
        if values in (None, [], ""):
            data.pop(key, None)
        else:
            data[key] = values if isinstance(values, list) else [values]
    pairs = [
        f"{_quoted(str(key))}={_quoted(str(value))}"
        for key, values in data.items()
        for value in values
    ]
    return "?" + "&".join(pairs) if pairs else "?"
