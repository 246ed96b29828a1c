"""Four histories written blind for issue 10 (session 10), before reading how the crawler tells a
page from a faulty response: the pages and the response shapes are drawn from how real sites
behave (示例市, 示例县 and Norland are invented; no page is a copy of one):

- ``dashboard``: a 统计局's 主要经济指标（月度） dashboard at one fixed URL (a 大汉-style page: a
  table of indicators by month, an update line, an ECharts chart fed from a script), watched as
  ``pages = [URL]``; a month's column added, a figure revised;
- ``notice``: a county 教育局's 招生入学 notice (GB2312 TRS-era page, the 信息公开 metadata
  table, prose), silently corrected (dates changed, no 更正 note), then an attachment added;
- ``release``: an English state agency's press release (a Drupal-like newsroom), a figure
  corrected, then a correction note appended;
- ``column``: a 自然资源和规划局's 信息公开 通知公告 column (two list pages, TRS ``index_1.html``
  series, articles with the metadata table) whose rows reorder and move pages.

Each page carries the noise of its chrome on every fetch: clocks, visit counters, CSRF tokens,
nonces, randomly drawn recommendations, cache-busting stamps on scripts.

The faulty responses are those real sites send in place of a page and the older histories do
not draw: a WAF's packed-script cookie challenge with no text, CDN/WAF 403 and 503 pages in
Chinese and English, a bare 系统维护中 or 网站升级改造中 page on a 200, Spring's Whitelabel Error
Page, Tomcat's ``HTTP Status 500 – Internal Server Error``, a PHP fatal error dump, ASP.NET's
``Server Error in '/' Application.``, Varnish's ``Guru Meditation``, unrendered templates
(``{{ article.title }}``, ``<%= %>``, ``${…}``, ``$!{…}``), a body cut mid-page, the page's chrome
with its content block empty, a redirect to the home page or to a login page, another page's
content served at the URL.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field, replace
from datetime import date

WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Noise:
    """What changes on every fetch of a page: derived from the day's seed and date."""

    seed: int
    day: date

    def h(self, salt: str, n: int = 24) -> str:
        return hashlib.sha1(f"{salt}:{self.seed}".encode()).hexdigest()[:n]

    @property
    def today(self) -> str:
        d = self.day
        return f"{d.year}年{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}"

    @property
    def clock(self) -> str:
        s = self.seed * 97 + 13
        return f"{8 + s % 11:02d}:{s % 60:02d}:{(s * 11) % 60:02d}"

    @property
    def count(self) -> int:
        return 48_213 + 317 * self.seed

    def pick(self, items: list, n: int) -> list:
        return random.Random(self.seed * 7919 + n).sample(items, n)


# ============================================================================================
# 1. The 统计局 dashboard (大汉-style JCMS page, UTF-8), watched at one fixed URL
# ============================================================================================

TJ_SITE = "示例市统计局"
DASH_PATH = "/tjsj/ydsj/zyjjzb.html"
DASH_TITLE = "示例市主要经济指标（2024年）"

_DASH_INDICATORS = [
    ("地区生产总值", "亿元"),
    ("规模以上工业增加值增速", "%"),
    ("固定资产投资增速", "%"),
    ("社会消费品零售总额", "亿元"),
    ("一般公共预算收入", "亿元"),
    ("居民消费价格指数", "上年同期=100"),
    ("城镇居民人均可支配收入", "元"),
    ("金融机构人民币存款余额", "亿元"),
]

_DASH_MONTHS = {
    "1-2月": ["—", "6.2", "4.8", "612.30", "88.46", "100.4", "—", "14210.5"],
    "1-3月": ["1421.66", "6.5", "5.1", "941.72", "131.07", "100.6", "11385", "14532.8"],
    "1-4月": ["—", "6.7", "5.0", "1253.18", "172.94", "100.5", "—", "14618.1"],
    "1-5月": ["—", "6.6", "5.3", "1578.40", "214.25", "100.7", "—", "14790.6"],
}

_TJ_RECOMMEND = [
    "2023年示例市国民经济和社会发展统计公报",
    "2024年一季度全市经济运行情况",
    "全市规模以上工业企业主要指标（4月）",
    "2023年全市城乡居民人均可支配收入",
    "示例市第五次全国经济普查主要数据公报",
    "2024年4月全市居民消费价格变动情况",
    "全市社会消费品零售总额月度数据",
    "2023年全市人口变动情况抽样调查主要数据",
    "统计调查项目目录（2024年版）",
    "示例市统计年鉴2023",
]


@dataclass
class Dashboard:
    months: list[str] = field(default_factory=lambda: ["1-2月", "1-3月"])
    updated: str = "2024-04-22"
    revised: dict[tuple[str, int], str] = field(default_factory=dict)

    def value(self, month: str, row: int) -> str:
        return self.revised.get((month, row), _DASH_MONTHS[month][row])

    def add_month(self, month: str, updated: str) -> Dashboard:
        return replace(self, months=[*self.months, month], updated=updated)

    def revise(self, month: str, row: int, value: str, updated: str) -> Dashboard:
        return replace(self, revised={**self.revised, (month, row): value}, updated=updated)


def tj_chrome(inner: str, noise: Noise, *, title: str, crumbs: str, extra_head: str = "") -> str:
    nav = "".join(
        f'<li><a href="/{path}/" target="_self">{name}</a></li>'
        for path, name in [
            ("col/col1", "首页"), ("col/col2", "机构概况"), ("col/col3", "统计动态"),
            ("tjsj", "统计数据"), ("col/col5", "统计分析"), ("col/col6", "统计公报"),
            ("col/col7", "普查专栏"), ("col/col8", "政务公开"), ("col/col9", "互动交流"),
        ]
    )  # fmt: skip
    recommend = "".join(
        f'<li><a href="/art/2024/4/{10 + i}/art_{1500 + _TJ_RECOMMEND.index(t)}_{88000 + i}.html" '
        f'target="_blank" title="{t}">{t}</a></li>'
        for i, t in enumerate(noise.pick(_TJ_RECOMMEND, 5))
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="{TJ_SITE}" />
<meta name="SiteDomain" content="tjj.example.gov.cn" />
<meta name="ColumnName" content="月度数据" />
<meta name="_csrf" content="{noise.h("csrf", 36)}" />
<title>{title}</title>
<link rel="stylesheet" type="text/css" href="/script/0/css/base.css?t={noise.h("v", 8)}" />
<link rel="stylesheet" type="text/css" href="/css/tjj_index.css" />
<script type="text/javascript" src="/script/0/jquery.min.js"></script>
<script type="text/javascript" src="/script/0/jcms.js?t={noise.h("v", 8)}"></script>
{extra_head}</head>
<body>
<div class="topbar"><div class="w1200">
<span class="fl">今天是：{noise.today}</span>
<span class="fr"><a href="javascript:void(0)" onclick="aria.start()">无障碍浏览</a> | <a href="javascript:void(0)" class="oldman">长者模式</a> | <a href="/col/col10/">English</a> | <a href="javascript:void(0)" onclick="SetHome(this)">设为首页</a></span>
</div></div>
<div class="header"><div class="w1200">
<a href="/" class="logo"><img src="/picture/0/logo.png" alt="{TJ_SITE}" /></a>
<div class="search"><form action="/jrobot/search.do" method="get" target="_blank"><input type="hidden" name="webid" value="62" /><input type="text" name="q" class="sinput" placeholder="请输入关键字" /><input type="submit" class="sbtn" value="搜索" /></form></div>
</div></div>
<div class="nav"><ul class="w1200">{nav}</ul></div>
<div class="w1200 main">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tjsj/">统计数据</a> &gt; <a href="/tjsj/ydsj/">{crumbs}</a></div>
<div class="main-l">
<div class="leftnav"><h2>统计数据</h2><ul><li><a href="/tjsj/ydsj/" class="on">月度数据</a></li><li><a href="/tjsj/jdsj/">季度数据</a></li><li><a href="/tjsj/ndsj/">年度数据</a></li><li><a href="/tjsj/tjnj/">统计年鉴</a></li><li><a href="/tjsj/pcsj/">普查数据</a></li></ul></div>
</div>
<div class="main-r">
{inner}
<div class="recommend"><h3>猜你喜欢</h3><ul>{recommend}</ul></div>
</div>
</div>
<div class="footer"><div class="w1200">
<p><a href="/col/col11/">网站地图</a> | <a href="/col/col12/">联系我们</a> | <a href="/col/col13/">网站声明</a></p>
<p>主办单位：{TJ_SITE}　承办单位：示例市统计局数据管理中心</p>
<p>地址：示例市中山路66号　电话：0512-68881234　<a href="https://beian.miit.gov.cn" target="_blank">苏ICP备12012345号-1</a>　<img src="/picture/0/gongan.png" alt="" />苏公网安备 32050802010456号　网站标识码：3205000012</p>
<p>本站访问量：<span id="webcount">{noise.count}</span></p>
<p><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/10/000/0000/60432312/CA100000000604323120001.js' type='text/javascript'%3E%3C/script%3E"));</script></p>
</div></div>
<script type="text/javascript" nonce="{noise.h("nonce", 16)}">var _hmt = _hmt || [];(function() {{var hm = document.createElement("script");hm.src = "https://hm.baidu.com/hm.js?{noise.h("hm", 32)}";var s = document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm, s);}})();</script>
</body>
</html>
"""


def dashboard_block(d: Dashboard, noise: Noise) -> str:
    head = "".join(f"<td><b>{m}</b></td>" for m in d.months)
    rows = "\n".join(
        f"<tr><td>{name}</td><td>{unit}</td>"
        + "".join(f"<td>{d.value(m, i)}</td>" for m in d.months)
        + "</tr>"
        for i, (name, unit) in enumerate(_DASH_INDICATORS)
    )
    series = ",".join(d.value(m, 3) for m in d.months)
    return f"""<div class="article">
<div class="title"><h1>{DASH_TITLE}</h1></div>
<div class="info"><span>数据更新时间：{d.updated}</span><span>来源：示例市统计局综合统计处</span><span>本页浏览次数：<script>document.write({noise.count % 4000 + 600})</script></span><span class="fr"><a href="javascript:window.print()">打印</a> <a href="/tjsj/ydsj/zyjjzb.xls">下载Excel</a></span></div>
<div class="article-con" id="zoom">
<p>注：本表数据为快报数，地区生产总值按季度发布，其余指标按月发布。增速按可比价格计算。</p>
<table class="sjb" width="100%" border="1" cellspacing="0" cellpadding="0">
<tr><td><b>指标名称</b></td><td><b>计量单位</b></td>{head}</tr>
{rows}
</table>
<div id="chart1" style="width:100%;height:320px"></div>
<p>说明：“—”表示该月不发布此项数据。</p>
</div>
<script type="text/javascript">
var chartData = {{"x":[{",".join(f'"{m}"' for m in d.months)}],"y":[{series}],"ts":{1713700000 + 3600 * noise.seed}}};
echarts.init(document.getElementById("chart1")).setOption({{xAxis:{{data:chartData.x}},yAxis:{{}},series:[{{type:"bar",data:chartData.y}}]}});
</script>
</div>"""


def dashboard_page(d: Dashboard, noise: Noise) -> str:
    return tj_chrome(
        dashboard_block(d, noise), noise, title=f"{DASH_TITLE}_{TJ_SITE}", crumbs="月度数据"
    )


def dashboard_empty_block(noise: Noise) -> str:
    """The page's template rendered with its data source down: title, breadcrumb, an empty
    article block."""
    inner = """<div class="article">
<div class="title"><h1></h1></div>
<div class="info"><span>数据更新时间：</span><span>来源：</span></div>
<div class="article-con" id="zoom">
</div>
</div>"""
    return tj_chrome(inner, noise, title=f"{DASH_TITLE}_{TJ_SITE}", crumbs="月度数据")


def packed_cookie_challenge(noise: Noise) -> str:
    """A WAF's first answer: a packed script that computes a cookie and reloads; nothing else."""
    k = noise.h("jsl", 32)
    return (
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
        "<meta http-equiv=\"Pragma\" content=\"no-cache\"><meta http-equiv=\"Expires\" content=\"0\">"
        "</head><body><script>eval(function(p,a,c,k,e,d){e=function(c){return(c<a?'':e(parseInt(c/a)))"
        "+((c=c%a)>35?String.fromCharCode(c+29):c.toString(36))};if(!''.replace(/^/,String)){while(c--)"
        "d[e(c)]=k[c]||e(c);k=[function(e){return d[e]}];e=function(){return'\\\\w+'};c=1};while(c--)"
        "if(k[c])p=p.replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c]);return p}('2.1=\\'3=" + k +
        "; 4=5; 6=/\\';7.8.9()',10,10,'|cookie|document|__yjs_cid|max-age|3600|path|window|location|"
        "reload'.split('|'),0,{}))</script></body></html>"
    )  # fmt: skip


def cdn_403_zh(noise: Noise) -> str:
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>403 禁止访问</title>
<style>body{{margin:0;background:#f2f3f5;font:14px/1.6 "PingFang SC","Microsoft YaHei",sans-serif}}.wrap{{max-width:640px;margin:12vh auto;background:#fff;border-radius:6px;padding:32px 40px;box-shadow:0 2px 8px rgba(0,0,0,.08)}}h1{{font-size:22px;color:#e6393e}}.meta{{color:#888;font-size:12px}}</style>
</head>
<body>
<div class="wrap">
<h1>403 禁止访问</h1>
<p>抱歉，您的访问请求被拒绝。可能的原因：您所在的网络或IP地址存在异常访问行为，或当前请求不符合本站访问策略。</p>
<p>如需继续访问，请稍后重试；如您认为这是误拦截，请将下方信息反馈给网站管理员。</p>
<p class="meta">节点：cn-east-{noise.seed % 9 + 1}.edge　请求ID：{noise.h("req", 32)}　时间：{noise.day.isoformat()} {noise.clock}</p>
<p class="meta">Powered by 云盾 CDN</p>
</div>
</body>
</html>
"""


def maintenance_bare(noise: Noise) -> str:
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<title>系统维护中</title>
<style>
html,body{height:100%;margin:0;background:#eef3f8}
.box{position:absolute;top:50%;left:50%;transform:translate(-50%,-50%);text-align:center;color:#333}
.box img{width:220px}.box h2{color:#1a5fa8;font-size:28px;margin:20px 0 10px}
.box p{font-size:15px;line-height:2;color:#555}
</style>
</head>
<body>
<div class="box">
<img src="/maintain/weihu.png" alt="系统维护">
<h2>系统维护中……</h2>
<p>尊敬的用户：为了给您提供更优质的服务，本网站正在进行系统升级维护，</p>
<p>维护期间网站暂停访问，给您带来的不便，敬请谅解！</p>
<p>维护时间：2024年5月9日 22:00 至 2024年5月10日 08:00</p>
</div>
</body>
</html>
"""


def whitelabel_error(noise: Noise) -> str:
    return (
        "<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping "
        "for /error, so you are seeing this as a fallback.</p><div id='created'>"
        f"Fri May 17 {noise.clock} CST 2024</div><div>There was an unexpected error "
        "(type=Internal Server Error, status=500).</div><div>nested exception is "
        "org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC "
        "Connection; nested exception is com.alibaba.druid.pool.GetConnectionTimeoutException: "
        "wait millis 60000, active 20, maxActive 20, creating 0</div></body></html>"
    )


def tj_home(noise: Noise) -> str:
    """The site's home page, where a redirect home lands."""
    news = "".join(
        f'<li><span>2024-05-{20 - i:02d}</span><a href="/art/2024/5/{20 - i}/art_1502_{89100 + i}.html" '
        f'target="_blank">{t}</a></li>'
        for i, t in enumerate(_TJ_RECOMMEND)
    )
    inner = f"""<div class="index-news"><h3><a href="/col/col3/">统计动态</a><a class="more" href="/col/col3/">更多&gt;&gt;</a></h3><ul>{news}</ul></div>
<div class="index-sj"><h3>数据发布</h3><ul><li><a href="/tjsj/ydsj/">月度数据</a></li><li><a href="/tjsj/jdsj/">季度数据</a></li><li><a href="/tjsj/ndsj/">年度数据</a></li></ul></div>"""
    return tj_chrome(inner, noise, title=TJ_SITE, crumbs="首页")


def tj_other_article(noise: Noise) -> str:
    """Another page of the site — its 统计公报 — served at the dashboard's URL."""
    inner = """<div class="article">
<div class="title"><h1>2023年示例市国民经济和社会发展统计公报</h1></div>
<div class="info"><span>发布日期：2024-03-28</span><span>来源：示例市统计局</span></div>
<div class="article-con" id="zoom">
<p>2023年，面对复杂严峻的外部环境，全市上下坚持稳中求进工作总基调，经济运行总体回升向好。</p>
<p>一、综合</p>
<p>初步核算，全年地区生产总值6213.45亿元，比上年增长5.6%。其中，第一产业增加值102.37亿元，增长3.1%；第二产业增加值2781.92亿元，增长5.9%；第三产业增加值3329.16亿元，增长5.4%。</p>
<p>全年城镇新增就业8.62万人，城镇调查失业率5.1%。全年居民消费价格比上年上涨0.4%。</p>
<p>二、农业</p>
<p>全年粮食种植面积68.4万亩，粮食总产量31.2万吨，比上年增长1.8%。</p>
</div>
</div>"""
    return tj_chrome(
        inner, noise, title=f"2023年示例市国民经济和社会发展统计公报_{TJ_SITE}", crumbs="统计公报"
    )


# ============================================================================================
# 2. The county 教育局 notice (TRS-era table layout, GB2312 bytes)
# ============================================================================================

JY_SITE = "示例县教育局"
NOTICE_PATH = "/xxgk/tzgg/202406/t20240612_402117.html"
NOTICE_TITLE = "关于做好2024年秋季义务教育阶段学校招生入学工作的通知"


@dataclass
class Notice:
    dates: str = "2024年7月1日至7月5日"
    verify: str = "7月8日至7月10日"
    result: str = "7月20日前"
    attachments: list[tuple[str, str]] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        return [
            "各乡镇中心学校，县直各学校，各民办学校：",
            "为进一步规范义务教育阶段学校招生入学工作，保障适龄儿童少年依法接受义务教育，根据"
            "《中华人民共和国义务教育法》和省、市有关文件精神，结合我县实际，现就做好2024年秋季"
            "义务教育阶段学校招生入学工作通知如下：",
            "一、招生对象",
            "小学一年级招收2018年8月31日前出生、具有我县户籍或随迁子女身份的适龄儿童；初中一年级"
            "招收2024年小学毕业生。",
            "二、招生方式",
            "坚持“免试、就近、划片”入学原则，公办学校和民办学校同步招生。民办学校报名人数超过招生"
            "计划的，实行电脑随机录取。",
            "三、时间安排",
            f"（一）网上报名：{self.dates}，家长登录“示例县义务教育招生服务平台”如实填报信息。",
            f"（二）资格审核：{self.verify}，各学校对报名材料进行审核，审核结果通过平台反馈。",
            f"（三）结果公布：{self.result}，各学校公布录取结果，并通知家长办理入学手续。",
            "四、工作要求",
            "各学校要严格执行招生政策，不得以任何形式举行或变相举行与入学挂钩的考试、测评，"
            "不得以各类竞赛证书、考级证明作为招生依据。咨询电话：0731-87651234。",
        ]


def jy_chrome(inner: str, noise: Noise, *, title: str, charset: str = "gb2312") -> str:
    hot = "".join(
        f'<tr><td class="hot" height="24">·<a href="/xwzx/jydt/202406/t202406{10 + i}_40{2000 + i}.html" '
        f'target="_blank">{t}</a></td></tr>'
        for i, t in enumerate(
            noise.pick(
                [
                    "全县召开2024年教育工作会议",
                    "县教育局开展校园安全隐患大排查",
                    "我县3所学校获评省级文明校园",
                    "2024年中考考务工作培训会召开",
                    "县教育局部署暑期防溺水工作",
                    "全县教师信息技术应用能力提升培训开班",
                    "关于2024年县直学校公开选调教师的公告",
                ],
                4,
            )
        )
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}</title>
<meta name="keywords" content="{JY_SITE},招生入学,通知公告">
<link href="/images/style.css" rel="stylesheet" type="text/css">
<script language="javascript" src="/images/common.js?{noise.h("ts", 10)}"></script>
</head>
<body leftmargin="0" topmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="30" class="top">　{noise.today}　<a href="#" onclick="this.style.behavior='url(#default#homepage)';this.setHomePage(location.href);">设为首页</a> | <a href="javascript:window.external.AddFavorite(location.href,'{JY_SITE}')">加入收藏</a></td></tr>
<tr><td><img src="/images/banner.jpg" width="1000" height="150" alt="{JY_SITE}"></td></tr>
<tr><td class="menu" height="36"><a href="/">网站首页</a>　<a href="/jggk/">机构概况</a>　<a href="/xwzx/">新闻中心</a>　<a href="/xxgk/">信息公开</a>　<a href="/zcfg/">政策法规</a>　<a href="/bsfw/">办事服务</a>　<a href="/hdjl/">互动交流</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="mt10">
<tr>
<td width="250" valign="top" class="left">
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="ltitle">热点新闻</td></tr>{hot}</table>
</td>
<td width="10"></td>
<td valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="position">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/xxgk/">信息公开</a> &gt;&gt; <a href="/xxgk/tzgg/">通知公告</a></td></tr></table>
{inner}
</td>
</tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="bottom">
<tr><td align="center" height="90">版权所有：{JY_SITE}　地址：示例县城关镇文化路18号　联系电话：0731-87651000<br>
<a href="https://beian.miit.gov.cn/" target="_blank">湘ICP备10007788号</a>　网站标识码：4301240031　您是第<font color="red">{noise.count}</font>位访客</td></tr>
</table>
</body>
</html>
"""


def notice_block(n: Notice, noise: Noise) -> str:
    paras = "\n".join(f'<p style="text-indent:2em">{p}</p>' for p in n.paragraphs())
    files = ""
    if n.attachments:
        files = "<p>附件：</p>\n" + "\n".join(
            f'<p><a href="{href}">{name}</a></p>' for href, name in n.attachments
        )
    return f"""<table width="100%" border="0" cellspacing="0" cellpadding="0" class="xxgk-meta">
<tr><td width="15%">索 引 号：</td><td width="35%">430124031/2024-00187</td><td width="15%">主题分类：</td><td>教育</td></tr>
<tr><td>发布机构：</td><td>示例县教育局</td><td>发文日期：</td><td>2024-06-12</td></tr>
<tr><td>名　　称：</td><td colspan="3">{NOTICE_TITLE}</td></tr>
<tr><td>文　　号：</td><td>示教发〔2024〕21号</td><td>有 效 性：</td><td>有效</td></tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td align="center" class="atitle"><b>{NOTICE_TITLE}</b></td></tr>
<tr><td align="center" class="ainfo">发布时间：2024-06-12 16:20　来源：县教育局基础教育股　点击数：{120 + 31 * noise.seed}　【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
<tr><td class="acontent"><div class="TRS_Editor">
{paras}
<p style="text-align:right">示例县教育局</p>
<p style="text-align:right">2024年6月12日</p>
{files}
</div></td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table>"""


def notice_page(n: Notice, noise: Noise) -> bytes:
    return jy_chrome(notice_block(n, noise), noise, title=f"{NOTICE_TITLE}-{JY_SITE}").encode("gbk")


def tomcat_500(noise: Noise) -> str:
    return (
        '<!doctype html><html lang="en"><head><title>HTTP Status 500 – Internal Server Error'
        '</title><style type="text/css">body {font-family:Tahoma,Arial,sans-serif;} h1, h2, h3, b '
        "{color:white;background-color:#525D76;} h1 {font-size:22px;} h2 {font-size:16px;} h3 "
        "{font-size:14px;} p {font-size:12px;} a {color:black;} .line {height:1px;background-color:"
        "#525D76;border:none;}</style></head><body><h1>HTTP Status 500 – Internal Server Error</h1>"
        '<hr class="line" /><p><b>Type</b> Exception Report</p><p><b>Message</b> An exception '
        "occurred processing [/WEB-INF/jsp/content/article.jsp] at line [42]</p><p><b>Description"
        "</b> The server encountered an unexpected condition that prevented it from fulfilling the "
        "request.</p><p><b>Exception</b></p><pre>org.apache.jasper.JasperException: An exception "
        "occurred processing [/WEB-INF/jsp/content/article.jsp] at line [42]\n\n39: &lt;div "
        "class=&quot;acontent&quot;&gt;\n40: ${article.content}\n41: &lt;/div&gt;\n\n\tat "
        "org.apache.jasper.servlet.JspServletWrapper.handleJspException(JspServletWrapper.java:610)"
        "\n\tat org.apache.jasper.servlet.JspServletWrapper.service(JspServletWrapper.java:499)\n\t"
        "at javax.servlet.http.HttpServlet.service(HttpServlet.java:764)\n</pre><p><b>Root Cause"
        "</b></p><pre>java.lang.NullPointerException\n\tat org.apache.jsp.WEB_002dINF.jsp.content."
        "article_jsp._jspService(article_jsp.java:218)\n</pre><p><b>Note</b> The full stack trace "
        'of the root cause is available in the server logs.</p><hr class="line" /><h3>Apache '
        "Tomcat/9.0.65</h3></body></html>"
    )


def notice_mustache(noise: Noise) -> bytes:
    """The article template served before its data was bound: ``{{ }}`` where the text goes."""
    inner = """<table width="100%" border="0" cellspacing="0" cellpadding="0" class="xxgk-meta">
<tr><td width="15%">索 引 号：</td><td width="35%">{{ article.indexNo }}</td><td width="15%">主题分类：</td><td>{{ article.theme }}</td></tr>
<tr><td>发布机构：</td><td>{{ article.publisher }}</td><td>发文日期：</td><td>{{ article.docDate | date:'yyyy-MM-dd' }}</td></tr>
<tr><td>名　　称：</td><td colspan="3">{{ article.title }}</td></tr>
<tr><td>文　　号：</td><td>{{ article.docNo }}</td><td>有 效 性：</td><td>{{ article.validity }}</td></tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td align="center" class="atitle"><b>{{ article.title }}</b></td></tr>
<tr><td align="center" class="ainfo">发布时间：{{ article.pubDate }}　来源：{{ article.source }}　点击数：{{ article.hits }}</td></tr>
<tr><td class="acontent"><div class="TRS_Editor">{{{ article.content }}}</div></td></tr>
</table>"""
    return jy_chrome(inner, noise, title="{{ article.title }}-" + JY_SITE).encode("gbk")


def notice_asp_tags(noise: Noise) -> bytes:
    """ASP source sent as is (the handler mapping lost): ``<%= %>`` where the text goes."""
    inner = """<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td align="center" class="atitle"><b><%=rs("Title")%></b></td></tr>
<tr><td align="center" class="ainfo">发布时间：<%=FormatDateTime(rs("UpdateTime"),2)%>　来源：<%=rs("CopyFrom")%>　点击数：<%=rs("Hits")%></td></tr>
<tr><td class="acontent"><div class="TRS_Editor"><%=rs("Content")%></div></td></tr>
</table>"""
    return jy_chrome(inner, noise, title='<%=rs("Title")%>-' + JY_SITE).encode("gbk")


def upgrading(noise: Noise) -> str:
    return """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>网站升级改造中</title>
</head>
<body style="background:#fff;margin:0">
<div style="text-align:center;padding-top:120px">
<img src="/upgrade/sj.jpg" width="560" alt="">
<p style="font-size:24px;color:#c00;font-family:'Microsoft YaHei'">网站升级改造中，敬请期待！</p>
<p style="font-size:14px;color:#666">为进一步提升服务水平，本网站正在进行集约化平台迁移，期间暂停访问。</p>
</div>
</body>
</html>
"""


def php_fatal(noise: Noise) -> str:
    return (
        "<br />\n<b>Warning</b>:  mysqli::__construct(): (HY000/2002): Connection refused in "
        "<b>/www/wwwroot/jyj/include/db_mysqli.class.php</b> on line <b>53</b><br />\n<br />\n"
        "<b>Fatal error</b>:  Uncaught Error: Call to a member function query() on null in "
        "/www/wwwroot/jyj/include/db_mysqli.class.php:118\nStack trace:\n#0 /www/wwwroot/jyj/"
        "include/arc.archives.class.php(86): DB_Mysqli->GetOne('SELECT arc.*,tp...')\n#1 /www/"
        "wwwroot/jyj/plus/view.php(27): Archives->__construct('402117')\n#2 {main}\n  thrown in "
        "<b>/www/wwwroot/jyj/include/db_mysqli.class.php</b> on line <b>118</b><br />\n"
    )


def sso_login(noise: Noise) -> str:
    return f"""<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>统一身份认证平台</title>
<link rel="stylesheet" href="/sso/css/login.css">
<script src="/sso/js/jsencrypt.min.js"></script></head>
<body class="login-bg">
<div class="login-box">
<h2>示例县政务服务统一身份认证平台</h2>
<form id="fm1" action="/sso/login?service=%2Fxxgk%2Ftzgg%2F" method="post">
<div class="tab"><span class="on">账号登录</span><span>扫码登录</span></div>
<input type="text" name="username" placeholder="请输入用户名/手机号/身份证号">
<input type="password" name="password" placeholder="请输入密码">
<input type="hidden" name="lt" value="LT-{noise.h("lt", 20)}">
<input type="hidden" name="execution" value="e1s1">
<button type="submit">登 录</button>
<p><a href="/sso/register">注册账号</a> | <a href="/sso/forget">忘记密码</a></p>
</form>
</div>
</body>
</html>
"""


def jy_other_notice(noise: Noise) -> bytes:
    """Another notice of the site, served at this notice's URL (a CMS cache keyed wrong)."""
    inner = """<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td align="center" class="atitle"><b>关于2024年暑假放假及秋季开学时间安排的通知</b></td></tr>
<tr><td align="center" class="ainfo">发布时间：2024-06-28 10:05　来源：县教育局办公室　点击数：862</td></tr>
<tr><td class="acontent"><div class="TRS_Editor">
<p style="text-indent:2em">各乡镇中心学校，县直各学校：</p>
<p style="text-indent:2em">根据省教育厅校历安排，现将我县2024年暑假放假及秋季开学时间通知如下：</p>
<p style="text-indent:2em">一、中小学校（含幼儿园）2024年7月6日开始放暑假，8月31日学生报到，9月1日正式上课。</p>
<p style="text-indent:2em">二、暑假期间，各学校要切实加强安全教育，严防学生溺水、交通等安全事故发生。</p>
<p style="text-align:right">示例县教育局</p>
<p style="text-align:right">2024年6月28日</p>
</div></td></tr>
</table>"""
    return jy_chrome(
        inner, noise, title=f"关于2024年暑假放假及秋季开学时间安排的通知-{JY_SITE}"
    ).encode("gbk")


# ============================================================================================
# 3. The English agency press release (a Drupal-like newsroom)
# ============================================================================================

EN_SITE = "Norland Department of Environmental Quality"
RELEASE_PATH = "/news/press-releases/2024/deq-awards-42-million-clean-water-grants"
RELEASE_TITLE = "DEQ awards $4.2 million in clean water grants to 18 communities"


@dataclass
class Release:
    total: str = "$4.2 million"
    largest: str = "$610,000"
    correction: str = ""

    def paragraphs(self) -> list[str]:
        body = [
            f"SPRINGVALE — The Norland Department of Environmental Quality (DEQ) today announced "
            f"{self.total} in grants to 18 communities to upgrade aging drinking water and "
            f"wastewater systems.",
            f"The largest award, {self.largest}, goes to the City of Ashby to replace 2.3 miles of "
            f"lead service lines serving roughly 1,400 homes. The Harlow Township Sewer Authority "
            f"will receive $480,000 to rehabilitate its treatment lagoon.",
            '"Every community deserves safe water, no matter its size," said DEQ Director Maria '
            'Okafor. "These grants put state dollars where they make the biggest difference."',
            "The grants are funded through the Clean Water Infrastructure Fund, created by the "
            "legislature in 2021. Communities with fewer than 10,000 residents received priority "
            "in this round, and 11 of the 18 recipients are rural.",
            "Applications for the next round open on September 3, 2024. Eligible applicants "
            "include municipalities, sanitary districts and tribal utilities.",
        ]
        if self.correction:
            body.append(self.correction)
        return body


_EN_MORE = [
    "DEQ issues air quality alert for the Lower Valley",
    "State reaches settlement with Ridgeway Chemical over 2022 spill",
    "Public comment opens on revised stormwater permit",
    "DEQ launches online portal for well water testing",
    "Norland recycling rate climbs to 34 percent",
    "Volunteers sought for statewide river cleanup",
    "DEQ names new head of Office of Waste Management",
]


def en_chrome(inner: str, noise: Noise, *, title: str, node: str = "18342") -> str:
    more = "".join(
        f'<li class="views-row"><a href="/news/press-releases/2024/{t.lower().replace(" ", "-")[:40]}" '
        f'hreflang="en">{t}</a></li>'
        for t in noise.pick(_EN_MORE, 3)
    )
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8" />
<meta name="description" content="Norland DEQ press release" />
<meta property="og:site_name" content="{EN_SITE}" />
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link rel="canonical" href="{RELEASE_PATH}" />
<title>{title} | {EN_SITE}</title>
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_{noise.h("css", 43)}.css?delta=0&amp;language=en&amp;theme=norland&amp;include={noise.h("inc", 20)}" />
<script type="application/json" data-drupal-selector="drupal-settings-json">{{"path":{{"baseUrl":"\\/","currentPath":"node\\/{node}"}},"ajaxPageState":{{"libraries":"{noise.h("lib", 30)}","theme":"norland"}},"csp":{{"nonce":"{noise.h("nonce", 22)}"}}}}</script>
</head>
<body class="path-node page-node-type-press-release">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="alert-banner" role="region"><p>Air quality alert in effect for Lower Valley counties through {noise.day.strftime("%B %-d")}. <a href="/air/alerts">Learn more</a></p></div>
<header class="site-header" role="banner">
<div class="site-branding"><a href="/" rel="home"><img src="/themes/custom/norland/logo.svg" alt="Norland DEQ" /></a><span class="site-name">{EN_SITE}</span></div>
<nav role="navigation" aria-label="Main"><ul class="menu"><li><a href="/air">Air</a></li><li><a href="/water">Water</a></li><li><a href="/land">Land</a></li><li><a href="/permits">Permits</a></li><li><a href="/news">News</a></li><li><a href="/about">About DEQ</a></li></ul></nav>
<form class="search-block-form" action="/search" method="get"><input type="search" name="keys" placeholder="Search" /><input type="hidden" name="form_build_id" value="form-{noise.h("fb", 40)}" /></form>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/news/press-releases">Press releases</a></li></ol></nav>
<main role="main" id="main-content">
<div class="region region-content">
{inner}
</div>
<aside class="region region-sidebar"><h2>More news</h2><ul>{more}</ul></aside>
</main>
<footer class="site-footer" role="contentinfo">
<p>{EN_SITE} · 1200 Capitol Way, Springvale, NL 60410 · (555) 010-4400</p>
<ul class="menu"><li><a href="/accessibility">Accessibility</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/foia">Public records</a></li><li><a href="/contact">Contact us</a></li></ul>
<p>© 2024 State of Norland</p>
</footer>
<script src="/core/misc/drupal.js?v=10.2.4"></script>
<script nonce="{noise.h("nonce", 22)}">window.dataLayer=window.dataLayer||[];dataLayer.push({{"pageId":"{noise.h("pv", 12)}"}});</script>
</body>
</html>
"""


def release_block(r: Release) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in r.paragraphs())
    return f"""<article role="article" class="node node--type-press-release node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{RELEASE_TITLE}</span></h1>
<div class="press-meta"><div class="field field--name-field-date"><time datetime="2024-06-18T14:00:00Z">June 18, 2024</time></div>
<div class="field field--name-field-office">Office of Water Resources</div></div>
<div class="clearfix text-formatted field field--name-body">
{paras}
</div>
<div class="press-contact"><h2>Media contact</h2><p>Dana Whitfield, DEQ Communications, (555) 010-4417, dana.whitfield@deq.norland.example</p></div>
<div class="share"><span>Share:</span> <a href="https://www.facebook.com/sharer/sharer.php?u={RELEASE_PATH}">Facebook</a> <a href="https://twitter.com/intent/tweet?url={RELEASE_PATH}">X</a> <a href="mailto:?subject=DEQ%20news">Email</a></div>
</article>"""


def release_page(r: Release, noise: Noise) -> str:
    return en_chrome(release_block(r), noise, title=RELEASE_TITLE)


def cloudflare_403(noise: Noise) -> str:
    ray = noise.h("ray", 16)
    return f"""<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>Attention Required! | Cloudflare</title>
<meta charset="UTF-8" />
<meta name="robots" content="noindex, nofollow" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/cf.errors.css" />
</head>
<body>
<div id="cf-wrapper">
<div id="cf-error-details" class="cf-error-details-wrapper">
<div class="cf-wrapper cf-header cf-error-overview">
<h1 data-translate="block_headline">Sorry, you have been blocked</h1>
<h2 class="cf-subheadline"><span data-translate="unable_to_access">You are unable to access</span> deq.norland.example</h2>
</div>
<div class="cf-section cf-wrapper">
<div class="cf-columns two">
<div class="cf-column"><h2 data-translate="blocked_why_headline">Why have I been blocked?</h2>
<p data-translate="blocked_why_detail">This website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution. There are several actions that could trigger this block including submitting a certain word or phrase, a SQL command or malformed data.</p></div>
<div class="cf-column"><h2 data-translate="blocked_resolve_headline">What can I do to resolve this?</h2>
<p data-translate="blocked_resolve_detail">You can email the site owner to let them know you were blocked. Please include what you were doing when this page came up and the Cloudflare Ray ID found at the bottom of this page.</p></div>
</div>
</div>
<div class="cf-error-footer cf-wrapper"><p><span>Cloudflare Ray ID: <strong>{ray}</strong></span> <span>&bull;</span> <span>Performance &amp; security by <a href="https://www.cloudflare.com/5xx-error-landing" target="_blank">Cloudflare</a></span></p></div>
</div>
</div>
</body>
</html>
"""


def varnish_503(noise: Noise) -> str:
    return f"""<!DOCTYPE html>
<html>
  <head>
    <title>503 Backend fetch failed</title>
  </head>
  <body>
    <h1>Error 503 Backend fetch failed</h1>
    <p>Backend fetch failed</p>
    <h3>Guru Meditation:</h3>
    <p>XID: {100000 + 7919 * noise.seed}</p>
    <hr>
    <p>Varnish cache server</p>
  </body>
</html>
"""


def aspnet_ysod(noise: Noise) -> str:
    return """<!DOCTYPE html>
<html>
    <head>
        <title>Runtime Error</title>
        <meta name="viewport" content="width=device-width" />
        <style>
         body {font-family:"Verdana";font-weight:normal;font-size: .7em;color:black;}
         H1 { font-family:"Verdana";font-weight:normal;font-size:18pt;color:red }
         H2 { font-family:"Verdana";font-weight:normal;font-size:14pt;color:maroon }
        </style>
    </head>
    <body bgcolor="white">
            <span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>
            <h2> <i>Runtime Error</i> </h2></span>
            <font face="Arial, Helvetica, Geneva, SunSans-Regular, sans-serif ">
            <b> Description: </b>An application error occurred on the server. The current custom error settings for this application prevent the details of the application error from being viewed remotely (for security reasons). It could, however, be viewed by browsers running on the local server machine.
            <br><br>
            <b>Details:</b> To enable the details of this specific error message to be viewable on remote machines, please create a &lt;customErrors&gt; tag within a &quot;web.config&quot; configuration file located in the root directory of the current web application. This &lt;customErrors&gt; tag should then have its &quot;mode&quot; attribute set to &quot;Off&quot;.<br><br>
            <table width=100% bgcolor="#ffffcc">
               <tr><td><code><pre>
&lt;!-- Web.Config Configuration File --&gt;

&lt;configuration&gt;
    &lt;system.web&gt;
        &lt;customErrors mode=&quot;Off&quot;/&gt;
    &lt;/system.web&gt;
&lt;/configuration&gt;</pre></code></td></tr>
            </table>
    </body>
</html>
"""


def release_el_template(noise: Noise) -> str:
    """A press-release template with its JSP EL / FreeMarker expressions unevaluated."""
    inner = """<article role="article" class="node node--type-press-release node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">${pressRelease.title}</span></h1>
<div class="press-meta"><div class="field field--name-field-date"><time datetime="${pressRelease.isoDate}">${pressRelease.displayDate}</time></div>
<div class="field field--name-field-office">$!{pressRelease.office.name}</div></div>
<div class="clearfix text-formatted field field--name-body">
${pressRelease.body?no_esc}
</div>
<div class="press-contact"><h2>Media contact</h2><p>${pressRelease.contact.name}, ${pressRelease.contact.phone}</p></div>
</article>"""
    return en_chrome(inner, noise, title="${pressRelease.title}")


def drupal_maintenance(noise: Noise) -> str:
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8" />
<title>Site under maintenance | {EN_SITE}</title>
<link rel="stylesheet" href="/core/themes/claro/css/maintenance-page.css" />
</head>
<body class="maintenance-page">
<div class="layout-container">
<header role="banner"><a href="/" title="Home" rel="home"><img src="/themes/custom/norland/logo.svg" alt="Home"/></a>
<div class="name-and-slogan"><h1 class="site-name"><a href="/" title="Home" rel="home">{EN_SITE}</a></h1></div></header>
<main role="main">
<h1 class="title">Site under maintenance</h1>
<div class="content">{EN_SITE} is currently under maintenance. We should be back shortly. Thank you for your patience.</div>
</main>
</div>
</body>
</html>
"""


def en_home(noise: Noise) -> str:
    items = "".join(
        f'<li><a href="/news/press-releases/2024/{t.lower().replace(" ", "-")[:40]}">{t}</a></li>'
        for t in _EN_MORE
    )
    inner = f"""<section class="hero"><h1>Protecting Norland's air, water and land</h1><p>DEQ works with communities and businesses to keep Norland healthy.</p></section>
<section class="news-list"><h2>Latest news</h2><ul>{items}</ul><a href="/news">All news</a></section>
<section class="services"><h2>Popular services</h2><ul><li><a href="/permits/apply">Apply for a permit</a></li><li><a href="/water/wells">Test your well</a></li><li><a href="/report">Report a problem</a></li></ul></section>"""
    return en_chrome(inner, noise, title="Home", node="1")


def en_other_release(noise: Noise) -> str:
    inner = """<article role="article" class="node node--type-press-release node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">Public comment opens on revised stormwater permit</span></h1>
<div class="press-meta"><div class="field field--name-field-date"><time datetime="2024-06-11T14:00:00Z">June 11, 2024</time></div>
<div class="field field--name-field-office">Office of Water Resources</div></div>
<div class="clearfix text-formatted field field--name-body">
<p>SPRINGVALE — The Norland Department of Environmental Quality today opened a 45-day public comment period on its revised general permit for construction stormwater.</p>
<p>The draft permit tightens inspection requirements after rain events and adds a new category for sites smaller than one acre that are part of a larger development.</p>
<p>Comments may be submitted online or by mail through July 26, 2024. A virtual public hearing will be held on July 16.</p>
</div>
</article>"""
    return en_chrome(
        inner, noise, title="Public comment opens on revised stormwater permit", node="18301"
    )


def release_empty_region(noise: Noise) -> str:
    """The theme rendered around a node that failed to load: breadcrumb and sidebar, no article."""
    return en_chrome(
        '<div data-drupal-messages-fallback class="hidden"></div>', noise, title="News"
    )


# ============================================================================================
# 4. The 信息公开 通知公告 column of a 自然资源和规划局 (TRS-style static site, UTF-8)
# ============================================================================================

ZR_SITE = "示例市自然资源和规划局"
COLUMN = "/xxgk/tzgg/"
PER_PAGE = 6


@dataclass
class Item:
    number: int
    title: str
    day: str  # 2024-05-DD
    paragraphs: list[str]
    status: int = 200
    gone: bool = False  # off its list and 404

    @property
    def path(self) -> str:
        return f"{COLUMN}202405/t2024{self.day[5:7]}{self.day[8:10]}_{self.number}.html"


def zr_chrome(inner: str, noise: Noise, *, title: str, crumbs: str = "通知公告") -> str:
    hot = "".join(
        f'<li><a href="/xwzx/gzdt/202405/t202405{10 + i:02d}_{7700 + i}.html" title="{t}">{t}</a></li>'
        for i, t in enumerate(
            noise.pick(
                [
                    "市自然资源和规划局召开耕地保护工作推进会",
                    "我市完成2023年度国土变更调查",
                    "全市地质灾害防治工作会议召开",
                    "市局开展“土地日”主题宣传活动",
                    "我市不动产登记“一网通办”再提速",
                    "市局赴高新区调研重点项目用地保障",
                ],
                4,
            )
        )
    )
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="SiteName" content="{ZR_SITE}">
<meta name="ColumnName" content="通知公告">
<title>{title}</title>
<link rel="stylesheet" href="/images/zrzyj.css">
<script src="/images/jquery.js"></script>
<script src="/images/common.js?v={noise.h("v", 6)}"></script>
</head>
<body>
<div class="top"><div class="w1200"><span>{noise.today} {noise.clock}</span><a href="/wza/">无障碍</a><a href="/m/">移动版</a></div></div>
<div class="head"><div class="w1200"><a href="/"><img src="/images/logo.png" alt="{ZR_SITE}"></a>
<form action="/search/" class="sch"><input name="searchword" placeholder="站内搜索"><input type="hidden" name="_token" value="{noise.h("tok", 32)}"><button>搜索</button></form></div></div>
<div class="menu"><ul class="w1200"><li><a href="/">首页</a></li><li><a href="/jgsz/">机构设置</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/xxgk/">信息公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li></ul></div>
<div class="w1200 content">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="{COLUMN}">{crumbs}</a></div>
<div class="left"><div class="lm"><h3>信息公开</h3><ul><li><a href="/xxgk/zcwj/">政策文件</a></li><li class="on"><a href="{COLUMN}">通知公告</a></li><li><a href="/xxgk/ghjs/">规划计划</a></li><li><a href="/xxgk/tdgy/">土地供应</a></li></ul></div>
<div class="lm"><h3>热点信息</h3><ul>{hot}</ul></div></div>
<div class="right">
{inner}
</div>
</div>
<div class="foot"><div class="w1200">
<p>主办：{ZR_SITE}　地址：示例市建设路99号　电话：0371-66001234</p>
<p><a href="https://beian.miit.gov.cn/">豫ICP备13009876号</a>　网站标识码：4101000077　访问量：{noise.count}</p>
</div></div>
</body>
</html>
"""


def list_block(rows: list[Item], page: int, pages: int) -> str:
    lis = "\n".join(
        f'<li><a href="{r.path}" target="_blank" title="{r.title}">{r.title}</a><span>{r.day}</span></li>'
        for r in rows
    )
    return f"""<div class="lb-title"><h2>通知公告</h2></div>
<ul class="lb-list">
{lis}
</ul>
<div class="page"><script>var currentPage = {page};var countPage = {pages};createPageHTML(countPage, currentPage, "index", "html");</script>
<noscript>{"".join(f'<a href="{"index" if i == 0 else f"index_{i}"}.html">{i + 1}</a>' for i in range(pages))}</noscript></div>"""


def article_block(item: Item, noise: Noise) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in item.paragraphs)
    return f"""<div class="xxgk-table"><table>
<tr><th>索引号</th><td>11410100MB1234567X/2024-{item.number:05d}</td><th>主题分类</th><td>自然资源</td></tr>
<tr><th>发布机构</th><td>{ZR_SITE}</td><th>成文日期</th><td>{item.day}</td></tr>
<tr><th>名称</th><td colspan="3">{item.title}</td></tr>
</table></div>
<div class="article">
<h1>{item.title}</h1>
<div class="ainfo">发布日期：{item.day}　来源：{ZR_SITE}　浏览次数：<span id="hits">{noise.count % 900}</span></div>
<div class="TRS_Editor">
{paras}
</div>
<div class="prenext"><p>上一篇：<a href="{COLUMN}">返回列表</a></p></div>
</div>"""


def article_page(item: Item, noise: Noise) -> str:
    return zr_chrome(article_block(item, noise), noise, title=f"{item.title}_{ZR_SITE}")


def list_pages(items: list[Item], noise: Noise) -> dict[str, str]:
    """The column's list pages: newest first, PER_PAGE a page."""
    shown = sorted((i for i in items if not i.gone), key=lambda i: (i.day, i.number), reverse=True)
    chunks = [shown[k : k + PER_PAGE] for k in range(0, len(shown), PER_PAGE)] or [[]]
    pages = {}
    for n, rows in enumerate(chunks):
        name = "index.html" if n == 0 else f"index_{n}.html"
        pages[COLUMN + name] = zr_chrome(
            list_block(rows, n, len(chunks)), noise, title=f"通知公告_{ZR_SITE}"
        )
    return pages


def list_empty_block(noise: Noise) -> str:
    """A list page whose template rendered, its list block empty (the list query failed)."""
    inner = """<div class="lb-title"><h2>通知公告</h2></div>
<ul class="lb-list">
</ul>
<div class="page"></div>"""
    return zr_chrome(inner, noise, title=f"通知公告_{ZR_SITE}")


def waf_503_zh(noise: Noise) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>503 服务暂时不可用</title>
<style>body{{text-align:center;font-family:"Microsoft YaHei";padding-top:100px;color:#555}}</style></head>
<body>
<h1>503</h1>
<h3>网站访问量过大，服务器暂时无法响应您的请求</h3>
<p>网站防护系统已对当前访问进行限流保护，请您稍后刷新页面重试。</p>
<p style="font-size:12px;color:#999">编号：{noise.h("wafid", 18)}　{noise.day.isoformat()} {noise.clock}</p>
</body></html>
"""


# ============================================================================================
# 5. Noise inside the article's own container (written after the four above passed)
# ============================================================================================

_NEIGHBOURS = [
    "关于2024年暑假放假及秋季开学时间安排的通知",
    "示例县2024年中考体育考试工作方案",
    "关于开展2024年暑期校外培训治理专项行动的通知",
    "示例县教育局关于公布2024年县级三好学生名单的通知",
    "关于做好2024年学生资助政策宣传工作的通知",
    "关于2024年教师资格认定工作的公告",
]


def notice_noisy_inside(n: Notice, noise: Noise) -> bytes:
    """The notice with its template's noise inside the content container: a 阅读 counter under
    the text, 上一篇/下一篇 that move as the column grows, a 相关推荐 list drawn at random, a
    relative 发布于N天前 stamp and a hidden token — all inside ``TRS_Editor``'s parent cell."""
    prev_, next_ = noise.pick(_NEIGHBOURS, 2)
    related = "".join(
        f'<li><a href="/xxgk/tzgg/202406/t202406{10 + i}_40{2100 + i}.html">{t}</a></li>'
        for i, t in enumerate(noise.pick(_NEIGHBOURS, 3))
    )
    days = (noise.day - date(2024, 6, 12)).days
    block = notice_block(n, noise).replace(
        '</div></td></tr>\n<tr><td align="right">',
        f"""</div>
<p class="readcount">阅读次数：{300 + 41 * noise.seed}　发布于{days}天前</p>
<div class="prevnext"><p>上一篇：<a href="/xxgk/tzgg/202406/t20240611_402101.html">{prev_}</a></p><p>下一篇：<a href="/xxgk/tzgg/202406/t20240613_402133.html">{next_}</a></p></div>
<div class="related"><h4>相关推荐</h4><ul>{related}</ul></div>
<input type="hidden" name="__RequestVerificationToken" value="{noise.h("rvt", 40)}">
</td></tr>
<tr><td align="right">""",
    )
    return jy_chrome(block, noise, title=f"{NOTICE_TITLE}-{JY_SITE}").encode("gbk")


def release_noisy_inside(r: Release, noise: Noise) -> str:
    """The release with noise inside its ``<article>``: a relative "Updated N days ago", a
    random "Related content" list and a reading-time estimate that rounds differently."""
    days = (noise.day - date(2024, 6, 18)).days
    related = "".join(
        f'<li><a href="/news/press-releases/2024/{t.lower().replace(" ", "-")[:40]}">{t}</a></li>'
        for t in noise.pick(_EN_MORE, 3)
    )
    block = release_block(r).replace(
        '<div class="press-contact">',
        f"""<div class="updated">Updated {days} day{"s" if days != 1 else ""} ago · {4 + noise.seed % 2} min read</div>
<div class="related-content"><h2>Related content</h2><ul>{related}</ul></div>
<div class="press-contact">""",
    )
    return en_chrome(block, noise, title=RELEASE_TITLE)


def dashboard_scripted(d: Dashboard, noise: Noise) -> str:
    """The dashboard as its 2024 template draws it: the table's header in the HTML, its rows
    written by a script from the page's data (an array of rows), the chart fed the same."""
    html = dashboard_page(d, noise)
    start = html.index('<table class="sjb"')
    end = html.index("</table>", start) + len("</table>")
    rows = [
        [name, unit, *(d.value(m, i) for m in d.months)]
        for i, (name, unit) in enumerate(_DASH_INDICATORS)
    ]
    data = ",".join("[" + ",".join(f'"{c}"' for c in row) + "]" for row in rows)
    head = "".join(f"<th>{m}</th>" for m in d.months)
    table = f"""<table class="sjb" id="zyzb" width="100%" border="1" cellspacing="0"><thead><tr><th>指标名称</th><th>计量单位</th>{head}</tr></thead><tbody></tbody></table>
<script type="text/javascript">
var zbData = {{"rows": [{data}], "v": "{noise.h("v", 8)}"}};
(function () {{
  var html = "";
  for (var i = 0; i < zbData.rows.length; i++) {{
    html += "<tr><td>" + zbData.rows[i].join("</td><td>") + "</td></tr>";
  }}
  document.getElementById("zyzb").tBodies[0].innerHTML = html;
}})();
</script>"""
    return html[:start] + table + html[end:]
