"""``bulletin alerts``: test the SMTP settings or a chat robot, list the outbox, deliver what is due."""

from __future__ import annotations

import json
import sys

import click

from storage import ConfigError

from ..output import json_line, table
from .common import EXIT_UNDELIVERED, BulletinGroup, open_store, read_config


@click.group(cls=BulletinGroup)
def alerts():
    """Alert e-mails, webhooks and chat robots: test the SMTP settings or a robot, list and send the outbox."""


@alerts.command("test")
@click.option(
    "--to",
    "to",
    multiple=True,
    metavar="ADDRESS",
    help="Recipient (repeatable). Default: the alerts.operators addresses.",
)
@click.option(
    "--robot",
    "robot_name",
    metavar="NAME",
    help="Post a test message to the chat robot [robots.NAME] instead of sending mail.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print one JSON object: the steps, who accepted, who refused, the error.",
)
@click.pass_context
def alerts_test(ctx, to, robot_name, as_json):
    """Send a test message through the configured SMTP server and report each step.

    Exit status 0 when the server accepted the message for every recipient, 1 otherwise, with
    the step that failed (connection, TLS, login, sender, recipient or message). With --robot,
    post a test message (Chinese text and a link) to that chat robot instead: exit status 0 when
    its API answered that it was posted, 1 with the API's answer otherwise.
    """
    from ..alerts.channels import EmailChannel, describe_smtp_error
    from ..alerts.render import probe_email

    config = read_config(ctx)
    if robot_name is not None:
        _test_robot(config, robot_name, as_json)
        return
    if config.smtp is None:
        raise ConfigError("no [smtp] table in the configuration (see docs/alerts.md)")
    recipients = list(to) or list(config.alerts.operators)
    if not recipients:
        raise click.UsageError("no recipient: give --to ADDRESS (alerts.operators is not set)")
    channel = EmailChannel(config)
    smtp = config.smtp
    mime = probe_email(sender=smtp.sender, recipients=recipients, host=f"{smtp.host}:{smtp.port}")
    steps = []

    def log(line: str) -> None:
        steps.append(line)
        if not as_json:
            click.echo(f"  {line}")

    def report(delivered=(), refused=None, error=None) -> None:
        ok = bool(delivered) and not refused and not error
        if as_json:
            click.echo(
                json_line(
                    {
                        "server": f"{smtp.host}:{smtp.port}",
                        "ok": ok,
                        "steps": steps,
                        "delivered": list(delivered),
                        "refused": dict(refused or {}),
                        "error": error,
                    }
                )
            )
        if not ok:
            sys.exit(1)

    try:
        channel.open(log=log)
    except Exception as exc:  # every failure to connect is reported as one line, whatever raised it
        error = f"{steps[-1] if steps else 'connecting'}: {describe_smtp_error(exc, smtp.host, smtp.port)}"
        if as_json:
            report(error=error)
        raise click.ClickException(error) from exc
    try:
        outcome = channel.send(mime, recipients, log=log)
    finally:
        channel.close()
    if not as_json:
        for address, reason in outcome.refused.items():
            click.echo(f"refused: {address}: {reason}", err=True)
        if outcome.error:
            click.echo(f"not delivered: {outcome.error}", err=True)
        if outcome.delivered and not outcome.refused and not outcome.error:
            click.echo(f"accepted by {smtp.host}:{smtp.port} for {', '.join(outcome.delivered)}")
    report(outcome.delivered, outcome.refused, outcome.error)


def _test_robot(config, name: str, as_json: bool) -> None:
    from ..alerts.channels import RobotChannel
    from ..alerts.chat import KEYWORD, probe_blocks
    from ..alerts.robots import APIS

    robots = {robot.name: robot for robot in config.robots}
    if name not in robots:
        configured = ", ".join(robots) or "none"
        raise ConfigError(f"unknown robot {name!r} (configured: {configured})")
    robot = robots[name]
    recipient = f"robot:{name}"
    channel = RobotChannel(config)
    try:
        payloads = APIS[robot.kind].parts(f"【{KEYWORD}】测试消息", probe_blocks(name))
        outcome = channel.send(robot, recipient, payloads)
    finally:
        channel.close()
    error = outcome.error or (
        f"{robot.kind} robot {name!r}: {outcome.refused[recipient]}"
        if recipient in outcome.refused
        else None
    )
    ok = recipient in outcome.delivered
    if as_json:
        click.echo(json_line({"robot": name, "kind": robot.kind, "ok": ok, "error": error}))
    elif ok:
        click.echo(f"posted to {robot.kind} robot {name!r}")
    else:
        click.echo(f"not posted: {error}", err=True)
    if not ok:
        sys.exit(1)


@alerts.command("list")
@click.option("--pending", "status", flag_value="pending", help="Only alerts not delivered yet.")
@click.option(
    "--failed",
    "status",
    flag_value="failed",
    help="Only alerts that failed for good or were cancelled, or have a recipient refused for good.",
)
@click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(1), help="How many alerts."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per alert.")
@click.pass_context
def alerts_list(ctx, status, limit, as_json):
    """Alerts in the outbox, newest first, with their delivery state and last error.

    A recipient refused for good (a 550) shows at once — in the error, in `refused`, and under
    --failed — even while the message is still retried for its other recipients.
    """
    with open_store(ctx) as store:
        rows = store.outbox.alerts(status=status, limit=limit)
    for row in rows:
        row["when"] = row["sent_at"] or row["next_attempt_at"] or row["deliver_after"]
        if row["title"] is None:
            detail = row["detail"]
            row["title"] = (
                f"site {detail['state']}: {detail.get('detail') or ''}".strip(": ")
                if row["kind"] == "health"
                else f"{detail.get('releases', '…')} releases archived"
            )
    if as_json:
        for row in rows:
            click.echo(
                json_line(
                    {
                        key: row[key]
                        for key in (
                            "id",
                            "kind",
                            "site",
                            "subscription",
                            "channel",
                            "status",
                            "created_at",
                            "deliver_after",
                            "attempts",
                            "next_attempt_at",
                            "sent_at",
                            "error",
                            "title",
                            "url",
                            "refused",
                        )
                    }
                )
            )
        return
    if not rows:
        click.echo(
            {"pending": "no pending alerts", "failed": "no failed alerts"}.get(status, "no alerts")
        )
        return
    click.echo(
        table(
            rows,
            [
                ("id", "id", 5),
                ("status", "status", 9),
                ("kind", "kind", 8),
                ("site", "site", 10),
                ("subscription", "subscription", 18),
                ("when", "when (UTC)", 25),
                ("attempts", "tries", 5),
                ("title", "title", 30),
                ("error", "error", 60),
            ],
        )
    )


@alerts.command("send")
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON document: the counts and every message."
)
@click.pass_context
def alerts_send(ctx, as_json):
    """Deliver every alert that is due now (immediate alerts, digests whose time has come, retries).

    An SMTP server (or webhook URL) that times out or cannot be reached is not tried again in the
    same run: its other messages wait, untouched, for the next run.

    \b
    Exit status:
      0  everything attempted was delivered, or nothing was due, and no alert waits for a retry
      1  a one-line error (invalid configuration)
      3  alerts remain undelivered: a message failed for good in this run, or alerts wait for a
         retry after a failed attempt (due now or later), or were not tried because their
         server did not answer; see `bulletin alerts list --pending` / `--failed`
    """
    from ..alerts import send_pending

    config = read_config(ctx)
    archive_url = config.serve.archive_url
    with open_store(ctx, must_exist=False) as store:
        report = send_pending(store, config, archive_url=archive_url)
        waiting = store.outbox.undelivered()
    undelivered = bool(report.retrying or report.failed or report.deferred or waiting["retrying"])
    if as_json:
        click.echo(
            json.dumps(
                {
                    "sent": report.sent,
                    "retrying": report.retrying,
                    "failed": report.failed,
                    "deferred": report.deferred,
                    "alerts_waiting_for_retry": waiting["retrying"],
                    "next_attempt_at": waiting["next_attempt_at"],
                    "messages": [
                        {
                            key: message[key]
                            for key in (
                                "id",
                                "subscription",
                                "channel",
                                "alerts",
                                "status",
                                "error",
                            )
                        }
                        for message in report.messages
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        if not report.messages:
            click.echo("nothing to send")
        for message in report.messages:
            line = f"{message['status']:8} {message['subscription']}  ({message['alerts']} alerts, {message['channel']})"
            if message["error"]:
                line += f"  {message['error']}"
            click.echo(line)
        if report.messages:
            click.echo(
                f"{report.sent} sent, {report.retrying} to retry, {report.failed} failed"
                + (f", {report.deferred} not tried" if report.deferred else "")
            )
        if waiting["retrying"]:
            click.echo(
                f"{waiting['retrying']} alerts wait for a retry (next attempt {waiting['next_attempt_at']} UTC);"
                " see `bulletin alerts list --pending`",
                err=True,
            )
    if undelivered:
        sys.exit(EXIT_UNDELIVERED)
