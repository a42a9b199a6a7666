"""Fixtures the admin, history and locking tests share: the seed archive, its original
film, and a fast password hash for the accounts those tests sign in with."""

import pytest
from django.core.management import call_command

from archive.models import Film

SEED_FIXTURE = "miracle_in_cell_no_7"
ORIGINAL = "miracle-in-cell-no-7-2013"


@pytest.fixture
def fast_password_hash(settings):
    """Tests that create accounts in every test hash their passwords quickly."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def archive(db):
    """The seed fixture, loaded into the test's database."""
    call_command("loaddata", SEED_FIXTURE, verbosity=0)


@pytest.fixture
def film(archive):
    """The original film of the seed fixture."""
    return Film.objects.get(slug=ORIGINAL)
