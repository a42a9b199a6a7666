"""The error views: Django's own (``django.views.defaults``), each answering with
``X-Frame-Options: DENY`` itself.

Django renders an error page for an exception wherever it is raised. One raised by a
middleware that runs before ``XFrameOptionsMiddleware`` (a refused host, an address with
too many parameters) never passes through that middleware, and would go out without the
header; the decorator sets it on every error page. The Content-Security-Policy comes from
``CSPMiddleware``, which is outside all of these.

Wired in ``config/urls.py`` as ``handler400`` ... ``handler500``.
"""

from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest
from django.template import loader
from django.views import defaults
from django.views.decorators.clickjacking import xframe_options_deny


@xframe_options_deny
def bad_request(request, exception, template_name=defaults.ERROR_400_TEMPLATE_NAME):
    """Django's 400 page, saying why when the archive refused the request itself
    (``BadRequest`` with a message for the visitor); other refusals (a bad host, a
    suspicious request) are not explained."""
    reason = str(exception) if type(exception) is BadRequest else ""
    return HttpResponseBadRequest(
        loader.render_to_string(template_name, {"reason": reason}, request)
    )


permission_denied = xframe_options_deny(defaults.permission_denied)
page_not_found = xframe_options_deny(defaults.page_not_found)
server_error = xframe_options_deny(defaults.server_error)
