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


def _records(first: int, last: int) -> str:
    return "".join(
        f'<record><![CDATA[<li><a href="/art/2024/1/{i}/art_9_{i}.html">示例市第{i}批重点项目建设情况</a>'
        f"<span>2024-01-0{i % 9 + 1}</span></li>]]></record>"
        for i in range(first, last + 1)
    )


_JPAGE = "$('#88').jpage({{{config}}});"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            _JPAGE.format(
                config="proxyUrl:'/module/web/jpage/dataproxy.jsp', perPage:5, totalRecord:60,"
                " groupSize:3, ajaxParam:{col:1, webid:12, columnid:345, unitid:88}"
            ),
            "/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=5"
            "&col=1&webid=12&columnid=345&unitid=88",
        ),
        (
            'var webid = "12"; var colId = 345; var pageSize = 5;'
            + _JPAGE.format(
                config="proxyUrl:'/module/jpage/dataproxy.jsp', perPage: pageSize, totalRecord: 60,"
                " groupSize: 3, ajaxParam: {col: 1, webid: webid, columnid: colId, webname: name}"
            ),
            "/module/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=5"
            "&col=1&webid=12&columnid=345",
        ),
        (
            _JPAGE.format(config="perPage:15, totalRecord:15, ajaxParam:{webid:12, columnid:345}"),
            None,
        ),
        (_JPAGE.format(config="perPage:5, totalRecord:60, groupSize:3"), None),
    ],
    ids=["literal-call", "call-through-variables", "all-shown", "no-column-ids"],
)
def test_a_hanweb_column_asks_its_proxy_for_the_next_group(script, expected):
    body = (
        f'<html><body><div id="88"><script type="text/xml"><datastore><recordset>{_records(1, 15)}'
        f"</recordset></datastore></script></div><script>{script}</script></body></html>"
    )
    page = extract_list(body.encode(), "http://x.gov.cn/col/col345/index.html")
    assert len(page.links) == 15
    want = "http://x.gov.cn" + expected if expected else None
    assert (page.next_pages[0] if page.next_pages else None) == want


@pytest.mark.parametrize(
    ("asked", "given", "total", "expected"),
    [
        ((16, 30), (16, 30), 60, (31, 45)),
        ((46, 60), (46, 60), 60, None),
        ((31, 45), (31, 40), None, None),
        ((31, 45), (31, 45), None, (46, 60)),
    ],
    ids=["full-group", "reaches-the-total", "short-group", "full-without-total"],
)
def test_a_hanweb_proxy_answer_asks_for_the_group_after_it(asked, given, total, expected):
    query = "?startrecord={}&endrecord={}&perpage=5&col=1&webid=12&columnid=345"
    url = "http://x.gov.cn/module/web/jpage/dataproxy.jsp" + query
    counted = f"<totalrecord>{total}</totalrecord>" if total else ""
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?><datastore>{counted}<recordset>'
        f"{_records(*given)}</recordset></datastore>"
    )
    page = extract_list(body.encode(), url.format(*asked), content_type="text/xml;charset=UTF-8")
    assert len(page.links) == given[1] - given[0] + 1
    assert page.links[0].title == f"示例市第{given[0]}批重点项目建设情况"
    want = url.format(*expected) if expected else None
    assert (page.next_pages[0] if page.next_pages else None) == want


_WRITTEN_PAGER = """
var currentPage = {current};
var countPage = 9;
var nextPage = currentPage + 1;
document.write("共" + countPage + "页&nbsp;");
if (nextPage < countPage) {{ document.write("<a href='index_" + nextPage + ".html'>下一页</a>"); }}
"""


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_WRITTEN_PAGER.format(current=0), "index_1.html"),
        (_WRITTEN_PAGER.format(current=3), "index_4.html"),
        (_WRITTEN_PAGER.format(current=8), None),
        ('document.write("<a href=\'index_" + someUnknown + ".html\'>下一页</a>");', None),
        ("document.write(\"<a href='list_2.html'>下一页</a>\");", "list_2.html"),
    ],
    ids=["first-page", "middle-page", "last-page-branch-not-taken", "unknown-variable", "literal"],
)
def test_a_pager_a_script_writes_from_its_variables(script, expected):
    base = "http://www.x.gov.cn/hjzl/kqzl/"
    body = f"<html><body><ul class='list'>{_ROWS}</ul><div class='page'><script>{script}</script></div></body></html>"
    page = extract_list(body.encode(), base)
    assert (page.next_pages[0] if page.next_pages else None) == (
        base + expected if expected else None
    )


@pytest.mark.parametrize(
    ("call", "url", "expected"),
    [
        ("Pager({size:24, current:0, prefix:'index', suffix:'htm'});", "", "index_1.htm"),
        (
            "Pager({size:24, current:5, prefix:'index', suffix:'htm'});",
            "index_5.htm",
            "index_6.htm",
        ),
        ("Pager({size:24, current:23, prefix:'index', suffix:'htm'});", "index_23.htm", None),
        (
            "var size=24; var current=2; Pager({size:size, current:current, prefix:'index', suffix:'htm'});",
            "index_2.htm",
            "index_3.htm",
        ),
        ("$('#s').slider({size:3, current:0, speed:500});", "", None),
    ],
    ids=["first", "middle", "last", "through-variables", "not-a-pager"],
)
def test_a_pager_called_with_one_object_of_its_series(call, url, expected):
    base = "http://www.x.gov.cn/cggg/dfgg/gkzb/"
    body = f"<html><body><ul class='list'>{_ROWS}</ul><p class='pager'><script>{call}</script></p></body></html>"
    page = extract_list(body.encode(), base + url)
    assert (page.next_pages[0] if page.next_pages else None) == (
        base + expected if expected else None
    )


def test_a_bracketed_type_mark_before_the_title_inside_the_link_is_no_part_of_it():
    rows = "".join(
        f'<li><a href="/cggg/{i}.htm"><em>[公开招标公告]</em>示例市第{i}中学教学设备采购项目公开招标公告</a>'
        f"<em>2024-03-0{i + 1}</em></li>"
        for i in range(5)
    )
    page = extract_list(
        f"<html><body><ul>{rows}</ul></body></html>".encode(), "http://x.gov.cn/cggg/"
    )
    assert page.links[0].title == "示例市第0中学教学设备采购项目公开招标公告"


def _numbers(current: int, last: int, link) -> str:
    return " ".join(
        f'<span class="cur">{n}</span>' if n == current else f'<a href="{link(n)}">{n}</a>'
        for n in range(1, last + 1)
    )


def _trs(n: int) -> str:
    return "index.html" if n == 1 else f"index_{n - 1}.html"


@pytest.mark.parametrize("as_file", [False, True], ids=["with-url", "as-file"])
@pytest.mark.parametrize(
    ("pager", "page", "expected"),
    [
        (_numbers(1, 10, _trs) + ' <a href="index_10.html">下一页</a>', 1, "index_1.html"),
        (
            " ".join(
                f'<a href="{_trs(n)}"' + (' style="color:red"' if n == 1 else "") + f">{n}</a>"
                for n in range(1, 11)
            )
            + ' <a href="index_10.html">下一页</a>',
            1,
            "index_1.html",
        ),
        (
            " ".join(
                f'<a href="{_trs(n)}">'
                + (f'<font color="red">{n}</font>' if n == 1 else str(n))
                + "</a>"
                for n in range(1, 11)
            )
            + ' <a href="index_10.html">下一页</a>',
            1,
            "index_1.html",
        ),
        (_numbers(3, 10, _trs) + ' <a href="index_10.html">下一页</a>', 3, "index_3.html"),
        (_numbers(10, 10, _trs) + ' <a href="index_10.html">下一页</a>', 10, "index_10.html"),
        (
            _numbers(1, 10, lambda n: f"?page={n}") + ' <a href="?page=11">Next</a>',
            1,
            "?page=2",
        ),
        (
            "[1] "
            + " ".join(f'<a href="?page={n}">[{n}]</a>' for n in range(2, 11))
            + ' <a href="?page=11">[下十页]</a> <a href="?page=11">&gt;&gt;</a>',
            1,
            "?page=2",
        ),
        (
            '<a href="index_30.html">上十页</a> '
            + " ".join(
                f'<span class="cur">{n}</span>'
                if n == 41
                else f'<a href="index_{n - 1}.html">{n}</a>'
                for n in range(41, 46)
            )
            + ' <a href="index_41.html">下一页</a>',
            41,
            "index_41.html",
        ),
    ],
    ids=[
        "first-page-next-leaps-to-11",
        "current-styled-inline",
        "current-in-a-font-inside-its-link",
        "third-page-next-leaps-to-11",
        "tenth-page-next-is-11",
        "query-pages-next-leaps",
        "bracketed-bare-current-next-ten",
        "a-later-group-s-next",
    ],
)
def test_a_next_that_jumps_a_group_of_pages_gives_way_to_the_page_after_this(
    tmp_path, pager, page, expected, as_file
):
    # An eGov pager shows ten numbers; its 下一页 (or [下十页], >>) opens the next ten.
    name = (
        ("index.html" if page == 1 else f"index_{page - 1}.html")
        if "index" in expected
        else "list.asp"
    )
    path = tmp_path / name
    path.write_text(
        f"<html><body><ul class='list'>{_ROWS}</ul><div class='page'>{pager}</div></body></html>",
        encoding="utf-8",
    )
    query = f"?page={page}" if name == "list.asp" and page > 1 else ""
    url = path.as_uri() if as_file else f"http://www.x.gov.cn/tzgg/{name}{query}"
    found = extract_list(path.read_bytes(), url)
    folder = path.parent.as_uri() + "/" if as_file else "http://www.x.gov.cn/tzgg/"
    want = (folder + name + expected) if expected.startswith("?") else folder + expected
    assert found.next_pages == [want]


_GO_PAGE_PAGER = """<ul>{rows}</ul><div id="pager"></div><script>
var pageCount = {count}, currentPage = {current};
function goPage(n) {{
  if (n <= 0) {{ location.href = "index.shtml"; }} else {{ location.href = "index_" + n + ".shtml"; }}
}}
function drawPager(id, cur, count) {{
  var html = "";
  if (cur > 0) {{ html += "<a href='javascript:goPage(" + (cur - 1) + ")'>上一页</a>"; }}
  if (cur < count - 1) {{ html += "<a href='javascript:goPage(" + (cur + 1) + ")'>下一页</a>"; }}
  document.getElementById(id).innerHTML = html;
}}
drawPager("pager", currentPage, pageCount);
</script>"""


@pytest.mark.parametrize(
    ("current", "url", "expected"),
    [
        (0, "index.shtml", "index_1.shtml"),
        (4, "index_4.shtml", "index_5.shtml"),
        (57, "index_57.shtml", None),
    ],
    ids=["first", "middle", "last"],
)
def test_a_drawn_next_link_that_calls_a_page_function_goes_where_the_function_sends(
    current, url, expected
):
    base = "https://www.example-fund.com/xxpl/jjgg/"
    html = (
        f"<html><body>{_GO_PAGE_PAGER.format(rows=_ROWS, count=58, current=current)}</body></html>"
    )
    page = extract_list(html.encode(), base + url)
    assert page.next_pages == ([base + expected] if expected else [])
