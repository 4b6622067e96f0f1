"""COCADE settings: one file, every value from the environment (see README, Configuration)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from cocade.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_database_url,
    parse_email_url,
)

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
DATA_DIR = Path(env_str("COCADE_DATA_DIR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("COCADE_TESTING", False)

_DEV_SECRET = "dev-only-insecure-key-never-use-in-production-0123456789"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if (DEBUG or TESTING) else None)
if not (DEBUG or TESTING) and SECRET_KEY in {"", _DEV_SECRET}:
    raise ImproperlyConfigured("SECRET_KEY must be set to a secret value when DEBUG is off.")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if (DEBUG or TESTING) else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "template_partials",
    "csp",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "cocade.core",
    "cocade.accounts",
    "cocade.directory",
    "cocade.competencies",
    "cocade.practices",
    "cocade.agenda",
    "cocade.recruitment",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cocade.core.middleware.ApiErrorShapeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cocade.accounts.middleware.RequireTwoFactorMiddleware",
]

ROOT_URLCONF = "cocade.urls"
# Widgets render with the project templates, so that templates/core/widgets/ is found.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "cocade.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cocade.core.context_processors.cocade",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": parse_database_url(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'cocade.sqlite3'}"), base_dir=PROJECT_DIR
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (login rate limits live here) ----------------------------------------------------
_cache_url = env_str("CACHE_URL", "locmem://")
if _cache_url.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
        }
    }
elif _cache_url == "locmem://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif _cache_url == "db://":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cocade_cache",
        }
    }
else:
    raise ImproperlyConfigured(f"CACHE_URL={_cache_url!r}: use locmem://, db:// or redis://…")

# --- Accounts ------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "staff:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "5/5m/ip,5/5m/key",
    "reset_password": "5/m/ip,3/m/key",
    "signup": "10/m/ip",
}
ACCOUNT_ALLOW_REGISTRATION = env_bool("COCADE_ALLOW_SIGNUP", True)
ACCOUNT_ADAPTER = "cocade.accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[COCADE] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "COCADE"

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("pt", "Português"),
    ("it", "Italiano"),
    ("da", "Dansk"),
    ("bg", "Български"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Paris")

# --- Static and media files -----------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
#: Files never served as such (candidates' CVs): only views that check access read them.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(DATA_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (DEBUG or TESTING)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880
COCADE_LOGO_MAX_BYTES = env_int("COCADE_LOGO_MAX_BYTES", 1_048_576, minimum=1024)
#: Largest attachment of a practice sheet (PDF or image).
COCADE_ATTACHMENT_MAX_BYTES = env_int("COCADE_ATTACHMENT_MAX_BYTES", 5 * 1_048_576, minimum=1024)

# --- Email and background jobs ---------------------------------------------------------------
_email = parse_email_url(env_str("EMAIL_URL", "console://" if (DEBUG or TESTING) else None))
EMAIL_DELIVERY_BACKEND = _email.pop("EMAIL_BACKEND")
globals().update(_email)
# Every email goes through the task queue; the worker hands it to EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "cocade.core.mail.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "COCADE <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env_bool("COCADE_TASKS_IMMEDIATE", TESTING)
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# --- Map ---------------------------------------------------------------------------------------
# Agenda: personal data of past events is anonymised this many months after they end, and
# registrants get a reminder this many hours before an event starts.
COCADE_REGISTRATION_RETENTION_MONTHS = env_int(
    "COCADE_REGISTRATION_RETENTION_MONTHS", 12, minimum=1
)
COCADE_EVENT_REMINDER_HOURS = env_int("COCADE_EVENT_REMINDER_HOURS", 48, minimum=1)
# Speed recruitment: candidates' CVs are deleted this many days after their event ends.
COCADE_CV_RETENTION_DAYS = env_int("COCADE_CV_RETENTION_DAYS", 30, minimum=1)

# Periodic jobs: {dotted path of a task: interval in seconds}; `cocade scheduler` enqueues each.
COCADE_SCHEDULE = {
    "cocade.agenda.tasks.send_event_reminders": 15 * 60,
    "cocade.agenda.tasks.anonymise_past_registrations": 24 * 60 * 60,
    "cocade.recruitment.tasks_candidates.purge_candidate_data": 24 * 60 * 60,
}

COCADE_MAP_TILE_URL = env_str(
    "COCADE_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
COCADE_MAP_ATTRIBUTION = env_str("COCADE_MAP_ATTRIBUTION", "&copy; OpenStreetMap contributors")
_tile_origin = ""
if COCADE_MAP_TILE_URL:
    _tile = urlsplit(COCADE_MAP_TILE_URL.replace("{s}", "*"))
    if _tile.scheme not in {"http", "https"} or not _tile.netloc:
        raise ImproperlyConfigured("COCADE_MAP_TILE_URL must be an http(s) URL or empty.")
    _tile_origin = f"{_tile.scheme}://{_tile.netloc}"

# --- Security ----------------------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([_tile_origin] if _tile_origin else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12, minimum=300)
_secure = not (DEBUG or TESTING) and env_bool("COCADE_HTTPS", True)
SESSION_COOKIE_SECURE = _secure
CSRF_COOKIE_SECURE = _secure
SECURE_SSL_REDIRECT = _secure and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if _secure else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _secure
SECURE_HSTS_PRELOAD = _secure and env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("COCADE_BEHIND_PROXY", False) else None
)

# --- API -------------------------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50

# --- Logging: technical only, never personal data ---------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.security.DisallowedHost": {"level": "ERROR"}},
}

COCADE_DEMO_EMAIL_DOMAIN = "demo.cocade.example"
