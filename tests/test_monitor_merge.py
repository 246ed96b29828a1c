"""Two releases that are one page: stored apart (before the alias table existed, or the new
address recorded before the old one was seen redirecting), merged by the first fetch that proves
it — the old URL redirecting to the other's page — without losing a version or an event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import FetchedRelease, Store
from support.invariants import store_violations
from support.store import sql

OLD = "http://x.gov.cn/xxgk/tzgg/202309/t20230905_1003.html"
NEW = "http://x.gov.cn/art/2023/9/5/art_3021_1003.html"


def _page(url, body="第一段。\n\n第二段。", **fields):
    return FetchedRelease(
        url=url,
        title="关于开展秋季安全生产大检查的通知",
        source="县人民政府办公室",
        published_at="2023-09-05T09:00:00+08:00",
        body=body,
        raw_body=b"<html></html>",
        **fields,
    )


def _store_apart(store, crawl):
    """The page stored twice: at its old address (two versions), then at its new one."""
    store.record_release("x", _page(OLD), crawl_id=crawl)
    store.record_release("x", _page(OLD, body="第一段。\n\n第二段（修订）。"), crawl_id=crawl)
    store.record_release("x", _page(NEW, body="第一段。\n\n第二段（修订）。"), crawl_id=crawl)


def test_two_releases_of_one_page_are_merged_by_the_first_redirect_losing_nothing(tmp_path):
    db = tmp_path / "b.db"
    with Store(db) as store:
        store.ensure_site("x", title="清溪县")
        crawl = store.start_crawl("x")
        _store_apart(store, crawl)
        before = sql(db, "SELECT id, release_id, kind FROM events ORDER BY id")
        versions = sql(db, "SELECT id, release_id, seq, content_hash FROM versions ORDER BY id")
        old_id, new_id = (store.release_id(OLD), store.release_id(NEW))
        assert old_id != new_id
        # The old URL now redirects to the new one: one release from now on.
        result = store.record_release(
            "x", _page(OLD, body="第一段。\n\n第二段（修订）。", final_url=NEW), crawl_id=crawl
        )
        assert (result.kind, result.release_id) == ("unchanged", new_id)
        assert store.release_id(OLD) == new_id
        assert sql(db, "SELECT id, status, merged_into FROM releases ORDER BY id") == [
            (old_id, "merged", new_id),
            (new_id, "live", None),
        ]
        assert sql(db, "SELECT url, release_id, moved FROM release_aliases") == [(OLD, new_id, 1)]
        # Nothing lost or rewritten: every version and event as recorded.
        assert sql(db, "SELECT id, release_id, kind FROM events ORDER BY id") == before
        assert (
            sql(db, "SELECT id, release_id, seq, content_hash FROM versions ORDER BY id")
            == versions
        )
        # No crawl asks for the merged one again: it is neither revisited nor removable.
        plan = store.revisit_plan("x", [1, 7, 30], now=datetime.now(UTC) + timedelta(days=40))
        assert (plan.live, plan.due) == (1, [NEW])
        store.record_missing(
            "x", OLD, "HTTP 404", crawl_id=crawl
        )  # the alias's miss is the release's
        assert sql(db, "SELECT status FROM releases WHERE id = ?", [old_id]) == [("merged",)]
    assert store_violations(db, allow_running=True) == []


def test_a_release_redirected_to_another_release_of_another_page_is_not_merged(tmp_path):
    db = tmp_path / "b.db"
    with Store(db) as store:
        store.ensure_site("x", title="清溪县")
        crawl = store.start_crawl("x")
        store.record_release("x", _page(OLD), crawl_id=crawl)
        other = FetchedRelease(
            url=NEW,
            title="清溪县2023年国民经济和社会发展统计公报",
            body="全年地区生产总值123.4亿元。\n\n比上年增长5.1%。",
            raw_body=b"<html></html>",
        )
        store.record_release("x", other, crawl_id=crawl)
        redirected = FetchedRelease(**{**other.__dict__, "url": OLD, "final_url": NEW})
        store.record_release("x", redirected, crawl_id=crawl)
        assert sql(db, "SELECT status, merged_into FROM releases ORDER BY id") == [
            ("live", None),
            ("live", None),
        ]


def test_the_history_of_a_merged_into_release_shows_the_merged_ones_entries(tmp_path):
    import json

    from click.testing import CliRunner

    from crawler.cli import cli

    db = tmp_path / "b.db"
    with Store(db) as store:
        store.ensure_site("x", title="清溪县")
        crawl = store.start_crawl("x")
        _store_apart(store, crawl)
        old_id, new_id = (store.release_id(OLD), store.release_id(NEW))
        store.record_release(
            "x", _page(OLD, body="第一段。\n\n第二段（修订）。", final_url=NEW), crawl_id=crawl
        )
        assert store.merged_releases(new_id) == [
            {"id": old_id, "url": OLD, "first_seen_at": store.release(old_id)["first_seen_at"]}
        ]
    run = CliRunner().invoke(cli, ["--db", str(db), "history", NEW, "--json"])
    entries = [json.loads(line) for line in run.output.splitlines()]
    assert sorted((e["release_id"], e["kind"], e["version"]) for e in entries) == [
        (old_id, "edited", 2),
        (old_id, "new", 1),
        (new_id, "new", 1),
    ]
    text = CliRunner().invoke(cli, ["--db", str(db), "history", NEW]).output
    assert f"merged:         release {old_id} ({OLD})" in text
    header = next(line for line in text.splitlines() if "when" in line)
    assert header.split()[:2] == ["release", "when"]
