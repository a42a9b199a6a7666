"""Headers for the static files that whitenoise serves (``WHITENOISE_ADD_HEADERS_FUNCTION``).

whitenoise answers before the middleware that adds ``X-Frame-Options`` and the
Content-Security-Policy to the pages, so a static file would go out without them. A static
SVG opened on its own is a document that can carry script: it gets the pages' policy, and
no static file may be framed.
"""

from csp.utils import build_policy


def add_protective_headers(headers, path, url):
    """Called by whitenoise once per file when it indexes the static files."""
    headers["X-Frame-Options"] = "DENY"
    headers["Content-Security-Policy"] = build_policy()
