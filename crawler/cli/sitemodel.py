"""``bulletin site-model``: what a site's model learned, from how many pages."""

from __future__ import annotations

import json

import click

from storage import NotFound

from ..output import table
from .common import open_store


@click.command("site-model")
@click.argument("site")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the model's summary as one JSON object."
)
@click.option(
    "--all", "show_all", is_flag=True, help="List every template line (default: the first 30)."
)
@click.option(
    "--rebuild",
    is_flag=True,
    help="Learn the model afresh from the site's stored pages and re-extract them under it and the "
    "current extraction rules (no events).",
)
@click.pass_context
def site_model(ctx, site, as_json, show_all, rebuild):
    """Show what the site model of SITE learned: the title affixes its pages share, the lines
    repeated across its pages (never body, title or source), its page shape and list hints.

    The model is learned by crawls (docs/extraction.md); a site never crawled has none.
    """
    from ..extract.sitemodel import SiteModel

    if rebuild:
        from ..reextract import rebuild_site_model

        with open_store(ctx) as store:
            if store.site_config(site) is None:
                raise NotFound(
                    f"no site {site!r} in {store.path} (crawl it first: bulletin crawl {site})"
                )
            model, counts = rebuild_site_model(store, site)
        message = (
            f"rebuilt from {model.pages} stored pages: revision {model.revision}; {counts['checked']} "
            f"versions checked, {counts['reextracted']} re-extracted, {counts['changed']} changed (no events)"
        )
        click.echo(message, err=as_json)
    with open_store(ctx) as store:
        stored = store.site_model(site)
        info = store.site_model_info(site)
        reextracted = len(store.reextractions(site, limit=100_000)) if stored is not None else 0
    if stored is None:
        raise NotFound(f"no site model for {site!r} (crawl the site first: bulletin crawl {site})")
    summary = SiteModel.from_dict(stored).describe(limit=0 if show_all or as_json else 30)
    summary = {
        "site": site,
        "updated_at": info["updated_at"],
        **summary,
        "reextractions": reextracted,
    }
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    state = (
        "applied"
        if summary["active"]
        else f"not applied yet (needs {summary['thresholds']['min_pages']} pages)"
    )
    click.echo(
        f"site model of {site}: learned from {summary['pages']} pages, revision {summary['revision']}, {state}"
    )
    click.echo(
        f"updated {summary['updated_at']}; {summary['reextractions']} stored versions re-extracted under it"
    )
    for kind in ("prefixes", "suffixes"):
        for affix in summary[f"title_{kind}"]:
            click.echo(
                f"title {kind[:-2]}:  {affix['text']}  (on {affix['pages']} pages, share {affix['share']:.0%})"
            )
    if not summary["title_prefixes"] and not summary["title_suffixes"]:
        click.echo("title affixes: none learned")
    click.echo(
        f"template lines: {summary['template_lines']} (on {summary['thresholds']['template_share']:.0%}+ of "
        f"recent pages; {summary['frame_lines']} on {summary['thresholds']['frame_share']:.0%}+: the page shape)"
    )
    if summary["lines"]:
        rows = [
            {**row, "share": f"{row['share']:.0%}", "frame": "frame" if row["frame"] else ""}
            for row in summary["lines"]
        ]
        click.echo(
            table(
                rows,
                [
                    ("share", "share", 5),
                    ("pages", "pages", 5),
                    ("frame", "", 5),
                    ("text", "line", 60),
                ],
            )
        )
        if not show_all and summary["template_lines"] > len(summary["lines"]):
            click.echo(f"… {summary['template_lines'] - len(summary['lines'])} more (--all)")
    for hint in summary["list_hints"]:
        click.echo(f"list hint: {hint['column']}  →  {hint['path']}")
