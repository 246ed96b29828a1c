"""A redesign that starts or stops carrying the site's name in a watched page's title
(``Current Drinking Water Advisories | Norland DEQ`` → ``Current Drinking Water Advisories``) is
the template's doing, not an edit; under the same template a title that lost or gained a part
is one, and a redesign with another title is one too."""

from __future__ import annotations

import pytest

from storage import FetchedRelease, Store

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
