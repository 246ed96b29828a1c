"""A store writer whose crawl process is killed stops at once and cleanly: what it committed
stays, the store is whole, and no writer outlives its crawl (a kill trial once found a writer of
a crawl killed alone still alive 30 s later: it held the queue's write end too, so an item cut
short by the kill left it waiting for the rest for ever)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from support.harness import ROOT
from support.invariants import store_violations
from support.kill import count

SCRIPT = Path(__file__).parent / "support" / "monitor_orphan.py"


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def test_a_writer_whose_crawl_died_mid_item_stops_and_leaves_the_store_whole(tmp_path):
    db = tmp_path / "orphan.db"
    crawl = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(db), "120"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    writer = int(crawl.stdout.readline())
    crawl.wait(timeout=120)
    assert crawl.returncode == -9, crawl.stderr.read()[-2000:]
    # A bound for a writer stuck for ever, not a measure of speed: a healthy orphan is gone in
    # well under a second.
    deadline = time.monotonic() + 60
    while _alive(writer) and time.monotonic() < deadline:
        time.sleep(0.05)
    lingering = _alive(writer)
    if lingering:
        subprocess.run(["kill", "-9", str(writer)], check=False)
    assert not lingering, "the orphaned store writer outlived its crawl by 60 s"
    assert store_violations(db, allow_running=True) == []
    assert 0 <= count(db, "SELECT count(*) FROM fetch_failures") <= 120
