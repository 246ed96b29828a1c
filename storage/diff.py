"""Text diffs between two versions of a release, for people to read.

Chinese has no spaces, so CJK text is compared character by character; Latin scripts are
compared word by word so that an edited word shows as one replacement rather than scattered
letters. The result is a list of ``(op, text)`` pairs with ops ``"equal"``, ``"delete"`` and
``"insert"``; joining the equal and delete texts gives the old text, the equal and insert texts
the new one.
"""

from __future__ import annotations

import difflib
import html
import re

__all__ = ["diff_texts", "render_text_diff", "render_html_diff", "has_changes"]

Op = tuple[str, str]

# Ideographs, kana and CJK punctuation: one token per character.
_CJK = (
    "\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
)
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+|\s+|.", re.S)
ELLIPSIS = "…"
FOLD_MAX = 2


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff_texts(old: str | None, new: str | None) -> list[Op]:
    """The edit from ``old`` to ``new`` as ``(op, text)`` pairs.

    Ops are ``"equal"``, ``"delete"`` and ``"insert"``; within one changed passage the deletion
    comes before the insertion. Short runs of equal text caught between two changes are folded
    into the change (a single shared 的 or space should not split a rewritten sentence in two).
    """
    old, new = old or "", new or ""
    if old == new:
        return [("equal", old)] if old else []
    a, b = _tokens(old), _tokens(new)
    # Common prefix and suffix first: SequenceMatcher is quadratic on long texts.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    mid_a, mid_b = a[start : len(a) - end], b[start : len(b) - end]
    segments: list = []
    if start:
        segments.append("".join(a[:start]))
    matcher = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append("".join(mid_a[i1:i2]))
        else:
            segments.append(["".join(mid_a[i1:i2]), "".join(mid_b[j1:j2])])
    if end:
        segments.append("".join(a[len(a) - end :]))
    return _to_ops(_fold_short_equalities(_merge(segments)))


def _merge(segments: list) -> list:
    """Join neighbouring segments of the same kind (str = equal, [deleted, inserted] = change)."""
    merged: list = []
    for seg in segments:
        if merged and isinstance(seg, str) and isinstance(merged[-1], str):
            merged[-1] += seg
        elif merged and isinstance(seg, list) and isinstance(merged[-1], list):
            merged[-1] = [merged[-1][0] + seg[0], merged[-1][1] + seg[1]]
        elif seg:
            merged.append(seg if isinstance(seg, str) else list(seg))
    return merged


def _fold_short_equalities(segments: list) -> list:
    changed = True
    while changed:
        changed = False
        for i in range(1, len(segments) - 1):
            before, equal, after = segments[i - 1], segments[i], segments[i + 1]
            if not (
                isinstance(equal, str) and isinstance(before, list) and isinstance(after, list)
            ):
                continue
            # Only tiny equalities: folding longer ones cascades into one change swallowing the text.
            if (
                len(equal.strip()) <= FOLD_MAX
                and len(equal) <= max(map(len, before))
                and len(equal) <= max(map(len, after))
            ):
                folded = [before[0] + equal + after[0], before[1] + equal + after[1]]
                segments[i - 1 : i + 2] = [folded]
                changed = True
                break
    return segments


def _to_ops(segments: list) -> list[Op]:
    ops: list[Op] = []
    for seg in segments:
        if isinstance(seg, str):
            ops.append(("equal", seg))
            continue
        if seg[0]:
            ops.append(("delete", seg[0]))
        if seg[1]:
            ops.append(("insert", seg[1]))
    return ops


def has_changes(ops: list[Op]) -> bool:
    """Whether a diff contains any deletion or insertion."""
    return any(op != "equal" for op, _ in ops)


def _trimmed(ops: list[Op], context: int) -> list[Op]:
    """Equal passages cut down to ``context`` characters around each change, elisions as ``…``."""
    out: list[Op] = []
    last = len(ops) - 1
    for i, (op, text) in enumerate(ops):
        if op != "equal":
            out.append((op, text))
            continue
        first, final = i == 0, i == last
        if first and final:
            continue  # no change at all: nothing to show
        if first:
            if len(text) > context:
                text = ELLIPSIS + text[len(text) - context :] if context else ELLIPSIS
        elif final:
            if len(text) > context:
                text = text[:context] + ELLIPSIS if context else ELLIPSIS
        elif len(text) > 2 * context + 1:
            text = text[:context] + ELLIPSIS + text[len(text) - context :]
        out.append(("equal", text))
    return out


def render_text_diff(ops: list[Op], context: int = 40) -> str:
    """Plain-text rendering: ``[-deleted-]{+inserted+}``, unchanged text trimmed to ``context``
    characters around each change with ``…``. Empty when nothing changed."""
    parts = []
    for op, text in _trimmed(ops, context):
        if op == "delete":
            parts.append(f"[-{text}-]")
        elif op == "insert":
            parts.append(f"{{+{text}+}}")
        else:
            parts.append(text)
    return "".join(parts)


def render_html_diff(ops: list[Op], context: int = 40) -> str:
    """HTML rendering with ``<del>``/``<ins>``, all text escaped, trimmed like the text rendering.

    Line breaks are kept as they are; show the result in an element with
    ``white-space: pre-wrap``. Empty when nothing changed.
    """
    parts = []
    for op, text in _trimmed(ops, context):
        escaped = html.escape(text, quote=True)
        if op == "delete":
            parts.append(f"<del>{escaped}</del>")
        elif op == "insert":
            parts.append(f"<ins>{escaped}</ins>")
        else:
            parts.append(escaped)
    return "".join(parts)
