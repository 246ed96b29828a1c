"""The crawl layer's seams: the status a crawl ends in, and how often a crawl opens the store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from crawler.writer import crawl_status
from support.harness import ROOT, demo_table, write_config

NO_PAGES: dict = {}
ONE_PAGE = {"list_pages": 1}


@pytest.mark.parametrize(
    "reason, counts, first_failure, store_failure, expected",
    [
        ("finished", ONE_PAGE, None, None, ("finished", None)),
        (
            "closespider_pagecount",
            ONE_PAGE,
            None,
            None,
            ("cut_short", "crawl cut short: Scrapy's CLOSESPIDER_PAGECOUNT reached"),
        ),
        ("shutdown", ONE_PAGE, None, None, ("interrupted", "crawl stopped: shutdown")),
        (
            "finished",
            NO_PAGES,
            "http://x/: HTTP 503",
            None,
            ("failed", "site unreachable or blocking: http://x/: HTTP 503"),
        ),
        (
            "finished",
            NO_PAGES,
            None,
            None,
            ("failed", "site unreachable or blocking: no page could be fetched"),
        ),
        ("shutdown", NO_PAGES, None, None, ("interrupted", "crawl stopped: shutdown")),
        (
            "store_failed",
            ONE_PAGE,
            None,
            "b.db: database or disk is full",
            ("failed", "the store could not be written: b.db: database or disk is full"),
        ),
    ],
    ids=[
        "finished",
        "closespider-is-cut-short",
        "stopped-is-interrupted",
        "nothing-fetched-names-the-first-failure",
        "nothing-fetched-at-all",
        "ctrl-c-before-any-page-is-no-outage",
        "store-failure-wins",
    ],
)
def test_the_status_a_crawl_ends_in(reason, counts, first_failure, store_failure, expected):
    assert crawl_status(reason, counts, first_failure, store_failure) == expected


def test_a_crawl_opens_the_store_three_times(demo_site, tmp_path):
    """The CLI's subscriptions, the crawl process's start (crawl row and spider state), the
    writer's one connection: the crawl row is closed and the summary read by the writer."""
    config = write_config(tmp_path / "sites.toml", {"demo": demo_table(demo_site)})
    db = tmp_path / "b.db"
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
    env.pop("BULLETIN_DB", None)
    env.pop("BULLETIN_CONFIG", None)
    for _ in range(2):  # a first crawl and a recrawl
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "tests" / "support" / "pipeline_opens.py"),
                "--db",
                str(db),
                "--config",
                str(config),
                "crawl",
                "demo",
                "--progress",
                "off",
                "-s",
                "BULLETIN_STORE_WRITER=thread",
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        assert done.stdout.splitlines()[-1] == "store opens: 3", done.stdout[-2000:]
        assert "(demo) — crawl #" in done.stdout  # the summary, from the writer's report
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT status FROM crawls ORDER BY id").fetchall() == [
        ("finished",),
        ("finished",),
    ]


def _spawned_children(pid: int) -> list[int]:
    """Processes that ``multiprocessing`` spawned from ``pid`` (here: the store writer only)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = open(f"/proc/{entry}/stat").read()
            cmdline = open(f"/proc/{entry}/cmdline", "rb").read()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"spawn_main" in cmdline:
            found.append(int(entry))
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the writer process through /proc")
def test_a_killed_writer_stops_the_crawl_and_the_pipeline_closes_its_row(demo_site, tmp_path):
    import signal
    import time

    from support.kill import count, finish_crawl, sigkill, start_crawl

    table = demo_table(demo_site)
    table.setdefault("politeness", {}).update({"download_delay": 0.2, "autothrottle": False})
    config = write_config(tmp_path / "sites.toml", {"demo": table})
    db = tmp_path / "b.db"
    # No extraction worker: the one process spawned is the store writer.
    crawl = start_crawl(db, config, "demo", "-s", "BULLETIN_EXTRACT_WORKERS=0", capture=True)
    try:
        deadline = time.monotonic() + 120
        while count(db, "SELECT count(*) FROM releases") < 3:
            assert crawl.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        [writer] = _spawned_children(crawl.pid)
        os.kill(writer, signal.SIGKILL)
        stdout, stderr = crawl.communicate(timeout=120)
    finally:
        if crawl.poll() is None:
            sigkill(crawl)
    assert crawl.returncode == 4, stderr[-3000:]
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "the store writer stopped unexpectedly" in errors[0], stderr
    assert "Traceback" not in stderr
    conn = sqlite3.connect(db)
    [(status, error)] = conn.execute("SELECT status, error FROM crawls").fetchall()
    assert status == "failed" and error.startswith("the store could not be written: "), error
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    finish_crawl(db, config, "demo")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT status FROM crawls ORDER BY id").fetchall()[-1] == ("finished",)
