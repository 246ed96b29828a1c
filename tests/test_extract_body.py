"""The article body: which block is the text, where it stops, and what inside it is furniture
(docs/extraction.md, "Body"). Small pages, one rule each; the pages in tests/fixtures/articles/
check the same rules inside full chrome."""

from __future__ import annotations

import pytest

from crawler.extract.article import extract_article

URL = "http://www.example.gov.cn/art/2024/5/6/art_1_1.html"


def _body(html: str) -> str:
    return extract_article(html.encode("utf-8"), URL).body


def _page(main: str, side: str = "", title: str = "关于做好2024年防汛工作的通知") -> str:
    return (
        f"<html><head><title>{title}</title></head><body>"
        f'<div class="main"><h1>{title}</h1><div class="info">发布时间：2024-05-06 来源：县应急局</div>'
        f'<div class="text">{main}</div></div><div class="side">{side}</div></body></html>'
    )


_SUMMARY = (
    "为贯彻落实上级有关部署，切实保障人民群众利益，现就有关事项通知如下，请各单位认真抓好落实。"
)


def test_a_box_of_teasers_with_summaries_is_not_the_body():
    teasers = "".join(
        f'<li><a href="/n/{i}.html">县应急局关于开展第{i}批专项检查的通知</a><p>{_SUMMARY}</p>'
        f"<span>2024-05-0{i % 9 + 1}</span></li>"
        for i in range(12)
    )
    body = _body(
        _page("<p>各乡镇：现将防汛工作方案印发给你们，请认真组织实施。</p>", f"<ul>{teasers}</ul>")
    )
    assert body == "各乡镇：现将防汛工作方案印发给你们，请认真组织实施。"


def test_portrait_cards_of_a_leaders_window_are_not_the_body():
    duty = "负责发展改革、财政、税务、金融、统计、机关事务、国资监管等方面工作。分管县财政局、县统计局。"
    cards = "".join(
        f'<div class="leader"><img src="/l{i}.jpg"><h4>姓名{i}</h4><p>{duty}</p></div>'
        for i in range(5)
    )
    main = "<p>4月16日，县政府召开常务会议，研究部署近期重点工作。</p><p>会议强调，要确保全年目标任务顺利完成。</p>"
    body = _body(_page(main, cards))
    assert body.startswith("4月16日") and body.endswith("顺利完成。")


def test_sections_wrapped_in_blocks_of_one_class_stay_the_body():
    sections = "".join(
        f'<div class="sec"><h3>{n}、要求</h3><p>{_SUMMARY}</p><p>{_SUMMARY}</p></div>'
        for n in "一二三四"
    )
    body = _body(_page(sections))
    assert body.startswith("一、要求") and body.count(_SUMMARY) == 8


def test_prev_next_and_related_links_inside_the_text_block_do_not_lose_its_first_paragraph():
    related = "".join(
        f'<li><a href="/n/{i}.html">县农业农村局开展农资打假专项检查行动第{i}期</a></li>'
        for i in range(8)
    )
    main = (
        "<p>3月21日，县农业农村局举办春季茶园病虫害绿色防控现场会。</p>"
        "<p>现场会上，技术人员演示了杀虫灯、色板诱杀等绿色防控技术，并进行了讲解。</p>"
        '<div><p>上一篇：<a href="/a.html">全县高素质农民培育工作启动</a></p>'
        '<p>下一篇：<a href="/b.html">县农业农村局开展农资打假专项检查</a></p></div>'
        f"<div><h4>相关文章</h4><ul>{related}</ul></div>"
    )
    body = _body(_page(main).replace('class="text"', 'class="showtext"'))
    assert body.startswith("3月21日") and body.endswith("进行了讲解。")


def test_a_table_between_the_paragraphs_of_its_block_keeps_them():
    rows = "".join(
        f"<tr><td>1月{d}日</td><td>上午9:00</td><td>分组讨论政府工作报告</td><td>市会议中心</td></tr>"
        for d in range(6, 12)
    )
    main = (
        "<p>会议定于2024年1月6日至11日召开。现将会议日程安排如下：</p>"
        f"<table><tr><td>日期</td><td>时间</td><td>内容</td><td>地点</td></tr>{rows}</table>"
        "<p>会议期间如有调整，以大会秘书处通知为准。</p>"
    )
    body = _body(_page(main))
    assert body.startswith("会议定于") and body.endswith("以大会秘书处通知为准。")
    assert "1月6日\t上午9:00\t分组讨论政府工作报告\t市会议中心" in body.splitlines()


def test_staff_credits_and_a_reprint_notice_close_the_text():
    main = (
        "<p>9月22日，县首届农民丰收节在稻香村开幕，全县12个乡镇的特色农产品集中亮相。</p>"
        "<p>记者：杨帆 李娜　　编辑：周婷　　责编：吴昊</p>"
        "<p>声明：本平台所发布内容，未经授权不得转载。</p>"
    )
    assert _body(_page(main)).endswith("集中亮相。")
    notice = (
        "<p>9月22日，县首届农民丰收节开幕。</p><p>本网站所载内容版权所有，未经许可不得转载。</p>"
    )
    assert _body(_page(notice)) == "9月22日，县首届农民丰收节开幕。"


def test_one_credit_is_not_the_end_of_the_text():
    main = "<p>编辑：本期导读</p><p>9月22日，县首届农民丰收节开幕，全县12个乡镇的特色农产品集中亮相。</p>"
    assert "集中亮相" in _body(_page(main))


def test_a_us_release_ends_at_its_end_mark():
    title = "Agency Awards $48 Million to Expand Rural Broadband"
    main = (
        "<p>WASHINGTON, June 4, 2024 – The agency today announced $48 million in grants to bring "
        "high-speed internet to rural households.</p><p>A list of awardees is available online.</p>"
        "<p>#</p><p><em>The agency is an equal opportunity provider, employer and lender.</em></p>"
    )
    html = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>June 4, 2024</p><div class='field-body'>{main}</div></article></body></html>"
    )
    assert _body(html).endswith("A list of awardees is available online.")


def test_an_inline_wrapper_around_the_paragraphs_is_no_level_of_blocks():
    paras = (
        "<p>记者从新区城市管理局获悉，今年新区将新建改建城市口袋公园30个。</p>"
        "<p>据介绍，口袋公园将优先布局在居民区、学校、医院、商场、车站周边等人流密集区域，因地制宜配建健身步道、儿童游乐设施、休憩座椅，让市民出门“300米见绿、500米见园”。</p>"
        "<p>去年以来，新区已建成口袋公园22个，市民满意度达96%。</p>"
    )
    body = _body(_page(f"<founder-content>{paras}</founder-content>"))
    assert body.startswith("记者从新区") and body.endswith("满意度达96%。")


_NOTICE = (
    "<p>一、项目编号：DCGGZY-2024-0312</p><p>二、项目名称：医用耗材采购项目，预算金额386.50万元。</p>"
    "<p>三、联系方式：采购人东川市第一人民医院，联系人张工，电话0875-3121234。</p>"
)
_FILES = '<p>附件：</p><p><a href="/f/zbwj.docx">1.招标文件.docx</a></p><p><a href="/f/qd.xlsx">2.清单.xlsx</a></p>'


@pytest.mark.parametrize(
    ("text", "after", "ends"),
    [
        pytest.param(
            _NOTICE,
            f'<div class="attach">{_FILES}</div>',
            "电话0875-3121234。",
            id="a-box-after-the-text-block",
        ),
        pytest.param(
            _NOTICE + f'<div class="fujian">{_FILES}</div>',
            "",
            "电话0875-3121234。",
            id="a-box-inside-it",
        ),
        pytest.param(
            _NOTICE + "<p>东川市公共资源交易中心</p><p>2024年3月5日</p>" + _FILES,
            "",
            "2024年3月5日",
            id="paragraphs-after-the-signature",
        ),
        pytest.param(
            _NOTICE + _FILES, "", "2.清单.xlsx", id="paragraphs-of-a-text-without-signature"
        ),
        pytest.param(
            _NOTICE + _FILES + "<p>东川市公共资源交易中心</p><p>2024年3月5日</p>",
            "",
            "2024年3月5日",
            id="paragraphs-before-the-signature",
        ),
    ],
)
def test_closing_attachments_are_body_only_as_paragraphs_of_an_unsigned_text(text, after, ends):
    html = _page(text).replace("</div></div>", f"</div>{after}</div>", 1)
    article = extract_article(html.encode("utf-8"), URL)
    assert article.body.endswith(ends)
    assert [a["name"] for a in article.attachments] == ["1.招标文件.docx", "2.清单.xlsx"]


def test_a_release_that_is_its_attachment_keeps_it_as_its_body():
    page = _page(f"<div class='TRS_Editor'><div class='fj'>{_FILES}</div></div>")
    article = extract_article(page.encode("utf-8"), URL)
    assert article.body.endswith("2.清单.xlsx")


def test_an_english_release_kicker_byline_and_dateline_are_not_its_text():
    title = "Government of Canada invests in clean technology for manufacturers"
    html = (
        f"<html><head><title>{title} - Canada.ca</title></head><body><main>"
        f'<p class="kicker">News release</p><h1>{title}</h1>'
        "<p><strong>From: Atlantic Regional Development Agency</strong></p>"
        "<p class='lead'>Funding will help 14 businesses cut energy use and emissions while staying competitive</p>"
        "<p><strong>March 21, 2024 – Halifax, Nova Scotia – Atlantic Regional Development Agency</strong></p>"
        "<div><p>Small and medium-sized manufacturers are the backbone of many communities.</p>"
        "<p>Today, the Minister announced more than $6.2 million for 14 manufacturers.</p></div>"
        "</main></body></html>"
    )
    body = _body(html)
    assert body.startswith("Funding will help") and "From:" not in body and "March 21" not in body


def test_a_reprint_disclaimer_beside_a_table_only_body_is_not_the_body():
    rows = "".join(
        f"<tr><td>{i}</td><td>某某{i}号地块</td><td>{i}8.40</td></tr>" for i in range(1, 6)
    )
    main = f"<table><tr><td>序号</td><td>地块名称</td><td>成交价（万元）</td></tr>{rows}</table>"
    disclaimer = (
        "<div class='sm'>凡本网注明“来源：XXX（非本网）”的作品，均转载自其它媒体，转载目的在于传递更多"
        "信息，并不代表本网赞同其观点和对其真实性负责。如因作品内容、版权和其它问题需要同本网联系的，"
        "请在30日内进行。</div>"
    )
    body = _body(_page(main).replace("</div></div>", f"</div>{disclaimer}</div>", 1))
    assert body.startswith("序号\t地块名称") and body.endswith("5\t某某5号地块\t58.40")


def test_staff_credits_under_a_lead_do_not_end_the_text():
    main = (
        "<p>导语：全县首届农民丰收节开幕，特色农产品集中亮相。</p><p>记者：杨帆　　通讯员：李娜</p>"
        "<p>9月22日，县首届农民丰收节在稻香村开幕，全县12个乡镇的特色农产品集中亮相。</p>"
    )
    body = _body(_page(main))
    assert body.endswith("特色农产品集中亮相。") and "记者" not in body and body.startswith("导语")


_EN_TEXT = (
    "<p>The council has opened a new library in the town centre, with room for 40,000 books and a "
    "maker space for young people.</p><p>The library will open seven days a week, the mayor said "
    "at the opening ceremony on Saturday.</p>"
)


def _en_body(inner: str, before: str = "") -> str:
    html = (
        "<html><head><title>Council opens new library</title></head><body><main>"
        f"{before}<h1>Council opens new library</h1><p>Published 3 March 2024</p>"
        f"<div class='content'>{_EN_TEXT}{inner}</div></main></body></html>"
    )
    return extract_article(html.encode(), "https://www.council.example.gov.au/news/1").body


@pytest.mark.parametrize(
    "marker",
    ["- ENDS -", "–ENDS–", "[ENDS]", "-end-", "****", "For media queries, please contact:"],
)
def test_a_release_end_mark_ends_the_text(marker):
    body = _en_body(
        f"<p>{marker}</p><p>MV/AK</p><p>(Release ID: 2110947) Visitor Counter : 102</p>"
    )
    assert body.endswith("on Saturday.")


def test_a_last_updated_stamp_over_a_table_is_no_end():
    table = "<table><tr><th>Branch</th><th>Hours</th></tr><tr><td>Central</td><td>9am-8pm</td></tr></table>"
    body = _en_body(f"<p>Last updated: 5 March 2024</p>{table}")
    assert body.endswith("Central\t9am-8pm") and "Last updated" not in body


def test_a_breadcrumb_opening_the_body_block_is_navigation():
    crumbs = "<nav class='usa-breadcrumb'><ol><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li></ol></nav>"
    assert _en_body("", before=crumbs).startswith("The council has opened")


@pytest.mark.parametrize(
    "tail",
    [
        "<p>分享：</p><p>微信</p><p>微博</p>",
        "<p>相关附件：无</p>",
        "<p>附件下载：</p>",
        "<p>编辑：王五</p>",
    ],
    ids=["share-label", "no-attachment", "empty-attachment-box", "lone-editor"],
)
def test_furniture_closing_the_text_is_left_out(tail):
    assert _body(_page(f"<p>{_SUMMARY}</p>{tail}")) == _SUMMARY


def test_an_info_line_laid_out_as_labels_over_values_reads_label_by_value():
    from crawler.extract.article.body import label_value_rows
    from crawler.extract.text import layout, parse_clean

    html = (
        "<html><body><table><tr><td>来源</td><td>发布时间</td><td>浏览</td></tr>"
        "<tr><td>县农业农村局</td><td>2024-03-05</td><td>12</td></tr></table></body></html>"
    )
    lay = layout(parse_clean(html).root)
    label_value_rows(lay)
    assert lay.lines[-1] == "来源：县农业农村局\t发布时间：2024-03-05\t浏览：12"


def test_the_release_itself_as_a_pdf_closing_it_is_no_text():
    pdf = "<p>Press release as PDF</p><p><a href='/pm.pdf'>Council opens new library (PDF, 298KB)</a></p>"
    assert _en_body(pdf).endswith("on Saturday.")


def test_the_editors_class_in_a_sidebar_profile_is_not_the_body():
    profile = (
        "县农业农村局是县政府工作部门，负责全县农业农村经济发展规划、农村改革、农田建设等工作。" * 3
    )
    html = (
        "<html><head><title>关于春耕期间停水的通知</title></head><body><h1>关于春耕期间停水的通知</h1>"
        "<div class='info'>发布时间：2024-03-05 来源：县水利局</div>"
        "<div class='main'><div class='TRS_Editor'><p>因灌区渠道维修，定于3月8日停止供水一天，请各村提前做好准备。</p></div></div>"
        f"<div class='side'><h3>单位简介</h3><div class='TRS_Editor'><p>{profile}</p></div></div></body></html>"
    )
    assert _body(html) == "因灌区渠道维修，定于3月8日停止供水一天，请各村提前做好准备。"


def test_a_penalty_table_wins_over_the_sites_disclaimer():
    rows = "".join(
        f"<tr><td>{k}</td><td>{v}</td></tr>"
        for k, v in [
            ("行政处罚决定书文号", "青市监罚〔2024〕12号"),
            ("违法企业名称", "某某超市"),
            ("主要违法事实", "销售超过保质期的食品"),
            ("处罚依据", "《中华人民共和国食品安全法》第一百二十四条"),
            ("罚款金额", "5000元"),
            ("作出处罚决定的日期", "2024-05-06"),
        ]
    )
    disclaimer = (
        "<div class='sm'><p>免责声明：本网站所载信息仅供参考，如有疑问请以相关部门正式文件为准。"
        "本网站对所载信息的准确性、完整性不作任何保证，对因使用本网站信息而引起的任何损失不承担责任。</p></div>"
    )
    html = (
        "<html><head><title>行政处罚信息公开表</title></head><body><h2>行政处罚信息公开表</h2>"
        f"<div class='info'>发布日期：2024-05-08</div><div class='con'><table>{rows}</table></div>{disclaimer}</body></html>"
    )
    body = _body(html)
    assert body.startswith("行政处罚决定书文号\t青市监罚") and body.endswith("2024-05-06")


_LETTER = (
    "尊敬的市长：您好！城东菜市场周边每天早上车辆乱停乱放，希望有关部门规划临时停车位并加强管理。"
)
_REPLY = "经调查，我局已会同交警部门在菜市场北侧规划临时停车位46个，并安排执法人员每天在现场劝导。"


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(
            "<table>"
            "<tr><td>信件标题</td><td colspan=3>关于城东菜市场周边停车难的问题</td></tr>"
            "<tr><td>信件编号</td><td>SZXX-2026-0031</td><td>来信时间</td><td>2026-11-20 09:12</td></tr>"
            f"<tr><td>来信内容</td><td colspan=3>{_LETTER}</td></tr>"
            "<tr><td>办理单位</td><td>市城市管理局</td><td>答复时间</td><td>2026-11-26 15:40</td></tr>"
            f"<tr><td>答复内容</td><td colspan=3><p>李**您好：来信收悉。</p><p>{_REPLY}</p></td></tr>"
            "<tr><td>公开时间</td><td>2026-11-27</td><td>满意度</td><td>满意</td></tr></table>"
            "<div><a href='/w'>我要写信</a> <a href='/q'>信件查询</a></div>"
            "<p>声明：本栏目所登载信件仅代表来信人观点，答复内容仅供参考，不作为任何法律依据。</p>",
            id="label-and-value-cells",
        ),
        pytest.param(
            "<div class='row'><span>信件编号：</span><span>SZXX-2026-0031</span></div>"
            "<div class='row'><span>写信时间：</span><span>2026-11-20 09:12</span></div>"
            f"<div class='row'><span>信件内容：</span></div><div class='con'><p>{_LETTER}</p></div>"
            "<div class='row'><span>回复单位：</span><span>市城市管理局</span></div>"
            "<div class='row'><span>回复时间：</span><span>2026-11-26 15:40</span></div>"
            f"<div class='row'><span>回复内容：</span></div><div class='con'><p>李**您好：来信收悉。</p><p>{_REPLY}</p></div>"
            "<div class='row'><span>满意度评价：</span><label>满意</label> <label>不满意</label></div>"
            "<p>温馨提示：本栏目所刊载信件仅代表写信人个人观点，答复意见仅供参考，请勿在信件中留下身份证号码。</p>",
            id="label-rows-over-value-boxes",
        ),
    ],
)
def test_a_letter_laid_out_as_a_record_is_its_content_and_its_reply(record):
    body = _body(
        "<html><head><title>信件详情_市长信箱</title></head><body>"
        "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/x/'>市长信箱</a></div>"
        f"<div class='main'>{record}</div><div class='foot'>主办：某某市人民政府办公室</div></body></html>"
    )
    assert body.startswith(_LETTER) and body.endswith(_REPLY)
    assert "李**您好：来信收悉。" in body
    assert not any(
        word in body for word in ("信件编号", "市城市管理局", "满意", "写信", "声明", "提示")
    )


def _en_release(tail: str) -> str:
    text = "".join(
        f"<p>The Ministry will raise the qualifying salary for the {n} time, in consultation with partners.</p>"
        for n in ("first", "second", "third")
    )
    return extract_article(
        (
            "<html lang='en-SG'><head><title>Qualifying salaries to rise</title></head><body>"
            f"<h1>Qualifying salaries to rise</h1><p>5 March 2025</p><div class='rich-text'>{text}{tail}</div>"
            "</body></html>"
        ).encode(),
        "https://www.example.gov.sg/news/qualifying-salaries",
    ).body


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param(
            "<p><strong>MINISTRY OF MANPOWER</strong><br>27 NOVEMBER 2026</p>",
            id="caps-name-and-date",
        ),
        pytest.param(
            "<p>DATUK SERI DR. AHMAD BIN HASSAN<br>DIRECTOR GENERAL OF HEALTH</p><p>1 December 2026</p>",
            id="caps-name-title-then-date",
        ),
        pytest.param("<p>PUTRAJAYA</p><p>Putrajaya, 2 December 2026</p>", id="place-and-date"),
        pytest.param(
            "<p>Ministry of Manpower<br>27 November 2026</p>", id="title-case-issuer-over-the-date"
        ),
    ],
)
def test_an_english_releases_sign_off_is_not_its_text(tail):
    assert _en_release(tail).endswith("the third time, in consultation with partners.")


def test_a_closing_table_row_in_capitals_is_no_sign_off():
    table = "<table><tr><th>Sector</th><th>Salary</th></tr><tr><td>TOTAL</td><td>5,800</td></tr></table>"
    assert _en_release(table).endswith("TOTAL\t5,800")


def test_a_read_aloud_bar_is_no_text():
    main = (
        "<div class='tts'><span>▶ 听新闻</span><span>00:00 / 03:12</span></div>"
        + f"<p>{_SUMMARY}</p>"
    )
    assert _body(_page(main)) == _SUMMARY


def test_a_small_box_between_two_boxes_of_the_text_is_skipped():
    html = (
        "<html><head><title>关于做好2024年防汛工作的通知</title></head><body>"
        "<div class='pos'>当前位置：<a href='/'>首页</a> &gt; <a href='/xw/'>新闻</a> &gt; 正文</div>"
        "<div class='main'><h1>关于做好2024年防汛工作的通知</h1>"
        f"<div class='content'><p>第一段。{_SUMMARY}</p><p>第二段。{_SUMMARY}</p></div>"
        "<div class='qr'><img src='/qr.png'><p>扫码下载APP，看更多新闻</p></div>"
        f"<div class='content'><p>第三段。{_SUMMARY}</p></div>"
        "<div class='editor'>责任编辑：刘畅</div></div></body></html>"
    )
    body = _body(html)
    assert body.startswith("第一段。") and body.endswith(f"第三段。{_SUMMARY}")
    assert "扫码" not in body and "首页" not in body


def test_a_table_headed_by_a_problem_column_is_no_letter():
    rows = "".join(
        f"<tr><td>{p}</td><td>{m}</td><td>县住建局</td></tr>"
        for p, m in [
            ("部分小区电梯维保不到位", "开展专项检查"),
            ("老旧管网漏损率偏高", "实施管网改造"),
        ]
    )
    main = (
        "<p>根据县委巡察反馈意见，现将整改落实情况公布如下：</p>"
        f"<table><tr><td>问题描述</td><td>整改措施</td><td>责任单位</td></tr>{rows}</table>"
        "<p>欢迎社会各界对整改落实情况进行监督。</p>"
    )
    body = _body(_page(main))
    assert body.startswith("根据县委巡察反馈意见") and body.endswith("进行监督。")
    assert "问题描述\t整改措施\t责任单位" in body


def test_a_letter_whose_reply_box_is_denser_is_read_from_the_letter():
    reply = "".join(f"<p>{_REPLY}</p>" for _ in range(4))
    html = (
        "<html><head><title>信件详情_书记信箱</title></head><body>"
        "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; 书记信箱</div><div class='letter'>"
        "<div class='info'>发布日期：2026-11-27　浏览：126　办理状态：已办结</div>"
        "<div class='row'><div class='k'>信件标题：</div><div class='v'>关于城东菜市场周边停车难的问题</div></div>"
        f"<div class='row'><div class='k'>来信内容：</div><div class='v'>{_LETTER}</div></div>"
        "<div class='reply'>"
        "<div class='row'><div class='k'>回复单位：</div><div class='v'>市城市管理局</div></div>"
        "<div class='row'><div class='k'>回复时间：</div><div class='v'>2026-11-26 15:40</div></div>"
        f"<div class='row'><div class='k'>回复内容：</div><div class='v'>{reply}</div></div></div>"
        "<div class='pj'>满意度：满意</div><div><a href='/w'>我要写信</a> <a href='/q'>信件查询</a></div>"
        "<p>温馨提示：本栏目所刊载信件仅代表写信人个人观点，答复意见仅供参考，请勿在信件中留下身份证号码。</p>"
        "</div></body></html>"
    )
    body = _body(html)
    assert body.startswith(_LETTER) and body.endswith(_REPLY)
    assert not any(word in body for word in ("市城市管理局", "满意", "写信", "提示"))


@pytest.mark.parametrize(
    ("callout", "opens"),
    [
        pytest.param(
            '<div class="usa-alert usa-alert--warning"><div class="usa-alert__body">'
            '<p class="usa-alert__text"><strong>Status:</strong> The boil water notice was lifted for all customers on March 8.</p>'
            "</div></div>",
            "Status: The boil water notice was lifted",
            id="uswds-alert",
        ),
        pytest.param(
            "<div class='box'><p>【重要提示】受寒潮影响，原定3月8日的现场招聘会延期举行，具体时间另行通知。</p></div>",
            "【重要提示】受寒潮影响",
            id="chinese-important-note",
        ),
    ],
)
def test_a_callout_between_the_heading_and_the_text_opens_the_body(callout, opens):
    text = "".join(
        f"<p>Customers in the {n} zone should flush their taps for two minutes before use.</p>"
        for n in ("north", "south", "east")
    )
    html = (
        "<html lang='en-US'><head><title>Boil water notice for the north zone</title></head><body>"
        "<section class='usa-banner'><p>An official website of the United States government. Here's how you know.</p></section>"
        "<main><article><h1>Boil water notice for the north zone</h1><p class='meta'>March 5, 2024</p>"
        f"{callout}<div class='field--name-body'>{text}</div></article></main></body></html>"
    )
    body = extract_article(html.encode(), "https://water.example.gov/notices/boil").body
    assert body.startswith(opens) and body.endswith("two minutes before use.")
    assert "official website" not in body


_TEXT = "<p>会议要求，各乡镇要压紧压实属地责任，加强野外火源管控，确保早发现、早处置。</p>"
_RELATED = '<li><a href="/n/1.html">县应急局召开2024年春季森林防灭火工作会议</a></li>'


@pytest.mark.parametrize(
    "heading", ["【相关链接】", "[相关链接]", "■ 相关链接", "相关信息", "关联阅读", "热点推荐"]
)
def test_a_dressed_related_heading_ends_the_text(heading):
    attach = '<div class="attach">相关附件：<a href="/f/fangan.pdf">工作方案.pdf</a></div>'
    main = f'{_TEXT}{attach}<div class="related"><div>{heading}</div><ul>{_RELATED}</ul></div>'
    assert _body(_page(main)) == squash_text(_TEXT)


@pytest.mark.parametrize(
    "caption",
    [
        "手机扫一扫",
        "用手机扫描二维码打开本页",
        "手机扫码阅读",
        "扫码分享到手机",
        "扫一扫在手机上打开",
    ],
)
def test_a_qr_codes_caption_is_furniture(caption):
    qr = f'<div class="qr"><img src="/qr/1.png" alt=""><p>{caption}</p></div>'
    assert _body(_page(f"{_TEXT}{qr}")) == squash_text(_TEXT)


def test_a_qr_code_to_sign_up_is_the_notices_own_line():
    line = "<p>扫描下方二维码报名</p>"
    assert _body(_page(f"{_TEXT}{line}")).endswith("扫描下方二维码报名")


def squash_text(html: str) -> str:
    return html.removeprefix("<p>").removesuffix("</p>")


def test_the_body_is_never_the_heading_alone_when_text_follows_it():
    # (The text's section carries a class the footer hint reads: its lines score nothing, and the
    # banner holding only the heading won; the body is then the densest block after the heading.)
    page = (
        "<html><head><title>Changes to library opening hours</title></head><body>"
        '<div class="banner"><h1>Changes to library opening hours</h1></div>'
        '<section class="page-bottom"><div class="col"><p>From 1 May the central library opens '
        "at 9am on weekdays.</p><p>Weekend hours stay the same.</p></div></section>"
        "</body></html>"
    )
    assert _body(page).startswith("From 1 May the central library opens")


@pytest.mark.parametrize(
    "classes",
    ["bp-container padding--top--lg padding--bottom--xl", "wrap margin--bottom--md"],
)
def test_a_spacing_utilitys_bottom_marks_no_footer(classes):
    page = (
        "<html><head><title>Changes to library opening hours</title></head><body>"
        '<section class="hero"><h1>Changes to library opening hours</h1></section>'
        f'<section><div class="{classes}"><p>From 1 May the central library opens at 9am on '
        "weekdays, an hour earlier than now.</p><p>Weekend hours stay the same.</p></div></section>"
        "</body></html>"
    )
    assert _body(page).endswith("Weekend hours stay the same.")


@pytest.mark.parametrize(
    "heading",
    [
        "网友留言（3）",
        "网友评论",
        "【网友评论】",
        "发表评论：",
        "评论区",
        "已有3条评论",
        "评论（3）",
        "我来说两句",
        "热门跟帖（2）",
        "网友评论 共3条",
        "网友评论 查看全部>>",
        "发表您的评论",
        "Comments",
        "Comments (2)",
        "2 Comments",
        "Leave a reply",
        "Leave a Comment",
        "One thought on “Harbour footbridge reopens”",
        "3 Responses",
        "Add new comment",
        "Comments are closed.",
    ],
)
def test_a_comment_section_inside_the_text_block_ends_the_text(heading):
    body = _body(
        _page(
            "<p>各乡镇：现将防汛工作方案印发给你们，请认真组织实施。</p>"
            f'<div class="comments"><h4>{heading}</h4><div class="item"><span>网友 小王</span>'
            "<span>2024-05-07 08:32</span><p>方案很及时，希望各村认真落实到位。</p></div>"
            '<form><textarea name="c"></textarea><button>提交</button></form></div>'
        )
    )
    assert body == "各乡镇：现将防汛工作方案印发给你们，请认真组织实施。"


_LEAD = "3月5日，县应急管理局召开全县防汛工作会议，安排部署今年防汛备汛工作。"
_AFTER_LEAD = "会议要求，各乡镇要压实防汛责任，落实巡查值守制度，确保安全度汛。"


@pytest.mark.parametrize(
    "before, opens",
    [
        (f'<div class="wz_dy"><p>{_LEAD}</p></div>', True),
        (f'<div class="lead"><p>{_LEAD}</p><p>副县长出席会议并讲话。</p></div>', True),
        (f'<div class="zy"><b>摘要：</b>{_LEAD}</div>', False),
        (f'<div class="summary"><p>{_LEAD}</p></div>', False),
        (f'<p class="subtitle">{_LEAD}</p>', False),
        ('<div class="ly">来源：县应急管理局 发布时间：2024-03-05 10:00</div>', False),
        (f'<div class="share-desc"><p>{_AFTER_LEAD}</p></div>', False),
    ],
)
def test_a_lead_paragraph_in_a_block_before_the_container_opens_the_body(before, opens):
    page = (
        "<html><head><title>县应急管理局召开全县防汛工作会议</title></head><body>"
        '<div class="detail"><h1>县应急管理局召开全县防汛工作会议</h1>'
        '<div class="info">发布时间：2024-03-05 来源：县应急局</div>'
        f'{before}<div class="TRS_Editor"><p>{_AFTER_LEAD}</p><p>各乡镇分管负责同志参加会议。</p></div>'
        "</div></body></html>"
    )
    body = _body(page)
    assert body.startswith(_LEAD) is opens
    assert body.count(_AFTER_LEAD) == 1


@pytest.mark.parametrize(
    "after, kept",
    [
        ("<p>（联系人：刘某，联系电话：0871-6630123）</p><p>抄送：市政协提案委。</p>", False),
        ("<p>联系人：刘某</p><p>联系电话：0871-6630123</p>", False),
        ("<p>抄送：县人大常委会人代工委，县政府办公室</p>", False),
        ("<p>联系人及电话：刘某 0871-6630123</p>", False),
        # (A 版记 closing with its 印发 line is the document's: it stays.)
        ("<p>抄送：县委办。</p><p>县政府办公室 2024年5月6日印发</p>", True),
    ],
)
def test_routing_lines_after_a_replys_signature_date_are_no_text(after, kept):
    main = (
        "<p>王某代表：您提出的建议收悉，现答复如下：今年将新增学位2700个。</p>"
        "<p>感谢您对教育工作的关心和支持！</p><p>县教育体育局</p><p>2024年5月6日</p>" + after
    )
    body = _body(_page(main))
    assert ("抄送" in body or "联系人" in body) is kept
    assert kept or body.endswith("2024年5月6日")


def test_routing_lines_after_an_office_and_date_on_one_line_are_no_text():
    main = (
        "<p>王某代表：您提出的建议收悉，现答复如下：今年将新增学位2700个。</p>"
        "<p>感谢您对教育工作的关心和支持！</p><p>县教育体育局　2024年5月6日</p><p>抄送：县人大常委会人代工委。</p>"
    )
    assert _body(_page(main)).endswith("2024年5月6日")


def test_a_notices_contact_after_a_labelled_date_stays():
    main = (
        "<p>各乡镇：请于规定时间内报送防汛物资储备情况。</p>"
        "<p>报送截止：2024年5月16日</p><p>联系人：刘某，联系电话：0871-6630123</p>"
    )
    assert _body(_page(main)).endswith("联系电话：0871-6630123")


_CAPTION = "3月10日，石门乡农户在田间育秧，一派繁忙景象。"
_DUTIES = (
    "<p>周某某：主持县政府全面工作，负责审计、机构编制方面工作，分管县审计局。</p>"
    "<p>吴某某：负责县政府常务工作，负责发展改革、财政、税务、统计、金融方面工作，分管县财政局。</p>"
    "<p>郑某某：负责农业农村、水利、林业、乡村振兴方面工作，分管县农业农村局、县水利局。</p>"
)
_HOURS = (
    "<p>办公时间：周一至周五上午8:30-12:00，下午14:30-17:30（法定节假日除外）。</p>"
    "<p>咨询电话：0000-12345678，受理群众来电来访，请您提前预约，我们将竭诚为您服务。</p>"
)


def _columns(text: str, box: str, title: str = "石门乡抢抓农时推进春耕生产工作") -> str:
    return (
        f"<html><head><title>{title}_松岭县人民政府</title></head><body>"
        f'<div class="main"><div class="left"><h3 class="t">{title}</h3>'
        '<div class="info">发布日期：2024-03-11　来源：石门乡</div>'
        f'<div class="text">{text}</div></div>'
        f'<div class="right"><div class="box">{box}</div></div></div></body></html>'
    )


@pytest.mark.parametrize(
    ("text", "box"),
    [
        pytest.param(
            f'<p><img src="a.jpg"></p><p>{_CAPTION}</p><p><img src="b.jpg"></p>',
            "<h4>领导分工</h4>" + _DUTIES,
            id="caption-beside-headed-duties",
        ),
        pytest.param(
            f"<p>{_CAPTION}</p>", "<h4>温馨提示</h4>" + _HOURS, id="sentence-beside-hours"
        ),
        pytest.param(
            f"<p>{_CAPTION}</p>",
            '<div class="bt">温馨提示</div>' + _HOURS,
            id="sentence-beside-hours-div-heading",
        ),
    ],
)
@pytest.mark.parametrize(
    "title", ["石门乡抢抓农时推进春耕生产工作", "春耕田间忙"], ids=["title", "short-title"]
)
def test_the_text_under_the_heading_beats_a_denser_box_in_another_column(text, box, title):
    assert _body(_columns(text, box, title)) == _CAPTION


def test_a_box_of_links_headed_by_the_title_s_name_is_no_title_heading():
    page = (
        "<html><head><title>最新消息 - 某县议会</title></head><body>"
        '<div class="side"><h3>最新消息</h3><p><a href="/more">更多&gt;&gt;</a></p><ul>'
        + "".join(
            f'<li><a href="/n/{n}.html">议会第{n}次会议审议县政总质询议程</a></li>'
            for n in range(5)
        )
        + "</ul></div>"
        '<div class="main"><h2>议会第20届第3次定期会3月5日起审议</h2>'
        f"<p>{_SUMMARY}</p></div></body></html>"
    )
    body = _body(page)
    assert body.endswith(_SUMMARY) and "质询议程" not in body


def test_a_summary_in_the_heading_block_does_not_take_the_text_below_it():
    text = "".join(
        f"<p>{_SUMMARY[:30]}第{n}项工作，要求各单位按时完成并报送结果。</p>" for n in range(3)
    )
    page = (
        "<html><head><title>关于做好2024年防汛工作的通知_某县</title></head><body>"
        '<div class="hd"><h1>关于做好2024年防汛工作的通知</h1>'
        "<p>本文就今年防汛工作作出部署，要求压实责任。</p></div>"
        f'<div class="bd">{text}</div></body></html>'
    )
    assert _body(page).startswith(_SUMMARY[:30])


def test_a_hidden_copy_of_an_older_text_before_the_body_is_no_lead():
    old = "根据有关规定，经市政府同意，现将2023年城区烟花爆竹禁放有关事项通告如下，请遵照执行。"
    new = "根据有关规定，经市政府同意，现将2024年城区烟花爆竹禁放有关事项通告如下，请遵照执行。"
    page = (
        "<html><head><title>关于城区烟花爆竹禁放的通告_某市</title></head><body>"
        "<h1>关于城区烟花爆竹禁放的通告</h1><div class='info'>发布日期：2024-03-20 来源：某科</div>"
        f'<div class="TRS_Editor" style="display:none" id="oldContent"><p>{old}</p></div>'
        f'<div class="TRS_Editor" id="content"><p>{new}</p><p>一、禁放区域为城区主干道以内。</p>'
        "<p>二、禁放时间为全年。</p></div></body></html>"
    )
    body = _body(page)
    assert body.startswith(new) and old not in body


def test_readers_comments_longer_than_a_short_release_are_not_its_text():
    text = "记者从县住建局获悉，城区老旧小区改造工程本月启动，涉及12个小区。改造内容包括管网更新、屋面防水等。"
    comment = (
        "支持！我们小区的水管用了二十多年，经常爆裂，希望这次改造能够彻底解决问题，"
        "也希望施工期间做好围挡和安全提示，方便老人孩子出行，辛苦施工人员了。"
    )
    comments = "".join(
        f'<li><div class="c-user">网友138****22{n}<span>2024-03-09 10:1{n}</span></div>'
        f'<div class="c-text">{comment}</div></li>'
        for n in range(4)
    )
    page = (
        "<html><head><title>城区老旧小区改造工程本月启动_某县</title></head><body>"
        '<h1 class="d-title">城区老旧小区改造工程本月启动</h1>'
        '<div class="d-info">来源：县住建局　发布时间：2024-03-08 17:05</div>'
        f'<div class="d-content"><p>{text}</p></div>'
        f'<div class="comment-box"><h3>网友评论（4）</h3><ul class="comment-list">{comments}</ul>'
        '<form class="comment-form"><textarea></textarea><button>发表评论</button></form></div>'
        "</body></html>"
    )
    assert _body(page) == text


def test_a_release_s_closing_contact_line_is_not_its_text():
    paragraphs = [
        "The Senate voted 31-6 on Tuesday to approve a pay raise for state correctional officers.",
        "The bill now goes to the House, where a companion measure is pending in committee.",
    ]
    page = (
        "<html><head><title>Lawmakers approve pay raise | State Senate</title></head><body><main>"
        '<div class="release-kicker">Press Release</div><h1>Lawmakers approve pay raise</h1>'
        '<p class="release-meta">Posted March 5, 2024 at 2:30 p.m.</p><div class="release-body">'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + '</div><p class="release-contact">Contact: Senate Press Office, 555-010-0177</p>'
        "</main></body></html>"
    )
    body = extract_article(page.encode(), "https://senate.example.gov/news/pay-raise").body
    assert body.endswith(paragraphs[-1])


_NOTICE = "现将《某县2024年度农机购置补贴机具补贴额一览表》予以公布，详见附件。"
_TEASERS = [
    (f"/tzgg/{n}.html", f"某县第{n}批农机购置补贴资金使用情况公示", _SUMMARY) for n in range(1, 5)
]


@pytest.mark.parametrize(
    ("box", "inside"),
    [
        pytest.param(
            "".join(f'<h4><a href="{u}">{t}</a></h4><p>{s}</p>' for u, t, s in _TEASERS),
            False,
            id="titles-over-summaries-unheaded",
        ),
        pytest.param(
            "<ul>"
            + "".join(f'<li><a href="{u}">{t}</a>　{s}</li>' for u, t, s in _TEASERS)
            + "</ul>",
            False,
            id="rows-of-title-and-summary",
        ),
        pytest.param(
            "<div>相关文章</div><ul>"
            + "".join(f'<li><a href="{u}">{t}</a>　{s}</li>' for u, t, s in _TEASERS)
            + "</ul>",
            True,
            id="related-rows-inside-the-text-block",
        ),
        pytest.param(
            "<ul>"
            + "".join(
                f'<li><h4>{t}</h4><p>{s}</p><a href="{u}">详情&gt;&gt;</a></li>'
                for u, t, s in _TEASERS
            )
            + "</ul>",
            False,
            id="headings-summaries-and-detail-links",
        ),
        pytest.param(
            "".join(f'<p><a href="{u}">{t}</a><br>{s}</p>' for u, t, s in _TEASERS),
            False,
            id="paragraphs-of-title-and-summary",
        ),
    ],
)
def test_a_box_of_teasers_without_cards_is_not_the_body(box, inside):
    text = f'<p>{_NOTICE}</p><p>附件：<a href="/f/bt.xls">补贴额一览表.xls</a></p>'
    page = (
        "<html><head><title>某县2024年度农机购置补贴机具补贴额一览表公示_某县</title></head><body>"
        '<div class="art"><div class="t">某县2024年度农机购置补贴机具补贴额一览表公示</div>'
        '<div class="info">发布日期：2024-04-12　来源：县农业农村局</div>'
        f'<div class="con">{text}</div>{box if inside else ""}</div>'
        f'<div class="box">{"" if inside else box}</div></body></html>'
    )
    assert _body(page) == f"{_NOTICE}\n\n附件：补贴额一览表.xls"


_LAST = "会议还研究了其他事项。"
_ORIGINAL = "原标题：国务院常务会议部署春季农业生产"


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param(
            [f"（{_ORIGINAL}）", "【纠错】", "【责任编辑：张三】"], id="original-jiucuo-editor"
        ),
        pytest.param(
            [_ORIGINAL, "责任编辑：李四", "来源：新华网"], id="bare-original-editor-source"
        ),
        pytest.param(["【纠错】　【责任编辑：张三】"], id="jiucuo-and-editor-on-one-line"),
        pytest.param(["来源：新华网", "【纠错】", "责任编辑：张三"], id="source-first"),
        pytest.param(
            [f"（{_ORIGINAL}）", "编辑：王五", "校对：赵六", "审核：钱七"], id="credit-lines"
        ),
        pytest.param(
            ["原标题：《春季农业生产》", "来源：新华网　　编辑：王五"], id="source-and-editor"
        ),
        pytest.param(["编辑：王五", "来源：新华网"], id="editor-then-source"),
        pytest.param([f"（{_ORIGINAL}）"], id="original-title-alone"),
        pytest.param(["【纠错】", "来源：新华网"], id="source-after-jiucuo"),
        pytest.param(["文章来源：新华网", "责任编辑：张三"], id="article-source-label"),
        pytest.param(["[纠错]　[责任编辑：张三]"], id="square-brackets"),
    ],
)
def test_a_reposts_tail_lines_are_not_its_text(tail):
    main = "".join(f"<p>{line}</p>" for line in [_SUMMARY, _LAST, *tail])
    assert _body(_page(main)).endswith(_LAST)


@pytest.mark.parametrize(
    "credit",
    ["来源：新华网", "（来源：县融媒体中心）", "（编辑：王五 审核：赵六）"],
    ids=["source", "bracketed-source", "bracketed-sign-off"],
)
def test_a_credit_alone_closing_the_text_is_the_texts(credit):
    main = f"<p>{_SUMMARY}</p><p>{_LAST}</p><p>{credit}</p>"
    assert _body(_page(main)).endswith(credit)


_CAPTIONS = [
    "4月2日，东山县万亩茶园迎来春茶采摘高峰，茶农们穿梭在茶垄间采摘新茶，处处是一派繁忙的景象。",
    "在东山县茶叶交易市场，茶商们正在挑选刚刚采摘的鲜叶，今年鲜叶收购价格同比上涨一成左右。",
    "茶叶加工厂内，工人们正在对鲜叶进行杀青、揉捻、烘干等工序，生产线满负荷运转，日加工鲜叶20吨。",
    "航拍下的东山县生态茶园，层层叠叠的茶垄依山势而建，宛如一幅绿色的画卷铺展在山间。",
]
_STORY = [
    "清明前后，正是春茶采摘的黄金时节。连日来，东山县抢抓晴好天气，组织茶农开展春茶采摘。",
    "该县通过“龙头企业+合作社+农户”模式带动茶农增收，预计今年茶叶产值超过6亿元。",
]
_SWIPER = (
    '<div class="swiper"><div class="swiper-wrapper">'
    + "".join(
        f'<div class="swiper-slide"><img src="/p/{n}.jpg"><p class="caption">{c}</p></div>'
        for n, c in enumerate(_CAPTIONS)
    )
    + '</div><div class="swiper-pagination"></div></div>'
)
_PIC_LIST = (
    '<ul class="pic-list">'
    + "".join(f'<li><img src="/p/{n}.jpg"><p>{c}</p></li>' for n, c in enumerate(_CAPTIONS))
    + "</ul>"
)
_GALLERY = (
    '<div class="gallery">'
    + "".join(
        f'<figure><img src="/p/{n}.jpg"><figcaption>{c}</figcaption></figure>'
        for n, c in enumerate(_CAPTIONS)
    )
    + "</div>"
)

_TWO_SLIDES = (
    '<div class="swiper-wrapper">'
    + "".join(
        f'<div class="swiper-slide"><img src="/p/{n}.jpg"><p>{c}</p></div>'
        for n, c in enumerate(_CAPTIONS[:2])
    )
    + "</div>"
)
_SUPERSLIDE = (
    '<div class="slideBox"><div class="bd"><ul>'
    + "".join(f'<li><img src="/p/{n}.jpg"></li>' for n in range(len(_CAPTIONS)))
    + '</ul></div><div class="hd"><ul>'
    + "".join(f"<li>{c}</li>" for c in _CAPTIONS)
    + "</ul></div></div>"
)


def _photo_story(pictures: str, text: str, apart: bool) -> str:
    block = f'<div class="pics">{pictures}</div><div class="txt">{text}</div>'
    return (
        "<html><head><title>东山县春茶采摘忙_东山县人民政府</title></head><body>"
        '<div class="detail"><h1>东山县春茶采摘忙</h1>'
        '<div class="info">来源：县融媒体中心　发布时间：2024-04-03 09:12</div>'
        + (block if apart else f'<div class="con">{pictures}{text}</div>')
        + '</div><div class="foot">版权所有：东山县人民政府</div></body></html>'
    )


@pytest.mark.parametrize("apart", [False, True], ids=["in-the-text-block", "box-of-its-own"])
@pytest.mark.parametrize(
    "pictures",
    [_SWIPER, _PIC_LIST, _GALLERY, _TWO_SLIDES, _SUPERSLIDE],
    ids=["swiper", "pic-list", "figures", "two-slides", "captions-in-a-list-of-their-own"],
)
def test_a_picture_sliders_captions_over_the_text_are_not_the_body(pictures, apart):
    text = "".join(f"<p>{p}</p>" for p in _STORY)
    assert _body(_photo_story(pictures, text, apart)) == "\n\n".join(_STORY)


@pytest.mark.parametrize("pictures", [_SWIPER, _PIC_LIST], ids=["swiper", "pic-list"])
def test_a_pure_photo_storys_captions_are_its_body(pictures):
    body = _body(_photo_story(pictures, "<p>（县融媒体中心供图）</p>", False))
    assert body.startswith(_CAPTIONS[0]) and _CAPTIONS[-1] in body


def test_pictures_typed_into_the_text_keep_their_captions():
    text = "".join(
        f'<p style="text-align:center"><img src="/p/{n}.jpg"></p><p>{c}</p>'
        for n, c in enumerate(_CAPTIONS)
    ) + "".join(f"<p>{p}</p>" for p in _STORY)
    assert _body(_photo_story("", text, False)).startswith(_CAPTIONS[0])


_RELEASE_TEXT = (
    "<p>The new Carrow bus interchange opened to passengers this morning, bringing eight routes "
    "together at one sheltered station.</p>"
    "<p>The interchange includes real-time arrival screens and secure bike parking.</p>"
)


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(
            "<p>Share this page</p><p><a href='#f'>Facebook</a></p><p><a href='#x'>X</a></p>"
            "<p>For media enquiries: Sam Patel</p><p>Phone: (02) 5550 1234</p>"
            "<p>Email: media@transport.example.gov</p>",
            id="share-links-then-media-enquiries-block",
        ),
        pytest.param(
            "<p>Media enquiries: Sam Patel, 0400 123 456, media@transport.example.gov</p>",
            id="media-enquiries-on-one-line",
        ),
        pytest.param(
            "<p class='share'>Share: <a href='#f'>Facebook</a> | <a href='#x'>X</a></p>"
            "<p>Media contact: Sam Patel</p><p>0400 123 456</p>",
            id="share-line-then-media-contact",
        ),
    ],
)
def test_a_short_releases_header_block_over_its_text_is_not_its_body(header):
    page = (
        "<html lang='en'><head><title>New bus interchange opens in Carrow - Westmark Government"
        "</title></head><body><div id='content'><p>Transport Department</p><p>Media release</p>"
        f"<h1>New bus interchange opens in Carrow</h1><p>5 March 2024</p>{header}{_RELEASE_TEXT}"
        "</div></body></html>"
    )
    article = extract_article(page.encode(), "https://www.westmark.example.gov/news/bus.html")
    assert article.body.startswith("The new Carrow bus interchange opened")
    assert article.body.endswith("secure bike parking.")
    assert (article.source, article.published_at[:10]) == ("Transport Department", "2024-03-05")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            "<tr><th>Title</th><td>Public exhibition of the draft foreshore master plan</td></tr>"
            "<tr><th>Date</th><td>2024-05-13</td></tr>"
            "<tr><th>Department</th><td>Planning Division</td></tr>",
            ("Public exhibition of the draft foreshore master plan", "Planning Division"),
            id="english-th-td",
        ),
        pytest.param(
            "<tr><td>标题</td><td>城区控制性详细规划局部调整方案批前公示</td></tr>"
            "<tr><td>发布日期</td><td>2024-05-13</td></tr><tr><td>发布部门</td><td>规划编制科</td></tr>",
            ("城区控制性详细规划局部调整方案批前公示", "规划编制科"),
            id="chinese-td-td",
        ),
    ],
)
def test_a_board_views_field_rows_title_the_page_and_are_not_its_body(rows, expected):
    text = (
        "<p>The plan is on public exhibition until 14 June 2024, and residents can make a "
        "submission online or at the service centre.</p><p>两场现场咨询会将于5月25日举行。</p>"
    )
    page = (
        "<html><head><title>Notice Board</title></head><body><div class='board'><p>Notice Board</p>"
        f"<table>{rows}<tr><th>Views</th><td>318</td></tr></table>{text}</div></body></html>"
    )
    article = extract_article(page.encode(), "https://www.example.gov/board/view?id=1")
    assert (article.title, article.source, article.published_at[:10]) == (*expected, "2024-05-13")
    assert article.body.startswith("The plan is on public exhibition")
