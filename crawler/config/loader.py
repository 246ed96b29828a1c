"""Find ``sites.toml``, read it, and build the :class:`Config` its tables describe."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage import ConfigError

from .alerts import AlertSettings, Robot, SmtpSettings, Subscription, Webhook, build_alerts
from .checks import show, suggest
from .defaults import CONFIG_ENV_VAR, DEFAULT_CONFIG_PATH
from .serve import ServeOptions, build_serve
from .sites import SITE_KEYS, SiteConfig, build_site, check_defaults

#: Top-level tables besides the sites, checked by their own builders and also kept raw in
#: ``Config.extra``.
RESERVED_TABLES = ("alerts", "smtp", "subscriptions", "webhooks", "robots", "serve")


@dataclass(frozen=True)
class Config:
    """A loaded configuration: the sites by name, the alert and ``[serve]`` settings, and the
    top-level tables besides the sites as written (``extra``)."""

    path: Path | None
    sites: dict[str, SiteConfig]
    extra: dict = field(default_factory=dict)
    smtp: SmtpSettings | None = None
    alerts: AlertSettings = field(default_factory=AlertSettings)
    subscriptions: tuple[Subscription, ...] = ()
    webhooks: tuple[Webhook, ...] = ()
    robots: tuple[Robot, ...] = ()
    serve: ServeOptions = field(default_factory=ServeOptions)

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


def _build_config(data: Any, source: str, path: Path | None) -> Config:
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source}: expected a table of settings, got {show(data)}")
    top_level = {k: k for k in ("sites", "defaults", *RESERVED_TABLES)}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key in RESERVED_TABLES:
            extra[key] = value
        elif key not in top_level:
            if key in SITE_KEYS:
                hint = " (site keys go in a [sites.NAME] or [defaults] table)"
            else:
                hint = suggest(key, top_level)
            raise ConfigError(f"{source}: key {key!r}: unknown top-level key{hint}")
        elif not isinstance(value, Mapping):
            raise ConfigError(f"{source}: key {key!r}: expected a table, got {show(value)}")

    defaults = check_defaults(data.get("defaults", {}), source)
    sites_table = data.get("sites") or {}
    if not sites_table:
        raise ConfigError(f"{source}: no sites configured (add a [sites.NAME] table)")
    sites = {name: build_site(name, table, defaults, source) for name, table in sites_table.items()}
    return Config(
        path=path,
        sites=sites,
        extra=extra,
        serve=build_serve(extra, source),
        **build_alerts(extra, sites, source),
    )
