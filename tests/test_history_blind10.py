"""Four histories written blind for issue 10 in session 10 (``tests/support/history_blind10.py``),
before reading how the crawler tells a page from a faulty response, labelled as an archivist
would before the first run:

- a 统计局 dashboard watched at one URL: a month's column added twice, a figure revised;
- a county 教育局 notice (GB2312): silently corrected, then an attachment added;
- an English agency's press release: a figure corrected, then a correction note appended;
- a 信息公开 column (two list pages) whose rows reorder and move pages: new releases, a title
  changed as its row moves to page 2, a quiet body edit, a release redirected home for good and
  one deleted (404) — each removed only once a miss is confirmed a day later.

Between them, the responses sites send in place of a page: a packed-script cookie challenge,
CDN/WAF 403 and 503 pages (Chinese and English), a bare 系统维护中 or 网站升级改造中 page on a
200, Spring's Whitelabel Error Page, Tomcat's HTTP Status 500 page, a PHP fatal error dump,
ASP.NET's Server Error page, Varnish's Guru Meditation, unrendered ``{{ }}``, ``<%= %>`` and
``${…}`` templates, a body cut mid-page, the page's chrome with its content block empty, a
redirect home or to a login page, another page's content at the URL — every one a failed fetch
(a redirect home: a miss, pending for a day), never a version and never a removal; and the noise
of every fetch (clocks, counters, tokens, random recommendations) never an edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from support.history import Step, replay_history, score_days
from support.history_blind10 import (
    COLUMN,
    DASH_PATH,
    NOTICE_PATH,
    RELEASE_PATH,
    ZR_SITE,
    Dashboard,
    Item,
    Noise,
    Notice,
    Release,
    article_page,
    aspnet_ysod,
    cdn_403_zh,
    cloudflare_403,
    dashboard_empty_block,
    dashboard_page,
    dashboard_scripted,
    drupal_maintenance,
    en_home,
    en_other_release,
    jy_other_notice,
    list_empty_block,
    list_pages,
    maintenance_bare,
    notice_asp_tags,
    notice_mustache,
    notice_noisy_inside,
    notice_page,
    packed_cookie_challenge,
    php_fatal,
    release_el_template,
    release_empty_region,
    release_noisy_inside,
    release_page,
    sso_login,
    tj_home,
    tj_other_article,
    tomcat_500,
    upgrading,
    varnish_503,
    waf_503_zh,
    whitelabel_error,
    zr_chrome,
)
from support.replay import Capture

GBK = "text/html; charset=gb2312"


class Days:
    """A watched page's days: one capture a day at 09:30 Beijing, noise seeded by the day."""

    def __init__(self, start: datetime):
        self.steps: list[Step] = []
        self.moment = start
        self.seed = 0

    def noise(self) -> Noise:
        return Noise(self.seed, (self.moment + timedelta(hours=8)).date())

    def add(self, capture: Capture, expect=(), *, failed=False, routes=None) -> None:
        self.steps.append(
            Step(capture, at=self.moment, expect=list(expect), failed=failed, routes=routes or {})
        )
        self.moment += timedelta(days=1)
        self.seed += 1


def _figure(name: str, steps, days, seconds) -> tuple[list, str]:
    judged = score_days(steps, days)
    right = sum(ok for _, ok, _ in judged)
    report = "\n".join(("   " if ok else "XX ") + line for _, ok, line in judged)
    print(f"\nFIGURE blind10 {name}: {right}/{len(steps)} days right, {seconds:.1f} s\n{report}")
    return judged, report


# 1. The dashboard ---------------------------------------------------------------------------


def dashboard_history() -> list[Step]:
    d = Days(datetime(2024, 5, 6, 1, 30, tzinfo=UTC))
    b0 = Dashboard()
    b1 = b0.add_month("1-4月", "2024-05-17")
    b2 = b1.revise("1-3月", 3, "943.05", "2024-05-20")  # 社零 revised, the update line with it
    b3 = b2.add_month("1-5月", "2024-06-18")

    def page(b: Dashboard, note: str, expect=()) -> None:
        d.add(Capture(body=dashboard_page(b, d.noise()), note=note), expect)

    def fault(capture: Capture, routes=None) -> None:
        d.add(capture, failed=True, routes=routes)

    page(b0, "first sight", ["new"])
    page(b0, "noise: clock, counters, token, recommendations, chart stamp")
    fault(Capture(body=packed_cookie_challenge(d.noise()), note="packed-script cookie challenge"))
    page(b1, "the 1-4月 column added", ["edited"])
    fault(Capture(body=cdn_403_zh(d.noise()), status=403, note="CDN 403 禁止访问 (Chinese)"))
    fault(Capture(body=maintenance_bare(d.noise()), note="bare 系统维护中 page, 200"))
    page(b1, "noise")
    fault(Capture(body=dashboard_empty_block(d.noise()), note="chrome only, content block empty"))
    fault(Capture(body=whitelabel_error(d.noise()), note="Whitelabel Error Page, 200"))
    whole = dashboard_page(b1, d.noise()).encode()
    cut = whole.index("<tr><td>社会消费品零售总额".encode()) + 12
    fault(Capture(data=whole, truncate=cut, length=False, note="cut mid-table, no Content-Length"))
    page(b2, "a figure revised (社零 1-3月) and the update line", ["edited"])
    fault(
        Capture(status=302, location="/", note="302 to the home page"),
        routes={"/": Capture(body=tj_home(d.noise()))},
    )
    page(b2, "back; noise")
    page(b3, "the 1-5月 column added", ["edited"])
    fault(Capture(body=tj_other_article(d.noise()), note="the 统计公报's content at the URL"))
    page(b3, "noise")
    return d.steps


def test_the_dashboard_is_right_every_day(tmp_path):
    steps = dashboard_history()
    days, figures = replay_history(tmp_path, steps, path=DASH_PATH)
    judged, report = _figure("dashboard", steps, days, figures["seconds"])
    known: set[int] = set()
    assert {i for i, ok, _ in judged if not ok} <= known, report


# 2. The notice ------------------------------------------------------------------------------


def notice_history() -> list[Step]:
    d = Days(datetime(2024, 6, 13, 1, 30, tzinfo=UTC))
    n0 = Notice()
    n1 = replace(n0, dates="2024年7月2日至7月6日", verify="7月9日至7月11日")  # no 更正 note
    n2 = replace(
        n1,
        attachments=[
            (
                "/xxgk/tzgg/202406/P020240625581234567890.docx",
                "附件：示例县2024年义务教育招生入学报名表.docx",
            )
        ],
    )

    def page(n: Notice, note: str, expect=()) -> None:
        d.add(Capture(data=notice_page(n, d.noise()), content_type=GBK, note=note), expect)

    def fault(capture: Capture, routes=None) -> None:
        d.add(capture, failed=True, routes=routes)

    page(n0, "first sight", ["new"])
    page(n0, "noise: date, 点击数, visitors, 热点")
    fault(Capture(body=tomcat_500(d.noise()), note="Tomcat HTTP Status 500 page, 200"))
    fault(
        Capture(
            data=notice_mustache(d.noise()), content_type=GBK, note="{{ article.title }} template"
        )
    )
    page(n1, "silent correction of the dates", ["edited"])
    login = {"/sso/login": Capture(body=sso_login(d.noise()))}
    fault(Capture(status=302, location="/sso/login", note="302 to the SSO login, day 1"), login)
    fault(Capture(status=302, location="/sso/login", note="302 to the SSO login, day 2"), login)
    page(n1, "noise")
    fault(Capture(body=upgrading(d.noise()), note="网站升级改造中, 200"))
    fault(Capture(data=notice_asp_tags(d.noise()), content_type=GBK, note="<%= %> ASP source"))
    fault(Capture(body=php_fatal(d.noise()), note="PHP warning + fatal error dump, 200"))
    page(n1, "noise")
    fault(Capture(data=jy_other_notice(d.noise()), content_type=GBK, note="another notice, day 1"))
    fault(Capture(data=jy_other_notice(d.noise()), content_type=GBK, note="another notice, day 2"))
    page(n2, "an attachment added", ["edited"])
    page(n2, "noise")
    return d.steps


def test_the_notice_is_right_every_day(tmp_path):
    steps = notice_history()
    days, figures = replay_history(tmp_path, steps, path=NOTICE_PATH)
    judged, report = _figure("notice", steps, days, figures["seconds"])
    known: set[int] = set()
    assert {i for i, ok, _ in judged if not ok} <= known, report


# 3. The press release -----------------------------------------------------------------------


def release_history() -> list[Step]:
    d = Days(datetime(2024, 6, 18, 15, 0, tzinfo=UTC))
    r0 = Release()
    r1 = replace(r0, total="$4.25 million", largest="$660,000")
    r2 = replace(
        r1,
        correction="Correction: An earlier version of this release misstated the total amount "
        "awarded and the amount of the City of Ashby's grant.",
    )

    def page(r: Release, note: str, expect=()) -> None:
        d.add(Capture(body=release_page(r, d.noise()), note=note), expect)

    def fault(capture: Capture, routes=None) -> None:
        d.add(capture, failed=True, routes=routes)

    page(r0, "first sight", ["new"])
    page(r0, "noise: alert banner date, form_build_id, nonce, css hash, more news")
    fault(Capture(body=cloudflare_403(d.noise()), status=403, note="Cloudflare 403 block"))
    fault(Capture(body=varnish_503(d.noise()), note="Varnish 503 Guru Meditation as 200"))
    fault(Capture(body=aspnet_ysod(d.noise()), note="ASP.NET Server Error in '/' Application, 200"))
    page(r1, "two figures corrected", ["edited"])
    fault(Capture(body=release_el_template(d.noise()), note="${pressRelease.title} template"))
    whole = release_page(r1, d.noise()).encode()
    cut = whole.index(b"The grants are funded") + 30
    fault(Capture(data=whole, truncate=cut, note="connection cut mid-paragraph (Content-Length)"))
    fault(
        Capture(status=301, location="/", note="301 to the home page"),
        routes={"/": Capture(body=en_home(d.noise()))},
    )
    page(r1, "back; noise")
    fault(Capture(body=drupal_maintenance(d.noise()), note="Drupal 'Site under maintenance', 200"))
    fault(Capture(body=en_other_release(d.noise()), note="another release's content at the URL"))
    page(r2, "a correction note appended", ["edited"])
    fault(Capture(body=release_empty_region(d.noise()), note="the theme with no article"))
    page(r2, "noise")
    return d.steps


def test_the_press_release_is_right_every_day(tmp_path):
    steps = release_history()
    days, figures = replay_history(tmp_path, steps, path=RELEASE_PATH)
    judged, report = _figure("release", steps, days, figures["seconds"])
    known: set[int] = set()
    assert {i for i, ok, _ in judged if not ok} <= known, report


# 4. The 信息公开 column ---------------------------------------------------------------------

_TITLES = [
    "关于2024年度第一批次城镇建设用地批准情况的公告",
    "关于征求《示例市国土空间总体规划（2021—2035年）》意见的公告",
    "示例市自然资源和规划局关于开展地质灾害隐患排查的通知",
    "关于公布2024年第一批测绘资质审批结果的通知",
    "关于示例市中心城区控制性详细规划修改的批前公示",
    "关于2024年度耕地保护目标责任考核结果的通报",
    "关于公开征集土地储备项目线索的公告",
    "示例市不动产登记中心关于调整办公时间的通知",
    "关于示例市2024年国有建设用地供应计划的公告",
    "关于开展2024年“土地日”主题宣传活动的通知",
    "关于2024年度第二批次城镇建设用地批准情况的公告",
]


def _item(k: int) -> Item:
    title = _TITLES[k]
    return Item(
        1000 + k,
        title,
        f"2024-05-{k + 1:02d}",
        [
            f"根据有关法律法规和工作安排，现就{title[2:14]}有关事项公告（通知）如下。",
            f"一、本次涉及范围为全市{k + 3}个县（市、区），共{12 + 3 * k}宗地块，总面积"
            f"{35.6 + k:.2f}公顷。",
            "二、相关单位和个人如有意见，请在公示期内以书面形式向我局反映。",
            f"联系电话：0371-6600{1200 + k}。",
        ],
    )


def _column_routes(live: list[Item], noise: Noise, broken=None, order=None) -> dict:
    """One crawl's routes of the column: its list pages, its articles (404 for one deleted),
    the home page; ``broken`` replaces some for the day, ``order`` rewrites list page 1."""
    routes = {path: Capture(body=body) for path, body in list_pages(live, noise).items()}
    if order is not None:  # page 1's rows in another order (a sort weight changed)
        routes[COLUMN + "index.html"] = Capture(body=order(routes[COLUMN + "index.html"].body))
    for item in live:
        if item.status == 404:
            routes[item.path] = Capture(
                body="<html><body><h1>404 Not Found</h1></body></html>", status=404
            )
        else:
            routes[item.path] = Capture(body=article_page(item, noise))
    routes["/"] = Capture(body=tj_home_like(noise))
    routes.update(broken(noise) if broken else {})
    return routes


def column_history(tmp_path) -> tuple[list[Step], list[list[tuple[str, int]]]]:
    items = {k: _item(k) for k in range(8)}
    start = datetime(2024, 5, 8, 1, 30, tzinfo=UTC)
    steps: list[Step] = []
    expected: list[list[tuple[str, int]]] = []

    def crawl(expect, *, broken=None, order=None, at_hours=0) -> None:
        n = len(steps)
        noise = Noise(n, (start + timedelta(days=n, hours=8)).date())
        routes = _column_routes(list(items.values()), noise, broken, order)
        steps.append(Step(None, at=start + timedelta(days=n, hours=at_hours), routes=routes))
        expected.append(sorted(expect))

    # 0: the baseline — 8 releases over two list pages (6 + 2)
    crawl([])
    # 1: two new releases push two rows to page 2; one of them retitled on the way
    items[8], items[9] = _item(8), _item(9)
    items[2].title = items[2].title.replace("的通知", "的通知（第二次）")
    crawl([("new", 1008), ("new", 1009), ("edited", 1002)])

    # 2: page 1's rows reordered (no change); a quiet body edit on a release
    def swap(page: str) -> str:
        a = page.index('<li><a href="' + items[9].path)
        b = page.index('<li><a href="' + items[8].path)
        c = page.index("</li>", b) + 5
        return page[:a] + page[b:c] + "\n" + page[a:b].rstrip("\n") + page[c:]

    items[7].paragraphs[1] = items[7].paragraphs[1].replace("共33宗地块", "共34宗地块")
    crawl([("edited", 1007)], order=swap)
    # 3: list page 1 answers a cookie challenge: nothing listed on it is gone
    crawl([], broken=lambda n: {COLUMN + "index.html": Capture(body=packed_cookie_challenge(n))})
    # 4: 1009 serves another release's page; 1001 redirects home and leaves its list (pending)
    items[1].gone = True
    crawl(
        [],
        broken=lambda n: {
            items[9].path: Capture(body=article_page(items[8], n)),
            items[1].path: Capture(status=302, location="/"),
        },
    )
    # 5: 1001 still redirects home: removed; list page 2 renders with its list block empty
    crawl(
        [("removed", 1001)],
        broken=lambda n: {
            items[1].path: Capture(status=302, location="/"),
            COLUMN + "index_1.html": Capture(body=list_empty_block(n)),
        },
    )
    # 6: list page 1 answers the WAF's 503; 1009 is itself again
    crawl(
        [],
        broken=lambda n: {
            items[1].path: Capture(status=302, location="/"),
            COLUMN + "index.html": Capture(body=waf_503_zh(n), status=503),
        },
    )
    # 7: a new release; 1004 deleted (off its list, 404): pending
    items[10] = _item(10)
    items[4].gone, items[4].status = True, 404
    crawl(
        [("new", 1010)],
        broken=lambda n: {items[1].path: Capture(status=302, location="/")},
    )
    # 8: 1004 still 404 a day later: removed
    crawl(
        [("removed", 1004)],
        broken=lambda n: {items[1].path: Capture(status=302, location="/")},
    )
    return steps, expected


def _number(url: str) -> int | str:
    tail = url.rsplit("_", 1)[-1].split(".")[0]
    return int(tail) if tail.isdigit() else url


def tj_home_like(noise: Noise) -> str:
    return tj_home(noise).replace("示例市统计局", "示例市自然资源和规划局")


def test_the_column_has_every_event_and_no_false_one(tmp_path):
    steps, expected = column_history(tmp_path)
    days, figures = replay_history(
        tmp_path / "replay",
        steps,
        name="zrzyj",
        watch=False,
        site={"start_urls": [COLUMN + "index.html"], "exclude": ["/search/", "/xwzx/"]},
    )
    got = [
        sorted((e["kind"], _number(e["url"])) for e in d.events if not e["baseline"]) for d in days
    ]
    report = "\n".join(
        f"{'   ' if g == x else 'XX '}crawl {i}: expected {x}, got {g}; failed: "
        + "; ".join(f"{f['url'].split('/', 3)[-1]} {f['reason']}" for f in d.failures)
        for i, (g, x, d) in enumerate(zip(got, expected, days))
    )
    right = sum(g == x for g, x in zip(got, expected))
    print(
        f"\nFIGURE blind10 column: {right}/{len(steps)} crawls right, {figures['seconds']:.1f} s\n{report}"
    )
    assert len(days[0].events) == 8 and all(e["baseline"] for e in days[0].events)
    known: set[int] = set()
    assert {i for i, (g, x) in enumerate(zip(got, expected)) if g != x} <= known, report


FIRST_SIGHT = {
    "packed-cookie-challenge": packed_cookie_challenge,
    "bare-maintenance": maintenance_bare,
    "whitelabel-error": whitelabel_error,
    "tomcat-500": tomcat_500,
    "mustache-template": notice_mustache,
    "upgrading": upgrading,
    "asp-source": notice_asp_tags,
    "php-fatal": php_fatal,
    "sso-login": sso_login,
    "varnish-503": varnish_503,
    "aspnet-runtime-error": aspnet_ysod,
    "el-template": release_el_template,
    "drupal-maintenance": drupal_maintenance,
    "dashboard-empty-block": dashboard_empty_block,
    "theme-without-article": release_empty_region,
}


def test_each_fault_on_a_pages_first_sight_is_no_release(tmp_path):
    # Nothing stored to compare with: the response alone must say it is no page. One watched
    # page per fault, answering it on the first day and the page itself the next.
    noise = Noise(1, datetime(2024, 6, 1).date())
    paths = {name: f"/first/{name}.html" for name in FIRST_SIGHT}
    first = {}
    for name, fault in FIRST_SIGHT.items():
        body = fault(noise)
        first[paths[name]] = (
            Capture(data=body, content_type=GBK, note=name)
            if isinstance(body, bytes)
            else Capture(body=body, note=name)
        )
    pages = {
        path: Capture(body=release_page(replace(Release(), largest=f"${600 + n},000"), noise))
        for n, path in enumerate(paths.values())
    }
    steps = [
        Step(None, at=datetime(2024, 6, 1, 1, 30, tzinfo=UTC), routes=first),
        Step(None, at=datetime(2024, 6, 2, 1, 30, tzinfo=UTC), routes=pages),
    ]
    days, _ = replay_history(tmp_path, steps, watch=False, site={"pages": list(paths.values())})
    recorded = {
        name: [e["kind"] for e in days[0].events if e["url"].endswith(path)]
        for name, path in paths.items()
    }
    failed = {
        name
        for name, path in paths.items()
        if any(f["url"].endswith(path) for f in days[0].failures)
    }
    # Known: the theme around no article, its only text the site's alert banner, under the
    # <title> "News": with no site model yet (one watched page) nothing tells that banner from
    # a one-line page, so it is a release (and the article, the next day, an edit).
    known = {"theme-without-article"}
    assert {name for name, kinds in recorded.items() if kinds} == known
    assert failed == set(paths) - known
    assert sorted(e["kind"] for e in days[1].events) == sorted(
        ["new"] * (len(paths) - len(known)) + ["edited"] * len(known)
    )


def test_noise_inside_the_notices_own_container_is_no_edit(tmp_path):
    # Written after the four histories passed: a reading counter with a relative 发布于N天前,
    # 上一篇/下一篇 and a random 相关推荐 inside the content cell, a hidden token — noise every
    # day; the silent correction and the attachment are edits.
    d = Days(datetime(2024, 6, 13, 1, 30, tzinfo=UTC))
    n0 = Notice()
    n1 = replace(n0, dates="2024年7月2日至7月6日")
    n2 = replace(
        n1, attachments=[("/xxgk/tzgg/202406/P020240625581234567890.docx", "附件：报名表.docx")]
    )
    for notice, note, expect in [
        (n0, "first sight", ["new"]),
        (n0, "noise", []),
        (n0, "noise", []),
        (n1, "silent correction", ["edited"]),
        (n1, "noise", []),
        (n2, "an attachment added", ["edited"]),
        (n2, "noise", []),
    ]:
        body = notice_noisy_inside(notice, d.noise())
        d.add(Capture(data=body, content_type=GBK, note=note), expect)
    days, figures = replay_history(tmp_path, d.steps, path=NOTICE_PATH)
    judged, report = _figure("noisy notice", d.steps, days, figures["seconds"])
    assert all(ok for _, ok, _ in judged), report


def test_noise_inside_the_releases_own_article_is_no_edit(tmp_path):
    # A relative "Updated N days ago · 4 min read" and a random "Related content" list inside
    # the <article>: noise every day; the corrected figures and the correction note are edits.
    d = Days(datetime(2024, 6, 19, 15, 0, tzinfo=UTC))
    r0 = Release()
    r1 = replace(r0, total="$4.25 million")
    r2 = replace(r1, correction="Correction: An earlier version misstated the total awarded.")
    for release, note, expect in [
        (r0, "first sight", ["new"]),
        (r0, "noise", []),
        (r0, "noise", []),
        (r1, "a figure corrected", ["edited"]),
        (r1, "noise", []),
        (r2, "a correction note", ["edited"]),
        (r2, "noise", []),
    ]:
        d.add(Capture(body=release_noisy_inside(release, d.noise()), note=note), expect)
    days, figures = replay_history(tmp_path, d.steps, path=RELEASE_PATH)
    judged, report = _figure("noisy release", d.steps, days, figures["seconds"])
    assert all(ok for _, ok, _ in judged), report


def test_a_dashboard_whose_rows_its_script_writes_is_edited_when_a_figure_changes(tmp_path):
    # The table's header in the HTML, its rows written by the page's script from an array of
    # rows (a data stamp beside it changing every fetch): the figures are the page's content.
    # (Main of 4 December 02:40: 5/6 — the rows never reached the body, so the revised figure
    # was missed; the month added was seen by its header cell alone.)
    d = Days(datetime(2024, 5, 6, 1, 30, tzinfo=UTC))
    b0 = Dashboard()
    b1 = b0.revise("1-3月", 3, "943.05", "2024-04-22")  # one figure, the update line kept
    b2 = b1.add_month("1-4月", "2024-05-17")
    for board, note, expect in [
        (b0, "first sight", ["new"]),
        (b0, "noise", []),
        (b1, "one figure revised in the data", ["edited"]),
        (b1, "noise", []),
        (b2, "a month added", ["edited"]),
        (b2, "noise", []),
    ]:
        d.add(Capture(body=dashboard_scripted(board, d.noise()), note=note), expect)
    days, figures = replay_history(tmp_path, d.steps, path=DASH_PATH)
    judged, report = _figure("scripted dashboard", d.steps, days, figures["seconds"])
    assert all(ok for _, ok, _ in judged), report


def _events(days) -> list[list[tuple[str, int | str]]]:
    return [
        sorted((e["kind"], _number(e["url"])) for e in d.events if not e["baseline"]) for d in days
    ]


def test_the_columns_list_pages_faulty_days_remove_nothing(tmp_path):
    # Written after the column history passed: list page 1 cut mid-list (no Content-Length),
    # list page 2 a 系统维护 notice in the site's chrome, list page 1 Spring's error page, an
    # article Tomcat's 500 page and another the ASP.NET error screen — on days a release is
    # new: nothing taken as gone, nothing edited, the new release found.
    items = [_item(k) for k in range(8)]
    start = datetime(2024, 5, 8, 1, 30, tzinfo=UTC)
    plan = [
        ([], None),
        ([("new", 1008)], lambda n: _cut_list(items, n)),
        (
            [("new", 1009)],
            lambda n: {
                COLUMN + "index_1.html": Capture(body=_list_maintenance(n)),
                items[3].path: Capture(body=tomcat_500(n)),
            },
        ),
        (
            [],
            lambda n: {
                COLUMN + "index.html": Capture(body=whitelabel_error(n)),
                items[5].path: Capture(body=aspnet_ysod(n)),
            },
        ),
        ([], None),
    ]
    steps, expected = [], []
    for n, (expect, broken) in enumerate(plan):
        if n in (1, 2):
            items.append(_item(7 + n))
        noise = Noise(n, (start + timedelta(days=n, hours=8)).date())
        routes = _column_routes(items, noise, broken)
        steps.append(Step(None, at=start + timedelta(days=n), routes=routes))
        expected.append(sorted(expect))
    days, figures = replay_history(
        tmp_path / "replay",
        steps,
        name="zrzyj",
        watch=False,
        site={"start_urls": [COLUMN + "index.html"], "exclude": ["/search/", "/xwzx/"]},
    )
    got = _events(days)
    report = "\n".join(
        f"{'   ' if g == x else 'XX '}crawl {i}: expected {x}, got {g}; failed: "
        + "; ".join(f"{f['url'].split('/', 3)[-1]} {f['reason'][:70]}" for f in d.failures)
        for i, (g, x, d) in enumerate(zip(got, expected, days))
    )
    right = sum(g == x for g, x in zip(got, expected))
    print(f"\nFIGURE blind10 column faults: {right}/{len(steps)} crawls right\n{report}")
    assert got == expected, report
    from storage import Store

    with Store(tmp_path / "replay" / "bulletin.db") as store:
        assert {r["status"] for r in store.releases("zrzyj")} == {"live"}


def _cut_list(items: list[Item], noise: Noise) -> dict:
    page = list_pages(items, noise)[COLUMN + "index.html"].encode()
    cut = page.index(b"<li>", page.index(b'<ul class="lb-list">')) + 200
    return {COLUMN + "index.html": Capture(data=page, truncate=cut, length=False, note="cut list")}


def _list_maintenance(noise: Noise) -> str:
    inner = """<div class="lb-title"><h2>系统维护中</h2></div>
<div class="notice"><p>尊敬的用户：信息公开栏目正在进行系统维护，暂停访问，给您带来不便敬请谅解！</p>
<p>维护时间：2024年5月10日 08:00 至 12:00</p></div>"""
    return zr_chrome(inner, noise, title=f"系统维护中_{ZR_SITE}")
