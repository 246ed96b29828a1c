"""What every command shares: the error mapping, exit codes, opening the store and the configuration."""

from __future__ import annotations

import contextlib
from datetime import UTC
from pathlib import Path

import click

from storage import BulletinError, InvalidArgument

EXIT_SITE_FAILED = 3
EXIT_UNDELIVERED = (
    3  # alerts remain undelivered (failed for good, waiting for a retry, or not tried)
)
EXIT_STORE_FAILED = 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


class BulletinGroup(click.Group):
    """A click group that turns :class:`BulletinError` into ``Error: <one line>`` and exit 1.

    A library's :class:`InvalidArgument` is a bad value of the flag it names: exit 2, like any
    value click itself refuses, in whichever command it comes from.
    """

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InvalidArgument as exc:
            raise click.BadParameter(flag_message(exc)) from exc
        except BulletinError as exc:
            raise click.ClickException(" ".join(str(exc).split())) from exc


def flag_message(exc: InvalidArgument) -> str:
    """A library's argument error in the CLI's terms: the argument ``since`` is the flag ``--since``."""
    return f"--{exc.argument.replace('_', '-')}: {exc.reason}"


def read_config(ctx):
    """The configuration named by ``--config`` (or its defaults), checked."""
    from ..config import load_config

    return load_config(ctx.obj["config"])


def open_store(ctx, must_exist: bool = True):
    """The store at ``--db``; a missing file is a one-line error unless ``must_exist`` is false."""
    from storage import Store

    path = Path(ctx.obj["db"])
    if must_exist and not path.exists():
        raise click.ClickException(
            f"{path}: no such database (run `bulletin crawl` first, or set --db / BULLETIN_DB)"
        )
    return Store(path)


def utc_iso(value: str, option: str = "--since") -> str:
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"not an ISO 8601 date or time: {value!r}", param_hint=option
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@contextlib.contextmanager
def stop_signals():
    """An event set by SIGINT or SIGTERM (those not ignored) while the block runs."""
    import signal
    import threading

    stopped = threading.Event()
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, lambda *_: stopped.set())
    try:
        yield stopped
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
