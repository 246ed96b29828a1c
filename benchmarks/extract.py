"""Article extraction over the shared corpus: per-field accuracy per group, and speed.

The article pages we wrote ourselves (``tests/fixtures/articles``, labelled in its labels*.jsonl and
read as saved files, as ``bulletin extract FILE`` reads them) are scored too, as groups ``own_cn``
and ``own_en``; speed is measured on the corpus only.

    .venv/bin/python benchmarks/extract.py              # this project's extractor
    .venv/bin/python benchmarks/extract.py --compare    # also trafilatura and gne, side by side
    .venv/bin/python benchmarks/extract.py --misses     # list every miss with what was found

``--compare`` runs the other extractors in a separate venv, ``benchmarks/.work/venv`` (git-ignored),
created on first use with ``python -m venv`` and ``pip install trafilatura lxml_html_clean gne``; the project venv
never gets them. Scoring is the corpus README's (:mod:`benchmarks.labels`) for every tool.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.labels import FIELDS, load_labels, score, url_for  # noqa: E402
from crawler.extract.article import extract_article  # noqa: E402
from crawler.extract.encoding import decode_html  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
OWN_PAGES = ROOT / "tests" / "fixtures" / "articles"
GROUPS = ("cn_article", "en_article", "other", "own_cn", "own_en")
WORK = ROOT / "benchmarks" / ".work"
OTHER_VENV = WORK / "venv"

# Runs inside the separate venv: reads [{"file", "html", "url"}] on stdin, prints one JSON per page.
_OTHERS_SCRIPT = r"""
import json, sys, time
pages = json.load(sys.stdin)
try:
    import trafilatura
except ImportError:
    trafilatura = None
try:
    from gne import GeneralNewsExtractor
except ImportError:
    GeneralNewsExtractor = None
for page in pages:
    out = {"file": page["file"]}
    if trafilatura is not None:
        start = time.perf_counter()
        try:
            doc = trafilatura.bare_extraction(page["html"], url=page["url"], with_metadata=True)
            doc = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
        except Exception:
            doc = {}
        out["trafilatura"] = {"title": doc.get("title"), "source": doc.get("sitename"),
                              "published_at": doc.get("date"), "body": doc.get("text") or "",
                              "ms": (time.perf_counter() - start) * 1000}
    if GeneralNewsExtractor is not None:
        start = time.perf_counter()
        try:
            doc = GeneralNewsExtractor().extract(page["html"])
        except Exception:
            doc = {}
        out["gne"] = {"title": doc.get("title"), "source": doc.get("author") or None,
                      "published_at": doc.get("publish_time"), "body": doc.get("content") or "",
                      "ms": (time.perf_counter() - start) * 1000}
    print(json.dumps(out, ensure_ascii=False))
"""


def _group(label: dict) -> str:
    return label["file"].split("/", 1)[0]


def _path(label: dict) -> Path:
    return Path(label["path"]) if "path" in label else CORPUS / label["file"]


def _url(label: dict) -> str:
    return label.get("page_url") or url_for(label)


def load_own_labels() -> list[dict]:
    """Our own article pages (every ``labels*.jsonl`` beside them) as labels of groups
    own_cn/own_en, read at their file:// address unless the label gives the page's own."""
    out = []
    for path in sorted(OWN_PAGES.glob("labels*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                name = label["file"]
                page = OWN_PAGES / name
                group = "own_en" if name.startswith("en_") else "own_cn"
                url = label.get("url") or page.as_uri()
                out.append({**label, "file": f"{group}/{name}", "path": str(page), "page_url": url})
    return out


def run_ours(labels: list[dict]) -> tuple[dict[str, dict], list[float]]:
    """Extract every labelled page; returns per-file results and per-page milliseconds."""
    results, times = {}, []
    for label in labels:
        body = _path(label).read_bytes()
        extract_article(body, _url(label))  # warm caches (compiled selectors) outside the timing
        start, cpu = time.perf_counter(), time.process_time()
        article = extract_article(body, _url(label))
        times.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
        results[label["file"]] = article.to_dict()
    return results, times


def _ensure_other_venv() -> Path | None:
    python = OTHER_VENV / "bin" / "python"
    if not python.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        print(f"creating {OTHER_VENV} with trafilatura and gne …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(OTHER_VENV)], check=True)
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "trafilatura", "lxml_html_clean", "gne"]
        )
        if done.returncode != 0:
            print("could not install trafilatura/gne; --compare skipped", file=sys.stderr)
            return None
    return python


def run_others(labels: list[dict]) -> dict[str, dict[str, dict]]:
    """trafilatura and gne results per tool per file (empty when they cannot be installed)."""
    python = _ensure_other_venv()
    if python is None:
        return {}
    pages = []
    for label in labels:
        html, _ = decode_html(_path(label).read_bytes())
        pages.append({"file": label["file"], "html": html, "url": _url(label)})
    done = subprocess.run(
        [str(python), "-c", _OTHERS_SCRIPT], input=json.dumps(pages), capture_output=True, text=True
    )
    tools: dict[str, dict[str, dict]] = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        for tool in ("trafilatura", "gne"):
            if tool in record:
                tools.setdefault(tool, {})[record["file"]] = record[tool]
    return tools


def _normalise_date(value) -> str | None:
    # Other tools return dates in their own shapes; keep "YYYY-MM-DD[ HH:MM]" when they can be read.
    from crawler.extract.dates import parse_date

    found = parse_date(str(value)) if value else None
    return found.iso(None) if found else None


def table(name: str, labels: list[dict], results: dict[str, dict]) -> str:
    lines = [
        f"{name}",
        f"  {'group':<12}{'pages':>6}" + "".join(f"{f:>11}" for f in FIELDS) + f"{'all four':>10}",
    ]
    for group in GROUPS:
        rows = [lab for lab in labels if _group(lab) == group]
        if not rows:
            continue
        scored = [score(results.get(lab["file"], {}), lab) for lab in rows]
        cells = "".join(f"{sum(s[f] for s in scored) / len(scored):>10.0%} " for f in FIELDS)
        every = sum(all(s.values()) for s in scored) / len(scored)
        lines.append(f"  {group:<12}{len(rows):>6}{cells}{every:>9.0%}")
    return "\n".join(lines)


def speed(times: list[float], label: str = "wall") -> str:
    ordered = sorted(times)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    return (
        f"  speed ({label}): median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, "
        f"max {ordered[-1]:.1f} ms per page ({len(ordered)} pages)"
    )


def _all_pages_cpu(repeat: int) -> list[float]:
    """CPU ms per labelled page with the extractor the crawler uses for it (lists included)."""
    from crawler.extract import extract_list

    timings = []
    for line in (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        file = json.loads(line)["file"]
        body = (CORPUS / file).read_bytes()
        extract = extract_list if file.startswith(("cn_list/", "en_list/")) else extract_article
        best = float("inf")
        for _ in range(max(1, repeat)):
            started = time.process_time()
            extract(body, "https://example.gov.cn/" + file)
            best = min(best, time.process_time() - started)
        timings.append(best * 1000)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--compare", action="store_true", help="also run trafilatura and gne (separate venv)"
    )
    parser.add_argument(
        "--misses", action="store_true", help="list every wrong field with the value found"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="timing runs (the fastest per page counts)"
    )
    args = parser.parse_args(argv)
    if not (CORPUS / "labels.jsonl").exists():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    labels = load_labels(CORPUS)
    results, times = run_ours(labels)
    for _ in range(args.repeat - 1):
        _, again = run_ours(labels)
        times = [(min(a[0], b[0]), min(a[1], b[1])) for a, b in zip(times, again)]
    own = load_own_labels()
    own_results, _ = run_ours(own)
    print(table("bulletin-monitor", labels + own, {**results, **own_results}))
    print(speed([t[0] for t in times], "wall"))
    # On a shared machine wall time includes waiting for the CPU; CPU time is the extractor's own cost.
    print(speed([t[1] for t in times], "cpu"))
    print(speed(_all_pages_cpu(args.repeat), "cpu, every labelled page: articles and lists"))
    if args.misses:
        results.update(own_results)
        for lab in labels + own:
            got = results[lab["file"]]
            for field, ok in score(got, lab).items():
                if not ok:
                    key = "published_at" if field == "published" else field
                    value = (
                        (got.get(key) or "")[:80]
                        if field != "body"
                        else got["body"][:60] + " … " + got["body"][-40:]
                    )
                    want = (
                        lab.get(field)
                        if field != "body"
                        else lab["body_start"][:30] + " … " + lab["body_end"][-30:]
                    )
                    print(f"  miss {lab['file']} {field}: got {value!r} want {want!r}")
    if args.compare:
        for tool, found in run_others(labels + own).items():
            for record in found.values():
                record["published_at"] = _normalise_date(record.get("published_at"))
            print()
            print(table(tool, labels + own, found))
            print(speed([r["ms"] for f, r in found.items() if not f.startswith("own_")]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
