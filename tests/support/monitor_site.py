"""A replica government site written for the monitoring scenario: two columns (one paged), a
statistics page watched on its own, and the volatile noise of real sites — view counters, clocks,
CSRF tokens (the demo server fills ``{{counter}}``, ``{{now}}``, ``{{token}}``), a rotating
"related" box, a reordered 热点 list and same-day rows swapping places.

:func:`write_site` writes one state of the site into a folder served by ``crawler.demo.server``;
the scenario changes the :class:`Release` objects between crawls and writes the site again.
"""

from __future__ import annotations

import html
import json
import shutil
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROWS_PER_PAGE = 5
COLUMNS = {"tzgg": "通知公告", "zcjd": "政策解读"}
_HOT = [
    "2023年民生实事项目征集",
    "全市重点项目建设推进会召开",
    "冬季供暖保障工作情况通报",
    "城区道路改造工程进展",
    "义务教育阶段招生工作安排",
    "医保参保缴费指南",
]


@dataclass
class Release:
    """One release of the replica site, in the state it has in the next crawl."""

    column: str
    number: int
    title: str
    date: str  # YYYY-MM-DD
    paragraphs: list[str]
    source: str = "临江市人民政府办公室"
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (file name, label)
    removed: bool = False
    status: int | None = None  # served with this HTTP status instead (a faulty response)

    @property
    def path(self) -> str:
        return f"{self.column}/{self.date[:7].replace('-', '')}/t{self.date.replace('-', '')}_{self.number}.html"


def _chrome(title: str, crumbs: str, main: str, noise: int) -> str:
    related = _HOT[noise % len(_HOT) :] + _HOT[: noise % len(_HOT)]
    hot = sorted(_HOT, key=lambda name: zlib.crc32(f"{name}{noise}".encode()))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}_临江市人民政府</title>
<meta name="SiteName" content="临江市人民政府"></head>
<body>
<div class="top-bar">欢迎访问临江市人民政府门户网站 今天是：{{{{now}}}} <a href="/search/">搜索</a></div>
<ul class="nav"><li><a href="/index.html">首页</a></li><li><a href="/tzgg/index.html">通知公告</a></li>
<li><a href="/zcjd/index.html">政策解读</a></li><li><a href="/tjsj/index.html">统计数据</a></li></ul>
<div class="position">当前位置：<a href="/index.html">首页</a> &gt; {crumbs}</div>
<div class="main">
{main}
</div>
<div class="side"><h3>热点关注</h3><ul>{"".join(f'<li><a href="/rd/{_HOT.index(name)}.html">{name}</a></li>' for name in hot)}</ul></div>
<div class="related"><h3>相关推荐</h3><ul>{"".join(f'<li><a href="/rd/{_HOT.index(name)}.html">{name}</a></li>' for name in related[:3])}</ul></div>
<div class="footer"><p>主办：临江市人民政府办公室 网站标识码：4399000001</p>
<p>您是第 {{{{counter}}}} 位访客</p><form><input type="hidden" name="csrf" value="{{{{token}}}}"></form></div>
</body></html>
"""


def _article(release: Release, noise: int) -> str:
    name = COLUMNS[release.column]
    files = "".join(
        f'<li><a href="/files/{file}">{html.escape(label)}</a></li>'
        for file, label in release.attachments
    )
    paragraphs = "".join(f"<p>　　{html.escape(text)}</p>\n" for text in release.paragraphs)
    main = f"""<div class="article"><h1>{html.escape(release.title)}</h1>
<div class="info">来源：{release.source}　发布时间：{release.date} 10:00　浏览次数：{{{{counter}}}}</div>
<div class="content">
{paragraphs}</div>
{f'<div class="attachments"><p>附件：</p><ul>{files}</ul></div>' if files else ""}
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>"""
    return _chrome(release.title, f'<a href="/{release.column}/index.html">{name}</a>', main, noise)


def _list_page(column: str, rows: list[Release], page: int, pages: int, noise: int) -> str:
    name = COLUMNS[column]
    items = "".join(
        f'<li><a href="/{r.path}" title="{html.escape(r.title)}" target="_blank">{html.escape(r.title)}</a>'
        f"<span>{r.date}</span></li>\n"
        for r in rows
    )
    main = f"""<div class="column-title">{name}</div>
<ul class="list">
{items}</ul>
<div class="page"><script type="text/javascript">createPageHTML({pages}, {page}, "index", "html");</script></div>"""
    return _chrome(name, name, main, noise)


def stats_page(figures: dict[str, str], noise: int) -> str:
    rows = "".join(f"<tr><td>{key}</td><td>{value}</td></tr>\n" for key, value in figures.items())
    main = f"""<h1>临江市主要经济指标</h1>
<div class="info">来源：临江市统计局　浏览次数：{{{{counter}}}}</div>
<table class="data"><tr><th>指标</th><th>数值</th></tr>
{rows}</table>"""
    return _chrome("临江市主要经济指标", '<a href="/tjsj/index.html">统计数据</a>', main, noise)


def write_site(root: Path, releases: list[Release], figures: dict[str, str], noise: int) -> None:
    """Write the site's state into ``root`` (files of removed releases are deleted)."""
    root.mkdir(parents=True, exist_ok=True)
    statuses = {}
    for column in COLUMNS:
        live = [r for r in releases if r.column == column and not r.removed]
        # newest first; rows of the same day swap places from one crawl to the next
        live.sort(key=lambda r: (r.date, r.number * (1 if noise % 2 else -1)), reverse=True)
        pages = max(1, -(-len(live) // ROWS_PER_PAGE))
        for page in range(pages):
            rows = live[page * ROWS_PER_PAGE : (page + 1) * ROWS_PER_PAGE]
            name = "index.html" if page == 0 else f"index_{page}.html"
            _write(root / column / name, _list_page(column, rows, page, pages, noise))
    for release in releases:
        target = root / release.path
        if release.removed:
            target.unlink(missing_ok=True)
        else:
            _write(target, _article(release, noise))
        if release.status:
            statuses[release.path] = release.status
    _write(root / "tjsj" / "zyjjzb.html", stats_page(figures, noise))
    (root / "_server.json").write_text(json.dumps({"status": statuses}), encoding="utf-8")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return  # unchanged bytes keep their mtime, so Last-Modified stays
    path.write_text(text, encoding="utf-8")


def reset(root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
