"""Titles on pages written blind (tests/fixtures/articles/labels-titles.jsonl): the fields are
scored with every article fixture in test_article_pages.py; here, the secondary ``title_variant``
— the `<title>`/`<meta>` spelling that differs from the visible heading the title comes from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extract.article import extract_article
from crawler.extract.text import fold

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
VARIANTS = [
    label
    for line in (ARTICLES / "labels-titles.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip() and "title_variant" in (label := json.loads(line))
]


@pytest.mark.parametrize(
    "label",
    [
        pytest.param(
            label,
            id=label["file"].removesuffix(".html"),
            marks=[pytest.mark.xfail(strict=True, reason="known miss")]
            if "title_variant" in label.get("known_miss", ())
            else [],
        )
        for label in VARIANTS
    ],
)
def test_title_variant(label):
    path = ARTICLES / label["file"]
    article = extract_article(path.read_bytes(), path.resolve().as_uri())
    assert fold(article.title_variant) == fold(label["title_variant"]), article.title_variant
