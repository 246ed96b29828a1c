"""An upgrade of the extraction rules is a migration, not news: a version extracted by older rules
is re-extracted from its raw body before a refetch is compared with it (real crawls, real SQLite)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from crawler.extract import EXTRACTOR_REVISION
from storage import FetchedRelease, Store
from support.harness import run_cli, write_config
from support.sitemodel_site import ARTICLES, SITE_NAME, crawl, site_table, write_site

TITLE = ARTICLES[0][1]
FIRST, SECOND = ARTICLES[0][4]


@pytest.fixture
def site(serve_site, tmp_path):
    server = serve_site(write_site(tmp_path / "qingshan"))
    config = write_config(
        tmp_path / "sites.toml",
        {"qingshan": site_table(server.url)},
    )
    with config.open("a", encoding="utf-8") as out:  # alert rows are written for what it hears of
        out.write(
            '\n[webhooks.archive]\nurl = "http://127.0.0.1:9/hook"\nkinds = ["new", "edited"]\n'
        )
    return server, config, tmp_path / "bulletin.db"


def _as_older_rules_read_it(db, name):
    """Rewrite the current version of ``name`` as an older extractor left it (the site's suffix in
    the title, a panel missing from the body), with no extractor revision kept."""
    with Store(db) as store:
        [release] = [
            r for r in store.releases(site="qingshan", limit=100) if r["url"].endswith(name)
        ]
        version = store.versions(release["url"])[-1]
        store.reextract_version(
            version["id"],
            {
                "title": f"{version['title']}——{SITE_NAME}",
                "source": version["source"],
                "published_at": version["published_at"],
                "body": version["body"].replace(SECOND, "").strip(),
                "breadcrumb": version["breadcrumb"],
                "column": version["column_name"],
                "attachments": version["attachments"],
            },
            model_revision=version["model_revision"],
            extractor_revision=None,
        )
        return store.versions(release["url"])[-1]


def _current(db, name):
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [
            dict(row)
            for row in conn.execute(
                """SELECT v.* FROM versions v JOIN releases r ON r.id = v.release_id
                   WHERE r.url LIKE ? ORDER BY v.seq""",
                [f"%/{name}"],
            )
        ]


def _news(db):
    with sqlite3.connect(db) as conn:
        events = conn.execute(
            "SELECT kind, changed_fields, diff FROM events WHERE baseline = 0"
        ).fetchall()
        alerts = conn.execute("SELECT kind FROM alerts WHERE kind != 'baseline'").fetchall()
    return events, alerts


def test_an_unchanged_page_read_by_older_rules_is_no_edit(site):
    server, config, db = site
    crawl(db, config)
    fresh = _current(db, "a1.html")[-1]
    old = _as_older_rules_read_it(db, "a1.html")
    assert old["title"] != fresh["title"] and SECOND not in old["body"]
    summary = crawl(db, config, "--full").stdout
    assert _news(db) == ([], [])
    # The upgrade is counted apart from edits, in the summary and the crawl row.
    assert "refreshed       1 known releases re-read" in summary, summary
    with sqlite3.connect(db) as conn:
        refreshed = conn.execute("SELECT releases_refreshed FROM crawls ORDER BY id").fetchall()
    assert refreshed == [(0,), (1,)]
    [version] = _current(db, "a1.html")
    assert version["title"] == TITLE == fresh["title"]
    assert version["body"] == fresh["body"] and SECOND in version["body"]
    assert version["extractor_revision"] == EXTRACTOR_REVISION
    with Store(db) as store:
        upgrade = store.reextractions("qingshan")[0]  # the old values are kept
    assert upgrade["version_id"] == version["id"]
    assert (upgrade["previous_extractor_revision"], upgrade["extractor_revision"]) == (
        None,
        EXTRACTOR_REVISION,
    )
    assert sorted(upgrade["changed_fields"]) == ["body", "title"]
    assert upgrade["previous"]["title"] == old["title"]


def test_a_changed_page_read_by_older_rules_is_one_edit_against_the_new_reading(site):
    server, config, db = site
    crawl(db, config)
    _as_older_rules_read_it(db, "a1.html")
    page = server.root / "news" / "a1.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("总结去年工作", "总结2023年工作"), encoding="utf-8"
    )
    summary = json.loads(crawl(db, config, "--full", "--json").stdout)
    assert (summary["releases_edited"], summary["releases_refreshed"]) == (1, 1)
    events, alerts = _news(db)
    assert [(kind, json.loads(changed)) for kind, changed, _ in events] == [("edited", ["body"])]
    assert "2023" in events[0][2] and SECOND not in events[0][2]  # only what the site changed
    assert alerts == [("edited",)]
    before, after = _current(db, "a1.html")
    assert before["title"] == TITLE and SECOND in before["body"]  # refreshed in place
    assert before["extractor_revision"] == after["extractor_revision"] == EXTRACTOR_REVISION
    assert "总结2023年工作" in after["body"] and after["title"] == TITLE


def test_a_page_not_refetched_keeps_its_reading_until_it_is(site):
    server, config, db = site
    crawl(db, config)
    _as_older_rules_read_it(db, "a1.html")
    crawl(db, config)  # conditional requests: a1 answers 304 and is not parsed again
    [version] = _current(db, "a1.html")
    assert version["extractor_revision"] is None and SECOND not in version["body"]
    assert _news(db) == ([], [])


def test_site_model_rebuild_brings_every_version_to_the_current_rules(site):
    server, config, db = site
    crawl(db, config)
    for name in ("a1.html", "a2.html"):
        _as_older_rules_read_it(db, name)
    rebuilt = run_cli("site-model", "qingshan", "--rebuild", db=db)
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert _news(db) == ([], [])
    with sqlite3.connect(db) as conn:
        revisions = conn.execute(
            """SELECT DISTINCT v.extractor_revision FROM versions v
               JOIN releases r ON v.id = r.current_version_id"""
        ).fetchall()
    assert revisions == [(EXTRACTOR_REVISION,)]
    for name, (_, title, _, _, paragraphs) in zip(("a1.html", "a2.html"), ARTICLES[:2]):
        [version] = _current(db, name)
        assert version["title"] == title and paragraphs[1] in version["body"]


def test_a_fetch_equal_to_an_older_reading_stamps_it_without_a_parse(tmp_path):
    with Store(tmp_path / "bulletin.db") as store:
        store.ensure_site("qs", title="青山")
        fetched = FetchedRelease(
            url="http://qs.example/a1.html", title="标题", body="正文。", raw_body=b"<html>"
        )
        store.record_release("qs", fetched, crawl_id=store.start_crawl("qs"))
        fetched.extractor_revision = EXTRACTOR_REVISION
        fetched.breadcrumb = ["首页", "通知公告"]

        def refresh(version):
            raise AssertionError("the fetch is the re-extraction already")

        result = store.record_release(
            "qs", fetched, crawl_id=store.start_crawl("qs"), refresh=refresh
        )
        assert result.kind == "unchanged" and store.events("qs") == []
        [version] = store.versions("http://qs.example/a1.html")
        assert version["extractor_revision"] == EXTRACTOR_REVISION
        assert version["breadcrumb"] == ["首页", "通知公告"]
