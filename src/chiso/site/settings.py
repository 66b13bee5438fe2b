"""Django settings for chiso, read from the environment.

Safe by default: DEBUG is off unless DEBUG=1, and with DEBUG off the site refuses to start
without a real SECRET_KEY. SQLite is the zero-set-up default; DATABASE_URL selects PostgreSQL.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("CHISO_VAR_DIR", REPO_DIR / "var"))
NODE_MODULES = Path(os.environ.get("CHISO_NODE_MODULES", REPO_DIR / "node_modules"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

_DEV_SECRET = "chiso-insecure-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. chiso runs with DEBUG off by default and needs a real "
            "secret key: export SECRET_KEY=<50+ random characters> (or DEBUG=1 for local "
            "development only)."
        )
    SECRET_KEY = _DEV_SECRET

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "chiso.accounts",
    "chiso.workflow",
    "chiso.audit",
    "chiso.plans",
    "chiso.results",
    "chiso.web",
    "chiso.demo",
    "chiso.public",
    "chiso.activities",
    "chiso.api",
    "chiso.dashboards",
    "chiso.spreadsheets",
    "chiso.documents",
    "chiso.targets",
    "chiso.notifications",
    "chiso.reviews",
    "chiso.catalogue",
    "chiso.places",
    "chiso.responsibilities",
    "chiso.bulksetup",
    "chiso.supervision",
    "chiso.restructuring",
    "django_tasks",
    "django_tasks_db",
    "chiso.jobs",
    "chiso.backup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "chiso.web.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "chiso.web.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "chiso.accounts.middleware.SessionLifetimeMiddleware",
    "chiso.web.middleware.PrivatePagesMiddleware",
    "chiso.web.middleware.DatabaseBusyMiddleware",
    "chiso.api.middleware.ApiDatabaseBusyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "chiso.site.urls"
WSGI_APPLICATION = "chiso.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "chiso.web.context_processors.site",
            ],
        },
    },
]

try:
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'chiso.sqlite3'}",
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        )
    }
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL or DB_CONN_MAX_AGE is not valid: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait for the writer (WAL); a transaction takes the write lock when it
    # begins (IMMEDIATE: a read upgraded to a write mid-way fails at once, whatever the
    # timeout) and waits up to 20 s for it. chiso.web.middleware.DatabaseBusyMiddleware
    # answers the rare lock that still times out.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compiling of queries: a page's queries run in milliseconds, and when a misjudged
    # estimate crosses jit_above_cost, compiling costs tens of ms more than it saves (seen on
    # an officer's dashboard on the national data: 23 ms of JIT for a 15 ms query).
    _pg_options = DATABASES["default"].setdefault("OPTIONS", {})
    _pg_options["options"] = f"{_pg_options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Page fragments (chiso.web.fragments) are keyed by the province's data revision, so they are
# never stale: in each process's memory, or shared by every worker and machine in Redis.
_CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _CACHE_URL,
        "KEY_PREFIX": "chiso",
    }
    if _CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CHISO_CACHE_ENTRIES", "1000"))},
    }
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "chiso.accounts.backends.UserWithAgencyBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Sessions are rows tagged with their user, so a password change ends all of them at once.
SESSION_ENGINE = "chiso.accounts.sessions"
# A log-in ends after CHISO_SESSION_IDLE_HOURS without a request (a working day: lunch does
# not log people out, a PC left on overnight does) and CHISO_SESSION_MAX_DAYS after it began
# (a stolen session cookie kept alive by requests still dies). chiso.accounts.middleware.
SESSION_COOKIE_AGE = int(float(os.environ.get("CHISO_SESSION_IDLE_HOURS", "8")) * 3600)
CHISO_SESSION_MAX_SECONDS = int(float(os.environ.get("CHISO_SESSION_MAX_DAYS", "7")) * 86400)
# A password-reset link works once, for a day.
PASSWORD_RESET_TIMEOUT = 24 * 3600
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Failed log-ins: 5 failures per user name and address lock that pair out for 15 minutes, and
# CHISO_LOGIN_ADDRESS_LIMIT failures from one address (any user names) lock the address out.
AXES_HANDLER = "chiso.accounts.throttling.UserAndAddressHandler"
CHISO_LOGIN_ADDRESS_LIMIT = int(os.environ.get("CHISO_LOGIN_ADDRESS_LIMIT", "30"))
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS: list[Path] = []  # each app carries its own locale/ folder
FORMAT_MODULE_PATH = ["chiso.site.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
# Third-party assets come from npm (package.json + package-lock.json), served by chiso itself.
STATICFILES_DIRS = [
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/noto-sans", NODE_MODULES / "@fontsource" / "noto-sans"),
    ("vendor/tom-select", NODE_MODULES / "tom-select" / "dist"),
]
STORAGES = {
    # Evidence and documents: MEDIA_ROOT, or JSON {"BACKEND": …, "OPTIONS": {…}} (S3, README).
    "default": json.loads(os.environ.get("CHISO_MEDIA_STORAGE") or "null")
    or {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
if DEBUG:
    # WhiteNoise warns on every start when the collected-static folder is absent.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Evidence files are never served from MEDIA_URL: views check permissions and stream them.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
CHISO_MAX_EVIDENCE_BYTES = int(os.environ.get("CHISO_MAX_EVIDENCE_BYTES", str(20 * 1024 * 1024)))

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "chiso <no-reply@localhost>")

# Background jobs (chiso.jobs): a queue table in this database, run by `chiso worker`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "documents", "mail"],
    }
}
# A job "running" longer than this lost its worker and is queued again; LibreOffice per machine.
CHISO_JOB_TIMEOUT = int(os.environ.get("CHISO_JOB_TIMEOUT", "1800"))
CHISO_PDF_CONCURRENCY = int(os.environ.get("CHISO_PDF_CONCURRENCY", "1"))
CHISO_LOCK_DIR = Path(os.environ.get("CHISO_LOCK_DIR", VAR_DIR / "locks"))
CHISO_VAR_DIR = VAR_DIR

# Where the published PAPI data lives when the demo loads it (read in place, never copied).
CHISO_SHARED_DIR = Path(os.environ.get("CHISO_SHARED_DIR", REPO_DIR.parent / "shared"))
CHISO_SITE_NAME = os.environ.get("CHISO_SITE_NAME", "")
# The address people reach chiso at (https://chiso.example.vn): links in e-mails are built from
# it, never from the request's Host header. Empty: the request's own address (development).
CHISO_SITE_URL = os.environ.get("CHISO_SITE_URL", "").rstrip("/")
# Pin "today" (YYYY-MM-DD) for a replayed plan year; empty = the real date (see chiso.site.clock).
CHISO_TODAY = os.environ.get("CHISO_TODAY", "")

# Production hardening: all on unless DEBUG. `chiso check --deploy` must report nothing.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# X-Forwarded-Proto is believed only behind a reverse proxy that sets it (CHISO_BEHIND_PROXY=1).
if env_bool("CHISO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; font-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
