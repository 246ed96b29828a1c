"""Titles on pages written blind (tests/fixtures/articles/labels-titles.jsonl): the fields are
scored with every article fixture in test_article_pages.py; here, the secondary ``title_variant``
— the `<title>`/`<meta>` spelling that differs from the visible heading the title comes from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from crawler.extract.article import extract_article
from crawler.extract.article.title import heading_candidates, heading_selectors
from crawler.extract.text import fold

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
VARIANTS = [
    label
    for labels in (ARTICLES / "labels-titles.jsonl", ARTICLES / "labels-titles8.jsonl")
    for line in labels.read_text(encoding="utf-8").splitlines()
    if line.strip() and "title_variant" in (label := json.loads(line))
]


@pytest.mark.parametrize(
    "label",
    [
        pytest.param(
            label,
            id=label["file"].removesuffix(".html"),
            marks=[pytest.mark.xfail(strict=True, reason="known miss")]
            if "title_variant" in label.get("known_miss", ())
            else [],
        )
        for label in VARIANTS
    ],
)
def test_title_variant(label):
    path = ARTICLES / label["file"]
    article = extract_article(path.read_bytes(), path.resolve().as_uri())
    assert fold(article.title_variant) == fold(label["title_variant"]), article.title_variant


def _page(head: str, body: str) -> bytes:
    return (
        f"<html><head><meta charset='utf-8'>{head}</head><body>"
        "<div class='top'><a href='/'>首页</a> <a href='/zwgk/'>政务公开</a></div>"
        f"{body}<div class='foot'>主办：某某县人民政府 版权所有</div></body></html>"
    ).encode()


_ARTICLE = (
    "<div class='info'>发布时间：2024-03-05 来源：县应急管理局</div>"
    "<div class='con'><p>各乡镇人民政府，县直各单位：为做好今年汛期安全工作，现就有关事项通知如下。</p>"
    "<p>一、压实防汛责任，落实各项措施。</p><p>特此通知。</p></div>"
)


@pytest.mark.parametrize(
    "css, selectors",
    [
        (".t1{font-size:24px;color:#c00}", {".t1"}),
        ("td.wz_bt { font-size: 16pt }", {".wz_bt"}),
        ("#newsTitle{font-size:1.6em}", {"#newsTitle"}),
        (".main .hd .txt{font-weight:bold;font-size:18px}", {".txt"}),
        (".sub{font-size:18px}", set()),  # 18px without bold: a lead, a subtitle
        (".nav li a{font-size:20px}", set()),  # a link in a menu, not a heading
        (".con p{font-size:22px}", set()),  # no class of its own
        (".hd:hover{font-size:24px}", set()),
        ("/* .x{font-size:30px} */ .y{color:red}", set()),
    ],
)
def test_heading_selectors_from_the_pages_css(css, selectors):
    assert heading_selectors(css) == selectors


def test_a_heading_sized_only_by_a_css_class_is_the_title():
    page = _page(
        "<title>某某县人民政府网站</title><style>.zt1{font-size:22px;font-weight:bold}</style>",
        "<div class='zw'><div class='pos'>当前位置：首页 > 通知公告</div>"
        "<span class='zt1'>关于做好2024年汛期安全防范工作的通知</span>" + _ARTICLE + "</div>",
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"


def test_a_title_tag_cut_short_gives_way_to_the_heading_it_starts():
    page = _page(
        "<title>关于做好2024年汛期安全防范工作的…_某某县人民政府</title>",
        "<table><tr><td align='center'><font style='font-size:24px'>关于做好2024年汛期安全防范"
        "工作的通知</font></td></tr></table>" + _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"
    assert article.title_variant is None  # (the cut <title> is no other spelling)


def test_a_sidebar_heading_does_not_beat_a_title_tag_that_reads_as_an_article():
    page = _page(
        "<title>2024年1—3月全县主要经济指标——某某县统计局</title>",
        "<div class='left'><h3>统计数据</h3><ul><li><a href='/1'>月度数据</a></li></ul></div>"
        + _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "2024年1—3月全县主要经济指标"


_RELEASE = (
    "<p class='date'>12 March 2024</p><div class='body'><p>The council will open three new "
    "libraries in the eastern suburbs next year, the mayor said on Tuesday.</p><p>Construction "
    "starts in June and the first library opens in early 2025.</p></div>"
)


def _en_page(head: str, body: str) -> bytes:
    return (
        f"<html lang='en'><head><meta charset='utf-8'>{head}</head><body><nav><a href='/'>Home"
        f"</a> <a href='/news'>News</a></nav><main>{body}</main><footer>© Example City Council"
        "</footer></body></html>"
    ).encode()


def test_a_br_inside_an_english_heading_is_a_space():
    page = _en_page(
        "<title>Three new libraries | Example City Council</title>",
        f"<h1>Three new libraries for<br/>the eastern suburbs</h1>{_RELEASE}",
    )
    article = extract_article(page, "https://www.example.gov/news/libraries")
    assert article.title == "Three new libraries for the eastern suburbs"


def test_a_section_heading_the_title_tag_names_gives_way_to_the_release_heading_below():
    page = _en_page(
        "<title>News releases | Example City Council</title>",
        "<h1>News releases</h1><div class='release'><h2>Three new libraries for the eastern "
        f"suburbs</h2>{_RELEASE}</div>",
    )
    article = extract_article(page, "https://www.example.gov/news/libraries")
    assert article.title == "Three new libraries for the eastern suburbs"


@pytest.mark.parametrize(
    "og_title, variant",
    [
        ("New libraries for eastern suburbs", "New libraries for eastern suburbs"),
        ("Three new libraries for the eastern suburbs", None),  # the same title
        ("News", None),  # the column's name
        ("Council budget consultation opens", None),  # another page's title
    ],
)
def test_an_og_title_worded_otherwise_is_the_variant(og_title, variant):
    page = _en_page(
        "<title>Three new libraries for the eastern suburbs | Example City Council</title>"
        f"<meta property='og:title' content='{og_title}'>",
        f"<h1>Three new libraries for the eastern suburbs</h1>{_RELEASE}",
    )
    article = extract_article(page, "https://www.example.gov/news/libraries")
    assert article.title == "Three new libraries for the eastern suburbs"
    assert article.title_variant == variant


def test_a_dash_between_digits_is_part_of_the_title_not_a_separator():
    page = _page(
        "<title>关于印发《某某县国土空间总体规划（2021—2035年）》的通知-某某县人民政府</title>",
        _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于印发《某某县国土空间总体规划（2021—2035年）》的通知"


def test_a_record_table_is_titled_by_its_one_header_cell_when_the_title_tag_names_the_column():
    page = _page(
        "<title>公告資訊 - 某某縣政府全球資訊網</title>",
        "<div class='nav'><a href='/1'>公告資訊</a> <a href='/2'>縣政新聞</a></div>"
        "<table class='view'><tr><th colspan='2'>本縣113年度防汛演練4月10日登場</th></tr>"
        "<tr><td>發布日期</td><td>2024-04-01</td></tr><tr><td>發布單位</td><td>消防局</td></tr>"
        "<tr><td>內容</td><td><p>為提升防汛應變能力，本縣訂於4月10日上午舉行年度防汛演練，"
        "請民眾配合交通管制。</p><p>演練期間如有不便，敬請見諒。</p></td></tr></table>"
        "<div class='box'><h3>公告資訊</h3><ul><li><a href='/3'>本縣清明連假垃圾清運時間調整"
        "</a></li></ul></div>",
    )
    article = extract_article(page, "http://www.example.gov.tw/a/1.html")
    assert article.title == "本縣113年度防汛演練4月10日登場"


_NOTICE = "关于开展2024年度安全生产大检查的通知"


@pytest.mark.parametrize(
    "tag_title, title",
    [
        (f"{_NOTICE}丨通知公告丨某某之窗", _NOTICE),
        (f"{_NOTICE}——工作动态——某某在线", _NOTICE),
        (f"{_NOTICE}  通知公告  某某日报", _NOTICE),
        (f"{_NOTICE}-通知公告-某某市总工会", _NOTICE),
        (f"某某街道办事处_{_NOTICE}", _NOTICE),
        (f"通知公告 - {_NOTICE}", _NOTICE),
        (f"某某县人民政府 >> 通知公告 >> {_NOTICE}", _NOTICE),
        (f"某某县人民政府>>{_NOTICE}", _NOTICE),
        (f"{_NOTICE} / 某某县人民政府", _NOTICE),
        (f"{_NOTICE} • 通知公告 • 某某县人民政府", _NOTICE),
        # Not a column: a title's own phrases and hyphens stay.
        ("中国-东盟博览会开幕-某某县人民政府", "中国-东盟博览会开幕"),
        ("航拍金秋稻田 丰收画卷 - 某某县人民政府", "航拍金秋稻田 丰收画卷"),
    ],
)
def test_the_site_and_column_parts_of_a_title_tag_are_cut_whatever_the_separator(tag_title, title):
    article = extract_article(_page(f"<title>{tag_title}</title>", _ARTICLE), "http://x.gov.cn/1")
    assert article.title == title


_CYCLING = "Council approves new cycling strategy for the city centre"


@pytest.mark.parametrize(
    "tag_title",
    [
        f"Office of the Governor – {_CYCLING}",
        f"{_CYCLING} | U.S. Department of Agriculture",
        f"{_CYCLING} - westhaven.gov.au",
        f"{_CYCLING} | News | Westhaven City Council",
        f"US EPA | {_CYCLING}",
    ],
)
def test_an_english_site_name_is_cut_from_a_title_tag(tag_title):
    page = _en_page(
        f"<title>{tag_title}</title>",
        "<p class='date'>12 March 2024</p><div class='body'><p>The council will build 40 "
        "kilometres of protected cycle lanes in the city centre, councillors decided.</p></div>",
    )
    assert extract_article(page, "https://www.example.gov/a/1").title == _CYCLING


_MEETING = "青禾县召开2024年春季农业生产工作推进会"
_MEETING_TEXT = (
    "<div class='zw'><p>3月5日，青禾县召开2024年春季农业生产工作推进会，部署今年春耕备耕重点任务。"
    "</p><p>会议要求，各乡镇要抓好粮食播种面积落实，加强农资供应保障。</p></div>"
)
_INFO = "<div class='meta'>来源：县农业农村局　发布时间：2024-03-05 10:21　分享到：</div>"


@pytest.mark.parametrize(
    "meta, heading, info_first",
    [
        ("工作动态", f"<p align='center'><strong>{_MEETING}</strong></p>", False),  # the column
        (
            "全县春季农业生产工作推进会召开",
            f"<p><strong>{_MEETING}</strong></p>",
            False,
        ),  # reworded
        ("全县春季农业生产工作推进会召开", f"<div>{_MEETING}</div>", True),  # no markup at all
        ("", f"<div>{_MEETING}</div>", True),  # an info line above an unmarked heading
    ],
)
def test_the_visible_heading_wins_over_an_articletitle_meta(meta, heading, info_first):
    tag = f"<meta name='ArticleTitle' content='{meta}'>" if meta else ""
    page = _page(
        f"<title>工作动态_青禾县人民政府</title>{tag}",
        "<div class='main'>" + (_INFO + heading if info_first else heading + _INFO) + _MEETING_TEXT,
    )
    article = extract_article(page, "http://www.qinghe.gov.cn/gzdt/1.html")
    assert article.title == _MEETING
    if meta and meta != "工作动态":
        assert article.title_variant == meta


@pytest.mark.parametrize(
    "heading",
    [
        f"<h2 class='art'>{_MEETING}</h2>",
        f"<table><tr><td align='center'><b>{_MEETING}</b></td></tr></table>",
    ],
)
def test_a_heading_inside_the_body_block_beats_the_logo_heading_above_it(heading):
    page = _page(
        "<title>工作动态_青禾县人民政府</title>"
        "<meta name='ArticleTitle' content='全县春季农业生产工作推进会召开'>",
        "<h1 class='logo'>青禾县人民政府</h1><div class='zw'>"
        + heading
        + _INFO
        + _MEETING_TEXT.removeprefix("<div class='zw'>"),
    )
    article = extract_article(page, "http://www.qinghe.gov.cn/gzdt/1.html")
    assert article.title == _MEETING


@pytest.mark.parametrize(
    "heading",
    [
        "<h1>奋力打造全省营商环境最优市<br><span>青禾市“一件事一次办”改革惠及企业群众超百万人次</span>"
        "<br><span>——全市深化政务服务改革工作综述</span></h1>",
        "<div class='title'><p>奋力打造全省营商环境最优市</p><p>青禾市“一件事一次办”改革惠及企业群众"
        "超百万人次</p><p>——全市深化政务服务改革工作综述</p></div>",
    ],
)
def test_of_a_heading_over_several_lines_the_line_the_title_tag_shows_is_the_title(heading):
    page = _page(
        "<title>青禾市“一件事一次办”改革惠及企业群众超百万人次_青禾市人民政府</title>",
        f"<div class='art'>{heading}{_INFO}<div class='con'><p>“以前办一家餐馆要跑好几个部门，现在一个"
        "窗口一次就办好了。”近日，刚拿到营业执照的市民孙女士感慨地说。</p></div></div>",
    )
    article = extract_article(page, "http://www.qinghe.gov.cn/xw/1.html")
    assert article.title == "青禾市“一件事一次办”改革惠及企业群众超百万人次"


def test_a_closing_dash_line_of_a_heading_is_its_subtitle():
    page = _page(
        "<title>青禾市人民政府</title>",
        "<div class='art'><h1>青禾市“一件事一次办”改革惠及企业群众超百万人次<br>——全市深化政务服务"
        f"改革工作综述</h1>{_INFO}<div class='con'><p>“以前办一家餐馆要跑好几个部门，现在一个窗口一次"
        "就办好了。”近日，刚拿到营业执照的市民孙女士感慨地说。</p></div></div>",
    )
    article = extract_article(page, "http://www.qinghe.gov.cn/xw/1.html")
    assert article.title == "青禾市“一件事一次办”改革惠及企业群众超百万人次"


def test_on_a_short_page_the_title_line_near_the_top_is_not_taken_for_the_header():
    page = _page(
        "<title>某某县人民政府 - 关于做好2024年汛期安全防范工作的通知</title>",
        "<div class='t'>关于做好2024年汛期安全防范工作的通知</div>" + _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"


def test_a_box_heading_with_its_more_link_is_never_the_title():
    page = _page(
        "<title>青禾县人民政府门户网站</title>",
        "<div class='left'><div class='hot-tit'><span>热点推荐信息</span><a href='/rd/'>更多&gt;&gt;</a>"
        "</div><ul><li><a href='/1'>青禾县开展春季植树活动</a></li></ul></div><div class='nr'>"
        f"<h2>{_MEETING}</h2>{_INFO}" + _MEETING_TEXT + "</div>",
    )
    article = extract_article(page, "http://www.qinghe.gov.cn/gzdt/1.html")
    assert article.title == _MEETING


def test_the_title_tag_worded_otherwise_is_the_variant_when_the_meta_matches_the_heading():
    page = _page(
        f"<title>全县春季农业生产工作推进会召开 - 青禾县人民政府</title>"
        f"<meta name='ArticleTitle' content='{_MEETING}'>",
        f"<div class='main'><h1>{_MEETING}</h1>{_INFO}{_MEETING_TEXT}</div>",
    )
    article = extract_article(page, "http://www.qinghe.gov.cn/gzdt/1.html")
    assert (article.title, article.title_variant) == (_MEETING, "全县春季农业生产工作推进会召开")


@pytest.mark.parametrize(
    "tag_title, title",
    [
        (
            "Westhaven City Council | New chair appointed to the Youth Council",
            "New chair appointed to the Youth Council",
        ),
        (
            "Westhaven City Council | Mayor Opens New Passport Office",
            "Mayor Opens New Passport Office",
        ),
    ],
)
def test_a_headline_ending_in_an_organisation_word_is_not_the_site_part(tag_title, title):
    page = _en_page(f"<title>{tag_title}</title>", _RELEASE)
    assert extract_article(page, "https://www.example.gov/news/1").title == title


@pytest.mark.parametrize(
    "head",
    [
        f"<title>{_NOTICE}_某某县人民政府</title>",
        f"<title>某某县人民政府</title><meta name='ArticleTitle' content='{_NOTICE}'>",
    ],
)
def test_a_heading_cut_short_is_the_title_the_head_spells_in_full(head):
    page = _page(head, f"<h1>{_NOTICE[:10]}...</h1>" + _ARTICLE)
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert (article.title, article.title_variant) == (_NOTICE, None)


@pytest.mark.parametrize(
    "heading",
    [
        f"<h1>◆ {_NOTICE}</h1>",
        f"<div class='title'>标题：{_NOTICE}</div>",
        f"<h2>文章标题：{_NOTICE}</h2>",
    ],
)
def test_a_bullet_or_a_label_before_the_heading_is_not_the_title(heading):
    page = _page("<title>某某县人民政府</title>", heading + _ARTICLE)
    assert extract_article(page, "http://www.example.gov.cn/a/1.html").title == _NOTICE


@pytest.mark.parametrize(
    "info",
    [
        "<div class='title-info'>2024-03-05 10:21　县农业农村局</div>",
        "<p class='tit-sub'>2024年03月05日 10:21 青禾日报</p>",
        "<div class='detail-title-src'>县农业农村局 | 2024-03-05 | 阅读 128</div>",
    ],
)
@pytest.mark.parametrize("info_first", [True, False])
def test_an_info_line_without_labels_is_not_the_title(info, info_first):
    heading = f"<div class='zt'>{_MEETING}</div>"
    page = _page(
        "<title>青禾县人民政府</title>",
        "<div class='main'>" + (info + heading if info_first else heading + info) + _MEETING_TEXT,
    )
    article = extract_article(page, "http://www.qinghe.gov.cn/gzdt/1.html")
    assert article.title == _MEETING


def test_a_title_tag_cut_short_finds_an_unmarked_heading_it_starts():
    page = _page(
        f"<title>{_NOTICE[:12]}..._某某县人民政府</title>",
        f"<div class='main'><div>{_NOTICE}</div>{_ARTICLE}</div>",
    )
    assert extract_article(page, "http://www.example.gov.cn/a/1.html").title == _NOTICE


def test_a_heading_that_is_a_label_is_not_the_title():
    page = _en_page(
        "<title>Example City Council</title>",
        "<nav><h2>You are here:</h2><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<h1>{_CYCLING}</h1><div class='share'><h2>Share this page:</h2><a href='#'>Email</a>"
        f"</div>{_RELEASE}",
    )
    assert extract_article(page, "https://www.example.gov/news/1").title == _CYCLING


def test_a_short_og_title_for_sharing_gives_way_to_the_heading_it_shortens():
    page = _en_page(
        "<title>Example City Council</title><meta property='og:title' content='New cycling strategy for city centre'>",
        f"<h1>{_CYCLING}</h1>{_RELEASE}",
    )
    article = extract_article(page, "https://www.example.gov/news/1")
    assert (article.title, article.title_variant) == (
        _CYCLING,
        "New cycling strategy for city centre",
    )


@pytest.mark.parametrize(
    "heading",
    [
        "<h1><span class='yt'>奋力打造全省营商环境最优市</span><br><span>青禾市“一件事一次办”改革惠及企业"
        "群众超百万人次</span><br><span class='fbt'>全市深化政务服务改革工作综述</span></h1>",
        "<div class='title'><p class='pretitle'>奋力打造全省营商环境最优市</p><p>青禾市“一件事一次办”"
        "改革惠及企业群众超百万人次</p></div>",
    ],
)
def test_lines_the_markup_names_a_pre_title_or_subtitle_are_not_the_title(heading):
    page = _page(
        "<title>青禾市人民政府</title>",
        f"<div class='art'>{heading}{_INFO}<div class='con'><p>“以前办一家餐馆要跑好几个部门，现在一个"
        "窗口一次就办好了。”近日，刚拿到营业执照的市民孙女士感慨地说。</p></div></div>",
    )
    article = extract_article(page, "http://www.qinghe.gov.cn/xw/1.html")
    assert article.title == "青禾市“一件事一次办”改革惠及企业群众超百万人次"


_FLOOD = "示例市召开防汛工作会议"
_FLOOD_SUB = "全面部署今年主汛期各项防范应对工作 坚决守住不发生重大人员伤亡的底线"


@pytest.mark.parametrize(
    "tag_title, sub",
    [
        ("示例市人民政府", "<div class='jc-subtitle'>{}</div>"),
        ("要闻动态-示例市人民政府", "<div class='fbt'>{}</div>"),
        (f"{_FLOOD} {_FLOOD_SUB}_示例市人民政府", "<p class='sub-title'>{}</p>"),
        (f"{_FLOOD}{_FLOOD_SUB}-示例市人民政府", "<div class='title-sub'>{}</div>"),
    ],
    ids=["site-only", "column", "title-glues-both", "title-glues-both-unspaced"],
)
def test_a_longer_subtitle_its_markup_names_is_not_the_title(tag_title, sub):
    # (Its own element under the heading, of no size of its own: the lower of two heading-like
    # lines, and the longer part of a <title> holding both.)
    page = _page(
        f"<title>{tag_title}</title>",
        f"<div class='art'><div class='jc-title'>{_FLOOD}</div>{sub.format(_FLOOD_SUB)}{_ARTICLE}</div>",
    )
    article = extract_article(page, "http://www.example.gov.cn/xw/1.html")
    assert article.title == _FLOOD
    assert article.body.startswith("各乡镇人民政府")


@pytest.mark.parametrize(
    "tag_title",
    [
        f"通知公告丨{_NOTICE}丨某某之窗",
        f"通知公告-{_NOTICE}-某某县人民政府",
        f"某某县人民政府-通知公告-{_NOTICE}",
    ],
)
def test_a_column_before_the_title_is_cut_too(tag_title):
    crumb = (
        "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/tzgg/'>通知公告</a></div>"
    )
    page = _page(f"<title>{tag_title}</title>", crumb + _ARTICLE)
    assert extract_article(page, "http://www.example.gov.cn/a/1.html").title == _NOTICE


@pytest.mark.parametrize(
    "tag, heading, title",
    [
        # The heading breaks its line where the <title> puts a full-width space: the page's spelling.
        (
            "<title>坚持生态优先　推动绿色发展-某某县人民政府</title>",
            "<h1>坚持生态优先<br>推动绿色发展</h1>",
            "坚持生态优先 推动绿色发展",
        ),
        # (A <title> without the space: one title broken in two, joined by nothing.)
        (
            "<title>坚持生态优先推动绿色发展-某某县人民政府</title>",
            "<h1>坚持生态优先<br>推动绿色发展</h1>",
            "坚持生态优先推动绿色发展",
        ),
        # 引题 and title apart only by spaces in one heading; the <title> shows the title alone.
        (
            "<title>某某县一季度完成投资28.6亿元_某某县人民政府</title>",
            "<div class='title'>聚力项目攻坚　跑出加速度　某某县一季度完成投资28.6亿元</div>",
            "某某县一季度完成投资28.6亿元",
        ),
        # (Both phrases in the <title>: the heading is whole.)
        (
            "<title>一季度全县GDP增长6.1% 经济运行开局良好_某某县人民政府</title>",
            "<h1>一季度全县GDP增长6.1% 经济运行开局良好</h1>",
            "一季度全县GDP增长6.1% 经济运行开局良好",
        ),
        # A heading broken over two cells of one class, joined in the <title>.
        (
            "<title>某某县人民政府关于同意设立某某县产业发展基金的批复 - 某某县人民政府网</title>",
            "<table><tr><td class='bt1'>某某县人民政府关于同意设立</td></tr>"
            "<tr><td class='bt1'>某某县产业发展基金的批复</td></tr></table>",
            "某某县人民政府关于同意设立某某县产业发展基金的批复",
        ),
        # (A 引题 h3 over the h1, both in the <title>: not one heading broken in two.)
        (
            "<title>奋力打造营商环境最优县 某某县一件事改革惠及群众百万人次_某某县人民政府</title>",
            "<h3>奋力打造营商环境最优县</h3><h1>某某县一件事改革惠及群众百万人次</h1>",
            "某某县一件事改革惠及群众百万人次",
        ),
    ],
    ids=["br-as-title-space", "br-joined", "yinti-spaces", "two-phrases", "two-cells", "h3-h1"],
)
def test_a_heading_over_lines_phrases_or_elements_is_read_as_the_title_tag_shows_it(
    tag, heading, title
):
    page = _page(tag, heading + _ARTICLE)
    assert extract_article(page, "http://www.example.gov.cn/a/1.html").title == title


def test_an_english_heading_broken_over_two_elements_is_joined_by_a_space():
    page = _page(
        "<title>Council adopts long term plan for water and roads | Westhaven Council</title>",
        "<h2 class='tt'>Council adopts long term plan</h2><h2 class='tt'>for water and roads</h2>"
        + _RELEASE,
    )
    article = extract_article(page, "https://www.westhaven.govt.nz/news/1")
    assert article.title == "Council adopts long term plan for water and roads"


@pytest.mark.parametrize(
    "tag, title",
    [
        (
            "关于做好2024年汛期安全防范工作的通知：某某县人民政府",
            "关于做好2024年汛期安全防范工作的通知",
        ),
        (
            "关于做好2024年汛期安全防范工作的通知: 某某县人民政府",
            "关于做好2024年汛期安全防范工作的通知",
        ),
        # (A colon early in the title is the title's own.)
        (
            "国务院新闻办：2024年一季度国民经济运行情况发布会",
            "国务院新闻办：2024年一季度国民经济运行情况发布会",
        ),
        ("一图读懂：某某县2024年政府工作报告", "一图读懂：某某县2024年政府工作报告"),
        # A brand the site forms with its place's name last, after a bare hyphen.
        ("关于做好2024年汛期安全防范工作的通知-e线某某", "关于做好2024年汛期安全防范工作的通知"),
        ("关于做好2024年汛期安全防范工作的通知-今日某某", "关于做好2024年汛期安全防范工作的通知"),
        ("关于做好2024年汛期安全防范工作的通知-智慧某某", "关于做好2024年汛期安全防范工作的通知"),
        # (A road's section is no brand.)
        (
            "G15高速公路改扩建施工期间交通管制的通告-某某段",
            "G15高速公路改扩建施工期间交通管制的通告-某某段",
        ),
    ],
)
def test_the_title_tag_loses_a_site_part_after_a_colon_or_a_place_brand(tag, title):
    page = _page(f"<title>{tag}</title>", _ARTICLE)
    assert extract_article(page, "http://www.example.gov.cn/a/1.html").title == title


@pytest.mark.parametrize(
    "first, kept",
    [
        (f"<p class='subtitle'>{_FLOOD_SUB}</p>", False),
        (f"<p class='fbt'>{_FLOOD_SUB}</p>", False),
        # (A numbered section's heading the template classes so is the text's.)
        ("<p class='sub-title'>一、压实防汛责任</p>", True),
    ],
    ids=["subtitle", "fbt", "section-heading"],
)
def test_a_subtitle_opening_the_text_block_under_the_heading_is_no_text(first, kept):
    body = (
        f"<div class='art'><h1>{_FLOOD}</h1><div class='info'>发布时间：2024-03-05 来源：县应急管理局</div>"
        f"<div class='con'>{first}<p>各乡镇人民政府，县直各单位：为做好今年汛期安全工作，现就有关事项通知如下。</p>"
        "<p>一、压实防汛责任，落实各项措施。</p><p>特此通知。</p></div></div>"
    )
    article = extract_article(
        _page(f"<title>{_FLOOD}_示例市人民政府</title>", body), "http://www.example.gov.cn/a/1.html"
    )
    assert article.title == _FLOOD
    assert article.body.startswith("一、压实防汛责任" if kept else "各乡镇人民政府")


_FLOOD_NOTICE = "关于做好2024年汛期安全防范工作的通知"


@pytest.mark.parametrize(
    "tag, title, variant",
    [
        # The site's own name (the footer's 主办) and a colon before the title, with suffixes or not.
        (f"某某县人民政府：{_FLOOD_NOTICE}-通知公告-某某县人民政府", _FLOOD_NOTICE, True),
        (f"某某县人民政府：{_FLOOD_NOTICE} - 通知公告 - 某某县人民政府", _FLOOD_NOTICE, True),
        (f"某某县人民政府：{_FLOOD_NOTICE}", _FLOOD_NOTICE, True),
        (f"某某县人民政府:{_FLOOD_NOTICE}_通知公告_某某县人民政府", _FLOOD_NOTICE, True),
        (f"【某某县人民政府】：{_FLOOD_NOTICE}", _FLOOD_NOTICE, True),
        # (Another office's name before a colon is the title's own: it issued the notice.)
        (f"某某县应急管理局：{_FLOOD_NOTICE}", f"某某县应急管理局：{_FLOOD_NOTICE}", False),
    ],
)
def test_the_sites_own_name_and_a_colon_before_the_title_tags_title_is_cut(tag, title, variant):
    page = _page(f"<title>{tag}</title>", _ARTICLE)
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    # (The whole <title>, its other spelling of the title, is kept as the variant.)
    assert (article.title, article.title_variant) == (title, tag if variant else None)


@pytest.mark.parametrize(
    "tag, title",
    [
        (
            "Harbour Road bridge to close for repairs : Westhaven District Council",
            "Harbour Road bridge to close for repairs",
        ),
        ("LCQ5: Support for the Elderly Service", "LCQ5: Support for the Elderly Service"),
        ("Budget 2024: What it means for you", "Budget 2024: What it means for you"),
    ],
)
def test_an_english_title_tag_loses_a_council_after_a_colon_only_at_its_end(tag, title):
    page = _page(f"<title>{tag}</title>", _RELEASE)
    assert extract_article(page, "https://www.westhaven.govt.nz/news/1").title == title


@pytest.mark.parametrize(
    "tag, heading",
    [
        # A heading the template cuts, spelled in full in its title= attribute.
        (
            "<title>某某县人民政府</title>",
            "<h2 title='关于做好2024年汛期安全防范工作的通知'>关于做好2024年汛期安全防...</h2>",
        ),
        # No <title> at all: the line above the info line, whatever its markup.
        ("<title></title>", "<div>关于做好2024年汛期安全防范工作的通知</div>"),
        # A column's tag in brackets before the heading the <title> shows without it.
        (
            "<title>关于做好2024年汛期安全防范工作的通知_某某县人民政府</title>",
            "<h1>【通知公告】关于做好2024年汛期安全防范工作的通知</h1>",
        ),
    ],
    ids=["title-attribute", "no-title-tag", "bracketed-column-tag"],
)
def test_the_heading_in_full_without_a_tag(tag, heading):
    page = _page(tag, heading + _ARTICLE)
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"


def test_a_page_without_a_title_tag_is_not_titled_by_its_logo_h1():
    page = _page(
        "<title></title>",
        "<h1 class='logo'>某某县人民政府</h1><div class='pos'>当前位置：首页 > 通知公告</div>"
        "<div>关于做好2024年汛期安全防范工作的通知</div>" + _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"


@pytest.mark.parametrize("brand", ["中国·青禾", "大美青禾", "e线青禾", "掌上青禾"])
def test_a_place_brand_after_the_title_is_the_sites_even_of_another_place(brand):
    page = _page(f"<title>关于做好2024年汛期安全防范工作的通知-{brand}</title>", _ARTICLE)
    title = extract_article(page, "http://www.example.gov.cn/a/1.html").title
    assert title == "关于做好2024年汛期安全防范工作的通知"


def test_a_heading_in_two_sized_spans_of_its_own_classes_is_one_heading():
    page = _page(
        "<title>中共某某县委办公室 某某县人民政府办公室关于加强基层应急管理的意见-某某县人民政府</title>"
        "<style>.t1,.t2{display:block;font-size:22px;font-weight:bold}</style>",
        "<div class='hd'><span class='t1'>中共某某县委办公室　某某县人民政府办公室</span></div>"
        "<div class='hd'><span class='t2'>关于加强基层应急管理的意见</span></div>" + _ARTICLE,
    )
    title = extract_article(page, "http://www.example.gov.cn/a/1.html").title
    assert title == "中共某某县委办公室 某某县人民政府办公室关于加强基层应急管理的意见"


_LETTER = (
    "<table class='xj'><tr><td>{label}</td><td colspan=3>关于城东小区周边道路夜间施工噪音扰民的问题</td></tr>"
    "<tr><td>来信人</td><td>王**</td><td>来信时间</td><td>2024-05-06</td></tr>"
    "<tr><td>来信内容</td><td colspan=3>我是城东小区居民，近一个月来小区北侧道路施工每天夜里十一点以后仍在作业，"
    "噪音很大，严重影响休息，希望有关部门尽快处理。</td></tr>"
    "<tr><td>答复单位</td><td>市住建局</td><td>答复时间</td><td>2024-05-09</td></tr>"
    "<tr><td>答复内容</td><td colspan=3>您好！经核实，该路段为市政道路改造工程，我局已责令施工单位严格遵守"
    "夜间施工审批规定，晚十点后停止高噪音作业。感谢您的监督。</td></tr></table>"
)


@pytest.mark.parametrize("label", ["信件标题", "标　　题", "主题", "留言标题：", "诉求主题"])
def test_a_letter_without_a_heading_is_titled_by_its_subject_row(label):
    page = _page("<title>市长信箱-信件详情</title>", _LETTER.format(label=label))
    title = extract_article(page, "http://www.example.gov.cn/hdjl/1.html").title
    assert title == "关于城东小区周边道路夜间施工噪音扰民的问题"


@pytest.mark.parametrize("kind", ["-详细信息", "-内容页", "-新闻详情", "_正文"])
def test_a_page_kind_in_the_title_tag_is_no_part_of_the_title(kind):
    page = _page(f"<title>关于做好2024年汛期安全防范工作的通知{kind}</title>", _ARTICLE)
    title = extract_article(page, "http://www.example.gov.cn/a/1.html").title
    assert title == "关于做好2024年汛期安全防范工作的通知"


def test_the_sites_name_above_a_bare_info_line_is_no_title():
    page = _page("", "<div class='logo'>某某县人民政府</div>" + _ARTICLE)
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title is None, article.explain["title"]


_CONSULTATION = (
    "<nav class='breadcrumb'><ol><li><a href='/'>Home</a></li><li><a href='/{column}'>{name}</a>"
    "</li></ol></nav><h1>Public consultation opens on the town centre plan</h1><div class='body'>"
    "<p>The council invites submissions on the draft town centre plan, which sets out a ten-year "
    "vision for the main street and its public spaces.</p><p>Submissions can be made online or by "
    "post until the end of next month.</p></div>"
)


@pytest.mark.parametrize(
    "column, name, title",
    [
        ("news", "News", "Public consultation opens on the town centre plan"),
        ("media-releases", "Media releases", "Public consultation opens on the town centre plan"),
        # A program page printing no date is known by its whole document title.
        (
            "planning",
            "Planning",
            "Public consultation opens on the town centre plan - Kilmore Council",
        ),
    ],
)
def test_an_undated_english_page_is_titled_by_its_heading_only_in_a_news_column(
    column, name, title
):
    page = _en_page(
        "<title>Public consultation opens on the town centre plan - Kilmore Council</title>",
        _CONSULTATION.format(column=column, name=name),
    )
    article = extract_article(page, "https://www.example.ie/a/1")
    assert (article.title, article.published_at) == (title, None)


_UNDATED_RELEASE = (
    "{above}<h1>Agency awards grants for rural broadband projects</h1><div class='body'>"
    "<p>{opening}The agency awarded grants today to extend high-speed internet to rural homes and "
    "businesses in eleven counties.</p><p>Construction is expected to begin this summer and to "
    "finish within eighteen months, the agency said.</p></div>{after}"
)


@pytest.mark.parametrize(
    ("above", "opening", "after", "url", "title"),
    [
        ("<p class='kicker'>Press Release</p>", "", "", "https://www.example.org/a/1", "heading"),
        ("<p>FOR IMMEDIATE RELEASE</p>", "", "", "https://www.example.org/a/1", "heading"),
        ("", "SPRINGFIELD — ", "", "https://www.example.org/a/1", "heading"),
        (
            "",
            "",
            "<h2>Media Contact</h2><p>press@example.org</p>",
            "https://www.example.org/a/1",
            "heading",
        ),
        ("", "", "<p>###</p>", "https://www.example.org/a/1", "heading"),
        ("", "", "", "https://www.example.org/news/rural-broadband", "heading"),
        ("", "", "", "https://www.example.org/press-releases/2024/rural-broadband", "heading"),
        # A program page printing no date is still known by its whole document title.
        ("", "", "", "https://www.example.org/programs/broadband", "whole"),
    ],
    ids=[
        "kicker",
        "immediate-release",
        "dateline-place",
        "media-contact",
        "end-mark",
        "news-path",
        "press-releases-path",
        "program-page",
    ],
)
def test_an_undated_english_release_is_titled_by_its_heading(above, opening, after, url, title):
    whole = "Agency awards grants for rural broadband projects | Department of Commerce"
    page = _en_page(
        f"<title>{whole}</title>",
        _UNDATED_RELEASE.format(above=above, opening=opening, after=after),
    )
    article = extract_article(page, url)
    expected = whole if title == "whole" else "Agency awards grants for rural broadband projects"
    assert (article.title, article.published_at) == (expected, None)


@pytest.mark.parametrize(
    "head",
    [
        "<div style='font-size:20px;font-weight:bold'>Ministry of Jal Shakti</div>"
        "<div style='font-size:18px;font-weight:bold'>{t}</div>",
        "<h2>Ministry of Jal Shakti</h2><h3>{t}</h3>",
        "<h3>Ministry of Jal Shakti</h3><h2>{t}</h2>",
    ],
    ids=["ministry-set-bigger", "ministry-h2-over-h3", "ministry-h3-over-h2"],
)
def test_a_ministry_line_over_the_heading_is_the_source_not_the_title(head):
    t = "Union Minister Reviews Progress of Jal Jeevan Mission in Eastern States"
    page = _en_page(
        "<title>Press Information Bureau</title>",
        head.format(t=t) + "<div>Posted On: 14 MAR 2024 5:42PM by PIB Delhi</div><div class='pt20'>"
        "<p>The Union Minister chaired a review meeting today with officials of six eastern States "
        "on the progress of the Jal Jeevan Mission.</p><p>States were asked to complete pending "
        "schemes before the monsoon.</p></div>",
    )
    article = extract_article(page, "https://pib.example.in/PressReleasePage.aspx?PRID=2014567")
    assert (article.title, article.source) == (t, "Ministry of Jal Shakti")
    assert not article.body.startswith("Ministry")


def test_an_info_line_set_inline_inside_the_heading_is_no_part_of_the_title():
    page = _page(
        "<title>某某县人民政府</title>",
        "<h1>关于做好2024年汛期安全防范工作的通知<span class='ly'>来源：县应急管理局　"
        "发布时间：2024-03-05 10:21</span></h1>" + _ARTICLE.split("</div>", 1)[1],
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert (article.title, article.source) == (
        "关于做好2024年汛期安全防范工作的通知",
        "县应急管理局",
    )
    assert article.published_at.startswith("2024-03-05T10:21")


def test_a_stale_articletitle_shown_nowhere_gives_way_to_the_heading_over_the_body():
    stale = "关于公布2024年第一批建筑业企业资质审批结果的公告"
    page = _page(
        f"<meta name='ArticleTitle' content='{stale}'><title>{stale}_某某县住建局</title>",
        "<h2>县住建局开展建筑施工领域安全生产专项整治</h2>" + _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert (article.title, article.title_variant) == (
        "县住建局开展建筑施工领域安全生产专项整治",
        None,
    )


_UNSIZED = "<div style='text-align:center'>关于做好2024年汛期安全防范工作的通知</div>"
_BOLD_18 = (
    "<div style='font-size:18px;font-weight:bold;text-align:center'>"
    "关于做好2024年汛期安全防范工作的通知</div>"
)
_TEXT = _ARTICLE.split("</div>", 1)[1]


@pytest.mark.parametrize(
    "between",
    [
        "<div>【字体：<a>大</a> <a>中</a> <a>小</a>】</div>",
        "<div><a>【打印】</a><a>【关闭】</a></div>",
        "<div>——全县汛期安全防范工作部署</div>",
        "<div>来源：县应急管理局</div>",
    ],
    ids=["font-size-bar", "print-close", "subtitle", "info-on-two-lines"],
)
def test_the_line_over_the_info_line_is_found_past_the_tools_between_them(between):
    page = _page(
        "<title>某某县人民政府</title>",
        _UNSIZED + between + "<div>发布时间：2024-03-05 10:21</div>" + _TEXT,
    )
    title = extract_article(page, "http://www.example.gov.cn/a/1.html").title
    assert title == "关于做好2024年汛期安全防范工作的通知"


def test_a_bold_18px_line_inline_styled_is_a_heading_wherever_the_info_line_is():
    page = _page(
        "<title>某某县人民政府</title>", _BOLD_18 + _TEXT + "<div>发布时间：2024-03-05</div>"
    )
    title = extract_article(page, "http://www.example.gov.cn/a/1.html").title
    assert title == "关于做好2024年汛期安全防范工作的通知"


def test_a_heading_element_holding_its_info_line_after_a_space_is_cut_before_the_label():
    page = _page(
        "<title>某某县人民政府</title>",
        "<div class='title'>关于做好2024年汛期安全防范工作的通知　发布时间：2024-03-05</div>"
        + _TEXT,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"
    assert article.published_at.startswith("2024-03-05")


def test_a_teasers_linked_heading_in_cards_before_the_article_is_not_its_title():
    cards = "".join(
        f"<li><h4><a href='/n/{i}.html'>县政府召开第{i}次常务会议研究部署重点工作</a></h4>"
        f"<p>会议研究部署了第{i}项重点工作。</p></li>"
        for i in range(5)
    )
    page = _page(
        "<title>某某县人民政府</title>",
        f"<ul class='cards'>{cards}</ul><div class='main'>{_UNSIZED}"
        "<div>发布时间：2024-03-05 10:21</div>" + _TEXT + "</div>",
    )
    title = extract_article(page, "http://www.example.gov.cn/a/1.html").title
    assert title == "关于做好2024年汛期安全防范工作的通知"


@pytest.mark.parametrize(
    "style, heading",
    [
        ("font-size:22px", True),
        ("font-size:18pt", True),
        ("font-size:18px;font-weight:bold", True),
        ("font-weight:700;font-size:21px", True),
        ("font-size:20px", False),  # (unbold: a lead)
        ("font-size:16pt;font-weight:bold", False),  # an official document's 三号 text
        ("font-size:60px", False),  # a calendar card's day
        ("font-size:1.6em", False),
        ("font-size:x-large", True),
    ],
)
def test_a_heading_size_set_inline(style, heading):
    root = etree.fromstring(
        f"<html><body><div style='{style}'>关于做好2024年汛期安全防范工作的通知</div></body></html>",
        etree.HTMLParser(),
    )
    assert bool(heading_candidates(root)) == heading


@pytest.mark.parametrize(
    "script",
    [
        "document.write('<h1 class=\"art-title\">关于做好2024年汛期安全防范工作的通知</h1>');",
        'var t = "关于做好2024年汛期<br>安全防范工作的通知";'
        ' document.write("<div style=\\"font-size:22px\\">" + t + "<\\/div>");',
    ],
    ids=["literal-h1", "variable-with-br-in-styled-div"],
)
def test_a_heading_a_script_writes_with_its_markup_is_the_title(script):
    page = _page(
        "<title>通知公告-某某县人民政府</title>",
        f"<div class='art'><script>{script}</script>" + _ARTICLE + "</div>",
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"


def test_padding_spaces_a_heading_shows_and_the_title_tag_lacks_are_no_part_of_it():
    page = _page(
        "<title>县举办“春风行动”暨“就业援助月”专场招聘会-某某县人民政府</title>",
        "<h1>县举办“春风行动”<br>暨&nbsp;“就业援助月”&nbsp;&nbsp;专场招聘会</h1>" + _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "县举办“春风行动”暨“就业援助月”专场招聘会"
    assert article.title_variant is None


def test_a_title_tag_only_the_sites_short_name_shows_no_heading_in_the_header():
    page = (
        b"<html><head><meta charset='utf-8'><title>Press Information Bureau</title></head><body>"
        b"<div class='header'><div class='head-title'>Press Information Bureau<br>"
        b"Government of India</div></div><div class='release'>"
        b"<div class='ministry'>Ministry of Jal Shakti</div>"
        b"<div class='posted'>Posted On: 14 MAR 2025 6:10PM by PIB Delhi</div>"
        b"<h2>Union Minister reviews progress of the rural water mission</h2>"
        b"<p>The Union Minister today chaired a review meeting on the progress of the rural water"
        b" mission in the eight north-eastern States in New Delhi.</p><p>The Minister was informed"
        b" that most rural households in the region now have tap water connections.</p></div>"
        b"</body></html>"
    )
    article = extract_article(page, "https://pib.gov.in/PressReleasePage.aspx?PRID=1")
    assert article.title == "Union Minister reviews progress of the rural water mission"


@pytest.mark.parametrize(
    "title_tag",
    [
        "关于做好2024年汛期安全防范工作的通知→某某县人民政府",
        "某某县人民政府 → 关于做好2024年汛期安全防范工作的通知",
        "关于做好2024年汛期安全防范工作的通知★某某县人民政府",
        "关于做好2024年汛期安全防范工作的通知━某某县人民政府",
        "关于做好2024年汛期安全防范工作的通知＿某某县人民政府",
        "某某县人民政府:::关于做好2024年汛期安全防范工作的通知",
    ],
)
def test_a_title_tags_site_part_behind_a_mark_no_title_holds(title_tag):
    page = _page(f"<title>{title_tag}</title>", _ARTICLE)
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"


@pytest.mark.parametrize(
    "heading",
    [
        "<span style='font-size:22px'>关于做好2024年汛期安全防范工作的通知</span>",
        "<font style='font-size:22px'><b>关于做好2024年汛期安全防范工作的通知</b></font>",
        "<b>关于做好2024年汛期安全防范工作的通知</b>",
        "<font size='5'><b>关于做好2024年汛期安全防范工作的通知</b></font>",
    ],
    ids=["sized-span", "sized-font", "bare-bold", "font-size-attribute"],
)
def test_an_inline_heading_straight_inside_the_articles_block_is_the_title(heading):
    page = _page(
        "<title>通知公告_某某县人民政府</title>", f"<div class='main'>{heading}{_ARTICLE}</div>"
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"


_STACK = (
    "凝心聚力抓发展　奋楫争先开新局",
    "关于做好2024年汛期安全防范工作的通知",
    "压实责任　确保安全度汛",
)


@pytest.mark.parametrize(
    "style, markup",
    [
        ("", "<h3>{}</h3><h1>{}</h1><h3>{}</h3>"),
        ("", "<h4>{}</h4><h2>{}</h2><h4>{}</h4>"),
        (
            "<style>.yt,.ft{font-size:20px}.zt{font-size:28px;font-weight:bold}</style>",
            "<div class='yt'>{}</div><div class='zt'>{}</div><div class='ft'>{}</div>",
        ),
        (
            "",
            "<p style='font-size:22px'>{}</p><p style='font-size:30px'>{}</p>"
            "<p style='font-size:22px'>{}</p>",
        ),
    ],
    ids=["h3-h1-h3", "h4-h2-h4", "css-sized", "inline-sized"],
)
def test_of_a_stack_of_headings_over_the_body_the_one_set_biggest_is_the_title(style, markup):
    page = _page(f"<title>某某县人民政府</title>{style}", markup.format(*_STACK) + _ARTICLE)
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == _STACK[1]


def test_a_heading_cut_short_takes_its_full_spelling_from_another_heading():
    page = _page(
        "<title>某某县人民政府</title>",
        "<h1 class='pc-title'>关于做好2024年汛期安全防范工作的通知</h1>"
        "<h1 class='m-title'>关于做好2024年汛期安全…</h1>" + _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"


def test_a_yinti_and_fubiaoti_its_markup_names_inside_a_one_line_heading_are_no_part_of_it():
    page = _page(
        "<title>某某县人民政府</title>",
        "<h1><span class='pre-title'>凝心聚力抓发展</span><span class='main-title'>"
        "关于做好2024年汛期安全防范工作的通知</span><span class='sub-title'>压实责任确保安全度汛"
        "</span></h1>" + _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"


def test_a_title_tag_a_cms_cuts_at_a_fixed_length_is_no_variant():
    page = _page(
        "<title>关于做好2024年汛期安全防范_某某县人民政府</title>",
        "<h1>关于做好2024年汛期安全防范工作的通知</h1>" + _ARTICLE,
    )
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "关于做好2024年汛期安全防范工作的通知"
    assert article.title_variant is None


_GAZETTE = ("某某县人民政府关于印发某某县生活垃圾", "分类管理办法的通知")


@pytest.mark.parametrize(
    "tag, heading",
    [
        # A <br> between Chinese characters joins them with nothing: the line's &nbsp; padding and
        # the source's indentation beside it are not shown either.
        ("<title>某某县人民政府</title>", "<h1>{0}&nbsp;<br>{1}</h1>"),
        ("<title>某某县人民政府</title>", "<h1>\n  {0}\n  <br />\n  {1}\n</h1>"),
        (
            "<title>某某县人民政府</title>",
            "<table><tr><td><strong>{0}&nbsp;<br>　　{1}</strong></td></tr></table>",
        ),
        # (One space a CMS put into the <title> where the heading breaks is no phrase's space.)
        ("<title>{0} {1}_某某县人民政府</title>", "<h1>{0}<br>{1}</h1>"),
        (
            "<title>{0} {1}_某某县人民政府</title>",
            "<table><tr><td><strong>{0}<br>{1}</strong></td></tr></table>",
        ),
        # A heading of no heading markup broken by <br> over the info line: both its lines.
        ("<title>某某县人民政府</title>", "<div class='tt'>{0}<br>{1}</div>"),
        ("", "<div>{0}<br/>{1}</div>"),
        # (The <title> names the 公报's issue, not the article.)
        ("<title>某某县人民政府公报 2025年第2期</title>", "<div class='tt'>{0}<br>{1}</div>"),
        (
            "<title>某某县人民政府公报2025年第2期（总第86期）</title>",
            "<table><tr><td><font size=5><b>{0}<br>{1}</b></font></td></tr></table>",
        ),
    ],
    ids=[
        "nbsp-before-br",
        "br-among-newlines",
        "bold-cell-nbsp-and-indent",
        "title-tag-one-space",
        "bold-cell-title-tag-one-space",
        "plain-div-class",
        "plain-div-no-title-tag",
        "issue-title-tag",
        "issue-title-tag-bold-cell",
    ],
)
def test_a_br_between_chinese_characters_joins_them_with_nothing(tag, heading):
    page = _page(tag.format(*_GAZETTE), heading.format(*_GAZETTE) + _ARTICLE)
    assert extract_article(page, "http://www.example.gov.cn/a/1.html").title == "".join(_GAZETTE)


@pytest.mark.parametrize("sep", ["-", " - ", "_", "|", "－", " — ", "——"])
@pytest.mark.parametrize("column", ["【图片新闻】", "", "图片新闻|"])
def test_the_sites_name_in_a_header_h1_the_title_tag_gives_as_its_affix_is_never_the_title(
    sep, column
):
    heading = "州长调研春耕生产"
    page = _page(
        f"<title>{column}{heading}{sep}某某苗族自治州人民政府</title>",
        "<div class='head'><h1>某某苗族自治州人民政府</h1></div>"
        f"<div class='tt'>{heading}</div>" + _ARTICLE,
    )
    assert extract_article(page, "http://www.example.gov.cn/a/1.html").title == heading


_ORDER = (
    "<div class='zfl'><p>南岭市人民政府令</p><p>第125号</p></div><div class='info'>发布日期：2025-03-10</div>"
    "<div class='TRS_Editor'><p>《南岭市城市绿化管理办法》已经市人民政府常务会议通过，现予公布，自2025年5月1日起施行。</p>"
    "<p>市长　王建国</p><p>2025年3月5日</p><p style='text-align:center'><strong>南岭市城市绿化<br>管理办法</strong></p>"
    "<p>第一条　为了促进城市绿化事业的发展，改善生态环境，结合本市实际，制定本办法。</p></div>"
)


@pytest.mark.parametrize(
    "tag",
    [
        "<title>南岭市城市绿化管理办法-2025年第3期-南岭市人民政府公报</title>",
        "<title>南岭市城市绿化管理办法 - 2025年第3期（总第219期） - 南岭市人民政府</title>",
        "<title>南岭市城市绿化管理办法_2025年第3期_南岭市人民政府公报</title>",
        # (A column's part the ColumnName meta names, whatever it says.)
        "<title>南岭市城市绿化管理办法-规章库-南岭市人民政府</title><meta name='ColumnName' content='规章库'>",
    ],
    ids=["issue-bare-hyphens", "issue-total-number", "issue-underscores", "column-meta"],
)
def test_a_periodicals_issue_or_the_column_meta_in_the_title_tag_is_an_affix(tag):
    page = _page(tag, _ORDER)
    assert (
        extract_article(page, "http://www.example.gov.cn/zfgb/1.html").title
        == "南岭市城市绿化管理办法"
    )


_SUBJECT = "关于幸福小区门口道路破损的反映"


@pytest.mark.parametrize(
    "row",
    [
        "<div class='row'><span>{0}：</span><span>{1}</span></div>",
        "<div class='item'><div class='l'>{0}</div><div class='r'>{1}</div></div>",
        "<dl><dt>{0}：</dt><dd>{1}</dd></dl>",
    ],
    ids=["spans", "divs", "dl"],
)
@pytest.mark.parametrize("label", ["信件标题", "留言标题", "主题"])
def test_a_letter_in_label_value_rows_is_titled_by_its_subject_row_not_its_page_kind(row, label):
    rows = [
        (label, _SUBJECT),
        ("来信时间", "2025-03-02 09:13"),
        ("来信内容", "幸福小区东门外道路破损严重，雨天积水，希望尽快维修。"),
    ]
    rows += [
        ("答复单位", "区住建局"),
        ("答复内容", "您好！经现场核实，该路段已列入本月维修计划，预计3月20日前完成修复。"),
    ]
    page = _page(
        "<title>信件详情_区长信箱_某某县人民政府</title>",
        "<h2>信件详情</h2>" + "".join(row.format(*r) for r in rows),
    )
    assert extract_article(page, "http://www.example.gov.cn/hdjl/1.html").title == _SUBJECT


_PROJECTS = "关于公布2025年度第一批市级重点建设项目及年度投资计划的通知"


@pytest.mark.parametrize(
    "crumb",
    [
        f"<span>{_PROJECTS}</span>",
        f"<a href='./' title='{_PROJECTS}'>{_PROJECTS[:18]}…</a>",
    ],
    ids=["last-crumb", "crumb-link-title-attribute"],
)
def test_a_heading_cut_short_takes_its_full_spelling_from_the_breadcrumb_above_it(crumb):
    # (Not from a link after it: a related article of the same series may start alike.)
    page = _page(
        "<title>某某市人民政府</title>",
        f"<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/tzgg/'>通知公告</a> &gt; {crumb}"
        f"</div><h1>{_PROJECTS[:18]}…</h1>{_ARTICLE}<ul><li><a href='/2.html' title="
        "'关于公布2025年度第一批市级重点建设项目名单的公示'>关于公布2025年度第一批市级重点建…</a></li></ul>",
    )
    assert extract_article(page, "http://www.example.gov.cn/a/1.html").title == _PROJECTS


@pytest.mark.parametrize(
    "kind",
    [
        "<small>Press Release</small><br>",
        "<em>FOR IMMEDIATE RELEASE</em><br>",
        "<span>Media Release:</span> ",
        "<span class='field-type'>Statement</span> ",
    ],
    ids=["small-br", "em-immediate-release", "span-colon", "span-unmarked-class"],
)
def test_the_kind_of_release_opening_an_english_heading_is_no_part_of_it(kind):
    page = _en_page(
        "<title>Three new libraries for the eastern suburbs | Example City Council</title>",
        f"<h1>{kind}Three new libraries for the eastern suburbs</h1>{_RELEASE}",
    )
    article = extract_article(page, "https://www.example.gov/news/libraries")
    assert article.title == "Three new libraries for the eastern suburbs"


@pytest.mark.parametrize(
    "heading",
    [
        "<h2>某某县人民政府办公室</h2><h2>关于做好2025年汛期地质灾害防治工作的通知</h2>",
        "<table><tr><td class='bt'>某某县人民政府办公室</td></tr>"
        "<tr><td class='bt'>关于做好2025年汛期地质灾害防治工作的通知</td></tr></table>",
    ],
    ids=["two-h2", "two-cells"],
)
def test_a_documents_issuing_office_heading_its_own_line_over_its_subject_is_part_of_the_title(
    heading,
):
    page = _page("<title>某某县人民政府</title>", heading + _ARTICLE)
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "某某县人民政府办公室关于做好2025年汛期地质灾害防治工作的通知"


def test_a_br_where_the_title_tag_puts_one_plain_space_between_short_phrases_is_that_space():
    page = _page(
        "<title>坚持生态优先 推动绿色发展-某某县人民政府</title>",
        "<h1>坚持生态优先<br>推动绿色发展</h1>" + _ARTICLE,
    )
    assert (
        extract_article(page, "http://www.example.gov.cn/a/1.html").title
        == "坚持生态优先 推动绿色发展"
    )


def test_a_title_tag_naming_the_office_does_not_cut_its_line_off_the_documents_heading():
    # (The <title> shows the heading's first line, the issuing office the site is: the office's
    # line over its 关于… line is one title.)
    heading = "<h1>某某县人民政府办公室<br>关于做好2024年汛期安全防范工作的通知</h1>"
    page = _page("<title>某某县人民政府办公室</title>", heading + _ARTICLE)
    article = extract_article(page, "http://www.example.gov.cn/a/1.html")
    assert article.title == "某某县人民政府办公室关于做好2024年汛期安全防范工作的通知"


@pytest.mark.parametrize(
    ("cls", "hinted"),
    [
        ("xxgk_bt2", True),
        ("wzbt01", True),
        ("bt-1", True),
        ("xl_tit1", True),
        ("news_bt_01", True),
        ("lmbt", False),
        ("xxgk_lbt", False),
        ("side-tit2", False),
        ("list_tit", False),
        ("nav_bt", False),
        ("btn", False),
        ("bt_con", False),
    ],
)
def test_a_pinyin_title_class_with_a_templates_prefix_and_number_names_a_heading(cls, hinted):
    from crawler.extract.article.title import _heading_hint

    assert _heading_hint(etree.fromstring(f'<div class="{cls}">x</div>')) is hinted


@pytest.mark.parametrize(
    "cell",
    [
        '<td class="hd">{}</td></tr><tr><td class="meta">Date : 05-03-2024</td>',
        '<td><div class="x">{}</div><div>Published: 5 March 2024</div></td>',
    ],
)
def test_an_english_line_over_its_date_line_titles_a_page_whose_title_tag_shows_nowhere(cell):
    title = "Council approves new library opening hours for the summer"
    text = "".join(
        f"<p>The council agreed on Tuesday to extend hours, item {i}.</p>" for i in range(5)
    )
    page = (
        '<html lang="en"><head><title>Information Department : Press Releases</title></head><body>'
        f"<table><tr>{cell.format(title)}</tr><tr><td>{text}</td></tr></table></body></html>"
    )
    article = extract_article(page.encode(), "file:///tmp/x.html")
    assert (article.title, article.published_at[:10]) == (title, "2024-03-05")


@pytest.mark.parametrize(
    ("text", "ministers"),
    [
        ("The Hon. Rachel Ortega MP", True),
        ("Senator the Hon Jenny Example", True),
        ("Minister for Transport; Minister for Ports", True),
        ("Minister for Housing and Homelessness", True),
        ("Rachel Ortega MP, Minister for Transport", True),
        ("Minister for Housing opens new homes in Carrow", False),
        ("Dr. Smith wins national teaching award", False),
        ("New ferry terminal to open at Port Carrow next summer", False),
        ("示例市部长会见代表团", False),
    ],
)
def test_a_line_naming_only_ministers_is_told_from_a_headline(text, ministers):
    from crawler.extract.article.title import names_ministers

    assert names_ministers(text) is ministers


_NOTICE_TEXT = (
    "<div class='info'>发布时间：2024-05-20　来源：云溪市民政局</div><div id='zoom'>"
    "<p>为进一步规范我市城市居民最低生活保障工作，市民政局起草了实施办法，现向社会公开征求意见。</p>"
    "<p>征求意见时间为2024年5月20日至6月19日，社会各界可通过电子邮件反馈意见。</p></div>"
)


@pytest.mark.parametrize(
    ("heading", "tag_title", "expected"),
    [
        pytest.param(
            "<h1>关于公开征求《云溪市城市居民最低生活保障实施办法<br>"
            '<span style="font-size:18px">（征求意见稿）》意见的公告</span></h1>',
            "云溪市民政局",
            "关于公开征求《云溪市城市居民最低生活保障实施办法（征求意见稿）》意见的公告",
            id="smaller-span-closing-the-book-title",
        ),
        pytest.param(
            "<h1>关于公开征求《云溪市城市居民最低生活保障实施办法<br>（征求意见稿）》意见的公告</h1>",
            "关于公开征求《云溪市城市居民最低生活保障实施办法_云溪市民政局",
            "关于公开征求《云溪市城市居民最低生活保障实施办法（征求意见稿）》意见的公告",
            id="title-tag-shows-the-open-first-line",
        ),
        pytest.param(
            "<h1>关于公开征求云溪市城市居民最低生活保障实施办法<br>（征求意见稿）意见的公告</h1>",
            "云溪市民政局",
            "关于公开征求云溪市城市居民最低生活保障实施办法（征求意见稿）意见的公告",
            id="bracket-opening-a-line-that-goes-on",
        ),
        pytest.param(
            '<div class="title">区人社局开展“稳岗留工<br><span>春风行动”专项服务活动</span></div>',
            "云溪区人民政府",
            "区人社局开展“稳岗留工春风行动”专项服务活动",
            id="quotation-left-open",
        ),
        pytest.param(
            '<h1>云溪市召开民生实事项目推进会<br><span style="font-size:16px">——聚焦“一老一小”</span></h1>',
            "云溪市民政局",
            "云溪市召开民生实事项目推进会",
            id="dash-subtitle-dropped",
        ),
        pytest.param(
            '<h1>云溪市召开民生实事项目推进会</h1><div class="fbt">聚焦“一老一小”办好群众身边事</div>',
            "云溪市民政局",
            "云溪市召开民生实事项目推进会",
            id="marked-subtitle-element-dropped",
        ),
    ],
)
def test_a_heading_broken_by_br_is_one_title_but_its_subtitle(heading, tag_title, expected):
    page = (
        f"<html><head><title>{tag_title}</title></head><body>{heading}{_NOTICE_TEXT}</body></html>"
    )
    assert extract_article(page.encode(), "http://www.example.gov.cn/a/1.html").title == expected


_OLD_TEXT = (
    "<p>各乡镇人民政府：</p>"
    "<p>为做好今年农村公路养护工作，现就有关事项通知如下。</p>"
    "<p>各乡镇须于2024年6月30日前完成辖区内公路的病害排查，并报县交通运输局备案。</p>"
    "<p>县交通运输局</p><p>2024年5月13日</p>"
)
_OLD_HEADING = "关于做好2024年农村公路日常养护工作的通知"


@pytest.mark.parametrize(
    ("tag_title", "cells"),
    [
        pytest.param(
            "通 知 公 告",
            f"<tr><td><font size=3><b>通 知 公 告</b></font></td></tr>"
            f"<tr><td><font size=5><b>{_OLD_HEADING}</b></font></td></tr><tr><td>{_OLD_TEXT}</td></tr>",
            id="under-the-columns-letter-spaced-heading",
        ),
        pytest.param(
            "通　知　公　告",
            f"<tr><td><div align=center><font size=5><b>{_OLD_HEADING}</b></font></div>{_OLD_TEXT}</td></tr>",
            id="opening-the-texts-cell-title-tag-the-column",
        ),
        pytest.param(
            "某某县交通运输局",
            f"<tr><td><p align=center><font size=4 color=red><strong>{_OLD_HEADING}</strong></font></p>"
            f"{_OLD_TEXT.replace('<p>', '<p><font size=3>').replace('</p>', '</font></p>')}</td></tr>",
            id="opening-the-texts-cell-title-tag-the-site-paragraphs-in-font",
        ),
    ],
)
def test_an_old_templates_bold_font_heading_titles_a_page_whose_title_tag_names_the_column(
    tag_title, cells
):
    page = (
        f"<html><head><title>{tag_title}</title></head><body><table><tr><td>"
        '<a href="/">首页</a> <a href="/tzgg/">通知公告</a></td></tr>'
        f"<tr><td><table>{cells}</table></td></tr></table></body></html>"
    )
    article = extract_article(page.encode(), "http://www.example.gov.cn/tzgg/1.html")
    # (The signature's date, not the deadline a sentence of the text names.)
    assert (article.title, article.published_at[:10]) == (_OLD_HEADING, "2024-05-13")
    assert article.body.startswith("各乡镇人民政府")


_UNDATED_TEXT = (
    "<div class='content'><p>因城区道路改造施工需要，经研究，决定对城区部分公交线路进行临时调整。</p>"
    "<p>调整期间给市民出行带来的不便，敬请谅解。</p><p>咨询电话：12345。</p></div>"
)
_UNDATED_TITLE = "关于调整城区部分公交线路的公告"


@pytest.mark.parametrize(
    ("head", "before"),
    [
        pytest.param(
            f'<meta property="og:title" content="{_UNDATED_TITLE} - 某某市人民政府">',
            "",
            id="og-title-with-the-site-part",
        ),
        pytest.param(
            f'<meta name="ArticleTitle" content="{_UNDATED_TITLE}_某某市人民政府">',
            "",
            id="article-title-meta",
        ),
        pytest.param(
            "",
            "<div class='side'><h3>热点关注专题</h3><ul><li><a href='/zt/1'>优化营商环境专题</a></li>"
            "<li><a href='/zt/2'>乡村振兴专题</a></li></ul></div>",
            id="sidebar-box-heading-over-its-links",
        ),
    ],
)
def test_an_undated_page_with_no_heading_is_titled_by_its_title_tag_without_the_site(head, before):
    page = (
        f"<html><head><title>{_UNDATED_TITLE} - 某某市人民政府</title>{head}</head><body>"
        f"<div class='nav'><a href='/'>首页</a></div>{before}{_UNDATED_TEXT}</body></html>"
    )
    article = extract_article(page.encode(), "http://www.example.gov.cn/tzgg/1.html")
    assert (article.title, article.published_at) == (_UNDATED_TITLE, None)
