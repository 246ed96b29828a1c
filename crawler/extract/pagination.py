"""Where a list page continues: the next page's URL, from links, TRS/Hanweb scripts or JS pagers.

Only fetchable URLs come out: ``#page=N`` fragments, ASP.NET ``__doPostBack`` and ``javascript:``
calls whose target the page does not reveal are left out rather than guessed.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, chain, islice
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlparse, urlsplit, urlunsplit

from lxml import etree

from .model import Selectors
from .script import (
    Element,
    Scripts,
    bound_click_handlers,
    closing_brace,
    evaluate,
    function_body,
    object_literal,
    run_function,
    run_pager,
    shown_writes,
    written_pager_html,
)
from .select import select
from .text import all_text

_UNFETCHABLE_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "about:", "vbscript:", "file:")


_ABSOLUTE = re.compile(r"^https?://[^/?#\s]+", re.I)


def absolute_url(href: str | None, base: str) -> str | None:
    """Resolve ``href`` against ``base``; None for scripts, fragments, mail links and junk."""
    if not href:
        return None
    if "\n" in href or "\r" in href or "\t" in href:
        href = re.sub(r"[\r\n\t]", "", href)
    href = href.strip()
    if not href or href[0] == "#" or href[:11].lower().startswith(_UNFETCHABLE_SCHEMES):
        return None
    try:
        url = href if _ABSOLUTE.match(href) else (_join(base, href) or urljoin(base, href))
    except ValueError:
        return None
    url = url.split("#", 1)[0]  # (_join's answer has none)
    if not _ABSOLUTE.match(url) and not (
        base[:5].lower() == "file:" and url[:5].lower() == "file:"
    ):
        # (A saved page read as a file keeps its relative links, in its own folder: never a
        # file: link on a page from the web.)
        return None
    return url.replace(" ", "%20")


@lru_cache(maxsize=256)
def _base_parts(base: str) -> tuple[str, str | None] | None:
    """(scheme://netloc, directory path or None when urljoin would tidy it) of an http(s) base URL."""
    try:
        parts = urlparse(base)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    path = parts.path
    folder = path[: path.rfind("/") + 1] if path else "/"
    segments = folder.split("/")[1:-1]
    clean = folder.startswith("/") and all(seg and seg not in (".", "..") for seg in segments)
    return parts.scheme + "://" + parts.netloc, folder if clean else None


def _join(base: str, href: str) -> str | None:
    """``urljoin(base, href)`` without its fragment, for the plain relative links most pages use and
    without urllib's parsing; None when the link is not that plain (then urljoin does it).
    tests/test_extract_list.py checks both agree."""
    if href[0] in "?#" or ";" in href:
        return None
    parts = _base_parts(base)
    if parts is None:
        return None
    path, sep, query = href.split("#", 1)[0].partition("?")
    if sep and not query:
        return None  # urljoin drops an empty "?"
    if href[0] == "/":
        if href.startswith("//"):
            return None
    else:
        folder = parts[1]
        if folder is None or ":" in path:
            return None
        while path.startswith("./") and len(path) > 2 and path[2] not in "./":
            path = path[2:]
        if "//" in path:
            return None
        path = folder + path
    for seg in path.split("/"):
        if seg == "." or seg == "..":
            return None
    return parts[0] + path + sep + query


def page_key(url: str) -> str:
    """A URL reduced to what names the page (no fragment, trailing slash or index.html)."""
    if "#" in url:
        url = urldefrag(url)[0]
    url = _INDEX_PAGE.sub("/", url)
    return url.rstrip("/")


_INDEX_PAGE = re.compile(r"/(?:index|default)\.(?:s?html?|jsp|php|aspx?)$")


def same_page(a: str, b: str) -> bool:
    """True when two URLs name the same page (fragment, trailing slash, index.html ignored)."""
    return page_key(a) == page_key(b)


# ----------------------------------------------------------------------------- JS helpers

_STRING = r"\"[^\"\n]*\"|'[^'\n]*'"
_ARG = re.compile(r"\s*(" + _STRING + r"|[^,]*)\s*(?:,|$)")


def split_js_args(arglist: str) -> list[str | int | None]:
    """Split a JS argument list: quoted strings → str, integers → int, anything else → None
    (identifiers are returned as ``("name",)`` tuples so callers can resolve ``var`` values)."""
    out: list = []
    pos = 0
    arglist = arglist.strip()
    while pos < len(arglist) and len(out) < 20:
        m = _ARG.match(arglist, pos)
        if not m or m.end() == pos:
            break
        raw = m.group(1).strip()
        pos = m.end()
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
            out.append(raw[1:-1])
        elif re.fullmatch(r"-?\d{1,9}", raw):
            out.append(int(raw))
        elif re.fullmatch(r"[A-Za-z_$][\w$.]*", raw):
            out.append((raw,))
        else:
            out.append(None)
    return out


def _js_var(scripts: str, name: str) -> int | None:
    m = re.search(
        r"(?:\bvar\s+|\blet\s+|\bconst\s+|[;\s{]|^)"
        + re.escape(name)
        + r"\s*=\s*[\"']?(\d{1,9})\b",
        scripts,
    )
    return int(m.group(1)) if m else None


def _ints_and_strings(args: list, scripts: str) -> tuple[list[int], list[str]] | None:
    ints, strs = [], []
    for arg in args:
        if isinstance(arg, tuple):
            value = _js_var(scripts, arg[0])
            if value is None:
                text = _js_value(scripts, arg[0])  # a string variable: var prefix = "index"
                if text is None:
                    return None
                strs.append(text)
                continue
            ints.append(value)
        elif isinstance(arg, int):
            ints.append(arg)
        elif isinstance(arg, str):
            strs.append(arg)
    return ints, strs


_CALL = re.compile(r"([A-Za-z_$][\w$.]*)\s*\(([^()]{0,600})\)")
_LEADING_CALL = re.compile(r"\s*([A-Za-z_$][\w$]*)\s*\((?=.*\()")
_TERM = r"(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'|[A-Za-z_$][\w$]*)"
_CONCAT = re.compile(_TERM + r"(?:\s*\+\s*" + _TERM + r")+")
_PAGE_KEY = re.compile(
    r"(?i)^(?:cur(?:rent)?_?page(?:no|num|index)?|page(?:_?(?:no|num|index))?|pn|pageindex)$"
)
_SIZE_KEY = re.compile(r"(?i)^(?:num_?per_?page|page_?size|per_?page|rows|limit)$")


def _eval_concat(body: str, params: dict[str, str], page: str) -> str | None:
    for m in _CONCAT.finditer(body):
        if not any(re.search(r"[/?.=]", t) for t in re.findall(_STRING, m.group(0))):
            continue
        url = evaluate(m.group(0), params)
        if (
            isinstance(url, str)
            and page in url
            and not url.lower().startswith(_UNFETCHABLE_SCHEMES)
        ):
            return url
    return None


def _page_param_names(scripts: str, url: str) -> tuple[str, str | None] | None:
    """Names the page's own pager config gives its page number and page size."""
    at = scripts.find(url)
    if at < 0:
        return None
    window = scripts[max(0, at - 600) : at + len(url) + 600]
    page_key = size_key = None
    for key, _ in re.findall(r"[\"']?([A-Za-z_]\w*)[\"']?\s*:\s*[\"']?(\d{1,9})\b", window):
        if page_key is None and _PAGE_KEY.match(key):
            page_key = key
        elif size_key is None and _SIZE_KEY.match(key):
            size_key = key
    return (page_key, size_key) if page_key else None


def resolve_js(code: str, scripts: str, base: str) -> str | None:
    """Turn a ``javascript:`` pager call into a URL when the page shows how; else None."""
    if not code or "__doPostBack" in code or "WebForm_" in code:
        return None
    lead = _LEADING_CALL.match(code)
    if lead and re.search(r"function\s+" + re.escape(lead.group(1)) + r"\s*\(", scripts):
        # A page function called with what the page holds: ``go(parseInt($("#cur").val()) + 1)``.
        url = run_pager(scripts, code, url=base)
        if url:
            return absolute_url(url, base)
    for call in _CALL.finditer(code):
        name = call.group(1).split(".")[-1]
        if name in ("void", "return"):
            continue
        args = split_js_args(call.group(2))
        page = next((a for a in args if isinstance(a, int)), None)
        if page is None:
            # No page number (``turn('next')``, ``nextPage()``): the page's function may know.
            if re.search(r"function\s+" + re.escape(name) + r"\s*\(", scripts):
                url = run_pager(scripts, call.group(0), url=base)
                if url:
                    return absolute_url(url, base)
            continue
        # A pager function defined on the page that builds the URL and goes there.
        fn = re.search(r"function\s+" + re.escape(name) + r"\s*\(([^)]{0,200})\)\s*\{", scripts)
        if fn:
            url = run_pager(scripts, call.group(0), url=base)
            if url:
                return absolute_url(url, base)
            names = [p.strip() for p in fn.group(1).split(",")]
            values = {n: str(a) for n, a in zip(names, args) if n and isinstance(a, (int, str))}
            url = _eval_concat(scripts[fn.end() : fn.end() + 3000], values, str(page))
            if url:
                return absolute_url(url, base)
        # An AJAX pager call carrying its servlet URL: add the parameters the page's pager config names.
        target = next((a for a in args if isinstance(a, str) and re.search(r"[/?]", a)), None)
        if target:
            names = _page_param_names(scripts, target)
            if names:
                ints = [a for a in args if isinstance(a, int)]
                query = {names[0]: page}
                if names[1] and len(ints) > 1:
                    query[names[1]] = ints[1]
                return absolute_url(_with_query(target, query), base)
    return None


def _with_query(url: str, params: dict) -> str:
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    pairs += [(k, str(v)) for k, v in params.items()]
    return urlunsplit(parts._replace(query=urlencode(pairs, safe=",/")))


# ----------------------------------------------------------------------------- the next page

_NEXT_WORDS = {
    "下一页",
    "下页",
    "后页",
    "后一页",
    "下一頁",
    "下頁",
    "next",
    "nextpage",
    "next page",
    "older",
    "older posts",
    "older entries",
}
_NEXT_CLASSES = {
    "next",
    "nextpage",
    "next-page",
    "page-next",
    "pagination-next",
    "pager-next",
    "xyy",
    "next_page",
    "nextlink",
}
_CURRENT_CLASSES = {
    "current",
    "active",
    "on",
    "cur",
    "curr",
    "selected",
    "pageon",
    "page-current",
    "now",
    "thisclass",
    "current-page",
    "is-current",
}
_CLASS_SPLIT = re.compile(r"\s+")


def _classes(el) -> set[str]:
    return {c.lower() for c in _CLASS_SPLIT.split(el.get("class") or "") if c}


def _clean(text: str) -> str:
    return " ".join(text.split()) if text else ""


_NEXT_HINT = re.compile(
    r"[下后>›＞»→]|加载|next|older|earlier|xyy|load more|show more|more results|nav-previous", re.I
)


_NEXT_PHRASE = re.compile(
    r"^(?:(?:older|earlier)\s+[a-z]+|next\s+(?:\d{1,3}\s+)?[a-z]+|next\s+\d{1,3}|下\s*\d{1,3}\s*[条页篇项])$"
)
_NEXT_TITLES = frozenset(
    ["next page", "下一页", "click to display next page", "go to next page", "next results"]
)
_DISABLED = frozenset(["disabled", "disable", "is-disabled", "unavailable", "inactive"])
_LOAD_MORE = frozenset(
    ["load more", "show more", "more results", "加载更多", "点击加载更多", "载入更多"]
)
# "Load more stories", "Show more news", 加载更多新闻: the same list continues (a "View/See more"
# link may lead to another column, so it is judged by where it leads).
_LOAD_MORE_PHRASE = re.compile(
    r"(?i)^(?:load|show)\s+more(?:\s+[a-z]+){0,2}$|^(?:点击)?(?:加载|载入)更多\w{0,4}$"
)


def _loads_more(text: str) -> bool:
    words = " ".join(text.lower().split()).strip(" .…+›»>")
    return words in _LOAD_MORE or bool(_LOAD_MORE_PHRASE.match(words))


_NEXT_IMAGE = re.compile(r"(?:^|[_\-.])(?:next|xyy|xiayiye|nextpage)(?:[_\-.]|\d|$)")


def _disabled(a) -> bool:
    """A pager's greyed-out link (the last page's "Next"): it may still carry an href."""
    if (a.get("aria-disabled") or "").lower() == "true" or a.get("disabled") is not None:
        return True
    parent = a.getparent()
    return bool(
        _classes(a) & _DISABLED
        or (parent is not None and parent.tag in ("li", "span") and _classes(parent) & _DISABLED)
    )


_OLDER_ENTRIES = re.compile(r"(?i)^[\s«‹<]*(?:previous|older|earlier)\s+(?:entries|posts)[\s«‹<]*$")


def _next_rank(a) -> int | None:
    """How surely an anchor means "next page" (lower is surer); None when it does not."""
    text = _clean(all_text(a))
    img = a.find("img") if not text else None
    if img is not None:
        # An image button: its alt text says what it does (or the link's title), else its file
        # name ("page_next.gif").
        text = _clean(
            img.get("alt") or img.get("title") or a.get("title") or a.get("aria-label") or ""
        )
        if not text and not _disabled(a):
            name = (img.get("src") or "").lower().rsplit("/", 1)[-1]
            return 2 if _NEXT_IMAGE.search(name) else None
    if _loads_more(text):
        return None if _disabled(a) else 3  # the same list continues at its href
    parent = a.getparent()
    hints = (
        text
        + " "
        + (a.get("class") or "")
        + (a.get("rel") or "")
        + (a.get("title") or "")
        + (a.get("aria-label") or "")
    )
    if parent is not None:
        hints += parent.get("class") or ""
        if "nav-previous" in _classes(parent) and _OLDER_ENTRIES.match(text):
            # (WordPress sets the older posts, the list's next page, in div.nav-previous:
            # "« Previous Entries" there goes on down a newest-first list.)
            return None if _disabled(a) else 1
    if not _NEXT_HINT.search(hints):
        return None
    if _disabled(a):
        return None
    bare = re.sub(r"[\s<>«»‹›\[\]【】()（）>＞→←]+", " ", text).strip().lower()
    if bare in _NEXT_WORDS or (a.get("rel") or "").lower() == "next":
        return 0
    if _NEXT_PHRASE.match(bare):
        return 1  # "Older notices", "Earlier news", "Next 10 results"
    cls = _classes(a) | (_classes(a.getparent()) if a.getparent() is not None else set())
    if cls & _NEXT_CLASSES and len(text) <= 12:
        return 1
    title = _clean(a.get("title") or a.get("aria-label") or "").lower()
    if title in _NEXT_WORDS or title in _NEXT_TITLES:
        return 1
    if text in (">", "›", "＞", "→") or bare == "next »" or text.lower() in ("next›", "next ›"):
        return 2
    return None


# Where a scripted link keeps its target: an attribute a click handler reads (htmx's ``hx-get``:
# the request a click makes), or the code itself sending the browser to a literal address.
_TARGET_ATTRS = (
    "data-url",
    "data-href",
    "data-link",
    "data-src",
    "data-target-url",
    "data-next",
    "data-next-url",
    "data-page-url",
    "hx-get",
    "data-hx-get",
)
# Elements other than anchors that carry where they go ("加载更多" as a <button data-url="…">).
_DATA_TARGETED = etree.XPath(
    "//*[not(self::a)][@data-url or @data-href or @data-link or @data-next or @data-next-url"
    " or @data-page-url]"
)
_GO_TO_LITERAL = re.compile(
    r"(?:\blocation(?:\.href)?\s*=|\blocation\.(?:assign|replace)\s*\(|\bwindow\.open\s*\(|\bself\.location\s*=)"
    r"\s*([\"'])([^\"'\s]{1,300})\1\s*(?=[;)]|$)"
)


# A target attribute's value that is an address, not a page number or a word
# (``data-next="2"`` numbers the page a script asks for: no address of its own).
_ADDRESS_LIKE = re.compile(r"[/.?=]")


def _carried_target(el) -> str:
    """What a target attribute of ``el`` holds when it is an address ("" when none)."""
    for name in _TARGET_ATTRS:
        value = (el.get(name) or "").strip()
        if value and not value.startswith(("#", "javascript:")) and _ADDRESS_LIKE.search(value):
            return value
    return ""


def _scripted_target(a, code: str, base: str) -> str | None:
    """The address a ``javascript:`` or click-handled link goes to, when the anchor carries it."""
    value = _carried_target(a)
    if value:
        url = absolute_url(value, base)
        if url:
            return url
    m = _GO_TO_LITERAL.search(code) if code else None
    return absolute_url(m.group(2), base) if m else None


class ScriptTargets:
    """Where the scripted links of one page go (``href="javascript:openDoc('42')"``, an ``onclick``
    with ``window.open('…')``, a ``data-url``), answered once per handler; None when the page does
    not show it plainly. At most ``limit`` handlers are evaluated."""

    def __init__(self, scripts: str, base: str, limit: int = 300, weigh=None):
        self.scripts, self.base, self.left = Scripts(scripts), base, limit
        self.weigh = weigh  # a title's weight: links weighing under 6 are no row titles
        self.cache: dict[str, str | None] = {}

    def __call__(self, a) -> str | None:
        href = (a.get("href") or "").strip()
        code = href[11:] if href[:11].lower() == "javascript:" else ""
        if href and not code and not href.startswith("#"):
            return None  # an ordinary link, or another scheme
        if not code or _VOID.fullmatch(code):
            code = a.get("onclick") or ""
        if _carried_target(a):
            return _scripted_target(a, "", self.base)
        if not code or "__doPostBack" in code or "WebForm_" in code:
            return None
        if self.weigh is not None and self.weigh(a.get("title") or all_text(a)) < 6:
            return None  # a page number, an icon, 加入收藏: never a row's title
        # A handler reading its own element (``openArt(this)``, its data-id) differs by element.
        key = code + repr(sorted(a.attrib.items())) if "this" in code else code
        if key in self.cache:
            return self.cache[key]
        if self.left <= 0:
            return None
        self.left -= 1
        url = _scripted_target(a, code, self.base)
        if url is None and self.scripts.text and "(" in code:
            env = {"this": Element(dict(a.attrib))} if "this" in code else None
            found = run_pager(self.scripts, code, url=self.base, env=env)
            url = absolute_url(found, self.base) if found else None
        self.cache[key] = url
        return url


_VOID = re.compile(r"\s*(void\s*\(\s*0?\s*\)|;)?\s*;?\s*")


def _anchor_target(
    a, scripts: str, base: str, page_url: str, forms: list | None = None
) -> str | None:
    href = (a.get("href") or "").strip()
    url = None
    if href.lower().startswith("javascript:"):
        code = href[len("javascript:") :]
        if re.fullmatch(r"\s*(void\s*\(\s*0?\s*\)|;)?\s*;?\s*", code):
            code = a.get("onclick") or ""
        url = _scripted_target(a, code, base) or resolve_js(code, scripts, base)
        if url is None and forms:
            url = _submitted_form_url(code, scripts, base, forms)
    elif href.startswith("#") or not href:
        onclick = a.get("onclick") or ""
        if not href.startswith("#page"):
            url = _scripted_target(a, onclick, base) or (
                resolve_js(onclick, scripts, base) if onclick else None
            )
            if url is None and forms and onclick:
                url = _submitted_form_url(onclick, scripts, base, forms)
    else:
        url = absolute_url(href, base)
    if url is None and scripts and (not href or href.startswith(("#", "javascript:"))):
        url = _bound_target(a, scripts, base)
    if url is None or same_page(url, page_url):
        return None
    return url


def _bound_target(a, scripts: str, base: str) -> str | None:
    """Where the click handler a script binds to the link (by its id or a class) sends the
    browser, run as a reader's click: ``$("#next").click(function () {location.href = …})``."""
    handlers = bound_click_handlers(scripts)
    if not handlers:
        return None
    ident = a.get("id")
    for selector in ([f"#{ident}"] if ident else []) + [
        f".{c}" for c in (a.get("class") or "").split()
    ]:
        body = handlers.get(selector)
        if body is not None:
            found = run_function(scripts, [], body, [], url=base)
            return absolute_url(found, base) if found else None
    return None


def _url_page_index(url: str, prefix: str, suffix: str) -> int | None:
    """Which page of a TRS series the URL is: 0 for the column's ``index.html`` (or its folder),
    N for ``index_N.html``; None when the URL is not of the series."""
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    if name in ("", f"{prefix}.{suffix}"):
        return 0
    m = re.fullmatch(re.escape(prefix) + r"_(\d{1,6})\." + re.escape(suffix), name)
    return int(m.group(1)) if m else None


_FILE_EXTS = ("html", "shtml", "htm", "jsp", "php", "asp", "aspx")
# A pager called with one object of the series (``Pager({size:24, current:0, prefix:'index',
# suffix:'htm'})``): the keys naming its page count and current page.
_OBJECT_PAGER = re.compile(r"(?<![\w$.])[A-Za-z_$][\w$.]*\s*\(\s*\{([^{}()]{0,400})\}\s*\)")
_COUNT_KEYS = ("size", "pagecount", "countpage", "pages", "totalpage", "totalpages", "count")
_CURRENT_KEYS = ("current", "currentpage", "curpage", "pageindex", "cur")


def _series_next(
    pages: int, current: int, prefix: str, suffix: str, base: str, page_url: str
) -> str | None:
    """The page after ``current`` of a ``prefix.suffix``, ``prefix_1.suffix``, … series."""
    if not re.fullmatch(r"[\w.-]{1,60}", prefix):
        return None
    # The current page counts from 0 in TRS's four-argument form and from 1 in some others
    # (createPageHTML('pagenav', 8, 1, 'index', 'shtml', 93) on the column's first page): the
    # page's own address tells which.
    shown = _url_page_index(page_url, prefix, suffix) if page_url else None
    if shown is not None and current == shown + 1:
        current = shown
    if not (0 <= current < pages <= 100_000) or current + 1 >= pages:
        return None
    return absolute_url(f"{prefix}_{current + 1}.{suffix}", base)


def _trs_next(scripts: str, base: str, page_url: str = "") -> str | None:
    for m in re.finditer(r"createPageHTML\s*\(([^()]{0,400})\)", scripts):
        if re.search(r"function\s+$", scripts[max(0, m.start() - 12) : m.start()]):
            continue
        found = _ints_and_strings(split_js_args(m.group(1)), scripts)
        if not found:
            continue
        ints, strs = found
        if len(ints) < 2:
            continue
        exts = [i for i, s in enumerate(strs) if s.lower().lstrip(".") in _FILE_EXTS]
        suffix = strs[exts[-1]].lstrip(".") if exts else "html"
        prefix = strs[exts[-1] - 1] if exts and exts[-1] > 0 else "index"
        if not re.fullmatch(r"[\w.-]{1,60}", prefix) or not (0 <= ints[1] < ints[0] + 1):
            continue
        return _series_next(ints[0], ints[1], prefix, suffix, base, page_url)
    if "({" in scripts.replace(" ", ""):
        return _object_pager_next(scripts, base, page_url)
    return None


def _object_pager_next(scripts: str, base: str, page_url: str) -> str | None:
    for m in islice(_OBJECT_PAGER.finditer(scripts), 50):
        values: dict[str, str] = {}
        for pair in _JS_PAIR.finditer(m.group(1)):
            value = next(v for v in pair.group(2, 3, 4) if v is not None)
            if pair.group(4) is not None and re.fullmatch(r"[A-Za-z_$][\w$]*", value):
                value = _js_value(scripts, value) or ""
            values[pair.group(1).lower()] = value
        count = next((values[k] for k in _COUNT_KEYS if k in values), "")
        current = next((values[k] for k in _CURRENT_KEYS if k in values), "")
        suffix = values.get("suffix", values.get("ext", "")).lstrip(".")
        prefix = values.get("prefix", "")
        if count.isdigit() and current.isdigit() and prefix and suffix.lower() in _FILE_EXTS:
            return _series_next(int(count), int(current), prefix, suffix, base, page_url)
    return None


# A pager plugin drawn by script from one configuration object: its current page, how many
# pages (or records and a page size) and the function or template making a page's address —
# layui ``laypage.render({curr, count, limit, jump})``, kkpager's ``{pno, total, getLink}``,
# bootstrap-paginator's ``{currentPage, totalPages, pageUrl}``, jQuery pagination's
# ``pagination(count, {current_page, items_per_page, callback})`` (0-based), twbs-pagination's
# ``{startPage, totalPages, href}``. Keys are compared lower case, without ``_``.
# The keys naming a plugin's current page, as pages spell them; compared lower case, without ``_``.
_PLUGIN_CURRENT_KEYS = (
    "curr",
    "currentPage",
    "current_page",
    "pno",
    "startPage",
    "pageNo",
    "pageIndex",
    "curPage",
    "nowPage",
    "pageNumber",
)
_PLUGIN_CONFIG = re.compile(
    r"(?i)\{[^{}]{0,600}?\b(?:" + "|".join(_PLUGIN_CURRENT_KEYS) + r")[\"']?\s*:"
)
# What the substring gate looks for: each key as spelled and lower-cased; a key of two words
# without its first letter, whose case it checks apart (``currentPage``, ``CurrentPage``).
_PLUGIN_KEY_TAILS = tuple(
    dict.fromkeys(
        (spelling[0].lower(), spelling[1:]) if spelling.lower() != spelling else ("", spelling)
        for key in _PLUGIN_CURRENT_KEYS
        for spelling in (key, key.lower())
    )
)
_AFTER_KEY = re.compile(r"[\"']?\s*:")


def _plugin_key_at(scripts: str) -> int | None:
    """Where the first current-page key of an object literal stands (``curr: 1``), found by
    substring searches: a regex over a page's 300 KB of scripts costs milliseconds."""
    first = None
    for letter, tail in _PLUGIN_KEY_TAILS:
        at, tries = scripts.find(tail), 0
        while at >= 0 and tries < 50 and (first is None or at < first):
            start = at - 1 if letter else at
            before = scripts[start - 1 : start] if start > 0 else ""
            if (
                start >= 0
                and (not letter or scripts[start].lower() == letter)
                and not (before.isalnum() or before in "_$" and before)
                and _AFTER_KEY.match(scripts, at + len(tail))
            ):
                first = start
                break
            at, tries = scripts.find(tail, at + 1), tries + 1
    return first


_LEADING_ARGS = re.compile(r"\(\s*([^(){};]{0,80}?)\s*,\s*$")
# Inside a configuration, ``current`` and ``page`` name the current page too.
_PLUGIN_CURRENT = tuple(
    dict.fromkeys(key.lower().replace("_", "") for key in _PLUGIN_CURRENT_KEYS)
) + ("current", "page")
_PLUGIN_PAGES = (
    "totalpages",
    "totalpage",
    "pages",
    "pagecount",
    "countpage",
    "maxpage",
    "pagetotal",
)
_PLUGIN_RECORDS = (
    "count",
    "totalrecords",
    "totalrecord",
    "totalcount",
    "totalcounts",
    "records",
    "totalrows",
    "itemscount",
    "totalsize",
    "totalnumber",
    "total",
)
_PLUGIN_SIZE = ("limit", "pagesize", "itemsperpage", "perpage", "numperpage", "rows", "showcount")
_PLUGIN_LINKS = (
    "jump",
    "getlink",
    "pageurl",
    "href",
    "callback",
    "onpageclick",
    "onpagechange",
    "onchange",
    "onselect",
    "click",
)
_PLUGIN_OBJECT_PARAMS = frozenset(["obj", "o", "opt", "opts", "options", "conf", "config", "pager"])
_PLUGIN_EVENT_PARAMS = frozenset(["e", "ev", "evt", "event", "jq", "el", "elem", "ele", "dom"])
_PAGE_PLACEHOLDER = re.compile(r"\{\{?\s*(?:number|page|pagenumber|pageno|num|p)\s*\}\}?", re.I)


def _plugin_pager_next(scripts: str, base: str, page_url: str) -> str | None:
    """The page after the current one of a pager plugin configured with one object (inline in
    the call or in a variable the call is given)."""
    key = _plugin_key_at(scripts)
    if key is None:
        return None  # cheaper than the object search over every "{" of the page's scripts
    globals_ = Scripts(scripts).globals()
    for m in islice(_PLUGIN_CONFIG.finditer(scripts, max(0, key - 700)), 10):
        close = closing_brace(scripts, m.start())
        if close is None:
            continue
        config = object_literal(scripts[m.start() : close + 1], globals_)
        if not config:
            continue
        before = _LEADING_ARGS.search(scripts, max(0, m.start() - 100), m.start())
        leading = [evaluate(a, globals_) for a in before.group(1).split(",")] if before else []
        url = _plugin_next(config, leading, scripts, base)
        if url:
            return url
    return None


def _plugin_next(config: dict, leading: list, scripts: str, base: str) -> str | None:
    keys = {k.lower().replace("_", ""): (k, v) for k, v in config.items()}

    def number(names) -> float | None:
        for n in names:
            value = keys.get(n, (None, None))[1]
            if isinstance(value, float) and value >= 0 and value.is_integer():
                return value
        return None

    current_key = next(
        (n for n in _PLUGIN_CURRENT if isinstance(keys.get(n, (0, 0))[1], float)), None
    )
    if current_key is None:
        return None
    current = keys[current_key][1]
    # jQuery pagination counts from 0 (``current_page: 0``); so does a current page of 0.
    zero = current == 0 or keys[current_key][0] == "current_page"
    pages = number(_PLUGIN_PAGES)
    size = number(_PLUGIN_SIZE)
    records = number(_PLUGIN_RECORDS)
    if records is None and leading and isinstance(leading[0], float):
        records = leading[0]  # pagination(128, {…}): the records come first
    if pages is None and "total" in keys and size is None:
        pages = number(("total",))  # kkpager: total pages beside totalRecords
    if pages is None and records is not None:
        pages = math.ceil(records / (size or 10))
    if pages is None or (current + 1 >= pages if zero else current >= pages):
        return None
    following = current + 1
    link = next((keys[n][1] for n in _PLUGIN_LINKS if n in keys), None)
    if isinstance(link, str):
        if not _PAGE_PLACEHOLDER.search(link):
            return None
        return absolute_url(_PAGE_PLACEHOLDER.sub(str(int(following)), link, count=1), base)
    if not isinstance(link, tuple):
        return None
    if link[0] == "name":
        found = function_body(scripts, link[1])
        if found is None:
            return None
        params, body = found
    else:
        params, body = link[1], link[2]
    this = {k: v for k, v in config.items() if isinstance(v, (str, float))}
    obj = dict(this, curr=following, current=following, page=following, pageIndex=following)
    link_key = next(n for n in _PLUGIN_LINKS if n in keys)
    args, numbered = [], False
    for name in params:
        low = name.lower()
        if low == "first":
            args.append(False)  # layui's jump: False once the reader asks for a page
        elif low == "type":
            # bootstrap-paginator's pageUrl asks for a "page" item; jqPaginator's onPageChange
            # tells a reader's "change" from the first drawing's "init".
            args.append("page" if link_key == "pageurl" else "change")
        elif link_key == "pageurl" and low in ("current", "cur", "currentpage"):
            args.append(current)
        elif low in _PLUGIN_OBJECT_PARAMS:
            args.append(obj)
        elif low in _PLUGIN_EVENT_PARAMS or numbered:
            args.append(None)
        else:
            args.append(following)
            numbered = True
    found = run_function(scripts, params, body, args, url=base, this=this)
    return absolute_url(found, base) if found else None


def _numbered_next(
    root,
    scripts: str,
    base: str,
    page_url: str,
    anchors: tuple[list, list] | None = None,
    by_series: bool = True,
) -> str | None:
    """Page-number pagers: the link numbered one past the marked current page (``by_series``:
    with none marked, the numbered link to the page after this one in its address's series).

    With ``anchors`` (every anchor and its text), the anchors showing a number are indexed by it
    once, instead of walking and reading every anchor under each current-page mark.
    """
    numbered = None
    if anchors is not None:
        numbered = {}
        for a, text in zip(*anchors):
            text = text.strip()  # _clean(text) is a number exactly when the stripped text is
            if text and text[0] == "[" and text[-1] == "]":
                text = text[1:-1].strip()  # an old pager's "[2]"
            if text and text.isdigit():
                numbered.setdefault(text, []).append(a)
    for el in _number_elements(root):
        text = _clean(all_text(el))
        if not re.fullmatch(r"\d{1,6}", text):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        plain = el.tag not in ("a", "li") and parent.tag != "a" and el.find(".//a") is None
        if not (plain or _classes(el) & _CURRENT_CLASSES):
            continue
        scope = parent
        if scope.tag in ("li", "span", "td") and scope.getparent() is not None:
            scope = scope.getparent()
        want = str(int(text) + 1)
        if numbered is not None:
            found = [a for a in numbered.get(want, ()) if a is scope or scope in a.iterancestors()]
        else:
            found = [a for a in scope.iter("a") if _clean(all_text(a)) == want]
        for a in found:
            url = _anchor_target(a, scripts, base, page_url)
            if url:
                return url
    if numbered:
        # The current page printed as bare text right before the link numbered one past it
        # ("[1] <a>[2]</a>", "<a>1</a> 2 <a>3</a>").
        for text in sorted(numbered, key=int)[:20]:
            for a in numbered[text]:
                before = a.getprevious()
                raw = before.tail if before is not None else a.getparent().text
                m = _BARE_NUMBER_AT_END.search(raw) if raw else None
                if m and int(m.group(1)) + 1 == int(text):
                    url = _anchor_target(a, scripts, base, page_url)
                    if url:
                        return url
        # The current page's link set apart from its siblings by its own look (a style, a
        # class, <font color=red> or <b> inside) where the others share theirs.
        url = _odd_number_next(numbered, scripts, base, page_url)
        if url:
            return url
        # No page marked current: the numbered link to this very page is the current one.
        for text, links in numbered.items():
            for a in links:
                href = (a.get("href") or "").strip()
                target = absolute_url(href, base) if href else None
                if target is None or not same_page(target, page_url):
                    continue
                scope = a.getparent()
                if scope is not None and scope.tag in ("li", "span", "td"):
                    scope = scope.getparent() if scope.getparent() is not None else scope
                want = str(int(text) + 1)
                for b in numbered.get(want, ()):
                    if scope is not None and scope in b.iterancestors():
                        url = _anchor_target(b, scripts, base, page_url)
                        if url:
                            return url
        # Nor a link to this page (a first page printing its "1" as bare text): the numbered link
        # to the page after this one in the list's series.
        for text in sorted(numbered, key=int)[:20] if by_series else ():
            for a in numbered[text]:
                url = _anchor_target(a, scripts, base, page_url)
                if url and _series_successor(url, page_url):
                    return url
    return None


def _look(a) -> tuple:
    """How a numbered link is dressed: its class and style, and the marking tags inside it."""
    inner = tuple(c.tag for c in a if c.tag in ("b", "strong", "font", "em", "span", "i"))
    return (a.get("class") or "", a.get("style") or "", inner)


def _odd_number_next(numbered: dict, scripts: str, base: str, page_url: str) -> str | None:
    """The link numbered one past the one numbered link dressed unlike all its siblings (three
    or more others, of one look), in the same pager."""
    by_box: dict = {}
    for text in sorted(numbered, key=int)[:30]:
        for a in numbered[text]:
            box = a.getparent()
            if box is not None and box.tag in ("li", "span", "td") and box.getparent() is not None:
                box = box.getparent()
            by_box.setdefault(box, []).append((int(text), a))
    for links in by_box.values():
        if len(links) < 4:
            continue
        looks: dict = {}
        for n, a in links:
            looks.setdefault(_look(a), []).append((n, a))
        if len(looks) != 2:
            continue
        odd, usual = sorted(looks.values(), key=len)
        if len(odd) != 1 or len(usual) < 3:
            continue
        after = [a for n, a in links if n == odd[0][0] + 1]
        for a in after:
            url = _anchor_target(a, scripts, base, page_url)
            if url:
                return url
    return None


_BARE_NUMBER_AT_END = re.compile(r"(?:^|[\s\]|>])\[?(\d{1,5})\]?\s*$")
_DOUBLE_ARROWS = frozenset(["»", ">>", "≫", "»»"])


def _double_arrow_next(root, anchors, scripts: str, base: str, page_url: str) -> str | None:
    """A pager whose only forward link is ``»``/``>>`` (``« 2 »``): next when no page-number
    link said otherwise first (elsewhere ``»`` goes to the last page, after a ``›``)."""
    els, texts = anchors if anchors is not None else (list(root.iter("a")), None)
    for i, a in enumerate(els):
        text = (texts[i] if texts is not None else all_text(a)).strip()
        if text in _DOUBLE_ARROWS and not _disabled(a):
            title = _clean(a.get("title") or a.get("aria-label") or "").lower()
            if any(w in title for w in ("last", "尾页", "末页", "最后")):
                continue
            url = _anchor_target(a, scripts, base, page_url)
            if url:
                return url
    return None


_WRITTEN_NEXT = re.compile(
    r"href\s*=\s*\\?[\"']([^\"'\\<>]{1,300})\\?[\"']([^<>]{0,120})>\s*(?:下一页|下页|Next)", re.I
)


# A 下一页 whose address a call computes: ``'<a href="' + pagerLink(currentPage + 1) + '">下一页</a>'``.
_NEXT_WRITTEN_BY_CALL = re.compile(
    r"""href\s*=\s*\\?["']['"]\s*\+[^<>]{1,200}>\s*(?:下一页|下页|下一頁|Next)""", re.I
)


def _script_written_next(scripts: str, base: str, page_url: str) -> str | None:
    """A 下一页 link a script writes: as its ``document.write`` evaluates with the script's
    variables, in a branch the page takes; else one written as a literal."""
    m = _WRITTEN_NEXT.search(scripts)
    if not m and not _NEXT_WRITTEN_BY_CALL.search(scripts):
        return _drawn_pager_next(scripts, base, page_url)
    for html in shown_writes(scripts, url=base):
        found = _WRITTEN_NEXT.search(html)
        if found:
            url = _written_href(found.group(1), scripts, base)
            return url if url and not same_page(url, page_url) else None
    drawn = _drawn_pager_next(scripts, base, page_url) or _run_pager_next(scripts, base, page_url)
    if drawn:
        return drawn
    # A literal link, its address not continued by a concatenation ("index_" + n + ".html").
    if m and "+" not in m.group(1) and "+" not in m.group(2):
        url = absolute_url(m.group(1), base)
        if url and not same_page(url, page_url):
            return url
    return None


_DRAWN_NEXT_WORDS = ("下一页", "下页", "下一頁", "Next", "next", "NEXT")


def _names_next(code: str) -> bool:
    return any(w in code for w in _DRAWN_NEXT_WORDS)


_FUNCTION_NAME = re.compile(r"function\s+([A-Za-z_$][\w$]*)\s*\(")
_CALL_LINE = re.compile(r"(?m)^[ \t]*([A-Za-z_$][\w$]*)\s*\(([^()\n]{0,200})\)\s*;?[ \t]*$")


def _drawn_pager_next(scripts: str, base: str, page_url: str) -> str | None:
    """A 下一页 link a page function draws into the pager's element (``renderPager("fenye")``
    building ``html`` from the record count and a URL template, then ``….innerHTML = html``)."""
    if ("innerHTML" not in scripts and ".html(" not in scripts) or not _names_next(scripts):
        return None
    context = Scripts(scripts)
    # Functions that write an element's HTML and name a next link: the only ones worth a run.
    drawing = set()
    at = scripts.find("function")
    while at >= 0:
        end = scripts.find("function", at + 8)
        fn = _FUNCTION_NAME.match(scripts, at)
        if fn:
            part = scripts[fn.end() : end if end > 0 else len(scripts)]
            if ("innerHTML" in part or ".html(" in part) and _names_next(part):
                drawing.add(fn.group(1))
        at = end
    if not drawing:
        return None
    for m in islice(_CALL_LINE.finditer(scripts), 20):
        if m.group(1) not in drawing:
            continue
        found = context.body(m.group(1))
        if found is None or ("innerHTML" not in found[1] and ".html(" not in found[1]):
            continue
        for html in written_pager_html(context, m.group(0).strip().rstrip(";"), url=base):
            link = _WRITTEN_NEXT.search(html)
            if link:
                url = _written_href(link.group(1), scripts, base)
                return url if url and not same_page(url, page_url) else None
    return None


def _written_href(href: str, scripts: str, base: str) -> str | None:
    """The address of a link a script wrote: its href, or where the page's own function sends
    a ``javascript:goPage(1)`` one (``location.href = "index_" + n + ".shtml"``)."""
    if href.strip().lower().startswith("javascript:"):
        return resolve_js(href, scripts, base)
    return absolute_url(href, base)


def _run_pager_next(scripts: str, base: str, page_url: str) -> str | None:
    """A 下一页 link the page's scripts build as they run top to bottom (``pageStr +=
    "<a href='index_" + (currentPage + 1) + ".html'>下一页</a>"; document.write(pageStr)``, or
    ``….innerHTML = html`` outside any function)."""
    for html in written_pager_html(scripts, scripts, url=base):
        link = _WRITTEN_NEXT.search(html)
        if link:
            url = _written_href(link.group(1), scripts, base)
            return url if url and not same_page(url, page_url) else None
    return None


_JPAGE_PROXY = re.compile(
    r"""proxyUrl\s*:\s*["']([^"'\s]{1,200}dataproxy[^"'\s]{0,60})["']""", re.I
)
_JPAGE_PARAMS = re.compile(r"ajaxParam\s*:\s*\{([^{}]{0,2000})\}", re.I)
_JS_PAIR = re.compile(
    r"""["']?([A-Za-z_]\w{0,40})["']?\s*:\s*(?:"([^"]*)"|'([^']*)'|([\w.\-/%]+))"""
)
_DEFAULT_PROXY = "/module/web/jpage/dataproxy.jsp"


def _jpage_number(name: str, text: str) -> int | None:
    m = re.search(name + r"""\s*:\s*(?:["']?(\d{1,7})\b|([A-Za-z_$][\w$]*))""", text, re.I)
    if not m:
        return None
    value = m.group(1) or _js_value(text, m.group(2))
    return int(value) if value and value.isdigit() else None


def _js_value(text: str, name: str) -> str | None:
    """The literal a page's script gives variable ``name`` (``var webid = "3";``), if one."""
    m = re.search(
        r"(?:\bvar\s+|\blet\s+|\bconst\s+|[;\s{]|^)"
        + re.escape(name)
        + r"""\s*=\s*(?:"([^"\n]{0,200})"|'([^'\n]{0,200})'|(\d{1,12})\b)""",
        text,
    )
    return next((v for v in m.group(1, 2, 3) if v is not None), None) if m else None


def _hanweb_next(
    datastore: str, page_text: str, base: str, records: int, page_url: str = ""
) -> str | None:
    """The request for a Hanweb (大汉) column's next group of records.

    A column page holds its first group of records in a ``<datastore>``; its jpage call
    (``$('#id').jpage({proxyUrl, perPage, groupSize, totalRecord, ajaxParam})``) asks the proxy for
    the next ones as ``dataproxy.jsp?startrecord=N&endrecord=M&perpage=P`` with the column's
    parameters (the site's jpage script posts them; the proxy answers a GET with them in the query
    as well). A proxy answer (a bare ``<datastore>`` for the records asked) is followed by the
    group after it while it is full and short of the total.
    """
    total = re.search(r"<totalrecord>\s*(\d+)", datastore, re.I) or re.search(
        r"totalrecord\W{0,4}(\d+)", page_text, re.I
    )
    asked = urlsplit(page_url) if page_url else None
    if asked is not None and "dataproxy" in asked.path:
        query = parse_qsl(asked.query, keep_blank_values=True)
        values = {k.lower(): v for k, v in query}
        if not (values.get("startrecord", "").isdigit() and values.get("endrecord", "").isdigit()):
            return None
        first, last = int(values["startrecord"]), int(values["endrecord"])
        size = last - first + 1
        if size < 1 or records < size or (total and last >= int(total.group(1))):
            return None
        moved = {"startrecord": str(last + 1), "endrecord": str(last + size)}
        query = [(k, moved.get(k.lower(), v)) for k, v in query]
        return urlunsplit(asked._replace(query=urlencode(query, safe="/,")))

    nextgroup = re.search(
        r"<nextgroup>\s*(?:<!\[CDATA\[)?(.{0,2000}?)(?:\]\]>)?\s*</nextgroup>",
        datastore,
        re.S | re.I,
    )
    perpage = re.search(r"<perpage>\s*(\d+)", datastore, re.I) or re.search(
        r"perpage\W{0,4}(\d+)", page_text, re.I
    )
    if not (nextgroup or total or perpage):
        return None
    per = _jpage_number("perPage", page_text) or (int(perpage.group(1)) if perpage else records)
    if total and int(total.group(1)) <= max(per, records):
        return None
    href = None
    if nextgroup:
        m = re.search(r"href\s*=\s*[\"']([^\"']+)", nextgroup.group(1))
        href = m.group(1).replace("&amp;", "&") if m else None
    params: list[tuple[str, str]] = []
    declared = _JPAGE_PARAMS.search(page_text)
    if declared:
        for m in _JS_PAIR.finditer(declared.group(1)):
            value = next(v for v in m.group(2, 3, 4) if v is not None)
            if m.group(4) is not None and re.fullmatch(r"[A-Za-z_$][\w$]*", value):
                value = _js_value(
                    page_text, value
                )  # a variable: its literal, or the pair is left out
                if value is None:
                    continue
            params.append((m.group(1), value))
    elif href and "dataproxy" in href:
        params = parse_qsl(urlsplit(href).query, keep_blank_values=True)
    keys = {k.lower() for k, _ in params}
    for name in ("webid", "columnid"):
        if name not in keys:
            m = re.search(name + r"[\"']?\s*[=:]\s*[\"']?(\d+)", page_text, re.I)
            if not m:
                return None
            params.append((name, m.group(1)))
    drop = {"page", "startrecord", "endrecord", "perpage"}
    params = [(k, v) for k, v in params if k.lower() not in drop]
    proxy = _JPAGE_PROXY.search(page_text)
    path = (
        proxy.group(1)
        if proxy
        else urlsplit(href).path
        if href and "dataproxy" in href
        else _DEFAULT_PROXY
    )
    # The page holds one group; the next is as big: groupSize pages of perPage records.
    pages = _jpage_number("groupSize", page_text)
    size = per * pages if pages and per else max(per, records)
    first = records + 1
    if size < 1 or (total and first > int(total.group(1))):
        return None
    query = urlencode(
        [("startrecord", first), ("endrecord", first + size - 1), ("perpage", per), *params],
        safe="/,",
    )
    return absolute_url(f"{path}?{query}", base)


_HINT_CHARS = ("下", "后", ">", "›", "＞", "»", "→", "加载")
_HINT_WORDS = (
    "next",
    "older",
    "earlier",
    "xyy",
    "load more",
    "show more",
    "more results",
    "nav-previous",
)


def _hinted(values: list[str]) -> list[int]:
    """Indexes of the strings in which ``_NEXT_HINT`` finds something, in one pass over them joined.

    Substring searches replace the regex: a case-insensitive pattern led by a non-ASCII character
    class runs an order of magnitude slower than ``str.find``. ``str.lower`` keeps positions when it
    keeps the length, and no other character lowers to a letter of the hint words.
    """
    joined = "\n".join(values)  # no hint spans a line break
    starts: list[int] = []
    lowered = joined.lower()
    if len(lowered) != len(joined):
        starts = [m.start() for m in _NEXT_HINT.finditer(joined)]
    else:
        for source, needles in ((joined, _HINT_CHARS), (lowered, _HINT_WORDS)):
            for needle in needles:
                at = source.find(needle)
                while at >= 0:
                    starts.append(at)
                    at = source.find(needle, at + 1)
    if not starts:
        return []
    ends = list(accumulate(len(v) + 1 for v in values))
    return sorted({bisect_right(ends, at) for at in starts})


# Attributes that can hint at "next": the anchor's class, rel and title (and its parent's class).
# One attribute step, not a union: libxml2 merges a union's node sets by sorting them.
_ANCHOR_MARKS = etree.XPath(
    "//a/@*[name() = 'class' or name() = 'rel' or name() = 'title' or name() = 'aria-label']"
)
# Image buttons whose alt text or file name may say "next" (the rank reads them again).
_IMAGE_MARKS = etree.XPath(
    "//a/img[contains(@alt,'下') or contains(@alt,'后') or contains(@alt,'ext') or contains(@alt,'>')"
    " or contains(@src,'next') or contains(@src,'xyy') or contains(@src,'xiayiye')]"
)


def _next_candidates(root, anchors: tuple[list, list] | None = None) -> list:
    """Anchors whose text or attributes hint at "next", in document order.

    ``anchors`` is (every anchor of ``root`` in document order, its ``"".join(itertext())``) when the
    caller has it. Texts and attribute values are each searched as one string. An anchor whose hint
    only appears across two joined attributes (class "…ne" + rel "xt…") is no longer a candidate;
    :func:`_next_rank` never ranked such an anchor, as every rank needs a hint within one field.
    """
    if anchors is None:
        els = list(root.iter("a"))
        texts = [all_text(a) for a in els]
    else:
        els, texts = anchors
    chosen = {id(els[i]) for i in _hinted(texts)}
    marks = _ANCHOR_MARKS(root)
    for i in _hinted(marks):
        chosen.add(id(marks[i].getparent()))
    for img in _IMAGE_MARKS(root):
        chosen.add(id(img.getparent()))
    # Parents by a walk, not "//a/../@class": libxml2 merges the same parent once per child, in
    # quadratic time for a list of thousands of anchors.
    parents = {}
    for a in els:
        parent = a.getparent()
        if parent is not None:
            parents[id(parent)] = parent
    holders = [p for p in parents.values() if p.get("class")]
    for i in _hinted([p.get("class") for p in holders]):
        for a in holders[i].iterchildren("a"):
            chosen.add(id(a))
    if not chosen:
        return []
    return [a for a in els if id(a) in chosen]


_NUMBER_XPATH = etree.XPath(
    "//*[self::span or self::strong or self::b or self::em or self::font or self::a or self::li]"
    "[count(*) <= 1 and string-length(normalize-space(.)) < 7 and normalize-space(.) != ''"
    " and translate(normalize-space(.), '0123456789', '') = '']"
)
_XML_SPACE = " \t\n\r"


def _number_elements(root):
    """What ``_NUMBER_XPATH`` selects, lazily and in document order: the XPath takes the string value
    of every candidate, a walk looks at the text of only those with at most one child."""
    for el in root.iter("span", "strong", "b", "em", "font", "a", "li"):
        n = len(el)
        if n == 0:
            text = el.text
        elif n == 1:
            text = all_text(el)
        else:
            continue
        if not text:
            continue
        text = text.strip(_XML_SPACE)
        if text and len(text) < 7 and text.isascii() and text.isdigit():
            yield el


_NUMBER_LINK = re.compile(r">\s*\[?\d{1,5}\]?\s*</a>", re.I)


def _has_number_link(text: str) -> bool:
    """``_NUMBER_LINK.search(text)``, by reading back from each "</a>": the regex tries every ">" of
    the page, and a page without a numbered link costs it a millisecond or more."""
    for close in ("</a>", "</A>"):
        at = text.find(close)
        while at >= 0:
            k = at
            while k and text[k - 1].isspace():
                k -= 1
            if k and text[k - 1] == "]":
                k -= 1
            d = k
            while d and text[d - 1].isdecimal():
                d -= 1
            if 1 <= k - d <= 5:
                k = d
                if k and text[k - 1] == "[":
                    k -= 1
                while k and text[k - 1].isspace():
                    k -= 1
                if k and text[k - 1] == ">":
                    return True
            at = text.find(close, at + 4)
    return False


def find_next_pages(
    root,
    scripts: str,
    base: str,
    page_url: str,
    *,
    selectors: Selectors | None = None,
    select=None,
    hanweb: tuple[str, int] | tuple[str, int, str] | None = None,
    page_text: str = "",
    anchors: tuple[list, list] | None = None,
    jumps: list[tuple[list[str], int, str]] | None = None,
    buttons: list[tuple[str, str, str]] | None = None,
    forms: list[PageForm] | None = None,
) -> list[str]:
    """Absolute URLs of the following list page(s), nearest first (at most one today).

    ``jumps`` are the page's page-jump menus, ``buttons`` its "Next" buttons and ``forms`` its GET
    forms with a page field, read before form controls are cleaned away (:func:`page_jumps`,
    :func:`page_buttons`, :func:`page_forms`)."""
    if selectors is not None and selectors.next_page and select is not None:
        for el in select(root, selectors.next_page):
            anchors = (
                [el]
                if getattr(el, "tag", None) == "a"
                else list(el.iter("a"))
                if hasattr(el, "iter")
                else []
            )
            for a in anchors:
                url = _anchor_target(a, scripts, base, page_url)
                if url:
                    return [url]
        return []

    ranked = []
    for i, a in enumerate(_next_candidates(root, anchors)):
        rank = _next_rank(a)
        if rank is not None:
            ranked.append((rank, i, a))
    for _, _, a in sorted(ranked, key=lambda t: (t[0], t[1])):
        url = _anchor_target(a, scripts, base, page_url, forms)
        if url:
            return [_past_a_group_jump(url, root, scripts, base, page_url, anchors, page_text)]

    for link in root.iter("link"):
        if "next" in (link.get("rel") or "").lower().split():
            url = absolute_url(link.get("href"), base)
            if url and not same_page(url, page_url):
                return [url]

    for finder in (
        lambda: _button_next(buttons, scripts, base, page_url) if buttons else None,
        lambda: _form_button_next(forms, base, page_url) if forms else None,
        lambda: _trs_next(scripts, base, page_url),
        lambda: _plugin_pager_next(scripts, base, page_url) if "{" in scripts else None,
        lambda: (
            _numbered_next(root, scripts, base, page_url, anchors)
            if _has_number_link(page_text)
            else None
        ),
        lambda: _double_arrow_next(root, anchors, scripts, base, page_url),
        lambda: _more_next(anchors, root, base, page_url),
        lambda: _script_written_next(scripts, base, page_url),
        lambda: (
            _hanweb_next(
                hanweb[0],
                # The column's own jpage call first: its perPage, groupSize and ajaxParam.
                f"{hanweb[2]}\n{page_text}" if len(hanweb) > 2 and hanweb[2] else page_text,
                base,
                hanweb[1],
                page_url,
            )
            if hanweb
            else None
        ),
        lambda: _jump_box_next(root, scripts, base, anchors) if scripts else None,
        lambda: _form_counter_next(forms, base) if forms else None,
        lambda: _jump_menu_next(jumps, base, scripts) if jumps else None,
    ):
        url = finder()
        if url and not same_page(url, page_url):
            return [url]
    return []


def _past_a_group_jump(
    url: str, root, scripts: str, base: str, page_url: str, anchors, page_text: str
) -> str:
    """``url``, a 下一页/Next link's target, unless it leaps past the page after this one: an eGov
    pager ``1 2 … 10 下一页`` whose 下一页 shows the next group of ten (page 11) while the page is
    1. Then the numbered link after the current page, of the same series and before the leap
    (never behind the page's own number), is the next page."""
    there = _series(url)
    if there is None or there[1] is None or not _has_number_link(page_text):
        return url
    numbered = _numbered_next(root, scripts, base, page_url, anchors, by_series=False)
    step = _series(numbered) if numbered and numbered != url else None
    if step is None or step[0] != there[0] or step[1] is None or step[1] >= there[1]:
        return url
    here = _series(page_url)
    if here is not None and here[0] == there[0] and here[1] is not None and step[1] <= here[1]:
        return url
    return numbered


# A query parameter that numbers the pages of a list (``?page=2``, ``?pageNo=2``, ``?paged=2``).
_PAGE_PARAM = re.compile(
    r"(?i)^(?:page|pageno|pagenum|pagenumber|pageindex|pn|p|curpage|currentpage|cpage|paged)$"
)
_FIRST_PAGE_FILE = re.compile(r"(?i)^(index|list|default|more)\.(s?html?|jsp|php|aspx?)$")
_NUMBERED_FILE = re.compile(r"(?i)^([\w.-]{1,40}?)[_-](\d{1,5})\.(s?html?|jsp|php|aspx?)$")
_PATH_PAGE = re.compile(r"^(.*/)page/(\d{1,5})/?$")
_MORE_TEXT = re.compile(
    r"(?i)^(?:(?:查看|点击|点击查看|加载|显示|浏览)?更多(?:内容|信息|新闻|公告|文章|资讯)?|"
    r"(?:view|see|show|load|read)\s+more(?:\s+\w+)?|more(?:\s+\w+)?)$"
)


def _series(url: str) -> tuple[tuple, int | None] | None:
    """(what names a list's series of pages, this page's number: None for the first page) of a
    list page's address: ``?page=N``-like parameters, ``/page/N/``, ``index_N.html``/``list_N.shtml``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    query = parse_qsl(parts.query, keep_blank_values=True)
    numbered = [(k, v) for k, v in query if _PAGE_PARAM.match(k)]
    others = tuple(sorted((k, v) for k, v in query if not _PAGE_PARAM.match(k)))
    if len(numbered) > 1 or (numbered and not numbered[0][1].isdigit()):
        return None
    folder, _, name = parts.path.rpartition("/")
    if numbered:
        return (parts.netloc, parts.path, "?", others), int(numbered[0][1])
    m = _PATH_PAGE.match(parts.path)
    if m:
        return (parts.netloc, m.group(1), "index", None, others), int(m.group(2))
    m = _NUMBERED_FILE.match(name)
    if m:
        return (parts.netloc, folder + "/", m.group(1).lower(), m.group(3).lower(), others), int(
            m.group(2)
        )
    m = _FIRST_PAGE_FILE.match(name)
    if m:
        return (parts.netloc, folder + "/", m.group(1).lower(), m.group(2).lower(), others), None
    if not name:
        return (parts.netloc, folder + "/", "index", None, others), None
    return (parts.netloc, parts.path, "?", others), None


def _series_successor(url: str, page_url: str) -> bool:
    """``url`` is the page after ``page_url`` in the list's series of pages."""
    here, there = _series(page_url), _series(url)
    if here is None or there is None or there[1] is None:
        return False
    if there[0][2] == "?" and here[1] is None:
        parts = urlsplit(page_url)  # the first page of a ?page=N series names no page
        query = tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))
        here = (parts.netloc, parts.path, "?", query), None
    a, b = here[0], there[0]
    if len(a) != len(b) or a[:3] != b[:3] or a[-1] != b[-1]:
        return False
    if len(a) == 5 and a[3] is not None and b[3] is not None and a[3] != b[3]:
        return False
    return there[1] in (1, 2) if here[1] is None else there[1] == here[1] + 1


def _more_next(anchors: tuple[list, list] | None, root, base: str, page_url: str) -> str | None:
    """A "查看更多"/"More" link under a list that leads to the list's next page (its address is the
    page after this one in the series): a load-more link, not a teaser's link to another column."""
    els, texts = anchors if anchors is not None else (list(root.iter("a")), None)
    for i, a in enumerate(els):
        text = texts[i] if texts is not None else all_text(a)
        if not text or len(text) > 24 or ("更多" not in text and "ore" not in text.lower()):
            continue
        word = re.sub(r"[\s+＋>»›.…]+", " ", text).strip()
        if not _MORE_TEXT.match(word) or _disabled(a):
            continue
        url = absolute_url(a.get("href"), base)
        if url and _series_successor(url, page_url):
            return url
    return None


_GO_WORDS = re.compile(r"(?i)^\W*(?:go|go!|跳转|转到|跳页|确定|前往|jump)\W*$")
# "第 1/15 页", "当前 1/15 页", "页次：2/20", "共15页 第1页", "第1页 共15页", "Page 1 of 15".
_COUNTERS = (
    (re.compile(r"(\d{1,5})\s*/\s*(\d{1,5})\s*页"), 1, 2),
    (re.compile(r"页次\s*[:：]?\s*(\d{1,5})\s*/\s*(\d{1,5})"), 1, 2),
    (re.compile(r"共\s*(\d{1,5})\s*页.{0,24}?第\s*(\d{1,5})\s*页", re.S), 2, 1),
    (re.compile(r"第\s*(\d{1,5})\s*页.{0,24}?共\s*(\d{1,5})\s*页", re.S), 1, 2),
    (re.compile(r"(?i)\bpage\s+(\d{1,5})\s+of\s+(\d{1,5})\b"), 1, 2),
)


_PAGE_OPTION = re.compile(
    r"^\s*(?:第\s*)?(\d{1,5})\s*(?:页|/\s*\d{1,5})?\s*$|(?i:^\s*page\s+(\d{1,5}))"
)


def page_jumps(root) -> list[tuple[list[str], int, str]]:
    """The page-jump menus of a page (``<select onchange="location.href=this.value">`` with one
    option a page): each menu's option values, the index of the selected one and its handler
    (a handler calling a page function, ``goPage(this.value)``, is run with the value)."""
    found = []
    for sel in root.iter("select"):
        handler = (sel.get("onchange") or "").lower()
        if "location" not in handler and "window.open" not in handler and "(" not in handler:
            continue
        values, current, numbers = [], -1, []
        for i, option in enumerate(islice(sel.iter("option"), 2000)):
            values.append((option.get("value") or "").strip())
            if option.get("selected") is not None:
                current = i
            m = _PAGE_OPTION.match(all_text(option))
            if m:
                numbers.append(int(m.group(1) or m.group(2)))
        # One option a page: they count pages from 1 (a menu of years or columns is no pager).
        if current >= 0 and len(values) > 1 and len(numbers) * 2 > len(values) and 1 in numbers:
            found.append((values, current, sel.get("onchange") or ""))
    return found


_TARGET_MARKS = (b"data-url", b"data-href", b"data-link", b"data-next", b"data-page-url")


def _mentions_target(source: bytes) -> bool:
    """``source`` holds one of :data:`_TARGET_MARKS` (one pass over the "data-" it holds)."""
    at = source.find(b"data-")
    while at >= 0:
        if source.startswith(_TARGET_MARKS, at):
            return True
        at = source.find(b"data-", at + 5)
    return False


def page_buttons(root, source: bytes | None = None) -> list[tuple[str, str, str]]:
    """(label, handler, address) of the page's "Next" and "Load more" controls that are no
    anchors (``<button onclick="location.href=…">Next``, ``<button data-url="list_2.html">加载更多``),
    read before form controls are cleaned away; the address is what a ``data-url``-like attribute
    holds ("" when none). ``source``: the page's bytes in an ASCII-compatible encoding, if known."""
    found = []
    seen = set()
    # The page's source (when given) tells cheaply whether any element carries an address.
    targeted = source is None or _mentions_target(source)
    for el in chain(root.iter("button", "input"), _DATA_TARGETED(root) if targeted else ()):
        if el in seen:
            continue
        seen.add(el)
        kind = (el.get("type") or "").lower() if el.tag == "input" else ""
        if el.tag == "input" and kind not in ("button", "submit", "image"):
            continue
        code = el.get("onclick") or ""
        target = _carried_target(el)
        if not (code or target) or _disabled(el):
            continue
        # An image button says what it does by its alt text.
        label = (
            (el.get("alt") if kind == "image" else el.get("value"))
            if el.tag == "input"
            else "".join(islice(el.itertext(), 20))
        )
        if len(label or "") > 40:
            continue  # a row or a box that carries its address, not a button
        word = re.sub(r"[\s<>«»‹›\[\]【】()（）>＞→←]+", " ", label or "").strip().lower()
        hint = (el.get("title") or el.get("aria-label") or "").lower()
        if word in _NEXT_WORDS or _loads_more(word) or hint in _NEXT_TITLES or hint in _NEXT_WORDS:
            found.append((word, code, target))
    return found


# A form field that holds the page number (``<input name="pageNo">``).
_PAGE_FIELD = re.compile(
    r"(?i)^(?:cur(?:rent)?_?page(?:no|num|index)?|page(?:_?(?:no|num|index|number))?|pn|pagenum)$"
)
_NO_VALUE_TYPES = frozenset(["submit", "button", "image", "reset", "file"])


class PageForm:
    """A GET form as the browser submits it: its address and its fields (name, value, id), read
    before form controls are cleaned away, with its named "Next" submit buttons (name, value) and
    the text around it (a counter)."""

    __slots__ = ("action", "fields", "nexts", "text")

    def __init__(
        self,
        action: str,
        fields: list[tuple[str, str, str]],
        text: str,
        nexts: list[tuple[str, str]] | None = None,
    ):
        self.action, self.fields, self.text, self.nexts = action, fields, text, nexts or []

    def page_field(self) -> str | None:
        return next((name for name, _, _ in self.fields if _PAGE_FIELD.match(name)), None)

    def holds(self, key: str) -> str | None:
        """The name of the field whose id or name is ``key``."""
        return next((name for name, _, ident in self.fields if key in (ident, name)), None)

    def url(self, field: str, page: int | str, base: str) -> str | None:
        """The address the form goes to with ``field`` set to ``page`` (a GET form's submission
        replaces its action's query with its fields; a field it lacks, a clicked submit button's
        name, comes last)."""
        action = absolute_url(self.action, base) if self.action else base
        if not action:
            return None
        pairs = [(name, str(page) if name == field else value) for name, value, _ in self.fields]
        if not any(name == field for name, _, _ in self.fields):
            pairs.append((field, str(page)))
        return urlunsplit(urlsplit(action)._replace(query=urlencode(pairs, safe="/,"), fragment=""))


def _next_label(el) -> bool:
    label = el.get("value") if el.tag == "input" else "".join(islice(el.itertext(), 20))
    word = re.sub(r"[\s<>«»‹›\[\]【】()（）>＞→←]+", " ", label or "").strip().lower()
    hint = (el.get("title") or el.get("aria-label") or "").lower()
    return word in _NEXT_WORDS or _loads_more(word) or hint in _NEXT_WORDS or hint in _NEXT_TITLES


def page_forms(root) -> list[PageForm]:
    """The page's GET forms that page: with a page-number field (a pager's 跳转 box, a pager
    script's hidden ``pageNo``) or a named 下一页 submit button (``<button name="page" value="2">``),
    read before form controls are cleaned away. Disabled controls are not submitted."""
    found = []
    for form in islice(root.iter("form"), 20):
        if (form.get("method") or "get").strip().lower() != "get":
            continue  # a post is no address to fetch
        fields, nexts = [], []
        for el in islice(form.iter("input", "select", "textarea", "button"), 80):
            name = el.get("name")
            kind = (el.get("type") or ("submit" if el.tag == "button" else "text")).lower()
            if el.get("disabled") is not None:
                continue
            if not name:
                if kind in ("submit", "image") and _next_label(el):
                    nexts.append(("", ""))  # "Load more" submitting the form's own page field
                continue
            if el.tag == "button" or kind in _NO_VALUE_TYPES:
                if kind in ("submit", "image") and _next_label(el):
                    nexts.append((name, (el.get("value") or "").strip()))
                continue
            if kind in ("checkbox", "radio") and el.get("checked") is None:
                continue
            if el.tag == "select":
                options = list(islice(el.iter("option"), 500))
                chosen = next((o for o in options if o.get("selected") is not None), None)
                chosen = chosen if chosen is not None else (options[0] if options else None)
                value = "" if chosen is None else chosen.get("value", all_text(chosen))
            else:
                value = el.get("value") or (all_text(el) if el.tag == "textarea" else "")
            fields.append((name, value.strip(), el.get("id") or ""))
        if not nexts and not any(_PAGE_FIELD.match(name) for name, _, _ in fields):
            continue
        text = _clean("".join(islice(form.itertext(), 200)))
        if page_counter(text) is None and form.getparent() is not None:
            text = _clean("".join(islice(form.getparent().itertext(), 200)))
        found.append(PageForm(form.get("action") or "", fields, text[:600], nexts))
    return found


def _form_button_next(forms: list[PageForm], base: str, page_url: str) -> str | None:
    """A GET form's 下一页 submit button with a name (``<button name="page" value="2">``): what
    clicking it requests."""
    for form in forms:
        for name, value in form.nexts:
            if not name:
                field = form.page_field()
                if field is None:
                    continue
                name, value = field, next(v for n, v, _ in form.fields if n == field)
                if not value.isdigit() or int(value) < 2:
                    continue  # the page the form holds is this one, not the next
            url = form.url(name, value, base)
            if url and not same_page(url, page_url):
                return url
    return None


# A pager function filling a form's page field and submitting the form:
# ``document.getElementById("pageNo").value = p; document.getElementById("queryForm").submit();``
# (``f.elements["pageNo"].value = p``, ``$("input[name='pageNo']").val(p)`` too).
_SET_FIELD = re.compile(
    r"""(?:getElementById\(\s*['"](?P<id>[\w:.-]{1,60})['"]\s*\)|\.(?P<prop>[A-Za-z_]\w{0,40})"""
    r"""|\[\s*['"](?P<item>[A-Za-z_][\w.-]{0,40})['"]\s*\])\s*\.\s*value\s*=(?!=)\s*(?P<set>[^;\n]{1,80})"""
    r"""|\$\(\s*['"](?:#|(?:input)?\[name=['"]?)(?P<sel>[\w:.-]{1,60})['"]?\]?['"]\s*\)\s*\.\s*val\("""
    r"""\s*(?P<val>[^()]{1,80}?)\s*\)"""
)


def _submitted_form_url(code: str, scripts: str, base: str, forms: list[PageForm]) -> str | None:
    """Where a pager call (``goPage(2)``) goes when its function sets a GET form's page field and
    submits the form: the form's address with the field set to the page."""
    if not forms:
        return None
    if "submit" in code and _SET_FIELD.search(code):
        # The handler does it itself: ``document.form1.page.value=2;document.form1.submit();``.
        params, body, args = [], code, []
    else:
        call = _CALL.search(code)
        found = function_body(scripts, call.group(1).split(".")[-1]) if call else None
        if found is None or "submit" not in found[1]:
            return None
        params, body = found
        args = split_js_args(call.group(2))
    env = {n: a for n, a in zip(params, args) if isinstance(a, (int, str))}
    for m in _SET_FIELD.finditer(body):
        key = m.group("id") or m.group("prop") or m.group("item") or m.group("sel")
        value = evaluate(m.group("set") or m.group("val"), env)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) and not (isinstance(value, str) and value.isdigit()):
            continue
        for form in forms:
            field = form.holds(key)
            if field is not None and _PAGE_FIELD.match(field):
                return form.url(field, int(value), base)
    return None


def _form_counter_next(forms: list[PageForm], base: str) -> str | None:
    """A pager that is only a counter and a GET form to jump with (``共12页 当前第1页 跳转到第[ ]页
    [跳转]``): the form's address for the page after the counter's current one."""
    for form in forms:
        field = form.page_field()
        counter = page_counter(form.text) if field else None
        if counter and counter[0] < counter[1]:
            return form.url(field, counter[0] + 1, base)
    return None


# Where a "Load more" button's script fetches its rows from: data, not the list's next page.
_DATA_ENDPOINT = re.compile(r"(?i)\.(?:json|jsonp|xml)(?:$|[?#])|/api/|[?&](?:format|output)=json")


def _button_next(buttons: list[tuple[str, str, str]], scripts: str, base: str, page_url: str):
    for _, code, target in buttons:
        if target and _DATA_ENDPOINT.search(target):
            continue
        found = target or None
        if found is None:
            m = _GO_TO_LITERAL.search(code)
            found = m.group(2) if m else (run_pager(scripts, code, url=base) if scripts else None)
        url = absolute_url(found, base) if found else None
        if url and not same_page(url, page_url):
            return url
    return None


_THIS_VALUE = re.compile(
    r"\bthis\s*\.\s*(?:value|options\s*\[\s*this\s*\.\s*selectedIndex\s*\]\s*\.\s*value)"
)


def _jump_menu_next(
    jumps: list[tuple[list[str], int, str]], base: str, scripts: str = ""
) -> str | None:
    for values, current, handler in jumps:
        if current + 1 >= len(values):
            continue
        value = values[current + 1]
        url = None
        if _THIS_VALUE.search(handler) and re.fullmatch(r"[\w./?=&%:#-]{1,300}", value):
            # The handler run with the reader's choice: ``goPage(this.value)``,
            # ``location.href = 'list_' + this.value + '.html'``.
            found = run_pager(scripts, _THIS_VALUE.sub(repr(value), handler), url=base)
            url = absolute_url(found, base) if found else None
        low = handler.lower()
        if url is None and ("location" in low or "window.open" in low):
            url = absolute_url(value, base)
        if url:
            return url
    return None


def page_counter(text: str) -> tuple[int, int] | None:
    """(current page, pages) from a pager's counter text, when it shows one."""
    for pattern, cur, total in _COUNTERS:
        m = pattern.search(text)
        if m:
            current, pages = int(m.group(cur)), int(m.group(total))
            if 1 <= current <= pages:
                return current, pages
    return None


def _jump_box_next(
    root, scripts: str, base: str, anchors: tuple[list, list] | None = None
) -> str | None:
    """A pager that is only a counter and a page-number box with a GO button: the address its
    handler builds for the page after the counter's current one."""
    if anchors is None:
        els = list(root.iter("a"))
        anchors = (els, [all_text(a) for a in els])
    controls = [(el, el.get("value") or all_text(el)) for el in root.iter("input", "button")]
    for el, label in [*zip(*anchors), *controls]:
        label = label.strip() if label else ""
        if len(label) > 8 or not _GO_WORDS.match(label or el.get("title") or ""):
            continue
        code = el.get("onclick") or ""
        href = el.get("href") or ""
        if not code and href[:11].lower() == "javascript:":
            code = href
        if not code:
            continue
        box, counter = el.getparent(), None
        for _ in range(3):
            if box is None:
                break
            counter = page_counter(_clean("".join(islice(box.itertext(), 200))))
            if counter:
                break
            box = box.getparent()
        if not counter or counter[0] >= counter[1]:
            continue
        url = run_pager(scripts, code, counter[0] + 1, url=base)
        if url:
            return absolute_url(url, base)
    return None


# ----------------------------------------------------------------------------- the pager block

_PAGER_CLASS = re.compile(
    r"(?<![a-z])pag(?:e|er|es|ing|ination|ebar|enav|elist|ebox|inate)?(?![a-z])|fenye|fanye|turnpage|^fy$|^pg$",
    re.I,
)
_PAGER_TEXT = re.compile(
    r"上一页|下一页|上页|下页|首页|尾页|末页|共\s*\d+\s*页|第\s*\d+\s*页|\d+\s*/\s*\d+\s*页|跳转|转到|"
    r"(?<![a-z])(?:previous|prev|next|older|newer|first|last)(?![a-z])|page\s+\d+\s+of\s+\d+|[«»‹›]",
    re.I,
)
_PAGER_MAX_TEXT = 300


def is_pager(el, scripted: frozenset | set = frozenset()) -> bool:
    """Whether ``el`` is a pagination block: a pager class with little text, pager words or several
    numbered links in a short block, or the place a pager script wrote into (``scripted``: the
    parents of the page's pager scripts, recorded before scripts are stripped)."""
    if not isinstance(el.tag, str) or el.tag in ("ul", "ol", "table", "tbody") and len(el) > 12:
        return False
    raw, size = [], 0
    for piece in el.itertext():
        size += len(piece)
        if size > 4 * _PAGER_MAX_TEXT:
            return False  # a big block: read no further
        raw.append(piece)
    text = " ".join("".join(raw).split())
    if len(text) > _PAGER_MAX_TEXT:
        return False
    anchors = list(islice(el.iter("a"), 41))
    if len(anchors) > 40:
        return False
    texts = [" ".join(all_text(a).split()) for a in anchors]
    if any(len(t) > 16 and t.lower() not in _PAGER_WORDS for t in texts):
        return False  # a link with a title: the block holds list rows, whatever else it holds
    if el in scripted:
        return True  # a small block the script writes into
    marks = ((el.get("class") or "") + " " + (el.get("id") or "")).split()
    if any(_PAGER_CLASS.search(m) for m in marks) and not re.search(
        r"[\u4e00-\u9fff]{12}|[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", text, re.I
    ):
        return True
    words = [t.strip(_PAGER_WORD_TRIM).lower().replace(" ", "") for t in texts]
    if (
        texts
        and all(w in _PAGER_WORDS or t in _PAGER_WORDS for w, t in zip(words, texts))
        and any(w in _STEP_WORDS or t in _STEP_WORDS for w, t in zip(words, texts))
    ):
        return True  # nothing but previous/next links ("Newer posts")
    numbered = sum(1 for t in texts if t.isdigit())
    if numbered >= 2 and len(anchors) - numbered <= 6:
        return True
    return bool(anchors) and len(_PAGER_TEXT.findall(text)) >= 2 and len(anchors) <= 16


_PAGER_WORDS = frozenset(
    [
        "上一页",
        "下一页",
        "上页",
        "下页",
        "首页",
        "尾页",
        "末页",
        "前一页",
        "后一页",
        "previous",
        "prev",
        "next",
        "first",
        "last",
        "older",
        "newer",
        "«",
        "»",
        "‹",
        "›",
        "<",
        ">",
        "<<",
        ">>",
        "previouspage",
        "nextpage",
        "firstpage",
        "lastpage",
        "olderposts",
        "newerposts",
        "olderentries",
        "newerentries",
        "previousposts",
        "nextposts",
        "下一頁",
        "上一頁",
    ]
)
# The words that step through pages (a lone 首页/Home link is a menu's, not a pager's).
_STEP_WORDS = _PAGER_WORDS - {"首页", "尾页", "末页", "first", "last", "firstpage", "lastpage"}
_PAGER_WORD_TRIM = " \t\r\n\u00a0\u3000[]【】()（）«»‹›<>"
_PAGER_TOKEN = re.compile(
    r"(?:[a-z0-9]+[-_])?(?:page|pages|pager|paging|pagination\w*|pagebar|pagenav|pagelist|pagebox|fenye|fanye)"
    r"(?:[-_]?(?:box|bar|nav|list|wrap|div|num|nums|link|links|container|area|inner|main|\d+))?",
    re.I,
)
_ATTR_BEFORE = re.compile(rb"\b(class|id)\s*=\s*$", re.I)


def _pager_attrs(source: str | bytes, limit: int = 400) -> set[tuple[str, str]]:
    """(attribute, value) of the class and id values in ``source`` with a pager token ("pagination",
    "page-box", "fenye"), by a substring search for each mark and a look back to its attribute.

    ``source`` is best the page's bytes when their encoding is ASCII-compatible: a byte search is
    several times faster than one in the decoded text of a CJK page.
    """
    data = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
    lowered = data.lower()  # ASCII letters only: positions stay
    found: set[tuple[str, str]] = set()
    looked = 0
    for needle in (b"pag", b"fenye", b"fanye"):
        at = lowered.find(needle)
        while at >= 0 and looked < limit:
            if data[at - 1 : at] in (b"/", b"?", b"&", b"=", b".", b"#"):
                at = lowered.find(needle, at + 1)
                continue  # a URL's "/pages/", "?page=": no attribute value
            looked += 1
            start = max(
                data.rfind(b'"', max(0, at - 60), at), data.rfind(b"'", max(0, at - 60), at)
            )
            if start > 0:
                m = _ATTR_BEFORE.search(data, max(0, start - 12), start)
                if m:
                    end = data.find(data[start : start + 1], at, at + 80)
                    if end > 0:
                        value = data[start + 1 : end]
                        if value.isascii() and any(
                            _PAGER_TOKEN.fullmatch(t) for t in value.decode().split()
                        ):
                            found.add((m.group(1).decode().lower(), value.decode()))
            at = lowered.find(needle, at + 1)
    return found


_PAGER_ID_IN_SCRIPT = re.compile(r"[\"']([A-Za-z][\w-]{0,40})[\"']")


def find_pagers(
    root,
    anchors: tuple[list, list] | None = None,
    scripted: frozenset | set = frozenset(),
    scripts: str = "",
    source: str | bytes = "",
) -> set:
    """The page's pagination blocks (see :func:`is_pager`): the places pager scripts write into
    (their parents, and elements a pager script names by id) and the blocks around page-number
    and previous/next links."""
    if anchors is None:
        els = list(root.iter("a"))
        anchors = (els, [all_text(a) for a in els])
    candidates = dict.fromkeys(scripted)
    if scripted and scripts:
        ids = {
            m.group(1)
            for m in _PAGER_ID_IN_SCRIPT.finditer(scripts)
            if _PAGER_CLASS.search(m.group(1))
        }
        for ident in list(ids)[:4]:
            candidates.update(dict.fromkeys(root.xpath("//*[@id=$i]", i=ident)))
    for a, text in zip(*anchors):
        if not text or len(text) > 24:
            continue
        word = text.strip(_PAGER_WORD_TRIM)
        if (
            not (word.isdigit() and len(word) <= 5)
            and word.lower().replace(" ", "") not in _PAGER_WORDS
            and text.strip() not in _PAGER_WORDS
        ):
            continue
        parent = a.getparent()
        if parent is not None:
            candidates[parent] = None
            if (
                parent.tag in ("li", "span", "td", "font", "b", "strong", "em")
                and parent.getparent() is not None
            ):
                candidates[parent.getparent()] = None
    found = {el for el in candidates if isinstance(el.tag, str) and is_pager(el, scripted)}
    if not found and source:
        # An empty block named like a pager, filled by a script from elsewhere; the names are looked
        # for in the source first (an XPath over every element costs more), and only when no pager
        # showed itself otherwise.
        for name, value in list(_pager_attrs(source))[:4]:
            found.update(
                el for el in root.xpath(f"//*[@{name}=$v]", v=value) if is_pager(el, scripted)
            )
    return found


def xpath_or_css(root, expr: str):
    """Run a per-site selector (:func:`crawler.extract.select.select`; ConfigError when it is none)."""
    return select(root, expr)
