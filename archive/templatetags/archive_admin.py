"""The admin's template tags: a part of a record's page drawn by Jinja2."""

from django import template

from ..admin.rows import draw_tabular

register = template.Library()


@register.simple_tag(takes_context=True)
def tabular_rows(context, inline_admin_formset):
    """``{% tabular_rows inline_admin_formset %}``: the part's table of rows; the last part
    of the page is marked as Django's template marks it (``forloop`` of the change form's
    loop over its parts)."""
    forloop = context.get("forloop") or {}
    return draw_tabular(inline_admin_formset, last=bool(forloop.get("last")))
