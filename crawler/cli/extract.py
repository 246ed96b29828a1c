"""``bulletin extract``: what the extractor finds on one saved page or URL."""

from __future__ import annotations

import json
from pathlib import Path

import click

from storage import FetchError

from ..extract.saved import saved_page_url
from ..output import table
from .common import open_store

# extract -------------------------------------------------------------------------------------

ARTICLE_FIELDS = [
    "url",
    "title",
    "source",
    "published_at",
    "body",
    "breadcrumb",
    "column",
    "attachments",
]


@click.command()
@click.argument("path_or_url")
@click.option(
    "--url",
    "page_url",
    help="The page's original URL (resolves relative links of a saved file; without it they "
    "resolve in the file's folder).",
)
@click.option(
    "--list", "as_list", is_flag=True, help="Parse a list (column) page instead of an article."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--encoding", help="Force the page's encoding (otherwise decided from the bytes).")
@click.option("--timezone", help="Time zone for dates without one (default: from the host).")
@click.option(
    "--site",
    "site_name",
    metavar="NAME",
    help="Apply the site model learned for site NAME (read from --db) and the site's stored settings.",
)
@click.option(
    "--explain", is_flag=True, help="Name the rule, and the site model entry, behind each field."
)
@click.pass_context
def extract(ctx, path_or_url, page_url, as_list, as_json, encoding, timezone, site_name, explain):
    """Parse one saved page (or fetch one URL) and print what the extractor finds.

    Without --site the page is read on its own; with it, what the site repeats on its pages (its
    model, see `bulletin site-model`) is not taken for content.
    """
    from ..extract import extract_article, extract_list

    model, options = None, {}
    if site_name:
        model, options = _site_extraction(ctx, site_name)

    body, content_type, url = _read_page(path_or_url, page_url)
    if as_list:
        page = extract_list(body, url, content_type=content_type, encoding=encoding)
        data = {
            "url": page.url,
            "links": [
                {"url": link.url, "title": link.title, "date": link.date, "pinned": link.pinned}
                for link in page.links
            ],
            "next_pages": page.next_pages,
            "column": page.column,
            "breadcrumb": page.breadcrumb,
            "client_side_rendered": page.client_side_rendered,
            "encoding": page.encoding,
            "list_path": page.list_path,
            "truncated_rows": page.truncated_rows,
            "list_frame": page.list_frame,
        }
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        click.echo(
            f"{data['url']}\ncolumn: {data['column'] or '-'}   links: {len(data['links'])}   encoding: {data['encoding']}"
        )
        if page.client_side_rendered:
            click.echo("the list is rendered client-side: the HTML holds no rows")
        click.echo(
            table(data["links"], [("date", "date", 10), ("title", "title", 48), ("url", "url", 60)])
        )
        for next_url in data["next_pages"]:
            click.echo(f"next: {next_url}")
        if page.list_path:
            click.echo(f"list at: {page.list_path}")
        if page.list_frame:
            click.echo(f"list in the page's frame: {page.list_frame} (read as this list page)")
        if page.truncated_rows:
            click.echo(f"cut: {page.truncated_rows} more rows not read (max_list_rows)")
        return
    options.update(
        {key: value for key, value in (("encoding", encoding), ("timezone", timezone)) if value}
    )
    article = extract_article(
        body, url, content_type=content_type, model=model, **options
    ).to_dict()
    data = {key: article[key] for key in ARTICLE_FIELDS}
    data.update({key: value for key, value in article.items() if key not in data})
    if model is not None:
        data["site_model"] = {
            "site": site_name,
            "revision": model.revision,
            "pages": model.pages,
            "applied": model.active,
        }
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
        click.echo(
            f"{'site model:':14}{site_name} revision {model.revision}, {model.pages} pages ({state})"
        )
    if explain:
        click.echo("")
        for key in ("title", "source", "published_at", "body"):
            click.echo(f"{'why ' + key + ':':18}{data.get('explain', {}).get(key) or '-'}")
    click.echo("")
    click.echo(data["body"])


def _site_extraction(ctx, name: str):
    """The stored site model of ``name`` (what extraction applies) and the site's stored settings."""
    from storage import NotFound

    from ..extract.sitemodel import SiteModel
    from ..reextract import extraction_options

    with open_store(ctx) as store:
        stored = store.site_model(name)
        config = store.site_config(name)
    if stored is None:
        raise NotFound(f"no site model for {name!r} (crawl the site first: bulletin crawl {name})")
    return SiteModel.from_dict(stored).for_extraction(), extraction_options(config)


def _read_page(path_or_url: str, page_url: str | None) -> tuple[bytes, str | None, str]:
    if path_or_url.startswith(("http://", "https://")):
        import httpx

        from ..settings import USER_AGENT

        try:
            response = httpx.get(
                path_or_url, follow_redirects=True, timeout=30, headers={"User-Agent": USER_AGENT}
            )
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
    return body, None, page_url or saved_page_url(body) or path.resolve().as_uri()
