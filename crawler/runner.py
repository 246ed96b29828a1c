"""Run Scrapy crawls of configured sites in this process (one reactor, started once).

The CLI's ``crawl`` and ``demo`` commands call :func:`run_crawls`; a long-running service runs it
in a child process per crawl, because a Twisted reactor cannot be restarted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from storage import Store


@dataclass
class CrawlOutcome:
    """The crawl row of one site after its crawl, plus its first failures for the summary."""

    site: str
    crawl: dict
    failures: list[dict]

    @property
    def ok(self) -> bool:
        return self.crawl["status"] != "failed"


def crawl_settings(db_path: str, overrides: dict | None = None):
    """The project's Scrapy settings with the database path and any overrides applied."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("BULLETIN_DB", str(db_path), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawls(sites, db_path: str, *, overrides: dict | None = None, quiet_scrapy: bool = True) -> list[CrawlOutcome]:
    """Crawl every site in ``sites`` (``SiteConfig`` objects) concurrently; returns their outcomes."""
    from scrapy.crawler import CrawlerProcess

    from spiders.site import SiteSpider

    with Store(db_path) as store:
        before = {site.name: _last_crawl_id(store, site.name) for site in sites}
    process = CrawlerProcess(crawl_settings(db_path, overrides))
    if quiet_scrapy:
        for name in ("scrapy", "twisted", "protego", "asyncio", "py.warnings"):
            logging.getLogger(name).setLevel(logging.WARNING)
    for site in sites:
        process.crawl(SiteSpider, site=site)
    process.start()
    outcomes = []
    with Store(db_path) as store:
        for site in sites:
            crawl_id = _last_crawl_id(store, site.name)
            if crawl_id is None or crawl_id == before[site.name]:
                continue
            outcomes.append(CrawlOutcome(site.name, store.crawl(crawl_id), store.fetch_failures(crawl_id)[:5]))
    return outcomes


def _last_crawl_id(store: Store, site: str) -> int | None:
    row = store.db.execute("SELECT max(id) FROM crawls WHERE site = ?", [site]).fetchone()
    return row[0]
