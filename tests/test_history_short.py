"""A watched page that is short to begin with ("There are no advisories in effect at this
time.") cannot collapse; a soft 404 in the site's chrome answered in its place — another title,
none of its lines, and it says the page is gone — is still a miss, not an edit: pending on its
first day, nothing when the page is back, removed when still so after the window. A maintenance,
busy or error notice drawn in the site's chrome in its place (another title, none of its lines,
its title or heading naming what it is) is a failed fetch, however many days it is served."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from storage import FetchedRelease, Store

URL = "http://deq.example.gov/water/advisories"
SHORT = "Current advisories\n\nThere are no drinking water advisories in effect at this time."
NOT_FOUND = (
    "Page not found\n\nWe’re sorry, we can’t find the page you’re looking for. It might have "
    "been removed, changed its name, or is otherwise unavailable.\n\nVisit our homepage."
)


def _page(title, body):
    return FetchedRelease(url=URL, title=title, body=body)


def test_a_soft_404_in_place_of_a_short_page_is_a_miss_not_an_edit(tmp_path):
    now = [datetime(2021, 6, 14, 14, 0, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", _page("Current Drinking Water Advisories", SHORT))
        now[0] += timedelta(days=1)
        soft = _page("Page not found", NOT_FOUND)
        assert store.record_release("demo", soft, confirm_after=3600).kind == "held"
        now[0] += timedelta(days=1)
        back = _page("Current Drinking Water Advisories", SHORT)
        assert store.record_release("demo", back, confirm_after=3600).kind == "unchanged"
        now[0] += timedelta(days=1)
        store.record_release("demo", soft, confirm_after=3600)
        now[0] += timedelta(days=1)
        store.record_release("demo", soft, confirm_after=3600)
        assert [e["kind"] for e in store.events(include_baseline=True)] == ["new", "removed"]


def test_a_short_page_rewritten_to_say_an_advisory_was_removed_is_an_edit(tmp_path):
    # Its own title kept: the page says something else, it is not another page.
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", _page("Current Drinking Water Advisories", SHORT))
        edit = _page(
            "Current Drinking Water Advisories",
            "Current advisories\n\nThe Ashby boil water advisory has been removed.",
        )
        assert store.record_release("demo", edit).kind == "edited"


@pytest.mark.parametrize(
    "body",
    [SHORT, "There are no advisories in effect at this time."],
    ids=["two-lines", "one-line"],
)
def test_a_response_cut_before_a_short_page_began_is_cut_short(tmp_path, body):
    # The cut comes before the text: no line at all is left. (A one-line page raised
    # IndexError; a short page of more lines, too short to collapse, became an empty version.)
    raw = b"<html><body><p>There are no advisories in effect at this time.</p></body></html>"
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        page = FetchedRelease(
            url=URL, title="Current Drinking Water Advisories", body=SHORT, raw_body=raw
        )
        store.record_release("demo", page)
        cut = FetchedRelease(
            url=URL, title="Current Drinking Water Advisories", body="", raw_body=raw[:20]
        )
        assert store.record_release("demo", cut).kind == "held"


MAINTENANCE = [
    (
        "Scheduled maintenance",
        "We’ll be back soon\n\nThis part of our website is down for scheduled maintenance while "
        "we move to a new content system. Please check back after 6 p.m. Eastern.",
    ),
    (
        "系统维护公告",
        "尊敬的用户：\n\n为提升网站服务质量，我委门户网站正在进行系统升级维护，敬请谅解！",
    ),
    ("江屿市发展和改革委员会", "系统维护中\n\n本栏目暂停访问，请稍后再试。"),
    ("提示信息", "访问过于频繁，请稍后再试\n\n返回首页"),
    ("503 Service Unavailable", "The server is temporarily unable to service your request."),
]


@pytest.mark.parametrize(
    ("title", "body"), MAINTENANCE, ids=["en-maintenance", "zh-title", "zh-heading", "busy", "503"]
)
def test_a_notice_in_the_sites_chrome_in_place_of_a_short_page_is_no_version(tmp_path, title, body):
    now = [datetime(2021, 6, 14, 14, 0, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", _page("Current Drinking Water Advisories", SHORT))
        for _ in range(3):
            now[0] += timedelta(days=1)
            assert store.record_release("demo", _page(title, body), confirm_after=3600).kind == (
                "held"
            )
        now[0] += timedelta(days=1)
        back = _page("Current Drinking Water Advisories", SHORT)
        assert store.record_release("demo", back, confirm_after=3600).kind == "unchanged"
        assert [e["kind"] for e in store.events(include_baseline=True)] == ["new"]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Current Drinking Water Advisories",
            "Current advisories\n\nThe advisory map is under maintenance; call 555-0143.",
        ),
        ("Boil Water Advisory for Ashby", "Ashby\tCity of Ashby\tBoil water\tActive"),
    ],
    ids=["own-title-mentions-maintenance", "another-title-no-notice"],
)
def test_a_short_page_that_says_something_else_is_an_edit(tmp_path, title, body):
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", _page("Current Drinking Water Advisories", SHORT))
        assert store.record_release("demo", _page(title, body)).kind == "edited"


def test_a_short_watched_page_through_maintenance_days_in_its_chrome_has_one_version(tmp_path):
    # Through the real crawl path: the page, a maintenance page drawn in the same USWDS chrome
    # two days running, the page back, the notice again, the page with one advisory added.
    from support.history import Step, replay_history, score_days
    from support.history_advisories import Noise, _shell_2021, maintenance_2021
    from support.replay import Capture

    def short(seed, rows=""):
        inner = (
            "<h1>Current Drinking Water Advisories</h1>"
            "<p class='usa-intro'>There are no drinking water advisories in effect at this time.</p>"
            + rows
        )
        return _shell_2021(
            inner, Noise(seed, date(2021, 6, 14)), title="Current Drinking Water Advisories"
        )

    def day(html, expect=(), failed=False):
        return Step(Capture(body=html), expect=list(expect), failed=failed)

    maintenance = [maintenance_2021(Noise(seed, date(2021, 6, 15))) for seed in (1, 2, 3)]
    added = "<p>Ashby — City of Ashby: boil water advisory issued June 20, 2021.</p>"
    steps = [
        day(short(0), ["new"]),
        day(maintenance[0], failed=True),
        day(maintenance[1], failed=True),
        day(short(4)),
        day(maintenance[2], failed=True),
        day(short(6, added), ["edited"]),
    ]
    days, _ = replay_history(tmp_path, steps, site={"timezone": "America/New_York"})
    judged = score_days(steps, days)
    assert all(ok for _, ok, _ in judged), "\n".join(line for _, _, line in judged)


LONG = "\n\n".join(
    f"（{n}）第{n}条措施：对符合条件的民营企业给予{n * 10}万元补助，按季度拨付，年度考核后清算。"
    for n in range(1, 13)
)


def test_a_maintenance_notice_under_the_pages_own_title_is_no_version_however_long(tmp_path):
    # The article's template served the notice: its <meta name="ArticleTitle"> still names the
    # policy, so the title is the page's; the body collapsed to a notice that says what it is.
    title = "关于印发促进民营经济高质量发展若干措施的通知"
    notice = "尊敬的用户：为提升服务质量，本网站正在进行系统维护，维护期间部分页面暂时无法访问。"
    now = [datetime(2023, 5, 22, 1, 40, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", _page(title, LONG))
        for _ in range(3):
            now[0] += timedelta(days=1)
            got = store.record_release("demo", _page(title, notice), confirm_after=3600)
            assert got.kind == "held"
        now[0] += timedelta(days=1)
        assert store.record_release("demo", _page(title, LONG), confirm_after=3600).kind == (
            "unchanged"
        )
        assert [e["kind"] for e in store.events(include_baseline=True)] == ["new"]
