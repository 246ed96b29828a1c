"""Raw reads and writes of a store's SQLite file, for what no public ``Store`` method shows.

Tests assert on tables (or set up the state an older release left) through their own sqlite3
connection to the file, never through the store's handle.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def sql(store_or_path, statement: str, params=()) -> list[tuple]:
    """Run one statement on the store's file in its own connection (committed); its rows."""
    path = Path(getattr(store_or_path, "path", store_or_path))
    conn = sqlite3.connect(path)
    try:
        with conn:
            return conn.execute(statement, list(params)).fetchall()
    finally:
        conn.close()
