"""Article pages → :class:`Article`.

Each field is looked for in order: per-site selectors → government ``<meta>`` tags → labelled text
near the title (来源：…, 发布日期：…) → the URL → generic fallbacks (text density for the body).
The page is parsed once; every later step works on the cleaned tree and its line layout.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urljoin, urlsplit

from lxml import etree

from storage import ConfigError

from .breadcrumb import find_breadcrumb
from .dates import FoundDate, date_from_url, find_dates, find_time, parse_date, zone_for
from .encoding import decode_html
from .model import Article, Selectors
from .script import written_strings
from .select import select
from .sitemodel import PageView, SiteModel
from .text import (
    ATTACHMENT_PATH,
    BLOCK_TAGS,
    CELL_SEP,
    MAX_HTML_CHARS,
    Layout,
    element_text,
    fold,
    layout,
    marked_elements,
    parse_clean,
    squash,
)

# --- metadata ---------------------------------------------------------------------------------

_META_TITLE = ("articletitle", "og:title", "twitter:title", "dc.title.article")
_META_DATE = (
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
    "sailthru.date",
    "date",
)
_META_SOURCE = ("contentsource", "source", "og:article:source", "dc.source")
_META_COLUMN = ("columnname",)


def _spaced(*labels: str) -> str:
    """An alternation of two-character labels as pages align them too: "来　源", "时  间"."""
    return "|".join(f"{w[0]}[ \t]{{0,3}}{w[1]}" if len(w) == 2 else w for w in labels)


_CREATE_PAGE = re.compile(
    r"createPageHTML\s*\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([^'\"]*)['\"]\s*,\s*['\"]([^'\"]*)['\"]"
)


_DATE_PUBLISHED = etree.XPath(
    "//*[@itemprop='datePublished' or @property='datePublished']"
    "|//time[@pubdate or contains(concat(' ', @class, ' '), ' published ')]"
)


@dataclass
class _Head:
    meta: dict = field(default_factory=dict)
    title: str = ""
    jsonld: dict = field(default_factory=dict)
    page_scripts: list = field(default_factory=list)  # (match, parent element) of createPageHTML
    base: str | None = None
    time_published: str | None = None  # <time itemprop=datePublished datetime=…> and the like
    written_date: str | None = (
        None  # a labelled date an inline script writes (document.write("发布时间：…"))
    )


def _read_head(root, url: str) -> _Head:
    head = _Head()
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
        text = "".join(t.itertext())
        if text.strip():
            head.title = text
            break
    for el in _DATE_PUBLISHED(root):
        value = el.get("datetime") or el.get("content") or "".join(el.itertext())
        if value and value.strip():
            head.time_published = value.strip()
            break
    base = root.find("head/base")
    if base is not None and base.get("href"):
        head.base = _absolute(url, base.get("href").strip())
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
        if head.written_date is None and "write" in text and len(text) < 5000:
            for written in written_strings(text):
                if _WRITTEN_DATE_LABEL.search(written):
                    head.written_date = re.sub(r"<[^<>]*>", " ", written)
                    break
    return head


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


# --- selectors --------------------------------------------------------------------------------


def _select(root, expr: str | None) -> list:
    if not expr:
        return []
    try:
        found = select(root, expr)
    except (
        ConfigError
    ):  # a bad per-site selector must not stop extraction; the generic rules take over
        return []
    return [f for f in found if isinstance(f, (etree._Element, str))]


def _selected_text(root, expr: str | None) -> str:
    for item in _select(root, expr):
        text = fold(item) if isinstance(item, str) else element_text(item)
        if text:
            return text
    return ""


# --- title ------------------------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(
    r"\s*(?:_{1,2}|\|{1,2}|｜|\s-{1,2}\s|-{2,}|\s–\s|\s—\s|－{1,2}|\s·\s|\s[>»›]\s)\s*"
)
# Every separator a <title> puts between the article and the site or column (a part is only dropped
# when it names the site, so the wider set is safe): also 丨, dashes without spaces, space runs.
_AFFIX_SEPARATORS = re.compile(
    r"(\s*(?:_{1,2}|\|{1,2}|｜|丨|\s-{1,2}\s|-{2,}|[–—]{1,2}|―{1,2}|－{1,2}|\s·\s|::|\s>\s|»)\s*|[ \t\xa0]{2,}|\u3000+"
    r"|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff]))"
)
# A site's name in brackets before or after the title: 【某某县人民政府】, [某某县], （某某网）.
_BRACKETED_AFFIX = re.compile(
    r"^\s*[【\[［]([^】\]］]{2,30})[】\]］]\s*(?=\S)|(?<=\S)\s*[【\[（(［]([^】\]）)］]{2,30})[】\]）)］]\s*$"
)
_DECORATION = ":：|｜-_·•*~=#>»<«"
_WELCOME = re.compile(r"^(?:欢迎(?:您)?(?:访问|登录|来到|光临)|歡迎(?:訪問|光臨))")
# A government media brand: 平阳发布, 上海发布.
_MEDIA_BRAND = re.compile(r"^[\u4e00-\u9fff]{2,5}发布$")
_SITE_LIKE = re.compile(
    r"(?:人民政府|人民政府网|政府网|政府网站|门户网站|门户网|门户|网站|官网|官方网站|委员会|人大|政协|"
    r"[局厅委办署院所部站网]|办公室|中心|Portal|Government|gov\.cn)$",
    re.I,
)
_HEADING_HINT = re.compile(r"title|headline|biaoti|bt\b|tit\b|article-?h|news_?h|detail-?h", re.I)
_HEADING_TAGS = frozenset(["div", "p", "span", "td", "strong", "b", "font"])
_WITH_CLASS_OR_ID = etree.XPath("//*[@class or @id]")
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff0-9])\u3000+(?=[\u3400-\u9fff0-9])")
# Markup a CMS wrote into <title> or a meta value (shown raw there): real HTML tag names only, so
# text that merely looks like a tag (关于<先进>单位, "Rates <b>fall" as printed) is kept.
_MARKUP = re.compile(
    r"</?(?:b|i|u|s|em|strong|span|font|br|p|a|sup|sub|div|img|h[1-6])(?:\s[^<>]*)?/?>", re.I
)
# A heading candidate that is really the info line (来源：… 发布时间：… 分享到…).
_INFO_LABELS = re.compile(
    r"(?:发布时间|發布時間|发布日期|發布日期|发布者|访问量|"
    + _spaced(
        "来源",
        "來源",
        "稿源",
        "时间",
        "時間",
        "日期",
        "浏览",
        "瀏覽",
        "点击",
        "點擊",
        "作者",
        "字号",
        "字號",
        "阅读",
        "閱讀",
    )
    + r")\s*[:：]|分享到|【\s*打印|打印本页"
)
_SITE_META = ("sitename", "og:site_name", "application-name", "site_name", "sitetitle")
_LOGO_WORDS = (
    "logo",
    "site",
    "webname",
    "web_title",
    "webtitle",
    "web-title",
    "wzmc",
    "title",
    "gov-name",
    "govname",
)
_LOGO_HINT = re.compile(
    r"logo|site-?name|site_?title|webname|web_?title|wzmc|head(?:er)?-?_?title|top-?_?title|gov-?name",
    re.I,
)
_FOOTER_NAME = re.compile(
    r"(?:主办单位|主辦單位|主\s*办|主\s*辦|版权所有|版權所有|Copyright\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*-\s*\d{4})?)?)\s*[:：]?\s*"
    r"([^\s:：|｜,，。;；©]{2,30})",
    re.I,
)


def _clean_title(text: str) -> str:
    """A visible heading's text: entities are already decoded, so nothing in it is markup."""
    return fold(_CJK_SPACE.sub("", text))


def _clean_raw_title(text: str) -> str:
    """A <title> or meta value: drop real tags a CMS left in it."""
    return _clean_title(_MARKUP.sub("", text))


_KICKER = re.compile(r"eyebrow|kicker|overline|label|category|badge|context|caption|type", re.I)


def _heading_text(el) -> str:
    """A heading's text without a child that is only its date (<h1>标题<span>2024-07-12</span></h1>)
    or a kicker naming the kind of page (<h1><span class="eyebrow">News Release</span> …</h1>)."""
    text = element_text(el)
    for child in el:
        if (
            isinstance(child.tag, str)
            and child.tag in ("span", "small", "em", "strong", "div", "p")
            and _KICKER.search(child.get("class") or "")
        ):
            kicker = element_text(child)
            if kicker and len(kicker) <= 30 and len(kicker) < len(text) / 2 and kicker in text:
                return text.replace(kicker, " ", 1)
    if len(el) and _DIGITS.search(text):
        for child in el:
            if isinstance(child.tag, str) and child.tag not in _DATE_CHILD_BLOCKERS:
                value = element_text(child)
                dates = find_dates(value, 2) if value else []
                if len(dates) == 1 and len(squash(value)) <= dates[0].end - dates[0].start + 4:
                    kept = element_text(el).replace(value, " ", 1) if value in text else text
                    return kept
    return text


_DATE_CHILD_BLOCKERS = frozenset(["br"])


_STYLED = etree.XPath("//body//*[@style]")
# A size only headings are set in: above an official document's 16pt (三号) text, 22px/18pt up.
_HEADING_STYLE = re.compile(
    r"font-size\s*:\s*(?:(?:2[2-9]|[34]\d)(?:\.\d+)?px|(?:1[89]|2\d|3[0-6])(?:\.\d+)?pt|x+-large)",
    re.I,
)


def _heading_candidates(root) -> list[tuple[str, object, int]]:
    out = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        out.append((el, 0 if el.tag == "h1" else 1))
    for el in _WITH_CLASS_OR_ID(root):
        if el.tag in _HEADING_TAGS and _HEADING_HINT.search(
            (el.get("class") or "") + " " + (el.get("id") or "")
        ):
            out.append((el, 2))
    # Old templates style a paragraph as the heading: <p style="font-size:22px;font-weight:bold">.
    for el in islice(_STYLED(root), 400):
        if el.tag in _HEADING_TAGS and _HEADING_STYLE.search(el.get("style") or ""):
            out.append((el, 2))
    found = []
    for el, rank in out[:400]:
        text = _clean_title(_heading_text(el))
        if 2 <= len(text) <= 200 and not _INFO_LABELS.search(text):
            found.append((text, el, rank))
    # Old templates set the title in bold type alone in a cell: <td><strong><font size=4>… The
    # block around the bold text stands for it (a bold phrase inside a paragraph is no heading).
    seen = set()
    for el in islice(root.iter("strong", "b", "font"), 200):
        block = el.getparent()
        for _ in range(3):
            if block is None or block.tag in BLOCK_TAGS:
                break
            block = block.getparent()
        if block is None or block in seen or block.tag not in BLOCK_TAGS:
            continue
        seen.add(block)
        text = _clean_title(element_text(el))
        if (
            6 <= len(text) <= 100
            and squash(element_text(block)) == squash(text)
            and not _INFO_LABELS.search(text)
        ):
            found.append((text, block, 3))
    return found


def _lines_showing(lay: Layout, *titles: str) -> list[tuple[str, object, int]]:
    """Elements of one line of text, not a link, that show the <title>, its longest part (the
    article's; the rest name the site and column) or the meta title: a heading whatever its
    class (``div.subject``), as :func:`_heading_candidates`."""
    wanted = set()
    for title in titles:
        if title:
            wanted.add(squash(title))
            wanted.add(max((squash(p) for p in _TITLE_SEPARATORS.split(title)), key=len))
    wanted = {sq for sq in wanted if len(sq) >= 6}
    if not wanted:
        return []
    lines = {
        i
        for i, line in enumerate(lay.lines)
        if len(line) <= 200 and lay.link_chars[i] * 2 < len(line) and squash(line) in wanted
    }
    found: dict[int, object] = {}
    for el, (start, end) in lay.spans.items():
        if end - start == 1 and start in lines and start not in found:
            found[start] = el  # the innermost: an element's span is recorded when it closes
    return [(lay.lines[i], el, 2) for i, el in found.items()]


def _site_names(root, lay: Layout, head: _Head) -> list[str]:
    """What the page calls its site: SiteName-style meta, the header's logo text, the footer's 主办/版权所有."""
    names = [head.meta[name] for name in _SITE_META if head.meta.get(name)]
    for el, value in marked_elements(root, _LOGO_WORDS):
        if _LOGO_HINT.search(value):
            text = element_text(el)
            if 2 <= len(text) <= 30:
                names.append(text)
            for img in el.iter("img"):
                alt = fold(img.get("alt") or img.get("title"))
                if 2 <= len(alt) <= 30:
                    names.append(alt)
            if len(names) > 12:
                break
    for line in lay.lines[-25:]:
        for match in _FOOTER_NAME.finditer(line[:300]):
            names.append(match.group(1))
    return [n for n in (fold(n) for n in names) if len(n) >= 2]


def _is_site_part(part: str, names_sq: list[str], footer_sq: str, header_sq: set[str]) -> bool:
    sq = squash(part).strip(_DECORATION)  # "::: 某某乡人民政府 :::"
    if not sq:
        return True
    sq = _WELCOME.sub("", sq) or sq  # 欢迎访问某某县人民政府网站
    if _MEDIA_BRAND.match(sq):
        return True
    for name in names_sq:
        if sq == name or (len(sq) >= 4 and (sq in name or name in sq) and _SITE_LIKE.search(sq)):
            return True
        if 2 <= len(sq) <= 8 and name.startswith(sq) and _SITE_LIKE.search(name):
            return True  # the site's place name alone: "…::平阳县" of 平阳县人民政府
    if sq in header_sq:
        return True
    if len(sq) >= 4 and sq in footer_sq and len(sq) <= 30:
        return True
    return (
        len(sq) <= 30
        and bool(_SITE_LIKE.search(sq))
        and not _SENTENCE_END.search(part.strip().strip(_DECORATION))
    )


def _strip_site_affixes(
    title: str, names: list[str], lay: Layout | None = None
) -> tuple[str, str | None]:
    """``title`` without the site's (and column's) name before or after a separator, and what was cut."""
    names_sq = [squash(n) for n in names if n]
    footer_sq = squash("".join(lay.lines[-25:])) if lay is not None else ""
    header_sq = (
        {squash(line) for line in lay.lines[:12] if len(line) <= 30} if lay is not None else set()
    )
    bracketed = _BRACKETED_AFFIX.search(title)
    if bracketed and _is_site_part(
        bracketed.group(1) or bracketed.group(2), names_sq, footer_sq, header_sq
    ):
        inner, cut_part = title[: bracketed.start()] + title[bracketed.end() :], bracketed.group(0)
        kept, more = _strip_site_affixes(inner, names, lay)
        return kept, " ".join(p for p in (fold(cut_part), more) if p)
    parts = _AFFIX_SEPARATORS.split(title)
    if len(parts) < 3:
        # A bare hyphen separates only when what follows the last one names the site ("1-10月…-某市人民政府").
        head_part, hyphen, tail_part = title.rpartition("-")
        if not hyphen or not head_part.strip() or not tail_part.strip():
            return _clean_title(title), None
        parts = [head_part, hyphen, tail_part]
    texts, seps = parts[0::2], parts[1::2]
    cut: list[str] = []
    while len(texts) > 1:
        if _is_site_part(texts[-1], names_sq, footer_sq, header_sq):
            cut.insert(0, texts.pop())
            seps.pop()
        elif _is_site_part(texts[0], names_sq, footer_sq, header_sq):
            cut.append(texts.pop(0))
            seps.pop(0)
        else:
            break
    classic = [i for i, sep in enumerate(seps) if _TITLE_SEPARATORS.fullmatch(sep)]
    if classic:
        # Still "article _ column" after the site went: the column's name is the shorter part.
        pieces, start = [], 0
        for i in classic:
            pieces.append(
                "".join(
                    t + (seps[j] if j < i else "") for j, t in enumerate(texts) if start <= j <= i
                )
            )
            start = i + 1
        pieces.append(
            "".join(
                t + (seps[j] if j < len(seps) else "") for j, t in enumerate(texts) if j >= start
            )
        )
        # Titles read "article _ column _ site": the first piece, unless it is too short to be one.
        first = (
            pieces[0] if len(squash(pieces[0])) >= 4 else max(pieces, key=lambda p: len(squash(p)))
        )
        cut.extend(p for p in pieces if p is not first)
        texts, seps = [first], []
    kept = _clean_title(
        "".join(t + (seps[i] if i < len(seps) else "") for i, t in enumerate(texts))
    )
    if len(squash(kept)) < 2:
        return _clean_title(title), None
    return kept, " ".join(fold(c) for c in cut if c.strip()) or None


def _meta_title(head: _Head) -> str:
    for name in _META_TITLE:
        if head.meta.get(name):
            return _clean_raw_title(head.meta[name])
    if head.jsonld.get("headline"):
        return _clean_raw_title(str(head.jsonld["headline"]))
    return ""


def _line_of(lay: Layout, el) -> int:
    start, end = lay.spans.get(el, (-1, -1))
    return end - 1 if end > start else -1


def _nearest_before(lay: Layout, elements: list, body_start: int):
    """Of several elements showing the title, the one closest above the body (not a header copy)."""
    placed = [(_line_of(lay, el), el) for el in elements]
    before = [(line, el) for line, el in placed if 0 <= line < body_start]
    if before:
        return max(before, key=lambda p: p[0])[1]
    on_page = [(line, el) for line, el in placed if line >= 0]
    return min(on_page, key=lambda p: p[0])[1] if on_page else None


def _resembles(a: str, b: str) -> bool:
    """Two spellings of one title (a meta variant and the heading): most characters shared in order."""
    a_sq, b_sq = squash(a), squash(b)
    if not a_sq or not b_sq:
        return False
    if a_sq in b_sq or b_sq in a_sq:
        return min(len(a_sq), len(b_sq)) >= 0.5 * max(len(a_sq), len(b_sq))
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a_sq, b_sq, autojunk=False).ratio() >= 0.6


@dataclass
class _TitlePick:
    text: str | None
    element: object | None
    rule: str
    variant: str | None = (
        None  # the <meta>/<title> spelling when it differs from the visible heading
    )


def _pick_title(
    root, lay: Layout, head: _Head, body_start: int, body_end: int, candidates=None
) -> _TitlePick:
    """The title, and the element on the page that shows it (for locating the info line)."""
    if candidates is None:
        candidates = _heading_candidates(root)
    search = _TitleSearch(root, lay, head, body_start, body_end, candidates)
    meta_title = search.meta_title
    if head.meta.get("articletitle") and meta_title:
        pick = search.visible_for(meta_title, "meta ArticleTitle")
        return search.longer_below(pick.text, pick.element) or pick
    matching = search.headings_in_title()
    if matching:
        return search.heading_in_title(matching)
    if meta_title:
        return search.visible_for(meta_title, "meta title")
    above = search.headings_above_body()
    if above:
        return search.heading_above_body(above)
    if not search.tag_title:
        for h_text, el, rank in search.headings:
            if rank == 0:
                return _TitlePick(h_text, el, "first h1")
        return _TitlePick(None, None, "none")
    return search.title_tag()


class _TitleSearch:
    """One page's title candidates (its headings and the lines showing its <title> or meta
    title) and the questions :func:`_pick_title`'s rules ask of them."""

    def __init__(
        self, root, lay: Layout, head: _Head, body_start: int, body_end: int, candidates
    ) -> None:
        self.root, self.lay, self.head = root, lay, head
        self.body_start, self.body_end = body_start, body_end
        self.raw_title = _MARKUP.sub("", head.title)
        self.tag_title = _clean_raw_title(head.title)
        self.tag_sq = squash(self.tag_title)
        self.headings = candidates + _lines_showing(lay, self.tag_title, _meta_title(head))
        self.meta_title = _meta_title(head)
        self._names: list[str] | None = None

    def site_names(self) -> list[str]:
        if self._names is None:
            self._names = _site_names(self.root, self.lay, self.head)
        return self._names

    def element_for(self, text: str):
        sq = squash(text)
        if not sq:
            return None
        same = [el for h_text, el, _ in self.headings if squash(h_text) == sq]
        if not same:
            same = [
                el
                for h_text, el, _ in self.headings
                if sq in squash(h_text) and len(squash(h_text)) <= len(sq) * 1.6
            ]
        return _nearest_before(self.lay, same, self.body_start)

    def near_body(self, max_rank: int = 2, inside: int = 0) -> list[tuple[int, str, object, int]]:
        """(line, text, element, rank) of the headings above the body; with ``inside``, also on
        the body's first lines (a short page's block holds its heading too)."""
        lay, body_start = self.lay, self.body_start
        return [
            (line, text, el, rank)
            for text, el, rank in self.headings
            if rank <= max_rank
            and 0 <= (line := _line_of(lay, el)) < body_start + inside
            and body_start - line <= 8
        ]

    def visible_for(self, variant: str, rule: str) -> _TitlePick:
        # The heading a reader sees wins over the meta spelling of the same title.
        el = self.element_for(variant)
        if el is not None:
            return _TitlePick(variant, el, rule)
        close = [c for c in self.near_body() if _resembles(c[1], variant)]
        if close:
            line, text, el, rank = max(close, key=lambda c: (c[0], -c[3]))
            return _TitlePick(text, el, f"visible heading {el.tag}", variant)
        return _TitlePick(variant, None, rule)

    def longer_below(self, text: str, el) -> _TitlePick | None:
        # A title that is only the column's name (a <title> or ArticleTitle a CMS filled with
        # it) matches the column's heading; the article's own heading is the longer one between
        # it and the body.
        if len(squash(text)) >= 8:
            return None
        top = _line_of(self.lay, el) if el is not None else -1
        below = [
            c for c in self.near_body(2) if c[0] > top and len(squash(c[1])) >= 8 and c[2] is not el
        ]
        if not below:
            return None
        line, h_text, h_el, rank = max(below, key=lambda c: (c[0], -c[3]))
        rule = f"visible heading {h_el.tag} above the body ({text!r} names the column)"
        return _TitlePick(h_text, h_el, rule)

    def headings_in_title(self) -> list[tuple]:
        """(length, -rank, text, element) of the headings the <title> contains, not the site's name."""
        # A heading that the <title> contains is the article's own title (the rest is the site name).
        tag_sq = self.tag_sq
        segments = {squash(p) for p in _TITLE_SEPARATORS.split(self.tag_title)}
        matching = []
        for h_text, el, rank in self.headings:
            h_sq = squash(h_text)
            if len(h_sq) < 4 or not tag_sq or h_sq not in tag_sq:
                continue
            if (
                h_sq in segments
                or (tag_sq.startswith(h_sq) and len(h_sq) >= 0.4 * len(tag_sq))
                or len(h_sq) >= 0.6 * len(tag_sq)
            ):
                matching.append((len(h_sq), -rank, h_text, el))
        if matching:
            # The header's logo heading names the site, which the <title> may be all about.
            names_sq = {squash(n) for n in self.site_names()}
            matching = [m for m in matching if squash(m[2]) not in names_sq]
        if len({m[0] for m in matching}) > 1:
            # Several headings are parts of the <title> (a logo's h1 holds the site's name): the one
            # the <title> keeps once its site part is cut is the article's.
            stripped_sq = squash(
                _strip_site_affixes(self.raw_title, self.site_names(), self.lay)[0]
            )
            kept = [m for m in matching if squash(m[2]) == stripped_sq]
            matching = kept or matching
        return matching

    def heading_in_title(self, matching: list[tuple]) -> _TitlePick:
        """The longest of the headings the <title> contains, a real heading before bold type."""
        longest = max(m[0] for m in matching)
        best = [m for m in matching if m[0] == longest]
        best = [m for m in best if m[1] == max(b[1] for b in best)]
        text = best[0][2]
        el = _nearest_before(self.lay, [m[3] for m in best], self.body_start)
        if el is not None:
            column = self.longer_below(text, el)
            if column is not None:
                return column
        meta_title = self.meta_title
        if (
            meta_title
            and squash(meta_title).startswith(squash(text))
            and len(meta_title) > len(text)
        ):
            return _TitlePick(meta_title, el, "meta title (the heading shows its start)")
        rule = f"visible heading {el.tag if el is not None else ''} matching <title>".replace(
            "  ", " "
        )
        return _TitlePick(text, el, rule)

    def headings_above_body(self) -> list[tuple[int, str, object, int]]:
        """When no heading matches the <title> (which then names the column): the headings just
        above the info line or the body, subtitles left out."""
        near_body = self.near_body
        # (A box's short heading in a sidebar, 最新公告, is a title only when nothing else is.)
        above = [c for c in near_body(1) if len(squash(c[1])) >= 6] or [
            c for c in near_body(2) if len(squash(c[1])) >= 6
        ]
        if not above:
            # Weaker signs (a heading inside the body block, bold type) lose to a <title> that reads
            # like an article's title rather than a column's or the site's name.
            stripped = (
                _strip_site_affixes(self.raw_title, self.site_names(), self.lay)[0]
                if self.tag_title
                else ""
            )
            column_like = len(squash(stripped)) < 8 or _is_site_part(
                stripped, [squash(n) for n in self.site_names()], "", set()
            )
            weak = [
                c
                for c in near_body(2, inside=2)
                if len(squash(c[1])) >= 6 and c[0] < self.body_end - 1
            ]
            weak = weak or [c for c in near_body(3) if self.body_start - c[0] <= 3]
            above = [c for c in weak if column_like or _resembles(c[1], stripped)] or near_body(1)
        if len(above) > 1:
            # A subtitle under the heading (——访…, a dash or bracket opening it) is not the title.
            main = [a for a in above if not _SUBTITLE.match(a[1])]
            above = main or above
        return above

    def heading_above_body(self, above: list[tuple[int, str, object, int]]) -> _TitlePick:
        """The lowest of the headings above the body; the <title>'s spelling is its variant."""
        line, text, el, rank = max(above, key=lambda a: (a[0], -a[3]))
        variant = None
        if self.tag_title:
            stripped, _ = _strip_site_affixes(self.raw_title, self.site_names(), self.lay)
            # (Only another spelling of the title: not the column's or the site's name the <title> gives.)
            known = {squash(text), squash(_MARKUP.sub("", text))}
            variant = (
                stripped if squash(stripped) not in known and _resembles(stripped, text) else None
            )
        return _TitlePick(text, el, f"visible heading {el.tag} above the body", variant)

    def title_tag(self) -> _TitlePick:
        """The <title> without its site affixes, unless a line above the body shows it reworded or
        it names only the site."""
        lay, body_start = self.lay, self.body_start
        title, cut = _strip_site_affixes(self.raw_title, self.site_names(), lay)
        reworded = self.reworded_line_above(title)
        if reworded is not None:
            return reworded
        if _is_site_part(title, [squash(n) for n in self.site_names()], "", set()):
            # A <title> that only names the site (欢迎访问某某县人民政府网站--新闻中心) and no heading
            # candidate: the line just above the info line, whatever its markup (a CSS class sets it big).
            above_info = _line_above_info(lay, body_start)
            if above_info is not None:
                line, el = above_info
                return _TitlePick(_clean_title(line), el, "line above the info line", None)
        rule = f"<title> (site affix {cut!r} stripped)" if cut else "<title>"
        return _TitlePick(title, self.element_for(title), rule)

    def reworded_line_above(self, title: str) -> _TitlePick | None:
        # The heading a reader sees, reworded from the <title> (县"三夏"… / 全县“三夏”…), on a line of
        # its own just above the info line or the body: it wins, the <title> spelling is the variant.
        lay, body_start = self.lay, self.body_start
        for i in range(min(body_start, len(lay.lines)) - 1, max(body_start - 5, -1), -1):
            line = lay.lines[i]
            if (
                4 <= len(line) <= 120
                and lay.table[i] < 0
                and lay.link_chars[i] * 2 < len(line)
                and not _INFO_LABELS.search(line)
                and not _CRUMB_MARKS.search(line)
                and squash(line) != squash(title)
                and _resembles(line, title)
            ):
                el = _line_element(lay, i)
                if el is not None:
                    return _TitlePick(
                        _clean_title(line), el, "line above the body like the <title>", title
                    )
        return None


def _line_above_info(lay: Layout, body_start: int):
    """(text, element) of the short line right above the info line (发布时间：… 来源：…) that
    sits just above the body, or None."""
    lines = lay.lines
    for i in range(min(body_start, len(lines)) - 1, max(body_start - 4, 0), -1):
        info = lines[i]
        if len(info) > 150 or len(_INFO_LINE.findall(info)) < 1 or not find_dates(info, 1):
            continue
        title = lines[i - 1]
        if (
            6 <= len(title) <= 80
            and lay.cells[i - 1] <= 1  # (a label-and-value row "标题\t…" is no heading)
            and lay.link_chars[i - 1] * 2 < len(title)
            and not _INFO_LABELS.search(title)
            and not _CRUMB_MARKS.search(title)
            and not re.search(r"[。！？!?]$", title)
        ):
            el = _line_element(lay, i - 1)
            if el is not None:
                return title, el
        return None
    return None


_SUBTITLE = re.compile(r"^\s*(?:[—–―－-]{1,2}|[(（])")
_CRUMB_MARKS = re.compile(r"[>»›]|位置|首页")


def _line_element(lay: Layout, line: int):
    """The innermost element showing exactly line ``line``."""
    for el, (start, end) in lay.spans.items():
        if start == line and end == line + 1:
            return el
    return None


# --- body -------------------------------------------------------------------------------------

# Body containers of government CMS families, most specific first: (kind, name).
_BODY_CONTAINERS = [
    ("class", "TRS_Editor"),
    ("class", "TRS_UEDITOR"),
    ("class", "trs_paper_default"),
    ("tag", "ucapcontent"),
    ("id", "UCAP-CONTENT"),
    ("id", "zoom"),
    ("id", "fontzoom"),
    ("id", "zoomcon"),
    ("class", "article-content"),
    ("class", "pages_content"),
    ("class", "detail_content"),
    ("id", "mainText"),
    ("class", "news_cont_d_wrap"),
    ("id", "pressrelease"),
    ("itemprop", "articleBody"),
    ("class", "article-body"),
    ("tag", "article"),
]
_CONTAINER_RANK = {key: rank for rank, key in enumerate(_BODY_CONTAINERS)}
_GENERIC_RANK = _CONTAINER_RANK[("tag", "article")]


def _container_rank(el) -> int | None:
    best = _CONTAINER_RANK.get(("tag", el.tag))
    ident = el.get("id")
    if ident:
        rank = _CONTAINER_RANK.get(("id", ident))
        if rank is not None and (best is None or rank < best):
            best = rank
    classes = el.get("class")
    if classes:
        for name in classes.split():
            rank = _CONTAINER_RANK.get(("class", name))
            if rank is not None and (best is None or rank < best):
                best = rank
    if el.get("itemprop") == "articleBody":
        best = (
            min(best, _CONTAINER_RANK[("itemprop", "articleBody")])
            if best is not None
            else _CONTAINER_RANK[("itemprop", "articleBody")]
        )
    return best


_PUNCT_MARKS = '，。；！？、,.;!?：:“”"'


def _chars(lay: Layout, el) -> tuple[int, int]:
    start, end = lay.spans.get(el, (0, 0))
    total = sum(len(line) for line in lay.lines[start:end])
    links = sum(lay.link_chars[start:end])
    return total, links


def _describe(el) -> str:
    """``div#zoom`` / ``div.TRS_Editor``: enough to find the element again in the page."""
    if el.get("id"):
        return f"{el.tag}#{el.get('id')}"
    classes = (el.get("class") or "").split()
    return f"{el.tag}.{classes[0]}" if classes else el.tag


def _cms_body(root, lay: Layout):
    """The best-ranked known CMS container with real text (the largest when several share a rank)."""
    found: dict[int, tuple[int, object]] = {}
    files: dict[int, object] = {}
    for el in lay.spans:
        rank = _container_rank(el)
        if rank is None:
            continue
        total, links = _chars(lay, el)
        text = total - links
        if text >= 40 and (rank not in found or text > found[rank][0]):
            found[rank] = (text, el)
        elif not found and total and _holds_a_file(el):
            files.setdefault(rank, el)
    if found:
        return found[min(found)][1]
    # A release that is its attachment (名单公示: 附件：….xlsx) or its pictures.
    return files[min(files)] if files else None


def _holds_a_file(el) -> bool:
    return el.find(".//img") is not None or any(
        ATTACHMENT_PATH.search((a.get("href") or "").split("?")[0]) for a in el.iter("a")
    )


# A site's footer and disclaimer: prose-like, never the article. One strong mark (版权所有, ICP备,
# 不得转载…) or two weak ones (主办单位 and 地址, …) make a line the site's, not the article's.
_FOOTER_STRONG = re.compile(
    r"版权所有|版權所有|Copyright|©|ICP\s*备|ICP\s*證|公网安备|公網安備|网站标识码|網站標識碼|建议使用.{0,20}浏览|"
    r"不得(?:转载|复制|镜像)|未经.{0,8}(?:许可|授权).{0,16}(?:转载|复制|镜像|链接)",
    re.I,
)
_FOOTER_WEAK = re.compile(
    r"主办单位|主辦單位|主\s*办\s*[:：]|承办单位|技术支持|地址\s*[:：]|电话\s*[:：]|邮编|联系我们"
)


def _footer_line(line: str) -> bool:
    head = line[:300]
    return (
        bool(_FOOTER_STRONG.search(head))
        or len({m.group(0)[:2] for m in _FOOTER_WEAK.finditer(head)}) >= 2
    )


_FOOTER_HINT = re.compile(
    r"(?<![A-Za-z])(?<!border-)(?<!margin-)(?<!padding-)(?i:footer|foot|copyright|banquan|bottom)(?![a-z])"
)


def _footer_lines(lay: Layout) -> set[int]:
    """Lines inside elements the page marks as its footer (``<footer>``, class/id foot, bottom, copyright)."""
    out: set[int] = set()
    for el, (start, end) in lay.spans.items():
        if end <= start:
            continue
        if el.tag == "footer" or _FOOTER_HINT.search(
            (el.get("class") or "") + " " + (el.get("id") or "")
        ):
            out.update(range(start, end))
    return out


def _line_score(lay: Layout, idx: int) -> float:
    """How much a line looks like content: prose by its punctuation, a data-table row by its cells."""
    line = lay.lines[idx]
    links = lay.link_chars[idx]
    if _footer_line(line):
        return 0.0
    if lay.table[idx] >= 0:
        # Figures and names in cells carry no punctuation: tables are content all the same.
        if links > len(line) * 0.8 or (lay.cells[idx] < 2 and len(line) < 4):
            return 0.0
        return 1 + min(lay.cells[idx], 6) * 0.5 + min(len(line) / 40, 2)
    if links > len(line) / 2 or (len(line) < 20 and (links or not _SHORT_SENTENCE.search(line))):
        return 0.0
    if (
        len(line) < 150
        and not _SENTENCE_END.search(line)
        and (_INFO_LINE.search(line) or _CLOCK.search(line))
    ):
        return 0.0  # 来源：… 发布时间：… is the article's furniture; a top bar's clock changes by the second
    if len(line) < 100 and _GREETING.match(line):
        return 0.0
    head = line[:2000]
    punct = sum(head.count(mark) for mark in _PUNCT_MARKS)
    return 1 + min(punct, 60) + min(len(line) / 80, 3)


def _title_heading_line(root, lay: Layout, head: _Head, candidates=None) -> int:
    """The line of the heading that shows the page's <title> (its longest such heading), or -1."""
    title_sq = squash(_clean_raw_title(head.title)) + "\n" + squash(_meta_title(head))
    best, best_len = -1, 0
    for text, el, rank in candidates if candidates is not None else _heading_candidates(root):
        sq = squash(text)
        if (
            rank <= 2
            and len(sq) >= 8
            and sq in title_sq
            and len(sq) > best_len
            and (line := _line_of(lay, el)) >= 0
        ):
            best, best_len = line, len(sq)
    return best


def _density_body(
    root, lay: Layout, owners: list, template: list[bool] | None = None, title_line: int = -1
):
    """Readability-style: each content line scores its block, the parent and (half) the grandparent.

    The best block then takes in its parent while the parent's other children hold as much content
    again (a dashboard's several tables, an article split over sibling blocks). Lines the site
    model knows as ``template`` score nothing. Lines above ``title_line`` (the title's heading)
    count half while text follows it: a short notice's body is below its title, a top bar above.
    """
    line_scores = _body_line_scores(lay, template, title_line)
    scored = [(idx, score) for idx, score in enumerate(line_scores) if score]
    best, best_score, adjusted = _densest_block(lay, owners, scored)
    if best is None:
        return None
    start, end = lay.spans.get(best, (0, 0))
    if 2 * sum(line_scores[i] for i in range(start, end) if lay.table[i] >= 0) >= sum(
        line_scores[start:end]
    ):
        best, best_score, adjusted = _prose_beside_table(
            lay, owners, scored, (best, best_score, adjusted)
        )
    # A tie with the parent: the parent holds the same text plus short lines that scored nothing
    # (a closing "特此通知。"), so it is the article's block.
    parent = best.getparent()
    while (
        parent is not None
        and adjusted.get(parent, 0.0) >= best_score * 0.999
        and parent.tag not in ("body", "html")
    ):
        best, parent = parent, parent.getparent()
    start, end = lay.spans.get(best, (0, 0))
    if best.tag in ("ol", "ul", "dl") and parent is not None and parent in lay.spans:
        # A numbered list won: the paragraphs around it (通告如下： … 特此通告。) are the same text.
        p_start, p_end = lay.spans[parent]
        own = sum(line_scores[start:end])
        around = sum(line_scores[p_start:p_end]) - own
        chars, links = _chars(lay, parent)
        if around >= own * 0.25 and links <= chars * 0.3 and parent.tag not in ("body", "html"):
            return parent
    rows = sum(score for i, score in enumerate(line_scores[start:end], start) if lay.table[i] >= 0)
    if rows * 2 < sum(line_scores[start:end]):
        return best
    return _dashboard_block(lay, line_scores, best)


def _body_line_scores(lay: Layout, template: list[bool] | None, title_line: int) -> list[float]:
    """Each line's content score; footer and template lines score nothing, and lines above the
    title's heading half while text follows it."""
    footer = _footer_lines(lay)
    line_scores = [
        0.0 if idx in footer or (template and template[idx]) else _line_score(lay, idx)
        for idx in range(len(lay.lines))
    ]
    if title_line > 0 and any(line_scores[title_line:]):
        for idx in range(title_line):
            line_scores[idx] *= 0.5
    return line_scores


def _densest_block(lay: Layout, owners: list, lines_scored) -> tuple:
    """(block, score, every block's score): line scores summed into the line's block, its parent
    and (less) its grandparents, discounted by the share of link text."""
    scores: dict = {}
    for idx, score in lines_scored:
        el = owners[idx]
        for weight in (1.0, 1.0, 0.5, 0.33):
            if el is None:
                break
            scores[el] = scores.get(el, 0) + score * weight
            el = el.getparent()
    best, best_score = None, 0.0
    adjusted = {}
    for el, score in scores.items():
        total, links = _chars(lay, el)
        if not total:
            continue
        score *= 1 - links / total
        adjusted[el] = score
        if score > best_score:
            best, best_score = el, score
    return best, best_score, adjusted


def _prose_beside_table(lay: Layout, owners: list, scored: list, won: tuple) -> tuple:
    """A table won. Where the page also has an article's prose (a few real paragraphs) apart
    from that table, the table is a sidebar's (prices, rankings) and the prose is the body."""
    best = won[0]
    prose = [(idx, score) for idx, score in scored if lay.table[idx] < 0]
    if sum(1 for _, score in prose if score >= 5) >= 2:
        prose_best, prose_score, prose_adjusted = _densest_block(lay, owners, prose)
        if (
            prose_best is not None
            and prose_score >= 15
            and best not in prose_best.iterancestors()
            and prose_best is not best
        ):
            return prose_best, prose_score, prose_adjusted
    return won


def _dashboard_block(lay: Layout, line_scores: list[float], best):
    """A table of figures: the page's other tables beside it are as much content (a dashboard).
    (The block then reads "densest text block" for the ancestor that holds them all.)"""
    prefix = [0.0]
    for score in line_scores:
        prefix.append(prefix[-1] + score)

    def content(el) -> float:
        start, end = lay.spans.get(el, (0, 0))
        return prefix[end] - prefix[start]

    parent = best.getparent()
    for _ in range(16):
        if parent is None or parent.tag in ("body", "html") or parent not in lay.spans:
            break
        own, total = content(best), content(parent)
        if total - own > 0:  # wrappers that add nothing are passed through
            chars, links = _chars(lay, parent)
            if total - own < own * 0.4 or links > chars * 0.3:
                break
            best = parent
        parent = parent.getparent()
    return best


def _line_owners(lay: Layout) -> list:
    owners = [None] * len(lay.lines)
    # Innermost block wins: visit blocks from the largest span to the smallest.
    for el, (start, end) in sorted(lay.spans.items(), key=lambda kv: kv[1][0] - kv[1][1]):
        for i in range(start, end):
            owners[i] = el
    return owners


# Lines that are page furniture, never body text.
_NOISE_LINE = re.compile(
    r"^(?:[【\[]?\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|關閉|收藏|返回顶部|返回|加入收藏|纠错|我要纠错|分享到?[:：]?|"
    r"字号|字號|字體|字体|大|中|小|默认|超大|扫一扫.*|Print|Close|Share)\s*[】\]]?\s*[|/:：]?\s*)+$"
    r"|^(?:【?\s*字[号號体體]\s*[:：]?.{0,20})$"
    r"|^[(（]?\s*(?:浏览次数|浏览量|访问量|访问次数|点击数|点击量|点击率|阅读数|阅读量|阅读次数|瀏覽次數|瀏覽|浏览|阅读|点击|"
    r"Number of views|Views)\s*[:：]?\s*[(（]?\d*[)）]?\s*[次)）]?$"
    r"|^(?:当前时间|今天是).{0,40}$"
    r"|^[*=_~#\-–—.·•]{3,}$",
    re.I,
)
# A "more" link closing a line: a portlet's or box's heading (全市主要经济指标 更多>>).
_MORE_LINK = re.compile(
    r"\s*[\[【(（]?\s*(?:查看)?更多(?:内容|信息|详情|数据)?\s*[>＞》»›]*\s*[\]】)）]?\s*$"
    r"|\s*(?:more|view\s+more|read\s+more)\s*[>»›]+\s*$",
    re.I,
)
_END_LINE = re.compile(
    r"^(?:上一篇|下一篇|上一条|下一条|上一页|相关链接|相关文章|相关阅读|相关新闻|相关稿件|关联稿件|相关附件下载|"
    r"(?:相关文件|相关政策|相关解读|相关报道|延伸阅读|推荐阅读)\s*[:：]?\s*$|"
    r"扫一扫在手机|分享到|【\s*打印|【\s*关闭|打印本页|关闭窗口|Ends/|NNNN$|"
    r"[(（【\[]\s*(?:责任编辑|责编|編輯|编辑|审核|校对|监制)\s*[:：]|(?:责任编辑|责编|本文来源)\s*[:：]|"
    r"(?:特别声明|免责声明|版权声明)\s*[:：]|"
    r"(?:Adresse für Rückfragen|Herausgeber|Pressekontakt|Zum Thema|Weitere Informationen|Zurück zur Übersicht|"
    r"Letzte Änderung|Stand:|Last updated|Page last (?:updated|reviewed)|Related (?:links|content|articles|stories)|"
    r"See also|Share this|Back to top|Return to top|Categories:|Tags:|Date modified|Associated links|"
    r"Was this page helpful)(?:\b|$)"
    # A release's contact block closes its text: a line that is only the heading.
    # ("Contact" alone heads a program page's own contact paragraph: it stays.)
    r"|(?:(?:Media|Press|News)\s+(?:Contacts?|Enquiries|Inquiries)|Contacts|Enquiries|Inquiries)\s*:?$"
    r"|(?:Media|Press)\s+(?:contacts?|enquiries|inquiries)\s*:)",
    re.I,
)
_INFO_LINE = re.compile(
    r"(?:发布时间|發布時間|发布日期|访问量|"
    + _spaced("来源", "來源", "稿源", "时间", "時間", "浏览", "瀏覽", "作者", "字号")
    + r")\s*[:：]"
)
# Label cells of a 信息公开 metadata table (索引号 / 发布机构 / 成文日期 …) repeated inside the container.
_TABLE_LABEL = re.compile(
    r"^(?:索\s*引\s*号|分\s*类|主题分类|主\s*题\s*词|发文机关|发布机构|发文单位|成文日期|标\s*题|名\s*称|发文字号|文\s*号|"
    r"发布日期|生成日期|发文日期|公开方式|公开时限|公开范围|公开形式|责任部门|有效性|时效性|体裁分类|信息来源|所属机构)\s*[:：]"
)
_SENTENCE_END = re.compile(r"[。.!?！？;；…”\"」』)）:：]$")
_META_LABEL_CELL = re.compile(_TABLE_LABEL.pattern.replace(r")\s*[:：]", r")\s*[:：]?\s*$"))


def _label_value_rows(lay: Layout) -> None:
    """A 信息公开 table laid out as a row of labels over a row of values (索引号 | 发布机构 |
    发布日期 over their values): the values' line reads "索引号：…\t发布机构：…" as the usual
    label-and-value rows do, so the publisher and the date are found the same way."""
    for i in range(min(len(lay.lines), 400) - 1):
        table = lay.table[i]
        if table < 0 or lay.table[i + 1] != table or lay.cells[i] < 2:
            continue
        labels = lay.lines[i].split(CELL_SEP)
        values = lay.lines[i + 1].split(CELL_SEP)
        if len(labels) != len(values) or not all(_META_LABEL_CELL.match(c) for c in labels):
            continue
        lay.lines[i + 1] = CELL_SEP.join(
            f"{label.rstrip(' :：')}：{value}" for label, value in zip(labels, values, strict=True)
        )


# A short notice's one-line paragraph ("根据工作安排，定于3月5日停水。") is a whole sentence all the same.
_SHORT_SENTENCE = re.compile(
    r"^(?=(?:.*?[\u3400-\u9fff]){4}).{7,}[。！？]$"
    # A notice's salutation: its addressees, listed (各乡镇人民政府，县直各单位：).
    r"|^(?=(?:.*?[\u3400-\u9fff]){6})[^:：]{3,}[，、][^:：]{2,}[:：]$"
)
# A top bar's date-time clock (今天是：2024年3月1日 星期五, 10:12:03) and greeting: the site's, never an article's.
_CLOCK = re.compile(
    r"(?:今天是|今日|当前时间|现在时间|现在是|北京时间)\s*[:：]?\s*(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?\s*[(（]?(?:星期|周|礼拜|禮拜)[一二三四五六日天]"
    r"|(?<![\d:])[0-2]?\d:[0-5]\d:[0-5]\d(?![\d:])"
)
_TOP_BAR_CLOCK = re.compile(r"今天|今日|当前|现在|北京时间|星期|礼拜|周[一二三四五六日天]")
_GREETING = re.compile(
    r"^(?:您好|你好)?[，,!！\s]*(?:欢迎|歡迎)(?:访问|訪問|来到|來到|光临|光臨|进入|進入|您)"
)


def _is_prose(line: str, link_chars: int) -> bool:
    return link_chars <= len(line) * 0.3 and (len(line) >= 80 or bool(_SENTENCE_END.search(line)))


def _body_lines(
    lay: Layout, start: int, end: int, title: str | None
) -> tuple[list[tuple[str, int]], int]:
    """The body's paragraphs without furniture, and the line where the article text stopped."""
    kept: list[tuple[str, int, int]] = []
    title_sq = squash(title)
    stop = end
    skip_value = False
    for i in range(start, end):
        line = lay.lines[i]
        if kept and _END_LINE.match(line):
            stop = i
            break
        if _NOISE_LINE.match(line):
            continue
        more = _MORE_LINK.search(line)
        if more and lay.link_chars[i] >= len(squash(more.group(0))) and more.start() > 0:
            line = line[: more.start()]  # a box heading's "更多>>" link: furniture
        if len(kept) < 2 and i - start < 60:
            if skip_value:
                skip_value = False
                if len(line) < 80 and not _TABLE_LABEL.match(line):
                    continue
            table = _TABLE_LABEL.match(line)
            if table:
                skip_value = not line[table.end() :].strip()
                continue
            if title_sq and squash(line) == title_sq:
                continue
            if len(line) < 120 and len(_INFO_LINE.findall(line)) >= 2:
                continue
            # (A data table's row of three or more cells may hold a date: it is no info line.)
            if (
                len(line) < 100
                and not _SENTENCE_END.search(line)
                and lay.cells[i] < 3
                and (_SOURCE_LABEL.search(line) or (find_dates(line, 1) and len(line) < 40))
            ):
                continue
        kept.append((line, lay.link_chars[i], i))
    # Link blocks after the last prose paragraph (related articles, promos, PDF boxes) are not body.
    last_prose = max(
        (
            k
            for k, (line, links, i) in enumerate(kept)
            if lay.table[i] >= 0 or _is_prose(line, links)
        ),
        default=-1,
    )
    tail = kept[last_prose + 1 :]
    if (
        last_prose >= 0
        and any(links > len(line) / 2 for line, links, _ in tail)
        and not any("附件" in line for line, _, _ in tail)
    ):
        kept = kept[: last_prose + 1]
    return [(line, i) for line, _, i in kept], stop


def _join_body(lay: Layout, lines: list[tuple[str, int]]) -> str:
    """Paragraphs apart by a blank line; rows of one table on consecutive lines."""
    out: list[str] = []
    prev_table = -1
    for line, i in lines:
        table = lay.table[i]
        if out:
            out.append("\n" if table >= 0 and table == prev_table else "\n\n")
        out.append(line)
        prev_table = table
    return "".join(out)


# --- labelled fields --------------------------------------------------------------------------

_PUBLISHER_LABELS = r"[发發][布佈](?:机构|機構|机关|機關|单位|單位|部门|部門)|责任部门|責任部門|[发發]文(?:机关|機關|单位|單位)|Herausgeber"
_SOURCE_LABEL = re.compile(
    r"(信息来源单位|来源单位|来源网站|来源媒体|出处|信息来源|文章来源|稿件来源|新闻来源|内容来源|来源于|消息来源|供稿单位|供稿部门|来稿单位|发布者|来自(?=[ \t])|"
    + _spaced("来源", "來源", "稿源")
    + "|"
    + _PUBLISHER_LABELS
    + r")\s*([:：]?)"
)
_SOURCE_STOP = re.compile(
    r"\s*(?:[|｜丨]|\s(?=[^\s:：]{1,8}\s*[:：])|(?:发布|發布|发表|"
    + _spaced("時間", "时间", "日期", "作者")
    + r"|浏览|瀏覽|点击|點擊|阅读|閱讀|访问|訪問|"
    r"记者|記者|编辑|編輯|责任编辑|字号|字號|【|\[|分享|打印|参与互动|评论|举报|纠错|收藏|Datum)|(?:19|20)\d{2}\s*[-/.年])"
)
_CJK_LETTER = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z]$")
_DATE_END = re.compile(r"\d\s*[日号號]?$")


def _at_boundary(before: str) -> bool:
    """A label starts an item of the info line: at its start, after a space or a mark, or after a
    date it was glued to ("16:18来源 …", "2024年1月18日發佈機構：…", spans at a source line break)."""
    return not before or not _CJK_LETTER.search(before) or bool(_DATE_END.search(before))


_LABEL_AHEAD = re.compile(r"^[\u4e00-\u9fff]{1,6}\s*[:：]")
_NOT_SOURCE = re.compile(r"^[\s:：/|｜丨,，.。-]*$")
_PROSE_BEFORE = re.compile(r"(?:数据|資料|图片|圖片|图|圖|资金|資金|收入|经费|主要|的)\s*$")


# English newsrooms name the publishing organisation on a labelled line ("From: Department for
# Education", "Issued by: …"); always with a colon, at the line's start (prose says "from" too).
_EN_SOURCE_LABEL = re.compile(
    r"^(?:From|Issued by|Published by|Source|Organi[sz]ations?)\s*:\s*(.*)$"
    # (Without a colon only "From" + a capitalised name standing alone: "From Department of …".)
    r"|^(?-i:From\s+((?:the\s+)?[A-Z][^\d.!?:;,]{3,70}))$",
    re.I,
)
_EN_SOURCE_STOP = re.compile(r"\s(?:\||·|•)\s|\s{2,}|\t")


# Inside the info line too: "2024-03-05 Source: Ministry of Transport", "… | Issued by: …".
_EN_SOURCE_INLINE = re.compile(r"(?<=[\s|·•])(?:Source|Issued by|Published by)\s*:\s*(.*)$", re.I)


def _english_source(lines: list[str], idx: int) -> tuple[int, str | None]:
    match = _EN_SOURCE_LABEL.match(lines[idx][:200]) or _EN_SOURCE_INLINE.search(lines[idx][:200])
    if not match:
        return 0, None
    value = next((group for group in match.groups() if group), "").strip()
    if not value and idx + 1 < len(lines):
        nxt = lines[idx + 1]
        if len(nxt) <= 80 and ":" not in nxt and not find_dates(nxt, 1):
            value = nxt.strip()
    stop = _EN_SOURCE_STOP.search(value)
    value = (value[: stop.start()] if stop else value).strip(" ,;")
    if not value or len(value) > 80 or find_dates(value, 1) or _SENTENCE_END.search(value):
        return 1, None
    return 1, value


def _labelled_source(lines: list[str], idx: int) -> tuple[int, str | None]:
    """(0 no label, 1 a 来源 label, 2 a publisher label of a 信息公开 table; value) for line ``idx``."""
    line = lines[idx][:400]
    match = _SOURCE_LABEL.search(line)
    if not match and line[:1].isascii():
        return _english_source(lines, idx)
    if not match or _PROSE_BEFORE.search(line[: match.start()]):
        return 0, None
    kind = 2 if re.fullmatch(_PUBLISHER_LABELS, squash(match.group(1))) else 1
    rest = line[match.end() :]
    if not match.group(2) and rest.strip():
        # A label without a colon counts when it stands alone (its value on the next line) or when
        # only white space (tabs, a cell boundary, runs of spaces) parts it from a short value.
        # (Glued on, "来源市发改委 发布时间2024-01-02", when elements split by a source line break
        # joined: only at the start of a short line that goes on with a date or another label.)
        at_start = _at_boundary(line[: match.start()])
        spaced = line[match.end(1)].isspace() and len(line) < 100 and at_start
        glued = (
            match.start() == 0
            and len(line) < 80
            and bool(find_dates(line, 1) or _INFO_LABELS.search(rest))
        )
        if not (spaced or glued) or _SENTENCE_END.search(rest.strip()):
            return 0, None
    if kind == 2 and not _at_boundary(line[: match.start()]):
        return 0, None
    rest = rest.lstrip(" \t:：")
    stop = _SOURCE_STOP.search(rest)
    # The next label right after this one: an empty value ("来源：发布时间：…"), unless a value
    # runs into a known label ("来源：新华社字号：", spans without space between them).
    if _LABEL_AHEAD.match(rest) and (stop is None or stop.start() == 0):
        return kind, None
    value = (rest[: stop.start()] if stop else rest).strip(" \t:：|｜丨,，")
    if not value and not rest and idx + 1 < len(lines) and not line[: match.start()].strip():
        # A label alone on its line (<dt>来源</dt><dd>…</dd>, a label cell): the value is the
        # next line. (One closing a longer info line, "发布时间：… 来源：", is empty.)
        nxt = lines[idx + 1]
        if (
            len(nxt) <= 80
            and not re.search(r"[:：]", nxt)
            and not find_dates(nxt, 1)
            and not re.search(r"[。！？!?]$", nxt)
        ):
            value = nxt.strip()
    if not value or _NOT_SOURCE.match(value) or len(value) > 80:
        return kind, None
    value = _balanced(value)
    if not value:
        return kind, None
    # "市 发改委" from <span>市</span> <a>发改委</a>: a name has no space between Chinese characters.
    return kind, _CJK_GAP.sub("", value)


_SITE_FOOTER_MARK = re.compile(r"主办|承办|版权|ICP|网站标识码|技术支持|网站地图|公网安备")
_CREDIT_LINE = re.compile(
    r"^[（(【\[]?\s*(?:信息|文章|稿件|新闻|内容|消息)?(?:来源|來源|稿源)\s*[:：]"
)

_BRACKETS = {"）": "（", ")": "(", "】": "【", "]": "[", "」": "「", "》": "《"}


def _balanced(value: str) -> str:
    """Without a bracket the info line wrapped round the value ("【来源：新华社】", "（来源：…）")
    or one a stop word left open ("新华社（记者 …" → "新华社")."""
    value = value.rstrip(" （(【[「《")
    while value and value[-1] in _BRACKETS and _BRACKETS[value[-1]] not in value:
        value = value[:-1].rstrip()
    return value


_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])")


_DATE_LABELS = [
    (
        0,
        re.compile(
            r"(?:发布|發布|發佈|发表|發表|生成|发文|發文|公开|公開|信息提供|印发|上网|发稿|更新?发布)\s*(?:时间|時間|日期)\s*[:：]?\s*$"
        ),
    ),
    (
        0,
        re.compile(
            r"(?:Datum|Published|Posted|Issued|Release Date|Date of issue|公開日|掲載日|发布于)\s*[:：]?\s*(?:on\s*)?$",
            re.I,
        ),
    ),
    (1, re.compile(r"(?:" + _spaced("时间", "時間", "日期") + r"|Date)\s*[:：]?\s*$", re.I)),
    (2, re.compile(r"(?:成文|印發|印发)\s*(?:时间|時間|日期)\s*[:：]?\s*$")),
]
_UPDATED = re.compile(r"更新(?:时间|日期)\s*[:：]?\s*$")
_NOT_PUBLISH = re.compile(
    r"(?:更新|修改|修订|截止|当前|今天|有效期|Stand|Letzte|zuletzt|Last (?:updated|modified|reviewed)|Updated|Modified|"
    r"Reviewed|生效|废止|截至)[^\d]{0,12}$",
    re.I,
)


@dataclass
class _DateCandidate:
    found: FoundDate
    rank: int  # 0 publish label, 1 generic label, 2 written date, 5 unlabelled
    line: int
    label: str = ""  # the label as printed (发布时间, Datum …)


_DIGITS = re.compile(r"\d\d|[〇○零]")  # 二〇二四年 has no digits


def _line_dates(lines: list[str], idx: int) -> list[_DateCandidate]:
    line = lines[idx]
    out = []
    if not _DIGITS.search(line, 0, 600):
        return out
    for fd in find_dates(line[:600], limit=6):
        before = line[max(0, fd.start - 16) : fd.start]
        rank, label = 5, ""
        not_publish = _NOT_PUBLISH.search(before)
        if not_publish:
            updated = _UPDATED.search(before)
            if updated is None:
                continue
            # Some CMSs (动易/PowerEasy…) print only 更新时间: the page's date when it is the only one.
            rank, label = 4, updated.group(0)
        if rank == 4:
            out.append(_DateCandidate(fd, rank, idx, re.sub(r"[\s:：]+", "", label)))
            continue
        for r, pattern in _DATE_LABELS:
            found = pattern.search(before)
            if found:
                rank, label = r, found.group(0)
                break
        if rank == 5 and idx > 0 and fd.start == 0:
            prev = lines[idx - 1]
            for r, pattern in _DATE_LABELS:
                found = pattern.search(prev[-16:])
                if found:
                    rank, label = r, found.group(0)
                    break
        if fd.has_time and fd.hour == 0 and fd.minute == 0 and not fd.second:
            fd = FoundDate(fd.start, fd.end, fd.day)
        out.append(_DateCandidate(fd, rank, idx, re.sub(r"[\s:：]+", "", label)))
    return out


# --- the extractor ----------------------------------------------------------------------------


def extract_article(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    encoding: str | None = None,
    timezone: str | None = None,
    selectors: Selectors | None = None,
    model: SiteModel | None = None,
) -> Article:
    """Parse an article page into an :class:`Article`. Never raises on bad input.

    ``encoding`` forces a codec (site config); ``timezone`` is the IANA zone of the site's
    local times (default: guessed from the host); ``selectors`` are per-site overrides;
    ``model`` is the site's :class:`~.sitemodel.SiteModel` (its template is not content, and
    the page's features for learning are left in ``Article.features``).
    """
    try:
        text, used = decode_html(body or b"", content_type, encoding)
    except Exception:  # decoding is best effort; an unknown forced codec must not abort a crawl
        text, used = (body or b"").decode("utf-8", "replace"), "utf-8"
    article = Article(url=url, encoding=used)
    try:
        _extract(article, text, url, timezone, selectors or Selectors(), model, body)
    except (
        RecursionError,
        MemoryError,
        ValueError,
        TypeError,
        etree.LxmlError,
        KeyError,
        IndexError,
    ):
        # Keep whatever was found before the failure: a partial article beats a crashed crawl.
        pass
    return article


def _extract(
    article: Article,
    text: str,
    url: str,
    timezone: str | None,
    sel: Selectors,
    model: SiteModel | None = None,
    raw: bytes | None = None,
) -> None:
    ids = any(getattr(sel, f) for f in ("title", "source", "published_at", "body", "breadcrumb"))

    def read(page):
        # The head, its scripts, and text selectors (a meta's content, too) see the whole page.
        selected = {
            name: _selected_text(page, getattr(sel, name))
            for name in ("title", "source", "published_at")
        }
        return _read_head(page, url), selected

    root, found = parse_clean(text, body=raw, encoding=article.encoding, ids=ids, read=read)
    if root is None:
        return
    head, selected = found
    base = head.base or url
    zone = zone_for(url, timezone, root.get("lang") or root.get("xml:lang"), head.title)
    lay = layout(root)
    view = None
    if model is not None:
        view = PageView(model, lay.lines, head.title)
        article.features = view.features
    _label_value_rows(lay)  # (after the features: a model learns the page's lines as printed)

    headings = _heading_candidates(root)  # (one walk for the title and the body's search)
    # Body container first: it bounds where the info line and the title can be.
    explain = article.explain
    container = _body_container(root, lay, head, headings, sel, view, explain)
    body_start, body_end = lay.spans.get(container, (len(lay.lines), len(lay.lines)))

    title = selected["title"] or None
    title_el = None
    if title:
        explain["title"] = "site selector"
    else:
        pick = _pick_title(root, lay, head, body_start, body_end, headings)
        title, title_el = pick.text, pick.element
        explain["title"] = pick.rule
        article.title_variant = pick.variant
    title_line = _title_line(lay, title, title_el, body_start)

    body_lines, body_stop = _body_lines(lay, body_start, body_end, title)
    if view is not None:
        body_lines = view.body(body_lines, lay.table, lay.link_chars, explain)
    article.body = _join_body(lay, body_lines)

    meta_date, meta_rule = _meta_date(head, text)
    visible, visible_rank, visible_rule = _shown_date(
        lay, head, selected["published_at"], title_line, body_start, body_stop, title
    )
    published = _set_published(
        article, url, zone, (visible, visible_rank, visible_rule), (meta_date, meta_rule)
    )

    if published is None and not sel.title and not _meta_title(head) and head.title.strip():
        # Not an article (a program page, a dashboard): the document title is its name.
        # (Whole, as the page names itself: there is no article heading to tell the site's part.)
        title = _clean_raw_title(head.title)
        explain["title"] = "<title> of a page without a date"
        article.title_variant = None
    article.title = title or None
    if view is not None:
        article.title = view.title(article.title, explain)

    article.source = _source(
        root, lay, head, selected["source"], title_line, body_start, body_stop, view, explain
    )
    _set_breadcrumb_and_column(article, root, base, sel, lay, head, title, title_line)
    article.attachments = _attachments(container, base)
    article.next_pages = _next_pages(root, head, container, url, base)


def _body_container(
    root, lay: Layout, head: _Head, headings, sel: Selectors, view, explain: dict
) -> etree._Element | None:
    """The element holding the article's text: the site selector's, a CMS's container, or the
    densest text block (inside a generic container such as a bare <article>)."""
    container = None
    picked = _select(root, sel.body)
    if picked and isinstance(picked[0], etree._Element):
        container = picked[0]
        explain["body"] = "site selector"
    if container is None:
        container = _cms_body(root, lay)
        if container is not None:
            explain["body"] = f"CMS container {_describe(container)}"
    if container is None or _container_rank(container) == _GENERIC_RANK:
        densest = _density_body(
            root,
            lay,
            _line_owners(lay),
            view.template if view is not None else None,
            _title_heading_line(root, lay, head, headings),
        )
        if container is None:
            container = densest
            if container is not None:
                explain["body"] = f"densest text block {_describe(container)}"
        elif densest is not None and any(a is container for a in densest.iterancestors()):
            # A bare <article> also holds the heading, the byline and the contact block: the
            # text is its densest part.
            explain["body"] = f"densest text block {_describe(densest)} in {_describe(container)}"
            container = densest
    return container


def _meta_date(head: _Head, text: str) -> tuple:
    """(date, rule) of the publication date the page's metadata gives: a meta tag, JSON-LD, a
    datePublished element, or a CMS's hidden field."""
    meta_date, meta_rule = None, ""
    for name in _META_DATE:
        if head.meta.get(name):
            meta_date = parse_date(head.meta[name])
            if meta_date:
                meta_rule = f"meta {name}"
                break
    if meta_date is None and head.jsonld.get("datePublished"):
        meta_date, meta_rule = (
            parse_date(str(head.jsonld["datePublished"])),
            "JSON-LD datePublished",
        )
    if meta_date is None and head.time_published:
        meta_date, meta_rule = parse_date(head.time_published), "datePublished element"
    if meta_date is None:
        meta_date, meta_rule = _hidden_cms_date(text)
    return meta_date, meta_rule


def _shown_date(
    lay: Layout,
    head: _Head,
    sel_date: str | None,
    title_line: int,
    body_start: int,
    body_stop: int,
    title: str | None,
) -> tuple:
    """(date, rank, rule) of the publication date a reader sees on the page."""
    visible, visible_rank, visible_rule = None, 9, ""
    if sel_date:
        visible, visible_rank, visible_rule = parse_date(sel_date), 0, "site selector"
    if visible is None:
        visible, visible_rank, visible_rule = _visible_date(
            lay, title_line, body_start, body_stop, title
        )
    if visible is None and head.written_date:
        visible, visible_rank, visible_rule = (
            parse_date(head.written_date),
            0,
            "labelled date an inline script writes",
        )
    return visible, visible_rank, visible_rule


def _set_published(article: Article, url: str, zone, shown: tuple, meta: tuple):
    """Sets the article's ``published_at`` (and ``published_at_meta`` when the metadata says
    otherwise) from the shown date, the metadata's and the URL's; returns the date taken."""
    visible, visible_rank, visible_rule = shown
    meta_date, meta_rule = meta
    explain = article.explain
    published = _merge_dates(visible, visible_rank, meta_date)
    if published is None:
        published = date_from_url(url)
        explain["published_at"] = "URL date" if published else "none found"
    elif published is visible:
        explain["published_at"] = visible_rule
    elif visible is not None and published.day == visible.day:
        explain["published_at"] = f"{visible_rule} (time from {meta_rule})"
    else:
        explain["published_at"] = meta_rule
    article.published_at = published.iso(zone) if published else None
    if meta_date is not None and published is not None:
        meta_date = _drop_midnight(meta_date)
        meta_iso = meta_date.iso(zone)
        if meta_iso != article.published_at and (
            meta_date.day != published.day
            or meta_date.has_time != published.has_time
            or published.has_time
        ):
            article.published_at_meta = meta_iso
    return published


def _source(
    root,
    lay: Layout,
    head: _Head,
    sel_source: str | None,
    title_line: int,
    body_start: int,
    body_stop: int,
    view,
    explain: dict,
) -> str | None:
    """The article's source (来源, the issuing office): the site selector's, else found on the page."""
    source = sel_source or None
    if source:
        explain["source"] = "site selector"
    else:
        source, explain["source"] = _find_source(
            lay, head, title_line, body_start, body_stop, lambda: _site_names(root, lay, head), root
        )
        if view is not None:
            # The article's own part of the page: its 信息公开 table, title, info line and text.
            source = view.source(source, lay.lines, title_line - 40, body_stop, explain)
    return source


def _set_breadcrumb_and_column(
    article: Article,
    root,
    base: str,
    sel: Selectors,
    lay: Layout,
    head: _Head,
    title: str | None,
    title_line: int,
) -> None:
    selected = [c for c in _select(root, sel.breadcrumb) if isinstance(c, etree._Element)][:1]
    crumbs, crumb_links = find_breadcrumb(
        root, base, selected=selected, lay=lay, title=title, title_line=title_line
    )
    article.breadcrumb = crumbs
    article.breadcrumb_links = crumb_links
    explain = article.explain
    if crumbs:
        explain["breadcrumb"] = "site selector" if selected else "breadcrumb trail"
    column = None
    for name in reversed(crumbs):
        if name not in ("正文", "详情", "内容", "正文内容", "详细内容", "文章内容") and squash(
            name
        ) != squash(title):
            column = name
            explain["column"] = "last crumb before the article"
            break
    if column is None and head.meta.get("columnname"):
        column = head.meta["columnname"]
        explain["column"] = "meta ColumnName"
    article.column = column or None


def _title_line(lay: Layout, title: str | None, title_el, body_start: int) -> int:
    if title_el is not None and title_el in lay.spans:
        start, end = lay.spans[title_el]
        if end > start:
            return end - 1
    if title:
        sq = squash(title)[:30]
        if sq:
            for i, line in enumerate(lay.lines):
                if sq in squash(line) and len(line) < len(title) * 2 + 20:
                    return i
    return max(body_start - 1, 0)


def _scan_dates(lay: Layout, start, end, labelled_only=False) -> list[_DateCandidate]:
    out = []
    lines = lay.lines
    for i in range(max(start, 0), min(end, len(lines))):
        for cand in _line_dates(lines, i):
            # An unlabelled date in a data table is a figure's date (a dashboard's day), not the page's.
            if (not labelled_only and lay.table[i] < 0) or cand.rank < 5:
                out.append(cand)
    return out


def _visible_date(
    lay: Layout, title_line: int, body_start: int, body_end: int, title: str | None = None
) -> tuple[FoundDate | None, int, str]:
    """The date the page prints, its rank (see :class:`_DateCandidate`) and the rule that found it."""
    lines = lay.lines
    head_end = body_start if body_start > title_line else min(title_line + 8, len(lines))
    # The info line sits between the title and the body; 信息公开 tables may sit above the title.
    near = [
        c
        for c in _scan_dates(lay, title_line + 1, min(head_end, title_line + 16))
        if c.rank < 5 or len(lines[c.line]) < 80
    ]
    table = [c for c in _scan_dates(lay, title_line - 40, title_line + 1) if c.rank != 4]
    labelled = [c for c in near + table if c.rank < 4]
    if labelled:
        best = min(labelled, key=lambda c: (c.rank, abs(c.line - title_line)))
        where = "line" if best in near else "row above the title"
        return best.found, best.rank, f"labelled {best.label} {where}"
    unlabelled = [c for c in near if c.rank == 5]
    if unlabelled:
        return unlabelled[0].found, 5, "unlabelled date under the title"
    # A date set in the heading's own line after the title (<h1>标题<span>2024-07-12</span></h1>).
    if title and 0 <= title_line < len(lines):
        line, title_sq = lines[title_line], squash(title)
        if squash(line).startswith(title_sq) and len(line) <= len(title) + 40:
            tail = [
                c
                for c in _line_dates(lines, title_line)
                if c.rank in (0, 1, 5) and squash(line[: c.found.start]) == title_sq
            ]
            if tail:
                return tail[0].found, tail[0].rank, "date beside the title"
    if near:
        return near[0].found, 4, f"labelled {near[0].label} line (the only date it shows)"
    # A template that prints the date just above the heading ("2024-04-10 环境质量").
    above = [
        c
        for c in _scan_dates(lay, title_line - 2, title_line)
        if c.rank == 5 and len(lines[c.line]) <= 40 and not _TOP_BAR_CLOCK.search(lines[c.line])
    ]
    if above:
        return above[-1].found, 5, "unlabelled date above the title"
    # Dates printed after the body: "Ends/Friday, January 3, 2020 … Issued at HKT 18:30".
    tail = _scan_dates(lay, body_end, body_end + 6) + _scan_dates(lay, body_end - 3, body_end)
    tail = [c for c in tail if c.rank != 4]
    if tail:
        cand = min(tail, key=lambda c: (c.rank, abs(c.line - body_end)))
        found = cand.found
        if not found.has_time:
            for i in range(cand.line, min(cand.line + 3, len(lines))):
                if re.search(r"Issued at|发布时间|時間", lines[i]):
                    hm = find_time(lines[i])
                    if hm:
                        found = FoundDate(found.start, found.end, found.day, hm[0], hm[1])
                        break
        return found, cand.rank + 1, "date after the body"
    # A body container that also holds the release's info block (Contact…, Release Date: …).
    top = _scan_dates(lay, body_start, min(body_start + 8, body_end), labelled_only=True)
    top = [c for c in top if c.rank < 2 and len(lines[c.line]) < 80]
    if top:
        return top[0].found, top[0].rank, f"labelled {top[0].label} atop the body"
    first = _scan_dates(lay, body_start, min(body_start + 2, body_end))
    if first:
        return first[0].found, 7, "date atop the body"
    return None, 9, ""


# Publishing systems that write a page's properties into an HTML comment (TRS/"enpproperty" blocks:
# <!--enpproperty <articleid>…</articleid><date>2023-12-01 14:43:00:0</date>…-->).
_COMMENT_DATE = re.compile(
    r"<(date|pubdate|publishdate|publishtime|pubtime|releasedate|releasetime|docreltime|fbsj|fbrq|publish_?date|publish_?time)>"
    r"\s*([^<>]{6,40}?)\s*</\1>",
    re.I,
)


def _hidden_cms_date(text: str) -> tuple[FoundDate | None, str]:
    """A date the CMS left in a comment block (never shown); a fallback behind printed and meta dates."""
    if "<!--" not in text:
        return None, ""
    for match in _COMMENT_DATE.finditer(text, 0, MAX_HTML_CHARS):
        pos = match.start()
        if text.rfind("<!--", 0, pos) > text.rfind("-->", 0, pos):
            found = parse_date(match.group(2))
            if found is not None:
                return found, f"CMS comment <{match.group(1).lower()}>"
    return None, ""


def _drop_midnight(found: FoundDate) -> FoundDate:
    # CMSs that store dates only write "00:00:00" as the time: that is no time at all.
    if found.has_time and found.hour == 0 and found.minute == 0 and not found.second:
        return FoundDate(found.start, found.end, found.day)
    return found


def _merge_dates(visible: FoundDate | None, rank: int, meta: FoundDate | None) -> FoundDate | None:
    if meta is not None:
        meta = _drop_midnight(meta)
    if visible is None:
        return meta
    if meta is None:
        return visible
    if visible.day == meta.day:
        return visible if visible.has_time or not meta.has_time else visible.with_time(meta)
    # A labelled visible date (发布日期) is what archivists cite; an unlabelled one may be a sidebar.
    return visible if rank <= 2 else meta


_SOURCE_MARK = re.compile(
    r"(?:^|[\s_-])(?:source|laiyuan|from|media-?name)(?:$|[\s_-])|^(?:source|ly)$", re.I
)


def _source_element(root, lay: Layout, title_line: int, head_end: int) -> str | None:
    """The text of an element marked as the source (class/id ``source``…, or a link classed
    ``author``: a media account) on the lines between the title and the body."""
    if root is None or head_end - title_line > 16:
        return None
    blocks = [
        el
        for el, (start, end) in lay.spans.items()
        if title_line < start and end <= head_end and end - start <= 2
    ]
    seen = set()
    for block in blocks[:40]:
        for el in islice(block.iter(), 200):
            if el in seen or not isinstance(el.tag, str):
                continue
            seen.add(el)
            names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
            if not names or not (
                _SOURCE_MARK.search(names) or (el.tag == "a" and "author" in names.lower())
            ):
                continue
            text = _SOURCE_LABEL.sub("", element_text(el), count=1).strip(" :：|")
            if 2 <= len(text) <= 30 and not find_dates(text, 1) and not _INFO_LABELS.search(text):
                return _CJK_GAP.sub("", text)
    return None


def _find_source(
    lay: Layout,
    head: _Head,
    title_line: int,
    body_start: int,
    body_stop: int,
    site_names,
    root=None,
) -> tuple[str | None, str]:
    """The source and the rule that found it; ``site_names()`` lists what the page calls its site."""
    lines = lay.lines
    head_end = body_start if body_start > title_line else min(title_line + 8, len(lines))
    info = range(title_line + 1, min(head_end, title_line + 16))
    # On 信息公开 pages the metadata table's publisher (发布机构/发文机关/责任部门) is the source.
    table = range(max(title_line - 40, 0), min(head_end, title_line + 16))
    publishers = []
    for i in table:
        kind, value = _labelled_source(lines, i)
        if kind == 2 and value:
            publishers.append((abs(i - title_line), value))
    if publishers:
        return min(publishers)[1], "publisher row of the 信息公开 table"
    for zone, rule in (
        (info, "labelled 来源 in the info line"),
        (range(max(title_line - 2, 0), title_line + 1), "labelled 来源 above the title"),
    ):
        for i in zone:
            if 0 <= i < len(lines):
                kind, value = _labelled_source(lines, i)
                if kind:
                    return value, rule if value else "empty 来源 label"

    # A portal's info line names its source without a label, in an element named for it
    # (<a class="source">经济日报</a>, a media account's <a class="author">).
    marked = _source_element(root, lay, title_line, head_end)
    if marked:
        return marked, "unlabelled source element in the info line"

    # A credit line closing the article's text ("（来源：县融媒体中心）") is printed by the article
    # itself, even when it names the site's own newsroom.
    for i in range(body_stop - 1, max(body_stop - 3, title_line, -1), -1):
        if len(lines[i]) <= 60 and _CREDIT_LINE.match(lines[i]):
            kind, value = _labelled_source(lines, i)
            if kind and value:
                return value, "labelled 来源 closing the body"

    def own_name(value: str) -> bool:
        # Unprinted "sources" that only name the site itself (a CMS default) are no source.
        sq = squash(value)
        return any(sq == squash(name) for name in site_names())

    for name in _META_SOURCE:
        if head.meta.get(name):
            value = re.sub(r"^\s*(?:来源|來源|Source)\s*[:：]\s*", "", head.meta[name]).strip()
            if value and not own_name(value):
                return value, f"meta {name}"
    for i in range(body_stop, min(body_stop + 8, len(lines))):
        if _footer_line(lines[i]) or _SITE_FOOTER_MARK.search(lines[i]):
            continue  # the site's footer ("网站主办：… 信息来源：…") names no article's source
        kind, value = _labelled_source(lines, i)
        if kind and value and not own_name(value):
            return value, "labelled 来源 after the body"
    return None, "none printed"


# --- breadcrumb, attachments, further pages ---------------------------------------------------


def _absolute(base: str, href: str) -> str | None:
    try:
        return urljoin(base, href)
    except ValueError:  # malformed hosts such as "http://[x"
        return None


def _attachments(container, base: str) -> list[dict]:
    if container is None:
        return []
    scopes = [container]
    # 附件 blocks usually follow the body container as siblings.
    sib = container.getnext()
    for _ in range(4):
        if sib is None:
            break
        scopes.append(sib)
        sib = sib.getnext()
    seen, out = set(), []
    for scope in scopes:
        for a in scope.iter("a"):
            href = (a.get("href") or "").strip()
            # (A JSP site's links carry the session in the path: zyzb.xls;jsessionid=…)
            path = href.split("#", 1)[0].split("?", 1)[0].split(";", 1)[0]
            if not href or not ATTACHMENT_PATH.search(path):
                continue
            absolute = _absolute(base, href)
            if absolute is None or absolute in seen:
                continue
            seen.add(absolute)
            name = element_text(a) or a.get("title") or absolute.rsplit("/", 1)[-1]
            out.append({"url": absolute, "name": name})
    return out


_PAGE_NO = re.compile(r"^(.*?)(?:[_-](\d{1,3}))?(\.[a-z]+)$", re.I)


def _next_pages(root, head: _Head, container, url: str, base: str) -> list[str]:
    pages: list[str] = []
    for match, parent in head.page_scripts:
        if container is not None and parent is not None:
            inside = parent is container or any(p is container for p in parent.iterancestors())
            near = container.getparent() is not None and any(
                p is container.getparent() for p in parent.iterancestors()
            )
            if not (inside or near or parent is container.getparent()):
                continue
        total, current, prefix, suffix = int(match[1]), int(match[2]), match[3], match[4]
        for n in range(current + 1, min(total, 200)):
            target = _absolute(base, f"{prefix}_{n}.{suffix}")
            if target:
                pages.append(target)
    if pages:
        return pages
    path = urlsplit(url).path if url else ""
    m = _PAGE_NO.match(path.rsplit("/", 1)[-1])
    if not m:
        return []
    stem, current = m.group(1), int(m.group(2) or 1)
    numbered = {}
    for a in root.iter("a"):
        text = "".join(a.itertext()) if len(a) else (a.text or "")
        if len(text) > 20 or not text.strip("【】[]() \t\r\n\xa0").isdigit():
            continue
        href = (a.get("href") or "").strip()
        target = _absolute(base, href)
        if target is None:
            continue
        tm = _PAGE_NO.match(urlsplit(target).path.rsplit("/", 1)[-1])
        if not tm or tm.group(1) != stem:
            continue
        n = int(tm.group(2) or 1)
        if n > current and n not in numbered:
            numbered[n] = target
    return [numbered[n] for n in sorted(numbered)]
