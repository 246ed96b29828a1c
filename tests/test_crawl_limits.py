"""A crawl cut short by a limit (the site's max_requests, Scrapy's CLOSESPIDER_* settings) is an
unfinished walk: it vouches for nothing it did not reach, and the next crawl reaches it."""

from __future__ import annotations

import json
import sqlite3

import pytest

from crawler.writer import crawl_status
from support.crawl_site import article_path, site_table, write_site
from support.harness import run_cli, start_site_server, write_config

ARTICLES = 8


@pytest.fixture
def site(tmp_path):
    root = write_site(tmp_path / "site", ARTICLES)
    server = start_site_server(root, tmp_path / "requests.log")
    yield server
    server.stop()


def _rows(db, sql, *args):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "reason, cut_short, expected",
    [
        (
            "finished",
            "max_requests (4) reached, 5 pages not requested",
            ("cut_short", "crawl cut short: max_requests (4) reached, 5 pages not requested"),
        ),
        (
            "closespider_pagecount",
            None,
            ("cut_short", "crawl cut short: Scrapy's CLOSESPIDER_PAGECOUNT reached"),
        ),
        (
            "closespider_timeout",
            "CLOSESPIDER_TIMEOUT (60) reached",
            ("cut_short", "crawl cut short: CLOSESPIDER_TIMEOUT (60) reached"),
        ),
        ("shutdown", None, ("interrupted", "crawl stopped: shutdown")),
    ],
    ids=["request-cap", "closespider-pagecount", "closespider-timeout", "signal-is-interrupted"],
)
def test_a_limit_cuts_a_crawl_short(reason, cut_short, expected):
    assert crawl_status(reason, {"list_pages": 1}, None, cut_short=cut_short) == expected


def test_a_cut_short_crawl_with_no_page_is_a_failure():
    status, error = crawl_status("closespider_timeout", {}, "http://x/: timed out")
    assert (status, error) == ("failed", "site unreachable or blocking: http://x/: timed out")


def test_the_next_crawl_reaches_what_a_request_cap_cut_off(site, tmp_path):
    db = tmp_path / "b.db"
    capped = write_config(tmp_path / "capped.toml", {"bs": site_table(site.url, max_requests=4)})
    first = run_cli("crawl", "bs", "--progress", "off", db=db, config=capped)
    assert first.exit_code == 0, first.stderr[-2000:]
    assert "crawl #1 (baseline): cut_short" in first.stdout
    assert "max_requests (4) reached, 5 pages not requested" in first.stdout, first.stdout
    ((status, error, baseline),) = _rows(db, "SELECT status, error, baseline FROM crawls")
    assert (status, baseline) == ("cut_short", 1)
    assert error == "crawl cut short: max_requests (4) reached, 5 pages not requested"
    assert len(_rows(db, "SELECT id FROM releases")) == 3
    # Its list rows vouch for nothing below them, and no release it never reached is missed.
    assert _rows(db, "SELECT count(*) FROM list_entries WHERE confirmed = 1") == [(0,)]
    assert _rows(db, "SELECT count(*) FROM releases WHERE missing_since IS NOT NULL") == [(0,)]

    site.clear_log()
    config = write_config(tmp_path / "sites.toml", {"bs": site_table(site.url)})
    second = run_cli("crawl", "bs", "--json", "--progress", "off", db=db, config=config)
    assert second.exit_code == 0, second.stderr[-2000:]
    summary = json.loads(second.stdout)
    assert (summary["status"], summary["error"], summary["baseline"]) == ("finished", None, 0)
    # The list page is asked for in full (its validators came from an unfinished crawl), and the
    # five articles the cap kept back are fetched and stored.
    assert "GET /tzgg/index.html 200" in site.requests()
    assert len(_rows(db, "SELECT id FROM releases")) == ARTICLES
    assert summary["releases_new"] == 5 and summary["releases_removed"] == 0
    assert _rows(db, "SELECT count(*) FROM events WHERE kind = 'removed'") == [(0,)]
    # The releases the cut crawl stored are fetched in full once more (it may have stopped
    # before what their pages lead to), and change nothing.
    fetched = {line.split(" ")[1] for line in site.requests() if line.endswith(" 200")}
    assert {f"/{article_path(n)}" for n in range(1, ARTICLES + 1)} <= fetched
    assert summary["releases_edited"] == 0

    site.clear_log()
    third = run_cli("crawl", "bs", "--json", "--progress", "off", db=db, config=config)
    assert third.exit_code == 0, third.stderr[-2000:]
    # A finished crawl's list page answers 304: nothing more to reach.
    assert [line for line in site.requests() if "robots.txt" not in line] == [
        "GET /tzgg/index.html 304"
    ], site.requests()
