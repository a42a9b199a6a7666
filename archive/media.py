"""Serving the image files from disk, in production too (whitenoise serves static files only).

When the default storage is the file system (no ``MEDIA_STORAGE_URL``), the app answers
``MEDIA_URL<name>`` itself with a ``FileResponse``: gunicorn streams the file with
``wsgi.file_wrapper`` (``sendfile`` where the platform has it), so a worker spends little
on it. Django's ``django.views.static.serve`` is documented as unfit for production; this
view differs where that matters:

- it answers only the names the archive writes (``images/...`` with an image extension),
  through the storage, whose ``path()`` refuses anything outside ``MEDIA_ROOT``;
- the type is set from that extension, never guessed from the content; with
  ``nosniff`` (every response carries it) and a ``sandbox`` policy, a file cannot run as
  a page;
- names are made from the content (``archive.images``), so a file never changes: it is
  cached for a year, ``immutable``, and a CDN or proxy in front may keep it.

With an S3-compatible bucket the pages link to the bucket (or its ``public`` address) and
this view is not routed.
"""

import re

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from .images import MIME_TYPES

#: The names the archive writes: images/ab/0123456789abcdef[-640w].webp
NAME = re.compile(r"images/[0-9a-f]{2}/[0-9a-f]{16}(?:-\d{1,5}w)?\.(jpg|png|webp|gif)")
CACHE_CONTROL = "public, max-age=31536000, immutable"


@require_safe
def serve_media(request, name):
    match = NAME.fullmatch(name)
    if match is None:
        raise Http404("No such image.")
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation) as error:
        raise Http404("No such image.") from error
    response = FileResponse(handle, content_type=MIME_TYPES[match[1]])
    response["Cache-Control"] = CACHE_CONTROL
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
