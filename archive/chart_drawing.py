"""The admissions chart drawn as SVG: the axes and their round ticks, the line, a marker
shape per point and where each point's label goes so that labels keep off the line, the
markers and each other.

:func:`draw_admissions` takes the points that :func:`archive.charts.admissions_chart` has
collected (day order, each with its ``label`` and ``value_display`` already in the active
language) and returns a safe string, a complete ``<svg>`` element. Every piece of text goes
through ``format_html``; the axis titles and tooltips are in the active language, the ticks
in its decimal mark.
"""

import math
import re
from itertools import pairwise

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .models.film_parts import qualified

# Space around the plot, in viewBox units: room for tick labels and the axis titles.
_MARGIN_LEFT = 64
_MARGIN_RIGHT = 28
_MARGIN_TOP = 28
_MARGIN_BOTTOM = 56
_FONT_SIZE = 12
_MARKER_RADIUS = 4.5


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


def _trim(text):
    """``"12.30"`` -> ``"12.3"``, ``"10.00"`` -> ``"10"``."""
    return text.rstrip("0").rstrip(".") if "." in text else text


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


def draw_admissions(points, width, height, id_prefix, title, description):
    """The chart of ``points`` (admissions by day) as an ``<svg>`` element, a safe string.

    ``id_prefix`` is made a valid id for the ``<title>`` and ``<desc>``; ``description`` is
    the text alternative, written into ``<desc>``.
    """
    prefix = _safe_id(id_prefix)
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
