"""A fourth long history, written blind (before reading how faults and site models are handled):
a municipal 公共资源交易中心's 中标候选人公示 — a project table, the candidates' table (报价, 工期,
项目经理, 得分) and the 公示 prose — watched as one page in 2020 and again in 2022 (patterns of
such sites, never a copy of one).

Two templates: a 2020 JSP site laid out in tables (GBK bytes under ``charset=gb2312``, no charset
in the header; later the same template re-saved as UTF-8 when the site moved servers), and a 2022
新点-style (``ewb-*``) page whose ``<title>`` is only the site's name, the publish time in
``<meta name="PubDate">``. Every fetch carries noise: the date line, a view counter, session ids
in the menu links, a rotating 最新公告 box and the 上一条/下一条 links.

The faults are the kinds these sites sit behind: a 瑞数-style 412 whose body is a script and a
meta token, a ``wzws`` cookie challenge as 200, 知道创宇 and 云锁-style block pages, an 阿里云
滑动验证, a CDN's 源站无法访问 page, a login wall (统一身份认证) the page redirects to, an ASP
database error printed after the page's header, unrendered 帝国CMS tags, a FreeMarker error
report, a site-wide 系统升级 banner (the page is still the page), a maintenance page in the site's
chrome, a soft 404 in the site's chrome, a stale cached copy (yesterday's figures, an old
``Last-Modified`` and an ``Age``), a cut mid-table without a Content-Length, and an empty page
that keeps only the site's ``<title>``.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field, replace
from datetime import date

TITLE = "青岚市第二人民医院门诊综合楼建设工程施工中标候选人公示"
SITE = "青岚市公共资源交易网"
CENTRE = "青岚市公共资源交易中心"
HEAD = (
    "排名",
    "投标人名称",
    "投标报价（元）",
    "工期（日历天）",
    "项目经理",
    "注册证书编号",
    "综合得分",
)


@dataclass
class Result:
    """What the 公示 says."""

    candidates: list[tuple[str, ...]] = field(
        default_factory=lambda: [
            (
                "第一中标候选人",
                "青岚建工集团有限公司",
                "45,862,317.52",
                "540",
                "周建明",
                "湘143111212345",
                "92.36",
            ),
            (
                "第二中标候选人",
                "华岳建设工程有限公司",
                "46,105,882.10",
                "560",
                "李晓峰",
                "湘143121356789",
                "89.71",
            ),
            (
                "第三中标候选人",
                "湘楚城建集团股份有限公司",
                "45,990,004.37",
                "570",
                "王德胜",
                "湘143151498765",
                "87.05",
            ),
        ]
    )
    period: str = "2020年4月11日至2020年4月14日"
    correction: str = ""  # 更正说明, added later

    def with_cell(self, row: int, col: int, value: str) -> Result:
        rows = [list(r) for r in self.candidates]
        rows[row][col] = value
        return replace(self, candidates=[tuple(r) for r in rows])


PROJECT = [
    ("项目编号", "QLGC-2020-0317"),
    ("项目名称", "青岚市第二人民医院门诊综合楼建设工程施工"),
    ("招标人", "青岚市第二人民医院"),
    ("招标代理机构", "湘中工程咨询管理有限公司"),
    ("开标时间", "2020年4月9日9时30分"),
    ("开标地点", "青岚市公共资源交易中心第三开标室"),
    ("招标控制价", "47,016,800.00元"),
]

_LATEST = [
    "青岚市城区老旧小区改造项目（三期）监理招标公告",
    "青岚市第一中学学生宿舍楼维修改造工程竞争性磋商公告",
    "青岚高新区污水处理厂提标改造工程中标结果公告",
    "青岚市农村公路安防工程（二标段）招标文件澄清",
    "青岚市人民医院医用耗材采购项目成交公告",
    "青岚市河西片区道路提质改造工程中标候选人公示",
    "青岚市智慧城管平台建设项目公开招标公告",
    "青岚县城乡供水一体化工程（一期）流标公告",
    "青岚市应急物资储备库建设项目变更公告",
    "青岚市实验小学运动场改造工程招标公告",
]

_MENU = [
    ("招标公告", "zbgg"),
    ("变更公告", "bggg"),
    ("中标候选人公示", "zbhxr"),
    ("中标结果公告", "zbjg"),
    ("合同公示", "htgs"),
    ("异常公告", "ycgg"),
]

_NAV = [
    "首页",
    "中心概况",
    "交易信息",
    "政策法规",
    "办事指南",
    "诚信体系",
    "监督投诉",
    "专家管理",
    "下载中心",
    "网上办事",
]

_BANNER = (
    "系统升级公告：为提升服务质量，本网站将于2020年4月18日22:00至4月19日6:00进行系统升级，"
    "期间网上投标、保证金查询等功能暂停使用，给您带来的不便敬请谅解。"
)
_BANNER_2022 = (
    "【系统升级公告】青岚市公共资源交易平台将于2022年6月25日20:00至6月26日8:00进行系统升级，"
    "升级期间暂停电子投标文件上传和CA锁办理。"
)


@dataclass
class Noise:
    """What changes from one fetch to the next without the 公示 changing."""

    seed: int
    day: date

    def rng(self) -> random.Random:
        return random.Random(self.seed * 7919 + self.day.toordinal())

    @property
    def sid(self) -> str:
        return hashlib.md5(f"{self.seed}-{self.day}".encode()).hexdigest()[:24].upper()

    @property
    def views(self) -> int:
        return 300 + self.seed * 37 + self.rng().randrange(20)

    def latest(self, n: int = 6) -> list[str]:
        items = list(_LATEST)
        self.rng().shuffle(items)
        return items[:n]

    @property
    def weekday(self) -> str:
        return "一二三四五六日"[self.day.weekday()]


def _num(i: int) -> str:
    return "一二三四五六七八九十"[i]


# 2020: a JSP site in layout tables ------------------------------------------------------------


def page_2020(
    r: Result,
    noise: Noise,
    *,
    charset: str = "gb2312",
    banner: bool = False,
    imperial: bool = False,
    db_error: bool = False,
) -> str:
    """The 2020 page. ``imperial``: the 帝国CMS-style tags left unrendered; ``db_error``: the
    page's header, then an ASP database error and nothing more."""
    rng = noise.rng()
    nav = "".join(
        f'<td class="nav_td"><a href="/{["index", "zxgk", "jyxx", "zcfg", "bszn", "cxtx", "jdts", "zjgl", "xzzx", "wsbs"][i]}/index.jhtml" target="_self">{name}</a></td>'
        f'<td width="2"><img src="/images/nav_line.gif" width="2" height="36" /></td>'
        for i, name in enumerate(_NAV)
    )
    menu = "".join(
        f'<tr><td class="left_menu" onmouseover="this.className=\'left_menu_on\'" '
        f'onmouseout="this.className=\'left_menu\'"><img src="/images/arrow.gif" />&nbsp;'
        f'<a href="/jyxx/gcjs/{slug}/index.jhtml;jsessionid={noise.sid}">{name}</a></td></tr>'
        for name, slug in _MENU
    )
    latest = "".join(
        f'<tr><td height="24" class="list_td">·<a href="/jyxx/gcjs/zbgg/2020{rng.randrange(1000, 9999)}.jhtml" '
        f'title="{t}" target="_blank">{t[:18]}…</a></td></tr>'
        for t in noise.latest()
    )
    head = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{"[!--title--]" if imperial else TITLE}-{SITE}</title>
<meta name="keywords" content="公共资源交易,工程建设,中标候选人公示" />
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/jquery-1.4.2.min.js"></script>
<script type="text/javascript" src="/js/common.js"></script>
<!--[if IE 6]><script src="/js/DD_belatedPNG.js"></script><script>DD_belatedPNG.fix('.png');</script><![endif]-->
<style type="text/css">
.nav_td{{font-size:15px;font-weight:bold;color:#fff;text-align:center;width:96px}}
.left_menu{{background:url(/images/menu_bg.gif);height:32px;padding-left:18px}}
.title_a{{font-size:20px;font-weight:bold;color:#b40000;line-height:40px;text-align:center}}
.sjsj{{background:#fff6d5;border:1px solid #f0c36d;color:#c00;padding:4px 10px;font-size:13px}}
</style>
</head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top_bar">
  <tr>
    <td width="420" height="28">&nbsp;今天是：{noise.day.year}年{noise.day.month}月{noise.day.day}日 星期{noise.weekday}</td>
    <td align="right"><a href="javascript:void(0)" onclick="SetHome(this,window.location)">设为首页</a> | <a href="javascript:void(0)" onclick="AddFavorite(window.location,document.title)">加入收藏</a> | <a href="/member/login.jhtml">会员登录</a> | <a href="/member/reg.jhtml">免费注册</a> | <a href="/m/">手机版</a>&nbsp;</td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="110" background="/images/top_bg.jpg"><img src="/images/logo.png" class="png" alt="{SITE}" width="520" height="80" /></td>
  <td width="280" background="/images/top_bg.jpg"><form name="searchForm" action="/search.jhtml" method="get"><input name="q" type="text" class="search_input" value="请输入关键字" onfocus="if(this.value=='请输入关键字')this.value='';" /><input type="image" src="/images/search_btn.gif" /></form></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" background="/images/nav_bg.jpg"><tr>{nav}</tr></table>
"""
    if banner:
        head += f'<table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td><div class="sjsj"><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">{_BANNER}</marquee></div></td></tr></table>\n'
    if db_error:
        return (
            head
            + """<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td width="230" valign="top">
<font face="宋体" size=2>Microsoft OLE DB Provider for ODBC Drivers</font> <font face="宋体" size=2>错误 '80004005'</font>
<p>
<font face="宋体" size=2>[Microsoft][ODBC SQL Server Driver][SQL Server]事务(进程 ID 62)与另一个进程被死锁在 锁 资源上，并且已被选作死锁牺牲品。请重新运行该事务。</font>
<p>
<font face="宋体" size=2>/jyxx/include/conn.asp</font><font face="宋体" size=2>，行 18</font>
"""
        )
    title = "[!--title--]" if imperial else TITLE
    if imperial:
        body = "[!--newstext--]"
        info = "发布时间：[!--newstime--]&nbsp;&nbsp;信息来源：[!--befrom--]&nbsp;&nbsp;浏览次数：<script src=[!--news.url--]e/public/ViewClick/?classid=[!--classid--]&id=[!--id--]&addclick=1></script>"
    else:
        body = _body_2020(r)
        info = (
            f"发布时间：2020-04-10&nbsp;&nbsp;&nbsp;信息来源：{CENTRE}&nbsp;&nbsp;&nbsp;"
            f'浏览次数：<font color="red">{noise.views}</font>'
        )
    prev_t, next_t = rng.sample(_LATEST, 2)
    return (
        head
        + f"""<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:8px">
  <tr>
    <td width="230" valign="top">
      <table width="220" border="0" cellspacing="0" cellpadding="0">
        <tr><td height="38" background="/images/left_title.jpg" class="left_title">&nbsp;&nbsp;工程建设</td></tr>
        {menu}
      </table>
      <table width="220" border="0" cellspacing="0" cellpadding="0" style="margin-top:8px">
        <tr><td height="32" background="/images/left_title2.jpg">&nbsp;&nbsp;<b>最新公告</b><span style="float:right"><a href="/jyxx/index.jhtml">更多&gt;&gt;</a></span></td></tr>
        {latest}
      </table>
      <table width="220" border="0" cellspacing="0" cellpadding="0" style="margin-top:8px">
        <tr><td><a href="/cxtx/index.jhtml"><img src="/images/ad_cx.jpg" width="220" height="70" border="0" /></a></td></tr>
        <tr><td><a href="/jdts/index.jhtml"><img src="/images/ad_ts.jpg" width="220" height="70" border="0" /></a></td></tr>
      </table>
    </td>
    <td width="10"></td>
    <td valign="top">
      <table width="760" border="0" cellspacing="0" cellpadding="0">
        <tr><td height="32" class="position">&nbsp;<img src="/images/home.gif" />&nbsp;当前位置：<a href="/">首页</a> &gt; <a href="/jyxx/index.jhtml">交易信息</a> &gt; <a href="/jyxx/gcjs/index.jhtml">工程建设</a> &gt; <a href="/jyxx/gcjs/zbhxr/index.jhtml">中标候选人公示</a></td></tr>
      </table>
      <table width="760" border="0" cellspacing="0" cellpadding="0" style="border:1px solid #d7d7d7">
        <tr><td class="title_a">{title}</td></tr>
        <tr><td align="center" height="30" style="border-bottom:1px dashed #ccc;color:#666">{info}</td></tr>
        <tr><td style="padding:15px 20px;line-height:28px;font-size:14px">
<div id="zoom">
{body}
</div>
        </td></tr>
        <tr><td align="right" height="40">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】&nbsp;&nbsp;</td></tr>
        <tr><td style="padding:6px 20px;border-top:1px dashed #ccc">上一条：<a href="/jyxx/gcjs/zbhxr/20200409{rng.randrange(100, 999)}.jhtml">{prev_t}</a><br />下一条：<a href="/jyxx/gcjs/zbhxr/20200411{rng.randrange(100, 999)}.jhtml">{next_t}</a></td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:10px;background:#b40000;color:#fff">
  <tr><td align="center" height="26"><a href="/about/lxwm.jhtml" style="color:#fff">联系我们</a> | <a href="/about/wzdt.jhtml" style="color:#fff">网站地图</a> | <a href="/about/mzsm.jhtml" style="color:#fff">免责声明</a> | <a href="/about/bzzx.jhtml" style="color:#fff">帮助中心</a></td></tr>
  <tr><td align="center" style="line-height:22px;padding:6px 0">主办单位：{CENTRE}&nbsp;&nbsp;地址：青岚市芙蓉路198号市民之家四楼&nbsp;&nbsp;电话：0739-8812345<br />
  湘ICP备12003456号-1&nbsp;&nbsp;<img src="/images/ga.png" />湘公网安备 43050202000123号&nbsp;&nbsp;技术支持：湘中数字科技有限公司<br />建议使用IE8以上浏览器、1024×768分辨率浏览本站</td></tr>
</table>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() {{ var hm = document.createElement("script"); hm.src = "https://hm.baidu.com/hm.js?{noise.sid[:16].lower()}"; var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); }})();
</script>
</body>
</html>
"""
    )


def _body_2020(r: Result) -> str:
    td = 'style="border:1px solid #000;padding:2px 4px" align="center"'
    project = "".join(
        f'<tr><td {td} width="160"><p class="MsoNormal"><span style="font-family:宋体">{k}</span></p></td>'
        f'<td {td}><p class="MsoNormal"><span style="font-family:宋体">{v}</span></p></td></tr>'
        for k, v in PROJECT
    )
    head = "".join(f'<td {td}><b><span style="font-family:宋体">{h}</span></b></td>' for h in HEAD)
    rows = "".join(
        "<tr>" + "".join(f'<td {td}><span lang="EN-US">{c}</span></td>' for c in row) + "</tr>"
        for row in r.candidates
    )
    correction = (
        f'<p class="MsoNormal" style="text-indent:28pt"><b><span style="font-family:宋体;color:red">更正说明：</span></b><span style="font-family:宋体">{r.correction}</span></p>'
        if r.correction
        else ""
    )
    return f"""<p class="MsoNormal" style="text-indent:28pt;line-height:150%"><span style="font-family:宋体;mso-ascii-font-family:'Times New Roman'">{PROJECT[2][1]}的{PROJECT[1][1]}项目已于<span lang="EN-US">2020</span>年<span lang="EN-US">4</span>月<span lang="EN-US">9</span>日在{CENTRE}完成开标、评标工作，根据评标委员会的评审结果，现将中标候选人公示如下：</span></p>
<p class="MsoNormal"><b><span style="font-family:黑体">一、项目基本情况</span></b></p>
<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt">
<tbody>{project}</tbody></table>
<p class="MsoNormal"><b><span style="font-family:黑体">二、中标候选人</span></b></p>
<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;border:none">
<tbody><tr>{head}</tr>{rows}</tbody></table>
{correction}
<p class="MsoNormal"><b><span style="font-family:黑体">三、公示期</span></b></p>
<p class="MsoNormal" style="text-indent:28pt"><span style="font-family:宋体">公示期为{r.period}（三个工作日）。投标人或者其他利害关系人对评标结果有异议的，应当在中标候选人公示期间以书面形式向招标人提出。</span></p>
<p class="MsoNormal"><b><span style="font-family:黑体">四、联系方式</span></b></p>
<p class="MsoNormal" style="text-indent:28pt"><span style="font-family:宋体">招标人：{PROJECT[2][1]}&nbsp;&nbsp;联系人：刘先生&nbsp;&nbsp;电话：<span lang="EN-US">0739-8856021</span></span></p>
<p class="MsoNormal" style="text-indent:28pt"><span style="font-family:宋体">招标代理机构：{PROJECT[3][1]}&nbsp;&nbsp;联系人：陈女士&nbsp;&nbsp;电话：<span lang="EN-US">0739-8867730</span></span></p>
<p class="MsoNormal" style="text-indent:28pt"><span style="font-family:宋体">监督部门：青岚市住房和城乡建设局&nbsp;&nbsp;电话：<span lang="EN-US">0739-8821100</span></span></p>
<p class="MsoNormal" align="right" style="text-align:right"><span style="font-family:宋体">{PROJECT[2][1]}</span></p>
<p class="MsoNormal" align="right" style="text-align:right"><span lang="EN-US">2020</span><span style="font-family:宋体">年</span><span lang="EN-US">4</span><span style="font-family:宋体">月</span><span lang="EN-US">10</span><span style="font-family:宋体">日</span></p>
<p class="MsoNormal"><span lang="EN-US">&nbsp;</span></p>"""


# 2022: a 新点-style platform page -------------------------------------------------------------


def _header_2022(noise: Noise, banner: bool) -> str:
    nav = "".join(
        f'<li class="ewb-nav-item{" current" if name == "交易信息" else ""}"><a href="/{slug}/" class="ewb-nav-link">{name}</a></li>'
        for name, slug in zip(
            _NAV, ["", "zxgk", "jyxx", "zcfg", "bszn", "cxtx", "jdts", "zjgl", "xzzx", "wsbs"]
        )
    )
    top = f"""<div class="ewb-top"><div class="container clearfix">
<span class="ewb-top-welcome l">您好，欢迎访问{SITE}！</span>
<ul class="ewb-top-link r"><li><a href="javascript:;" id="wza">无障碍</a></li><li><a href="javascript:;" id="zzms">长者模式</a></li><li><a href="/ztbfw/login.html">登录</a></li><li><a href="/ztbfw/register.html">注册</a></li><li><a href="/wx/" class="ewb-wx">微信公众号</a></li></ul>
</div></div>
<div class="ewb-header"><div class="container clearfix">
<a href="/" class="ewb-logo l"><img src="/images/logo.png" alt="{SITE}"></a>
<div class="ewb-search r"><input type="text" id="searchinput" placeholder="请输入项目名称或编号"><button type="button" id="searchbtn" class="ewb-search-btn">搜索</button></div>
</div></div>
<div class="ewb-nav"><ul class="container clearfix">{nav}</ul></div>
"""
    if banner:
        top += f'<div class="ewb-notice-bar"><div class="container"><i class="icon-horn"></i><span class="ewb-notice-text">{_BANNER_2022}</span><a href="javascript:;" class="ewb-notice-close">×</a></div></div>\n'
    return top


_FOOT_2022 = f"""<div class="ewb-footer"><div class="container">
<div class="ewb-footer-links"><a href="/about/lxwm.html">联系我们</a><a href="/about/wzdt.html">网站地图</a><a href="/about/mzsm.html">免责声明</a><a href="/about/ysbh.html">隐私保护</a></div>
<p>主办单位：{CENTRE}　承办单位：青岚市大数据中心　地址：青岚市芙蓉路198号市民之家四楼</p>
<p>服务热线：0739-8812345　湘ICP备12003456号-1　<img src="/images/ga.png" alt="">湘公网安备 43050202000123号　网站标识码：4305000071</p>
<p>技术支持：国泰新点软件股份有限公司</p>
<div class="ewb-footer-code"><img src="/images/jiucuo.png" alt="政府网站找错"><img src="/images/qrcode.png" alt="微信公众号"></div>
</div></div>"""


def _shell_2022(
    noise: Noise, inner: str, *, banner: bool = False, title: str = SITE, meta: str = ""
) -> str:
    rng = noise.rng()
    tree = "".join(
        f'<li class="ewb-left-item{" active" if slug == "zbhxr" else ""}"><a href="/jyxx/gcjs/{slug}/?_={rng.randrange(10**12, 10**13)}">{name}</a></li>'
        for name, slug in _MENU
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="renderer" content="webkit">
<meta name="SiteName" content="{SITE}">
<meta name="SiteDomain" content="ggzy.qinglan.gov.cn">
{meta}
<title>{title}</title>
<link rel="stylesheet" href="/css/core.css?v=20220315">
<link rel="stylesheet" href="/css/detail.css?v=20220315">
<script src="/js/lib/jquery-1.12.4.min.js"></script>
<script src="/js/lib/mini.js"></script>
<script>var siteInfo = {{ projectName: "ggzy", rootPath: "/", token: "{noise.sid.lower()}" }};</script>
</head>
<body>
{_header_2022(noise, banner)}
<div class="ewb-container container clearfix">
<div class="ewb-location"><i class="icon-loc"></i>您当前所在的位置：<a href="/">首页</a> &gt; <a href="/jyxx/">交易信息</a> &gt; <a href="/jyxx/gcjs/">工程建设</a> &gt; <span>中标候选人公示</span></div>
<div class="ewb-left l"><h3 class="ewb-left-hd">工程建设</h3><ul class="ewb-left-bd">{tree}</ul>
<div class="ewb-left-service"><a href="/bszn/">办事指南</a><a href="/xzzx/">下载中心</a><a href="/jdts/">投诉举报</a></div></div>
<div class="ewb-right r">
{inner}
</div>
</div>
{_FOOT_2022}
<script src="/js/pages/detail.js?v={rng.randrange(100000, 999999)}"></script>
</body>
</html>
"""


def page_2022(r: Result, noise: Noise, *, banner: bool = False, freemarker: bool = False) -> str:
    """The 2022 page. ``freemarker``: the template failed and FreeMarker's error report is the
    response."""
    if freemarker:
        return _FREEMARKER
    rng = noise.rng()
    td = 'class="ewb-td"'
    project = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in PROJECT)
    head = "".join(f"<th>{h}</th>" for h in HEAD)
    rows = "".join(
        "<tr>" + "".join(f"<td {td}>{c}</td>" for c in row) + "</tr>" for row in r.candidates
    )
    correction = (
        f'<p style="text-indent:2em;"><strong style="color:#c00">更正说明：</strong>{r.correction}</p>'
        if r.correction
        else ""
    )
    prev_t, next_t = rng.sample(_LATEST, 2)
    inner = f"""<div class="ewb-article">
<h3 class="ewb-article-tt">{TITLE}</h3>
<div class="ewb-article-sources">【信息时间：<span id="infodate">2020-04-10</span>】　【阅读次数：<span id="infoViewCount">{noise.views}</span>】　【<a href="javascript:window.print();">我要打印</a>】　【<a href="javascript:window.close();">关闭</a>】</div>
<div class="ewb-article-info" id="mainContent">
<p style="text-indent:2em;">{PROJECT[2][1]}的{PROJECT[1][1]}项目已于2020年4月9日在{CENTRE}完成开标、评标工作，根据评标委员会的评审结果，现将中标候选人公示如下：</p>
<h4>一、项目基本情况</h4>
<table class="ewb-table ewb-table-kv"><tbody>{project}</tbody></table>
<h4>二、中标候选人</h4>
<div class="ewb-table-wrap"><table class="ewb-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>
{correction}
<h4>三、公示期</h4>
<p style="text-indent:2em;">公示期为{r.period}（三个工作日）。投标人或者其他利害关系人对评标结果有异议的，应当在中标候选人公示期间以书面形式向招标人提出。</p>
<h4>四、联系方式</h4>
<p style="text-indent:2em;">招标人：{PROJECT[2][1]}　联系人：刘先生　电话：0739-8856021</p>
<p style="text-indent:2em;">招标代理机构：{PROJECT[3][1]}　联系人：陈女士　电话：0739-8867730</p>
<p style="text-indent:2em;">监督部门：青岚市住房和城乡建设局　电话：0739-8821100</p>
<p style="text-align:right;">{PROJECT[2][1]}</p>
<p style="text-align:right;">2020年4月10日</p>
</div>
<div class="ewb-article-share">分享到：<a href="javascript:;" class="share-wx">微信</a><a href="javascript:;" class="share-wb">微博</a><a href="javascript:;" class="share-qq">QQ空间</a></div>
<div class="ewb-article-pn"><p>上一篇：<a href="/jyxx/gcjs/zbhxr/{rng.randrange(10**7, 10**8)}.html">{prev_t}</a></p><p>下一篇：<a href="/jyxx/gcjs/zbhxr/{rng.randrange(10**7, 10**8)}.html">{next_t}</a></p></div>
</div>"""
    meta = (
        f'<meta name="ArticleTitle" content="{TITLE}">\n<meta name="PubDate" content="2020-04-10 17:32">\n'
        f'<meta name="ColumnName" content="中标候选人公示">'
    )
    return _shell_2022(noise, inner, banner=banner, meta=meta)


def not_found_2022(noise: Noise) -> str:
    """A soft 404 in the 2022 site's own chrome, answered with a 200."""
    inner = """<div class="ewb-error"><img src="/images/404.png" alt="">
<p class="ewb-error-tt">抱歉，您访问的页面不存在或已被删除！</p>
<p class="ewb-error-tip">您可以：<a href="/">返回首页</a>　<a href="javascript:history.back();">返回上一页</a></p></div>"""
    return _shell_2022(noise, inner, title="页面不存在")


def maintenance_2022(noise: Noise) -> str:
    """The 2022 site's chrome around a maintenance notice where the 公示 belongs."""
    inner = """<div class="ewb-article"><div class="ewb-maintain"><img src="/images/maintain.png" alt="">
<p class="ewb-maintain-tt">系统升级维护中</p>
<p>为给您提供更好的服务，平台正在进行系统升级维护，预计2022年6月26日8:00恢复访问，给您带来的不便敬请谅解！</p></div></div>"""
    return _shell_2022(noise, inner)


# The faults -------------------------------------------------------------------------------------

RUISHU_412 = (
    '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    '<meta http-equiv="Expires" content="0"><meta http-equiv="Cache-Control" content="no-cache">'
    '<meta id="9DhefwqGPrzGxEp9hPaoag" content="'
    + "Jq3K.ZwVb9nTT7xpRzq0eM3aG_f1d8uYcLqX2o5WnHs7vKbJ.0lRt4yPpQeN9sDmGkAzC6hUjIwF"
    * 6
    + '" r="m"><script type="text/javascript" r="m">$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};'
    '$_ts.nsd=48211;$_ts.cd="qqrmrrAlcGqkEaVwtLPtcmANWE1DhOa7iqAbD1g9JsAlvNc1hYlgDYa9mtqjoqYwqEGEhAe3";'
    "if($_ts.lcd)$_ts.lcd();</script>"
    '<script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVIc/d.FxJzG50F.dfe1675.js" r="m"></script>'
    '</head><body><script type="text/javascript" r="m">$_ts.l__(1);</script></body></html>'
)

WZWS_CHALLENGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<meta http-equiv="Pragma" content="no-cache"/><meta http-equiv="Cache-Control" content="no-cache, no-store"/>
<script type="text/javascript">
var wzwschallenge="a3d4b6e9c1f207bb";var wzwschallengex="STRINGS";var encoderchars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
function KTKY2RBD9NHPBCIHV9ZMEQQDARSLVFDU(str){var out,i,len;out="";len=str.length;for(i=0;i<len;i++){out+=String.fromCharCode(str.charCodeAt(i)^7);}return out;}
function QWERTASDFGXYSF(){var tmp=wzwschallenge+wzwschallengex;var hash=0;for(var i=0;i<tmp.length;i++){hash+=tmp.charCodeAt(i);}hash*=61;hash+=36969;return "WZWS_CONFIRM_PREFIX_LABEL8"+hash;}
function HXXTTKKLLPPP5(){document.cookie="wzwschallenge="+KTKY2RBD9NHPBCIHV9ZMEQQDARSLVFDU(QWERTASDFGXYSF())+"; path=/";window.location.href=window.location.pathname+"?wzwschallenge="+encodeURIComponent(QWERTASDFGXYSF());}
HXXTTKKLLPPP5();
</script></head><body></body></html>"""

KNOWNSEC_BLOCK = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>访问被拦截</title>
<style>body{margin:0;font-family:"Microsoft YaHei"}.box{width:680px;margin:120px auto;text-align:center;color:#333}.box h2{color:#e64340;font-size:26px}.info{background:#f7f7f7;text-align:left;padding:12px 20px;font-size:13px;line-height:24px}</style></head>
<body><div class="box"><img src="https://static.yunaq.com/static/block/shield.png" width="96" alt="">
<h2>您的访问请求可能对网站造成安全威胁，请求已被拦截</h2>
<p>如果您是网站管理员，请登录创宇盾控制台查看拦截详情；如果您是普通访客，请稍后刷新重试。</p>
<div class="info">您的IP：203.0.113.57<br>拦截时间：2020-04-17 09:31:08<br>事件ID：6c1e0b9a7f3d4e21a8c5b0d2f9e8a7b6<br>拦截原因：疑似扫描器访问</div>
<p style="color:#999;font-size:12px;margin-top:30px">网站防护由 知道创宇·创宇盾 提供</p></div></body></html>"""

YUNSUO_BLOCK = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>网站防火墙</title>
<style>.main{width:600px;margin:100px auto;border:1px solid #ddd;padding:30px}.t{font-size:20px;color:#f60}</style></head>
<body><div class="main"><p class="t">当前访问疑似黑客攻击，已被网站防火墙拦截。</p>
<p>可能原因：您提交的内容包含危险的攻击请求</p><p>如何解决：</p><ol><li>检查提交内容；</li><li>如网站托管，请联系空间提供商；</li><li>普通网站访客，请联系网站管理员；</li></ol>
<p style="text-align:right;color:#999">云锁 · 服务器安全防护</p></div></body></html>"""

ALIYUN_SLIDER = """<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no"><title>滑动验证页面</title>
<link rel="stylesheet" href="//g.alicdn.com/sd/ncpc/nc.css?t=1586844271"></head>
<body><div id="nocaptcha-wrap"><div class="nc-tip">请拖动下方滑块完成验证</div><div id="nc" style="margin:20px auto;width:300px"></div></div>
<script src="//g.alicdn.com/sd/ncpc/nc.js?t=1586844271"></script>
<script>var requestInfo={url:location.href,uuid:"9f3c0a2e-6d1b-4b7e-8a55-3c0f1e2d4b6a",traceid:"0bb2a54d16560367415286613e5e2c"};
var nc=NoCaptcha.init({renderTo:'#nc',appkey:'CF_APP_WAF',scene:'register',token:requestInfo.uuid,trans:{"key1":"code200"},callback:function(data){window.location.href=location.href+(location.search?"&":"?")+"u_atoken="+data.token+"&u_asession="+data.csessionid+"&u_asig="+data.sig;}});</script>
</body></html>"""

CDN_ORIGIN_DOWN = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>502 Bad Gateway</title>
<style>body{background:#f4f6f8;font:14px/1.6 "PingFang SC","Microsoft YaHei",sans-serif;color:#555}.c{max-width:560px;margin:15% auto;background:#fff;padding:32px;border-radius:4px}</style></head>
<body><div class="c"><h1 style="font-size:22px;color:#222">抱歉，该网站暂时无法访问</h1>
<p>源站无法访问：CDN节点回源失败，源站服务器可能已关闭、网络不通或配置错误。</p>
<p>请稍后再试。如果您是网站管理员，请检查源站服务器状态及回源配置。</p>
<p style="color:#999;font-size:12px">请求ID：7b6f1a0c3e9d4c58b2a4e1f06d3c9b87　节点：cache-hn-cs-12　时间：2020-04-20 09:30:42</p></div></body></html>"""

LOGIN_WALL = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证平台 - 用户登录</title>
<link rel="stylesheet" href="/cas/css/login.css"></head>
<body class="login-bg"><div class="login-header"><img src="/cas/images/logo.png" alt="{CENTRE}"><span>统一身份认证平台</span></div>
<div class="login-box"><ul class="login-tab"><li class="on">账号登录</li><li>CA证书登录</li><li>扫码登录</li></ul>
<form id="fm1" action="/cas/login?service=http%3A%2F%2Fggzy.qinglan.gov.cn%2Fjyxx%2F" method="post">
<div class="row"><input id="username" name="username" type="text" placeholder="请输入用户名/手机号" autocomplete="off"></div>
<div class="row"><input id="password" name="password" type="password" placeholder="请输入密码"></div>
<div class="row"><input id="captcha" name="captcha" type="text" placeholder="验证码"><img src="/cas/captcha.jpg" id="captchaImg"></div>
<input type="hidden" name="execution" value="e1s1"><input type="hidden" name="_eventId" value="submit">
<button type="submit" class="btn-login">登 录</button></form>
<p class="login-links"><a href="/cas/register">企业注册</a> | <a href="/cas/forget">忘记密码</a></p></div>
<div class="login-footer">{CENTRE} 版权所有　技术支持：湘中数字科技有限公司</div></body></html>"""

_FREEMARKER = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>FreeMarker template error</title></head><body>
<!-- FREEMARKER ERROR MESSAGE STARTS HERE -->
<pre style="font-family:monospace">FreeMarker template error (HTML_DEBUG mode; use RETHROW in production!):
The following has evaluated to null or missing:
==&gt; infodetail.infocontent  [in template "detail/zbhxr.ftl" at line 87, column 15]

----
Tip: If the failing expression is known to legally refer to something that's sometimes null or missing, either specify a default value like myOptionalVar!myDefault, or use &lt;#if myOptionalVar??&gt;when-present&lt;#else&gt;when-missing&lt;/#if&gt;.
----

----
FTL stack trace ("~" means nesting-related):
	- Failed at: ${infodetail.infocontent}  [in template "detail/zbhxr.ftl" at line 87, column 13]
	~ Reached through: #include "detail/zbhxr.ftl"  [in template "layout/main.ftl" at line 41, column 5]
----

Java stack trace (for programmers):
----
freemarker.core.InvalidReferenceException: [... Exception message was already printed; see it above ...]
	at freemarker.core.InvalidReferenceException.getInstance(InvalidReferenceException.java:134)
	at freemarker.core.EvalUtil.coerceModelToTextualCommon(EvalUtil.java:479)
	at freemarker.core.EvalUtil.coerceModelToStringOrMarkup(EvalUtil.java:401)
	at freemarker.core.DollarVariable.calculateInterpolatedStringOrMarkup(DollarVariable.java:100)
	at freemarker.core.DollarVariable.accept(DollarVariable.java:63)
	at freemarker.core.Environment.visit(Environment.java:331)
	at com.epoint.cms.render.TemplateRender.render(TemplateRender.java:212)
</pre></body></html>"""

EMPTY_SHELL = f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>{SITE}</title></head><body>\n</body></html>'
