"""The form renderer (archive/renderers.py): Django's form and widget templates drawn by
Jinja2 give the HTML Django's own engine gives; the admin's widget templates stay with
Django's engine."""

import re

from django import forms
from django.contrib.admin import widgets as admin_widgets
from django.forms.renderers import DjangoTemplates
from django.template.backends.django import Template as DjangoTemplate
from django.template.backends.jinja2 import Template as Jinja2Template

from archive.renderers import ArchiveFormRenderer


class EveryWidget(forms.Form):
    text = forms.CharField(initial='Ye-sung\'s "father" <Yong-gu>', max_length=20)
    number = forms.IntegerField(initial=7, required=False, help_text="1 for the lead")
    kind = forms.ChoiceField(choices=[("actor", "Actor"), ("director", "Director")])
    grouped = forms.ChoiceField(choices=[("People", [("a", "A & B")]), ("c", "C")])
    several = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], initial=["y"])
    radio = forms.ChoiceField(choices=[("1", "One")], widget=forms.RadioSelect)
    boxes = forms.MultipleChoiceField(choices=[("1", "One")], widget=forms.CheckboxSelectMultiple)
    flag = forms.BooleanField(initial=True)
    hidden = forms.CharField(widget=forms.HiddenInput, initial="1")
    note = forms.CharField(widget=forms.Textarea, initial="Two\nlines")
    day = forms.DateField(widget=forms.SelectDateWidget(years=[2013]))
    when = forms.SplitDateTimeField()
    upload = forms.FileField()
    url = forms.URLField(assume_scheme="https")


def html(text):
    """Markup compared as a browser reads it: the engines escape a quote differently and
    lay out whitespace differently."""
    text = text.replace("&#x27;", "&#39;").replace("&#34;", "&quot;")
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", text)).strip()


def test_django_templates_drawn_by_jinja2_give_the_same_html():
    ours = EveryWidget(renderer=ArchiveFormRenderer())
    django = EveryWidget(renderer=DjangoTemplates())
    assert html(str(ours)) == html(str(django))
    bound = {"text": "x" * 30, "number": "many", "kind": "producer"}
    ours, django = EveryWidget(bound, renderer=ArchiveFormRenderer()), EveryWidget(bound)
    assert ours.errors and html(str(ours)) == html(str(django))


def test_the_admins_own_widget_templates_stay_with_djangos_engine():
    renderer = ArchiveFormRenderer()
    for name in ("django/forms/widgets/select.html", "django/forms/errors/list/ul.html"):
        assert isinstance(renderer.get_template(name), Jinja2Template), name
    assert isinstance(renderer.get_template("archive/widgets/compact_picker.html"), Jinja2Template)
    wrapper = admin_widgets.RelatedFieldWidgetWrapper.template_name
    assert isinstance(renderer.get_template(wrapper), DjangoTemplate)
