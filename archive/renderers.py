"""The form renderer (``FORM_RENDERER``): widgets drawn by Jinja2, where a Jinja2 template
exists, and by Django's template language otherwise.

A film's admin page draws about a thousand widgets (50 credits, figures, titles, awards, each
row with its pickers and choices), and drawing them with Django's template language was most
of the page's cost. Django ships every form and widget template for Jinja2 too
(``django/forms/jinja2``), written to give the same HTML; the renderer finds them, and the
archive's own (``archive/jinja2/``), with Django's ``Jinja2`` backend. The admin's own widget
templates (``admin/widgets/...``) exist for Django's engine only: those stay with it, as in
Django's default renderer.

The widgets every row has (text, number, hidden, checkbox, select) are drawn by the
archive's copies of Django's templates (``archive/jinja2/django/forms/widgets/``, found
before Django's), which give the same HTML without including a template per attribute list
and per option: Jinja2 makes a new context for each include, and a film's page made about
4,000 of them.
"""

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.template.backends.jinja2 import Jinja2
from jinja2 import Environment
from markupsafe import Markup, escape

#: Where the Jinja2 templates are: Django's forms and widgets, and the archive's.
JINJA2_TEMPLATES = ("django/forms/", "archive/widgets/", "archive/admin/")

#: The archive's templates first (its copies of Django's widget templates among them), then
#: Django's.
TEMPLATE_DIRS = (Path(__file__).parent / "jinja2", Path(django.forms.__file__).parent / "jinja2")


def attrs(values):
    """An element's attributes as ``django/forms/widgets/attrs.html`` writes them: ``False``
    leaves the attribute out, ``True`` writes its name alone, every value is escaped."""
    return Markup(
        "".join(
            f" {name}" if value is True else f' {name}="{escape(value)}"'
            for name, value in values.items()
            if value is not False
        )
    )


def environment(**options):
    env = Environment(**options)
    env.globals["attrs"] = attrs
    return env


class ArchiveFormRenderer(DjangoTemplates):
    def __init__(self):
        super().__init__()
        self.jinja2 = Jinja2(
            {
                "APP_DIRS": False,
                "DIRS": list(TEMPLATE_DIRS),
                "NAME": "archive-forms",
                "OPTIONS": {"environment": "archive.renderers.environment"},
            }
        )
        # A template found once serves every widget after it (Django's backend wraps the
        # compiled template anew on each lookup), unless templates are reloaded as they
        # change (DEBUG).
        self.found = {}

    def get_template(self, template_name):
        if not template_name.startswith(JINJA2_TEMPLATES):
            return super().get_template(template_name)
        template = self.found.get(template_name)
        if template is None:
            template = self.jinja2.get_template(template_name)
            if not self.jinja2.env.auto_reload:
                self.found[template_name] = template
        return template
