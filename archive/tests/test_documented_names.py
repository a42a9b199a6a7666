"""The few names with a leading underscore the code relies on, all documented by their
library: Django's ``Model._default_manager``, ``Model._base_manager`` and
``Model._state.adding`` (the model instance reference), and django-simple-history's
``_change_reason``, ``_history_user`` and ``_history_date`` on an instance being saved.
These tests fail loudly if an upgrade changes what the code relies on."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

from archive.models import Film

pytestmark = pytest.mark.django_db


def test_djangos_documented_managers_and_state():
    assert isinstance(Film._default_manager, models.Manager)
    assert Film._default_manager.model is Film
    assert isinstance(Film._base_manager, models.Manager)
    film = Film(title="A film", year=2001)
    assert film._state.adding is True
    film.save()
    assert film._state.adding is False
    assert Film._base_manager.get(pk=film.pk)._state.adding is False


def test_simple_historys_documented_attributes_reach_the_version():
    editor = User.objects.create(username="editor")
    when = timezone.make_aware(datetime.datetime(2020, 5, 17, 12, 0))
    film = Film(title="A film", year=2001)
    film._change_reason = "Entered from the press kit"
    film._history_user = editor
    film._history_date = when
    film.save()
    version = film.history.latest()
    assert version.history_change_reason == "Entered from the press kit"
    assert version.history_user == editor
    assert version.history_date == when


def test_modelforms_validation_exclusions_hook_is_what_model_validation_reads():
    """``ModelForm._get_validation_exclusions`` (archive.admin.person.CreditRowForm leaves
    a person typed as new out of the model's validation through it)."""
    import inspect

    from django.forms import BaseModelForm, modelform_factory

    from archive.models import Genre

    assert "self._get_validation_exclusions()" in inspect.getsource(BaseModelForm._post_clean)
    form = modelform_factory(Genre, fields=["name"])({"name": "Noir"})
    assert form.is_valid()
    assert "slug" in form._get_validation_exclusions()
