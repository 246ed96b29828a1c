"""Archivists' commands: search, show, history, diff, export.

They share one output style — a heading line, ``key: value`` lines, then tables or text — and
``--json`` everywhere: JSON Lines for lists (search, history), one JSON document for a single
release (show, diff).
"""

from __future__ import annotations

import csv
import io
import json
import sys

import click

from storage import BulletinError, NotFound

from ..output import json_line, table
from .common import open_store, utc_iso

SEARCH_FIELDS = ["id", "site", "url", "title", "source", "published_at", "snippet"]
SHORT_FIELDS = ("title", "source", "published_at")


def _heading(text: str) -> None:
    click.echo(click.style(text, bold=True))


def _field(name: str, value) -> None:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    click.echo(f"  {name + ':':16}{value if value not in (None, '') else '-'}")


def _json_document(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


# search --------------------------------------------------------------------------------------


@click.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--site", help="Only this site.")
@click.option("--since", metavar="DATE", help="Published on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Published on or before DATE (YYYY-MM-DD).")
@click.option("--source", metavar="TEXT", help="Source (来源) contains TEXT.")
@click.option("--column", metavar="TEXT", help="Listed in a column whose name contains TEXT.")
@click.option(
    "--kind",
    metavar="KIND",
    help="Releases with an event of this kind: new, edited, removed, restored.",
)
@click.option(
    "--all-versions",
    is_flag=True,
    help="Search every version, not only the latest; say which matched.",
)
@click.option(
    "--substring",
    is_flag=True,
    help="Match Latin-script terms inside words too (by default they match whole words; end one with * "
    "for words starting with it).",
)
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(1), help="How many results."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per result.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (UTF-8 with BOM, for spreadsheets).")
@click.pass_context
def search(
    ctx,
    query,
    site,
    since,
    until,
    source,
    column,
    kind,
    all_versions,
    substring,
    limit,
    as_json,
    as_csv,
):
    """Find releases containing QUERY, newest first.

    Chinese matches as substrings; simplified and traditional characters, full- and half-width
    forms and pinyin-annotated text (統(tǒng)戰(zhàn)) all match each other. Latin-script terms
    match whole words (`he` does not find "the"; `vaccin*` finds "vaccinated"; --substring
    matches inside words). Several terms must all occur. Matches are shown in [brackets].
    """
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    text = " ".join(query)
    if not text.strip():
        raise click.BadParameter("empty query", param_hint="QUERY")
    with open_store(ctx) as store:
        hits = store.search(
            text,
            site=site,
            since=since,
            until=until,
            source=source,
            column=column,
            kind=kind,
            all_versions=all_versions,
            substring=substring,
            limit=limit,
        )
    fields = SEARCH_FIELDS + (["version", "versions"] if all_versions else [])
    if as_json:
        for hit in hits:
            click.echo(json_line({key: hit[key] for key in fields}))
        return
    if as_csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(fields)
        for hit in hits:
            writer.writerow(["" if hit[key] is None else hit[key] for key in fields])
        click.echo("\ufeff" + buffer.getvalue(), nl=False)
        return
    if not hits:
        click.echo("no matches", err=True)
        return
    for hit in hits:
        _heading(f"{hit['title'] or '(no title)'}")
        line = (
            f"  #{hit['id']}  {hit['site']}  {hit['published_at'] or '-'}  {hit['source'] or '-'}"
        )
        if all_versions:
            line += f"  version {hit['version']} of {hit['versions']}"
        if hit["status"] != "live":
            line += f"  [{hit['status']}]"
        click.echo(line)
        click.echo(f"  {hit['url']}")
        click.echo(f"  {hit['snippet']}")
        click.echo("")


# show / history ------------------------------------------------------------------------------


def _version_summary(version: dict) -> dict:
    return {
        "version": version["seq"],
        "version_id": version["id"],
        "fetched_at": version["fetched_at"],
        "changed_fields": version["changed_fields"],
        "title": version["title"],
        "source": version["source"],
        "published_at": version["published_at"],
        "http_status": version["http_status"],
        "raw_size": version["raw_size"],
    }


@click.command()
@click.argument("url_or_id")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.pass_context
def show(ctx, url_or_id, as_json):
    """A release: its metadata, columns, body, versions and events."""
    with open_store(ctx) as store:
        release = store.release(url_or_id)
        versions = store.versions(release["id"])
        events = store.release_events(release["id"])
    body = versions[-1]["body"] if versions else ""
    data = {
        "id": release["id"],
        "site": release["site"],
        "url": release["url"],
        "status": release["status"],
        "missing_since": release["missing_since"],
        "title": release["title"],
        "source": release["source"],
        "published_at": release["published_at"],
        "columns": release["columns"],
        "breadcrumb": release["breadcrumb"],
        "attachments": release["attachments"],
        "first_seen_at": release["first_seen_at"],
        "last_seen_at": release["last_seen_at"],
        "versions": [_version_summary(v) for v in versions],
        "events": events,
        "body": body,
    }
    if as_json:
        _json_document(data)
        return
    _heading(data["title"] or "(no title)")
    for key in (
        "id",
        "site",
        "url",
        "status",
        "source",
        "published_at",
        "columns",
        "first_seen_at",
        "last_seen_at",
    ):
        value = data[key]
        if key == "status" and data["missing_since"] and value != "removed":
            value = f"{value}, pending removal (missing since {data['missing_since']})"
        _field(key, value)
    _field("breadcrumb", " > ".join(data["breadcrumb"]))
    for attachment in data["attachments"]:
        _field("attachment", f"{attachment.get('name') or ''} <{attachment.get('url')}>")
    click.echo("")
    _heading(f"versions ({len(versions)})")
    click.echo(
        _indent(
            table(
                data["versions"],
                [
                    ("version", "seq", 4),
                    ("fetched_at", "fetched", 25),
                    ("changed_fields", "changed", 22),
                    ("title", "title", 40),
                ],
            )
        )
    )
    click.echo("")
    _heading(f"events ({len(events)})")
    click.echo(
        _indent(
            table(
                [
                    {**e, "kind": e["kind"] + (" (baseline)" if e["baseline"] else "")}
                    for e in events
                ],
                [
                    ("detected_at", "detected", 25),
                    ("kind", "kind", 16),
                    ("version", "seq", 4),
                    ("changed_fields", "changed", 30),
                ],
            )
        )
    )
    click.echo("")
    _heading("body")
    click.echo(body)


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


@click.command()
@click.argument("url_or_id")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per entry.")
@click.pass_context
def history(ctx, url_or_id, as_json):
    """What happened to a release, oldest first: each version with its time and changed fields,
    and removals and restorations — with those of releases merged into it (each entry names its
    release)."""
    with open_store(ctx) as store:
        release = store.release(url_or_id)
        merged = store.merged_releases(release["id"])
        entries = []
        for release_id in [release["id"], *(m["id"] for m in merged)]:
            versions = {v["seq"]: v for v in store.versions(release_id)}
            for event in store.release_events(release_id):
                version = versions.get(event["version"]) if event["version"] else None
                entries.append(
                    {
                        "at": event["detected_at"],
                        "kind": event["kind"],
                        "version": event["version"],
                        "changed_fields": event["changed_fields"],
                        "baseline": event["baseline"],
                        "title": version["title"] if version else None,
                        "published_at": version["published_at"] if version else None,
                        "release_id": release_id,
                    }
                )
    entries.sort(key=lambda entry: entry["at"])
    if as_json:
        for entry in entries:
            click.echo(json_line(entry))
        return
    _heading(release["title"] or "(no title)")
    _field("id", release["id"])
    _field("url", release["url"])
    _field("status", release["status"])
    for m in merged:
        _field("merged", f"release {m['id']} ({m['url']}), its entries marked with its id")
    click.echo("")
    columns = [
        ("at", "when", 25),
        ("kind", "kind", 9),
        ("version", "seq", 4),
        ("changed_fields", "changed", 26),
        ("title", "title", 40),
    ]
    if merged:
        columns.insert(0, ("release_id", "release", 7))
    click.echo(_indent(table(entries, columns)))


# diff ----------------------------------------------------------------------------------------


def diff_versions(old: dict, new: dict, context: int = 40) -> dict:
    """What changed between two versions: short fields old/new, attachments, the body diff."""
    from storage import changed_fields, diff_texts, render_text_diff

    changed = changed_fields(old, new)
    fields = {
        name: {"old": old[name], "new": new[name]} for name in SHORT_FIELDS if name in changed
    }
    before = {a.get("url"): a.get("name") for a in old["attachments"] or []}
    after = {a.get("url"): a.get("name") for a in new["attachments"] or []}
    ops = diff_texts(old["body"], new["body"]) if "body" in changed else []
    return {
        "changed_fields": changed,
        "fields": fields,
        "attachments": {
            "added": [{"url": u, "name": after[u]} for u in after if u not in before],
            "removed": [{"url": u, "name": before[u]} for u in before if u not in after],
        },
        "body_diff": render_text_diff(ops, context=context) if ops else "",
        "body_ops": [list(op) for op in ops],
    }


def _versions_to_compare(
    release_id: int, seqs: list[int], from_seq: int | None, to_seq: int | None
) -> tuple[int, int]:
    """The two versions ``diff`` compares: those asked for; without --from the version before
    --to, without --to the latest. Errors name the version the user asked for."""
    if len(seqs) == 1:
        have = f"it has version {seqs[0]} only"
    elif seqs == list(range(seqs[0], seqs[-1] + 1)):
        have = f"it has versions {seqs[0]}–{seqs[-1]}"
    else:
        have = f"it has versions {', '.join(map(str, seqs))}"
    for option, seq in (("--from", from_seq), ("--to", to_seq)):
        if seq is not None and seq not in seqs:
            raise NotFound(f"release {release_id} has no version {seq} ({option} {seq}; {have})")
    if len(seqs) == 1:
        raise BulletinError(f"release {release_id} has only one version: nothing to compare")
    if from_seq is None and to_seq is None:
        return seqs[-2], seqs[-1]
    if from_seq is None:
        if to_seq == seqs[0]:
            raise BulletinError(
                f"release {release_id}: version {to_seq} is the first; give --from to compare it"
            )
        return seqs[seqs.index(to_seq) - 1], to_seq
    if to_seq is None:
        to_seq = seqs[-1] if from_seq != seqs[-1] else None
        if to_seq is None:
            raise BulletinError(
                f"release {release_id}: version {from_seq} is the latest; give --to to compare it"
            )
    if from_seq == to_seq:
        raise BulletinError(
            f"release {release_id}: --from and --to are both version {from_seq}: nothing to compare"
        )
    return from_seq, to_seq


@click.command()
@click.argument("url_or_id")
@click.option(
    "--from",
    "from_seq",
    type=click.IntRange(1),
    help="Old version (its number in `history`); default: the one before --to.",
)
@click.option(
    "--to",
    "to_seq",
    type=click.IntRange(1),
    help="New version (its number in `history`); default: the latest.",
)
@click.option(
    "--context",
    default=40,
    show_default=True,
    type=click.IntRange(0),
    help="Characters of unchanged text shown around each change.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.pass_context
def diff(ctx, url_or_id, from_seq, to_seq, context, as_json):
    """What changed between two versions of a release (by default the latest two).

    The body diff marks deletions [-like this-] and insertions {+like this+}.
    """
    with open_store(ctx) as store:
        release = store.release(url_or_id)
        versions = {v["seq"]: v for v in store.versions(release["id"])}
    from_seq, to_seq = _versions_to_compare(release["id"], sorted(versions), from_seq, to_seq)
    old, new = versions[from_seq], versions[to_seq]
    result = {
        "id": release["id"],
        "url": release["url"],
        "from": from_seq,
        "to": to_seq,
        "from_fetched_at": old["fetched_at"],
        "to_fetched_at": new["fetched_at"],
        **diff_versions(old, new, context),
    }
    if as_json:
        _json_document(result)
        return
    _heading(f"{new['title'] or release['url']}")
    _field("id", release["id"])
    _field("url", release["url"])
    _field("versions", f"{from_seq} ({old['fetched_at']}) → {to_seq} ({new['fetched_at']})")
    _field("changed", result["changed_fields"] or "nothing")
    for name, values in result["fields"].items():
        _field(name, f"[-{values['old'] or ''}-]{{+{values['new'] or ''}+}}")
    for attachment in result["attachments"]["added"]:
        _field("attachment", f"{{+{attachment['name'] or ''} <{attachment['url']}>+}}")
    for attachment in result["attachments"]["removed"]:
        _field("attachment", f"[-{attachment['name'] or ''} <{attachment['url']}>-]")
    if result["body_diff"]:
        click.echo("")
        _heading("body")
        click.echo(result["body_diff"])


# export --------------------------------------------------------------------------------------


@click.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["jsonl", "csv", "atom", "warc"]),
    help="jsonl/csv: releases; atom: a feed; warc: every version as served.",
)
@click.option("--site", help="Only this site.")
@click.option("--since", metavar="DATE", help="Releases published on or after DATE (YYYY-MM-DD).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to FILE (default: stdout).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Report what was written as one JSON object (on stdout with -o, else on stderr).",
)
@click.pass_context
def export(ctx, fmt, site, since, output, as_json):
    """Export releases: JSON Lines, CSV (opens in spreadsheets), Atom, or WARC (warcio).

    WARC files hold one response record per stored version, built from the stored raw body,
    status and headers, so standard WARC tools can replay the pages as they were served.
    """
    with open_store(ctx) as store:
        if output:
            try:
                with open(output, "wb") as out:
                    count = store.export(fmt, out, site=site, since=since)
            except OSError as exc:
                raise click.ClickException(f"{output}: {exc.strerror or exc}") from exc
        else:
            if fmt == "warc" and sys.stdout.isatty():
                raise click.UsageError("WARC is binary: write it with -o FILE or redirect stdout")
            sys.stdout.flush()
            out = sys.stdout.buffer
            count = store.export(fmt, out, site=site, since=since)
            out.flush()
    unit = "versions" if fmt == "warc" else ("entries" if fmt == "atom" else "releases")
    if as_json:
        # With -o the data is in the file and stdout is free; without, stdout is the data.
        click.echo(
            json.dumps(
                {
                    "format": fmt,
                    "output": output,
                    "count": count,
                    "unit": unit,
                    "site": site,
                    "since": since,
                },
                ensure_ascii=False,
            ),
            err=not output,
        )
        return
    click.echo(f"{count} {unit} written to {output or 'stdout'}", err=True)


# datasette -----------------------------------------------------------------------------------


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("db", required=False, metavar="[DB]")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8001,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@click.option("-o", "--open", "open_browser", is_flag=True, help="Open the site in a web browser.")
@click.argument(
    "datasette_args", nargs=-1, type=click.UNPROCESSED, metavar="[-- DATASETTE OPTIONS]"
)
@click.pass_context
def datasette(ctx, db, host, port, open_browser, datasette_args):
    """Serve the store DB (default: --db) in Datasette, searched as `bulletin search` searches.

    Runs `datasette serve` with the project's plugin: table descriptions and canned queries for
    this file whatever its name, a search (canned query `search`, and the search box of
    search_docs) that folds traditional characters and finds 1–2 character terms, and the stored
    text instead of the index's folded copy. Options after `--` go to `datasette serve`.
    Needs datasette: pip install -e '.[datasette]'.
    """
    from pathlib import Path

    if db and db.startswith("-"):
        datasette_args, db = (db, *datasette_args), None
    try:
        from datasette.cli import cli as datasette_cli
        from datasette.plugins import pm
    except ImportError:
        raise click.ClickException(
            "datasette is not installed: pip install -e '.[datasette]' (or pip install 'datasette<1')"
        ) from None
    from .. import datasette_plugin

    if db:
        ctx.obj["db"] = db
    path = Path(ctx.obj["db"])
    with open_store(ctx):
        pass  # applies any pending migration, so the index the plugin reads is current
    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, "bulletin_monitor")
    args = [
        "serve",
        str(path),
        "--host",
        host,
        "--port",
        str(port),
        *(["-o"] if open_browser else []),
        *datasette_args,
    ]
    click.echo(f"serving {path} at http://{host}:{port}/{path.stem} (Ctrl-C to stop)", err=True)
    datasette_cli.main(args=args, prog_name="datasette", standalone_mode=True)


# feed ----------------------------------------------------------------------------------------


@click.command()
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    help="Write to FILE (atomically) instead of stdout.",
)
@click.option("--site", help="Only this site's events.")
@click.option(
    "--since",
    metavar="ISO",
    help="Only events detected at or after this time (ISO 8601, UTC if no offset).",
)
@click.option(
    "--limit",
    default=100,
    show_default=True,
    type=click.IntRange(1),
    help="At most this many entries (the most recent).",
)
@click.option(
    "--archive-url",
    metavar="URL",
    help="Datasette address of this database, for links to archived copies (default: [serve] archive_url).",
)
@click.option(
    "--self-url", metavar="URL", help='Where the feed will be published (its rel="self" link).'
)
@click.pass_context
def feed(ctx, output, site, since, limit, archive_url, self_url):
    """Write an Atom feed of changes: one entry per event — new, edited (with the diff), removed
    (linking to the archived copy), restored — newest first, baseline crawls left out.

    `bulletin serve` rewrites such files after every crawl when [serve] feed_dir is set.
    """
    from ..feed import write_feed, write_feed_file

    since_utc = utc_iso(since) if since else None
    if archive_url is None:
        archive_url = _configured_archive_url(ctx)
    for name, value in (("--archive-url", archive_url), ("--self-url", self_url)):
        if value is not None and not value.lower().startswith(("http://", "https://")):
            raise click.BadParameter(f"expected an http(s) URL, got {value!r}", param_hint=name)
    with open_store(ctx) as store:
        if site and site not in {row["name"] for row in store.sites()}:
            raise click.BadParameter(f"no site {site!r} in {store.path}", param_hint="--site")
        options = {
            "site": site,
            "since": since_utc,
            "limit": limit,
            "archive_url": archive_url,
            "self_url": self_url,
        }
        if output:
            count = write_feed_file(store, output, **options)
        else:
            count = write_feed(store, sys.stdout.buffer, **options)
            sys.stdout.flush()
    click.echo(f"{count} entries" + (f" written to {output}" if output else ""), err=True)


def _configured_archive_url(ctx) -> str | None:
    """``[serve] archive_url`` when a configuration file exists; a feed needs no configuration."""
    from ..config import load_config, resolve_config_path

    if not resolve_config_path(ctx.obj["config"]).exists():
        return None
    return load_config(ctx.obj["config"]).serve.archive_url
