"""Recognise a 200 response that is not the page: empty body, anti-bot interstitial, maintenance."""

from __future__ import annotations


def failed_fetch_reason(body: bytes, status: int = 200, content_type: str | None = None) -> str | None:
    raise NotImplementedError
