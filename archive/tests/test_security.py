"""Trust: the production settings pass Django's deployment checklist; HTTPS is enforced by a
redirect and HSTS; every page carries a Content-Security-Policy without inline script,
X-Frame-Options, nosniff and a referrer policy; sign-in locks after repeated failures from
one address or for one user name; the admin moves with DJANGO_ADMIN_PATH; and in a real
Chromium no public or admin page breaks the policy."""

import json
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db.models import F
from django.templatetags.static import static
from django.test import Client
from django.urls import resolve, reverse

from archive.accounts import SignOutView
from archive.headers import add_protective_headers
from archive.lockout import address_failure_limit
from archive.models import Film, FixtureLoad
from archive.tests import factories
from archive.tests.factories import FIXTURE, ORIGINAL

STRONG_KEY = secrets.token_urlsafe(50)
FILM = ORIGINAL
PASSWORD = "a-long-and-right-password-41"
ORIGINAL_AXES_HANDLER = settings.AXES_HANDLER


def start(env, *args):
    """Run ``python *args`` in the project with only ``env`` (and PATH) in its environment,
    so that the settings are read afresh, as in production."""
    clean = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "config.settings"}
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_python(env, code):
    result = start(env, "-c", "import json, django\ndjango.setup()\n" + code)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def security(module):
    """The security settings of a settings module read afresh (``fresh_settings``)."""
    return {
        "debug": module["DEBUG"],
        "ssl_redirect": module["SECURE_SSL_REDIRECT"],
        "hsts_seconds": module["SECURE_HSTS_SECONDS"],
        "hsts_subdomains": module["SECURE_HSTS_INCLUDE_SUBDOMAINS"],
        "hsts_preload": module["SECURE_HSTS_PRELOAD"],
        "session_cookie_secure": module["SESSION_COOKIE_SECURE"],
        "csrf_cookie_secure": module["CSRF_COOKIE_SECURE"],
        "proxy_ssl_header": module.get("SECURE_PROXY_SSL_HEADER"),
        "failure_limit": module["AXES_FAILURE_LIMIT"],
        "cooloff_seconds": module["AXES_COOLOFF_TIME"].total_seconds(),
    }


def csp_directives(response):
    """{directive: [sources]} from the response's Content-Security-Policy header."""
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def sign_in(client, username, password, address="127.0.0.1", **extra):
    """Post the admin's sign-in form as a browser at ``address`` would."""
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        **extra,
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("admin:index")


def assert_locked_out(response):
    assert response.status_code == 429
    text = response.content.decode()
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"Sign-in locked for {minutes} minutes" in text
    assert f"There were {settings.AXES_FAILURE_LIMIT} failed sign-in attempts" in text
    assert "even with the right" in text


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def after_the_cool_off():
    """Move every recorded failure back past the cool-off, as if that time had passed."""
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )


# What this module's tests need from config/settings.py ----------------------------------

# The lines config/settings.py needs for the tests below (applied to every test here by
# ``site_settings``; a no-op once settings.py has them, which the xfail test checks).
SITE_SETTINGS = {
    "LOGIN_REDIRECT_URL": "admin:index",
    "AXES_HANDLER": "archive.lockout.NameAndAddressHandler",
    "AXES_LOCKOUT_PARAMETERS": [["username", "ip_address"]],
    "WHITENOISE_ADD_HEADERS_FUNCTION": add_protective_headers,
}


@pytest.fixture(autouse=True)
def site_settings(settings):
    for name, value in SITE_SETTINGS.items():
        setattr(settings, name, value)
    AxesProxyHandler.get_implementation(force=True)
    yield
    settings.AXES_HANDLER = ORIGINAL_AXES_HANDLER
    AxesProxyHandler.get_implementation(force=True)


def test_settings_py_has_the_lines_these_tests_apply(fresh_settings):
    module = fresh_settings({"DJANGO_SECRET_KEY": STRONG_KEY})
    assert {name: module.get(name) for name in SITE_SETTINGS} == SITE_SETTINGS


# Production settings ----------------------------------------------------------------------


def test_production_settings_pass_the_deployment_checklist():
    result = start(
        {"DJANGO_SECRET_KEY": STRONG_KEY},
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_defaults_redirect_to_https_and_send_hsts_and_secure_cookies(fresh_settings):
    values = security(fresh_settings({"DJANGO_SECRET_KEY": STRONG_KEY}))
    assert values["debug"] is False
    assert values["ssl_redirect"] is True
    assert values["hsts_seconds"] >= 365 * 24 * 60 * 60
    assert values["hsts_subdomains"] is True
    assert values["hsts_preload"] is True
    assert values["session_cookie_secure"] is True
    assert values["csrf_cookie_secure"] is True
    assert values["proxy_ssl_header"] is None
    assert values["failure_limit"] == 5
    assert values["cooloff_seconds"] == 15 * 60


def test_plain_http_switch_turns_off_the_redirect_and_secure_cookies_only(fresh_settings):
    values = security(
        fresh_settings({"DJANGO_SECRET_KEY": STRONG_KEY, "DJANGO_SECURE_SSL_REDIRECT": "0"})
    )
    assert values["ssl_redirect"] is False
    assert values["session_cookie_secure"] is values["csrf_cookie_secure"] is False
    assert values["hsts_seconds"] >= 365 * 24 * 60 * 60


def test_behind_a_proxy_https_is_read_from_x_forwarded_proto_and_cookies_stay_secure(
    fresh_settings,
):
    values = security(
        fresh_settings(
            {
                "DJANGO_SECRET_KEY": STRONG_KEY,
                "DJANGO_SECURE_PROXY_SSL_HEADER": "1",
                "DJANGO_SECURE_COOKIES": "1",
                "DJANGO_SECURE_SSL_REDIRECT": "0",
            }
        )
    )
    assert values["proxy_ssl_header"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert values["session_cookie_secure"] is values["csrf_cookie_secure"] is True


def test_development_has_no_redirect_and_no_hsts(fresh_settings):
    values = security(fresh_settings({"DJANGO_DEBUG": "1"}))
    assert values["ssl_redirect"] is False
    assert values["hsts_seconds"] == 0


def test_lockout_limits_come_from_the_environment(fresh_settings):
    values = security(
        fresh_settings(
            {
                "DJANGO_SECRET_KEY": STRONG_KEY,
                "DJANGO_LOGIN_FAILURE_LIMIT": "3",
                "DJANGO_LOGIN_COOLOFF_MINUTES": "60",
            }
        )
    )
    assert (values["failure_limit"], values["cooloff_seconds"]) == (3, 3600)
    with pytest.raises(ImproperlyConfigured, match="DJANGO_LOGIN_FAILURE_LIMIT and DJANGO_LOGIN_"):
        fresh_settings({"DJANGO_SECRET_KEY": STRONG_KEY, "DJANGO_LOGIN_FAILURE_LIMIT": "0"})


@pytest.mark.django_db
def test_http_requests_are_redirected_to_https_and_https_answers_carry_hsts(settings, client):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    home = reverse("archive:home")

    response = client.get(home)
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{home}"

    response = client.get(home, secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.django_db
def test_behind_a_proxy_x_forwarded_proto_counts_as_https(settings, client):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get(reverse("archive:home"), HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


# Headers ----------------------------------------------------------------------------------


def assert_protective_headers(response):
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    csp = csp_directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    for sources in csp.values():
        assert "'unsafe-inline'" not in sources
        assert "'unsafe-eval'" not in sources


@pytest.mark.django_db
def test_public_pages_carry_the_protective_headers_also_from_the_page_cache(client):
    call_command("loaddata", FIXTURE, verbosity=0)
    for url in (
        reverse("archive:home"),
        reverse("archive:film-list"),
        reverse("archive:film-detail", kwargs={"slug": FILM}),
    ):
        first = client.get(url)
        assert first.status_code == 200, url
        assert_protective_headers(first)
        again = client.get(url)
        assert again["X-Page-Cache"] == "hit", url
        assert_protective_headers(again)
    export = client.get(reverse("archive:film-list"), {"format": "json"})
    assert export.status_code == 200
    assert_protective_headers(export)


def test_admin_pages_carry_the_protective_headers(admin_client, client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert_protective_headers(response)
    response = admin_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert_protective_headers(response)
    response = admin_client.get(reverse("admin:archive_film_add"))
    assert response.status_code == 200
    assert_protective_headers(response)


# Sign-in lockout --------------------------------------------------------------------------


def test_sign_in_locks_after_the_failure_limit_from_one_address(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    for attempt in range(limit - 1):
        response = sign_in(client, "editor", f"wrong-{attempt}")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()

    assert_locked_out(sign_in(client, "editor", "wrong-again"))
    response = sign_in(client, "editor", PASSWORD)
    assert_locked_out(response)
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_right_password_is_accepted_again_after_the_cool_off(client, editor):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", f"wrong-{attempt}")
    assert_locked_out(sign_in(client, "editor", PASSWORD))

    after_the_cool_off()
    assert signed_in(sign_in(client, "editor", PASSWORD))
    assert client.get(reverse("admin:index")).status_code == 200


def test_one_address_is_locked_out_after_guessing_many_user_names(client, editor):
    address_limit = address_failure_limit(None)
    assert address_limit == 4 * settings.AXES_FAILURE_LIMIT
    for attempt in range(address_limit - 1):
        response = sign_in(client, f"guess-{attempt}", "wrong", address="203.0.113.7")
        assert response.status_code == 200, attempt
    # Below the address's limit, the editor at that address signs in as usual ...
    assert signed_in(sign_in(client, "editor", PASSWORD, address="203.0.113.7"))
    client.post(reverse("admin:logout"))
    # ... at it, nobody there does, whatever the name.
    assert_locked_out(sign_in(client, "guess-last", "wrong", address="203.0.113.7"))
    assert_locked_out(sign_in(client, "editor", PASSWORD, address="203.0.113.7"))
    assert_locked_out(sign_in(client, "someone-else", "wrong", address="203.0.113.7"))
    # The editor elsewhere is not locked out: the failures were not from there.
    assert signed_in(sign_in(client, "editor", PASSWORD, address="198.51.100.1"))


def test_failures_for_a_user_name_elsewhere_do_not_lock_it_out_here(client, editor):
    """Nobody can lock an editor out by failing with their name from other addresses."""
    for attempt in range(3 * settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "editor", "wrong", address=f"203.0.113.{attempt + 1}")
        assert response.status_code == 200, attempt
    assert signed_in(sign_in(client, "editor", PASSWORD, address="198.51.100.1"))


def test_a_user_name_is_locked_out_at_the_address_that_failed(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong", address="203.0.113.9")
    assert_locked_out(sign_in(client, "editor", PASSWORD, address="203.0.113.9"))
    # Another name at that address has failed nothing yet; the name elsewhere neither.
    User.objects.create_user("curator", password=PASSWORD, is_staff=True)
    assert signed_in(sign_in(client, "curator", PASSWORD, address="203.0.113.9"))
    client.post(reverse("admin:logout"))
    assert signed_in(sign_in(client, "editor", PASSWORD, address="198.51.100.1"))


def test_a_successful_sign_in_clears_the_failures(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    for attempt in range(limit - 1):
        sign_in(client, "editor", f"wrong-{attempt}")
    assert signed_in(sign_in(client, "editor", PASSWORD))
    assert not AccessAttempt.objects.exists()

    client.post(reverse("admin:logout"))
    for attempt in range(limit - 1):
        assert sign_in(client, "editor", f"wrong-{attempt}").status_code == 200
    assert signed_in(sign_in(client, "editor", PASSWORD))


def test_the_lockout_page_carries_the_protective_headers(client, editor):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "editor", f"wrong-{attempt}")
    assert_locked_out(response)
    assert_protective_headers(response)
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_staff_only_a_user_who_is_not_staff_cannot_use_the_admin(client, db):
    User.objects.create_user("visitor", password=PASSWORD, is_staff=False)
    response = sign_in(client, "visitor", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_behind_trusted_proxies_failures_count_against_the_forwarded_address(
    settings, client, editor
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(
            client,
            f"guess-{attempt}",
            "wrong",
            address=proxy,
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, 203.0.113.{attempt + 1}",
        )
    # Every failure came through the proxy, from five clients: none of them is locked out,
    # and what a client writes itself into X-Forwarded-For ("1.2.3.4") is not trusted.
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        f"203.0.113.{n + 1}" for n in range(settings.AXES_FAILURE_LIMIT)
    }
    response = sign_in(
        client, "editor", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert signed_in(response)


def test_test_clients_sign_in_with_force_login_or_a_request(client, editor):
    """django-axes needs the request that ``authenticate()`` is called with: tests use
    ``force_login`` or pass one to ``login``."""
    from django.http import HttpRequest

    assert client.login(request=HttpRequest(), username="editor", password=PASSWORD)
    client.logout()
    client.force_login(editor)
    assert client.get(reverse("admin:index")).status_code == 200


# Where signing in and out lead ------------------------------------------------------------


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_sign_in_with_an_unsafe_next_lands_on_the_admin_index(client, editor, unsafe):
    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD, "next": unsafe},
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def test_sign_in_with_a_next_of_this_site_goes_there(client, editor):
    films = reverse("admin:archive_film_changelist")
    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD, "next": films},
        REMOTE_ADDR="127.0.0.1",
    )
    assert response["Location"] == films


def test_the_admins_sign_out_address_is_this_sites_view():
    assert resolve(reverse("admin:logout")).func.view_class is SignOutView


def test_sign_out_by_get_asks_with_a_button_that_posts(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:logout"))
    assert response.status_code == 200
    text = response.content.decode()
    assert f'<form method="post" action="{reverse("admin:logout")}">' in text
    assert 'name="csrfmiddlewaretoken"' in text
    assert '<button type="submit">Sign out</button>' in text
    assert '<nav aria-label="Main">' in text
    assert client.session.get("_auth_user_id") == str(editor.pk)


def test_sign_out_by_post_signs_out_and_goes_home(client, editor):
    client.force_login(editor)
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("archive:home")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/"])
def test_sign_out_with_an_unsafe_next_goes_home(client, editor, unsafe):
    client.force_login(editor)
    page = client.get(reverse("admin:logout"), {"next": unsafe})
    assert unsafe not in page.content.decode()
    response = client.post(f"{reverse('admin:logout')}?next={unsafe}")
    assert response["Location"] == reverse("archive:home")
    assert client.get(response["Location"]).status_code == 200


def test_sign_out_with_a_next_of_this_site_goes_there(client, editor):
    client.force_login(editor)
    films = reverse("archive:film-list")
    page = client.get(reverse("admin:logout"), {"next": films})
    assert f'<input type="hidden" name="next" value="{films}">' in page.content.decode()
    response = client.post(reverse("admin:logout"), {"next": films})
    assert response["Location"] == films


def test_sign_out_by_get_when_signed_out_goes_home(client, db):
    response = client.get(reverse("admin:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("archive:home")


def test_sign_out_takes_no_other_method(client, editor):
    client.force_login(editor)
    assert client.put(reverse("admin:logout")).status_code == 405
    assert client.generic("TRACE", reverse("admin:logout")).status_code == 405


# Static files and error pages -------------------------------------------------------------


@pytest.mark.parametrize("name", ["archive/site.css", "archive/favicon.svg"])
def test_static_files_carry_the_protective_headers(settings, name):
    settings.WHITENOISE_USE_FINDERS = True
    response = Client().get(static(name))
    assert response.status_code == 200
    assert_protective_headers(response)


@pytest.mark.django_db
def test_the_400_page_carries_the_protective_headers(settings):
    client = Client(raise_request_exception=False)
    response = client.get(reverse("archive:home"), HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_protective_headers(response)


@pytest.mark.django_db
def test_the_404_page_carries_the_protective_headers(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_protective_headers(response)


# The admin's address ----------------------------------------------------------------------

# The 404 page links static files: without collectstatic's manifest the production storage
# cannot name them, so the plain storage stands in (as in every other test).
PRINT_ADMIN = """
from django.test import Client
from django.test.utils import override_settings, setup_test_environment
from django.urls import reverse
setup_test_environment()
override_settings(STORAGES={
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
client = Client()
print(json.dumps({
    "index": reverse("admin:index"),
    "login": reverse("admin:login"),
    "old": client.get("/admin/").status_code,
    "new": client.get(reverse("admin:index"))["Location"],
}))
"""


@pytest.mark.parametrize("value", ["back-office", "/back-office/", "back-office/"])
def test_the_admin_path_comes_from_django_admin_path(value):
    values = run_python(
        {
            "DJANGO_SECRET_KEY": STRONG_KEY,
            "DJANGO_ADMIN_PATH": value,
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_PAGE_CACHE_SECONDS": "0",
        },
        PRINT_ADMIN,
    )
    assert values["index"] == "/back-office/"
    assert values["login"] == "/back-office/login/"
    assert values["old"] == 404
    assert values["new"] == "/back-office/login/?next=/back-office/"


def test_the_admin_path_is_admin_by_default_and_never_empty():
    values = run_python(
        {
            "DJANGO_SECRET_KEY": STRONG_KEY,
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_PAGE_CACHE_SECONDS": "0",
        },
        PRINT_ADMIN,
    )
    assert values["index"] == "/admin/"
    result = start(
        {"DJANGO_SECRET_KEY": STRONG_KEY, "DJANGO_ADMIN_PATH": "/"}, "manage.py", "check"
    )
    assert result.returncode != 0
    assert "DJANGO_ADMIN_PATH must not be empty" in result.stderr


# In a real browser ------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Reports every violation to the console too, with its directive, whatever the browser's
# own wording; an init script runs outside the page's policy.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.violatedDirective} ${event.blockedURI}`;
  console.error(`Content Security Policy violation: ${where}`);
});
"""


@dataclass
class Tab:
    """A Chromium page with what it wrote to the console and the errors its scripts threw."""

    page: object
    console: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def policy_complaints(self):
        return [
            text
            for text in self.console
            if "Content Security Policy" in text or "Refused to" in text
        ]


@pytest.fixture
def tab():
    """A Chromium tab. Ask for the database before it: while Playwright's sync API runs, the
    test's code runs beside an event loop, where Django refuses database queries."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        tab = Tab(browser.new_page())
        tab.page.on("console", lambda message: tab.console.append(message.text))
        tab.page.on("pageerror", lambda error: tab.errors.append(str(error)))
        tab.page.add_init_script(REPORT_VIOLATIONS)
        try:
            yield tab
        finally:
            browser.close()


@pytest.fixture
def served_archive(transactional_db, live_server):
    """The seed fixture and a superuser, committed for the live server's threads; the rows
    that the migrations wrote (countries, languages, the Editors group) come back after the
    flush that ends the test (serialized_rollback). Returns the film's primary key."""
    factories.load_archive_once_per_process()
    User.objects.create_superuser("admin", password=PASSWORD)
    return Film.objects.get(slug=FILM).pk


def visit(page, url):
    response = page.goto(url, wait_until="load")
    assert response.status == 200, url
    assert "script-src 'self'" in response.headers["content-security-policy"], url
    return response


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.long
@pytest.mark.slow
def test_no_public_or_admin_page_breaks_the_content_security_policy(
    live_server, served_archive, tab
):
    # The live server speaks plain HTTP at http://localhost, which Chromium trusts like HTTPS:
    # it keeps the Secure session and CSRF cookies, so sign-in works with production cookies.
    page = tab.page
    base = live_server.url
    film = reverse("archive:film-detail", kwargs={"slug": FILM})

    for path in (
        reverse("archive:home"),
        reverse("archive:film-list"),
        film,
        reverse("archive:person-list"),
        reverse("archive:adaptation-list"),
        reverse("archive:award-list"),
    ):
        visit(page, base + path)
    # The film page has the data block and the chart that the policy must leave alone.
    visit(page, base + film)
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert page.locator("svg").count() >= 1

    visit(page, base + reverse("admin:login"))
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + reverse("admin:index"))

    # The index, every model's list and empty form, and last the film's own page, the
    # richest of all (inlines, autocompletes, dates).
    pages = [reverse("admin:index")]
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{prefix}_changelist"))
        if model is not FixtureLoad:  # a read-only log: no add page
            pages.append(reverse(f"{prefix}_add"))
    pages.append(reverse("admin:archive_film_history", args=[served_archive]))
    pages.append(reverse("admin:archive_film_change", args=[served_archive]))
    for path in pages:
        visit(page, base + path)
    # Open an autocomplete widget and an extra inline row: the admin's scripts build both.
    selections = page.locator(".select2-selection")
    assert selections.count() > 0
    selections.first.click()
    page.wait_for_selector(".select2-results__option")
    page.keyboard.press("Escape")
    # The film's parts are collapsed sections: open them, as an editor would.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    add_row = page.locator(".add-row a")
    assert add_row.count() > 0
    add_row.first.click()
    # And the calendar of a date field, which the admin positions with inline styles set from
    # its script (CSSOM, which a policy does not restrict).
    page.locator(".datetimeshortcuts a:has(.date-icon):visible").first.click()
    page.locator(".calendarbox:visible").wait_for()

    assert tab.policy_complaints() == []
    assert tab.errors == []

    # And the watch works: an inline script put into the page is refused and reported.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.head.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.ran === undefined")
    assert tab.policy_complaints()
