"""A second replica site, written blind: a US-style federal agency newsroom (Drupal with the
U.S. Web Design System) — a paged news list (``/newsroom/``, ``/newsroom/page-2/``), news
releases, and a monthly statistics release page watched on its own — then redesigned into a
second template. Each crawl carries noise: the "last reviewed" clock, a CSRF token and a nonce,
a reordered "Most popular" box, a rotating alert banner, ``_ga`` tracking queries in links.

:func:`newsroom_routes` gives one crawl's routes for :func:`history.replay_history`.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from datetime import datetime

from support.replay import Capture

PER_PAGE = 4
AGENCY = "Bureau of Regional Statistics"


@dataclass
class NewsRelease:
    slug: str
    title: str
    day: str  # YYYY-MM-DD
    paragraphs: list[str]
    removed: bool = False
    fault: Capture | None = None  # served instead of the page this crawl

    @property
    def path(self) -> str:
        return f"/news/{self.day[:4]}/{self.day[5:7]}/{self.slug}/"

    @property
    def shown_date(self) -> str:
        return datetime.strptime(self.day, "%Y-%m-%d").strftime("%B %-d, %Y")


@dataclass
class Figures:
    period: str = "February 2024"
    rows: list[tuple[str, str, str]] = field(
        default_factory=lambda: [
            ("Northern region", "4.1", "61.8"),
            ("Central region", "3.7", "63.2"),
            ("Southern region", "4.6", "59.9"),
            ("Coastal region", "3.9", "62.4"),
            ("All regions", "4.0", "62.1"),
        ]
    )


_POPULAR = [
    "Regional price index, January 2024",
    "How we measure unemployment",
    "Release calendar 2024",
    "Data tools and APIs",
    "Careers at the Bureau",
    "Freedom of Information Act requests",
]
_ALERTS = [
    "Scheduled maintenance of data tools on Saturday night.",
    "Our survey staff will never ask for payment.",
    "New: the 2024 release calendar is available.",
]


@dataclass(frozen=True)
class Noise:
    seed: int
    moment: datetime

    def h(self, salt: str, n: int = 16) -> str:
        return hashlib.sha256(f"{salt}-{self.seed}".encode()).hexdigest()[:n]

    def popular(self) -> list[str]:
        return sorted(_POPULAR, key=lambda t: self.h(t))[:4]

    @property
    def ga(self) -> str:
        return f"_ga=2.{self.seed * 7919}.{self.h('ga', 9)}"


def _usa_2024(title: str, main: str, noise: Noise, crumbs: str) -> str:
    pop = "".join(
        f'<li class="usa-collection__item"><a class="usa-link" href="/popular/{_POPULAR.index(t)}/?{noise.ga}">{t}</a></li>'
        for t in noise.popular()
    )
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="csrf-token" content="{noise.h("csrf", 32)}">
<title>{html.escape(title)} | {AGENCY}</title>
<meta property="og:site_name" content="{AGENCY}">
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_{noise.h("css", 20)}.css">
<script nonce="{noise.h("nonce")}">window.dataLayer=window.dataLayer||[];dataLayer.push({{"pageTime":"{noise.moment.isoformat()}"}});</script>
</head>
<body class="path-node page-node-type-news-release">
<a class="usa-skipnav" href="#main-content">Skip to main content</a>
<section class="usa-banner" aria-label="Official website of the United States government">
<div class="usa-accordion"><header class="usa-banner__header"><div class="usa-banner__inner">
<p class="usa-banner__header-text">An official website of the United States government</p>
<button class="usa-accordion__button usa-banner__button" aria-expanded="false"><span class="usa-banner__button-text">Here's how you know</span></button></div></header>
<div class="usa-banner__content usa-accordion__content" hidden><p><strong>Official websites use .gov</strong> A .gov website belongs to an official government organization in the United States.</p>
<p><strong>Secure .gov websites use HTTPS</strong> A lock or https:// means you've safely connected to the .gov website.</p></div></div></section>
<div class="usa-alert usa-alert--info usa-alert--slim"><div class="usa-alert__body"><p class="usa-alert__text">{_ALERTS[noise.seed % 3]}</p></div></div>
<header class="usa-header usa-header--extended">
<div class="usa-navbar"><div class="usa-logo"><em class="usa-logo__text"><a href="/" title="Home">{AGENCY}</a></em></div>
<button type="button" class="usa-menu-btn">Menu</button></div>
<nav aria-label="Primary navigation" class="usa-nav"><div class="usa-nav__inner">
<ul class="usa-nav__primary usa-accordion">
<li class="usa-nav__primary-item"><a class="usa-nav-link" href="/data/">Data</a></li>
<li class="usa-nav__primary-item"><a class="usa-nav-link" href="/publications/">Publications</a></li>
<li class="usa-nav__primary-item"><a class="usa-nav-link" href="/newsroom/">Newsroom</a></li>
<li class="usa-nav__primary-item"><a class="usa-nav-link" href="/surveys/">Surveys</a></li>
<li class="usa-nav__primary-item"><a class="usa-nav-link" href="/about/">About</a></li></ul>
<form class="usa-search usa-search--small" role="search" action="/search/"><input type="hidden" name="form_token" value="{noise.h("form", 40)}">
<input class="usa-input" type="search" name="query"><button class="usa-button" type="submit">Search</button></form></div></nav></header>
<main id="main-content" class="usa-layout-docs">
<div class="grid-container"><nav class="usa-breadcrumb" aria-label="Breadcrumbs"><ol class="usa-breadcrumb__list">
<li class="usa-breadcrumb__list-item"><a class="usa-breadcrumb__link" href="/"><span>Home</span></a></li>{crumbs}</ol></nav>
<div class="grid-row grid-gap">
<div class="desktop:grid-col-8">
{main}
</div>
<aside class="desktop:grid-col-4 sidebar"><h2 class="usa-collection__heading">Most popular</h2><ul class="usa-collection">{pop}</ul>
<div class="sidebar-subscribe"><h2>Stay connected</h2><a href="/subscribe/?{noise.ga}">Get email updates</a></div></aside>
</div></div></main>
<footer class="usa-footer usa-footer--medium">
<div class="usa-footer__primary-section"><nav class="usa-footer__nav"><ul class="grid-row">
<li><a href="/accessibility/">Accessibility</a></li><li><a href="/foia/">FOIA</a></li><li><a href="/privacy/">Privacy policy</a></li>
<li><a href="/no-fear-act/">No FEAR Act data</a></li><li><a href="https://www.usa.gov/">USA.gov</a></li></ul></nav></div>
<div class="usa-footer__secondary-section"><p>{AGENCY}, 1200 Constitution Ave, Washington, DC 20230</p>
<p class="last-reviewed">Page last reviewed: {noise.moment.strftime("%B %-d, %Y %H:%M")} ET</p></div></footer>
<script nonce="{noise.h("nonce")}" src="/core/misc/drupal.js?v={noise.h("v", 6)}"></script>
</body></html>
"""


def _redesign(title: str, main: str, noise: Noise, crumbs: str) -> str:
    """The 2025 redesign: new header, nav, footer, class names; the same content."""
    pop = "".join(
        f'<a class="card-link" href="/popular/{_POPULAR.index(t)}">{t}</a>' for t in noise.popular()
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{html.escape(title)} - {AGENCY} (BRS)</title>
<link rel="stylesheet" href="/assets/site.{noise.h("css", 8)}.css">
</head>
<body>
<div id="gov-banner" class="banner-official">An official website of the United States government</div>
<div class="site-header"><a class="brand" href="/">BRS <span>{AGENCY}</span></a>
<ul class="menu"><li><a href="/data/">Data &amp; Tools</a></li><li><a href="/newsroom/">News</a></li><li><a href="/publications/">Reports</a></li><li><a href="/about/">Who we are</a></li><li><a href="/contact/">Contact us</a></li></ul>
<div class="header-search"><input aria-label="Search" name="q" data-token="{noise.h("form", 40)}"></div></div>
<div class="page-wrap"><p class="crumbs"><a href="/">Home</a>{crumbs.replace('<li class="usa-breadcrumb__list-item">', " / ").replace("</li>", "")}</p>
<div class="content-area">
{main}
</div>
<div class="related-rail"><h3>Trending</h3>{pop}</div></div>
<div class="site-footer"><div class="footer-cols"><a href="/accessibility/">Accessibility</a> <a href="/privacy/">Privacy</a> <a href="/foia/">FOIA</a> <a href="/inspector-general/">Inspector General</a></div>
<p>Updated {noise.moment.strftime("%Y-%m-%d %H:%M:%S")}</p><p>&copy; {AGENCY}</p></div>
</body></html>
"""


def _release_main(r: NewsRelease) -> str:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in r.paragraphs)
    return f"""<article class="news-release">
<p class="eyebrow">News Release</p>
<h1 class="page-title">{html.escape(r.title)}</h1>
<div class="release-meta"><p><strong>Release Date:</strong> <time datetime="{r.day}T10:00:00-05:00">{r.shown_date}</time></p>
<p><strong>Media Contact:</strong> Press Office, (202) 555-0142, press@brs.example.gov</p></div>
<div class="field--name-body">
{paras}
<p>###</p>
</div>
<div class="share-links">Share: <a href="https://twitter.com/intent/tweet?url={r.path}">X</a> <a href="mailto:?subject={html.escape(r.title)}">Email</a></div>
</article>"""


def _list_main(rows: list[NewsRelease], page: int, pages: int) -> str:
    items = "\n".join(
        f'<div class="views-row"><article class="news-teaser"><h3 class="teaser-title"><a href="{r.path}">{html.escape(r.title)}</a></h3>'
        f'<div class="teaser-date"><time datetime="{r.day}">{r.shown_date}</time></div>'
        f'<p class="teaser-summary">{html.escape(r.paragraphs[0][:90])}…</p></article></div>'
        for r in rows
    )
    links = []
    if page > 0:
        prev = "/newsroom/" if page == 1 else f"/newsroom/page-{page}/"
        links.append(
            f'<li class="usa-pagination__item"><a class="usa-pagination__previous-page" href="{prev}" rel="prev">Previous</a></li>'
        )
    for p in range(pages):
        href = "/newsroom/" if p == 0 else f"/newsroom/page-{p + 1}/"
        links.append(
            f'<li class="usa-pagination__item"><a class="usa-pagination__button" href="{href}">{p + 1}</a></li>'
        )
    if page < pages - 1:
        links.append(
            f'<li class="usa-pagination__item"><a class="usa-pagination__next-page" href="/newsroom/page-{page + 2}/" rel="next">Next</a></li>'
        )
    return f"""<h1 class="page-title">Newsroom</h1>
<div class="view-news-releases"><div class="view-content">
{items}
</div>
<nav aria-label="Pagination" class="usa-pagination"><ul class="usa-pagination__list">{"".join(links)}</ul></nav></div>"""


def _figures_main(f: Figures) -> str:
    rows = "\n".join(
        f'<tr><th scope="row">{a}</th><td>{b}</td><td>{c}</td></tr>' for a, b, c in f.rows
    )
    return f"""<h1 class="page-title">Regional Labor Force Estimates — {f.period}</h1>
<p class="release-meta">Monthly release. Next release: April 5, 2024.</p>
<p>Unemployment rates were little changed in {f.period} in all regions, the {AGENCY} reported.</p>
<table class="usa-table"><caption>Unemployment rate and participation rate, seasonally adjusted (percent)</caption>
<thead><tr><th scope="col">Region</th><th scope="col">Unemployment rate</th><th scope="col">Participation rate</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<p><a href="/data/regional-labor/table1.xlsx">Download Table 1 (XLSX)</a></p>"""


def newsroom_routes(
    releases: list[NewsRelease],
    figures: Figures,
    noise: Noise,
    *,
    redesigned: bool = False,
    broken: dict[str, Capture] | None = None,
) -> dict[str, Capture]:
    frame = _redesign if redesigned else _usa_2024
    crumb_news = '<li class="usa-breadcrumb__list-item"><a href="/newsroom/">Newsroom</a></li>'
    routes: dict[str, Capture] = {}
    live = sorted(
        (r for r in releases if not r.removed), key=lambda r: (r.day, r.slug), reverse=True
    )
    pages = max(1, -(-len(live) // PER_PAGE))
    for page in range(pages):
        path = "/newsroom/" if page == 0 else f"/newsroom/page-{page + 1}/"
        main = _list_main(live[page * PER_PAGE : (page + 1) * PER_PAGE], page, pages)
        routes[path] = Capture(body=frame("Newsroom", main, noise, ""), note=path)
    for r in releases:
        if r.removed:
            continue
        routes[r.path] = r.fault or Capture(
            body=frame(r.title, _release_main(r), noise, crumb_news), note=r.slug
        )
    routes["/data/regional-labor/"] = Capture(
        body=frame(
            "Regional Labor Force Estimates",
            _figures_main(figures),
            noise,
            '<li class="usa-breadcrumb__list-item"><a href="/data/">Data</a></li>',
        ),
        note="figures",
    )
    routes.update(broken or {})
    return routes


CLOUDFLARE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1"><style>*{box-sizing:border-box;margin:0;padding:0}</style>
<meta http-equiv="refresh" content="390"></head><body class="no-js"><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">www.brs.example.gov</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<noscript><div id="challenge-error-title"><div class="h2"><span class="icon-wrapper"><div class="heading-icon warning-icon"></div></span><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript>
<div id="challenge-body-text" class="core-msg spacer">www.brs.example.gov needs to review the security of your connection before proceeding.</div></div></div>
<script>(function(){window._cf_chl_opt={cvId:'2',cZone:"www.brs.example.gov",cType:'managed',cNounce:'42195',cRay:'86f1c2a3bd4e1234'};}());</script>
<div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix diagnostic-wrapper"><div class="ray-id">Ray ID: <code>86f1c2a3bd4e1234</code></div></div>
<div class="text-center" id="footer-text">Performance &amp; security by Cloudflare</div></div></div></body></html>
"""

AKAMAI_DENIED = """<HTML><HEAD>
<TITLE>Access Denied</TITLE>
</HEAD><BODY>
<H1>Access Denied</H1>

You don't have permission to access "http&#58;&#47;&#47;www&#46;brs&#46;example&#46;gov&#47;newsroom&#47;page&#45;2&#47;" on this server.<P>
Reference&#32;&#35;18&#46;5c2e1402&#46;1709560000&#46;2a3b4c5d
<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;5c2e1402&#46;1709560000&#46;2a3b4c5d</P>
</BODY>
</HTML>
"""

TWIG_UNRENDERED = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ head_title|safe_join(' | ') }}</title></head>
<body class="{{ attributes.class }}"><header>{{ page.header }}</header>
<main><h1>{{ label }}</h1><div class="release-meta">{{ content.field_release_date }}</div>
<div class="field--name-body">{{ content.body }}</div></main><footer>{{ page.footer }}</footer></body></html>
"""

NOT_FOUND = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page not found | Bureau of Regional Statistics</title></head>
<body><main><h1>Page not found</h1><p>The page you requested could not be found. It may have moved or been removed.</p>
<p><a href="/">Return to the home page</a></p></main></body></html>
"""
