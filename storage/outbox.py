"""The alert outbox. (Placeholder: alert rows land with the alerts issue.)"""

from __future__ import annotations


def enqueue_alerts(db, event_id: int) -> None:
    """Write the alert rows an event needs, inside the caller's transaction."""


def enqueue_health(db, site: str, state: str, detail: str | None) -> None:
    """Write the operator notices a site health change needs, inside the caller's transaction."""
