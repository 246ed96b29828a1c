"""An eighth watched page, written blind for the faults of issue 10 (session 8): a city 统计局's
monthly 国民经济运行情况 — an analysis in prose, a 主要指标 table and its 附件 — on one CMS
template (a 集约化-style div layout, UTF-8) watched daily in 2024 (patterns of such sites, never a
copy of one: 示例市 is invented).

Every fetch carries the chrome's noise: 当前时间 with the weekday, 今日访问量/总访问量 counters,
a banner carousel whose slides and order rotate, a 热点 box, a CSRF meta and a nonce on the
statistics script.

The faults are drawn in the forms such sites answer with while the page is the same:

- a soft 404 *inside the site's chrome*: header, nav, breadcrumb, footer all there, the content
  area saying 您访问的页面不存在或已被删除 (or an English "Page not found"), on a 200;
- WAF block pages on a 200 (访问被拦截 with a request id; 您的访问请求可能对网站造成安全威胁 with an
  event id and no vendor named), a cookie-setting JS challenge that reloads, and a 瑞数-style
  "请开启JavaScript并刷新该页" page (meta token, obfuscated script, noscript prompt);
- login walls on a 200: a bare 统一身份认证 (CAS) page, and a login form in the site's chrome;
- the page cut mid-body (no closing tags) — inside text, at a tag's end;
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date

SITE = "示例市统计局"
TITLE = "2024年1-2月示例市国民经济运行情况"
WEEKDAYS = "一二三四五六日"

INDICATORS = [
    ("规模以上工业增加值", "亿元", "412.36", "6.8"),
    ("固定资产投资", "亿元", "538.21", "4.2"),
    ("社会消费品零售总额", "亿元", "701.45", "5.9"),
    ("进出口总额", "亿元", "186.73", "-2.1"),
    ("一般公共预算收入", "亿元", "96.58", "3.4"),
    ("城镇居民人均可支配收入", "元", "9862", "5.1"),
    ("农村居民人均可支配收入", "元", "4731", "6.7"),
    ("居民消费价格指数", "上年同期=100", "100.6", "—"),
    ("金融机构人民币存款余额", "亿元", "15234.6", "8.3"),
    ("金融机构人民币贷款余额", "亿元", "13987.2", "9.6"),
    ("全社会用电量", "亿千瓦时", "78.43", "7.2"),
    ("城镇新增就业人数", "万人", "1.86", "3.9"),
]


@dataclass
class Report:
    """What the page says."""

    rows: list[tuple[str, str, str, str]] = field(default_factory=lambda: list(INDICATORS))
    industry: str = (
        "1-2月，全市规模以上工业增加值同比增长6.8%，增速比上年全年加快1.2个百分点。分经济类型看，"
        "国有控股企业增长4.5%，股份制企业增长7.1%，外商及港澳台商投资企业增长5.3%。"
    )
    investment: str = (
        "1-2月，全市固定资产投资同比增长4.2%。其中，基础设施投资增长9.8%，制造业投资增长6.1%，"
        "房地产开发投资下降7.4%。"
    )
    consumption: str = (
        "1-2月，全市社会消费品零售总额701.45亿元，同比增长5.9%。按消费类型分，商品零售增长5.2%，"
        "餐饮收入增长11.6%。"
    )
    attachments: list[tuple[str, str]] = field(
        default_factory=lambda: [
            ("/attach/2024/03/20240305091502318.xlsx", "附件1：2024年1-2月示例市主要经济指标.xlsx"),
            ("/attach/2024/03/20240305091502977.pdf", "附件2：指标解释及统计口径说明.pdf"),
        ]
    )

    def with_cell(self, row: int, col: int, value: str) -> Report:
        rows = [list(r) for r in self.rows]
        rows[row][col] = value
        return replace(self, rows=[tuple(r) for r in rows])

    def paragraphs(self) -> list[tuple[str, str]]:
        return [
            (
                "p",
                "今年以来，面对复杂严峻的外部环境，全市上下坚持稳中求进工作总基调，经济运行开局平稳，"
                "主要指标保持在合理区间，高质量发展扎实推进。",
            ),
            ("h", "一、工业生产稳定增长"),
            ("p", self.industry),
            ("h", "二、固定资产投资持续扩大"),
            ("p", self.investment),
            ("h", "三、消费市场加快恢复"),
            ("p", self.consumption),
            ("h", "四、居民收入稳步提高"),
            (
                "p",
                "1-2月，全市城镇居民人均可支配收入9862元，同比增长5.1%；农村居民人均可支配收入"
                "4731元，同比增长6.7%，城乡居民收入差距继续缩小。",
            ),
            ("h", "五、金融运行总体平稳"),
            (
                "p",
                "2月末，全市金融机构人民币各项存款余额15234.6亿元，同比增长8.3%；各项贷款余额"
                "13987.2亿元，同比增长9.6%。",
            ),
            (
                "p",
                "总的来看，1-2月全市经济运行延续恢复向好态势，但外部环境不确定性仍然较多，"
                "经济回升向好的基础还需进一步巩固。",
            ),
            ("p", "注：部分指标因四舍五入，分项合计与总计略有出入。"),
        ]


# Noise -------------------------------------------------------------------------------------

_SLIDES = [
    "学习贯彻党的二十大精神专题",
    "第五次全国经济普查",
    "统计法治宣传月",
    "防范和惩治统计造假、弄虚作假",
    "示例市统计年鉴2023",
    "数说示例市这十年",
    "统计开放日活动",
]
_HOT = [
    "2023年示例市国民经济和社会发展统计公报",
    "2023年全市城乡居民收支情况",
    "关于开展2024年统计执法检查的通知",
    "示例市第五次全国经济普查公报（第一号）",
    "2023年全市规模以上工业企业利润情况",
    "2024年统计开放日活动预告",
    "统计调查对象权利义务告知书",
    "关于2023年度统计信用评价结果的公示",
]


@dataclass(frozen=True)
class Noise:
    seed: int
    day: date

    def _h(self, salt: str, n: int = 24) -> str:
        return hashlib.md5(f"{salt}:{self.seed}".encode()).hexdigest()[:n]

    @property
    def today(self) -> str:
        d = self.day
        return f"{d.year}年{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}"

    @property
    def clock(self) -> str:
        s = self.seed * 131
        return f"{8 + s % 10:02d}:{s % 60:02d}:{(s * 7) % 60:02d}"

    @property
    def visits(self) -> tuple[int, int]:
        return 300 + 37 * self.seed % 900, 1_862_004 + 1_213 * self.seed

    def slides(self) -> list[str]:
        start = self.seed % len(_SLIDES)
        return (_SLIDES[start:] + _SLIDES[:start])[:4]

    def hot(self) -> list[str]:
        return sorted(_HOT, key=lambda t: hashlib.md5(f"{t}{self.seed}".encode()).digest())[:6]

    @property
    def token(self) -> str:
        return self._h("csrf", 32)


# The site's chrome --------------------------------------------------------------------------

_NAV = ["首页", "机构概况", "统计新闻", "统计数据", "统计分析", "统计公报", "普查专栏",
        "政务公开", "统计法规", "互动交流"]  # fmt: skip


def chrome(inner: str, noise: Noise, *, title: str, crumbs: str = "统计分析") -> str:
    """The site's page around ``inner``: header with the clock and counters, nav, carousel,
    breadcrumb, a side column of 热点, footer."""
    today, total = noise.visits
    nav = "".join(
        f'<li{" class=on" if name == "统计分析" else ""}><a href="/{"" if i == 0 else f"col{i:02d}/"}">{name}</a></li>'
        for i, name in enumerate(_NAV)
    )
    slides = "".join(
        f'<li class="swiper-slide"><a href="/zt/{_SLIDES.index(s)}/"><img src="/images/banner{_SLIDES.index(s)}.jpg" alt="{s}"><p>{s}</p></a></li>'
        for s in noise.slides()
    )
    hot = "".join(
        f'<li><a href="/tjfx/2024{_HOT.index(t):02d}/t2024030{_HOT.index(t)}_1{_HOT.index(t)}.html" title="{t}">{t}</a></li>'
        for t in noise.hot()
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="{SITE}">
<meta name="csrf-token" content="{noise.token}">
<title>{title}</title>
<link rel="stylesheet" href="/css/common.css?v=2.3.1">
<link rel="stylesheet" href="/css/swiper.min.css">
<script src="/js/jquery-3.6.0.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="wrap">
<span class="date">当前时间 {noise.today} {noise.clock}</span>
<span class="visits">今日访问量：<em>{today}</em>　总访问量：<em>{total}</em></span>
<span class="tools"><a href="javascript:;" id="wza">无障碍</a> | <a href="javascript:;" id="zzms">长者模式</a> | <a href="/m/">手机版</a> | <a href="/en/">English</a></span>
</div></div>
<div class="header"><div class="wrap"><a class="logo" href="/"><img src="/images/logo.png" alt="{SITE}"></a>
<form class="search" action="/search/" method="get"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div></div>
<div class="nav"><ul class="wrap">{nav}</ul></div>
<div class="banner swiper-container"><ul class="swiper-wrapper">{slides}</ul><div class="swiper-pagination"></div></div>
<div class="main wrap">
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/col04/">{crumbs}</a> &gt; 正文</div>
<div class="main-left">
{inner}
</div>
<div class="main-right">
<div class="box"><h3>热点信息</h3><ul class="hot">{hot}</ul></div>
<div class="box"><h3>便民服务</h3><ul><li><a href="/bm/1.html">统计数据查询</a></li><li><a href="/bm/2.html">统计联网直报</a></li><li><a href="/bm/3.html">统计证明办理</a></li></ul></div>
</div>
</div>
<div class="footer"><div class="wrap">
<p><a href="/about/">关于本网</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a> | <a href="/privacy/">隐私声明</a></p>
<p>主办单位：{SITE}　地址：示例市人民大道188号　邮编：450000　电话：0371-65432100</p>
<p><a href="https://beian.miit.gov.cn/">豫ICP备05001234号</a>　网站标识码：4101000023　<img src="/images/dzjg.png" alt="党政机关"></p>
</div></div>
<script src="/js/swiper.min.js"></script>
<script nonce="{noise._h("nonce", 16)}">var _hmt=_hmt||[];(function(){{var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?{noise._h("hm", 32)}";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);}})();</script>
</body>
</html>
"""


def article(report: Report, noise: Noise) -> str:
    """The release: heading, info line, the analysis, the table and the attachments."""
    paras = "\n".join(
        f'<p style="text-indent:2em"><strong>{t}</strong></p>' if kind == "h"
        else f'<p style="text-indent:2em">{t}</p>'
        for kind, t in report.paragraphs()
    )  # fmt: skip
    head = "".join(f"<th>{c}</th>" for c in ("指标", "单位", "1-2月", "同比增长（%）"))
    rows = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in report.rows)
    files = "\n".join(
        f'<li><a href="{href}" target="_blank">{name}</a></li>' for href, name in report.attachments
    )
    views = 120 + 17 * noise.seed
    inner = f"""<div class="article">
<h1 class="art-title">{TITLE}</h1>
<div class="art-info"><span>发布时间：2024-03-05 09:15</span><span>来源：{SITE}综合处</span><span>浏览次数：<em id="views">{views}</em></span><span class="share">分享到：<a href="javascript:;" class="wx">微信</a><a href="javascript:;" class="wb">微博</a></span></div>
<div class="art-content" id="zoom">
{paras}
<p style="text-align:center"><strong>2024年1-2月示例市主要经济指标</strong></p>
<table class="data" border="1" cellspacing="0" cellpadding="4" width="100%">
<tr>{head}</tr>
{rows}
</table>
</div>
<div class="art-files"><h4>附件：</h4><ul>
{files}
</ul></div>
<div class="art-foot"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</div>"""
    return inner


def page(report: Report, noise: Noise) -> str:
    return chrome(article(report, noise), noise, title=f"{TITLE}_{SITE}")


# Soft 404s inside the chrome ----------------------------------------------------------------


def soft_404(noise: Noise) -> str:
    inner = """<div class="error-page">
<img src="/images/404.png" alt="">
<h2>抱歉，您访问的页面不存在或已被删除！</h2>
<p>可能的原因：</p>
<ul class="reasons"><li>1. 在地址栏中输入了错误的地址；</li><li>2. 您点击的链接已过期；</li><li>3. 信息已调整栏目或已下线。</li></ul>
<p><a href="/">返回首页</a>　<a href="javascript:history.back()">返回上一页</a></p>
</div>"""
    return chrome(inner, noise, title=SITE, crumbs="提示信息")


def soft_404_en(noise: Noise) -> str:
    inner = """<div class="error-page">
<h1>页面不存在</h1>
<p class="en">Page not found</p>
<p>Sorry, the page you requested could not be found. Please check the address, or go back to the homepage.</p>
<p><a href="/">返回首页 Home</a></p>
</div>"""
    return chrome(inner, noise, title=f"页面不存在_{SITE}", crumbs="页面不存在")


# WAF / anti-bot pages -----------------------------------------------------------------------


def waf_block(noise: Noise) -> str:
    rid = noise._h("rid", 32)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>访问被拦截</title>
<style>body{{background:#f5f6f7;font-family:"Microsoft YaHei"}}.box{{width:600px;margin:120px auto;background:#fff;padding:40px}}</style>
</head><body><div class="box">
<img src="/waf_static/img/block.png" alt="">
<h2>抱歉，您的访问被拦截</h2>
<p>当前访问疑似存在异常，为保障网站安全，本次请求已被阻止。如有疑问，请联系网站管理员并提供以下请求ID。</p>
<p class="rid">请求ID：{rid}</p>
<p>访问时间：{noise.day.isoformat()} {noise.clock}</p>
<p><a href="/">返回首页</a></p>
</div></body></html>
"""


def waf_threat(noise: Noise) -> str:
    eid = noise._h("eid", 20).upper()
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{SITE}</title>
<link rel="stylesheet" href="/__guard/css/notice.css"></head>
<body><div class="notice">
<div class="icon"></div>
<p class="title">您的访问请求可能对网站造成安全威胁</p>
<p class="desc">系统检测到您的请求存在风险，已暂停本次访问。如您是正常访问，请稍后重试或将事件编号提供给网站管理员。</p>
<table class="detail"><tr><td>事件编号</td><td>{eid}</td></tr><tr><td>您的IP</td><td>203.0.113.{noise.seed % 250}</td></tr><tr><td>时间</td><td>{noise.day.isoformat()} {noise.clock}</td></tr></table>
</div></body></html>
"""


def js_challenge(noise: Noise) -> str:
    key = noise._h("jsc", 40)
    return f"""<html><head><meta charset="utf-8"></head><body><script>
var _0x{key[:4]}=["{key}","cookie","__tst_status=","; path=/; max-age=3600"];
(function(){{var v=_0x{key[:4]}[0].split("").reverse().join("");
document.cookie=_0x{key[:4]}[2]+v+_0x{key[:4]}[3];
document.cookie="EO_Bot_Ssid={noise.seed * 7919}; path=/";
location.reload();}})();
</script></body></html>
"""


def enable_js(noise: Noise) -> str:
    meta = noise._h("rs", 48)
    return f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="Cache-Control" content="no-cache, no-store, must-revalidate">
<meta id="{noise._h("mid", 22)}" content="{meta}" r='m'>
<script type="text/javascript" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={{}};$_ts.nsd={noise.seed * 31337};$_ts.cd="{meta}qqqqAlcrqGr";</script>
<script type="text/javascript" charset="utf-8" src="/{noise._h("js", 12)}/{noise._h("js2", 8)}.{noise._h("js3", 7)}.js" r='m'></script>
</head>
<body>
<p>请开启JavaScript并刷新该页.</p>
</body></html>
"""


# Login walls --------------------------------------------------------------------------------


def login_cas(noise: Noise) -> str:
    lt = noise._h("lt", 32)
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>统一身份认证 - 登录</title><link rel="stylesheet" href="/cas/css/login.css"></head>
<body class="login-bg"><div class="login-header"><img src="/cas/images/logo.png" alt="示例市人民政府">
<span>示例市政务服务统一身份认证平台</span></div>
<div class="login-box"><ul class="tabs"><li class="on">个人登录</li><li>法人登录</li><li>扫码登录</li></ul>
<form id="fm1" action="/cas/login?service=http%3A%2F%2Ftjj.example.gov.cn%2F" method="post">
<input type="text" name="username" placeholder="用户名/身份证号/手机号">
<input type="password" name="password" placeholder="密码">
<input type="text" name="captcha" placeholder="验证码"><img src="/cas/captcha.jpg" alt="验证码">
<input type="hidden" name="lt" value="{lt}"><input type="hidden" name="execution" value="e1s1">
<input type="hidden" name="_eventId" value="submit">
<button type="submit">登 录</button></form>
<p class="links"><a href="/cas/register">注册账号</a> | <a href="/cas/forget">忘记密码</a></p></div>
<div class="login-footer">主办单位：示例市政务服务和大数据管理局　技术支持：示例数字科技有限公司</div>
</body></html>
"""


def login_in_chrome(noise: Noise) -> str:
    inner = f"""<div class="login-panel">
<h2>用户登录</h2>
<p class="tip">您访问的内容需要登录后查看，请使用统一身份认证账号登录。</p>
<form action="/sso/login" method="post">
<label>账号：<input type="text" name="account"></label>
<label>密码：<input type="password" name="pwd"></label>
<input type="hidden" name="token" value="{noise.token}">
<button type="submit">登录</button>　<a href="/sso/register">注册</a>　<a href="/sso/forget">忘记密码？</a>
</form>
</div>"""
    return chrome(inner, noise, title=f"用户登录_{SITE}", crumbs="用户登录")


def soft_404_related(noise: Noise) -> str:
    """The site's 404 in its chrome with a 您可能感兴趣的内容 list of dated links under it."""
    rel = "".join(
        f'<li><a href="/tjfx/x{i}.html">{t}</a><span>2024-02-{20 + i}</span></li>'
        for i, t in enumerate(_HOT)
    )
    inner = f"""<div class="error-page"><div class="e404"><img src="/images/404.png" alt="404"></div>
<p class="msg">抱歉，您访问的页面不存在或已被删除！</p>
<div class="guess"><h3>您可能感兴趣的内容</h3><ul>{rel}</ul></div></div>"""
    return chrome(inner, noise, title=SITE, crumbs="提示")


def login_own_template(noise: Noise) -> str:
    """The article's own template (its heading, info line) with a login notice for its text."""
    inner = f"""<div class="article">
<h1 class="art-title">{TITLE}</h1>
<div class="art-info"><span>发布时间：2024-03-05 09:15</span><span>来源：{SITE}综合处</span></div>
<div class="art-content" id="zoom"><p>该信息需登录后查看，请先<a href="/sso/login">登录</a>。</p></div></div>"""
    return chrome(inner, noise, title=f"{TITLE}_{SITE}")


_AGREEMENT = (
    "一、用户应当遵守国家法律法规，不得利用本平台从事违法活动。二、用户对账号和密码的安全负责，"
    "因保管不善造成的损失由用户自行承担。三、平台依法保护用户个人信息，未经用户同意不向第三方提供。"
    "四、用户在使用统计数据时应注明数据来源。五、本平台有权对违反协议的账号采取限制措施。"
    "六、本协议的解释权归示例市统计局所有。七、如有疑问，请拨打咨询电话0371-65432100。"
)


def login_with_agreement(noise: Noise) -> str:
    """A login form in the chrome above a long 用户服务协议."""
    inner = f"""<div class="login-panel"><h2>用户登录</h2>
<p class="tip">您访问的内容需要登录后查看，请使用统一身份认证账号登录。</p>
<form action="/sso/login" method="post"><input type="text" name="account"><input type="password" name="pwd"><button type="submit">登录</button></form>
<div class="agreement"><h3>用户服务协议</h3><p>{_AGREEMENT}</p></div></div>"""
    return chrome(inner, noise, title=f"用户登录_{SITE}", crumbs="用户登录")


def waf_in_chrome(noise: Noise) -> str:
    """A firewall's notice drawn in the site's chrome (访问受限 …可能对网站造成安全威胁)."""
    inner = f"""<div class="notice"><h2>访问受限</h2><p>您的访问请求可能对网站造成安全威胁，事件编号：{noise._h("e", 16)}。</p></div>"""
    return chrome(inner, noise, title=SITE, crumbs="提示")


def page_noisy(report: Report, noise: Noise) -> str:
    """The page with noise inside the main column too: a 图片新闻 carousel above the article, a
    daily counter and the clock in the info line, and a counter and clock line at the end of the
    content container (本页访问量：N　当前时间：2024年3月5日 星期二)."""
    today, total = noise.visits
    inner = article(report, noise)
    slides = "".join(
        f'<li><a href="/tpxw/{_SLIDES.index(s)}.html"><img src="/p/{_SLIDES.index(s)}.jpg"><span>{s}</span></a></li>'
        for s in noise.slides()
    )
    inner = f'<div class="focus"><ul>{slides}</ul></div>' + inner
    inner = inner.replace(
        "<span>发布时间：2024-03-05 09:15</span>",
        f"<span>发布时间：2024-03-05 09:15</span><span>今日访问量：{today}</span>"
        f"<span>当前时间 {noise.today} {noise.clock}</span>",
    )
    inner = inner.replace(
        "</table>\n</div>",
        f'</table>\n<p class="stat">本页访问量：{total % 9999}　当前时间：{noise.today}</p>\n</div>',
    )
    return chrome(inner, noise, title=f"{TITLE}_{SITE}")
