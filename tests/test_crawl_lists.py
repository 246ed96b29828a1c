"""End-to-end crawls of list pages: real CLI, real Scrapy, a local site written by tests/support/lists_site.py."""

from __future__ import annotations

import json
import sqlite3

from support.harness import run_cli, write_config
from support.lists_site import write_site


def _crawl(serve_site, tmp_path, rows_per_page, last_pager=True, **site):
    folder = tmp_path / "site"
    paths = write_site(folder, rows_per_page, last_pager=last_pager)
    server = serve_site(folder)
    table = {"start_urls": [server.url + "tzgg/index.html"], "include": [r"/tzgg/\d{6}/"], **site}
    config = write_config(tmp_path / "sites.toml", {"county": table})
    db = tmp_path / "bulletin.db"
    result = run_cli("crawl", "county", "--progress", "log", db=db, config=config)
    stored = run_cli("releases", "--json", "--limit", "500", db=db)
    assert stored.exit_code == 0, stored.stderr
    urls = {
        json.loads(line)["url"].removeprefix(server.url.rstrip("/"))
        for line in stored.stdout.splitlines()
    }
    return result, db, paths, urls


def test_the_release_on_a_one_row_last_list_page_is_stored(serve_site, tmp_path):
    result, _, paths, urls = _crawl(serve_site, tmp_path, [5, 5, 1])
    assert result.exit_code == 0, result.stderr[-3000:]
    assert paths[-1] in urls  # the lone row of index_2.html
    assert urls == set(paths)  # and nothing from the teaser box beside every list


def test_a_one_row_last_page_without_a_pager_is_found_by_the_columns_list_hint(
    serve_site, tmp_path
):
    # Nothing on the page itself tells its lone row from the teaser box; page 1's list path does.
    result, _, paths, urls = _crawl(serve_site, tmp_path, [5, 5, 1], last_pager=False)
    assert result.exit_code == 0, result.stderr[-3000:]
    assert urls == set(paths)


def test_a_list_cut_at_max_list_rows_says_so_and_keeps_the_first_rows(serve_site, tmp_path):
    result, db, paths, urls = _crawl(serve_site, tmp_path, [30], max_list_rows=20)
    assert urls == set(paths[:20])
    reasons = [row[0] for row in sqlite3.connect(db).execute("SELECT reason FROM fetch_failures")]
    assert reasons == ["list cut at 20 rows: 10 more rows not read (raise max_list_rows)"]
    assert "list cut at 20 rows" in result.stderr


def test_extract_list_json_says_where_the_list_sits_and_what_was_cut(tmp_path):
    rows = "".join(
        f'<li><a href="/a/{i}.html">第{i}条示例新闻标题文字内容</a><span>2024-01-01</span></li>'
        for i in range(1200)
    )
    page = tmp_path / "list.html"
    page.write_text(
        f"<html><body><div class='main'><ul class='list'>{rows}</ul></div></body></html>",
        encoding="utf-8",
    )
    result = run_cli(
        "extract", str(page), "--url", "http://x.gov.cn/col/index.html", "--list", "--json"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (len(data["links"]), data["truncated_rows"]) == (1000, 200)
    assert data["list_path"] == "div.main > ul.list > li"
    text = run_cli("extract", str(page), "--url", "http://x.gov.cn/col/index.html", "--list").stdout
    assert (
        "list at: div.main > ul.list > li" in text
        and "cut: 200 more rows not read (max_list_rows)" in text
    )


def test_a_hanweb_column_is_read_past_its_page_through_the_jpage_proxy(tmp_path):
    """The column page holds the first group (15 records); the proxy answers the next groups as
    its jpage script asks for them (startrecord/endrecord/perpage), until a group comes short."""
    from support import lists_hanweb

    folder = tmp_path / "site"
    paths = lists_hanweb.write_site(folder, total=40, per=5, group=3)
    server = lists_hanweb.start(folder, tmp_path / "requests.log")
    try:
        table = {"start_urls": [server.url + "col/col2870/index.html"], "include": [r"/art/"]}
        config = write_config(tmp_path / "sites.toml", {"city": table})
        db = tmp_path / "bulletin.db"
        result = run_cli("crawl", "city", "--progress", "log", db=db, config=config)
        assert result.exit_code == 0, result.stderr[-3000:]
        stored = run_cli("releases", "--json", "--limit", "500", db=db)
        urls = {
            json.loads(line)["url"].removeprefix(server.url.rstrip("/"))
            for line in stored.stdout.splitlines()
        }
        proxied = [p for p in server.paths() if p.startswith(lists_hanweb.PROXY)]
    finally:
        server.stop()
    assert urls == set(paths)
    assert [p.split("?")[1].split("&col=")[0] for p in proxied] == [
        "startrecord=16&endrecord=30&perpage=5",
        "startrecord=31&endrecord=45&perpage=5",
    ]


def test_a_column_whose_list_is_in_a_frame_is_read_through_the_frame(serve_site, tmp_path):
    # Judge class X8: the column's page is chrome around <iframe src="list_content.html">; the
    # frame's page is the list in the page's place (its pager goes on to index_1.html, the walk's
    # second page of two) and no fetch fails.
    folder = tmp_path / "site"
    paths = write_site(folder, [5, 3])
    column = folder / "tzgg"
    (column / "index.html").rename(column / "list_content.html")
    (column / "index.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_示例县人民政府</title>'
        '</head><body><div class="header"><ul class="nav"><li><a href="/">首页</a></li>'
        '<li><a href="/other/index.html">工作动态</a></li></ul></div><div class="main">'
        '<div class="position">当前位置：<a href="/">首页</a> &gt; 通知公告</div>'
        '<iframe src="list_content.html" width="100%" height="800" frameborder="0"></iframe>'
        '</div><div class="footer"><a href="/lxwm/">联系我们</a></div></body></html>',
        encoding="utf-8",
    )
    server = serve_site(folder)
    table = {
        "start_urls": [server.url + "tzgg/index.html"],
        "include": [r"/tzgg/\d{6}/"],
        "max_list_pages": 2,
    }
    config = write_config(tmp_path / "sites.toml", {"county": table})
    db = tmp_path / "bulletin.db"
    result = run_cli("crawl", "county", "--progress", "log", db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    stored = run_cli("releases", "--json", "--limit", "500", db=db)
    urls = {
        json.loads(line)["url"].removeprefix(server.url.rstrip("/"))
        for line in stored.stdout.splitlines()
    }
    assert urls == set(paths)
    connection = sqlite3.connect(db)
    assert list(connection.execute("SELECT reason FROM fetch_failures")) == []
