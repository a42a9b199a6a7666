"""Settings for the benchmark: the deployed settings (config/settings.py, debug off, the
count cache on) with the page cache off, so that every request builds its page, and the
bare reference views of benchmarks/urls.py beside the archive's pages.
"""

from config.settings import *  # noqa: F403
from config.settings import ALLOWED_HOSTS

ROOT_URLCONF = "benchmarks.urls"
PAGE_CACHE_SECONDS = 0
# The in-process measurement asks through Django's test client, whose host is "testserver".
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
