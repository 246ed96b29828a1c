"""A redesign that starts or stops carrying the site's name in a watched page's title
(``Current Drinking Water Advisories | Norland DEQ`` → ``Current Drinking Water Advisories``) is
the template's doing, not an edit; under the same template a title that lost or gained a part
is one, and a redesign with another title is one too. A redesign that draws the figures a
second time (a table for desktops, cards for phones) around the same text is no edit either;
one that changes a figure, a sentence or adds a line with new words is one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import FetchedRelease, Store, changed_fields

URL = "http://deq.example.gov/water/advisories"
BODY = "Advisories in effect.\n\nAshby\tCity of Ashby\tBoil water\tActive"
DRUPAL = b'<html><body class="html not-front page-node"><div id="page-wrapper"><div id="page"><div class="field-items"><div class="field-item even">t</div></div></div></div></body></html>'
USWDS = b'<html><body><section class="usa-banner"><div class="usa-accordion"><header class="usa-header usa-header--extended"><main class="usa-layout-docs__main usa-prose" id="main-content">t</main></header></div></section></body></html>'


def _page(title: str, raw: bytes) -> FetchedRelease:
    return FetchedRelease(url=URL, title=title, body=BODY, raw_body=raw)


@pytest.mark.parametrize(
    ("before", "after", "raw", "kind"),
    [
        ("Current Advisories | Norland DEQ", "Current Advisories", USWDS, "unchanged"),
        ("Current Advisories", "Norland DEQ - Current Advisories", USWDS, "unchanged"),
        ("Current Advisories | Norland DEQ", "Current Advisories", DRUPAL, "edited"),
        ("Current Advisories | Norland DEQ", "Current Advisories (archived)", USWDS, "edited"),
        ("Current Advisories", "Current Advisories 2021", USWDS, "edited"),
    ],
    ids=[
        "redesign-drops-the-site-name",
        "redesign-adds-it-before",
        "same-template-drops-a-part",
        "redesign-with-another-title",
        "redesign-adds-a-word-not-a-part",
    ],
)
def test_the_sites_name_in_a_title_a_redesign_adds_or_drops_is_no_edit(
    tmp_path, before, after, raw, kind
):
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", _page(before, DRUPAL))
        assert store.record_release("demo", _page(after, raw)).kind == kind


FILES = [
    ("附件1：岗位表.xls", "/uploadfiles/202011/20201105.xls"),
    ("附件2：报名表.doc", "/uploadfiles/202011/20201106.doc"),
]


def _with_files(raw: bytes, files) -> FetchedRelease:
    page = _page("公开招聘公告", raw)
    page.attachments = [{"name": name, "url": "http://x.gov.cn" + url} for name, url in files]
    return page


@pytest.mark.parametrize(
    ("files", "raw", "kind"),
    [
        (
            [(n, u.replace("/uploadfiles/202011/", "/cms/attach/2020/11/")) for n, u in FILES],
            USWDS,
            "unchanged",
        ),
        (
            [(n, u.replace("/uploadfiles/202011/", "/cms/attach/2020/11/")) for n, u in FILES],
            DRUPAL,
            "edited",
        ),
        ([FILES[0], ("附件2：报名表（更正）.doc", "/cms/attach/2020/11/x.doc")], USWDS, "edited"),
    ],
    ids=["redesign-moves-the-files", "same-template-new-address", "redesign-and-a-file-replaced"],
)
def test_attachments_a_redesign_moves_to_new_addresses_are_no_edit(tmp_path, files, raw, kind):
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", _with_files(DRUPAL, FILES))
        assert store.record_release("demo", _with_files(raw, files)).kind == kind


ROWS = "品种\t规格\t单位\t本期价格\t上期价格\t环比（%）\n粳米\t标一\t元/500克\t2.95\t2.93\t0.68\n鸡蛋\t散装\t元/500克\t5.20\t5.31\t-2.07"
CARDS = "粳米标一\t2.95元/500克\t环比 0.68%\n鸡蛋散装\t5.20元/500克\t环比 -2.07%"
PRICES = "今日我市重要民生商品价格总体平稳。\n\n" + ROWS + "\n\n注：价格为当日上午采集的平均值。"
WITH_CARDS = PRICES.replace("\n\n注", "\n\n" + CARDS + "\n\n注")
# A sentence of the page whose figures one row holds, every one, under the page's words.
SUMMARY = "鸡蛋散装 5.20元/500克，环比 -2.07%。"


def _prices(body: str, raw: bytes) -> FetchedRelease:
    return FetchedRelease(url=URL, title="重要民生商品价格监测日报", body=body, raw_body=raw)


@pytest.mark.parametrize(
    ("after", "raw", "kind"),
    [
        (WITH_CARDS, USWDS, "unchanged"),
        (WITH_CARDS, DRUPAL, "edited"),
        (WITH_CARDS.replace("5.20\t5.31", "5.25\t5.31"), USWDS, "edited"),
        (WITH_CARDS.replace("5.20元", "5.25元"), USWDS, "edited"),
        (WITH_CARDS + "\n\n籼米标一\t2.70元/500克\t环比 0.68%", USWDS, "edited"),
        (PRICES.replace("总体平稳", "总体平稳，蔬菜小幅上涨"), USWDS, "edited"),
        (
            PRICES.replace("\n\n注", "\n\n鸡蛋散装 5.20 元/500克 本周起停止监测\n\n注"),
            USWDS,
            "edited",
        ),
        (PRICES.replace("\n\n注", "\n\n" + SUMMARY + "\n\n注"), USWDS, "edited"),
    ],
    ids=[
        "redesign-draws-the-rows-again-as-cards",
        "same-template-adds-cards",
        "redesign-and-a-cell-changed",
        "redesign-and-a-card-says-another-figure",
        "redesign-and-a-card-of-no-row",
        "redesign-and-a-sentence-changed",
        "redesign-adds-a-line-with-new-words",
        "redesign-adds-a-summary-of-one-row",
    ],
)
def test_figures_a_redesign_draws_twice_are_no_edit(tmp_path, after, raw, kind):
    # A responsive template draws the table for desktops and again as cards for phones (one of
    # them hidden by CSS): every card says one row's figures under the page's own words.
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", _prices(PRICES, DRUPAL))
        assert store.record_release("demo", _prices(after, raw)).kind == kind


def test_after_a_redesign_set_aside_a_one_cell_edit_is_an_edit_and_a_stale_copy_is_not(tmp_path):
    now = [datetime(2022, 6, 10, 1, 30, tzinfo=UTC)]
    modified = "Fri, 10 Jun 2022 01:05:00 GMT"
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        first = _prices(PRICES, DRUPAL)
        first.headers = {"Last-Modified": modified}
        store.record_release("demo", first)
        now[0] += timedelta(days=1)
        assert store.record_release("demo", _prices(WITH_CARDS, USWDS)).kind == "unchanged"
        now[0] += timedelta(days=1)
        edit = _prices(WITH_CARDS.replace("2.95", "2.99"), USWDS)
        edit.headers = {"Last-Modified": "Sun, 12 Jun 2022 01:05:00 GMT"}
        result = store.record_release("demo", edit)
        assert (result.kind, result.changed_fields) == ("edited", ["body"])
        now[0] += timedelta(days=1)
        stale = _prices(WITH_CARDS, USWDS)  # the first day's figures, drawn by the new template
        stale.headers = {"Last-Modified": modified, "Age": str(2 * 86400 + 600)}
        assert store.record_release("demo", stale).kind == "held"
        assert [e["kind"] for e in store.events(include_baseline=True)] == ["new", "edited"]


TABLE = "\n".join(
    [
        "County\tWater system\tAdvisory\tIssued\tStatus",
        "Ashby\tCity of Ashby\tBoil water\tSept. 3, 2019\tActive",
        "Bellmont\tCrane Hollow Mobile Home Park\tDo not drink\tAug. 28, 2019\tActive",
        "Carver\tLake Tessa Water District\tBoil water\tSept. 5, 2019\tLifted Sept. 8, 2019",
        "Dunmore\tVillage of Elk Ridge\tBoil water\tAug. 30, 2019\tActive",
        "Fairhaven\tFairhaven Rural Water Assn.\tLead advisory\tJuly 12, 2019\tActive",
    ]
)
ADVISORIES = (
    "A boil water advisory is issued when a water system loses pressure, has a main break or "
    "finds bacteria in a sample. Customers should bring water to a rolling boil for one minute "
    "before drinking it, making ice or brushing teeth.\n\n"
    + TABLE
    + "\n\nQuestions about an advisory should go to the water system first. For general "
    "questions, call the Drinking Water Program at 555-0143."
)
BOXED = (
    ADVISORIES.replace(TABLE, "Advisories in effect\n\n" + TABLE)
    + "\n\nGet advisories by text\n\nText WATER to 55501 to receive advisories for your county."
)


def _advisories(body: str, raw: bytes) -> FetchedRelease:
    return FetchedRelease(url=URL, title="Current Advisories", body=body, raw_body=raw)


@pytest.mark.parametrize(
    ("after", "raw", "kind"),
    [
        (BOXED, USWDS, "unchanged"),
        (BOXED, DRUPAL, "edited"),
        (BOXED.replace("3, 2019\tActive", "3, 2019\tLifted"), USWDS, "edited"),
        (ADVISORIES + "\n\nAshby\tPine Flats\tActive", USWDS, "edited"),
        (
            ADVISORIES.replace(
                "\n\nQuestions", "\n\nThe Ashby advisory covers Elm Street.\n\nQuestions"
            ),
            USWDS,
            "edited",
        ),
        (
            ADVISORIES + "\n\n" + " ".join(["More advice on boiling water for infants."] * 6),
            USWDS,
            "edited",
        ),
    ],
    ids=[
        "redesign-adds-its-boxes-around-the-text",
        "same-template-adds-a-box",
        "redesign-boxes-and-a-cell-changed",
        "redesign-and-a-row-after-the-text",
        "redesign-and-a-line-inside-the-text",
        "redesign-and-a-long-paragraph-after-the-text",
    ],
)
def test_boxes_a_redesign_draws_around_the_text_are_no_edit(tmp_path, after, raw, kind):
    # A rebuild puts a caption on the table and a "Get advisories by text" box after the text:
    # short runs of prose where templates put their own, beside the page's text, not inside it.
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", _advisories(ADVISORIES, DRUPAL))
        assert store.record_release("demo", _advisories(after, raw)).kind == kind


def test_after_a_redesign_set_aside_the_page_is_compared_as_the_new_template_draws_it(tmp_path):
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", _advisories(ADVISORIES, DRUPAL))
        assert store.record_release("demo", _advisories(BOXED, USWDS)).kind == "unchanged"
        assert store.record_release("demo", _advisories(BOXED, USWDS)).kind == "unchanged"
        # Under the new template a box of its own is no longer a redesign's: an edit.
        more = BOXED + "\n\nBoil water notices are also posted on our social media."
        assert store.record_release("demo", _advisories(more, USWDS)).kind == "edited"
        edit = more.replace("3, 2019\tActive", "3, 2019\tLifted Sept. 9, 2019")
        result = store.record_release("demo", _advisories(edit, USWDS))
        assert (result.kind, result.changed_fields) == ("edited", ["body"])
        diffs = [e["diff"] for e in store.events(include_baseline=True) if e["kind"] == "edited"]
        assert "social media" in diffs[0] and "advisories by text" not in diffs[0], diffs[0]
        assert [v["seq"] for v in store.versions(URL)] == [1, 2, 3]


def test_a_summary_line_a_redesign_drops_is_an_edit_though_a_row_holds_its_figures(tmp_path):
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        before = PRICES.replace("\n\n注", "\n\n" + SUMMARY + "\n\n注")
        store.record_release("demo", _prices(before, DRUPAL))
        result = store.record_release("demo", _prices(PRICES, USWDS))
        assert (result.kind, result.changed_fields) == ("edited", ["body"])


def test_the_old_templates_share_bar_gone_and_the_new_ones_box_added_are_no_edit(tmp_path):
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        shared = ADVISORIES + "\n\nShare this page: Facebook Twitter Email"
        store.record_release("demo", _advisories(shared, DRUPAL))
        assert store.record_release("demo", _advisories(BOXED, USWDS)).kind == "unchanged"


def test_a_line_of_the_text_rewritten_as_the_template_changes_is_an_edit(tmp_path):
    closing = "Questions about an advisory should go to the water system first."
    edited = BOXED.replace(closing, closing[:-1] + " or to the county health office.")
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", _advisories(ADVISORIES, DRUPAL))
        assert store.record_release("demo", _advisories(edited, USWDS)).kind == "edited"


NAMES = [
    {"name": "统计表.xlsx", "url": "http://x.gov.cn/a.xlsx"},
    {"name": "说明.pdf", "url": "http://x.gov.cn/b.pdf"},
]
TEXT = "本月全市规模以上工业增加值同比增长5.2%。"


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        ("附件：统计表.xlsx\n说明.pdf", "相关附件：统计表.xlsx\n说明.pdf", []),
        ("附件下载\n统计表.xlsx\n说明.pdf", "XLSX 统计表.xlsx（25.3KB）\nPDF 说明.pdf [下载]", []),
        ("附件：统计表.xlsx 说明.pdf", "附件1：统计表.xlsx\n附件2：说明.pdf", []),
        ("附件：统计表.xlsx\n说明.pdf", "请填写统计表.xlsx后报送。\n说明.pdf", ["body"]),
    ],
    ids=[
        "label-beside-the-name",
        "type-size-button",
        "two-names-one-line",
        "a-sentence-naming-one",
    ],
)
def test_an_attachment_line_drawn_otherwise_is_no_change(before, after, changed):
    def fields(lines):
        return {"title": "t", "body": TEXT + "\n" + lines, "attachments": NAMES}

    assert changed_fields(fields(before), fields(after)) == changed
