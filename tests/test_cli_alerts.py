"""`bulletin alerts list | send` when delivery goes wrong: refused recipients, retries cron must
see, an SMTP server that accepts connections and never answers. Real aiosmtpd, a real silent
TCP server, the real CLI in a subprocess."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from storage import Store
from support.alerts import SITE, SITE_TITLE, crawl, make_config, make_store, release, toml_text
from support.cli_silent_server import SilentServer
from support.harness import run_cli

EXIT_UNDELIVERED = 3


def write_config(path, port, subscriptions, timeout=5):
    path.write_text(
        toml_text(
            {
                "sites": {
                    SITE: {"start_urls": ["https://www.yueyang.gov.cn/"], "title": SITE_TITLE}
                },
                "smtp": {
                    "host": "127.0.0.1",
                    "port": port,
                    "tls": "none",
                    "from": "alerts@bulletin.example",
                    "timeout": timeout,
                },
                "subscriptions": subscriptions,
            }
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()


def _store_with_alerts(db, config, count=1):
    """A store whose latest crawl found ``count`` new releases, alerted to ``config``'s subscriptions."""
    from crawler.alerts import sync_subscriptions
    from crawler.config import load_config

    with make_store(db) as store:
        sync_subscriptions(store, load_config(config))
        crawl(store, SITE, [release(n, f"关于第{n}项工作的通知") for n in range(1, count + 1)])


def _list(db, config, *args):
    result = run_cli("alerts", "list", "--json", *args, db=db, config=config)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_refused_recipient_shows_at_once_while_the_others_are_retried(tmp_path, smtp_server):
    smtp_server.mailbox.rcpt_replies = {
        "gone@example.org": "550 5.1.1 no such user",
        "busy@example.org": "451 4.3.0 mailbox busy, try later",
    }
    db = tmp_path / "a.db"
    config = write_config(
        tmp_path / "sites.toml",
        smtp_server.port,
        [{"name": "team", "to": ["gone@example.org", "busy@example.org"]}],
    )
    _store_with_alerts(db, config)
    sent = run_cli("alerts", "send", db=db, config=config)
    assert sent.exit_code == EXIT_UNDELIVERED, sent.stdout + sent.stderr
    [row] = _list(db, config)
    assert row["status"] == "pending"  # still retried for busy@
    assert row["refused"] == {"gone@example.org": "550 5.1.1 no such user"}
    assert "gone@example.org refused: 550 5.1.1 no such user" in row["error"]
    assert "retrying busy@example.org: busy@example.org: 451" in row["error"]
    assert [r["id"] for r in _list(db, config, "--failed")] == [row["id"]]
    table = run_cli("alerts", "list", db=db, config=config).stdout
    assert "gone@example.org refused" in table


def test_send_exits_3_while_alerts_wait_for_a_retry(tmp_path, smtp_server):
    smtp_server.mailbox.rcpt_replies = {"busy@example.org": "451 4.3.0 mailbox busy, try later"}
    db = tmp_path / "a.db"
    config = write_config(
        tmp_path / "sites.toml", smtp_server.port, [{"name": "team", "to": "busy@example.org"}]
    )
    _store_with_alerts(db, config, count=3)
    first = run_cli("alerts", "send", db=db, config=config)
    assert first.exit_code == EXIT_UNDELIVERED
    # The retry is not due yet: nothing is attempted, yet cron must still see the stuck alerts.
    again = run_cli("alerts", "send", db=db, config=config)
    assert again.exit_code == EXIT_UNDELIVERED, again.stdout + again.stderr
    assert again.stdout.strip() == "nothing to send"
    assert again.stderr.strip().startswith("3 alerts wait for a retry (next attempt 20")
    summary = json.loads(run_cli("alerts", "send", "--json", db=db, config=config).stdout)
    assert summary["alerts_waiting_for_retry"] == 3 and summary["messages"] == []
    assert summary["next_attempt_at"]


def test_nothing_due_and_nothing_stuck_exits_0(tmp_path, smtp_server):
    db = tmp_path / "a.db"
    config = write_config(
        tmp_path / "sites.toml", smtp_server.port, [{"name": "team", "to": "t@example.org"}]
    )
    _store_with_alerts(db, config)
    assert run_cli("alerts", "send", db=db, config=config).exit_code == 0
    result = run_cli("alerts", "send", db=db, config=config)
    assert (result.exit_code, result.stdout.strip(), result.stderr) == (0, "nothing to send", "")


def test_a_server_that_never_answers_costs_one_timeout_per_run_and_loses_nothing(
    tmp_path, silent_server, smtp_server
):
    db = tmp_path / "a.db"
    subscriptions = [{"name": f"desk{n}", "to": f"desk{n}@example.org"} for n in range(1, 6)]
    config = write_config(tmp_path / "sites.toml", silent_server.port, subscriptions, timeout=2)
    _store_with_alerts(db, config)
    result = run_cli("alerts", "send", "--json", db=db, config=config)
    assert result.exit_code == EXIT_UNDELIVERED, result.stderr
    summary = json.loads(result.stdout)
    assert len(silent_server.connections) == 1  # one timeout, not one per message
    assert (summary["retrying"], summary["deferred"], summary["sent"]) == (1, 4, 0)
    statuses = sorted(message["status"] for message in summary["messages"])
    assert statuses == ["deferred"] * 4 + ["sending"]
    assert all("timed out" in message["error"] for message in summary["messages"])

    # The next runs, against a server that answers: every subscription gets its message, once.
    working = make_config(smtp_server.port, subscriptions=subscriptions)
    from crawler.alerts import send_pending

    later = datetime.now(UTC) + timedelta(minutes=5)  # past the one attempt's backoff
    with Store(db) as store:
        report = send_pending(store, working, now=later)
        assert report.sent == 5, report.messages
        assert send_pending(store, working, now=later + timedelta(hours=1)).messages == []
    received = smtp_server.mailbox.received
    assert sorted(to for tos, _ in received for to in tos) == [
        f"desk{n}@example.org" for n in range(1, 6)
    ]
    assert len({message["Message-ID"] for _, message in received}) == 5


def test_the_cli_run_after_a_silent_server_delivers_the_deferred_messages_first(
    tmp_path, silent_server, smtp_server
):
    db = tmp_path / "a.db"
    subscriptions = [{"name": f"desk{n}", "to": f"desk{n}@example.org"} for n in range(1, 4)]
    config = write_config(tmp_path / "sites.toml", silent_server.port, subscriptions, timeout=2)
    _store_with_alerts(db, config)
    assert run_cli("alerts", "send", db=db, config=config).exit_code == EXIT_UNDELIVERED
    config = write_config(tmp_path / "sites.toml", smtp_server.port, subscriptions)
    result = run_cli("alerts", "send", db=db, config=config)
    # The two never tried go now; the one attempted waits for its backoff (and cron sees it).
    assert result.exit_code == EXIT_UNDELIVERED
    assert result.stdout.splitlines()[-1] == "2 sent, 0 to retry, 0 failed"
    assert "1 alerts wait for a retry" in result.stderr
    assert len(smtp_server.mailbox.received) == 2


def test_alerts_test_json_reports_the_steps_and_the_outcome(tmp_path, smtp_server, silent_server):
    config = write_config(tmp_path / "sites.toml", smtp_server.port, [])
    smtp_server.mailbox.rcpt_replies = {"gone@example.org": "550 5.1.1 no such user"}
    result = run_cli(
        "alerts",
        "test",
        "--to",
        "ok@example.org",
        "--to",
        "gone@example.org",
        "--json",
        config=config,
        db=tmp_path / "a.db",
    )
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["delivered"] == ["ok@example.org"]
    assert report["refused"] == {"gone@example.org": "550 5.1.1 no such user"}
    assert report["steps"][0].startswith("connecting to 127.0.0.1:")
    silent = write_config(tmp_path / "silent.toml", silent_server.port, [], timeout=1)
    result = run_cli(
        "alerts", "test", "--to", "ok@example.org", "--json", config=silent, db=tmp_path / "a.db"
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"].endswith("timed out (no answer)")


def test_a_server_that_hangs_after_data_is_given_up_for_the_run(tmp_path, smtp_server):
    smtp_server.mailbox.hang_after = 0  # the first message is taken, then no answer ever comes
    db = tmp_path / "a.db"
    subscriptions = [{"name": f"desk{n}", "to": f"desk{n}@example.org"} for n in range(1, 4)]
    config = write_config(tmp_path / "sites.toml", smtp_server.port, subscriptions, timeout=2)
    _store_with_alerts(db, config)
    result = run_cli("alerts", "send", "--json", db=db, config=config)
    assert result.exit_code == EXIT_UNDELIVERED, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["retrying"], summary["deferred"]) == (1, 2), summary
    hung = next(message for message in summary["messages"] if message["status"] == "sending")
    assert hung["error"].endswith("timed out (no answer)")
    assert len(smtp_server.mailbox.received) == 1
