"""The store: one SQLite file holding sites, releases, their versions, list pages, crawls and events.

Writers go through :class:`Store`; each ``record_*`` call is one transaction, so a reader never
sees half a release. The store, not the crawler, decides what is new or edited: it holds the
previous version.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from .errors import NotFound, StoreError
from .normalize import changed_fields, content_hash
from .outbox import enqueue_alerts
from .search import index_version
from .schema import migrations
from .urls import canonical_url


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class FetchedRelease:
    """What a crawl saw of one article page: the response and the extracted fields."""

    url: str
    title: str | None = None
    source: str | None = None
    published_at: str | None = None
    published_at_meta: str | None = None
    body: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    column: str | None = None
    attachments: list[dict] = field(default_factory=list)
    final_url: str | None = None
    http_status: int | None = 200
    headers: dict[str, str] = field(default_factory=dict)
    raw_body: bytes | None = None
    encoding: str | None = None


@dataclass
class RecordResult:
    """What recording a release did: ``new``, ``edited`` or ``unchanged`` (urlwatch's words)."""

    kind: str
    release_id: int
    version_id: int | None
    changed_fields: list[str] = field(default_factory=list)
    restored: bool = False


@dataclass
class ListPageResult:
    """What recording a list page found: which of its links are releases the store knows."""

    list_page_id: int
    known: list[str]
    unknown: list[str]


class Store:
    """A bulletin-monitor database.

    ``Store(path)`` opens (creating and migrating when needed) the SQLite file at ``path`` in
    WAL mode, so archivists can read while a crawl writes.
    """

    def __init__(self, path: str | Path, *, clock: Callable[[], datetime] = utc_now, busy_timeout_ms: int = 30_000):
        self.path = Path(path)
        self.clock = clock
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=busy_timeout_ms / 1000, isolation_level=None)
            self.db = sqlite_utils.Database(conn)
            self.db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _now(self) -> str:
        return self.clock().astimezone(timezone.utc).isoformat(timespec="seconds")

    def _transaction(self):
        return _Transaction(self.db.conn)

    # Sites -----------------------------------------------------------------------------------

    def ensure_site(self, name: str, *, title: str | None = None, config: dict | None = None) -> None:
        """Create or update the row of site ``name``."""
        now = self._now()
        with self._transaction():
            self.db.execute(
                """INSERT INTO sites (name, title, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(name) DO UPDATE SET title = excluded.title, config = excluded.config,
                   updated_at = excluded.updated_at""",
                [name, title or name, json.dumps(config or {}, ensure_ascii=False), now, now],
            )

    def sites(self) -> list[dict]:
        """Every site with its release count and its last crawl."""
        rows = self.db.query(
            """SELECT s.name, s.title,
                      (SELECT count(*) FROM releases r WHERE r.site = s.name) AS releases,
                      c.id AS last_crawl_id, c.started_at AS last_crawl_at, c.status AS last_crawl_status
               FROM sites s
               LEFT JOIN crawls c ON c.id = (SELECT max(id) FROM crawls WHERE site = s.name)
               ORDER BY s.name"""
        )
        return list(rows)

    # Crawls ----------------------------------------------------------------------------------

    def start_crawl(self, site: str) -> int:
        """Open a crawl row. A site's first crawl is its baseline."""
        with self._transaction():
            previous = self.db.execute(
                "SELECT count(*) FROM crawls WHERE site = ? AND status = 'finished'", [site]
            ).fetchone()[0]
            cursor = self.db.execute(
                "INSERT INTO crawls (site, started_at, status, baseline) VALUES (?, ?, 'running', ?)",
                [site, self._now(), 0 if previous else 1],
            )
            return cursor.lastrowid

    def finish_crawl(self, crawl_id: int, *, status: str = "finished", stats: dict | None = None, error: str | None = None) -> None:
        """Close a crawl row with its final status, counters and error message."""
        stats = dict(stats or {})
        by_status = stats.pop("responses_by_status", None)
        columns = {
            key: stats[key]
            for key in ("requests", "pages_fetched", "list_pages", "releases_seen", "errors")
            if key in stats
        }
        with self._transaction():
            counts = self.db.execute(
                """SELECT
                     sum(kind = 'new'), sum(kind = 'edited')
                   FROM events WHERE crawl_id = ?""",
                [crawl_id],
            ).fetchone()
            assignments = {
                "finished_at": self._now(),
                "status": status,
                "error": error,
                "releases_new": counts[0] or 0,
                "releases_edited": counts[1] or 0,
                **columns,
            }
            if by_status is not None:
                assignments["responses_by_status"] = json.dumps(by_status, sort_keys=True)
            sets = ", ".join(f"{key} = ?" for key in assignments)
            self.db.execute(f"UPDATE crawls SET {sets} WHERE id = ?", [*assignments.values(), crawl_id])

    def crawl(self, crawl_id: int) -> dict:
        row = self.db.execute("SELECT * FROM crawls WHERE id = ?", [crawl_id]).fetchone()
        if row is None:
            raise NotFound(f"no crawl {crawl_id}")
        keys = [d[0] for d in self.db.execute("SELECT * FROM crawls LIMIT 0").description]
        result = dict(zip(keys, row))
        result["responses_by_status"] = json.loads(result["responses_by_status"] or "{}")
        return result

    def crawls(self, site: str | None = None, limit: int = 20) -> list[dict]:
        where, params = ("WHERE site = ?", [site]) if site else ("", [])
        return list(self.db.query(f"SELECT * FROM crawls {where} ORDER BY id DESC LIMIT ?", [*params, limit]))

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
    ) -> ListPageResult:
        """Record a list page and the releases it lists.

        ``links`` are dicts with ``url``, ``title``, ``date`` and ``pinned``. Rows of releases the
        store does not know yet are kept once the release is recorded (:meth:`record_release`
        with ``listed_on``); the result tells the crawler which links are already known.
        """
        now = self._now()
        page_url = canonical_url(url)
        links = list(links)
        with self._transaction():
            self.db.execute(
                """INSERT INTO list_pages (site, url, column_name, breadcrumb, first_seen_at, last_crawled_at, last_status, link_count)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(url) DO UPDATE SET column_name = coalesce(excluded.column_name, column_name),
                     breadcrumb = excluded.breadcrumb, last_crawled_at = excluded.last_crawled_at,
                     last_status = excluded.last_status, link_count = excluded.link_count""",
                [site, page_url, column, json.dumps(breadcrumb or [], ensure_ascii=False), now, now, http_status, len(links)],
            )
            page_id = self.db.execute("SELECT id FROM list_pages WHERE url = ?", [page_url]).fetchone()[0]
            known, unknown = [], []
            for position, link in enumerate(links):
                release_url = canonical_url(link["url"])
                row = self.db.execute("SELECT id FROM releases WHERE url = ?", [release_url]).fetchone()
                if row is None:
                    unknown.append(link["url"])
                    continue
                known.append(link["url"])
                self._upsert_list_entry(page_id, row[0], position, link, now)
                self.db.execute("UPDATE releases SET last_seen_at = ? WHERE id = ?", [now, row[0]])
                if column:
                    self._add_column(row[0], column, page_url, now)
        return ListPageResult(page_id, known, unknown)

    def _upsert_list_entry(self, page_id: int, release_id: int, position: int, link: dict, now: str) -> None:
        self.db.execute(
            """INSERT INTO list_entries (list_page_id, release_id, position, title, date, pinned, first_seen_at, last_seen_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(list_page_id, release_id) DO UPDATE SET position = excluded.position,
                 title = excluded.title, date = excluded.date, pinned = excluded.pinned,
                 last_seen_at = excluded.last_seen_at""",
            [page_id, release_id, position, link.get("title"), link.get("date"), int(bool(link.get("pinned"))), now, now],
        )

    def _add_column(self, release_id: int, column: str, list_page_url: str | None, now: str) -> None:
        self.db.execute(
            """INSERT OR IGNORE INTO release_columns (release_id, column_name, list_page_url, first_seen_at)
               VALUES (?, ?, ?, ?)""",
            [release_id, column, list_page_url, now],
        )

    # Releases --------------------------------------------------------------------------------

    def record_release(
        self,
        site: str,
        fetched: FetchedRelease,
        *,
        crawl_id: int | None = None,
        listed_on: Iterable[dict] = (),
    ) -> RecordResult:
        """Store what a crawl saw of one article; returns whether it was new, edited or unchanged.

        ``listed_on`` holds the list rows that led to the article: dicts with ``list_page_url``,
        ``column``, ``position``, ``title``, ``date`` and ``pinned``. A new version is written only
        when the normalised content differs from the current version.
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
            baseline = 0
            if crawl_id is not None:
                row = self.db.execute("SELECT baseline FROM crawls WHERE id = ?", [crawl_id]).fetchone()
                baseline = row[0] if row else 0
            existing = self.db.execute(
                "SELECT id, current_version_id, status FROM releases WHERE url = ?", [url]
            ).fetchone()
            restored = False
            if existing is None:
                cursor = self.db.execute(
                    """INSERT INTO releases (site, url, status, first_seen_at, last_seen_at, last_fetched_at)
                       VALUES (?, ?, 'live', ?, ?, ?)""",
                    [site, url, now, now, now],
                )
                release_id = cursor.lastrowid
                version_id = self._insert_version(release_id, 1, url, fetched, digest, [], crawl_id, now)
                self._insert_event("new", site, release_id, version_id, crawl_id, now, baseline, [])
                kind, changed = "new", []
            else:
                release_id, current_id, status = existing
                current = self._version_row(current_id) if current_id else None
                if status == "removed":
                    restored = True
                    self._insert_event("restored", site, release_id, None, crawl_id, now, 0, [])
                if current is not None and current["content_hash"] == digest:
                    version_id, kind, changed = current_id, "unchanged", []
                else:
                    previous = _version_fields(current) if current else {}
                    changed = changed_fields(previous, fields)
                    seq = (current["seq"] + 1) if current else 1
                    version_id = self._insert_version(release_id, seq, url, fetched, digest, changed, crawl_id, now)
                    self._insert_event("edited", site, release_id, version_id, crawl_id, now, 0, changed)
                    kind = "edited"
                self.db.execute(
                    "UPDATE releases SET last_seen_at = ?, last_fetched_at = ?, status = 'live' WHERE id = ?",
                    [now, now, release_id],
                )
            if kind != "unchanged":
                self.db.execute("UPDATE releases SET current_version_id = ? WHERE id = ?", [version_id, release_id])
            if fetched.column:
                self._add_column(release_id, fetched.column, None, now)
            for entry in listed_on:
                list_url = canonical_url(entry["list_page_url"])
                page = self.db.execute("SELECT id FROM list_pages WHERE url = ?", [list_url]).fetchone()
                if page is not None:
                    self._upsert_list_entry(page[0], release_id, entry.get("position", 0), entry, now)
                if entry.get("column"):
                    self._add_column(release_id, entry["column"], list_url, now)
        return RecordResult(kind, release_id, version_id, changed, restored)

    def _insert_version(self, release_id, seq, url, fetched: FetchedRelease, digest, changed, crawl_id, now) -> int:
        raw = fetched.raw_body
        cursor = self.db.execute(
            """INSERT INTO versions (release_id, seq, crawl_id, fetched_at, content_hash, changed_fields,
                 title, source, published_at, published_at_meta, body, breadcrumb, column_name, attachments,
                 url, final_url, http_status, headers, encoding, raw_body, raw_size, raw_sha256)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                release_id, seq, crawl_id, now, digest, json.dumps(changed),
                fetched.title, fetched.source, fetched.published_at, fetched.published_at_meta,
                fetched.body or "", json.dumps(fetched.breadcrumb, ensure_ascii=False), fetched.column,
                json.dumps(fetched.attachments, ensure_ascii=False),
                url, fetched.final_url, fetched.http_status,
                json.dumps(fetched.headers, ensure_ascii=False), fetched.encoding,
                zlib.compress(raw, 6) if raw is not None else None,
                len(raw) if raw is not None else None,
                hashlib.sha256(raw).hexdigest() if raw is not None else None,
            ],
        )
        version_id = cursor.lastrowid
        index_version(self.db, version_id)
        return version_id

    def _insert_event(self, kind, site, release_id, version_id, crawl_id, now, baseline, changed) -> int:
        cursor = self.db.execute(
            """INSERT INTO events (kind, site, release_id, version_id, crawl_id, detected_at, baseline, changed_fields)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [kind, site, release_id, version_id, crawl_id, now, int(bool(baseline)), json.dumps(changed)],
        )
        event_id = cursor.lastrowid
        enqueue_alerts(self.db, event_id)
        return event_id

    def _version_row(self, version_id: int) -> dict | None:
        rows = list(self.db.query("SELECT * FROM versions WHERE id = ?", [version_id]))
        return rows[0] if rows else None

    def record_fetch_failure(
        self, site: str, url: str, reason: str, *, crawl_id: int | None = None, http_status: int | None = None
    ) -> None:
        """Record a fetch that did not yield the page (error status, block page, timeout...)."""
        release = self.db.execute("SELECT id FROM releases WHERE url = ?", [canonical_url(url)]).fetchone()
        with self._transaction():
            self.db.execute(
                """INSERT INTO fetch_failures (crawl_id, site, url, release_id, http_status, reason, failed_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [crawl_id, site, url, release[0] if release else None, http_status, reason, self._now()],
            )

    def fetch_failures(self, crawl_id: int) -> list[dict]:
        return list(self.db.query("SELECT * FROM fetch_failures WHERE crawl_id = ? ORDER BY id", [crawl_id]))

    # Queries ---------------------------------------------------------------------------------

    def known_urls(self, site: str) -> set[str]:
        """Canonical URLs of every release of ``site``."""
        return {row[0] for row in self.db.execute("SELECT url FROM releases WHERE site = ?", [site])}

    def release_id(self, url_or_id: str | int) -> int:
        """Resolve a release id or URL (any variant of it) to the release id."""
        text = str(url_or_id).strip()
        if text.isdigit():
            row = self.db.execute("SELECT id FROM releases WHERE id = ?", [int(text)]).fetchone()
        else:
            row = self.db.execute("SELECT id FROM releases WHERE url = ?", [canonical_url(text)]).fetchone()
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
                       r.last_seen_at, r.status, v.seq AS versions, v.column_name, v.attachments, v.breadcrumb,
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
        columns = "*" if with_raw else (
            "id, release_id, seq, crawl_id, fetched_at, content_hash, changed_fields, title, source, "
            "published_at, published_at_meta, body, breadcrumb, column_name, attachments, url, final_url, "
            "http_status, headers, encoding, raw_size, raw_sha256"
        )
        rows = list(self.db.query(f"SELECT {columns} FROM versions WHERE release_id = ? ORDER BY seq", [release_id]))
        for row in rows:
            for key in ("changed_fields", "breadcrumb", "attachments", "headers"):
                row[key] = json.loads(row[key] or "null")
            if with_raw and row.get("raw_body") is not None:
                row["raw_body"] = zlib.decompress(row["raw_body"])
        return rows

    def events(self, site: str | None = None, *, kind: str | None = None, since: str | None = None,
               include_baseline: bool = False, limit: int | None = None) -> list[dict]:
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
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = f"""SELECT e.id, e.kind, e.site, r.url, coalesce(v.title, cv.title) AS title, e.detected_at,
                         e.release_id, e.version_id, e.crawl_id, e.baseline, e.changed_fields
                  FROM events e JOIN releases r ON r.id = e.release_id
                  LEFT JOIN versions v ON v.id = e.version_id
                  LEFT JOIN versions cv ON cv.id = r.current_version_id
                  {where} ORDER BY e.id"""
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = list(self.db.query(sql, params))
        for row in rows:
            row["changed_fields"] = json.loads(row["changed_fields"] or "[]")
            row["baseline"] = bool(row["baseline"])
        return rows

    def counts(self) -> dict:
        """Row counts of the main tables (for summaries and tests)."""
        return {
            table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("sites", "releases", "versions", "list_pages", "events", "crawls", "fetch_failures")
        }


def _version_fields(row: dict) -> dict:
    return {
        "title": row["title"],
        "source": row["source"],
        "published_at": row["published_at"],
        "body": row["body"],
        "attachments": json.loads(row["attachments"] or "[]"),
    }


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT (or ROLLBACK), re-entrant: an inner block joins the outer one."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.owner = False

    def __enter__(self):
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.owner = True
        return self

    def __exit__(self, exc_type, exc, tb):
        if not self.owner:
            return False
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
        return False
