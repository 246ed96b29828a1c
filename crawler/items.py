"""What the spider hands the pipeline: plain dataclasses (Scrapy supports them as items)."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from storage import DEFAULT_REMOVAL_CONFIRM_AFTER

from .extract.model import EXTRACTOR_REVISION, Article


def base64_text(value: bytes) -> str:
    """How feed exports (``scrapy crawl … -O items.jsonl``) write raw bytes: base64 text."""
    return base64.b64encode(value or b"").decode("ascii")


@dataclass
class ListPageItem:
    """A fetched list page: its main-list rows and where its next pages are."""

    site: str
    url: str
    links: list[dict]
    column: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)
    http_status: int = 200
    client_side_rendered: bool = False
    etag: str | None = None
    last_modified: str | None = None
    list_hint: tuple | None = (
        None  # (column's first page URL, ListPage.list_path) on a column's first page
    )
    series: str | None = None  # first page of the list walk this page is part of
    series_end: bool | None = None  # the walk ended here: no next page, or the page limit
    refetch: list[str] = field(
        default_factory=list
    )  # known releases refetched because their row changed


@dataclass
class ReleaseItem:
    """A fetched article page: the record :meth:`storage.Store.record_release` takes, as it is.

    The extracted fields are the extractor's own :class:`Article` (``article``), read through
    the attributes of :class:`storage.FetchedRelease` (``title``, ``body``…); the rest is the
    response as served and what the crawl keeps beside it. Feeds write ``article`` as the
    extractor's fields (``Article.to_dict()``) and ``raw_body`` as base64.
    """

    site: str
    url: str  # the URL asked for (a redirect's target is ``final_url``)
    article: Article = field(metadata={"serializer": Article.to_dict})
    final_url: str | None = None
    http_status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    # The response body as served; feed exports write it as base64 (JSON has no bytes).
    raw_body: bytes = field(default=b"", metadata={"serializer": base64_text})
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    # The site's removal_confirm_after: how long collapsed content is held.
    confirm_after: float = DEFAULT_REMOVAL_CONFIRM_AFTER
    page_features: object | None = (
        None  # what the site model learns from the page (sitemodel.PageFeatures)
    )
    model_revision: int | None = None  # the site model revision the fields were extracted with
    extractor_revision: int | None = EXTRACTOR_REVISION  # the extraction rules they came from
    revisit: bool = False  # fetched as a scheduled revisit (not led to by a list row)

    # The stored fields are the article's, read where the extractor left them: properties, not
    # dataclass fields, so a feed writes them once (inside ``article``).
    @property
    def title(self) -> str | None:
        return self.article.title

    @property
    def source(self) -> str | None:
        return self.article.source

    @property
    def published_at(self) -> str | None:
        return self.article.published_at

    @property
    def published_at_meta(self) -> str | None:
        return self.article.published_at_meta

    @property
    def title_variant(self) -> str | None:
        return self.article.title_variant

    @property
    def body(self) -> str:
        return self.article.body

    @property
    def breadcrumb(self) -> list[str]:
        return self.article.breadcrumb

    @property
    def column(self) -> str | None:
        return self.article.column

    @property
    def attachments(self) -> list[dict]:
        return self.article.attachments


@dataclass
class FetchFailureItem:
    """A request that did not yield the page: error status, network error or a block page."""

    site: str
    url: str
    reason: str
    page_kind: str  # "list" or "article"
    http_status: int | None = None


@dataclass
class NotModifiedItem:
    """A conditional request answered 304: the page is as it was at the last fetch."""

    site: str
    url: str
    page_kind: str  # "list" or "article"
    revisit: bool = False


@dataclass
class MissingItem:
    """A known release answered 404/410 or redirected to a home or error page."""

    site: str
    url: str
    reason: str
    http_status: int | None = None
    confirm_after: float = DEFAULT_REMOVAL_CONFIRM_AFTER  # the site's removal_confirm_after
    revisit: bool = False
