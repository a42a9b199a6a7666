"""Test-wide set-up.

Tests use the plain static files storage: the production storage (whitenoise's compressed
manifest) needs ``collectstatic`` first; ``test_settings.py`` proves that path on its own.
The test client speaks plain HTTP, so the HTTPS redirect that is on by default with debug off
is turned off here; ``test_security.py`` proves the production defaults on their own.
"""

import pytest


def pytest_configure(config):
    from pathlib import Path

    from django.conf import settings

    # whitenoise warns about a missing STATIC_ROOT on every request; tests need none.
    Path(settings.STATIC_ROOT).mkdir(exist_ok=True)

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every test starts with an empty cache, so a cached page never leaks between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
