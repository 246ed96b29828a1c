"""What every test uses: the project's paths, a store clock, a sites.toml writer, the real CLI in
a subprocess, and a site served in a subprocess (with the failure routes of fault_server.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
FAULT_SERVER = ROOT / "tests" / "support" / "fault_server.py"


class Clock:
    """A store clock that starts on 2024-03-01 08:00 UTC and ticks one minute per reading."""

    def __init__(self):
        self.now = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self):
        self.now += timedelta(minutes=1)
        return self.now


@dataclass
class SiteServer:
    """A site folder served in a subprocess by the demo server with the failure routes
    (``tests/support/fault_server.py``)."""

    url: str
    root: Path
    log_path: Path
    process: subprocess.Popen

    def requests(self) -> list[str]:
        """Request log lines (``METHOD PATH STATUS``) so far."""
        if not self.log_path.exists():
            return []
        return self.log_path.read_text(encoding="utf-8").splitlines()

    def paths(self) -> list[str]:
        return [line.split(" ")[1] for line in self.requests()]

    def clear_log(self) -> None:
        self.log_path.write_text("", encoding="utf-8")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_site_server(root: Path, log_path: Path, script: Path = FAULT_SERVER) -> SiteServer:
    """``script`` (the fault server unless told) serving ``root`` in a subprocess on a free port."""
    process = subprocess.Popen(
        [sys.executable, str(script), str(root), "--port", "0", "--log", str(log_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    line = process.stdout.readline().strip()
    if not line.startswith("http://"):
        process.kill()
        raise RuntimeError(f"{script.name} did not start: {line!r} {process.stderr.read()}")
    return SiteServer(line, root, log_path, process)


def write_config(path: Path, sites: dict) -> Path:
    """Write a sites.toml for tests: every site crawls fast and politely-enough for loopback."""
    lines = []
    for name, table in sites.items():
        lines.append(f"[sites.{name}]")
        for key, value in table.items():
            if key != "politeness":
                lines.append(f"{key} = {_toml(value)}")
        politeness = {
            "download_delay": 0,
            "autothrottle": False,
            "retries": 0,
            "timeout": 5,
            **table.get("politeness", {}),
        }
        lines.append(f"[sites.{name}.politeness]")
        lines.extend(f"{key} = {_toml(value)}" for key, value in politeness.items())
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(
    *args: str,
    db: Path | None = None,
    config: Path | None = None,
    cwd: Path | None = None,
    env: dict | None = None,
    timeout: float = 120,
) -> CliResult:
    """Run the real ``bulletin`` command (``python -m crawler``) in a subprocess."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("BULLETIN_DB", None)
    full_env.pop("BULLETIN_CONFIG", None)
    command = [sys.executable, "-m", "crawler"]
    if db is not None:
        command += ["--db", str(db)]
    if config is not None:
        command += ["--config", str(config)]
    done = subprocess.run(
        command + list(args),
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=timeout,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def demo_table(server, **extra) -> dict:
    """The demo site's config table for a server of it, in the demo's time zone."""
    from crawler.demo import demo_config

    return {**demo_config(server.url), "timezone": "Asia/Shanghai", **extra}
