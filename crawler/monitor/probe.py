"""The cheap probe: before a full crawl, ask each start (list) page whether anything changed.

One conditional GET per start URL with the validators the server gave last time. A 304, or a
200 whose main-list rows are the rows stored last time, means unchanged. Each single-page watch
(``pages``) is asked the same way; only a 304 counts as unchanged for it, since the page is the
release. When every page is unchanged and no revisit is due, the scheduler skips the Scrapy
crawl and records the probe.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from storage import Store, canonical_url, is_page_url, list_rows_hash

from ..extract import extract_list
from ..settings import USER_AGENT


@dataclass
class ProbeResult:
    changed: bool
    reason: str
    requests: int = 0
    statuses: dict[str, int] = field(default_factory=dict)


def probe_site(store: Store, site, *, client: httpx.Client | None = None) -> ProbeResult:
    """Check ``site``'s start pages; ``changed`` is False only when a full crawl would find nothing."""
    last = store.last_crawl_status(site.name)
    if last is None:
        return ProbeResult(True, "no baseline yet")
    if (
        last != "finished"
    ):  # what it stored may lack what it never reached: the next crawl completes it
        return ProbeResult(True, f"the last crawl did not finish ({last})")
    due = store.due_revisits(site.name, site.revisit, site.revisit_max_seconds)
    if due:  # the crawl is needed anyway: no point asking the start pages first
        return ProbeResult(True, f"{len(due)} revisits due")
    validators = store.validators(site.name, max_age=site.validators_max_age_seconds)
    own_client = client is None
    client = client or httpx.Client(
        timeout=site.politeness.timeout,
        follow_redirects=True,
        headers={"User-Agent": site.politeness.user_agent or USER_AGENT},
    )
    result = ProbeResult(False, "")
    try:
        for url in (*site.pages, *site.start_urls):
            stored = validators.get(canonical_url(url)) or {}
            headers = {}
            if stored.get("etag"):
                headers["If-None-Match"] = stored["etag"]
            if stored.get("last_modified"):
                headers["If-Modified-Since"] = stored["last_modified"]
            try:
                response = client.get(url, headers=headers)
            except httpx.HTTPError as exc:
                result.requests += 1
                return _changed(result, f"{url}: {type(exc).__name__}")
            result.requests += 1
            key = str(response.status_code)
            result.statuses[key] = result.statuses.get(key, 0) + 1
            if response.status_code == 304:
                continue
            if response.status_code != 200:
                return _changed(result, f"{url}: HTTP {response.status_code}")
            if url in site.pages:
                return _changed(result, f"{url}: watched page answered 200 (not 304)")
            listing = extract_list(
                response.content,
                str(response.url),
                content_type=response.headers.get("content-type"),
                encoding=site.encoding,
                selectors=site.selectors,
            )
            links = [
                {"url": link.url, "title": link.title, "date": link.date}
                for link in listing.links
                if site.is_article_candidate(link.url) and is_page_url(link.url)
            ]
            if not stored.get("links_hash") or list_rows_hash(links) != stored["links_hash"]:
                return _changed(result, f"{url}: list rows changed")
    finally:
        if own_client:
            client.close()
    watched = f", {len(site.pages)} watched pages" if site.pages else ""
    result.reason = f"{len(site.start_urls)} start pages{watched} unchanged, no revisit due"
    return result


def _changed(result: ProbeResult, reason: str) -> ProbeResult:
    result.changed = True
    result.reason = reason
    return result
