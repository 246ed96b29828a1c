"""An Atom 1.0 feed of changes: one entry per event (new, edited, removed, restored).

``bulletin feed`` writes it on demand and ``bulletin serve`` rewrites the files named by
``[serve] feed_dir`` after each crawl. The entries say what an alert says — the same renderer
(:func:`crawler.alerts.render.event_html`): an edit carries its diff, a removal links to the
archived copy. Release exports (``bulletin export --format atom``) list releases instead.

Atom rules kept (RFC 4287): the feed and every entry have one ``id``, ``title`` and
``updated``; ids are ``tag:`` URIs (RFC 4151) that never change for an event; the feed has an
author; content is escaped HTML (``type="html"``); every entry has content and an alternate link.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree as ET

from storage import (
    ATOM_NS,
    GENERATOR,
    atom_name,
    atom_text,
    clean_xml,
    now_rfc3339,
    rfc3339,
)

from .alerts.render import archived_copy, event_html, safe_url

KIND_WORDS = {"new": "New", "edited": "Edited", "removed": "Removed", "restored": "Restored"}
KIND_SCHEME = "tag:bulletin-monitor,2024:event-kind"
DEFAULT_ENTRIES = 100


def write_feed(
    store,
    out: BinaryIO,
    *,
    site: str | None = None,
    since: str | None = None,
    limit: int | None = DEFAULT_ENTRIES,
    archive_url: str | None = None,
    self_url: str | None = None,
    now: str | None = None,
) -> int:
    """Write the feed of ``site``'s events (every site's when None) to ``out``; returns the entry count.

    ``since``: ISO 8601 UTC time, events detected at or after it. ``archive_url``: the Datasette
    address of the store's database, for links to archived copies (see
    :func:`crawler.alerts.render.archived_copy`). ``self_url``: where the feed is published
    (its ``rel="self"`` link, which feed readers use to know a feed they already have).
    """
    items = store.feed_items(site=site, since=since, limit=limit)
    titles = {row["name"]: row["title"] for row in store.sites()}
    label = (titles.get(site) or site) if site else "bulletin-monitor"
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(atom_name("feed"))
    atom_text(
        feed,
        "id",
        f"tag:bulletin-monitor,2024:{_tag_part(Path(store.path).name)}/{_tag_part(site or 'all')}/events",
    )
    atom_text(feed, "title", f"{label}: changes")
    atom_text(
        feed,
        "subtitle",
        "New, edited, removed and restored releases, as bulletin-monitor detected them.",
    )
    atom_text(
        feed,
        "updated",
        max((rfc3339(i["detected_at"]) or "" for i in items), default="") or now or now_rfc3339(),
    )
    if safe_url(self_url):
        ET.SubElement(
            feed, atom_name("link"), rel="self", type="application/atom+xml", href=self_url
        )
    author = ET.SubElement(feed, atom_name("author"))
    atom_text(author, "name", label)
    ET.SubElement(feed, atom_name("generator")).text = GENERATOR
    for item in items:
        _entry(feed, item, archive_url)
    tree = ET.ElementTree(feed)
    ET.indent(tree)
    tree.write(out, encoding="utf-8", xml_declaration=True)
    out.write(b"\n")
    return len(items)


def write_feed_file(store, path: str | os.PathLike, **options) -> int:
    """:func:`write_feed` to ``path``, atomically: a reader (a web server) sees the old file or the new."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            count = write_feed(store, out, **options)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def write_feed_dir(
    store, directory: str | os.PathLike, sites, *, feed_url: str | None = None, **options
) -> list[Path]:
    """The service's feed files: ``all.atom`` and ``SITE.atom`` for each of ``sites`` (a site
    called ``all``: ``site-all.atom``);
    ``feed_url`` is where the directory is published (each file's self link)."""
    directory = Path(directory)
    written = []
    # A site called "all" must not overwrite the feed of every site.
    for site, name in [(None, "all"), *((s, "site-all" if s == "all" else s) for s in sites)]:
        path = directory / f"{name}.atom"
        self_url = f"{feed_url.rstrip('/')}/{quote(path.name)}" if feed_url else None
        write_feed_file(store, path, site=site, self_url=self_url, **options)
        written.append(path)
    return written


def entry_id(item: dict) -> str:
    """The entry's ``tag:`` URI: the release's host, the day the event was detected, and the
    event's kind, release (a digest of its canonical URL) and detection time — the same every
    time the feed is written, different for every event."""
    url = item.get("url") or ""
    host = (urlsplit(url).hostname or "bulletin-monitor").encode("idna").decode("ascii")
    moment = datetime.fromisoformat(item["detected_at"]).astimezone(UTC)
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return f"tag:{host},{moment:%Y-%m-%d}:bulletin-monitor/{item['kind']}/{digest}/{moment:%H%M%S}/{item['event_id']}"


def _entry(feed, item: dict, archive_url: str | None) -> None:
    version = item.get("version") or {}
    entry = ET.SubElement(feed, atom_name("entry"))
    atom_text(entry, "id", entry_id(item))
    title = version.get("title") or item.get("url") or "(untitled)"
    atom_text(entry, "title", f"{KIND_WORDS.get(item['kind'], item['kind'])}: {title}")
    detected = rfc3339(item["detected_at"]) or now_rfc3339()
    atom_text(entry, "updated", detected)
    atom_text(entry, "published", detected)
    entry_author = ET.SubElement(entry, atom_name("author"))
    atom_text(entry_author, "name", version.get("source") or item.get("site_title") or item["site"])
    original = safe_url(item.get("url"))
    href = archived_copy(item, archive_url)[0] if item["kind"] == "removed" else None
    if href:
        # The page is gone: the entry leads to the archived copy; the old address stays, as related.
        ET.SubElement(entry, atom_name("link"), rel="alternate", type="text/html", href=href)
        if original:
            ET.SubElement(entry, atom_name("link"), rel="related", type="text/html", href=original)
    elif original:
        ET.SubElement(entry, atom_name("link"), rel="alternate", type="text/html", href=original)
    ET.SubElement(entry, atom_name("category"), term=item["kind"], scheme=KIND_SCHEME)
    ET.SubElement(
        entry,
        atom_name("category"),
        term=clean_xml(item["site"]),
        label=clean_xml(item.get("site_title") or item["site"]),
    )
    content = atom_text(entry, "content", event_html(item, archive_url))
    content.set("type", "html")


def _tag_part(text: str) -> str:
    # tag: specific part: pchar only; anything else percent-encoded.
    return quote(text, safe="-._~!$&'()*+,;=:@")
