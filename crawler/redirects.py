"""Redirects: which ones a crawl follows, and the ones it gives up on — never silently.

Scrapy's own redirect middleware hands a redirect's target to the scheduler like any new
request. There the duplicate filter drops a target seen before (the second A of A → B → A, or
the home page the second removed release redirects to) and the off-site filter drops a target
on another host, both without calling the request's errback: the page left no failure row and
no log line. Here a redirect is part of fetching the page it came from. A loop or a target the
site may not be crawled at ends that fetch with :class:`RedirectRefused` (the spider's errback
records why, under the URL that was asked for), and every hop followed is exempt from the
duplicate filter, since the page it completes has not been fetched yet. A ``<meta
http-equiv="refresh">`` stub (delay under ``METAREFRESH_MAXDELAY``) is followed the same way.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefresh
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware as ScrapyRedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from w3lib.url import canonicalize_url


class RedirectRefused(IgnoreRequest):
    """A redirect the crawl does not follow: ``reason`` says why, in one line."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _RefusingRedirects:
    """A redirect middleware's ``_redirect`` with loops and forbidden targets refused out loud,
    and every hop followed exempt from the duplicate filter."""

    def _redirect(self, redirected, request, reason):
        chain = [*request.meta.get("redirect_urls", []), request.url]
        target = redirected.url
        # Exact URLs (only percent-encoding and query order normalised): a redirect that merely
        # drops a session id or an index.html is a step, not a loop.
        if canonicalize_url(target) in {canonicalize_url(url) for url in chain}:
            raise RedirectRefused(_shorten("redirect loop: " + " → ".join([*chain, target])))
        site = getattr(self.crawler.spider, "site", None)
        if site is None:
            return super()._redirect(redirected, request, reason)
        if not site.on_site(target):
            raise RedirectRefused(_shorten(f"redirected off-site to {target}"))
        if not site.allows(target):
            raise RedirectRefused(
                _shorten(f"redirected to {target}, which the site's exclude patterns reject")
            )
        followed = super()._redirect(redirected, request, reason)
        followed.dont_filter = True  # allowed above; the off-site filter would only pass it too
        # Validators are the asked URL's: sent on to the target, a 304 there would hide that the
        # page now lives elsewhere (a move) behind an "unchanged".
        for header in ("If-None-Match", "If-Modified-Since"):
            followed.headers.pop(header, None)
        return followed


class RedirectMiddleware(_RefusingRedirects, ScrapyRedirectMiddleware):
    """Scrapy's redirect middleware (301/302/303/307/308), refusing loops and forbidden targets."""


class MetaRefreshMiddleware(_RefusingRedirects, ScrapyMetaRefresh):
    """Scrapy's meta-refresh middleware, likewise: a stub refreshing to a page the crawl has
    fetched already (another listed URL of the same release) completes its own fetch."""


def _shorten(reason: str, limit: int = 300) -> str:
    return reason if len(reason) <= limit else reason[: limit - 1] + "…"
