import csv
import io
import json
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from crawler.cli import cli
from storage import FetchedRelease, Store
from support.harness import Clock

URL1 = "http://www.yueyang.gov.cn/art/2022/12/14/art_1201_1.html"
URL2 = "http://www.yueyang.gov.cn/art/2023/6/1/art_1201_2.html"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "bulletin.db"
    with Store(path, clock=Clock()) as store:
        store.ensure_site("yueyang", title="岳阳市人民政府")
        store.record_release(
            "yueyang",
            FetchedRelease(
                url=URL1,
                title="市委統(tǒng)戰(zhàn)工作會議召開",
                source="岳阳日报",
                published_at="2022-12-14T15:00:00+08:00",
                body="12月14日上午，市委統(tǒng)戰(zhàn)工作會議召開。市委书记出席并讲话。",
                column="学习贯彻",
                raw_body=b"<html>v1</html>",
                headers={"Content-Type": "text/html"},
            ),
        )
        store.record_release(
            "yueyang",
            FetchedRelease(
                url=URL1,
                title="市委統戰工作會議召開",
                source="岳阳日报",
                published_at="2022-12-14T15:00:00+08:00",
                body="12月14日上午，市委統戰工作會議召開。市长主持。",
                attachments=[{"url": "http://www.yueyang.gov.cn/f/1.pdf", "name": "附件1"}],
                raw_body=b"<html>v2</html>",
                headers={"Content-Type": "text/html"},
            ),
        )
        store.record_release(
            "yueyang",
            FetchedRelease(
                url=URL2,
                title="防汛通知",
                source="市应急管理局",
                published_at="2023-06-01",
                body="做好防汛准备工作。",
                raw_body=b"<html>3</html>",
            ),
        )
    return path


def run(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result


# search ---------------------------------------------------------------------------------------


def test_search_prints_title_url_and_highlighted_snippet(db):
    result = run(db, "search", "统战")
    assert result.exit_code == 0, result.output
    assert "市委統戰工作會議召開" in result.output
    assert URL1 in result.output
    assert "[統戰]" in result.output
    assert "岳阳日报" in result.output and "2022-12-14T15:00:00+08:00" in result.output


def test_search_snippet_keeps_the_pages_full_width_punctuation(db):
    result = run(db, "search", "上午", "--json")
    (hit,) = [json.loads(line) for line in result.output.splitlines()]
    assert (
        hit["snippet"] == "12月14日[上午]，市委統戰工作會議召開。市长主持。"
    )  # its full-width comma, not ","


def test_search_latin_words_and_the_substring_flag(db):
    with Store(db, clock=Clock()) as store:
        store.record_release(
            "yueyang",
            FetchedRelease(
                url="http://www.yueyang.gov.cn/en/1.html",
                title="Notice",
                body="The office reopens.",
                published_at="2024-01-01",
            ),
        )
    assert "no matches" in run(db, "search", "he").output
    result = run(db, "search", "he", "--substring", "--json")
    (hit,) = [json.loads(line) for line in result.output.splitlines()]
    assert hit["snippet"] == "T[he] office reopens."


def test_search_json_has_the_documented_keys(db):
    result = run(db, "search", "統戰工作", "--json")
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert len(hits) == 1
    assert set(hits[0]) == {"id", "site", "url", "title", "source", "published_at", "snippet"}
    assert hits[0]["url"] == URL1 and hits[0]["site"] == "yueyang"


def test_search_all_versions_says_which_version_matched(db):
    assert run(db, "search", "市委书记", "--json").output == ""
    result = run(db, "search", "市委书记", "--all-versions", "--json")
    (hit,) = [json.loads(line) for line in result.output.splitlines()]
    assert (hit["version"], hit["versions"]) == (1, 2)
    text = run(db, "search", "市委书记", "--all-versions").output
    assert "version 1 of 2" in text


def test_search_csv_opens_in_spreadsheets(db):
    result = run(db, "search", "防汛", "--csv")
    assert result.output.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.output.lstrip("\ufeff"))))
    assert rows[0]["title"] == "防汛通知" and rows[0]["snippet"] == "做好[防汛]准备工作。"


@pytest.mark.parametrize(
    "options,expected",
    [
        (["--site", "yueyang"], 2),
        (["--site", "hunan"], 0),
        (["--since", "2023-01-01"], 1),
        (["--until", "2022-12-31"], 1),
        (["--source", "应急"], 1),
        (["--column", "学习"], 1),
        (["--kind", "edited"], 1),
        (["--kind", "removed"], 0),
        (["--limit", "1"], 1),
    ],
    ids=[
        "site",
        "other-site",
        "since",
        "until",
        "source",
        "column",
        "kind-edited",
        "kind-removed",
        "limit",
    ],
)
def test_search_filters(db, options, expected):
    result = run(db, "search", "工作", "--json", *options)
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == expected


def test_search_without_matches_says_so_on_stderr(db):
    result = run(db, "search", "不存在的")
    assert result.exit_code == 0
    assert result.stdout == "" and "no matches" in result.stderr


@pytest.mark.parametrize(
    "args,message",
    [
        (["search", "统战", "--since", "yesterday"], "--since"),
        (["search", "统战", "--json", "--csv"], "choose one of --json and --csv"),
        (["search", " "], "empty query"),
    ],
    ids=["bad-date", "two-formats", "empty"],
)
def test_search_usage_errors(db, args, message):
    result = run(db, *args)
    assert result.exit_code == 2
    assert message in result.output


# show / history / diff ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ref", ["1", URL1, URL1 + "?utm_source=x#top"], ids=["id", "url", "url-variant"]
)
def test_show_by_id_or_url(db, ref):
    result = run(db, "show", ref, "--json")
    data = json.loads(result.output)
    assert data["id"] == 1 and data["url"] == URL1
    assert [v["version"] for v in data["versions"]] == [1, 2]
    assert [e["kind"] for e in data["events"]] == ["new", "edited"]
    assert data["columns"] == ["学习贯彻"]
    assert data["attachments"] == [{"url": "http://www.yueyang.gov.cn/f/1.pdf", "name": "附件1"}]
    assert data["body"].endswith("市长主持。")


def test_show_text(db):
    output = run(db, "show", "1").output
    assert output.splitlines()[0] == "市委統戰工作會議召開"
    for expected in (
        "url:",
        URL1,
        "columns:",
        "学习贯彻",
        "versions (2)",
        "events (2)",
        "edited",
        "附件1",
        "市长主持。",
    ):
        assert expected in output


def test_unknown_release_is_a_one_line_error(db):
    result = run(db, "show", "999")
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: no release '999'")
    assert len(result.output.strip().splitlines()) == 1


def test_history_lists_versions_with_times_and_changed_fields(db):
    lines = [json.loads(line) for line in run(db, "history", URL1, "--json").output.splitlines()]
    assert [(e["kind"], e["version"]) for e in lines] == [("new", 1), ("edited", 2)]
    assert lines[1]["changed_fields"] == ["body", "attachments"]  # the title only lost its pinyin
    assert lines[1]["at"] == "2024-03-01T08:03:00+00:00"
    text = run(db, "history", "1").output
    assert "edited" in text and "body, attachments" in text


def test_diff_latest_two_versions(db):
    result = run(db, "diff", "1")
    assert result.exit_code == 0
    assert (
        "市委統[-(tǒng)戰(zhàn)-]{+戰+}工作會議召開。市[-委书记出席并讲话-]{+长主持+}。"
        in result.output
    )
    assert "{+附件1 <http://www.yueyang.gov.cn/f/1.pdf>+}" in result.output


def test_diff_json(db):
    data = json.loads(run(db, "diff", URL1, "--from", "1", "--to", "2", "--json").output)
    assert (data["from"], data["to"]) == (1, 2)
    assert data["changed_fields"] == ["body", "attachments"]
    assert data["fields"] == {}
    assert data["attachments"]["added"][0]["name"] == "附件1"
    assert ["insert", "长主持"] in data["body_ops"]


@pytest.mark.parametrize(
    "args,message",
    [
        (["diff", "2"], "only one version"),
        (["diff", "1", "--from", "1", "--to", "5"], "no version 5"),
    ],
    ids=["single-version", "missing-version"],
)
def test_diff_errors(db, args, message):
    result = run(db, *args)
    assert result.exit_code == 1 and message in result.output


# export ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "atom", "warc"])
def test_export_to_a_file(db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = run(db, "export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in data.splitlines()] == [1, 2]
    elif fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf") and "防汛通知".encode() in data
    elif fmt == "atom":
        assert len(ET.fromstring(data).findall("{http://www.w3.org/2005/Atom}entry")) == 2
    else:
        bodies = [
            r.content_stream().read()
            for r in ArchiveIterator(io.BytesIO(data))
            if r.rec_type == "response"
        ]
        assert bodies == [b"<html>v1</html>", b"<html>v2</html>", b"<html>3</html>"]
    assert "written to" in result.stderr


def test_export_to_stdout_with_filters(db):
    result = run(db, "export", "--format", "jsonl", "--since", "2023-01-01")
    assert [json.loads(line)["title"] for line in result.stdout.splitlines()] == ["防汛通知"]


def test_missing_database_is_a_one_line_error(tmp_path):
    result = run(tmp_path / "nothing.db", "search", "统战")
    assert result.exit_code == 1 and "no such database" in result.output


@pytest.mark.parametrize(
    "args,exit_code,line",
    [
        (
            ["search", "统战", "--until", "2023-02-30"],
            2,
            "Error: Invalid value: --until: not a valid date: '2023-02-30'",
        ),
        (
            ["export", "--format", "jsonl", "--since", "last week"],
            2,
            "Error: Invalid value: --since: expected a date YYYY-MM-DD, got 'last week'",
        ),
    ],
    ids=["search", "export"],
)
def test_a_bad_date_is_named_by_its_flag_and_is_a_usage_error_everywhere(db, args, exit_code, line):
    result = run(db, *args)
    assert result.exit_code == exit_code
    assert result.output.strip().splitlines()[-1] == line


@pytest.mark.parametrize("command", ["search", "show", "history", "diff", "export"])
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert cli.commands[command].help and "--json" in result.output or command == "export"
