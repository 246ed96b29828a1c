"""Scrapy settings of bulletin-monitor: polite defaults for crawling government sites.

Per-site politeness from ``sites.toml`` overrides these in the spider's ``from_crawler``;
tests and the demo lower the delay through settings, never through code changes.
"""

from crawler import __version__

BOT_NAME = "bulletin-monitor"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
# `scrapy crawl` with one-line configuration errors (crawler/commands/crawl.py).
COMMANDS_MODULE = "crawler.commands"

# Say who we are: site operators who see us in their logs can find out what we do.
USER_AGENT = f"bulletin-monitor/{__version__} (government bulletin archive; +https://pypi.org/project/bulletin-monitor/)"

# Politeness: robots.txt, one request at a time per host, a delay with ±50 % jitter, and
# AutoThrottle slowing down further when the site answers slowly.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
# Items of one response are few; Scrapy's default of 100 parallel item tasks is pure overhead here.
CONCURRENT_ITEMS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 2.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Bounded work per response: a slow or endless page must not stall or exhaust the crawl.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 10
# Redirect loops and off-site targets end the fetch with a failure row instead of vanishing.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.redirects.RedirectMiddleware": 600,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.redirects.MetaRefreshMiddleware": 580,
}

# Servers that would let anyone on the network drive the crawl process: never on.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Monitoring keeps its own validators per URL; Scrapy's HTTP cache would hide changes.
HTTPCACHE_ENABLED = False

# Variants of one URL (fragment, ./, tracking parameters) are one request.
REQUEST_FINGERPRINTER_CLASS = "crawler.fingerprint.CanonicalRequestFingerprinter"

ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
EXTENSIONS = {
    "crawler.extensions.ProgressExtension": 500,
    "crawler.extensions.GarbageCollectionExtension": 100,
}

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

# bulletin-monitor's own settings.
BULLETIN_SPIDER = (
    "site"  # the spider `bulletin crawl` runs for each site (a name in SPIDER_MODULES)
)
BULLETIN_DB = "bulletin.db"  # SQLite file (the CLI passes --db / BULLETIN_DB)
BULLETIN_CONFIG = None  # sites.toml path; None: BULLETIN_CONFIG env, then ./sites.toml
BULLETIN_FULL_CRAWL = (
    False  # True: ignore the stop rule and validators (walk and refetch everything)
)
BULLETIN_STORE_WRITER = (
    "process"  # where the store is written: "process" (beside the crawl) or "thread"
)
BULLETIN_STORE_LOCK_WAIT = (
    600  # seconds the writer waits (logging) for another connection's lock, then stops the crawl
)
BULLETIN_DB_MAX_BYTES = (
    0  # size cap of the database for a crawl's writes; reaching it stops the crawl like a full disk
)
BULLETIN_EXTRACT_WORKERS = (
    "auto"  # processes that parse pages beside the crawl; "auto": 1 with a spare core
)
BULLETIN_GC_FREEZE = True  # hide start-up objects from the garbage collector during a crawl
BULLETIN_PROGRESS = (
    "auto"  # "tty" live line, "log" plain lines, "off", "auto": tty when stderr is one
)
BULLETIN_STOP_GRACE = 5.0  # seconds requests in flight get to end after the first SIGINT/SIGTERM
BULLETIN_VERBOSE = False  # True (`-v`): Scrapy's own start-up and progress lines too
