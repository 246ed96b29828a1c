"""The bulletin-monitor store: a library over sqlite-utils. No Scrapy, click or APScheduler here.

Everything a caller outside ``storage`` uses is imported here and listed once in ``__all__``::

    from storage import Store, FetchedRelease

    with Store("bulletin.db") as store:
        store.record_release("site", FetchedRelease(url=..., title=..., body=...))
        store.search("通知", site="site")
        store.outbox.claim_messages(now=..., owner=sender_identity())

The ``Store`` is the one way in: its methods and its ``outbox`` facet. Its SQLite handle
(``Store.db``) is the library's own; the functions below take plain values, never a database.
"""

from .atom import ATOM_NS, GENERATOR, atom_name, atom_text, clean_xml, now_rfc3339, rfc3339
from .diff import diff_texts, has_changes, render_html_diff, render_text_diff
from .errors import (
    BulletinError,
    ConfigError,
    FetchError,
    InvalidArgument,
    NotFound,
    SiteBusy,
    StoreError,
    StoreUnavailable,
    WorkerGone,
)
from .export import FORMATS
from .normalize import (
    ROW_LEAD_MARK,
    ROW_MARK_WORD,
    ROW_TRAIL_PIN,
    attachment_line,
    changed_fields,
    clean_text,
    content_hash,
    fold,
    fold_chars,
    list_rows_hash,
    row_title,
    strip_pinyin,
)
from .notices import (
    BUSY_NOTICE,
    ERROR_TITLE,
    GONE_NOTICE,
    LOGIN_NOTICE,
    MAINTENANCE_NOTICE,
    WITHDRAWN_NOTICE,
)
from .outbox import EVENT_KINDS, Outbox, sender_identity
from .store import (
    DEFAULT_REMOVAL_CONFIRM_AFTER,
    DEFAULT_REVISIT_MAX,
    FetchedRelease,
    ListPageResult,
    RecordResult,
    RevisitPlan,
    Store,
)
from .transaction import is_locked, unavailable
from .urls import canonical_url, is_page_url

__all__ = [
    # The store
    "Store",
    "FetchedRelease",
    "RecordResult",
    "ListPageResult",
    "RevisitPlan",
    "Outbox",
    "FORMATS",
    "EVENT_KINDS",
    "DEFAULT_REVISIT_MAX",
    "DEFAULT_REMOVAL_CONFIRM_AFTER",
    # Errors (storage/errors.py draws the tree)
    "BulletinError",
    "ConfigError",
    "InvalidArgument",
    "StoreError",
    "NotFound",
    "StoreUnavailable",
    "SiteBusy",
    "FetchError",
    "WorkerGone",
    "unavailable",
    "is_locked",
    # Values as the store compares them
    "canonical_url",
    "is_page_url",
    "list_rows_hash",
    "ROW_LEAD_MARK",
    "ROW_MARK_WORD",
    "ROW_TRAIL_PIN",
    "row_title",
    "fold",
    "fold_chars",
    "clean_text",
    "strip_pinyin",
    "content_hash",
    "attachment_line",
    "changed_fields",
    # What a page in another's place says (gone, maintenance, busy, an error's name)
    "GONE_NOTICE",
    "WITHDRAWN_NOTICE",
    "MAINTENANCE_NOTICE",
    "BUSY_NOTICE",
    "LOGIN_NOTICE",
    "ERROR_TITLE",
    # Atom (the export's and the event feed's)
    "ATOM_NS",
    "GENERATOR",
    "atom_name",
    "atom_text",
    "clean_xml",
    "now_rfc3339",
    "rfc3339",
    # Diffs
    "diff_texts",
    "has_changes",
    "render_text_diff",
    "render_html_diff",
    # Alerts
    "sender_identity",
]
