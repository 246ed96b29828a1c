"""Every default of ``sites.toml`` in one place, each with why (as Scrapy keeps its own in
``default_settings.py``).

The dataclasses of :mod:`crawler.config` take their field defaults from these tables and the
builders never restate one: a key an operator leaves out is the entry here. Operators read the
same values in docs/configuration.md and docs/alerts.md. Two neighbours keep their own, and these
tables read them rather than restate them: the crawl process's Scrapy settings
(``crawler/settings.py``: the politeness defaults, ``BULLETIN_DB`` and the other ``BULLETIN_*``
settings ``bulletin crawl -s NAME=VALUE`` overrides) and the store, a library of its own
(``removal_confirm_after``, ``revisit_max``).
"""

from __future__ import annotations

from crawler import settings as scrapy_settings
from storage import DEFAULT_REMOVAL_CONFIRM_AFTER, DEFAULT_REVISIT_MAX

from .schedule import format_interval

# --- where things are: environment variables and their fallbacks ------------------------------

CONFIG_ENV_VAR = "BULLETIN_CONFIG"  # the configuration file, when --config is not given
DEFAULT_CONFIG_PATH = "sites.toml"  # … and when neither is: the current directory's
DEFAULT_PASSWORD_ENV = "BULLETIN_SMTP_PASSWORD"  # the SMTP password, unless smtp.password_env

# --- [sites.NAME] and [defaults] --------------------------------------------------------------

SITE = {
    "follow_breadcrumbs": True,  # an article's breadcrumb names its column's list page
    "breadcrumb_depth": 1,  # hops up the breadcrumb: the column itself, not the whole site
    "max_list_pages": 50,  # next pages walked per start URL
    "max_list_rows": 1000,  # rows read from one list page (a page listing the whole archive)
    "max_requests": 10000,  # a crawl's safety net against calendars and endless query strings
    "revisit": (1, 7, 30),  # days after publication a release is re-checked for edits
    # A second miss this long after the first confirms a removal ("1h"); every live release is
    # re-checked at least this often ("30d"). The store's own defaults, written as sites.toml does.
    "removal_confirm_after": format_interval(DEFAULT_REMOVAL_CONFIRM_AFTER),
    "revisit_max": format_interval(DEFAULT_REVISIT_MAX),
    # A URL's ETag/Last-Modified answer conditional requests for at most this long after the
    # full response that gave them; then it is fetched in full once, so a server whose 304s are
    # wrong (validators that never change) hides a change for a day at most.
    "validators_max_age": "1d",
    # Each list series is walked to its end at least this often, past pages of known rows: a row
    # taken off a page the short walks never reach (its release removed) is otherwise seen only
    # when the release's revisit falls due, weeks later for an old one. Once a day finds such a
    # removal the day it happens at the cost of one walk of each series a day.
    "full_walk_every": "1d",
}
# A site whose hosts name no zone (crawler/extract/dates.py's suffixes) or disagree: UTC.
TIMEZONE = "UTC"

# [sites.NAME.politeness]: the project's Scrapy settings, which explain each value.
POLITENESS = {
    "download_delay": float(scrapy_settings.DOWNLOAD_DELAY),
    "delay_jitter": float(scrapy_settings.DOWNLOAD_DELAY_JITTER),
    "concurrency": scrapy_settings.CONCURRENT_REQUESTS_PER_DOMAIN,
    "obey_robots": scrapy_settings.ROBOTSTXT_OBEY,
    "user_agent": None,  # the project's identifying USER_AGENT
    "timeout": float(scrapy_settings.DOWNLOAD_TIMEOUT),
    "max_response_mb": scrapy_settings.DOWNLOAD_MAXSIZE / (1024 * 1024),
    "retries": scrapy_settings.RETRY_TIMES,
    "autothrottle": scrapy_settings.AUTOTHROTTLE_ENABLED,
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

# --- alerts: [smtp], [alerts], [[subscriptions]], [webhooks.NAME], [robots.NAME] ----------------

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
ROBOT = {**FILTER, "timeout": 10.0}
#: The chat robots [robots.NAME] can post to (``kind``).
ROBOT_KINDS = ("dingtalk", "wecom", "feishu", "slack")
