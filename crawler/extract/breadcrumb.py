"""The one breadcrumb finder (首页 > 信息公开 > 通知公告), for article and list pages alike.

Candidates, best first: the site's selector; elements whose class, id or aria-label says
breadcrumb/position/location (CurrChnlCls first, then explicit "breadcrumb" marks); the element of
a "当前位置：" / "You are here" label; and on article pages, whose line layout is known, a
label line or an unmarked line of arrows just above the title. A candidate's names are its links
and the separated text between them, or its list items; a name without a word (an accessibility
skip link drawn as ":::", a lone arrow) is none, so the "現在位置：" label after it is still cut.
"""

from __future__ import annotations

import re

from lxml import etree

from .pagination import absolute_url
from .text import Layout, Marks, byte_clean, element_text, fold, marked_elements, squash

_CRUMB_TAGS = frozenset(["div", "nav", "ol", "ul", "p", "span", "td", "section"])
_LABEL = re.compile(
    r"^\s*[^\s>＞»:：]{0,10}?(?:位置|You\s+are\s+here|Sie sind hier)\s*[:：]?\s*", re.I
)
_SPLIT = re.compile(r"\s*(?:>>|>|＞|»|›|→|\s/\s|\s-\s|／|/|\\)\s*")
_END = re.compile(r"字号|字號|打印|分享|关闭|【|\d{4}-\d{1,2}-\d{1,2}")
_HOME_LINE = re.compile(
    r"^(?:网站首页|首页|首頁|主页|Home|Startseite)\s*(?:>>|>|＞|»|›|→|-|/)", re.I
)
_ARROWS = re.compile(r"\s(?:>>|>|＞|»|›|→)\s|(?:>>|＞|»|›|→)")
# A crumb names something: a skip link drawn as ":::" (an accessibility anchor) or a bare arrow is none.
_WORDLESS = re.compile(r"^\W*$")
_NOISE = re.compile(
    r"^(?:breadcrumbs?|breadcrump|navigation|navigationspfad|sie sind hier|you are here)[:：]?$",
    re.I,
)

# Words of class/id/aria-label values that mark a breadcrumb, searched in one joined lower-case string;
# the short ones count only as a whole class token ("wz", "wz-nav"; not "hzwz", 合作网站).
_MARK_WORDS = (
    "position",
    "location",
    "crumb",
    "bread",
    "path",
    "current",
    "weizhi",
    "dqwz",
    "curpos",
    "currchnl",
    "curmbs",
    "mianbao",
    "address",
    "wz",
)
_TOKEN_WORDS = re.compile(r"(?:^|[\s_-])(?:wz|address)(?:$|[\s_\d-])")
_STRONG_WORDS = _MARK_WORDS[:-2]
_TEXT_LABELS = etree.XPath("//body//text()[contains(., '位置') or contains(., 'You are here')]")
# Breadcrumbs sit above the content: the first part of the source tells whether to look for marks.
_SOURCE_SPAN = 400_000
# ("path" and "current" are left out of this look: SVG paths and scripts put them in most sources.)
_MARK_WORDS_BYTES = tuple(w.encode() for w in _MARK_WORDS if w not in ("path", "current"))


def find_breadcrumb(
    root,
    base: str,
    *,
    selected: list | None = None,
    lay: Layout | None = None,
    title: str | None = None,
    title_line: int | None = None,
    source: str = "",
    body: bytes | None = None,
    encoding: str | None = None,
    marks: Marks | None = None,
) -> tuple[list[str], list[dict]]:
    """Crumb names and the linked ones as ``{"name", "url"}`` (absolute).

    ``selected``: elements a site's selector chose; ``lay``/``title``/``title_line``: an article's
    layout and title (the title is no crumb); ``source``/``body``/``encoding``: the page's text and
    bytes, to skip the search for marks on pages whose source has none; ``marks``: the page's
    marks as read for an earlier look (:class:`~.text.Marks`).
    """
    title_sq = squash(title)
    best: tuple[list[str], list[dict]] = ([], [])
    for el in _candidates(root, selected, lay, title_line, source, body, encoding, marks):
        names, links = _names(el, base)
        names = [n for n in names if not _NOISE.match(n)]
        if names and len(title_sq) >= 8 and squash(names[-1]) == title_sq:
            names.pop()
        links = [link for link in links if not title_sq or squash(link["name"]) != title_sq]
        if len(names) >= 2:
            return names[:20], links[:20]
        if len(names) > len(best[0]):
            best = (names[:20], links[:20])
    return best


def _source_head(source: str, body: bytes | None, encoding: str | None) -> bytes:
    # ASCII words only are looked for: the lowered bytes of an ASCII-compatible body are far cheaper.
    if body is not None and len(body) <= _SOURCE_SPAN and byte_clean(encoding):
        return body.lower()
    return source[:_SOURCE_SPAN].encode("utf-8", "surrogatepass").lower()


def _marked(root, marks: Marks | None) -> list:
    """Elements whose class/id/aria-label holds a mark word, in document order."""
    out = []
    for el, value in marked_elements(root, _MARK_WORDS, marks):
        lowered = value.lower()
        if any(w in lowered for w in _STRONG_WORDS) or _TOKEN_WORDS.search(lowered):
            out.append(el)
    return out


def _short(el, limit: int = 300) -> bool:
    size = 0
    for piece in el.itertext():  # stop early: a marked page-wide wrapper can hold the whole page
        size += len(piece)
        if size > limit * 2:
            return False
    return True


def _looks_like_crumbs(el) -> bool:
    if not _short(el):
        return False
    text = element_text(el)
    return 2 <= len(text) <= 300 and (
        bool(_SPLIT.search(text)) or len(el.findall(".//a")) >= 2 or len(el.findall(".//li")) >= 2
    )


def _candidates(root, selected, lay, title_line, source, body, encoding, marks):
    """Elements that may hold the breadcrumb, best first; lazily, since the first usually does."""
    if selected:
        yield selected[0]
        return
    head = _source_head(source, body, encoding) if source else b""
    if not source or any(w in head for w in _MARK_WORDS_BYTES):
        marked = _marked(root, marks)
        curr = [
            el.getparent()
            for el in marked
            if "CurrChnlCls" in (el.get("class") or "") and el.getparent() is not None
        ]
        explicit = [
            el
            for el in marked
            if "breadcrumb"
            in ((el.get("class") or "") + " " + (el.get("aria-label") or "")).lower()
        ]
        found = 0
        seen = set()
        trusted = curr[:1] + explicit  # the CMS's own marks: only their size is checked
        for el in trusted + marked[:40]:
            if el in seen:
                continue
            seen.add(el)
            if (el in trusted and _short(el)) or (el.tag in _CRUMB_TAGS and _looks_like_crumbs(el)):
                yield el
                found += 1
                if found >= 3:
                    break
    if not source or source.find("位置", 0, _SOURCE_SPAN) >= 0 or b"you are here" in head:
        for text in _TEXT_LABELS(root)[:20]:
            el = text.getparent()
            if el is None:
                continue
            label = fold(str(text))
            if (
                _LABEL.match(label)
                and not _LABEL.sub("", label)
                and not text.is_tail
                and not _LABEL.sub("", element_text(el))
                and el.getparent() is not None
            ):
                # The label is all its element holds (its text, not only the text before the crumb
                # links inside it): the crumbs are its siblings.
                el = el.getparent()
            if el.tag in ("body", "html"):
                continue  # a short page's whole body is no breadcrumb: its list would become the crumbs
            if len(element_text(el)) <= 200 and el.find(".//a") is not None:
                yield el
                break
    if lay is None:
        return
    for i, line in enumerate(lay.lines[:300]):
        if (
            len(line) <= 200
            and (_LABEL.match(line) or _HOME_LINE.match(line))
            and _SPLIT.search(line)
        ):
            owners = [el for el, span in lay.spans.items() if span == (i, i + 1)]
            if owners:
                yield max(owners, key=lambda el: len(element_text(el)))
            break
    # Unmarked: the last line above the title with two or more arrow separators.
    if title_line is not None:
        for i in range(min(title_line, len(lay.lines)) - 1, max(title_line - 30, -1), -1):
            line = lay.lines[i]
            if len(line) <= 150 and len(_ARROWS.findall(line)) >= 2:
                owners = [el for el, span in lay.spans.items() if span == (i, i + 1)]
                if owners:
                    yield max(owners, key=lambda el: len(element_text(el)))
                break


def _names(el, base: str) -> tuple[list[str], list[dict]]:
    """A candidate's crumbs: its list items, or its links and the separated text between them."""
    if el.find(".//li") is not None and el.find(".//li//a") is not None:
        names, links = [], []
        for li in el.iter("li"):
            name = element_text(li)
            if not names:
                name = _LABEL.sub("", name)
            if _SPLIT.fullmatch(name) or _WORDLESS.match(name):
                continue
            name = name.strip(" >»›/＞:：")
            if not name:
                continue
            names.append(name)
            a = li.find(".//a")
            href = (a.get("href") or "").strip() if a is not None else ""
            target = absolute_url(href, base)
            if target:
                links.append({"name": name, "url": target})
        if names:
            return names, links
    names: list[str] = []
    links: list[dict] = []
    pending: list[str] = []
    in_link = 0

    def add_text(text: str | None) -> None:
        if text and not in_link:
            pending.append(text)

    def flush_text() -> bool:
        text = fold("".join(pending))
        pending.clear()
        if not names:
            text = _LABEL.sub("", text)
        for part in _SPLIT.split(text):
            part = part.strip(" :：-")
            if not part:
                continue
            if _END.search(part):
                return False
            names.append(part)
        return True

    for event, node in etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            if node.tag == "a" and not in_link:
                if not flush_text():
                    break
                name = element_text(node)
                href = (node.get("href") or "").strip()
                if name and not _WORDLESS.match(name):
                    names.append(name)
                    target = absolute_url(href, base)
                    if target:
                        links.append({"name": name, "url": target})
                in_link += 1
                continue
            add_text(node.text)
        else:
            if node.tag == "a" and in_link:
                in_link -= 1
            if node is not el:
                add_text(node.tail)
    else:
        flush_text()
    return names, links
