"""Soak: `bulletin serve` for a long simulated period, its memory and file descriptors watched.

    .venv/bin/python benchmarks/soak.py                      # 5 minutes, 2 sites every 5 s
    .venv/bin/python benchmarks/soak.py --minutes 30 --record

Several generated sites (benchmarks/sitegen.py), each served by its own local server, are
scheduled on a short interval while a changer publishes, edits and removes releases on them
every few seconds, so most runs crawl rather than stop at the probe. Every ``--sample`` seconds
the script prints the service's RSS and open descriptors, its live crawl processes and the
database's size; at the end the crawl durations and the lag of each run behind its schedule
(from the ``crawls`` table), and whether RSS and descriptors stayed flat: the median of the last
fifth of the samples against the median of the first fifth after a warm-up. Exit status 1 when
they grew (RSS by more than 15 % and 10 MB, or descriptors by more than 3).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from sitegen import generate  # noqa: E402

RSS_GROWTH_MB = 10.0
RSS_GROWTH_SHARE = 0.15
FD_GROWTH = 3


def serve_site(root: Path, log: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler.demo.server", str(root), "--port", "0", "--log", str(log)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    return process, process.stdout.readline().strip()


def write_config(path: Path, sites: dict[str, list[str]], schedule: str) -> None:
    tables = []
    for name, urls in sites.items():
        tables.append(f"""[sites.{name}]
title = "澄川市人民政府（{name}）"
start_urls = [{", ".join(json.dumps(u) for u in urls)}]
timezone = "Asia/Shanghai"
schedule = "{schedule}"

[sites.{name}.politeness]
download_delay = 0
autothrottle = false
concurrency = 4
retries = 0
""")
    tables.append("""[serve]
stagger = 1
jitter = 0
crawl_timeout = 120
stop_timeout = 30
alerts_interval = 3600
""")
    path.write_text("\n".join(tables), encoding="utf-8")


def descendants(pid: int) -> list[int]:
    """Live processes below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def open_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


class Changer(threading.Thread):
    """Publishes, edits and removes releases on the sites, one operation every ``every`` seconds."""

    def __init__(self, sites: list, every: float, seed: int = 1):
        super().__init__(daemon=True)
        self.sites, self.every, self.rng = sites, every, random.Random(seed)
        self.stop = threading.Event()
        self.done = {"added": 0, "edited": 0, "removed": 0}

    def run(self) -> None:
        while not self.stop.wait(self.every):
            site = self.rng.choice(self.sites)
            roll = self.rng.random()
            try:
                if roll < 0.5:
                    self.done["added"] += len(site.add_releases(self.rng.randint(1, 3)))
                elif roll < 0.85:
                    self.done["edited"] += len(site.edit_releases(1))
                else:
                    self.done["removed"] += len(site.remove_releases(1))
            except (ValueError, IndexError):  # nothing left to edit or remove on that site
                pass


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def crawl_figures(db: Path, interval: float) -> dict:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT site, started_at, finished_at, status FROM crawls ORDER BY site, id"
    ).fetchall()
    conn.close()
    by_status: dict[str, int] = {}
    durations, lags, last = [], [], {}
    for site, started, finished, status in rows:
        by_status[status] = by_status.get(status, 0) + 1
        start = datetime.fromisoformat(started)
        if finished and status != "skipped":
            durations.append((datetime.fromisoformat(finished) - start).total_seconds())
        if site in last:
            lags.append(max(0.0, (start - last[site]).total_seconds() - interval))
        last[site] = start
    return {"runs": len(rows), "by_status": by_status, "durations": durations, "lags": lags}


def flat(samples: list[float]) -> tuple[float, float]:
    """(first, last): medians of the first and last fifth after the first tenth (start-up)."""
    rest = samples[max(1, len(samples) // 10) :]
    fifth = max(1, len(rest) // 5)
    return statistics.median(rest[:fifth]), statistics.median(rest[-fifth:])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--minutes", type=float, default=5.0, help="how long the service runs (default 5)"
    )
    parser.add_argument("--sites", type=int, default=2)
    parser.add_argument("--articles", type=int, default=60, help="articles per site at the start")
    parser.add_argument(
        "--schedule", type=int, default=5, help="seconds between scheduled runs of a site"
    )
    parser.add_argument(
        "--change-every", type=float, default=2.0, help="seconds between changes to the sites"
    )
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between samples")
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / ".work" / "soak")
    parser.add_argument(
        "--record", action="store_true", help="write the figures into docs/benchmarks.md"
    )
    args = parser.parse_args(argv)

    work = args.work
    if work.exists():
        subprocess.run(["rm", "-rf", str(work)], check=True)
    work.mkdir(parents=True)
    servers, sites, urls = [], [], {}
    for i in range(args.sites):
        site = generate(work / f"site{i}", args.articles, columns=2, seed=100 + i)
        process, base = serve_site(work / f"site{i}", work / f"requests{i}.log")
        servers.append(process)
        sites.append(site)
        urls[f"soak{i}"] = site.start_urls(base)
    config, db, log = work / "sites.toml", work / "soak.db", work / "serve.log"
    write_config(config, urls, f"{args.schedule}s")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(log, "wb") as out:
        serve = subprocess.Popen(
            [sys.executable, "-m", "crawler", "--db", str(db), "--config", str(config), "serve"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    changer = Changer(sites, args.change_every)
    changer.start()
    print(
        f"bulletin serve (pid {serve.pid}) of {args.sites} sites every {args.schedule} s for {args.minutes:g} min; "
        f"log {log}"
    )
    print(f"{'t (s)':>6} {'RSS MB':>7} {'fds':>4} {'crawls':>6} {'children':>8} {'db+wal MB':>9}")
    started, rss, fds, lines = time.monotonic(), [], [], []
    try:
        while time.monotonic() - started < args.minutes * 60 and serve.poll() is None:
            time.sleep(args.sample)
            try:
                rss.append(rss_mb(serve.pid))
                fds.append(open_fds(serve.pid))
            except OSError:
                break
            children = len(descendants(serve.pid))
            size = sum(p.stat().st_size for p in work.glob("soak.db*") if p.is_file()) / 1e6
            runs = crawl_figures(db, args.schedule)["runs"] if db.exists() else 0
            line = f"{time.monotonic() - started:6.0f} {rss[-1]:7.1f} {fds[-1]:4d} {runs:6d} {children:8d} {size:9.1f}"
            lines.append(line)
            print(line, flush=True)
    finally:
        changer.stop.set()
        serve.send_signal(signal.SIGTERM)
        try:
            code = serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            serve.kill()
            code = serve.wait()
        for process in servers:
            process.terminate()
    figures = crawl_figures(db, args.schedule)
    durations, lags = figures["durations"], figures["lags"]
    rss_first, rss_last = flat(rss)
    fd_first, fd_last = flat([float(f) for f in fds])
    grew = (
        rss_last - rss_first > RSS_GROWTH_MB and rss_last > rss_first * (1 + RSS_GROWTH_SHARE)
    ) or fd_last - fd_first > FD_GROWTH
    summary = [
        f"runs: {figures['runs']} ({', '.join(f'{n} {s}' for s, n in sorted(figures['by_status'].items()))}); "
        f"changes made: {changer.done['added']} added, {changer.done['edited']} edited, {changer.done['removed']} removed",
        f"crawl duration: median {statistics.median(durations):.1f} s, p95 {percentile(durations, 0.95):.1f} s, "
        f"max {max(durations):.1f} s"
        if durations
        else "crawl duration: no crawl finished",
        f"lag behind schedule: median {statistics.median(lags):.1f} s, p95 {percentile(lags, 0.95):.1f} s, "
        f"max {max(lags):.1f} s"
        if lags
        else "lag: fewer than two runs per site",
        f"serve RSS: {rss_first:.1f} MB early, {rss_last:.1f} MB late (min {min(rss):.1f}, max {max(rss):.1f}); "
        f"open fds: {fd_first:.0f} early, {fd_last:.0f} late (min {min(fds)}, max {max(fds)})",
        f"verdict: {'GREW' if grew else 'flat'}; serve exited {code} on SIGTERM",
    ]
    print("\n".join(summary))
    if args.record:
        record(args, lines, summary)
    return 1 if grew or code != 0 else 0


def record(args, lines: list[str], summary: list[str]) -> None:
    path = ROOT / "docs" / "benchmarks.md"
    text = path.read_text(encoding="utf-8")
    command = (
        "python benchmarks/soak.py"
        + (f" --minutes {args.minutes:g}" if args.minutes != 5 else "")
        + (f" --sites {args.sites}" if args.sites != 2 else "")
        + " --record"
    )
    every = max(1, len(lines) // 12)
    section = "\n".join(
        [
            "## Soak — `soak.py`",
            "",
            f"`bulletin serve` for {args.minutes:g} minutes: {args.sites} generated sites of {args.articles} articles, "
            f"each scheduled every {args.schedule} s, while a changer publishes, edits or removes releases every "
            f"{args.change_every:g} s. Recorded {datetime.now():%Y-%m-%d} on the shared 2-core machine:",
            "",
            "```sh",
            f".venv/bin/{command}",
            "```",
            "",
            "```",
            f"{'t (s)':>6} {'RSS MB':>7} {'fds':>4} {'crawls':>6} {'children':>8} {'db+wal MB':>9}",
            *lines[::every],
            "```",
            "",
            *[f"- {line}" for line in summary],
            "",
        ]
    )
    start = text.find("## Soak")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
