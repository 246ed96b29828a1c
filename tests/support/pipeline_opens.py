"""``python tests/support/pipeline_opens.py BULLETIN-ARGS…``: run the real ``bulletin`` command in
this process with every ``Store`` opened counted, then print ``store opens: N`` last on stdout.

Pass ``-s BULLETIN_STORE_WRITER=thread`` to the crawl so the writer's connection is counted with
the crawl process's own.
"""

from __future__ import annotations

import atexit
import runpy
import sys

from storage import store as _store

opened: list[str] = []
_init = _store.Store.__init__


def _counted(self, *args, **kwargs):
    opened.append(str(args[0] if args else kwargs.get("path")))
    _init(self, *args, **kwargs)


if __name__ == "__main__":  # not in the extraction workers, which import this module again
    _store.Store.__init__ = _counted
    atexit.register(lambda: print(f"store opens: {len(opened)}", flush=True))
    sys.argv = ["bulletin", *sys.argv[1:]]
    runpy.run_module("crawler", run_name="__main__")
