import csv
import io
import json
from datetime import datetime
from xml.etree import ElementTree as ET

import pytest
from warcio.archiveiterator import ArchiveIterator

from storage import BulletinError, FetchedRelease, InvalidArgument, Store
from storage.export import export, export_atom, export_csv, export_jsonl, export_warc
from support.harness import Clock

ATOM = "{http://www.w3.org/2005/Atom}"
PAGE_V1 = (
    "<html><head><meta charset='utf-8'></head><body>統(tǒng)戰(zhàn)工作會議</body></html>".encode()
)
PAGE_V2 = "<html><body>统战工作会议（更正）</body></html>".encode()
GBK_PAGE = "<html><meta charset='gbk'><body>防汛通知</body></html>".encode("gbk")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "bulletin.db", clock=Clock()) as store:
        store.ensure_site("yueyang", title="岳阳市人民政府")
        store.ensure_site("hk", title="GovHK press releases")
        store.record_release(
            "yueyang",
            FetchedRelease(
                url="http://www.yueyang.gov.cn/art/1.html",
                title="統戰工作會議",
                source="岳阳日报",
                published_at="2022-12-14T15:00:00+08:00",
                body='全市统战工作会议召开，"引号"，逗号,换行\n第二段。',
                column="学习贯彻",
                attachments=[{"url": "http://www.yueyang.gov.cn/f/1.pdf", "name": "附件1：名单"}],
                raw_body=PAGE_V1,
                http_status=200,
                headers={
                    "Content-Type": "text/html; charset=utf-8",
                    "Content-Encoding": "gzip",
                    "Transfer-Encoding": "chunked",
                    "Content-Length": "12",
                    "ETag": '"abc"',
                },
            ),
        )
        store.record_release(
            "yueyang",
            FetchedRelease(
                url="http://www.yueyang.gov.cn/art/1.html",
                title="統戰工作會議（更正）",
                source="岳阳日报",
                published_at="2022-12-14T15:00:00+08:00",
                body="全市统战工作会议召开（更正）。",
                raw_body=PAGE_V2,
                headers={"Content-Type": "text/html; charset=utf-8"},
            ),
        )
        store.record_release(
            "yueyang",
            FetchedRelease(
                url="http://www.yueyang.gov.cn/art/2.html",
                title="防汛通知",
                published_at="2023-06-01",
                body="做好防汛准备。",
                raw_body=GBK_PAGE,
                encoding="gb18030",
                headers={"Content-Type": "text/html; charset=gbk"},
            ),
        )
        store.record_release(
            "hk",
            FetchedRelease(
                url="https://www.info.gov.hk/gia/general/1.htm",
                title="Flu season <notice> & advice",
                published_at="2023-02-01T12:00:00+08:00",
                body="Get vaccinated.\x0b",
                raw_body=None,
            ),
        )
        yield store


def written(writer, store, **filters):
    out = io.BytesIO()
    count = writer(store, out, **filters)
    return count, out.getvalue()


def test_jsonl_has_one_release_per_line_with_its_latest_version(store):
    count, data = written(export_jsonl, store)
    rows = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert count == len(rows) == 3
    first = rows[0]
    assert first["title"] == "統戰工作會議（更正）" and first["versions"] == 2
    assert first["columns"] == ["学习贯彻"] and first["site"] == "yueyang"
    assert {"id", "url", "source", "published_at", "body", "attachments", "status"} <= set(first)


@pytest.mark.parametrize(
    "filters,expected",
    [
        ({"site": "hk"}, [3]),
        ({"since": "2023-01-01"}, [2, 3]),
        ({"site": "yueyang", "since": "2023-06-01"}, [2]),
    ],
    ids=["site", "since", "both"],
)
def test_filters(store, filters, expected):
    _, data = written(export_jsonl, store, **filters)
    assert [json.loads(line)["id"] for line in data.splitlines()] == expected


def test_bad_since_is_one_line_error_in_the_librarys_terms(store):
    with pytest.raises(
        InvalidArgument, match="^since: expected a date YYYY-MM-DD, got 'last week'$"
    ) as raised:
        written(export_jsonl, store, since="last week")
    assert raised.value.argument == "since"


@pytest.mark.parametrize(
    "value,message",
    [
        ("last week", "since: expected a date YYYY-MM-DD, got 'last week'"),
        ("2023-02-30", "since: not a valid date: '2023-02-30'"),
        ("2023-01-01T08:00", "since: expected a date YYYY-MM-DD, got '2023-01-01T08:00'"),
        ("2023-01-01junk", "since: expected a date YYYY-MM-DD, got '2023-01-01junk'"),
    ],
    ids=["words", "no-such-day", "a-time", "trailing-text"],
)
def test_search_and_export_refuse_a_bad_date_with_the_same_error(store, value, message):
    with pytest.raises(InvalidArgument) as in_search:
        store.search("通知", since=value)
    with pytest.raises(InvalidArgument) as in_export:
        store.export("jsonl", io.BytesIO(), since=value)
    assert str(in_search.value) == str(in_export.value) == message


def test_csv_has_a_bom_and_round_trips_chinese(store):
    count, data = written(export_csv, store)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert count == len(rows) == 3
    assert rows[0]["title"] == "統戰工作會議（更正）"
    assert rows[0]["columns"] == "学习贯彻"
    assert rows[0]["body"] == "全市统战工作会议召开（更正）。"
    assert rows[2]["title"] == "Flu season <notice> & advice"


def test_csv_keeps_quotes_commas_and_newlines_in_cells(store):
    store.record_release(
        "yueyang",
        FetchedRelease(
            url="http://www.yueyang.gov.cn/art/1.html", title="統戰", body='a,"b"\nc', raw_body=b"x"
        ),
    )
    _, data = written(export_csv, store)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0]["body"] == 'a,"b"\nc'


def test_atom_is_valid_atom_1_0(store):
    count, data = written(export_atom, store)
    feed = ET.fromstring(data)
    assert feed.tag == f"{ATOM}feed" and count == 3
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}").text
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}").text
        assert datetime.fromisoformat(entry.find(f"{ATOM}updated").text.replace("Z", "+00:00"))
        alternate = entry.find(f"{ATOM}link[@rel='alternate']")
        assert alternate.get("href").startswith("http")
        assert entry.find(f"{ATOM}author/{ATOM}name").text
    newest = entries[0]
    assert newest.find(f"{ATOM}title").text == "防汛通知"
    assert [e.find(f"{ATOM}id").text for e in entries] == [
        "http://www.yueyang.gov.cn/art/2.html",
        "https://www.info.gov.hk/gia/general/1.htm",
        "http://www.yueyang.gov.cn/art/1.html",
    ]


def test_atom_entry_details(store):
    _, data = written(export_atom, store, site="yueyang")
    feed = ET.fromstring(data)
    assert feed.find(f"{ATOM}title").text == "岳阳市人民政府: releases"
    entry = feed.findall(f"{ATOM}entry")[1]
    assert entry.find(f"{ATOM}published").text == "2022-12-14T15:00:00+08:00"
    assert entry.find(f"{ATOM}category").get("term") == "学习贯彻"
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "岳阳日报"
    assert entry.find(f"{ATOM}content").get("type") == "text"


def test_atom_marks_removed_releases(store):
    store.record_missing(
        "yueyang",
        "http://www.yueyang.gov.cn/art/2.html",
        "HTTP 404",
        http_status=404,
        confirm_after=0,
    )
    store.record_missing(
        "yueyang",
        "http://www.yueyang.gov.cn/art/2.html",
        "HTTP 404",
        http_status=404,
        confirm_after=0,
    )
    _, data = written(export_atom, store, site="yueyang")
    removed, live = ET.fromstring(data).findall(f"{ATOM}entry")
    marks = [(c.get("term"), c.get("scheme")) for c in removed.findall(f"{ATOM}category")]
    assert marks == [("removed", "tag:bulletin-monitor,2024:status")]
    assert all(c.get("term") != "removed" for c in live.findall(f"{ATOM}category"))


def test_atom_escapes_markup_and_drops_control_characters(store):
    _, data = written(export_atom, store, site="hk")
    entry = ET.fromstring(data).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Flu season <notice> & advice"
    assert entry.find(f"{ATOM}content").text == "Get vaccinated."


def test_atom_of_an_empty_selection_is_still_a_feed(store):
    _, data = written(export_atom, store, since="2099-01-01")
    feed = ET.fromstring(data)
    assert feed.find(f"{ATOM}updated").text and not feed.findall(f"{ATOM}entry")


def read_warc(data):
    records = []
    for record in ArchiveIterator(io.BytesIO(data)):
        records.append((record, record.content_stream().read()))
    return records


def test_warc_holds_every_version_as_served(store):
    count, data = written(export_warc, store)
    records = read_warc(data)
    responses = [(r, body) for r, body in records if r.rec_type == "response"]
    assert count == len(responses) == 3  # the HK release has no stored body
    stored = [v["raw_body"] for rid in (1, 2) for v in store.versions(rid, with_raw=True)]
    assert [body for _, body in responses] == stored
    assert records[0][0].rec_type == "warcinfo"
    first, _ = responses[0]
    assert first.rec_headers.get_header("WARC-Target-URI") == "http://www.yueyang.gov.cn/art/1.html"
    assert first.rec_headers.get_header("WARC-Date") == "2024-03-01T08:03:00Z"
    assert first.http_headers.get_statuscode() == "200"
    assert first.http_headers.get_header("Content-Type") == "text/html; charset=utf-8"
    assert first.http_headers.get_header("ETag") == '"abc"'


def test_warc_drops_transfer_headers_and_sets_content_length(store):
    _, data = written(export_warc, store)
    for record, body in read_warc(data):
        if record.rec_type != "response":
            continue
        assert record.http_headers.get_header("Content-Encoding") is None
        assert record.http_headers.get_header("Transfer-Encoding") is None
        assert int(record.http_headers.get_header("Content-Length")) == len(body)


def test_warc_bodies_are_bytes_not_text(store):
    _, data = written(export_warc, store, since="2023-01-01")
    bodies = [body for r, body in read_warc(data) if r.rec_type == "response"]
    assert bodies == [GBK_PAGE]


def test_warc_metadata_records_point_at_their_response(store):
    _, data = written(export_warc, store)
    records = [r for r, _ in read_warc(data)]
    ids = {r.rec_headers.get_header("WARC-Record-ID") for r in records if r.rec_type == "response"}
    metadata = [r for r in records if r.rec_type == "metadata"]
    assert len(metadata) == 3
    assert {r.rec_headers.get_header("WARC-Concurrent-To") for r in metadata} == ids


def test_warc_is_gzipped_per_record_and_verifies(store):
    _, data = written(export_warc, store)
    assert data[:2] == b"\x1f\x8b"
    for record in ArchiveIterator(io.BytesIO(data), check_digests=True):
        record.content_stream().read()
        assert record.digest_checker.passed is not False


def test_unknown_format_is_a_one_line_error(store):
    with pytest.raises(BulletinError, match="unknown export format"):
        export(store, "pdf", io.BytesIO())


def test_export_command_offers_every_format_the_library_writes():
    # The CLI names the formats itself so that its start-up does not import the exporters.
    from crawler.cli.main import cli
    from storage.export import FORMATS

    option = next(
        p for p in cli.commands["export"].params if p.name == "fmt" or "--format" in p.opts
    )
    assert list(option.type.choices) == list(FORMATS)
