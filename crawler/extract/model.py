"""Result types of extraction. Plain dataclasses: JSON-ready through ``to_dict()``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

# The extraction rules' revision, stored with every version (``versions.extractor_revision``).
# Bump it when a rule change alters extracted fields: a stored version read under another
# revision is re-extracted from its raw body before a refetch is compared with it, so better
# rules never read as edits (docs/extraction.md, "Upgrades are migrations, not news").
EXTRACTOR_REVISION = 9


@dataclass
class Selectors:
    """Optional per-site overrides (CSS, or XPath when the string starts with ``/`` or ``(``).

    Any field left ``None`` falls back to the generic rules.
    """

    title: str | None = None
    source: str | None = None
    published_at: str | None = None
    body: str | None = None
    breadcrumb: str | None = None
    list_item: str | None = None  # one element per row of the main list
    next_page: str | None = None  # element(s) whose href is the next list page


@dataclass
class Article:
    """One article page parsed into the fields of a release."""

    url: str
    title: str | None = None
    source: str | None = None
    # ISO 8601 with offset ("2022-12-14T15:00:00+08:00"), or "2022-12-14" when the page has no time.
    published_at: str | None = None
    body: str = ""  # plain text, paragraphs separated by one blank line
    breadcrumb: list[str] = field(default_factory=list)
    column: str | None = None
    attachments: list[dict] = field(default_factory=list)  # [{"url": ..., "name": ...}]
    # Secondary facts kept for archivists; not part of the `bulletin extract` contract.
    published_at_meta: str | None = None  # the <meta> date when it disagrees with the visible one
    breadcrumb_links: list[dict] = field(
        default_factory=list
    )  # [{"name": ..., "url": ...}] linked crumbs
    next_pages: list[str] = field(default_factory=list)  # further pages of a multi-page article
    encoding: str | None = None  # the encoding the bytes were decoded with
    # The <meta>/<title> spelling of the title when the visible heading (the title) reads otherwise.
    title_variant: str | None = None
    # Provenance for `--explain`: field -> the rule that produced it ("labelled 发布时间 line", …).
    explain: dict = field(default_factory=dict)
    # What the site model learns from this page (when extracted with a model); not in to_dict().
    features: object | None = field(default=None, repr=False, metadata={"internal": True})

    def to_dict(self) -> dict:
        # Shallow: the values are already plain lists, dicts and strings (asdict deep-copies them).
        return {
            f.name: getattr(self, f.name) for f in fields(self) if not f.metadata.get("internal")
        }


@dataclass
class ListLink:
    """One row of a list page's main list."""

    url: str
    title: str
    date: str | None = None  # "YYYY-MM-DD" when the row shows a date
    pinned: bool = False  # 置顶 / "top" rows that stay on page 1


@dataclass
class ListPage:
    """A list (column) page: the rows of its main list and where the next pages are."""

    url: str
    links: list[ListLink] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)  # absolute URLs, nearest page first
    column: str | None = None  # the column's name (breadcrumb tail, ColumnName meta, <title>)
    breadcrumb: list[str] = field(default_factory=list)
    # True when the page has no rows in its HTML because a script renders them client-side.
    client_side_rendered: bool = False
    encoding: str | None = None
    # Where the main list sits: tag/class steps from <body> to the row tag, the same on every page
    # of a column; pass it as ``extract_list(..., list_hint=...)`` for the column's later pages.
    list_path: str | None = None
    # Rows of the main list left out because the page holds more than ``max_rows`` (0: none cut).
    truncated_rows: int = 0
    # The page shows its list in a frame (``<iframe src="list_content.html">``): that page's
    # address, also ``next_pages[0]``, which the crawl reads as this list page.
    list_frame: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)
