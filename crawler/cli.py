"""The ``bulletin`` command line. Every domain error becomes a one-line message, never a traceback."""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path

import click

from storage.errors import BulletinError, FetchError, InvalidArgument

from .output import json_line, table

DEFAULT_DB = "bulletin.db"
EXIT_SITE_FAILED = 3
EXIT_STORE_FAILED = 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


class BulletinGroup(click.Group):
    """A click group that turns :class:`BulletinError` into ``Error: <one line>`` and exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InvalidArgument as exc:
            raise click.ClickException(flag_message(exc)) from exc
        except BulletinError as exc:
            raise click.ClickException(" ".join(str(exc).split())) from exc


def flag_message(exc: InvalidArgument) -> str:
    """A library's argument error in the CLI's terms: the argument ``since`` is the flag ``--since``."""
    return f"--{exc.argument.replace('_', '-')}: {exc.reason}"


@click.group(cls=BulletinGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", envvar="BULLETIN_DB", default=DEFAULT_DB, show_default=True,
              type=click.Path(dir_okay=False), help="SQLite database file (env BULLETIN_DB).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Site configuration (TOML). Default: env BULLETIN_CONFIG, then ./sites.toml.")
@click.version_option(package_name="bulletin-monitor")
@click.pass_context
def cli(ctx, db_path, config_path):
    """bulletin-monitor: crawl government bulletin sites into a versioned SQLite archive."""
    ctx.obj = {"db": db_path, "config": config_path}


def _config(ctx):
    from .config import load_config

    return load_config(ctx.obj["config"])


def _store(ctx, must_exist: bool = True):
    from storage import Store

    path = Path(ctx.obj["db"])
    if must_exist and not path.exists():
        raise click.ClickException(f"{path}: no such database (run `bulletin crawl` first, or set --db / BULLETIN_DB)")
    return Store(path)


# crawl ---------------------------------------------------------------------------------------


def _parse_settings(values) -> dict:
    overrides = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {value!r}", param_hint="--set")
        overrides[name.strip()] = setting
    return overrides


@cli.command()
@click.argument("sites", nargs=-1)
@click.option("--set", "-s", "settings", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy setting for this run (e.g. -s DOWNLOAD_DELAY=0).")
@click.option("--progress", type=click.Choice(["auto", "tty", "log", "off"]), default="auto", show_default=True,
              help="Live progress: a status line on a terminal, log lines otherwise.")
@click.option("--full", is_flag=True,
              help="Walk every list page and refetch every listed article, ignoring what is known and validators.")
@click.option("--wait", "wait_seconds", type=click.FloatRange(0), default=0, metavar="SECONDS",
              help="When another process is crawling a site, wait up to SECONDS instead of refusing.")
@click.option("-v", "--verbose", is_flag=True, help="Also show Scrapy's own log (start-up versions, settings, stats).")
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object per site (its crawl row, failures, gone releases) instead of the summary.")
@click.pass_context
def crawl(ctx, sites, settings, progress, full, wait_seconds, verbose, as_json):
    """Crawl SITES (default: every configured site) and store what they publish.

    Prints a summary per site. Ctrl-C (or SIGTERM) stops the crawl: nothing new is requested,
    the requests in flight get a few seconds (BULLETIN_STOP_GRACE, 5 s), a second Ctrl-C stops
    at once; the crawl row is marked interrupted and everything stored stays whole.

    \b
    Exit status:
      0    the crawl ran
      1    a one-line error: unknown site, invalid configuration, or the site is being
           crawled by another process (see --wait)
      3    a site could not be crawled at all (unreachable, or blocking us)
      4    the database could not be written (disk or BULLETIN_DB_MAX_BYTES full, locked by
           another process past BULLETIN_STORE_LOCK_WAIT, I/O error): the crawl stopped at
           once; what was committed stays; run it again once that is fixed
      130  stopped by Ctrl-C or SIGTERM before the end
    """
    config = _config(ctx)
    chosen = [config.site(name) for name in sites] if sites else list(config.sites.values())
    overrides = {"BULLETIN_PROGRESS": progress, "BULLETIN_FULL_CRAWL": full, "BULLETIN_VERBOSE": verbose,
                 **_parse_settings(settings)}
    from contextlib import ExitStack

    from .monitor.lock import site_lock

    with ExitStack() as locks:
        for site in chosen:
            locks.enter_context(site_lock(ctx.obj["db"], site.name, wait=wait_seconds))
        _sync_subscriptions(ctx.obj["db"], config)
        _run_and_report(ctx.obj["db"], chosen, overrides, as_json=as_json)


def _sync_subscriptions(db_path, config) -> None:
    """Subscriptions must be in the store before a crawl records events, or nobody is alerted."""
    from storage import Store

    from .alerts import sync_subscriptions

    with Store(db_path) as store:
        sync_subscriptions(store, config)


def _run_and_report(db_path, sites, overrides, *, as_json: bool = False) -> list:
    from .runner import run_crawls

    started = time.monotonic()
    outcomes = run_crawls(sites, str(db_path), overrides=overrides)
    elapsed = time.monotonic() - started
    failed = [outcome for outcome in outcomes if not outcome.ok]
    for outcome in outcomes:
        if "id" not in outcome.crawl:  # the crawl could not even open its row: the error line says why
            continue
        click.echo(json_line(_summary_record(outcome, sites, db_path, elapsed)) if as_json else _summary(outcome, sites))
    if not as_json:
        click.echo(f"database: {db_path}  ({elapsed:.1f} s)")
    for outcome in failed:
        if outcome.store_failure:
            click.echo(f"Error: {outcome.site}: crawl stopped, the database cannot be written: {outcome.store_failure}",
                       err=True)
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
        "database": str(db_path), "seconds": round(elapsed, 1),
    }


def _summary(outcome, sites) -> str:
    crawl = outcome.crawl
    title = next((s.title for s in sites if s.name == outcome.site), outcome.site)
    by_status = ", ".join(f"{code}: {count}" for code, count in sorted(crawl["responses_by_status"].items()))
    restored = crawl.get("releases_restored", 0)
    lines = [
        f"{title} ({outcome.site}) — crawl #{crawl['id']}{' (baseline)' if crawl['baseline'] else ''}: {crawl['status']}",
        f"  pages fetched   {crawl['pages_fetched']}" + (f"  ({by_status})" if by_status else ""),
        f"  list pages      {crawl['list_pages']}",
        f"  releases        {crawl['releases_new']} new, {crawl['releases_edited']} edited, "
        f"{crawl.get('releases_removed', 0)} removed, {restored} restored, {crawl['releases_seen']} already known"
        + (f" ({crawl['not_modified']} pages answered 304 Not Modified)" if crawl.get("not_modified") else ""),
    ]
    gone = [f for f in outcome.failures if f.get("missing")]
    if crawl.get("releases_missing"):
        lines.append(f"  gone            {crawl['releases_missing']} known releases answered 404/410 or redirected"
                     " away (each is removed once a later visit confirms it)")
        lines.extend(f"    {failure['url']}: {failure['reason']}" for failure in gone[:3])
    lines.append(f"  errors          {crawl['errors']}")
    lines.extend(f"    {failure['url']}: {failure['reason']}"
                 for failure in [f for f in outcome.failures if not f.get("missing")][:3])
    return "\n".join(lines)


# extract -------------------------------------------------------------------------------------

ARTICLE_FIELDS = ["url", "title", "source", "published_at", "body", "breadcrumb", "column", "attachments"]


@cli.command()
@click.argument("path_or_url")
@click.option("--url", "page_url", help="The page's original URL (resolves relative links of a saved file).")
@click.option("--list", "as_list", is_flag=True, help="Parse a list (column) page instead of an article.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--encoding", help="Force the page's encoding (otherwise decided from the bytes).")
@click.option("--timezone", help="Time zone for dates without one (default: from the host).")
@click.option("--site", "site_name", metavar="NAME",
              help="Apply the site model learned for site NAME (read from --db) and the site's stored settings.")
@click.option("--explain", is_flag=True, help="Name the rule, and the site model entry, behind each field.")
@click.pass_context
def extract(ctx, path_or_url, page_url, as_list, as_json, encoding, timezone, site_name, explain):
    """Parse one saved page (or fetch one URL) and print what the extractor finds.

    Without --site the page is read on its own; with it, what the site repeats on its pages (its
    model, see `bulletin site-model`) is not taken for content.
    """
    from .extract import extract_article, extract_list

    model, options = None, {}
    if site_name:
        model, options = _site_extraction(ctx, site_name)

    body, content_type, url = _read_page(path_or_url, page_url)
    if as_list:
        page = extract_list(body, url, content_type=content_type, encoding=encoding)
        data = {
            "url": page.url,
            "links": [{"url": l.url, "title": l.title, "date": l.date, "pinned": l.pinned} for l in page.links],
            "next_pages": page.next_pages,
            "column": page.column,
            "breadcrumb": page.breadcrumb,
            "client_side_rendered": page.client_side_rendered,
            "encoding": page.encoding,
            "list_path": page.list_path,
            "truncated_rows": page.truncated_rows,
        }
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        click.echo(f"{data['url']}\ncolumn: {data['column'] or '-'}   links: {len(data['links'])}   encoding: {data['encoding']}")
        if page.client_side_rendered:
            click.echo("the list is rendered client-side: the HTML holds no rows")
        click.echo(table(data["links"], [("date", "date", 10), ("title", "title", 48), ("url", "url", 60)]))
        for next_url in data["next_pages"]:
            click.echo(f"next: {next_url}")
        if page.list_path:
            click.echo(f"list at: {page.list_path}")
        if page.truncated_rows:
            click.echo(f"cut: {page.truncated_rows} more rows not read (max_list_rows)")
        return
    options.update({key: value for key, value in (("encoding", encoding), ("timezone", timezone)) if value})
    article = extract_article(body, url, content_type=content_type, model=model, **options).to_dict()
    data = {key: article[key] for key in ARTICLE_FIELDS}
    data.update({key: value for key, value in article.items() if key not in data})
    if model is not None:
        data["site_model"] = {"site": site_name, "revision": model.revision, "pages": model.pages,
                              "applied": model.active}
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key in ("url", "title", "source", "published_at", "column", "encoding"):
        click.echo(f"{key + ':':14}{data.get(key) or '-'}")
    click.echo(f"{'breadcrumb:':14}{' > '.join(data['breadcrumb']) or '-'}")
    for attachment in data["attachments"]:
        click.echo(f"{'attachment:':14}{attachment['name']}  {attachment['url']}")
    if model is not None:
        state = "applied" if model.active else "too young to apply"
        click.echo(f"{'site model:':14}{site_name} revision {model.revision}, {model.pages} pages ({state})")
    if explain:
        click.echo("")
        for key in ("title", "source", "published_at", "body"):
            click.echo(f"{'why ' + key + ':':18}{data.get('explain', {}).get(key) or '-'}")
    click.echo("")
    click.echo(data["body"])


def _site_extraction(ctx, name: str):
    """The stored site model of ``name`` (what extraction applies) and the site's stored settings."""
    from storage.errors import NotFound

    from .extract.sitemodel import SiteModel
    from .reextract import extraction_options

    with _store(ctx) as store:
        stored = store.site_model(name)
        config = store.site_config(name)
    if stored is None:
        raise NotFound(f"no site model for {name!r} (crawl the site first: bulletin crawl {name})")
    return SiteModel.from_dict(stored).for_extraction(), extraction_options(config)


def _read_page(path_or_url: str, page_url: str | None) -> tuple[bytes, str | None, str]:
    if path_or_url.startswith(("http://", "https://")):
        import httpx

        from .settings import USER_AGENT

        try:
            response = httpx.get(path_or_url, follow_redirects=True, timeout=30, headers={"User-Agent": USER_AGENT})
        except httpx.HTTPError as exc:
            raise FetchError(f"{path_or_url}: {type(exc).__name__}: {exc}") from exc
        if response.status_code >= 400:
            raise FetchError(f"{path_or_url}: HTTP {response.status_code}")
        return response.content, response.headers.get("content-type"), page_url or str(response.url)
    path = Path(path_or_url)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"{path}: {exc.strerror or exc}") from exc
    return body, None, page_url or path.resolve().as_uri()


# sites / releases ----------------------------------------------------------------------------


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per site.")
@click.pass_context
def sites(ctx, as_json):
    """Sites and their last crawl: the configured ones, and those only the database knows.

    Without a configuration file the sites the database knows are shown (start pages as of
    their last crawl), so an archive copied elsewhere can still be inspected.
    """
    from .config import resolve_config_path

    config_path = resolve_config_path(ctx.obj["config"])
    have_db = Path(ctx.obj["db"]).exists()
    configured = {}
    if config_path.exists() or not have_db:
        configured = _config(ctx).sites
    else:
        click.echo(f"{config_path}: no such file; showing the sites {ctx.obj['db']} knows", err=True)
    stored, health = {}, {}
    if have_db:
        with _store(ctx) as store:
            stored = {row["name"]: row for row in store.sites()}
            health = {name: store.site_health(name)["state"] for name in {*configured, *stored}}
    rows = []
    for name in [*configured, *sorted(set(stored) - set(configured))]:
        site, row = configured.get(name), stored.get(name, {})
        rows.append({
            "name": name, "title": site.title if site else row.get("title"),
            "start_urls": list(site.start_urls) if site else list(row.get("config", {}).get("start_urls") or []),
            "releases": row.get("releases", 0), "last_crawl_at": row.get("last_crawl_at"),
            "last_crawl_status": row.get("last_crawl_status"), "health": health.get(name, "ok"),
            "configured": site is not None,
        })
    if as_json:
        for row in rows:
            click.echo(json_line(row))
        return
    for row in rows:
        row["shown_name"] = row["name"] + ("" if row["configured"] or not configured else " *")
    click.echo(table(rows, [("shown_name", "site", 14), ("title", "title", 24), ("releases", "releases", 8),
                            ("last_crawl_at", "last crawl", 25), ("last_crawl_status", "status", 11),
                            ("health", "health", 7)]))
    if configured and any(not row["configured"] for row in rows):
        click.echo(f"* in the database, no longer in {config_path}")


@cli.command()
@click.option("--site", help="Only this site.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1), help="How many releases.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per release.")
@click.pass_context
def releases(ctx, site, limit, as_json):
    """Recent releases, newest first; the status column marks releases removed from the site
    (and "pending" those missed once, whose removal waits for a confirming visit)."""
    with _store(ctx) as store:
        rows = store.releases(site=site, limit=limit)
    if as_json:
        for row in rows:
            click.echo(json_line({
                key: row[key] for key in
                ("id", "site", "url", "title", "source", "published_at", "columns", "first_seen_at", "status", "missing_since", "versions")
            }))
        return
    for row in rows:
        row["state"] = row["status"] if row["status"] != "live" else ("pending" if row.get("missing_since") else "")
    click.echo(table(rows, [("id", "id", 5), ("published_at", "published", 25), ("state", "status", 7),
                            ("title", "title", 44), ("source", "source", 12), ("columns", "columns", 24)]))


# events --------------------------------------------------------------------------------------

EVENT_KINDS = ["new", "edited", "removed", "restored"]


@cli.command()
@click.option("--site", help="Only this site.")
@click.option("--kind", type=click.Choice(EVENT_KINDS), help="Only this kind of event.")
@click.option("--since", metavar="ISO", help="Only events detected at or after this time (ISO 8601, UTC if no offset).")
@click.option("--include-baseline", is_flag=True, help="Include the releases found by each site's first crawl.")
@click.option("--limit", type=click.IntRange(1), help="At most this many (the most recent).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per event.")
@click.pass_context
def events(ctx, site, kind, since, include_baseline, limit, as_json):
    """What happened to releases: new, edited, removed (and restored), oldest first."""
    since_utc = _utc_iso(since) if since else None
    with _store(ctx) as store:
        rows = store.events(site, kind=kind, since=since_utc, include_baseline=include_baseline)
    if limit:
        rows = rows[-limit:]
    if as_json:
        for row in rows:
            record = {key: row[key] for key in ("id", "kind", "site", "url", "title", "detected_at", "release_id")}
            record["baseline"] = row["baseline"]
            if row["kind"] == "edited":
                record["changed_fields"] = row["changed_fields"]
            click.echo(json_line(record))
        return
    for row in rows:
        row["what"] = ", ".join(row["changed_fields"]) if row["kind"] == "edited" else ""
    click.echo(table(rows, [("id", "id", 5), ("detected_at", "detected (UTC)", 25), ("kind", "kind", 8),
                            ("site", "site", 10), ("title", "title", 40), ("what", "changed", 20)]))


def _utc_iso(value: str) -> str:
    from datetime import datetime, timezone

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO 8601 date or time: {value!r}", param_hint="--since") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


# serve ---------------------------------------------------------------------------------------


@cli.command()
@click.pass_context
def serve(ctx):
    """Run the scheduler: crawl every configured site on its schedule until SIGTERM/SIGINT.

    Each run probes the site first and skips the crawl when nothing changed; crawls run in child
    processes with a time limit. Everything is logged to stderr, one line per event (each crawl's
    summary included); stdout stays empty. See docs/operations.md.
    """
    import logging

    from .monitor.service import LOG_DATEFORMAT, LOG_FORMAT, Service

    config = _config(ctx)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format=LOG_FORMAT, datefmt=LOG_DATEFORMAT)
    for noisy in ("apscheduler", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    from storage import Store

    Store(ctx.obj["db"]).close()  # create and migrate the database before the first job
    sys.exit(Service(config, ctx.obj["db"], config_path=config.path).run())


# demo ----------------------------------------------------------------------------------------


@cli.command()
@click.option("--keep", is_flag=True, help="Keep serving the sample site after the crawl (Ctrl-C to stop).")
@click.option("-v", "--verbose", is_flag=True, help="Also show Scrapy's own log (start-up versions, settings, stats).")
@click.pass_context
def demo(ctx, keep, verbose):
    """Serve a bundled sample government site on 127.0.0.1, crawl it into a fresh database, show it.

    Needs no network. The database is written to --db when given, else to a new temporary file.
    """
    from .config import config_from_dict
    from .demo import SITE_DIR, demo_config
    from .demo.server import start_server

    source = ctx.parent.get_parameter_source("db_path") if ctx.parent else None
    explicit_db = source not in (None, click.core.ParameterSource.DEFAULT)
    db_path = Path(ctx.obj["db"]) if explicit_db else Path(tempfile.mkdtemp(prefix="bulletin-demo-")) / "demo.db"
    if explicit_db and db_path.exists():
        raise click.ClickException(f"{db_path}: already exists; the demo writes a fresh database (choose another --db)")
    with start_server(SITE_DIR) as server:
        click.echo(f"sample site served at {server.url}")
        table_ = demo_config(server.url)
        # The sample site is Chinese but served from 127.0.0.1, which says nothing about its zone.
        table_.setdefault("timezone", "Asia/Shanghai")
        table_.setdefault("politeness", {}).update({"download_delay": 0, "autothrottle": False})
        config = config_from_dict({"sites": {"demo": table_}}, source="<demo>")
        _run_and_report(db_path, list(config.sites.values()), {"BULLETIN_PROGRESS": "off", "BULLETIN_VERBOSE": verbose})
        from storage import Store

        with Store(db_path) as store:
            rows = store.releases(site="demo", limit=100)
        click.echo("")
        click.echo(table(rows, [("id", "id", 4), ("published_at", "published", 25), ("title", "title", 40),
                                ("source", "source", 10), ("columns", "columns", 30)]))
        click.echo(f"\n{len(rows)} releases. Try: bulletin --db {db_path} releases --json")
        if keep:
            with stop_signals() as stopped:
                click.echo(f"serving {server.url} until Ctrl-C")
                while not stopped.wait(3600):
                    pass
            click.echo("stopped")


@contextlib.contextmanager
def stop_signals():
    """An event set by SIGINT or SIGTERM (those not ignored) while the block runs."""
    import signal
    import threading

    stopped = threading.Event()
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, lambda *_: stopped.set())
    try:
        yield stopped
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def main():
    cli(prog_name="bulletin")


# Command groups that live in their own modules register themselves on `cli`.
from . import cli_alerts  # noqa: E402,F401
from . import cli_archive  # noqa: E402,F401
from . import cli_sitemodel  # noqa: E402,F401

if __name__ == "__main__":
    # Run as `python -m crawler.cli`: use the importable module, where every command is registered.
    from crawler.cli import main as _main

    _main()
