"""make bench's admin table (benchmarks/admin_forms.py): the ratio to the form without its
parts, the target, and its own part of the docs, the rest of the file left as it was."""

from types import SimpleNamespace

from benchmarks import admin_forms


def page(label, cpu_ms, queries=36, repeated=0):
    return {
        "label": label,
        "cpu_ms": cpu_ms,
        "wall_ms": cpu_ms + 1,
        "queries": queries,
        "repeated": repeated,
        "requests": 15,
    }


def facts(form_ms):
    pages = {"plain film form": page("plain", 100.0, 17), "film form": page("50 credits", form_ms)}
    return {"pages": pages, "database": "sqlite 3.40.1"}


def render(**databases):
    args = SimpleNamespace(rounds=15, warmup=3)
    return admin_forms.render("2026-12-01 01:41", "a machine", "0.5", args, databases)


def test_the_table_gives_the_ratio_to_the_form_without_its_parts_and_the_target():
    text, missed = render(SQLite=(facts(250.0), 2006), PostgreSQL=(facts(640.0), 2006))
    assert "| 50 credits | 36 | 250.0 | 2.5× | ≤ 3× | yes | 251.0 | 15 |" in text
    assert "| 50 credits | 36 | 640.0 | 6.4× | ≤ 3× | **NO** | 641.0 | 15 |" in text
    assert "### SQLite (sqlite 3.40.1; 2,006 films)" in text
    assert missed == {"PostgreSQL": ["film form"]}


def test_the_table_replaces_its_own_part_of_the_docs_only(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text(
        "# Benchmarks\n\n<!-- make bench: start -->\npublic\n<!-- make bench: end -->\n"
    )
    first, _ = render(SQLite=(facts(250.0), 2006))
    admin_forms.write(docs, first)
    docs.write_text(docs.read_text() + "\nNotes written by hand.\n")
    second, _ = render(SQLite=(facts(300.0), 2006))
    admin_forms.write(docs, second)
    text = docs.read_text()
    assert text.count(admin_forms.START) == 1 and "## The admin's film form" in text
    assert "300.0" in text and "250.0" not in text
    assert "<!-- make bench: start -->\npublic\n" in text
    assert text.endswith("Notes written by hand.\n")
