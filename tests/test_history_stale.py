"""A stale copy — one of a watched page's earlier versions served again, dated before the
current version — is a failed fetch: no edit back, and so no edit forth the day after. A cache's
``Age`` is believed however long the copy is served; a ``Last-Modified`` older than the current
version's alone (nginx's cache sends no ``Age``) is held like a collapse, and the copy believed
(a revert) when still served ``removal_confirm_after`` later: an origin answering an earlier
version may be the page put back after a version that was not the page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import FetchedRelease, Store
from support.store import sql

URL = "http://ggzy.example.gov.cn/jyxx/zbhxr/1.html"
FIRST = "中标候选人公示\n\n第一中标候选人\t青岚建工集团有限公司\t45,862,317.52\n\n第二中标候选人\t华岳建设\t46,105,882.10"
SECOND = FIRST.replace("45,862,317.52", "45,826,317.52")


def _page(body: str, **headers: str) -> FetchedRelease:
    return FetchedRelease(
        url=URL,
        title="中标候选人公示",
        body=body,
        headers={k.replace("_", "-").title(): v for k, v in headers.items()},
    )


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        ({"last_modified": "Tue, 14 Apr 2020 11:30:00 GMT", "age": str(5 * 86400)}, "held"),
        ({"age": str(3 * 86400)}, "held"),
        ({"last_modified": "Tue, 14 Apr 2020 11:30:00 GMT"}, "held"),
        ({"age": "120"}, "edited"),
        ({}, "edited"),
    ],
    ids=[
        "old-last-modified-and-age",
        "age-from-before-the-current-version",
        "old-last-modified-alone",
        "fresh-age-is-a-revert",
        "no-dating-headers-is-a-revert",
    ],
)
def test_an_earlier_version_served_again_under_old_headers_is_a_stale_copy(tmp_path, headers, kind):
    now = [datetime(2020, 4, 15, 1, 30, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", _page(FIRST, last_modified="Tue, 14 Apr 2020 11:30:00 GMT"))
        now[0] += timedelta(days=4)
        edit = _page(SECOND, last_modified="Sat, 18 Apr 2020 11:30:00 GMT")
        assert store.record_release("demo", edit).kind == "edited"
        now[0] += timedelta(days=1)
        assert store.record_release("demo", _page(FIRST, **headers)).kind == kind
        reasons = [r[0] for r in sql(store, "SELECT reason FROM fetch_failures")]
        if kind == "held":
            assert len(reasons) == 1 and reasons[0].startswith("stale copy: version 1 served again")
            now[0] += timedelta(days=1)
            assert store.record_release("demo", edit).kind == "unchanged"
        else:
            assert reasons == []


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        ({"age": str(6 * 86400)}, "held"),
        ({"last_modified": "Tue, 14 Apr 2020 11:30:00 GMT"}, "edited"),
    ],
    ids=["a-cache-is-believed-for-days", "an-old-date-alone-is-believed-after-the-window"],
)
def test_a_stale_copy_still_served_the_next_day(tmp_path, headers, kind):
    now = [datetime(2020, 4, 15, 1, 30, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", _page(FIRST, last_modified="Tue, 14 Apr 2020 11:30:00 GMT"))
        now[0] += timedelta(days=4)
        store.record_release("demo", _page(SECOND, last_modified="Sat, 18 Apr 2020 11:30:00 GMT"))
        for _ in range(2):
            now[0] += timedelta(days=1)
            result = store.record_release("demo", _page(FIRST, **headers), confirm_after=3600)
        assert result.kind == kind
        kinds = sorted(e["kind"] for e in store.events(include_baseline=True))
        assert kinds == (["edited", "edited", "new"] if kind == "edited" else ["edited", "new"])


def test_content_never_seen_from_a_cache_of_days_is_an_edit(tmp_path):
    # Only a copy of what was seen before is a stale one: a cache's old copy of content never
    # seen is what the page said (an edit the monitor missed), not noise.
    now = [datetime(2020, 4, 15, 1, 30, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", _page(FIRST, last_modified="Sat, 18 Apr 2020 11:30:00 GMT"))
        now[0] += timedelta(days=1)
        third = _page(
            SECOND + "\n\n更正说明：报价以开标记录为准。",
            last_modified="Tue, 14 Apr 2020 11:30:00 GMT",
        )
        assert store.record_release("demo", third).kind == "edited"
