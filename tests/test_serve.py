"""The scheduler service: real `bulletin serve` processes with short intervals, stopped by signals."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from support.harness import ROOT, demo_table, write_config


def start_serve(db, config):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "crawler", "--db", str(db), "--config", str(config), "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def add_serve_table(config, **values):
    lines = ["[serve]"] + [f"{key} = {value!r}" for key, value in values.items()]
    config.write_text(
        config.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8"
    )


def crawls(db):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return [dict(row) for row in conn.execute("SELECT * FROM crawls ORDER BY id")]


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except (
            sqlite3.OperationalError
        ):  # the serve process has created the file, not yet its tables
            pass
        time.sleep(0.3)
    return False


def test_serve_crawls_then_probes_and_skips_an_unchanged_site_and_stops_on_sigterm(
    demo_site, tmp_path
):
    config = write_config(tmp_path / "sites.toml", {"demo": demo_table(demo_site, schedule="3s")})
    add_serve_table(config, stagger=0.0, jitter=0.0)
    db = tmp_path / "b.db"
    process = start_serve(db, config)
    try:
        assert wait_for(
            lambda: db.exists() and any(c["status"] == "skipped" for c in crawls(db)), 90
        ), process.stderr.read() if process.poll() is not None else "no skipped run"
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err[-2000:]
    rows = crawls(db)
    assert rows[0]["status"] == "finished" and rows[0]["baseline"] == 1
    skipped = [row for row in rows if row["status"] == "skipped"]
    assert skipped and skipped[0]["note"].startswith("probe:") and skipped[0]["requests"] == 3
    for earlier, later in zip(rows, rows[1:]):
        assert earlier["finished_at"] <= later["started_at"], "runs of one site overlapped"
    assert "crawl skipped" in err


def test_sigterm_during_a_crawl_stops_it_cleanly_and_exits_0(demo_site, tmp_path):
    config = write_config(
        tmp_path / "sites.toml",
        {"demo": demo_table(demo_site, schedule="1h", politeness={"download_delay": 0.5})},
    )
    add_serve_table(config, stagger=0.0, jitter=0.0, stop_timeout=30.0)
    db = tmp_path / "b.db"
    process = start_serve(db, config)
    try:
        assert wait_for(
            lambda: (
                db.exists()
                and sqlite3.connect(db).execute("SELECT count(*) FROM releases").fetchone()[0] >= 3
            ),
            60,
        )
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=90)
    assert process.returncode == 0, err[-2000:]
    rows = crawls(db)
    assert [row["status"] for row in rows] == ["interrupted"]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (
        conn.execute("SELECT count(*) FROM releases WHERE current_version_id IS NULL").fetchone()[0]
        == 0
    )


def test_first_run_resumes_one_interval_after_the_last_crawl():
    from crawler.monitor.service import first_run_time

    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    last = (now - timedelta(minutes=10)).isoformat()
    assert first_run_time(last, 3600, now, 0) == now + timedelta(minutes=50)
    assert first_run_time((now - timedelta(hours=5)).isoformat(), 3600, now, 30) == now + timedelta(
        seconds=30
    )
    assert first_run_time(None, 3600, now, 60) == now + timedelta(seconds=60)


def test_invalid_serve_table_is_a_one_line_error(tmp_path):
    from support.harness import run_cli

    config = write_config(
        tmp_path / "sites.toml", {"demo": {"start_urls": ["http://127.0.0.1:9/"]}}
    )
    add_serve_table(config, crawl_timeout="soon")
    result = run_cli("serve", db=tmp_path / "b.db", config=config)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {config}: serve: key 'crawl_timeout': expected a number >= 0, got \"soon\""
    )


@pytest.mark.parametrize(
    "expression,weekday",
    [
        ("0 8 * * 0", 6),
        ("0 8 * * 7", 6),
        ("0 8 * * 1", 0),
        ("0 8 * * 1-5", 1),
        ("0 8 * * sat", 5),
        ("0 8 * * 6", 5),
    ],
    ids=["sunday-0", "sunday-7", "monday", "weekdays", "name", "saturday"],
)
def test_cron_weekdays_count_from_sunday_as_in_crontab(expression, weekday):
    from crawler.config.schedule import parse_cron
    from crawler.monitor.service import cron_trigger

    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday, after 08:00 UTC
    fire = cron_trigger(parse_cron(expression), "UTC").get_next_fire_time(None, start)
    assert fire.weekday() == weekday and fire.hour == 8


@pytest.mark.parametrize("max_requests", [3, 10000], ids=["cut short", "to its end"])
def test_serve_logs_a_cut_short_crawl_as_cut_short(demo_site, tmp_path, caplog, max_requests):
    import logging

    from crawler.config import load_config
    from crawler.monitor.service import Service

    config = write_config(
        tmp_path / "sites.toml", {"demo": demo_table(demo_site, max_requests=max_requests)}
    )
    service = Service(load_config(config), tmp_path / "b.db", config_path=config)
    with caplog.at_level(logging.INFO, logger="bulletin.serve"):
        service._crawl("demo")
    (line,) = [r for r in caplog.records if r.getMessage().startswith("demo: crawl ")]
    if max_requests == 3:
        assert line.levelno == logging.WARNING and line.getMessage().startswith(
            "demo: crawl cut short: "
        )
        assert "cut_short" in line.getMessage()
    else:
        assert line.getMessage().startswith("demo: crawl finished: ")
