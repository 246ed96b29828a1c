"""The project's exception tree.

Every error the tool raises on purpose derives from :class:`BulletinError`, so the CLI can turn
any of them into a one-line message::

    BulletinError
    ├── ConfigError        invalid or missing configuration (names file, site and key)
    ├── StoreError         the SQLite store cannot be opened, migrated or written
    │   ├── NotFound       a release, version or site asked for does not exist
    │   └── StoreUnavailable  nothing can be written now (disk or size cap full, locked, I/O error)
    ├── FetchError         a page could not be fetched (network, HTTP status, blocking)
    └── ExtractionError    a page could not be parsed at all (not HTML, undecodable)

It lives in ``storage`` because ``storage`` is the bottom layer: everything may import it,
and it imports nothing of the project.
"""


class BulletinError(Exception):
    """Base class of every error bulletin-monitor raises on purpose."""


class ConfigError(BulletinError):
    """The configuration file is missing, unreadable or has an invalid key."""


class StoreError(BulletinError):
    """The SQLite store cannot be opened, migrated or written."""


class NotFound(StoreError):
    """A release, version or site that was asked for does not exist."""


class StoreUnavailable(StoreError):
    """The store cannot be written at all now: the disk or the size cap is full, another
    connection held the lock past the wait, or the file cannot be read or written. What was
    committed before stays; the work in flight is rolled back and must be redone."""


class FetchError(BulletinError):
    """A page could not be fetched: network failure, HTTP error, or a block/interstitial page."""


class ExtractionError(BulletinError):
    """A page could not be parsed at all (for example it is not HTML or cannot be decoded)."""
