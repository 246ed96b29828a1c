"""Events as feed entries: what ``bulletin feed`` and the service's feed files are made of.

The items have the shape of :func:`storage.outbox.message_items` (an alert is an event told to
someone; a feed entry is the same event told to everyone), so one renderer serves both.
"""

from __future__ import annotations

import json

from .outbox import _version

__all__ = ["event_items"]


def event_items(
    db, *, site: str | None = None, since: str | None = None, limit: int | None = 100
) -> list[dict]:
    """The most recent events outside each site's baseline crawl, newest first.

    ``since`` is an ISO 8601 UTC time as stored (events detected at or after it). Each item has
    ``kind``, ``site``, ``site_title``, ``site_timezone``, ``event_id``, ``detected_at``,
    ``release_id``, ``url``, ``status`` (the release's current status), ``changed_fields``,
    ``details``, ``version_id``, ``version`` (the version the event is about; for a removal,
    the last version stored) and ``previous`` (the version before an edit).
    """
    db = getattr(db, "db", db)
    where, params = ["e.baseline = 0"], []
    if site:
        where.append("e.site = ?")
        params.append(site)
    if since:
        where.append("e.detected_at >= ?")
        params.append(since)
    rows = list(
        db.query(
            f"""SELECT e.id AS event_id, e.kind, e.site, e.detected_at, e.changed_fields, e.details, e.release_id,
                   coalesce(e.version_id, r.current_version_id) AS version_id, r.url, r.status,
                   coalesce(s.title, e.site) AS site_title, s.config AS site_config
            FROM events e JOIN releases r ON r.id = e.release_id
            LEFT JOIN sites s ON s.name = e.site
            WHERE {" AND ".join(where)}
            ORDER BY e.id DESC {"LIMIT ?" if limit else ""}""",
            [*params, *([limit] if limit else [])],
        )
    )
    items = []
    for row in rows:
        config = json.loads(row.pop("site_config") or "{}")
        item = {
            **row,
            "site_timezone": config.get("timezone") or "UTC",
            "detail": {},
            "changed_fields": json.loads(row["changed_fields"] or "[]"),
            "details": json.loads(row["details"] or "{}"),
            "version": _version(db, "id = ?", [row["version_id"]])
            if row["version_id"] is not None
            else None,
            "previous": None,
        }
        if row["kind"] == "edited" and item["version"]:
            item["previous"] = _version(
                db, "release_id = ? AND seq = ?", [row["release_id"], item["version"]["seq"] - 1]
            )
        items.append(item)
    return items
