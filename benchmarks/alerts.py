"""Alert queueing: what the alert policy costs when a crawl closes.

    .venv/bin/python benchmarks/alerts.py [--events 20000] [--subscriptions 20]

Records ``--events`` new releases (Chinese bodies of ~1,500 characters) in one crawl of a real
store, with ``--subscriptions`` subscriptions: half of them filter on a keyword (title and body) that
about 2 % of the releases contain, a third are digests,
then times ``crawler.alerts.queue_alerts`` — the pass ``after_crawl`` runs when the crawl
closes: read the events past the cursor, decide per subscription, write the rows and move the
cursor — and a second pass with nothing new. Prints events/s and rows written.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.alerts import queue_alerts  # noqa: E402
from crawler.alerts.policy import deliver_after  # noqa: E402
from storage import FetchedRelease, Store  # noqa: E402

WORDS = "会议 通知 公告 规划 招标 预算 审计 交通 教育 住房 就业 环境 安全 工作 推进 落实".split()
#: What keyword subscriptions watch for; each is in about 2 % of the releases.
KEYWORDS = "统战 防汛 疫情 征收 拆迁 问责 处分 撤销 停产 召回".split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--subscriptions", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as work, Store(Path(work) / "alerts.db") as store:
        store.ensure_site("s")
        crawl = store.start_crawl("s")
        store.record_release(
            "s", FetchedRelease(url="http://s.gov.cn/0.html", title="基线"), crawl_id=crawl
        )
        store.finish_crawl(crawl)  # the baseline: later events are news
        subscriptions = [
            {
                "name": f"sub{i}",
                "channel": "email",
                "target": [f"r{i}@example.org"],
                "kinds": ["new", "edited"],
                "keywords_any": [rng.choice(KEYWORDS)] if i % 2 else [],
                "keywords_in": ["title", "body"],
                "delivery": "digest" if i % 3 == 0 else "immediate",
                "digest_at": "08:00",
                "timezone": "Asia/Shanghai",
            }
            for i in range(args.subscriptions)
        ]
        store.outbox.sync_subscriptions(subscriptions, deliver_after=deliver_after)
        crawl = store.start_crawl("s")
        started = time.perf_counter()
        with store.batch():
            for n in range(1, args.events + 1):
                body = "。".join("".join(rng.choices(WORDS, k=12)) for _ in range(30))
                if rng.random() < 0.2:
                    body += rng.choice(KEYWORDS)
                title = "关于" + "".join(rng.choices(WORDS, k=3)) + "的通知"
                store.record_release(
                    "s",
                    FetchedRelease(url=f"http://s.gov.cn/{n}.html", title=title, body=body),
                    crawl_id=crawl,
                )
        recorded = time.perf_counter() - started
        store.finish_crawl(crawl)
        started = time.perf_counter()
        rows = queue_alerts(store)
        queued = time.perf_counter() - started
        started = time.perf_counter()
        again = queue_alerts(store)
        idle = time.perf_counter() - started
    print(f"{args.events:,} events recorded in {recorded:.1f} s ({args.events / recorded:,.0f}/s)")
    print(
        f"queue_alerts, {args.subscriptions} subscriptions ({args.subscriptions // 2} with keywords): "
        f"{queued:.2f} s, {args.events / queued:,.0f} events/s, {rows:,} rows"
    )
    print(f"second pass, nothing new: {idle * 1000:.1f} ms, {again} rows")


if __name__ == "__main__":
    main()
