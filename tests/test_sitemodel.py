"""The site model: learned from a site's pages, stored with the site, applied to its pages."""

from __future__ import annotations

import json

import pytest

from crawler.extract import extract_article
from crawler.extract.sitemodel import (
    MIN_PAGES,
    PageView,
    SiteModel,
    learn,
    page_features,
    title_segments,
)
from storage import FetchedRelease, Store
from support.harness import run_cli, write_config
from support.sitemodel_site import (
    ARTICLES,
    DISCLAIMER,
    FOOTER_SOURCE,
    NEWSROOM,
    QR_LINE,
    SITE_NAME,
    article_html,
    crawl,
    site_table,
    write_site,
)

# Pure model -----------------------------------------------------------------------------------


def _page(title, *lines):
    return page_features(list(lines), title)


@pytest.mark.parametrize(
    "title, parts",
    [
        ("通知——青山区人民政府", ["通知", "青山区人民政府"]),
        ("通知_政务动态_青山区", ["通知", "政务动态", "青山区"]),
        ("通知 | 青山区", ["通知", "青山区"]),
        ("通知丨青山区", ["通知", "青山区"]),
        ("通知  青山区", ["通知", "青山区"]),
        ("通知\u3000青山区", ["通知", "青山区"]),
        ("关于 通知 青山区", ["关于", "通知", "青山区"]),
        ("Budget 2024 - Ministry of Finance", ["Budget 2024", "Ministry of Finance"]),
    ],
    ids=[
        "em-dashes",
        "underscores",
        "bar",
        "shu",
        "two-spaces",
        "ideographic-space",
        "space-between-cjk",
        "latin",
    ],
)
def test_title_segments_cut_at_any_separator(title, parts):
    assert title_segments(title) == parts


def test_a_young_model_applies_nothing():
    pages = [
        _page(f"标题{i}——某某网", "首页", "版权所有 某某网", f"正文第{i}段。")
        for i in range(MIN_PAGES - 1)
    ]
    model = learn(pages)
    assert not model.active
    assert model.template == set()
    assert model.strip_title("标题——某某网") == ("标题——某某网", None)


def test_learns_title_suffix_and_repeated_lines():
    pages = [
        _page(
            f"第{i}号通知——某某网", "首页 政务公开", "版权所有 某某网", f"这是第{i}篇文章的正文。"
        )
        for i in range(8)
    ]
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


def test_body_loses_template_lines_at_its_edges_and_long_ones_inside():
    model = learn(
        [
            _page(
                "t",
                "页头",
                "特此公告。",
                "本网站所载内容仅供参考，转载请注明来源，如有疑问请与我们联系。",
                "分享到：微信 微博",
                f"正文{i}。",
            )
            for i in range(8)
        ]
    )
    lines = [
        "分享到：微信 微博",
        "正文甲。",
        "特此公告。",
        "正文乙。",
        "本网站所载内容仅供参考，转载请注明来源，如有疑问请与我们联系。",
        "正文丙。",
        "分享到：微信 微博",
    ]
    view = PageView(model, lines, "t")
    explain = {}
    kept = view.body(
        [(line, i) for i, line in enumerate(lines)], [-1] * len(lines), [0] * len(lines), explain
    )
    # A short template line between the article's own lines is the article's ("特此公告。").
    assert [text for text, _ in kept] == ["正文甲。", "特此公告。", "正文乙。", "正文丙。"]
    assert explain["body"].startswith("site model r1: 3 template lines left out")


def test_a_title_that_is_the_site_banner_gives_way_to_the_document_title():
    model = learn(
        [_page(f"第{i}号通知_某某市人民政府", "某某市人民政府", f"正文{i}。") for i in range(8)]
    )
    view = PageView(model, ["某某市人民政府", "正文。"], "关于春节放假的通知_某某市人民政府")
    explain = {"title": "h1 heading"}
    assert view.title("某某市人民政府", explain) == "关于春节放假的通知"
    assert "is the site's template" in explain["title"]


def test_a_data_table_keeps_its_repeated_header_row():
    header = "指标\t本月\t同比"
    model = learn([_page("统计", "页头", header, f"工业增加值\t{i}\t{i}%") for i in range(8)])
    assert model.is_template(header)
    lines = ["页头", header, "工业增加值\t99\t9%"]
    view = PageView(model, lines, "统计")
    kept = view.body([(line, i) for i, line in enumerate(lines)], [-1, 0, 0], [0, 0, 0], {})
    assert [text for text, _ in kept] == [header, "工业增加值\t99\t9%"]
    # A table that is all template (a footer laid out as a table) is not content.
    kept = view.body([(lines[1], 1)], [-1, 0, 0], [0, 0, 0], {})
    assert kept == []


def test_source_on_a_template_line_outside_the_article_is_dropped():
    model = learn(
        [
            _page("t", "信息来源：某某办公室 电话：123", "来源：某某中心", f"正文{i}。")
            for i in range(8)
        ]
    )
    lines = ["某某通知", "来源：某某中心", "正文。", "信息来源：某某办公室 电话：123"]
    view = PageView(model, lines, "t")
    explain = {"source": "labelled 来源 after the body"}
    assert view.source("某某办公室", lines, 0, 3, explain) is None
    assert "is the site's template" in explain["source"]
    # The same repeated line inside the article's part of the page is its real source.
    assert view.source("某某中心", lines, 0, 3, {}) == "某某中心"


def test_strip_text_applies_the_body_rule_to_stored_text():
    model = learn(
        [
            _page(
                "t", "本网站所载内容仅供参考，转载请注明来源，如有疑问请与我们联系。", f"正文{i}。"
            )
            for i in range(8)
        ]
    )
    text = "正文一。\n\n正文二。\n\n本网站所载内容仅供参考，转载请注明来源，如有疑问请与我们联系。"
    assert model.strip_text(text) == "正文一。\n\n正文二。"


def test_a_template_line_ending_the_text_is_stripped_when_an_attachment_box_follows_it():
    # A release that gains an attachment keeps the same text: the box after the closing
    # template line does not make that line interior (and so content).
    closing = "本网站所载内容仅供参考，转载请注明来源，如有疑问请与我们联系。"
    model = learn([_page("t", closing, f"正文{i}。") for i in range(8)])
    text = f"正文一。\n\n{closing}"
    boxed = f"{text}\n\n附件：\n\n工作安排.pdf"
    assert model.strip_text(text) == "正文一。"
    assert model.strip_text(boxed) == "正文一。\n\n附件：\n\n工作安排.pdf"


def test_extraction_with_the_model_fixes_what_one_page_cannot_tell():
    pages = [
        extract_article(
            article_html(t, d, s, p).encode(), f"http://qs.example/news/{n}.html", model=SiteModel()
        )
        for n, t, d, s, p in ARTICLES
    ]
    model = learn(article.features for article in pages).for_extraction()
    name, title, date, source, paragraphs = ARTICLES[2]  # prints no source of its own
    html = article_html(title, date, source, paragraphs).encode()
    alone = extract_article(html, "http://qs.example/news/a3.html", timezone="Asia/Shanghai")
    assert DISCLAIMER in alone.body and alone.source == FOOTER_SOURCE  # what one page cannot tell
    article = extract_article(
        html, "http://qs.example/news/a3.html", timezone="Asia/Shanghai", model=model
    )
    assert article.title == title
    assert article.source is None
    assert article.body == "\n\n".join(paragraphs)
    assert "site model" in article.explain["source"] and "site model" in article.explain["body"]
    newsroom = extract_article(
        article_html(*ARTICLES[0][1:]).encode(), "http://qs.example/news/a1.html", model=model
    )
    assert newsroom.source == NEWSROOM


NOTICE = [
    "本站发布的信息，除注明来源外，版权均属本站所有，未经许可，不得转载、摘编或以其他方式使用。",
    "如需转载，请与本站联系，并注明出处；违者，本站将依法追究其法律责任，特此声明。",
    "本站所载内容，仅供参考，如有错误，请以正式文件为准；如有疑问，请拨打热线电话咨询。",
]


def _briefing(i):
    notice = "".join(f"<p>{text}</p>" for text in NOTICE)
    return f"""<html><head><title>第{i}期工作简报_某县人民政府</title></head><body>
<div class="l"><h2>第{i}期工作简报</h2><p>2024-03-{i + 1:02d}</p>
<p>本期简报第{i}号：全县春耕生产进展顺利，已完成播种面积{i}万亩。</p></div>
<div class="r">{notice}</div></body></html>""".encode()


def test_template_prose_does_not_win_the_body_without_a_cms_container():
    pages = [
        extract_article(_briefing(i), f"http://x.gov.cn/{i}.html", model=SiteModel())
        for i in range(8)
    ]
    model = learn(page.features for page in pages).for_extraction()
    alone = extract_article(_briefing(9), "http://x.gov.cn/9.html")
    assert alone.body.startswith(
        NOTICE[0]
    )  # what one page cannot tell: the notice is the densest prose
    article = extract_article(_briefing(9), "http://x.gov.cn/9.html", model=model)
    assert article.body == "本期简报第9号：全县春耕生产进展顺利，已完成播种面积9万亩。"


def test_a_model_change_is_not_an_edit_in_the_store(tmp_path):
    with Store(tmp_path / "bulletin.db") as store:
        store.ensure_site("qs", title="青山")
        raw = article_html(*ARTICLES[0][1:]).encode()
        old = FetchedRelease(
            url="http://qs.example/a1.html",
            title="标题",
            body="正文。\n\n" + DISCLAIMER,
            raw_body=raw,
            model_revision=None,
        )
        store.record_release("qs", old, crawl_id=store.start_crawl("qs"))
        new = FetchedRelease(
            url="http://qs.example/a1.html",
            title="标题",
            body="正文。",
            raw_body=raw,
            model_revision=3,
        )
        seen = []

        def refresh(version):
            seen.append(version["body"])
            return {"title": "标题", "body": "正文。", "attachments": []}

        result = store.record_release("qs", new, crawl_id=store.start_crawl("qs"), refresh=refresh)
        assert result.kind == "unchanged" and seen == ["正文。\n\n" + DISCLAIMER]
        assert store.events("qs") == []
        version = store.versions("http://qs.example/a1.html")[-1]
        assert version["body"] == "正文。" and len(store.versions("http://qs.example/a1.html")) == 1
        [migration] = store.reextractions("qs")
        assert migration["model_revision"] == 3 and migration["changed_fields"] == ["body"]
        assert migration["previous"]["body"].endswith(DISCLAIMER)


# A real crawl ---------------------------------------------------------------------------------


@pytest.fixture
def site(serve_site, tmp_path):
    server = serve_site(write_site(tmp_path / "qingshan"))
    config = write_config(
        tmp_path / "sites.toml",
        {"qingshan": site_table(server.url)},
    )
    return server, config, tmp_path / "bulletin.db"


def test_a_crawl_learns_the_site_model(site):
    server, config, db = site
    crawl(db, config)
    shown = run_cli("site-model", "qingshan", "--json", db=db)
    assert shown.exit_code == 0, shown.stderr
    model = json.loads(shown.stdout)
    assert model["site"] == "qingshan" and model["pages"] == len(ARTICLES) and model["active"]
    assert [a["text"] for a in model["title_suffixes"]] == [SITE_NAME]
    assert [hint["column"] for hint in model["list_hints"]] == [server.url.rstrip("/") + "/news/"]
    assert model["list_hints"][0]["path"].endswith("ul.list > li")
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
    assert shown.stderr.strip().splitlines() == [
        "Error: no site model for 'nowhere' (crawl the site first: bulletin crawl nowhere)"
    ]


INTERSTITIAL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>请稍候</title></head>
<body><h2>请稍候</h2><p>正在为您加载页面，请勿关闭窗口。</p></body></html>"""


BARE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>青山区文化馆春季公益课程报名</title></head>
<body><h1>青山区文化馆春季公益课程报名</h1><p>发布时间：2024-03-29 10:00</p>
<p>春季公益课程即日起接受报名，名额有限。</p></body></html>"""


def test_a_page_without_the_site_template_is_a_failed_fetch(site):
    from support.sitemodel_site import add_article

    server, config, db = site
    crawl(db, config)
    add_article(server.root, "a9", "青山区发布一季度经济运行情况", "2024-03-28 09:00", INTERSTITIAL)
    # A bare content page (no chrome, but a title and a date of its own) is a page, not a stub.
    add_article(server.root, "a10", "青山区文化馆春季公益课程报名", "2024-03-29 10:00", BARE_PAGE)
    crawl(db, config)
    import sqlite3

    with sqlite3.connect(db) as conn:
        urls = [row[0] for row in conn.execute("SELECT url FROM releases")]
        failures = conn.execute(
            "SELECT url, reason FROM fetch_failures WHERE url LIKE '%a9.html'"
        ).fetchall()
    assert not any(url.endswith("a9.html") for url in urls)
    assert any(url.endswith("a10.html") for url in urls)
    assert len(failures) == 1
    assert "not the site's page" in failures[0][1]


def _versions(db):
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {
            row["url"].rsplit("/", 1)[-1]: dict(row)
            for row in conn.execute(
                """SELECT r.url, v.title, v.source, v.body, v.model_revision, v.seq FROM releases r
               JOIN versions v ON v.id = r.current_version_id"""
            )
        }


def _events(db):
    result = run_cli("events", "--json", "--include-baseline", db=db)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _assert_fixed(versions):
    by_name = {name: (title, source) for name, title, _, source, _ in ARTICLES}
    for name, row in versions.items():
        title, source = by_name[name.removesuffix(".html")]
        assert row["title"] == title, name
        assert row["source"] == source, name  # the footer's 信息来源 is never the source
        assert DISCLAIMER not in row["body"] and QR_LINE not in row["body"], name
        assert row["seq"] == 1, name


def test_the_baseline_is_extracted_with_the_model_it_taught(site):
    server, config, db = site
    crawl(db, config)
    versions = _versions(db)
    assert len(versions) == len(ARTICLES)
    _assert_fixed(versions)
    revision = json.loads(run_cli("site-model", "qingshan", "--json", db=db).stdout)["revision"]
    assert {row["model_revision"] for row in versions.values()} == {revision}
    assert {event["kind"] for event in _events(db)} == {"new"}
    crawl(db, config, "--full")  # every page fetched and extracted again, now with the model
    assert [e for e in _events(db) if not e["baseline"]] == []
    assert _versions(db) == versions


def test_a_model_change_creates_no_events(serve_site, tmp_path):
    server = serve_site(write_site(tmp_path / "qingshan", articles=ARTICLES[:4]))
    config = write_config(
        tmp_path / "sites.toml",
        {"qingshan": site_table(server.url)},
    )
    db = tmp_path / "bulletin.db"
    crawl(db, config)
    young = _versions(db)
    assert all(
        DISCLAIMER in row["body"] for row in young.values()
    )  # 4 pages: too few to apply a model
    write_site(server.root)  # four more articles: the model now has 8 pages and applies
    crawl(db, config)
    versions = _versions(db)
    _assert_fixed(versions)  # the four old versions were re-extracted, as a migration
    news = [e for e in _events(db) if not e["baseline"]]
    assert sorted(e["kind"] for e in news) == ["new"] * 4, _events(db)
    assert {e["url"].rsplit("/", 1)[-1] for e in news}.isdisjoint(young)
    with Store(db) as store:
        migrated = {row["url"].rsplit("/", 1)[-1] for row in store.reextractions("qingshan")}
    assert set(young) <= migrated
    crawl(db, config, "--full")
    assert [e for e in _events(db) if not e["baseline"]] == news


def test_extract_with_the_site_model_explains_each_field(site):
    server, config, db = site
    crawl(db, config)
    page = server.root / "news" / "a3.html"
    alone = run_cli("extract", str(page), "--json")
    assert alone.exit_code == 0, alone.stderr
    assert json.loads(alone.stdout)["source"] == FOOTER_SOURCE and "site_model" not in json.loads(
        alone.stdout
    )
    shown = run_cli("extract", str(page), "--site", "qingshan", "--json", db=db)
    assert shown.exit_code == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["source"] is None and DISCLAIMER not in data["body"]
    assert data["site_model"]["site"] == "qingshan" and data["site_model"]["applied"]
    assert data["published_at"] == "2024-03-08T15:00:00+08:00"  # the site's stored time zone
    text = run_cli("extract", str(page), "--site", "qingshan", "--explain", db=db)
    assert text.exit_code == 0, text.stderr
    why = {
        line.split(":", 1)[0]: line for line in text.stdout.splitlines() if line.startswith("why ")
    }
    assert (
        "site model r" in why["why source"]
        and "信息来源：青山区人民政府办公室" in why["why source"]
    )
    assert "2 template lines left out" in why["why body"] and "on 8 of 8 pages" in why["why body"]
    missing = run_cli("extract", str(page), "--site", "nowhere", db=db)
    assert missing.exit_code == 1 and "no site model for 'nowhere'" in missing.stderr


def test_site_model_rebuild_relearns_from_stored_pages(site):
    server, config, db = site
    crawl(db, config)
    before = json.loads(run_cli("site-model", "qingshan", "--json", db=db).stdout)
    rebuilt = run_cli("site-model", "qingshan", "--rebuild", db=db)
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert rebuilt.stdout.startswith(
        f"rebuilt from {len(ARTICLES)} stored pages: revision {before['revision'] + 1};"
    )
    assert "(no events)" in rebuilt.stdout
    _assert_fixed(_versions(db))
    assert [e for e in _events(db) if not e["baseline"]] == []
    missing = run_cli("site-model", "nowhere", "--rebuild", db=db)
    assert missing.exit_code == 1 and "no site 'nowhere'" in missing.stderr


def test_a_store_from_before_site_models_learns_from_its_stored_pages(site):
    import sqlite3

    server, config, db = site
    crawl(db, config)
    with sqlite3.connect(db) as conn:  # the store as a release without site models left it
        conn.execute("""UPDATE versions SET model_revision = NULL,
                          title = (SELECT json_extract(x.previous, '$.title') FROM reextractions x WHERE x.version_id = versions.id),
                          source = (SELECT json_extract(x.previous, '$.source') FROM reextractions x WHERE x.version_id = versions.id),
                          body = (SELECT json_extract(x.previous, '$.body') FROM reextractions x WHERE x.version_id = versions.id)""")
        conn.execute("DELETE FROM reextractions")
        conn.execute("DELETE FROM site_models")
    assert all(DISCLAIMER in row["body"] for row in _versions(db).values())
    crawl(db, config, "--full")
    _assert_fixed(_versions(db))
    assert [e for e in _events(db) if not e["baseline"]] == []
    model = json.loads(run_cli("site-model", "qingshan", "--json", db=db).stdout)
    assert model["pages"] == len(ARTICLES) and model["active"]


NEW_DISCLAIMER = "本网站内容仅供参考，如需转载，请注明出处并与青山区政务公开办公室联系，我们将认真核实并及时处理。"


def test_a_template_change_on_every_page_is_no_edit_but_a_real_edit_still_is(site):
    server, config, db = site
    crawl(db, config)
    for page in (server.root / "news").glob("a*.html"):
        page.write_text(
            page.read_text(encoding="utf-8").replace(DISCLAIMER, NEW_DISCLAIMER), encoding="utf-8"
        )
    a1 = server.root / "news" / "a1.html"
    a1.write_text(
        a1.read_text(encoding="utf-8").replace("总结去年工作", "总结2023年工作"), encoding="utf-8"
    )
    crawl(db, config, "--full")
    news = [e for e in _events(db) if not e["baseline"]]
    assert [(e["kind"], e["url"].rsplit("/", 1)[-1]) for e in news] == [("edited", "a1.html")]
    versions = _versions(db)
    assert all(
        NEW_DISCLAIMER not in row["body"] for row in versions.values()
    )  # learned, then migrated
    assert "总结2023年工作" in versions["a1.html"]["body"]
    crawl(db, config, "--full")
    assert [e for e in _events(db) if not e["baseline"]] == news


def test_the_same_line_added_to_many_releases_is_an_edit_when_new_pages_lack_it(site):
    from support.sitemodel_site import add_article

    server, config, db = site
    crawl(db, config)
    for page in (server.root / "news").glob("a*.html"):
        page.write_text(
            page.read_text(encoding="utf-8").replace(
                f"<p>{DISCLAIMER}</p>", f"<p>本通知已于2024年4月1日废止。</p><p>{DISCLAIMER}</p>"
            ),
            encoding="utf-8",
        )
    name, title, date, source, paragraphs = ARTICLES[0]
    add_article(
        server.root,
        "a9",
        "青山区召开春季农业生产工作会议",
        "2024-03-28 09:00",
        article_html("青山区召开春季农业生产工作会议", "2024-03-28 09:00", NEWSROOM, paragraphs),
    )
    crawl(db, config, "--full")
    news = [e for e in _events(db) if not e["baseline"]]
    assert sorted(e["kind"] for e in news) == ["edited"] * len(ARTICLES) + ["new"]
