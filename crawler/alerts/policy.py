"""Alert policy: which subscriptions want an event, when a digest is due, when a site is broken.

The store keeps the durable mechanics (``store.outbox``: the queue, leases, attempts, the cursor
over events); this module decides what goes in it, and calls the store::

    queue_alerts(store)                  rows for every event recorded since the last call
    judge_health(store, site, crawl_id)  a site's health after a crawl, and its notices

Both write in one transaction each (``store.batch()``): the rows and the cursor move together,
so an event is never skipped and never queued twice, whichever process runs them first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage import fold  # the project's one fold: keyword filters compare as search does

#: Bad crawls in a row that make a site broken; one good crawl makes it recover.
BROKEN_AFTER = 3


# Keywords ------------------------------------------------------------------------------------


def keywords_match(
    keywords_any: Iterable[str],
    keywords_all: Iterable[str],
    texts: Iterable[str | None],
    *,
    folded: bool = False,
) -> bool:
    """Whether the texts contain at least one of ``keywords_any`` (when given) and all of ``keywords_all``.

    ``folded=True`` says the texts already went through :func:`storage.fold`.
    """
    any_of, all_of = [fold(k) for k in keywords_any], [fold(k) for k in keywords_all]
    if not any_of and not all_of:
        return True
    return _contains([(t or "") if folded else fold(t) for t in texts], any_of, all_of)


def _contains(haystacks: list[str], any_of: list[str], all_of: list[str]) -> bool:
    """Whether folded texts hold one of the folded ``any_of`` (when given) and all of ``all_of``."""
    # Line breaks inside a Chinese phrase are layout, not meaning.
    squeezed = ["".join(h.split()) for h in haystacks]

    def found(word: str) -> bool:
        if any(word in h for h in haystacks):
            return True
        return "".join(word.split()) == word and any(word in h for h in squeezed)

    return (not any_of or any(found(k) for k in any_of)) and all(found(k) for k in all_of)


# Digest times --------------------------------------------------------------------------------


def next_digest_time(after: datetime, at: str, zone: str) -> datetime:
    """The first moment at or after ``after`` when the local clock in ``zone`` shows ``at`` (HH:MM)."""
    tz = ZoneInfo(zone)
    hour, minute = (int(part) for part in at.split(":"))
    local = after.astimezone(tz)
    day = local.date()
    for offset in range(3):
        candidate = datetime.combine(day + timedelta(days=offset), time(hour, minute), tzinfo=tz)
        # A time skipped by a DST change resolves to the moment after the gap.
        candidate = candidate.astimezone(UTC).astimezone(tz)
        if candidate >= local:
            return candidate.astimezone(UTC)
    raise AssertionError("unreachable: a digest time occurs every day")


def deliver_after(subscription: Mapping, created: datetime) -> datetime:
    """When a row created at ``created`` may go: at once, or at the subscription's next digest."""
    if subscription["delivery"] == "digest":
        return next_digest_time(
            created, subscription["digest_at"] or "08:00", subscription["timezone"]
        )
    return created


# Events --------------------------------------------------------------------------------------


def queue_alerts(store, *, batch: int = 500) -> int:
    """Write the alert rows the events recorded since the last call need; returns how many.

    One row per active subscription that wants the event: its site, its kind and its keyword
    filters. Events of a site's first crawl (``baseline``) give each subscription at most one
    ``baseline`` row per site: the "now monitoring" note, never a mail per release. A
    subscription hears only of events recorded after it was configured.
    """
    written = 0
    while True:
        with store.batch():
            subscriptions = store.outbox.subscriptions()
            if not subscriptions:  # nobody to tell: the events are passed over unread
                store.outbox.mark_queued(store.outbox.last_event_id())
                return written
            events = store.outbox.new_events(limit=batch)
            if not events:
                return written
            keywords = {
                sub["id"]: (
                    [fold(k) for k in sub["keywords_any"]],
                    [fold(k) for k in sub["keywords_all"]],
                )
                for sub in subscriptions
            }
            rows = [row for event in events for row in _rows(subscriptions, keywords, event)]
            written += store.outbox.add_alerts(rows)
            store.outbox.mark_queued(events[-1]["id"])


def _rows(subscriptions: list[dict], keywords: dict, event: dict) -> list[dict]:
    """The alert rows one event needs (``keywords``: each subscription's, folded)."""
    created = _parse(event["detected_at"])
    folded: dict[str, str] = {}

    def text(name: str) -> str:
        # Folding a long body is the costly part: once per event, not per subscription.
        if name not in folded:
            folded[name] = fold(event["title"] if name == "title" else event["body"])
        return folded[name]

    rows = []
    for sub in subscriptions:
        if event["id"] <= sub["from_event_id"]:
            continue
        if sub["sites"] and event["site"] not in sub["sites"]:
            continue
        if event["baseline"]:
            kind = "baseline" if event["kind"] == "new" and "new" in sub["kinds"] else None
        else:
            kind = event["kind"] if event["kind"] in sub["kinds"] else None
            any_of, all_of = keywords[sub["id"]]
            if kind and (any_of or all_of):
                if not _contains([text(name) for name in sub["keywords_in"]], any_of, all_of):
                    kind = None
        if kind:
            rows.append(
                {
                    "subscription_id": sub["id"],
                    "kind": kind,
                    "site": event["site"],
                    "event_id": event["id"],
                    "crawl_id": event["crawl_id"],
                    "created_at": created,
                    "deliver_after": deliver_after(sub, created),
                }
            )
    return rows


# Site health ---------------------------------------------------------------------------------


def crawl_problem(crawl: Mapping) -> str | None:
    """Why a crawl shows a broken site, or None when it looks healthy."""
    if crawl["status"] == "failed":
        return crawl["error"] or "no page could be fetched"
    if crawl["list_pages"] and not crawl["list_links"]:
        return "list pages yielded no items (redesign or blocking?)"
    if crawl["fetched"] and crawl["releases_incomplete"] * 2 > crawl["fetched"]:
        return f"{crawl['releases_incomplete']} of {crawl['fetched']} releases lost their title or date"
    return None


def judge_health(
    store, site: str, crawl_id: int, *, broken_after: int = BROKEN_AFTER
) -> dict | None:
    """Re-judge a site's health after a crawl; returns the state change, if there is one.

    A crawl is bad when nothing could be fetched, when its list pages yielded no rows, or when
    most of its releases lost their title or date. ``broken_after`` bad crawls in a row make
    the site broken; one good crawl makes it recover. Each change is recorded once, with its
    notices (:func:`queue_health`), in one transaction.
    """
    recent = store.crawl_outcomes(site, crawl_id, limit=broken_after)
    if not recent or recent[0]["id"] != crawl_id:
        return None
    reasons = [crawl_problem(row) for row in recent]
    state = store.site_health(site)["state"]
    new_state, reason = state, None
    if state == "ok" and len(recent) >= broken_after and all(reasons):
        new_state, reason = "broken", reasons[0]
    elif state == "broken" and reasons[0] is None:
        new_state, reason = "ok", "recovered"
    if new_state == state:
        return None
    with store.batch():
        detected_at = store.record_health_change(site, new_state, reason, crawl_id=crawl_id)
        queue_health(
            store,
            site,
            "broken" if new_state == "broken" else "recovered",
            reason,
            now=_parse(detected_at),
        )
    return {"site": site, "state": new_state, "reason": reason}


def queue_health(
    store, site: str, state: str, detail: str | None, *, now: datetime | None = None
) -> int:
    """Write the notices of a site health change (``broken``/``recovered``); returns how many.

    Subscriptions with the ``health`` kind get one row each (the operators' address list is such
    a subscription), delivered immediately whatever their delivery mode. A state a subscription
    was last told about adds nothing, so a change is reported once; nor is a recovery news to
    one never told the site was broken.
    """
    now = now or datetime.now(UTC)
    written = 0
    with store.batch():
        for sub in store.outbox.subscriptions():
            if "health" not in sub["kinds"] or (sub["sites"] and site not in sub["sites"]):
                continue
            told = store.outbox.health_told(sub["id"], site)
            if told == state or (told is None and state == "recovered"):
                continue
            written += store.outbox.add_alert(
                sub["id"],
                "health",
                site,
                created_at=now,
                deliver_after=now,
                detail={"state": state, "detail": detail, "at": _iso(now)},
            )
    return written


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
