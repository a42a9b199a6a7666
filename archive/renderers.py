"""The form renderer (``FORM_RENDERER``): the plainest widgets drawn in Python, the others
by Jinja2 where a Jinja2 template exists, and by Django's template language otherwise.

A film's admin page draws about a thousand widgets (50 credits, figures, titles, awards, each
row with its pickers and choices), and drawing them with Django's template language was most
of the page's cost. Django ships every form and widget template for Jinja2 too
(``django/forms/jinja2``), written to give the same HTML, and Django's ``Jinja2`` renderer
finds them and the apps' own (``archive/jinja2/archive/``: the admin's rows,
``archive/admin/rows.py``). The admin's own widget templates (``admin/widgets/...``) exist
for Django's engine only: those stay with it, as in Django's default renderer.

The inputs, selects and text areas that every row has, and the admin's date, time and address
widgets, are written here in Python (:data:`DRAWN`), with the markup of Django's templates for
them: a template costs a context, and Django's include one more template per attribute list
and per option, which came to about 5,500 template renders for a film's page.
``test_renderers`` compares the result with Django's own templates for every kind of widget.
"""

from django.forms.renderers import DjangoTemplates, Jinja2
from django.utils.html import conditional_escape
from markupsafe import escape

#: Where the Jinja2 templates are: Django's forms and widgets, and the archive's.
JINJA2_TEMPLATES = ("django/forms/", "archive/admin/")

#: The option template of Django's ``Select``, drawn with the select.
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def text(value):
    """``value`` escaped as Jinja2 escapes it (markupsafe's ``escape``), a plain string or
    number without a call into markupsafe: a film's page escapes about 15,000 values."""
    kind = type(value)
    if kind is str:
        return (
            value.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&#34;")
            .replace("'", "&#39;")
        )
    if kind is int:
        return str(value)
    return escape(value)


def attrs(values):
    """An element's attributes as ``django/forms/widgets/attrs.html`` writes them: ``False``
    leaves the attribute out, ``True`` writes its name alone, every value is escaped."""
    return "".join(
        f" {text(name)}" if value is True else f' {text(name)}="{text(value)}"'
        for name, value in values.items()
        if value is not False
    )


def draw_input(widget):
    """``django/forms/widgets/input.html`` (text, number, hidden, checkbox, ...)."""
    value = "" if widget["value"] is None else f' value="{text(widget["value"])}"'
    return (
        f'<input type="{text(widget["type"])}" name="{text(widget["name"])}"{value}'
        f"{attrs(widget['attrs'])}>"
    )


def draw_textarea(widget):
    """``django/forms/widgets/textarea.html``."""
    value = text(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{text(widget["name"])}"{attrs(widget["attrs"])}>\n{value}</textarea>'


def draw_select(widget, renderer=None):
    """``django/forms/widgets/select.html`` with its options (an option with a template of
    its own is drawn by that template)."""
    parts = [f'<select name="{text(widget["name"])}"{attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{text(group_name)}">')
        for option in options:
            parts.append("\n  ")
            if option["template_name"] == OPTION_TEMPLATE or renderer is None:
                parts.append(
                    f'<option value="{text(option["value"])}"{attrs(option["attrs"])}>'
                    f"{text(option['label'])}</option>"
                )
            else:
                parts.append(renderer.render(option["template_name"], {"widget": option}))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


# The admin's own input widgets (a box-office figure's date, a link's address) are Django
# templates that include Django's ``input.html``: drawn here with Django's escaping.


def dtl_value(value):
    """``{{ value|stringformat:'s' }}`` in Django's template language."""
    return conditional_escape(f"{value}")  # a new, plain string: escaped even if safe


def draw_dtl_input(widget):
    """Django's template ``django/forms/widgets/input.html`` (as its ``date.html`` and
    ``time.html``, which include it), without the newline after it."""
    value = "" if widget["value"] is None else f' value="{dtl_value(widget["value"])}"'
    attributes = "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{dtl_value(value)}"'
        for name, value in widget["attrs"].items()
        if value is not False
    )
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{value}{attributes}>'
    )


def draw_admin_date(context, renderer):
    """``admin/widgets/date.html``."""
    return f'<p class="date">\n  {draw_dtl_input(context["widget"])}\n\n\n</p>'


def draw_admin_time(context, renderer):
    """``admin/widgets/time.html``."""
    return f'<p class="time">\n  {draw_dtl_input(context["widget"])}\n\n\n</p>'


def draw_admin_url(context, renderer):
    """``admin/widgets/url.html``: the address as a link above the box, when it is one."""
    box = draw_dtl_input(context["widget"])
    if not context["url_valid"]:
        return box
    widget, escaped = context["widget"], conditional_escape
    return (
        f'<p class="url">{escaped(context["current_label"])} <a href="{escaped(widget["href"])}">'
        f"{escaped(widget['value'])}</a><br>{escaped(context['change_label'])} {box}\n</p>"
    )


#: Django's templates drawn in Python, by name, each from its context and the renderer
#: (every input type's template includes ``input.html``).
DRAWN = {
    **{
        f"django/forms/widgets/{kind}.html": lambda context, renderer: draw_input(context["widget"])
        for kind in (
            "input",
            "text",
            "number",
            "email",
            "url",
            "password",
            "hidden",
            "checkbox",
            "date",
            "datetime",
            "time",
            "search",
            "tel",
            "color",
        )
    },
    "django/forms/widgets/textarea.html": lambda context, renderer: draw_textarea(
        context["widget"]
    ),
    "django/forms/widgets/select.html": lambda context, renderer: draw_select(
        context["widget"], renderer
    ),
    "admin/widgets/date.html": draw_admin_date,
    "admin/widgets/time.html": draw_admin_time,
    "admin/widgets/url.html": draw_admin_url,
}


class ArchiveFormRenderer(DjangoTemplates):
    def __init__(self):
        super().__init__()
        self.jinja2 = Jinja2()
        # A template found once serves every widget after it (Django's backend wraps the
        # compiled template anew on each lookup), unless templates are reloaded as they
        # change (DEBUG).
        self.found = {}

    def render(self, template_name, context, request=None):
        draw = DRAWN.get(template_name)
        if draw is None:
            return super().render(template_name, context, request)
        return draw(context, self)

    def get_template(self, template_name):
        if not template_name.startswith(JINJA2_TEMPLATES):
            return super().get_template(template_name)
        template = self.found.get(template_name)
        if template is None:
            template = self.jinja2.get_template(template_name)
            if not self.jinja2.engine.env.auto_reload:
                self.found[template_name] = template
        return template
