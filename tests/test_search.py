import itertools
import random
import sqlite3
import threading
from pathlib import Path

import pytest

import storage.search as search_module
from storage import FetchedRelease, InvalidArgument, Store
from storage.search import fold, search
from support.harness import Clock
from support.store import sql

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "yueyang-bulletin-2022-12-14.txt"
SEED_TEXT = (
    SEED.read_text(encoding="utf-8")
    if SEED.exists()
    else (
        "12月14日上午,市委貫徹落實中央、省委統(tǒng)戰(zhàn)工作有關會議精神大會召開,市委書記曹普華出席並講話。"
        "他強調,要鞏固和發展最廣泛的愛國統(tǒng)一戰(zhàn)線。"
    )
)


def release(url, title, body, published_at, *, source="本网", column=None, raw=b"<html></html>"):
    return FetchedRelease(
        url=url,
        title=title,
        body=body,
        published_at=published_at,
        source=source,
        column=column,
        raw_body=raw,
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "bulletin.db", clock=Clock()) as store:
        for site in ("yueyang", "hunan", "hk"):
            store.ensure_site(site)
        crawl = store.start_crawl("yueyang")  # the baseline crawl
        store.record_release(
            "yueyang",
            release(
                "http://www.yueyang.gov.cn/art/1.html",
                "市委貫徹落實中央省委統(tǒng)戰(zhàn)工作有關會議精神大會召開",
                SEED_TEXT,
                "2022-12-14T15:00:00+08:00",
                source="岳陽日報",
                column="學習貫徹",
            ),
            crawl_id=crawl,
        )
        store.finish_crawl(crawl)
        crawl = store.start_crawl("yueyang")
        store.record_release(
            "yueyang",
            release(
                "http://www.yueyang.gov.cn/art/2.html",
                "岳阳市召开统战工作会议",
                "全市统战系统负责同志参加会议。",
                "2023-01-05",
                source="市委统战部",
                column="要闻动态",
            ),
            crawl_id=crawl,
        )
        store.record_release(
            "yueyang",
            release(
                "http://www.yueyang.gov.cn/art/3.html",
                "关于２０２３年防汛工作的通知",
                "各县市区：做好防汛抗旱ＡＢＣ准备。",
                "2023-06-01T09:30:00+08:00",
                source="市应急管理局",
                column="通知公告",
            ),
            crawl_id=crawl,
        )
        store.finish_crawl(crawl)
        store.record_release(
            "hunan",
            release(
                "http://www.hunan.gov.cn/a/9.html",
                "省政府常务会议",
                "研究部署乡村振兴工作。岳阳、常德参加。",
                "2023-03-10T10:00:00+08:00",
                source="湖南日报",
                column="要闻",
            ),
        )
        store.record_release(
            "hk",
            release(
                "https://www.info.gov.hk/gia/general/1.htm",
                "Health notice: flu season",
                "The Department of Health reminds the public to get vaccinated.",
                "2023-02-01T12:00:00+08:00",
                source="Department of Health",
            ),
        )
        yield store


def urls(hits):
    return [hit["url"].rsplit("/", 1)[-1] for hit in hits]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("统战工作", ["2.html", "1.html"]),
        ("統戰工作", ["2.html", "1.html"]),
        ("统战", ["2.html", "1.html"]),
        ("統戰", ["2.html", "1.html"]),
        ("岳阳", ["9.html", "2.html", "1.html"]),
        ("曹普华", ["1.html"]),
        ("鞏固和發展", ["1.html"]),
        ("巩固和发展", ["1.html"]),
        ("2023年", ["3.html"]),
        ("abc", ["3.html"]),
        ("防汛", ["3.html"]),
        ("汛", ["3.html"]),
        ("health", ["1.htm"]),
        ("HEALTH", ["1.htm"]),
        ("vaccinated", ["1.htm"]),
        ("统战 会议", ["2.html", "1.html"]),
        ("统战 防汛", []),
        ("台湾", []),
        ("不存在的词语", []),
    ],
    ids=[
        "substring",
        "traditional-query",
        "two-chars",
        "two-chars-traditional",
        "two-chars-across-sites",
        "name-in-pinyin-text",
        "traditional-text",
        "simplified-finds-traditional",
        "full-width-digits",
        "full-width-letters",
        "two-chars-in-body",
        "one-char",
        "latin-word",
        "latin-case",
        "latin-body",
        "two-terms",
        "terms-in-different-releases",
        "unknown-two-chars",
        "unknown-phrase",
    ],
)
def test_search_finds(store, query, expected):
    assert urls(search(store, query)) == expected


def test_pinyin_annotations_are_invisible_to_search(store):
    # The seed text writes 統(tǒng)戰(zhàn): the characters are not adjacent in the stored text.
    assert "統(tǒng)戰(zhàn)" in store.versions(1)[0]["body"]
    assert urls(search(store, "省委统战工作")) == ["1.html"]
    assert urls(search(store, "tǒng")) == []


def test_stored_text_is_not_altered(store):
    version = store.versions(1)[0]
    assert version["title"] == "市委貫徹落實中央省委統(tǒng)戰(zhàn)工作有關會議精神大會召開"
    assert version["body"] == SEED_TEXT


def test_result_fields_and_snippet(store):
    hit = search(store, "统战工作")[0]
    assert {"id", "site", "url", "title", "source", "published_at", "snippet"} <= set(hit)
    assert (
        hit["site"] == "yueyang"
        and hit["source"] == "市委统战部"
        and hit["published_at"] == "2023-01-05"
    )
    assert hit["title"] == "岳阳市召开统战工作会议"
    # The body does not contain the whole phrase; the snippet comes from the title then.
    assert hit["snippet"] == "岳阳市召开[统战工作]会议"


def test_snippet_shows_the_original_characters_without_pinyin(store):
    hit = search(store, "统战")[1]
    assert "[統戰]" in hit["snippet"]
    assert "tǒng" not in hit["snippet"] and "zhàn" not in hit["snippet"]


@pytest.mark.parametrize(
    "filters,expected",
    [
        ({"site": "hunan"}, ["9.html"]),
        ({"since": "2023-01-01"}, ["9.html", "2.html"]),
        ({"until": "2023-01-05"}, ["2.html", "1.html"]),
        ({"since": "2023-01-05", "until": "2023-01-05"}, ["2.html"]),
        ({"source": "湖南"}, ["9.html"]),
        ({"source": "岳阳日报"}, ["1.html"]),
        ({"column": "学习"}, ["1.html"]),
        ({"column": "要闻"}, ["9.html", "2.html"]),
        ({"kind": "new"}, ["9.html", "2.html"]),
        ({"kind": "edited"}, []),
        ({"kind": "removed"}, []),
        ({"limit": 1}, ["9.html"]),
    ],
    ids=[
        "site",
        "since",
        "until-inclusive",
        "one-day",
        "source",
        "source-traditional",
        "column-traditional",
        "column-several",
        "kind-new-skips-baseline",
        "kind-edited",
        "kind-removed",
        "limit",
    ],
)
def test_search_filters(store, filters, expected):
    assert urls(search(store, "岳阳", **filters)) == expected


def test_bad_date_is_refused(store):
    with pytest.raises(
        InvalidArgument, match="^since: expected a date YYYY-MM-DD, got 'yesterday'$"
    ):
        search(store, "岳阳", since="yesterday")


def test_latest_version_by_default_all_versions_on_request(store):
    store.record_release(
        "yueyang",
        release(
            "http://www.yueyang.gov.cn/art/2.html",
            "岳阳市召开统一战线工作会议",
            "全市负责同志参加会议。",
            "2023-01-05",
            source="市委统战部",
        ),
    )
    assert urls(search(store, "统战系统")) == []
    hits = search(store, "统战系统", all_versions=True)
    assert urls(hits) == ["2.html"]
    assert (hits[0]["version"], hits[0]["versions"]) == (1, 2)
    assert "[统战系统]" in hits[0]["snippet"]
    both = search(store, "工作会议", all_versions=True)
    assert [(urls([h])[0], h["version"]) for h in both][:2] == [("2.html", 2), ("2.html", 1)]
    assert urls(search(store, "统一战线")) == ["2.html", "1.html"]


def test_kind_filter_sees_edits_and_removals(store):
    store.record_release(
        "yueyang",
        release(
            "http://www.yueyang.gov.cn/art/2.html",
            "岳阳市召开统战工作会议（更正）",
            "全市统战系统负责同志参加会议。",
            "2023-01-05",
        ),
    )
    sql(store, "UPDATE releases SET status = 'removed' WHERE id = 4")
    sql(
        store,
        "INSERT INTO events (kind, site, release_id, detected_at) "
        "VALUES ('removed', 'hunan', 4, '2024-03-02T00:00:00+00:00')",
    )
    assert urls(search(store, "岳阳", kind="edited")) == ["2.html"]
    assert urls(search(store, "岳阳", kind="removed")) == ["9.html"]
    assert search(store, "岳阳", kind="removed")[0]["status"] == "removed"


@pytest.mark.parametrize(
    "query",
    ['"统战"', "统战*", "AND", "(统战", "NEAR(统战 工作)", "统战 OR", "'", "%", "_"],
    ids=["quotes", "star", "and", "paren", "near", "or", "apostrophe", "percent", "underscore"],
)
def test_query_syntax_is_plain_text(store, query):
    search(store, query)  # never an FTS5 syntax error


def test_empty_query_is_refused(store):
    with pytest.raises(InvalidArgument, match="empty search query"):
        search(store, "   ")


def test_two_character_queries_match_at_the_end_of_a_text(store):
    store.record_release(
        "hunan", release("http://www.hunan.gov.cn/a/10.html", "尾", "这是结尾", "2023-03-11")
    )
    assert urls(search(store, "结尾")) == ["10.html"]
    assert urls(search(store, "尾")) == ["10.html"]


@pytest.mark.parametrize("max_terms", [3000, 1], ids=["vocabulary", "scan"])
def test_short_queries_agree_with_a_plain_scan(tmp_path, monkeypatch, max_terms):
    monkeypatch.setattr(search_module, "MAX_VOCAB_TERMS", max_terms)
    rng = random.Random(7)
    alphabet = "统战工作會議岳陽的a"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(60)]
    with Store(tmp_path / "b.db", clock=Clock()) as store:
        store.ensure_site("s")
        for i, text in enumerate(texts):
            store.record_release(
                "s",
                release(
                    f"http://s.gov.cn/{i}.html",
                    None,
                    text,
                    f"2023-01-{i % 28 + 1:02d}",
                    source=None,
                ),
            )
        queries = list(alphabet) + ["".join(p) for p in itertools.product(alphabet, repeat=2)]
        queries += ["".join(rng.choice(alphabet) for _ in range(3)) for _ in range(40)]
        for query in queries:
            expected = {f"{i}.html" for i, text in enumerate(texts) if fold(query) in fold(text)}
            assert set(urls(search(store, query, limit=100, substring=True))) == expected, query


def test_results_are_newest_first_by_publish_time(store):
    store.record_release(
        "hunan", release("http://www.hunan.gov.cn/a/11.html", "岳阳旧闻", "", "2001-01-01")
    )
    store.record_release(
        "hunan",
        release("http://www.hunan.gov.cn/a/12.html", "岳阳新闻", "", "2030-01-01T00:00:00+08:00"),
    )
    hits = search(store, "岳阳", limit=100)
    assert urls(hits)[0] == "12.html" and urls(hits)[-1] == "11.html"


def test_rebuilding_the_index_gives_the_same_results(store):
    before = [search(store, q) for q in ("统战", "岳阳", "防汛工作", "health")]
    store.rebuild_index()
    assert [search(store, q) for q in ("统战", "岳阳", "防汛工作", "health")] == before


def test_migration_indexes_versions_stored_before_it(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.ensure_site("s")
        store.record_release("s", release("http://s.gov.cn/1.html", "統戰", "正文", "2023-01-01"))
        for statement in (
            "DROP TABLE search_vocab",
            "DROP TABLE search_trigrams",
            "DROP TABLE search_fts",
            "DROP TABLE search_docs",
            "DROP VIEW edits",
            "DROP VIEW removed_releases",
        ):
            sql(store, statement)
        sql(
            store,
            "DELETE FROM _sqlite_migrations WHERE name IN ('m010_search', 'm011_search_trigrams')",
        )
    with Store(path) as store:
        assert urls(search(store, "统战")) == ["1.html"]


def test_reader_is_never_blocked_nor_shown_half_a_release(tmp_path):
    path = tmp_path / "live.db"
    with Store(path) as writer:
        writer.ensure_site("s")
    errors, seen = [], []
    done = threading.Event()

    def crawl():
        try:
            with Store(path) as store:
                for i in range(150):
                    store.record_release(
                        "s",
                        release(
                            f"http://s.gov.cn/{i}.html",
                            f"第{i}号通知",
                            f"统战工作{i}号",
                            "2023-01-01",
                        ),
                    )
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            done.set()

    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    # A long read transaction held open while the crawl writes: WAL lets both go on.
    reader.execute("BEGIN")
    frozen = reader.execute("SELECT count(*) FROM releases").fetchone()[0]
    thread = threading.Thread(target=crawl)
    thread.start()
    with Store(path) as archivist:
        while not done.is_set():
            for hit in search(archivist, "统战工作", limit=500):
                assert (
                    hit["title"]
                    == f"第{hit['snippet'].split('[统战工作]')[1].split('号')[0]}号通知"
                )
                seen.append(hit["id"])
            orphans = archivist.db.execute(
                """SELECT count(*) FROM releases r LEFT JOIN versions v ON v.id = r.current_version_id
                   LEFT JOIN search_docs d ON d.version_id = v.id
                   WHERE v.id IS NULL OR d.version_id IS NULL"""
            ).fetchone()[0]
            assert orphans == 0
    thread.join()
    assert not errors
    assert reader.execute("SELECT count(*) FROM releases").fetchone()[0] == frozen
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM releases").fetchone()[0] == 150
    reader.close()
    assert seen


def test_files_indexed_before_the_trigram_table_get_it(tmp_path):
    path = tmp_path / "m010.db"
    with Store(path) as store:
        store.ensure_site("s")
        store.record_release("s", release("http://s.gov.cn/1.html", "統戰", "正文", "2023-01-01"))
        sql(store, "DROP TABLE search_trigrams")
        sql(store, "DELETE FROM _sqlite_migrations WHERE name = 'm011_search_trigrams'")
    with Store(path) as store:
        assert urls(search(store, "统战")) == ["1.html"]
        assert urls(search(store, "文")) == ["1.html"]


def test_a_rolled_back_record_leaves_no_trigram_behind_for_short_queries(tmp_path, monkeypatch):
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("x")

        def fail(*args, **kwargs):  # the event row, written after the version and its index rows
            raise RuntimeError("disk full")

        monkeypatch.setattr(Store, "_insert_event", fail)
        with pytest.raises(RuntimeError):
            store.record_release(
                "x", release("http://x.gov.cn/1.html", "罕见词汇", "罕见词汇出现", "2024-01-01")
            )
        monkeypatch.undo()
        store.record_release(
            "x", release("http://x.gov.cn/2.html", "罕见词汇", "罕见词汇出现", "2024-01-01")
        )
        assert urls(search(store, "罕见")) == ["2.html"]


def fts_is_consistent(store):
    # FTS5's own check: every index entry matches its external content row and vice versa.
    sql(store, "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
    return True


def test_a_batch_is_indexed_once_it_commits_and_a_failed_record_in_it_is_not(tmp_path, monkeypatch):
    path = tmp_path / "batch.db"
    with Store(path) as store:
        store.ensure_site("x")
        real_insert_event = Store._insert_event

        calls = itertools.count(1)

        def fail_for_the_second(self, *args, **kwargs):
            if next(calls) == 2:
                raise RuntimeError("disk full")
            return real_insert_event(self, *args, **kwargs)

        monkeypatch.setattr(Store, "_insert_event", fail_for_the_second)
        with store.batch():
            for i in (1, 2, 3):
                try:
                    store.record_release(
                        "x",
                        release(
                            f"http://x.gov.cn/{i}.html",
                            f"批量通知{i}",
                            "批量写入的正文",
                            "2024-01-01",
                        ),
                    )
                except RuntimeError:
                    pass
            with Store(path) as reader:  # another connection sees nothing of the open batch
                assert search(reader, "批量写入") == []
        monkeypatch.undo()
        with Store(path) as reader:
            assert sorted(urls(search(reader, "批量写入"))) == ["1.html", "3.html"]
            assert sorted(urls(search(reader, "批量"))) == ["1.html", "3.html"]
        assert fts_is_consistent(store)
        assert store._pending.rows == []


def test_a_failed_batch_leaves_nothing_to_write_later(tmp_path):
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("x")
        with pytest.raises(RuntimeError):
            with store.batch():
                store.record_release(
                    "x", release("http://x.gov.cn/1.html", "撤回的批次", "不应留下", "2024-01-01")
                )
                raise RuntimeError("crawl stopped")
        store.record_release(
            "x", release("http://x.gov.cn/2.html", "下一次写入", "正常内容", "2024-01-02")
        )
        assert search(store, "不应留下") == []
        assert urls(search(store, "正常内容")) == ["2.html"]
        assert fts_is_consistent(store)


@pytest.fixture
def english(tmp_path):
    with Store(tmp_path / "en.db", clock=Clock()) as store:
        store.ensure_site("gov")
        for i, (title, body) in enumerate(
            [
                ("The rates fall again", "Interest rates fell; the board met."),
                ("He said", "He spoke to the press about café opening hours."),
                ("Health notice", "Vaccinated people should still take care."),
            ]
        ):
            store.record_release(
                "gov",
                release(
                    f"https://gov.example/{i}.html",
                    title,
                    body,
                    f"2024-01-0{i + 1}",
                    source="Press office",
                ),
            )
        yield store


@pytest.mark.parametrize(
    "query,options,expected",
    [
        ("he", {}, ["1.html"]),
        ("HE", {}, ["1.html"]),
        ("he", {"substring": True}, ["2.html", "1.html", "0.html"]),
        ("rate", {}, []),
        ("rate*", {}, ["0.html"]),
        ("vaccin*", {}, ["2.html"]),
        ("vaccinated", {}, ["2.html"]),
        ("café", {}, ["1.html"]),
        ("caf", {}, []),
        ("press office", {}, ["2.html", "1.html", "0.html"]),
        ("fell;", {}, ["0.html"]),
        ("vaccin*", {"substring": True}, ["2.html"]),
    ],
    ids=[
        "short-word-not-inside-the",
        "case",
        "substring-flag",
        "no-partial-word",
        "prefix-star",
        "prefix-long",
        "whole-word",
        "accented",
        "accented-partial",
        "two-words",
        "punctuation-in-term",
        "star-with-substring",
    ],
)
def test_latin_terms_match_whole_words(english, query, options, expected):
    assert urls(search(english, query, **options)) == expected


def test_word_matching_leaves_chinese_substrings_alone(store):
    # Latin next to Chinese is a word boundary; Chinese terms still match anywhere.
    assert urls(search(store, "ABC")) == ["3.html"]
    assert urls(search(store, "统战")) == ["2.html", "1.html"]


def test_word_snippet_marks_only_whole_words(english):
    (hit,) = search(english, "he")
    assert hit["snippet"].startswith("[He] spoke to the press")


@pytest.mark.parametrize(
    "body,query,expected",
    [
        (
            "各县市区：做好防汛抗旱准备，确保安全。",
            "防汛",
            "各县市区：做好[防汛]抗旱准备，确保安全。",
        ),
        ("（一）關於２０２３年統戰工作！", "2023年统战", "（一）關於[２０２３年統戰]工作！"),
        ("市委統(tǒng)戰(zhàn)部：召開會議。", "统战部", "市委[統戰部]：召開會議。"),
        ("Ｔｈｅ ＷＴＯ，ｏｋ", "wto", "Ｔｈｅ [ＷＴＯ]，ｏｋ"),
    ],
    ids=[
        "full-width-punctuation",
        "full-width-digits-traditional",
        "pinyin-removed",
        "full-width-latin",
    ],
)
def test_snippets_show_the_stored_characters(tmp_path, body, query, expected):
    with Store(tmp_path / "s.db", clock=Clock()) as store:
        store.ensure_site("s")
        store.record_release(
            "s", release("http://s.gov.cn/1.html", "标题", body, "2023-01-01", source=None)
        )
        (hit,) = search(store, query)
        assert hit["snippet"] == expected


@pytest.mark.parametrize(
    "text,query",
    [
        ("乾隆年间", "乾隆"),
        ("乾燥天气", "干燥"),
        ("乾燥天气", "乾燥"),
        ("以此为藉口", "借口"),
        ("以此为借口", "藉口"),
        ("憑藉", "凭借"),
        ("統戰部", "统战部"),
    ],
    ids=[
        "qianlong",
        "dry-simplified-query",
        "dry-traditional",
        "pretext-traditional-text",
        "pretext-traditional-query",
        "rely-on",
        "united-front",
    ],
)
def test_search_and_keyword_filters_share_one_fold(tmp_path, text, query):
    from crawler.alerts import keywords_match

    with Store(tmp_path / "f.db", clock=Clock()) as store:
        store.ensure_site("s")
        store.record_release(
            "s", release("http://s.gov.cn/1.html", "标题", text, "2023-01-01", source=None)
        )
        assert urls(search(store, query)) == ["1.html"]
    assert keywords_match([query], [], [text])
    assert fold(text).find(fold(query)) >= 0


def test_the_fold_is_one_character_for_one_and_idempotent():
    from storage.normalize import fold_chars

    sample = "乾隆藉口反覆著名瀋陽沈阳麼么統戰ÀB"
    assert len(fold_chars(sample)) == len(sample)
    assert fold_chars(fold_chars(sample)) == fold_chars(sample)
    assert fold("沈阳") == "沈阳" and fold("瀋陽") == "沈阳"


@pytest.mark.parametrize("max_terms", [3000, 1], ids=["index", "scan"])
def test_whole_word_queries_agree_with_a_plain_scan(tmp_path, monkeypatch, max_terms):
    import re

    monkeypatch.setattr(search_module, "MAX_VOCAB_TERMS", max_terms)
    rng = random.Random(11)
    words = ["he", "the", "sea", "season", "a", "at", "that", "rate", "rates", "é", "café", "统战"]
    glue = [" ", " ", ", ", ". ", "-", "（", "统"]
    texts = [
        "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 6))).strip()
        for _ in range(80)
    ]
    with Store(tmp_path / "w.db", clock=Clock()) as store:
        store.ensure_site("s")
        for i, text in enumerate(texts):
            store.record_release(
                "s",
                release(
                    f"http://s.gov.cn/{i}.html",
                    None,
                    text,
                    f"2023-01-{i % 28 + 1:02d}",
                    source=None,
                ),
            )
        for query in [
            "he",
            "the",
            "sea",
            "season",
            "a",
            "at",
            "rate",
            "é",
            "café",
            "se",
            "eas",
            "ate",
            "t",
        ]:
            pattern = re.compile(rf"(?<![0-9a-zß-öø-ɏ]){re.escape(query)}(?![0-9a-zß-öø-ɏ])")
            expected = {f"{i}.html" for i, text in enumerate(texts) if pattern.search(fold(text))}
            assert set(urls(search(store, query, limit=100))) == expected, query
