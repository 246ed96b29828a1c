"""What the site model costs: extraction with and without it, learning, settling, migrating.

    .venv/bin/python benchmarks/sitemodel.py            # corpus pages + a generated 300-page site
    .venv/bin/python benchmarks/sitemodel.py --pages 1000

CPU milliseconds per page (``time.process_time``), median and p95:

* the labelled corpus articles (``../shared/corpus``) extracted without a model, with an empty
  model (the page's features are computed: what a site's first crawl does) and with a model learned
  from the generated site (every line is checked against a real template set);
* the generated site's own articles with their site's model (template lines really stripped);
* learning (``SiteModel.update`` per page), settling, the stored model's JSON size, and the
  re-extraction of a stored baseline (``crawler.reextract.migrate_site``) per version, and of
  versions stored by older extraction rules (the migration of ``bulletin site-model --rebuild``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from crawler.extract.article import extract_article  # noqa: E402
from crawler.extract.sitemodel import SiteModel  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def _cpu_ms(fn) -> float:
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def _figures(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return (
        f"median {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms   ({len(ordered)} pages)"
    )


def _corpus_pages() -> list[tuple[bytes, str]]:
    if not CORPUS.exists():
        return []
    from benchmarks.labels import load_labels, url_for

    return [
        ((CORPUS / label["file"]).read_bytes(), url_for(label)) for label in load_labels(CORPUS)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="articles of the generated site")
    parser.add_argument("--repeat", type=int, default=3, help="timings per page (the best is kept)")
    args = parser.parse_args(argv)

    from sitegen import generate

    work = Path(tempfile.mkdtemp(prefix="bulletin-sitemodel-"))
    site = generate(work / "site", n_articles=args.pages, columns=4)
    generated = [
        ((work / "site" / path.lstrip("/")).read_bytes(), "http://127.0.0.1" + path)
        for path in site.article_paths()
    ]

    learn_times, features = [], []
    for body, url in generated:
        features.append(
            extract_article(body, url, timezone="Asia/Shanghai", model=SiteModel()).features
        )
    model = SiteModel()
    for page in features:
        learn_times.append(_cpu_ms(lambda page=page: model.update(page)))
    settle_ms = _cpu_ms(model.settle)
    stored = json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":"))
    applied = model.for_extraction()

    def best(fn) -> float:
        return min(_cpu_ms(fn) for _ in range(args.repeat))

    print("site model cost (CPU per page)")
    corpus = _corpus_pages()
    if corpus:
        for name, kwargs in (
            ("no model", {}),
            ("empty model (features only)", {"model": SiteModel()}),
            ("a learned model", {"model": applied}),
        ):
            for body, url in corpus:
                extract_article(body, url, **kwargs)  # warm caches outside the timing
            times = [
                best(lambda body=body, url=url, kwargs=kwargs: extract_article(body, url, **kwargs))
                for body, url in corpus
            ]
            print(f"  corpus articles, {name:<28} {_figures(times)}")
    else:
        print(f"  ({CORPUS} not found: corpus timings skipped)")
    for name, kwargs in (("no model", {}), ("its site model", {"model": applied})):
        times = [
            best(
                lambda body=body, url=url, kwargs=kwargs: extract_article(
                    body, url, timezone="Asia/Shanghai", **kwargs
                )
            )
            for body, url in generated
        ]
        print(f"  generated site, {name:<29} {_figures(times)}")
    print(
        f"  learning: update {statistics.median(learn_times) * 1000:.0f} µs median per page; settle "
        f"{settle_ms:.1f} ms for {model.pages} pages; {len(model.template)} template lines, "
        f"{len(model.lines)} tracked; stored model {len(stored) / 1024:.0f} KiB"
    )

    from crawler.reextract import migrate_site
    from storage import FetchedRelease, Store

    with Store(work / "bulletin.db") as store:
        store.ensure_site("gen", title="generated", config={"timezone": "Asia/Shanghai"})
        crawl = store.start_crawl("gen")
        with store.batch():
            for (body, url), _page in zip(generated, features):
                found = extract_article(body, url, timezone="Asia/Shanghai")
                store.record_release(
                    "gen",
                    FetchedRelease(
                        url=url,
                        title=found.title,
                        source=found.source,
                        published_at=found.published_at,
                        body=found.body,
                        raw_body=body,
                        model_revision=0,
                    ),
                    crawl_id=crawl,
                )
        start = time.process_time()
        counts = migrate_site(store, "gen", model)
        spent = (time.process_time() - start) * 1000
        # The versions were recorded without an extractor revision: an upgrade parses each again.
        start = time.process_time()
        upgraded = migrate_site(store, "gen", model, upgrade=True)
        upgrade_spent = (time.process_time() - start) * 1000
    print(
        f"  baseline re-extraction: {spent / max(counts['checked'], 1):.2f} ms per version "
        f"({counts['checked']} checked, {counts['reextracted']} parsed again, {counts['changed']} changed)"
    )
    print(
        f"  upgrade of the rules (site-model --rebuild's migration): "
        f"{upgrade_spent / max(upgraded['checked'], 1):.2f} ms per version ({upgraded['checked']} "
        f"checked, {upgraded['reextracted']} parsed again, {upgraded['changed']} changed)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
