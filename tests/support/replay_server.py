"""A one-route-table HTTP server for replaying captures: ``python replay_server.py STATE [--log FILE]``.

``STATE`` is a JSON file read on every request: ``{"/path": {"file": ABSOLUTE_PATH} | {"body": TEXT},
"status": 200, "content_type": "...", "validators": true, "truncate": N}`` (``truncate``: send only
the first N bytes of the body, under the full Content-Length, then close: a response cut short;
with ``"length": false`` no Content-Length is sent, so the cut cannot be seen from the headers;
``"location"``: a Location header, for a redirect; ``"headers"``: more headers, over the
defaults — a cache's ``Age`` and an older ``Last-Modified``). A capture is served from where it lies
(``file``), so pages of ``../shared/corpus`` are never copied. With ``validators`` the response
carries an ETag (a hash of the body) and a fixed Last-Modified, and a matching ``If-None-Match``
gets a 304, as a CMS's static front end would answer; with ``"validators": "stale"`` the ETag is
the same whatever the body, so every conditional request gets a 304 (a misconfigured front end). The first stdout line is the base URL.
"""

from __future__ import annotations

import hashlib
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

LAST_MODIFIED = "Mon, 04 Sep 2023 09:00:00 GMT"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ReplayGov/1.0"

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass

    def do_GET(self):
        state = json.loads(Path(self.server.state_path).read_text(encoding="utf-8"))
        route = state.get(urlsplit(self.path).path)
        if route is None:
            self._send(
                404, b"<html><head><title>404</title></head><body>not found</body></html>", {}
            )
            return
        body = (
            Path(route["file"]).read_bytes()
            if "file" in route
            else route.get("body", "").encode("utf-8")
        )
        headers = {"Content-Type": route.get("content_type", "text/html; charset=utf-8")}
        if route.get("location"):  # a redirect (status 301/302) to another path of the server
            headers["Location"] = route["location"]
        status = route.get("status", 200)
        validators = route.get("validators", True)
        if validators and status == 200:
            # "stale": one ETag whatever the body, as a front end that never revalidates sends.
            stamp = b"" if validators == "stale" else body
            etag = '"' + hashlib.sha1(stamp).hexdigest()[:20] + '"'
            headers.update({"ETag": etag, "Last-Modified": LAST_MODIFIED})
            if self.headers.get("If-None-Match") == etag:
                self._send(304, b"", {"ETag": etag})
                return
        headers.update(route.get("headers", {}))
        self._send(status, body, headers, route.get("truncate"), route.get("length", True))

    def _send(
        self,
        status: int,
        body: bytes,
        headers: dict,
        truncate: int | None = None,
        length: bool = True,
    ) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304 and length:
            self.send_header("Content-Length", str(len(body)))
        if not length:
            truncate = len(body) if truncate is None else truncate
        if truncate is not None:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if status != 304:
            self.wfile.write(body if truncate is None else body[:truncate])
        if self.server.log_path:
            with open(self.server.log_path, "a", encoding="utf-8") as log:
                log.write(f"GET {self.path} {status}\n")


def main(argv: list[str]) -> int:
    state_path = argv[0]
    log_path = argv[argv.index("--log") + 1] if "--log" in argv else None
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.state_path = state_path
    server.log_path = log_path
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
