"""End to end in a real Chromium (Playwright's sync API) against pytest-django's live server.

What a visitor and an editor do, by clicking: browse and filter from the home page, follow
a film to its remake and its cast, follow a footnote to its source and back (with axe-core
finding no violation on the pages with citations), sign in to the admin and add a credit
through the autocomplete, use the site with JavaScript off and with the keyboard only, and
read it on a phone-sized and a desktop-sized screen (screenshots go to ``artifacts/screenshots/``).

Every page is watched: a console error or warning (a Content-Security-Policy violation is
one), a script error, a failed request, a response of 400 or more, or any request that
leaves the site fails the test. These tests never skip: without Chromium they fail, so CI
notices. Chromium is Debian's (``/usr/bin/chromium``, or ``CHROMIUM`` in the environment);
Playwright's own browser download is not used.

The tests are transactional (the live server's threads must see the rows), so each loads the
fixture itself; ``serialized_rollback`` brings back what the migrations wrote (countries,
languages, the Editors group) after the flush between tests.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connections
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

from archive.models import Role
from archive.tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"

ORIGINAL = f"/films/{factories.ORIGINAL}/"
TURKISH = f"/films/{factories.TURKISH}/"
RYU = "/people/ryu-seung-ryong/"
EDITOR_PASSWORD = "a-long-test-passphrase-8472"


# The browser, and what every page is watched for --------------------------------------------


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """One Chromium for the module.

    While Playwright's sync API runs, the test's code runs beside a running asyncio event
    loop, which changes two things for Django:

    - it refuses database queries unless DJANGO_ALLOW_ASYNC_UNSAFE is set; that is set for
      exactly as long as the browser runs (the flush that ends each test included), not for
      the rest of the session;
    - ``django.db.connections`` is then looked up per asyncio context instead of per thread,
      so it would hand out new connection objects, without the serialized contents that
      ``serialized_rollback`` restores from (the flush after each test would then run the
      post-migrate signal, and the next serialized test would fail). The connections the
      test databases were set up with are put back in place for the browser's lifetime.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: the browser tests need Debian's chromium.")
    thread_connections = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, connection in thread_connections.items():
                connections[alias] = connection
            assert connections["default"] is thread_connections["default"]
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class Watch:
    """Everything that went wrong in one browser context, as readable lines.

    Console errors and warnings, uncaught script errors, failed requests, responses of 400
    or more, and every request for an address outside the site (refused before it leaves).

    ``refuse=False`` only reports a request leaving the site, for a test that opens hundreds
    of pages: routing requests turns the browser's cache off and makes every request of
    every page wait for this process, which doubled that test's time.
    """

    def __init__(self, context, origin, refuse=True):
        self.origin = origin
        self.problems = []
        if refuse:
            context.route("**/*", self._route)
        else:
            context.on("request", self._request)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"script error: {error.error}"))
        context.on("requestfailed", self._failed)
        context.on("response", self._response)

    def same_origin(self, url):
        return url == self.origin or url.startswith(self.origin + "/")

    def _route(self, route):
        url = route.request.url
        if self.same_origin(url):
            route.continue_()
        else:
            self.problems.append(f"request leaving the site: {route.request.method} {url}")
            route.abort("blockedbyclient")

    def _request(self, request):
        if not self.same_origin(request.url):
            self.problems.append(f"request leaving the site: {request.method} {request.url}")

    def _console(self, message):
        if message.type in ("error", "warning"):
            where = message.location.get("url", "") if message.location else ""
            self.problems.append(f"console {message.type}: {message.text} ({where})")

    def _failed(self, request):
        # The admin's autocomplete (select2) aborts a search that a newer keystroke replaced,
        # leaving a page drops the header box's suggestions still on their way (a fetch), and
        # the browser drops a page's icon or an image a script added (the admin's calendar
        # icon) when the test moves on before it arrived. A missing one answers 404, which
        # _response reports.
        superseded = request.failure == "net::ERR_ABORTED" and (
            request.resource_type in ("xhr", "fetch", "image")
            or request.url.endswith("/favicon.svg")
        )
        if self.same_origin(request.url) and not superseded:
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self.problems.append(
                f"HTTP {response.status}: {response.request.method} {response.url}"
            )

    def check(self):
        problems, self.problems = self.problems, []
        assert problems == [], "\n".join(problems)


class Visitor:
    """A browser context (a private window) on the live server, watched."""

    def __init__(self, browser, base, refuse=True, **options):
        self.base = base
        self.context = browser.new_context(base_url=base, **options)
        self.context.set_default_timeout(10_000)
        self.watch = Watch(self.context, base, refuse)
        self.page = self.context.new_page()

    def goto(self, path):
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return response

    def at(self, path, query=None):
        """Wait until the page at ``path`` has loaded: exactly that path (or a compiled regular
        expression for it), with a query matching the regular expression ``query`` if given.

        A click that navigates is followed by this, so that the next action waits for the
        new page and never cuts the loading of the previous one short. The address must not
        match the page being left (Playwright would not wait for the next one then).
        """
        path = path.pattern if isinstance(path, re.Pattern) else re.escape(path)
        query = rf"\?{query}" if query else ""
        self.page.wait_for_url(re.compile(f"{re.escape(self.base)}{path}{query}$"))

    def close(self):
        self.context.close()


@pytest.fixture
def archive(live_server):
    """The seed fixture, committed, and the live server's address."""
    factories.load_archive_once_per_process()
    return live_server.url


@pytest.fixture
def open_visitor(browser, archive):
    """Open watched browser contexts; each must end the test without a problem."""
    visitors = []

    def open_(**options):
        visitor = Visitor(browser, archive, **options)
        visitors.append(visitor)
        return visitor

    yield open_
    try:
        for visitor in visitors:
            visitor.watch.check()
    finally:
        for visitor in visitors:
            visitor.close()


def heading(page):
    """The page's h1."""
    return page.get_by_role("heading", level=1)


def shown(text):
    """``text`` as a fact shows it: followed by its citation marks ("[1][2]", "[unsourced]"),
    which ``test_citations.py`` and the footnote test check."""
    return re.compile(r"^\s*" + re.escape(text) + r"(\[(\d+|unsourced)\])*\s*$")


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def facet(page, title):
    return page.locator("section.facet").filter(has=page.get_by_role("heading", name=title))


# 1. Browse and filter ----------------------------------------------------------------------


def test_browse_from_home_to_a_film_its_remake_and_an_actor(open_visitor):
    visitor = open_visitor()
    page = visitor.page
    visitor.goto("/")
    expect(heading(page)).to_have_text("Film archive")
    expect(page).to_have_title("Film archive")

    main_nav(page).get_by_role("link", name="Films", exact=True).click()
    visitor.at("/films/")
    expect(heading(page)).to_have_text("Films")
    summary = page.locator("#summary")
    expect(summary).to_have_text(re.compile(r"^6 films, "))
    expect(main_nav(page).get_by_role("link", name="Films")).to_have_attribute(
        "aria-current", "page"
    )

    facet(page, "Country").get_by_role("link", name="South Korea").click()
    visitor.at("/films/", "country=KR")
    expect(summary).to_have_text(re.compile(r"^1 film from South Korea, "))
    expect(page.get_by_role("link", name="Remove filter Country: South Korea")).to_be_visible()
    expect(page.locator("table.records tbody tr")).to_have_count(1)

    # A second country widens the list: repeated parameters mean "any of".
    facet(page, "Country").get_by_role("link", name="Türkiye").click()
    visitor.at("/films/", "country=KR&country=TR")
    expect(summary).to_have_text(re.compile(r"^2 films from South Korea or Türkiye, "))
    rows = page.locator("table.records tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.get_by_role("link")).to_have_text(["7. Koğuştaki Mucize", "Miracle in Cell No. 7"])

    # The original.
    rows.filter(has_text="2013").get_by_role("link", name="Miracle in Cell No. 7").click()
    visitor.at(ORIGINAL)
    expect(heading(page)).to_have_text(shown("Miracle in Cell No. 7 (2013)"))
    expect(page).to_have_title("Miracle in Cell No. 7 (2013) – Film archive")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("South Korea")
    expect(facts).to_contain_text("Korean")
    expect(facts.get_by_role("link", name="Lee Hwan-kyung").first).to_be_visible()
    expect(page.locator("section[aria-labelledby=titles-h]")).to_contain_text("7번방의 선물")
    family = page.locator("table.family")
    expect(family.locator("caption")).to_have_text("The family of Miracle in Cell No. 7 (2013)")
    expect(family.locator("tbody tr")).to_have_count(6)
    expect(family.locator("tr[aria-current=page]")).to_contain_text("(this film)")

    # Its Turkish remake, through the adaptations table.
    family.get_by_role("link", name="7. Koğuştaki Mucize").click()
    visitor.at(TURKISH)
    expect(heading(page)).to_have_text(shown("7. Koğuştaki Mucize (2019)"))
    expect(page.locator("dl.facts")).to_contain_text("Türkiye")
    expect(page.locator("dl.facts")).to_contain_text("Turkish")
    expect(page.get_by_text("This film is an adaptation of")).to_contain_text(
        "Miracle in Cell No. 7 (2013)"
    )
    current = page.locator("table.family tr[aria-current=page]")
    expect(current).to_contain_text("7. Koğuştaki Mucize")
    expect(current).to_contain_text("Official remake")

    # Back to the original, and from its cast to the lead actor.
    page.get_by_text("This film is an adaptation of").get_by_role(
        "link", name="Miracle in Cell No. 7", exact=True
    ).click()
    visitor.at(ORIGINAL)
    cast = page.locator("section[aria-labelledby=cast-h]")
    expect(cast.locator("li").first).to_have_text(shown("Ryu Seung-ryong as Lee Yong-gu"))
    cast.get_by_role("link", name="Ryu Seung-ryong").click()
    visitor.at(RYU)
    expect(heading(page)).to_have_text(shown("Ryu Seung-ryong"))
    filmography = page.locator("section[aria-labelledby=filmography-h] table")
    expect(filmography.locator("tbody tr")).to_contain_text(["Miracle in Cell No. 7"])
    expect(filmography).to_contain_text("Actor as Lee Yong-gu")
    awards = page.locator("section[aria-labelledby=awards-h]")
    expect(awards).to_contain_text("Grand Prize (Film)")
    expect(awards.locator("li")).to_have_count(3)


# 2. An editor adds a credit ----------------------------------------------------------------


@pytest.fixture
def editor(archive, settings):
    """A staff member of the Editors group (not a superuser), with a known password; the
    public page cache is on, whatever the environment says."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PAGE_CACHE_SECONDS = 300
    user = User.objects.create_user("editor", password=EDITOR_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_an_editor_adds_a_credit_through_the_autocomplete(open_visitor, editor):
    # An anonymous visitor reads the film page first: the page cache now holds it.
    reader = open_visitor()
    reader.goto(ORIGINAL)
    expect(reader.page.locator("section[aria-labelledby=cast-h]")).not_to_contain_text("Aras")
    assert reader.page.goto(reader.base + ORIGINAL).headers.get("x-page-cache") == "hit"

    visitor = open_visitor()
    page = visitor.page
    visitor.goto("/")
    page.locator("footer").get_by_role("link", name="sign in").click()
    visitor.at("/admin/login/", "next=/admin/")
    # A typo first: the form says so, and the sign-in throttle lets the right password in.
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".errornote")).to_contain_text("correct username and password")
    page.wait_for_load_state()
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    visitor.at("/admin/")
    expect(heading(page)).to_have_text("What to edit")

    page.get_by_role("link", name="Films", exact=True).click()
    visitor.at("/admin/archive/film/")
    page.locator("#searchbar").fill("7번방의 선물")
    page.locator("#searchbar").press("Enter")
    visitor.at("/admin/archive/film/", "q=.+")
    results = page.locator("#result_list tbody tr")
    expect(results).to_have_count(1)
    results.get_by_role("link", name="Miracle in Cell No. 7").click()
    visitor.at(re.compile(r"/admin/archive/film/\d+/change/"), "_changelist_filters=.+")
    expect(page.locator("#content > h1")).to_have_text("Change film")
    expect(page.locator("#content > h2")).to_contain_text("Miracle in Cell No. 7")
    expect(page.locator("#id_slug")).to_have_value(factories.ORIGINAL)

    credits = page.locator("#roles-group")
    credits.locator("summary").first.click()  # the section opens on demand
    rows = credits.locator("tr.form-row:not(.empty-form)")
    before = rows.count()
    credits.locator(".add-row a", has_text="Add another credit").click()
    expect(rows).to_have_count(before + 1)
    row = rows.last

    row.locator("td.field-person .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill("Aras")
    option = page.locator(".select2-results__option", has_text="Aras Bulut İynemli")
    expect(option).to_have_count(1)
    option.click()
    expect(row.locator("td.field-person .select2-selection__rendered")).to_contain_text(
        "Aras Bulut İynemli"
    )
    row.locator("select[name$='-kind']").select_option("actor")
    row.locator("input[name$='-character']").fill("Memo's cellmate")
    row.locator("input[name$='-billing']").fill("20")

    page.locator("input[name='_save']").last.click()
    visitor.at(re.compile(r"/admin/archive/film/\d+/change/"), "_changelist_filters=.+")
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    assert Role.objects.filter(
        film__slug=factories.ORIGINAL,
        person__slug="aras-bulut-iynemli",
        kind="actor",
        character="Memo's cellmate",
    ).exists()

    # The public page shows it at once, to the editor and to the anonymous reader (whose
    # copy of the page was cached before the change).
    for who in (visitor, reader):
        who.goto(ORIGINAL)
        cast = who.page.locator("section[aria-labelledby=cast-h] li")
        expect(cast.last).to_have_text(shown("Aras Bulut İynemli as Memo's cellmate"))
        cast.last.get_by_role("link").click()
        who.at("/people/aras-bulut-iynemli/")
        expect(who.page.locator("table")).to_contain_text("Actor as Memo's cellmate")


# 3. Every page by clicking, with JavaScript on and off -------------------------------------


def submit_filters(visitor, button, query, **fields):
    """Fill the list's GET form by its labels, submit it with its button, and wait for the
    list whose query matches ``query``."""
    form = visitor.page.locator("form.filters")
    for label, value in fields.items():
        form.get_by_label(label, exact=True).fill(value)
    path = visitor.page.url.removeprefix(visitor.base).split("?")[0]
    form.get_by_role("button", name=button).click()
    visitor.at(path, query)


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_every_page_is_reachable_by_clicking_from_home(open_visitor, javascript):
    visitor = open_visitor(java_script_enabled=javascript)
    page = visitor.page
    summary = page.locator("#summary")

    def home():
        page.get_by_role("link", name="Film archive", exact=True).click()
        visitor.at("/")
        expect(heading(page)).to_have_text("Film archive")

    visitor.goto("/")
    counts = page.locator("ul.counts")
    expect(counts).to_contain_text("6 films")
    expect(counts).to_contain_text("30 people")

    # Films: the form, then a facet on top of it, then a new sort that keeps both.
    main_nav(page).get_by_role("link", name="Films", exact=True).click()
    visitor.at("/films/")
    expect(summary).to_have_text(re.compile(r"^6 films, "))
    submit_filters(visitor, "Show films", "q=&year_min=2019&.*", **{"From year": "2019"})
    expect(summary).to_have_text(re.compile(r"^3 films released in 2019 or later, "))
    facet(page, "Country").get_by_role("link", name="Türkiye").click()
    visitor.at("/films/", ".*country=TR")
    expect(summary).to_have_text(re.compile(r"^1 film from Türkiye released in 2019 or later, "))
    (order,) = page.locator("form.filters").get_by_label("Sort").select_option(index=1)
    submit_filters(visitor, "Show films", f".*sort={re.escape(order)}&country=TR")
    expect(summary).to_have_text(re.compile(r"^1 film from Türkiye released in 2019 or later, "))
    expect(page.locator("table.records tbody tr")).to_have_text([re.compile("7. Koğuştaki Mucize")])
    page.get_by_role("link", name="Clear all").click()
    visitor.at("/films/")
    expect(summary).to_have_text(re.compile(r"^6 films, "))

    # People.
    main_nav(page).get_by_role("link", name="People", exact=True).click()
    visitor.at("/people/")
    expect(heading(page)).to_have_text("People")
    expect(summary).to_have_text(re.compile(r"^30 people, "))
    submit_filters(visitor, "Show people", "q=Ryu&.*", **{"Name, in any script": "Ryu"})
    expect(summary).to_have_text(re.compile(r"^1 person named “Ryu”, "))
    expect(page.locator("table.records tbody tr")).to_have_count(1)

    # Adaptations.
    main_nav(page).get_by_role("link", name="Adaptations", exact=True).click()
    visitor.at("/adaptations/")
    expect(heading(page)).to_have_text("Remakes and adaptations")
    expect(summary).to_have_text(re.compile(r"^5 adaptations, "))
    submit_filters(visitor, "Show adaptations", ".*year_max=2019.*", **{"To year": "2019"})
    expect(summary).to_have_text(re.compile(r"^3 adaptations made in 2019 or earlier, "))
    facet(page, "Kind").get_by_role("link", name="Unofficial remake").click()
    visitor.at("/adaptations/", ".*kind=unofficial_remake.*")
    expect(page.locator("table.records tbody tr")).to_have_count(1)
    expect(page.locator("table.records tbody")).to_contain_text("Pushpaka Vimana")

    # Awards.
    main_nav(page).get_by_role("link", name="Awards", exact=True).click()
    visitor.at("/awards/")
    expect(heading(page)).to_have_text("Awards and nominations")
    expect(summary).to_have_text(re.compile(r"^7 awards and nominations, "))
    submit_filters(visitor, "Show awards", r".*category=Best\+Actor.*", Category="Best Actor")
    expect(summary).to_have_text(re.compile(r"^2 awards and nominations in a category matching"))
    facet(page, "Result").get_by_role("link", name="Won").click()
    visitor.at("/awards/", ".*result=won.*")
    expect(summary).to_have_text(re.compile(r"^1 award or nomination .*won"))

    # A film and a person, from the home page's lists.
    home()
    page.locator("section[aria-labelledby=adapted-h]").get_by_role(
        "link", name="Miracle in Cell No. 7"
    ).click()
    visitor.at(ORIGINAL)
    expect(heading(page)).to_have_text(shown("Miracle in Cell No. 7 (2013)"))
    expect(page.locator("figure.chart svg")).to_be_visible()
    home()
    page.locator("section[aria-labelledby=recent-people-h] a").first.click()
    visitor.at(re.compile(r"/people/[\w-]+/"))
    expect(page.locator(".kicker")).to_have_text("Person")
    expect(page.get_by_role("heading", name="Filmography")).to_be_visible()

    # The editors' side is one click away too.
    home()
    page.locator("footer").get_by_role("link", name="sign in").click()
    visitor.at("/admin/login/", "next=/admin/")
    expect(page.get_by_role("button", name="Log in")).to_be_visible()

    # The sitemap lists every record page; robots.txt points to it.
    sitemap = visitor.context.request.get(visitor.base + "/sitemap.xml")
    assert sitemap.ok and "xml" in sitemap.headers["content-type"]
    for path in ("/", "/films/", ORIGINAL, TURKISH, RYU):
        assert f"<loc>{visitor.base}{path}</loc>" in sitemap.text(), path
    robots = visitor.context.request.get(visitor.base + "/robots.txt")
    assert robots.ok and robots.headers["content-type"].startswith("text/plain")
    assert f"Sitemap: {visitor.base}/sitemap.xml" in robots.text()
    assert "Disallow: /admin/" in robots.text()


# 4. The keyboard ---------------------------------------------------------------------------

FOCUS_STYLE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName.toLowerCase(),
    text: (element.textContent || element.name || element.id || "").trim().slice(0, 60),
    outline: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
  };
}"""


def assert_focus_visible(page):
    focused = page.evaluate(FOCUS_STYLE)
    assert focused["outline"] != "none" and focused["width"] >= 1, focused
    return focused


def test_the_keyboard_reaches_everything_with_a_visible_focus(open_visitor):
    visitor = open_visitor()
    page = visitor.page
    visitor.goto("/")

    # The skip link is the first Tab stop, shows itself, and moves the focus to main.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#home-q")).to_be_focused()

    # Every Tab stop of the home page shows where the focus is.
    page.keyboard.press("Shift+Tab")
    seen = []
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        seen.append(assert_focus_visible(page))
    assert len(seen) >= 20, seen

    # The film list's filter form, filled and sent without a mouse.
    visitor.goto("/films/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_role("searchbox", name="Title or character", exact=True)).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.type("Miracle")
    page.keyboard.press("Tab")
    expect(page.get_by_label("From year")).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.type("2019")
    page.keyboard.press("Tab")
    expect(page.get_by_label("To year")).to_be_focused()
    page.keyboard.press("Tab")
    sort = page.locator("form.filters").get_by_label("Sort")
    expect(sort).to_be_focused()
    assert_focus_visible(page)
    first_sort = sort.input_value()
    page.keyboard.press("ArrowDown")
    assert sort.input_value() != first_sort
    page.keyboard.press("Tab")
    button = page.get_by_role("button", name="Show films")
    expect(button).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    visitor.at("/films/", r"q=Miracle&year_min=2019&year_max=&sort=[\w-]+")
    expect(page.locator("#summary")).to_have_text(
        re.compile(r"^\d+ films? matching “Miracle” released in 2019 or later, ")
    )
    expect(page.get_by_role("searchbox", name="Title or character", exact=True)).to_have_value(
        "Miracle"
    )
    expect(page.locator("table.records tbody tr").first).to_be_visible()


# 5. Phone and desktop ----------------------------------------------------------------------

PAGES = {"home": "/", "films": "/films/", "film": ORIGINAL, "person": RYU}


def test_pages_fit_a_phone_and_a_desktop_and_are_photographed(open_visitor):
    """Home, the film list, a film and a person at 360 and 1440 pixels wide: nothing is
    wider than the screen; the screenshots go to artifacts/screenshots/ for a person to see."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (360, 1440):
        visitor = open_visitor(viewport={"width": width, "height": 800})
        page = visitor.page
        for name, path in PAGES.items():
            visitor.goto(path)
            expect(heading(page)).to_be_visible()
            page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
            overflow = page.evaluate(
                "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
            )
            assert overflow["scroll"] <= overflow["inner"] + 1, (width, path, overflow)
            # Nor does anything wider hide behind an overflow: every box ends on the screen.
            wide = page.evaluate(
                """(limit) => [...document.querySelectorAll("main *, header *")]
                    .filter((e) => e.getBoundingClientRect().right > limit + 1)
                    .filter((e) => !e.closest(".visually-hidden, .skip-link"))
                    .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute("class")}`)""",
                width,
            )
            assert wide == [], (width, path, wide)


LISTS = ("/films/", "/people/", "/adaptations/", "/awards/")


def test_on_a_phone_each_cell_of_a_list_shows_its_column_name(open_visitor):
    """On a phone a list's rows stack and its heading row is hidden, so each cell shows its
    column's name (its data-label) before its value; on a desktop the heading row does."""
    for width, phone in ((360, True), (1440, False)):
        visitor = open_visitor(viewport={"width": width, "height": 800})
        for path in LISTS:
            visitor.goto(path)
            shown = visitor.page.evaluate(
                """() => ({
                    head: getComputedStyle(document.querySelector("table.records thead")).display,
                    cells: [...document.querySelectorAll("table.records tbody tr:first-child > *")]
                        .map((cell) => [cell.dataset.label, getComputedStyle(cell, "::before")])
                        .map(([label, before]) => [label, before.content]),
                })"""
            )
            assert shown["cells"], path
            assert (shown["head"] == "none") == phone, (width, path, shown)
            for label, before in shown["cells"]:
                assert before == (f'"{label}: "' if phone else "none"), (width, path, shown)


# The watch itself --------------------------------------------------------------------------


def test_the_watch_reports_what_it_should(open_visitor):
    """A missing file, a console error and a request to another site are each reported (the
    site's Content-Security-Policy refuses a script's request first; a navigation is not
    subject to it, so the watch's own block is what stops that one)."""
    visitor = open_visitor()
    page = visitor.page
    visitor.goto("/")
    page.evaluate(
        """async () => {
            console.error("on purpose");
            await (await fetch("/static/archive/missing.css")).text();
            await fetch("https://example.com/tracker.js").catch(() => null);
        }"""
    )
    with pytest.raises(PlaywrightError):
        page.goto("https://example.com/")
    problems, visitor.watch.problems = visitor.watch.problems, []
    assert "console error: on purpose ()" in problems
    assert f"HTTP 404: GET {visitor.base}/static/archive/missing.css" in problems
    assert any(
        line.startswith("console error:")
        and "https://example.com/tracker.js" in line
        and "Content Security Policy" in line
        for line in problems
    ), problems
    assert "request leaving the site: GET https://example.com/" in problems


# Error pages -------------------------------------------------------------------------------


def test_a_missing_page_shows_the_sites_404_page_and_its_search_works(open_visitor):
    visitor = open_visitor()
    page = visitor.page
    missing = "/films/no-such-film-1900/"
    response = page.goto(visitor.base + missing)
    assert response.status == 404
    expect(heading(page)).to_have_text("Page not found")
    expect(page).to_have_title("Page not found · Film archive")
    expect(main_nav(page).get_by_role("link", name="People")).to_be_visible()
    # The 404 (and Chromium's console line about it) is the one expected problem; anything
    # else (a style or icon that failed to load, a policy violation) is still reported.
    address = f"{visitor.base}{missing}"
    assert visitor.watch.problems == [
        f"HTTP 404: GET {address}",
        "console error: Failed to load resource: the server responded with a status of 404"
        f" (Not Found) ({address})",
    ]
    visitor.watch.problems.clear()

    page.get_by_role("combobox", name="Search films, people and awards").fill("Miracle")
    page.get_by_role("button", name="Search", exact=True).click()
    visitor.at("/search/", "q=Miracle")
    expect(heading(page)).to_have_text("Search")


# 6. Pictures, and search from the header's box ---------------------------------------------


def axe_violations(page):
    """axe-core's violations on the page (axe-playwright-python's bundled axe-core, run
    through the DevTools protocol: the page's CSP still holds for the page itself)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{item['id']}: {node['target']}"
        for item in results.response["violations"]
        for node in item["nodes"]
    ]


def test_an_editor_uploads_a_poster_that_shows_on_phone_and_desktop(open_visitor, editor, media):
    from archive.tests.image_files import image_bytes

    film = factories.film("Pictured Film", 2020, countries=["KR"])
    visitor = open_visitor()
    page = visitor.page
    visitor.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    visitor.at("/admin/")
    visitor.goto(f"/admin/archive/film/{film.pk}/change/")
    open_sections(page)
    pictures = page.locator("#images-group")
    pictures.locator(".add-row a", has_text="Add another picture").click()
    row = pictures.locator(".inline-related:not(.empty-form)").last
    row.locator("input[type=file]").set_input_files(
        {
            "name": "poster.jpg",
            "mimeType": "image/jpeg",
            "buffer": image_bytes("JPEG", (300, 450), color=(30, 60, 120)),
        }
    )
    row.locator("input[name$='-alt']").fill("Poster: a father and his daughter")
    row.locator("input[name$='-is_main']").check()
    page.locator("input[name='_continue']").last.click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    open_sections(page)
    expect(pictures.locator("img[alt='Poster: a father and his daughter']")).to_be_visible()

    reader = open_visitor()
    for width in (360, 1440):
        reader.page.set_viewport_size({"width": width, "height": 800})
        reader.goto(film.get_absolute_url())
        poster = reader.page.locator(".record-header img[alt='Poster: a father and his daughter']")
        expect(poster).to_be_visible()
        loaded = poster.evaluate("(img) => [img.complete, img.naturalWidth, img.currentSrc]")
        assert loaded[0] and loaded[1] > 0, loaded
        assert loaded[2].startswith(reader.base + "/media/images/"), loaded
        box = poster.bounding_box()
        assert box["x"] + box["width"] <= width + 1, box
        assert axe_violations(reader.page) == []
    # axe does see a picture without alt text.
    reader.page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    assert [v for v in axe_violations(reader.page) if v.startswith("image-alt")]


def test_the_header_box_suggests_and_the_keyboard_picks_one(open_visitor):
    visitor = open_visitor()
    page = visitor.page
    visitor.goto("/films/")
    box = page.get_by_role("combobox", name="Search films, people and awards")
    box.focus()
    box.press_sequentially("ryu seung", delay=30)
    listbox = page.get_by_role("listbox", name="Suggestions")
    option = listbox.get_by_role("option", name=re.compile("^Ryu Seung-ryong"))
    expect(option).to_be_visible()
    expect(option).to_contain_text("2013; Miracle in Cell No. 7, 2013")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^1 suggestion: "))
    assert axe_violations(page) == []

    # Escape closes the list; Down opens it again and moves to the first suggestion.
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    box.press("Enter")
    visitor.at(RYU)
    expect(heading(page)).to_have_text(shown("Ryu Seung-ryong"))


def test_the_header_box_says_its_suggestions_in_korean_under_ko(open_visitor):
    visitor = open_visitor()
    page = visitor.page
    visitor.goto("/ko/films/")
    box = page.get_by_role("combobox", name="영화, 인물, 수상 검색")
    box.focus()
    box.press_sequentially("ryu seung", delay=30)
    listbox = page.get_by_role("listbox", name="제안")
    expect(listbox.get_by_role("option")).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text(
        "제안 1개: 위아래 화살표로 고르고 Enter 키로 여세요."
    )
    box.fill("")
    box.press_sequentially("zzqx", delay=30)
    expect(page.get_by_role("status")).to_have_text("제안이 없습니다.")
    expect(listbox).to_be_hidden()


def test_without_javascript_the_header_box_lands_on_the_search_page(open_visitor):
    visitor = open_visitor(java_script_enabled=False)
    page = visitor.page
    visitor.goto("/")
    box = page.get_by_role("searchbox", name="Search films, people and awards")
    box.fill("Ye-sung")
    box.press("Enter")
    visitor.at("/search/", "q=Ye-sung")
    expect(heading(page)).to_have_text("Search")
    films = page.locator("section[aria-labelledby=group-films]")
    expect(films).to_contain_text("Matched by character: Ye-sung (예승)")
    films.get_by_role("link", name="Miracle in Cell No. 7").click()
    visitor.at(ORIGINAL)


def tab_to(page, target, most=30):
    """Press Tab from where the focus is until ``target`` has it (the keyboard only)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{most} presses of Tab never reached {target}")


def test_the_language_switch_keeps_a_filtered_list_with_the_keyboard_and_no_javascript(
    open_visitor,
):
    visitor = open_visitor(java_script_enabled=False)
    page = visitor.page
    query = "country=KR&country=TR&genre=drama&genre=comedy-drama&sort=title"
    visitor.goto(f"/films/?{query}")
    for language, name, path, title, narrow, summary in [
        ("ko", "한국어", "/ko/films/", "영화", "좁혀 보기", "영화 2편 "),
        ("tr", "Türkçe", "/tr/films/", "Filmler", "Daralt", "2 film "),
        ("en", "English", "/films/", "Films", "Narrow down", "2 films "),
    ]:
        # From the top of the page, Tab to the language's button and press Enter.
        button = page.get_by_role("button", name=name)
        tab_to(page, button)
        assert_focus_visible(page)
        page.keyboard.press("Enter")
        visitor.at(path, re.escape(query))
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(heading(page)).to_have_text(title)
        expect(page.get_by_role("heading", name=narrow, exact=True)).to_be_visible()
        expect(page.locator("#summary")).to_have_text(re.compile("^" + re.escape(summary)))
        expect(page.get_by_role("button", name=name)).to_have_attribute("aria-pressed", "true")
        # The filters and the sort came along: the two films of South Korea and Türkiye,
        # by title.
        expect(page.locator("table.records tbody tr")).to_have_count(2)
        expect(page.locator("form.filters select[name=sort]")).to_have_value("title")


def test_axe_finds_nothing_on_the_korean_and_turkish_pages(open_visitor):
    """axe runs in the page, so with JavaScript on: the home page, a list and a film page
    in each language, their ``lang`` included."""
    reader = open_visitor()
    for language in ("ko", "tr"):
        for path in ("/", "/films/?country=KR&country=TR&sort=title", ORIGINAL):
            reader.goto(f"/{language}{path}")
            expect(reader.page.locator("html")).to_have_attribute("lang", language)
            assert axe_violations(reader.page) == [], f"/{language}{path}"


def test_the_search_page_is_accessible(open_visitor):
    visitor = open_visitor()
    visitor.goto("/search/?q=Ye-seung")
    films = visitor.page.locator("section[aria-labelledby=group-films]")
    expect(films.get_by_text("Did you mean")).to_contain_text("Ye-sung")
    assert axe_violations(visitor.page) == []
    visitor.goto("/search/?q=miracle")
    assert axe_violations(visitor.page) == []


def test_a_footnote_takes_the_keyboard_to_its_source_and_back(open_visitor):
    visitor = open_visitor()
    page = visitor.page
    visitor.goto(ORIGINAL)
    # The last source of the list is first cited far down the page.
    source = page.locator("ol.sources > li").last
    key = source.get_attribute("id")
    back = source.locator("a.backref").first
    ref = back.get_attribute("href").removeprefix("#")
    mark = page.locator(f"#{ref}")
    expect(mark).to_have_attribute("href", f"#{key}")

    mark.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"#{key}$"))
    expect(source).to_be_in_viewport()
    # Focus starts from the source now: Tab reaches its link back first.
    page.keyboard.press("Tab")
    expect(back).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"#{ref}$"))
    expect(mark).to_be_in_viewport()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(mark).to_be_focused()

    assert axe_violations(page) == []
    for path in (f"/films/{factories.INDONESIAN}/", RYU, "/about/sources/"):
        visitor.goto(path)
        assert axe_violations(page) == []


# 7. The admin at 1,366 × 768 ----------------------------------------------------------------

ADMIN_SCREEN = {"viewport": {"width": 1366, "height": 768}}


def sign_in(visitor):
    page = visitor.page
    visitor.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    visitor.at("/admin/")


def open_sections(page):
    """Open every collapsed section and inline, as an editor would to work on them."""
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")


#: Reference data that the migrations write, hundreds of records of one small form each:
#: the first record of each stands for the rest.
MIGRATION_DATA = ("country", "language")


def every_change_form():
    """The change form of every record of the seed archive: every record of every archive
    model the admin has (the fixture's films, people, credits, titles, sources, awards,
    figures, notes, companies, the load itself), and one country and one language."""
    from django.apps import apps
    from django.contrib import admin

    from archive.tests.admin_helpers import admin_url

    urls = []
    for model in apps.get_app_config("archive").get_models():
        if admin.site.is_registered(model):
            pks = model._default_manager.order_by("pk").values_list("pk", flat=True)
            if model._meta.model_name in MIGRATION_DATA:
                pks = pks[:1]
            urls += [admin_url(model, "change", pk) for pk in pks]
    return urls


#: How an admin page overflows the window, every section opened first as an editor would:
#: how far the page scrolls sideways, what reaches past the window's right edge (but for
#: what is hidden), and which inline tables scroll sideways inside their own box.
OVERFLOW = """() => {
    document.querySelectorAll("details").forEach((d) => { d.open = true; });
    const page = document.scrollingElement;
    const limit = page.clientWidth + 1;
    const wide = [...document.querySelectorAll("#container *")]
        .filter((e) => e.getBoundingClientRect().right > limit)
        .filter((e) => !e.closest(".visually-hidden, .select2-hidden-accessible, .hidden"))
        .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute("class")}`);
    const scrolled = [...document.querySelectorAll(".inline-group .tabular")]
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.id || e.parentElement.id);
    return {page: page.scrollWidth - page.clientWidth, wide, scrolled};
}"""


#: Resolves once every image of the page has loaded or failed.
IMAGES_LOADED = """() => Promise.all([...document.images].filter((image) => !image.complete)
    .map((image) => new Promise((done) => { image.onload = image.onerror = done; })))"""


@pytest.mark.long
def test_every_change_form_of_the_seed_archive_fits_a_1366_pixel_window(open_visitor, editor):
    urls = every_change_form()
    assert len(urls) > 190  # the seed's 193 records and more, not a sample
    visitor = open_visitor(**ADMIN_SCREEN, refuse=False)
    sign_in(visitor)
    # Two tabs take turns, so that Chromium lays out one form while the server builds the
    # next: the tab that asked for a page is measured only once it has the next one coming.
    tabs = [visitor.page, visitor.context.new_page()]
    too_wide = {}

    def measure(page, url):
        page.wait_for_load_state("domcontentloaded")
        overflow = page.evaluate(OVERFLOW)
        if overflow != {"page": 0, "wide": [], "scrolled": []}:
            too_wide[url] = overflow
        # The page's last icons and its asynchronous script, before the next page (or the
        # test's end) cuts them off, which the watch would report: the admin's date fields
        # add their calendar icons when the page has loaded.
        page.wait_for_load_state("load")
        page.evaluate(IMAGES_LOADED)

    asked = []
    for number, url in enumerate(urls):
        page = tabs[number % 2]
        if len(asked) == 2:
            measure(*asked.pop(0))
        response = page.goto(visitor.base + url, wait_until="commit")
        assert response is not None and response.ok, (url, response and response.status)
        asked.append((page, url))
    for page, url in asked:
        measure(page, url)
    assert too_wide == {}, (
        f"{len(too_wide)} of {len(urls)} change forms scroll sideways: {too_wide}"
    )


@pytest.mark.long
def test_axe_finds_nothing_serious_on_the_admin_pages(open_visitor, editor):
    from axe_playwright_python.sync_playwright import Axe

    from archive.models import Film, Person
    from archive.tests.admin_helpers import admin_url, change_url

    film = Film.objects.get(slug=factories.ORIGINAL)
    pages = [
        "/admin/",
        admin_url(Film, "changelist"),
        change_url(film),
        change_url(Person.objects.get(slug="ryu-seung-ryong")),
        change_url(Role.objects.filter(film=film).first()),
    ]
    # axe injects its script and styles: the page's CSP would refuse them (and the watch
    # report that), so this context lets the test's own injection through.
    visitor = open_visitor(**ADMIN_SCREEN, bypass_csp=True)
    sign_in(visitor)
    axe = Axe()
    for url in pages:
        visitor.goto(url)
        open_sections(visitor.page)
        # The pickers are named once Django's autocomplete has drawn them.
        visitor.page.wait_for_load_state("load")
        visitor.page.wait_for_timeout(100)
        # No "preload" of the page's style sheets: axe reads them itself for that.
        violations = axe.run(visitor.page, options={"preload": False}).response["violations"]
        serious = [
            (v["id"], v["impact"], v["nodes"][0]["target"])
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], (url, serious)


def test_a_credit_row_is_added_with_the_keyboard_only(open_visitor, editor):
    from archive.tests.admin_helpers import change_url

    film = factories.film("Cell No. 9", 2031)
    visitor = open_visitor(**ADMIN_SCREEN)
    sign_in(visitor)
    page = visitor.page
    visitor.goto(change_url(film))

    def tab_to(locator, backwards=False, limit=200):
        for _ in range(limit):
            page.keyboard.press("Shift+Tab" if backwards else "Tab")
            if locator.evaluate("(e) => e === document.activeElement"):
                assert_focus_visible(page)
                return
        raise AssertionError(f"the keyboard never reached {locator}")

    credits = page.locator("#roles-group")
    tab_to(credits.locator("summary").first)
    page.keyboard.press("Enter")  # opens the section
    add = credits.locator(".add-row a")
    tab_to(add)
    page.keyboard.press("Enter")
    row = credits.locator("tr.form-row:not(.empty-form)").last
    tab_to(row.locator("td.field-person .select2-selection"), backwards=True, limit=20)
    page.keyboard.press("Enter")
    expect(page.locator(".select2-container--open .select2-search__field")).to_be_focused()
    page.keyboard.type("Kim Nam-gil")  # not in the archive: offered as a new person
    expect(page.locator(".select2-results__option--highlighted")).to_have_text(
        "New person: Kim Nam-gil"
    )
    page.keyboard.press("Enter")
    expect(row.locator("td.field-person .select2-selection__rendered")).to_contain_text(
        "New person: Kim Nam-gil"
    )
    tab_to(row.locator("select[name$='-kind']"), limit=3)  # past the row's "add" link
    tab_to(row.locator("input[name$='-character']"), limit=1)
    page.keyboard.type("Yong-gu")
    page.keyboard.press("Enter")  # the form's first button: Save
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    role = Role.objects.get(film=film)
    assert (role.person.name, role.kind, role.character) == ("Kim Nam-gil", "actor", "Yong-gu")


def test_adding_a_film_with_its_people_award_and_remake_link_takes_few_clicks(open_visitor, editor):
    """The walk of issue 13: a film with two titles, a director and three actors who are
    all new people, an award under a new ceremony and an "official remake of" link, in at
    most 25 clicks and with a pop-up window only for the new ceremony."""
    visitor = open_visitor(**ADMIN_SCREEN)
    sign_in(visitor)
    page = visitor.page
    clicks = 0

    def click(locator):
        nonlocal clicks
        clicks += 1
        locator.click()

    def choose(cell, text, option=None):
        """Open the picker in ``cell``, type, and click the option offered."""
        click(cell.locator(".select2-selection"))
        page.locator(".select2-container--open .select2-search__field").fill(text)
        click(page.locator(".select2-results__option", has_text=option or text).first)

    def new_row(group):
        click(page.locator(f"#{group}-group .add-row a"))
        return page.locator(f"#{group}-group tr.form-row:not(.empty-form)").last

    click(page.locator("#content-main tr.model-film").get_by_role("link", name="Add"))
    visitor.at("/admin/archive/film/add/")
    page.get_by_label("Title:").fill("Cell No. 9")
    page.get_by_label("Year:").fill("2031")

    title = page.locator("#titles-group tr.form-row:not(.empty-form)").first
    expect(title.locator("select[name$='-kind']")).to_have_value("original")
    title.locator("input[name$='-text']").fill("9번방의 선물")
    choose(title.locator("td.field-language"), "Korean")
    title = new_row("titles")
    title.locator("input[name$='-text']").fill("Cell No. 9")
    clicks += 1
    title.locator("select[name$='-kind']").select_option("release")

    credit = page.locator("#roles-group tr.form-row:not(.empty-form)").first
    choose(credit.locator("td.field-person"), "Director Nine", "New person: Director Nine")
    clicks += 1
    credit.locator("select[name$='-kind']").select_option("director")
    for name, character in (
        ("Actor One", "Yong-gu"),
        ("Actor Two", "Ye-seung"),
        ("Actor Three", "Warden"),
    ):
        credit = new_row("roles")
        choose(credit.locator("td.field-person"), name, f"New person: {name}")
        credit.locator("input[name$='-character']").fill(character)

    award = new_row("awards")
    with page.expect_popup() as opened:
        click(award.locator("td.field-ceremony a.add-related"))
    popup = opened.value
    # The form's scripts load asynchronously; saving before they arrived aborts them.
    popup.wait_for_load_state()
    popup.get_by_label("Name:").fill("Cell Film Awards")
    click(popup.locator("input[name='_save']").last)
    expect(award.locator("td.field-ceremony .select2-selection__rendered")).to_contain_text(
        "Cell Film Awards"
    )
    award.locator("input[name$='-year']").fill("2032")
    award.locator("input[name$='-category']").fill("Best Film")
    clicks += 1
    award.locator("select[name$='-result']").select_option("won")

    remake = new_row("adapted_from")
    choose(remake.locator("td.field-source"), "Miracle", "Miracle in Cell No. 7 (2013")
    expect(remake.locator("select[name$='-kind']")).to_have_value("official_remake")

    click(page.locator("input[name='_save']").last)
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    assert clicks <= 25, clicks
    page.wait_for_load_state("networkidle")  # the film's page has loaded all it shows

    visitor.goto("/films/cell-no-9-2031/")
    body = page.locator("main")
    for text in ("9번방의 선물", "Director Nine", "Actor Three", "Warden", "Cell Film Awards"):
        expect(body).to_contain_text(text)
    expect(body).to_contain_text("Miracle in Cell No. 7")
