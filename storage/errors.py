"""The project's exception tree: every domain error, in one module every layer may import.

Every error the tool raises on purpose derives from :class:`BulletinError`, so the CLI can turn
any of them into a one-line message::

    BulletinError
    ├── ConfigError           invalid or missing configuration (names file, site and key)
    ├── InvalidArgument       an argument to a library call is malformed (a date, an empty query)
    ├── StoreError            the SQLite store cannot be opened, migrated or written
    │   ├── NotFound          a release, version or site asked for does not exist
    │   └── StoreUnavailable  nothing can be written now (disk or size cap full, locked, I/O error)
    ├── SiteBusy              another process is crawling the same site into the same database
    ├── FetchError            a page could not be fetched (network, HTTP status, blocking)
    └── WorkerGone            the extraction worker process died; the page is parsed inline

Library errors speak the library's terms (``InvalidArgument.argument`` is the keyword argument's
name, ``since``); the CLI maps them to its flags (``crawler/cli/common.py``: ``--since``).
A page that yields no fields is not an error: extraction returns what it found, and the checks
of ``crawler/extract/fetchcheck.py`` record a failed fetch. Errors of other libraries (sqlite3,
OSError, httpx) are wrapped once, where the project calls them.

It lives in ``storage`` because ``storage`` is the bottom layer: everything may import it,
and it imports nothing of the project. Import the errors from ``storage``.
"""

__all__ = [
    "BulletinError",
    "ConfigError",
    "InvalidArgument",
    "StoreError",
    "NotFound",
    "StoreUnavailable",
    "SiteBusy",
    "FetchError",
    "WorkerGone",
]


class BulletinError(Exception):
    """Base class of every error bulletin-monitor raises on purpose."""


class ConfigError(BulletinError):
    """The configuration file is missing, unreadable or has an invalid key."""


class InvalidArgument(BulletinError, ValueError):
    """An argument given to a library call is malformed, named as the call names it."""

    def __init__(self, argument: str, reason: str) -> None:
        super().__init__(f"{argument}: {reason}")
        self.argument = argument
        self.reason = reason


class StoreError(BulletinError):
    """The SQLite store cannot be opened, migrated or written."""


class NotFound(StoreError):
    """A release, version or site that was asked for does not exist."""


class StoreUnavailable(StoreError):
    """The store cannot be written at all now: the disk or the size cap is full, another
    connection held the lock past the wait, or the file cannot be read or written. What was
    committed before stays; the work in flight is rolled back and must be redone."""


class SiteBusy(BulletinError):
    """Another process is crawling the same site into the same database."""


class FetchError(BulletinError):
    """A page could not be fetched: network failure, HTTP error, or a block/interstitial page."""


class WorkerGone(BulletinError):
    """The extraction worker process closed its socket (it died or was killed)."""
