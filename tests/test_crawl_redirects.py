"""A release is stored once however many URLs reach it: a listed URL that redirects to another
listed URL is an alias of the redirect's target, and a release whose URL starts redirecting to
a new one has moved (real crawls of a local site, real SQLite, the real CLI)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from support.crawl_site import (
    COLUMN,
    article_html,
    article_path,
    list_html,
    site_table,
    write_site,
)
from support.harness import run_cli, start_site_server, write_config
from support.invariants import store_violations


@pytest.fixture
def served(tmp_path):
    servers = []

    def serve(root):
        server = start_site_server(root, tmp_path / f"requests{len(servers)}.log")
        servers.append(server)
        return server

    yield serve
    for server in servers:
        server.stop()


def _crawl(server, db, config):
    result = run_cli("crawl", "bs", "--json", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def _rows(db, sql, *args):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("status", ["302", "meta-refresh"])
def test_a_listed_url_redirecting_to_another_listed_url_is_one_release(served, tmp_path, status):
    root = tmp_path / "site"
    # The list links t003 twice: under its own address and an old one that redirects there.
    old = "old/3.html"
    pages = {}
    if status == "meta-refresh":
        pages[old] = (
            '<html><head><meta http-equiv="refresh" content="0; url=/art/t003.html"></head>'
            "<body></body></html>"
        )
        redirects = {}
    else:
        redirects = {old: article_path(3)}
    # A second column lists t003 under an old address that redirects to its own.
    pages["zcjd/index.html"] = (
        list_html([3, 2]).replace(f"/{article_path(3)}", f"/{old}").replace(COLUMN, "政策解读")
    )
    write_site(root, 3, redirects=redirects, pages=pages)
    server = served(root)
    db = tmp_path / "b.db"
    table = site_table(server.url)
    table["start_urls"] = [*table["start_urls"], server.url + "zcjd/index.html"]
    config = write_config(tmp_path / "sites.toml", {"bs": table})
    first = _crawl(server, db, config)
    assert first["releases_new"] == 3
    releases = _rows(db, "SELECT url FROM releases ORDER BY url")
    assert [url for (url,) in releases] == [server.url + article_path(n) for n in (1, 2, 3)]
    assert _rows(
        db, "SELECT a.url, r.url FROM release_aliases a JOIN releases r ON r.id = a.release_id"
    ) == [(server.url + old, server.url + article_path(3))]
    assert store_violations(db) == []
    # The alias is known: the next crawl fetches neither address again, and records nothing.
    server.clear_log()
    second = _crawl(server, db, config)
    assert (second["releases_new"], second["releases_edited"]) == (0, 0)
    assert not [line for line in server.requests() if "/old/" in line or "/art/" in line]
    shown = run_cli("show", server.url + old, db=db, config=config)
    assert shown.exit_code == 0 and "关于做好第3批重点项目申报工作的通知" in shown.stdout


def test_a_release_whose_url_starts_redirecting_to_a_new_one_has_moved(served, tmp_path):
    root = tmp_path / "site"
    write_site(root, 3)
    server = served(root)
    db = tmp_path / "b.db"
    config = write_config(tmp_path / "sites.toml", {"bs": site_table(server.url)})
    _crawl(server, db, config)
    (release_id,) = _rows(db, "SELECT id FROM releases WHERE url LIKE '%t002.html'")[0]
    # The site moves t002 to a new address: the list links it there, the old one redirects.
    new = "content/2024/notice-2.html"
    (root / "content" / "2024").mkdir(parents=True)
    (root / new).write_text(article_html(2), encoding="utf-8")
    write_site(root, 3, redirects={article_path(2): new})
    index = root / "tzgg" / "index.html"
    index.write_text(
        index.read_text(encoding="utf-8").replace(f"/{article_path(2)}", f"/{new}"),
        encoding="utf-8",
    )
    second = _crawl(server, db, config)
    assert (second["releases_new"], second["releases_removed"], second["releases_moved"]) == (
        0,
        0,
        1,
    )
    assert _rows(db, "SELECT id, url, status FROM releases WHERE id = ?", release_id) == [
        (release_id, server.url + new, "live")
    ]
    assert _rows(db, "SELECT url, moved FROM release_aliases") == [
        (server.url + article_path(2), 1)
    ]
    assert _rows(db, "SELECT count(*) FROM releases") == [(3,)]
    assert _rows(db, "SELECT kind FROM events WHERE baseline = 0") == []
    assert store_violations(db) == []
    # The list row at the new address is the release's: the next crawl changes nothing.
    third = _crawl(server, db, config)
    assert (third["releases_new"], third["releases_edited"], third["releases_moved"]) == (0, 0, 0)
    assert _rows(db, "SELECT count(*) FROM releases") == [(3,)]


def test_a_release_redirected_to_another_page_has_not_moved(served, tmp_path):
    root = tmp_path / "site"
    write_site(root, 3)
    server = served(root)
    db = tmp_path / "b.db"
    config = write_config(tmp_path / "sites.toml", {"bs": site_table(server.url)})
    _crawl(server, db, config)
    # t001 now sends readers to a page that is not it (another notice): no move, no alias.
    write_site(root, 3, redirects={article_path(1): article_path(3).replace("t003", "t900")})
    other = article_html(900, title="关于调整办事大厅开放时间的公告")
    for line in other.split("<p>　　")[1:]:
        line = line.split("</p>")[0]
        other = other.replace(
            line, f"自下月起，办事大厅工作日开放时间调整为上午九时至下午五时。{len(line)}"
        )
    (root / "art" / "t900.html").write_text(other, encoding="utf-8")
    result = run_cli("crawl", "bs", "--full", "--json", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    assert json.loads(result.stdout)["releases_moved"] == 0
    assert _rows(db, "SELECT count(*) FROM release_aliases") == [(0,)]
    assert _rows(db, "SELECT count(*) FROM releases WHERE url LIKE '%t001.html'") == [(1,)]
    assert store_violations(db) == []


@pytest.mark.parametrize("where", ["another column", "the same list page"])
def test_a_release_listed_under_two_urls_with_two_row_titles_is_not_refetched(
    served, tmp_path, where
):
    root = tmp_path / "site"
    old = "old/3.html"
    titled = "【政策解读】关于做好第3批重点项目申报工作的通知"
    pages = {}
    if where == "another column":  # a second column lists t003 at an old address, retitled
        pages["zcjd/index.html"] = (
            list_html([3, 2], {3: titled})
            .replace(f"/{article_path(3)}", f"/{old}")
            .replace(COLUMN, "政策解读")
        )
    write_site(root, 3, redirects={old: article_path(3)}, pages=pages)
    if where == "the same list page":  # pinned at the top under the old address, retitled
        index = root / "tzgg" / "index.html"
        text = index.read_text(encoding="utf-8")
        pinned = list_html([3], {3: titled}).split('<ul class="news">\n')[1].split("</ul>")[0]
        index.write_text(
            text.replace(
                '<ul class="news">\n',
                '<ul class="news">\n' + pinned.replace(f"/{article_path(3)}", f"/{old}"),
            ),
            encoding="utf-8",
        )
    server = served(root)
    db = tmp_path / "b.db"
    table = site_table(server.url)
    if pages:
        table["start_urls"] = [*table["start_urls"], server.url + "zcjd/index.html"]
    config = write_config(tmp_path / "sites.toml", {"bs": table})
    assert _crawl(server, db, config)["releases_new"] == 3
    assert _rows(db, "SELECT count(*) FROM releases") == [(3,)]
    # Both rows are the release's: neither looks changed on the next crawls (whose lists are
    # read again: a visit counter changes them).
    lists = [root / "tzgg" / "index.html", *[root / path for path in pages]]
    for visits in range(2):
        for page in lists:
            text = page.read_text(encoding="utf-8").replace(
                "</body>", f"<p>访问量：{visits}</p></body>"
            )
            page.write_text(text, encoding="utf-8")
        server.clear_log()
        again = _crawl(server, db, config)
        assert (again["releases_new"], again["releases_edited"]) == (0, 0)
        assert [line for line in server.requests() if "/old/" in line or "/art/" in line] == []
