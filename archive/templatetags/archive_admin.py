"""The admin's template tags: a part of a record's page drawn by Jinja2."""

from django import template

from ..admin.rows import draw_inline

register = template.Library()


@register.simple_tag(takes_context=True)
def inline_rows(context, inline_admin_formset, template_name):
    """``{% inline_rows inline_admin_formset "archive/admin/tabular.html" %}``: the part's
    rows drawn by that Jinja2 template; the last part of the page is marked as Django's
    template marks it (``forloop`` of the change form's loop over its parts)."""
    forloop = context.get("forloop") or {}
    return draw_inline(inline_admin_formset, template_name, last=bool(forloop.get("last")))
