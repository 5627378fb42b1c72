"""Settings shared by every environment.

Safe on its own: DEBUG is off and there is no secret key, so nothing runs on
these settings alone by accident. dev.py and test.py relax them; production.py
reads the environment.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    # The portal's own apps (portal/*), then the content apps.
    "portal.core",
    "portal.caching",
    "portal.search",
    "portal.accounts",
    "portal.editorial",
    "portal.feedback",
    "portal.changes",
    "portal.alerts",
    "guidance",
    "publications",
    "phonenumber_field",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML, Atom and JSON compressed for clients that ask (static files come compressed
    # from whitenoise); with Django's BREACH mitigation (random padding).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # A hit answers here, before sessions, languages and the rest are set up: the
    # cached response already carries what they added to it (Content-Language, Vary).
    "portal.caching.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step sign-in to the admin (portal.accounts, on in production).
    "django_otp.middleware.OTPMiddleware",
    "portal.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp), the same in development, tests and production,
# so that the browser tests and the admin run under the policy that production sends:
# scripts only from this site, never inline (the Wagtail editor's views add inline
# scripts: portal/core/csp.py says why). Wagtail's admin sets inline styles, so styles
# allow them; frames only from this site (the admin's preview), which also keeps other
# sites from framing the portal.
INSTALLED_APPS.append("csp")
MIDDLEWARE.insert(1, "portal.core.csp.PortalCSPMiddleware")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The admin's sign-in form: Wagtail's, with a translated password label.
WAGTAILADMIN_USER_LOGIN_FORM = "portal.accounts.forms.LoginForm"
# Admin login: after 5 failed attempts for a username from one address, that
# combination is locked out for 30 minutes (django-axes), counted from the fifth
# failure: attempts during a lock-out do not extend it, and a user name alone (from
# other addresses) is never locked. The address: portal/core/client_address.py.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "portal.core.client_address.client_address"
# How many proxies (load balancer, nginx) stand in front and append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))

# Two-step sign-in (a code from an authenticator app after the password) for every admin
# user: on in production (portal/settings/production.py); off here, so that trying the
# portal with `make run` needs no phone. portal/accounts/.
PORTAL_TWO_FACTOR = False
OTP_TOTP_ISSUER = "Socialtjänstens vägledning"

# The apps whose content visitors see. Their changes renew the cached pages
# (portal.caching), their links are checked and their translations reported
# (portal.editorial), and `manage.py seed` loads their seed content, in this order.
CONTENT_APPS = ["guidance", "publications"]
# The page type whose `quick_exit_below` decides the quick exit for the pages below it.
QUICK_EXIT_SECTION_MODEL = "guidance.SectionPage"
# The entries a page shows under its own address and asks "Did this information help you?"
# about (portal.feedback): the catalogue's publications (PublicationIndexPage.feedback_entry).
FEEDBACK_ENTRY_MODEL = "publications.Publication"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# The database comes from DATABASE_URL. Without it: a SQLite file, the embedded
# default for trying the portal. PostgreSQL (psycopg 3) is the production database.
SQLITE_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"


def database_config(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"].endswith("postgresql"):
        # A stopped database answers within seconds instead of hanging a worker.
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
    return config


DATABASES = {"default": database_config(os.environ.get("DATABASE_URL") or SQLITE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Swedish is the main language, English the translation.
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
]
# Each language's name in its own language, for the switcher and language lists.
LANGUAGE_NATIVE_NAMES = {"sv": "Svenska", "en": "English"}
# The first is the project's own catalogue (`make messages`); the second carries Swedish for
# upstream strings that Wagtail's and wagtail-modeltranslation's catalogues lack (README, Languages).
# Earlier paths win, and both win over the installed apps' catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "upstream"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Stockholm"

MODELTRANSLATION_DEFAULT_LANGUAGE = "sv"
MODELTRANSLATION_LANGUAGES = ("sv", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("sv",)}
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
# The editor shows both languages until the editor hides one; the choice is remembered in
# the browser (localStorage). Labels and side by side: portal/editorial/static/editorial/.
WAGTAILMODELTRANSLATION_LOCALE_PICKER_DEFAULT = ("sv", "en")
WAGTAILMODELTRANSLATION_LOCALE_PICKER_RESTORE = True
# Column-per-language (title_sv, title_en), not Wagtail's tree-per-locale.
WAGTAIL_I18N_ENABLED = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"


def media_storage(env: dict) -> dict:
    """Media on S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set, else local files.

    Several app servers need one shared place for uploads; django-storages talks to any
    S3-compatible service (AWS_S3_ENDPOINT_URL for others than AWS).
    """
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }
    for setting, option in (
        ("AWS_S3_ENDPOINT_URL", "endpoint_url"),
        ("AWS_S3_REGION_NAME", "region_name"),
        ("AWS_S3_CUSTOM_DOMAIN", "custom_domain"),
    ):
        if env.get(setting):
            options[option] = env[setting]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

PHONENUMBER_DEFAULT_REGION = "SE"
# Where the quick-exit button leads: a neutral site that says nothing of this one.
QUICK_EXIT_URL = "https://www.smhi.se/"

WAGTAIL_SITE_NAME = "Stöd för socialtjänsten"
# No third-party requests from the admin: no Gravatar images (they would tell
# gravatar.com which editors work here) and no browser check for new Wagtail releases
# (upgrades go through pyproject.toml).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin's address in e-mails (moderation notifications) and command output: from the
# environment, else the address `make run` serves on (its PORT).
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL", "").strip()
    or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
)
WAGTAIL_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = WAGTAIL_PERMITTED_LANGUAGES
# One search index: the site search's own (portal.search). The admin's searches (the page
# explorer, snippet listings, choosers) go through Wagtail's fallback database backend,
# which matches the search fields in the database and writes no index of its own
# (docs/search.md).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database.fallback"},
}
# Uploads: an allow-list of formats (no HTML, no SVG: both can carry scripts) and sizes.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are downloaded as attachments, except PDF, shown inline under
# "Content-Security-Policy: default-src 'none'" (Wagtail's WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Files served at the site's root (/favicon.ico) by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
# Uploaded media through Django itself: only for trying the portal (make run); deployments
# serve them from the proxy or object storage (docs/deployment.md).
SERVE_MEDIA = False

# Caches: Redis (REDIS_URL) shared by every app process, so one invalidation reaches
# all; if Redis is away, cache calls fail quietly and pages are made anew.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {
                # A hung Redis costs a tenth of a second, then the breaker stops asking
                # it for BREAKER_SECONDS (portal/caching/breaker.py): pages are made anew.
                "CLIENT_CLASS": "portal.caching.breaker.BreakerClient",
                "BREAKER_SECONDS": 5,
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Logged once when an outage starts and once when it ends (portal/caching/outage.py).
    DJANGO_REDIS_LOGGER = "portal.caching.cache_errors"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous page views are cached (portal.caching) and renewed on publish.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").lower() != "off"
# At most this many pages kept per generation (portal/caching/middleware.py): a bound on
# what the page cache may take of Redis' memory (about 10 KB a page).
PAGE_CACHE_MAX_ENTRIES = int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "2000"))
# How long a shared cache in front (nginx's proxy cache, a CDN) may keep an anonymous page:
# its s-maxage (portal/caching/edge.py). Publishing purges the page and its listings at
# once; other changes (a snippet, the footer) reach the shared cache within this time.
EDGE_CACHE_SECONDS = int(os.environ.get("EDGE_CACHE_SECONDS", "300"))
# Wagtail's frontend cache purges each address in both languages (a page's addresses in
# each language are also named by portal.caching.edge, as slugs are translated).
WAGTAILFRONTENDCACHE_LANGUAGES = ["sv", "en"]

# "Did this information help you?" (portal/feedback/): answers and comments one client may
# send per window of seconds, and the days a comment is kept (`manage.py prune_feedback`).
FEEDBACK_LIMIT = 10
FEEDBACK_WINDOW = 600
FEEDBACK_COMMENT_DAYS = int(os.environ.get("FEEDBACK_COMMENT_DAYS", "180"))

# E-mail alerts (portal/alerts/, docs/alerts.md): sign-ups one client may make per window
# of seconds, confirmation mails one address may get per day, and what `send_alerts` sends
# per run and per hour (the relay's limit, with room for the other mail).
ALERTS_SIGNUP_LIMIT = 5
ALERTS_SIGNUP_WINDOW = 600
ALERTS_CONFIRMATIONS_PER_ADDRESS = 3
ALERTS_BATCH = int(os.environ.get("ALERTS_BATCH", "200"))
ALERTS_PER_HOUR = int(os.environ.get("ALERTS_PER_HOUR", "1000"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# New pages' addresses in plain ASCII, as the seed's (Wagtail's slug field transliterates
# "våld" to "vald"), never percent-encoded.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Renamed and moved pages keep their old addresses in every language
# (portal/core/old_addresses.py); Wagtail's own automatic redirects know one language.
WAGTAILREDIRECTS_AUTO_CREATE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "without_traceback": {"()": "portal.core.log_filters.WithoutTraceback"},
        "once_per_outage": {"()": "portal.caching.outage.OncePerOutage"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # A bad Host header: one line, the client's mistake.
        "django.security.DisallowedHost": {"filters": ["without_traceback"]},
        # The cache away: one line when it starts, one when it ends.
        "portal.caching.cache_errors": {"filters": ["once_per_outage"]},
    },
}
