"""Source (来源) and publish time on small pages, each showing one rule of
crawler/extract/article/source.py and published.py (the fixture pages show them in full chrome)."""

from __future__ import annotations

import pytest

from crawler.extract.article import extract_article

_BODY = "".join(
    f"<p>第{n}段：为进一步做好春季农业生产工作，全县各乡镇统筹推进备耕、农资供应和技术指导，确保粮食面积稳定。</p>"
    for n in range(1, 6)
)


def _page(
    inner: str, lang: str = "zh-CN", title: str = "县农业农村局部署春季农业生产工作"
) -> bytes:
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"{inner}</body></html>"
    ).encode()


def _extract(inner: str, url: str = "https://www.example.gov.cn/a/1.html", **kw):
    return extract_article(_page(inner, **kw), url)


def test_dated_list_rows_after_the_body_date_other_pages_the_url_dates_this_one():
    related = "".join(
        f'<li><a href="/a/{n}.html">县{n}号文件关于做好防汛工作的通知</a>2024-07-0{n}</li>'
        for n in range(1, 5)
    )
    page = (
        "<h1>县农业农村局部署春季农业生产工作</h1><p>来源：县农业农村局</p>"
        f'<div id="zoom">{_BODY}</div><h3>相关文章</h3><ul>{related}</ul>'
    )
    article = _extract(page, "https://www.example.gov.cn/art/2024/3/5/art_12_345.html")
    assert article.published_at == "2024-03-05"
    assert article.explain["published_at"] == "URL date"


def test_a_sidebar_row_just_above_the_heading_is_no_date_of_the_page():
    side = "".join(
        f'<li><a href="/n/{n}.html">政协委员开展第{n}次专题视察</a>[2024-05-0{n}]</li>'
        for n in range(1, 6)
    )
    page = (
        f"<ul>{side}</ul><h1>县农业农村局部署春季农业生产工作</h1><p>来源：县农业农村局</p>"
        f'<div id="zoom">{_BODY}<p style="text-align:right">二〇二四年三月五日</p></div>'
    )
    assert _extract(page).published_at == "2024-03-05"


def test_a_weekday_between_date_and_clock_keeps_the_clock():
    page = (
        "<h1>县农业农村局部署春季农业生产工作</h1>"
        f'<p>2024年3月5日 星期二 10:21　文章来源：县政府研究室</p><div id="zoom">{_BODY}</div>'
    )
    article = _extract(page)
    assert article.published_at == "2024-03-05T10:21:00+08:00"
    assert article.source == "县政府研究室"


def test_an_english_dateline_opening_the_body_beats_the_sidebars_dates():
    body = "".join(
        f"<p>The department announced new standards for drinking water in schools, part {n}.</p>"
        for n in range(4)
    )
    side = "".join(
        f'<li><a href="/news/{n}">Department opens consultation on road safety {n}</a><br>'
        f"<span>April {n + 1}, 2024</span></li>"
        for n in range(5)
    )
    page = (
        "<h1>Department Announces New Standards</h1>"
        f'<div class="release"><p>SPRINGFIELD, March 5, 2024 — The department said today.</p>{body}</div>'
        f"<aside><h2>Latest news</h2><ul>{side}</ul></aside>"
    )
    article = _extract(page, "file:///tmp/release.html", lang="en-US", title="New Standards")
    assert article.published_at == "2024-03-05"
    assert article.explain["published_at"] == "dateline opening the body"


def test_a_day_first_locale_reads_12_03_as_12_march():
    page = "<h1>Council confirms food scraps collection</h1><p>Published: 12/03/2024</p>" + "".join(
        f"<p>Households will have food scraps collected weekly, item {n}.</p>" for n in range(5)
    )
    assert _extract(page, "file:///tmp/n.html", lang="en-NZ").published_at == "2024-03-12"
    assert _extract(page, "file:///tmp/n.html", lang="en-US").published_at == "2024-12-03"


def test_a_taiwanese_page_reads_minguo_years():
    page = (
        "<h2>本縣長者健康促進巡迴講座開跑</h2><ul><li>發布單位：長期照護科</li>"
        "<li>發布日期：113-03-05</li><li>更新日期：113-03-08</li></ul>"
        + "".join(
            f"<p>為提升長者健康識能，本局於全縣社區關懷據點陸續辦理講座，第{n}場。</p>"
            for n in range(5)
        )
    )
    article = _extract(page, "file:///tmp/t.html", lang="zh-Hant-TW", title="長者健康促進巡迴講座")
    assert article.published_at == "2024-03-05"
    assert article.source == "長期照護科"


def test_a_date_above_the_releases_ministers_and_heading_dates_it():
    related = "".join(
        f'<li><a href="/r/{n}"><h3>Hospital upgrade works start in town {n}</h3><p>Thursday {n + 1} May 2024</p></a></li>'
        for n in range(4)
    )
    page = (
        '<nav><a href="/">Home</a> <a href="/media-releases">Media releases</a></nav>'
        "<h1>Media releases</h1><p>Monday 13 May 2024</p><ul><li>The Hon. Jane Citizen MP, Minister for Health</li>"
        "<li>The Hon. Sam Example MP, Minister for Regions</li></ul><h2>New ambulance stations to open</h2>"
        + "".join(
            f"<p>Six regional towns will get new ambulance stations, part {n}.</p>"
            for n in range(5)
        )
        + f"<section><h2>Related releases</h2><ul>{related}</ul></section>"
    )
    article = _extract(page, "file:///tmp/r.html", lang="en-AU", title="Media releases | Premier")
    assert article.published_at == "2024-05-13"


def _info(info: str, **kw):
    page = f'<h1>县农业农村局部署春季农业生产工作</h1><div class="info">{info}</div><div id="zoom">{_BODY}</div>'
    return _extract(page, **kw)


def test_a_source_written_in_the_branch_the_script_takes():
    script = (
        '<script>var laiyuan = "市统计局综合统计科"; if (laiyuan == "") { document.write("来源：本站"); }'
        ' else { document.write("来源：" + laiyuan); }</script>'
    )
    assert _info(f"<span>发布时间：2024-03-20 15:30</span><span>{script}</span>").source == (
        "市统计局综合统计科"
    )
    empty = script.replace("市统计局综合统计科", "").replace("本站", "市统计局办公室")
    assert (
        _info(f"<span>发布时间：2024-03-20</span><span>{empty}</span>").source == "市统计局办公室"
    )


def test_branches_of_a_condition_the_reader_cannot_evaluate_are_not_shown():
    script = (
        '<script>if (window.top != window) { document.write("来源：本站"); }'
        ' else { document.write("来源：别处"); }</script>'
    )
    assert _info(f"<span>发布时间：2024-03-20</span>{script}").source is None


def test_traditional_label_cells_without_colons():
    rows = "<table><tr><td>公告日期</td><td>中華民國113年3月5日</td></tr><tr><td>資料來源</td><td>議事組</td></tr></table>"
    article = _info(rows, url="file:///tmp/c.html", lang="zh-Hant-TW")
    assert (article.source, article.published_at) == ("議事組", "2024-03-05")


def test_an_unlabelled_source_in_an_element_classed_src():
    info = '<span class="src">云溪县融媒体中心</span><span class="time">2024-09-22 18:40</span>'
    assert _info(info).source == "云溪县融媒体中心"


def _ministry_release(posted: str) -> str:
    return (
        "<div>Ministry of Fisheries, Animal Husbandry &amp; Dairying</div>"
        "<h2>Union Cabinet approves scheme for fishing harbours</h2>"
        f"<div>{posted}</div>"
        + "".join(
            f"<p>The Union Cabinet has approved the scheme for harbours, part {n}.</p>"
            for n in range(5)
        )
    )


def test_an_english_release_headed_by_its_ministry():
    page = _ministry_release("Posted On: 12 JUN 2024 3:45PM")
    article = _extract(page, "file:///tmp/p.html", lang="en", title="Union Cabinet approves scheme")
    assert article.source == "Ministry of Fisheries, Animal Husbandry & Dairying"
    assert article.published_at.startswith("2024-06-12T15:45")


@pytest.mark.parametrize(
    "posted",
    [
        pytest.param("Posted On: 12 JUN 2024 3:45PM by PIB Delhi", id="pib-office"),
        pytest.param("Posted On: 12 JUN 2024 3:45PM by PIB Chennai", id="pib-city"),
        pytest.param("Published on 12 June 2024 by the Media Relations Office", id="an-office"),
        pytest.param("Posted on June 12, 2024 by Jane Cruz", id="a-person"),
        pytest.param("Posted on June 12, 2024 by admin", id="a-login"),
    ],
)
def test_the_desk_posting_a_release_is_no_source_its_ministry_is(posted):
    page = _ministry_release(posted)
    article = _extract(page, "file:///tmp/p.html", lang="en", title="Union Cabinet approves scheme")
    assert article.source == "Ministry of Fisheries, Animal Husbandry & Dairying"
    assert article.published_at.startswith("2024-06-12")


@pytest.mark.parametrize(
    ("above", "expected"),
    [
        pytest.param("Cabinet", "Cabinet", id="the-cabinet"),
        pytest.param("Prime Minister's Office", "Prime Minister's Office", id="an-office"),
        pytest.param("", None, id="no-ministry-line-no-source"),
        pytest.param("Press Release", None, id="a-kicker-is-none"),
        pytest.param("Press Information Bureau", None, id="the-sites-own-name-is-none"),
    ],
)
def test_the_line_naming_a_body_above_a_release_heading(above, expected):
    page = (
        f"<div>{above}</div><h2>Union Cabinet approves scheme for fishing harbours</h2>"
        "<div>Posted On: 12 JUN 2024 3:45PM by PIB Delhi</div>"
        + "".join(
            f"<p>The Union Cabinet has approved the scheme for harbours, part {n}.</p>"
            for n in range(5)
        )
    )
    title = "Union Cabinet approves scheme | Press Information Bureau"
    assert _extract(page, "file:///tmp/p.html", lang="en", title=title).source == expected


def test_staff_roles_glued_to_the_source_end_it():
    assert _info("来源：县融媒体中心撰稿：王丽 发布时间：2024-03-05").source == "县融媒体中心"
    assert _info("信息来源：县财政局审核：张三 发布时间：2024-03-05").source == "县财政局"


def _undated(extra_head: str = "", extra_body: str = "") -> str | None:
    page = (
        f'<html><head><meta charset="utf-8"><title>县农业农村局部署春季农业生产工作</title>{extra_head}'
        f'</head><body><h1>县农业农村局部署春季农业生产工作</h1>{extra_body}<div id="zoom">{_BODY}</div>'
        "</body></html>"
    ).encode()
    return extract_article(page, "https://www.example.gov.cn/a/1.html").published_at


def test_hidden_publish_times_when_the_page_prints_none():
    assert _undated(
        '<meta name="govuk:first-published-at" content="2024-03-05T09:30:00+00:00">'
    ) == ("2024-03-05T17:30:00+08:00")
    assert _undated(extra_body="<!--<span>发布时间：2024-03-05 10:21</span>-->") == (
        "2024-03-05T10:21:00+08:00"
    )
    state = '<script>window.__STATE__={"article":{"publishTime":"2024-03-05 10:21:33"}}</script>'
    assert _undated(extra_body=state) == "2024-03-05T10:21:33+08:00"
    portal = '<script>var uptime = 5; window.DATA = {"pubtime": "2024-03-05 10:21:33"};</script>'
    assert _undated(extra_body=portal) == "2024-03-05T10:21:33+08:00"
    assert _undated() is None


def test_an_info_line_atop_the_body_container_beats_the_signature_date():
    page = (
        "<h1>县农业农村局部署春季农业生产工作</h1>"
        f'<div id="zoom"><p>发布时间：2024-03-05 10:21 来源：县农业农村局</p>{_BODY}'
        "<p>县农业农村局</p><p>2024年3月1日</p></div>"
    )
    article = _extract(page)
    assert (article.source, article.published_at) == ("县农业农村局", "2024-03-05T10:21:00+08:00")


def test_the_time_a_notice_announces_is_not_when_it_was_published():
    page = (
        "<h1>关于召开全县春季农业生产工作会议的通知</h1>"
        "<table><tr><td>会议时间：2024年3月26日 09:00</td></tr><tr><td>报名截止：2024年3月20日</td></tr></table>"
        f'<div id="zoom">{_BODY}<p>县农业农村局</p><p>2024年3月5日</p></div>'
    )
    assert (
        _extract(page, title="关于召开全县春季农业生产工作会议的通知").published_at == "2024-03-05"
    )


def test_a_label_without_colon_before_an_item_ending_in_a_colon():
    info = "2024-03-19 09:05:33 信息来源 区市场监管局 评论：0 点击："
    assert _info(info).source == "区市场监管局"


def test_an_entry_time_label_ends_the_source():
    assert _info("来源：新华社录入时间：2024-03-05 10:21").source == "新华社"
    assert _info("信息来源：市生态环境局添加日期：2024-03-05").source == "市生态环境局"


def test_a_footers_information_source_is_no_source():
    page = '<h1>县农业农村局部署春季农业生产工作</h1><div class="info">发布时间：2024-03-05</div>'
    page += f'<div id="zoom">{_BODY}</div>'
    inside = (
        page + '<div class="foot"><p>信息来源：某县大数据中心</p></div><div>浙ICP备05012345号</div>'
    )
    between = (
        page
        + "<div><p>网站地图 | 联系我们</p><p>信息来源：某县信息中心</p><p>主办：某县人民政府办公室</p></div>"
    )
    credit = (
        page
        + '<p class="ly">来源：县农业农村局</p><div class="foot"><p>主办：某县人民政府</p></div>'
    )
    assert _extract(inside).source is None
    assert _extract(between).source is None
    assert _extract(credit).source == "县农业农村局"


def test_a_view_counter_glued_after_the_source_is_not_part_of_it():
    info = (
        '<span>2020-11-05</span><span>来源：县人社局</span><span><i class="ico-eye"></i>1234</span>'
    )
    assert _info(info).source == "县人社局"
    assert _info("来源：12345政务服务热线 发布时间：2024-03-05").source == "12345政务服务热线"
    # the counter's label naming what it counts, its span glued on
    for label in ("本页浏览次数", "本文阅读量", "页面访问量"):
        info = f"<span>来源：市统计局综合统计处</span><span>{label}：<script>document.write(612)</script></span>"
        assert _info(info).source == "市统计局综合统计处", label


def test_a_yearless_info_line_date_takes_its_year_from_the_address():
    page = f"<h1>县农业农村局部署春季农业生产工作</h1><p>信息来源：办公室 发布日期：03-05 10:21</p><div id=zoom>{_BODY}<p>2024年3月4日</p></div>"
    article = _extract(page, "https://www.example.gov.cn/zwgk/202403/t20240305_4412031.html")
    assert article.published_at == "2024-03-05T10:21:00+08:00"


def test_a_yearless_publish_date_takes_the_year_of_the_records_written_date():
    table = (
        "<table><tr><td>成文日期：</td><td>2023-12-28</td></tr>"
        "<tr><td>发布日期：</td><td>01-03</td></tr></table>"
    )
    article = _extract(
        f"{table}<h1>县农业农村局部署春季农业生产工作</h1><div id=zoom>{_BODY}</div>"
    )
    assert article.published_at == "2024-01-03"


def test_a_written_date_row_is_no_generic_date_label():
    table = (
        "<table><tr><td>成文日期：</td><td>2024-03-01</td></tr>"
        "<tr><td>发布日期：</td><td>2024-03-05</td></tr></table>"
    )
    article = _extract(
        f"<h1>县农业农村局部署春季农业生产工作</h1>{table}<div id=zoom>{_BODY}</div>"
    )
    assert article.published_at == "2024-03-05"


def test_an_unlabelled_date_on_the_info_line_beats_a_meta_that_says_otherwise():
    page = (
        '<meta name="PubDate" content="2024-10-09 08:00"><h1>县农业农村局部署春季农业生产工作</h1>'
        f"<p>2024-10-08 20:15　来源：新华社　作者：王丽</p><div id=zoom>{_BODY}</div>"
    )
    article = _extract(page)
    assert article.published_at == "2024-10-08T20:15:00+08:00"
    assert article.published_at_meta == "2024-10-09T08:00:00+08:00"


_EN_BODY = "".join(
    f"<p>Paragraph {n}: the agency issued guidance for applicants on how to map unserved locations.</p>"
    for n in range(1, 5)
)


def test_an_english_last_updated_line_dates_a_page_that_shows_no_other():
    page = f'<h1>Statement on the interim rule</h1><div class="updated">Last updated: March 14, 2024</div><div class="body">{_EN_BODY}</div>'
    article = _extract(
        page,
        "https://www.example.gov/newsroom/statement",
        lang="en-US",
        title="Statement on the interim rule",
    )
    assert article.published_at == "2024-03-14"
    assert article.title == "Statement on the interim rule"


def test_first_published_anywhere_beats_updated_under_the_heading():
    page = (
        f'<h1>New funding for water projects</h1><p>Updated: 7 March 2024</p><div class="body">{_EN_BODY}</div>'
        "<aside><dl><dt>First published</dt><dd>5 March 2024</dd></dl></aside>"
    )
    article = _extract(
        page,
        "https://www.example.gov.au/news/water",
        lang="en-AU",
        title="New funding for water projects",
    )
    assert article.published_at == "2024-03-05"


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        pytest.param(
            "<p>来源：青山发布　发布时间：2024-03-05</p>", "青山发布", id="account-ending-in-fabu"
        ),
        pytest.param(
            "<p>来源：微信公众号“临川发布” 发布时间：2024-03-05</p>",
            "微信公众号“临川发布”",
            id="wechat-account-quoted",
        ),
        pytest.param(
            '<div><img src="1.png" alt="时间">2024年03月05日 16:12　<img src="2.png" alt="来源">县人民检察院　<img src="3.png" alt="浏览">128</div>',
            "县人民检察院",
            id="icon-labels-alt",
        ),
        pytest.param(
            '<p>2024-03-05 07:12 来源：<img src="logo.png" alt="青山日报"> 记者 王丽</p>',
            "青山日报",
            id="newspaper-logo-alt",
        ),
        pytest.param(
            '<div><span class="l">發布單位</span><span class="v">綜合規劃司</span></div><div><span class="l">發布日期</span><span class="v">2024-03-05</span></div>',
            "綜合規劃司",
            id="label-and-value-spans-glued",
        ),
        pytest.param(
            "<p>作者：县农业农村局　发布时间：2024-03-05</p>", "县农业农村局", id="office-as-author"
        ),
        pytest.param("<p>作者：王丽　发布时间：2024-03-05</p>", None, id="person-as-author"),
        pytest.param(
            "<p>2024.03.05 10:21 | 县卫健委 | 阅读 1234</p>",
            "县卫健委",
            id="unlabelled-office-pipes",
        ),
        pytest.param(
            "<p>发布于 2024年2月27日 作者 教务处</p>", None, id="byline-role-without-colon"
        ),
        pytest.param("<p>转载自：人民网　发布时间：2024-03-05</p>", "人民网", id="reprint-label"),
        pytest.param(
            "<p>信息提供单位：县农业农村局 2024-03-05</p>", "县农业农村局", id="supplier-label"
        ),
        pytest.param(
            "<p>来源：县农业农村局 县财政局　发布时间：2024-03-05</p>",
            "县农业农村局 县财政局",
            id="two-offices-keep-their-space",
        ),
        pytest.param("<p>Source: Xinhua 2024-03-05</p>", "Xinhua", id="english-source-before-date"),
        pytest.param(
            '<p><script>var ly="县商务局";document.write("信息来源："+ly+"&nbsp;&nbsp;");</script>发布日期：2024-03-05</p>',
            "县商务局",
            id="script-written-source-entities-decoded",
        ),
        pytest.param(
            "<table><tr><td>发布机构</td><td>县商务局</td><td>生成日期</td><td>2024-03-05</td></tr></table>",
            "县商务局",
            id="table-value-ends-at-its-cell",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05 来源：县文旅局 县妇联<span>字号：大 中 小</span></p>",
            "县文旅局 县妇联",
            id="second-office-before-a-glued-font-size-tool",
        ),
        pytest.param(
            "<p>来源｜县文化馆</p><p>2024年03月05日 09:30</p>", "县文化馆", id="bar-for-a-colon"
        ),
        pytest.param(
            "<dl><dt>发 布 机 构</dt><dd>县文化和旅游局</dd><dt>生 成 日 期</dt><dd>2024-03-05</dd></dl>",
            "县文化和旅游局",
            id="spaced-out-publisher-label",
        ),
        pytest.param(
            "<p>2024-03-05 | 县法院民事审判庭 | 阅读 88</p>",
            "县法院民事审判庭",
            id="unlabelled-court-chamber",
        ),
    ],
)
def test_source_as_the_info_line_prints_it(info, expected):
    page = f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>'
    assert _extract(page).source == expected


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        pytest.param(
            "<p>发布者：党校办公室管理员　发布时间：2024-03-12　浏览次数：<span>12</span></p>",
            None,
            id="publisher-account-of-a-role",
        ),
        pytest.param(
            '<p><span class="arti_publisher">发布者：网站管理员</span> 发布时间：2024-03-12</p>',
            None,
            id="publisher-account-in-a-publisher-span",
        ),
        pytest.param("<p>发布者：Admin01　发布时间：2024-03-12</p>", None, id="publisher-login"),
        pytest.param("<p>发布者：王丽　发布时间：2024-03-12</p>", None, id="publisher-person"),
        pytest.param(
            "<p>发布者：admin　来源：县委党校　发布时间：2024-03-12</p>",
            "县委党校",
            id="account-then-laiyuan-on-the-line",
        ),
        pytest.param(
            "<p>发布者：某某县人民政府办公室　发布时间：2024-03-12</p>",
            "某某县人民政府办公室",
            id="publisher-office",
        ),
        pytest.param(
            "<p>发布者：县政府办　来源：县农业农村局　发布时间：2024-03-12</p>",
            "县农业农村局",
            id="laiyuan-beside-an-uploader-office-wins",
        ),
        pytest.param(
            "<p>发布机构：县财政局　发布时间：2024-03-12</p>",
            "县财政局",
            id="publishing-body-label",
        ),
    ],
)
def test_a_cms_account_is_no_source_an_office_is(info, expected):
    # Decided by the value: an office's name is the source whatever the uploader label; an
    # account (a login, …管理员) or a person typed the page.
    page = f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>'
    assert _extract(page).source == expected


@pytest.mark.parametrize(
    "tool",
    [
        pytest.param("<span>字体：<a>大</a><a>中</a><a>小</a></span>", id="font-tool"),
        pytest.param("<span>字号：<a>大</a><a>中</a><a>小</a></span>", id="size-tool"),
        pytest.param("<span>【<a>打印</a>】</span>", id="print-in-brackets"),
        pytest.param("<span>〔关闭〕</span>", id="close-in-tortoise-brackets"),
        pytest.param("<span>分享到：</span>", id="share"),
        pytest.param("<span>浏览：<em>12</em></span>", id="views"),
        pytest.param("<span>责任编辑：刘晓</span>", id="responsible-editor"),
        pytest.param("<span>视力保护色：<a></a><a></a></span>", id="unknown-tool-label"),
    ],
)
@pytest.mark.parametrize("source", ["新华社", "县人民政府办公室", "人民日报客户端"])
def test_a_label_glued_after_the_source_ends_it(tool, source):
    info = f"<p><span>发布时间：2024-03-12</span><span>来源：{source}</span>{tool}</p>"
    page = f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>'
    assert _extract(page).source == source


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        pytest.param(
            "<p>【发布机构】东山县财政局　【发布日期】2024-04-01</p>",
            "东山县财政局",
            id="publisher-in-lenticular-brackets",
        ),
        pytest.param("<p>[来源]东山县财政局 [时间]2024-04-01</p>", "东山县财政局", id="square"),
        pytest.param(
            "<p>〔来源〕东山县财政局　〔日期〕2024-04-01</p>", "东山县财政局", id="tortoise"
        ),
        pytest.param(
            "<p>［信息来源］ 东山县财政局</p><p>2024-04-01</p>", "东山县财政局", id="full-width"
        ),
        pytest.param(
            "<p>【发布机构】东山县财政局　【发布日期】2024-04-01　【信息来源】东山县农业农村局</p>",
            "东山县农业农村局",
            id="laiyuan-after-the-publisher-on-one-line-wins",
        ),
    ],
)
def test_a_bracketed_label_with_its_value_after(info, expected):
    page = f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>'
    article = _extract(page)
    assert (article.source, article.published_at[:10]) == (expected, "2024-04-01")


def test_a_bracketed_date_label_picks_its_date():
    info = "<p>【成文日期】2024-03-28　【发布日期】2024-04-01　【发布机构】东山县财政局</p>"
    page = f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>'
    assert _extract(page).published_at[:10] == "2024-04-01"


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        pytest.param(
            "<p>来源：市发展改革委 市财政局　发布时间：2024-03-05</p>",
            "市发展改革委 市财政局",
            id="space-apart",
        ),
        pytest.param(
            "<p>来源：市发展改革委　市财政局　发布时间：2024-03-05</p>",
            "市发展改革委 市财政局",
            id="ideographic-space-as-one-space",
        ),
        pytest.param(
            "<p><span>来源：市发展改革委 市财政局</span><span>发布时间：2024-03-05</span></p>",
            "市发展改革委 市财政局",
            id="date-label-span-glued-on",
        ),
        pytest.param(
            "<p><span>来源：县农业农村局 县财政局 县林业局</span><span>日期：2024-03-05</span></p>",
            "县农业农村局 县财政局 县林业局",
            id="three-offices",
        ),
        pytest.param(
            "<p>来源：市发展改革委<br>市财政局<br>发布时间：2024-03-05</p>",
            "市发展改革委 市财政局",
            id="second-office-under-a-br",
        ),
        pytest.param(
            "<p><span>发布机构：市发展改革委、市财政局</span><span>发布时间：2024-03-05</span></p>",
            "市发展改革委、市财政局",
            id="dunhao-kept",
        ),
        pytest.param(
            '<p>来源：<a href="/a">市发展改革委</a> <a href="/b">市财政局</a> 发布时间：2024-03-05</p>',
            "市发展改革委 市财政局",
            id="two-links",
        ),
        pytest.param(
            "<p><span>来源：新华社 记者 王伟</span><span>日期：2024-03-05</span></p>",
            "新华社",
            id="a-reporter-is-no-second-office",
        ),
    ],
)
def test_two_issuing_offices_are_the_source_as_printed(info, expected):
    # Joined as printed: 、 or ， kept; white space between the names (a space, an ideographic
    # space, a <br>, two elements) as one space.
    page = f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>'
    assert _extract(page).source == expected


def test_an_empty_source_label_takes_what_the_pages_script_fills_it_with():
    page = (
        '<script>var articleInfo = {id: "2245", source: "市民政局社会救助科", pubDate: "2024-03-05 14:30"};</script>'
        '<h1>县农业农村局部署春季农业生产工作</h1><p>来源：<span id="src"></span> 发布时间：<span id="t"></span></p>'
        f'<div id="zoom">{_BODY}</div>'
    )
    article = _extract(page)
    assert article.source == "市民政局社会救助科"
    assert article.published_at == "2024-03-05T14:30:00+08:00"


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        pytest.param("（来源：县统计局综合股）", "县统计局综合股", id="source-credit"),
        pytest.param("（县妇联供稿）", "县妇联", id="supplied-credit"),
        pytest.param("（数据由县统计局提供）", None, id="a-figures-data-credit"),
    ],
)
def test_an_empty_source_label_takes_the_credit_closing_the_text(credit, expected):
    last = f"<p>全县春耕备耕工作有序推进，农资供应充足，技术服务到位，为夺取全年粮食丰收打下坚实基础。{credit}</p>"
    page = (
        "<h1>县农业农村局部署春季农业生产工作</h1><p>发布时间：2024-03-05 来源： 浏览次数：12</p>"
        f'<div id="zoom">{_BODY}{last}</div>'
    )
    assert _extract(page).source == expected


def test_a_whole_info_line_after_the_text_in_an_element_classed_bottom():
    page = (
        f'<h1>县农业农村局部署春季农业生产工作</h1><div id="zoom">{_BODY}</div>'
        '<div class="info-bottom">发布时间：2024-03-05 09:12 信息来源：县农业农村局种植业股 浏览次数：</div>'
        '<div class="footer"><p>主办：某某县人民政府办公室</p></div>'
    )
    assert _extract(page).source == "县农业农村局种植业股"


def test_a_client_rendered_pages_state_names_its_source():
    state = '<script>window.__APP_STATE__={"doc":{"title":"县农业农村局部署春季农业生产工作","source":"县农业技术推广中心"}};</script>'
    page = f'<h1>县农业农村局部署春季农业生产工作</h1><p>2024-03-05</p><div id="zoom">{_BODY}</div>'
    assert _extract(state + page).source == "县农业技术推广中心"
    # (A CMS's plain script variable the page never prints is no source.)
    plain = '<script>var source = "县农业技术推广中心";</script>'
    assert _extract(plain + page).source is None


def test_a_layout_tables_row_under_the_title_with_icon_labels_keeps_its_clock():
    page = (
        "<table><tr><td><h1>县农业农村局部署春季农业生产工作</h1></td></tr>"
        '<tr><td><img src="/i/clock.gif" alt=""> 2024-03-05 09:40 &nbsp; <img src="/i/from.gif" alt="">'
        ' 县农业农村局 &nbsp; <img src="/i/eye.gif" alt=""> <span id="hits">0</span></td></tr>'
        f'<tr><td id="zoom">{_BODY}</td></tr></table>'
    )
    assert _extract(page).published_at == "2024-03-05T09:40:00+08:00"


def test_the_info_lines_source_beats_the_tables_publisher():
    page = (
        "<table><tr><td>索引号</td><td>000014349/2024-00125</td><td>发布机构</td><td>青山县人民政府办公室</td></tr></table>"
        "<h1>县农业农村局部署春季农业生产工作</h1><p>来源：县发展和改革局 作者：经贸股 发布时间：2024-03-06 09:00</p>"
        f'<div id="zoom">{_BODY}</div>'
    )
    assert _extract(page).source == "县发展和改革局"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            '<dl><dt>From</dt><dd><a href="/org/health">Department of Health</a></dd><dt>Published on</dt><dd>5 March 2024</dd></dl>',
            "Department of Health",
            id="label-alone-value-next",
        ),
        pytest.param(
            '<p>From: <a href="/government/organisations/dfe">Department for Education</a> and <a href="/government/people/gillian-keegan">The Rt Hon Gillian Keegan MP</a></p>',
            "Department for Education",
            id="minister-dropped",
        ),
        pytest.param(
            '<p>From: <a href="/government/organisations/dft">Department for Transport</a> and <a href="/government/people/roads">The Roads Minister</a></p>',
            "Department for Transport",
            id="minister-by-office-dropped",
        ),
        pytest.param(
            '<p>From: <a href="/org/dhlc">Department for Housing</a>, <a href="/people/sos">Secretary of State for Housing</a> and <a href="/org/mod">Ministry of Defence</a></p>',
            "Department for Housing and Ministry of Defence",
            id="secretary-of-state-dropped-ministry-kept",
        ),
        pytest.param(
            '<p>From: <a href="/government/organisations/desnz">Department for Energy Security and Net Zero</a></p>',
            "Department for Energy Security and Net Zero",
            id="and-inside-a-name",
        ),
        # A minister or office holder by title is a person: a From: naming only people names no body.
        *(
            pytest.param(f"<p>Part of: Housing</p><p>From: {person}</p>", None, id=ident)
            for ident, person in [
                ("cabinet-secretary", "Cabinet Secretary for Social Justice"),
                ("first-minister", "First Minister"),
                ("two-titles", "Deputy First Minister and Cabinet Secretary for Finance"),
                ("portfolio-with-and", "Minister for Public Health and Women's Health"),
                ("portfolio-with-the", "Minister for the Public Service"),
                ("the-premier", "The Premier"),
                ("governor-by-name", "Governor Jane Smith"),
                ("minister-by-name", "The Rt Hon Jane Smith MP"),
                ("council-cabinet-member", "Cabinet Member for Communities"),
                ("council-leader", "The Leader of the Council"),
                ("councillor", "Councillor Jane Roe"),
            ]
        ),
        pytest.param("<p>From: Office of the Governor</p>", "Office of the Governor", id="office"),
        pytest.param(
            "<p>From: Minister for Housing and Department for Communities</p>",
            "Department for Communities",
            id="minister-before-the-department",
        ),
        pytest.param(
            "<dl><dt>Issued by</dt><dd>Westhaven Planning Service</dd></dl>",
            "Westhaven Planning Service",
            id="issued-by-label-cell",
        ),
        pytest.param(
            "<dl><dt>Source</dt><dd>Department of Housing</dd></dl>",
            "Department of Housing",
            id="source-label-cell",
        ),
        pytest.param(
            "<table><tr><th>Organisation</th><th>Location</th><th>Funding</th></tr>"
            "<tr><td>Westhaven Netball Club</td><td>Westhaven</td><td>$1,000</td></tr></table>",
            None,
            id="a-table-header-is-no-label-cell",
        ),
        pytest.param("<p>From: Scottish Government</p>", "Scottish Government", id="government"),
    ],
)
def test_english_from_lines(lines, expected):
    page = f'<h1>Minister publishes the plan</h1>{lines}<div class="body">{_EN_BODY}</div>'
    article = _extract(
        page,
        "https://www.example.gov.uk/news/plan",
        lang="en-GB",
        title="Minister publishes the plan",
    )
    assert article.source == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            "<p>March 5, 2024 (Tuesday)</p><p>18:30 HKT</p>{body}",
            "2024-03-05T18:30:00+08:00",
            id="time-line-under-the-date",
        ),
        pytest.param(
            "<p>March 5, 2024 (Tuesday)</p>{body}<p>Ends/Tuesday, March 5, 2024<br>Issued at HKT 18:30</p>",
            "2024-03-05T18:30:00+08:00",
            id="time-in-the-ends-line",
        ),
        pytest.param(
            "<p>March 5, 2024 (Tuesday)</p>{body}<p>Ends/Wednesday, March 6, 2024<br>Issued at HKT 09:30</p>",
            "2024-03-05",
            id="another-days-issued-at-lends-no-clock",
        ),
        pytest.param(
            "<p>March 5, 2024 (Tuesday)</p>{body}<p>Ends</p><p>Issued at HKT 18:30</p>",
            "2024-03-05T18:30:00+08:00",
            id="issued-at-alone-after-the-text",
        ),
        pytest.param(
            "<p>Date: March 5, 2024 (Tuesday)</p><p>Time: 18:30</p>{body}",
            "2024-03-05T18:30:00+08:00",
            id="labelled-time-line-under-the-date",
        ),
        pytest.param(
            "<p>March 5, 2024 (Tuesday)</p>{body}<p>时间：14:30</p>",
            "2024-03-05",
            id="a-bare-time-fact-after-the-text-lends-no-clock",
        ),
        pytest.param(
            "<p>2024年3月5日（星期二）</p>{body}<p>完</p><p>2024年3月5日（星期二）<br>香港時間18時30分</p>",
            "2024-03-05T18:30:00+08:00",
            id="chinese-hong-kong-time",
        ),
    ],
)
def test_a_hong_kong_date_takes_the_clock_printed_apart(lines, expected):
    page = "<h1>Minister publishes the plan</h1>" + lines.format(
        body=f'<div class="body">{_EN_BODY}</div>'
    )
    article = _extract(
        page,
        "https://www.info.gov.hk/gia/general/202403/05/P1.htm",
        lang="en",
        title="Minister publishes the plan",
    )
    assert article.published_at == expected


def test_a_time_element_just_under_the_heading_beats_a_meta_of_another_day():
    page = (
        '<meta property="article:published_time" content="2026-01-29T08:00:00+08:00">'
        '<h1>县农业农村局部署春季农业生产工作</h1><p><em>文化广电和旅游局</em><time datetime="2026-01-28T15:30:00+08:00">2026-01-28 15:30</time></p>'
        f'<div id="zoom">{_BODY}</div>'
    )
    article = _extract(page)
    assert article.published_at == "2026-01-28T15:30:00+08:00"
    assert article.source == "文化广电和旅游局"


def test_traditional_label_date_and_clock_in_glued_spans():
    page = (
        '<h1>县农业农村局部署春季农业生产工作</h1><div class="row"><span class="k">消息來源</span><span class="v">治安警察局</span></div>'
        '<div class="row"><span class="k">發佈日期</span><span class="v">2025-04-11</span><span class="v">20:15</span></div>'
        f'<div id="zoom">{_BODY}</div>'
    )
    article = _extract(page, lang="zh-MO")
    assert article.source == "治安警察局"
    assert article.published_at == "2025-04-11T20:15:00+08:00"


def test_a_press_conferences_facts_are_no_publish_time():
    page = (
        "<h1>县农业农村局部署春季农业生产工作</h1><p>2025-11-06 15:00　来源：区政府新闻办</p>"
        "<div><p>发布时间：2025年11月6日上午10:00</p><p>发布地点：区政府新闻发布厅</p><p>主持人：区政府新闻办 李丽</p></div>"
        f'<div id="zoom">{_BODY}</div>'
    )
    assert _extract(page).published_at == "2025-11-06T15:00:00+08:00"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        pytest.param("发布时间", "2024-04-18T15:00:00+08:00", id="fabu-shijian-is-the-publication"),
        pytest.param("时间", "2024-03-05", id="bare-shijian-is-the-event-s"),
        pytest.param("会议时间", "2024-03-05", id="huiyi-shijian-is-the-event-s"),
    ],
)
def test_a_press_conference_s_info_block_dates_the_page_by_its_fabu_shijian(label, expected):
    # (No info line of the page's own above: the block is the page's.)
    page = (
        "<h1>示例市2024年一季度经济运行情况新闻发布会</h1>"
        f"<div><p>{label}：2024-04-18 15:00</p><p>发布地点：市政府新闻发布厅</p>"
        "<p>发 布 人：市统计局局长 张明</p><p>来源：示例市政府新闻办</p></div>"
        f'<div id="zoom">{_BODY}</div>'
    )
    assert _extract(
        page, "https://www.example.gov.cn/xwfbh/202403/t20240305_1.html"
    ).published_at == (expected)


def test_a_page_tools_link_glued_after_the_source_is_no_part_of_it():
    page = f'<h1>县农业农村局部署春季农业生产工作</h1><p>发布时间：2024-03-05 来源：纳税服务科<a href="#">全部展开</a></p><div id="zoom">{_BODY}</div>'
    assert _extract(page).source == "纳税服务科"


def test_an_english_release_names_its_ministry_in_an_element_of_its_own():
    page = (
        '<h1>New wildfire training centre</h1><div class="meta"><span class="ministry"><a href="/m/forests">Ministry of Forests</a></span>'
        f'<span class="date">Thursday, March 14, 2024 10:30 AM</span></div><div class="body">{_EN_BODY}</div>'
    )
    article = _extract(
        page,
        "https://news.example.gov.bc.ca/r/1",
        lang="en-CA",
        title="New wildfire training centre",
    )
    assert article.source == "Ministry of Forests"


@pytest.mark.parametrize(
    ("info", "after", "expected"),
    [
        pytest.param(
            "",
            '<p>上一篇：县林业局开展春季植树活动</p><p>下一篇：县水利局部署防汛工作</p><div class="share">分享到：微信 微博</div>'
            '<div class="tools">【打印本页】【关闭窗口】</div><h3>相关文章</h3><ul><li><a href="/1">县林业局开展春季植树活动</a></li>'
            '<li><a href="/2">县财政局召开会议</a></li><li><a href="/3">县水利局部署防汛工作</a></li></ul>'
            '<div class="info">来源：县农业农村局　发布时间：2024-03-05</div>',
            "县农业农村局",
            id="info-line-after-the-texts-tools",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05</p>",
            "<p>（县农业农村局供稿）</p>",
            "县农业农村局",
            id="supplied-by",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05 来源：</p><p>县农业农村局</p>",
            "",
            "县农业农村局",
            id="value-in-next-block",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05　来源：　作者：县农业农村局</p>",
            "",
            None,
            id="empty-label-before-office-author-none",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05　来源：区财政局审核科　审核：王丽</p>",
            "",
            "区财政局审核科",
            id="role-word-in-office-name-then-role",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05　来源：县融媒体中心校对科</p>",
            "",
            "县融媒体中心校对科",
            id="role-word-in-office-name-jiaodui",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05　来源：县融媒体中心摄影 王丽</p>",
            "",
            "县融媒体中心",
            id="role-glued-on-with-a-name",
        ),
        pytest.param(
            # (An empty printed 来源 names no source, the 作者 beside it neither: the lead's ruling.)
            "<p>发布时间：2024-03-05　作者：县农业农村局　来源：</p>",
            "",
            None,
            id="empty-label-beside-office-author-none",
        ),
        pytest.param("<p>发布时间：2024-03-05　发布者：admin</p>", "", None, id="cms-login"),
        pytest.param(
            "<p><span>来源：</span><span>发布时间：2024-03-05</span></p>",
            "<p>来源：县农业农村局　责任编辑：王五</p>",
            "县农业农村局",
            id="an-empty-info-line-label-and-a-source-after-the-text",
        ),
        pytest.param(
            "<p><span>来源：</span><span>发布时间：2024-03-05</span></p>",
            '<div class="share"><span>来源：县农业农村局</span> 分享到：<a href="#">微信</a></div>',
            "县农业农村局",
            id="an-empty-info-line-label-and-a-source-in-the-share-bar",
        ),
        pytest.param(
            "<p><span>来源：</span><span>发布时间：2024-03-05</span></p>",
            "<p>责任编辑：王五　审核：赵六</p>",
            None,
            id="an-empty-label-and-an-editor-after-the-text",
        ),
        pytest.param(
            '<div class="info"><span>2024-03-05</span><span>县农业农村局</span><span>浏览：12</span></div>',
            "",
            "县农业农村局",
            id="office-in-glued-spans",
        ),
        pytest.param(
            "<p>石梁县融媒体中心 石梁发布 2025-08-21 19:02</p>",
            "<p>来源：石梁县文化和广电旅游体育局</p><p>编辑：林夏 审核：周明</p>",
            "石梁县文化和广电旅游体育局",
            id="labelled-after-the-body-beats-an-unlabelled-office",
        ),
        pytest.param(
            "<p><span>青山县人民政府</span> <span>2024-03-05</span></p>",
            "",
            None,
            id="the-sites-own-name",
        ),
    ],
)
def test_source_around_the_text(info, after, expected):
    page = f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>{after}'
    article = _extract(page, title="县农业农村局部署春季农业生产工作_青山县人民政府")
    assert article.source == expected


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        pytest.param(
            '<p><span>2024-03-05 10:21</span><span><i class="iconfont" title="来源"></i>新华社</span></p>',
            "新华社",
            id="icon-font-glyph-titled",
        ),
        pytest.param(
            "<p>发文机构：县农业农村局　发布时间：2024-03-05</p>", "县农业农村局", id="fawen-jigou"
        ),
        pytest.param(
            "<table><tr><td>公开单位</td><td>青山村村务监督委员会</td></tr><tr><td>公开时间</td><td>2024-03-05</td></tr></table>",
            "青山村村务监督委员会",
            id="gongkai-danwei-cell",
        ),
        pytest.param(
            "<p>来源：青山日报编辑部　发布时间：2024-03-05</p>",
            "青山日报编辑部",
            id="newsroom-bianjibu",
        ),
        pytest.param(
            "<p>發稿單位：衛生福利部　發布日期：2024-03-05</p>", "衛生福利部", id="fagao-danwei"
        ),
        pytest.param(
            "<p>撰稿单位：综合科　发布日期：2024-03-05</p>", "综合科", id="zhuangao-danwei"
        ),
        pytest.param(
            "<p>【 来源 】县农业农村局 【 时间 】2024-03-05</p>",
            "县农业农村局",
            id="bracketed-label",
        ),
        pytest.param(
            "<table><tr><td>来源</td><td>发布时间</td><td>浏览</td></tr><tr><td>县农业农村局</td><td>2024-03-05</td><td>12</td></tr></table>",
            "县农业农村局",
            id="label-row-over-value-row",
        ),
        pytest.param(
            "<table><tr><th>索引号</th><th>发布机构</th><th>发布日期</th><th>时效</th></tr>"
            "<tr><td>0001/2024-01</td><td>县农业农村局<br>县财政局</td><td>2024-03-05</td><td>有效</td></tr></table>",
            "县农业农村局 县财政局",
            id="label-row-with-a-column-of-the-sites-own-over-two-offices",
        ),
        pytest.param(
            "<p>来源：县融媒体中心 / 作者：王丽 / 编辑：李明 / 2024年03月05日 19:46:12</p>",
            "县融媒体中心",
            id="items-apart-by-spaced-slashes",
        ),
        pytest.param(
            "<p>来源：县融媒体中心/作者：王丽/2024-03-05</p>",
            "县融媒体中心",
            id="items-apart-by-slashes",
        ),
        pytest.param(
            "<h4>供稿：县市场监管局消费者权益保护股　　日期：2024-03-15</h4>",
            "县市场监管局消费者权益保护股",
            id="gonggao-an-office",
        ),
        pytest.param("<h4>供稿：王丽　　日期：2024-03-15</h4>", None, id="gonggao-a-person"),
        pytest.param(
            "<p>发布时间：2024-3-8 发布人：镇党政办 阅读：236次</p>",
            "镇党政办",
            id="faburen-an-office",
        ),
        pytest.param(
            "<p>发布时间：2024-3-8 发布人：李明 阅读：236次</p>", None, id="faburen-a-person"
        ),
        pytest.param(
            "<p><span>来源</span>&nbsp;<span>市市场监督管理局（市知识产权局）</span> 发布时间：2024-03-05</p>",
            "市市场监督管理局（市知识产权局）",
            id="no-colon-before-a-name-with-its-second-name-in-brackets",
        ),
        pytest.param(
            "<p>来源：<br>县农业农村局、县财政局&nbsp;&nbsp;发布时间：2024-03-05 10:21&nbsp;&nbsp;浏览次数：</p>",
            "县农业农村局、县财政局",
            id="value-under-its-label-then-the-other-items",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05 10:21　来源：<br>青山发布　【字号：大 中 小】</p>",
            "青山发布",
            id="closing-label-value-opening-the-next-line",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05 10:21　来源：</p><h2>县农业农村局部署春季工作</h2>",
            None,
            id="closing-empty-label-over-a-heading",
        ),
    ],
)
def test_more_source_labels(info, expected):
    page = f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>'
    assert _extract(page).source == expected


_LETTER_ROWS = (
    "<tr><td>来信人</td><td>王先生</td></tr><tr><td>来信时间</td><td>2024-02-20</td></tr>"
    "<tr><td>来信内容</td><td>我村道路破损，希望尽快修缮，方便群众出行。</td></tr><tr><td>{office}</td><td>县交通运输局</td></tr>"
    "<tr><td>答复时间</td><td>2024-03-05</td></tr><tr><td>答复内容</td><td>您好，已安排养护队于三月底前修复。</td></tr>"
)


@pytest.mark.parametrize("office", ["答复单位", "办理单位", "处理单位", "承办单位"])
@pytest.mark.parametrize(
    ("public", "expected"),
    [
        pytest.param("", "2024-02-20", id="written-not-answered"),
        pytest.param(
            "<tr><td>公开时间</td><td>2024-03-08</td></tr><tr><td>满意度</td><td>满意</td></tr>",
            "2024-03-08",
            id="public-time-after-the-reply",
        ),
        pytest.param(
            "<tr><td>公开日期</td><td>2024-03-07 09:12</td></tr>",
            "2024-03-07T09:12:00+08:00",
            id="public-date",
        ),
    ],
)
def test_a_letter_is_published_when_made_public_and_names_no_source(office, public, expected):
    # (The office that answered it is a step of its handling, as 来信人 names its writer; a
    # letter printing no 公开时间 is dated by its 来信时间, never by its reply.)
    table = f"<table>{_LETTER_ROWS.format(office=office)}{public}</table>"
    article = _extract(
        f'<h1>关于村道修缮的咨询</h1><div class="content">{table}</div>', title="关于村道修缮的咨询"
    )
    assert (article.source, article.published_at) == (None, expected)


@pytest.mark.parametrize("office", ["答复单位", "办理单位", "承办单位"])
@pytest.mark.parametrize(
    "title", ["关于县十八届人大二次会议第36号建议的答复", "对县政协第12号提案的答复"]
)
@pytest.mark.parametrize(
    "site",
    ["", "<div class=footer>主办：县交通运输局</div>"],
    ids=["portal", "the-offices-own-site"],
)
def test_a_proposal_reply_is_the_answering_offices_own_text(office, title, site):
    # (Unlike a 领导信箱 letter, a 建议提案答复 is the office's own letter to the deputy: with no
    # 来源 printed, its record's answering office is the source, on its own site too.)
    table = f"<table><tr><td>{office}</td><td>县交通运输局</td><td>答复日期</td><td>2024-03-05</td></tr></table>"
    article = _extract(
        f'{table}<h1>{title}</h1><div class="content"><p>王某代表：</p><p>{_BODY}</p></div>{site}',
        title=title,
    )
    assert article.source == "县交通运输局"


def test_a_letters_handling_office_beside_its_status_is_no_source_its_reply_no_date():
    table = (
        "<table><tr><td>来信人</td><td>张**</td><td>来信时间</td><td>2024-07-16 22:41:07</td></tr>"
        "<tr><td>来信内容</td><td colspan=3>小区东侧工地夜间施工噪音扰民，希望有关部门加强监管。</td></tr>"
        "<tr><td>办理状态</td><td>已办结</td><td>处理单位</td><td>市生态环境局</td></tr>"
        "<tr><td>回复时间</td><td colspan=3>2024-07-19 16:05:33</td></tr></table>"
        "<div>您好！经现场核查，已责令施工单位23时后停止高噪声作业，并依法立案调查。</div>"
    )
    article = _extract(
        f'<h1>小区周边夜间施工噪音扰民问题</h1><div class="content">{table}</div>',
        title="小区周边夜间施工噪音扰民问题",
    )
    assert (article.source, article.published_at) == (None, "2024-07-16T22:41:07+08:00")


def test_a_yearless_publish_date_in_a_box_after_the_text():
    page = (
        f'<h1>县农业农村局部署春季农业生产工作</h1><div id="zoom">{_BODY}<p>县农业农村局</p><p>2024年11月30日</p></div>'
        "<aside><dl><dt>发布单位</dt><dd>县农业农村局</dd><dt>发布日期</dt><dd>12-01</dd></dl></aside>"
    )
    assert _extract(page).published_at == "2024-12-01"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param("<p>Sumber: Jabatan Penerangan</p>", "Jabatan Penerangan", id="malay-sumber"),
        pytest.param(
            "<p>Agency: Department of Transport</p>", "Department of Transport", id="agency"
        ),
        pytest.param(
            "<aside><h3>Released by</h3><p>Department of the Premier</p></aside>",
            "Department of the Premier",
            id="released-by",
        ),
        pytest.param(
            "<aside><h3>Released by</h3><p>Premier of the State</p></aside>",
            None,
            id="released-by-a-premier-is-a-person",
        ),
    ],
)
def test_english_and_malay_source_labels(lines, expected):
    page = f'<h1>Minister publishes the plan</h1>{lines}<div class="body">{_EN_BODY}</div>'
    article = _extract(
        page, "https://www.example.gov.my/news/plan", lang="en", title="Minister publishes the plan"
    )
    assert article.source == expected


def test_a_date_just_over_the_heading_beats_a_meta_of_another_day():
    page = (
        '<meta name="DC.date" content="2024-03-07"><nav><a href="/">Home</a><a href="/news">News</a></nav>'
        "<p>5 March 2024 | Joint News Release | Reading time: 3 minutes</p>"
        f'<h1>Joint funding for regional hospitals</h1><div class="body">{_EN_BODY}</div>'
    )
    article = _extract(
        page,
        "https://www.premier.example.gov.au/news/1",
        lang="en-AU",
        title="Joint funding for regional hospitals",
    )
    assert article.published_at == "2024-03-05"


def test_a_last_updated_stamp_atop_the_text_dates_a_page_that_shows_no_other():
    table = (
        "<table><tr><th>Community</th><th>Advisory</th></tr>"
        + "".join(f"<tr><td>Town {n}</td><td>Boil water</td></tr>" for n in range(6))
        + "</table>"
    )
    page = (
        '<h1>Current drinking water advisories</h1><div class="field-item"><p>The advisories below are in effect for public water systems.</p>'
        f"<p><strong>Last updated: September 6, 2019</strong></p>{table}</div>"
    )
    article = _extract(
        page,
        "https://www.water.example.gov/advisories",
        lang="en-US",
        title="Current drinking water advisories | Agency",
    )
    assert article.published_at == "2019-09-06"


def test_a_labelled_date_written_as_one_number():
    page = f'<h1>县农业农村局部署春季农业生产工作</h1><p>发布日期：20240305　来源：县农业农村局</p><div id="zoom">{_BODY}</div>'
    assert _extract(page).published_at == "2024-03-05"


def test_a_label_row_over_a_value_row_dates_the_page_by_its_publish_column():
    table = (
        "<table><tr><th>索引号</th><th>发布机构</th><th>成文日期</th><th>发布日期</th><th>时效</th></tr>"
        "<tr><td>0001/2024-01</td><td>县农业农村局</td><td>2024-02-26</td><td>2024-03-05</td>"
        "<td>现行有效</td></tr></table>"
    )
    page = f'{table}<h1>县农业农村局部署春季农业生产工作</h1><div id="zoom">{_BODY}<p>2024年2月26日</p></div>'
    assert _extract(page).published_at == "2024-03-05"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param('"2024-03-05 10:32:15".substring(0,16)', "2024-03-05T10:32", id="substring"),
        pytest.param("pubtime.substr(0,10)", "2024-03-05", id="substr-of-a-variable"),
        pytest.param('pubtime.split(" ")[0]', "2024-03-05", id="split"),
    ],
)
def test_a_time_a_script_writes_through_a_string_method(written, expected):
    info = (
        '<p>发布时间：<script>var pubtime="2024-03-05 10:32:15";'
        f"document.write({written});</script> 来源：县农业农村局</p>"
    )
    article = _extract(
        f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>',
        "https://www.example.gov.cn/art/2024/3/5/t20240305_1.html",
    )
    assert article.published_at.startswith(expected)


@pytest.mark.parametrize(
    "card",
    [
        '<div class="date"><span>05</span><span>2024.03</span></div>',
        '<div class="date"><div>2024-03</div><div>05</div></div>',
    ],
    ids=["day-glued-to-year-month", "year-month-over-day-on-two-lines"],
)
def test_a_calendar_card_beside_the_heading_dates_the_page(card):
    rows = "".join(
        f'<li><span>1{n}</span><span>2024.02</span><a href="/a/{n}.html">县{n}号通知</a></li>'
        for n in range(4)
    )
    page = (
        f"{card}<h1>县农业农村局部署春季农业生产工作</h1><p>来源：县农业农村局</p>"
        f'<div id="zoom">{_BODY}</div><ul>{rows}</ul>'
    )
    assert _extract(page).published_at == "2024-03-05"


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        pytest.param(
            "<p>（来源：市市场监督管理局（市知识产权局））</p>",
            "市市场监督管理局（市知识产权局）",
            id="credit-line-keeps-the-names-own-brackets",
        ),
        pytest.param(
            "<p>全县春播进度快于上年同期。（来源：市市场监督管理局（市知识产权局））</p>",
            "市市场监督管理局（市知识产权局）",
            id="credit-ending-the-last-paragraph-with-nested-brackets",
        ),
        pytest.param(
            "<p>（县农业农村局、县财政局供稿）</p>",
            "县农业农村局、县财政局",
            id="two-offices-supplying-it",
        ),
        pytest.param(
            "<p>（“健康青山”微信公众号供稿）</p>",
            "“健康青山”微信公众号",
            id="an-account-supplying-it",
        ),
    ],
)
def test_a_credit_closing_the_text_names_the_source(closing, expected):
    page = (
        "<h1>县农业农村局部署春季农业生产工作</h1><p>发布时间：2024-03-05 10:21</p>"
        f'<div id="zoom">{_BODY}{closing}</div>'
    )
    assert _extract(page).source == expected


@pytest.mark.parametrize(
    ("meta", "info"),
    [
        pytest.param(
            '<meta name="ContentSource" content="青山县人民政府">',
            "<p>发布时间：2024-03-05 10:21</p>",
            id="meta-names-the-title-tags-site",
        ),
        pytest.param(
            '<meta name="source" content="青山县人民政府网">',
            "<p>发布时间：2024-03-05 10:21</p>",
            id="meta-names-the-site-with-wang",
        ),
        pytest.param(
            "",
            "<p><span>2024-03-05</span> <span>青山县人民政府网</span></p>",
            id="unlabelled-site-name-with-wang-beside-the-date",
        ),
    ],
)
def test_the_sites_own_name_is_no_source(meta, info):
    page = (
        f'<html><head><meta charset="utf-8">{meta}<title>县农业农村局部署春季农业生产工作_青山县人民政府'
        f"</title></head><body><h1>县农业农村局部署春季农业生产工作</h1>{info}"
        f'<div id="zoom">{_BODY}</div><div class="foot">主办：青山县人民政府办公室</div></body></html>'
    ).encode()
    assert extract_article(page, "https://www.qs.gov.cn/art/1.html").source is None


def test_a_conferences_bare_time_fact_under_the_info_line_is_not_the_publish_time():
    page = (
        "<h1>市政府新闻办举行全市经济运行情况新闻发布会</h1>"
        "<p>发布时间：2024.03.05 10:30　【字号：大 中 小】【打印】</p>"
        '<div id="zoom"><p>时间：2024年3月5日上午10:00</p><p>地点：市政府新闻发布厅</p>'
        f"<p>发布人：市统计局局长 王明</p><p>主持人：市政府新闻办副主任 李华</p>{_BODY}</div>"
    )
    assert _extract(page).published_at == "2024-03-05T10:30:00+08:00"


def _record(rows: list[tuple[str, str]], header_row: bool = False) -> str:
    if header_row:
        table = (
            "<tr>"
            + "".join(f"<th>{k}</th>" for k, _ in rows)
            + "</tr><tr>"
            + "".join(f"<td>{v}</td>" for _, v in rows)
            + "</tr>"
        )
    else:
        table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return (
        f"<h1>县农业农村局关于做好春季农业生产工作的通知</h1><table>{table}</table>"
        f'<div id="zoom">{_BODY}<p>县农业农村局</p><p>2024年2月26日</p></div>'
    )


def test_a_label_rows_publisher_is_read_from_the_value_row_under_it():
    rows = [("索引号", "0001/2024-01"), ("发布机构", "县农业农村局"), ("生效日期", "2024-04-01"),
            ("文号", "青农发〔2024〕5号"), ("发布日期", "2024-03-05")]  # fmt: skip
    article = _extract(_record(rows, header_row=True))
    assert (article.source, article.published_at) == ("县农业农村局", "2024-03-05")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [("发布机构", "县农业农村局"), ("生成日期", "2024-02-27"), ("发布日期", "2024-03-05")],
            "2024-03-05",
            id="publish-date-beats-a-generated-date-above-it",
        ),
        pytest.param(
            [("责任部门", "县农业农村局"), ("生成日期", "2024-02-27")],
            "2024-02-27",
            id="a-generated-date-alone-dates-the-record",
        ),
    ],
)
def test_a_records_generated_date_only_without_a_publish_date(rows, expected):
    assert _extract(_record(rows)).published_at == expected


def _record_above(rows: list[tuple[str, str]], info: str = "") -> str:
    cells = "".join(
        f"<tr><th>{rows[i][0]}</th><td>{rows[i][1]}</td>"
        + (f"<th>{rows[i + 1][0]}</th><td>{rows[i + 1][1]}</td>" if i + 1 < len(rows) else "")
        + "</tr>"
        for i in range(0, len(rows), 2)
    )
    return (
        f'<table class="xxgk">{cells}</table><div class="tools">【字体：大 中 小】</div>'
        '<div class="share">分享到：<a href="#">微信</a></div>'
        f"<h1>县农业农村局关于做好春季农业生产工作的通知</h1>{info}"
        f'<div id="zoom">{_BODY}<p>县农业农村局</p><p>2024年2月26日</p></div>'
    )


_RECORD_ROWS = [("索引号：", "0001/2024-01"), ("公开方式：", "主动公开"), ("文号：", "青农发〔2024〕5号"),
                ("主题分类：", "农业"), ("有效性：", "有效"), ("发布日期：", "2024-03-05")]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "info", "expected"),
    [
        pytest.param(
            [("信息来源：", "县农业农村局种植业股"), ("所属机构：", "青山县农业农村局")],
            "",
            "县农业农村局种植业股",
            id="a-source-row-beats-the-office-the-record-belongs-to",
        ),
        pytest.param(
            [("信息来源", "县农业农村局种植业股")],
            '<div class="info">来源： 浏览次数：12</div>',
            "县农业农村局种植业股",
            id="an-empty-info-line-source-takes-the-tables-row",
        ),
        pytest.param(
            [("信息来源：", "县农业农村局种植业股")],
            '<div class="info">来源：县融媒体中心</div>',
            "县融媒体中心",
            id="the-info-lines-source-comes-first",
        ),
        pytest.param(
            [("所属机构：", "青山县农业农村局")],
            "",
            "青山县农业农村局",
            id="the-office-it-belongs-to",
        ),
        pytest.param(
            [("所属部门：", "青山县农业农村局")],
            "",
            "青山县农业农村局",
            id="the-department-it-belongs-to",
        ),
    ],
)
def test_a_record_tables_source_rows_above_the_title(rows, info, expected):
    assert _extract(_record_above(rows + _RECORD_ROWS, info)).source == expected


@pytest.mark.parametrize(
    "above",
    [
        pytest.param(
            "<table><tr><td>更新时间：2024/3/5 16:48:21</td></tr></table>",
            id="a-row-over-the-title",
        ),
        pytest.param(
            '<div class="pos"><span>更新时间：2024-03-05 16:48</span>当前位置：<a href="/">首页</a>'
            ' &gt; <a href="/gzdt/">工作动态</a></div><div>【字体：大 中 小】</div>',
            id="the-breadcrumb-bars-end",
        ),
    ],
)
def test_an_update_time_just_above_the_heading_dates_a_page_that_shows_no_other(above):
    page = f"{above}<h1>县农业农村局部署春季农业生产工作</h1><div id='zoom'>{_BODY}</div>"
    assert _extract(page).published_at.startswith("2024-03-05T16:48")


def test_a_publish_time_under_the_heading_beats_an_update_time_above_it():
    page = (
        "<div>更新时间：2024-03-07</div><h1>县农业农村局部署春季农业生产工作</h1>"
        f"<div class='info'>发布时间：2024-03-05 10:00</div><div id='zoom'>{_BODY}</div>"
    )
    assert _extract(page).published_at == "2024-03-05T10:00:00+08:00"


@pytest.mark.parametrize(
    ("info", "lang", "expected"),
    [
        pytest.param(
            "<dl><dt>发布时间</dt><dd><div>2024年03月08日</div><div>17:26</div></dd></dl>",
            "zh-CN",
            "2024-03-08T17:26:00+08:00",
            id="dd-of-two-divs",
        ),
        pytest.param(
            "<div>发布时间：2024-03-08<br>下午5:26</div>",
            "zh-CN",
            "2024-03-08T17:26:00+08:00",
            id="clock-after-a-br",
        ),
        pytest.param(
            "<p class='date'>March 8, 2024</p><p class='time'>5:26 PM</p>",
            "en-US",
            "2024-03-08T17:26:00-05:00",
            id="english-twelve-hour-clock",
        ),
    ],
)
def test_a_date_and_its_clock_on_two_lines_are_one_time(info, lang, expected):
    page = f'<h1>County farm office plans spring work</h1><div class="meta">{info}</div><div id="zoom">{_BODY}</div>'
    article = _extract(page, "file:///tmp/a.html", lang=lang)
    assert article.published_at == expected


@pytest.mark.parametrize(
    "credit",
    [
        pytest.param('<p class="image-source">Photo: Office of the Governor</p>', id="photo"),
        pytest.param(
            '<figcaption class="source">Governor Whitcomb in Erie</figcaption>', id="figcaption"
        ),
        pytest.param(
            '<span class="img-source">图片来源：县融媒体中心</span>', id="chinese-picture-credit"
        ),
    ],
)
def test_a_pictures_credit_in_an_element_marked_source_is_no_source(credit):
    page = (
        f"<h1>New funding for rural clinics announced</h1><figure><img src='a.jpg'>{credit}</figure>"
        "<p class='date'>March 5, 2025</p><div class='body'>"
        + "".join(
            f"<p>The department announced new funding for rural clinics, part {n}.</p>"
            for n in range(6)
        )
        + "</div>"
    )
    assert _extract(page, "file:///tmp/a.html", lang="en-US", title="New funding").source is None


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        pytest.param(
            "<span>来源：县住房和城乡建设局</span><span>解读人：王建国</span>",
            "县住房和城乡建设局",
            id="interpreter",
        ),
        pytest.param(
            "<span>来源：县妇联</span><span>联系人：王建国</span>", "县妇联", id="contact-person"
        ),
        pytest.param(
            "<span>来源：县农业农村局办公室</span><span>联系电话：0731-1234567</span>",
            "县农业农村局办公室",
            id="contact-phone",
        ),
        pytest.param(
            "<span>来源：县融媒体中心</span><span>主编：王建国</span>",
            "县融媒体中心",
            id="chief-editor",
        ),
    ],
)
def test_a_roles_label_glued_after_the_office_ends_it(info, expected):
    assert _info(info + "<span>发布时间：2024-03-05</span>").source == expected


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        # (Printed verbatim, as the owners' corpus labels it: the lead's ruling, 5th session.)
        pytest.param("来源：本网　发布时间：2024-03-05", "本网", id="the-site-as-this-net"),
        pytest.param("来源：本站 发布时间：2024-03-05", "本站", id="the-site-as-this-station"),
        pytest.param("来源：本站原创 发布时间：2024-03-05", "本站原创", id="the-sites-own-work"),
        pytest.param("来源：本网原创 发布时间：2024-03-05", "本网原创", id="the-nets-own-work"),
        pytest.param(
            "来源：本网 作者：县农业农村局 发布时间：2024-03-05", "本网", id="an-office-beside-it"
        ),
        pytest.param(
            "来源：青山县人民政府网 发布时间：2024-03-05",
            "青山县人民政府网",
            id="the-sites-own-name-printed",
        ),
        pytest.param(
            "<span>来源：归集管理科 --</span><span>发布时间：2024-03-05</span>",
            "归集管理科",
            id="dashes",
        ),
        pytest.param("来源：归集管理科 —— 发布时间：2024-03-05", "归集管理科", id="em-dashes"),
        pytest.param("来源：归集管理科 - 发布时间：2024-03-05", "归集管理科", id="one-hyphen"),
        pytest.param(
            "来源：人民网-人民日报 发布时间：2024-03-05", "人民网-人民日报", id="a-hyphen-inside"
        ),
    ],
)
def test_the_site_by_a_pronoun_or_its_name_printed_verbatim_and_separators_after_it(info, expected):
    assert _info(info).source == expected


_RELEASE_TEXT = "".join(
    f"<p>{t}</p>"
    for t in (
        "The Administration today announced $18.6 million in grants to community health centers to expand behavioral health services for children and families.",
        "The grants will help health centers hire licensed clinicians and expand same-day and evening appointments across the state.",
    )
)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        pytest.param(
            "<div>For immediate release:</div><div>3/05/2024</div><div>Executive Office of Health and Human Services</div>",
            "Executive Office of Health and Human Services",
            id="office-under-the-date",
        ),
        pytest.param(
            "<div>Office of the Governor</div><div>March 5, 2024</div>",
            "Office of the Governor",
            id="office-over-the-date",
        ),
        pytest.param(
            "<div>March 5, 2024</div><div>Department of Health</div>", None, id="the-portal"
        ),
        pytest.param(
            "<div>5 March 2024</div><div>Minister for Health</div>", None, id="a-minister"
        ),
        pytest.param(
            '<div>March 5, 2024</div><div><a href="/o">Office of the Governor</a></div>',
            None,
            id="a-linked-organisation",
        ),
        pytest.param(
            "<div>By Public Information Office</div><div>March 5, 2024</div>", None, id="a-byline"
        ),
        pytest.param(
            "<div>FOR IMMEDIATE RELEASE</div><div>March 5, 2024</div>", None, id="no-office"
        ),
    ],
)
def test_an_english_release_s_office_beside_its_date(status, expected):
    page = (
        '<html lang="en"><head><title>Grants expand behavioral health care | Department of Health</title></head>'
        '<body><header><a href="/">Department of Health</a></header><h1>Grants expand behavioral health care</h1>'
        f'<section class="status">{status}</section><div class="body">{_RELEASE_TEXT}</div></body></html>'
    )
    article = extract_article(page.encode(), "https://health.example.gov/news/1")
    assert (article.source, article.published_at) == (expected, "2024-03-05")


_AFTER_TEXT = (
    '<div class="attach"><p>附件：</p><p><a href="/f/1.pdf">1.实施方案.pdf</a></p>'
    '<p><a href="/f/2.xlsx">2.项目清单.xlsx</a></p></div>'
    "<div><a>【打印本页】</a><a>【关闭窗口】</a></div><div>分享到：<a>微信</a><a>微博</a></div>"
    '<div><p>上一篇：<a href="/p">县林业局开展春季造林绿化</a></p>'
    '<p>下一篇：<a href="/n">县水利局部署防汛工作</a></p></div>'
)


@pytest.mark.parametrize(
    "attributes",
    [
        pytest.param(
            "<div><h4>【信息公开属性】</h4><div>索引号：001/2024-0012</div><div>发文机关：县农业农村局</div>"
            "<div>成文日期：2024年03月01日</div><div>公开日期：2024年03月05日</div></div>",
            id="div-rows",
        ),
        pytest.param(
            "<table><tr><td>索引号：</td><td>001/2024-0012</td><td>发布机构：</td><td>县农业农村局</td></tr>"
            "<tr><td>成文日期：</td><td>2024-03-01</td><td>发布日期：</td><td>2024-03-05</td></tr></table>",
            id="table",
        ),
    ],
)
def test_a_records_attributes_below_its_attachments_and_tools(attributes):
    page = (
        '<html><head><meta charset="utf-8"><meta name="PubDate" content="2024-03-08 16:00">'
        "<title>县农业农村局部署春季农业生产工作</title></head><body>"
        f'<h1>县农业农村局部署春季农业生产工作</h1><div id="zoom">{_BODY}</div>{_AFTER_TEXT}{attributes}'
        "</body></html>"
    )
    article = extract_article(page.encode(), "https://www.example.gov.cn/a/1.html")
    assert (article.source, article.published_at) == ("县农业农村局", "2024-03-05")


def test_a_letter_s_public_time_further_down_its_record_dates_it():
    rows = (
        "<tr><td>信件标题</td><td colspan=3>关于村道修缮的咨询</td></tr>"
        "<tr><td>来信人</td><td>王**</td><td>来信时间</td><td>2024-02-20 09:14</td></tr>"
        f"<tr><td>来信内容</td><td colspan=3>{_BODY}</td></tr>"
        "<tr><td>答复单位</td><td>县交通运输局</td><td>答复时间</td><td>2024-03-05 16:30</td></tr>"
        f"<tr><td>答复内容</td><td colspan=3>{_BODY}</td></tr>"
        "<tr><td>公开时间</td><td>2024-03-06</td><td>满意度</td><td>满意</td></tr>"
    )
    article = _extract(
        f"<h1>关于村道修缮的咨询</h1><table>{rows}</table>", title="关于村道修缮的咨询"
    )
    assert (article.source, article.published_at) == (None, "2024-03-06")


def test_a_teasers_title_ending_with_a_label_word_labels_no_date():
    teasers = "".join(
        f'<li><a href="/n/{n}">Planning committee agenda published</a><div>March 2{n}, 2025</div></li>'
        for n in range(4, 8)
    )
    page = (
        '<html lang="en"><head><title>Grants expand crisis teams | Department of Health</title></head><body>'
        f"<aside><h2>Latest news</h2><ul>{teasers}</ul></aside><h1>Grants expand crisis teams</h1>"
        '<div class="date">June 3, 2025</div><div class="body"><p>The Department of Health today awarded '
        "$6.2 million in grants to expand mobile mental health crisis teams to 14 rural counties.</p>"
        "<p>The teams pair a licensed clinician with a peer support specialist.</p></div></body></html>"
    )
    article = extract_article(page.encode(), "https://health.example.gov/news/2")
    assert article.published_at == "2025-06-03"


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("20240305102100", "2024-03-05T10:21:00+08:00"),
        ("20240305", "2024-03-05"),
        ("20240228000173", None),  # no date: a 73rd second
    ],
)
def test_a_meta_date_written_as_one_number(stamp, expected):
    page = (
        '<html lang="zh-CN"><head><meta charset="utf-8"><title>县农业农村局部署春季农业生产工作</title>'
        f'<meta name="PubDate" content="{stamp}"></head><body>'
        f'<h1>县农业农村局部署春季农业生产工作</h1><div id="zoom">{_BODY}</div></body></html>'
    )
    assert extract_article(page.encode(), "file:///tmp/a.html").published_at == expected


@pytest.mark.parametrize(
    ("elsewhere", "expected"),
    [
        ('<div class="m-info">2024-03-05 10:21:00 县农业农村局</div>', "2024-03-05T10:21:00+08:00"),
        ('<div class="m-info">2024-03-06 10:21:00 县农业农村局</div>', "2024-03-05"),  # another day
        # (another page's row, an event's time: no clock of this page's date)
        (
            '<ul><li><a href="/a/2.html">县召开春耕会</a></li><li>2024-03-05 09:00</li></ul>',
            "2024-03-05",
        ),
        ("<p>会议时间：2024-03-05 14:30</p>", "2024-03-05"),
    ],
)
def test_a_shown_date_without_its_clock_takes_the_same_days_clock_printed_elsewhere(
    elsewhere, expected
):
    page = (
        '<div class="nav"><a href="/">首页</a><a href="/xw/">新闻</a><a href="/gk/">公开</a></div>'
        '<div class="time"><span class="year">2024</span> <span class="day">03/05</span></div>'
        f'<h1>县农业农村局部署春季农业生产工作</h1><div id="zoom">{_BODY}</div>{elsewhere}'
    )
    assert _extract(page, "file:///tmp/a.html").published_at == expected


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        # (A minister is the release's author, no issuing office: every judge labels these none.)
        ('<div class="release__minister"><a href="/m/1">Hon Jane Doe</a></div>', None),
        ('<div class="field-minister">The Hon Jane Doe MP, Minister for Housing</div>', None),
        (
            '<div class="media-release__author"><p>The Hon. Jane Doe MP</p>'
            "<p>Minister for Transport and the Public Service</p></div>",
            None,  # (a portfolio naming a Service is still a minister's)
        ),
        (
            '<div class="field--name-field-ministers"><a href="/m/1">Hon Jane Doe</a>'
            '<a href="/m/2">Hon John Roe</a></div>',
            None,  # a joint release: no one source
        ),
        (
            '<p class="news-release__author"><a href="/region-6">EPA Region 6</a></p>',
            "EPA Region 6",
        ),
        (
            '<p class="news-release__author">Office of Water, Region 3</p>',
            "Office of Water, Region 3",
        ),
        (
            '<div class="byline">By <span class="author">Public Information Office</span></div>',
            None,
        ),
        ('<p class="author">Jane Doe, NOAA Fisheries</p>', None),
        (
            '<span class="byline"> by <span class="author vcard"><a href="/author/1">Press Office</a></span></span>',
            None,
        ),
    ],
)
def test_an_english_release_s_author_office_is_its_source_a_minister_or_byline_no(meta, expected):
    text = "".join(
        f"<p>Paragraph {n}: the new funding will help rural communities keep local clinics open and staffed.</p>"
        for n in range(1, 5)
    )
    page = f'<h1>New funding for rural clinics</h1><div class="meta">{meta}<time>5 March 2024</time></div><div class="body">{text}</div>'
    article = _extract(
        page,
        "https://www.example.govt.nz/release/1",
        lang="en",
        title="New funding for rural clinics",
    )
    assert article.source == expected


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        pytest.param(
            "<p>作者：县农业农村局　发布时间：2024-03-05</p>", "县农业农村局", id="office"
        ),
        pytest.param("<p>作者：王丽　发布时间：2024-03-05</p>", None, id="person"),
        pytest.param("<p>作者：本网记者 王丽　发布时间：2024-03-05</p>", None, id="reporter"),
        pytest.param(
            "<p>作者：区发改局 王磊　发布时间：2024-03-05</p>", "区发改局", id="office-then-writer"
        ),
        pytest.param(
            "<p>作者：县农业农村局、县财政局　发布时间：2024-03-05</p>",
            "县农业农村局、县财政局",
            id="two-offices-dunhao",
        ),
        pytest.param(
            "<p>作者：县农业农村局 县财政局 王丽　发布时间：2024-03-05</p>",
            "县农业农村局 县财政局",
            id="two-offices-then-writer",
        ),
        pytest.param(
            "<p>作者：县农业农村局供稿　发布时间：2024-03-05</p>",
            "县农业农村局",
            id="gonggao-glued",
        ),
        pytest.param(
            "<table><tr><td>作者</td><td>县农业农村局</td><td>发布时间</td><td>2024-03-05</td></tr></table>",
            "县农业农村局",
            id="label-cell-without-colon",
        ),
        pytest.param(
            "<p>发布时间：2024-03-05</p><p>作者：</p><p>县农业农村局</p>",
            "县农业农村局",
            id="label-alone-value-below",
        ),
        pytest.param("<p>作者 教务处　发布时间：2024-03-05</p>", None, id="byline-without-colon"),
        pytest.param(
            "<p>来源：　作者：区发改局 王磊　发布时间：2024-03-05</p>",
            None,
            id="beside-an-empty-laiyuan",
        ),
        pytest.param(
            "<p>来源：县融媒体中心　作者：县农业农村局　发布时间：2024-03-05</p>",
            "县融媒体中心",
            id="beside-a-laiyuan",
        ),
    ],
)
def test_an_author_is_the_source_only_as_offices_on_an_info_line_without_laiyuan(info, expected):
    page = f'<h1>县农业农村局部署春季农业生产工作</h1>{info}<div id="zoom">{_BODY}</div>'
    assert _extract(page).source == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param(
            "<p>For Immediate Release</p><p>U.S. Attorney's Office, Northern District of Somewhere</p>",
            "U.S. Attorney's Office, Northern District of Somewhere",
            id="us-attorney",
        ),
        pytest.param(
            "<p>FOR IMMEDIATE RELEASE</p><p>Office of Public Affairs</p>",
            "Office of Public Affairs",
            id="public-affairs",
        ),
        pytest.param(
            "<p>FOR IMMEDIATE RELEASE</p><p>March 5, 2024</p><p>Office of the Governor</p>",
            "Office of the Governor",
            id="date-between",
        ),
        pytest.param(
            "<div class='node-component'>Component(s): Civil Rights Division</div>",
            "Civil Rights Division",
            id="component-field",
        ),
        pytest.param("<p>FOR IMMEDIATE RELEASE</p><p>Governor Jane Smith</p>", None, id="person"),
        pytest.param(
            "<p>FOR IMMEDIATE RELEASE</p><p>By Jane Doe, Public Affairs Office</p>",
            None,
            id="byline",
        ),
        pytest.param(
            "<p>FOR IMMEDIATE RELEASE</p><p>Contact: Jane Doe, 555-0100</p>", None, id="contact"
        ),
    ],
)
def test_a_us_release_s_office_line_under_for_immediate_release_is_its_source(header, expected):
    page = (
        "<h1>Two Men Sentenced for Operating a Catalytic Converter Theft Ring</h1>"
        "<p>Tuesday, March 5, 2024</p>" + header + "<div class='body'><p>RIVERTON – Two men were "
        "sentenced today to a combined 11 years in federal prison for running a theft ring.</p>"
        "<p>The case was investigated by the FBI and the Riverton Police Department.</p></div>"
    )
    article = _extract(page, lang="en", title="Two Men Sentenced | Justice")
    assert article.source == expected  # (the fixture pages show the body without the line)


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        pytest.param("", "2024-03-05T10:30:00+00:00", id="under-a-menu-s-last-link"),
        pytest.param(
            '<ul class="related"><li><a href="/n/1">Older news item about the library</a>'
            "<br><span>5 March 2024 10:30</span></li></ul>",
            None,
            id="a-list-row-s-date",
        ),
    ],
)
def test_a_date_line_just_over_the_heading_under_a_menu_is_the_release_s(between, expected):
    menu = "".join(f'<li><a href="/n/{n}">Menu item {n}</a></li>' for n in range(4))
    date = "" if between else '<p class="date">5 March 2024 10:30</p>'
    page = (
        f"<nav><ul>{menu}</ul></nav>{between}{date}<h1>Library opening hours extended</h1>"
        "<div class='body'><p>All five of the borough's libraries will open for longer during the "
        "summer holidays, the council has confirmed.</p><p>The extended hours run to September.</p></div>"
    )
    article = _extract(
        page,
        "https://www.example.gov.uk/news/1",
        lang="en-GB",
        title="Library opening hours extended",
    )
    assert article.published_at == expected


@pytest.mark.parametrize(
    ("under", "expected"),
    [
        pytest.param("<p>Office of the Premier</p>", "Office of the Premier", id="office"),
        pytest.param(
            "<p>March 5, 2024</p><p>Department of Health</p>",
            "Department of Health",
            id="after-date",
        ),
        pytest.param(
            "<p>Department of Health to fund new beds</p>", None, id="a-subtitle-is-no-office"
        ),
        pytest.param("<p>By Jane Doe</p>", None, id="byline"),
        pytest.param('<p><a href="/org/health">Department of Health</a></p>', None, id="a-link"),
    ],
)
def test_an_english_release_s_office_line_under_its_heading_is_its_source(under, expected):
    page = (
        f"<h1>Province expands free transit passes for seniors</h1>{under}<div class='text'>"
        "<p>Seniors across Westland will be able to ride public transit for free year-round, as the "
        "province expands a pilot program that began in three cities last year.</p>"
        "<p>Seniors can apply for a pass online, by phone or in person.</p></div>"
    )
    article = _extract(
        page,
        "https://www.example.ca/news/1",
        lang="en-CA",
        title="Province expands free transit passes for seniors",
    )
    assert article.source == expected
