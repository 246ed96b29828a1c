"""A county portal crawled eight times over a week (written blind: before reading how the writer
and the store decide events). Three columns of a TRS-like static site in GBK (tests/support/
monitor_county.py): one release listed in two columns under two row titles (and two links, one
with ``;jsessionid=``), rows pushed to later list pages while their titles change, a burst of
new releases that moves every row one page on (index_1 → index_2), a 404 that recovers half an
hour later, a removal and its restoration, an article moved to a new URL (the old one answering
301), a column regenerated empty for one crawl (暂无信息), and noise on every page. Every new,
edited, removed and restored release must be one event, and nothing else may be."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from support.harness import write_config
from support.history import Step, replay_history
from support.monitor_county import County, Release, start_server

# Crawls whose events are known to be wrong (an upper bound: a fix elsewhere may right them).
KNOWN_MISSES: dict[int, str] = {}

NOTICES = [
    "关于开展2023年度全县安全生产大检查的通知",
    "关于做好2023年秋季学期学生资助工作的通知",
    "关于公布清溪县第三批县级非物质文化遗产代表性项目名录的通知",
    "关于开展城乡居民医疗保险集中参保缴费工作的通告",
    "关于2023年清溪县事业单位公开招聘工作人员资格复审的公告",
    "关于调整县城区部分路段交通组织的通告",
    "关于开展农村自建房安全隐患排查整治的通知",
    "关于做好2023年中秋国庆期间值班值守工作的通知",
    "关于印发清溪县秋冬季森林防火工作方案的通知",
    "关于公开征求《清溪县城市管理综合执法办法（征求意见稿）》意见的公告",
    "关于开展2023年全县统计执法检查的通知",
    "关于做好秋季重大动物疫病集中免疫工作的通知",
    "关于2023年度县级财政专项资金绩效评价结果的公示",
    "关于举办清溪县第五届农民丰收节系列活动的通知",
    "关于开展全国科普日清溪县系列活动的通知",
    "关于做好2023年秋冬季大气污染防治工作的通知",
    "关于公布清溪县2023年第二季度“红黑榜”的通报",
    "关于开展拖欠农民工工资问题专项整治的通知",
    "关于2023年清溪县城乡低保标准调整的公告",
    "关于做好国庆假期旅游市场安全监管工作的通知",
    "关于开展2023年度全县消防安全专项检查的通知",
    "关于公布县级行政许可事项清单（2023年版）的通知",
    "关于做好秋季学校传染病防控工作的通知",
]
NEWS = [
    "县委常委会召开会议传达学习省委全会精神",
    "县政府召开第十二次常务会议",
    "我县召开2023年秋冬季森林防火工作部署会",
    "县领导督导检查重点项目建设进度",
    "清溪县举行2023年重大项目集中开工仪式",
    "县人大常委会开展食品安全法执法检查",
    "我县召开优化营商环境工作推进会",
    "县政府与省农科院签署战略合作协议",
    "县长主持召开防汛抗旱工作专题会议",
]
POLICIES = [
    "清溪县人民政府关于印发《清溪县国土空间总体规划实施细则》的通知",
    "清溪县人民政府办公室关于进一步加强耕地保护的实施意见",
    "清溪县人民政府办公室关于印发《清溪县政府投资项目管理办法》的通知",
    "清溪县人民政府关于调整城乡居民基本医疗保险筹资标准的通知",
    "清溪县人民政府办公室关于印发《清溪县促进民营经济高质量发展若干措施》的通知",
    "清溪县人民政府关于公布县级权责清单的通知",
]


def _day(n: int) -> str:
    return (datetime(2023, 8, 28) + timedelta(days=n)).strftime("%Y-%m-%d")


def _notice(i: int, date: str) -> Release:
    title = NOTICES[i - 1]
    return Release(
        f"T{i:02d}",
        "tzgg",
        1000 + i,
        title,
        date,
        "县人民政府办公室",
        [
            f"各乡镇人民政府，县直各单位：为切实做好{title[2:14]}相关工作，现将有关事项通知如下。",
            f"一、时间安排。自{date[5:7]}月{int(date[8:])}日起至10月31日止，分动员部署、自查自纠、督查检查三个阶段进行。",
            "二、工作要求。各单位要高度重视，明确专人负责，于每月25日前将工作进展情况报送县人民政府办公室。",
            f"联系人：王某某，联系电话：0730-12345{i:02d}。",
        ],
    )


def _news(i: int, date: str) -> Release:
    title = NEWS[i - 1]
    return Release(
        f"W{i:02d}",
        "zwdt",
        2000 + i,
        title,
        date,
        "县融媒体中心",
        [
            f"{date[5:7]}月{int(date[8:])}日上午，{title[:8]}，县委副书记、县长李某某出席并讲话。",
            f"会议指出，要坚持问题导向，狠抓工作落实，全年完成投资{30 + i}亿元以上。",
            "会议强调，各级各部门要压实工作责任，确保各项目标任务按时保质完成。",
        ],
    )


def _policy(i: int, date: str) -> Release:
    title = POLICIES[i - 1]
    return Release(
        f"Z{i:02d}",
        "zcwj",
        3000 + i,
        title,
        date,
        "清溪县人民政府办公室",
        [
            "各乡镇人民政府，县政府各部门：",
            f"《{title.split('《')[-1].split('》')[0]}》已经县人民政府第{10 + i}次常务会议审议通过，现印发给你们，请认真贯彻执行。",
            f"本文件自印发之日起施行，有效期{i + 2}年。",
        ],
    )


def test_the_county_portal_over_eight_crawls_has_every_event_and_no_false_one(tmp_path):
    site = County(
        [_notice(i, _day(i + 1)) for i in range(1, 15)]
        + [_news(i, _day(3 + i)) for i in range(1, 9)]
        + [_policy(i, _day(-14 + 4 * i)) for i in range(1, 7)]
    )
    z5 = site["Z05"]  # 09-03: also a 通知公告 row, titled there with the office in front
    z5.also["tzgg"] = "县政府办公室关于印发《清溪县促进民营经济高质量发展若干措施》的通知"
    z5.attachment = "清溪县促进民营经济高质量发展若干措施.pdf"
    start = datetime(2023, 9, 12, 1, 30, tzinfo=UTC)  # 09:30 in 清溪
    steps, expected, moments = [], [], []

    def crawl(after: timedelta, expect: list[tuple], empty: tuple[str, ...] = ()) -> None:
        moment = moments[-1] + after if moments else start
        moments.append(moment)
        routes = site.routes(len(steps), moment, empty=empty)
        steps.append(Step(None, at=moment, routes=routes))
        expected.append(sorted(expect))

    day = timedelta(days=1, minutes=7)

    # 0: the baseline — 14 notices (+ Z05) over three list pages, 8 news, 6 policies
    crawl(timedelta(0), [])
    # 1: three new notices push three rows from index to index_1 (and three on to index_2);
    #    one of those moving from page 1 to page 2 gets a new title; W04 answers 404
    #    (the CMS republishing: pending, not removed)
    moving = site.rows("tzgg")[4]
    for i in (15, 16, 17):
        site.add(_notice(i, "2023-09-13"))
    moving.title = moving.title.replace("公开征求", "再次公开征求")
    assert moving.key == "T10" and "再次" in moving.title
    w07 = site["W07"]  # retitled, and answering 404 while the CMS republishes it
    w07.title, w07.status = w07.title.replace("推进会", "推进大会"), 404
    crawl(
        day,
        [
            ("new", "T15", ()),
            ("new", "T16", ()),
            ("new", "T17", ()),
            ("edited", moving.key, ("title",)),
        ],
    )
    # 2: half an hour later W07 is back, retitled (within removal_confirm_after: no removal;
    #    its edit is found now); a new 政务动态
    w07.status = None
    site.add(_news(9, "2023-09-13"))
    crawl(timedelta(minutes=30), [("new", "W09", ()), ("edited", "W07", ("title",))])
    # 3: 政务动态's first list page regenerated empty (暂无信息): none of its releases removed;
    #    Z05's row title in 通知公告 changes (its page does not): no event; Z03 taken off its
    #    list and answering 404: pending
    z5.also["tzgg"] = "【政策文件】关于印发《清溪县促进民营经济高质量发展若干措施》的通知"
    site["Z03"].status, site["Z03"].listed = 404, False
    crawl(day, [], empty=("zwdt",))
    # 4: 政务动态 back; Z03 still gone a day later: removed; T12 moves to a new URL (the site's
    #    new article system), its old URL answering 301 there and the lists linking the new one
    t12 = site["T12"]
    t12.moved_from, t12.path = t12.path, "/art/2023/9/10/art_3021_1012.html"
    crawl(day, [("removed", "Z03", ())])
    # 5: Z03 restored as it was; Z05 retitled, in both its rows and on its page (one event);
    #    W09's text quietly edited (no row changes: a young release, revisited daily)
    site["Z03"].status, site["Z03"].listed = None, True
    z5.title = z5.title.replace("若干措施", "若干政策措施")
    z5.also["tzgg"] = z5.also["tzgg"].replace("若干措施", "若干政策措施")
    site["W09"].paragraphs[1] = (
        site["W09"].paragraphs[1].replace("亿元以上", "亿元以上，同比增长12%")
    )
    crawl(
        day,
        [("restored", "Z03", ()), ("edited", "Z05", ("title",)), ("edited", "W09", ("body",))],
    )
    # 6: six new notices at once: every row of 通知公告 moves one page on (index_1 → index_2,
    #    a new last page); one row moving from page 2 to page 3 gets a new title
    renamed = site.rows("tzgg")[8]
    for i, date in zip(range(18, 24), ["2023-09-17"] * 3 + ["2023-09-18"] * 3):
        site.add(_notice(i, date))
    renamed.title = renamed.title.replace("工作方案", "工作实施方案")
    assert renamed.key == "T09" and "实施方案" in renamed.title
    crawl(
        day,
        [("new", f"T{i}", ()) for i in range(18, 24)] + [("edited", renamed.key, ("title",))],
    )
    # 7: noise only, but T12 (at its new URL) gets a corrected title, row and page
    t12.title = t12.title.replace("工作的通知", "工作的紧急通知")
    assert "紧急" in t12.title
    crawl(day, [("edited", "T12", ("title",))])

    state, log = tmp_path / "county-state.json", tmp_path / "county-requests.log"
    state.write_text("{}", encoding="utf-8")
    server = start_server(state, log)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = write_config(
        tmp_path / "sites.toml",
        {
            "qingxi": {
                "title": "清溪县人民政府",
                "start_urls": [
                    f"{base}/xxgk/tzgg/index.html",
                    f"{base}/xwzx/zwdt/index.html",
                    f"{base}/xxgk/zcwj/index.html",
                ],
                "exclude": ["/search/", "/member/", "/ztzl/", "/links/", "/xz/"],
                "timezone": "Asia/Shanghai",
                "politeness": {"obey_robots": False},
            }
        },
    )
    try:
        days, figures = replay_history(
            tmp_path / "replay", steps, name="qingxi", watch=False, server=(base, state, config)
        )
    finally:
        server.shutdown()

    keys = {}
    for release in site.releases:
        keys[release.path] = release.key
        if release.moved_from:
            keys[release.moved_from] = release.key

    def key(url: str) -> str:
        path = "/" + url.split("/", 3)[3]
        return keys.get(path, path)

    got = [
        sorted(
            (e["kind"], key(e["url"]), tuple(e.get("changed_fields") or ()))
            for e in d.events
            if not e["baseline"]
        )
        for d in days
    ]
    baseline = sorted(key(e["url"]) for e in days[0].events)
    wanted = sum(len(x) for x in expected)
    found = sum(len(set(g) & set(x)) for g, x in zip(got, expected))
    false = sum(len(set(g) - set(x)) for g, x in zip(got, expected))
    right = sum(g == x for g, x in zip(got, expected))
    report = "\n".join(
        f"{'   ' if g == x else 'XX '}crawl {i}: expected {x}, got {g}"
        f"{'; failed: ' + ', '.join(key(f['url']) + ' ' + f['reason'] for f in d.failures) if d.failures else ''}"
        for i, (g, x, d) in enumerate(zip(got, expected, days))
    )
    print(
        f"\nFIGURE county: {right}/{len(steps)} crawls right, {found}/{wanted} events, "
        f"{false} false, baseline {len(baseline)}/28, {figures['seconds']:.1f} s\n{report}"
    )
    assert baseline == sorted(
        {r.key for r in site.releases if r.number < 1015 or r.column != "tzgg"} - {"W09"}
    ), baseline
    assert all(g == x for i, (g, x) in enumerate(zip(got, expected)) if i not in KNOWN_MISSES), (
        report
    )
    from storage import Store

    with Store(tmp_path / "replay" / "bulletin.db") as store:
        statuses = {key(r["url"]): r["status"] for r in store.releases("qingxi")}
    assert sorted(statuses) == sorted(r.key for r in site.releases)  # T12's move made no second
    if not KNOWN_MISSES:
        assert set(statuses.values()) == {"live"}
    assert {key(f["url"]): f["reason"] for f in days[1].failures} == {"W07": "HTTP 404"}
    # Z03 taken off its list is checked at once (its weekly revisit is days away): pending
    EMPTIED = (
        "list page without rows where 6 live releases were last listed (none of them taken as gone)"
    )
    assert {key(f["url"]): f["reason"] for f in days[3].failures} == {
        "Z03": "HTTP 404",
        # 政务动态 regenerated empty (its box on the 新闻中心 overview too): said, and none of
        # its rows taken as gone
        "/xwzx/zwdt/index.html": EMPTIED,
        "/xwzx/": EMPTIED,
    }
