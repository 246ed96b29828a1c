"""Terminal output shared by the CLI commands: aligned tables that respect wide CJK characters."""

from __future__ import annotations

import json
import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` display columns (with an ellipsis) and pad it to that width."""
    text = " ".join(str(text if text is not None else "").split())
    if display_width(text) > width:
        out, used = [], 0
        for ch in text:
            w = display_width(ch)
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (width - display_width(text))


def table(rows: list[dict], columns: list[tuple[str, str, int]]) -> str:
    """Render ``rows`` as a table; ``columns`` are ``(key, heading, width)``; the last is not padded."""
    lines = ["  ".join(fit(heading, width) for _, heading, width in columns).rstrip()]
    for row in rows:
        lines.append(
            "  ".join(fit(_cell(row.get(key)), width) for key, _, width in columns).rstrip()
        )
    return "\n".join(lines)


def _cell(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def json_line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)
