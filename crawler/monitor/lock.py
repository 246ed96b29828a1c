"""One crawl of a site at a time, across processes: an advisory file lock per (database, site).

The kernel releases an ``flock`` when its process dies, so a crashed crawl never leaves a stale
lock behind.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from storage import SiteBusy

__all__ = ["SiteBusy", "lock_path", "site_lock"]


def lock_path(db_path: str | os.PathLike, site: str) -> Path:
    db = Path(db_path).resolve()
    return db.parent / f"{db.name}.locks" / f"{site}.lock"


@contextmanager
def site_lock(db_path: str | os.PathLike, site: str, *, wait: float = 0.0):
    """Hold the crawl lock of ``site`` in ``db_path``; wait up to ``wait`` seconds for it.

    Raises :class:`SiteBusy` naming the holder when the lock stays taken.
    """
    path = lock_path(db_path, site)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = _holder(handle.read())
                    raise SiteBusy(
                        f"site '{site}' is being crawled by another process{holder}; "
                        "try again later (or use --wait SECONDS)"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps(
                {"pid": os.getpid(), "since": datetime.now(UTC).isoformat(timespec="seconds")}
            )
        )
        handle.flush()
        yield
    finally:
        handle.close()


def _holder(text: str) -> str:
    try:
        info = json.loads(text)
    except ValueError:
        return ""
    return f" (pid {info.get('pid')}, since {info.get('since')})"
