"""Find and normalise publication dates in page text, meta values and URLs.

Government pages print dates in many shapes and almost never with a time zone; the zone comes from
the caller or the site's host. Results are ISO 8601: ``2022-12-14T15:00:00+08:00`` with a time,
``2022-12-14`` without one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .saved import OWN_ADDRESS

_MONTHS = {
    "jan": 1,
    "january": 1,
    "januar": 1,
    "janvier": 1,
    "jänner": 1,
    "feb": 2,
    "february": 2,
    "februar": 2,
    "février": 2,
    "feber": 2,
    "mar": 3,
    "march": 3,
    "märz": 3,
    "mars": 3,
    "apr": 4,
    "april": 4,
    "avril": 4,
    "may": 5,
    "mai": 5,
    "jun": 6,
    "june": 6,
    "juni": 6,
    "juin": 6,
    "jul": 7,
    "july": 7,
    "juli": 7,
    "juillet": 7,
    "aug": 8,
    "august": 8,
    "août": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "septembre": 9,
    "oct": 10,
    "october": 10,
    "oktober": 10,
    "octobre": 10,
    "okt": 10,
    "nov": 11,
    "november": 11,
    "novembre": 11,
    "dec": 12,
    "december": 12,
    "dezember": 12,
    "décembre": 12,
    "dez": 12,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

# (上午/下午 before a twelve-hour clock: "2024年3月5日 下午3:45".)
_TIME = (
    r"(?:(?P<half>上午|下午|晚上|中午|早上|凌晨)\s*)?"
    r"(?P<H>[01]?\d|2[0-3])\s*[:：时時]\s*(?P<M>[0-5]\d)(?:\s*[:：分]\s*(?P<S>[0-5]\d))?"
)
# Numeric dates: year first (2022-12-14, 2022/12/14, 2022.12.14, 22-12-14), gov.cn's
# "2007-08-20-23:59:59", or Chinese/Japanese 2022年12月14日; an optional time follows.
_YMD = (
    r"(?<![\d./])(?P<y>(?:19|20)\d{2}|\d{2})\s*(?P<sep>[-/.]|年)\s*(?P<m>1[0-2]|0?[1-9])\s*(?:(?P=sep)|月)\s*"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?:\s*日)?(?![\d])"
    # (A weekday may sit between the date and the clock: "2024年3月5日 星期二 10:21".)
    r"(?:(?:(?P<T>T)|\s*-\s*|\s*(?:日\s*)?(?:[（(]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?\s*)?"
    r"(?:香港(?:时间|時間)\s*)?)?"
    + _TIME
    # (A twelve-hour clock after an ISO date, as English CMSs print it: "2024-03-05 2:30 PM".)
    + r"(?:\s?(?P<ampm>(?i:[ap]\.?m\.?))(?![A-Za-z]))?"
    + r"(?:\.\d{1,6})?(?P<tz>Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?)?"
)
# (Hong Kong's releases print the weekday in brackets after the date and the zone before the clock:
# "March 5, 2024 (Tuesday) HKT 18:30".)
_EN_CLOCK_SEP = (
    r"(?:\s*[(（](?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[)）](?:,?\s*(?:Issued\s+at\s+)?|\s*[|·•]\s*)"
    r"|,?\s+(?:at\s+|[-–—]\s+)?|\s*[|·•]\s*)"
)
_EN_ZONE = r"(?:(?-i:[A-Z]{1,3}T)\s+)?"
# Day first: 03.01.2020 (German), 3. Januar 2020, 3 January 2020.
_DMY = (
    r"(?<![\d.])(?P<d>3[01]|[12]\d|0?[1-9])\.\s?(?P<m>1[0-2]|0?[1-9])\.\s?(?P<y>(?:19|20)\d{2})(?!\d)"
    r"(?:,?\s+" + _TIME + r")?"
)
_D_MONTH_Y = (
    r"(?<![\d])(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon>"
    + _MONTH_RE
    + r")\.?,?\s+(?P<y>(?:19|20)\d{2})(?!\d)"
    r"(?:" + _EN_CLOCK_SEP + _EN_ZONE + _TIME + r"\s*(?P<ampm>[ap]\.?m\.?)?(?![\w:]))?"
)
_MONTH_D_Y = (
    r"(?P<mon>"
    + _MONTH_RE
    + r")\.?\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})(?!\d)"
    # (The clock may follow a bar, as WordPress themes print it: "March 5, 2024 | 10:21 AM", or a
    # dash, as Drupal's: "Tuesday, March 5, 2024 - 10:21am".)
    r"(?:" + _EN_CLOCK_SEP + _EN_ZONE + _TIME + r"\s*(?P<ampm>[ap]\.?m\.?)?)?"
)
# The clock first, as British newsrooms print it: "09:00 5 March 2024", "Posted at 9:00am, 5 March 2024".
_CLOCK_D_MONTH_Y = (
    r"(?<![\d:])" + _TIME + r"\s*(?P<ampm>[ap]\.?m\.?)?,?\s+(?:on\s+)?(?P<d>3[01]|[12]\d|0?[1-9])"
    r"(?:st|nd|rd|th)?\s+(?P<mon>" + _MONTH_RE + r")\.?,?\s+(?P<y>(?:19|20)\d{2})(?!\d)"
)
# The clock first, before a month-first date, as US newsrooms' bylines print it: "2:30 PM ET · March
# 5, 2024" (a zone's abbreviation and a dot or bar between them).
_CLOCK_MONTH_D_Y = (
    r"(?<![\d:])" + _TIME + r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s+(?-i:[A-Z]{1,2}[SD]?T))?"
    r"(?:\s*[·•|,]\s*|\s+(?:on\s+)?)(?P<mon>" + _MONTH_RE + r")\.?\s+"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})(?!\d)"
)
# A server's date printed as Java's Date.toString() writes it: "Tue Mar 05 10:21:33 CST 2024", the
# year after the clock and the zone's abbreviation (the site's local time: CST is China's there).
_MONTH_D_TIME_Y = (
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+)?(?P<mon>"
    + _MONTH_RE
    + r")\.?\s+(?P<d>3[01]|[12]\d|0?[1-9])\s+"
    + _TIME
    + r"\s+(?:(?-i:[A-Z]{2,5})\s+)?(?P<y>(?:19|20)\d{2})(?!\d)"
)
# A year set apart from its month/day (portals print <em>2024</em> <em>03</em>/<em>05</em> 10:21).
# (Floated spans may leave no space at all between them: "202403/0511:16:25".)
_Y_SPACE_MD = (
    r"(?<![\d./])(?P<y>(?:19|20)\d{2})\s*(?P<m>1[0-2]|0[1-9])/(?P<d>3[01]|[12]\d|0[1-9])(?![/])"
    r"(?:\s*" + _TIME + r")?"
)
# 03/05/2024, 05-03-2024: month first in the US, day first nearly everywhere else (the caller's
# DateStyle says which; a first number over 12 can only be a day).
_NUMERIC_DMY = (
    r"(?<![\d/.-])(?P<a>3[01]|[12]\d|0?[1-9])(?P<nsep>[/-])(?P<b>3[01]|[12]\d|0?[1-9])(?P=nsep)"
    r"(?P<y>(?:19|20)\d{2})(?![\d/-])"
    # (Its pattern is case-sensitive, its meridiem not: "03/05/2024 2:30 PM". The clock may follow
    # a dash, as Drupal 7's "submitted" line prints it: "Tue, 03/05/2024 - 14:30".)
    r"(?:(?:,?\s+(?:at\s+)?|\s+[-–—]\s+)" + _TIME + r"\s*(?P<ampm>(?i:[ap]\.?m\.?))?)?"
)
# A US page's short date, month first and the year's two digits last: "Posted 05.13.24", "05/13/24"
# (read only as the caller's DateStyle allows: an English page, and 05/06/24 only where it writes
# its months first; elsewhere 05/06/24 stays a year-first 2005-06-24).
_SHORT_MDY = (
    r"(?P<a>1[0-2]|0?[1-9])(?P<ssep>[./])(?P<b>3[01]|[12]\d|0?[1-9])(?P=ssep)"
    r"(?P<sy>\d{2})(?![\d/-]|\.\d)"
    r"(?:,?\s+(?:at\s+)?" + _TIME + r"\s*(?P<ampm>(?i:[ap]\.?m\.?))?)?"
)
# Years of the Republic of China (Taiwan): 民國113年3月5日, 中華民國113年3月5日 is 2024; bare
# 113-03-05 only where the caller's DateStyle reads them (a Taiwanese page).
_ROC_SEP = r"\s*(?P<sep>[-/.]|年)\s*(?P<m>1[0-2]|0?[1-9])\s*(?:(?P=sep)|月)\s*(?P<d>3[01]|[12]\d|0?[1-9])(?:\s*日)?(?!\d)"
_ROC_TIME = r"(?:\s*(?:[（(]?(?:星期|週)[一二三四五六日天][)）]?\s*)?" + _TIME + r")?"
_ROC_NAMED = r"(?P<roc>中華民國|中华民国|民國|民国)\s*(?P<ry>\d{2,3})" + _ROC_SEP + _ROC_TIME
_ROC_BARE = r"(?<![\d./-])(?P<ry>1[0-4]\d)" + _ROC_SEP + _ROC_TIME

# Chinese numerals, as official documents print their 成文日期: 二〇二四年三月五日.
_CN_DIGIT = "〇○零ОOＯ一二三四五六七八九"
_CN_YMD = (
    rf"(?P<cy>[{_CN_DIGIT}]{{4}})\s*年\s*(?P<cm>十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(?P<cd>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
)
_CN_VALUE = {c: 0 for c in "〇○零ОOＯ"} | {c: i + 1 for i, c in enumerate("一二三四五六七八九")}

# Each form, with what a text must hold for it to match ("letter": a month name's ASCII letters).
_PATTERNS = [
    (re.compile(_ROC_NAMED), "民"),
    (re.compile(_YMD), None),
    (re.compile(_CN_YMD), "年"),
    (re.compile(_DMY), "."),
    # (The clock first before the month-first date alone claims the date.)
    (re.compile(_CLOCK_MONTH_D_Y, re.IGNORECASE), "letter"),
    (re.compile(_MONTH_D_Y, re.IGNORECASE), "letter"),
    (re.compile(_MONTH_D_TIME_Y, re.IGNORECASE), "letter"),
    (re.compile(_CLOCK_D_MONTH_Y, re.IGNORECASE), "letter"),
    (re.compile(_D_MONTH_Y, re.IGNORECASE), "letter"),
    (re.compile(_Y_SPACE_MD), "/"),
    (re.compile(_NUMERIC_DMY), "numeric"),
]
_ROC_BARE_RE = re.compile(_ROC_BARE)
_SHORT_MDY_RE = re.compile(_SHORT_MDY)
# The first letters of every month name above: a text without one needs no month-name pattern run.
_MONTH_HINT = re.compile(
    r"jan|jän|feb|fév|mar|mär|apr|avr|may|mai|jun|jui|jul|aug|aoû|sep|oct|okt|nov|dec|dez|déc", re.I
)
# Every month-name form holds a four-digit year: a text without one (a paragraph saying "may" or
# "market") needs none of those case-insensitive patterns, which are tried at every character.
_FULL_YEAR = re.compile(r"(?:19|20)\d\d")
_TIME_ONLY = re.compile(r"(?<![\d:])" + _TIME + r"(?![\d:])")


@dataclass(frozen=True)
class DateStyle:
    """How a page's locale writes the ambiguous numeric forms."""

    day_first: bool = False  # 05/03/2024 is 5 March (not May 3)
    roc_years: bool = False  # 113-03-05 is in the 113th year of the Republic of China (2024)
    # 05-03-2024 is 5 March: dashes, where the page's place is unknown (a saved English page with
    # no host, no regional language tag). The US writes its month first with slashes (3/5/2024);
    # dashes with the year last are the day-first world's (India, Britain, Australia…).
    dashed_day_first: bool = False
    # 05.13.24 / 05/13/24 is 13 May 2024: an English page (and when 05/06/24 is also May 6:
    # short_month_first, a US page or one whose other dates put the month first).
    short_year_last: bool = False
    short_month_first: bool = False


DEFAULT_STYLE = DateStyle()
# Where 05/03/2024 is 5 March: Europe, Oceania, South Asia, Hong Kong, Singapore… Elsewhere (the
# US, the Philippines, and Chinese pages, whose numeric dates with the year last are an ASP.NET
# server's en-US "3/5/2024 10:21:33") the month comes first, as when the zone is unknown.
_DAY_FIRST_ZONES = (
    "Europe/",
    "Africa/",
    "Australia/",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Asia/Calcutta",
    "Asia/Singapore",
    "Asia/Hong_Kong",
    "Asia/Macau",
    "Asia/Kuala_Lumpur",
    "Asia/Dhaka",
    "Asia/Karachi",
    "Asia/Dubai",
)


def style_for(zone: ZoneInfo | None, page: str = "", shown: str | None = None) -> DateStyle:
    """The date style of pages read in ``zone`` (from :func:`zone_for`); ``page``, the page's
    HTML, tells how a page of unknown place (UTC) writes its dashed dates; ``shown``, its text as
    a reader sees it, whether it prints US short dates (05.13.24; none are read without it)."""
    name = str(zone) if zone is not None else ""
    day_first = name.startswith(_DAY_FIRST_ZONES)
    # (Looked for in the text, not the HTML: a tenth of its length, and no script's version.)
    short = 0 if day_first or not shown or _CJK_RUN.search(shown) else _short_dates(shown)
    return DateStyle(
        day_first=day_first or (name == "UTC" and _writes_slashes_day_first(page)),
        roc_years=name == "Asia/Taipei",
        dashed_day_first=day_first
        or (name == "UTC" and not (_holds_dashed_date(page) and _writes_month_first(page))),
        short_year_last=bool(short),
        short_month_first=short == 2
        and (name.startswith(_MONTH_FIRST_ZONES) or (name == "UTC" and _writes_month_first(page))),
    )


# (A run of Chinese text, not a language switch's 中文 or 繁體版: the page is no English page.)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{8}")
# (What such a date looks like, found fast, then checked: a page of none reads as before.)
_SHORT_DATE_HINT = re.compile(r"\d[./]\d\d?[./]\d\d")
_SHORT_DATE = re.compile(r"(?<![\d/.-])(\d\d?)([./])(\d\d?)\2\d\d(?![\d/-]|\.\d)")


def _short_dates(page: str) -> int:
    """0 when ``page`` prints no date of that shape (05.13.24, 13.05.24), 2 when one could be read
    month first or day first (05/06/24: how the page writes its months must tell), else 1."""
    found = 0
    for hint in islice(_SHORT_DATE_HINT.finditer(page), 50):
        match = _SHORT_DATE.search(page, max(hint.start() - 2, 0), hint.end() + 2)
        if match:
            if 1 <= int(match[1]) <= 12 and 1 <= int(match[3]) <= 12:
                return 2
            found = 1
    return found


# A dashed date's year (05-03-2024): found by its literal dash first, since a page of unknown place
# is read for how it writes them only when it holds one (that read scans the whole page: ~10 ms).
_DASHED_YEAR = re.compile(r"-(?:19|20)\d\d(?![\d-])")
_DASHED_DAY_MONTH = re.compile(r"(?<![\d-])(?:3[01]|[12]\d|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])$")


def _holds_dashed_date(page: str) -> bool:
    return any(
        _DASHED_DAY_MONTH.search(page, max(0, m.start() - 5), m.start())
        for m in _DASHED_YEAR.finditer(page)
    )


# A slashed date with both numbers 12 or less (5/03/2024): which comes first is the page's style.
_SLASHED_YEAR = re.compile(r"/(?:19|20)\d\d(?![\d/])")
_SLASHED_DAY_MONTH = re.compile(r"(?<![\d/])(?:1[0-2]|0?[1-9])/(?:1[0-2]|0?[1-9])$")


# 7/03/2024: a day without its zero over a month with it, as New Zealand and Australia write
# (d/MM/yyyy); the US writes 3/7/2024 or 03/07/2024.
_DAY_OVER_PADDED_MONTH = re.compile(r"(?<![\d/])[1-9]/0[1-9]$")


def _writes_slashes_day_first(page: str) -> bool:
    """Whether a page of unknown place writes its ambiguous slashed dates day first: it holds
    one, its dates with month names put the day first and none the month ("Friday 15 March
    2024", never "March 15, 2024"), and there are two such, or its slashed date is written
    d/MM (7/03/2024). One day-first date in a footer is not enough to turn a US 03/08/2024."""
    padded = ambiguous = False
    for m in _SLASHED_YEAR.finditer(page):
        before = page[max(0, m.start() - 5) : m.start()]
        if _SLASHED_DAY_MONTH.search(before):
            ambiguous = True
            if _DAY_OVER_PADDED_MONTH.search(before):
                padded = True
                break
    if not ambiguous or _NAMED_MONTH_FIRST.search(page, 0, 400_000):
        return False
    needed = 1 if padded else 2
    return len(_NAMED_DAY_FIRST.findall(page, 0, 400_000)[:needed]) >= needed


_EN_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NAMED_MONTH_FIRST = re.compile(
    rf"(?i)\b{_EN_MONTH}\.?\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,\s+(?:19|20)\d{{2}}\b"
)
_NAMED_DAY_FIRST = re.compile(
    rf"(?i)\b(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH}\.?,?\s+(?:19|20)\d{{2}}\b"
)
_ADDRESS_HOST = re.compile(r"""(?i)(?:href|content)\s*=\s*["']?https?://([a-z0-9.-]+)""")
_MONTH_FIRST_ZONES = ("America/",)


def _writes_month_first(page: str) -> bool:
    """Whether a page of unknown place writes its numeric dates month first, as the US does
    (05-03-2024 is May 3): its named dates put the month first ("May 24, 2024", none "24 May
    2024"), else its own address (canonical link, og:url) or most hosts it links are American
    (``.gov``, ``.us``, ``.mil``; ``.gov.uk`` is British)."""
    if not page:
        return False
    month_first = len(_NAMED_MONTH_FIRST.findall(page, 0, 400_000))
    day_first = len(_NAMED_DAY_FIRST.findall(page, 0, 400_000))
    if month_first != day_first:
        return month_first > day_first
    own = OWN_ADDRESS.search(page, 0, 100_000)
    hosts = _ADDRESS_HOST.findall(own.group(0)) if own else []
    if not hosts:
        hosts = _ADDRESS_HOST.findall(page, 0, 400_000)[:200]
    zones = [host_zone_name(host.lower()) or "" for host in hosts]
    us = sum(zone.startswith(_MONTH_FIRST_ZONES) for zone in zones)
    return (
        us * 2 > len(zones)
        if own
        else us > sum(zone.startswith(_DAY_FIRST_ZONES) for zone in zones)
    )


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: where it was and what it says (time parts may be None)."""

    start: int
    end: int
    day: date
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    offset: int | None = None  # minutes east of UTC, when an ISO timestamp says so

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def iso(self, zone: ZoneInfo | None) -> str:
        """ISO 8601: with the zone's offset when a time is known, else the bare date."""
        if self.hour is None:
            return self.day.isoformat()
        dt = datetime(
            self.day.year,
            self.day.month,
            self.day.day,
            self.hour,
            self.minute or 0,
            self.second or 0,
        )
        if self.offset is not None:
            dt = dt.replace(tzinfo=dt_timezone(timedelta(minutes=self.offset)))
            # A stamp in UTC is a machine's: the page's readers see it in the site's zone. Any
            # other offset is the site's own local time (a guessed zone must not move its day).
            return (dt.astimezone(zone) if zone is not None and not self.offset else dt).isoformat()
        if zone is not None:
            dt = dt.replace(tzinfo=zone)
        return dt.isoformat()

    def with_time(self, other: FoundDate) -> FoundDate:
        return FoundDate(
            self.start, self.end, self.day, other.hour, other.minute, other.second, other.offset
        )


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _cn_number(text: str) -> int:
    """二十三 → 23, 十二 → 12, 五 → 5 (a month's or a day's number in Chinese numerals)."""
    if "十" not in text:
        return _CN_VALUE[text]
    tens, _, ones = text.partition("十")
    return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[ones] if ones else 0)


def _build(match: re.Match, style: DateStyle = DEFAULT_STYLE) -> FoundDate | None:
    g = match.groupdict()
    if g.get("ry"):
        roc = int(g["ry"])
        if not g.get("roc") and not 100 <= roc <= 149:
            return None
        g = dict(g, y=str(roc + 1911))
    elif g.get("sy"):
        # (Month first as the only valid reading, 05.13.24, or as the page writes its months; not
        # the end of a longer number, 1.05.13.24, the check its pattern leaves out to run fast.)
        before = match.string[match.start() - 1 : match.start()]
        if (before and before in "0123456789/.-") or (
            int(g["b"]) <= 12 and not style.short_month_first
        ):
            return None
        g = dict(g, m=g["a"], d=g["b"], y=g["sy"])
    elif g.get("a"):
        first, second = int(g["a"]), int(g["b"])
        if first > 12 or second > 12:
            day_first = first > 12
        else:
            day_first = style.dashed_day_first if g.get("nsep") == "-" else style.day_first
        g = (
            dict(g, d=str(first), m=str(second))
            if day_first
            else dict(g, m=str(first), d=str(second))
        )
    elif style.short_year_last and g.get("sep") and len(g.get("y") or "") == 2:
        return None  # (an English page writes no year first in two digits: 05/06/24 is no 2005)
    if g.get("cy"):
        try:
            year = int("".join(str(_CN_VALUE[c]) for c in g["cy"]))
            day = date(year, _cn_number(g["cm"]), _cn_number(g["cd"]))
        except (ValueError, KeyError):
            return None
        return FoundDate(match.start(), match.end(), day) if 1980 <= day.year <= 2100 else None
    try:
        month = _MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
        day = date(_year(g["y"]), month, int(g["d"]))
    except (ValueError, KeyError, TypeError):
        return None
    if not 1980 <= day.year <= 2100:
        return None
    hour = minute = second = None
    if g.get("H") is not None:
        hour, minute = int(g["H"]), int(g["M"])
        second = int(g["S"]) if g.get("S") else None
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        half = g.get("half")
        if half in ("下午", "晚上") or (half == "中午" and hour < 11):
            ampm = "pm"
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    offset = None
    if g.get("T") and g.get("tz"):
        tz = g["tz"]
        if tz == "Z":
            offset = 0
        else:
            digits = tz[1:].replace(":", "")
            offset = (int(digits[:2]) * 60 + int(digits[2:])) * (-1 if tz[0] == "-" else 1)
    return FoundDate(match.start(), match.end(), day, hour, minute, second, offset)


# Full-width digits and separators (２０２４－０３－０５) read as their ASCII forms; one for one, so
# positions in the text stay the same.
_FULL_WIDTH = re.compile("[\uff0d-\uff1a]")
_TO_ASCII = {0xFF0D + i: c for i, c in enumerate("-./0123456789:")}


# A British twelve-hour clock written with a dot, "10.30am": read as "10:30am". (Only before am/pm:
# "2024.03.05" and "10.30" alone are no clock.)
_DOTTED_CLOCK = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])\.([0-5]\d)(?=\s?(?i:[ap]\.?m)(?![a-z]))")


def find_dates(text: str, limit: int = 50, style: DateStyle = DEFAULT_STYLE) -> list[FoundDate]:
    """All dates in ``text`` in reading order (overlapping matches resolved by position), the
    ambiguous numeric forms read in ``style``."""
    if _FULL_WIDTH.search(text):
        text = text.translate(_TO_ASCII)
    if "." in text and _DOTTED_CLOCK.search(text):
        text = _DOTTED_CLOCK.sub(r"\1:\2", text)  # (one for one: positions stay)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    letters = None
    # (The bare ROC form after the named one, which starts at 民國 where its label ends.)
    patterns = (
        _PATTERNS if not style.roc_years else [_PATTERNS[0], (_ROC_BARE_RE, None), *_PATTERNS[1:]]
    )
    if style.short_year_last:
        # (Before the year-first form, which would read 05/06/24 as 2005-06-24.)
        patterns = [(_SHORT_MDY_RE, None), *patterns]
    for pattern, needs in patterns:
        # Skip a form whose marks the text lacks: list pages read thousands of short rows.
        if needs == "letter":
            if letters is None:
                letters = (
                    _MONTH_HINT.search(text) is not None and _FULL_YEAR.search(text) is not None
                )
            if not letters:
                continue
        elif needs == "numeric":
            if "/" not in text and "-" not in text:
                continue
        elif needs and needs not in text:
            continue
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            fd = _build(match, style)
            if fd is not None:
                found.append(fd)
                taken.append((match.start(), match.end()))
            if len(found) >= limit:
                break
    found.sort(key=lambda f: f.start)
    return found


def parse_date(text: str | None, style: DateStyle = DEFAULT_STYLE) -> FoundDate | None:
    """The first date in ``text`` (meta values, labelled values), or None."""
    if not text:
        return None
    dates = find_dates(text[:500], limit=1, style=style)
    return dates[0] if dates else None


_DIGIT = re.compile(r"\d")
# The plainest numeric form of _YMD (same separators, four-digit year): what most list rows print.
_PLAIN_YMD = re.compile(
    r"(?<![\d./])((?:19|20)\d{2})\s*([-/.]|年)\s*(1[0-2]|0?[1-9])\s*(?:\2|月)\s*(3[01]|[12]\d|0?[1-9])(?!\d)"
)
_MONTH_DAY = re.compile(r"^[\s\[(（【]*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?[\s\])）】]*$")
_URL_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})?(?!\d)")


# A calendar card: the day set big beside its year and month ("05" over "2024.03"), in either order;
# the whole text is the card (its parts are elements of their own, glued or on two lines).
_CARD = re.compile(
    r"^\s*(?:(?P<d>[0-3]?\d)\s*(?P<y>(?:19|20)\d\d)\s*[-./年]\s*(?P<m>[01]?\d)\s*月?"
    r"|(?P<y2>(?:19|20)\d\d)\s*[-./年]\s*(?P<m2>[01]\d|[1-9](?=\s))\s*月?\s*(?P<d2>[0-3]?\d)\s*日?)\s*$"
)


def parse_calendar_card(text: str) -> FoundDate | None:
    """The date of a calendar card's text (``052024.03``, ``05 2024-03``, ``2024.03 05``)."""
    m = _CARD.match(text)
    if not m:
        return None
    y, mo, d = (m.group("y", "m", "d")) if m.group("y") else m.group("y2", "m2", "d2")
    try:
        return FoundDate(m.start(), m.end(), date(int(y), int(mo), int(d)))
    except ValueError:
        return None


def year_from_url(url: str | None, month: int) -> int | None:
    """The year of a date in ``url`` (``/202403/t20240305_…``, ``/2024/03/05/``) in ``month``: what
    a date printed without its year (03-05, 3月5日) belongs to."""
    for u in _URL_YEAR_MONTH.finditer(url or ""):
        if int(u.group(2)) == month:
            return int(u.group(1))
    return None


# A date printed without its year, as templates cut it: "03-05 10:21", "3月5日 18:32" (two digits
# each with a dash, slash or dot; 月 and 日 with any).
_YEARLESS = re.compile(
    r"(?<![\d./年-])(?:(?P<m2>1[0-2]|0[1-9])(?P<sep>[-/.])(?P<d2>3[01]|[12]\d|0[1-9])(?![\d/.-])"
    r"|(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*日)"
    r"(?:\s*(?:[（(]?(?:星期|周|週)[一二三四五六日天][)）]?)?\s*" + _TIME + r"(?![\d:]))?"
)


@dataclass(frozen=True)
class MonthDay:
    """A date found without its year (its year comes from elsewhere: :meth:`in_year`)."""

    start: int
    end: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None

    def in_year(self, year: int) -> FoundDate | None:
        try:
            day = date(year, self.month, self.day)
        except ValueError:
            return None
        return FoundDate(self.start, self.end, day, self.hour, self.minute)


# A date written as one number, as some templates print a label's value ("发布日期：20240305"),
# its clock glued on too, as a CMS stores a stamp ("20240305102100": 10:21:00).
_COMPACT = re.compile(
    r"(?<![\d./-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\s+"
    + _TIME
    + r"|(?P<gH>[01]\d|2[0-3])(?P<gM>[0-5]\d)(?P<gS>[0-5]\d)?)?(?![\d./-])"
)


def find_compact_dates(text: str, limit: int = 2) -> list[FoundDate]:
    """Dates written as one number (20240305, 20240305102100): only the caller knows a label or a
    key's name says it is a date."""
    out = []
    for match in _COMPACT.finditer(text[:600]):
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
        hour, minute = match["H"] or match["gH"], match["M"] or match["gM"]
        hour = int(hour) if hour is not None else None
        minute = int(minute) if minute is not None else None
        out.append(FoundDate(match.start(), match.end(), day, hour, minute))
        if len(out) >= limit:
            break
    return out


def find_month_days(text: str, limit: int = 3) -> list[MonthDay]:
    """Dates in ``text`` printed without a year (the caller gives them one: a labelled line's
    value or an info line's; elsewhere "3月5日" is prose)."""
    out = []
    for match in _YEARLESS.finditer(text[:600]):
        g = match.groupdict()
        hour = minute = None
        if g["H"] is not None:
            hour, minute = int(g["H"]), int(g["M"])
            if g["half"] in ("下午", "晚上") and hour < 12:
                hour += 12
        out.append(
            MonthDay(
                match.start(),
                match.end(),
                int(g["m2"] or g["m"]),
                int(g["d2"] or g["d"]),
                hour,
                minute,
            )
        )
        if len(out) >= limit:
            break
    return out


def parse_day(
    text: str | None,
    url: str | Callable[[], str | None] | None = None,
    style: DateStyle = DEFAULT_STYLE,
) -> str | None:
    """The day of the first date in ``text`` as "YYYY-MM-DD" (how list rows are dated), or None.

    A bare MM-DD ("03-15", "3月15日") takes its year from a date in ``url`` with the same month
    (``url`` may be a function giving it: it is then called only for a bare MM-DD). ``style``
    reads 05/03/2024 (:func:`style_for` the page's zone).
    """
    if not text or not _DIGIT.search(text, 0, 400):
        return None  # every date has digits
    quick = _PLAIN_YMD.search(text, 0, 400)
    if quick is not None and quick.start() < 40:
        # The common row date (2024-03-15, 2024年3月15日) near the start, without building a FoundDate.
        try:
            day = date(int(quick[1]), int(quick[3]), int(quick[4]))
        except ValueError:
            day = None
        if day is not None and 1980 <= day.year <= 2100:
            return day.isoformat()
    found = parse_date(text[:400], style)
    if found is not None:
        return found.day.isoformat()
    m = _MONTH_DAY.match(text)
    if m and callable(url):
        url = url()
    if m and url:
        month, day = int(m.group(1)), int(m.group(2))
        year = year_from_url(url, month)
        if year is not None:
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return None
    return None


def find_time(text: str) -> tuple[int, int] | None:
    """A bare ``HH:MM`` in ``text`` (e.g. "Issued at HKT 18:30"), or None."""
    match = _TIME_ONLY.search(text)
    return (int(match["H"]), int(match["M"])) if match else None


_URL_DATE = [
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+"),  # TRS: /t20240101_123456.shtml
    re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),  # Hanweb: /art/2024/1/1/art_...
    re.compile(r"/((?:19|20)\d{2})[-/]?(\d{2})[-/]?(\d{2})/"),  # /2024-01-01/ or /20240101/
    re.compile(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/"),  # /202401/01/
]


def date_from_url(url: str) -> FoundDate | None:
    """The date embedded in an article URL, if the URL follows a known CMS pattern."""
    path = urlsplit(url).path if url else ""
    for pattern in _URL_DATE:
        match = pattern.search(path)
        if match:
            try:
                return FoundDate(0, 0, date(int(match[1]), int(match[2]), int(match[3])))
            except ValueError:
                continue
    return None


_HOST_ZONES = [
    (".cn", "Asia/Shanghai"),
    (".hk", "Asia/Hong_Kong"),
    (".mo", "Asia/Macau"),
    (".tw", "Asia/Taipei"),
    (".jp", "Asia/Tokyo"),
    (".kr", "Asia/Seoul"),
    (".sg", "Asia/Singapore"),
    (".au", "Australia/Sydney"),
    (".nz", "Pacific/Auckland"),
    (".ie", "Europe/Dublin"),
    (".in", "Asia/Kolkata"),
    (".ph", "Asia/Manila"),
    (".ca", "America/Toronto"),
    (".de", "Europe/Berlin"),
    (".at", "Europe/Vienna"),
    (".ch", "Europe/Zurich"),
    (".fr", "Europe/Paris"),
    (".uk", "Europe/London"),
    (".gov", "America/New_York"),
    (".us", "America/New_York"),
    (".mil", "America/New_York"),
]


# A page's language tag, when its host says nothing (a saved file): the most specific tag first.
_LANG_ZONES = [
    ("zh-hk", "Asia/Hong_Kong"),
    ("zh-mo", "Asia/Macau"),
    ("zh-tw", "Asia/Taipei"),
    ("zh-sg", "Asia/Singapore"),
    ("zh-hant", "Asia/Taipei"),
    ("zh", "Asia/Shanghai"),
    ("ja", "Asia/Tokyo"),
    ("ko", "Asia/Seoul"),
    ("de-at", "Europe/Vienna"),
    ("de-ch", "Europe/Zurich"),
    ("de", "Europe/Berlin"),
    ("en-gb", "Europe/London"),
    ("en-hk", "Asia/Hong_Kong"),
    ("en-sg", "Asia/Singapore"),
    ("en-au", "Australia/Sydney"),
    ("en-nz", "Pacific/Auckland"),
    ("en-ie", "Europe/Dublin"),
    ("en-in", "Asia/Kolkata"),
    ("en-ph", "Asia/Manila"),
    ("en-ca", "America/Toronto"),
    ("en-us", "America/New_York"),
]
_CJK_TEXT = re.compile(r"[\u4e00-\u9fff]")
# Characters only Traditional Chinese writes (國 for 国, and for Japanese 国…), common in titles.
_TRADITIONAL = re.compile("[國縣區發與體會臺灣關單處醫廳辦獎廣這們衞]")


def zone_for(
    url: str | None, timezone: str | None = None, lang: str | None = None, title: str = ""
) -> ZoneInfo:
    """The zone to read local page times in: ``timezone`` if given, else guessed from the host,
    else from the page's language tag ``lang`` (``zh-CN``, ``en-GB``…), else Beijing time for a
    page titled in Chinese (what this tool reads most; Taipei's for Traditional characters), else
    UTC."""
    if timezone:
        try:
            return ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        host = ""
    zone = _zone_for_host(host)
    if zone is not None:
        return zone
    tag = (lang or "").strip().lower().replace("_", "-")
    # A script subtag says nothing of the place: zh-Hant-TW is zh-TW (zh-Hant alone stays).
    tag = re.sub(r"^(zh)-han[st]-(?=[a-z]{2}\b)", r"\1-", tag)
    for prefix, name in _LANG_ZONES:
        if tag == prefix or tag.startswith(prefix + "-"):
            return ZoneInfo(name)
    if not tag and _CJK_TEXT.search(title or ""):
        # A title in Traditional characters without a tag: Taiwan's (or Hong Kong's: the same
        # offset), so that its 民國 years read.
        return ZoneInfo("Asia/Taipei" if _TRADITIONAL.search(title) else "Asia/Shanghai")
    return ZoneInfo("UTC")


def host_zone_name(host: str) -> str | None:
    """The IANA zone a host's suffix names (``.cn`` Beijing, ``.gov.uk`` London…), if any."""
    for suffix, name in _HOST_ZONES:
        if host.endswith(suffix):
            return name
    return None


@lru_cache(maxsize=1024)
def _zone_for_host(host: str) -> ZoneInfo | None:
    name = host_zone_name(host)
    return ZoneInfo(name) if name else None
