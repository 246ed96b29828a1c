"""How the body reads line by line, beyond what the corpus scorer sees (it removes all white
space): label/value pairs on one line each, a table's rows with every cell under its heading
(spanned cells included), the files a release attaches, and what the page hides from the eye (a
screen-reader label inside the text, a carousel's copies of its slides). The checks live in the
body labels (``body_lines``: a line as it reads, spaces aside; ``body_rows``: a row's cells,
tab-separated; ``attachments``: the attached files' names; ``body_excludes``: text the body must
not hold; ``body_once``: text it holds exactly once); a check not yet met is a strict
``known_miss``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extract.article import extract_article
from crawler.extract.text import squash

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
LABELS = [
    json.loads(line)
    for labels in sorted(ARTICLES.glob("labels-body*.jsonl"))
    for line in labels.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _article(label: dict):
    url = label.get("url") or (ARTICLES / label["file"]).resolve().as_uri()
    return extract_article((ARTICLES / label["file"]).read_bytes(), url)


def _cells(line: str) -> list[str]:
    cells = [squash(cell) for cell in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _params(key: str) -> list:
    return [
        pytest.param(
            label,
            id=label["file"].removesuffix(".html"),
            marks=[pytest.mark.xfail(strict=True, reason="known miss")]
            if key in label.get("known_miss", ())
            else [],
        )
        for label in LABELS
        if label.get(key)
    ]


@pytest.mark.parametrize("label", _params("body_lines"))
def test_pairs_read_as_one_line(label):
    lines = {squash(line) for line in _article(label).body.split("\n")}
    missing = [want for want in label["body_lines"] if squash(want) not in lines]
    assert not missing


@pytest.mark.parametrize("label", _params("body_rows"))
def test_rows_keep_each_cell_under_its_heading(label):
    rows = [_cells(line) for line in _article(label).body.split("\n")]
    missing = [row for row in label["body_rows"] if _cells("\t".join(row)) not in rows]
    assert not missing


@pytest.mark.parametrize("label", _params("attachments"))
def test_attachments_are_listed(label):
    assert [a["name"] for a in _article(label).attachments] == label["attachments"]


@pytest.mark.parametrize("label", _params("body_excludes"))
def test_hidden_text_stays_out(label):
    body = squash(_article(label).body)
    assert [text for text in label["body_excludes"] if squash(text) in body] == []


@pytest.mark.parametrize("label", _params("body_once"))
def test_copies_are_read_once(label):
    body = squash(_article(label).body)
    assert {text: body.count(squash(text)) for text in label["body_once"]} == {
        text: 1 for text in label["body_once"]
    }
