"""The form renderer (archive/renderers.py): the widgets it draws in Python give the HTML of
Django's own templates for them, character for character; the others are Django's Jinja2
templates, and the admin's widget wrapper stays with Django's engine."""

import datetime
import re

import pytest
from django import forms
from django.contrib.admin import widgets as admin_widgets
from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist
from django.template.backends.django import Template as DjangoTemplate
from django.template.backends.jinja2 import Template as Jinja2Template

from archive.renderers import DRAWN, ArchiveFormRenderer

TRICKY = 'Ye-sung\'s "father" <Yong-gu> & co'


class EveryWidget(forms.Form):
    text = forms.CharField(initial=TRICKY, max_length=40)
    number = forms.IntegerField(initial=7, required=False, help_text="1 for the lead")
    decimal = forms.DecimalField(initial="2.50", required=False)
    email = forms.EmailField(initial="ana@example.org", required=False)
    url = forms.URLField(assume_scheme="https", initial="https://example.org/?a=1&b=2")
    colour = forms.CharField(widget=forms.ColorInput, initial="#aabbcc")
    search = forms.CharField(widget=forms.SearchInput(attrs={"placeholder": TRICKY}))
    phone = forms.CharField(widget=forms.TelInput, required=False)
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True), initial="s3'cret")
    hidden = forms.CharField(widget=forms.HiddenInput, initial="1")
    several_hidden = forms.MultipleChoiceField(
        choices=[("1", "1"), ("2", "2")], widget=forms.MultipleHiddenInput, initial=["1", "2"]
    )
    day = forms.DateField(widget=forms.DateInput, initial=datetime.date(2013, 1, 23))
    at = forms.TimeField(widget=forms.TimeInput, initial=datetime.time(10, 5))
    when = forms.DateTimeField(widget=forms.DateTimeInput, required=False)
    note = forms.CharField(widget=forms.Textarea, initial=f"Two\nlines {TRICKY}")
    empty_note = forms.CharField(widget=forms.Textarea, required=False)
    flag = forms.BooleanField(initial=True)
    off = forms.BooleanField(required=False)
    maybe = forms.NullBooleanField(required=False)
    kind = forms.ChoiceField(choices=[("actor", "Actor"), ("director", TRICKY)], initial="director")
    grouped = forms.ChoiceField(choices=[("People", [("a", "A & B")]), ("c", "C")])
    several = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], initial=["y"])
    radio = forms.ChoiceField(choices=[("1", "One")], widget=forms.RadioSelect)
    boxes = forms.MultipleChoiceField(choices=[("1", "One")], widget=forms.CheckboxSelectMultiple)
    date_parts = forms.DateField(widget=forms.SelectDateWidget(years=[2013]))
    split = forms.SplitDateTimeField()
    upload = forms.FileField()
    attributes = forms.CharField(
        widget=forms.TextInput(attrs={"data-note": TRICKY, "disabled": True, "hidden": False}),
        required=False,
    )


BOUND = {
    "text": "x" * 50,
    "number": "many",
    "kind": "producer",
    "several": ["x", "y"],
    "note": TRICKY,
    "flag": "",
    "maybe": "true",
}


def html(text):
    """Markup compared as a browser reads it: the engines escape a quote differently and
    lay out whitespace differently."""
    text = text.replace("&#x27;", "&#39;").replace("&#34;", "&quot;")
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", text)).strip()


@pytest.mark.parametrize("data", [None, BOUND], ids=["unbound", "with errors"])
def test_the_widgets_drawn_in_python_give_djangos_jinja2_html_exactly(data):
    ours = EveryWidget(data, renderer=ArchiveFormRenderer())
    django = EveryWidget(data, renderer=Jinja2())
    assert (data is None) or ours.errors
    assert str(ours) == str(django)


@pytest.mark.parametrize("data", [None, BOUND], ids=["unbound", "with errors"])
def test_the_renderer_gives_the_html_of_djangos_own_templates(data):
    ours = EveryWidget(data, renderer=ArchiveFormRenderer())
    django = EveryWidget(data, renderer=DjangoTemplates())
    assert html(str(ours)) == html(str(django))


class AdminWidgets(forms.Form):
    day = forms.DateField(widget=admin_widgets.AdminDateWidget, initial=datetime.date(2013, 1, 23))
    no_day = forms.DateField(widget=admin_widgets.AdminDateWidget, required=False)
    at = forms.TimeField(widget=admin_widgets.AdminTimeWidget, initial=datetime.time(10, 5))
    link = forms.URLField(
        widget=admin_widgets.AdminURLFieldWidget,
        assume_scheme="https",
        initial=f"https://example.org/a?b=1&c={TRICKY}",
    )
    not_a_link = forms.URLField(
        widget=admin_widgets.AdminURLFieldWidget, assume_scheme="https", initial="not <a> link"
    )


@pytest.mark.parametrize("data", [None, {"day": "x", "link": "javascript:1"}])
def test_the_admins_date_time_and_address_widgets_give_djangos_html_exactly(data):
    ours = AdminWidgets(data, renderer=ArchiveFormRenderer())
    django = AdminWidgets(data, renderer=DjangoTemplates())
    assert str(ours) == str(django)


def test_every_template_drawn_in_python_is_one_django_ships():
    """A template Django renamed would no longer be drawn here (and cost its template
    again): each name must still be one of Django's, for Jinja2 or for its own engine."""
    jinja2, django = Jinja2(), DjangoTemplates()
    for name in DRAWN:
        try:
            jinja2.get_template(name)
        except TemplateDoesNotExist:
            django.get_template(name)


def test_the_admins_own_templates_stay_with_djangos_engine():
    renderer = ArchiveFormRenderer()
    for name in ("django/forms/widgets/select.html", "django/forms/errors/list/ul.html"):
        assert isinstance(renderer.get_template(name), Jinja2Template), name
    for name in ("archive/admin/tabular.html", "archive/admin/stacked.html"):
        assert isinstance(renderer.get_template(name), Jinja2Template), name
    wrapper = admin_widgets.RelatedFieldWidgetWrapper.template_name
    assert isinstance(renderer.get_template(wrapper), DjangoTemplate)
