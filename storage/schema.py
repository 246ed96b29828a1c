"""Schema of the SQLite store, as ordered migrations (recorded in ``_sqlite_migrations``).

Never edit a migration that has shipped: add a new one. ``docs/schema.md`` describes the tables.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("bulletin")


@migrations()
def m001_initial(db: Database) -> None:
    for statement in _INITIAL:
        db.execute(statement)


_INITIAL = [
    """
    CREATE TABLE sites (
        name TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        config TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """
    CREATE TABLE crawls (
        id INTEGER PRIMARY KEY,
        site TEXT NOT NULL REFERENCES sites(name),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running',
        baseline INTEGER NOT NULL DEFAULT 0,
        requests INTEGER NOT NULL DEFAULT 0,
        pages_fetched INTEGER NOT NULL DEFAULT 0,
        responses_by_status TEXT NOT NULL DEFAULT '{}',
        list_pages INTEGER NOT NULL DEFAULT 0,
        releases_new INTEGER NOT NULL DEFAULT 0,
        releases_edited INTEGER NOT NULL DEFAULT 0,
        releases_seen INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        error TEXT
    )""",
    "CREATE INDEX idx_crawls_site ON crawls(site, started_at)",
    """
    CREATE TABLE releases (
        id INTEGER PRIMARY KEY,
        site TEXT NOT NULL REFERENCES sites(name),
        url TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'live',
        first_seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        last_fetched_at TEXT,
        current_version_id INTEGER
    )""",
    "CREATE INDEX idx_releases_site ON releases(site, first_seen_at)",
    """
    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        release_id INTEGER NOT NULL REFERENCES releases(id),
        seq INTEGER NOT NULL,
        crawl_id INTEGER REFERENCES crawls(id),
        fetched_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        changed_fields TEXT NOT NULL DEFAULT '[]',
        title TEXT,
        source TEXT,
        published_at TEXT,
        published_at_meta TEXT,
        body TEXT NOT NULL DEFAULT '',
        breadcrumb TEXT NOT NULL DEFAULT '[]',
        column_name TEXT,
        attachments TEXT NOT NULL DEFAULT '[]',
        url TEXT NOT NULL,
        final_url TEXT,
        http_status INTEGER,
        headers TEXT NOT NULL DEFAULT '{}',
        encoding TEXT,
        raw_body BLOB,
        raw_compression TEXT NOT NULL DEFAULT 'zlib',
        raw_size INTEGER,
        raw_sha256 TEXT,
        UNIQUE (release_id, seq)
    )""",
    "CREATE INDEX idx_versions_published ON versions(published_at)",
    """
    CREATE TABLE list_pages (
        id INTEGER PRIMARY KEY,
        site TEXT NOT NULL REFERENCES sites(name),
        url TEXT NOT NULL UNIQUE,
        column_name TEXT,
        breadcrumb TEXT NOT NULL DEFAULT '[]',
        first_seen_at TEXT NOT NULL,
        last_crawled_at TEXT NOT NULL,
        last_status INTEGER,
        link_count INTEGER NOT NULL DEFAULT 0
    )""",
    """
    CREATE TABLE list_entries (
        list_page_id INTEGER NOT NULL REFERENCES list_pages(id),
        release_id INTEGER NOT NULL REFERENCES releases(id),
        position INTEGER NOT NULL,
        title TEXT,
        date TEXT,
        pinned INTEGER NOT NULL DEFAULT 0,
        first_seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        PRIMARY KEY (list_page_id, release_id)
    )""",
    "CREATE INDEX idx_list_entries_release ON list_entries(release_id)",
    """
    CREATE TABLE release_columns (
        release_id INTEGER NOT NULL REFERENCES releases(id),
        column_name TEXT NOT NULL,
        list_page_url TEXT,
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (release_id, column_name)
    )""",
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        site TEXT NOT NULL REFERENCES sites(name),
        release_id INTEGER NOT NULL REFERENCES releases(id),
        version_id INTEGER REFERENCES versions(id),
        crawl_id INTEGER REFERENCES crawls(id),
        detected_at TEXT NOT NULL,
        baseline INTEGER NOT NULL DEFAULT 0,
        changed_fields TEXT NOT NULL DEFAULT '[]'
    )""",
    "CREATE INDEX idx_events_site ON events(site, detected_at)",
    """
    CREATE TABLE fetch_failures (
        id INTEGER PRIMARY KEY,
        crawl_id INTEGER REFERENCES crawls(id),
        site TEXT NOT NULL,
        url TEXT NOT NULL,
        release_id INTEGER REFERENCES releases(id),
        http_status INTEGER,
        reason TEXT NOT NULL,
        failed_at TEXT NOT NULL
    )""",
    "CREATE INDEX idx_fetch_failures_crawl ON fetch_failures(crawl_id)",
    """
    CREATE VIEW latest_versions AS
    SELECT r.id AS release_id, r.site, r.url, r.status, r.first_seen_at, r.last_seen_at,
           v.id AS version_id, v.seq AS version, v.fetched_at, v.title, v.source, v.published_at,
           v.column_name, v.body, v.attachments, v.breadcrumb
    FROM releases r JOIN versions v ON v.id = r.current_version_id""",
]


@migrations()
def m002_monitor(db: Database) -> None:
    """Change monitoring: validators per URL, removal tracking, readable diffs, site health."""
    for statement in _MONITOR:
        db.execute(statement)


_MONITOR = [
    """
    CREATE TABLE validators (
        url TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        links_hash TEXT,
        updated_at TEXT NOT NULL
    )""",
    "ALTER TABLE releases ADD COLUMN missing_count INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE releases ADD COLUMN removed_at TEXT",
    "ALTER TABLE events ADD COLUMN diff TEXT",
    "ALTER TABLE events ADD COLUMN details TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE crawls ADD COLUMN releases_removed INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE crawls ADD COLUMN releases_incomplete INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE crawls ADD COLUMN not_modified INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE crawls ADD COLUMN list_links INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE crawls ADD COLUMN note TEXT",
    """
    CREATE TABLE site_health (
        site TEXT PRIMARY KEY REFERENCES sites(name),
        state TEXT NOT NULL DEFAULT 'ok',
        since TEXT NOT NULL,
        reason TEXT
    )""",
    """
    CREATE TABLE site_health_changes (
        id INTEGER PRIMARY KEY,
        site TEXT NOT NULL REFERENCES sites(name),
        state TEXT NOT NULL,
        reason TEXT,
        crawl_id INTEGER REFERENCES crawls(id),
        detected_at TEXT NOT NULL
    )""",
]


@migrations()
def m020_alerts(db: Database) -> None:
    """Alerts: subscriptions synced from the configuration, the outbox rows and the messages."""
    for statement in _ALERTS:
        db.execute(statement)


_ALERTS = [
    """
    CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '[]',
        sites TEXT NOT NULL DEFAULT '[]',
        kinds TEXT NOT NULL DEFAULT '["new"]',
        keywords_any TEXT NOT NULL DEFAULT '[]',
        keywords_all TEXT NOT NULL DEFAULT '[]',
        keywords_in TEXT NOT NULL DEFAULT '["title", "body"]',
        delivery TEXT NOT NULL DEFAULT 'immediate',
        digest_at TEXT,
        timezone TEXT NOT NULL DEFAULT 'UTC',
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """
    CREATE TABLE alert_messages (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
        token TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'sending',
        created_at TEXT NOT NULL,
        recipients TEXT NOT NULL DEFAULT '[]',
        pending_recipients TEXT NOT NULL DEFAULT '[]',
        failed_recipients TEXT NOT NULL DEFAULT '{}',
        in_doubt INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        lease_owner TEXT,
        lease_until TEXT,
        sent_at TEXT
    )""",
    "CREATE INDEX idx_alert_messages_status ON alert_messages(status, next_attempt_at)",
    """
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
        kind TEXT NOT NULL,
        site TEXT NOT NULL,
        event_id INTEGER REFERENCES events(id),
        crawl_id INTEGER REFERENCES crawls(id),
        created_at TEXT NOT NULL,
        deliver_after TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        message_id INTEGER REFERENCES alert_messages(id),
        detail TEXT NOT NULL DEFAULT '{}',
        last_error TEXT,
        sent_at TEXT
    )""",
    """CREATE UNIQUE INDEX idx_alerts_event ON alerts(subscription_id, event_id)
       WHERE event_id IS NOT NULL AND kind != 'baseline'""",
    "CREATE UNIQUE INDEX idx_alerts_baseline ON alerts(subscription_id, site) WHERE kind = 'baseline'",
    "CREATE INDEX idx_alerts_status ON alerts(status, subscription_id, deliver_after)",
    "CREATE INDEX idx_alerts_message ON alerts(message_id)",
]


@migrations()
def m010_search(db: Database) -> None:
    """Search index (folded text + FTS5 trigram), views for archivists, events by release."""
    for statement in _SEARCH:
        db.execute(statement)
    from .search import rebuild_index

    rebuild_index(db)


_SEARCH_TRIGRAMS = (
    "CREATE TABLE IF NOT EXISTS search_trigrams (trigram TEXT PRIMARY KEY) WITHOUT ROWID"
)

_SEARCH = [
    # rowid is the sort key of storage.search.search_key: newest first is rowid order.
    """
    CREATE TABLE search_docs (
        rowid INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL UNIQUE REFERENCES versions(id),
        release_id INTEGER NOT NULL REFERENCES releases(id),
        site TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX idx_search_docs_release ON search_docs(release_id)",
    # content="..." in double quotes: the form Datasette looks for to offer a search box.
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, source, body, content="search_docs", content_rowid="rowid", tokenize="trigram"
    )""",
    "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')",
    _SEARCH_TRIGRAMS,
    "CREATE INDEX IF NOT EXISTS idx_events_release_kind ON events(release_id, kind)",
    """
    CREATE VIEW edits AS
    SELECT v.release_id, r.site, r.url, v.seq AS version, v.id AS version_id, p.id AS previous_version_id,
           v.fetched_at, v.changed_fields,
           p.title AS previous_title, v.title,
           p.source AS previous_source, v.source,
           p.published_at AS previous_published_at, v.published_at,
           p.attachments AS previous_attachments, v.attachments,
           e.diff AS body_diff,
           p.body AS previous_body, v.body
    FROM versions v
    JOIN versions p ON p.release_id = v.release_id AND p.seq = v.seq - 1
    JOIN releases r ON r.id = v.release_id
    LEFT JOIN events e ON e.version_id = v.id AND e.kind = 'edited'
    WHERE v.seq > 1""",
    """
    CREATE VIEW removed_releases AS
    SELECT r.id AS release_id, r.site, r.url, v.title, v.source, v.published_at, v.seq AS versions,
           r.first_seen_at, r.last_seen_at,
           (SELECT max(e.detected_at) FROM events e WHERE e.release_id = r.id AND e.kind = 'removed') AS removed_at
    FROM releases r LEFT JOIN versions v ON v.id = r.current_version_id
    WHERE r.status = 'removed'""",
]


@migrations()
def m011_search_trigrams(db: Database) -> None:
    """Every indexed trigram, for one- and two-character queries (files indexed before it)."""
    db.execute(_SEARCH_TRIGRAMS)
    from .search import index_trigrams

    cursor = db.execute("SELECT title, source, body FROM search_docs")
    while batch := cursor.fetchmany(2000):
        index_trigrams(db, (text for row in batch for text in row))


@migrations()
def m030_one_fold(db: Database) -> None:
    """Re-fold the search index with the project's one traditional → simplified fold
    (``storage.normalize.fold``: 藉口 now finds 借口, as keyword filters always did)."""
    from .search import rebuild_index

    rebuild_index(db)


@migrations()
def m031_removal_window(db: Database) -> None:
    """When a release was first missed: its removal is confirmed only after a site's
    ``removal_confirm_after`` has passed since then."""
    db.execute("ALTER TABLE releases ADD COLUMN missing_since TEXT")


@migrations()
def m032_site_models(db: Database) -> None:
    """Site models (what each site repeats on its pages) and the re-extractions they caused."""
    for statement in _SITE_MODELS:
        db.execute(statement)


_SITE_MODELS = [
    """
    CREATE TABLE site_models (
        site TEXT PRIMARY KEY REFERENCES sites(name),
        revision INTEGER NOT NULL DEFAULT 0,
        pages INTEGER NOT NULL DEFAULT 0,
        model TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL
    )""",
    # The site model revision a version's fields were extracted with (NULL: no model).
    "ALTER TABLE versions ADD COLUMN model_revision INTEGER",
    """
    CREATE TABLE reextractions (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES versions(id),
        site TEXT NOT NULL,
        model_revision INTEGER,
        previous_model_revision INTEGER,
        changed_fields TEXT NOT NULL DEFAULT '[]',
        previous TEXT NOT NULL DEFAULT '{}',
        reextracted_at TEXT NOT NULL
    )""",
    "CREATE INDEX idx_reextractions_version ON reextractions(version_id)",
]


@migrations()
def m040_missing_fetches(db: Database) -> None:
    """Which failed fetches were a known release answering 404/410 (or redirecting home): the
    crawl summary tells them from errors."""
    db.execute("ALTER TABLE fetch_failures ADD COLUMN missing INTEGER NOT NULL DEFAULT 0")


@migrations()
def m041_one_column_per_spelling(db: Database) -> None:
    """A column recorded in two spellings (學習貫徹 / 学习贯彻) becomes one row, the list page's
    spelling kept; columns that are overview pages (above another column in a breadcrumb, or
    listing other columns' releases) go."""
    import json

    from .columns import aggregating_pages, ancestor_names
    from .normalize import fold

    overviews: dict[str, set[str]] = {}
    pages = db.execute("SELECT site, breadcrumb, column_name FROM list_pages")
    versions = db.execute(
        """SELECT DISTINCT r.site, v.breadcrumb, v.column_name FROM versions v JOIN releases r ON r.id = v.release_id
           WHERE v.breadcrumb NOT IN ('', '[]')"""
    )
    for rows in (pages, versions):
        for site, crumbs, column in rows.fetchall():
            overviews.setdefault(site, set()).update(
                ancestor_names(json.loads(crumbs or "[]"), column)
            )
    for site in list(overviews) + [
        row[0] for row in db.execute("SELECT DISTINCT site FROM list_pages").fetchall()
    ]:
        overviews.setdefault(site, set()).update(aggregating_pages(db, site))
    kept: dict[tuple[int, str], tuple] = {}
    doomed = []
    rows = db.execute(
        """SELECT c.release_id, r.site, c.column_name, c.list_page_url, c.first_seen_at FROM release_columns c
           JOIN releases r ON r.id = c.release_id ORDER BY c.release_id, c.list_page_url IS NULL, c.first_seen_at"""
    )
    for release_id, site, name, listed_at, _first_seen in rows.fetchall():
        key = fold(name)
        if key in overviews.get(site, ()) or (release_id, key) in kept:
            doomed.append((release_id, name))
        else:
            kept[(release_id, key)] = (name, listed_at)
    db.conn.executemany(
        "DELETE FROM release_columns WHERE release_id = ? AND column_name = ?", doomed
    )


@migrations()
def m042_finished_walks(db: Database) -> None:
    """List state a crash cannot run ahead of: which crawl saw each list row, whether a finished
    crawl did, which list series a page belongs to, which crawl saved each validator."""
    for statement in _FINISHED_WALKS:
        db.execute(statement)


_FINISHED_WALKS = [
    "ALTER TABLE list_entries ADD COLUMN crawl_id INTEGER REFERENCES crawls(id)",
    "ALTER TABLE list_entries ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0",
    # Rows from before this migration: confirmed when a finished crawl was running as they were seen.
    """UPDATE list_entries SET confirmed = 1 WHERE EXISTS (
         SELECT 1 FROM crawls c JOIN list_pages p ON p.site = c.site
         WHERE p.id = list_entries.list_page_id AND c.status = 'finished' AND c.finished_at IS NOT NULL
           AND (list_entries.first_seen_at BETWEEN c.started_at AND c.finished_at
                OR list_entries.last_seen_at BETWEEN c.started_at AND c.finished_at))""",
    "ALTER TABLE list_pages ADD COLUMN series_url TEXT",
    "ALTER TABLE validators ADD COLUMN crawl_id INTEGER",
]


@migrations()
def m045_held_content(db: Database) -> None:
    """A collapsed body (the site's frame without its content) waiting to be seen again before
    it becomes a version: see ``Store.record_release``."""
    db.execute("ALTER TABLE releases ADD COLUMN held_since TEXT")


@migrations()
def m046_revisit_checks(db: Database) -> None:
    """When each release was last checked (a fetch, a 304 or a miss), for rolling revisits
    within ``revisit_max``; what each crawl revisited and when the rest are due."""
    for statement in _REVISIT_CHECKS:
        db.execute(statement)


_REVISIT_CHECKS = [
    "ALTER TABLE releases ADD COLUMN last_checked_at TEXT",
    "UPDATE releases SET last_checked_at = coalesce(last_fetched_at, removed_at, first_seen_at)",
    "ALTER TABLE crawls ADD COLUMN revisited INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE crawls ADD COLUMN revisits_next_at TEXT",
    "ALTER TABLE crawls ADD COLUMN revisits_due_by TEXT",
]


@migrations()
def m047_alert_cursor(db: Database) -> None:
    """Alert rows are written after the events, by the alert policy (``crawler/alerts``), from a
    cursor over the events; a subscription hears of events recorded after it was configured.
    Events stored before this migration had their rows written with them."""
    db.execute(
        "CREATE TABLE alert_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), event_id INTEGER NOT NULL)"
    )
    db.execute("INSERT INTO alert_cursor VALUES (1, (SELECT coalesce(max(id), 0) FROM events))")
    db.execute("ALTER TABLE subscriptions ADD COLUMN from_event_id INTEGER NOT NULL DEFAULT 0")


@migrations()
def m048_extractor_revision(db: Database) -> None:
    """The extraction rules' revision each version's fields came from (NULL: stored before
    revisions were kept), and in ``reextractions`` the revisions before and after: a stored
    version read under older rules is re-extracted before a refetch is compared with it."""
    for statement in _EXTRACTOR_REVISION:
        db.execute(statement)


_EXTRACTOR_REVISION = [
    "ALTER TABLE versions ADD COLUMN extractor_revision INTEGER",
    "ALTER TABLE reextractions ADD COLUMN extractor_revision INTEGER",
    "ALTER TABLE reextractions ADD COLUMN previous_extractor_revision INTEGER",
]


@migrations()
def m049_crawl_refreshes(db: Database) -> None:
    """How many known releases a crawl found stored under older extraction rules (or another site
    model) and re-extracted from their raw bodies before comparing: an upgrade, shown apart from
    edits. Crawls before this migration: 0 (their refreshes were not counted)."""
    db.execute("ALTER TABLE crawls ADD COLUMN releases_refreshed INTEGER NOT NULL DEFAULT 0")


@migrations()
def m050_release_aliases(db: Database) -> None:
    """Other URLs that reach a release: a listed URL that redirects to the release's own (301/302
    or a meta refresh), or the release's own URL before it moved (``moved``: it now redirects to
    the new one). A release is stored once however many URLs reach it."""
    db.execute(
        """CREATE TABLE release_aliases (
            url TEXT PRIMARY KEY,
            release_id INTEGER NOT NULL REFERENCES releases(id),
            site TEXT NOT NULL,
            moved INTEGER NOT NULL DEFAULT 0,
            first_seen_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            crawl_id INTEGER
        )"""
    )
    db.execute("CREATE INDEX idx_release_aliases_release ON release_aliases(release_id)")


@migrations()
def m051_merged_releases(db: Database) -> None:
    """Two releases found to be one page (the first URL now redirects to the second's, and the page
    is the first's): the first is ``merged`` into the second (``merged_into``), its URL an alias
    of it. Its versions and events stay under its own id, as they were recorded. Stores from before
    the alias table held such pairs as two releases; the first fetch that proves the redirect merges
    them (no migration can know which URLs redirect where)."""
    db.execute("ALTER TABLE releases ADD COLUMN merged_into INTEGER REFERENCES releases(id)")


@migrations()
def m052_list_series_end(db: Database) -> None:
    """Whether a list page was the end of its walk when last crawled (no next page, or the
    walk's page limit): the last crawl that reached a series' end walked all of it. NULL for
    pages recorded before, so each series is walked to its end once more after the upgrade."""
    db.execute("ALTER TABLE list_pages ADD COLUMN series_end INTEGER")


@migrations()
def m053_version_title_variant(db: Database) -> None:
    """The ``<title>``/``<meta>`` spelling of a version's title when it differs from the visible
    heading the title came from (``title_variant``): kept beside it, never hashed."""
    db.execute("ALTER TABLE versions ADD COLUMN title_variant TEXT")


@migrations()
def m054_version_presentation(db: Database) -> None:
    """How the page's present template draws a version a redesign left as it was
    (``presented``: JSON of the fields as read then, their content hash and the revisions they
    were read under; ``presented_raw``: that response, zlib-compressed): later fetches compare
    with the page as it is drawn now. NULL: drawn as the version was."""
    db.execute("ALTER TABLE versions ADD COLUMN presented TEXT")
    db.execute("ALTER TABLE versions ADD COLUMN presented_raw BLOB")


@migrations()
def m055_alert_message_parts(db: Database) -> None:
    """How many parts of an alert message have reached the receiver (``parts_delivered``): a chat
    robot's message is split to its API's size limit, and a retry after a rate limit or an
    outage resumes after the parts already posted instead of posting them twice."""
    db.execute("ALTER TABLE alert_messages ADD COLUMN parts_delivered INTEGER NOT NULL DEFAULT 0")
