"""A county portal on a TRS-like static CMS, crawled over days: three columns, GBK pages, noise.

The site of ``tests/test_monitor_county.py``. 清溪县人民政府 publishes 通知公告 (``/xxgk/tzgg/``,
six rows a page, TRS ``createPageHTML`` pager), 政务动态 (``/xwzx/zwdt/``, rows with a summary,
a plain 首页/下一页/尾页 pager) and 政策文件 (``/xxgk/zcwj/``, a 信息公开 table whose article
links carry the JSP front end's ``;jsessionid=``). A release may be listed in two columns under
two row titles, move to another URL (the old one answering 301), answer 404, be taken off its
list, or have its row or article changed. Every page carries what changes on every crawl of a
real portal without being news: the header's date and clock, the weather, visit counters, a
rotating banner, a reordered 热点推荐 box, CSRF tokens, session ids in links, 上一篇/下一篇 and
相关文章 naming the neighbours of the day, cache-busting queries on attachment links.

    site = County()
    routes = site.routes(crawl=3, moment=datetime(...))   # path -> Capture, for one crawl
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import ThreadingHTTPServer

from support.replay import Capture
from support.replay_server import _Handler

SITE = "清溪县人民政府"
COLUMNS = {
    "tzgg": ("通知公告", "/xxgk/tzgg/", "信息公开"),
    "zwdt": ("政务动态", "/xwzx/zwdt/", "新闻中心"),
    "zcwj": ("政策文件", "/xxgk/zcwj/", "信息公开"),
}
SECTIONS = {"/xxgk/": ("tzgg", "zcwj"), "/xwzx/": ("zwdt",)}  # overview pages: a box per column
PER_PAGE = {"tzgg": 6, "zwdt": 6, "zcwj": 10}
WEEKDAYS = "一二三四五六日"
WEATHER = ["晴 18℃~27℃", "多云 17℃~25℃", "小雨 16℃~22℃", "阴 17℃~24℃", "晴转多云 19℃~28℃"]
BANNERS = [
    ("/ztzl/xczx/", "乡村振兴 清溪在行动"),
    ("/ztzl/yshj/", "优化营商环境 我们在行动"),
    ("/ztzl/cjwm/", "创建全国文明城市"),
    ("/ztzl/ajfz/", "防范电信网络诈骗"),
]
NAV = [
    ("首页", "/"),
    ("走进清溪", "/zjqx/"),
    ("县情概况", "/zjqx/xqgk/"),
    ("历史沿革", "/zjqx/lsyg/"),
    ("行政区划", "/zjqx/xzqh/"),
    ("自然资源", "/zjqx/zrzy/"),
    ("新闻中心", "/xwzx/"),
    ("清溪要闻", "/xwzx/qxyw/"),
    ("政务动态", "/xwzx/zwdt/"),
    ("部门动态", "/xwzx/bmdt/"),
    ("乡镇动态", "/xwzx/xzdt/"),
    ("媒体看清溪", "/xwzx/mtkqx/"),
    ("信息公开", "/xxgk/"),
    ("通知公告", "/xxgk/tzgg/"),
    ("政策文件", "/xxgk/zcwj/"),
    ("政策解读", "/xxgk/zcjd/"),
    ("人事信息", "/xxgk/rsxx/"),
    ("财政资金", "/xxgk/czzj/"),
    ("规划计划", "/xxgk/ghjh/"),
    ("统计信息", "/xxgk/tjxx/"),
    ("应急管理", "/xxgk/yjgl/"),
    ("政府信息公开年报", "/xxgk/ndbg/"),
    ("依申请公开", "/xxgk/ysqgk/"),
    ("政务服务", "/zwfw/"),
    ("个人办事", "/zwfw/grbs/"),
    ("法人办事", "/zwfw/frbs/"),
    ("便民服务", "/zwfw/bmfw/"),
    ("办事指南", "/zwfw/bszn/"),
    ("互动交流", "/hdjl/"),
    ("县长信箱", "/hdjl/xzxx/"),
    ("网上调查", "/hdjl/wsdc/"),
    ("在线访谈", "/hdjl/zxft/"),
    ("征集调查", "/hdjl/zjdc/"),
    ("专题专栏", "/ztzl/"),
]
LINKS = [
    "中国政府网",
    "省人民政府",
    "市人民政府",
    "县发展和改革局",
    "县教育局",
    "县公安局",
    "县民政局",
    "县司法局",
    "县财政局",
    "县人力资源和社会保障局",
    "县自然资源局",
    "县住房和城乡建设局",
    "县交通运输局",
    "县水利局",
    "县农业农村局",
    "县商务局",
    "县文化旅游广电体育局",
    "县卫生健康局",
    "县应急管理局",
    "县市场监督管理局",
    "县统计局",
    "县医疗保障局",
]


@dataclass
class Release:
    """One release of the county site as it stands on a crawl's day."""

    key: str  # T07, W03, Z05: how the scenario names it
    column: str
    number: int
    title: str
    date: str  # YYYY-MM-DD, printed on its rows and page
    source: str
    paragraphs: list[str]
    also: dict[str, str] = field(default_factory=dict)  # other column -> its row title there
    row_title: str | None = None  # the row title in its own column, when not the title
    path: str = ""
    moved_from: str | None = None  # its URL before a move (answering 301 to ``path``)
    status: int | None = None  # 404: the page answers that, the rows stay as they are
    listed: bool = True
    attachment: str | None = None

    def __post_init__(self):
        if not self.path:
            self.path = self.url_for(self.column, self.date, self.number)

    @staticmethod
    def url_for(column: str, date: str, number: int) -> str:
        day = date.replace("-", "")
        return f"{COLUMNS[column][1]}{day[:6]}/t{day}_{number}.html"

    def shown(self, column: str) -> str:
        return (
            self.also.get(column)
            or (self.row_title if column == self.column else None)
            or self.title
        )


def _hex(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()


class County:
    """The site: its releases (edited in place by the scenario) and its pages for one crawl."""

    def __init__(self, releases: list[Release]):
        self.releases = releases

    def __getitem__(self, key: str) -> Release:
        return next(r for r in self.releases if r.key == key)

    def add(self, release: Release) -> Release:
        self.releases.append(release)
        return release

    def rows(self, column: str) -> list[Release]:
        listed = [r for r in self.releases if r.listed and (r.column == column or column in r.also)]
        return sorted(listed, key=lambda r: (r.date, r.number), reverse=True)

    # -- one crawl's pages -------------------------------------------------------------------

    def routes(
        self, crawl: int, moment: datetime, empty: tuple[str, ...] = ()
    ) -> dict[str, Capture]:
        """Every path of the site on this crawl: list pages, articles, moved URLs. ``empty``:
        columns whose first list page is regenerated with no rows (暂无信息) that day."""
        noise = _Noise(crawl, moment)
        routes: dict[str, Capture] = {}
        for column in COLUMNS:
            rows = self.rows(column)
            per = PER_PAGE[column]
            pages = [rows[i : i + per] for i in range(0, len(rows), per)] or [[]]
            for number, chunk in enumerate(pages):
                if number == 0 and column in empty:
                    chunk, count = [], 1
                else:
                    count = len(pages)
                name = "index.html" if number == 0 else f"index_{number}.html"
                html = _list_page(column, chunk, number, count, noise)
                routes[COLUMNS[column][1] + name] = _gbk(html, f"{column} list {number}")
        for section, columns in SECTIONS.items():
            boxes = [(c, self.rows(c) if c not in empty else []) for c in columns]
            routes[section] = _gbk(_overview(section, boxes, noise), f"{section} overview")
        for release in self.releases:
            if release.status:
                routes[release.path] = Capture(
                    body=_NOT_FOUND, status=release.status, note=f"{release.key} {release.status}"
                )
            else:
                html = _article(release, self.rows(release.column), self.releases, noise)
                routes[release.path] = _gbk(html, release.key)
            if release.moved_from:
                routes[release.moved_from] = Capture(
                    status=301, location=release.path, body="", note=f"{release.key} moved"
                )
        return routes


_NOT_FOUND = (
    "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center>"
    "<hr><center>nginx</center></body></html>"
)


def _gbk(html: str, note: str) -> Capture:
    return Capture(
        data=html.encode("gbk", errors="xmlcharrefreplace"), content_type="text/html", note=note
    )


@dataclass
class _Noise:
    """What differs on every crawl without being news."""

    crawl: int
    moment: datetime

    @property
    def local(self) -> datetime:
        return self.moment + timedelta(hours=8)

    def session(self) -> str:
        return _hex("session", self.crawl).upper()[:32]

    def token(self, page: str) -> str:
        return _hex("csrf", self.crawl, page)[:40]

    def counter(self, seed: int) -> int:
        return 300 + seed * 17 + self.crawl * 41 + int(_hex(seed, self.crawl)[:2], 16)

    def rotate(self, items: list, salt: int = 0) -> list:
        shift = (self.crawl * 3 + salt) % max(1, len(items))
        return items[shift:] + items[:shift]


def _head(title: str, noise: _Noise, page: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta name="SiteName" content="{SITE}" />
<meta name="SiteDomain" content="www.qingxi.gov.cn" />
<meta name="SiteIDCode" content="4310270001" />
<meta name="csrf-token" content="{noise.token(page)}" />
{extra}<title>{title}</title>
<link rel="stylesheet" type="text/css" href="/images/style.css?v={noise.crawl}" />
<script type="text/javascript" src="/images/jquery-1.8.3.min.js"></script>
<!--[if lt IE 9]><script src="/images/html5shiv.js"></script><![endif]-->
<script type="text/javascript">var _hmt = _hmt || []; (function(){{var hm = document.createElement("script");
hm.src = "https://hm.baidu.com/hm.js?{_hex("hm")[:32]}"; var s = document.getElementsByTagName("script")[0];
s.parentNode.insertBefore(hm, s);}})();</script>
</head>
"""


def _top(noise: _Noise, page: str) -> str:
    local = noise.local
    session = noise.session()
    nav = "".join(
        f'<li class="nav-item"><a href="{href};jsessionid={session}" target="_self">{name}</a></li>\n'
        for name, href in NAV
    )
    banner_href, banner_alt = BANNERS[noise.crawl % len(BANNERS)]
    return f"""<body>
<div class="topbar"><div class="w1200">
 <div class="fl">今天是{local:%Y年%-m月%-d日} 星期{WEEKDAYS[local.weekday()]} <span id="clock">{local:%H:%M:%S}</span>
 <span class="weather">清溪县 {WEATHER[noise.crawl % len(WEATHER)]}</span></div>
 <div class="fr"><a href="javascript:void(0)" onclick="aria.start()">无障碍</a> | <a href="javascript:void(0)" onclick="aria.oldFixedStart()">长者模式</a> |
 <a href="/wza/">无障碍说明</a> | <a href="/member/login.jsp;jsessionid={session}">登录</a> | <a href="/member/reg.jsp">注册</a> | <a href="/m/">手机版</a></div>
</div></div>
<div class="header"><div class="w1200">
 <a class="logo" href="/"><img src="/images/logo.png" alt="{SITE}" /></a>
 <div class="search"><form action="/search/search.jsp;jsessionid={session}" method="post" name="searchform" target="_blank">
  <input type="hidden" name="_csrf" value="{noise.token(page + "form")}" />
  <input type="hidden" name="siteid" value="4310270001" />
  <input type="text" name="keyword" class="txt" value="请输入关键字" onfocus="if(this.value=='请输入关键字')this.value='';" />
  <input type="submit" class="btn" value="搜索" /></form>
  <p class="hot">热门搜索：<a href="/search/?q=社保">社保</a> <a href="/search/?q=公积金">公积金</a> <a href="/search/?q=招聘">招聘</a> <a href="/search/?q=不动产">不动产</a></p>
 </div>
</div></div>
<div class="nav"><ul class="w1200">
{nav}</ul></div>
<div class="banner w1200"><a href="{banner_href}" target="_blank"><img src="/images/banner{noise.crawl % len(BANNERS)}.jpg" alt="{banner_alt}" width="1200" height="90" /></a></div>
"""


def _hot(releases: list[Release], noise: _Noise) -> str:
    shown = noise.rotate([r for r in releases if not r.status and r.listed], salt=1)[:6]
    items = "".join(
        f'<li><span class="num">{i + 1}</span><a href="{r.path}" title="{r.title}">{r.title[:18]}</a></li>\n'
        for i, r in enumerate(shown)
    )
    return f"""<div class="side-box hot-box"><div class="side-tit"><h3>热点推荐</h3><a class="more" href="/xwzx/">更多&gt;&gt;</a></div>
<ul class="hot-list">
{items}</ul></div>
<div class="side-box"><div class="side-tit"><h3>办事服务</h3></div>
<ul class="service"><li><a href="/zwfw/grbs/">个人办事</a></li><li><a href="/zwfw/frbs/">法人办事</a></li><li><a href="/zwfw/bmfw/">便民服务</a></li>
<li><a href="/hdjl/xzxx/">县长信箱</a></li><li><a href="/xxgk/ysqgk/">依申请公开</a></li></ul></div>
"""


def _footer(noise: _Noise) -> str:
    options = "".join(
        f'<option value="/links/{i}/">{name}</option>' for i, name in enumerate(LINKS)
    )
    return f"""<div class="links w1200"><span>友情链接：</span>
<select onchange="window.open(this.value)"><option>——政府网站——</option>{options}</select>
<select onchange="window.open(this.value)"><option>——乡镇网站——</option><option value="/xz/1/">城关镇</option><option value="/xz/2/">白沙镇</option><option value="/xz/3/">石门乡</option><option value="/xz/4/">龙潭镇</option></select></div>
<div class="footer"><div class="w1200">
<p><a href="/about/">关于本站</a> | <a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a> | <a href="/wzsm/">网站声明</a></p>
<p>主办：清溪县人民政府办公室　承办：清溪县大数据中心　地址：清溪县城关镇人民路1号　联系电话：0730-1234567</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">湘ICP备05012345号</a>　<img src="/images/ga.png" alt="" />湘公网安备 43102702000123号　网站标识码：4310270001</p>
<p>技术支持：某某信息技术有限公司　您是本站第 <span class="visits">{noise.counter(999) * 97}</span> 位访问者</p>
<p><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/18/000/0000/60000000/CA180000000000000000.js' type='text/javascript'%3E%3C/script%3E"));</script></p>
</div></div>
<script type="text/javascript">setInterval(function(){{var d=new Date();document.getElementById("clock").innerHTML=d.toLocaleTimeString();}},1000);</script>
</body>
</html>
"""


def _left(column: str) -> str:
    section = COLUMNS[column][2]
    top = "/" + COLUMNS[column][1].split("/")[1] + "/"
    siblings = [(n, p) for n, p in NAV if p.startswith(top) and p != top]
    items = "".join(
        f'<li{" class=on" if p == COLUMNS[column][1] else ""}><a href="{p}">{n}</a></li>\n'
        for n, p in siblings
    )
    return f"""<div class="left-menu"><div class="left-tit">{section}</div>
<ul>
{items}</ul></div>
"""


def _crumb(column: str, tail: str = "") -> str:
    name, path, section = COLUMNS[column]
    top = "/" + path.split("/")[1] + "/"
    return (
        f'<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="{top}">{section}</a>'
        f' &gt; <a href="{path}" class="CurrChnlCls">{name}</a>{tail}</div>\n'
    )


def _pager(column: str, number: int, count: int) -> str:
    if column == "tzgg":
        return (
            '<div class="page"><script language="JavaScript">\n'
            f"var currentPage = {number};//所在页从0开始\nvar countPage = {count}//共多少页\n"
            'createPageHTML(countPage, currentPage, "index", "html");\n</script></div>\n'
        )
    if column == "zwdt":

        def page(n):
            return "index.html" if n == 0 else f"index_{n}.html"

        parts = [f"共{count}页 当前第{number + 1}页 ", f'<a href="{page(0)}">首页</a> ']
        parts.append(
            f'<a href="{page(number - 1)}">上一页</a> ' if number > 0 else "<span>上一页</span> "
        )
        parts.append(
            f'<a href="{page(number + 1)}">下一页</a> '
            if number + 1 < count
            else "<span>下一页</span> "
        )
        parts.append(f'<a href="{page(count - 1)}">尾页</a>')
        return '<div class="pagination">' + "".join(parts) + "</div>\n"
    return f'<div class="gk-page">共 {count} 页</div>\n'


def _list_page(column: str, rows: list[Release], number: int, count: int, noise: _Noise) -> str:
    name, path, _section = COLUMNS[column]
    page = f"{path}{number}"
    if not rows:
        main = '<div class="nodata" style="text-align:center;padding:60px 0;color:#999">暂无信息</div>\n'
    elif column == "tzgg":
        items = "".join(
            f'<li><a href="{r.path}" target="_blank" title="{r.shown(column)}">{r.shown(column)}</a>'
            f'<span class="date">{r.date}</span></li>\n'
            for r in rows
        )
        main = f'<ul class="list-ul">\n{items}</ul>\n'
    elif column == "zwdt":
        items = "".join(
            f'<div class="news-item"><div class="news-img"><a href="{r.path}" target="_blank"><img src="/xwzx/zwdt/img/{r.number}.jpg" alt="" /></a></div>'
            f'<div class="news-txt"><h4><a href="{r.path}" target="_blank">{r.shown(column)}</a></h4>'
            f"<p>{r.paragraphs[0][:60]}…</p><span>{r.date}</span></div></div>\n"
            for r in rows
        )
        main = f'<div class="news-list">\n{items}</div>\n'
    else:
        session = noise.session()
        body = "".join(
            f'<tr class="{"odd" if i % 2 else "even"}"><td>{i + 1 + number * PER_PAGE[column]}</td>'
            f"<td>11430000-{r.number:06d}/2023-0{r.number % 9 + 1}{r.number:03d}</td>"
            f'<td class="tit"><a href="{r.path};jsessionid={session}" target="_blank" title="{r.shown(column)}">{r.shown(column)}</a></td>'
            f"<td>清政办发〔2023〕{r.number % 50}号</td><td>{r.date}</td></tr>\n"
            for i, r in enumerate(rows)
        )
        main = (
            '<table class="gk-table" width="100%" cellspacing="0" cellpadding="0">\n'
            '<tr><th width="6%">序号</th><th width="20%">索引号</th><th>名称</th><th width="16%">文号</th><th width="12%">发布日期</th></tr>\n'
            f"{body}</table>\n"
        )
    return (
        _head(f"{name}_{SITE}", noise, page)
        + _top(noise, page)
        + '<div class="main w1200">\n'
        + _crumb(column)
        + '<div class="left">\n'
        + _left(column)
        + "</div>\n"
        + f'<div class="right"><div class="list-tit"><h2>{name}</h2><span class="visit">本栏目访问量：{noise.counter(len(path)) * 3}</span></div>\n'
        + main
        + _pager(column, number, count)
        + "</div>\n</div>\n"
        + _footer(noise)
    )


def _overview(section: str, boxes: list[tuple[str, list[Release]]], noise: _Noise) -> str:
    """A section's front page: a box per column with its latest rows, titles cut to fit."""
    name = COLUMNS[boxes[0][0]][2]
    html = []
    for column, rows in boxes:
        items = "".join(
            f'<li><a href="{r.path}" target="_blank" title="{r.shown(column)}">'
            f"{r.shown(column)[:20] + '...' if len(r.shown(column)) > 20 else r.shown(column)}</a>"
            f"<span>{r.date[5:]}</span></li>\n"
            for r in rows[:5]
        )
        html.append(
            f'<div class="box"><div class="box-tit"><h3>{COLUMNS[column][0]}</h3>'
            f'<a class="more" href="{COLUMNS[column][1]}">更多&gt;&gt;</a></div>\n<ul>\n{items}</ul></div>\n'
        )
    others = "".join(
        f'<div class="box"><div class="box-tit"><h3>{n}</h3></div><div class="nodata">暂无信息</div></div>\n'
        for n, p in NAV
        if p.startswith(section) and p != section and all(COLUMNS[c][1] != p for c, _ in boxes)
    )[:1200]
    return (
        _head(f"{name}_{SITE}", noise, section)
        + _top(noise, section)
        + f'<div class="main w1200">\n<div class="position">您当前的位置：<a href="/">首页</a> &gt; {name}</div>\n'
        + "".join(html)
        + others
        + "</div>\n"
        + _footer(noise)
    )


def _article(
    release: Release, column_rows: list[Release], everyone: list[Release], noise: _Noise
) -> str:
    column = release.column
    name = COLUMNS[column][0]
    index = next((i for i, r in enumerate(column_rows) if r is release), None)
    newer = column_rows[index - 1] if index else None
    older = column_rows[index + 1] if index is not None and index + 1 < len(column_rows) else None
    prev = f'<a href="{newer.path}">{newer.title}</a>' if newer else "没有了"
    nxt = f'<a href="{older.path}">{older.title}</a>' if older else "没有了"
    related = noise.rotate([r for r in column_rows if r is not release], salt=release.number)[:4]
    related_html = "".join(
        f'<li><a href="{r.path}">{r.title}</a><span>{r.date}</span></li>\n' for r in related
    )
    text = "".join(
        f'<p class="MsoNormal" style="text-indent:2em;line-height:28pt"><span style="font-family:仿宋_GB2312;font-size:16pt">{p}</span></p>\n'
        for p in release.paragraphs
    )
    if release.attachment:
        text += (
            f'<p>附件：<a href="{release.path.rsplit("/", 1)[0]}/P0{release.number}.pdf?_t={int(noise.moment.timestamp())}">'
            f"{release.attachment}</a></p>\n"
        )
    info = (
        f"<span>发布时间：{release.date}</span>&nbsp;&nbsp;<span>来源：{release.source}</span>&nbsp;&nbsp;"
        f'<span>浏览次数：<em id="hits">{noise.counter(release.number)}</em></span>&nbsp;&nbsp;'
        '<span class="font">字号：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</span>'
    )
    meta = (
        f'<meta name="ArticleTitle" content="{release.title}" />\n<meta name="PubDate" content="{release.date}" />\n'
        f'<meta name="ColumnName" content="{name}" />\n<meta name="ContentSource" content="{release.source}" />\n'
    )
    if column == "zcwj":
        header = (
            '<table class="xxgk-table" width="100%" border="0" cellspacing="1" cellpadding="0">\n'
            f"<tr><th>索引号：</th><td>11430000-{release.number:06d}/2023-0{release.number % 9 + 1}{release.number:03d}</td><th>主题分类：</th><td>综合政务</td></tr>\n"
            f"<tr><th>发布机构：</th><td>{release.source}</td><th>成文日期：</th><td>{release.date}</td></tr>\n"
            f"<tr><th>文　　号：</th><td>清政办发〔2023〕{release.number % 50}号</td><th>发布日期：</th><td>{release.date}</td></tr>\n"
            f'<tr><th>名　　称：</th><td colspan="3">{release.title}</td></tr>\n</table>\n'
            f'<div class="article-tit"><h1>{release.title}</h1></div>\n'
            f'<div class="article-info">{info}</div>\n'
        )
    else:
        header = f'<div class="article-tit"><h1>{release.title}</h1></div>\n<div class="article-info">{info}</div>\n'
    return (
        _head(f"{release.title}_{name}_{SITE}", noise, release.path, meta)
        + _top(noise, release.path)
        + '<div class="main w1200">\n'
        + _crumb(column, " &gt; 正文")
        + '<div class="article-left">\n'
        + header
        + f'<div class="article-con" id="zoom">\n<!--ZJEG_RSS.content.begin-->\n{text}<!--ZJEG_RSS.content.end-->\n</div>\n'
        + '<div class="article-share">分享到：<a class="weixin" href="javascript:void(0)">微信</a> <a class="weibo" href="javascript:void(0)">微博</a> <a href="javascript:void(0)">QQ空间</a></div>\n'
        + '<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>\n'
        + f'<div class="article-page"><p>上一篇：{prev}</p><p>下一篇：{nxt}</p></div>\n'
        + f'<div class="related"><h3>相关文章</h3><ul>\n{related_html}</ul></div>\n'
        + "</div>\n"
        + '<div class="article-right">\n'
        + _hot(everyone, noise)
        + f'<div class="qr"><img src="/images/qr.png?sid={noise.session()[:12]}" alt="扫一扫在手机打开当前页" /></div>\n'
        + "</div>\n</div>\n"
        + _footer(noise)
    )


# A front end that serves ``page.html;jsessionid=…`` as ``page.html`` (a JSP container does).


class _SessionHandler(_Handler):
    def do_GET(self):
        path, _, query = self.path.partition("?")
        self.path = path.split(";", 1)[0] + (f"?{query}" if query else "")
        super().do_GET()


def start_server(state_path, log_path) -> ThreadingHTTPServer:
    """The county's front end in a thread of this process (the routes come from ``state_path``)."""
    import threading

    server = ThreadingHTTPServer(("127.0.0.1", 0), _SessionHandler)
    server.daemon_threads = True
    server.state_path, server.log_path = str(state_path), str(log_path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
