"""docs/cli.md, the command reference: every command's --help, rendered as the CLI prints it.

Regenerate after changing a command, an option or a help text::

    .venv/bin/python tests/support/cli_reference.py > docs/cli.md

``tests/test_cli_docs.py`` fails while docs/cli.md differs from what this renders.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

WIDTH = 100
HEADER = """# Command reference

Every `bulletin` command with its `--help`, as the program prints it (generated: run
`.venv/bin/python tests/support/cli_reference.py > docs/cli.md` after changing a command; a test
fails while this page and the program disagree). Guides: [operations.md](operations.md),
[archivists.md](archivists.md), [alerts.md](alerts.md), [configuration.md](configuration.md).
"""


def commands(group: click.Group | None = None, prefix: tuple[str, ...] = ()):
    """``(path, command)`` for every command and group under ``group``, in order: ``("alerts", "send")``."""
    if group is None:
        from crawler.cli import cli as group
    for name in sorted(group.commands):
        command = group.commands[name]
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


def help_text(path: tuple[str, ...]) -> str:
    from crawler.cli import cli

    context = click.Context(
        cli,
        info_name="bulletin",
        terminal_width=WIDTH,
        max_content_width=WIDTH,
        **cli.context_settings,
    )
    command = cli
    for name in path:
        command = command.commands[name]
        context = click.Context(
            command, info_name=name, parent=context, terminal_width=WIDTH, max_content_width=WIDTH
        )
    return command.get_help(context)


def render() -> str:
    parts = [HEADER, "## bulletin\n", "```\n" + help_text(()) + "\n```\n"]
    for path, _command in commands():
        parts.append(f"## bulletin {' '.join(path)}\n")
        parts.append("```\n" + help_text(path) + "\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.stdout.write(render())
