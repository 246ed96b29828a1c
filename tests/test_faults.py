"""The fault suite: real crawls (the CLI in a subprocess) against a generated site and a hostile
server, with the store checked after each fault (tests/support/invariants.py).

Locks come from a real second SQLite connection holding ``BEGIN IMMEDIATE``; a full disk from
the store's size cap (``BULLETIN_DB_MAX_BYTES``, SQLite's ``max_page_count``), which fails
writes exactly as ENOSPC does (``SQLITE_FULL``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli, start_site_server
from storage import Store
from support.invariants import store_violations

sys.path.insert(0, str(ROOT / "benchmarks"))
from sitegen import generate  # noqa: E402

RELEASES = 80
EXIT_STORE_FAILED = 4


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A generated 80-release site (two columns, TRS-style lists) served on loopback."""
    root = tmp_path_factory.mktemp("fault-site")
    generated = generate(root / "site", RELEASES, columns=2, seed=12)
    server = start_site_server(root / "site", root / "requests.log")
    config = root / "sites.toml"
    urls = ", ".join(json.dumps(u) for u in generated.start_urls(server.url))
    # "slow" is the same site fetched 10 pages a second: a crawl long enough to fault in the middle.
    config.write_text(
        "\n".join(
            f"""[sites.{name}]
title = "澄川市人民政府"
start_urls = [{urls}]
timezone = "Asia/Shanghai"
max_list_pages = 50

[sites.{name}.politeness]
download_delay = {delay}
autothrottle = false
concurrency = 2
retries = 0
timeout = 5
"""
            for name, delay in (("gen", 0), ("slow", 0.1))
        ),
        encoding="utf-8",
    )
    yield config
    server.stop()


def start_crawl(db: Path, config: Path, *args: str, site: str = "gen") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("BULLETIN_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "--db", str(db), "--config", str(config), "crawl", site,
         "--progress", "log", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def count(db: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


class LockHolder:
    """A second connection that takes the write lock (``BEGIN IMMEDIATE``) until released."""

    def __init__(self, db: Path):
        self.conn = sqlite3.connect(db, isolation_level=None, timeout=30)
        self.conn.execute("BEGIN IMMEDIATE")
        self.taken = time.monotonic()

    def release(self) -> None:
        if self.conn is not None:
            self.conn.execute("ROLLBACK")
            self.conn.close()
            self.conn = None


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


def crawl_rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id, status, error FROM crawls ORDER BY id").fetchall()
    finally:
        conn.close()


# Locks ---------------------------------------------------------------------------------------


def test_a_lock_held_for_a_while_is_waited_for_and_said(site, tmp_path):
    db = tmp_path / "b.db"
    crawl = start_crawl(db, site, site="slow")
    wait_for(lambda: count(db, "SELECT count(*) FROM releases") >= 3)
    holder = LockHolder(db)
    time.sleep(8)  # past the writer's first attempt (5 s in SQLite's busy handler at the default wait)
    holder.release()
    stdout, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == 0, stderr[-3000:]
    assert "is locked by another connection; waited" in stderr
    assert "Traceback" not in stderr
    assert count(db, "SELECT count(*) FROM releases") == RELEASES
    assert store_violations(db) == []


def test_a_lock_held_past_the_wait_stops_the_crawl_with_one_line(site, tmp_path):
    db = tmp_path / "b.db"
    crawl = start_crawl(db, site, "-s", "BULLETIN_STORE_LOCK_WAIT=2", site="slow")
    wait_for(lambda: count(db, "SELECT count(*) FROM releases") >= 3)
    holder = LockHolder(db)
    try:
        stdout, stderr = crawl.communicate(timeout=60)  # while the lock is still held: no hang
        held_for = time.monotonic() - holder.taken
    finally:
        holder.release()
    assert crawl.returncode == EXIT_STORE_FAILED, stderr[-3000:]
    assert held_for < 30
    [line] = error_lines(stderr)
    assert str(db) in line and "database is locked by another connection" in line
    assert "Traceback" not in stderr
    assert store_violations(db, allow_running=True) == []
    rerun = run_cli("crawl", "slow", "--progress", "off", db=db, config=site)
    assert rerun.exit_code == 0, rerun.stderr[-3000:]
    assert store_violations(db) == []


# A full disk ---------------------------------------------------------------------------------


def test_a_full_disk_stops_the_crawl_with_one_line_and_a_rerun_completes(site, tmp_path):
    db = tmp_path / "b.db"
    with Store(db):  # the schema; then room for a few dozen releases
        pass
    cap = db.stat().st_size + 400_000
    started = time.monotonic()
    crawl = start_crawl(db, site, "-s", f"BULLETIN_DB_MAX_BYTES={cap}")
    stdout, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == EXIT_STORE_FAILED, stderr[-3000:]
    assert time.monotonic() - started < 60
    [line] = error_lines(stderr)
    assert str(db) in line and "database or disk is full" in line
    assert "Traceback" not in stderr and "no such savepoint" not in stderr and "cannot commit" not in stderr
    stored = count(db, "SELECT count(*) FROM releases")
    assert 0 < stored < RELEASES
    assert crawl_rows(db)[-1][1] == "failed"
    assert store_violations(db) == []
    rerun = run_cli("crawl", "gen", "--progress", "off", db=db, config=site)
    assert rerun.exit_code == 0, rerun.stderr[-3000:]
    assert store_violations(db) == []
