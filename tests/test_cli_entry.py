"""The ways ``bulletin`` starts: the console script, ``python -m crawler`` (what the scheduler
spawns) and ``python -m crawler.cli`` (kept for scripts written before it)."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("module", ["crawler", "crawler.cli"])
def test_module_runs_the_bulletin_command(module):
    result = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: bulletin ") and "site-model" in result.stdout


@pytest.mark.parametrize("module", ["crawler", "crawler.cli"])
def test_module_keeps_the_usage_exit_status(module):
    result = subprocess.run(
        [sys.executable, "-m", module, "no-such-command"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "No such command" in result.stderr


def test_console_script_is_the_cli_main():
    from crawler.cli import main

    (script,) = entry_points(group="console_scripts", name="bulletin")
    assert script.load() is main
