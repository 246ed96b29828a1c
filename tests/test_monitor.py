"""Change monitoring end to end: the demo site changes between real crawls; events must follow."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from support.harness import ROOT, demo_table, run_cli, write_config

TRS_PAGE_1 = "xwzx/ywdt/index.html"
HANWEB_LIST = "col/col1201/index.html"
ALWAYS_REVISIT = [36500, 36501, 36502]  # every release counts as "recent": revisited on every crawl


def edit(server, path, old, new, count=1):
    file = server.root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def crawl(db, config, *args):
    result = run_cli("crawl", "demo", "--progress", "off", *args, db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    return result


def events(db, *args):
    result = run_cli("events", "--json", *args, db=db)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def baseline(demo_site, tmp_path):
    def make(**table):
        config = write_config(tmp_path / "sites.toml", {"demo": demo_table(demo_site, **table)})
        db = tmp_path / "bulletin.db"
        crawl(db, config)
        demo_site.clear_log()
        return demo_site, db, config

    return make


def test_noise_produces_no_events(baseline):
    server, db, config = baseline()
    article = "xwzx/ywdt/202212/t20221215_10015.html"
    text = (server.root / article).read_text(encoding="utf-8")
    # whitespace, full-width spaces and line breaks inside the body
    text = re.sub(r"(<p>)", "\\1\u3000\u3000 \n", text)
    text = text.replace("。", "。\n ", 2)
    # navigation, footer, related links, share widget, a CSRF token in the markup
    text = text.replace("主办：", "主办单位：").replace("相关链接", "相关阅读")
    text = text.replace(
        "</body>",
        '<div class="share">分享到：微信 微博</div>'
        '<form><input type="hidden" name="csrf" value="{{token}}"></form></body>',
    )
    (server.root / article).write_text(text, encoding="utf-8")
    # <rt> annotations removed from the seed-style article
    seed = server.root / "xwzx/ywdt/202212/t20221214_10002.html"
    seed.write_text(
        re.sub(
            r"<rp>\(</rp><rt>[^<]*</rt><rp>\)</rp>", "", seed.read_text(encoding="utf-8"), count=3
        ),
        encoding="utf-8",
    )
    # reordered list rows, a release scrolling from page 1 to page 2, a session id in a link
    page1 = (server.root / TRS_PAGE_1).read_text(encoding="utf-8")
    rows = re.findall(r"<li><a href=\"\./2022.*?</li>\n", page1)
    page1 = page1.replace(rows[0], "").replace(rows[1], rows[1] + rows[0])
    last = rows[-1]
    page1 = page1.replace(last, "")
    page1 = page1.replace("t20221215_10015.html", "t20221215_10015.html?PHPSESSID=a1b2c3")
    (server.root / TRS_PAGE_1).write_text(page1, encoding="utf-8")
    edit(server, "xwzx/ywdt/index_1.html", '<ul class="list">\n', '<ul class="list">\n' + last)

    crawl(db, config, "--full")  # --full refetches every release, so every one is compared
    crawl(db, config)
    assert events(db) == []
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM versions").fetchone()[0] == 37


def test_new_edited_removed_restored_events(baseline):
    server, db, config = baseline(revisit=ALWAYS_REVISIT, removal_confirm_after="0s")
    # new: a release added to the Hanweb list
    source = server.root / "art/2022/12/16/art_1201_20008.html"
    new_page = source.read_text(encoding="utf-8").replace(
        "关于做好2023年元旦春节期间农民工工资支付工作的通知", "关于2023年春运期间道路交通管制的通告"
    )
    (server.root / "art/2022/12/17").mkdir()
    (server.root / "art/2022/12/17/art_1201_20009.html").write_text(new_page, encoding="utf-8")
    edit(
        server,
        HANWEB_LIST,
        "<recordset>\n",
        '<recordset>\n<record><![CDATA[\n<li><a href="/art/2022/12/17/'
        'art_1201_20009.html" title="关于2023年春运期间道路交通管制的通告">关于2023年春运期间道路交通管制的通告</a>'
        "<span>2022-12-17</span></li>\n]]></record>\n",
    )
    # edited: a body changed quietly (no list change), and a retitled release
    edit(server, "art/2022/12/10/art_1201_20001.html", "总投资不低于1亿元", "总投资不低于2亿元")
    edit(
        server,
        "art/2022/12/15/art_1201_20007.html",
        "临江市重污染天气黄色预警解除公告",
        "临江市重污染天气橙色预警解除公告",
        99,
    )
    # removed: an article deleted (404) — confirmed by a second visit (no removal window here)
    removed = server.root / "art/2022/12/13/art_1201_20006.html"
    removed_text = removed.read_text(encoding="utf-8")
    removed.unlink()

    crawl(db, config)
    got = events(db)
    kinds = sorted((e["kind"], e["url"].rsplit("/", 1)[-1]) for e in got)
    assert kinds == [
        ("edited", "art_1201_20001.html"),
        ("edited", "art_1201_20007.html"),
        ("new", "art_1201_20009.html"),
        ("removed", "art_1201_20006.html"),
    ]
    for event in got:
        assert set(event) >= {"id", "kind", "site", "url", "title", "detected_at", "release_id"}
    edited = {e["url"].rsplit("/", 1)[-1]: e for e in got if e["kind"] == "edited"}
    assert edited["art_1201_20001.html"]["changed_fields"] == ["body"]
    assert edited["art_1201_20007.html"]["changed_fields"] == ["title"]
    conn = sqlite3.connect(db)
    diff = conn.execute(
        "SELECT diff FROM events WHERE id = ?", [edited["art_1201_20001.html"]["id"]]
    ).fetchone()[0]
    assert "[-1-]{+2+}" in diff
    status = conn.execute(
        "SELECT status FROM releases WHERE url LIKE '%art_1201_20006.html'"
    ).fetchone()[0]
    assert status == "removed"
    assert (
        conn.execute(
            "SELECT count(*) FROM versions v JOIN releases r ON r.id = v.release_id "
            "WHERE r.url LIKE '%art_1201_20006.html'"
        ).fetchone()[0]
        == 1
    )

    # edited back, and the removed release comes back
    edit(server, "art/2022/12/10/art_1201_20001.html", "总投资不低于2亿元", "总投资不低于1亿元")
    removed.write_text(removed_text, encoding="utf-8")
    crawl(db, config)
    later = [e for e in events(db) if e["id"] > max(e["id"] for e in got)]
    assert sorted((e["kind"], e["url"].rsplit("/", 1)[-1]) for e in later) == [
        ("edited", "art_1201_20001.html"),
        ("restored", "art_1201_20006.html"),
    ]
    history = [e["kind"] for e in events(db) if e["url"].endswith("art_1201_20001.html")]
    assert history == ["edited", "edited"]
    assert events(db, "--kind", "removed")[0]["url"].endswith("art_1201_20006.html")
    assert len(events(db, "--include-baseline")) == 37 + 6
    # a script can tell which crawl recorded which events (`crawl --json` gives the crawl's id)
    last_crawl = conn.execute("SELECT max(id) FROM crawls").fetchone()[0]
    assert {e["crawl_id"] for e in later} == {last_crawl}
    assert [e["id"] for e in events(db, "--crawl", str(last_crawl))] == [e["id"] for e in later]


def test_recrawl_of_unchanged_site_sends_conditional_requests_and_fetches_no_article(baseline):
    server, db, config = baseline()
    crawl(db, config)
    lines = server.requests()
    statuses = {line.split()[1]: line.split()[2] for line in lines}
    assert statuses[f"/{TRS_PAGE_1}"] == "304" and statuses[f"/{HANWEB_LIST}"] == "304"
    assert not [path for path in statuses if "/t2022" in path or "/art_" in path], lines
    # robots.txt, the 3 start lists and the 3 lists found through breadcrumbs, all 304.
    assert len(lines) <= 6 + 3, lines
    row = (
        sqlite3.connect(db)
        .execute("SELECT not_modified, releases_new FROM crawls ORDER BY id DESC")
        .fetchone()
    )
    assert row == (3 + 3, 0), lines


def test_list_walk_stops_after_known_pages_and_is_not_fooled_by_pinned_rows(baseline):
    server, db, config = baseline()
    (server.root / "_server.json").write_text(
        json.dumps(
            {
                **json.loads((server.root / "_server.json").read_text(encoding="utf-8")),
                "validators": False,
            }
        ),
        encoding="utf-8",
    )
    crawl(db, config)
    paths = server.paths()
    assert f"/{TRS_PAGE_1}" in paths and "/xwzx/ywdt/index_1.html" in paths
    assert "/xwzx/ywdt/index_2.html" not in paths  # page 1 all known, page 2 is the overlap: stop
    server.clear_log()
    # a new release below the pinned (known, old) row of page 1 is still found
    source = server.root / "xwzx/ywdt/202212/t20221216_10016.html"
    (server.root / "xwzx/ywdt/202212/t20221217_10017.html").write_text(
        source.read_text(encoding="utf-8").replace(
            "市政府召开第15次常务会议", "市政府召开第16次常务会议"
        ),
        encoding="utf-8",
    )
    edit(
        server,
        TRS_PAGE_1,
        '<li><a href="./202212/t20221216_10016.html"',
        '<li><a href="./202212/t20221217_10017.html" title="市政府召开第16次常务会议">市政府召开第16次常务会议</a>'
        '<span>2022-12-17</span></li>\n<li><a href="./202212/t20221216_10016.html"',
    )
    crawl(db, config)
    assert [e["url"].rsplit("/", 1)[-1] for e in events(db)] == ["t20221217_10017.html"]


def test_probe_skips_an_unchanged_site_and_notices_a_new_row(baseline):
    from crawler.config import load_config
    from crawler.monitor.probe import probe_site
    from storage import Store

    server, db, config = baseline()
    site = load_config(config).site("demo")
    with Store(db) as store:
        result = probe_site(store, site)
        assert not result.changed, result.reason
        assert result.statuses == {"304": 3}
    edit(
        server,
        HANWEB_LIST,
        "<recordset>\n",
        '<recordset>\n<record><![CDATA[\n<li><a href="/art/x.html" '
        'title="新通知">新通知</a><span>2022-12-20</span></li>\n]]></record>\n',
    )
    with Store(db) as store:
        result = probe_site(store, site)
    assert result.changed and "list rows changed" in result.reason


def test_a_second_crawl_of_a_site_being_crawled_is_refused(baseline):
    from crawler.monitor.lock import site_lock

    server, db, config = baseline()
    with site_lock(db, "demo"):
        result = run_cli("crawl", "demo", "--progress", "off", db=db, config=config)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(
        "Error: site 'demo' is being crawled by another process (pid "
    )
    assert len(result.stderr.strip().splitlines()) == 1


def _stored_releases(db) -> int:
    try:
        return sqlite3.connect(db).execute("SELECT count(*) FROM releases").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_sigterm_during_a_crawl_leaves_a_consistent_database(demo_site, tmp_path):
    config = write_config(
        tmp_path / "sites.toml", {"demo": demo_table(demo_site, politeness={"download_delay": 0.4})}
    )
    db = tmp_path / "b.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler",
            "--db",
            str(db),
            "--config",
            str(config),
            "crawl",
            "demo",
            "--progress",
            "off",
            "-s",
            "DOWNLOAD_DELAY_JITTER=0",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = (
        time.monotonic() + 60
    )  # a loaded machine starts the crawl late: wait for its first release
    while time.monotonic() < deadline and not _stored_releases(db):
        time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    status, error = conn.execute("SELECT status, error FROM crawls").fetchone()
    assert status == "interrupted", (out, err)
    releases = conn.execute("SELECT count(*) FROM releases").fetchone()[0]
    assert 0 < releases < 37
    assert (
        conn.execute("SELECT count(*) FROM releases WHERE current_version_id IS NULL").fetchone()[0]
        == 0
    )


def test_a_changed_list_row_refetches_an_old_release_at_once(baseline):
    server, db, config = baseline()  # default revisits: releases from 2022 are not due
    article = "xwzx/ywdt/202212/t20221215_10015.html"
    edit(server, article, "临江港二期码头工程通过交工验收", "临江港二期码头工程通过竣工验收", 99)
    edit(server, TRS_PAGE_1, "临江港二期码头工程通过交工验收", "临江港二期码头工程通过竣工验收", 99)
    crawl(db, config)
    got = events(db)
    assert [(e["kind"], e["url"].rsplit("/", 1)[-1]) for e in got] == [
        ("edited", "t20221215_10015.html")
    ]
    assert "title" in got[0]["changed_fields"]
    assert f"/{article}" in server.paths()
    assert (
        "/xwzx/ywdt/202212/t20221216_10016.html" not in server.paths()
    )  # unchanged rows: not refetched


def test_a_release_pushed_to_page_2_with_a_new_title_is_refetched(baseline):
    server, db, config = baseline()  # default revisits: releases from 2022 are not due
    moved = "xwzx/ywdt/202212/t20221213_10014.html"
    source = server.root / "xwzx/ywdt/202212/t20221216_10016.html"
    (server.root / "xwzx/ywdt/202212/t20221217_10017.html").write_text(
        source.read_text(encoding="utf-8").replace(
            "市政府召开第15次常务会议", "市政府召开第16次常务会议"
        ),
        encoding="utf-8",
    )
    page1 = (server.root / TRS_PAGE_1).read_text(encoding="utf-8")
    last_row = re.search(r"<li><a href=\"\./202212/t20221213_10014\.html\".*?</li>\n", page1).group(
        0
    )
    new_row = (
        '<li><a href="./202212/t20221217_10017.html" title="市政府召开第16次常务会议">市政府召开第16次常务会议</a>'
        "<span>2022-12-17</span></li>\n"
    )
    page1 = page1.replace(last_row, "").replace(
        '<li><a href="./202212/t20221216_10016.html"',
        new_row + '<li><a href="./202212/t20221216_10016.html"',
    )
    (server.root / TRS_PAGE_1).write_text(page1, encoding="utf-8")
    # the release that scrolled to page 2 was retitled on the way (row and article)
    retitled = last_row.replace(
        "临江市启动冬春农田水利基本建设", "临江市全面启动冬春农田水利基本建设"
    )
    edit(server, "xwzx/ywdt/index_1.html", '<ul class="list">\n', '<ul class="list">\n' + retitled)
    edit(server, moved, "临江市启动冬春农田水利基本建设", "临江市全面启动冬春农田水利基本建设", 99)

    crawl(db, config)
    got = sorted((e["kind"], e["url"].rsplit("/", 1)[-1]) for e in events(db))
    assert got == [("edited", "t20221213_10014.html"), ("new", "t20221217_10017.html")]
    assert f"/{moved}" in server.paths()
    # an unchanged row that moved to another page is not a reason to refetch
    assert "/xwzx/ywdt/202212/t20221212_10013.html" not in server.paths()


def show(db, url):
    result = run_cli("show", url, "--json", db=db)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_404_that_recovers_within_removal_confirm_after_is_no_event(baseline):
    server, db, config = baseline(revisit=ALWAYS_REVISIT)  # removal_confirm_after: the default 1h
    article = server.root / "art/2022/12/13/art_1201_20006.html"
    text = article.read_text(encoding="utf-8")
    article.unlink()
    url = server.url.rstrip("/") + "/art/2022/12/13/art_1201_20006.html"

    crawl(db, config)
    assert events(db) == []
    assert (
        server.paths().count("/art/2022/12/13/art_1201_20006.html") == 1
    )  # no confirming request at once
    pending = show(db, url)
    assert pending["status"] == "live" and pending["missing_since"]
    text_view = run_cli("show", url, db=db).stdout
    assert f"pending removal (missing since {pending['missing_since']})" in text_view
    crawl(db, config)  # still 404, still inside the window
    assert events(db) == []

    article.write_text(text, encoding="utf-8")
    crawl(db, config)
    assert events(db) == []
    recovered = show(db, url)
    assert recovered["status"] == "live" and recovered["missing_since"] is None
    assert [e["kind"] for e in recovered["events"]] == ["new"]


def test_a_404_still_missing_after_removal_confirm_after_is_one_removal(baseline):
    from datetime import datetime

    server, db, config = baseline(revisit=ALWAYS_REVISIT, removal_confirm_after="2s")
    (server.root / "art/2022/12/13/art_1201_20006.html").unlink()
    crawl(
        db, config
    )  # confirmed in this crawl if it still runs 2 s after the miss, else in the next
    time.sleep(2.5)
    crawl(db, config)
    got = events(db)
    assert [(e["kind"], e["url"].rsplit("/", 1)[-1]) for e in got] == [
        ("removed", "art_1201_20006.html")
    ]
    details = json.loads(
        sqlite3.connect(db)
        .execute("SELECT details FROM events WHERE id = ?", [got[0]["id"]])
        .fetchone()[0]
    )
    first_miss = datetime.fromisoformat(details["missing_since"])
    assert (datetime.fromisoformat(got[0]["detected_at"]) - first_miss).total_seconds() >= 2
    assert show(db, got[0]["url"])["status"] == "removed"
    crawl(db, config)
    assert len(events(db)) == 1


PINNED_ROW = '<a href="./202212/t20221215_10015.html" title="临江港二期码头工程通过交工验收" target="_blank">'
PINNED_CUT_ROW = (
    '<a href="./202212/t20221216_10016.html" title="市政府召开第15次常务会议 研究部署冬季安全生产等工作"'
    ' target="_blank">'
)
PINNED_SPAN_ROW = '<li><a href="./202212/t20221214_10002.html"'


def _listed_titles(db) -> dict[str, str]:
    rows = sqlite3.connect(db).execute(
        "SELECT r.url, e.title FROM list_entries e JOIN releases r ON r.id = e.release_id"
        " JOIN list_pages p ON p.id = e.list_page_id WHERE p.url LIKE ?",
        ["%/xwzx/ywdt/"],  # (TRS_PAGE_1, its index.html canonical)
    )
    return {url.rsplit("/", 1)[-1]: title for url, title in rows}


def test_a_pin_mark_added_then_removed_is_no_edit_and_no_refetch(baseline):
    # A pin mark is no part of a row's title: pinning or unpinning a notice is no edit of the
    # release, no changed row and no refetch (stored rows read with it compare by storage.row_title).
    server, db, config = baseline()
    (server.root / "_server.json").write_text(
        json.dumps(
            {
                **json.loads((server.root / "_server.json").read_text(encoding="utf-8")),
                "validators": False,
            }
        ),
        encoding="utf-8",
    )
    # Pinned: a mark the link prints (whole and cut text) and a badge beside another link.
    edit(server, TRS_PAGE_1, PINNED_ROW, PINNED_ROW + "【置顶】")
    edit(server, TRS_PAGE_1, PINNED_CUT_ROW, PINNED_CUT_ROW + "[置顶]")
    edit(
        server,
        TRS_PAGE_1,
        PINNED_SPAN_ROW,
        '<li><span class="top">置顶</span><a href="./202212/t20221214_10002.html"',
    )
    crawl(db, config)
    assert events(db) == []
    assert not [p for p in server.paths() if "/202212/t2022" in p], server.paths()
    titles = _listed_titles(db)
    assert titles["t20221215_10015.html"] == "临江港二期码头工程通过交工验收"
    assert titles["t20221216_10016.html"] == "市政府召开第15次常务会议 研究部署冬季安全生产等工作"

    from crawler.config import load_config
    from crawler.monitor.probe import probe_site
    from storage import Store

    with Store(db) as store:
        assert not probe_site(store, load_config(config).site("demo")).changed

    # Unpinned again: still the same rows.
    server.clear_log()
    edit(server, TRS_PAGE_1, PINNED_ROW + "【置顶】", PINNED_ROW)
    edit(server, TRS_PAGE_1, PINNED_CUT_ROW + "[置顶]", PINNED_CUT_ROW)
    crawl(db, config)
    assert events(db) == []
    assert not [p for p in server.paths() if "/202212/t2022" in p], server.paths()
    assert _listed_titles(db)["t20221215_10015.html"] == "临江港二期码头工程通过交工验收"

    # A real retitle on the same row is still seen (and only the retitled release is refetched).
    server.clear_log()
    edit(
        server,
        TRS_PAGE_1,
        PINNED_ROW + "临江港二期码头工程",
        PINNED_ROW + "【置顶】临江港三期码头工程",
    )
    crawl(db, config)
    fetched = [p for p in server.paths() if "/202212/t2022" in p]
    assert fetched == ["/xwzx/ywdt/202212/t20221215_10015.html"], fetched
