"""The configuration: find ``sites.toml``, read it, check every key, expose typed settings.

The file holds one ``[sites.NAME]`` table per monitored site, an optional ``[defaults]`` table
applied to every site, the alert tables (``[smtp]``, ``[alerts]``, ``[[subscriptions]]``,
``[webhooks.NAME]``) and ``[serve]`` for the scheduler. Everything is checked at load time: a bad
value raises one :class:`~storage.errors.ConfigError` whose one-line message names the file, the
table and the key::

    sites.toml: site 'yueyang': key 'start_urls': expected a non-empty list of http(s) URLs, got "http//x"

The modules, one concept each:

- ``defaults.py``  every default, written once
- ``checks.py``    the one table checker (:class:`~crawler.config.checks.Table`) and shared checks
- ``schedule.py``  the one parser of intervals and cron expressions (config and scheduler)
- ``sites.py``     ``[sites.NAME]``/``[defaults]`` and :class:`SiteConfig`
- ``alerts.py``    the alert tables
- ``serve.py``     ``[serve]``, the scheduler service's table
- ``loader.py``    finding and reading the file, :class:`Config`

Operator documentation: ``docs/configuration.md``.
"""

from storage import ConfigError

from .alerts import (
    ALERTS_KEYS,
    EVENT_KINDS,
    SMTP_KEYS,
    SUBSCRIPTION_KEYS,
    WEBHOOK_KEYS,
    AlertSettings,
    SmtpSettings,
    Subscription,
    Webhook,
)
from .defaults import CONFIG_ENV_VAR, DEFAULT_CONFIG_PATH, DEFAULT_PASSWORD_ENV
from .loader import RESERVED_TABLES, Config, config_from_dict, load_config, resolve_config_path
from .schedule import Cron, interval_seconds, parse_schedule
from .serve import SERVE_KEYS, ServeOptions
from .sites import (
    PER_SITE_KEYS,
    POLITENESS_KEYS,
    SELECTOR_KEYS,
    SITE_KEYS,
    Politeness,
    SiteConfig,
)

__all__ = [
    "ALERTS_KEYS",
    "CONFIG_ENV_VAR",
    "DEFAULT_CONFIG_PATH",
    "DEFAULT_PASSWORD_ENV",
    "EVENT_KINDS",
    "PER_SITE_KEYS",
    "POLITENESS_KEYS",
    "RESERVED_TABLES",
    "SELECTOR_KEYS",
    "SERVE_KEYS",
    "SITE_KEYS",
    "SMTP_KEYS",
    "SUBSCRIPTION_KEYS",
    "WEBHOOK_KEYS",
    "AlertSettings",
    "Config",
    "ConfigError",
    "Cron",
    "Politeness",
    "SiteConfig",
    "ServeOptions",
    "SmtpSettings",
    "Subscription",
    "Webhook",
    "config_from_dict",
    "interval_seconds",
    "load_config",
    "parse_schedule",
    "resolve_config_path",
]
