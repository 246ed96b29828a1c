"""Normalised text: what a version's content hash and the search index see.

The stored version keeps the text as the page gave it; these functions fold away what is not
content — whitespace and line-break changes, full-width forms, view counters that tick on every
request, and pinyin annotations written into the text as ``統(tǒng)``.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
# A character followed by its pinyin in (half- or full-width) parentheses: lower-case syllables
# only, so acronyms such as 组织(WTO) and Chinese such as 条例(试行) stay.
_SYLLABLE = r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}"
_PINYIN_ANNOTATION = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]\s*{_SYLLABLE}\s*[)）]")
_VIEW_COUNTER = re.compile(
    r"(?:(?:浏览次数|瀏覽次數|浏览量|瀏覽量|访问量|訪問量|阅读量|閱讀量|点击数|點擊數|点击量|點擊量)\s*[:：]?"
    r"|(?:浏览|瀏覽|阅读|閱讀|访问|訪問|点击|點擊)\s*[:：])\s*\d+\s*次?"
)
_SPACE = re.compile(r"\s+")
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}]) | (?=[{_CJK}])")


def strip_pinyin(text: str) -> str:
    """Remove ``字(pīnyīn)`` annotations that follow Chinese characters."""
    return _PINYIN_ANNOTATION.sub("", text)


@lru_cache(maxsize=64)
def clean_text(text: str | None) -> str:
    """Text with annotations, counters and insignificant whitespace folded away.

    NFKC turns full-width letters, digits and the ideographic space into their plain forms;
    whitespace next to a Chinese character carries no meaning and is dropped, other runs become
    one space.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = strip_pinyin(text)
    text = _VIEW_COUNTER.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return _SPACE_NEAR_CJK.sub("", text)


HASHED_FIELDS = ("title", "source", "published_at", "body", "attachments")


def normalized_fields(fields: dict) -> dict:
    """The fields of a version that define its content, normalised for comparison."""
    attachments = sorted(
        (clean_text(a.get("name")), (a.get("url") or "").strip())
        for a in fields.get("attachments") or []
    )
    return {
        "title": clean_text(fields.get("title")),
        "source": clean_text(fields.get("source")),
        "published_at": (fields.get("published_at") or "").strip(),
        "body": clean_text(fields.get("body")),
        "attachments": [list(a) for a in attachments],
    }


def content_hash(fields: dict) -> str:
    """SHA-256 over the normalised fields: equal for pages that differ only in noise."""
    payload = json.dumps(normalized_fields(fields), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def changed_fields(old: dict, new: dict) -> list[str]:
    """Names of the hashed fields whose normalised values differ between two versions."""
    a, b = normalized_fields(old), normalized_fields(new)
    return [name for name in HASHED_FIELDS if a[name] != b[name]]
