"""Crash a real crawl on purpose: ``bulletin crawl`` in its own process group, SIGKILLed at a chosen point.

    process = start_crawl(db, config, "demo")
    killed = kill_when(process, lambda: releases_stored(db) >= 12, delay=0.05)
    finish_crawl(db, config, "demo")                # the re-run, to the end
    assert store_digest(db) == store_digest(clean_db)

A crawl is several processes (the Scrapy process, its store writer, its extraction worker).
``group=True`` kills them all at once, as a power cut or ``systemctl kill`` would; ``group=False``
kills only the crawl process, as the OOM killer or ``kill -9 PID`` would (its children then find
themselves orphaned). Either way the helpers return only when every process of the group is gone,
so the next crawl never races a survivor. Kill points come from :func:`kill_points` (seeded).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class KillPoint:
    """Where a trial kills the crawl: once ``releases`` are stored, ``delay`` seconds later."""

    releases: int
    delay: float
    group: bool

    def __str__(self) -> str:
        whole = "group" if self.group else "crawl process"
        return f"after {self.releases} releases + {self.delay:.2f} s ({whole})"


def kill_points(
    seed: int, trials: int, *, fewest: int = 1, most: int, max_delay: float = 0.4
) -> list[KillPoint]:
    """``trials`` kill points from ``seed``: release thresholds spread over ``fewest``..``most``
    (stratified, so a few trials still cover early, middle and late kills), random extra delays,
    and both kinds of kill."""
    rng = random.Random(seed)
    span = most - fewest + 1
    points = []
    for trial in range(trials):
        low = fewest + span * trial // trials
        high = max(low, fewest + span * (trial + 1) // trials - 1)
        points.append(
            KillPoint(
                rng.randint(low, high), round(rng.uniform(0, max_delay), 3), rng.random() < 0.5
            )
        )
    rng.shuffle(points)
    return points


def crawl_command(db: Path, config: Path, site: str, *args: str, progress: str = "off") -> list:
    """``bulletin crawl SITE`` as the scheduler runs it (``python -m crawler``)."""
    return [
        sys.executable,
        "-m",
        "crawler",
        "--db",
        str(db),
        "--config",
        str(config),
        "crawl",
        site,
        "--progress",
        progress,
        *args,
    ]


def crawl_env(env: dict | None = None) -> dict:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("BULLETIN_DB", None)
    full_env.pop("BULLETIN_CONFIG", None)
    return full_env


def start_crawl(
    db: Path,
    config: Path,
    site: str,
    *args: str,
    env: dict | None = None,
    log: Path | None = None,
    capture: bool = False,
    progress: str = "off",
) -> subprocess.Popen:
    """Start ``bulletin crawl SITE`` (the real CLI) as the leader of a new process group.

    Output goes to ``log`` (default: discarded), never to a pipe nobody reads; with ``capture``
    it goes to pipes the caller reads with ``communicate()``.
    """
    if capture:
        streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    else:
        out = open(log, "ab") if log else subprocess.DEVNULL
        streams = {"stdout": out, "stderr": subprocess.STDOUT}
    try:
        return subprocess.Popen(
            crawl_command(db, config, site, *args, progress=progress),
            cwd=ROOT,
            env=crawl_env(env),
            start_new_session=True,
            **streams,
        )
    finally:
        if log and not capture:
            streams["stdout"].close()


def finish_crawl(
    db: Path, config: Path, site: str, *args: str, env: dict | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run ``bulletin crawl SITE`` to its end; raises AssertionError when it fails."""
    done = subprocess.run(
        crawl_command(db, config, site, *args),
        cwd=ROOT,
        env=crawl_env(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"crawl of {site} exited {done.returncode}: {done.stderr[-3000:]}"
    return done


def sigkill(process: subprocess.Popen, *, group: bool = True, timeout: float = 30) -> None:
    """SIGKILL the crawl (``group``: with every process of its group) and wait until the whole
    group is gone — orphans of a single-process kill included."""
    pgid = process.pid  # start_crawl made it a group leader
    try:
        if group:
            os.killpg(pgid, signal.SIGKILL)
        else:
            process.send_signal(signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=timeout)
    deadline = time.monotonic() + timeout
    while _group_alive(pgid):
        if time.monotonic() > deadline:
            live = _group_live(pgid)
            os.killpg(pgid, signal.SIGKILL)
            raise AssertionError(
                f"processes of crawl group {pgid} still alive {timeout} s after the kill: {live}"
            )
        time.sleep(0.05)


def kill_when(
    process: subprocess.Popen,
    condition: Callable[[], bool],
    *,
    delay: float = 0.0,
    group: bool = True,
    timeout: float = 120,
    poll: float = 0.02,
) -> bool:
    """Wait until ``condition()`` holds, then ``delay`` seconds more, then :func:`sigkill`.

    Returns True when the crawl was killed, False when it ended on its own first (its group is
    still waited for). Raises AssertionError after ``timeout`` seconds with neither.
    """
    deadline = time.monotonic() + timeout
    while process.poll() is None:
        if condition():
            if delay:
                time.sleep(delay)
            if process.poll() is not None:
                break
            sigkill(process, group=group)
            return True
        if time.monotonic() > deadline:
            sigkill(process)
            raise AssertionError(f"kill condition not met within {timeout} s")
        time.sleep(poll)
    sigkill(process, group=True)  # reap anything the finished crawl left behind
    return False


def releases_stored(db: Path) -> int:
    """Committed releases in ``db`` (0 while the file does not exist or is being created)."""
    return count(db, "SELECT count(*) FROM releases")


def count(db: Path, sql: str) -> int:
    """One figure from a read-only look at ``db``; 0 while it does not exist or is being created."""
    if not Path(db).exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # schema not there yet, or a lock during creation
        return 0


def store_digest(db: Path) -> dict[str, dict]:
    """What a crawl stored, comparable across databases: per release URL its status and the
    content of each version (title, source, publish time, content hash), oldest first.
    Times of fetching, ids and crawl numbers are left out — they differ between any two runs."""
    conn = sqlite3.connect(db)
    try:
        digest = {}
        for release_id, url, status in conn.execute("SELECT id, url, status FROM releases"):
            versions = conn.execute(
                "SELECT title, source, published_at, content_hash FROM versions WHERE release_id = ? ORDER BY seq",
                [release_id],
            ).fetchall()
            digest[url] = {"status": status, "versions": [tuple(v) for v in versions]}
        return digest
    finally:
        conn.close()


def describe_difference(got: dict[str, dict], want: dict[str, dict]) -> str:
    """A short account of how two :func:`store_digest` results differ (for assertion messages)."""
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    changed = sorted(url for url in set(got) & set(want) if got[url] != want[url])
    parts = [f"{len(got)} releases stored, {len(want)} expected"]
    if missing:
        parts.append(f"{len(missing)} missing, e.g. {missing[:3]}")
    if extra:
        parts.append(f"{len(extra)} unexpected, e.g. {extra[:3]}")
    if changed:
        url = changed[0]
        parts.append(f"{len(changed)} differ, e.g. {url}: {got[url]} != {want[url]}")
    return "; ".join(parts)


def _group_alive(pgid: int) -> bool:
    """Whether a live (not zombie) process of group ``pgid`` remains. Zombies do not count: an
    orphan's zombie waits for whoever reaps orphans here, which may be nobody in a container."""
    return bool(_group_live(pgid))


def _group_live(pgid: int) -> list[str]:
    """The live processes of group ``pgid``: "pid state command line" each."""
    try:
        os.waitpid(-pgid, os.WNOHANG)  # reap our own child, if it is in the group
    except ChildProcessError:
        pass
    live = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()[:200]
            except OSError:
                command = "?"
            live.append(f"{entry.name} {fields[0]} {command}")
    return live
