"""The one pipeline: hand every item to the store.

Items go to a :class:`StoreWriter` in a writer process (a thread where processes cannot be
started): the store's work — the search index, compression, commits — then runs beside the crawl
instead of stalling Scrapy's reactor. Items are committed in batches, each one still atomic.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import defaultdict

from scrapy import signals

from storage import FetchedRelease, Store, canonical_url
from storage.urls import list_rows_hash

from .extract.sitemodel import SiteModel
from .reextract import extraction_options, migrate_site, rebuild_site_model, reextract
from .items import FetchFailureItem, ListPageItem, MissingItem, NotModifiedItem, ReleaseItem

logger = logging.getLogger(__name__)

# Items are written in batches (each still atomic): one commit per batch, not per item. A batch
# never stays open longer than BATCH_SECONDS, so readers and other writers wait little.
BATCH_ITEMS = 50
BATCH_SECONDS = 1.0
BATCH_IDLE_SECONDS = 0.2
QUEUE_ITEMS = 256
WRITER_CLOSE_TIMEOUT = 600  # seconds the writer may take to drain its queue at the end of a crawl
_STOP = None


class StorePipeline:
    """Writes list pages, releases and failed fetches to the SQLite store of ``BULLETIN_DB``.

    Opens a crawl row when the spider opens and closes it with Scrapy's counters when it closes.
    ``BULLETIN_STORE_WRITER``: ``"process"`` (default) or ``"thread"``.
    """

    def __init__(self, db_path: str, crawler):
        self.db_path = db_path
        self.crawler = crawler
        self.crawl_id: int | None = None
        self.site: str | None = None
        self.mode = crawler.settings.get("BULLETIN_STORE_WRITER", "process")
        self.queue = None
        self.results = None
        self.writer = None

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
        with Store(self.db_path) as store:
            store.ensure_site(site.name, title=site.title, config=site.to_dict())
            self.crawl_id = store.start_crawl(site.name)
        spider.crawl_id = self.crawl_id
        args = (str(self.db_path), site.name, self.crawl_id)
        if self.mode == "process":
            try:
                context = multiprocessing.get_context("spawn")
                self.queue, self.results = context.Queue(QUEUE_ITEMS), context.Queue()
                self.writer = context.Process(target=run_writer, args=(*args, self.queue, self.results, os.getpid()),
                                              name="bulletin-store-writer", daemon=True)
                self.writer.start()
                return
            except OSError as exc:
                logger.warning("no writer process (%s); writing from a thread", exc)
        self.queue, self.results = queue.Queue(QUEUE_ITEMS), queue.Queue()
        self.writer = threading.Thread(target=run_writer, args=(*args, self.queue, self.results, None),
                                       name="bulletin-store-writer", daemon=True)
        self.writer.start()

    def process_item(self, item, spider=None):
        self.queue.put(item)  # blocks when the writer is QUEUE_ITEMS behind: back-pressure
        return item

    def spider_closed(self, spider, reason: str):
        if self.writer is None:
            return
        self.queue.put(_STOP)
        try:
            report = self.results.get(timeout=WRITER_CLOSE_TIMEOUT)
        except queue.Empty:
            report = {"counts": {}, "first_failure": "the store writer did not finish"}
            logger.error("%s: the store writer did not finish within %s s", self.site, WRITER_CLOSE_TIMEOUT)
        self.writer.join(timeout=10)
        self.writer = None
        counts, first_failure = defaultdict(int, report["counts"]), report["first_failure"]
        stats = self.crawler.stats.get_stats()
        by_status = {
            key.rsplit("/", 1)[-1]: value
            for key, value in stats.items()
            if key.startswith("downloader/response_status_count/")
        }
        status, error = "finished", None
        if reason not in ("finished", "closespider_pagecount", "closespider_itemcount"):
            status, error = "interrupted", f"crawl stopped: {reason}"
        fetched = sum(counts[key] for key in ("list_pages", "new", "edited", "unchanged", "not_modified", "missing"))
        if fetched == 0 and (status == "finished" or first_failure):  # a Ctrl-C before any page is no outage
            status = "failed"
            error = f"site unreachable or blocking: {first_failure or 'no page could be fetched'}"
        with Store(self.db_path) as store:
            store.finish_crawl(
                self.crawl_id,
                status=status,
                error=error,
                stats={
                    "requests": stats.get("downloader/request_count", 0),
                    "pages_fetched": stats.get("downloader/response_count", 0),
                    "responses_by_status": by_status,
                    "list_pages": counts["list_pages"],
                    "list_links": counts["list_links"],
                    "releases_seen": counts["unchanged"],
                    "releases_incomplete": counts["incomplete"],
                    "not_modified": counts["not_modified"],
                    "errors": counts["failures"] + counts["write_errors"],
                },
            )
            change = store.update_health(self.site, self.crawl_id)
        if change:
            logger.warning("%s: site is now %s: %s", self.site, change["state"], change["reason"])


def run_writer(db_path: str, site: str, crawl_id: int, items, results, parent_pid: int | None) -> None:
    """The writer's loop (in a process or a thread): store items until the stop sentinel, then
    report the counts through ``results``."""
    if parent_pid is not None:
        # Ctrl-C reaches the whole process group; the crawl process decides how to stop.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    writer = StoreWriter(db_path, site, crawl_id)
    batch, written, started = None, 0, 0.0
    while True:
        try:
            item = items.get(timeout=0.2)
            idle = False
        except queue.Empty:
            item, idle = None, True
            if parent_pid is not None and os.getppid() != parent_pid:
                break  # the crawl process died: nothing more will come
        if not idle and item is not _STOP:
            if batch is None:
                batch, started = writer.store.transaction().__enter__(), time.monotonic()
            writer.record(item)
            written += 1
        age = time.monotonic() - started
        if batch is not None and (idle or item is _STOP or written >= BATCH_ITEMS or age >= BATCH_SECONDS
                                  or (items.empty() and age >= BATCH_IDLE_SECONDS)):
            batch.__exit__(None, None, None)
            batch, written = None, 0
        if not idle and item is _STOP:
            break
    writer.finish()
    writer.store.close()
    results.put({"counts": writer.counts, "first_failure": writer.first_failure})


class StoreWriter:
    """Turns items into store calls; keeps the crawl's counters."""

    def __init__(self, db_path: str, site: str, crawl_id: int):
        self.store = Store(db_path)
        self.site = site
        self.crawl_id = crawl_id
        # List rows of releases not stored yet, attached when the release is recorded.
        self.pending_rows: dict[str, list[dict]] = defaultdict(list)
        self.counts = {"list_pages": 0, "list_links": 0, "new": 0, "edited": 0, "unchanged": 0, "failures": 0,
                       "incomplete": 0, "not_modified": 0, "missing": 0, "write_errors": 0}
        self.first_failure: str | None = None
        stored = self.store.site_model(site)
        self.model = SiteModel.from_dict(stored)
        self.applied = self.model.for_extraction()  # what the spider extracts with in this crawl
        self.learned = 0
        self._options = None
        # A store written before site models existed: learn from its stored pages at the end.
        self.bootstrap = stored is None and self.store.has_releases(site)

    def finish(self) -> None:
        """After the crawl's last item: settle and store the site model; when what it applies
        changed, re-extract the site's stored versions under it (a migration: no events)."""
        try:
            if self.bootstrap:
                model, counts = rebuild_site_model(self.store, self.site)
                logger.info("%s: site model learned from %s stored pages (revision %s); %s versions changed",
                            self.site, model.pages, model.revision, counts["changed"])
                return
            if self.learned and self.model.settle():
                counts = migrate_site(self.store, self.site, self.model)
                logger.info("%s: site model revision %s (%s pages); %s stored versions checked, %s changed",
                            self.site, self.model.revision, self.model.pages, counts["checked"], counts["changed"])
            if self.learned:
                self.store.save_site_model(self.site, self.model.to_dict(), revision=self.model.revision,
                                           pages=self.model.pages)
        except Exception:  # the model is an aid; losing one crawl's learning must not lose the crawl
            logger.exception("%s: could not store the site model", self.site)

    def _refresh(self, version: dict) -> dict | None:
        """A stored version re-extracted under the model this crawl extracts with."""
        if self._options is None:
            self._options = extraction_options(self.store.site_config(self.site))
        try:
            return reextract(version, self.applied, self._options)
        except Exception:
            logger.exception("%s: could not re-extract version %s", self.site, version.get("id"))
            return None

    def record(self, item) -> None:
        try:
            self._record(item)
        except Exception:  # one bad item must not stop the writer; the crawl row counts it
            self.counts["write_errors"] += 1
            logger.exception("%s: could not store %s", self.site, getattr(item, "url", item))

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
                                      http_status=item.http_status, confirm_after=item.confirm_after)

    def _record_list_page(self, item: ListPageItem) -> None:
        self.counts["list_pages"] += 1
        if item.list_hint and self.model.note_list(*item.list_hint):
            self.learned += 1
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
            model_revision=item.model_revision,
        )
        rows = self.pending_rows.pop(canonical_url(item.url), [])
        refresh = self._refresh if item.model_revision == self.applied.revision else None
        result = self.store.record_release(item.site, fetched, crawl_id=self.crawl_id, listed_on=rows, refresh=refresh)
        self.counts[result.kind] += 1
        if item.page_features is not None and result.kind != "unchanged":
            # Each distinct version once: refetching an unchanged page would count its text again.
            self.model.update(item.page_features)
            self.learned += 1
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

