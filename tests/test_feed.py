"""The Atom feed of changes: valid Atom 1.0 (RFC 4287, checked element by element), read by
feedparser without complaint, written by `bulletin feed` and rewritten by `bulletin serve`."""

from __future__ import annotations

import io
import re
import signal
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from crawler.feed import entry_id, write_feed
from storage import FetchedRelease, Store
from support.harness import Clock, run_cli, write_config

feedparser = pytest.importorskip("feedparser")

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "http://www.yueyang.gov.cn"
ARCHIVE = "https://archive.example.org/bulletin"
# RFC 4151: tag:authority,date:specific — authority a DNS name or an e-mail address.
TAG_URI = re.compile(
    r"^tag:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|[^@\s]+@[^@\s]+),"
    r"\d{4}(?:-\d{2}(?:-\d{2})?)?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$"
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def release(n, title, body, **extra):
    return FetchedRelease(
        url=f"{SITE_URL}/art/{n}.html",
        title=title,
        body=body,
        published_at=f"2024-02-0{n}",
        source="岳阳日报",
        raw_body=b"<html></html>",
        **extra,
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "bulletin.db", clock=Clock()) as store:
        store.ensure_site("yueyang", title="岳阳市人民政府")
        store.ensure_site("hk", title="Hong Kong press")
        crawl = store.start_crawl("yueyang")  # baseline: an archive, not news
        store.record_release(
            "yueyang",
            release(1, "统战工作会议", "全市统战工作会议召开。市委书记出席。"),
            crawl_id=crawl,
        )
        store.record_release("yueyang", release(2, "防汛通知", "做好防汛准备。"), crawl_id=crawl)
        store.record_release("yueyang", release(3, "旧闻", "一条旧闻。"), crawl_id=crawl)
        store.finish_crawl(crawl)
        crawl = store.start_crawl("yueyang")
        store.record_release(
            "yueyang",
            release(4, "关于<先进>单位 & 个人的通知", "表彰<script>alert(1)</script>先进。"),
            crawl_id=crawl,
        )
        store.record_release(
            "yueyang",
            release(1, "统战工作会议", "全市统战工作会议召开。市长主持。"),
            crawl_id=crawl,
        )
        store.record_missing(
            "yueyang",
            f"{SITE_URL}/art/2.html",
            "HTTP 404",
            crawl_id=crawl,
            http_status=404,
            confirm_after=0,
        )
        store.record_missing(
            "yueyang",
            f"{SITE_URL}/art/2.html",
            "HTTP 404",
            crawl_id=crawl,
            http_status=404,
            confirm_after=0,
        )
        store.finish_crawl(crawl)
        crawl = store.start_crawl("yueyang")
        store.record_missing(
            "yueyang",
            f"{SITE_URL}/art/3.html",
            "HTTP 410",
            crawl_id=crawl,
            http_status=410,
            confirm_after=0,
        )
        store.record_missing(
            "yueyang",
            f"{SITE_URL}/art/3.html",
            "HTTP 410",
            crawl_id=crawl,
            http_status=410,
            confirm_after=0,
        )
        store.record_release(
            "yueyang", release(3, "旧闻", "一条旧闻。"), crawl_id=crawl
        )  # back again
        store.finish_crawl(crawl)
        store.record_release(
            "hk",
            FetchedRelease(
                url="https://www.info.gov.hk/gia/1.htm",
                title="Flu season",
                body="Get vaccinated.",
                published_at="2024-02-01",
            ),
        )
        yield store


def feed_bytes(store, **options) -> bytes:
    out = io.BytesIO()
    write_feed(store, out, **options)
    return out.getvalue()


def check_atom(data: bytes) -> ET.Element:
    """Parse strictly and check what RFC 4287 requires of a feed and its entries."""
    root = ET.fromstring(data)  # raises on anything that is not well-formed XML
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert root.tag == A + "feed"

    def one(parent, name):
        found = parent.findall(A + name)
        assert len(found) == 1, f"{parent.tag} must have exactly one {name}, has {len(found)}"
        return found[0]

    for name in ("id", "title", "updated"):
        assert one(root, name).text
    assert RFC3339.match(one(root, "updated").text)
    assert TAG_URI.match(one(root, "id").text), one(root, "id").text
    feed_author = root.findall(A + "author")
    for author in feed_author:
        assert one(author, "name").text
    ids = []
    for entry in root.findall(A + "entry"):
        for name in ("id", "title", "updated"):
            assert one(entry, name).text
        ids.append(one(entry, "id").text)
        assert TAG_URI.match(ids[-1]), ids[-1]
        for name in ("updated", "published"):
            for element in entry.findall(A + name):
                assert RFC3339.match(element.text), element.text
        assert feed_author or entry.findall(A + "author"), (
            "an entry without an author in a feed without one"
        )
        contents = entry.findall(A + "content")
        assert len(contents) <= 1
        alternates = [
            link
            for link in entry.findall(A + "link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert contents or alternates, "an entry needs content or an alternate link"
        assert len({(link.get("type"), link.get("hreflang")) for link in alternates}) == len(
            alternates
        )
        for link in entry.findall(A + "link"):
            assert link.get("href") and re.match(r"^https?://", link.get("href"))
        for content in contents:
            assert content.get("type") in ("text", "html", "xhtml")
            if content.get("type") == "html":
                assert len(content) == 0, "html content must be escaped text, not child elements"
        for category in entry.findall(A + "category"):
            assert category.get("term")
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return root


def entries(data: bytes):
    return ET.fromstring(data).findall(A + "entry")


def test_feed_is_valid_atom_and_feedparser_reads_it_cleanly(store):
    data = feed_bytes(store)
    check_atom(data)
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    titles = [entry.title for entry in parsed.entries]
    # Newest first; the baseline crawl's discoveries are not news.
    assert titles == [
        "New: Flu season",
        "Restored: 旧闻",
        "Removed: 旧闻",
        "Removed: 防汛通知",
        "Edited: 统战工作会议",
        "New: 关于<先进>单位 & 个人的通知",
    ]
    assert [t.term for t in parsed.entries[0].tags][0] == "new"


def test_edited_entry_carries_the_diff_and_new_one_the_text_escaped(store):
    parsed = feedparser.parse(feed_bytes(store))
    edited = next(e for e in parsed.entries if e.title.startswith("Edited"))
    html = edited.content[0].value
    assert edited.content[0].type == "text/html"
    assert "市<del>委书记出席</del><ins>长主持</ins>。" in html
    raw = feed_bytes(store).decode("utf-8")
    assert "<script>" not in raw
    new = [e for e in entries(raw.encode()) if e.findtext(A + "title").startswith("New: 关于")][0]
    assert (
        new.findtext(A + "title") == "New: 关于<先进>单位 & 个人的通知"
    )  # escaped in XML, intact once parsed
    assert "&lt;script&gt;" in new.findtext(A + "content")  # page text is escaped inside the HTML


def test_removed_entry_links_to_the_archived_copy(store):
    plain = {e.title: e for e in feedparser.parse(feed_bytes(store)).entries}
    removed = plain["Removed: 防汛通知"]
    assert removed.link == f"{SITE_URL}/art/2.html"  # no archive address configured: the old one
    assert "bulletin show 2 (version 1)" in removed.content[0].value
    linked = {e.title: e for e in feedparser.parse(feed_bytes(store, archive_url=ARCHIVE)).entries}
    removed = linked["Removed: 防汛通知"]
    version_id = store.versions(2)[-1]["id"]
    assert removed.link == f"{ARCHIVE}/versions/{version_id}"
    assert {link.rel: link.href for link in removed.links}["related"] == f"{SITE_URL}/art/2.html"
    assert f'href="{ARCHIVE}/versions/{version_id}"' in removed.content[0].value
    assert linked["Edited: 统战工作会议"].link == f"{SITE_URL}/art/1.html"
    check_atom(feed_bytes(store, archive_url=ARCHIVE))


def test_entry_ids_are_stable_and_unique_tag_uris(store):
    first, again = feed_bytes(store), feed_bytes(store)
    ids = [e.findtext(A + "id") for e in entries(first)]
    assert ids == [e.findtext(A + "id") for e in entries(again)]
    assert len(set(ids)) == len(ids) == 6
    assert ids[-1].startswith("tag:www.yueyang.gov.cn,2024-03-01:bulletin-monitor/new/")
    # The same event has the same id in the per-site feed.
    site_ids = [e.findtext(A + "id") for e in entries(feed_bytes(store, site="yueyang"))]
    assert set(site_ids) <= set(ids)


@pytest.mark.parametrize(
    "options,expected",
    [
        ({"site": "yueyang"}, 5),
        ({"site": "hk"}, 1),
        ({"limit": 2}, 2),
        ({"since": "2099-01-01T00:00:00+00:00"}, 0),
    ],
    ids=["per-site", "other-site", "limit", "since-future"],
)
def test_feed_filters(store, options, expected):
    data = feed_bytes(store, **options)
    check_atom(data)
    assert len(entries(data)) == expected
    assert feedparser.parse(data).bozo == 0


def test_self_link_when_the_address_is_known(store):
    data = feed_bytes(store, self_url="https://example.org/feeds/all.atom")
    check_atom(data)
    links = ET.fromstring(data).findall(A + "link")
    assert [(link.get("rel"), link.get("href")) for link in links] == [
        ("self", "https://example.org/feeds/all.atom")
    ]
    assert ET.fromstring(feed_bytes(store)).findall(A + "link") == []


def test_feed_dir_has_one_file_per_site_and_one_for_all(store, tmp_path):
    from crawler.feed import write_feed_dir

    store.ensure_site("all", title="A site called all")
    written = write_feed_dir(
        store, tmp_path / "feeds", ["yueyang", "hk", "all"], feed_url="https://example.org/f"
    )
    assert [path.name for path in written] == [
        "all.atom",
        "yueyang.atom",
        "hk.atom",
        "site-all.atom",
    ]
    assert len(entries((tmp_path / "feeds" / "all.atom").read_bytes())) == 6
    root = ET.fromstring((tmp_path / "feeds" / "site-all.atom").read_bytes())
    assert root.find(A + "link").get("href") == "https://example.org/f/site-all.atom"


def test_per_site_feed_is_named_after_the_site(store):
    root = ET.fromstring(feed_bytes(store, site="yueyang"))
    assert root.findtext(A + "title") == "岳阳市人民政府: changes"
    assert root.findtext(A + "id").endswith("/yueyang/events")


def test_entry_id_differs_by_kind_release_and_time():
    base = {
        "url": f"{SITE_URL}/a.html",
        "kind": "removed",
        "detected_at": "2024-03-01T08:00:00+00:00",
        "event_id": 7,
    }
    variants = [
        base,
        {**base, "kind": "restored", "event_id": 8},
        {**base, "url": f"{SITE_URL}/b.html", "event_id": 9},
        {**base, "detected_at": "2024-03-01T08:00:01+00:00", "event_id": 10},
    ]
    assert len({entry_id(v) for v in variants}) == 4
    assert all(TAG_URI.match(entry_id(v)) for v in variants)
    assert TAG_URI.match(entry_id({**base, "url": "http://例子.政务.cn/a.html"}))


def test_bulletin_feed_writes_a_file_and_says_how_many(store, tmp_path):
    db = store.path
    out = tmp_path / "feeds" / "yueyang.atom"
    result = run_cli(
        "feed", "-o", str(out), "--site", "yueyang", "--archive-url", ARCHIVE, db=db, cwd=tmp_path
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == f"5 entries written to {out}"
    check_atom(out.read_bytes())
    assert feedparser.parse(out.read_bytes()).bozo == 0
    result = run_cli("feed", "--since", "2024-03-01T08:30", db=db, cwd=tmp_path)
    assert result.exit_code == 0 and result.stdout.startswith("<?xml")
    assert len(entries(result.stdout.encode())) < 6


@pytest.mark.parametrize(
    "args,message",
    [
        (["--site", "nowhere"], "no site 'nowhere'"),
        (["--since", "yesterday"], "not an ISO 8601 date or time"),
        (["--archive-url", "ftp://x"], "expected an http(s) URL"),
        (["--self-url", "feeds/all.atom"], "expected an http(s) URL"),
    ],
    ids=["unknown-site", "bad-since", "bad-archive-url", "bad-self-url"],
)
def test_bulletin_feed_bad_input_is_one_line(store, tmp_path, args, message):
    result = run_cli("feed", *args, db=store.path, cwd=tmp_path)
    assert result.exit_code == 2 and message in result.stderr


def test_bulletin_feed_takes_the_archive_url_from_serve_config(store, tmp_path):
    config = write_config(tmp_path / "sites.toml", {"yueyang": {"start_urls": [f"{SITE_URL}/"]}})
    config.write_text(
        config.read_text() + f'[serve]\narchive_url = "{ARCHIVE}"\n', encoding="utf-8"
    )
    result = run_cli("feed", "--site", "yueyang", db=store.path, config=config, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert f"{ARCHIVE}/versions/" in result.stdout


@pytest.mark.parametrize(
    "table,message",
    [
        ('feed_dir = ""', "serve: key 'feed_dir': expected a non-empty string"),
        (
            'archive_url = "archive.example.org"',
            "serve: key 'archive_url': expected an http(s) URL",
        ),
        ("feed_entries = 0", "serve: key 'feed_entries': expected a whole number >= 1"),
    ],
    ids=["empty-feed-dir", "archive-url-not-http", "no-entries"],
)
def test_serve_feed_keys_are_checked(tmp_path, table, message):
    config = write_config(
        tmp_path / "sites.toml", {"demo": {"start_urls": ["http://127.0.0.1:9/"]}}
    )
    config.write_text(config.read_text() + f"[serve]\n{table}\n", encoding="utf-8")
    result = run_cli("serve", db=tmp_path / "b.db", config=config)
    assert result.exit_code == 1 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_rewrites_the_feeds_after_each_crawl(demo_site, tmp_path):
    """A real `bulletin serve`: the baseline crawl writes empty feeds; a release published on the
    site afterwards appears in all.atom and demo.atom once the next crawl has run."""
    import subprocess
    import sys

    from crawler.demo import demo_config
    from support.harness import ROOT

    feeds = tmp_path / "feeds"
    table = {**demo_config(demo_site.url), "timezone": "Asia/Shanghai", "schedule": "2s"}
    config = write_config(tmp_path / "sites.toml", {"demo": table})
    config.write_text(
        config.read_text() + f'[serve]\nstagger = 0.0\njitter = 0.0\nfeed_dir = "{feeds}"\n'
        f'archive_url = "{ARCHIVE}"\nfeed_url = "https://example.org/feeds/"\n',
        encoding="utf-8",
    )
    db = tmp_path / "b.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler", "--db", str(db), "--config", str(config), "serve"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert _wait(lambda: (feeds / "demo.atom").exists() and _crawled(db) >= 1, 90), (
            "no first crawl"
        )
        assert _wait(
            lambda: feedparser.parse((feeds / "all.atom").read_bytes()).feed.get("title"), 30
        )
        first = feedparser.parse((feeds / "all.atom").read_bytes())
        assert first.bozo == 0 and first.entries == []  # the baseline is not news
        # Publish a release: a new article and its row at the top of the column's list.
        column = Path(demo_site.root) / "xwzx" / "ywdt"
        model = column / "202212" / "t20221216_10016.html"
        article = column / "202212" / "t20221230_10099.html"
        article.write_text(
            model.read_text(encoding="utf-8").replace("第15次常务会议", "第16次常务会议"),
            encoding="utf-8",
        )
        listing = column / "index.html"
        row = (
            '<li><a href="./202212/t20221230_10099.html" title="市政府召开第16次常务会议" target="_blank">'
            "市政府召开第16次常务会议</a><span>2022-12-30</span></li>\n"
        )
        text = listing.read_text(encoding="utf-8")
        marker = '<li><a href="./202212/t20221216_10016.html"'
        listing.write_text(text.replace(marker, row + marker, 1), encoding="utf-8")

        def published():
            parsed = feedparser.parse((feeds / "demo.atom").read_bytes())
            return any("第16次常务会议" in entry.title for entry in parsed.entries)

        assert _wait(published, 120), (feeds / "demo.atom").read_text(encoding="utf-8")[-3000:]
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=90)
    assert process.returncode == 0, err[-2000:]
    for name in ("all.atom", "demo.atom"):
        data = (feeds / name).read_bytes()
        check_atom(data)
        parsed = feedparser.parse(data)
        assert parsed.bozo == 0
        assert (
            parsed.feed.links[0].rel == "self"
            and parsed.feed.links[0].href == f"https://example.org/feeds/{name}"
        )
        (entry,) = [e for e in parsed.entries if "第16次常务会议" in e.title]
        assert entry.title.startswith("New: ") and entry.link.endswith("t20221230_10099.html")
    assert "feeds: wrote" in err


def _crawled(db) -> int:
    import sqlite3

    if not db.exists():
        return 0
    try:
        return (
            sqlite3.connect(db)
            .execute("SELECT count(*) FROM crawls WHERE finished_at IS NOT NULL")
            .fetchone()[0]
        )
    except sqlite3.Error:
        return 0


def _wait(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except (OSError, ET.ParseError):
            pass
        time.sleep(0.3)
    return False


def test_alerts_about_a_removal_name_the_archived_copy(store):
    from crawler.alerts.render import render_html, render_text, webhook_payload
    from storage.feed import event_items

    (removed,) = [
        i
        for i in event_items(store, site="yueyang")
        if i["kind"] == "removed" and i["release_id"] == 2
    ]
    version_id = store.versions(2)[-1]["id"]
    text = render_text([removed], subscription="s")
    assert (
        "archived copy: bulletin show 2 (version 1)" in text
        and f"{SITE_URL}/art/2.html (gone)" in text
    )
    text = render_text([removed], subscription="s", archive_url=ARCHIVE)
    assert f"archived copy: {ARCHIVE}/versions/{version_id}" in text
    html = render_html([removed], subscription="s", archive_url=ARCHIVE)
    assert (
        f'<b><a href="{ARCHIVE}/versions/{version_id}">防汛通知</a></b>' in html
    )  # the title leads to the copy
    assert f'href="{SITE_URL}/art/2.html"' not in html  # the dead address is shown, not linked
    assert "<code>bulletin show 2 (version 1)</code>" in render_html([removed], subscription="s")
    payload = webhook_payload(
        [removed],
        token="t",
        subscription="s",
        created_at="2024-03-01T00:00:00+00:00",
        archive_url=ARCHIVE,
    )
    assert payload["events"][0]["archived_copy"] == {
        "url": f"{ARCHIVE}/versions/{version_id}",
        "reference": "bulletin show 2 (version 1)",
    }
