"""The one parse-and-clean of every extractor (crawler/extract/text.parse_clean)."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from crawler.extract.text import element_text, layout, parse_clean, text_with_breaks

PAGE = """<html><head><title>标题</title><base href="/x/"></head><body>
<script>var pages = createPageHTML(3, 0, "index", "html");</script>
<p>前文<span style="display:none">隐藏</span>后文</p>
<p hidden>也隐藏</p><ruby>統<rp>(</rp><rt>tǒng</rt><rp>)</rp></ruby>计
<select><option>选项</option></select><noscript>请启用脚本</noscript>
</body></html>"""


def test_read_sees_the_page_as_parsed_then_it_is_cleaned():
    root, found = parse_clean(PAGE, read=lambda raw: [s.text for s in raw.iter("script")])
    assert found == ['var pages = createPageHTML(3, 0, "index", "html");']
    assert layout(root).lines == ["前文后文", "統计"]
    assert root.find("head") is None and next(root.iter("script"), None) is None


def test_keep_head_and_keep_hidden():
    root, _ = parse_clean(PAGE, keep_head=True, keep_hidden=True)
    assert root.find("head/title").text == "标题" and root.find("head/base") is not None
    assert "前文隐藏后文" in element_text(root.find("body"))
    assert next(root.iter("script", "rt", "select", "noscript"), None) is None


def test_no_document_is_none():
    assert parse_clean("   ").root is None
    assert parse_clean("", read=lambda raw: 1) == (None, None)


TABS = """<html><body><div class="tabs"><span onclick="show(1)">新建商品房</span><span onclick="show(2)">存量房</span></div>
<div>
<table id="table_001"><tr><td>2023年</td><td>4.75</td></tr></table>
<table id="table_002" style="display:none"><tr><td>2023年</td><td>15.17</td></tr></table>
<table id="notes" style="display:none"><tr><td>内部备注</td></tr></table>
</div>
<ul><li class="tab-pane active">第一页签</li><li class="tab-pane" style="display: none">第二页签</li></ul>
<p>正文<span style="display:none">干扰字符</span>继续</p>
<div id="m1" style="display:none">移动版重复</div><div id="pc">电脑版</div>
</body></html>"""


def test_hidden_tab_panels_are_content_other_hidden_parts_are_not():
    lines = layout(parse_clean(TABS).root).lines
    assert "2023年\t15.17" in lines and "第二页签" in lines
    assert "正文继续" in lines
    assert not {"内部备注", "移动版重复"} & set(lines)


def test_a_hidden_twin_of_a_shown_sibling_is_a_copy_not_a_tab_panel():
    page = """<html><body><div class="content pc"><p>各单位：现将有关事项通知如下。</p></div>
    <div class="content mobile" style="display:none"><p>各单位：现将有关事项
    通知如下。</p></div></body></html>"""
    assert layout(parse_clean(page).root).lines.count("各单位：现将有关事项通知如下。") == 1


def test_text_an_inline_script_writes_into_an_empty_element_is_shown():
    page = """<html><head><script>var src = "市就业服务中心";</script></head><body>
    <p>来源：<span id="source"></span></p><p>作者：<span id="author">王明</span></p>
    <p>日期：<span id="d"></span></p><p>时钟：<span id="clock"></span></p>
    <script>document.getElementById("source").innerHTML = src;
    document.getElementById('author').innerHTML = '别人';
    $("#d").text("2024-04-15");
    document.getElementById("clock").innerHTML = new Date().toLocaleString();</script>
    </body></html>"""
    lines = layout(parse_clean(page).root).lines
    assert lines == ["来源：市就业服务中心", "作者：王明", "日期：2024-04-15", "时钟："]


def test_text_document_write_shows_stays_in_its_place():
    page = """<html><body><div>
    <script>var pubdate = "2024-04-22 08:30"; document.write("发布时间：" + pubdate);</script> 来源：区统计局
    <script>document.write(new Date().toLocaleDateString());</script>
    <script>document.write('<a href="/p2.html">下一页</a>');</script>
    </div></body></html>"""
    assert layout(parse_clean(page).root).lines == ["发布时间：2024-04-22 08:30 来源：区统计局"]


def _lines(html: str):
    return layout(parse_clean(html).root)


def test_a_grid_of_div_rows_and_span_cells_is_a_table():
    rows = "".join(
        f'<div class="row"><span>{i}</span><span>经营者{i}</span><span>JY{i}0001</span></div>'
        for i in range(1, 4)
    )
    head = '<div class="row head"><span>序号</span><span>名称</span><span>编号</span></div>'
    lay = _lines(f'<html><body><p>公布如下：</p><div class="grid">{head}{rows}</div></body></html>')
    assert lay.lines == [
        "公布如下：",
        "序号\t名称\t编号",
        "1\t经营者1\tJY10001",
        "2\t经营者2\tJY20001",
        "3\t经营者3\tJY30001",
    ]
    assert lay.table[1] == lay.table[4] >= 0 and lay.cells[2] == 3


def test_link_rows_word_spans_and_lone_rows_are_no_grid():
    links = "".join(
        f'<li><span>[县政府]</span><a href="/n/{i}.html">通知{i}</a><span>2024-05-0{i}</span></li>'
        for i in range(1, 5)
    )
    word = "".join(f"<p><span>20</span><span>24</span><span>年第{i}条</span></p>" for i in range(4))
    lone = "<div><span>序号</span><span>名称</span><span>编号</span></div>"
    lay = _lines(f"<html><body><ul>{links}</ul>{word}{lone}</body></html>")
    assert "[县政府]通知12024-05-01" in lay.lines
    assert "2024年第0条" in lay.lines and "序号名称编号" in lay.lines
    assert all(t < 0 for t in lay.table)


def _text_lines(html: str) -> list[str]:
    return layout(parse_clean(html).root).lines


def test_preformatted_text_keeps_its_line_breaks():
    assert _text_lines("<pre>各用户：\n  因线路检修停电。\n\n      县供电公司</pre>") == [
        "各用户：",
        "因线路检修停电。",
        "县供电公司",
    ]


def test_an_accordions_folded_answers_are_shown():
    item = '<div class="qa"><div class="q">问{0}</div><div class="a" style="display:none">答{0}</div></div>'
    assert _text_lines(item.format(1) + item.format(2)) == ["问1", "答1", "问2", "答2"]


def test_a_hidden_block_of_its_own_stays_hidden():
    assert _text_lines('<div class="q">问</div><div class="a" style="display:none">答</div>') == [
        "问"
    ]


def test_label_value_pairs_are_one_line_each():
    dl = "<dl><dt>文号：</dt><dd>某发〔2024〕1号</dd><dt>窗口</dt><dd>一楼</dd><dd>电话 1234</dd></dl>"
    rows = (
        '<div class="kv"><div class="kv-label">项目</div><div>值一</div></div>'
        '<div class="kv"><div>金额：</div><div>5万元</div></div>'
    )
    assert _text_lines(dl + rows) == [
        "文号：\t某发〔2024〕1号",
        "窗口\t一楼\t电话 1234",
        "项目\t值一",
        "金额：\t5万元",
    ]


def test_a_list_whose_labels_are_links_is_no_pairs():
    dl = '<dl><dt><a href="/1">标题一</a></dt><dd>摘要一</dd></dl>'
    assert _text_lines(dl) == ["标题一", "摘要一"]


def test_spanned_cells_keep_every_figure_under_its_heading():
    table = (
        "<table><tr><th>区县</th><th>指标</th><th>值</th></tr>"
        '<tr><td rowspan="2">城关</td><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr>'
        '<tr><td colspan="2">合计</td><td>3</td></tr><tr><td></td><td>丙</td><td>4</td></tr></table>'
    )
    assert _text_lines(table) == [
        "区县\t指标\t值",
        "城关\t甲\t1",
        "城关\t乙\t2",
        "合计\t\t3",
        "\t丙\t4",
    ]


def _page_lines(html: str) -> list[str]:
    return layout(parse_clean(html).root).lines


def test_an_iframe_srcdoc_shows_its_document_in_place():
    page = (
        '<html><body><h1>通告</h1><iframe srcdoc="&lt;html&gt;&lt;head&gt;&lt;title&gt;内&lt;/title&gt;'
        "&lt;style&gt;p{}&lt;/style&gt;&lt;/head&gt;&lt;body&gt;&lt;p&gt;一、收费时段。&lt;/p&gt;"
        '&lt;p&gt;特此通告。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;"></iframe><p>上一篇</p></body></html>'
    )
    assert _page_lines(page) == ["通告", "一、收费时段。", "特此通告。", "上一篇"]


def test_a_textarea_carrying_markup_is_the_text_a_script_renders():
    carried = "&lt;p&gt;现予以公示。&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;1&lt;/td&gt;&lt;td&gt;鹤城街道&lt;/td&gt;&lt;td&gt;42&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"
    page = f'<html><body><textarea id="txt" style="display:none">{carried}</textarea><div id="c"></div></body></html>'
    assert _page_lines(page) == ["现予以公示。", "1\t鹤城街道\t42"]
    # A saved page the script already ran on shows the text once.
    shown = "<p>现予以公示。</p><table><tr><td>1</td><td>鹤城街道</td><td>42</td></tr></table>"
    rendered = f'<html><body><textarea id="txt">{carried}</textarea><div id="c">{shown}</div></body></html>'
    assert _page_lines(rendered) == ["现予以公示。", "1\t鹤城街道\t42"]


def test_a_readonly_textarea_shows_its_text_a_form_field_does_not():
    page = (
        "<html><body><table><tr><td>来信内容：</td><td><textarea readonly>尊敬的市长：您好！\n"
        "小区夜间施工扰民。</textarea></td></tr></table>"
        '<form><textarea name="c" placeholder="文明上网">请输入评论</textarea></form></body></html>'
    )
    assert _page_lines(page) == ["来信内容：\t尊敬的市长：您好！小区夜间施工扰民。"]


def test_a_players_drawn_controls_are_no_text_its_caption_is():
    page = (
        '<html><body><div class="text"><div class="player"><video src="a.mp4">您的浏览器不支持视频播放</video>'
        '<div class="bar"><span class="t">当前时间</span><span>0:00</span><span>/</span>'
        "<span>时长 3:42</span><span>进度：0%</span></div></div>"
        "<p>（视频：县融媒体中心 10:30）</p><p>正文第一段。</p></div>"
        '<div class="listen"><audio src="a.mp3"></audio><a href="#">点击收听</a><span>00:00 / 04:16</span></div>'
        "</body></html>"
    )
    assert _page_lines(page) == ["（视频：县融媒体中心 10:30）", "正文第一段。"]


_STATE_CONTENT = (
    "<p>为深入开展爱国卫生运动，营造干净整洁的城乡环境，现就有关事项通知如下。</p><p>特此通知。</p>"
)


def _state_page(mount: str, state: str) -> str:
    return (
        "<html><head><title>某某市卫生健康委员会</title></head><body><div class='nav'>首页 通知公告</div>"
        f"{mount}<script>window.__INITIAL_STATE__ = {state};</script></body></html>"
    )


def test_a_client_rendered_article_is_read_as_its_app_draws_it_in_its_mount():
    state = (
        '{"site": {"title": "某某市卫生健康委员会"}, "article": {"title": "关于开展春季爱国卫生运动的通知",'
        f' "source": "市爱卫办", "publishTime": "2025-03-05 16:40", "content": "{_STATE_CONTENT}"}}}}'
    )
    root = parse_clean(_state_page("<div id='app'></div>", state)).root
    assert root.find(".//div[@id='app']/h1").text == "关于开展春季爱国卫生运动的通知"
    assert _page_lines(_state_page("<div id='app'></div>", state))[1:4] == [
        "关于开展春季爱国卫生运动的通知",
        "来源：市爱卫办 发布时间：2025-03-05 16:40",
        "为深入开展爱国卫生运动，营造干净整洁的城乡环境，现就有关事项通知如下。",
    ]


@pytest.mark.parametrize(
    "mount, records",
    [
        (f"<div id='app'><h1>关于开展春季爱国卫生运动的通知</h1>{_STATE_CONTENT}</div>", 1),
        ("<div id='app'></div>", 3),
    ],
    ids=["rendered-on-the-server", "a-lists-records"],
)
def test_a_state_is_not_drawn_over_a_rendered_page_or_for_a_list(mount, records):
    items = ", ".join(
        f'{{"title": "关于开展春季爱国卫生运动的通知{i}", "content": "{_STATE_CONTENT}"}}'
        for i in range(records)
    )
    page = _state_page(mount, f'{{"items": [{items}]}}')
    assert len(parse_clean(page).root.findall(".//h1")) == (1 if records == 1 else 0)


def test_a_state_written_as_a_js_object_literal_is_read_too():
    state = (
        '{detail: {title: "关于开展春季爱国卫生运动的通知", source: "市爱卫办",'
        f' htmlText: "{_STATE_CONTENT}",}}, nav: [{{title: "首页"}}],}}'
    )
    root = parse_clean(_state_page("<div id='app'></div>", state)).root
    assert root.find(".//div[@id='app']/h1").text == "关于开展春季爱国卫生运动的通知"


_NOTICE_BOX = '{"title": "网站声明", "content": "<p>本网站所载信息仅供参考，如与正式文件不一致，以正式文件为准。</p>"}'


@pytest.mark.parametrize(
    "scripts",
    [
        # (One script: the site's config first, the page's record after it.)
        '<script>window.__SITE_CONFIG__ = {{"siteName": "某某市", "notice": {notice}}};'
        ' window.__ARTICLE_DATA__ = {{"code": 200, "msg": "ok", "data": {article}}};</script>',
        # (Two scripts; the config's notice as long as the article, which alone would read as a list.)
        '<script>window.__SITE_CONFIG__ = {{"siteName": "某某市", "notice": {long}}};</script>'
        '<script>window.__ARTICLE_DATA__ = {{"code": 200, "data": {article}}};</script>',
    ],
    ids=["one-script", "two-scripts-long-notice"],
)
def test_the_pages_record_is_drawn_not_the_site_configs_notice(scripts):
    article = (
        '{"title": "关于开展春季爱国卫生运动的通知", "source": "市爱卫办", "publishTime": "2025-03-05 16:40",'
        f' "content": "{_STATE_CONTENT}", "prev": {{"title": "上一篇的标题"}}}}'
    )
    long_notice = _NOTICE_BOX.replace("</p>", "本网站所载信息仅供参考。" * 4 + "</p>")
    page = (
        "<html><head><title>某某市卫生健康委员会</title></head><body><div id='app'></div>"
        + scripts.format(notice=_NOTICE_BOX, long=long_notice, article=article)
        + "</body></html>"
    )
    root = parse_clean(page).root
    assert root.find(".//div[@id='app']/h1").text == "关于开展春季爱国卫生运动的通知"


@pytest.mark.parametrize(
    "heading, text",
    [
        (
            "<h1>示例市人民政府办公室<br>关于印发方案的通知</h1>",
            "示例市人民政府办公室关于印发方案的通知",
        ),
        (
            "<h1>关于做好2024年<br><br>\n“五一”期间工作的通知</h1>",
            "关于做好2024年“五一”期间工作的通知",
        ),
        ("<h1>示例市发布<br>GDP核算结果</h1>", "示例市发布GDP核算结果"),
        ("<h1>泉州市&nbsp;<br>\n  生活垃圾分类</h1>", "泉州市生活垃圾分类"),
        ("<h1>Minister announces<br/>new funding</h1>", "Minister announces new funding"),
        ("<h1>Council adopts <br> <br>2024–25 budget</h1>", "Council adopts 2024–25 budget"),
        ("<h1><span>Minister said:</span><br>“We will act”</h1>", "Minister said: “We will act”"),
    ],
    ids=[
        "office-over-guanyu",
        "double-br-quote",
        "han-latin",
        "nbsp-indent",
        "latin",
        "latin-two-brs",
        "latin-quote",
    ],
)
def test_a_br_in_a_heading_joins_its_lines_as_a_reader_reads_them(heading, text):
    root = etree.fromstring(heading, etree.HTMLParser())
    assert text_with_breaks(root.find(".//h1")) == text


_RECORD = {
    "title": "关于开展春季爱国卫生运动的通知",
    "sourceName": "市爱卫办",
    "publishTime": "2025-03-05 16:40",
    "content": _STATE_CONTENT,
}


@pytest.mark.parametrize(
    "script",
    [
        # (A state the app parses from a string, in double or single quotes.)
        "window.__ARTICLE_DATA__ = JSON.parse({double});",
        "window.__ARTICLE_DATA__ = JSON.parse('{single}');",
        # (Declared rather than set on window.)
        "var __ARTICLE_DATA__ = {raw};",
    ],
    ids=["json-parse-double", "json-parse-single", "var"],
)
def test_a_state_parsed_from_a_string_or_declared_is_read_too(script):
    raw = json.dumps({"code": 200, "data": _RECORD}, ensure_ascii=False)
    single = raw.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3c")
    code = script.format(double=json.dumps(raw, ensure_ascii=False), single=single, raw=raw)
    page = (
        "<html><head><title>某某市卫生健康委员会</title></head><body><div id='app'></div>"
        f"<script>{code}</script></body></html>"
    )
    lines = _page_lines(page)
    assert lines[:2] == [
        "关于开展春季爱国卫生运动的通知",
        "来源：市爱卫办 发布时间：2025-03-05 16:40",
    ]


def test_a_site_configs_notice_is_never_drawn_as_the_article():
    page = (
        "<html><head><title>某某市卫生健康委员会</title></head><body><div id='app'></div>"
        f'<script>window.__SITE_CONFIG__ = {{"siteName": "某某市", "notice": {_NOTICE_BOX}}};</script>'
        "</body></html>"
    )
    assert parse_clean(page).root.find(".//h1") is None
