"""Run Scrapy crawls of configured sites in this process (one reactor, started once).

The CLI's ``crawl`` and ``demo`` commands call :func:`run_crawls`; a long-running service runs it
in a child process per crawl, because a Twisted reactor cannot be restarted.
"""

from __future__ import annotations

import logging
import os
import signal
from dataclasses import dataclass

from scrapy.exceptions import IgnoreRequest

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

logger = logging.getLogger("bulletin.crawl")


@dataclass
class CrawlOutcome:
    """The crawl row of one site after its crawl, plus its first failed fetches and its first
    known releases found gone (``missing`` rows) for the summary."""

    site: str
    crawl: dict
    failures: list[dict]
    store_failure: str | None = None  # why the database could not be written (the crawl stopped)

    @property
    def ok(self) -> bool:
        return self.crawl["status"] != "failed" and not self.store_failure

    @property
    def interrupted(self) -> bool:
        return self.crawl["status"] == "interrupted"


def crawl_settings(db_path: str, overrides: dict | None = None):
    """The project's Scrapy settings with the database path and any overrides applied."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("BULLETIN_DB", str(db_path), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawls(
    sites, db_path: str, *, overrides: dict | None = None, quiet_scrapy: bool = True
) -> list[CrawlOutcome]:
    """Crawl every site in ``sites`` (``SiteConfig`` objects) concurrently; returns their outcomes.

    SIGINT/SIGTERM stop the crawls (see :class:`CrawlStopper`); the handlers that were installed
    before are back in place when this returns.
    """
    from scrapy.crawler import CrawlerProcess

    from .pipelines import STORE_FAILURE_STAT, crawl_recorded

    settings = crawl_settings(db_path, overrides)
    quiet_scrapy = quiet_scrapy and not settings.getbool("BULLETIN_VERBOSE")
    # Scrapy logs its start-up block (versions, platform) while it builds the process: quiet
    # crawls install the log handler only afterwards, so the block is seen only with -v.
    settings.set("LOG_INSTALL_ROOT_HANDLER", not quiet_scrapy, priority="cmdline")
    process = CrawlerProcess(settings)
    if quiet_scrapy:
        from scrapy.utils.log import install_scrapy_root_handler

        for name in ("scrapy", "twisted", "protego", "asyncio", "py.warnings"):
            logging.getLogger(name).setLevel(logging.WARNING)
        # "Gave up retrying …" (an ERROR) repeats the failed fetch the spider logs as URL: reason.
        logging.getLogger("scrapy.downloadermiddlewares.retry").setLevel(logging.CRITICAL)
        install_scrapy_root_handler(settings)
    crawlers, recorded = {}, {}

    def receive(site: str, outcome: dict | None) -> None:
        recorded[site] = outcome

    for site in sites:
        # By name, through SPIDER_MODULES: spiders/ sits above the crawler and is not imported here.
        crawlers[site.name] = process.create_crawler(settings.get("BULLETIN_SPIDER"))
        crawlers[site.name].signals.connect(receive, signal=crawl_recorded)
        process.crawl(crawlers[site.name], site=site)
    # Under `bulletin serve` (progress "log") the acknowledgment is a log line like the others.
    stopper = CrawlStopper(
        process,
        grace=settings.getfloat("BULLETIN_STOP_GRACE"),
        as_log=settings.get("BULLETIN_PROGRESS") == "log",
    )
    with stopper:
        process.start(install_signal_handlers=False)
    stopper.close_unclosed()
    outcomes = []
    for site in sites:
        failure = crawlers[site.name].stats.get_value(STORE_FAILURE_STAT)
        outcome = recorded.get(site.name)
        if outcome is None:
            if failure:  # the crawl could not even open its row
                outcomes.append(
                    CrawlOutcome(site.name, {"status": "failed", "error": failure}, [], failure)
                )
            continue
        crawl, rows = outcome["crawl"], outcome["failures"]
        # The summary shows a few of each: failed fetches, and known releases found gone.
        gone = list({row["url"]: row for row in reversed(rows) if row["missing"]}.values())[::-1]
        failures = [row for row in rows if not row["missing"]][:5] + gone[:5]
        if failure and crawl["status"] == "running":  # the row could not be closed either
            crawl = {**crawl, "status": "failed", "error": failure}
        outcomes.append(CrawlOutcome(site.name, crawl, failures, failure))
    return outcomes


class RequestDropped(IgnoreRequest):
    """A request the crawl gave up before sending, because it is stopping (not a failed fetch)."""


class CrawlStopper:
    """What SIGINT (Ctrl-C) and SIGTERM do to a running crawl.

    The first signal is acknowledged at once (one line on stderr); nothing new is scheduled, the
    requests waiting in the downloader for their politeness delay are dropped, and those in
    flight get ``grace`` seconds to end before the crawl is stopped. A second signal stops it
    at once. Either way every spider is closed (its crawl row marked ``interrupted``, the store
    writer drained): a stop never leaves the database half-written.
    """

    def __init__(self, process, *, grace: float, as_log: bool = False):
        self.process = process
        self.grace = grace
        self.as_log = as_log
        self.received = 0
        self.closed: set[int] = set()
        self._previous: dict[int, object] = {}

    def __enter__(self):
        from scrapy import signals

        for crawler in self.process.crawlers:
            crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)
        for signum in STOP_SIGNALS:
            previous = signal.getsignal(signum)
            if previous is signal.SIG_IGN:  # e.g. SIGINT of a background job: not ours to take
                continue
            self._previous[signum] = previous
            signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *exc_info) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _spider_closed(self, spider, reason) -> None:
        self.closed.add(id(spider))

    def _on_signal(self, signum, frame) -> None:
        from twisted.internet import reactor

        self.received += 1
        name = signal.Signals(signum).name
        if self.received == 1:
            self._say(
                f"{name}: stopping — no new requests; those in flight get {self.grace:g} s "
                f"(press Ctrl-C again to stop now)"
            )
            reactor.callFromThread(self._stop_gracefully)
        else:
            self._say(f"{name} again: stopping now")
            # A third signal falls through to the handlers from before the crawl.
            for signum_, handler in self._previous.items():
                signal.signal(signum_, handler)
            reactor.callFromThread(self._stop_now)

    def _say(self, line: str) -> None:
        if self.as_log:
            from twisted.internet import reactor

            # Logging cannot happen in a signal handler: the interrupted code may hold the stream.
            reactor.callFromThread(logger.warning, "%s", line)
            return
        # On a terminal the progress line is cleared first, so the acknowledgment stands alone.
        prefix = "\r\033[K" if os.isatty(2) else ""
        try:
            os.write(
                2, (prefix + line + "\n").encode("utf-8", "replace")
            )  # raw: no buffered stream re-entered
        except OSError:
            pass

    def _stop_gracefully(self) -> None:
        from scrapy.utils.defer import deferred_from_coro
        from twisted.internet import reactor

        for crawler in list(self.process.crawlers):
            engine = crawler.engine
            if engine is not None:
                drop_queued_requests(engine.downloader)
            deferred_from_coro(crawler.stop_async())  # the process ends when its crawlers have
        reactor.callLater(self.grace, self._stop_now)

    def _stop_now(self) -> None:
        from twisted.internet import reactor

        if reactor.running:
            reactor.stop()

    def close_unclosed(self) -> None:
        """Close the spiders a forced stop left open, as Scrapy would have: their crawl rows get
        their counters and the status ``interrupted``, the store writer drains."""
        from scrapy import signals

        for crawler in self.process.crawlers:
            spider = getattr(crawler, "spider", None)
            if spider is None or id(spider) in self.closed:
                continue
            crawler.signals.send_catch_log(
                signal=signals.spider_closed, spider=spider, reason="shutdown"
            )


def drop_queued_requests(downloader) -> int:
    """Fail the requests that wait in the downloader's slots (for their delay or a free
    connection) with :class:`RequestDropped`; returns how many. Requests on the wire go on."""
    dropped = 0
    for slot in list(downloader.slots.values()):
        while slot.queue:
            _request, deferred = slot.queue.popleft()
            deferred.errback(RequestDropped("the crawl is stopping"))
            dropped += 1
    return dropped
