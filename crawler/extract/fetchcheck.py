"""Recognise a 200 response that is not the page: empty body, anti-bot interstitial or redirect
stub, unrendered template, maintenance.

Such a response is recorded as a failed fetch, never stored as a version. The decision rests on
the page's shape first: how much it shows and links, whether scripts or a meta refresh drive it,
whether it carries article content, whether template placeholders stand where its breadcrumb and
body belong. Wordings only count on a page of that shape: a real article that merely mentions
系统维护, "Access Denied" or "enable JavaScript", or shows `${x}` in a code sample, carries the
site's navigation and a body, and passes.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from lxml import etree

# What maintenance, busy and error pages say: one wording, the store's too.
from storage import (
    BUSY_NOTICE,
    ERROR_TITLE,
    GONE_NOTICE,
    LOGIN_NOTICE,
    MAINTENANCE_NOTICE,
    WITHDRAWN_NOTICE,
)

from .dates import find_dates
from .encoding import decode_html
from .text import all_text, parse_clean

# A page is "small" below these sizes: interstitials and maintenance notices are bare.
_SMALL_TEXT = 600
_SMALL_LINKS = 10
_TINY_TEXT = 200
_NOTICE_LINKS = 3  # a maintenance, busy or error notice links home or back, hardly more
_WORDY_NOTICE = 2000

_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\xd0\xcf\x11\xe0", "MS Office"),
    (b"\x89PNG", "PNG"),
    (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7z"),
)
_ANTI_BOT = re.compile(
    r"安全狗|云锁|创宇盾|知道创宇|加速乐|access\s+denied|request\s+blocked|just\s+a\s+moment|cf[-_]chl|"
    r"检测到您的访问存在异常|访问被拦截|您的访问已被拒绝|访问被拒绝|"
    r"safedog|yunsuo|jiasule|__jsl_clearance|(?<![a-z])waf(?![a-z])|web\s+application\s+firewall|"
    r"checking\s+your\s+browser|attention\s+required|captcha|人机验证|滑动验证|"
    # what block pages say when they name no vendor: the request was intercepted or cut off
    r"已被(?:网站管理员)?(?:设置)?拦截|请求(?:已)?被拦截|访问(?:已)?被阻断|已被阻断|不合法参数|非法请求|"
    r"攻击请求|网站防火墙|your\s+request\s+(?:has\s+been|was)\s+blocked|request\s+(?:was\s+)?rejected|"
    # or that it may harm the site (no vendor named: 您的访问请求可能对网站造成安全威胁)
    r"(?:访问|请求)[^。\n]{0,12}(?:造成|带来|存在)(?:安全)?威胁|"
    # hosted bot managers, by name or by what their interstitials say
    r"incapsula|imperva|perimeterx|px-captcha|datadome|captcha-delivery|"
    r"request\s+unsuccessful|press\s*(?:&|and)\s*hold|access\s+to\s+this\s+page\s+has\s+been\s+denied",
    re.I,
)
# What an application prints instead of the page when it fails: a database that cannot be
# reached, a PHP error, a stack trace of Java, .NET, Python or PHP frames.
_DRIVER_ERRORS = (
    r"Microsoft\s+(?:OLE\s+DB\s+Provider|VBScript|JET\s+Database\s+Engine|Cursor\s+Engine)|"
    r"\[Microsoft\]\[ODBC|ODBC\s+(?:SQL\s+Server\s+)?Driver|ADODB\.(?:Recordset|Connection|Field)|"
    r"(?:错误|error)\s*'800[0-9a-f]{5}'|SQLSTATE\[|ORA-\d{5}:|"
    r"You\s+have\s+an\s+error\s+in\s+your\s+SQL\s+syntax"
)
_APP_ERROR = re.compile(
    r"数据库(?:连接)?(?:失败|错误|出错|异常)|(?:无法|不能)连接(?:到)?数据库|连接数据库(?:失败|出错)|"
    r"error\s+establishing\s+a\s+database\s+connection|too\s+many\s+connections|SQLSTATE\[|"
    r"(?:fatal|parse)\s+error\s*:.{0,300}?\bon\s+line\s+\d+|uncaught\s+(?:error|exception)|"
    r"(?:mysql|mysqli|pg)_connect\(|" + _DRIVER_ERRORS,
    re.I | re.S,
)
# An application's technical error text (a database driver's or script engine's own words): one
# printed where the content belongs, after the site's header, leaves a page with its navigation
# and no prose of its own. No article reads like this however short it is.
_DRIVER_ERROR = re.compile(_DRIVER_ERRORS, re.I)
_STACK_FRAME = re.compile(
    r"^\s*at\s+[\w$.<>]+\([\w$]+\.(?:java|cs|kt|scala):\d+\)|^\s*at\s+[\w$.<>`]+\(.*\)\s+in\s+\S+:line\s+\d+|"
    r"^\s*File\s+\"[^\"]+\",\s+line\s+\d+|^\s*#\d+\s+\S+\.php\(\d+\)",
    re.M,
)
_STACK_FRAMES = 3
_COOKIE_CHALLENGE = re.compile(r"document\.cookie\s*=", re.I)
_RELOAD = re.compile(
    r"location\s*\.\s*(?:reload|replace|href|assign)|window\.location\s*=|location\s*=|setTimeout|eval\(",
    re.I,
)
_HTMLISH = re.compile(rb"<\s*(?:!doctype|html|head|body|div|p|table|script|meta|title)\b", re.I)


def _sniff_binary(body: bytes) -> str | None:
    head = body[:16].lstrip()
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    sample = body[:2048]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")) and (b"<\x00" in sample or b"\x00<" in sample):
        return None  # UTF-16 markup: NUL bytes are expected
    # Markup spares a page with a stray NUL, not one whose bytes are control bytes as often as
    # noise's: 8 KB of random bytes holds `<p ` or `<div` about one time in twenty.
    if _control_share(sample) > 0.05 or (b"\x00" in sample and not _HTMLISH.search(sample)):
        return "binary data"
    return None


_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])


def _control_share(sample: bytes) -> float:
    # Text has tabs and newlines, almost never other control bytes; arbitrary binary has ~10 %.
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _content_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


_OPENS_DOCUMENT = re.compile(rb"<\s*(?:html|body)\b", re.I)
_CLOSES_DOCUMENT = re.compile(rb"</\s*(?:html|body)\b", re.I)


def cut_reason(body: bytes) -> str | None:
    """Why an HTML response is cut short, read from its bytes alone (no stored version to
    compare: a page's first sight), or None: the document opens ``<html>``/``<body>``, never
    closes either, and its bytes stop inside text or inside a tag — a connection closed under no
    Content-Length. A page that stops at a tag's end cannot be told from a template without
    ``</html>`` here; the store tells it by the page's stored version. Cheap: run on every page."""
    tail = body[-_CUT_TAIL:].rstrip() or body.rstrip()[-_CUT_TAIL:]
    if not tail or tail.endswith(b">") or b"\x00" in tail[-64:]:
        return None
    if not _OPENS_DOCUMENT.search(body[:4096]) or _CLOSES_DOCUMENT.search(body):
        return None
    where = "inside a tag" if tail.rfind(b"<") > tail.rfind(b">") else "inside text"
    return (
        f"response cut short: its HTML stops {where} after {len(body)} bytes, "
        "without </body> or </html>"
    )


_CUT_TAIL = 512


def not_html_reason(body: bytes, content_type: str | None = None) -> str | None:
    """The cheap, byte-level part of :func:`failed_fetch_reason`: a binary body or a non-HTML
    content type (checked on every response; the text checks only where a page looks thin)."""
    body = body or b""
    ctype = _content_type(content_type)
    kind = _sniff_binary(body)
    if kind:
        return f"not HTML (content type {ctype or 'none'}, body is {kind})"
    if (
        ctype
        and not any(t in ctype for t in ("html", "xml", "text/plain"))
        and not _HTMLISH.search(body[:2048])
    ):
        return f"not HTML (content type {ctype})"
    return None


# Block pages say what they are; these wordings only count on a bare, script-driven page (below).
_VERIFY = re.compile(
    r"访问验证|安全验证|人机验证|身份验证中|正在验证|验证您的|请完成验证|浏览器(?:安全)?(?:检查|检测|验证)|安全检测|"
    r"网站防护|安全防护|防火墙|正在(?:进行)?(?:安全)?检[测查]|(?:启用|开启|允许|打开)\s*(?:javascript|js|cookie)|"
    r"enable\s+(?:javascript|js|cookies)|(?:javascript|cookies?)\s+(?:is\s+|are\s+)?(?:required|disabled)|"
    r"verify(?:ing)?\s+(?:you|that\s+you)|are\s+you\s+(?:a\s+)?(?:human|robot)|not\s+a\s+robot|security\s+check|"
    r"checking\s+(?:your\s+)?browser|ddos|bot\s+protection|please\s+wait\s+while",
    re.I,
)
_NAVIGATES = re.compile(
    r"location\s*\.\s*(?:href\s*=(?!=)|replace\s*\(|assign\s*\(|reload\s*\()|location\s*=(?!=)|"
    r"\.submit\s*\(\s*\)|window\s*\.\s*open\s*\(",
    re.I,
)
_CHALLENGE_SRC = re.compile(
    r"waf|challenge|captcha|verif|guard|shield|anti|(?<![a-z])bot|secur|jsl|cdn-cgi|slider|probe",
    re.I,
)
_REFRESH = re.compile(r"^\s*(\d+(?:\.\d+)?)?\s*(?:[;,]\s*(?:url\s*=\s*)?['\"]?([^'\"]*))?", re.I)
_DATED = re.compile(r"(?:19|20)\d\d\s*[-年/.]\s*[01]?\d\s*[-月/.]\s*[0-3]?\d")
# Placeholders a template engine writes when it renders: Velocity/FreeMarker/EL (`$bean.call(`,
# `${x}`, `$!{x}`, `#{x}`), Mustache/Vue/Jinja (`{{x}}`, `{%`), JSP/ASP (`<%= %>`), PHP CMS tags
# (`{$x}`, `{dede:`), FreeMarker directives (`<#list`).
_PLACEHOLDER = re.compile(
    r"\$!?\{\s*[A-Za-z_][\w.\[\]'\"()]{0,80}\}|\$!?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\s*\([^)\n]{0,120}\)?|"
    r"#\{\s*[A-Za-z_][\w.]{0,80}\}|\{\{\s*[#/^!>&]?\s*[A-Za-z_$][^{}\n]{0,80}\}\}|\{%-?\s*[a-z]+\b[^%\n]{0,80}%\}|"
    r"<%[=@#!]?[^%\n]{0,120}%>|\{\$[A-Za-z_][\w.\[\]'\"]{0,80}\}|\{(?:dede|pc|php|loop|foreach|if):[^}\n]{0,80}\}|"
    r"<#(?:list|if|assign|include|macro)\b",
)
_MAY_BE_TEMPLATE = re.compile(
    rb"\$!?\{|\$!?[A-Za-z_]\w*\.[A-Za-z_]\w*\s*\(|#\{|\{\{|\{%|<%|\{\$|\{dede:|<#|<trs_", re.I
)
_SCRIPT_BYTES = re.compile(rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>", re.I | re.S)
_CODE_TAGS = ("script", "style", "code", "pre", "kbd", "samp", "textarea", "xmp", "tt", "noscript")
_PLACEHOLDER_ATTRS = ("href", "src", "title", "alt", "value", "action")
# libxml2 stops at 256 levels of nesting (2048 with huge_tree) and drops everything after.
_PARSER_DEPTH = 255
_TOO_DEEP = etree.XPath("boolean(" + "/".join(["*"] * (_PARSER_DEPTH - 1)) + ")")
_WS_RUN = re.compile(r"\s+")


def may_be_unrendered(body: bytes) -> bool:
    """Cheap byte test: could this response be an unrendered template? (Then run the full check
    even on a page whose extracted body looks substantial.)"""
    if not _MAY_BE_TEMPLATE.search(body):
        return False
    return bool(_MAY_BE_TEMPLATE.search(_SCRIPT_BYTES.sub(b"", body)))


_LINK_BYTES = re.compile(rb"<a[\s>]", re.I)


def may_be_fault(body: bytes) -> bool:
    """Cheap byte test: could this response, whatever its extracted body, be no page — an
    unrendered template, or a page of hardly any links (a server's error page with a long stack
    trace has a long "body"; a real page carries its site's navigation)? Then run the full check."""
    if may_be_unrendered(body):
        return True
    count = 0
    for _ in _LINK_BYTES.finditer(body):
        count += 1
        if count >= _SMALL_LINKS:
            return False
    return True


@dataclass
class _Shape:
    """What a page shows and what drives it, read from one parse."""

    title: str = ""
    heading: str = ""
    visible: str = ""  # text a browser shows with scripts on (no noscript, head, script, style)
    noscript: str = ""
    scripts: str = ""  # inline script code
    script_srcs: list[str] = field(default_factory=list)
    links: int = 0
    refresh: tuple[float, str] | None = None
    has_media: bool = False
    hidden_form: bool = False  # a form of hidden fields only: a token a script posts back
    password: bool = False  # a password field: a login form
    too_deep: bool = False
    placeholders: list[str] = field(default_factory=list)
    whole_placeholders: int = 0  # elements or attributes that are nothing but a placeholder
    prose_chars: int = 0  # visible characters outside links and placeholders, whitespace left out
    named_by_placeholder: bool = False  # the <title> opens with a placeholder

    @property
    def bare(self) -> bool:
        return len(self.visible) < _SMALL_TEXT and self.links < _SMALL_LINKS

    @property
    def script_driven(self) -> bool:
        return bool(self.scripts.strip() or self.script_srcs or self.refresh)


def _refresh(root) -> tuple[float, str] | None:
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() == "refresh":
            m = _REFRESH.match(meta.get("content") or "")
            delay = float(m.group(1)) if m and m.group(1) else 0.0
            return delay, (m.group(2) or "").strip() if m else ""
    return None


def _read_shape(root) -> _Shape:
    """What the page is made of as parsed: its scripts, head, forms and placeholders."""
    shape = _Shape()
    shape.scripts = "\n".join(s.text or "" for s in root.iter("script"))
    shape.script_srcs = [s.get("src") for s in root.iter("script") if s.get("src")]
    shape.title = " ".join(all_text(t) for t in root.iter("title"))
    shape.heading = " ".join(all_text(h) for h in root.iter("h1"))
    shape.noscript = " ".join(" ".join(n.itertext()) for n in root.iter("noscript")).strip()
    shape.links = sum(1 for _ in root.iter("a"))
    shape.refresh = _refresh(root)
    shape.has_media = root.find(".//img") is not None or root.find(".//iframe") is not None
    shape.too_deep = _TOO_DEEP(root)
    shape.password = any((i.get("type") or "").lower() == "password" for i in root.iter("input"))
    shape.hidden_form = any(
        len(inputs) > 0 and all((i.get("type") or "").lower() == "hidden" for i in inputs)
        for inputs in (form.findall(".//input") for form in root.iter("form"))
    )
    _read_placeholders(root, shape)
    # Only the server names the document: a page's own client templates (a lightbox's
    # ``<h1>{{ headline }}</h1>``) sit in its body, never in its <title>.
    shape.named_by_placeholder = bool(_PLACEHOLDER.match(shape.title.strip()))
    return shape


def _shape(text: str, body: bytes, encoding: str) -> tuple[etree._Element | None, _Shape]:
    """The page's shape: as parsed, then what a browser shows of it."""
    root, shape = parse_clean(text, body=body, encoding=encoding, ids=False, read=_read_shape)
    if root is None:
        return None, _Shape()
    _read_shown(root, shape)
    return root, shape


def _read_shown(root, shape: _Shape) -> None:
    """What a browser shows of the page, from its cleaned tree."""
    shape.visible = " ".join(all_text(root).split())
    link_chars = sum(len(_WS_RUN.sub("", all_text(a))) for a in root.iter("a"))
    placeholder_chars = sum(len(_WS_RUN.sub("", p)) for p in shape.placeholders)
    shape.prose_chars = max(0, len(_WS_RUN.sub("", shape.visible)) - link_chars - placeholder_chars)


class PageReading:
    """The page as another reader parsed it (the article's one parse), for the check: give
    :meth:`read` the page as parsed (a copy is kept: copying a tree costs a fraction of a parse,
    and most pages are never checked) and :meth:`shown` the same page cleaned, then pass it to
    :func:`failed_fetch_reason`, which neither decodes nor parses the page again."""

    def __init__(self):
        self.parsed = None  # a copy of the tree as parsed, before cleaning
        self.cleaned = None
        self.text = ""  # the page as decoded

    def read(self, root) -> None:
        self.parsed = copy.deepcopy(root)

    def shown(self, root, text: str) -> None:
        self.cleaned, self.text = root, text

    @property
    def complete(self) -> bool:
        return self.parsed is not None and self.cleaned is not None

    def shape(self) -> _Shape:
        shape = _read_shape(self.parsed)
        _read_shown(self.cleaned, shape)
        return shape


def _read_placeholders(root, shape: _Shape) -> None:
    """Template placeholders outside code samples and scripts, in text and in link/image attributes."""
    found = shape.placeholders
    in_code = {inner for outer in root.iter(*_CODE_TAGS) for inner in outer.iter()}
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.startswith("trs_"):  # TRS WCM's own tags, left in the page when it was not rendered
            found.append(f"<{tag}>")
            shape.whole_placeholders += 1
        for name in _PLACEHOLDER_ATTRS:
            value = el.get(name)
            if value and ("$" in value or "{" in value or "%" in value or "#" in value):
                hits = _PLACEHOLDER.findall(value)
                found.extend(hits)
                shape.whole_placeholders += bool(hits)
        if el in in_code:
            continue
        text = el.text
        if text and ("$" in text or "{" in text or "%" in text or "#" in text):
            hits = _PLACEHOLDER.findall(text)
            found.extend(hits)
            if hits and len(el) == 0 and not _PLACEHOLDER.sub("", text).strip():
                shape.whole_placeholders += 1
        tail = el.tail
        if (
            tail
            and el.getparent() is not None
            and ("$" in tail or "{" in tail or "%" in tail or "#" in tail)
        ):
            if el.getparent() not in in_code:
                found.extend(_PLACEHOLDER.findall(tail))


def _challenge(shape: _Shape) -> bool:
    """A bare page driven by script that is a bot check: it says so, or it sets a cookie, asks
    for JavaScript in a noscript prompt, or loads a challenge script, and shows no article."""
    if not (shape.bare and shape.script_driven) or _DATED.search(shape.visible):
        return False
    navigates = bool(_NAVIGATES.search(shape.scripts)) or shape.refresh is not None
    says_so = bool(_VERIFY.search(f"{shape.title}\n{shape.heading}\n{shape.visible}"))
    cookie = bool(_COOKIE_CHALLENGE.search(shape.scripts))
    challenge_src = any(_CHALLENGE_SRC.search(src) for src in shape.script_srcs)
    evidence = sum((navigates, bool(shape.noscript), cookie, challenge_src, shape.hidden_form))
    return says_so or evidence >= 2


def _redirect_stub(shape: _Shape) -> str | None:
    """A tiny page whose only job is to send the browser elsewhere (script or meta refresh)."""
    if len(shape.visible) >= _TINY_TEXT or shape.links > 3:
        return None
    if shape.refresh is not None and (shape.refresh[1] or shape.refresh[0] <= 10):
        return "redirect stub (meta refresh" + (
            f" to {shape.refresh[1][:120]})" if shape.refresh[1] else ")"
        )
    if _NAVIGATES.search(shape.scripts):
        return "redirect stub (script redirect, no page content)"
    return None


# What a script stub tells the reader before it sends them away: alert("该信息已删除！").
_ALERT = re.compile(r"""\b(?:alert|confirm)\s*\(\s*(['"])(.{1,200}?)\1""")
# An error page named by the status that says the page is gone (404错误, 410 Gone).
_GONE_STATUS = re.compile(r"\s*(?:404|410)(?!\d)")
# The reason of a bare page that says the page is gone: a miss to confirm, like a 404.
GONE_PAGE = "gone page served as 200"


def says_gone(reason: str | None) -> bool:
    """Whether a reason of :func:`failed_fetch_reason` is a bare page saying the page is gone."""
    return bool(reason) and reason.startswith(GONE_PAGE)


def _gone_page(shape: _Shape) -> str | None:
    """A bare page that says the page is gone: in its title or heading (页面不存在, 404 Not Found),
    in its text (该信息已删除), or in the alert of a script that sends the reader away."""
    named = " ".join(f"{shape.title} {shape.heading}".split())
    if named and (GONE_NOTICE.search(named) or _GONE_STATUS.match(named)):
        return f"{GONE_PAGE} ({named[:60]})"
    if WITHDRAWN_NOTICE.search(shape.visible):
        return f"{GONE_PAGE} ({shape.visible[:60]})"
    if len(shape.visible) < _TINY_TEXT:
        said = " ".join(m.group(2) for m in _ALERT.finditer(shape.scripts))
        if GONE_NOTICE.search(said):
            return f"{GONE_PAGE} (script alert: {said[:60]})"
    return None


def stand_in_reason(title: str | None, body: str | None) -> str | None:
    """Why an article read from a page drawn in the site's chrome is a notice in a page's place,
    or None: its title or its text's first line says the page is not there (抱歉，您访问的页面
    不存在或已被删除, 页面不存在, "Page not found", a 404's name), asks the visitor to sign in
    (用户登录, 该信息需登录后查看), or its short text says a firewall blocked the request.

    For an article thin and undated and not yet known — the first sight of a page: with a stored
    version to compare, the store decides (another title, none of its lines). Reasons start as
    :func:`failed_fetch_reason`'s do (a gone page is :func:`says_gone`)."""
    title = " ".join((title or "").split())
    lines = [" ".join(line.split()) for line in (body or "").splitlines() if line.strip()]
    for line in (title, *lines[:1]):
        if line and (WITHDRAWN_NOTICE.search(line) or _GONE_STATUS.match(line)):
            return f"{GONE_PAGE} (in the site's chrome: {line[:60]})"
    for line in (title, *lines[:1]):
        if line and ERROR_TITLE.search(line):
            return f"error page served as 200 (in the site's chrome: {line[:60]})"
    for line in (title, *lines[:1]):
        if line and LOGIN_NOTICE.search(line):
            return f"login wall (in the site's chrome: {line[:60]})"
    text = "\n".join(lines)
    if len(text) < _TINY_TEXT and _ANTI_BOT.search(f"{title}\n{text}"):
        return "anti-bot challenge (a block notice in the site's chrome)"
    return None


def _unrendered(shape: _Shape) -> str | None:
    """Template placeholders where the breadcrumb, title or content belong, and no content — or
    where the page's own name belongs: a template's fixed text (a notice's standing paragraphs, a
    table's headings) can be long, but a page titled ``${article.title}`` is no release."""
    if not shape.placeholders:
        return None
    if shape.prose_chars >= _UNRENDERED_PROSE and not (
        shape.named_by_placeholder and len(shape.placeholders) >= 2
    ):
        return None
    if shape.whole_placeholders < 1 and len(shape.placeholders) < 2:
        return None
    example = " ".join(shape.placeholders[0].split())
    return f"unrendered template ({example[:80]})"


# A page with placeholders and less text than this outside links is the template, not an article.
_UNRENDERED_PROSE = 400


# What a login form says on its button or tab (登 录, 账号登录, Sign in), on a page with a password field.
_SIGN_IN = re.compile(r"登\s*录|登\s*陆|\b(?:log|sign)\s*(?:in|on)\b", re.I)


def _what_failed(shape: _Shape) -> str:
    named = " ".join((shape.title or shape.heading).split())
    return named[:60] if named else "an application error, no title"


def failed_fetch_reason(
    body: bytes,
    status: int = 200,
    content_type: str | None = None,
    reading: PageReading | None = None,
) -> str | None:
    """Why a response is not the page it should be, in one line; None when it is the page.

    Reasons: ``"HTTP 404"``/``"HTTP 5xx"``, ``"empty body"``, ``"anti-bot challenge"``,
    ``"redirect stub (…)"``, ``"unrendered template (…)"``, ``"maintenance page"``,
    ``"HTML nested too deep …"``, ``"not HTML (content type X)"``, ``"login wall (…)"``, and ``"gone page served as
    200 (…)"`` for a bare page saying the page is gone (:func:`says_gone`: a miss of a known
    release, confirmed like a 404, not a failed fetch).

    ``reading``: the page as another reader parsed it (a complete :class:`PageReading`): it is
    not decoded and parsed a second time.
    """
    body = body or b""
    if status < 400:
        reason = not_html_reason(body, content_type)
        if reason:
            return reason

    if reading is not None and reading.complete:
        text, root = reading.text, reading.cleaned
        shape = reading.shape() if text.strip() else _Shape()
    else:
        text, used = decode_html(body, content_type)
        root, shape = _shape(text, body, used) if text.strip() else (None, _Shape())
    small = shape.bare
    # A notice page says what its words say only when nothing else is there: a short article
    # about a 系统升级 carries the site's navigation (a few links at least) around it.
    notice = small and shape.links <= _NOTICE_LINKS
    shown = f"{shape.title}\n{shape.heading}\n{shape.visible}"

    if status == 412:
        return "anti-bot challenge"
    if status in (403, 503, 429) and (_ANTI_BOT.search(shown + shape.scripts) or _challenge(shape)):
        return "anti-bot challenge"
    if status == 503:
        return "maintenance page"
    if (
        status in (404, 410)
        and small
        and (_ANTI_BOT.search(shown + shape.scripts) or _challenge(shape))
    ):
        # A firewall that answers its block with "not found": the page did not say it is gone.
        return "anti-bot challenge"
    if status >= 400:
        return f"HTTP {status}"

    if not text.strip():
        return "empty body"
    if shape.too_deep and small:
        return (
            f"HTML nested too deep (over {_PARSER_DEPTH} levels): the parser lost the text inside"
        )
    if root is None or (not shape.visible and not shape.script_driven and not shape.has_media):
        return "empty body"
    reason = _unrendered(shape)
    if reason:
        return reason
    if (
        small
        and not _challenge(shape)
        and not _ANTI_BOT.search(shown + "\n" + shape.scripts[:20_000])
    ):
        reason = _gone_page(shape)
        if reason:
            return reason
    if (
        len(shape.visible) < _TINY_TEXT
        and _COOKIE_CHALLENGE.search(shape.scripts)
        and _RELOAD.search(shape.scripts)
    ):
        return "anti-bot challenge"
    if small and (_ANTI_BOT.search(shown + "\n" + shape.scripts[:20_000]) or _challenge(shape)):
        return "anti-bot challenge"
    if small and shape.password and (LOGIN_NOTICE.search(shown) or _SIGN_IN.search(shown)):
        # A bare page whose one form asks for a password, and says so: a sign-in (统一身份认证)
        # the page was sent to. A real page with a login box carries its site around it.
        return f"login wall ({_what_failed(shape)})"
    reason = _redirect_stub(shape)
    if reason:
        return reason
    if notice and MAINTENANCE_NOTICE.search(shown):
        return "maintenance page"
    if notice and BUSY_NOTICE.search(shown):
        return "busy or rate-limited page"
    # An error screen that explains itself at length (ASP.NET's customErrors advice) links
    # nowhere all the same, both its title and its heading name the error, and it is dated
    # nowhere (a print view of a news item about a server error has its date).
    wordy_error = (
        shape.links <= _NOTICE_LINKS
        and len(shape.visible) < _WORDY_NOTICE
        and ERROR_TITLE.search(shape.title)
        and ERROR_TITLE.search(shape.heading or shape.title)
        and not find_dates(shape.visible, limit=1)
    )
    if wordy_error or (small and ERROR_TITLE.search(f"{shape.title}\n{shape.heading}")):
        return f"error page served as 200 ({' '.join((shape.title or shape.heading).split())[:60]})"
    # However long, a page of few links that is a stack trace or an application's error message
    # is the server failing, not the page (a trace of forty frames is no article).
    if shape.links < _SMALL_LINKS and (
        len(_STACK_FRAME.findall(text)) >= _STACK_FRAMES or (notice and _APP_ERROR.search(shown))
    ):
        return f"error page served as 200 ({_what_failed(shape)})"
    if shape.prose_chars < _UNRENDERED_PROSE and _DRIVER_ERROR.search(shape.visible):
        error = _DRIVER_ERROR.search(shape.visible).group(0)
        return f"error page served as 200 ({' '.join(error.split())[:60]}, in the site's frame)"
    # Nothing to see or name: no text, no title, no noscript prompt (an app shell has those and
    # is left to the list check), only scripts — a challenge that sets a cookie and reloads.
    if (
        not shape.visible
        and not shape.title.strip()
        and not shape.noscript
        and shape.script_driven
        and not shape.has_media
    ):
        return "script-only page (no text, no title: a script challenge)"
    return None
