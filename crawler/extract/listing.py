"""List (column) pages → :class:`ListPage`. (Placeholder until the extractor lands.)"""

from __future__ import annotations

from .model import ListPage, Selectors


def extract_list(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    encoding: str | None = None,
    selectors: Selectors | None = None,
) -> ListPage:
    raise NotImplementedError
