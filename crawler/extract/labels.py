"""Score extracted articles against hand-checked labels (the corpus ``labels.jsonl`` conventions).

Shared by the corpus test and ``benchmarks/extract.py`` so both measure the same thing:
- title: equal after whitespace folding;
- source: equal, with None and "" the same ("the page shows none");
- published: same day, and same hour:minute when the label has a time;
- body: contains ``body_start`` and ``body_end`` after removing all whitespace, with at most a short
  heading/byline before the start and almost nothing after the end.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .text import fold, squash

FIELDS = ("title", "source", "published", "body")
ARTICLE_GROUPS = ("cn_article", "en_article", "other")
MAX_BEFORE_START = 120
MAX_AFTER_END = 30

_HOST = re.compile(r"\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)
_LABEL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?")


def load_labels(corpus: Path, groups: tuple[str, ...] = ARTICLE_GROUPS) -> list[dict]:
    """Article labels (records with a ``title``) of the given groups, in file order."""
    out = []
    with open(corpus / "labels.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            if "title" in record and record["file"].split("/", 1)[0] in groups:
                out.append(record)
    return out


# Where each page was captured (from its canonical link, breadcrumb or site); relative links resolve against it.
LIST_PAGE_URLS = {
    "cn_list/gerapy_rtfund_xxpl.html": "http://www.rtfund.com/main/xxpl/index.shtml",
    "cn_list/gerapy_dfa66_gonggao.html": "https://www.dfa66.com/dfaets/news/infodisclosure/announcement/index.html",
    "cn_list/gerapy_163_rolling.html": "https://news.163.com/latest/",
    "cn_list/magic_theorychina_issue_list.html": "https://www.theorychina.org.cn/llzg-xs/qkyl/zgzydxgjxzxyxb_949/2022nd4q/",
    "en_list/il_elections_board_minutes.html": "https://www.elections.il.gov/AboutTheBoard/MeetingMinutesAll.aspx",
    "en_list/chi_city_clerk_meetings.html": "https://chicityclerkelms.chicago.gov/Meetings/",
    "en_list/edgi_datagov_highlights_a.html": "https://www.data.gov/highlights/",
    "en_list/edgi_datagov_highlights_b.html": "https://www.data.gov/highlights/",
}


def url_for(label: dict) -> str:
    """A plausible URL for a labelled page: its host from the ``site`` note (the zone depends on it)."""
    match = _HOST.search(label.get("site") or "")
    host = match.group(1) if match else "example.org"
    return f"https://{host}/{label['file'].rsplit('/', 1)[-1]}"


def _same_date(found: str | None, expected: str | None) -> bool:
    if not expected:
        return not found
    if not found:
        return False
    want, got = _LABEL_DATE.match(expected), _LABEL_DATE.match(found)
    if not want or not got:
        return False
    if want.group(1, 2, 3) != got.group(1, 2, 3):
        return False
    if want.group(4) is not None:
        return want.group(4, 5) == got.group(4, 5)
    return True


def body_matches(body: str, start: str, end: str) -> bool:
    """True when the body holds the labelled start and end with little around them."""
    text, start_sq, end_sq = squash(body), squash(start), squash(end)
    i = text.find(start_sq)
    j = text.rfind(end_sq)
    if i < 0 or j < 0 or j + len(end_sq) < i:
        return False
    return i <= MAX_BEFORE_START and len(text) - (j + len(end_sq)) <= MAX_AFTER_END


def score(article: dict, label: dict) -> dict[str, bool]:
    """Which of the four fields the extracted ``article`` (a dict) got right."""
    return {
        "title": fold(article.get("title")) == fold(label.get("title")),
        "source": (fold(article.get("source")) or None) == (fold(label.get("source")) or None),
        "published": _same_date(article.get("published_at"), label.get("published")),
        "body": body_matches(article.get("body") or "", label.get("body_start") or "", label.get("body_end") or ""),
    }
