"""EXTRACTOR_REVISION is bumped whenever the extraction rules change what a page stores.

A stored version read under another revision is re-extracted before a refetch is compared with
it (docs/extraction.md), so a forgotten bump is the one way a rule change reaches archivists as
false edits. This test keeps a digest of the stored fields of every page we wrote (our article
fixtures and the demo site) per revision: when the digest moves, bump the revision and record
the new digest (the failure prints both).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from crawler.demo import SITE_DIR
from crawler.extract import EXTRACTOR_REVISION
from crawler.extract.article import extract_article

FIXTURES = Path(__file__).parent / "fixtures"
DIGESTS = FIXTURES / "extractor_revision.json"
STORED_FIELDS = (
    "title",
    "source",
    "published_at",
    "published_at_meta",
    "body",
    "breadcrumb",
    "column",
    "attachments",
)


def _pages() -> list[tuple[str, Path]]:
    pages = [(f"articles/{p.name}", p) for p in sorted((FIXTURES / "articles").glob("*.html"))]
    site = Path(SITE_DIR)
    pages += [(f"demo/{p.relative_to(site)}", p) for p in sorted(site.rglob("*.html"))]
    return pages


def stored_fields_digest() -> str:
    digest = hashlib.sha256()
    for name, path in _pages():
        # A fixed address: the digest must not depend on where the checkout lies.
        article = extract_article(path.read_bytes(), f"http://www.example.gov.cn/{name}")
        fields = {key: getattr(article, key) for key in STORED_FIELDS}
        digest.update(name.encode() + json.dumps(fields, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def test_a_change_of_what_pages_store_comes_with_a_new_extractor_revision():
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8"))
    digest = stored_fields_digest()
    assert recorded.get(str(EXTRACTOR_REVISION)) == digest, (
        f"the extracted fields of our fixture pages changed under EXTRACTOR_REVISION "
        f"{EXTRACTOR_REVISION}: bump it in crawler/extract/model.py and record "
        f'"{EXTRACTOR_REVISION + 1}": "{digest}" in {DIGESTS.name} (revision {EXTRACTOR_REVISION} '
        f"must keep its own digest: stores hold versions read under it)"
    )
    assert len(set(recorded.values())) == len(recorded), "two revisions with one digest"
