"""The outbox decisions: which rows an event writes (sites, kinds, keywords, baseline), digest
timing with a controllable clock, health notices once per state change, removed subscriptions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.alerts import (
    judge_health,
    next_digest_time,
    next_digest_times,
    queue_alerts,
    queue_health,
    send_pending,
    sync_subscriptions,
)
from storage import Store, sender_identity
from support.alerts import (
    SITE,
    SITE_TITLE,
    T0,
    Clock,
    add_site,
    crawl,
    make_config,
    make_store,
    release,
)
from support.store import sql


def alert_titles(store) -> list[str]:
    return sorted(row["title"] for row in store.outbox.alerts())


@pytest.mark.parametrize(
    "subscription, expected",
    [
        ({"keywords_any": ["统战"]}, ["岳阳市統戰工作会议", "统战部走访", "统一战线专题"]),
        ({"keywords_any": ["統戰"]}, ["岳阳市統戰工作会议", "统战部走访", "统一战线专题"]),
        (
            {"keywords_any": ["统战"], "keywords_in": ["title"]},
            ["岳阳市統戰工作会议", "统战部走访"],
        ),
        ({"keywords_all": ["统战", "会议"]}, ["岳阳市統戰工作会议"]),
        ({"keywords_any": ["state council"]}, ["State Council notice"]),
        ({"keywords_any": ["防汛", "會議"]}, ["岳阳市統戰工作会议"]),
        (
            {},
            [
                "State Council notice",
                "天气预报",
                "岳阳市統戰工作会议",
                "统一战线专题",
                "统战部走访",
            ],
        ),
    ],
    ids=[
        "any-simplified-keyword",
        "any-traditional-keyword",
        "title-only",
        "all-of",
        "latin-case-insensitive",
        "any-of-two",
        "no-filter",
    ],
)
def test_keyword_filters(tmp_path, subscription, expected):
    store = make_store(tmp_path / "a.db")
    sync_subscriptions(
        store, make_config(25, subscriptions=[{"to": "r@example.org", **subscription}])
    )
    crawl(
        store,
        SITE,
        [
            release(1, "岳阳市統戰工作会议"),
            release(2, "统战部走访"),
            release(3, "统一战线专题", body="市委統(tǒng)戰(zhàn)部\n召开座谈。"),
            release(4, "天气预报", body="晴。"),
            release(5, "State Council notice", body="The STATE COUNCIL met."),
        ],
    )
    assert alert_titles(store) == sorted(expected)


@pytest.mark.parametrize(
    "subscription, kinds",
    [
        ({}, ["new"]),
        ({"kinds": ["edited"]}, ["edited"]),
        ({"kinds": ["new", "edited"], "sites": ["changsha"]}, []),
        ({"kinds": ["new", "edited"], "site": SITE}, ["edited", "new"]),
    ],
    ids=["new-by-default", "edited-only", "other-site", "this-site"],
)
def test_kinds_and_sites(tmp_path, subscription, kinds):
    store = make_store(tmp_path / "a.db")
    config = make_config(
        25, subscriptions=[{"to": "r@example.org", **subscription}], sites=(SITE, "changsha")
    )
    sync_subscriptions(store, config)
    crawl(store, SITE, [release(1, "新文章"), release(0, "基线文章改题")])
    assert sorted(row["kind"] for row in store.outbox.alerts()) == kinds


def test_baseline_events_write_one_note_per_subscription_and_site(tmp_path):
    store = make_store(tmp_path / "a.db")
    config = make_config(
        25,
        subscriptions=[{"to": "a@example.org"}, {"to": "b@example.org", "kinds": ["edited"]}],
        sites=(SITE, "changsha"),
    )
    sync_subscriptions(store, config)
    add_site(
        store,
        "changsha",
        title="长沙市人民政府",
        baseline=[release(100 + n, f"公告{n}") for n in range(12)],
    )
    rows = store.outbox.alerts()
    assert [(row["kind"], row["site"], row["subscription"]) for row in rows] == [
        ("baseline", "changsha", "email:a@example.org:*")
    ]


def test_digest_waits_for_the_time_of_day_in_its_zone(tmp_path, smtp_server):
    clock = Clock(T0)  # 09:00 in Shanghai
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(
        smtp_server.port,
        subscriptions=[
            {
                "to": "r@example.org",
                "delivery": "digest",
                "digest": "08:00",
                "timezone": "Asia/Shanghai",
            }
        ],
    )
    sync_subscriptions(store, config, now=clock())
    crawl(store, SITE, [release(1, "上午的通知")])
    clock.advance(hours=6)
    crawl(store, SITE, [release(2, "下午的通知")])
    due = datetime(2026, 3, 3, 0, 0, tzinfo=UTC)  # 08:00 the next morning in Shanghai
    assert next_digest_times(config, now=clock()) == [due]
    assert send_pending(store, config, now=clock()).messages == []
    assert send_pending(store, config, now=datetime(2026, 3, 2, 23, 59, tzinfo=UTC)).messages == []
    report = send_pending(store, config, now=due)
    assert report.sent == 1 and report.messages[0]["alerts"] == 2
    [message] = smtp_server.mailbox.messages
    assert message["Subject"] == f"[{SITE_TITLE}] 2 new"
    assert send_pending(store, config, now=datetime(2026, 3, 4, 0, 0, tzinfo=UTC)).messages == []


def test_changing_the_digest_time_reschedules_pending_rows(tmp_path):
    clock = Clock(T0)
    store = make_store(tmp_path / "a.db", clock)
    sub = {
        "name": "daily",
        "to": "r@example.org",
        "delivery": "digest",
        "digest": "08:00",
        "timezone": "Asia/Shanghai",
    }
    sync_subscriptions(store, make_config(25, subscriptions=[sub]), now=clock())
    crawl(store, SITE, [release(1, "通知")])
    assert store.outbox.alerts()[0]["deliver_after"] == "2026-03-03T00:00:00+00:00"
    sync_subscriptions(
        store, make_config(25, subscriptions=[{**sub, "digest": "18:30"}]), now=clock()
    )
    assert store.outbox.alerts()[0]["deliver_after"] == "2026-03-02T10:30:00+00:00"


@pytest.mark.parametrize(
    "after, at, zone, expected",
    [
        ("2026-03-02T01:00:00+00:00", "08:00", "Asia/Shanghai", "2026-03-03T00:00:00+00:00"),
        ("2026-03-02T00:00:00+00:00", "08:00", "Asia/Shanghai", "2026-03-02T00:00:00+00:00"),
        ("2026-03-01T23:59:00+00:00", "08:00", "Asia/Shanghai", "2026-03-02T00:00:00+00:00"),
        ("2026-03-08T05:00:00+00:00", "02:30", "America/New_York", "2026-03-08T07:30:00+00:00"),
        ("2026-06-01T12:00:00+00:00", "07:00", "Europe/London", "2026-06-02T06:00:00+00:00"),
    ],
    ids=["later-today-passed", "exactly-now", "just-before", "skipped-by-dst", "summer-time"],
)
def test_next_digest_time(after, at, zone, expected):
    assert next_digest_time(datetime.fromisoformat(after), at, zone).isoformat() == expected


def test_health_alerts_go_to_operators_once_per_state_change(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(
        smtp_server.port,
        operators=["ops@example.org"],
        subscriptions=[{"to": "reader@example.org"}],
    )
    sync_subscriptions(store, config)
    assert queue_health(store, SITE, "recovered", None, now=clock()) == 0
    assert queue_health(store, SITE, "broken", "zero list items", now=clock()) == 1
    assert queue_health(store, SITE, "broken", "zero list items", now=clock()) == 0
    send_pending(store, config, now=clock())
    assert queue_health(store, SITE, "recovered", None, now=clock.advance(hours=6)) == 1
    send_pending(store, config, now=clock())
    received = smtp_server.mailbox.received
    assert [(rcpt, m["Subject"]) for rcpt, m in received] == [
        (["ops@example.org"], f"[{SITE_TITLE}] site broken: zero list items"),
        (["ops@example.org"], f"[{SITE_TITLE}] site recovered"),
    ]
    assert "zero list items" in received[0][1].get_body(("plain",)).get_content()


def test_store_health_changes_reach_the_outbox(tmp_path):
    store = make_store(tmp_path / "a.db")
    sync_subscriptions(store, make_config(25, operators=["ops@example.org"]))
    for _ in range(3):
        crawl_id = store.start_crawl(SITE)
        store.finish_crawl(crawl_id, status="failed", error="HTTP 503")
        judge_health(store, SITE, crawl_id)
    rows = store.outbox.alerts()
    assert [(row["kind"], row["detail"]["state"]) for row in rows] == [("health", "broken")]


def test_site_health_changes_are_recorded_once_per_change(tmp_path):
    store = make_store(tmp_path / "a.db")

    def crawl(list_links):
        crawl_id = store.start_crawl(SITE)
        store.finish_crawl(crawl_id, stats={"list_pages": 2, "list_links": list_links})
        return judge_health(store, SITE, crawl_id, broken_after=3)

    assert crawl(20) is None
    assert [crawl(0) for _ in range(2)] == [None, None]
    change = crawl(0)
    assert change["state"] == "broken" and "no items" in change["reason"]
    assert crawl(0) is None  # still broken: no new record
    assert crawl(15)["state"] == "ok"
    states = [row[0] for row in sql(store, "SELECT state FROM site_health_changes ORDER BY id")]
    assert states == ["broken", "ok"]


def test_removed_subscription_cancels_its_pending_rows(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    keep, drop = {"name": "keep", "to": "k@example.org"}, {"name": "drop", "to": "d@example.org"}
    sync_subscriptions(store, make_config(smtp_server.port, subscriptions=[keep, drop]))
    crawl(store, SITE, [release(1, "通知")])
    report = send_pending(store, make_config(smtp_server.port, subscriptions=[keep]), now=clock())
    assert [m["subscription"] for m in report.messages] == ["keep"]
    [failed] = store.outbox.alerts(status="failed")
    assert (failed["subscription"], failed["status"], failed["error"]) == (
        "drop",
        "cancelled",
        "subscription removed from the configuration",
    )


def test_concurrent_senders_do_not_share_a_message(tmp_path):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    sync_subscriptions(store, make_config(25, subscriptions=[{"to": "r@example.org"}]))
    crawl(store, SITE, [release(1, "通知")])
    first = store.outbox.claim_messages(now=clock(), owner=sender_identity())
    second = store.outbox.claim_messages(now=clock(), owner=sender_identity())
    assert len(first) == 1 and second == []
    store.outbox.release_lease(first[0]["id"])
    assert len(store.outbox.claim_messages(now=clock(), owner=sender_identity())) == 1


def test_given_up_after_three_days(tmp_path, smtp_down):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(smtp_down.port, subscriptions=[{"to": "r@example.org"}])
    sync_subscriptions(store, config)
    crawl(store, SITE, [release(1, "通知")])
    for _ in range(30):
        send_pending(store, config, now=clock.advance(hours=3))
    [row] = store.outbox.alerts(status="failed")
    assert row["error"].startswith("r@example.org: gave up after ")
    assert "connection refused" in row["error"]


def test_events_of_a_crawl_that_died_before_closing_are_queued_by_the_next_send(
    tmp_path, smtp_server
):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(smtp_server.port, subscriptions=[{"to": "r@example.org"}])
    sync_subscriptions(store, config)
    crawl_id = store.start_crawl(SITE)
    store.record_release(SITE, release(1, "崩溃前的通知"), crawl_id=crawl_id)  # then the crawl dies
    assert store.outbox.alerts() == []
    report = send_pending(store, config, now=clock.advance(hours=13))  # past the stale-crawl wait
    assert report.sent == 1
    [message] = smtp_server.mailbox.messages
    assert "崩溃前的通知" in message.get_body(("plain",)).get_content()


def test_an_event_is_queued_once_however_often_the_queue_runs(tmp_path):
    store = make_store(tmp_path / "a.db")
    sync_subscriptions(store, make_config(25, subscriptions=[{"to": "r@example.org"}]))
    crawl(store, SITE, [release(1, "通知")])  # queued when the crawl closed
    assert queue_alerts(store) == 0
    with Store(store.path) as other:  # another process: the cursor is in the file
        assert queue_alerts(other) == 0
    assert alert_titles(store) == ["通知"]


def test_a_subscription_hears_only_of_events_recorded_after_it_was_configured(tmp_path):
    store = make_store(tmp_path / "a.db")
    crawl_id = store.start_crawl(SITE)
    store.record_release(SITE, release(1, "配置之前的通知"), crawl_id=crawl_id)
    store.finish_crawl(crawl_id)  # not queued yet: no after_crawl
    sync_subscriptions(store, make_config(25, subscriptions=[{"to": "r@example.org"}]))
    crawl(store, SITE, [release(2, "配置之后的通知")])
    assert alert_titles(store) == ["配置之后的通知"]


def test_events_stored_before_the_cursor_existed_are_not_queued_again(tmp_path):
    # A store from before migration m047 wrote each event's rows with the event.
    path = tmp_path / "a.db"
    store = make_store(path)
    sync_subscriptions(store, make_config(25, subscriptions=[{"to": "r@example.org"}]))
    crawl(store, SITE, [release(1, "升级前的通知")])
    store.close()
    for statement in (
        "DROP TABLE alert_cursor",
        "ALTER TABLE subscriptions DROP COLUMN from_event_id",
        "DELETE FROM _sqlite_migrations WHERE name = 'm047_alert_cursor'",
    ):
        sql(path, statement)
    with Store(path) as upgraded:
        assert queue_alerts(upgraded) == 0
        assert alert_titles(upgraded) == ["升级前的通知"]
        crawl(upgraded, SITE, [release(2, "升级后的通知")])
        assert alert_titles(upgraded) == ["升级前的通知", "升级后的通知"]
