"""A limit on the parameters of an address.

``DATA_UPLOAD_MAX_NUMBER_FIELDS`` (config/settings.py) is the one limit on posted fields,
raised there for the admin's big change forms, and Django applies it to query strings too.
No public address needs that many, so an address is held to Django's own default limit:
one with more parameters is refused with the site's 400 page, which says why, before any
view (or the page cache) reads it.
"""

from django.conf import global_settings
from django.core.exceptions import BadRequest

#: Django's default for DATA_UPLOAD_MAX_NUMBER_FIELDS, taken from Django's own default
#: settings (django.conf.global_settings) so that it is not a second number to keep.
MAX_QUERY_PARAMETERS = global_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


class QueryParameterLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        count = query.count("&") + 1 if query else 0
        if count > MAX_QUERY_PARAMETERS:
            raise BadRequest(
                f"The address has {count:,} parameters; at most "
                f"{MAX_QUERY_PARAMETERS:,} are accepted."
            )
        return self.get_response(request)
