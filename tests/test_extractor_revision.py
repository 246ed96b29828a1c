"""EXTRACTOR_REVISION is bumped whenever the extraction rules change what a page stores.

A stored version read under another revision is re-extracted before a refetch is compared with
it (docs/extraction.md), so a forgotten bump is the one way a rule change reaches archivists as
false edits. `tests/fixtures/extractor_revision.txt` records a digest of what each page we wrote
(our article fixtures and the demo site) stores under the recorded revision: a page whose fields
moved under that same revision fails here. Pages added since the record are not yet vouched for;
`python -m tests.support.extractor_revision` records them (tests/support/extractor_revision.py).
"""

from __future__ import annotations

from crawler.extract import EXTRACTOR_REVISION
from tests.support.extractor_revision import RECORD, changed, current, read_record


def test_a_change_of_what_pages_store_comes_with_a_new_extractor_revision():
    revision, recorded = read_record()
    assert EXTRACTOR_REVISION >= revision, (
        f"EXTRACTOR_REVISION {EXTRACTOR_REVISION} is below the recorded revision {revision}"
    )
    if EXTRACTOR_REVISION > revision:
        return  # the rules were bumped: what pages store may change until the next record
    moved = changed(recorded, current())
    assert not moved, (
        f"{len(moved)} pages store other fields under EXTRACTOR_REVISION {EXTRACTOR_REVISION} "
        f"(first: {moved[:5]}): bump it in crawler/extract/model.py, then re-record "
        f"{RECORD.name} with `python -m tests.support.extractor_revision`"
    )


def test_the_record_covers_pages_that_exist():
    _, recorded = read_record()
    assert len(set(recorded) & set(current())) >= len(recorded) * 0.9, (
        "most recorded pages are gone: re-record with `python -m tests.support.extractor_revision`"
    )
