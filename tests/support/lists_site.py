"""A small TRS-style site written to a folder: columns of list pages over real article pages.

Each column has ``index.html``, ``index_1.html``, … with ``createPageHTML`` pagination; every page
also shows a sidebar "最新发布" teaser box with a 更多 link, listing articles of another column.
"""

from __future__ import annotations

from pathlib import Path

_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{column}_示例县人民政府</title>
<meta name="ColumnName" content="{column}"></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/{slug}/index.html">{column}</a></li>
<li><a href="/other/index.html">工作动态</a></li></ul></div>
<div class="main">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/{slug}/index.html">{column}</a></div>
  <div class="left">
    <div class="box"><div class="box-title"><span>最新发布</span><a href="/other/index.html">更多&gt;&gt;</a></div>
      <ul class="box-list">{teaser}</ul></div>
  </div>
  <div class="right">
    <ul class="list">{rows}</ul>
    <div class="page"><script type="text/javascript">createPageHTML({pages}, {current}, "index", "html");</script></div>
  </div>
</div>
<div class="footer"><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a></div>
</body></html>
"""

_ARTICLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_示例县人民政府</title></head>
<body><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/{slug}/index.html">{column}</a></div>
<div class="article"><h1>{title}</h1>
<div class="info">来源：示例县人民政府办公室 发布时间：{date} 09:30</div>
<div class="content"><p>{title}。本文为示例县人民政府发布的第{n}号信息，内容包括工作安排、责任分工和有关要求。</p>
<p>各乡镇、各有关部门要结合实际，认真抓好落实，确保各项工作任务按期完成。</p></div></div></body></html>
"""


def article_path(slug: str, n: int) -> str:
    return (
        f"/{slug}/2024{(n % 12) + 1:02d}/t2024{(n % 12) + 1:02d}{(n % 27) + 1:02d}_{1000 + n}.html"
    )


def _date(n: int) -> str:
    return f"2024-{(n % 12) + 1:02d}-{(n % 27) + 1:02d}"


def _title(column: str, n: int) -> str:
    return f"示例县{column}关于做好第{n}批重点工作安排的通知"


def write_column(
    root: Path,
    slug: str,
    column: str,
    rows_per_page: list[int],
    *,
    teaser_slug: str = "other",
    last_pager: bool = True,
) -> list[str]:
    """Write one column (its list pages and articles) under ``root``; returns its article paths, page by page.

    ``last_pager=False``: the last page shows no pager block at all (some CMSs leave it out there).
    """
    total = sum(rows_per_page)
    paths = [article_path(slug, n) for n in range(total)]
    teaser = "".join(
        f'<li><a href="{article_path(teaser_slug, n)}" title="{_title("工作动态", n)}">{_title("工作动态", n)}</a>'
        f"<span>{_date(n)}</span></li>"
        for n in range(5)
    )
    start = 0
    for page, count in enumerate(rows_per_page):
        rows = "".join(
            f'<li><a href="{paths[n]}" target="_blank" title="{_title(column, n)}">{_title(column, n)}</a><span>{_date(n)}</span></li>'
            for n in range(start, start + count)
        )
        name = "index.html" if page == 0 else f"index_{page}.html"
        folder = root / slug
        folder.mkdir(parents=True, exist_ok=True)
        html = _PAGE.format(
            column=column,
            slug=slug,
            teaser=teaser,
            rows=rows,
            pages=len(rows_per_page),
            current=page,
        )
        if not last_pager and page == len(rows_per_page) - 1:
            start_at = html.index('<div class="page">')
            html = html[:start_at] + html[html.index("</div>", start_at) + len("</div>") :]
        (folder / name).write_text(html, encoding="utf-8")
        start += count
    for n, path in enumerate(paths):
        write_article(root, path, slug, column, n)
    return paths


def write_article(root: Path, path: str, slug: str, column: str, n: int) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        _ARTICLE.format(title=_title(column, n), slug=slug, column=column, date=_date(n), n=n),
        encoding="utf-8",
    )


def write_site(root: Path, rows_per_page: list[int], *, last_pager: bool = True) -> list[str]:
    """The ``tzgg`` column (通知公告) with the given rows per page, and the teaser box's articles."""
    for n in range(5):
        write_article(root, article_path("other", n), "other", "工作动态", n)
    return write_column(root, "tzgg", "通知公告", rows_per_page, last_pager=last_pager)
