"""A city bureau's 政府信息公开 directory, crawled over days through the real ``bulletin crawl``.

The site of ``tests/test_monitor_xxgk.py`` (written blind: before reading how the writer and the
store decide events). 云溪市生态环境局 publishes through a JSP 信息公开 platform: every column
is a table list (索引号, 标题 cut short with the whole title in ``title=``, 发布机构, 日期) paged
with a query string (``index.jsp?page=2``; 首页 links ``?page=1``, the first page again), every
article opens with the 信息公开 meta table (索引号, 主题分类, 发布机构, 成文日期, 文号, 有效性).
Three columns: 通知公告 (``/xxgk/tzgg/``, eight rows a page), 行政处罚 (``/xxgk/xzcf/``: each
release a 行政处罚信息公开表, the table is the whole body) and 规范性文件 (``/xxgk/gfxwj/``: prose
with attachments). The noise of every crawl: the header's clock and the day's air quality, a
rotating banner, visit counters, 浏览次数, a 最新信息 box on every article naming the latest
releases of the whole site, a 热点信息 box in a new order, search-form tokens, cache-busting
queries on scripts and attachments, 上一条/下一条 of the day.

    site = Directory(releases)
    routes = site.routes(crawl=3, moment=datetime(...))   # path (or path@query) -> Capture

:func:`crawl_cli` runs one real ``bulletin crawl`` (``monitor_cli.py``: the CLI with the
store's clock at the crawl's moment, so days pass between crawls as they would).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import ThreadingHTTPServer
from pathlib import Path

from support.harness import ROOT
from support.replay import Capture, Day
from support.replay_server import _Handler

SITE = "云溪市生态环境局"
OFFICE = "云溪市生态环境局"
CREDIT = "11350700MB1C23456X"  # the bureau's 统一社会信用代码: the 索引号's first part
COLUMNS = {
    "tzgg": ("通知公告", "/xxgk/tzgg/", "01", "其他"),
    "xzcf": ("行政处罚", "/xxgk/xzcf/", "05", "行政执法"),
    "gfxwj": ("规范性文件", "/xxgk/gfxwj/", "02", "规范性文件"),
}
PER_PAGE = {"tzgg": 8, "xzcf": 8, "gfxwj": 10}
AIR = [
    "优 AQI 32",
    "良 AQI 68",
    "优 AQI 41",
    "轻度污染 AQI 118",
    "良 AQI 77",
    "优 AQI 25",
    "良 AQI 54",
]
BANNERS = [
    ("/ztzl/mlxc/", "深入打好污染防治攻坚战"),
    ("/ztzl/hbdc/", "中央生态环境保护督察整改"),
    ("/ztzl/stwm/", "践行生态文明 共建美丽云溪"),
]
TREE = {
    "机构概况": ["机构职能", "领导信息", "内设机构", "直属单位"],
    "法定主动公开内容": [
        "通知公告",
        "规范性文件",
        "政策解读",
        "规划计划",
        "行政许可",
        "行政处罚",
        "行政强制",
        "环境质量",
        "污染源监管",
        "建设项目环评",
        "突发环境事件",
        "财政资金",
        "人事信息",
        "建议提案办理",
    ],
    "政府信息公开指南": [],
    "政府信息公开制度": [],
    "政府信息公开年报": ["2022年度", "2021年度", "2020年度", "2019年度"],
    "依申请公开": ["在线申请", "申请表下载"],
}
NAV = [
    ("网站首页", "/"),
    ("机构概况", "/jggk/"),
    ("新闻动态", "/xwdt/"),
    ("政府信息公开", "/xxgk/"),
    ("环境质量", "/hjzl/"),
    ("政务服务", "https://zwfw.yunxi.example.gov.cn/"),
    ("互动交流", "/hdjl/"),
    ("专题专栏", "/ztzl/"),
]
DEPARTMENTS = [
    "市人民政府",
    "市发展和改革委员会",
    "市工业和信息化局",
    "市自然资源局",
    "市住房和城乡建设局",
    "市交通运输局",
    "市水利局",
    "市农业农村局",
    "市应急管理局",
    "市市场监督管理局",
    "市统计局",
    "市气象局",
]


@dataclass
class Release:
    """One release as it stands on a crawl's day; the scenario edits these in place."""

    key: str  # N07, P03, G02: how the scenario names it
    column: str
    number: int
    title: str
    date: str  # YYYY-MM-DD
    paragraphs: list[str] = field(default_factory=list)
    cells: list[tuple[str, str]] = field(default_factory=list)  # a 行政处罚信息公开表
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (file name, link text)
    doc_no: str = ""  # 文号
    status: int | None = None  # the page answers this status (with ``status_body``)
    status_body: str | None = None
    listed: bool = True

    @property
    def path(self) -> str:
        day = self.date.replace("-", "")
        return f"{COLUMNS[self.column][1]}{day[:6]}/t{day}_{self.number}.html"

    @property
    def index_no(self) -> str:
        return f"{CREDIT}/{COLUMNS[self.column][2]}-{self.date[:4]}-{self.number:04d}"


def _hex(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()


@dataclass
class _Noise:
    crawl: int
    moment: datetime

    @property
    def local(self) -> datetime:
        return self.moment + timedelta(hours=8)

    def token(self, page: str) -> str:
        return _hex("token", self.crawl, page)[:32]

    def counter(self, seed: int) -> int:
        return 120 + seed % 97 * 13 + self.crawl * 29 + int(_hex(seed, self.crawl)[:2], 16)

    def shuffle(self, items: list, salt: int) -> list:
        return sorted(items, key=lambda item: _hex(self.crawl, salt, id(item) % 7, str(item)[:40]))


class Directory:
    """The site: releases and, for one crawl, every page."""

    def __init__(self, releases: list[Release]):
        self.releases = releases
        self.faults: dict[str, Capture] = {}  # path (or path@query) -> what it answers instead

    def __getitem__(self, key: str) -> Release:
        return next(r for r in self.releases if r.key == key)

    def add(self, release: Release) -> Release:
        self.releases.append(release)
        return release

    def rows(self, column: str) -> list[Release]:
        listed = [r for r in self.releases if r.column == column and r.listed]
        return sorted(listed, key=lambda r: (r.date, r.number), reverse=True)

    def page_of(self, key: str) -> int:
        """The list page (1, 2, …) a release's row is on today."""
        release = self[key]
        return self.rows(release.column).index(release) // PER_PAGE[release.column] + 1

    def routes(self, crawl: int, moment: datetime, empty: tuple[str, ...] = ()) -> dict:
        noise = _Noise(crawl, moment)
        latest = sorted(
            (r for r in self.releases if r.listed and not r.status),
            key=lambda r: (r.date, r.number),
            reverse=True,
        )[:6]
        routes: dict[str, Capture] = {}
        for column in COLUMNS:
            rows = [] if column in empty else self.rows(column)
            per = PER_PAGE[column]
            pages = [rows[i : i + per] for i in range(0, len(rows), per)] or [[]]
            total = len(rows)
            for number, chunk in enumerate(pages, start=1):
                html = _list_page(column, chunk, number, len(pages), total, noise)
                capture = _utf8(html, f"{column} list {number}")
                base = COLUMNS[column][1]
                if number == 1:
                    routes[base] = capture
                    routes[base + "index.jsp"] = capture
                routes[f"{base}index.jsp@page={number}"] = capture
        for release in self.releases:
            if release.status:
                routes[release.path] = Capture(
                    body=release.status_body or _NGINX_404,
                    status=release.status,
                    note=f"{release.key} {release.status}",
                )
            else:
                html = _article(release, self.rows(release.column), latest, noise)
                routes[release.path] = _utf8(html, release.key)
        routes.update(self.faults)
        return routes


_NGINX_404 = (
    "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1>"
    "</center>\r\n<hr><center>nginx/1.20.1</center>\r\n</body>\r\n</html>\r\n"
)

# A cloud WAF's block page as some front ends send it: status 404, a challenge in the body.
WAF_404 = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>访问被拦截</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:"Microsoft YaHei";background:#f4f6f9;text-align:center}.box{margin:120px auto;width:520px;background:#fff;padding:40px;border-radius:6px}</style>
</head><body><div class="box"><img src="/waf_static/shield.png" alt="">
<h2>您的访问请求可能对网站造成安全威胁，请求已被拦截</h2>
<p>如您是正常访问，请完成下方安全验证后继续访问。</p>
<div id="captcha-container" data-appid="2046913"></div>
<p class="tip">事件ID：<span id="eventid">a7c1f0e2-63b8-4d52-9e1a-0c6b</span>　时间：<span id="t"></span></p>
<p class="tip">网站防火墙 · 安全防护</p></div>
<script src="/waf_static/captcha.js?v=3.2"></script>
<script>document.getElementById("t").innerText=new Date().toLocaleString();initCaptcha("captcha-container");</script>
</body></html>"""


def _utf8(html: str, note: str) -> Capture:
    return Capture(data=html.encode("utf-8"), content_type="text/html", note=note)


def _head(title: str, noise: _Noise, page: str, meta: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="renderer" content="webkit">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="SiteName" content="{SITE}">
<meta name="SiteDomain" content="sthjj.yunxi.example.gov.cn">
<meta name="SiteIDCode" content="3507000045">
{meta}<title>{title}</title>
<link rel="stylesheet" href="/static/xxgk/css/common.css?t={int(noise.moment.timestamp())}">
<link rel="stylesheet" href="/static/xxgk/css/xxgk.css?t={int(noise.moment.timestamp())}">
<script src="/static/js/jquery-3.4.1.min.js"></script>
<script src="/static/js/layer/layer.js"></script>
<!--[if lt IE 9]>
<script src="/static/js/respond.min.js"></script>
<![endif]-->
<script>
var _paq = window._paq = window._paq || [];
_paq.push(['setCustomVariable', 1, 'page', '{page}', 'page']);
_paq.push(['trackPageView']);
(function() {{ var u="//tongji.yunxi.example.gov.cn/"; _paq.push(['setTrackerUrl', u+'matomo.php']);
_paq.push(['setSiteId', '17']); var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];
g.async=true; g.src=u+'matomo.js'; s.parentNode.insertBefore(g,s); }})();
</script>
</head>
"""


def _header(noise: _Noise, page: str) -> str:
    local = noise.local
    href, alt = BANNERS[noise.crawl % len(BANNERS)]
    nav = "\n".join(
        f'    <li class="{"on" if h == "/xxgk/" else ""}"><a href="{h}">{n}</a></li>'
        for n, h in NAV
    )
    return f"""<body class="xxgk-body">
<div class="g-top">
  <div class="container clearfix">
    <span class="date">{local:%Y年%m月%d日} <i id="clock">{local:%H:%M}</i></span>
    <span class="aqi">今日空气质量：{AIR[noise.crawl % len(AIR)]}</span>
    <div class="links">
      <a href="javascript:;" id="cniil_wza">无障碍浏览</a><i>|</i>
      <a href="javascript:;" class="oldman">适老化</a><i>|</i>
      <a href="/wap/">手机版</a><i>|</i>
      <a href="javascript:;" class="wechat">微信公众号<img src="/static/images/wx.jpg?v={noise.crawl}" alt=""></a><i>|</i>
      <a href="/login/">用户登录</a>
    </div>
  </div>
</div>
<div class="g-head">
  <div class="container">
    <a href="/" class="logo"><img src="/static/images/logo.png" alt="{SITE}"></a>
    <div class="search-box">
      <form id="searchForm" action="/search/index.jsp" method="get" target="_blank">
        <input type="hidden" name="siteCode" value="3507000045">
        <input type="hidden" name="token" value="{noise.token(page)}">
        <input type="text" name="q" placeholder="请输入您要搜索的内容" autocomplete="off">
        <button type="submit">搜索</button>
      </form>
    </div>
  </div>
</div>
<div class="g-nav">
  <ul class="container">
{nav}
  </ul>
</div>
<div class="g-banner container"><a href="{href}"><img src="/static/images/banner_{noise.crawl % len(BANNERS)}.jpg" alt="{alt}"></a></div>
"""


def _tree(column: str) -> str:
    name = COLUMNS[column][0]
    parts = []
    for group, leaves in TREE.items():
        items = "".join(
            f'<li class="{"cur" if leaf == name else ""}"><a href="/xxgk/{_hex(leaf)[:6]}/">{leaf}</a></li>'
            for leaf in leaves
        )
        for label, path, _c, _t in COLUMNS.values():
            items = items.replace(f'/xxgk/{_hex(label)[:6]}/">{label}', f'{path}">{label}')
        parts.append(
            f'<dl class="tree-group"><dt><a href="javascript:;">{group}</a></dt><dd><ul>{items}</ul></dd></dl>'
        )
    themes = "".join(
        f'<li><a href="/xxgk/theme/{i:02d}/">{t}</a></li>'
        for i, t in enumerate(
            [
                "综合政务",
                "环境监测",
                "环境影响评价",
                "污染防治",
                "自然生态",
                "核与辐射",
                "执法监督",
                "其他",
            ]
        )
    )
    return f"""<div class="xxgk-side">
  <div class="side-title">政府信息公开目录</div>
  <div class="side-tree">
    {"".join(parts)}
  </div>
  <div class="side-title sub">主题分类</div>
  <ul class="side-theme">{themes}</ul>
  <div class="side-apply"><a href="/xxgk/ysqgk/">依申请公开</a><a href="/xxgk/gkzn/">公开指南</a><a href="/xxgk/ndbg/">公开年报</a></div>
</div>
"""


def _crumb(column: str, tail: str = "") -> str:
    name, path, _code, _theme = COLUMNS[column]
    return (
        f'<div class="xxgk-crumb"><span class="icon-home"></span>当前位置：<a href="/">首页</a> &gt; '
        f'<a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/fdzdgknr/">法定主动公开内容</a> &gt; '
        f'<a href="{path}">{name}</a>{tail}</div>\n'
    )


def _footer(noise: _Noise) -> str:
    options = "".join(
        f'<option value="https://www.example.gov.cn/{i}/">{d}</option>'
        for i, d in enumerate(DEPARTMENTS)
    )
    return f"""<div class="g-links container">
  <select onchange="if(this.value)window.open(this.value)"><option value="">国家部委网站</option><option value="https://www.mee.example.gov.cn/">生态环境部</option></select>
  <select onchange="if(this.value)window.open(this.value)"><option value="">市直部门网站</option>{options}</select>
  <select onchange="if(this.value)window.open(this.value)"><option value="">县（市、区）网站</option><option value="https://a.example.gov.cn/">东川区</option><option value="https://b.example.gov.cn/">西岭县</option></select>
</div>
<div class="g-foot">
  <div class="container">
    <p><a href="/about/wzdt/">网站地图</a> | <a href="/about/lxwm/">联系我们</a> | <a href="/about/wzsm/">网站声明</a> | <a href="/about/yszc/">隐私政策</a></p>
    <p>主办单位：{SITE}　地址：云溪市滨江路88号　邮编：350700　电话：0599-8765432</p>
    <p><a href="https://beian.miit.gov.cn/" target="_blank">闽ICP备12034567号-2</a>　<img src="/static/images/gongan.png" alt="">闽公网安备 35070202000456号　网站标识码：3507000045</p>
    <p>总访问量：<span id="total">{noise.counter(7) * 131}</span>　今日访问：<span id="today">{noise.counter(3)}</span></p>
    <div class="jiucuo"><script id="_jiucuo_" sitecode="3507000045" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></div>
  </div>
</div>
<div class="fixed-tools"><a href="javascript:;" class="totop">返回顶部</a></div>
<script src="/static/js/common.js?t={int(noise.moment.timestamp())}"></script>
<script>$(function(){{ setInterval(function(){{ var d = new Date(); $("#clock").text(d.getHours() + ":" + ("0" + d.getMinutes()).slice(-2)); }}, 30000); }});</script>
</body>
</html>
"""


def _cut(title: str, width: int = 24) -> str:
    return title if len(title) <= width else title[:width] + "..."


def _list_page(
    column: str, rows: list[Release], number: int, count: int, total: int, noise: _Noise
) -> str:
    name, path, _code, _theme = COLUMNS[column]
    page = f"{path}index.jsp?page={number}"
    if not rows:
        table = '<div class="no-data"><img src="/static/images/nodata.png" alt=""><p>暂无信息</p></div>\n'
    elif column == "xzcf":
        body = "".join(
            f'<tr><td class="c1">{r.doc_no}</td>'
            f'<td class="c2"><a href="{r.path}" target="_blank" title="{r.title}">{_cut(r.title, 28)}</a></td>'
            f'<td class="c3">{r.date}</td></tr>\n'
            for r in rows
        )
        table = (
            '<table class="xxgk-list" cellspacing="0" cellpadding="0">\n<thead><tr>'
            '<th width="24%">决定书文号</th><th>名称</th><th width="14%">处罚日期</th></tr></thead>\n'
            f"<tbody>\n{body}</tbody></table>\n"
        )
    else:
        body = "".join(
            f'<tr class="{"even" if i % 2 else "odd"}"><td class="c1">{r.index_no}</td>'
            f'<td class="c2"><a href="{r.path}" target="_blank" title="{r.title}">{_cut(r.title)}</a></td>'
            f'<td class="c3">{OFFICE}</td><td class="c4">{r.date}</td></tr>\n'
            for i, r in enumerate(rows)
        )
        table = (
            '<table class="xxgk-list" cellspacing="0" cellpadding="0">\n<thead><tr>'
            '<th width="26%">索引号</th><th>标题</th><th width="16%">发布机构</th><th width="12%">发布日期</th>'
            f"</tr></thead>\n<tbody>\n{body}</tbody></table>\n"
        )

    def link(n: int, label: str) -> str:
        if n < 1 or n > count or n == number and label not in ("首页", "尾页"):
            return f'<span class="disabled">{label}</span>'
        return f'<a href="{path}index.jsp?page={n}">{label}</a>'

    pager = (
        f'<div class="xxgk-pager">共 <b>{total}</b> 条记录　每页 {PER_PAGE[column]} 条　当前第 <b>{number}</b>/{count} 页　'
        f"{link(1, '首页')} {link(number - 1, '上一页')} {link(number + 1, '下一页')} {link(count, '尾页')}　"
        f'转到 <input type="text" id="jump" size="2" value="{number}"> 页 '
        f"<a href=\"javascript:;\" onclick=\"location.href='{path}index.jsp?page='+document.getElementById('jump').value\">GO</a></div>\n"
    )
    search = (
        '<div class="xxgk-filter"><form action="index.jsp" method="get">'
        '标题：<input type="text" name="title"> 文号：<input type="text" name="wh"> '
        f'发布日期：<input type="text" name="start" class="laydate"> 至 <input type="text" name="end" class="laydate">'
        f'<input type="hidden" name="token" value="{noise.token(page + "filter")}"> <button type="submit">查询</button></form></div>\n'
    )
    return (
        _head(f"{name} - {SITE}", noise, page)
        + _header(noise, page)
        + '<div class="container xxgk-main clearfix">\n'
        + _crumb(column)
        + _tree(column)
        + '<div class="xxgk-content">\n'
        + f'<div class="content-title"><h3>{name}</h3><span class="views">栏目访问：{noise.counter(len(path) * 11)}</span></div>\n'
        + search
        + table
        + pager
        + "</div>\n</div>\n"
        + _footer(noise)
    )


def _article(
    release: Release, column_rows: list[Release], latest: list[Release], noise: _Noise
) -> str:
    name, path, _code, theme = COLUMNS[release.column]
    at = next((i for i, r in enumerate(column_rows) if r is release), None)
    newer = column_rows[at - 1] if at else None
    older = column_rows[at + 1] if at is not None and at + 1 < len(column_rows) else None
    meta = (
        f'<meta name="ArticleTitle" content="{release.title}">\n'
        f'<meta name="PubDate" content="{release.date} 16:{release.number % 60:02d}">\n'
        f'<meta name="ContentSource" content="{OFFICE}">\n'
        f'<meta name="ColumnName" content="{name}">\n'
    )
    valid = "有效" if release.column == "gfxwj" else ""
    table = f"""<div class="xxgk-meta">
<table class="meta-table" cellspacing="0" cellpadding="0">
<tr><th>索 引 号：</th><td>{release.index_no}</td><th>主题分类：</th><td>{theme}</td></tr>
<tr><th>发布机构：</th><td>{OFFICE}</td><th>成文日期：</th><td>{release.date}</td></tr>
<tr><th>文　　号：</th><td>{release.doc_no}</td><th>发布日期：</th><td>{release.date}</td></tr>
<tr><th>名　　称：</th><td colspan="3">{release.title}</td></tr>
{f'<tr><th>有 效 性：</th><td colspan="3">{valid}</td></tr>' if valid else ""}
</table>
</div>
"""
    if release.cells:
        rows = "".join(
            f'<tr><td width="28%" style="text-align:center">{label}</td><td style="text-align:left;padding:4px 8px">{value}</td></tr>\n'
            for label, value in release.cells
        )
        text = (
            '<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:15px;line-height:26px">\n'
            f'<tr><td colspan="2" style="text-align:center;font-weight:bold;font-size:18px">行政处罚信息公开表</td></tr>\n{rows}</table>\n'
        )
    else:
        text = "".join(
            f'<p style="text-indent:2em;line-height:2;font-family:仿宋_GB2312,仿宋;font-size:16pt">{p}</p>\n'
            for p in release.paragraphs
        )
    if release.attachments:
        folder = release.path.rsplit("/", 1)[0]
        items = "".join(
            f'<li><a href="{folder}/{file}?v={noise.local:%Y%m%d%H%M%S}" target="_blank">{label}</a></li>'
            for file, label in release.attachments
        )
        text += f'<div class="fujian"><span>相关附件：</span><ul>{items}</ul></div>\n'
    hot = noise.shuffle([r for r in column_rows if r is not release][:8], salt=release.number)[:5]
    hot_html = "".join(
        f'<li><a href="{r.path}" title="{r.title}">{_cut(r.title, 18)}</a></li>' for r in hot
    )
    latest_html = "".join(
        f'<li><a href="{r.path}" title="{r.title}">{_cut(r.title, 18)}</a><span>{r.date[5:]}</span></li>'
        for r in latest
    )
    prev = f'<a href="{newer.path}">{newer.title}</a>' if newer else "无"
    nxt = f'<a href="{older.path}">{older.title}</a>' if older else "无"
    return (
        _head(f"{release.title} - {name} - {SITE}", noise, release.path, meta)
        + _header(noise, release.path)
        + '<div class="container xxgk-main clearfix">\n'
        + _crumb(column=release.column)
        + '<div class="xxgk-detail">\n'
        + table
        + f'<div class="detail-title"><h2>{release.title}</h2></div>\n'
        + f'<div class="detail-info"><span>发布时间：{release.date}</span><span>浏览次数：<b>{noise.counter(release.number)}</b></span>'
        + '<span class="size">【字体：<a href="javascript:setSize(20)">大</a> <a href="javascript:setSize(16)">中</a> <a href="javascript:setSize(14)">小</a>】</span></div>\n'
        + f'<div class="detail-content" id="Zoom">\n<!--ArticleContentStart-->\n{text}<!--ArticleContentEnd-->\n</div>\n'
        + '<div class="detail-tools"><div class="share">分享到：<a class="wx" href="javascript:;">微信</a><a class="wb" href="javascript:;">微博</a></div>'
        + '<a href="javascript:window.print();">【打印】</a><a href="javascript:window.close();">【关闭】</a></div>\n'
        + f'<div class="detail-page"><p>上一条：{prev}</p><p>下一条：{nxt}</p></div>\n'
        + "</div>\n"
        + '<div class="xxgk-aside">\n'
        + f'<div class="aside-box"><h4>最新信息</h4><ul>{latest_html}</ul></div>\n'
        + f'<div class="aside-box"><h4>热点信息</h4><ul>{hot_html}</ul></div>\n'
        + '<div class="aside-box qr"><img src="/static/images/qrcode.png" alt="手机扫码阅读"></div>\n'
        + "</div>\n</div>\n"
        + _footer(noise)
    )


# The front end: a JSP platform's pages differ by query string (``index.jsp?page=2``).


class _QueryHandler(_Handler):
    def do_GET(self):
        path, _, query = self.path.partition("?")
        page = [p for p in query.split("&") if p.startswith("page=")]
        self.path = path + (f"@{page[0]}" if page else "")
        super().do_GET()


def start_server(state_path: Path, log_path: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _QueryHandler)
    server.daemon_threads = True
    server.state_path, server.log_path = str(state_path), str(log_path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def serve(state_path: Path, routes: dict[str, Capture], spill: Path) -> None:
    state = {path: capture.route(True, spill) for path, capture in routes.items()}
    state_path.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")


CLI = Path(__file__).with_name("monitor_cli.py")


def crawl_cli(name: str, db: Path, config: Path, moment: datetime, timeout: float = 180) -> Day:
    """One real ``bulletin crawl NAME`` with the store's clock at ``moment``; what it recorded."""
    from storage import Store

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BULLETIN_TEST_NOW": f"{moment.isoformat()}|{time.time()}",
    }
    env.pop("BULLETIN_DB", None)
    env.pop("BULLETIN_CONFIG", None)
    done = subprocess.run(
        [sys.executable, str(CLI), "--db", str(db), "--config", str(config)]
        + ["crawl", name, "--progress", "off"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )
    if done.returncode not in (0, 3):
        raise AssertionError(f"crawl failed ({done.returncode}): {done.stderr[-3000:]}")
    with Store(db) as store:
        crawl = store.crawls(name, limit=1)[0]
        events = [
            e for e in store.events(name, include_baseline=True) if e["crawl_id"] == crawl["id"]
        ]
        failures = store.fetch_failures(crawl["id"])
    return Day(Capture(note=done.stdout), crawl, events, failures)
