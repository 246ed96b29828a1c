"""One day of the replica site (``monitor_site.py``) as routes for :func:`history.replay_history`.

``write_site`` writes the site's state with the demo server's placeholders (``{{now}}``,
``{{counter}}``, ``{{token}}``); here each day's state is written to a folder of its own and the
placeholders are filled with that day's values, so a whole history of the site can be served by
one replay, day after day, with its noise.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from support.monitor_site import write_site
from support.replay import Capture


def site_routes(
    folder: Path,
    releases,
    figures: dict[str, str],
    *,
    noise: int,
    moment: datetime,
    broken: dict[str, Capture] | None = None,
    redesign: list[tuple[str, str]] = (),
) -> dict[str, Capture]:
    """Write the site's state for one day into ``folder``; its routes (a removed release's file
    is absent: 404). ``broken`` replaces the routes of some paths for the day (a list page
    answering an empty 200, say); ``redesign`` rewrites every page (``(old, new)`` pairs)."""
    write_site(folder, releases, figures, noise=noise)
    statuses = json.loads((folder / "_server.json").read_text(encoding="utf-8"))["status"]
    routes = {}
    for path in sorted(folder.rglob("*.html")):
        relative = path.relative_to(folder).as_posix()
        text = path.read_text(encoding="utf-8")
        text = (
            text.replace("{{now}}", moment.strftime("%Y-%m-%d %H:%M:%S"))
            .replace("{{counter}}", str(1000 + noise * 37))
            .replace("{{token}}", hashlib.sha1(f"{noise}".encode()).hexdigest())
        )
        for old, new in redesign:
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
        routes["/" + relative] = Capture(file=path, status=statuses.get(relative, 200))
    routes.update(broken or {})
    return routes


# The site's redesign: every class, the top bar, the navigation, the footer and the info line's
# order new; each page's content (heading, text, rows, dates, sources) as it was.
REDESIGN = [
    (
        '<div class="top-bar">欢迎访问临江市人民政府门户网站 今天是：',
        '<header class="g-head"><div class="g-date">',
    ),
    (
        ' <a href="/search/">搜索</a></div>',
        '</div><form class="g-search" action="/search/"><input name="q"><button>搜索</button></form></header>',
    ),
    ('<ul class="nav">', '<nav class="g-nav"><ul>'),
    (
        '<li><a href="/tjsj/index.html">统计数据</a></li></ul>',
        '<li><a href="/tjsj/index.html">统计数据</a></li><li><a href="/hdjl/index.html">互动交流</a></li></ul></nav>',
    ),
    ('<div class="position">当前位置：', '<div class="g-crumb">您所在的位置：'),
    ('<div class="main">', '<main class="g-main">'),
    ('</div>\n<div class="side">', '</main>\n<aside class="g-side">'),
    ("<h3>热点关注</h3>", "<h4>热门信息</h4>"),
    ('<div class="related"><h3>相关推荐</h3>', '</aside><div class="g-rel"><h4>相关推荐</h4>'),
    (
        '<div class="footer"><p>主办：临江市人民政府办公室 网站标识码：4399000001</p>',
        '<footer class="g-foot"><p>临江市人民政府办公室 主办</p><p>网站标识码：4399000001　湘ICP备09001234号</p>',
    ),
    ("位访客</p><form>", '位访客</p><form class="g-token">'),
    ('<div class="article">', '<article class="g-article">'),
    ('<div class="content">', '<div class="g-article-body">'),
    ('<div class="share">分享到：', '<div class="g-share">分享：'),
    ('<ul class="list">', '<ul class="g-list">'),
    ('<div class="column-title">', '<div class="g-column">'),
]
