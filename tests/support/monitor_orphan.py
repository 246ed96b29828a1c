"""A crawl process that dies while writing an item to its store writer: ``python monitor_orphan.py DB N``.

It opens a crawl in ``DB``, starts the real store writer (``crawler.writer.run_writer`` in a
spawned process, as ``StorePipeline`` does), prints the writer's pid, queues ``N`` failed fetches,
then starts one more item it never finishes — the first bytes of a message whose length says
there is more — and SIGKILLs itself, as the OOM killer would in the middle of a large page's
write. What the orphaned writer does next is the test's to judge (``tests/test_monitor_orphan.py``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import struct
import sys
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(db: str, count: int) -> None:
    from crawler.items import FetchFailureItem
    from crawler.writer import run_writer
    from storage import Store

    with Store(db) as store:
        store.ensure_site("orphan", title="orphan")
        crawl_id = store.start_crawl("orphan")
    context = multiprocessing.get_context("spawn")
    items, results = context.Queue(256), context.Queue()
    writer = context.Process(
        target=run_writer,
        args=(db, "orphan", crawl_id, items, results, os.getpid(), {}),
        daemon=True,
    )
    writer.start()
    print(writer.pid, flush=True)
    for number in range(count):
        items.put(
            FetchFailureItem(
                site="orphan",
                url=f"http://orphan.example.gov.cn/{number}.html",
                reason="HTTP 500",
                page_kind="article",
                http_status=500,
            )
        )
    pipe = os.dup(items._writer.fileno())  # the crawl's write end, kept past close()
    items.close()
    items.join_thread()  # every whole item is in the pipe (or read)
    time.sleep(0.3)  # the writer is at work on them
    cut = struct.pack("!i", 1 << 20) + b"\x80\x05" + b"\0" * 98  # 100 of 1 MiB's bytes
    os.write(pipe, cut)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
