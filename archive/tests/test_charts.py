"""The admissions chart: points from days and dates, escaping, and a readable SVG."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.safestring import SafeString

from archive.charts import admissions_chart, nice_ticks, short_number
from archive.models import BoxOfficeFigure, Film
from archive.tests.factories import FIXTURE

SVG = "{http://www.w3.org/2000/svg}"
RELEASE = date(2013, 1, 23)


def figure(value, day=None, reported_on=None, kind="admissions", qualifier="", note="", key="k"):
    return BoxOfficeFigure(
        kind=kind,
        key=key,
        value=Decimal(value),
        days_since_release=day,
        reported_on=reported_on,
        qualifier=qualifier,
        note=note,
    )


def miracle_figures():
    return [
        figure("4600000", day=14, note="In its first two weeks"),
        figure("10000000", day=32),
        figure("12000000", day=46, qualifier="more_than"),
        figure("12320000", reported_on=date(2013, 3, 15)),
        figure("12800000", qualifier="about", key="final"),
        figure("30000000", day=14, kind="gross"),
    ]


def parse(chart):
    return ET.fromstring(str(chart["svg"]))


def test_points_from_days_and_from_dates():
    chart = admissions_chart(miracle_figures(), release_date=RELEASE)

    assert [(p["day"], p["value"]) for p in chart["points"]] == [
        (14, 4_600_000),
        (32, 10_000_000),
        (46, 12_000_000),
        (52, 12_320_000),  # 2013-03-15 is day 52 when 2013-01-23 is day 1
    ]
    assert [p["label"] for p in chart["points"]] == ["4.6M", "10M", "more than 12M", "12.32M"]
    assert chart["points"][0]["value_display"] == "4,600,000"


def test_the_release_day_is_day_one():
    chart = admissions_chart([figure("1000", reported_on=RELEASE)], release_date=RELEASE)

    assert chart["points"][0]["day"] == 1


def test_days_since_release_wins_over_the_date():
    chart = admissions_chart(
        [figure("1000", day=3, reported_on=date(2013, 3, 1))], release_date=RELEASE
    )

    assert chart["points"][0]["day"] == 3


def test_figures_without_day_or_date_are_listed_not_plotted():
    chart = admissions_chart(miracle_figures(), release_date=RELEASE)

    assert [(p["value"], p["label"]) for p in chart["unplotted"]] == [(12_800_000, "about 12.8M")]
    assert all(p["day"] is None for p in chart["unplotted"])
    assert "about 12.8 million" in chart["description"]
    assert "12.8M" not in str(chart["svg"])


def test_a_date_without_the_release_date_is_not_plotted():
    chart = admissions_chart(
        [figure("1000", day=2), figure("2000", reported_on=date(2013, 3, 1))], release_date=None
    )

    assert len(chart["points"]) == 1
    assert chart["unplotted"][0]["value"] == 2000


def test_other_kinds_are_left_out():
    chart = admissions_chart(miracle_figures(), release_date=RELEASE)

    assert all(p["figure"].kind == "admissions" for p in chart["points"] + chart["unplotted"])


@pytest.mark.parametrize(
    "figures",
    [[], [figure("12800000", key="final")], [figure("30000000", day=14, kind="gross")]],
)
def test_no_chart_without_a_point(figures):
    assert admissions_chart(figures, release_date=RELEASE) is None


def test_description_says_what_the_chart_shows():
    chart = admissions_chart(miracle_figures(), release_date=RELEASE)

    assert chart["description"].startswith(
        "Admissions rose from 4.6 million on day 14 to 12.32 million on day 52"
    )


def test_one_point_has_a_description_and_a_marker():
    chart = admissions_chart([figure("850000", day=7)])

    assert chart["description"] == "Admissions were 850,000 on day 7."
    svg = parse(chart)
    assert len(svg.findall(f".//{SVG}circle")) == 1
    assert "850K" in [t.text for t in svg.iter(f"{SVG}text")]


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


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "ko",
            {
                "title": "개봉 후 일자별 관객 수",
                "axes": ["개봉 후 일수", "관객 수(백만 명)"],
                "labels": ["460만", "1000만", "1200만 초과", "1232만"],
                "tooltip": "52일째: 12,320,000",
                "description": "관객 수가 개봉 14일째 460만에서 52일째 1232만(으)로 늘었습니다"
                "(보고된 수치 4개). 날짜나 개봉 후 일수가 없어 그래프에 넣지 못한 수치: 약 1280만.",
            },
        ),
        (
            "tr",
            {
                "title": "Gösterimden bu yana günlere göre seyirci sayısı",
                "axes": ["Gösterimden bu yana geçen gün", "Seyirci sayısı (milyon)"],
                "labels": ["4,6\xa0Mn", "10\xa0Mn", "12\xa0Mn üzeri", "12,32\xa0Mn"],
                "tooltip": "52. gün: 12.320.000",
                "description": "Seyirci sayısı arttı: 14. günde 4,6 milyon, 52. günde 12,32 milyon "
                "(bildirilen 4 rakam). Günü ya da tarihi bilinmediği için grafikte gösterilmeyen: "
                "yaklaşık 12,8 milyon.",
            },
        ),
    ],
)
def test_the_chart_is_drawn_in_the_active_language(language, words):
    """Its words from the catalogues, its numbers in the language's formats: a Korean
    reader counts in 만 (ten thousands), a Turkish one writes 12,32 milyon."""
    with translation.override(language):
        chart = admissions_chart(miracle_figures(), release_date=RELEASE)
    svg = parse(chart)
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert svg.find(f"{SVG}title").text == words["title"]
    assert set(words["axes"]) <= set(texts)
    assert [p["label"] for p in chart["points"]] == words["labels"]
    assert set(words["labels"]) <= set(texts)
    assert words["tooltip"] in [t.text for t in svg.iter(f"{SVG}title")]
    assert chart["description"] == words["description"]
    assert svg.find(f"{SVG}desc").text == words["description"]


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


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12_320_000, "12.32M"),
        (10_000_000, "10M"),
        (4_600_000, "4.6M"),
        (850_000, "850K"),
        (95, "95"),
    ],
)
def test_short_number(value, text):
    assert short_number(value) == text


@pytest.mark.django_db
def test_chart_from_the_fixture_needs_no_query(django_assert_num_queries):
    call_command("loaddata", FIXTURE, verbosity=0)
    film = Film.objects.with_details().get(slug="miracle-in-cell-no-7-2013")

    with django_assert_num_queries(0):
        chart = admissions_chart(film.figures.all(), film.release_date, id_prefix=film.slug)

    assert [p["day"] for p in chart["points"]] == [14, 32, 46, 52]
    assert [p["figure"].key for p in chart["unplotted"]] == ["final"]
    assert chart["description"].startswith(
        "Admissions rose from 4.6 million on day 14 to 12.32 million on day 52"
    )
