"""The translation catalogues: find the marked strings, update the ``.po`` files, check
them and compile them, with Babel (a dependency) and no system tool.

Django's ``makemessages`` reads Python and Django templates through GNU gettext, not the
public pages' Jinja2 templates, and ``compilemessages`` needs GNU ``msgfmt``. Babel does
both in Python:

- :func:`extract`: the strings marked in the Python code (``gettext``, ``gettext_lazy``,
  ``ngettext``, ``pgettext`` ... as Django names them), in the Jinja2 templates
  (``_()``, ``ngettext()``, ``{% trans %}``, read by Jinja2's own Babel extractor) and in the
  Django templates of the admin (``{% translate %}``, ``{% blocktranslate %}``: turned into
  Python by Django's own ``templatize``, as ``makemessages`` does, then read as Python;
  :func:`extract_django_template`).
- :func:`update`: each language's ``locale/<code>/LC_MESSAGES/django.po`` brought in line
  with them, its translations kept (``python manage.py update_catalogues``).
- :func:`problems`: what is missing, untranslated or fuzzy in a catalogue; the test suite
  fails on any (archive/tests/test_catalogues.py).
- :func:`compile_all`: the ``.mo`` files Django reads, written when older than their
  ``.po`` (``python manage.py compile_catalogues``; ``make run``, ``make test``, CI and
  the test suite's set-up run it, so no one compiles by hand).
"""

import io
import os
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.utils.translation import templatize

DOMAIN = "django"


def extract_django_template(fileobj, keywords, comment_tags, options):
    """Babel's extraction method for a Django template: Django's ``templatize`` turns its
    ``{% translate %}`` and ``{% blocktranslate %}`` (with their plurals, contexts and
    translators' comments) into the gettext calls ``makemessages`` hands to xgettext, on
    the template's own lines, and Babel's Python extractor reads those."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    python = templatize(source, origin=getattr(fileobj, "name", None))
    # xgettext reads the result loosely; Python's tokenizer wants no indentation. Each call
    # templatize writes is on one line (with ``\n`` escaped in its strings), so taking off
    # each line's leading spaces keeps the messages and their line numbers.
    python = "\n".join(line.lstrip() for line in python.splitlines())
    yield from extract_python(io.BytesIO(python.encode("utf-8")), keywords, comment_tags, {})


#: What is read, and with which extractor (Babel's method map: glob patterns from the root;
#: the first pattern a file matches decides).
METHOD_MAP = [
    ("archive/tests/**.py", "ignore"),
    ("archive/synthetic/**.py", "ignore"),
    ("archive/migrations/**.py", "ignore"),
    ("archive/**.py", "python"),
    ("config/**.py", "python"),
    ("templates/jinja2/**.html", "jinja2"),
    ("archive/jinja2/**.html", "jinja2"),
    ("templates/**.html", extract_django_template),
]

#: Django's translation functions, with the positions of their arguments (Babel's spec).
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def root():
    return Path(settings.BASE_DIR)


def languages():
    """The languages that have a catalogue: every one but the default (the source text)."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def po_path(language, locale_dir=None):
    base = Path(locale_dir) if locale_dir else Path(settings.LOCALE_PATHS[0])
    return base / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract(base=None):
    """A catalogue of every marked string of the code and the templates under ``base``
    (the project's root by default)."""
    template = Catalog(domain=DOMAIN, project="film-archive", charset="utf-8")
    base = root() if base is None else Path(base)
    for filename, lineno, message, comments, context in extract_from_dir(
        base, METHOD_MAP, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        template.add(
            message,
            None,
            [(filename, lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def read(path, language):
    with open(path, "rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def update(locale_dir=None):
    """Each language's catalogue updated to the strings of :func:`extract` (new strings
    added untranslated, gone ones dropped, translations kept); returns the paths written."""
    template = extract()
    written = []
    for language in languages():
        path = po_path(language, locale_dir)
        if path.exists():
            catalog = read(path, language)
        else:
            catalog = Catalog(
                locale=language,
                domain=DOMAIN,
                project="film-archive",
                header_comment=f"# The film archive's interface in {language}.\n",
            )
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as file:
            write_po(file, catalog, width=100, omit_header=False, sort_output=False)
        written.append(path)
    return written


def problems(template, catalog):
    """What keeps ``catalog`` from translating every string of ``template``: each as a
    sentence naming the string."""
    found = []
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id, context=message.context)
        label = message.id[0] if isinstance(message.id, tuple) else message.id
        if translated is None:
            found.append(f"missing: {label!r}")
        elif translated.fuzzy:
            found.append(f"fuzzy: {label!r}")
        elif not translated.string or (
            isinstance(translated.string, tuple) and not all(translated.string)
        ):
            found.append(f"untranslated: {label!r}")
    return found


def compile_all(locale_dir=None, force=False):
    """Writes ``django.mo`` beside each ``django.po`` that is newer (or when ``force``);
    returns the paths written. Each file is written whole and then moved into place, so a
    process reading the catalogues never sees half of one."""
    written = []
    for language in languages():
        source = po_path(language, locale_dir)
        if not source.exists():
            continue
        target = source.with_suffix(".mo")
        if not force and target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        catalog = read(source, language)
        descriptor, temporary = tempfile.mkstemp(dir=source.parent, suffix=".mo.tmp")
        with os.fdopen(descriptor, "wb") as file:
            write_mo(file, catalog)
        os.replace(temporary, target)
        written.append(target)
    return written
