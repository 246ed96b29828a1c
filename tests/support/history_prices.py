"""A sixth long history, written blind (before reading how faults and site models are handled):
a municipal 发展和改革委员会's 重要民生商品价格监测日报 — a page at one fixed URL that always shows
the latest daily report: a heading, an info line (report date, 数据来源, 发布时间 and a 浏览次数
counter printed by the server), a 价格分析 paragraph and a table of ~24 商品 (本期价格, 上期价格,
环比) grouped by category — watched daily in 2020, 2021 and 2022 (patterns of such sites, never a
copy of one).

Three templates: a 2020 ASP.NET site laid out in tables (GBK bytes under ``charset=gb2312``, a
``__VIEWSTATE`` on every fetch, "今天是…星期…" in the top bar, a visitor counter and the page's
generation time in the footer); a 2021 集约化 platform page (Hanweb-like: ``<meta name=
"SiteName">``, 长者模式/无障碍, weather and 浏览次数 by script, a CSRF meta); and a 2022
mobile-first server-rendered Vue page whose figures are in a desktop table, again in mobile
cards hidden by CSS, and once more in ``window.__INITIAL_STATE__`` (with the server's time), and
whose info line says how long ago the report was updated ("3小时前更新").

The faults are those such sites answer with: an empty 200 and an empty document, a 加速乐 cookie
challenge (521), an Alibaba Cloud WAF block page (405), a slider check as 200, Tengine's 502, a
CDN's "页面暂时无法访问" error as 200, maintenance notices drawn in the site's own chrome (200),
unrendered FreeMarker and Vue templates, the frame with "暂无数据" where the table should be, and
stale CDN copies of an earlier report (old ``Last-Modified``, large ``Age``).
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

CITY = "江屿市"
AGENCY = "江屿市发展和改革委员会"
TITLE = "重要民生商品价格监测日报"
CENTER = "江屿市价格监测中心"
WEEKDAYS = "一二三四五六日"

# category, 品种, 规格等级, 计量单位, 基期价格
ITEMS = [
    ("粮油", "粳米", "标一", "元/500克", 2.95),
    ("粮油", "籼米", "标一", "元/500克", 2.70),
    ("粮油", "面粉", "富强粉", "元/500克", 2.60),
    ("粮油", "花生油", "5升桶装压榨一级", "元/桶", 128.00),
    ("粮油", "大豆油", "5升桶装一级", "元/桶", 62.50),
    ("肉禽蛋", "猪肉（精瘦肉）", "鲜肉", "元/500克", 24.80),
    ("肉禽蛋", "猪肉（五花肉）", "鲜肉", "元/500克", 22.60),
    ("肉禽蛋", "牛肉", "去骨肋条肉", "元/500克", 42.00),
    ("肉禽蛋", "羊肉", "带骨", "元/500克", 39.50),
    ("肉禽蛋", "白条鸡", "开膛上等", "元/500克", 13.80),
    ("肉禽蛋", "鸡蛋", "散装鲜蛋", "元/500克", 5.20),
    ("水产品", "草鱼", "活鱼 1000克左右/条", "元/500克", 9.80),
    ("水产品", "鲢鱼", "活鱼 1000克左右/条", "元/500克", 7.20),
    ("水产品", "带鱼", "冻 中等", "元/500克", 21.50),
    ("蔬菜", "大白菜", "新鲜 一级", "元/500克", 1.30),
    ("蔬菜", "土豆", "新鲜 一级", "元/500克", 2.20),
    ("蔬菜", "黄瓜", "新鲜 一级", "元/500克", 3.60),
    ("蔬菜", "西红柿", "新鲜 一级", "元/500克", 4.10),
    ("蔬菜", "青椒", "新鲜 一级", "元/500克", 4.40),
    ("蔬菜", "芹菜", "新鲜 一级", "元/500克", 3.20),
    ("蔬菜", "菠菜", "新鲜 一级", "元/500克", 4.80),
    ("水果", "苹果", "富士 一级", "元/500克", 6.50),
    ("水果", "香蕉", "国产 一级", "元/500克", 3.90),
    ("水果", "柑橘", "一级", "元/500克", 4.20),
]


def _cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class Report:
    """One day's report: its date, this period's and the last period's prices (in ITEMS' order)
    and when it was published (Beijing time)."""

    day: date
    now: tuple[float, ...]
    before: tuple[float, ...]
    published: str = "09:05:00"

    @classmethod
    def first(cls, day: date) -> Report:
        rng = random.Random(day.toordinal())
        before = tuple(round(p * (1 + rng.uniform(-0.03, 0.03)), 2) for *_, p in ITEMS)
        now = tuple(round(p * (1 + rng.uniform(-0.02, 0.02)), 2) for p in before)
        return cls(day, now, before)

    def next(self, day: date, published: str = "09:05:00") -> Report:
        """The next report: every price moves a little, most vegetables more, some not at all."""
        rng = random.Random(day.toordinal() * 31)
        now = []
        for (category, *_), price in zip(ITEMS, self.now):
            if rng.random() < 0.3:
                now.append(price)
                continue
            spread = 0.06 if category in ("蔬菜", "水果") else 0.015
            now.append(round(price * (1 + rng.uniform(-spread, spread)), 2))
        return Report(day, tuple(now), self.now, published)

    def ratios(self) -> tuple[str, ...]:
        return tuple(f"{(n - b) / b * 100:.2f}" for n, b in zip(self.now, self.before))

    @property
    def moment(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.published}"

    def analysis(self) -> str:
        ratios = self.ratios()
        up = sum(float(r) > 0 for r in ratios)
        down = sum(float(r) < 0 for r in ratios)
        flat = len(ratios) - up - down
        top = max(range(len(ITEMS)), key=lambda i: float(ratios[i]))
        low = min(range(len(ITEMS)), key=lambda i: float(ratios[i]))
        veg = [float(r) for r, item in zip(ratios, ITEMS) if item[0] == "蔬菜"]
        mean = sum(veg) / len(veg)
        trend = "小幅上涨" if mean > 0.5 else "小幅回落" if mean < -0.5 else "基本平稳"
        return (
            f"{_cn_date(self.day)}，我市重要民生商品价格总体平稳，蔬菜价格{trend}。"
            f"本期监测的{len(ITEMS)}种商品中，价格上涨的{up}种，下降的{down}种，持平的{flat}种。"
            f"其中，{ITEMS[top][1]}涨幅居首，环比上涨{abs(float(ratios[top])):.2f}%；"
            f"{ITEMS[low][1]}降幅较大，环比下降{abs(float(ratios[low])):.2f}%。"
            "市价格监测中心将继续加强重要民生商品价格监测预警，及时发布价格信息。"
        )

    def archive(self) -> list[tuple[str, str]]:
        """The 往期日报 box: the five reports before this one."""
        days = [self.day - timedelta(days=k) for k in range(1, 6)]
        return [
            (f"{TITLE}（{_cn_date(d)}）", f"/jgjc/jgrb/{d:%Y%m}/t{d:%Y%m%d}_0{d.day}17.html")
            for d in days
        ]


@dataclass(frozen=True)
class Corrected(Report):
    """A report whose 环比 column is kept as it was published (a correction of one price)."""

    _ratios: tuple[str, ...] = ()

    def ratios(self) -> tuple[str, ...]:
        return self._ratios or Report.ratios(self)


def correct(report: Report, index: int, value: float, published: str | None = None) -> Report:
    """``report`` with one 本期价格 cell corrected (re-published at ``published``); the 环比
    column as it was published."""
    now = list(report.now)
    now[index] = value
    return Corrected(
        report.day, tuple(now), report.before, published or report.published, report.ratios()
    )


@dataclass
class Noise:
    """What changes on every fetch: the server's clock, counters, tokens, rotating boxes."""

    seed: int
    at: datetime  # the fetch's moment, Beijing time

    def rng(self) -> random.Random:
        return random.Random(self.seed * 7919 + int(self.at.timestamp()))

    def token(self, size: int = 32) -> str:
        return hashlib.sha1(f"{self.seed}-{self.at}".encode()).hexdigest()[:size]

    def viewstate(self) -> str:
        raw = hashlib.sha512(f"vs{self.seed}{self.at}".encode()).hexdigest() * 3
        return "/wEPDwUK" + raw[:300].replace("a", "X").replace("f", "+") + "=="

    @property
    def hits(self) -> int:
        return 1200 + self.seed * 37 + self.rng().randrange(30)

    @property
    def visitors(self) -> int:
        return 3482117 + self.seed * 2113 + self.rng().randrange(900)

    def today(self) -> str:
        return f"今天是：{_cn_date(self.at.date())} 星期{WEEKDAYS[self.at.weekday()]}"

    def hot(self, items: list[str], k: int = 6) -> list[str]:
        items = list(items)
        self.rng().shuffle(items)
        return items[:k]


HOT = [
    "关于2020年春节期间重要商品价格监测情况的通报",
    "我市召开2020年价格监测工作会议",
    "江屿市居民生活用水阶梯价格调整听证公告",
    "关于降低我市一般工商业电价有关事项的通知",
    "市发展改革委开展“双随机、一公开”价格监督检查",
    "2019年我市居民消费价格指数运行情况",
    "江屿市定价目录（2019年版）",
    "关于做好疫情防控期间重要民生商品保供稳价工作的通知",
    "我市平价商店名单（第三批）",
    "关于进一步规范机动车停放服务收费的通知",
    "江屿市价格监测点名单公示",
    "农产品成本调查工作进展情况",
]


def _rows_2020(report: Report) -> str:
    ratios = report.ratios()
    rows = []
    counts: dict[str, int] = {}
    for category, *_ in ITEMS:
        counts[category] = counts.get(category, 0) + 1
    seen = set()
    for i, (category, name, spec, unit, _) in enumerate(ITEMS):
        lead = ""
        if category not in seen:
            seen.add(category)
            lead = f'<td rowspan="{counts[category]}" align="center" valign="middle" style="border:1px solid #999;">{category}</td>'
        rows.append(
            f'<tr height="24" style="height:18.0pt">{lead}'
            f'<td class="xl67" style="border:1px solid #999;">{name}</td>'
            f'<td class="xl67" style="border:1px solid #999;">{spec}</td>'
            f'<td class="xl68" align="center" style="border:1px solid #999;">{unit}</td>'
            f'<td class="xl69" align="right" style="border:1px solid #999;">{report.now[i]:.2f}</td>'
            f'<td class="xl69" align="right" style="border:1px solid #999;">{report.before[i]:.2f}</td>'
            f'<td class="xl70" align="right" style="border:1px solid #999;">{ratios[i]}</td></tr>'
        )
    return "\n".join(rows)


_NAV_2020 = [
    ("首页", "/"),
    ("机构概况", "/jggk/"),
    ("政务公开", "/zwgk/"),
    ("政策法规", "/zcfg/"),
    ("发展规划", "/fzgh/"),
    ("价格管理", "/jggl/"),
    ("价格监测", "/jgjc/"),
    ("粮食物资", "/lswz/"),
    ("信用建设", "/xyjs/"),
    ("互动交流", "/hdjl/"),
    ("专题专栏", "/ztzl/"),
]
_SIDE = [
    ("价格日报", "/jgjc/jgrb/"),
    ("价格周报", "/jgjc/jgzb/"),
    ("月度分析", "/jgjc/ydfx/"),
    ("成本调查", "/jgjc/cbdc/"),
    ("价格认定", "/jgjc/jgrd/"),
    ("监测预警", "/jgjc/jcyj/"),
]


def _chrome_2020(noise: Noise, title: str, content: str, crumb: str = "价格日报") -> str:
    nav = "".join(
        f'<td align="center" class="nav{" navon" if href == "/jgjc/" else ""}" onmouseover="this.className=\'navon\'" onmouseout="this.className=\'nav\'"><a href="{href}" target="_self">{name}</a></td><td width="2"><img src="/images/nav_line.gif" width="2" height="36"></td>'
        for name, href in _NAV_2020
    )
    side = "".join(
        f'<tr><td height="32" class="{"left_on" if name == crumb else "left_menu"}">&nbsp;&nbsp;<img src="/images/arrow.gif">&nbsp;<a href="{href}">{name}</a></td></tr>'
        for name, href in _SIDE
    )
    hot = "".join(
        f'<tr><td height="26" class="hot_list">·<a href="/zwgk/tzgg/202002/t2020022{k}_{4021 + k}.html" target="_blank" title="{t}">{t[:18]}{"…" if len(t) > 18 else ""}</a></td></tr>'
        for k, t in enumerate(noise.hot(HOT))
    )
    links = "".join(
        f'<option value="{u}">{n}</option>'
        for n, u in [
            ("国家发展和改革委员会", "http://www.ndrc.gov.cn"),
            ("省发展和改革委员会", "http://fgw.example.gov.cn"),
            ("中国价格信息网", "http://www.chinaprice.example"),
            ("江屿市人民政府", "http://www.jiangyu.example.gov.cn"),
            ("江屿市统计局", "http://tjj.jiangyu.example.gov.cn"),
            ("江屿市市场监督管理局", "http://scjg.jiangyu.example.gov.cn"),
        ]
    )
    seconds = 0.01 + noise.rng().random() / 20
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" /><title>
	{title}
</title><meta name="keywords" content="江屿市发展和改革委员会,价格监测,价格日报" /><meta name="description" content="江屿市发展和改革委员会门户网站" /><link href="/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/jquery-1.4.2.min.js"></script>
<script language="javascript" type="text/javascript">
function SetHome(obj,vrl){{try{{obj.style.behavior='url(#default#homepage)';obj.setHomePage(vrl);}}catch(e){{alert("此操作被浏览器拒绝！");}}}}
function AddFavorite(sURL, sTitle){{try{{window.external.addFavorite(sURL, sTitle);}}catch (e){{alert("加入收藏失败，请使用Ctrl+D进行添加");}}}}
function doZoom(size){{document.getElementById('zoom').style.fontSize=size+'px';}}
</script>
<!--[if lte IE 6]><script src="/js/DD_belatedPNG.js"></script><script>DD_belatedPNG.fix('.png');</script><![endif]-->
</head>
<body style="margin:0px; background:url(/images/body_bg.jpg) repeat-x top;">
<form name="form1" method="post" action="./Default.aspx?lm=jgrb" id="form1">
<div>
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{noise.viewstate()}" />
</div>
<div>
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEWAgL{noise.token(24)}" />
</div>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top_bar">
  <tr>
    <td width="420" height="28" class="top_date">&nbsp;&nbsp;{noise.today()}</td>
    <td align="right" class="top_link"><a href="javascript:void(0)" onclick="SetHome(this,'http://fgw.jiangyu.example.gov.cn');">设为首页</a> | <a href="javascript:void(0)" onclick="AddFavorite(window.location,document.title)">加入收藏</a> | <a href="/wza/">无障碍浏览</a> | <a href="javascript:StranBody()" id="StranLink">繁體中文</a> | <a href="/site/map.aspx">网站地图</a>&nbsp;&nbsp;</td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="120" background="/images/banner.jpg"><table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>
      <td width="560"><img src="/images/logo.png" class="png" width="520" height="80" alt="{AGENCY}" /></td>
      <td align="right" valign="bottom" style="padding:0 20px 18px 0;"><input name="tbKey" type="text" id="tbKey" class="search_input" value="请输入关键字" onfocus="if(this.value=='请输入关键字')this.value='';" /> <input type="image" name="btnSearch" id="btnSearch" src="/images/search_btn.gif" style="border-width:0px;" /></td>
    </tr></table></td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="nav_bg">
  <tr>{nav}</tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:8px;">
  <tr>
    <td width="230" valign="top">
      <table width="220" border="0" cellspacing="0" cellpadding="0" class="left_box">
        <tr><td height="38" class="left_title">价格监测</td></tr>
        {side}
      </table>
      <table width="220" border="0" cellspacing="0" cellpadding="0" class="left_box" style="margin-top:8px;">
        <tr><td height="34" class="left_title2">热点信息</td></tr>
        {hot}
      </table>
      <table width="220" border="0" cellspacing="0" cellpadding="0" style="margin-top:8px;">
        <tr><td><a href="/hdjl/zxts/"><img src="/images/zxts.jpg" width="220" height="60" border="0" alt="在线投诉" /></a></td></tr>
        <tr><td style="padding-top:6px;"><a href="http://12358.example.gov.cn" target="_blank"><img src="/images/12358.jpg" width="220" height="60" border="0" alt="12358价格举报" /></a></td></tr>
      </table>
    </td>
    <td width="10"></td>
    <td valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="position">
        <tr><td height="34">&nbsp;<img src="/images/home.gif" />&nbsp;您现在的位置：<a href="/">首页</a> &gt; <a href="/jgjc/">价格监测</a> &gt; <a href="/jgjc/jgrb/">{crumb}</a></td></tr>
      </table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="content_box">
        <tr><td valign="top" style="padding:15px 20px;">
{content}
        </td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:10px;">
  <tr><td height="36" class="link_bar">&nbsp;&nbsp;友情链接：<select name="ddlLinks" onchange="if(this.value!='')window.open(this.value);"><option value="">--相关网站--</option>{links}</select></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="footer">
  <tr><td height="110" align="center" style="line-height:24px;">
    <a href="/site/about.aspx">关于我们</a> | <a href="/site/contact.aspx">联系我们</a> | <a href="/site/map.aspx">网站地图</a> | <a href="/site/statement.aspx">版权声明</a><br />
    主办单位：{AGENCY}&nbsp;&nbsp;地址：江屿市滨江大道188号市行政中心3号楼&nbsp;&nbsp;邮编：361000&nbsp;&nbsp;电话：0592-5550123<br />
    <a href="http://beian.miit.gov.cn" target="_blank">闽ICP备05012345号-1</a>&nbsp;&nbsp;网站标识码：3502000017&nbsp;&nbsp;技术支持：江屿市信息中心<br />
    您是本站第 <span style="color:#c00">{noise.visitors:09d}</span> 位访问者&nbsp;&nbsp;本页面执行时间：{seconds:.4f}秒
    <br /><span id="_ideConac"><a href="http://bszs.conac.cn/sitename?method=show&amp;id=0A7C2F" target="_blank"><img src="/images/red.png" border="0" /></a></span>
  </td></tr>
</table>
</form>
</body>
</html>
"""


def page_2020(report: Report, noise: Noise) -> str:
    archive = "".join(
        f'<tr><td height="24">·<a href="{href}" target="_blank">{t}</a></td></tr>'
        for t, href in report.archive()
    )
    content = f"""          <table width="100%" border="0" cellspacing="0" cellpadding="0">
            <tr><td align="center" class="art_title" style="font-size:22px;font-weight:bold;color:#0b4a8b;padding:10px 0;"><span id="lblTitle">{TITLE}</span></td></tr>
            <tr><td align="center" class="art_info" style="border-bottom:1px dashed #ccc;padding-bottom:8px;">报告日期：{_cn_date(report.day)}&nbsp;&nbsp;&nbsp;&nbsp;数据来源：{CENTER}&nbsp;&nbsp;&nbsp;&nbsp;发布时间：{report.moment}&nbsp;&nbsp;&nbsp;&nbsp;浏览次数：<span id="lblHits">{noise.hits}</span>&nbsp;&nbsp;&nbsp;&nbsp;【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
            <tr><td id="zoom" class="art_content" style="padding-top:12px;line-height:28px;font-size:14px;">
<p class="MsoNormal" style="text-indent:2em;"><span style="font-family:宋体;mso-ascii-font-family:'Times New Roman'">{report.analysis()}</span></p>
<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:12.0pt;font-family:宋体">{CITY}重要民生商品零售价格监测表（{_cn_date(report.day)}）</span></b></p>
<table border="0" cellpadding="0" cellspacing="0" width="100%" style="border-collapse:collapse;width:100%;font-size:13px;">
<tr height="30" style="background:#e8f0f8;font-weight:bold;"><td align="center" style="border:1px solid #999;">类别</td><td align="center" style="border:1px solid #999;">品种</td><td align="center" style="border:1px solid #999;">规格等级</td><td align="center" style="border:1px solid #999;">计量单位</td><td align="center" style="border:1px solid #999;">本期价格</td><td align="center" style="border:1px solid #999;">上期价格</td><td align="center" style="border:1px solid #999;">环比（%）</td></tr>
{_rows_2020(report)}
</table>
<p class="MsoNormal"><span style="font-size:10.5pt;font-family:宋体">注：本表价格为全市8个监测点当日上午采集的零售价格平均值；环比为与上期价格相比的涨跌幅。</span></p>
            </td></tr>
            <tr><td align="right" style="padding:10px 0;">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
            <tr><td class="art_more" style="border-top:1px solid #ddd;padding-top:8px;"><b>往期日报</b></td></tr>
            {archive}
          </table>"""
    return _chrome_2020(noise, f"{TITLE}_{AGENCY}", content)


def maintenance_2020(noise: Noise) -> str:
    content = f"""          <table width="100%" border="0" cellspacing="0" cellpadding="0">
            <tr><td align="center" style="font-size:22px;font-weight:bold;color:#c00;padding:30px 0 10px;">系统维护公告</td></tr>
            <tr><td style="padding:10px 40px;line-height:30px;font-size:15px;">
<p style="text-indent:2em;">尊敬的用户：</p>
<p style="text-indent:2em;">为进一步提升网站服务质量，我委门户网站将于{_cn_date(noise.at.date())} 8:00至18:00进行系统升级维护，维护期间“价格监测”等栏目暂停访问。由此给您带来的不便，敬请谅解！</p>
<p style="text-align:right;">{AGENCY}<br />{_cn_date(noise.at.date())}</p>
            </td></tr>
          </table>"""
    return _chrome_2020(noise, AGENCY, content)


def unrendered_2020(noise: Noise) -> str:
    """The FreeMarker template of the content area sent as it is (the includes around it ran)."""
    content = """          <table width="100%" border="0" cellspacing="0" cellpadding="0">
            <tr><td align="center" class="art_title"><span id="lblTitle">${report.title!}</span></td></tr>
            <tr><td align="center" class="art_info">报告日期：${report.reportDate?string("yyyy年M月d日")}&nbsp;&nbsp;数据来源：${report.source!}&nbsp;&nbsp;发布时间：${report.pubTime!}</td></tr>
            <tr><td id="zoom" class="art_content">
<p class="MsoNormal" style="text-indent:2em;">${report.analysis!}</p>
<table border="0" cellpadding="0" cellspacing="0" width="100%">
<tr><td>类别</td><td>品种</td><td>规格等级</td><td>计量单位</td><td>本期价格</td><td>上期价格</td><td>环比（%）</td></tr>
<#list report.items as item>
<tr><td>${item.category}</td><td>${item.name}</td><td>${item.spec}</td><td>${item.unit}</td><td>${item.price?string("0.00")}</td><td>${item.lastPrice?string("0.00")}</td><td>${item.ratio}</td></tr>
</#list>
</table>
            </td></tr>
          </table>"""
    return _chrome_2020(noise, "${report.title!}_" + AGENCY, content)


# 2021: the 集约化 platform ------------------------------------------------------------------

_MEGA = {
    "机构概况": ["领导信息", "机构职能", "内设机构", "直属单位"],
    "政务公开": [
        "政府信息公开指南",
        "政府信息公开目录",
        "政府信息公开年报",
        "依申请公开",
        "财政资金",
        "建议提案办理",
    ],
    "政策文件": ["市委市政府文件", "本委文件", "政策解读", "规范性文件"],
    "发展规划": ["国民经济和社会发展规划", "专项规划", "区域规划", "重大项目"],
    "价格工作": ["价格政策", "收费管理", "价格监测", "成本监审", "价格认定"],
    "粮食和物资储备": ["粮食流通", "物资储备", "应急保障"],
    "互动交流": ["主任信箱", "在线访谈", "征集调查", "常见问题"],
    "政务服务": ["办事指南", "在线办理", "结果公示"],
}


def _chrome_2021(noise: Noise, title: str, content: str, *, column: str = "价格日报") -> str:
    mega = "".join(
        f'<li class="nav-item"><a href="/{k}/" class="nav-link">{k}</a><div class="nav-drop"><dl>'
        + "".join(f'<dd><a href="/{k}/{i}/">{v}</a></dd>' for i, v in enumerate(vs))
        + "</dl></div></li>"
        for k, vs in _MEGA.items()
    )
    hot = "".join(
        f'<li><span class="dot"></span><a href="/art/2021/{4 + k}/1{k}/art_1482_{90123 + k}.html" title="{t}" target="_blank">{t}</a></li>'
        for k, t in enumerate(noise.hot(HOT, 5))
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<meta name="SiteName" content="{AGENCY}">
<meta name="SiteDomain" content="fgw.jiangyu.example.gov.cn">
<meta name="SiteIDCode" content="3502000017">
<meta name="ColumnName" content="{column}">
<meta name="ColumnType" content="价格监测">
<meta name="csrf-token" content="{noise.token(40)}">
<link rel="stylesheet" href="/module/jslib/bootstrap/css/bootstrap.min.css">
<link rel="stylesheet" href="/images/2021/css/common.css?v={noise.token(6)}">
<script src="/module/jslib/jquery/jquery.js"></script>
<script src="/script/0/2103110913428837.js"></script>
</head>
<body>
<div class="top-bar">
  <div class="container clearfix">
    <div class="fl">欢迎访问{AGENCY}网站！<span id="weather"></span><script>$(function(){{$("#weather").load("/module/weather/get.jsp?city=jiangyu&_={noise.token(10)}");}});</script></div>
    <div class="fr"><a href="javascript:void(0);" id="cniil_wza">无障碍</a><span class="sep">|</span><a href="javascript:void(0);" id="oldman">长者模式</a><span class="sep">|</span><a href="/jact/front/mailwrite.do">我要写信</a><span class="sep">|</span><a href="https://www.example.gov.cn/login" target="_blank">登录</a><span class="sep">|</span><a href="/col/col1480/index.html">English</a></div>
  </div>
</div>
<div class="header">
  <div class="container clearfix">
    <a class="logo fl" href="/"><img src="/images/2021/logo.png" alt="{AGENCY}"></a>
    <div class="search fr"><form action="/jrobot/search.do" method="get" target="_blank"><input type="hidden" name="webid" value="17"><input type="text" name="q" class="s-input" placeholder="请输入搜索内容"><button type="submit" class="s-btn">搜索</button></form>
      <p class="hot-words">热词：<a href="#">价格日报</a><a href="#">居民用水</a><a href="#">电价</a><a href="#">收费目录</a></p></div>
  </div>
</div>
<div class="nav"><div class="container"><ul class="nav-list clearfix"><li class="nav-item"><a href="/" class="nav-link">首页</a></li>{mega}</ul></div></div>
<div class="container main clearfix">
  <div class="crumbs">当前位置：<a href="/">首页</a><span>&gt;</span><a href="/col/col1481/index.html">价格工作</a><span>&gt;</span><a href="/col/col1483/index.html">价格监测</a><span>&gt;</span><a href="/col/col1485/index.html">{column}</a></div>
  <div class="side fl">
    <div class="side-tit">价格监测</div>
    <ul class="side-menu">
      <li class="on"><a href="/col/col1485/index.html">价格日报</a></li><li><a href="/col/col1486/index.html">价格周报</a></li><li><a href="/col/col1487/index.html">月度分析</a></li><li><a href="/col/col1488/index.html">成本调查</a></li><li><a href="/col/col1489/index.html">监测预警</a></li>
    </ul>
    <div class="side-box"><div class="side-tit2">热点推荐</div><ul class="hot-list">{hot}</ul></div>
  </div>
  <div class="content fr">
{content}
  </div>
</div>
<div class="footer">
  <div class="container">
    <div class="f-links"><a href="/col/col1500/index.html">网站地图</a>|<a href="/col/col1501/index.html">联系我们</a>|<a href="/col/col1502/index.html">网站声明</a>|<a href="/col/col1503/index.html">隐私保护</a></div>
    <div class="f-info">
      <script id="_jiucuo_" sitecode="3502000017" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
      <p>主办：{AGENCY}　承办：{AGENCY}办公室　地址：江屿市滨江大道188号</p>
      <p><a href="https://beian.miit.gov.cn/" target="_blank">闽ICP备05012345号-1</a>　<img src="/images/2021/ga.png"><a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=35020302000123" target="_blank">闽公网安备 35020302000123号</a>　网站标识码：3502000017</p>
      <p>技术支持：大汉网络　建议使用1920×1080分辨率浏览本网站</p>
    </div>
  </div>
</div>
<script src="/jact/front/assist.js" id="assist" data-sitecode="3502000017"></script>
<script>var _hmt=_hmt||[];(function(){{var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?{noise.token(32)}";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);}})();</script>
</body>
</html>
"""


def _rows_2021(report: Report, cells: bool = True) -> str:
    ratios = report.ratios()
    out = []
    for i, (category, name, spec, unit, _) in enumerate(ITEMS):
        cls = "up" if float(ratios[i]) > 0 else "down" if float(ratios[i]) < 0 else "flat"
        out.append(
            f"<tr><td>{category}</td><td>{name}</td><td>{spec}</td><td>{unit}</td>"
            f'<td>{report.now[i]:.2f}</td><td>{report.before[i]:.2f}</td><td class="{cls}">{ratios[i]}</td></tr>'
        )
    return "\n".join(out)


def page_2021(report: Report, noise: Noise, *, empty: bool = False) -> str:
    """``empty``: the frame as it is when the figures' query failed ("暂无数据")."""
    if empty:
        table = '<tr><td colspan="7" class="nodata">暂无数据</td></tr>'
        analysis = ""
        day = "--"
    else:
        table = _rows_2021(report)
        analysis = f"<p>{report.analysis()}</p>"
        day = _cn_date(report.day)
    prev, nxt = report.archive()[0], report.archive()[1]
    content = f"""    <div class="article">
      <h1 class="art-title">{TITLE}</h1>
      <div class="art-info">
        <span>报告日期：{day}</span><span>来源：{CENTER}</span><span>发布时间：{report.moment if not empty else ""}</span>
        <span>浏览次数：<em id="hits"></em></span><script>$.get("/module/visitcount/visit.jsp?type=3&i_columnid=1485&_={noise.token(8)}",function(d){{$("#hits").text(d);}});</script>
        <span class="font-size">字号：<a href="javascript:void(0)" data-size="18">大</a><a href="javascript:void(0)" data-size="16">中</a><a href="javascript:void(0)" data-size="14">小</a></span>
      </div>
      <div class="art-con" id="zoom">
        <!--ZJEG_RSS.content.begin--><meta name="ContentStart">
        {analysis}
        <p style="text-align:center"><strong>{CITY}重要民生商品零售价格监测表（{day}）</strong></p>
        <div class="table-responsive"><table class="table table-bordered price-table">
          <thead><tr><th>类别</th><th>品种</th><th>规格等级</th><th>计量单位</th><th>本期价格</th><th>上期价格</th><th>环比（%）</th></tr></thead>
          <tbody>
{table}
          </tbody>
        </table></div>
        <p class="note">注：本表价格为全市8个监测点当日上午采集的零售价格平均值；环比为与上期价格相比的涨跌幅。</p>
        <meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
      </div>
      <div class="art-tools clearfix">
        <div class="share fl">分享到：<a class="wx" href="javascript:void(0)" title="微信"></a><a class="wb" href="javascript:void(0)" title="微博"></a><a class="qq" href="javascript:void(0)" title="QQ空间"></a></div>
        <div class="print fr">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
      </div>
      <div class="art-page"><p>上一篇：<a href="{prev[1]}">{prev[0]}</a></p><p>下一篇：<a href="{nxt[1]}">{nxt[0]}</a></p></div>
      <div class="qrcode"><img src="/module/qrcode/qr.jsp?url=/col/col1485/index.html" alt="扫一扫在手机打开当前页"><p>扫一扫在手机打开当前页</p></div>
    </div>"""
    return _chrome_2021(noise, f"{TITLE} {AGENCY}", content)


def maintenance_2021(noise: Noise) -> str:
    content = f"""    <div class="article">
      <h1 class="art-title">网站维护公告</h1>
      <div class="art-con" id="zoom">
        <p>尊敬的访问者：</p>
        <p>因政务云平台安全加固，本网站于{_cn_date(noise.at.date())}进行系统维护，维护期间部分页面暂时无法正常访问。请您稍后再试，感谢您的理解与支持！</p>
        <p style="text-align:right">{AGENCY}</p>
      </div>
    </div>"""
    return _chrome_2021(noise, f"网站维护 {AGENCY}", content, column="系统公告")


# 2022: the mobile-first server-rendered page ----------------------------------------------


def _ago(noise: Noise, report: Report) -> str:
    hh, mm, _ = (int(x) for x in report.published.split(":"))
    published = datetime(report.day.year, report.day.month, report.day.day, hh, mm)
    hours = int((noise.at.replace(tzinfo=None) - published).total_seconds() // 3600)
    if hours < 1:
        return "刚刚更新"
    if hours < 24:
        return f"{hours}小时前更新"
    return f"{hours // 24}天前更新"


def _state(report: Report, noise: Noise) -> str:
    state = {
        "route": {"path": "/jgjc/jgrb", "query": {}},
        "serverTime": int(noise.at.timestamp() * 1000),
        "traceId": noise.token(16),
        "report": {
            "title": TITLE,
            "reportDate": f"{report.day:%Y-%m-%d}",
            "pubTime": report.moment,
            "items": [
                {
                    "c": c,
                    "n": n,
                    "s": s,
                    "u": u,
                    "p": f"{report.now[i]:.2f}",
                    "lp": f"{report.before[i]:.2f}",
                }
                for i, (c, n, s, u, _) in enumerate(ITEMS)
            ],
        },
    }
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"))


def _chrome_2022(noise: Noise, title: str, main: str, state: str = "{}") -> str:
    tabs = "".join(
        f'<a href="{h}" class="tab{" active" if h == "/jgjc/" else ""}" data-v-5f2a1c>{n}</a>'
        for n, h in [
            ("首页", "/"),
            ("政务公开", "/zwgk/"),
            ("政策文件", "/zcwj/"),
            ("价格监测", "/jgjc/"),
            ("政务服务", "/zwfw/"),
            ("互动交流", "/hdjl/"),
        ]
    )
    return f"""<!doctype html>
<html data-n-head-ssr lang="zh" data-n-head="%7B%22lang%22:%7B%22ssr%22:%22zh%22%7D%7D">
<head>
<meta data-n-head="ssr" charset="utf-8"><meta data-n-head="ssr" name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no">
<meta data-n-head="ssr" data-hid="description" name="description" content="{AGENCY}价格监测">
<title>{title}</title>
<link rel="preload" href="/_nuxt/runtime.{noise.token(8)}.js" as="script"><link rel="preload" href="/_nuxt/app.3c9e1f2.js" as="script">
<link rel="stylesheet" href="/_nuxt/css/app.8d21a7e.css">
<style data-vue-ssr-id="5f2a1c:0">.m-list{{display:none}}@media (max-width:768px){{.price-table{{display:none}}.m-list{{display:block}}}}</style>
</head>
<body>
<div data-server-rendered="true" id="__nuxt"><div id="__layout"><div class="page" data-v-5f2a1c>
<header class="g-header" data-v-5f2a1c>
  <div class="g-top" data-v-5f2a1c><span class="g-date" data-v-5f2a1c>{noise.at:%Y年%m月%d日} 星期{WEEKDAYS[noise.at.weekday()]}</span><a href="/care" data-v-5f2a1c>关怀版</a><a href="/wza" data-v-5f2a1c>无障碍</a><a href="https://zwfw.example.gov.cn/login" data-v-5f2a1c>登录</a></div>
  <div class="g-brand" data-v-5f2a1c><img src="/_nuxt/img/emblem.5a1d.png" alt="" data-v-5f2a1c><span class="g-name" data-v-5f2a1c>{AGENCY}</span></div>
  <div class="g-search" data-v-5f2a1c><input placeholder="搜索本站" data-v-5f2a1c><i class="icon-search" data-v-5f2a1c></i></div>
  <nav class="g-tabs" data-v-5f2a1c>{tabs}</nav>
</header>
<div class="g-crumb" data-v-5f2a1c><a href="/" data-v-5f2a1c>首页</a> / <a href="/jgjc/" data-v-5f2a1c>价格监测</a> / <span data-v-5f2a1c>价格日报</span></div>
<main class="g-main" data-v-5f2a1c>
{main}
</main>
<aside class="g-service" data-v-5f2a1c>
  <h3 data-v-5f2a1c>便民服务</h3>
  <ul data-v-5f2a1c><li data-v-5f2a1c><a href="/zwfw/12345" data-v-5f2a1c>12345热线</a></li><li data-v-5f2a1c><a href="/zwfw/jgjb" data-v-5f2a1c>价格举报</a></li><li data-v-5f2a1c><a href="/zwfw/sfml" data-v-5f2a1c>收费目录清单</a></li><li data-v-5f2a1c><a href="/zwfw/pjsd" data-v-5f2a1c>平价商店查询</a></li></ul>
</aside>
<footer class="g-footer" data-v-5f2a1c>
  <p data-v-5f2a1c><a href="/about" data-v-5f2a1c>关于本站</a> · <a href="/sitemap" data-v-5f2a1c>网站地图</a> · <a href="/contact" data-v-5f2a1c>联系我们</a></p>
  <p data-v-5f2a1c>主办单位：{AGENCY}　网站标识码：3502000017</p>
  <p data-v-5f2a1c><a href="https://beian.miit.gov.cn/" data-v-5f2a1c>闽ICP备05012345号-1</a>　闽公网安备 35020302000123号</p>
  <p data-v-5f2a1c>总访问量：{noise.visitors}</p>
</footer>
</div></div></div>
<script>window.__INITIAL_STATE__={state}</script>
<script src="/_nuxt/runtime.{noise.token(8)}.js" defer></script><script src="/_nuxt/app.3c9e1f2.js" defer></script>
</body>
</html>
"""


def page_2022(report: Report, noise: Noise) -> str:
    ratios = report.ratios()
    rows = "".join(
        f"<tr data-v-7b3e90><td data-v-7b3e90>{c}</td><td data-v-7b3e90>{n}</td><td data-v-7b3e90>{s}</td><td data-v-7b3e90>{u}</td>"
        f'<td class="num" data-v-7b3e90>{report.now[i]:.2f}</td><td class="num" data-v-7b3e90>{report.before[i]:.2f}</td><td class="num" data-v-7b3e90>{ratios[i]}</td></tr>'
        for i, (c, n, s, u, _) in enumerate(ITEMS)
    )
    cards = "".join(
        f'<li class="m-card" data-v-7b3e90><div class="m-name" data-v-7b3e90>{n}<small data-v-7b3e90>{s}</small></div>'
        f'<div class="m-price" data-v-7b3e90>{report.now[i]:.2f}<small data-v-7b3e90>{u}</small></div><div class="m-ratio" data-v-7b3e90>环比 {ratios[i]}%</div></li>'
        for i, (c, n, s, u, _) in enumerate(ITEMS)
    )
    main = f"""<article class="report" data-v-7b3e90>
  <h1 class="report-title" data-v-7b3e90>{TITLE}</h1>
  <div class="report-meta" data-v-7b3e90><span data-v-7b3e90>{_cn_date(report.day)}</span><span data-v-7b3e90>{CENTER}</span><span class="ago" data-v-7b3e90>{_ago(noise, report)}</span><span data-v-7b3e90>阅读 {noise.hits}</span></div>
  <section class="report-text" data-v-7b3e90><p data-v-7b3e90>{report.analysis()}</p></section>
  <h2 class="table-cap" data-v-7b3e90>{CITY}重要民生商品零售价格监测表（{_cn_date(report.day)}）</h2>
  <table class="price-table" data-v-7b3e90><thead data-v-7b3e90><tr data-v-7b3e90><th data-v-7b3e90>类别</th><th data-v-7b3e90>品种</th><th data-v-7b3e90>规格等级</th><th data-v-7b3e90>计量单位</th><th data-v-7b3e90>本期价格</th><th data-v-7b3e90>上期价格</th><th data-v-7b3e90>环比（%）</th></tr></thead>
  <tbody data-v-7b3e90>{rows}</tbody></table>
  <ul class="m-list" data-v-7b3e90>{cards}</ul>
  <p class="report-note" data-v-7b3e90>注：本表价格为全市8个监测点当日上午采集的零售价格平均值；环比为与上期价格相比的涨跌幅。</p>
  <div class="report-share" data-v-7b3e90>分享：<i class="icon-wx" data-v-7b3e90></i><i class="icon-wb" data-v-7b3e90></i><i class="icon-link" data-v-7b3e90></i></div>
</article>"""
    return _chrome_2022(noise, f"{TITLE}-{AGENCY}", main, _state(report, noise))


def unrendered_2022(noise: Noise) -> str:
    """The client-side template served when server rendering fell back (no data, mustaches)."""
    main = """<article class="report" data-v-7b3e90>
  <h1 class="report-title" data-v-7b3e90>{{ report.title }}</h1>
  <div class="report-meta" data-v-7b3e90><span>{{ report.reportDate | cnDate }}</span><span>{{ report.source }}</span><span class="ago">{{ report.pubTime | ago }}</span></div>
  <section class="report-text"><p>{{ report.analysis }}</p></section>
  <table class="price-table"><thead><tr><th>类别</th><th>品种</th><th>规格等级</th><th>计量单位</th><th>本期价格</th><th>上期价格</th><th>环比（%）</th></tr></thead>
  <tbody><tr v-for="item in report.items" :key="item.n"><td>{{ item.c }}</td><td>{{ item.n }}</td><td>{{ item.s }}</td><td>{{ item.u }}</td><td>{{ item.p }}</td><td>{{ item.lp }}</td><td>{{ item.ratio }}</td></tr></tbody></table>
</article>"""
    return _chrome_2022(noise, "{{ pageTitle }}", main)


# Faults ---------------------------------------------------------------------------------------


def jsl_challenge(noise: Noise) -> str:
    """A 加速乐-style cookie challenge (sent with 521): a script sets a cookie and reloads."""
    parts = "+".join(f"('{c}')" for c in noise.token(12))
    return (
        f"<script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+('a')+('n')+('c')+('e')+('_')+('s')+'='+{parts}"
        "+';max-age=3600;path=/';location.href=location.pathname+location.search</script>"
    )


def aliyun_waf(noise: Noise) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>405</title>
<style>body{{margin:0;font-family:"Microsoft YaHei";}} .waf{{width:700px;margin:120px auto;}} .waf h2{{color:#333}}</style></head>
<body><div class="waf"><img src="https://errors.aliyun.com/images/TB1TpamHpXXXXaJXXXXeB7nYVXX-104-162.png" alt="">
<h2>很抱歉，由于您访问的URL有可能对网站造成安全威胁，您的访问被阻断。</h2>
<p>您的请求ID是：<b>{noise.token(30)}</b></p>
<p>如您是网站管理员，请在云盾控制台查看拦截详情。</p></div></body></html>"""


def slider_check(noise: Noise) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>安全验证</title><script src="/_guard/slider.js?v={noise.token(6)}"></script></head>
<body><div class="guard"><h3>访问验证</h3><p>为保障网站安全，请完成以下验证后继续访问</p>
<div id="nc" class="nc-container" data-token="{noise.token(24)}"><span class="nc-lang-cnt">请按住滑块，拖动到最右边</span></div>
<p class="tip">若验证失败请刷新页面重试</p></div></body></html>"""


TENGINE_502 = """<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html>
<head><title>502 Bad Gateway</title></head>
<body bgcolor="white">
<h1>502 Bad Gateway</h1>
<p>The proxy server received an invalid response from an upstream server. Sorry for the inconvenience.<br/>
Please report this message and include the following information to us.<br/>
Thank you very much!</p>
<table>
<tr><td>URL:</td><td>http://fgw.jiangyu.example.gov.cn/jgjc/jgrb/index.html</td></tr>
<tr><td>Server:</td><td>web-03</td></tr>
<tr><td>Date:</td><td>2020/03/12 09:31:07</td></tr>
</table>
<hr/>Powered by Tengine</body>
</html>"""


def cdn_error(noise: Noise) -> str:
    return f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>页面暂时无法访问</title></head>
<body style="background:#f5f5f5"><div style="width:600px;margin:100px auto;background:#fff;padding:30px">
<h2>很抱歉，您访问的页面暂时无法访问</h2>
<p>错误代码：504 Gateway Time-out</p>
<p>可能原因：源站响应超时，请稍后刷新重试。</p>
<p>节点：CHN-FJxiamen-CT{noise.rng().randrange(1, 9)}-CACHE{noise.rng().randrange(10, 40)}</p>
<p>时间：{noise.at:%Y-%m-%d %H:%M:%S}</p>
<p>请求ID：{noise.token(20)}</p></div></body></html>"""


EMPTY_DOCUMENT = "<html><head></head><body></body></html>"
