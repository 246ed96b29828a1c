"""A release's identity is its canonical URL.

Two links to one article must give one string: scheme and host case, the default port, the
fragment, ``./`` and ``../`` segments, query order, tracking parameters and ``index.html``-style
directory indexes do not make a different page.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

_DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that say where a reader came from, never which page they get.
_TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|spm|gclid|fbclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|isappinstalled|"
    r"share_token|share_source|sharer_shareid|clicktime|enterid|scene|ref_src|from_source)$",
    re.IGNORECASE,
)
_SHARE_FROM_VALUES = {"singlemessage", "timeline", "groupmessage", "list", "share"}

_DIRECTORY_INDEX = re.compile(
    r"/(index|default)\.(html?|shtml|php|jsp|aspx?)$", re.IGNORECASE
)
_SESSION_IN_PATH = re.compile(r";(jsessionid|sessionid|phpsessid)=[^/?#]*", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """Return the canonical form of ``url`` used as a release's identity."""
    url = url.strip()
    url = _SESSION_IN_PATH.sub("", url)
    url = canonicalize_url(url, keep_fragments=False)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    netloc = host
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = parts.path or "/"
    path = _DIRECTORY_INDEX.sub("/", path)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING_PARAMS.match(key)
        and not (key.lower() == "from" and value.lower() in _SHARE_FROM_VALUES)
    ]
    return urlunsplit((scheme, netloc, path, urlencode(query, safe="/:%,"), ""))


def host_of(url: str) -> str:
    """Return the lower-case host name of ``url`` (no port)."""
    return (urlsplit(url).hostname or "").lower()
