"""``bulletin crawl``, ``serve`` and ``demo``: the commands that fetch."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import click

from ..output import json_line, table
from .common import EXIT_INTERRUPTED, EXIT_SITE_FAILED, EXIT_STORE_FAILED, read_config, stop_signals

# crawl ---------------------------------------------------------------------------------------


def _parse_settings(values) -> dict:
    overrides = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {value!r}", param_hint="--set")
        overrides[name.strip()] = setting
    return overrides


@click.command()
@click.argument("sites", nargs=-1)
@click.option(
    "--set",
    "-s",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy setting for this run (e.g. -s DOWNLOAD_DELAY=0).",
)
@click.option(
    "--progress",
    type=click.Choice(["auto", "tty", "log", "off"]),
    default="auto",
    show_default=True,
    help="Live progress: a status line on a terminal, log lines otherwise.",
)
@click.option(
    "--full",
    is_flag=True,
    help="Walk every list page and refetch every listed article, ignoring what is known and validators.",
)
@click.option(
    "--wait",
    "wait_seconds",
    type=click.FloatRange(0),
    default=0,
    metavar="SECONDS",
    help="When another process is crawling a site, wait up to SECONDS instead of refusing.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also show Scrapy's own log (start-up versions, settings, stats).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print one JSON object per site (its crawl row, failures, gone releases) instead of the summary.",
)
@click.pass_context
def crawl(ctx, sites, settings, progress, full, wait_seconds, verbose, as_json):
    """Crawl SITES (default: every configured site) and store what they publish.

    Prints a summary per site. Ctrl-C (or SIGTERM) stops the crawl: nothing new is requested,
    the requests in flight get a few seconds (BULLETIN_STOP_GRACE, 5 s), a second Ctrl-C stops
    at once; the crawl row is marked interrupted and everything stored stays whole.

    \b
    Exit status:
      0    the crawl ran (to its end, or cut short by max_requests or a CLOSESPIDER_*
           setting: the summary says which; the next crawl walks on)
      1    a one-line error: unknown site, invalid configuration, or the site is being
           crawled by another process (see --wait)
      3    a site could not be crawled at all (unreachable, or blocking us)
      4    the database could not be written (disk or BULLETIN_DB_MAX_BYTES full, locked by
           another process past BULLETIN_STORE_LOCK_WAIT, I/O error): the crawl stopped at
           once; what was committed stays; run it again once that is fixed
      130  stopped by Ctrl-C or SIGTERM before the end
    """
    config = read_config(ctx)
    chosen = [config.site(name) for name in sites] if sites else list(config.sites.values())
    overrides = {
        "BULLETIN_PROGRESS": progress,
        "BULLETIN_FULL_CRAWL": full,
        "BULLETIN_VERBOSE": verbose,
        **_parse_settings(settings),
    }
    from contextlib import ExitStack

    from ..monitor.lock import site_lock

    with ExitStack() as locks:
        for site in chosen:
            locks.enter_context(site_lock(ctx.obj["db"], site.name, wait=wait_seconds))
        _sync_subscriptions(ctx.obj["db"], config)
        _run_and_report(ctx.obj["db"], chosen, overrides, as_json=as_json)


def _sync_subscriptions(db_path, config) -> None:
    """Subscriptions must be in the store before a crawl records events, or nobody is alerted."""
    from storage import Store

    from ..alerts import sync_subscriptions

    with Store(db_path) as store:
        sync_subscriptions(store, config)


def _run_and_report(db_path, sites, overrides, *, as_json: bool = False) -> list:
    from ..runner import run_crawls

    started = time.monotonic()
    outcomes = run_crawls(sites, str(db_path), overrides=overrides)
    elapsed = time.monotonic() - started
    failed = [outcome for outcome in outcomes if not outcome.ok]
    for outcome in outcomes:
        if (
            "id" not in outcome.crawl
        ):  # the crawl could not even open its row: the error line says why
            continue
        click.echo(
            json_line(_summary_record(outcome, sites, db_path, elapsed))
            if as_json
            else _summary(outcome, sites)
        )
    if not as_json:
        click.echo(f"database: {db_path}  ({elapsed:.1f} s)")
    for outcome in failed:
        if outcome.store_failure:
            click.echo(
                f"Error: {outcome.site}: crawl stopped, the database cannot be written: {outcome.store_failure}",
                err=True,
            )
        else:
            click.echo(f"Error: {outcome.site}: {outcome.crawl['error']}", err=True)
    if any(outcome.store_failure for outcome in failed):
        sys.exit(EXIT_STORE_FAILED)
    if failed:
        sys.exit(EXIT_SITE_FAILED)
    if any(outcome.interrupted for outcome in outcomes):
        sys.exit(EXIT_INTERRUPTED)
    return outcomes


def _summary_record(outcome, sites, db_path, elapsed: float) -> dict:
    """``crawl --json``: the crawl row's columns (docs/schema.md), the site's title, the first
    failed fetches and gone releases, the database and the run's seconds."""

    def brief(rows):
        return [{key: row[key] for key in ("url", "reason", "http_status")} for row in rows]

    return {
        **outcome.crawl,
        "title": next((s.title for s in sites if s.name == outcome.site), outcome.site),
        "failures": brief([f for f in outcome.failures if not f.get("missing")]),
        "gone": brief([f for f in outcome.failures if f.get("missing")]),
        "database": str(db_path),
        "seconds": round(elapsed, 1),
    }


def _summary(outcome, sites) -> str:
    crawl = outcome.crawl
    title = next((s.title for s in sites if s.name == outcome.site), outcome.site)
    by_status = ", ".join(
        f"{code}: {count}" for code, count in sorted(crawl["responses_by_status"].items())
    )
    restored = crawl.get("releases_restored", 0)
    lines = [
        f"{title} ({outcome.site}) — crawl #{crawl['id']}{' (baseline)' if crawl['baseline'] else ''}: {crawl['status']}",
        *_ended(crawl),
        f"  pages fetched   {crawl['pages_fetched']}" + (f"  ({by_status})" if by_status else ""),
        f"  list pages      {crawl['list_pages']}",
        f"  releases        {crawl['releases_new']} new, {crawl['releases_edited']} edited, "
        f"{crawl.get('releases_removed', 0)} removed, {restored} restored, {crawl['releases_seen']} already known"
        + (
            f" ({crawl['not_modified']} pages answered 304 Not Modified)"
            if crawl.get("not_modified")
            else ""
        ),
    ]
    if crawl.get("releases_moved"):
        lines.append(
            f"  moved           {crawl['releases_moved']} releases now at a new address (the old "
            "one redirects there and is kept as an alias: no removal, no new release)"
        )
    if crawl.get("releases_refreshed"):
        lines.append(
            f"  refreshed       {crawl['releases_refreshed']} known releases re-read from their "
            "stored pages under new extraction rules before comparing (no events)"
        )
    if crawl.get("revisits_due_by") or crawl.get("revisited"):
        lines.append(f"  revisits        {_revisits(crawl)}")
    gone = [f for f in outcome.failures if f.get("missing")]
    if crawl.get("releases_missing"):
        lines.append(
            f"  gone            {crawl['releases_missing']} known releases answered 404/410 or redirected"
            " away (each is removed once a miss removal_confirm_after later confirms it; those"
            " already confirmed are in the removed count above)"
        )
        lines.extend(f"    {failure['url']}: {failure['reason']}" for failure in gone[:3])
    lines.append(f"  errors          {crawl['errors']}")
    lines.extend(
        f"    {failure['url']}: {failure['reason']}"
        for failure in [f for f in outcome.failures if not f.get("missing")][:3]
    )
    return "\n".join(lines)


def _ended(crawl: dict) -> list[str]:
    """Why a crawl stopped before its end, and what that means for the next one."""
    if crawl["status"] == "cut_short":
        return [
            f"  ended           {crawl['error']}: an unfinished walk (nothing it did not reach is "
            "taken as seen or gone; the next crawl walks on)"
        ]
    if crawl["status"] == "interrupted" and crawl.get("error"):
        return [f"  ended           {crawl['error']}: the next crawl completes it"]
    return []


def _revisits(crawl: dict) -> str:
    """How many releases the crawl re-checked, and when the others are due (docs/configuration.md, revisit_max)."""
    text = f"{crawl.get('revisited') or 0} releases re-checked"
    for label, key in (("next due", "revisits_next_at"), ("all others by", "revisits_due_by")):
        if crawl.get(key):
            text += f"; {label} {_utc_minute(crawl[key])}"
    return text


def _utc_minute(stamp: str) -> str:
    return stamp[:16].replace("T", " ") + " UTC" if stamp.endswith("+00:00") else stamp


# serve ---------------------------------------------------------------------------------------


@click.command()
@click.pass_context
def serve(ctx):
    """Run the scheduler: crawl every configured site on its schedule until SIGTERM/SIGINT.

    Each run probes the site first and skips the crawl when nothing changed; crawls run in child
    processes with a time limit. Everything is logged to stderr, one line per event (each crawl's
    summary included); stdout stays empty. See docs/operations.md.
    """
    import logging

    from ..monitor.service import LOG_DATEFORMAT, LOG_FORMAT, Service

    config = read_config(ctx)
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format=LOG_FORMAT, datefmt=LOG_DATEFORMAT
    )
    for noisy in ("apscheduler", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    from storage import Store

    Store(ctx.obj["db"]).close()  # create and migrate the database before the first job
    sys.exit(Service(config, ctx.obj["db"], config_path=config.path).run())


# demo ----------------------------------------------------------------------------------------


@click.command()
@click.option(
    "--keep", is_flag=True, help="Keep serving the sample site after the crawl (Ctrl-C to stop)."
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also show Scrapy's own log (start-up versions, settings, stats).",
)
@click.pass_context
def demo(ctx, keep, verbose):
    """Serve a bundled sample government site on 127.0.0.1, crawl it into a fresh database, show it.

    Needs no network. The database is written to --db when given, else to a new temporary file.
    """
    from ..config import config_from_dict
    from ..demo import SITE_DIR, demo_config
    from ..demo.server import start_server

    source = ctx.parent.get_parameter_source("db_path") if ctx.parent else None
    explicit_db = source not in (None, click.core.ParameterSource.DEFAULT)
    db_path = (
        Path(ctx.obj["db"])
        if explicit_db
        else Path(tempfile.mkdtemp(prefix="bulletin-demo-")) / "demo.db"
    )
    if explicit_db and db_path.exists():
        raise click.ClickException(
            f"{db_path}: already exists; the demo writes a fresh database (choose another --db)"
        )
    with start_server(SITE_DIR) as server:
        click.echo(f"sample site served at {server.url}")
        table_ = demo_config(server.url)
        # The sample site is Chinese but served from 127.0.0.1, which says nothing about its zone.
        table_.setdefault("timezone", "Asia/Shanghai")
        table_.setdefault("politeness", {}).update({"download_delay": 0, "autothrottle": False})
        config = config_from_dict({"sites": {"demo": table_}}, source="<demo>")
        _run_and_report(
            db_path,
            list(config.sites.values()),
            {"BULLETIN_PROGRESS": "off", "BULLETIN_VERBOSE": verbose},
        )
        from storage import Store

        with Store(db_path) as store:
            rows = store.releases(site="demo", limit=100)
        click.echo("")
        click.echo(
            table(
                rows,
                [
                    ("id", "id", 4),
                    ("published_at", "published", 25),
                    ("title", "title", 40),
                    ("source", "source", 10),
                    ("columns", "columns", 30),
                ],
            )
        )
        click.echo(f"\n{len(rows)} releases. Try: bulletin --db {db_path} releases --json")
        if keep:
            with stop_signals() as stopped:
                click.echo(f"serving {server.url} until Ctrl-C")
                while not stopped.wait(3600):
                    pass
            click.echo("stopped")
