"""Columns of releases: one per column however it is spelt, and never an overview page."""

from __future__ import annotations

import sqlite3

import pytest

from storage import FetchedRelease, Store
from storage.columns import ancestor_names
from storage.search import search
from support.harness import Clock, run_cli, write_config
from support.store import sql

BASE = "http://www.yueyang.gov.cn"
NEWS = f"{BASE}/xwzx/"
HEADLINES = f"{BASE}/xwzx/ywdt/"
STUDY = f"{BASE}/xxgk/xxgc/"


def article(n, column=None, breadcrumb=()):
    return FetchedRelease(
        url=f"{BASE}/art/{n}.html",
        title=f"通知{n}",
        body=f"正文{n}。",
        published_at="2024-01-01",
        column=column,
        breadcrumb=list(breadcrumb),
        raw_body=b"<html></html>",
    )


def columns(store, n):
    return store.release(f"{BASE}/art/{n}.html")["columns"]


def rows(store):
    return sql(
        store,
        "SELECT release_id, column_name, list_page_url FROM release_columns ORDER BY release_id, column_name",
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "bulletin.db", clock=Clock()) as store:
        store.ensure_site("yueyang")
        yield store


def listed(page, column, position=0):
    return [
        {"list_page_url": page, "column": column, "position": position, "title": None, "date": None}
    ]


@pytest.mark.parametrize(
    "breadcrumb_first", [True, False], ids=["breadcrumb-then-list", "list-then-breadcrumb"]
)
def test_two_spellings_of_a_column_are_one_column_with_the_lists_spelling(store, breadcrumb_first):
    store.record_list_page(
        "yueyang", STUDY, [], column="学习贯彻", breadcrumb=["首页", "信息公开", "学习贯彻"]
    )
    traditional = article(1, column="學習貫徹", breadcrumb=["首頁", "信息公開", "學習貫徹"])
    if breadcrumb_first:
        store.record_release("yueyang", traditional)
        store.record_release("yueyang", article(1), listed_on=listed(STUDY, "学习贯彻"))
    else:
        store.record_release("yueyang", article(1), listed_on=listed(STUDY, "学习贯彻"))
        store.record_release("yueyang", traditional)
    assert columns(store, 1) == ["学习贯彻"]
    assert rows(store) == [(1, "学习贯彻", STUDY)]


def test_different_columns_stay_apart(store):
    store.record_release(
        "yueyang", article(1, column="通知公告"), listed_on=listed(HEADLINES, "要闻动态")
    )
    assert sorted(columns(store, 1)) == ["要闻动态", "通知公告"]


def test_an_overview_page_is_not_a_column_of_its_releases(store):
    # 新闻中心 lists a few rows of each of its columns; it is crawled before its columns are known.
    store.record_list_page("yueyang", NEWS, [], column="新闻中心", breadcrumb=["首页", "新闻中心"])
    store.record_release("yueyang", article(1), listed_on=listed(NEWS, "新闻中心"))
    store.record_release("yueyang", article(2), listed_on=listed(NEWS, "新闻中心", 1))
    assert columns(store, 1) == ["新闻中心"]  # nothing says yet that it is an overview
    # A column's list page names it as a section above it: from now on it is an overview.
    store.record_list_page(
        "yueyang",
        HEADLINES,
        [{"url": f"{BASE}/art/1.html", "title": "通知1"}],
        column="要闻动态",
        breadcrumb=["首页", "新闻中心", "要闻动态"],
    )
    assert columns(store, 1) == ["要闻动态"] and columns(store, 2) == []
    store.record_release("yueyang", article(3), listed_on=listed(NEWS, "新闻中心"))
    assert columns(store, 3) == []
    # The list page itself is still recorded, with its name.
    assert (
        sql(store, "SELECT column_name FROM list_pages WHERE url = ?", [NEWS])[0][0] == "新闻中心"
    )


def test_an_articles_breadcrumb_shows_the_overview_too(store):
    store.record_release("yueyang", article(1), listed_on=listed(NEWS, "新闻中心"))
    store.record_release(
        "yueyang",
        article(2, column="要闻动态", breadcrumb=["首页", "新聞中心", "要闻动态", "正文"]),
    )
    assert columns(store, 1) == [] and columns(store, 2) == ["要闻动态"]


def test_a_column_right_under_the_home_page_stays(store):
    store.record_list_page(
        "yueyang", f"{BASE}/col/col1201/", [], column="通知公告", breadcrumb=["首页", "通知公告"]
    )
    store.record_release(
        "yueyang",
        article(1, column="通知公告", breadcrumb=["首页", "通知公告"]),
        listed_on=listed(f"{BASE}/col/col1201/", "通知公告"),
    )
    assert columns(store, 1) == ["通知公告"]


def test_overviews_are_per_site(store):
    store.ensure_site("other")
    store.record_list_page(
        "other",
        "http://other.gov.cn/a/b/",
        [],
        column="要闻",
        breadcrumb=["首页", "新闻中心", "要闻"],
    )
    store.record_release("yueyang", article(1), listed_on=listed(NEWS, "新闻中心"))
    assert columns(store, 1) == ["新闻中心"]


def crawl_lists(store, pages):
    """One crawl of list pages without breadcrumbs: ``pages`` maps (url, column) to release numbers."""
    crawl = store.start_crawl("yueyang")
    for (url, column), numbers in pages.items():
        store.record_list_page("yueyang", url, [], crawl_id=crawl, column=column)
        for position, n in enumerate(numbers):
            store.record_release(
                "yueyang", article(n), crawl_id=crawl, listed_on=listed(url, column, position)
            )
    store.finish_crawl(crawl)


def test_a_page_listing_other_columns_releases_is_an_overview(store):
    # No breadcrumb says so: 新闻中心's rows are 要闻动态's and 通知公告's releases.
    crawl_lists(
        store,
        {
            (NEWS, "新闻中心"): [1, 2, 3, 4, 5],
            (HEADLINES, "要闻动态"): [1, 2, 3, 9],
            (f"{BASE}/col/col1201/", "通知公告"): [4, 5, 8],
        },
    )
    assert [columns(store, n) for n in (1, 4, 9)] == [["要闻动态"], ["通知公告"], ["要闻动态"]]
    crawl_lists(store, {(NEWS, "新闻中心"): [6, 1]})  # known from the store from now on
    assert columns(store, 6) == []


def test_a_column_sharing_some_releases_with_others_stays(store):
    # 要闻 beside 图片新闻 and 视频新闻, which file a few of its releases again.
    crawl_lists(
        store,
        {
            (HEADLINES, "要闻"): list(range(1, 11)),
            (f"{BASE}/tpxw/", "图片新闻"): [1, 2],
            (f"{BASE}/spxw/", "视频新闻"): [3, 4],
        },
    )
    assert columns(store, 1) == ["要闻", "图片新闻"] and columns(store, 10) == ["要闻"]


@pytest.mark.parametrize(
    "crumbs,column,expected",
    [
        (["首页", "新闻中心", "要闻动态"], "要闻动态", {"首页", "新闻中心"}),
        (["首頁", "新聞中心", "要闻动态", "正文"], "要闻动态", {"首页", "新闻中心"}),
        (["首页", "新闻中心"], "要闻动态", set()),
        ([], "要闻动态", set()),
        (["首页", "要闻动态"], None, set()),
    ],
    ids=[
        "list-page",
        "article-traditional",
        "column-not-in-breadcrumb",
        "no-breadcrumb",
        "no-column",
    ],
)
def test_ancestor_names(crumbs, column, expected):
    assert ancestor_names(crumbs, column) == expected


def test_search_column_filter_sees_the_one_spelling(store):
    store.record_release("yueyang", article(1, column="學習貫徹"))
    assert [hit["id"] for hit in search(store, "正文1", column="学习")] == [1]


def test_migration_merges_spellings_and_drops_overviews(tmp_path):
    path = tmp_path / "old.db"
    with Store(path, clock=Clock()) as store:
        store.ensure_site("yueyang")
        store.record_list_page(
            "yueyang", HEADLINES, [], column="要闻动态", breadcrumb=["首页", "新闻中心", "要闻动态"]
        )
        store.record_release("yueyang", article(1), listed_on=listed(STUDY, "学习贯彻"))
        store.record_release("yueyang", article(2), listed_on=listed(HEADLINES, "要闻动态"))
        # As an older release stored them: both spellings, and the overview as a column.
        sql(
            store,
            "INSERT INTO release_columns VALUES (1, '學習貫徹', NULL, '2024-01-01T00:00:00+00:00')",
        )
        sql(
            store,
            "INSERT INTO release_columns VALUES (2, '新闻中心', ?, '2024-01-01T00:00:00+00:00')",
            [NEWS],
        )
        sql(store, "DELETE FROM _sqlite_migrations WHERE name = 'm041_one_column_per_spelling'")
    with Store(path) as store:
        assert rows(store) == [(1, "学习贯彻", STUDY), (2, "要闻动态", HEADLINES)]


def test_a_real_crawl_of_the_demo_site_records_each_column_once(demo_site, tmp_path):
    """The demo site has both cases: a 繁體 mirror page whose breadcrumb says 學習貫徹, and
    section pages (新闻中心, 信息公开) listing rows of their columns."""
    from crawler.demo import demo_config

    config = write_config(
        tmp_path / "sites.toml",
        {"demo": {**demo_config(demo_site.url), "timezone": "Asia/Shanghai"}},
    )
    db = tmp_path / "bulletin.db"
    result = run_cli("crawl", "demo", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    conn = sqlite3.connect(db)
    names = {name for (name,) in conn.execute("SELECT DISTINCT column_name FROM release_columns")}
    assert names == {"学习贯彻", "政策文件", "要闻动态", "通知公告"}
    assert (
        conn.execute(
            "SELECT count(*) FROM releases WHERE id NOT IN (SELECT release_id FROM release_columns)"
        ).fetchone()[0]
        == 0
    )
    versions = {name for (name,) in conn.execute("SELECT DISTINCT column_name FROM versions")}
    assert "學習貫徹" in versions  # the page's own words are kept where the page is quoted
