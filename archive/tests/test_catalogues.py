"""The translation catalogues (archive/catalogues.py): every marked string of the code, the
Jinja2 templates and the admin's Django templates is translated in every language, and the
check fails on a string that is missing, untranslated or fuzzy."""

import pytest
from babel.messages.catalog import Catalog
from django.conf import settings

from archive import catalogues


@pytest.fixture(scope="module")
def marked():
    return catalogues.extract()


def test_the_extraction_finds_strings_of_the_code_and_of_the_jinja2_templates(marked):
    ids = {message.id for message in marked}
    assert "Film archive" in ids  # templates/jinja2/base.html
    assert ("%(num)s minute", "%(num)s minutes") in ids  # ngettext() in a template
    assert "newest first" in ids  # gettext_lazy in archive/filters.py
    assert marked.get("in {}", context="a year") is not None  # pgettext_lazy


def test_the_extraction_reads_the_admins_django_templates(marked):
    recent = marked.get("Recent changes")  # {% translate %} in templates/admin/index.html
    assert recent is not None
    assert ("templates/admin/index.html", 10) in recent.locations
    versions = marked.get(("%(counter)s version", "%(counter)s versions"))
    assert versions is not None  # {% blocktranslate count %} in object_history_list.html
    assert marked.get("Film archive: editors") is not None  # gettext_lazy, admin_site.py


def test_a_string_marked_only_in_a_django_template_fails_the_check_until_translated(tmp_path):
    folder = tmp_path / "templates" / "admin"
    folder.mkdir(parents=True)
    (folder / "page.html").write_text(
        "{% load i18n %}\n"
        "{% comment %}\n  Not a message.\n{% endcomment %}\n"
        '<h1>{% translate "Only in a template" %}</h1>\n'
        "{# Translators: the rows of a list #}\n"
        "<p>{% blocktranslate count counter=rows|length %}{{ counter }} row"
        "{% plural %}{{ counter }} rows{% endblocktranslate %}</p>\n"
        '<p>{% translate "May" context "the month" %}</p>\n',
        encoding="utf-8",
    )
    template = catalogues.extract(tmp_path)
    assert template.get("Only in a template").locations == [("templates/admin/page.html", 5)]
    rows = template.get(("%(counter)s row", "%(counter)s rows"))
    assert rows.auto_comments == ["Translators: the rows of a list"]
    assert template.get("May", context="the month") is not None
    assert "Not a message." not in {message.id for message in template}

    catalog = Catalog(locale="tr")
    assert catalogues.problems(template, catalog) == [
        "missing: 'Only in a template'",
        "missing: '%(counter)s row'",
        "missing: 'May'",
    ]
    catalog.add("Only in a template", "Yalnızca bir şablonda")
    catalog.add(("%(counter)s row", "%(counter)s rows"), ("%(counter)s satır", "%(counter)s satır"))
    catalog.add("May", "Mayıs", context="the month")
    assert catalogues.problems(template, catalog) == []


@pytest.mark.parametrize("language", catalogues.languages())
def test_every_marked_string_is_translated(marked, language):
    catalog = catalogues.read(catalogues.po_path(language), language)
    assert catalogues.problems(marked, catalog) == []


def test_every_language_but_the_default_has_a_catalogue():
    assert sorted(catalogues.languages()) == sorted(
        code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    )
    for language in catalogues.languages():
        assert catalogues.po_path(language).exists()


def test_a_missing_an_untranslated_and_a_fuzzy_string_fail_the_check():
    template = Catalog()
    for text in ("Films", "People", "Awards", "Search"):
        template.add(text)
    template.add(("%(num)s film", "%(num)s films"))
    catalog = Catalog(locale="tr")
    catalog.add("Films", "Filmler")
    catalog.add("People", "")
    catalog.add("Awards", "Ödüller", flags=["fuzzy"])
    catalog.add(("%(num)s film", "%(num)s films"), ("%(num)s film", ""))
    assert catalogues.problems(template, catalog) == [
        "untranslated: 'People'",
        "fuzzy: 'Awards'",
        "missing: 'Search'",
        "untranslated: '%(num)s film'",
    ]


def test_a_string_newly_marked_in_a_template_or_the_code_fails_the_check(tmp_path, monkeypatch):
    """The whole chain, on the catalogues as they are: a new string marked in a template
    and one in the code, read by the extractors, are missing from every language's
    catalogue until they are translated."""
    templates = tmp_path / "templates" / "jinja2"
    templates.mkdir(parents=True)
    (templates / "new.html").write_text(
        '<p>{{ _("Films") }}: {{ _("A sentence no catalogue has yet") }}</p>', encoding="utf-8"
    )
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "new.py").write_text(
        "from django.utils.translation import gettext_lazy as _\n"
        'LABEL = _("A label no catalogue has yet")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(catalogues, "root", lambda: tmp_path)
    marked = catalogues.extract()
    assert {message.id for message in marked if message.id} == {
        "Films",
        "A sentence no catalogue has yet",
        "A label no catalogue has yet",
    }
    for language in catalogues.languages():
        catalog = catalogues.read(catalogues.po_path(language), language)
        assert sorted(catalogues.problems(marked, catalog)) == [
            "missing: 'A label no catalogue has yet'",
            "missing: 'A sentence no catalogue has yet'",
        ]
        catalog.add("A sentence no catalogue has yet", "…")
        catalog.add("A label no catalogue has yet", "…")
        assert catalogues.problems(marked, catalog) == []


def test_the_catalogues_compile_without_gettext_tools(tmp_path):
    folder = tmp_path / "tr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = Catalog(locale="tr", domain="django")
    catalog.add("Films", "Filmler")
    with open(folder / "django.po", "wb") as file:
        from babel.messages.pofile import write_po

        write_po(file, catalog)
    written = catalogues.compile_all(locale_dir=tmp_path)
    assert written == [folder / "django.mo"]
    import gettext

    with open(folder / "django.mo", "rb") as file:
        assert gettext.GNUTranslations(file).gettext("Films") == "Filmler"
    # Up to date: not compiled again.
    assert catalogues.compile_all(locale_dir=tmp_path) == []
