"""The one pipeline: hand every item to the store, one transaction each."""

from __future__ import annotations

import logging
import time

from scrapy import signals
from collections import defaultdict

from storage import FetchedRelease, Store, canonical_url
from storage.urls import list_rows_hash

from .items import FetchFailureItem, ListPageItem, MissingItem, NotModifiedItem, ReleaseItem

logger = logging.getLogger(__name__)

# Items are written in batches (each still atomic): one commit per batch, not per item. A batch
# never stays open longer than BATCH_SECONDS, so readers and other writers wait little.
BATCH_ITEMS = 50
BATCH_SECONDS = 1.0


class StorePipeline:
    """Writes list pages, releases and failed fetches to the SQLite store of ``BULLETIN_DB``.

    Opens a crawl row when the spider opens and closes it with Scrapy's counters when it closes.
    """

    def __init__(self, db_path: str, crawler):
        self.db_path = db_path
        self.crawler = crawler
        self.store: Store | None = None
        self.crawl_id: int | None = None
        self.site: str | None = None
        # List rows of releases not stored yet, attached when the release is recorded.
        self.pending_rows: dict[str, list[dict]] = defaultdict(list)
        self.counts = {"list_pages": 0, "list_links": 0, "new": 0, "edited": 0, "unchanged": 0, "failures": 0,
                       "incomplete": 0, "not_modified": 0, "missing": 0}
        self.first_failure: str | None = None
        self.batch = None
        self.batch_items = 0
        self.batch_started = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler.settings.get("BULLETIN_DB"), crawler)
        # The close reason ("finished", "shutdown"…) reaches signal receivers, not close_spider.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self, spider=None):
        spider = spider or self.crawler.spider
        site = spider.site
        self.site = site.name
        self.store = Store(self.db_path)
        self.store.ensure_site(site.name, title=site.title, config=site.to_dict())
        self.crawl_id = self.store.start_crawl(site.name)
        spider.crawl_id = self.crawl_id

    def process_item(self, item, spider=None):
        if self.batch is None:
            self.batch = self.store.transaction().__enter__()
            self.batch_started = time.monotonic()
        try:
            self._record(item)
        finally:
            self.batch_items += 1
            if self.batch_items >= BATCH_ITEMS or time.monotonic() - self.batch_started >= BATCH_SECONDS:
                self._commit()
        return item

    def _commit(self) -> None:
        if self.batch is not None:
            self.batch.__exit__(None, None, None)
        self.batch, self.batch_items = None, 0

    def _record(self, item) -> None:
        if isinstance(item, ReleaseItem):
            self._record_release(item)
        elif isinstance(item, ListPageItem):
            self._record_list_page(item)
        elif isinstance(item, FetchFailureItem):
            self._record_failure(item)
        elif isinstance(item, NotModifiedItem):
            self.counts["not_modified"] += 1
            if item.page_kind == "article":
                self.store.touch_release(item.url, crawl_id=self.crawl_id)
        elif isinstance(item, MissingItem):
            self.counts["missing"] += 1
            self.store.record_missing(item.site, item.url, item.reason, crawl_id=self.crawl_id,
                                      http_status=item.http_status)

    def _record_list_page(self, item: ListPageItem) -> None:
        self.counts["list_pages"] += 1
        self.counts["list_links"] += len(item.links)
        self._save_validators(item.site, item.url, item.etag, item.last_modified, links_hash=list_rows_hash(item.links))
        result = self.store.record_list_page(
            item.site, item.url, item.links, crawl_id=self.crawl_id, column=item.column,
            breadcrumb=item.breadcrumb, http_status=item.http_status,
        )
        by_url = {link["url"]: (position, link) for position, link in enumerate(item.links)}
        for url in result.unknown:
            position, link = by_url[url]
            self.pending_rows[canonical_url(url)].append(
                {**link, "position": position, "list_page_url": item.url, "column": item.column}
            )

    def _record_release(self, item: ReleaseItem) -> None:
        article = item.article
        fetched = FetchedRelease(
            url=item.url,
            title=article.get("title"),
            source=article.get("source"),
            published_at=article.get("published_at"),
            published_at_meta=article.get("published_at_meta"),
            body=article.get("body") or "",
            breadcrumb=article.get("breadcrumb") or [],
            column=article.get("column"),
            attachments=article.get("attachments") or [],
            final_url=item.final_url,
            http_status=item.http_status,
            headers=item.headers,
            raw_body=item.raw_body,
            encoding=item.encoding,
        )
        rows = self.pending_rows.pop(canonical_url(item.url), [])
        result = self.store.record_release(item.site, fetched, crawl_id=self.crawl_id, listed_on=rows)
        self.counts[result.kind] += 1
        if not fetched.title or not fetched.published_at:
            self.counts["incomplete"] += 1
        self._save_validators(item.site, item.url, item.etag, item.last_modified)

    def _save_validators(self, site, url, etag, last_modified, links_hash=None) -> None:
        if etag or last_modified or links_hash:
            self.store.save_validators(site, url, etag=etag, last_modified=last_modified, links_hash=links_hash)

    def _record_failure(self, item: FetchFailureItem) -> None:
        self.counts["failures"] += 1
        if self.first_failure is None:
            self.first_failure = f"{item.url}: {item.reason}"
        self.store.record_fetch_failure(
            item.site, item.url, item.reason, crawl_id=self.crawl_id, http_status=item.http_status
        )

    def spider_closed(self, spider, reason: str):
        if self.store is None:
            return
        self._commit()
        stats = self.crawler.stats.get_stats()
        by_status = {
            key.rsplit("/", 1)[-1]: value
            for key, value in stats.items()
            if key.startswith("downloader/response_status_count/")
        }
        status, error = "finished", None
        if reason not in ("finished", "closespider_pagecount", "closespider_itemcount"):
            status, error = "interrupted", f"crawl stopped: {reason}"
        fetched = sum(self.counts[key] for key in ("list_pages", "new", "edited", "unchanged", "not_modified", "missing"))
        if fetched == 0:
            status = "failed"
            error = f"site unreachable or blocking: {self.first_failure or 'no page could be fetched'}"
        self.store.finish_crawl(
            self.crawl_id,
            status=status,
            error=error,
            stats={
                "requests": stats.get("downloader/request_count", 0),
                "pages_fetched": stats.get("downloader/response_count", 0),
                "responses_by_status": by_status,
                "list_pages": self.counts["list_pages"],
                "list_links": self.counts["list_links"],
                "releases_seen": self.counts["unchanged"],
                "releases_incomplete": self.counts["incomplete"],
                "not_modified": self.counts["not_modified"],
                "errors": self.counts["failures"],
            },
        )
        change = self.store.update_health(self.site, self.crawl_id)
        if change:
            logger.warning("%s: site is now %s: %s", self.site, change["state"], change["reason"])
        self.store.close()
        self.store = None
