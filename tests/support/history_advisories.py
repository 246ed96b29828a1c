"""A fifth long history, written blind (before reading how faults and site models are handled):
an English state agency's "Current drinking water advisories" page — a table of advisories
(county, water system, type, issued, status) under a paragraph and a "Last updated" line —
watched daily in 2019 and 2021 (patterns of such sites, never a copy of one).

Two templates: a 2019 Drupal 7 page (``field-items``, ``form_build_id`` tokens, a rotating
"Featured" block, ``?itok=`` image styles), whose server later sends it as windows-1252 under
``charset=iso-8859-1`` (curly quotes and en dashes as single bytes) with the same content; and a
2021 static-site rebuild on USWDS (``usa-banner``, ``usa-table``) published from a Jekyll repo.

The faults are those of hosted US agency sites: an Imperva incident page, an AWS WAF challenge
answering 202, Drupal's "unexpected error" as 200, a login redirect, a CDN's stale copy, the
lapse-in-appropriations banner every page shows during a shutdown (still the page), a
PerimeterX "Press & Hold" 403, Cloudflare's 522 origin timeout, a cut mid-table, raw Liquid
served unbuilt, a "Page not found" in the site's chrome with a 200, a redirect to the home page
and a maintenance page in the site's chrome.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field, replace
from datetime import date

TITLE = "Current Drinking Water Advisories"
AGENCY = "Department of Environmental Quality"
STATE = "Norland"
HEAD = ("County", "Water system", "PWS ID", "Advisory", "Issued", "Status")


@dataclass
class Advisories:
    rows: list[tuple[str, ...]] = field(
        default_factory=lambda: [
            ("Ashby", "City of Ashby", "NL0410012", "Boil water", "Sept. 3, 2019", "Active"),
            (
                "Bellmont",
                "Crane Hollow Mobile Home Park",
                "NL0520387",
                "Do not drink",
                "Aug. 28, 2019",
                "Active",
            ),
            (
                "Carver",
                "Lake Tessa Water District",
                "NL0630044",
                "Boil water",
                "Sept. 5, 2019",
                "Active",
            ),
            (
                "Dunmore",
                "Village of Elk Ridge",
                "NL0740219",
                "Boil water",
                "Aug. 30, 2019",
                "Active",
            ),
            (
                "Fairhaven",
                "Fairhaven Rural Water Assn. – North",
                "NL0850102",
                "Lead advisory",
                "July 12, 2019",
                "Active",
            ),
        ]
    )
    updated: str = "September 6, 2019"

    def with_cell(self, row: int, col: int, value: str, updated: str) -> Advisories:
        rows = [list(r) for r in self.rows]
        rows[row][col] = value
        return replace(self, rows=[tuple(r) for r in rows], updated=updated)

    def with_row(self, row: tuple[str, ...], updated: str) -> Advisories:
        return replace(self, rows=[row, *self.rows], updated=updated)


INTRO = (
    "A boil water advisory is issued when a water system loses pressure, has a main break or "
    "finds bacteria in a sample. Customers should bring water to a rolling boil for one minute "
    "before drinking it, making ice or brushing teeth. A \u201cdo not drink\u201d advisory means "
    "boiling will not make the water safe \u2013 use bottled water instead."
)
CONTACT = (
    "Questions about an advisory should go to the water system first. For general questions, "
    "call the Drinking Water Program at 555-0143 (Monday\u2013Friday, 8 a.m.\u20135 p.m.)."
)

_FEATURED = [
    ("Test your private well", "/water/private-wells"),
    ("Free household hazardous waste days", "/waste/hhw-events"),
    ("Apply for a burn permit", "/air/burn-permits"),
    ("Lead service line inventory", "/water/lead-service-lines"),
    ("Public comment: Clearwater River TMDL", "/water/tmdl/clearwater"),
    ("Report an environmental emergency", "/emergency"),
]

_MENU = [
    ("Air", "/air"),
    ("Water", "/water"),
    ("Land & Waste", "/waste"),
    ("Permits", "/permits"),
    ("Data & Maps", "/data"),
    ("Public Notices", "/public-notices"),
    ("About DEQ", "/about"),
    ("News", "/news"),
]

_WATER_MENU = [
    ("Drinking water", "/water/drinking-water"),
    ("Current advisories", "/water/drinking-water/advisories"),
    ("Water system operators", "/water/drinking-water/operators"),
    ("Consumer confidence reports", "/water/drinking-water/ccr"),
    ("Private wells", "/water/private-wells"),
    ("Source water protection", "/water/source-water"),
    ("Lead and copper", "/water/lead-copper"),
]

_ACTIVE = ' class="active"'
_CURRENT = ' class="usa-current"'

SHUTDOWN = (
    "Due to the lapse in state appropriations, this website will not be actively updated. "
    "Public health emergency information will continue to be posted."
)


@dataclass
class Noise:
    seed: int
    day: date

    def rng(self) -> random.Random:
        return random.Random(self.seed * 104729 + self.day.toordinal())

    @property
    def token(self) -> str:
        return hashlib.sha256(f"{self.seed}{self.day}".encode()).hexdigest()[:43]

    def featured(self) -> list[tuple[str, str]]:
        items = list(_FEATURED)
        self.rng().shuffle(items)
        return items[:3]


def _rows(a: Advisories, cell: str) -> str:
    return "".join(
        "<tr>" + "".join(f"<{cell}>{c}</{cell}>" for c in row) + "</tr>" for row in a.rows
    )


# 2019: Drupal 7 -----------------------------------------------------------------------------


def page_2019(
    a: Advisories, noise: Noise, *, charset: str = "utf-8", shutdown: bool = False
) -> str:
    rng = noise.rng()
    menu = "".join(
        f'<li class="{"first " if i == 0 else ""}leaf menu-{i + 218}"><a href="{href}" title="">{name}</a></li>'
        for i, (name, href) in enumerate(_MENU)
    )
    side = "".join(
        f'<li class="leaf{" active-trail" if "advisories" in href else ""}"><a href="{href}"{_ACTIVE if "advisories" in href else ""}>{name}</a></li>'
        for name, href in _WATER_MENU
    )
    featured = "".join(
        f'<div class="views-row"><a href="{href}"><img typeof="foaf:Image" src="/sites/default/files/styles/feature_thumb/public/{href.split("/")[-1]}.jpg?itok={noise.token[rng.randrange(30) :][:8]}" width="120" height="80" alt=""></a>'
        f'<span class="field-content"><a href="{href}">{name}</a></span></div>'
        for name, href in noise.featured()
    )
    alert = (
        f'<div id="shutdown-alert" class="alert alert-warning" role="alert"><strong>Notice:</strong> {SHUTDOWN}</div>'
        if shutdown
        else ""
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML+RDFa 1.0//EN"
  "http://www.w3.org/MarkUp/DTD/xhtml-rdfa-1.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" version="XHTML+RDFa 1.0" dir="ltr"
  xmlns:og="http://ogp.me/ns#" xmlns:dc="http://purl.org/dc/terms/">
<head profile="http://www.w3.org/1999/xhtml/vocab">
  <meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<link rel="shortcut icon" href="https://deq.norland.gov/sites/all/themes/deq/favicon.ico" type="image/vnd.microsoft.icon" />
<meta name="description" content="Boil water and do-not-drink advisories in effect for public water systems in {STATE}." />
<meta name="generator" content="Drupal 7 (http://drupal.org)" />
<link rel="canonical" href="https://deq.norland.gov/water/drinking-water/advisories" />
  <title>{TITLE} | {STATE} {AGENCY}</title>
  <style type="text/css" media="all">
@import url("https://deq.norland.gov/modules/system/system.base.css?px1r2q");
@import url("https://deq.norland.gov/sites/all/themes/deq/css/style.css?px1r2q");
</style>
  <script type="text/javascript" src="https://deq.norland.gov/misc/jquery.js?v=1.4.4"></script>
<script type="text/javascript" src="https://deq.norland.gov/misc/drupal.js?px1r2q"></script>
<script type="text/javascript">
<!--//--><![CDATA[//><!--
jQuery.extend(Drupal.settings, {{"basePath":"\\/","pathPrefix":"","ajaxPageState":{{"theme":"deq","theme_token":"{noise.token}"}},"googleanalytics":{{"trackOutbound":1}}}});
//--><!]]>
</script>
</head>
<body class="html not-front not-logged-in one-sidebar sidebar-first page-node page-node- page-node-1187 node-type-page" >
  <div id="skip-link"><a href="#main-content" class="element-invisible element-focusable">Skip to main content</a></div>
  {alert}
<div id="page-wrapper"><div id="page">
  <div id="header"><div class="section clearfix">
    <a href="/" title="Home" rel="home" id="logo"><img src="https://deq.norland.gov/sites/all/themes/deq/logo.png" alt="Home" /></a>
    <div id="name-and-slogan"><div id="site-name"><strong><a href="/" title="Home" rel="home"><span>{STATE} {AGENCY}</span></a></strong></div>
    <div id="site-slogan">Protecting {STATE}'s air, land and water</div></div>
    <div class="region region-header"><div id="block-search-form" class="block block-search">
<form action="/water/drinking-water/advisories" method="post" id="search-block-form" accept-charset="UTF-8"><div><div class="container-inline">
<h2 class="element-invisible">Search form</h2>
<div class="form-item form-type-textfield form-item-search-block-form"><label class="element-invisible" for="edit-search-block-form--2">Search </label>
<input title="Enter the terms you wish to search for." type="text" id="edit-search-block-form--2" name="search_block_form" value="" size="15" maxlength="128" class="form-text" /></div>
<div class="form-actions form-wrapper" id="edit-actions"><input type="submit" id="edit-submit" name="op" value="Search" class="form-submit" /></div><input type="hidden" name="form_build_id" value="form-{noise.token}" />
<input type="hidden" name="form_id" value="search_block_form" />
</div></div></form></div></div>
  </div></div>
  <div id="navigation"><div class="section"><ul class="menu">{menu}</ul></div></div>
  <div id="breadcrumb"><h2 class="element-invisible">You are here</h2><div class="breadcrumb"><a href="/">Home</a> » <a href="/water">Water</a> » <a href="/water/drinking-water">Drinking water</a></div></div>
  <div id="main-wrapper"><div id="main" class="clearfix">
    <div id="content" class="column"><div class="section">
      <a id="main-content"></a>
      <h1 class="title" id="page-title">{TITLE}</h1>
      <div class="tabs"></div>
      <div class="region region-content"><div id="block-system-main" class="block block-system">
<div class="content"><div id="node-1187" class="node node-page clearfix" about="/water/drinking-water/advisories" typeof="foaf:Document">
  <span property="dc:title" content="{TITLE}" class="rdf-meta element-hidden"></span>
  <div class="content">
    <div class="field field-name-body field-type-text-with-summary field-label-hidden"><div class="field-items"><div class="field-item even" property="content:encoded">
<p>{INTRO}</p>
<p><strong>Last updated: {a.updated}</strong></p>
<table class="views-table cols-6" style="width:100%">
<thead><tr>{"".join(f"<th>{h}</th>" for h in HEAD)}</tr></thead>
<tbody>{_rows(a, "td")}</tbody>
</table>
<p>{CONTACT}</p>
</div></div></div>
  </div>
</div></div></div></div>
    </div></div>
    <div id="sidebar-first" class="column sidebar"><div class="section">
      <div class="region region-sidebar-first"><div id="block-menu-block-1" class="block block-menu-block"><h2>Water</h2><div class="content"><div class="menu-block-wrapper menu-block-1 menu-name-main-menu parent-mlid-0 menu-level-2"><ul class="menu">{side}</ul></div></div></div>
      <div id="block-views-featured-block" class="block block-views"><h2>Featured</h2><div class="content"><div class="view view-featured view-id-featured">{featured}</div></div></div></div>
    </div></div>
  </div></div>
  <div id="footer"><div class="section"><div class="region region-footer">
    <div id="block-block-3" class="block block-block"><div class="content"><p>{STATE} {AGENCY} · 700 Capitol Way, Suite 300 · Port Elena, NL 59601 · 555-0100</p>
<p><a href="/about/accessibility">Accessibility</a> | <a href="/about/privacy">Privacy</a> | <a href="/about/public-records">Public records</a> | <a href="https://norland.gov">Norland.gov</a></p></div></div>
  </div></div></div>
</div></div>
<script type="text/javascript">(function(i,s,o,g,r,a,m){{i["GoogleAnalyticsObject"]=r;i[r]=i[r]||function(){{(i[r].q=i[r].q||[]).push(arguments)}},i[r].l=1*new Date();a=s.createElement(o),m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)}})(window,document,"script","https://www.google-analytics.com/analytics.js","ga");ga("create", "UA-1234567-8", {{"cookieDomain":"auto"}});ga("send", "pageview");</script>
</body>
</html>
"""


# 2021: a USWDS static site (Jekyll) ---------------------------------------------------------------


def _shell_2021(inner: str, noise: Noise, *, title: str, shutdown: bool = False) -> str:
    nav = "".join(
        f'<li class="usa-nav__primary-item"><a href="{href}/" class="usa-nav-link{" usa-current" if name == "Water" else ""}"><span>{name}</span></a></li>'
        for name, href in _MENU
    )
    side = "".join(
        f'<li class="usa-sidenav__item"><a href="{href}/"{_CURRENT if "advisories" in href else ""}>{name}</a></li>'
        for name, href in _WATER_MENU
    )
    alert = (
        f'<section class="usa-site-alert usa-site-alert--emergency" aria-label="Site alert"><div class="usa-alert"><div class="usa-alert__body"><h3 class="usa-alert__heading">Government shutdown</h3><p class="usa-alert__text">{SHUTDOWN}</p></div></div></section>'
        if shutdown
        else ""
    )
    build = noise.token[:12]
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {STATE} DEQ</title>
<meta property="og:site_name" content="{STATE} {AGENCY}">
<meta property="og:title" content="{title}">
<link rel="stylesheet" href="/assets/css/styles.css?v={build}">
<script src="/assets/js/uswds-init.min.js"></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-NL8DEQ2021"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-NL8DEQ2021');</script>
</head>
<body>
<a class="usa-skipnav" href="#main-content">Skip to main content</a>
<section class="usa-banner" aria-label="Official website of the State of {STATE}">
<div class="usa-accordion"><header class="usa-banner__header"><div class="usa-banner__inner"><div class="grid-col-auto"><img class="usa-banner__header-flag" src="/assets/img/nl-flag.png" alt=""></div>
<div class="grid-col-fill tablet:grid-col-auto" aria-hidden="true"><p class="usa-banner__header-text">An official website of the State of {STATE}</p><p class="usa-banner__header-action">Here’s how you know</p></div>
<button type="button" class="usa-accordion__button usa-banner__button" aria-expanded="false" aria-controls="gov-banner-default"><span class="usa-banner__button-text">Here’s how you know</span></button></div></header>
<div class="usa-banner__content usa-accordion__content" id="gov-banner-default" hidden><div class="grid-row grid-gap-lg"><div class="usa-banner__guidance tablet:grid-col-6"><p><strong>Official websites use .gov</strong><br>A <strong>.gov</strong> website belongs to an official government organization.</p></div>
<div class="usa-banner__guidance tablet:grid-col-6"><p><strong>Secure .gov websites use HTTPS</strong><br>A <strong>lock</strong> or <strong>https://</strong> means you’ve safely connected to the .gov website.</p></div></div></div></div>
</section>
{alert}
<div class="usa-overlay"></div>
<header class="usa-header usa-header--extended">
<div class="usa-navbar"><div class="usa-logo" id="extended-logo"><em class="usa-logo__text"><a href="/" title="{STATE} {AGENCY}">{STATE} {AGENCY}</a></em></div><button type="button" class="usa-menu-btn">Menu</button></div>
<nav aria-label="Primary navigation" class="usa-nav"><div class="usa-nav__inner"><button type="button" class="usa-nav__close"><img src="/assets/img/usa-icons/close.svg" role="img" alt="Close"></button>
<ul class="usa-nav__primary usa-accordion">{nav}</ul>
<div class="usa-nav__secondary"><ul class="usa-nav__secondary-links"><li class="usa-nav__secondary-item"><a href="/contact/">Contact</a></li><li class="usa-nav__secondary-item"><a href="/es/">Español</a></li></ul>
<section aria-label="Search component"><form class="usa-search usa-search--small" role="search" action="https://search.norland.gov/search"><input type="hidden" name="affiliate" value="nl-deq"><label class="usa-sr-only" for="search-field">Search</label><input class="usa-input" id="search-field" type="search" name="query"><button class="usa-button" type="submit"><img src="/assets/img/usa-icons-bg/search--white.svg" class="usa-search__submit-icon" alt="Search"></button></form></section></div></div></nav>
</header>
<div class="usa-section"><div class="grid-container"><div class="grid-row grid-gap">
<div class="usa-layout-docs__sidenav desktop:grid-col-3"><nav aria-label="Secondary navigation"><ul class="usa-sidenav">{side}</ul></nav></div>
<main class="usa-layout-docs__main desktop:grid-col-9 usa-prose" id="main-content">
<nav class="usa-breadcrumb" aria-label="Breadcrumbs"><ol class="usa-breadcrumb__list"><li class="usa-breadcrumb__list-item"><a href="/" class="usa-breadcrumb__link"><span>Home</span></a></li><li class="usa-breadcrumb__list-item"><a href="/water/" class="usa-breadcrumb__link"><span>Water</span></a></li><li class="usa-breadcrumb__list-item"><a href="/water/drinking-water/" class="usa-breadcrumb__link"><span>Drinking water</span></a></li></ol></nav>
{inner}
</main>
</div></div></div>
<footer class="usa-footer usa-footer--slim">
<div class="grid-container usa-footer__return-to-top"><a href="#">Return to top</a></div>
<div class="usa-footer__primary-section"><div class="usa-footer__primary-container grid-row"><div class="mobile-lg:grid-col-8"><nav class="usa-footer__nav" aria-label="Footer navigation"><ul class="grid-row grid-gap"><li class="usa-footer__primary-content"><a class="usa-footer__primary-link" href="/about/accessibility/">Accessibility</a></li><li class="usa-footer__primary-content"><a class="usa-footer__primary-link" href="/about/privacy/">Privacy</a></li><li class="usa-footer__primary-content"><a class="usa-footer__primary-link" href="/about/public-records/">Public records</a></li></ul></nav></div>
<div class="mobile-lg:grid-col-4"><address class="usa-footer__address"><div class="usa-footer__contact-info">555-0100</div><div class="usa-footer__contact-info"><a href="mailto:info@deq.norland.gov">info@deq.norland.gov</a></div></address></div></div></div>
<div class="usa-footer__secondary-section"><div class="grid-container"><div class="usa-footer__logo"><p class="usa-footer__logo-heading">{STATE} {AGENCY}</p></div><p>700 Capitol Way, Suite 300, Port Elena, NL 59601</p></div></div>
</footer>
<script src="/assets/js/uswds.min.js?v={build}"></script>
</body>
</html>
"""


def page_2021(a: Advisories, noise: Noise, *, shutdown: bool = False, liquid: bool = False) -> str:
    if liquid:
        body = """<h1>{{ page.title }}</h1>
<p>{{ page.intro | markdownify }}</p>
<p><strong>Last updated: {{ site.data.advisories.updated | date: "%B %-d, %Y" }}</strong></p>
<table class="usa-table usa-table--borderless usa-table--stacked">
<thead><tr>{% for h in site.data.advisories.head %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in site.data.advisories.rows %}<tr>{% for c in row %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}</tbody>
</table>
{% include contact.html %}"""
        return (
            "---\nlayout: page\ntitle: "
            + TITLE
            + "\npermalink: /water/drinking-water/advisories/\n---\n"
            + body
        )
    body = f"""<h1>{TITLE}</h1>
<p class="usa-intro">{INTRO}</p>
<p><strong>Last updated: {a.updated}</strong></p>
<table class="usa-table usa-table--borderless usa-table--stacked">
<caption class="usa-sr-only">Advisories in effect</caption>
<thead><tr>{"".join(f'<th scope="col">{h}</th>' for h in HEAD)}</tr></thead>
<tbody>{_rows(a, "td")}</tbody>
</table>
<p>{CONTACT}</p>
<div class="usa-summary-box margin-top-4" role="region" aria-labelledby="summary-box-key"><div class="usa-summary-box__body"><h2 class="usa-summary-box__heading" id="summary-box-key">Get advisories by text</h2><div class="usa-summary-box__text"><p>Text <strong>WATER</strong> to 55501 to receive advisories for your county.</p></div></div></div>"""
    return _shell_2021(body, noise, title=TITLE, shutdown=shutdown)


def not_found_2021(noise: Noise) -> str:
    body = """<h1>Page not found</h1>
<p class="usa-intro">We’re sorry, we can’t find the page you’re looking for. It might have been removed, changed its name, or is otherwise unavailable.</p>
<p>Visit our <a href="/">homepage</a> or <a href="/contact/">contact us</a> and we’ll point you in the right direction.</p>"""
    return _shell_2021(body, noise, title="Page not found")


def maintenance_2021(noise: Noise) -> str:
    body = """<h1>We’ll be back soon</h1>
<p class="usa-intro">This part of our website is down for scheduled maintenance while we move to a new content system. Please check back after 6 p.m. Eastern.</p>
<p>For a drinking water emergency, call the 24-hour line at 555-0199.</p>"""
    return _shell_2021(body, noise, title="Scheduled maintenance")


def home_2021(noise: Noise) -> str:
    rng = noise.rng()
    cards = "".join(
        f'<li class="usa-card tablet:grid-col-4"><div class="usa-card__container"><div class="usa-card__header"><h2 class="usa-card__heading">{name}</h2></div>'
        f'<div class="usa-card__body"><p>Learn about {name.lower()} programs, permits and data.</p></div><div class="usa-card__footer"><a href="{href}/" class="usa-button">Visit {name}</a></div></div></li>'
        for name, href in _MENU[:6]
    )
    news = "".join(
        f'<li><a href="/news/2021/{rng.randrange(100, 999)}/">{t}</a></li>'
        for t in [
            "DEQ awards $4.2 million for rural water system upgrades",
            "Air quality alert issued for the Elena Valley",
            "Comment period opens on revised stormwater permit",
        ]
    )
    body = f"""<h1>Welcome to the {STATE} {AGENCY}</h1>
<ul class="usa-card-group">{cards}</ul><h2>News</h2><ul class="usa-list usa-list--unstyled">{news}</ul>"""
    return _shell_2021(body, noise, title="Home")


# The faults ----------------------------------------------------------------------------------------

IMPERVA = """<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW"><meta name="format-detection" content="telephone=no"><meta name="viewport" content="initial-scale=1.0"><meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1"></head><body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=23&xinfo=8-1234567-0%200NNN%20RT%281567761012345%2010%29%20q%280%20-1%20-1%20-1%29%20r%280%20-1%29%20B12%284%2c315%2c0%29%20U2&incident_id=1234000560012345678-987654321012345678&edet=12&cinfo=04000000&rpinfo=0&mth=GET" frameborder=0 width="100%" height="100%" marginheight="0px" marginwidth="0px">Request unsuccessful. Incapsula incident ID: 1234000560012345678-987654321012345678</iframe></body></html>"""

AWS_WAF_202 = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title></title>
<style>body{font-family:Arial,sans-serif}</style>
<script type="text/javascript" src="https://7f5e2c3b4a1d.edge.sdk.awswaf.com/7f5e2c3b4a1d/9c8b7a6d5e4f/challenge.js"></script>
<script>window.awsWafCookieDomainList=[];window.gokuProps={"key":"AQIDAHjcYu/GjX+QlghicBgQ/7bFaQZ+m5FKCMDnO+vTbNg96AH8mH2tQ2vYfBRk","iv":"CgAHGzMhGAAAAA7w","context":"Fq3yK0bWl1vXf5E+2ZtS8q"};</script>
<script>AwsWafIntegration.checkForceRefresh().then((forceRefresh)=>{if(forceRefresh){AwsWafIntegration.forceRefreshToken().then(()=>{window.location.reload(true);});}else{AwsWafIntegration.getToken().then(()=>{window.location.reload(true);});}});</script>
<noscript><h1>JavaScript is disabled</h1>In order to continue, we need to verify that you're not a robot. This requires JavaScript. Enable JavaScript and then reload the page.</noscript>
</head><body><div id="challenge-container"></div></body></html>"""

DRUPAL_ERROR = """<!DOCTYPE html><html><head><title>Error | Norland Department of Environmental Quality</title></head><body>The website encountered an unexpected error. Please try again later.<br /></body></html>"""

LOGIN_2019 = """<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>User account | Norland Department of Environmental Quality</title></head>
<body class="html not-front not-logged-in page-user page-user-login">
<div id="page"><div id="header"><a href="/" id="logo"><img src="/sites/all/themes/deq/logo.png" alt="Home"></a></div>
<div id="content"><h1 class="title" id="page-title">User account</h1>
<div class="messages error"><h2 class="element-invisible">Error message</h2>Access denied. You must log in to view this page.</div>
<ul class="tabs primary"><li class="active"><a href="/user" class="active">Log in</a></li><li><a href="/user/password">Request new password</a></li></ul>
<form action="/user/login?destination=water/drinking-water/advisories" method="post" id="user-login" accept-charset="UTF-8"><div>
<div class="form-item form-type-textfield form-item-name"><label for="edit-name">Username <span class="form-required" title="This field is required.">*</span></label><input type="text" id="edit-name" name="name" value="" size="60" maxlength="60" class="form-text required" /></div>
<div class="form-item form-type-password form-item-pass"><label for="edit-pass">Password <span class="form-required" title="This field is required.">*</span></label><input type="password" id="edit-pass" name="pass" size="60" maxlength="128" class="form-text required" /></div>
<input type="hidden" name="form_build_id" value="form-q9Yd2kN0vXb8m3T1sR7wLp4cH6jF5aE" /><input type="hidden" name="form_id" value="user_login" />
<div class="form-actions form-wrapper" id="edit-actions"><input type="submit" id="edit-submit" name="op" value="Log in" class="form-submit" /></div></div></form></div></div></body></html>"""

PERIMETERX_403 = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Access to this page has been denied</title>
<link href="https://fonts.googleapis.com/css?family=Open+Sans:300" rel="stylesheet">
<style>html,body{margin:0;padding:0;font-family:'Open Sans',sans-serif;color:#000}.px-container{max-width:550px;margin:60px auto;text-align:center}</style></head>
<body><section class="px-container"><div class="px-captcha-header">Before we continue...</div>
<div class="px-captcha-message">Press &amp; Hold to confirm you are<br>a human (and not a bot).</div>
<div id="px-captcha"></div><p class="px-ref">Reference ID 4f8a2c10-6e1b-11ec-9f3a-6b7a4c2d1e0f</p></section>
<script>window._pxAppId='PXa1b2c3d4';window._pxJsClientSrc='/a1b2c3d4/init.js';window._pxFirstPartyEnabled=true;window._pxHostUrl='/a1b2c3d4/xhr';window._pxreCaptchaTheme='light';</script>
<script src="/a1b2c3d4/captcha/captcha.js?a=c&u=4f8a2c10&v=&m=0"></script></body></html>"""

CLOUDFLARE_522 = """<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>deq.norland.gov | 522: Connection timed out</title>
<meta charset="UTF-8" /><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /><meta name="robots" content="noindex, nofollow" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
</head>
<body>
<div id="cf-wrapper"><div id="cf-error-details" class="p-0">
<header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
<h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2"><span class="inline-block">Connection timed out</span><span class="code-label">Error code 522</span></h1>
<div>Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_522" target="_blank" rel="noopener noreferrer">cloudflare.com</a> for more information.</div>
<div class="mt-3">2021-06-17 13:31:02 UTC</div></header>
<div class="my-8 bg-gradient-gray"><div class="w-240 lg:w-full mx-auto"><div class="clearfix md:px-8">
<div id="cf-browser-status" class="relative w-1/3 md:w-full py-15 md:p-0 md:py-8 md:text-left md:border-solid md:border-0 md:border-b md:border-gray-400 overflow-hidden float-left md:float-none text-center"><span class="md:block w-full truncate">You</span><h3 class="md:inline-block mt-3 md:mt-0 text-2xl text-gray-600 font-light leading-1.3">Browser</h3><span class="leading-1.3 text-2xl text-green-success">Working</span></div>
<div id="cf-cloudflare-status" class="relative w-1/3 md:w-full py-15 md:p-0 md:py-8 md:text-left md:border-solid md:border-0 md:border-b md:border-gray-400 overflow-hidden float-left md:float-none text-center"><span class="md:block w-full truncate">Ashburn</span><h3 class="md:inline-block mt-3 md:mt-0 text-2xl text-gray-600 font-light leading-1.3">Cloudflare</h3><span class="leading-1.3 text-2xl text-green-success">Working</span></div>
<div id="cf-host-status" class="cf-error-source relative w-1/3 md:w-full py-15 md:p-0 md:py-8 md:text-left md:border-solid md:border-0 md:border-b md:border-gray-400 overflow-hidden float-left md:float-none text-center"><span class="md:block w-full truncate">deq.norland.gov</span><h3 class="md:inline-block mt-3 md:mt-0 text-2xl text-gray-600 font-light leading-1.3">Host</h3><span class="leading-1.3 text-2xl text-red-error">Error</span></div>
</div></div></div>
<div class="w-240 lg:w-full mx-auto mb-8 lg:px-8"><div class="clearfix"><div class="w-1/2 md:w-full float-left pr-6 md:pb-10 md:pr-0 leading-relaxed"><h2 class="text-3xl font-normal leading-1.3 mb-4">What happened?</h2><p>The initial connection between Cloudflare's network and the origin web server timed out. As a result, the web page can not be displayed.</p></div>
<div class="w-1/2 md:w-full float-left leading-relaxed"><h2 class="text-3xl font-normal leading-1.3 mb-4">What can I do?</h2><h3 class="text-15 font-semibold mb-2">If you're a visitor of this website:</h3><p class="mb-6">Please try again in a few minutes.</p></div></div></div>
<div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300"><p class="text-13"><span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">6a0b1c2d3e4f5a6b</strong></span></p></div>
</div></div></body></html>"""
