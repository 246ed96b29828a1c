"""What must hold in a store after any fault: checked by SQL on the file, not through the Store.

    assert store_violations(db) == []

Each check is one query that lists the offending rows, so a failure says what broke.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

CHECKS = {
    "every release has a version": """
        SELECT r.url FROM releases r
        WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.release_id = r.id)""",
    "every release's current version is its latest": """
        SELECT r.url FROM releases r
        WHERE r.current_version_id IS NOT (SELECT v.id FROM versions v WHERE v.release_id = r.id
                                           ORDER BY v.seq DESC LIMIT 1)""",
    "every version has its search row": """
        SELECT v.id FROM versions v
        WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.version_id = v.id)""",
    "every version has its event": """
        SELECT v.id FROM versions v
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.version_id = v.id AND e.kind IN ('new', 'edited'))""",
    "no version repeats the one before it": """
        SELECT a.id FROM versions a JOIN versions b ON b.release_id = a.release_id AND b.seq = a.seq + 1
        WHERE a.content_hash = b.content_hash""",
    "no two events of one version": """
        SELECT version_id FROM events WHERE version_id IS NOT NULL AND kind IN ('new', 'edited')
        GROUP BY version_id HAVING count(*) > 1""",
    "one new event per release": """
        SELECT release_id FROM events WHERE kind = 'new' GROUP BY release_id HAVING count(*) > 1""",
    "no search row without its version": """
        SELECT d.version_id FROM search_docs d
        WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.id = d.version_id)""",
    "no crawl left running": "SELECT id FROM crawls WHERE status = 'running'",
}


def store_violations(db: Path, *, allow_running: bool = False) -> list[str]:
    """Every broken invariant of the store at ``db``, one line each (empty when all hold)."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        problems = []
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:5]}")
        try:
            conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
        for name, sql in CHECKS.items():
            if allow_running and name == "no crawl left running":
                continue
            rows = [row[0] for row in conn.execute(sql)]
            if rows:
                problems.append(f"{name}: {len(rows)} rows break it, e.g. {rows[:3]}")
        return problems
    finally:
        conn.close()
