"""The one schedule parser (intervals and cron) and the [serve] table, checked like every table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawler.config import ServeOptions, config_from_dict
from crawler.config.checks import Invalid
from crawler.config.defaults import SERVE
from crawler.config.schedule import Cron, interval_seconds, parse_cron, parse_schedule
from storage.errors import ConfigError

SITES = {"yueyang": {"start_urls": ["https://www.yueyang.gov.cn/"]}}
ALL_DAYS, ALL_MONTHS, ALL_WEEKDAYS = (
    frozenset(range(1, 32)),
    frozenset(range(1, 13)),
    frozenset(range(7)),
)


# --- intervals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, seconds",
    [
        ("30s", 30),
        ("30m", 1800),
        ("6h", 21600),
        ("1d", 86400),
        (" 2h ", 7200),
        ("0s", 0),
        ("30", None),
        ("1w", None),
        ("1.5h", None),
        ("h", None),
        ("30 m", None),
        ("0 8 * * *", None),
    ],
    ids=[
        "seconds",
        "minutes",
        "hours",
        "days",
        "surrounding-space",
        "zero",
        "no-unit",
        "weeks-unknown",
        "fraction",
        "unit-only",
        "space-inside",
        "cron",
    ],
)
def test_interval_seconds(text, seconds):
    assert interval_seconds(text) == seconds


# --- cron expressions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression, field, values",
    [
        ("*/15 * * * *", "minutes", {0, 15, 30, 45}),
        ("5/10 * * * *", "minutes", {5, 15, 25, 35, 45, 55}),
        ("0 8-18/5 * * *", "hours", {8, 13, 18}),
        ("0 6,18 * * *", "hours", {6, 18}),
        ("0 8 1,15 * *", "days", {1, 15}),
        ("0 8 * jan,JUL *", "months", {1, 7}),
        ("0 8 * nov-dec *", "months", {11, 12}),
        ("0 8 * * 0", "weekdays", {0}),
        ("0 8 * * 7", "weekdays", {0}),
        ("0 8 * * 0-7", "weekdays", set(range(7))),
        ("0 8 * * 5-7", "weekdays", {5, 6, 0}),
        ("0 8 * * */2", "weekdays", {0, 2, 4, 6}),
        ("0 8 * * mon-fri/2", "weekdays", {1, 3, 5}),
        ("0 8 * * Sat,sun", "weekdays", {6, 0}),
    ],
    ids=[
        "minute-step",
        "minute-start-and-step",
        "hour-range-step",
        "hour-list",
        "day-list",
        "month-names-any-case",
        "month-name-range",
        "sunday-0",
        "sunday-7",
        "whole-week-0-7",
        "range-up-to-sunday-7",
        "weekday-step-counts-from-sunday",
        "weekday-name-range-step",
        "weekday-names",
    ],
)
def test_cron_field_values(expression, field, values):
    assert getattr(parse_cron(expression), field) == values


@pytest.mark.parametrize(
    "expression, either_day",
    [
        ("0 8 * * *", False),
        ("0 8 1 * *", False),
        ("0 8 * * mon", False),
        ("0 8 1 * mon", True),
        ("0 8 */2 * mon", False),
        ("0 8 1 * */2", False),
    ],
    ids=[
        "no-day-restricted",
        "day-of-month-only",
        "day-of-week-only",
        "both-restricted-either-runs",
        "star-step-day-of-month-is-unrestricted",
        "star-step-day-of-week-is-unrestricted",
    ],
)
def test_cron_either_day_follows_crontab(expression, either_day):
    assert parse_cron(expression).either_day is either_day


def test_parse_schedule_returns_seconds_or_cron():
    assert parse_schedule("30m") == 1800
    assert parse_schedule("  0  8 * *  mon-fri ") == Cron(
        expression="0 8 * * mon-fri",
        minutes=frozenset({0}),
        hours=frozenset({8}),
        days=ALL_DAYS,
        months=ALL_MONTHS,
        weekdays=frozenset({1, 2, 3, 4, 5}),
        either_day=False,
    )


ALLOWED = "*, lists, ranges, /steps"


@pytest.mark.parametrize(
    "value, message",
    [
        ("0h", 'the interval must be greater than zero, got "0h"'),
        (
            6,
            'expected an interval like "30m", "6h", "1d" or a 5-field cron expression like "0 8 * * *", got 6',
        ),
        (
            "30",
            'expected an interval like "30m", "6h", "1d" or a 5-field cron expression like "0 8 * * *", got "30"',
        ),
        (
            "0 0 8 * * *",
            'expected an interval like "30m", "6h", "1d" or a 5-field cron expression like "0 8 * * *", got "0 0 8 * * *"',
        ),
        (
            "60 * * * *",
            f'cron minute field "60" is invalid (allowed: 0-59, {ALLOWED}), got "60 * * * *"',
        ),
        (
            "0 25 * * *",
            f'cron hour field "25" is invalid (allowed: 0-23, {ALLOWED}), got "0 25 * * *"',
        ),
        (
            "0 8 0 * *",
            f'cron day-of-month field "0" is invalid (allowed: 1-31, {ALLOWED}), got "0 8 0 * *"',
        ),
        (
            "0 8 * 13 *",
            f'cron month field "13" is invalid (allowed: 1-12, {ALLOWED}), got "0 8 * 13 *"',
        ),
        (
            "0 8 * * 8",
            f'cron day-of-week field "8" is invalid (allowed: 0-7, {ALLOWED}), got "0 8 * * 8"',
        ),
        (
            "0 18-8 * * *",
            f'cron hour field "18-8" is invalid (allowed: 0-23, {ALLOWED}), got "0 18-8 * * *"',
        ),
        (
            "*/0 * * * *",
            f'cron minute field "*/0" is invalid (allowed: 0-59, {ALLOWED}), got "*/0 * * * *"',
        ),
        (
            "0 8 * * 1,,5",
            f'cron day-of-week field "1,,5" is invalid (allowed: 0-7, {ALLOWED}), got "0 8 * * 1,,5"',
        ),
        (
            "0 8 * * monday",
            f'cron day-of-week field "monday" is invalid (allowed: 0-7, {ALLOWED}), got "0 8 * * monday"',
        ),
        (
            "0 8 * * jan",
            f'cron day-of-week field "jan" is invalid (allowed: 0-7, {ALLOWED}), got "0 8 * * jan"',
        ),
        (
            "0 8 * * ٣",
            f'cron day-of-week field "٣" is invalid (allowed: 0-7, {ALLOWED}), got "0 8 * * ٣"',
        ),
        (
            "0 8 ? * *",
            f'cron day-of-month field "?" is invalid (allowed: 1-31, {ALLOWED}), got "0 8 ? * *"',
        ),
        (
            "0 0 30 2 *",
            'cron day-of-month field "30" never falls in month field "2", got "0 0 30 2 *"',
        ),
        (
            "0 0 31 4,6,9,11 *",
            'cron day-of-month field "31" never falls in month field "4,6,9,11", got "0 0 31 4,6,9,11 *"',
        ),
    ],
    ids=[
        "zero-interval",
        "a-number",
        "no-unit",
        "six-fields-with-seconds",
        "minute-60",
        "hour-25",
        "day-0",
        "month-13",
        "weekday-8",
        "reversed-range",
        "step-zero",
        "empty-list-item",
        "weekday-long-name",
        "month-name-as-weekday",
        "non-ascii-digit",
        "quartz-question-mark",
        "february-30",
        "31st-of-short-months",
    ],
)
def test_bad_schedule_is_one_line(value, message):
    with pytest.raises(Invalid) as excinfo:
        parse_schedule(value)
    assert str(excinfo.value) == message
    assert "\n" not in message


def test_feb_29_and_a_weekday_or_day_still_run():
    assert parse_cron("0 0 29 2 *").days == {29}  # leap years
    assert parse_cron("0 0 30 2 mon").either_day  # every Monday, as crontab


# --- the scheduler runs what the parser read ---------------------------------------------------


def _expected_runs(cron: Cron, start: datetime, count: int) -> list[datetime]:
    """The next *count* minutes from *start* that crontab(5)'s rule matches, day by day."""
    runs, day = [], start.replace(hour=0, minute=0)
    while len(runs) < count:
        weekday = (day.weekday() + 1) % 7  # Python counts from Monday, crontab from Sunday
        in_month, in_week = day.day in cron.days, weekday in cron.weekdays
        if day.month in cron.months and (
            (in_month or in_week) if cron.either_day else (in_month and in_week)
        ):
            for hour in sorted(cron.hours):
                for minute in sorted(cron.minutes):
                    when = day.replace(hour=hour, minute=minute)
                    if when >= start and len(runs) < count:
                        runs.append(when)
        day += timedelta(days=1)
    return runs


@pytest.mark.parametrize(
    "expression",
    [
        "0 8 * * 1-5",
        "30 6 * * 0",
        "0 8 * * */2",
        "0 12 * * 0-6",
        "0 8 1 * mon",
        "0 8 13 * fri",
        "*/20 8-9 * * sat,sun",
        "0 0 29 2 *",
        "15 3 */10 jan-mar *",
    ],
    ids=[
        "workdays",
        "sunday-morning",
        "weekday-step",
        "whole-week-range",
        "first-or-monday",
        "13th-or-friday",
        "weekend-steps",
        "leap-day",
        "day-step-winter",
    ],
)
def test_cron_trigger_fires_exactly_when_the_expression_matches(expression):
    from crawler.monitor.service import cron_trigger

    cron = parse_cron(expression)
    trigger = cron_trigger(cron, "UTC")
    start = datetime(2026, 11, 23, 9, 1, tzinfo=UTC)  # a Monday
    expected = _expected_runs(cron, start, 5)
    fired, previous, now = [], None, start - timedelta(microseconds=1)
    for _ in expected:
        previous = trigger.get_next_fire_time(previous, now)
        fired.append(previous)
        now = previous + timedelta(microseconds=1)
    assert fired == expected


# --- [serve] ----------------------------------------------------------------------------------


def serve_error(table) -> str:
    with pytest.raises(ConfigError) as excinfo:
        config_from_dict({"sites": SITES, "serve": table}, source="sites.toml")
    return str(excinfo.value)


def test_serve_defaults_are_the_defaults_table():
    config = config_from_dict({"sites": SITES}, source="sites.toml")
    assert config.serve == ServeOptions() == ServeOptions(**SERVE)


def test_serve_values_are_checked_and_kept():
    table = {
        "default_schedule": " 0 8  * * mon-fri",
        "crawl_timeout": 600,
        "stagger": 0,
        "feed_dir": " /var/www/feeds ",
        "archive_url": "https://archive.example.org/bulletin",
        "feed_entries": 20,
    }
    serve = config_from_dict({"sites": SITES, "serve": table}, source="sites.toml").serve
    assert serve == ServeOptions(
        default_schedule="0 8 * * mon-fri",
        crawl_timeout=600.0,
        stagger=0.0,
        feed_dir="/var/www/feeds",
        archive_url="https://archive.example.org/bulletin",
        feed_entries=20,
    )


PREFIX = "sites.toml: serve: key "


@pytest.mark.parametrize(
    "table, message",
    [
        ({"stager": 0}, "'stager': unknown key (did you mean 'stagger'?)"),
        ({"port": 8080}, "'port': unknown key"),
        ({"crawl_timeout": "soon"}, "'crawl_timeout': expected a number >= 0, got \"soon\""),
        ({"stop_timeout": -1}, "'stop_timeout': expected a number >= 0, got -1"),
        ({"jitter": True}, "'jitter': expected a number >= 0, got true"),
        ({"feed_entries": 0}, "'feed_entries': expected a whole number >= 1, got 0"),
        ({"feed_entries": 2.5}, "'feed_entries': expected a whole number >= 1, got 2.5"),
        ({"feed_dir": ""}, "'feed_dir': expected a non-empty string, got \"\""),
        (
            {"feed_url": "example.org/feeds"},
            "'feed_url': expected an http(s) URL, got \"example.org/feeds\"",
        ),
        (
            {"archive_url": "ftp://x.org/"},
            "'archive_url': expected an http(s) URL, got \"ftp://x.org/\"",
        ),
        (
            {"default_schedule": "0h"},
            "'default_schedule': the interval must be greater than zero, got \"0h\"",
        ),
        (
            {"default_schedule": "0 25 * * *"},
            f'\'default_schedule\': cron hour field "25" is invalid (allowed: 0-23, {ALLOWED}), got "0 25 * * *"',
        ),
    ],
    ids=[
        "misspelt-key",
        "unknown-key",
        "timeout-text",
        "negative",
        "boolean-is-no-number",
        "no-entries",
        "entries-fraction",
        "empty-feed-dir",
        "feed-url-no-scheme",
        "archive-url-not-http",
        "zero-default-schedule",
        "bad-cron-default-schedule",
    ],
)
def test_invalid_serve_key_is_one_line(table, message):
    assert serve_error(table) == PREFIX + message


def test_serve_not_a_table():
    assert serve_error(["x"]) == "sites.toml: key 'serve': expected a table, got [\"x\"]"


def test_site_schedule_and_serve_default_schedule_share_one_parser():
    site = {**SITES["yueyang"], "schedule": "0 8 * * 8"}
    with pytest.raises(ConfigError) as excinfo:
        config_from_dict({"sites": {"yueyang": site}}, source="sites.toml")
    site_message = str(excinfo.value).removeprefix("sites.toml: site 'yueyang': key 'schedule': ")
    serve_message = serve_error({"default_schedule": "0 8 * * 8"}).removeprefix(
        PREFIX + "'default_schedule': "
    )
    assert site_message == serve_message


def test_docs_describe_every_serve_key():
    from pathlib import Path

    from crawler.config import SERVE_KEYS

    text = (Path(__file__).resolve().parents[1] / "docs" / "configuration.md").read_text("utf-8")
    section = text.split("## `[serve]`", 1)[1].split("\n## ", 1)[0]
    for key in SERVE_KEYS:
        assert f"| `{key}` |" in section, key
    assert set(SERVE_KEYS) == set(SERVE)
