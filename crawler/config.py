"""Site configuration: find ``sites.toml``, read it, validate every key, expose typed settings.

The file holds one ``[sites.NAME]`` table per monitored site, an optional ``[defaults]`` table
applied to every site, and a few top-level tables reserved for later features (kept raw in
:attr:`Config.extra`). Everything is checked at load time: a bad value raises one
:class:`~storage.errors.ConfigError` whose one-line message names the file, the site and the key::

    sites.toml: site 'yueyang': key 'start_urls': expected a non-empty list of http(s) URLs, got "http//x"

Operator documentation: ``docs/configuration.md``.
"""

from __future__ import annotations

import codecs
import dataclasses
import difflib
import ipaddress
import json
import math
import os
import re
import tomllib
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.extract.model import Selectors
from storage.errors import ConfigError

DEFAULT_CONFIG_PATH = "sites.toml"
CONFIG_ENV_VAR = "BULLETIN_CONFIG"
DEFAULT_PASSWORD_ENV = "BULLETIN_SMTP_PASSWORD"

#: Top-level tables other features will read; accepted and kept raw in ``Config.extra``.
RESERVED_TABLES = ("alerts", "smtp", "subscriptions", "webhooks", "serve")

#: Site keys that only make sense per site, so ``[defaults]`` may not set them.
PER_SITE_KEYS = ("title", "start_urls", "allowed_domains", "pages")

SITE_NAME_RE = re.compile(r"[A-Za-z0-9_-]+")
INTERVAL_RE = re.compile(r"(\d+)([smhd])")
INTERVAL_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
DEFAULT_REMOVAL_CONFIRM_AFTER = "1h"
DEFAULT_REVISIT_MAX = "30d"


def interval_seconds(text: str) -> int:
    """Seconds of a checked interval like ``"30m"`` (see :func:`_interval`)."""
    match = INTERVAL_RE.fullmatch(text)
    return int(match.group(1)) * INTERVAL_UNITS[match.group(2)]


@dataclass(frozen=True)
class Politeness:
    """How gently one site is crawled. Defaults suit a public server; see docs/configuration.md."""

    download_delay: float = 2.0  # seconds between requests to one host
    delay_jitter: float = 0.5  # random ± fraction of the delay, as Scrapy's DOWNLOAD_DELAY_JITTER
    concurrency: int = 1  # requests in flight per host
    obey_robots: bool = True
    user_agent: str | None = None  # None: the project's identifying default
    timeout: float = 30.0  # seconds per request
    max_response_mb: float = 20.0
    retries: int = 3
    autothrottle: bool = True

    @property
    def max_response_bytes(self) -> int:
        """``max_response_mb`` in bytes (for Scrapy's ``DOWNLOAD_MAXSIZE``)."""
        return int(self.max_response_mb * 1024 * 1024)


@dataclass(frozen=True)
class SiteConfig:
    """One monitored site: where to start, what to follow, how to extract and how politely.

    Build it through :func:`load_config` or :func:`config_from_dict`, which validate every value;
    the constructor itself checks nothing.
    """

    name: str
    title: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    timezone: str
    # Single-page watches: pages that are themselves the release, fetched on every crawl.
    pages: tuple[str, ...] = ()
    encoding: str | None = None
    # Selectors is a mutable dataclass, so it is left out of the hash.
    selectors: Selectors = field(default_factory=Selectors, hash=False)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    follow_breadcrumbs: bool = True
    breadcrumb_depth: int = 1
    max_list_pages: int = 50
    max_list_rows: int = 1000
    max_requests: int = 10000
    schedule: str | None = None
    revisit: tuple[int, ...] = (1, 7, 30)
    removal_confirm_after: str = DEFAULT_REMOVAL_CONFIRM_AFTER
    revisit_max: str = DEFAULT_REVISIT_MAX
    politeness: Politeness = field(default_factory=Politeness)

    @cached_property
    def _include_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p) for p in self.include)

    @cached_property
    def _exclude_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p) for p in self.exclude)

    def allows(self, url: str) -> bool:
        """True when *url* is http(s), on an allowed host (or a subdomain of one) and not excluded."""
        return self.on_site(url) and not any(p.search(url) for p in self._exclude_patterns)

    def on_site(self, url: str) -> bool:
        """True when *url* is http(s) on an allowed host (or a subdomain of one), excluded or not."""
        host = _url_host(url)
        return host is not None and _host_allowed(host, self.allowed_domains)

    def is_article_candidate(self, url: str) -> bool:
        """True when :meth:`allows` accepts *url* and it matches one ``include`` pattern (if any)."""
        if not self.allows(url):
            return False
        return not self.include or any(p.search(url) for p in self._include_patterns)

    def breadcrumb_hops(self) -> int:
        """How many breadcrumb hops to follow from an article: 0 when following is switched off."""
        return self.breadcrumb_depth if self.follow_breadcrumbs else 0

    def schedule_kind(self) -> str | None:
        """``"interval"``, ``"cron"``, or ``None`` when the site has no schedule."""
        if self.schedule is None:
            return None
        return "interval" if INTERVAL_RE.fullmatch(self.schedule) else "cron"

    def interval_seconds(self) -> int | None:
        """The schedule interval in seconds; ``None`` for a cron schedule or no schedule."""
        if self.schedule is None:
            return None
        if not INTERVAL_RE.fullmatch(self.schedule):
            return None
        return interval_seconds(self.schedule)

    @property
    def removal_confirm_seconds(self) -> int:
        """``removal_confirm_after`` in seconds: the least time between a release's first miss
        and the miss that confirms its removal."""
        return interval_seconds(self.removal_confirm_after)

    @property
    def revisit_max_seconds(self) -> int:
        """``revisit_max`` in seconds: the longest a live release goes without being re-checked."""
        return interval_seconds(self.revisit_max)

    def to_dict(self) -> dict:
        """A JSON-serialisable dict of every setting (lists, not tuples).

        Without its ``"name"`` item it is a valid site table again:
        ``config_from_dict({"sites": {name: rest}})`` rebuilds an equal ``SiteConfig``.
        """
        data = {
            "name": self.name,
            "title": self.title,
            "start_urls": list(self.start_urls),
            "pages": list(self.pages),
            "allowed_domains": list(self.allowed_domains),
            "timezone": self.timezone,
            "encoding": self.encoding,
            "selectors": dataclasses.asdict(self.selectors),
            "include": list(self.include),
            "exclude": list(self.exclude),
            "follow_breadcrumbs": self.follow_breadcrumbs,
            "breadcrumb_depth": self.breadcrumb_depth,
            "max_list_pages": self.max_list_pages,
            "max_list_rows": self.max_list_rows,
            "max_requests": self.max_requests,
            "schedule": self.schedule,
            "revisit": list(self.revisit),
            "removal_confirm_after": self.removal_confirm_after,
            "revisit_max": self.revisit_max,
            "politeness": dataclasses.asdict(self.politeness),
        }
        if not self.start_urls:  # a site of single-page watches only
            del data["start_urls"]
        return data


@dataclass(frozen=True)
class SmtpSettings:
    """The ``[smtp]`` table: where alert mail goes out. The password comes from the environment."""

    host: str
    port: int
    tls: str = "starttls"  # "starttls", "tls" (implicit, port 465) or "none" (local relays)
    username: str | None = None
    password_env: str | None = None  # name of the environment variable holding the password
    sender: str = "bulletin-monitor@localhost"  # the TOML key is "from"
    timeout: float = 30.0
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

    operators: tuple[str, ...] = ()
    digest: str = "08:00"
    timezone: str = "UTC"
    max_items: int = 50


@dataclass(frozen=True)
class Subscription:
    """One ``[[subscriptions]]`` entry: who gets mail about which releases, and when."""

    name: str
    to: tuple[str, ...]
    sites: tuple[str, ...] = ()  # empty: every site
    kinds: tuple[str, ...] = ("new",)
    keywords_any: tuple[str, ...] = ()
    keywords_all: tuple[str, ...] = ()
    keywords_in: tuple[str, ...] = ("title", "body")
    delivery: str = "immediate"
    digest: str = "08:00"
    timezone: str = "UTC"


@dataclass(frozen=True)
class Webhook:
    """One ``[webhooks.NAME]`` table: a URL that receives the events as JSON."""

    name: str
    url: str
    sites: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ("new",)
    keywords_any: tuple[str, ...] = ()
    keywords_all: tuple[str, ...] = ()
    keywords_in: tuple[str, ...] = ("title", "body")
    secret_env: str | None = None
    timeout: float = 10.0


@dataclass(frozen=True)
class Config:
    """A loaded configuration: the sites by name, the alert settings, and the reserved tables kept raw."""

    path: Path | None
    sites: dict[str, SiteConfig]
    extra: dict = field(default_factory=dict)
    smtp: SmtpSettings | None = None
    alerts: AlertSettings = field(default_factory=AlertSettings)
    subscriptions: tuple[Subscription, ...] = ()
    webhooks: tuple[Webhook, ...] = ()

    def site(self, name: str) -> SiteConfig:
        """The site called *name*; raises :class:`ConfigError` when it is not configured."""
        try:
            return self.sites[name]
        except KeyError:
            configured = ", ".join(self.sites) or "none"
            raise ConfigError(f"unknown site {name!r} (configured: {configured})") from None


def resolve_config_path(
    path: str | os.PathLike | None = None, environ: Mapping[str, str] = os.environ
) -> Path:
    """Where the configuration is: *path* if given, else ``$BULLETIN_CONFIG``, else ``./sites.toml``."""
    if path is not None and str(path) != "":
        return Path(path).expanduser()
    from_env = environ.get(CONFIG_ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return Path(DEFAULT_CONFIG_PATH)


def load_config(
    path: str | os.PathLike | None = None, environ: Mapping[str, str] = os.environ
) -> Config:
    """Find (see :func:`resolve_config_path`), read and validate the configuration file.

    Raises :class:`ConfigError` with a one-line message for a missing or unreadable file,
    invalid TOML, or any invalid key.
    """
    resolved = resolve_config_path(path, environ)
    source = str(resolved)
    try:
        raw = resolved.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{source}: no such file (set --config or {CONFIG_ENV_VAR})") from None
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise ConfigError(f"{source}: cannot read: {reason}") from exc
    try:
        # utf-8-sig: editors on Windows save UTF-8 with a BOM, which tomllib rejects.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{source}: invalid TOML: not UTF-8 (byte {exc.start}); save the file as UTF-8"
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: invalid TOML: {exc}") from exc
    return _build_config(data, source, resolved)


def config_from_dict(data: dict, source: str = "<config>") -> Config:
    """Validate an already-parsed configuration (same rules and messages as :func:`load_config`).

    *source* names the configuration in error messages. ``None`` values of optional keys count
    as unset, so :meth:`SiteConfig.to_dict` output can be fed back in.
    """
    return _build_config(data, source, None)


# --- validation -------------------------------------------------------------------------------


class _Invalid(Exception):
    """A value is wrong; the message says why. Turned into a ConfigError naming file/site/key."""


def _show(value: Any) -> str:
    """A value as the operator wrote it (JSON reads like TOML for strings, numbers and lists)."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except ValueError:  # nan/inf in a container
        text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _suggest(key: str, candidates: Mapping[str, str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate, or nothing."""
    close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean {candidates[close[0]]!r}?)" if close else ""


def _string(value: Any, what: str = "a non-empty string") -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"expected {what}, got {_show(value)}")
    return value.strip()


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(f"expected true or false, got {_show(value)}")
    return value


def _integer(minimum: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        # bool is an int subclass: `retries = true` must not mean 1.
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise _Invalid(f"expected a whole number >= {minimum}, got {_show(value)}")
        return value

    return check


def _number(minimum: float, *, exclusive: bool = False, maximum: float | None = None):
    if maximum is not None:
        what = f"a number from {minimum:g} to {maximum:g}"
    else:
        what = f"a number {'>' if exclusive else '>='} {minimum:g}"

    def check(value: Any) -> float:
        ok = (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and math.isfinite(value)
            and (value > minimum if exclusive else value >= minimum)
            and (maximum is None or value <= maximum)
        )
        if not ok:
            raise _Invalid(f"expected {what}, got {_show(value)}")
        return float(value)

    return check


def _string_list(value: Any, what: str) -> list[str]:
    if not isinstance(value, list):
        raise _Invalid(f"expected {what}, got {_show(value)}")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise _Invalid(f"expected {what}, got {_show(item)}")
    return [item.strip() for item in value]


def _idna(host: str) -> str:
    """Lower-case ASCII form of a host name (punycode for non-ASCII names)."""
    host = host.lower().rstrip(".")
    if host.isascii():
        return host
    return host.encode("idna").decode("ascii")


def _url_host(url: Any) -> str | None:
    """The normalised host of an http(s) URL, or None when *url* is not one."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    try:
        return _idna(host)
    except UnicodeError:
        return None


def _host_allowed(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _start_urls(value: Any) -> list[str]:
    what = "a non-empty list of http(s) URLs"
    if not isinstance(value, list) or not value:
        raise _Invalid(f"expected {what}, got {_show(value)}")
    urls: list[str] = []
    for item in value:
        if _url_host(item) is None or any(c.isspace() for c in item.strip()):
            raise _Invalid(f"expected {what}, got {_show(item)}")
        if item.strip() not in urls:
            urls.append(item.strip())
    return urls


def _pages(value: Any) -> list[str]:
    what = "a list of http(s) URLs (pages that are themselves the release)"
    if not isinstance(value, list):
        raise _Invalid(f"expected {what}, got {_show(value)}")
    urls: list[str] = []
    for item in value:
        if _url_host(item) is None or any(c.isspace() for c in item.strip()):
            raise _Invalid(f"expected {what}, got {_show(item)}")
        if item.strip() not in urls:
            urls.append(item.strip())
    return urls


HOST_LABEL_RE = re.compile(r"[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?")


def _allowed_domains(value: Any) -> list[str]:
    what = 'a list of host names like "www.gov.cn"'
    names = _string_list(value, what)
    domains: list[str] = []
    for name in names:
        if name.startswith((".", "*.")):
            raise _Invalid(
                f"subdomains are always allowed, write the bare host name, got {_show(name)}"
            )
        try:
            ipaddress.ip_address(name)
            host = name.lower()
        except ValueError:
            try:
                host = _idna(name)
            except UnicodeError:
                raise _Invalid(f"expected {what}, got {_show(name)}") from None
            if not all(HOST_LABEL_RE.fullmatch(label) for label in host.split(".")):
                raise _Invalid(
                    f"expected {what} (no scheme, path or port), got {_show(name)}"
                ) from None
        if host not in domains:
            domains.append(host)
    return domains


def _timezone(value: Any) -> str:
    name = _string(value, 'an IANA time zone like "Asia/Shanghai"')
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        known = {z: z for z in zoneinfo.available_timezones()}
        raise _Invalid(f"unknown IANA time zone {_show(name)}{_suggest(name, known)}") from None
    return name


def _encoding(value: Any) -> str:
    name = _string(value, 'an encoding name like "utf-8" or "gb18030"')
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise _Invalid(f"unknown encoding {_show(name)}") from None
    # base64, rot13 and friends are codecs but not text encodings.
    if not getattr(info, "_is_text_encoding", True):
        raise _Invalid(f"not a text encoding: {_show(name)}")
    return info.name


def _patterns(value: Any) -> list[str]:
    patterns = _string_list(value, "a list of regular expressions")
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise _Invalid(f"invalid regular expression ({exc}), got {_show(pattern)}") from None
    return patterns


def _revisit(value: Any) -> tuple[int, ...]:
    what = "increasing whole numbers of days > 0 like [1, 7, 30]"
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value
    ):
        raise _Invalid(f"expected {what}, got {_show(value)}")
    if any(a >= b for a, b in zip(value, value[1:])):
        raise _Invalid(f"expected {what}, got {_show(value)}")
    return tuple(value)


# (name, lowest, highest, names usable instead of numbers)
CRON_FIELDS = (
    ("minute", 0, 59, ()),
    ("hour", 0, 23, ()),
    ("day-of-month", 1, 31, ()),
    ("month", 1, 12, ("jan feb mar apr may jun jul aug sep oct nov dec".split())),
    # 0 and 7 are both Sunday, as in crontab(5).
    ("day-of-week", 0, 7, ("sun mon tue wed thu fri sat".split())),
)
CRON_ITEM_RE = re.compile(r"(\*|(\w+)(?:-(\w+))?)(?:/(\d+))?")


def _cron_value(text: str, low: int, high: int, names: tuple[str, ...]) -> int:
    if text.isdigit():
        number = int(text)
    elif text.lower() in names:
        number = names.index(text.lower()) + low
    else:
        raise ValueError
    if not low <= number <= high:
        raise ValueError
    return number


def _check_cron(expression: str) -> None:
    fields = expression.split()
    for text, (name, low, high, names) in zip(fields, CRON_FIELDS):
        for item in text.split(","):
            match = CRON_ITEM_RE.fullmatch(item)
            try:
                if not match:
                    raise ValueError
                star, first, last, step = match.groups()
                if step is not None and int(step) < 1:
                    raise ValueError
                if star != "*":
                    start = _cron_value(first, low, high, names)
                    if last is not None and _cron_value(last, low, high, names) < start:
                        raise ValueError
            except ValueError:
                raise _Invalid(
                    f"cron {name} field {_show(text)} is invalid (allowed: {low}-{high}, "
                    f"*, lists, ranges, /steps), got {_show(expression)}"
                ) from None


def _interval(value: Any, *, allow_zero: bool = False) -> str | None:
    """The interval ``value`` names (``"30s"``, ``"30m"``, ``"6h"``, ``"1d"``), or None when it
    is a string of another form; a zero interval is refused unless ``allow_zero``."""
    text = " ".join(value.split())
    interval = INTERVAL_RE.fullmatch(text)
    if interval is None:
        return None
    if int(interval.group(1)) == 0 and not allow_zero:
        raise _Invalid(f"the interval must be greater than zero, got {_show(value)}")
    return text


def _removal_confirm_after(value: Any) -> str:
    what = 'a duration like "30s", "30m", "1h" or "1d" ("0s": the second miss confirms at once)'
    if not isinstance(value, str) or _interval(value, allow_zero=True) is None:
        raise _Invalid(f"expected {what}, got {_show(value)}")
    return _interval(value, allow_zero=True)


def _revisit_max(value: Any) -> str:
    what = 'a duration like "30d", "7d" or "12h"'
    if not isinstance(value, str) or _interval(value) is None:
        raise _Invalid(f"expected {what}, got {_show(value)}")
    return _interval(value)


def _schedule(value: Any) -> str:
    what = 'an interval like "30m", "6h", "1d" or a 5-field cron expression like "0 8 * * *"'
    if not isinstance(value, str):
        raise _Invalid(f"expected {what}, got {_show(value)}")
    text = " ".join(value.split())
    if _interval(text) is not None:
        return text
    if len(text.split()) != 5:
        raise _Invalid(f"expected {what}, got {_show(value)}")
    _check_cron(text)
    return text


def _selector(value: Any) -> str:
    # The extractors' own engine compiles it, so what config accepts is what extraction runs.
    from crawler.extract.select import compile_selector

    text = _string(value, "a CSS selector or an XPath starting with / or (")
    try:
        compile_selector(text)
    except ConfigError as exc:
        raise _Invalid(f"{exc}, got {_show(text)}") from None
    return text


def _check_user_agent(value: Any) -> str:
    text = _string(value, "a non-empty string")
    # A newline in a header value would split the request.
    if any(ord(c) < 32 for c in text):
        raise _Invalid(f"control characters are not allowed, got {_show(text)}")
    return text


POLITENESS_KEYS: dict[str, Callable[[Any], Any]] = {
    "download_delay": _number(0),
    "delay_jitter": _number(0, maximum=1),
    "concurrency": _integer(1),
    "obey_robots": _boolean,
    "user_agent": _check_user_agent,
    "timeout": _number(0, exclusive=True),
    "max_response_mb": _number(0, exclusive=True),
    "retries": _integer(0),
    "autothrottle": _boolean,
}


SELECTOR_KEYS: dict[str, Callable[[Any], Any]] = {
    f.name: _selector for f in dataclasses.fields(Selectors)
}

# Keys whose value is a table of sub-keys, merged key by key with [defaults].
NESTED_KEYS = {"selectors": SELECTOR_KEYS, "politeness": POLITENESS_KEYS}

SITE_KEYS: dict[str, Callable[[Any], Any]] = {
    "title": _string,
    "start_urls": _start_urls,
    "allowed_domains": _allowed_domains,
    "timezone": _timezone,
    "encoding": _encoding,
    "include": _patterns,
    "exclude": _patterns,
    "follow_breadcrumbs": _boolean,
    "breadcrumb_depth": _integer(0),
    "max_list_pages": _integer(1),
    "max_list_rows": _integer(1),
    "max_requests": _integer(1),
    "schedule": _schedule,
    "revisit": _revisit,
    "removal_confirm_after": _removal_confirm_after,
    "revisit_max": _revisit_max,
    "pages": _pages,
    "selectors": dict,  # placeholder: nested tables are checked by _check_table
    "politeness": dict,
}
# Optional keys where an explicit None (from to_dict output) means "unset".
NONE_MEANS_UNSET = {"encoding", "schedule", "user_agent", *SELECTOR_KEYS}


def _unknown_key_hint(key: str, nested: str | None) -> str:
    """Did-you-mean over the keys valid here, plus nested keys written one level too high."""
    if nested is not None:
        return _suggest(key, {k: k for k in NESTED_KEYS[nested]})
    candidates = {k: k for k in SITE_KEYS}
    for table, keys in NESTED_KEYS.items():
        for sub in keys:
            candidates.setdefault(sub, f"{table}.{sub}")
    return _suggest(key, candidates)


class _Section:
    """Checks one table ([defaults] or [sites.NAME]) and words its errors."""

    def __init__(self, source: str, label: str, is_defaults: bool = False):
        self.source = source
        self.label = label
        self.is_defaults = is_defaults

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.source}: {self.label}: key {key!r}: {message}")

    def check(self, table: Mapping[str, Any]) -> dict[str, Any]:
        """Validate each key of *table*; return the normalised values (nested tables as dicts)."""
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in SITE_KEYS:
                raise self.error(key, "unknown key" + _unknown_key_hint(key, None))
            if self.is_defaults and key in PER_SITE_KEYS:
                raise self.error(key, "not allowed in [defaults] (set it in each [sites.NAME])")
            if key in NESTED_KEYS:
                values[key] = self._check_nested(key, value)
                continue
            if value is None and key in NONE_MEANS_UNSET:
                continue
            try:
                values[key] = SITE_KEYS[key](value)
            except _Invalid as exc:
                raise self.error(key, str(exc)) from None
        return values

    def _check_nested(self, table_key: str, table: Any) -> dict[str, Any]:
        if not isinstance(table, Mapping):
            raise self.error(table_key, f"expected a table, got {_show(table)}")
        checkers = NESTED_KEYS[table_key]
        values: dict[str, Any] = {}
        for key, value in table.items():
            dotted = f"{table_key}.{key}"
            if key not in checkers:
                raise self.error(dotted, "unknown key" + _unknown_key_hint(key, table_key))
            if value is None and key in NONE_MEANS_UNSET:
                continue
            try:
                values[key] = checkers[key](value)
            except _Invalid as exc:
                raise self.error(dotted, str(exc)) from None
        return values


def _build_site(
    name: str, table: Mapping[str, Any], defaults: dict[str, Any], source: str
) -> SiteConfig:
    section = _Section(source, f"site {name!r}")
    own = section.check(table)
    values = {**defaults, **own}
    for key in NESTED_KEYS:
        values[key] = {**defaults.get(key, {}), **own.get(key, {})}

    pages = values.get("pages", [])
    if "start_urls" not in values and not pages:
        raise section.error(
            "start_urls",
            "required: a non-empty list of http(s) URLs (or watch single pages with 'pages')",
        )
    start_urls = values.get("start_urls", [])
    urls = {"start_urls": start_urls, "pages": pages}
    hosts = [_url_host(url) for url in (*start_urls, *pages)]
    if "allowed_domains" in values:
        domains = values["allowed_domains"]
        if not domains:
            raise section.error("allowed_domains", "expected at least one host name, got []")
        for key, listed in urls.items():
            for url in listed:
                if not _host_allowed(_url_host(url), tuple(domains)):
                    raise section.error(
                        key, f"{_show(url)} is outside allowed_domains {_show(domains)}"
                    )
    else:
        domains = list(dict.fromkeys(hosts))
    for key, listed in urls.items():
        what = "the start URL" if key == "start_urls" else "the watched page"
        for url in listed:
            for pattern in values.get("exclude", ()):
                if re.search(pattern, url):
                    raise section.error(
                        "exclude", f"pattern {_show(pattern)} rejects {what} {_show(url)}"
                    )

    if "timezone" not in values:
        # Chinese government sites print Beijing time without saying so.
        values["timezone"] = "Asia/Shanghai" if all(h.endswith(".cn") for h in hosts) else "UTC"

    return SiteConfig(
        name=name,
        title=values.get("title", name),
        start_urls=tuple(start_urls),
        pages=tuple(pages),
        allowed_domains=tuple(domains),
        timezone=values["timezone"],
        encoding=values.get("encoding"),
        selectors=Selectors(**values["selectors"]),
        include=tuple(values.get("include", ())),
        exclude=tuple(values.get("exclude", ())),
        follow_breadcrumbs=values.get("follow_breadcrumbs", True),
        breadcrumb_depth=values.get("breadcrumb_depth", 1),
        max_list_pages=values.get("max_list_pages", 50),
        max_list_rows=values.get("max_list_rows", 1000),
        max_requests=values.get("max_requests", 10000),
        schedule=values.get("schedule"),
        revisit=values.get("revisit", (1, 7, 30)),
        removal_confirm_after=values.get("removal_confirm_after", DEFAULT_REMOVAL_CONFIRM_AFTER),
        revisit_max=values.get("revisit_max", DEFAULT_REVISIT_MAX),
        politeness=Politeness(**values["politeness"]),
    )


def _build_config(data: Any, source: str, path: Path | None) -> Config:
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source}: expected a table of settings, got {_show(data)}")
    top_level = {k: k for k in ("sites", "defaults", *RESERVED_TABLES)}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key in RESERVED_TABLES:
            extra[key] = value
        elif key not in top_level:
            if key in SITE_KEYS:
                hint = " (site keys go in a [sites.NAME] or [defaults] table)"
            else:
                hint = _suggest(key, top_level)
            raise ConfigError(f"{source}: key {key!r}: unknown top-level key{hint}")
        elif not isinstance(value, Mapping):
            raise ConfigError(f"{source}: key {key!r}: expected a table, got {_show(value)}")

    defaults = _Section(source, "defaults", is_defaults=True).check(data.get("defaults", {}))

    sites_table = data.get("sites") or {}
    if not sites_table:
        raise ConfigError(f"{source}: no sites configured (add a [sites.NAME] table)")
    sites: dict[str, SiteConfig] = {}
    for name, table in sites_table.items():
        if not SITE_NAME_RE.fullmatch(name):
            raise ConfigError(
                f"{source}: site {name!r}: invalid site name (use letters, digits, '_' and '-')"
            )
        if not isinstance(table, Mapping):
            raise ConfigError(
                f"{source}: site {name!r}: expected a [sites.{name}] table, got {_show(table)}"
            )
        sites[name] = _build_site(name, table, defaults, source)
    return Config(path=path, sites=sites, extra=extra, **_build_alerts(extra, sites, source))


# --- alerts: [smtp], [alerts], [[subscriptions]], [webhooks.NAME] -----------------------------

EVENT_KINDS = ("new", "edited", "removed", "restored")
ENV_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
ADDRESS_RE = re.compile(r"[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+")
TIME_OF_DAY_RE = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
TLS_MODES = {"starttls": 587, "tls": 465, "none": 25}


def _address(value: Any) -> str:
    from email.utils import parseaddr

    what = 'an e-mail address like "ops@example.org" or "Ops <ops@example.org>"'
    text = _string(value, what)
    # A line break in an address would let a config value write mail headers.
    if any(ord(c) < 32 for c in text):
        raise _Invalid(f"control characters are not allowed, got {_show(text)}")
    _, address = parseaddr(text)
    if not ADDRESS_RE.fullmatch(address):
        raise _Invalid(f"expected {what}, got {_show(value)}")
    return text


def _addresses(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise _Invalid("expected at least one e-mail address, got []")
    return tuple(dict.fromkeys(_address(item) for item in items))


def _operators(value: Any) -> tuple[str, ...]:
    if value == []:
        return ()
    return _addresses(value)


def _time_of_day(value: Any) -> str:
    if not isinstance(value, str) or not TIME_OF_DAY_RE.fullmatch(value.strip()):
        raise _Invalid(f'expected a time of day "HH:MM" (24-hour clock), got {_show(value)}')
    return value.strip()


def _env_name(value: Any) -> str:
    text = _string(value, "the name of an environment variable")
    if not ENV_NAME_RE.fullmatch(text):
        raise _Invalid(
            f'expected the name of an environment variable like "SMTP_PASSWORD", got {_show(value)}'
        )
    return text


def _kinds(allowed: tuple[str, ...]) -> Callable[[Any], tuple[str, ...]]:
    what = "a non-empty list of " + ", ".join(f'"{k}"' for k in allowed)

    def check(value: Any) -> tuple[str, ...]:
        kinds = _string_list(value, what)
        if not kinds or any(k not in allowed for k in kinds):
            raise _Invalid(f"expected {what}, got {_show(value)}")
        return tuple(dict.fromkeys(kinds))

    return check


def _keywords(value: Any) -> tuple[str, ...]:
    return tuple(_string_list(value, "a list of keywords"))


def _keywords_in(value: Any) -> tuple[str, ...]:
    what = 'a non-empty list of "title", "body"'
    fields_ = _string_list(value, what)
    if not fields_ or any(f not in ("title", "body") for f in fields_):
        raise _Invalid(f"expected {what}, got {_show(value)}")
    return tuple(dict.fromkeys(fields_))


def _delivery(value: Any) -> str:
    if value not in ("immediate", "digest"):
        raise _Invalid(f'expected "immediate" or "digest", got {_show(value)}')
    return value


def _tls(value: Any) -> str:
    if value not in TLS_MODES:
        raise _Invalid(f'expected "starttls", "tls" or "none", got {_show(value)}')
    return value


def _port(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 65535:
        raise _Invalid(f"expected a port number from 1 to 65535, got {_show(value)}")
    return value


def _host_name(value: Any) -> str:
    text = _string(value, 'a host name like "smtp.example.org"')
    if any(c.isspace() or ord(c) < 32 for c in text) or "/" in text:
        raise _Invalid(f'expected a host name like "smtp.example.org", got {_show(value)}')
    return text


def _webhook_url(value: Any) -> str:
    if _url_host(value) is None or any(c.isspace() for c in value.strip()):
        raise _Invalid(f"expected an http(s) URL, got {_show(value)}")
    return value.strip()


def _ca_file(value: Any) -> str:
    text = _string(value, "the path of a PEM file of CA certificates")
    if not Path(text).expanduser().is_file():
        raise _Invalid(f"no such file: {_show(text)}")
    return str(Path(text).expanduser())


def _subscription_name(value: Any) -> str:
    text = _string(value, "a name of letters, digits, '_' and '-'")
    if not SITE_NAME_RE.fullmatch(text):
        raise _Invalid(f"expected a name of letters, digits, '_' and '-', got {_show(value)}")
    return text


_FILTER_KEYS: dict[str, Callable[[Any], Any]] = {
    "site": lambda v: (_string(v, "a site name"),),
    "sites": lambda v: tuple(_string_list(v, "a list of site names")),
    "keywords_any": _keywords,
    "keywords_all": _keywords,
    "keywords_in": _keywords_in,
}

SMTP_KEYS: dict[str, Callable[[Any], Any]] = {
    "host": _host_name,
    "port": _port,
    "tls": _tls,
    "username": _string,
    "password_env": _env_name,
    "from": _address,
    "timeout": _number(0, exclusive=True),
    "ca_file": _ca_file,
}
ALERTS_KEYS: dict[str, Callable[[Any], Any]] = {
    "operators": _operators,
    "digest": _time_of_day,
    "timezone": _timezone,
    "max_items": _integer(1),
}
SUBSCRIPTION_KEYS: dict[str, Callable[[Any], Any]] = {
    "name": _subscription_name,
    "to": _addresses,
    **_FILTER_KEYS,
    "kinds": _kinds(EVENT_KINDS),
    "delivery": _delivery,
    "digest": _time_of_day,
    "timezone": _timezone,
}
WEBHOOK_KEYS: dict[str, Callable[[Any], Any]] = {
    "url": _webhook_url,
    **_FILTER_KEYS,
    "kinds": _kinds((*EVENT_KINDS, "health")),
    "secret_env": _env_name,
    "timeout": _number(0, exclusive=True),
}


class _AlertTable:
    """Checks one alert table against its keys; errors name the file, the table and the key."""

    def __init__(self, source: str, label: str, keys: Mapping[str, Callable[[Any], Any]]):
        self.source, self.label, self.keys = source, label, keys

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.source}: {self.label}: key {key!r}: {message}")

    def check(self, table: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key == "password" and "password_env" in self.keys:
                raise self.error(
                    key,
                    "secrets are not read from the file: put the password in an "
                    "environment variable and name it in password_env",
                )
            if key not in self.keys:
                raise self.error(key, "unknown key" + _suggest(key, {k: k for k in self.keys}))
            try:
                values[key] = self.keys[key](value)
            except _Invalid as exc:
                raise self.error(key, str(exc)) from None
        return values

    def sites(self, values: dict[str, Any], configured: Mapping[str, Any]) -> tuple[str, ...]:
        if "site" in values and "sites" in values:
            raise self.error("site", "give either site or sites, not both")
        key = "site" if "site" in values else "sites"
        chosen = values.get(key, ())
        for name in chosen:
            if name not in configured:
                raise self.error(
                    key, f"unknown site {_show(name)}{_suggest(name, {n: n for n in configured})}"
                )
        return tuple(dict.fromkeys(chosen))


def _build_alerts(
    extra: Mapping[str, Any], sites: Mapping[str, SiteConfig], source: str
) -> dict[str, Any]:
    """Validate [smtp], [alerts], [[subscriptions]] and [webhooks.NAME] into typed settings."""
    from email.utils import parseaddr

    def table_of(key: str) -> Mapping[str, Any]:
        value = extra.get(key, {})
        if not isinstance(value, Mapping):
            raise ConfigError(f"{source}: key {key!r}: expected a table, got {_show(value)}")
        return value

    alerts_values = _AlertTable(source, "alerts", ALERTS_KEYS).check(table_of("alerts"))
    alerts = AlertSettings(**alerts_values)

    smtp = None
    smtp_table = table_of("smtp")
    if "smtp" in extra:
        checker = _AlertTable(source, "smtp", SMTP_KEYS)
        values = checker.check(smtp_table)
        if "host" not in values:
            raise checker.error("host", 'required: the SMTP server, like "smtp.example.org"')
        tls = values.get("tls", "starttls")
        smtp = SmtpSettings(
            host=values["host"],
            port=values.get("port", TLS_MODES[tls]),
            tls=tls,
            username=values.get("username"),
            password_env=values.get("password_env"),
            sender=values.get(
                "from",
                values.get("username")
                if "@" in values.get("username", "")
                else SmtpSettings.sender,
            ),
            timeout=values.get("timeout", 30.0),
            ca_file=values.get("ca_file"),
        )

    raw_subscriptions = extra.get("subscriptions", [])
    if not isinstance(raw_subscriptions, list) or not all(
        isinstance(t, Mapping) for t in raw_subscriptions
    ):
        raise ConfigError(
            f"{source}: key 'subscriptions': expected an array of tables "
            f"([[subscriptions]]), got {_show(raw_subscriptions)}"
        )
    subscriptions: list[Subscription] = []
    for number, table in enumerate(raw_subscriptions, 1):
        label = (
            f"subscription {table['name']!r}"
            if isinstance(table.get("name"), str)
            else f"subscription #{number}"
        )
        checker = _AlertTable(source, label, SUBSCRIPTION_KEYS)
        values = checker.check(table)
        if "to" not in values:
            raise checker.error("to", "required: the e-mail address(es) to send to")
        chosen = checker.sites(values, sites)
        # Without a name, rows stay with a subscription while its recipients and sites stay.
        name = values.get("name") or "email:{}:{}".format(
            ",".join(sorted(parseaddr(a)[1] for a in values["to"])), ",".join(sorted(chosen)) or "*"
        )
        if any(s.name == name for s in subscriptions):
            raise checker.error(
                "name" if "name" in values else "to",
                "another subscription has the same name (or recipients and sites): "
                "merge them or give each a distinct name",
            )
        subscriptions.append(
            Subscription(
                name=name,
                to=values["to"],
                sites=chosen,
                kinds=values.get("kinds", ("new",)),
                keywords_any=values.get("keywords_any", ()),
                keywords_all=values.get("keywords_all", ()),
                keywords_in=values.get("keywords_in", ("title", "body")),
                delivery=values.get("delivery", "immediate"),
                digest=values.get("digest", alerts.digest),
                timezone=values.get("timezone", alerts.timezone),
            )
        )

    webhooks: list[Webhook] = []
    for name, table in table_of("webhooks").items():
        if not SITE_NAME_RE.fullmatch(name):
            raise ConfigError(
                f"{source}: webhook {name!r}: invalid name (use letters, digits, '_' and '-')"
            )
        if not isinstance(table, Mapping):
            raise ConfigError(
                f"{source}: webhook {name!r}: expected a [webhooks.{name}] table, got {_show(table)}"
            )
        checker = _AlertTable(source, f"webhook {name!r}", WEBHOOK_KEYS)
        values = checker.check(table)
        if "url" not in values:
            raise checker.error("url", "required: the http(s) URL to POST to")
        webhooks.append(
            Webhook(
                name=name,
                url=values["url"],
                sites=checker.sites(values, sites),
                kinds=values.get("kinds", ("new",)),
                keywords_any=values.get("keywords_any", ()),
                keywords_all=values.get("keywords_all", ()),
                keywords_in=values.get("keywords_in", ("title", "body")),
                secret_env=values.get("secret_env"),
                timeout=values.get("timeout", 10.0),
            )
        )

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
    }
