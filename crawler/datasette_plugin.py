"""Datasette plugin: a bulletin store searched in Datasette as ``bulletin search`` searches it.

Registered through the ``datasette`` entry point (pyproject.toml), so a plain ``datasette FILE``
loads it too; ``bulletin datasette FILE`` registers it itself and serves one file. For every
served database that is a bulletin store (it has ``releases``, ``versions`` and ``search_docs``),
whatever its file name:

* metadata — table, view and column descriptions and the canned queries
  (``datasette_metadata.json``), under the database's own name;
* SQL functions — ``bulletin_search(query [, options JSON])``: the hits of
  :func:`storage.search.search` as a JSON array (options: ``site``, ``since``, ``until``,
  ``source``, ``column``, ``kind``, ``all_versions``, ``substring``, ``limit``; empty values are
  ignored); ``bulletin_fold(text)``; ``bulletin_word(text, pattern)``;
* the table search box — ``escape_fts``, which Datasette wraps around a ``?_search=`` query, is
  replaced on these databases by the store's own query (folded; 1–2 character terms expanded);
* cells of ``search_docs`` show the version's stored text, never the folded copy.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from importlib import resources

from datasette import hookimpl
from markupsafe import Markup, escape

from storage.search import PAD, fold, match_expression, register_functions, search

REQUIRED_TABLES = {"releases", "versions", "search_docs", "search_fts"}
SEARCH_OPTIONS = (
    "site",
    "since",
    "until",
    "source",
    "column",
    "kind",
    "all_versions",
    "substring",
    "limit",
)
MAX_LIMIT = 1000


@cache
def _shipped() -> dict:
    return json.loads(
        resources.files("crawler").joinpath("datasette_metadata.json").read_text(encoding="utf-8")
    )


def metadata_for(names) -> dict:
    """The plugin's metadata for databases called ``names`` (a dict Datasette merges with its own)."""
    shipped = _shipped()
    return {
        "title": shipped["title"],
        "description_html": shipped["description_html"],
        "databases": {name: json.loads(json.dumps(shipped["database"])) for name in names},
    }


_store_paths: dict[str, bool] = {}


def _is_store_path(path: str) -> bool:
    if path not in _store_paths:
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                names = {
                    row[0]
                    for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                }
            finally:
                conn.close()
        except sqlite3.Error:
            names = set()
        _store_paths[path] = REQUIRED_TABLES <= names
    return _store_paths[path]


def _store_databases(datasette) -> list[str]:
    return [
        name
        for name, db in datasette.databases.items()
        if not db.is_memory and db.path and _is_store_path(str(db.path))
    ]


@hookimpl
def get_metadata(datasette, key, database, table):
    names = _store_databases(datasette)
    return metadata_for(names) if names else {}


def _is_store_connection(conn: sqlite3.Connection) -> bool:
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return REQUIRED_TABLES <= names


@hookimpl(trylast=True)  # after Datasette's own escape_fts, which this replaces
def prepare_connection(conn, database, datasette):
    try:
        if not _is_store_connection(conn):
            return
    except sqlite3.Error:
        return
    register_functions(conn)
    conn.create_function("bulletin_search", 1, lambda query: _search_json(conn, query, None))
    conn.create_function(
        "bulletin_search", 2, lambda query, options: _search_json(conn, query, options)
    )
    conn.create_function("escape_fts", 1, lambda query: _fts_query(conn, query))


def _search_json(conn: sqlite3.Connection, query, options) -> str:
    """``bulletin_search``: hits as JSON; an empty query finds nothing (a canned query's form
    runs once before anything is typed)."""
    if not query or not str(query).strip():
        return "[]"
    given = json.loads(options) if options else {}
    kwargs = {key: given[key] for key in SEARCH_OPTIONS if given.get(key) not in (None, "", 0, "0")}
    for flag in ("all_versions", "substring"):
        if flag in kwargs:
            kwargs[flag] = True
    try:
        kwargs["limit"] = max(1, min(int(kwargs.get("limit", 50)), MAX_LIMIT))
    except (TypeError, ValueError):
        kwargs["limit"] = 50
    try:
        hits = search(conn, str(query), **kwargs)
    except (
        ValueError
    ):  # a bad date: Datasette would only say "user-defined function raised exception"
        return "[]"
    return json.dumps(hits, ensure_ascii=False)


def _fts_query(conn: sqlite3.Connection, query) -> str:
    """The FTS5 expression for a table search box query, folded as the store folds its index."""
    terms = [term for term in (fold(t) for t in str(query or "").split()) if term]
    if not terms:
        return '""'
    match, unanswered = match_expression(conn, terms)
    parts = [match] if match else []
    for term in unanswered:  # too common for the trigram list: ask FTS5 for all of them anyway
        grams = [
            row[0]
            for row in conn.execute(
                "SELECT trigram FROM search_trigrams WHERE trigram >= ? AND trigram < ?",
                [term, term + "\U0010ffff"],
            )
        ]
        parts.append("(" + " OR ".join('"' + g.replace('"', '""') + '"' for g in grams) + ")")
    return " AND ".join(parts)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if table not in ("search_docs", "search_fts") or column not in ("title", "source", "body"):
        return None
    if database not in _store_databases(datasette):
        return None
    try:
        key = row["rowid"]
    except (KeyError, IndexError):
        return _shown(str(value or "").replace(PAD[0], ""))

    async def stored():
        result = await datasette.get_database(database).execute(
            f"SELECT v.{column} FROM search_docs d JOIN versions v ON v.id = d.version_id WHERE d.rowid = ?",
            [key],
        )
        found = result.first()
        return _shown(found[0] if found else None)

    return stored()


def _shown(text: str | None) -> Markup:
    # An empty string would make Datasette show the raw (folded, padded) value instead.
    return escape(text) if text else Markup("&nbsp;")
