"""The real ``bulletin`` command with the store's clock set: ``python monitor_cli.py ARGS…``.

``BULLETIN_TEST_NOW="MOMENT|EPOCH"`` (an ISO moment and the wall time it was taken at) makes every
``Store`` of the run read the clock as MOMENT plus the real time since EPOCH, so a scenario's crawls
can be days apart while each runs in seconds. Everything else is the CLI as shipped: its lock, the
crawl process, the store writer's process and the extraction workers. The clock is installed at
import, so the processes the crawl spawns (they import this module again as ``__mp_main__``) read
the same clock.
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta


def _install_clock() -> None:
    setting = os.environ.get("BULLETIN_TEST_NOW")
    if not setting:
        return
    moment, epoch = setting.split("|")
    base, since = datetime.fromisoformat(moment), float(epoch)

    def clock() -> datetime:
        return base + timedelta(seconds=time.time() - since)

    from storage import store as store_module

    original = store_module.Store.__init__

    def init(self, path, **kwargs):
        kwargs.setdefault("clock", clock)
        original(self, path, **kwargs)

    store_module.Store.__init__ = init


_install_clock()

if __name__ == "__main__":
    from crawler.cli import main

    main()
