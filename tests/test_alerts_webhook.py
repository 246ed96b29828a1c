"""Webhooks: JSON POSTs to a local HTTP server with the outbox's guarantees."""

from __future__ import annotations

import hashlib
import hmac

from crawler.alerts import queue_health, send_pending, sync_subscriptions
from support.alerts import (
    SITE,
    SITE_TITLE,
    Clock,
    crawl,
    free_port,
    make_config,
    make_store,
    release,
)


def setup(tmp_path, url, **hook):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(webhooks={"archive": {"url": url, **hook}})
    sync_subscriptions(store, config)
    return clock, store, config


def test_events_are_posted_signed_and_documented_fields_present(tmp_path, webhook_receiver):
    clock, store, config = setup(
        tmp_path, webhook_receiver.url, kinds=["new", "edited", "health"], secret_env="HOOK_SECRET"
    )
    crawl(
        store,
        SITE,
        [
            release(1, "通知", column="学习贯彻"),
            release(0, "基线文章", body="正文第一段。\n改了。"),
        ],
    )
    queue_health(store, SITE, "broken", "zero list items", now=clock())
    report = send_pending(store, config, now=clock(), environ={"HOOK_SECRET": "k"})
    assert report.sent == 1
    [request] = webhook_receiver.requests
    body, headers, payload = request["body"], request["headers"], request["json"]
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["X-Bulletin-Delivery"] == payload["delivery"] == report.messages[0]["token"]
    assert (
        headers["X-Bulletin-Signature"]
        == "sha256=" + hmac.new(b"k", body, hashlib.sha256).hexdigest()
    )
    assert payload["subscription"] == "archive"
    kinds = [event["kind"] for event in payload["events"]]
    assert kinds == ["health", "new", "edited"]
    health, new, edited = payload["events"]
    assert health == {
        "kind": "health",
        "site": SITE,
        "site_title": SITE_TITLE,
        "state": "broken",
        "detail": "zero list items",
        "at": "2026-03-02T01:00:00+00:00",
    }
    assert (
        new["title"] == "通知"
        and new["column"] == "学习贯彻"
        and new["url"].endswith("t20260302_1.html")
    )
    assert set(new) == {
        "kind",
        "site",
        "site_title",
        "event_id",
        "detected_at",
        "url",
        "title",
        "source",
        "published_at",
        "column",
        "attachments",
        "excerpt",
        "changed_fields",
        "changes",
        "body_diff",
    }
    assert edited["changed_fields"] == ["body"] and "改了" in edited["body_diff"]


def test_server_error_then_success_delivers_once(tmp_path, webhook_receiver):
    clock, store, config = setup(tmp_path, webhook_receiver.url)
    crawl(store, SITE, [release(1, "通知")])
    webhook_receiver.statuses = [503]
    assert send_pending(store, config, now=clock()).retrying == 1
    assert send_pending(store, config, now=clock.advance(minutes=2)).sent == 1
    assert len(webhook_receiver.requests) == 1
    assert send_pending(store, config, now=clock.advance(hours=1)).messages == []


def test_receiver_down_is_retried(tmp_path):
    clock, store, config = setup(tmp_path, f"http://127.0.0.1:{free_port()}/hook")
    crawl(store, SITE, [release(1, "通知")])
    report = send_pending(store, config, now=clock())
    assert report.retrying == 1 and "cannot connect" in report.messages[0]["error"]


def test_client_error_is_permanent(tmp_path, webhook_receiver):
    clock, store, config = setup(tmp_path, webhook_receiver.url)
    crawl(store, SITE, [release(1, "通知")])
    webhook_receiver.statuses = [404]
    assert send_pending(store, config, now=clock()).failed == 1
    [row] = store.outbox.alerts(status="failed")
    assert row["error"] == f"{webhook_receiver.url}: HTTP 404 Not Found"


def test_many_events_are_posted_in_chunks_of_max_items(tmp_path, webhook_receiver):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(
        webhooks={"archive": {"url": webhook_receiver.url}}, alerts={"max_items": 50}
    )
    sync_subscriptions(store, config)
    crawl(store, SITE, [release(n, f"公告{n}") for n in range(1, 121)])
    assert send_pending(store, config, now=clock()).sent == 3
    sizes = [len(r["json"]["events"]) for r in webhook_receiver.requests]
    assert sizes == [50, 50, 20]
    assert len({r["json"]["delivery"] for r in webhook_receiver.requests}) == 3
