"""The generic, config-driven spider: any site in ``sites.toml`` crawls without code.

From each start (list) page it follows the main list's article links and the list's pagination;
from each article it follows breadcrumb links back to list pages of the same site, so sibling
columns are discovered. Site-specific spiders may subclass :class:`SiteSpider`.
"""

from __future__ import annotations

import os
import re
import time
from urllib.parse import urlsplit

import scrapy
from scrapy import exceptions as scrapy_errors
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from crawler.extract.fetchcheck import not_html_reason, says_gone, stand_in_reason
from crawler.extract.pool import ExtractionPool, thin
from crawler.extract.sitemodel import SiteModel
from crawler.items import FetchFailureItem, ListPageItem, MissingItem, NotModifiedItem, ReleaseItem
from crawler.redirects import RedirectRefused
from crawler.runner import RequestDropped
from storage import ConfigError, canonical_url, is_page_url, row_title

_HOME_NAMES = {"首页", "首頁", "网站首页", "網站首頁", "home", "homepage", "主页", "主頁"}
# Statuses that reach the callbacks: they are facts to record (removed pages, blocks), not noise.
HANDLED_STATUSES = [304, 400, 401, 403, 404, 410, 412, 429, 451, 500, 502, 503, 504]
GONE_STATUSES = (404, 410)
MAX_ARTICLE_PAGES = 20
# After the first list page that holds only known releases, walk this many more before stopping,
# so rows that shifted between pages during the crawl are not missed. "Known" here means seen on
# this list by a crawl that finished (Store.finished_walks), not merely stored.
LIST_OVERLAP_PAGES = 1
_ERROR_PAGE_PATH = re.compile(
    r"(^|/)(404|error|notfound|not[-_]found|nopage)([./_-]|$)", re.IGNORECASE
)
_ERROR_PAGE_TITLE = re.compile(
    r"404|页面不存在|頁面不存在|页面未找到|找不到|not found|已删除|已被删除|不存在", re.IGNORECASE
)


class SiteSpider(scrapy.Spider):
    """Crawls one configured site. ``scrapy crawl site -a site=NAME`` or ``bulletin crawl NAME``."""

    name = "site"

    @staticmethod
    def site_from_arguments(site: str | None, config_path: str | None = None):
        """The configured site ``scrapy crawl site -a site=NAME [-a config=PATH]`` names (without
        ``-a site``, the only one); :class:`ConfigError` with one line otherwise. ``scrapy crawl`` calls it
        before the crawl starts (crawler/commands/crawl.py), so a subclass inherits the check."""
        from crawler.config import load_config

        config = load_config(config_path)
        if site:
            return config.site(site)
        if len(config.sites) != 1:
            raise ConfigError(
                f"name the site to crawl: -a site=NAME (configured: {', '.join(config.sites) or 'none'})"
            )
        return next(iter(config.sites.values()))

    def __init__(self, site=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if site is None or isinstance(site, str):
            site = self.site_from_arguments(site, kwargs.get("config"))
        self.site = site
        self.allowed_domains = list(site.allowed_domains)
        self.crawl_id = None
        self.requests_scheduled = 0
        self.scheduled: set[str] = set()
        # What the store knew when the crawl started (filled by from_crawler).
        self.full = False
        self.known: set[str] = set()
        self.aliases: dict[str, str] = {}  # a URL that reaches a release → the release's own
        self.moved_rows: dict[tuple, str] = {}  # (column or list page, title, date) → release URL
        # A known release's new link met while its old URL is already asked for (a revisit):
        # old release URL → the new link, requested only if the old one does not lead there.
        self.moved_links: dict[str, str] = {}
        self.answered: set[str] = set()  # release URLs whose response this crawl has read
        self.walked: dict[str | None, set[str]] = {}
        self.unfollowed: set[str] = set()
        self.requests_over_cap = 0
        self.over_cap: set[str] = set()
        self.list_rows: dict[tuple[str, str], tuple] = {}
        self.validators: dict[str, dict] = {}
        self.revisits: list[str] = []
        self.removed: set[str] = set()
        # Rows gone from a list: where each release was last listed in each series
        # (Store.last_listed), what this crawl listed, and how far it walked each series
        # (page → "continued" past it, "end" of the series, "stopped" before its next page).
        self.last_listed: dict[tuple[str, str], tuple[str, int]] = {}
        # Series due a walk to their end this crawl, known rows or not.
        self.full_walks: set[str] = set()
        self.listed_now: set[str] = set()
        self.listed_in: dict[str, set[str]] = {}  # series → the releases this crawl listed in it
        self.walk_pages: dict[str, dict[str, str]] = {}
        self.vanished_checked = False
        # Releases first missed in this crawl (URL → monotonic time), not yet asked again.
        self.unconfirmed: dict[str, float] = {}
        self.site_model = SiteModel()  # the stored model's applied part; empty until one is learned
        self.extraction = ExtractionPool(0)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        _apply_politeness(crawler.settings, spider.site.politeness)
        spider.full = crawler.settings.getbool("BULLETIN_FULL_CRAWL")
        spider.extraction = ExtractionPool(_extract_workers(crawler.settings))
        crawler.signals.connect(spider.close_extraction, signal=signals.spider_closed)
        crawler.signals.connect(spider.confirm_misses, signal=signals.spider_idle)
        crawler.signals.connect(spider.check_vanished, signal=signals.spider_idle)
        return spider

    def close_extraction(self, spider=None) -> None:
        self.extraction.close()

    def load_state(self, store) -> None:
        """Read what the store knows of this site: known releases, list rows, validators, revisits.
        (The store pipeline calls it as it opens the crawl, before the first request.)"""
        self.known = store.known_urls(self.site.name)
        self.aliases = store.aliases(self.site.name)
        self.walked = store.finished_walks(self.site.name)
        self.unfollowed = store.unfollowed_releases(self.site.name)
        self.list_rows = store.list_rows(self.site.name)
        self.moved_rows = _rows_by_text(self.list_rows)
        if not self.full:
            self.validators = store.validators(
                self.site.name, max_age=self.site.validators_max_age_seconds
            )
        self.revisits = store.due_revisits(
            self.site.name, self.site.revisit, self.site.revisit_max_seconds
        )
        self.removed = store.removed_urls(self.site.name)
        self.last_listed = store.last_listed(self.site.name)
        self.full_walks = store.series_due_full_walk(
            self.site.name, self.site.full_walk_every_seconds
        )
        self.site_model = SiteModel.from_dict(store.site_model(self.site.name)).for_extraction()

    # Requests --------------------------------------------------------------------------------

    def _request(self, url, callback, *, conditional: bool = True, **meta):
        # Every article names its breadcrumb lists again and a release may be listed twice (or
        # under an alias): skip what was scheduled already, so duplicates neither cost work nor
        # count to the cap.
        key = self._release_url(url)
        if key in self.scheduled:
            return None
        if self.requests_scheduled >= self.site.max_requests:
            if key not in self.over_cap:  # a page linked twice is one page not requested
                self.over_cap.add(key)
                self.requests_over_cap += 1
            return None
        self.scheduled.add(key)
        self.requests_scheduled += 1
        meta.setdefault("handle_httpstatus_list", HANDLED_STATUSES)
        headers = {}
        # A 304 has no body, so no breadcrumb: a release whose crawl died before following its
        # page's links is asked for in full.
        stored = (
            self.validators.get(canonical_url(url))
            if conditional and key not in self.unfollowed
            else None
        )
        if stored:
            if stored.get("etag"):
                headers["If-None-Match"] = stored["etag"]
            if stored.get("last_modified"):
                headers["If-Modified-Since"] = stored["last_modified"]
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, meta=meta, headers=headers
        )

    async def start(self):
        # Single-page watches first: they are fetched on every crawl, whatever the request cap.
        for url in self.site.pages:
            request = self._request(
                url, self.parse_article, hops=0, page_kind="article", watch=True
            )
            if request is not None:
                yield request
        for url in self.site.start_urls:
            request = self._request(url, self.parse_list, series_pages=1, hops=0, page_kind="list")
            if request is not None:
                yield request
        for url in self._found_columns():
            request = self._request(url, self.parse_list, series_pages=1, hops=1, page_kind="list")
            if request is not None:
                yield request
        for url in self.revisits:
            request = self._request(
                url, self.parse_article, hops=0, page_kind="article", revisit=True
            )
            if request is not None:
                yield request

    def _found_columns(self) -> list[str]:
        """First pages of the columns earlier crawls found through breadcrumbs (the start pages
        are walked anyway): the articles that led to them are known now and not fetched again,
        so without this a column's new releases would never be seen."""
        if not self.site.follow_breadcrumbs or self.site.breadcrumb_depth < 1:
            return []
        return sorted(
            url
            for url in self.walked
            if url is not None and self.site.allows(url) and is_page_url(url)
        )

    # List pages ------------------------------------------------------------------------------

    async def parse_list(self, response):
        if response.status == 304:
            yield NotModifiedItem(site=self.site.name, url=response.url, page_kind="list")
            return
        if response.status in GONE_STATUSES and (blocked := await self._blocked(response)):
            yield self._failure(response, "list", f"{blocked} (HTTP {response.status})")
            return
        failure = self._failed(response, "list")
        if failure is not None:
            yield failure
            return
        series_pages = response.meta.get("series_pages", 1)
        # Where the column's main list sits, found on its first page, is where its later pages have it.
        column_url = response.meta.get("column_url") or canonical_url(response.url)
        hint = self._list_hint(response, column_url) if series_pages > 1 else None
        try:
            listing = await self.extraction.listing(
                response.body,
                response.url,
                content_type=_content_type(response),
                encoding=self.site.encoding,
                selectors=self.site.selectors,
                max_rows=self.site.max_list_rows,
                list_hint=hint,
            )
        except Exception as exc:  # an extractor bug must cost one page, not the crawl
            yield self._extraction_failure(response, "list", exc)
            return
        if listing.list_frame and not listing.links:
            request = self._list_frame_request(response, listing.list_frame)
            if request is not None:
                yield request
                return
        if listing.truncated_rows:
            yield self._list_cut(response, listing)
        links = [
            {"url": link.url, "title": link.title, "date": link.date, "pinned": link.pinned}
            for link in listing.links
            if self.site.is_article_candidate(link.url) and is_page_url(link.url)
        ]
        if not links:
            failure = await self._checked(response, "list")
            if failure is not None:
                yield failure
                return
            if listing.client_side_rendered:
                yield self._rendered_client_side(response)
            elif emptied := self._emptied(response):
                yield emptied
        # A release listed twice here (pinned at the top, or under an alias) keeps one stored
        # row for the page: it is unchanged when any of its rows is.
        rows_of: dict[str, list[dict]] = {}
        for link in links:
            rows_of.setdefault(self._release_url(link["url"]), []).append(link)
        wanted = [
            link
            for link in links
            if all(
                self._worth_fetching(row, response.url, listing.column)
                for row in rows_of[self._release_url(link["url"])]
            )
        ]
        yield ListPageItem(
            site=self.site.name,
            url=response.url,
            links=links,
            column=listing.column,
            breadcrumb=listing.breadcrumb,
            next_pages=listing.next_pages,
            http_status=response.status,
            client_side_rendered=listing.client_side_rendered,
            series=column_url,
            series_end=(not listing.next_pages or series_pages >= self.site.max_list_pages)
            if links
            else None,
            list_hint=(column_url, listing.list_path)
            if series_pages == 1 and listing.list_path
            else None,
            refetch=[
                link["url"] for link in wanted if self._release_url(link["url"]) in self.known
            ],
            **_validators(response),
        )
        hops = response.meta.get("hops", 0)
        listed = {self._release_url(link["url"]) for link in links}
        if links:  # a page without rows (暂无信息, a glitch) vouches for no row's absence
            self.listed_now |= listed
            self.listed_in.setdefault(column_url, set()).update(listed)
            walk = self.walk_pages.setdefault(column_url, {})
            previous = response.meta.get("previous_page")
            if previous in walk:
                walk[previous] = "continued"
            walk[canonical_url(response.url)] = "end" if not listing.next_pages else "stopped"
        for link in wanted:
            old = self._moved_from(link, response.url, listed.__contains__, listing.column)
            if old is not None:
                # The row of a known release, under a new URL: ask the old one first, which
                # redirects to the new one if the release moved (then one release, not two).
                request = self._request(
                    old, self.parse_article, hops=hops, page_kind="article", moved_to=link["url"]
                )
                if request is not None:
                    yield request
                    continue
                if self._release_url(old) not in self.answered:  # asked already, not yet answered
                    self.moved_links.setdefault(self._release_url(old), link["url"])
                    continue
            request = self._request(link["url"], self.parse_article, hops=hops, page_kind="article")
            if request is not None:
                yield request
        request = self._next_list_page(response, listing, links, column_url, hint)
        if request is not None:
            yield request

    def _list_frame_request(self, response, url: str):
        """The request for the page a list page shows its list in (``<iframe
        src="list_content.html">``, chrome only around it): read as this list page, in its
        place in the column's walk."""
        if not (self.site.allows(url) and is_page_url(url)):
            return None
        meta = {
            key: response.meta[key]
            for key in ("series_pages", "known_pages", "column_url", "list_hint", "previous_page")
            if key in response.meta
        }
        meta.setdefault("column_url", canonical_url(response.url))
        return self._request(
            url, self.parse_list, hops=response.meta.get("hops", 0), page_kind="list", **meta
        )

    def _list_hint(self, response, column_url: str):
        """Where the main list of the column's first page was (this walk's, else the model's)."""
        return response.meta.get("list_hint") or self.site_model.list_hints.get(column_url, {}).get(
            "path"
        )

    def _list_cut(self, response, listing) -> FetchFailureItem:
        reason = (
            f"list cut at {len(listing.links)} rows: {listing.truncated_rows} more rows not read "
            "(raise max_list_rows)"
        )
        return self._list_failure(response, reason)

    def _list_failure(self, response, reason: str) -> FetchFailureItem:
        self.logger.warning("%s: %s", response.url, reason)
        return FetchFailureItem(
            site=self.site.name,
            url=response.url,
            page_kind="list",
            http_status=response.status,
            reason=reason,
        )

    def _emptied(self, response) -> FetchFailureItem | None:
        """A list page that answers without rows (暂无信息, a CMS regenerating its column)
        where live releases were last listed: a failed fetch, so the crawl says so. It vouches
        for no row's absence (nothing it listed is taken as gone). A list that never had rows
        (a new column) is no failure."""
        page = canonical_url(response.url)
        rows = sum(1 for last, _position in self.last_listed.values() if last == page)
        if not rows:
            return None
        reason = (
            f"list page without rows where {rows} live releases were last listed "
            "(none of them taken as gone)"
        )
        return self._list_failure(response, reason)

    def _rendered_client_side(self, response) -> FetchFailureItem:
        self.logger.warning(
            "%s: the list is rendered client-side (no rows in the HTML)", response.url
        )
        return FetchFailureItem(
            site=self.site.name,
            url=response.url,
            page_kind="list",
            http_status=response.status,
            reason="list rendered client-side: no rows in the HTML (set selectors, or start from the "
            "site's data URL)",
        )

    def _known_pages(self, response, links: list[dict], column_url: str) -> int:
        """How many list pages in a row, this one included, held only releases a finished crawl
        walked on this series: the walk stops after LIST_OVERLAP_PAGES of them."""
        walked, walked_before_series = (
            self.walked.get(column_url, set()),
            self.walked.get(None, set()),
        )
        if (
            links
            and not self.full
            and column_url not in self.full_walks
            and all(
                (url := self._release_url(link["url"])) in walked or url in walked_before_series
                for link in links
                if not link["pinned"]
            )
        ):
            return response.meta.get("known_pages", 0) + 1
        return 0

    def _next_list_page(self, response, listing, links: list[dict], column_url: str, hint):
        """The request for the list's next page, or None where the walk stops."""
        series_pages = response.meta.get("series_pages", 1)
        known_pages = self._known_pages(response, links, column_url)
        if series_pages >= self.site.max_list_pages or known_pages > LIST_OVERLAP_PAGES:
            return None
        for url in listing.next_pages[:1]:
            if self.site.allows(url) and is_page_url(url):
                return self._request(
                    url,
                    self.parse_list,
                    series_pages=series_pages + 1,
                    hops=response.meta.get("hops", 0),
                    page_kind="list",
                    known_pages=known_pages,
                    column_url=column_url,
                    list_hint=listing.list_path if series_pages == 1 else hint,
                    previous_page=canonical_url(response.url),
                )
        return None

    def _moved_from(self, link: dict, list_url: str, listed, column: str | None) -> str | None:
        """The URL of the known release whose last row in this column (or on this list page) had
        this new link's title and date, when that release is not listed here under its own URL."""
        url = self._release_url(link["url"])
        if self.full or url in self.known or not link["title"]:
            return None
        shown = row_title(link["title"])
        for place in (column, canonical_url(list_url)):
            old = self.moved_rows.get((place, shown, link["date"] or "")) if place else None
            if old is not None and old != url and not listed(old):
                return old
        return None

    async def parse_article(self, response):
        requested = self._release_url(response.meta.get("redirect_urls", [response.url])[0])
        async for item in self._parse_article(response):
            yield item
        self.answered.add(requested)
        moved_to = response.meta.get("moved_to") or self.moved_links.pop(requested, None)
        if moved_to and self._release_url(response.url) != self._release_url(moved_to):
            # The old URL did not lead to the new one: the new link is a page of its own.
            request = self._request(
                moved_to, self.parse_article, hops=response.meta.get("hops", 0), page_kind="article"
            )
            if request is not None:
                yield request

    def _release_url(self, url: str) -> str:
        """The canonical URL of the release ``url`` reaches (an alias leads to its release)."""
        key = canonical_url(url)
        return self.aliases.get(key, key)

    def _worth_fetching(self, link: dict, list_url: str, column: str | None = None) -> bool:
        """New releases, known ones whose row changed (a retitle or a new date) since it was
        last seen in this column, on whichever of the column's pages that was, and known ones a
        crawl that never finished stored (Store.unfollowed_releases)."""
        url = self._release_url(link["url"])
        if self.full or url not in self.known or url in self.unfollowed:
            return True
        # Its last row in the column, on whichever page; or its last row on this very page,
        # for a release the column lists twice (a pinned copy on page 1, its own row further on).
        rows = [
            row
            for row in (
                self.list_rows.get((column, url)) if column else None,
                self.list_rows.get((canonical_url(list_url), url)),
            )
            if row is not None
        ]
        # A 置顶 mark added or dropped (row_title) is no change of the row.
        shown = (row_title(link["title"]) or "", link["date"] or "")
        return bool(rows) and all((row_title(row[0]) or "", row[1] or "") != shown for row in rows)

    # Article pages ---------------------------------------------------------------------------

    async def _parse_article(self, response):
        requested = response.meta.get("redirect_urls", [response.url])[0]
        revisit = response.meta.get("revisit", False)
        if response.status == 304:
            yield NotModifiedItem(
                site=self.site.name, url=requested, page_kind="article", revisit=revisit
            )
            return
        if response.status in GONE_STATUSES and (blocked := await self._blocked(response)):
            yield self._failure(response, "article", f"{blocked} (HTTP {response.status})")
            return
        missing = await self._missing_reason(response)
        if missing and self._release_url(requested) in self.known:
            yield self._miss(response, requested, missing)
            return
        watch = response.meta.get("watch", False)
        failure = self._failed(response, "article")
        if failure is not None:
            yield failure
            return
        # A watched page is checked in full every time: it is often a thin page (a table, a
        # dashboard) and there is no list row to vouch for it. Any other page only when its
        # article is thin or may be an unrendered template (which can carry enough chrome to
        # look substantial: its placeholders decide).
        try:
            article, failure = await self._extract_article(response, "article", check_first=watch)
        except Exception as exc:  # an extractor bug must cost one page, not the crawl
            yield self._extraction_failure(response, "article", exc)
            return
        if failure is None and thin(article):
            failure = self._off_template(response, article)
        if (
            failure is None
            and thin(article)
            and self._release_url(requested) not in self.known
            and not _printed_date(article)
        ):
            failure = self._stand_in(response, article)
        if failure is not None and says_gone(failure.reason):
            if self._release_url(requested) in self.known:
                yield self._miss(response, requested, failure.reason)
                return
        if failure is not None:
            yield failure
            return
        item = ReleaseItem(
            site=self.site.name,
            url=requested,
            final_url=response.url,
            article=article,
            http_status=response.status,
            headers=_headers(response),
            raw_body=response.body,
            encoding=article.encoding,
            page_features=article.features,
            model_revision=self.site_model.revision,
            confirm_after=self.site.removal_confirm_seconds,
            revisit=revisit,
            **_validators(response),
        )
        if canonical_url(response.url) != canonical_url(requested):
            # Redirected: the page it landed on is this release for the rest of the crawl, so
            # a list linking it there neither fetches it again nor takes it for a new one.
            self.aliases.setdefault(canonical_url(response.url), self._release_url(requested))
        if not watch:
            for request in self._follow_breadcrumbs(article, response.meta.get("hops", 0)):
                yield request
        further = [url for url in article.next_pages if self.site.allows(url)][
            : MAX_ARTICLE_PAGES - 1
        ]
        if further:
            yield self._continuation(item, further)
        else:
            yield item

    def confirm_misses(self, spider=None) -> None:
        """When the crawl runs dry, ask again for releases missed in it whose removal window has
        passed since (``removal_confirm_after``); the others wait for a later crawl."""
        window = self.site.removal_confirm_seconds
        now = time.monotonic()
        due = [url for url, first in self.unconfirmed.items() if now - first >= window]
        if not due:
            return
        for url in due:
            del self.unconfirmed[url]
            self.requests_scheduled += 1
            self.crawler.engine.crawl(
                scrapy.Request(
                    url,
                    callback=self.parse_article,
                    errback=self.on_error,
                    dont_filter=True,
                    meta={
                        "handle_httpstatus_list": HANDLED_STATUSES,
                        "page_kind": "article",
                        "confirming": True,
                    },
                )
            )
        raise DontCloseSpider

    def check_vanished(self, spider=None) -> None:
        """When the lists are walked, check at once the releases whose rows went: last listed on
        a page this crawl walked past (or the series' last page), or on the page it stopped at
        while a row listed after theirs is now on a page it read — a list keeps its order, so
        they were not pushed further down — and now listed nowhere. A release taken off its list
        is most often taken down; its revisit may be weeks away. (Rows pushed to a page the walk
        did not reach are not gone; nor are those of a page without rows.)"""
        if self.vanished_checked:
            return
        self.vanished_checked = True
        read = self._rows_read_again()
        gone = sorted(
            url
            for (series, url), (page, position) in self.last_listed.items()
            if url not in self.listed_now
            and url not in self.removed
            and (
                self.walk_pages.get(series, {}).get(page) in ("continued", "end")
                or (
                    self.walk_pages.get(series, {}).get(page) == "stopped"
                    and ((series, None) in read or read.get((series, page), -1) > position)
                )
            )
        )
        requests = [
            request
            for url in gone
            if (
                request := self._request(
                    url, self.parse_article, hops=0, page_kind="article", revisit=True
                )
            )
            is not None
        ]
        if not requests:
            return
        self.logger.info("%d releases gone from their lists: checking them", len(requests))
        for request in requests:
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def _rows_read_again(self) -> dict[tuple[str, str | None], int]:
        """Of the rows this crawl read, where they were last listed: (series, page) → the last
        position on that page of a row read again; (series, None) when a row last listed on a
        page the walk did not reach (a later one: walks start at the first) was read."""
        read: dict[tuple[str, str | None], int] = {}
        for (series, url), (page, position) in self.last_listed.items():
            if url not in self.listed_in.get(series, ()):
                continue
            if page not in self.walk_pages.get(series, {}):
                read[series, None] = 0
            read[series, page] = max(position, read.get((series, page), -1))
        return read

    def _continuation(self, item: ReleaseItem, remaining: list[str]):
        request = scrapy.Request(
            remaining[0],
            callback=self.parse_article_page,
            errback=self.on_continuation_error,
            meta={
                "item": item,
                "remaining": remaining[1:],
                "handle_httpstatus_list": HANDLED_STATUSES,
            },
            dont_filter=True,
        )
        self.requests_scheduled += 1
        return request

    async def parse_article_page(self, response):
        """A further page of a multi-page article: its body is appended to the first page's.

        If any page fails, the release is not recorded this time (a fetch failure is): a body
        missing its second half must not become a new version.
        """
        item: ReleaseItem = response.meta["item"]
        failure = self._failed(response, "article")
        try:
            if failure is None:
                page, failure = await self._extract_article(response, "article", check_first=True)
        except Exception as exc:  # an extractor bug must cost one page, not the crawl
            yield self._continuation_failed(
                item, response.url, f"extraction failed: {type(exc).__name__}", response.status
            )
            return
        if failure is not None:
            yield self._continuation_failed(item, response.url, failure.reason, response.status)
            return
        if page.body:
            item.article.body = (item.article.body or "").rstrip() + "\n\n" + page.body.strip()
        known = {a["url"] for a in item.article.attachments}
        item.article.attachments.extend(a for a in page.attachments if a["url"] not in known)
        remaining = response.meta["remaining"]
        if remaining:
            yield self._continuation(item, remaining)
        else:
            yield item

    def on_continuation_error(self, failure):
        request = failure.request
        yield self._continuation_failed(
            request.meta["item"], request.url, type(failure.value).__name__, None
        )

    def _continuation_failed(
        self, item: ReleaseItem, page_url: str, reason: str, status
    ) -> FetchFailureItem:
        self.logger.warning(
            "%s: a further page failed (%s: %s); not recorded this time", item.url, page_url, reason
        )
        return FetchFailureItem(
            site=self.site.name,
            url=item.url,
            page_kind="article",
            http_status=status,
            reason=f"further page {page_url} of a multi-page article failed: {reason}",
        )

    def _follow_breadcrumbs(self, article, hops: int):
        if not self.site.follow_breadcrumbs or hops >= self.site.breadcrumb_depth:
            return
        for crumb in article.breadcrumb_links:
            url = crumb.get("url")
            if not url or not self.site.allows(url) or not is_page_url(url):
                continue
            if (crumb.get("name") or "").strip().lower() in _HOME_NAMES or urlsplit(
                canonical_url(url)
            ).path == "/":
                continue
            request = self._request(
                url, self.parse_list, series_pages=1, hops=hops + 1, page_kind="list"
            )
            if request is not None:
                yield request

    # Failures --------------------------------------------------------------------------------

    def _gone_reason(self, response) -> str | None:
        """Why an article response says the release is gone: 404/410, or a redirect home or to an error page."""
        if response.status in GONE_STATUSES:
            return f"HTTP {response.status}"
        if not response.meta.get("redirect_urls") or response.status != 200:
            return None
        landed = canonical_url(response.url)
        path = urlsplit(landed).path
        if path == "/":
            return f"redirected to the home page ({response.url})"
        if self._is_list_page(landed, canonical_url(response.meta["redirect_urls"][0])):
            return f"redirected to a list page ({response.url})"
        if _ERROR_PAGE_PATH.search(path):
            return f"redirected to an error page ({response.url})"
        title = response.xpath("normalize-space(//title)").get("") if _is_html(response) else ""
        if title and _ERROR_PAGE_TITLE.search(title) and len(title) < 60:
            return f"redirected to an error page ({title})"
        return None

    def _is_list_page(self, landed: str, requested: str) -> bool:
        """Whether a redirect from the release at ``requested`` landed on a list of the site: a
        list page crawls walk, or a folder the release's own URL sits in (its column's index,
        where CMSs send the readers of a withdrawn document)."""
        if landed == requested:
            return False
        if any(page == landed for page, _position in self.last_listed.values()):
            return True
        if landed in self.walk_pages or any(landed in walk for walk in self.walk_pages.values()):
            return True
        folder, asked = urlsplit(landed), urlsplit(requested)
        return (
            folder.netloc == asked.netloc
            and folder.path.endswith("/")
            and asked.path.startswith(folder.path)
            and not folder.query
        )

    def _miss(self, response, requested: str, reason: str) -> MissingItem:
        """The miss of a known release: confirmed as its removal by a later one, at least
        ``removal_confirm_after`` later (asked again in this crawl when it runs that long)."""
        # A removed release still gone needs no confirming: its next check is a later crawl's.
        if not response.meta.get("confirming") and canonical_url(requested) not in self.removed:
            self.unconfirmed.setdefault(requested, time.monotonic())
        return MissingItem(
            site=self.site.name,
            url=requested,
            reason=reason,
            http_status=response.status,
            confirm_after=self.site.removal_confirm_seconds,
            revisit=response.meta.get("revisit", False),
        )

    async def _missing_reason(self, response) -> str | None:
        """Why an article response says the release is gone (see :meth:`_gone_reason`); None
        when a redirect lands on a block or maintenance page, or when a meta-refresh stub (an
        anti-bot interstitial, most often) led somewhere missing: the release's own URL did not
        say it is gone, so that is a failed fetch, not news."""
        reason = self._gone_reason(response)
        if reason is None:
            return None
        if "meta refresh" in response.meta.get("redirect_reasons", ()):
            return None
        if response.status in GONE_STATUSES:
            return reason
        check = await self._fetch_check(response)
        return reason if check is None or says_gone(check) else None

    async def _blocked(self, response) -> str | None:
        """The block a 404/410 really is (a firewall's challenge sent with that status), or None
        when the status says what it says. A block vouches for nothing: a failed fetch."""
        if not _is_html(response) or not response.body.strip():
            return None
        reason = await self._fetch_check(response)
        return reason if reason and reason != f"HTTP {response.status}" else None

    async def _fetch_check(self, response) -> str | None:
        """Why the response is a failed fetch (the extraction worker's check), or None; a check
        that fails itself is logged and taken as none: a guard, never a reason to lose the page
        or its miss."""
        reason, error = await self.extraction.fetch_check(
            response.body, response.status, _content_type(response)
        )
        if error:
            self.logger.error("%s: fetch check failed: %s", response.url, error)
        return reason

    def _extraction_failure(self, response, page_kind: str, exc: Exception) -> FetchFailureItem:
        self.logger.error(
            "%s: extraction failed: %s: %s", response.url, type(exc).__name__, exc, exc_info=exc
        )
        return FetchFailureItem(
            site=self.site.name,
            url=response.url,
            page_kind=page_kind,
            http_status=response.status,
            reason=f"extraction failed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}",
        )

    def _failed(self, response, page_kind: str):
        """A failure item when the response is an error status, binary or not HTML (cheap: the
        status and the bytes); None otherwise."""
        if response.status >= 400:
            return self._failure(response, page_kind, f"HTTP {response.status}")
        reason = not_html_reason(response.body, _content_type(response))
        return self._failure(response, page_kind, reason) if reason else None

    async def _checked(self, response, page_kind: str):
        """A failure item when the response is a block, maintenance, empty or stub page (the
        full check, off the crawl's thread); None when it is the page."""
        reason = await self._fetch_check(response)
        return self._failure(response, page_kind, reason) if reason else None

    async def _extract_article(self, response, page_kind: str, *, check_first: bool):
        """The page's article and, when its response is a failed fetch, the failure item: one
        call to the extraction pool, which extracts and (when the page needs it) checks there."""
        article, reason, error = await self.extraction.checked_article(
            response.body,
            response.url,
            status=response.status,
            check_first=check_first,
            content_type=_content_type(response),
            encoding=self.site.encoding,
            timezone=self.site.timezone,
            selectors=self.site.selectors,
            model=self.site_model,
        )
        if error:  # the check is a guard, not a reason to lose the page
            self.logger.error("%s: fetch check failed: %s", response.url, error)
        return article, self._failure(response, page_kind, reason) if reason else None

    def _failure(self, response, page_kind: str, reason: str) -> FetchFailureItem:
        url = response.url
        if "meta refresh" in response.meta.get("redirect_reasons", ()):
            # The page asked for was a refresh stub; what it led to failed. The failure is the page's.
            url = response.meta["redirect_urls"][0]
            reason = f"redirect stub (meta refresh to {response.url}), then {reason}"
        self.logger.warning("%s: %s", url, reason)
        return FetchFailureItem(
            site=self.site.name,
            url=url,
            reason=reason,
            page_kind=page_kind,
            http_status=response.status,
        )

    def _stand_in(self, response, article):
        """A page not yet known whose article is a notice in its place, drawn in the site's
        chrome (a soft 404, a login form, a firewall's notice), or nothing at all (no text, no
        attachment, no date): a failed fetch, no release."""
        reason = stand_in_reason(article.title, article.body)
        if reason is None and not (article.body or "").strip() and not article.attachments:
            # The page's template rendered around nothing (its data source failed): a title in
            # the <title> alone is not a release.
            reason = "empty body (the page's frame, its content block empty)"
        return None if reason is None else self._failed_article(response, reason)

    def _off_template(self, response, article):
        """A thin, small page that has none of the lines the site's pages always carry, and no
        title or date of its own, is not one of its pages (a redirect stub, an interstitial, a
        bot check): a failed fetch. (A bare page with a title and a date, or a section of the
        site with a template of its own and its own chrome, is still recorded.)"""
        features = article.features
        if (
            features is None
            or len(features) >= _SHAPE_MAX_LINES
            or (article.title and article.published_at)
        ):
            return None
        if self.site_model.shares_frame(features) != 0:
            return None
        reason = (
            f"not the site's page: none of the {len(self.site_model.frame)} lines its pages share "
            f"(stub, interstitial or broken page)"
        )
        return self._failed_article(response, reason)

    def _failed_article(self, response, reason: str) -> FetchFailureItem:
        self.logger.warning("%s: %s", response.url, reason)
        return FetchFailureItem(
            site=self.site.name,
            url=response.url,
            reason=reason,
            page_kind="article",
            http_status=response.status,
        )

    def on_error(self, failure):
        if failure.check(RequestDropped):
            return
        request = failure.request
        exc = failure.value
        # A fetch that went through redirects is recorded under the URL that was asked for.
        url = request.meta.get("redirect_urls", [request.url])[0]
        status = None
        if failure.check(HttpError):  # a status the callbacks are not given (522, 508, 999…)
            status = exc.response.status
            reason = f"HTTP {status}"
        elif failure.check(RedirectRefused):
            reason = exc.reason
        elif failure.check(DNSLookupError, *_scrapy_errors("CannotResolveHostError")):
            reason = f"DNS lookup failed for {urlsplit(request.url).hostname}"
        elif failure.check(TimeoutError, TCPTimedOutError, *_scrapy_errors("DownloadTimeoutError")):
            reason = f"timed out after {request.meta.get('download_timeout', '?')} s"
        elif failure.check(
            ConnectionRefusedError, *_scrapy_errors("DownloadConnectionRefusedError")
        ):
            reason = "connection refused"
        elif failure.check(*_scrapy_errors("ResponseDataLossError")):
            reason = "response truncated (connection closed before the declared length)"
        elif failure.check(scrapy_errors.IgnoreRequest) and "max redirect" in str(exc).lower():
            reason = f"redirect loop (too many redirects, last {request.url})"
        elif _OVER_SIZE.search(str(exc)):
            reason = _size_reason(str(exc))
        else:
            reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
            reason = " ".join(reason.split())[:300]
        self.logger.warning("%s: %s", url, reason)
        yield FetchFailureItem(
            site=self.site.name,
            url=url,
            reason=reason,
            page_kind=request.meta.get("page_kind", "article"),
            http_status=status,
        )
        moved_to = self.moved_links.pop(self._release_url(url), None)
        if moved_to:  # the old URL said nothing of where the release went: ask the new link
            self.answered.add(self._release_url(url))
            follow = self._request(
                moved_to, self.parse_article, hops=request.meta.get("hops", 0), page_kind="article"
            )
            if follow is not None:
                yield follow


# Scrapy's words for a body over DOWNLOAD_MAXSIZE: declared ("Expected to receive N bytes…"),
# received ("Received N bytes…") or inflated ("…N B decompressed so far) exceeded DOWNLOAD_MAXSIZE (M B)").
_OVER_SIZE = re.compile(
    r"larger than download max size \((\d+)\)|exceeded DOWNLOAD_MAXSIZE \((\d+) B\)"
)
_SIZE_SEEN = re.compile(r"(?:Expected to receive|Received) (\d+) bytes|(\d+) B decompressed")


def _size_reason(message: str) -> str:
    """One line for a response cut at the size cap: the cap, and what was declared or inflated."""
    cap = next(int(g) for g in _OVER_SIZE.search(message).groups() if g)
    seen = _SIZE_SEEN.search(message)
    if seen and seen.group(2):
        return f"response over the size cap when decompressed ({int(seen.group(2)):,} B and more; DOWNLOAD_MAXSIZE {cap:,} B)"
    size = f"{int(seen.group(1)):,} B" if seen else "more"
    return f"response over the size cap ({size}; DOWNLOAD_MAXSIZE {cap:,} B)"


def _scrapy_errors(*names: str) -> tuple[type, ...]:
    """Scrapy's own download exceptions (2.13+), where this Scrapy has them."""
    return tuple(getattr(scrapy_errors, name) for name in names if hasattr(scrapy_errors, name))


# A page with this many distinct lines has chrome of its own: not a stub or an interstitial.
_SHAPE_MAX_LINES = 15


def _rows_by_text(list_rows: dict) -> dict[tuple, str]:
    """(column or list page, title, date) → the release whose last row it was, for the rows no
    other release of that place shares."""
    found: dict[tuple, str | None] = {}
    for (place, url), (title, date) in list_rows.items():
        if not title:
            continue
        key = (place, row_title(title), date or "")
        found[key] = url if found.get(key, url) == url else None
    return {key: url for key, url in found.items() if url is not None}


def _extract_workers(settings) -> int:
    """``BULLETIN_EXTRACT_WORKERS``: worker processes for parsing; "auto" = 1 when there is a
    spare CPU core, else 0 (inline)."""
    value = settings.get("BULLETIN_EXTRACT_WORKERS")
    if value in (None, "", "auto"):
        return 1 if (os.cpu_count() or 1) >= 2 else 0
    return max(0, int(value))


def _is_html(response) -> bool:
    return hasattr(response, "xpath")


def _validators(response) -> dict:
    etag = response.headers.get(b"ETag")
    modified = response.headers.get(b"Last-Modified")
    return {
        "etag": etag.decode("latin-1") if etag else None,
        "last_modified": modified.decode("latin-1") if modified else None,
    }


def _content_type(response) -> str | None:
    value = response.headers.get(b"Content-Type")
    return value.decode("latin-1") if value else None


def _printed_date(article) -> bool:
    """Whether the page printed a date (or its metadata gave one): a date read from the URL
    (``/t20240305_5101.html``) belongs to the address, and a notice served there has it too."""
    return bool(article.published_at) and article.explain.get("published_at") != "URL date"


def _headers(response) -> dict[str, str]:
    return {
        key.decode("latin-1"): b", ".join(values).decode("latin-1")
        for key, values in response.headers.items()
    }


def _apply_politeness(settings, politeness) -> None:
    """Per-site politeness from sites.toml, at a priority above the project settings."""
    values = {
        "DOWNLOAD_DELAY": politeness.download_delay,
        "DOWNLOAD_DELAY_JITTER": politeness.delay_jitter,
        "CONCURRENT_REQUESTS_PER_DOMAIN": politeness.concurrency,
        "ROBOTSTXT_OBEY": politeness.obey_robots,
        "DOWNLOAD_TIMEOUT": politeness.timeout,
        "DOWNLOAD_MAXSIZE": int(politeness.max_response_mb * 1024 * 1024),
        "RETRY_TIMES": politeness.retries,
        "AUTOTHROTTLE_ENABLED": politeness.autothrottle,
    }
    if politeness.user_agent:
        values["USER_AGENT"] = politeness.user_agent
    for key, value in values.items():
        # Explicit command-line/test overrides ("cmdline" priority) still win over the site file.
        if settings.getpriority(key) is None or settings.getpriority(key) < 40:
            settings.set(key, value, priority="spider")
