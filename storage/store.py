"""The store: one SQLite file holding sites, releases, their versions, list pages, crawls and events.

Writers go through :class:`Store`; each ``record_*`` call is one transaction, so a reader never
sees half a release. The store, not the crawler, decides what is new or edited: it holds the
previous version.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from difflib import SequenceMatcher
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

import sqlite_utils

from .columns import aggregating_pages, ancestor_names, column_key
from .diff import diff_texts, render_text_diff
from .errors import NotFound, StoreError, StoreUnavailable
from .export import export as export_releases
from .feed import event_items
from .inspection import inspect_site
from .normalize import changed_fields, clean_text, content_hash
from .notices import (
    BUSY_NOTICE,
    ERROR_TITLE,
    GONE_NOTICE,
    LOGIN_NOTICE,
    MAINTENANCE_NOTICE,
    WITHDRAWN_NOTICE,
)
from .outbox import Outbox
from .schema import migrations
from .search import forget_cached_state, index_rows, rebuild_index, unindex_version
from .search import search as search_releases
from .transaction import PendingIndex, Transaction, is_locked, unavailable  # noqa: F401
from .urls import canonical_url, names_day

# The library's defaults of two site settings (sites.toml writes them as "30d" and "1h").
DEFAULT_REVISIT_MAX = 30 * 86400.0  # seconds; a site's revisit_max
DEFAULT_REMOVAL_CONFIRM_AFTER = 3600.0  # seconds; a site's removal_confirm_after
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class FetchedRelease:
    """What a crawl saw of one article page: the response and the extracted fields.

    :meth:`Store.record_release` only reads these attributes: a crawler hands over its own
    record of the page (the crawler's ``ReleaseItem``, whose fields are the extractor's) as it is.
    """

    url: str
    title: str | None = None
    source: str | None = None
    published_at: str | None = None
    published_at_meta: str | None = None
    title_variant: str | None = None  # the <title>/<meta> spelling beside the visible heading
    body: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    column: str | None = None
    attachments: list[dict] = field(default_factory=list)
    final_url: str | None = None
    http_status: int | None = 200
    headers: dict[str, str] = field(default_factory=dict)
    raw_body: bytes | None = None
    encoding: str | None = None
    model_revision: int | None = None  # the site model revision the fields were extracted with
    # The extraction rules' revision (crawler.extract.EXTRACTOR_REVISION; None: not kept).
    extractor_revision: int | None = None


@dataclass
class RecordResult:
    """What recording a release did: ``new``, ``edited`` or ``unchanged`` (urlwatch's words)."""

    kind: str
    release_id: int
    version_id: int | None
    changed_fields: list[str] = field(default_factory=list)
    restored: bool = False
    # The stored version was re-extracted under the fetch's site model and extraction rules
    # before the comparison (an upgrade of the rules: a migration, no event).
    refreshed: bool = False


@dataclass
class RevisitPlan:
    """What :meth:`Store.revisit_plan` decided: the URLs to re-check now, the live releases
    counted, when the next of the others falls due, and by when every other one will have been
    re-checked (``revisit_max`` after its last check at the latest)."""

    due: list[str]
    live: int
    next_due_at: datetime | None
    all_due_by: datetime | None


@dataclass
class ListPageResult:
    """What recording a list page found: which of its links are releases the store knows."""

    list_page_id: int
    known: list[str]
    unknown: list[str]
    deferred: list[str] = field(default_factory=list)


class Store:
    """A bulletin-monitor database.

    ``Store(path)`` opens (creating and migrating when needed) the SQLite file at ``path`` in
    WAL mode, so archivists can read while a crawl writes. ``store.outbox`` is its alert outbox
    (:class:`storage.outbox.Outbox`). ``db``, the sqlite-utils handle, is the library's own.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        clock: Callable[[], datetime] = utc_now,
        busy_timeout_ms: int = 30_000,
        max_bytes: int | None = None,
    ):
        """``max_bytes``: a size cap for this connection's writes (SQLite's ``max_page_count``);
        past it a write fails as on a full disk (:class:`StoreUnavailable` from :func:`unavailable`)."""
        self.path = Path(path)
        self.clock = clock
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                str(self.path), timeout=busy_timeout_ms / 1000, isolation_level=None
            )
            self.db = sqlite_utils.Database(conn)
            self.db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(self.db)
            if max_bytes:
                page_size = self.db.execute("PRAGMA page_size").fetchone()[0]
                self.db.execute(f"PRAGMA max_page_count = {max(1, int(max_bytes) // page_size)}")
            self._pending = PendingIndex()
            self.outbox = Outbox(self.db)
            self._overviews: dict[str, set[str]] = {}
        except (sqlite3.Error, OSError) as exc:
            kind = StoreUnavailable if unavailable(exc, self.path) else StoreError
            raise kind(f"{self.path}: cannot open database: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _now(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="seconds")

    def _transaction(self) -> Transaction:
        return Transaction(self.db.conn, self._pending, on_rollback=self._rolled_back)

    def batch(
        self, *, lock_wait: float = 0.0, on_wait: Callable[[float], None] | None = None
    ) -> Transaction:
        """A context manager grouping many ``record_*`` calls into one commit (a writer's batch).

        Each call inside it stays atomic on its own (a savepoint): one that raises leaves nothing
        and the batch goes on; an error leaving the ``with`` block rolls the whole batch back.
        While another connection holds the write lock, BEGIN is retried with backoff for
        ``lock_wait`` seconds, calling ``on_wait(seconds_waited)`` before each pause (it may
        raise to stop); past it, :class:`StoreUnavailable`.
        """
        return Transaction(
            self.db.conn,
            self._pending,
            on_rollback=self._rolled_back,
            lock_wait=lock_wait,
            on_wait=on_wait,
            path=self.path,
        )

    def _rolled_back(self) -> None:
        forget_cached_state(self.db)
        self._overviews.clear()

    # Sites -----------------------------------------------------------------------------------

    def ensure_site(
        self, name: str, *, title: str | None = None, config: dict | None = None
    ) -> None:
        """Create or update the row of site ``name``."""
        now = self._now()
        with self._transaction():
            self.db.execute(
                """INSERT INTO sites (name, title, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(name) DO UPDATE SET title = excluded.title, config = excluded.config,
                   updated_at = excluded.updated_at""",
                [name, title or name, json.dumps(config or {}, ensure_ascii=False), now, now],
            )

    def site_config(self, name: str) -> dict | None:
        """The config a site was last crawled with (``sites.config``), or None for an unknown site."""
        row = self.db.execute("SELECT config FROM sites WHERE name = ?", [name]).fetchone()
        return json.loads(row[0] or "{}") if row else None

    def sites(self) -> list[dict]:
        """Every site with its release count, its last crawl and the configuration it was last
        crawled with (``config``, a dict)."""
        rows = list(
            self.db.query(
                """SELECT s.name, s.title, s.config,
                      (SELECT count(*) FROM releases r WHERE r.site = s.name) AS releases,
                      c.id AS last_crawl_id, c.started_at AS last_crawl_at, c.status AS last_crawl_status
               FROM sites s
               LEFT JOIN crawls c ON c.id = (SELECT max(id) FROM crawls WHERE site = s.name)
               ORDER BY s.name"""
            )
        )
        for row in rows:
            try:
                row["config"] = json.loads(row["config"] or "{}")
            except ValueError:
                row["config"] = {}
        return rows

    # Crawls ----------------------------------------------------------------------------------

    def start_crawl(self, site: str) -> int:
        """Open a crawl row. A site's first crawl is its baseline.

        A row still ``running`` belongs to a process that died without closing it (callers hold
        the site's crawl lock): it is marked ``interrupted``.
        """
        with self._transaction():
            self.db.execute(
                """UPDATE crawls SET status = 'interrupted', finished_at = ?,
                   error = 'the crawl process ended without closing the crawl'
                   WHERE site = ? AND status = 'running'""",
                [self._now(), site],
            )
            # A crawl cut short by a limit ran all the same: the baseline is behind (a site
            # whose every crawl hits max_requests must not stay a baseline for good).
            previous = self.db.execute(
                "SELECT count(*) FROM crawls WHERE site = ? AND status IN ('finished', 'cut_short')",
                [site],
            ).fetchone()[0]
            cursor = self.db.execute(
                "INSERT INTO crawls (site, started_at, status, baseline) VALUES (?, ?, 'running', ?)",
                [site, self._now(), 0 if previous else 1],
            )
            return cursor.lastrowid

    def finish_crawl(
        self,
        crawl_id: int,
        *,
        status: str = "finished",
        stats: dict | None = None,
        error: str | None = None,
        walk_complete: bool = True,
    ) -> None:
        """Close a crawl row with its final status, counters and error message.

        A ``finished`` crawl whose walk was complete (``walk_complete``: nothing cut by a request
        cap) confirms the list rows it saw: later crawls may stop walking a list at them.
        """
        stats = dict(stats or {})
        by_status = stats.pop("responses_by_status", None)
        columns = {
            key: stats[key]
            for key in (
                "requests",
                "pages_fetched",
                "list_pages",
                "list_links",
                "releases_seen",
                "releases_incomplete",
                "releases_refreshed",
                "not_modified",
                "errors",
                "note",
                "revisited",
                "revisits_next_at",
                "revisits_due_by",
            )
            if key in stats
        }
        with self._transaction():
            counts = self.db.execute(
                """SELECT sum(kind = 'new'), sum(kind = 'edited'), sum(kind = 'removed')
                   FROM events WHERE crawl_id = ?""",
                [crawl_id],
            ).fetchone()
            assignments = {
                "finished_at": self._now(),
                "status": status,
                "error": error,
                "releases_new": counts[0] or 0,
                "releases_edited": counts[1] or 0,
                "releases_removed": counts[2] or 0,
                **columns,
            }
            if by_status is not None:
                assignments["responses_by_status"] = json.dumps(by_status, sort_keys=True)
            sets = ", ".join(f"{key} = ?" for key in assignments)
            self.db.execute(
                f"UPDATE crawls SET {sets} WHERE id = ?", [*assignments.values(), crawl_id]
            )
            site = self.db.execute("SELECT site FROM crawls WHERE id = ?", [crawl_id]).fetchone()
            if site is not None:
                self._learn_overviews(site[0], self._aggregating_pages(site[0]))
            if status == "finished" and walk_complete:
                self.db.execute(
                    "UPDATE list_entries SET confirmed = 1 WHERE crawl_id = ? AND confirmed = 0",
                    [crawl_id],
                )

    def record_skipped_crawl(
        self, site: str, *, note: str, requests: int = 0, responses_by_status: dict | None = None
    ) -> int:
        """A scheduled run that only probed the site and found nothing to crawl."""
        now = self._now()
        with self._transaction():
            cursor = self.db.execute(
                """INSERT INTO crawls (site, started_at, finished_at, status, requests, pages_fetched,
                     responses_by_status, note) VALUES (?, ?, ?, 'skipped', ?, ?, ?, ?)""",
                [
                    site,
                    now,
                    now,
                    requests,
                    requests,
                    json.dumps(responses_by_status or {}, sort_keys=True),
                    note,
                ],
            )
            return cursor.lastrowid

    def crawl(self, crawl_id: int) -> dict:
        row = self.db.execute("SELECT * FROM crawls WHERE id = ?", [crawl_id]).fetchone()
        if row is None:
            raise NotFound(f"no crawl {crawl_id}")
        keys = [d[0] for d in self.db.execute("SELECT * FROM crawls LIMIT 0").description]
        result = dict(zip(keys, row))
        result["responses_by_status"] = json.loads(result["responses_by_status"] or "{}")
        result["releases_restored"] = self.db.execute(
            "SELECT count(*) FROM events WHERE crawl_id = ? AND kind = 'restored'", [crawl_id]
        ).fetchone()[0]
        result["releases_moved"] = self.db.execute(
            "SELECT count(*) FROM release_aliases WHERE crawl_id = ? AND moved", [crawl_id]
        ).fetchone()[0]
        result["releases_missing"] = self.db.execute(
            "SELECT count(DISTINCT url) FROM fetch_failures WHERE crawl_id = ? AND missing",
            [crawl_id],
        ).fetchone()[0]
        return result

    def crawls(self, site: str | None = None, limit: int = 20) -> list[dict]:
        where, params = ("WHERE site = ?", [site]) if site else ("", [])
        return list(
            self.db.query(
                f"SELECT * FROM crawls {where} ORDER BY id DESC LIMIT ?", [*params, limit]
            )
        )

    # List pages ------------------------------------------------------------------------------

    def record_list_page(
        self,
        site: str,
        url: str,
        links: Iterable[dict],
        *,
        crawl_id: int | None = None,
        column: str | None = None,
        breadcrumb: list[str] | None = None,
        http_status: int | None = 200,
        series_url: str | None = None,
        defer: Iterable[str] = (),
        series_end: bool | None = None,
    ) -> ListPageResult:
        """Record a list page and the releases it lists.

        ``links`` are dicts with ``url``, ``title``, ``date`` and ``pinned``. Rows of releases the
        store does not know yet are kept once the release is recorded (:meth:`record_release`
        with ``listed_on``); so are the rows of ``defer``, known releases the crawl refetches
        because their row changed: list state never runs ahead of the releases it lists, so a
        crash between the list page and the article leaves the row still looking changed.
        ``series_url`` is the first page of the list walk this page belongs to; ``series_end``
        says whether the walk ended here (see :meth:`series_due_full_walk`).
        The result tells the crawler which links are known, unknown and deferred.
        """
        now = self._now()
        page_url = canonical_url(url)
        links = list(links)
        deferred_urls = {canonical_url(u) for u in defer}
        with self._transaction():
            self.db.execute(
                """INSERT INTO list_pages (site, url, column_name, breadcrumb, first_seen_at, last_crawled_at, last_status,
                     link_count, series_url, series_end)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(url) DO UPDATE SET column_name = coalesce(excluded.column_name, column_name),
                     breadcrumb = excluded.breadcrumb, last_crawled_at = excluded.last_crawled_at,
                     last_status = excluded.last_status, link_count = excluded.link_count,
                     series_url = coalesce(excluded.series_url, series_url),
                     series_end = coalesce(excluded.series_end, series_end)""",
                [
                    site,
                    page_url,
                    column,
                    json.dumps(breadcrumb or [], ensure_ascii=False),
                    now,
                    now,
                    http_status,
                    len(links),
                    canonical_url(series_url) if series_url else None,
                    None if series_end is None else int(series_end),
                ],
            )
            page_id = self.db.execute(
                "SELECT id FROM list_pages WHERE url = ?", [page_url]
            ).fetchone()[0]
            self._note_breadcrumb(site, breadcrumb or [], column)
            known, unknown, deferred = [], [], []
            for position, link in enumerate(links):
                row = self.db.execute(
                    "SELECT id FROM releases WHERE url = ?", [self._resolved(link["url"])]
                ).fetchone()
                if row is None:
                    unknown.append(link["url"])
                    continue
                known.append(link["url"])
                if canonical_url(link["url"]) in deferred_urls:
                    deferred.append(link["url"])
                else:
                    self._upsert_list_entry(page_id, row[0], position, link, now, crawl_id)
                self.db.execute("UPDATE releases SET last_seen_at = ? WHERE id = ?", [now, row[0]])
                if column:
                    self._add_column(site, row[0], column, page_url, now)
        return ListPageResult(page_id, known, unknown, deferred)

    def _upsert_list_entry(
        self,
        page_id: int,
        release_id: int,
        position: int,
        link: dict,
        now: str,
        crawl_id: int | None,
    ) -> None:
        self.db.execute(
            """INSERT INTO list_entries (list_page_id, release_id, position, title, date, pinned, first_seen_at,
                 last_seen_at, crawl_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(list_page_id, release_id) DO UPDATE SET position = excluded.position,
                 title = excluded.title, date = excluded.date, pinned = excluded.pinned,
                 last_seen_at = excluded.last_seen_at, crawl_id = excluded.crawl_id""",
            [
                page_id,
                release_id,
                position,
                link.get("title"),
                link.get("date"),
                int(bool(link.get("pinned"))),
                now,
                now,
                crawl_id,
            ],
        )

    def _attach_list_rows(
        self, site: str, release_id: int, listed_on: Iterable[dict], now: str, crawl_id: int | None
    ) -> None:
        for entry in listed_on:
            list_url = canonical_url(entry["list_page_url"])
            page = self.db.execute("SELECT id FROM list_pages WHERE url = ?", [list_url]).fetchone()
            if page is not None:
                self._upsert_list_entry(
                    page[0], release_id, entry.get("position", 0), entry, now, crawl_id
                )
            if entry.get("column"):
                self._add_column(site, release_id, entry["column"], list_url, now)

    def _add_column(
        self, site: str, release_id: int, column: str, list_page_url: str | None, now: str
    ) -> None:
        """Record that the release is in ``column`` — once per column however it is spelt (a
        breadcrumb's 學習貫徹 is the list's 学习贯彻: :func:`storage.normalize.fold`), the list
        page's spelling winning, and never for an overview page (:meth:`_overview_names`)."""
        key = column_key(column)
        if not key or key in self._overview_names(site):
            return
        for name, listed_at in self.db.execute(
            "SELECT column_name, list_page_url FROM release_columns WHERE release_id = ?",
            [release_id],
        ).fetchall():
            if column_key(name) != key:
                continue
            if listed_at is None and list_page_url is not None and name != column:
                self.db.execute(
                    """UPDATE release_columns SET column_name = ?, list_page_url = ?
                       WHERE release_id = ? AND column_name = ?""",
                    [column, list_page_url, release_id, name],
                )
            elif listed_at is None and list_page_url is not None:
                self.db.execute(
                    "UPDATE release_columns SET list_page_url = ? WHERE release_id = ? AND column_name = ?",
                    [list_page_url, release_id, name],
                )
            return
        self.db.execute(
            """INSERT OR IGNORE INTO release_columns (release_id, column_name, list_page_url, first_seen_at)
               VALUES (?, ?, ?, ?)""",
            [release_id, column, list_page_url, now],
        )

    def _overview_names(self, site: str) -> set[str]:
        """Folded names of the site's overview pages. A section's landing page (新闻中心) lists a
        few rows of each of its columns; it is not a column of those releases. Two structural
        cues tell one: it comes before another column in a breadcrumb (首页 > 新闻中心 >
        要闻动态), or its rows are other columns' releases (:meth:`_aggregating_pages`)."""
        names = self._overviews.get(site)
        if names is None:
            names = set()
            for crumbs, column in self.db.execute(
                "SELECT breadcrumb, column_name FROM list_pages WHERE site = ?", [site]
            ).fetchall():
                names |= ancestor_names(json.loads(crumbs or "[]"), column)
            names |= self._aggregating_pages(site)
            self._overviews[site] = names
        return names

    def _aggregating_pages(self, site: str) -> set[str]:
        return aggregating_pages(self.db, site)

    def _note_breadcrumb(self, site: str, crumbs: list[str], column: str | None) -> None:
        """Learn overview pages from a page's breadcrumb (:meth:`_overview_names`)."""
        self._learn_overviews(site, ancestor_names(crumbs, column))

    def _learn_overviews(self, site: str, names: set[str]) -> None:
        """Add overview pages; a newly learnt one loses the column rows recorded before it was known."""
        known = self._overview_names(site)
        new = names - known
        if not new:
            return
        known |= new
        spellings = [
            name
            for (name,) in self.db.execute("SELECT DISTINCT column_name FROM release_columns")
            if column_key(name) in new
        ]
        if spellings:
            marks = ", ".join("?" * len(spellings))
            self.db.execute(
                f"""DELETE FROM release_columns WHERE column_name IN ({marks})
                    AND release_id IN (SELECT id FROM releases WHERE site = ?)""",
                [*spellings, site],
            )

    # Releases --------------------------------------------------------------------------------

    def record_release(
        self,
        site: str,
        fetched: FetchedRelease,
        *,
        crawl_id: int | None = None,
        listed_on: Iterable[dict] = (),
        refresh: Callable[[dict], dict | None] | None = None,
        confirm_after: float = DEFAULT_REMOVAL_CONFIRM_AFTER,
        wait: Callable[[dict, dict, list[str]], bool] | None = None,
    ) -> RecordResult:
        """Store what a crawl saw of one article; returns whether it was new, edited or unchanged
        (or ``held``, below).

        ``listed_on`` holds the list rows that led to the article: dicts with ``list_page_url``,
        ``column``, ``position``, ``title``, ``date`` and ``pinned``. A new version is written only
        when the normalised content differs from the current version.

        ``refresh(version)`` re-extracts a stored version (a :meth:`stale_versions`-style row) under
        the site model and extraction rules ``fetched`` was extracted with; it is called when the
        current version differs and came from another model or extractor revision, so that neither
        a model change nor an upgrade of the rules is ever an edit: the version's fields are
        replaced in place (:meth:`reextract_version`) before the comparison. A fetch equal to it
        is that re-extraction already and replaces them without a parse.

        A body that collapsed (less than a quarter of the current one) is held, not versioned,
        like a miss: a portlet that failed to render or a CMS republishing its pages serves the
        site's frame without its content for a while. Collapsed content becomes a version only
        when the page is still collapsed at least ``confirm_after`` seconds (the site's
        ``removal_confirm_after``) after the collapse was first seen; content that is not
        collapsed clears the hold.

        ``wait(previous fields, new fields, changed)`` may make an edit of a live release wait:
        nothing is written and the result's kind is ``"waiting"`` (the caller records it later, or
        marks it seen with :meth:`touch_release` when the change was the site's template).
        """
        now = self._now()
        url = canonical_url(fetched.url)
        fields = {
            "title": fetched.title,
            "source": fetched.source,
            "published_at": fetched.published_at,
            "body": fetched.body,
            "attachments": fetched.attachments,
        }
        digest = content_hash(fields)
        with self._transaction():
            url, alias = self._identity(url, fetched, fields)
            existing = self.db.execute(
                "SELECT id, current_version_id, status, held_since FROM releases WHERE url = ?",
                [url],
            ).fetchone()
            if existing is None:
                result = self._record_new(site, url, fetched, digest, crawl_id, now)
            else:
                result, finished = self._record_known(
                    site, url, existing, fetched, fields, digest, crawl_id=crawl_id, now=now,
                    refresh=refresh, confirm_after=confirm_after, wait=wait,
                )  # fmt: skip
            if alias is not None:
                self._add_alias(site, *alias, result.release_id, crawl_id, now)
            if existing is not None and finished:
                return result
            if result.kind not in ("unchanged", "held"):
                self.db.execute(
                    "UPDATE releases SET current_version_id = ? WHERE id = ?",
                    [result.version_id, result.release_id],
                )
            self._note_breadcrumb(site, fetched.breadcrumb or [], fetched.column)
            if fetched.column:
                self._add_column(site, result.release_id, fetched.column, None, now)
            self._attach_list_rows(site, result.release_id, listed_on, now, crawl_id)
        return result

    def _resolved(self, url: str) -> str:
        """The canonical URL of the release ``url`` reaches: its own, or for an alias (a
        redirect's source, a release's address before it moved) the release's."""
        key = canonical_url(url)
        row = self.db.execute(
            """SELECT r.url FROM release_aliases a JOIN releases r ON r.id = a.release_id
               WHERE a.url = ?""",
            [key],
        ).fetchone()
        return row[0] if row else key

    def _identity(
        self, url: str, fetched: FetchedRelease, fields: dict
    ) -> tuple[str, tuple | None]:
        """The release URL a fetch of ``url`` is recorded under, and the alias it adds
        (``(alias URL, moved)``) or None.

        A fetch redirected to another page (301/302, a meta refresh) is that page's: the target is
        the release and ``url`` an alias of it, so a listed URL redirecting to another listed URL
        is one release. A release whose own URL now redirects to a page the store does not know
        has moved: it takes the new URL and keeps its history, the old one becomes an alias
        (``moved``) — unless the page it is sent to is another one (another title and none of its
        lines). When both are releases already (the new address was recorded first, or both were
        stored before aliases were kept), the fetch is the target's, and the release at ``url``
        is merged into it (:meth:`_merge`) unless it is another page."""
        target = canonical_url(fetched.final_url) if fetched.final_url else url
        if target == url:
            return self._resolved(url), None
        at_target = self._resolved(target)
        own = self._release_at(url)
        if self._release_at(at_target) is not None:
            if own is None:
                return at_target, (url, False)
            if own != self._release_at(at_target) and not self._sent_elsewhere(own, fields):
                self._merge(own, self._release_at(at_target))
                return at_target, (url, True)
            return at_target, None
        if own is not None:
            if self._sent_elsewhere(own, fields):
                # Sent to another page (a column's list, a notice that replaces it): not a move;
                # judged as any response in the page's place.
                return url, None
            self.db.execute("UPDATE releases SET url = ? WHERE id = ?", [target, own])
            return target, (url, True)
        return target, (url, False)

    def _sent_elsewhere(self, release_id: int, fields: dict) -> bool:
        """Whether the page a release's URL now leads to (``fields``) is another page than it."""
        current = self.db.execute(
            """SELECT v.title, v.body FROM releases r JOIN versions v ON v.id = r.current_version_id
               WHERE r.id = ?""",
            [release_id],
        ).fetchone()
        return current is not None and _foreign({"title": current[0], "body": current[1]}, fields)

    def _merge(self, absorbed: int, into: int) -> None:
        """Make release ``absorbed`` part of ``into``: its status ``merged``, ``merged_into`` set,
        its URL an alias of ``into`` (the caller adds it). Nothing is moved or deleted: its
        versions and events stay under its id as they were recorded (``bulletin history ID``),
        and no crawl fetches, revisits or removes it again (its URL resolves to ``into``)."""
        self.db.execute(
            """UPDATE releases SET status = 'merged', merged_into = ?, missing_count = 0,
                 missing_since = NULL, held_since = NULL WHERE id = ?""",
            [into, absorbed],
        )
        self.db.execute(
            "UPDATE release_aliases SET release_id = ? WHERE release_id = ?", [into, absorbed]
        )

    def _release_at(self, url: str) -> int | None:
        row = self.db.execute("SELECT id FROM releases WHERE url = ?", [url]).fetchone()
        return row[0] if row else None

    def _add_alias(self, site, url, moved, release_id, crawl_id, now) -> None:
        self.db.execute(
            """INSERT INTO release_aliases (url, release_id, site, moved, first_seen_at, last_seen_at, crawl_id)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(url) DO UPDATE SET last_seen_at = excluded.last_seen_at,
                 moved = CASE WHEN release_id = excluded.release_id THEN moved ELSE excluded.moved END,
                 crawl_id = CASE WHEN release_id = excluded.release_id THEN crawl_id
                                 ELSE excluded.crawl_id END,
                 release_id = excluded.release_id""",
            [url, release_id, site, int(moved), now, now, crawl_id],
        )

    def aliases(self, site: str) -> dict[str, str]:
        """The aliases of ``site``'s releases: alias URL → the release's own canonical URL."""
        return dict(
            self.db.execute(
                """SELECT a.url, r.url FROM release_aliases a JOIN releases r ON r.id = a.release_id
                   WHERE a.site = ?""",
                [site],
            ).fetchall()
        )

    def release_aliases(self, url_or_id: str | int) -> list[dict]:
        """The other URLs that reach a release (``moved``: its own URL before it moved)."""
        return list(
            self.db.query(
                """SELECT url, moved, first_seen_at, last_seen_at, crawl_id FROM release_aliases
                   WHERE release_id = ? ORDER BY first_seen_at, url""",
                [self.release_id(url_or_id)],
            )
        )

    def _record_new(self, site, url, fetched, digest, crawl_id, now) -> RecordResult:
        cursor = self.db.execute(
            """INSERT INTO releases (site, url, status, first_seen_at, last_seen_at, last_fetched_at, last_checked_at)
               VALUES (?, ?, 'live', ?, ?, ?, ?)""",
            [site, url, now, now, now, now],
        )
        release_id = cursor.lastrowid
        version_id = self._insert_version(
            site, release_id, 1, url, fetched, digest, [], crawl_id, now
        )
        baseline = self._crawl_baseline(crawl_id)
        self._insert_event("new", site, release_id, version_id, crawl_id, now, baseline, [])
        return RecordResult("new", release_id, version_id, [])

    def _record_known(
        self,
        site,
        url,
        existing,
        fetched,
        fields,
        digest,
        *,
        crawl_id,
        now,
        refresh,
        confirm_after,
        wait,
    ) -> tuple[RecordResult, bool]:
        """:meth:`record_release` for a release the store has: the result, and True when nothing
        more is to be written for it (a response that says the page is gone, an edit that waits)."""
        release_id, current_id, status, held_since = existing
        current = self._version_row(current_id) if current_id else None
        restored = False
        if status == "removed":
            if self._notice_at_removed(site, url, current, fields, fetched, crawl_id):
                return RecordResult("held", release_id, current_id, []), True
            restored = True
            self._insert_event("restored", site, release_id, None, crawl_id, now, 0, [])
        refreshed = False
        if refresh is not None and current is not None:
            stale = _revisions(current) != _revisions(fetched)
            current = self._like_with_like(current, fetched, digest, refresh)
            refreshed = stale and self._stored_revisions(current_id) == _revisions(fetched)
        if current is not None:
            current = _as_presented(current, fetched)
        foreign, cut, hold, withdrawn = self._response_verdict(
            site, current, status, held_since, fields, fetched, digest, now, confirm_after
        )
        stale = (
            self._stale_copy(release_id, current, fetched, fields, digest)
            if current is not None and current["content_hash"] != digest and not hold
            else None
        )
        if stale is not None and not stale[1]:
            if _held_long_enough(held_since, now, confirm_after):
                stale = None  # dated old, and still served: the page was put back
            else:
                held_since = held_since or now
                stale = (
                    f"{stale[0]}: held until still served {confirm_after:g} s after {held_since}",
                    False,
                )
        if current is not None and current["content_hash"] == digest:
            version_id, kind, changed = current_id, "unchanged", []
        elif current is not None and not changed_fields(_version_fields(current), fields):
            # Equal once normalised as today: the stored hash came from older rules.
            if current.get("drawn_now"):
                self._present(current_id, fetched, fields, digest)
            else:
                self.db.execute(
                    "UPDATE versions SET content_hash = ? WHERE id = ?", [digest, current_id]
                )
            version_id, kind, changed = current_id, "unchanged", []
        elif (
            not hold
            and current is not None
            and _template_dropped_a_field(current, fields, fetched.raw_body)
        ):
            # A redesign that stopped (or started) printing the source or the date around the
            # same title, text and attachments: presentation, not an edit. The stored version
            # stays, and the page as the new template draws it is kept beside it: later fetches
            # compare with that (an unchanged one by its hash), so the first real edit under
            # the new template says what it changed, and only that.
            self._present(current_id, fetched, fields, digest)
            version_id, kind, changed = current_id, "unchanged", []
        elif stale is not None:
            # An earlier version served again by a cache or a lagging replica: not news.
            version_id, kind, changed = current_id, "held", []
            self.record_fetch_failure(
                site, url, stale[0], crawl_id=crawl_id, http_status=fetched.http_status
            )
        elif not cut and ((foreign is not None and _says_gone(fields)) or withdrawn):
            # Another page that says this one is gone (a soft 404, 该信息已撤销 in the
            # site's chrome), or the page's own template around such a notice where its text
            # stood: a miss, confirmed like a 404 once removal_confirm_after passed.
            self.record_missing(
                site,
                url,
                f"the page says it is gone ({_shown_title(fetched.title)}: "
                f"{' '.join((fetched.body or '').split())[:60]})",
                crawl_id=crawl_id,
                http_status=fetched.http_status,
                confirm_after=confirm_after,
            )
            return RecordResult("held", release_id, current_id, [], restored, refreshed), True
        elif hold:
            version_id, kind, changed = current_id, "held", []
            held_since = self._record_hold(
                site,
                url,
                fetched,
                current,
                held_since,
                now,
                confirm_after,
                cut=cut,
                foreign=foreign,
                crawl_id=crawl_id,
            )
        else:
            previous = _version_fields(current) if current else {}
            changed = changed_fields(previous, fields)
            if (
                wait is not None
                and current is not None
                and not restored
                and wait(previous, fields, changed)
            ):
                return (
                    RecordResult("waiting", release_id, current_id, changed, False, refreshed),
                    True,
                )
            seq = (current["seq"] + 1) if current else 1
            version_id = self._insert_edit(
                site,
                release_id,
                seq,
                url,
                fetched,
                digest,
                previous,
                fields,
                changed,
                crawl_id,
                now,
            )
            kind = "edited"
        # A held response is not the page: the release was not checked, and stays due (a
        # maintenance day must not push its check, and the edit after it, a whole interval on).
        self.db.execute(
            """UPDATE releases SET last_seen_at = ?, last_fetched_at = ?,
               last_checked_at = CASE WHEN ? THEN last_checked_at ELSE ? END, status = 'live',
               missing_count = 0, missing_since = NULL, removed_at = NULL, held_since = ? WHERE id = ?""",
            [now, now, int(kind == "held"), now, held_since if hold or stale else None, release_id],
        )
        return RecordResult(kind, release_id, version_id, changed, restored, refreshed), False

    def _notice_at_removed(self, site, url, current, fields, fetched, crawl_id) -> bool:
        """Whether a removed release's address answered with a notice its stored version is not
        — a maintenance, busy, error or login notice, or one saying the page is gone, drawn in the
        site's chrome: the release is not back (no restore, no edit), the fetch failed or missed."""
        stored = _version_fields(current) if current else {}
        shown = f"{_shown_title(fetched.title)}: {' '.join((fetched.body or '').split())[:60]}"
        if (_says_gone(fields) and not _says_gone(stored)) or (
            _says_withdrawn(fields) and not _says_withdrawn(stored)
        ):
            self.record_missing(
                site,
                url,
                f"the page says it is gone ({shown})",
                crawl_id=crawl_id,
                http_status=fetched.http_status,
            )
            return True
        if _says_down(fields) and not _says_down(stored):
            self.record_fetch_failure(
                site,
                url,
                f"not the page: a notice in the site's chrome ({shown}) answered at the address "
                "of a removed release",
                crawl_id=crawl_id,
                http_status=fetched.http_status,
            )
            return True
        return False

    def _present(self, version_id: int, fetched: FetchedRelease, fields: dict, digest: str) -> None:
        """Keep how the page's present template draws version ``version_id`` (:func:`_as_presented`)."""
        presented = {**fields, "content_hash": digest, "revisions": _revisions(fetched)}
        raw = fetched.raw_body
        self.db.execute(
            "UPDATE versions SET presented = ?, presented_raw = ? WHERE id = ?",
            [
                json.dumps(presented, ensure_ascii=False),
                zlib.compress(raw, 6) if raw is not None else None,
                version_id,
            ],
        )

    def _crawl_baseline(self, crawl_id: int | None) -> int:
        """1 when crawl ``crawl_id`` is the site's baseline (its events say what was there, not news)."""
        if crawl_id is None:
            return 0
        row = self.db.execute("SELECT baseline FROM crawls WHERE id = ?", [crawl_id]).fetchone()
        return row[0] if row else 0

    def _stored_revisions(self, version_id: int) -> dict:
        row = self.db.execute(
            "SELECT model_revision, extractor_revision FROM versions WHERE id = ?", [version_id]
        ).fetchone()
        return {"model_revision": row[0], "extractor_revision": row[1]}

    def _like_with_like(self, current: dict, fetched: FetchedRelease, digest: str, refresh) -> dict:
        """The current version as the fetch's site model and extraction rules read it.

        A version extracted under another model or older rules is re-read first (or, when its
        content equals the fetch, stamped with the fetch's reading without a parse)."""
        if _revisions(current) == _revisions(fetched):
            return current
        if current["content_hash"] == digest:
            self.reextract_version(current["id"], _fetched_fields(fetched), **_revisions(fetched))
            return current
        if current["raw_body"] is not None:
            return self._refreshed(current, refresh, _revisions(fetched))
        return current

    def _response_verdict(
        self, site, current, status, held_since, fields, fetched, digest, now, confirm_after
    ) -> tuple[bool, bool, bool, bool]:
        """``(foreign, cut, hold, withdrawn)``: is the response another page in this one's
        place (None when not; else what page, or "" for a notice, a check or an error page), a
        response cut short, is it held rather than versioned, and is it the page's own template
        saying the page was withdrawn where its text stood."""
        live = current is not None and status != "removed"
        collapsed = live and (
            _collapsed(current["body"], fetched.body) or _rows_gone(current["body"], fetched.body)
        )
        # A collapsed response with another title and none of the page's lines is another
        # page in its place (a maintenance notice, a bot check, a script-only challenge,
        # an error page): never a version, however long it is served.
        # A page that is short to begin with cannot collapse (an alerts page saying "no alerts
        # at this time"); another page in its place that says the page is gone (a soft 404 in
        # the site's chrome) is a miss all the same, however long it is next to it.
        stored = _version_fields(current) if live else {}
        says_gone = live and _says_gone(fields) and not _says_gone(stored)
        # Nor can it collapse under a maintenance, busy or error notice drawn in the site's
        # chrome (its title or heading says what it is): another page in its place all the same.
        names_down = live and _says_down(fields) and not _says_down(stored)
        says_down = names_down and not collapsed
        # A collapse to such a notice is one even under the page's own title: a template that
        # writes the article's metadata into every page it serves gives its notices that title.
        foreign = (collapsed and names_down) or (
            (collapsed or says_gone or says_down)
            and _foreign(current, fields, fetched.breadcrumb or ())
        )
        foreign = ("" if foreign else None) if isinstance(foreign, bool) else foreign
        if live and foreign is None:
            # Another article whole in this one's place (a cache keyed wrong, a CMS that
            # published one page's content under another's address): not collapsed, but
            # another title, another date, next to nothing of the text — never a version.
            foreign = self._another_article(site, current, fields, fetched, digest)
        hold = (
            (says_down and foreign is not None)
            or (
                collapsed
                and (foreign is not None or not _held_long_enough(held_since, now, confirm_after))
            )
            or bool(foreign)
        )
        # A body that stops where its HTML does, while the stored page's HTML ended, is a
        # response cut short that no Content-Length gave away: never a version.
        cut = live and current["content_hash"] != digest and _cut_short(current, fetched)
        # The article's template kept (its title, breadcrumb, even its heading) around a notice
        # that the page itself is gone, where the text stood: the text collapsed to it, or a
        # short text was replaced by it line for line. A notice above the kept text (本文件已失效)
        # is an edit.
        withdrawn = (
            live
            and _says_withdrawn(fields)
            and not _says_withdrawn(stored)
            and (
                collapsed
                or (
                    len((fields.get("body") or "").strip()) < _COLLAPSE_FROM
                    and _shares_no_line(current, fields, fetched.breadcrumb or ())
                )
            )
        )
        return foreign, cut, hold or cut, withdrawn

    def _another_article(self, site, current, fields, fetched, digest) -> str | None:
        """What other article answered in the stored one's place, or None: its title is not
        the stored one's, its text shares next to nothing with it (:func:`_shares_little`), and
        it is another release of the site as stored, or dated otherwise in a way this page
        cannot be — earlier than the stored version (an older page served again under this
        address), or not the day this page's URL carries while the stored version is. A page
        that is the latest of a series at one address (a daily report) moves on to later dates
        under an undated URL: an edit as before."""
        title = clean_text(fields.get("title"))
        if not title or title == clean_text(current["title"]):
            return None
        if not _shares_little(current, fields, fetched.breadcrumb or ()):
            return None
        shown = _shown_title(fetched.title).replace("a page titled", "another page titled")
        other = self.db.execute(
            """SELECT r.url FROM releases r JOIN versions v ON v.id = r.current_version_id
               WHERE r.site = ? AND r.id != ? AND v.content_hash = ? LIMIT 1""",
            [site, current["release_id"], digest],
        ).fetchone()
        if other is not None:
            return f"the page of {other[0]} ({shown[8:]})"
        was, day = (current["published_at"] or "")[:10], (fields.get("published_at") or "")[:10]
        if not was or not day or was == day:
            return None
        if day < was:
            return f"{shown}, dated {day} (the page's {was})"
        if names_day(fetched.url, was) and not names_day(fetched.url, day):
            return f"{shown}, dated {day} (the page's URL and version {was})"
        return None

    def _stale_copy(self, release_id, current, fetched, fields, digest) -> tuple[str, bool] | None:
        """``(why, vouched)`` when a response is a stale copy, else None: it is one of the
        release's earlier versions again, dated before the current version — by a cache's
        ``Age`` (it has held the copy since before the current version was fetched: ``vouched``)
        or by a ``Last-Modified`` older than the current version's alone (a cache that sends no
        ``Age``, nginx's, or a lagging replica). A CDN serves such copies for days; they are
        neither an edit back nor, the day after, an edit forth.

        A date alone is not believed for good: an origin answering an earlier version under its
        older ``Last-Modified`` may be the page put back after a version that was not the page
        (a notice deployed that morning stored as one). Such a copy is held like a collapse, and
        believed once still served ``removal_confirm_after`` later; a cache's word is not."""
        now = _parse_time(self._now())
        fetched_at = _parse_time(current["fetched_at"])
        age = (_header(fetched.headers, "age") or "").strip()
        modified = _http_time(_header(fetched.headers, "last-modified"))
        stored = _http_time(_header(json.loads(current["headers"] or "{}"), "last-modified"))
        older = modified is not None and stored is not None and modified < stored
        dated = (
            f"Last-Modified {format_datetime(modified, usegmt=True)}, the current version's "
            f"{format_datetime(stored, usegmt=True)}"
            if older
            else ""
        )
        cached = age.isdigit() and fetched_at is not None
        cached = cached and now - timedelta(seconds=int(age)) < fetched_at
        if cached:
            why = f"Age {int(age)} s: cached since before the current version was fetched"
            why += f"; {dated}" if dated else ""
        elif older:
            why = dated
        else:
            return None
        for seq, stored_hash, *rest in self.db.execute(
            """SELECT seq, content_hash, title, source, published_at, body, attachments
               FROM versions WHERE release_id = ? AND id != ? ORDER BY seq DESC LIMIT ?""",
            [release_id, current["id"], _STALE_LOOKBACK],
        ):
            previous = dict(
                zip(("title", "source", "published_at", "body", "attachments"), rest, strict=True)
            )
            previous["attachments"] = json.loads(previous["attachments"] or "[]")
            # A copy cached under a template the store read the page in no longer is the
            # version all the same (its rendition was set aside as presentation).
            if (
                stored_hash == digest
                or not changed_fields(previous, fields)
                or _presented_otherwise(previous, fields)
            ):
                return f"stale copy: version {seq} served again ({why})", cached
        return None

    def _record_hold(
        self, site, url, fetched, current, held_since, now, confirm_after, *, cut, foreign, crawl_id
    ) -> str | None:
        """Record why a response is held (a failed fetch); returns the release's ``held_since``."""
        if cut:
            reason = (
                f"response cut short: its HTML stops after {len(fetched.raw_body)} bytes "
                f"without the </html> the page's stored version ends with (body "
                f"{len(fetched.body or '')} characters, was {len(current['body'] or '')})"
            )
        elif foreign:
            reason = f"not the page: {foreign} answered in its place"
        elif foreign is not None:
            reason = (
                f"not the page: {_shown_title(fetched.title)} with "
                f"{len(fetched.body or '')} characters and none of its lines answered "
                "in its place (a maintenance, bot-check, login or error page)"
            )
        else:
            held_since = held_since or now
            what = (
                f"body {len(fetched.body or '')} characters, was {len(current['body'] or '')}"
                if _collapsed(current["body"], fetched.body)
                else f"its {len(_row_lines(current['body']))} table rows gone, none in their place"
            )
            reason = (
                f"content collapsed ({what}): held until still served {confirm_after:g} s "
                f"after {held_since}"
            )
        self.record_fetch_failure(
            site, url, reason, crawl_id=crawl_id, http_status=fetched.http_status
        )
        return held_since

    def _insert_edit(
        self, site, release_id, seq, url, fetched, digest, previous, fields, changed, crawl_id, now
    ) -> int:
        """A new version of a known release and its ``edited`` event; returns the version's id."""
        version_id = self._insert_version(
            site, release_id, seq, url, fetched, digest, changed, crawl_id, now
        )
        diff, details = describe_edit(previous, fields, changed)
        self._insert_event(
            "edited",
            site,
            release_id,
            version_id,
            crawl_id,
            now,
            0,
            changed,
            diff=diff,
            details=details,
        )
        return version_id

    def _insert_version(
        self, site, release_id, seq, url, fetched: FetchedRelease, digest, changed, crawl_id, now
    ) -> int:
        raw = fetched.raw_body
        cursor = self.db.execute(
            """INSERT INTO versions (release_id, seq, crawl_id, fetched_at, content_hash, changed_fields,
                 title, source, published_at, published_at_meta, body, breadcrumb, column_name, attachments,
                 url, final_url, http_status, headers, encoding, raw_body, raw_size, raw_sha256, model_revision,
                 extractor_revision, title_variant)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                release_id,
                seq,
                crawl_id,
                now,
                digest,
                json.dumps(changed),
                fetched.title,
                fetched.source,
                fetched.published_at,
                fetched.published_at_meta,
                fetched.body or "",
                json.dumps(fetched.breadcrumb, ensure_ascii=False),
                fetched.column,
                json.dumps(fetched.attachments, ensure_ascii=False),
                url,
                fetched.final_url,
                fetched.http_status,
                json.dumps(fetched.headers, ensure_ascii=False),
                fetched.encoding,
                zlib.compress(raw, 6) if raw is not None else None,
                len(raw) if raw is not None else None,
                hashlib.sha256(raw).hexdigest() if raw is not None else None,
                fetched.model_revision,
                fetched.extractor_revision,
                fetched.title_variant,
            ],
        )
        version_id = cursor.lastrowid
        # Indexed from the values at hand (not re-read), so the normalised text computed for the
        # content hash is reused by the index.
        index_rows(
            self.db,
            [
                (
                    version_id,
                    release_id,
                    site,
                    fetched.published_at,
                    now,
                    fetched.title,
                    fetched.source,
                    fetched.body or "",
                )
            ],
            fts_rows=self._pending.rows,
        )
        return version_id

    def _insert_event(
        self,
        kind,
        site,
        release_id,
        version_id,
        crawl_id,
        now,
        baseline,
        changed,
        *,
        diff: str | None = None,
        details: dict | None = None,
    ) -> int:
        cursor = self.db.execute(
            """INSERT INTO events (kind, site, release_id, version_id, crawl_id, detected_at, baseline,
                 changed_fields, diff, details)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                kind,
                site,
                release_id,
                version_id,
                crawl_id,
                now,
                int(bool(baseline)),
                json.dumps(changed),
                diff,
                json.dumps(details or {}, ensure_ascii=False),
            ],
        )
        return cursor.lastrowid

    def _version_row(self, version_id: int) -> dict | None:
        rows = list(self.db.query("SELECT * FROM versions WHERE id = ?", [version_id]))
        return rows[0] if rows else None

    def record_fetch_failure(
        self,
        site: str,
        url: str,
        reason: str,
        *,
        crawl_id: int | None = None,
        http_status: int | None = None,
        missing: bool = False,
    ) -> None:
        """Record a fetch that did not yield the page (error status, block page, timeout...);
        ``missing``: a known release that is gone (see :meth:`record_missing`), not an error."""
        release = self.db.execute(
            "SELECT id FROM releases WHERE url = ?", [self._resolved(url)]
        ).fetchone()
        with self._transaction():
            self.db.execute(
                """INSERT INTO fetch_failures (crawl_id, site, url, release_id, http_status, reason, failed_at, missing)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    crawl_id,
                    site,
                    url,
                    release[0] if release else None,
                    http_status,
                    reason,
                    self._now(),
                    int(missing),
                ],
            )

    def fetch_failures(self, crawl_id: int) -> list[dict]:
        return list(
            self.db.query("SELECT * FROM fetch_failures WHERE crawl_id = ? ORDER BY id", [crawl_id])
        )

    # Monitoring ------------------------------------------------------------------------------

    def record_missing(
        self,
        site: str,
        url: str,
        reason: str,
        *,
        crawl_id: int | None = None,
        http_status: int | None = None,
        confirm_after: float = DEFAULT_REMOVAL_CONFIRM_AFTER,
    ) -> str | None:
        """A known release answered 404/410 or redirected to a home/error page.

        The first miss makes the release pending removal (``missing_since``). A later miss at
        least ``confirm_after`` seconds after the first (in this crawl or a later one) marks it
        removed, with one ``removed`` event; its versions stay. A successful fetch in between
        (:meth:`record_release`, :meth:`touch_release`) clears the miss without any event.
        Returns ``"removed"``, ``"pending"``, or None for a URL that is no known release (then
        only the failed fetch is recorded).
        """
        now = self.clock().astimezone(UTC)
        stamp = now.isoformat(timespec="seconds")
        row = self.db.execute(
            "SELECT status FROM releases WHERE url = ?", [canonical_url(url)]
        ).fetchone()
        if (
            row is None or row[0] != "removed"
        ):  # a removed release still gone is its re-check, not news
            # An alias gone (an old address, a redirect's source) is no miss of the release.
            self.record_fetch_failure(
                site,
                url,
                reason,
                crawl_id=crawl_id,
                http_status=http_status,
                missing=row is not None,
            )
        with self._transaction():
            row = self.db.execute(
                "SELECT id, status, missing_count, missing_since, current_version_id FROM releases WHERE url = ?",
                [canonical_url(url)],
            ).fetchone()
            if row is None:
                return None
            release_id, status, missing, since, version_id = row
            self.db.execute(
                "UPDATE releases SET last_checked_at = ? WHERE id = ?", [stamp, release_id]
            )
            if status == "removed":
                return "removed"
            first = _parse_time(since)
            if first is None:
                self.db.execute(
                    "UPDATE releases SET missing_count = 1, missing_since = ? WHERE id = ?",
                    [stamp, release_id],
                )
                return "pending"
            missing += 1
            if (now - first).total_seconds() < confirm_after:
                self.db.execute(
                    "UPDATE releases SET missing_count = ? WHERE id = ?", [missing, release_id]
                )
                return "pending"
            self.db.execute(
                "UPDATE releases SET missing_count = ?, status = 'removed', removed_at = ? WHERE id = ?",
                [missing, stamp, release_id],
            )
            self._insert_event(
                "removed",
                site,
                release_id,
                version_id,
                crawl_id,
                stamp,
                0,
                [],
                details={"reason": reason, "http_status": http_status, "missing_since": since},
            )
            return "removed"

    def pending_removals(self, site: str) -> dict[str, str]:
        """Releases of ``site`` missed but not yet confirmed removed: canonical URL → ``missing_since``."""
        return {
            url: since
            for url, since in self.db.execute(
                "SELECT url, missing_since FROM releases WHERE site = ? AND status != 'removed' "
                "AND missing_since IS NOT NULL",
                [site],
            )
        }

    def touch_release(
        self, url: str, *, crawl_id: int | None = None, listed_on: Iterable[dict] = ()
    ) -> RecordResult | None:
        """A known release answered 304 Not Modified: it is live and unchanged. ``listed_on``: its
        deferred list rows, as for :meth:`record_release`."""
        now = self._now()
        with self._transaction():
            row = self.db.execute(
                "SELECT id, site, status, current_version_id FROM releases WHERE url = ?",
                [self._resolved(url)],
            ).fetchone()
            if row is None:
                return None
            release_id, site, status, version_id = row
            restored = status == "removed"
            if restored:
                self._insert_event("restored", site, release_id, None, crawl_id, now, 0, [])
            self.db.execute(
                """UPDATE releases SET last_seen_at = ?, last_fetched_at = ?, last_checked_at = ?, status = 'live',
                   missing_count = 0, missing_since = NULL, removed_at = NULL WHERE id = ?""",
                [now, now, now, release_id],
            )
            self._attach_list_rows(site, release_id, listed_on, now, crawl_id)
        return RecordResult("unchanged", release_id, version_id, [], restored)

    def validators(self, site: str, max_age: float | None = None) -> dict[str, dict]:
        """Stored HTTP validators (and list-link hashes) of a site's URLs, by canonical URL.

        A list page's validators count only when the crawl that saved them finished: a crash
        after a list page was stored, before the releases it lists, must not make the page
        answer 304 to the next crawl. (An article's validators are saved with its version.)
        With ``max_age`` (seconds), the ETag and Last-Modified only of a full response that long
        ago or less (older ones come back as None): a 304 saves none, so an older validator has
        answered every request since — a server whose validators never change would hide every
        change for good.
        """
        cutoff = (
            (self.clock() - timedelta(seconds=max_age))
            .astimezone(UTC)
            .isoformat(timespec="seconds")
            if max_age is not None
            else ""
        )
        return {
            row["url"]: row
            for row in self.db.query(
                """SELECT v.url, v.links_hash,
                     CASE WHEN v.updated_at >= :cutoff THEN v.etag END AS etag,
                     CASE WHEN v.updated_at >= :cutoff THEN v.last_modified END AS last_modified
                   FROM validators v LEFT JOIN crawls c ON c.id = v.crawl_id
                   WHERE v.site = :site
                     AND (v.links_hash IS NULL OR v.crawl_id IS NULL OR c.status = 'finished')""",
                {"site": site, "cutoff": cutoff},
            )
        }

    def save_validators(
        self,
        site: str,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        links_hash: str | None = None,
        crawl_id: int | None = None,
    ) -> None:
        """Remember the validators a server gave for ``url`` (None clears them) in crawl ``crawl_id``."""
        with self._transaction():
            self.db.execute(
                """INSERT INTO validators (url, site, etag, last_modified, links_hash, updated_at, crawl_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                     links_hash = coalesce(excluded.links_hash, links_hash), updated_at = excluded.updated_at,
                     crawl_id = excluded.crawl_id""",
                [canonical_url(url), site, etag, last_modified, links_hash, self._now(), crawl_id],
            )

    def finished_walks(self, site: str) -> dict[str | None, set[str]]:
        """Releases a finished crawl saw on each list series of ``site``, by the canonical URL
        of the series' first page (None: rows from before series were recorded, valid for any).

        The list walk may stop at these and only these: a release stored by a crawl that never
        finished says nothing about what lies below it on the list.
        """
        walks: dict[str | None, set[str]] = {}
        rows = self.db.execute(
            """SELECT DISTINCT p.series_url, r.url FROM list_entries e
               JOIN list_pages p ON p.id = e.list_page_id JOIN releases r ON r.id = e.release_id
               WHERE p.site = ? AND e.confirmed = 1""",
            [site],
        )
        for series, url in rows:
            walks.setdefault(series, set()).add(url)
        return walks

    def series_due_full_walk(self, site: str, every: float) -> set[str]:
        """The list series of ``site`` (by their first page's canonical URL) that no crawl walked
        to its end in the last ``every`` seconds. A walk stops soon after the first page of known
        rows; a row taken off a page further down is seen only by a walk that goes on, so each
        series is walked to its end at least this often."""
        cutoff = (
            (self.clock() - timedelta(seconds=every)).astimezone(UTC).isoformat(timespec="seconds")
        )
        rows = self.db.execute(
            """SELECT series_url, max(CASE WHEN series_end = 1 THEN last_crawled_at END)
               FROM list_pages WHERE site = ? AND series_url IS NOT NULL GROUP BY series_url""",
            [site],
        )
        return {series for series, ended in rows if ended is None or ended <= cutoff}

    def unfollowed_releases(self, site: str) -> set[str]:
        """Canonical URLs of releases whose current version a crawl stored that never finished,
        with no finished crawl of the site since.

        Such a crawl may have died before fetching what the release's page leads to (the column
        its breadcrumb names, found nowhere else): a later crawl must fetch the page again in full
        rather than skip it as known, or that column is never found.
        """
        rows = self.db.execute(
            """SELECT r.url FROM releases r JOIN versions v ON v.id = r.current_version_id
               JOIN crawls c ON c.id = v.crawl_id
               WHERE r.site = ? AND c.status != 'finished'
                 AND NOT EXISTS (SELECT 1 FROM crawls f
                                 WHERE f.site = c.site AND f.status = 'finished' AND f.id > c.id)""",
            [site],
        )
        return {url for (url,) in rows}

    def last_crawl_status(self, site: str) -> str | None:
        """Status of the site's latest crawl (probe-only ``skipped`` runs left out); None before the first."""
        row = self.db.execute(
            "SELECT status FROM crawls WHERE site = ? AND status != 'skipped' ORDER BY id DESC LIMIT 1",
            [site],
        ).fetchone()
        return row[0] if row else None

    def list_rows(self, site: str) -> dict[tuple[str, str], tuple[str | None, str | None]]:
        """The last seen row (title, date) of each release in each column of a site, by (column
        name, canonical release URL); each row is also keyed by (canonical list page URL, release
        URL), for list pages whose column has no name.

        Compare by column, not only by list page: new releases push old ones to later pages, and
        a row must be compared with the release's previous row wherever in the column it was.
        """
        rows = self.db.execute(
            """SELECT p.column_name, p.url, r.url, e.title, e.date FROM list_entries e
               JOIN releases r ON r.id = e.release_id JOIN list_pages p ON p.id = e.list_page_id
               WHERE r.site = ? ORDER BY e.last_seen_at, e.rowid""",
            [site],
        )
        result = {}
        for column, page_url, url, title, date in rows:
            result[(page_url, url)] = (title, date)
            if column:
                result[(column, url)] = (title, date)
        return result

    def last_listed(self, site: str) -> dict[tuple[str, str], tuple[str, int]]:
        """Where each live release was last seen in each list series of ``site``:
        (canonical series URL, release URL) → (canonical list page URL, position on it, 0 the
        top). A crawl that walks past that page and no longer finds the release anywhere knows
        its row went (see ``SiteSpider``): the release is checked at once rather than when its
        revisit is due."""
        rows = self.db.execute(
            """SELECT p.series_url, r.url, p.url, e.position, max(e.last_seen_at)
               FROM list_entries e
               JOIN list_pages p ON p.id = e.list_page_id JOIN releases r ON r.id = e.release_id
               WHERE r.site = ? AND r.status = 'live' AND p.series_url IS NOT NULL
               GROUP BY p.series_url, r.url""",
            [site],
        )
        return {(series, url): (page, position) for series, url, page, position, _seen in rows}

    def due_revisits(
        self,
        site: str,
        revisit_days: Iterable[int],
        revisit_max: float = DEFAULT_REVISIT_MAX,
        *,
        now: datetime | None = None,
        limit: int | None = None,
    ) -> list[str]:
        """URLs of known releases to re-check in this crawl, most urgent first (see :meth:`revisit_plan`)."""
        due = self.revisit_plan(site, revisit_days, revisit_max, now=now).due
        return due[:limit] if limit else due

    def revisit_plan(
        self,
        site: str,
        revisit_days: Iterable[int],
        revisit_max: float = DEFAULT_REVISIT_MAX,
        *,
        now: datetime | None = None,
    ) -> RevisitPlan:
        """Which releases of ``site`` a crawl now re-checks (conditional GETs), and when the rest fall due.

        Every live release is re-checked at least every ``revisit_max`` seconds. Young ones more
        often, by age (publish date, else first sight): younger than ``revisit_days[0]`` days on
        every crawl, then daily until ``revisit_days[1]``, weekly until ``revisit_days[2]`` (each
        interval at most ``revisit_max``). Older ones are spread: sorted by their last check,
        oldest first, the k-th of N is due once ``revisit_max × (N − k) / N`` has passed since
        its check, and a crawl takes as many of the oldest as are due — a rolling slice, about
        N × (time since the last crawl) / ``revisit_max`` per crawl, never a burst. A release with
        an unconfirmed miss is always due; a removed one is re-checked (to see it restored) once half
        the time since its removal has passed since its last check — the next crawl, then at
        doubling gaps, at most ``revisit_max`` apart.
        """
        now = (now or self.clock()).astimezone(UTC)
        steps = list(revisit_days)
        longest = float(revisit_max)
        urgent, young, removed, pool = [], [], [], []
        upcoming: list[float] = []  # seconds from now at which a release not due now falls due
        deadlines: list[
            float
        ] = []  # …at which each live release not due now must have been checked
        rows = self.db.execute(
            """SELECT r.url, r.status, r.first_seen_at, coalesce(r.last_checked_at, r.last_fetched_at),
                      r.missing_since, r.removed_at, v.published_at
               FROM releases r LEFT JOIN versions v ON v.id = r.current_version_id
               WHERE r.site = ? AND r.status != 'merged'""",
            [site],
        )
        live = 0
        for url, status, first_seen, checked_at, missing_since, removed_at, published in rows:
            live += status != "removed"
            checked = _parse_time(checked_at)
            waited = (now - checked).total_seconds() if checked else float("inf")
            if status == "removed":
                since = _parse_time(removed_at) or checked or now
                # Checked again once half the time since the removal has passed: gaps double
                # (the next crawl, then ever less often), up to revisit_max.
                interval = min(longest, (now - since).total_seconds() / 2)
                if waited >= interval * _DUE_EARLY:
                    removed.append(url)
                continue
            if missing_since:
                urgent.append(url)
                continue
            born = _parse_time(published) or _parse_time(first_seen) or now
            age_days = (now - born).total_seconds() / 86400
            interval = None
            for limit_days, step_days in zip(steps, (0, 1, 7)):
                if age_days < limit_days:
                    interval = min(longest, step_days * 86400.0)
                    break
            if interval is None:
                pool.append((checked or _EPOCH, born, url))
            elif waited >= interval * _DUE_EARLY:
                young.append((age_days, url))
            else:
                upcoming.append(interval * _DUE_EARLY - waited)
                deadlines.append(interval - waited)
        young.sort()
        pool.sort()
        n = len(pool)
        waited_pool = [(now - checked).total_seconds() for checked, _, _ in pool]
        quota = sum(1 for k, waited in enumerate(waited_pool) if waited >= longest * (n - k) / n)
        # After this crawl the slice is checked now and goes to the end of the order.
        rest = waited_pool[quota:] + [0.0] * quota
        for k, waited in enumerate(rest[: n - quota]):
            upcoming.append(max(0.0, longest * (n - k) / n - waited))
            deadlines.append(max(0.0, longest - waited))
        if quota and n - quota:
            upcoming.append(longest / n)  # the next of those checked now
        due = urgent + [url for _, url in young] + [url for _, _, url in pool[:quota]] + removed
        return RevisitPlan(
            due=due,
            live=live,
            next_due_at=now + timedelta(seconds=min(upcoming)) if upcoming else None,
            all_due_by=now + timedelta(seconds=max(deadlines)) if deadlines else None,
        )

    def crawl_outcomes(self, site: str, crawl_id: int, *, limit: int) -> list[dict]:
        """The last ``limit`` closed (finished, cut short or failed) crawls of a site up to ``crawl_id``,
        newest first: what a health judgement reads (``fetched``: releases fetched)."""
        return list(
            self.db.query(
                """SELECT id, status, list_pages, list_links,
                      releases_new + releases_edited + releases_seen AS fetched,
                      releases_incomplete, error FROM crawls
                   WHERE site = ? AND status IN ('finished', 'cut_short', 'failed') AND id <= ?
                   ORDER BY id DESC LIMIT ?""",
                [site, crawl_id, limit],
            )
        )

    def record_health_change(
        self, site: str, state: str, reason: str | None, *, crawl_id: int | None = None
    ) -> str:
        """Record that a site's health is now ``state`` (``ok``/``broken``) for ``reason``;
        returns when (ISO, UTC). Whether it changed is the caller's judgement
        (``crawler.alerts.judge_health``)."""
        now = self._now()
        with self._transaction():
            self.db.execute(
                """INSERT INTO site_health (site, state, since, reason) VALUES (?, ?, ?, ?)
                   ON CONFLICT(site) DO UPDATE SET state = excluded.state, since = excluded.since,
                   reason = excluded.reason""",
                [site, state, now, reason],
            )
            self.db.execute(
                "INSERT INTO site_health_changes (site, state, reason, crawl_id, detected_at) VALUES (?, ?, ?, ?, ?)",
                [site, state, reason, crawl_id, now],
            )
        return now

    def site_health(self, site: str) -> dict:
        row = self.db.execute(
            "SELECT state, since, reason FROM site_health WHERE site = ?", [site]
        ).fetchone()
        if row is None:
            return {"site": site, "state": "ok", "since": None, "reason": None}
        return {"site": site, "state": row[0], "since": row[1], "reason": row[2]}

    def inspection(self, site: str, as_of: datetime | None = None) -> dict:
        """What a government website inspection counts of ``site`` on ``as_of`` (aware; now by
        default): :func:`storage.inspection.inspect_site`."""
        moment = as_of or self.clock().astimezone(UTC)
        return inspect_site(self.db, site, moment, self._overview_names(site))

    # Site models ------------------------------------------------------------------------------

    def site_model(self, site: str) -> dict | None:
        """The stored site model of ``site`` (its JSON form), or None when none was learned."""
        row = self.db.execute("SELECT model FROM site_models WHERE site = ?", [site]).fetchone()
        return json.loads(row[0]) if row else None

    def site_model_info(self, site: str) -> dict | None:
        """Revision, page count and update time of the stored model, without the model."""
        rows = list(
            self.db.query(
                "SELECT site, revision, pages, updated_at FROM site_models WHERE site = ?", [site]
            )
        )
        return rows[0] if rows else None

    def save_site_model(self, site: str, model: dict, *, revision: int, pages: int) -> None:
        """Store (replace) the model of ``site``."""
        with self._transaction():
            self.db.execute(
                """INSERT INTO site_models (site, revision, pages, model, updated_at) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(site) DO UPDATE SET revision = excluded.revision, pages = excluded.pages,
                     model = excluded.model, updated_at = excluded.updated_at""",
                [
                    site,
                    revision,
                    pages,
                    json.dumps(model, ensure_ascii=False, separators=(",", ":")),
                    self._now(),
                ],
            )

    def stale_versions(
        self,
        site: str,
        revision: int | None,
        *,
        limit: int = 200,
        after_id: int = 0,
        extractor_revision: int | None = None,
    ) -> list[dict]:
        """Current versions of ``site`` with a raw body, extracted under another model revision
        than ``revision`` (for re-extraction; None: every current version) or, given
        ``extractor_revision``, under other extraction rules, in id order after ``after_id``."""
        stale = []
        if revision is not None:
            stale.append(("v.model_revision IS NOT ?", revision))
        if extractor_revision is not None:
            stale.append(("v.extractor_revision IS NOT ?", extractor_revision))
        where = f"AND ({' OR '.join(test for test, _ in stale)})" if stale else ""
        rows = list(
            self.db.query(
                f"""SELECT v.id, v.url, v.final_url, v.headers, v.encoding, v.raw_body, v.model_revision,
                      v.extractor_revision, v.title, v.source, v.published_at, v.published_at_meta, v.body, v.breadcrumb,
                      v.column_name, v.attachments, v.title_variant
               FROM releases r JOIN versions v ON v.id = r.current_version_id
               WHERE r.site = ? AND v.raw_body IS NOT NULL AND v.id > ? {where}
               ORDER BY v.id LIMIT ?""",
                [site, after_id, *(value for _, value in stale), limit],
            )
        )
        for row in rows:
            row["raw_body"] = zlib.decompress(row["raw_body"])
            for key in ("headers", "breadcrumb", "attachments"):
                row[key] = json.loads(row[key] or "null")
        return rows

    def reextract_version(
        self,
        version_id: int,
        fields: dict,
        *,
        model_revision: int | None,
        extractor_revision: int | None,
    ) -> list[str]:
        """Replace the extracted fields of a stored version, re-extracted from its raw body under
        site model ``model_revision`` by the extraction rules of ``extractor_revision``. A
        migration, not news: no event, no alert; the fields replaced are kept in
        ``reextractions``. Returns the names of the hashed fields that changed."""
        now = self._now()
        with self._transaction():
            row = self._version_row(version_id)
            if row is None:
                raise NotFound(f"no version {version_id}")
            old = _version_fields(row)
            new = {
                key: fields.get(key)
                for key in ("title", "source", "published_at", "body", "attachments")
            }
            new["body"] = new["body"] or ""
            new["attachments"] = new["attachments"] or []
            changed = changed_fields(old, new)
            stored = {
                "title": new["title"],
                "source": new["source"],
                "published_at": new["published_at"],
                "published_at_meta": fields.get("published_at_meta"),
                "title_variant": fields.get("title_variant"),
                "body": new["body"],
                "breadcrumb": json.dumps(fields.get("breadcrumb") or [], ensure_ascii=False),
                "column_name": fields.get("column"),
                "attachments": json.dumps(new["attachments"], ensure_ascii=False),
            }
            differs = changed or any(row[key] != value for key, value in stored.items())
            if differs:
                previous = {key: row[key] for key in stored}
                self.db.execute(
                    """INSERT INTO reextractions (version_id, site, model_revision, previous_model_revision,
                         extractor_revision, previous_extractor_revision, changed_fields, previous,
                         reextracted_at) VALUES (?, (SELECT site FROM releases WHERE id = ?), ?, ?, ?, ?, ?, ?, ?)""",
                    [
                        version_id,
                        row["release_id"],
                        model_revision,
                        row["model_revision"],
                        extractor_revision,
                        row["extractor_revision"],
                        json.dumps(changed),
                        json.dumps(previous, ensure_ascii=False),
                        now,
                    ],
                )
                sets = ", ".join(f"{key} = ?" for key in stored)
                self.db.execute(
                    f"""UPDATE versions SET {sets}, content_hash = ?, model_revision = ?,
                          extractor_revision = ? WHERE id = ?""",
                    [
                        *stored.values(),
                        content_hash(new),
                        model_revision,
                        extractor_revision,
                        version_id,
                    ],
                )
                if changed:
                    site = self.db.execute(
                        "SELECT site FROM releases WHERE id = ?", [row["release_id"]]
                    ).fetchone()[0]
                    unindex_version(self.db, version_id)
                    index_rows(
                        self.db,
                        [
                            (
                                version_id,
                                row["release_id"],
                                site,
                                new["published_at"],
                                row["fetched_at"],
                                new["title"],
                                new["source"],
                                new["body"],
                            )
                        ],
                        fts_rows=self._pending.rows,
                    )
            else:
                # The hash too: one written under older normalising rules would read as an edit.
                self.db.execute(
                    """UPDATE versions SET model_revision = ?, extractor_revision = ?, content_hash = ?
                       WHERE id = ?""",
                    [model_revision, extractor_revision, content_hash(new), version_id],
                )
        return changed

    def _refreshed(self, current: dict, refresh, revisions: dict) -> dict:
        row = dict(current)
        row["raw_body"] = zlib.decompress(row["raw_body"])
        for key in ("headers", "breadcrumb", "attachments"):
            row[key] = json.loads(row[key] or "null")
        found = refresh(row)
        if found is None:
            return current
        self.reextract_version(current["id"], found, **revisions)
        return self._version_row(current["id"])

    def reextractions(self, site: str | None = None, limit: int = 100) -> list[dict]:
        """Re-extractions (newest first): which version, under which model and extractor
        revision, what changed."""
        where, params = ("WHERE x.site = ?", [site]) if site else ("", [])
        rows = list(
            self.db.query(
                f"""SELECT x.id, x.version_id, v.release_id, v.url, x.site, x.model_revision, x.previous_model_revision,
                       x.extractor_revision, x.previous_extractor_revision, x.changed_fields, x.previous, x.reextracted_at
                FROM reextractions x JOIN versions v ON v.id = x.version_id {where}
                ORDER BY x.id DESC LIMIT ?""",
                [*params, limit],
            )
        )
        for row in rows:
            row["changed_fields"] = json.loads(row["changed_fields"])
            row["previous"] = json.loads(row["previous"])
        return rows

    # Queries ---------------------------------------------------------------------------------

    def has_releases(self, site: str) -> bool:
        """Whether any release of ``site`` is stored (whether its baseline exists)."""
        return (
            self.db.execute("SELECT 1 FROM releases WHERE site = ? LIMIT 1", [site]).fetchone()
            is not None
        )

    def removed_urls(self, site: str) -> set[str]:
        """Canonical URLs of the releases of ``site`` marked removed."""
        return {
            row[0]
            for row in self.db.execute(
                "SELECT url FROM releases WHERE site = ? AND status = 'removed'", [site]
            )
        }

    def known_urls(self, site: str) -> set[str]:
        """Canonical URLs of every release of ``site``."""
        return {
            row[0] for row in self.db.execute("SELECT url FROM releases WHERE site = ?", [site])
        }

    def release_id(self, url_or_id: str | int) -> int:
        """Resolve a release id or URL (any variant of it) to the release id."""
        text = str(url_or_id).strip()
        if text.isdigit():
            row = self.db.execute("SELECT id FROM releases WHERE id = ?", [int(text)]).fetchone()
        else:
            row = self.db.execute(
                "SELECT id FROM releases WHERE url = ?", [self._resolved(text)]
            ).fetchone()
        if row is None:
            raise NotFound(f"no release {text!r} in {self.path}")
        return row[0]

    def release(self, url_or_id: str | int) -> dict:
        """One release with its latest fields, columns and version count."""
        release_id = self.release_id(url_or_id)
        return self._releases("WHERE r.id = ?", [release_id], limit=1)[0]

    def releases(self, site: str | None = None, limit: int = 50) -> list[dict]:
        """Recent releases, newest publish time first (first-seen time when none)."""
        where, params = ("WHERE r.site = ?", [site]) if site else ("", [])
        return self._releases(where, params, limit=limit)

    def _releases(self, where: str, params: list, limit: int) -> list[dict]:
        rows = self.db.query(
            f"""SELECT r.id, r.site, r.url, v.title, v.source, v.published_at, r.first_seen_at,
                       r.last_seen_at, r.status, r.missing_since, v.seq AS versions, v.column_name, v.attachments, v.breadcrumb,
                       (SELECT json_group_array(column_name) FROM
                          (SELECT column_name FROM release_columns c WHERE c.release_id = r.id ORDER BY first_seen_at, rowid)
                       ) AS columns
                FROM releases r LEFT JOIN versions v ON v.id = r.current_version_id
                {where}
                ORDER BY coalesce(v.published_at, r.first_seen_at) DESC, r.id DESC
                LIMIT ?""",
            [*params, limit],
        )
        result = []
        for row in rows:
            row["columns"] = json.loads(row["columns"] or "[]")
            row["attachments"] = json.loads(row["attachments"] or "[]")
            row["breadcrumb"] = json.loads(row["breadcrumb"] or "[]")
            result.append(row)
        return result

    def versions(self, url_or_id: str | int, *, with_raw: bool = False) -> list[dict]:
        """Every stored version of a release, oldest first."""
        release_id = self.release_id(url_or_id)
        columns = (
            "*"
            if with_raw
            else (
                "id, release_id, seq, crawl_id, fetched_at, content_hash, changed_fields, title, source, "
                "published_at, published_at_meta, body, breadcrumb, column_name, attachments, url, final_url, "
                "http_status, headers, encoding, raw_size, raw_sha256, model_revision, extractor_revision, "
                "title_variant"
            )
        )
        rows = list(
            self.db.query(
                f"SELECT {columns} FROM versions WHERE release_id = ? ORDER BY seq", [release_id]
            )
        )
        for row in rows:
            for key in ("changed_fields", "breadcrumb", "attachments", "headers"):
                row[key] = json.loads(row[key] or "null")
            if with_raw and row.get("raw_body") is not None:
                row["raw_body"] = zlib.decompress(row["raw_body"])
        return rows

    def merged_releases(self, url_or_id: str | int) -> list[dict]:
        """The releases merged into this one (and into those), oldest first: ``id``, ``url``,
        ``first_seen_at`` — their versions and events stay under their own ids."""
        return list(
            self.db.query(
                """WITH RECURSIVE absorbed(id) AS (
                     SELECT id FROM releases WHERE merged_into = ?
                     UNION SELECT r.id FROM releases r JOIN absorbed a ON r.merged_into = a.id)
                   SELECT r.id, r.url, r.first_seen_at FROM releases r JOIN absorbed USING (id)
                   ORDER BY r.id""",
                [self.release_id(url_or_id)],
            )
        )

    def release_events(self, url_or_id: str | int) -> list[dict]:
        """A release's events, oldest first, each with the ``version`` (seq) it concerns."""
        rows = list(
            self.db.query(
                """SELECT e.id, e.kind, e.detected_at, v.seq AS version, e.crawl_id, e.baseline,
                      e.changed_fields
                   FROM events e LEFT JOIN versions v ON v.id = e.version_id
                   WHERE e.release_id = ? ORDER BY e.id""",
                [self.release_id(url_or_id)],
            )
        )
        for row in rows:
            row["changed_fields"] = json.loads(row["changed_fields"] or "[]")
            row["baseline"] = bool(row["baseline"])
        return rows

    def events(
        self,
        site: str | None = None,
        *,
        kind: str | None = None,
        since: str | None = None,
        include_baseline: bool = False,
        crawl_id: int | None = None,
        limit: int | None = None,
    ) -> list[dict]:
        """Events, oldest first, with the release's URL and the title of the version concerned."""
        clauses, params = [], []
        if site:
            clauses.append("e.site = ?")
            params.append(site)
        if kind:
            clauses.append("e.kind = ?")
            params.append(kind)
        if since:
            clauses.append("e.detected_at >= ?")
            params.append(since)
        if not include_baseline:
            clauses.append("e.baseline = 0")
        if crawl_id is not None:
            clauses.append("e.crawl_id = ?")
            params.append(crawl_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = f"""SELECT e.id, e.kind, e.site, r.url, coalesce(v.title, cv.title) AS title, e.detected_at,
                         e.release_id, e.version_id, e.crawl_id, e.baseline, e.changed_fields,
                         e.diff, e.details
                  FROM events e JOIN releases r ON r.id = e.release_id
                  LEFT JOIN versions v ON v.id = e.version_id
                  LEFT JOIN versions cv ON cv.id = r.current_version_id
                  {where} ORDER BY e.id"""
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = list(self.db.query(sql, params))
        for row in rows:
            row["changed_fields"] = json.loads(row["changed_fields"] or "[]")
            row["details"] = json.loads(row["details"]) if row["details"] else None
            row["baseline"] = bool(row["baseline"])
        return rows

    # Reading: search, export, feed ------------------------------------------------------------

    def search(self, query: str, **filters) -> list[dict]:
        """Releases matching ``query``: :func:`storage.search.search` (its filters and hits)."""
        return search_releases(self, query, **filters)

    def export(self, fmt: str, out, **filters) -> int:
        """Write every release in format ``fmt`` to ``out``: :func:`storage.export.export`."""
        return export_releases(self, fmt, out, **filters)

    def rebuild_index(self) -> int:
        """Re-create the search index from every stored version; how many were indexed."""
        with self._transaction():
            return rebuild_index(self.db)

    def feed_items(
        self, *, site: str | None = None, since: str | None = None, limit: int | None = 100
    ) -> list[dict]:
        """The latest events outside baseline crawls, newest first: :func:`storage.feed.event_items`."""
        return event_items(self.db, site=site, since=since, limit=limit)

    def counts(self) -> dict:
        """Row counts of the main tables (for summaries and tests)."""
        return {
            table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "sites",
                "releases",
                "versions",
                "list_pages",
                "events",
                "crawls",
                "fetch_failures",
            )
        }


# A body shorter than this share of the current one (when that one is substantial) has collapsed.
_COLLAPSE_SHARE = 0.25
_COLLAPSE_FROM = 200


def _collapsed(current_body: str | None, new_body: str | None) -> bool:
    before, after = len((current_body or "").strip()), len((new_body or "").strip())
    return before >= _COLLAPSE_FROM and after < before * _COLLAPSE_SHARE


# A table of at least this many rows whose rows all went, none in their place, has failed to
# render (its query failed: 暂无数据 where the rows stood, or an empty tbody) — held like a collapse.
_ROWS_GONE_FROM = 3


def _row_lines(body: str | None) -> list[str]:
    """The body's table rows: lines whose cells are tab-separated (as extraction writes them)."""
    return [line for line in (body or "").splitlines() if "\t" in line.strip()]


def _rows_gone(current_body: str | None, new_body: str | None) -> bool:
    before = _row_lines(current_body)
    if len(before) < _ROWS_GONE_FROM:
        return False
    # Gone: no row in the new body (a header row kept — a table whose body alone failed — still
    # leaves every data row gone), no row's text on other lines (a grid of divs writes its cells
    # one a line), and the body shorter by most of the rows' length (rows replaced by rows with
    # other figures, or by a list of them, are an edit).
    if len(_row_lines(new_body)) > 1:
        return False
    text = clean_text(new_body)
    if sum(clean_text(line) in text for line in before) > 1:
        return False
    rows = sum(len(clean_text(line)) for line in before)
    return len(text) < len(clean_text(current_body)) - rows // 2


def _foreign(current: dict, fields: dict, crumbs: Iterable[str] = ()) -> bool:
    """Whether a (collapsed) response is another page: its title is not the stored version's
    and it shares no body line with it (:func:`_shares_no_line`)."""
    if clean_text(fields.get("title")) == clean_text(current["title"]):
        return False
    return _shares_no_line(current, fields, crumbs)


def _shares_no_line(current: dict, fields: dict, crumbs: Iterable[str] = ()) -> bool:
    """Whether a response's body shares no line with the stored version's but the names of its
    breadcrumb (``crumbs``, and the stored version's): navigation a body kept is no line of the
    page's own."""
    before = {clean_text(line) for line in (current["body"] or "").splitlines()}
    after = {clean_text(line) for line in (fields.get("body") or "").splitlines()}
    stored = json.loads(current.get("breadcrumb") or "[]") if "breadcrumb" in current else []
    navigation = {clean_text(str(name)) for name in (*crumbs, *stored)}
    return not (before & after) - navigation - {""}


# A response shares "next to nothing" with the stored version when the lines both have (but
# navigation) hold at most this share of the stored text: a signature, a salutation.
_LITTLE_SHARED = 0.1


def _shares_little(current: dict, fields: dict, crumbs: Iterable[str] = ()) -> bool:
    """Whether a response's body shares at most a few short lines with the stored version's
    (:data:`_LITTLE_SHARED` of its text), navigation aside (:func:`_shares_no_line`)."""
    before = {clean_text(line) for line in (current["body"] or "").splitlines()}
    after = {clean_text(line) for line in (fields.get("body") or "").splitlines()}
    stored = json.loads(current.get("breadcrumb") or "[]") if "breadcrumb" in current else []
    navigation = {clean_text(str(name)) for name in (*crumbs, *stored)}
    shared = (before & after) - navigation - {""}
    return sum(map(len, shared)) <= _LITTLE_SHARED * sum(map(len, before - {""}))


_DOCUMENT_END = re.compile(rb"</html\s*>", re.I)
_BODY_END = re.compile(rb"</body\s*>", re.I)
_TAIL_BYTES = 512


# A cut response may carry the day's edit before the cut: up to one in this many of the lines
# it kept may be lines the stored version does not have (no line of a body of under five).
_CUT_EDITED_SHARE = 5


def _cut_short(current: dict, fetched: FetchedRelease) -> bool:
    """Whether ``fetched`` is the stored page cut short: the stored raw body ends its document
    (``</html>`` near its end), the new one stops inside a tag or text, and the new body is the
    old one's first lines (the last perhaps cut) — fewer of them, hardly any new (an edit made
    that day above the cut: the whole page, and the edit, come with the next full response)."""
    if current["raw_body"] is None or not fetched.raw_body:
        return False
    tail = fetched.raw_body[-_TAIL_BYTES:]
    if _DOCUMENT_END.search(tail) or _BODY_END.search(tail):
        return False
    before = [line for line in (current["body"] or "").splitlines() if line.strip()]
    after = [line for line in (fetched.body or "").splitlines() if line.strip()]
    if not before or len(after) >= len(before):
        return False
    if not after:
        pass  # cut before the text began: none of its lines, none new
    elif fetched.raw_body.rstrip().endswith(b">"):
        # Stopping at a tag's end may be a page without </html> that lost lines: cut short only
        # when its lines are the stored body's first lines, in order (the last perhaps cut).
        old, new = [clean_text(x) for x in before], [clean_text(x) for x in after]
        if not _first_lines(new, old):
            return False
    else:
        # Each line the stored version's or a second rendering of one of its lines (the stored
        # version may be the page as its earlier template presented it), but the few edited.
        unsaid = _not_said(after[:-1], _text_lines("\n".join(before)))
        if len(unsaid) > (len(after) - 1) // _CUT_EDITED_SHARE:
            return False
    raw = zlib.decompress(current["raw_body"])
    return bool(_DOCUMENT_END.search(raw[-_TAIL_BYTES:]))


def _first_lines(new: list[str], old: list[str]) -> bool:
    """Whether the lines ``new`` are the first lines of ``old`` in order, the last perhaps cut,
    but for a few edited, added or deleted (one in :data:`_CUT_EDITED_SHARE` of them)."""
    edits = (len(new) - 1) // _CUT_EDITED_SHARE
    head = old[: len(new) + edits]
    blocks = SequenceMatcher(None, new[:-1], head, autojunk=False).get_matching_blocks()
    kept = sum(block.size for block in blocks)
    # Where the kept lines end in the stored body, the cut line starts one of the next lines;
    # lines of its own and stored lines skipped before there are the edits.
    end = max((block.b + block.size for block in blocks if block.size), default=0)
    if max(len(new) - 1 - kept, end - kept) > edits:
        return False
    return any(line.startswith(new[-1]) for line in old[end : end + edits + 1])


def _says_gone(fields: dict) -> bool:
    return bool(
        GONE_NOTICE.search(f"{fields.get('title') or ''}\n{(fields.get('body') or '')[:400]}")
    )


def _says_withdrawn(fields: dict) -> bool:
    """Whether the text says the page itself was withdrawn or is gone (in its first lines)."""
    return bool(WITHDRAWN_NOTICE.search((fields.get("body") or "")[:400]))


def _says_down(fields: dict) -> bool:
    """Whether a page names itself a maintenance, busy, error or login notice: in its title or
    its first line (the heading a notice drawn in the site's chrome opens with; a login wall
    the article's template serves in place of the text, 该信息需登录后查看，请先登录)."""
    head = f"{fields.get('title') or ''}\n{(fields.get('body') or '').strip().split(chr(10), 1)[0][:200]}"
    return bool(
        MAINTENANCE_NOTICE.search(head)
        or BUSY_NOTICE.search(head)
        or ERROR_TITLE.search(head)
        or LOGIN_NOTICE.search(head)
    )


def _shown_title(title: str | None) -> str:
    return f"a page titled {title[:40]!r}" if title else "a page without a title"


# A check falls due once this share of its interval has passed: a daily crawl runs a little
# earlier in the day than the last one checked a release, and a check due a few minutes after
# the crawl would wait a whole day more (a release of last week re-checked every other day).
_DUE_EARLY = 0.9

# Earlier versions a stale copy is looked for among (caches hold days, not years).
_STALE_LOOKBACK = 5


def _header(headers: dict | None, name: str) -> str | None:
    return next((v for k, v in (headers or {}).items() if k.lower() == name), None)


def _http_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _held_long_enough(held_since: str | None, now: str, confirm_after: float) -> bool:
    """Whether a page has been collapsed since ``held_since`` long enough to be believed."""
    since = _parse_time(held_since)
    return since is not None and (_parse_time(now) - since).total_seconds() >= confirm_after


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def describe_edit(old: dict, new: dict, changed: list[str]) -> tuple[str | None, dict]:
    """A readable diff of the body and the old/new values of the short fields that changed."""
    details: dict = {}
    for name in ("title", "source", "published_at"):
        if name in changed:
            details[name] = {"old": old.get(name), "new": new.get(name)}
    if "attachments" in changed:
        before = {a.get("url"): a.get("name") for a in old.get("attachments") or []}
        after = {a.get("url"): a.get("name") for a in new.get("attachments") or []}
        details["attachments"] = {
            "added": [{"url": u, "name": after[u]} for u in after if u not in before],
            "removed": [{"url": u, "name": before[u]} for u in before if u not in after],
        }
    diff = None
    if "body" in changed:
        diff = render_text_diff(diff_texts(old.get("body") or "", new.get("body") or ""))
    return diff, details


def _revisions(version) -> dict:
    """Which site model and extraction rules a stored version's (or a fetch's) fields came from."""
    if isinstance(version, dict):
        return {
            "model_revision": version["model_revision"],
            "extractor_revision": version["extractor_revision"],
        }
    return {
        "model_revision": version.model_revision,
        "extractor_revision": version.extractor_revision,
    }


def _fetched_fields(fetched: FetchedRelease) -> dict:
    """A fetch's extracted fields as :meth:`Store.reextract_version` takes them."""
    return {
        "title": fetched.title,
        "source": fetched.source,
        "published_at": fetched.published_at,
        "published_at_meta": fetched.published_at_meta,
        "title_variant": fetched.title_variant,
        "body": fetched.body,
        "breadcrumb": fetched.breadcrumb,
        "column": fetched.column,
        "attachments": fetched.attachments,
    }


# Fields a template may print or not; the rest (title, text, attachments) are what a page says.
_PRINTED_BY_TEMPLATE = {"source", "published_at"}
_CLASS_ATTR = re.compile(rb"""\b(?:class|id)\s*=\s*["']([^"']{1,200})["']""", re.I)
_TEMPLATE_BYTES = 300_000
_SAME_TEMPLATE = 0.5  # share of class and id names two pages of one template have in common


# What joins a title to the site's name: dashes, bars, underscores, colons, bullets, or a run of
# spaces (a single space between words joins words, not a site's name).
_AFFIX_SEP = re.compile(r"\s*[-_|｜丨¦•·—–－~:：]+\s*|\s{2,}|\u3000+")
_AFFIX_TAIL = re.compile(f"(?:{_AFFIX_SEP.pattern})$")
_AFFIX_CHARS = 80


def _affix_only(before: str | None, after: str | None) -> bool:
    """Whether one title is the other with a part added before or after a separator."""
    a, b = " ".join((before or "").split()), " ".join((after or "").split())
    if not a or not b or a == b:
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short):
        sep = _AFFIX_SEP.match(long, len(short))
        return bool(sep) and 0 < len(long) - sep.end() <= _AFFIX_CHARS
    if long.endswith(short):
        sep = _AFFIX_TAIL.search(long[: -len(short)])
        return bool(sep) and 0 < sep.start() <= _AFFIX_CHARS
    return False


def _template_names(raw: bytes) -> set[bytes]:
    return {name for m in _CLASS_ATTR.finditer(raw[:_TEMPLATE_BYTES]) for name in m[1].split()}


def _template_dropped_a_field(current: dict, fields: dict, raw_body: bytes | None) -> bool:
    """Whether the fetch says what the stored version says but for its presentation
    (:func:`_presented_otherwise`) and the page's template changed between them (most class and
    id names new): a redesign that stopped or started printing a field, put the site's name in
    its title, moved the files with the pages or drew its own boxes and a second rendering of
    the figures around the same text."""
    if not _presented_otherwise(_version_fields(current), fields):
        return False
    if current["raw_body"] is None or not raw_body:
        return False
    before = _template_names(zlib.decompress(current["raw_body"]))
    after = _template_names(raw_body)
    if not before or not after:
        return False
    return len(before & after) / len(before | after) < _SAME_TEMPLATE


def _presented_otherwise(previous: dict, fields: dict) -> bool:
    """Whether two readings of a page differ only as two templates present it: by a source or
    date one of them does not print at all, a title that gained or lost a part after a
    separator (the site's name), attachments of the same names at new addresses, or a body
    redrawn around the same lines (:func:`_same_lines_redrawn`)."""
    changed = changed_fields(previous, fields)
    if not changed or not set(changed) <= _PRINTED_BY_TEMPLATE | {"title", "attachments", "body"}:
        return False
    if any(
        bool(previous.get(name)) == bool(fields.get(name))
        for name in changed
        if name in _PRINTED_BY_TEMPLATE
    ):
        return False
    if "title" in changed and not _affix_only(previous.get("title"), fields.get("title")):
        return False
    if "attachments" in changed and _attachment_names(previous) != _attachment_names(fields):
        return False
    return "body" not in changed or _same_lines_redrawn(previous.get("body"), fields.get("body"))


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[A-Za-z]+|[\u3400-\u9fff\uf900-\ufaff]+")


def _restates(line: str, others: list[tuple[set[str], str]], text: str) -> bool:
    """Whether ``line`` is a second rendering of one of ``others`` (each line's figures and its
    text squashed; ``text``: all of them squashed, lower-cased): a phone's card of a table row
    says that row's figures, every one, under the page's words (`粳米标一 2.95元/500克 环比
    0.00%` for the row `粳米 标一 元/500克 2.95 …`)."""
    figures = set(_FIGURE.findall(line))
    words = [w.lower() for w in _WORD.findall(line)]
    if not figures or not all(w in text for w in words):
        return False
    return any(
        figures <= numbers and (not words or any(w in squashed for w in words))
        for numbers, squashed in others
    )


def _same_lines_redrawn(before: str | None, after: str | None) -> bool:
    """Whether two bodies say the same once a redesign's drawing is set aside: every line of
    each is in the other or restates one of the other's lines (:func:`_restates`), but for the
    template's own boxes each side may have (:func:`_template_boxes`: the old template's share
    bar gone, the new one's box added) — never a line of one that is a line of the other edited."""
    old, new = _text_lines(before), _text_lines(after)
    gone, added = _not_said(old.values(), new), _not_said(new.values(), old)
    if any(_rewritten(a, b) for a in gone for b in added):
        return False
    return (not gone or _template_boxes(list(old.values()), set(gone))) and (
        not added or _template_boxes(list(new.values()), set(added))
    )


_REWRITTEN = 0.5  # similarity of a line and its edited self (difflib's ratio)


def _rewritten(a: str, b: str) -> bool:
    """Whether line ``b`` is line ``a`` edited (a clause added, a figure changed) rather than
    another line."""
    return SequenceMatcher(None, clean_text(a), clean_text(b), autojunk=False).ratio() >= _REWRITTEN


# What a template's own boxes may amount to in a body it draws around a page's text: "Get
# advisories by text" and one sentence after the text, a table's caption.
_BOX_LINES = 3
_BOX_CHARS = 200
_BOX_SHARE = 0.15


def _template_boxes(lines: list[str], unsaid: set[str]) -> bool:
    """Whether the ``unsaid`` lines of a body (``lines``, in order) are boxes a template draws
    around the page's text rather than text of the page: short runs of prose (no table row)
    before its first line, after its last or heading a table (a caption), a small share of it
    all. A line added inside the text is no template's."""
    runs: list[list[int]] = []
    for index, line in enumerate(lines):
        if line in unsaid:
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
    size = sum(len(clean_text(lines[i])) for run in runs for i in run)
    if size > _BOX_CHARS or size > _BOX_SHARE * sum(len(clean_text(line)) for line in lines):
        return False
    for run in runs:
        after = run[-1] + 1
        placed = run[0] == 0 or after == len(lines) or "\t" in lines[after]
        if not placed or len(run) > _BOX_LINES or any("\t" in lines[i] for i in run):
            return False
    return True


# A second rendering of a table draws several of its rows again (a phone's cards); a lone line
# whose figures one row holds is a sentence of the page, a summary added or deleted.
_RENDERED_ROWS = 2


def _not_said(lines: Iterable[str], other: dict[str, str]) -> list[str]:
    """The ``lines`` neither in ``other`` (:func:`_text_lines`) nor, among at least
    ``_RENDERED_ROWS`` that do, restating one of its lines."""
    unknown = [line for line in lines if clean_text(line) not in other]
    if not unknown:
        return []
    others = [
        (set(_FIGURE.findall(line)), "".join(line.split()).lower()) for line in other.values()
    ]
    text = "".join(squashed for _, squashed in others)
    rows = [_cells(line) for line in other.values() if "\t" in line]
    restating = {
        line for line in unknown if not _row_edited(line, rows) and _restates(line, others, text)
    }
    if len(restating) < _RENDERED_ROWS:
        return unknown
    return [line for line in unknown if line not in restating]


def _cells(line: str) -> list[str]:
    return [clean_text(cell) for cell in line.split("\t")]


def _row_edited(line: str, rows: list[list[str]]) -> bool:
    """Whether ``line`` is one of ``rows`` with some of its cells changed (a status lifted, a
    date corrected): the same number of cells, most of them the same. A second rendering of a
    row (a phone's card) has cells of its own."""
    if "\t" not in line:
        return False
    cells = _cells(line)
    return any(
        len(row) == len(cells) and 2 * sum(a == b for a, b in zip(row, cells)) >= len(cells)
        for row in rows
    )


def _text_lines(body: str | None) -> dict[str, str]:
    """A body's lines by the text they compare as (:func:`clean_text`)."""
    return {clean_text(line): line.strip() for line in (body or "").splitlines() if line.strip()}


def _attachment_names(fields: dict) -> list[str]:
    return sorted(clean_text(a.get("name")) for a in fields.get("attachments") or [])


def _as_presented(current: dict, fetched: FetchedRelease) -> dict:
    """The current version as the page's present template draws it, when a redesign that said
    the same was set aside (``versions.presented``, read under the fetch's revisions): its
    fields, hash and response stand in for the version's in every comparison."""
    if not current.get("presented"):
        return current
    presented = json.loads(current["presented"])
    if presented["revisions"] != _revisions(fetched):
        return current
    return {
        **current,
        **{name: presented.get(name) for name in ("title", "source", "published_at", "body")},
        "attachments": json.dumps(presented.get("attachments") or [], ensure_ascii=False),
        "content_hash": presented["content_hash"],
        "raw_body": current["presented_raw"],
        "drawn_now": True,
    }


def _version_fields(row: dict) -> dict:
    return {
        "title": row["title"],
        "source": row["source"],
        "published_at": row["published_at"],
        "body": row["body"],
        "attachments": json.loads(row["attachments"] or "[]"),
    }
