"""The bundled demo site (a fictional 临江市人民政府) and the server that serves it."""

from __future__ import annotations

from pathlib import Path

#: Root folder of the sample site, served by :mod:`crawler.demo.server`.
SITE_DIR = Path(__file__).parent / "site"

DEMO_TITLE = "临江市人民政府（演示）"
DEMO_START_PATHS = (
    "xwzx/ywdt/index.html",
    "col/col1201/index.html",
    "gb/zcwj/index.html",
)


def demo_config(base_url: str) -> dict:
    """The site config of the demo site served at ``base_url``, as a plain dict."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    return {"title": DEMO_TITLE, "start_urls": [base + path for path in DEMO_START_PATHS]}
