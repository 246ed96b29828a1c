"""Delivery through a real SMTP server on loopback: once, retried, refused, never duplicated."""

from __future__ import annotations

import os
import signal
import ssl
import subprocess
import sys
import time

import pytest
from aiosmtpd.smtp import AuthResult

from crawler.alerts import send_pending, sync_subscriptions
from support.alerts import (
    SITE,
    SITE_TITLE,
    Clock,
    SmtpServer,
    add_site,
    crawl,
    free_port,
    make_config,
    make_store,
    release,
    self_signed_cert,
    toml_text,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READER = {"to": "读者 <reader@example.org>", "kinds": ["new", "edited"]}


def statuses(store) -> list[str]:
    return [row["status"] for row in store.outbox.alerts()]


def test_new_and_edited_releases_arrive_in_one_message(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(smtp_server.port, subscriptions=[READER])
    send_pending(store, config, now=clock())
    clock.advance(hours=1)
    crawl(
        store,
        SITE,
        [
            release(1, "关于做好春季森林防火工作的通知"),
            release(2, "岳阳市统战工作会议召开"),
            release(3, "市政府常务会议"),
            release(0, "基线文章", body="正文第一段。\n第二段改过了。"),
        ],
    )
    report = send_pending(store, config, now=clock())
    assert (report.sent, report.failed, report.retrying) == (1, 0, 0)
    [(rcpt, message)] = smtp_server.mailbox.received
    assert rcpt == ["reader@example.org"]
    assert message["Subject"] == f"[{SITE_TITLE}] 3 new, 1 edited"
    assert message["To"] == "读者 <reader@example.org>"
    assert message["From"] == "公告监测 <alerts@bulletin.example>"
    assert message["Message-ID"].startswith("<bulletin.") and message["Message-ID"].endswith(
        "@bulletin.example>"
    )
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text.get_content_charset() == html.get_content_charset() == "utf-8"
    plain, markup = text.get_content(), html.get_content()
    for content in (plain, markup):
        assert "关于做好春季森林防火工作的通知" in content
        assert "岳阳市人民政府办公室" in content
        assert "2026-03-02 09:30" in content
        assert "正文第一段。" in content
    assert "[-第二段-]{+第二段改过了+}" in plain or "改过了" in plain
    assert "<ins>" in markup and "改过了" in markup
    assert statuses(store) == ["sent"] * 4
    assert send_pending(store, config, now=clock.advance(minutes=5)).messages == []
    assert len(smtp_server.mailbox.received) == 1


def test_server_down_then_up_delivers_once(tmp_path, smtp_down):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(smtp_down.port, subscriptions=[READER])
    sync_subscriptions(store, config)
    crawl(store, SITE, [release(1, "通知一"), release(2, "通知二")])
    report = send_pending(store, config, now=clock())
    assert report.retrying == 1
    assert "connection refused" in report.messages[0]["error"]
    [row, _] = store.outbox.alerts(status="pending")
    assert row["attempts"] == 1 and "connection refused" in row["error"]
    smtp_down.start()
    # Still inside the backoff: nothing is attempted.
    assert send_pending(store, config, now=clock.advance(seconds=30)).messages == []
    crawl(store, SITE, [release(3, "通知三")])
    report = send_pending(store, config, now=clock.advance(minutes=2))
    assert report.sent == 1
    [message] = smtp_down.mailbox.messages
    assert message["Subject"] == f"[{SITE_TITLE}] 3 new"
    assert send_pending(store, config, now=clock.advance(hours=1)).messages == []
    assert len(smtp_down.mailbox.messages) == 1


@pytest.mark.parametrize(
    "script",
    [
        {"rcpt_replies": {"reader@example.org": "450 4.2.1 mailbox busy"}},
        {"data_replies": ["451 4.3.0 try again later"]},
    ],
    ids=["rcpt-450", "data-451"],
)
def test_temporary_refusal_then_success(tmp_path, smtp_server, script):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(smtp_server.port, subscriptions=[READER])
    sync_subscriptions(store, config)
    crawl(store, SITE, [release(1, "通知一")])
    for key, value in script.items():
        setattr(smtp_server.mailbox, key, value)
    first = send_pending(store, config, now=clock())
    assert first.retrying == 1 and first.messages[0]["error"].split(": ")[-1][:2] == "45"
    smtp_server.mailbox.rcpt_replies = {}
    second = send_pending(store, config, now=clock.advance(minutes=2))
    assert second.sent == 1
    assert second.messages[0]["token"] == first.messages[0]["token"]
    assert len(smtp_server.mailbox.messages) == 1
    assert statuses(store) == ["sent"]


def test_permanent_refusal_is_recorded_and_others_still_get_it(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(
        smtp_server.port,
        subscriptions=[{"to": ["gone@example.org", "reader@example.org"], "name": "team"}],
    )
    sync_subscriptions(store, config)
    smtp_server.mailbox.rcpt_replies = {"gone@example.org": "550 5.1.1 no such user"}
    crawl(store, SITE, [release(1, "通知一")])
    report = send_pending(store, config, now=clock())
    assert report.failed == 1
    [(rcpt, _)] = smtp_server.mailbox.received
    assert rcpt == ["reader@example.org"]
    [row] = store.outbox.alerts(status="failed")
    assert (
        row["error"] == "delivered to reader@example.org; gone@example.org: 550 5.1.1 no such user"
    )
    assert store.outbox.alerts(status="pending") == []
    assert send_pending(store, config, now=clock.advance(days=1)).messages == []


def test_two_hundred_events_make_one_message(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(smtp_server.port, subscriptions=[READER])
    sync_subscriptions(store, config)
    crawl(store, SITE, [release(n, f"第{n}号公告") for n in range(1, 201)])
    report = send_pending(store, config, now=clock())
    assert report.messages[0]["alerts"] == 200
    [message] = smtp_server.mailbox.messages
    assert message["Subject"] == f"[{SITE_TITLE}] 200 new"
    plain = message.get_body(("plain",)).get_content()
    assert "… and 150 more (150 new):" in plain
    assert plain.count("正文第一段") == 50


def test_baseline_sends_one_note_per_subscription(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(smtp_server.port, subscriptions=[READER], sites=(SITE, "changsha"))
    send_pending(store, config, now=clock())
    add_site(
        store,
        "changsha",
        title="长沙市人民政府",
        baseline=[release(100 + n, f"长沙公告{n}") for n in range(30)],
    )
    send_pending(store, config, now=clock.advance(minutes=1))
    [message] = smtp_server.mailbox.messages
    assert message["Subject"] == "[长沙市人民政府] now monitoring: 30 releases archived"
    assert "30 releases archived" in message.get_body(("plain",)).get_content()


def test_alerts_of_a_running_crawl_wait_for_its_end(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(smtp_server.port, subscriptions=[READER])
    sync_subscriptions(store, config)
    crawl_id = store.start_crawl(SITE)
    store.record_release(SITE, release(1, "通知一"), crawl_id=crawl_id)
    assert send_pending(store, config, now=clock()).messages == []
    store.record_release(SITE, release(2, "通知二"), crawl_id=crawl_id)
    store.finish_crawl(crawl_id)
    assert send_pending(store, config, now=clock()).sent == 1
    assert smtp_server.mailbox.messages[0]["Subject"] == f"[{SITE_TITLE}] 2 new"


def _tls_server(tmp_path, mode):
    cert, key = self_signed_cert(tmp_path)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=auth_data.password == b"s3cret")

    if mode == "starttls":
        kwargs = {
            "tls_context": server_context,
            "require_starttls": True,
            "authenticator": authenticator,
            "auth_require_tls": True,
        }
    else:
        # aiosmtpd only counts STARTTLS as TLS; this connection is TLS from the first byte.
        kwargs = {
            "ssl_context": server_context,
            "authenticator": authenticator,
            "auth_require_tls": False,
        }
    server = SmtpServer(free_port(), kwargs=kwargs)
    return server, cert, logins


@pytest.mark.parametrize("mode", ["starttls", "tls"], ids=["starttls-login", "implicit-tls-login"])
def test_tls_modes_with_password_from_environment(tmp_path, mode):
    server, cert, logins = _tls_server(tmp_path, mode)
    server.start()
    try:
        clock = Clock()
        store = make_store(tmp_path / "a.db", clock)
        config = make_config(
            server.port,
            subscriptions=[READER],
            tls=mode,
            smtp_extra={"username": "bot", "password_env": "TEST_SMTP_PW", "ca_file": str(cert)},
        )
        sync_subscriptions(store, config)
        crawl(store, SITE, [release(1, "通知一")])
        missing = send_pending(store, config, now=clock(), environ={})
        assert missing.messages[0]["error"] == (
            "smtp: environment variable TEST_SMTP_PW is not set (smtp.username needs a password)"
        )
        report = send_pending(
            store, config, now=clock.advance(minutes=2), environ={"TEST_SMTP_PW": "s3cret"}
        )
        assert report.sent == 1
        assert logins == [("bot", "s3cret")]
        assert len(server.mailbox.messages) == 1
    finally:
        server.stop()


def test_starttls_not_offered_is_a_clear_retryable_error(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(smtp_server.port, subscriptions=[READER], tls="starttls")
    sync_subscriptions(store, config)
    crawl(store, SITE, [release(1, "通知一")])
    report = send_pending(store, config, now=clock())
    assert report.retrying == 1
    assert "does not offer STARTTLS" in report.messages[0]["error"]
    assert smtp_server.mailbox.messages == []


def test_process_killed_mid_send_repeats_only_the_message_in_flight(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    subscriptions = [{"name": f"sub{n}", "to": f"reader{n}@example.org"} for n in range(3)]
    config_path = tmp_path / "sites.toml"
    config_path.write_text(
        toml_text(
            {
                "sites": {
                    SITE: {"start_urls": ["https://www.yueyang.gov.cn/"], "title": SITE_TITLE}
                },
                "smtp": {
                    "host": "127.0.0.1",
                    "port": smtp_server.port,
                    "tls": "none",
                    "from": "alerts@bulletin.example",
                    "timeout": 20,
                },
                "subscriptions": subscriptions,
            }
        ),
        encoding="utf-8",
    )
    config = make_config(smtp_server.port, subscriptions=subscriptions)
    send_pending(store, config)
    crawl(store, SITE, [release(1, "通知一"), release(2, "通知二")])
    store.close()
    mailbox = smtp_server.mailbox
    mailbox.hang_after = 1  # the second message is received, then never acknowledged
    env = {**os.environ, "PYTHONPATH": ROOT}
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from crawler.cli import main; main()",
            "--db",
            str(tmp_path / "a.db"),
            "--config",
            str(config_path),
            "alerts",
            "send",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while len(mailbox.received) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert len(mailbox.received) == 2, process.communicate(timeout=5)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    mailbox.hang_after = None

    from storage import Store

    with Store(tmp_path / "a.db") as store:
        report = send_pending(store, config)
        assert report.sent == 2
        assert store.outbox.alerts(status="pending") == []
    by_recipient: dict[str, list[str]] = {}
    for rcpt, message in mailbox.received:
        by_recipient.setdefault(rcpt[0], []).append(message["Message-ID"])
    assert sorted((k, len(v)) for k, v in by_recipient.items()) == [
        ("reader0@example.org", 1),
        ("reader1@example.org", 2),
        ("reader2@example.org", 1),
    ]
    repeated = by_recipient["reader1@example.org"]
    assert repeated[0] == repeated[1]


def test_a_failing_message_does_not_stop_the_others(tmp_path, smtp_server, monkeypatch):
    from crawler.alerts.channels import EmailChannel

    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(
        smtp_server.port,
        subscriptions=[{"name": "a", "to": "a@example.org"}, {"name": "b", "to": "b@example.org"}],
    )
    sync_subscriptions(store, config)
    crawl(store, SITE, [release(1, "通知")])
    deliver = EmailChannel.deliver

    def broken(self, message, items):
        if message["subscription"] == "a":
            raise KeyError("site_title")
        return deliver(self, message, items)

    monkeypatch.setattr(EmailChannel, "deliver", broken)
    report = send_pending(store, config, now=clock())
    assert [(m["subscription"], m["status"]) for m in report.messages] == [
        ("a", "sending"),
        ("b", "sent"),
    ]
    assert report.messages[0]["error"] == "internal error: KeyError: 'site_title'"
    monkeypatch.setattr(EmailChannel, "deliver", deliver)
    assert send_pending(store, config, now=clock.advance(minutes=2)).sent == 1
    assert sorted(rcpt[0] for rcpt, _ in smtp_server.mailbox.received) == [
        "a@example.org",
        "b@example.org",
    ]


def test_a_removal_alert_links_to_the_archived_copy(tmp_path, smtp_server):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(
        smtp_server.port, subscriptions=[{"to": "reader@example.org", "kinds": ["removed"]}]
    )
    send_pending(store, config, now=clock())
    gone = release(0, "基线文章")
    crawl_id = store.start_crawl(SITE)
    for _ in range(2):
        store.record_missing(
            SITE, gone.url, "HTTP 404", crawl_id=crawl_id, http_status=404, confirm_after=0
        )
    store.finish_crawl(crawl_id)
    archive = "https://archive.example.org/bulletin"
    report = send_pending(store, config, now=clock.advance(minutes=5), archive_url=archive)
    assert report.sent == 1
    [(_, message)] = smtp_server.mailbox.received
    version_id = store.versions(gone.url)[-1]["id"]
    for part in ("plain", "html"):
        assert f"{archive}/versions/{version_id}" in message.get_body((part,)).get_content()
