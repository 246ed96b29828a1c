"""When a known release is checked again, and what a notice at its address means: a notice in
the site's chrome at a removed release's address does not bring it back; a response held as not
the page is no check (the release stays due, so the edit after a maintenance day is found the
next day); a daily check is due when the next day's crawl starts a little earlier."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import FetchedRelease, Store
from support.store import sql

URL = "http://www.jiangyu.gov.cn/art/2024/3/5/art_1021_88.html"
TITLE = "关于做好2024年春季农业生产工作的通知"
BODY = "\n\n".join(
    f"{n}、各乡镇要抓好春耕备耕，落实第{n}项措施，确保粮食播种面积稳定在{n * 3}万亩以上。"
    for n in range(1, 9)
)
START = datetime(2024, 3, 6, 6, 0, 30, tzinfo=UTC)

NOTICES = [
    ("系统维护公告", "尊敬的用户：本网站正在进行系统升级维护，维护期间暂停访问，敬请谅解！"),
    ("江屿市人民政府", "网站维护中\n\n请稍后再访问。"),
    ("Scheduled maintenance", "We'll be back soon: the site is down for scheduled maintenance."),
    ("用户登录", "该信息需登录后查看，请先登录。"),
]


def _page(title=TITLE, body=BODY, published="2024-03-05 09:00"):
    return FetchedRelease(url=URL, title=title, body=body, published_at=published)


def _kinds(store):
    return [e["kind"] for e in store.events(include_baseline=True)]


def _removed(store, now):
    store.record_release("demo", _page())
    store.record_missing("demo", URL, "HTTP 404", http_status=404, confirm_after=3600)
    now[0] += timedelta(hours=2)
    assert store.record_missing("demo", URL, "HTTP 404", confirm_after=3600) == "removed"


@pytest.mark.parametrize(
    ("title", "body"), NOTICES, ids=["zh-title", "zh-heading", "en-maintenance", "login"]
)
def test_a_notice_in_the_chrome_at_a_removed_releases_address_does_not_restore_it(
    tmp_path, title, body
):
    now = [START]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        _removed(store, now)
        for _ in range(2):
            now[0] += timedelta(days=1)
            assert store.record_release("demo", _page(title, body, None)).kind == "held"
        release = store.releases()[0]
        assert release["status"] == "removed"
        assert _kinds(store) == ["new", "removed"]
        reasons = [r for (r,) in sql(store, "SELECT reason FROM fetch_failures ORDER BY id")]
        assert reasons[-1].startswith("not the page: a notice in the site's chrome")
        assert "removed release" in reasons[-1]
        now[0] += timedelta(days=1)
        back = store.record_release("demo", _page())
        assert back.restored and back.kind == "unchanged"
        assert _kinds(store) == ["new", "removed", "restored"]


def test_a_page_saying_it_is_gone_at_a_removed_releases_address_keeps_it_removed(tmp_path):
    now = [START]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        _removed(store, now)
        now[0] += timedelta(days=1)
        gone = _page("江屿市人民政府", "抱歉，您访问的页面不存在或已被删除！\n\n返回首页", None)
        assert store.record_release("demo", gone).kind == "held"
        assert store.releases()[0]["status"] == "removed"
        assert _kinds(store) == ["new", "removed"]


def test_a_removed_release_back_with_its_text_edited_is_restored_and_edited(tmp_path):
    now = [START]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        _removed(store, now)
        now[0] += timedelta(days=1)
        edited = _page(body=BODY.replace("1、", "1、（已修订）"))
        result = store.record_release("demo", edited)
        assert result.restored and result.kind == "edited"


def _due(store, moment):
    return store.due_revisits("demo", (1, 7, 30), now=moment)


def test_a_held_response_is_no_check_and_the_edit_is_found_the_next_day(tmp_path):
    now = [START]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", _page())  # two days old by the next crawl: daily checks
        now[0] += timedelta(days=1)
        assert _due(store, now[0]) == [URL]
        notice = _page("系统维护公告", NOTICES[0][1], None)
        assert store.record_release("demo", notice, confirm_after=3600).kind == "held"
        # Still due: the next crawl (an hour later, or the next day) checks it again.
        assert _due(store, now[0] + timedelta(hours=1)) == [URL]
        now[0] += timedelta(days=1)
        edited = _page(body=BODY.replace("稳定在3万亩", "稳定在4万亩"))
        assert store.record_release("demo", edited).kind == "edited"
        assert _kinds(store) == ["new", "edited"]
        assert _due(store, now[0] + timedelta(hours=1)) == []


def test_a_daily_check_is_due_when_the_next_crawl_starts_a_little_earlier(tmp_path):
    now = [START]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", _page())
        # The next day's crawl plans at 06:00:02; the release was reached at 06:00:30.
        assert _due(store, START + timedelta(days=1, seconds=-28)) == [URL]
        assert _due(store, START + timedelta(hours=12)) == []
