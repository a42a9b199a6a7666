"""The admissions chart's SVG: valid XML with its title and text alternative, safe ids,
escaped text, shapes and words rather than colours, and round ticks."""

import pytest
from django.utils import translation
from django.utils.safestring import SafeString

from archive.chart_drawing import nice_ticks
from archive.charts import admissions_chart
from archive.tests.chart_helpers import RELEASE, SVG, figure, miracle_figures, parse


def test_svg_is_valid_xml_with_title_and_desc():
    chart = admissions_chart(miracle_figures(), RELEASE, id_prefix="miracle-in-cell-no-7-2013")

    assert isinstance(chart["svg"], SafeString)
    svg = parse(chart)
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    assert svg.get("viewBox") == "0 0 640 320"
    assert svg.get("width") is None  # it scales with CSS
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title.get("id") == "miracle-in-cell-no-7-2013-title"
    assert desc.get("id") == "miracle-in-cell-no-7-2013-desc"
    assert svg.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert desc.text == chart["description"]


def test_ids_are_valid_whatever_the_prefix():
    chart = admissions_chart([figure("1", day=1)], id_prefix='7-kogustaki" onload="x')

    svg = parse(chart)
    assert svg.find(f"{SVG}title").get("id") == "chart-7-kogustaki-onload-x-title"
    assert svg.get("onload") is None


def test_not_colour_only_markers_labels_axes():
    chart = admissions_chart(miracle_figures(), release_date=RELEASE)

    svg = parse(chart)
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Days since release" in texts
    assert "Admissions (millions)" in texts
    # Round ticks from 0 on both axes.
    assert {"0", "5", "10", "15"} <= set(texts)
    assert {"20", "40", "60"} <= set(texts)
    # Each point is a shape with its value written next to it, joined by a line.
    assert len(svg.findall(f".//{SVG}circle")) == 4
    for label in ("4.6M", "10M", "more than 12M", "12.32M"):
        assert label in texts
    assert svg.find(f".//{SVG}path[@class='chart-line']") is not None
    # Strokes and fills follow the text colour: nothing relies on a colour.
    colours = {
        el.get(attr)
        for el in svg.iter()
        for attr in ("stroke", "fill")
        if el.get(attr) not in (None, "none")
    }
    assert colours == {"currentColor"}
    assert "<script" not in str(chart["svg"])


def test_the_ticks_take_the_languages_decimal_mark():
    chart = [figure("1200000", day=1), figure("2400000", day=2)]
    with translation.override("tr"):
        texts = [t.text for t in parse(admissions_chart(chart)).iter(f"{SVG}text")]
    assert {"0", "0,5", "1", "1,5", "2", "2,5"} <= set(texts)


def test_text_is_escaped():
    evil = '<script>alert("x")</script> & "quotes"'
    chart = admissions_chart(
        [figure("1000", day=1, note=evil), figure("2000", day=2)], RELEASE, title=evil
    )

    raw = str(chart["svg"])
    assert "<script>" not in raw
    assert "&lt;script&gt;" in raw
    svg = parse(chart)  # still well-formed
    assert svg.find(f"{SVG}title").text == evil
    tooltips = [t.text for t in svg.iter(f"{SVG}title")]
    assert f"Day 1: 1,000 ({evil})" in tooltips


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [(12.32, [0, 5, 10, 15]), (52, [0, 20, 40, 60]), (1, [0, 0.2, 0.4, 0.6, 0.8, 1]), (0, [0, 1])],
)
def test_nice_ticks(maximum, ticks):
    assert nice_ticks(maximum)[0] == ticks


def test_nice_ticks_for_days_are_whole():
    assert nice_ticks(3, integer=True)[0] == [0, 1, 2, 3]
