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
"""

import math
import re
from decimal import Decimal
from itertools import pairwise

from babel.numbers import format_compact_decimal
from django.conf import settings
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext, to_locale

from .models.film_parts import qualified

ADMISSIONS = "admissions"

# Space around the plot, in viewBox units: room for tick labels and the axis titles.
_MARGIN_LEFT = 64
_MARGIN_RIGHT = 28
_MARGIN_TOP = 28
_MARGIN_BOTTOM = 56
_FONT_SIZE = 12
_MARKER_RADIUS = 4.5


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
    svg = _draw(points, width, height, _safe_id(id_prefix), str(title), description)
    return {"svg": svg, "points": points, "unplotted": unplotted, "description": description}


# Data ----------------------------------------------------------------------------------


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


def _trim(text):
    """``"12.30"`` -> ``"12.3"``, ``"10.00"`` -> ``"10"``."""
    return text.rstrip("0").rstrip(".") if "." in text else text


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


# Drawing -------------------------------------------------------------------------------


def _safe_id(prefix):
    """An id that is valid in HTML and XML: letters, digits, hyphens, underscores."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", str(prefix or "")).strip("-")
    if not cleaned or not cleaned[0].isalpha():
        cleaned = f"chart-{cleaned}".rstrip("-")
    return cleaned


def nice_ticks(maximum, target=5, integer=False):
    """Round ticks from 0 up to at least ``maximum``, and their step.

    ``nice_ticks(12.32) == ([0, 5, 10, 15], 5)``; steps are 1, 2 or 5 times a power of ten.
    """
    if maximum <= 0:
        return [0, 1], 1
    raw = maximum / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m for m in (1, 2, 5, 10) if raw / magnitude <= m) * magnitude
    if integer:
        step = max(1, round(step))
    count = math.ceil(maximum / step - 1e-9)
    return [round(step * i, 10) for i in range(count + 1)], step


def _tick_text(value, step):
    decimals = max(0, -math.floor(math.log10(step))) if step else 0
    # The active language's decimal mark (2.5 or 2,5), never a thousands separator.
    return number_format(_trim(f"{value:.{decimals}f}"))


def _n(number):
    """A coordinate for an attribute: one decimal at most."""
    return _trim(f"{number:.1f}")


def _text_width(text):
    return len(text) * _FONT_SIZE * 0.65  # bold sans-serif, a little generous


def _overlap(a, b):
    """The area two boxes ``(x1, y1, x2, y2)`` share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0


def _place_label(x, y, text, taken, bounds):
    """Where to write a point's label: the place around it that covers the least.

    Tried in order (above, above left, above right, left, right, below), the first that
    overlaps nothing in ``taken`` (markers, the line, labels already placed) wins; failing
    that, the one that overlaps least. Labels stay inside ``bounds``.
    """
    w, h = _text_width(text), _FONT_SIZE
    gap = _MARKER_RADIUS + 4
    up = y - gap
    beside = y + h / 3
    options = [
        (x, up, "middle", (x - w / 2, up - h, x + w / 2, up)),
        (x - gap / 2, up, "end", (x - gap / 2 - w, up - h, x - gap / 2, up)),
        (x + gap / 2, up, "start", (x + gap / 2, up - h, x + gap / 2 + w, up)),
        (x - gap, beside, "end", (x - gap - w, beside - h, x - gap, beside)),
        (x + gap, beside, "start", (x + gap, beside - h, x + gap + w, beside)),
        (x, y + gap + h, "middle", (x - w / 2, y + gap, x + w / 2, y + gap + h)),
    ]
    inside = [
        option
        for option in options
        if bounds[0] <= option[3][0]
        and option[3][2] <= bounds[2]
        and bounds[1] <= option[3][1]
        and option[3][3] <= bounds[3]
    ] or options[:1]
    # Only the boxes near the point can overlap any of its places: find them once.
    near_x1 = min(option[3][0] for option in inside)
    near_y1 = min(option[3][1] for option in inside)
    near_x2 = max(option[3][2] for option in inside)
    near_y2 = max(option[3][3] for option in inside)
    near = [
        box
        for box in taken
        if box[0] < near_x2 and box[2] > near_x1 and box[1] < near_y2 and box[3] > near_y1
    ]
    return min(inside, key=lambda option: sum(_overlap(option[3], box) for box in near))


def _line_boxes(coordinates, step=4.0, size=1.5):
    """Small boxes along the line, so that labels keep off it."""
    boxes = []
    for (x1, y1), (x2, y2) in pairwise(coordinates):
        count = max(1, int(math.hypot(x2 - x1, y2 - y1) / step))
        for i in range(count + 1):
            x, y = x1 + (x2 - x1) * i / count, y1 + (y2 - y1) * i / count
            boxes.append((x - size, y - size, x + size, y + size))
    return boxes


def _draw(points, width, height, prefix, title, description):
    left, top = _MARGIN_LEFT, _MARGIN_TOP
    right, bottom = width - _MARGIN_RIGHT, height - _MARGIN_BOTTOM
    x_ticks, x_step = nice_ticks(max(point["day"] for point in points), integer=True)
    millions = [float(point["value"]) / 1_000_000 for point in points]
    y_ticks, y_step = nice_ticks(max(millions))
    x_max, y_max = x_ticks[-1], y_ticks[-1]

    def sx(day):
        return left + (right - left) * day / x_max

    def sy(value):
        return bottom - (bottom - top) * value / y_max

    parts = [
        format_html('<title id="{}-title">{}</title>', prefix, title),
        format_html('<desc id="{}-desc">{}</desc>', prefix, description),
    ]

    # Grid and ticks.
    grid = []
    for tick in y_ticks:
        y = sy(tick)
        grid.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" '
                'stroke-opacity="0.25" stroke-dasharray="2 3"/>'
                '<text x="{}" y="{}" text-anchor="end">{}</text>',
                _n(left),
                _n(y),
                _n(right),
                _n(y),
                _n(left - 8),
                _n(y + _FONT_SIZE / 3),
                _tick_text(tick, y_step),
            )
        )
    for tick in x_ticks:
        x = sx(tick)
        grid.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor"/>'
                '<text x="{}" y="{}" text-anchor="middle">{}</text>',
                _n(x),
                _n(bottom),
                _n(x),
                _n(bottom + 5),
                _n(x),
                _n(bottom + 8 + _FONT_SIZE),
                _tick_text(tick, x_step),
            )
        )
    parts.append(format_html('<g class="chart-grid">{}</g>', mark_safe("".join(grid))))

    # Axes and their titles.
    parts.append(
        format_html(
            '<g class="chart-axes">'
            '<path d="M{} {}V{}H{}" fill="none" stroke="currentColor"/>'
            '<text x="{}" y="{}" text-anchor="middle">{}</text>'
            '<text transform="translate({} {}) rotate(-90)" text-anchor="middle">{}</text>'
            "</g>",
            _n(left),
            _n(top),
            _n(bottom),
            _n(right),
            _n((left + right) / 2),
            _n(height - 10),
            gettext("Days since release"),
            _n(16),
            _n((top + bottom) / 2),
            gettext("Admissions (millions)"),
        )
    )

    # The line, then the markers and their labels on top of it.
    coordinates = [
        (sx(point["day"]), sy(value)) for point, value in zip(points, millions, strict=True)
    ]
    if len(coordinates) > 1:
        path = "M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in coordinates)
        parts.append(
            format_html(
                '<path class="chart-line" d="{}" fill="none" stroke="currentColor" '
                'stroke-width="2" stroke-linejoin="round"/>',
                path,
            )
        )
    r = _MARKER_RADIUS
    taken = [(x - r, y - r, x + r, y + r) for x, y in coordinates]
    taken += _line_boxes(coordinates)
    bounds = (left + 2, 2, width - 2, bottom - 2)
    marks = []
    for point, (x, y) in zip(points, coordinates, strict=True):
        lx, ly, anchor, box = _place_label(x, y, point["label"], taken, bounds)
        taken.append(box)
        tooltip = gettext("Day %(day)s: %(amount)s") % {
            "day": point["day"],
            "amount": qualified(point["qualifier"], point["value_display"]),
        }
        if point["note"]:
            tooltip += f" ({point['note']})"
        marks.append(
            format_html(
                '<g class="chart-point"><title>{}</title>'
                '<circle cx="{}" cy="{}" r="{}" fill="currentColor" stroke="currentColor"/>'
                '<text x="{}" y="{}" text-anchor="{}" font-weight="bold">{}</text></g>',
                tooltip,
                _n(x),
                _n(y),
                _n(r),
                _n(lx),
                _n(ly),
                anchor,
                point["label"],
            )
        )
    parts.append(format_html('<g class="chart-points">{}</g>', mark_safe("".join(marks))))

    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {} {}" '
        'role="img" aria-labelledby="{}-title {}-desc" font-family="system-ui, sans-serif" '
        'font-size="{}" fill="currentColor">{}</svg>',
        _n(width),
        _n(height),
        prefix,
        prefix,
        _FONT_SIZE,
        format_html_join("", "{}", ((part,) for part in parts)),
    )
