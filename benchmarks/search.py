"""Search speed on a generated store: p95 latency of 3+ and 1–2 character queries, index size.

    .venv/bin/python benchmarks/search.py --releases 1000000 --db /tmp/bench-search.db

How the store is made: a real store file (``Store`` opens and migrates it), then releases and
versions are inserted in bulk with ``executemany`` and indexed with
:func:`storage.search.index_rows` — the same folding and the same index the store's writer uses
through ``index_version``, without the per-release transaction. Text is synthetic: sentences
drawn from a vocabulary of government-bulletin words and place names with Zipf-like
frequencies, one traditional-character release in ten, pinyin annotations in some; one release
in seven is English (its own Zipf vocabulary), for the whole-word matching of Latin terms.

Queries are sampled from the generated text (so their frequencies follow the corpus), plus a
share of words that never occur; each is run through :func:`storage.search.search` with the
default limit (20) and its snippets, on the latest versions.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage import Store  # noqa: E402
from storage.search import index_rows  # noqa: E402

WORDS = """
市委 市政府 人民政府 统战 统一战线 工作 会议 精神 贯彻 落实 中央 省委 书记 市长 主持 出席 讲话 强调
学习 宣传 党的二十大 全面 建设 社会主义 现代化 新湖南 岳阳 篇章 团结 奋斗 副书记 领导 参加 视频 方式
召开 各县市区 分会场 交流 发言 点评 近年来 全市 各级 各部门 特别是 坚持 习近平 新时代 中国特色 思想
指引 认真 总书记 关于 做好 重要 扎实 推进 各项 加强 共同 政治 基础 巩固 服务 中心 大局 成效 彰显
领域 发展 呈现 良好 局面 肯定 成绩 同时 清醒 存在 问题 短板 端正 分析 找出 症结 切实 解决 当前 今后
时期 首要 任务 法宝 深学笃行 方向 筑牢 之魂 持续 真功 把握 真理 见真章 引导 广大 成员 深刻 领悟 意义
增强 意识 坚定 自信 维护 根基 确保 始终 沿着 正确 前进 优势 贡献 之力 围绕 结合 起来 所需 所在 所长
省域 副中心 城市 担当 作为 调查 研究 扩充 聚焦 全会 决定 突破 提出 更多 金点子 乡村振兴 疫情防控
安全生产 生态环境 营商环境 招商引资 项目 建设 民生 实事 教育 医疗 卫生 健康 养老 就业 社会保障 住房
交通 水利 防汛 抗旱 农业 农村 农民 产业 园区 企业 经济 增长 投资 消费 出口 财政 预算 审计 监督 纪律
作风 廉洁 巡察 整改 通知 公告 意见 办法 规定 方案 报告 规划 政策 解读 公示 名单 招聘 考试 征求 听取
群众 代表 委员 政协 人大 常委会 审议 通过 批准 任命 免去 同志 职务 洞庭湖 长江 君山区 岳阳楼区 云溪区
华容县 湘阴县 平江县 临湘市 汨罗市 屈原 经开区 城陵矶 新港区 南湖 高铁 机场 码头 港口 物流 文化 旅游
""".split()
# English releases (one in seven), as English-language newsrooms write them: Latin terms match
# whole words, checked on the candidates the trigram index finds ("he" is in every "the").
ENGLISH = """
the of and to in a for on by with is that are as be at from this will has have was it its an or
government department council minister secretary public health notice press release statement
announcement policy regulation regulations consultation budget tax rates housing transport traffic
police fire safety school schools education hospital hospitals water flood weather warning typhoon
heat cold season vaccination vaccinated vaccine programme scheme fund funding grant grants support
business businesses trade economy employment jobs workers labour market survey report reports annual
quarterly figures statistics data published today yesterday week month year new further measures
said says he she they we officials spokesman spokeswoman residents citizens community district
""".split()
TRADITIONAL = str.maketrans(
    "统战会议贯彻落实书记长讲话学习宣传全面建设现代团结奋斗领导参发展经济卫生环境规划",
    "統戰會議貫徹落實書記長講話學習宣傳全面建設現代團結奮鬥領導參發展經濟衛生環境規劃",
)
PINYIN = {"统": "統(tǒng)", "战": "戰(zhàn)", "发": "發(fā)", "展": "展(zhǎn)"}
PUNCT = ["，", "，", "，", "、", "。", "；", "："]


def make_sentences(rng: random.Random, count: int) -> list[str]:
    cumulative, total = [], 0.0
    for rank, _ in enumerate(WORDS, 1):
        total += 1 / rank**0.8
        cumulative.append(total)
    return [
        "".join(rng.choices(WORDS, cum_weights=cumulative, k=rng.randint(4, 14)))
        + rng.choice(PUNCT)
        for _ in range(count)
    ]


def make_english(rng: random.Random, count: int) -> list[str]:
    cumulative, total = [], 0.0
    for rank, _ in enumerate(ENGLISH, 1):
        total += 1 / rank**0.8
        cumulative.append(total)
    return [
        " ".join(rng.choices(ENGLISH, cum_weights=cumulative, k=rng.randint(6, 18))).capitalize()
        + ". "
        for _ in range(count)
    ]


def make_text(rng: random.Random, sentences: list[str], chars: int) -> str:
    # Bodies are drawn from a pool of sentences: cheap to make, and bulletins repeat phrases too.
    return "".join(rng.choices(sentences, k=max(1, chars // 20)))


def generate(db_path: Path, releases: int, body_chars: int, seed: int = 6) -> float:
    rng = random.Random(seed)
    sentences = make_sentences(rng, 200_000)
    english = make_english(rng, 50_000)
    if db_path.exists():
        db_path.unlink()
    sites = ["yueyang", "hunan", "govcn"]
    with Store(db_path) as store:  # the schema, migrated, and the sites
        for site in sites:
            store.ensure_site(site)
    # Rows are bulk-loaded straight into the file: a million record_release calls would take hours.
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA synchronous = OFF")
    started = time.monotonic()
    batch = 5000
    for first in range(1, releases + 1, batch):
        ids = range(first, min(first + batch, releases + 1))
        release_rows, version_rows, index = [], [], []
        for i in ids:
            site = sites[i % 3]
            title = rng.choice(sentences).rstrip("，、。；：") + rng.choice(sentences).rstrip(
                "，、。；："
            )
            body = make_text(rng, sentences, max(20, int(rng.gauss(body_chars, body_chars / 3))))
            if i % 7 == 3:
                title = rng.choice(english).rstrip(". ")
                body = make_text(rng, english, max(60, int(rng.gauss(body_chars * 3, body_chars))))
            elif i % 10 == 0:
                title, body = title.translate(TRADITIONAL), body.translate(TRADITIONAL)
            if i % 20 == 0:
                body = "".join(PINYIN.get(ch, ch) for ch in body)
            day = 1_500_000_000 + i * 180  # one release every 3 minutes: ~5.7 years of bulletins
            published = time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(day))
            url = f"http://www.{site}.gov.cn/art/{i}.html"
            release_rows.append((i, site, url, "live", published, published, published, i))
            version_rows.append(
                (i, i, 1, published, "x", title, "本网", published, body, url, 200, None)
            )
            index.append((i, i, site, published, published, title, "本网", body))
        with conn:
            conn.executemany(
                """INSERT INTO releases (id, site, url, status, first_seen_at, last_seen_at, last_fetched_at,
                   current_version_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                release_rows,
            )
            conn.executemany(
                """INSERT INTO versions (id, release_id, seq, fetched_at, content_hash, title, source, published_at,
                   body, url, http_status, raw_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                version_rows,
            )
            index_rows(conn, index)
        done = ids[-1]
        if done % 100_000 == 0 or done == releases:
            print(f"  {done:>9,} releases  {time.monotonic() - started:7.1f} s", flush=True)
    with conn:
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    conn.close()
    return time.monotonic() - started


def sample_queries(
    conn: sqlite3.Connection, rng: random.Random, lengths: list[int], count: int, misses: float
) -> list[str]:
    top = conn.execute("SELECT max(id) FROM versions").fetchone()[0]
    queries = []
    while len(queries) < count:
        if rng.random() < misses:
            queries.append("".join(rng.choice("龘靐齉爩麤鱻") for _ in range(rng.choice(lengths))))
            continue
        row = conn.execute(
            "SELECT body FROM versions WHERE id = ?", [rng.randint(1, top)]
        ).fetchone()
        text = "".join(ch for ch in row[0] if "\u4e00" <= ch <= "\u9fff")
        if not text:  # an English release
            continue
        n = rng.choice(lengths)
        start = rng.randrange(0, max(1, len(text) - n))
        queries.append(text[start : start + n])
    return queries


def sample_english(conn: sqlite3.Connection, rng: random.Random, count: int) -> list[str]:
    """Whole words and two-word phrases from English releases, and words hiding inside others."""
    top = conn.execute("SELECT max(id) FROM versions").fetchone()[0]
    queries = ["he", "rate", "at", "on", "vaccin*", "sea"]  # in "the", "rates", "that", "month"...
    while len(queries) < count:
        row = conn.execute(
            "SELECT body FROM versions WHERE id = ?", [rng.randrange(3, top, 7)]
        ).fetchone()
        words = row[0].replace(".", "").split() if row else []
        if words:
            start = rng.randrange(len(words))
            queries.append(" ".join(words[start : start + rng.choice([1, 1, 2])]))
    return queries


def measure(store: Store, queries: list[str]) -> dict:
    times = []
    for query in queries:
        started = time.perf_counter()
        store.search(query, limit=20)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "queries": len(times),
        "median_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "max_ms": times[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=1_000_000)
    parser.add_argument(
        "--body-chars", type=int, default=200, help="mean body length in characters"
    )
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-search.db"))
    parser.add_argument("--reuse", action="store_true", help="query an existing benchmark database")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()

    if not args.reuse:
        print(
            f"generating {args.releases:,} releases (mean body {args.body_chars} characters) in {args.db}"
        )
        seconds = generate(args.db, args.releases, args.body_chars)
        print(f"generated and indexed in {seconds:.0f} s")
    started = time.monotonic()
    store = Store(args.db)  # a file made before a migration gets it here
    print(f"opened (and migrated) in {time.monotonic() - started:.0f} s")
    conn = sqlite3.connect(args.db)  # the benchmark's own reads of the file
    releases = conn.execute("SELECT count(*) FROM releases").fetchone()[0]
    rng = random.Random(66)
    long_queries = sample_queries(conn, rng, [3, 4, 5, 6], args.queries, misses=0.1)
    short_queries = sample_queries(conn, rng, [1, 2, 2, 2], args.queries, misses=0.1)
    english_queries = sample_english(conn, rng, args.queries)
    measure(store, long_queries[:20] + short_queries[:20])  # warm the page cache
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    sizes = (
        {
            name: conn.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?", [pattern]
            ).fetchone()[0]
            or 0
            for name, pattern in [
                ("search_fts (trigram index)", "search_fts%"),
                ("search_docs (folded text)", "search_docs"),
                ("search_trigrams (short-query vocabulary)", "search_trigrams"),
                ("versions", "versions"),
            ]
        }
        if _has_dbstat(conn)
        else {}
    )
    print(f"\nreleases: {releases:,}")
    print(f"database file: {os.path.getsize(args.db) / 2**20:,.0f} MiB (page size {page_size})")
    for name, size in sizes.items():
        print(f"  {name}: {size / 2**20:,.0f} MiB")
    for label, queries in [
        ("3+ characters", long_queries),
        ("1-2 characters", short_queries),
        ("English words (whole-word matching)", english_queries),
    ]:
        result = measure(store, queries)
        print(
            f"{label}: {result['queries']} queries, median {result['median_ms']:.1f} ms, "
            f"p95 {result['p95_ms']:.1f} ms, max {result['max_ms']:.1f} ms"
        )
    for n in (1, 2):
        result = measure(store, [q for q in short_queries if len(q) == n])
        print(
            f"  {n} character(s): median {result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, "
            f"max {result['max_ms']:.1f} ms"
        )
    store.close()


def _has_dbstat(conn) -> bool:
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1")
        return True
    except Exception:
        return False


if __name__ == "__main__":
    main()
