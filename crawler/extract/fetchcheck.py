"""Recognise a 200 response that is not the page: empty body, anti-bot interstitial, maintenance.

Such a response is recorded as a failed fetch, never stored as a version. Markers only count on
a *small* page (little visible text, few links): a real article that merely mentions 系统维护 or
"Access Denied" carries the site's navigation and a body, and passes.
"""

from __future__ import annotations

import re

from lxml import etree

from .encoding import decode_html
from .listing import parse_html

# A page is "small" below these sizes: interstitials and maintenance notices are bare.
_SMALL_TEXT = 600
_SMALL_LINKS = 10
_TINY_TEXT = 200

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
    r"检测到您的访问存在异常|访问被拦截|您的访问已被拒绝|访问被拒绝|请开启\s*javascript|请启用\s*javascript|"
    r"safedog|yunsuo|jiasule|__jsl_clearance|(?<![a-z])waf(?![a-z])|web\s+application\s+firewall|"
    r"checking\s+your\s+browser|attention\s+required|captcha|人机验证|滑动验证",
    re.I,
)
_MAINTENANCE = re.compile(
    r"系统维护|网站维护|升级维护|维护中|系统升级中|网站升级|暂停服务|under\s+maintenance|down\s+for\s+maintenance|"
    r"scheduled\s+maintenance|temporarily\s+unavailable|maintenance\s+mode|be\s+back\s+soon",
    re.I,
)
_COOKIE_CHALLENGE = re.compile(r"document\.cookie\s*=", re.I)
_RELOAD = re.compile(r"location\s*\.\s*(?:reload|replace|href|assign)|window\.location\s*=|location\s*=|setTimeout|eval\(", re.I)
_HTMLISH = re.compile(rb"<\s*(?:!doctype|html|head|body|div|p|table|script|meta|title)\b", re.I)


def _sniff_binary(body: bytes) -> str | None:
    head = body[:16].lstrip()
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    sample = body[:2048]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text: NUL bytes are expected
    if (b"\x00" in sample or _control_share(sample) > 0.05) and not _HTMLISH.search(sample):
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


def not_html_reason(body: bytes, content_type: str | None = None) -> str | None:
    """The cheap, byte-level part of :func:`failed_fetch_reason`: a binary body or a non-HTML
    content type (checked on every response; the text checks only where a page looks thin)."""
    body = body or b""
    ctype = _content_type(content_type)
    kind = _sniff_binary(body)
    if kind:
        return f"not HTML (content type {ctype or 'none'}, body is {kind})"
    if ctype and not any(t in ctype for t in ("html", "xml", "text/plain")) and not _HTMLISH.search(body[:2048]):
        return f"not HTML (content type {ctype})"
    return None


def failed_fetch_reason(body: bytes, status: int = 200, content_type: str | None = None) -> str | None:
    """Why a response is not the page it should be, in one line; None when it is the page.

    Reasons: ``"HTTP 404"``/``"HTTP 5xx"``, ``"empty body"``, ``"anti-bot challenge"``,
    ``"maintenance page"``, ``"not HTML (content type X)"``.
    """
    body = body or b""
    if status < 400:
        reason = not_html_reason(body, content_type)
        if reason:
            return reason

    text, _ = decode_html(body, content_type)
    root = parse_html(text) if text.strip() else None
    scripts, title, heading, visible, links, has_script = "", "", "", "", 0, False
    if root is not None:
        has_script = root.find(".//script") is not None
        scripts = "\n".join(s.text or "" for s in root.iter("script"))
        title = " ".join("".join(t.itertext()) for t in root.iter("title"))
        heading = " ".join("".join(h.itertext()) for h in root.iter("h1"))
        links = sum(1 for _ in root.iter("a"))
        etree.strip_elements(root, "script", "style", "noscript", "template", "head", with_tail=False)
        visible = " ".join("".join(root.itertext()).split())
    small = len(visible) < _SMALL_TEXT and links < _SMALL_LINKS
    shown = f"{title}\n{heading}\n{visible}"

    if status == 412:
        return "anti-bot challenge"
    if status in (403, 503, 429) and _ANTI_BOT.search(shown + scripts):
        return "anti-bot challenge"
    if status == 503:
        return "maintenance page"
    if status >= 400:
        return f"HTTP {status}"

    if not text.strip():
        return "empty body"
    if root is None or (not visible and not has_script and root.find(".//img") is None and root.find(".//iframe") is None):
        return "empty body"
    if len(visible) < _TINY_TEXT and _COOKIE_CHALLENGE.search(scripts) and _RELOAD.search(scripts):
        return "anti-bot challenge"
    if small and _ANTI_BOT.search(shown + "\n" + scripts[:20_000]):
        return "anti-bot challenge"
    if small and _MAINTENANCE.search(shown):
        return "maintenance page"
    return None
