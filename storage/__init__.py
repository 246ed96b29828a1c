"""The bulletin-monitor store: a library over sqlite-utils. No Scrapy, click or APScheduler here."""

from .errors import BulletinError, ConfigError, ExtractionError, FetchError, NotFound, StoreError, StoreUnavailable  # noqa: F401
from .store import FetchedRelease, ListPageResult, RecordResult, Store  # noqa: F401
from .urls import canonical_url  # noqa: F401
