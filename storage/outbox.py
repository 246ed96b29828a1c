"""The alert outbox: the durable queue of alerts, and the messages that deliver them.

Subscriptions are synced from the configuration into the ``subscriptions`` table
(:func:`sync_subscriptions`). What an event needs is decided outside the store (the policy in
``crawler/alerts``), which reads the events recorded since its last pass (:func:`new_events`),
adds rows (:func:`add_alert`; ``alerts``: one per event × subscription) and moves the cursor
(:func:`mark_queued`) in one transaction: an event is queued once, and none is skipped. The rows
are the durable record of what must be delivered.

A sender then groups due rows into messages (``alert_messages``) and delivers them::

    claim_messages()   rows -> messages, and a lease on the messages due now
    begin_attempt()    the message is "in doubt" from here: it may reach the recipient
    record_parts()     a message posted in parts (chat robots): the parts delivered so far
    finish_attempt()   accepted / refused for good / try again later

A message, once attempted, is frozen: its rows and token (from which the Message-ID derives) never
change again, so a crash between "accepted" and "marked sent" resends that one message, with the
same Message-ID. No channel code (SMTP, HTTP) and no policy (keywords, digest times) lives here.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta

from .transaction import Transaction

EVENT_KINDS = ("new", "edited", "removed", "restored")

#: Seconds to wait after the n-th failed attempt (the last value repeats).
BACKOFF = (60, 300, 900, 1800, 3600, 7200, 14400, 21600)
#: A message still undelivered this long after it was formed is given up and shown as failed.
GIVE_UP_AFTER = timedelta(days=3)
#: A lease outlives a hung sender; a sender that died on this host frees its leases at once.
LEASE = timedelta(minutes=15)
#: Rows of a crawl still "running" after this long are sent anyway (the crawl process died).
STALE_CRAWL = timedelta(hours=12)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _transaction(db) -> Transaction:
    """The store's transaction (a savepoint inside the caller's, when one is open)."""
    return Transaction(getattr(db, "conn", db))


# Subscriptions -------------------------------------------------------------------------------

SUBSCRIPTION_COLUMNS = (
    "channel",
    "target",
    "sites",
    "kinds",
    "keywords_any",
    "keywords_all",
    "keywords_in",
    "delivery",
    "digest_at",
    "timezone",
)
_JSON_COLUMNS = ("target", "sites", "kinds", "keywords_any", "keywords_all", "keywords_in")


def sync_subscriptions(
    db,
    subscriptions: Iterable[Mapping],
    *,
    deliver_after: Callable[[Mapping, datetime], datetime],
    now: datetime | None = None,
) -> dict:
    """Make the ``subscriptions`` table match the configuration.

    Each mapping has ``name`` (the identity: rows of a name survive edits of its other keys),
    ``channel`` (``email``/``webhook``), ``target`` (addresses, or ``[url]``), ``sites`` (empty:
    every site), ``kinds``, ``keywords_any``, ``keywords_all``, ``keywords_in``, ``delivery``
    (``immediate``/``digest``), ``digest_at`` (``HH:MM``) and ``timezone``. Subscriptions no
    longer configured are deactivated; their undelivered rows are cancelled by the next
    :func:`claim_messages`. Pending rows follow a changed digest time (``deliver_after(subscription,
    created)`` says when a row may go). A subscription added (or configured again) hears of
    events recorded from then on. Returns counts.
    """
    now = now or _utc_now()
    stamp = _iso(now)
    counts = {"added": 0, "updated": 0, "deactivated": 0}
    try:
        db._bulletin_sync_count = getattr(db, "_bulletin_sync_count", 0) + 1
    except AttributeError:
        pass
    with _transaction(db):
        existing = {row["name"]: row for row in db.query("SELECT * FROM subscriptions")}
        seen = set()
        for sub in subscriptions:
            values = {key: sub.get(key) for key in SUBSCRIPTION_COLUMNS}
            values.setdefault("kinds", ["new"])
            for key in _JSON_COLUMNS:
                values[key] = json.dumps(list(values[key] or []), ensure_ascii=False)
            values["delivery"] = values["delivery"] or "immediate"
            values["timezone"] = values["timezone"] or "UTC"
            name = sub["name"]
            seen.add(name)
            old = existing.get(name)
            if old is None:
                columns = ["name", *values, "active", "from_event_id", "created_at", "updated_at"]
                db.execute(
                    f"INSERT INTO subscriptions ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    [name, *values.values(), 1, _last_event_id(db), stamp, stamp],
                )
                counts["added"] += 1
                continue
            if all(old[key] == values[key] for key in values) and old["active"]:
                continue
            sets = ", ".join(f"{key} = ?" for key in values)
            db.execute(
                f"UPDATE subscriptions SET {sets}, active = 1, updated_at = ? WHERE id = ?",
                [*values.values(), stamp, old["id"]],
            )
            if not old["active"]:  # events recorded while it was not configured are not its news
                db.execute(
                    "UPDATE subscriptions SET from_event_id = ? WHERE id = ?",
                    [_last_event_id(db), old["id"]],
                )
            counts["updated"] += 1
            if any(old[key] != values[key] for key in ("delivery", "digest_at", "timezone")):
                _reschedule(db, old["id"], {**values, "name": name}, deliver_after)
        for name, old in existing.items():
            if name not in seen and old["active"]:
                db.execute(
                    "UPDATE subscriptions SET active = 0, updated_at = ? WHERE id = ?",
                    [stamp, old["id"]],
                )
                counts["deactivated"] += 1
    return counts


def _last_event_id(db) -> int:
    return db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]


def _reschedule(db, subscription_id: int, subscription: Mapping, deliver_after) -> None:
    rows = db.execute(
        """SELECT id, created_at FROM alerts WHERE subscription_id = ? AND status = 'pending'
           AND message_id IS NULL AND kind != 'health'""",
        [subscription_id],
    ).fetchall()
    for alert_id, created in rows:
        db.execute(
            "UPDATE alerts SET deliver_after = ? WHERE id = ?",
            [_iso(deliver_after(subscription, _parse(created))), alert_id],
        )


def _active_subscriptions(db) -> list[dict]:
    # Read once per database handle until the file changes under it (data_version: other
    # connections) or this handle syncs them: this runs for every event of a crawl.
    conn = getattr(db, "conn", db)
    version = (
        conn.execute("PRAGMA data_version").fetchone()[0],
        getattr(db, "_bulletin_sync_count", 0),
    )
    cached = getattr(db, "_bulletin_subscriptions", None)
    if cached is not None and cached[0] == version:
        return cached[1]
    cursor = conn.execute("SELECT * FROM subscriptions WHERE active = 1 ORDER BY id")
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, values)) for values in cursor.fetchall()]
    for row in rows:
        for key in _JSON_COLUMNS:
            row[key] = json.loads(row[key] or "[]")
    try:
        db._bulletin_subscriptions = (version, rows)
    except AttributeError:  # a bare sqlite3 connection: no cache
        pass
    return rows


# Queueing ------------------------------------------------------------------------------------


def active_subscriptions(db) -> list[dict]:
    """The configured subscriptions, their JSON columns decoded (``from_event_id``: the last
    event recorded before the subscription was configured)."""
    return _active_subscriptions(db)


def new_events(db, *, limit: int = 500) -> list[dict]:
    """Events recorded after the queue's cursor, oldest first, with the title and body of the
    version each is about (the release's current one for a removal)."""
    cursor = db.execute(
        """SELECT e.id, e.kind, e.site, e.crawl_id, e.detected_at, e.baseline,
                  coalesce(v.title, cv.title) AS title, coalesce(v.body, cv.body) AS body
           FROM events e JOIN releases r ON r.id = e.release_id
           LEFT JOIN versions v ON v.id = e.version_id
           LEFT JOIN versions cv ON cv.id = r.current_version_id
           WHERE e.id > (SELECT event_id FROM alert_cursor WHERE id = 1)
           ORDER BY e.id LIMIT ?""",
        [limit],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def mark_queued(db, event_id: int) -> None:
    """Move the cursor: events up to ``event_id`` have had their rows written."""
    db.execute("UPDATE alert_cursor SET event_id = max(event_id, ?) WHERE id = 1", [int(event_id)])


def add_alert(
    db,
    subscription_id: int,
    kind: str,
    site: str,
    *,
    created_at: datetime,
    deliver_after: datetime,
    event_id: int | None = None,
    crawl_id: int | None = None,
    detail: Mapping | None = None,
) -> int:
    """Queue one alert row; 0 when the subscription already has it (an event's row, or the one
    ``baseline`` row per site), else 1."""
    cursor = db.execute(
        """INSERT OR IGNORE INTO alerts
             (subscription_id, kind, site, event_id, crawl_id, created_at, deliver_after, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            subscription_id,
            kind,
            site,
            event_id,
            crawl_id,
            _iso(created_at),
            _iso(deliver_after),
            json.dumps(dict(detail or {}), ensure_ascii=False),
        ],
    )
    return cursor.rowcount


def add_alerts(db, rows: Iterable[Mapping]) -> int:
    """Queue many alert rows (mappings of :func:`add_alert`'s arguments) at once; how many
    were new."""
    cursor = db.conn.executemany(
        """INSERT OR IGNORE INTO alerts
             (subscription_id, kind, site, event_id, crawl_id, created_at, deliver_after, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            [
                row["subscription_id"],
                row["kind"],
                row["site"],
                row.get("event_id"),
                row.get("crawl_id"),
                _iso(row["created_at"]),
                _iso(row["deliver_after"]),
                json.dumps(dict(row.get("detail") or {}), ensure_ascii=False),
            ]
            for row in rows
        ),
    )
    return max(cursor.rowcount, 0)


def health_told(db, subscription_id: int, site: str) -> str | None:
    """The site health state (``broken``/``recovered``) a subscription was last told about."""
    row = db.execute(
        """SELECT json_extract(detail, '$.state') FROM alerts
           WHERE subscription_id = ? AND site = ? AND kind = 'health' ORDER BY id DESC LIMIT 1""",
        [subscription_id, site],
    ).fetchone()
    return row[0] if row else None


# Messages ------------------------------------------------------------------------------------


def sender_identity() -> str:
    """``host:pid:random``: who holds a lease, so a dead sender's leases can be taken over."""
    return f"{socket.gethostname()}:{os.getpid()}:{os.urandom(4).hex()}"


def _lease_is_free(owner: str | None, until: str | None, now: datetime) -> bool:
    if not owner or not until or _parse(until) <= now:
        return True
    host, _, rest = owner.partition(":")
    pid_text = rest.split(":", 1)[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _token(subscription_id: int, alert_ids: list[int]) -> str:
    key = f"{subscription_id}:" + ",".join(str(i) for i in sorted(alert_ids))
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def claim_messages(
    db, *, now: datetime, owner: str, chunk: Mapping[str, int | None] | None = None
) -> list[dict]:
    """Group due rows into messages and lease the messages due now; returns them, oldest first.

    A row is due when its ``deliver_after`` has come and the crawl that produced it has finished
    (a message per crawl, not per release). Rows join the subscription's open message when it has
    never been attempted (or every attempt surely failed), so an outage ends in one message, not
    one per run. ``chunk`` caps the rows per message by channel (``{"webhook": 50}``; email: no
    cap, the message itself shortens long lists). Undelivered rows of removed subscriptions are
    cancelled. Each returned message is leased to ``owner`` until :func:`finish_attempt`.
    """
    chunk = dict(chunk or {})
    stamp = _iso(now)
    with _transaction(db):
        _cancel_inactive(db, stamp)
        due = db.execute(
            """SELECT a.id, a.subscription_id, a.kind, a.site, s.channel, s.target
               FROM alerts a JOIN subscriptions s ON s.id = a.subscription_id
               LEFT JOIN crawls c ON c.id = a.crawl_id
               WHERE a.status = 'pending' AND a.message_id IS NULL AND s.active = 1 AND a.deliver_after <= ?
                 AND (a.crawl_id IS NULL OR c.status != 'running' OR c.started_at < ?)
               ORDER BY a.subscription_id, a.id""",
            [stamp, _iso(now - STALE_CRAWL)],
        ).fetchall()
        touched: set[int] = set()
        for alert_id, sub_id, kind, site, channel, target in due:
            message_id = _open_message(db, sub_id, chunk.get(channel), target, stamp)
            if kind == "baseline":
                count = db.execute(
                    "SELECT count(*) FROM releases WHERE site = ?", [site]
                ).fetchone()[0]
                db.execute(
                    "UPDATE alerts SET detail = ? WHERE id = ?",
                    [json.dumps({"releases": count}), alert_id],
                )
            db.execute("UPDATE alerts SET message_id = ? WHERE id = ?", [message_id, alert_id])
            touched.add(message_id)
        for message_id in touched:
            sub_id = db.execute(
                "SELECT subscription_id FROM alert_messages WHERE id = ?", [message_id]
            ).fetchone()[0]
            ids = [
                row[0]
                for row in db.execute("SELECT id FROM alerts WHERE message_id = ?", [message_id])
            ]
            db.execute(
                "UPDATE alert_messages SET token = ? WHERE id = ?",
                [_token(sub_id, ids), message_id],
            )
        candidates = list(
            db.query(
                """SELECT m.*, s.name AS subscription, s.channel FROM alert_messages m
               JOIN subscriptions s ON s.id = m.subscription_id
               WHERE m.status = 'sending' AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= ?)
               ORDER BY m.in_doubt DESC, m.id""",
                [stamp],
            )
        )
        claimed = []
        until = _iso(now + LEASE)
        for message in candidates:
            if not _lease_is_free(message["lease_owner"], message["lease_until"], now):
                continue
            db.execute(
                "UPDATE alert_messages SET lease_owner = ?, lease_until = ? WHERE id = ?",
                [owner, until, message["id"]],
            )
            claimed.append(_message_dict(message))
    return claimed


def _open_message(db, subscription_id: int, cap: int | None, target: str, stamp: str) -> int:
    """The subscription's message that new rows may still join, or a new one."""
    row = db.execute(
        """SELECT m.id, (SELECT count(*) FROM alerts a WHERE a.message_id = m.id) FROM alert_messages m
           WHERE m.subscription_id = ? AND m.status = 'sending' AND m.in_doubt = 0
             AND m.pending_recipients = m.recipients AND m.failed_recipients = '{}'
             AND (m.lease_owner IS NULL OR m.lease_until <= ?)
           ORDER BY m.id DESC LIMIT 1""",
        [subscription_id, stamp],
    ).fetchone()
    if row is not None and (cap is None or row[1] < cap):
        return row[0]
    cursor = db.execute(
        """INSERT INTO alert_messages (subscription_id, token, created_at, recipients, pending_recipients)
           VALUES (?, ?, ?, ?, ?)""",
        [subscription_id, os.urandom(12).hex(), stamp, target, target],
    )
    return cursor.lastrowid


def _cancel_inactive(db, stamp: str) -> None:
    reason = "subscription removed from the configuration"
    db.execute(
        """UPDATE alert_messages SET status = 'cancelled', last_error = ?, lease_owner = NULL
           WHERE status = 'sending' AND subscription_id IN (SELECT id FROM subscriptions WHERE active = 0)""",
        [reason],
    )
    db.execute(
        """UPDATE alerts SET status = 'cancelled', last_error = ? WHERE status = 'pending'
           AND (message_id IS NULL OR message_id IN (SELECT id FROM alert_messages WHERE status = 'cancelled'))
           AND subscription_id IN (SELECT id FROM subscriptions WHERE active = 0)""",
        [reason],
    )


def _message_dict(row: Mapping) -> dict:
    message = dict(row)
    message["recipients"] = json.loads(message["recipients"])
    message["pending_recipients"] = json.loads(message["pending_recipients"])
    message["failed_recipients"] = json.loads(message["failed_recipients"])
    return message


def begin_attempt(db, message_id: int, *, now: datetime) -> None:
    """Record that delivery of a message starts: from now on it may reach its recipients."""
    with _transaction(db):
        db.execute(
            "UPDATE alert_messages SET in_doubt = 1, attempts = attempts + 1 WHERE id = ?",
            [message_id],
        )


def finish_attempt(
    db,
    message_id: int,
    *,
    now: datetime,
    delivered: Iterable[str] = (),
    refused: Mapping[str, str] | None = None,
    error: str | None = None,
    in_doubt: bool = False,
    retry_after: float | None = None,
) -> str:
    """Record the outcome of an attempt; returns the message's status afterwards.

    ``delivered``: recipients that accepted it. ``refused``: recipients refused for good, with
    the reason. Every other pending recipient failed temporarily (``error`` says why) and is
    retried with backoff (or after ``retry_after`` seconds, when the receiver asked for longer);
    ``in_doubt`` says the message may have reached them anyway (a timeout after the data was
    sent), which freezes it: it will be resent exactly as it is. A message some of whose parts
    were delivered (:func:`record_parts`) is frozen too.
    """
    refused = dict(refused or {})
    delivered = set(delivered)
    stamp = _iso(now)
    with _transaction(db):
        message = _message_dict(
            next(iter(db.query("SELECT * FROM alert_messages WHERE id = ?", [message_id])))
        )
        pending = [
            r for r in message["pending_recipients"] if r not in delivered and r not in refused
        ]
        failed = {**message["failed_recipients"], **refused}
        attempts = message["attempts"]
        if pending and now - _parse(message["created_at"]) >= GIVE_UP_AFTER:
            reason = f"gave up after {attempts} attempts over {GIVE_UP_AFTER.days} days: {error or 'no answer'}"
            failed.update({r: reason for r in pending})
            pending = []
        reached = [r for r in message["recipients"] if r not in pending and r not in failed]
        if pending:
            status = "sending"
            wait = max(BACKOFF[min(max(attempts, 1), len(BACKOFF)) - 1], retry_after or 0)
            db.execute(
                """UPDATE alert_messages SET pending_recipients = ?, failed_recipients = ?, in_doubt = ?,
                     next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?""",
                [
                    json.dumps(pending, ensure_ascii=False),
                    json.dumps(failed, ensure_ascii=False),
                    int(in_doubt or bool(reached) or bool(message.get("parts_delivered"))),
                    _iso(now + timedelta(seconds=wait)),
                    error,
                    message_id,
                ],
            )
            # A recipient refused for good is news now, not once the others' retries are over.
            parts = [f"{address} refused: {reason}" for address, reason in failed.items()]
            if error:
                parts.append(f"retrying {', '.join(pending)}: {error}")
            db.execute(
                "UPDATE alerts SET last_error = ? WHERE message_id = ?",
                ["; ".join(parts) or None, message_id],
            )
            return status
        status = "failed" if failed else "sent"
        summary = None
        if failed:
            parts = [f"{address}: {reason}" for address, reason in failed.items()]
            if reached:
                parts.insert(0, "delivered to " + ", ".join(reached))
            summary = "; ".join(parts)
        db.execute(
            """UPDATE alert_messages SET status = ?, pending_recipients = '[]', failed_recipients = ?,
                 next_attempt_at = NULL, last_error = ?, lease_owner = NULL, lease_until = NULL,
                 sent_at = ? WHERE id = ?""",
            [
                status,
                json.dumps(failed, ensure_ascii=False),
                summary or error if failed else None,
                stamp if reached else None,
                message_id,
            ],
        )
        db.execute(
            "UPDATE alerts SET status = ?, last_error = ?, sent_at = ? WHERE message_id = ?",
            [status, summary, stamp if reached else None, message_id],
        )
        return status


def record_parts(db, message_id: int, parts: int) -> None:
    """Record that the first ``parts`` parts of a message reached the receiver (each in its own
    transaction, as it happens): a retry resumes after them, and the message is frozen."""
    with _transaction(db):
        db.execute(
            "UPDATE alert_messages SET parts_delivered = max(parts_delivered, ?), in_doubt = 1 WHERE id = ?",
            [int(parts), message_id],
        )


def release_lease(db, message_id: int) -> None:
    """Give a claimed message back untouched (the sender stopped before attempting it)."""
    with _transaction(db):
        db.execute(
            "UPDATE alert_messages SET lease_owner = NULL, lease_until = NULL WHERE id = ?",
            [message_id],
        )


# Reading -------------------------------------------------------------------------------------

_KIND_ORDER = {kind: i for i, kind in enumerate(("health", "baseline", *EVENT_KINDS))}


def message_items(db, message_id: int) -> list[dict]:
    """What a message reports: one dict per alert row, with the site, release and versions.

    Keys: ``alert_id``, ``kind``, ``site``, ``site_title``, ``site_timezone``, ``detail``
    (health state / baseline count), and for event rows ``event_id``, ``detected_at``, ``url``,
    ``changed_fields``, ``details`` (old/new values from the store), ``version`` (the fields of
    the version the event is about) and ``previous`` (the version before an edit). Sorted by site,
    kind, then newest publication first.
    """
    rows = list(
        db.query(
            """SELECT a.id AS alert_id, a.kind, a.site, a.detail, a.created_at, a.event_id,
                  coalesce(s.title, a.site) AS site_title, s.config AS site_config,
                  e.detected_at, e.changed_fields, e.details, e.release_id,
                  coalesce(e.version_id, r.current_version_id) AS version_id, r.url
           FROM alerts a LEFT JOIN sites s ON s.name = a.site
           LEFT JOIN events e ON e.id = a.event_id
           LEFT JOIN releases r ON r.id = e.release_id
           WHERE a.message_id = ? ORDER BY a.id""",
            [message_id],
        )
    )
    items = []
    for row in rows:
        config = json.loads(row.pop("site_config") or "{}")
        item = {
            **row,
            "site_timezone": config.get("timezone") or "UTC",
            "detail": json.loads(row["detail"] or "{}"),
            "changed_fields": json.loads(row["changed_fields"] or "[]"),
            "details": json.loads(row["details"] or "{}"),
            "version": None,
            "previous": None,
        }
        if row["kind"] == "baseline":
            item["event_id"] = None
        elif row["version_id"] is not None:
            item["version"] = _version(db, "id = ?", [row["version_id"]])
            if row["kind"] == "edited" and item["version"]:
                item["previous"] = _version(
                    db,
                    "release_id = ? AND seq = ?",
                    [row["release_id"], item["version"]["seq"] - 1],
                )
        items.append(item)
    items.sort(
        key=lambda i: (
            i["site"],
            _KIND_ORDER.get(i["kind"], 9),
            _neg((i["version"] or {}).get("published_at") or ""),
            i["alert_id"],
        )
    )
    return items


def _neg(text: str) -> tuple:
    return tuple(-ord(c) for c in text)


def _version(db, where: str, params: list) -> dict | None:
    rows = list(
        db.query(
            f"""SELECT id, seq, title, source, published_at, column_name, body, attachments, breadcrumb, url
            FROM versions WHERE {where}""",
            params,
        )
    )
    if not rows:
        return None
    version = rows[0]
    version["attachments"] = json.loads(version["attachments"] or "[]")
    version["breadcrumb"] = json.loads(version["breadcrumb"] or "[]")
    return version


def list_alerts(db, *, status: str | None = None, limit: int = 100) -> list[dict]:
    """Alert rows, newest first, with their subscription, title and delivery state.

    ``status``: ``pending`` (not yet delivered, including messages waiting for a retry),
    ``failed`` (failed for good, or cancelled), or ``None`` for all.
    """
    where = {
        None: "",
        "pending": "WHERE a.status = 'pending'",
        # A recipient refused for good shows at once, while the message is retried for the others.
        "failed": "WHERE a.status IN ('failed', 'cancelled') OR (a.status = 'pending' AND m.failed_recipients != '{}')",
    }[status]
    rows = list(
        db.query(
            f"""SELECT a.id, a.kind, a.site, sub.name AS subscription, sub.channel, a.status, a.created_at,
                   a.deliver_after, m.attempts, m.next_attempt_at, coalesce(a.last_error, m.last_error) AS error,
                   a.sent_at, m.token, coalesce(v.title, cv.title) AS title, r.url, a.detail,
                   coalesce(m.failed_recipients, '{{}}') AS refused
            FROM alerts a JOIN subscriptions sub ON sub.id = a.subscription_id
            LEFT JOIN alert_messages m ON m.id = a.message_id
            LEFT JOIN events e ON e.id = a.event_id
            LEFT JOIN releases r ON r.id = e.release_id
            LEFT JOIN versions v ON v.id = e.version_id
            LEFT JOIN versions cv ON cv.id = r.current_version_id
            {where} ORDER BY a.id DESC LIMIT ?""",
            [limit],
        )
    )
    for row in rows:
        row["detail"] = json.loads(row["detail"] or "{}")
        row["attempts"] = row["attempts"] or 0
        row["refused"] = json.loads(row["refused"] or "{}")
    return rows


def undelivered(db) -> dict:
    """Alerts still waiting after a failed delivery attempt: what a cron job should notice.

    ``retrying``: alert rows whose message was attempted and failed for some recipient, and
    waits for another attempt; ``next_attempt_at``: the soonest of those attempts (ISO, UTC).
    Rows waiting for their first attempt (a digest's time, a crawl still running) are not counted.
    """
    row = db.execute(
        """SELECT count(a.id), min(m.next_attempt_at) FROM alerts a JOIN alert_messages m ON m.id = a.message_id
           WHERE a.status = 'pending' AND m.status = 'sending' AND m.attempts > 0""",
    ).fetchone()
    return {"retrying": row[0] or 0, "next_attempt_at": row[1]}


class Outbox:
    """The store's alert outbox, as ``store.outbox``: what callers outside ``storage`` use.

    Each step is its own transaction, or a savepoint inside the caller's ``store.batch()``.
    """

    def __init__(self, db) -> None:
        self._db = db

    def sync_subscriptions(
        self,
        subscriptions: Iterable[Mapping],
        *,
        deliver_after: Callable[[Mapping, datetime], datetime],
        now: datetime | None = None,
    ) -> dict:
        """Make the subscriptions match the configuration (:func:`sync_subscriptions`)."""
        return sync_subscriptions(self._db, subscriptions, deliver_after=deliver_after, now=now)

    def subscriptions(self) -> list[dict]:
        """The active subscriptions (:func:`active_subscriptions`)."""
        return active_subscriptions(self._db)

    def new_events(self, *, limit: int = 500) -> list[dict]:
        """Events not yet queued, oldest first (:func:`new_events`)."""
        return new_events(self._db, limit=limit)

    def last_event_id(self) -> int:
        """The id of the last event recorded (0 when there is none)."""
        return _last_event_id(self._db)

    def mark_queued(self, event_id: int) -> None:
        """Events up to ``event_id`` are queued (:func:`mark_queued`)."""
        with _transaction(self._db):
            mark_queued(self._db, event_id)

    def add_alert(
        self,
        subscription_id: int,
        kind: str,
        site: str,
        *,
        created_at: datetime,
        deliver_after: datetime,
        event_id: int | None = None,
        crawl_id: int | None = None,
        detail: Mapping | None = None,
    ) -> int:
        """Queue one alert row; 0 when it is already there (:func:`add_alert`)."""
        with _transaction(self._db):
            return add_alert(
                self._db,
                subscription_id,
                kind,
                site,
                created_at=created_at,
                deliver_after=deliver_after,
                event_id=event_id,
                crawl_id=crawl_id,
                detail=detail,
            )

    def add_alerts(self, rows: Iterable[Mapping]) -> int:
        """Queue many alert rows at once; how many were new (:func:`add_alerts`)."""
        with _transaction(self._db):
            return add_alerts(self._db, rows)

    def health_told(self, subscription_id: int, site: str) -> str | None:
        """The health state a subscription last heard of for ``site`` (:func:`health_told`)."""
        return health_told(self._db, subscription_id, site)

    def claim_messages(
        self, *, now: datetime, owner: str, chunk: Mapping[str, int | None] | None = None
    ) -> list[dict]:
        """Group due rows into messages and lease those due now (:func:`claim_messages`)."""
        return claim_messages(self._db, now=now, owner=owner, chunk=chunk)

    def message_items(self, message_id: int) -> list[dict]:
        """What a message reports (:func:`message_items`)."""
        return message_items(self._db, message_id)

    def begin_attempt(self, message_id: int, *, now: datetime) -> None:
        """From now on the message may reach its recipients (:func:`begin_attempt`)."""
        begin_attempt(self._db, message_id, now=now)

    def finish_attempt(
        self,
        message_id: int,
        *,
        now: datetime,
        delivered: Iterable[str] = (),
        refused: Mapping[str, str] | None = None,
        error: str | None = None,
        in_doubt: bool = False,
        retry_after: float | None = None,
    ) -> str:
        """Record an attempt's outcome; the message's status afterwards (:func:`finish_attempt`)."""
        return finish_attempt(
            self._db,
            message_id,
            now=now,
            delivered=delivered,
            refused=refused,
            error=error,
            in_doubt=in_doubt,
            retry_after=retry_after,
        )

    def record_parts(self, message_id: int, parts: int) -> None:
        """The first ``parts`` parts of a message were delivered (:func:`record_parts`)."""
        record_parts(self._db, message_id, parts)

    def release_lease(self, message_id: int) -> None:
        """Give a claimed message back untouched (:func:`release_lease`)."""
        release_lease(self._db, message_id)

    def alerts(self, *, status: str | None = None, limit: int = 100) -> list[dict]:
        """Alert rows, newest first, with their delivery state (:func:`list_alerts`)."""
        return list_alerts(self._db, status=status, limit=limit)

    def undelivered(self) -> dict:
        """Alerts waiting for a retry after a failed attempt (:func:`undelivered`)."""
        return undelivered(self._db)
