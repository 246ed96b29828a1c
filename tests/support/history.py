"""Replay a long history fast: every capture one real crawl, all crawls in one process.

:class:`Replay` (``replay.py``) runs the ``bulletin crawl`` CLI once per capture, 2–3 s each;
fifty days of a page would take minutes. :func:`replay_history` starts one subprocess
(``python tests/support/history.py PLAN``) that serves the captures from a local HTTP server
(``replay_server.py``'s handler, in a thread) and runs one real Scrapy crawl of the site per
day in a single reactor — the real ``SiteSpider``, ``StorePipeline`` and ``Store`` on a real
SQLite file, the store writer in a thread and extraction inline (both are settings the CLI has,
``BULLETIN_STORE_WRITER`` and ``BULLETIN_EXTRACT_WORKERS``). What differs from the CLI is the
clock: each day's crawl sees the store's clock at that day's moment (``Capture`` ``at``, or one
day after the last), so windows such as ``removal_confirm_after`` pass between days as they
would between real daily captures.

    days = replay_history(tmp_path, [Step(capture, at=...), ...])
    assert [day.kinds for day in days] == [["new"], [], ["edited"]]

A step may also serve further paths (``routes``): a whole small site changes from one crawl to
the next (``start_urls`` in ``site``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __name__ == "__main__":  # run as a script: support/ is a package in tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.harness import ROOT, write_config  # noqa: E402
from support.replay import Capture, Day  # noqa: E402

START = datetime(2019, 1, 2, 1, 30, tzinfo=UTC)  # 09:30 in Beijing


@dataclass
class Step:
    """One day of a history: the watched page's capture (None: leave the page as it is, for a
    step that changes only ``routes``), other paths served that day, and when the crawl runs."""

    capture: Capture | None
    at: datetime | None = None
    routes: dict[str, Capture] = field(default_factory=dict)
    expect: list[str] | None = None  # event kinds this crawl must record; see score_days
    failed: bool = False  # True: the day's response is no page (a failed fetch, no event)


def replay_history(
    workdir: Path,
    steps: list[Step],
    *,
    path: str = "/page.html",
    name: str = "watch",
    site: dict | None = None,
    validators: bool | str = True,
    watch: bool = True,
    timeout: float = 600,
    server: tuple[str, Path, Path] | None = None,
) -> tuple[list[Day], dict]:
    """Run ``steps`` as one crawl each, in one process; returns each crawl's :class:`Day` and
    figures (``seconds`` in all, ``per_crawl``). ``site`` adds keys to the site's table (start
    URLs are written relative to the server: ``"/tzgg/index.html"``); ``watch`` adds the page at
    ``path`` as ``pages = [URL]``. ``server`` — ``(base URL, state file, sites.toml)`` of a
    running ``replay_server.py`` and its configuration (:class:`replay.Replay`'s) — serves the
    days instead of a server of the runner's own."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    spill = workdir / "captures"
    moment = START
    days = []
    for index, step in enumerate(steps):
        moment = step.at or (moment + timedelta(days=1) if index else START)
        routes = {p: c.route(validators, spill) for p, c in step.routes.items()}
        if step.capture is not None:
            routes[path] = step.capture.route(validators, spill)
        days.append({"at": moment.isoformat(), "routes": routes})
    plan = workdir / "history-plan.json"
    plan.write_text(
        json.dumps(
            {
                "workdir": str(workdir),
                "name": name,
                "path": path if watch else None,
                "site": site or {},
                "days": days,
                "server": [server[0], str(server[1]), str(server[2])] if server else None,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), str(plan)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )
    seconds = time.monotonic() - started
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or len(records) != len(steps):
        raise AssertionError(
            f"history replay failed ({done.returncode}, {len(records)} of {len(steps)} days): "
            f"{done.stderr[-3000:]}"
        )
    result = []
    last = None
    for step, record in zip(steps, records):
        last = step.capture or last
        result.append(Day(last or Capture(), record["crawl"], record["events"], record["failures"]))
    return result, {"seconds": seconds, "per_crawl": seconds / max(1, len(steps))}


def score_days(steps: list[Step], days: list[Day]) -> list[tuple[int, bool, str]]:
    """Each day judged: right when its crawl recorded exactly the expected event kinds, a failed
    fetch on a day whose response is no page, and no failed fetch on a day whose response is one.
    Returns ``(index, right, what happened)`` per day."""
    judged = []
    for index, (step, day) in enumerate(zip(steps, days)):
        expected = step.expect or []
        failures = [f["reason"] for f in day.failures if not f.get("missing")]
        misses = [f["reason"] for f in day.failures if f.get("missing")]
        right = sorted(day.kinds) == sorted(expected) and (
            bool(failures or misses) if step.failed else not failures
        )
        note = step.capture.note if step.capture else "(routes only)"
        judged.append(
            (
                index,
                right,
                f"day {index:2d} {note}: expected {expected}{' + failed fetch' if step.failed else ''}, "
                f"got {day.kinds} {'; '.join(failures + misses)}".rstrip(),
            )
        )
    return judged


# The runner: one process, one reactor, one crawl per day -----------------------------------


class _DayClock:
    """The store's clock during a replay: the day's moment, ticking with real time in the crawl."""

    def __init__(self):
        self.base = START
        self.since = time.monotonic()

    def set(self, moment: datetime) -> None:
        self.base, self.since = moment, time.monotonic()

    def __call__(self) -> datetime:
        return self.base + timedelta(seconds=time.monotonic() - self.since)


def _install_clock(clock: _DayClock) -> None:
    from storage import store as store_module

    original = store_module.Store.__init__

    def init(self, path, **kwargs):
        kwargs.setdefault("clock", clock)
        original(self, path, **kwargs)

    store_module.Store.__init__ = init


def _run(plan_path: str) -> int:
    import logging
    import threading
    from http.server import ThreadingHTTPServer

    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    workdir = Path(plan["workdir"])
    clock = _DayClock()
    _install_clock(clock)

    from support.replay_server import _Handler

    server = None
    if plan.get("server"):  # a running replay server, and the configuration written for it
        _base, state_file, config_file = plan["server"]
        state, config_path = Path(state_file), Path(config_file)
    else:
        state = workdir / "history-state.json"
        state.write_text("{}", encoding="utf-8")
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.state_path, server.log_path = str(state), str(workdir / "history-requests.log")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        table = dict(plan["site"])
        for key in ("start_urls", "pages"):
            if key in table:
                table[key] = [base + url if url.startswith("/") else url for url in table[key]]
        if plan["path"]:
            table["pages"] = [base + plan["path"], *table.get("pages", [])]
        table.setdefault("timezone", "Asia/Shanghai")
        table["politeness"] = {"obey_robots": False, **table.get("politeness", {})}
        config_path = write_config(workdir / "sites.toml", {plan["name"]: table})
    db = workdir / "bulletin.db"

    from scrapy.crawler import CrawlerRunner
    from scrapy.utils.reactor import install_reactor

    from crawler.config import load_config
    from crawler.runner import crawl_settings

    settings = crawl_settings(
        str(db),
        {
            "BULLETIN_STORE_WRITER": "thread",
            "BULLETIN_EXTRACT_WORKERS": 0,
            "BULLETIN_PROGRESS": "off",
            "BULLETIN_GC_FREEZE": False,
            "LOG_LEVEL": "ERROR",
        },
    )
    install_reactor(settings.get("TWISTED_REACTOR"))
    from twisted.internet import defer, reactor

    from spiders.site import SiteSpider
    from storage import Store

    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    site = load_config(config_path).site(plan["name"])
    runner = CrawlerRunner(settings)
    failed = []

    @defer.inlineCallbacks
    def days():
        try:
            for day in plan["days"]:
                state.write_text(json.dumps(day["routes"], ensure_ascii=False), encoding="utf-8")
                clock.set(datetime.fromisoformat(day["at"]))
                yield runner.crawl(SiteSpider, site=site)
                with Store(db) as store:
                    crawl = store.crawls(plan["name"], limit=1)[0]
                    events = [
                        e
                        for e in store.events(plan["name"], include_baseline=True)
                        if e["crawl_id"] == crawl["id"]
                    ]
                    failures = store.fetch_failures(crawl["id"])
                print(
                    json.dumps(
                        {"crawl": crawl, "events": events, "failures": failures},
                        ensure_ascii=False,
                        default=str,
                    ),
                    flush=True,
                )
        except Exception as exc:  # reported, then the reactor stops
            failed.append(exc)
            raise
        finally:
            reactor.stop()

    reactor.callWhenRunning(days)
    reactor.run(installSignalHandlers=False)
    if server is not None:
        server.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(_run(sys.argv[1]))
