"""List-page extraction speed: CPU ms per page for the corpus list pages and the demo/generated list pages.

    .venv/bin/python benchmarks/lists.py                 # per-page table, median and p95 per group
    .venv/bin/python benchmarks/lists.py --runs 15       # best of 15 per page (default 9)
    .venv/bin/python benchmarks/lists.py --profile       # plus a cProfile of the corpus pages (top 30 by tottime)

First the labelled corpus list pages are scored as issue 10 judges them: main-list link count, first
title and next page all right (``benchmarks.labels.score_list``); then the list pages we wrote, labelled
in ``tests/fixtures/list_pages.jsonl``, by the same three checks.

Groups: ``corpus`` is every page of ``../shared/corpus/cn_list`` and ``en_list`` (the project target is a
median of 10 ms or less there); ``fixtures`` is the project's own ``tests/fixtures/pages/list_*.html``;
``demo`` is ``crawler/demo/site/**/index*.html``; ``trs`` is the list
pages of a small generated TRS site (``benchmarks/sitegen.py``, 20 rows a page) written to a temporary
folder. Each figure is the best of ``--runs`` runs of ``extract_list`` in process CPU time, so
other jobs on the machine disturb it less than wall time; the runs go round the pages of a group
(every page once per round), so a busy spell on the shared machine does not hit one page's runs only.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from datetime import UTC
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.labels import LIST_PAGE_URLS, load_list_labels, score_list  # noqa: E402
from crawler.extract.listing import extract_list  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DEMO = ROOT / "crawler" / "demo" / "site"
FIXTURES = ROOT / "tests" / "fixtures" / "pages"

# Where the labelled corpus pages were captured (as in tests/test_corpus_lists.py); others get a placeholder.


def corpus_pages() -> list[tuple[str, bytes, str]]:
    pages = []
    for group in ("cn_list", "en_list"):
        for path in sorted((CORPUS / group).glob("*.html")):
            name = f"{group}/{path.name}"
            pages.append(
                (name, path.read_bytes(), LIST_PAGE_URLS.get(name, f"https://example.org/{name}"))
            )
    return pages


def fixture_pages() -> list[tuple[str, bytes, str]]:
    return [
        (f"fixtures/{p.name}", p.read_bytes(), f"http://www.example.gov.cn/col/{p.name}")
        for p in sorted(FIXTURES.glob("list_*.html"))
    ]


def label_scores() -> None:
    labels = load_list_labels(CORPUS)
    if not labels:
        print("labelled list pages: corpus absent")
        return
    checks = {"links": 0, "first": 0, "next": 0}
    right = 0
    for label in labels:
        page = extract_list((CORPUS / label["file"]).read_bytes(), LIST_PAGE_URLS[label["file"]])
        score = score_list(page, label)
        for name, ok in score.items():
            checks[name] += ok
        right += all(score.values())
        if not all(score.values()):
            print(f"  miss {label['file']}: {', '.join(n for n, ok in score.items() if not ok)}")
    n = len(labels)
    print(
        f"labelled list pages: {right}/{n} all right (link count {checks['links']}/{n}, first title "
        f"{checks['first']}/{n}, next page {checks['next']}/{n})"
    )


def own_label_scores() -> None:
    """The same three checks on the list pages we wrote (``tests/fixtures/list_pages.jsonl``)."""
    import json

    path = ROOT / "tests" / "fixtures" / "list_pages.jsonl"
    labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    checks = {"links": 0, "first": 0, "next": 0}
    right = 0
    for label in labels:
        page = extract_list((FIXTURES / label["file"]).read_bytes(), label["url"])
        score = {
            "links": len(page.links) == label["links"],
            "first": (page.links[0].title if page.links else None) == label["first"],
            "next": (page.next_pages[0] if page.next_pages else None) == label["next"],
        }
        for name, ok in score.items():
            checks[name] += ok
        right += all(score.values())
        if not all(score.values()):
            print(f"  miss {label['file']}: {', '.join(n for n, ok in score.items() if not ok)}")
    n = len(labels)
    print(
        f"own list pages: {right}/{n} all right (link count {checks['links']}/{n}, first title "
        f"{checks['first']}/{n}, next page {checks['next']}/{n})"
    )


def demo_pages() -> list[tuple[str, bytes, str]]:
    pages = []
    for path in sorted(DEMO.rglob("index*.html")):
        rel = path.relative_to(DEMO).as_posix()
        pages.append((f"demo/{rel}", path.read_bytes(), f"http://127.0.0.1:8000/{rel}"))
    return pages


def trs_pages(folder: Path, articles: int = 400) -> list[tuple[str, bytes, str]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from datetime import datetime

    from sitegen import generate

    generate(folder, n_articles=articles, columns=2, now=datetime(2024, 6, 1, tzinfo=UTC))
    pages = []
    for path in sorted(folder.rglob("index*.html")):
        rel = path.relative_to(folder).as_posix()
        if rel == "index.html":
            continue  # the home page, not a column list
        pages.append((f"trs/{rel}", path.read_bytes(), f"http://127.0.0.1:8000/{rel}"))
    return pages


def cpu_ms(pages: list[tuple[str, bytes, str]], runs: int) -> list[tuple[float, int]]:
    """(best CPU ms, links found) per page, over ``runs`` rounds of all the pages."""
    best = [float("inf")] * len(pages)
    links = [0] * len(pages)
    for _ in range(runs):
        for i, (_, body, url) in enumerate(pages):
            started = time.process_time()
            page = extract_list(body, url)
            best[i] = min(best[i], time.process_time() - started)
            links[i] = len(page.links)
    return [(b * 1000, n) for b, n in zip(best, links)]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=9, help="runs per page; the best counts (default 9)"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="cProfile the corpus pages and print the top functions",
    )
    parser.add_argument("--no-trs", action="store_true", help="skip the generated TRS site")
    args = parser.parse_args(argv)

    label_scores()
    own_label_scores()
    with tempfile.TemporaryDirectory(prefix="bench-lists-") as tmp:
        groups = {"corpus": corpus_pages(), "fixtures": fixture_pages(), "demo": demo_pages()}
        if not args.no_trs:
            groups["trs"] = trs_pages(Path(tmp))
        summary = []
        for group, pages in groups.items():
            if not pages:
                print(f"{group}: no pages found")
                continue
            print(f"\n{group} ({len(pages)} pages, best of {args.runs} runs, CPU ms)")
            times = []
            for (name, body, _url), (ms, links) in zip(pages, cpu_ms(pages, args.runs)):
                times.append(ms)
                if group not in ("trs", "fixtures") or len(pages) <= 12:
                    print(f"  {name:58} {len(body) / 1024:7.1f} KB {links:4d} links {ms:8.2f} ms")
            summary.append((group, len(times), statistics.median(times), p95(times), max(times)))
        print()
        for group, n, median, high, top in summary:
            print(
                f"{group:7} pages {n:3d}  median {median:6.2f} ms  p95 {high:6.2f} ms  max {top:6.2f} ms"
            )

    if args.profile:
        pages = corpus_pages()
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.runs):
            for _, body, url in pages:
                extract_list(body, url)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
