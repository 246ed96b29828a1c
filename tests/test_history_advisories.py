"""A fifth watched page, written blind (tests/support/history_advisories.py): an English state
agency's "Current Drinking Water Advisories" table over 24 daily captures in 2019 and 2021 — a
Drupal 7 page later sent as windows-1252 under ``charset=iso-8859-1``, then a USWDS static-site
rebuild — with one-cell edits (a status lifted, an issue date corrected), a row added, noise on
every fetch, and the faults hosted US agency sites answer with.

How an archivist labels the days: an edit on each day a row, a cell or the "Last updated" line
changed; the encoding switch and the rebuild are no edit; the shutdown banner every page shows
during a lapse in appropriations is the page (no edit, no failed fetch); an Imperva incident
page, an AWS WAF challenge (a 202), Drupal's error as 200, the login form a redirect leads to, a
CDN's stale copy (an earlier day's table under an old ``Last-Modified`` and a large ``Age``), a
PerimeterX 403, Cloudflare's 522, a cut inside a cell, unbuilt Liquid, a soft 404 in the site's
chrome, a redirect to the home page and a maintenance page are failed fetches and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from support.history import Step, replay_history, score_days
from support.history_advisories import (
    AWS_WAF_202,
    CLOUDFLARE_522,
    DRUPAL_ERROR,
    IMPERVA,
    LOGIN_2019,
    PERIMETERX_403,
    Advisories,
    Noise,
    home_2021,
    maintenance_2021,
    not_found_2021,
    page_2019,
    page_2021,
)
from support.replay import Capture

PATH = "/water/drinking-water/advisories"


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


class Days:
    def __init__(self):
        self.steps: list[Step] = []
        self.moment = datetime(2019, 9, 6, 14, 0, tzinfo=UTC)  # 10:00 Eastern
        self.seed = 0
        self.modified = datetime(2019, 9, 6, 13, 12, tzinfo=UTC)

    def add(self, capture, expect=(), *, failed=False, routes=None):
        self.steps.append(
            Step(capture, at=self.moment, expect=list(expect), failed=failed, routes=routes or {})
        )
        self.moment += timedelta(days=1)
        self.seed += 1

    def noise(self) -> Noise:
        return Noise(self.seed, self.moment.date())

    def page(self, html: str, note: str, expect=(), *, encoding="utf-8", ctype=None, edited=False):
        if edited:
            self.modified = self.moment - timedelta(hours=3)
        ctype = ctype or f"text/html; charset={encoding}"
        headers = (("Last-Modified", _http_date(self.modified)),)
        data = html.encode(encoding)
        self.add(Capture(data=data, content_type=ctype, note=note, headers=headers), expect)

    def fault(self, body: str, note: str, *, status=200, **kw) -> None:
        self.add(Capture(body=body, status=status, note=note, **kw), failed=True)


def advisories_history() -> list[Step]:
    d = Days()
    a0 = Advisories()
    a1 = a0.with_cell(2, 5, "Lifted Sept. 8, 2019", "September 8, 2019")
    a2 = a1.with_row(
        (
            "Ashby",
            "Pine Flats Sanitary District",
            "NL0410230",
            "Boil water",
            "Sept. 14, 2019",
            "Active",
        ),
        "September 14, 2019",
    )
    a3 = a2.with_cell(4, 4, "Aug. 29, 2019", "June 18, 2021")
    a4 = a3.with_cell(1, 5, "Lifted June 24, 2021", "June 24, 2021")
    cp1252 = {"encoding": "cp1252", "ctype": "text/html; charset=iso-8859-1"}

    d.page(page_2019(a0, d.noise()), "2019 Drupal 7 page", ["new"])
    d.page(page_2019(a0, d.noise()), "2019 noise (form_build_id, theme_token, Featured, itok)")
    d.fault(IMPERVA, "Imperva incident page as 200 (iframe)")
    d.page(page_2019(a1, d.noise()), "2019 one cell: status lifted", ["edited"], edited=True)
    d.fault(AWS_WAF_202, "AWS WAF challenge answering 202", status=202)
    d.page(
        page_2019(a1, d.noise(), charset="iso-8859-1"),
        "2019 sent as windows-1252 under charset=iso-8859-1",
        **cp1252,
    )
    d.page(page_2019(a1, d.noise(), charset="iso-8859-1"), "2019 windows-1252 noise", **cp1252)
    d.fault(DRUPAL_ERROR, "Drupal 'unexpected error' as 200")
    d.page(page_2019(a1, d.noise(), shutdown=True), "2019 shutdown banner on every page")
    d.page(
        page_2019(a2, d.noise(), shutdown=True),
        "2019 banner + a row added",
        ["edited"],
        edited=True,
    )
    stale = page_2019(a1, Noise(d.seed - 5, d.moment.date() - timedelta(days=5))).encode()
    d.add(
        Capture(
            data=stale,
            note="stale CDN copy (a1's table, old Last-Modified, Age 5 days)",
            headers=(
                ("Last-Modified", _http_date(datetime(2019, 9, 8, 13, 0, tzinfo=UTC))),
                ("Age", str(5 * 86400 + 3127)),
                ("X-Cache", "Hit from cloudfront"),
            ),
        ),
        failed=True,
    )
    d.add(
        Capture(status=302, location="/user/login", note="redirect to the Drupal login form"),
        failed=True,
        routes={"/user/login": Capture(body=LOGIN_2019, status=200, note="login form")},
    )
    # 2021: the USWDS rebuild
    d.moment = datetime(2021, 6, 14, 14, 0, tzinfo=UTC)
    d.page(page_2021(a2, d.noise()), "2021 USWDS rebuild, same content")
    d.fault(PERIMETERX_403, "PerimeterX Press & Hold as 403", status=403)
    d.fault(CLOUDFLARE_522, "Cloudflare 522 origin timeout", status=522)
    whole = page_2021(a2, d.noise()).encode()
    cut = whole.index(b"Lake Tessa Wat") + len(b"Lake Tessa Wat")
    d.add(
        Capture(
            data=whole, truncate=cut, length=False, note="cut inside a cell, no Content-Length"
        ),
        failed=True,
    )
    d.page(page_2021(a3, d.noise()), "2021 one cell: issue date corrected", ["edited"], edited=True)
    d.fault(page_2021(a3, d.noise(), liquid=True), "unbuilt Liquid source served")
    d.fault(not_found_2021(d.noise()), "soft 404 'Page not found' in the site's chrome, 200")
    d.page(page_2021(a3, d.noise()), "2021 back, noise")
    d.add(
        Capture(status=302, location="/", note="redirect to the home page"),
        failed=True,
        routes={"/": Capture(body=home_2021(d.noise()), note="home page")},
    )
    d.fault(maintenance_2021(d.noise()), "maintenance page in the site's chrome, 200")
    d.page(page_2021(a4, d.noise()), "2021 one cell: status lifted", ["edited"], edited=True)
    d.page(page_2021(a4, d.noise(), shutdown=True), "2021 shutdown site alert on every page")
    return d.steps


def test_drinking_water_advisories_over_24_captures_written_blind_are_right_every_day(tmp_path):
    steps = advisories_history()
    days, figures = replay_history(
        tmp_path, steps, path=PATH, site={"timezone": "America/New_York"}
    )
    judged = score_days(steps, days)
    right = sum(ok for _, ok, _ in judged)
    report = "\n".join(("   " if ok else "XX ") + line for _, ok, line in judged)
    print(
        f"\nFIGURE advisories history: {right}/{len(steps)} days right, {figures['seconds']:.1f} s\n{report}"
    )
    # First sight (main of 2 December, 05:20): 15/24: the Imperva page stored as an edit;
    # the row added under the shutdown banner and the 2021 issue-date cell missed; the stale
    # copy and the cut inside a cell not failed fetches; the rebuild an edit; the soft 404 and
    # the maintenance page in the site's chrome stored as edits (and the day after). Solved since:
    # the Imperva page (fetchcheck), the soft 404 (a miss though its body kept the breadcrumb),
    # and with body.py's "Last updated: above a table is no end" and crumbs left out of the body,
    # all the rest but one: 23/24. Left: the rebuild (day 12), where the 2019 page's date inside
    # the text's block is not read (so its title is the whole <title>) and the 2021 template adds
    # a "Get advisories by text" box to <main>: title, date and body all differ. 24/24 since the
    # title and date rules read both templates alike and a redesign's own boxes around the text
    # (the table's caption, that box) are presentation, the new rendition kept beside the
    # version (storage/store.py, _template_boxes and _as_presented).
    known: set[int] = set()
    assert {i for i, ok, _ in judged if not ok} <= known, report
