"""Links that change one part of the current query and keep the rest."""

from django.utils.http import urlencode


def query_url(params, **changes):
    """``?`` + ``params`` (a QueryDict) with some parameters replaced (a list or one value)
    or removed (``None``, ``[]``, ``""``); the page number is always dropped, since a
    changed selection starts again at page 1."""
    data = {key: [v for v in params.getlist(key) if v.strip()] for key in params}
    data.pop("page", None)
    for key, values in changes.items():
        if values in (None, [], ""):
            data.pop(key, None)
        else:
            data[key] = values if isinstance(values, list) else [values]
    data = {key: values for key, values in data.items() if values}
    return "?" + urlencode(data, doseq=True) if data else "?"
