"""The one date parser (crawler/extract/dates.py): the shapes government pages print dates in."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from crawler.extract.dates import (
    DEFAULT_STYLE,
    DateStyle,
    find_dates,
    find_month_days,
    parse_calendar_card,
    parse_date,
    parse_day,
    style_for,
    year_from_url,
    zone_for,
)

TAIPEI = style_for(ZoneInfo("Asia/Taipei"))
AUCKLAND = style_for(ZoneInfo("Pacific/Auckland"))
NEW_YORK = style_for(ZoneInfo("America/New_York"))


def _iso(text: str, style: DateStyle = DEFAULT_STYLE) -> str | None:
    found = parse_date(text, style)
    return found.iso(None) if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2024年3月5日 星期二 10:21", "2024-03-05T10:21:00", id="weekday-before-clock"),
        pytest.param("2024-03-05（周二）10:21", "2024-03-05T10:21:00", id="weekday-in-brackets"),
        pytest.param("中華民國113年3月5日", "2024-03-05", id="roc-named"),
        pytest.param("民国99年12月3日", "2010-12-03", id="roc-two-digit-named"),
        pytest.param("Tuesday 5 March 2024 10:21am", "2024-03-05T10:21:00", id="day-month-clock"),
        pytest.param("Posted On: 05 MAR 2024 10:21PM by PIB", "2024-03-05T22:21:00", id="pm"),
        pytest.param("3/5/2024 10:21:33 AM", "2024-03-05T10:21:33", id="aspnet-en-us"),
        pytest.param("Post Date:03/05/2024 2:30 PM", "2024-03-05T14:30:00", id="numeric-us-pm"),
        pytest.param("3/5/2024 12:05 AM", "2024-03-05T00:05:00", id="numeric-us-midnight"),
        pytest.param("2024-03-05 2:30 PM", "2024-03-05T14:30:00", id="iso-date-twelve-hour-clock"),
        pytest.param("5 Mar 2024 10.30am", "2024-03-05T10:30:00", id="uk-dotted-clock"),
        pytest.param(
            "Submitted by Public Works on Tue, 03/05/2024 - 14:30",
            "2024-03-05T14:30:00",
            id="drupal7-numeric-dash-clock",
        ),
        pytest.param("03/05/2024 - 12 new permits", "2024-03-05", id="numeric-dash-no-clock"),
        pytest.param(
            "2:30 PM ET · March 5, 2024 · News release",
            "2024-03-05T14:30:00",
            id="clock-zone-dot-month-first",
        ),
        pytest.param(
            "Updated 9:05 a.m. EST, Mar. 5, 2024",
            "2024-03-05T09:05:00",
            id="clock-first-month-first-comma",
        ),
        pytest.param(
            "Published 5 March 2024, 2.15 pm", "2024-03-05T14:15:00", id="uk-dotted-clock-pm"
        ),
        pytest.param(
            "2024.03.05 10.30", "2024-03-05", id="dotted-figure-without-meridiem-is-no-clock"
        ),
        pytest.param(
            "2024-03-05 10:21 amid", "2024-03-05T10:21:00", id="iso-date-no-meridiem-word"
        ),
        pytest.param("Published: 25/03/2024", "2024-03-25", id="first-over-12-is-a-day"),
        pytest.param("2024年3月5日 下午3:45", "2024-03-05T15:45:00", id="xiawu-afternoon"),
        pytest.param("2024-03-05 上午10:21", "2024-03-05T10:21:00", id="shangwu-morning"),
        pytest.param(
            "Published on March 5, 2024 | 10:21 AM", "2024-03-05T10:21:00", id="bar-clock"
        ),
        pytest.param("5 March 2024 | 3:15 PM", "2024-03-05T15:15:00", id="day-month-bar-clock"),
        pytest.param("2024年03月05日 10时21分", "2024-03-05T10:21:00", id="shi-fen"),
        pytest.param(
            "Tuesday, March 5, 2024 - 10:21am", "2024-03-05T10:21:00", id="drupal-dash-clock"
        ),
        pytest.param("5 March 2024 — 3:30 pm", "2024-03-05T15:30:00", id="day-month-dash-clock"),
        pytest.param("March 5, 2024 - 12 new sites", "2024-03-05", id="dash-before-no-clock"),
        pytest.param(
            "发布时间：Tue Mar 05 10:21:33 CST 2024", "2024-03-05T10:21:33", id="java-date-string"
        ),
        pytest.param(
            "Tue Mar 05 2024 10:21:33 GMT+0800 (中国标准时间)",
            "2024-03-05T10:21:33",
            id="javascript-date-string",
        ),
        pytest.param("on May 5 10:21 and 2024", None, id="no-zone-word-in-prose"),
        pytest.param("Published: 09:00 5 March 2024", "2024-03-05T09:00:00", id="clock-first"),
        pytest.param(
            "Posted at 9:00 pm on 5 March 2024", "2024-03-05T21:00:00", id="clock-first-pm-on"
        ),
        pytest.param(
            "March 5, 2024 (Tuesday) 18:30", "2024-03-05T18:30:00", id="hk-weekday-bracketed"
        ),
        pytest.param(
            "5 March 2024 (Tuesday) HKT 18:30", "2024-03-05T18:30:00", id="hk-zone-before-clock"
        ),
        pytest.param("March 5, 2024 (Tuesday)", "2024-03-05", id="hk-weekday-no-clock"),
        pytest.param(
            "March 5, 2024 (Tuesday)18:30", "2024-03-05T18:30:00", id="hk-weekday-glued-clock"
        ),
        pytest.param(
            "2024年3月5日（星期二）香港時間18時30分", "2024-03-05T18:30:00", id="hk-chinese-words"
        ),
    ],
)
def test_shapes(text, expected):
    assert _iso(text) == expected


def test_bare_roc_years_only_where_the_page_is_taiwanese():
    assert _iso("發布日期：113-03-05", TAIPEI) == "2024-03-05"
    assert _iso("發布日期：113-03-05") is None  # elsewhere "113-03-05" is no date
    assert _iso("113年03月05日 10時21分", TAIPEI) == "2024-03-05T10:21:00"


@pytest.mark.parametrize(
    ("style", "expected"),
    [(AUCKLAND, "2024-03-12"), (NEW_YORK, "2024-12-03"), (DateStyle(), "2024-12-03")],
    ids=["day-first-nz", "month-first-us", "unknown-zone-month-first"],
)
def test_numeric_order_follows_the_locale(style, expected):
    assert _iso("Published: 12/03/2024", style) == expected
    assert _iso("12-03-2024", style) == expected


_EN_PAGE = "<html lang='en'><body><p>{}</p></body></html>"
_ZH_PAGE = "<html><body><p>关于开展防汛检查的通知 {}</p></body></html>"


@pytest.mark.parametrize(
    ("zone", "page", "text", "expected"),
    [
        ("UTC", _EN_PAGE, "Posted 05.13.24", "2024-05-13"),
        ("UTC", _EN_PAGE, "Posted 05/13/24 9:30 AM", "2024-05-13T09:30:00"),
        ("UTC", _EN_PAGE, "Posted 05/06/24", None),  # either order, nothing says which
        ("America/Chicago", _EN_PAGE, "Posted 05/06/24", "2024-05-06"),
        ("UTC", _EN_PAGE.format("{} · Older: April 30, 2024"), "Posted 05/06/24", "2024-05-06"),
        ("UTC", _EN_PAGE, "Posted 13.05.24", None),
        ("UTC", _EN_PAGE, "Version 1.05.13.24", None),
        ("Europe/London", _EN_PAGE, "Posted 05.13.24", None),
        (
            "Asia/Shanghai",
            _ZH_PAGE,
            "24-05-13",
            "2024-05-13",
        ),  # a year first, as Chinese pages write it
    ],
    ids=[
        "only-month-first-valid",
        "slashes-and-clock",
        "ambiguous-unknown-place",
        "ambiguous-us-zone",
        "ambiguous-site-month-first",
        "day-first-unread",
        "part-of-a-longer-number",
        "day-first-zone",
        "chinese-year-first-stays",
    ],
)
def test_short_us_dates_month_first_only_on_english_pages(zone, page, text, expected):
    style = style_for(ZoneInfo(zone), page.format(text), shown=page.format(text))
    assert _iso(text, style) == expected


def test_a_stated_local_offset_keeps_its_day_a_utc_stamp_moves_to_the_sites_zone():
    new_york = ZoneInfo("America/New_York")
    assert parse_date("2024-03-05T10:21:33+08:00").iso(new_york) == "2024-03-05T10:21:33+08:00"
    assert parse_date("2024-03-05T02:21:33Z").iso(new_york) == "2024-03-04T21:21:33-05:00"


@pytest.mark.parametrize(
    ("lang", "zone"),
    [
        ("zh-Hant-TW", "Asia/Taipei"),
        ("zh-Hans-CN", "Asia/Shanghai"),
        ("zh-Hant", "Asia/Taipei"),
        ("en-PH", "Asia/Manila"),
        ("en-IE", "Europe/Dublin"),
    ],
)
def test_zone_from_the_language_tag(lang, zone):
    assert str(zone_for(None, lang=lang)) == zone


def test_a_traditional_title_without_a_tag_reads_as_taiwans():
    assert str(zone_for(None, title="本縣長者健康促進巡迴講座開跑")) == "Asia/Taipei"
    assert str(zone_for(None, title="县长者健康促进巡回讲座开跑")) == "Asia/Shanghai"


def test_zone_from_the_host():
    assert str(zone_for("https://www.health.gov.au/news/x")) == "Australia/Sydney"
    assert str(zone_for("https://www.beehive.govt.nz/release/x")) == "Pacific/Auckland"


def test_list_rows_still_read_quickly_in_order():
    text = "关于印发…的通知 2024-03-05　关于…的公告 2024/3/6 10:21　Tuesday, March 7, 2024"
    assert [f.day.isoformat() for f in find_dates(text)] == [
        "2024-03-05",
        "2024-03-06",
        "2024-03-07",
    ]


def test_a_named_roc_date_starts_at_its_era_name_on_a_taiwanese_page():
    found = find_dates("公告日期\t中華民國113年3月5日", style=TAIPEI)
    assert [(f.start, f.day.isoformat()) for f in found] == [(5, "2024-03-05")]


def test_list_rows_read_in_the_pages_style():
    assert parse_day("Notice of meeting 05-03-2024") == "2024-05-03"
    assert parse_day(
        "Notice of meeting 05-03-2024", style=style_for(ZoneInfo("Europe/London"))
    ) == ("2024-03-05")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("发布日期：03-05 10:21 点击：", [(3, 5, 10, 21)], id="dashed-with-clock"),
        pytest.param("3月5日 18:32 来源：区融媒体中心", [(3, 5, 18, 32)], id="yue-ri-with-clock"),
        pytest.param("[02-01]", [(2, 1, None, None)], id="list-row"),
        pytest.param("2024年3月5日 2024-03-05", [], id="a-full-date-holds-none"),
        pytest.param("3-5人一组", [], id="a-range-is-none"),
    ],
)
def test_dates_printed_without_a_year(text, expected):
    assert [(d.month, d.day, d.hour, d.minute) for d in find_month_days(text)] == expected


def test_the_year_of_a_yearless_date_from_the_address_in_its_month():
    assert year_from_url("https://x.gov.cn/zwgk/202403/t20240305_1.html", 3) == 2024
    assert year_from_url("https://x.cn/news/2024/03/05/12031.html", 3) == 2024
    assert year_from_url("https://x.cn/news/2024/03/05/12031.html", 4) is None
    assert parse_day("03-05", "https://x.cn/news/2024/03/05/12031.html") == "2024-03-05"


def test_a_date_written_as_one_number_is_read_only_when_asked():
    from crawler.extract.dates import find_compact_dates

    assert [d.day.isoformat() for d in find_compact_dates("发布日期：20240305")] == ["2024-03-05"]
    assert find_compact_dates("编号20240231") == []  # no 31 February
    assert find_dates("发布日期：20240305") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20240305102100", "2024-03-05T10:21:00"),
        ("202403051021", "2024-03-05T10:21:00"),
        ("20240305", "2024-03-05"),
        ("20240228000173", None),  # an article's id: no 73rd second, and no shorter date inside
        ("07715551234", None),  # a phone number
        ("2024030510", None),  # a clock needs its minutes
    ],
)
def test_a_stamp_written_as_one_number_takes_its_glued_clock(text, expected):
    from crawler.extract.dates import find_compact_dates

    found = find_compact_dates(text, 1)
    assert (found[0].iso(None) if found else None) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "<script>var articleId='20240228000173'; var publishTime='20240305102100';</script>",
            "2024-03-05T10:21:00",
        ),
        ('<script>var data = {"pubDate": 20240305};</script>', "2024-03-05"),
        ('<input type="hidden" id="docid" value="20240305102100">', None),  # no date's name
        ('<input type="hidden" id="pubdate" value="20240305102100">', "2024-03-05T10:21:00"),
        ('<input type="hidden" name="fbrq" value="2024-03-05 10:21:00">', "2024-03-05T10:21:00"),
        ("<script>var channelId='20240305102100';</script>", None),
        ("<script>var uptime = 20240305102100;</script>", None),  # a key inside a longer name
    ],
)
def test_a_hidden_stamp_is_read_only_under_a_dates_name(page, expected):
    from crawler.extract.article.published import _hidden_cms_date

    found, _ = _hidden_cms_date(f"<html><head>{page}</head><body></body></html>")
    assert (found.iso(None) if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("052024.03", "2024-03-05"),
        ("05 2024-03", "2024-03-05"),
        ("2024.03 05", "2024-03-05"),
        ("2024年03月 05日", "2024-03-05"),
        ("2024-0305", "2024-03-05"),
        ("312024.02", None),
        ("第5 2024.03", None),
        ("2024.03", None),
    ],
)
def test_calendar_cards(text, expected):
    found = parse_calendar_card(text)
    assert (found.day.isoformat() if found else None) == expected


def test_a_dashed_date_reads_its_day_first_where_the_pages_place_is_unknown():
    unknown = style_for(ZoneInfo("UTC"))
    assert parse_day("Date : 05-03-2024", style=unknown) == "2024-03-05"
    # (Slashes stay month first, as the US and an ASP.NET server write them; so do dashes in
    # the US, and on a Chinese page.)
    assert parse_day("Date : 05/03/2024", style=unknown) == "2024-05-03"
    assert parse_day("Date : 05-03-2024", style=NEW_YORK) == "2024-05-03"
    assert parse_day("05-03-2024", style=style_for(ZoneInfo("Asia/Shanghai"))) == "2024-05-03"
    assert parse_day("Date : 05-13-2024", style=unknown) == "2024-05-13"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param("<p>Posted: 05-03-2024</p>", "2024-03-05", id="no-evidence-day-first"),
        pytest.param(
            "<p>Posted: 05-03-2024</p><p>Applications are due by May 24, 2024.</p>",
            "2024-05-03",
            id="named-dates-month-first",
        ),
        pytest.param(
            "<p>Posted: 05-03-2024</p><p>Applications close on 24 May 2024.</p>",
            "2024-03-05",
            id="named-dates-day-first",
        ),
        pytest.param(
            '<link rel="canonical" href="https://www.westbrookcountyoh.gov/news/a"><p>05-03-2024</p>',
            "2024-05-03",
            id="own-address-on-a-gov-host",
        ),
        pytest.param(
            '<link rel="canonical" href="https://www.gov.uk/government/news/a"><p>05-03-2024</p>',
            "2024-03-05",
            id="gov-uk-is-british",
        ),
        pytest.param(
            '<a href="https://www.usa.gov/">USA.gov</a><a href="https://www.ohio.gov/">Ohio</a>'
            "<p>05-03-2024</p>",
            "2024-05-03",
            id="links-to-us-hosts",
        ),
        pytest.param(
            '<a href="https://www.india.gov.in/">India</a><a href="https://pib.gov.in/">PIB</a>'
            "<p>05-03-2024</p>",
            "2024-03-05",
            id="links-to-indian-hosts",
        ),
    ],
)
def test_a_page_of_unknown_place_says_how_it_writes_its_dashed_dates(page, expected):
    # Month first as the US writes it when the page shows it does; else day first, as before.
    style = style_for(ZoneInfo("UTC"), page)
    assert parse_day("05-03-2024", style=style) == expected
    assert parse_day("05/03/2024", style=style) == "2024-05-03"  # slashes stay month first


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param("<p>Date: 7/03/2024</p>", "2024-07-03", id="no-evidence-month-first"),
        pytest.param(
            "<p>Date: 7/03/2024</p><li>Night market <span>Friday 15 March 2024</span></li>",
            "2024-03-07",
            id="named-dates-day-first",
        ),
        pytest.param(
            "<p>Date: 7/03/2024</p><p>Comments close March 29, 2024, or 1 April 2024.</p>"
            "<p>Hearing on April 9, 2024.</p>",
            "2024-07-03",
            id="named-dates-mostly-month-first",
        ),
    ],
)
def test_a_page_of_unknown_place_writes_its_slashed_dates_as_its_named_dates(page, expected):
    # 7/03/2024 on a page whose named dates put the day first (a New Zealand or British page
    # saved without its address) is 7 March; where its place is known, the place decides.
    assert parse_day("7/03/2024", style=style_for(ZoneInfo("UTC"), page)) == expected
    assert parse_day("7/03/2024", style=style_for(ZoneInfo("America/Chicago"), page)) == (
        "2024-07-03"
    )


def test_one_day_first_date_in_a_footer_does_not_turn_a_us_slashed_date():
    page = "<td>Date:</td><td>03/08/2024</td><footer>Last reviewed: 12 January 2024</footer>"
    assert parse_day("03/08/2024", style=style_for(ZoneInfo("UTC"), page)) == "2024-03-08"
    twice = page + "<li>Open day <span>Saturday 23 March 2024</span></li>"
    assert parse_day("03/08/2024", style=style_for(ZoneInfo("UTC"), twice)) == "2024-08-03"
