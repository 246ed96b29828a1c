import asyncio
import json
from pathlib import Path

import pytest

from storage import FetchedRelease, Store
from conftest import Clock

datasette_app = pytest.importorskip("datasette.app")

METADATA = Path(__file__).resolve().parents[1] / "docs" / "datasette-metadata.json"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("datasette") / "bulletin.db"
    with Store(path, clock=Clock()) as store:
        store.ensure_site("yueyang", title="岳阳市人民政府")
        store.record_release("yueyang", FetchedRelease(
            url="http://www.yueyang.gov.cn/art/1.html", title="統(tǒng)戰(zhàn)工作會議", body="全市統戰工作會議召開。",
            published_at="2022-12-14T15:00:00+08:00", column="学习贯彻", raw_body=b"<html>1</html>"))
        store.record_release("yueyang", FetchedRelease(
            url="http://www.yueyang.gov.cn/art/1.html", title="統戰工作會議（更正）", body="全市統戰工作會議召開（更正）。",
            published_at="2022-12-14T15:00:00+08:00", raw_body=b"<html>2</html>"))
        store.record_release("yueyang", FetchedRelease(
            url="http://www.yueyang.gov.cn/art/2.html", title="防汛通知", body="做好防汛准备。", published_at="2023-06-01",
            raw_body=b"<html>3</html>"))
        store.db.execute("UPDATE releases SET status = 'removed' WHERE id = 2")
        store.db.execute("INSERT INTO events (kind, site, release_id, detected_at) "
                         "VALUES ('removed', 'yueyang', 2, '2024-03-02T00:00:00+00:00')")
    return path


def get(db_path, *paths):
    """Fetch paths from a Datasette serving ``db_path`` with the shipped metadata (no network)."""

    async def run():
        ds = datasette_app.Datasette(files=[str(db_path)], metadata=json.loads(METADATA.read_text(encoding="utf-8")))
        await ds.invoke_startup()
        return [await ds.client.get(path) for path in paths]

    return asyncio.run(run())


def test_metadata_names_every_table_and_view_it_describes(db_path):
    import sqlite3

    schema = sqlite3.connect(db_path).execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    names = {row[0] for row in schema}
    described = json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["bulletin"]["tables"]
    assert set(described) <= names
    for name in ("releases", "versions", "events", "latest_versions", "edits", "removed_releases", "search_docs"):
        assert described[name]["description"]


def test_datasette_serves_the_metadata(db_path):
    (response,) = get(db_path, "/-/metadata.json")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "bulletin-monitor archive"
    assert set(data["databases"]["bulletin"]["queries"]) == {
        "latest_releases", "recent_edits", "removed", "search", "search_short"}


def test_database_page_lists_tables_views_and_queries(db_path):
    (response,) = get(db_path, "/bulletin.json")
    assert response.status_code == 200
    data = response.json()
    tables = {t["name"]: t for t in data["tables"]}
    assert {"releases", "versions", "events", "search_docs"} <= set(tables)
    assert tables["search_docs"]["fts_table"] == "search_fts"
    assert {"latest_versions", "edits", "removed_releases"} <= {v["name"] for v in data["views"]}
    assert {q["name"] for q in data["queries"]} >= {"latest_releases", "search"}


def rows(response):
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    "path,check",
    [
        ("/bulletin/latest_releases.json?site=&_shape=array",
         lambda r: [row["title"] for row in r] == ["防汛通知", "統戰工作會議（更正）"]),
        ("/bulletin/latest_releases.json?site=nowhere&_shape=array", lambda r: r == []),
        ("/bulletin/recent_edits.json?site=yueyang&_shape=array",
         lambda r: len(r) == 1 and r[0]["version"] == 2 and "{+（更正）+}" in r[0]["body_diff"]),
        ("/bulletin/removed.json?_shape=array",
         lambda r: [row["title"] for row in r] == ["防汛通知"] and r[0]["removed_at"].startswith("2024-03-02")),
        ("/bulletin/search.json?q=统战工作&_shape=array",
         lambda r: [row["id"] for row in r] == [1] and "[统战工作]" in r[0]["snippet"]),
        ("/bulletin/search_short.json?q=防汛&_shape=array", lambda r: [row["id"] for row in r] == [2]),
        ("/bulletin/search_docs.json?_search=统战工作&_shape=array", lambda r: len(r) == 2),
        ("/bulletin/edits.json?_shape=array", lambda r: r[0]["previous_title"] == "統(tǒng)戰(zhàn)工作會議"),
    ],
    ids=["latest", "latest-other-site", "edits-with-diff", "removed", "search", "search-short", "table-fts",
         "edits-view"],
)
def test_canned_queries_and_views(db_path, path, check):
    (response,) = get(db_path, path)
    assert check(rows(response))


def test_html_pages_render(db_path):
    for response in get(db_path, "/", "/bulletin", "/bulletin/search?q=统战工作", "/bulletin/versions"):
        assert response.status_code == 200
        assert "<html" in response.text
