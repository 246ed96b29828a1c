"""Intervals and cron expressions, parsed in one place.

The configuration checks ``schedule``, ``removal_confirm_after``, ``revisit_max`` and
``[serve] default_schedule`` here, and the scheduler (``crawler/monitor/service.py``) builds its
triggers from what :func:`parse_schedule` returns, so what the file accepts is what runs.

An interval is a whole number and a unit: ``30s``, ``30m``, ``6h``, ``1d``. A cron expression has
crontab(5)'s five fields — minute, hour, day of month, month (``1``–``12`` or ``jan``–``dec``),
day of week (``0``–``7``, 0 and 7 being Sunday, or ``sun``–``sat``) — each a list of ``*``,
a number or name, or a range ``a-b``, any of them with a step ``/n``. As in crontab, when both
day fields are restricted (neither starts with ``*``) a day matching either one runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .checks import Check, Invalid, show

INTERVAL_RE = re.compile(r"(\d+)([smhd])")
INTERVAL_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
SCHEDULE_WHAT = 'an interval like "30m", "6h", "1d" or a 5-field cron expression like "0 8 * * *"'

# (name, lowest, highest, names usable instead of numbers, counted from the lowest)
CRON_FIELDS = (
    ("minute", 0, 59, ()),
    ("hour", 0, 23, ()),
    ("day-of-month", 1, 31, ()),
    ("month", 1, 12, tuple("jan feb mar apr may jun jul aug sep oct nov dec".split())),
    # 0 and 7 are both Sunday, as in crontab(5).
    ("day-of-week", 0, 7, tuple("sun mon tue wed thu fri sat".split())),
)
CRON_ITEM_RE = re.compile(r"(\*|([0-9a-z]+)(?:-([0-9a-z]+))?)(?:/([0-9]+))?", re.IGNORECASE)
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class Cron:
    """A checked cron expression: the values each of its fields allows."""

    expression: str
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]  # of the month, 1-31
    months: frozenset[int]  # 1-12
    weekdays: frozenset[int]  # 0 = Sunday … 6 = Saturday (a 7 is read as 0)
    # Both day fields restricted: a day matching either runs (otherwise both must match).
    either_day: bool


def interval_seconds(text: str) -> int | None:
    """Seconds of an interval like ``"30m"``; ``None`` when *text* is not one."""
    match = INTERVAL_RE.fullmatch(text.strip())
    return int(match.group(1)) * INTERVAL_UNITS[match.group(2)] if match else None


def format_interval(seconds: float) -> str:
    """The interval text of *seconds* in its largest whole unit (``2592000`` → ``"30d"``)."""
    for unit in ("d", "h", "m"):
        if seconds and seconds % INTERVAL_UNITS[unit] == 0:
            return f"{int(seconds // INTERVAL_UNITS[unit])}{unit}"
    return f"{int(seconds)}s"


def parse_schedule(value: Any) -> int | Cron:
    """A schedule: the seconds of an interval, or a :class:`Cron`; :class:`Invalid` otherwise."""
    if not isinstance(value, str):
        raise Invalid(f"expected {SCHEDULE_WHAT}, got {show(value)}")
    text = " ".join(value.split())
    seconds = interval_seconds(text)
    if seconds is not None:
        if seconds == 0:
            raise Invalid(f"the interval must be greater than zero, got {show(value)}")
        return seconds
    if len(text.split()) != 5:
        raise Invalid(f"expected {SCHEDULE_WHAT}, got {show(value)}")
    return parse_cron(text)


def parse_cron(expression: str) -> Cron:
    """The five fields of *expression*; :class:`Invalid` naming the first wrong field."""
    fields = expression.split()
    if len(fields) != 5:
        raise Invalid(
            f'expected a 5-field cron expression like "0 8 * * *", got {show(expression)}'
        )
    minutes, hours, days, months, weekdays = (
        _cron_field(text, spec, expression) for text, spec in zip(fields, CRON_FIELDS)
    )
    either_day = not fields[2].startswith("*") and not fields[4].startswith("*")
    if not either_day and min(days) > max(DAYS_IN_MONTH[month - 1] for month in months):
        raise Invalid(
            f"cron day-of-month field {show(fields[2])} never falls in month field "
            f"{show(fields[3])}, got {show(expression)}"
        )
    return Cron(
        expression=expression,
        minutes=minutes,
        hours=hours,
        days=days,
        months=months,
        weekdays=frozenset(day % 7 for day in weekdays),
        either_day=either_day,
    )


def schedule(value: Any) -> str:
    """The check of a schedule key: the interval or cron expression, whitespace normalised."""
    parse_schedule(value)
    return " ".join(value.split())


def duration(what: str, *, allow_zero: bool = False) -> Check:
    """The check of a duration key (an interval); a zero one refused unless ``allow_zero``."""

    def check(value: Any) -> str:
        seconds = interval_seconds(value) if isinstance(value, str) else None
        if seconds is None:
            raise Invalid(f"expected {what}, got {show(value)}")
        if seconds == 0 and not allow_zero:
            raise Invalid(f"the interval must be greater than zero, got {show(value)}")
        return value.strip()

    return check


def _cron_field(text: str, spec: tuple, expression: str) -> frozenset[int]:
    name, low, high, names = spec
    values: set[int] = set()
    for item in text.split(","):
        match = CRON_ITEM_RE.fullmatch(item)
        try:
            if not match:
                raise ValueError
            star, first, last, step = match.groups()
            if star == "*":
                start, end = low, high
            else:
                start = _cron_value(first, low, high, names)
                # "5/10": from 5 to the highest value, as "5-59/10".
                end = start if last is None and step is None else high
                if last is not None:
                    end = _cron_value(last, low, high, names)
                if end < start:
                    raise ValueError
            if step is not None and int(step) < 1:
                raise ValueError
            values.update(range(start, end + 1, int(step or 1)))
        except ValueError:
            raise Invalid(
                f"cron {name} field {show(text)} is invalid (allowed: {low}-{high}, "
                f"*, lists, ranges, /steps), got {show(expression)}"
            ) from None
    return frozenset(values)


def _cron_value(text: str, low: int, high: int, names: tuple[str, ...]) -> int:
    if text.isascii() and text.isdigit():
        number = int(text)
    elif text.lower() in names:
        number = names.index(text.lower()) + low
    else:
        raise ValueError
    if not low <= number <= high:
        raise ValueError
    return number
