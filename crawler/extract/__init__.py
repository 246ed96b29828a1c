"""Pure extraction: page bytes + URL in, fields out. No network, no database.

Used alike by the spider, the CLI (`bulletin extract`) and the benchmarks.
"""

from .article import extract_article  # noqa: F401
from .encoding import decode_html  # noqa: F401
from .fetchcheck import failed_fetch_reason  # noqa: F401
from .listing import extract_list  # noqa: F401
from .model import EXTRACTOR_REVISION, Article, ListLink, ListPage, Selectors  # noqa: F401
