"""Reading the public pages: the helpers the view tests share (addresses, sections, facets,
active-filter chips, pagination links, the adaptation family table, query counts)."""

import html
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.tests import factories as f


def film_url(slug):
    return reverse("archive:film-detail", kwargs={"slug": slug})


def person_url(slug):
    return reverse("archive:person-detail", kwargs={"slug": slug})


def section(response, heading_id):
    """The HTML of the ``<section aria-labelledby=heading_id>`` of a page."""
    text = f.body(response)
    start = text.index(f'<section aria-labelledby="{heading_id}">')
    return text[start : text.index("</section>", start)]


def facets(response):
    """{facet title: [(label, count, href, selected), ...]} from a list's facet column."""
    text = f.body(response)
    if '<aside class="facets"' not in text:
        return {}
    aside = text[text.index('<aside class="facets"') : text.index("</aside>")]
    result = {}
    for title, items in re.findall(r"<h3>(.*?)</h3>\s*<ul>(.*?)</ul>", aside, re.S):
        result[title] = [
            (
                f._text(label).replace("Remove: ", "").lstrip("✓ "),
                int(count),
                html.unescape(href),
                bool(sel),
            )
            for href, sel, label, count in re.findall(
                r'<li><a href="([^"]*)"( aria-current="true")?[^>]*>(.*?)</a>\s*'
                r'<span class="count">(\d+)</span>',
                items,
                re.S,
            )
        ]
    return result


def chips(response):
    """[(label, href)] of the active-filter links, each of which removes its filter."""
    return [
        (f._text(label), html.unescape(href))
        for href, label in re.findall(
            r'<a class="chip" href="([^"]*)" aria-label="Remove filter ([^"]*)">', f.body(response)
        )
    ]


def pagination(response, rel):
    match = re.search(rf'<a href="([^"]*)" rel="{rel}">', f.body(response))
    return match.group(1).replace("&amp;", "&") if match else None


#: A footnote mark or an "unsourced" mark (``archive/includes/_cite.html``).
CITATION_MARK = re.compile(
    rb'<sup class="(?:cite|unsourced)">(?:<a [^>]*>\[\d+\]</a>|\[unsourced\])</sup>'
    rb'|<span class="other-sources">.*?</span>'
)


def without_marks(response):
    """``response`` with its citation marks taken out of the content, for the tests of
    what a page shows (``test_citations.py`` tests the marks themselves)."""
    response.content = CITATION_MARK.sub(b"", response.content)
    return response


def family_rows(response):
    """The adaptation family table without its heading, the "(this film)" mark removed."""
    rows = f.table_rows(response, "family")[1:]
    return [[cell.replace(" (this film)", "") for cell in row] for row in rows]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = f.get(client, url)
    assert response.status_code == 200, url
    return len(queries)
