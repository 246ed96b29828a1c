"""The article's title: visible heading candidates weighed against ``<title>`` and ``<meta>``,
with the site's name and other affixes stripped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from lxml import etree

from ..dates import find_dates
from ..text import (
    BLOCK_TAGS,
    CELL_SEP,
    Layout,
    Marks,
    all_text,
    css_rules,
    element_text,
    fold,
    join_lines,
    marked_elements,
    squash,
    text_with_breaks,
)
from .head import META_TITLE, Head
from .patterns import (
    DIGITS,
    EN_INFO_LINE,
    FURNITURE_LINE,
    INFO_LINE,
    MINISTRY_NAME,
    SENTENCE_END,
    spaced_labels,
)

_TITLE_SEPARATORS = re.compile(
    r"\s*(?:_{1,2}|\|{1,2}|｜|\s-{1,2}\s|-{2,}|\s–\s|\s—\s|－{1,2}|\s[·•/]\s|\s[>»›]\s|>{2,})\s*"
)
# Every separator a <title> puts between the article and the site or column (a part is only dropped
# when it names the site, so the wider set is safe): also 丨, dashes without spaces (not one between
# digits: 1—4月, 2024—2035年), space runs, and marks no title holds (→, ★, ━, ＿; not a bare dot:
# 中国·东盟, 市委·市政府).
_AFFIX_SEPARATORS = re.compile(
    r"(\s*(?:_{1,2}|\|{1,2}|｜|丨|\s-{1,2}\s|-{2,}|(?<!\d)[–—]{1,2}|[–—]{1,2}(?!\d)|―{1,2}|－{1,2}|\s[·•/]\s|:{2,}|\s>\s|>{2,}|»"
    r"|[→★☆◆◇■□●○▶►━＞]+|＿{1,2})\s*|[ \t\xa0]{2,}|\u3000+"
    r"|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff]))"
)
# A site's name in brackets before or after the title: 【某某县人民政府】, [某某县], （某某网）.
_BRACKETED_AFFIX = re.compile(
    r"^\s*[【\[［]([^】\]］]{2,30})[】\]］]\s*(?=\S)|(?<=\S)\s*[【\[（(［]([^】\]）)］]{2,30})[】\]）)］]\s*$"
)
_DECORATION = ":：|｜-_·•*~=#>»<«"
_WELCOME = re.compile(r"^(?:欢迎(?:您)?(?:访问|登录|来到|光临)|歡迎(?:訪問|光臨))")
# A government media brand: 平阳发布, 上海发布; a place's brand: 中国·平阳, 大美平阳, e线平阳.
_MEDIA_BRAND = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,5}发布|(?:中国[·•・]|大美|魅力|掌上|e线|E线)[\u4e00-\u9fff]{2,4})$"
)
# A page-kind name a template puts in every <title> (标题-详细信息, 标题-新闻详情, 详情页 - 标题).
_PAGE_KIND = re.compile(
    r"^(?:详细信息|详细内容|内容页|正文|详情页?|文章页|(?:文章|新闻|信息|信件|内容|稿件|公告|政策)(?:详情|正文)|"
    r"詳細資訊|內容頁|(?:新聞|文章)詳情)$"
)
_SITE_LIKE = re.compile(
    r"(?:人民政府|人民政府网|政府网|政府网站|门户网站|门户网|门户|网站|官网|官方网站|委员会|人大|政协|"
    r"[局厅委办署院所部站网]|办公室|中心|Portal|Government|gov\.cn|"
    r"之窗|在线|[日晚]报|政府公报|报社|电视台|办事处|工会|联合会|[协学商]会|[县市区省镇乡]政府|平台|融媒|新闻|"
    r"欢迎您|首页|"
    # (Traditional: 全球資訊網, 政府網站, 委員會, 辦公室.)
    r"[網廳辦]|門戶|委員會|[縣市]議會|[縣市]政府)$",
    re.I,
)
# An English site's name: "Department of …", "… City Council", "US EPA", "westhaven.gov.au".
_SITE_LIKE_EN = re.compile(
    r"(?:the\s+)?(?:U\.?S\.?\s+)?(?:Department|Ministry|Office|City|County|State|Government|"
    r"Province|Region|Town|Borough|Shire|Municipality|Premier|Governor|Mayor|Minister)\s+(?:of|for)\b.*"
    r"|.*\b(?:Agency|Department|Ministry|Office|Council|Commission|Authority|Bureau|Administration|"
    r"Police|Service|Government|Portal|Parliament|Assembly|Senate|Newsroom|County)"
    r"|(?:www\.)?(?:[\w-]+\.)+(?:gov|govt|gouv|gob|gc|go|gv)(?:\.[a-z]{2})?",
    re.I,
)
_ACRONYM = re.compile(r"[A-Z][A-Z.]{1,9}(?:\s+[A-Z][A-Z.]{1,9})?")
_HEADING_HINT = re.compile(r"title|headline|biaoti|article-?h|news_?h|detail-?h", re.I)
# A class naming its element the title in a pinyin abbreviation (标题: bt, tit), with a prefix and
# a number a template adds (xxgk_bt2, wzbt01, bt-1, xl_tit1); not a list's or menu's box heading
# (lmbt 栏目标题, xxgk_lbt, side-tit, list_tit, nav_bt), nor a button (btn).
_PINYIN_HINT = re.compile(r"(?:bt|tit)(?:[-_]?\d{1,2})?\b", re.I)
_BOX_HINT = re.compile(r"list|nav|menu|side|left|right|lanmu|lm|more|tab|lb", re.I)


def _heading_hint(el) -> bool:
    """The element's class or id names it a title."""
    named = (el.get("class") or "") + " " + (el.get("id") or "")
    if _HEADING_HINT.search(named):
        return True
    if not _PINYIN_HINT.search(named):
        return False
    return any(_PINYIN_HINT.search(t) and not _BOX_HINT.search(t) for t in named.split())


_HEADING_TAGS = frozenset(["div", "p", "span", "td", "strong", "b", "font"])
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff0-9])\u3000+(?=[\u3400-\u9fff0-9])")
# Markup a CMS wrote into <title> or a meta value (shown raw there): real HTML tag names only, so
# text that merely looks like a tag (关于<先进>单位, "Rates <b>fall" as printed) is kept.
_MARKUP = re.compile(
    r"</?(?:b|i|u|s|em|strong|span|font|br|p|a|sup|sub|div|img|h[1-6])(?:\s[^<>]*)?/?>", re.I
)
# A heading candidate that is really the info line (来源：… 发布时间：… 分享到…).
INFO_LABELS = re.compile(
    r"(?:发布时间|發布時間|发布日期|發布日期|发布者|访问量|"
    + spaced_labels(
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


# A bullet before a heading (◆ 标题) and a label naming it (标题：…, 文章标题：…) are not the title.
_HEADING_MARKS = re.compile(
    r"^(?:[◆◇■□●○★☆▶►▷•·※→\s]+|(?:文章|信息|新闻|公告)?(?:标\s*题|题\s*目|名\s*称)\s*[:：]\s*)"
)


# An info line without labels: a dashed date (or a date with its time) and a few words
# (2024-03-05 10:21 县农业农村局, 县农业农村局 | 2024-03-05 | 阅读 128).
_SHOWN_DATE = re.compile(
    r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
)


def _unlabelled_info(text: str) -> bool:
    match = _SHOWN_DATE.search(text)
    if match is None:
        return False
    rest = squash(text[: match.start()] + text[match.end() :])
    return len(re.sub(r"[|｜/·•\-—_:：\d]", "", rest)) <= 16


def _without_info_tail(text: str) -> str:
    """A heading's text without the info line its element also holds after a space
    (``关于…的通知　发布时间：2024-03-05``): the title is what comes before the label."""
    match = INFO_LABELS.search(text)
    if match is None or match.start() < 6 or not text[match.start() - 1].isspace():
        return text
    head, tail = text[: match.start()].strip(), text[match.start() :]
    return head if find_dates(tail, 1) and not INFO_LABELS.search(head) else text


def _bare_heading(text: str) -> str:
    bare = _HEADING_MARKS.sub("", text, count=1)
    return bare if len(bare) >= 4 else text


def _clean_title(text: str) -> str:
    """A visible heading's text: entities are already decoded, so nothing in it is markup."""
    return fold(_CJK_SPACE.sub("", text))


def clean_raw_title(text: str) -> str:
    """A <title> or meta value: drop real tags a CMS left in it."""
    return _clean_title(_MARKUP.sub("", text))


_KICKER = re.compile(
    r"eyebrow|kicker|overline|label|category|badge|context|caption|type"
    # A mobile template's tag word before the heading's text (<span class="tag">社区</span>…).
    r"|(?<![a-z])(?:tag|biaoqian)(?![a-z])",
    re.I,
)


_RELEASE_KIND = re.compile(
    r"(?:(?:joint\s+)?(?:press|news|media)\s+(?:release|statement|advisory)|statement|media\s+advisory"
    r"|for\s+immediate\s+release|readout|fact\s+sheet|speech|transcript|op-ed|news)"
    r"(?:\s*[:：|–—-])?",
    re.I,
)


# A minister named over a release's heading (``<h2>The Hon. A B MP</h2><p>Minister for X</p>``
# over its ``<h1>``, and a minister's site's <title>): the release's author, never its title. Names
# in capitals only, so that a headline (``Minister for Housing opens new homes``) is none.
_ONE_MINISTER = (
    r"(?:(?:The\s+)?(?:Rt\.?\s+Hon\.?|Right\s+Honourable|Hon\.?|Senator(?:\s+the\s+Hon\.?)?)\s+)?"
    r"(?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:MP|MSP|MS|MLA|MLC|MHA|MHK|TD|KC|QC)"
    r"|(?:The\s+)?(?:Rt\.?\s+Hon\.?|Right\s+Honourable|Hon\.?|Senator(?:\s+the\s+Hon\.?)?)"
    r"(?:\s+[A-Z][\w.'’-]*){1,4}"
    r"|(?:(?:Deputy|Assistant|Acting|Associate|Prime|First)\s+)?"
    r"(?:Minister|Secretary|Premier|Treasurer|Attorney[- ]General)"
    r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|&|the|of|for)\s+)*[A-Z][\w'’-]*)*)?"
)
_MINISTERS = re.compile(
    rf"(?:{_ONE_MINISTER})(?:\s*(?:[;,|/·•–—-]|\band\b)\s*(?:{_ONE_MINISTER}))*\.?"
)


def names_ministers(text: str) -> bool:
    """``text`` only names ministers, by name or by portfolio (``The Hon. A B MP``,
    ``Minister for Transport; Minister for Ports``)."""
    return not _HAN.search(text) and bool(_MINISTERS.fullmatch(fold(text)))


def _heading_text(el) -> str:
    """A heading's text without a child that is only its date (<h1>标题<span>2024-07-12</span></h1>),
    the info line a template sets inside it (<h1>标题<span>来源：… 发布时间：…</span></h1>) or a
    kicker naming the kind of page (<h1><span class="eyebrow">News Release</span> …</h1>)."""
    text = text_with_breaks(el)
    # (Inline, on the heading's one line: an info line the heading breaks onto a line of its own
    # is that line, read apart.)
    for child in el if el.find(".//br") is None else ():
        if isinstance(child.tag, str) and child.tag in ("span", "small", "em", "font"):
            info = element_text(child)
            if info and INFO_LABELS.search(info) and info in text:
                rest = text.replace(info, " ", 1)
                if len(squash(rest)) >= 4 and not INFO_LABELS.search(rest):
                    return rest
    for child in el:
        if (
            isinstance(child.tag, str)
            and child.tag in ("span", "small", "em", "strong", "div", "p")
            and _KICKER.search(child.get("class") or "")
        ):
            kicker = element_text(child)
            if kicker and len(kicker) <= 30 and len(kicker) < len(text) / 2 and kicker in text:
                return text.replace(kicker, " ", 1)
    # A kind of release the template sets in its own element opening the heading, whatever its
    # class (<h1><small>Press Release</small><br>…</h1>, <em>FOR IMMEDIATE RELEASE</em>).
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is not None and first.tag != "br" and not (el.text or "").strip():
        kind = element_text(first)
        if _RELEASE_KIND.fullmatch(kind) and text.startswith(kind):
            rest = text[len(kind) :].strip()
            if len(_LATIN_WORD.findall(rest)) >= 3:
                return rest
    # A 引题 or 副题 its markup names inside the heading's one line
    # (<h1><span class="pre-title">…</span><span class="main-title">…</span></h1>).
    named = [
        child
        for child in islice(el, 6)
        if isinstance(child.tag, str) and _PRE_OR_SUB.search(child.get("class") or "")
    ]
    if named and el.find(".//br") is None:
        rest = text
        for child in named:
            part = element_text(child)
            rest = rest.replace(part, " ", 1) if part else rest
        if len(squash(rest)) >= 6:
            return rest
    if len(el) and DIGITS.search(text):
        for child in el:
            if isinstance(child.tag, str) and child.tag not in _DATE_CHILD_BLOCKERS:
                value = element_text(child)
                dates = find_dates(value, 2) if value else []
                if len(dates) == 1 and len(squash(value)) <= dates[0].end - dates[0].start + 4:
                    kept = text.replace(value, " ", 1) if value in text else text
                    return kept
    return text


_DATE_CHILD_BLOCKERS = frozenset(["br"])


_STYLED = etree.XPath("//body//*[@style]")
_CSS_SIZE = re.compile(r"font-size\s*:\s*(?:(\d+(?:\.\d+)?)\s*(px|pt|r?em)|(xx?-large))", re.I)
_CSS_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
# The last step of a selector, when it names the element by class or id: "td.bt", ".detail .tit".
_CSS_TARGET = re.compile(r"(?:^|[\s>+~])([a-z][a-z0-9]*)?((?:[.#][\w-]+)+)\s*$", re.I)


def _font_size(declarations: str) -> tuple[float, str] | None:
    """(size in px, the unit it was given in) of a declaration block's font size, or None."""
    match = _CSS_SIZE.search(declarations)
    if match is None:
        return None
    if match.group(3):
        return (32.0 if match.group(3).lower().startswith("xx") else 24.0), "keyword"
    value, unit = float(match.group(1)), match.group(2).lower()
    return value * {"px": 1.0, "pt": 4 / 3}.get(unit, 16.0), unit


def _heading_size(declarations: str, inline: bool = False) -> bool:
    """A font size only headings are set in. By the page's CSS: 20px (15pt, 1.5em) and up, or
    18px (13.5pt, 1.25em) in bold — an article's text is 14–16px. Inline, where a Word paste
    sizes an official document's text up to 16pt (三号): 22px or 18pt up to 49px or 36pt, or a
    web template's bold 18px and up."""
    found = _font_size(declarations)
    if found is None:
        return False
    size, unit = found
    if unit == "keyword":
        return True
    bold = bool(_CSS_BOLD.search(declarations))
    if inline:
        if unit == "pt":
            return 24 <= size < 37 * 4 / 3
        return unit == "px" and (22 <= size < 50 or (18 <= size < 22 and bold))
    return size >= 20 or (size >= 18 and bold)


@lru_cache(maxsize=4)  # (a page's candidates and its stacked headings read the same CSS)
def _sized_selectors(styles: str) -> dict[str, float]:
    """The classes (".tit") and ids ("#title") the page's own CSS sets in a heading's size, with
    that size in px (read only: the dict is shared)."""
    found: dict[str, float] = {}
    for _, selectors, declarations in css_rules(styles or ""):
        if "font-size" not in declarations or not _heading_size(declarations):
            continue
        size = _font_size(declarations)[0]
        for selector in selectors.split(","):
            target = _CSS_TARGET.search(selector.strip())
            if target and (target.group(1) or "div").lower() in _HEADING_TAGS:
                for name in re.findall(r"[.#][\w-]+", target.group(2)):
                    found[name] = max(size, found.get(name, 0.0))
    return found


def heading_selectors(styles: str) -> frozenset[str]:
    """Classes (".tit") and ids ("#title") the page's own CSS sets in a heading's size: a
    template may size its heading by a class alone (``<div class="STYLE1">``, no ``<h1>``)."""
    return frozenset(_sized_selectors(styles))


# A browser's default sizes for headings set in no size of the page's own.
_HEADING_PX = {"h1": 32.0, "h2": 24.0, "h3": 18.7, "h4": 16.0, "h5": 13.3, "h6": 10.7}


def _set_size(el, sized: dict[str, float]) -> float:
    """The size (px) a heading candidate is set in: its own or a child's inline size, a size the
    page's CSS gives its class or id, else a heading tag's default."""
    for node in islice(el.iter(), 4):
        if not isinstance(node.tag, str):
            continue
        found = _font_size(node.get("style") or "")
        if found is not None:
            return found[0]
        names = ["." + c for c in (node.get("class") or "").split()]
        if node.get("id"):
            names.append("#" + node.get("id"))
        sizes = [sized[n] for n in names if n in sized]
        if sizes:
            return max(sizes)
    return _HEADING_PX.get(el.tag, 0.0)


def _styled_by(el, selectors: frozenset[str]) -> bool:
    names = {"." + c for c in (el.get("class") or "").split()}
    if el.get("id"):
        names.add("#" + el.get("id"))
    return not names.isdisjoint(selectors)


def _block_showing(el):
    """The block an inline heading (a styled <span>, <font>) is the whole text of, else ``el``."""
    if el.tag in BLOCK_TAGS:
        return el
    text = squash(element_text(el))
    block = el.getparent()
    for _ in range(3):
        if block is None:
            break
        if block.tag in BLOCK_TAGS:
            return block if squash(element_text(block)) == text else el
        block = block.getparent()
    return el


_MORE = re.compile(r"(?:更多|更多内容|查看更多|more|view all)\s*[>»+›]*|[>»+›]{2}", re.I)


def _box_heading(el) -> bool:
    """A box's heading with its 更多>> / More link (热点推荐 更多>>): a sidebar's, never a title."""
    return any(_MORE.fullmatch(fold(all_text(a))) for a in islice(el.iter("a"), 3))


def heading_candidates(root, head: Head | None = None) -> list[tuple[str, object, int]]:
    out = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        out.append((el, 0 if el.tag == "h1" else 1))
    sized = heading_selectors(head.styles) if head is not None else frozenset()
    # (The tags walked in C: an XPath of every element with a class or id costs four times more.)
    hinted: dict = {}  # (class, id) -> verdict: a page repeats its classes
    for el in root.iter(*_HEADING_TAGS):
        names = (el.get("class"), el.get("id"))
        if names == (None, None):
            continue
        verdict = hinted.get(names)
        if verdict is None:
            verdict = hinted[names] = _heading_hint(el) or bool(sized and _styled_by(el, sized))
        if verdict:
            out.append((_block_showing(el), 2))
    # Old templates style a paragraph as the heading: <p style="font-size:22px;font-weight:bold">.
    for el in islice(_STYLED(root), 400):
        style = el.get("style") or ""
        if el.tag in _HEADING_TAGS and _heading_size(style, inline=True):
            out.append((_block_showing(el), 2))
    found = []
    for el, rank in out[:400]:
        text = _bare_heading(_clean_title(_heading_text(el)))
        text = _without_info_tail(text)
        if text.endswith((":", "：")) or _PAGE_KIND.match(squash(text)):
            continue  # a label ("You are here:", 当前位置：) or the page's kind (信件详情), not a heading
        if (
            2 <= len(text) <= 200
            and not INFO_LABELS.search(text)
            and not _unlabelled_info(text)
            and not _box_heading(el)
        ):
            found.append((text, el, rank))
    # A record laid out as a table is titled by its first row's one header cell:
    # <tr><th colspan=2>标题</th></tr> over rows of 公告日期 | …, 资料来源 | ….
    for table in islice(root.iter("table"), 200):
        row = next(table.iter("tr"), None)
        cells = [c for c in row if isinstance(c.tag, str)] if row is not None else []
        if len(cells) == 1 and cells[0].tag == "th":
            text = _clean_title(text_with_breaks(cells[0]))
            if 6 <= len(text) <= 100 and not INFO_LABELS.search(text):
                found.append((text, cells[0], 2))
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
        text = _clean_title(text_with_breaks(el))
        if (
            6 <= len(text) <= 100
            and squash(element_text(block)) == squash(text)
            and not INFO_LABELS.search(text)
        ):
            found.append((text, block, 3))
    return found


def _lines_showing(lay: Layout, *titles: str) -> list[tuple[str, object, int]]:
    """Elements of one line of text, not a link, that show the <title>, its longest part (the
    article's; the rest name the site and column) or the meta title: a heading whatever its
    class (``div.subject``), as :func:`heading_candidates`."""
    wanted = set()
    for title in titles:
        if title:
            wanted.add(squash(title))
            wanted.add(max((squash(p) for p in _TITLE_SEPARATORS.split(title)), key=len))
            # (Before the last bare hyphen, 丨 or colon: "标题-某某县人民政府", "标题丨某某发布".)
            for sep in ("-", "丨", "：", ":"):
                wanted.add(squash(title.rpartition(sep)[0]))
    # (Without the column's tag the <title> opens with: 【图片新闻】标题-某某县人民政府.)
    wanted |= {squash(_TAG_BRACKETS.sub("", sq, count=1)) for sq in wanted}
    wanted = {sq for sq in wanted if len(sq) >= 6}
    if not wanted:
        return []
    # (A <title> cut short, 关于…的..., shows the lines it starts; not a paragraph's sentence.)
    starts = [c for c in map(_cut_short, wanted) if c]
    lines = {
        i
        for i, line in enumerate(lay.lines)
        if len(line) <= 200
        and lay.link_chars[i] * 2 < len(line)
        and (
            (sq := squash(line)) in wanted
            or any(
                sq.startswith(c)
                and len(c) < len(sq) <= 3 * len(c)
                and not SENTENCE_END.search(line)
                for c in starts
            )
        )
    }
    found: dict[int, object] = {}
    for el, (start, end) in lay.spans.items():
        if end - start == 1 and start in lines and start not in found:
            found[start] = el  # the innermost: an element's span is recorded when it closes
    return [(lay.lines[i], el, 2) for i, el in found.items()]


def _name_length(name: str) -> int:
    """The longest a site's name runs: 30 characters in Chinese, 60 in English (``Press
    Information Bureau, Government of India``)."""
    return 30 if _HAN.search(name) else 60


def names_of_site(root, lay: Layout, head: Head, marks: Marks | None = None) -> list[str]:
    """What the page calls its site: SiteName-style meta, the header's logo text, the footer's 主办/版权所有."""
    names = [head.meta[name] for name in _SITE_META if head.meta.get(name)]
    for el, value in marked_elements(root, _LOGO_WORDS, marks):
        if _LOGO_HINT.search(value):
            text = element_text(el)
            if 2 <= len(text) <= _name_length(text):
                names.append(text)
            for img in el.iter("img"):
                alt = fold(img.get("alt") or img.get("title"))
                if 2 <= len(alt) <= _name_length(alt):
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
    if _MEDIA_BRAND.match(sq) or _PAGE_KIND.match(sq):
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
    if _HAN.search(sq):
        return (
            len(sq) <= 30
            and bool(_SITE_LIKE.search(sq))
            and not SENTENCE_END.search(part.strip().strip(_DECORATION))
        )
    words = fold(part).strip(_DECORATION + " ")
    if _ACRONYM.fullmatch(words):
        return True
    # An organisation's name is short and in title case ("Westhaven City Council"); a headline
    # ending in one of its words is not ("New chair appointed to the Youth Council").
    names = _LATIN_WORD.findall(words)
    return (
        len(names) <= 6
        and all(w[0].isupper() for w in names if len(w) > 3)
        and bool(_SITE_LIKE_EN.fullmatch(words))
    )


_START_COLON = re.compile(r"^\s*([^:：]{2,30}?)\s*[:：]\s*(\S.*)$")
_END_COLON = re.compile(r"(\s*[:：]\s*)([^:：]+)$")
# The place a site is named after: 石梁 of 石梁县人民政府, 岚州 of 岚州市交通运输局.
_PLACE = re.compile(
    r"^(?:中共)?([\u4e00-\u9fff]{2,4}?)(?:特别行政区|特別行政區|自治[州县旗縣]|[省市县区州镇乡旗盟縣區鎮鄉])"
)


def _places(names_sq: list[str]) -> set[str]:
    return {m.group(1) for m in map(_PLACE.match, names_sq) if m}


def _place_brand(part: str, places: set[str]) -> bool:
    """A short brand a site forms with its place's name last (e线石梁, 今日石梁, 智慧石梁, 新石梁):
    a title's last part of a few characters, after the title's separator (a road's 石梁段 is not one)."""
    sq = squash(part).strip(_DECORATION)
    return 3 <= len(sq) <= 6 and any(sq.endswith(p) and sq != p for p in places)


_BARE_HYPHEN = re.compile(r"(?<![0-9A-Za-z])-|-(?![0-9A-Za-z])")


def _linked_on_page(part: str, lay: Layout | None) -> bool:
    """A column's name the page links (its menu, its breadcrumb): ``通知公告`` of ``通知公告-…-site``."""
    sq = squash(part)
    if lay is None or not _column_sized(part) or len(sq) < 2:
        return False
    return any(
        sq in squash(line)
        for i, line in enumerate(lay.lines[:400])
        if len(line) <= 80 and lay.link_chars[i] >= len(sq)
    )


# A periodical's issue (2025年第3期, 第3期（总第219期）): a <title>'s part, or the end of one a
# 公报's <title> names (某某市人民政府公报 2025年第3期), a column's name, not an article's title.
_ISSUE_NAME = r"第\s*\d{1,4}\s*期\s*(?:[（(]\s*总第\s*\d+\s*期\s*[)）])?"
_ISSUE_PART = re.compile(r"(?:\d{4}\s*年\s*)?" + _ISSUE_NAME)
_ISSUE = re.compile(_ISSUE_NAME + "$")


def _names_column(part: str, columns_sq: set[str]) -> bool:
    """``part`` names the page's column: its ``ColumnName`` meta, or the issue of a periodical
    (公报) the page belongs to."""
    sq = squash(part).strip(_DECORATION)
    return bool(sq) and (sq in columns_sq or bool(_ISSUE_PART.fullmatch(sq)))


def _sep_key(sep: str) -> str:
    return sep.strip() or (" " if len(sep) == 1 else "  ")


def _strip_affixes(
    title: str, names: list[str], lay: Layout | None = None, columns: tuple[str, ...] = ()
) -> tuple[str, str | None]:
    names_sq = [squash(n) for n in names if n]
    columns_sq = {squash(c) for c in columns if c}
    # The header's links (its menu, its logo) and the footer's lines; on a short page, not the
    # lines that hold the article.
    header_sq, footer_sq = set(), ""
    if lay is not None:
        header_sq = {
            squash(line)
            for i, line in enumerate(lay.lines[:12])
            if len(line) <= 30 and lay.link_chars[i] * 2 >= len(line)
        }
        tail = min(25, len(lay.lines) // 4)
        footer_sq = squash("".join(lay.lines[-tail:])) if tail else ""
    bracketed = _BRACKETED_AFFIX.search(title)
    if bracketed and _is_site_part(
        bracketed.group(1) or bracketed.group(2), names_sq, footer_sq, header_sq
    ):
        inner, cut_part = title[: bracketed.start()] + title[bracketed.end() :], bracketed.group(0)
        # (A colon after the bracketed name parts it from the title: 【某某市人民政府】：标题.)
        inner = re.sub(r"^\s*[:：]\s*|\s*[:：]\s*$", "", inner) or inner
        kept, more = strip_site_affixes(inner, names, lay, columns)
        return kept, " ".join(p for p in (fold(cut_part), more) if p)
    parts = _AFFIX_SEPARATORS.split(title)
    if len(parts) < 3:
        # A colon before the site's name at the end: "Title：某某县人民政府", "Title : Council"
        # (never at the start: 国务院新闻办：…, LCQ5: … are the title's own).
        colon = _END_COLON.search(title)
        if colon and len(squash(title[: colon.start()])) > len(squash(colon.group(2))):
            tail_part = colon.group(2)
            if _is_site_part(tail_part, names_sq, footer_sq, header_sq):
                kept, more = strip_site_affixes(title[: colon.start()], names, lay, columns)
                return kept, " ".join(p for p in (fold(tail_part), more) if p)
        # A bare hyphen separates only when what follows the last one names the site ("1-10月…-某市人民政府").
        head_part, hyphen, tail_part = title.rpartition("-")
        if not hyphen or not head_part.strip() or not tail_part.strip():
            return _clean_title(title), None
        parts = [head_part, hyphen, tail_part]
        # ("article-column-site", "site-column-article": a column's name between two hyphens.)
        pieces = _BARE_HYPHEN.split(title)
        if (
            len(pieces) == 3
            and all(p.strip() for p in pieces)
            and (
                _column_sized(pieces[1])
                or _names_column(pieces[1], columns_sq)
                or _linked_on_page(pieces[0], lay)
            )
        ):
            parts = [pieces[0], "-", pieces[1], "-", pieces[2]]
    texts, seps = parts[0::2], parts[1::2]
    # (A bare hyphen inside the last part before the site's name: "图片新闻|标题-某某县人民政府".)
    head_part, hyphen, tail_part = texts[-1].rpartition("-")
    if (
        len(texts) > 1
        and hyphen
        and head_part.strip()
        and _BARE_HYPHEN.search(texts[-1])
        and _is_site_part(tail_part, names_sq, footer_sq, header_sq)
        and not _is_site_part(head_part, names_sq, footer_sq, header_sq)
    ):
        texts[-1:], seps[len(seps) :] = [head_part, tail_part], ["-"]
    cut: list[str] = []
    site_end = site_start = ""  # the separator the site's part stood behind, at either end
    places = _places(names_sq)
    while len(texts) > 1:
        at_end = (
            _is_site_part(texts[-1], names_sq, footer_sq, header_sq)
            or _place_brand(texts[-1], places)
            or _names_column(texts[-1], columns_sq)
        )
        at_start = _is_site_part(texts[0], names_sq, footer_sq, header_sq) or _names_column(
            texts[0], columns_sq
        )
        if at_end and at_start:
            # Both read as a name: the one the page names its site by, else the shorter.
            end_sq, start_sq = squash(texts[-1]), squash(texts[0])
            end_known, start_known = end_sq in names_sq, start_sq in names_sq
            if start_known != end_known:
                at_end = end_known
            else:
                at_end = len(end_sq) <= len(start_sq)
        if at_end:
            cut.insert(0, texts.pop())
            site_end = _sep_key(seps.pop())
        elif at_start:
            cut.append(texts.pop(0))
            site_start = _sep_key(seps.pop(0))
        else:
            break
    # "article丨column丨site", "column丨article丨site": at either end, behind the separator the
    # site's part stood behind, a part only as long as a column's name beside a longer one is the
    # column's (one space also parts a title's phrases: never that one).
    site_seps = {sep for sep in (site_end, site_start) if sep not in ("", " ")}
    while len(texts) > 1 and _sep_key(seps[-1]) in site_seps:
        if not _column_sized(texts[-1]) or _column_sized("".join(texts[:-1])):
            break
        cut.insert(0, texts.pop())
        seps.pop()
    while len(texts) > 1 and _sep_key(seps[0]) in site_seps:
        if not _column_sized(texts[0]) or _column_sized("".join(texts[1:])):
            break
        cut.append(texts.pop(0))
        seps.pop(0)
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
        # Titles read "article _ column _ site": the first piece, unless it is too short to be one
        # or only as long as a column's name beside a longer piece ("通知公告 - 关于…的通知").
        first, longest = pieces[0], max(pieces, key=lambda p: len(squash(p)))
        if (
            len(squash(first)) < 4
            or (_column_sized(first) and not _column_sized(longest))
            or len(squash(longest)) >= 2 * len(squash(first))
        ):
            first = longest
        cut.extend(p for p in pieces if p is not first)
        texts, seps = [first], []
    kept = _clean_title(
        "".join(t + (seps[i] if i < len(seps) else "") for i, t in enumerate(texts))
    )
    if len(squash(kept)) < 2:
        return _clean_title(title), None
    return kept, " ".join(fold(c) for c in cut if c.strip()) or None


def strip_site_affixes(
    title: str, names: list[str], lay: Layout | None = None, columns: tuple[str, ...] = ()
) -> tuple[str, str | None]:
    """``title`` without the site's (and column's) name before or after a separator, and what was
    cut; ``columns`` are the names the page gives its column (``ColumnName`` meta)."""
    kept, cut = _strip_affixes(title, names, lay, columns)
    # The site's own name and a colon before the title ("某某市人民政府：关于…-通知公告-某某市人民政府"):
    # only the name the page calls its site by (its SiteName meta, logo or footer) or the one cut at
    # the end, never a speaker's name a headline opens with (国务院新闻办：…, LCQ5: …).
    prefix = _START_COLON.match(kept)
    if prefix is None:
        return kept, cut
    name_sq = squash(prefix.group(1)).strip(_DECORATION)
    rest = prefix.group(2)
    known = {squash(n) for n in names if n} | {squash(c) for c in (cut or "").split(" ")}
    if name_sq and name_sq in known and len(squash(rest)) >= max(6, len(name_sq)):
        return _clean_title(rest), " ".join(p for p in (fold(prefix.group(1)), cut) if p)
    return kept, cut


def title_from_meta(head: Head) -> str:
    for name in META_TITLE:
        if head.meta.get(name):
            return clean_raw_title(head.meta[name])
    if head.jsonld.get("headline"):
        return clean_raw_title(str(head.jsonld["headline"]))
    return ""


def named_by_document_title(head: Head) -> bool:
    """A page printing no date names itself by its whole ``<title>`` when it is no Chinese
    article: an English program page or dashboard (``Commercialization Assistance Program | NREL``)
    is known by its document title. A Chinese government template often prints no date on an
    article (办事指南, a town's news, 领导活动): its heading and the ``<title>`` without the
    site's part name it as on any article, never the portal's name after a separator; so does an
    English news item whose template prints no date (:func:`in_news_column`)."""
    return bool(head.title.strip()) and not title_from_meta(head) and not _HAN.search(head.title)


# A column of news items, named by a crumb: Home > News, Media releases, Newsroom.
_NEWS_COLUMN = re.compile(
    r"\b(?:news|newsroom|press|media\s+(?:releases?|statements?|centre|center)|"
    r"announcements?|statements?|speeches)\b",
    re.I,
)


def in_news_column(crumbs: list[str]) -> bool:
    """The page is an item of a news column (a crumb names it): an article, titled by its heading."""
    return any(_NEWS_COLUMN.search(crumb) for crumb in crumbs)


_MINISTRY_ALONE = re.compile(rf"^{MINISTRY_NAME}$")
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def below_ministry_line(
    lay: Layout, title: str | None, title_line: int, body_start: int, page_title: str
):
    """The release's heading when the title found is the ministry's line over it (PIB's
    ``Ministry of Jal Shakti`` set bigger than the heading under it) or, on a page whose ``<title>``
    gives only the site's name, a ministry line and a heading in bold opening the body's block: the
    line of four words or more right under the ministry's, before the date's. (The ministry is the
    source: :func:`source._ministry_line`.) None when neither holds."""
    lines = lay.lines
    starts = []
    if title and _MINISTRY_ALONE.match(title.strip()):
        starts.append(title_line)
    elif title and title.strip() == page_title.strip():
        starts.extend(range(max(body_start - 1, 0), min(body_start + 2, len(lines))))
    for i in starts:
        if not (0 <= i < len(lines) - 1) or not _MINISTRY_ALONE.match(lines[i].strip()):
            continue
        below = lines[i + 1].strip()
        if (
            len(_LATIN_WORDS.findall(below)) >= 4
            and len(below) <= 250
            and not lay.link_chars[i + 1]
            and not find_dates(below, 1)
            and not EN_INFO_LINE.match(below)
            and not below.endswith(".")
        ):
            return below, i + 1
    return None


# What only a release prints around its heading and text: its kind (Press Release, FOR IMMEDIATE
# RELEASE), a media contact heading, an end mark (###, -30-, ENDS).
_RELEASE_MARK_LINE = re.compile(
    r"^(?:(?:joint\s+)?(?:press|news|media)\s+(?:release|statement|advisory)|for\s+immediate\s+release|"
    r"(?:media|press|news)\s+(?:contacts?|enquiries|inquiries)|#{3}|-\s*30\s*-|-?\s*ends\s*-?)\s*:?$",
    re.I,
)
# A dateline without its date opening the text: "SPRINGFIELD — …", "AUSTIN, Texas – …".
_PLACE_DATELINE = re.compile(
    r"^[A-Z][A-Z.' ]{2,30}(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:[—–]|--)\s*\S"
)
# A news column in the page's address: /news/…, /press-releases/…, /newsroom/….
_NEWS_PATH = re.compile(
    r"(?i)/(?:news|newsroom|press|(?:press|news|media)[-_]?(?:releases?|room|centre|center)|"
    r"announcements?|statements?)(?:/|\.|$)"
)


def reads_as_release(
    lay: Layout, title_line: int, body_start: int, body_stop: int, url: str
) -> bool:
    """An English page printing no date is still a news release when it shows what only a release
    prints (its kind by the heading, a dateline's place opening the text, a media contact or an end
    mark after it) or its address is in a news column: titled by its heading, not the
    ``<title>``."""
    lines = lay.lines
    near = (*range(max(title_line - 3, 0), title_line + 3), *range(body_stop, body_stop + 6))
    if any(0 <= i < len(lines) and _RELEASE_MARK_LINE.match(lines[i].strip()) for i in near):
        return True
    if 0 <= body_start < len(lines) and _PLACE_DATELINE.match(lines[body_start]):
        return True
    return bool(_NEWS_PATH.search(url.split("?", 1)[0].split("#", 1)[0].split("//", 1)[-1]))


def line_of(lay: Layout, el) -> int:
    start, end = lay.spans.get(el, (-1, -1))
    return end - 1 if end > start else _inline_line(lay, el)


def _inline_line(lay: Layout, el) -> int:
    """The line an inline heading (a sized ``<span>`` or ``<font>`` straight inside a block that
    holds more) shows alone: the layout records blocks' lines only."""
    block = el.getparent()
    while block is not None and block not in lay.spans:
        block = block.getparent()
    if block is None:
        return -1
    sq = squash(element_text(el))
    start, end = lay.spans[block]
    return next((i for i in range(start, min(end, start + 200)) if squash(lay.lines[i]) == sq), -1)


def _nearest_before(lay: Layout, elements: list, body_start: int):
    """Of several elements showing the title, the one closest above the body (not a header copy)."""
    placed = [(line_of(lay, el), el) for el in elements]
    before = [(line, el) for line, el in placed if 0 <= line < body_start]
    if before:
        return max(before, key=lambda p: p[0])[1]
    on_page = [(line, el) for line, el in placed if line >= 0]
    return min(on_page, key=lambda p: p[0])[1] if on_page else None


_ELLIPSIS = re.compile(r"(?:…+|\.{3,}|。{3,}|⋯+)$")
_ELLIPSIS_IN = re.compile(r"…|\.{3}|。{3}|⋯")


def _cut_short(title: str) -> str | None:
    """What a <title> cut short with an ellipsis keeps (``关于…结果的…`` of a longer heading), or None."""
    sq = squash(title)
    match = _ELLIPSIS.search(sq)
    return sq[: match.start()] if match and match.start() >= 6 else None


def _resembles(a: str, b: str) -> bool:
    """Two spellings of one title (a meta variant and the heading): most characters shared in order."""
    a_sq, b_sq = squash(a), squash(b)
    if not a_sq or not b_sq:
        return False
    if a_sq in b_sq or b_sq in a_sq:
        return min(len(a_sq), len(b_sq)) >= 0.5 * max(len(a_sq), len(b_sq))
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a_sq, b_sq, autojunk=False).ratio() >= 0.6


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


def _column_sized(text: str) -> bool:
    """As short as a column's name (通知公告, "Media releases"): under 8 characters of Chinese, at
    most three words of English."""
    sq = squash(text)
    if _HAN.search(sq):
        return len(sq) < 8
    return len(_LATIN_WORD.findall(text)) <= 3 and len(sq) < 30


def _shares_most(short: str, text: str) -> bool:
    """Most of ``short``'s words (its characters, in Chinese) are ``text``'s: a shorter wording
    of the same title (an ``og:title`` written for sharing)."""
    short_sq, text_sq = squash(short), squash(text)
    if not short_sq or _column_sized(short):
        return False
    if _HAN.search(short_sq):
        return sum(1 for ch in short_sq if ch in text_sq) / len(short_sq) >= 0.6
    words = {w.lower() for w in _LATIN_WORD.findall(text)}
    short_words = [w.lower() for w in _LATIN_WORD.findall(short)]
    return bool(short_words) and sum(w in words for w in short_words) / len(short_words) >= 0.6


# The row of a record's table that names it: 信息名称：… | 文件名称 … | 名　　称：… — a 信息公开
# record's, a 领导信箱 letter's (信件标题 | 留言主题 | 标　题 …), a 办件's (事项名称).
_NAME_LABEL = re.compile(
    r"^(?:(?:信息|文件|公开事项|事项|信件|来信|留言|咨询|投诉|问题|诉求|办件)(?:名称|标题|主题)\s*[:：]?"
    r"|(?:标\s*题|名\s*称|题\s*名|主\s*题)\s*[:：]|(?:标\s*题|主\s*题)$"
    # (An English board view's or an Indian notice's row: Title | …, Subject: ….)
    r"|(?i:title|subject|notice\s+title)\s*(?:[:：]|$))\s*(.*)$"
)


# (Outside a table, in label/value rows of divs, spans or a list: a label naming what it
# titles, 信件标题, 留言标题, 信息名称, or 标题： — never a bare 主题 or 名称, which a text may open with.)
_ROW_NAME_LABEL = re.compile(
    r"^(?:(?:信息|文件|公开事项|事项|信件|来信|留言|咨询|投诉|诉求|办件)(?:名称|标题|主题)|标\s*题(?=\s*[:：]))"
)


# (Any name label, where nothing else titles the page: the <title> names only its column.)
_ANY_NAME_LABEL = re.compile(r"^(?:标\s*题|主\s*题|名\s*称)\s*(?:[:：]|$)")


def _labelled_name(lay: Layout, rows: re.Pattern = _ROW_NAME_LABEL) -> tuple[str, int] | None:
    """(name, line) of the record's name in a table row labelled 信息名称 (or 文件名称, 名称：…),
    or in a letter's label/value row (信件标题：…; any label ``rows`` matches)."""
    for i in range(min(len(lay.lines), 600)):
        in_table = lay.table[i] >= 0
        if (
            not in_table
            and not rows.match(lay.lines[i])
            and not _ROW_NAME_LABEL.match(lay.lines[i])
        ):
            continue
        cells = lay.lines[i].split(CELL_SEP)
        if not in_table and len(cells) == 1 and i + 1 < len(lay.lines):
            cells.append(lay.lines[i + 1])  # (a label's div over its value's)
        for k, cell in enumerate(cells):
            label = cell.strip()
            match = _NAME_LABEL.match(label)
            if not match:
                continue
            value = match.group(1).strip() or (cells[k + 1].strip() if k + 1 < len(cells) else "")
            # (A bare 标题 cell may head a list's column: its value is then a longer subject; an
            # English label's only in a table, its value words of their own.)
            english = label[: match.start(1)].isascii()
            if english and (not in_table or len(_LATIN_WORD.findall(value)) < 3):
                continue
            least = 6 if len(squash(cell)) <= 2 else 4
            if least <= len(value) <= 200 and not _NAME_LABEL.match(value):
                return _clean_title(value), i
    return None


@dataclass
class _TitlePick:
    text: str | None
    element: object | None
    rule: str
    variant: str | None = (
        None  # the <meta>/<title> spelling when it differs from the visible heading
    )


def pick_title(
    root,
    lay: Layout,
    head: Head,
    body_start: int,
    body_end: int,
    candidates=None,
    marks: Marks | None = None,
) -> _TitlePick:
    """The title, and the element on the page that shows it (for locating the info line)."""
    if candidates is None:
        candidates = heading_candidates(root)
    search = _TitleSearch(root, lay, head, body_start, body_end, candidates, marks)
    pick = _pick(search, head)
    return search.in_full(pick) if pick.text else pick


def _pick(search: _TitleSearch, head: Head) -> _TitlePick:
    meta_title = search.meta_title
    if head.meta.get("articletitle") and meta_title:
        pick = search.visible_for(meta_title, "meta ArticleTitle")
        if pick.element is None and not _column_sized(meta_title):
            # Shown nowhere, not even reworded: a spelling the page does not print (a Simplified
            # meta on a page converted to Traditional) gives way to the heading the <title> shows,
            # and another page's title a CMS left in the meta (its <title> too may be stale) to the
            # page's own heading over the body.
            matching = search.headings_in_title()
            shown = search.heading_in_title(matching) if matching else search.heading_over_body()
            if shown is not None:
                return shown
        if pick.element is not None or not _column_sized(meta_title):
            return search.longer_below(pick.text, pick.element) or pick
        # Only the column's name, shown nowhere as a heading: the other rules find the title.
        meta_title = search.meta_title = ""
    matching = search.headings_in_title()
    named = _labelled_name(search.lay)
    if named and all(_column_sized(m[2]) for m in matching):
        # A 信息公开 record names itself in its table (信息名称：…): no heading the <title> shows
        # says more than the column's name, so the record's own name is its title.
        text, line = named
        return _TitlePick(
            text, _line_element(search.lay, line), "labelled name in the record table"
        )
    if matching:
        return search.heading_in_title(matching)
    if meta_title:
        return search.visible_for(meta_title, "meta title")
    above = search.headings_above_body()
    if above:
        return search.heading_above_body(above)
    if not search.tag_title:
        names_sq = {squash(n) for n in search.site_names()}
        for h_text, el, rank in search.headings:
            if rank == 0 and squash(h_text) not in names_sq:  # (not the header's logo h1)
                return _TitlePick(h_text, el, "first h1")
        beside_info = _line_beside_info(search.lay, search.body_start, names_sq)
        if beside_info is not None:
            line, el, rule = beside_info
            return _TitlePick(_bare_heading(_clean_title(line)), el, rule)
        return _TitlePick(None, None, "none")
    return search.title_tag()


class _TitleSearch:
    """One page's title candidates (its headings and the lines showing its <title> or meta
    title) and the questions :func:`pick_title`'s rules ask of them."""

    def __init__(
        self,
        root,
        lay: Layout,
        head: Head,
        body_start: int,
        body_end: int,
        candidates,
        marks: Marks | None = None,
    ) -> None:
        self.root, self.lay, self.head, self.marks = root, lay, head, marks
        self.body_start, self.body_end = body_start, body_end
        self.raw_title = _MARKUP.sub("", head.title)
        self.tag_title = clean_raw_title(head.title)
        self.tag_sq = squash(self.tag_title)
        shown = (self.tag_title, title_from_meta(head))
        spelled = (
            _MARKUP.sub("", head.title),
            *(head.meta[n] for n in META_TITLE if n in head.meta),
        )
        self.headings = [_one_title(lay, c, shown, spelled) for c in candidates]
        self.headings += _lines_showing(lay, *shown) + _split_headings(lay, shown, self.headings)
        self.meta_title = title_from_meta(head)
        self._names: list[str] | None = None
        self._names_sq: set[str] | None = None
        self._affix: tuple[str, str] | None = None

    def in_full(self, pick: _TitlePick) -> _TitlePick:
        """A heading cut short (关于做好2024年汛…) whose start the meta or <title> spells in full:
        that spelling is the title."""
        start = _cut_short(pick.text)
        if not start:
            return pick
        stripped = self.strip(self.raw_title)[0]
        # (Also the title= attribute a template gives the heading it cuts, or its link.)
        spelled = [
            fold(node.get("title"))
            for node in (
                [pick.element, *islice(pick.element.iter("a"), 2)]
                if pick.element is not None
                else []
            )
            if node.get("title")
        ]
        # (Then another heading of the page spelling it in full: a desktop heading beside the
        # mobile template's cut copy.)
        others = [h[0] for h in self.headings if h[1] is not pick.element]
        others += self._crumb_spellings(pick.element)
        heads = (*spelled, self.meta_title, stripped if self.tag_title else "")
        for k, full in enumerate((*heads, *others)):
            full_sq = squash(full)
            if full_sq.startswith(start) and len(full_sq) > len(start) + 1 and not _cut_short(full):
                where = "the head" if k < len(heads) else "another heading"
                return _TitlePick(
                    full, pick.element, f"{pick.rule} (cut short: in full from {where})"
                )
        return pick

    def _crumb_spellings(self, heading) -> list[str]:
        """The breadcrumb's crumbs above the heading (its last one names the page: 首页 > 通知公告 >
        关于…的通知), and the title= of its links, which may spell a cut heading in full."""
        lay = self.lay
        top = line_of(lay, heading) if heading is not None else self.body_start
        found = []
        for i in range(max(0, top - 8), max(0, top)):
            line = lay.lines[i]
            if len(line) <= 300 and _CRUMB_MARKS.search(line):
                found += [p for p in _CRUMB_SPLIT.split(line) if p.strip()]
        if found:
            for el in islice(self.root.iter(), 3000):
                if el is heading:
                    break  # (links after it are other pages': 相关文章, 上一篇)
                if el.tag == "a" and el.get("title") and _ELLIPSIS.search(element_text(el)):
                    found.append(fold(el.get("title")))
        return found

    def strip(self, title: str) -> tuple[str, str | None]:
        """:func:`strip_site_affixes` with this page's site names, layout and column."""
        column = self.head.meta.get("columnname")
        return strip_site_affixes(title, self.site_names(), self.lay, (column,) if column else ())

    def site_names(self) -> list[str]:
        if self._names is None:
            self._names = names_of_site(self.root, self.lay, self.head, self.marks)
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
            and 0 <= (line := line_of(lay, el))
            # (A heading over several lines counts from its first.)
            and lay.spans.get(el, (line,))[0] < body_start + inside
            and (line < body_start or inside)
            and body_start - line <= 8
        ]

    def visible_for(self, variant: str, rule: str) -> _TitlePick:
        # The heading a reader sees wins over the meta spelling of the same title.
        el = self.element_for(variant)
        if el is not None:
            return _TitlePick(variant, el, rule, self.tag_variant(variant))
        close = [
            c
            for c in self.near_body(3, inside=2)
            if _resembles(c[1], variant) or _shares_most(variant, c[1])
        ]
        if close:
            line, text, el, rank = max(close, key=lambda c: (c[0], -c[3]))
            return _TitlePick(text, el, f"visible heading {el.tag}", variant)
        # (A line of its own, whatever its markup.)
        reworded = self.reworded_line_above(variant, "meta title")
        if reworded is not None:
            return reworded
        # Shown nowhere: the meta spelling without the site's part it may carry as the <title>
        # does (og:title ``关于…的公告 - 某某市人民政府`` on a page with no heading).
        stripped, cut = self.strip(variant)
        if cut and stripped:
            return _TitlePick(stripped, None, f"{rule} (site affix {cut!r} stripped)")
        return _TitlePick(variant, None, rule)

    def longer_below(self, text: str, el) -> _TitlePick | None:
        # A title that is only the column's name (a <title> or ArticleTitle a CMS filled with
        # it) matches the column's heading; the article's own heading is the longer one between
        # it and the body.
        if not _column_sized(text):
            return None
        top = line_of(self.lay, el) if el is not None else -1
        # (Bold type alone in its cell too: an old template's <font size=5><b>关于…</b></font>
        # under the column's heading, 通 知 公 告.)
        below = [
            c
            for c in self.near_body(3)
            if c[0] > top and not _column_sized(c[1]) and c[2] is not el
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
        # A <title> cut short (关于…审核结果的…-某局): the heading it starts is the whole title.
        cut_short = []
        if _ELLIPSIS_IN.search(self.tag_title):
            parts = _TITLE_SEPARATORS.split(self.tag_title)
            parts.append(self.strip(self.raw_title)[0])
            cut_short = [c for c in map(_cut_short, parts) if c]
        matching = self._in_title(tag_sq, segments, cut_short)
        named = [m for m in matching if named_pre_or_sub(m[3])]
        if named:
            # A 引题 or 副标题 its markup names, which the <title> holds beside the main heading
            # (``标题 副标题_某某市人民政府``): the headings the rest of the <title> holds are the title.
            rest = tag_sq
            for m in named:
                rest = rest.replace(squash(m[2]), " ", 1)
            segments = {squash(p) for p in _TITLE_SEPARATORS.split(rest)}
            main = [
                m for m in self._in_title(squash(rest), segments, ()) if not named_pre_or_sub(m[3])
            ]
            matching = main or matching
        if matching:
            # The header's logo heading names the site, which the <title> may be all about; a
            # box's heading after the article (最新消息 of a <title> naming that column) is no title.
            matching = [
                m
                for m in matching
                if not self.names_site(m[2])
                and not self._names_cut_column(m[2])
                and not (_column_sized(m[2]) and line_of(self.lay, m[3]) >= self.body_end)
                and not self._signs_the_text(m[2], m[3])
                and not self._minister_over_heading(m[2], m[3])
            ]
        if len({m[0] for m in matching}) > 1:
            # Several headings are parts of the <title> (a logo's h1 holds the site's name): the one
            # the <title> keeps once its site part is cut is the article's.
            stripped_sq = squash(self.strip(self.raw_title)[0])
            kept = [m for m in matching if squash(m[2]) == stripped_sq]
            matching = kept or matching
        return matching

    def _in_title(self, tag_sq: str, segments: set[str], cut_short) -> list[tuple]:
        """(length, -rank, text, element) of the headings the squashed <title> ``tag_sq`` holds
        as a part, its start or most of it, or that a <title> cut short starts."""
        matching = []
        for h_text, el, rank in self.headings:
            h_sq = squash(h_text)
            if any(h_sq.startswith(c) and len(h_sq) > len(c) for c in cut_short):
                matching.append((len(h_sq), -rank, h_text, el))
                continue
            if len(h_sq) < 4 or not tag_sq or h_sq not in tag_sq:
                continue
            if (
                h_sq in segments
                or (tag_sq.startswith(h_sq) and len(h_sq) >= 0.4 * len(tag_sq))
                or len(h_sq) >= 0.6 * len(tag_sq)
            ):
                matching.append((len(h_sq), -rank, h_text, el))
        return matching

    def names_site(self, text: str) -> bool:
        """A heading showing the site's name (the header's logo heading), or a <title> that is
        only the site's shorter name ("Press Information Bureau" of the logo's "Press
        Information Bureau, Government of India"), or the site's name the <title> puts beside
        the article's (``【图片新闻】标题-某某自治州人民政府`` under ``<h1>某某自治州人民政府</h1>``)."""
        if self._names_sq is None:
            self._names_sq = {squash(n) for n in self.site_names()}
        sq = squash(text)
        if sq in self._names_sq or (sq == self.tag_sq and any(sq in n for n in self._names_sq)):
            return True
        return self._title_affix(text)

    def _title_affix(self, text: str) -> bool:
        """``text`` is a site's name the <title> carries as its affix, not in what it keeps."""
        kept_sq, cut_sq = self._affix_parts()
        sq = squash(text)
        return (
            len(sq) >= 4
            and sq in cut_sq
            and sq not in kept_sq
            and bool(_SITE_LIKE.search(sq) or _SITE_LIKE_EN.fullmatch(fold(text)))
        )

    def _names_cut_column(self, text: str) -> bool:
        """``text`` is only the column's name the <title> cuts beside an article's title
        (``<div class="title">通知公告</div>`` of ``某某市人民政府：关于…的通知 - 通知公告 - 某某市人民政府``):
        a template's generic heading, not the title."""
        if not _column_sized(text):
            return False
        kept_sq, cut_sq = self._affix_parts()
        sq = squash(text)
        return len(sq) >= 2 and sq in cut_sq and sq not in kept_sq and not _column_sized(kept_sq)

    def _affix_parts(self) -> tuple[str, str]:
        """(what the <title> keeps, what it cuts as the site's or column's), squashed."""
        if self._affix is None:
            kept, cut = self.strip(self.raw_title)
            self._affix = (squash(kept), squash(cut or ""))
        return self._affix

    def _minister_over_heading(self, text: str, el) -> bool:
        """A heading or line naming only ministers (a minister's site's <title> shows it) over
        another heading above the body: the release's author over its title."""
        if not names_ministers(text):
            return False
        line = line_of(self.lay, el)
        return any(
            h_el is not el and line < line_of(self.lay, h_el) <= self.body_start
            for h_text, h_el, rank in self.headings
            if rank <= 1 and not names_ministers(h_text)
        )

    def _signs_the_text(self, text: str, el) -> bool:
        """A line below the body's start that shows a <title> naming only an office (its
        signature, 某某市公安局 closing the text, or its shorter name, 市公安局) signs the text;
        it is no heading."""
        sq = squash(text)
        return (
            sq in self.tag_sq
            and len(self.tag_sq) <= 20
            and bool(_SITE_LIKE.search(sq))
            and line_of(self.lay, el) > self.body_start
        )

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
        # (Without its site part: an og:title may carry "| Agency" as the <title> does.)
        meta_title = self.meta_title and self.strip(self.meta_title)[0]
        if (
            meta_title
            and squash(meta_title).startswith(squash(text))
            and len(meta_title) > len(text)
        ):
            return _TitlePick(meta_title, el, "meta title (the heading shows its start)")
        rule = f"visible heading {el.tag if el is not None else ''} matching <title>".replace(
            "  ", " "
        )
        return _TitlePick(text, el, rule, self.meta_variant(text))

    def meta_variant(self, text: str) -> str | None:
        """The meta title (``og:title``) when it words the same title otherwise: most of its
        words (characters, in Chinese) are the heading's. A site's or column's name, or another
        page's title a CMS left there, is no variant."""
        meta = self.meta_title
        if not meta:
            return None
        meta = self.strip(meta)[0]
        meta_sq, text_sq = squash(meta), squash(text)
        if meta_sq in text_sq or text_sq in meta_sq or _column_sized(meta):
            return None
        return meta if _shares_most(meta, text) else None

    def headings_above_body(self) -> list[tuple[int, str, object, int]]:
        """When no heading matches the <title> (which then names the column): the headings just
        above the info line or the body, subtitles left out."""

        def near_body(max_rank: int = 2, inside: int = 0) -> list:
            # (Not the header's logo heading, which names the site; nor a teaser's heading, a link
            # to another page, in a column of cards placed before the article's: only a linked
            # heading right over the text is the page's own, linking to itself.)
            found = self.near_body(max_rank, inside)
            return [
                c
                for c in found
                if not self.names_site(c[1])
                and not (
                    self.lay.link_chars[c[0]] * 2 >= len(self.lay.lines[c[0]])
                    and self.body_start - c[0] > 2
                )
                and not self._box_of_links_over(c)
            ]

        # (A box's short heading in a sidebar, 最新公告, is a title only when nothing else is.)
        above = [c for c in near_body(1) if len(squash(c[1])) >= 6] or [
            c for c in near_body(2) if len(squash(c[1])) >= 6
        ]
        if not above:
            # Weaker signs (a heading inside the body block, bold type) lose to a <title> that reads
            # like an article's title rather than a column's or the site's name.
            stripped = self.strip(self.raw_title)[0] if self.tag_title else ""
            column_like = (
                len(squash(stripped)) < 8
                or _is_site_part(stripped, [squash(n) for n in self.site_names()], "", set())
                or bool(_ISSUE.search(stripped))
            )
            weak = [
                c
                for c in near_body(2, inside=2)
                if len(squash(c[1])) >= 6 and c[0] < self.body_end - 1
            ]
            # (A real heading a little further into the block, under a few short lines only: a
            # ministry's name, the posting line: PIB's Ministry of … / Posted On: … / h2.)
            weak = weak or [
                c
                for c in near_body(1, inside=4)
                if len(squash(c[1])) >= 6 and self._under_short_lines(c[0])
            ]
            weak = weak or [c for c in near_body(3) if self.body_start - c[0] <= 3]
            # (Bold type alone on the block's first lines: an old template's <font size=5><b>
            # heading in the text's own cell; not the text's first paragraph in its <font>.)
            weak = weak or [
                c
                for c in near_body(3, inside=2)
                if len(squash(c[1])) >= 6
                and c[0] < self.body_end - 1
                and not _PROSE_MARK.search(c[1])
            ]
            # (A sidebar's short heading, 统计数据, is a title only when the <title> is no better.)
            above = [c for c in weak if column_like or _resembles(c[1], stripped)] or (
                near_body(1) if column_like else []
            )
        if len(above) > 1:
            # A subtitle under the heading (——访…, a dash or bracket opening it) is not the title,
            # nor a 引题 or 副标题 its markup names (div.jc-subtitle, p.sub-title, div.fbt, div.yt).
            main = [a for a in above if not _SUBTITLE.match(a[1]) and not named_pre_or_sub(a[2])]
            above = main or above
        return above

    def _box_of_links_over(self, candidate: tuple) -> bool:
        """A sidebar box's heading over its links (``<h3>热点关注专题</h3>`` and its list, set
        before the text's block), when the <title> reads as an article's title it is not: the
        box's, not the page's."""
        lay, line = self.lay, candidate[0]
        between = range(line + 1, self.body_start)
        if len(between) < 2 or not all(lay.link_chars[i] * 2 >= len(lay.lines[i]) for i in between):
            return False
        stripped = self.strip(self.raw_title)[0] if self.tag_title else ""
        return (
            len(squash(stripped)) >= 8
            and not _is_site_part(stripped, [squash(n) for n in self.site_names()], "", set())
            and not _resembles(candidate[1], stripped)
        )

    def _under_short_lines(self, line: int) -> bool:
        """The lines of the body's block above ``line`` are all short, none a sentence."""
        return all(
            len(text) <= 80 and not SENTENCE_END.search(text)
            for text in self.lay.lines[self.body_start : line]
        )

    def heading_over_body(self) -> _TitlePick | None:
        """A real heading (``h1``–``h6``), longer than a column's name, just above the body."""
        above = [
            c
            for c in self.near_body(1)
            if not _column_sized(c[1])
            and not self.names_site(c[1])
            and not _SUBTITLE.match(c[1])
            and self.body_start - c[0] <= 3
        ]
        if not above:
            return None
        line, text, el, rank = max(above, key=lambda a: a[0])
        return _TitlePick(text, el, f"visible heading {el.tag} above the body (meta shown nowhere)")

    def heading_above_body(self, above: list[tuple[int, str, object, int]]) -> _TitlePick:
        """The lowest of the headings above the body, or of a stack of them on consecutive lines
        (引题, title, 副题) the one set biggest; the <title>'s spelling is its variant."""
        line, text, el, rank = max(above, key=lambda a: (a[0], -a[3]))
        stack, top = [], line
        for c in sorted(above, key=lambda a: -a[0]):
            if c[0] == top or c[0] == top - 1:
                if not _column_sized(c[1]):
                    stack.append(c)
                top = c[0]
        if len(stack) > 1:
            sized = _sized_selectors(self.head.styles)
            size = {id(c[2]): _set_size(c[2], sized) for c in stack}
            best = max(size.values())
            if size[id(el)] < best:
                line, text, el, rank = next(c for c in stack if size[id(c[2])] == best)
        rule = f"visible heading {el.tag} above the body"
        office = self._issuing_office_over(el, text)
        if office is not None:
            text, rule = join_lines([office, text]), f"{rule} under its issuing office"
        return _TitlePick(text, el, rule, self.tag_variant(text))

    def _issuing_office_over(self, el, text: str) -> str | None:
        """An official document's title set in two headings of one kind, its issuing office over
        its 关于… (``<h2>某某县人民政府办公室</h2><h2>关于…的通知</h2>``): the office's line."""
        if not text.startswith("关于"):
            return None
        lay = self.lay
        first = lay.spans.get(el, (line_of(lay, el),))[0]
        above = _line_element(lay, first - 1) if first > 0 else None
        if above is None or any(above.get(a) != el.get(a) for a in ("class", "style")):
            return None
        office = lay.lines[first - 1]
        sq = squash(office)
        # (One name, no phrases apart by spaces: 凝心聚力抓发展　奋楫争先开新局 is a 引题.)
        if (
            above.tag == el.tag
            and 4 <= len(sq) <= 30
            and sq == office
            and _SITE_LIKE.search(sq)
            and not SENTENCE_END.search(office)
        ):
            return office
        return None

    def tag_variant(self, text: str) -> str | None:
        """The <title>'s spelling of the title ``text``, when it words it otherwise."""
        if not self.tag_title:
            return None
        stripped, _ = self.strip(self.raw_title)
        # (Only another spelling of the title: not the column's or the site's name the <title> gives.)
        known = {squash(text), squash(_MARKUP.sub("", text))}
        # (A <title> cut short, with its ellipsis or without — a CMS's fixed length — is no
        # other spelling: the heading starts with what it keeps.)
        start = _cut_short(stripped) or squash(stripped)
        if (
            squash(stripped) not in known
            and _resembles(stripped, text)
            and not squash(text).startswith(start)
        ):
            return stripped
        return None

    def title_tag(self) -> _TitlePick:
        """The <title> without its site affixes, unless a line above the body shows it reworded or
        it names only the site."""
        lay, body_start = self.lay, self.body_start
        title, cut = self.strip(self.raw_title)
        reworded = self.reworded_line_above(title)
        if reworded is not None:
            return reworded
        if (
            _column_sized(title)
            or _is_site_part(title, [squash(n) for n in self.site_names()], "", set())
            or _ISSUE.search(title)
            or self._english_title_shown_nowhere(title)
        ):
            # A <title> that only names the site (欢迎访问某某县人民政府网站--新闻中心) or the column,
            # and no heading candidate: the line just above the info line, whatever its markup (a
            # CSS class sets it big), or just below an info line printed above the heading.
            names_sq = {squash(n) for n in self.site_names()}
            beside_info = _line_beside_info(lay, body_start, names_sq) or _line_over_body(
                lay, body_start, names_sq
            )
            if beside_info is not None:
                line, el, rule = beside_info
                return _TitlePick(_bare_heading(_clean_title(line)), el, rule, None)
            named = _labelled_name(lay, _ANY_NAME_LABEL)
            if named is not None:
                text, line = named
                return _TitlePick(text, _line_element(lay, line), "labelled name in its row")
        rule = f"<title> (site affix {cut!r} stripped)" if cut else "<title>"
        broken = _shown_broken(lay, title, body_start)
        if broken is not None:
            # (Shown broken by <br>, as a reader sees it: 泉州市<br>生活垃圾 of 泉州市 生活垃圾.)
            return _TitlePick(text_with_breaks(broken), broken, f"{rule}, as the page shows it")
        return _TitlePick(title, self.element_for(title), rule, self._prefixed_variant(title))

    def _english_title_shown_nowhere(self, title: str) -> bool:
        """An English ``<title>`` that no line of the page shows as a line of its own
        (``Information Department : Press Releases``, a municipal corporation's name, which only
        the footer's copyright line holds): the site's or column's name, not the article's, which
        a line right above the info line shows (``td.hd`` over ``Date : …``)."""
        if not title or _HAN.search(title):
            return False
        sq = squash(title).strip(_DECORATION)
        return not any(squash(line).strip(_DECORATION) == sq for line in self.lay.lines[:1500])

    def _prefixed_variant(self, title: str) -> str | None:
        """The whole <title> when it spells the title after the site's name and a colon
        (``某某市人民政府：关于…的通知 - 通知公告 - 某某市人民政府``): the page's other spelling."""
        at = self.tag_sq.find(squash(title)) if title else -1
        return self.tag_title if at > 0 and self.tag_sq[:at].endswith(("：", ":")) else None

    def reworded_line_above(self, title: str, spelled: str = "<title>") -> _TitlePick | None:
        # The heading a reader sees, reworded from the <title> (县"三夏"… / 全县“三夏”…), on a line of
        # its own just above the info line or the body: it wins, the <title> spelling is the variant.
        lay, body_start = self.lay, self.body_start
        # (Also the first lines of the body's block, which may hold the heading.)
        for i in range(min(body_start + 2, len(lay.lines)) - 1, max(body_start - 5, -1), -1):
            line = lay.lines[i]
            if i >= body_start and not _heading_line(lay, i):
                continue
            if (
                4 <= len(line) <= 120
                and (lay.table[i] < 0 or lay.cells[i] <= 1)
                and lay.link_chars[i] * 2 < len(line)
                and not INFO_LABELS.search(line)
                and not _CRUMB_MARKS.search(line)
                and squash(line) != squash(title)
                and _resembles(line, title)
            ):
                el = _line_element(lay, i)
                if el is not None:
                    return _TitlePick(
                        _clean_title(line), el, f"line above the body like the {spelled}", title
                    )
        return None


# What a sentence holds and a heading never does: a full stop inside, a colon or semicolon closing.
_PROSE_MARK = re.compile(r"[。！？]|[:：;；]$")


_PRE_OR_SUB = re.compile(
    r"(?:^|[\s_-])(?:yt|yinti|fbt|fubiaoti|futitle|sub|subtitle|subhead|pre|pretitle|kicker|eyebrow|dek)"
    r"(?:$|[\s_-])",
    re.I,
)


def named_pre_or_sub(el) -> bool:
    """A heading its own markup names a 引题 or 副标题 (``div.jc-subtitle``, ``p.sub-title``,
    ``div.fbt``, ``div.yt``, ``p.pre-title``): set beside the title, never the title itself."""
    return bool(_PRE_OR_SUB.search((el.get("class") or "") + " " + (el.get("id") or "")))


def _one_title(
    lay: Layout, candidate: tuple, shown: tuple[str, ...], spelled: tuple[str, ...] = ()
) -> tuple:
    """A heading over several lines (引题, title, 副标题 in one block; a title broken by ``<br>``):
    the line the <title> or meta shows, unless it shows them all; a closing ``——…`` line is the
    subtitle. Otherwise the lines are one title broken in two."""
    text, el, rank = candidate
    start, end = lay.spans.get(el, (0, 0))
    wanted = {squash(t) for t in shown if t}
    wanted |= {squash(p) for t in shown if t for p in _TITLE_SEPARATORS.split(t)}
    wanted.discard("")
    if _HAN.search(text) and el.find(".//br") is not None:
        # (Spelled as the page's <title> spells it: a space where the heading breaks its line.
        # Between Chinese characters, which a line break joins with nothing, only a phrase's
        # space counts — full-width or several, or one between short phrases (坚持生态优先
        # 推动绿色发展) — not one a CMS put where the <br> was in a long title or an official
        # document's: 关于印发泉州市 生活垃圾分类….)
        lines = _br_lines(el)
        spaced = " ".join(lines)
        short_phrases = all(len(line) <= 16 for line in lines) and "关于" not in text
        phrases = (
            join_lines(lines) == spaced
            or short_phrases
            or re.compile(r"(?:\u3000|[ \t\xa0]{2,})".join(map(re.escape, lines)))
        )
        if any(spaced in fold(s) and (phrases is True or phrases.search(s)) for s in spelled):
            return spaced, el, rank
    if _HAN.search(text) and " " in text:
        # Spaces a Chinese heading shows that the <title> or meta spells it without are padding
        # (``暨&nbsp;“就业援助月”&nbsp;专场``): the title is spelled as they spell it.
        for s in spelled:
            part = _spelled_in(squash(text), fold(s))
            if part is not None and part.count(" ") < text.count(" "):
                return part, el, rank
    if end - start == 1:
        return _phrases_shown(candidate, shown)
    if not 1 < end - start <= 4:
        return candidate
    lines = lay.lines[start:end]
    if squash(text) in wanted:
        return candidate
    for k, line in enumerate(lines):
        if len(squash(line)) >= 6 and squash(line) in wanted:
            if _office_over_guanyu(lines, k) or (k + 1 < len(lines) and _left_open(line)):
                # (A line leaving a bracket open, "关于公开征求《…办法", goes on in the next.)
                # (The <title> names the site, an office, whose line opens an official
                # document's title: 某某市人民政府办公室<br>关于印发…的通知 is one title.)
                return candidate
            return _clean_title(line), el, rank
    # Lines its markup names a 引题 or 副标题 (<span class="yt">, <p class="subtitle">), and a
    # closing ——… line, are not the title.
    named = set()
    for child in islice(el.iterdescendants(), 30):
        if isinstance(child.tag, str) and _PRE_OR_SUB.search(child.get("class") or ""):
            first, last = lay.spans.get(child, (0, 0))
            named.update(range(first - start, last - start))
    kept = [line for i, line in enumerate(lines) if i not in named] or lines
    if _left_open(join_lines(kept)) and not _left_open(join_lines(lines)):
        kept = lines  # (never cut inside a pair of brackets or quotes)
    # (A closing line opening with a bracket is a note only when the bracket closes it and the
    # title above leaves none open: "…办法<br>（征求意见稿）》意见的公告" is one title.)
    while (
        len(kept) > 1
        and _SUBTITLE.match(kept[-1])
        and (_WHOLE_NOTE.match(kept[-1]) or not re.match(r"\s*[(（]", kept[-1]))
        and not _left_open(join_lines(kept[:-1]))
    ):
        kept = kept[:-1]
    if len(kept) < end - start:
        return join_lines(kept), el, rank
    return candidate


_OPENERS = {"《": "》", "“": "”", "（": "）", "(": ")", "【": "】", "「": "」"}
_WHOLE_NOTE = re.compile(r"^\s*[(（][^()（）]*[)）]\s*$")


def _left_open(text: str) -> bool:
    """``text`` opens a bracket or a quote it does not close (a title going on in its next line)."""
    return any(text.count(o) > text.count(c) for o, c in _OPENERS.items())


def _office_over_guanyu(lines: list[str], k: int) -> bool:
    """Line ``k`` of a heading is an issuing office's name over the ``关于…`` line that follows it."""
    sq = squash(lines[k])
    return (
        k + 1 < len(lines)
        and squash(lines[k + 1]).startswith("关于")
        and len(sq) <= 30
        and bool(_SITE_LIKE.search(sq))
        and not SENTENCE_END.search(lines[k])
    )


_SECTION_HEAD = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．.])"
)


def subtitle_lines(lay: Layout, title_line: int, body_start: int) -> set[int]:
    """The lines opening the body's block right under the heading (its info line between them at
    most) that their markup names a 副标题 or 引题 (``<p class="subtitle">`` as the text's first
    paragraph): the heading's, not the text's. A numbered section's heading (一、…) is the text's."""
    found: set[int] = set()
    if title_line < 0:
        return found
    for i in range(max(body_start, title_line + 1), min(body_start + 2, len(lay.lines))):
        line = lay.lines[i]
        el = _line_element(lay, i) if i - title_line <= 3 and len(line) <= 100 else None
        if (
            el is None
            or not named_pre_or_sub(el)
            or SENTENCE_END.search(line)
            or _SECTION_HEAD.match(line)
        ):
            break
        found.add(i)
    return found


def _spelled_in(text_sq: str, spelled: str) -> str | None:
    """The stretch of ``spelled`` that is ``text_sq`` but for white space, as spelled there."""
    at = squash(spelled).find(text_sq) if text_sq else -1
    if at < 0:
        return None
    shown = [i for i, ch in enumerate(spelled) if not ch.isspace()]
    return spelled[shown[at] : shown[at + len(text_sq) - 1] + 1]


def _br_lines(el) -> list[str]:
    """The lines an element's ``<br>`` breaks its text into."""
    parts: list[str] = []

    def walk(node) -> None:
        parts.append(node.text or "")
        for child in node:
            if child.tag == "br":
                parts.append("\n")
            elif isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")

    walk(el)
    return [line for line in (fold(x) for x in "".join(parts).split("\n")) if line]


_SEGMENT_EDGE = frozenset("-_|｜丨—–－:：·»>")


# A tag in brackets before or after a heading: 【通知公告】关于…, …（图）.
_TAG_BRACKETS = re.compile(
    r"^[【\[［][^】\]］]{1,12}[】\]］]|[【\[［（(][^】\]］）)]{1,6}[】\]］）)]$"
)


def _phrases_shown(candidate: tuple, shown: tuple[str, ...]) -> tuple:
    """A one-line heading of phrases apart only by spaces (引题　标题, 标题　副题) of which the
    <title> or meta shows the first or the last ones alone, as a whole part: those are the title
    (``聚力项目攻坚　跑出发展加速度　青禾县重点项目…`` of ``<title>青禾县重点项目…-e线青禾``)."""
    text, el, rank = candidate
    phrases = _TAG_BRACKETS.sub(r" \g<0> ", text).split()
    if len(phrases) < 2 or not _HAN.search(text):
        return candidate
    wanted = [sq for sq in (squash(s) for s in shown) if sq]
    if any(_whole_part(squash(text), sq) for sq in wanted):
        return candidate
    for k in range(1, len(phrases)):
        for group in (phrases[k:], phrases[:k]):
            group_sq = "".join(group)
            if len(group_sq) < 6 or not any(_whole_part(group_sq, sq) for sq in wanted):
                continue
            return " ".join(group), el, rank
    return candidate


def _whole_part(part: str, title: str) -> bool:
    """``part`` is all of ``title`` or one end of it up to a separator."""
    if part == title:
        return True
    if title.startswith(part):
        return title[len(part)] in _SEGMENT_EDGE
    if title.endswith(part):
        return title[-len(part) - 1] in _SEGMENT_EDGE
    return False


def _split_headings(lay: Layout, shown: tuple[str, ...], headings: list) -> list:
    """A heading a template breaks over two elements of one kind (``<td class="bt1">关于同意设立</td>``
    over ``<td class="bt1">…基金的批复</td>``, two ``h2.tit``; two headings of one tag,
    ``span.t1`` issuing offices over ``span.t2`` 关于…) that the <title> or meta shows joined: one
    heading, placed at its second element (the info line follows it)."""
    wanted = [sq for sq in (squash(s) for s in shown) if len(sq) >= 8]
    if not wanted:
        return []
    lines, out = lay.lines, []
    heading_els = {h[1] for h in headings}
    parts = {
        i
        for i in range(min(len(lines), 800))
        if 2 <= len(lines[i]) <= 100
        and lay.link_chars[i] * 2 < len(lines[i])
        and any(squash(lines[i]) in sq for sq in wanted)
    }
    for i in sorted(parts):
        if i + 1 not in parts:
            continue
        text, text2 = lines[i], lines[i + 1]
        joined = squash(text) + squash(text2)
        if SENTENCE_END.search(text) or _SUBTITLE.match(text2):
            continue
        if not any(joined in sq and len(joined) >= 0.5 * len(sq) for sq in wanted):
            continue
        el, el2 = _line_element(lay, i), _line_element(lay, i + 1)
        if (
            el is None
            or el2 is None
            or el.tag != el2.tag
            or (
                (el.get("class") or "") != (el2.get("class") or "")
                and not (_block_showing(el) in heading_els and _block_showing(el2) in heading_els)
            )
            or _PRE_OR_SUB.search((el.get("class") or "") + " " + (el2.get("class") or ""))
        ):
            continue
        out.append((join_lines([_clean_title(text), _clean_title(text2)]), el2, 2))
    return out


def _line_beside_info(lay: Layout, body_start: int, site_names_sq: set[str] = frozenset()):
    """(text, element, rule) of the short line right above the info line (发布时间：… 来源：…)
    that sits just above the body, or right below it when the info line comes first (above the
    body or atop the body's block, which then holds both), or None. The site's own name there
    (a logo's line over a template's bare info line) is no title."""
    lines = lay.lines
    for i in range(min(body_start + 1, len(lines) - 1), max(body_start - 4, 0), -1):
        info = lines[i]
        if len(info) > 150 or not (
            ((INFO_LINE.search(info) or EN_INFO_LINE.match(info)) and find_dates(info, 1))
            or _unlabelled_info(info)
        ):
            continue
        # (Past the page's tools between them, 字号 大中小 or a share bar, and a ——subtitle.)
        above = i - 1
        while above > i - 3 and (
            FURNITURE_LINE.match(lines[above])
            or _SUBTITLE.match(lines[above])
            or (len(lines[above]) <= 80 and INFO_LINE.search(lines[above]))
        ):
            above -= 1
        if _heading_line(lay, above) and squash(lines[above]) not in site_names_sq:
            el = _line_element(lay, above)
            if el is not None:
                return lines[above], el, "line above the info line"
            broken = _broken_by_br(lay, above)
            if broken is not None:
                return text_with_breaks(broken), broken, "lines above the info line"
        if i + 1 <= body_start + 1 and _heading_line(lay, i + 1):
            el = _line_element(lay, i + 1)
            if el is not None:
                return lines[i + 1], el, "line below the info line"
        return None
    return None


def _line_over_body(lay: Layout, body_start: int, site_names_sq: set[str]):
    """(text, element, rule) of a heading's line right over the body, past the page's tools,
    when no info line marks it (a press office's table layout: a ``td`` of a class of its own
    under ``PRESS RELEASE No. … Date: 15.07.2025``): a whole element's line holding no date, no
    label and no sentence's end — a title, where the <title> names only the column."""
    i = body_start - 1
    while i >= 0 and i > body_start - 3 and FURNITURE_LINE.match(lay.lines[i]):
        i -= 1
    if not _heading_line(lay, i) or squash(lay.lines[i]) in site_names_sq:
        return None
    text = lay.lines[i]
    if find_dates(text, 1) or (not _HAN.search(text) and len(_LATIN_WORD.findall(text)) < 4):
        return None
    el = _line_element(lay, i)
    return (text, el, "line over the body") if el is not None else None


def _shown_broken(lay: Layout, title: str, body_start: int):
    """The element above the body that shows ``title`` over two or three lines its ``<br>``
    breaks, or None."""
    sq = squash(title)
    for el, (start, end) in lay.spans.items():
        if (
            1 < end - start <= 3
            and start < body_start
            and squash("".join(lay.lines[start:end])) == sq
            and el.find(".//br") is not None
        ):
            return el
    return None


def _broken_by_br(lay: Layout, last: int):
    """The element a ``<br>`` breaks into two or three heading lines ending at line ``last``."""
    for el, (start, end) in lay.spans.items():
        if (
            end == last + 1
            and 1 < end - start <= 3
            and el.find(".//br") is not None
            and all(
                2 <= len(lay.lines[i]) <= 80 and not SENTENCE_END.search(lay.lines[i])
                for i in range(start, end)
            )
        ):
            return el
    return None


def _heading_line(lay: Layout, i: int) -> bool:
    if i < 0:
        return False
    title = lay.lines[i]
    return (
        6 <= len(title) <= 80
        and not FURNITURE_LINE.match(title)
        and not _SUBTITLE.match(title)
        and lay.cells[i] <= 1  # (a label-and-value row "标题\t…" is no heading)
        and lay.link_chars[i] * 2 < len(title)
        and not INFO_LABELS.search(title)
        and not _unlabelled_info(title)
        and not _CRUMB_MARKS.search(title)
        # (Nor a salutation, 各县（市、区）人民政府：, opening the text.)
        and not re.search(r"[。！？!?：:]$", title)
    )


_SUBTITLE = re.compile(r"^\s*(?:[—–―－-]{1,2}|[(（])")
_CRUMB_MARKS = re.compile(r"[>»›]|位置|首页")
_CRUMB_SPLIT = re.compile(r"\s*(?:[>»›＞/]+|当前位置[:：]?|您(?:现在)?的位置[:：]?)\s*")


def _line_element(lay: Layout, line: int):
    """The innermost element showing exactly line ``line`` (an inline one, a bare ``<b>`` in a
    block holding more, when no block does)."""
    around, width = None, 0
    for el, (start, end) in lay.spans.items():
        if start == line and end == line + 1:
            return el
        if start <= line < end and (around is None or end - start < width):
            around, width = el, end - start  # (the innermost block holding the line)
    if around is None or not 0 <= line < len(lay.lines):
        return None
    sq = squash(lay.lines[line])
    return next(
        (
            child
            for child in islice(around.iterchildren(), 200)
            if isinstance(child.tag, str) and squash(element_text(child)) == sq
        ),
        None,
    )
