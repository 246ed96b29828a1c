"""The alert tests' own helpers (tests/support/alerts.py) work: a message reaches the loopback
SMTP server, and a store made by ``make_store`` starts with a baseline."""

from __future__ import annotations

from support.alerts import SITE, crawl, make_store, release


def test_smtp_server_receives_a_message(smtp_server):
    import smtplib

    with smtplib.SMTP("127.0.0.1", smtp_server.port, timeout=5) as client:
        client.sendmail("a@example.org", ["b@example.org"], b"Subject: hi\r\n\r\nbody\r\n")
    assert smtp_server.mailbox.messages[0]["Subject"] == "hi"


def test_make_store_records_a_baseline(tmp_path):
    store = make_store(tmp_path / "a.db")
    assert store.events(include_baseline=True)[0]["baseline"] is True
    crawl(store, SITE, [release(1, "新文章")])
    assert [e["baseline"] for e in store.events()] == [False]
