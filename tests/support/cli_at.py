"""The real ``bulletin`` command at a moment of the store's clock:
``python tests/support/cli_at.py ISO_MOMENT BULLETIN_ARGS…``.

The store's clock starts at the moment and ticks with real time (``history.py``'s clock), so
windows such as ``removal_confirm_after`` and the revisit ages pass between runs as they would
between crawls hours apart. The store writer runs in a thread of the crawl process
(``BULLETIN_STORE_WRITER=thread``): a spawned writer process would read the real clock.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.history import _DayClock, _install_clock  # noqa: E402


def main(argv: list[str]) -> None:
    clock = _DayClock()
    clock.set(datetime.fromisoformat(argv[0]))
    _install_clock(clock)
    args = list(argv[1:])
    if "crawl" in args:
        at = args.index("crawl") + 1
        args[at:at] = ["-s", "BULLETIN_STORE_WRITER=thread"]
    from crawler.cli import cli

    cli(args, prog_name="bulletin")


if __name__ == "__main__":
    main(sys.argv[1:])
