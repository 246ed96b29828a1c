"""A watched 政务公开 policy page, written blind: a 市政府办公室's 规范性文件 (a 通知 that issues
若干措施, with its 附件 list) over 25 daily captures in May and June 2023 — a GB2312 TRS page
with the 信息公开 metadata table, then an overnight move to a 集约化 platform (UTF-8, div layout,
attachment links carrying a date-only ``?v=`` the platform stamps on every render) — with noise
on every fetch (the header's date, view counters, the footer's page-generation stamp and visitor
count, a rotating 热点 box, a reordered 相关文件 box), a file added to the 附件 list, one
sentence corrected, an attachment replaced by its revision, a real removal (404 past the
window) and its restoration, and the faults such sites answer with: an empty 200, a 瑞数 412, a
知道创宇 block page, a page cut mid-text, the site's 系统维护 and soft-404 pages in its own
chrome, an unrendered template, a 加速乐 521, nginx's 502 and a 503 maintenance notice."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))
URL = "http://www.lanxi.gov.cn/zwgk/gfxwj/202305/t20230512_4821937.html"
TITLE = "澜溪市人民政府办公室关于印发《澜溪市促进民营经济高质量发展若干措施》的通知"
DOC_NO = "澜政办发〔2023〕12号"

PREAMBLE = (
    "各县（市、区）人民政府，市政府直属各单位：",
    "《澜溪市促进民营经济高质量发展若干措施》已经市政府第二十七次常务会议审议通过，现印发给你们，"
    "请结合实际，认真贯彻落实。",
)

MEASURES = [
    (
        "一、持续优化营商环境",
        [
            "（一）深化“一件事”集成改革。推动企业开办、变更、注销等高频事项“一网通办”，企业开办"
            "全流程压缩至1个工作日以内，2023年底前实现涉企事项“一次不用跑”比例达到90%以上。",
            "（二）推行涉企柔性执法。全面落实轻微违法行为不予行政处罚和首违不罚清单制度，"
            "对初次违法且危害后果轻微并及时改正的民营企业，依法不予行政处罚。",
            "（三）健全政企沟通机制。建立市领导联系重点民营企业制度，每季度召开一次民营企业"
            "座谈会，企业反映的问题实行清单化管理、闭环式办理，办结率达到95%以上。",
        ],
    ),
    (
        "二、加大财政金融支持",
        [
            "（四）设立民营经济发展专项资金。市财政每年安排不少于2亿元，重点支持民营企业技术"
            "改造、数字化转型和“专精特新”培育，资金使用情况每年向社会公开。",
            "（五）扩大普惠金融覆盖面。鼓励银行业金融机构单列民营企业信贷计划，2023年民营企业"
            "贷款增速不低于各项贷款平均增速，小微企业综合融资成本较上年下降0.2个百分点。",
            "（六）完善政府性融资担保体系。市融资担保集团对单户担保金额1000万元以下的小微企业"
            "担保费率降至0.8%以下，对首次获得担保的企业给予担保费全额补助。",
            "（七）支持企业上市挂牌。对在境内外主板、科创板、创业板、北交所上市的民营企业，"
            "分阶段给予最高800万元奖励；对在区域性股权市场挂牌的企业给予20万元奖励。",
        ],
    ),
    (
        "三、支持企业创新发展",
        [
            "（八）鼓励研发投入。对年度研发费用超过500万元且同比增长20%以上的民营企业，"
            "按增量部分的10%给予补助，单家企业每年最高补助300万元。",
            "（九）培育创新主体。对新认定的国家级、省级专精特新“小巨人”企业分别给予100万元、"
            "30万元奖励；对新认定的国家高新技术企业给予20万元奖励。",
            "（十）促进科技成果转化。民营企业购买高校、科研院所科技成果并在本市实施转化的，"
            "按技术合同实际成交额的20%给予补助，最高200万元。",
            "（十一）加快数字化改造。对实施智能工厂、数字化车间建设的民营企业，按设备和软件"
            "投资额的15%给予补助，单个项目最高500万元。",
        ],
    ),
    (
        "四、保障要素供给",
        [
            "（十二）保障用地需求。每年安排不少于30%的新增工业用地用于民营企业项目，"
            "推行“标准地”出让和弹性年期供地，工业项目用地实行“拿地即开工”。",
            "（十三）降低用能成本。落实国家和省电价政策，对符合条件的民营企业实行峰谷分时电价，"
            "推进工业园区分布式光伏建设，园区企业用电成本较上年下降3%以上。",
            "（十四）强化人才支撑。民营企业引进的高层次人才享受与国有企事业单位同等的住房、"
            "子女入学、医疗保障等待遇，对企业新引进的全日制博士给予每人30万元安家补助。",
            "（十五）加强用工保障。建立重点企业用工服务专员制度，开展“春风行动”等专项招聘，"
            "对吸纳就业困难人员的民营企业按规定给予社会保险补贴。",
        ],
    ),
    (
        "五、依法保护合法权益",
        [
            "（十六）防范化解拖欠账款。机关、事业单位和大型企业不得违约拖欠民营企业账款，"
            "建立拖欠账款问题投诉处理和约束惩戒机制，投诉受理后10个工作日内办结。",
            "（十七）保护企业家人身和财产安全。严格区分经济纠纷与经济犯罪的界限，依法慎用"
            "查封、扣押、冻结等强制措施，最大限度减少对涉案民营企业正常生产经营的影响。",
            "（十八）强化知识产权保护。建设市知识产权保护中心，开通专利快速预审通道，"
            "发明专利授权周期压缩至6个月以内，对侵权行为实行快速维权。",
        ],
    ),
    (
        "六、强化组织保障",
        [
            "（十九）加强统筹协调。市促进民营经济发展工作领导小组负责统筹推进各项措施落实，"
            "领导小组办公室设在市发展改革委，各县（市、区）建立相应工作机制。",
            "（二十）强化督查考核。将措施落实情况纳入对各县（市、区）和市级部门的年度综合考核，"
            "对工作成效明显的予以通报表扬，对落实不力的予以通报批评。",
        ],
    ),
]

CLOSING_2023_06 = "本措施自2023年6月1日起施行，有效期至2025年12月31日。"
CLOSING_2023_07 = "本措施自2023年7月1日起施行，有效期至2025年12月31日。"


@dataclass(frozen=True)
class Attachment:
    name: str
    file: str  # the TRS file name, under the page's folder


ATTACHMENTS = [
    Attachment("澜溪市促进民营经济高质量发展若干措施.docx", "P020230512598371246810.docx"),
    Attachment("澜溪市民营经济发展专项资金申报表.xlsx", "P020230512598372013577.xlsx"),
]
ADDED = Attachment("澜溪市促进民营经济高质量发展若干措施政策问答.pdf", "P020230517402881937465.pdf")
REVISED = Attachment(
    "澜溪市民营经济发展专项资金申报表（修订版）.xlsx", "P020230602310458826193.xlsx"
)

HOT = [
    "澜溪市2023年一季度国民经济运行情况",
    "关于公布2023年度市级重点建设项目计划的通知",
    "澜溪市优化营商环境“十大行动”新闻发布会",
    "市政府召开第二十七次常务会议",
    "2023年澜溪市民生实事项目进展情况公示",
    "关于开展2023年度安全生产大检查的通知",
    "澜溪市人民政府关于公布第二批行政规范性文件清理结果的决定",
    "全市一季度项目集中开工活动举行",
    "澜溪市2023年政府信息公开工作要点",
    "关于做好2023年高温天气劳动保护工作的通知",
]
RELATED = [
    ("《澜溪市促进民营经济高质量发展若干措施》政策解读", "t20230512_4821940.html"),
    ("图解：一图读懂澜溪市促进民营经济高质量发展若干措施", "t20230513_4822311.html"),
    ("澜溪市人民政府关于进一步减轻企业负担的若干意见", "t20221108_4601223.html"),
    ("澜溪市人民政府办公室关于支持小微企业发展的实施意见", "t20220316_4411082.html"),
    ("澜溪市人民政府关于加快推进制造业数字化转型的实施意见", "t20221221_4650918.html"),
]
NAV = [
    ("首页", "/"),
    ("政务公开", "/zwgk/"),
    ("政务服务", "http://zwfw.lanxi.gov.cn/"),
    ("互动交流", "/hdjl/"),
    ("走进澜溪", "/zjlx/"),
    ("新闻中心", "/xwzx/"),
    ("专题专栏", "/ztzl/"),
    ("数据开放", "/sjkf/"),
]
XXGK_COLUMNS = [
    "政府信息公开指南",
    "政府信息公开制度",
    "法定主动公开内容",
    "机构职能",
    "政策文件",
    "规范性文件",
    "政策解读",
    "规划信息",
    "财政资金",
    "重大建设项目",
    "公共资源配置",
    "社会公益事业",
    "政府信息公开年报",
    "依申请公开",
]


@dataclass
class Noise:
    """What changes on every fetch whatever the page says."""

    seed: int
    views: int = 0
    visitors: int = 0
    rnd: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rnd = random.Random(self.seed)
        self.views = 300 + self.seed * 137
        self.visitors = 18_422_310 + self.seed * 5_311

    def hot(self) -> list[str]:
        picked = self.rnd.sample(HOT, 6)
        return picked

    def related(self) -> list[tuple[str, str]]:
        rows = list(RELATED)
        self.rnd.shuffle(rows)
        return rows


WEEKDAYS = "一二三四五六日"


def _today(moment: datetime) -> str:
    return f"今天是：{moment.year}年{moment.month}月{moment.day}日 星期{WEEKDAYS[moment.weekday()]}"


def _paragraphs(closing: str) -> list[str]:
    lines = list(PREAMBLE)
    lines.append("澜溪市人民政府办公室")
    lines.append("2023年5月10日")
    lines.append("（此件公开发布）")
    lines.append("澜溪市促进民营经济高质量发展若干措施")
    lines.append(
        "为深入贯彻落实党中央、国务院和省委、省政府关于促进民营经济发展壮大的决策部署，"
        "进一步激发民营经济发展活力，推动全市民营经济高质量发展，结合我市实际，制定本措施。"
    )
    for head, items in MEASURES:
        lines.append(head)
        lines.extend(items)
    lines.append(
        "本措施由市发展改革委会同市经信局、市财政局负责解释。各县（市、区）可参照本措施制定"
        "具体实施办法。本措施与上级政策不一致的，按照“就高不重复”原则执行。"
    )
    lines.append(closing)
    return lines


@dataclass(frozen=True)
class Content:
    """What the page says: the archivist's facts, the same in both templates."""

    closing: str = CLOSING_2023_06
    attachments: tuple[Attachment, ...] = tuple(ATTACHMENTS)

    def paragraphs(self) -> list[str]:
        return _paragraphs(self.closing)


FIRST = Content()
WITH_QA = Content(attachments=(*ATTACHMENTS, ADDED))
CORRECTED = Content(closing=CLOSING_2023_07, attachments=(*ATTACHMENTS, ADDED))
REVISED_FORM = Content(closing=CLOSING_2023_07, attachments=(ATTACHMENTS[0], REVISED, ADDED))


STYLE_A = """
body{margin:0;font:12px/1.8 "宋体",SimSun,Arial;color:#333;background:#f2f2f2}
a{color:#333;text-decoration:none}a:hover{color:#c00}
.top{height:30px;background:#eee;border-bottom:1px solid #ddd}
.top .w{width:1000px;margin:0 auto}.top .fl{float:left}.top .fr{float:right}
.head{height:130px;background:url(/images/2019/head_bg.jpg) no-repeat center}
.logo{float:left;margin-top:28px}.search{float:right;margin-top:50px}
.nav{height:42px;background:#b40000}.nav li{float:left;width:125px;text-align:center}
.nav a{color:#fff;font-size:16px;font-family:"微软雅黑";line-height:42px}
.main{width:1000px;margin:0 auto;background:#fff;padding:15px 0}
.CurrChnlCls{padding:8px 20px;border-bottom:1px dotted #ccc}
.xxgk_table{width:940px;margin:15px auto;border-collapse:collapse}
.xxgk_table td{border:1px solid #d8d8d8;padding:5px 10px;font-size:12px}
.xxgk_table .t{background:#f5f5f5;width:90px;text-align:right;font-weight:bold}
.title{font:bold 22px/1.6 "微软雅黑";color:#b40000;text-align:center;padding:15px 40px 5px}
.info{text-align:center;color:#888;border-bottom:1px solid #eee;padding-bottom:8px}
.TRS_Editor{font-size:16px;line-height:2;padding:10px 50px}
.TRS_Editor p{text-indent:2em;margin:0 0 10px}
.fj{padding:10px 50px;font-size:14px}.fj a{color:#0033cc}
.tools{text-align:right;padding:10px 50px}.qr{float:left}
.box{width:470px;float:left;margin:10px 15px;border:1px solid #e3e3e3}
.box h3{height:32px;line-height:32px;background:#f7f7f7;padding-left:10px;font-size:14px}
.box li{line-height:28px;padding-left:12px;background:url(/images/dot.gif) no-repeat 2px center}
.foot{background:#b40000;color:#fff;text-align:center;padding:15px 0;line-height:2}
.foot a{color:#fff}.yqlj select{width:180px;margin:0 5px}
""".strip()

STYLE_B = """
:root{--brand:#1764c0;--text:#222;--muted:#8a8f99}
*{box-sizing:border-box}body{margin:0;font-family:"PingFang SC","Microsoft YaHei",sans-serif;color:var(--text)}
.gov-topbar{background:#f5f7fa;font-size:13px;color:var(--muted)}
.gov-topbar .container{display:flex;justify-content:space-between;height:36px;align-items:center}
.container{max-width:1200px;margin:0 auto;padding:0 16px}
.gov-header{background:linear-gradient(90deg,#0d4fa3,#1a73d9);color:#fff;padding:24px 0}
.gov-header .site-name{font-size:30px;font-weight:600;letter-spacing:2px}
.gov-nav ul{display:flex;list-style:none;margin:0;padding:0}
.gov-nav li a{display:block;padding:14px 26px;color:#fff;font-size:17px}
.gov-crumb{padding:14px 0;font-size:14px;color:var(--muted)}
.gov-crumb a{color:var(--muted)}
.xxgk-meta{display:grid;grid-template-columns:repeat(2,1fr);border:1px solid #e3e8ef;background:#fafcff}
.xxgk-meta .item{display:flex;padding:8px 14px;border-bottom:1px dashed #e3e8ef}
.xxgk-meta .label{width:96px;color:var(--muted)}
.article h1{font-size:26px;line-height:1.5;text-align:center;margin:28px 40px 12px}
.article .meta{display:flex;gap:24px;justify-content:center;color:var(--muted);font-size:14px}
.article-content{font-size:17px;line-height:2;padding:24px 48px}
.article-content p{text-indent:2em;margin:0 0 12px}
.fujian{margin:0 48px;padding:16px 20px;background:#f7f9fc;border-left:4px solid var(--brand)}
.fujian li{list-style:none;line-height:2}
.fujian .ext{display:inline-block;width:36px;font-size:12px;color:#fff;background:#5b8bd6;text-align:center;margin-right:6px}
.share{display:flex;gap:12px;justify-content:flex-end;padding:12px 48px;color:var(--muted)}
.side-hot li{line-height:2.2;border-bottom:1px dashed #eee}
.gov-footer{background:#20262e;color:#b8c0cc;font-size:13px;padding:28px 0;line-height:2}
.gov-footer a{color:#b8c0cc}.gov-footer .badges img{height:48px;margin-right:12px}
.cookie-tip{position:fixed;bottom:0;left:0;right:0;background:rgba(0,0,0,.8);color:#fff;padding:10px}
""".strip()


SUBNAV = {
    "政务公开": [
        "领导信息",
        "机构职能",
        "政策文件",
        "规范性文件",
        "政策解读",
        "人事信息",
        "规划计划",
        "财政信息",
        "统计信息",
        "建议提案办理",
    ],
    "政务服务": ["个人办事", "法人办事", "部门服务", "主题服务", "便民服务", "办件查询", "好差评"],
    "互动交流": ["市长信箱", "咨询投诉", "在线访谈", "征集调查", "12345热线", "常见问题"],
    "走进澜溪": [
        "澜溪概况",
        "历史沿革",
        "行政区划",
        "人口民族",
        "自然资源",
        "旅游景点",
        "名优特产",
    ],
    "新闻中心": [
        "澜溪要闻",
        "部门动态",
        "乡镇动态",
        "媒体聚焦",
        "图片新闻",
        "视频新闻",
        "公告公示",
    ],
}


def _subnav() -> str:
    return "".join(
        f'<div class="subnav" data-for="{group}"><ul>'
        + "".join(
            f'<li><a href="/lm{g}/{i}/" title="{n}">{n}</a></li>' for i, n in enumerate(names)
        )
        + "</ul></div>"
        for g, (group, names) in enumerate(SUBNAV.items())
    )


def _nav_a() -> str:
    return (
        "".join(f'<li><a href="{href}" target="_blank">{name}</a></li>' for name, href in NAV)
        + "</ul>"
        + _subnav()
        + "<ul>"
    )


def _xxgk_tree_a() -> str:
    return "\n".join(
        f'<li><a href="/zwgk/{i:02d}/" title="{name}">{name}</a></li>'
        for i, name in enumerate(XXGK_COLUMNS, 1)
    )


def _friend_links() -> str:
    groups = {
        "国家部委网站": ["中国政府网", "国家发展改革委", "工业和信息化部", "财政部", "商务部"],
        "省级网站": ["浙江省人民政府", "浙江政务服务网", "浙江省发展改革委", "浙江省经信厅"],
        "市级部门网站": ["市发展改革委", "市经信局", "市财政局", "市市场监管局", "市人力社保局"],
    }
    out = []
    for group, names in groups.items():
        options = "".join(
            f'<option value="http://{i}.example.gov.cn/">{n}</option>' for i, n in enumerate(names)
        )
        out.append(
            f'<select onchange="window.open(this.value)"><option>{group}</option>{options}</select>'
        )
    return "".join(out)


def _attachments_a(content: Content) -> str:
    links = "".join(
        f'<p><a href="./{a.file}" OLDSRC="/protect/{a.file}" target="_blank">附件{i}：{a.name}</a></p>'
        for i, a in enumerate(content.attachments, 1)
    )
    return f'<div class="fj"><span>附件：</span>{links}</div>'


def _body_a(content: Content) -> str:
    paras = content.paragraphs()
    html = []
    for line in paras:
        if line.startswith(("一、", "二、", "三、", "四、", "五、", "六、")):
            html.append(
                f'<p style="text-indent:2em"><strong><span style="font-family:黑体">{line}</span></strong></p>'
            )
        elif line in ("澜溪市人民政府办公室", "2023年5月10日"):
            html.append(f'<p style="text-align:right">{line}</p>')
        elif line == "澜溪市促进民营经济高质量发展若干措施":
            html.append(
                f'<p style="text-align:center"><strong><span style="font-size:18px">{line}</span></strong></p>'
            )
        else:
            html.append(
                f'<p><span style="font-family:仿宋_GB2312;font-size:16px">{line}</span></p>'
            )
    return "\n".join(html)


def _labelled_attachments(content: Content, label: str, prefix: str) -> str:
    """An attachment box whose label stands on the first file's line, outside its link
    (``附件：<a>….docx</a>``), the files' links holding their names alone."""
    lines = [
        f'<p>{label if i == 0 else "　　　"}<a href="{prefix}{a.file}" target="_blank">{a.name}</a></p>'
        for i, a in enumerate(content.attachments)
    ]
    return f'<div class="fj">{"".join(lines)}</div>'


def template_a(content: Content, noise: Noise, moment: datetime, label: str = "") -> bytes:
    """The TRS page of 2019–May 2023, served as GB2312 (``label``: the attachment box's label
    on the first file's line instead of a line of its own)."""
    hot = "".join(
        f'<li><a href="/xwzx/{i}.html" target="_blank" title="{t}">{t}</a></li>'
        for i, t in enumerate(noise.hot())
    )
    related = "".join(
        f'<li><a href="../{href.split("_")[0][1:7]}/{href}" target="_blank">{t}</a></li>'
        for t, href in noise.related()
    )
    generated = (moment + timedelta(minutes=noise.rnd.randint(1, 50))).strftime("%Y-%m-%d %H:%M:%S")
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>{TITLE}_规范性文件_澜溪市人民政府</title>
<meta name="SiteName" content="澜溪市人民政府" />
<meta name="SiteDomain" content="www.lanxi.gov.cn" />
<meta name="SiteIDCode" content="3307810001" />
<meta name="ColumnName" content="规范性文件" />
<meta name="ColumnType" content="政府信息公开" />
<meta name="ArticleTitle" content="{TITLE}" />
<meta name="PubDate" content="2023-05-12 16:30" />
<meta name="ContentSource" content="市政府办公室" />
<meta name="Keywords" content="民营经济,若干措施,规范性文件" />
<meta name="Description" content="{TITLE}" />
<meta name="Url" content="{URL}" />
<style type="text/css">{STYLE_A}</style>
<script type="text/javascript" src="/js/jquery-1.8.3.min.js"></script>
<script type="text/javascript" src="/js/common.js"></script>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() {{ var hm = document.createElement("script"); hm.src = "https://hm.baidu.com/hm.js?3f1a9e0b27c4d6e58a7b2c19d04e6f81";
var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); }})();
function doZoom(size){{ document.getElementById('zoom').style.fontSize = size + 'px'; }}
</script>
</head>
<body>
<div class="top"><div class="w"><span class="fl">{_today(moment)}</span>
<span class="fr"><a href="javascript:void(0)" onclick="SetHome(this,'http://www.lanxi.gov.cn')">设为首页</a> | <a href="javascript:void(0)" onclick="AddFavorite()">加入收藏</a> | <a href="/wza/">无障碍</a> | <a href="http://m.lanxi.gov.cn/">手机版</a> | <a href="/fanti/">繁體</a></span></div></div>
<div class="head"><div class="w"><div class="logo"><a href="/"><img src="/images/2019/logo.png" alt="澜溪市人民政府" /></a></div>
<div class="search"><form action="/jsearch/search.do" method="get" target="_blank"><input type="text" name="q" value="请输入关键字" onfocus="this.value=''" /><input type="hidden" name="webid" value="1" /><input type="submit" value="搜索" /></form></div></div></div>
<div class="nav"><ul>{_nav_a()}</ul></div>
<div class="main">
<div class="CurrChnlCls">当前位置：<a href="/" class="CurrChnlCls">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/" class="CurrChnlCls">政务公开</a>&nbsp;&gt;&nbsp;<a href="/zwgk/fdzdgknr/" class="CurrChnlCls">法定主动公开内容</a>&nbsp;&gt;&nbsp;<a href="/zwgk/gfxwj/" class="CurrChnlCls">规范性文件</a></div>
<table class="xxgk_table" cellpadding="0" cellspacing="0">
<tr><td class="t">索 引 号：</td><td>11330781002567890X/2023-123456</td><td class="t">主题分类：</td><td>综合政务\\其他</td></tr>
<tr><td class="t">发布机构：</td><td>澜溪市人民政府办公室</td><td class="t">成文日期：</td><td>2023-05-10</td></tr>
<tr><td class="t">文　　号：</td><td>{DOC_NO}</td><td class="t">发布日期：</td><td>2023-05-12</td></tr>
<tr><td class="t">有 效 性：</td><td>有效</td><td class="t">统一编号：</td><td>ZJLC01-2023-0004</td></tr>
</table>
<div class="title">{TITLE}</div>
<div class="info">发布时间：2023-05-12 16:30&nbsp;&nbsp;&nbsp;来源：市政府办公室&nbsp;&nbsp;&nbsp;浏览次数：<span id="count">{noise.views}</span>&nbsp;&nbsp;&nbsp;【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
<div class="TRS_Editor" id="zoom">
<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{{margin-top:0;margin-bottom:0;line-height:2;font-family:仿宋_GB2312;font-size:16pt}}</style>
{_body_a(content)}
</div></div>
{_labelled_attachments(content, label, "./") if label else _attachments_a(content)}
<div class="tools"><div class="qr"><img src="/images/qrcode.png" width="80" alt="扫一扫在手机打开当前页" /><br />扫一扫在手机打开当前页</div>
<a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a> <a href="javascript:void(0)" onclick="jiucuo()">【我要纠错】</a></div>
<div style="clear:both"></div>
<div class="box"><h3>相关文件及解读</h3><ul>{related}</ul></div>
<div class="box"><h3>热点信息</h3><ul>{hot}</ul></div>
<div style="clear:both"></div>
<div class="box" style="width:940px"><h3>信息公开目录</h3><ul>{_xxgk_tree_a()}</ul></div>
<div style="clear:both"></div>
</div>
<div class="foot"><div class="yqlj">友情链接：{_friend_links()}</div>
<p><a href="/about/">关于我们</a> | <a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a> | <a href="/privacy/">隐私声明</a></p>
<p>主办：澜溪市人民政府办公室 承办：澜溪市大数据发展中心 地址：澜溪市府前路1号 邮编：321100</p>
<p>网站标识码：3307810001 <a href="https://beian.miit.gov.cn/">浙ICP备05012345号</a> <img src="/images/gongan.png" alt="" />浙公网安备 33078102000123号</p>
<p>版权所有：澜溪市人民政府 建议使用1024×768分辨率 IE8.0以上浏览器</p>
<p>您是本站第 <span>{noise.visitors}</span> 位访客 页面生成时间：{generated}</p>
<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/33/000/0000/60422011/CA330000000604220110002.js' type='text/javascript'%3E%3C/script%3E"));</script>
<span id="_span_jiucuo"><img onclick="Link('3307810001')" style="margin:0 auto;cursor:pointer" src="https://zfwzgl.www.gov.cn/exposure/images/jiucuo.png" /></span>
</div>
</body>
</html>
"""
    return page.encode("gb18030")


def _attachments_b(content: Content, moment: datetime) -> str:
    stamp = moment.strftime("%Y%m%d")
    items = []
    for i, a in enumerate(content.attachments, 1):
        ext = a.file.rsplit(".", 1)[1]
        items.append(
            f'<li><span class="ext">{ext.upper()}</span><a href="/zwgk/gfxwj/202305/{a.file}?v={stamp}" '
            f'download="{a.name}" target="_blank">附件{i}：{a.name}</a></li>'
        )
    return f'<div class="fujian"><h4>附件下载</h4><ul>{"".join(items)}</ul></div>'


def _body_b(content: Content) -> str:
    out = []
    for line in content.paragraphs():
        if line.startswith(("一、", "二、", "三、", "四、", "五、", "六、")):
            out.append(f"<p><strong>{line}</strong></p>")
        elif line in ("澜溪市人民政府办公室", "2023年5月10日"):
            out.append(f'<p style="text-align: right;">{line}</p>')
        elif line == "澜溪市促进民营经济高质量发展若干措施":
            out.append(f'<p style="text-align: center;"><strong>{line}</strong></p>')
        else:
            out.append(f"<p>{line}</p>")
    return "\n".join(out)


def template_b(
    content: Content, noise: Noise, moment: datetime, banner: str = "", label: str = ""
) -> bytes:
    """The 集约化 platform from 29 May 2023, UTF-8 (``label`` as in :func:`template_a`)."""
    hot = "".join(f'<li><a href="/xwzx/{i}.html">{t}</a></li>' for i, t in enumerate(noise.hot()))
    related = "".join(
        f'<li><a href="/zwgk/gfxwj/{href.split("_")[0][1:7]}/{href}">{t}</a></li>'
        for t, href in noise.related()
    )
    nav = (
        "".join(f'<li><a href="{href}">{name}</a></li>' for name, href in NAV)
        + "</ul>"
        + _subnav()
        + "<ul>"
    )
    tree = "".join(
        f'<li class="tree-item"><a href="/col/col{1229000 + i}/index.html">{name}</a></li>'
        for i, name in enumerate(XXGK_COLUMNS, 1)
    )
    banner_html = (
        f'<div class="site-notice" role="alert"><div class="container">{banner}</div></div>'
        if banner
        else ""
    )
    token = f"{noise.rnd.getrandbits(128):032x}"
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="{token}">
<title>{TITLE}-澜溪市人民政府门户网站</title>
<meta name="SiteName" content="澜溪市人民政府门户网站">
<meta name="SiteDomain" content="www.lanxi.gov.cn">
<meta name="SiteIDCode" content="3307810001">
<meta name="ColumnName" content="规范性文件">
<meta name="ArticleTitle" content="{TITLE}">
<meta name="PubDate" content="2023-05-12 16:30">
<meta name="ContentSource" content="市政府办公室">
<link rel="stylesheet" href="/static/jyh/css/common.css?v=3.2.7">
<style>{STYLE_B}</style>
<script src="/static/jyh/js/vendor.js?v=3.2.7" defer></script>
<script>window.__PAGE__={{"siteId":"1","columnId":"1229005","articleId":"4821937","ts":"{int(moment.timestamp() * 1000)}"}};</script>
</head>
<body>
{banner_html}
<div class="gov-topbar"><div class="container"><span>{_today(moment)}</span>
<span><a href="/wza/">无障碍浏览</a> · <a href="/oldage/">长者模式</a> · <a href="http://m.lanxi.gov.cn/">移动版</a> · <a href="/en/">English</a> · <a href="/login/">登录</a></span></div></div>
<header class="gov-header"><div class="container"><a class="site-name" href="/"><img src="/static/jyh/img/guohui.png" alt="" width="48">澜溪市人民政府门户网站</a>
<form class="gov-search" action="/search/" method="get"><input name="q" placeholder="搜索本站内容"><button type="submit">搜索</button></form></div>
<nav class="gov-nav"><div class="container"><ul>{nav}</ul></div></nav></header>
<main class="container">
<div class="gov-crumb"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/col/col1229003/index.html">法定主动公开内容</a> &gt; <span>规范性文件</span></div>
<div class="layout" style="display:flex;gap:24px">
<aside class="xxgk-tree" style="width:240px"><h3>信息公开目录</h3><ul>{tree}</ul></aside>
<div class="article" style="flex:1">
<div class="xxgk-meta">
<div class="item"><span class="label">索引号</span><span class="value">11330781002567890X/2023-123456</span></div>
<div class="item"><span class="label">主题分类</span><span class="value">综合政务/其他</span></div>
<div class="item"><span class="label">发布机构</span><span class="value">澜溪市人民政府办公室</span></div>
<div class="item"><span class="label">成文日期</span><span class="value">2023-05-10</span></div>
<div class="item"><span class="label">文号</span><span class="value">{DOC_NO}</span></div>
<div class="item"><span class="label">发布日期</span><span class="value">2023-05-12</span></div>
<div class="item"><span class="label">有效性</span><span class="value">有效</span></div>
<div class="item"><span class="label">统一编号</span><span class="value">ZJLC01-2023-0004</span></div>
</div>
<h1>{TITLE}</h1>
<div class="meta"><span>发布日期：2023-05-12 16:30</span><span>来源：市政府办公室</span><span>阅读量：<b class="js-views">{noise.views}</b></span>
<span class="font-size">字号：<a href="#" data-size="20">大</a><a href="#" data-size="17">中</a><a href="#" data-size="15">小</a></span></div>
<div class="article-content" id="zoom">
{_body_b(content)}
</div>
{_labelled_attachments(content, label, "/zwgk/gfxwj/202305/") if label else _attachments_b(content, moment)}
<div class="share">分享到：<a class="wechat" href="javascript:;">微信</a><a class="weibo" href="javascript:;">微博</a><a href="javascript:window.print()">打印</a><a href="javascript:window.close()">关闭</a></div>
<section class="related"><h3>相关解读</h3><ul>{related}</ul></section>
</div>
<aside class="side-hot" style="width:280px"><h3>热点关注</h3><ul>{hot}</ul></aside>
</div>
</main>
<footer class="gov-footer"><div class="container">
<p><a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a> | <a href="/privacy/">隐私政策</a> | <a href="/statement/">网站声明</a></p>
<p>主办单位：澜溪市人民政府办公室　承办单位：澜溪市大数据发展中心</p>
<p>网站标识码：3307810001　<a href="https://beian.miit.gov.cn/">浙ICP备05012345号-1</a>　浙公网安备 33078102000123号</p>
<p>版权所有 © 澜溪市人民政府　累计访问量：{noise.visitors}</p>
<div class="badges"><img src="/static/jyh/img/dzjg.png" alt="党政机关"><img src="/static/jyh/img/jiucuo.png" alt="政府网站找错"><img src="/static/jyh/img/ipv6.png" alt="IPv6"></div>
</div></footer>
<div class="cookie-tip" id="cookieTip">本网站使用必要的 Cookie 以保障基本功能和安全，继续浏览即表示您同意。<a href="/privacy/">了解详情</a> <button onclick="this.parentNode.remove()">我知道了</button></div>
<script>(function(){{var v=document.querySelector('.js-views');fetch('/api/views?id=4821937').then(function(r){{return r.json()}}).then(function(d){{v.textContent=d.count}})}})();</script>
</body>
</html>
"""
    return page.encode("utf-8")


# --- responses that are not the page ------------------------------------------------------

RUISHU_412 = (
    b'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    b'<meta id="9DhefwqGPrzGxEp9hPaoag" content="mG8Wq1T7nYp3Ks2VdCe5uLbZaRjF0oXiHgN4MwQt6yPkE.'
    b'JxSvBc9lD_rA8fU"><script type="text/javascript" r="m">$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};'
    b'$_ts.nsd=38219;$_ts.cd="qpcrrpAlDkGaWGaqmqq0rr9ErqqrDq9kqGWErrZlJGWarqAlqaqRrGqqDkAlqG9qqGGl";'
    b'</script><script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVIc/c.FxJzG50F.a3ad3f6.js" r="m"></script>'
    b"</head><body></body></html>"
)

KNOWNSEC_BLOCK = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>创宇盾 - 访问被拦截</title>
<style>body{font-family:"Microsoft YaHei";background:#f6f7fb}.box{width:640px;margin:120px auto;background:#fff;padding:40px;border-radius:8px}</style></head>
<body><div class="box"><img src="https://static.yunaq.com/static/images/logo.png" alt="创宇盾"><h2>您的访问请求可能对网站造成安全威胁，请求已被拦截</h2>
<p>拦截时间：2023-05-18 10:02:41　　您的IP：203.0.113.57</p><p>事件ID：8f6f2a31c7d94e0b9a1d</p>
<p>如您是网站管理员，请登录创宇盾控制台查看详情；如您是访客，请稍后再试或联系网站管理员。</p></div></body></html>""".encode()


def truncated(content: Content, noise: Noise, moment: datetime) -> bytes:
    """The TRS page cut inside the fourth group of measures (a connection dropped mid-body)."""
    whole = template_a(content, noise, moment)
    cut = whole.index("（十三）".encode("gb18030"))
    return whole[: cut + 40]


_ARTICLE_META = re.compile(
    r'<meta name="(?:ColumnName|ColumnType|ArticleTitle|PubDate|ContentSource|Keywords|Description|Url)"[^>]*>\n'
)


def _site_page(page: str, title: str) -> str:
    """The site's own page in its chrome: its head without the article's metadata."""
    page = _ARTICLE_META.sub("", page)
    return page.replace(
        f"<title>{TITLE}_规范性文件_澜溪市人民政府</title>", f"<title>{title}</title>"
    )


def maintenance_a(noise: Noise, moment: datetime) -> bytes:
    """The TRS site's own maintenance page, in its chrome."""
    page = template_a(FIRST, noise, moment).decode("gb18030")
    start = page.index('<div class="CurrChnlCls">')
    end = page.index('<div class="box"><h3>相关文件及解读</h3>')
    notice = (
        '<div class="CurrChnlCls">当前位置：<a href="/">首页</a></div>'
        '<div class="title">系统维护公告</div><div class="TRS_Editor" style="text-align:center">'
        "<p>尊敬的用户：为提升服务质量，本网站正在进行系统维护，维护期间部分页面暂时无法访问。</p>"
        "<p>维护时间：2023年5月22日8:00至18:00。给您带来的不便，敬请谅解！</p>"
        '<p><a href="/">返回首页</a></p></div>'
    )
    page = _site_page(page[:start] + notice + page[end:], "系统维护_澜溪市人民政府")
    return page.encode("gb18030")


def maintenance_in_article(noise: Noise, moment: datetime) -> bytes:
    """A night's upgrade notice served by the article's own template: its ``<title>`` and
    metadata still the article's, the 相关文件 and 热点 boxes around it, the text gone."""
    page = template_a(FIRST, noise, moment).decode("gb18030")
    start = page.index('<div class="title">')
    end = page.index('<div class="tools">')
    notice = (
        '<div class="title">系统维护公告</div><div class="TRS_Editor" style="text-align:center">'
        "<p>系统维护公告</p><p>因政府信息公开平台升级维护，本栏目信息暂停访问，"
        "预计于次日8:00前恢复。给您带来的不便，敬请谅解。</p></div>"
    )
    return (page[:start] + notice + page[end:]).encode("gb18030")


def soft_404_a(noise: Noise, moment: datetime) -> bytes:
    """The TRS site's "页面不存在" page, answered with a 200 in its chrome."""
    page = template_a(FIRST, noise, moment).decode("gb18030")
    start = page.index('<div class="CurrChnlCls">')
    end = page.index('<div class="box"><h3>相关文件及解读</h3>')
    notice = (
        '<div class="CurrChnlCls">当前位置：<a href="/">首页</a></div>'
        '<div class="title">抱歉，您访问的页面不存在或已被删除！</div><div class="TRS_Editor" style="text-align:center">'
        '<p>您可以：<a href="/">返回网站首页</a> 或 <a href="/jsearch/">使用站内搜索</a></p>'
        "<p>页面将在 5 秒后自动跳转到首页……</p></div>"
        '<script>setTimeout(function(){location.href="/"},5000);</script>'
    )
    page = _site_page(page[:start] + notice + page[end:], "404 页面不存在_澜溪市人民政府")
    return page.encode("gb18030")


def unrendered_a(noise: Noise, moment: datetime) -> bytes:
    """The TRS template published without its document: placeholders where the fields stand."""
    page = template_a(FIRST, noise, moment).decode("gb18030")
    start = page.index('<table class="xxgk_table"')
    end = page.index('<div class="tools">')
    shell = (
        '<table class="xxgk_table" cellpadding="0" cellspacing="0">'
        '<tr><td class="t">索 引 号：</td><td><TRS_DOCUMENT FIELD="IdxID"></TRS_DOCUMENT></td><td class="t">主题分类：</td><td>${doc.subjectName}</td></tr>'
        '<tr><td class="t">发布机构：</td><td>${doc.publisher}</td><td class="t">成文日期：</td><td>${doc.writeDate?string("yyyy-MM-dd")}</td></tr>'
        '<tr><td class="t">文　　号：</td><td>${doc.fileNum}</td><td class="t">发布日期：</td><td>${doc.pubDate?string("yyyy-MM-dd")}</td></tr>'
        "</table>"
        '<div class="title">${doc.title}</div>'
        '<div class="info">发布时间：${doc.pubDate}&nbsp;&nbsp;来源：${doc.source}&nbsp;&nbsp;浏览次数：<span id="count"></span></div>'
        '<div class="TRS_Editor" id="zoom">${doc.content}</div>'
        '<div class="fj"><#list doc.appendixes as fj><p><a href="${fj.url}">${fj.name}</a></p></#list></div>'
    )
    page = page[:start] + shell + page[end:]
    page = page.replace(
        f"<title>{TITLE}_规范性文件_澜溪市人民政府</title>",
        "<title>${doc.title}_规范性文件_澜溪市人民政府</title>",
    )
    return page.encode("gb18030")


JIASULE_521 = (
    b"<html><script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+('a')"
    b"+('n')+('c')+('e')+('_')+('s')+('=')+(-~[]+'')+(8+'')+(5+'')+(5+'')+'.'+(2+'')+(1+'')+(-~{}+'')+'|0|'"
    b"+'jVh%2BqL4'+'xW'+'...'+';max-age=3600;path=/';location.href=location.pathname+location.search</script></html>"
)

NGINX_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
    b"<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)

MAINTENANCE_503 = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>系统升级中</title>
<style>body{text-align:center;padding-top:120px;font-family:"Microsoft YaHei";color:#555}</style></head>
<body><img src="/static/jyh/img/upgrade.png" alt=""><h1>系统升级中</h1>
<p>澜溪市人民政府门户网站正在进行系统升级，预计于2023年6月5日12:00恢复访问。</p>
<p>政务服务请访问浙江政务服务网。</p></body></html>""".encode()

NOT_FOUND_B = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>404</title></head>
<body><div style="text-align:center;margin-top:100px"><h1>404</h1><p>您访问的页面不存在</p><a href="/">返回首页</a></div></body></html>""".encode()


# --- the 25 days: (moment, status, headers, body, the archivist's verdict) --------------------


@dataclass(frozen=True)
class Day:
    moment: datetime
    status: int
    headers: dict
    body: bytes
    verdict: str  # new, edited, unchanged, failed, removed, restored
    why: str


def days() -> list[Day]:
    def at(month: int, day: int, hour: int = 9, minute: int = 40) -> datetime:
        return datetime(2023, month, day, hour, minute, tzinfo=CST)

    a_html = {"Content-Type": "text/html", "Server": "TRS WCM"}
    b_html = {"Content-Type": "text/html; charset=utf-8", "Server": "nginx"}
    out: list[Day] = []

    def add(moment, status, headers, body, verdict, why):
        out.append(Day(moment, status, headers, body, verdict, why))

    m = at(5, 12, 17, 5)
    add(m, 200, a_html, template_a(FIRST, Noise(1), m), "new", "first sight")
    m = at(5, 13)
    add(m, 200, a_html, template_a(FIRST, Noise(2), m), "unchanged", "noise only")
    m = at(5, 14)
    add(m, 200, a_html, b"", "failed", "an empty 200")
    m = at(5, 15)
    add(m, 200, a_html, template_a(FIRST, Noise(4), m), "unchanged", "noise, boxes reordered")
    m = at(5, 16)
    add(m, 412, {"Content-Type": "text/html"}, RUISHU_412, "failed", "a 瑞数 challenge")
    m = at(5, 17, 18, 20)
    add(m, 200, a_html, template_a(WITH_QA, Noise(6), m), "edited", "附件3 added")
    m = at(5, 18)
    add(m, 200, {"Content-Type": "text/html"}, KNOWNSEC_BLOCK, "failed", "a 创宇盾 block page")
    m = at(5, 19)
    add(m, 200, a_html, truncated(WITH_QA, Noise(8), m), "failed", "cut mid-text")
    m = at(5, 20)
    add(m, 200, a_html, template_a(WITH_QA, Noise(9), m), "unchanged", "noise only")
    m = at(5, 22)
    add(m, 200, a_html, maintenance_a(Noise(10), m), "failed", "系统维护 in the site's chrome")
    m = at(5, 23)
    add(m, 200, a_html, template_a(CORRECTED, Noise(11), m), "edited", "施行 date corrected")
    m = at(5, 24)
    add(m, 200, a_html, soft_404_a(Noise(12), m), "failed", "a soft 404 in the site's chrome")
    m = at(5, 25)
    add(m, 200, a_html, template_a(CORRECTED, Noise(13), m), "unchanged", "back after the soft 404")
    m = at(5, 26)
    add(m, 200, a_html, unrendered_a(Noise(14), m), "failed", "an unrendered template")
    m = at(5, 29)
    add(m, 200, b_html, template_b(CORRECTED, Noise(15), m), "unchanged", "the 集约化 redesign")
    m = at(5, 30)
    add(m, 200, b_html, template_b(CORRECTED, Noise(16), m), "unchanged", "noise, a new ?v= stamp")
    m = at(5, 31)
    banner = "关于网站系统升级的公告：本网站将于2023年6月4日22:00至6月5日12:00进行系统升级，届时网站将暂停访问。"
    add(
        m,
        200,
        b_html,
        template_b(CORRECTED, Noise(17), m, banner),
        "unchanged",
        "a site-wide banner",
    )
    m = at(6, 1)
    add(m, 521, {"Content-Type": "text/html"}, JIASULE_521, "failed", "a 加速乐 challenge")
    m = at(6, 2, 16, 45)
    add(
        m,
        200,
        b_html,
        template_b(REVISED_FORM, Noise(19), m),
        "edited",
        "附件2 replaced by its revision",
    )
    m = at(6, 3)
    add(m, 502, {"Content-Type": "text/html"}, NGINX_502, "failed", "nginx 502")
    m = at(6, 5, 8, 30)
    add(
        m,
        503,
        {"Content-Type": "text/html; charset=utf-8", "Retry-After": "14400"},
        MAINTENANCE_503,
        "failed",
        "503 系统升级中",
    )
    m = at(6, 6)
    add(m, 200, b_html, template_b(REVISED_FORM, Noise(22), m), "unchanged", "noise only")
    m = at(6, 7)
    add(
        m,
        404,
        {"Content-Type": "text/html; charset=utf-8"},
        NOT_FOUND_B,
        "failed",
        "a 404, not yet confirmed",
    )
    m = at(6, 8)
    add(
        m,
        404,
        {"Content-Type": "text/html; charset=utf-8"},
        NOT_FOUND_B,
        "removed",
        "still 404 a day later",
    )
    m = at(6, 9)
    add(m, 200, b_html, template_b(REVISED_FORM, Noise(25), m), "restored", "back")
    return out
