"""Parsing in a worker process gives the same result as parsing inline, and falls back inline."""

import asyncio
import os
import signal
from pathlib import Path

import pytest

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
        for worker in pool.workers:
            os.kill(worker.process.pid, signal.SIGKILL)
        await asyncio.sleep(0.5)
        return await pool.article(body, url)

    try:
        article = asyncio.run(run())
    finally:
        pool.close()
    assert pool.workers == []
    assert article == extract_article(body, url)


def test_many_pages_in_flight_come_back_to_their_callers():
    pages = [
        (page.read_bytes(), f"http://www.example.gov.cn/a/t20221214_{i}.html")
        for i, page in enumerate(PAGE)
    ]
    pool = ExtractionPool(2)

    async def run():
        calls = [pool.article(body, url) for body, url in pages * 5]
        calls.append(
            pool.listing(
                "<html><body><ul><li><a href='/a/1.html'>通知</a></li></ul></body></html>".encode(),
                "http://www.example.gov.cn/list/",
            )
        )
        return await asyncio.gather(*calls)

    try:
        results = asyncio.run(run())
    finally:
        pool.close()
    expected = [extract_article(body, url) for body, url in pages * 5]
    assert results[:-1] == expected
    assert results[-1].url == "http://www.example.gov.cn/list/"


def test_an_extraction_error_reaches_the_caller_and_the_worker_goes_on():
    pool = ExtractionPool(1)

    async def run():
        with pytest.raises(TypeError):
            await pool.article("not bytes", "http://www.example.gov.cn/a/1.html", no_such_option=1)
        return await pool.article(PAGE[0].read_bytes(), "http://www.example.gov.cn/a/1.html")

    try:
        article = asyncio.run(run())
        assert pool.workers, "the worker must survive a page's error"
    finally:
        pool.close()
    assert article == extract_article(PAGE[0].read_bytes(), "http://www.example.gov.cn/a/1.html")


def test_a_large_page_crosses_the_socket_whole():
    body = (
        PAGE[0]
        .read_bytes()
        .replace(b"</body>", b"<p>" + "正文".encode() * 400_000 + b"</p></body>")
    )
    pool = ExtractionPool(1)
    try:
        article = asyncio.run(pool.article(body, "http://www.example.gov.cn/a/1.html"))
    finally:
        pool.close()
    assert article == extract_article(body, "http://www.example.gov.cn/a/1.html")


SUBSTANTIAL = (
    "<html><head><title>关于开展安全生产检查的通知</title></head><body><h1>关于开展安全生产检查的通知"
    "</h1><p>发布时间：2024-03-01</p>"
    + "<p>各单位：为做好节日期间安全生产工作，现将有关事项通知如下。</p>"
    * 30
).encode()
BOT_CHECK = (
    "<html><head><title>安全验证</title><script>document.cookie='t=1';location.reload()</script>"
    "</head><body><p>正在验证您的浏览器</p></body></html>"
).encode()


@pytest.mark.parametrize("workers", [0, 1], ids=["inline", "worker"])
def test_a_checked_article_is_extracted_and_checked_in_one_call(workers):
    from crawler.extract import failed_fetch_reason
    from crawler.extract.pool import thin

    body, url = SUBSTANTIAL, "http://www.example.gov.cn/a/t20221214_1.html"
    pool = ExtractionPool(workers)

    async def run():
        return (
            await pool.checked_article(body, url),
            await pool.checked_article(BOT_CHECK, url),
            await pool.checked_article(BOT_CHECK, url, check_first=True),
            await pool.fetch_check(BOT_CHECK, 200, "text/html"),
        )

    try:
        article_page, bot_page, bot_first, bot_check = asyncio.run(run())
    finally:
        pool.close()
    article, reason, error = article_page
    assert article == extract_article(body, url) and not thin(article)
    assert (reason, error) == (None, None)  # substantial: not checked
    article, reason, error = bot_page
    assert thin(article) and article == extract_article(BOT_CHECK, url)
    assert reason == failed_fetch_reason(BOT_CHECK) == "anti-bot challenge" and error is None
    assert bot_first == (None, "anti-bot challenge", None)  # checked first: not extracted
    assert bot_check == ("anti-bot challenge", None)


_THIN_PAGES = {
    "bot-check": (
        "<html><head><title>访问验证</title><script>document.cookie='t=1';"
        "location.reload();</script></head><body><p>正在验证您的浏览器，请稍候……</p></body></html>"
    ),
    "unrendered-template": (
        '<html><head><title>${article.title}</title><link href="${ctx}/css/a.css"></head>'
        '<body><div class="crumb">${pageHelpBean.crumbs}</div><h1>${article.title}</h1>'
        "<div>${article.content}</div></body></html>"
    ),
    "short-notice": (
        "<html><head><title>停水通知_示例市人民政府</title></head><body><ul>"
        + "".join(f'<li><a href="/c{i}/">栏目{i}</a></li>' for i in range(12))
        + "</ul><h1>停水通知</h1><p>发布时间：2024-05-06</p><p>因管网维修，明日停水。</p></body></html>"
    ),
}


@pytest.mark.parametrize("check_first", [False, True], ids=["after-extraction", "check-first"])
@pytest.mark.parametrize("name", list(_THIN_PAGES))
def test_a_thin_page_is_parsed_once_with_the_check_s_own_verdict(monkeypatch, name, check_first):
    from crawler.extract import text
    from crawler.extract.pool import checked_article, fetch_check

    body = _THIN_PAGES[name].encode("utf-8")
    alone = fetch_check(body, 200, "text/html; charset=utf-8")  # the check parsing by itself
    parses = []
    parse_html = text.parse_html
    monkeypatch.setattr(
        text, "parse_html", lambda *args, **kwargs: parses.append(1) or parse_html(*args, **kwargs)
    )
    article, reason, error = checked_article(
        body,
        "http://www.example.gov.cn/art/1.html",
        check_first=check_first,
        content_type="text/html; charset=utf-8",
    )
    assert len(parses) == 1
    assert (reason, error) == alone
    assert (article is None) == (check_first and reason is not None)
