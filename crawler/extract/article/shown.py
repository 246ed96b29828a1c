"""The info line as a reader sees it: what the text alone hides there (an image's alt, the
boundary between elements glued without space)."""

from __future__ import annotations

import re

from ..text import Layout


def shown_lines(root, lay: Layout, info: range) -> list[str] | None:
    """The page's lines with those of the info line read as shown: an image by its alt text,
    elements apart (``<img alt="来源">县检察院``, ``<span>發布單位</span><span>綜合規劃司</span>``);
    None when no line there reads otherwise."""
    if root is None or not info:
        return None
    blocks: dict = {}
    for el, (start, end) in lay.spans.items():
        if end == start + 1 and start in info:
            blocks[start] = el  # (spans end inner elements first: the outermost stays)
    lines, changed = list(lay.lines), False
    for i, el in blocks.items():
        text = read_shown(el)
        if text and text != lines[i]:
            lines[i], changed = text, True
    return lines if changed else None


def read_shown(el) -> str:
    parts: list[str] = []
    stack = [(el, False)]
    while stack and len(parts) < 400:
        node, done = stack.pop()
        if done:
            parts.append(" " + (node.tail or "") if node is not el else " ")
            continue
        if not isinstance(node.tag, str):
            parts.append(node.tail or "")
            continue
        if node.tag == "img":
            alt = (node.get("alt") or node.get("title") or "").strip()
            parts.append(f" {alt} " if len(alt) <= 30 else " ")
            parts.append("" if node is el else node.tail or "")
            continue
        if len(node) == 0 and not (node.text or "").strip():
            # An icon font's glyph names its label only in its title (<i class="iconfont" title="来源">).
            hint = (node.get("title") or node.get("aria-label") or "").strip()
            if hint and len(hint) <= 12:
                parts.append(f" {hint} {node.tail or ''}" if node is not el else f" {hint} ")
                continue
        parts.append(" " + (node.text or ""))
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return re.sub(r"\s+", " ", "".join(parts)).strip()
