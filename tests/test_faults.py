"""The fault suite: real crawls (the CLI in a subprocess) against a generated site and a hostile
server, with the store checked after each fault (tests/support/invariants.py).

Locks come from a real second SQLite connection holding ``BEGIN IMMEDIATE``; a full disk from
the store's size cap (``BULLETIN_DB_MAX_BYTES``, SQLite's ``max_page_count``), which fails
writes exactly as ENOSPC does (``SQLITE_FULL``).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from storage import Store
from support.harness import ROOT, run_cli, start_site_server, write_config
from support.invariants import store_violations
from support.kill import count, describe_difference, start_crawl, store_digest

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


@pytest.fixture(scope="module")
def clean(site, tmp_path_factory):
    """The site crawled once without a fault: what every faulted store must come back to."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    result = run_cli("crawl", "gen", "--progress", "off", db=db, config=site)
    assert result.exit_code == 0, result.stderr[-3000:]
    assert count(db, "SELECT count(*) FROM releases") == RELEASES
    return db


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


def figure(name: str, text: str) -> None:
    """A measured figure, for docs/reliability.md (``pytest -s tests/test_faults.py | grep FIGURE``)."""
    print(f"FIGURE {name}: {text}")


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


def crawl_rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id, status, error FROM crawls ORDER BY id").fetchall()
    finally:
        conn.close()


# Locks ---------------------------------------------------------------------------------------


def test_a_lock_held_for_a_while_is_waited_for_and_said(site, clean, tmp_path):
    db = tmp_path / "b.db"
    crawl = start_crawl(db, site, "slow", capture=True, progress="log")
    wait_for(lambda: count(db, "SELECT count(*) FROM releases") >= 3)
    holder = LockHolder(db)
    time.sleep(
        8
    )  # past the writer's first attempt (5 s in SQLite's busy handler at the default wait)
    holder.release()
    stdout, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == 0, stderr[-3000:]
    assert "is locked by another connection; waited" in stderr
    figure(
        "lock held 8 s",
        f"exit 0, {stderr.count('is locked by another connection; waited')} wait lines, "
        f"{count(db, 'SELECT count(*) FROM releases')}/{RELEASES} releases",
    )
    assert "Traceback" not in stderr
    assert count(db, "SELECT count(*) FROM releases") == RELEASES
    assert store_violations(db) == []
    got, want = store_digest(db), store_digest(clean)
    assert got == want, describe_difference(got, want)


def test_a_lock_held_past_the_wait_stops_the_crawl_with_one_line(site, clean, tmp_path):
    db = tmp_path / "b.db"
    crawl = start_crawl(
        db, site, "slow", "-s", "BULLETIN_STORE_LOCK_WAIT=2", capture=True, progress="log"
    )
    wait_for(lambda: count(db, "SELECT count(*) FROM releases") >= 3)
    holder = LockHolder(db)
    try:
        stdout, stderr = crawl.communicate(timeout=60)  # while the lock is still held: no hang
        held_for = time.monotonic() - holder.taken
    finally:
        holder.release()
    assert crawl.returncode == EXIT_STORE_FAILED, stderr[-3000:]
    assert held_for < 30
    figure(
        "lock held past BULLETIN_STORE_LOCK_WAIT=2",
        f"exit 4 {held_for:.1f} s after the lock was taken, "
        f"{count(db, 'SELECT count(*) FROM releases')} releases kept",
    )
    [line] = error_lines(stderr)
    assert str(db) in line and "database is locked by another connection" in line
    assert "Traceback" not in stderr
    assert store_violations(db, allow_running=True) == []
    rerun = run_cli("crawl", "slow", "--progress", "off", db=db, config=site)
    assert rerun.exit_code == 0, rerun.stderr[-3000:]
    assert store_violations(db) == []
    got, want = store_digest(db), store_digest(clean)
    assert got == want, describe_difference(got, want)


# A full disk ---------------------------------------------------------------------------------


def test_a_full_disk_stops_the_crawl_with_one_line_and_a_rerun_completes(site, clean, tmp_path):
    db = tmp_path / "b.db"
    with Store(db):  # the schema; then room for three quarters of the site
        pass
    with sqlite3.connect(clean) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cap = db.stat().st_size + (clean.stat().st_size - db.stat().st_size) * 3 // 4
    started = time.monotonic()
    crawl = start_crawl(
        db, site, "gen", "-s", f"BULLETIN_DB_MAX_BYTES={cap}", capture=True, progress="log"
    )
    stdout, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == EXIT_STORE_FAILED, stderr[-3000:]
    assert time.monotonic() - started < 60
    figure(
        "disk full",
        f"exit 4 after {time.monotonic() - started:.1f} s (whole crawl process), "
        f"{count(db, 'SELECT count(*) FROM releases')}/{RELEASES} releases kept",
    )
    [line] = error_lines(stderr)
    assert str(db) in line and "database or disk is full" in line
    assert (
        "Traceback" not in stderr
        and "no such savepoint" not in stderr
        and "cannot commit" not in stderr
    )
    # Whole batches (up to 50 releases each) are committed or not at all.
    assert count(db, "SELECT count(*) FROM releases") < RELEASES
    assert crawl_rows(db)[-1][1] == "failed"
    assert store_violations(db) == []
    rerun = run_cli("crawl", "gen", "--progress", "off", db=db, config=site)
    assert rerun.exit_code == 0, rerun.stderr[-3000:]
    assert store_violations(db) == []
    got, want = store_digest(db), store_digest(clean)
    assert got == want, describe_difference(got, want)


# A hostile server ------------------------------------------------------------------------------

# What each fault must leave: a failed fetch whose reason says what happened, never a version.
FAULT_REASONS = {
    "/art/reset.html": "response truncated",
    "/art/truncated.html": "response truncated",
    "/art/slowloris.html": "timed out",
    "/art/huge.html": "response over the size cap (52,428,800 B; DOWNLOAD_MAXSIZE 20,971,520 B)",
    "/art/gzip-bomb.html": "response over the size cap when decompressed",
    "/art/binary.html": "not HTML",
    "/art/png.html": "body is PNG",
    "/art/empty.html": "empty body",
    "/art/storm.html": "HTTP 503",
    "/art/botcheck-titled.html": "anti-bot challenge",
    "/art/botcheck-cookie.html": "anti-bot challenge",
    "/art/botcheck-waf.html": "anti-bot challenge",
    "/art/botcheck-form.html": "anti-bot challenge",
    "/art/redirect-stub.html": "redirect stub",
    "/art/unrendered.html": "unrendered template",
    "/art/loop-a.html": "redirect loop",
    "/art/offsite.html": "redirected off-site",
}
HOSTILE_RETRIES = 1


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile site crawled twice (the second crawl must add nothing): (server, db, first, second)."""
    from support.hostile import BIG_LIST, start_hostile_server

    work = tmp_path_factory.mktemp("hostile")
    server = start_hostile_server(work / "requests.log")
    politeness = {
        "download_delay": 0,
        "autothrottle": False,
        "retries": HOSTILE_RETRIES,
        "timeout": 3,
        "concurrency": 4,
    }
    config = write_config(
        work / "sites.toml",
        {
            "hostile": {
                "title": "示例市人民政府",
                "start_urls": [server.list_url],
                "timezone": "Asia/Shanghai",
                "politeness": politeness,
            },
            "biglist": {
                "title": "示例市人民政府",
                "start_urls": [server.url + BIG_LIST],
                "max_list_rows": 30,
                "max_requests": 40,
                "follow_breadcrumbs": False,
                "timezone": "Asia/Shanghai",
                "politeness": politeness,
            },
        },
    )
    db = work / "hostile.db"
    runs = []
    for _ in range(2):
        started = time.monotonic()
        result = run_cli(
            "crawl", "hostile", "biglist", "--progress", "log", db=db, config=config, timeout=240
        )
        runs.append((result, time.monotonic() - started))
    yield server, db, runs
    server.stop()


def _rows(db: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_hostile_crawls_end_in_bounded_time_and_keep_the_store_whole(hostile):
    server, db, runs = hostile
    for result, seconds in runs:
        assert result.exit_code == 0, result.stderr[-3000:]
        assert seconds < 120
        assert "Traceback" not in result.stderr
    assert store_violations(db) == []
    figure("hostile crawls", ", ".join(f"{seconds:.1f} s" for _, seconds in runs))
    for path in sorted(FAULT_REASONS) + ["/art/deep.html"]:
        reasons = _rows(
            db,
            "SELECT reason FROM fetch_failures WHERE url = ? AND site = 'hostile' LIMIT 1",
            server.url + path,
        )
        figure(
            f"hostile {path}",
            f"{len(server.requests(path))} requests over 2 crawls; "
            f"{reasons[0][0][:110] if reasons else 'no failure row'}",
        )


@pytest.mark.parametrize("path", sorted(FAULT_REASONS), ids=lambda p: p.rsplit("/", 1)[-1][:-5])
def test_a_fault_is_a_failed_fetch_with_its_reason_never_a_version(hostile, path):
    server, db, _ = hostile
    url = server.url + path
    assert _rows(db, "SELECT count(*) FROM releases WHERE url = ?", url) == [(0,)]
    reasons = [
        row[0]
        for row in _rows(
            db, "SELECT reason FROM fetch_failures WHERE url = ? AND site = 'hostile'", url
        )
    ]
    assert len(reasons) == 2, reasons  # one per crawl
    assert all(FAULT_REASONS[path] in reason for reason in reasons), reasons
    assert all(len(reason) <= 300 and "\n" not in reason for reason in reasons)


def test_good_pages_beside_the_faults_are_stored_and_a_lying_charset_is_read_right(hostile):
    from support.hostile import GBK_TITLE

    server, db, _ = hostile
    titles = dict(
        _rows(
            db,
            """SELECT r.url, v.title FROM releases r JOIN versions v ON v.id = r.current_version_id
                               WHERE r.site = 'hostile'""",
        )
    )
    assert titles[server.url + "/art/gbk-labelled-utf8.html"] == GBK_TITLE
    assert {server.url + "/art/good-1.html", server.url + "/art/good-2.html"} <= set(titles)


def test_a_second_crawl_of_the_hostile_site_records_no_event(hostile):
    server, db, _ = hostile
    second = _rows(db, "SELECT max(id) FROM crawls WHERE site = 'hostile'")[0][0]
    assert _rows(db, "SELECT kind, release_id FROM events WHERE crawl_id = ?", second) == []


def test_deep_nesting_is_extracted_or_a_failed_fetch_never_an_empty_body(hostile):
    from support.hostile import DEEP_TEXT

    server, db, _ = hostile
    url = server.url + "/art/deep.html"
    bodies = [
        row[0]
        for row in _rows(
            db,
            "SELECT v.body FROM versions v JOIN releases r ON r.id = v.release_id WHERE r.url = ?",
            url,
        )
    ]
    failures = [row[0] for row in _rows(db, "SELECT reason FROM fetch_failures WHERE url = ?", url)]
    assert (bodies and all(DEEP_TEXT in body for body in bodies)) or (not bodies and failures), (
        bodies,
        failures,
    )


def test_a_503_storm_is_retried_a_bounded_number_of_times(hostile):
    server, _, runs = hostile
    assert len(server.requests("/art/storm.html")) == len(runs) * (1 + HOSTILE_RETRIES)


def test_a_10000_row_list_is_cut_at_the_cap_and_says_so(hostile):
    server, db, runs = hostile
    from support.hostile import BIG_LIST

    reasons = [
        row[0]
        for row in _rows(
            db, "SELECT reason FROM fetch_failures WHERE url = ?", server.url + BIG_LIST
        )
    ]
    assert len(reasons) == 2 and all("list cut at 30 rows" in reason for reason in reasons), reasons
    assert all("list cut at 30 rows" in result.stderr for result, _ in runs)
    assert _rows(db, "SELECT count(*) FROM releases WHERE site = 'biglist'")[0][0] <= 40


# kill -9 -----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "point",
    __import__("support.kill", fromlist=["kill_points"]).kill_points(
        seed=12, trials=3, fewest=5, most=RELEASES - 10
    ),
    ids=str,
)
def test_a_killed_crawl_leaves_every_invariant_whole_and_the_rerun_too(
    site, clean, point, tmp_path
):
    from support.kill import finish_crawl, kill_when, releases_stored

    db = tmp_path / "b.db"
    crawl = start_crawl(db, site, "gen", log=tmp_path / "crawl.log")
    killed = kill_when(
        crawl, lambda: releases_stored(db) >= point.releases, delay=point.delay, group=point.group
    )
    # Killed or not (a late point may come after the end), the store is whole: only the crawl row may be open.
    assert store_violations(db, allow_running=killed) == []
    finish_crawl(db, site, "gen")
    assert store_violations(db) == []
    got, want = store_digest(db), store_digest(clean)
    assert got == want, describe_difference(got, want)
