"""Replay a history of one page: serve a sequence of captures of one URL, one real crawl per capture.

Each capture is served by ``replay_server.py`` in a subprocess and crawled with the page
configured as a single-page watch (``pages = [URL]``): :meth:`Replay.run` runs one real Scrapy
crawl per capture, all in one process a day apart on the store's clock (``history.py``), and
:meth:`Replay.crawl` one run of the real ``bulletin crawl`` CLI at the real time. What each crawl
recorded — events, failed fetches, the crawl row — is collected into one :class:`Day`::

    with Replay(tmp_path) as replay:
        days = replay.run([Capture(file=a), Capture(body=""), Capture(file=b)])
    assert [day.kinds for day in days] == [["new"], [], ["edited"]]

A capture is a file served from where it lies (pages of ``../shared/corpus`` are never copied),
or a text body, with an HTTP status and content type of its own. From a shell, a folder of
captures (in name order) replays with ``python tests/support/replay.py FOLDER``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

if __name__ == "__main__":  # run as a script: support/ is a package in tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.harness import ROOT, run_cli, write_config  # noqa: E402

SERVER = Path(__file__).with_name("replay_server.py")


@dataclass(frozen=True)
class Capture:
    """One response of the page: a file (served in place), a text body (sent as UTF-8) or raw
    bytes (``data``: a GBK page); ``truncate`` sends only that many bytes of it under the full
    Content-Length (or, with ``length=False``, under none)."""

    file: Path | None = None
    body: str | None = None
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    note: str = ""  # what the capture is, for messages: "edit", "empty 200", "bot check"…
    data: bytes | None = None
    truncate: int | None = None
    length: bool = True  # False: no Content-Length (the end of the body is the connection's)
    location: str | None = None  # with a 3xx status: where the page moved
    headers: tuple[tuple[str, str], ...] = ()  # more response headers (Last-Modified, Age…)

    def route(self, validators: bool, spill: Path | None = None) -> dict:
        """The server's route for this capture; raw ``data`` is written to a file in ``spill``."""
        route = {"status": self.status, "content_type": self.content_type, "validators": validators}
        if self.truncate is not None:
            route["truncate"] = self.truncate
        if not self.length:
            route["length"] = False
        if self.location:
            route["location"] = self.location
        if self.headers:
            route["headers"] = dict(self.headers)
        if self.data is not None:
            if spill is None:
                raise ValueError("a capture of raw bytes needs a folder to be served from")
            spill.mkdir(parents=True, exist_ok=True)
            path = spill / (hashlib.sha1(self.data).hexdigest()[:16] + ".capture")
            path.write_bytes(self.data)
            route["file"] = str(path.resolve())
        elif self.file is not None:
            route["file"] = str(Path(self.file).resolve())
        else:
            route["body"] = self.body or ""
        return route


@dataclass
class Day:
    """What one crawl of one capture recorded."""

    capture: Capture
    crawl: dict
    events: list[dict] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return [event["kind"] for event in self.events]

    def __str__(self) -> str:
        failed = "; ".join(f["reason"] for f in self.failures)
        return (
            f"{self.capture.note or self.capture.file or 'capture'}: {self.kinds} {failed}".strip()
        )


class Replay:
    """A page at ``path`` of a local server, watched by site ``name`` in ``workdir/bulletin.db``.

    ``site`` adds keys to the site's table in the generated ``sites.toml`` (for example
    ``{"removal_confirm_after": "0s"}``); ``validators`` makes the server answer conditional
    requests (ETag, 304) like most CMS front ends.
    """

    def __init__(
        self,
        workdir: Path,
        *,
        path: str = "/page.html",
        name: str = "watch",
        site: dict | None = None,
        validators: bool = True,
    ):
        self.workdir = Path(workdir)
        self.path = path
        self.name = name
        self.site = dict(site or {})
        self.validators = validators
        self.db = self.workdir / "bulletin.db"
        self.state = self.workdir / "replay-state.json"
        self.log = self.workdir / "replay-requests.log"
        self.process: subprocess.Popen | None = None
        self.base_url = ""

    @property
    def url(self) -> str:
        return self.base_url.rstrip("/") + self.path

    def start(self) -> Replay:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.state.write_text("{}", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER), str(self.state), "--log", str(self.log)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        line = self.process.stdout.readline().strip()
        if not line.startswith("http://"):
            self.stop()
            raise RuntimeError(f"replay server did not start: {line!r}")
        self.base_url = line
        table = {
            "pages": [self.url],
            "timezone": "Asia/Shanghai",
            **self.site,
            "politeness": {"obey_robots": False, **self.site.get("politeness", {})},
        }
        self.config = write_config(self.workdir / "sites.toml", {self.name: table})
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def __enter__(self) -> Replay:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def serve(self, capture: Capture, **routes: Capture) -> None:
        """Serve ``capture`` at the watched path (and other captures at other paths) from now on."""
        spill = self.workdir / "captures"
        state = {self.path: capture.route(self.validators, spill)}
        state.update({path: other.route(self.validators, spill) for path, other in routes.items()})
        self.state.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")

    def crawl(self, capture: Capture) -> Day:
        """Serve ``capture`` and run one crawl of it; what that crawl recorded."""
        from storage import Store

        self.serve(capture)
        result = run_cli("crawl", self.name, "--progress", "off", db=self.db, config=self.config)
        if result.exit_code not in (0, 3):  # 3: the crawl ran but got nothing usable (a faulty day)
            raise AssertionError(f"crawl failed ({result.exit_code}): {result.stderr[-2000:]}")
        with Store(self.db) as store:
            crawl = store.crawls(self.name, limit=1)[0]
            events = [
                e
                for e in store.events(self.name, include_baseline=True)
                if e["crawl_id"] == crawl["id"]
            ]
            failures = store.fetch_failures(crawl["id"])
        return Day(capture, crawl, events, failures)

    def run(self, captures, *, days: bool = True) -> list[Day]:
        """One crawl per capture, in order. With ``days`` (the default) the crawls run in one
        process a day apart on the store's clock (``history.py``: a tenth of the time); without,
        each is a ``bulletin crawl`` CLI run at the real time."""
        captures = list(captures)
        if not days:
            return [self.crawl(capture) for capture in captures]
        from support.history import Step, replay_history

        result, _ = replay_history(
            self.workdir,
            [Step(capture) for capture in captures],
            path=self.path,
            name=self.name,
            validators=self.validators,
            server=(self.base_url, self.state, self.config),
        )
        return result

    def versions(self) -> list[dict]:
        from storage import Store

        with Store(self.db) as store:
            return store.versions(self.url)


def main(argv: list[str]) -> int:
    """``python tests/support/replay.py CAPTURE…``: replay files (or every file of a folder, in name
    order) as one page's history and print what each crawl recorded. ``FILE@404`` serves the file
    with that status; ``@empty`` is an empty 200."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("captures", nargs="+")
    parser.add_argument("--path", default="/page.html", help="the URL path the page is served at")
    parser.add_argument(
        "--no-validators", action="store_true", help="serve without ETag/Last-Modified"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=TOML",
        help="a site key, e.g. --set removal_confirm_after='\"0s\"'",
    )
    args = parser.parse_args(argv)
    import tomllib

    site = {
        key: tomllib.loads(f"v = {value}")["v"]
        for key, value in (item.split("=", 1) for item in args.set)
    }
    captures = []
    for spec in args.captures:
        name, _, status = spec.partition("@")
        if not name and status == "empty":
            captures.append(Capture(body="", note="empty 200"))
            continue
        paths = (
            sorted(p for p in Path(name).iterdir() if p.is_file())
            if Path(name).is_dir()
            else [Path(name)]
        )
        captures.extend(Capture(file=p, status=int(status or 200), note=p.name) for p in paths)
    with (
        tempfile.TemporaryDirectory() as workdir,
        Replay(
            Path(workdir), path=args.path, site=site, validators=not args.no_validators
        ) as replay,
    ):
        for capture, day in zip(captures, replay.run(captures)):
            changed = ", ".join(
                f"{e['kind']} {e['changed_fields'] or ''}".strip() for e in day.events
            )
            failed = "; ".join(f["reason"] for f in day.failures)
            print(f"{capture.note}\t{changed or '-'}\t{failed}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
