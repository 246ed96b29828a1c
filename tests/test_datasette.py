import asyncio
import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from storage import FetchedRelease, Store
from support.harness import Clock
from support.ports import free_port
from support.store import sql

datasette_app = pytest.importorskip("datasette.app")

from crawler import datasette_plugin  # noqa: E402  (needs datasette)

PAD = "\ue000"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    # Not called bulletin.db: the plugin's metadata applies to a store of any name.
    path = tmp_path_factory.mktemp("datasette") / "demo.db"
    with Store(path, clock=Clock()) as store:
        store.ensure_site("yueyang", title="岳阳市人民政府")
        store.record_release(
            "yueyang",
            FetchedRelease(
                url="http://www.yueyang.gov.cn/art/1.html",
                title="統(tǒng)戰(zhàn)工作會議",
                body="全市統戰工作會議召開。",
                published_at="2022-12-14T15:00:00+08:00",
                column="学习贯彻",
                raw_body=b"<html>1</html>",
            ),
        )
        store.record_release(
            "yueyang",
            FetchedRelease(
                url="http://www.yueyang.gov.cn/art/1.html",
                title="統戰工作會議（更正）",
                body="全市統戰工作會議召開（更正）。",
                published_at="2022-12-14T15:00:00+08:00",
                raw_body=b"<html>2</html>",
            ),
        )
        store.record_release(
            "yueyang",
            FetchedRelease(
                url="http://www.yueyang.gov.cn/art/2.html",
                title="防汛通知",
                body="做好防汛准备。",
                published_at="2023-06-01",
                raw_body=b"<html>3</html>",
            ),
        )
        store.record_release(
            "yueyang",
            FetchedRelease(
                url="http://www.yueyang.gov.cn/art/3.html",
                title="市委统战部召开会议",
                body="统战部：部署全年工作，确保落实。",
                source="市委統戰部",
                published_at="2023-07-01",
                raw_body=b"<html>4</html>",
            ),
        )
        store.record_release(
            "yueyang",
            FetchedRelease(
                url="http://www.yueyang.gov.cn/en/4.html",
                title="The office reopens",
                body="He said the office reopens.",
                published_at="2023-08-01",
                raw_body=b"<html>5</html>",
            ),
        )
        sql(store, "UPDATE releases SET status = 'removed' WHERE id = 2")
        sql(
            store,
            "INSERT INTO events (kind, site, release_id, detected_at) "
            "VALUES ('removed', 'yueyang', 2, '2024-03-02T00:00:00+00:00')",
        )
    return path


def get(db_path, *paths):
    """Fetch paths from an in-process Datasette serving ``db_path`` with the plugin (no network)."""
    from datasette.plugins import pm

    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, "bulletin_monitor")

    async def run():
        ds = datasette_app.Datasette(files=[str(db_path)])
        await ds.invoke_startup()
        return [await ds.client.get(path) for path in paths]

    return asyncio.run(run())


def test_metadata_names_every_table_and_view_it_describes(db_path):
    schema = sqlite3.connect(db_path).execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
    )
    names = {row[0] for row in schema}
    described = datasette_plugin.metadata_for(["demo"])["databases"]["demo"]["tables"]
    assert set(described) <= names
    for name in (
        "releases",
        "versions",
        "events",
        "latest_versions",
        "edits",
        "removed_releases",
        "search_docs",
    ):
        assert described[name]["description"]


def test_datasette_serves_the_metadata_for_a_store_of_any_name(db_path):
    (response,) = get(db_path, "/-/metadata.json")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "bulletin-monitor archive"
    assert set(data["databases"]["demo"]["queries"]) == {
        "latest_releases",
        "recent_edits",
        "removed",
        "search",
        "search_all_versions",
    }


def test_database_page_lists_tables_views_and_queries(db_path):
    (response,) = get(db_path, "/demo.json")
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
        (
            "/demo/latest_releases.json?site=&_shape=array",
            lambda r: [row["title"] for row in r][-2:] == ["防汛通知", "統戰工作會議（更正）"],
        ),
        ("/demo/latest_releases.json?site=nowhere&_shape=array", lambda r: r == []),
        (
            "/demo/recent_edits.json?site=yueyang&_shape=array",
            lambda r: len(r) == 1 and r[0]["version"] == 2 and "{+（更正）+}" in r[0]["body_diff"],
        ),
        (
            "/demo/removed.json?_shape=array",
            lambda r: (
                [row["title"] for row in r] == ["防汛通知"]
                and r[0]["removed_at"].startswith("2024-03-02")
            ),
        ),
        (
            "/demo/search.json?q=统战工作&_shape=array",
            lambda r: (
                [row["id"] for row in r] == [1]
                and r[0]["snippet"] == "全市[統戰工作]會議召開（更正）。"
            ),
        ),
        (
            "/demo/search.json?q=統戰部&_shape=array",
            lambda r: (
                [row["id"] for row in r] == [3]
                and r[0]["snippet"] == "[统战部]：部署全年工作，确保落实。"
            ),
        ),
        ("/demo/search.json?q=统战&_shape=array", lambda r: [row["id"] for row in r] == [3, 1]),
        ("/demo/search.json?q=汛&_shape=array", lambda r: [row["id"] for row in r] == [2]),
        (
            "/demo/search.json?q=统战&since=2023-01-01&_shape=array",
            lambda r: [row["id"] for row in r] == [3],
        ),
        ("/demo/search.json?q=统战&site=elsewhere&_shape=array", lambda r: r == []),
        (
            "/demo/search.json?q=统战&source=統戰部&_shape=array",
            lambda r: [row["id"] for row in r] == [3],
        ),
        (
            "/demo/search.json?q=统战&column=學習&_shape=array",
            lambda r: [row["id"] for row in r] == [1],
        ),
        (
            "/demo/search.json?q=统战&kind=edited&_shape=array",
            lambda r: [row["id"] for row in r] == [1],
        ),
        (
            "/demo/search.json?q=he&_shape=array",
            lambda r: [row["id"] for row in r] == [4] and r[0]["snippet"].startswith("[He] said"),
        ),
        ("/demo/search.json?q=&_shape=array", lambda r: r == []),
        ("/demo/search.json?q=统战&since=bad&_shape=array", lambda r: r == []),
        (
            "/demo/search_all_versions.json?q=統(tǒng)戰(zhàn)工作會議&_shape=array",
            lambda r: sorted((row["id"], row["version"]) for row in r) == [(1, 1), (1, 2)],
        ),
        ("/demo/search_docs.json?_search=统战工作&_shape=array", lambda r: len(r) == 2),
        ("/demo/search_docs.json?_search=統戰&_shape=array", lambda r: len(r) == 3),
        ("/demo/search_docs.json?_search=汛&_shape=array", lambda r: len(r) == 1),
        (
            "/demo/edits.json?_shape=array",
            lambda r: r[0]["previous_title"] == "統(tǒng)戰(zhàn)工作會議",
        ),
        (
            "/demo.json?sql=select+bulletin_fold('統戰')+as+f&_shape=array",
            lambda r: r == [{"f": "统战"}],
        ),
    ],
    ids=[
        "latest",
        "latest-other-site",
        "edits-with-diff",
        "removed",
        "search",
        "search-traditional-query",
        "search-two-chars",
        "search-one-char",
        "search-since",
        "search-other-site",
        "search-source",
        "search-column",
        "search-kind",
        "search-latin-word",
        "search-empty-form",
        "search-bad-date",
        "search-all-versions",
        "table-search",
        "table-search-traditional",
        "table-search-one-char",
        "edits-view",
        "sql-function",
    ],
)
def test_canned_queries_views_and_table_search(db_path, path, check):
    (response,) = get(db_path, path)
    assert check(rows(response))


def test_html_pages_render_without_the_folded_text(db_path):
    pages = get(
        db_path,
        "/",
        "/demo",
        "/demo/search?q=统战",
        "/demo/versions",
        "/demo/search_docs",
        "/demo/search_docs?_search=統戰部",
    )
    for response in pages:
        assert response.status_code == 200
        assert "<html" in response.text
        assert PAD not in response.text
    table, searched = pages[-2].text, pages[-1].text
    assert (
        "統(tǒng)戰(zhàn)工作會議" in table and "统战工作会议" not in table
    )  # the stored title, not the folded one
    assert "市委统战部召开会议" in searched and "防汛通知" not in searched


def test_bulletin_datasette_serves_any_store_over_http(db_path, tmp_path):
    import httpx

    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler", "--db", str(db_path), "datasette", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=tmp_path,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/-/versions.json", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.monotonic() < deadline, "datasette did not start"
                time.sleep(0.2)
        found = {}
        for query in ("统战", "統戰部", "汛"):
            response = httpx.get(
                base + "/demo/search.json", params={"q": query, "_shape": "array"}, timeout=10
            )
            assert response.status_code == 200, response.text
            found[query] = [row["id"] for row in response.json()]
        assert found == {"统战": [3, 1], "統戰部": [3], "汛": [2]}
        page = httpx.get(base + "/demo/search_docs", params={"_search": "统战"}, timeout=10).text
        assert "統(tǒng)戰(zhàn)工作會議" in page and PAD not in page
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_bulletin_datasette_without_datasette_is_one_line(tmp_path, db_path):
    # A Python that cannot import datasette: the command explains in one line and exits 1.
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "datasette.py").write_text("raise ImportError('No module named datasette')\n")
    env = {**os.environ, "PYTHONPATH": f"{blocker}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "--db", str(db_path), "datasette"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "datasette is not installed" in result.stderr


def test_bulletin_datasette_refuses_a_missing_file(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "datasette", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "no such database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


FOLDED_TITLE = "统战工作会议"  # what the index holds of 統(tǒng)戰(zhàn)工作會議
STORED_TITLE = "統(tǒng)戰(zhàn)工作會議"


def _stored_by_rowid(db_path) -> dict:
    conn = sqlite3.connect(db_path)
    try:
        return {
            rowid: (title, source, body)
            for rowid, title, source, body in conn.execute(
                """SELECT d.rowid, v.title, v.source, v.body FROM search_docs d
                   JOIN versions v ON v.id = d.version_id"""
            )
        }
    finally:
        conn.close()


@pytest.mark.parametrize(
    "path",
    [
        "/demo/search_docs.json",
        "/demo/search_docs.json?_shape=objects",
        "/demo/search_docs.json?_shape=array",
        "/demo/search_docs.json?_shape=object",
        "/demo/search_docs.json?_shape=array&_nl=on",
        "/demo/search_docs.json?_search=統戰&_shape=array",
        "/demo/search_docs.json?_col=title&_shape=array",
        "/demo/search_fts.json?_shape=array",
    ],
    ids=[
        "arrays",
        "objects",
        "array",
        "object",
        "newline-delimited",
        "searched",
        "one-column",
        "fts",
    ],
)
def test_json_exports_of_the_index_show_the_stored_text(db_path, path):
    (response,) = get(db_path, path)
    assert response.status_code == 200, response.text
    assert PAD not in response.text and FOLDED_TITLE not in response.text
    text = response.text
    if "_nl=on" in path:
        rows = [json.loads(line) for line in text.splitlines()]
    else:
        data = json.loads(text)
        if isinstance(data, dict) and "rows" in data:
            rows = [
                row if isinstance(row, dict) else dict(zip(data["columns"], row))
                for row in data["rows"]
            ]
        else:
            rows = list(data.values()) if isinstance(data, dict) else data
    stored = _stored_by_rowid(db_path)
    assert rows and all(row["rowid"] in stored for row in rows)
    for row in rows:
        title, source, body = stored[row["rowid"]]
        assert row["title"] == title
        assert row.get("source", source) == source and row.get("body", body) == body
    assert any(row["title"] == STORED_TITLE for row in rows) or "_search" in path


def test_csv_and_row_exports_of_the_index_show_the_stored_text(db_path):
    stored = _stored_by_rowid(db_path)
    rowid = next(key for key, (title, _, _) in stored.items() if title == STORED_TITLE)
    table, row = get(db_path, "/demo/search_docs.csv", f"/demo/search_docs/{rowid}.json")
    assert table.status_code == row.status_code == 200
    exported = list(csv.DictReader(io.StringIO(table.text)))
    assert {int(r["rowid"]): r["title"] for r in exported} == {
        key: title for key, (title, _, _) in stored.items()
    }
    assert FOLDED_TITLE not in table.text and PAD not in table.text
    data = row.json()
    assert dict(zip(data["columns"], data["rows"][0]))["title"] == STORED_TITLE
