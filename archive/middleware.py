"""A limit on the parameters of an address.

``DATA_UPLOAD_MAX_NUMBER_FIELDS`` is raised for the admin's big forms (a film of 150 credits
posts over 1,000 fields), and Django applies it to query strings too. A public address has
no need of that many: one with more than ``MAX_QUERY_PARAMETERS`` is answered with a plain
400 that says why, before any view (or the page cache) reads it.
"""

from django.http import HttpResponse

#: Django's own default for DATA_UPLOAD_MAX_NUMBER_FIELDS.
MAX_QUERY_PARAMETERS = 1000


class QueryParameterLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        count = query.count("&") + 1 if query else 0
        if count > MAX_QUERY_PARAMETERS:
            return HttpResponse(
                f"Bad request: the address has {count:,} parameters; at most "
                f"{MAX_QUERY_PARAMETERS:,} are accepted.\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
