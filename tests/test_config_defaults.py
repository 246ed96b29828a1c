"""Every default written once: the configuration's tables, the Scrapy settings, the store's own."""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path

import pytest

import crawler.settings as project_settings
import storage
from crawler.config import (
    EVENT_KINDS,
    AlertSettings,
    Politeness,
    ServeOptions,
    SiteConfig,
    Subscription,
    Webhook,
    config_from_dict,
)
from crawler.config import defaults as D

ROOT = Path(__file__).resolve().parents[1]


def field_defaults(cls) -> dict:
    return {
        f.name: f.default
        for f in dataclasses.fields(cls)
        if f.default is not dataclasses.MISSING and f.name in _table_of(cls)
    }


def _table_of(cls) -> dict:
    return {
        Politeness: D.POLITENESS,
        SiteConfig: D.SITE,
        ServeOptions: D.SERVE,
        AlertSettings: D.ALERTS,
        Subscription: D.SUBSCRIPTION,
        Webhook: D.WEBHOOK,
    }[cls]


@pytest.mark.parametrize(
    "cls",
    [Politeness, SiteConfig, ServeOptions, AlertSettings, Subscription, Webhook],
    ids=lambda cls: cls.__name__,
)
def test_dataclass_defaults_are_the_defaults_table(cls):
    assert field_defaults(cls) == _table_of(cls)


def test_a_minimal_file_gets_the_defaults_tables():
    config = config_from_dict({"sites": {"x": {"start_urls": ["https://example.org/"]}}})
    site = config.site("x")
    assert {key: getattr(site, key) for key in D.SITE} == D.SITE
    assert dataclasses.asdict(site.politeness) == D.POLITENESS
    assert dataclasses.asdict(config.serve) == D.SERVE
    assert dataclasses.asdict(config.alerts) == D.ALERTS


def test_politeness_defaults_are_the_project_scrapy_settings():
    from crawler.runner import crawl_settings

    settings, polite = crawl_settings(":memory:"), Politeness()
    assert settings.getfloat("DOWNLOAD_DELAY") == polite.download_delay
    assert settings.getfloat("DOWNLOAD_DELAY_JITTER") == polite.delay_jitter
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == polite.concurrency
    assert settings.getbool("ROBOTSTXT_OBEY") is polite.obey_robots
    assert settings.getfloat("DOWNLOAD_TIMEOUT") == polite.timeout
    assert settings.getint("DOWNLOAD_MAXSIZE") == polite.max_response_bytes
    assert settings.getint("RETRY_TIMES") == polite.retries
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is polite.autothrottle


def test_site_durations_default_to_the_stores_own():
    site = SiteConfig(name="x", title="x", start_urls=(), allowed_domains=(), timezone="UTC")
    assert site.removal_confirm_seconds == storage.DEFAULT_REMOVAL_CONFIRM_AFTER
    assert site.revisit_max_seconds == storage.DEFAULT_REVISIT_MAX
    record = inspect.signature(storage.Store.record_release).parameters["confirm_after"]
    assert record.default == storage.DEFAULT_REMOVAL_CONFIRM_AFTER


def test_event_kinds_are_the_stores():
    from crawler.cli.sites import events

    assert EVENT_KINDS is storage.EVENT_KINDS
    kind = next(p for p in events.params if p.name == "kind")
    assert tuple(kind.type.choices) == storage.EVENT_KINDS


SETTING_READ = re.compile(r"""settings\.get\w*\(\s*["'](BULLETIN_\w+)["']\s*(,)?""")


def _setting_reads():
    for path in [*ROOT.glob("crawler/**/*.py"), *ROOT.glob("spiders/**/*.py")]:
        for match in SETTING_READ.finditer(path.read_text(encoding="utf-8")):
            yield path.relative_to(ROOT), match.group(1), bool(match.group(2))


def test_bulletin_settings_are_read_without_restating_their_default():
    reads = list(_setting_reads())
    assert len(reads) >= 8  # the pattern still finds the reads
    for path, name, restated in reads:
        assert hasattr(project_settings, name), (
            f"{path}: {name} has no default in crawler/settings.py"
        )
        assert not restated, f"{path}: {name} restates its default (crawler/settings.py has it)"
