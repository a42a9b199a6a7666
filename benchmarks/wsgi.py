"""The archive's WSGI application with the benchmark's reference pages added."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

settings.ROOT_URLCONF = "benchmarks.urls"
application = get_wsgi_application()
