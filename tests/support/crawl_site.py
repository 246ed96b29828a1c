"""A small static government site for the crawl layer's tests: one column (通知公告) whose list
page links ``count`` articles, newest first, served by ``crawler.demo.server`` with stable
validators (no counters, so an unchanged page answers 304).

:func:`write_site` writes the folder; ``redirects`` (path → target path) and ``missing`` (paths
answering 404) go to its ``_server.json``. Articles live at ``art/tNNN.html``.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

COLUMN = "通知公告"
SITE_NAME = "白沙县人民政府"

_PARAGRAPHS = [
    "为进一步做好本县有关工作，经县人民政府同意，现将有关事项通知如下。",
    "各乡镇人民政府、县直各有关单位要高度重视，明确责任分工，认真抓好落实，确保各项措施落地见效。",
    "请各单位于规定时间前将工作开展情况书面报送县人民政府办公室，联系电话：0000-1234567。",
    "本通知自印发之日起施行，此前有关规定与本通知不一致的，以本通知为准。",
]


def article_path(n: int) -> str:
    return f"art/t{n:03d}.html"


def article_title(n: int) -> str:
    return f"关于做好第{n}批重点项目申报工作的通知"


def _date(n: int) -> str:
    return f"2024-05-{1 + n % 28:02d}"


def _page(title: str, crumbs: str, main: str) -> str:
    nav = "".join(f'<li><a href="/col/c{i}/index.html">栏目{i}</a></li>' for i in range(1, 9))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}_{SITE_NAME}</title>
<meta name="SiteName" content="{SITE_NAME}"></head>
<body>
<div class="top">{SITE_NAME}门户网站 <a href="/search/">搜索</a> <a href="/wza/">无障碍</a></div>
<ul class="nav"><li><a href="/index.html">首页</a></li>{nav}</ul>
<div class="position">当前位置：<a href="/index.html">首页</a> &gt; {crumbs}</div>
<div class="main">
{main}
</div>
<div class="footer"><p>主办：{SITE_NAME}办公室　网站标识码：4399000077</p>
<p>地址：白沙县人民路1号　ICP备00000000号</p></div>
</body></html>
"""


def article_html(n: int, title: str | None = None, extra: str = "") -> str:
    title = title or article_title(n)
    paragraphs = "".join(f"<p>　　{text}</p>\n" for text in [*_PARAGRAPHS, f"（编号：第{n}号）"])
    main = f"""<div class="article"><h1>{html.escape(title)}</h1>
<div class="info">来源：{SITE_NAME}办公室　发布时间：{_date(n)} 09:00</div>
<div class="content">
{paragraphs}{extra}
</div></div>"""
    return _page(title, f'<a href="/tzgg/index.html">{COLUMN}</a>', main)


def list_html(numbers: list[int], titles: dict[int, str] | None = None) -> str:
    titles = titles or {}
    rows = "".join(
        f'<li><a href="/{article_path(n)}" title="{html.escape(titles.get(n, article_title(n)))}">'
        f"{html.escape(titles.get(n, article_title(n)))}</a><span>{_date(n)}</span></li>\n"
        for n in numbers
    )
    main = f'<div class="list"><h2>{COLUMN}</h2><ul class="news">\n{rows}</ul></div>'
    return _page(COLUMN, COLUMN, main)


def write_site(
    root: Path,
    count: int,
    *,
    listed: list[int] | None = None,
    titles: dict[int, str] | None = None,
    redirects: dict[str, str] | None = None,
    missing: list[str] = (),
    pages: dict[str, str] | None = None,
) -> Path:
    """Write the site into ``root``: ``count`` articles, the list page linking ``listed``
    (default: all, newest first), ``pages`` (path → HTML) written as they are."""
    root.mkdir(parents=True, exist_ok=True)
    numbers = listed if listed is not None else list(range(count, 0, -1))
    (root / "tzgg").mkdir(exist_ok=True)
    (root / "tzgg" / "index.html").write_text(list_html(numbers, titles), encoding="utf-8")
    (root / "art").mkdir(exist_ok=True)
    for n in range(1, count + 1):
        (root / article_path(n)).write_text(
            article_html(n, (titles or {}).get(n)), encoding="utf-8"
        )
    for path, text in (pages or {}).items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    server = {
        "redirect": {path: "/" + target.lstrip("/") for path, target in (redirects or {}).items()},
        "status": {path: 404 for path in missing},
    }
    (root / "_server.json").write_text(json.dumps(server), encoding="utf-8")
    return root


def site_table(url: str, **extra) -> dict:
    """The site's sites.toml table for a server of it."""
    return {
        "title": SITE_NAME,
        "start_urls": [url + "tzgg/index.html"],
        "timezone": "Asia/Shanghai",
        "follow_breadcrumbs": False,
        **extra,
    }
