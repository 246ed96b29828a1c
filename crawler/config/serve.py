"""``[serve]``: the scheduler service's settings (``bulletin serve``, crawler/monitor/service.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from storage import ConfigError

from . import checks
from .checks import Check, Table, show
from .defaults import SERVE
from .schedule import schedule


@dataclass(frozen=True)
class ServeOptions:
    """The checked ``[serve]`` table (defaults and their meaning in defaults.py)."""

    default_schedule: str = SERVE["default_schedule"]
    crawl_timeout: float = SERVE["crawl_timeout"]
    stop_timeout: float = SERVE["stop_timeout"]
    stagger: float = SERVE["stagger"]
    jitter: float = SERVE["jitter"]
    alerts_interval: float = SERVE["alerts_interval"]
    feed_entries: int = SERVE["feed_entries"]
    feed_dir: str | None = SERVE["feed_dir"]
    feed_url: str | None = SERVE["feed_url"]
    archive_url: str | None = SERVE["archive_url"]


SERVE_KEYS: dict[str, Check] = {
    "default_schedule": schedule,
    "crawl_timeout": checks.number(0),
    "stop_timeout": checks.number(0),
    "stagger": checks.number(0),
    "jitter": checks.number(0),
    "alerts_interval": checks.number(0),
    "feed_entries": checks.integer(1),
    "feed_dir": checks.string,
    "feed_url": checks.http_url,
    "archive_url": checks.http_url,
}


def build_serve(extra: Mapping[str, Any], source: str) -> ServeOptions:
    """The ``[serve]`` table of the file, checked; every key's default when it is absent."""
    table = extra.get("serve", {})
    if not isinstance(table, Mapping):
        raise ConfigError(f"{source}: key 'serve': expected a table, got {show(table)}")
    return ServeOptions(**Table(source, "serve", SERVE_KEYS).check(table))
