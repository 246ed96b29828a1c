"""Re-export of the project's exception tree (defined in :mod:`storage.errors`)."""

from storage.errors import (  # noqa: F401
    BulletinError,
    ConfigError,
    ExtractionError,
    FetchError,
    NotFound,
    StoreError,
)
