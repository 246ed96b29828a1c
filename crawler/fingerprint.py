"""Request fingerprints over canonical URLs, so link variants of one page are fetched once."""

from __future__ import annotations

import hashlib

from storage import canonical_url


class CanonicalRequestFingerprinter:
    """Like Scrapy's default fingerprinter, but over :func:`storage.urls.canonical_url`."""

    @classmethod
    def from_crawler(cls, crawler):
        return cls()

    def fingerprint(self, request) -> bytes:
        digest = hashlib.sha1()
        digest.update(request.method.encode())
        digest.update(canonical_url(request.url).encode())
        digest.update(request.body or b"")
        return digest.digest()
