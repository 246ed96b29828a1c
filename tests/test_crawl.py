"""End-to-end crawls: the real CLI runs real Scrapy against the demo site served by a subprocess."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import NamedTuple

import pytest

from support.harness import (
    CliResult,
    SiteServer,
    demo_table,
    run_cli,
    start_site_server,
    write_config,
)

TWO_COLUMN = "/xwzx/ywdt/202212/t20221214_10002.html"
DEMO_RELEASES = 37


class Crawl(NamedTuple):
    server: SiteServer
    db: Path
    config: Path
    result: CliResult
    paths: list[str]  # the paths the crawl fetched, in order


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The demo site crawled once into a fresh database, shared by the tests that only read it.

    A test that writes (crawls again) works on its own copy: see ``own_copy``.
    """
    from crawler.demo import SITE_DIR

    tmp = tmp_path_factory.mktemp("crawled")
    shutil.copytree(SITE_DIR, tmp / "site")
    server = start_site_server(tmp / "site", tmp / "requests.log")
    try:
        config = write_config(tmp / "sites.toml", {"demo": demo_table(server)})
        db = tmp / "bulletin.db"
        result = run_cli("crawl", "demo", "--progress", "log", db=db, config=config)
        assert result.exit_code == 0, result.stderr[-3000:]
        yield Crawl(server, db, config, result, server.paths())
    finally:
        server.stop()


def own_copy(db: Path, tmp_path: Path) -> Path:
    """A private copy of the shared crawl's database for a test that writes to it."""
    copy = tmp_path / db.name
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    return copy


def releases_json(db, *args):
    result = run_cli("releases", "--json", "--limit", "500", *args, db=db)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_first_crawl_stores_every_release_once(crawled):
    db = crawled.db
    result = crawled.result
    releases = releases_json(db)
    assert len(releases) == DEMO_RELEASES
    assert len({r["url"] for r in releases}) == DEMO_RELEASES
    assert "37 new" in result.stdout and "(baseline)" in result.stdout
    for release in releases:
        assert set(release) >= {
            "id",
            "site",
            "url",
            "title",
            "source",
            "published_at",
            "columns",
            "first_seen_at",
        }
        assert release["title"], release


def test_two_column_article_is_one_release_with_both_columns(crawled):
    db = crawled.db
    matches = [r for r in releases_json(db) if r["url"].endswith(TWO_COLUMN)]
    assert len(matches) == 1
    release = matches[0]
    assert {"要闻动态", "学习贯彻"} <= set(release["columns"])
    assert release["title"] == "市委理論學習中心組專題學習研討推動高質量發展"
    assert release["published_at"] == "2022-12-14T15:00:00+08:00"
    assert release["source"] is None


def test_seed_style_article_text_has_no_ruby_annotations_or_counter(crawled):
    db = crawled.db
    conn = sqlite3.connect(db)
    body = conn.execute(
        "SELECT v.body FROM versions v JOIN releases r ON r.current_version_id = v.id WHERE r.url LIKE ?",
        [f"%{TWO_COLUMN}"],
    ).fetchone()[0]
    assert "統戰" in body.replace("\n", "")
    for noise in ("tǒng", "(", "瀏覽", "rt>"):
        assert noise not in body


@pytest.mark.parametrize(
    "path,title",
    [
        (
            "/gb/zcwj/202211/t20221118_30005.html",
            "临江市人民政府办公室关于调整临江市食品安全委员会组成人员的通知",
        ),
        (
            "/gb/zcwj/202210/t20221021_30002.html",
            "临江市人民政府办公室关于做好2022年秋冬季农业生产工作的通知",
        ),
    ],
    ids=["gbk-char-in-gb2312-page", "lying-utf8-header"],
)
def test_gb_pages_are_stored_without_mojibake(crawled, path, title):
    db = crawled.db
    release = next(r for r in releases_json(db) if r["url"].endswith(path))
    assert release["title"] == title
    conn = sqlite3.connect(db)
    body = conn.execute(
        "SELECT v.body FROM versions v JOIN releases r ON r.current_version_id = v.id WHERE r.url LIKE ?",
        [f"%{path}"],
    ).fetchone()[0]
    assert "\ufffd" not in body and "锟" not in body and len(body) > 50


@pytest.mark.parametrize(
    "path",
    [
        "/xwzx/ywdt/index_1.html",  # createPageHTML, no <a> to follow
        "/xwzx/ywdt/index_2.html",
        "/gb/zcwj/index_1.html",  # 下一页 link
        "/xxgk/xxgc/index.html?page=2",  # query-string pagination, column found via breadcrumb
        "/col/col1201/index.html",  # Hanweb datastore list
    ],
    ids=["trs-page-2", "trs-page-3", "next-link", "query-string", "hanweb"],
)
def test_every_kind_of_pagination_is_followed(crawled, path):
    assert path in crawled.paths


def test_crawl_is_polite_and_never_follows_off_site_or_documents(crawled):
    paths = crawled.paths
    assert paths.count("/robots.txt") == 1
    assert not any(p.startswith("/admin") for p in paths)
    assert not any(p.endswith((".pdf", ".docx")) for p in paths)
    assert len(paths) == len(set(paths)), "a page was fetched twice"


def test_multi_page_article_is_joined_and_attachments_kept(crawled):
    db = crawled.db
    conn = sqlite3.connect(db)
    body = conn.execute(
        "SELECT v.body FROM versions v JOIN releases r ON r.current_version_id = v.id WHERE r.url LIKE ?",
        ["%t20221209_10005.html"],
    ).fetchone()[0]
    assert body.startswith("12月9日上午，临江市第十六届人民代表大会常务委员会第八次会议")
    assert body.rstrip().endswith("市人民检察院负责同志列席会议。")
    attachments = json.loads(
        conn.execute(
            "SELECT v.attachments FROM versions v JOIN releases r ON r.current_version_id = v.id WHERE r.url LIKE ?",
            ["%t20221212_10013.html"],
        ).fetchone()[0]
    )
    assert [a["url"].rsplit("/", 1)[-1] for a in attachments] == [
        "P020221212385612345678.pdf",
        "P020221212385612345679.docx",
    ]


def test_second_crawl_of_unchanged_site_adds_nothing(crawled, tmp_path):
    db = own_copy(crawled.db, tmp_path)
    config = crawled.config
    conn = sqlite3.connect(db)
    before = conn.execute(
        "SELECT (SELECT count(*) FROM releases), (SELECT count(*) FROM versions)"
    ).fetchone()
    result = run_cli("crawl", "demo", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr
    after = conn.execute(
        "SELECT (SELECT count(*) FROM releases), (SELECT count(*) FROM versions)"
    ).fetchone()
    assert after == before
    assert conn.execute("SELECT count(*) FROM events WHERE baseline = 0").fetchone()[0] == 0
    assert "0 new, 0 edited" in result.stdout


def test_crawl_records_status_counts_and_duration(crawled):
    db = crawled.db
    row = (
        sqlite3.connect(db)
        .execute(
            "SELECT status, requests, pages_fetched, responses_by_status, list_pages, releases_new, finished_at FROM crawls"
        )
        .fetchone()
    )
    status, requests, fetched, by_status, list_pages, new, finished = row
    assert status == "finished" and finished
    assert new == DEMO_RELEASES and list_pages >= 8
    assert json.loads(by_status)["200"] >= DEMO_RELEASES
    assert requests >= fetched > DEMO_RELEASES


def test_unknown_site_is_a_one_line_error(crawled):
    db = crawled.db
    config = crawled.config
    result = run_cli("crawl", "nope", db=db, config=config)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == ["Error: unknown site 'nope' (configured: demo)"]


def test_invalid_config_is_a_one_line_error(tmp_path):
    config = tmp_path / "sites.toml"
    config.write_text('[sites.x]\nstart_urls = ["ftp://x"]\n', encoding="utf-8")
    result = run_cli("crawl", db=tmp_path / "b.db", config=config)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert (
        len(lines) == 1
        and "sites.toml" in lines[0]
        and "'x'" in lines[0]
        and "start_urls" in lines[0]
    )


def test_unreachable_site_is_reported_in_one_line(tmp_path):
    from support.ports import refused_port

    with refused_port() as port:
        config = write_config(
            tmp_path / "sites.toml", {"gone": {"start_urls": [f"http://127.0.0.1:{port}/list/"]}}
        )
        result = run_cli("crawl", "gone", "--progress", "off", db=tmp_path / "b.db", config=config)
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "gone" in errors[0] and "connection refused" in errors[0]


def test_bad_responses_are_recorded_and_the_crawl_goes_on(serve_site, tmp_path):
    from crawler.demo import SITE_DIR

    server = serve_site(SITE_DIR)
    bad = {
        "xwzx/ywdt/202212/t20221216_10016.html": "/_waf",
        "xwzx/ywdt/202212/t20221215_10015.html": "/_empty",
        "xwzx/ywdt/202212/t20221213_10014.html": "/_maintenance",
        "xwzx/ywdt/202212/t20221210_10012.html": "/_binary",
        "xwzx/ywdt/202212/t20221207_10011.html": "/_redirect_loop/1",
    }
    server_json = server.root / "_server.json"
    rules = json.loads(server_json.read_text(encoding="utf-8"))
    rules.setdefault("redirect", {}).update(bad)
    rules.setdefault("status", {}).update(
        {
            "xwzx/ywdt/202212/t20221205_10010.html": 500,
            "xwzx/ywdt/202212/t20221202_10009.html": 404,
            # a status the callbacks are not given (Cloudflare's origin timeout) reads the same
            "xwzx/ywdt/202212/t20221212_10013.html": 522,
        }
    )
    server_json.write_text(json.dumps(rules), encoding="utf-8")
    config = write_config(tmp_path / "sites.toml", {"demo": demo_table(server)})
    db = tmp_path / "b.db"
    result = run_cli("crawl", "demo", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr
    conn = sqlite3.connect(db)
    reasons = dict(conn.execute("SELECT url, reason FROM fetch_failures").fetchall())
    by_path = {url.split(server.url.rstrip("/"), 1)[-1]: reason for url, reason in reasons.items()}
    assert "anti-bot" in by_path["/_waf"]
    assert "empty" in by_path["/_empty"]
    assert "maintenance" in by_path["/_maintenance"]
    assert by_path["/xwzx/ywdt/202212/t20221205_10010.html"] == "HTTP 500"
    assert by_path["/xwzx/ywdt/202212/t20221202_10009.html"] == "HTTP 404"
    assert by_path["/xwzx/ywdt/202212/t20221212_10013.html"] == "HTTP 522"
    stored = [row[0] for row in conn.execute("SELECT url FROM releases ORDER BY url")]
    assert len(stored) == DEMO_RELEASES - 8, stored
    titles = [row[0] for row in conn.execute("SELECT title FROM versions")]
    assert all(title and "安全狗" not in title and "维护" not in title for title in titles)


def test_scrapy_crawl_and_list_work_from_the_project_root(demo_site, tmp_path):
    import subprocess
    import sys

    from support.harness import ROOT

    config = write_config(tmp_path / "sites.toml", {"demo": demo_table(demo_site)})
    env = {"BULLETIN_CONFIG": str(config), "PATH": __import__("os").environ["PATH"]}
    listed = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert listed.returncode == 0 and "site" in listed.stdout.split()
    db = tmp_path / "scrapy.db"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "site",
            "-a",
            "site=demo",
            "-s",
            f"BULLETIN_DB={db}",
            "-s",
            "LOG_LEVEL=WARNING",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (
        sqlite3.connect(db).execute("SELECT count(*) FROM releases").fetchone()[0] == DEMO_RELEASES
    )


def test_progress_is_plain_log_lines_when_not_a_terminal(crawled):
    result = crawled.result
    lines = [line for line in result.stderr.splitlines() if "[bulletin.progress]" in line]
    assert any("list page http://127.0.0.1:" in line and "links" in line for line in lines)
    assert "\r" not in result.stderr


def test_tty_progress_line_redraws_in_place():
    import io

    from crawler.extensions import ProgressExtension
    from crawler.items import ListPageItem, ReleaseItem

    stream = io.StringIO()
    progress = ProgressExtension("tty", stream=stream)
    progress.site = "demo"
    progress.item_scraped(ListPageItem(site="demo", url="http://x/list", links=[]), None, None)
    progress.last_draw = 0
    progress.item_scraped(ReleaseItem(site="demo", url="http://x/a", article={}), None, None)
    progress.spider_closed(None, "finished")
    output = stream.getvalue()
    assert output.count("\r\033[K") >= 2 and output.endswith("\n")
    assert "1 releases, 0 errors | list: http://x/list" in output


def test_start_up_objects_are_hidden_from_the_garbage_collector_during_a_crawl():
    import gc

    from scrapy.utils.test import get_crawler

    from crawler.extensions import GarbageCollectionExtension

    extension = GarbageCollectionExtension.from_crawler(
        get_crawler(settings_dict={"BULLETIN_GC_FREEZE": True})
    )
    try:
        extension.spider_opened(None)
        assert gc.get_freeze_count() > 0
    finally:
        extension.spider_closed(None, "finished")
    assert gc.get_freeze_count() == 0


def test_client_side_rendered_list_is_reported_not_taken_for_an_empty_list(serve_site, tmp_path):
    site = tmp_path / "app"
    site.mkdir()
    (site / "index.html").write_text(
        '<html><head><title>会议列表</title></head><body><div id="app"></div>'
        '<noscript>请开启JavaScript以浏览本页</noscript><script src="app.js"></script></body></html>',
        encoding="utf-8",
    )
    server = serve_site(site)
    config = write_config(
        tmp_path / "sites.toml", {"app": {"start_urls": [server.url + "index.html"]}}
    )
    db = tmp_path / "b.db"
    result = run_cli("crawl", "app", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr
    reasons = [row[0] for row in sqlite3.connect(db).execute("SELECT reason FROM fetch_failures")]
    assert reasons and reasons[0].startswith("list rendered client-side")


def test_a_multi_page_article_whose_second_page_fails_is_not_stored_half(serve_site, tmp_path):
    from crawler.demo import SITE_DIR

    server = serve_site(SITE_DIR)
    rules = json.loads((server.root / "_server.json").read_text(encoding="utf-8"))
    rules.setdefault("status", {})["xwzx/ywdt/202212/t20221209_10005_1.html"] = 500
    (server.root / "_server.json").write_text(json.dumps(rules), encoding="utf-8")
    config = write_config(tmp_path / "sites.toml", {"demo": demo_table(server)})
    db = tmp_path / "b.db"
    assert run_cli("crawl", "demo", "--progress", "off", db=db, config=config).exit_code == 0
    conn = sqlite3.connect(db)
    assert (
        conn.execute(
            "SELECT count(*) FROM releases WHERE url LIKE '%t20221209_10005.html'"
        ).fetchone()[0]
        == 0
    )
    reason = conn.execute(
        "SELECT reason FROM fetch_failures WHERE url LIKE '%t20221209_10005.html'"
    ).fetchone()[0]
    assert "further page" in reason and "HTTP 500" in reason


def test_sites_lists_configured_sites_with_their_last_crawl_and_health(crawled):
    db = crawled.db
    config = crawled.config
    result = run_cli("sites", "--json", db=db, config=config)
    assert result.exit_code == 0, result.stderr
    [site] = [json.loads(line) for line in result.stdout.splitlines()]
    assert site["name"] == "demo" and site["releases"] == DEMO_RELEASES
    assert site["last_crawl_status"] == "finished" and site["health"] == "ok"
    table = run_cli("sites", db=db, config=config).stdout
    assert "临江市人民政府" in table and "finished" in table


def test_extract_prints_the_contract_fields_of_a_saved_page(tmp_path):
    from crawler.demo import SITE_DIR

    page = SITE_DIR / "xwzx/ywdt/202212/t20221214_10002.html"
    result = run_cli(
        "extract",
        str(page),
        "--url",
        "http://www.linjiang.gov.cn/xwzx/ywdt/202212/t20221214_10002.html",
        "--json",
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data)[:8] == [
        "url",
        "title",
        "source",
        "published_at",
        "body",
        "breadcrumb",
        "column",
        "attachments",
    ]
    assert data["published_at"] == "2022-12-14T15:00:00+08:00"
    assert data["breadcrumb"] == ["首頁", "信息公開", "學習貫徹"]
    listing = json.loads(
        run_cli(
            "extract",
            str(SITE_DIR / "gb/zcwj/index.html"),
            "--url",
            "http://www.linjiang.gov.cn/gb/zcwj/index.html",
            "--list",
            "--json",
        ).stdout
    )
    assert len(listing["links"]) == 5 and listing["next_pages"] == [
        "http://www.linjiang.gov.cn/gb/zcwj/index_1.html"
    ]
    assert set(listing["links"][0]) >= {"url", "title", "date"}


def test_extract_of_a_missing_file_is_a_one_line_error(tmp_path):
    result = run_cli("extract", str(tmp_path / "nope.html"), "--json")
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1


def test_store_writer_thread_stores_what_the_default_process_writer_stores(crawled, tmp_path):
    db = tmp_path / "thread.db"
    result = run_cli(
        "crawl",
        "demo",
        "--progress",
        "off",
        "-s",
        "BULLETIN_STORE_WRITER=thread",
        db=db,
        config=crawled.config,
    )
    assert result.exit_code == 0, result.stderr[-2000:]
    query = (
        "SELECT r.url, v.title, v.content_hash FROM releases r"
        " JOIN versions v ON v.id = r.current_version_id ORDER BY r.url"
    )
    thread_rows = sqlite3.connect(db).execute(query).fetchall()
    assert len(thread_rows) == DEMO_RELEASES
    assert thread_rows == sqlite3.connect(crawled.db).execute(query).fetchall()
    assert sqlite3.connect(db).execute("SELECT releases_new, status FROM crawls").fetchone() == (
        DEMO_RELEASES,
        "finished",
    )
