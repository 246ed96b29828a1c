"""A small local web server for the demo site and for test sites.

It serves files from a root folder the way a government CMS front end would:
files are re-read on every request (tests edit them between crawls), HTML
templates get a view counter, clock and token substituted, every file carries
an ETag and Last-Modified, and ``ROOT/_server.json`` adds per-path headers,
statuses and redirects.  A subclass of :class:`SiteHandler` can answer more
paths in :meth:`SiteHandler.route` (the tests add the failures a monitor must
survive that way, in ``tests/support/fault_server.py``).

Run it as ``python -m crawler.demo.server ROOT [--host H] [--port P] [--log FILE]``:
the first line on stdout is the base URL; SIGTERM or SIGINT stops it.
"""

from __future__ import annotations

import argparse
import email.utils
import fnmatch
import hashlib
import html
import json
import secrets
import signal
import socket
import sys
import threading
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = ["CONFIG_NAME", "DemoServer", "SiteHandler", "start_server", "main"]

#: Per-site server options, read from the served root on every request.
CONFIG_NAME = "_server.json"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".shtml": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".json": "application/json",
    ".css": "text/css",
    ".js": "application/javascript",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".wps": "application/kswps",
    ".ofd": "application/ofd",
    ".zip": "application/zip",
    ".rar": "application/vnd.rar",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}
TEMPLATE_SUFFIXES = {".html", ".htm", ".shtml"}
PAGE_PARAM = "page"

try:
    from zoneinfo import ZoneInfo

    _CLOCK_ZONE = ZoneInfo("Asia/Shanghai")
except Exception:  # tzdata missing: the local clock is good enough for a demo
    _CLOCK_ZONE = None


def _small_page(title: str, text: str) -> bytes:
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n"
        f"<body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>\n"
    ).encode()


class _Counters:
    """View counters per URL path, shared by all request threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, int] = {}

    def next(self, key: str) -> int:
        with self._lock:
            value = self._values.get(key, 0) + 1
            self._values[key] = value
            return value


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, root: Path, log_path: Path | None, handler: type[SiteHandler]):
        self.root = Path(root).resolve()
        self.log_path = Path(log_path) if log_path else None
        self.log_lock = threading.Lock()
        self.counters = _Counters()
        host = address[0]
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__(address, handler)


class SiteHandler(BaseHTTPRequestHandler):
    """Answers from the served folder; a subclass answers more paths in :meth:`route`."""

    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "DemoGov/1.0"

    def version_string(self) -> str:
        return self.server_version

    # Idle keep-alive connections must not pin a thread forever.
    timeout = 30
    # Headers and body go out in two writes; with Nagle on, keep-alive
    # clients wait ~40 ms for a delayed ACK on every response.
    disable_nagle_algorithm = True

    # -- plumbing ---------------------------------------------------------

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass

    def log_request(self, code="-", size="-"):
        path = self.server.log_path
        if path is None:
            return
        code = getattr(code, "value", code)
        line = f"{self.command} {self.path} {code}\n"
        with self.server.log_lock, open(path, "a", encoding="utf-8") as log:
            log.write(line)

    def do_GET(self):
        try:
            self._handle()
        except (TimeoutError, BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    do_HEAD = do_GET

    def _send(
        self,
        status: int,
        body: bytes = b"",
        headers: dict | None = None,
        content_type: str = "text/html; charset=utf-8",
    ) -> None:
        self.send_response(status)
        merged = {"Content-Type": content_type}
        if status in (204, 304) or status < 200:
            merged = {}
        merged.update(headers or {})
        for name, value in merged.items():
            if value is not None:
                self.send_header(name, str(value))
        if status not in (204, 304) and status >= 200:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and status not in (204, 304) and status >= 200:
            self.wfile.write(body)

    def _send_status_page(self, status: int, headers: dict | None = None) -> None:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Status"
        self._send(status, _small_page(f"{status} {phrase}", phrase), headers)

    def _not_found(self) -> None:
        self._send(404, _small_page("404 页面不存在", "您访问的页面不存在或已被删除。"))

    # -- dispatch -----------------------------------------------------------

    def _handle(self) -> None:
        split = urlsplit(self.path)
        path = unquote(split.path, errors="replace") if split.path else "/"
        if self.route(path):
            return
        config = self._load_config()
        if config is None:
            return
        rel = path.lstrip("/")
        file_path = self._resolve(rel, split.query)
        names = [rel]
        if file_path is not None:
            names.append(file_path.relative_to(self.server.root).as_posix())
        extra = _matching(config.get("headers", {}), names, merge=True)

        status = _matching(config.get("status", {}), names)
        if status is not None:
            self._send_status_page(int(status), extra)
            return
        target = _matching(config.get("redirect", {}), names)
        if target is not None:
            self._send(302, _small_page("302 Found", target), {"Location": target, **extra})
            return
        if file_path is None:
            if rel and not rel.endswith("/") and self._is_dir(rel):
                self._send(301, b"", {"Location": "/" + rel + "/"})
            else:
                self._not_found()
            return
        self._serve_file(file_path, path, extra, config.get("validators", True))

    def route(self, path: str) -> bool:
        """Answer ``path`` before the folder does and return True, or return False."""
        return False

    def _load_config(self) -> dict | None:
        config_path = self.server.root / CONFIG_NAME
        try:
            text = config_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        try:
            config = json.loads(text)
            if not isinstance(config, dict):
                raise ValueError("top level must be an object")
        except ValueError as exc:
            self._send(500, _small_page("500 Bad server config", f"{CONFIG_NAME}: {exc}"))
            return None
        return config

    def _inside_root(self, rel: str) -> Path | None:
        if "\x00" in rel:
            return None
        candidate = (self.server.root / rel).resolve()
        if candidate != self.server.root and not candidate.is_relative_to(self.server.root):
            return None
        return candidate

    def _is_dir(self, rel: str) -> bool:
        candidate = self._inside_root(rel)
        return candidate is not None and (candidate / "index.html").is_file()

    def _resolve(self, rel: str, query: str) -> Path | None:
        """The file a URL path (and its ``?page=N``) names, or None."""
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        candidate = self._inside_root(rel)
        if candidate is None or not candidate.is_file() or candidate.name == CONFIG_NAME:
            return None
        pages = parse_qs(query).get(PAGE_PARAM)
        if pages and pages[0].isdigit():
            paged = candidate.with_name(f"{candidate.stem}_p{int(pages[0])}{candidate.suffix}")
            if paged.is_file():
                return paged
        return candidate

    # -- files --------------------------------------------------------------

    def _serve_file(self, file_path: Path, url_path: str, extra: dict, validators: bool) -> None:
        try:
            body = file_path.read_bytes()
            mtime = file_path.stat().st_mtime
        except OSError:
            self._not_found()
            return
        suffix = file_path.suffix.lower()
        if suffix in TEMPLATE_SUFFIXES:
            body = self._fill_template(body, url_path)
        headers = {"Content-Type": CONTENT_TYPES.get(suffix, "application/octet-stream")}
        if validators:
            headers["ETag"] = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
            headers["Last-Modified"] = email.utils.formatdate(mtime, usegmt=True)
        headers.update(extra)
        if validators and self._not_modified(headers.get("ETag"), headers.get("Last-Modified")):
            self._send(304, b"", {k: v for k, v in headers.items() if k != "Content-Type"})
            return
        content_type = headers.pop("Content-Type")
        self._send(200, body, headers, content_type=content_type)

    def _fill_template(self, body: bytes, url_path: str) -> bytes:
        # Placeholders are ASCII, so replacing bytes keeps GB2312 pages intact.
        if b"{{counter}}" in body:
            body = body.replace(b"{{counter}}", str(self.server.counters.next(url_path)).encode())
        if b"{{now}}" in body:
            now = datetime.now(_CLOCK_ZONE).strftime("%Y-%m-%d %H:%M:%S")
            body = body.replace(b"{{now}}", now.encode())
        if b"{{token}}" in body:
            body = body.replace(b"{{token}}", secrets.token_hex(16).encode())
        return body

    def _not_modified(self, etag: str | None, last_modified: str | None) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            if etag is None:
                return False
            wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in wanted or etag.removeprefix("W/") in wanted
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since and last_modified:
            try:
                since = email.utils.parsedate_to_datetime(if_modified_since)
                modified = email.utils.parsedate_to_datetime(last_modified)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None or modified.tzinfo is None:
                return False
            return modified <= since
        return False


def _matching(rules: dict, names: list[str], merge: bool = False):
    """The value of the first rule whose glob matches one of ``names``.

    With ``merge`` the header dicts of all matching globs are merged in
    file order, later globs winning.
    """
    merged: dict = {}
    for glob, value in rules.items():
        if any(fnmatch.fnmatchcase(name, glob) for name in names):
            if not merge:
                return value
            merged.update(value)
    return merged if merge else None


class DemoServer:
    """A running server in a daemon thread; ``url`` ends in ``/``.

    Use :func:`start_server` to make one; ``stop()`` (or leaving the
    ``with`` block) shuts it down.
    """

    def __init__(
        self,
        root: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        log_path: Path | None = None,
        handler: type[SiteHandler] = SiteHandler,
    ) -> None:
        self.root = Path(root)
        self.log_path = Path(log_path) if log_path else None
        self._httpd = _Server((host, port), self.root, self.log_path, handler)
        self.host = host
        self.port = self._httpd.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{self.port}/"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"demo-server-{self.port}",
            daemon=True,
        )

    def start(self) -> DemoServer:
        """Start serving in the background; returns self."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket."""
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def start_server(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    log_path: Path | None = None,
    handler: type[SiteHandler] = SiteHandler,
) -> DemoServer:
    """Serve ``root`` on ``host:port`` (0 picks a free port) in a daemon thread."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"not a directory: {root}")
    return DemoServer(root, host, port, log_path, handler).start()


def main(
    argv: list[str] | None = None,
    handler: type[SiteHandler] = SiteHandler,
    prog: str = "python -m crawler.demo.server",
) -> int:
    """Command line entry point; prints the URL, serves until SIGTERM/SIGINT."""
    parser = argparse.ArgumentParser(
        prog=prog, description="Serve a folder as a test government site."
    )
    parser.add_argument("root", type=Path, help="folder to serve")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--log", type=Path, help="append 'METHOD PATH STATUS' per request")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        parser.error(f"not a directory: {args.root}")

    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    server = start_server(args.root, args.host, args.port, args.log, handler)
    sys.stdout.write(server.url + "\n")
    sys.stdout.flush()
    try:
        while not stopping.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
