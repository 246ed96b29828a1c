"""Every default of ``sites.toml`` in one place, each with why (as Scrapy keeps its own in
``default_settings.py``).

The dataclasses of :mod:`crawler.config` take their field defaults from these tables and the
builders never restate one: a key an operator leaves out is the entry here. Operators read the
same values in docs/configuration.md and docs/alerts.md. The crawl process's Scrapy settings
(``BULLETIN_STOP_GRACE`` and the like) keep theirs in ``crawler/settings.py``, where Scrapy and
``bulletin crawl -s NAME=VALUE`` find them.
"""

from __future__ import annotations

# --- where things are: environment variables and their fallbacks ------------------------------

CONFIG_ENV_VAR = "BULLETIN_CONFIG"  # the configuration file, when --config is not given
DEFAULT_CONFIG_PATH = "sites.toml"  # … and when neither is: the current directory's
DB_ENV_VAR = "BULLETIN_DB"  # the SQLite file, when --db is not given
DEFAULT_DB_PATH = "bulletin.db"
DEFAULT_PASSWORD_ENV = "BULLETIN_SMTP_PASSWORD"  # the SMTP password, unless smtp.password_env

# --- [sites.NAME] and [defaults] --------------------------------------------------------------

SITE = {
    "follow_breadcrumbs": True,  # an article's breadcrumb names its column's list page
    "breadcrumb_depth": 1,  # hops up the breadcrumb: the column itself, not the whole site
    "max_list_pages": 50,  # next pages walked per start URL
    "max_list_rows": 1000,  # rows read from one list page (a page listing the whole archive)
    "max_requests": 10000,  # a crawl's safety net against calendars and endless query strings
    "revisit": (1, 7, 30),  # days after publication a release is re-checked for edits
    "removal_confirm_after": "1h",  # a second miss this much later confirms a removal
    "revisit_max": "30d",  # every live release re-checked at least this often
}
# Chinese government sites print Beijing time without saying so; others are read as UTC.
TIMEZONE = "UTC"
TIMEZONE_CN = "Asia/Shanghai"

# [sites.NAME.politeness]: gentle enough for a small public server.
POLITENESS = {
    "download_delay": 2.0,  # seconds between requests to one host
    "delay_jitter": 0.5,  # random ± fraction of the delay, as Scrapy's DOWNLOAD_DELAY_JITTER
    "concurrency": 1,  # requests in flight per host
    "obey_robots": True,
    "user_agent": None,  # None: the project's identifying USER_AGENT (crawler/settings.py)
    "timeout": 30.0,  # seconds per request
    "max_response_mb": 20.0,  # larger responses are dropped
    "retries": 3,  # of a timeout or 5xx
    "autothrottle": True,  # slow down further when the server answers slowly
}

# --- [serve]: the scheduler service -----------------------------------------------------------

SERVE = {
    "default_schedule": "6h",  # for sites without their own `schedule`
    "crawl_timeout": 3600.0,  # seconds a crawl may run before it is stopped
    "stop_timeout": 60.0,  # seconds a running crawl gets to close cleanly on shutdown
    "stagger": 30.0,  # seconds between the first runs of consecutive sites
    "jitter": 0.1,  # random delay, as a fraction of the interval (at most 10 minutes)
    "alerts_interval": 60.0,  # seconds between two deliveries of due alerts
    "feed_entries": 100,  # events per feed file
    "feed_dir": None,  # directory of the Atom feeds, rewritten after each crawl; None: no feeds
    "feed_url": None,  # the address feed_dir is published at (the feeds' rel="self")
    "archive_url": None,  # the Datasette address of this store (links to archived copies)
}

# --- alerts: [smtp], [alerts], [[subscriptions]], [webhooks.NAME] -----------------------------

TLS_PORTS = {"starttls": 587, "tls": 465, "none": 25}  # smtp.port follows smtp.tls
SMTP = {
    "tls": "starttls",
    "sender": "bulletin-monitor@localhost",  # the TOML key is "from"; else a username with an @
    "timeout": 30.0,
}
ALERTS = {
    "operators": (),  # who hears of a site breaking and recovering
    "digest": "08:00",  # when daily digests go out …
    "timezone": "UTC",  # … in this zone (each subscription may say otherwise)
    "max_items": 50,  # releases shown in full per mail
}
#: What a subscription or webhook matches unless it says otherwise.
FILTER = {
    "kinds": ("new",),
    "keywords_any": (),
    "keywords_all": (),
    "keywords_in": ("title", "body"),
}
SUBSCRIPTION = {**FILTER, "delivery": "immediate"}
WEBHOOK = {**FILTER, "timeout": 10.0}
