"""Extraction off the crawl's thread: a small pool of worker processes.

Parsing is CPU work; in the crawl process it stalls Scrapy's reactor (and every download with
it). With ``workers >= 1`` pages are parsed in worker processes while the reactor goes on.
Results are the same :class:`Article`/:class:`ListPage` objects; ``workers = 0`` parses inline.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from .article import extract_article
from .listing import extract_list

logger = logging.getLogger(__name__)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the crawl process decides how to stop, not workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class ExtractionPool:
    """``await pool.article(...)`` / ``await pool.listing(...)``: extraction in worker processes."""

    def __init__(self, workers: int = 1):
        self.executor = None
        if workers > 0:
            # spawn, not fork: the crawl process has threads (the store writer) and a running loop.
            self.executor = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_interrupts,
            )

    async def _run(self, function, *args, **kwargs):
        if self.executor is not None:
            loop = asyncio.get_running_loop()
            try:
                return await loop.run_in_executor(self.executor, partial(function, *args, **kwargs))
            except (BrokenProcessPool, OSError) as exc:
                # No worker processes here (a sandbox, a killed worker): parse inline from now on.
                logger.warning("extraction workers unavailable (%s: %s); parsing in the crawl process",
                               type(exc).__name__, exc)
                self.executor = None
        return function(*args, **kwargs)

    async def article(self, body: bytes, url: str, **kwargs):
        return await self._run(extract_article, body, url, **kwargs)

    async def listing(self, body: bytes, url: str, **kwargs):
        return await self._run(extract_list, body, url, **kwargs)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
