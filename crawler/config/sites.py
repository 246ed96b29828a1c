"""``[sites.NAME]`` and ``[defaults]``: the keys of a site, their checks, and :class:`SiteConfig`."""

from __future__ import annotations

import codecs
import dataclasses
import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from crawler.extract.dates import host_zone_name
from crawler.extract.model import Selectors
from storage import ConfigError

from . import checks
from .checks import Check, Invalid, Table, show
from .defaults import POLITENESS, SITE, TIMEZONE
from .schedule import duration, interval_seconds, parse_schedule, schedule

#: Site keys that only make sense per site, so ``[defaults]`` may not set them.
PER_SITE_KEYS = ("title", "start_urls", "allowed_domains", "pages")

SITE_NAME_RE = re.compile(r"[A-Za-z0-9_-]+")


def check_named_table(
    source: str, what: str, section: str, name: str, table: Any, invalid: str = "invalid name"
) -> None:
    """A ``[SECTION.NAME]`` table (a site, a webhook, a robot) has a usable name and is a table."""
    if not SITE_NAME_RE.fullmatch(name):
        raise ConfigError(
            f"{source}: {what} {name!r}: {invalid} (use letters, digits, '_' and '-')"
        )
    if not isinstance(table, Mapping):
        raise ConfigError(
            f"{source}: {what} {name!r}: expected a [{section}.{name}] table, got {show(table)}"
        )


HOST_LABEL_RE = re.compile(r"[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?")


@dataclass(frozen=True)
class Politeness:
    """How gently one site is crawled (``[sites.NAME.politeness]``; defaults in defaults.py)."""

    download_delay: float = POLITENESS["download_delay"]
    delay_jitter: float = POLITENESS["delay_jitter"]
    concurrency: int = POLITENESS["concurrency"]
    obey_robots: bool = POLITENESS["obey_robots"]
    user_agent: str | None = POLITENESS["user_agent"]
    timeout: float = POLITENESS["timeout"]
    max_response_mb: float = POLITENESS["max_response_mb"]
    retries: int = POLITENESS["retries"]
    autothrottle: bool = POLITENESS["autothrottle"]

    @property
    def max_response_bytes(self) -> int:
        """``max_response_mb`` in bytes (for Scrapy's ``DOWNLOAD_MAXSIZE``)."""
        return int(self.max_response_mb * 1024 * 1024)


@dataclass(frozen=True)
class SiteConfig:
    """One monitored site: where to start, what to follow, how to extract and how politely.

    Build it through :func:`~crawler.config.load_config` or
    :func:`~crawler.config.config_from_dict`, which check every value; the constructor itself
    checks nothing.
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
    follow_breadcrumbs: bool = SITE["follow_breadcrumbs"]
    breadcrumb_depth: int = SITE["breadcrumb_depth"]
    max_list_pages: int = SITE["max_list_pages"]
    max_list_rows: int = SITE["max_list_rows"]
    max_requests: int = SITE["max_requests"]
    schedule: str | None = None  # None: [serve] default_schedule
    revisit: tuple[int, ...] = SITE["revisit"]
    removal_confirm_after: str = SITE["removal_confirm_after"]
    revisit_max: str = SITE["revisit_max"]
    validators_max_age: str = SITE["validators_max_age"]
    full_walk_every: str = SITE["full_walk_every"]
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
        host = checks.url_host(url)
        return host is not None and checks.host_allowed(host, self.allowed_domains)

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
        return "interval" if isinstance(parse_schedule(self.schedule), int) else "cron"

    def interval_seconds(self) -> int | None:
        """The schedule interval in seconds; ``None`` for a cron schedule or no schedule."""
        if self.schedule is None:
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

    @property
    def validators_max_age_seconds(self) -> int:
        """``validators_max_age`` in seconds: how long stored validators make requests conditional."""
        return interval_seconds(self.validators_max_age)

    @property
    def full_walk_every_seconds(self) -> int:
        """``full_walk_every`` in seconds: how often each list series is walked to its end."""
        return interval_seconds(self.full_walk_every)

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
            "validators_max_age": self.validators_max_age,
            "full_walk_every": self.full_walk_every,
            "politeness": dataclasses.asdict(self.politeness),
        }
        if not self.start_urls:  # a site of single-page watches only
            del data["start_urls"]
        return data


# --- value checks of site keys ----------------------------------------------------------------


def _urls(what: str, *, non_empty: bool) -> Check:
    def check(value: Any) -> list[str]:
        if not isinstance(value, list) or (non_empty and not value):
            raise Invalid(f"expected {what}, got {show(value)}")
        urls: list[str] = []
        for item in value:
            if checks.url_host(item) is None or any(c.isspace() for c in item.strip()):
                raise Invalid(f"expected {what}, got {show(item)}")
            if item.strip() not in urls:
                urls.append(item.strip())
        return urls

    return check


def _allowed_domains(value: Any) -> list[str]:
    what = 'a list of host names like "www.gov.cn"'
    names = checks.string_list(value, what)
    domains: list[str] = []
    for name in names:
        if name.startswith((".", "*.")):
            raise Invalid(
                f"subdomains are always allowed, write the bare host name, got {show(name)}"
            )
        try:
            ipaddress.ip_address(name)
            host = name.lower()
        except ValueError:
            try:
                host = checks.idna(name)
            except UnicodeError:
                raise Invalid(f"expected {what}, got {show(name)}") from None
            if not all(HOST_LABEL_RE.fullmatch(label) for label in host.split(".")):
                raise Invalid(
                    f"expected {what} (no scheme, path or port), got {show(name)}"
                ) from None
        if host not in domains:
            domains.append(host)
    return domains


def _encoding(value: Any) -> str:
    name = checks.string(value, 'an encoding name like "utf-8" or "gb18030"')
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise Invalid(f"unknown encoding {show(name)}") from None
    # base64, rot13 and friends are codecs but not text encodings.
    if not getattr(info, "_is_text_encoding", True):
        raise Invalid(f"not a text encoding: {show(name)}")
    return info.name


def _patterns(value: Any) -> list[str]:
    patterns = checks.string_list(value, "a list of regular expressions")
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise Invalid(f"invalid regular expression ({exc}), got {show(pattern)}") from None
    return patterns


def _revisit(value: Any) -> tuple[int, ...]:
    what = "increasing whole numbers of days > 0 like [1, 7, 30]"
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value
    ):
        raise Invalid(f"expected {what}, got {show(value)}")
    if any(a >= b for a, b in zip(value, value[1:])):
        raise Invalid(f"expected {what}, got {show(value)}")
    return tuple(value)


def _selector(value: Any) -> str:
    # The extractors' own engine compiles it, so what config accepts is what extraction runs.
    from crawler.extract.select import compile_selector

    text = checks.string(value, "a CSS selector or an XPath starting with / or (")
    try:
        compile_selector(text)
    except ConfigError as exc:
        raise Invalid(f"{exc}, got {show(text)}") from None
    return text


def _user_agent(value: Any) -> str:
    text = checks.string(value, "a non-empty string")
    # A newline in a header value would split the request.
    if any(ord(c) < 32 for c in text):
        raise Invalid(f"control characters are not allowed, got {show(text)}")
    return text


POLITENESS_KEYS: dict[str, Check] = {
    "download_delay": checks.number(0),
    "delay_jitter": checks.number(0, maximum=1),
    "concurrency": checks.integer(1),
    "obey_robots": checks.boolean,
    "user_agent": _user_agent,
    "timeout": checks.number(0, exclusive=True),
    "max_response_mb": checks.number(0, exclusive=True),
    "retries": checks.integer(0),
    "autothrottle": checks.boolean,
}
SELECTOR_KEYS: dict[str, Check] = {f.name: _selector for f in dataclasses.fields(Selectors)}
# Keys whose value is a table of sub-keys, merged key by key with [defaults].
NESTED_KEYS = {"selectors": SELECTOR_KEYS, "politeness": POLITENESS_KEYS}

SITE_KEYS: dict[str, Check | dict[str, Check]] = {
    "title": checks.string,
    "start_urls": _urls("a non-empty list of http(s) URLs", non_empty=True),
    "allowed_domains": _allowed_domains,
    "timezone": checks.timezone,
    "encoding": _encoding,
    "include": _patterns,
    "exclude": _patterns,
    "follow_breadcrumbs": checks.boolean,
    "breadcrumb_depth": checks.integer(0),
    "max_list_pages": checks.integer(1),
    "max_list_rows": checks.integer(1),
    "max_requests": checks.integer(1),
    "schedule": schedule,
    "revisit": _revisit,
    "removal_confirm_after": duration(
        'a duration like "30s", "30m", "1h" or "1d" ("0s": the second miss confirms at once)',
        allow_zero=True,
    ),
    "revisit_max": duration('a duration like "30d", "7d" or "12h"'),
    "validators_max_age": duration(
        'a duration like "1d" or "12h" ("0s": never send conditional requests)', allow_zero=True
    ),
    "full_walk_every": duration(
        'a duration like "1d", "7d" or "6h" ("0s": every crawl walks each list to its end)',
        allow_zero=True,
    ),
    "pages": _urls(
        "a list of http(s) URLs (pages that are themselves the release)", non_empty=False
    ),
    **NESTED_KEYS,
}
# Optional keys where an explicit None (from to_dict output) means "unset".
NONE_MEANS_UNSET = frozenset({"encoding", "schedule", "user_agent", *SELECTOR_KEYS})


def check_defaults(table: Mapping[str, Any], source: str) -> dict[str, Any]:
    """The checked ``[defaults]`` table (keys as in a site, less the per-site ones)."""
    refused = {
        key: "not allowed in [defaults] (set it in each [sites.NAME])" for key in PER_SITE_KEYS
    }
    return Table(
        source, "defaults", SITE_KEYS, refused=refused, unset_by_none=NONE_MEANS_UNSET
    ).check(table)


def build_site(
    name: str, table: Mapping[str, Any], defaults: dict[str, Any], source: str
) -> SiteConfig:
    """The site ``[sites.NAME]`` describes, over the checked ``[defaults]``."""
    check_named_table(source, "site", "sites", name, table, invalid="invalid site name")
    section = Table(source, f"site {name!r}", SITE_KEYS, unset_by_none=NONE_MEANS_UNSET)
    own = section.check(table)
    values = {**defaults, **own}
    for key in NESTED_KEYS:
        values[key] = {**defaults.get(key, {}), **own.get(key, {})}

    start_urls = values.pop("start_urls", [])
    pages = values.pop("pages", [])
    if not start_urls and not pages:
        raise section.error(
            "start_urls",
            "required: a non-empty list of http(s) URLs (or watch single pages with 'pages')",
        )
    urls = {"start_urls": start_urls, "pages": pages}
    hosts = [checks.url_host(url) for url in (*start_urls, *pages)]
    if "allowed_domains" in values:
        domains = values.pop("allowed_domains")
        if not domains:
            raise section.error("allowed_domains", "expected at least one host name, got []")
        for key, listed in urls.items():
            for url in listed:
                if not checks.host_allowed(checks.url_host(url), tuple(domains)):
                    raise section.error(
                        key, f"{show(url)} is outside allowed_domains {show(domains)}"
                    )
    else:
        domains = list(dict.fromkeys(hosts))
    for key, listed in urls.items():
        what = "the start URL" if key == "start_urls" else "the watched page"
        for url in listed:
            for pattern in values.get("exclude", ()):
                if re.search(pattern, url):
                    raise section.error(
                        "exclude", f"pattern {show(pattern)} rejects {what} {show(url)}"
                    )

    if "timezone" not in values:
        # The zone the hosts name, as `bulletin extract` reads a page of them; UTC when they name
        # none or disagree.
        zones = {host_zone_name(host) for host in hosts}
        values["timezone"] = zones.pop() if len(zones) == 1 and None not in zones else TIMEZONE
    tuples = {key: tuple(values[key]) for key in ("include", "exclude") if key in values}
    return SiteConfig(
        **{
            **values,
            **tuples,
            "name": name,
            "title": values.get("title", name),
            "start_urls": tuple(start_urls),
            "pages": tuple(pages),
            "allowed_domains": tuple(domains),
            "selectors": Selectors(**values["selectors"]),
            "politeness": Politeness(**values["politeness"]),
        }
    )
