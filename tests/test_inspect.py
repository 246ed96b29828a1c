"""`bulletin inspect`: what a government website inspection counts, from a real crawl of the
demo site with one blank column (暂无信息) added."""

from __future__ import annotations

import json
import shutil

import pytest

from support.harness import demo_table, run_cli, start_site_server, write_config

BLANK = "xxgk/zjdc/index.html"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    from crawler.demo import SITE_DIR

    tmp = tmp_path_factory.mktemp("inspect")
    shutil.copytree(SITE_DIR, tmp / "site")
    server = start_site_server(tmp / "site", tmp / "requests.log")
    listing = (server.root / "xxgk/xxgc/index.html").read_text(encoding="utf-8")
    head, rest = listing.split('<ul class="list">', 1)
    _, tail = rest.split('<div class="footer">', 1)
    page = (
        head.replace("学习贯彻", "征集调查")
        + '<ul class="list"><li class="empty">暂无信息</li></ul></div></div>\n<div class="footer">'
        + tail
    )
    (server.root / BLANK).parent.mkdir(parents=True)
    (server.root / BLANK).write_text(page, encoding="utf-8")
    table = demo_table(server)
    table["start_urls"] = [*table["start_urls"], server.url.rstrip("/") + "/" + BLANK]
    config = write_config(tmp / "sites.toml", {"demo": table})
    db = tmp / "bulletin.db"
    result = run_cli("crawl", "demo", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr[-2000:]
    yield db
    server.stop()


def inspect(db, *args):
    return run_cli("inspect", *args, db=db)


def report(db, *args) -> dict:
    result = inspect(db, "--json", *args)
    return json.loads(result.stdout.splitlines()[0])


def test_a_fresh_site_has_no_finding(crawled):
    result = inspect(crawled, "--as-of", "2022-12-20T00:00:00+08:00")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "FINDING" not in result.stdout
    got = report(crawled, "--as-of", "2022-12-20T00:00:00+08:00")
    columns = {c["column"]: c for c in got["columns"]}
    assert set(columns) >= {"要闻动态", "通知公告", "政策文件", "学习贯彻", "征集调查"}
    assert "新闻中心" not in columns and "信息公开" not in columns  # overview pages, no columns
    assert (
        columns["要闻动态"]["kind"] == "dynamic" and columns["要闻动态"]["days_since_update"] == 3
    )
    assert columns["政策文件"]["kind"] == "notices" and not columns["政策文件"]["stale"]
    assert columns["学习贯彻"]["kind"] is None and columns["学习贯彻"]["stale_after_days"] is None
    assert got["blank_columns"] == ["征集调查"] and got["stale_columns"] == []
    assert got["live_releases"] == 37 and got["undated_releases"] == 0


def test_a_site_not_updated_for_two_weeks_is_a_finding(crawled):
    result = inspect(crawled, "demo", "--as-of", "2023-01-10")
    assert result.exit_code == 3, result.stdout + result.stderr
    assert "FINDING demo: not updated for 14 days: newest release 24 days old" in result.stdout
    got = report(crawled, "--as-of", "2023-01-10")
    assert got["stale_columns"] == ["要闻动态"]  # the notices columns have six months
    assert {c["column"]: c["stale"] for c in got["columns"]}["政策文件"] is False
    later = report(crawled, "--as-of", "2023-07-01")
    assert set(later["stale_columns"]) == {"要闻动态", "通知公告", "政策文件"}


def test_availability_counts_the_week_before(crawled):
    got = report(crawled)  # now: the crawl ran moments ago
    assert got["availability"]["crawls"] == 1 and got["availability"]["requests"] > 30
    assert got["availability"]["failed_fetches"] == 0 and got["availability"]["failure_rate"] == 0
    assert report(crawled, "--as-of", "2023-01-10")["availability"]["crawls"] == 0


def test_an_unknown_site_is_a_one_line_error(crawled):
    result = inspect(crawled, "nosuch")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: no crawled site named nosuch (known: demo)"
    )
