"""Django settings for Next Round, read from the environment only.

Every variable is listed with its default in the README. Parsers live in
``nextround.env`` and are tested on their own.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import dj_database_url
import platformdirs
from csp.constants import NONE, SELF

from nextround.env import (
    load_or_create_secret_key,
    make_private,
    parse_bool,
    parse_email_url,
    parse_int,
    parse_list,
)

BASE_DIR = Path(__file__).resolve().parent

DATA_DIR = Path(
    os.environ.get("NEXTROUND_DATA_DIR") or platformdirs.user_data_dir("nextround", appauthor=False)
).expanduser()
# Job-search records are private: whatever the umask, everything this
# process writes from here on (database, WAL, uploads, backups) is the
# owner's alone, and so is the folder that holds it.
make_private(DATA_DIR)

SECRET_KEY = os.environ.get("NEXTROUND_SECRET_KEY") or load_or_create_secret_key(DATA_DIR)
DEBUG = parse_bool(os.environ.get("NEXTROUND_DEBUG"), default=False)
HTTPS = parse_bool(os.environ.get("NEXTROUND_HTTPS"), default=False)
# Addresses of the reverse proxy whose X-Forwarded-* headers `serve` trusts.
TRUSTED_PROXY = parse_list(os.environ.get("NEXTROUND_TRUSTED_PROXY"), default=[])
OPEN_SIGNUP = parse_bool(os.environ.get("NEXTROUND_OPEN_SIGNUP"), default=False)
ALLOWED_HOSTS = parse_list(
    os.environ.get("NEXTROUND_ALLOWED_HOSTS"), default=["127.0.0.1", "localhost", "[::1]"]
)
CSRF_TRUSTED_ORIGINS = parse_list(os.environ.get("NEXTROUND_CSRF_TRUSTED_ORIGINS"), default=[])
# The public address of the site, used where a full URL must be written
# outside a request (the calendar feed in the CLI, for instance).
BASE_URL = os.environ.get("NEXTROUND_BASE_URL", "").rstrip("/")
UPLOAD_MAX_BYTES = parse_int(os.environ.get("NEXTROUND_UPLOAD_MAX_MB"), default=10) * 1024 * 1024
MEDIA_ROOT = DATA_DIR / "files"
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# "default" is each process's own memory (figures kept per account, checked
# against the account's version in the database, so never stale). "shared"
# lives in the data dir, seen by every worker process of `serve` and by every
# app process that shares the data dir: counts that must add up across them.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 10000},
    },
}

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "csp",
    # Listed so django-ninja serves its API docs from its bundled files, not a CDN.
    "ninja",
    "nextround.core",
    "nextround.accounts",
    "nextround.jobs",
    "nextround.network",
    "nextround.playbook",
    "nextround.feedback",
    "nextround.questions",
    "nextround.happybox",
    "nextround.expenses",
    "nextround.vacancies",
    "nextround.captures",
    "nextround.home",
    "nextround.api",
    "nextround.reminders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "nextround.core.middleware.PermissionsPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "nextround.accounts.middleware.FirstRunMiddleware",
    "nextround.core.middleware.OutOfRangeMiddleware",
    # Last, so that a locked-out login is answered before anything else runs.
    "axes.middleware.AxesMiddleware",
]
# `make bench` reads each request's query count from a response header; off otherwise.
if parse_bool(os.environ.get("NEXTROUND_BENCH"), default=False):
    MIDDLEWARE.insert(0, "nextround.bench.middleware.QueryCountHeader")

ROOT_URLCONF = "nextround.urls"
WSGI_APPLICATION = "nextround.wsgi.application"

TEMPLATES = [
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

# Words instead of Django's "---------" for an empty choice.
FORM_RENDERER = "nextround.core.forms.KindFormRenderer"


def _database_from_env() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "nextround.sqlite3",
        "OPTIONS": {
            # WAL lets the web app and a CLI command write at the same time;
            # IMMEDIATE transactions plus a busy timeout make the second
            # writer wait instead of failing with "database is locked".
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": _database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A web address typed without a scheme means https (Django 6's default).
FORMS_URLFIELD_ASSUME_HTTPS = True
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    # argon2id at 19 MiB a login: see the class for why.
    "nextround.accounts.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out login before the password is hashed at all.
    "nextround.accounts.backends.LoginThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "nextround.accounts.passwords.NotOnlySpacesValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("NEXTROUND_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Only a hosted install that collects static files for a proxy sets this.
STATIC_ROOT = os.environ.get("NEXTROUND_STATIC_ROOT") or None
# Serve straight from the app's static folders, so a laptop install needs
# no collectstatic step; a hosted install may still collect and proxy.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Wrong logins: after this many for one account, that account's login is
# refused for a while (other accounts are never slowed). `nextround unlock`
# lifts it early.
AXES_FAILURE_LIMIT = parse_int(os.environ.get("NEXTROUND_LOGIN_ATTEMPTS"), default=10)
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=parse_int(os.environ.get("NEXTROUND_LOCKOUT_MINUTES"), default=15)
)
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes would also lock by address; people behind one address (a library, a
# careers service) would then lock each other out. The lock is per account.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nextround.accounts.lockout.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
# `serve` puts the proxy's client address in REMOTE_ADDR (see TRUSTED_PROXY).
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
AXES_VERBOSE = False

# The content policy: our own scripts, styles and images only. No inline
# script anywhere, so none is allowed. Forms may post to the site and open
# the mail program (the drafted claim is a mailto: redirect).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        # Practice recordings play back from the browser's own storage.
        "media-src": [SELF, "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF, "mailto:"],
        "frame-ancestors": [NONE],
    },
}
PERMISSIONS_POLICY = (
    "camera=(), geolocation=(), payment=(), usb=(), microphone=(self), fullscreen=(self)"
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = parse_bool(os.environ.get("NEXTROUND_SSL_REDIRECT"), default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = parse_int(os.environ.get("NEXTROUND_HSTS_SECONDS"), default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Email for the morning digest: NEXTROUND_EMAIL_URL (smtp://, smtps://,
# console:). Unset, no email is ever sent and the digest cannot be turned on.
_email = parse_email_url(os.environ.get("NEXTROUND_EMAIL_URL"))
EMAIL_ENABLED = bool(_email)
globals().update(_email)  # EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT…
DEFAULT_FROM_EMAIL = os.environ.get("NEXTROUND_EMAIL_FROM") or "Next Round <nextround@localhost>"
# The vacancy watch refuses addresses inside private networks; the tests,
# and a watch of an intranet on purpose, turn that off.
# What `serve` starts beside the web server unless --no-worker: a callable
# returning (thread, stop event).
BACKGROUND_WORKER = "nextround.reminders.schedule.start_in_background"
# `serve`: worker processes (one per core by default; one means waitress) and
# threads in each. `make bench` is how these defaults were chosen.
SERVE_WORKERS = parse_int(os.environ.get("NEXTROUND_WORKERS"), default=os.cpu_count() or 1)
SERVE_THREADS = parse_int(os.environ.get("NEXTROUND_THREADS"), default=2)
WATCH_ALLOW_PRIVATE = parse_bool(os.environ.get("NEXTROUND_WATCH_ALLOW_PRIVATE"), default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_bodies": {"()": "nextround.core.logs.NoTracebackForUnreadableBodies"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["one_line_bodies"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("NEXTROUND_LOG_LEVEL", "WARNING")},
}
