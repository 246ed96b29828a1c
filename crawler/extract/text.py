"""HTML → text helpers shared by the extractors: parsing, cleaning, line layout, normalising."""

from __future__ import annotations

import codecs
import html
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, islice
from typing import Any, NamedTuple

from lxml import etree

from .script import scripted_table_rows, state_article, write_scripted_text

# Real pages are far below this; the cap keeps adversarial input (10 MB of text) inside the time budget.
MAX_HTML_CHARS = 2_000_000

BLOCK_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption
    figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr html iframe legend li main
    menu nav noframes ol p pre section summary table tbody td tfoot th thead tr ul caption
    ucapcontent""".split()
)
DROP_TAGS = frozenset(
    "script style noscript template rt rp select option button textarea svg math object embed canvas "
    "audio video map input head link meta base title".split()
)
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden"
    # Visually hidden by an inline style: clipped to nothing, or moved far off the screen.
    r"|clip\s*:\s*rect\(\s*(?:0|1px)[\s,]+(?:0|1px)[\s,]+(?:0|1px)[\s,]+(?:0|1px)\s*\)"
    r"|clip-path\s*:\s*inset\(\s*50%|(?:left|top|text-indent)\s*:\s*-\d{4,}(?:\.\d+)?(?:px|em)?\b",
    re.I,
)
# A run of text set in no size at all (an anti-copy watermark's characters): unseen, unless it
# is a layout's trick against gaps between inline blocks (its children set their own size).
_NO_SIZE = re.compile(r"font-size\s*:\s*0(?:px|pt|em|rem)?\s*(?:!important)?\s*(?:;|$)", re.I)
_BLOCK_STYLE = re.compile(r"display\s*:\s*(?:block|flex|table|list-item)", re.I)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufdd0\ufdd1\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)

_WS = re.compile(r"[\s\u3000\xa0\u2002\u2003\u2009\u200b\ufeff]+")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
# Source-code line breaks next to CJK text (Word-pasted spans, hard-wrapped HTML) are not spaces
# when a browser renders Chinese: "2015</span>\n<span>年" reads "2015年".
_NEWLINE_RUN = re.compile(r"[ \t\r\f\v]*\n\s*")
_CJK_CHAR = re.compile(f"[{_CJK}]")


def _join_newline(match: re.Match) -> str:
    text = match.string
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if not before or not after:
        return " "
    cjk_before, cjk_after = bool(_CJK_CHAR.match(before)), bool(_CJK_CHAR.match(after))
    if (cjk_before and (cjk_after or after.isdigit())) or (cjk_after and before.isdigit()):
        return ""
    return " "


def fold(text: str | None) -> str:
    """Collapse all whitespace (including ``\\u3000`` and no-break spaces) to single spaces."""
    if not text:
        return ""
    return _WS.sub(" ", text.replace("\xad", "")).strip()


def all_text(el: etree._Element) -> str:
    """``"".join(el.itertext())``: the element's text and its descendants' as written, read by
    libxml2 in one call (a third of itertext's cost, whose iterator walks the subtree's events)."""
    if not isinstance(el.tag, str):
        raise ValueError("not an element")  # (as itertext)
    if not len(el):
        return el.text or ""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def squash(text: str | None) -> str:
    """``text`` with every whitespace character removed (for comparisons)."""
    return _WS.sub("", text or "").replace("\xad", "")


# The characters a case-insensitive regex takes for an ASCII letter besides its two cases
# (İ ı for i, ſ for s, the Kelvin sign for k).
_ODD_CASES = ("\u0130", "\u0131", "\u017f", "\u212a")


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether a case-insensitive regex may find one of the lower-case ASCII ``words`` in
    ``text``: False only when none is there (a lowered copy searched in C costs a small part of
    a case-insensitive regex's scan of a long script)."""
    lowered = text.lower()
    return any(w in lowered for w in words) or any(c in text for c in _ODD_CASES)


# Control characters as single bytes: in these encodings no other byte sequence decodes to one,
# so a body without such bytes needs no control-character pass over its (much slower to scan) text.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = tuple(chr(b) for b in _CONTROL_BYTES) + ("\ufdd0", "\ufdd1", "\ufffe", "\uffff")
_BYTE_CLEAN_CODECS = frozenset(
    [
        "utf-8",
        "gb18030",
        "gbk",
        "gb2312",
        "big5",
        "big5hkscs",
        "cp950",
        "shift_jis",
        "cp932",
        "euc_jp",
        "euc_kr",
        "cp949",
        "ascii",
        "koi8-r",
        "koi8-u",
        *(f"cp{n}" for n in range(1250, 1259)),
        *(f"iso8859-{n}" for n in range(1, 17)),
    ]
)


# Browsers show what follows a premature </html> (a header include's); libxml2 would drop it.
_HTML_END = re.compile(r"</html", re.I)
_HTML_END_BYTES = re.compile(rb"</html", re.I)
_HTML_END_TAG = re.compile(r"</html\s*>", re.I)
_HTML_END_TAG_BYTES = re.compile(rb"</html\s*>", re.I)
_ONLY_END = re.compile(r"(?:\s|</(?:html|body)\s*>|<!--.*?-->)*", re.I | re.S)
_ONLY_END_BYTES = re.compile(rb"(?:\s|</(?:html|body)\s*>|<!--.*?-->)*", re.I | re.S)


def _strip_early_end(source):
    """``source`` without ``</html>`` tags when anything but white space and comments follows the first."""
    bytes_ = isinstance(source, bytes)
    first = (_HTML_END_BYTES if bytes_ else _HTML_END).search(source)
    if first is None or (_ONLY_END_BYTES if bytes_ else _ONLY_END).match(
        source, first.start()
    ).end() == len(source):
        return source
    return (_HTML_END_TAG_BYTES if bytes_ else _HTML_END_TAG).sub(b"" if bytes_ else "", source)


@lru_cache(maxsize=64)
def byte_clean(encoding: str | None) -> bool:
    """ASCII-compatible: ASCII characters are their own bytes and every other character is bytes >= 0x20."""
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name in _BYTE_CLEAN_CODECS
    except LookupError:
        return False


def has_controls(text: str, body: bytes | None = None, encoding: str | None = None) -> bool:
    """Whether ``text`` holds a character parsing removes (a regex scan of a large page costs ms)."""
    if body is not None and byte_clean(encoding):
        return (
            len(body.translate(None, _CONTROL_BYTES)) != len(body)
            or "\ufffe" in text
            or "\uffff" in text
            or "\ufdd0" in text
            or "\ufdd1" in text
        )
    return any(c in text for c in _CONTROL_CHARS)


def _parser(utf8: bool, ids: bool) -> etree.HTMLParser:
    # Without the id table (only XPath id() reads it, and only a per-site selector could call that): a little faster.
    return etree.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        default_doctype=False,
        collect_ids=ids,
        **({"encoding": "utf-8"} if utf8 else {}),
    )


_PARSERS = {(utf8, ids): _parser(utf8, ids) for utf8 in (False, True) for ids in (False, True)}


def parse_html(
    text: str, *, body: bytes | None = None, encoding: str | None = None, ids: bool = True
) -> etree._Element | None:
    """Parse decoded HTML with lxml, tolerating anything; None when there is no document at all.

    The one parse of every extractor: an XML declaration, control characters and premature
    ``</html>``/``</body>`` tags (browsers show what follows them, libxml2 would drop it) go first.
    ``body``/``encoding``: the bytes ``text`` was decoded from and their codec, when known; valid
    UTF-8 bytes that need no cleaning are parsed as they are (libxml2 then skips a conversion).
    ``ids=False`` skips the id table, which only XPath ``id()`` reads.
    """
    if (
        len(text) > MAX_HTML_CHARS
    ):  # real pages are far below; adversarial ones stay in the time budget
        text, body = text[:MAX_HTML_CHARS], None
    decl = _XML_DECL.match(text)
    if decl:
        text = text[decl.end() :]
    controls = has_controls(text, body, encoding)
    if controls:
        text = _CONTROL.sub("", text)
    if not text or text.isspace():
        return None
    if (
        body is not None
        and encoding == "utf-8"
        and not decl
        and not controls
        and not body.startswith(b"\xef\xbb\xbf")
        and not text.isascii()
        and "\ufffd"
        not in text  # no byte was replaced: the body is valid UTF-8, decoding to ``text``
    ):
        source, utf8 = _strip_early_end(body), True
    elif text.isascii():  # lxml reads an ASCII str's buffer as it is
        source, utf8 = _strip_early_end(text), False
    else:
        source, utf8 = _strip_early_end(text).encode("utf-8", "replace"), True
    try:
        root = etree.fromstring(source, parser=_PARSERS[utf8, ids])
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        return None
    return root if root is not None and isinstance(root.tag, str) else None


def place_written(script: etree._Element, markup: str, inside: bool = False) -> None:
    """Set the HTML a script writes (``document.write``) where the script stands: the reader
    sees its elements there, between the script and what follows it; ``inside``: as the
    content of an empty element (an app's mount)."""
    frag = parse_html("<html><body>" + markup + "</body></html>")
    written = frag.find("body") if frag is not None else None
    if written is None:
        return
    if inside:
        script.text = written.text
        script.extend(list(written))
        return
    parts, tail = list(written), script.tail or ""
    script.tail = written.text or ""
    for part in reversed(parts):
        script.addnext(part)
    if parts:
        parts[-1].tail = (parts[-1].tail or "") + tail
    else:
        script.tail += tail


_SHOWN_TEXT = etree.XPath(".//text()[not(ancestor::script) and not(ancestor::style)]")
_MOUNT_ID = re.compile(r"app|root|__next|__nuxt|vue-?app|react-?root|application", re.I)


def _draw_state_article(root: etree._Element) -> None:
    """A client-rendered page read as its app draws it: when the mount (``<div id="app">``, else
    the state's own script) is empty and the app's state holds an article (a title and its
    content), its heading, an info line (source, date) and the content are set there. A page
    rendered on the server, which shows the content already, is left as it is."""
    found = state_article(root)
    body = root.find("body")
    if found is None or body is None:
        return
    script, title, content, source, date = found
    if "<" not in content:
        content = "".join(f"<p>{html.escape(p)}</p>" for p in content.splitlines() if p.strip())
    shown = parse_html("<html><body>" + content + "</body></html>")
    start = squash(all_text(shown))[:40] if shown is not None else ""
    if not start or start in squash("".join(_SHOWN_TEXT(body))):
        return
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in title)
    info = [("来源：" if chinese else "Source: ") + source] if source else []
    info += [("发布时间：" if chinese else "") + date] if date else []
    markup = (
        f"<h1>{html.escape(title)}</h1>"
        + (f'<div class="info">{html.escape("　".join(info))}</div>' if info else "")
        + f'<div class="content">{content}</div>'
    )
    mount = next(
        (
            el
            for el in body.iter("div", "main", "section")
            if _MOUNT_ID.fullmatch(el.get("id") or "") and not all_text(el).strip()
        ),
        None,
    )
    place_written(script if mount is None else mount, markup, inside=mount is not None)


def is_hidden(el: etree._Element) -> bool:
    """True for elements a browser would not show (inline ``display:none``, ``hidden``, type=hidden)."""
    style = el.get("style")
    if style and (_HIDDEN_STYLE.search(style) or (len(el) == 0 and _NO_SIZE.search(style))):
        return True
    return el.get("hidden") is not None


_STYLED_OR_HIDDEN = etree.XPath("//*[@hidden or @style]")

_CSS_MARKS = ("/*", "<!--", "-->")
_MAX_CSS_CHARS = 100_000


def _without_css_comments(css: str) -> str:
    """``css`` with each comment (``/* … */``) and HTML comment mark (``<!--``, ``-->``) made a
    space, leftmost first; found with str.find, a regex being tried at every ``-`` of the CSS."""
    parts, i = [], 0
    found = {mark: css.find(mark) for mark in _CSS_MARKS}
    while True:
        for mark, at in found.items():
            if 0 <= at < i:  # (inside a comment already made a space)
                found[mark] = css.find(mark, i)
        at, mark = min(((at, mark) for mark, at in found.items() if at >= 0), default=(-1, ""))
        if at < 0:
            break
        end = at + len(mark)
        if mark == "/*":
            close = css.find("*/", at + 2)
            if close < 0:
                found[mark] = -1  # (an unclosed comment is text, and so is every later one)
                continue
            end = close + 2
        parts += (css[i:at], " ")
        i = end
    parts.append(css[i:])
    return "".join(parts)


# (Cached: the cleaner's hidden classes and the title's heading sizes read the same CSS.)
@lru_cache(maxsize=4)
def css_rules(styles: str) -> tuple[tuple[str | None, str, str], ...]:
    """The rules of a page's own CSS: (the ``@media`` prelude they sit in or None, selectors,
    declarations); at-rules' own blocks (``@font-face``) are no rules."""
    css = styles[:_MAX_CSS_CHARS]
    if "/*" in css or "<!--" in css or "-->" in css:
        css = _without_css_comments(css)
    out = []
    stack: list[tuple[str, str | None]] = []  # (prelude, the at-rule around it)
    media, last = None, 0
    # (The braces found with str.find: a regex scan of a long stylesheet costs ten times more.)
    opening, closing = css.find("{"), css.find("}")
    while opening >= 0 or closing >= 0:
        if closing < 0 or 0 <= opening < closing:
            pos, opening = opening, css.find("{", opening + 1)
            prelude = css[last:pos].strip()
            stack.append((prelude, media))
            if prelude.startswith("@"):
                media = prelude
        else:
            pos, closing = closing, css.find("}", closing + 1)
            if stack:
                prelude, outer = stack.pop()
                if prelude.startswith("@"):
                    media = outer
                elif prelude:
                    out.append((media, prelude, css[last:pos]))
        last = pos + 1
    return tuple(out)


_CSS_DISPLAY = re.compile(r"(?:^|[;\s])(?:display|visibility)\s*:\s*([a-z-]+)", re.I)
_CSS_CLASS_ONLY = re.compile(r"(?:[a-z][a-z0-9]*)?\.([\w-]+)", re.I)
_CSS_CLASS = re.compile(r"\.([\w-]+)")
_CSS_ANY_SCREEN = re.compile(r"@media|screen|all|only|\s", re.I)
# A narrow screen's or the printer's rules: what they show, a desktop reader does not see.
_CSS_NOT_DESKTOP = re.compile(r"max-width|print|handheld", re.I)


def hidden_classes(styles: str) -> frozenset[str]:
    """Classes the page's own CSS hides on a desktop screen: a rule of one class alone
    (``.m-card{display:none}``, outside any ``@media`` but ``screen``/``all``) that no rule for a
    desktop shows again (``.tab-pane.active{display:block}``, ``@media (min-width:…)``). A
    phone's card or a mobile copy shown only under ``max-width`` stays hidden."""
    hidden: set[str] = set()
    shown: set[str] = set()
    for media, selectors, declarations in css_rules(styles):
        if "display" not in declarations and "visibility" not in declarations:
            continue
        for value in _CSS_DISPLAY.findall(declarations):
            value = value.lower()
            if value in ("none", "hidden"):
                if media is None or not _CSS_ANY_SCREEN.sub("", media):
                    for selector in selectors.split(","):
                        one = _CSS_CLASS_ONLY.fullmatch(selector.strip())
                        if one:
                            hidden.add(one.group(1))
            elif value not in ("inherit", "initial", "unset") and not (
                media and _CSS_NOT_DESKTOP.search(media)
            ):
                shown.update(_CSS_CLASS.findall(selectors))
    return frozenset(hidden - shown)


# What a desktop screen (1280 px wide) shows by a CSS framework's responsive classes: Bootstrap's
# d-md-none / d-none d-xl-block (and 3's hidden-lg, visible-xs), Tailwind's md:hidden / hidden
# lg:block, Foundation's hide-for-large, the last breakpoint up to the desktop's deciding; and a
# template's own words for it (pc-hide, mobile-only). A phone's card in the text stays out.
_BREAKPOINTS = {"": 0, "sm": 1, "md": 2, "lg": 3, "xl": 4}
_RESPONSIVE = re.compile(
    r"d-(?:(sm|md|lg|xl)-)?(none|block|flex|inline|inline-block|inline-flex|grid|table|table-cell)"
    r"|(?:(sm|md|lg|xl):)?(hidden|block|flex|inline|inline-block|inline-flex|grid|table)"
)
_DESKTOP_HIDDEN = re.compile(
    r"hidden-lg|visible-(?:xs|sm|md)(?:-block|-inline|-inline-block)?|hide-for-large(?:-up)?|"
    r"show-for-(?:small|medium)-only|(?:pc|desktop)[-_]?(?:hide|hidden|none)|"
    r"(?:hide|hidden)[-_](?:pc|desktop)|(?:mobile|phone|wap)[-_]?only|only[-_]?(?:mobile|phone|wap)|"
    r"(?:mobile|phone|wap)[-_]show|show[-_](?:mobile|phone|wap)"
)


def desktop_hidden(classes: str) -> bool:
    """Whether an element of these classes is hidden on a desktop screen by a framework's
    responsive classes (a breakpoint's: ``d-none`` or ``hidden`` alone, which scripts toggle, is
    left to the page's own CSS) or a template's own words for it (see ``_RESPONSIVE``)."""
    tokens = classes.lower().split()
    if "visible-lg" in tokens or "visible-lg-block" in tokens:
        return False
    shown, level = True, -1
    for token in tokens:
        if _DESKTOP_HIDDEN.fullmatch(token):
            return True
        match = _RESPONSIVE.fullmatch(token)
        if match:
            bp = _BREAKPOINTS[match.group(1) or match.group(3) or ""]
            if bp >= level:
                level, shown = bp, (match.group(2) or match.group(4)) not in ("none", "hidden")
    return level > 0 and not shown


_CSS_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")


# Classes that keep text from the eye whatever the stylesheet, by the convention of a design
# system or a library, each a whole class name with or without its system's prefix (usa-sr-only,
# govuk-visually-hidden): screen-reader-only labels ("opens in a new window", "Share on") and a
# carousel's loop copies of its first and last slides (slick, Swiper, bxSlider, Owl, SuperSlide).
_UNSEEN_TOKEN = re.compile(
    r"(?:[a-z0-9]+-)*(?:sr-only(?:-focusable)?|visually-?hidden(?:-focusable)?|element-invisible|"
    r"screen-reader-(?:text|only)|wb-inv|show-for-sr|slick-cloned|swiper-slide-duplicate|bx-clone|"
    r"clone|cloned)"
)
# (A class that may hide holds one of these: sr-only, slick-cloned, d-md-none, visible-xs, pc-hide.)
_CLASS_HINT = re.compile(
    r"sr-only|isually|invisible|screen-reader|wb-inv|for-sr|clone|duplicate|"
    r"-none|:hidden|visible-|hidden-|hide|only|show"
)
# A template's own rules come first and are small; a framework's stylesheet pasted inline (150 KB
# on some portals) is not read past this.
_MAX_HIDING_CSS = 30_000


def _hidden_by_class(root: etree._Element, text: str) -> tuple[list, list]:
    """Elements a class hides, in one walk: (those a stylesheet hides — the page's own
    :func:`hidden_classes`, a framework's :func:`desktop_hidden` — which may be tab panels, and
    those hidden by convention whatever the stylesheet, ``_UNSEEN_TOKEN``)."""
    names: frozenset[str] = frozenset()
    if "<style" in text or "<STYLE" in text:
        styles = "\n".join(s.text for s in islice(root.iter("style"), 20) if s.text)
        styles = styles[:_MAX_HIDING_CSS]
        if _CSS_HIDING.search(styles):
            names = hidden_classes(styles)
    styled, unseen = [], []
    verdicts: dict[str, list | None] = {}  # (a page repeats its classes: one verdict each)
    for el in root.iter(etree.Element):
        classes = el.get("class")
        if not classes:
            continue
        if classes not in verdicts:
            verdicts[classes] = _class_verdict(classes, names, styled, unseen)
        found = verdicts[classes]
        if found is not None:
            found.append(el)
    return styled, unseen


def _class_verdict(classes: str, names: frozenset[str], styled: list, unseen: list):
    if names and not names.isdisjoint(classes.split()):
        return styled
    if not _CLASS_HINT.search(classes):
        return None
    tokens = classes.lower().split()
    if any(_UNSEEN_TOKEN.fullmatch(t) and not t.startswith("not-") for t in tokens):
        return unseen
    return styled if desktop_hidden(classes) else None


# An icon drawn as a glyph (🖶, ›, an icon font's private-use character) that the page hides from
# screen readers: a picture, not text (it must not glue onto a source or a date beside it).
_ICONS = etree.XPath("//*[@aria-hidden='true' or @aria-hidden='TRUE' or @aria-hidden='True']")
_WORD = re.compile(r"\w")


def _blank_icons(root: etree._Element) -> None:
    for el in _ICONS(root):
        shown = all_text(el).strip()
        if shown and len(shown) <= 3 and not _WORD.search(shown):
            for child in list(el):
                el.remove(child)
            el.text = " "


_DIGITS = re.compile(r"\d+")


def _id_stem(el: etree._Element) -> str | None:
    ident = el.get("id")
    if not ident or not _DIGITS.search(ident):
        return None
    stem = _DIGITS.sub("#", ident.strip())
    return stem if stem.strip("#_- ") else None


# A person clicks through a few tabs, not thousands: panels past this many in one set stay hidden
# (a page of generated hidden blocks must not become a body of ten thousand lines).
_MAX_TAB_PANELS = 64


def _not_tab_panels(hidden: list) -> list:
    """``hidden`` without the panels of a tab set: a hidden element beside a shown sibling of
    its kind — same tag and the same id but for its number (``table_002`` beside ``table_001``)
    or a class in common (``li.tab-pane`` beside ``li.tab-pane.active``). A reader shows such a
    panel with a click, so it is content — unless it says what a shown sibling says: then it is
    a hidden copy (a mobile or print twin of the body), not another panel."""
    shown: dict = {}  # (parent, tag) -> (id stems, classes, the children) of its shown children
    texts: dict = {}  # (parent, tag) -> the shown children's texts, read when a panel is compared
    kept: dict = {}  # (parent, tag) -> how many of its hidden children are kept as panels
    out = []
    for el in hidden:
        parent = el.getparent()
        stem = _id_stem(el)
        classes = (el.get("class") or "").split()
        if parent is None or el.tag in DROP_TAGS or (stem is None and not classes):
            out.append(el)
            continue
        key = (parent, el.tag)
        if key not in shown:
            stems, names, kids = set(), set(), []
            for sibling in parent.iterchildren(el.tag):
                if not is_hidden(sibling):
                    stems.add(_id_stem(sibling))
                    names.update((sibling.get("class") or "").split())
                    kids.append(sibling)
            shown[key] = (stems, names, kids)
        stems, names, kids = shown[key]
        panel = (stem is not None and stem in stems) or names.intersection(classes)
        if not panel and not _folded_answer(el, parent):
            out.append(el)
            continue
        if key not in texts:
            texts[key] = {_text_key(kid) for kid in kids}
        if _text_key(el) in texts[key] or kept.get(key, 0) >= _MAX_TAB_PANELS:
            out.append(el)
        else:
            kept[key] = kept.get(key, 0) + 1
    return out


def _folded_answer(el: etree._Element, item: etree._Element) -> bool:
    """An accordion's folded part: ``el`` follows a shown sibling (the question a click unfolds
    it under) in an item one of two or more of its kind (same tag and class), and the other items
    fold a part of the same kind (``div.faq-item > div.faq-q + div.faq-a[style=display:none]``)."""
    question = el.getprevious()
    group = item.getparent()
    kind = item.get("class")
    if question is None or group is None or not kind or is_hidden(question):
        return False
    if not all_text(question).strip():
        return False
    return any(
        child.tag == el.tag and child.get("class") == el.get("class") and is_hidden(child)
        for other in group.iterchildren(item.tag)
        if other is not item and other.get("class") == kind
        for child in other
    )


def _text_key(el: etree._Element) -> str:
    return "".join(all_text(el).split())


# An editor's markup kept in a <textarea> for a script to render (UEditor's uParse, a template's
# `$("#content").html($("#txt").val())`): what the page shows is that markup, rendered.
_CARRIED_MARKUP = re.compile(r"<(?:p|div|table|br|h[1-6]|ul|ol|section|img)\b[^<>]*>", re.I)
_MAX_INLINE_DOCUMENTS = 20


def _show_inline_documents(root: etree._Element) -> None:
    """Put in place what a browser shows for documents a page holds as text: an ``<iframe
    srcdoc>`` shows its document there (not the iframe's fallback text); a ``<textarea>``
    holding an editor's markup is the text a script renders (unless the page already shows that
    text: a saved, rendered copy); a read-only one shows its text as written (a 信箱 letter)."""
    frames = list(islice(root.iter("iframe"), _MAX_INLINE_DOCUMENTS))
    for frame in frames:
        srcdoc = frame.get("srcdoc")
        if srcdoc and not is_hidden(frame):
            doc = parse_html(srcdoc)
            if doc is not None:
                _become(frame, "div", doc.find("body") if doc.find("body") is not None else doc)
    boxes = [
        t for t in islice(root.iter("textarea"), _MAX_INLINE_DOCUMENTS) if (t.text or "").strip()
    ]
    carriers = [t for t in boxes if _CARRIED_MARKUP.search(t.text)]
    shown = ""
    if carriers:
        held = [(t, t.text) for t in boxes]
        for t in boxes:
            t.text = None
        shown = squash(all_text(root))
        for t, value in held:
            t.text = value
    for box in boxes:
        if box in carriers:
            doc = parse_html("<html><body>" + box.text + "</body></html>")
            body = doc.find("body") if doc is not None else None
            if body is not None and squash(all_text(body))[:20] not in shown:
                _become(box, "div", body)
        elif (box.get("readonly") is not None or box.get("disabled") is not None) and not is_hidden(
            box
        ):
            value = box.text
            _become(box, "pre", None)
            box.text = value


# A media player's own display: its clock (0:00 / 3:42) among a few short control labels.
_PLAYER_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_PLAYER_LABEL_CHARS = 16
_PLAYER_TEXT_CHARS = 80


def _media_players(root: etree._Element) -> list:
    """The controls a video or audio player draws around its ``<video>``/``<audio>`` (a saved page
    keeps what the player's script built: 播放, 当前时间 0:00, /, 时长 3:42, 进度：0%, 点击收听): the
    widest box around the media, up to five levels, whose text is only short labels and shows a
    clock. A caption or the text beside the player is longer and stops the climb."""
    found = []
    for media in islice(root.iter("video", "audio"), _MAX_INLINE_DOCUMENTS):
        node, player = media, None
        for _ in range(5):
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            pieces: list[str] = []
            if not _short_texts(parent, pieces, 0):
                break
            node = parent
            if any(_PLAYER_CLOCK.search(piece) for piece in pieces):
                player = node
        if player is not None:
            found.append(player)
    return found


def _short_texts(el: etree._Element, pieces: list, depth: int) -> bool:
    """Collect ``el``'s shown text pieces; False as soon as one is no short label or they add up."""
    if depth > 12:
        return False
    for piece in (el.text, *(child.tail for child in el)):
        if piece and piece.strip():
            piece = piece.strip()
            pieces.append(piece)
            if len(piece) > _PLAYER_LABEL_CHARS or sum(map(len, pieces)) > _PLAYER_TEXT_CHARS:
                return False
    return all(
        _short_texts(child, pieces, depth + 1)
        for child in el
        if isinstance(child.tag, str) and child.tag not in DROP_TAGS
    )


def _become(el: etree._Element, tag: str, content: etree._Element | None) -> None:
    """``el`` turned into a plain ``tag`` holding ``content``'s text and children."""
    tail = el.tail
    el.clear()
    el.tag, el.tail = tag, tail
    if content is not None:
        el.text = content.text
        el.extend(list(content))


# What <head> holds: kept when a reader wants it after cleaning (a list's <base>, <link rel=next>).
_HEAD_TAGS = frozenset("head link meta base title".split())
_DROP_TAG_LIST = sorted(DROP_TAGS)
_DROP_BODY_TAG_LIST = sorted(DROP_TAGS - _HEAD_TAGS)


class Parsed(NamedTuple):
    """A parsed and cleaned page: its tree (None when there is no document) and what ``read`` found."""

    root: etree._Element | None
    found: Any = None


def parse_clean(
    text: str,
    *,
    body: bytes | None = None,
    encoding: str | None = None,
    ids: bool = True,
    read: Callable[[etree._Element], Any] | None = None,
    keep_head: bool = False,
    keep_hidden: bool = False,
) -> Parsed:
    """Parse a page once and drop what a browser would not show: the one parse-and-clean of every
    extractor.

    ``read`` is called with the page as parsed, before cleaning (scripts, ``<head>``, hidden
    parts all there); its result is :attr:`Parsed.found`. Cleaning then removes scripts, styles,
    ``<noscript>``/``<template>``, ruby annotations (``<rt>``/``<rp>``), form controls, embedded
    media and ``<head>``, and hidden elements (inline ``display:none``/``visibility:hidden``, the
    ``hidden`` attribute), keeping the text that follows each. ``keep_head`` keeps ``<head>``
    and its ``<title>``/``<meta>``/``<link>``/``<base>``; ``keep_hidden`` keeps hidden elements.
    Arguments as :func:`parse_html`.
    """
    root = parse_html(text, body=body, encoding=encoding, ids=ids)
    if root is None:
        return Parsed(None)
    if "write" in text or "getElementById" in text or ").html(" in text or ").text(" in text:
        for script, markup in write_scripted_text(root):
            place_written(script, markup)
    if "__" in text or "application/json" in text:
        _draw_state_article(root)
    if "<table" in text and ("getElementById" in text or "$(" in text):
        for where, rows in scripted_table_rows(root):
            for cells in rows:
                tr = etree.SubElement(where, "tr")
                for cell in cells:
                    etree.SubElement(tr, "td").text = cell
    found = read(root) if read is not None else None
    if "iframe" in text or "IFRAME" in text or "textarea" in text or "TEXTAREA" in text:
        _show_inline_documents(root)
    doomed = list(root.iter(*(_DROP_BODY_TAG_LIST if keep_head else _DROP_TAG_LIST)))
    if "video" in text or "audio" in text or "VIDEO" in text or "AUDIO" in text:
        doomed.extend(_media_players(root))
    if not keep_hidden:
        hidden = [el for el in _STYLED_OR_HIDDEN(root) if is_hidden(el)]
        styled, unseen = _hidden_by_class(root, text)
        doomed.extend(_not_tab_panels(hidden + styled))
        doomed.extend(unseen)
        if "aria-hidden" in text:
            _blank_icons(root)
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        if tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)
    return Parsed(root, found)


def _clean_line(raw: str) -> str:
    if "\n" in raw:
        # (Most line breaks are the source's around a block's text, which fold() strips anyway.)
        raw = raw.strip()
        if "\n" in raw:
            raw = _NEWLINE_RUN.sub(_join_newline, raw)
    return fold(raw)


# Marks a table-cell boundary inside a line being built (a noncharacter, removed from page input).
_CELL = "\ufdd0"
# Rows of a data table are one line each, cells separated by this (documented in docs/extraction.md).
CELL_SEP = "\t"
_CELL_TAGS = frozenset(["td", "th"])


# What a release attaches: a link to one is part of what it says, not navigation.
_FILE_ENDINGS = frozenset(
    "pdf doc docx docm xls xlsx xlsm wps ofd zip rar txt et ppt pptx dps 7z odt ods odp csv rtf ceb".split()
)
ATTACHMENT_PATH = re.compile(r"\.(?:" + "|".join(sorted(_FILE_ENDINGS)) + r")$", re.I)
# A file name closing a link's text or title (招标文件.pdf, 附件1.odt（2.3MB）): what a reader sees as a file.
_FILE_NAME = re.compile(
    r"\.(?:" + "|".join(sorted(_FILE_ENDINGS)) + r")\s*(?:[(（\[][^()（）\[\]]{0,20}[)）\]])?\s*$",
    re.I,
)
_QUERY_FILE = re.compile(
    r"[=/](?P<name>[^=&/]+\.(?:" + "|".join(sorted(_FILE_ENDINGS)) + r"))(?:&|$)", re.I
)


# A teaser's one link to its page under its heading (详情, 阅读全文, Read more): never a bare
# "More", a box's. (A list's row and an article's card of teasers read it the same.)
DETAIL_LINK = re.compile(
    r"^[\[【(（]?\s*(?:详情|详细|查看|查看详情|详细信息|点击查看|阅读全文)\s*[\]】)）]?\s*[>»]*$"
    r"|(?i:^(?:read\s+more|read\s+the\s+full\s+(?:story|release|article)|continue\s+reading|"
    r"find\s+out\s+more|learn\s+more)\s*[>»›→]*$)"
)


def file_link(a: etree._Element) -> bool:
    """Whether a link is to a file the page attaches: its path ends with a document's extension,
    or (a download handler) its text, title or a query parameter names such a file."""
    href = a.get("href")
    if not href:
        return False
    path = href.split("?", 1)[0].split("#", 1)[0].split(";", 1)[0]
    if path.rpartition(".")[2].lower() in _FILE_ENDINGS:
        return True
    # A download handler (download.jsp?attachGuid=…, Download.ashx?u=…): the file is named by the
    # link's text, its title or a query parameter (downfile.jsp?filename=名单.xlsx).
    if "?" in href and _QUERY_FILE.search(href.split("?", 1)[1]):
        return True
    title = a.get("title")
    if title and "." in title and _FILE_NAME.search(title):
        return True
    text = all_text(a)
    return len(text) < 200 and "." in text and bool(_FILE_NAME.search(text))


def file_name(a: etree._Element, url: str) -> str:
    """The name a reader sees for an attached file: the link's text, its title, the file named
    in the query, or the last part of its path."""
    text = element_text(a)
    if text:
        return text
    if a.get("title"):
        return a.get("title").strip()
    query = url.split("?", 1)[1] if "?" in url else ""
    found = _QUERY_FILE.search(query) if query else None
    return found.group("name") if found else url.split("?", 1)[0].rsplit("/", 1)[-1]


@dataclass
class Layout:
    """The visible text of a page as lines, and which lines each block element covers.

    A table row whose cells hold only inline content is one line, its cells joined by
    :data:`CELL_SEP`; a block inside a cell (a layout table) breaks lines as anywhere else.
    """

    lines: list[str] = field(default_factory=list)
    link_chars: list[int] = field(
        default_factory=list
    )  # characters inside <a> per line (not attachments)
    spans: dict = field(default_factory=dict)  # element -> (first line, end line)
    # Per line: the number of the table whose row it is (-1 for other lines), and its non-empty cells.
    table: list[int] = field(default_factory=list)
    cells: list[int] = field(default_factory=list)

    def text_of(self, el, sep: str = "\n\n") -> str:
        start, end = self.spans.get(el, (0, 0))
        return sep.join(self.lines[start:end])


def _row_line(
    raw: str, spans: list | None = None, carry: dict | None = None, width: int = 0
) -> tuple[str, int]:
    """A data row's line and its number of non-empty cells. ``spans`` are the cells'
    (rowspan, colspan); ``carry`` the table's cells spanning down from rows above (column ->
    [rows left, text]), updated. A cell spanning rows is repeated on each row it covers (short
    ones: a label, not a layout's block), a cell spanning columns is followed by empty cells, so
    every figure stays under its heading; ``width`` (the most cells a row of the table had so far)
    keeps a row's leading empty cells when the table is that wide."""
    parts = [part.strip() for part in _clean_line(raw).split(_CELL)]
    if spans is not None and carry is not None and len(spans) == len(parts) - 1:
        parts = ([parts[0]] if parts[0] else []) + _grid_line(parts[1:], spans, carry)
        keep_lead = width >= 3 and sum(1 for p in parts if p) >= 2
    else:
        keep_lead = False
    while parts and not parts[-1]:
        parts.pop()
    first = 0
    while not keep_lead and first < len(parts) and not parts[first]:
        first += 1
    parts = parts[first:]
    return CELL_SEP.join(parts), sum(1 for p in parts if p)


def _grid_line(cells: list[str], spans: list, carry: dict) -> list[str]:
    out: list[str] = []

    def take(col: int) -> None:
        rows_left, text = carry[col]
        out.append(text)
        if rows_left <= 1:
            del carry[col]
        else:
            carry[col][0] = rows_left - 1

    col = 0
    for text, (rowspan, colspan) in zip(cells, spans, strict=True):
        while col in carry:
            take(col)
            col += 1
        out.append(text)
        out.extend([""] * (colspan - 1))
        if rowspan > 1:
            carry[col] = [rowspan - 1, text if len(text) <= 50 else ""]
            for k in range(1, colspan):
                carry[col + k] = [rowspan - 1, ""]
        col += colspan
    for later in sorted(k for k in carry if k >= col):
        out.extend([""] * (later - col))
        take(later)
        col = later + 1
    return out


def _span(el: etree._Element, name: str, most: int) -> int:
    value = el.get(name)
    if not value:
        return 1
    digits = value.strip()[:4]
    return min(max(int(digits), 1), most) if digits.isdigit() else 1


# Elements that make the table row around them a piece of page layout rather than a data row.
_LAYOUT_IN_CELL = (
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
    "form",
    "iframe",
    "article",
    "section",
    "nav",
)


def _layout_rows(root: etree._Element) -> set:
    """Rows that lay the page out rather than hold data, so each cell stands alone.

    Such a row has a cell holding a nested table, list, heading or form, a cell of several
    paragraphs, or a single cell with any paragraph (an article laid out in a table cell).
    """
    found = set()
    for el in root.iter(*_LAYOUT_IN_CELL):
        parent = el.getparent()
        for _ in range(64):  # the nearest row is close; a bound keeps deep nesting linear
            if parent is None or parent in found:
                break
            if parent.tag == "tr":
                found.add(parent)
                break
            parent = parent.getparent()
    for n, row in enumerate(root.iter("tr")):
        if row in found:
            continue
        cells = [c for c in row if c.tag in _CELL_TAGS]
        if not cells or n > 3000:
            found.add(row)
            continue
        # One cell holding paragraphs is a text block, not a table's caption row.
        most = 1 if len(cells) == 1 else _MAX_CELL_PARAGRAPHS
        for cell in cells:
            if sum(1 for _ in islice(cell.iter(*_PARAGRAPHS), most)) >= most:
                found.add(row)
                break
    return found


_PARAGRAPHS = ("p", "div", "br", "li", "blockquote")
_MAX_CELL_PARAGRAPHS = 4

# A table drawn with blocks: rows (div, li, dd) of inline cells (span…) and nothing between them.
_GRID_ROW_TAGS = ("div", "li", "dd")
_GRID_CELL_TAGS = frozenset("span em i b strong font label small code".split())


def _grid_rows(root: etree._Element) -> set:
    """Rows of a table laid out without <table>: three or more sibling blocks of one tag, each
    holding only inline cells (``<div class="row"><span>1</span><span>名称</span>…``), at least
    three cells a row and as many in each. A browser shows them as columns (CSS grid or flex), so
    each row is one line, its cells apart, as a table's are. Rows holding links other than to
    files are a list of links, and a row of one kind alone is no table."""
    groups: dict = {}
    for el in root.iter(*_GRID_ROW_TAGS):
        n = _grid_cells(el)
        if n:
            key = (el.getparent(), el.tag, n)  # (a header row's class may differ)
            groups.setdefault(key, []).append(el)
    return {el for rows in groups.values() if len(rows) >= 3 for el in rows}


# Label/value pairs drawn as blocks: what a browser shows side by side, read as one line each.
_PAIR_CELL_TAGS = frozenset("div p span label strong b em i font small dt dd".split())
_PAIR_BLOCKS = frozenset(["div", "p", "dt", "dd"])


def _pair_rows(root: etree._Element) -> tuple[set, set]:
    """Rows of label/value pairs, and the lists holding several of them.

    A ``<dl>`` (or a ``<div>`` in one) of a ``<dt>`` label and its ``<dd>`` values, each of inline
    content only (``许可决定书文号：`` | ``建字第…号``; ``综合受理窗口`` | ``一楼A区`` | ``电话``), is a
    row: the label and its values on one line. A ``<dl>`` of several such pairs breaks a line at
    each ``<dt>``. Two or more sibling blocks of one kind (tag and class) each of a short label
    block (its colon or its class says so) and its value blocks (``div.kv-row > div.kv-label +
    div.kv-value``) are rows too; a question over its answer is none. A label that is a link (a list's title) or a block inside a cell (a glossary's paragraphs) is
    no pair."""
    rows: set = set()
    lists: set = set()
    for dl in root.iter("dl"):
        kids = [c for c in dl if isinstance(c.tag, str)]
        if not kids:
            continue
        if all(c.tag == "div" for c in kids):
            rows.update(c for c in kids if _pairs(list(c)) == 1)
            continue
        n = _pairs(kids)
        if n == 1:
            rows.add(dl)
        elif n > 1:
            rows.add(dl)
            lists.add(dl)
    groups: dict = {}
    for el in root.iter("div", "li", "p"):
        kind = el.get("class")
        if kind and 2 <= len(el) <= 6 and _label_value(el):
            groups.setdefault((el.getparent(), el.tag, kind), []).append(el)
    rows.update(el for found in groups.values() if len(found) >= 2 for el in found)
    return rows, lists


def _pairs(kids: list) -> int:
    """How many dt + dd… pairs ``kids`` are (0: not only such pairs, each inline)."""
    if not kids or kids[0].tag != "dt" or len(kids) > 60:
        return 0
    pairs = 0
    for n, kid in enumerate(kids):
        if kid.tag == "dt":
            if n + 1 >= len(kids) or kids[n + 1].tag != "dd":
                return 0
            # (Inline first: a block's whole text need not be read to be turned down.)
            if not _inline_cell(kid, links=False) or len(element_text(kid)) > 40:
                return 0
            pairs += 1
        elif kid.tag != "dd" or not _inline_cell(kid, links=True):
            return 0
    return pairs


def _label_value(el: etree._Element) -> bool:
    kids = list(el)
    if not 2 <= len(kids) <= 6 or (el.text and el.text.strip()):
        return False
    if any(
        not isinstance(k.tag, str) or k.tag not in _PAIR_CELL_TAGS or (k.tail and k.tail.strip())
        for k in kids
    ):
        return False
    if not any(k.tag in _PAIR_BLOCKS for k in kids):
        return False  # inline cells already read as one line
    # (Inline cells first: a block's whole text need not be read to be turned down.)
    if not all(_inline_cell(k, links=k is not kids[0]) for k in kids):
        return False
    label = element_text(kids[0])
    # (A label says so: its colon or its class; a question over its answer is no pair.)
    named = label.endswith((":", "：")) or _LABEL_CLASS.search(kids[0].get("class") or "")
    return 0 < len(label) <= 20 and bool(named)


_LABEL_CLASS = re.compile(r"label|lbl|key|name|tit|(?<![a-z])(?:th|left|hd|dt)(?![a-z])", re.I)


def _inline_cell(cell: etree._Element, links: bool) -> bool:
    for inner in cell.iterdescendants():
        if not isinstance(inner.tag, str):
            continue
        if inner.tag in BLOCK_TAGS or (inner.tag == "a" and not links and not file_link(inner)):
            return False
    return True


def _grid_cells(el: etree._Element) -> int:
    if len(el) < 3 or (el.text and el.text.strip()):
        return 0
    # (The cheap checks first: a row's cells are visited inside only when all are inline.)
    if any(c.tag not in _GRID_CELL_TAGS or (c.tail and c.tail.strip()) for c in el):
        return 0
    for child in el:
        if not all_text(child).strip():
            return 0
        for inner in child.iter():
            if inner.tag in BLOCK_TAGS or (inner.tag == "a" and not file_link(inner)):
                return 0
    return len(el)


def layout(root: etree._Element) -> Layout:
    """Walk the (cleaned) tree once: block elements and ``<br>`` break lines, inline text joins.

    The walk is iterative, so nesting depth cannot exhaust the stack.
    """
    walk = _LineWalk(root)
    rows, grid_rows = walk.rows, walk.grid_rows
    start, end, flush = walk.start, walk.end, walk.flush
    buf, starts, anchors, lines = walk.buf, walk.starts, walk.anchors, walk.out.lines
    spans = walk.out.spans
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if not (rows or walk.pre or tag == "tr" or tag == "pre" or el in grid_rows):
            # Outside data rows and <pre>, most of the walk: what start() and end() do there,
            # inline (the calls cost a quarter of the walk).
            block = tag in BLOCK_TAGS or (
                tag == "span" and _BLOCK_STYLE.search(el.get("style") or "")
            )
            if event == "start":
                if buf and (block or tag == "br"):
                    flush()
                if block or (tag == "span" and (el.get("id") or el.get("class"))):
                    starts[el] = len(lines)
                if tag == "a":
                    counted = not file_link(el)
                    anchors.append(counted)
                    walk.link_depth += counted
                text = el.text
            else:
                if tag == "a" and anchors:
                    walk.link_depth -= anchors.pop()
                if block and buf:
                    flush()
                if el in starts:
                    pending = not block and "".join(buf).replace(_CELL, "").strip()
                    spans[el] = (starts.pop(el), len(lines) + (1 if pending else 0))
                text = el.tail
            if text:
                buf.append(text)
                if walk.link_depth:
                    walk.buf_link += len(text.strip())
            continue
        # Inside a data row, cells join with a separator and blocks within a cell (Word's <p>) with a space.
        in_row = bool(rows)
        block = not in_row and (
            tag in BLOCK_TAGS or (tag == "span" and _BLOCK_STYLE.search(el.get("style") or ""))
        )
        if event == "start":
            cell = (
                in_row
                and el.getparent() is rows[-1][0]
                and (tag in _CELL_TAGS or rows[-1][0] in grid_rows)
            )
            start(el, tag, in_row, cell, block)
        else:
            end(el, tag, in_row, block)
    walk.flush()
    return walk.finished()


class _LineWalk:
    """:func:`layout`'s walk: the line being built, the open links and data rows, and where each
    element's lines start."""

    __slots__ = (
        "out",
        "buf",
        "buf_link",
        "buf_cells",
        "link_depth",
        "anchors",
        "starts",
        "layout_rows",
        "grid_rows",
        "pair_rows",
        "pair_lists",
        "rows",
        "table_ids",
        "cell_spans",
        "carry",
        "widths",
        "pre",
    )

    def __init__(self, root) -> None:
        self.out = Layout()
        self.buf: list[str] = []
        self.buf_link = 0
        self.buf_cells = False
        self.link_depth = 0
        self.anchors: list[bool] = []  # per open <a>: whether its text counts as link text
        self.starts: dict = {}
        self.layout_rows = _layout_rows(root) if root.find(".//tr") is not None else set()
        self.pair_rows, self.pair_lists = _pair_rows(root)
        self.grid_rows = _grid_rows(root) | self.pair_rows
        # Open data rows, innermost last: (row, its table's number).
        self.rows: list[tuple] = []
        self.table_ids: dict = {}
        # The cells of the row being built: (rowspan, colspan) each; per table, the cells spanning
        # down from rows above and the most cells a row had.
        self.cell_spans: list[tuple[int, int]] = []
        self.carry: dict = {}
        self.widths: dict = {}
        self.pre = 0  # open <pre> elements

    def flush(self) -> None:
        buf = self.buf
        if buf:
            if self.buf_cells:
                table = self.rows[-1][1] if self.rows else -1
                line, n = _row_line(
                    "".join(buf),
                    self.cell_spans,
                    self.carry.setdefault(table, {}),
                    self.widths.get(table, 0),
                )
                if n > self.widths.get(table, 0):
                    self.widths[table] = n
            else:
                raw = "".join(buf)
                # (Most buffers are the source's white space between blocks: no line.)
                line, n = ("" if raw.isspace() else _clean_line(raw)), 0
            if line:
                out, rows = self.out, self.rows
                out.lines.append(line)
                out.link_chars.append(min(self.buf_link, len(line)))
                # (A label and its value read as one line, as a paragraph does, not a table's row.)
                out.table.append(
                    rows[-1][1]
                    if self.buf_cells and rows and rows[-1][0] not in self.pair_rows
                    else -1
                )
                out.cells.append(n)
            buf.clear()  # (the same list: layout's walk holds it)
            self.buf_link = 0
        self.buf_cells = False
        if self.cell_spans:
            self.cell_spans = []

    def start(self, el, tag: str, in_row: bool, cell: bool, block: bool) -> None:
        if (tag == "tr" and el not in self.layout_rows) or el in self.grid_rows:
            self.flush()
            self.open_row(el)
            in_row = True
        elif cell:
            if tag == "dt" and self.buf_cells and el.getparent() in self.pair_lists:
                self.flush()  # a list of pairs: each label starts a line
            self.buf.append(_CELL)
            self.buf_cells = True
            self.cell_spans.append(
                (_span(el, "rowspan", 500), _span(el, "colspan", 50))
                if tag in _CELL_TAGS
                else (1, 1)
            )
        elif in_row and (tag in BLOCK_TAGS or tag == "br"):
            self.buf.append(" ")
        elif block or tag == "br":
            self.flush()
        if (
            block
            or in_row
            and (cell or tag in BLOCK_TAGS)
            or (tag == "span" and (el.get("id") or el.get("class")))
        ):
            self.starts[el] = len(self.out.lines)
        if tag == "a":
            counted = not file_link(el)
            self.anchors.append(counted)
            self.link_depth += counted
        if tag == "pre":
            self.pre += 1
        if el.text:
            self._text(el.text)

    def open_row(self, tr) -> None:
        parent = tr.getparent()
        if (
            parent is not None
            and parent.tag in ("tbody", "thead", "tfoot")
            and parent.getparent() is not None
        ):
            parent = parent.getparent()
        self.rows.append((tr, self.table_ids.setdefault(parent, len(self.table_ids))))

    def end(self, el, tag: str, in_row: bool, block: bool) -> None:
        if tag == "a" and self.anchors:
            self.link_depth -= self.anchors.pop()
        rows = self.rows
        if rows and rows[-1][0] is el:
            self.flush()
            rows.pop()
            block = True
        elif block:
            self.flush()
        elif in_row and tag in BLOCK_TAGS:
            self.buf.append(" ")
        starts = self.starts
        if el in starts:
            # An inline container's last line is still being built: count it.
            pending = not block and "".join(self.buf).replace(_CELL, "").strip()
            self.out.spans[el] = (starts.pop(el), len(self.out.lines) + (1 if pending else 0))
        if tag == "pre" and self.pre:
            self.pre -= 1
        if el.tail:
            self._text(el.tail)

    def _text(self, text: str) -> None:
        """Add an element's text or tail (never empty) to the line being built."""
        # Preformatted text keeps its line breaks as a browser shows them (a notice in <pre>).
        if self.pre and "\n" in text and not self.rows:
            first, *rest = text.split("\n")
            self._text_piece(first)
            for piece in rest:
                self.flush()
                self._text_piece(piece)
            return
        self.buf.append(text)  # (as _text_piece does: inline, the walk's commonest step)
        if self.link_depth:
            self.buf_link += len(text.strip())

    def _text_piece(self, text: str) -> None:
        if text:
            self.buf.append(text)
            if self.link_depth:
                self.buf_link += len(text.strip())

    def finished(self) -> Layout:
        out = self.out
        total = len(out.lines)
        spans = out.spans
        for el, (start, end) in spans.items():
            if end > total:  # text that folded away to nothing (zero-width characters) made no line
                spans[el] = (min(start, total), total)
        return out


_MARK_NAMES = ("class", "id", "aria-label")


class Marks:
    """The class, id and aria-label values of a page's body elements, read when first asked for
    and then kept for every other look for marked elements (:func:`marked_elements`): reading
    them costs more than a look."""

    __slots__ = ("_root", "_read")

    def __init__(self, root: etree._Element) -> None:
        self._root = root
        self._read: tuple | None = None

    def read(self) -> tuple[list[str], list, str, list[int]]:
        """(the values in document order, each one's element, the values joined by newlines and
        lowered, where each ends in the joined)."""
        if self._read is None:
            values: list[str] = []
            owners: list = []
            # (A walk reading three attributes: a third cheaper than an XPath over every
            # attribute, whose results are strings that know their element.)
            for body in self._root.iter("body"):
                if any(a.tag == "body" for a in body.iterancestors()):
                    continue  # (a body inside another is walked with it)
                for el in body.iter(etree.Element):
                    get = el.get
                    cls, ident, label = get("class"), get("id"), get("aria-label")
                    if cls is None and ident is None and label is None:
                        continue
                    if (cls is not None) + (ident is not None) + (label is not None) > 1:
                        named = [get(k) for k in el.keys() if k in _MARK_NAMES]  # (as written)
                    else:
                        named = [cls if cls is not None else ident if ident is not None else label]
                    values += named
                    owners += [el] * len(named)
            joined = "\n".join(values).lower()
            self._read = (values, owners, joined, list(accumulate(len(v) + 1 for v in values)))
        return self._read


def marked_elements(
    root: etree._Element, words: tuple[str, ...], marks: Marks | None = None
) -> list[tuple[etree._Element, str]]:
    """(element, its matching attribute values joined by a space) for each element whose class, id
    or aria-label holds one of the lower-case ``words``, in document order; ``marks``: the page's
    values as read for an earlier look.

    The values are searched as one joined string: a Python loop over every element costs more
    than the rest of a large page's extraction.
    """
    values, owners, joined, ends = (marks or Marks(root)).read()
    if not values:
        return []
    starts = []
    for word in words:
        at = joined.find(word)
        while at >= 0:
            starts.append(at)
            at = joined.find(word, at + 1)
    if not starts:
        return []
    starts.sort()
    found: dict = {}
    last = -1
    for at in starts:
        i = bisect_right(ends, at)
        if i == last:
            continue
        last = i
        found.setdefault(owners[i], []).append(values[i])
    return [(el, " ".join(vals)) for el, vals in found.items()]


def element_text(el: etree._Element) -> str:
    """Folded visible text of one element (all of it on one line)."""
    try:
        return _clean_line(all_text(el))
    except (ValueError, TypeError):
        return ""


def join_lines(lines: list[str]) -> str:
    """Lines read as one (a heading broken over lines): joined by a space between words,
    by nothing between Chinese characters."""
    return _clean_line("\n".join(lines))


_AROUND_BREAK = re.compile(r"\s*\n\s*")
# A <br> inside an element read as one line (a heading), marked apart from the source's newlines.
_BR = "\ufdd1"
_AROUND_BR = re.compile(r"\s*" + _BR + r"[\s" + _BR + r"]*")


def _join_br(match: re.Match) -> str:
    """What a ``<br>`` (or a run of them) joins two lines of one heading with: a space between
    Latin words and figures (``Minister announces<br>new funding``), nothing where Chinese
    stands on either side (``…2024年<br><br>“五一”…``, ``示例市发布<br>GDP…``): a reader sees
    a line break, the characters on either side are the title's own."""
    text = match.string
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if not before or not after:
        return ""
    if _CJK_CHAR.match(before) or _CJK_CHAR.match(after):
        return ""
    return " "


def text_with_breaks(el: etree._Element) -> str:
    """:func:`element_text`, a ``<br>`` read as the line break it is: a space between words,
    nothing between Chinese characters (``in<br>rural`` is "in rural", ``阶段<br>学校`` "阶段学校")."""
    if el.find(".//br") is None:
        return element_text(el)
    parts: list[str] = []

    def walk(node) -> None:
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            if child.tag == "br":
                parts.append(_BR)
            elif isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    try:
        walk(el)
        # (Spaces a line ends or starts with beside its break, &nbsp; padding too, are not
        # shown: 泉州市&nbsp;<br>生活垃圾 reads 泉州市生活垃圾.)
        joined = _AROUND_BR.sub(_join_br, "".join(parts))
        return _clean_line(_AROUND_BREAK.sub("\n", joined))
    except (ValueError, TypeError, RecursionError):
        return element_text(el)
