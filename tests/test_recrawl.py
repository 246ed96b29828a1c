"""Re-crawls that must not lose anything: after a crash (real processes killed with SIGKILL at
seeded random points), the re-run must leave the store a clean crawl leaves."""

from __future__ import annotations

import json
import os
import shutil
import sys
from datetime import datetime

import pytest

from support.harness import ROOT, start_site_server, write_config
from support.kill import (
    KillPoint,
    describe_difference,
    finish_crawl,
    kill_points,
    kill_when,
    releases_stored,
    start_crawl,
    store_digest,
)

sys.path.insert(0, str(ROOT / "benchmarks"))
from sitegen import Site, generate  # noqa: E402

# 100 releases in one column: 5 list pages of 20, so a walk that stops early loses releases.
ARTICLES = 100
TRIALS = int(os.environ.get("BULLETIN_KILL_TRIALS", "6"))


def gen_table(site: Site, server) -> dict:
    return {
        "start_urls": site.start_urls(server.url),
        "timezone": "Asia/Shanghai",
        "max_list_pages": 20,
    }


def retitle(site: Site, article, new_title: str) -> None:
    """A CMS retitle: the article page and its list row show the new title."""
    old = site._title(article)
    page = site.root / site.article_path(article).lstrip("/")
    page.write_text(page.read_text(encoding="utf-8").replace(old, new_title), encoding="utf-8")
    for path in site.list_paths():
        file = site.root / path.lstrip("/")
        text = file.read_text(encoding="utf-8")
        shown = old if len(old) <= 24 else old[:23] + "..."
        if f'title="{old}"' in text:
            file.write_text(
                text.replace(f'title="{old}"', f'title="{new_title}"').replace(
                    f">{shown}<", f">{new_title}<"
                ),
                encoding="utf-8",
            )


class Generated:
    """A generated one-column site served from ``work``, its config, and a finished baseline of it."""

    name = "gen"

    def __init__(self, work, now=None):
        self.work = work
        self.site = generate(work / "site", n_articles=ARTICLES, columns=1, now=now)
        self.server = start_site_server(work / "site", work / "requests.log")
        self.config = write_config(work / "sites.toml", {"gen": gen_table(self.site, self.server)})
        self.baseline = work / "baseline.db"
        finish_crawl(self.baseline, self.config, "gen")
        self.clean_baseline = store_digest(self.baseline)
        assert len(self.clean_baseline) == ARTICLES

    def clean_recrawl(self) -> dict:
        """What a re-crawl of the site as it is now stores, when nothing kills it."""
        db = self.work / f"clean-{len(list(self.work.glob('clean-*')))}.db"
        shutil.copy(self.baseline, db)
        finish_crawl(db, self.config, "gen")
        return store_digest(db)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    site = Generated(tmp_path_factory.mktemp("baseline"))
    yield site
    site.server.stop()


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """After the baseline, 45 new releases: they fill list pages 1-3 and push the rest down."""
    site = Generated(tmp_path_factory.mktemp("grown"))
    site.site.add_releases(45)
    site.clean = site.clean_recrawl()
    assert len(site.clean) == ARTICLES + 45
    yield site
    site.server.stop()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo site and a finished baseline of it. Its shape the generated site lacks: the
    column 信息公开目录 (/xxgk/xxgc/) is linked from nowhere but one article's breadcrumb."""
    from crawler.demo import SITE_DIR

    work = tmp_path_factory.mktemp("demo")
    site = Demo(work, SITE_DIR)
    yield site
    site.server.stop()


class Demo:
    """The demo site served from a copy in ``work``, its config, and a finished baseline of it."""

    name = "demo"

    def __init__(self, work, folder):
        from support.harness import demo_table

        shutil.copytree(folder, work / "site")
        # A view counter makes a page's ETag change on every request: without it an unchanged
        # page answers a conditional request 304, with no body and so no breadcrumb to follow.
        for page in (work / "site").rglob("*.html"):
            text = page.read_bytes()
            if b"{{counter}}" in text:
                page.write_bytes(text.replace(b"{{counter}}", b"1"))
        self.server = start_site_server(work / "site", work / "requests.log")
        table = demo_table(self.server)
        table.setdefault("politeness", {}).update({"download_delay": 0.05, "autothrottle": False})
        self.config = write_config(work / "sites.toml", {"demo": table})
        baseline = work / "baseline.db"
        finish_crawl(baseline, self.config, "demo")
        self.clean_baseline = store_digest(baseline)
        assert len(self.clean_baseline) == DEMO_RELEASES


DEMO_RELEASES = 37
# The article naming the breadcrumb-only column is about the 3rd release stored, the column's own
# about the 33rd on: kills long before the crawl reaches the column, and amid its releases.
DEMO_KILL_POINTS = [KillPoint(5, 0.0, True), KillPoint(20, 0.0, False), KillPoint(33, 0.0, True)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "site_fixture, point",
    [("generated", point) for point in kill_points(1201, TRIALS, most=ARTICLES - 1)]
    + [("demo", point) for point in DEMO_KILL_POINTS],
    ids=lambda value: str(value),
)
def test_a_baseline_killed_anywhere_is_completed_by_the_next_crawl(
    request, tmp_path, site_fixture, point
):
    """The first crawl is killed after some releases: the next crawl must store every one.

    Before the fixes the re-run trusted the interrupted baseline: list pages answered 304, or the
    walk stopped after two pages of stored releases, and the rest were never fetched; or (the
    demo) a release whose breadcrumb names a column found nowhere else was stored, the crawl
    died before fetching that column, and the re-run skipped the known release, so the column
    and its releases were never found."""
    site = request.getfixturevalue(site_fixture)
    db = tmp_path / "killed.db"
    process = start_crawl(db, site.config, site.name, log=tmp_path / "killed.log")
    kill_when(
        process, lambda: releases_stored(db) >= point.releases, delay=point.delay, group=point.group
    )
    finish_crawl(db, site.config, site.name)
    got = store_digest(db)
    assert got == site.clean_baseline, describe_difference(got, site.clean_baseline)


@pytest.mark.slow
@pytest.mark.parametrize(
    "point", kill_points(1202, TRIALS, fewest=ARTICLES + 1, most=ARTICLES + 44), ids=str
)
def test_a_recrawl_killed_anywhere_is_completed_by_the_next_crawl(grown, tmp_path, point):
    """A re-crawl finding 45 new releases is killed: the next crawl must store every one of them."""
    db = tmp_path / "killed.db"
    shutil.copy(grown.baseline, db)
    process = start_crawl(db, grown.config, "gen", log=tmp_path / "killed.log")
    kill_when(
        process, lambda: releases_stored(db) >= point.releases, delay=point.delay, group=point.group
    )
    finish_crawl(db, grown.config, "gen")
    got = store_digest(db)
    assert got == grown.clean, describe_difference(got, grown.clean)


@pytest.fixture(scope="module")
def retitled(tmp_path_factory):
    """After the baseline, three releases on list page 1 are retitled (page and row). All are
    years old, so no revisit is due: only the changed rows can lead the crawl to them."""
    site = Generated(tmp_path_factory.mktemp("retitled"), now=datetime(2023, 6, 1, 12, 0))
    newest = sorted(site.site.articles.values(), key=lambda a: a.published, reverse=True)[:20]
    for n, article in enumerate(newest[2:20:7]):
        retitle(site.site, article, f"关于澄川市第{n + 1}批更正事项的公告")
    site.clean = site.clean_recrawl()
    assert sum(len(r["versions"]) == 2 for r in site.clean.values()) == 3
    yield site
    site.server.stop()


@pytest.mark.slow
@pytest.mark.parametrize("group", [True, False], ids=["group", "crawl-process"])
def test_a_crawl_killed_after_a_changed_row_still_refetches_its_release(retitled, tmp_path, group):
    """Killed right after the list page with the retitled rows is stored (before their articles):
    the re-run must still see those rows as changed and refetch the releases."""
    db = tmp_path / "killed.db"
    shutil.copy(retitled.baseline, db)
    before = _list_page_crawled_at(db, "xwzx/ywdt/")
    # A second between requests: the kill lands after the list page is stored, before its articles.
    process = start_crawl(
        db, retitled.config, "gen", "-s", "DOWNLOAD_DELAY=1", log=tmp_path / "killed.log"
    )
    kill_when(process, lambda: _list_page_crawled_at(db, "xwzx/ywdt/") != before, group=group)
    finish_crawl(db, retitled.config, "gen")
    got = store_digest(db)
    assert got == retitled.clean, describe_difference(got, retitled.clean)


def _list_page_crawled_at(db, name: str):
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute(
                "SELECT max(last_crawled_at) FROM list_pages WHERE url LIKE ?", [f"%/{name}"]
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


# The store's side of it, without processes: what an unfinished crawl leaves is not trusted.

LIST = "http://x.gov.cn/tzgg/"
ARTICLE = "http://x.gov.cn/tzgg/t20240101_1.html"


def _crawl_storing_one_release(store, *, finish: str | None, title="关于甲的通知"):
    from storage import FetchedRelease

    crawl = store.start_crawl("x")
    link = {"url": ARTICLE, "title": title, "date": "2024-01-01", "pinned": False}
    result = store.record_list_page(
        "x",
        LIST,
        [link],
        crawl_id=crawl,
        series_url=LIST,
        defer=[ARTICLE] if store.known_urls("x") else [],
    )
    store.save_validators(
        "x", LIST, etag='"v1"', last_modified=None, links_hash="h", crawl_id=crawl
    )
    rows = (
        [{**link, "position": 0, "list_page_url": LIST}]
        if result.unknown or result.deferred
        else []
    )
    if finish is not None:
        store.record_release(
            "x",
            FetchedRelease(url=ARTICLE, title=title, body="正文。"),
            crawl_id=crawl,
            listed_on=rows,
        )
        store.finish_crawl(crawl, status=finish)
    return crawl


def test_only_a_finished_crawl_vouches_for_a_list_walk_and_its_validators(tmp_path):
    from storage import Store

    with Store(tmp_path / "b.db") as store:
        store.ensure_site("x")
        _crawl_storing_one_release(store, finish="interrupted")
        assert store.known_urls("x") == {ARTICLE}
        assert store.finished_walks("x") == {}, "an interrupted baseline is not a baseline"
        assert LIST not in store.validators("x"), "its list page must not answer 304 next time"
        assert store.last_crawl_status("x") == "interrupted"
        assert store.unfollowed_releases("x") == {ARTICLE}, "its page is fetched again in full"

        _crawl_storing_one_release(store, finish="finished")
        assert store.finished_walks("x") == {LIST: {ARTICLE}}
        assert store.validators("x")[LIST]["etag"] == '"v1"'
        assert store.unfollowed_releases("x") == set()


def test_a_changed_row_is_stored_only_with_its_refetched_release(tmp_path):
    from storage import Store

    with Store(tmp_path / "b.db") as store:
        store.ensure_site("x")
        _crawl_storing_one_release(store, finish="finished")
        _crawl_storing_one_release(
            store, finish=None, title="关于甲的通知（更正）"
        )  # killed before the article
        assert store.list_rows("x")[(LIST, ARTICLE)][0] == "关于甲的通知"
        _crawl_storing_one_release(store, finish="finished", title="关于甲的通知（更正）")
        assert store.list_rows("x")[(LIST, ARTICLE)][0] == "关于甲的通知（更正）"


# Redirects the crawl gives up on are accounted for: a failure row, a log line, the summary's count.

ARTICLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="position"><a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
<h1>{title}</h1><div class="info">发布时间：2024-01-0{day} 09:00 来源：市政府办公室</div>
<div class="content">{body}</div></body></html>"""


def _write_redirect_site(root):
    (root / "tzgg").mkdir(parents=True)
    rows = "\n".join(
        f'<li><a href="/tzgg/t2024010{day}_{day}.html" title="关于第{day}项工作的通知">关于第{day}项工作的通知</a>'
        f"<span>2024-01-0{day}</span></li>"
        for day in range(1, 7)
    )
    (root / "tzgg" / "index.html").write_text(
        f'<html><head><meta charset="utf-8"><title>通知公告</title></head><body><ul class="list">{rows}</ul></body></html>',
        encoding="utf-8",
    )
    body = "<p>" + "为做好相关工作，现将有关事项通知如下。" * 40 + "</p>"
    (root / "tzgg" / "t20240101_1.html").write_text(
        ARTICLE_PAGE.format(title="关于第1项工作的通知", day=1, body=body), encoding="utf-8"
    )
    (root / "tzgg" / "elsewhere.html").write_text(
        ARTICLE_PAGE.format(title="关于第2项工作的通知", day=2, body=body), encoding="utf-8"
    )
    (root / "_server.json").write_text(
        json.dumps(
            {
                "redirect": {
                    "tzgg/t20240102_2.html": "/tzgg/b.html",  # 2 → b → 2: a loop through an unlisted page
                    "tzgg/b.html": "/tzgg/t20240102_2.html",
                    "tzgg/t20240103_3.html": "/tzgg/t20240104_4.html",  # 3 → 4 → 3: two listed pages in a loop
                    "tzgg/t20240104_4.html": "/tzgg/t20240103_3.html",
                    "tzgg/t20240105_5.html": "http://www.elsewhere.example/tzgg/t20240105_5.html",  # off-site
                    "tzgg/t20240106_6.html": "/admin/t20240106_6.html",  # excluded by the site's patterns
                }
            }
        ),
        encoding="utf-8",
    )


def test_redirect_loops_and_refused_targets_are_failures_with_a_reason(serve_site, tmp_path):
    import sqlite3

    from support.harness import run_cli

    site_dir = tmp_path / "redirects"
    _write_redirect_site(site_dir)
    server = serve_site(site_dir)
    config = write_config(
        tmp_path / "sites.toml",
        {
            "r": {
                "start_urls": [server.url + "tzgg/index.html"],
                "exclude": ["/admin/"],
                "timezone": "Asia/Shanghai",
            }
        },
    )
    db = tmp_path / "b.db"
    result = run_cli("crawl", "r", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    failures = dict(
        sqlite3.connect(db).execute("SELECT url, reason FROM fetch_failures").fetchall()
    )
    by_name = {url.rsplit("/", 1)[-1]: reason for url, reason in failures.items()}
    assert set(by_name) == {
        "t20240102_2.html",
        "t20240103_3.html",
        "t20240104_4.html",
        "t20240105_5.html",
        "t20240106_6.html",
    }, failures
    assert by_name["t20240102_2.html"].startswith("redirect loop: ")
    assert by_name["t20240102_2.html"].endswith(
        "/tzgg/b.html → " + server.url + "tzgg/t20240102_2.html"
    )
    assert by_name["t20240103_3.html"].startswith("redirect loop: ")
    assert by_name["t20240104_4.html"].startswith("redirect loop: ")
    assert (
        by_name["t20240105_5.html"]
        == "redirected off-site to http://www.elsewhere.example/tzgg/t20240105_5.html"
    )
    assert "exclude patterns" in by_name["t20240106_6.html"]
    for name in by_name:
        assert name in result.stderr, f"no log line for {name}"
    assert "errors          5" in result.stdout or "errors 5" in result.stdout.replace("  ", " "), (
        result.stdout
    )
    assert not any("elsewhere.example" in path for path in server.paths())


# Revisits: every live release re-checked within revisit_max, spread over crawls; removed ones on their own schedule.


def _demo_config(server, tmp_path, **extra):
    from crawler.demo import demo_config

    table = demo_config(server.url)
    table.update(timezone="Asia/Shanghai", **extra)
    return write_config(tmp_path / "sites.toml", {"demo": table})


def _age_store(
    db, days: float, *, columns=("last_checked_at", "last_fetched_at", "removed_at")
) -> None:
    """Pretend the crawls so far happened ``days`` earlier: the release times revisits go by move back."""
    import sqlite3
    from datetime import timedelta

    conn = sqlite3.connect(db)
    for column in columns:
        for rowid, value in conn.execute(
            f"SELECT id, {column} FROM releases WHERE {column} IS NOT NULL"
        ).fetchall():
            moved = (datetime.fromisoformat(value) - timedelta(days=days)).isoformat(
                timespec="seconds"
            )
            conn.execute(f"UPDATE releases SET {column} = ? WHERE id = ?", [moved, rowid])
    conn.commit()
    conn.close()


def _crawl(db, config):
    from support.harness import run_cli

    result = run_cli("crawl", "demo", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    return result


OLD_ARTICLE = "xwzx/ywdt/202212/t20221215_10015.html"


def test_an_edit_of_an_old_release_is_found_within_revisit_max(demo_site, tmp_path):
    import sqlite3

    config = _demo_config(demo_site, tmp_path)
    db = tmp_path / "b.db"
    _crawl(db, config)
    page = demo_site.root / OLD_ARTICLE
    page.write_text(
        page.read_text(encoding="utf-8").replace("新建5000吨级泊位4个", "新建5000吨级泊位6个"),
        encoding="utf-8",
    )

    demo_site.clear_log()
    quiet = _crawl(db, config)  # lists answer 304 and nothing is due yet: the edit is not seen
    assert f"/{OLD_ARTICLE}" not in demo_site.paths()
    assert (
        "revisits        0 releases re-checked; next due " in quiet.stdout
        and "all others by" in quiet.stdout
    )

    _age_store(db, 31)  # a month on: every release has passed revisit_max since its last check
    demo_site.clear_log()
    later = _crawl(db, config)
    assert "1 edited" in later.stdout, later.stdout
    assert "revisits        37 releases re-checked" in later.stdout, later.stdout
    conn = sqlite3.connect(db)
    (kind,) = conn.execute(
        "SELECT e.kind FROM events e JOIN releases r ON r.id = e.release_id "
        "WHERE e.baseline = 0 AND r.url LIKE ?",
        [f"%{OLD_ARTICLE}"],
    ).fetchone()
    assert kind == "edited"
    revisited, due_by = conn.execute(
        "SELECT revisited, revisits_due_by FROM crawls ORDER BY id DESC"
    ).fetchone()
    assert revisited == 37 and due_by > datetime.now().isoformat()[:10]
    statuses = {line.split()[1]: line.split()[2] for line in demo_site.requests()}
    assert statuses[f"/{OLD_ARTICLE}"] == "200"


def test_old_releases_are_re_checked_in_rolling_slices_never_beyond_revisit_max(tmp_path):
    from datetime import timedelta

    from storage import FetchedRelease, Store
    from support.harness import Clock

    clock = Clock()
    with Store(tmp_path / "b.db", clock=clock) as store:
        store.ensure_site("x")
        for i in range(240):
            store.record_release(
                "x",
                FetchedRelease(
                    url=f"http://x.gov.cn/a/t{i}.html",
                    title=f"通知{i}",
                    body="正文。",
                    published_at=f"20{10 + i % 12}-01-01T00:00:00+08:00",
                ),
            )
        last_check = {}
        slices = []
        for crawl in range(4 * 75):  # 75 days of crawls every 6 hours
            clock.now += timedelta(hours=6)
            plan = store.revisit_plan("x", (1, 7, 30), 30 * 86400)
            slices.append(len(plan.due))
            assert plan.all_due_by is None or plan.all_due_by <= clock.now + timedelta(
                days=30, minutes=5
            )
            for url in plan.due:
                store.touch_release(url)
                last_check[url] = clock.now
            if crawl >= 120:  # once every release had its first window
                oldest = min(
                    last_check.get(u, datetime.min.replace(tzinfo=clock.now.tzinfo))
                    for u in store.known_urls("x")
                )
                assert clock.now - oldest <= timedelta(days=30, hours=6)
    assert max(slices) <= 12, (
        slices
    )  # 240 releases over 120 crawls: a slice of a few each time, no burst
    assert sum(slices[-120:]) >= 240  # and over any 30 days every release at least once


def test_a_removed_release_is_re_checked_on_its_own_schedule_not_every_crawl(demo_site, tmp_path):
    import sqlite3

    from crawler.config import load_config
    from crawler.monitor.probe import probe_site
    from storage import Store

    always = [36500, 36501, 36502]  # every release young: revisited on every crawl
    config = _demo_config(demo_site, tmp_path, revisit=always, removal_confirm_after="0s")
    db = tmp_path / "b.db"
    _crawl(db, config)
    page = demo_site.root / OLD_ARTICLE
    text = page.read_text(encoding="utf-8")
    page.unlink()
    _crawl(db, config)  # missed, then confirmed by a second visit at the end of the crawl
    conn = sqlite3.connect(db)
    assert (
        conn.execute(
            "SELECT status FROM releases WHERE url LIKE ?", [f"%{OLD_ARTICLE}"]
        ).fetchone()[0]
        == "removed"
    )

    _age_store(db, 1, columns=("removed_at", "last_checked_at"))  # a day after the removal
    demo_site.clear_log()
    result = _crawl(db, config)
    assert demo_site.paths().count(f"/{OLD_ARTICLE}") == 1, (
        "re-checked once, with no confirming visit"
    )
    assert "0 removed" in result.stdout
    failures = conn.execute(
        "SELECT count(*) FROM fetch_failures f WHERE f.crawl_id = (SELECT max(id) FROM crawls) "
        "AND f.url LIKE ?",
        [f"%{OLD_ARTICLE}"],
    ).fetchone()
    assert failures == (0,), "still gone is no new failure"

    demo_site.clear_log()
    _crawl(db, config)  # the next crawl soon after: the gap since the removal has to double first
    assert demo_site.paths().count(f"/{OLD_ARTICLE}") == 0
    (tmp_path / "plain").mkdir()
    plain = _demo_config(
        demo_site, tmp_path / "plain"
    )  # default revisits: only the removed release could be due
    with Store(db) as store:
        probe = probe_site(store, load_config(plain).site("demo"))
    assert "revisits due" not in probe.reason, probe.reason

    page.write_text(text, encoding="utf-8")
    _age_store(db, 3, columns=("removed_at", "last_checked_at"))
    _crawl(db, config)
    kinds = [
        k
        for (k,) in conn.execute(
            "SELECT e.kind FROM events e JOIN releases r ON r.id = e.release_id "
            "WHERE r.url LIKE ? ORDER BY e.id",
            [f"%{OLD_ARTICLE}"],
        )
    ]
    assert kinds[-2:] == ["removed", "restored"]
