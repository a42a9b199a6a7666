"""make bench's table of the public pages (benchmarks/bench.py): a page in another language is
held to its English version's target, and profiled only when that version met its own."""

from benchmarks import bench


def page(label, cpu_ms, queries=4, lines=0):
    return {
        "label": label,
        "cpu_ms": cpu_ms,
        "wall_ms": cpu_ms + 1,
        "queries": queries,
        "repeated": 0,
        "requests": 15,
        "lines": lines,
    }


def test_a_page_in_another_language_has_its_english_versions_target():
    assert bench.english_key("film page (ko)") == "film page"
    assert bench.english_key("person page") == "person page"
    for key in bench.TARGETS:
        assert bench.target(f"{key} (ko)") == bench.target(f"{key} (tr)") == bench.TARGETS[key]
    assert bench.target("bare view") is None


def test_the_table_shows_every_language_against_the_english_target():
    pages = {
        "bare view": page("bare view: 25 films, one query", 1.0, queries=1),
        "home": page("home", 2.5),
        "home (ko)": page("home in Korean", 3.5),
        "home (tr)": page("home in Turkish", 2.9),
        "CSV export (tr)": page("CSV export in Turkish", 20.0, lines=667),
    }
    big = {"pages": pages, "database": "sqlite 3.40.1", "films": 100_006, "credits": 1_035_497}
    lines, missed = bench.render_database("SQLite", big, None)
    assert "| home | 4 | 2.5 | 2.5× | ≤ 3× | yes | 3.5 | 15 |" in lines
    assert "| home in Korean | 4 | 3.5 | 3.5× | ≤ 3× | **NO** | 4.5 | 15 |" in lines
    assert "| home in Turkish | 4 | 2.9 | 2.9× | ≤ 3× | yes | 3.9 | 15 |" in lines
    assert (
        "| CSV export in Turkish (666 rows) | 4 | 20.0 | 20.0× | ≤ 25× | yes | 21.0 | 15 |" in lines
    )
    assert missed == ["home (ko)"]


def test_a_page_in_another_language_is_profiled_only_when_its_english_version_met_its_target():
    missed = ["home", "home (ko)", "home (tr)", "films (tr)"]
    assert bench.profiled(missed) == ["home", "films (tr)"]
