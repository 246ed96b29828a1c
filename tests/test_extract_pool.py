"""Parsing in a worker process gives the same result as parsing inline, and falls back inline."""

import asyncio
import os
import signal
from pathlib import Path

from crawler.extract import extract_article
from crawler.extract.pool import ExtractionPool

PAGE = sorted((Path(__file__).parent / "fixtures" / "pages").glob("article_*.html"))


def test_worker_results_equal_inline_results():
    page = sorted(PAGE)[0]
    body, url = page.read_bytes(), "http://www.example.gov.cn/a/t20221214_1.html"
    pool = ExtractionPool(1)
    try:
        article = asyncio.run(pool.article(body, url))
    finally:
        pool.close()
    assert article == extract_article(body, url)


def test_a_dead_worker_makes_the_pool_parse_inline():
    page = sorted(PAGE)[0]
    body, url = page.read_bytes(), "http://www.example.gov.cn/a/t20221214_1.html"
    pool = ExtractionPool(1)

    async def run():
        await pool.article(body, url)
        for pid in list(pool.executor._processes):
            os.kill(pid, signal.SIGKILL)
        await asyncio.sleep(0.5)
        return await pool.article(body, url)

    try:
        article = asyncio.run(run())
    finally:
        pool.close()
    assert pool.executor is None
    assert article == extract_article(body, url)
