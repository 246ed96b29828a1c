"""Stopping the CLI with real signals: `bulletin demo --keep`, Ctrl-C on `bulletin crawl`."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from support.cli_site import start_slow_site
from support.harness import ROOT, write_config

EXIT_INTERRUPTED = 130


def _cli(*args, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("BULLETIN_DB", None)
    env.pop("BULLETIN_CONFIG", None)
    return subprocess.Popen(
        [sys.executable, "-m", "crawler", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"])
def test_demo_keep_stops_on_the_first_signal(tmp_path, signum):
    process = _cli("--db", str(tmp_path / "demo.db"), "demo", "--keep")
    try:
        for line in process.stdout:
            if "until Ctrl-C" in line:
                break
        else:
            pytest.fail(f"the demo never started serving: {process.stderr.read()[-2000:]}")
        url = line.split()[1]
        process.send_signal(signum)
        assert process.wait(timeout=20) == 0
        assert process.stdout.read().strip() == "stopped"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    import httpx

    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=2)  # the sample site went with it


@pytest.fixture
def slow_site(tmp_path):
    sites = []

    def start(delay: float, count: int = 60):
        site = start_slow_site(count, delay, tmp_path / f"requests{len(sites)}.log")
        sites.append(site)
        return site

    yield start
    for site in sites:
        site.stop()


def _start_crawl(tmp_path, site, *settings, timeout=60.0, started=6):
    config = write_config(
        tmp_path / "sites.toml",
        {
            "slow": {
                "start_urls": [site.url + "list.html"],
                "politeness": {"download_delay": 0.3, "concurrency": 2, "timeout": timeout},
            }
        },
    )
    db = tmp_path / "b.db"
    process = _cli(
        "--db",
        str(db),
        "--config",
        str(config),
        "crawl",
        "--progress",
        "off",
        "-s",
        "DOWNLOAD_DELAY_JITTER=0",
        *settings,
    )
    deadline = time.monotonic() + 60
    while len(site.requests()) < started:  # robots.txt, the list, articles: the crawl is under way
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the crawl never got going"
        time.sleep(0.05)
    return process, db


def _assert_consistent(db):
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT status, error FROM crawls").fetchall() == [
        ("interrupted", "crawl stopped: shutdown")
    ]
    assert (
        conn.execute("SELECT count(*) FROM releases WHERE current_version_id IS NULL").fetchone()[0]
        == 0
    )
    releases = conn.execute("SELECT count(*) FROM releases").fetchone()[0]
    assert releases == conn.execute("SELECT count(DISTINCT release_id) FROM versions").fetchone()[0]
    return releases


def test_ctrl_c_on_a_crawl_is_acknowledged_at_once_and_sends_nothing_new(tmp_path, slow_site):
    site = slow_site(delay=1.0)
    process, db = _start_crawl(tmp_path, site)
    signalled = time.monotonic()
    process.send_signal(signal.SIGINT)
    first_line = process.stderr.readline()
    acknowledged = time.monotonic() - signalled
    out, err = process.communicate(timeout=60)
    assert "stopping" in first_line and "Ctrl-C again" in first_line, first_line
    assert acknowledged < 5, acknowledged  # at once, not after the requests in flight
    # The downloader held up to 16 requests waiting for their turn; none of them may go out.
    # (One may already have been on its way to the server when the signal came.)
    late = [path for at, path in site.requests() if at > signalled + 0.05]
    assert len(late) <= 1, late
    assert process.returncode == EXIT_INTERRUPTED, err
    assert "crawl #1 (baseline): interrupted" in out
    assert "Traceback" not in err
    assert 0 < _assert_consistent(db) < 60


def test_a_second_ctrl_c_stops_the_crawl_now_and_leaves_it_consistent(tmp_path, slow_site):
    site = slow_site(delay=45.0)  # articles answer long after any grace
    process, db = _start_crawl(
        tmp_path, site, "-s", "BULLETIN_STOP_GRACE=40", timeout=90, started=4
    )
    process.send_signal(signal.SIGINT)
    assert "stopping" in process.stderr.readline()
    time.sleep(0.5)
    signalled = time.monotonic()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert time.monotonic() - signalled < 20, "the second Ctrl-C did not stop the crawl now"
    assert "again: stopping now" in err
    assert process.returncode == EXIT_INTERRUPTED, err
    assert "interrupted" in out
    assert not [path for at, path in site.requests() if at > signalled]
    _assert_consistent(db)


def test_sigterm_gives_the_requests_in_flight_the_grace_then_stops(tmp_path, slow_site):
    site = slow_site(delay=45.0)
    process, db = _start_crawl(tmp_path, site, "-s", "BULLETIN_STOP_GRACE=1", timeout=90, started=4)
    signalled = time.monotonic()
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert time.monotonic() - signalled < 20, "the grace was not kept"
    assert process.returncode == EXIT_INTERRUPTED, err
    _assert_consistent(db)
