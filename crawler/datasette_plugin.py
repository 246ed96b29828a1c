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
* cells of ``search_docs`` and ``search_fts`` show the version's stored text, never the folded
  copy: on the HTML pages (``render_cell``) and in their ``.json`` (every ``_shape``, ``_nl``) and
  ``.csv`` exports, table and row pages alike (``asgi_wrapper``: the response is rewritten with the
  versions' own title, source and body, found by the row's ``rowid``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from functools import cache
from importlib import resources

from datasette import hookimpl
from markupsafe import Markup, escape

from storage.search import PAD, fold, match_expression, register_functions, search

REQUIRED_TABLES = {"releases", "versions", "search_docs", "search_fts"}
# The tables whose text columns hold the folded copy, and those columns.
INDEX_TABLES = ("search_docs", "search_fts")
TEXT_COLUMNS = ("title", "source", "body")
# A table's or a row's export: /DB/TABLE.json, /DB/TABLE.csv, /DB/TABLE/ROWID.json (Datasette's paths).
_EXPORT_PATH = re.compile(
    r"^/(?P<database>[^/]+)/(?P<table>search_docs|search_fts)(?:/[^/]+)?\.(?P<format>json|csv)$"
)
_STORED_CHUNK = 500  # rowids per lookup of the stored text
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


@hookimpl
def asgi_wrapper(datasette):
    """``.json`` and ``.csv`` of the index tables with the versions' stored text (see
    :func:`stored_text`): Datasette renders them from the table, whose text is folded."""

    def wrap(app):
        async def exports_stored_text(scope, receive, send):
            match = _EXPORT_PATH.match(scope.get("path", "")) if scope["type"] == "http" else None
            if match is None or match["database"] not in _store_databases(datasette):
                await app(scope, receive, send)
                return
            start, chunks = None, []

            async def collect(message):
                nonlocal start
                if message["type"] == "http.response.start":
                    start = message
                elif message["type"] == "http.response.body":
                    chunks.append(message.get("body", b""))
                    if not message.get("more_body"):
                        body = b"".join(chunks)
                        if start["status"] == 200:
                            body = await _with_stored_text(
                                datasette.get_database(match["database"]),
                                match["format"],
                                body,
                                lines_of_json=_content_type(start).startswith("text/plain"),
                            )
                        headers = [
                            (key, value)
                            for key, value in start.get("headers", [])
                            if key.lower() != b"content-length"
                        ]
                        headers.append((b"content-length", str(len(body)).encode()))
                        await send({**start, "headers": headers})
                        await send({"type": "http.response.body", "body": body})
                else:
                    await send(message)

            await app(scope, receive, collect)

        return exports_stored_text

    return wrap


def _content_type(start: dict) -> str:
    for key, value in start.get("headers", []):
        if key.lower() == b"content-type":
            return value.decode("latin-1").lower()
    return ""


async def _with_stored_text(db, fmt: str, body: bytes, lines_of_json: bool = False) -> bytes:
    """An export of an index table with its text columns replaced by the versions' stored text
    (a row without a ``rowid`` column, or an export that is not rows, is left as it is)."""
    if fmt == "csv":
        return await _csv_with_stored_text(db, body)
    text = body.decode("utf-8")
    try:
        if lines_of_json:  # _nl=on: one JSON object a line
            data, lines = None, [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            data, lines = json.loads(text), None
    except ValueError:
        return body
    rows = _json_rows(lines if lines is not None else data)
    stored = await stored_text(db, [row["rowid"] for row in rows if "rowid" in row])
    for row in rows:
        for column, value in stored.get(row.get("rowid"), {}).items():
            if column in row:
                row.set(column, value)
    if lines is not None:
        return "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode("utf-8")
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


class _Row:
    """One row of a JSON export, as a dict (``_shape=objects``/``array``/``object``) or as a list
    under the export's ``columns``."""

    def __init__(self, row, columns=None):
        self.row, self.columns = row, columns

    def __contains__(self, column) -> bool:
        return column in (self.columns if self.columns is not None else self.row)

    def __getitem__(self, column):
        return (
            self.row[self.columns.index(column)] if self.columns is not None else self.row[column]
        )

    def get(self, column, default=None):
        return self[column] if column in self else default

    def set(self, column, value) -> None:
        if self.columns is not None:
            self.row[self.columns.index(column)] = value
        else:
            self.row[column] = value


def _json_rows(data) -> list[_Row]:
    if isinstance(data, list):  # _shape=array (or _nl)
        return [_Row(row) for row in data if isinstance(row, dict)]
    if not isinstance(data, dict):
        return []
    rows, columns = data.get("rows"), data.get("columns")
    if isinstance(rows, list):
        return [
            _Row(row, columns if isinstance(row, list) else None)
            for row in rows
            if isinstance(row, dict) or (isinstance(row, list) and isinstance(columns, list))
        ]
    # _shape=object: rows keyed by their primary key
    return [_Row(row) for row in data.values() if isinstance(row, dict)]


async def _csv_with_stored_text(db, body: bytes) -> bytes:
    text = body.decode("utf-8")
    table = list(csv.reader(io.StringIO(text)))
    if not table or "rowid" not in table[0]:
        return body
    header = table[0]
    key = header.index("rowid")
    stored = await stored_text(db, [row[key] for row in table[1:] if len(row) > key])
    for row in table[1:]:
        for column, value in stored.get(_rowid(row[key]) if len(row) > key else None, {}).items():
            if column in header:
                row[header.index(column)] = "" if value is None else value
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return out.getvalue().encode("utf-8")


def _rowid(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


async def stored_text(db, rowids) -> dict[int, dict]:
    """The stored title, source and body of the versions behind index rows, by rowid."""
    keys = sorted({key for key in (_rowid(value) for value in rowids) if key is not None})
    found: dict[int, dict] = {}
    for start in range(0, len(keys), _STORED_CHUNK):
        chunk = keys[start : start + _STORED_CHUNK]
        result = await db.execute(
            f"""SELECT d.rowid, v.title, v.source, v.body FROM search_docs d
                JOIN versions v ON v.id = d.version_id
                WHERE d.rowid IN ({", ".join("?" * len(chunk))})""",
            chunk,
        )
        for rowid, *values in result.rows:
            found[rowid] = dict(zip(TEXT_COLUMNS, values))
    return found
