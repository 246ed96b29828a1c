"""Exports of a store in formats archives read: JSON Lines, CSV, Atom and WARC.

Every writer takes a :class:`~storage.store.Store`, a binary file object and the same filters
(``site``, ``since``), writes UTF-8, and returns how many records it wrote. ``since`` is a date
(``YYYY-MM-DD``): releases published on or after it, by the date the site wrote (releases
without a publish date count from when they were first seen).
"""

from __future__ import annotations

import csv
import io
import json
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from http import HTTPStatus
from typing import BinaryIO
from xml.etree import ElementTree as ET

from .atom import ATOM_NS, GENERATOR, atom_name, atom_text, clean_xml, now_rfc3339, rfc3339
from .dates import parse_day
from .errors import BulletinError

__all__ = [
    "FORMATS",
    "export",
    "export_jsonl",
    "export_csv",
    "export_atom",
    "export_warc",
    "release_records",
]

STATUS_SCHEME = "tag:bulletin-monitor,2024:status"
# Headers that describe the transfer, not the stored body: the body is kept decoded and whole.
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length", "content-md5"}
CSV_COLUMNS = [
    "id",
    "site",
    "url",
    "status",
    "title",
    "source",
    "published_at",
    "columns",
    "attachments",
    "versions",
    "first_seen_at",
    "last_seen_at",
    "fetched_at",
    "body",
]


def release_records(store, *, site: str | None = None, since: str | None = None) -> Iterator[dict]:
    """Every release matching the filters with the fields of its latest version, by id."""
    clauses, params = [], []
    if site:
        clauses.append("r.site = ?")
        params.append(site)
    if since:
        clauses.append("substr(coalesce(v.published_at, r.first_seen_at), 1, 10) >= ?")
        params.append(parse_day(since, "since").isoformat())
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = store.db.query(
        f"""SELECT r.id, r.site, r.url, r.status, v.title, v.source, v.published_at,
                   (SELECT json_group_array(column_name) FROM
                      (SELECT column_name FROM release_columns c WHERE c.release_id = r.id
                       ORDER BY first_seen_at, rowid)) AS columns,
                   v.attachments, v.seq AS versions, r.first_seen_at, r.last_seen_at, v.fetched_at,
                   v.id AS version_id, v.body
            FROM releases r LEFT JOIN versions v ON v.id = r.current_version_id
            {where} ORDER BY r.id""",
        params,
    )
    for row in rows:
        row["columns"] = json.loads(row["columns"] or "[]")
        row["attachments"] = json.loads(row["attachments"] or "[]")
        yield row


def export_jsonl(store, out: BinaryIO, *, site: str | None = None, since: str | None = None) -> int:
    """One JSON object per release (latest version's fields, ``versions`` = how many)."""
    count = 0
    for record in release_records(store, site=site, since=since):
        record.pop("version_id")
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def export_csv(store, out: BinaryIO, *, site: str | None = None, since: str | None = None) -> int:
    """CSV of releases, UTF-8 with a byte-order mark so spreadsheet programs read Chinese right.

    ``columns`` are joined with `` / ``; ``attachments`` are ``name <url>`` lines.
    """
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for record in release_records(store, site=site, since=since):
        record["columns"] = " / ".join(record["columns"])
        record["attachments"] = "\n".join(
            f"{a.get('name') or ''} <{a.get('url') or ''}>".strip() for a in record["attachments"]
        )
        writer.writerow(["" if record[key] is None else record[key] for key in CSV_COLUMNS])
        count += 1
    text.flush()
    text.detach()
    return count


def export_atom(
    store,
    out: BinaryIO,
    *,
    site: str | None = None,
    since: str | None = None,
    limit: int | None = None,
) -> int:
    """An Atom 1.0 feed of releases, newest first: one entry per release with its latest version.

    Entry ids are the releases' canonical URLs; ``updated`` is when the latest version was
    fetched, ``published`` the site's publish time; columns become categories.
    """
    records = list(release_records(store, site=site, since=since))
    records.sort(
        key=lambda r: (rfc3339(r["published_at"]) or r["first_seen_at"] or "", r["id"]),
        reverse=True,
    )
    if limit:
        records = records[:limit]
    titles = {row["name"]: row["title"] for row in store.sites()}
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(atom_name("feed"))
    label = titles.get(site, site) if site else "bulletin-monitor"
    atom_text(feed, "id", f"tag:bulletin-monitor,2024:{store.path.name}/{site or 'all'}")
    atom_text(feed, "title", f"{label}: releases")
    updated = max(
        (rfc3339(r["fetched_at"]) or rfc3339(r["last_seen_at"]) for r in records), default=None
    )
    atom_text(feed, "updated", updated or now_rfc3339())
    author = ET.SubElement(feed, atom_name("author"))
    atom_text(author, "name", label)
    ET.SubElement(feed, atom_name("generator")).text = GENERATOR
    for record in records:
        entry = ET.SubElement(feed, atom_name("entry"))
        atom_text(entry, "id", record["url"])
        atom_text(entry, "title", record["title"] or record["url"])
        atom_text(
            entry,
            "updated",
            rfc3339(record["fetched_at"]) or rfc3339(record["last_seen_at"]) or now_rfc3339(),
        )
        published = rfc3339(record["published_at"])
        if published:
            atom_text(entry, "published", published)
        ET.SubElement(
            entry, atom_name("link"), rel="alternate", type="text/html", href=record["url"]
        )
        entry_author = ET.SubElement(entry, atom_name("author"))
        atom_text(
            entry_author, "name", record["source"] or titles.get(record["site"], record["site"])
        )
        for column in record["columns"]:
            ET.SubElement(entry, atom_name("category"), term=clean_xml(column))
        if record["status"] == "removed":
            # The page is gone from the site; its entry stays, marked (`bulletin feed` says when).
            ET.SubElement(
                entry,
                atom_name("category"),
                term="removed",
                scheme=STATUS_SCHEME,
                label="removed from the site",
            )
        for attachment in record["attachments"]:
            if attachment.get("url"):
                link = ET.SubElement(
                    entry, atom_name("link"), rel="enclosure", href=attachment["url"]
                )
                if attachment.get("name"):
                    link.set("title", clean_xml(attachment["name"]))
        content = atom_text(entry, "content", record["body"] or "")
        content.set("type", "text")
    tree = ET.ElementTree(feed)
    ET.indent(tree)
    tree.write(out, encoding="utf-8", xml_declaration=True)
    out.write(b"\n")
    return len(records)


def export_warc(
    store, out: BinaryIO, *, site: str | None = None, since: str | None = None, gzip: bool = True
) -> int:
    """A WARC file holding every stored version of the matching releases as it was served.

    One ``response`` record per version with a stored body, built from the stored bytes, status
    and headers (``WARC-Target-URI`` = the version's URL, ``WARC-Date`` = when it was fetched),
    followed by a ``metadata`` record with what was extracted. Transfer headers
    (Content-Encoding, Transfer-Encoding) are dropped and Content-Length is set to the stored
    body, which is kept decoded and whole. Returns the number of response records.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(out, gzip=gzip)
    info = writer.create_warcinfo_record(
        f"{store.path.stem}.warc",
        {
            "software": GENERATOR,
            "format": "WARC File Format 1.1",
            "description": f"releases of {site or 'every site'} from {store.path.name}",
        },
    )
    writer.write_record(info)
    count = 0
    for record in release_records(store, site=site, since=since):
        for version in _versions_with_raw(store, record["id"]):
            status = version["http_status"] or 200
            headers = [
                (name, str(value))
                for name, value in (json.loads(version["headers"] or "{}") or {}).items()
                if name.lower() not in _TRANSFER_HEADERS
            ]
            headers.append(("Content-Length", str(len(version["raw_body"]))))
            http_headers = StatusAndHeaders(
                f"{status} {_reason(status)}", headers, protocol="HTTP/1.1"
            )
            warc_date = _warc_date(version["fetched_at"])
            response = writer.create_warc_record(
                version["url"],
                "response",
                payload=io.BytesIO(version["raw_body"]),
                length=len(version["raw_body"]),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": warc_date},
            )
            writer.write_record(response)
            fields = {
                "release-id": record["id"],
                "site": record["site"],
                "version": version["seq"],
                "title": version["title"],
                "source": version["source"],
                "published-at": version["published_at"],
                "final-url": version["final_url"],
                "encoding": version["encoding"],
                "changed-fields": version["changed_fields"],
            }
            payload = "".join(
                f"{key}: {' '.join(str(value).split())}\r\n"
                for key, value in fields.items()
                if value not in (None, "")
            ).encode("utf-8")
            metadata = writer.create_warc_record(
                version["url"],
                "metadata",
                payload=io.BytesIO(payload),
                length=len(payload),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Date": warc_date,
                    "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
                },
            )
            writer.write_record(metadata)
            count += 1
    return count


def _versions_with_raw(store, release_id: int) -> Iterator[dict]:
    rows = store.db.query(
        """SELECT id, seq, url, final_url, fetched_at, http_status, headers, encoding, title, source,
                  published_at, changed_fields, raw_body, raw_compression
           FROM versions WHERE release_id = ? AND raw_body IS NOT NULL ORDER BY seq""",
        [release_id],
    )
    for row in rows:
        if row["raw_compression"] == "zlib":
            row["raw_body"] = zlib.decompress(row["raw_body"])
        yield row


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _warc_date(value: str | None) -> str:
    moment = datetime.fromisoformat(value) if value else datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


FORMATS = {"jsonl": export_jsonl, "csv": export_csv, "atom": export_atom, "warc": export_warc}


def export(store, fmt: str, out: BinaryIO, **filters) -> int:
    """Write ``store`` to ``out`` in ``fmt`` (one of :data:`FORMATS`); returns the record count."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise BulletinError(
            f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})"
        ) from None
    return writer(store, out, **filters)
