"""List extraction on the real saved pages of ../shared/corpus (cn_list, en_list) against labels.jsonl."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from benchmarks.labels import LIST_PAGE_URLS, expected_next_page, load_list_labels, score_list
from crawler.extract.listing import extract_list

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


LABELS = load_list_labels(CORPUS)
RESULTS: dict[str, dict] = {}


@pytest.fixture(scope="module")
def corpus():
    if not CORPUS.is_dir():
        pytest.skip(
            f"corpus folder {CORPUS} is absent (it lives next to the repository, never inside it)"
        )
    return CORPUS


@pytest.mark.parametrize(
    "label", LABELS, ids=[r["file"].split("/", 1)[1].removesuffix(".html") for r in LABELS]
)
def test_corpus_list_page(corpus, label):
    body = (corpus / label["file"]).read_bytes()
    url = LIST_PAGE_URLS[label["file"]]
    started = time.perf_counter()
    result = extract_list(body, url)
    elapsed = time.perf_counter() - started
    want_next = expected_next_page(label)
    got_next = result.next_pages[0] if result.next_pages else None
    RESULTS[label["file"]] = {
        "links": (len(result.links), label["article_links"]),
        "first": (result.links[0].title if result.links else None, label.get("first_link_title")),
        "next": (got_next, want_next),
        "csr": result.client_side_rendered,
        "ms": elapsed * 1000,
    }

    assert len(result.links) == label["article_links"]
    if label.get("first_link_title"):
        assert result.links[0].title == label["first_link_title"]
    assert got_next == want_next
    assert all(score_list(result, label).values())
    shell = (
        "client-side rendered" in label.get("notes", "").lower()
        or "client side rendered" in label.get("notes", "").lower()
    )
    assert result.client_side_rendered == shell


def test_print_corpus_table(corpus):
    """Per-page table (run with -s to see it)."""
    if not RESULTS:
        pytest.skip("run together with test_corpus_list_page")
    print()
    print(f"{'page':42} {'links':>9} {'csr':>5} {'ms':>6}  first title / next page")
    for name, r in sorted(RESULTS.items()):
        got, want = r["links"]
        mark = "ok" if got == want else "MISS"
        print(
            f"{name:42} {got:>3}/{want:<3}{mark:>3} {str(r['csr']):>5} {r['ms']:6.1f}  {r['first'][0]!r}"
        )
        print(f"{'':42} {'':>9} {'':>5} {'':>6}  next {r['next'][0]!r} (want {r['next'][1]!r})")


@pytest.mark.parametrize(
    "label, want",
    [
        (
            {
                "file": "x/list.html",
                "url": "http://a.gov.cn/col/index.html",
                "next_page": "index_1.html",
            },
            "http://a.gov.cn/col/index_1.html",
        ),
        (
            {
                "file": "x/list.html",
                "url": "http://a.gov.cn/col/",
                "next_page": "javascript:go(2)",
                "next_fetch": "/col/index_1.html",
            },
            "http://a.gov.cn/col/index_1.html",
        ),
        (
            {
                "file": "x/list.html",
                "url": "http://a.gov.cn/col/",
                "next_page": "#p2",
                "next_fetch": None,
            },
            None,
        ),
        ({"file": "x/list.html", "url": "http://a.gov.cn/col/", "next_page": None}, None),
    ],
    ids=["relative-href", "script-pager-with-fetch", "fragment-not-fetchable", "no-next"],
)
def test_next_page_of_a_label_outside_the_corpus(label, want):
    assert expected_next_page(label) == want
