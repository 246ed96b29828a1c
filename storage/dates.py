"""Dates as callers give them to the library: one check for every ``since``/``until``."""

from __future__ import annotations

import re
from datetime import date

from .errors import InvalidArgument

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: str, argument: str) -> date:
    """The calendar day ``value`` (``YYYY-MM-DD``) names; :class:`InvalidArgument` naming
    ``argument`` (the caller's keyword, ``since``) when it is not one."""
    text = str(value).strip()
    if not _DAY.fullmatch(text):
        raise InvalidArgument(argument, f"expected a date YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidArgument(argument, f"not a valid date: {value!r}") from None
