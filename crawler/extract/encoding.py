"""Decide a page's encoding from its bytes when the declarations lie.

Order: a forced encoding (site config) → BOM → valid UTF-8 with enough multi-byte text → the
declared encodings (HTTP header, then ``<meta>``) when they decode strictly → GB18030 → a
statistical guess. GB2312 and GBK are decoded as GB18030, their superset, so rare characters
never turn into replacement marks.
"""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

# Below this many non-ASCII bytes a page that is valid UTF-8 may also be valid GBK:
# then the declaration decides.
_UTF8_CONFIDENT_BYTES = 24

_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "iso-8859-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}

_HIGH_BYTES = bytes(range(0x80, 0x100))


def normalize_encoding(name: str | None) -> str | None:
    """Return the codec name Python should use for a declared charset, or None if unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return _ALIASES.get(codec, codec)


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _strict(body: bytes, encoding: str) -> str:
    """``body`` decoded strictly, except that a last character cut short (a response truncated
    inside a multi-byte character) is dropped rather than making the whole body undecodable."""
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        cut = exc.reason in ("unexpected end of data", "incomplete multibyte sequence")
        if not cut or exc.end < len(body) or exc.start < len(body) - 3:
            raise
        text = body[: exc.start].decode(encoding)
        if not text:
            raise
        return text


def _decodes(body: bytes, encoding: str, *, strict_text: bool = False) -> bool:
    try:
        text = _strict(body, encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    # UTF-8 bytes read as GBK decode "successfully" but land in the private-use area.
    return not (strict_text and _PRIVATE_USE.search(text))


def detect_encoding(body: bytes, content_type: str | None = None, forced: str | None = None) -> str:
    """Return the codec name to decode ``body`` with."""
    return _detect(body, content_type, forced)[0]


def _detect(body: bytes, content_type: str | None, forced: str | None) -> tuple[str, str | None]:
    """The codec, and the text when deciding already decoded the whole body strictly."""
    if forced:
        enc = normalize_encoding(forced)
        if enc:
            return enc, None
    bom_enc, _ = read_bom(body)
    if bom_enc:
        return normalize_encoding(bom_enc) or "utf-8", None
    head = body[:200_000]
    non_ascii = len(head) - len(head.translate(None, _HIGH_BYTES))
    if non_ascii == 0:
        return "utf-8", None
    try:
        utf8_text = _strict(body, "utf-8")
    except UnicodeDecodeError:
        utf8_text = None
    if utf8_text is not None and non_ascii >= _UTF8_CONFIDENT_BYTES:
        return "utf-8", utf8_text
    declared = []
    if content_type:
        declared.append(normalize_encoding(http_content_type_encoding(content_type)))
    declared.append(normalize_encoding(html_body_declared_encoding(body[:8192])))
    for enc in declared:
        if enc == "utf-8" and utf8_text is not None:
            return "utf-8", utf8_text
        if enc and _decodes(body, enc, strict_text=utf8_text is not None):
            return enc, None
    if utf8_text is not None:
        return "utf-8", utf8_text
    if _decodes(body, "gb18030"):
        return "gb18030", None
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:65536]).best()
        if best is not None:
            return normalize_encoding(best.encoding) or "utf-8", None
    except Exception:  # pragma: no cover - the guess is best effort
        pass
    return next((enc for enc in declared if enc), "utf-8"), None


def decode_html(
    body: bytes, content_type: str | None = None, forced: str | None = None
) -> tuple[str, str]:
    """Decode page bytes to text; returns ``(text, encoding)``. Never raises on bad bytes."""
    enc, text = _detect(body, content_type, forced)
    if text is None:
        text = body.decode(enc, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, enc
