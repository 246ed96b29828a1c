"""What an alert says: the e-mail (plain text + HTML) and the webhook payload, from outbox items.

Items come from :meth:`storage.Outbox.message_items` (``store.outbox``). Everything taken from a page (titles,
sources, bodies, attachment names, URLs) is escaped in the HTML part, and only http(s) URLs
become links, so a crafted page cannot put markup or a ``javascript:`` link into a mail.
"""

from __future__ import annotations

import html
from collections import Counter
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from storage import diff_texts, has_changes, render_html_diff, render_text_diff

EVENT_ORDER = ("new", "edited", "removed", "restored")
EXCERPT_CHARS = 280
#: Releases listed by title only after the detailed ones; beyond that only a count.
COMPACT_LIMIT = 200
FIELD_LABELS = {
    "title": "title",
    "source": "source",
    "published_at": "publish time",
    "body": "text",
    "attachments": "attachments",
}


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL without control characters, else None."""
    if not url or any(ord(c) < 32 or c.isspace() for c in url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def local_time(value: str | None, zone: str) -> str | None:
    """A publish time shown in the site's zone (``2022-12-14 15:00``); bare dates as they are."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10:
        return moment.date().isoformat()
    try:
        tz = ZoneInfo(zone)
    except (KeyError, ValueError):
        tz = None
    if moment.tzinfo is not None and tz is not None:
        moment = moment.astimezone(tz)
    return moment.strftime("%Y-%m-%d %H:%M")


def excerpt(body: str | None, limit: int = EXCERPT_CHARS) -> str:
    """The first lines of a body, at most ``limit`` characters."""
    lines = [" ".join(line.split()) for line in (body or "").splitlines()]
    text = "\n".join(line for line in lines if line)
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + "…"


def event_items(items: list[dict]) -> list[dict]:
    return [i for i in items if i["kind"] in EVENT_ORDER]


def counts_phrase(items: list[dict]) -> str:
    """``3 new, 1 edited`` for the event items."""
    counts = Counter(i["kind"] for i in event_items(items))
    return ", ".join(f"{counts[k]} {k}" for k in EVENT_ORDER if counts[k])


def subject(items: list[dict]) -> str:
    """The subject line: ``[岳阳市人民政府] 3 new, 1 edited``, site health, or a baseline note."""
    titles = list(dict.fromkeys(i["site_title"] for i in items))
    prefix = f"[{titles[0]}]" if len(titles) == 1 else f"[bulletin-monitor] {len(titles)} sites:"
    parts = []
    health = [i for i in items if i["kind"] == "health"]
    if health:
        states = Counter(i["detail"].get("state") for i in health)
        if len(titles) == 1 and len(health) == 1:
            detail = health[0]["detail"].get("detail")
            state = health[0]["detail"].get("state")
            parts.append(f"site {state}" + (f": {detail}" if detail and detail != state else ""))
        else:
            parts.extend(f"{n} {state}" for state, n in sorted(states.items()))
    if event_items(items):
        parts.append(counts_phrase(items))
    baseline = [i for i in items if i["kind"] == "baseline"]
    if baseline:
        total = sum(i["detail"].get("releases", 0) for i in baseline)
        parts.append(f"now monitoring: {total} releases archived")
    return " ".join(f"{prefix} {'; '.join(parts)}".split())


# E-mail --------------------------------------------------------------------------------------


def build_email(
    items: list[dict],
    *,
    sender: str,
    recipients: list[str],
    token: str,
    created_at: str,
    subscription: str,
    max_items: int = 50,
    archive_url: str | None = None,
) -> EmailMessage:
    """The multipart/alternative message for one outbox message.

    ``Message-ID`` and ``Date`` derive from the outbox message (``token``, ``created_at``), so a
    resend of the same message carries the same headers and mail clients fold the copies.
    """
    message = EmailMessage()
    message["Subject"] = subject(items)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(datetime.fromisoformat(created_at))
    domain = parseaddr(sender)[1].rpartition("@")[2] or "bulletin-monitor.invalid"
    message["Message-ID"] = f"<bulletin.{token}@{domain}>"
    message["Auto-Submitted"] = "auto-generated"
    message["X-Bulletin-Subscription"] = subscription
    message.set_content(
        render_text(items, subscription=subscription, max_items=max_items, archive_url=archive_url),
        charset="utf-8",
    )
    message.add_alternative(
        render_html(items, subscription=subscription, max_items=max_items, archive_url=archive_url),
        subtype="html",
        charset="utf-8",
    )
    # A resend is byte-for-byte the same message, boundary included.
    message.set_boundary(f"=_bulletin_{token}")
    return message


def probe_email(*, sender: str, recipients: list[str], host: str) -> EmailMessage:
    """The message ``bulletin alerts test`` sends."""
    message = EmailMessage()
    message["Subject"] = "[bulletin-monitor] test message / 测试邮件"
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(datetime.now().astimezone())
    message["Message-ID"] = make_msgid(
        "bulletin-test", parseaddr(sender)[1].rpartition("@")[2] or None
    )
    message["Auto-Submitted"] = "auto-generated"
    text = (
        f"This is a test message from bulletin-monitor, sent through {host}.\n"
        "这是一封测试邮件：中文显示正常即说明 UTF-8 编码无误。\n"
    )
    message.set_content(text, charset="utf-8")
    message.add_alternative(
        f"<p>{html.escape(text)}</p>".replace("\n", "<br>\n"), subtype="html", charset="utf-8"
    )
    return message


def split_events(items: list[dict], max_items: int) -> tuple[list[dict], list[dict], list[dict]]:
    """(notes and the first ``max_items`` events, events listed by title, events only counted)."""
    notes = [i for i in items if i["kind"] not in EVENT_ORDER]
    events = event_items(items)
    detailed, rest = events[:max_items], events[max_items:]
    return notes + detailed, rest[:COMPACT_LIMIT], rest[COMPACT_LIMIT:]


def release_title(item: dict) -> str:
    version = item.get("version") or {}
    return version.get("title") or item.get("url") or "(untitled)"


def _meta_parts(item: dict) -> list[tuple[str, str]]:
    version = item.get("version") or {}
    parts = []
    if version.get("source"):
        parts.append(("source", version["source"]))
    published = local_time(version.get("published_at"), item["site_timezone"])
    if published:
        parts.append(("published", published))
    if version.get("column_name"):
        parts.append(("column", version["column_name"]))
    return parts


def edit_changes(item: dict) -> list[tuple[str, str, str]]:
    """(label, old, new) for the short fields an edit changed."""
    details = item.get("details") or {}
    changes = []
    for name in ("title", "source", "published_at"):
        if name in details:
            old, new = details[name].get("old") or "", details[name].get("new") or ""
            if name == "published_at":
                old, new = (
                    local_time(old, item["site_timezone"]) or "",
                    local_time(new, item["site_timezone"]) or "",
                )
            changes.append((FIELD_LABELS[name], old, new))
    return changes


def body_ops(item: dict):
    if item["kind"] != "edited" or "body" not in item.get("changed_fields", []):
        return None
    old = (item.get("previous") or {}).get("body") or ""
    new = (item.get("version") or {}).get("body") or ""
    ops = diff_texts(old, new)
    return ops if has_changes(ops) else None


def attachment_changes(item: dict) -> tuple[list[dict], list[dict]]:
    attachments = (item.get("details") or {}).get("attachments") or {}
    return attachments.get("added") or [], attachments.get("removed") or []


def archived_copy(item: dict, archive_url: str | None = None) -> tuple[str | None, str]:
    """Where the archived copy of an event's release is read: ``(url, reference)``.

    ``url`` is the Datasette row page of the version (``{archive_url}/versions/{id}``) when
    ``archive_url`` — the Datasette address of this store's database, ``[serve] archive_url`` —
    is set, else None; ``reference`` always names it for the command line: ``bulletin show
    RELEASE`` and the version's seq (the same version is in ``bulletin export --format warc``).
    """
    version = item.get("version") or {}
    version_id = item.get("version_id") or version.get("id")
    base = safe_url(archive_url)
    url = f"{base.rstrip('/')}/versions/{version_id}" if base and version_id is not None else None
    reference = f"bulletin show {item.get('release_id')}"
    if version.get("seq"):
        reference += f" (version {version['seq']})"
    return url, reference


# Plain text ------------------------------------------------------------------------------------


def render_text(
    items: list[dict], *, subscription: str, max_items: int = 50, archive_url: str | None = None
) -> str:
    """The plain-text part: edits marked ``[-deleted-]{+inserted+}``."""
    shown, compact, counted = split_events(items, max_items)
    lines: list[str] = []
    current = None
    for item in shown:
        if item["site"] != current:
            current = item["site"]
            lines += [f"{item['site_title']} ({item['site']})", "=" * 40, ""]
        lines += event_text(item, archive_url)
        lines.append("")
    if compact or counted:
        lines.append(
            f"… and {len(compact) + len(counted)} more ({counts_phrase(compact + counted)}):"
        )
        for item in compact:
            lines.append(
                f"  - [{item['kind']}] {release_title(item)}  {safe_url(item.get('url')) or ''}".rstrip()
            )
        if counted:
            lines.append(f"  (and {len(counted)} more not listed; see `bulletin releases`)")
        lines.append("")
    lines += ["-- ", f"bulletin-monitor · subscription {subscription}"]
    return "\n".join(lines) + "\n"


def event_text(item: dict, archive_url: str | None = None) -> list[str]:
    """The plain-text lines of one item (event, baseline note or health notice)."""
    kind = item["kind"]
    if kind == "health":
        detail = item["detail"]
        text = f"Site {item['site_title']} is {detail.get('state')} (since {detail.get('at')})"
        return [text] + ([f"  {detail['detail']}"] if detail.get("detail") else [])
    if kind == "baseline":
        return [
            f"Now monitoring {item['site_title']}: {item['detail'].get('releases', 0)} releases archived.",
            "You will hear about new releases from now on.",
        ]
    lines = [f"[{kind}] {release_title(item)}"]
    url = safe_url(item.get("url"))
    if url:
        lines.append(f"  {url} (gone)" if kind == "removed" else f"  {url}")
    meta = _meta_parts(item)
    if meta:
        lines.append("  " + " · ".join(f"{label}: {value}" for label, value in meta))
    if kind == "edited":
        changed = [FIELD_LABELS.get(f, f) for f in item.get("changed_fields", [])]
        if changed:
            lines.append("  changed: " + ", ".join(changed))
        for label, old, new in edit_changes(item):
            lines.append(f"  {label}: {old} → {new}")
        added, removed = attachment_changes(item)
        for attachment in added:
            lines.append(
                f"  attachment added: {attachment.get('name') or ''} {safe_url(attachment.get('url')) or ''}".rstrip()
            )
        for attachment in removed:
            lines.append(f"  attachment removed: {attachment.get('name') or ''}".rstrip())
        ops = body_ops(item)
        if ops:
            lines.append("  text:")
            lines.extend("    " + line for line in render_text_diff(ops).splitlines())
    elif kind == "new":
        body = excerpt((item.get("version") or {}).get("body"))
        lines.extend("  " + line for line in body.splitlines())
        for attachment in (item.get("version") or {}).get("attachments") or []:
            lines.append(
                f"  attachment: {attachment.get('name') or ''} {safe_url(attachment.get('url')) or ''}".rstrip()
            )
    elif kind == "removed":
        lines.append("  no longer on the site (the archived versions are kept)")
        href, reference = archived_copy(item, archive_url)
        lines.append(f"  archived copy: {href or reference}")
    elif kind == "restored":
        lines.append("  back on the site after being reported removed")
    return lines


# HTML ----------------------------------------------------------------------------------------

_STYLE = (
    "body{font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;"
    "line-height:1.5;color:#222;max-width:760px}"
    "h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px}"
    ".item{margin:0 0 18px}.meta{color:#666;font-size:13px}.kind{font-size:12px;color:#fff;"
    "background:#557;border-radius:3px;padding:1px 5px;margin-right:6px}"
    ".excerpt{white-space:pre-wrap;margin:4px 0}.diff{white-space:pre-wrap;background:#f7f7f7;padding:6px}"
    "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}"
    ".foot{color:#888;font-size:12px}"
)


def _e(text) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


def _link(url: str | None, text: str) -> str:
    safe = safe_url(url)
    if safe is None:
        return _e(text)
    return f'<a href="{_e(safe)}">{_e(text)}</a>'


def render_html(
    items: list[dict], *, subscription: str, max_items: int = 50, archive_url: str | None = None
) -> str:
    """The HTML part: simple markup, inline styles, every page-derived string escaped."""
    shown, compact, counted = split_events(items, max_items)
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{_e(subject(items))}</title><style>{_STYLE}</style></head><body>",
    ]
    current = None
    for item in shown:
        if item["site"] != current:
            current = item["site"]
            parts.append(f"<h2>{_e(item['site_title'])}</h2>")
        parts.append(event_html(item, archive_url))
    if compact or counted:
        parts.append(
            f"<p>… and {len(compact) + len(counted)} more ({_e(counts_phrase(compact + counted))}):</p><ul>"
        )
        for item in compact:
            parts.append(
                f"<li>[{_e(item['kind'])}] {_link(item.get('url'), release_title(item))}</li>"
            )
        parts.append("</ul>")
        if counted:
            parts.append(
                f"<p>(and {len(counted)} more not listed; see <code>bulletin releases</code>)</p>"
            )
    parts.append(
        f'<p class="foot">bulletin-monitor · subscription {_e(subscription)}</p></body></html>'
    )
    return "\n".join(parts) + "\n"


def event_html(item: dict, archive_url: str | None = None) -> str:
    """The HTML of one item (a ``<div class="item">``), every page-derived string escaped."""
    kind = item["kind"]
    if kind == "health":
        detail = item["detail"]
        out = f'<div class="item"><b>Site {_e(item["site_title"])} is {_e(detail.get("state"))}</b>'
        out += f' <span class="meta">since {_e(detail.get("at"))}</span>'
        if detail.get("detail"):
            out += f"<div>{_e(detail['detail'])}</div>"
        return out + "</div>"
    if kind == "baseline":
        return (
            f'<div class="item">Now monitoring <b>{_e(item["site_title"])}</b>: '
            f"{int(item['detail'].get('releases', 0))} releases archived. "
            "You will hear about new releases from now on.</div>"
        )
    href, reference = archived_copy(item, archive_url) if kind == "removed" else (None, "")
    # A removed release's address is gone: its title leads to the archived copy, when there is one.
    title_url = href if kind == "removed" else item.get("url")
    out = [
        f'<div class="item"><span class="kind">{_e(kind)}</span><b>{_link(title_url, release_title(item))}</b>'
    ]
    meta = _meta_parts(item)
    if meta:
        out.append(
            '<div class="meta">'
            + " · ".join(f"{_e(label)}: {_e(value)}" for label, value in meta)
            + "</div>"
        )
    version = item.get("version") or {}
    if kind == "edited":
        changed = [FIELD_LABELS.get(f, f) for f in item.get("changed_fields", [])]
        if changed:
            out.append(f'<div class="meta">changed: {_e(", ".join(changed))}</div>')
        for label, old, new in edit_changes(item):
            out.append(f"<div>{_e(label)}: <del>{_e(old)}</del> → <ins>{_e(new)}</ins></div>")
        added, removed = attachment_changes(item)
        for attachment in added:
            out.append(
                f"<div>attachment added: {_link(attachment.get('url'), attachment.get('name') or attachment.get('url') or '')}</div>"
            )
        for attachment in removed:
            out.append(
                f"<div>attachment removed: <del>{_e(attachment.get('name') or attachment.get('url'))}</del></div>"
            )
        ops = body_ops(item)
        if ops:
            out.append(f'<div class="diff">{render_html_diff(ops)}</div>')
    elif kind == "new":
        body = excerpt(version.get("body"))
        if body:
            out.append(f'<div class="excerpt">{_e(body)}</div>')
        attachments = version.get("attachments") or []
        if attachments:
            links = ", ".join(
                _link(a.get("url"), a.get("name") or a.get("url") or "") for a in attachments
            )
            out.append(f"<div>attachments: {links}</div>")
    elif kind == "removed":
        out.append('<div class="meta">no longer on the site (the archived versions are kept)</div>')
        copy = _link(href, href) if href else f"<code>{_e(reference)}</code>"
        out.append(f"<div>archived copy: {copy}</div>")
        if safe_url(item.get("url")):
            out.append(f'<div class="meta">was at: {_e(item["url"])}</div>')
    elif kind == "restored":
        out.append('<div class="meta">back on the site after being reported removed</div>')
    return "\n".join(out) + "</div>"


# Webhook -------------------------------------------------------------------------------------


def webhook_payload(
    items: list[dict],
    *,
    token: str,
    subscription: str,
    created_at: str,
    archive_url: str | None = None,
) -> dict:
    """The JSON document POSTed to a webhook (documented in docs/alerts.md)."""
    events = []
    for item in items:
        entry = {"kind": item["kind"], "site": item["site"], "site_title": item["site_title"]}
        if item["kind"] == "health":
            entry.update(
                state=item["detail"].get("state"),
                detail=item["detail"].get("detail"),
                at=item["detail"].get("at"),
            )
        elif item["kind"] == "baseline":
            entry.update(releases=item["detail"].get("releases", 0))
        else:
            version = item.get("version") or {}
            ops = body_ops(item)
            entry.update(
                event_id=item["event_id"],
                detected_at=item["detected_at"],
                url=item["url"],
                title=version.get("title"),
                source=version.get("source"),
                published_at=version.get("published_at"),
                column=version.get("column_name"),
                attachments=version.get("attachments") or [],
                excerpt=excerpt(version.get("body")),
                changed_fields=item.get("changed_fields") or [],
                changes=item.get("details") or {},
                body_diff=render_text_diff(ops) if ops else None,
            )
            if item["kind"] == "removed":
                href, reference = archived_copy(item, archive_url)
                entry["archived_copy"] = {"url": href, "reference": reference}
        events.append(entry)
    return {
        "delivery": token,
        "subscription": subscription,
        "created_at": created_at,
        "events": events,
    }
