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
from datetime import UTC, datetime

from support.history import Step, replay_history
from support.history_blind10 import (
    Noise,
    Release,
    aspnet_ysod,
    dashboard_empty_block,
    drupal_maintenance,
    maintenance_bare,
    notice_asp_tags,
    notice_mustache,
    packed_cookie_challenge,
    php_fatal,
    release_el_template,
    release_empty_region,
    release_page,
    sso_login,
    tomcat_500,
    upgrading,
    varnish_503,
    whitelabel_error,
)
from support.replay import Capture

GBK = "text/html; charset=gb2312"


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
