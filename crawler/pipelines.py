"""The one pipeline: hand every item to the store.

Items go to a :class:`StoreWriter` in a writer process (a thread where processes cannot be
started): the store's work — the search index, compression, commits — then runs beside the crawl
instead of stalling Scrapy's reactor. Items are committed in batches, each one still atomic.

When the store cannot be written (disk or size cap full, I/O error, another connection holding
the lock past ``BULLETIN_STORE_LOCK_WAIT``) the writer rolls back its batch and reports why; the
crawl then stops with that one reason (crawl row ``failed``, stats ``bulletin/store_failure``).
Waiting for a lock is logged as it goes. A writer that dies unannounced is noticed the same way:
nothing in the crawl process waits on it without a bound.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import sqlite3
import threading
import time
from collections import Counter, defaultdict

from scrapy import signals
from twisted.internet import task

from storage import Store, StoreError, StoreUnavailable, canonical_url
from storage.store import is_locked, unavailable
from storage.urls import list_rows_hash

from .alerts import after_crawl
from .extract.sitemodel import SiteModel, line_key
from .items import FetchFailureItem, ListPageItem, MissingItem, NotModifiedItem, ReleaseItem
from .reextract import extraction_options, migrate_site, rebuild_site_model, reextract

logger = logging.getLogger(__name__)

# Items are written in batches (each still atomic): one commit per batch, not per item. A batch
# never stays open longer than BATCH_SECONDS, so readers and other writers wait little.
BATCH_ITEMS = 50
BATCH_SECONDS = 1.0
BATCH_IDLE_SECONDS = 0.2
QUEUE_ITEMS = 256
WRITER_CLOSE_TIMEOUT = 600  # seconds the writer may take to drain its queue at the end of a crawl
WRITER_POLL_SECONDS = 0.5  # how often the crawl looks whether its writer is still there
LOCK_RETRY_MAX_SECONDS = 30.0  # the longest pause between two attempts at a locked database
STORE_FAILURE_STAT = "bulletin/store_failure"
_STOP = None
# An edit that only adds or drops up to TEMPLATE_CHANGE_LINES body lines waits for the crawl's
# end; the same lines changed on TEMPLATE_CHANGE_PAGES pages and on TEMPLATE_CHANGE_SHARE of the
# known pages the crawl fetched (TEMPLATE_CHANGE_ALONE when it fetched no new release), with the
# added lines on half of its new releases, are the site's template changing. At most MAX_WAITING wait.
TEMPLATE_CHANGE_LINES = 6
TEMPLATE_CHANGE_PAGES = 3
TEMPLATE_CHANGE_SHARE = 0.5
TEMPLATE_CHANGE_ALONE = 0.8  # the share needed when the crawl found no new release to compare with
MAX_WAITING = 300


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
            with Store(self.db_path) as store:
                store.ensure_site(site.name, title=site.title, config=site.to_dict())
                self.crawl_id = store.start_crawl(site.name)
        except StoreError as exc:
            self._fail(str(unavailable(exc, self.db_path) or exc))
            raise
        spider.crawl_id = self.crawl_id
        args = (str(self.db_path), site.name, self.crawl_id)
        self.watch = task.LoopingCall(self._check_writer)
        self.watch.start(WRITER_POLL_SECONDS, now=False)
        if self.mode == "process":
            try:
                context = multiprocessing.get_context("spawn")
                self.queue, self.results = context.Queue(QUEUE_ITEMS), context.Queue()
                self.writer = context.Process(
                    target=run_writer,
                    args=(*args, self.queue, self.results, os.getpid(), self.options),
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
            args=(*args, self.queue, self.results, None, self.options),
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

    def _stop_writer(self) -> dict:
        """Hand the writer the stop sentinel and wait for its report, as long as it lives."""
        if self.report is not None:
            return self.report
        deadline = time.monotonic() + WRITER_CLOSE_TIMEOUT
        while self.writer.is_alive():
            try:
                self.queue.put(_STOP, timeout=WRITER_POLL_SECONDS)
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
        report = self._stop_writer()
        self.writer.join(timeout=10)
        self.writer = None
        if hasattr(self.queue, "cancel_join_thread"):
            # Items a failed writer never took must not keep this process from exiting.
            self.queue.cancel_join_thread()
        if report.get("failure"):
            self._fail(report["failure"])
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
        fetched = sum(
            counts[key]
            for key in (
                "list_pages",
                "new",
                "edited",
                "unchanged",
                "not_modified",
                "missing",
                "held",
            )
        )
        if fetched == 0 and (
            status == "finished" or first_failure
        ):  # a Ctrl-C before any page is no outage
            status = "failed"
            error = f"site unreachable or blocking: {first_failure or 'no page could be fetched'}"
        if self.failure is not None:
            status, error = "failed", f"the store could not be written: {self.failure}"
        stats = {
            "requests": stats.get("downloader/request_count", 0),
            "pages_fetched": stats.get("downloader/response_count", 0),
            "responses_by_status": by_status,
            "list_pages": counts["list_pages"],
            "list_links": counts["list_links"],
            "releases_seen": counts["unchanged"],
            "releases_incomplete": counts["incomplete"],
            "not_modified": counts["not_modified"],
            "errors": counts["failures"] + counts["write_errors"],
            "revisited": counts["revisited"],
        }
        # A walk cut short (a request cap, Scrapy's close-after-N settings) saw only part of the lists.
        walk_complete = reason == "finished" and not getattr(spider, "requests_over_cap", 0)
        try:
            # After a store failure the row is closed if that is possible at once, never waited for.
            with Store(self.db_path, busy_timeout_ms=1000 if self.failure else 30_000) as store:
                if self.failure is None:
                    site = spider.site
                    plan = store.revisit_plan(site.name, site.revisit, site.revisit_max_seconds)
                    stats["revisits_next_at"] = _stamp(plan.next_due_at)
                    stats["revisits_due_by"] = _stamp(plan.all_due_by)
                store.finish_crawl(
                    self.crawl_id,
                    status=status,
                    error=error,
                    stats=stats,
                    walk_complete=walk_complete,
                )
                # Our own store failing says nothing of the site's health.
                change = None if self.failure else after_crawl(store, self.site, self.crawl_id)
        except (StoreError, sqlite3.Error) as exc:
            # The crawl row stays "running"; the site's next crawl marks it interrupted.
            logger.error(
                "%s: could not close crawl %s: %s",
                self.site,
                self.crawl_id,
                unavailable(exc, self.db_path) or exc,
            )
            return
        if change:
            logger.warning("%s: site is now %s: %s", self.site, change["state"], change["reason"])


def _stamp(moment) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def run_writer(
    db_path: str,
    site: str,
    crawl_id: int,
    items,
    results,
    parent_pid: int | None,
    options: dict | None = None,
) -> None:
    """The writer's loop (in a process or a thread): store items until the stop sentinel, then
    report the counts through ``results`` — and, when the store cannot be written, why
    (``failure``) instead of going on."""
    if parent_pid is not None:
        # Ctrl-C reaches the whole process group; the crawl process decides how to stop.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    options = dict(options or {})
    log = options.pop("log", None)
    if parent_pid is not None and log:
        # The writer's own lines (lock waits, the site model) look like the crawl's.
        logging.basicConfig(level=log["level"], format=log["format"], datefmt=log["datefmt"])
    writer, failure, batch = None, None, None
    try:
        writer = StoreWriter(db_path, site, crawl_id, **options)
        written, started = 0, 0.0
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
                    batch, started = writer.begin(parent_pid), time.monotonic()
                writer.record(item)
                written += 1
            age = time.monotonic() - started
            if batch is not None and (
                idle
                or item is _STOP
                or written >= BATCH_ITEMS
                or age >= BATCH_SECONDS
                or (items.empty() and age >= BATCH_IDLE_SECONDS)
            ):
                done, batch, written = batch, None, 0
                writer.commit(done)
            if not idle and item is _STOP:
                break
        writer.finish()
    except Exception as exc:
        cause = unavailable(exc, db_path)
        failure = (
            str(cause)
            if cause
            else f"{db_path}: the store writer failed: {type(exc).__name__}: {exc}"
        )
        if cause is None:
            logger.exception("%s: the store writer failed", site)
        if batch is not None:
            try:
                batch.__exit__(type(exc), exc, exc.__traceback__)
            except Exception:  # the connection is beyond use; closing it below discards the batch
                pass
    finally:
        if writer is not None:
            try:
                writer.store.close()
            except Exception:
                pass
        results.put(
            {
                "counts": writer.counts if writer else {},
                "first_failure": writer.first_failure if writer else None,
                "failure": failure,
            }
        )


class StoreWriter:
    """Turns items into store calls; keeps the crawl's counters."""

    def __init__(
        self,
        db_path: str,
        site: str,
        crawl_id: int,
        *,
        lock_wait: float = 600.0,
        max_bytes: int | None = None,
    ):
        self.db_path = db_path
        self.lock_wait = lock_wait
        # One attempt at the lock waits in SQLite's busy handler; between attempts the writer says so.
        self.store = Store(
            db_path,
            busy_timeout_ms=int(1000 * min(5.0, max(0.5, lock_wait / 5))),
            max_bytes=max_bytes,
        )
        self.site = site
        self.crawl_id = crawl_id
        # List rows of releases not stored yet (or refetched for a changed row), attached when the
        # release is recorded; and the releases recorded so far in this crawl.
        self.pending_rows: dict[str, list[dict]] = defaultdict(list)
        self.recorded: set[str] = set()
        self.counts = {
            "list_pages": 0,
            "list_links": 0,
            "new": 0,
            "edited": 0,
            "unchanged": 0,
            "failures": 0,
            "revisited": 0,
            "incomplete": 0,
            "not_modified": 0,
            "missing": 0,
            "held": 0,
            "template_changes": 0,
            "write_errors": 0,
        }
        self.first_failure: str | None = None
        stored = self.store.site_model(site)
        self.model = SiteModel.from_dict(stored)
        self.applied = self.model.for_extraction()  # what the spider extracts with in this crawl
        self.learned = 0
        self._options = None
        # A store written before site models existed (or before this model format): learn from
        # its stored pages at the end.
        self.bootstrap = (stored is None or not self.model.pages) and self.store.has_releases(site)
        self.waiting: list[
            tuple
        ] = []  # edits waiting for the crawl's end: (item, list rows, changed lines)
        self.refetched = 0  # known releases fetched in this crawl
        self._signature: tuple | None = (
            None  # (lines added, lines dropped) of the edit made to wait
        )
        self.new_lines: Counter = Counter()  # line keys of this crawl's new releases
        self.new_pages = 0

    def finish(self) -> None:
        """After the crawl's last item: record the edits that waited; settle and store the site model;
        when what it applies changed, re-extract the site's stored versions under it (a
        migration: no events)."""
        self._settle_waiting()
        try:
            if self.bootstrap:
                model, counts = rebuild_site_model(self.store, self.site)
                logger.info(
                    "%s: site model learned from %s stored pages (revision %s); %s versions changed",
                    self.site,
                    model.pages,
                    model.revision,
                    counts["changed"],
                )
                return
            if self.learned and self.model.settle():
                counts = migrate_site(self.store, self.site, self.model)
                logger.info(
                    "%s: site model revision %s (%s pages); %s stored versions checked, %s changed",
                    self.site,
                    self.model.revision,
                    self.model.pages,
                    counts["checked"],
                    counts["changed"],
                )
            if self.learned:
                self.store.save_site_model(
                    self.site,
                    self.model.to_dict(),
                    revision=self.model.revision,
                    pages=self.model.pages,
                )
        except (
            Exception
        ):  # the model is an aid; losing one crawl's learning must not lose the crawl
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

    def begin(self, parent_pid: int | None = None):
        """Open a batch's transaction, waiting (with backoff, logged) while another connection
        holds the write lock; :class:`StoreUnavailable` once it has held it ``lock_wait`` s."""
        started, pause = time.monotonic(), 0.5
        while True:
            try:
                return self.store.batch().__enter__()
            except sqlite3.Error as exc:
                if not is_locked(exc):
                    raise
                waited = time.monotonic() - started
                if waited >= self.lock_wait or (
                    parent_pid is not None and os.getppid() != parent_pid
                ):
                    raise StoreUnavailable(
                        f"{self.db_path}: database is locked by another connection (waited {waited:.0f} s, "
                        f"BULLETIN_STORE_LOCK_WAIT = {self.lock_wait:.0f} s)"
                    ) from exc
                logger.warning(
                    "%s: %s is locked by another connection; waited %.0f s, retrying (stops after %.0f s)",
                    self.site,
                    self.db_path,
                    waited,
                    self.lock_wait,
                )
                time.sleep(min(pause, max(0.0, self.lock_wait - waited)))
                pause = min(pause * 2, LOCK_RETRY_MAX_SECONDS)

    def commit(self, batch) -> None:
        batch.__exit__(None, None, None)

    def record(self, item) -> None:
        try:
            self._record(item)
        except Exception as exc:  # one bad item must not stop the writer; the crawl row counts it
            cause = unavailable(exc, self.db_path)
            if cause is not None:  # ...but a store that cannot be written stops it
                raise cause from exc
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
            self.counts["revisited"] += item.revisit
            if item.page_kind == "article":
                url = canonical_url(item.url)
                self.store.touch_release(
                    item.url, crawl_id=self.crawl_id, listed_on=self.pending_rows.pop(url, [])
                )
                self.recorded.add(url)
        elif isinstance(item, MissingItem):
            self.counts["missing"] += 1
            self.counts["revisited"] += item.revisit
            self.store.record_missing(
                item.site,
                item.url,
                item.reason,
                crawl_id=self.crawl_id,
                http_status=item.http_status,
                confirm_after=item.confirm_after,
            )

    def _record_list_page(self, item: ListPageItem) -> None:
        self.counts["list_pages"] += 1
        if item.list_hint and self.model.note_list(*item.list_hint):
            self.learned += 1
        self.counts["list_links"] += len(item.links)
        result = self.store.record_list_page(
            item.site,
            item.url,
            item.links,
            crawl_id=self.crawl_id,
            column=item.column,
            breadcrumb=item.breadcrumb,
            http_status=item.http_status,
            series_url=item.series,
            defer=[url for url in item.refetch if canonical_url(url) not in self.recorded],
        )
        self._save_validators(
            item.site,
            item.url,
            item.etag,
            item.last_modified,
            links_hash=list_rows_hash(item.links),
        )
        by_url = {link["url"]: (position, link) for position, link in enumerate(item.links)}
        for url in [*result.unknown, *result.deferred]:
            position, link = by_url[url]
            self.pending_rows[canonical_url(url)].append(
                {**link, "position": position, "list_page_url": item.url, "column": item.column}
            )

    def _record_release(self, item: ReleaseItem) -> None:
        rows = self.pending_rows.pop(canonical_url(item.url), [])
        refresh = self._refresh if item.model_revision == self.applied.revision else None
        wait = self._wait if len(self.waiting) < MAX_WAITING else None
        result = self.store.record_release(
            item.site,
            item,
            crawl_id=self.crawl_id,
            listed_on=rows,
            refresh=refresh,
            confirm_after=item.confirm_after,
            wait=wait,
        )
        self.recorded.add(canonical_url(item.url))
        if not item.title or not item.published_at:
            self.counts["incomplete"] += 1
        if result.kind != "new":
            self.refetched += 1
        if result.kind == "waiting":
            self.waiting.append((item, rows, self._signature))
            return
        self._recorded(item, result.kind)

    def _recorded(self, item: ReleaseItem, kind: str) -> None:
        self.counts[kind] += 1
        self.counts["revisited"] += item.revisit
        if kind == "new" and item.page_features is not None:
            # Each page of the site once: what the versions of one page share (a watched dashboard's
            # labels, an edited article's unchanged paragraphs) is that page's text, not the site's template.
            self.model.update(item.page_features)
            self.learned += 1
            keys = item.page_features.keys
            self.new_lines.update(keys[i : i + 16] for i in range(0, len(keys), 16))
            self.new_pages += 1
        if kind != "held":  # held content must be fetched again in full, not answered by a 304
            self._save_validators(item.site, item.url, item.etag, item.last_modified)

    def _wait(self, previous: dict, fields: dict, changed: list[str]) -> bool:
        """Make an edit that only adds or drops a few body lines wait for the crawl's end: when many
        pages of the crawl change by the very same lines, the site's template changed, not them."""
        if changed != ["body"]:
            return False
        before = {
            line_key(line) for line in (previous.get("body") or "").split("\n") if line.strip()
        }
        after = {line_key(line) for line in (fields.get("body") or "").split("\n") if line.strip()}
        if not before ^ after or len(before ^ after) > TEMPLATE_CHANGE_LINES:
            return False
        self._signature = (frozenset(after - before), frozenset(before - after))
        return True

    def _template_change(self, signature: tuple, pages: int) -> bool:
        added, _ = signature
        if pages < TEMPLATE_CHANGE_PAGES or pages < TEMPLATE_CHANGE_SHARE * self.refetched:
            return False
        if not self.new_pages:
            return pages >= TEMPLATE_CHANGE_ALONE * self.refetched
        # A template is on every page: the new releases of this crawl carry the added lines too
        # (a batch of releases edited alike — 已废止 on three notices — is no template).
        return all(self.new_lines[key] * 2 >= self.new_pages for key in added)

    def _settle_waiting(self) -> None:
        """Record the edits that waited: a change shared, line for line, by TEMPLATE_CHANGE_PAGES pages and
        by TEMPLATE_CHANGE_SHARE of the known pages fetched is the template's (the releases are
        unchanged; the model learns the lines); any other is an edit."""
        groups = Counter(signature for *_, signature in self.waiting)
        template = {
            signature
            for signature, pages in groups.items()
            if self._template_change(signature, pages)
        }
        waiting, self.waiting = self.waiting, []
        for item, rows, signature in waiting:
            rows = [*rows, *self.pending_rows.pop(canonical_url(item.url), [])]
            try:
                with self.store.batch():
                    if signature in template:
                        self.store.touch_release(item.url, crawl_id=self.crawl_id, listed_on=rows)
                        self.counts["template_changes"] += 1
                        self._recorded(item, "unchanged")
                        if item.page_features is not None:
                            self.model.update(item.page_features)
                            self.learned += 1
                    else:
                        result = self.store.record_release(
                            item.site,
                            item,
                            crawl_id=self.crawl_id,
                            listed_on=rows,
                            confirm_after=item.confirm_after,
                        )
                        self._recorded(item, result.kind)
            except (
                Exception
            ) as exc:  # one bad item must not stop the others; the crawl row counts it
                cause = unavailable(exc, self.db_path)
                if cause is not None:  # ...but a store that cannot be written stops the writer
                    raise cause from exc
                self.counts["write_errors"] += 1
                logger.exception("%s: could not store %s", self.site, item.url)
        if template:
            logger.warning(
                "%s: %s pages changed only by the same lines (the site's template changed): "
                "no edits",
                self.site,
                self.counts["template_changes"],
            )

    def _save_validators(self, site, url, etag, last_modified, links_hash=None) -> None:
        if etag or last_modified or links_hash:
            self.store.save_validators(
                site,
                url,
                etag=etag,
                last_modified=last_modified,
                links_hash=links_hash,
                crawl_id=self.crawl_id,
            )

    def _record_failure(self, item: FetchFailureItem) -> None:
        self.counts["failures"] += 1
        if self.first_failure is None:
            self.first_failure = f"{item.url}: {item.reason}"
        self.store.record_fetch_failure(
            item.site, item.url, item.reason, crawl_id=self.crawl_id, http_status=item.http_status
        )
