"""Alerts: e-mail, webhooks and chat robots about new, edited and removed releases, and site health.

The store keeps the durable outbox (``store.outbox``: rows, messages, leases); this package
decides what goes in it (:mod:`crawler.alerts.policy`: keyword filters, digest times, site
health), turns the configuration into subscriptions and delivers the rows. The crawl, the
scheduler and the CLI call::

    sync_subscriptions(store, config)       # before crawling: who wants what
    after_crawl(store, site, crawl_id)      # the crawl's alert rows, and the site's health
    send_pending(store, config)             # after each crawl, and at digest times

Both are idempotent. Several processes (or threads, each with its own ``Store``) may send at the
same time: each message is leased to one sender. Retries happen only when ``send_pending`` runs,
so a long-running service should also call it every few minutes.
"""

from __future__ import annotations

import logging
import os
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from storage import sender_identity

from .channels import (  # noqa: F401
    CHANNELS,
    Channel,
    EmailChannel,
    Outcome,
    RobotChannel,
    WebhookChannel,
)
from .policy import (
    deliver_after,
    judge_health,
    keywords_match,
    next_digest_time,
    queue_alerts,
    queue_health,
)

__all__ = [
    "subscription_rows",
    "sync_subscriptions",
    "after_crawl",
    "queue_alerts",
    "queue_health",
    "judge_health",
    "keywords_match",
    "next_digest_time",
    "send_pending",
    "next_digest_times",
    "SendReport",
    "CHANNELS",
    "Outcome",
]

log = logging.getLogger(__name__)

#: The subscription that carries site health alerts to ``alerts.operators``.
OPERATORS = "operators"


def subscription_rows(config) -> list[dict]:
    """The configuration's subscriptions, webhooks, robots and operator list as ``subscriptions``
    rows. A robot's target is its name, never its URL (which holds the robot's token)."""
    rows = []
    for sub in config.subscriptions:
        rows.append(
            {
                "name": sub.name,
                "channel": "email",
                "target": list(sub.to),
                "sites": list(sub.sites),
                "kinds": list(sub.kinds),
                "keywords_any": list(sub.keywords_any),
                "keywords_all": list(sub.keywords_all),
                "keywords_in": list(sub.keywords_in),
                "delivery": sub.delivery,
                "digest_at": sub.digest,
                "timezone": sub.timezone,
            }
        )
    if config.alerts.operators:
        rows.append(
            {
                "name": OPERATORS,
                "channel": "email",
                "target": list(config.alerts.operators),
                "kinds": ["health"],
                "delivery": "immediate",
            }
        )
    for hook in config.webhooks:
        rows.append(
            {
                "name": f"webhook:{hook.name}",
                "channel": "webhook",
                "target": [hook.url],
                "sites": list(hook.sites),
                "kinds": list(hook.kinds),
                "keywords_any": list(hook.keywords_any),
                "keywords_all": list(hook.keywords_all),
                "keywords_in": list(hook.keywords_in),
                "delivery": "immediate",
            }
        )
    for robot in config.robots:
        rows.append(
            {
                "name": f"robot:{robot.name}",
                "channel": "robot",
                "target": [f"robot:{robot.name}"],
                "sites": list(robot.sites),
                "kinds": list(robot.kinds),
                "keywords_any": list(robot.keywords_any),
                "keywords_all": list(robot.keywords_all),
                "keywords_in": list(robot.keywords_in),
                "delivery": "immediate",
            }
        )
    return rows


def sync_subscriptions(store, config, *, now: datetime | None = None) -> dict:
    """Write the configured subscriptions to the store (call before crawling); returns counts."""
    return store.outbox.sync_subscriptions(
        subscription_rows(config), deliver_after=deliver_after, now=now
    )


def after_crawl(store, site: str, crawl_id: int) -> dict | None:
    """What a closed crawl means for alerts: the rows its events need (:func:`queue_alerts`),
    then the site's health (:func:`judge_health`); returns the health change, if any."""
    queue_alerts(store)
    return judge_health(store, site, crawl_id)


def next_digest_times(config, *, now: datetime | None = None) -> list[datetime]:
    """When the configured digests are next due (UTC, soonest first): when to call :func:`send_pending`."""
    now = now or datetime.now(UTC)
    times = {
        next_digest_time(now, sub.digest, sub.timezone)
        for sub in config.subscriptions
        if sub.delivery == "digest"
    }
    return sorted(times)


@dataclass
class SendReport:
    """What one :func:`send_pending` run did, message by message."""

    messages: list[dict] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for m in self.messages if m["status"] == status)

    @property
    def sent(self) -> int:
        return self.count("sent")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def retrying(self) -> int:
        return self.count("sending")

    @property
    def deferred(self) -> int:
        """Messages not tried in this run: their server had failed to answer an earlier one."""
        return self.count("deferred")


def send_pending(
    store,
    config,
    *,
    now: datetime | None = None,
    environ: Mapping[str, str] = os.environ,
    ssl_context: ssl.SSLContext | None = None,
    sync: bool = True,
    archive_url: str | None = None,
) -> SendReport:
    """Deliver every alert that is due at ``now`` (default: the current time).

    Syncs the subscriptions first (unless ``sync=False``), queues the rows of events not yet
    queued (a crawl that died before :func:`after_crawl`), groups due rows into one message per
    subscription (webhooks: up to ``alerts.max_items`` events per POST), and delivers each
    message once. Failures never raise: temporary ones are retried by a later call (after a
    backoff), permanent ones are recorded; see :meth:`storage.Outbox.alerts`.
    ``archive_url`` (``[serve] archive_url``) lets alerts about a removal link to the archived copy.
    """
    now = now or datetime.now(UTC)
    box = store.outbox
    if sync:
        sync_subscriptions(store, config, now=now)
    queue_alerts(store)
    owner = sender_identity()
    messages = box.claim_messages(now=now, owner=owner, chunk={"webhook": config.alerts.max_items})
    report = SendReport()
    channels: dict[str, Channel] = {}
    remaining = list(messages)
    try:
        while remaining:
            message = remaining.pop(0)
            channel = channels.get(message["channel"])
            if channel is None:
                channel = channels[message["channel"]] = CHANNELS[message["channel"]](
                    config, environ=environ, ssl_context=ssl_context, archive_url=archive_url
                )
                channel.progress = lambda m, parts: box.record_parts(m["id"], parts)
            items = box.message_items(message["id"])
            down = channel.unavailable(message)
            if down:
                # Untouched (no attempt counted, no backoff): the next run tries it first.
                box.release_lease(message["id"])
                report.messages.append(
                    {
                        "id": message["id"],
                        "subscription": message["subscription"],
                        "channel": message["channel"],
                        "token": message["token"],
                        "alerts": len(items),
                        "status": "deferred",
                        "error": f"not tried: {down} (earlier in this run)",
                    }
                )
                continue
            box.begin_attempt(message["id"], now=now)
            try:
                outcome = channel.deliver(message, items)
            except (
                Exception
            ) as exc:  # a bug must not stop the other messages; this one is retried as is
                log.exception(
                    "alert message %s (%s) could not be delivered",
                    message["id"],
                    message["subscription"],
                )
                outcome = Outcome(
                    error=f"internal error: {type(exc).__name__}: {exc}", in_doubt=True
                )
            status = box.finish_attempt(
                message["id"],
                now=now,
                delivered=outcome.delivered,
                refused=outcome.refused,
                error=outcome.error,
                in_doubt=outcome.in_doubt,
                retry_after=outcome.retry_after,
            )
            report.messages.append(
                {
                    "id": message["id"],
                    "subscription": message["subscription"],
                    "channel": message["channel"],
                    "token": message["token"],
                    "alerts": len(items),
                    "status": status,
                    "error": outcome.error
                    or "; ".join(f"{k}: {v}" for k, v in outcome.refused.items())
                    or None,
                }
            )
    finally:
        for message in remaining:
            box.release_lease(message["id"])
        for channel in channels.values():
            channel.close()
    return report
