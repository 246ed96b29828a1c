"""The one pipeline: open the crawl, hand every item to the store writer, close.

The store's work runs in a writer (:mod:`crawler.writer`: a process, or a thread where processes
cannot be started); this pipeline only opens the crawl — the crawl row and what the spider needs
to know of the site, in one store connection —, puts items on the writer's queue, and at the
spider's close tells the writer how the crawl ended and waits for its report. The writer closes
the crawl row; the outcome goes out with the :data:`crawl_recorded` signal.

When the store cannot be written (disk or size cap full, I/O error, another connection holding
the lock past ``BULLETIN_STORE_LOCK_WAIT``) the writer rolls back its batch and reports why; the
crawl then stops with that one reason (crawl row ``failed``, stats ``bulletin/store_failure``).
A writer that dies unannounced is noticed the same way: nothing in the crawl process waits on it
without a bound.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import sqlite3
import threading
import time

from scrapy import signals
from twisted.internet import task

from storage import Store, StoreError, unavailable

from .writer import (
    CLOSESPIDER_PREFIX,
    CrawlClosed,
    crawl_outcome,
    crawl_stats,
    crawl_status,
    run_writer,
)

logger = logging.getLogger(__name__)

QUEUE_ITEMS = 256
WRITER_CLOSE_TIMEOUT = 600  # seconds the writer may take to drain its queue at the end of a crawl
WRITER_POLL_SECONDS = 0.5  # how often the crawl looks whether its writer is still there
STORE_FAILURE_STAT = "bulletin/store_failure"
#: Sent once the crawl row is closed, with ``outcome``: ``{"crawl": row, "failures": rows}``
#: (None when the row could not be read) — what :func:`crawler.runner.run_crawls` summarises.
crawl_recorded = object()


class StorePipeline:
    """Writes list pages, releases and failed fetches to the SQLite store of ``BULLETIN_DB``.

    Opens a crawl row when the spider opens; the writer closes it with the crawl's counters.
    ``BULLETIN_STORE_WRITER``: ``"process"`` (default) or ``"thread"``.
    """

    def __init__(self, db_path: str, crawler):
        self.db_path = db_path
        self.crawler = crawler
        self.crawl_id: int | None = None
        self.site: str | None = None
        self.mode = crawler.settings.get("BULLETIN_STORE_WRITER")
        self.queue = None
        self.results = None
        self.writer = None
        self.report: dict | None = None  # the writer's last word, once it has stopped
        self.failure: str | None = None  # why the store cannot be written (the crawl stops)
        self.watch = None
        self.options = {
            "lock_wait": crawler.settings.getfloat("BULLETIN_STORE_LOCK_WAIT"),
            "max_bytes": crawler.settings.getint("BULLETIN_DB_MAX_BYTES") or None,
            "log": {
                key: crawler.settings.get(name)
                for key, name in (
                    ("level", "LOG_LEVEL"),
                    ("format", "LOG_FORMAT"),
                    ("datefmt", "LOG_DATEFORMAT"),
                )
            },
        }

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
        try:
            # The crawl process's one connection: the spider starts its requests only after this.
            with Store(self.db_path) as store:
                store.ensure_site(site.name, title=site.title, config=site.to_dict())
                self.crawl_id = store.start_crawl(site.name)
                spider.load_state(store)
        except StoreError as exc:
            self._fail(str(unavailable(exc, self.db_path) or exc))
            raise
        spider.crawl_id = self.crawl_id
        options = {
            **self.options,
            "revisit": site.revisit,
            "revisit_max": site.revisit_max_seconds,
        }
        args = (str(self.db_path), site.name, self.crawl_id)
        self.watch = task.LoopingCall(self._check_writer)
        self.watch.start(WRITER_POLL_SECONDS, now=False)
        if self.mode == "process":
            try:
                context = multiprocessing.get_context("spawn")
                self.queue, self.results = context.Queue(QUEUE_ITEMS), context.Queue()
                self.writer = context.Process(
                    target=run_writer,
                    args=(*args, self.queue, self.results, os.getpid(), options),
                    name="bulletin-store-writer",
                    daemon=True,
                )
                self.writer.start()
                return
            except OSError as exc:
                logger.warning("no writer process (%s); writing from a thread", exc)
        self.queue, self.results = queue.Queue(QUEUE_ITEMS), queue.Queue()
        self.writer = threading.Thread(
            target=run_writer,
            args=(*args, self.queue, self.results, None, options),
            name="bulletin-store-writer",
            daemon=True,
        )
        self.writer.start()

    def process_item(self, item, spider=None):
        # Blocks while the writer is QUEUE_ITEMS behind (back-pressure), but never on a writer that is gone.
        while self.failure is None:
            try:
                self.queue.put(item, timeout=WRITER_POLL_SECONDS)
                break
            except queue.Full:
                self._check_writer()
        return item

    def _check_writer(self) -> None:
        """Stop the crawl when the writer has stopped before being told to (it says why, or died)."""
        if self.writer is None or self.failure is not None or self.writer.is_alive():
            return
        self.report = self._read_report(timeout=1.0)
        self._fail(
            self.report.get("failure")
            or "the store writer stopped unexpectedly"
            + (
                f" (exit code {self.writer.exitcode})"
                if getattr(self.writer, "exitcode", None)
                else ""
            )
        )

    def _fail(self, failure: str) -> None:
        if self.failure is not None:
            return
        self.failure = failure
        self.crawler.stats.set_value(STORE_FAILURE_STAT, failure)
        logger.error("%s: the store cannot be written, stopping the crawl: %s", self.site, failure)
        engine = self.crawler.engine
        if engine is not None and getattr(engine, "spider", None) is not None:
            from scrapy.utils.defer import deferred_from_coro

            deferred_from_coro(engine.close_spider_async(reason="store_failed"))

    def _read_report(self, timeout: float) -> dict:
        try:
            return self.results.get(timeout=timeout)
        except (queue.Empty, OSError, EOFError, ValueError):
            return {"counts": {}, "first_failure": None, "failure": None}

    def _stop_writer(self, closing: CrawlClosed) -> dict:
        """Hand the writer the crawl's end and wait for its report, as long as it lives."""
        if self.report is not None:
            return self.report
        deadline = time.monotonic() + WRITER_CLOSE_TIMEOUT
        while self.writer.is_alive():
            try:
                self.queue.put(closing, timeout=WRITER_POLL_SECONDS)
                break
            except queue.Full:
                if time.monotonic() > deadline:
                    break
        while time.monotonic() < deadline:
            try:
                return self.results.get(timeout=WRITER_POLL_SECONDS)
            except queue.Empty:
                if not self.writer.is_alive():
                    report = self._read_report(timeout=WRITER_POLL_SECONDS)
                    return (
                        report
                        if report["counts"]
                        else {
                            **report,
                            "failure": report.get("failure")
                            or "the store writer stopped unexpectedly",
                        }
                    )
        logger.error(
            "%s: the store writer did not finish within %s s", self.site, WRITER_CLOSE_TIMEOUT
        )
        return {"counts": {}, "first_failure": "the store writer did not finish", "failure": None}

    def spider_closed(self, spider, reason: str):
        if self.watch is not None and self.watch.running:
            self.watch.stop()
        if self.writer is None:
            return
        stats = self.crawler.stats.get_stats()
        closing = CrawlClosed(
            reason=reason,
            stats={
                "requests": stats.get("downloader/request_count", 0),
                "pages_fetched": stats.get("downloader/response_count", 0),
                "responses_by_status": {
                    key.rsplit("/", 1)[-1]: value
                    for key, value in stats.items()
                    if key.startswith("downloader/response_status_count/")
                },
            },
            # A walk cut short (a request cap, Scrapy's close-after-N settings) saw only part of the lists.
            walk_complete=reason == "finished" and not getattr(spider, "requests_over_cap", 0),
            cut_short=_cut_short(reason, spider, self.crawler.settings),
        )
        report = self._stop_writer(closing)
        self.writer.join(timeout=10)
        self.writer = None
        if hasattr(self.queue, "cancel_join_thread"):
            # Items a failed writer never took must not keep this process from exiting.
            self.queue.cancel_join_thread()
        if report.get("failure"):
            self._fail(report["failure"])
        outcome = report.get("outcome")
        if outcome is None:
            outcome = self._close_unrecorded(report, closing)
        self.crawler.signals.send_catch_log(signal=crawl_recorded, site=self.site, outcome=outcome)

    def _close_unrecorded(self, report: dict, closing: CrawlClosed) -> dict | None:
        """Close the crawl row the writer could not close (it failed, died or overran), at once
        and never waiting on a lock; the outcome as far as the store can still be read."""
        status, error = crawl_status(
            closing.reason,
            report["counts"],
            report["first_failure"],
            self.failure,
            cut_short=closing.cut_short,
        )
        stats = {**crawl_stats(report["counts"]), **closing.stats}
        try:
            with Store(self.db_path, busy_timeout_ms=1000 if self.failure else 30_000) as store:
                try:
                    store.finish_crawl(
                        self.crawl_id,
                        status=status,
                        error=error,
                        stats=stats,
                        walk_complete=closing.walk_complete,
                    )
                except (StoreError, sqlite3.Error) as exc:
                    # The crawl row stays "running"; the site's next crawl marks it interrupted.
                    logger.error(
                        "%s: could not close crawl %s: %s",
                        self.site,
                        self.crawl_id,
                        unavailable(exc, self.db_path) or exc,
                    )
                return crawl_outcome(store, self.crawl_id)
        except (StoreError, sqlite3.Error) as exc:
            logger.error(
                "%s: could not read crawl %s: %s",
                self.site,
                self.crawl_id,
                unavailable(exc, self.db_path) or exc,
            )
            return None


def _cut_short(reason: str, spider, settings) -> str | None:
    """The limit that ended the crawl before its course, in words: one of Scrapy's CLOSESPIDER_*
    settings, or the site's ``max_requests`` (with how many pages it kept from being requested)."""
    if reason.startswith(CLOSESPIDER_PREFIX):
        name = reason.upper()
        return f"{name} ({settings.get(name)}) reached"
    refused = getattr(spider, "requests_over_cap", 0)
    if reason != "finished" or not refused:
        return None
    return f"max_requests ({spider.site.max_requests}) reached, {refused} pages not requested"
