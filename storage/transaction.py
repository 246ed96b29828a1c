"""The store's one transaction mechanism: BEGIN IMMEDIATE … COMMIT, or a savepoint when nested.

Every write of the store — a ``record_*`` call, an outbox step, a writer's batch — runs inside a
:class:`Transaction`. Opened inside another one it is a savepoint, so each record stays
all-or-nothing inside a caller's batch. Full-text rows are queued on a :class:`PendingIndex` and
written by the outermost transaction just before it commits (:func:`storage.search.write_fts`
says why); a rolled-back transaction drops what it queued, even when SQLite already ended the
whole transaction itself (a full disk), so no later commit writes them.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from .errors import StoreUnavailable
from .search import write_fts

#: The longest pause between two attempts at a database another connection holds locked.
LOCK_RETRY_MAX_SECONDS = 30.0


class PendingIndex:
    """Full-text rows of a connection's open transaction; ``depth`` counts the transactions
    open on it."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.depth = 0


class Transaction:
    """A context manager: BEGIN IMMEDIATE … COMMIT (or ROLLBACK), a savepoint when nested."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        pending: PendingIndex | None = None,
        on_rollback: Callable[[], None] | None = None,
        *,
        lock_wait: float = 0.0,
        on_wait: Callable[[float], None] | None = None,
        path: str | Path = "",
    ) -> None:
        """``lock_wait``: how long, beyond the connection's busy timeout, BEGIN is retried while
        another connection holds the write lock; ``on_wait(waited)`` is called before each pause
        (it may raise to stop waiting). Past it, :class:`StoreUnavailable` naming ``path``."""
        self.conn = conn
        self.pending = pending if pending is not None else PendingIndex()
        self.on_rollback = on_rollback
        self.lock_wait = lock_wait
        self.on_wait = on_wait
        self.path = path
        self.savepoint: str | None = None
        self.owner = False
        self.mark = 0

    def __enter__(self) -> Transaction:
        if self.conn.in_transaction:
            self.savepoint = f"record_{id(self)}"
            self.conn.execute(f"SAVEPOINT {self.savepoint}")
        else:
            self._begin()
            self.owner = True
        self.mark = len(self.pending.rows)
        self.pending.depth += 1
        return self

    def _begin(self) -> None:
        started, pause = time.monotonic(), 0.5
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.Error as exc:
                waited = time.monotonic() - started
                if not is_locked(exc) or not self.lock_wait:
                    raise
                if waited >= self.lock_wait:
                    raise StoreUnavailable(
                        f"{self.path}: database is locked by another connection "
                        f"(waited {waited:.0f} s, lock_wait = {self.lock_wait:.0f} s)"
                    ) from exc
                if self.on_wait is not None:
                    self.on_wait(waited)
                time.sleep(min(pause, max(0.0, self.lock_wait - waited)))
                pause = min(pause * 2, LOCK_RETRY_MAX_SECONDS)

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.pending.depth -= 1
        if exc_type is not None:
            self._undo()
            return False
        try:
            if self.pending.depth == 0:
                write_fts(self.conn, self.pending.rows)
            if self.savepoint:
                self.conn.execute(f"RELEASE {self.savepoint}")
            elif self.owner:
                self.conn.execute("COMMIT")
        except BaseException:
            self._undo()
            raise
        if self.pending.depth == 0:
            self.pending.rows.clear()
        return False

    def _undo(self) -> None:
        try:
            if not self.conn.in_transaction:
                pass  # SQLite already rolled the whole transaction back (a full disk): nothing to undo here
            elif self.savepoint:
                self.conn.execute(f"ROLLBACK TO {self.savepoint}")
                self.conn.execute(f"RELEASE {self.savepoint}")
            elif self.owner:
                self.conn.execute("ROLLBACK")
        finally:
            # Even when SQLite already ended the transaction itself (a full disk), nothing this
            # transaction queued may be written by a later one.
            del self.pending.rows[self.mark :]
            if self.on_rollback is not None:
                # Caches of this connection may hold rows that were just rolled back.
                self.on_rollback()


# SQLite result codes after which no write can succeed until someone acts (frees space, raises
# the cap, ends the other connection's transaction, repairs the file).
_UNAVAILABLE_CODES = (
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_READONLY",
    "SQLITE_CORRUPT",
    "SQLITE_NOTADB",
    "SQLITE_CANTOPEN",
    "SQLITE_NOMEM",
    "SQLITE_PROTOCOL",
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
)


def unavailable(exc: BaseException, path: str | Path) -> StoreUnavailable | None:
    """The :class:`StoreUnavailable` that ``exc`` (or an error it was raised from) stands for;
    None for an error of one record (a bug, a bad value) that the next record will not share."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, StoreUnavailable):
            return exc
        name = getattr(exc, "sqlite_errorname", "") or ""
        if isinstance(exc, sqlite3.Error) and name.startswith(_UNAVAILABLE_CODES):
            return StoreUnavailable(f"{path}: {' '.join(str(exc).split())}")
        exc = exc.__cause__ or exc.__context__
    return None


def is_locked(exc: BaseException) -> bool:
    """``exc`` is SQLite's "database is locked": another connection holds the write lock."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return isinstance(exc, sqlite3.OperationalError) and name.startswith(
        ("SQLITE_BUSY", "SQLITE_LOCKED")
    )
