"""A second replica site, written blind (tests/support/history_newsroom.py): an English agency
newsroom over nine crawls with the default windows — new releases, one pushed to page 2 with a
new title, quiet one-sentence edits, a deletion confirmed a day later, a 404 that lasts minutes
(three crawls within 50 minutes: never removed), a Cloudflare challenge and an unrendered Twig
template served for one article, an Akamai "Access Denied" list page (200), an edited watched
statistics page, and a redesign of the whole site. Exactly those events, nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from support.history import Step, replay_history
from support.history_newsroom import (
    AKAMAI_DENIED,
    CLOUDFLARE,
    NOT_FOUND,
    TWIG_UNRENDERED,
    Figures,
    NewsRelease,
    Noise,
    newsroom_routes,
)
from support.replay import Capture

TOPICS = [
    ("regional-price-index-february", "Regional Price Index Rises 0.3 Percent in February"),
    ("business-formation-q4", "Business Formation Statistics for the Fourth Quarter"),
    ("county-wage-estimates", "Bureau Releases County Wage Estimates for 2023"),
    ("survey-response-rates", "Statement on Household Survey Response Rates"),
    ("export-price-index", "Export Price Index Unchanged in February"),
    ("new-data-api", "Bureau Launches Version 3 of Its Data API"),
    ("director-testimony", "Director Testifies Before the House Oversight Committee"),
    ("small-area-estimates", "Small Area Income Estimates Released"),
    ("metro-employment", "Metropolitan Area Employment, February 2024"),
    ("release-calendar-change", "Change to the April Release Calendar"),
]


def _release(i: int, day: str) -> NewsRelease:
    slug, title = TOPICS[i]
    return NewsRelease(
        slug,
        title,
        day,
        [
            f"WASHINGTON — The {title.split(' ')[0]} figures published today cover the reference period ending in February 2024.",
            f"The estimates are based on a sample of about {12 + i},000 establishments and are subject to revision.",
            "Detailed tables, technical notes and historical data are available on the Bureau's website.",
        ],
    )


def test_an_agency_newsroom_over_nine_crawls_written_blind_has_every_event_and_no_false_one(
    tmp_path,
):
    releases = [_release(i, f"2024-03-0{1 + i}") for i in range(6)]
    by = {r.slug: r for r in releases}
    figures = Figures()
    steps, expected = [], []
    moment = datetime(2024, 3, 7, 15, 0, tzinfo=UTC)

    def crawl(expect, *, after=timedelta(days=1, hours=1), redesigned=False, broken=None):
        nonlocal moment
        noise = Noise(len(steps), moment)
        steps.append(
            Step(
                None,
                at=moment,
                routes=newsroom_routes(
                    releases, figures, noise, redesigned=redesigned, broken=broken
                ),
            )
        )
        expected.append(sorted(expect))
        moment += after

    def add(i, day):
        releases.append(_release(i, day))
        by[releases[-1].slug] = releases[-1]
        return releases[-1].slug

    s = [t[0] for t in TOPICS]
    # 0: the baseline: 6 releases on two list pages, the statistics page
    crawl([])
    # 1: two new releases push county-wage-estimates (s[2]) to page 2, retitled on the way
    a, b = add(6, "2024-03-07"), add(7, "2024-03-08")
    by[s[2]].title = "Bureau Releases County Wage Estimates for 2023 (Corrected)"
    crawl([("new", a, ()), ("new", b, ()), ("edited", s[2], ("title",))])
    # 2: a quiet one-sentence edit of s[5]; s[3] deleted (404: pending); s[4] behind Cloudflare
    by[s[5]].paragraphs[1] = by[s[5]].paragraphs[1].replace("subject to revision", "final")
    by[s[3]].removed = True
    by[s[4]].fault = Capture(body=CLOUDFLARE, note="cloudflare")
    crawl([("edited", s[5], ("body",))])
    # 3: s[3] still gone a day later: removed; a cell of the statistics page corrected;
    #    list page 2 answers Akamai's Access Denied with a 200
    by[s[4]].fault = None
    figures.rows[2] = ("Southern region", "4.5", "59.9")
    crawl(
        [("removed", s[3], ()), ("edited", "regional-labor", ("body",))],
        broken={"/newsroom/page-2/": Capture(body=AKAMAI_DENIED, note="akamai")},
    )
    # 4: a new release; a (4 days old, still listed) answers 404 while the CMS republishes;
    #    b served unrendered
    c = add(8, "2024-03-11")
    republishing = Capture(body=NOT_FOUND, status=404, note="404 for minutes")
    by[a].fault = republishing
    by[b].fault = Capture(body=TWIG_UNRENDERED, note="twig")
    crawl([("new", c, ())], after=timedelta(minutes=20))
    # 5: 20 minutes later a is still 404 (inside removal_confirm_after: pending)
    by[b].fault = None
    crawl([], after=timedelta(minutes=30))
    # 6: 50 minutes after the first 404 a is back: nothing happened; the site redesigned
    by[a].fault = None
    crawl([], redesigned=True)
    # 7: under the new template, noise only
    crawl([], redesigned=True)
    # 8: a quiet edit of c and a new release, new template
    by[c].paragraphs[2] = (
        "Detailed tables and technical notes are available on the Bureau's data portal."
    )
    d = add(9, "2024-03-13")
    crawl([("edited", c, ("body",)), ("new", d, ())], redesigned=True)

    days, figures_ = replay_history(
        tmp_path,
        steps,
        name="newsroom",
        watch=False,
        site={
            "start_urls": ["/newsroom/"],
            "pages": ["/data/regional-labor/"],
            "timezone": "America/New_York",
        },
    )

    def slug(url: str) -> str:
        return url.rstrip("/").rsplit("/", 1)[-1]

    got = [
        sorted(
            (e["kind"], slug(e["url"]), tuple(e.get("changed_fields") or ()))
            for e in day.events
            if not e["baseline"]
        )
        for day in days
    ]
    report = "\n".join(
        f"{'   ' if g == x else 'XX '}crawl {i}: expected {x}, got {g}; failed: "
        + "; ".join(f"{slug(f['url'])}: {f['reason']}" for f in day.failures)
        for i, (g, x, day) in enumerate(zip(got, expected, days))
    )
    right = sum(g == x for g, x in zip(got, expected))
    print(
        f"\nFIGURE newsroom replica: {right}/{len(steps)} crawls right, {figures_['seconds']:.1f} s\n{report}"
    )
    assert len(days[0].events) == 7 and all(e["baseline"] for e in days[0].events), report
    # First sight (main of 2 December, 02:50): 8/9 — the redesign day edited the watched page's
    # title and body (its <title>'s first part taken for the site's name); the title rules
    # landed since read the heading: 9/9.
    known: set[int] = set()
    assert {i for i, (g, x) in enumerate(zip(got, expected)) if g != x} == known, report
