"""What the spider walks on a recrawl."""

from __future__ import annotations

import sqlite3

from support.harness import demo_table, run_cli, write_config

# The demo's 信息公开目录 is no start page: the first crawl finds it through the breadcrumb of an
# article in 要闻动态 (xwzx/ywdt/202212/t20221214_10002.html).
FOUND_COLUMN = "xxgk/xxgc/"
ROW = "./202212/t20221212_10106.html"


def test_a_column_found_through_a_breadcrumb_is_walked_again_for_its_new_releases(
    serve_site, tmp_path
):
    from crawler.demo import SITE_DIR

    server = serve_site(SITE_DIR)
    config = write_config(tmp_path / "sites.toml", {"demo": demo_table(server)})
    db = tmp_path / "b.db"
    first = run_cli("crawl", "demo", "--progress", "off", db=db, config=config)
    assert first.exit_code == 0, first.stderr[-3000:]
    column = server.root / FOUND_COLUMN
    index = column / "index.html"
    html = index.read_text(encoding="utf-8")
    start = html.rindex("<li", 0, html.index(ROW))
    end = html.index("</li>", start) + len("</li>")
    row = html[start:end].replace("t20221212_10106", "t20221213_10107")
    index.write_text(html[:start] + row + html[start:], encoding="utf-8")
    article = (column / "202212" / "t20221212_10106.html").read_text(encoding="utf-8")
    (column / "202212" / "t20221213_10107.html").write_text(
        article.replace("</h1>", "（续）</h1>"), encoding="utf-8"
    )
    server.clear_log()
    second = run_cli("crawl", "demo", "--progress", "off", db=db, config=config)
    assert second.exit_code == 0, second.stderr[-3000:]
    conn = sqlite3.connect(db)
    stored = conn.execute(
        "SELECT count(*) FROM releases WHERE url LIKE ?",
        [f"%{FOUND_COLUMN}202212/t20221213_10107%"],
    ).fetchone()[0]
    assert stored == 1, second.stdout
    # Known releases are not fetched again for it: only the new one.
    fetched = [path for path in server.paths() if path.startswith(f"/{FOUND_COLUMN}202212/")]
    assert fetched == [f"/{FOUND_COLUMN}202212/t20221213_10107.html"], fetched
