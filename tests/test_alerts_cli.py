"""``bulletin alerts test | list | send`` through click's runner, against a real SMTP server."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from crawler.cli import cli
from storage import Store
from support.alerts import SITE, SITE_TITLE, crawl, make_store, release, toml_text


def write_config(tmp_path, port, **tables):
    path = tmp_path / "sites.toml"
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
                    "timeout": 5,
                },
                **tables,
            }
        ),
        encoding="utf-8",
    )
    return path


def run(tmp_path, config, *args):
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "a.db"), "--config", str(config), "alerts", *args]
    )
    return result


def test_alerts_test_sends_and_reports_each_step(tmp_path, smtp_server):
    config = write_config(tmp_path, smtp_server.port, alerts={"operators": ["ops@example.org"]})
    result = run(tmp_path, config, "test")
    assert result.exit_code == 0, result.output
    assert f"connecting to 127.0.0.1:{smtp_server.port} (none)" in result.output
    assert "RCPT TO:<ops@example.org> → 250" in result.output
    assert "accepted by 127.0.0.1" in result.output
    [message] = smtp_server.mailbox.messages
    assert message["Subject"] == "[bulletin-monitor] test message / 测试邮件"
    assert "中文显示正常" in message.get_body(("plain",)).get_content()


def test_alerts_test_names_the_failing_step(tmp_path, smtp_down, smtp_server):
    config = write_config(tmp_path, smtp_down.port)
    result = run(tmp_path, config, "test", "--to", "x@example.org")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"Error: connecting to 127.0.0.1:{smtp_down.port} (none): "
        f"cannot connect to 127.0.0.1:{smtp_down.port}: connection refused"
    )
    smtp_server.mailbox.rcpt_replies = {"x@example.org": "550 5.1.1 no such user"}
    result = run(
        tmp_path, write_config(tmp_path, smtp_server.port), "test", "--to", "x@example.org"
    )
    assert result.exit_code == 1
    assert "refused: x@example.org: 550 5.1.1 no such user" in result.output


def test_alerts_test_without_recipient_is_a_usage_error(tmp_path, smtp_server):
    result = run(tmp_path, write_config(tmp_path, smtp_server.port), "test")
    assert result.exit_code == 2
    assert "give --to ADDRESS" in result.output


def test_send_then_list(tmp_path, smtp_server):
    config = write_config(
        tmp_path, smtp_server.port, subscriptions=[{"name": "team", "to": "t@example.org"}]
    )
    store = make_store(tmp_path / "a.db")
    store.close()
    assert run(tmp_path, config, "send").output.strip() == "nothing to send"
    with Store(tmp_path / "a.db") as store:
        crawl(store, SITE, [release(1, "关于统战工作的通知")])
    pending = run(tmp_path, config, "list", "--pending")
    assert pending.exit_code == 0
    assert (
        "pending" in pending.output
        and "关于统战工作的通知" in pending.output
        and "team" in pending.output
    )
    sent = run(tmp_path, config, "send")
    assert sent.exit_code == 0, sent.output
    assert sent.output.splitlines() == [
        "sent     team  (1 alerts, email)",
        "1 sent, 0 to retry, 0 failed",
    ]
    assert run(tmp_path, config, "list", "--pending").output.strip() == "no pending alerts"
    rows = [
        json.loads(line) for line in run(tmp_path, config, "list", "--json").output.splitlines()
    ]
    assert [(r["status"], r["kind"], r["subscription"], r["title"]) for r in rows] == [
        ("sent", "new", "team", "关于统战工作的通知")
    ]


def test_send_reports_retries_with_exit_status_3_and_list_failed(tmp_path, smtp_server):
    config = write_config(
        tmp_path, smtp_server.port, subscriptions=[{"name": "team", "to": "t@example.org"}]
    )
    run(tmp_path, config, "send")
    with make_store(tmp_path / "a.db") as store:
        crawl(store, SITE, [release(1, "通知")])
    smtp_server.mailbox.rcpt_replies = {"t@example.org": "550 5.1.1 no such user"}
    result = run(tmp_path, config, "send")
    assert result.exit_code == 3
    assert "failed   team" in result.output and "550 5.1.1 no such user" in result.output
    failed = run(tmp_path, config, "list", "--failed")
    assert "failed" in failed.output and "550 5.1.1" in failed.output


@pytest.mark.parametrize("command", [["test"], ["list"], ["send"]], ids=["test", "list", "send"])
def test_commands_have_help(tmp_path, command):
    result = CliRunner().invoke(cli, ["alerts", *command, "--help"])
    assert result.exit_code == 0 and len(result.output.splitlines()) > 3
