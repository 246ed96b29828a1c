"""The store writer: the crawl's items written to the store beside the crawl, in batches.

The crawl process (:class:`crawler.pipelines.StorePipeline`) puts items on a queue; :func:`run_writer`
takes them off in a writer process (a thread where processes cannot be started), so the store's
work — the search index, compression, commits — does not stall Scrapy's reactor. Up to
BATCH_ITEMS items, or BATCH_SECONDS of them, are one :meth:`Store.batch` (one commit), each item
still atomic inside it. The last message is a :class:`CrawlClosed`: the writer records what
waited for the crawl's end, settles the site model, closes the crawl row with the status the crawl
ended in (:func:`crawl_status`) and reports the crawl's outcome.

When the store cannot be written (disk or size cap full, I/O error, another connection holding
the lock past ``lock_wait``) the writer rolls back its batch and reports why (``failure``) instead
of going on; the crawl process then stops the crawl and closes the row as failed.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import time
from collections import Counter, defaultdict
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from storage import (
    Store,
    StoreUnavailable,
    canonical_url,
    is_locked,
    list_rows_hash,
    unavailable,
)

from .alerts import after_crawl
from .extract import EXTRACTOR_REVISION
from .extract.sitemodel import SiteModel, line_key
from .items import FetchFailureItem, ListPageItem, MissingItem, NotModifiedItem, ReleaseItem
from .reextract import extraction_options, migrate_site, rebuild_site_model, reextract

logger = logging.getLogger(__name__)

# A batch never stays open longer than BATCH_SECONDS, so readers and other writers wait little;
# it commits early once the queue is empty after BATCH_IDLE_SECONDS.
BATCH_ITEMS = 50
BATCH_SECONDS = 1.0
BATCH_IDLE_SECONDS = 0.2
# An edit that only adds or drops up to TEMPLATE_CHANGE_LINES body lines waits for the crawl's
# end; the same lines changed on TEMPLATE_CHANGE_PAGES pages and on TEMPLATE_CHANGE_SHARE of the
# known pages the crawl fetched (TEMPLATE_CHANGE_ALONE when it fetched no new release), with the
# added lines on half of its new releases, are the site's template changing. At most MAX_WAITING wait.
TEMPLATE_CHANGE_LINES = 6
TEMPLATE_CHANGE_PAGES = 3
TEMPLATE_CHANGE_SHARE = 0.5
TEMPLATE_CHANGE_ALONE = 0.8  # the share needed when the crawl found no new release to compare with
MAX_WAITING = 300
# The scraper's close reason of a crawl that ran its course. Scrapy's CLOSESPIDER_* limits close
# it with "closespider_…": a crawl cut short, like one that hit the site's max_requests.
FINISHED_REASONS = ("finished",)
CLOSESPIDER_PREFIX = "closespider_"
# The writer's counters of a page the crawl got an answer for: none of them, no page was fetched.
_FETCHED_COUNTS = ("list_pages", "new", "edited", "unchanged", "not_modified", "missing", "held")


@dataclass
class CrawlClosed:
    """The writer's last message: how the crawl ended, and the crawl process's own counters."""

    reason: str  # Scrapy's close reason: "finished", "shutdown", "store_failed"…
    stats: dict = field(default_factory=dict)  # requests, pages_fetched, responses_by_status
    walk_complete: bool = True  # every list was walked (no request cap or close-after-N cut it)
    cut_short: str | None = None  # the limit that ended the crawl before its course, in words


def crawl_status(
    reason: str,
    counts: dict,
    first_failure: str | None,
    store_failure: str | None = None,
    cut_short: str | None = None,
) -> tuple[str, str | None]:
    """The status a crawl ended in, and why when it is not ``finished``: ``cut_short`` (a limit
    ended it before its course: ``cut_short`` says which, else Scrapy's ``closespider_…``
    reason), ``interrupted`` (stopped by a signal), ``failed`` (no page could be fetched, or the
    store could not be written). Only a ``finished`` crawl vouches for what it did not see."""
    if store_failure is not None:
        return "failed", f"the store could not be written: {store_failure}"
    status, error = "finished", None
    if cut_short is None and reason.startswith(CLOSESPIDER_PREFIX):
        cut_short = f"Scrapy's {reason.upper()} reached"
    if cut_short is not None:
        status, error = "cut_short", f"crawl cut short: {cut_short}"
    elif reason not in FINISHED_REASONS:
        status, error = "interrupted", f"crawl stopped: {reason}"
    fetched = sum(counts.get(key, 0) for key in _FETCHED_COUNTS)
    if fetched == 0 and (
        status != "interrupted" or first_failure
    ):  # a Ctrl-C before any page is no outage
        return (
            "failed",
            f"site unreachable or blocking: {first_failure or 'no page could be fetched'}",
        )
    return status, error


def crawl_stats(counts: dict) -> dict:
    """The crawl row's counters the writer keeps (the crawl process adds the downloader's)."""
    counts = defaultdict(int, counts)
    return {
        "list_pages": counts["list_pages"],
        "list_links": counts["list_links"],
        "releases_seen": counts["unchanged"],
        "releases_incomplete": counts["incomplete"],
        "releases_refreshed": counts["refreshed"],
        "not_modified": counts["not_modified"],
        "errors": counts["failures"] + counts["write_errors"],
        "revisited": counts["revisited"],
    }


def crawl_outcome(store: Store, crawl_id: int) -> dict:
    """What the summary shows of a closed crawl: its row and its failed fetches."""
    return {"crawl": store.crawl(crawl_id), "failures": store.fetch_failures(crawl_id)}


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
    """The writer's loop (in a process or a thread): store items in batches until a
    :class:`CrawlClosed`, close the crawl row, then report through ``results``: the counters,
    the crawl's ``outcome`` (None when the row was not closed here) and, when the store cannot
    be written, why (``failure``)."""
    if parent_pid is not None:
        # Ctrl-C reaches the whole process group; the crawl process decides how to stop.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    options = dict(options or {})
    log = options.pop("log", None)
    if parent_pid is not None and log:
        # The writer's own lines (lock waits, the site model) look like the crawl's.
        logging.basicConfig(level=log["level"], format=log["format"], datefmt=log["datefmt"])
    if parent_pid is not None:
        _drop_write_end(items)
    writer, failure, outcome = None, None, None
    try:
        writer = StoreWriter(db_path, site, crawl_id, parent_pid=parent_pid, **options)
        closing = None
        while closing is None and not writer.orphaned():
            try:
                item = items.get(timeout=BATCH_IDLE_SECONDS)
            except queue.Empty:
                continue
            except (EOFError, OSError):
                if writer.orphaned():
                    break  # the crawl process died while it was writing an item to the queue
                raise
            closing = item if isinstance(item, CrawlClosed) else _write_batch(writer, item, items)
        if writer.orphaned():
            # The crawl process died: what is committed stays; what is still queued is not
            # written (the next crawl fetches it again), and the site model waits for a crawl
            # that ends. An orphan stops at once rather than outlive its crawl.
            logger.warning("%s: the crawl process is gone; the store writer stops", site)
        else:
            writer.finish()
            if closing is not None:
                outcome = writer.close_crawl(closing)
    except Exception as exc:
        cause = unavailable(exc, db_path)
        failure = (
            str(cause)
            if cause
            else f"{db_path}: the store writer failed: {type(exc).__name__}: {exc}"
        )
        if cause is None:
            logger.exception("%s: the store writer failed", site)
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
                "outcome": outcome,
            }
        )


def _drop_write_end(items) -> None:
    """Close this process's copy of the queue's write end. A queue handed to a process carries
    both ends of its pipe; while the writer held the write end too, an item the crawl process was
    killed in the middle of writing left the writer waiting for the rest of it for ever. With
    the crawl's end the only one, the cut item reads as the end of the pipe."""
    end = getattr(items, "_writer", None)  # multiprocessing.Queue's end of the pipe
    if end is not None:
        end.close()


def _write_batch(writer: StoreWriter, first, items) -> CrawlClosed | None:
    """Record ``first`` and what follows it on the queue as one batch (one commit); the
    :class:`CrawlClosed` when it came meanwhile. An orphaned writer commits what it recorded
    and takes no more."""
    started, written = time.monotonic(), 0
    with writer.batch():
        item = first
        while True:
            writer.record(item)
            written += 1
            age = time.monotonic() - started
            if written >= BATCH_ITEMS or age >= BATCH_SECONDS or writer.orphaned():
                return None
            if age >= BATCH_IDLE_SECONDS and items.empty():
                return None
            try:
                item = items.get(timeout=BATCH_IDLE_SECONDS)
            except (queue.Empty, EOFError, OSError):
                return None  # the end of a pipe is the loop's to judge, after the commit
            if isinstance(item, CrawlClosed):
                return item


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
        revisit: float | None = None,
        revisit_max: float | None = None,
        parent_pid: int | None = None,
    ):
        self.db_path = db_path
        self.lock_wait = lock_wait
        self.revisit, self.revisit_max = revisit, revisit_max  # the site's, for the revisit plan
        self.parent_pid = parent_pid
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
            "refreshed": 0,
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
        """A stored version re-extracted under the model and the rules this crawl extracts with."""
        if self._options is None:
            self._options = extraction_options(self.store.site_config(self.site))
        try:
            return reextract(version, self.applied, self._options)
        except Exception:
            logger.exception("%s: could not re-extract version %s", self.site, version.get("id"))
            return None

    @contextmanager
    def batch(self):
        """One batch's transaction: waits (with backoff, logged) while another connection holds
        the write lock, :class:`StoreUnavailable` once it has held it ``lock_wait`` s or once the
        crawl process is gone."""
        with ExitStack() as stack:
            try:
                stack.enter_context(
                    self.store.batch(lock_wait=self.lock_wait, on_wait=self._locked)
                )
            except StoreUnavailable as exc:
                if not is_locked(exc.__cause__):
                    raise
                raise StoreUnavailable(
                    f"{exc}: raise BULLETIN_STORE_LOCK_WAIT to wait longer"
                ) from exc.__cause__
            yield

    def orphaned(self) -> bool:
        """Whether the crawl process this writer serves is gone (a writer process re-parented)."""
        return self.parent_pid is not None and os.getppid() != self.parent_pid

    def _locked(self, waited: float) -> None:
        if self.orphaned():
            raise StoreUnavailable(f"{self.db_path}: the crawl process is gone")
        logger.warning(
            "%s: %s is locked by another connection; waited %.0f s, retrying (stops after %.0f s)",
            self.site,
            self.db_path,
            waited,
            self.lock_wait,
        )

    def close_crawl(self, closing: CrawlClosed) -> dict:
        """Close the crawl row with its counters and the status the crawl ended in; the crawl's
        outcome (its row and its failed fetches) for the summary."""
        status, error = crawl_status(
            closing.reason, self.counts, self.first_failure, cut_short=closing.cut_short
        )
        stats = {**crawl_stats(self.counts), **closing.stats}
        with self.batch():
            plan = self.store.revisit_plan(self.site, self.revisit, self.revisit_max)
            stats["revisits_next_at"] = _stamp(plan.next_due_at)
            stats["revisits_due_by"] = _stamp(plan.all_due_by)
            self.store.finish_crawl(
                self.crawl_id,
                status=status,
                error=error,
                stats=stats,
                walk_complete=closing.walk_complete,
            )
        # The new events' alert rows and the site's health (a crawl that died is caught up later).
        change = after_crawl(self.store, self.site, self.crawl_id)
        if change:
            logger.warning("%s: site is now %s: %s", self.site, change["state"], change["reason"])
        return crawl_outcome(self.store, self.crawl_id)

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
            series_end=item.series_end,
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
        if item.final_url and canonical_url(item.final_url) != canonical_url(item.url):
            # A redirect's target is the release: the rows that listed the target are its too.
            rows += self.pending_rows.pop(canonical_url(item.final_url), [])
        current = (item.model_revision, item.extractor_revision) == (
            self.applied.revision,
            EXTRACTOR_REVISION,
        )
        refresh = self._refresh if current else None
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
        self.counts["refreshed"] += result.refreshed
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
            # The validators are the answering page's: a redirect's target, not its source.
            page = item.final_url or item.url
            self._save_validators(item.site, page, item.etag, item.last_modified)

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
