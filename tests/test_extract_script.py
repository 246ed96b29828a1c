"""The one evaluator of page JavaScript (crawler/extract/script.py): what it models, and None for
everything else, quickly, whatever the input."""

import time

import pytest
from lxml import etree

from crawler.extract.script import (
    MAX_DEPTH,
    MAX_TOKENS,
    Assigned,
    PageScripts,
    evaluate,
    page_fields,
    run_pager,
    shown_writes,
    write_scripted_text,
    written_strings,
)
from crawler.extract.text import place_written


@pytest.mark.parametrize(
    ("code", "env", "page", "expected"),
    [
        ("'list_' + p + '.html'", {"p": 2.0}, None, "list_2.html"),
        ('"a\\"b"', {}, None, 'a"b'),
        ("1 + 2 * 3", {}, None, 7.0),
        ("(n - 1) % 4", {"n": 10.0}, None, 1.0),
        ("'index' + (n > 1 ? '_' + (n - 1) : '') + '.html'", {"n": 3.0}, None, "index_2.html"),
        ("'index' + (n > 1 ? '_' + (n - 1) : '') + '.html'", {"n": 1.0}, None, "index.html"),
        ("tpl.replace('{page}', p)", {"tpl": "/l_{page}.htm", "p": 4.0}, None, "/l_4.htm"),
        ("parseInt('12') + 1", {}, None, 13.0),
        ("String(7) + 'x'", {}, None, "7x"),
        ("'abc'.length", {}, None, 3.0),
        ("!a && b || 'c'", {"a": "", "b": ""}, None, "c"),
        ("'p' + document.getElementById('go').value", {}, 5, "p5"),
        ("'p' + $('#go').val()", {}, 5, "p5"),
        ("x == 'y' ? 1 : 2", {"x": "y"}, None, 1.0),
        ('"2024-03-05 10:21:33".substring(0,16)', {}, None, "2024-03-05 10:21"),
        ("t.substr(0, 10)", {"t": "2024-03-05 10:21:33"}, None, "2024-03-05"),
        ("t.slice(0, -3)", {"t": "2024-03-05 10:21:33"}, None, "2024-03-05 10:21"),
        ("t.substring(10, 0)", {"t": "2024-03-05 10:21:33"}, None, "2024-03-05"),
        ("t.split(' ')[0]", {"t": "2024-03-05 10:21:33"}, None, "2024-03-05"),
    ],
    ids=[
        "concat-with-a-name",
        "escaped-quote",
        "precedence",
        "modulo",
        "ternary-taken",
        "ternary-not-taken",
        "replace-with-a-string",
        "parseInt",
        "String",
        "length",
        "logical-operators",
        "page-box-value",
        "page-box-jquery",
        "string-equality",
        "substring-of-a-literal",
        "substr",
        "slice-from-the-end",
        "substring-swaps-its-bounds",
        "split-then-index",
    ],
)
def test_what_the_evaluator_models(code, env, page, expected):
    assert evaluate(code, env, page) == expected


@pytest.mark.parametrize(
    "code",
    [
        "'a' + unknown",
        "f(1)",
        "x.replace(/a/g, 'b')",
        "for (;;) {}",
        "1 / 0",
        "'p' + document.getElementById('go').value",
        "'a' 'b'",
        "'open",
        '"a\nb"',
        "document.title",
        "a ? b",
        "",
    ],
    ids=[
        "unknown-name",
        "unknown-call",
        "regular-expression",
        "loop",
        "division-by-zero",
        "page-box-without-a-page",
        "two-values",
        "unterminated-string",
        "string-over-a-line-end",
        "unmodelled-member",
        "ternary-without-else",
        "empty",
    ],
)
def test_what_it_does_not_model_has_no_answer(code):
    assert evaluate(code, {"b": "x"}) is None


@pytest.mark.parametrize(
    "code",
    [
        " + ".join(["'a'"] * (MAX_TOKENS // 2 + 1)),
        " + ".join(["'a'"] * 200_000),
        "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1),
        "(" * 100_000 + "1",
        "!" * 100_000 + "1",
        "-" * 300 + "1",
        "'" + "a" * 1_000_000,
        '"' + "\\" * 999_999,
        "a ? " * 300 + "1",
    ],
    ids=[
        "just-over-the-token-limit",
        "huge-token-count",
        "just-over-the-depth-limit",
        "deep-parentheses",
        "deep-negations",
        "deep-minus-signs",
        "huge-unterminated-string",
        "huge-run-of-backslashes",
        "deep-ternaries",
    ],
)
def test_hostile_input_has_no_answer_quickly(code):
    started = time.process_time()
    assert evaluate(code, {"a": "x"}) is None
    assert time.process_time() - started < 1.0  # generous: a linear scan is milliseconds


def test_nesting_within_the_limit_is_evaluated():
    depth = MAX_DEPTH - 1
    assert evaluate("(" * depth + "'x'" + ")" * depth) == "x"


@pytest.mark.parametrize(
    ("code", "name", "expected"),
    [
        ('var pubdate = "2024-01-02";', "pubdate", "2024-01-02"),
        ("src='本站';src='后来';", "src", "本站"),
        ("o.src = 'member';", "src", None),
        ("n = 3;", "n", None),
    ],
    ids=["declared", "first-assignment", "a-member-is-not-the-name", "numbers-are-not-text"],
)
def test_assigned_strings(code, name, expected):
    assert Assigned(code).get(name) == expected


def _page(script: str, body: str = "") -> etree._Element:
    return etree.fromstring(
        f"<html><body><script>{script}</script>{body}</body></html>", etree.HTMLParser()
    )


@pytest.mark.parametrize(
    ("script", "body", "xpath", "expected"),
    [
        (
            "var d='2024-01-02'; document.write('发布时间：' + d);",
            "",
            "string(//script/following-sibling::text()[1])",
            "发布时间：2024-01-02",
        ),
        (
            "var d='2024-01-02'; document.write('第' + 1 + '页');",
            "",
            "string(//script/following-sibling::text()[1])",
            "第1页",
        ),
        (
            "document.getElementById('src').innerHTML = s; var s = '市政府办公室';",
            "<span id='src'></span>",
            "string(//span)",
            "市政府办公室",
        ),
        (
            "$('#src').html('<b>市统计局</b>');",
            "<span id='src'></span>",
            "string(//span)",
            "市统计局",
        ),
        (
            "document.getElementById('src').innerHTML = unknown;",
            "<span id='src'></span>",
            "string(//span)",
            "",
        ),
        (
            "document.write('<a href=\"/x\">菜单</a>');",
            "",
            "string(//script/following-sibling::text()[1])",
            "",
        ),
    ],
    ids=[
        "write-with-a-variable",
        "write-with-a-number",
        "fill-an-empty-element",
        "jquery-fill-without-markup",
        "fill-with-what-is-not-known",
        "written-links-are-no-text",
    ],
)
def test_scripted_text(script, body, xpath, expected):
    root = _page(script, body)
    write_scripted_text(root)
    assert root.xpath(xpath) == expected


def _shown_text(html: str) -> str:
    root = etree.fromstring(f"<html><body>{html}</body></html>", etree.HTMLParser())
    write_scripted_text(root)
    for script in root.iter("script"):
        script.text = ""
    return "".join(root.find("body").itertext())


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<span>发布时间：<script>document.write(formatPubTime("2024-06-18 14:22:05"))</script></span>',
            "发布时间：2024-06-18 14:22:05",
        ),
        (
            '<span class="lab">发布日期：</span><span><script>document.write(showDate("2024/6/18","yyyy年MM月dd日"))</script></span>',
            "发布日期：2024/6/18",
        ),
        (
            '<script>var t = "2024-06-18 09:05"; document.write("日期：" + fmt(t))</script>',
            "日期：2024-06-18 09:05",
        ),
        (
            '<span>Published: <span id="d"></span></span><script>$("#d").text(toLocal("2024-06-18"))</script>',
            "Published: 2024-06-18",
        ),
        (
            '<span>发布时间：<script type="text/javascript">showTime("2024-06-18 14:22:05");</script></span>',
            "发布时间：2024-06-18 14:22:05",
        ),
        (
            '<span>发布时间：<script>init("2024-06-18"); track("2024-06-18");</script></span>',
            "发布时间：",
        ),
        ('<span>日期：<script>obj.show("2024-06-18")</script></span>', "日期："),
        ('<li>关于…的通知<script>document.write(isNew("2024-06-18"))</script></li>', "关于…的通知"),
        ('<li>关于…的通知<script>isNew("2024-06-18")</script></li>', "关于…的通知"),
        ('<span id="d"></span><script>$("#d").text(ago("2024-06-18 09:05"))</script>', ""),
        ("<span>时间：<script>document.write(fmt(stamp))</script></span>", "时间："),
        ('<span>时间：<script>document.write(count("12"))</script></span>', "时间："),
    ],
    ids=[
        "formatter-beside-its-label",
        "label-in-the-element-before",
        "label-in-the-written-string",
        "filled-element-after-an-english-label",
        "a-formatter-writing-itself",
        "two-calls-are-no-formatter",
        "a-method-is-no-formatter",
        "no-label-no-date",
        "a-lone-call-without-a-label",
        "filled-element-without-a-label",
        "an-unknown-argument",
        "no-date-stamp",
    ],
)
def test_a_date_formatter_the_evaluator_cannot_run_shows_its_stamp(html, expected):
    assert _shown_text(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<input type="hidden" id="fbrq" value="2024-05-20 17:42:06"><span>发布日期：<em id="t"></em></span>'
            '<script>var d=$("#fbrq").val(); $("#t").text(d.substring(0,10));</script>',
            "发布日期：2024-05-20",
        ),
        (
            '<input type="hidden" id="ly" value=""><span>来源：<script>var ly=document.getElementById("ly").value;'
            'document.write(ly!=""?ly:"县人大办");</script></span>',
            "来源：县人大办",
        ),
        (
            '<input type="text" id="ly" value="用户输入"><span>来源：<script>var ly=document.getElementById("ly").value;'
            "document.write(ly);</script></span>",
            "来源：",
        ),
        ("<span>来源：<script>var a = b; var b = a; document.write(a);</script></span>", "来源："),
    ],
    ids=[
        "hidden-input-by-jquery",
        "hidden-input-in-a-ternary",
        "a-typed-field-has-no-value",
        "circular",
    ],
)
def test_scripts_read_hidden_inputs_and_assigned_expressions(html, expected):
    assert _shown_text(html) == expected


@pytest.mark.parametrize(
    "script",
    [
        "document.write('<h1 class=\"title\">关于做好汛期安全工作的通知</h1>');",
        'var t = "关于做好汛期安全工作的通知"; document.write("<h1 class=\\"title\\">" + t + "<\\/h1>");',
        "document.write('<h1 class=\"title\">'); document.write('关于做好汛期安全工作的通知</h1>');",
    ],
    ids=["literal", "variable-and-escaped-close", "over-two-calls"],
)
def test_written_markup_stands_as_elements_where_the_script_is(script):
    root = _page(script, "<p>正文</p>")
    for el, markup in write_scripted_text(root):
        place_written(el, markup)
    heading = root.find(".//h1")
    assert heading is not None and heading.get("class") == "title"
    assert heading.text == "关于做好汛期安全工作的通知"
    assert heading.getprevious().tag == "script" and heading.getnext().tag == "p"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("document.write('发布时间：2024-01-02');", ["发布时间：2024-01-02"]),
        ("document.write( \"日期：\" + d); document.writeln('b')", ["日期：", "b"]),
        ("document.write(d + '日期')", []),
        ("document.write('" + "x" * 401 + "')", []),
        ("document.write('unterminated", []),
    ],
    ids=["literal", "leading-literal-of-each-call", "leading-name", "too-long", "unterminated"],
)
def test_written_strings(code, expected):
    assert list(written_strings(code)) == expected


def test_a_line_comment_ends_a_declared_value():
    code = (
        "var currentPage = 0;//所在页从0开始\nvar nextPage = currentPage+1//下一页\n"
        "var countPage = 23//共多少页\n"
        'if(nextPage<countPage){document.write("<a href=\\"index_" + nextPage + ".html\\">下一页</a>");}'
    )
    assert shown_writes(code) == ['<a href="index_1.html">下一页</a>']


_PAGER_LINK_FUNCTIONS = {
    "ternary": 'function pagerLink(n) { return n == 0 ? "index.shtml" : "index_" + n + ".shtml"; }',
    "if-return": (
        'var prefix = "index", suffix = "shtml";\n'
        "function pagerLink(i) {\n  if (i == 0) {\n    return prefix + '.' + suffix;\n  }\n"
        "  return prefix + '_' + i + '.' + suffix;\n}"
    ),
}


@pytest.mark.parametrize("function", _PAGER_LINK_FUNCTIONS.values(), ids=_PAGER_LINK_FUNCTIONS)
@pytest.mark.parametrize(
    ("current", "expected"),
    [(0, ['<a href="index_1.shtml">下一页</a>']), (5, [])],
    ids=["first-page", "last-page"],
)
def test_a_written_pager_calls_the_page_s_link_function(function, current, expected):
    code = (
        f"var countPage = 6;\nvar currentPage = {current};\n{function}\n"
        "document.write('<span>共' + countPage + '页</span>');\n"
        "if (currentPage < countPage - 1) {\n"
        "  document.write('<a href=\"' + pagerLink(currentPage + 1) + '\">下一页</a>');\n}"
    )
    assert shown_writes(code)[1:] == expected


_WRITTEN_NEXT = "document.write('<a href=\"' + pagerLink(currentPage + 1) + '\">下一页</a>')"
_WRITTEN_DIMMED = "document.write('<span>下一页</span>')"


@pytest.mark.parametrize(
    "pager",
    [
        f"if (currentPage < countPage - 1) {_WRITTEN_NEXT};",
        f"if (currentPage < countPage - 1) {_WRITTEN_NEXT}; else {_WRITTEN_DIMMED};",
        f"if (currentPage >= countPage - 1) {_WRITTEN_DIMMED}; else {_WRITTEN_NEXT};",
        f"if (currentPage >= countPage - 1) {{ {_WRITTEN_DIMMED}; }} else {_WRITTEN_NEXT};",
    ],
    ids=["bare-if", "bare-if-bare-else", "bare-else", "braced-if-bare-else"],
)
@pytest.mark.parametrize("current", [0, 5], ids=["first-page", "last-page"])
def test_a_braceless_branch_writes_only_when_the_page_takes_it(pager, current):
    code = (
        f"var countPage = 6; var currentPage = {current};\n"
        f"{_PAGER_LINK_FUNCTIONS['ternary']}\n{pager}"
    )
    links = [html for html in shown_writes(code) if "<a " in html]
    assert links == (['<a href="index_1.shtml">下一页</a>'] if current == 0 else [])


def test_a_window_opened_into_a_variable_opens_at_its_address():
    scripts = 'function openWin(u){var w=window.open(u,"_blank","width=900");if(w)w.focus();}'
    assert run_pager(scripts, "openWin('/art/2024/3/19/art_1.html')") == "/art/2024/3/19/art_1.html"


@pytest.mark.parametrize(
    ("handler", "expected"),
    [
        ("turnPage(3)", "/xw/list?page=3"),
        ('location.href = window.location.pathname + "?page=" + 3', "/xw/list?page=3"),
        ('location.href = location.origin + "/xw/list_3.html"', "http://x.gov.cn/xw/list_3.html"),
    ],
    ids=["through-a-function", "window-location", "origin"],
)
def test_a_pager_reads_the_page_s_location(handler, expected):
    scripts = (
        'function turnPage(p){var url=location.pathname+"?page="+p; window.location.href=url;}'
    )
    assert run_pager(scripts, handler, url="http://x.gov.cn/xw/list?page=2") == expected
    assert run_pager(scripts, handler) is None


_NEXT_FROM_FIELDS = """
function nextPage() {
    var cur = parseInt(document.getElementById("curPage").value, 10);
    var total = parseInt($("#totalPage").val(), 10);
    if (cur >= total) { alert("已经是最后一页"); return; }
    location.href = "list_" + (cur + 1) + ".html";
}
"""


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (
            '<input type="hidden" id="curPage" value="1"><input type="hidden" id="totalPage" value="35">',
            "list_2.html",
        ),
        (
            '<input type="hidden" id="curPage" value="35"><input type="hidden" id="totalPage" value="35">',
            None,
        ),
        (
            '<input type="text" id="curPage" value="1"><input type="text" id="totalPage" value="35">',
            None,
        ),
    ],
    ids=["first-page", "last-page", "visible-inputs-are-the-page-box"],
)
def test_a_handler_reads_the_page_s_hidden_fields_as_their_values(inputs, expected):
    root = etree.HTML(f"<html><body><div class=page>{inputs}</div></body></html>")
    scripts = PageScripts(_NEXT_FROM_FIELDS, page_fields(root))
    assert (
        run_pager(scripts, "javascript:nextPage()", url="http://x.gov.cn/xw/list_1.html")
        == expected
    )


@pytest.mark.parametrize(
    ("scripts", "handler", "expected"),
    [
        (
            'var currentPage = 0; function changePage(t) { if (t == "next") { currentPage++; } '
            'location.href = "index_" + currentPage + ".html"; }',
            "changePage('next')",
            "index_1.html",
        ),
        (
            'var c = "3"; function next() { ++c; location.href = "l_" + c + ".html"; }',
            "next()",
            "l_4.html",
        ),
        ("function back(n) { n -= 1; location.href = 'l_' + n + '.html'; }", "back(3)", "l_2.html"),
        (
            "function go(p) { location.href = `/zwgk/index_${p - 1}.html`; }",
            "go(2)",
            "/zwgk/index_1.html",
        ),
        ("function go(p) { location.href = `/zwgk/index_${unknown}.html`; }", "go(2)", None),
    ],
    ids=[
        "increment",
        "pre-increment-of-a-string",
        "minus-equals",
        "template-literal",
        "template-unknown",
    ],
)
def test_a_pager_handler_steps_its_page_and_builds_template_literals(scripts, handler, expected):
    assert run_pager(scripts, handler) == expected


@pytest.mark.parametrize(
    ("script", "rows"),
    [
        (
            'var d = [["粮食", "31.2"], ["棉花", 1.5]]; document.getElementById("t").innerHTML = x;',
            [["粮食", "31.2"], ["棉花", "1.5"]],
        ),
        ('var d = {rows: [{"n": "粮食", "v": 31.2}]}; $("#t").html(x);', [["粮食", "31.2"]]),
        ('var d = [["粮食", "31.2", "+2%"]]; document.getElementById("t").innerHTML = x;', None),
        ('var d = [["粮食", "31.2"]]; document.getElementById("other").innerHTML = x;', None),
    ],
    ids=["arrays", "records", "other-width", "another-element"],
)
def test_a_table_its_script_fills_gets_the_rows_of_as_many_cells(script, rows):
    from crawler.extract.script import scripted_table_rows

    root = etree.HTML(
        '<html><body><table id="t"><tr><th>品种</th><th>产量</th></tr></table>'
        f"<script>{script}</script></body></html>"
    )
    found = scripted_table_rows(root)
    assert ([r for _, r in found] or [None])[0] == rows


@pytest.mark.parametrize(
    ("scripts", "expected"),
    [
        (
            'var ctx = "/portal"; var tpl = ctx + "/article/{id}.html";'
            ' function goDetail(id) { window.open(tpl.replace("{id}", id)); }',
            "/portal/article/42.html",
        ),
        (
            "var host = '/xxgk'; var path = host + '/detail_' ;"
            " function goDetail(id) { location.href = path + id + '.html'; }",
            "/xxgk/detail_42.html",
        ),
        (
            "var tpl = base + '/a/{id}.html';"
            " function goDetail(id) { window.open(tpl.replace('{id}', id)); }",
            None,
        ),
    ],
    ids=["joined-template-replaced", "joined-prefix-concatenated", "unknown-part-no-answer"],
)
def test_a_global_joined_from_earlier_ones_is_its_string(scripts, expected):
    # A row handler's URL template is often built from the site's context path.
    assert run_pager(scripts, "goDetail('42')", url="http://x.gov.cn/l/index.html") == expected


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        ('function go(el){location.href="d.jsp?id="+el.getAttribute("data-id");}', "d.jsp?id=7"),
        ('function go(el){window.open("/x/"+el.dataset.newsId+".html");}', "/x/9.html"),
        ('function go(o){location.href="/c/"+$(o).data("id")+".html";}', "/c/7.html"),
        ('function go(o){location.href="/c/"+$(o).attr("data-missing")+".html";}', None),
    ],
    ids=["getAttribute", "dataset", "jquery-data", "no-such-attribute"],
)
def test_a_handler_reads_the_element_it_is_set_on(function, expected):
    from crawler.extract.script import Element

    row = Element({"data-id": "7", "data-news-id": "9"})
    assert run_pager(function, "go(this)", env={"this": row}) == expected
