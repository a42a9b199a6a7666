"""The error views: Django's own (``django.views.defaults``), each answering with
``X-Frame-Options: DENY`` itself.

Django renders an error page for an exception wherever it is raised. One raised by a
middleware that runs before ``XFrameOptionsMiddleware`` (a refused host, an address with
too many parameters) never passes through that middleware, and would go out without the
header; the decorator sets it on every error page. The Content-Security-Policy comes from
``CSPMiddleware``, which is outside all of these.

Wired in ``config/urls.py`` as ``handler400`` ... ``handler500``.
"""

from django.views import defaults
from django.views.decorators.clickjacking import xframe_options_deny

bad_request = xframe_options_deny(defaults.bad_request)
permission_denied = xframe_options_deny(defaults.permission_denied)
page_not_found = xframe_options_deny(defaults.page_not_found)
server_error = xframe_options_deny(defaults.server_error)
