"""The form renderer (``FORM_RENDERER``): widgets drawn by Jinja2, where a Jinja2 template
exists, and by Django's template language otherwise.

A film's admin page draws about a thousand widgets (50 credits, figures, titles, awards, each
row with its pickers and choices), and drawing them with Django's template language was most
of the page's cost. Django ships every form and widget template for Jinja2 too
(``django/forms/jinja2``), written to give the same HTML, and Django's ``Jinja2`` renderer
finds them and the apps' own (``archive/jinja2/archive/widgets/``). The admin's own widget
templates (``admin/widgets/...``) exist for Django's engine only: those stay with it, as in
Django's default renderer.
"""

from django.forms.renderers import DjangoTemplates, Jinja2

#: Where the Jinja2 templates are: Django's forms and widgets, and the archive's widgets.
JINJA2_TEMPLATES = ("django/forms/", "archive/widgets/")


class ArchiveFormRenderer(DjangoTemplates):
    def __init__(self):
        super().__init__()
        self.jinja2 = Jinja2()

    def get_template(self, template_name):
        if template_name.startswith(JINJA2_TEMPLATES):
            return self.jinja2.get_template(template_name)
        return super().get_template(template_name)
