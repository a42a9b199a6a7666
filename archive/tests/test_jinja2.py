"""The Jinja2 environment of the public pages: what it borrows from Django's template
language gives the same output as Django's, and each engine finds only its own templates."""

from datetime import date, datetime, timezone

import pytest
from django.conf import settings
from django.template import engines
from django.template.backends.django import DjangoTemplates
from django.template.backends.jinja2 import Jinja2
from django.template.loader import get_template
from django.templatetags.static import static
from django.test import RequestFactory, override_settings
from django.urls import set_script_prefix
from django.utils import timezone as django_timezone
from django.utils import translation


def django_render(source, context=None, request=None):
    return engines["django"].from_string(source).render(context or {}, request)


def jinja_render(source, context=None, request=None):
    return engines["jinja2"].from_string(source).render(context or {}, request)


@pytest.mark.parametrize(
    ("query", "django_args", "jinja_args"),
    [
        ("", "page=2", "page=2"),
        ("country=KR&year_min=1990&page=3", "page=4", "page=4"),
        ("country=KR&country=TR&q=a+%26+b", "page=2", "page=2"),
        ("country=KR&page=2", "page=None", "page=None"),
        ("page=2", "page=None", "page=None"),
        ("q=x", "country=codes", "country=['KR', 'TR']"),
    ],
)
def test_querystring_is_djangos_tag(query, django_args, jinja_args):
    request = RequestFactory().get(f"/films/?{query}")
    expected = django_render(f"{{% querystring {django_args} %}}", {"codes": ["KR", "TR"]}, request)
    assert jinja_render(f"{{{{ querystring({jinja_args}) }}}}", request=request) == expected


def test_querystring_keeps_the_filters_and_replaces_the_page():
    request = RequestFactory().get("/films/?country=KR&page=3&year_min=1990")
    assert jinja_render("{{ querystring(page=4) }}", request=request) == (
        "?country=KR&amp;page=4&amp;year_min=1990"
    )


def test_querystring_of_an_empty_query_with_nothing_set_is_empty():
    request = RequestFactory().get("/films/")
    assert jinja_render("{{ querystring(page=None) }}", request=request) == ""


@pytest.mark.parametrize(
    ("django_source", "jinja_source", "value"),
    [
        ('{{ v|date:"j F Y" }}', '{{ v|date("j F Y") }}', date(2013, 1, 23)),
        ("{{ v|date:'c' }}", "{{ v|date('c') }}", datetime(2024, 1, 1, 20, 0, tzinfo=timezone.utc)),
        (
            '{{ v|date:"j F Y, H:i" }}',
            '{{ v|date("j F Y, H:i") }}',
            datetime(2024, 1, 1, 20, 0, tzinfo=timezone.utc),
        ),
        ("{{ v|date:'Y-m-d' }}", "{{ v|date('Y-m-d') }}", None),
        ("{{ v|pluralize }}", "{{ v|pluralize }}", 1),
        ("{{ v|pluralize }}", "{{ v|pluralize }}", 2),
        ("{{ v|pluralize }}", "{{ v|pluralize }}", 0),
        ("{{ v|truncatechars:5 }}", "{{ v|truncatechars(5) }}", "Tom & Jerry's <b>"),
        ("{{ v|truncatechars:50 }}", "{{ v|truncatechars(50) }}", "Tom & Jerry's <b>"),
        ("{{ v|capfirst }}", "{{ v|capfirst }}", "newest first"),
        ("{{ v|linebreaks }}", "{{ v|linebreaks }}", "One <b>\n\nTwo & three\nfour"),
        ("{{ v|linebreaks }}", "{{ v|linebreaks }}", ""),
    ],
)
def test_filters_are_djangos(django_source, jinja_source, value):
    expected = django_render(django_source, {"v": value})
    # The two engines escape ' and " with different entities (&#x27; and &#39;).
    assert jinja_render(jinja_source, {"v": value}) == expected.replace("&#x27;", "&#39;")


def test_number_groups_a_count_as_the_active_language_does():
    shown = {}
    for language in ("en", "ko", "tr", "en"):
        with translation.override(language):
            shown[language] = jinja_render("{{ 1234567|number }} {{ 950|number }}")
    # Kept per language: the English writing of a count is never lent to Turkish.
    assert shown == {"en": "1,234,567 950", "ko": "1,234,567 950", "tr": "1.234.567 950"}


def test_number_follows_a_change_of_the_formats():
    # A language without formats of its own groups with the settings' separator.
    with translation.override("xx"), override_settings(NUMBER_GROUPING=3):
        assert jinja_render("{{ 1234567|number }}") == "1,234,567"
        with override_settings(THOUSAND_SEPARATOR=" "):
            assert jinja_render("{{ 1234567|number }}") == "1 234 567"
        assert jinja_render("{{ 1234567|number }}") == "1,234,567"


def test_date_shows_a_datetime_in_the_current_time_zone():
    moment = datetime(2024, 1, 1, 20, 0, tzinfo=timezone.utc)
    with django_timezone.override("Asia/Seoul"):
        shown = jinja_render('{{ v|date("j F Y, H:i") }}', {"v": moment})
    assert shown == "2 January 2024, 05:00"


def test_url_and_static():
    assert jinja_render("{{ url('archive:film-list') }}") == "/films/"
    assert (
        jinja_render("{{ url('archive:film-detail', kwargs={'slug': 'x-2013'}) }}")
        == "/films/x-2013/"
    )
    assert jinja_render("{{ static('archive/site.css') }}").startswith(settings.STATIC_URL)


def test_url_and_static_follow_the_script_prefix_and_the_settings():
    """Both are looked up once and remembered: a page under another prefix, or a test with
    other settings, still gets its own addresses."""
    source = "{{ url('archive:film-list') }} {{ static('archive/site.css') }}"
    assert jinja_render(source).split()[0] == "/films/"
    set_script_prefix("/archive/")
    try:
        film_list, css = jinja_render(source).split()
        assert css == static("archive/site.css")
    finally:
        set_script_prefix("/")
    assert film_list == "/archive/films/"
    with override_settings(STATIC_URL="https://cdn.example/s/"):
        assert jinja_render(source).split()[1].startswith("https://cdn.example/s/archive/")
    assert jinja_render(source).split()[1].startswith(settings.STATIC_URL)


def test_autoescape_is_on_and_safe_strings_are_kept():
    from django.utils.safestring import mark_safe

    context = {"text": "<script>", "markup": mark_safe("<svg></svg>")}
    assert jinja_render("{{ text }}{{ markup }}", context) == "&lt;script&gt;<svg></svg>"


def test_the_public_pages_are_jinja2_and_the_admin_stays_on_django_templates():
    public = ("base.html", "archive/film_list.html", "404.html", "500.html", "axes/lockout.html")
    for name in public:
        assert isinstance(get_template(name).backend, Jinja2), name
    for name in ("admin/index.html", "admin/archive/object_history_list.html"):
        assert isinstance(get_template(name).backend, DjangoTemplates), name


def test_every_public_template_compiles():
    engine = engines["jinja2"]
    root = engine.template_dirs[0]
    names = sorted(str(path.relative_to(root)) for path in root.rglob("*.html"))
    assert "archive/film_detail.html" in names
    for name in names:
        engine.get_template(name)


#: Each translation callable of a template, with placeholders, escaping and a literal "%%".
TRANSLATED = (
    '{{ _("Films") }}|{{ gettext("Search") }}|'
    '{{ _("Page %(number)s of %(pages)s", number=2, pages="<b>") }}|'
    '{{ _("100%% <sourced>") }}|'
    '{{ ngettext("%(num)s film", "%(num)s films", 3) }}|'
    '{{ ngettext("{count} film", "{count} films", 1, n=1) }}|'
    '{{ ngettext("%(num)s film", "%(num)s films", 2, num="<2>") }}|'
    '{{ _("%(message)s and %(context)s", message="m", context="c") }}|'
    '{{ pgettext("month name", "May") }}|'
    '{{ npgettext("people", "%(num)s person", "%(num)s people", 2) }}|'
    "{{ url('archive:film-list') }}|{{ url('archive:film-detail', kwargs={'slug': 'x'}) }}|"
    "{{ language_code() }}"
)


@pytest.mark.parametrize("language", ["en", "ko", "tr"])
def test_a_pages_helpers_give_what_the_environments_own_give(language):
    """A page rendered for a request takes its translation callables, ``url`` and
    ``language_code`` from ``page_helpers`` (bound to the request's language); a template
    rendered without a request (the 500 page) uses the environment's. Both write the same."""
    with translation.override(language):
        with_request = jinja_render(TRANSLATED, request=RequestFactory().get("/"))
        without = jinja_render(TRANSLATED)
    assert with_request == without
    assert "&lt;b&gt;" in with_request and "100% &lt;sourced&gt;" not in with_request
    assert with_request.endswith(f"|{language}")
    if language == "ko":
        assert with_request.startswith("영화|")
        assert "/ko/films/|/ko/films/x/|" in with_request


def test_a_pages_helpers_are_bound_to_the_language_of_its_request():
    from archive.jinja2 import page_helpers

    with translation.override("tr"):
        helpers = page_helpers(RequestFactory().get("/tr/"))
        turkish = translation.gettext("Films")
    with translation.override("ko"):
        assert turkish != translation.gettext("Films")
        assert helpers["_"]("Films") == turkish
        assert helpers["language_code"]() == "tr"
        assert helpers["url"]("archive:film-list") == "/tr/films/"


@pytest.mark.parametrize(
    "source, context, language, expected",
    [
        (
            "{{ film_name(title, local, url) }}",
            {"title": "Miracle <7>", "local": "7번방의 <선물>", "url": "/ko/films/x/?a=1&b=2"},
            "ko",
            '<a href="/ko/films/x/?a=1&amp;b=2">7번방의 &lt;선물&gt;</a> '
            '<span class="also">Miracle &lt;7&gt;</span>',
        ),
        (
            "{{ film_name(title, None, url) }}",
            {"title": "A & B", "url": "/f/"},
            "en",
            '<a href="/f/">A &amp; B</a>',
        ),
        ("{{ film_name(title) }}", {"title": "A & B"}, "en", "A &amp; B"),
        (
            "{{ person_name(name, original, url) }}",
            {"name": "Ryu Seung-ryong", "original": "류승룡", "url": "/ko/people/r/"},
            "ko",
            '<a href="/ko/people/r/">류승룡</a> <span class="also">Ryu Seung-ryong</span>',
        ),
        (
            "{{ person_name(name, original, url) }}",
            {"name": "Ryu <Seung-ryong>", "original": "류승룡", "url": "/people/r/"},
            "en",
            '<a href="/people/r/">Ryu &lt;Seung-ryong&gt;</a>',
        ),
    ],
)
def test_films_and_people_are_named_with_the_archives_words_beside_and_escaped(
    source, context, language, expected
):
    with translation.override(language):
        assert jinja_render(source, context) == expected
