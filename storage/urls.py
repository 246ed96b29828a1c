"""A release's identity is its canonical URL.

Two links to one article must give one string: scheme and host case, the default port, the
fragment, ``./`` and ``../`` segments, query order, tracking parameters and ``index.html``-style
directory indexes do not make a different page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

_DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that say where a reader came from or which session they are in, never which page they get.
_TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|spm|gclid|fbclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|isappinstalled|"
    r"share_token|share_source|sharer_shareid|clicktime|enterid|scene|ref_src|from_source|"
    r"jsessionid|phpsessid|aspsessionid\w*|sessionid|session_id|csrf_token|csrftoken|_csrf|_token)$",
    re.IGNORECASE,
)
_SHARE_FROM_VALUES = {"singlemessage", "timeline", "groupmessage", "list", "share"}

_DIRECTORY_INDEX = re.compile(r"/(index|default)\.(html?|shtml|php|jsp|aspx?)$", re.IGNORECASE)
_SESSION_IN_PATH = re.compile(r";(jsessionid|sessionid|phpsessid)=[^/?#]*", re.IGNORECASE)


@lru_cache(maxsize=65536)
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
        and not _clock_stamp(key, value)
    ]
    return urlunsplit((scheme, netloc, path, urlencode(query, safe="/:%,"), ""))


def _clock_stamp(key: str, value: str) -> bool:
    """A cache-buster a list stamps on its links (``?t=1715000000123``, ``&_=0.8273645``): the
    same page whatever the reading. A bare day (``?v=20240506``) may name a day's page: kept."""
    return bool(
        _CACHE_BUSTER.match(key) and _CACHE_BUSTER_VALUE.match(value) and not _DAY.match(value)
    )


# A query parameter a page adds to a link to defeat caches: its value is a clock reading
# (10 or 13 digits) or Math.random(), and it names no file.
_CACHE_BUSTER = re.compile(
    r"^(?:_|_t|_dc|t|v|ver|ts|r|rnd|rand|random|nocache|cb|cachebust|timestamp|time)$", re.I
)
_CACHE_BUSTER_VALUE = re.compile(
    # epoch seconds or milliseconds, Math.random(), or the clock written as a date and time
    # (20230913, 202309130930, 20230913093012, …with milliseconds): a version number is none of these
    r"^(?:\d{10}|\d{13}|0?\.\d{6,}|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d(?:\d{3})?)?)?)$"
)
_DAY = re.compile(r"^\d{8}$")
# A session or access token an application server stamps on every link it writes (``?sid=`` of
# ASP/PHP sites, a signed link's ``token``): a long run of letters and digits, different on every
# fetch, naming the visitor, not the file.
_SESSION_PARAM = re.compile(
    r"^(?:sid|sessid|ssid|s_id|sess|session|token|access_token|auth_token)$", re.I
)
_SESSION_VALUE = re.compile(r"^(?=[^\d]*\d)(?=.*[a-zA-Z])[A-Za-z0-9_-]{16,}$")


# A link as a web archive's replay rewrites it (Wayback, pywb): the capture's timestamp, perhaps a
# modifier (``im_``, ``id_``), then the original URL. Each capture of a page has its own timestamp,
# so every link of a page replayed from an archive would differ from capture to capture.
_ARCHIVED = re.compile(
    r"^https?://[^/]+/(?:[^/?#]+/)*?\d{8,14}(?:[a-z]{2}_)?/(https?:/{1,2}.+)$", re.I
)


@lru_cache(maxsize=4096)
def attachment_key(url: str) -> str:
    """The identity of an attachment link: its canonical URL without cache-busting parameters
    and session tokens (``zyzb.xls?_t=1693990000123``, ``zyzb.xls;jsessionid=…`` and
    ``zyzb.xls?sid=767e449f2a0f811de05414c9`` are the same file)."""
    if not url:
        return url
    archived = _ARCHIVED.match(url.strip())
    if archived:
        url = re.sub(r"^(https?:)/(?!/)", r"\1//", archived[1])
    canonical = canonical_url(url)
    parts = urlsplit(canonical)
    if not parts.query:
        return canonical
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not (_CACHE_BUSTER.match(key) and _CACHE_BUSTER_VALUE.match(value))
        and not (_SESSION_PARAM.match(key) and _SESSION_VALUE.match(value))
    ]
    return urlunsplit(parts._replace(query=urlencode(query, safe="/:%,")))


# Links to documents and media are attachments, never pages to crawl.
_NOT_A_PAGE = re.compile(
    r"\.(pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|gz|tar|txt|csv|jpe?g|png|gif|bmp|svg|webp|mp4|mp3|avi|flv|swf"
    r"|exe|apk|dmg|iso)$",
    re.IGNORECASE,
)


def is_page_url(url: str) -> bool:
    """True for an http(s) URL that may be an HTML page (not a document, image or archive)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and not _NOT_A_PAGE.search(parts.path)


def names_day(url: str, day: str) -> bool:
    """Whether ``url``'s path carries the day ``day`` (``YYYY-MM-DD``) the way CMSs date their
    article URLs: ``/t20240612_402117.html``, ``/202406/12/``, ``/art/2024/6/12/``,
    ``/2024-06-12/``."""
    try:
        year, month, dom = (int(part) for part in day[:10].split("-"))
    except ValueError:
        return False
    path = urlsplit(url).path
    forms = (
        f"{year}{month:02d}{dom:02d}",
        f"{year}{month:02d}/{dom:02d}/",
        f"{year}/{month:02d}/{dom:02d}/",
        f"{year}/{month}/{dom}/",
        f"{year}-{month:02d}-{dom:02d}",
    )
    return any(re.search(rf"(?<!\d){re.escape(form)}(?!\d)", path) for form in forms)
