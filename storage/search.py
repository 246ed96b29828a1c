"""Full-text search over versions, for Chinese and Latin text alike.

The index lives in two tables created by the ``m010_search`` migration:

* ``search_docs`` — one row per version: its release, site, and a *folded* copy of title, source
  and body (:func:`fold`). Its rowid is a sort key, ``publish second × 10⁹ + version id``, so
  "newest first" is rowid order and a date range is a rowid range.
* ``search_fts`` — an FTS5 ``trigram`` index over ``search_docs`` (external content): any
  substring of three or more characters is a phrase of trigrams.

Queries of one or two characters cannot be trigram phrases. They are looked up in
``search_trigrams``, the set of every trigram indexed: the trigrams that start with the query,
ORed, find exactly the texts containing it, because each indexed column ends in two padding
characters, so every position of the text starts a trigram. (FTS5's own vocabulary table,
``search_vocab``, reads every matching doclist to count it: far too slow for this.) A query
starting too many trigrams is common, and is found by scanning the folded text newest first,
which stops after ``limit`` hits.

The stored versions are never altered: folding happens only here.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from datetime import UTC, datetime

from .dates import parse_day
from .errors import InvalidArgument
from .normalize import clean_text, display_text, fold, fold_chars, folded_with_offsets

__all__ = [
    "fold",
    "index_version",
    "index_rows",
    "is_word_term",
    "match_expression",
    "rebuild_index",
    "register_functions",
    "search",
    "search_key",
    "snippet",
    "unindex_version",
    "write_fts",
]

PAD = "\ue000\ue000"  # private-use characters: no query contains them
KEY_FACTOR = 1_000_000_000  # version ids stay below this; the rest of the key is seconds
MAX_VOCAB_TERMS = 500
SNIPPET_CONTEXT = 30
# Letters and digits of the scripts that separate words with spaces (Latin, Greek, Cyrillic):
# a query in them matches whole words; Chinese, which has no spaces, matches anywhere.
_WORD_CHARS = (
    "0-9a-z\u00aa\u00b5\u00ba\u00df-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff"
)
_WORD_CHAR = re.compile(f"[{_WORD_CHARS}]")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")


def search_key(published_at: str | None, fetched_at: str | None, version_id: int) -> int:
    """Sort key of a version: the wall-clock second of its publish time (its fetch time when
    it has none) × 10⁹ plus the version id."""
    return _seconds(published_at or fetched_at or "") * KEY_FACTOR + version_id


def _seconds(value: str) -> int:
    match = _DATE.match(value.strip())
    if not match:
        return 0
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
    try:
        moment = datetime(y, mo, d, h, mi, s, tzinfo=UTC)
    except ValueError:
        return 0
    return int(moment.timestamp())


def _day_bounds(since: str | None, until: str | None) -> tuple[int | None, int | None]:
    lo = hi = None
    if since:
        lo = _date_seconds(since, "since") * KEY_FACTOR
    if until:
        hi = (_date_seconds(until, "until") + 86_400) * KEY_FACTOR - 1
    return lo, hi


def _date_seconds(value: str, name: str) -> int:
    day = parse_day(value, name)
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def index_version(db, version_id: int) -> None:
    """Add one version to the search index, inside the caller's transaction."""
    row = db.execute(
        """SELECT v.id, v.release_id, r.site, v.published_at, v.fetched_at, v.title, v.source, v.body
           FROM versions v JOIN releases r ON r.id = v.release_id WHERE v.id = ?""",
        [version_id],
    ).fetchone()
    if row is not None:
        index_rows(db, [row])


def index_rows(db, rows, *, fts_rows: list | None = None) -> int:
    """Index many versions given as ``(version_id, release_id, site, published_at, fetched_at,
    title, source, body)`` tuples; the bulk path of :func:`index_version`. Returns the count.

    With ``fts_rows``, the full-text rows are appended to that list instead of written: the
    caller writes them with :func:`write_fts` before its transaction commits."""
    docs = [
        (
            search_key(published_at, fetched_at, version_id),
            version_id,
            release_id,
            site,
            fold_chars(clean_text(title)) + PAD,
            fold_chars(clean_text(source)) + PAD,
            fold_chars(clean_text(body)) + PAD,
        )
        for version_id, release_id, site, published_at, fetched_at, title, source, body in rows
    ]
    execute_many = getattr(db, "conn", db).executemany
    execute_many(
        """INSERT INTO search_docs (rowid, version_id, release_id, site, title, source, body)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        docs,
    )
    full_text = [(doc[0], doc[4], doc[5], doc[6]) for doc in docs]
    if fts_rows is None:
        write_fts(db, full_text)
    else:
        fts_rows.extend(full_text)
    index_trigrams(db, (text for doc in docs for text in doc[4:7]))
    return len(docs)


def unindex_version(db, version_id: int) -> None:
    """Remove one version from the search index (before it is indexed again with new text)."""
    conn = getattr(db, "conn", db)
    row = conn.execute(
        "SELECT rowid, title, source, body FROM search_docs WHERE version_id = ?", [version_id]
    ).fetchone()
    if row is not None:
        conn.execute(
            "INSERT INTO search_fts (search_fts, rowid, title, source, body) VALUES ('delete', ?, ?, ?, ?)",
            row,
        )
        conn.execute("DELETE FROM search_docs WHERE rowid = ?", [row[0]])


def write_fts(db, rows) -> None:
    """Write ``(rowid, title, source, body)`` rows of ``search_docs`` to the FTS5 index.

    FTS5 writes its in-memory terms out as a new index segment at every savepoint, and the store
    opens one per release: indexing each release's rows inside its savepoint cost a third of the
    writer's time. The store queues them and writes a transaction's rows at once, before COMMIT.
    """
    if rows:
        getattr(db, "conn", db).executemany(
            "INSERT INTO search_fts (rowid, title, source, body) VALUES (?, ?, ?, ?)", rows
        )


def index_trigrams(db, texts) -> None:
    """Record the trigrams of folded, padded ``texts`` in ``search_trigrams``."""
    grams = set()
    for text in texts:
        grams.update(text[i : i + 3] for i in range(len(text) - 2))
    # The vocabulary grows slowly: remember what this handle wrote (or read) and send only the
    # new trigrams, instead of thousands of INSERT OR IGNOREs per version.
    known = _known_trigrams(db)
    if known is not None:
        grams -= known
        if not grams:
            return
    # One statement over a sorted JSON array: half the cost of executemany, row by row.
    getattr(db, "conn", db).execute(
        "INSERT OR IGNORE INTO search_trigrams (trigram) SELECT value FROM json_each(?)",
        [json.dumps(sorted(grams), ensure_ascii=False)],
    )
    if known is not None:
        known.update(grams)


def forget_cached_state(db) -> None:
    """Drop what this handle remembers of the index (after a rollback, or a rebuild)."""
    if hasattr(db, "_bulletin_trigrams"):
        del db._bulletin_trigrams


def _known_trigrams(db) -> set | None:
    conn = getattr(db, "conn", db)
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    cached = getattr(db, "_bulletin_trigrams", None)
    if cached is not None and cached[0] == version:
        return cached[1]
    known = {row[0] for row in conn.execute("SELECT trigram FROM search_trigrams")}
    try:
        db._bulletin_trigrams = (version, known)
    except AttributeError:  # a bare sqlite3 connection: no cache
        return None
    return known


def rebuild_index(db) -> int:
    """Re-create the index from every stored version (after a change of folding rules)."""
    db.execute("DELETE FROM search_docs")
    db.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    db.execute("DELETE FROM search_trigrams")
    forget_cached_state(db)
    cursor = db.execute(
        """SELECT v.id, v.release_id, r.site, v.published_at, v.fetched_at, v.title, v.source, v.body
           FROM versions v JOIN releases r ON r.id = v.release_id ORDER BY v.id"""
    )
    count = 0
    while batch := cursor.fetchmany(2000):
        count += index_rows(db, batch)
    return count


# Querying -------------------------------------------------------------------------------------


def search(
    store,
    query: str,
    *,
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    column: str | None = None,
    kind: str | None = None,
    all_versions: bool = False,
    substring: bool = False,
    limit: int = 20,
) -> list[dict]:
    """Releases whose latest version (every version with ``all_versions``) contains every
    whitespace-separated term of ``query``, newest publish time first. ``store`` is a
    :class:`~storage.Store` or an open ``sqlite3`` connection to a store file.

    ``since``/``until`` are dates (``YYYY-MM-DD``, inclusive) of the publish time as the site
    wrote it; ``source`` and ``column`` are substrings (folded like the text); ``kind`` keeps
    releases with an event of that kind outside the site's baseline crawl (``new``, ``edited``,
    ``removed``…). Each result holds ``id``, ``site``, ``url``, ``title``, ``source``,
    ``published_at``, ``snippet`` (the match in ``[``…``]``), ``version`` (the matching
    version's seq), ``versions`` (the release's latest seq), ``version_id`` and ``status``.

    A term in a word-spaced script (Latin, Greek, Cyrillic: :func:`is_word_term`) matches whole
    words — ``he`` does not find "the" — and, ending in ``*``, words that start with it
    (``vaccin*``); ``substring=True`` matches every term anywhere, as Chinese always does.
    """
    patterns = _terms(query, substring)
    if not patterns:
        raise InvalidArgument("query", "empty search query")
    terms = [term for term, _ in patterns]
    db = getattr(store, "db", store)
    conn = getattr(db, "conn", db)
    _ensure_functions(conn)
    lo, hi = _day_bounds(since, until)
    match, unanswered = match_expression(conn, terms, [word for _, word in patterns])
    # With a MATCH the key range goes to FTS5 itself, which then skips whole stretches of doclists.
    key = "f.rowid" if match is not None else "d.rowid"

    filters, params = [], []
    if not all_versions:
        filters.append("r.current_version_id = d.version_id")
    if site:
        filters.append("d.site = ?")
        params.append(site)
    if source:
        filters.append("instr(d.source, ?) > 0")
        params.append(fold(source))
    if column:
        filters.append(
            """EXISTS (SELECT 1 FROM release_columns c WHERE c.release_id = d.release_id
                        AND instr(bulletin_fold(c.column_name), ?) > 0)"""
        )
        params.append(fold(column))
    if kind:
        filters.append(
            "EXISTS (SELECT 1 FROM events e WHERE e.release_id = d.release_id AND e.kind = ? AND e.baseline = 0)"
        )
        params.append(kind)
    if lo is not None:
        filters.append(f"{key} >= ?")
        params.append(lo)
    if hi is not None:
        filters.append(f"{key} <= ?")
        params.append(hi)

    for term in unanswered:
        filters.append("(instr(d.title, ?) > 0 OR instr(d.source, ?) > 0 OR instr(d.body, ?) > 0)")
        params.extend([term, term, term])
    for _, word in patterns:
        if word is not None:
            filters.append(
                "(bulletin_word(d.title, ?) OR bulletin_word(d.source, ?) OR bulletin_word(d.body, ?))"
            )
            params.extend([word, word, word])
    where = " AND ".join(filters) or "1"
    if match is not None:
        sql = f"""SELECT d.version_id FROM search_fts f
                  JOIN search_docs d ON d.rowid = f.rowid
                  JOIN releases r ON r.id = d.release_id
                  WHERE search_fts MATCH ? AND {where}
                  ORDER BY f.rowid DESC LIMIT ?"""
        params = [match, *params, limit]
    else:
        sql = f"""SELECT d.version_id FROM search_docs d JOIN releases r ON r.id = d.release_id
                  WHERE {where} ORDER BY d.rowid DESC LIMIT ?"""
        params = [*params, limit]
    version_ids = [row[0] for row in conn.execute(sql, params)]
    return [_hit(conn, version_id, patterns) for version_id in version_ids]


def _ensure_functions(conn: sqlite3.Connection) -> None:
    # Registering a function while a statement runs fails, and search() may be called from
    # inside one (the Datasette plugin's bulletin_search): register only what is missing.
    try:
        conn.execute("SELECT bulletin_word('', ''), bulletin_fold('')").fetchone()
    except sqlite3.OperationalError:
        register_functions(conn)


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the queries use: ``bulletin_fold(text)`` and ``bulletin_word(text, pattern)``."""
    conn.create_function("bulletin_fold", 1, _fold_sql, deterministic=True)
    conn.create_function("bulletin_word", 2, _word_sql, deterministic=True)


def _fold_sql(value):
    return fold(value) if value is not None else None


def _word_sql(text, pattern):
    return 1 if text and pattern and _word_regex(pattern).search(text) else 0


def is_word_term(term: str) -> bool:
    """Whether a folded term is written in a script that separates words with spaces (it has a
    Latin, Greek or Cyrillic letter or digit and no Chinese, Japanese or Korean character)."""
    return bool(_WORD_CHAR.search(term)) and not any(ord(c) >= 0x2E80 for c in term)


def _terms(query: str, substring: bool) -> list[tuple[str, str | None]]:
    """The folded terms of ``query``, each with the word pattern it must also match (None:
    anywhere). A pattern is the term, with ``*`` at the end for a word start."""
    out = []
    for raw in query.split():
        term = fold(raw)
        starred = len(term) > 1 and term.endswith("*") and is_word_term(term.rstrip("*"))
        if starred:  # with --substring a word start is any substring anyway
            term = term.rstrip("*")
        prefix = starred and not substring
        if not term:
            continue
        word = None if substring or not is_word_term(term) else term + ("*" if prefix else "")
        out.append((term, word))
    return out


@functools.lru_cache(maxsize=256)
def _word_regex(pattern: str) -> re.Pattern:
    term, prefix = (pattern[:-1], True) if pattern.endswith("*") else (pattern, False)
    before = f"(?<![{_WORD_CHARS}])" if _WORD_CHAR.match(term[0]) else ""
    after = f"(?![{_WORD_CHARS}])" if not prefix and _WORD_CHAR.match(term[-1]) else ""
    return re.compile(before + re.escape(term) + after)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _vocab_expansion(conn: sqlite3.Connection, term: str) -> list[str] | None:
    """Every indexed trigram starting with ``term`` (1 or 2 characters); None when too many."""
    rows = conn.execute(
        "SELECT trigram FROM search_trigrams WHERE trigram >= ? AND trigram < ? LIMIT ?",
        [term, term + "\U0010ffff", MAX_VOCAB_TERMS + 1],
    ).fetchall()
    if len(rows) > MAX_VOCAB_TERMS:
        return None
    return [row[0] for row in rows]


def _word_ends(conn: sqlite3.Connection, text: str) -> list[str] | None:
    """Indexed trigrams that are ``text`` (1 or 2 characters) followed by characters that end a
    word; None when too many to ask FTS5 for."""
    rows = conn.execute(
        "SELECT trigram FROM search_trigrams WHERE trigram >= ? AND trigram < ? LIMIT ?",
        [text, text + "\U0010ffff", 40 * MAX_VOCAB_TERMS + 1],
    ).fetchall()
    if len(rows) > 40 * MAX_VOCAB_TERMS:
        return None
    ends = [row[0] for row in rows if not _WORD_CHAR.match(row[0][len(text)])]
    return ends if len(ends) <= MAX_VOCAB_TERMS else None


def match_expression(
    conn: sqlite3.Connection, terms: list[str], words: list[str | None] | None = None
) -> tuple[str | None, list[str]]:
    """The FTS5 query for the terms the index can answer, and the terms it cannot.

    A whole-word term (``words``: its pattern, not ending in ``*``) also asks for an indexed
    trigram in which it ends a word — its last two characters and a non-word character (the
    padding counts) — so "sea" is not looked for in every text that says "season"."""
    parts, unanswered = [], []
    for term, word in zip(terms, words or [None] * len(terms)):
        whole = word is not None and not word.endswith("*") and _WORD_CHAR.match(term[-1])
        if whole:
            ends = _word_ends(conn, term[-2:])  # a 1- or 2-character term: the trigrams it starts
            if ends is not None:
                if len(term) >= 3:
                    parts.append(_phrase(term))
                parts.append(
                    "(" + " OR ".join(_phrase(t) for t in ends) + ")" if ends else _phrase(PAD * 3)
                )
                continue
        if len(term) >= 3:
            parts.append(_phrase(term))
            continue
        expansion = _vocab_expansion(conn, term)
        if expansion is None:
            unanswered.append(term)
        elif not expansion:
            parts.append(_phrase(PAD * 3))  # no trigram starts with the term: matches nothing
        else:
            parts.append("(" + " OR ".join(_phrase(t) for t in expansion) + ")")
    return (" AND ".join(parts) if parts else None), unanswered


def _hit(conn: sqlite3.Connection, version_id: int, terms: list) -> dict:
    row = conn.execute(
        """SELECT r.id, r.site, r.url, v.title, v.source, v.published_at, v.seq, cv.seq, v.id, r.status, v.body,
                  v.fetched_at
           FROM versions v JOIN releases r ON r.id = v.release_id
           LEFT JOIN versions cv ON cv.id = r.current_version_id
           WHERE v.id = ?""",
        [version_id],
    ).fetchone()
    (
        release_id,
        site,
        url,
        title,
        source,
        published_at,
        seq,
        latest,
        vid,
        status,
        body,
        fetched_at,
    ) = row
    return {
        "id": release_id,
        "site": site,
        "url": url,
        "title": title,
        "source": source,
        "published_at": published_at,
        "snippet": snippet(body, terms)
        or snippet(title, terms)
        or snippet(source, terms)
        or _lead(body),
        "version": seq,
        "versions": latest,
        "version_id": vid,
        "status": status,
        "fetched_at": fetched_at,
    }


def _lead(text: str | None, width: int = 2 * SNIPPET_CONTEXT) -> str:
    shown = display_text(text)
    return shown[:width] + ("…" if len(shown) > width else "")


def snippet(text: str | None, terms: list, context: int = SNIPPET_CONTEXT) -> str:
    """A passage of ``text`` around the first match of any term, every match inside it marked
    ``[``…``]``; empty when no term occurs. ``terms`` are folded strings (matched anywhere) or
    ``(term, word_pattern)`` pairs as :func:`search` makes them.

    The passage is the stored text in the page's own characters — traditional stays
    traditional, full-width punctuation stays full-width — with only pinyin annotations and
    insignificant whitespace removed (:func:`storage.normalize.display_text`)."""
    shown = display_text(text)
    folded, origin = folded_with_offsets(shown)
    spans = []
    for term, word in (t if isinstance(t, tuple) else (t, None) for t in terms):
        if word is not None:
            found = ((m.start(), m.end()) for m in _word_regex(word).finditer(folded))
        else:
            found = (
                (m.start(), m.start() + len(term))
                for m in re.finditer(f"(?={re.escape(term)})", folded)
            )
        for start, end in found:
            lo_at, hi_at = origin(start), origin(end)
            spans.append((lo_at, max(hi_at, lo_at + 1)))
    if not spans:
        return ""
    spans.sort()
    first = spans[0][0]
    lo = max(0, first - context)
    hi = min(len(shown), spans[0][1] + 2 * context)
    merged: list[list[int]] = []
    for start, end in spans:
        if start < lo or end > hi:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, cursor = ["…" if lo > 0 else ""], lo
    for start, end in merged:
        parts.append(shown[cursor:start])
        parts.append("[" + shown[start:end] + "]")
        cursor = end
    parts.append(shown[cursor:hi])
    parts.append("…" if hi < len(shown) else "")
    return "".join(parts)
