"""Where a saved page came from, as the page itself says: what a browser or a mirroring tool
wrote when it saved it, else the page's own canonical address."""

from __future__ import annotations

import re

# A page's own address: its canonical link or its og:url.
OWN_ADDRESS = re.compile(
    r"""(?i)<(?:link|meta)\b[^>]*?(?:rel\s*=\s*["']?canonical|property\s*=\s*["']og:url)[^>]*>"""
)
_ADDRESS = re.compile(r"""(?i)(?:href|content)\s*=\s*["']?(https?://[^"'\s>]+)""")
# What saving tools write: Internet Explorer's and Chrome's `<!-- saved from url=(0047)http://… -->`,
# SingleFile's `url: https://…`, HTTrack's `Mirrored from www.example.gov.cn/… by HTTrack`.
_SAVED_FROM = re.compile(
    r"(?i)<!--\s*saved from url=\(\d+\)(https?://\S+?)\s*-->"
    r"|<!--[^>]{0,200}?\bSingleFile\b.{0,400}?\burl:\s*(https?://\S+)"
    r"|<!--\s*Mirrored from (\S+?) by HTTrack",
    re.S,
)


def saved_page_url(body: bytes) -> str | None:
    """The address a saved page was fetched from, or None when it does not say."""
    head = body[:200_000].decode("latin-1")  # (addresses are ASCII whatever the page's encoding)
    saved = _SAVED_FROM.search(head, 0, 4000)
    if saved:
        found = saved.group(1) or saved.group(2) or saved.group(3)
        return found if found.lower().startswith(("http://", "https://")) else "http://" + found
    own = OWN_ADDRESS.search(head)
    address = _ADDRESS.search(own.group(0)) if own else None
    return address.group(1) if address else None
