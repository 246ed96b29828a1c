"""What the everyday commands print: crawl summaries, `sites` without a configuration, the
`releases` table, `diff` version addressing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from crawler.cli import cli
from storage import FetchedRelease, Store
from support.harness import Clock, demo_table, run_cli, write_config

ALWAYS_REVISIT = [36500, 36501, 36502]  # every release is "recent": revisited on every crawl
GONE = "art/2022/12/13/art_1201_20006.html"


def crawl(db, config):
    result = run_cli("crawl", "demo", "--progress", "off", db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    return result.stdout


def _section(summary: str, heading: str) -> list[str]:
    """The line starting with ``heading`` and the indented lines under it."""
    lines = summary.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(heading))
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        block.append(line)
    return block


def test_a_crawl_summary_lists_gone_releases_apart_from_errors_and_counts_restored(
    demo_site, tmp_path
):
    config = write_config(
        tmp_path / "sites.toml",
        {"demo": demo_table(demo_site, revisit=ALWAYS_REVISIT, removal_confirm_after="0s")},
    )
    db = tmp_path / "b.db"
    crawl(db, config)
    page = demo_site.root / GONE
    text = page.read_text(encoding="utf-8")
    page.unlink()
    summary = crawl(db, config)
    errors = _section(summary, "errors")
    assert len(errors) == 1 + min(3, int(errors[0].split()[1])), summary  # as many lines as it says
    assert not [line for line in errors if GONE in line], summary
    gone = _section(summary, "gone")
    assert gone[0].split()[1] == "1" and gone[1:] == [f"    {demo_site.url}{GONE}: HTTP 404"], (
        summary
    )
    assert "1 removed" in summary

    page.write_text(text, encoding="utf-8")
    summary = crawl(db, config)
    assert "1 restored" in summary, summary
    assert "gone" not in summary


def test_failed_fetches_are_listed_under_errors(demo_site, tmp_path):
    rules = {"status": {"xwzx/ywdt/202212/t20221215_10015.html": 500}}
    (demo_site.root / "_server.json").write_text(json.dumps(rules), encoding="utf-8")
    config = write_config(tmp_path / "sites.toml", {"demo": demo_table(demo_site)})
    summary = crawl(tmp_path / "b.db", config)
    errors = _section(summary, "errors")
    assert errors[0] == "  errors          1", summary
    assert "t20221215_10015.html" in errors[1] and "500" in errors[1]


@pytest.fixture
def archive(tmp_path):
    """A database of two sites and no sites.toml: one release edited four times, one removed."""
    path = tmp_path / "bulletin.db"
    with Store(path, clock=Clock()) as store:
        store.ensure_site(
            "yueyang",
            title="岳阳市人民政府",
            config={"start_urls": ["http://www.yueyang.gov.cn/l/"]},
        )
        store.ensure_site(
            "rates",
            title="Rates Office",
            config={"start_urls": ["https://rates.example.gov/news/"]},
        )
        for n in range(1, 6):
            store.record_release(
                "yueyang",
                FetchedRelease(
                    url="http://www.yueyang.gov.cn/a/1.html",
                    title="防汛通知",
                    published_at="2023-06-01",
                    body=f"第{n}稿：做好防汛准备工作。",
                ),
            )
        store.record_release(
            "rates",
            FetchedRelease(
                url="https://rates.example.gov/news/1.html",
                title="Rates fall again",
                published_at="2024-01-02",
                body="The office lowered its rates.",
            ),
        )
        store.record_missing(
            "rates",
            "https://rates.example.gov/news/1.html",
            "HTTP 404",
            http_status=404,
            confirm_after=0,
        )
        store.record_missing(
            "rates",
            "https://rates.example.gov/news/1.html",
            "HTTP 404",
            http_status=404,
            confirm_after=0,
        )
    return path


def test_sites_without_a_configuration_shows_what_the_database_knows(archive, tmp_path):
    result = run_cli("sites", "--json", db=archive, cwd=tmp_path)  # no ./sites.toml there
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["name"] for row in rows] == ["rates", "yueyang"]
    assert rows[1]["title"] == "岳阳市人民政府" and rows[1]["releases"] == 1
    assert rows[1]["start_urls"] == ["http://www.yueyang.gov.cn/l/"]
    assert not rows[0]["configured"]
    assert (
        len(result.stderr.strip().splitlines()) == 1 and "sites.toml: no such file" in result.stderr
    )
    table = run_cli("sites", db=archive, cwd=tmp_path)
    assert (
        table.exit_code == 0 and "岳阳市人民政府" in table.stdout and "Rates Office" in table.stdout
    )


def test_sites_marks_a_stored_site_no_longer_configured(archive, tmp_path):
    config = write_config(
        tmp_path / "sites.toml", {"yueyang": {"start_urls": ["http://www.yueyang.gov.cn/l/"]}}
    )
    result = run_cli("sites", db=archive, config=config)
    assert result.exit_code == 0, result.stderr
    assert "rates *" in result.stdout and "no longer in" in result.stdout
    rows = [
        json.loads(line)
        for line in run_cli("sites", "--json", db=archive, config=config).stdout.splitlines()
    ]
    assert [(row["name"], row["configured"]) for row in rows] == [
        ("yueyang", True),
        ("rates", False),
    ]


def test_sites_without_configuration_or_database_is_one_line(tmp_path):
    result = run_cli("sites", db=tmp_path / "none.db", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: sites.toml: no such file")
    assert len(result.stderr.strip().splitlines()) == 1


def _run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def test_the_releases_table_marks_removed_releases(archive):
    result = _run(archive, "releases")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "status" in lines[0]
    (removed,) = [line for line in lines if "Rates fall again" in line]
    (live,) = [line for line in lines if "防汛通知" in line]
    assert "removed" in removed and "removed" not in live and "pending" not in live
    with Store(archive, clock=Clock()) as store:
        store.record_missing(
            "yueyang", "http://www.yueyang.gov.cn/a/1.html", "HTTP 404", http_status=404
        )
    (pending,) = [
        line for line in _run(archive, "releases").output.splitlines() if "防汛通知" in line
    ]
    assert "pending" in pending


@pytest.mark.parametrize(
    "args, versions",
    [
        ([], "4 ("),
        (["--to", "5"], "4 ("),
        (["--to", "3"], "2 ("),
        (["--from", "2"], "2 ("),
        (["--from", "1", "--to", "5"], "1 ("),
        (["--from", "5", "--to", "1"], "5 ("),
    ],
    ids=["latest-two", "to-latest", "to-middle", "from-only", "from-to", "backwards"],
)
def test_diff_addresses_versions_by_their_history_numbers(archive, args, versions):
    result = _run(archive, "diff", "1", *args)
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.strip().startswith("versions:"))
    assert line.split(":", 1)[1].strip().startswith(versions), line


@pytest.mark.parametrize(
    "args, message",
    [
        (["--to", "7"], "release 1 has no version 7 (--to 7; it has versions 1–5)"),
        (
            ["--from", "9", "--to", "5"],
            "release 1 has no version 9 (--from 9; it has versions 1–5)",
        ),
        (["--to", "1"], "version 1 is the first; give --from"),
        (["--from", "5"], "version 5 is the latest; give --to"),
        (["--from", "3", "--to", "3"], "both version 3"),
    ],
    ids=["to-beyond", "from-beyond", "to-first", "from-latest", "same"],
)
def test_diff_errors_name_the_version_asked_for(archive, args, message):
    result = run_cli("diff", "1", *args, db=archive)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {message}" or message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_crawl_json_is_one_object_per_site_with_the_crawl_row(demo_site, tmp_path):
    rules = {"status": {"xwzx/ywdt/202212/t20221215_10015.html": 500}}
    (demo_site.root / "_server.json").write_text(json.dumps(rules), encoding="utf-8")
    config = write_config(tmp_path / "sites.toml", {"demo": demo_table(demo_site)})
    result = run_cli(
        "crawl", "demo", "--progress", "off", "--json", db=tmp_path / "b.db", config=config
    )
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["site"] == "demo" and record["status"] == "finished" and record["baseline"] == 1
    assert (
        record["releases_new"] >= 30
        and record["releases_restored"] == 0
        and record["releases_missing"] == 0
    )
    assert record["errors"] == len(record["failures"]) >= 1
    assert any(
        f["http_status"] == 500 and "t20221215_10015.html" in f["url"] for f in record["failures"]
    )
    assert record["gone"] == [] and record["database"].endswith("b.db") and record["seconds"] > 0
    assert record["responses_by_status"]["500"] == 1


def test_export_json_reports_what_was_written(archive, tmp_path):
    out = tmp_path / "r.jsonl"
    result = run_cli("export", "--format", "jsonl", "-o", str(out), "--json", db=archive)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "format": "jsonl",
        "output": str(out),
        "count": 2,
        "unit": "releases",
        "site": None,
        "since": None,
    }
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    to_stdout = run_cli("export", "--format", "jsonl", "--site", "rates", "--json", db=archive)
    assert len(to_stdout.stdout.splitlines()) == 1  # stdout is the data
    assert json.loads(to_stdout.stderr)["count"] == 1
