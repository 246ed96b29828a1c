"""Scrapy-native use: `scrapy crawl site -a site=NAME -O items.jsonl`, as a real subprocess."""

from __future__ import annotations

import base64
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from support.harness import ROOT, write_config

DEMO_RELEASES = 37


def scrapy(cwd, *args, timeout=180):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    env.pop("BULLETIN_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_feed_export_holds_every_item_with_the_raw_body_as_base64(demo_site, tmp_path):
    from crawler.demo import demo_config

    write_config(
        tmp_path / "sites.toml",
        {"demo": {**demo_config(demo_site.url), "timezone": "Asia/Shanghai"}},
    )
    done = scrapy(tmp_path, "crawl", "site", "-a", "site=demo", "-O", "items.jsonl")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "ERROR" not in done.stderr, done.stderr[-3000:]
    items = [
        json.loads(line)
        for line in (tmp_path / "items.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    releases = [item for item in items if "article" in item]
    lists = [item for item in items if "links" in item]
    assert len(releases) == DEMO_RELEASES and lists
    by_url = {item["url"]: item for item in releases}
    page = by_url[demo_site.url + "xwzx/ywdt/202212/t20221215_10015.html"]
    raw = base64.b64decode(page["raw_body"], validate=True)
    assert raw.startswith(b"<!DOCTYPE html>") and "临江港二期码头工程通过交工验收".encode() in raw
    assert page["article"]["title"] == "临江港二期码头工程通过交工验收"
    gb = next(item for item in releases if "/gb/" in item["url"])
    assert "charset=gb2312" in gb["headers"]["Content-Type"].lower() or gb[
        "encoding"
    ].lower().startswith("gb")
    assert base64.b64decode(gb["raw_body"]).decode(
        gb["encoding"]
    )  # the bytes as served, not re-encoded
    assert (tmp_path / "bulletin.db").exists()  # the store is written as by `bulletin crawl`


@pytest.mark.parametrize(
    "setup, args, message",
    [
        ("none", ["-a", "site=demo"], "Error: sites.toml: no such file"),
        ("demo", ["-a", "site=nope"], "Error: unknown site 'nope' (configured: demo)"),
        ("two", [], "Error: name the site to crawl: -a site=NAME (configured: a, b)"),
        ("bad", ["-a", "site=demo"], "Error: sites.toml: invalid TOML"),
    ],
    ids=["no-sites-toml", "unknown-site", "which-site", "invalid-toml"],
)
def test_configuration_errors_are_one_line(tmp_path, setup, args, message):
    if setup == "demo":
        write_config(tmp_path / "sites.toml", {"demo": {"start_urls": ["http://127.0.0.1:9/"]}})
    elif setup == "two":
        write_config(
            tmp_path / "sites.toml",
            {
                "a": {"start_urls": ["http://127.0.0.1:9/a"]},
                "b": {"start_urls": ["http://127.0.0.1:9/b"]},
            },
        )
    elif setup == "bad":
        (tmp_path / "sites.toml").write_text("[sites.demo\n", encoding="utf-8")
    done = scrapy(tmp_path, "crawl", "site", *args, "-O", "items.jsonl", timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith(message), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not (tmp_path / "items.jsonl").exists()


def test_ctrl_c_on_scrapy_crawl_sends_nothing_new_and_closes_the_crawl(tmp_path):
    from support.cli_site import start_slow_site

    site = start_slow_site(60, 1.0, tmp_path / "requests.log")
    try:
        write_config(
            tmp_path / "sites.toml",
            {
                "slow": {
                    "start_urls": [site.url + "list.html"],
                    "politeness": {"download_delay": 0.3, "concurrency": 2},
                }
            },
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
        env.pop("BULLETIN_CONFIG", None)
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "site",
                "-a",
                "site=slow",
                "-s",
                "DOWNLOAD_DELAY_JITTER=0",
            ],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while len(site.requests()) < 6:
            assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()[
                -2000:
            ]
            time.sleep(0.05)
        signalled = time.monotonic()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
        late = [path for at, path in site.requests() if at > signalled + 0.05]
        assert len(late) <= 1, late
        assert "SIGINT: stopping" in err and "Traceback" not in err, err[-3000:]
        conn = sqlite3.connect(tmp_path / "bulletin.db")
        assert conn.execute("SELECT status FROM crawls").fetchall() == [("interrupted",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        site.stop()
