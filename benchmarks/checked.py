"""The extraction worker's one call per article page (``checked_article``): extraction plus the
failed-fetch check a thin page gets, and how many times each page is parsed.

A thin page (no title, or under 600 characters of body) is also checked for being a block,
maintenance, stub or unrendered-template page; this measures what that costs on the shared
corpus and our own article fixtures.

    .venv/bin/python benchmarks/checked.py [--repeat 5]

Prints pages, thin pages, HTML parses per page (thin and not), and median/p95/total CPU per page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.extract import pool, text  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
OWN_PAGES = ROOT / "tests" / "fixtures" / "articles"


def _pages() -> list[tuple[str, bytes]]:
    files = sorted(CORPUS.rglob("*.html")) if CORPUS.exists() else []
    files += sorted(OWN_PAGES.glob("*.html"))
    return [
        (f"http://www.example.gov.cn/art/{i}.html", path.read_bytes())
        for i, path in enumerate(files)
    ]


def _count_parses():
    """Wrap the one HTML parser: how many times a call parses the page."""
    calls = {"n": 0}
    original = text.parse_html

    def counting(*args, **kwargs):
        calls["n"] += 1
        return original(*args, **kwargs)

    text.parse_html = counting
    return calls


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    pages = _pages()
    calls = _count_parses()
    rows = []
    for url, body in pages:
        calls["n"] = 0
        article, _, _ = pool.checked_article(body, url)
        parses = calls["n"]
        best = float("inf")
        for _ in range(args.repeat):
            start = time.process_time()
            pool.checked_article(body, url)
            best = min(best, time.process_time() - start)
        rows.append((pool.thin(article), parses, best * 1000))
    thin = [row for row in rows if row[0]]
    full = [row for row in rows if not row[0]]

    def figures(group) -> str:
        times = sorted(ms for *_, ms in group)
        if not times:
            return "none"
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        parses = statistics.mean(p for _, p, _ in group)
        return (
            f"{len(group)} pages, {parses:.2f} parses/page, median {statistics.median(times):.2f} ms, "
            f"p95 {p95:.2f} ms, total {sum(times):.1f} ms"
        )

    print(f"checked_article over {len(rows)} pages (best of {args.repeat}, CPU)")
    print(f"  thin pages (checked too): {figures(thin)}")
    print(f"  other pages:              {figures(full)}")
    print(f"  all pages:                {figures(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
