"""Settings for the film archive: one file.

The environment carries only what an operator decides for a deployment: debug, the secret
key, hosts, databases, cache, HTTPS and proxies, sign-in lockout, time zone, logging, cache
lifetimes. Every variable has a default that is safe for development, except that a site
with debug off refuses to start without ``DJANGO_SECRET_KEY``. The README lists every
variable. Tuning constants of the code (page size, count caps, export buffering, field
limits) are plain constants at the end of this file, not read from the environment.
"""

import importlib.util
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from archive.headers import add_protective_headers
from archive.storage_url import StorageURLError, parse_media_storage_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when debug is off. "
            "For development, set DJANGO_DEBUG=1 (make run does)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "archive.apps.ArchiveAdminConfig",  # Django's admin, with the archive's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "csp",
    "axes",
    "simple_history",
    "archive",
]

# CSPMiddleware sits outside the page cache, so pages answered from the cache carry the
# policy too; AxesMiddleware is last, as django-axes requires.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.middleware.QueryParameterLimitMiddleware",
    "archive.i18n.HomeLanguageMiddleware",
    "archive.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "archive.i18n.ArchiveLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# The public pages render with Jinja2 from templates/jinja2/ only (no app directories: no
# installed app ships Jinja2 templates). Every other template (the admin's, django-axes',
# the error pages) is found by Django's engine, which the loaders try second: a name the
# Jinja2 directory does not hold falls through to it.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "archive.jinja2.environment",
            "context_processors": ["archive.jinja2.page_helpers"],
            # As Django's engine, keep a template's last newline.
            "keep_trailing_newline": True,
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Forms draw Django's own widget templates with Jinja2, the rest with Django's engine
# (archive/renderers.py): a film's admin page draws a thousand widgets.
FORM_RENDERER = "archive.renderers.ArchiveFormRenderer"

# Database: SQLite in the project root unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Seconds a SQLite writer waits for the write lock before "database is locked": long
# enough for any one write transaction of the archive to finish.
SQLITE_BUSY_TIMEOUT_SECONDS = 20
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at the
    # start of a transaction so that two writers queue on the busy timeout instead of
    # failing with "database is locked" half-way through.
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if DEBUG else DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA cache_size=-32000; PRAGMA mmap_size=268435456;"
        ),
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("DJANGO_TEST_SQLITE_NAME") or None}

# Read replicas and several app servers (docs/operations.md, "Several machines"). Each URL
# of DATABASE_REPLICA_URLS becomes a database alias replica_1, replica_2, ... that takes the
# anonymous public reads (archive/routers.py); every write, the admin, editors signed in,
# migrations and commands use the primary, "default". A replica that cannot be reached or
# lags more than REPLICA_MAX_LAG_SECONDS is skipped; each process checks a replica at most
# once per REPLICA_CHECK_SECONDS. Tests point each replica alias at the test database.
DATABASE_REPLICAS = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    _replica = dj_database_url.parse(
        _url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True
    )
    if _replica["ENGINE"] == "django.db.backends.postgresql":
        # A replica that does not answer costs this long, once per check interval.
        _replica.setdefault("OPTIONS", {})["connect_timeout"] = 2
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica_{_number}"] = _replica
    DATABASE_REPLICAS.append(f"replica_{_number}")
DATABASE_ROUTERS = ["archive.routers.ReplicaRouter"]
REPLICA_MAX_LAG_SECONDS = env_int("DJANGO_REPLICA_MAX_LAG_SECONDS", 10)
REPLICA_CHECK_SECONDS = env_int("DJANGO_REPLICA_CHECK_SECONDS", 5)
# Marks the requests that may read from a replica; it does nothing without replicas.
MIDDLEWARE.insert(
    MIDDLEWARE.index("archive.cache.PublicPageCacheMiddleware"),
    "archive.routers.ReplicaReadMiddleware",
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (several app servers share it), else local memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "film-archive",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "film-archive",
        }
    }
# Seconds an anonymous public page is kept in the cache; 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 300)
# Seconds a list's total and facet counts (and the home page's figures) are kept, under the
# archive's version like the pages (an edit makes them stale at once); 0 turns it off.
COUNT_CACHE_SECONDS = env_int("DJANGO_COUNT_CACHE_SECONDS", 600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The public site in English (unprefixed), Korean (/ko/) and Turkish (/tr/): archive/i18n.py.
# A language is an entry here and a catalogue in locale/<code>/LC_MESSAGES/django.po
# (docs/translations.md); each is named in its own language, as the switcher shows it.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ko", "한국어"), ("tr", "Türkçe")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
# Dates as the public pages write them, in the admin too ("22 November 2026").
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# whitenoise answers before the middleware that adds the pages' protective headers.
WHITENOISE_ADD_HEADERS_FUNCTION = add_protective_headers
# Uploaded images (archive.images): files under MEDIA_ROOT, served by the app at MEDIA_URL
# (archive.media), or with MEDIA_STORAGE_URL an S3-compatible bucket (django-storages)
# that every app server shares, its files linked to where the bucket serves them.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_STORAGE_URL = os.environ.get("MEDIA_STORAGE_URL", "").strip()
MEDIA_ORIGIN = None  # where images load from when it is not this site (CSP img-src)
if MEDIA_STORAGE_URL:
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE_URL needs django-storages: pip install -e '.[s3]'"
        )
    try:
        DEFAULT_STORAGE, MEDIA_ORIGIN = parse_media_storage_url(MEDIA_STORAGE_URL)
    except StorageURLError as error:
        raise ImproperlyConfigured(str(error)) from error
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# Django's JSON Lines format with times to the microsecond: backups (backup_archive) and
# dumpdata --format jsonl write it, loaddata and restore_archive read it.
SERIALIZATION_MODULES = {"jsonl": "archive.serializers.jsonl"}

LOGIN_URL = "admin:login"
# Where sign-in leads when its "next" is missing or not an address of this site.
LOGIN_REDIRECT_URL = "admin:index"

# Security. With debug off the defaults are those of a public HTTPS site: every http://
# request is redirected to https://, browsers are told to use HTTPS only for a year (HSTS,
# subdomains included), cookies are sent over HTTPS only. Behind a TLS-terminating proxy set
# DJANGO_SECURE_PROXY_SSL_HEADER=1 (the proxy must set X-Forwarded-Proto). To serve plain
# HTTP on 127.0.0.1 (a local run with debug off, a benchmark) set DJANGO_SECURE_SSL_REDIRECT=0:
# no redirect, and cookies lose the Secure flag unless DJANGO_SECURE_COOKIES=1.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", SECURE_SSL_REDIRECT)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
# The preload token only allows the domain to be submitted to the browsers' HSTS preload
# list (hstspreload.org); submitting it is a separate, deliberate step.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): everything from this site only, no inline script,
# no plugins, no framing. The JSON-LD blocks of the film and person pages are data, not
# script, and are not subject to script-src. Inline styles are refused too: the public
# pages have none and the Django admin sets its styles from its JavaScript (CSSOM), which
# a policy does not restrict.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "img-src": ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    }
}

# The admin's address, e.g. "editors/" to keep it off the well-known /admin/.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip().strip("/")
if not ADMIN_PATH:
    raise ImproperlyConfigured(
        "DJANGO_ADMIN_PATH must not be empty: the public archive lives at the root."
    )
ADMIN_PATH += "/"

# Sign-in lockout (django-axes): after DJANGO_LOGIN_FAILURE_LIMIT failed sign-ins from one
# address, or for one user name from any address, sign-in is refused (status 429, the page
# templates/axes/lockout.html) for DJANGO_LOGIN_COOLOFF_MINUTES after the last failure.
# A successful sign-in clears the failures of that address and that user name. Attempts
# are kept in the database, so every app server sees them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
if AXES_FAILURE_LIMIT < 1 or AXES_COOLOFF_TIME.total_seconds() <= 0:
    raise ImproperlyConfigured(
        "DJANGO_LOGIN_FAILURE_LIMIT and DJANGO_LOGIN_COOLOFF_MINUTES must be at least 1."
    )
# Failures count per user name and address together, so that nobody can lock an editor out
# from elsewhere; archive.lockout adds a limit per address (several times the failure
# limit) against guessing many user names from one address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "archive.lockout.NameAndAddressHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# The attempts are not shown in the admin: a lockout ends by itself, and an operator lifts
# one early with `manage.py axes_reset_username NAME` or `axes_reset_ip ADDRESS`.
AXES_ENABLE_ADMIN = False
# Behind N reverse proxies that each append the address they received a request from to
# X-Forwarded-For, the client's address is the N-th entry from the right (anything further
# left is whatever the client wrote). With 0 (no proxy) it is the connection's address.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)


def client_ip_address(request):
    """The address that sign-in failures are counted against (``AXES_CLIENT_IP_CALLABLE``)."""
    from django.conf import settings

    if settings.TRUSTED_PROXY_COUNT > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= settings.TRUSTED_PROXY_COUNT:
            return forwarded[-settings.TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")


AXES_CLIENT_IP_CALLABLE = client_ip_address

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# The lists' tuning constants (page size, count cap, export buffering, when a country's
# films are walked) live with the code that uses them: archive.views.lists.ArchiveListView
# and archive.filters.FilmRelationFilter.

# Fields one request may carry, the one limit on posted forms. The admin form of a film with
# its credits, titles and figures posts about 8 fields a row: Django's default (1,000 fields)
# would refuse saving a film of 120 credits. Django applies the same limit to query strings;
# archive.middleware holds those to Django's default, which no public address needs more of.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
