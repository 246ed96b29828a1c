"""Pages written for the monitoring tests: a statistics notice, a table-only disclosure page, and
the broken responses a real site serves between them (empty, anti-bot, unrendered template,
maintenance). Written from the patterns of government pages; none is a copy of a real page."""

from __future__ import annotations

_CHROME_TOP = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_临江市统计局</title>
<meta name="SiteName" content="临江市统计局"><meta name="createDate" content="{stamp}">
</head><body>
<div class="top"><a href="/">首页</a> <a href="/tjxx/">统计信息</a> <a href="/tjsj/">统计数据</a>
<a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a> <span>今天是：{stamp}</span></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tjsj/">统计数据</a> &gt; 月度数据</div>
<div class="main">
"""
_CHROME_BOTTOM = """</div>
<div class="related"><h3>相关链接</h3><ul>{related}</ul></div>
<div class="footer"><p>主办单位：临江市统计局 地址：临江市人民路1号 电话：0730-1234567</p>
<p>网站标识码：4306000001 湘ICP备05001234号 访问量：{counter}</p>
<input type="hidden" id="portalJsessionId" value="{session}"></div>
</body></html>
"""
_RELATED = [
    "临江市2023年国民经济和社会发展统计公报",
    "统计法律法规",
    "统计执法检查公告",
    "统计数据发布日程表",
    "全市规模以上工业企业名录",
    "统计调查制度",
]


def _page(title: str, main: str, noise: int) -> str:
    related = "".join(
        f'<li><a href="/tjxx/{i}.html">{_RELATED[(i + noise) % len(_RELATED)]}</a></li>'
        for i in range(3)
    )
    stamp = f"2023-09-{1 + noise % 28:02d} {8 + noise % 12:02d}:{noise * 7 % 60:02d}:00"
    return (
        _CHROME_TOP.format(title=title, stamp=stamp)
        + main
        + _CHROME_BOTTOM.format(
            related=related, counter=10_000 + 37 * noise, session=f"{noise * 7919:08x}"
        )
    )


def stats_page(figures: dict[str, str], *, as_of: str, noise: int = 0) -> str:
    """A monthly statistics page: heading, info line, one table of figures. ``noise`` changes
    only what changes on every fetch of a real site (clock, counter, session id, related box)."""
    rows = "".join(
        f"<tr><td>{name}</td><td>{value}</td><td>{as_of}</td><td>临江市统计局</td></tr>\n"
        for name, value in figures.items()
    )
    main = f"""<h1>临江市主要经济指标（{as_of}）</h1>
<div class="info">来源：临江市统计局　发布时间：{as_of}　浏览次数：{300 + noise}</div>
<div class="content">
<p>截至{as_of}，全市主要经济指标如下表。</p>
<table class="data"><tr><th>指标</th><th>数值</th><th>统计期</th><th>数据来源</th></tr>
{rows}</table>
<p>注：本表数据为初步统计数，最终以年报为准。</p>
</div>
"""
    return _page(f"临江市主要经济指标（{as_of}）", main, noise)


def table_only_page(rows: list[tuple[str, ...]], *, noise: int = 0) -> str:
    """A disclosure page whose content is nothing but a table (行政处罚信息公开表)."""
    head = ("案件名称", "行政处罚决定书文号", "违法企业名称", "处罚事由", "处罚结果", "处罚日期")
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    main = (
        '<table class="gs"><tr>'
        + "".join(f"<th>{cell}</th>" for cell in head)
        + "</tr>\n"
        + body
        + "</table>\n"
    )
    return _page("行政处罚信息公开表", main, noise)


PENALTIES = [
    (
        "擅自改变统计数据案",
        "临统罚〔2023〕1号",
        "临江市某建材有限公司",
        "提供不真实统计资料",
        "警告，罚款2万元",
        "2023-03-02",
    ),
    (
        "拒报统计资料案",
        "临统罚〔2023〕2号",
        "临江市某食品有限公司",
        "拒绝提供统计资料",
        "警告，罚款1万元",
        "2023-04-11",
    ),
    (
        "迟报统计资料案",
        "临统罚〔2023〕3号",
        "临江市某物流有限公司",
        "迟报统计资料",
        "警告",
        "2023-05-19",
    ),
    (
        "虚报统计资料案",
        "临统罚〔2023〕4号",
        "临江市某化工有限公司",
        "虚报统计资料",
        "警告，罚款5万元",
        "2023-06-07",
    ),
]

EMPTY = ""

BOT_CHECK = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>安全验证</title>
<script>document.cookie="__jsl_clearance=1693990000.123|0|abc; path=/";location.href=location.pathname+location.search;</script>
</head><body><p>请稍候，正在进行安全检查……</p></body></html>
"""

REDIRECT_STUB = """<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/verify?r=1">
<script>window.location.href="/verify?r=1";</script></head>
<body>如果页面没有自动跳转，请<a href="/verify?r=1">点击这里</a></body></html>
"""

MAINTENANCE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>系统维护中</title></head>
<body><h1>系统维护中</h1><p>为了给您提供更好的服务，网站正在进行系统升级维护，暂时无法访问，敬请谅解！</p></body></html>
"""


def unrendered_template() -> str:
    """The page's own template served without its data: the CMS placeholders are left in."""
    main = """<h1>${article.title}</h1>
<div class="info">来源：${article.source}　发布时间：${article.pubDate?string("yyyy-MM-dd")}</div>
<div class="content">$pageHelpBean.getContent()
<table class="data"><tr><th>指标</th><th>数值</th></tr>
<#list rows as row><tr><td>${row.name}</td><td>${row.value}</td></tr></#list></table>
</div>
"""
    return _page("${article.title}", main, 0)


def stats_frame(*, as_of: str, noise: int = 0) -> str:
    """The statistics page's frame served without its data (a portlet that failed to render):
    every piece of the site's template is there, the figures are not."""
    main = f"""<h1>临江市主要经济指标（{as_of}）</h1>
<div class="info">来源：临江市统计局　发布时间：{as_of}</div>
<div class="content"><p>暂无数据</p></div>
"""
    return _page(f"临江市主要经济指标（{as_of}）", main, noise)
