"""The one table checker of the configuration, and the value checks the tables share.

Every table of ``sites.toml`` — ``[defaults]``, ``[sites.NAME]``, the alert tables, ``[serve]`` —
is a :class:`Table`: a mapping from its keys to value checks. A check returns the normalised
value or raises :class:`Invalid` saying why; the table turns that into one
:class:`~storage.errors.ConfigError` line naming the file, the table and the key, and answers an
unknown key with the closest known one::

    sites.toml: serve: key 'stager': unknown key (did you mean 'stagger'?)
"""

from __future__ import annotations

import difflib
import json
import math
import zoneinfo
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from storage import ConfigError

#: A value check: the value as written in, the normalised value out, :class:`Invalid` if wrong.
Check = Callable[[Any], Any]


class Invalid(Exception):
    """A value is wrong; the message says why. :class:`Table` adds the file, table and key."""


class Table:
    """Checks one table of the file against its keys; errors name the file, the table and the key.

    ``keys`` maps each key to its check, or to the keys of a nested table (``politeness``), which
    is checked key by key under dotted names (``politeness.download_delay``). ``refused`` maps a
    key that is known but not allowed here to the reason; ``unset_by_none`` lists the keys where
    ``None`` (as :meth:`SiteConfig.to_dict` writes an unset value) means unset.
    """

    def __init__(
        self,
        source: str,
        label: str,
        keys: Mapping[str, Check | Mapping[str, Check]],
        *,
        refused: Mapping[str, str] | None = None,
        unset_by_none: frozenset[str] | set[str] = frozenset(),
    ):
        self.source, self.label, self.keys = source, label, keys
        self.refused = refused or {}
        self.unset_by_none = unset_by_none

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.source}: {self.label}: key {key!r}: {message}")

    def require(self, values: Mapping[str, Any], key: str, what: str) -> None:
        """A :meth:`error` ``required: WHAT`` when *values* lack *key*."""
        if key not in values:
            raise self.error(key, f"required: {what}")

    def check(self, table: Mapping[str, Any]) -> dict[str, Any]:
        """The normalised value of each key of *table* (nested tables as dicts)."""
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key in self.refused:
                raise self.error(key, self.refused[key])
            if key not in self.keys:
                raise self.error(key, "unknown key" + suggest(key, self._candidates()))
            checks = self.keys[key]
            if isinstance(checks, Mapping):
                values[key] = self._check_nested(key, value, checks)
            elif not (value is None and key in self.unset_by_none):
                values[key] = self._value(key, checks, value)
        return values

    def _check_nested(self, table_key: str, table: Any, checks: Mapping[str, Check]) -> dict:
        if not isinstance(table, Mapping):
            raise self.error(table_key, f"expected a table, got {show(table)}")
        values: dict[str, Any] = {}
        for key, value in table.items():
            dotted = f"{table_key}.{key}"
            if key not in checks:
                raise self.error(dotted, "unknown key" + suggest(key, {k: k for k in checks}))
            if not (value is None and key in self.unset_by_none):
                values[key] = self._value(dotted, checks[key], value)
        return values

    def _value(self, key: str, check: Check, value: Any) -> Any:
        try:
            return check(value)
        except Invalid as exc:
            raise self.error(key, str(exc)) from None

    def _candidates(self) -> dict[str, str]:
        """The keys valid here, plus nested keys written one level too high (as dotted names)."""
        candidates = {k: k for k in self.keys}
        for table, checks in self.keys.items():
            if isinstance(checks, Mapping):
                for sub in checks:
                    candidates.setdefault(sub, f"{table}.{sub}")
        return candidates


def show(value: Any) -> str:
    """A value as the operator wrote it (JSON reads like TOML for strings, numbers and lists)."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except ValueError:  # nan/inf in a container
        text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def suggest(key: str, candidates: Mapping[str, str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate, or nothing."""
    close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean {candidates[close[0]]!r}?)" if close else ""


# --- value checks -----------------------------------------------------------------------------


def string(value: Any, what: str = "a non-empty string") -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"expected {what}, got {show(value)}")
    return value.strip()


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {show(value)}")
    return value


def integer(minimum: int) -> Check:
    def check(value: Any) -> int:
        # bool is an int subclass: `retries = true` must not mean 1.
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise Invalid(f"expected a whole number >= {minimum}, got {show(value)}")
        return value

    return check


def number(minimum: float, *, exclusive: bool = False, maximum: float | None = None) -> Check:
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
            raise Invalid(f"expected {what}, got {show(value)}")
        return float(value)

    return check


def string_list(value: Any, what: str) -> list[str]:
    if not isinstance(value, list):
        raise Invalid(f"expected {what}, got {show(value)}")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise Invalid(f"expected {what}, got {show(item)}")
    return [item.strip() for item in value]


def timezone(value: Any) -> str:
    name = string(value, 'an IANA time zone like "Asia/Shanghai"')
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        known = {z: z for z in zoneinfo.available_timezones()}
        raise Invalid(f"unknown IANA time zone {show(name)}{suggest(name, known)}") from None
    return name


def http_url(value: Any) -> str:
    if url_host(value) is None or any(c.isspace() for c in value.strip()):
        raise Invalid(f"expected an http(s) URL, got {show(value)}")
    return value.strip()


def file_path(what: str) -> Check:
    """An existing file (``~`` expanded)."""

    def check(value: Any) -> str:
        path = Path(string(value, what)).expanduser()
        if not path.is_file():
            raise Invalid(f"no such file: {show(value.strip())}")
        return str(path)

    return check


def idna(host: str) -> str:
    """Lower-case ASCII form of a host name (punycode for non-ASCII names)."""
    host = host.lower().rstrip(".")
    if host.isascii():
        return host
    return host.encode("idna").decode("ascii")


def url_host(url: Any) -> str | None:
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
        return idna(host)
    except UnicodeError:
        return None


def host_allowed(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)
