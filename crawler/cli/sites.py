"""``bulletin sites``, ``releases`` and ``events``: what the archive holds, at a glance."""

from __future__ import annotations

from pathlib import Path

import click

from storage import EVENT_KINDS

from ..output import json_line, table
from .common import open_store, read_config, utc_iso

# sites / releases ----------------------------------------------------------------------------


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per site.")
@click.pass_context
def sites(ctx, as_json):
    """Sites and their last crawl: the configured ones, and those only the database knows.

    Without a configuration file the sites the database knows are shown (start pages as of
    their last crawl), so an archive copied elsewhere can still be inspected.
    """
    from ..config import resolve_config_path

    config_path = resolve_config_path(ctx.obj["config"])
    have_db = Path(ctx.obj["db"]).exists()
    configured = {}
    if config_path.exists() or not have_db:
        configured = read_config(ctx).sites
    else:
        click.echo(
            f"{config_path}: no such file; showing the sites {ctx.obj['db']} knows", err=True
        )
    stored, health = {}, {}
    if have_db:
        with open_store(ctx) as store:
            stored = {row["name"]: row for row in store.sites()}
            health = {name: store.site_health(name)["state"] for name in {*configured, *stored}}
    rows = []
    for name in [*configured, *sorted(set(stored) - set(configured))]:
        site, row = configured.get(name), stored.get(name, {})
        rows.append(
            {
                "name": name,
                "title": site.title if site else row.get("title"),
                "start_urls": list(site.start_urls)
                if site
                else list(row.get("config", {}).get("start_urls") or []),
                "releases": row.get("releases", 0),
                "last_crawl_at": row.get("last_crawl_at"),
                "last_crawl_status": row.get("last_crawl_status"),
                "health": health.get(name, "ok"),
                "configured": site is not None,
            }
        )
    if as_json:
        for row in rows:
            click.echo(json_line(row))
        return
    for row in rows:
        row["shown_name"] = row["name"] + ("" if row["configured"] or not configured else " *")
    click.echo(
        table(
            rows,
            [
                ("shown_name", "site", 14),
                ("title", "title", 24),
                ("releases", "releases", 8),
                ("last_crawl_at", "last crawl", 25),
                ("last_crawl_status", "status", 11),
                ("health", "health", 7),
            ],
        )
    )
    if configured and any(not row["configured"] for row in rows):
        click.echo(f"* in the database, no longer in {config_path}")


@click.command()
@click.option("--site", help="Only this site.")
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(1), help="How many releases."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per release.")
@click.pass_context
def releases(ctx, site, limit, as_json):
    """Recent releases, newest first; the status column marks releases removed from the site
    (and "pending" those missed once, whose removal waits for a confirming visit)."""
    with open_store(ctx) as store:
        rows = store.releases(site=site, limit=limit)
    if as_json:
        for row in rows:
            click.echo(
                json_line(
                    {
                        key: row[key]
                        for key in (
                            "id",
                            "site",
                            "url",
                            "title",
                            "source",
                            "published_at",
                            "columns",
                            "first_seen_at",
                            "status",
                            "missing_since",
                            "versions",
                        )
                    }
                )
            )
        return
    for row in rows:
        row["state"] = (
            row["status"]
            if row["status"] != "live"
            else ("pending" if row.get("missing_since") else "")
        )
    click.echo(
        table(
            rows,
            [
                ("id", "id", 5),
                ("published_at", "published", 25),
                ("state", "status", 7),
                ("title", "title", 44),
                ("source", "source", 12),
                ("columns", "columns", 24),
            ],
        )
    )


# events --------------------------------------------------------------------------------------


@click.command()
@click.option("--site", help="Only this site.")
@click.option("--kind", type=click.Choice(EVENT_KINDS), help="Only this kind of event.")
@click.option(
    "--since",
    metavar="ISO",
    help="Only events detected at or after this time (ISO 8601, UTC if no offset).",
)
@click.option(
    "--include-baseline",
    is_flag=True,
    help="Include the releases found by each site's first crawl.",
)
@click.option(
    "--crawl",
    "crawl_id",
    type=click.IntRange(1),
    metavar="ID",
    help="Only the events this crawl recorded (the `id` of `crawl --json`).",
)
@click.option("--limit", type=click.IntRange(1), help="At most this many (the most recent).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per event.")
@click.pass_context
def events(ctx, site, kind, since, include_baseline, crawl_id, limit, as_json):
    """What happened to releases: new, edited, removed (and restored), oldest first."""
    since_utc = utc_iso(since) if since else None
    with open_store(ctx) as store:
        rows = store.events(
            site,
            kind=kind,
            since=since_utc,
            include_baseline=include_baseline,
            crawl_id=crawl_id,
        )
    if limit:
        rows = rows[-limit:]
    if as_json:
        for row in rows:
            record = {
                key: row[key]
                for key in (
                    "id",
                    "kind",
                    "site",
                    "url",
                    "title",
                    "detected_at",
                    "release_id",
                    "version_id",
                    "crawl_id",
                )
            }
            record["baseline"] = row["baseline"]
            if row["kind"] == "edited":
                record["changed_fields"] = row["changed_fields"]
                record["diff"] = row["diff"]
            if row["details"]:
                record["details"] = row["details"]
            click.echo(json_line(record))
        return
    for row in rows:
        row["what"] = ", ".join(row["changed_fields"]) if row["kind"] == "edited" else ""
    click.echo(
        table(
            rows,
            [
                ("id", "id", 5),
                ("detected_at", "detected (UTC)", 25),
                ("kind", "kind", 8),
                ("site", "site", 10),
                ("title", "title", 40),
                ("what", "changed", 20),
            ],
        )
    )


@click.command()
@click.argument("site_names", metavar="[SITE]...", nargs=-1)
@click.option(
    "--as-of",
    metavar="ISO",
    help="Judge freshness as of this time (ISO 8601, UTC if no offset; default: now).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per site.")
@click.pass_context
def inspect(ctx, site_names, as_of, as_json):
    """What a government website inspection counts: stale and blank columns, freshness.

    From what the crawls saw: the newest release of the site and of each column (news and
    dynamics columns are stale after 14 days, notices and policy documents after 183), columns
    with no content, releases without a publication date, and the share of failed fetches in
    the week before.

    \b
    Exit status:
      0  no finding
      1  a one-line error (no such database, a site it has never crawled)
      3  a site has a finding that fails an inspection outright (not updated for 14 days,
         5 or more stale columns, 5 or more blank columns): the FINDING lines say which
    """
    from datetime import datetime

    moment = datetime.fromisoformat(utc_iso(as_of, "--as-of")) if as_of else None
    with open_store(ctx) as store:
        known = [row["name"] for row in store.sites()]
        unknown = [name for name in site_names if name not in known]
        if unknown:
            raise click.ClickException(
                f"no crawled site named {', '.join(unknown)} (known: {', '.join(known) or 'none'})"
            )
        reports = [store.inspection(name, moment) for name in site_names or known]
    for report in reports:
        if as_json:
            click.echo(json_line(report))
            continue
        availability = report["availability"]
        rate = availability["failure_rate"]
        click.echo(
            f"{report['site']}: newest release {report['latest_published'] or 'none'} "
            f"({_days(report['days_since_update'])}), {report['live_releases']} live, "
            f"{report['undated_releases']} without a date; last {availability['days']} days: "
            f"{availability['crawls']} crawls, {availability['failed_fetches']} failed fetches"
            + (f" of {availability['requests']} requests ({rate:.1%})" if rate is not None else "")
        )
        for column in report["columns"]:
            column["age"] = _days(column["days_since_update"])
            column["verdict"] = (
                "blank" if column["blank"] else "stale" if column["stale"] else "ok"
            ) + ("" if column["stale_after_days"] or column["blank"] else " (no rule)")
        click.echo(
            table(
                report["columns"],
                [
                    ("column", "column", 20),
                    ("kind", "kind", 8),
                    ("releases", "releases", 8),
                    ("latest_published", "newest", 25),
                    ("age", "age", 10),
                    ("verdict", "verdict", 14),
                ],
            )
        )
        for finding in report["findings"]:
            click.echo(f"FINDING {report['site']}: {finding}")
    if any(report["findings"] for report in reports):
        ctx.exit(3)


def _days(days: int | None) -> str:
    return "no date" if days is None else f"{days} days"
