"""The documentation and the program agree: every command has help and is documented, the
command reference is current, every command documented with --json takes it, tables are whole."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from support.cli_reference import commands, render
from support.harness import ROOT

DOCS = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    ROOT / "crawler" / "demo" / "README.md",
]
#: Commands that run until stopped, or write a file of their own, and print no report to put in JSON.
WITHOUT_JSON = {"serve", "datasette", "demo", "feed"}
COMMANDS = [(" ".join(path), command) for path, command in commands()]
LEAVES = [(name, command) for name, command in COMMANDS if not isinstance(command, click.Group)]


def _docs_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in DOCS)


@pytest.mark.parametrize("name, command", COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_and_option_has_help(name, command):
    assert (command.help or "").strip(), f"bulletin {name} has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert (param.help or "").strip(), f"bulletin {name} {param.opts[0]} has no help text"


@pytest.mark.parametrize("name", [name for name, _ in COMMANDS])
def test_every_command_is_documented_beyond_the_reference(name):
    text = _docs_text()
    assert re.search(rf"bulletin (?:\[[^\]]*\] |--?\w[\w-]* \S+ )*{re.escape(name)}\b", text), (
        f"`bulletin {name}` appears in none of README.md, docs/*.md"
    )


def test_the_command_reference_is_current():
    expected = render()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/cli.md is out of date: run "
        "`.venv/bin/python tests/support/cli_reference.py > docs/cli.md`"
    )


@pytest.mark.parametrize("name, command", LEAVES, ids=[name for name, _ in LEAVES])
def test_every_reporting_command_takes_json(name, command):
    options = {opt for param in command.params for opt in getattr(param, "opts", [])}
    if name in WITHOUT_JSON:
        assert "--json" not in options, (
            f"bulletin {name} takes --json now: drop it from WITHOUT_JSON and the docs"
        )
    else:
        assert "--json" in options, (
            f"bulletin {name} has no --json, but the docs say every such command does"
        )


def test_the_docs_name_the_commands_without_json():
    text = (ROOT / "docs" / "archivists.md").read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if "takes `--json`" in line)
    paragraph = text[text.index(sentence) :].split("\n\n")[0]
    assert sorted(re.findall(r"`(\w[\w-]*)`", paragraph.split("except")[1])) == sorted(
        WITHOUT_JSON
    ), paragraph


def test_every_command_shown_with_json_in_the_docs_takes_it():
    known = {name: command for name, command in COMMANDS}
    shown = set()
    for match in re.finditer(r"bulletin ((?:alerts )?[a-z][\w-]*)[^`\n]*?--json", _docs_text()):
        name = match.group(1)
        if name in known:
            shown.add(name)
            options = {opt for param in known[name].params for opt in getattr(param, "opts", [])}
            assert "--json" in options, (
                f"the docs show `{match.group(0)}`, but bulletin {name} has no --json"
            )
    assert {"events", "crawl", "alerts list"} <= shown


@pytest.mark.parametrize("name", sorted({name for name, _ in LEAVES} - WITHOUT_JSON))
def test_help_of_every_command_works(name):
    from crawler.cli import cli

    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0 and "--json" in result.output, result.output


@pytest.mark.parametrize("path", DOCS, ids=[str(path.relative_to(ROOT)) for path in DOCS])
def test_markdown_tables_are_whole(path):
    """Every table row sits under a header and its separator, with the header's cell count."""
    lines = path.read_text(encoding="utf-8").splitlines()
    in_code = False
    table_cells = None
    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            in_code = not in_code
        if in_code or not line.startswith("|"):
            table_cells = None if not line.startswith("|") else table_cells
            continue
        cells = len(re.findall(r"(?<!\\)\|", line.replace("`|`", "")))
        if table_cells is None:
            following = lines[number] if number < len(lines) else ""
            assert re.fullmatch(r"\|(\s*:?-{3,}:?\s*\|)+", following.strip()), (
                f"{path.name}:{number}: a table row without a header and separator above it"
            )
            table_cells = cells
        assert cells == table_cells, (
            f"{path.name}:{number}: {cells - 1} cells, the header has {table_cells - 1}"
        )
