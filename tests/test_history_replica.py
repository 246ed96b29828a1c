"""The replica site over eight daily crawls with the default windows (``removal_confirm_after``
1h, ``revisit`` [1, 7, 30]): two columns with list pages and articles, a watched statistics page,
and noise on every page of every crawl (clock, counter, CSRF token, rotating and reordered boxes).
Releases are added, pushed to page 2 with a new title, quietly edited, deleted (404) and
restored, unlisted while still served, answered 503 for a day, a list page answers an empty
200, and the whole site is redesigned: every new, edited, removed and restored release is one
event, and nothing else is.

(tests/test_replica_site.py runs the same site through the CLI with the removal window off;
here the crawls are days apart on the store's clock, in one process: tests/support/history.py.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from support.history import Step, replay_history
from support.history_site import REDESIGN, site_routes
from support.monitor_site import Release
from support.replay import Capture

NOTICES = [
    "关于开展2023年秋季爱国卫生运动的通知",
    "关于做好中秋国庆期间安全生产工作的通知",
    "关于开展城镇燃气安全专项整治的通知",
    "关于公布第二批市级非物质文化遗产名录的通知",
    "关于做好2023年度秋冬季森林防火工作的通知",
    "关于开展全市统计执法检查的通知",
    "关于调整城区部分公交线路的通告",
    "关于2023年秋季学期中小学开学工作的通知",
]
READINGS = [
    "解读临江市物业管理办法",
    "解读临江市城市绿化管理规定",
    "解读临江市养犬管理条例实施细则",
    "解读临江市促进就业若干措施",
]


def _notice(number: int, title: str, day: int) -> Release:
    return Release(
        "tzgg",
        number,
        title,
        f"2023-09-{day:02d}",
        [
            f"为进一步做好{title[2:10]}相关工作，现将有关事项通知如下。",
            f"一、工作时间为2023年9月{10 + day}日至10月{10 + day}日，共计{20 + day}个工作日。",
            "二、请各单位高度重视，认真组织实施，确保各项工作落到实处。",
        ],
    )


def _reading(number: int, title: str, day: int) -> Release:
    return Release(
        "zcjd",
        number,
        title,
        f"2023-09-{day:02d}",
        [
            f"近日，市政府印发《{title[2:]}》，现就有关内容解读如下。",
            f"《办法》共{5 + day}章{30 + day}条，自2023年10月1日起施行。",
        ],
        source="临江市司法局",
    )


def test_the_replica_site_over_eight_days_has_every_event_and_no_false_one(tmp_path):
    site = [_notice(100 + i, t, 1 + i) for i, t in enumerate(NOTICES)] + [
        _reading(200 + i, t, 2 + 2 * i) for i, t in enumerate(READINGS)
    ]
    by = {r.number: r for r in site}
    figures = {"地区生产总值（亿元）": "1234.5", "一般公共预算收入（亿元）": "98.7"}
    start = datetime(2023, 9, 10, 1, 30, tzinfo=UTC)
    steps, expected = [], []

    def day(expect: list[tuple], *, broken=None, listed=None, redesign=()) -> None:
        n = len(steps)
        moment = start + timedelta(days=n, hours=n)  # a little over a day apart
        kw = {"noise": n, "moment": moment, "redesign": redesign}
        routes = site_routes(tmp_path / f"day{n}", site, figures, **kw)
        if listed is not None:  # the lists show only these; the others are still served
            shown = [r for r in site if r.number in listed]
            lists = site_routes(tmp_path / f"day{n}-lists", shown, figures, **kw)
            routes.update({p: c for p, c in lists.items() if "/index" in p})
        routes.update(broken or {})
        steps.append(Step(None, at=moment, routes=routes))
        expected.append(sorted(expect))

    def page(number: int) -> str:
        return by[number].path.rsplit("/", 1)[-1]

    # 0: the baseline — 8 notices over two list pages, 4 readings, the statistics page
    day([])
    # 1: two new notices push 104 and 103 to page 2; 104 gets a new title on the way
    site.extend([_notice(108, "关于做好2023年第三季度统计报表报送工作的通知", 10)])
    site.extend([_notice(109, "关于开展2023年全国科普日活动的通知", 11)])
    by.update({r.number: r for r in site})
    by[104].title = "关于做好2023年度秋冬季森林防火工作的通知（修订）"
    day([("new", page(108), ()), ("new", page(109), ()), ("edited", page(104), ("title",))])
    # 2: a quiet body edit (no list change); 107 deleted (404: pending, not yet removed);
    #    202 taken off its list but still served (not removed)
    by[106].paragraphs[1] = by[106].paragraphs[1].replace("共计27个工作日", "共计30个工作日")
    by[107].removed = True
    listed = {r.number for r in site} - {202}
    day([("edited", page(106), ("body",))], listed=listed)
    # 3: 107 still gone a day later: removed; a new reading; new figures on the watched page
    site.append(_reading(204, "解读临江市老旧小区改造实施方案", 12))
    by[204] = site[-1]
    listed.add(204)
    figures["一般公共预算收入（亿元）"] = "101.2"
    day(
        [("removed", page(107), ()), ("new", page(204), ()), ("edited", "zyjjzb.html", ("body",))],
        listed=listed,
    )
    # 4: 107 back (restored, unchanged); 108 answers 503 for the day
    by[107].removed = False
    by[108].status = 503
    day([("restored", page(107), ())], listed=listed)
    # 5: noise only; 108 fine again; the notices' list page answers an empty 200
    by[108].status = None
    day([], listed=listed, broken={"/tzgg/index.html": Capture(body="", note="empty list page")})
    # 6: the site redesigned (every class, header, nav, footer new; contents as they were)
    day([], listed=listed, redesign=REDESIGN)
    # 7: under the new template, a quiet edit and a new notice
    by[109].paragraphs[2] = "二、请各单位于9月25日前报送活动方案。"
    site.append(_notice(110, "关于做好2023年国庆节假日期间值班工作的通知", 12))
    by[110] = site[-1]
    listed.add(110)
    day(
        [("edited", page(109), ("body",)), ("new", page(110), ())], listed=listed, redesign=REDESIGN
    )

    days, figures_ = replay_history(
        tmp_path / "replay",
        steps,
        name="replica",
        watch=False,
        site={
            "start_urls": ["/tzgg/index.html", "/zcjd/index.html"],
            "pages": ["/tjsj/zyjjzb.html"],
            "exclude": ["/rd/", "/search/"],
        },
    )
    got = [
        sorted(
            (e["kind"], e["url"].rsplit("/", 1)[-1], tuple(e.get("changed_fields") or ()))
            for e in d.events
            if not e["baseline"]
        )
        for d in days
    ]
    report = "\n".join(
        f"{'   ' if g == x else 'XX '}crawl {i}: expected {x}, got {g}"
        for i, (g, x) in enumerate(zip(got, expected))
    )
    right = sum(g == x for g, x in zip(got, expected))
    print(
        f"\nFIGURE replica: {right}/{len(steps)} crawls right, {figures_['seconds']:.1f} s\n{report}"
    )
    assert len(days[0].events) == 13 and all(e["baseline"] for e in days[0].events)
    assert got == expected, report

    def failed(crawl: int) -> dict[str, str]:
        return {f["url"].rsplit("/", 1)[-1]: f["reason"] for f in days[crawl].failures}

    assert failed(2) == {page(107): "HTTP 404"}  # pending: a miss, no event yet
    assert failed(4) == {page(108): "HTTP 503"}
    assert failed(5) == {"index.html": "empty body"}  # and no release of that list removed
    from storage import Store

    with Store(tmp_path / "replay" / "bulletin.db") as store:
        statuses = {r["url"].rsplit("/", 1)[-1]: r["status"] for r in store.releases("replica")}
    assert statuses[page(202)] == "live" and set(statuses.values()) == {"live"}
