"""A city bureau's 信息公开 directory crawled seven times over six days through the real
``bulletin crawl`` (written blind: before reading how the writer and the store decide events).
Three table-list columns of a JSP platform paged by query string (tests/support/monitor_xxgk.py):
new releases pushing rows onto later pages (one retitled as it moves from page 2 to page 3), a
行政处罚信息公开表 edited in one cell, a 规范性文件 retitled and nothing else, another whose
attachment is swapped for a revised file, a release taken off its list and answering 404 (removed
a day later), one taken off its list but still served (no event), a prose edit; and the faults of
a real directory: a WAF answering its challenge with status 404 on articles for two days and on a
list page, a column regenerated empty (暂无信息). Every new, edited and removed release must be one
event, and nothing else may."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from support.harness import run_cli, write_config
from support.monitor_xxgk import WAF_404, Directory, Release, crawl_cli, serve, start_server
from support.replay import Capture

# Crawls whose events are known to be wrong (an upper bound: a fix elsewhere may right them).
KNOWN_MISSES: dict[int, str] = {
    3: "G04's attachment swap not seen (an old release, its row unchanged, its revisit not due)",
}

NOTICES = [
    "关于开展2023年度排污单位自行监测帮扶指导工作的通知",
    "关于公布2023年云溪市环境监管重点单位名录的通知",
    "关于开展夏季臭氧污染防控专项行动的通知",
    "关于征集2023年度生态环境科普基地的通知",
    "关于开展“六五环境日”系列宣传活动的通知",
    "关于做好汛期环境安全隐患排查整治工作的通知",
    "关于公开征求《云溪市声环境功能区划分方案（征求意见稿）》意见的公告",
    "关于2023年第二季度重点排污单位监督性监测结果的公告",
    "关于开展危险废物规范化环境管理评估工作的通知",
    "关于组织申报2023年度市级生态环境保护专项资金项目的通知",
    "关于开展入河排污口排查整治“回头看”的通知",
    "关于云溪市第三批“无废细胞”创建名单的公示",
    "关于开展机动车排放检验机构专项检查的通知",
    "关于举办2023年生态环境执法大练兵活动的通知",
    "关于做好2023年秋冬季大气污染防治攻坚工作的通知",
    "关于公布2023年第二批清洁生产审核企业名单的通知",
    "关于开展中秋国庆期间生态环境安全检查的通知",
    "关于2023年8月云溪市环境空气质量状况的通报",
    "关于开展建设项目环境影响评价文件质量抽查的通知",
    "关于做好2023年度温室气体排放报告核查工作的通知",
    "关于开展重点行业挥发性有机物综合治理“回头看”的通知",
    "关于公布云溪市2023年度环境信用评价结果的公告",
    "关于开展饮用水水源地环境保护专项执法检查的通知",
    "关于2023年第三季度环境监测数据质量抽查情况的通报",
]
FIRMS = [
    (
        "云溪市恒达化工有限公司",
        "擅自拆除大气污染防治设施",
        "《中华人民共和国大气污染防治法》第一百零八条第一项",
    ),
    (
        "云溪市金源电镀厂",
        "超过水污染物排放标准排放水污染物",
        "《中华人民共和国水污染防治法》第八十三条第二项",
    ),
    (
        "云溪市鑫旺建材有限公司",
        "未采取有效覆盖措施防治扬尘污染",
        "《中华人民共和国大气污染防治法》第一百一十七条第一项",
    ),
    (
        "云溪市同创印刷有限公司",
        "未按规定安装使用挥发性有机物污染防治设施",
        "《中华人民共和国大气污染防治法》第一百零八条第一项",
    ),
    (
        "云溪市宏远汽车修理厂",
        "未按规定贮存危险废物",
        "《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第六项",
    ),
    ("云溪市润丰食品有限公司", "未批先建", "《中华人民共和国环境影响评价法》第三十一条第一款"),
    (
        "云溪市天成纸业有限公司",
        "通过暗管排放水污染物",
        "《中华人民共和国水污染防治法》第八十三条第三项",
    ),
    ("云溪市永兴铸造厂", "未依法申领排污许可证排放污染物", "《排污许可管理条例》第三十三条第一项"),
    (
        "云溪市华瑞医疗器械有限公司",
        "环境保护设施未经验收即投入生产",
        "《建设项目环境保护管理条例》第二十三条第一款",
    ),
    (
        "云溪市盛世石材加工厂",
        "无组织排放粉尘",
        "《中华人民共和国大气污染防治法》第一百零八条第五项",
    ),
    (
        "云溪市绿源餐饮管理有限公司",
        "油烟未经处理直接排放",
        "《中华人民共和国大气污染防治法》第一百一十八条第一款",
    ),
]
AMOUNTS = [
    "贰拾万元",
    "拾伍万元",
    "叁万元",
    "伍万元",
    "贰万伍仟元",
    "捌万元",
    "拾万元",
    "陆万元",
    "肆万元",
    "叁万伍仟元",
    "壹万元",
]
RULES = [
    ("关于印发《云溪市生态环境行政处罚自由裁量基准》的通知", "云环规〔2023〕1号"),
    ("关于印发《云溪市排污许可证管理办法》的通知", "云环规〔2023〕2号"),
    ("关于印发《云溪市生态环境损害赔偿磋商办法》的通知", "云环规〔2023〕3号"),
    ("关于印发《云溪市建设项目环境影响评价文件分级审批实施细则》的通知", "云环规〔2023〕4号"),
    ("关于印发《云溪市重污染天气应急预案管理规定》的通知", "云环规〔2023〕5号"),
    ("关于印发《云溪市生态环境违法行为有奖举报办法》的通知", "云环规〔2023〕6号"),
    ("关于印发《云溪市环境监测数据弄虚作假行为查处办法》的通知", "云环规〔2023〕7号"),
]


OFFICE = "云溪市生态环境局"


def _day(base: str, n: int) -> str:
    return (datetime.fromisoformat(base) + timedelta(days=n)).strftime("%Y-%m-%d")


def _notice(i: int, date: str) -> Release:
    title = NOTICES[i - 1]
    return Release(
        f"N{i:02d}",
        "tzgg",
        4500 + i,
        title,
        date,
        paragraphs=[
            "各县（市、区）生态环境局，局机关各科室、各直属单位：",
            f"为{title[2:-3]}，根据省生态环境厅有关工作部署，结合我市实际，现将有关事项通知如下。",
            f"一、工作时间。{date[5:7]}月{int(date[8:])}日起至{(int(date[5:7]) % 12) + 1}月30日止。",
            "二、工作要求。各单位要高度重视，明确责任分工，认真组织实施，于每月5日前将工作进展报送局办公室。",
            f"联系人：陈某某，联系电话：0599-87654{i:02d}，电子邮箱：yxsthjj{i}@example.gov.cn。",
            f"{OFFICE}",
            f"{date[:4]}年{int(date[5:7])}月{int(date[8:])}日",
        ],
        doc_no=f"云环函〔2023〕{60 + i}号",
    )


def _penalty(i: int, date: str) -> Release:
    firm, fact, basis = FIRMS[i - 1]
    doc = f"云环罚〔2023〕{20 + i}号"
    return Release(
        f"P{i:02d}",
        "xzcf",
        5200 + i,
        f"{firm}行政处罚决定书（{doc}）",
        date,
        cells=[
            ("行政处罚决定书文号", doc),
            ("案件名称", f"{firm}{fact}案"),
            ("违法企业名称", firm),
            ("统一社会信用代码", f"91350700MA3{i:02d}K7Q{i % 10}X"),
            ("法定代表人", f"{'张李王刘陈杨黄赵吴周徐'[i - 1]}某某"),
            (
                "主要违法事实",
                f"经查，你单位于2023年{int(date[5:7]) - 1}月{10 + i}日在生产过程中{fact}，"
                "违反了相关法律规定，有现场检查（勘察）笔录、调查询问笔录、监测报告等证据为凭。",
            ),
            ("处罚依据", basis),
            ("处罚种类", "罚款"),
            ("处罚结果", f"罚款人民币{AMOUNTS[i - 1]}整"),
            ("处罚机关", OFFICE),
            ("处罚决定日期", f"{date[:4]}年{int(date[5:7])}月{int(date[8:])}日"),
            ("备注", "当事人已按期缴纳罚款" if i % 3 == 0 else "无"),
        ],
        doc_no=doc,
    )


def _rule(i: int, date: str) -> Release:
    title, doc = RULES[i - 1]
    name = title.split("《")[1].split("》")[0]
    return Release(
        f"G{i:02d}",
        "gfxwj",
        3300 + i,
        title,
        date,
        paragraphs=[
            "各县（市、区）生态环境局，局机关各科室、各直属单位：",
            f"《{name}》已经局党组会议审议通过，现印发给你们，请认真贯彻执行。",
            f"本{name[-2:]}自{date[:4]}年{int(date[5:7]) + 1}月1日起施行，有效期五年。",
            OFFICE,
            f"{date[:4]}年{int(date[5:7])}月{int(date[8:])}日",
            "（此件公开发布）",
        ],
        attachments=[(f"P0{date.replace('-', '')}{i:06d}.pdf", f"{name}.pdf")],
        doc_no=doc,
    )


def _key(url: str, paths: dict[str, str]) -> str:
    path = "/" + url.split("/", 3)[3]
    return paths.get(path, path)


def test_the_information_directory_over_seven_crawls_has_every_event_and_no_false_one(tmp_path):
    site = Directory(
        [_notice(i, _day("2023-08-04", 2 * i)) for i in range(1, 20)]
        + [_penalty(i, _day("2023-08-01", 4 * i)) for i in range(1, 11)]
        + [_rule(i, _day("2023-05-20", 16 * i)) for i in range(1, 8)]
    )
    start = datetime(2023, 9, 12, 1, 30, tzinfo=UTC)  # 09:30 in 云溪
    moments, expected, plans = [], [], []

    def crawl(after: timedelta, expect: list[tuple], empty: tuple[str, ...] = ()) -> None:
        moment = moments[-1] + after if moments else start
        moments.append(moment)
        plans.append(site.routes(len(plans), moment, empty=empty))
        expected.append(sorted(expect))

    day = timedelta(days=1, minutes=3)

    # 0: the baseline — 19 notices over three list pages, 10 decisions over two, 7 rules
    crawl(timedelta(0), [])
    # 1: two new notices push two rows from page 1 to page 2 (and page 2 to 3): no event for
    #    them; a young decision (P10, three days old) corrected in one cell of its table
    moved = site.rows("tzgg")[7]
    site.add(_notice(20, "2023-09-12"))
    site.add(_notice(21, "2023-09-13"))
    assert site.page_of(moved.key) == 2
    p10 = site["P10"]
    assert p10.date == "2023-09-10" and p10.cells[8][0] == "处罚结果"
    p10.cells[8] = ("处罚结果", "罚款人民币叁万元整")
    crawl(day, [("new", "N20", ()), ("new", "N21", ()), ("edited", "P10", ("body",))])
    # 2: a rule retitled — page, meta table and row — and nothing else; N05 taken off its list,
    #    its page 404 (pending); a new decision
    g02 = site["G02"]
    g02.title = g02.title.replace("排污许可证管理办法", "排污许可管理办法（试行）")
    site["N05"].listed, site["N05"].status = False, 404
    site.add(_penalty(11, "2023-09-13"))
    crawl(day, [("new", "P11", ()), ("edited", "G02", ("title",))])
    # 3: N05 still 404 a day later: removed; G04's attachment swapped for the revised file (the
    #    text unchanged); three new notices, and a row moving from page 2 to page 3 retitled
    g04 = site["G04"]
    g04.attachments = [
        ("P020230914562013.pdf", g04.attachments[0][1].replace(".pdf", "（2023年修订）.pdf"))
    ]
    mover = site.rows("tzgg")[15]
    assert site.page_of(mover.key) == 2
    for i in (22, 23, 24):
        site.add(_notice(i, "2023-09-14"))
    assert site.page_of(mover.key) == 3
    mover.title = mover.title.replace("的通知", "的补充通知")
    crawl(
        day,
        [
            ("removed", "N05", ()),
            ("edited", "G04", ("attachments",)),
            ("new", "N22", ()),
            ("new", "N23", ()),
            ("new", "N24", ()),
            ("edited", mover.key, ("title",)),
        ],
    )
    # 4: a WAF answers its challenge with status 404 — on two young notices (revisited daily)
    #    and on 通知公告's last list page; 行政处罚 regenerated empty (暂无信息). Nothing is
    #    news: failed fetches, no removal pending
    waf = Capture(body=WAF_404, status=404, note="WAF challenge as 404")
    site.faults = {site["N22"].path: waf, site["N23"].path: waf, "/xxgk/tzgg/index.jsp@page=3": waf}
    crawl(day, [], empty=("xzcf",))
    # 5: the WAF still blocks the two notices (a day later: still no removal); 行政处罚 back,
    #    P06 taken off its list but still served (not removed); N21's text quietly corrected
    site.faults = {site["N22"].path: waf, site["N23"].path: waf}
    site["P06"].listed = False
    n21 = site["N21"]
    n21.paragraphs[3] = n21.paragraphs[3].replace("每月5日前", "每月10日前")
    crawl(day, [("edited", "N21", ("body",))])
    # 6: two hours later, the WAF gone: noise only
    site.faults = {}
    crawl(timedelta(hours=2), [])

    state, log, spill = tmp_path / "state.json", tmp_path / "requests.log", tmp_path / "captures"
    state.write_text("{}", encoding="utf-8")
    server, base = start_server(state, log)
    db = tmp_path / "bulletin.db"
    config = write_config(
        tmp_path / "sites.toml",
        {
            "yxsthjj": {
                "title": "云溪市生态环境局",
                "start_urls": [
                    f"{base}/xxgk/tzgg/index.jsp",
                    f"{base}/xxgk/xzcf/index.jsp",
                    f"{base}/xxgk/gfxwj/index.jsp",
                ],
                "exclude": ["/search/", "/login/", "/ztzl/", "/about/", "/wap/"],
                "timezone": "Asia/Shanghai",
                "politeness": {"obey_robots": False},
            }
        },
    )
    days = []
    try:
        for moment, routes in zip(moments, plans):
            serve(state, routes, spill)
            days.append(crawl_cli("yxsthjj", db, config, moment))
    finally:
        server.shutdown()

    paths = {r.path: r.key for r in site.releases}
    got = [
        sorted(
            (e["kind"], _key(e["url"], paths), tuple(e.get("changed_fields") or ()))
            for e in d.events
            if not e["baseline"]
        )
        for d in days
    ]
    wanted = sum(len(x) for x in expected)
    found = sum(len(set(g) & set(x)) for g, x in zip(got, expected))
    false = sum(len(set(g) - set(x)) for g, x in zip(got, expected))
    right = sum(g == x for g, x in zip(got, expected))
    report = "\n".join(
        f"{'   ' if g == x else 'XX '}crawl {i}: expected {x}, got {g}"
        f"{'; failed: ' + ', '.join(_key(f['url'], paths) + ' ' + f['reason'] for f in d.failures) if d.failures else ''}"
        for i, (g, x, d) in enumerate(zip(got, expected, days))
    )
    baseline = sorted(_key(e["url"], paths) for e in days[0].events)
    print(
        f"\nFIGURE xxgk: {right}/{len(days)} crawls right, {found}/{wanted} events, {false} false, "
        f"baseline {len(baseline)}/36\n{report}"
    )
    assert baseline == sorted(
        r.key for r in site.releases if r.key not in {"N20", "N21", "N22", "N23", "N24", "P11"}
    ), baseline
    assert all(g == x for i, (g, x) in enumerate(zip(got, expected)) if i not in KNOWN_MISSES), (
        report
    )
    # The WAF's 404s and the emptied column are failed fetches the crawl names, not misses
    failed = {_key(f["url"], paths): (f["reason"], f["missing"]) for f in days[4].failures}
    assert failed["N22"] == failed["N23"] == ("anti-bot challenge (HTTP 404)", 0), failed
    assert failed["/xxgk/tzgg/index.jsp?page=3"] == ("anti-bot challenge (HTTP 404)", 0), failed
    # N05, taken off list page 3 of 3, is missed the same day: the day's first crawl walks every
    # list to its end, known rows or not
    assert [_key(f["url"], paths) for f in days[2].failures if f["missing"]] == ["N05"]
    # events --json carries what changed: the cell's diff, the removal's reason
    out = run_cli("events", "--json", db=db)
    events = {
        (e["kind"], _key(e["url"], paths)): e for e in map(json.loads, out.stdout.splitlines())
    }
    assert "罚款人民币叁万[-伍仟-]元整" in events["edited", "P10"]["diff"], events["edited", "P10"]
    assert events["removed", "N05"]["details"]["http_status"] == 404, events["removed", "N05"]
    assert failed["/xxgk/xzcf/index.jsp"] == (
        "list page without rows where 8 live releases were last listed (none of them taken as gone)",
        0,
    ), failed


def _chrome_404() -> str:
    """The site's own 404 page: its header, navigation and footer around 'page not found'."""
    from support.monitor_xxgk import _footer, _head, _header, _Noise

    noise = _Noise(0, datetime(2023, 9, 12, 1, 30, tzinfo=UTC))
    return (
        _head("页面不存在 - 云溪市生态环境局", noise, "/404.html")
        + _header(noise, "/404.html")
        + '<div class="container"><h2>抱歉，您访问的页面不存在或已被删除！</h2>'
        + '<script src="/static/js/captcha.js"></script><a href="/">返回首页</a></div>'
        + _footer(noise)
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (WAF_404, "anti-bot challenge"),
        (
            "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1>"
            "</center><hr><center>nginx</center></body></html>",
            "HTTP 404",
        ),
        (_chrome_404(), "HTTP 404"),
    ],
    ids=["waf-challenge", "nginx", "site-404-with-a-captcha-script"],
)
def test_a_404_is_gone_unless_its_body_is_a_block(body, reason):
    from crawler.extract.fetchcheck import failed_fetch_reason

    assert failed_fetch_reason(body.encode("utf-8"), 404, "text/html") == reason
    assert failed_fetch_reason(body.encode("utf-8"), 410, "text/html") == reason.replace(
        "404", "410"
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("a.pdf?v=20230913093012", "a.pdf?v=20230914093512", True),
        ("a.pdf?t=20230913", "a.pdf?t=20230914", True),
        ("a.pdf?_=202309130930", "a.pdf", True),
        ("a.pdf?v=20230913093012123", "a.pdf?v=20230914093512456", True),
        ("down.jsp?id=20230913", "down.jsp?id=20230914", False),
        ("a.pdf?v=20231399", "a.pdf?v=20231398", False),
    ],
    ids=["date-time", "date", "minutes", "milliseconds", "id-that-looks-like-a-date", "no-date"],
)
def test_a_clock_written_as_a_date_on_an_attachment_link_is_no_new_file(a, b, same):
    from storage.urls import attachment_key

    base = "http://sthjj.yunxi.example.gov.cn/xxgk/gfxwj/202307/"
    assert (attachment_key(base + a) == attachment_key(base + b)) is same
