"""The alert tables: ``[smtp]``, ``[alerts]``, ``[[subscriptions]]``, ``[webhooks.NAME]`` and
``[robots.NAME]``.

Who is told about which events, and how; the delivery itself is ``crawler/alerts/``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parseaddr
from typing import Any

from storage import EVENT_KINDS, ConfigError

from . import checks
from .checks import Check, Invalid, Table, show
from .defaults import (
    ALERTS,
    DEFAULT_PASSWORD_ENV,
    ROBOT,
    ROBOT_KINDS,
    SMTP,
    SUBSCRIPTION,
    TLS_PORTS,
    WEBHOOK,
)
from .sites import SITE_NAME_RE, check_named_table

ENV_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
ADDRESS_RE = re.compile(r"[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+")
TIME_OF_DAY_RE = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


@dataclass(frozen=True)
class SmtpSettings:
    """The ``[smtp]`` table: where alert mail goes out. The password comes from the environment."""

    host: str
    port: int
    tls: str = SMTP["tls"]  # "starttls", "tls" (implicit, port 465) or "none" (local relays)
    username: str | None = None
    password_env: str | None = None  # name of the environment variable holding the password
    sender: str = SMTP["sender"]  # the TOML key is "from"
    timeout: float = SMTP["timeout"]
    ca_file: str | None = None  # extra CA certificates (a relay with a private CA)

    def password(self, environ: Mapping[str, str] = os.environ) -> str | None:
        """The SMTP password from the environment; ``ConfigError`` when a username needs one and it is unset."""
        if not self.username:
            return None
        name = self.password_env or DEFAULT_PASSWORD_ENV
        value = environ.get(name)
        if not value:
            raise ConfigError(
                f"smtp: environment variable {name} is not set (smtp.username needs a password)"
            )
        return value


@dataclass(frozen=True)
class AlertSettings:
    """The ``[alerts]`` table: the operators' addresses and the defaults of every subscription."""

    operators: tuple[str, ...] = ALERTS["operators"]
    digest: str = ALERTS["digest"]
    timezone: str = ALERTS["timezone"]
    max_items: int = ALERTS["max_items"]


@dataclass(frozen=True)
class Subscription:
    """One ``[[subscriptions]]`` entry: who gets mail about which releases, and when."""

    name: str
    to: tuple[str, ...]
    sites: tuple[str, ...] = ()  # empty: every site
    kinds: tuple[str, ...] = SUBSCRIPTION["kinds"]
    keywords_any: tuple[str, ...] = SUBSCRIPTION["keywords_any"]
    keywords_all: tuple[str, ...] = SUBSCRIPTION["keywords_all"]
    keywords_in: tuple[str, ...] = SUBSCRIPTION["keywords_in"]
    delivery: str = SUBSCRIPTION["delivery"]
    digest: str = ALERTS["digest"]  # unless [alerts] digest says otherwise
    timezone: str = ALERTS["timezone"]


@dataclass(frozen=True)
class Webhook:
    """One ``[webhooks.NAME]`` table: a URL that receives the events as JSON."""

    name: str
    url: str
    sites: tuple[str, ...] = ()
    kinds: tuple[str, ...] = WEBHOOK["kinds"]
    keywords_any: tuple[str, ...] = WEBHOOK["keywords_any"]
    keywords_all: tuple[str, ...] = WEBHOOK["keywords_all"]
    keywords_in: tuple[str, ...] = WEBHOOK["keywords_in"]
    secret_env: str | None = None
    timeout: float = WEBHOOK["timeout"]


@dataclass(frozen=True)
class Robot:
    """One ``[robots.NAME]`` table: a chat group's robot (DingTalk, WeCom, Feishu/Lark, Slack)
    that gets one readable message per run. Its URL holds the robot's token: it may come from
    the environment (``url_env``), like the signing secret (``secret_env``)."""

    name: str
    kind: str
    url: str | None = None
    url_env: str | None = None
    sites: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ROBOT["kinds"]
    keywords_any: tuple[str, ...] = ROBOT["keywords_any"]
    keywords_all: tuple[str, ...] = ROBOT["keywords_all"]
    keywords_in: tuple[str, ...] = ROBOT["keywords_in"]
    secret_env: str | None = None
    timeout: float = ROBOT["timeout"]

    def address(self, environ: Mapping[str, str] = os.environ) -> str:
        """The URL to POST to; ``ConfigError`` when ``url_env`` names an unset or invalid variable."""
        if self.url:
            return self.url
        value = (environ.get(self.url_env or "") or "").strip()
        if not value:
            raise ConfigError(
                f"environment variable {self.url_env} is not set (robot {self.name!r} url_env)"
            )
        try:
            return checks.http_url(value)
        except Invalid as exc:
            raise ConfigError(
                f"environment variable {self.url_env} (robot {self.name!r} url_env): {exc}"
            ) from None

    def secret(self, environ: Mapping[str, str] = os.environ) -> str | None:
        """The signing secret, or None without ``secret_env``; ``ConfigError`` when it is unset."""
        if not self.secret_env:
            return None
        value = environ.get(self.secret_env)
        if not value:
            raise ConfigError(
                f"environment variable {self.secret_env} is not set (robot {self.name!r} secret_env)"
            )
        return value


# --- value checks of alert keys ---------------------------------------------------------------


def _address(value: Any) -> str:
    what = 'an e-mail address like "ops@example.org" or "Ops <ops@example.org>"'
    text = checks.string(value, what)
    # A line break in an address would let a config value write mail headers.
    if any(ord(c) < 32 for c in text):
        raise Invalid(f"control characters are not allowed, got {show(text)}")
    _, address = parseaddr(text)
    if not ADDRESS_RE.fullmatch(address):
        raise Invalid(f"expected {what}, got {show(value)}")
    return text


def _addresses(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise Invalid("expected at least one e-mail address, got []")
    return tuple(dict.fromkeys(_address(item) for item in items))


def _operators(value: Any) -> tuple[str, ...]:
    if value == []:
        return ()
    return _addresses(value)


def _time_of_day(value: Any) -> str:
    if not isinstance(value, str) or not TIME_OF_DAY_RE.fullmatch(value.strip()):
        raise Invalid(f'expected a time of day "HH:MM" (24-hour clock), got {show(value)}')
    return value.strip()


def _env_name(value: Any) -> str:
    text = checks.string(value, "the name of an environment variable")
    if not ENV_NAME_RE.fullmatch(text):
        raise Invalid(
            f'expected the name of an environment variable like "SMTP_PASSWORD", got {show(value)}'
        )
    return text


def _kinds(allowed: tuple[str, ...]) -> Callable[[Any], tuple[str, ...]]:
    what = "a non-empty list of " + ", ".join(f'"{k}"' for k in allowed)

    def check(value: Any) -> tuple[str, ...]:
        kinds = checks.string_list(value, what)
        if not kinds or any(k not in allowed for k in kinds):
            raise Invalid(f"expected {what}, got {show(value)}")
        return tuple(dict.fromkeys(kinds))

    return check


def _keywords(value: Any) -> tuple[str, ...]:
    return tuple(checks.string_list(value, "a list of keywords"))


def _keywords_in(value: Any) -> tuple[str, ...]:
    what = 'a non-empty list of "title", "body"'
    fields_ = checks.string_list(value, what)
    if not fields_ or any(f not in ("title", "body") for f in fields_):
        raise Invalid(f"expected {what}, got {show(value)}")
    return tuple(dict.fromkeys(fields_))


def _delivery(value: Any) -> str:
    if value not in ("immediate", "digest"):
        raise Invalid(f'expected "immediate" or "digest", got {show(value)}')
    return value


def _robot_kind(value: Any) -> str:
    if value not in ROBOT_KINDS:
        raise Invalid(f"expected {_robot_kinds_phrase()}, got {show(value)}")
    return value


def _robot_kinds_phrase() -> str:
    return ", ".join(f'"{k}"' for k in ROBOT_KINDS[:-1]) + f' or "{ROBOT_KINDS[-1]}"'


def _tls(value: Any) -> str:
    if value not in TLS_PORTS:
        raise Invalid(f'expected "starttls", "tls" or "none", got {show(value)}')
    return value


def _port(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 65535:
        raise Invalid(f"expected a port number from 1 to 65535, got {show(value)}")
    return value


def _host_name(value: Any) -> str:
    text = checks.string(value, 'a host name like "smtp.example.org"')
    if any(c.isspace() or ord(c) < 32 for c in text) or "/" in text:
        raise Invalid(f'expected a host name like "smtp.example.org", got {show(value)}')
    return text


def _subscription_name(value: Any) -> str:
    text = checks.string(value, "a name of letters, digits, '_' and '-'")
    if not SITE_NAME_RE.fullmatch(text):
        raise Invalid(f"expected a name of letters, digits, '_' and '-', got {show(value)}")
    return text


_FILTER_KEYS: dict[str, Check] = {
    "site": lambda v: (checks.string(v, "a site name"),),
    "sites": lambda v: tuple(checks.string_list(v, "a list of site names")),
    "keywords_any": _keywords,
    "keywords_all": _keywords,
    "keywords_in": _keywords_in,
}

SMTP_KEYS: dict[str, Check] = {
    "host": _host_name,
    "port": _port,
    "tls": _tls,
    "username": checks.string,
    "password_env": _env_name,
    "from": _address,
    "timeout": checks.number(0, exclusive=True),
    "ca_file": checks.file_path("the path of a PEM file of CA certificates"),
}
ALERTS_KEYS: dict[str, Check] = {
    "operators": _operators,
    "digest": _time_of_day,
    "timezone": checks.timezone,
    "max_items": checks.integer(1),
}
SUBSCRIPTION_KEYS: dict[str, Check] = {
    "name": _subscription_name,
    "to": _addresses,
    **_FILTER_KEYS,
    "kinds": _kinds(EVENT_KINDS),
    "delivery": _delivery,
    "digest": _time_of_day,
    "timezone": checks.timezone,
}
WEBHOOK_KEYS: dict[str, Check] = {
    "url": checks.http_url,
    **_FILTER_KEYS,
    "kinds": _kinds((*EVENT_KINDS, "health")),
    "secret_env": _env_name,
    "timeout": checks.number(0, exclusive=True),
}
ROBOT_KEYS: dict[str, Check] = {
    "kind": _robot_kind,
    "url": checks.http_url,
    "url_env": _env_name,
    **_FILTER_KEYS,
    "kinds": _kinds((*EVENT_KINDS, "health")),
    "secret_env": _env_name,
    "timeout": checks.number(0, exclusive=True),
}
# Secrets come only from the environment: a password in the file is refused, not ignored.
SMTP_REFUSED = {
    "password": "secrets are not read from the file: put the password in an "
    "environment variable and name it in password_env"
}


def build_alerts(extra: Mapping[str, Any], sites: Mapping[str, Any], source: str) -> dict[str, Any]:
    """Check [smtp], [alerts], [[subscriptions]], [webhooks.NAME] and [robots.NAME] into typed
    settings: the ``smtp``, ``alerts``, ``subscriptions``, ``webhooks`` and ``robots`` of a Config."""
    alerts = AlertSettings(
        **Table(source, "alerts", ALERTS_KEYS).check(_table(extra, "alerts", source))
    )
    smtp = _smtp(extra, source)
    subscriptions = _subscriptions(extra.get("subscriptions", []), alerts, sites, source)
    webhooks = [
        _webhook(name, table, sites, source)
        for name, table in _table(extra, "webhooks", source).items()
    ]
    robots = [
        _robot(name, table, sites, source)
        for name, table in _table(extra, "robots", source).items()
    ]
    if smtp is None and (subscriptions or alerts.operators):
        needs = "[[subscriptions]]" if subscriptions else "alerts.operators"
        raise ConfigError(
            f"{source}: key 'smtp': required: {needs} send e-mail, add an [smtp] table"
        )
    return {
        "smtp": smtp,
        "alerts": alerts,
        "subscriptions": tuple(subscriptions),
        "webhooks": tuple(webhooks),
        "robots": tuple(robots),
    }


def _table(extra: Mapping[str, Any], key: str, source: str) -> Mapping[str, Any]:
    value = extra.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: key {key!r}: expected a table, got {show(value)}")
    return value


def _smtp(extra: Mapping[str, Any], source: str) -> SmtpSettings | None:
    table = _table(extra, "smtp", source)
    if "smtp" not in extra:
        return None
    checker = Table(source, "smtp", SMTP_KEYS, refused=SMTP_REFUSED)
    values = checker.check(table)
    checker.require(values, "host", 'the SMTP server, like "smtp.example.org"')
    if "from" not in values and "@" in values.get("username", ""):
        values["from"] = values["username"]
    if "from" in values:
        values["sender"] = values.pop("from")
    values.setdefault("port", TLS_PORTS[values.get("tls", SMTP["tls"])])
    return SmtpSettings(**values)


def _chosen_sites(
    checker: Table, values: dict[str, Any], configured: Mapping[str, Any]
) -> tuple[str, ...]:
    """The sites a subscription or webhook names (``site`` or ``sites``), each configured."""
    if "site" in values and "sites" in values:
        raise checker.error("site", "give either site or sites, not both")
    key = "site" if "site" in values else "sites"
    chosen = values.pop(key, ())
    for name in chosen:
        if name not in configured:
            raise checker.error(
                key, f"unknown site {show(name)}{checks.suggest(name, {n: n for n in configured})}"
            )
    return tuple(dict.fromkeys(chosen))


def _subscriptions(
    raw: Any, alerts: AlertSettings, sites: Mapping[str, Any], source: str
) -> list[Subscription]:
    if not isinstance(raw, list) or not all(isinstance(t, Mapping) for t in raw):
        raise ConfigError(
            f"{source}: key 'subscriptions': expected an array of tables "
            f"([[subscriptions]]), got {show(raw)}"
        )
    subscriptions: list[Subscription] = []
    for number, table in enumerate(raw, 1):
        label = (
            f"subscription {table['name']!r}"
            if isinstance(table.get("name"), str)
            else f"subscription #{number}"
        )
        checker = Table(source, label, SUBSCRIPTION_KEYS)
        values = checker.check(table)
        checker.require(values, "to", "the e-mail address(es) to send to")
        chosen = _chosen_sites(checker, values, sites)
        named = "name" in values
        # Without a name, rows stay with a subscription while its recipients and sites stay.
        name = values.pop("name", None) or "email:{}:{}".format(
            ",".join(sorted(parseaddr(a)[1] for a in values["to"])), ",".join(sorted(chosen)) or "*"
        )
        if any(s.name == name for s in subscriptions):
            raise checker.error(
                "name" if named else "to",
                "another subscription has the same name (or recipients and sites): "
                "merge them or give each a distinct name",
            )
        subscriptions.append(
            Subscription(
                **{"digest": alerts.digest, "timezone": alerts.timezone, **values},
                name=name,
                sites=chosen,
            )
        )
    return subscriptions


def _webhook(name: str, table: Any, sites: Mapping[str, Any], source: str) -> Webhook:
    check_named_table(source, "webhook", "webhooks", name, table)
    checker = Table(source, f"webhook {name!r}", WEBHOOK_KEYS)
    values = checker.check(table)
    checker.require(values, "url", "the http(s) URL to POST to")
    chosen = _chosen_sites(checker, values, sites)
    return Webhook(**values, name=name, sites=chosen)


def _robot(name: str, table: Any, sites: Mapping[str, Any], source: str) -> Robot:
    check_named_table(source, "robot", "robots", name, table)
    checker = Table(source, f"robot {name!r}", ROBOT_KEYS)
    values = checker.check(table)
    checker.require(values, "kind", _robot_kinds_phrase())
    if "url" in values and "url_env" in values:
        raise checker.error("url_env", "give either url or url_env, not both")
    if "url" not in values and "url_env" not in values:
        raise checker.error(
            "url", "required: the robot's webhook URL, or url_env naming the variable that holds it"
        )
    if values.get("secret_env") and values["kind"] not in ("dingtalk", "feishu"):
        raise checker.error(
            "secret_env", f"{values['kind']} robots are not signed (only dingtalk and feishu are)"
        )
    chosen = _chosen_sites(checker, values, sites)
    return Robot(**values, name=name, sites=chosen)
