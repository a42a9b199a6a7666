"""The Jinja2 environment of the public pages.

The public pages render with Jinja2 (through Django's own ``Jinja2`` backend); the admin
and django-axes' pages stay on Django templates. The pages were written for Django's
template language, so the environment offers what they use from it under the same names
and with the same output: ``url``, ``static`` and ``querystring`` as globals, and Django's
``date``, ``pluralize``, ``linebreaks``, ``truncatechars`` and ``capfirst`` filters. Jinja2's
own ``join``, ``length`` and ``lower`` already behave as Django's do.
"""

from collections.abc import Iterable

from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import reverse
from django.utils.timezone import template_localtime
from jinja2 import Environment, pass_context, pass_eval_context


@pass_context
def querystring(context, query_dict=None, **changes):
    """Django's ``{% querystring %}``: the current query (``request.GET``, or ``query_dict``)
    with the named parameters replaced (a list sets every value, ``None`` removes the
    parameter) and every other parameter kept, as ``?...``; ``""`` for an empty query."""
    if query_dict is None:
        query_dict = context["request"].GET
    params = query_dict.copy()
    for key, value in changes.items():
        if value is None:
            if key in params:
                del params[key]
        elif isinstance(value, Iterable) and not isinstance(value, str):
            params.setlist(key, value)
        else:
            params[key] = value
    if not params and not query_dict:
        return ""
    return f"?{params.urlencode()}"


def date(value, arg=None):
    """Django's ``date`` filter, which expects an aware datetime already in the current
    time zone: Django's template engine converts it before the filter runs."""
    return defaultfilters.date(template_localtime(value), arg)


@pass_eval_context
def linebreaks(eval_ctx, value):
    """Django's ``linebreaks``: escapes the text (unless autoescape is off) and returns
    safe markup of paragraphs and ``<br>``."""
    return defaultfilters.linebreaks_filter(value, autoescape=eval_ctx.autoescape)


def environment(**options):
    env = Environment(**options)
    env.globals.update(url=reverse, static=static, querystring=querystring)
    env.filters.update(
        date=date,
        pluralize=defaultfilters.pluralize,
        linebreaks=linebreaks,
        truncatechars=defaultfilters.truncatechars,
        capfirst=defaultfilters.capfirst,
    )
    return env
