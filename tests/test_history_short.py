"""A watched page that is short to begin with ("There are no advisories in effect at this
time.") cannot collapse; a soft 404 in the site's chrome answered in its place — another title,
none of its lines, and it says the page is gone — is still a miss, not an edit: pending on its
first day, nothing when the page is back, removed when still so after the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import FetchedRelease, Store

URL = "http://deq.example.gov/water/advisories"
SHORT = "Current advisories\n\nThere are no drinking water advisories in effect at this time."
NOT_FOUND = (
    "Page not found\n\nWe’re sorry, we can’t find the page you’re looking for. It might have "
    "been removed, changed its name, or is otherwise unavailable.\n\nVisit our homepage."
)


def _page(title, body):
    return FetchedRelease(url=URL, title=title, body=body)


def test_a_soft_404_in_place_of_a_short_page_is_a_miss_not_an_edit(tmp_path):
    now = [datetime(2021, 6, 14, 14, 0, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", _page("Current Drinking Water Advisories", SHORT))
        now[0] += timedelta(days=1)
        soft = _page("Page not found", NOT_FOUND)
        assert store.record_release("demo", soft, confirm_after=3600).kind == "held"
        now[0] += timedelta(days=1)
        back = _page("Current Drinking Water Advisories", SHORT)
        assert store.record_release("demo", back, confirm_after=3600).kind == "unchanged"
        now[0] += timedelta(days=1)
        store.record_release("demo", soft, confirm_after=3600)
        now[0] += timedelta(days=1)
        store.record_release("demo", soft, confirm_after=3600)
        assert [e["kind"] for e in store.events(include_baseline=True)] == ["new", "removed"]


def test_a_short_page_rewritten_to_say_an_advisory_was_removed_is_an_edit(tmp_path):
    # Its own title kept: the page says something else, it is not another page.
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", _page("Current Drinking Water Advisories", SHORT))
        edit = _page(
            "Current Drinking Water Advisories",
            "Current advisories\n\nThe Ashby boil water advisory has been removed.",
        )
        assert store.record_release("demo", edit).kind == "edited"


@pytest.mark.parametrize(
    "body",
    [SHORT, "There are no advisories in effect at this time."],
    ids=["two-lines", "one-line"],
)
def test_a_response_cut_before_a_short_page_began_is_cut_short(tmp_path, body):
    # The cut comes before the text: no line at all is left. (A one-line page raised
    # IndexError; a short page of more lines, too short to collapse, became an empty version.)
    raw = b"<html><body><p>There are no advisories in effect at this time.</p></body></html>"
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        page = FetchedRelease(
            url=URL, title="Current Drinking Water Advisories", body=SHORT, raw_body=raw
        )
        store.record_release("demo", page)
        cut = FetchedRelease(
            url=URL, title="Current Drinking Water Advisories", body="", raw_body=raw[:20]
        )
        assert store.record_release("demo", cut).kind == "held"
