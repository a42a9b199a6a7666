"""What the film and person pages share: ``?format=json``, and the sources a page cites."""

from django.http import JsonResponse


class JsonFormatMixin:
    """``?format=json`` on a record page answers the whole record as JSON
    (``get_record(context)``); any other format but html is a message on the page."""

    def render_to_response(self, context, **response_kwargs):
        output = self.request.GET.get("format") or "html"
        if output == "json":
            return JsonResponse(
                self.get_record(context),
                json_dumps_params={"ensure_ascii": False, "indent": 2},
            )
        if output != "html":
            context["errors"] = [f"Unknown format “{output}”: use html or json."]
        return super().render_to_response(context, **response_kwargs)


def cited_sources(*groups):
    """Every source cited on a page, once each, in the order first cited."""
    seen = {}
    for group in groups:
        for source in group:
            seen.setdefault(source.key, source)
    return list(seen.values())


def plural(label, count):
    """ "Writer" → "Writers", "Production company" → "Production companies"."""
    if count == 1:
        return label
    if label.endswith("y") and label[-2:-1] not in "aeiou":
        return label[:-1] + "ies"
    return label + "s"
