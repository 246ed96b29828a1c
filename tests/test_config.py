import json
import math
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.config import (
    DEFAULT_CONFIG_PATH,
    Config,
    Politeness,
    SiteConfig,
    config_from_dict,
    load_config,
    resolve_config_path,
)
from crawler.extract.model import Selectors
from storage.errors import BulletinError, ConfigError

REPO = Path(__file__).resolve().parent.parent
START = "https://www.yueyang.gov.cn/xxgk/xxgc/"


def site(**keys):
    """A valid [sites.yueyang] table with *keys* added or replaced."""
    return {"start_urls": [START], **keys}


def build(table=None, **top):
    """Validate a config holding one site 'yueyang' as if it came from sites.toml."""
    data = {"sites": {"yueyang": table if table is not None else site()}, **top}
    return config_from_dict(data, source="sites.toml")


def build_error(table=None, **top) -> str:
    with pytest.raises(ConfigError) as excinfo:
        build(table, **top)
    return str(excinfo.value)


# --- valid values -----------------------------------------------------------------------------


def test_minimal_site_gets_every_default():
    got = build().site("yueyang")
    assert got == SiteConfig(
        name="yueyang",
        title="yueyang",
        start_urls=(START,),
        allowed_domains=("www.yueyang.gov.cn",),
        timezone="Asia/Shanghai",
        encoding=None,
        selectors=Selectors(),
        include=(),
        exclude=(),
        follow_breadcrumbs=True,
        breadcrumb_depth=1,
        max_list_pages=50,
        max_requests=10000,
        schedule=None,
        revisit=(1, 7, 30),
        removal_confirm_after="1h",
        revisit_max="30d",
        validators_max_age="1d",
        full_walk_every="1d",
        pages=(),
        politeness=Politeness(),
    )
    assert got.removal_confirm_seconds == 3600
    assert got.politeness == Politeness(
        download_delay=2.0,
        delay_jitter=0.5,
        concurrency=1,
        obey_robots=True,
        user_agent=None,
        timeout=30.0,
        max_response_mb=20.0,
        retries=3,
        autothrottle=True,
    )


@pytest.mark.parametrize(
    "keys, attribute, expected",
    [
        ({"title": " 岳阳市人民政府 "}, "title", "岳阳市人民政府"),
        (
            {"start_urls": [START, "http://www.yueyang.gov.cn/ywdt/", START]},
            "start_urls",
            (START, "http://www.yueyang.gov.cn/ywdt/"),
        ),
        (
            {"start_urls": ["https://www.yueyang.gov.cn:8443/a/", "https://news.yueyang.gov.cn/"]},
            "allowed_domains",
            ("www.yueyang.gov.cn", "news.yueyang.gov.cn"),
        ),
        ({"allowed_domains": ["YueYang.gov.cn."]}, "allowed_domains", ("yueyang.gov.cn",)),
        (
            {"start_urls": ["http://127.0.0.1:8000/list/"], "allowed_domains": ["127.0.0.1"]},
            "allowed_domains",
            ("127.0.0.1",),
        ),
        ({"timezone": "Asia/Hong_Kong"}, "timezone", "Asia/Hong_Kong"),
        ({"start_urls": ["https://www.gov.uk/news"]}, "timezone", "Europe/London"),
        ({"start_urls": ["https://www.info.gov.hk/gia/"]}, "timezone", "Asia/Hong_Kong"),
        ({"start_urls": ["http://127.0.0.1:8000/list/"]}, "timezone", "UTC"),
        (
            {"start_urls": ["https://www.gov.cn/zhengce/", "https://www.info.gov.hk/gia/"]},
            "timezone",
            "UTC",
        ),
        ({"encoding": "GBK"}, "encoding", "gbk"),
        ({"encoding": "utf8"}, "encoding", "utf-8"),
        ({"selectors": {"body": "#zoom"}}, "selectors", Selectors(body="#zoom")),
        (
            {"selectors": {"title": "//h1[@class='t']", "next_page": "a.next::attr(href)"}},
            "selectors",
            Selectors(title="//h1[@class='t']", next_page="a.next::attr(href)"),
        ),
        ({"include": [r"/t\d{8}_\d+\.s?html$"]}, "include", (r"/t\d{8}_\d+\.s?html$",)),
        ({"exclude": [r"\.pdf$", "/search/"]}, "exclude", (r"\.pdf$", "/search/")),
        ({"follow_breadcrumbs": False}, "follow_breadcrumbs", False),
        ({"breadcrumb_depth": 0}, "breadcrumb_depth", 0),
        ({"breadcrumb_depth": 3}, "breadcrumb_depth", 3),
        ({"max_list_pages": 1}, "max_list_pages", 1),
        ({"max_list_rows": 20000}, "max_list_rows", 20000),
        ({"max_requests": 500}, "max_requests", 500),
        ({"schedule": "30m"}, "schedule", "30m"),
        ({"schedule": "0  8 * *  mon-fri"}, "schedule", "0 8 * * mon-fri"),
        ({"revisit": [2, 14, 90, 365]}, "revisit", (2, 14, 90, 365)),
        ({"revisit": []}, "revisit", ()),
        ({"removal_confirm_after": "2s"}, "removal_confirm_after", "2s"),
        ({"removal_confirm_after": "0s"}, "removal_confirm_after", "0s"),
        ({"revisit_max": "7d"}, "revisit_max", "7d"),
        ({"validators_max_age": "0s"}, "validators_max_age", "0s"),
        ({"full_walk_every": "7d"}, "full_walk_every", "7d"),
        (
            {"pages": [f"{START}tjsj/", "http://www.yueyang.gov.cn/zwgk/zc.html", f"{START}tjsj/"]},
            "pages",
            (f"{START}tjsj/", "http://www.yueyang.gov.cn/zwgk/zc.html"),
        ),
        (
            {"politeness": {"download_delay": 0, "delay_jitter": 1, "concurrency": 2}},
            "politeness",
            Politeness(download_delay=0.0, delay_jitter=1.0, concurrency=2),
        ),
        (
            {
                "politeness": {
                    "obey_robots": False,
                    "user_agent": "archive-bot/1.0 (+mailto:a@example.org)",
                    "timeout": 7.5,
                    "max_response_mb": 2,
                    "retries": 0,
                    "autothrottle": False,
                }
            },
            "politeness",
            Politeness(
                obey_robots=False,
                user_agent="archive-bot/1.0 (+mailto:a@example.org)",
                timeout=7.5,
                max_response_mb=2.0,
                retries=0,
                autothrottle=False,
            ),
        ),
    ],
    ids=[
        "title-stripped",
        "start_urls-deduplicated",
        "allowed_domains-from-start-urls-without-port",
        "allowed_domains-normalised",
        "allowed_domains-ip-address",
        "timezone-explicit",
        "timezone-london-for-gov-uk",
        "timezone-hong-kong-for-hk",
        "timezone-utc-for-an-ip-address",
        "timezone-utc-when-hosts-disagree",
        "encoding-canonical-name",
        "encoding-alias",
        "selectors-css",
        "selectors-xpath-and-parsel-css",
        "include",
        "exclude",
        "follow_breadcrumbs",
        "breadcrumb_depth-zero",
        "breadcrumb_depth-three",
        "max_list_pages",
        "max_list_rows",
        "max_requests",
        "schedule-interval",
        "schedule-cron-whitespace-normalised",
        "revisit",
        "revisit-empty-means-no-age-schedule",
        "removal_confirm_after-seconds",
        "removal_confirm_after-zero-means-second-miss",
        "revisit_max-days",
        "validators_max_age-zero-means-never-conditional",
        "full_walk_every-days",
        "pages-deduplicated",
        "politeness-delay-jitter-concurrency",
        "politeness-other-keys",
    ],
)
def test_valid_value(keys, attribute, expected):
    got = build(site(**keys)).site("yueyang")
    assert getattr(got, attribute) == expected


def test_max_response_bytes():
    assert Politeness(max_response_mb=1.5).max_response_bytes == 1572864


def test_non_ascii_allowed_domain_is_punycoded():
    got = build(site(start_urls=["http://例子.中国/"])).site("yueyang")
    assert got.allowed_domains == ("xn--fsqu00a.xn--fiqs8s",)
    assert got.allows("http://例子.中国/a.html")


# --- [defaults] -------------------------------------------------------------------------------


def test_defaults_apply_to_every_site_and_site_keys_win():
    data = {
        "defaults": {
            "schedule": "6h",
            "timezone": "Asia/Hong_Kong",
            "exclude": ["/old/"],
            "politeness": {"download_delay": 5, "retries": 1},
            "selectors": {"body": "#zoom"},
        },
        "sites": {
            "a": {"start_urls": ["https://a.gov.cn/"]},
            "b": {
                "start_urls": ["https://b.gov.cn/"],
                "schedule": "1d",
                "exclude": [],
                "politeness": {"download_delay": 1},
                "selectors": {"title": "h1"},
            },
        },
    }
    config = config_from_dict(data, source="sites.toml")
    a, b = config.site("a"), config.site("b")
    assert (a.schedule, a.timezone, a.exclude) == ("6h", "Asia/Hong_Kong", ("/old/",))
    assert a.politeness == Politeness(download_delay=5.0, retries=1)
    assert a.selectors == Selectors(body="#zoom")
    assert (b.schedule, b.timezone, b.exclude) == ("1d", "Asia/Hong_Kong", ())
    # Nested tables merge key by key; lists and plain values are replaced.
    assert b.politeness == Politeness(download_delay=1.0, retries=1)
    assert b.selectors == Selectors(body="#zoom", title="h1")


@pytest.mark.parametrize(
    "defaults, message",
    [
        (
            {"start_urls": [START]},
            "sites.toml: defaults: key 'start_urls': not allowed in [defaults] "
            "(set it in each [sites.NAME])",
        ),
        (
            {"allowed_domains": ["gov.cn"]},
            "sites.toml: defaults: key 'allowed_domains': not allowed in [defaults] "
            "(set it in each [sites.NAME])",
        ),
        (
            {"title": "x"},
            "sites.toml: defaults: key 'title': not allowed in [defaults] "
            "(set it in each [sites.NAME])",
        ),
        (
            {"politeness": {"download_delay": -1}},
            "sites.toml: defaults: key 'politeness.download_delay': expected a number >= 0, got -1",
        ),
        (
            {"shedule": "6h"},
            "sites.toml: defaults: key 'shedule': unknown key (did you mean 'schedule'?)",
        ),
    ],
    ids=["start_urls", "allowed_domains", "title", "bad-nested-value", "typo"],
)
def test_invalid_defaults(defaults, message):
    assert build_error(defaults=defaults) == message


# --- invalid site keys: one line naming file, site and key -------------------------------------

PREFIX = "sites.toml: site 'yueyang': key "

INVALID_SITE = [
    # start_urls
    (
        "start_urls-missing",
        {},
        "'start_urls': required: a non-empty list of http(s) URLs (or watch single pages with 'pages')",
    ),
    (
        "start_urls-typo-in-scheme",
        site(start_urls=["http//x"]),
        "'start_urls': expected a non-empty list of http(s) URLs, got \"http//x\"",
    ),
    (
        "start_urls-string-not-list",
        site(start_urls=START),
        f"'start_urls': expected a non-empty list of http(s) URLs, got \"{START}\"",
    ),
    (
        "start_urls-empty",
        site(start_urls=[]),
        "'start_urls': expected a non-empty list of http(s) URLs, got []",
    ),
    (
        "start_urls-ftp",
        site(start_urls=["ftp://www.yueyang.gov.cn/"]),
        "'start_urls': expected a non-empty list of http(s) URLs, "
        'got "ftp://www.yueyang.gov.cn/"',
    ),
    (
        "start_urls-relative",
        site(start_urls=["/xxgk/"]),
        "'start_urls': expected a non-empty list of http(s) URLs, got \"/xxgk/\"",
    ),
    (
        "start_urls-bad-port",
        site(start_urls=["http://x.gov.cn:99999/"]),
        "'start_urls': expected a non-empty list of http(s) URLs, got \"http://x.gov.cn:99999/\"",
    ),
    (
        "start_urls-space-inside",
        site(start_urls=["http://x.gov.cn/a b"]),
        "'start_urls': expected a non-empty list of http(s) URLs, got \"http://x.gov.cn/a b\"",
    ),
    (
        "start_urls-not-a-string",
        site(start_urls=[42]),
        "'start_urls': expected a non-empty list of http(s) URLs, got 42",
    ),
    (
        "start_urls-outside-allowed_domains",
        site(allowed_domains=["www.gov.cn"]),
        f'\'start_urls\': "{START}" is outside allowed_domains ["www.gov.cn"]',
    ),
    # allowed_domains
    (
        "allowed_domains-url",
        site(allowed_domains=["https://www.yueyang.gov.cn"]),
        "'allowed_domains': expected a list of host names like \"www.gov.cn\" "
        '(no scheme, path or port), got "https://www.yueyang.gov.cn"',
    ),
    (
        "allowed_domains-port",
        site(allowed_domains=["www.yueyang.gov.cn:80"]),
        "'allowed_domains': expected a list of host names like \"www.gov.cn\" "
        '(no scheme, path or port), got "www.yueyang.gov.cn:80"',
    ),
    (
        "allowed_domains-wildcard",
        site(allowed_domains=["*.yueyang.gov.cn"]),
        "'allowed_domains': subdomains are always allowed, write the bare host name, "
        'got "*.yueyang.gov.cn"',
    ),
    (
        "allowed_domains-string-not-list",
        site(allowed_domains="yueyang.gov.cn"),
        "'allowed_domains': expected a list of host names like \"www.gov.cn\", "
        'got "yueyang.gov.cn"',
    ),
    (
        "allowed_domains-empty",
        site(allowed_domains=[]),
        "'allowed_domains': expected at least one host name, got []",
    ),
    # title
    ("title-empty", site(title="  "), "'title': expected a non-empty string, got \"  \""),
    ("title-number", site(title=12), "'title': expected a non-empty string, got 12"),
    # timezone
    (
        "timezone-unknown-with-suggestion",
        site(timezone="Asia/Shangai"),
        "'timezone': unknown IANA time zone \"Asia/Shangai\" (did you mean 'Asia/Shanghai'?)",
    ),
    (
        "timezone-offset-not-a-zone",
        site(timezone="+08:00"),
        "'timezone': unknown IANA time zone \"+08:00\"",
    ),
    (
        "timezone-not-a-string",
        site(timezone=8),
        "'timezone': expected an IANA time zone like \"Asia/Shanghai\", got 8",
    ),
    # encoding
    ("encoding-unknown", site(encoding="gbk2"), "'encoding': unknown encoding \"gbk2\""),
    ("encoding-not-text", site(encoding="base64"), "'encoding': not a text encoding: \"base64\""),
    # selectors
    (
        "selectors-bad-css",
        site(selectors={"title": "h1["}),
        "'selectors.title': invalid CSS selector (Expected ident or '*', got <EOF at 3>), "
        'got "h1["',
    ),
    (
        "selectors-bad-xpath",
        site(selectors={"body": "//div["}),
        "'selectors.body': invalid XPath (Invalid expression), got \"//div[\"",
    ),
    (
        "selectors-unknown-key",
        site(selectors={"date": "span.date"}),
        "'selectors.date': unknown key",
    ),
    (
        "selectors-typo",
        site(selectors={"breadcrumbs": ".crumbs"}),
        "'selectors.breadcrumbs': unknown key (did you mean 'breadcrumb'?)",
    ),
    (
        "selectors-not-a-table",
        site(selectors="#zoom"),
        "'selectors': expected a table, got \"#zoom\"",
    ),
    (
        "selectors-empty-string",
        site(selectors={"body": ""}),
        "'selectors.body': expected a CSS selector or an XPath starting with / or (, got \"\"",
    ),
    # include / exclude
    (
        "include-bad-regex",
        site(include=["content_(\\d+"]),
        "'include': invalid regular expression (missing ), unterminated subpattern at "
        'position 8), got "content_(\\\\d+"',
    ),
    (
        "include-string-not-list",
        site(include="content_"),
        "'include': expected a list of regular expressions, got \"content_\"",
    ),
    (
        "exclude-bad-regex",
        site(exclude=["*.pdf"]),
        "'exclude': invalid regular expression (nothing to repeat at position 0), got \"*.pdf\"",
    ),
    (
        "exclude-rejects-start-url",
        site(exclude=["/xxgk/"]),
        f'\'exclude\': pattern "/xxgk/" rejects the start URL "{START}"',
    ),
    # booleans and whole numbers
    (
        "follow_breadcrumbs-string",
        site(follow_breadcrumbs="yes"),
        "'follow_breadcrumbs': expected true or false, got \"yes\"",
    ),
    (
        "follow_breadcrumbs-int",
        site(follow_breadcrumbs=1),
        "'follow_breadcrumbs': expected true or false, got 1",
    ),
    (
        "breadcrumb_depth-negative",
        site(breadcrumb_depth=-1),
        "'breadcrumb_depth': expected a whole number >= 0, got -1",
    ),
    (
        "breadcrumb_depth-bool",
        site(breadcrumb_depth=True),
        "'breadcrumb_depth': expected a whole number >= 0, got true",
    ),
    (
        "max_list_pages-zero",
        site(max_list_pages=0),
        "'max_list_pages': expected a whole number >= 1, got 0",
    ),
    (
        "max_list_pages-float",
        site(max_list_pages=2.5),
        "'max_list_pages': expected a whole number >= 1, got 2.5",
    ),
    (
        "max_list_rows-zero",
        site(max_list_rows=0),
        "'max_list_rows': expected a whole number >= 1, got 0",
    ),
    (
        "max_requests-string",
        site(max_requests="1000"),
        "'max_requests': expected a whole number >= 1, got \"1000\"",
    ),
    # removal_confirm_after
    (
        "removal_confirm_after-no-unit",
        site(removal_confirm_after="60"),
        '\'removal_confirm_after\': expected a duration like "30s", "30m", "1h" or "1d" '
        '("0s": the second miss confirms at once), got "60"',
    ),
    (
        "removal_confirm_after-number",
        site(removal_confirm_after=3600),
        '\'removal_confirm_after\': expected a duration like "30s", "30m", "1h" or "1d" '
        '("0s": the second miss confirms at once), got 3600',
    ),
    # revisit_max
    (
        "revisit_max-zero",
        site(revisit_max="0d"),
        "'revisit_max': the interval must be greater than zero, got \"0d\"",
    ),
    (
        "revisit_max-number",
        site(revisit_max=30),
        '\'revisit_max\': expected a duration like "30d", "7d" or "12h", got 30',
    ),
    # validators_max_age
    (
        "validators_max_age-words",
        site(validators_max_age="a day"),
        '\'validators_max_age\': expected a duration like "1d" or "12h" ("0s": never send '
        'conditional requests), got "a day"',
    ),
    # full_walk_every
    (
        "full_walk_every-number",
        site(full_walk_every=1),
        '\'full_walk_every\': expected a duration like "1d", "7d" or "6h" ("0s": every crawl '
        "walks each list to its end), got 1",
    ),
    # pages
    (
        "pages-string-not-list",
        site(pages=START),
        f"'pages': expected a list of http(s) URLs (pages that are themselves the release), got \"{START}\"",
    ),
    (
        "pages-relative",
        site(pages=["/tjsj/index.html"]),
        "'pages': expected a list of http(s) URLs (pages that are themselves the release), got \"/tjsj/index.html\"",
    ),
    (
        "pages-outside-allowed_domains",
        site(pages=["https://tjj.example.cn/"], allowed_domains=["www.yueyang.gov.cn"]),
        '\'pages\': "https://tjj.example.cn/" is outside allowed_domains ["www.yueyang.gov.cn"]',
    ),
    (
        "pages-excluded",
        site(pages=[f"{START}tjsj.html"], exclude=["tjsj"]),
        f'\'exclude\': pattern "tjsj" rejects the watched page "{START}tjsj.html"',
    ),
    # schedule
    (
        "schedule-unit-missing",
        site(schedule="30"),
        '\'schedule\': expected an interval like "30m", "6h", "1d" or a 5-field cron '
        'expression like "0 8 * * *", got "30"',
    ),
    (
        "schedule-zero-interval",
        site(schedule="0h"),
        "'schedule': the interval must be greater than zero, got \"0h\"",
    ),
    (
        "schedule-number",
        site(schedule=6),
        '\'schedule\': expected an interval like "30m", "6h", "1d" or a 5-field cron '
        'expression like "0 8 * * *", got 6',
    ),
    (
        "schedule-six-field-cron",
        site(schedule="0 0 8 * * *"),
        '\'schedule\': expected an interval like "30m", "6h", "1d" or a 5-field cron '
        'expression like "0 8 * * *", got "0 0 8 * * *"',
    ),
    (
        "schedule-cron-hour-out-of-range",
        site(schedule="0 25 * * *"),
        "'schedule': cron hour field \"25\" is invalid (allowed: 0-23, *, lists, ranges, "
        '/steps), got "0 25 * * *"',
    ),
    (
        "schedule-cron-bad-weekday-name",
        site(schedule="0 8 * * mon-fry"),
        "'schedule': cron day-of-week field \"mon-fry\" is invalid (allowed: 0-7, *, lists, "
        'ranges, /steps), got "0 8 * * mon-fry"',
    ),
    (
        "schedule-cron-reversed-range",
        site(schedule="0 18-8 * * *"),
        "'schedule': cron hour field \"18-8\" is invalid (allowed: 0-23, *, lists, ranges, "
        '/steps), got "0 18-8 * * *"',
    ),
    (
        "schedule-cron-zero-step",
        site(schedule="*/0 * * * *"),
        "'schedule': cron minute field \"*/0\" is invalid (allowed: 0-59, *, lists, ranges, "
        '/steps), got "*/0 * * * *"',
    ),
    (
        "schedule-cron-day-zero",
        site(schedule="0 8 0 * *"),
        "'schedule': cron day-of-month field \"0\" is invalid (allowed: 1-31, *, lists, ranges, "
        '/steps), got "0 8 0 * *"',
    ),
    # revisit
    (
        "revisit-decreasing",
        site(revisit=[7, 1]),
        "'revisit': expected increasing whole numbers of days > 0 like [1, 7, 30], got [7, 1]",
    ),
    (
        "revisit-repeated",
        site(revisit=[1, 1]),
        "'revisit': expected increasing whole numbers of days > 0 like [1, 7, 30], got [1, 1]",
    ),
    (
        "revisit-zero",
        site(revisit=[0, 7]),
        "'revisit': expected increasing whole numbers of days > 0 like [1, 7, 30], got [0, 7]",
    ),
    (
        "revisit-fractional",
        site(revisit=[0.5, 7]),
        "'revisit': expected increasing whole numbers of days > 0 like [1, 7, 30], got [0.5, 7]",
    ),
    (
        "revisit-not-a-list",
        site(revisit=7),
        "'revisit': expected increasing whole numbers of days > 0 like [1, 7, 30], got 7",
    ),
    # politeness
    (
        "politeness-not-a-table",
        site(politeness=2),
        "'politeness': expected a table, got 2",
    ),
    (
        "download_delay-negative",
        site(politeness={"download_delay": -0.5}),
        "'politeness.download_delay': expected a number >= 0, got -0.5",
    ),
    (
        "download_delay-string",
        site(politeness={"download_delay": "2s"}),
        "'politeness.download_delay': expected a number >= 0, got \"2s\"",
    ),
    (
        "download_delay-infinite",
        site(politeness={"download_delay": math.inf}),
        "'politeness.download_delay': expected a number >= 0, got Infinity",
    ),
    (
        "delay_jitter-above-one",
        site(politeness={"delay_jitter": 1.5}),
        "'politeness.delay_jitter': expected a number from 0 to 1, got 1.5",
    ),
    (
        "concurrency-zero",
        site(politeness={"concurrency": 0}),
        "'politeness.concurrency': expected a whole number >= 1, got 0",
    ),
    (
        "obey_robots-string",
        site(politeness={"obey_robots": "false"}),
        "'politeness.obey_robots': expected true or false, got \"false\"",
    ),
    (
        "user_agent-empty",
        site(politeness={"user_agent": ""}),
        "'politeness.user_agent': expected a non-empty string, got \"\"",
    ),
    (
        "user_agent-newline",
        site(politeness={"user_agent": "bot\r\nX-Evil: 1"}),
        "'politeness.user_agent': control characters are not allowed, got \"bot\\r\\nX-Evil: 1\"",
    ),
    (
        "timeout-zero",
        site(politeness={"timeout": 0}),
        "'politeness.timeout': expected a number > 0, got 0",
    ),
    (
        "max_response_mb-negative",
        site(politeness={"max_response_mb": -1}),
        "'politeness.max_response_mb': expected a number > 0, got -1",
    ),
    (
        "retries-negative",
        site(politeness={"retries": -1}),
        "'politeness.retries': expected a whole number >= 0, got -1",
    ),
    (
        "autothrottle-int",
        site(politeness={"autothrottle": 0}),
        "'politeness.autothrottle': expected true or false, got 0",
    ),
    (
        "politeness-typo",
        site(politeness={"delay": 3}),
        "'politeness.delay': unknown key",
    ),
    (
        "politeness-typo-suggested",
        site(politeness={"download_dely": 3}),
        "'politeness.download_dely': unknown key (did you mean 'download_delay'?)",
    ),
    # unknown keys, with did-you-mean
    (
        "typo-start_url",
        site(start_url=[START]),
        "'start_url': unknown key (did you mean 'start_urls'?)",
    ),
    (
        "typo-timzone",
        site(timzone="UTC"),
        "'timzone': unknown key (did you mean 'timezone'?)",
    ),
    (
        "politeness-key-at-site-level",
        site(download_delay=3),
        "'download_delay': unknown key (did you mean 'politeness.download_delay'?)",
    ),
    ("unknown-without-suggestion", site(colour="red"), "'colour': unknown key"),
]


@pytest.mark.parametrize(
    "table, message",
    [case[1:] for case in INVALID_SITE],
    ids=[case[0] for case in INVALID_SITE],
)
def test_invalid_site_key(table, message):
    assert build_error(table) == PREFIX + message


def test_every_site_key_has_an_invalid_case():
    from crawler.config import POLITENESS_KEYS, SELECTOR_KEYS, SITE_KEYS

    covered = " ".join(case[0] for case in INVALID_SITE)
    for key in [*SITE_KEYS, *POLITENESS_KEYS]:
        assert key in covered, key
    assert "selectors" in covered and len(SELECTOR_KEYS) == 7


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "sites.toml: no sites configured (add a [sites.NAME] table)"),
        ({"sites": {}}, "sites.toml: no sites configured (add a [sites.NAME] table)"),
        (
            {"defaults": {"schedule": "1h"}},
            "sites.toml: no sites configured (add a [sites.NAME] table)",
        ),
        (
            {"site": {"yueyang": site()}},
            "sites.toml: key 'site': unknown top-level key (did you mean 'sites'?)",
        ),
        (
            {"sites": {"yueyang": site()}, "alert": {}},
            "sites.toml: key 'alert': unknown top-level key (did you mean 'alerts'?)",
        ),
        (
            {"start_urls": [START]},
            "sites.toml: key 'start_urls': unknown top-level key "
            "(site keys go in a [sites.NAME] or [defaults] table)",
        ),
        (
            {"sites": [site()]},
            'sites.toml: key \'sites\': expected a table, got [{"start_urls": ["' + START + '"]}]',
        ),
        (
            {"sites": {"yueyang": site()}, "defaults": "x"},
            "sites.toml: key 'defaults': expected a table, got \"x\"",
        ),
        (
            {"sites": {"yue yang": site()}},
            "sites.toml: site 'yue yang': invalid site name (use letters, digits, '_' and '-')",
        ),
        (
            {"sites": {"岳阳": site()}},
            "sites.toml: site '岳阳': invalid site name (use letters, digits, '_' and '-')",
        ),
        (
            {"sites": {"yueyang": "https://www.yueyang.gov.cn/"}},
            "sites.toml: site 'yueyang': expected a [sites.yueyang] table, "
            'got "https://www.yueyang.gov.cn/"',
        ),
        ([], "sites.toml: expected a table of settings, got []"),
    ],
    ids=[
        "empty-file",
        "empty-sites-table",
        "only-defaults",
        "typo-site",
        "typo-alert",
        "site-key-at-top-level",
        "sites-array-of-tables",
        "defaults-not-a-table",
        "site-name-with-space",
        "site-name-not-ascii",
        "site-not-a-table",
        "not-a-table-at-all",
    ],
)
def test_invalid_top_level(data, message):
    with pytest.raises(ConfigError) as excinfo:
        config_from_dict(data, source="sites.toml")
    assert str(excinfo.value) == message


def test_reserved_tables_are_kept_raw():
    raw = {
        "alerts": {"digest": "08:00"},
        "smtp": {"host": "localhost", "port": 25},
        "subscriptions": [{"site": "yueyang", "to": "a@example.org"}],
        "webhooks": {"x": {"url": "http://127.0.0.1/hook"}},
        "serve": {"stagger": 5},
    }
    config = build(**raw)
    assert config.extra == raw
    assert config.path is None


def test_errors_are_config_errors_on_one_line():
    for _, table, _ in INVALID_SITE:
        with pytest.raises(ConfigError) as excinfo:
            build(table)
        assert isinstance(excinfo.value, BulletinError)
        assert "\n" not in str(excinfo.value)


# Anything TOML can hold, in any key: the loader either accepts it or raises ConfigError.
toml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from([START, "0 8 * * *", "6h", "gbk", "UTC", "h1", "//p", "www.gov.cn"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
site_keys = st.sampled_from(
    [
        "title",
        "start_urls",
        "allowed_domains",
        "timezone",
        "encoding",
        "selectors",
        "include",
        "exclude",
        "follow_breadcrumbs",
        "breadcrumb_depth",
        "max_list_pages",
        "max_list_rows",
        "max_requests",
        "schedule",
        "revisit",
        "politeness",
        "other",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(site_keys, toml_values, max_size=4),
    st.dictionaries(site_keys, toml_values, max_size=2),
)
def test_arbitrary_values_raise_only_config_error(table, defaults):
    try:
        build({"start_urls": [START], **table}, defaults=defaults)
    except ConfigError as exc:
        assert "\n" not in str(exc)


# --- helpers on SiteConfig ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, allowed, candidate",
    [
        ("https://www.yueyang.gov.cn/xxgk/xxgc/content_1.html", True, True),
        ("http://yueyang.gov.cn/xxgk/xxgc/index_2.html", True, False),
        ("https://news.yueyang.gov.cn/a/content_2.html", True, True),
        ("https://WWW.YUEYANG.GOV.CN/a/content_3.html", True, True),
        ("https://www.yueyang.gov.cn:8443/a/content_4.html", True, True),
        ("https://notyueyang.gov.cn/content_5.html", False, False),
        ("https://yueyang.gov.cn.evil.example/content_6.html", False, False),
        ("https://www.yueyang.gov.cn/files/content_7.pdf", False, False),
        ("ftp://www.yueyang.gov.cn/content_8.html", False, False),
        ("mailto:office@yueyang.gov.cn", False, False),
        ("/relative/content_9.html", False, False),
        ("http://[::1/", False, False),
    ],
    ids=[
        "article",
        "list-page-on-bare-domain",
        "subdomain",
        "upper-case-host",
        "port",
        "suffix-is-not-a-subdomain",
        "domain-as-prefix",
        "excluded",
        "ftp",
        "mailto",
        "relative",
        "malformed",
    ],
)
def test_allows_and_is_article_candidate(url, allowed, candidate):
    got = build(
        site(
            allowed_domains=["yueyang.gov.cn"],
            include=[r"content_\d+\.\w+$"],
            exclude=[r"\.pdf$"],
        )
    ).site("yueyang")
    assert got.allows(url) is allowed
    assert got.is_article_candidate(url) is candidate


def test_without_include_every_allowed_url_is_an_article_candidate():
    got = build().site("yueyang")
    assert got.is_article_candidate("https://www.yueyang.gov.cn/anything")
    assert not got.is_article_candidate("https://www.gov.cn/anything")


@pytest.mark.parametrize(
    "schedule, kind, seconds",
    [
        (None, None, None),
        ("45s", "interval", 45),
        ("30m", "interval", 1800),
        ("6h", "interval", 21600),
        ("1d", "interval", 86400),
        ("0 8 * * *", "cron", None),
        ("*/15 8-18 * * mon-fri", "cron", None),
        ("0 6,18 1 jan,jul 0", "cron", None),
        ("5/10 * * * 7", "cron", None),
    ],
    ids=[
        "none",
        "seconds",
        "minutes",
        "hours",
        "days",
        "cron-daily",
        "cron-workdays",
        "cron-lists-and-names",
        "cron-start-step-and-sunday-7",
    ],
)
def test_schedule_kind_and_interval(schedule, kind, seconds):
    table = site() if schedule is None else site(schedule=schedule)
    got = build(table).site("yueyang")
    assert got.schedule_kind() == kind
    assert got.interval_seconds() == seconds


@pytest.mark.parametrize(
    "keys, hops",
    [
        ({}, 1),
        ({"breadcrumb_depth": 2}, 2),
        ({"follow_breadcrumbs": False, "breadcrumb_depth": 2}, 0),
    ],
    ids=["default", "depth-two", "switched-off"],
)
def test_breadcrumb_hops(keys, hops):
    assert build(site(**keys)).site("yueyang").breadcrumb_hops() == hops


def test_to_dict_is_json_and_round_trips():
    original = build(
        site(
            title="岳阳市人民政府",
            encoding="gb18030",
            include=["content_"],
            schedule="0 8 * * *",
            selectors={"body": "#zoom"},
            politeness={"user_agent": "bot/1"},
        )
    ).site("yueyang")
    data = json.loads(json.dumps(original.to_dict(), ensure_ascii=False))
    assert data["name"] == "yueyang"
    assert data["start_urls"] == [START]
    assert data["selectors"]["body"] == "#zoom"
    assert data["politeness"]["download_delay"] == 2.0
    name = data.pop("name")
    again = config_from_dict({"sites": {name: data}}).site(name)
    assert again == original


def test_site_config_is_hashable():
    assert len({build().site("yueyang"), build().site("yueyang")}) == 1


def test_unknown_site():
    config = config_from_dict({"sites": {"a": site(), "b": site()}}, source="sites.toml")
    with pytest.raises(ConfigError, match=r"^unknown site 'x' \(configured: a, b\)$"):
        config.site("x")


# --- files and path resolution -----------------------------------------------------------------


def write(path: Path, text: str, encoding="utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


@pytest.mark.parametrize(
    "path, environ, expected",
    [
        ("my.toml", {"BULLETIN_CONFIG": "/etc/bulletin/sites.toml"}, Path("my.toml")),
        (Path("/srv/x.toml"), {}, Path("/srv/x.toml")),
        (None, {"BULLETIN_CONFIG": "/etc/bulletin/sites.toml"}, Path("/etc/bulletin/sites.toml")),
        (None, {"BULLETIN_CONFIG": ""}, Path("sites.toml")),
        (None, {}, Path(DEFAULT_CONFIG_PATH)),
        ("~/sites.toml", {}, Path("~/sites.toml").expanduser()),
    ],
    ids=[
        "explicit-beats-env",
        "explicit-path-object",
        "env",
        "empty-env-ignored",
        "default",
        "home-expanded",
    ],
)
def test_resolve_config_path(path, environ, expected):
    assert resolve_config_path(path, environ) == expected


def test_load_config_default_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "sites.toml", f'[sites.yueyang]\nstart_urls = ["{START}"]\n')
    config = load_config(environ={})
    assert isinstance(config, Config)
    assert config.path == Path("sites.toml")
    assert list(config.sites) == ["yueyang"]


def test_load_config_from_env(tmp_path):
    path = write(tmp_path / "other.toml", f'[sites.a]\nstart_urls = ["{START}"]\n')
    config = load_config(environ={"BULLETIN_CONFIG": str(path)})
    assert config.path == path
    assert list(config.sites) == ["a"]


def test_load_config_names_the_file_in_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "sites.toml", '[sites.yueyang]\nstart_urls = ["http//x"]\n')
    with pytest.raises(ConfigError) as excinfo:
        load_config(environ={})
    assert str(excinfo.value) == (
        "sites.toml: site 'yueyang': key 'start_urls': "
        'expected a non-empty list of http(s) URLs, got "http//x"'
    )


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "sites.toml: no such file (set --config or BULLETIN_CONFIG)"),
        (
            "[sites.a\n",
            "sites.toml: invalid TOML: Expected ']' at the end of a table declaration "
            "(at line 1, column 9)",
        ),
        (
            "[sites.a]\nstart_urls = [\n",
            "sites.toml: invalid TOML: Invalid value (at end of document)",
        ),
        ("", "sites.toml: no sites configured (add a [sites.NAME] table)"),
        ("[sites]\n", "sites.toml: no sites configured (add a [sites.NAME] table)"),
        (
            b'[sites.a]\ntitle = "\xd4\xc0\xd1\xf4"\n',
            "sites.toml: invalid TOML: not UTF-8 (byte 19); save the file as UTF-8",
        ),
    ],
    ids=["missing", "syntax-error", "unterminated-list", "empty", "empty-sites", "gbk-file"],
)
def test_file_errors(tmp_path, monkeypatch, content, message):
    monkeypatch.chdir(tmp_path)
    if isinstance(content, bytes):
        (tmp_path / "sites.toml").write_bytes(content)
    elif content is not None:
        write(tmp_path / "sites.toml", content)
    with pytest.raises(ConfigError) as excinfo:
        load_config(environ={})
    assert str(excinfo.value) == message


def test_directory_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sites.toml").mkdir()
    with pytest.raises(ConfigError, match=r"^sites.toml: cannot read: is a directory$"):
        load_config(environ={})


def test_utf8_bom_is_accepted(tmp_path):
    path = write(
        tmp_path / "sites.toml",
        f'[sites.a]\ntitle = "岳阳市人民政府"\nstart_urls = ["{START}"]\n',
        encoding="utf-8-sig",
    )
    assert load_config(path).site("a").title == "岳阳市人民政府"


def test_example_file_loads():
    config = load_config(REPO / "sites.example.toml", environ={})
    assert {"yueyang", "govcn", "hk-press"} <= set(config.sites)
    yueyang = config.site("yueyang")
    assert yueyang.title == "岳阳市人民政府"
    assert yueyang.timezone == "Asia/Shanghai"
    assert all(url.startswith("https://www.yueyang.gov.cn/") for url in yueyang.start_urls)
    assert config.site("hk-press").timezone == "Asia/Hong_Kong"
    assert config.site("govcn").start_urls == ("https://www.gov.cn/zhengce/zuixin/",)
    for each in config.sites.values():
        assert all(each.allows(url) for url in each.start_urls)


def test_example_file_says_urls_are_unchecked():
    head = (REPO / "sites.example.toml").read_text(encoding="utf-8")[:1000]
    assert "could NOT be checked" in head
    assert "bulletin crawl" in head


def test_docs_full_example_loads():
    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    full = re.search(r"## Full example\n\n```toml\n(.*?)```", text, re.S).group(1)
    config = config_from_dict(tomllib.loads(full), source="docs/configuration.md")
    assert {"yueyang", "hk-press"} <= set(config.sites)


def test_docs_describe_every_key():
    from crawler.config import POLITENESS_KEYS, SELECTOR_KEYS, SITE_KEYS

    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    for key in [*SITE_KEYS, *POLITENESS_KEYS, *SELECTOR_KEYS, "BULLETIN_CONFIG", "[defaults]"]:
        assert f"`{key}`" in text, key
