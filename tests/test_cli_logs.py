"""What the crawl commands and the service log, and where: real processes, the demo site."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

from support.harness import ROOT, run_cli, write_config

MISSING_START_PAGE = "missing/index.html"
SERVE_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: "
)


def demo_table(server, **extra):
    from crawler.demo import demo_config

    table = demo_config(server.url)
    return {**table, "timezone": "Asia/Shanghai", **extra}


def test_the_demo_prints_no_scrapy_start_up_block(tmp_path):
    result = run_cli("--db", str(tmp_path / "demo.db"), "demo")
    assert result.exit_code == 0, result.stderr
    for text in (result.stdout, result.stderr):
        assert "Versions:" not in text and "Scrapy 2." not in text and "'lxml'" not in text


def test_crawl_shows_scrapy_s_own_log_with_verbose(demo_site, tmp_path):
    config = write_config(tmp_path / "sites.toml", {"demo": demo_table(demo_site)})
    quiet = run_cli("crawl", "demo", "--progress", "off", db=tmp_path / "a.db", config=config)
    assert quiet.exit_code == 0 and "Versions:" not in quiet.stderr, quiet.stderr
    verbose = run_cli(
        "crawl", "demo", "--progress", "off", "-v", db=tmp_path / "b.db", config=config
    )
    assert verbose.exit_code == 0, verbose.stderr
    assert (
        "Scrapy 2." in verbose.stderr
        and "Versions:" in verbose.stderr
        and "Spider closed" in verbose.stderr
    )


class Serve:
    """`bulletin serve` in a real process; its stderr read line by line as it comes."""

    def __init__(self, db, config):
        import threading

        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "crawler", "--db", str(db), "--config", str(config), "serve"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(
            target=lambda: self.lines.extend(iter(self.process.stderr.readline, "")), daemon=True
        )
        self.reader.start()

    def logged(self, text: str) -> bool:
        return any(text in line for line in list(self.lines))

    def stop(self, signum=signal.SIGTERM) -> tuple[str, list[str]]:
        self.process.send_signal(signum)
        out = self.process.stdout.read()
        self.process.wait(timeout=90)
        self.reader.join(timeout=10)
        return out, [line.rstrip("\n") for line in self.lines]


def _wait_for(predicate, timeout=90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def _crawl_rows(db, status):
    try:
        return (
            sqlite3.connect(db)
            .execute("SELECT count(*) FROM crawls WHERE status = ?", [status])
            .fetchone()[0]
        )
    except sqlite3.Error:
        return 0


def _serve_config(tmp_path, server, **site):
    table = demo_table(server, schedule="1h", **site)
    table["start_urls"] = [*table["start_urls"], server.url + MISSING_START_PAGE]
    config = write_config(tmp_path / "sites.toml", {"demo": table})
    config.write_text(
        config.read_text(encoding="utf-8") + "[serve]\nstagger = 0\njitter = 0\n", encoding="utf-8"
    )
    return config


def test_serve_logs_each_crawl_s_summary_and_failed_fetches_to_stderr_only(demo_site, tmp_path):
    serve = Serve(tmp_path / "b.db", _serve_config(tmp_path, demo_site))
    try:
        assert _wait_for(lambda: serve.logged("demo: crawl finished")), "".join(serve.lines)[-3000:]
    finally:
        out, lines = serve.stop()
    assert serve.process.returncode == 0, lines[-20:]
    assert out == ""  # nothing on stdout: under systemd, stderr is the journal
    assert [
        line for line in lines if not SERVE_LINE.match(line)
    ] == []  # one format, one line per event
    (finished,) = [line for line in lines if "demo: crawl finished: " in line]
    assert "crawl #1 (baseline): finished; pages fetched" in finished and "; errors 1;" in finished
    failed = [line for line in lines if (demo_site.url + MISSING_START_PAGE) in line]
    assert len(failed) == 1 and " WARNING " in failed[0] and failed[0].endswith(": HTTP 404"), (
        failed
    )
    assert lines[-1].endswith("bulletin.serve: stopped")


def test_serve_logs_the_interrupted_crawl_before_it_says_stopped(demo_site, tmp_path):
    db = tmp_path / "b.db"
    serve = Serve(db, _serve_config(tmp_path, demo_site, politeness={"download_delay": 0.5}))
    try:
        assert _wait_for(lambda: serve.logged("demo: list page")), "".join(serve.lines)[-3000:]
    finally:
        out, lines = serve.stop(signal.SIGINT)  # as Ctrl-C on the service alone
    assert serve.process.returncode == 0, lines[-20:]
    ends = [i for i, line in enumerate(lines) if "demo: crawl interrupted: " in line]
    assert len(ends) == 1, lines[-20:]
    assert "crawl #1 (baseline): interrupted" in lines[ends[0]]
    assert lines[-1].endswith("bulletin.serve: stopped") and ends[0] < len(lines) - 1
    assert not [
        line for line in lines if "again: stopping now" in line
    ]  # one signal reached the crawl
    assert [line for line in lines if not SERVE_LINE.match(line)] == []
    assert [line for line in lines if "WARNING bulletin.crawl: SIGTERM: stopping" in line]
    assert _crawl_rows(db, "interrupted") == 1
