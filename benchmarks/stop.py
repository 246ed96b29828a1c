"""How fast Ctrl-C stops `bulletin crawl`, and how many requests still go out after it.

A slow local site (tests/support/cli_site.py: 60 articles, each answering after --delay seconds)
is crawled by the real CLI (2 requests at a time, 0.3 s politeness delay); once the crawl is under
way it gets SIGINT. Printed: the requests the server saw after the signal, the seconds until
the process exited, its exit status and the crawl row's status::

    .venv/bin/python benchmarks/stop.py [--delay 1.0] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.cli_site import start_slow_site  # noqa: E402


def trial(delay: float, workdir: Path) -> dict:
    site = start_slow_site(60, delay, workdir / "requests.log")
    try:
        config = workdir / "sites.toml"
        config.write_text(
            f'[sites.slow]\nstart_urls = ["{site.url}list.html"]\n[sites.slow.politeness]\n'
            "download_delay = 0.3\nconcurrency = 2\nautothrottle = false\nretries = 0\ntimeout = 60\n",
            encoding="utf-8",
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crawler",
                "--db",
                str(workdir / "b.db"),
                "--config",
                str(config),
                "crawl",
                "--progress",
                "off",
                "-s",
                "DOWNLOAD_DELAY_JITTER=0",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while len(site.requests()) < 6:
            time.sleep(0.05)
        signalled = time.monotonic()
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=300)
        seconds = time.monotonic() - signalled
        late = [path for at, path in site.requests() if at > signalled]
        status = (
            sqlite3.connect(workdir / "b.db").execute("SELECT status FROM crawls").fetchone()[0]
        )
        return {"late": len(late), "seconds": seconds, "code": code, "status": status}
    finally:
        site.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--delay", type=float, default=1.0, help="seconds each article takes to answer"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for n in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="bulletin-stop-") as tmp:
            result = trial(args.delay, Path(tmp))
        print(
            f"trial {n + 1}: {result['late']} requests after SIGINT, exited after {result['seconds']:.1f} s "
            f"(status {result['code']}, crawl {result['status']})"
        )


if __name__ == "__main__":
    main()
