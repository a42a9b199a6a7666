"""The admissions chart: points from days and dates, their labels and the description in
the active language, and no query (its SVG: test_chart_drawing.py)."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import translation

from archive.charts import admissions_chart, short_number
from archive.models import Film
from archive.tests.chart_helpers import RELEASE, SVG, figure, miracle_figures, parse
from archive.tests.factories import FIXTURE


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
