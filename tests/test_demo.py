"""`bulletin demo`: the sample site served, crawled into a fresh database, and shown."""

from support.harness import run_cli


def test_demo_crawls_the_sample_site_into_a_fresh_temporary_database(tmp_path):
    result = run_cli("demo", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr[-3000:]
    assert "sample site served at http://127.0.0.1:" in result.stdout
    assert "37 releases." in result.stdout
    assert "市委理論學習中心組專題學習研討推動高質" in result.stdout
    assert not (tmp_path / "bulletin.db").exists()


def test_demo_refuses_to_overwrite_an_existing_database(tmp_path):
    db = tmp_path / "mine.db"
    db.write_bytes(b"")
    result = run_cli("demo", db=db, cwd=tmp_path)
    assert result.exit_code == 1
    assert "already exists" in result.stderr
