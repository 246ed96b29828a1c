"""List (column) pages → :class:`ListPage`: the rows of the main list and where the next page is.

The main list is found by scoring groups of repeated rows (same tag, under the same container or
under same-class sibling containers) by how many rows carry one title link, how long the titles
are and how many rows show a date; groups inside navigation, footers, carousels and "hot" boxes,
and groups that link back to the page itself or its breadcrumb, are discounted.
"""

from __future__ import annotations

import re
from heapq import heappush, heapreplace
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

from storage import ROW_LEAD_MARK, ROW_MARK_WORD, ROW_TRAIL_PIN, row_title

from .breadcrumb import find_breadcrumb
from .dates import DEFAULT_STYLE, DateStyle, parse_day, style_for, zone_for
from .encoding import decode_html
from .model import ListLink, ListPage, Selectors
from .pagination import (
    ScriptTargets,
    absolute_url,
    find_next_pages,
    find_pagers,
    page_buttons,
    page_forms,
    page_jumps,
    page_key,
    same_page,
    xpath_or_css,
)
from .script import PageScripts, page_fields, script_rows
from .text import (
    DETAIL_LINK,
    MAX_HTML_CHARS,
    all_text,
    byte_clean,
    is_hidden,
    join_lines,
    parse_clean,
    parse_html,
    place_written,
    text_with_breaks,
)

# ----------------------------------------------------------------------------- dates

# Only to cut dates out of a row's text (_strip_dates); dates are read by crawler.extract.dates.
_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_DIGIT = re.compile(r"\d")


def parse_list_date(
    text: str, url: str | None = None, style: DateStyle = DEFAULT_STYLE
) -> str | None:
    """A date as a list row prints it, "YYYY-MM-DD" or None (:func:`crawler.extract.dates.parse_day`),
    read in the page's date ``style`` (12/03/2024 is 12 March on a UK list, 113-03-05 a 民國 year
    on a Taiwanese one)."""
    return parse_day(text, url, style)


def _parse_date(
    text: str,
    url: str | None = None,
    link: _Link | None = None,
    style: DateStyle = DEFAULT_STYLE,
) -> str | None:
    """:func:`parse_list_date`; with ``link``, a bare MM-DD takes its year from the link's URL."""
    if not text or not _DIGIT.search(text, 0, 400):
        return None  # every date has digits
    return parse_day(text, url if url is not None or link is None else (lambda: link.url), style)


# ----------------------------------------------------------------------------- text helpers

_WS = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u0400-\u04ff]+")
_CUT = ("...", "…", "..", "．．．", "。。。")
_GENERIC = re.compile(
    r"(?i)^(?:更多|更多内容|更多>+|more|more\s*>+|read\s*more|learn\s*more|continue\s*reading|详细|详情|查看详情|"
    r"查看|点击查看|阅读全文|全文|here|click\s*here|download|下载|view|view\s*(?:this|the)?\s*\w+|details?|(?:newer|older)\s+(?:posts|entries)|"
    r"全文下载|附件|pdf|doc|打印|关闭|返回|首页|上一页|下一页|尾页|末页|下页|上页|next|prev(?:ious)?|\d{1,4}|[<>«»‹›]+)$"
)
_PREFIX_LINK = re.compile(r"^[\[【〔(（][^\]】〕)）]{1,8}[\]】〕)）]$")
_TRAILING_DATE = re.compile(
    r"\s*[\[(（]?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[\])）]?\s*$"
)


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def title_weight(text: str) -> float:
    """Rough size of a title: CJK characters count one each, Latin words two and a half."""
    if text.isascii():
        return 2.5 * len(_WORD.findall(text))
    return len(_CJK.findall(text)) + 2.5 * len(_WORD.findall(text))


def _cut_title_holder(a):
    """Where a link whose text is cut (``…``) and which carries no ``title=`` keeps its full title
    instead: an element inside it (``<a><span title="…">…</span></a>``) or the row around it
    (``<li title="…"><a>…</a></li>``)."""
    for el in a.iterdescendants():
        if isinstance(el.tag, str) and el.get("title"):
            return el
    parent = a.getparent()
    return parent if parent is not None and parent.get("title") else None


def _link_title(a, text: str) -> str:
    attr = _clean(a.get("title"))
    if not attr and text.endswith(_CUT):
        holder = _cut_title_holder(a)
        attr = _clean(holder.get("title")) if holder is not None else ""
    if not text:
        if attr:
            return attr
        img = a.find(".//img")
        return _clean(img.get("alt")) if img is not None else ""
    if attr and attr != text:
        stem = (_after_marks(a, text) if len(a) else None) or text
        for cut in _CUT:
            if stem.endswith(cut):
                stem = stem[: -len(cut)].rstrip()
                break
        if (stem != text and stem and attr.startswith(stem[: max(1, len(stem) - 1)])) or (
            len(attr) > len(text) and attr.startswith(text)
        ):
            return attr
        plain = row_title(stem)
        if plain != stem and attr.startswith(plain[: max(1, len(plain) - 1)]):
            return attr  # a cut text after a 置顶 mark, its full title in title=
    return text


_NON_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def _classes(el) -> list[str]:
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return []
    value = (cls or "") + " " + (ident or "")
    return [c for c in _NON_ALNUM.split(value.lower()) if c]


# ----------------------------------------------------------------------------- context

# Substrings of class/id that mark page furniture, not the main list.
_FURNITURE_SUBSTR = (
    "menu",
    "nav",
    "footer",
    "header",
    "breadcrumb",
    "crumb",
    "carousel",
    "swiper",
    "slide",
    "sidebar",
    "banner",
    "friendlink",
    "copyright",
    "marquee",
    "dropdown",
    "toolbar",
    "share",
)
_FURNITURE_TOKENS = {
    "hot",
    "hots",
    "rank",
    "ranking",
    "phb",
    "jdt",
    "focus",
    "foot",
    "side",
    "aside",
    "top10",
    "redian",
    "remen",
    "rdxw",
    "rmwz",
    "tjyd",
    "yqlj",
    "links",
    "flash",
    "lunbo",
    "scroll",
    "popular",
    "trending",
    "related",
    "xgwz",
    "xgxw",
    "tuijian",
    "recommend",
    "ad",
    "ads",
    "gg",
    "tab",
    "tabs",
    "hd",
    "sitemap",
    "quick",
    "kjrk",
    "lm",
    "qrcode",
    "weixin",
    "login",
}
# 栏目 (lm) and 公告 (gg) name a box of the site's columns or notices, except beside a word
# for a list: "lm-list", "gg_list" is the column's own list.
_OWN_LIST_MARKS = frozenset(["lm", "gg"])
_LIST_TOKENS = frozenset(["list", "lists", "liebiao", "lb"])
_FURNITURE_TAGS = {"nav", "header", "footer", "aside", "menu"}
_FURNITURE_HEADING = re.compile(
    r"热点|热门|排行|推荐|焦点|相关|友情链接|专题|图片新闻|热词|猜你喜欢|点击排行|Most\s+(?:Popular|Read)|Trending|Related|Popular",
    re.I,
)
# A search's result count above its results ("为您找到相关结果约 3568 个", "共找到 56 条相关信息"):
# its 相关 says "matching", not a box of related links.
_RESULT_COUNT = re.compile(
    r"(?:找到|检索到|搜索到|查询到|结果|记录)[^\d]{0,10}\d[\d,]*\s*(?:条|个|篇|项|份)"
    r"|\d[\d,]*\s*(?:条|个|篇|项)\s*(?:相关)?(?:结果|记录|信息)"
)
_CURRENT_ROW = {"active", "current", "cur", "on", "selected", "this"}
# Class names that hide an element (each whole: "border-none" hides nothing).
_HIDDEN_CLASSES = frozenset(["hide", "hidden", "d-none", "dn", "none", "nodisplay", "is-hidden"])
_PIN_TOKENS = {"top", "zd", "zhiding", "sticky", "pinned", "istop", "settop", "ding"}


def _unseen(el) -> bool:
    """Whether the page hides ``el`` from its reader: ``aria-hidden``, inline ``display:none``, or
    a class that hides it (a drawer menu, a crawler-only link cloud, a tab set's other panels)."""
    if (el.get("aria-hidden") or "").lower() == "true" or "display:none" in (
        el.get("style") or ""
    ).replace(" ", ""):
        return True
    cls = el.get("class")
    return bool(cls) and not _HIDDEN_CLASSES.isdisjoint(cls.lower().split())


def _shown_panel(el) -> bool:
    """Whether ``el`` is the shown panel of a tab set: its siblings of its tag and class are
    all hidden (a column's list beside its sibling columns' panels a click shows)."""
    if _unseen(el) or el.get("class") is None or el.getparent() is None:
        return False
    twins = [
        c
        for c in el.getparent()
        if c is not el and c.tag == el.tag and c.get("class") == el.get("class")
    ]
    return bool(twins) and all(_unseen(c) for c in twins)


def _furniture(el) -> bool:
    if el.tag in _FURNITURE_TAGS or (el.get("role") or "").lower() in (
        "navigation",
        "banner",
        "contentinfo",
        "menu",
        "menubar",
        "tablist",
    ):
        return True
    if _unseen(el):
        return True
    tokens = _classes(el)
    if not tokens:
        return False
    if any(t in _FURNITURE_TOKENS for t in tokens) and not (
        _LIST_TOKENS.intersection(tokens)
        and _FURNITURE_TOKENS.isdisjoint(set(tokens) - _OWN_LIST_MARKS)
    ):
        return True
    joined = " ".join(tokens)
    return any(s in joined for s in _FURNITURE_SUBSTR)


def _heading_says_furniture(container, _cache: dict | None = None, own: str | None = None) -> bool:
    """A heading above the rows names a "hot"/"related"/专题 box. ``own`` is the column's name: a
    heading that shows it (the breadcrumb, the column's title) heads the column's own list."""
    if _cache is not None:
        if container not in _cache:
            _cache[container] = _heading_says_furniture(container, None, own)
        return _cache[container]
    probe = container
    for _ in range(3):
        if probe is None:
            return False
        prev = probe.getprevious()
        seen = 0
        while prev is not None and seen < 2:
            if isinstance(prev.tag, str):
                text = _clean("".join(islice(prev.itertext(), 20)))
                if text and len(text) <= 30:
                    return (
                        bool(_FURNITURE_HEADING.search(text))
                        and not (own and own in text)
                        and not _RESULT_COUNT.search(text)
                    )
                seen += 1
            prev = prev.getprevious()
        first = probe[0] if len(probe) else None
        if (
            first is not None
            and isinstance(first.tag, str)
            and first.tag in ("h1", "h2", "h3", "h4", "h5", "strong", "span", "div")
        ):
            text = _clean("".join(islice(first.itertext(), 20)))
            if (
                text
                and len(text) <= 20
                and first.find(".//li") is None
                and _FURNITURE_HEADING.search(text)
            ):
                return True
        probe = probe.getparent()
        if probe is not None and len(probe) > 6:
            return False
    return False


# ----------------------------------------------------------------------------- rows

# A link showing an address ("https://…", "www.…", "ybj.example.gov.cn/zcwj/…" under a search result).
_BARE_URL = re.compile(r"(?i)^(?:(?:https?://|www\.)\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?/\S*)$")
# _GENERIC, _PREFIX_LINK and _BARE_URL as one pattern: a title matching any of them is no row title.
_NOT_A_TITLE = re.compile(
    "(?i)^(?:"
    + _GENERIC.pattern.removeprefix("(?i)^")
    + "|"
    + _PREFIX_LINK.pattern[1:]
    + "|"
    + _BARE_URL.pattern.removeprefix("(?i)^")
    + ")"
)
_SKIP_HREF = ("javascript:", "mailto:", "tel:", "data:", "about:", "vbscript:", "file:")


# Text shown to screen readers only ("(link is external)", "Read more<span> about …</span>"): not
# what the reader sees in the title.
_SR_ONLY = re.compile(r"visually-?hidden|sr[-_]only|screen-reader|element-invisible")


def _screen_reader_only(a) -> set:
    """The parts of an anchor marked for screen readers only."""
    found = set()
    for el in a.iter("span", "em", "i", "b", "strong", "small", "div", "label"):
        cls = el.get("class")
        if cls and ("hid" in cls or "only" in cls or "reader" in cls or "invisible" in cls):
            if _SR_ONLY.search(cls):
                found.add(el)
    return found


def _text_without(el, skip: set) -> str:
    """``el``'s text without the subtrees in ``skip`` (their tails stay)."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child not in skip:
            parts.append(_text_without(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _anchor_text(a) -> str:
    """``"".join(a.itertext())``, without the iterator for the common anchor without children; a
    ``<br>`` read as the line break it is (``Council adopts<br>new plan``)."""
    if not len(a):
        return a.text or ""
    return text_with_breaks(a) if a.find(".//br") is not None else all_text(a)


_CARD_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "div", "p", "section", "header")
_CARD_BLOCK_SET = frozenset(_CARD_BLOCKS)


def _wraps_a_card(a) -> bool:
    """A link that wraps blocks (a title block, a date block): a row of its own, not a bare line."""
    return bool(a.get("href")) and any(c.tag in _CARD_BLOCK_SET for c in a)


def _card_title(a) -> str | None:
    """The title of a link that wraps a whole card (heading, date and summary in blocks of their
    own): its heading, else its first block of text. None for an anchor of inline text."""
    if not any(c.tag in _CARD_BLOCK_SET for c in a):
        return None
    blocks = list(a.iter(_CARD_BLOCKS))
    for c in blocks:
        if c.tag[0] == "h" and c.tag[1:].isdigit():
            text = all_text(c).strip()
            if text:
                return text
    # Innermost blocks, inline markup and all (a title block, then one of source and date spans).
    texts = [
        all_text(c).strip()
        for c in blocks
        if not len(c) or not any(d.tag in _CARD_BLOCK_SET for d in c.iterdescendants())
    ]
    texts = [t for t in texts if t]
    return texts[0] if len(texts) >= 2 else None


def _titled_place(a) -> bool:
    """The anchor stands where a row's title does: in a heading, or title-classed."""
    node = a
    for _ in range(2):
        if node is None:
            return False
        if node.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or "title" in (node.get("class") or ""):
            return True
        node = node.getparent()
    return False


class _Link:
    __slots__ = (
        "el",
        "href",
        "base",
        "text",
        "title",
        "weight",
        "usable",
        "_url",
        "_key",
        "running",
        "derived",
    )

    def __init__(self, el, href: str, base: str, raw: str | None = None):
        self.el, self.href, self.base = el, href, base
        if raw is None:
            raw = _anchor_text(el)
        if raw and len(el):
            skip = _screen_reader_only(el)
            if skip:
                raw = _text_without(el, skip)
            raw = _card_title(el) or raw
        # (Source lines read as one the way a heading's are: nothing between Chinese characters.)
        self.text = text = (
            (join_lines([raw]) if "\n" in raw else " ".join(raw.split())) if raw else ""
        )
        attr = el.get("title")
        cut = not attr and text.endswith(_CUT)
        self.title = title = _link_title(el, text) if attr or cut or not text else text
        self.weight = (2.5 * len(_WORD.findall(title))) if title.isascii() else title_weight(title)
        self.usable = (
            bool(title)
            and bool(text or attr)  # image-only links are carousel slides
            and not _NOT_A_TITLE.match(title)
        )
        if not self.usable and title and DETAIL_LINK.match(title):
            # "[详情]" beside a title printed as text: never a title itself, it only makes the row
            # a candidate (a row entry takes the title from the row's text, _text_title).
            self.usable, self.weight = True, 1.0
        if not self.usable and title and _BARE_URL.match(title) and _titled_place(el):
            # A link showing an address where a title stands (a search result for a document
            # without a title): a row's title only when the row has no other, so it weighs the
            # least a row title can.
            self.usable, self.weight = True, 2.0
        self._url = False
        self._key = False
        self.running = None  # _in_running_text(self), once asked
        self.derived = False  # the title comes from another cell of a table row (see _cell_title)

    @property
    def key(self) -> str | None:
        """page_key(url), once."""
        if self._key is False:
            url = self.url
            self._key = page_key(url) if url else None
        return self._key

    @property
    def url(self) -> str | None:
        # Resolved on demand: most anchors of a page never reach the output.
        if self._url is False:
            self._url = absolute_url(self.href, self.base)
        return self._url


def _row_links(row, links: dict) -> list[_Link]:
    if row.tag == "a":
        found = [links[row]] if row in links else []
    else:
        found = [links[a] for a in row.iter("a") if a in links]
    return found


def _best(found: list[_Link], banned: set[str] | frozenset = frozenset()) -> _Link | None:
    best = None
    for link in found:
        if link.usable and link.title not in banned and (best is None or link.weight > best.weight):
            best = link
    if (
        best is not None
        and len(found) > 1
        and _DIGIT.search(best.title)
        and _only_a_date(best.title)
    ):
        # A row whose every cell links its page (a meeting's name, its time, its room): the
        # time, however heavy its digits weigh, is no title while another link says more.
        other = _best([f for f in found if f.title != best.title], banned)
        if other is not None and other.weight >= 4 and not _only_a_date(other.title):
            best = other
    if best is not None and len(found) > 1 and not _in_heading(best.el):
        # A row linking its article twice, by a heading and by a longer summary paragraph:
        # the heading titles it.
        for link in found:
            if (
                link is not best
                and link.usable
                and link.href == best.href
                and link.title not in banned
                and link.weight >= 4
                and _in_heading(link.el)
            ):
                return link
    return best


def _in_heading(a) -> bool:
    node = a
    for _ in range(3):
        if node.tag in _HEADINGS:
            return True
        node = node.getparent()
        if node is None:
            return False
    return False


def _row_text(row, limit: int = 400) -> str:
    text = "".join(islice(row.itertext(), 80))
    if row.tag == "a" and row.tail:
        text += " " + row.tail
    return _clean(text[: limit * 2])[:limit]


def _row_date(
    row, link: _Link, text: str | None = None, style: DateStyle = DEFAULT_STYLE
) -> str | None:
    for t in row.iter("time"):
        date = parse_list_date(t.get("datetime") or "") or parse_list_date(
            _clean(all_text(t)), None, style
        )
        if date:
            return date
    if text is None:
        text = _row_text(row)
    link_text = link.text
    outside = text.replace(link_text, " ", 1) if link_text else text
    date = _parse_date(outside, None, link, style)
    if date:
        return date
    inside = None  # the link and its descendants: their text is the title, not a date column
    for el in row.iter("span", "td", "em", "i", "font", "div", "p", "small"):
        if inside is None:
            inside = set(link.el.iter())
        if el not in inside:
            date = _parse_date(_clean(all_text(el)), None, link, style)
            if date:
                return date
    if row.tag == "td":
        # A cell that is an entry of a grid: its date stands in the cells after it, up to the next entry's.
        for cell in islice(row.itersiblings("td"), 3):
            if cell.find(".//a") is not None:
                break
            date = _parse_date(_clean(all_text(cell)), None, link, style)
            if date:
                return date
    return parse_list_date(link_text, None, style)


_PIN_SRC = re.compile(r"(?:^|[/_\-.])(?:top|zd|zhiding|settop)(?:[_\-.]|\d|$)")


def _row_pinned(row, link: _Link, text: str) -> bool:
    if "置顶" in text or any(t in _PIN_TOKENS for el in (row, link.el) for t in _classes(el)):
        return True
    for el in row.iter("img", "span", "em", "i", "b", "font", "strong", "label"):
        if el.tag == "img":
            marker = (el.get("alt") or "") + (el.get("title") or "") + (el.get("src") or "")
            if "置顶" in marker or _PIN_SRC.search(
                (el.get("src") or "").lower().rsplit("/", 1)[-1]
            ):
                return True
        elif el.get("class") and any(t in _PIN_TOKENS for t in _classes(el)):
            return True
    return False


# A date opening the link's text: "[03-15] 关于…", "(2024-03-15) …", "2024.03.15 …".
_LEADING_DATE = re.compile(
    r"^\s*[\[(（【]?\s*(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[\])）】]\s*"
    r"|^\s*(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s+"
)
# What a site puts after a fresh row's title, in an element of its own: NEW, HOT, 新, 热, 荐, 图.
_BADGE = re.compile(r"(?i)^[\[【(（]?\s*(?:new|hot|top|新|热|荐|图|视频|图文)\s*[\]】)）]?$")


# A pin mark or a freshness badge a link prints before its title (or a pin mark after it): the
# store's marks (storage.ROW_LEAD_MARK, ROW_TRAIL_PIN), or an element of its own (_lead_mark).
_PIN_WORDS = ("置顶", "顶", "top")


def _lead_mark(a, title: str) -> tuple[str, bool]:
    """``title`` without the marks the link prints before it (and a pin mark after it), and
    whether one of them pins the row."""
    pinned = False
    first = None
    if a is not None and len(a) and not (a.text or "").strip() and isinstance(a[0].tag, str):
        first = a[0]
    while True:
        word = None
        found = ROW_LEAD_MARK.match(title)
        if found:
            word, rest = found.group("word") or found.group("bare"), title[found.end() :]
        elif first is not None and not len(first):
            shown = " ".join((first.text or "").split())
            if shown and title.startswith(shown) and re.fullmatch(ROW_MARK_WORD, shown, re.I):
                word, rest = shown, title[len(shown) :].lstrip(" :：·|丨-")
            first = None
        if word is None or title_weight(rest) < 4:
            break
        pinned = pinned or word.lower() in _PIN_WORDS
        title, first = rest, None
    trail = ROW_TRAIL_PIN.search(title)
    if trail and title_weight(title[: trail.start()]) >= 4:
        title, pinned = title[: trail.start()], True
    return title, pinned


def _last_element(el):
    last = None
    for d in el.iterdescendants():
        if isinstance(d.tag, str):
            last = d
    return last


def _badge_at_end(a, title: str) -> str | None:
    """The badge text a link's last element shows after its title, if any (a date in an element
    of its own after the badge, ``…<i>NEW</i><span>2024-03-28</span>``, is the row's date)."""
    last = _last_element(a)
    while (
        last is not None
        and last.getparent() is a
        and not (last.tail or "").strip()
        and _only_a_date(" ".join(all_text(last).split()))
    ):
        previous = last.getprevious()
        if previous is None or not isinstance(previous.tag, str):
            return None
        last = _last_element(previous) if len(previous) else previous
    if last is None or (last.tail or "").strip():
        return None
    text = " ".join(all_text(last).split())
    if text and len(text) < len(title) and title.endswith(text) and _BADGE.match(text):
        return text
    return None


_BRACKETED = re.compile(r"^[\[【〔(（][^\[\]【】〔〕()（）]{1,12}[\]】〕)）]$")
_MONTH_DAY = re.compile(r"^[\[(（【]?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?[\])）】]?$")


def _after_marks(a, title: str) -> str | None:
    """``title`` without what a link shows before it in elements of their own: a bracketed mark
    (``<em>[公开招标公告]</em>…``, ``<span>【通知】</span>…``: the row's type or category) or the
    row's date (``<span>2024-03-29</span>``, glued to the title), one after the other. None when
    the link opens with no such element."""
    if (a.text or "").strip():
        return None
    rest, found = title, False
    for child in a:
        if not isinstance(child.tag, str) or len(child):
            break
        text = " ".join((child.text or "").split())
        if not text or not rest.startswith(text):
            break
        if not (_BRACKETED.match(text) or _MONTH_DAY.match(text) or _only_a_date(text)):
            break
        rest, found = rest[len(text) :].lstrip(), True
        if (child.tail or "").strip():
            break
    return rest if found and title_weight(rest) >= 4 else None


def _build_link(
    row, link: _Link, dates: dict | None = None, style: DateStyle = DEFAULT_STYLE
) -> ListLink:
    title = link.title
    text = _row_text(row)
    pinned = _row_pinned(row, link, text)
    title = title.lstrip("·•●◆◇■□▪▫►▶▸ ").strip()
    title, pinned_by_mark = _lead_mark(None if link.derived else link.el, title)
    pinned = pinned or pinned_by_mark
    for pattern in (_TRAILING_DATE, _LEADING_DATE):
        if pattern is _LEADING_DATE and not (title[:1].isdigit() or title[:1] in "[(（【"):
            continue
        cut = pattern.sub("", title)
        if cut and cut != title and title_weight(cut) >= 4:
            title = cut
    badge = _badge_at_end(link.el, title) if len(link.el) and not link.derived else None
    if badge:
        title = title[: -len(badge)].rstrip()
    rest = _after_marks(link.el, title) if len(link.el) and not link.derived else None
    if rest:
        title = rest
    pair = (row, link.el)
    date = dates[pair] if dates is not None and pair in dates else _row_date(row, link, text, style)
    return ListLink(url=link.url, title=title, date=date, pinned=pinned)


# ----------------------------------------------------------------------------- group scoring

_ROW_LEVELS = 4
# Bounds for hostile pages: a real list page shows tens of rows, not thousands. The row cap is the
# per-site setting ``max_list_rows`` (docs/configuration.md); a cut page says so in ``truncated_rows``.
_MAX_SCORED_ANCHORS = 2000
MAX_LIST_ROWS = 1000
_MAX_ROW_URLS = 4


# A class naming one record (WordPress's ``post-9812``, ``item_10234``): an identity, not a kind.
_RECORD_CLASS = re.compile(r"[A-Za-z][\w-]*?[-_]\d{3,}")


def _sig(el, cache: dict) -> str:
    """Tag and first class: boxes of one list share them, whatever extra classes ("last", "odd",
    "first") some of them carry; a first class naming the record (``<article class="post-9812
    post type-post">``) gives way to the next one."""
    s = cache.get(el)
    if s is None:
        cls = el.get("class")
        first = ""
        if cls and not cls.isspace():
            tokens = cls.split(None, 2)
            first = tokens[0]
            if len(tokens) > 1 and _RECORD_CLASS.fullmatch(first):
                first = tokens[1]
        s = el.tag + "." + first
        cache[el] = s
    return s


def _candidate_groups(root, links: dict) -> tuple[dict, dict]:
    """Rows keyed by where they repeat: (container, row tag) and same-class sibling containers.

    Also returns each candidate row's links, gathered on the same walk up from every anchor. A node's
    groups depend on the node alone, so they are entered on its first visit; later walks through it
    (the other anchors of the same list) only add their link to its row.
    """
    groups: dict = {}
    row_links: dict = {}
    sigs: dict = {}
    up: dict = {}  # node → parent, for nodes already entered in their groups
    at_body: set = set()  # rows whose parent is <body>: entered, not walked above
    stop = ("body", "html")
    for a, link in links.items():
        if not link.usable:
            continue  # icons, numbers, "更多": never a row's title, so never a reason for a row
        node = a
        for _ in range(_ROW_LEVELS):
            parent = up.get(node, _UNSEEN)
            if parent is not _UNSEEN:
                if parent is None:
                    if node in at_body:
                        row_links[node].append(link)
                    break
                row_links[node].append(link)
                node = parent
                continue
            parent = node.getparent()
            if parent is None or parent.tag in stop:
                up[node] = None
                if (
                    parent is not None
                    and parent.tag == "body"
                    and (node is not a or _wraps_a_card(a))
                ):
                    # Rows standing right in <body> (a bare mobile page's cards): one group.
                    at_body.add(node)
                    row_links[node] = [link]
                    groups.setdefault((parent, node.tag), {})[node] = None
                break
            up[node] = parent
            row_links[node] = [link]
            tag = node.tag
            rows = groups.get((parent, tag))
            if rows is None:
                groups[(parent, tag)] = {node: None}
            else:
                rows[node] = None
            gp = parent.getparent()
            if gp is not None and gp.tag != "html":
                psig = sigs.get(parent)
                if psig is None:
                    psig = sigs[parent] = _sig(parent, sigs)
                key = (gp, psig, tag)
                rows = groups.get(key)
                if rows is None:
                    groups[key] = {node: None}
                else:
                    rows[node] = None
                ggp = gp.getparent()
                if ggp is not None and ggp.tag != "html":
                    gsig = sigs.get(gp)
                    if gsig is None:
                        gsig = sigs[gp] = _sig(gp, sigs)
                    key = (ggp, gsig, psig, tag)
                    rows = groups.get(key)
                    if rows is None:
                        groups[key] = {node: None}
                    else:
                        rows[node] = None
            node = parent
    return groups, row_links


_UNSEEN = object()


def _row_entry(row, found: list[_Link] | None) -> tuple | None:
    """(row, links, best) when the row looks like one list entry, else None."""
    if not found:
        return None
    cap = _MAX_TABLE_ROW_URLS if row.tag == "tr" else _MAX_ROW_URLS
    if len(found) > cap and _page_hrefs(found, cap) > cap:
        return None  # a menu or a box of links; a row's attachments do not count
    best = _best(found)
    if row.tag == "tr" and len(found) > 1 and best is not None:
        best = _title_column_link(row, found) or best
    if row.tag == "tr" and (best is None or best.weight < 4):
        titled = _cell_title(row, found, best)
        if titled is not None:
            return (row, found, titled)
    if best is not None and best.weight >= 2:
        return (row, found, best)
    if best is not None and row.tag != "tr" and DETAIL_LINK.match(best.title):
        titled = _text_title(row, best)
        if titled is not None:
            return (row, found, titled)
    return None


def _text_title(row, link: _Link) -> _Link | None:
    """For a row whose link says 详情/查看 or what every row's says ("View agenda"), its link
    titled by the row's first element of text that is no date, number or code (as a table row's
    title cell is found)."""
    for child in row:
        if not isinstance(child.tag, str) or child is link.el or link.el in child.iterdescendants():
            continue
        title = _cell_text_title(child)
        if title is not None:
            titled = _Link.__new__(_Link)
            for name in _Link.__slots__:
                setattr(titled, name, getattr(link, name))
            titled.title, titled.weight, titled.usable = title, title_weight(title), True
            titled.derived = True
            return titled
    return None


# ----------------------------------------------------------------------------- table rows

_DOCUMENT_SUFFIXES = (
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".et",
    ".wps",
    ".ofd",
    ".ppt",
    ".pptx",
    ".zip",
    ".rar",
    ".7z",
    ".txt",
    ".csv",
)


def _page_hrefs(found: list, cap: int) -> int:
    """Distinct hrefs among ``found`` that are no document download, counted up to ``cap + 1``."""
    hrefs = {found_link.href for found_link in found}
    if len(hrefs) <= cap:
        return len(hrefs)
    n = 0
    for href in hrefs:
        if not href.split("?", 1)[0].lower().endswith(_DOCUMENT_SUFFIXES):
            n += 1
            if n > cap:
                break
    return n


# A table row holds more links than a list item: agenda, minutes, video, attachments.
_MAX_TABLE_ROW_URLS = 8
_TITLE_HEADER = re.compile(
    r"标题|名称|题名|主题|事项|内容|title|subject|name|meeting|description|event|notice|item", re.I
)
_DOC_NUMBER = re.compile(
    r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*第?\s*\d+\s*号|第\s*\d+\s*号\s*$"
)
_CODE_CELL = re.compile(r"[\w\s\-/.:#()（）〔〕\[\]【】第号]{0,40}")


def _table_groups(root, links: dict, groups: dict, row_links: dict) -> None:
    """Every table's rows that hold a link, whatever the link says ("查看", "Agenda"): the title
    of a table row may sit in another cell (:func:`_cell_title`)."""
    for table in root.iter("table"):
        for body in (table, *table.iterchildren("tbody")):
            found_rows = {}
            for tr in body.iterchildren("tr"):
                found = [links[a] for a in tr.iter("a") if a in links]
                if found:
                    found_rows[tr] = found
            if not found_rows:
                continue
            row_links.update(
                found_rows
            )  # all the row's links: the walk up from anchors kept usable ones
            key = (body, "tr")
            old = groups.get(key) or {}
            groups[key] = dict.fromkeys(
                tr for tr in body.iterchildren("tr") if tr in found_rows or tr in old
            )


def _header_column(row) -> int | None:
    """Index of the cell under a title-like header ("标题", "名称", "Meeting"), if the table has one."""
    body = row.getparent()
    if body is None:
        return None
    table = body.getparent() if body.tag == "tbody" else body
    head = None
    if table is not None:
        # A header leads the table: look at its first children only (a table may hold thousands).
        thead = next((c for c in islice(table, 4) if c.tag == "thead"), None)
        head = thead.find("tr") if thead is not None else None
    if head is None:
        first = next(body.iterchildren("tr"), None)
        if first is not None and first is not row and first.find(".//a") is None:
            head = first
    if head is None:
        return None
    for i, cell in enumerate(c for c in head if c.tag in ("td", "th")):
        text = _short_text(cell, 12)
        if text and _TITLE_HEADER.search(text):
            return i
    return None


def _in_title_column(row, link: _Link) -> bool:
    """The link stands alone in a table row's cell under a title-like header: the row's title,
    even when rows repeat it (a "City Council Regular Meeting" every other week). A cell that
    also shows a title of its own text (``关于…的通知 <a>查看</a>``) is titled by that text."""
    if row.tag != "tr":
        return False
    cell = _title_cell(row)
    return cell is not None and cell in link.el.iterancestors() and _cell_text_title(cell) is None


def _title_cell(row):
    """The row's cell under its table's title-like header (标题, 会议名称, Name), or None."""
    column = _header_column(row)
    if column is None:
        return None
    cells = [c for c in row if c.tag in ("td", "th")]
    return cells[column] if column < len(cells) else None


def _title_column_link(row, found: list[_Link]) -> _Link | None:
    """Of a table row's links, the one in the cell under a title-like header (会议名称, 标题),
    when it titles the row: a row whose every cell links its page (the meeting's name, its time,
    its room) is titled by its name, not by the cell whose digits weigh most."""
    cell = _title_cell(row)
    if cell is None:
        return None
    inside = [f for f in found if f.usable and f.weight >= 4 and cell in f.el.iterancestors()]
    return max(inside, key=lambda f: f.weight) if inside else None


def _short_text(el, limit: int) -> str | None:
    """``_clean(all_text(el))``, or None as soon as the raw text passes ``2 * limit`` characters or
    the clean text ``limit`` (a layout cell holding half the page is read no further)."""
    pieces, size = [], 0
    for piece in el.itertext():
        size += len(piece)
        if size > 2 * limit:
            return None
        pieces.append(piece)
    text = _clean("".join(pieces))
    return text if len(text) <= limit else None


def _cell_text_title(cell) -> str | None:
    """A cell's text as a title: not a date, a number or a code, not only link text."""
    text = _short_text(cell, 300)
    if not text:
        return None
    for a in cell.iter("a"):
        inner = _clean(_anchor_text(a))
        if inner:
            text = _clean(text.replace(inner, " ", 1))
    if title_weight(text) < 4 or (
        _CODE_CELL.fullmatch(text)
        and text.isascii()
        and not re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{3,}", text)
    ):
        return None
    if _DIGIT.search(text) and (
        (parse_list_date(text) and (title_weight(_strip_dates(text)) < 4 or _only_a_date(text)))
        or (len(text) <= 24 and _DOC_NUMBER.search(text))
    ):
        return None  # a date, or a document number (示政发〔2024〕3号)
    return text


def _cell_title(row, found: list[_Link], best: _Link | None) -> _Link | None:
    """For a table row whose links say little ("查看", "Agenda"), its link titled by the row's title
    cell: the one under a title-like header, else the first text cell that is no date, number or code."""
    cells = [c for c in row if c.tag in ("td", "th")]
    if len(cells) < 2:
        return None
    title = None
    column = _header_column(row)
    if column is not None and column < len(cells):
        title = _cell_text_title(cells[column])
    if title is None:
        # The first text cell, unless a later one weighs twice as much (a department before the title).
        for cell in cells:
            text = _cell_text_title(cell)
            if text is not None and (
                title is None or title_weight(text) >= 2 * title_weight(title)
            ):
                title = text
    weight = title_weight(title) if title else 0.0
    if title is None or weight <= (best.weight if best is not None else 0.0):
        return None
    link = best or next((candidate for candidate in found if candidate.url), None)
    if link is None:
        return None
    titled = _Link.__new__(_Link)
    for name in _Link.__slots__:
        setattr(titled, name, getattr(link, name))
    titled.title, titled.weight, titled.usable, titled.derived = title, weight, True, True
    return titled


def _group_rows(rows, row_links: dict, cache: dict | None = None) -> list[tuple]:
    """(row, links, best) for rows that look like one list entry; ``cache`` keeps each row's answer
    for the other groups the row belongs to."""
    out = []
    if cache is None:
        for row in rows:
            entry = _row_entry(row, row_links.get(row))
            if entry is not None:
                out.append(entry)
        return out
    for row in rows:
        entry = cache.get(row, _UNSEEN)
        if entry is _UNSEEN:
            entry = cache[row] = _row_entry(row, row_links.get(row))
        if entry is not None:
            out.append(entry)
    return out


class _Memo:
    """Answers about one page's elements, shared by all the candidate groups that ask."""

    __slots__ = (
        "sigs",
        "furniture",
        "headings",
        "dates",
        "elsewhere",
        "bare",
        "pagers",
        "holders",
        "written_after",
        "near",
        "teaser",
        "column",
        "column_name",
        "style",
    )

    def __init__(
        self,
        pagers: set | None = None,
        written_after: set | None = None,
        column: str | None = None,
        column_name: str | None = None,
        style: DateStyle = DEFAULT_STYLE,
    ):
        self.style = style  # the page's date style, for its rows' dates
        # The column's own folder ("http://x.gov.cn/zwgk/tzgg/"): its releases live under it.
        self.column = column
        self.column_name = column_name  # its name (breadcrumb tail): a heading naming it is its own
        self.sigs: dict = {}
        self.furniture: dict = {}
        self.headings: dict = {}
        self.dates: dict = {}
        self.elsewhere: dict = {}
        self.bare: dict = {}
        self.pagers = pagers or set()  # the page's pagination blocks
        # A pager, or a small box around one: what "the pager follows the list" looks for.
        self.holders = set(self.pagers)
        self.written_after = written_after or set()
        for el in self.pagers:
            for _ in range(3):
                parent = el.getparent()
                if (
                    parent is None
                    or parent.tag in ("body", "html")
                    or not all(
                        c is el or not isinstance(c.tag, str) or c in self.holders or _small(c)
                        for c in parent
                    )
                ):
                    break
                self.holders.add(parent)
                el = parent
        self.near: dict = {}
        self.teaser: dict = {}

    def next_to_pager(self, container, row_tag: str) -> float:
        pair = (container, row_tag)
        found = self.near.get(pair)
        if found is None:
            found = self.near[pair] = _next_to_pager(container, row_tag, self)
        return found

    def teaser_box(self, container) -> bool:
        found = self.teaser.get(container)
        if found is None:
            found = self.teaser[container] = _teaser_box(container, self.column)
        return found

    def is_furniture(self, el) -> bool:
        found = self.furniture.get(el)
        if found is None:
            found = self.furniture[el] = _furniture(el)
        return found

    def heading_says_furniture(self, el) -> bool:
        return _heading_says_furniture(el, self.headings, self.column_name)

    def title_elsewhere(self, row, link: _Link) -> bool:
        if row.tag == "a":
            return False
        pair = (row, link.el)
        found = self.elsewhere.get(pair)
        if found is None:
            found = self.elsewhere[pair] = _title_elsewhere(row, link)
        return found

    def bare_rows(self, parent, tag: str) -> int:
        """Children of ``parent`` with tag ``tag`` holding text but no link (among the first 400)."""
        pair = (parent, tag)
        found = self.bare.get(pair)
        if found is None:
            found = self.bare[pair] = sum(
                1
                for child in islice(parent, 400)
                if child.tag == tag
                and not (tag == "a" and _wraps_a_card(child))  # a card that is its own link
                and next(child.iterdescendants("a"), None) is None
                and _clean(all_text(child))
            )
        return found

    def row_date(self, row, link: _Link) -> str | None:
        pair = (row, link.el)
        if pair not in self.dates:
            self.dates[pair] = _row_date(row, link, None, self.style)
        return self.dates[pair]


def _prelim(entries: list[tuple]) -> float:
    if not entries:
        return 0.0
    avg = sum(e[2].weight for e in entries) / len(entries)
    return len({e[2].href for e in entries}) * min(avg, 25.0)


_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "td",
    "th",
    "dd",
    "dt",
    "article",
    "section",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "header",
    "footer",
    "form",
    "figure",
    "br",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _strip_dates(text: str) -> str:
    """``_TRAILING_DATE.sub("", _YMD.sub("", text))``, without running either regex along the whole
    of a long paragraph: a ``_YMD`` match starts where "19" or "20" does, and a trailing date ends
    (before spaces) with a digit, 日 or a closing bracket."""
    starts = []
    for year in ("19", "20"):
        at = text.find(year)
        while at >= 0:
            starts.append(at)
            at = text.find(year, at + 1)
    if starts:
        starts.sort()
        pieces, end = [], 0
        for at in starts:
            if at < end:
                continue
            m = _YMD.match(text, at)
            if m:
                pieces.append(text[end:at])
                end = m.end()
        if pieces:
            pieces.append(text[end:])
            text = "".join(pieces)
    tail = text.rstrip()
    if tail and (tail[-1].isdecimal() or tail[-1] in "日])）"):
        text = _TRAILING_DATE.sub("", text)
    return text


_SENTENCE_MARK = re.compile(r"[，。；！？!?]|[,;.]\s")


def _in_running_text(link: _Link) -> bool:
    """A link inside a sentence ("Click <a>here</a> for the data") is not a list row's title; a
    link wrapping blocks of its own (a card's heading, summary and date) is a row wherever it sits."""
    if _wraps_a_card(link.el):
        return False
    block = link.el.getparent()
    while block is not None and block.tag not in _BLOCK_TAGS:
        block = block.getparent()
    if block is None or block.tag in _HEADINGS:
        return False
    el = link.el
    if el.getparent() is block and not (block.text or "").strip() and not (el.tail or "").strip():
        # A link that opens its block and ends its line ("<a>title</a><br>summary…") heads it.
        after = el.getnext()
        if (
            after is not None
            and after.tag == "br"
            and all(
                not isinstance(p.tag, str)
                or (not _clean(all_text(p)) and not (p.tail or "").strip())
                for p in el.itersiblings(preceding=True)
            )
        ):
            return False
    parts = [block.text or ""]
    loose = bool(parts[0].strip())
    heaviest = 0.0
    for child in block:
        if child is link.el or child.tag == "a":
            pass  # other links are rows of a box of links, not prose around this one
        elif isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS:
            cell = all_text(child)
            parts.append(cell)
            if child.find(".//a") is None:
                heaviest = max(heaviest, title_weight(_clean(cell)))
        parts.append(child.tail or "")
        loose = loose or bool((child.tail or "").strip())
    outside = "".join(parts)
    if len(outside) < 24 or len(outside) < len(link.title):
        return False
    if not loose and link.weight > heaviest and not _SENTENCE_MARK.search(outside):
        # Every other text in an element of its own, each lighter than the link, no sentence
        # among them: a row's cells (<span>索引号</span><span><a>标题</a></span><span>文号</span>
        # <span>日期</span>), not prose (nor an info line's 发布单位：… beside a 我要留言 button).
        return False
    outside = _clean(outside)
    limit = max(12.0, 1.5 * link.weight)
    if title_weight(outside) <= limit:
        return False  # taking dates out never adds weight: no character or word is added
    if "19" not in outside and "20" not in outside:
        return True  # no year, so no date to take out
    return title_weight(_strip_dates(outside)) > limit


def _title_elsewhere(row, link: _Link) -> bool:
    """The row's heading is plain text while the link sits elsewhere: the title is not a link.
    A heading that only dates the row ("Mar 12, 2024" above the meeting's link) is no title."""
    if row.tag == "a":
        return False
    for h in row.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        if h.find(".//a") is None and link.el not in h.iterancestors():
            if link.derived and _clean(all_text(h)) == link.title:
                continue  # the row's heading titles its "Read more"/详情 link: the title is here
            text = _clean(all_text(h))
            if text and not _only_a_date(text):
                return True
    return False


_DATE_WORDS = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*\.?|\b[ap]\.?m\.?\b|[\d\s,./:\-年月日号時时分]|星期.|周.|上午|下午|中午|晚上|凌晨"
)


def _only_a_date(text: str) -> bool:
    """``text`` says a date (and time) and nothing else: "Mar 12, 2024", "2024年3月12日 星期二"."""
    return len(text) <= 40 and bool(parse_list_date(text)) and len(_DATE_WORDS.sub("", text)) <= 1


def _small(el) -> bool:
    """A wisp beside a pager ("共 2 条", a page-size picker): little text and at most one link."""
    if sum(1 for _ in islice(el.iter("a"), 2)) > 1:
        return False
    size = 0
    for piece in el.itertext():
        size += len(piece.strip())
        if size > 30:
            return False
    return True


def _blank(el) -> bool:
    """A spacer (``<div class="clear"></div>``, ``<br>``, ``<hr>``): no text, no link, no image."""
    if any(not piece.isspace() for piece in el.itertext()):
        return False  # (stops at the first text: cheaper than the searches below on a big element)
    return el.find(".//a") is None and el.find(".//img") is None


def _next_to_pager(container, row_tag: str, memo: _Memo) -> float:
    """1.0 when the page's pager follows the group's rows (or is their last row), 0.5 when it only
    stands right before them (a pager above the list, or a box after some other list's pager), else 0.

    The pager belongs to the main list: of the lists of a page, the one it follows is the one it
    pages through. Spacers between them are passed over; the walk climbs while the container is
    the last thing in its parent, so a pager after the box that holds the list counts too.
    """
    if not memo.holders and not memo.written_after:
        return 0.0
    last = next((c for c in reversed(container) if c.tag == row_tag), None)
    if last is not None:
        if last in memo.pagers or (last.tag == "table" and last in memo.holders):
            # The pager is the list's last row (an old template's rows are tables, its pager the
            # table after them).
            return 1.0
        after = last.getnext()
        while after is not None and (
            not isinstance(after.tag, str) or (after not in memo.holders and _blank(after))
        ):
            after = after.getnext()
        if after is not None and after in memo.holders:
            return 1.0  # inside the list's box, right after its last row
    before = 0.0
    node = container
    for level in range(4):
        if node in memo.written_after:
            return 1.0
        sib, seen = node.getnext(), 0
        while sib is not None and seen < 2:
            if isinstance(sib.tag, str):
                if sib in memo.holders:
                    return 1.0
                seen += not _blank(sib)
            sib = sib.getnext()
        if level < 2 and not before:
            prev = node.getprevious()
            while prev is not None and (
                not isinstance(prev.tag, str) or (prev not in memo.holders and _blank(prev))
            ):
                prev = prev.getprevious()
            if prev is not None and prev in memo.holders:
                before = 0.5
        if seen:
            break
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            break
    return before


_MORE = re.compile(
    r"(?i)^[\s+＋>»›]*(?:更多|查看更多|更多信息|更多内容|更多新闻|more|view\s+(?:all|more)|see\s+(?:all|more))[\s+＋>»›.…]*$|^[+＋]$"
)


def _more_link(a) -> bool:
    """A box's "更多 >>" / "More" link: the box is a teaser of another column, not the main list."""
    text = _clean(_anchor_text(a))
    if not text:
        img = a.find(".//img")
        return img is not None and "more" in (img.get("src") or "").lower().rsplit("/", 1)[-1]
    return len(text) <= 12 and bool(_MORE.match(text))


def _teaser_box(container, column: str | None = None) -> bool:
    """A heading with a "more" link just above the rows (or at the head of their box) — unless
    the link leads to the column itself (``column``: its folder): then the box is the column's own
    among its sibling columns' boxes."""
    node = container
    for _ in range(2):
        prev, seen = node.getprevious(), 0
        while prev is not None and seen < 2:
            if isinstance(prev.tag, str) and not _blank(prev):
                if len(_clean(all_text(prev))) <= 40:
                    more = [a for a in islice(prev.iter("a"), 6) if _more_link(a)]
                    if more:
                        return not (
                            column
                            and all(
                                _column_folder(absolute_url(a.get("href"), column) or "") == column
                                for a in more
                            )
                        )
                seen += 1
            prev = prev.getprevious()
        if seen:
            break  # the rows have a head of their own: the box's, above it, is not theirs
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            break
    return False


def _box_more_link(box, rows: set) -> bool:
    """``box`` holds a "more" link outside its rows."""
    for a in islice(box.iter("a"), 200):
        if _more_link(a) and not any(up in rows for up in a.iterancestors()):
            return True
    return False


def _box_heading(box, rows: set) -> str | None:
    """The name a box of rows shows above them: a short text without digits (so no date or issue
    number) before its first row, or just before the box."""
    for child in box:
        if not isinstance(child.tag, str):
            continue
        if child in rows or any(r in rows for r in islice(child.iter(), 400)):
            break
        text = _clean(all_text(child))
        if text:
            return text if len(text) <= 16 and not _DIGIT.search(text) else None
    prev = box.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and prev.tag != box.tag and prev.find(".//li") is None:
        text = _clean(all_text(prev))
        if text and len(text) <= 16 and not _DIGIT.search(text):
            return text
    return None


def _box_of(row, container):
    node = row
    while node.getparent() is not None and node.getparent() is not container:
        node = node.getparent()
    return node


# A list hint's mark for a column whose rows are titled from their text (their links are buttons).
_TEXT_TITLES = " @text-titles"
# Below this many rows, one link text repeated on most rows cannot be told from a title.
_BUTTON_EVIDENCE = 5


def _text_titled(entry: tuple) -> tuple:
    """The entry titled from its row's text (its title cell, else its first text), when it has one."""
    row, found, best = entry
    if best.derived:
        return entry
    titled = _cell_title(row, found, None) if row.tag == "tr" else _text_title(row, best)
    return (row, found, titled) if titled is not None else entry


def _without_buttons(entries: list[tuple]) -> list[tuple]:
    """The entries titled otherwise where their title is a button's: the same link text on most
    rows ("Agenda", "View details", "Recall Notice") is no title; a table row then takes its title
    from its title cell, another row its other link."""
    counts: dict[str, int] = {}
    for _, found, _ in entries:
        if len(found) == 1:
            t = found[0].title
            counts[t] = counts.get(t, 0) + 1
        else:
            for t in {found_link.title for found_link in found}:
                counts[t] = counts.get(t, 0) + 1
    limit = max(2, len(entries) // 2)
    banned = {t for t, c in counts.items() if c > limit}
    if not banned:
        return entries
    out = []
    for row, found, best in entries:
        if best.title in banned and not best.derived and not _in_title_column(row, best):
            titled = _cell_title(row, found, None) if row.tag == "tr" else _text_title(row, best)
            best = titled or _best(found, banned)
            if best is None or best.weight < 2:
                continue
        out.append((row, found, best))
    return out


def _final(
    key, entries: list[tuple], self_urls: set[str], memo: _Memo, floor: float = 0.0
) -> tuple[float, list[tuple]]:
    """The group's score and its kept rows. ``floor`` is the best score so far: a group that
    cannot beat it, however dated its rows, scores 0 without its dates being read."""
    container = key[0]
    kept = _rows_outside_furniture(container, entries, memo)
    if not kept:
        return 0.0, []
    n = len({e[2].href for e in kept})
    avg = sum(e[2].weight for e in kept) / len(kept)
    if avg < 4:
        return 0.0, kept
    score = n * min(avg, 25.0)
    if kept[0][0].tag != "a":
        score *= 1.01  # same links, bigger rows: the row holds the date and the pin marks
    factor = _placement_factor(key, kept, self_urls, memo)
    factor = _row_shape_factor(factor, kept, memo)
    tag = kept[0][0].tag
    near = (
        memo.next_to_pager(container if len(key) == 2 else _box_of(kept[-1][0], container), tag)
        if factor > 0.5
        else 0.0
    )
    if near:
        factor *= 1 + (_PAGER_BOOST - 1) * near
    elif len(kept) == 1 and not (memo.column and _headed_by_column(container, memo.column_name)):
        return 0.0, kept  # one row stands for a list only beside the pager or its heading
    if memo.column and factor > 0.5 and _in_column(kept, memo.column):
        factor *= _COLUMN_BOOST  # the column's own releases, not another column's box
    marked = sum(
        1 for row, _, _ in kept[:200] if row.get("class") and set(_classes(row)) & _CURRENT_ROW
    )
    if marked == 1 and len(kept) > 1:
        factor *= 0.5
    if score * factor * 2 <= floor:
        return 0.0, kept  # dated rows double the score at most: this group cannot win
    sample = kept[:12]
    dated = 0
    for row, _, best in sample:
        dated += memo.row_date(row, best) is not None
    return score * factor * (1 + dated / len(sample)), kept


def _headed_by_column(container, name: str | None) -> bool:
    """The block just above the group's box (up to two levels up) is a heading saying the
    column's name (the breadcrumb's last step), not a link, or a head bar whose first element
    says it (``<h2>人事任免</h2>`` beside the breadcrumb)."""
    if not name:
        return False
    node = container
    for _ in range(3):
        prev = node.getprevious()
        while prev is not None and (not isinstance(prev.tag, str) or _blank(prev)):
            prev = prev.getprevious()
        if prev is not None:
            text = "".join(islice(prev.itertext(), 8))
            if _clean(text) == name and prev.find(".//a[@href]") is None:
                return True
            # A head bar opening with the name, the breadcrumb beside it (no "more" link).
            first = next((c for c in prev if isinstance(c.tag, str) and not _blank(c)), None)
            return (
                first is not None
                and first.find(".//a[@href]") is None
                and _clean(all_text(first)) == name
                and not any(_more_link(a) for a in islice(prev.iter("a"), 12))
            )
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return False
    return False


def _headed_own_rows(
    groups: dict, row_links: dict, entry_of: dict, self_urls: set[str], memo: _Memo
) -> tuple[float, list[tuple], tuple | None]:
    """The best group of rows right under the heading naming the column (under the column's
    folder, when the page's address has one its rows use)."""
    best = (0.0, [], None)
    for key, rows in islice(groups.items(), 400):
        if len(key) != 2 or not _headed_by_column(key[0], memo.column_name):
            continue
        entries = _group_rows(rows, row_links, entry_of)
        if not entries:
            continue
        if min(e[2].weight for e in entries) < 5:
            continue  # a page tool (高级搜索) or a menu's short names, no release's title
        score, kept = _final(key, entries, self_urls, memo)
        if score > best[0]:
            best = (score, kept, key)
    return best


def _rows_outside_furniture(container, entries: list[tuple], memo: _Memo) -> list[tuple]:
    """The group's entries without buttons, rows in running text or titled elsewhere, and rows
    reached through sibling containers that are furniture boxes."""
    few_members = len(container) <= 30
    boxes_seen: dict = {}
    kept = []
    for row, found, best in _without_buttons(entries):
        running = best.running
        if running is None:
            running = best.running = _in_running_text(best)
        if running or memo.title_elsewhere(row, best):
            continue
        if not _in_furniture_box(row, container, few_members, boxes_seen, memo):
            kept.append((row, found, best))
    return kept


def _in_furniture_box(row, container, few_members: bool, boxes_seen: dict, memo: _Memo) -> bool:
    """Whether ``row`` sits in a furniture box between it and ``container``; ``boxes_seen``
    remembers the verdict for each of the container's members."""
    skip = False
    node = row.getparent()
    while node is not None and node is not container:
        up = node.getparent()
        member = up is container
        if member and node in boxes_seen:
            return boxes_seen[node]
        if memo.is_furniture(node) or (
            member and few_members and memo.heading_says_furniture(node)
        ):
            skip = True
        if member:
            boxes_seen[node] = skip
            break
        if skip:
            break
        node = up
    return skip


def _placement_factor(key, kept: list[tuple], self_urls: set[str], memo: _Memo) -> float:
    """How much a group weighs for where it stands: inside furniture, under a furniture heading,
    linking back to the page, spread over teaser boxes."""
    container = key[0]
    factor = 1.0
    node = container
    shown = None  # a tab set's shown panel on the way up: it and its set are no furniture
    while node is not None and node.tag not in ("body", "html"):
        if shown is None and _shown_panel(node):
            shown = node
        elif memo.is_furniture(node) and not (shown is not None and shown.getparent() is node):
            # (What the page hides weighs less still: a tab set's hidden panels beside the
            # shown one.)
            factor = 0.02 if _unseen(node) else 0.1
            break
        node = node.getparent()
    if factor == 1.0 and memo.heading_says_furniture(
        container if len(key) == 2 else kept[0][0].getparent()
    ):
        factor = 0.2
    if any(e[2].key in self_urls for e in kept[:200]):
        factor *= 0.05
    if len(key) >= 3:
        factor = _sibling_boxes_factor(factor, key, kept, memo)
    elif memo.teaser_box(container):
        factor *= 0.25
    return factor


def _sibling_boxes_factor(factor: float, key, kept: list[tuple], memo: _Memo) -> float:
    """``factor`` discounted for rows gathered across sibling boxes that are not one list."""
    container = key[0]
    # Most of the boxes must hold rows, or it is chance.
    boxes = {}
    for row, _, _ in kept:
        node = _box_of(row, container)
        boxes[id(node)] = node
    total = sum(
        1 for child in container if isinstance(child.tag, str) and _sig(child, memo.sigs) == key[1]
    )
    if total and len(boxes) * 2 < total:
        factor *= 0.1
    # Boxes that each carry a "more" link are teasers of as many columns, not one list.
    rows = {row for row, _, _ in kept}
    teasers = sum(1 for box in boxes.values() if _box_more_link(box, rows) or memo.teaser_box(box))
    if teasers * 2 >= len(boxes):
        factor *= 0.1 if teasers >= 2 else 0.25
    else:
        # Boxes under headings of their own ("通知公告", "政策解读") are as many lists.
        names = {_box_heading(box, rows) for box in boxes.values()}
        names.discard(None)
        if len(names) >= 2 and len(names) * 2 >= len(boxes):
            factor *= 0.3
    return factor


def _row_shape_factor(factor: float, kept: list[tuple], memo: _Memo) -> float:
    """``factor`` discounted for rows that are table cells or paragraphs of prose."""
    # Rows among many same-tag siblings without links are paragraphs of prose.
    parents = {
        id(row.getparent()): row.getparent()
        for row, _, _ in kept[:40]
        if row.getparent() is not None
    }
    tag = kept[0][0].tag
    bare = sum(memo.bare_rows(parent, tag) for parent in parents.values())
    if tag in ("td", "th") and len(parents) * 1.5 < len(kept):
        if _release_grid(kept):
            return factor  # its cells without a link are the releases' date cells
        # Several cells of each table row: the row is the entry, its cells are columns.
        factor *= 0.3
    # A table's rows without a document yet are rows, not prose.
    if bare and bare >= min(len(kept), 40) and tag != "tr":
        factor *= 0.3
    return factor


def _release_grid(kept: list[tuple]) -> bool:
    """Cells that are entries of their own: most table rows hold two releases or more side by
    side (an old site's grid of 20 titles in 10 rows), each cell's link a title of its own that no
    other cell links (a department or "查看" column repeats)."""
    per_row: dict = {}
    for row, _, best in kept[:80]:
        if best.weight >= 8 and not best.derived:
            per_row.setdefault(row.getparent(), []).append(best.href)
    hrefs = [href for found in per_row.values() for href in found]
    return (
        len(hrefs) * 10 >= min(len(kept), 80) * 9
        and len(hrefs) == len(set(hrefs))
        and sum(len(found) >= 2 for found in per_row.values()) * 4 >= len(per_row) * 3
    )


_FINALISTS = 12
# Elements that hold rows: never a lone row themselves.
_LIST_TAGS = frozenset(["ul", "ol", "dl", "table", "tbody", "thead"])
# How much more a group weighs for sitting next to the page's pager.
_PAGER_BOOST = 3.0
# Lone rows looked at for a one-row list, heaviest titles first (each row is a few nested groups).
_ONE_ROW_CANDIDATES = 24
# The most a one-row group can score (title weight 25, dated, bigger row, next to the pager).
_ONE_ROW_CEILING = 25.0 * 2 * 1.01 * _PAGER_BOOST
# How much more a group weighs when its rows are the column's own (under the page's folder).
_COLUMN_BOOST = 3.0


def _main_list(
    root, links: dict, self_urls: set[str], memo: _Memo | None = None
) -> tuple[tuple | None, list[tuple]]:
    groups, row_links = _candidate_groups(root, links)
    _table_groups(root, links, groups, row_links)
    entry_of: dict = {}
    memo = memo if memo is not None else _Memo()
    finalists = _finalists(groups, row_links, entry_of)
    best_score, best, best_key = _best_finalist(finalists, self_urls, memo)
    favoured: list[tuple] = []
    if not _stands_as_the_column_s(best_key, best, memo):
        favoured = _favoured_groups(groups, row_links, entry_of, finalists, memo)
        if favoured:
            score, kept, key = _best_finalist(favoured, self_urls, memo)
            if score > best_score:
                best_score, best, best_key = score, kept, key
        if best and not _near_pager(best_key, best, memo):
            # The pager pages through the list it follows: a short last page beside a longer
            # box of the column's latest that no pager stands by is still the list.
            followed = [
                t
                for t in finalists + favoured
                if len(t[3]) >= 2
                and len(t[2]) == 2
                and memo.next_to_pager(t[2][0], t[2][1]) == 1.0
                and (
                    not memo.column
                    or _in_column(t[3], memo.column)
                    or not _in_column(best, memo.column)
                )
            ]
            if followed:
                score, kept, key = _best_finalist(followed, self_urls, memo)
                if kept and score >= 24:
                    best_score, best, best_key = score, kept, key
    one_row_ceiling = _ONE_ROW_CEILING * (_COLUMN_BOOST if memo.column else 1.0)
    if best_score < one_row_ceiling and (memo.pagers or memo.written_after):
        best_score, best, best_key = _lone_row_list(
            groups, row_links, entry_of, self_urls, memo, (best_score, best, best_key)
        )
    elif memo.column and (memo.pagers or memo.written_after) and best:
        # A column's last page holding one row beside a box of other columns' releases (or of
        # the column's own latest, on the same show.asp): the row under the column's folder
        # that the pager follows is the list, however the box scores, unless the pager follows
        # the box (a box in the column itself next to nothing is a sidebar's).
        near = memo.next_to_pager(
            best_key[0] if len(best_key) == 2 else _box_of(best[-1][0], best_key[0]),
            best[0][0].tag,
        )
        if near < 1.0 and (not _in_column(best, memo.column) or not near):
            own = _lone_row_list(
                groups, row_links, entry_of, self_urls, memo, (0.0, [], None), own_only=True
            )
            if own[1]:
                best_score, best, best_key = max(own[0], 24.0), own[1], own[2]
    if (
        best
        and (memo.pagers or memo.written_after)
        and not (memo.column and _in_column(best, memo.column))
        and not _near_pager(best_key, best, memo)
    ):
        # A last page of one row beside a box of other releases (热点排行, 最新发布) that no pager
        # stands by, neither under the column's folder (a Hanweb column's rows under /art/…):
        # the row the pager follows is the list, as two rows the pager follows are (above).
        own = _lone_row_list(
            groups, row_links, entry_of, self_urls, memo, (0.0, [], None), followed=True
        )
        if own[1]:
            best_score, best, best_key = max(own[0], 24.0), own[1], own[2]
    if (
        best
        and memo.column_name
        and not (memo.column and _in_column(best, memo.column))
        and not (len(best_key) == 2 and _headed_by_column(best_key[0], memo.column_name))
        and not _near_pager(best_key, best, memo)
    ):
        # A small column (a few releases, no pager) under the heading that names it, beside a
        # longer box of other releases (最新发布, another column's) that no pager follows: the
        # rows the page heads with its column's name are the list, wherever they link.
        own = _headed_own_rows(groups, row_links, entry_of, self_urls, memo)
        if own[0] >= 24:
            best_score, best, best_key = own
    if (
        best
        and memo.column
        and not _in_column(best, memo.column)
        and not _near_pager(best_key, best, memo)
    ):
        # The same beside a box of the site's latest from other columns, with no heading naming
        # the column: the dated rows under the column's folder are its list, however few.
        own_rows = [
            t
            for t in finalists + favoured
            if len(t[3]) >= 2
            and _in_column(t[3], memo.column)
            and min(e[2].weight for e in t[3]) >= 5
        ]
        if own_rows:
            score, kept, key = _best_finalist(own_rows, self_urls, memo)
            if (
                kept
                and score >= 24
                and _placement_factor(key, kept, self_urls, memo) > 0.5
                and (
                    sum(memo.row_date(r, b) is not None for r, _, b in kept) * 2 >= len(kept)
                    or all(_RELEASE_ADDRESS.search(b.url or "") for _, _, b in kept)
                )
            ):
                best_score, best, best_key = score, kept, key
    if best_score < 24:
        return None, []
    if _says_it_has_no_rows(root, best_key, best, self_urls, memo):
        return None, []
    best_key, best = _with_sibling_boxes(best_key, best, row_links, self_urls, memo)
    return best_key, _with_pinned_before(
        best, lambda rows: _group_rows(rows, row_links), self_urls, memo
    )


def _with_pinned_before(kept: list[tuple], entries_of, self_urls: set[str], memo: _Memo):
    """The list with the pinned rows a template sets in a list of their own right above it
    (``<ul class="list-top"><li>…置顶…</li></ul>`` over the ``<ul>``s of the column's rows): a
    few rows of the same tag, each pinned, none among the list's own. ``entries_of(rows)`` reads
    rows as the caller does (a later page read through the list's place finds them as the first
    page's detection does)."""
    kept = _without_odd_last_row(kept, memo)
    if not kept:
        return kept
    first = kept[0][0]
    holder = first.getparent()
    if holder is None or next((c for c in holder if isinstance(c.tag, str)), None) is not first:
        return kept
    above = holder.getprevious()
    for _ in range(2):  # (past a separator: <div class="line"></div>)
        if above is None or above.tag == holder.tag or len(above) or _clean(all_text(above)):
            break
        above = above.getprevious()
    if above is None or above.tag != holder.tag:
        return kept
    rows = [c for c in above if isinstance(c.tag, str)]
    if not 1 <= len(rows) <= 3 or any(row.tag != first.tag for row in rows):
        return kept
    entries = entries_of(rows)
    own = {entry[2].key for entry in kept}
    if len(entries) != len(rows) or any(
        entry[2].key in own
        or entry[2].key in self_urls
        or not _row_pinned(row, entry[2], _row_text(row))
        for row, entry in zip(rows, entries)
    ):
        return kept
    return entries + kept


# A release's own address, as CMSs name them: a file named by a number or a date stamp
# (t20240103_1.html, art_123_4567.html, 1532.shtml) or a record's id in the query (show.asp?id=1532).
_RELEASE_ADDRESS = re.compile(
    r"(?i)/[^/?#]*\d{3,}[^/?#]*\.(?:s?html?|jsp|aspx?|php)(?:$|[?#])|[?&]\w*id=\d{2,}(?:$|[&#])"
)


def _near_pager(key, entries: list[tuple], memo: _Memo) -> float:
    """How near the page's pager the group's rows stand (:func:`_next_to_pager`)."""
    box = key[0] if len(key) == 2 else _box_of(entries[-1][0], key[0])
    return memo.next_to_pager(box, entries[0][0].tag)


def _with_sibling_boxes(
    key, kept: list[tuple], row_links: dict, self_urls: set[str], memo: _Memo
) -> tuple[tuple, list[tuple]]:
    """The list with the rows of its sibling boxes when they are one column's list in parts: boxes
    shaped as the list's own (same signature, the rows at the same place inside), under headings of
    their own ("City Council", "Planning Commission"), without a "more" link, whose rows all live
    under the column's folder — the categories of an agenda centre, a list split by year. With
    them, the group's key spans the boxes (as rows gathered across sibling boxes are keyed)."""
    if not memo.column or len(key) != 2 or len(kept) < 2 or not _in_column(kept, memo.column):
        return key, kept
    container, tag = key
    box, inner = container, []
    for _ in range(3):
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return key, kept
        sig = _sig(box, memo.sigs)
        boxes = [c for c in parent if isinstance(c.tag, str) and _sig(c, memo.sigs) == sig]
        if len(boxes) >= 2:
            break
        inner.append(sig)
        box = parent
    else:
        return key, kept
    own = {row for row, _, _ in kept}
    if _box_more_link(box, own) or memo.is_furniture(box):
        return key, kept
    merged: list[tuple] = []
    for other in boxes:
        if other is box:
            merged.extend(kept)
            continue
        places = [other]
        for sig in reversed(inner):
            places = [
                c for p in places for c in p if isinstance(c.tag, str) and _sig(c, memo.sigs) == sig
            ]
        if len(places) != 1:
            return key, kept
        rows = [c for c in places[0] if c.tag == tag]
        entries = _rows_outside_furniture(places[0], _group_rows(rows, row_links), memo)
        if (
            not entries
            or not _in_column(entries, memo.column)
            or any(e[2].key in self_urls for e in entries)
            or _box_more_link(other, {row for row, _, _ in entries})
        ):
            return key, kept
        merged.extend(entries)
    return (box.getparent(), _sig(box, memo.sigs), *reversed(inner), tag), merged


_NO_ROWS = re.compile(
    r"(?i)^[\s\[【(（]*(?:(?:抱歉|对不起)[，,、！!\s]*)?(?:本栏目|该栏目|此栏目|当前栏目)?"
    r"(?:暂无|暂时没有|没有|无|未能?|找不到)(?:相关|任何|符合条件的|查询到|找到|检索到|搜索到){0,2}"
    r"(?:(?:与|和)?\s*[“\"「『][^”\"」』]{1,30}[”\"」』]\s*(?:相关|有关|匹配)的?)?"
    r"(?:信息|数据|内容|记录|文章|文件|公告|结果)"
    # A search's count of none: "共找到 0 条相关信息", "为您找到相关结果 0 个", "0 results found".
    r"|^(?:共|为您)?(?:找到|检索到|搜索到|查询到)(?:相关(?:结果|信息|记录))?(?:约|共)?\s*0\s*(?:条|个|篇|项)"
    r"|^0\s+(?:results?|records|items|matches)\b"
    r"|^(?:sorry,?\s+)?(?:no|there\s+(?:are|is)\s+(?:currently\s+)?no)\s+(?:matching\s+|more\s+)?"
    r"(?:results|records|items|entries|documents|news|publications|releases|notices|posts)\b"
)


def _says_it_has_no_rows(root, key, kept: list[tuple], self_urls: set[str], memo: _Memo) -> bool:
    """An empty column: the page says so (暂无信息, "No results found"), shown and outside page
    furniture, and the best rows found are not the column's — a box of other columns (a teaser or
    furniture), or any other list when the wording stands under the column's own heading."""
    if memo.column and _in_column(kept, memo.column):
        return False
    weak = _placement_factor(key, kept, self_urls, memo) < 0.5
    if not weak and not memo.column_name:
        return False
    rows = {row for row, _, _ in kept}
    for el in islice(root.iter(), 20000):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "option", "a"):
            continue
        text = el.text
        if not text:
            continue
        # (A pager counting none, 共0条 over an empty <ul>, says it as the wording would.)
        zero = len(text) <= 80 and _ZERO_PAGER.search(text) is not None
        if not zero and (len(text) > 40 or not _NO_ROWS.match(text.strip())):
            continue
        if (not zero and len(_clean(all_text(el))) > 40) or any(
            up in rows for up in el.iterancestors()
        ):
            continue
        if any(
            is_hidden(up) or memo.is_furniture(up) or not _HIDDEN_CLASSES.isdisjoint(_classes(up))
            for up in (el, *el.iterancestors())
        ):
            continue  # a template's wording a script shows when a list comes back empty
        if weak or _under_column_heading(el, key[0], memo.column_name, zero):
            return True
    return False


# A pager counting no rows: 共0条, 共 0 页, 总记录数：0, 0条记录.
_ZERO_PAGER = re.compile(
    r"共\s*0\s*(?:条|篇|项|页)|总(?:记录|条)数?\s*[:：]?\s*0(?!\d)|(?<!\d)0\s*条记录"
)
_CRUMB_LABEL = re.compile(
    r"^\s*(?:当前位置|您的位置|您当前的位置|您现在的位置|现在的位置|所在位置|当前栏目)"
)


def _under_column_heading(el, container, name: str | None, counted: bool = False) -> bool:
    """``el`` stands in the column's own box (up to three levels up), a box that does not hold
    ``container``: headed by the column's name, or holding the breadcrumb that ends with it or a
    pager that counts no rows (共0条). ``counted``: ``el`` is such a pager itself."""
    if not name:
        return False
    box = el
    for _ in range(3):
        box = box.getparent()
        if box is None or box.tag in ("body", "html"):
            return False
        if container is box or any(up is box for up in container.iterancestors()):
            return False
        if counted:
            return True
        for child in islice(box.iter(), 60):
            if child is el or not isinstance(child.tag, str) or child.tag == "a":
                continue
            own = _clean(child.text or "")
            if own == name and len(_clean(all_text(child))) <= len(name) + 4:
                return True
            if _ZERO_PAGER.search(own) and len(own) <= 80:
                return True
            if _CRUMB_LABEL.match(own):
                crumb = _clean(all_text(child))
                if len(crumb) <= 120 and crumb.rstrip(" >»›/").endswith(name):
                    return True
    return False


def _finalists(groups: dict, row_links: dict, entry_of: dict) -> list[tuple]:
    """The groups of two rows or more with the best preliminary scores, best first:
    (preliminary score, place in ``groups``, key, entries)."""
    # Groups are scored biggest first: a group's preliminary score is at most 25 per row, so once that
    # bound falls below the 12th best score so far, no smaller group can be a finalist. Each group keeps
    # its place in ``groups`` (i) so that ties still go the way a stable sort of all groups sends them.
    sized = sorted(
        (
            (len(rows), i, key, rows)
            for i, (key, rows) in enumerate(groups.items())
            if len(rows) >= 2
        ),
        key=lambda t: -t[0],
    )
    scored = []
    top: list[float] = []  # min-heap of the best preliminary scores so far, at most _FINALISTS
    get_entry = entry_of.get
    for n, i, key, rows in sized:
        if len(top) == _FINALISTS and n * 25.0 < top[0]:
            break
        # _group_rows and _prelim in one loop
        entries, weights, hrefs = [], [], set()
        for row in rows:
            entry = get_entry(row, _UNSEEN)
            if entry is _UNSEEN:
                entry = entry_of[row] = _row_entry(row, row_links.get(row))
            if entry is not None:
                entries.append(entry)
                best = entry[2]
                weights.append(best.weight)
                hrefs.add(best.href)
        if not entries:
            continue
        prelim = len(hrefs) * min(sum(weights) / len(entries), 25.0)
        scored.append((prelim, i, key, entries))
        if len(top) < _FINALISTS:
            heappush(top, prelim)
        elif prelim > top[0]:
            heapreplace(top, prelim)
    # Equal scores: prefer the bigger rows (li/article over the anchor or heading inside); they carry dates and pins.
    # Only groups scoring at least the 12th best can be finalists: the depth tie-break is computed for those.
    if len(scored) > _FINALISTS:
        floor = top[0]
        scored = [t for t in scored if t[0] >= floor]
    depth: dict = {}

    def rank(t):
        row = t[3][0][0]
        d = depth.get(row)
        if d is None:
            d = depth[row] = sum(1 for _ in row.iterancestors())
        return (-t[0], d, t[1])

    scored.sort(key=rank)
    return scored[:_FINALISTS]


# Groups looked at beyond the finalists for standing where the column's list does.
_FAVOURED = 4


def _stands_as_the_column_s(key, kept: list[tuple], memo: _Memo) -> bool:
    """The best group so far is where a column's list stands (under the column's folder, or
    followed by the pager, as the page shows either): no other group needs a second look."""
    if not kept:
        return False
    if memo.column and not _in_column(kept, memo.column):
        return False
    if not memo.holders and not memo.written_after:
        return True
    box = key[0] if len(key) == 2 else _box_of(kept[-1][0], key[0])
    return memo.next_to_pager(box, kept[0][0].tag) == 1.0


def _favoured_groups(
    groups: dict, row_links: dict, entry_of: dict, finalists: list[tuple], memo: _Memo
) -> list[tuple]:
    """Groups that the preliminary score left out but that stand where a column's list does: rows
    under the column's folder, or rows the pager follows. A short list (a column's last page, a
    small column) must not lose its place among the finalists to a mega menu's many submenus."""
    if not memo.column and not memo.holders and not memo.written_after:
        return []
    chosen = {t[2] for t in finalists}
    found = []
    for i, (key, rows) in enumerate(groups.items()):
        if len(key) != 2 or len(rows) < 2 or key in chosen:
            continue
        entries = _group_rows(rows, row_links, entry_of)
        if len(entries) < 2:
            continue
        if not (
            (memo.column and _in_column(entries, memo.column))
            or memo.next_to_pager(key[0], key[1]) == 1.0
        ):
            continue
        prelim = _prelim(entries)
        found.append((prelim, i, key, entries))
    found.sort(key=lambda t: (-t[0], t[1]))
    return found[:_FAVOURED]


def _best_finalist(
    finalists: list[tuple], self_urls: set[str], memo: _Memo
) -> tuple[float, list[tuple], tuple | None]:
    """The best final score among the finalists, with its kept rows and group key."""
    best_score, best, best_key = 0.0, [], None
    seen = set()
    # The most _final can multiply a preliminary score by: dates (2), bigger rows (1.01), the pager.
    ceiling = 2.1 * (_PAGER_BOOST if memo.pagers or memo.written_after else 1.0)
    for prelim, _, key, entries in finalists:
        ident = tuple(id(e[2].el) for e in entries)
        if ident in seen:
            continue
        if prelim * ceiling <= best_score and (
            not memo.column
            or prelim * ceiling * _COLUMN_BOOST <= best_score
            or not _in_column(entries, memo.column)
        ):
            continue
        seen.add(ident)
        score, kept = _final(key, entries, self_urls, memo, best_score)
        if score > best_score:
            best_score, best, best_key = score, kept, key
    return best_score, best, best_key


def _lone_row_list(
    groups: dict,
    row_links: dict,
    entry_of: dict,
    self_urls: set[str],
    memo: _Memo,
    so_far: tuple,
    own_only: bool = False,
    followed: bool = False,
) -> tuple[float, list[tuple], tuple | None]:
    """A column's last page may hold one row: a lone row right before the pager is the list
    when it outscores ``so_far`` (score, kept rows, key); ``own_only``: only a row under the
    column's folder that the pager follows; ``followed``: only a row the pager follows, wherever
    it links."""
    best_score, best, best_key = so_far
    singles = []
    for key, rows in groups.items():
        if len(rows) != 1 or len(key) != 2:
            continue
        row = next(iter(rows))
        entry = entry_of.get(row, _UNSEEN)
        if entry is _UNSEEN:
            entry = entry_of[row] = _row_entry(row, row_links.get(row))
        if entry is not None and entry[2].weight >= 5 and row.tag not in _LIST_TAGS:
            singles.append((key, entry))
    # The heaviest titles first; a page's lone list row is among its longest link texts.
    singles.sort(key=lambda t: -t[1][2].weight)
    for key, entry in singles[:_ONE_ROW_CANDIDATES]:
        if (
            not followed
            and (best_score >= _ONE_ROW_CEILING or own_only)
            and not _in_column([entry], memo.column or "\0")
        ):
            continue  # it could not win without the column's boost
        near = memo.next_to_pager(key[0], key[1])
        if not near or ((own_only or followed) and near < 1.0):
            continue
        score, kept = _final(key, [entry], self_urls, memo, best_score)
        if score > best_score:
            best_score, best, best_key = score, kept, key
    return best_score, best, best_key


def _without_odd_last_row(kept: list[tuple], memo: _Memo) -> list[tuple]:
    """The rows without a last one that is no entry like the others: shaped otherwise than most
    rows (its child tags) and undated where most rows show a date — a closing line of links
    ("2023 press releases | 2022 press releases") in the same box, several links or one titled far
    lighter than the rows' titles (a search's last result, a PDF shown bare, stays). So too a first row of that
    kind whose link is a word beside the others' titles (a result count with 相关度/时间 sort
    links above search results)."""
    if len(kept) < 5:
        return kept
    shapes = [tuple(c.tag for c in row if isinstance(c.tag, str)) for row, _, _ in kept]
    common = max(set(shapes), key=shapes.count)
    if shapes.count(common) * 4 < len(kept) * 3:
        return kept
    if shapes[0] != common and memo.row_date(kept[0][0], kept[0][2]) is None:
        weights = sorted(e[2].weight for e in kept[1:])
        if kept[0][2].weight * 2 < weights[len(weights) // 2]:
            rest = kept[1:]
            if sum(memo.row_date(r, b) is not None for r, _, b in rest) * 4 >= len(rest) * 3:
                kept, shapes = rest, shapes[1:]
    if shapes[-1] == common:
        return kept
    row, found, link = kept[-1]
    if memo.row_date(row, link) is not None:
        return kept
    weights = sorted(e[2].weight for e in kept[:-1])
    if link.weight * 2 >= weights[len(weights) // 2] and len({f.href for f in found}) < 2:
        return kept  # one link titled as the others are: a result shown otherwise (a PDF)
    dated = sum(memo.row_date(r, b) is not None for r, _, b in kept[:-1])
    return kept[:-1] if dated * 4 >= (len(kept) - 1) * 3 else kept


def _in_column(entries: list[tuple], folder: str) -> bool:
    """Most (3 in 5) of the first rows link under the column's folder."""
    sample = entries[:12]
    under = 0
    for e in sample:
        link = e[2]
        if link._url is False and link.base.startswith(folder) and _PLAIN_RELATIVE.match(link.href):
            under += 1  # "./202403/t….html" on a page in the folder: under it, unresolved
        elif (link.url or "").startswith(folder):
            under += 1
    return under * 5 >= len(sample) * 3


# A relative href that stays in the page's folder (no scheme, root, parent or query-only).
_PLAIN_RELATIVE = re.compile(r"(?:\./)?[^/?#:.][^:]*$")


# An address's last step that names a list view rather than a column (``/cwgk/list?page=13``,
# ``/news/index``): the column is the folder holding it.
_LIST_VIEW = frozenset(["list", "lists", "index", "more", "default"])


def _column_folder(url: str) -> str | None:
    """The folder a column page stands for, as a URL prefix its releases share: ``/zwgk/tzgg/`` for
    ``/zwgk/tzgg/index_2.html`` or ``/zwgk/tzgg/``, ``/news/`` for ``/news?page=2`` or
    ``/news/list?page=2``. None at the site's root, where every link is under it. A page read
    from a file without its address has its file's folder: its relative rows resolve under it as
    they would under the site's."""
    m = re.match(r"(https?://[^/?#]+|file://[^/?#]*)(/[^?#]*)?", url or "", re.I)
    if not m:
        return None
    path = m.group(2) or "/"
    last = path.rsplit("/", 1)[-1]
    folder = (
        path
        if path.endswith("/")
        else path + "/"
        if "." not in last and last.lower() not in _LIST_VIEW
        else path[: len(path) - len(last)]
    )
    return m.group(1) + folder if folder.strip("/") else None


def _group_members(root, key: tuple) -> list:
    """Every row element of a detected group (the rows past the scored anchors included)."""
    cache: dict = {}
    members = [key[0]]
    for sig in key[1:-1]:
        members = [
            c for m in members for c in m if isinstance(c.tag, str) and _sig(c, cache) == sig
        ]
    return [c for m in members for c in m if c.tag == key[-1]]


def _entries_of(rows, base: str, targets: ScriptTargets | None = None) -> list[tuple]:
    """(row, links, best) for the given row elements, their anchors read afresh."""
    links: dict = {}
    row_links: dict = {}
    for row in rows:
        found = []
        for a in [row] if row.tag == "a" else row.iter("a"):
            href = _row_href(a, targets)
            if href is not None:
                found.append(links.setdefault(a, _Link(a, href, base)))
        row_links[row] = found
    return _group_rows(rows, row_links)


def _expand_group(
    root,
    key: tuple,
    base: str,
    self_urls: set[str],
    max_rows: int,
    targets: ScriptTargets | None = None,
    style: DateStyle = DEFAULT_STYLE,
) -> tuple[list[tuple], int]:
    """All rows of a detected group, for pages whose anchors were too many to score them all;
    with the number of row elements left unread past the cap."""
    rows = _group_members(root, key)
    limit = max_rows + max_rows // 5
    entries = _entries_of(rows[:limit], base, targets)
    return (_final(key, entries, self_urls, _Memo(style=style))[1] if entries else []), max(
        0, len(rows) - limit
    )


# ----------------------------------------------------------------------------- where the list sits

# An id that names a part of the template ("content", "list2"), not one generated per page.
_STABLE_ID = re.compile(r"[A-Za-z][A-Za-z_-]*\d{0,2}")
_PATH_SEP = " > "
_STEP_INDEX = re.compile(r"\[(\d+|\*)\]$")


def _step(el) -> str:
    step = el.tag
    cls = el.get("class")
    if cls:
        step += "".join("." + c for c in dict.fromkeys(cls.split()))
    ident = el.get("id")
    if ident and _STABLE_ID.fullmatch(ident):
        step += "#" + ident
    return step


def _list_path(key: tuple, row) -> str | None:
    """Where the main list sits, as a path of tag/class/id steps from ``<body>`` to the row tag.

    A step is ``[n]``-numbered when its parent has several children of the same step, and ``[*]``
    at the levels the rows were gathered across same-class sibling boxes. Positions of other
    elements, texts and row classes are left out, so the later pages of a column give the same path.
    """
    chain = []
    node = row.getparent()
    while node is not None and node.tag not in ("body", "html"):
        chain.append(node)
        node = node.getparent()
    if node is None:
        return None
    union = len(key) - 2  # levels above the row gathered across sibling boxes
    steps = []
    for depth in range(len(chain) - 1, -1, -1):
        el = chain[depth]
        if depth < union:
            step = (
                _sig(el, {}).rstrip(".") + "[*]"
            )  # as the boxes were gathered: tag and first class
        else:
            step = _step(el)
            parent = el.getparent()
            same = [
                c for c in parent if isinstance(c.tag, str) and c.tag == el.tag and _step(c) == step
            ]
            if len(same) > 1:
                step += f"[{same.index(el) + 1}]"
        steps.append(step)
    steps.append(row.tag)
    return _PATH_SEP.join(steps)


def _rows_at(root, path: str, strict: bool = True) -> list:
    """The row elements a :func:`_list_path` path names on this page (none when it names nothing).

    Not ``strict``: a numbered step matches the one element of its kind wherever it stands (a box
    that page 1 shows before the list may be missing on later pages), and nothing when there are several.
    """
    *levels, row_tag = path.split(_PATH_SEP)
    start = root.find("body")
    nodes = [start if start is not None else root]
    for step in levels:
        m = _STEP_INDEX.search(step)
        base, which = (step[: m.start()], m.group(1)) if m else (step, None)
        tag = base.split(".", 1)[0].split("#", 1)[0]
        found = []
        if which == "*":
            # Gathered boxes match as the rows were gathered: by tag and first class.
            first = base.split("#", 1)[0].split(".")
            sig = tag + "." + (first[1] if len(first) > 1 else "")
            found = [c for node in nodes for c in node if c.tag == tag and _sig(c, {}) == sig]
            nodes = found
            if not nodes:
                return []
            continue
        for node in nodes:
            same = [c for c in node if c.tag == tag and _step(c) == base]
            if which is None:
                found.extend(same)
            elif strict:
                if int(which) <= len(same):
                    found.append(same[int(which) - 1])
            elif len(same) == 1:
                found.extend(same)
        nodes = found
        if not nodes:
            return []
    return [c for node in nodes for c in node if c.tag == row_tag]


def _split_hint(hint: str) -> tuple[str, bool]:
    """A list hint's path, and whether the column's rows take their titles from their text."""
    if hint.endswith(_TEXT_TITLES):
        return hint[: -len(_TEXT_TITLES)], True
    return hint, False


def _hinted_entries(
    root,
    hint: str,
    base: str,
    targets: ScriptTargets | None = None,
    style: DateStyle = DEFAULT_STYLE,
) -> list[tuple]:
    """The rows at the hinted place that look like list entries (a title link, not running text)."""
    hint, text_titles = _split_hint(hint)
    rows = _rows_at(root, hint) or (_rows_at(root, hint, strict=False) if "]" in hint else [])
    if not rows:
        return []
    entries = _without_buttons(_entries_of(rows, base, targets))
    if text_titles and len(entries) < _BUTTON_EVIDENCE:
        # Too few rows to show that their links all say the same ("Recall Notice"): the column's
        # first page showed it, so the rows are titled from their text as there.
        entries = [_text_titled(entry) for entry in entries]
    kept = []
    for row, found, best in entries:
        if best.running is None:
            best.running = _in_running_text(best)
        if not best.running:
            kept.append((row, found, best))
    # (As on the column's first page.)
    return _with_pinned_before(
        kept, lambda rows: _entries_of(rows, base, targets), set(), _Memo(style=style)
    )


# ----------------------------------------------------------------------------- page furniture: breadcrumb, column


def _column(root, crumbs: list[str]) -> str | None:
    if crumbs:
        return crumbs[-1]
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "columnname":
            value = _clean(meta.get("content") or meta.get("value"))
            if value:
                return value
    title = root.find(".//title")
    if title is None:
        return None
    text = _clean(all_text(title))
    parts = [p for p in re.split(r"\s*(?:[_|｜—–]|\s-\s|-)\s*", text) if p.strip()]
    site = next(
        (
            _clean(m.get("content"))
            for m in root.iter("meta")
            if (m.get("name") or "").lower() == "sitename"
        ),
        None,
    )
    parts = [p for p in parts if p != site] or parts
    return parts[0] if parts else None


# ----------------------------------------------------------------------------- app shells

_ENABLE_JS = re.compile(
    r"(?:enable|turn\s+on|activate|requires?|need)\s+(?:your\s+)?javascript|javascript\s+(?:is\s+)?(?:required|disabled|must\s+be)|"
    r"(?:启用|开启|打开|支持|需要|允许)\s*javascript|javascript\s*(?:已被禁用|被禁用)",
    re.I,
)
_LISTISH_ID = re.compile(
    r"list|news|content|data|table|grid|result|item|article|record|meeting|event|doc", re.I
)


def _client_side_rendered(root, scripts: str, noscripts: str) -> bool:
    for el in root.iter("div", "main", "section", "app-root", "app"):
        ident = (el.get("id") or "").lower()
        if (
            el.tag in ("app-root", "app")
            or ident in ("app", "root", "__next", "__nuxt", "q-app", "vue-app", "react-root")
            or el.get("ng-app") is not None
            or el.get("data-reactroot") is not None
        ):
            if len(el) == 0 and not _clean(el.text):
                return True
    if _ENABLE_JS.search(noscripts):
        return True
    for el in root.iter("table", "tbody", "ul", "ol", "div", "section"):
        ident = el.get("id")
        if not ident or len(ident) < 2:
            continue
        if el.tag in ("div", "section") and not _LISTISH_ID.search(ident):
            continue
        if el.tag == "table":
            empty = (
                all(child.tag in ("thead", "caption", "colgroup") for child in el)
                and el.find(".//a") is None
            )
        else:
            empty = len(el) == 0 and not _clean(el.text)
        if empty and re.search(r"[#\"']" + re.escape(ident) + r"[\"'\s).,\]]", scripts):
            return True
    return False


# ----------------------------------------------------------------------------- Hanweb datastore

_DATASTORE = re.compile(r"<datastore\b.*?</datastore>", re.S | re.I)
_RECORD = re.compile(r"<record\b[^>]*>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</record>", re.S | re.I)


_PROXY_ANSWER = re.compile(r"\s*(?:<\?xml[^>]{0,200}\?>\s*)?<datastore\b", re.I)


_JPAGE_TARGET = re.compile(r"""\$\(\s*["']#([\w-]{1,80})["']\s*\)\s*\.jpage\s*\(""")


def _hanweb_rows(
    stores: list[tuple[str | None, str]], scripts: str = ""
) -> tuple[str, list[str], str] | None:
    """The column's ``<datastore>`` (its text, its records, its jpage call or ""), of the page's
    (holder id, script text) ones: a page may hold a sidebar's datastore (最新信息) before the
    column's. The one a jpage call pages through wins (``$('#33521').jpage({…})`` on the element
    holding it), else the one that says there are more (``<nextgroup>``, ``<totalrecord>``), else
    the one with the most records."""
    found = []
    for holder, text in stores:
        m = _DATASTORE.search(text)
        if m:
            found.append((holder, m.group(0), _RECORD.findall(m.group(0))))
    if not found:
        return None
    calls = {m.group(1): m.start() for m in _JPAGE_TARGET.finditer(scripts)} if scripts else {}

    def rank(item):
        holder, store, records = item
        low = store[:4000].lower()
        return (holder in calls, "<nextgroup" in low or "<totalrecord" in low, len(records))

    holder, store, records = max(found, key=rank) if len(found) > 1 else found[0]
    at = calls.get(holder) if holder else None
    return store, records, (scripts[at : at + 3000] if at is not None else "")


# ----------------------------------------------------------------------------- entry point

# Scripts that write a pager (TRS createPageHTML, goPage(…), var countPage = …), not page-view trackers.
# Lower-case: the script is lowered first (a case-insensitive pattern with this many branches is slow).
_PAGER_SCRIPT = re.compile(
    r"create\w*page|page\w*html|\bpag(?:er|ing|ination)\b|fenye|fanye|(?:go|turn|set|show|jump|to)_?page|"
    r"laypage|kkpager|paginator|\.pagination\s*\(|"
    r"page_?(?:count|no|index|size|num|total|bar|nav)|(?:count|total|cur|current)_?page"
)


def _pager_script(code: str) -> bool:
    low = code.lower()
    return ("pag" in low or "fenye" in low or "fanye" in low) and _PAGER_SCRIPT.search(
        low
    ) is not None


def _links_of(
    root,
    base: str,
    limit: int | None = None,
    anchors: tuple[list, list] | None = None,
    targets: ScriptTargets | None = None,
) -> dict:
    """Scorable anchors → :class:`_Link`; ``anchors`` = (every anchor of ``root``, its text), when
    known; ``targets`` resolves scripted links (a row opened by ``onclick="openDoc('42')"``)."""
    links = {}
    if anchors is None:
        els = list(islice(root.iter("a"), limit))
        texts = [None] * len(els)
    else:
        els, texts = anchors
        if limit is not None:
            els, texts = els[:limit], texts[:limit]
    for a, raw in zip(els, texts):
        href = a.get("href")
        if href:
            href = href.strip()
            if href and href[0] != "#" and not href[:11].lower().startswith(_SKIP_HREF):
                links[a] = _Link(a, href, base, raw)
                continue
        elif targets is None or a.get("onclick") is None:
            continue
        if targets is not None:
            href = _row_href(a, targets)
            if href is not None:
                links[a] = link = _Link(a, href, base, raw)
                link._url = href  # (resolved already: a file's own folder too)
    return links


def _row_href(a, targets: ScriptTargets | None) -> str | None:
    """The anchor's fetchable href, or where its script sends the reader; None for neither."""
    href = (a.get("href") or "").strip()
    if href and href[0] != "#" and not href[:11].lower().startswith(_SKIP_HREF):
        return href
    if targets is None or (href and href[:11].lower() != "javascript:" and href[0] != "#"):
        return None
    if not href and a.get("onclick") is None:
        return None
    return targets(a)


def _entries_from_rows(rows, links: dict) -> list[tuple]:
    out = []
    for row in rows:
        if not isinstance(getattr(row, "tag", None), str):
            continue
        found = _row_links(row, links)
        best = _best(found) or (found[0] if found else None)
        if best is not None:
            out.append((row, found, best))
    return out


class _PageScripts:
    """What a list page's scripts say, read (by :func:`parse_clean`) before they are cleaned away."""

    def __init__(self, source: bytes | None = None) -> None:
        self.source = (
            source  # the page's bytes: what a search of them rules out is never walked for
        )
        self.raw: list[str] = []
        self.noscripts: list[str] = []
        self.scripted: set = set()  # where a pager script writes its links: the pager block
        self.written_after: set = set()  # what a pager script follows: its pager comes right after
        self.jumps: list = []  # page-jump menus, read before <select>s are cleaned away
        self.buttons: list = []  # "Next" buttons, read before form controls are cleaned away
        self.forms: list = []  # GET forms with a page field, read before they are cleaned away
        self.fields: dict = {}  # hidden inputs' values (a pager's current page), read likewise
        # Hanweb <datastore> scripts: (the id of the element holding it, the script's text).
        self.datastores: list[tuple[str | None, str]] = []

    def read(self, root) -> None:
        self.jumps.extend(page_jumps(root))
        self.buttons.extend(page_buttons(root, self.source))
        self.forms.extend(page_forms(root))
        self.fields.update(page_fields(root))
        writes = []  # (script, the HTML it writes where it stands)
        for el in root.iter("script", "noscript"):
            (self.raw if el.tag == "script" else self.noscripts).append(
                all_text(el) if el.tag == "noscript" else (el.text or "")
            )
            if el.tag == "script" and el.text and "<datastore" in el.text.lower():
                holder = next((up.get("id") for up in el.iterancestors() if up.get("id")), None)
                self.datastores.append((holder, el.text))
            if el.tag == "script" and el.text and "<a" in el.text:
                # (Arrays a loop writes from may be filled by a script before it, in <head>.)
                html, into = script_rows(el.text, self.raw)
                if "<a" in html:
                    writes.append((el, html, into))
            if el.tag == "script" and el.text and len(el.text) < 3000 and _pager_script(el.text):
                self._mark_pager_place(el)
        for el, html, into in writes:
            # What the reader sees: the rows a script writes stand where the script does, or
            # in the element it fills with them.
            box = next(root.iterfind(f".//*[@id='{into}']"), None) if into else None
            if box is not None and not len(box) and not (box.text or "").strip():
                place_written(box, html, inside=True)
            else:
                place_written(el, html)

    def _mark_pager_place(self, script) -> None:
        parent = script.getparent()
        if parent is None or parent.tag in ("head", "html"):
            return
        self.scripted.add(parent)
        before = script.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is not None and before.tag not in ("script", "style"):
            self.written_after.add(before)


def extract_list(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    encoding: str | None = None,
    selectors: Selectors | None = None,
    list_hint: str | None = None,
    max_rows: int = MAX_LIST_ROWS,
) -> ListPage:
    """Extract the main list of a list (column) page: rows, next page, column, breadcrumb.

    ``list_hint`` is the :attr:`ListPage.list_path` of another page of the same column (its first
    page): when that place holds list rows on this page, they are the main list, however few (a
    column's last page may hold one row). When it names nothing here, the list is found as without
    a hint. At most ``max_rows`` rows are returned; ``truncated_rows`` counts the rows left out.

    Pure and total on bytes: junk in, an empty :class:`ListPage` out. A bad per-site selector
    raises :class:`~storage.errors.ConfigError`.
    """
    body = body or b""
    if b"\x00" in body[:4096] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ListPage(url=url)  # binary (a PDF, an image): no list to find; fetchcheck names it
    text, used = decode_html(body, content_type, encoding)
    page = ListPage(url=url, encoding=used)
    # Searched before elements are walked for what few pages hold (scripted rows, data-url buttons).
    probe = body if byte_clean(used) else text.encode("utf-8", "surrogatepass")
    found = _PageScripts(probe)
    # Lists read the <head> (<base>, <link rel=next>, column meta) and judge hidden rows themselves.
    root, _ = parse_clean(
        text,
        body=body,
        encoding=used,
        ids=selectors is not None,
        read=found.read,
        keep_head=True,
        keep_hidden=True,
    )
    if root is None:
        return page
    style = _date_style(root, url, text)
    scripts = PageScripts("\n".join(found.raw), found.fields)
    base = _base_url(root, url)
    self_urls = _read_breadcrumb(page, root, base, selectors, text, body, used)

    if b"onclick" in probe or b"data-" in probe:
        _link_script_opened_rows(root, any(m in probe for m in _ROW_TARGET_MARKS))
    # Every anchor's text, once: the list scoring and the next-page search both read it.
    anchor_els = list(root.iter("a"))
    targets = ScriptTargets(scripts, base, weigh=title_weight)
    anchors = (anchor_els, [_anchor_text(a) for a in anchor_els])

    hanweb = _hanweb_rows(found.datastores, "\n".join(found.raw)) if found.datastores else None
    if hanweb is None and _PROXY_ANSWER.match(text):
        hanweb = _hanweb_rows([(None, text)])  # a Hanweb proxy's answer: the records asked, bare
    dates = None
    unread = 0  # rows of the main list never read, past the cap
    if selectors is not None and selectors.list_item:
        rows = xpath_or_css(root, selectors.list_item)
        entries = _entries_from_rows(rows, _links_of(root, base, anchors=anchors, targets=targets))
    elif hanweb and hanweb[1]:
        entries = _hanweb_entries(hanweb[1], base)
    else:
        entries = _hinted_entries(root, list_hint, base, targets, style) if list_hint else []
        if entries:
            page.list_path = list_hint
        else:
            source = body if byte_clean(used) else text
            entries, dates, unread = _scored_entries(
                page,
                root,
                base,
                self_urls,
                max_rows,
                found,
                scripts,
                source,
                anchors,
                targets,
                style,
            )

    next_pages = find_next_pages(
        root,
        scripts,
        base,
        url,
        selectors=selectors,
        select=xpath_or_css,
        hanweb=(hanweb[0], len(hanweb[1]), hanweb[2]) if hanweb else None,
        page_text=text,
        anchors=anchors,
        jumps=found.jumps,
        buttons=found.buttons,
        forms=found.forms,
    )
    if (
        not hanweb
        and (selectors is None or not selectors.list_item)
        and (b"<iframe" in probe or b"<IFRAME" in probe)
        and not (entries and (next_pages or _in_column(entries, _column_folder(url) or "\0")))
    ):
        # No rows of the column's own, no pager: the list may be in the page's frame.
        page.list_frame = _list_frame(root, base, url)
        if page.list_frame is not None:
            entries, page.list_path, next_pages = [], None, [page.list_frame]
    _add_rows(page, entries, dates, unread, max_rows, style)
    page.truncated_rows += _rows_past_parse_cap(text, page.list_path)
    page.next_pages = next_pages
    if not page.links and not hanweb and page.list_frame is None:
        page.client_side_rendered = _client_side_rendered(root, scripts, "\n".join(found.noscripts))
    return page


# An iframe that shows something else than a list: a map, a player, a widget, a counter.
_EMBED = re.compile(
    r"(?i)map|video|player|vod|live|weather|tianqi|share|count|tongji|stat|calendar|clock|login"
    r"|search|sousuo|jiathis|baidu|youtube|vimeo|\.(?:swf|mp4|mp3|pdf|jpe?g|png|gif)(?:$|[?#])"
)
_SIZE = re.compile(r"(?i)(?:^|;)\s*(width|height)\s*:\s*(\d{1,5})px")
_MIN_FRAME_PX = 150


def _frame_size_small(frame) -> bool:
    """A frame sized for a widget: a width or height under 150 px, by attribute or inline style."""
    sizes = [frame.get("width"), frame.get("height")]
    sizes += [m.group(2) for m in _SIZE.finditer(frame.get("style") or "")]
    return any(v and v.strip().isdigit() and int(v) < _MIN_FRAME_PX for v in sizes)


def _list_frame(root, base: str, url: str) -> str | None:
    """The address of the page a list page shows its list in (``<iframe src="list_content.html">``
    in the content, chrome only around it): a frame of the site, shown, outside the header,
    footer and menus, not sized or named for a widget (a map, a player, a weather box)."""
    host = urlsplit(url).netloc
    for frame in root.iter("iframe"):
        src = (frame.get("src") or "").strip()
        if not src or _frame_size_small(frame) or _EMBED.search(src):
            continue
        target = absolute_url(src, base)
        if target is None or urlsplit(target).netloc != host or same_page(target, url):
            continue
        if _unseen(frame) or any(_furniture(up) for up in frame.iterancestors()):
            continue
        return target
    return None


_OPENED_TAGS = (
    "[self::tr or self::li or self::dd or self::div or self::article"
    " or self::td or self::span or self::p or self::strong or self::font"
    " or self::h2 or self::h3 or self::h4 or self::h5]"
)
_OPENED_ROWS = etree.XPath(
    "//*[@onclick or @data-href or @data-url or @data-link]"
    + _OPENED_TAGS
    + "[(@onclick and (contains(@onclick, 'open') or contains(@onclick, 'location')"
    " or contains(@onclick, '('))) or @data-href or @data-url or @data-link]"
)
_ROW_TARGET_ATTRS = ("data-href", "data-url", "data-link")
_ROW_TARGET_MARKS = (b"data-href", b"data-url", b"data-link")
_ONCLICK_ROWS = etree.XPath(
    "//*[@onclick]"
    + _OPENED_TAGS
    + "[contains(@onclick, 'open') or contains(@onclick, 'location') or contains(@onclick, '(')]"
)
# A title a script opens by itself (``<td class="title" onclick="location.href='…'">``): its own cell.
_OPENED_CELLS = frozenset(["td", "span", "p", "strong", "font", "h2", "h3", "h4", "h5"])


def _dead_anchor(a) -> bool:
    """An anchor that goes nowhere of its own: no href, ``#`` or ``javascript:void(0)``, no handler."""
    if a.get("onclick"):
        return False
    href = (a.get("href") or "").strip()
    return not href or href[0] == "#" or bool(_NO_SCRIPT.fullmatch(href))


_NO_SCRIPT = re.compile(r"(?i)javascript:\s*(?:void\s*\(\s*0?\s*\)|;)?\s*;?\s*")


def _link_script_opened_rows(root, targeted: bool = True) -> None:
    """A row whose links go nowhere of their own that a script opens (``<tr
    onclick="window.open('…')">``, ``<li onclick="location.href='…'"><a>…</a>``, ``<div
    data-href="…">`` a click handler follows) is read as the link it is to the reader: its
    heaviest dead anchor, else its title cell (a heading, else the heaviest text that is no date,
    number or code), becomes a link with the row's handler, resolved as any scripted link is, or
    with the address the row carries (``targeted``: the page may hold such addresses)."""
    rows = (_OPENED_ROWS if targeted else _ONCLICK_ROWS)(root)
    if len(rows) < 2:
        return  # one clickable box is a banner, not a list
    rows = rows[:_MAX_SCORED_ANCHORS]
    opened = set(rows)
    outer = {up for row in rows for up in row.iterancestors() if up in opened}
    for row in rows:
        anchors = list(row.iter("a"))
        if row in outer or not all(_dead_anchor(a) for a in anchors):
            continue  # the rows are inside it; or the row's links go where they say
        target = next((row.get(n) for n in _ROW_TARGET_ATTRS if row.get(n)), None)
        dead = max(anchors, key=lambda a: title_weight(_clean(all_text(a))), default=None)
        if dead is not None and title_weight(_clean(all_text(dead))) >= 6:
            dead.attrib.pop("href", None)
            dead.set(*(("href", target) if target else ("onclick", row.get("onclick"))))
            _lend_data(row, dead)
            continue
        if row.tag in _OPENED_CELLS:
            text = _short_text(row, 300)
            best = row if text and title_weight(text) >= 6 else None
        else:
            best = _title_cell_of(row)
        if best is None:
            _link_bare_title(row, target)
            continue
        a = (
            etree.Element("a", href=target)
            if target
            else etree.Element("a", onclick=row.get("onclick"))
        )
        a.text, best.text = best.text, None
        for child in list(best):
            a.append(child)
        best.append(a)
        _lend_data(row, a)


def _lend_data(row, a) -> None:
    """The row's ``data-*`` attributes on the link made of its handler, which may read them
    (``onclick="openArt(this)"``: ``this.getAttribute("data-id")``)."""
    if "this" in (row.get("onclick") or ""):
        for name, value in row.attrib.items():
            if name.startswith("data-") and name not in _ROW_TARGET_ATTRS:
                a.set(name, value)


def _link_bare_title(row, target: str | None) -> None:
    """A row whose title is its own text between its cells (``<li onclick=…><i
    class="dot"></i>关于…<em>2024-05-13</em></li>``): that text becomes the row's link."""
    pieces = [(row, "text")] + [(child, "tail") for child in row if isinstance(child.tag, str)]
    holder, side = max(pieces, key=lambda p: title_weight(_clean(getattr(p[0], p[1]) or "")))
    text = getattr(holder, side) or ""
    if title_weight(_clean(text)) < 6 or _only_a_date(_clean(text)):
        return
    a = (
        etree.Element("a", href=target)
        if target
        else etree.Element("a", onclick=row.get("onclick"))
    )
    a.text = text
    _lend_data(row, a)
    setattr(holder, side, None)
    if side == "text":
        row.insert(0, a)
    else:
        holder.addnext(a)


def _title_cell_of(row):
    """The cell titling a row that has no link: the cell under a title-like header (会议名称, 标题),
    else a heading, else the heaviest text that is no date, number or code; None below a title's
    weight."""
    cells = [c for c in row if isinstance(c.tag, str)] or [row]
    best, weight = None, 0.0
    column = _header_column(row) if row.tag == "tr" else None
    if column is not None and column < len(cells):
        text = _cell_text_title(cells[column])
        if text and title_weight(text) >= 6:
            cells = [cells[column]]
    for cell in cells:
        text = _cell_text_title(cell) if cell is not row else _short_text(row, 300)
        if not text:
            continue
        if cell.tag in _HEADINGS and title_weight(text) >= 6:
            return cell  # a card's heading over its summary
        if title_weight(text) > weight:
            best, weight = cell, title_weight(text)
    return best if weight >= 6 else None


def _date_style(root, url: str, page: str = "") -> DateStyle:
    """How the page prints numeric dates: from its zone (host, ``lang``, a Chinese or Traditional
    ``<title>``), as articles read theirs."""
    title = root.find(".//title")
    text = _clean(all_text(title)) if title is not None else ""
    zone = zone_for(url, None, root.get("lang") or root.get("xml:lang"), text)
    return style_for(zone, page)


def _base_url(root, url: str) -> str:
    """What the page's relative links resolve against: its first ``<base href>``, else ``url``."""
    for b in root.iter("base"):
        if b.get("href"):
            return absolute_url(b.get("href"), url) or url
    return url


def _read_breadcrumb(
    page: ListPage, root, base: str, selectors: Selectors | None, text: str, body: bytes, used
) -> set[str]:
    """Sets the page's breadcrumb and column; returns the keys of the page's own URLs (its URL and
    its breadcrumb's links), which a main list does not link to."""
    selected = None
    if selectors is not None and selectors.breadcrumb:
        selected = [
            e
            for e in xpath_or_css(root, selectors.breadcrumb)
            if isinstance(getattr(e, "tag", None), str)
        ][:1]
    crumbs, crumb_links = find_breadcrumb(
        root, base, selected=selected, source=text, body=body, encoding=used
    )
    page.breadcrumb = crumbs
    page.column = _column(root, crumbs)
    return {page_key(u) for u in [page.url, *(link["url"] for link in crumb_links)] if u}


def _hanweb_entries(rows: list[str], base: str) -> list[tuple]:
    """The entries of the rows a Hanweb ``<datastore>`` script holds."""
    frag = parse_html("<html><body>" + "".join(f"<div>{r}</div>" for r in rows) + "</body></html>")
    body_el = frag.find("body") if frag is not None else None
    return _entries_from_rows(
        list(body_el) if body_el is not None else [],
        _links_of(frag, base) if frag is not None else {},
    )


def _scored_entries(
    page: ListPage,
    root,
    base: str,
    self_urls: set[str],
    max_rows: int,
    found: _PageScripts,
    scripts: str,
    source: bytes | str,
    anchors: tuple,
    targets: ScriptTargets,
    style: DateStyle = DEFAULT_STYLE,
) -> tuple[list[tuple], dict | None, int]:
    """The entries of the best-scoring group of rows, the dates read on the way and how many rows
    past the cap were never read; sets the page's ``list_path``."""
    links = _links_of(root, base, _MAX_SCORED_ANCHORS, anchors, targets)
    memo = _Memo(
        find_pagers(root, anchors, found.scripted, scripts, source),
        found.written_after,
        _column_folder(page.url),
        page.column if page.column and len(page.column) >= 2 else None,
        style,
    )
    key, entries = _main_list(root, links, self_urls, memo)
    unread = 0
    if key is not None and len(links) >= _MAX_SCORED_ANCHORS:
        entries, unread = _expand_group(root, key, base, self_urls, max_rows, targets, style)
    if key is not None and entries:
        # (Of the last row: the first may be a pinned row set above the list in a box of its own.)
        page.list_path = _list_path(key, entries[-1][0])
        if page.list_path and sum(e[2].derived for e in entries) * 2 > len(entries):
            page.list_path += _TEXT_TITLES
    return entries, memo.dates, unread


def _add_rows(
    page: ListPage,
    entries: list[tuple],
    dates: dict | None,
    unread: int,
    max_rows: int,
    style: DateStyle = DEFAULT_STYLE,
) -> None:
    """The page's links, one per entry URL, at most ``max_rows``; the rest counted as truncated."""
    seen = set()
    for i, (row, _, link) in enumerate(entries):
        if link.url is None or link.url in seen:
            continue
        if len(page.links) >= max_rows:
            page.truncated_rows = len(entries) - i + unread
            break
        seen.add(link.url)
        page.links.append(_build_link(row, link, dates, style))


def _rows_past_parse_cap(text: str, list_path: str | None) -> int:
    """The rows past :data:`MAX_HTML_CHARS`, where the parse stopped, counted by their opening tags."""
    if len(text) <= MAX_HTML_CHARS or not list_path:
        return 0
    tag = "<" + _split_hint(list_path)[0].rsplit(_PATH_SEP, 1)[-1]
    rest = text[MAX_HTML_CHARS:]
    return (
        rest.count(tag + ">")
        + rest.count(tag + " ")
        + rest.count(tag.upper() + ">")
        + rest.count(tag.upper() + " ")
    )
