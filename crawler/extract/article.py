"""Article pages → :class:`Article`. (Placeholder until the extractor lands.)"""

from __future__ import annotations

from .model import Article, Selectors


def extract_article(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    encoding: str | None = None,
    timezone: str | None = None,
    selectors: Selectors | None = None,
) -> Article:
    raise NotImplementedError
