"""A visitor's HTTP as the clients see it: cookies, timed requests, the fields a browser
posts for a form, and signing in through the login form."""

import http.client
import http.cookiejar
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from html.parser import HTMLParser

from benchmarks.soaking.common import KINDS, LOCKED, REQUEST_TIMEOUT, SoakError


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a save answers 302: the client looks at it, not where it leads


class Answer:
    def __init__(self, status, location, text):
        self.status = status
        self.location = location
        self.text = text


class Tally:
    """What one client saw: latencies by kind, statuses, failures."""

    def __init__(self):
        self.latency = {kind: [] for kind in KINDS}
        self.statuses = Counter()
        self.failures = []
        self.failure_count = 0
        self.server_errors = 0
        self.locked = 0
        self.stale = 0
        self.accepted = []
        self.refused = []

    def fail(self, message):
        self.failure_count += 1
        if len(self.failures) < 20:
            self.failures.append(message)

    def as_json(self):
        return {
            key: value if not isinstance(value, Counter) else dict(value)
            for key, value in vars(self).items()
        }


class Browser:
    """One visitor with its own cookies; no proxy; redirects are answers, not followed."""

    def __init__(self, base, tally):
        self.base = base
        self.tally = tally
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _KeepRedirects(),
        )

    def request(self, kind, path, fields=None):
        """The answer to a GET, or to a POST of ``fields``; None when none came. Its time
        counts in the latencies of ``kind`` (one of :data:`KINDS`, or None)."""
        body = None if fields is None else urllib.parse.urlencode(fields).encode()
        method = "GET" if body is None else "POST"
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, body, timeout=REQUEST_TIMEOUT) as response:
                status, headers, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, content = error.code, error.headers, error.read()
        except (OSError, http.client.HTTPException) as error:
            self.tally.fail(f"{method} {path}: no answer ({error!r})")
            return None
        if kind is not None:
            self.tally.latency[kind].append((time.perf_counter() - started) * 1000)
        self.tally.statuses[str(status)] += 1
        text = content.decode("utf-8", "replace")
        if status >= 500:
            self.tally.server_errors += 1
            self.tally.fail(f"{method} {path}: {status}")
        if LOCKED in text:
            self.tally.locked += 1
            self.tally.fail(f"{method} {path}: '{LOCKED}' in the answer")
        return Answer(status, headers.get("Location", ""), text)


class FormFields(HTMLParser):
    """The name/value pairs a browser submits for the form with id ``form_id``."""

    SKIPPED_TYPES = {"submit", "button", "image", "reset", "file"}

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.found = False
        self.pairs = []
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
            self.found = self.found or self.inside
        elif not self.inside:
            return
        elif tag == "input":
            self.add_input(attributes)
        elif tag == "select":
            self.select = {
                "name": attributes.get("name"),
                "multiple": "multiple" in attributes,
                "disabled": "disabled" in attributes,
                "options": [],
            }
        elif tag == "option" and self.select is not None:
            self.close_option()
            self.option = {
                "value": attributes.get("value"),
                "selected": "selected" in attributes,
                "text": "",
            }
        elif tag == "textarea":
            disabled = "disabled" in attributes
            self.textarea = {"name": None if disabled else attributes.get("name"), "text": []}

    def add_input(self, attributes):
        kind = (attributes.get("type") or "text").lower()
        name = attributes.get("name")
        if not name or "disabled" in attributes or kind in self.SKIPPED_TYPES:
            return
        if kind in ("checkbox", "radio"):
            if "checked" in attributes:
                self.pairs.append((name, attributes.get("value") or "on"))
        else:
            self.pairs.append((name, attributes.get("value") or ""))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["text"].append(data)
        elif self.option is not None:
            self.option["text"] += data

    def close_option(self):
        if self.option is not None:
            value = self.option["value"]
            self.option["value"] = self.option["text"].strip() if value is None else value
            self.select["options"].append(self.option)
            self.option = None

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "option" and self.select is not None:
            self.close_option()
        elif tag == "select" and self.select is not None:
            self.close_option()
            select, self.select = self.select, None
            if not select["name"] or select["disabled"]:
                return
            chosen = [option for option in select["options"] if option["selected"]]
            if not chosen and not select["multiple"] and select["options"]:
                chosen = select["options"][:1]
            self.pairs += [(select["name"], option["value"]) for option in chosen]
        elif tag == "textarea" and self.textarea is not None:
            text = "".join(self.textarea["text"])
            # A browser drops the newline that follows <textarea> (Django writes one).
            text = text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
            if self.textarea["name"]:
                self.pairs.append((self.textarea["name"], text))
            self.textarea = None


def form_fields(page, form_id):
    """The fields of form ``form_id`` in ``page`` as a browser posts them, or None."""
    parser = FormFields(form_id)
    parser.feed(page)
    parser.close()
    return parser.pairs if parser.found else None


def sign_in(browser, login_path, username, password):
    answer = browser.request(None, login_path)
    fields = form_fields(answer.text, "login-form") if answer else None
    if not fields:
        raise SoakError(f"no sign-in form at {login_path}")
    fields = [
        (name, {"username": username, "password": password}.get(name, value))
        for name, value in fields
    ]
    answer = browser.request(None, login_path, fields)
    if answer is None or answer.status != 302 or "login" in answer.location:
        raise SoakError(f"{username} could not sign in ({answer and answer.status})")
