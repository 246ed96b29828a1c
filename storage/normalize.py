"""Normalised text: what a version's content hash and the search index see.

The stored version keeps the text as the page gave it; these functions fold away what is not
content — whitespace and line-break changes, full-width forms, view counters that tick on every
request and clocks printed after 当前时间/今天是, and pinyin annotations written into the text
as ``統(tǒng)``.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import accumulate

from .urls import attachment_key, canonical_url

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
# A character followed by its pinyin in (half- or full-width) parentheses: lower-case syllables
# only, so acronyms such as 组织(WTO) and Chinese such as 条例(试行) stay.
_SYLLABLE = r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}"
_PINYIN_ANNOTATION = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]\s*{_SYLLABLE}\s*[)）]")
_VIEW_COUNTER = re.compile(
    r"(?:(?:浏览次数|瀏覽次數|浏览量|瀏覽量|访问量|訪問量|阅读量|閱讀量|点击数|點擊數|点击量|點擊量)\s*[:：]?"
    r"|(?:浏览|瀏覽|阅读|閱讀|访问|訪問|点击|點擊)\s*[:：])\s*\d+\s*次?"
)
# A clock the page prints on every request (当前时间：2024年3月5日 星期二 10:32:11, 今天是2024年3月5日
# 农历正月廿五): the moment of the fetch, like a counter's tick — only after such a label, so a
# date the text gives (截至2024年3月5日) stays.
_CLOCK = re.compile(
    r"(?:当前时间|现在时间|现在是|今天是|今日是|今天|今日)\s*[:：]?\s*"
    r"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})"
    r"(?:\s*(?:星期|周|礼拜|禮拜)[一二三四五六日天])?(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?"
    r"(?:\s*(?:农历|農曆)[\u4e00-\u9fff]{2,6})?"
)
_SPACE = re.compile(r"\s+")
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}]) | (?=[{_CJK}])")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_SPACE_NEAR_CJK_SHOWN = re.compile(rf"(?<=([{_CJK}])) | (?=([{_CJK}]))")


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
    text = _CLOCK.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return _SPACE_NEAR_CJK.sub("", text)


@cache
def _simplified() -> dict[int, str]:
    """Traditional → simplified, character by character, as a ``str.translate`` table.

    zhconv's one-character mappings, plus the characters it converts only inside phrases
    (藉口 → 借口, 反覆 → 反复): their traditional use is folded too, because a fold that depends on
    the neighbours would fold a query alone differently from the same words inside a text.
    Characters that are themselves the simplified form of another (沈 of 瀋, 么 of 麼) keep
    their own meaning. Every target is left alone, so folding twice changes nothing.
    """
    from zhconv.zhconv import getdict

    table = getdict("zh-hans")
    single = {k: v for k, v in table.items() if len(k) == 1 and len(v) == 1 and k != v}
    targets = set(single.values())
    votes: dict[str, dict[str, int]] = {}
    for phrase, converted in table.items():
        if len(phrase) > 1 and len(phrase) == len(converted):
            for a, b in zip(phrase, converted):
                if a != b and a not in single and a not in targets and b not in single:
                    votes.setdefault(a, {}).setdefault(b, 0)
                    votes[a][b] += 1
    for a, counts in votes.items():
        single[a] = max(counts, key=counts.get)
    return {ord(k): v for k, v in single.items()}


def fold_chars(text: str) -> str:
    """Traditional characters turned simplified and letters lower-cased, one character in, one
    out (offsets in the result are offsets in ``text``)."""
    text = text.translate(_simplified())
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold(text: str | None) -> str:
    """The project's one comparison form of text — search, keyword filters, column names:
    :func:`clean_text` (NFKC, pinyin annotations and insignificant whitespace removed), then
    :func:`fold_chars`. ``統戰``, ``统战`` and ``統(tǒng)戰(zhàn)`` all fold to ``统战``."""
    return fold_chars(clean_text(text))


def display_text(text: str | None) -> str:
    """Text as shown to a reader: the page's own characters (full-width punctuation, traditional
    characters, letter case kept), only pinyin annotations and insignificant whitespace removed."""
    if not text:
        return ""
    text = _SPACE.sub(" ", strip_pinyin(text)).strip()
    # A space goes where clean_text drops it: next to a character that is Chinese once NFKC'd
    # (a full-width Ｌｅｔｔｅｒ is a letter, not a Chinese character).
    return _SPACE_NEAR_CJK_SHOWN.sub(
        lambda m: (
            ""
            if _CJK_CHAR.match(unicodedata.normalize("NFKC", m.group(1) or m.group(2)))
            else m.group(0)
        ),
        text,
    )


def folded_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` folded like :func:`fold` but without removing anything (NFKC and
    :func:`fold_chars` per character, combining marks kept with their base), and a function
    from an offset in the result to the offset in ``text`` of the character it came from."""
    if _COMBINING.search(text):
        units = [m.group(0) for m in _UNIT.finditer(text)]
        pieces = [fold_chars(unicodedata.normalize("NFKC", unit)) for unit in units]
        starts = [0, *accumulate(map(len, units))]
    else:
        pieces = text.translate(_FOLD_TABLE)
        if len(pieces) == len(text):
            return pieces, lambda k: min(k, len(text))
        pieces = list(map(_FOLD_TABLE.__getitem__, map(ord, text)))
        starts = range(len(text) + 1)
    ends = list(accumulate(map(len, pieces)))  # ends[i]: where unit i's folded piece ends

    def origin(k: int) -> int:
        return starts[bisect_right(ends, k)] if k < len(folded) else len(text)

    folded = "".join(pieces)
    return folded, origin


class _FoldTable(dict):
    """``str.translate`` table of one character → its NFKC form, folded; filled as met."""

    def __missing__(self, code: int) -> str:
        piece = self[code] = fold_chars(unicodedata.normalize("NFKC", chr(code)))
        return piece


_FOLD_TABLE = _FoldTable()
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"
_COMBINING = re.compile(f"[{_MARKS}]")
_UNIT = re.compile(f".[{_MARKS}]*", re.S)


HASHED_FIELDS = ("title", "source", "published_at", "body", "attachments")


# The label of a page's attachment box (附件下载, 相关附件：, Attachments): a line of the box, not
# of the text.
_ATTACHMENT_LABEL = re.compile(
    r"^(?:相关|下载)?附\s*件(?:下载|列表|清单)?\s*[:：]?$|^(?:attachments?|downloads?|related\s+files?)\s*:?$",
    re.I,
)


# What a template draws beside an attachment's name on its line: the box's label, the file's
# number, type or size, a download or preview button (``附件：….docx``, ``相关附件：….docx``,
# ``DOCX附件1：….docx``, ``….pdf（125.3KB）``, ``Report [PDF, 1.2 MB]``).
_ATTACHMENT_DECORATION = re.compile(
    r"^(?:[\W_]|(?:相关|下载)?附\s*件(?:下载|列表|清单)?|attachments?|downloads?|related\s+files?|"
    r"pdf|docx?|xlsx?|pptx?|wps|ofd|zip|rar|7z|txt|csv|jpe?g|png|\d{1,2}|"
    r"\d+(?:\.\d+)?\s*(?:[kmg]i?b|bytes?|字节)|下载|预览|查看|download|preview|view|file)*$",
    re.I,
)


def attachment_line(text: str, names: set[str]) -> bool:
    """Whether a body line is attachments' names (one or more) with what a template draws
    beside them, or their box's label alone."""
    if text in names or _ATTACHMENT_LABEL.match(text):
        return True
    rest = text
    for name in sorted((n for n in names if n in text), key=len, reverse=True):
        rest = rest.replace(name, "", 1)
    return rest != text and bool(_ATTACHMENT_DECORATION.match(rest))


def _body_without_attachment_lines(body: str | None, names: set[str]) -> str:
    """The body without the lines that are the attachments' names (with what a template draws
    beside them) or their box's label: the attachments field holds them, and whether a template
    puts its attachment box inside the body container or below it, and how it decorates each
    file, is presentation (a redesign changes it), not content."""
    if not body or not names:
        return body or ""
    return "\n".join(
        line for line in body.splitlines() if not attachment_line(clean_text(line), names)
    )


# A pin mark or a freshness badge a list row prints before its title (in brackets, or 置顶 or NEW
# bare), or a pin mark after it. Never the title's: the row is pinned (置顶, 顶) or fresh, and its
# release keeps its title when the mark comes and goes.
ROW_MARK_WORD = r"(?:置顶|顶|new|hot|top|新|热|荐)"
ROW_LEAD_MARK = re.compile(
    rf"(?i)^\s*(?:[\[【〔(（]\s*(?P<word>{ROW_MARK_WORD})\s*[\]】〕)）]|(?P<bare>置顶|NEW(?=\s*[\u4e00-\u9fff])))"
    r"[\s:：·|丨\-]*"
)
ROW_TRAIL_PIN = re.compile(r"[\s\-]*[\[【〔(（]\s*置?顶\s*[\]】〕)）]\s*$")
# What is left of a title once its marks are cut must still be a title (【新】 alone is one).
_ROW_TITLE_LEFT = 2


def row_title(title: str | None) -> str | None:
    """A list row's title as rows are compared: without its pin and freshness marks. Lists drop
    the marks now, but rows stored before (``【置顶】关于…``, ``[新]关于…``) kept them, and a site pins
    and unpins a notice, or marks it fresh for a week, while the release stays the same: a mark
    added or dropped is no retitle, no changed row, no refetch."""
    if not title:
        return title
    rest = title
    while (mark := ROW_LEAD_MARK.match(rest)) and len(
        rest[mark.end() :].strip()
    ) >= _ROW_TITLE_LEFT:
        rest = rest[mark.end() :]
    trail = ROW_TRAIL_PIN.search(rest)
    if trail and len(rest[: trail.start()].strip()) >= _ROW_TITLE_LEFT:
        rest = rest[: trail.start()]
    return rest.strip() or title


def list_rows_hash(links) -> str:
    """A fingerprint of a list page's rows (URL, title as compared, date): same rows, same hash."""
    rows = [
        [canonical_url(link["url"]), row_title(link.get("title")), link.get("date")]
        for link in links
    ]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def normalized_fields(fields: dict) -> dict:
    """The fields of a version that define its content, normalised for comparison."""
    attachments = sorted(
        (clean_text(a.get("name")), attachment_key((a.get("url") or "").strip()))
        for a in fields.get("attachments") or []
    )
    names = {name for name, _ in attachments if name}
    return {
        "title": clean_text(fields.get("title")),
        "source": clean_text(fields.get("source")),
        "published_at": (fields.get("published_at") or "").strip(),
        "body": clean_text(_body_without_attachment_lines(fields.get("body"), names)),
        "attachments": [list(a) for a in attachments],
    }


def content_hash(fields: dict) -> str:
    """SHA-256 over the normalised fields: equal for pages that differ only in noise."""
    payload = json.dumps(normalized_fields(fields), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def changed_fields(old: dict, new: dict) -> list[str]:
    """Names of the hashed fields whose normalised values differ between two versions.

    A publish time that one side gives to the minute and the other only as the same day (a
    redesign that stopped printing the hour, a meta tag gone) is the same time, read less
    precisely: not a change."""
    a, b = normalized_fields(old), normalized_fields(new)
    return [
        name
        for name in HASHED_FIELDS
        if a[name] != b[name]
        and not (name == "published_at" and _same_day_less_precise(a[name], b[name]))
    ]


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _same_day_less_precise(a: str, b: str) -> bool:
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return bool(_DATE_ONLY.match(short)) and long.startswith(short + "T")
