"""A small site written for the site-model tests: eight articles of one template.

Every article page carries what a site repeats and a page alone cannot tell from content: a
``<title>`` suffix behind an em-dash pair, a disclaimer paragraph and a QR-code line *inside* the
CMS body container, a share bar, and a contact line above the footer whose 信息来源 names the site's
own office (outside the element the page marks as its footer, so one page cannot tell). Most
pages print no source of their own; six share one source line under their title (a real source,
repeated because one newsroom writes most articles).
"""

from __future__ import annotations

from pathlib import Path

SITE_NAME = "青山区人民政府门户网站"
DISCLAIMER = "本网站所载内容仅供参考，转载请注明来源。如对内容有疑问，请与青山区政务公开办公室联系，我们将及时处理。"
QR_LINE = "扫码关注“青山发布”微信公众号，了解更多权威信息。"
FOOTER_SOURCE = "青山区人民政府办公室"
NEWSROOM = "青山区融媒体中心"

ARTICLES = [
    (
        "a1",
        "青山区召开2024年安全生产工作会议",
        "2024-03-01 09:30",
        NEWSROOM,
        [
            "3月1日上午，青山区召开2024年安全生产工作会议，总结去年工作，部署今年重点任务。",
            "会议要求，各街道、各部门要压实安全生产责任，深入开展隐患排查整治，坚决遏制重特大事故发生。",
        ],
    ),
    (
        "a2",
        "青山区开展春季植树活动",
        "2024-03-05 10:00",
        NEWSROOM,
        [
            "3月5日，青山区组织机关干部和志愿者在滨江公园开展春季义务植树活动。",
            "活动共栽植银杏、香樟等苗木1200余株，进一步提升了城区绿化水平。",
        ],
    ),
    (
        "a3",
        "关于2024年春季学期中小学入学登记的通知",
        "2024-03-08 15:00",
        None,
        [
            "各有关家庭：",
            "根据市教育局统一部署，现将我区2024年春季学期中小学入学登记有关事项通知如下。",
            "登记时间为3月11日至3月22日，家长可通过区教育局网站在线登记，也可到学校现场办理。",
        ],
    ),
    (
        "a4",
        "青山区举办民营企业招聘会",
        "2024-03-12 09:00",
        NEWSROOM,
        [
            "3月12日，青山区2024年民营企业专场招聘会在区人力资源市场举行。",
            "本次招聘会共有86家企业参加，提供就业岗位2300余个，现场达成就业意向560人。",
        ],
    ),
    (
        "a5",
        "青山区部署防汛备汛工作",
        "2024-03-15 16:20",
        NEWSROOM,
        [
            "3月15日，青山区召开防汛备汛工作部署会。",
            "会议强调，要提前做好物资储备和队伍建设，确保安全度汛。",
        ],
    ),
    (
        "a6",
        "青山区图书馆新馆开放公告",
        "2024-03-18 08:00",
        None,
        [
            "青山区图书馆新馆将于3月20日起正式对外开放。",
            "开放时间为每周二至周日9:00至21:00，读者可凭身份证办理借阅证。",
        ],
    ),
    (
        "a7",
        "青山区召开优化营商环境推进会",
        "2024-03-21 14:30",
        NEWSROOM,
        [
            "3月21日，青山区召开优化营商环境工作推进会，通报一季度工作进展。",
            "会议要求，要持续深化“放管服”改革，提升政务服务效能。",
        ],
    ),
    (
        "a8",
        "青山区开展消防安全宣传月活动",
        "2024-03-25 10:10",
        NEWSROOM,
        [
            "3月25日，青山区消防安全宣传月活动在中心广场启动。",
            "活动通过展板展示、现场演示等形式，向群众普及消防安全知识。",
        ],
    ),
]


def article_html(title: str, date: str, source: str | None, paragraphs: list[str]) -> str:
    info = f"<p>来源：{source}</p>" if source else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}——{SITE_NAME}</title></head>
<body>
<div class="top"><div class="logo">{SITE_NAME}</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/news/index.html">政务动态</a></li>
<li><a href="/gk/index.html">信息公开</a></li><li><a href="/hd/index.html">政民互动</a></li></ul></div>
<div class="where">当前位置：<a href="/">首页</a> &gt; <a href="/news/index.html">政务动态</a></div>
<div class="main">
<div class="hd"><b>{title}</b></div>
<div class="info">{info}<p>发布时间：{date}</p></div>
<div class="TRS_Editor">{body}
<p>{DISCLAIMER}</p>
<p>{QR_LINE}</p>
</div>
<div class="share">分享到：微信 微博 QQ空间</div>
</div>
<div class="contact"><p>信息来源：{FOOTER_SOURCE}　联系电话：0000-12345678</p></div>
<div class="footer"><p>主办单位：青山区人民政府　承办单位：青山区大数据中心</p>
<p>网站标识码：1234567890　某ICP备00000000号</p></div>
</body></html>
"""


def list_html(names: list[tuple[str, str, str]]) -> str:
    rows = "".join(
        f'<li><a href="{href}" title="{title}">{title}</a><span>{date[:10]}</span></li>'
        for href, title, date in names
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政务动态——{SITE_NAME}</title></head>
<body><div class="top"><div class="logo">{SITE_NAME}</div></div>
<div class="where">当前位置：首页 &gt; 政务动态</div>
<ul class="list">{rows}</ul>
<div class="footer"><p>主办单位：青山区人民政府</p></div></body></html>
"""


def write_site(root: Path, articles=ARTICLES, extra: list[tuple[str, str, str, str]] = ()) -> Path:
    """Write the site (``articles``, by default all eight) under ``root``; ``extra`` adds list rows
    ``(file name, title, date, html)``."""
    news = root / "news"
    news.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, title, date, source, paragraphs in articles:
        (news / f"{name}.html").write_text(
            article_html(title, date, source, paragraphs), encoding="utf-8"
        )
        rows.append((f"{name}.html", title, date))
    for name, title, date, page in extra:
        (news / f"{name}.html").write_text(page, encoding="utf-8")
        rows.append((f"{name}.html", title, date))
    rows.sort(key=lambda row: row[2], reverse=True)
    (news / "index.html").write_text(list_html(rows), encoding="utf-8")
    return root


def add_article(root: Path, name: str, title: str, date: str, page: str) -> None:
    """Publish one more article (its page is ``page``) at the top of the list."""
    news = root / "news"
    (news / f"{name}.html").write_text(page, encoding="utf-8")
    index = (news / "index.html").read_text(encoding="utf-8")
    row = f'<li><a href="{name}.html" title="{title}">{title}</a><span>{date[:10]}</span></li>'
    (news / "index.html").write_text(
        index.replace('<ul class="list">', '<ul class="list">' + row, 1), encoding="utf-8"
    )


# Every page must arrive for the model to see the whole site: a loaded machine is slow, not broken.
SLOW_MACHINE = {"timeout": 60, "retries": 2}


def site_table(server_url: str) -> dict:
    """The site's ``sites.toml`` table for a server of it (``qingshan``)."""
    return {
        "title": SITE_NAME,
        "start_urls": [server_url.rstrip("/") + "/news/index.html"],
        "timezone": "Asia/Shanghai",
        "politeness": SLOW_MACHINE,
    }


def crawl(db: Path, config: Path, *args: str):
    """``bulletin crawl qingshan`` through the real CLI; it must succeed."""
    from support.harness import run_cli

    result = run_cli("crawl", "qingshan", "--progress", "off", *args, db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    return result
