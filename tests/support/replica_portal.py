"""A second replica site, the 澜江市 portal: three columns in the full chrome of a municipal
portal, changed over six crawls, with the events each crawl must record written beside it.

The portal (TRS-style paths, ``.shtml``): 要闻动态 (``/xwzx/ywdt/``, eight rows a page, a
下一页/尾页 pager), 通知公告 (``/xxgk/tzgg/``, six rows a page, numbered pager) and 政策文件
(``/xxgk/zcwj/``, a table list: 序号, 标题, 文号, 日期), one notice listed in both 通知公告 and
政策文件, and a statistics page watched on its own (``pages``). Every page carries what real
portals carry around the content — a header with the site's name and search, a two-level
navigation, a breadcrumb, an info line with a view counter and font-size bar, share and print
bars, previous/next links, a related box, a ranking box, a footer with 主办/承办/网站标识码/备案
and a department select — and the volatile parts of it: the counter, a server-rendered date and
clock, a CSRF token and a cache-busting script version, the related box drawn anew, same-day list
rows in another order. None of that is a change.

:func:`scenario` is the scenario: each :class:`Crawl` says when it runs (Beijing time, the store's
clock moved as in ``history.py``), what the site looks like then, and the events it must record
(``kind``, release key, changed fields); :func:`stamped` is the same with a cache-buster on
every list link, :func:`withdrawals` releases withdrawn behind notices drawn in their own
template. ``tests/test_replica_portal.py`` serves each state
(``replay_server.py``) and crawls it with the real CLI at the crawl's moment
(``monitor_cli.py``).
"""

from __future__ import annotations

import copy
import hashlib
import html
import sys
import zlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

if __name__ == "__main__":  # run as a script: support/ is a package in tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.replay import Capture  # noqa: E402

SITE = "澜江市人民政府"
BEIJING = timezone(timedelta(hours=8))
COLUMNS = {
    "ywdt": ("/xwzx/ywdt/", "新闻中心", "要闻动态", 8),
    "tzgg": ("/xxgk/tzgg/", "政府信息公开", "通知公告", 6),
    "zcwj": ("/xxgk/zcwj/", "政府信息公开", "政策文件", 10),
}
NAV = {
    "首页": [],
    "新闻中心": ["要闻动态", "部门动态", "县区动态", "图片新闻", "视频新闻", "媒体聚焦"],
    "政府信息公开": [
        "信息公开指南",
        "信息公开制度",
        "法定主动公开内容",
        "通知公告",
        "政策文件",
        "政策解读",
        "人事信息",
        "财政资金",
        "重点领域",
        "信息公开年报",
    ],
    "政务服务": ["个人办事", "法人办事", "部门服务", "便民服务", "办件查询", "好差评"],
    "互动交流": ["市长信箱", "在线访谈", "征集调查", "常见问题", "12345热线"],
    "走进澜江": ["澜江概况", "历史文化", "旅游资源", "投资指南", "城市名片"],
    "专题专栏": ["优化营商环境", "乡村振兴", "安全生产", "生态环境保护", "法治政府建设"],
}
DEPARTMENTS = [
    "市发展和改革委员会",
    "市教育局",
    "市科学技术局",
    "市工业和信息化局",
    "市公安局",
    "市民政局",
    "市司法局",
    "市财政局",
    "市人力资源和社会保障局",
    "市自然资源和规划局",
    "市生态环境局",
    "市住房和城乡建设局",
    "市交通运输局",
    "市水利局",
    "市农业农村局",
    "市商务局",
    "市文化和旅游局",
    "市卫生健康委员会",
    "市退役军人事务局",
    "市应急管理局",
    "市审计局",
    "市市场监督管理局",
    "市统计局",
    "市医疗保障局",
    "市林业局",
    "市城市管理局",
    "市政务服务中心",
]
COUNTIES = ["澜城区", "东江区", "北岭区", "青石县", "白沙县", "临溪县", "望山县", "江口市"]
RANKING = [
    "澜江市2024年民生实事项目公布",
    "全市一季度经济运行情况新闻发布会召开",
    "澜江至青石高速公路建成通车",
    "市区部分道路施工期间交通管制的通告",
    "2024年澜江市中考招生政策解读",
    "澜江市公共租赁住房申请指南",
    "市中心医院新院区投入使用",
    "澜江市城乡居民医保参保缴费须知",
]


@dataclass
class Release:
    """One release of the portal as the next crawl finds it."""

    key: str  # the scenario's name for it (stable across retitles)
    columns: tuple[str, ...]
    number: int
    title: str
    when: str  # "YYYY-MM-DD HH:MM", Beijing time
    source: str
    paragraphs: list[str]
    state: str = "live"  # live | gone (404, row off the list) | moved (302 to its column's list)
    # | soft404 (200 with the site's "信息已删除" page, row off the list) | flapping (404, row kept)
    # | withdrawn (200, the article's own template around a notice, row off) | withdrawn-listed
    # | alerted (200, a script stub: alert("该信息已删除") and back to the list, row off)
    # | bare404 (200, a bare "页面不存在" page of the web server, row off)
    withdrawal: str = ""  # how a withdrawn article's template draws the notice: see _withdrawn

    @property
    def path(self) -> str:
        directory = COLUMNS[self.columns[0]][0]
        day = self.when[:10].replace("-", "")
        return f"{directory}{day[:6]}/t{day}_{self.number}.shtml"

    @property
    def listed(self) -> bool:
        return self.state in ("live", "flapping", "withdrawn-listed")


@dataclass
class Crawl:
    """One crawl of the scenario: when (Beijing time), the site's releases and watched figures,
    and the events it must record: ``(kind, key, changed fields)``."""

    at: str
    releases: list[Release]
    figures: dict[str, str] | None  # None: the watched page answers ``watch_fault`` instead
    watch_fault: str = ""  # empty | botcheck | template | maintenance
    expect: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)
    watch_failed: bool = False
    stamped: bool = False  # the lists stamp a cache-buster on their links (?t=<the clock>)

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.at).replace(tzinfo=BEIJING)


def _news(n: int, title: str, when: str, source: str, topic: str) -> Release:
    return Release(
        f"ywdt{n}",
        ("ywdt",),
        4512000 + n,
        title,
        when,
        source,
        [
            f"{when[5:7].lstrip('0')}月{when[8:10].lstrip('0')}日，{title.split('，')[0]}。"
            f"这是我市推进{topic}工作的又一重要举措。",
            f"会议指出，{topic}事关全市经济社会发展大局，各级各部门要提高政治站位，"
            f"压紧压实责任，确保各项任务按时保质完成。今年以来，全市累计投入资金"
            f"{3 + n % 7}.{n % 10}亿元，完成年度目标任务的{30 + n}%。",
            f"会议要求，要坚持问题导向，聚焦{topic}中的堵点难点，建立健全常态化工作机制，"
            "加强督促检查，及时研究解决工作推进中遇到的困难和问题，以实际成效取信于民。",
            "市直有关部门、各县（市、区）政府负责同志参加会议。",
        ],
    )


def _notice(
    n: int, title: str, when: str, source: str, columns=("tzgg",), number: int | None = None
) -> Release:
    month, day = int(when[5:7]), int(when[8:10])
    return Release(
        f"tzgg{n}",
        columns,
        number or 4523000 + n,
        title,
        when,
        source,
        [
            "各县（市、区）人民政府，市直各单位：",
            f"为做好{title.removeprefix('关于').removesuffix('的通知').removesuffix('的通告')}"
            "相关工作，根据上级有关要求，结合我市实际，现将有关事项通知如下：",
            f"一、时间安排。自2024年{month}月{day}日起至2024年{month + 1}月{day}日止，"
            f"共{20 + n}个工作日。",
            "二、工作要求。各单位要高度重视，明确专人负责，严格按照时间节点推进，"
            "确保工作落到实处，有关情况请于每月25日前报送牵头部门。",
            "三、联系方式。联系人：李工，电话：0739-8861234。",
            f"{source}",
            f"2024年{month}月{day}日",
        ],
    )


def _policy(n: int, title: str, when: str, docno: str) -> Release:
    return Release(
        f"zcwj{n}",
        ("zcwj",),
        4534000 + n,
        title,
        when,
        "澜江市人民政府办公室",
        [
            "各县（市、区）人民政府，市政府各部门、各直属机构：",
            f"《{title.removeprefix('澜江市人民政府办公室关于印发').removesuffix('的通知')}》"
            "已经市人民政府同意，现印发给你们，请认真贯彻执行。",
            f"本文件自印发之日起施行，有效期五年。文号：{docno}。",
            "澜江市人民政府办公室",
        ],
    )


def _baseline() -> list[Release]:
    news = [
        (1, "全市优化营商环境大会召开", "2024-04-08 18:20", "澜江日报", "优化营商环境"),
        (2, "我市召开一季度经济运行分析会", "2024-04-10 17:05", "市发展和改革委员会", "经济运行"),
        (3, "澜江市启动2024年春季植树造林行动", "2024-04-12 09:40", "市林业局", "国土绿化"),
        (4, "市政府常务会议研究部署安全生产工作", "2024-04-15 19:10", "澜江日报", "安全生产"),
        (5, "全市乡村振兴重点项目集中开工", "2024-04-17 16:30", "市农业农村局", "乡村振兴"),
        (6, "我市举行2024年重大项目观摩活动", "2024-04-19 18:00", "澜江日报", "项目建设"),
        (7, "澜江市开展防汛抗旱应急演练", "2024-04-22 15:45", "市应急管理局", "防汛抗旱"),
        (8, "全市教育工作会议召开", "2024-04-24 17:20", "市教育局", "教育强市"),
        (9, "市领导调研城市更新项目建设", "2024-04-25 16:10", "澜江日报", "城市更新"),
        (10, "澜江港一季度集装箱吞吐量同比增长12%", "2024-04-26 10:30", "市交通运输局", "港口物流"),
        (11, "全市生态环境保护大会召开", "2024-04-28 17:50", "市生态环境局", "生态环境保护"),
        (
            12,
            "我市举办2024年春季人才招聘会",
            "2024-04-29 11:00",
            "市人力资源和社会保障局",
            "稳就业",
        ),
        (13, "市政府与省农业科学院签署战略合作协议", "2024-04-30 16:40", "澜江日报", "科技兴农"),
        (14, "澜江市“五一”假期旅游市场平稳有序", "2024-05-05 20:15", "市文化和旅游局", "文旅融合"),
        (15, "全市食品安全工作会议召开", "2024-05-05 17:30", "市市场监督管理局", "食品安全"),
    ]
    notices = [
        (
            1,
            "关于开展2024年度安全生产大检查的通知",
            "2024-04-09 10:00",
            "澜江市安全生产委员会办公室",
        ),
        (
            2,
            "关于做好2024年城乡居民医保集中参保缴费工作的通知",
            "2024-04-11 15:00",
            "澜江市医疗保障局",
        ),
        (
            3,
            "关于市区部分道路施工期间交通管制的通告",
            "2024-04-16 09:30",
            "澜江市公安局交通警察支队",
        ),
        (
            4,
            "关于公布2024年市级重点建设项目名单的通知",
            "2024-04-23 16:00",
            "澜江市发展和改革委员会",
        ),
        (
            5,
            "关于开展2024年全国科技活动周澜江系列活动的通知",
            "2024-04-26 09:00",
            "澜江市科学技术局",
        ),
        (6, "关于做好2024年“五一”假期有关工作的通知", "2024-04-28 11:00", "澜江市人民政府办公室"),
        (7, "关于开展城镇燃气安全专项排查整治的通知", "2024-04-30 15:30", "澜江市住房和城乡建设局"),
        (8, "关于2024年中小学暑假放假时间安排的通知", "2024-05-05 10:00", "澜江市教育局"),
    ]
    policies = [
        (
            1,
            "澜江市人民政府办公室关于印发澜江市城市更新行动实施方案的通知",
            "2024-03-18 10:00",
            "澜政办发〔2024〕7号",
        ),
        (
            2,
            "澜江市人民政府办公室关于印发澜江市促进民营经济发展若干措施的通知",
            "2024-03-29 10:00",
            "澜政办发〔2024〕9号",
        ),
        (
            3,
            "澜江市人民政府办公室关于印发澜江市公共租赁住房管理办法的通知",
            "2024-04-07 10:00",
            "澜政办发〔2024〕11号",
        ),
        (
            4,
            "澜江市人民政府办公室关于印发澜江市生活垃圾分类管理实施细则的通知",
            "2024-04-18 10:00",
            "澜政办发〔2024〕12号",
        ),
        (
            5,
            "澜江市人民政府办公室关于印发澜江市养老服务体系建设规划的通知",
            "2024-04-25 10:00",
            "澜政办发〔2024〕14号",
        ),
    ]
    topics = {n: t for n, *_, t in news}
    return (
        [_news(n, title, when, source, topics[n]) for n, title, when, source, _ in news]
        + [_notice(n, title, when, source) for n, title, when, source in notices]
        # listed in 通知公告 and in 政策文件: one release, two columns
        + [
            _notice(
                9,
                "关于印发澜江市2024年稳就业若干措施的通知",
                "2024-05-05 16:00",
                "澜江市人民政府办公室",
                columns=("tzgg", "zcwj"),
            )
        ]
        + [_policy(n, title, when, docno) for n, title, when, docno in policies]
    )


FIGURES_0 = {
    "地区生产总值（亿元）": ("612.4", "5.6"),
    "规模以上工业增加值（亿元）": ("188.9", "7.1"),
    "固定资产投资（亿元）": ("241.3", "4.2"),
    "社会消费品零售总额（亿元）": ("263.8", "6.3"),
    "一般公共预算收入（亿元）": ("41.7", "3.9"),
    "城镇居民人均可支配收入（元）": ("13862", "5.2"),
    "农村居民人均可支配收入（元）": ("6215", "6.8"),
}


def _figures(changes: dict[str, tuple[str, str]]) -> dict[str, str]:
    table = {**FIGURES_0, **changes}
    return {name: "\t".join(values) for name, values in table.items()}


def scenario() -> list[Crawl]:
    """The six crawls, each with the site as it then is and the events it must record."""
    site = _baseline()
    by = {r.key: r for r in site}
    crawls = [
        Crawl(
            "2024-05-06 09:00",
            copy.deepcopy(site),
            _figures({}),
            expect=[("new", r.key, ()) for r in site] + [("new", "watch", ())],
        )
    ]

    # 2, the same afternoon: three news and one notice published (the news rows push the
    # column's oldest rows to pages 2 and 3); the watched page answers an empty 200.
    site += [
        _news(
            16,
            "全市重点项目建设推进会召开，部署二季度攻坚任务",
            "2024-05-06 11:20",
            "澜江日报",
            "项目建设",
        ),
        _news(
            17,
            "我市召开优化营商环境工作推进会",
            "2024-05-06 14:10",
            "市政务服务中心",
            "优化营商环境",
        ),
        _news(
            18,
            "市人大常委会开展水污染防治法执法检查",
            "2024-05-06 15:00",
            "市人大常委会办公室",
            "生态环境保护",
        ),
        _notice(
            10,
            "关于开展2024年“安全生产月”活动的通知",
            "2024-05-06 10:30",
            "澜江市安全生产委员会办公室",
        ),
    ]
    crawls.append(
        Crawl(
            "2024-05-06 16:00",
            copy.deepcopy(site),
            None,
            watch_fault="empty",
            watch_failed=True,
            expect=[("new", k, ()) for k in ("ywdt16", "ywdt17", "ywdt18", "tzgg10")],
        )
    )

    # 3, next morning: a quiet body edit of yesterday's news; two notices published, the older
    # ones pushed down a page, one of them retitled there; a news release deleted (404, row
    # gone) and a notice taken down by a redirect to its column's list; new figures.
    by = {r.key: r for r in site}
    by["ywdt17"].paragraphs[1] = by["ywdt17"].paragraphs[1].replace("亿元", "亿元（不含社会投资）")
    by["tzgg5"].title = "关于开展2024年全国科技活动周澜江系列活动的补充通知"
    by["ywdt3"].state = "gone"
    by["tzgg3"].state = "moved"
    site += [
        _notice(
            11,
            "关于做好2024年高考期间环境噪声管控工作的通告",
            "2024-05-07 08:30",
            "澜江市生态环境局",
        ),
        _notice(12, "关于开展2024年度全市统计执法检查的通知", "2024-05-07 09:00", "澜江市统计局"),
    ]
    crawls.append(
        Crawl(
            "2024-05-07 10:00",
            copy.deepcopy(site),
            _figures({"地区生产总值（亿元）": ("613.0", "5.7")}),
            expect=[
                ("new", "tzgg11", ()),
                ("new", "tzgg12", ()),
                ("edited", "ywdt17", ("body",)),
                ("edited", "tzgg5", ("title",)),
                ("edited", "watch", ("body",)),
            ],
        )
    )

    # 4, that afternoon: the two removals of crawl 3 are confirmed (six hours after their first
    # miss); this morning's statistics notice answers 404 while the CMS republishes (its row
    # stays); a notice is deleted behind the site's own "信息已删除" page; the watched page
    # answers a bot check.
    by = {r.key: r for r in site}
    by["tzgg12"].state = "flapping"
    by["tzgg7"].state = "soft404"
    site.append(
        _news(
            19,
            "澜江市举办第三届数字经济发展论坛",
            "2024-05-07 15:20",
            "市工业和信息化局",
            "数字经济",
        )
    )
    crawls.append(
        Crawl(
            "2024-05-07 16:00",
            copy.deepcopy(site),
            None,
            watch_fault="botcheck",
            watch_failed=True,
            expect=[("removed", "ywdt3", ()), ("removed", "tzgg3", ()), ("new", "ywdt19", ())],
        )
    )

    # 5, thirty minutes later (inside removal_confirm_after, 1h): the statistics notice is back,
    # unchanged (no event); the soft 404 is still there, too soon to confirm; the watched page
    # is an unrendered template. Only noise otherwise.
    by = {r.key: r for r in site}
    by["tzgg12"].state = "live"
    crawls.append(
        Crawl(
            "2024-05-07 16:30",
            copy.deepcopy(site),
            None,
            watch_fault="template",
            watch_failed=True,
            expect=[],
        )
    )

    # 6, next morning: the soft 404 confirmed; the notice listed in two columns retitled (one
    # edit, whatever number of rows show it); a news release published; the watched page back
    # with one cell changed since its last real capture (crawl 3).
    by = {r.key: r for r in site}
    by["tzgg9"].title = "关于印发澜江市2024年稳就业若干措施（修订版）的通知"
    site.append(
        _news(
            20,
            "全市“五一”假期安全生产工作总结会召开",
            "2024-05-08 08:40",
            "市应急管理局",
            "安全生产",
        )
    )
    crawls.append(
        Crawl(
            "2024-05-08 09:30",
            copy.deepcopy(site),
            _figures(
                {
                    "地区生产总值（亿元）": ("613.0", "5.7"),
                    "一般公共预算收入（亿元）": ("42.3", "4.1"),
                }
            ),
            expect=[
                ("removed", "tzgg7", ()),
                ("edited", "tzgg9", ("title",)),
                ("new", "ywdt20", ()),
                ("edited", "watch", ("body",)),
            ],
        )
    )
    return crawls


def stamped() -> list[Crawl]:
    """The scenario with the lists of 要闻动态 and 通知公告 written by a script that stamps the
    clock on every link (``?t=1715000000123``), another on every crawl: the same releases."""
    return [replace(crawl, stamped=True) for crawl in scenario()]


def withdrawals() -> list[Crawl]:
    """Releases withdrawn behind a notice drawn in their own article template (撤稿, 已删除), a
    script's alert or the web server's bare 页面不存在 page, each answered 200: a removal each,
    pending on the first crawl, removed two hours later — never an edit, never a failed fetch
    for good; and a notice that says its document has lapsed above its kept text, an edit."""
    site = _baseline() + [
        Release(
            "tzgg13",
            ("tzgg",),
            4523013,
            "关于市政务服务中心暂停对外办公一天的通知",
            "2024-05-05 18:00",
            "澜江市政务服务中心",
            ["因系统升级，5月6日市政务服务中心暂停对外办公一天，恢复时间另行通知。"],
        )
    ]
    crawls = [
        Crawl(
            "2024-05-06 09:00",
            copy.deepcopy(site),
            _figures({}),
            expect=[("new", r.key, ()) for r in site] + [("new", "watch", ())],
        )
    ]
    by = {r.key: r for r in site}
    for key, state, style in [
        ("ywdt14", "withdrawn", "title"),  # the article's <title> kept, heading and text gone
        ("tzgg6", "withdrawn", "heading"),  # heading and info line kept, the text a notice
        ("ywdt15", "withdrawn-listed", "site"),  # only the site's name; its row still listed
        ("tzgg13", "withdrawn", "heading"),  # a short notice to begin with
        ("ywdt12", "alerted", ""),  # a script's alert, then back to the list
        ("tzgg8", "bare404", ""),  # the web server's bare 页面不存在 page, answered 200
    ]:
        by[key].state, by[key].withdrawal = state, style
    by["tzgg9"].paragraphs.insert(0, "本文件已失效，仅供查阅。")
    crawls.append(
        Crawl(
            "2024-05-06 11:00",
            copy.deepcopy(site),
            _figures({}),
            expect=[("edited", "tzgg9", ("body",))],
        )
    )
    crawls.append(
        Crawl(
            "2024-05-06 13:00",
            copy.deepcopy(site),
            _figures({}),
            expect=[
                ("removed", k, ())
                for k in ("ywdt14", "tzgg6", "ywdt15", "tzgg13", "ywdt12", "tzgg8")
            ],
        )
    )
    return crawls


WATCH_PATH = "/tjxx/sjfb/zyjjzb.shtml"


# Rendering --------------------------------------------------------------------------------


class Noise:
    """The volatile parts of every page in one crawl."""

    def __init__(self, crawl: int, moment: datetime):
        self.crawl = crawl
        self.moment = moment

    def counter(self, path: str) -> int:
        return 300 + zlib.crc32(path.encode()) % 900 + self.crawl * 41

    def token(self, path: str) -> str:
        return hashlib.sha1(f"{self.crawl}{path}".encode()).hexdigest()

    @property
    def version(self) -> str:
        return self.moment.strftime("%Y%m%d%H%M")

    def shuffled(self, items: list[str], salt: str) -> list[str]:
        return sorted(items, key=lambda s: zlib.crc32(f"{s}{salt}{self.crawl}".encode()))


def _nav() -> str:
    parts = []
    for i, (name, subs) in enumerate(NAV.items()):
        href = "/index.shtml" if not subs else f"/c{100 + i}/index.shtml"
        sub = "".join(
            f'<li><a href="/c{100 + i}/s{j}/index.shtml" target="_blank">{s}</a></li>'
            for j, s in enumerate(subs)
        )
        parts.append(
            f'<li class="nav-item{" on" if i == 0 else ""}"><a href="{href}">{name}</a>'
            + (f'<div class="nav-sub"><ul class="clearfix">{sub}</ul></div>' if subs else "")
            + "</li>"
        )
    return '<div class="nav"><ul class="nav-list w1200">' + "".join(parts) + "</ul></div>"


def _header(noise: Noise, path: str) -> str:
    weekday = "一二三四五六日"[noise.moment.weekday()]
    return f"""<div class="topbar"><div class="w1200 clearfix">
<div class="fl">今天是：<span id="today">{noise.moment:%Y年%m月%d日} 星期{weekday}</span>
<span class="weather">澜江 多云 18~26℃</span></div>
<div class="fr"><a href="javascript:void(0)" id="wza">无障碍</a> | <a href="javascript:void(0)" id="zzms">长者模式</a>
| <a href="javascript:void(0)" id="jfqh">繁體</a> | <a href="/wzdt/index.shtml">网站地图</a>
| <a href="/yhzx/login.shtml">登录</a> | <a href="/yhzx/reg.shtml">注册</a></div></div></div>
<div class="header"><div class="w1200 clearfix">
<div class="logo"><a href="/index.shtml"><img src="/images/logo.png" alt="{SITE}"></a></div>
<div class="search"><form action="/search/index.shtml" method="get" target="_blank">
<input type="hidden" name="siteid" value="43">
<input type="hidden" name="csrf" value="{noise.token(path)}">
<input type="text" name="q" class="search-input" placeholder="请输入关键词">
<button type="submit" class="search-btn">搜索</button></form>
<div class="hot-words">热词：<a href="/search/index.shtml?q=营商环境">营商环境</a>
<a href="/search/index.shtml?q=社保">社保</a><a href="/search/index.shtml?q=公积金">公积金</a>
<a href="/search/index.shtml?q=落户">落户</a></div></div></div></div>
{_nav()}"""


SERVICES = [
    ("社保查询", "sbcx"),
    ("公积金查询", "gjj"),
    ("户籍办理", "hjbl"),
    ("出入境", "crj"),
    ("驾驶证业务", "jszyw"),
    ("不动产登记", "bdcdj"),
    ("医保报销", "ybbx"),
    ("教育入学", "jyrx"),
    ("企业开办", "qykb"),
    ("工程建设审批", "gcjs"),
    ("纳税服务", "nsfw"),
    ("水电气报装", "sdqbz"),
    ("法律援助", "flyz"),
    ("婚姻登记", "hydj"),
    ("养老服务", "ylfw"),
    ("就业创业", "jycy"),
]
MEDIA = [
    "澜江发布",
    "澜江日报",
    "澜江广播电视台",
    "澜江公安",
    "澜江市场监管",
    "澜江文旅",
    "澜江应急",
    "澜江税务",
]
SCRIPT = """<script>
function doZoom(size){ var el=document.getElementById('zoom'); if(!el){return;} el.style.fontSize=size+'px';
  var ps=el.getElementsByTagName('p'); for(var i=0;i<ps.length;i++){ ps[i].style.fontSize=size+'px'; } }
(function(){ var wza=document.getElementById('wza'); if(wza){ wza.onclick=function(){
  var s=document.createElement('script'); s.src='/wza/aria.js?appid=lanjiang'; document.body.appendChild(s); }; }
  var jf=document.getElementById('jfqh'); if(jf){ jf.onclick=function(){ if(window.zh_tran){ zh_tran(jf.innerHTML=='繁體'?'t':'s');
  jf.innerHTML = jf.innerHTML=='繁體'?'简体':'繁體'; } }; }
  var zz=document.getElementById('zzms'); if(zz){ zz.onclick=function(){ document.body.className+=' elder'; }; }
})();
var _hmt = _hmt || [];
(function() { var hm = document.createElement("script"); hm.src = "https://hm.baidu.example/hm.js?7f3c1e2d9a8b4c5d6e7f8a9b0c1d2e3f";
  var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); })();
</script>"""


def _services() -> str:
    items = "".join(
        f'<li><a href="https://zwfw.lanjiang.gov.example/{code}/index.shtml" target="_blank">'
        f'<i class="icon icon-{code}"></i><span>{name}</span></a></li>'
        for name, code in SERVICES
    )
    media = "".join(
        f'<li><img src="/images/media/{i}.jpg" alt="{m}"><p>{m}</p></li>'
        for i, m in enumerate(MEDIA)
    )
    return (
        f'<div class="services w1200"><div class="services-title">便民服务</div><ul class="clearfix">{items}</ul></div>'
        f'<div class="media w1200"><div class="media-title">政务新媒体矩阵</div><ul class="clearfix">{media}</ul></div>'
    )


def _footer(noise: Noise, path: str) -> str:
    departments = "".join(
        f'<option value="http://{i}.lanjiang.gov.example/">{d}</option>'
        for i, d in enumerate(DEPARTMENTS)
    )
    counties = "".join(
        f'<option value="http://x{i}.lanjiang.gov.example/">{c}</option>'
        for i, c in enumerate(COUNTIES)
    )
    return (
        _services()
        + SCRIPT
        + f"""<div class="links w1200"><div class="links-title">相关链接</div>
<select onchange="window.open(this.value)"><option>中央政府网站</option>
<option value="http://www.gov.cn/">中国政府网</option><option value="#">国务院部门网站</option></select>
<select onchange="window.open(this.value)"><option>省级政府网站</option>
<option value="#">省人民政府</option><option value="#">省发展和改革委员会</option></select>
<select onchange="window.open(this.value)"><option>市直部门网站</option>{departments}</select>
<select onchange="window.open(this.value)"><option>县市区网站</option>{counties}</select></div>
<div class="footer"><div class="w1200 clearfix">
<div class="footer-nav"><a href="/gywm/index.shtml">关于我们</a> | <a href="/wzdt/index.shtml">网站地图</a>
| <a href="/lxwm/index.shtml">联系我们</a> | <a href="/sybz/index.shtml">使用帮助</a> | <a href="/yszc/index.shtml">隐私政策</a></div>
<div class="footer-info">
<p>主办：澜江市人民政府办公室　承办：澜江市大数据中心</p>
<p>地址：澜江市澜城区人民路1号　邮编：432100　联系电话：0739-8860000（仅受理网站建设维护相关事宜）</p>
<p>网站标识码：4399000043　<a href="https://beian.miit.gov.cn/" target="_blank">湘ICP备05004321号</a>
　<img src="/images/ga.png" alt="">湘公网安备 43990002000043号</p>
<p>版权所有：澜江市人民政府　建议使用1366×768分辨率、IE10以上版本浏览器</p>
<p>您是本站第 <span id="visits">{1829000 + noise.crawl * 3311}</span> 位访客　当前时间：<span id="clock">{noise.moment:%Y-%m-%d %H:%M:%S}</span></p>
</div>
<div class="footer-icons"><a href="#"><img src="/images/jiucuo.png" alt="政府网站找错"></a>
<a href="#"><img src="/images/dzjg.png" alt="党政机关"></a>
<a href="#"><img src="/images/wza.png" alt="适老化无障碍服务"></a></div></div></div>
<script src="/js/jquery-1.12.4.min.js"></script>
<script src="/js/common.js?v={noise.version}"></script>
<script>var _csrf_token = "{noise.token(path)}"; var _ts = {int(noise.moment.timestamp())};
$(function(){{ $(".nav-item").hover(function(){{$(this).addClass("hover")}},function(){{$(this).removeClass("hover")}}); }});</script>
<script src="/js/visit.js?siteid=43&amp;r={noise.token(path)[:8]}"></script>"""
    )


def _page(title: str, noise: Noise, path: str, crumbs: list[tuple[str, str]], main: str) -> str:
    trail = " &gt; ".join(f'<a href="{href}">{html.escape(name)}</a>' for name, href in crumbs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta charset="utf-8"><meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{html.escape(title if title == SITE else f"{title}_{SITE}")}</title>
<meta name="SiteName" content="{SITE}"><meta name="SiteDomain" content="www.lanjiang.gov.example">
<meta name="SiteIDCode" content="4399000043">
<link rel="stylesheet" href="/css/common.css?v={noise.version}"><link rel="stylesheet" href="/css/page.css">
<style>.w1200{{width:1200px;margin:0 auto}} .fl{{float:left}} .fr{{float:right}}</style>
</head>
<body>
{_header(noise, path)}
<div class="w1200 main-box">
<div class="crumb">当前位置：<a href="/index.shtml">首页</a> &gt; {trail}</div>
{main}
</div>
{_footer(noise, path)}
</body></html>
"""


def _side(noise: Noise, column: str) -> str:
    ranked = "".join(
        f'<li><em>{i + 1}</em><a href="/xwzx/rdph/t{i}.shtml" title="{t}">{t}</a></li>'
        for i, t in enumerate(noise.shuffled(RANKING, "rank"))
    )
    subs = "".join(
        f'<li{" class=on" if key == column else ""}><a href="{d}index.shtml">{name}</a></li>'
        for key, (d, _, name, _) in COLUMNS.items()
    )
    return f"""<div class="side fl"><div class="side-title">栏目导航</div><ul class="side-menu">{subs}
<li><a href="/xxgk/zcjd/index.shtml">政策解读</a></li><li><a href="/xxgk/rsxx/index.shtml">人事信息</a></li></ul>
<div class="side-title">热点排行</div><ol class="rank">{ranked}</ol>
<div class="side-banner"><a href="/ztzl/yshj/index.shtml"><img src="/images/yshj.jpg" alt="优化营商环境专题"></a></div></div>"""


def _article(release: Release, site: list[Release], noise: Noise, *, deleted: bool = False) -> str:
    column = release.columns[0]
    directory, section, name, _ = COLUMNS[column]
    crumbs = [
        (section, directory.rsplit("/", 2)[0] + "/index.shtml"),
        (name, directory + "index.shtml"),
    ]
    if deleted:  # the CMS's own page for a deleted document, in the site's template
        main = f"""{_side(noise, column)}<div class="content-box fr"><div class="article">
<div class="notfound"><img src="/images/404.png" alt=""><p class="tip">对不起，您访问的页面不存在或信息已删除！</p>
<p>可能原因：该信息已撤稿或已过期，请返回<a href="{directory}index.shtml">{name}</a>栏目或<a href="/index.shtml">网站首页</a>继续浏览。</p>
<p class="countdown">页面将在 <span id="sec">5</span> 秒后自动跳转</p></div></div></div>"""
        return _page("页面不存在", noise, release.path, crumbs, main)
    same = [r for r in site if column in r.columns and r.listed]
    same.sort(key=lambda r: r.when)
    at = next((i for i, r in enumerate(same) if r.key == release.key), None)
    before = same[at - 1] if at else None
    after = same[at + 1] if at is not None and at + 1 < len(same) else None
    related = noise.shuffled([r for r in same if r.key != release.key], release.key)[:5]
    rel = "".join(
        f'<li><a href="/{r.path.lstrip("/")}" title="{html.escape(r.title)}">{html.escape(r.title)}</a>'
        f"<span>{r.when[:10]}</span></li>"
        for r in related
    )
    paragraphs = "".join(
        f'<p style="text-indent:2em;">{html.escape(p)}</p>\n'
        if i < len(release.paragraphs) - 2 or column == "ywdt"
        else f'<p style="text-align:right;">{html.escape(p)}</p>\n'
        for i, p in enumerate(release.paragraphs)
    )
    heading = f'<h1 class="article-title">{html.escape(release.title)}</h1>'
    info = f"""<div class="article-info"><span>发布时间：{release.when}</span><span>来源：{html.escape(release.source)}</span>
<span>浏览次数：<em id="views">{noise.counter(release.path)}</em></span>
<span class="font-size">【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span></div>"""
    title = release.title
    if release.state.startswith("withdrawn"):
        heading, info, paragraphs, title = _withdrawn(release, heading, info, directory, name)
    prev = f'<a href="{before.path}">{html.escape(before.title)}</a>' if before else "没有了"
    nxt = f'<a href="{after.path}">{html.escape(after.title)}</a>' if after else "没有了"
    main = f"""{_side(noise, column)}<div class="content-box fr"><div class="article">
{heading}
{info}
<div class="article-content TRS_Editor" id="zoom">
{paragraphs}</div>
<div class="article-tools clearfix"><div class="share fl">分享到：<a href="javascript:void(0)" class="wx">微信</a>
<a href="javascript:void(0)" class="wb">微博</a><a href="javascript:void(0)" class="qq">QQ空间</a></div>
<div class="print fr"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div></div>
<div class="prev-next"><p>上一篇：{prev}</p><p>下一篇：{nxt}</p></div>
<div class="related"><div class="related-title">相关信息</div><ul>{rel}</ul></div>
</div></div>"""
    return _page(title, noise, release.path, crumbs, main)


def _withdrawn(release: Release, heading: str, info: str, directory: str, name: str):
    """``(heading, info line, text, <title>)`` of a withdrawn article as its own template draws
    it: ``title`` keeps the article's ``<title>`` and drops the heading and info line, ``heading``
    keeps both, ``site`` writes only the site's name; the text is the CMS's notice."""
    back = f'<p>请返回<a href="{directory}index.shtml">{name}</a>栏目或<a href="/index.shtml">网站首页</a>继续浏览。</p>'
    if release.withdrawal == "title":
        return "", "", f'<p class="tip">对不起，该信息已撤稿！</p>\n{back}\n', release.title
    if release.withdrawal == "heading":
        return heading, info, '<p style="text-align:center;">该信息已删除。</p>\n', release.title
    if release.withdrawal == "site":
        return "", "", f"<p>您访问的页面不存在或已被删除。</p>\n{back}\n", SITE
    raise ValueError(release.withdrawal)


def _rows(column: str, site: list[Release], noise: Noise) -> list[Release]:
    rows = [r for r in site if column in r.columns and r.listed]
    # newest day first; within a day the CMS's order changes from one crawl to the next
    return sorted(
        rows,
        key=lambda r: (r.when[:10], zlib.crc32(f"{r.key}{noise.crawl}".encode())),
        reverse=True,
    )


def _list_pages(
    column: str, site: list[Release], noise: Noise, stamped: bool = False
) -> dict[str, str]:
    directory, section, name, size = COLUMNS[column]
    rows = _rows(column, site, noise)
    pages = max(1, -(-len(rows) // size))
    crumbs = [
        (section, directory.rsplit("/", 2)[0] + "/index.shtml"),
        (name, directory + "index.shtml"),
    ]
    out = {}
    for page in range(pages):
        chunk = rows[page * size : (page + 1) * size]

        def href(p: int) -> str:
            return "index.shtml" if p == 0 else f"index_{p}.shtml"

        if column == "zcwj":
            cells = "".join(
                f'<tr><td>{page * size + i + 1}</td><td class="tl"><a href="{r.path}" target="_blank" '
                f'title="{html.escape(r.title)}">{html.escape(r.title)}</a></td>'
                f"<td>{_docno(r)}</td><td>{r.when[:10]}</td></tr>\n"
                for i, r in enumerate(chunk)
            )
            listing = f"""<table class="wj-table" width="100%"><thead><tr><th width="8%">序号</th><th>标题</th>
<th width="20%">文号</th><th width="14%">发布日期</th></tr></thead><tbody>
{cells}</tbody></table>"""
        else:
            stamp = f"?t={int(noise.moment.timestamp() * 1000)}" if stamped else ""
            items = "".join(
                f'<li><a href="{r.path}{stamp}" target="_blank" title="{html.escape(r.title)}">'
                f'{html.escape(_cut(r.title))}</a><span class="date">{r.when[:10]}</span></li>\n'
                for r in chunk
            )
            listing = f'<ul class="news-list">\n{items}</ul>'
        if column == "ywdt":
            pager = (
                f'<div class="pager">共{len(rows)}条 {pages}页 当前第{page + 1}页 '
                f'<a href="{href(0)}">首页</a> '
                + (f'<a href="{href(page - 1)}">上一页</a> ' if page else "<span>上一页</span> ")
                + (
                    f'<a href="{href(page + 1)}">下一页</a> '
                    if page + 1 < pages
                    else "<span>下一页</span> "
                )
                + f'<a href="{href(pages - 1)}">尾页</a></div>'
            )
        else:
            numbers = " ".join(
                f'<span class="current">{p + 1}</span>'
                if p == page
                else f'<a href="{href(p)}">{p + 1}</a>'
                for p in range(pages)
            )
            pager = (
                f'<div class="pagination">{numbers} '
                + (
                    f'<a href="{href(page + 1)}" class="next">下一页</a>'
                    if page + 1 < pages
                    else ""
                )
                + f" 共{pages}页</div>"
            )
        main = f"""{_side(noise, column)}<div class="content-box fr"><div class="column-head"><h2>{name}</h2>
<span class="more">更新时间：{noise.moment:%Y-%m-%d %H:%M}</span></div>
{listing}
{pager}</div>"""
        out[directory + href(page)] = _page(name, noise, directory + href(page), crumbs, main)
    return out


def _overview(name: str, columns: list[str], site: list[Release], noise: Noise) -> str:
    """A section's (or the home page's) page: a box of each column's newest rows."""
    boxes = []
    for column in columns:
        directory, _, title, _ = COLUMNS[column]
        rows = "".join(
            f'<li><a href="{r.path}" title="{html.escape(r.title)}">{html.escape(_cut(r.title))}</a>'
            f"<span>{r.when[5:10]}</span></li>"
            for r in _rows(column, site, noise)[:6]
        )
        boxes.append(
            f'<div class="box"><div class="box-head"><h3>{title}</h3>'
            f'<a class="more" href="{directory}index.shtml">更多&gt;&gt;</a></div><ul>{rows}</ul></div>'
        )
    main = f'<div class="overview clearfix">{"".join(boxes)}</div>'
    return _page(name, noise, name, [(name, "#")] if name != "首页" else [], main)


def _docno(release: Release) -> str:
    for p in release.paragraphs:
        if "文号：" in p:
            return p.split("文号：")[1].rstrip("。")
    return f"澜政办发〔2024〕{release.number % 100}号"


def _cut(title: str) -> str:
    return title if len(title) <= 24 else title[:23] + "…"


def watch_page(figures: dict[str, str], noise: Noise) -> str:
    rows = "".join(
        f'<tr><td class="tl">{name}</td>'
        + "".join(f"<td>{cell}</td>" for cell in value.split("\t"))
        + "</tr>\n"
        for name, value in figures.items()
    )
    main = f"""{_side(noise, "")}<div class="content-box fr"><div class="article">
<h1 class="article-title">2024年1—3月澜江市主要经济指标</h1>
<div class="article-info"><span>来源：澜江市统计局</span><span>浏览次数：<em id="views">{noise.counter(WATCH_PATH)}</em></span></div>
<div class="article-content" id="zoom">
<table class="sj-table" border="1" cellspacing="0" width="100%"><thead><tr><th>指标名称</th><th>1—3月</th><th>同比增长（%）</th></tr></thead>
<tbody>
{rows}</tbody></table>
<p class="note">注：地区生产总值为初步核算数，增长速度按可比价格计算。</p></div></div></div>"""
    return _page(
        "2024年1—3月澜江市主要经济指标",
        noise,
        WATCH_PATH,
        [("统计信息", "/tjxx/index.shtml"), ("数据发布", "/tjxx/sjfb/index.shtml")],
        main,
    )


def watch_fault(kind: str, noise: Noise) -> str:
    if kind == "empty":
        return ""
    if kind == "botcheck":
        return (
            '<html><head><meta charset="utf-8"><title>访问验证</title></head><body>'
            '<div class="verify"><p>为保障网站安全，请完成访问验证后继续浏览。</p>'
            '<div id="captcha"></div></div><script>var _guard="'
            + noise.token("guard")
            + '";setTimeout(function(){location.reload()},3000);</script></body></html>'
        )
    if kind == "template":
        main = """<div class="content-box fr"><div class="article">
<h1 class="article-title">${article.title}</h1>
<div class="article-info"><span>来源：${article.source}</span></div>
<div class="article-content" id="zoom">$pageHelpBean.getContent()</div></div></div>"""
        page = _page("${article.title}", noise, WATCH_PATH, [], main)
        return page.replace(
            '<div class="crumb">当前位置：<a href="/index.shtml">首页</a> &gt; </div>',
            '<div class="crumb">当前位置：$pageHelpBean.getColumnNavPath("&gt;")</div>',
        )
    raise ValueError(kind)


ALERT_STUB = """<html><head><meta charset="utf-8"><title></title></head><body>
<script type="text/javascript">alert("对不起，该信息已删除或不存在！");window.location.href="{list_url}index.shtml";</script>
</body></html>
"""
BARE_404 = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 页面不存在</title>
<style>body{text-align:center;font-family:sans-serif}</style></head><body>
<h2>404</h2><p>抱歉，您访问的页面不存在或已被删除！</p><p><a href="/">返回首页</a></p></body></html>
"""


def routes(crawl: Crawl, index: int, folder: Path) -> dict[str, Capture]:
    """The site of ``crawl`` (the ``index``-th) written into ``folder``, as replay routes."""
    noise = Noise(index, crawl.moment)
    folder.mkdir(parents=True, exist_ok=True)
    pages: dict[str, str] = {}
    for column in COLUMNS:
        pages.update(_list_pages(column, crawl.releases, noise, crawl.stamped))
    out: dict[str, Capture] = {}
    for release in crawl.releases:
        if release.state == "live" or release.state.startswith("withdrawn"):
            pages[release.path] = _article(release, crawl.releases, noise)
        elif release.state == "soft404":
            pages[release.path] = _article(release, crawl.releases, noise, deleted=True)
        elif release.state == "alerted":
            pages[release.path] = ALERT_STUB.format(list_url=COLUMNS[release.columns[0]][0])
        elif release.state == "bare404":
            pages[release.path] = BARE_404
        elif release.state == "moved":
            list_url = COLUMNS[release.columns[0]][0] + "index.shtml"
            out[release.path] = Capture(status=302, location=list_url, note="moved to its list")
        # gone, flapping: no route, the server's 404
    pages["/index.shtml"] = _overview("首页", list(COLUMNS), crawl.releases, noise)
    pages["/xwzx/index.shtml"] = _overview("新闻中心", ["ywdt"], crawl.releases, noise)
    pages["/xxgk/index.shtml"] = _overview("政府信息公开", ["tzgg", "zcwj"], crawl.releases, noise)
    if crawl.figures is not None:
        pages[WATCH_PATH] = watch_page(crawl.figures, noise)
    else:
        pages[WATCH_PATH] = watch_fault(crawl.watch_fault, noise)
    for path, text in pages.items():
        target = folder / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        out[path] = Capture(file=target)
        if path.endswith("/index.shtml"):  # the folder serves its index, as web servers do
            out[path.removesuffix("index.shtml")] = out[path]
    return out


def key_of(crawl: Crawl, url: str) -> str:
    """The scenario's key of the release at ``url``."""
    if url.endswith(WATCH_PATH):
        return "watch"
    for release in crawl.releases:
        if url.endswith(release.path):
            return release.key
    return url


# Running it -------------------------------------------------------------------------------

SERVER = Path(__file__).with_name("replay_server.py")


@dataclass
class Outcome:
    """What one crawl of the scenario recorded, next to what it should have."""

    crawl: Crawl
    events: list[tuple[str, str, tuple[str, ...]]]
    failures: list[dict]
    row: dict  # the crawl's row
    db: Path

    @property
    def expected(self) -> list[tuple[str, str, tuple[str, ...]]]:
        return sorted(self.crawl.expect)

    @property
    def watch_failures(self) -> list[str]:
        return [f["reason"] for f in self.failures if (f.get("url") or "").endswith(WATCH_PATH)]

    @property
    def right(self) -> bool:
        return self.events == self.expected and bool(self.watch_failures) == self.crawl.watch_failed


def figure(name: str, outcomes: list[Outcome]) -> str:
    """One line: crawls right, events found of those expected after the baseline, false ones."""
    wanted = sum(len(o.expected) for o in outcomes[1:])
    found = sum(len(set(o.events) & set(o.expected)) for o in outcomes[1:])
    false = sum(len(set(o.events) - set(o.expected)) for o in outcomes)
    right = sum(o.right for o in outcomes)
    return (
        f"FIGURE {name}: {right}/{len(outcomes)} crawls right, {found}/{wanted} events, "
        f"{false} false"
    )


def run_scenario(workdir: Path, crawls: list[Crawl] | None = None) -> list[Outcome]:
    """Serve each crawl's site and crawl it with the real CLI at the crawl's moment."""
    import subprocess

    from support.harness import ROOT, write_config
    from support.monitor_xxgk import crawl_cli, serve

    crawls = crawls if crawls is not None else scenario()
    workdir.mkdir(parents=True, exist_ok=True)
    state = workdir / "state.json"
    state.write_text("{}", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, str(SERVER), str(state), "--log", str(workdir / "requests.log")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        base = server.stdout.readline().strip().rstrip("/")
        config = write_config(
            workdir / "sites.toml",
            {
                "lanjiang": {
                    "title": SITE,
                    "start_urls": [base + d + "index.shtml" for d, *_ in COLUMNS.values()],
                    "pages": [base + WATCH_PATH],
                    "timezone": "Asia/Shanghai",
                    "politeness": {"obey_robots": False},
                }
            },
        )
        db = workdir / "bulletin.db"
        outcomes = []
        for index, crawl in enumerate(crawls):
            serve(state, routes(crawl, index, workdir / f"crawl{index + 1}"), workdir)
            day = crawl_cli("lanjiang", db, config, crawl.moment)
            got = sorted(
                (e["kind"], key_of(crawl, e["url"]), tuple(_fields(e.get("changed_fields"))))
                for e in day.events
            )
            outcomes.append(Outcome(crawl, got, day.failures, day.crawl, db))
        return outcomes
    finally:
        server.terminate()
        server.wait(timeout=5)


def _fields(value) -> list[str]:
    import json

    if isinstance(value, str):
        value = json.loads(value)
    return sorted(value or [])


def main() -> int:
    """``python tests/support/replica_portal.py [WORKDIR [scenario|stamped|withdrawals]]``: run a
    scenario, print each crawl."""
    import tempfile

    workdir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    chosen = sys.argv[2] if len(sys.argv) > 2 else "scenario"
    outcomes = run_scenario(
        workdir, {"scenario": scenario, "stamped": stamped, "withdrawals": withdrawals}[chosen]()
    )
    for number, outcome in enumerate(outcomes, 1):
        missing = sorted(set(outcome.expected) - set(outcome.events))
        extra = sorted(set(outcome.events) - set(outcome.expected))
        print(f"crawl {number} {outcome.crawl.at}: {'right' if outcome.right else 'WRONG'}")
        if number > 1 or missing:
            print(f"  expected {outcome.expected if number > 1 else len(outcome.expected)}")
        print(f"  missing {missing}\n  extra {extra}")
        print(f"  watch failures {outcome.watch_failures} (expected: {outcome.crawl.watch_failed})")
        print(f"  failures {[(f['url'].split('/', 3)[-1], f['reason']) for f in outcome.failures]}")
    print(f"{figure(chosen, outcomes)}; workdir {workdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
