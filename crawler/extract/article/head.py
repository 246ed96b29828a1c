"""What a page says about itself outside the text: ``<head>`` metadata, JSON-LD, scripts that
write the info line, and per-site selectors."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urljoin

from lxml import etree

from storage import ConfigError

from ..script import written_strings
from ..select import select
from ..text import (
    all_text,
    element_text,
    fold,
    may_hold,
)

META_TITLE = ("articletitle", "og:title", "twitter:title", "dc.title.article")
META_DATE = (
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "article:published_time",
    "pubtime",
    "publish_time",
    "publishtime",
    "og:release_date",
    "dc.date.issued",
    "dcterms.issued",
    "datepublished",
    "govuk:first-published-at",
    "og:published_time",
    "published_time",
    "publication_date",
    "release_date",
    "publish_date",
    "publish-date",
    "pub_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dcterms.date",
    "date",
)
META_SOURCE = ("contentsource", "source", "og:article:source", "dc.source")
_META_COLUMN = ("columnname",)


_CREATE_PAGE = re.compile(
    r"createPageHTML\s*\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([^'\"]*)['\"]\s*,\s*['\"]([^'\"]*)['\"]"
)


# (A predicate over every element: from the attributes, //@itemprop[…]/.., is three times faster
# on a real page but quadratic in the matches, 0.8 s for 20,000 of them.)
# (hAtom's entry dates too: <abbr class="published" title="2024-05-13T09:30:00+08:00">May 13</abbr>,
# its machine-readable date in the title; class="updated" only where no published is given.)
_DATE_PUBLISHED = etree.XPath(
    "//*[@itemprop='datePublished' or @property='datePublished']"
    "|//time[@pubdate or contains(concat(' ', @class, ' '), ' published ')]"
    "|//abbr[@title][contains(concat(' ', @class, ' '), ' published ')]"
)
_DATE_UPDATED = etree.XPath(
    "//*[self::abbr[@title] or self::time][contains(concat(' ', @class, ' '), ' updated ')]"
)
# Whether the page may hold one: comparing the attributes' values costs half the predicate over
# every element, which most pages (none of the corpus articles) need not pay.
_MAY_DATE_PUBLISHED = etree.XPath(
    "//@itemprop='datePublished' or //@property='datePublished' or //time or //abbr"
)


@dataclass
class Head:
    meta: dict = field(default_factory=dict)
    title: str = ""
    jsonld: dict = field(default_factory=dict)
    page_scripts: list = field(default_factory=list)  # (match, parent element) of createPageHTML
    base: str | None = None
    time_published: str | None = None  # <time itemprop=datePublished datetime=…> and the like
    written_date: str | None = (
        None  # a labelled date an inline script writes (document.write("发布时间：…"))
    )
    styles: str = ""  # the page's own <style> rules (a CSS class may be what sizes its heading)
    # The source an inline script's data holds ({source: "市民政局"}) for the info line it fills.
    script_source: str | None = None
    # Whether script_source is in an app's initial state (window.__INITIAL_STATE__, __NEXT_DATA__):
    # a client-rendered page shows what its state holds.
    state_source: bool = False


def read_head(root, url: str) -> Head:
    head = Head()
    for meta in root.iter("meta"):
        name = (
            meta.get("name")
            or meta.get("property")
            or meta.get("itemprop")
            or meta.get("http-equiv")
            or ""
        )
        name = name.strip().lower()
        value = meta.get("content")
        if value is None:
            value = meta.get("value")
        if name and value and value.strip() and name not in head.meta:
            head.meta[name] = value.strip()
    titles = root.findall("head/title") or list(root.iter("title"))
    for t in titles:
        text = all_text(t)
        if text.strip():
            head.title = text
            break
    if _MAY_DATE_PUBLISHED(root):
        for el in (*_DATE_PUBLISHED(root), *_DATE_UPDATED(root)):
            value = (
                el.get("datetime")
                or el.get("content")
                or (el.get("title") if el.tag == "abbr" else None)
                or all_text(el)
            )
            if value and value.strip():
                head.time_published = value.strip()
                break
    styles = [style.text for style in islice(root.iter("style"), 20) if style.text]
    head.styles = "\n".join(styles)[:_MAX_STYLES]
    base = root.find("head/base")
    if base is not None and base.get("href"):
        head.base = absolute_url(url, base.get("href").strip())
    for script in root.iter("script"):
        text = script.text or ""
        if not text:
            continue
        if (script.get("type") or "").lower() == "application/ld+json" and not head.jsonld:
            head.jsonld = _read_jsonld(text)
        elif "createPageHTML" in text:
            match = _CREATE_PAGE.search(text)
            if match:
                head.page_scripts.append((match, script.getparent()))
        if head.script_source is None and len(text) < 20000 and may_hold(text, _SCRIPT_SOURCE_KEYS):
            match = _SCRIPT_SOURCE.search(text)
            if match:
                head.script_source = match.group(1).strip()
                head.state_source = bool(
                    _CLIENT_STATE.search(text[: match.start()])
                    or script.get("id") == "__NEXT_DATA__"
                )
        if head.written_date is None and "write" in text and len(text) < 5000:
            for written in written_strings(text):
                if _WRITTEN_DATE_LABEL.search(written):
                    head.written_date = re.sub(r"<[^<>]*>", " ", written)
                    break
    return head


_MAX_STYLES = 100_000

# A page's data object naming its source: source: "市民政局", "copyfrom":"…", laiyuan = '…' (a name
# in Chinese characters: analytics' "source" keys hold codes).
_SCRIPT_SOURCE = re.compile(
    r"""(?<![\w$])["']?(?:source|laiyuan|copyfrom|docSource|articleSource|contentSource|xxly|wzly)["']?"""
    r"""\s*[:=]\s*["']\s*([^"'<>\\\n]{0,30}[\u4e00-\u9fff][^"'<>\\\n]{0,30})["']""",
    re.I,
)

# (Each of its keys holds one of these: docSource, articleSource and contentSource hold "source".)
_SCRIPT_SOURCE_KEYS = ("source", "laiyuan", "copyfrom", "xxly", "wzly")

_CLIENT_STATE = re.compile(r"window\.__[A-Z][A-Z0-9_]*__\s*=|__NUXT__\s*=")

# An inline script that prints the info line (document.write("发布时间：2024-01-02")): the reader sees it.
_WRITTEN_DATE_LABEL = re.compile(
    r"(?<!更新)(?<!修改)(?:时间|時間|日期)\s*[:：]?\s*(?:<[^>]*>\s*)*(?:19|20)\d{2}"
)


def _read_jsonld(text: str) -> dict:
    try:
        data = json.loads(text[:200_000])
    except (ValueError, RecursionError):
        return {}
    items = (
        data
        if isinstance(data, list)
        else data.get("@graph", [data])
        if isinstance(data, dict)
        else []
    )
    for item in items:
        if isinstance(item, dict) and (item.get("headline") or item.get("datePublished")):
            return item
    return {}


def select_nodes(root, expr: str | None) -> list:
    if not expr:
        return []
    try:
        found = select(root, expr)
    except (
        ConfigError
    ):  # a bad per-site selector must not stop extraction; the generic rules take over
        return []
    return [f for f in found if isinstance(f, (etree._Element, str))]


def selected_text(root, expr: str | None) -> str:
    for item in select_nodes(root, expr):
        text = fold(item) if isinstance(item, str) else element_text(item)
        if text:
            return text
    return ""


def absolute_url(base: str, href: str) -> str | None:
    try:
        return urljoin(base, href)
    except ValueError:  # malformed hosts such as "http://[x"
        return None
