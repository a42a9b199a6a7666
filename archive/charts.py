"""Server-side SVG charts for the public pages: no JavaScript, no colour-only encoding.

:func:`admissions_chart` draws a film's admissions by day of its run. It takes figures the
view has already fetched (``Film.objects.with_details()`` prefetches ``figures``) and never
queries the database. In a template::

    {% if chart %}
      <figure class="chart">
        {{ chart.svg }}
        <figcaption>{{ chart.description }}</figcaption>
      </figure>
      <table> ... {% for point in chart.points %} day, value_display, note ... {% endfor %}
      {% if chart.unplotted %} ... figures without a day or date ... {% endif %}
    {% endif %}

The SVG sizes itself by its ``viewBox`` and has no width or height of its own: give it
``width: 100%; height: auto`` in CSS. Strokes and text use ``currentColor``, so it follows
the page's text colour (dark mode included) and reads in black and white: every point is a
marker shape with its value written next to it, and the axes are labelled in words.

Every piece of text (title, notes, labels) is escaped with ``format_html``; nothing from the
database or the caller is trusted. The words are in the active language, and the numbers in
its formats: "12.32M" and "12.32 million" in English, "1232만" in Korean, "12,32 Mn" and
"12,32 milyon" in Turkish (Babel's CLDR compact formats).

This module turns the figures into points, numbers and words; ``archive.chart_drawing``
draws them.
"""

from decimal import Decimal

from babel.numbers import format_compact_decimal
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext, ngettext, to_locale

from .chart_drawing import draw_admissions
from .models.film_parts import qualified

ADMISSIONS = "admissions"


def admissions_chart(
    figures,
    release_date=None,
    width=640,
    height=320,
    id_prefix="admissions-chart",
    title=None,
):
    """Return the chart of admissions by day since release, or ``None`` without a point.

    ``figures`` is an iterable of :class:`~archive.models.BoxOfficeFigure`; figures of any
    other kind than admissions are skipped, so a film's whole ``figures.all()`` may be passed.
    A figure's day is its ``days_since_release``, or else, with a ``reported_on`` date and
    the film's ``release_date``, ``(reported_on - release_date).days + 1`` (the release day
    is day 1). Figures with neither (a "final" estimate) are not drawn: they are listed in
    ``unplotted``.

    ``id_prefix`` makes the ids of the ``<title>`` and ``<desc>`` unique on the page (pass
    the film's slug when a page shows more than one chart).

    The result is a dict:

    - ``svg``: a safe string, a complete ``<svg>`` element;
    - ``points``: the plotted figures in day order, each a dict with ``day``, ``value``,
      ``value_display`` ("12,320,000"), ``label`` ("12.32M", "more than 12M"),
      ``qualifier``, ``reported_on``, ``note`` and ``figure``, for a table beside the chart;
    - ``unplotted``: the figures without a day, as dicts with the same keys (``day`` None);
    - ``description``: the chart in one or two plain sentences, the text alternative.

    ``title`` defaults to "Admissions by day since release" in the active language.
    """
    points, unplotted = _collect(figures, release_date)
    if not points:
        return None
    description = _describe(points, unplotted)
    if title is None:
        title = gettext("Admissions by day since release")
    svg = draw_admissions(points, width, height, id_prefix, str(title), description)
    return {"svg": svg, "points": points, "unplotted": unplotted, "description": description}


# Points, numbers and words ---------------------------------------------------------------


def _collect(figures, release_date):
    points, unplotted = [], []
    for figure in figures:
        if figure.kind != ADMISSIONS:
            continue
        day = figure.days_since_release
        if day is None and figure.reported_on and release_date:
            day = (figure.reported_on - release_date).days + 1
        value = _number(figure.value)
        qualifier = figure.qualifier or ""
        entry = {
            "day": day if day is not None and day >= 0 else None,
            "value": value,
            "value_display": number_format(value, force_grouping=True),
            "label": qualified(qualifier, short_number(value)),
            "qualifier": qualifier,
            "reported_on": figure.reported_on,
            "note": figure.note,
            "figure": figure,
        }
        (unplotted if entry["day"] is None else points).append(entry)
    points.sort(key=lambda point: (point["day"], point["value"]))
    return points, unplotted


def _number(value):
    """A Decimal figure as an int when it is whole (12320000), else as the Decimal."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else value.normalize()


def _locale():
    """The active language as Babel names its locale ("ko", "tr", "en")."""
    return to_locale(get_language() or settings.LANGUAGE_CODE)


def short_number(value):
    """A count in a few characters, in the active language: 12,320,000 -> "12.32M",
    850,000 -> "850K", 950 -> "950" (in Korean "1232만", "85만")."""
    return format_compact_decimal(value, format_type="short", locale=_locale(), fraction_digits=2)


def words_number(value):
    """A count in words for the text alternative: 12,320,000 -> "12.32 million" (in Korean
    "1232만"); below a million, the number grouped: "850,000"."""
    if abs(float(value)) >= 1_000_000:
        return format_compact_decimal(
            value, format_type="long", locale=_locale(), fraction_digits=2
        )
    return number_format(value, force_grouping=True)


def _describe(points, unplotted):
    def amount(point):
        return qualified(point["qualifier"], words_number(point["value"]))

    first, last = points[0], points[-1]
    if len(points) == 1:
        text = gettext("Admissions were %(amount)s on day %(day)s.") % {
            "amount": amount(first),
            "day": first["day"],
        }
    else:
        # One whole sentence per direction, so that each language words it its own way.
        if last["value"] > first["value"]:
            sentence = ngettext(
                "Admissions rose from %(first)s on day %(first_day)s to %(last)s on day "
                "%(last_day)s, over %(num)s reported figure.",
                "Admissions rose from %(first)s on day %(first_day)s to %(last)s on day "
                "%(last_day)s, over %(num)s reported figures.",
                len(points),
            )
        elif last["value"] < first["value"]:
            sentence = ngettext(
                "Admissions fell from %(first)s on day %(first_day)s to %(last)s on day "
                "%(last_day)s, over %(num)s reported figure.",
                "Admissions fell from %(first)s on day %(first_day)s to %(last)s on day "
                "%(last_day)s, over %(num)s reported figures.",
                len(points),
            )
        else:
            sentence = ngettext(
                "Admissions went from %(first)s on day %(first_day)s to %(last)s on day "
                "%(last_day)s, over %(num)s reported figure.",
                "Admissions went from %(first)s on day %(first_day)s to %(last)s on day "
                "%(last_day)s, over %(num)s reported figures.",
                len(points),
            )
        text = sentence % {
            "first": amount(first),
            "first_day": first["day"],
            "last": amount(last),
            "last_day": last["day"],
            "num": len(points),
        }
    if unplotted:
        others = ", ".join(amount(point) for point in unplotted)
        text += " " + gettext("Not plotted, for want of a day or date: %(figures)s.") % {
            "figures": others
        }
    return text
