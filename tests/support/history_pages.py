"""A statistics page's long history, written here from what real sites do (never a copy).

One page of a municipal statistics bureau — its heading, a table of monthly figures and a
一览表 of districts — served over years in three templates: a 2019 TRS/JSP page (GB2312 declared,
session ids in links), a 2021 redesign (HTML5, new header, nav, footer and class names, CSRF
tokens and script nonces) and a 2022 dashboard whose tables sit in portlets that embed whole
HTML documents. Every page carries what changes on every fetch: the header's date and time, a
visit counter, a rotating banner, a reordered 热点 box, session ids and cache-busting queries.
Between them come the responses real sites give instead of the page: empty 200s, script
redirect stubs, JS challenges, titled bot checks, maintenance notices, an unrendered CMS
template, a truncated body, a soft 404, a frame whose portlets failed, 404 and 500 days.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date

HEADING = "临江市国民经济主要指标"
INDICATORS_CAPTION = "全市主要经济指标"
DISTRICTS_CAPTION = "各区县地区生产总值一览表"
INDICATOR_HEAD = ("指标", "单位", "本月", "1-本月累计", "同比增长（%）")
DISTRICT_HEAD = ("区县", "地区生产总值（亿元）", "增速（%）")


@dataclass
class Figures:
    """What the page says: the period, the two tables and the note under them."""

    period: str
    indicators: list[tuple[str, ...]]
    districts: list[tuple[str, ...]]
    updated: str  # 更新日期 printed with the figures
    note: str = "注：本表数据为初步统计数，如有出入以统计年鉴为准。"
    extra: dict = field(default_factory=dict)

    def with_cell(self, table: str, row: int, col: int, value: str) -> Figures:
        rows = [list(r) for r in getattr(self, table)]
        rows[row][col] = value
        return replace(self, **{table: [tuple(r) for r in rows]})

    def with_row(self, table: str, row: tuple[str, ...], at: int | None = None) -> Figures:
        rows = list(getattr(self, table))
        rows.insert(len(rows) if at is None else at, row)
        return replace(self, **{table: rows})


FIRST = Figures(
    period="2019年1月",
    updated="2019-01-15",
    indicators=[
        ("规模以上工业增加值", "亿元", "52.3", "52.3", "6.1"),
        ("固定资产投资", "亿元", "—", "—", "8.4"),
        ("社会消费品零售总额", "亿元", "61.7", "61.7", "7.9"),
        ("一般公共预算收入", "亿元", "12.8", "12.8", "5.2"),
        ("金融机构人民币存款余额", "亿元", "2876.4", "—", "9.6"),
        ("金融机构人民币贷款余额", "亿元", "2310.9", "—", "11.3"),
        ("居民消费价格指数", "上年同月=100", "101.8", "101.8", "—"),
        ("城镇新增就业", "人", "2345", "2345", "3.1"),
    ],
    districts=[
        ("江城区", "98.6", "6.8"),
        ("临东区", "76.2", "7.1"),
        ("青山县", "45.9", "6.3"),
        ("白水县", "38.4", "5.9"),
        ("临江经济开发区", "52.7", "8.2"),
    ],
)


def next_month(figures: Figures, period: str, updated: str, step: float) -> Figures:
    """The next month's figures: every number moves (a monthly release)."""

    def bump(value: str, by: float) -> str:
        try:
            number = float(value)
        except ValueError:
            return value
        decimals = len(value.split(".")[1]) if "." in value else 0
        return f"{number + by:.{decimals}f}"

    indicators = [
        (name, unit, bump(month, step), bump(total, step * 2), bump(growth, step / 10))
        for name, unit, month, total, growth in figures.indicators
    ]
    districts = [(n, bump(gdp, step), bump(g, step / 10)) for n, gdp, g in figures.districts]
    return replace(
        figures, period=period, updated=updated, indicators=indicators, districts=districts
    )


# Noise: what changes on every fetch ---------------------------------------------------------

_BANNERS = [
    "深入学习贯彻党的二十大精神",
    "第七次全国人口普查",
    "第五次全国经济普查",
    "统计法治宣传月",
    "优化营商环境 我们在行动",
]
_HOT = [
    "2018年临江市国民经济和社会发展统计公报",
    "统计数据发布日程表",
    "临江统计年鉴2018",
    "统计违法举报",
    "全市规模以上工业企业名录",
    "统计调查项目目录",
    "关于开展统计执法检查的公告",
]
_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Noise:
    """The volatile parts of one fetch, all derived from ``seed`` (the fetch)."""

    seed: int
    day: date

    def _hash(self, salt: str, n: int = 16) -> str:
        return hashlib.sha1(f"{salt}{self.seed}".encode()).hexdigest()[:n]

    @property
    def session(self) -> str:
        return self._hash("session", 32).upper()

    @property
    def token(self) -> str:
        return self._hash("csrf", 40)

    @property
    def nonce(self) -> str:
        return self._hash("nonce", 12)

    @property
    def bust(self) -> str:
        return str(1546300800000 + self.seed * 86_400_123)

    @property
    def counter(self) -> int:
        return 10_000 + 173 * self.seed

    @property
    def clock(self) -> str:
        return f"{8 + self.seed % 10:02d}:{self.seed * 7 % 60:02d}:{self.seed * 13 % 60:02d}"

    @property
    def today(self) -> str:
        d = self.day
        return f"{d.year}年{d.month}月{d.day}日 星期{_WEEKDAYS[d.weekday()]}"

    @property
    def banner(self) -> str:
        return _BANNERS[self.seed % len(_BANNERS)]

    def hot(self, n: int = 5) -> list[str]:
        order = sorted(_HOT, key=lambda t: hashlib.sha1(f"{t}{self.seed}".encode()).hexdigest())
        return order[:n]


# Presentation variants of the same content -------------------------------------------------


def _fullwidth_variant(text: str) -> str:
    """The same text as a re-saved page may give it: ASCII punctuation and digits where the
    page had full-width ones (and the reverse), no change of meaning."""
    swaps = {"（": "(", "）": ")", "：": ":", "，": ",", "(": "（", ")": "）"}
    return "".join(swaps.get(c, c) for c in text)


def _cells(row, tag="td", spaced=False, spans=False):
    out = []
    for cell in row:
        if spans:  # Word-pasted HTML: the text split over spans
            half = len(cell) // 2
            cell = f'<span style="font-size:14px">{cell[:half]}</span><span>{cell[half:]}</span>'
        if spaced:
            cell = f"\n      {cell}&nbsp;\n    "
        out.append(f"<{tag}>{cell}</{tag}>")
    return "".join(out)


# 2019: a TRS/JSP page ------------------------------------------------------------------------


def template_2019(fig: Figures, noise: Noise, *, variant: str = "") -> str:
    """``variant``: ``"spaced"`` (whitespace and full-width/half-width punctuation changed)."""
    spaced = variant == "spaced"
    sid = f";jsessionid={noise.session}"
    text = _fullwidth_variant if spaced else (lambda s: s)
    ind_rows = "\n".join(
        f"<tr>{_cells([text(c) for c in row], spaced=spaced)}</tr>" for row in fig.indicators
    )
    dist_rows = "\n".join(
        f"<tr>{_cells([text(c) for c in row], spaced=spaced)}</tr>" for row in fig.districts
    )
    hot = "".join(
        f'<li><a href="/tjxx/{i}.jhtml{sid}" target="_blank">{t}</a></li>'
        for i, t in enumerate(noise.hot())
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{HEADING}-临江市统计局</title>
<meta name="SiteName" content="临江市统计局" />
<meta name="ColumnName" content="统计数据" />
<link href="/templets/default/css/style.css?v={noise.bust}" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/templets/default/js/jquery.min.js?_={noise.bust}"></script>
</head>
<body>
<div id="top"><div class="top_l">今天是：{noise.today}</div>
<div class="top_r"><a href="/index.jhtml{sid}">设为首页</a> | <a href="javascript:void(0)">加入收藏</a> | <a href="/wza/{sid}">无障碍浏览</a></div></div>
<div id="logo"><img src="/templets/default/images/logo.png" alt="临江市统计局" /></div>
<div id="nav"><ul>
<li><a href="/index.jhtml{sid}">首页</a></li><li><a href="/jgzn/index.jhtml{sid}">机构职能</a></li>
<li><a href="/tjxx/index.jhtml{sid}">统计信息</a></li><li><a href="/tjsj/index.jhtml{sid}">统计数据</a></li>
<li><a href="/tjfw/index.jhtml{sid}">统计服务</a></li><li><a href="/zwgk/index.jhtml{sid}">政务公开</a></li>
<li><a href="/hdjl/index.jhtml{sid}">互动交流</a></li></ul></div>
<div class="banner"><a href="/ztzl/{noise.seed % 5}/index.jhtml{sid}"><img src="/u/banner{noise.seed % 5}.jpg" alt="{noise.banner}" /><span>{noise.banner}</span></a></div>
<div id="container">
<div class="left">
<div class="lmmc">统计数据</div>
<ul class="lmlb"><li><a href="/tjsj/ydsj/index.jhtml{sid}">月度数据</a></li><li><a href="/tjsj/jdsj/index.jhtml{sid}">季度数据</a></li>
<li><a href="/tjsj/ndsj/index.jhtml{sid}">年度数据</a></li><li><a href="/tjsj/tjgb/index.jhtml{sid}">统计公报</a></li></ul>
<div class="hot"><div class="hot_t">热点信息</div><ul>{hot}</ul></div>
</div>
<div class="right">
<div class="dqwz">当前位置：<a href="/index.jhtml{sid}">首页</a> &gt; <a href="/tjsj/index.jhtml{sid}">统计数据</a> &gt; <a href="/tjsj/ydsj/index.jhtml{sid}">月度数据</a></div>
<div class="con_title">{HEADING}</div>
<div class="con_info">发布日期：{fig.updated}&nbsp;&nbsp;&nbsp;信息来源：临江市统计局&nbsp;&nbsp;&nbsp;浏览次数：{noise.counter}&nbsp;&nbsp;&nbsp;【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
<div class="TRS_Editor">
<p style="text-indent:2em">{text(f"统计期：{fig.period}，更新日期：{fig.updated}。")}</p>
<table width="100%" border="1" cellspacing="0" cellpadding="0" class="tjsj">
<caption>{INDICATORS_CAPTION}</caption>
<tr>{_cells([text(c) for c in INDICATOR_HEAD], "th")}</tr>
{ind_rows}
</table>
<p>&nbsp;</p>
<table width="100%" border="1" cellspacing="0" cellpadding="0" class="tjsj">
<caption>{DISTRICTS_CAPTION}</caption>
<tr>{_cells([text(c) for c in DISTRICT_HEAD], "th")}</tr>
{dist_rows}
</table>
<p>{text(fig.note)}</p>
<p>附件：<a href="/u/cms/tjj/zyzb.xls{sid}">{HEADING}数据表.xls</a></p>
</div>
<div class="fx">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
</div>
<div id="footer">
<p><a href="/wzdt/{sid}">网站地图</a> | <a href="/lxwm/{sid}">联系我们</a> | <a href="/mzsm/{sid}">免责声明</a></p>
<p>主办单位：临江市统计局　地址：临江市人民路1号　邮编：430600　电话：0730-1234567</p>
<p>网站标识码：4306000012　<a href="http://beian.miit.gov.cn">湘ICP备05001234号</a>　湘公网安备 43060002000123号</p>
<p>您是本站第 {noise.counter * 7} 位访问者</p>
</div>
<script type="text/javascript">var _hmt=_hmt||[];_hmt.push(['_trackPageview','{noise.session}']);</script>
</body></html>
"""


# 2021: the first redesign (HTML5, every class and the chrome new) ------------------------


def template_2021(fig: Figures, noise: Noise, *, variant: str = "") -> str:
    spaced = variant == "spaced"
    text = _fullwidth_variant if spaced else (lambda s: s)
    ind_rows = "\n".join(
        f"<tr>{_cells([text(c) for c in row], spans=True, spaced=spaced)}</tr>"
        for row in fig.indicators
    )
    dist_rows = "\n".join(
        f"<tr>{_cells([text(c) for c in row], spans=True, spaced=spaced)}</tr>"
        for row in fig.districts
    )
    hot = "".join(
        f'<li><a href="/tjxx/rd/{i}.html?from=hot&t={noise.bust}">{t}</a><span>{noise.day}</span></li>'
        for i, t in enumerate(noise.hot(4))
    )
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="_csrf" content="{noise.token}">
<title>{HEADING} | 临江市统计局门户网站</title>
<meta name="SiteName" content="临江市统计局门户网站">
<link rel="stylesheet" href="/static/v2/css/main.css?ver={noise.bust}">
<script nonce="{noise.nonce}">window.__CSRF__="{noise.token}";</script>
</head>
<body class="page-detail">
<header class="g-header">
  <div class="g-topbar"><div class="w1200"><span class="g-date">{noise.today} {noise.clock}</span>
  <span class="g-links"><a href="/">简体</a> <a href="/big5/">繁體</a> <a href="/app/">移动版</a> <a href="/login">登录</a></span></div></div>
  <div class="g-brand w1200"><a href="/" class="g-logo"><img src="/static/v2/img/logo.png" alt="临江市统计局门户网站"></a>
  <form class="g-search" action="/search"><input type="hidden" name="csrf_token" value="{noise.token}"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
  <nav class="g-nav"><div class="w1200">
  <a href="/">网站首页</a><a href="/xxgk/">信息公开</a><a href="/sjfb/">数据发布</a><a href="/sjjd/">数据解读</a>
  <a href="/tjzs/">统计知识</a><a href="/hdhy/">互动回应</a><a href="/zt/">专题专栏</a></div></nav>
</header>
<section class="m-banner"><div class="swiper"><a href="/zt/{noise.seed % 5}/">{noise.banner}</a></div></section>
<main class="w1200 m-detail">
  <div class="m-crumb"><i class="icon-home"></i>您的位置：<a href="/">首页</a> / <a href="/sjfb/">数据发布</a> / <a href="/sjfb/yd/">月度数据</a></div>
  <div class="m-main">
  <article class="article">
    <h2 class="article-tit">{HEADING}</h2>
    <div class="article-meta"><span>来源：临江市统计局</span><span>发布日期：{fig.updated}</span><span>阅读量：{noise.counter}</span>
    <span class="m-font">字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></span></div>
    <div class="article-con" id="zoomcon">
      <p>{text(f"统计期：{fig.period}，更新日期：{fig.updated}。")}</p>
      <h3 class="tb-tit">{INDICATORS_CAPTION}</h3>
      <table class="table-data"><thead><tr>{_cells([text(c) for c in INDICATOR_HEAD], "th")}</tr></thead>
      <tbody>
{ind_rows}
      </tbody></table>
      <h3 class="tb-tit">{DISTRICTS_CAPTION}</h3>
      <table class="table-data"><thead><tr>{_cells([text(c) for c in DISTRICT_HEAD], "th")}</tr></thead>
      <tbody>
{dist_rows}
      </tbody></table>
      <p class="tb-note">{text(fig.note)}</p>
      <p>附件：<a href="/u/cms/tjj/zyzb.xls">{HEADING}数据表.xls</a></p>
    </div>
    <div class="article-tools"><a href="javascript:window.print()">打印本页</a><a href="javascript:window.close()">关闭窗口</a>
    <div class="share">分享：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a></div></div>
  </article>
  <aside class="m-side"><div class="side-box"><h4>热点推荐</h4><ul>{hot}</ul></div>
  <div class="side-box"><h4>扫码关注</h4><img src="/static/v2/img/qr.png" alt="临江统计微信公众号"></div></aside>
  </div>
</main>
<footer class="g-footer"><div class="w1200">
  <div class="f-links"><a href="/about/">关于本站</a><a href="/sitemap/">网站地图</a><a href="/contact/">联系我们</a><a href="/privacy/">隐私声明</a></div>
  <p>临江市统计局 版权所有　未经许可不得复制</p>
  <p>地址：临江市人民路1号　联系电话：0730-1234567　<a href="https://beian.miit.gov.cn/">湘ICP备05001234号-2</a></p>
  <p>网站标识码：4306000012　<a href="http://www.beian.gov.cn/">湘公网安备 43060002000123号</a></p>
  <div class="f-jiucuo"><a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4306000012&url={noise.bust}">政府网站找错</a></div>
</div></footer>
<script nonce="{noise.nonce}" src="/static/v2/js/app.js?ver={noise.bust}"></script>
</body>
</html>
"""


# 2022: a dashboard of portlets, each an embedded HTML document ----------------------------


def _portlet(pid: int, caption: str, head, rows, text, spaced: bool) -> str:
    body = "\n".join(f"<tr>{_cells([text(c) for c in row], spaced=spaced)}</tr>" for row in rows)
    return f"""<div class="portlet" id="portlet_{pid}">
<div class="portlet-header"><span class="portlet-title">{caption}</span><a class="more" href="/sjfb/more_{pid}.html">更多&gt;&gt;</a></div>
<div class="portlet-content">
<html><head><meta charset="utf-8"><title>{caption}</title><link rel="stylesheet" href="/eportal/fileDir/css/tb.css?r={pid}"></head>
<body><table class="tjTable" width="100%"><tr>{_cells([text(c) for c in head], "th")}</tr>
{body}
</table></body></html>
</div></div>"""


def template_2022(fig: Figures, noise: Noise, *, variant: str = "", portlets: bool = True) -> str:
    """``portlets=False``: the frame served with its portlets empty (a portal that failed to
    render its data: 暂无数据)."""
    spaced = variant == "spaced"
    text = _fullwidth_variant if spaced else (lambda s: s)
    if portlets:
        content = (
            f'<div class="dash-desc">{text(f"统计期：{fig.period}，更新日期：{fig.updated}。")}</div>\n'
            + _portlet(1, INDICATORS_CAPTION, INDICATOR_HEAD, fig.indicators, text, spaced)
            + "\n"
            + _portlet(2, DISTRICTS_CAPTION, DISTRICT_HEAD, fig.districts, text, spaced)
            + f'\n<div class="dash-note">{text(fig.note)}</div>'
            + f'\n<div class="dash-file">附件：<a href="/u/cms/tjj/zyzb.xls?_t={noise.bust}">{HEADING}数据表.xls</a></div>'
        )
    else:
        content = (
            '<div class="portlet" id="portlet_1"><div class="portlet-header"><span class="portlet-title">'
            f'{INDICATORS_CAPTION}</span></div><div class="portlet-content"><div class="nodata">暂无数据</div></div></div>\n'
            '<div class="portlet" id="portlet_2"><div class="portlet-header"><span class="portlet-title">'
            f'{DISTRICTS_CAPTION}</span></div><div class="portlet-content"><div class="nodata">暂无数据</div></div></div>'
        )
    hot = "".join(
        f'<li><a href="/eportal/ui?pageId=3{i}&articleKey={i}&columnId=88&jsessionid={noise.session}">{t}</a></li>'
        for i, t in enumerate(noise.hot(6))
    )
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="createDate" content="{noise.day} {noise.clock}">
<title>临江市统计局—{HEADING}</title>
<script type="text/javascript">var portalJsessionId="{noise.session}";var _csrf="{noise.token}";</script>
<link rel="stylesheet" href="/eportal/fileDir/tjj/template/css/index.css?t={noise.bust}">
</head>
<body>
<div class="header-wrap">
 <div class="header-top"><div class="container"><div class="ht-left">{noise.today}　{noise.clock}</div>
 <div class="ht-right"><a href="/eportal/ui?pageId=1">首页</a>｜<a href="/eportal/ui?pageId=9">English</a>｜<a href="/eportal/ui?pageId=8">长者模式</a></div></div></div>
 <div class="header-logo container"><h1><a href="/eportal/ui?pageId=1">临江市统计局</a></h1><p class="slogan">Linjiang Municipal Bureau of Statistics</p></div>
 <div class="menu"><ul class="container">
 <li><a href="/eportal/ui?pageId=1">首 页</a></li><li><a href="/eportal/ui?pageId=2">统计动态</a></li><li><a href="/eportal/ui?pageId=3">统计数据</a></li>
 <li><a href="/eportal/ui?pageId=4">统计分析</a></li><li><a href="/eportal/ui?pageId=5">政府信息公开</a></li><li><a href="/eportal/ui?pageId=6">政民互动</a></li></ul></div>
</div>
<div class="rotator"><ul><li class="active"><a href="/eportal/ui?pageId=7&n={noise.seed % 5}">{noise.banner}</a></li></ul></div>
<div class="container body-wrap">
<div class="location">当前位置：<a href="/eportal/ui?pageId=1">首页</a> &gt;&gt; <a href="/eportal/ui?pageId=3">统计数据</a> &gt;&gt; <span>主要指标</span></div>
<div class="dash-main">
<div class="dash-head"><div class="dash-title">{HEADING}</div>
<div class="dash-meta">发布时间：{fig.updated}　来源：临江市统计局　访问量：{noise.counter}</div></div>
{content}
</div>
<div class="dash-side"><div class="side-title">热门信息</div><ul class="side-list">{hot}</ul>
<div class="side-title">相关链接</div><ul class="side-list"><li><a href="http://www.stats.gov.cn/">国家统计局</a></li><li><a href="http://tjj.hunan.gov.cn/">省统计局</a></li></ul></div>
</div>
<div class="footer-wrap"><div class="container">
<p>主办：临江市统计局　　承办：临江市统计信息中心</p>
<p>地址：临江市人民路1号　电话：0730-1234567　ICP备案号：湘ICP备05001234号-2</p>
<p>网站标识码：4306000012　本站总访问量：{noise.counter * 11}</p>
<p><a href="javascript:void(0)" onclick="window.open('/eportal/ui?pageId=99&t={noise.bust}')">网站纠错</a></p>
</div></div>
<input type="hidden" name="_csrf" value="{noise.token}">
</body>
</html>
"""


def unrendered_2022(noise: Noise) -> str:
    """The dashboard's template served without its data: the portal's placeholders left in."""
    page = template_2022(FIRST, noise, portlets=False)
    page = page.replace(
        f'<div class="dash-title">{HEADING}</div>', '<div class="dash-title">${article.title}</div>'
    )
    page = page.replace("<span>主要指标</span>", "$pageHelpBean.getColumnNavPath(pageId, columnId)")
    page = page.replace(
        f"发布时间：{FIRST.updated}　来源：临江市统计局",
        '发布时间：${article.publishDate?string("yyyy-MM-dd")}　来源：$!{article.source}',
    )
    return page.replace(
        f"<title>临江市统计局—{HEADING}</title>", "<title>临江市统计局—$!{article.title}</title>"
    )


def soft_404_2021(noise: Noise) -> str:
    """The 2021 site's own "page not found", answered with a 200 in the site's chrome."""
    page = template_2021(FIRST, noise)
    start = page.index('<main class="w1200 m-detail">')
    end = page.index("</main>") + len("</main>")
    return (
        page[:start]
        + """<main class="w1200 m-error"><div class="error-box"><img src="/static/v2/img/404.png" alt="">
<p class="error-tip">抱歉，您访问的页面不存在或已被删除！</p>
<p><a href="/">返回首页</a> <a href="javascript:history.back()">返回上一页</a></p></div></main>"""
        + page[end:]
    ).replace(f"<title>{HEADING} | 临江市统计局门户网站</title>", "<title>页面不存在</title>")


# Responses that are not the page --------------------------------------------------------

# ~200 bytes: a script sends the browser to a verification page.
REDIRECT_STUB = (
    '<html><head><script type="text/javascript">self.location="/waf_verify.htm?u="+'
    "escape(location.href);</script></head><body>"
    '<a href="/waf_verify.htm">如果页面没有自动跳转，请点击此处</a></body></html>'
)

# A JS challenge: no text, an obfuscated script that sets a cookie and reloads.
JS_CHALLENGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Cache-Control" content="no-cache">
<script type="text/javascript" r="m">var _$ae=[81,102,93,77,44];function _$tk(s){var r="";for(var i=0;i<s.length;i++){r+=String.fromCharCode(s[i]^7);}return r;}
(function(){var c=_$tk(_$ae)+"="+(new Date()).getTime().toString(36)+";path=/";document["coo"+"kie"]=c;setTimeout(function(){window["loca"+"tion"].reload();},60);})();</script>
<script type="text/javascript" src="/4QbVtADbnLVIc/d.FxJzG50F.dfe1675.js" r="m"></script>
</head><body></body></html>
"""

# A bot check with a title and a sentence, and a button a script wires up.
TITLED_CHECK = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>安全验证</title>
<style>.box{margin:120px auto;width:420px;text-align:center}</style></head>
<body><div class="box"><h2>请完成安全验证</h2>
<p>您的访问请求频率过高，为保障网站安全运行，请点击下方按钮完成验证后继续浏览。</p>
<button id="verifyBtn">点击进行验证</button>
<p class="ray">请求编号：7f3a9c21e4b0</p></div>
<script src="/_guard/slider.js"></script><script>document.getElementById("verifyBtn").onclick=function(){guard.open(function(t){location.href=location.pathname+"?_gt="+t;});};</script>
</body></html>
"""

# The same kind of check, answered 412 by a front end (瑞数-style), with a little text.
CHALLENGE_412 = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>访问验证</title>
<script>var $_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=48211;$_ts.cd="qhDcrcA";</script>
<script type="text/javascript" src="/xB3tKy2s6nPa/a1b2c3.js" r="m"></script></head>
<body><noscript>请开启浏览器的JavaScript功能后刷新页面</noscript></body></html>
"""

MAINTENANCE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>系统升级公告</title></head>
<body style="background:#f5f5f5"><div style="width:600px;margin:100px auto;background:#fff;padding:40px">
<h3>系统升级公告</h3>
<p>尊敬的用户：为进一步提升服务质量，本网站定于{when}进行系统升级，期间网站暂停访问。给您带来的不便，敬请谅解！</p>
<p style="text-align:right">临江市统计局<br>{day}</p></div></body></html>
"""

MAINTENANCE_503 = """<html><head><title>503 Service Temporarily Unavailable</title></head>
<body><center><h1>网站正在维护</h1><p>服务器维护中，请稍后访问。</p></center><hr><center>nginx</center></body></html>
"""

NOT_FOUND = """<html><head><meta charset="utf-8"><title>404 页面不存在</title></head>
<body><div class="e404"><h1>404</h1><p>对不起，您访问的页面不存在！</p><a href="/">返回首页</a></div></body></html>
"""

SERVER_ERROR = """<html><head><title>Apache Tomcat/8.5.31 - Error report</title></head>
<body><h1>HTTP Status 500 – Internal Server Error</h1><hr class="line" /><p><b>Type</b> Exception Report</p>
<p><b>Message</b> Request processing failed; nested exception is java.lang.NullPointerException</p>
<pre>org.springframework.web.util.NestedServletException: Request processing failed
	at org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:982)</pre>
<hr class="line" /><h3>Apache Tomcat/8.5.31</h3></body></html>
"""


# A second page, written apart from the first: a county's 行政处罚 disclosure table on a Hanweb
# site, redesigned once into a grid of divs; its faults worded as other sites word them.

PENALTY_HEAD = ("序号", "决定书文号", "当事人", "违法事实", "处罚依据", "处罚结果", "决定日期")


def penalty_rows(n: int, *, fix: dict | None = None) -> list[tuple[str, ...]]:
    rows = []
    for i in range(n):
        rows.append(
            (
                str(i + 1),
                f"青市监处罚〔2020〕{101 + i}号",
                f"青山县{'东西南北中'[i % 5]}街某{'商贸超市药店餐饮茶行'[i % 5 * 2 : i % 5 * 2 + 2]}有限公司",
                ["销售过期食品", "未明码标价", "虚假宣传", "无证经营", "销售不合格产品"][i % 5],
                "《中华人民共和国食品安全法》第一百二十四条",
                f"罚款{(i + 2) * 1000}元",
                f"2020-0{1 + i % 9}-{10 + i:02d}",
            )
        )
    for (r, c), value in (fix or {}).items():
        row = list(rows[r])
        row[c] = value
        rows[r] = tuple(row)
    return rows


def hanweb_2020(rows, noise: Noise) -> str:
    body = "\n".join(
        "<tr>" + "".join(f'<td align="center">{c}</td>' for c in row) + "</tr>" for row in rows
    )
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>青山县市场监督管理局行政处罚信息公示 青山县人民政府</title>
<meta name="ArticleTitle" content="青山县市场监督管理局行政处罚信息公示">
<meta name="PubDate" content="2020-10-12 09:00">
<meta name="ContentSource" content="青山县市场监督管理局">
<!--Produced By 大汉网络 大汉版通发布系统-->
</head>
<body>
<div class="header"><div class="weather">{noise.today} {noise.clock} 多云 12~18℃</div>
<div class="online">当前在线：{noise.seed * 3 + 17}人</div></div>
<table width="1000" align="center"><tr><td class="nav">
<a href="/col/col1/index.html">首页</a> <a href="/col/col2/index.html">政务公开</a> <a href="/col/col3/index.html">办事服务</a>
<a href="/col/col4/index.html">政民互动</a> <a href="/col/col5/index.html">走进青山</a></td></tr></table>
<table width="1000" align="center"><tr>
<td width="240" valign="top" class="left"><div class="lm">政务公开</div>
<div class="ph">阅读排行</div><ol>{"".join(f"<li><a href='/art/2020/{i}.html'>{t}</a></li>" for i, t in enumerate(noise.hot(5)))}</ol></td>
<td valign="top">
<div class="wz">您现在的位置：<a href="/">首页</a> &gt; <a href="/col/col2/index.html">政务公开</a> &gt; <a href="/col/col2018/index.html">行政处罚</a></div>
<table width="100%"><tr><td class="title" align="center">青山县市场监督管理局行政处罚信息公示</td></tr>
<tr><td align="center" class="bt_info">发布日期：2020-10-12　来源：青山县市场监督管理局　本页访问：{noise.counter}次　【字体：<a>大</a> <a>中</a> <a>小</a>】</td></tr>
<tr><td id="zoom" class="bt_content">
<p>根据《行政处罚法》和《市场监督管理行政处罚信息公示规定》，现将我局作出的行政处罚决定公示如下：</p>
<table border="1" cellspacing="0" width="100%"><tr>{"".join(f"<td><b>{c}</b></td>" for c in PENALTY_HEAD)}</tr>
{body}
</table>
<p>青山县市场监督管理局</p><p>2020年10月12日</p>
</td></tr></table>
<div class="bt_link">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</td></tr></table>
<div class="foot">青山县人民政府办公室主办　版权所有　网站标识码：4311220001<br>
您是第<span>{noise.counter * 3}</span>位访客　<script>document.write('<img src="/counter?r=' + Math.random() + '">');</script></div>
</body></html>
"""


def grid_2023(rows, noise: Noise) -> str:
    """The redesign: the same table as a grid of divs, HTML5 chrome, everything renamed."""
    head = "".join(f'<span class="th">{c}</span>' for c in PENALTY_HEAD)
    body = "\n".join(
        '<div class="grid-row">' + "".join(f'<span class="td">{c}</span>' for c in row) + "</div>"
        for row in rows
    )
    return f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">
<title>青山县市场监督管理局行政处罚信息公示-青山县人民政府门户网站</title>
<meta name="csrf-token" content="{noise.token}">
<link rel="stylesheet" href="/dist/app.css?{noise.bust}"></head>
<body>
<div id="topbar" data-session="{noise.session}"><span>{noise.today}</span><a href="/wza">无障碍</a><a href="/lhb">关怀版</a></div>
<header><div class="logo">青山县人民政府</div><nav><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/bsfw/">办事服务</a><a href="/zmhd/">政民互动</a></nav></header>
<div class="notice-bar">{noise.banner}</div>
<div class="crumbs"><a href="/">首页</a> › <a href="/zwgk/">政务公开</a> › <a href="/zwgk/xzcf/">行政处罚</a></div>
<section class="detail">
<h1 class="detail-title">青山县市场监督管理局行政处罚信息公示</h1>
<p class="detail-meta"><em>发布日期：2020-10-12</em><em>来源：青山县市场监督管理局</em><em>浏览量：{noise.counter}</em></p>
<div class="detail-body">
<p>根据《行政处罚法》和《市场监督管理行政处罚信息公示规定》，现将我局作出的行政处罚决定公示如下：</p>
<div class="grid"><div class="grid-head">{head}</div>
{body}
</div>
<p>青山县市场监督管理局</p><p>2020年10月12日</p>
</div></section>
<aside class="recommend"><h3>猜你关注</h3>{"".join(f"<a href='/zwgk/{i}.html?sid={noise.session}'>{t}</a>" for i, t in enumerate(noise.hot(3)))}</aside>
<footer><p>主办：青山县人民政府办公室</p><p>网站标识码：4311220001　湘ICP备12003456号</p></footer>
<script>window.__INITIAL_STATE__={{"csrf":"{noise.token}","t":{noise.bust}}};</script>
</body></html>
"""


RATE_LIMITED = """<html><head><meta charset="utf-8"><title>提示信息</title></head>
<body><div style="margin:80px auto;width:500px;border:1px solid #ccc;padding:20px">
<p>您的访问过于频繁，请稍后再试。</p><p>如有疑问请联系网站管理员。</p></div></body></html>
"""

NGINX_404 = """<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx</center>
</body>
</html>
"""

BARE_SHELL = "<html><head></head><body></body></html>"

UPDATING = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>青山县人民政府</title></head>
<body><img src="/images/whz.png" alt=""><p>网站正在更新，请稍后访问……</p></body></html>
"""

JSP_UNRENDERED = """<html><head><meta charset="utf-8"><title>${doc.title}-青山县人民政府门户网站</title></head>
<body><header><div class="logo">青山县人民政府</div></header>
<div class="crumbs"><%=request.getAttribute("navPath")%></div>
<section class="detail"><h1 class="detail-title">${doc.title}</h1>
<p class="detail-meta">发布日期：${doc.pubDate}</p><div class="detail-body">${doc.content}</div></section>
<footer><p>主办：青山县人民政府办公室</p></footer></body></html>
"""
