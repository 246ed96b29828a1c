"""List-page extraction on the project's own fixture pages, one per pattern, plus robustness."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extract.listing import extract_list, parse_list_date
from crawler.extract.model import Selectors
from crawler.extract.saved import saved_page_url
from storage import ConfigError

PAGES = Path(__file__).parent / "fixtures" / "pages"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def titles(result) -> list[str]:
    return [link.title for link in result.links]


# ----------------------------------------------------------------------------- TRS columns


def test_trs_column_first_page():
    url = "http://www.example.gov.cn/zwgk/tzgg/index.html"
    result = extract_list(page("list_trs_column.html"), url)
    assert len(result.links) == 8
    first = result.links[0]
    assert first.url == "http://www.example.gov.cn/zwgk/tzgg/202403/t20240315_1183021.html"
    assert first.title == "关于开展2024年度城乡居民基本医疗保险参保登记工作的通知"
    assert first.date == "2024-03-15"
    assert all(link.date for link in result.links)
    assert result.next_pages == ["http://www.example.gov.cn/zwgk/tzgg/index_1.html"]
    assert result.breadcrumb == ["首页", "政务公开", "通知公告"]
    assert result.column == "通知公告"
    assert not result.client_side_rendered


def test_trs_column_later_page_points_one_further():
    url = "http://www.example.gov.cn/zwgk/tzgg/index_2.html"
    result = extract_list(page("list_trs_column_page2.html"), url)
    assert len(result.links) == 8
    assert result.next_pages == ["http://www.example.gov.cn/zwgk/tzgg/index_3.html"]


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('createPageHTML(5, 4, "index", "html");', []),
        ('createPageHTML(1, 0, "index", "shtml");', []),
        (
            'var countPage = 7;\ncreatePageHTML(countPage, 0, "index", "shtml");',
            ["http://x.gov.cn/col/index_1.shtml"],
        ),
        (
            "createPageHTML('page_div', 10, 1, 'index', 'shtml', 100);",
            ["http://x.gov.cn/col/index_2.shtml"],
        ),
        ("createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt);", []),
    ],
    ids=[
        "last-page",
        "single-page",
        "page-count-in-a-variable",
        "page-div-variant",
        "unresolvable-arguments",
    ],
)
def test_trs_script_variants(script, expected):
    rows = "".join(
        f'<li><a href="./t2024010{i}_{i}.html">示例栏目第{i}条信息发布标题文字</a><span>2024-01-0{i}</span></li>'
        for i in range(1, 6)
    )
    body = f"<html><body><ul>{rows}</ul><script>{script}</script></body></html>".encode()
    assert extract_list(body, "http://x.gov.cn/col/index.html").next_pages == expected


# ----------------------------------------------------------------------------- main list among page furniture


def test_portal_noise_counts_only_the_main_list():
    result = extract_list(
        page("list_portal_noise.html"), "http://www.example-county.gov.cn/ywdt/index.html"
    )
    assert len(result.links) == 7
    assert result.links[0].title == "县人大常委会开展食品安全法执法检查"
    assert (
        result.links[-1].url == "http://www.example-county.gov.cn/ywdt/202405/t20240516_87962.html"
    )
    assert not any("热点" in t or "倡议书" in t or "清明节" in t for t in titles(result))
    assert result.next_pages == ["http://www.example-county.gov.cn/ywdt/index_1.html"]
    assert result.column == "要闻动态"


def test_truncated_titles_bracket_dates_and_pinned_row():
    result = extract_list(
        page("list_truncated_pinned.html"), "https://fgw.example.gov.cn/zcfg/zcjd/index.html"
    )
    assert len(result.links) == 5
    pinned = result.links[0]
    assert pinned.pinned
    assert pinned.title == "《示例市推动大规模设备更新和消费品以旧换新实施方案》政策解读"
    assert pinned.date == "2024-06-01"
    assert [link.pinned for link in result.links[1:]] == [False] * 4
    assert (
        result.links[1].title == "图解：关于进一步优化营商环境降低市场主体制度性交易成本的若干措施"
    )
    assert result.links[4].title == "《示例市支持民营经济高质量发展若干政策措施》新闻发布会答记者问"
    assert [link.date for link in result.links] == [
        "2024-06-01",
        "2024-06-12",
        "2024-06-07",
        "2024-05-28",
        "2024-05-20",
    ]
    assert result.next_pages == ["https://fgw.example.gov.cn/zcfg/zcjd/index_1.html"]
    assert result.breadcrumb == ["首页", "政策法规", "政策解读"]


def test_query_string_pages_follow_the_marked_current_page():
    result = extract_list(
        page("list_query_pages.html"), "https://rsj.example.gov.cn/news/list.jsp?cat=2&page=3"
    )
    assert len(result.links) == 6
    assert result.links[0].date == "2024-07-02"
    assert result.next_pages == ["https://rsj.example.gov.cn/news/list.jsp?cat=2&page=4"]


def test_hanweb_datastore_rows_and_dataproxy_next_page():
    result = extract_list(
        page("list_hanweb_datastore.html"), "http://jtt.example.gov.cn/col/col1203/index.html"
    )
    assert titles(result) == [
        "全省交通运输系统防汛抗旱工作视频调度会召开",
        "示例至某地高速公路控制性工程特大桥主塔封顶",
        "省交通运输厅召开农村公路高质量发展推进会",
        "上半年全省完成交通固定资产投资情况通报",
    ]
    assert result.links[0].url == "http://jtt.example.gov.cn/art/2024/7/9/art_1203_310021.html"
    assert result.links[0].date == "2024-07-09"
    [next_page] = result.next_pages
    # No jpage call on the page: a group of perPage records after the ones shown, with the
    # column's parameters from the datastore's nextgroup link.
    assert next_page == (
        "http://jtt.example.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=5&endrecord=19"
        "&perpage=15&appid=1&webid=3&path=/&columnid=1203&unitid=28544"
        "&webname=%E7%A4%BA%E4%BE%8B&permissiontype=0"
    )
    assert result.column == "行业动态"


def _hanweb_unit(unit: str, records: list[str], nextgroup: bool) -> str:
    group = (
        f'<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=3&columnid=1229'
        f'&unitid={unit}"></a>]]></nextgroup>'
        if nextgroup
        else ""
    )
    rows = "".join(f"<record><![CDATA[<li>{r}</li>]]></record>" for r in records)
    return f'<div id="{unit}"><script type="text/xml"><datastore>{group}<recordset>{rows}</recordset></datastore></script></div>'


_HANWEB_COLUMN = [
    f'<a href="/art/2024/3/{d}/art_1229_{900 + d}.html">关于第{d}批示例工业项目验收结果的公示</a><span>2024-03-{d:02d}</span>'
    for d in range(20, 5, -1)
]
_HANWEB_LATEST = [
    f'<a href="/art/2024/4/{d}/art_1230_{800 + d}.html">示例市经信局第{d}期工作动态</a>'
    for d in range(9, 1, -1)
]


@pytest.mark.parametrize(
    "call",
    [
        "var totalRecord = 96, perPage = 15; $('#77').jpage({dataStore: dataStore, perPage: perPage,"
        " totalRecord: totalRecord, groupSize: 1, ajaxParam: {webid: 3, columnid: 1229, unitid: 77}});",
        '$(\'#77\').jpage({perPage:15,totalRecord:96,groupSize:1,ajaxParam:{"webid":"3","columnid":"1229","unitid":"77"}});',
        "",
    ],
    ids=["jpage-variables", "jpage-literals", "no-jpage-call"],
)
def test_hanweb_column_datastore_not_a_sidebar_s_before_it(call):
    # A sidebar's 最新信息 unit is a datastore too, and stands first: the column's is the one
    # the jpage call pages through, else the one that says there are more (its nextgroup).
    body = (
        "<html><body><div class='side'>"
        + _hanweb_unit("55", _HANWEB_LATEST, nextgroup=False)
        + "</div><div class='main'>"
        + _hanweb_unit("77", _HANWEB_COLUMN, nextgroup=True)
        + f"<script>{call}</script></div></body></html>"
    )
    result = extract_list(body.encode(), "http://x.gov.cn/col/col1229/index.html")
    assert len(result.links) == 15
    assert result.links[0].url == "http://x.gov.cn/art/2024/3/20/art_1229_920.html"
    [next_page] = result.next_pages
    assert next_page.startswith(
        "http://x.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15"
    )
    assert "columnid=1229" in next_page and "unitid=77" in next_page


def test_hanweb_without_ids_gives_no_next_page():
    body = (
        b'<html><body><div id="1"><script type="text/xml"><datastore><recordset>'
        b'<record><![CDATA[<li><a href="/art/2024/1/2/art_1_1.html">\xe7\xa4\xba\xe4\xbe\x8b\xe6\xa0\x87\xe9\xa2\x98\xe4\xb8\x80</a></li>]]></record>'
        b"</recordset><totalrecord>80</totalrecord></datastore></script></div></body></html>"
    )
    result = extract_list(body, "http://x.gov.cn/col/col1/index.html")
    assert len(result.links) == 1
    assert result.next_pages == []


# ----------------------------------------------------------------------------- encodings, tables, English


@pytest.mark.parametrize(
    "content_type",
    [None, "text/html; charset=gb2312", "text/html; charset=utf-8"],
    ids=["no-header", "true-header", "lying-utf8-header"],
)
def test_gb2312_list_page(content_type):
    result = extract_list(
        page("list_gb2312.html"), "http://czj.example.gov.cn/czxx/yjs/", content_type=content_type
    )
    assert result.encoding == "gb18030"
    assert len(result.links) == 5
    assert result.links[2].title == "关于示例县2023年预算执行情况和2024年预算草案的报告"
    assert result.links[0].date == "2024-01-18"
    assert result.breadcrumb == ["首页", "财政信息", "预决算公开"]
    assert result.next_pages == []


def test_table_rows():
    result = extract_list(
        page("list_table_rows.html"), "https://ggzy.example.gov.cn/jyxx/zbgg/index.html"
    )
    assert len(result.links) == 5
    assert result.links[0].title == "示例市第三人民医院门诊综合楼改扩建工程施工招标公告"
    assert [link.date for link in result.links][:2] == ["2024-08-12", "2024-08-09"]
    assert result.next_pages == ["https://ggzy.example.gov.cn/jyxx/zbgg/list_2.html"]


def test_english_newsroom_cards():
    url = "https://examples.state.gov/newsroom/news-releases"
    result = extract_list(page("list_en_newsroom.html"), url)
    assert titles(result) == [
        "State Expands Broadband Grants to Twelve Rural Counties",
        "Winter Road Safety Campaign Begins Ahead of First Snowfall",
        "Public Comment Period Opens for Statewide Water Plan",
        "Governor Signs Bipartisan Infrastructure Bill Into Law",
    ]
    assert [link.date for link in result.links] == [
        "2024-10-16",
        "2024-10-11",
        "2024-10-03",
        "2024-09-27",
    ]
    assert (
        result.links[3].url
        == "https://governor.example.gov/news/governor-signs-infrastructure-bill"
    )
    assert result.next_pages == ["https://examples.state.gov/newsroom/news-releases?page=1"]
    assert result.breadcrumb == ["Home", "Newsroom", "News Releases"]


# ----------------------------------------------------------------------------- app shells, hosts, duplicates


def test_app_shell_is_reported_as_client_side_rendered():
    result = extract_list(page("list_app_shell.html"), "https://zcwjk.example.gov.cn/")
    assert result.links == []
    assert result.client_side_rendered


def test_list_container_filled_by_ajax_is_client_side_rendered():
    body = (
        "<html><body><h2>通知公告</h2><ul id='newsList'></ul>"
        "<script>$(function(){ $.getJSON('/api/news?page=1', function(d){ $('#newsList').html(render(d)); }); });</script>"
        "</body></html>"
    ).encode()
    assert extract_list(body, "https://x.gov.cn/tzgg/").client_side_rendered


def test_empty_list_without_script_is_not_client_side_rendered():
    body = "<html><body><h2>通知公告</h2><p>暂无信息</p></body></html>".encode()
    result = extract_list(body, "https://x.gov.cn/tzgg/")
    assert result.links == [] and not result.client_side_rendered


def test_other_hosts_kept_duplicates_and_scripts_dropped():
    result = extract_list(
        page("list_other_hosts.html"), "https://www.example-gov.cn/xwzx/index.html"
    )
    urls = [link.url for link in result.links]
    assert urls == [
        "https://mp.weixin.qq.com/s/Xk2f9QwErTy7uIo1pAsD3f",
        "https://www.example-gov.cn/xwzx/202407/t20240712_66102.html",
        "http://zcjd.example-gov.cn/app/detail?id=5521",
        "https://www.example-gov.cn/xwzx/202407/t20240705_66050.html",
        "https://www.example-gov.cn/xwzx/202406/t20240628_65990.html",
    ]


# ----------------------------------------------------------------------------- javascript pagers


def test_javascript_pager_resolved_through_the_page_function():
    result = extract_list(
        page("list_js_pager.html"), "https://www.example-town.gov.cn/xxgk/list_1.html"
    )
    assert len(result.links) == 4
    assert result.next_pages == ["https://www.example-town.gov.cn/xxgk/list_2.html"]
    assert result.breadcrumb == ["首页", "信息公开", "公开目录"]


def test_execute_page_ajax_pager_uses_the_parameter_names_the_page_shows():
    result = extract_list(
        page("list_ajax_pager.html"), "https://www.example-fund.com/notice/index.shtml"
    )
    assert len(result.links) == 4
    assert result.links[0].date == "2024-10-25"
    assert result.next_pages == [
        "https://www.example-fund.com/servlet/notice/NoticeAction?catalogId=12&divname=pager1&pageNo=2&pageSize=10"
    ]


@pytest.mark.parametrize(
    "pager",
    [
        '<a href="#page=2">2</a> <a href="#page=2" class="next">下一页</a>',
        "<a href=\"javascript:__doPostBack('ctl00$grid$Next','')\">Next</a>",
        '<a href="javascript:void(0)" onclick="loadMore()">加载更多</a>',
        '<a href="javascript:nextPage(2)">下一页</a>',
    ],
    ids=["fragment", "asp-net-postback", "infinite-scroll", "js-without-visible-pattern"],
)
def test_unfetchable_next_links_are_left_out(pager):
    rows = "".join(
        f'<li><a href="/a/{i}.html">示例网站第{i}条新闻标题内容</a><span>2024-02-0{i}</span></li>'
        for i in range(1, 6)
    )
    body = f"<html><body><ul>{rows}</ul><div class='pages'>{pager}</div></body></html>".encode()
    result = extract_list(body, "https://x.gov.cn/news/index.html")
    assert len(result.links) == 5
    assert result.next_pages == []


def test_link_rel_next_in_head():
    rows = "".join(
        f'<li><a href="/p/{i}/">Weekly update number {i} on regional programs</a></li>'
        for i in range(1, 6)
    )
    body = f'<html><head><link rel="next" href="/news/page/2/"></head><body><ul>{rows}</ul></body></html>'.encode()
    assert extract_list(body, "https://x.gov/news/").next_pages == ["https://x.gov/news/page/2/"]


# ----------------------------------------------------------------------------- selectors


def test_list_item_selector_overrides_detection():
    sel = Selectors(list_item="div.sidebar ul.rank-list > li")
    result = extract_list(
        page("list_portal_noise.html"), "http://www.example-county.gov.cn/ywdt/", selectors=sel
    )
    assert len(result.links) == 6
    assert result.links[0].title == "关于2024年清明节期间文明祭扫的倡议书全文发布"


def test_xpath_selectors_for_rows_and_next_page():
    sel = Selectors(
        list_item="//ul[@class='rank-list']/li", next_page="(//div[@class='pages']/a)[1]"
    )
    result = extract_list(
        page("list_portal_noise.html"), "http://www.example-county.gov.cn/ywdt/", selectors=sel
    )
    assert len(result.links) == 6
    assert result.next_pages == ["http://www.example-county.gov.cn/ywdt/index_1.html"]


def test_bad_selector_is_a_config_error():
    with pytest.raises(ConfigError):
        extract_list(
            page("list_portal_noise.html"),
            "http://x.gov.cn/",
            selectors=Selectors(list_item="ul >> li ]["),
        )


# ----------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("2024-03-15", None, "2024-03-15"),
        ("[2024-3-5]", None, "2024-03-05"),
        ("2024/03/15", None, "2024-03-15"),
        ("2024.03.15", None, "2024-03-15"),
        ("2024年3月15日", None, "2024-03-15"),
        ("(2020-08-16 22:26:38)", None, "2020-08-16"),
        ("October 16, 2019", None, "2019-10-16"),
        ("Wed, Oct. 16, 2019", None, "2019-10-16"),
        ("16 October 2019", None, "2019-10-16"),
        ("03-15", "http://x.gov.cn/202403/t20240315_1.html", "2024-03-15"),
        ("03-15", "http://x.gov.cn/a/1.html", None),
        ("2024-02-30", None, None),
        ("共 12 页", None, None),
    ],
    ids=[
        "iso",
        "bracketed",
        "slashes",
        "dots",
        "chinese",
        "with-time",
        "english-mdy",
        "english-abbrev",
        "english-dmy",
        "month-day-year-from-url",
        "month-day-no-year",
        "impossible-date",
        "no-date",
    ],
)
def test_list_dates(text, url, expected):
    assert parse_list_date(text, url) == expected


# ----------------------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_never_raises_on_arbitrary_bytes(body):
    result = extract_list(body, "http://x.gov.cn/list/index.html")
    assert isinstance(result.links, list)


_SOUP = [
    *"<>/=\"' abliuhreftd[]!-?&#;.",
    "下一页",
    "置顶",
    "2024-01-0",
    "<a href=",
    "</a>",
    "<li>",
    "<ul>",
    "<tr><td>",
    "<script>",
    "</script>",
    "createPageHTML(",
    "<datastore>",
    "<record><![CDATA[",
    "]]></record>",
    "javascript:",
    "executePage(",
    "<base href=",
    "<time datetime=",
    "\x00",
    "\ufffd",
    "<table>",
    "<th>",
    "</tr>",
    "<tbody>",
    " class=page",
    " class='list last'",
    "更多",
    "查看",
    "<br>",
    "<dl><dt>",
    "Newer posts",
    "〔2024〕1号",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_SOUP), max_size=120).map("".join))
def test_never_raises_on_tag_soup(text):
    extract_list(text.encode("utf-8"), "http://x.gov.cn/list/index.html")


def _many_links() -> bytes:
    rows = "".join(
        f'<li><a href="/a/{i}.html">第{i}条示例新闻标题文字内容</a><span>2024-01-01</span></li>'
        for i in range(20_000)
    )
    return f"<html><body><ul>{rows}</ul></body></html>".encode()


def _deep_nesting() -> bytes:
    return ("<div>" * 50_000 + '<a href="/x.html">标题</a>' + "</div>" * 50_000).encode()


def _ten_megabytes() -> bytes:
    para = "<p>" + "示例文字" * 200 + "</p>\n"
    return ("<html><body>" + para * (10_000_000 // len(para.encode()))).encode() + b"</body></html>"


def _ten_megabytes_binary() -> bytes:
    return bytes(range(256)) * 40_000


def _many_scripted_rows() -> bytes:
    rows = "".join(
        f'<li><a href="javascript:void(0)" onclick="openDoc(\'{i}\')">第{i}条示例新闻标题文字内容</a>'
        f'<span class="visually-hidden">{i}</span></li>'
        for i in range(20_000)
    )
    script = "<script>function openDoc(id){ window.open('/doc?id=' + id); }</script>"
    return f"<html><body>{script}<ul>{rows}</ul></body></html>".encode()


def _many_written_rows() -> bytes:
    lines = "\n".join(
        f"document.write('<li><a href=\"/a/{i}.html\">第{i}条示例新闻标题</a></li>');"
        for i in range(20_000)
    )
    return f"<html><body><ul><script>{lines}</script></ul></body></html>".encode()


@pytest.mark.parametrize(
    "make",
    [
        _many_links,
        _deep_nesting,
        _ten_megabytes,
        _ten_megabytes_binary,
        _many_scripted_rows,
        _many_written_rows,
    ],
    ids=[
        "20000-links",
        "deep-nesting",
        "10MB-text",
        "10MB-binary",
        "20000-scripted-rows",
        "20000-written-rows",
    ],
)
def test_adversarial_input_is_fast(make):
    body = make()
    # CPU time of this process: the budget is about our work, not about other jobs sharing the machine.
    started = time.process_time()
    result = extract_list(body, "http://x.gov.cn/list/index.html")
    elapsed = time.process_time() - started
    assert elapsed < 1.0, f"{elapsed:.2f} s"
    if make is _many_links:
        assert (
            len(result.links) == 1000
        )  # rows beyond max_rows (1000 by default) are cut, and said so
        assert result.truncated_rows == 19_000
        assert result.links[0].title == "第0条示例新闻标题文字内容"


# ----------------------------------------------------------------------------- fast paths agree with the plain forms

from crawler.extract import listing as _listing  # noqa: E402
from crawler.extract import pagination as _pagination  # noqa: E402
from crawler.extract import text as _text  # noqa: E402
from crawler.extract.encoding import decode_html  # noqa: E402

_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _sample_bodies() -> list[bytes]:
    bodies = [p.read_bytes() for p in sorted(PAGES.glob("*.html"))]
    if _CORPUS.is_dir():
        bodies += [p.read_bytes() for p in sorted(_CORPUS.glob("*_list/*.html"))]
    gbk = "<html><head><meta charset=gbk></head><body>通知公告</body></html>"
    bodies += [
        gbk.encode("gb18030"),
        gbk.replace("gbk", "utf-8").encode("utf-8"),  # few non-ASCII bytes, declared UTF-8
        "<html><body>é</body></html>".encode(),  # few, nothing declared
        "<meta charset=iso-8859-1><p>é</p>".encode(),  # few, declared otherwise
        "<meta charset=utf-8><p>\ue001</p>".encode("utf-8"),  # private use: UTF-8 read as GBK?
        b"<p>ASCII</p>" + "é".encode("latin-1"),
        b"\xef\xbb\xbf<p>BOM</p>",
        "<p>utf-16</p>".encode("utf-16"),
        b"",
    ]
    return bodies


@pytest.mark.parametrize(
    "content_type", [None, "text/html; charset=gbk", "text/html; charset=utf-8"]
)
def test_decode_html_agrees_with_detect_encoding(content_type):
    from crawler.extract.encoding import detect_encoding

    for body in _sample_bodies():
        text, used = decode_html(body, content_type, None)
        assert used == detect_encoding(body, content_type)
        expected = body.decode(used, errors="replace").removeprefix("\ufeff")
        # A body cut inside its last character loses that character, not the page's encoding.
        assert text == expected or (text + "\ufffd" == expected and body[-1] >= 0x80)


def test_control_check_matches_regex():
    for body in _sample_bodies():
        text, used = decode_html(body)
        for probe in (text, text + "\x07", "\ufffe" + text):
            expected = bool(_text._CONTROL.search(probe))
            assert _text.has_controls(probe) == expected
            if probe is text:
                assert _text.has_controls(probe, body, used) == expected


def test_number_walk_matches_number_xpath():
    for body in _sample_bodies():
        root = _listing.parse_html(decode_html(body)[0])
        if root is not None:
            assert list(_pagination._number_elements(root)) == _pagination._NUMBER_XPATH(root)


def test_next_hint_search_matches_regex():
    values = [
        "Next",
        "NEXT »",
        "older posts",
        "下一页",
        "›",
        "Ｎext",
        "ne\nxt",
        "İnext",
        "plain",
        "",
        "xYy",
        "pager-next",
        "K",
    ]
    expected = [i for i, v in enumerate(values) if _pagination._NEXT_HINT.search(v)]
    assert _pagination._hinted(values) == expected
    assert _pagination._hinted(["İ", "Next"]) == [1]  # lower() changes the length: the regex path


def test_title_rejection_pattern_matches_the_three():
    for title in [
        "更多",
        "More >>",
        "read more",
        "12",
        "[详细]",
        "【置顶】",
        "https://x.gov.cn/a",
        "www.x.cn",
        "关于开展工作的通知",
        "Next",
        "View this Dataset",
        "(2024)",
        "Download PDF",
    ]:
        separate = bool(
            _listing._GENERIC.match(title)
            or _listing._PREFIX_LINK.match(title)
            or _listing._BARE_URL.match(title)
        )
        assert bool(_listing._NOT_A_TITLE.match(title)) == separate, title


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"0129 -/.年月日[]()（）:a", "19", "20", "2024", "1999", "2019-10-16", "\u0661", "  "]
        ),
        max_size=40,
    ).map("".join)
)
def test_strip_dates_matches_the_two_regexes(text):
    assert _listing._strip_dates(text) == _listing._TRAILING_DATE.sub(
        "", _listing._YMD.sub("", text)
    )


_JOIN_BASES = [
    "http://x.gov.cn/col/index.html",
    "http://x.gov.cn/col/",
    "http://x.gov.cn",
    "https://a.b:8080/p/q/r.shtml?x=1#f",
    "http://x.gov.cn/a//b/c.html",
    "http://x.gov.cn/a/./b/",
    "http://x.gov.cn/a/b.html;p",
    "ftp://x/a/",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "b.html",
                "/",
                ".",
                "..",
                "./",
                "../",
                "?",
                "#",
                "q=1",
                "x:y",
                ";",
                "//",
                "%20",
                "中文",
                " ",
            ]
        ),
        min_size=1,
        max_size=6,
    ).map("".join)
)
def test_fast_join_matches_urljoin(href):
    from urllib.parse import urljoin

    href = href.strip()
    for base in _JOIN_BASES:
        joined = _pagination._join(base, href) if href else None
        if joined is not None:
            assert joined == urljoin(base, href).split("#", 1)[0], (base, href)
    assert (
        _pagination._join("http://x.gov.cn/col/index.html", "./202403/t20240315_1.html")
        == "http://x.gov.cn/col/202403/t20240315_1.html"
    )


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                ">",
                "<",
                "</a>",
                "</A>",
                "</b>",
                "[",
                "]",
                " ",
                "\n",
                "\u3000",
                "1",
                "23",
                "456789",
                "\u0663",
                "a",
                "x>",
            ]
        ),
        max_size=14,
    ).map("".join)
)
def test_number_link_scan_matches_regex(text):
    assert _pagination._has_number_link(text) == bool(_pagination._NUMBER_LINK.search(text))


# ----------------------------------------------------------------------------- short last pages, list hint

from lxml import html as _lxml_html  # noqa: E402

# (fixture, its URL, XPath of its main-list rows): the last page of a column in three templates.
_LAST_PAGES = {
    "trs-ul": (
        "list_trs_column_last_page.html",
        "http://www.example.gov.cn/zwgk/tzgg/index_4.html",
        "//ul[@class='list']/li",
    ),
    "xxgk-table": (
        "list_xxgk_table_last_page.html",
        "http://xxgk.example.gov.cn/xxgk/bmwj/index_6.html",
        "//td[@class='title']/..",
    ),
    "en-views-rows": (
        "list_en_news_last_page.html",
        "https://examples.state.gov/news?page=11",
        "//div[contains(@class, 'views-row')]",
    ),
}


def _keep_rows(name: str, rows_xpath: str, keep: int) -> bytes:
    """The fixture with only its first ``keep`` main-list rows."""
    doc = _lxml_html.fromstring(page(name).decode("utf-8"))
    for row in doc.xpath(rows_xpath)[keep:]:
        row.getparent().remove(row)
    return _lxml_html.tostring(doc, encoding="utf-8")


def _short_pages() -> list:
    words = {1: "one-row", 2: "two-rows", 3: "three-rows"}
    params = []
    for template, (name, _, rows_xpath) in _LAST_PAGES.items():
        rows = len(_lxml_html.fromstring(page(name).decode("utf-8")).xpath(rows_xpath))
        params += [
            pytest.param(template, keep, id=f"{template}-{words[keep]}")
            for keep in range(1, min(rows, 3) + 1)
        ]
    return params


@pytest.mark.parametrize(("template", "keep"), _short_pages())
def test_short_last_page_keeps_its_few_rows(template, keep):
    name, url, rows_xpath = _LAST_PAGES[template]
    body = _keep_rows(name, rows_xpath, keep)
    result = extract_list(body, url)
    first = _lxml_html.fromstring(body.decode("utf-8")).xpath(rows_xpath)[0].xpath(".//a")[0]
    assert len(result.links) == keep
    assert result.links[0].title == (first.get("title") or " ".join(first.text_content().split()))
    assert result.next_pages == []


def test_one_row_last_page_beats_a_dated_teaser_box():
    result = extract_list(
        page("list_trs_column_last_page.html"), "http://www.example.gov.cn/zwgk/tzgg/index_4.html"
    )
    assert titles(result) == ["关于公布示例市第一批市级非物质文化遗产代表性项目名录的通知"]
    assert result.links[0].date == "2019-05-08"


_BOX_TITLES = [f"示例市第{i}批重点项目建设情况通报及下一步工作安排" for i in range(1, 11)]


def _last_page_beside_boxes(row: str) -> bytes:
    boxes = "".join(
        f'<div class="l-box"><div class="l-tit"><h3>{name}</h3></div><ul>'
        + "".join(
            f'<li><a href="/xxgk/{folder}/2019{i:02d}.html">{t}</a><span>2019-02-{i + 10}</span></li>'
            for i, t in enumerate(_BOX_TITLES)
        )
        + "</ul></div>"
        for name, folder in (("热点排行", "rd"), ("最新发布", "zx"))
    )
    return (
        "<html><head><title>通知公告_示例市</title></head><body>"
        '<div class="crumb"><a href="/">首页</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>'
        f'<div class="l-col">{boxes}</div><div class="r-col"><h2>通知公告</h2>{row}'
        '<div class="page" id="pg"></div><script>createPageHTML("pg", 8, 7, "index", "html", 71);'
        "</script></div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "href",
    ["/art/2019/3/5/art_1229_123456.html", "http://www.other.example.gov.cn/c/5.html"],
    ids=["hanweb-art-path", "other-host"],
)
@pytest.mark.parametrize(
    "shape",
    [
        '<ul class="list"><li><a href="{}">示例市住房和城乡建设局关于第一季度施工安全检查的通报</a><span>2019-03-05</span></li></ul>',
        '<div class="list"><div class="item"><span>2019-03-05</span><a href="{}">示例市住房和城乡建设局关于第一季度施工安全检查的通报</a></div></div>',
        '<table class="list"><tr><td><a href="{}">示例市住房和城乡建设局关于第一季度施工安全检查的通报</a></td><td>2019-03-05</td></tr></table>',
    ],
    ids=["li", "div-date-first", "table-row"],
)
def test_one_row_the_pager_follows_beats_boxes_of_ten_wherever_it_links(shape, href):
    # The release lives outside the column's folder, as the boxes' do: the pager decides.
    result = extract_list(
        _last_page_beside_boxes(shape.format(href)), "http://x.gov.cn/zwgk/tzgg/index_7.html"
    )
    assert titles(result) == ["示例市住房和城乡建设局关于第一季度施工安全检查的通报"]
    assert result.next_pages == []


@pytest.mark.parametrize(
    ("name", "url", "rows", "first"),
    [
        (
            "list_small_column_no_pager_beside_latest_box_of_ten.html",
            "http://zrzyj.example.gov.cn/col/col1288/index.html",
            3,
            "示例市2024年度地质灾害防治方案",
        ),
        (
            "list_small_column_heading_beside_crumb_latest_files_box.html",
            "http://www.example-xian.gov.cn/zwgk/rsrm/index.html",
            2,
            "示例县人民政府关于张明等同志职务任免的通知",
        ),
        (
            "list_small_column_crumb_in_main_column_latest_box_in_left.html",
            "http://www.example-jyj.gov.cn/a/zsks/ywzs/",
            3,
            "示例区2024年义务教育阶段学校招生入学工作实施方案",
        ),
    ],
    ids=["heading-names-column", "head-bar-beside-crumb", "rows-under-column-folder"],
)
def test_a_small_column_without_pager_beats_a_box_of_the_site_s_latest(name, url, rows, first):
    # The rows the page names as its column's (its heading, its folder), not the box's ten.
    result = extract_list(page(name), url)
    assert (len(result.links), result.links[0].title, result.next_pages) == (rows, first, [])


@pytest.mark.parametrize(
    ("button", "rows"),
    [("Read more", 6), ("Continue reading", 6), ("Find out more", 6), ("More", 0)],
)
def test_cards_whose_one_link_is_read_more_are_rows_titled_by_their_heading(button, rows):
    cards = "".join(
        f'<div class="card"><p class="date">{n} March 2024</p><h3>Council news item number {n} for residents</h3>'
        f'<p>A short summary of the news item for the card.</p><a href="/news/item-{n}">{button}</a></div>'
        for n in range(1, 7)
    )
    result = extract_list(
        f'<html><body><h1>News</h1><div class="grid">{cards}</div></body></html>'.encode(),
        "https://www.example.gov.uk/news",
    )
    assert len(result.links) == rows
    if rows:
        assert result.links[0].title == "Council news item number 1 for residents"


def test_list_path_is_the_same_on_every_page_of_a_column():
    first = extract_list(
        page("list_trs_column.html"), "http://www.example.gov.cn/zwgk/tzgg/index.html"
    )
    second = extract_list(
        page("list_trs_column_page2.html"), "http://www.example.gov.cn/zwgk/tzgg/index_2.html"
    )
    last = extract_list(
        page("list_trs_column_last_page.html"), "http://www.example.gov.cn/zwgk/tzgg/index_4.html"
    )
    assert first.list_path == "div.main > div.right > ul.list > li"
    assert second.list_path == last.list_path == first.list_path


def _rows(prefix: str, n: int) -> str:
    return "".join(
        f'<li><a href="/{prefix}/{i}.html">{prefix}栏第{i}条信息标题示例文字内容</a><span>2024-01-0{i}</span></li>'
        for i in range(1, n + 1)
    )


def test_list_path_marks_the_levels_a_split_list_is_gathered_across():
    blocks = "".join(
        f'<div class="box"><ul class="l">{_rows(f"b{b}", 5)}</ul></div>' for b in range(3)
    )
    body = f'<html><body><div class="wrap">{blocks}</div></body></html>'.encode()
    result = extract_list(body, "http://x.gov.cn/col/")
    assert len(result.links) == 15
    assert result.list_path == "div.wrap > div.box[*] > ul.l[*] > li"


def test_list_path_numbers_the_box_among_same_class_boxes():
    teaser = f'<div class="box"><div class="hd">图片新闻<a href="/tpxw/">更多</a></div><ul class="l">{_rows("tp", 6)}</ul></div>'
    main = f'<div class="box"><ul class="l">{_rows("zw", 4)}</ul><div class="page"><a href="index_1.html">下一页</a></div></div>'
    body = f'<html><body><div class="wrap">{teaser}{main}</div></body></html>'.encode()
    result = extract_list(body, "http://x.gov.cn/col/index.html")
    assert [link.url for link in result.links][0] == "http://x.gov.cn/zw/1.html"
    assert result.list_path == "div.wrap > div.box[2] > ul.l > li"
    hinted = extract_list(
        body.replace(b"zw/1.html", b"zw/9.html"),
        "http://x.gov.cn/col/index.html",
        list_hint=result.list_path,
    )
    assert len(hinted.links) == 4 and hinted.links[0].url == "http://x.gov.cn/zw/9.html"


def test_list_hint_finds_the_one_row_where_the_page_alone_cannot():
    hint = extract_list(
        page("list_trs_column.html"), "http://www.example.gov.cn/zwgk/tzgg/index.html"
    ).list_path
    # Without its pager block the lone row has nothing to tell it from the teaser box beside it.
    body = page("list_trs_column_last_page.html").replace(
        b'createPageHTML(5, 4, "index", "html");', b""
    )
    body = body.replace(b'<div class="page">', b"<div>")
    url = "http://www.example.gov.cn/zwgk/tzgg/index_4.html"
    assert len(extract_list(body, url).links) != 1
    result = extract_list(body, url, list_hint=hint)
    assert titles(result) == ["关于公布示例市第一批市级非物质文化遗产代表性项目名录的通知"]
    assert result.links[0].url == "http://www.example.gov.cn/zwgk/tzgg/201905/t20190508_310021.html"
    assert result.list_path == hint


@pytest.mark.parametrize(
    "hint",
    ["div.gone > ul.list > li", "div.main > div.right > ul.list[3] > li", "li", ""],
    ids=["names-nothing", "index-out-of-range", "row-tag-only", "empty"],
)
def test_list_hint_that_names_nothing_here_falls_back_to_detection(hint):
    url = "http://www.example.gov.cn/zwgk/tzgg/index.html"
    assert titles(extract_list(page("list_trs_column.html"), url, list_hint=hint)) == titles(
        extract_list(page("list_trs_column.html"), url)
    )


# ----------------------------------------------------------------------------- lists laid out as tables


def test_meeting_schedule_table_titles_rows_by_their_meeting_cell():
    result = extract_list(
        page("list_table_meetings.html"), "https://www.example-housing.org/board/meetings"
    )
    assert len(result.links) == 18  # the three future meetings have no document yet
    first = result.links[0]
    assert (first.title, first.date) == ("Regular Board Meeting", "2019-01-09")
    assert first.url == "https://www.example-housing.org/documents/board/2019-01-09-agenda.pdf"
    assert result.links[2].title == "Special Board Meeting"
    assert result.links[4].title == "Finance Committee Meeting"
    assert all(link.date for link in result.links)
    assert "Browse the meeting archive" not in titles(result)


def test_recall_table_with_view_links_takes_the_name_cell():
    result = extract_list(
        page("list_table_recalls_view_links.html"),
        "http://www.example-dpac.gov.cn/zhgl/qczh/index.html",
    )
    assert len(result.links) == 20
    first = result.links[0]
    assert first.title == "一汽-大众汽车有限公司召回部分进口途锐汽车（安全气囊）"
    assert first.date == "2021-06-28"
    assert first.url == "http://www.example-dpac.gov.cn/zhgl/qczh/gzzh/202106/t20210628_330000.html"
    assert result.next_pages == ["http://www.example-dpac.gov.cn/zhgl/qczh/index_1.html"]
    assert not {"汽车召回", "消费品召回", "联系我们"} & set(titles(result))


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        (
            "<tr><th>编号</th><th>发布日期</th><th>事项名称</th><th>操作</th></tr>",
            [
                "QX-2024-0{i}",
                "2024-05-0{i}",
                "示例事项第{i}项办理结果公示",
                "<a href='/d/{i}.html'>详情</a>",
            ],
            "示例事项第1项办理结果公示",
        ),
        (
            "",
            [
                "{i}",
                "2024-05-0{i}",
                "示例单位第{i}次行政许可决定公开",
                "<a href='/d/{i}.html'>查看</a>",
            ],
            "示例单位第1次行政许可决定公开",
        ),
        (
            "<tr><th>Date</th><th>Location</th><th>Meeting</th><th></th></tr>",
            [
                "May {i}, 2024",
                "Room {i}01, County Building",
                "Planning Commission Hearing",
                "<a href='/d/{i}.pdf'>Agenda</a>",
            ],
            "Planning Commission Hearing",
        ),
        (
            "",
            [
                "<a href='/d/{i}.html'>关于示例区第{i}批项目核准结果的公告</a>",
                "示发〔2024〕{i}号",
                "2024-05-0{i}",
                "<a href='/d/{i}.pdf'>附件</a> <a href='/d/{i}.doc'>下载</a>",
            ],
            "关于示例区第1批项目核准结果的公告",
        ),
        (
            "",
            [
                "示政发〔2024〕{i}号",
                "关于示例区第{i}批征收补偿方案的公告",
                "2024-05-0{i}",
                "<a href='/d/{i}.html'>查看</a>",
            ],
            "关于示例区第1批征收补偿方案的公告",
        ),
        (
            "",
            [
                "区住建局",
                "关于示例区第{i}批既有住宅加装电梯项目的公示",
                "2024-05-0{i}",
                "<a href='/d/{i}.html'>详情</a>",
            ],
            "关于示例区第1批既有住宅加装电梯项目的公示",
        ),
    ],
    ids=[
        "header-names-the-column",
        "no-header-first-text-cell",
        "header-past-a-longer-cell",
        "linked-title-beside-attachments",
        "document-number-before-the-title",
        "department-before-a-much-longer-title",
    ],
)
def test_table_row_title_cell(header, cells, expected):
    rows = "".join(
        "<tr>" + "".join(f"<td>{c.format(i=i)}</td>" for c in cells) + "</tr>" for i in range(1, 7)
    )
    body = f"<html><body><div class='nav'><a href='/'>首页</a></div><table>{header}{rows}</table></body></html>".encode()
    result = extract_list(body, "http://x.gov.cn/col/index.html")
    assert len(result.links) == 6
    assert result.links[0].title == expected
    assert result.links[0].url.startswith("http://x.gov.cn/d/1.")


# ----------------------------------------------------------------------------- one main list, not the union of boxes

import re as _re  # noqa: E402


def _no_more_links(body: bytes) -> bytes:
    return _re.sub(rb'<a class="more"[^>]*>.*?</a>', b"", body)


def _no_pager(body: bytes) -> bytes:
    return _re.sub(rb'<div class="fenye">.*?</div>', b"", body, flags=_re.S)


@pytest.mark.parametrize(
    "variant",
    [lambda b: b, _no_more_links, lambda b: _no_pager(_no_more_links(b))],
    ids=["teasers-with-more-links", "teasers-under-headings-only", "headings-only-and-no-pager"],
)
def test_portal_main_list_among_same_class_teaser_boxes(variant):
    result = extract_list(
        variant(page("list_portal_teaser_boxes.html")), "http://www.example.gov.cn/bmdt/index.html"
    )
    assert len(result.links) == 29
    assert result.links[0].title == "市应急管理局召开全市安全生产工作会议"
    assert result.links[0].date == "2023-11-28"
    assert all("/bmdt/" in link.url for link in result.links)
    assert result.list_path == "div.w1200 > div.content > div.col-box[1] > ul.news-list > li"


# ----------------------------------------------------------------------------- every row of a search-result list

_SEARCH_URL = "https://www.example.gov.cn/search/?q=%E5%8C%BB%E7%96%97%E4%BF%9D%E9%99%A9"


def test_search_results_keep_every_row():
    result = extract_list(page("list_search_results.html"), _SEARCH_URL)
    assert len(result.links) == 10
    assert result.links[0].title == "关于做好2024年城乡居民基本医疗保险参保缴费工作的通知"
    assert result.next_pages == ["https://www.example.gov.cn/search/?q=医疗保险&page=2"]


@pytest.mark.parametrize(
    ("index", "title", "date"),
    [
        (1, "示例省人民政府办公厅关于健全基本医疗保险参保长效机制的实施意见", "2024-02-18"),
        (2, "图解：健全基本医疗保险参保长效机制", "2024-02-20"),
        (3, "示例省职工基本医疗保险门诊共济保障实施细则（全文）", "2024-01-16"),
        (4, "异地就医直接结算办事指南（基本医疗保险）", None),
        (6, "关于公布2024年度定点医疗机构名单的公告", "2023-12-08"),
        (9, "示例省医疗保障局关于调整基本医疗保险部分医疗服务项目支付政策的通知", "2023-11-10"),
    ],
    ids=[
        "font-highlight",
        "highlight-spans-beside-a-longer-address-link",
        "title-then-br-then-long-summary",
        "row-without-a-date",
        "row-with-three-attachments",
        "last-row-extra-class-and-cut-title",
    ],
)
def test_search_result_row(index, title, date):
    link = extract_list(page("list_search_results.html"), _SEARCH_URL).links[index]
    assert (link.title, link.date) == (title, date)


@pytest.mark.parametrize(
    "extra",
    [' class="list last"', ' class="list first"', ' class="list odd"'],
    ids=["last", "first", "odd"],
)
def test_split_list_block_with_an_extra_class_is_still_gathered(extra):
    blocks = "".join(
        f"<ul{extra if b == 2 else ' class=list'}>{_rows(f'b{b}', 4)}</ul>" for b in range(3)
    )
    body = f"<html><body><div class='nav'><a href='/'>首页</a></div><div class='news'>{blocks}</div></body></html>".encode()
    result = extract_list(body, "http://x.gov.cn/col/")
    assert len(result.links) == 12
    assert (
        extract_list(body, "http://x.gov.cn/col/", list_hint=result.list_path).links == result.links
    )


def _script_beside_the_list(body: bytes) -> bytes:
    return body.replace(b'<div class="page">\n      <script', b"<script").replace(
        b"</script>\n    </div>\n  </div>\n</div>", b"</script>\n  </div>\n</div>"
    )


def _pager_filled_by_an_outside_script(body: bytes) -> bytes:
    return body.replace(b'createPageHTML(5, 4, "index", "html");', b"").replace(
        b'<div class="page">', b'<div id="pagination"></div><div>'
    )


@pytest.mark.parametrize(
    "variant",
    [_script_beside_the_list, _pager_filled_by_an_outside_script],
    ids=["pager-script-right-after-the-list", "empty-pager-block-named-pagination"],
)
def test_one_row_last_page_pager_written_by_script(variant):
    body = variant(page("list_trs_column_last_page.html"))
    assert body != page("list_trs_column_last_page.html")
    result = extract_list(body, "http://www.example.gov.cn/zwgk/tzgg/index_4.html")
    assert titles(result) == ["关于公布示例市第一批市级非物质文化遗产代表性项目名录的通知"]


def test_a_page_view_tracker_is_no_pager():
    body = page("list_trs_column_last_page.html").replace(
        b'createPageHTML(5, 4, "index", "html");', b"_gaq.push(['_trackPageview']);"
    )
    body = body.replace(b'<div class="page">', b"<div>")
    result = extract_list(body, "http://www.example.gov.cn/zwgk/tzgg/index_4.html")
    assert (
        len(result.links) != 1
    )  # nothing marks the lone row as the list: the hint is what finds it


def test_table_rows_whose_links_all_say_the_same_take_the_title_cell():
    rows = "".join(
        f"<tr><td>June {i}, 2024</td><td>Zoning Board of Appeals Hearing</td>"
        f"<td><a href='/zba/2024-06-0{i}-agenda.pdf'>Meeting Agenda (PDF)</a></td></tr>"
        for i in range(1, 8)
    )
    body = f"<html><body><table><tr><th>Date</th><th>Meeting</th><th>Documents</th></tr>{rows}</table></body></html>".encode()
    result = extract_list(body, "https://town.example.gov/zba/")
    assert len(result.links) == 7
    assert {link.title for link in result.links} == {"Zoning Board of Appeals Hearing"}
    assert result.links[0].date == "2024-06-01"


def test_one_row_last_page_with_the_pager_as_the_lists_last_item():
    body = (
        "<html><body><div class='nav'><a href='/'>首页</a><a href='/a/'>机构概况</a><a href='/b/'>政务公开</a></div>"
        "<ul class='news'><li><a href='/tzgg/2019/05/t20190508_1.html'>关于做好2019年度示例工作的通知</a><span>2019-05-08</span></li>"
        "<li class='pages'><a href='index.html'>首页</a> <a href='index_5.html'>上一页</a> <a href='index_5.html'>6</a> <span>7</span></li></ul>"
        "<div class='foot'><a href='/lxwm/'>联系我们</a></div></body></html>"
    ).encode()
    result = extract_list(body, "http://x.gov.cn/tzgg/index_6.html")
    assert titles(result) == ["关于做好2019年度示例工作的通知"]


# ----------------------------------------------------------------------------- more templates, one case each

_NAV = "<div class='top'><a href='/'>首页</a> <a href='/about/'>机构概况</a> <a href='/services/'>政务服务</a> <a href='/contact/'>互动交流</a></div>"
_FOOT = "<div class='bottom'><a href='/privacy/'>Privacy policy statement</a> <a href='/a11y/'>Accessibility information</a></div>"


def _hot_box() -> str:
    rows = "".join(
        f"<li><a href='/hot/{i}.html'>示例市第{i}条热点新闻标题内容文字</a><span>2024-01-0{i}</span></li>"
        for i in range(1, 7)
    )
    return f"<div class='r'><h3>热点新闻</h3><ul class='ul2'>{rows}</ul></div>"


def _rows_of(template: str, n: int) -> str:
    return "".join(template.format(i=i) for i in range(n))


_TEMPLATES = {
    "wordpress-one-post-newer-posts-link": (
        "<main><article class='post'><h2 class='entry-title'><a href='/2019/05/annual-report/'>Annual report on county finances released</a></h2>"
        "<time datetime='2019-05-08'>May 8, 2019</time><p>The county released its annual report today, covering revenue and spending.</p></article>"
        "<nav class='navigation posts-navigation'><div class='nav-links'><div class='nav-next'><a href='/news/page/6/'>Newer posts</a></div></div></nav></main>",
        ["Annual report on county finances released"],
    ),
    "dl-one-row-pager-text-and-links": (
        "<div class='con'><dl class='lst'><dt><a href='/tz/2019/t1.html'>关于开展2019年度示例检查工作的通知</a></dt><dd>2019-05-08</dd></dl>"
        "<div class='pg'>共1条 <a href='index_3.html'>上一页</a> <a href='index.html'>首页</a></div></div>",
        ["关于开展2019年度示例检查工作的通知"],
    ),
    "div-items-one-row-numbered-pager": (
        "<div class='list'><div class='item'><a href='/n/1.html'>示例区召开2019年第一季度经济运行分析会</a><span class='time'>2019-04-02</span></div></div>"
        "<div class='page-box'><a href='?page=3'>&lt; 上一页</a> <a href='?page=1'>1</a> <a href='?page=2'>2</a> <a href='?page=3'>3</a> <b>4</b></div>",
        ["示例区召开2019年第一季度经济运行分析会"],
    ),
    "two-rows-previous-and-page-n-of-n": (
        "<div id='content'><ul class='news-items'><li><a href='/news/2018-12-19-budget'>Board approves fiscal year budget and capital plan</a> <span>December 19, 2018</span></li>"
        "<li><a href='/news/2018-12-03-parking'>Winter parking restrictions begin next week</a> <span>December 3, 2018</span></li></ul>"
        "<p class='pager'><a href='/news?page=7'>&laquo; Previous</a> Page 9 of 9</p></div>",
        [
            "Board approves fiscal year budget and capital plan",
            "Winter parking restrictions begin next week",
        ],
    ),
    "layout-table-one-row-pager-table-after": (
        "<table width='100%'><tr><td width='200'><a href='/a/'>机构设置</a><br><a href='/b/'>领导信息</a><br><a href='/c/'>政策法规</a></td>"
        "<td><table class='tb'><tr><td><a href='/c/2019/0508/1.html' title='关于公布2019年示例名单的公告'>关于公布2019年示例名单的公告</a></td><td>2019-05-08</td></tr></table>"
        "<table><tr><td align='center'>共1条记录 <a href='index_2.html'>上一页</a> 3/3页</td></tr></table></td></tr></table>",
        ["关于公布2019年示例名单的公告"],
    ),
    "three-undated-rows-first-prev-pager": (
        "<div class='main'><ul class='doc-list'><li><a href='/docs/housing.html'>Housing strategy for the next decade</a></li>"
        "<li><a href='/docs/transit.html'>Regional transit plan draft for comment</a></li><li><a href='/docs/parks.html'>Parks and open space annual report</a></li></ul>"
        "<div class='pagination'><a href='?p=1'>First</a> <a href='?p=4'>Prev</a></div></div>",
        [
            "Housing strategy for the next decade",
            "Regional transit plan draft for comment",
            "Parks and open space annual report",
        ],
    ),
    "one-row-beside-a-hot-box": (
        "<div class='l'><ul class='ul1'><li><a href='/x/2019/t1.html'>市政府召开第十二次常务会议研究部署重点工作</a><span>2019-05-08</span></li></ul>"
        "<div class='fy'><a href='index.html'>首页</a><a href='index_4.html'>上一页</a><span>下一页</span><span>尾页</span></div></div>"
        + _hot_box(),
        ["市政府召开第十二次常务会议研究部署重点工作"],
    ),
    "table-date-in-row-header-cells": (
        "<table class='gs'><tr><th>日期</th><th>标题</th><th>发布单位</th></tr>"
        + _rows_of(
            "<tr><th>2024-05-1{i}</th><td><a href='/gg/{i}.html'>示例县第{i}批农村公路建设项目招标结果公示</a></td><td>县交通运输局</td></tr>",
            7,
        )
        + "</table>",
        [f"示例县第{i}批农村公路建设项目招标结果公示" for i in range(7)],
    ),
    "table-date-links-beside-agenda-and-minutes": (
        "<table id='gv'><tr><th>Meeting Date</th><th>Agenda</th><th>Minutes</th></tr>"
        + _rows_of(
            "<tr><td><a href='/docs/{i}.pdf'>January 1{i}, 2019</a></td><td><a href='/docs/{i}-agenda.pdf'>Agenda</a></td><td><a href='/docs/{i}-minutes.pdf'>Minutes</a></td></tr>",
            9,
        )
        + "</table>",
        [f"January 1{i}, 2019" for i in range(9)],
    ),
    "search-results-cite-snapshot-and-undated-rows": (
        "<div class='results'><ul>"
        + _rows_of(
            "<li class='res'><a href='https://x.gov.cn/a/{i}.html'>示例市<span class='hl'>营商环境</span>第{i}号政策措施解读</a>"
            "<p>关于优化<span class='hl'>营商环境</span>的若干措施……</p><cite>x.gov.cn/a/{i}.html</cite> <a href='https://x.gov.cn/kz/{i}'>网页快照</a></li>",
            10,
        )
        + "</ul></div><div class='pager'><a href='?q=x&amp;p=2'>下一页</a></div>",
        [f"示例市营商环境第{i}号政策措施解读" for i in range(10)],
    ),
}


@pytest.mark.parametrize("name", list(_TEMPLATES))
def test_list_templates(name):
    html, expected = _TEMPLATES[name]
    result = extract_list(
        f"<html><body>{_NAV}{html}{_FOOT}</body></html>".encode(),
        "http://x.gov.cn/col/index_5.html",
    )
    assert titles(result) == expected


# ----------------------------------------------------------------------------- the row cap is a setting and says so


@pytest.mark.parametrize(
    ("rows", "max_rows", "kept", "cut"),
    [(30, 1000, 30, 0), (30, 20, 20, 10), (2500, 1000, 1000, 1500), (2500, 3000, 2500, 0)],
    ids=["under-the-cap", "small-cap", "past-the-scored-anchors", "raised-cap"],
)
def test_row_cap(rows, max_rows, kept, cut):
    items = "".join(
        f'<li><a href="/a/{i}.html">第{i}条示例新闻标题文字内容</a><span>2024-01-01</span></li>'
        for i in range(rows)
    )
    result = extract_list(
        f"<html><body><ul>{items}</ul></body></html>".encode(),
        "http://x.gov.cn/l/",
        max_rows=max_rows,
    )
    assert (len(result.links), result.truncated_rows) == (kept, cut)


def test_rows_past_the_parse_limit_are_counted_as_cut():
    from crawler.extract.text import MAX_HTML_CHARS

    row = '<tr><td>{i}</td><td>第{i}条示例新闻标题文字内容</td><td>2024-01-01</td><td><a href="/a/{i}.html">查看</a></td></tr>'
    n = MAX_HTML_CHARS // len(row.format(i=10000)) + 500
    body = (
        "<html><body><table>"
        + "".join(row.format(i=i) for i in range(n))
        + "</table></body></html>"
    ).encode()
    result = extract_list(body, "http://x.gov.cn/l/", max_rows=n)
    assert len(result.links) < n
    assert len(result.links) + result.truncated_rows == n


def test_list_hint_follows_the_list_when_a_box_before_it_is_gone():
    teaser = (
        f'<div class="box"><div class="hd">置顶公告</div><ul class="l">{_rows("zd", 2)}</ul></div>'
    )
    main = f'<div class="box"><ul class="l">{_rows("zw", 4)}</ul><div class="page"><a href="index_1.html">下一页</a></div></div>'
    first = f'<html><body><div class="wrap">{teaser}{main}</div></body></html>'.encode()
    hint = extract_list(first, "http://x.gov.cn/col/index.html").list_path
    assert hint == "div.wrap > div.box[2] > ul.l > li"
    last = f'<html><body><div class="wrap"><div class="box"><ul class="l">{_rows("old", 1)}</ul></div></div></body></html>'.encode()
    result = extract_list(last, "http://x.gov.cn/col/index_9.html", list_hint=hint)
    assert [link.url for link in result.links] == ["http://x.gov.cn/old/1.html"]


def test_a_box_below_the_pager_is_not_the_list_it_pages():
    main = _rows("zw", 6)
    related = "".join(
        f"<li><a href='/xg/{i}.html'>相关报道：示例市第{i}条信息标题文字内容</a><span>2024-05-0{i}</span></li>"
        for i in range(1, 7)
    )
    body = (
        f"<html><body><div class='main'><ul class='list'>{main}</ul>"
        "<div class='page'><a href='index_1.html'>上一页</a> <a href='index_3.html'>下一页</a></div>"
        f"<ul class='more-news'>{related}</ul></div></body></html>"
    ).encode()
    result = extract_list(body, "http://x.gov.cn/col/index_2.html")
    assert [link.url for link in result.links] == [
        f"http://x.gov.cn/zw/{i}.html" for i in range(1, 7)
    ]


# ----------------------------------------------------------------------------- short lists beside page furniture

_SHORT_TITLES = [
    ("2024-03-12", "青山区举办2024年春季民营企业招聘会"),
    ("2024-03-08", "关于春季学期中小学入学登记工作的通知"),
    ("2024-03-05", "青山区开展全民义务植树活动"),
    ("2024-03-01", "青山区召开安全生产工作会议部署全年任务"),
    ("2024-02-26", "区政府常务会议研究部署优化营商环境工作"),
    ("2024-02-20", "青山区启动老旧小区改造项目申报"),
]
_SHORT_FURNITURE = {
    "home-link": (
        '<div class="where">当前位置：<a href="/">首页</a> &gt; 政务动态</div>',
        ["首页", "政务动态"],
    ),
    "parent-link": (
        '<div class="where">当前位置：<a href="/">首页</a> &gt; <a href="/gk/index.html">信息公开</a> &gt; 政务动态</div>',
        ["首页", "信息公开", "政务动态"],
    ),
    "self-link": (
        '<div class="where">当前位置：首页 &gt; <a href="/news/index.html">政务动态</a></div>',
        ["首页", "政务动态"],
    ),
    "home-and-self-links": (
        '<div class="where">当前位置：<a href="/">首页</a> &gt; <a href="/news/index.html">政务动态</a></div>',
        ["首页", "政务动态"],
    ),
    "label-in-own-span": (
        '<div class="where"><span>当前位置：</span><a href="/">首页</a> &gt; 政务动态</div>',
        ["首页", "政务动态"],
    ),
    "header-nav-4-links": (
        '<div class="nav"><a href="/">首页</a><a href="/news/index.html">政务动态</a>'
        '<a href="/gk/index.html">信息公开</a><a href="/hd/index.html">互动交流</a></div>',
        None,
    ),
}


def _short_list_page(rows: int, furniture: str) -> bytes:
    items = "".join(
        f'<li><a href="/news/a{i}.html" title="{title}">{title}</a><span>{date}</span></li>'
        for i, (date, title) in enumerate(_SHORT_TITLES[:rows])
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政务动态——青山区人民政府</title></head>
<body><div class="top"><div class="logo">青山区人民政府</div></div>
{furniture}
<ul class="list">{items}</ul>
<div class="footer"><p>主办单位：青山区人民政府</p></div></body></html>
""".encode()


@pytest.mark.parametrize("variant", list(_SHORT_FURNITURE))
@pytest.mark.parametrize("rows", [2, 3, 4, 6])
def test_short_dated_list_beside_breadcrumb_or_nav_is_the_main_list(rows, variant):
    # A column's last page or a young column: a few dated, titled rows are the list whatever links
    # the page shows around them; a short page's body is no breadcrumb.
    furniture, crumbs = _SHORT_FURNITURE[variant]
    result = extract_list(_short_list_page(rows, furniture), "http://www.qs.gov.cn/news/index.html")
    assert titles(result) == [title for _, title in _SHORT_TITLES[:rows]]
    assert [link.date for link in result.links] == [date for date, _ in _SHORT_TITLES[:rows]]
    assert result.links[0].url == "http://www.qs.gov.cn/news/a0.html"
    assert result.list_path and result.list_path.endswith("ul.list > li")
    if crumbs is not None:
        assert result.breadcrumb == crumbs


def test_a_block_hidden_by_its_class_is_no_list():
    cloud = " ".join(f'<a href="/so/{i}/">示例栏目{i:03d}</a>' for i in range(160))
    rows = "".join(
        f'<li><a href="/art/2024/{i}.html">示例县召开第{i}次重点项目建设调度会议</a><span>2024-03-0{i}</span></li>'
        for i in range(1, 6)
    )
    body = f'<html><body><div class="hide">{cloud}</div><ul class="news">{rows}</ul></body></html>'
    result = extract_list(body.encode(), "http://x.gov.cn/xw/")
    assert len(result.links) == 5
    assert result.links[0].title == "示例县召开第1次重点项目建设调度会议"


@pytest.mark.parametrize(
    ("box_class", "hidden"),
    [
        ("hide", True),
        ("drawer hidden", True),
        ("d-none", True),
        ("panel is-hidden", True),
        ("border-none", False),  # a class name hides only whole
        ("hidden-xs", False),  # hidden on phones only: a desktop reader sees it
    ],
    ids=lambda v: str(v),
)
def test_a_class_hides_a_block_only_by_its_whole_name(box_class, hidden):
    el = _lxml_html.fromstring(f'<div class="{box_class}"><a href="/a">x</a></div>')
    assert _listing._furniture(el) is hidden


_PLAIN = "关于2025年度示例工作安排的公告"


@pytest.mark.parametrize(
    ("row", "pinned"),
    [
        (f'<a href="/tz/1.html">【置顶】{_PLAIN}</a>', True),
        (f'<a href="/tz/1.html">[置顶] {_PLAIN}</a>', True),
        (f'<a href="/tz/1.html">置顶：{_PLAIN}</a>', True),
        (f'<a href="/tz/1.html"><span class="top">置顶</span>{_PLAIN}</a>', True),
        (f'<a href="/tz/1.html"><font color="red">【置顶】</font>{_PLAIN}</a>', True),
        (f'<a href="/tz/1.html" title="{_PLAIN}">【置顶】关于2025年度示例...</a>', True),
        (f'<a href="/tz/1.html">{_PLAIN}【置顶】</a>', True),
        (f'<a href="/tz/1.html"><b>顶</b>{_PLAIN}</a>', True),
        (f'<a href="/tz/1.html">[顶]{_PLAIN}</a>', True),
        (f'<span class="top">置顶</span><a href="/tz/1.html">{_PLAIN}</a>', True),
        (f'<a href="/tz/1.html"><img src="/i/zd.gif" alt="置顶">{_PLAIN}</a>', True),
        (f'<img src="/i/top.png"><a href="/tz/1.html">{_PLAIN}</a>', True),
        (f'<a href="/tz/1.html"><img src="/images/new.gif" alt="NEW">{_PLAIN}</a>', False),
        (f'<a href="/tz/1.html">{_PLAIN}<img src="/images/new.gif" alt="new"></a>', False),
        (f'<a href="/tz/1.html"><span class="xin">新</span>{_PLAIN}</a>', False),
        (f'<a href="/tz/1.html"><em>NEW</em>{_PLAIN}</a>', False),
        (f'<a href="/tz/1.html">NEW {_PLAIN}</a>', False),
        (f'<a href="/tz/1.html">【新】{_PLAIN}</a>', False),
    ],
    ids=[
        "bracketed-text",
        "square-text",
        "bare-text-colon",
        "span-in-link",
        "font-in-link",
        "cut-text-title-attr",
        "bracketed-after",
        "ding-element",
        "ding-bracketed",
        "span-beside",
        "img-in-link",
        "img-beside",
        "new-gif-before",
        "new-gif-after",
        "xin-badge-before",
        "new-element-before",
        "new-text-before",
        "xin-bracketed",
    ],
)
def test_a_pin_mark_or_fresh_badge_is_no_part_of_the_title(row, pinned):
    # The release's title without the mark (a site pins, unpins and badges a notice while the
    # release stays the same); a 置顶/顶 mark, wherever it stands, sets the row's pinned flag.
    rows = f"<li><span>2024-01-15</span>{row}</li>"
    rows += "".join(
        f'<li><span>2024-01-0{i}</span><a href="/tz/{i + 1}.html">关于第{i}批示例项目验收结果的公示</a></li>'
        for i in range(1, 6)
    )
    result = extract_list(
        f'<html><body><ul class="list">{rows}</ul></body></html>'.encode(), "http://x.gov.cn/tz/"
    )
    assert [(link.title, link.pinned) for link in result.links[:2]] == [
        (_PLAIN, pinned),
        ("关于第1批示例项目验收结果的公示", False),
    ]


@pytest.mark.parametrize(
    "title", ["顶岗实习学生安全管理工作会议召开", "新时代文明实践站建设推进会召开", "NEWS发布会"]
)
def test_a_title_opening_with_a_mark_s_word_keeps_it(title):
    rows = f'<li><span>2024-01-15</span><a href="/tz/1.html">{title}</a></li>'
    rows += "".join(
        f'<li><span>2024-01-0{i}</span><a href="/tz/{i + 1}.html">关于第{i}批示例项目验收结果的公示</a></li>'
        for i in range(1, 6)
    )
    result = extract_list(
        f'<html><body><ul class="list">{rows}</ul></body></html>'.encode(), "http://x.gov.cn/tz/"
    )
    assert (result.links[0].title, result.links[0].pinned) == (title, False)


def test_pinned_and_badged_rows_of_a_column_are_its_rows_titled_without_their_marks():
    result = extract_list(
        page("list_pin_and_fresh_marks_inside_title_links.html"),
        "http://rsj.example.gov.cn/zwgk/gsgg/index.html",
    )
    assert len(result.links) == 15
    assert [link.pinned for link in result.links[:5]] == [True, True, True, False, False]
    assert titles(result)[:7] == [
        "示例市2024年度第一批高技能人才培训基地拟认定名单公示",
        "关于2024年上半年职称评审结果的公示",
        "示例市人力资源和社会保障局2024年公开招聘编外人员拟聘用人员公示",
        "关于第二批市级就业见习基地名单的公示",
        "2024年度示例市技能大师工作室拟资助项目公示",
        "关于示例市2023年度劳动保障守法诚信等级评价结果的公示",
        "顶岗实习学生权益保障专项检查结果公示",
    ]


def test_card_links_wrapping_title_and_date_blocks_are_rows_not_prose():
    menu = "".join(f'<li><a href="/col/{i}/">栏目文件{i:02d}</a></li>' for i in range(40))
    cards = "".join(
        f'<a class="card" href="/art/2024/{i}.html"><div class="t">示例区第{i}批老旧小区改造项目开工建设</div>'
        f'<div class="d">2024-05-0{i}</div></a>'
        for i in range(1, 9)
    )
    body = f'<html><body><div class="cols"><ul>{menu}</ul></div><div class="items">{cards}</div></body></html>'
    result = extract_list(body.encode(), "http://m.x.gov.cn/xw/")
    assert len(result.links) == 8
    assert (result.links[0].title, result.links[0].date) == (
        "示例区第1批老旧小区改造项目开工建设",
        "2024-05-01",
    )


@pytest.mark.parametrize(
    "anchor",
    [
        '<a href="/tz/{i}.html"><span>2024-03-0{i}</span><span>[市教育局]</span>'
        "<span>关于做好2024年第{i}批义务教育招生工作的通知</span></a>",
        '<a href="/tz/{i}.html"><b>03-0{i}</b><span>关于做好2024年第{i}批义务教育招生工作的通知</span></a>',
        '<a href="/tz/{i}.html" title="关于做好2024年第{i}批义务教育招生工作的通知">'
        "<span>2024-03-0{i}</span><span>关于做好2024年第{i}批义务…</span></a>",
        '<a href="/tz/{i}.html"><em>[公开招标公告]</em>关于做好2024年第{i}批义务教育招生工作的通知</a>',
    ],
    ids=["date-and-department-spans", "month-day", "cut-text-beside-title-attr", "type-mark"],
)
def test_a_date_or_mark_the_link_shows_before_its_title_is_no_part_of_it(anchor):
    rows = "".join(f"<li>{anchor.format(i=i)}</li>" for i in range(1, 7))
    result = extract_list(
        f'<html><body><ul class="list">{rows}</ul></body></html>'.encode(), "http://x.gov.cn/tz/"
    )
    assert titles(result)[0] == "关于做好2024年第1批义务教育招生工作的通知"


@pytest.mark.parametrize(
    ("url", "folder"),
    [
        ("http://x.gov.cn/zwgk/tzgg/index_2.html", "http://x.gov.cn/zwgk/tzgg/"),
        ("http://x.gov.cn/news?page=2", "http://x.gov.cn/news/"),
        ("http://x.gov.cn/cwgk/list?page=13", "http://x.gov.cn/cwgk/"),
        ("http://x.gov.cn/xwzx/index", "http://x.gov.cn/xwzx/"),
        ("http://x.gov.cn/index.html", None),
    ],
    ids=["trs-series", "bare-column", "list-view", "index-view", "site-root"],
)
def test_a_column_s_folder_is_the_one_its_list_view_stands_in(url, folder):
    assert _listing._column_folder(url) == folder


_PAGER_ROWS = "".join(
    f'<li><a href="/tz/{i}.html">关于做好2024年第{i}批义务教育招生工作的通知</a><span>2024-03-0{i}</span></li>'
    for i in range(1, 9)
)


@pytest.mark.parametrize(
    ("pager", "expected"),
    [
        (
            '<a href="javascript:void(0)" class="next-btn">下一页</a><script>var pageNo = 1, total = 9;'
            '$(".next-btn").on("click", function () { if (pageNo < total) {'
            ' window.location.href = "list_" + (pageNo + 1) + ".html"; } });</script>',
            "http://x.gov.cn/tz/list_2.html",
        ),
        (
            '<a href="javascript:void(0)" class="next-btn">下一页</a><script>var pageNo = 9, total = 9;'
            '$(".next-btn").on("click", function () { if (pageNo < total) {'
            ' window.location.href = "list_" + (pageNo + 1) + ".html"; } });</script>',
            None,
        ),
        (
            '<a href="#" id="nx">下一页</a><script>var cur = 1; document.getElementById("nx").onclick ='
            ' function () { location.href = "list_" + (cur + 1) + ".html"; return false; };</script>',
            "http://x.gov.cn/tz/list_2.html",
        ),
        (
            '<a href="javascript:;" id="nx">下一页</a><script>var cur = 1; $("#nx").click(function () {'
            ' $.get("/api/list?page=" + (cur + 1), function (d) { render(d); }); });</script>',
            None,
        ),
        (
            '第1页/共9页 <input type="image" src="/img/next.gif" alt="下一页"'
            " onclick=\"location.href='list_2.html';return false;\">",
            "http://x.gov.cn/tz/list_2.html",
        ),
    ],
    ids=[
        "jquery-on-click",
        "jquery-on-click-last-page",
        "dom-onclick",
        "ajax-only",
        "image-button",
    ],
)
def test_a_next_link_s_bound_click_handler_or_an_image_button_is_followed(pager, expected):
    body = f'<html><body><ul class="list">{_PAGER_ROWS}</ul><div class="pg">{pager}</div></body></html>'
    result = extract_list(body.encode(), "http://x.gov.cn/tz/list_1.html")
    assert (result.next_pages[0] if result.next_pages else None) == expected


@pytest.mark.parametrize(
    "row",
    [
        '<li title="{t}"><a href="/tz/{i}.html">{cut}...</a><span>2024-03-0{i}</span></li>',
        '<li><a href="/tz/{i}.html"><span title="{t}">{cut}…</span></a><span>2024-03-0{i}</span></li>',
    ],
    ids=["on-the-row", "on-an-element-inside-the-link"],
)
def test_a_cut_link_text_takes_the_full_title_the_row_or_an_inner_element_holds(row):
    full = "关于做好2024年第{i}批义务教育招生工作的通知"
    rows = "".join(
        row.format(i=i, t=full.format(i=i), cut=full.format(i=i)[:12]) for i in range(1, 8)
    )
    result = extract_list(
        f'<html><body><ul class="list">{rows}</ul></body></html>'.encode(), "http://x.gov.cn/tz/"
    )
    assert titles(result)[0] == "关于做好2024年第1批义务教育招生工作的通知"


@pytest.mark.parametrize("rows", [1, 2], ids=["one-row", "two-rows"])
def test_a_small_column_under_its_own_heading_beats_a_longer_latest_box(rows):
    latest = "".join(
        f'<li><a href="/xwzx/yw/202403/t202403{10 + i}_{i}.html">示例县第{i}次召开重点项目推进工作会议</a>'
        f"<span>03-{10 + i}</span></li>"
        for i in range(10)
    )
    own = "".join(
        f'<li><a href="./2022{i:02d}/t2022{i:02d}01_{i}.html">示例县“十四五”第{i}项专项规划</a>'
        f"<span>2022-{i:02d}-01</span></li>"
        for i in range(1, rows + 1)
    )
    body = (
        '<html><body><div class="crumb"><a href="/">首页</a> &gt; <a href="/zwgk/ghjh/">规划计划</a></div>'
        f'<div class="left"><div class="box"><h3>最新信息</h3><ul>{latest}</ul></div></div>'
        f'<div class="right"><div class="hd"><h2>规划计划</h2></div><ul class="list">{own}</ul></div>'
        "</body></html>"
    )
    result = extract_list(body.encode(), "http://x.gov.cn/zwgk/ghjh/index.html")
    assert titles(result) == [f"示例县“十四五”第{i}项专项规划" for i in range(1, rows + 1)]


@pytest.mark.parametrize(
    ("url", "pager", "expected"),
    [
        (
            "http://x.gov.cn/tz/index.html",
            '1 <a href="index_1.html">2</a> <a href="index_2.html">3</a> <a href="index_11.html">12</a>',
            "http://x.gov.cn/tz/index_1.html",
        ),
        (
            "https://x.gov/news",
            '1 <a href="?page=1">2</a> <a href="?page=2">3</a> <a href="?page=9">10</a>',
            "https://x.gov/news?page=1",
        ),
        (
            "http://x.gov.cn/tz/index_11.html",
            '<a href="index.html">1</a> <a href="index_1.html">2</a> 12',
            None,
        ),
    ],
    ids=["trs-first-page", "drupal-first-page", "last-page"],
)
def test_an_unmarked_current_page_number_is_passed_by_the_series_successor(url, pager, expected):
    body = f'<html><body><ul class="list">{_PAGER_ROWS}</ul><div class="pages">{pager}</div></body></html>'
    result = extract_list(body.encode(), url)
    assert (result.next_pages[0] if result.next_pages else None) == expected


@pytest.mark.parametrize(
    "link, title",
    [
        ("Council adopts<br>new plan {i}", "Council adopts new plan {i}"),
        ("关于印发泉州市<br>生活垃圾分类办法的通知{i}", "关于印发泉州市生活垃圾分类办法的通知{i}"),
        ("\n  关于做好2025年\n  防汛工作的通知{i}\n", "关于做好2025年防汛工作的通知{i}"),
    ],
    ids=["br-between-words", "br-between-chinese", "hard-wrapped-chinese"],
)
def test_a_line_break_in_a_rows_link_is_read_as_a_headings_is(link, title):
    # (One join for titles everywhere: a space between words, nothing between Chinese characters.)
    rows = "".join(
        f"<li><a href='/art/{i}.html'>{link.format(i=i)}</a><span>2025-03-{i:02d}</span></li>"
        for i in range(1, 9)
    )
    html = f"<html><body><div><a href='/'>首页</a></div><ul class='list'>{rows}</ul></body></html>"
    result = extract_list(html.encode(), "http://www.example.gov.cn/tzgg/index.html")
    assert titles(result)[:2] == [title.format(i=1), title.format(i=2)]


_MEETINGS = ["市人大常委会第十八次会议", "财政经济委员会全体会议", "法制委员会统一审议会议"]


def _meeting_row(i: int, how: str) -> str:
    href = f"/hyap/2024/{700 + i}.html"
    cells = [
        str(i + 1),
        _MEETINGS[i % 3] + f"（第{i + 1}次）",
        f"2024年3月{i + 1}日 下午2:30",
        "机关第1会议室",
    ]
    if how == "onclick":
        tds = "".join(f"<td>{c}</td>" for c in cells)
        return f"<tr onclick=\"window.open('{href}')\">{tds}</tr>"
    return "<tr>" + "".join(f'<td><a href="{href}">{c}</a></td>' for c in cells) + "</tr>"


@pytest.mark.parametrize("how", ["every-cell-links", "onclick"])
def test_a_table_row_is_titled_by_the_cell_under_its_title_header_not_its_time(how):
    head = "<tr><td>序号</td><td>会议名称</td><td>会议时间</td><td>会议地点</td></tr>"
    rows = "".join(_meeting_row(i, how) for i in range(12))
    body = f'<html><body><table class="hy">{head}{rows}</table></body></html>'
    result = extract_list(body.encode(), "http://rd.x.gov.cn/hyap/index.html")
    assert len(result.links) == 12
    assert result.links[0].title == "市人大常委会第十八次会议（第1次）"
    assert result.links[0].url == "http://rd.x.gov.cn/hyap/2024/700.html"


@pytest.mark.parametrize(
    ("text", "is_date"),
    [
        ("2024年3月5日 上午9:00", True),
        ("2024-03-05 下午3:30", True),
        ("上午会议安排", False),
        ("Mar 5, 2024 9:00 am", True),
    ],
)
def test_a_date_with_its_half_day_is_only_a_date(text, is_date):
    assert _listing._only_a_date(text) is is_date


def test_rows_laid_out_one_table_each_over_a_pager_table_are_one_list():
    # An ASP-era list: each row a <table> (dot, link, date, then a rule row), the pager a <font>
    # in the table after them — the pager is the list's last "row", not a lone row's neighbour.
    titles = [
        "关于开展2008年度农村劳动力转移培训的通知",
        "县劳动局召开全县劳动保障工作会议",
        "关于做好2008年高校毕业生就业工作的通知",
        "关于调整最低工资标准的通知",
        "县劳动局开展劳动保障法律宣传月活动",
        "关于做好农民工工资支付工作的通知",
        "关于开展劳动用工专项检查的通知",
        "县劳动局举办再就业培训班",
        "关于公布劳动保障诚信单位的通告",
        "县劳动局开展“安康杯”竞赛活动",
    ]
    tables = "".join(
        f'<table class="listtab"><tr><td><img src="dot.gif"></td>'
        f'<td><a href="show.asp?id={1532 - 4 * n}">{title}</a></td>'
        f'<td><font color="#999">2008-5-{20 - n}</font></td></tr>'
        '<tr><td colspan="3" background="line.gif" height="1"></td></tr></table>'
        for n, title in enumerate(titles)
    )
    page = (
        '<html><body><table><tr><td><table><tr><td><a href="cx.asp">养老保险查询</a></td></tr>'
        '</table></td><td valign="top"><table class="weizhi"><tr><td>当前位置：首页 &gt;&gt; 通知公告'
        f'</td></tr></table>{tables}<table><tr><td><font size="2">第1页/共9页 首页 上一页 '
        '<a href="list.asp?page=2&amp;classid=12">下一页</a> <a href="list.asp?page=9&amp;classid=12">'
        "尾页</a></font></td></tr></table></td></tr></table></body></html>"
    )
    found = extract_list(page.encode(), "http://www.example.gov.cn/list.asp?classid=12")
    assert [link.title for link in found.links] == titles
    assert found.next_pages == ["http://www.example.gov.cn/list.asp?page=2&classid=12"]


def test_a_saved_list_page_read_as_a_file_keeps_its_relative_rows(tmp_path):
    # `bulletin extract FILE --list` without --url: the rows' relative links resolve in the
    # file's folder (file: URLs), so the list is read as it would be from the site.
    rows = "".join(
        f'<li><a href="./202403/t2024031{n}_{n}.html">关于做好第{n}批农村危房改造工作的通知</a>'
        f"<span>2024-03-1{n}</span></li>"
        for n in range(6)
    )
    page = tmp_path / "index.html"
    page.write_text(
        f'<html><body><ul class="list">{rows}</ul><div class="page"><a href="index_1.html">下一页</a>'
        "</div></body></html>",
        encoding="utf-8",
    )
    found = extract_list(page.read_bytes(), page.as_uri())
    assert len(found.links) == 6
    assert found.links[0].url == (tmp_path / "202403" / "t20240310_0.html").as_uri()
    assert found.next_pages == [(tmp_path / "index_1.html").as_uri()]
    web = extract_list(
        b'<html><body><ul class="list">'
        + rows.replace("./", "file:///etc/").encode()
        + b"</ul></body></html>",
        "http://www.example.gov.cn/col/",
    )
    assert web.links == []  # (a page from the web never links file: addresses)


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("list_undated_speeches_column_beside_dated_latest_box.html", 5),
        ("list_small_column_one_row_no_pager_beside_latest_box.html", 1),
    ],
    ids=["undated-column-beside-dated-box", "one-row-column-beside-latest-box"],
)
def test_a_list_read_as_a_file_has_its_folder_as_the_columns(tmp_path, name, count):
    # Without --url the file's folder stands for the column's: rows linked "./…" are under it,
    # a sidebar's root-relative links ("/zwdt/…") are not, as on the site.
    page = tmp_path / name
    page.write_bytes((PAGES / name).read_bytes())
    assert len(extract_list(page.read_bytes(), page.as_uri()).links) == count


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        pytest.param(
            "<!-- saved from url=(0040)http://www.example.gov.cn/zwgk/tzgg/ -->",
            "http://www.example.gov.cn/zwgk/tzgg/",
            id="browser-saved-from",
        ),
        pytest.param(
            "<!--\n Page saved with SingleFile \n url: https://www.example.gov.cn/zwgk/tzgg/ \n"
            " saved date: Tue Mar 05 2024 -->",
            "https://www.example.gov.cn/zwgk/tzgg/",
            id="singlefile",
        ),
        pytest.param(
            "<!-- Mirrored from www.example.gov.cn/zwgk/tzgg/ by HTTrack Website Copier/3.x -->",
            "http://www.example.gov.cn/zwgk/tzgg/",
            id="httrack",
        ),
        pytest.param(
            '<link rel="canonical" href="https://www.example.gov.cn/zwgk/tzgg/">',
            "https://www.example.gov.cn/zwgk/tzgg/",
            id="canonical",
        ),
        pytest.param("<title>通知公告</title>", None, id="none"),
    ],
)
def test_a_saved_page_says_where_it_came_from(mark, expected):
    assert saved_page_url(f"<html><head>{mark}</head><body></body></html>".encode()) == expected


_OPENED_TITLES = [f"关于做好2024年第{n}批农村公路养护工程验收工作的通知" for n in range(1, 7)]


def _opened_row(n: int, shape: str) -> str:
    title, date = _OPENED_TITLES[n], f"2024-05-{13 - n:02d}"
    go = f"location.href='./202405/t202405{13 - n:02d}_{n}.html'"
    return {
        "tr-no-link": f'<tr onclick="{go}"><td>{title}</td><td>{date}</td></tr>',
        "li-void-anchor": f'<li onclick="{go}"><a href="javascript:void(0);">{title}</a><i>{date}</i></li>',
        "li-bare-anchor": f'<li onclick="{go}"><a>{title}</a><i>{date}</i></li>',
        "td-title": f'<tr><td onclick="{go}">{title}</td><td>{date}</td></tr>',
        "span-title": f'<li><span onclick="{go}">{title}</span><span>{date}</span></li>',
        "h3-of-a-card": (
            f'<div class="item"><h3 onclick="{go}">{title}</h3><p>为进一步加强农村公路养护管理，'
            f"现将有关事项通知如下。</p><span>{date}</span></div>"
        ),
        "bare-text": f'<li onclick="{go}"><i class="dot"></i>{title}<em>{date}</em></li>',
        "card-heading": (
            f'<div class="card" onclick="{go}"><h4>{title}</h4><p>为进一步加强农村公路养护管理，'
            f"切实提升工程质量，现将有关事项通知如下，请各地认真贯彻执行。</p><span>{date}</span></div>"
        ),
    }[shape]


@pytest.mark.parametrize("as_file", [False, True], ids=["with-url", "as-file"])
@pytest.mark.parametrize(
    "shape",
    [
        "tr-no-link",
        "li-void-anchor",
        "li-bare-anchor",
        "card-heading",
        "td-title",
        "span-title",
        "h3-of-a-card",
        "bare-text",
    ],
)
def test_rows_a_script_opens_are_the_list_s_links(tmp_path, shape, as_file):
    rows = "".join(_opened_row(n, shape) for n in range(6))
    table = shape.startswith(("tr", "td"))
    box = f"<table>{rows}</table>" if table else f'<div class="list">{rows}</div>'
    page = tmp_path / "index.html"
    page.write_text(
        '<html><body><div class="nav"><a href="/">首页</a><a href="/jtys/">交通运输</a></div>'
        f'{box}<div class="page"><a href="index_1.html">下一页</a></div></body></html>',
        encoding="utf-8",
    )
    url = page.as_uri() if as_file else "http://jtj.example.gov.cn/tzgg/index.html"
    found = extract_list(page.read_bytes(), url)
    folder = (tmp_path.as_uri() + "/") if as_file else "http://jtj.example.gov.cn/tzgg/"
    assert [link.title for link in found.links] == _OPENED_TITLES
    assert found.links[0].url == folder + "202405/t20240513_0.html"
    assert found.next_pages == [folder + "index_1.html"]


def test_a_row_s_own_link_wins_over_the_handler_around_it():
    rows = "".join(
        f"<li onclick=\"location.href='/stat/click?id={n}'\"><a href='./t{n}.html'>"
        f"{title}</a><span>2024-05-0{n + 1}</span></li>"
        for n, title in enumerate(_OPENED_TITLES)
    )
    body = f'<html><body><ul class="list">{rows}</ul></body></html>'
    found = extract_list(body.encode(), "http://jtj.example.gov.cn/tzgg/index.html")
    assert [link.url for link in found.links][:2] == [
        "http://jtj.example.gov.cn/tzgg/t0.html",
        "http://jtj.example.gov.cn/tzgg/t1.html",
    ]


_CHROME = (
    '<div class="nav"><a href="/">首页</a><a href="/xwzx/">新闻中心</a><a href="/xxgk/">信息公开</a></div>'
    '<div class="main"><div class="pos">当前位置：<a href="/">首页</a> &gt; 通知公告</div>{inner}</div>'
    '<div class="footer">主办：示例市林业局 {foot}</div>'
)
_DATED_ROWS = "".join(
    f'<li><a href="{{at}}t{n}.html">示例市林业局关于第{n}批林木采伐许可的公示</a><span>2024-05-0{n}</span></li>'
    for n in range(1, 7)
)


@pytest.mark.parametrize(
    ("inner", "foot", "frame"),
    [
        (
            '<iframe src="list_content.html" width="100%" height="760"></iframe>',
            "",
            "list_content.html",
        ),
        (
            '<div class="box"><iframe name="main" src="/m/list.jsp?cid=5" style="width:100%;height:900px">'
            "</iframe></div>",
            "",
            "/m/list.jsp?cid=5",
        ),
        (
            '<iframe src="list.html" height="800"></iframe><div class="latest"><h3>最新动态</h3><ul>'
            + _DATED_ROWS.replace("{at}", "/xwzx/zwdt/")
            + "</ul></div>",
            "",
            "list.html",
        ),
        ('<iframe src="/widget/weather.html" width="180" height="36"></iframe>', "", None),
        ('<iframe src="/map/index.html" width="600" height="400"></iframe>', "", None),
        ('<iframe src="http://other.example.com/list.html" height="800"></iframe>', "", None),
        ('<iframe src="list.html" height="800" style="display:none"></iframe>', "", None),
        ("", '<iframe src="/tongji/count.html" height="600"></iframe>', None),
        (
            '<ul class="list">'
            + _DATED_ROWS.replace("{at}", "./")
            + '</ul><iframe src="list.html" height="800"></iframe>',
            "",
            None,
        ),
    ],
    ids=[
        "frame-in-the-content",
        "named-frame-sized-by-style",
        "frame-beside-a-latest-box",
        "weather-widget",
        "map",
        "other-host",
        "hidden-frame",
        "counter-in-the-footer",
        "rows-of-its-own",
    ],
)
@pytest.mark.parametrize("as_file", [False, True], ids=["with-url", "as-file"])
def test_a_list_in_the_page_s_frame_is_the_list_to_fetch(tmp_path, inner, foot, frame, as_file):
    page = tmp_path / "index.html"
    page.write_text(
        "<html><body>" + _CHROME.format(inner=inner, foot=foot) + "</body></html>", encoding="utf-8"
    )
    url = page.as_uri() if as_file else "http://lyj.example.gov.cn/xwzx/tzgg/index.html"
    found = extract_list(page.read_bytes(), url)
    if frame is None:
        assert found.list_frame is None
        return
    site = tmp_path.as_uri() + "/" if as_file else "http://lyj.example.gov.cn/xwzx/tzgg/"
    want = site + frame if not frame.startswith("/") else site.split("/xwzx/")[0] + frame
    if as_file and frame.startswith("/"):
        want = "file://" + frame
    assert (found.links, found.list_frame, found.next_pages) == ([], want, [want])
