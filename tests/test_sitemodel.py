"""The site model: learned from a site's pages, stored with the site, applied to its pages."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli, write_config
from support.sitemodel_site import (
    ARTICLES, DISCLAIMER, FOOTER_SOURCE, NEWSROOM, QR_LINE, SITE_NAME, article_html, write_site,
)

from crawler.extract.sitemodel import MIN_PAGES, SiteModel, learn, page_features, title_segments


# Pure model -----------------------------------------------------------------------------------


def _page(title, *lines):
    return page_features(list(lines), title)


@pytest.mark.parametrize("title, parts", [
    ("通知——青山区人民政府", ["通知", "青山区人民政府"]),
    ("通知_政务动态_青山区", ["通知", "政务动态", "青山区"]),
    ("通知 | 青山区", ["通知", "青山区"]),
    ("通知丨青山区", ["通知", "青山区"]),
    ("通知  青山区", ["通知", "青山区"]),
    ("通知\u3000青山区", ["通知", "青山区"]),
    ("关于 通知 青山区", ["关于", "通知", "青山区"]),
    ("Budget 2024 - Ministry of Finance", ["Budget 2024", "Ministry of Finance"]),
], ids=["em-dashes", "underscores", "bar", "shu", "two-spaces", "ideographic-space", "space-between-cjk", "latin"])
def test_title_segments_cut_at_any_separator(title, parts):
    assert title_segments(title) == parts


def test_a_young_model_applies_nothing():
    pages = [_page(f"标题{i}——某某网", "首页", "版权所有 某某网", f"正文第{i}段。") for i in range(MIN_PAGES - 1)]
    model = learn(pages)
    assert not model.active
    assert model.template == set()
    assert model.strip_title("标题——某某网") == ("标题——某某网", None)


def test_learns_title_suffix_and_repeated_lines():
    pages = [_page(f"第{i}号通知——某某网", "首页 政务公开", "版权所有 某某网", f"这是第{i}篇文章的正文。") for i in range(8)]
    model = learn(pages)
    assert model.active and model.pages == 8
    assert model.title_suffixes == ["某某网"]
    assert model.strip_title("新的通知——某某网") == ("新的通知", "某某网")
    assert model.strip_title("某某网") == ("某某网", None)  # never the whole title
    assert model.is_template("版权所有  某某网")  # whitespace does not matter
    assert not model.is_template("这是第1篇文章的正文。")


def test_round_trip_through_json():
    model = learn([_page(f"通知{i}_某某网", "首页", "页脚") for i in range(6)])
    again = SiteModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.to_dict() == model.to_dict()
    assert again.describe() == model.describe()


def test_settle_bumps_the_revision_only_on_change():
    model = learn([_page(f"通知{i}_某某网", "首页", "页脚") for i in range(6)])
    revision = model.revision
    assert not model.settle()
    assert model.revision == revision
    model.update(_page("通知x_某某网", "首页", "页脚"))
    assert not model.settle()  # counted, but what is applied stays the same


def test_a_redesign_replaces_the_old_template():
    model = learn([_page(f"通知{i}_旧网", "旧页头", "旧页脚") for i in range(40)])
    assert model.is_template("旧页头")
    for i in range(120):
        model.update(_page(f"通知{i}_新网", "新页头", "新页脚"))
    model.settle()
    assert model.is_template("新页头") and not model.is_template("旧页头")
    assert model.title_suffixes == ["新网"]


def test_tracked_lines_stay_bounded():
    model = SiteModel()
    for i in range(3000):
        model.update(_page("t", "页头", *[f"正文{i}-{k}" for k in range(20)]))
    model.settle()
    assert len(model.lines) <= 6000
    assert model.is_template("页头")


# A real crawl ---------------------------------------------------------------------------------


@pytest.fixture
def site(serve_site, tmp_path):
    server = serve_site(write_site(tmp_path / "qingshan"))
    config = write_config(tmp_path / "sites.toml", {"qingshan": {
        "title": SITE_NAME, "start_urls": [server.url + "/news/index.html"], "timezone": "Asia/Shanghai",
    }})
    return server, config, tmp_path / "bulletin.db"


def crawl(db, config, *args):
    result = run_cli("crawl", "qingshan", "--progress", "off", *args, db=db, config=config)
    assert result.exit_code == 0, result.stderr[-3000:]
    return result


def test_a_crawl_learns_the_site_model(site):
    server, config, db = site
    crawl(db, config)
    shown = run_cli("site-model", "qingshan", "--json", db=db)
    assert shown.exit_code == 0, shown.stderr
    model = json.loads(shown.stdout)
    assert model["site"] == "qingshan" and model["pages"] == len(ARTICLES) and model["active"]
    assert [a["text"] for a in model["title_suffixes"]] == [SITE_NAME]
    texts = {line["text"] for line in model["lines"]}
    assert DISCLAIMER[:80] in texts and QR_LINE in texts
    assert not any("安全生产" in text for text in texts)  # article text is never template
    text = run_cli("site-model", "qingshan", db=db)
    assert text.exit_code == 0, text.stderr
    assert f"learned from {len(ARTICLES)} pages" in text.stdout
    assert f"title suffix:  {SITE_NAME}" in text.stdout


def test_site_model_of_an_unknown_site_is_a_one_line_error(site):
    server, config, db = site
    crawl(db, config)
    shown = run_cli("site-model", "nowhere", db=db)
    assert shown.exit_code == 1
    assert shown.stderr.strip().splitlines() == ["Error: no site model for 'nowhere' (crawl the site first: bulletin crawl nowhere)"]


INTERSTITIAL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>请稍候</title></head>
<body><h2>请稍候</h2><p>正在为您加载页面，请勿关闭窗口。</p></body></html>"""


def test_a_page_without_the_site_template_is_a_failed_fetch(site):
    from support.sitemodel_site import add_article

    server, config, db = site
    crawl(db, config)
    add_article(server.root, "a9", "青山区发布一季度经济运行情况", "2024-03-28 09:00", INTERSTITIAL)
    crawl(db, config)
    import sqlite3

    with sqlite3.connect(db) as conn:
        urls = [row[0] for row in conn.execute("SELECT url FROM releases")]
        failures = conn.execute("SELECT url, reason FROM fetch_failures WHERE url LIKE '%a9.html'").fetchall()
    assert not any(url.endswith("a9.html") for url in urls)
    assert len(failures) == 1
    assert "not the site's page" in failures[0][1]
