"""The bulletin-monitor store: a library over sqlite-utils. No Scrapy, click or APScheduler here."""

from .errors import (  # noqa: F401
    BulletinError,
    ConfigError,
    ExtractionError,
    FetchError,
    InvalidArgument,
    NotFound,
    SiteBusy,
    StoreError,
    StoreUnavailable,
    WorkerGone,
)
from .store import FetchedRelease, ListPageResult, RecordResult, Store  # noqa: F401
from .urls import canonical_url  # noqa: F401
