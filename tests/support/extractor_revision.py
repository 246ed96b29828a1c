"""What each page we wrote stores, per page: the record behind tests/test_extractor_revision.py.

One line per page (``name digest``), so pages added on two branches merge without touching one
line. Re-record with ``.venv/bin/python -m tests.support.extractor_revision``: it adds new pages,
and rewrites changed ones only when ``EXTRACTOR_REVISION`` is above the recorded revision (a
released store may hold versions read under the recorded one).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from crawler.demo import SITE_DIR
from crawler.extract import EXTRACTOR_REVISION
from crawler.extract.article import extract_article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RECORD = FIXTURES / "extractor_revision.txt"
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


def pages() -> list[tuple[str, Path]]:
    found = [(f"articles/{p.name}", p) for p in sorted((FIXTURES / "articles").glob("*.html"))]
    site = Path(SITE_DIR)
    found += [(f"demo/{p.relative_to(site)}", p) for p in sorted(site.rglob("*.html"))]
    return found


def page_digest(name: str, path: Path) -> str:
    # A fixed address: the digest must not depend on where the checkout lies.
    article = extract_article(path.read_bytes(), f"http://www.example.gov.cn/{name}")
    fields = {key: getattr(article, key) for key in STORED_FIELDS}
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:16]


def current() -> dict[str, str]:
    return {name: page_digest(name, path) for name, path in pages()}


def read_record() -> tuple[int, dict[str, str]]:
    lines = RECORD.read_text(encoding="utf-8").splitlines()
    revision = int(lines[0].removeprefix("revision "))
    return revision, dict(line.split(" ", 1) for line in lines[1:] if line.strip())


def changed(recorded: dict[str, str], now: dict[str, str]) -> list[str]:
    return sorted(name for name, digest in recorded.items() if name in now and now[name] != digest)


def record() -> str:
    revision, recorded = read_record() if RECORD.exists() else (0, {})
    now = current()
    moved = changed(recorded, now)
    if moved and EXTRACTOR_REVISION <= revision:
        raise SystemExit(
            f"{len(moved)} recorded pages store other fields under EXTRACTOR_REVISION "
            f"{EXTRACTOR_REVISION} (first: {moved[0]}): bump it in crawler/extract/model.py first"
        )
    kept = recorded if EXTRACTOR_REVISION == revision else {}
    merged = {**kept, **now}
    body = "".join(f"{name} {merged[name]}\n" for name in sorted(merged))
    RECORD.write_text(f"revision {EXTRACTOR_REVISION}\n{body}", encoding="utf-8")
    return f"recorded {len(merged)} pages under revision {EXTRACTOR_REVISION} in {RECORD.name}"


if __name__ == "__main__":
    print(record(), file=sys.stderr)
