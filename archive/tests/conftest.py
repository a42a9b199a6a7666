"""Fixtures the archive's tests share: the seed archive, loaded once per module, and its
original film; editors signed in (``ana``, ``ben``)."""

import os
import runpy

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client

from archive.models import Film

from .factories import ORIGINAL, archive_for_module


@pytest.fixture(scope="module")
def seed(django_db_setup, django_db_blocker):
    """The seed fixture, loaded once for the module that asks for it (see
    ``factories.archive_for_module``). It stays until the module is done, so a module whose
    tests need an empty archive loads the seed per test instead (``factories.load_archive``)."""
    with archive_for_module(django_db_blocker):
        yield


@pytest.fixture
def archive(seed, db):
    """Every test that asks sees the seed fixture; its own changes are rolled back after it."""


@pytest.fixture
def film(archive):
    """The original film of the seed fixture."""
    return Film.objects.get(slug=ORIGINAL)


@pytest.fixture
def media(settings, tmp_path):
    """A folder of this test's own for the uploaded images (the default storage's root)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def editor(name):
    """A client signed in as a new member of the Editors group called ``name``."""
    user = User.objects.create_user(name, password="not-used-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ana(db):
    return editor("ana")


@pytest.fixture
def ben(db):
    return editor("ben")


@pytest.fixture
def fresh_settings(monkeypatch):
    """``fresh_settings(env)``: ``config/settings.py`` run afresh with only ``env`` (and PATH)
    in the environment, as a server that starts with it reads it; its names and values (an
    error it raises, such as ImproperlyConfigured, is raised). A test that needs Django set
    up with those settings (URLs, checks) starts a Python of its own instead."""
    path = settings.BASE_DIR / "config" / "settings.py"

    def read(env):
        with monkeypatch.context() as patch:
            for name in list(os.environ):
                if name != "PATH":
                    patch.delenv(name)
            for name, value in env.items():
                patch.setenv(name, value)
            return runpy.run_path(str(path))

    return read
