"""A third long history, written blind (before reading how faults and site models are handled):
a county 人社局's 公开招聘 notice — prose, a 岗位一览表 and attachments — watched as one page
from 2020 to 2023 (never a copy of a real site; patterns only).

Three templates: a 2020 table-layout ASP.NET site (GB2312 declared, GBK bytes, no charset in the
header, ASP.NET session ids and __VIEWSTATE), a 2021 mobile-first redesign whose 岗位表 is a
grid of divs (``role="row"`` cards), and a 2023 集约化 platform page with the 信息公开 metadata
table (索引号/发布机构/成文日期) above Word-pasted content. Every fetch carries noise: the clock,
the weather, visit counters, a random 推荐 box, session tokens in links, a reordered side menu,
and 上一篇/下一篇 that follow what the site published since.

The faults are worded as other vendors word them: a 加速乐-style ``__jsl_clearance`` cookie
challenge, 安全狗 and 云锁-style block pages, a 滑块 check, 访问过于频繁, nginx 502/504 text pages,
系统维护中, unrendered ``{{ }}`` / ``${…}`` / ``$pageHelpBean`` templates, a meta-refresh stub.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date

TITLE = "青溪县2020年公开招聘事业单位工作人员公告"
DEPARTMENT = "青溪县人力资源和社会保障局"
POST_HEAD = ("岗位代码", "招聘单位", "岗位名称", "招聘人数", "学历要求", "专业要求", "其他条件")


@dataclass
class Notice:
    """What the notice says."""

    deadline: str = "2020年11月20日17:00"
    venue: str = "青溪县人力资源和社会保障局三楼301室"
    interview: str = "面试时间另行通知，请考生及时关注本网站。"
    posts: list[tuple[str, ...]] = field(
        default_factory=lambda: [
            (
                "2020001",
                "青溪县人民医院",
                "临床医生",
                "2",
                "本科及以上",
                "临床医学",
                "具有执业医师资格",
            ),
            (
                "2020002",
                "青溪县人民医院",
                "护理",
                "3",
                "大专及以上",
                "护理、护理学",
                "具有护士执业资格",
            ),
            ("2020003", "青溪县疾病预防控制中心", "检验", "1", "本科及以上", "医学检验技术", "无"),
            (
                "2020004",
                "青溪县第一中学",
                "高中数学教师",
                "1",
                "本科及以上",
                "数学与应用数学",
                "具有高中教师资格",
            ),
            (
                "2020005",
                "青溪县第一中学",
                "高中英语教师",
                "1",
                "本科及以上",
                "英语",
                "具有高中教师资格",
            ),
            (
                "2020006",
                "青溪县农业技术推广中心",
                "农技员",
                "2",
                "大专及以上",
                "农学、植物保护",
                "服务基层两年",
            ),
            (
                "2020007",
                "青溪县不动产登记中心",
                "综合管理",
                "1",
                "本科及以上",
                "法学、汉语言文学",
                "无",
            ),
            (
                "2020008",
                "青溪县水利工程管理站",
                "水利技术员",
                "1",
                "本科及以上",
                "水利水电工程",
                "无",
            ),
            (
                "2020009",
                "青溪县乡镇事业单位",
                "财务",
                "4",
                "大专及以上",
                "会计学、财务管理",
                "限本县户籍",
            ),
            ("2020010", "青溪县乡镇事业单位", "综合管理", "5", "大专及以上", "不限", "限本县户籍"),
        ]
    )
    attachments: list[tuple[str, str]] = field(
        default_factory=lambda: [
            (
                "/uploadfiles/202011/20201105093012345.xls",
                "附件1：青溪县2020年公开招聘事业单位工作人员岗位表.xls",
            ),
            ("/uploadfiles/202011/20201105093012678.doc", "附件2：报名登记表.doc"),
        ]
    )
    posts_shown: bool = True  # False: the data table answers 暂无数据 (its query failed)

    def with_cell(self, row: int, col: int, value: str) -> Notice:
        posts = [list(p) for p in self.posts]
        posts[row][col] = value
        return replace(self, posts=[tuple(p) for p in posts])

    def paragraphs(self) -> list[tuple[str, str]]:
        """The notice's text: (kind, text), kind ``p`` or ``h`` (a numbered section heading)."""
        return [
            (
                "p",
                "根据《事业单位人事管理条例》《事业单位公开招聘人员暂行规定》等有关规定，经县委、县政府同意，"
                "县人力资源和社会保障局决定面向社会公开招聘事业单位工作人员。现将有关事项公告如下：",
            ),
            ("h", "一、招聘原则"),
            (
                "p",
                "坚持民主、公开、竞争、择优的原则，坚持德才兼备的用人标准，按照公开报名、资格审查、"
                "笔试、面试、体检、考察、公示、聘用的程序进行。",
            ),
            ("h", "二、招聘计划"),
            (
                "p",
                f"全县共招聘事业单位工作人员{sum(int(p[3]) for p in self.posts)}名，"
                "具体岗位及条件详见《青溪县2020年公开招聘事业单位工作人员岗位一览表》。",
            ),
            ("h", "三、报名条件"),
            (
                "p",
                "（一）具有中华人民共和国国籍，遵守宪法和法律；（二）具有良好的品行和职业道德；"
                "（三）身体健康，年龄在18周岁以上、35周岁以下（1984年11月5日至2002年11月5日期间出生）；"
                "（四）具备招聘岗位要求的学历、专业和其他条件。",
            ),
            ("h", "四、报名时间及方式"),
            (
                "p",
                f"报名时间：2020年11月10日9:00至{self.deadline}。报名地点：{self.venue}。"
                "报名时须提交本人有效居民身份证、毕业证书原件及复印件、近期免冠一寸彩色照片3张，"
                "并填写《报名登记表》。",
            ),
            ("h", "五、考试"),
            ("p", f"笔试内容为《公共基础知识》，满分100分。{self.interview}"),
            ("h", "六、体检、考察和聘用"),
            (
                "p",
                "根据考试总成绩从高分到低分按1:1的比例确定体检人选。体检合格者进行考察，考察合格者"
                "经公示无异议后按规定办理聘用手续，试用期一年。",
            ),
            (
                "p",
                "咨询电话：0739-7212345（县人社局）　监督电话：0739-7216789（县纪委监委驻县人社局纪检监察组）",
            ),
        ]


def post_count(notice: Notice) -> int:
    return sum(int(p[3]) for p in notice.posts)


# Noise -------------------------------------------------------------------------------------

_RECOMMEND = [
    "青溪县2020年第三季度城镇新增就业情况",
    "关于做好2020年度社会保险缴费基数申报工作的通知",
    "青溪县人社局开展根治欠薪冬季专项行动",
    "2020年高校毕业生就业见习岗位信息",
    "青溪县职业技能提升行动补贴申领指南",
    "关于调整全县最低工资标准的通知",
    "青溪县劳动人事争议仲裁院工作规则",
    "失业保险稳岗返还政策问答",
    "2020年度专业技术职务任职资格评审工作安排",
]
_MENU = [
    "通知公告",
    "政策法规",
    "人事考试",
    "就业创业",
    "社会保障",
    "劳动关系",
    "人才人事",
    "办事指南",
]
_NEIGHBOURS = [
    ("关于公布2020年第三批就业见习基地的通知", "青溪县2020年下半年教师资格认定公告"),
    ("关于开展2020年度劳动保障书面审查的通知", "青溪县2020年下半年教师资格认定公告"),
    ("关于开展2020年度劳动保障书面审查的通知", "2020年青溪县技能大赛获奖名单公示"),
]
_WEATHER = ["晴", "多云", "阴", "小雨", "晴转多云"]


@dataclass(frozen=True)
class Noise:
    seed: int
    day: date

    def _h(self, salt: str, n: int = 24) -> str:
        return hashlib.md5(f"{salt}:{self.seed}".encode()).hexdigest()[:n]

    @property
    def session(self) -> str:
        return self._h("asp", 24)

    @property
    def viewstate(self) -> str:
        return "/wEPDwUKMTY" + self._h("vs", 40) + "ZGQ="

    @property
    def token(self) -> str:
        return self._h("tok", 32)

    @property
    def counter(self) -> int:
        return 2_000 + 61 * self.seed

    @property
    def clock(self) -> str:
        s = self.seed * 97
        return f"{7 + s % 12:02d}:{s % 60:02d}:{(s * 7) % 60:02d}"

    @property
    def today(self) -> str:
        d = self.day
        return f"{d.year}年{d.month:02d}月{d.day:02d}日 星期{'一二三四五六日'[d.weekday()]}"

    @property
    def weather(self) -> str:
        return f"{_WEATHER[self.seed % 5]} {5 + self.seed % 9}～{14 + self.seed % 7}℃"

    def recommend(self, n: int = 5) -> list[str]:
        return sorted(_RECOMMEND, key=lambda t: hashlib.md5(f"{t}{self.seed}".encode()).digest())[
            :n
        ]

    def menu(self) -> list[str]:
        return sorted(_MENU, key=lambda t: hashlib.md5(f"m{t}{self.seed // 3}".encode()).digest())

    @property
    def neighbours(self) -> tuple[str, str]:
        return _NEIGHBOURS[min(self.seed // 9, 2)]


def _fw(text: str) -> str:
    """The same words re-saved by another editor: full-width/half-width punctuation swapped."""
    swaps = {"（": "(", "）": ")", "：": ":", "；": ";", "，": ","}
    return "".join(swaps.get(c, c) for c in text)


# 2020: a table-layout ASP.NET county site (GB2312) --------------------------------------------


def _nav_2020(sid: str) -> str:
    items = [
        "网站首页",
        "机构概况",
        "政务公开",
        "通知公告",
        "政策法规",
        "就业创业",
        "社会保障",
        "人事人才",
        "劳动维权",
        "办事大厅",
        "互动交流",
        "专题专栏",
    ]
    return "".join(
        f'<td class="navtd"><a href="/{"index" if i == 0 else f"list{i}"}.aspx?sid={sid}">{t}</a></td>'
        f'<td width="2"><img src="/images/nav_line.gif" /></td>'
        for i, t in enumerate(items)
    )


def page_2020(n: Notice, noise: Noise, *, variant: str = "") -> str:
    text = _fw if variant == "spaced" else (lambda s: s)
    sid = noise.session
    paras = "\n".join(
        (
            f'<p class="MsoNormal" style="text-indent:2em;line-height:150%"><b><span style="font-family:黑体">{text(t)}</span></b></p>'
            if kind == "h"
            else f'<p class="MsoNormal" style="text-indent:2em;line-height:150%"><span lang="EN-US" style="font-size:12pt;mso-bidi-font-size:10.5pt">{"　　" if variant else ""}{text(t)}</span></p>'
        )
        for kind, t in n.paragraphs()
    )
    head = "".join(f'<td bgcolor="#e8e8e8" align="center"><b>{c}</b></td>' for c in POST_HEAD)
    if n.posts_shown:
        rows = "\n".join(
            "<tr>"
            + "".join(
                f'<td align="center" style="mso-border-alt:solid windowtext .5pt">{text(c)}</td>'
                for c in p
            )
            + "</tr>"
            for p in n.posts
        )
    else:
        rows = f'<tr><td colspan="{len(POST_HEAD)}" align="center">暂无数据</td></tr>'
    files = "<br />".join(
        f'<a href="{url}?sid={sid}" target="_blank"><img src="/images/icon_xls.gif" border="0" />{label}</a>'
        for url, label in n.attachments
    )
    menu = "".join(
        f'<tr><td class="leftmenu" height="32">&nbsp;&nbsp;<img src="/images/dot.gif" /> <a href="/list.aspx?c={_MENU.index(m)}&sid={sid}">{m}</a></td></tr>'
        for m in noise.menu()
    )
    rec = "".join(
        f'<tr><td height="24">·<a href="/show.aspx?id={4000 + _RECOMMEND.index(t)}&sid={sid}" title="{t}">{t[:16]}</a></td></tr>'
        for t in noise.recommend()
    )
    prev, nxt = noise.neighbours
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{TITLE}--青溪县人力资源和社会保障网</title>
<meta name="keywords" content="青溪县人社局,公开招聘,事业单位" />
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<script language="javascript" src="/js/common.js"></script>
<!--[if lte IE 6]><script src="/js/DD_belatedPNG.js"></script><![endif]-->
</head>
<body leftmargin="0" topmargin="0">
<form name="form1" method="post" action="show.aspx?id=3987&amp;sid={sid}" id="form1">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{noise.viewstate}" />
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="topbar">
<tr><td width="500">&nbsp;今天是：{noise.today}&nbsp;&nbsp;{noise.weather}</td>
<td align="right"><a href="#" onclick="this.style.behavior='url(#default#homepage)';this.setHomePage('http://www.qxrs.gov.cn');">设为首页</a> | <a href="javascript:window.external.AddFavorite('http://www.qxrs.gov.cn','青溪县人力资源和社会保障网')">加入收藏</a> | <a href="/wza.aspx?sid={sid}">无障碍</a>&nbsp;</td></tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="120" background="/images/banner.jpg"><img src="/images/logo.png" alt="青溪县人力资源和社会保障网" /></td></tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="nav"><tr>{_nav_2020(sid)}</tr></table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="searchbar">
<tr><td width="700">&nbsp;<marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">热烈庆祝中华人民共和国成立71周年　青溪县人社局欢迎您！</marquee></td>
<td><input name="kw" type="text" size="20" /> <input type="submit" value="站内搜索" /></td></tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
<tr>
<td width="230" valign="top" bgcolor="#f4f8fc">
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="lefttitle" height="36">&nbsp;栏目导航</td></tr>
{menu}
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="lefttitle" height="36">&nbsp;推荐阅读</td></tr>
{rec}
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="lefttitle" height="36">&nbsp;网上办事</td></tr>
<tr><td height="24">·<a href="/bs/1.aspx">社保卡补换办理</a></td></tr><tr><td height="24">·<a href="/bs/2.aspx">就业失业登记</a></td></tr>
<tr><td height="24">·<a href="/bs/3.aspx">退休人员资格认证</a></td></tr><tr><td height="24">·<a href="/bs/4.aspx">劳动合同备案</a></td></tr></table>
</td>
<td width="10"></td>
<td valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="weizhi" height="30">&nbsp;您现在的位置：<a href="/index.aspx?sid={sid}">首页</a> &gt;&gt; <a href="/list3.aspx?sid={sid}">通知公告</a> &gt;&gt; 正文</td></tr></table>
<table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="60" align="center" class="showtitle"><font color="#c00000" size="4"><strong>{TITLE}</strong></font></td></tr>
<tr><td height="30" align="center" class="showinfo" style="border-bottom:1px dashed #ccc">发布时间：2020-11-05 09:30&nbsp;&nbsp;&nbsp;来源：{DEPARTMENT}&nbsp;&nbsp;&nbsp;作者：县人社局&nbsp;&nbsp;&nbsp;点击数：<span id="hits">{noise.counter}</span>&nbsp;&nbsp;&nbsp;【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
<tr><td class="showcontent" id="zoom" style="padding:15px;line-height:28px;font-size:14px">
{paras}
<p class="MsoNormal" align="center" style="text-align:center"><b>青溪县2020年公开招聘事业单位工作人员岗位一览表</b></p>
<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;border:none">
<tr>{head}</tr>
{rows}
</table>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">{files}</p>
<p class="MsoNormal" align="right" style="text-align:right"><span>{DEPARTMENT}</span></p>
<p class="MsoNormal" align="right" style="text-align:right"><span lang="EN-US">2020</span>年<span lang="EN-US">11</span>月<span lang="EN-US">5</span>日</p>
</td></tr>
<tr><td height="40" class="showpn">上一篇：<a href="/show.aspx?id=3986&sid={sid}">{prev}</a><br />下一篇：<a href="/show.aspx?id=3988&sid={sid}">{nxt}</a></td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
</td></tr></table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="links">
<tr><td>友情链接：<select onchange="window.open(this.value)"><option>国家人社部</option><option value="http://www.mohrss.gov.cn">人力资源和社会保障部</option><option>省人社厅</option></select></td></tr></table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="footer">
<tr><td align="center" height="90">主办单位：{DEPARTMENT}　地址：青溪县人民中路88号　邮编：415600<br />
联系电话：0739-7212345　<a href="http://beian.miit.gov.cn">湘ICP备10012345号</a>　网站标识码：4305270009<br />
您是本站第 <font color="red">{noise.counter * 13}</font> 位访问者　技术支持：青溪网络科技有限公司</td></tr></table>
<input type="hidden" name="__EVENTVALIDATION" value="{noise.token}" />
</form>
<script type="text/javascript">var _bdhmProtocol=(("https:"==document.location.protocol)?" https://":" http://");document.write(unescape("%3Cscript src='"+_bdhmProtocol+"hm.baidu.com/h.js%3F{noise.token}' type='text/javascript'%3E%3C/script%3E"));</script>
</body>
</html>
"""


# 2021: a mobile-first redesign; the 岗位表 a grid of divs --------------------------------------


def page_2021(n: Notice, noise: Noise, *, variant: str = "", template: bool = False) -> str:
    """``template``: the server-side template served unrendered (``{{ }}`` left in)."""
    text = _fw if variant == "spaced" else (lambda s: s)
    paras = "\n".join(
        f'<h4 class="sec">{text(t)}</h4>' if kind == "h" else f"<p>{text(t)}</p>"
        for kind, t in n.paragraphs()
    )
    head = "".join(f'<div class="cell th" role="columnheader">{c}</div>' for c in POST_HEAD)
    if n.posts_shown:
        rows = "\n".join(
            '<div class="row" role="row">'
            + "".join(
                f'<div class="cell" role="cell" data-label="{h}">{text(c)}</div>'
                for h, c in zip(POST_HEAD, p)
            )
            + "</div>"
            for p in n.posts
        )
    else:
        rows = '<div class="empty">暂无数据</div>'
    files = "".join(
        f'<li><i class="ico ico-file"></i><a href="{url}" download>{label}</a></li>'
        for url, label in n.attachments
    )
    rec = "".join(
        f'<a class="rec-item" href="/m/art/{4000 + _RECOMMEND.index(t)}.html?token={noise.token}">{t}</a>'
        for t in noise.recommend(4)
    )
    menu = "".join(f'<a href="/m/col/{_MENU.index(m)}.html">{m}</a>' for m in noise.menu())
    prev, nxt = noise.neighbours
    title, info, body = (
        TITLE,
        (
            f'<span class="date">2020-11-05</span><span class="src">来源：{DEPARTMENT}</span>'
            f'<span class="views"><i class="ico-eye"></i>{noise.counter}</span>'
        ),
        f"""{paras}
<div class="tbl-title">青溪县2020年公开招聘事业单位工作人员岗位一览表</div>
<div class="data-grid" role="table">
<div class="row head" role="row">{head}</div>
{rows}
</div>
<div class="files"><div class="files-t">附件下载</div><ul>{files}</ul></div>
<p class="sign">{DEPARTMENT}</p>
<p class="sign">2020年11月5日</p>""",
    )
    if template:
        title = "{{ article.title }}"
        info = '<span class="date">{{ article.pubDate | date("yyyy-MM-dd") }}</span><span class="src">来源：{{ article.source }}</span>'
        body = '{{ article.content | safe }}\n{% for f in article.files %}<li><a href="{{ f.url }}">{{ f.name }}</a></li>{% endfor %}'
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no">
<meta name="format-detection" content="telephone=no">
<meta name="csrf-token" content="{noise.token}">
<title>{title}_青溪县人力资源和社会保障局</title>
<link rel="stylesheet" href="/m/static/css/reset.css">
<link rel="stylesheet" href="/m/static/css/detail.css?v={noise.seed}">
<script>(function(d){{var w=d.documentElement.clientWidth;d.documentElement.style.fontSize=(w>750?750:w)/7.5+'px';}})(document);</script>
</head>
<body>
<div class="app">
<header class="m-hd">
  <a class="m-back" href="javascript:history.back()"><i class="ico-back"></i></a>
  <div class="m-logo"><img src="/m/static/img/logo.png" alt="青溪县人力资源和社会保障局"></div>
  <a class="m-menu-btn" href="javascript:;" onclick="toggleMenu()"><i class="ico-menu"></i></a>
</header>
<div class="m-status"><span>{noise.today}</span><span>{noise.clock}</span><span>{noise.weather}</span></div>
<nav class="m-drawer" id="drawer"><div class="drawer-inner">{menu}<a href="/m/search.html">搜索</a><a href="/m/login.html">用户登录</a><a href="/m/elder.html">长者模式</a></div></nav>
<div class="m-crumb"><a href="/m/">首页</a><em>/</em><a href="/m/col/0.html">通知公告</a></div>
<section class="m-detail">
  <h1 class="d-title">{title}</h1>
  <div class="d-info">{info}</div>
  <div class="d-font"><span>字号</span><a data-size="18">大</a><a data-size="16">中</a><a data-size="14">小</a></div>
  <div class="d-content" id="detailContent">
{body}
  </div>
  <div class="d-share"><span>分享到</span><a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ</a></div>
  <div class="d-pn"><p>上一篇：<a href="/m/art/3986.html">{prev}</a></p><p>下一篇：<a href="/m/art/3988.html">{nxt}</a></p></div>
</section>
<section class="m-rec"><div class="m-rec-t">为你推荐</div>{rec}</section>
<div class="m-qr"><img src="/m/static/img/qr-wx.png" alt=""><p>扫一扫关注“青溪人社”微信公众号</p></div>
<footer class="m-ft">
  <div class="ft-links"><a href="/m/about.html">关于我们</a><a href="/m/map.html">网站地图</a><a href="/m/pc.html">电脑版</a></div>
  <p>主办：{DEPARTMENT}</p><p>网站标识码：4305270009　湘ICP备10012345号-1</p>
  <p><img src="/m/static/img/ga.png" alt="">湘公网安备 43052702000112号</p>
  <p class="ft-count">访问量：{noise.counter * 13}</p>
</footer>
<div class="m-tabbar"><a href="/m/">首页</a><a href="/m/col/0.html">公告</a><a href="/m/bs.html">办事</a><a href="/m/my.html">我的</a></div>
</div>
<script src="/m/static/js/zepto.min.js"></script>
<script>window.__PAGE__={{"id":3987,"csrf":"{noise.token}","ts":{1604539800 + noise.seed * 86400}}};function toggleMenu(){{document.getElementById('drawer').classList.toggle('open');}}</script>
</body>
</html>
"""


# 2023: a 集约化 platform page with the 信息公开 metadata table --------------------------------


def page_2023(n: Notice, noise: Noise, *, variant: str = "", unrendered: bool = False) -> str:
    text = _fw if variant == "spaced" else (lambda s: s)
    paras = "\n".join(
        (
            f'<p style="text-indent:2em"><strong>{text(t)}</strong></p>'
            if kind == "h"
            else f'<p style="text-indent:2em;margin:0 0 10px"><span style="font-family:仿宋_GB2312;font-size:16pt">{text(t)}</span></p>'
        )
        for kind, t in n.paragraphs()
    )
    head = "".join(f"<th>{c}</th>" for c in POST_HEAD)
    if n.posts_shown:
        rows = "\n".join(
            "<tr>" + "".join(f"<td><p>{text(c)}</p></td>" for c in p) + "</tr>" for p in n.posts
        )
    else:
        rows = f'<tr><td colspan="{len(POST_HEAD)}" class="no-data">暂无数据</td></tr>'
    files = "".join(
        f'<li><a href="{url}" target="_blank" title="{label}">{label}</a></li>'
        for url, label in n.attachments
    )
    rec = "".join(
        f'<li><a href="/qxxrsj/c10{i}/2023{i:02d}/{hashlib.md5(t.encode()).hexdigest()[:12]}.shtml">{t}</a><span>2023-0{1 + i}-1{i}</span></li>'
        for i, t in enumerate(noise.recommend(6))
    )
    menu = "".join(
        f'<li><a href="/qxxrsj/{_MENU.index(m)}/list.shtml">{m}</a></li>' for m in noise.menu()
    )
    crumb = '<a href="/">首页</a> &gt; <a href="/qxxrsj/">县人社局</a> &gt; <a href="/qxxrsj/tzgg/">通知公告</a>'
    title, meta_title = TITLE, TITLE
    content = f"""{paras}
<p style="text-align:center"><strong>青溪县2020年公开招聘事业单位工作人员岗位一览表</strong></p>
<table class="ke-zeroborder" border="1" cellspacing="0" width="100%"><thead><tr>{head}</tr></thead>
<tbody>
{rows}
</tbody></table>
<p style="text-align:right">{DEPARTMENT}</p>
<p style="text-align:right">2020年11月5日</p>"""
    if unrendered:
        crumb = "$pageHelpBean.getNavPath($channel.channelId)"
        title, meta_title = "${article.title}", "${article.title}"
        content = "${article.content}"
        files = '#foreach($f in $article.attachments)<li><a href="$f.url">$f.name</a></li>#end'
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="SiteName" content="青溪县人民政府">
<meta name="ColumnName" content="通知公告">
<meta name="ArticleTitle" content="{meta_title}">
<meta name="PubDate" content="2020-11-05 09:30">
<meta name="ContentSource" content="{DEPARTMENT}">
<title>{title}-青溪县人民政府</title>
<link rel="stylesheet" href="/images/2023/css/common.css">
<link rel="stylesheet" href="/images/2023/css/article.css">
<script src="/images/2023/js/jquery-1.12.4.min.js"></script>
</head>
<body>
<div class="top"><div class="w1200 clearfix">
<div class="fl">您好，欢迎访问青溪县人民政府门户网站！ <span id="nowtime">{noise.today} {noise.clock}</span></div>
<div class="fr"><a href="/wza/">无障碍</a> | <a href="/lnb/">长者模式</a> | <a href="/en/">English</a> | <a href="https://tyrz.gov.cn/login?token={noise.token}">登录</a> | <a href="/jianti/">简</a>/<a href="/fanti/">繁</a></div>
</div></div>
<div class="header"><div class="w1200"><a class="logo" href="/"><img src="/images/2023/img/logo.png" alt="青溪县人民政府"></a>
<div class="search"><form action="/search/" method="get"><input type="text" name="q" placeholder="请输入关键词"><input type="hidden" name="siteCode" value="4305270001"><button type="submit">搜索</button></form></div></div></div>
<div class="nav"><ul class="w1200">
<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a><div class="sub"><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a><a href="/zwgk/zfxxgkzd/">政府信息公开制度</a><a href="/zwgk/fdzdgknr/">法定主动公开内容</a><a href="/zwgk/zfxxgknb/">政府信息公开年报</a></div></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a><div class="sub"><a href="/hdjl/xjxx/">县长信箱</a><a href="/hdjl/zxft/">在线访谈</a><a href="/hdjl/dczj/">调查征集</a></div></li>
<li><a href="/zjqx/">走进青溪</a></li><li><a href="/ztzl/">专题专栏</a></li></ul></div>
<div class="w1200 clearfix">
<div class="crumb">当前位置：{crumb}</div>
<div class="left-menu fl"><div class="lm-t">县人社局</div><ul>{menu}</ul></div>
<div class="right-con fr">
<table class="xxgk-meta" width="100%" cellpadding="0" cellspacing="0">
<tr><th>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</th><td>11431127MB1234567X/2020-03987</td><th>分　　类：</th><td>人事 ; 通知</td></tr>
<tr><th>发布机构：</th><td>{DEPARTMENT}</td><th>成文日期：</th><td>2020-11-05</td></tr>
<tr><th>名　　称：</th><td>{title}</td><th>发布日期：</th><td>2020-11-05</td></tr>
<tr><th>文　　号：</th><td></td><th>有 效 性：</th><td>有效</td></tr>
</table>
<div class="art-title"><h2>{title}</h2></div>
<div class="art-info">发布时间：2020-11-05 09:30　信息来源：{DEPARTMENT}　浏览次数：<span id="ReadCount">{noise.counter}</span>　<a href="javascript:window.print()">【打印】</a></div>
<div class="art-con" id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{content}
<!--<meta name="ContentEnd">--><!--ZJEG_RSS.content.end-->
</div>
<div class="art-files"><span>附件：</span><ul>{files}</ul></div>
<div class="art-share">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a><span class="art-qr"><img src="/images/2023/img/qrcode.png"></span></div>
<div class="art-related"><div class="rel-t">相关信息</div><ul>{rec}</ul></div>
</div></div>
<div class="footer"><div class="w1200">
<div class="f-link"><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/sybz/">使用帮助</a> | <a href="/yssm/">隐私声明</a></div>
<p>主办单位：青溪县人民政府办公室　承办：青溪县政务服务和大数据中心</p>
<p>网站标识码：4305270001　<a href="https://beian.miit.gov.cn/">湘ICP备05004321号</a>　<a href="http://www.beian.gov.cn/">湘公网安备 43052702000001号</a></p>
<p><script id="_jiucuo_" sitecode="4305270001" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></p>
</div></div>
<script>$(function(){{$.get('/interface/count?id=3987&r='+Math.random(),function(d){{$('#ReadCount').text(d);}});}});</script>
</body>
</html>
"""


# Responses that are not the page ----------------------------------------------------------

# 加速乐-style: a cookie computed by a script, then a reload; nothing else in the page.
JSL_CHALLENGE = (
    "<script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')"
    "+('a')+('n')+('c')+('e')+('_')+('s')+'='+(+new Date()/1000|0)+'.817|0|'+'ZqU%2FnRk'+'tY8'"
    "+';max-age=3600;path=/';location.href=location.pathname+location.search</script>"
)

# 安全狗-style block page: the WAF says the request was intercepted.
WAF_BLOCK = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>网站防火墙</title><style>body{font-family:"微软雅黑";background:#fff}.wrap{width:700px;margin:80px auto}</style></head>
<body><div class="wrap"><div class="logo"><img src="/waf_static/logo.png" alt=""></div>
<h3>您的请求带有不合法参数，已被网站管理员设置拦截！</h3>
<p>可能原因：您提交的内容包含危险的攻击请求</p>
<p>如何解决：</p><ol><li>检查提交内容；</li><li>如网站托管，请联系空间提供商；</li><li>普通网站访客，请联系网站管理员；</li></ol>
<p class="ip">您的IP：10.12.3.45　URL：/show.aspx　时间：2023-04-02 09:31:07</p></div></body></html>
"""

# A slider check (滑块) that a script builds; a sentence and a request id.
SLIDER_CHECK = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>安全验证</title><link rel="stylesheet" href="/_waf/nc.css"></head>
<body><div id="nc-wrap"><p class="nc-tip">为了您的正常访问，请先完成安全验证</p>
<div id="nc"></div><p class="nc-hint">请按住滑块，拖动到最右边</p>
<p class="nc-id">traceid: 0bb3a4d216812345678901234e</p></div>
<script src="/_waf/nc.js"></script><script>NC.init({renderTo:"#nc",appkey:"FFFF0N0N000000009B3A",scene:"nc_other",success:function(d){location.reload()}});</script>
</body></html>
"""

TOO_FREQUENT = """<html><head><meta charset="utf-8"><title>访问受限</title></head>
<body style="text-align:center;padding-top:100px"><h2>访问过于频繁，请稍后再试</h2>
<p>您在短时间内访问次数过多，系统已暂时限制访问。请10分钟后刷新页面。</p></body></html>
"""

NGINX_502 = """<html>
<head><title>502 Bad Gateway</title></head>
<body bgcolor="white">
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.16.1</center>
</body>
</html>
"""

NGINX_504 = """<html>
<head><title>504 Gateway Time-out</title></head>
<body>
<center><h1>504 Gateway Time-out</h1></center>
<hr><center>openresty</center>
</body>
</html>
"""

MAINTENANCE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>青溪县人力资源和社会保障网</title>
<style>.m{width:640px;margin:120px auto;text-align:center;color:#555}</style></head>
<body><div class="m"><img src="/images/wh.png" alt="系统维护"><h2>系统维护中</h2>
<p>为了给您提供更好的服务，网站正在进行系统维护，预计今日18:00前恢复访问。</p>
<p>给您带来不便，敬请谅解。</p></div></body></html>
"""

# ~200 bytes: a meta refresh and a script to the home page.
REFRESH_STUB = (
    '<html><head><meta http-equiv="refresh" content="0;url=/index.aspx"></head><body>'
    '<script>window.location.replace("/index.aspx");</script>页面跳转中...</body></html>'
)

NOT_FOUND_2023 = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head>
<body><div class="err"><img src="/images/2023/img/404.png" alt=""><p>很抱歉，您要访问的页面不存在！</p>
<p><span id="sec">5</span>秒后自动返回首页</p></div></body></html>
"""
