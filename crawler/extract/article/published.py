"""The article's publish time: labelled dates near the title, ``<meta>``, a CMS's hidden
metadata, the URL."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..dates import (
    DEFAULT_STYLE,
    DateStyle,
    FoundDate,
    date_from_url,
    find_compact_dates,
    find_dates,
    find_month_days,
    find_time,
    parse_calendar_card,
    parse_date,
    year_from_url,
)
from ..model import Article
from ..text import (
    MAX_HTML_CHARS,
    Layout,
    squash,
)
from .body import COMMENT_HEAD, CONTACT_HEAD, TOP_BAR_CLOCK, contact_detail
from .head import META_DATE, Head
from .patterns import (
    DIGITS,
    INFO_LINE,
    SENTENCE_END,
    event_fact,
    in_record_block,
    spaced_labels,
)
from .shown import shown_lines

_LETTER_TIME = re.compile(
    r"(?:来信|來信|留言|提问|提問|咨询|諮詢)\s*(?:时间|時間|日期)\s*[:：]?\s*$"
)
_DATE_LABELS = [
    (
        0,
        re.compile(
            # (A 信箱 letter is published when made public: its 公开时间.)
            r"(?:发布|發布|發佈|发表|發表|公开|公開|信息提供|上网|发稿|更新?发布)\s*(?:时间|時間|日期)\s*[:：]?\s*$"
        ),
    ),
    (
        0,
        re.compile(
            r"(?:Datum|Published|Posted|Issued|Release Date|Date of issue|公開日|掲載日|发布于)\s*[:：]?\s*(?:on\s*)?$",
            re.I,
        ),
    ),
    # (A letter printing no 公开时间 is dated by its writing, never by its reply: 来信时间.)
    (1, _LETTER_TIME),
    # (成文日期 before the generic 日期 it ends with.)
    (2, re.compile(r"(?:成文|印發|印发)\s*(?:时间|時間|日期)\s*[:：]?\s*$")),
    # (A record's 生成日期/发文日期 dates it when no 发布日期 is printed beside: after one, never over it.)
    (1, re.compile(r"(?:生成|发文|發文)\s*(?:时间|時間|日期)\s*[:：]?\s*$")),
    (1, re.compile(r"(?:" + spaced_labels("时间", "時間", "日期") + r"|Date)\s*[:：]?\s*$", re.I)),
]
_UPDATED = re.compile(r"更新(?:时间|日期)\s*[:：]?\s*$")
# An English page's "Last updated: March 14, 2024" under its heading: its date when it shows no other.
_EN_UPDATED = re.compile(r"(?:Last updated|Updated|Last modified)(?:\s+on)?\s*:?\s*$", re.I)
_NOT_PUBLISH = re.compile(
    r"(?:更新|修改|修订|截止|当前|今天|有效期|Stand|Letzte|zuletzt|Last (?:updated|modified|reviewed)|Updated|Modified|"
    r"Reviewed|生效|废止|截至)[^\d]{0,12}$",
    re.I,
)


_EVENT_TIME = re.compile(
    r"(?:会议|開會|开会|开标|開標|投标|投標|报名|報名|截止|活动|活動|考试|考試|培训|培訓|举办|舉辦|受理|开放|開放|"
    r"开始|开工|竣工|停水|停电|施工|答复|答覆|回复|回覆|办结|辦結|Meeting|Event|Closing|Deadline)\s*(?:时间|時間|日期|date|time)?\s*[:：]?\s*$",
    re.I,
)


# A press conference's facts: 发布时间 on lines beside 发布地点/主持人 is when it was held (an info
# line's own 发布人：县公安局 is who posted the page).
@dataclass
class _DateCandidate:
    found: FoundDate
    rank: int  # 0 publish label, 1 generic label, 2 written date, 4 更新时间, 5 unlabelled, 6 Last updated
    line: int
    label: str = ""  # the label as printed (发布时间, Datum …)


def _line_dates(
    lines: list[str], idx: int, style: DateStyle = DEFAULT_STYLE, years=None
) -> list[_DateCandidate]:
    line = lines[idx]
    out = []
    if not DIGITS.search(line, 0, 600):
        return out
    found = find_dates(line[:600], limit=6, style=style)
    if not found:
        # "发布日期：20240305": a number read as a date only after a date label.
        found = [
            fd
            for fd in find_compact_dates(line)
            if any(p.search(line[max(0, fd.start - 16) : fd.start]) for _, p in _DATE_LABELS)
        ]
    if years is not None:
        prev = lines[idx - 1][-16:] if idx > 0 else ""
        found = sorted(found + _yearless(line, found, years, prev), key=lambda fd: fd.start)
    for fd in found:
        # (A label in brackets, its closer for a colon: "【发布日期】2024-04-01".)
        before = _LABEL_CLOSER.sub("", line[max(0, fd.start - 16) : fd.start])
        rank, label = 5, ""
        if _EVENT_TIME.search(before) or event_fact(lines, idx, before, publication=True):
            continue  # 会议时间：…, 开标时间：… (what the notice announces, not when)
        not_publish = _NOT_PUBLISH.search(before)
        if not_publish:
            updated = _UPDATED.search(before)
            en_updated = None if updated else _EN_UPDATED.search(before)
            if updated is None and en_updated is None:
                continue
            # Some CMSs (动易/PowerEasy…) print only 更新时间: the page's date when it is the only one.
            rank, label = (4, updated.group(0)) if updated else (6, en_updated.group(0))
        if rank in (4, 6):
            out.append(_DateCandidate(fd, rank, idx, re.sub(r"[\s:：]+", "", label)))
            continue
        for r, pattern in _DATE_LABELS:
            found = pattern.search(before)
            if found:
                rank, label = r, found.group(0)
                break
        if rank == 5 and idx > 0 and fd.start == 0:
            prev = lines[idx - 1]
            for r, pattern in _DATE_LABELS:
                found = pattern.search(prev[-16:])
                # (The label alone on its line, or closing an info line of labelled items: a
                # teaser's title ending "…agenda published" over its date labels nothing.)
                before = prev[: max(len(prev) - 16, 0) + found.start()] if found else ""
                if found and (not before.strip() or re.search(r"[:：]", before)):
                    rank, label = r, found.group(0)
                    break
        if fd.has_time and fd.hour == 0 and fd.minute == 0 and not fd.second:
            fd = FoundDate(fd.start, fd.end, fd.day)
        elif not fd.has_time and not _WEEKDAY_AFTER.sub("", line[fd.end :]).strip():
            # The clock in an element of its own under the date (<div>2024年03月08日</div>
            # <div>17:26</div>, "March 5, 2024 (Tuesday)" over "18:30 HKT", "Ends/Tuesday, March
            # 5, 2024" over "Issued at HKT 18:30"): one value set on two lines.
            if idx + 1 < len(lines) and _CLOCK_LINE.match(lines[idx + 1]):
                clock = _CLOCK_WORDS.sub(" ", lines[idx + 1]).strip()
                joined = find_dates(f"{line[fd.start : fd.end]} {clock}", 1, style)
                if joined and joined[0].has_time and joined[0].day == fd.day:
                    fd = FoundDate(fd.start, fd.end, fd.day, joined[0].hour, joined[0].minute)
        out.append(_DateCandidate(fd, rank, idx, re.sub(r"[\s:：]+", "", label)))
    return out


_LABEL_CLOSER = re.compile(r"(?<=[\u4e00-\u9fff])\s*[】\]〕］]\s*$")
# A clock alone on its line, with the zone or the words Hong Kong's releases print beside it.
_CLOCK_WORDS = re.compile(
    r"Issued\s+at|(?<![A-Za-z])[A-Z]{1,3}T(?![A-Za-z])|香港时间|香港時間|^\s*(?:Time|时间|時間)\s*[:：]"
)
_CLOCK_LINE = re.compile(
    # (Its own label too, under a labelled date: "Date: March 5, 2024" over "Time: 18:30".)
    r"^\s*(?:(?:Issued\s+at\s+)?(?:[A-Z]{1,3}T\s*)?|香港时间|香港時間|(?:Time|时间|時間)\s*[:：]\s*)"
    r"(?:上午|下午|晚上|中午|早上|凌晨)?\s*\d{1,2}\s*[:：时時]\s*\d{2}\s*分?(?:\s*[:：分]\s*\d{2})?\s*"
    r"(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{1,3}T)?\s*$"
)
_BRACKETED_WEEKDAY = re.compile(r"[（(](?:星期|週)[一二三四五六日天][)）]")
# A weekday printed after the date, the clock on the line under it: "2024年3月5日（星期二）".
_WEEKDAY_AFTER = re.compile(
    r"^\s*(?:[（(]?(?:星期|周|週)[一二三四五六日天][)）]?|[(（](?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[)）])"
)


def _yearless(line: str, found: list[FoundDate], years, prev: str = "") -> list[FoundDate]:
    """The dates a line prints without their year ("发布日期：03-05 10:21", "3月5日 18:32 来源：…"),
    given the year ``years(month, day)`` finds for them: only a labelled value, or one with its
    clock on an info line (in prose "3月5日" is the text's own)."""
    out = []
    for md in find_month_days(line):
        if any(f.start < md.end and md.start < f.end for f in found):
            continue
        before = line[max(0, md.start - 16) : md.start] or prev  # (<dt>发布日期</dt><dd>12-01</dd>)
        labelled = any(pattern.search(before) for _, pattern in _DATE_LABELS)
        if not labelled and not (
            md.hour is not None and (INFO_LINE.search(line) or len(line) <= 40)
        ):
            continue
        year = years(md.month, md.day)
        fd = md.in_year(year) if year else None
        if fd is not None:
            out.append(fd)
    return out


def _years(url: str | None, meta: FoundDate | None, lay: Layout, lo: int, hi: int, style):
    """Where a yearless date's year comes from: the address's date in its month (/202403/,
    t20240305_), the metadata's date in its month, else the document's own date (a 成文日期, the
    signature's date closing the text) it follows within a year."""
    refs = None

    def year(month: int, day: int) -> int | None:
        nonlocal refs
        from_url = year_from_url(url, month)
        if from_url is not None:
            return from_url
        if meta is not None and meta.day.month == month:
            return meta.day.year
        if refs is None:
            written = [c for c in _scan_dates(lay, lo, hi, labelled_only=True, style=style)]
            refs = [c.found.day for c in written if c.rank == 2] or [
                c.found.day for c in _scan_dates(lay, hi - 3, hi, style=style)
            ][-1:]
        if not refs:
            return None
        ref = max(refs)
        return ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1

    return year


def date_from_meta(head: Head, text: str, style: DateStyle = DEFAULT_STYLE) -> tuple:
    """(date, rule) of the publication date the page's metadata gives: a meta tag, JSON-LD, a
    datePublished element, or a CMS's hidden field."""
    meta_date, meta_rule = None, ""
    for name in META_DATE:
        if head.meta.get(name):
            value = head.meta[name].strip()
            meta_date = _stamp(value) if value.isdigit() else parse_date(value, style)
            if meta_date:
                meta_rule = f"meta {name}"
                break
    if meta_date is None and head.jsonld.get("datePublished"):
        meta_date, meta_rule = (
            parse_date(str(head.jsonld["datePublished"]), style),
            "JSON-LD datePublished",
        )
    if meta_date is None and head.time_published:
        meta_date, meta_rule = parse_date(head.time_published, style), "datePublished element"
    if meta_date is None:
        meta_date, meta_rule = _hidden_cms_date(text)
    return meta_date, meta_rule


def shown_date(
    lay: Layout,
    head: Head,
    sel_date: str | None,
    title_line: int,
    body_start: int,
    body_stop: int,
    title: str | None,
    style: DateStyle = DEFAULT_STYLE,
    url: str | None = None,
    meta: FoundDate | None = None,
    root=None,
) -> tuple:
    """(date, rank, rule) of the publication date a reader sees on the page (numeric dates read
    in the page's ``style``; a date printed without its year takes it from ``url``, the ``meta``
    date or the document's own dates)."""
    visible, visible_rank, visible_rule = None, 9, ""
    if sel_date:
        visible, visible_rank, visible_rule = parse_date(sel_date, style), 0, "site selector"
    if visible is None:
        years = _years(url, meta, lay, title_line - 40, body_stop, style)
        visible, visible_rank, visible_rule = _visible_date(
            lay, title_line, body_start, body_stop, title, style, years
        )
    if visible is None and root is not None:
        # Read as shown: a label and its value (or a date and its clock) in spans glued without
        # space, an icon's alt as the label.
        head_end = body_start if body_start > title_line else title_line + 8
        shown = shown_lines(
            root, lay, range(max(title_line - 40, 0), min(head_end, title_line + 16))
        )
        if shown is not None:
            visible, visible_rank, visible_rule = _visible_date(
                replace(lay, lines=shown), title_line, body_start, body_stop, title, style, years
            )
            visible_rule += " (read as shown)" if visible is not None else ""
    if visible is None and head.written_date:
        visible, visible_rank, visible_rule = (
            parse_date(head.written_date, style),
            0,
            "labelled date an inline script writes",
        )
    if visible is not None and not visible.has_time:
        clock = _same_day_clock(lay, visible, style)
        if clock is not None:
            visible = visible.with_time(clock)
            visible_rule += " (its clock from the page's other copy of it)"
        else:
            issued = _issued_at(lay, body_stop, visible, style)
            if issued is not None:
                visible = FoundDate(visible.start, visible.end, visible.day, *issued)
                visible_rule += " (its clock from the Issued at line)"
    return visible, visible_rank, visible_rule


_ISSUE_WORDS = re.compile(r"Issued\s+at|HKT|香港时间|香港時間")


def _issued_at(
    lay: Layout, body_stop: int, shown: FoundDate, style: DateStyle
) -> tuple[int, int] | None:
    """The clock of a release's closing issue line, alone on its line after the text with the words
    Hong Kong prints beside it ("Issued at HKT 18:30", "香港時間18時30分"), its date set apart or none
    (never under another day's date)."""
    lines = lay.lines
    for i in range(max(body_stop - 2, 1), min(body_stop + 6, len(lines))):
        if _CLOCK_LINE.match(lines[i]) and _ISSUE_WORDS.search(lines[i]):
            above = find_dates(lines[i - 1], 1, style)
            return find_time(lines[i]) if not above or above[0].day == shown.day else None
    return None


_CLOCK_HINT = re.compile(r"\d\s*[:：时]\s*[0-5]\d")


def _same_day_clock(lay: Layout, shown: FoundDate, style: DateStyle) -> FoundDate | None:
    """The same day with its clock on another short line of the page: the header's mobile copy
    (``2024-03-05 10:21:00 新华网``) when the desktop header sets only ``2024`` and ``03/05``. Only
    a stamp standing alone or on an info line, never a list's row, a table's cell or an event's
    time, nor a stamp in the comments below the text (a reader's that day, ``Jane R. 14 May 2025
    at 11:02``)."""
    lines = lay.lines
    for i, line in enumerate(lines):
        if COMMENT_HEAD.match(line):
            break
        if len(line) > 60 or lay.table[i] >= 0:
            continue
        if not _CLOCK_HINT.search(line) and not (
            i + 1 < len(lines) and _CLOCK_LINE.match(lines[i + 1])
        ):
            continue
        if TOP_BAR_CLOCK.search(_BRACKETED_WEEKDAY.sub("", line)):
            continue  # (a top bar's "今天是…星期五 09:41"; a release's "…日（星期二）" is no top bar)
        for cand in _line_dates(lines, i, style):
            found = cand.found
            if found.day != shown.day or not found.has_time or cand.rank in (2, 4, 6):
                continue
            rest = len(line) - (found.end - found.start)
            if (rest <= 20 or INFO_LINE.search(line)) and not _list_row(lay, cand):
                return found
    return None


def set_published(article: Article, url: str, zone, shown: tuple, meta: tuple):
    """Sets the article's ``published_at`` (and ``published_at_meta`` when the metadata says
    otherwise) from the shown date, the metadata's and the URL's; returns the date taken."""
    visible, visible_rank, visible_rule = shown
    meta_date, meta_rule = meta
    explain = article.explain
    published = _merge_dates(visible, visible_rank, meta_date)
    if published is None:
        published = date_from_url(url)
        explain["published_at"] = "URL date" if published else "none found"
    elif published is visible:
        explain["published_at"] = visible_rule
    elif visible is not None and published.day == visible.day:
        explain["published_at"] = f"{visible_rule} (time from {meta_rule})"
    else:
        explain["published_at"] = meta_rule
    article.published_at = published.iso(zone) if published else None
    if meta_date is not None and published is not None:
        meta_date = _drop_midnight(meta_date)
        meta_iso = meta_date.iso(zone)
        if meta_iso != article.published_at and (
            meta_date.day != published.day
            or meta_date.has_time != published.has_time
            or published.has_time
        ):
            article.published_at_meta = meta_iso
    return published


def _scan_dates(
    lay: Layout,
    start,
    end,
    labelled_only=False,
    style: DateStyle = DEFAULT_STYLE,
    years=None,
    under_title=False,
) -> list[_DateCandidate]:
    out = []
    lines = lay.lines
    for i in range(max(start, 0), min(end, len(lines))):
        # An unlabelled date in a data table is a figure's date (a dashboard's day), not the
        # page's; a layout table's one-cell row holding the info line (2024-05-08 来源：…, or one
        # just under the title whose labels are icons: "2024-05-08 16:45 县应急局 0") is no data table.
        free = lay.table[i] < 0 or (
            lay.cells[i] <= 1
            and (
                INFO_LINE.search(lines[i]) is not None
                or (under_title and i == start and len(lines[i]) < 60)
            )
        )
        for cand in _line_dates(lines, i, style, years):
            if (not labelled_only and free) or cand.rank < 5:
                out.append(cand)
    return out


def _visible_date(
    lay: Layout,
    title_line: int,
    body_start: int,
    body_end: int,
    title: str | None = None,
    style: DateStyle = DEFAULT_STYLE,
    years=None,
) -> tuple[FoundDate | None, int, str]:
    """The date the page prints, its rank (see :class:`_DateCandidate`) and the rule that found it."""
    lines = lay.lines
    head_end = body_start if body_start > title_line else min(title_line + 8, len(lines))
    # The info line sits between the title and the body; 信息公开 tables may sit above the title.
    near = [
        c
        for c in _scan_dates(
            lay,
            title_line + 1,
            min(head_end, title_line + 16),
            style=style,
            years=years,
            under_title=True,
        )
        # (A date in a sentence of the text, 各乡镇须于2024年4月30日前报送…。, is the text's own.)
        if c.rank < 5 or (len(lines[c.line]) < 80 and "。" not in lines[c.line])
    ]
    updated = [c for c in near if c.rank == 6]
    near = [c for c in near if c.rank != 6]
    table = [
        c
        for c in _scan_dates(lay, title_line - 40, title_line + 1, style=style, years=years)
        if c.rank < 4 or c.rank == 5
    ]
    labelled = [c for c in near + table if c.rank < 4]
    if labelled:
        best = min(labelled, key=lambda c: (c.rank, abs(c.line - title_line)))
        if _LETTER_TIME.search(best.label + "："):
            # A letter's record goes on past its 来信时间 into its content and reply: its 公开时间
            # (or 发布时间) further down the same record is when it was published.
            later = [
                c
                for c in _scan_dates(
                    lay,
                    best.line + 1,
                    min(body_end, best.line + 40),
                    labelled_only=True,
                    style=style,
                )
                if c.rank == 0 and lay.table[c.line] == lay.table[best.line]
            ]
            if later:
                return later[0].found, 0, f"labelled {later[0].label} in the letter's record"
        where = "line" if best in near else "row above the title"
        return best.found, best.rank, f"labelled {best.label} {where}"
    unlabelled = [c for c in near if c.rank == 5]
    if unlabelled:
        first = unlabelled[0]
        if INFO_LINE.search(lines[first.line]) or (
            first.line <= title_line + 2
            and len(lines[first.line]) < 60
            and not _list_row(lay, first)
        ):
            # On the info line itself ("2024-10-08 20:15 来源：新华社", a <time> just under the
            # heading): what the reader is told, as a labelled date is, before a <meta> that says
            # otherwise (the CMS's sign-off time).
            return first.found, 2, "unlabelled date in the info line"
        return first.found, 5, "unlabelled date under the title"
    # A date set in the heading's own line after the title (<h1>标题<span>2024-07-12</span></h1>).
    if title and 0 <= title_line < len(lines):
        line, title_sq = lines[title_line], squash(title)
        if squash(line).startswith(title_sq) and len(line) <= len(title) + 40:
            tail = [
                c
                for c in _line_dates(lines, title_line, style)
                if c.rank in (0, 1, 5) and squash(line[: c.found.start]) == title_sq
            ]
            if tail:
                return tail[0].found, tail[0].rank, "date beside the title"
    # 更新时间 as the only date, under the heading or just above it (a PowerEasy row over the
    # title, a breadcrumb bar's right end).
    near += [
        c
        for i in range(max(title_line - 4, 0), title_line)
        if len(lines[i]) < 100
        for c in _line_dates(lines, i, style)
        if c.rank == 4 and not _list_row(lay, c)
    ]
    if near:
        return near[0].found, 4, f"labelled {near[0].label} line (the only date it shows)"
    above = _date_above(lay, title_line, style)
    if above is not None:
        # (Just over the heading, "5 March 2024 | Joint News Release": the release's own line,
        # before a <meta> that says otherwise.)
        rank = 2 if above.line >= title_line - 2 else 5
        return above.found, rank, "unlabelled date above the title"
    card = _calendar_card(lay, title_line)
    if card is not None:
        return card, 2, "calendar card beside the title"
    dateline = _dateline(lay, body_start, body_end, style)
    if dateline is not None:
        return dateline, 1, "dateline opening the body"
    # A body container that also holds the info line (发布时间：… at its top): before a date
    # closing the text, which is the signature's (成文) date.
    top = _scan_dates(
        lay, body_start, min(body_start + 3, body_end), labelled_only=True, style=style
    )
    top = [c for c in top if c.rank == 0 and len(lines[c.line]) < 120]
    if top:
        return top[0].found, 0, f"labelled {top[0].label} atop the body"
    # Dates printed after the body: "Ends/Friday, January 3, 2020 … Issued at HKT 18:30".
    tail = _scan_dates(lay, body_end, body_end + 6, style=style, years=years) + _scan_dates(
        lay, body_end - 3, body_end, style=style
    )
    # (A record's attribute rows past the attachments and tools: 【信息公开属性】 … 公开日期：….)
    tail += [
        c
        for c in _scan_dates(lay, body_end + 6, body_end + 20, labelled_only=True, style=style)
        if c.rank == 0 and in_record_block(lines, c.line)
    ]
    tail = [c for c in tail if c.rank not in (4, 6) and not _list_row(lay, c)]
    if tail:
        cand = min(tail, key=lambda c: (c.rank, abs(c.line - body_end)))
        found = cand.found
        if not found.has_time:
            for i in range(cand.line, min(cand.line + 3, len(lines))):
                if re.search(r"Issued at|HKT|发布时间|時間|时间", lines[i]):
                    hm = find_time(lines[i])
                    if hm:
                        found = FoundDate(found.start, found.end, found.day, hm[0], hm[1])
                        break
        return found, cand.rank + 1, "date after the body"
    # A body container that also holds the release's info block (Contact…, Release Date: …).
    top = _scan_dates(
        lay, body_start, min(body_start + 8, body_end), labelled_only=True, style=style
    )
    top = [c for c in top if c.rank < 2 and len(lines[c.line]) < 80]
    if top:
        return top[0].found, top[0].rank, f"labelled {top[0].label} atop the body"
    first = _scan_dates(lay, body_start, min(body_start + 2, body_end), style=style)
    first = [c for c in first if c.rank != 6]
    if first:
        return first[0].found, 7, "date atop the body"
    if not updated:
        # A stamp in the first lines of the text's block ("Last updated: September 6, 2019" over
        # an advisories table): still the only date the page shows.
        updated = [
            c
            for c in _scan_dates(lay, body_start, min(body_start + 10, body_end), style=style)
            if c.rank in (4, 6) and len(lines[c.line]) < 80
        ]
    if updated:
        return updated[0].found, 6, f"labelled {updated[0].label} line (the only date it shows)"
    return None, 9, ""


def _date_above(lay: Layout, title_line: int, style: DateStyle) -> _DateCandidate | None:
    """A date a template prints just above the heading ("2024-04-10 环境质量"), or above the
    short lines between them (a ministerial release: its date, its ministers, then its title);
    never past a line of links (navigation) or of prose."""
    lines = lay.lines
    # (A release's contact block between its date and its heading, "Media contact:" then a name,
    # a phone, an e-mail a line each, is read past: the window starts above it.)
    top = _above_contact_block(lines, title_line - 1)
    for i in range(top, max(top - 4, -1), -1):
        line = lines[i]
        if len(line) > 80 or (lay.link_chars[i] and lay.link_chars[i] * 2 >= len(line)):
            return None
        # (The line just over the heading may be longer: "5 March 2024 | Joint News Release | …".)
        if len(line) > (80 if i == top else 40) or TOP_BAR_CLOCK.search(line):
            continue
        found = [c for c in _line_dates(lines, i, style) if c.rank == 5 and not _list_row(lay, c)]
        # (In a table only a one-cell row that is its date alone, a weekday aside: a release's
        # header set as rows, Transport Department | MEDIA RELEASE | Tuesday, 5 March 2024.)
        if lay.table[i] >= 0:
            found = [
                c
                for c in found
                if lay.cells[i] <= 1 and len(line) - (c.found.end - c.found.start) <= 12
            ]
        if found:
            return found[-1]
    return None


def _above_contact_block(lines: list[str], i: int) -> int:
    """The line above a contact block ending at line ``i`` (its ``Media contact:`` head over short
    lines of names, phones, e-mails, no date among them), else ``i``."""
    for j in range(i, max(i - 8, -1), -1):
        if CONTACT_HEAD.match(lines[j]):
            return j - 1
        if not contact_detail(lines[j]) or find_dates(lines[j], 1):
            break
    return i


def _calendar_card(lay: Layout, title_line: int) -> FoundDate | None:
    """A date set as a calendar card by the heading (``<span>05</span><span>2024.03</span>``):
    its parts glued on one line or on two short lines of their own, no link (a list's rows use
    the same card)."""
    lines = lay.lines
    for i in range(max(title_line - 3, 0), min(title_line + 3, len(lines))):
        if i == title_line or lay.link_chars[i] or len(lines[i]) > 12:
            continue
        found = parse_calendar_card(lines[i])
        if found is None and i + 1 < len(lines) and i + 1 != title_line and len(lines[i + 1]) <= 8:
            if not lay.link_chars[i + 1]:
                found = parse_calendar_card(f"{lines[i]} {lines[i + 1]}")
        if found is not None:
            return found
    return None


def _list_row(lay: Layout, cand: _DateCandidate) -> bool:
    """The date of a row in a list of links (related news, a sidebar's latest items): another
    page's date. Its line is a link and the date (a bracket, a badge, a `[部门]` beside), or only
    the date under a line that is all link."""
    i = cand.line
    line, links = lay.lines[i], lay.link_chars[i]
    rest = len(line) - (cand.found.end - cand.found.start)
    if links and rest - links <= min(10, rest // 3):
        return True
    if not (rest <= 4 and i > 0 and 0 < len(lay.lines[i - 1]) <= lay.link_chars[i - 1]):
        return False
    # (Not under a menu: a bar of three links or more on the line, a portal's channels over the
    # date its header sets above the heading; nor under a link of another block — a menu's last
    # item, one a line, over a release's date: a row's link and date share a small element.)
    row = False
    for el, span in lay.spans.items():
        if span == (i - 1, i) and sum(1 for a in el.iter("a") if (a.text or "").strip()) >= 3:
            return False
        row = row or (span[0] <= i - 1 and i + 1 <= span[1] and span[1] - span[0] <= 4)
    return row


# A news release's dateline: "WASHINGTON, March 5, 2024 — …", "SAN FERNANDO, Pampanga (March 5,
# 2024) –", "March 5, 2024 - The …": a place in capitals (or nothing), the date, a dash.
_DATELINE_BEFORE = re.compile(r"^(?:[A-Z][\w.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ ]{1,25})?,?\s*)?\(?$")
_DATELINE_AFTER = re.compile(r"^\)?\s*(?:[—–―]|-{1,2}(?=\s)|:(?=\s))")


def _dateline(lay: Layout, body_start: int, body_end: int, style: DateStyle) -> FoundDate | None:
    """A dateline in the body's first lines, or a date alone on a line among the short lines
    heading the text (a joint release's ministers, its kind, its date), before any prose."""
    for i in range(body_start, min(body_start + 12, body_end)):
        line = lay.lines[i]
        if lay.table[i] >= 0:
            break
        if line[:1].isascii():
            for fd in find_dates(line[:100], limit=2, style=style):
                if i < body_start + 3 and (
                    _DATELINE_BEFORE.match(line[: fd.start])
                    and _DATELINE_AFTER.match(line[fd.end :])
                ):
                    return fd
                if fd.start == 0 and line.isascii() and not line[fd.end :].strip(" .,"):
                    return fd
        if i >= body_start + 2 and (len(line) >= 120 or SENTENCE_END.search(line)):
            break
    return None


# Publishing systems that write a page's properties into an HTML comment (TRS/"enpproperty" blocks:
# <!--enpproperty <articleid>…</articleid><date>2023-12-01 14:43:00:0</date>…-->).
_COMMENT_DATE = re.compile(
    r"<(date|pubdate|publishdate|publishtime|pubtime|releasedate|releasetime|docreltime|fbsj|fbrq|publish_?date|publish_?time)>"
    r"\s*([^<>]{6,40}?)\s*</\1>",
    re.I,
)


# A template's info line left commented out (<!--<span>发布时间：2024-03-05</span>-->), and the
# publish time a client-rendered page carries in its inline state ("publishTime":"2024-03-05 …").
_COMMENT_LABELLED = re.compile(
    r"(?:发布|發布|发表)(?:时间|日期|時間)\s*[:：]\s*(?:<[^<>]{0,80}>\s*)?((?:19|20)\d{2}[^<>\n]{4,24})"
)
_SCRIPT_KEYS = (
    "publishTime",
    "publish_time",
    "pubTime",
    "pubDate",
    "publishDate",
    "publish_date",
    "releaseTime",
    "docPubTime",
    "pubtime",
    "pub_time",
    "publishtime",
    "newsTime",
    "ptime",
)
_SCRIPT_VALUE = re.compile(
    r"""["']?\s*[:=]\s*["']((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[^"'<>]{0,20})["']"""
    # (or one number, a stored stamp: publishTime='20240305102100', "pubDate": 20240305)
    r"""|["']?\s*[:=]\s*["']?((?:19|20)\d{6}(?:\d{4}(?:\d{2})?)?)(?![\d.])"""
)


def _script_date(text: str) -> str | None:
    # (Literal keys found first: one regex over a whole page per key would cost milliseconds.)
    best = None
    for key in _SCRIPT_KEYS:
        at = text.find(key, 0, MAX_HTML_CHARS)
        while 0 <= at and (best is None or at < best[0]):
            match = _SCRIPT_VALUE.match(text, at + len(key))
            # (A bare number only under the key itself, not inside a longer name: "uptime".)
            if match is not None and (match.group(1) or not text[at - 1 : at].isalnum()):
                best = (at, match.group(1) or match.group(2))
                break
            at = text.find(key, at + 1, MAX_HTML_CHARS)
    return best[1] if best else None


def _comments(text: str):
    """The bodies of the page's HTML comments (within the parsed length)."""
    at = text.find("<!--", 0, MAX_HTML_CHARS)
    while at >= 0:
        end = text.find("-->", at + 4)
        if end < 0:
            return
        yield text[at + 4 : end]
        at = text.find("<!--", end + 3, MAX_HTML_CHARS)


def _hidden_cms_date(text: str) -> tuple[FoundDate | None, str]:
    """A date the CMS left in a comment block or a script's data (never shown); a fallback
    behind printed and meta dates."""
    labelled = None
    for comment in _comments(text):
        if len(comment) < 12:
            continue
        for match in _COMMENT_DATE.finditer(comment):
            found = parse_date(match.group(2))
            if found is not None:
                return found, f"CMS comment <{match.group(1).lower()}>"
        if labelled is None:
            match = _COMMENT_LABELLED.search(comment)
            labelled = parse_date(match.group(1)) if match else None
    if labelled is not None:
        return labelled, "labelled date in a comment"
    found = _stamp(_script_date(text))
    if found is not None:
        return found, "publish time in the page's script data"
    found = _stamp(_hidden_input_date(text))
    if found is not None:
        return found, "publish time in a hidden input"
    return None, ""


def _stamp(value: str | None) -> FoundDate | None:
    """A stored publish time: a date as printed, or one number (20240305102100) — only a value
    a date's key names, never a free number (an article's id, a phone number)."""
    if not value:
        return None
    if value.isdigit():
        found = find_compact_dates(value, 1)
        return found[0] if found and found[0].end == len(value) else None
    return parse_date(value)


# A form's hidden field the CMS fills with the publish time (<input type="hidden" id="pubdate"
# value="20240305102100">): its id or name says what it holds.
_HIDDEN_INPUT = re.compile(r"<input\b[^<>]{0,300}>", re.I)
_HIDDEN_DATE_NAME = re.compile(
    r"""\b(?:id|name)\s*=\s*["']?(?:pub_?date|pub_?time|publish_?date|publish_?time|release_?date|"""
    r"""release_?time|docreltime|fbrq|fbsj)["'\s>/]""",
    re.I,
)
_INPUT_VALUE = re.compile(r"""\bvalue\s*=\s*["']([^"'<>]{8,30})["']""", re.I)


def _hidden_input_date(text: str) -> str | None:
    at = text.find("<input", 0, MAX_HTML_CHARS)
    while at >= 0:
        match = _HIDDEN_INPUT.match(text, at)
        if match is not None:
            tag = match.group(0)
            if "hidden" in tag.lower() and _HIDDEN_DATE_NAME.search(tag):
                value = _INPUT_VALUE.search(tag)
                if value is not None:
                    return value.group(1)
        at = text.find("<input", at + 6, MAX_HTML_CHARS)
    return None


def _drop_midnight(found: FoundDate) -> FoundDate:
    # CMSs that store dates only write "00:00:00" as the time: that is no time at all.
    if found.has_time and found.hour == 0 and found.minute == 0 and not found.second:
        return FoundDate(found.start, found.end, found.day)
    return found


def _merge_dates(visible: FoundDate | None, rank: int, meta: FoundDate | None) -> FoundDate | None:
    if meta is not None:
        meta = _drop_midnight(meta)
    if visible is None:
        return meta
    if meta is None:
        return visible
    if visible.day == meta.day:
        return visible if visible.has_time or not meta.has_time else visible.with_time(meta)
    # A labelled visible date (发布日期) is what archivists cite; an unlabelled one may be a sidebar.
    return visible if rank <= 2 else meta
