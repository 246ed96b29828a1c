"""Next pages of pager forms that need the page's own address or script to be read."""

from __future__ import annotations

import pytest

from crawler.extract.listing import extract_list

_ROWS = "".join(
    f'<li><a href="./202403/t2024030{i}_{i}.html">示例县第{i}批重点项目建设情况通报</a><span>2024-03-0{i}</span></li>'
    for i in range(1, 6)
)


@pytest.mark.parametrize(
    ("call", "url", "expected"),
    [
        ('createPageHTML(8, 0, "index", "html")', "index.html", "index_1.html"),
        ('createPageHTML(8, 3, "index", "html")', "index_3.html", "index_4.html"),
        ('createPageHTML(8, 7, "index", "html")', "index_7.html", None),
        ("createPageHTML('pagenav', 8, 1, 'index', 'shtml', 93)", "", "index_1.shtml"),
        ("createPageHTML('pagenav', 8, 1, 'index', 'shtml', 93)", "index.shtml", "index_1.shtml"),
        ("createPageHTML('pagenav', 8, 4, 'index', 'shtml', 93)", "index_3.shtml", "index_4.shtml"),
        ("createPageHTML('pagenav', 8, 8, 'index', 'shtml', 93)", "index_7.shtml", None),
        ("createPageHTML('pagenav', 8, 0, 'index', 'shtml', 93)", "index.shtml", "index_1.shtml"),
        ('createPageHTML(8, 1, "index", "html")', "list.jsp?page=2", "index_2.html"),
    ],
    ids=[
        "four-args-first",
        "four-args-middle",
        "four-args-last",
        "six-args-from-1-on-the-folder",
        "six-args-from-1-on-index",
        "six-args-from-1-middle",
        "six-args-from-1-last",
        "six-args-from-0",
        "address-not-of-the-series",
    ],
)
def test_trs_pager_counts_its_current_page_as_the_address_shows(call, url, expected):
    base = "http://www.x.gov.cn/xwzx/tpxw/"
    body = f"<html><body><ul class='list'>{_ROWS}</ul><div id='pagenav'></div><script>{call};</script></body></html>"
    page = extract_list(body.encode(), base + url)
    assert (page.next_pages[0] if page.next_pages else None) == (
        base + expected if expected else None
    )
