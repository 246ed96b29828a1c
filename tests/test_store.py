import re
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import (
    FetchedRelease,
    NotFound,
    Store,
    StoreError,
    StoreUnavailable,
    canonical_url,
)
from storage.normalize import clean_text, content_hash, row_title
from support.store import sql


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "bulletin.db") as store:
        store.ensure_site("demo", title="临江市人民政府")
        yield store


def page(url="http://x.gov.cn/a/t20221214_1.html", **fields):
    defaults = dict(
        title="市委召开会议",
        source="临江日报",
        published_at="2022-12-14T15:00:00+08:00",
        body="第一段。\n\n第二段。",
        raw_body="<html>第一段</html>".encode(),
    )
    defaults.update(fields)
    return FetchedRelease(url=url, **defaults)


@pytest.mark.parametrize(
    "variant",
    [
        "HTTP://X.GOV.CN/a/t20221214_1.html",
        "http://x.gov.cn:80/a/t20221214_1.html",
        "http://x.gov.cn/a/t20221214_1.html#top",
        "http://x.gov.cn/a/./b/../t20221214_1.html",
        "http://x.gov.cn/a/t20221214_1.html?utm_source=list&spm=1.2",
    ],
    ids=["case", "default-port", "fragment", "dot-segments", "tracking-params"],
)
def test_canonical_url_variants_are_one_release(variant):
    assert canonical_url(variant) == "http://x.gov.cn/a/t20221214_1.html"


@pytest.mark.parametrize(
    "a,b",
    [
        ("http://x.gov.cn/col/index.html", "http://x.gov.cn/col/"),
        ("http://x.gov.cn/col/index.shtml", "http://x.gov.cn/col/"),
        ("http://x.gov.cn/p?b=2&a=1", "http://x.gov.cn/p?a=1&b=2"),
        ("http://x.gov.cn/a;jsessionid=ABC123", "http://x.gov.cn/a"),
        ("http://x.gov.cn/a?id=3&PHPSESSID=9f8e", "http://x.gov.cn/a?id=3"),
        ("http://x.gov.cn/a.html?t=1715000000123", "http://x.gov.cn/a.html"),
        ("http://x.gov.cn/a?id=3&_=1715000000", "http://x.gov.cn/a?id=3"),
        ("http://x.gov.cn/a?id=3&r=0.82736451", "http://x.gov.cn/a?id=3"),
        ("http://x.gov.cn/a?id=3&time=20240506093012", "http://x.gov.cn/a?id=3"),
    ],
    ids=[
        "index-html",
        "index-shtml",
        "query-order",
        "session-id-in-path",
        "session-id-in-query",
        "clock-in-ms",
        "clock-in-seconds",
        "math-random",
        "clock-as-date-and-time",
    ],
)
def test_canonical_url_equivalents(a, b):
    assert canonical_url(a) == canonical_url(b)


def test_canonical_url_keeps_meaningful_query():
    assert canonical_url("http://x.gov.cn/art?id=1") != canonical_url("http://x.gov.cn/art?id=2")
    # A day may name a day's page (a daily price report), a small number a version or an id.
    assert canonical_url("http://x.gov.cn/rb?time=20240506") != canonical_url(
        "http://x.gov.cn/rb?time=20240507"
    )
    assert canonical_url("http://x.gov.cn/a?v=2") != canonical_url("http://x.gov.cn/a?v=3")


def test_first_crawl_is_baseline_and_records_new_release(store):
    crawl = store.start_crawl("demo")
    result = store.record_release("demo", page(), crawl_id=crawl)
    assert result.kind == "new"
    store.finish_crawl(crawl, stats={"requests": 2, "responses_by_status": {"200": 2}})
    row = store.crawl(crawl)
    assert row["baseline"] == 1 and row["releases_new"] == 1 and row["status"] == "finished"
    assert store.events() == []
    assert [e["kind"] for e in store.events(include_baseline=True)] == ["new"]
    second = store.start_crawl("demo")
    assert store.crawl(second)["baseline"] == 0


def test_unchanged_release_adds_no_version(store):
    crawl = store.start_crawl("demo")
    store.record_release("demo", page(), crawl_id=crawl)
    again = store.record_release(
        "demo", page(url="http://x.gov.cn/a/t20221214_1.html#x"), crawl_id=crawl
    )
    assert again.kind == "unchanged"
    assert store.counts()["versions"] == 1 and store.counts()["releases"] == 1


@pytest.mark.parametrize(
    "noisy",
    [
        dict(body="第一段。\n\n\n第二段。  "),
        dict(body="第一段。\u3000\n第二段。"),
        dict(body="第一段。 瀏覽:57 \n\n第二段。"),
        dict(body="第一段。\n\n第二段。", raw_body=b"<html>other bytes</html>"),
        dict(title="市委召(zhào)开(kāi)会议"),
    ],
    ids=["blank-lines", "full-width-space", "view-counter", "raw-bytes-only", "pinyin-in-title"],
)
def test_noise_is_not_an_edit(store, noisy):
    store.record_release("demo", page())
    assert store.record_release("demo", page(**noisy)).kind == "unchanged"


def test_pinyin_annotation_is_not_an_edit():
    plain = {"title": "統戰工作", "body": "統戰"}
    annotated = {"title": "統(tǒng)戰(zhàn)工作", "body": "統(tǒng)戰(zhàn)"}
    assert content_hash(plain) == content_hash(annotated)
    assert clean_text("統(tǒng)戰(zhàn)") == "統戰"


def test_edit_creates_version_and_event_with_changed_fields(store):
    store.record_release("demo", page())
    result = store.record_release("demo", page(body="第一段。\n\n第二段已修改。", title="新标题"))
    assert result.kind == "edited"
    assert result.changed_fields == ["title", "body"]
    versions = store.versions(result.release_id)
    assert [v["seq"] for v in versions] == [1, 2]
    assert versions[1]["changed_fields"] == ["title", "body"]
    assert store.release(result.release_id)["title"] == "新标题"


def test_edit_then_edit_back_is_two_edits(store):
    store.record_release("demo", page())
    store.record_release("demo", page(body="改了"))
    back = store.record_release("demo", page())
    assert back.kind == "edited"
    assert [e["kind"] for e in store.events(include_baseline=True)] == ["new", "edited", "edited"]


def test_raw_response_is_stored_compressed_and_round_trips(store):
    raw = ("<html>" + "正文" * 5000 + "</html>").encode("gb18030")
    result = store.record_release(
        "demo", page(raw_body=raw, headers={"Content-Type": "text/html; charset=gbk"})
    )
    stored = store.versions(result.release_id, with_raw=True)[0]
    assert stored["raw_body"] == raw
    assert stored["headers"] == {"Content-Type": "text/html; charset=gbk"}
    [(size,)] = sql(store, "SELECT length(raw_body) FROM versions")
    assert size < len(raw) / 5


def test_release_listed_in_two_columns_is_one_release_with_both(store):
    crawl = store.start_crawl("demo")
    for column, list_url, link in [
        ("要闻动态", "http://x.gov.cn/ywdt/index.html", "http://x.gov.cn/ywdt/202212/t1.html"),
        (
            "学习贯彻",
            "http://x.gov.cn/xxgc/",
            "http://x.gov.cn/ywdt/202212/./t1.html?utm_source=list#top",
        ),
    ]:
        store.record_list_page(
            "demo", list_url, [{"url": link, "title": "标题"}], crawl_id=crawl, column=column
        )
        store.record_release(
            "demo",
            page(url=link),
            crawl_id=crawl,
            listed_on=[
                {"list_page_url": list_url, "column": column, "position": 0, "title": "标题"}
            ],
        )
    releases = store.releases()
    assert len(releases) == 1
    assert releases[0]["columns"] == ["要闻动态", "学习贯彻"]
    [(entries,)] = sql(store, "SELECT count(*) FROM list_entries")
    assert entries == 2


def test_list_page_reports_known_and_unknown_links(store):
    store.record_release("demo", page(url="http://x.gov.cn/a/1.html"))
    result = store.record_list_page(
        "demo",
        "http://x.gov.cn/a/",
        [{"url": "http://x.gov.cn/a/1.html#c"}, {"url": "http://x.gov.cn/a/2.html"}],
    )
    assert result.known == ["http://x.gov.cn/a/1.html#c"]
    assert result.unknown == ["http://x.gov.cn/a/2.html"]


def test_fetch_failure_is_recorded_without_touching_versions(store):
    crawl = store.start_crawl("demo")
    store.record_release("demo", page(), crawl_id=crawl)
    store.record_fetch_failure(
        "demo", page().url, "anti-bot challenge", crawl_id=crawl, http_status=200
    )
    assert store.fetch_failures(crawl)[0]["reason"] == "anti-bot challenge"
    assert store.counts()["versions"] == 1


def test_release_lookup_by_url_variant_and_id(store):
    result = store.record_release("demo", page())
    assert store.release_id("HTTP://x.gov.cn/a/t20221214_1.html#frag") == result.release_id
    assert store.release(str(result.release_id))["url"] == "http://x.gov.cn/a/t20221214_1.html"
    with pytest.raises(NotFound):
        store.release("http://x.gov.cn/nope.html")


def test_migrations_are_recorded_and_reopening_is_idempotent(tmp_path):
    path = tmp_path / "b.db"
    Store(path).close()
    with Store(path) as store:
        names = [name for (name,) in sql(store, "SELECT name FROM _sqlite_migrations")]
        assert names[:2] == ["m001_initial", "m002_monitor"]
        assert sql(store, "PRAGMA journal_mode") == [("wal",)]


def test_unopenable_database_is_a_store_error(tmp_path):
    path = tmp_path / "not-a-db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        Store(path)


def test_reader_sees_whole_releases_while_a_writer_writes(tmp_path):
    path = tmp_path / "b.db"
    with Store(path) as writer:
        writer.ensure_site("demo")
        done = threading.Event()
        seen = []

        def read():
            conn = sqlite3.connect(path)
            while not done.is_set():
                rows = conn.execute(
                    "SELECT r.id, v.id FROM releases r LEFT JOIN versions v ON v.id = r.current_version_id"
                ).fetchall()
                seen.extend(rows)
            conn.close()

        reader = threading.Thread(target=read)
        reader.start()
        for n in range(200):
            writer.record_release("demo", page(url=f"http://x.gov.cn/a/{n}.html"))
        done.set()
        reader.join()
    assert seen and all(version_id is not None for _, version_id in seen)


def test_a_batch_commits_its_records_at_once_and_each_record_stays_atomic(tmp_path, monkeypatch):
    def fail(*args, **kwargs):  # the event row cannot be written: after the release row
        raise RuntimeError("event not written")

    path = tmp_path / "b.db"
    with Store(path) as writer, Store(path) as reader:
        writer.ensure_site("demo")
        with writer.batch():
            writer.record_release("demo", page(url="http://x.gov.cn/a/1.html"))
            with monkeypatch.context() as patch:
                patch.setattr(Store, "_insert_event", fail)
                with pytest.raises(RuntimeError):
                    writer.record_release("demo", page(url="http://x.gov.cn/a/2.html"))
            writer.record_release("demo", page(url="http://x.gov.cn/a/3.html"))
            assert reader.counts()["releases"] == 0  # nothing shows before the batch commits
        assert {r["url"] for r in reader.releases()} == {
            "http://x.gov.cn/a/1.html",
            "http://x.gov.cn/a/3.html",
        }
        with pytest.raises(RuntimeError), writer.batch():
            writer.record_release("demo", page(url="http://x.gov.cn/a/3.html"))
            raise RuntimeError("the crawl stopped")
        assert reader.counts()["releases"] == 2  # a batch left by an error is rolled back


def test_a_batch_waits_for_a_lock_then_says_the_store_is_unavailable(tmp_path):
    path = tmp_path / "b.db"
    with Store(path, busy_timeout_ms=50) as writer:
        writer.ensure_site("demo")
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        waits = []
        try:
            with pytest.raises(StoreUnavailable, match="locked by another connection"):
                with writer.batch(lock_wait=0.3, on_wait=waits.append):
                    pass
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert waits and all(seconds < 0.3 for seconds in waits)
        with writer.batch(lock_wait=0.3):  # free again: the batch begins at once
            writer.record_release("demo", page())
        assert writer.counts()["releases"] == 1


def test_clock_is_injectable(tmp_path):
    moments = iter(datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=h) for h in range(100))
    with Store(tmp_path / "b.db", clock=lambda: next(moments)) as store:
        store.ensure_site("demo")
        result = store.record_release("demo", page())
        assert store.release(result.release_id)["first_seen_at"].startswith("2026-01-01T01:00:00")


def test_revisits_decay_with_the_age_of_a_release(tmp_path):
    now = [datetime(2026, 11, 26, 12, 0, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        ages = {"fresh": 0.5, "week": 3, "month": 20, "old": 400}
        for name, days in ages.items():
            published = (now[0] - timedelta(days=days)).isoformat()
            store.record_release(
                "demo", page(url=f"http://x.gov.cn/{name}.html", published_at=published)
            )

        def due(hours_later):
            moment = now[0] + timedelta(hours=hours_later)
            return sorted(
                u.rsplit("/", 1)[-1][:-5]
                for u in store.due_revisits("demo", (1, 7, 30), now=moment)
            )

        assert due(0) == ["fresh"]  # younger than a day: every crawl
        assert due(25) == ["fresh", "week"]  # daily until 7 days
        assert due(24 * 8) == ["fresh", "month", "week"]  # weekly until 30 days
        assert due(24 * 31) == ["fresh", "month", "old", "week"]  # monthly after that
        # Without an age schedule, revisit_max alone still re-checks every release.
        assert store.due_revisits("demo", (), now=now[0] + timedelta(hours=1)) == []
        assert len(store.due_revisits("demo", (), now=now[0] + timedelta(days=31))) == 4


def test_unconfirmed_miss_is_due_at_once_and_second_miss_removes(store):
    result = store.record_release("demo", page())
    assert store.record_missing("demo", page().url, "HTTP 404", http_status=404) == "pending"
    assert store.due_revisits("demo", ())[0] == page().url
    assert store.release(result.release_id)["status"] == "live"
    assert (
        store.record_missing("demo", page().url, "HTTP 404", http_status=404, confirm_after=0)
        == "removed"
    )
    assert store.release(result.release_id)["status"] == "removed"
    assert [e["kind"] for e in store.events(include_baseline=True)] == ["new", "removed"]
    assert store.record_release("demo", page()).restored


def test_a_miss_is_confirmed_only_after_the_removal_window(tmp_path):
    now = [datetime(2024, 3, 1, 8, 0, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        release_id = store.record_release("demo", page()).release_id
        assert store.record_missing("demo", page().url, "HTTP 404", confirm_after=3600) == "pending"
        now[0] += timedelta(minutes=59)
        assert store.record_missing("demo", page().url, "HTTP 404", confirm_after=3600) == "pending"
        assert store.release(release_id)["missing_since"] == "2024-03-01T08:00:00+00:00"
        assert store.pending_removals("demo") == {page().url: "2024-03-01T08:00:00+00:00"}
        now[0] += timedelta(minutes=1)
        assert store.record_missing("demo", page().url, "HTTP 404", confirm_after=3600) == "removed"
        removed = store.events(kind="removed")
        assert len(removed) == 1 and removed[0]["detected_at"] == "2024-03-01T09:00:00+00:00"
        assert store.pending_removals("demo") == {}


def test_a_miss_that_recovers_within_the_window_leaves_no_event(tmp_path):
    now = [datetime(2024, 3, 1, 8, 0, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        release_id = store.record_release("demo", page()).release_id
        assert store.record_missing("demo", page().url, "HTTP 404", confirm_after=3600) == "pending"
        now[0] += timedelta(minutes=30)
        assert store.record_release("demo", page()).kind == "unchanged"
        assert store.release(release_id)["missing_since"] is None
        # a later miss starts a new window: the first one does not count any more
        now[0] += timedelta(hours=2)
        assert store.record_missing("demo", page().url, "HTTP 404", confirm_after=3600) == "pending"
        now[0] += timedelta(minutes=10)
        store.touch_release(page().url)
        now[0] += timedelta(hours=2)
        assert store.record_missing("demo", page().url, "HTTP 404", confirm_after=3600) == "pending"
        assert [e["kind"] for e in store.events(include_baseline=True)] == ["new"]


LONG_BODY = "\n\n".join(
    f"第{i}段：全市主要经济指标运行平稳，各项数据均按月发布。" for i in range(12)
)


def test_a_collapsed_body_is_held_until_seen_again_after_the_window(tmp_path):
    now = [datetime(2024, 3, 1, 8, 0, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", page(body=LONG_BODY))
        frame = page(body="首页 > 统计数据")  # the site's frame, its content not rendered
        assert store.record_release("demo", frame, confirm_after=3600).kind == "held"
        assert (
            store.record_release("demo", page(body=LONG_BODY), confirm_after=3600).kind
            == "unchanged"
        )
        assert store.record_release("demo", frame, confirm_after=3600).kind == "held"
        now[0] += timedelta(minutes=30)
        assert store.record_release("demo", frame, confirm_after=3600).kind == "held"
        now[0] += timedelta(minutes=30)
        result = store.record_release("demo", frame, confirm_after=3600)
        assert (result.kind, result.changed_fields) == ("edited", ["body"])
        assert [e["kind"] for e in store.events(include_baseline=True)] == ["new", "edited"]
        reasons = [row[0] for row in sql(store, "SELECT reason FROM fetch_failures ORDER BY id")]
        assert len(reasons) == 3 and all(
            r.startswith("content collapsed (body 9 characters, was ") for r in reasons
        )


REPORT = "\n".join(
    f"{city}：空气质量指数{aqi}，首要污染物PM2.5，空气质量等级良。"
    for city, aqi in [("城区", 72), ("东区", 68), ("西区", 81), ("南区", 77), ("北区", 64)]
)
OTHER = (
    "各乡镇中心学校，县直各学校：\n现将2024年暑假放假及秋季开学时间通知如下。\n"
    "一、中小学校2024年7月6日开始放暑假，8月31日学生报到。\n示例县教育局"
)
NOTICE = (
    "各乡镇中心学校，县直各学校，各民办学校：\n现就做好2024年秋季招生入学工作通知如下。\n"
    "一、网上报名：2024年7月1日至7月5日。\n二、资格审核：7月8日至7月10日。\n示例县教育局"
)


@pytest.mark.parametrize(
    ("url", "before", "after", "kind"),
    [
        (
            "http://x.gov.cn/xxgk/tzgg/202406/t20240612_402117.html",
            ("关于做好2024年秋季招生入学工作的通知", "2024-06-12T16:20:00+08:00", NOTICE),
            ("关于2024年暑假放假及秋季开学时间安排的通知", "2024-06-28T10:05:00+08:00", OTHER),
            "held",
        ),
        (
            "http://x.gov.cn/news/deq-awards-grants",
            ("DEQ awards grants", "2024-06-18", "The grants go to 18 communities.\n" * 3),
            ("Public comment opens", "2024-06-11", "A 45-day comment period opens today.\n" * 3),
            "held",
        ),
        (
            "http://x.gov.cn/hjzl/kqzlrb.html",
            ("2024年5月6日空气质量日报", "2024-05-06", REPORT),
            (
                "2024年5月7日空气质量日报",
                "2024-05-07",
                REPORT.replace("良", "优").replace("7", "5"),
            ),
            "edited",
        ),
        (
            "http://x.gov.cn/xxgk/tzgg/202406/t20240612_402117.html",
            ("关于做好2024年秋季招生入学工作的通知", "2024-06-12T16:20:00+08:00", NOTICE),
            (
                "关于做好2024年秋季招生入学工作的通知（更正）",
                "2024-06-12T16:20:00+08:00",
                NOTICE.replace("7月1日至7月5日", "7月2日至7月6日"),
            ),
            "edited",
        ),
    ],
    ids=[
        "a-later-notice-under-a-dated-url",
        "an-older-release",
        "the-next-daily-report-at-an-undated-url",
        "a-retitled-correction",
    ],
)
def test_another_article_whole_in_the_pages_place_is_no_version(store, url, before, after, kind):
    def fetched(title, published, body):
        return page(url=url, title=title, published_at=published, body=body)

    store.record_release("demo", fetched(*before))
    assert store.record_release("demo", fetched(*after), confirm_after=3600).kind == kind
    if kind == "held":
        reason = sql(store, "SELECT reason FROM fetch_failures")[0][0]
        assert reason.startswith("not the page: another page titled"), reason
        assert store.record_release("demo", fetched(*before)).kind == "unchanged"


def test_another_release_of_the_site_served_at_a_url_is_no_version(store):
    a = page(url="http://x.gov.cn/a/1.html", title="关于A的通知", body=NOTICE)
    b = page(url="http://x.gov.cn/a/2.html", title="关于B的通知", body=OTHER)
    store.record_release("demo", a)
    store.record_release("demo", b)
    assert store.record_release("demo", page(**{**b.__dict__, "url": a.url})).kind == "held"
    reason = sql(store, "SELECT reason FROM fetch_failures")[0][0]
    assert reason.startswith("not the page: the page of http://x.gov.cn/a/2.html"), reason


SHORT_NOTICE = "因系统升级，5月6日市政务服务中心暂停对外办公一天，恢复时间另行通知。"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (LONG_BODY, "对不起，该信息已撤稿！\n\n请返回通知公告栏目或网站首页继续浏览。"),
        (LONG_BODY, "您访问的页面不存在或已被删除。"),
        (SHORT_NOTICE, "该信息已删除。"),
        (SHORT_NOTICE, "This page has been removed."),
    ],
    ids=["collapsed-to-撤稿", "collapsed-to-页面不存在", "short-text-replaced", "english-notice"],
)
def test_the_articles_own_template_saying_it_was_withdrawn_is_a_miss_never_an_edit(
    tmp_path, before, after
):
    # The CMS keeps the article's <title> (and so the title the store reads) around its notice.
    now = [datetime(2024, 3, 1, 8, 0, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", page(body=before))
        assert store.record_release("demo", page(body=after), confirm_after=3600).kind == "held"
        assert store.release(page().url)["missing_since"] == "2024-03-01T08:00:00+00:00"
        now[0] += timedelta(hours=2)
        store.record_release("demo", page(body=after), confirm_after=3600)
        assert [e["kind"] for e in store.events(include_baseline=True)] == ["new", "removed"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (LONG_BODY, "本文件已失效，仅供查阅。\n\n" + LONG_BODY),
        (SHORT_NOTICE, "5月6日的停办通知已撤回，市政务服务中心照常办公。"),
        ("There are no advisories in effect.", "The Ashby boil water advisory has been removed."),
    ],
    ids=["lapsed-banner-above-the-text", "notice-about-another-notice", "advisory-removed"],
)
def test_a_text_that_reports_something_withdrawn_is_an_edit(store, before, after):
    store.record_release("demo", page(body=before))
    assert store.record_release("demo", page(body=after)).kind == "edited"


def test_a_shorter_body_that_keeps_a_quarter_is_an_edit_at_once(store):
    store.record_release("demo", page(body=LONG_BODY))
    shorter = LONG_BODY[: len(LONG_BODY) // 3]
    assert store.record_release("demo", page(body=shorter)).kind == "edited"


def test_nothing_outside_storage_touches_the_store_handle():
    # The store's SQLite handle (Store.db) is the library's own: callers use Store methods and
    # store.outbox; tests read the file with their own connection (tests/support/store.py).
    root = Path(__file__).resolve().parents[1]
    handle = re.compile(r"\b\w*store\w*\.db\b|\.db\.conn\b|\.outbox\._db\b")
    found = [
        f"{path.relative_to(root)}:{n}: {line.strip()}"
        for folder in ("crawler", "spiders", "benchmarks", "tests")
        for path in sorted((root / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if handle.search(line) and "handle = re.compile" not in line
    ]
    assert found == []


def test_a_versions_title_variant_is_kept_beside_it_and_never_an_edit(store):
    crawl = store.start_crawl("demo")
    store.record_release("demo", page(title_variant="市委会议召开"), crawl_id=crawl)
    again = store.record_release("demo", page(title_variant="另一种写法"), crawl_id=crawl)
    assert again.kind == "unchanged"
    [version] = store.versions("http://x.gov.cn/a/t20221214_1.html")
    assert version["title_variant"] == "市委会议召开"
    store.reextract_version(
        version["id"],
        {
            "title": "市委召开会议",
            "body": "第一段。\n\n第二段。",
            "source": "临江日报",
            "published_at": "2022-12-14T15:00:00+08:00",
            "title_variant": None,
        },
        model_revision=None,
        extractor_revision=None,
    )
    assert store.versions("http://x.gov.cn/a/t20221214_1.html")[0]["title_variant"] is None


@pytest.mark.parametrize(
    "stored, compared",
    [
        ("【置顶】关于开展2024年度安全生产检查的通知", "关于开展2024年度安全生产检查的通知"),
        ("[顶] 关于开展2024年度安全生产检查的通知", "关于开展2024年度安全生产检查的通知"),
        ("[新]关于开展2024年度安全生产检查的通知", "关于开展2024年度安全生产检查的通知"),
        ("【NEW】【置顶】关于开展2024年度安全生产检查的通知", "关于开展2024年度安全生产检查的通知"),
        ("NEW关于开展2024年度安全生产检查的通知", "关于开展2024年度安全生产检查的通知"),
        ("关于开展2024年度安全生产检查的通知（置顶）", "关于开展2024年度安全生产检查的通知"),
        ("新时代文明实践中心建设推进会召开", "新时代文明实践中心建设推进会召开"),
        ("New guidance for schools", "New guidance for schools"),
        ("【新】", "【新】"),
    ],
    ids=[
        "pin-bracketed",
        "ding-bracketed",
        "fresh-bracketed",
        "two-marks",
        "new-bare",
        "pin-after",
        "title-starting-with-xin",
        "english-new",
        "mark-alone",
    ],
)
def test_rows_stored_with_marks_compare_without_them(stored, compared):
    assert row_title(stored) == compared
