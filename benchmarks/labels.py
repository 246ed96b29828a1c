"""Score extracted articles against hand-checked labels (the corpus ``labels.jsonl`` conventions).

Shared by the corpus tests and the benchmarks (extract, lists, sitemodel) so all measure the same
thing; it is measuring code, so it lives here and not in the product:
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

from crawler.extract.text import fold, squash

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
        "body": body_matches(
            article.get("body") or "", label.get("body_start") or "", label.get("body_end") or ""
        ),
    }


# What a fetchable next page is for list labels whose raw ``next_page`` is not a URL to fetch.
LIST_NEXT_PAGES = {
    # executePage(2,15,"/servlet/…"): the page's pager config names curPage/numPerPage.
    "cn_list/gerapy_rtfund_xxpl.html": "/servlet/fund/AboutNewsAction?catalogId=2933,2935,2934,2936&style=1&expert=expertList1&divname=paging1&curPage=2&numPerPage=15",
    "cn_list/gerapy_163_rolling.html": None,  # "#page=2" is a fragment, not fetchable
    "en_list/il_elections_board_minutes.html": None,  # __doPostBack needs the form's __VIEWSTATE
}


def load_list_labels(corpus: Path) -> list[dict]:
    """List-page labels (``cn_list/``, ``en_list/``), in file order; none when the corpus is absent."""
    path = corpus / "labels.jsonl"
    if not path.exists():
        return []
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return [r for r in rows if r["file"].startswith(("cn_list/", "en_list/"))]


def expected_next_page(label: dict) -> str | None:
    """The absolute next-page URL a list label asks for (None: no fetchable next page). A label
    of a page outside the corpus gives its own ``url`` and, when its raw ``next_page`` is no URL
    to fetch, ``next_fetch`` (null: nothing fetchable)."""
    from urllib.parse import urljoin

    name = label["file"]
    if name in LIST_NEXT_PAGES:
        raw = LIST_NEXT_PAGES[name]
    else:
        raw = label["next_fetch"] if "next_fetch" in label else label.get("next_page")
    base = LIST_PAGE_URLS.get(name) or label.get("url")
    return urljoin(base, raw) if raw else None


def score_list(page, label: dict) -> dict[str, bool]:
    """Which of the three list checks a :class:`ListPage` passes: main-list link count, first
    title (when labelled) and next page."""
    first = label.get("first_link_title")
    return {
        "links": len(page.links) == label["article_links"],
        "first": not first or (bool(page.links) and page.links[0].title == first),
        "next": (page.next_pages[0] if page.next_pages else None) == expected_next_page(label),
    }
