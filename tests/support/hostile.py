"""A hostile government site: a list page whose rows lead to every way a server can misbehave.

    server = start_hostile_server(tmp_path / "requests.log")
    server.url                      # http://127.0.0.1:PORT
    server.list_url                 # /list/index.html: one row per route in ROUTES
    server.stop()

Run alone: ``python tests/support/hostile.py [--port 0] [--log FILE]``; the first stdout line is
the base URL. Each route in :data:`ROUTES` names what it does; the fault suite decides what the
crawl must make of it. Pages are written here from the patterns of real sites, never copied.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import random
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

BIG_BODY_MB = 50
BOMB_MB = 200  # decompressed size of the gzip bomb (it travels as ~200 KB)
BIG_LIST_ROWS = 10_000
DEEP_LEVELS = 100_000
SLOW_SECONDS = 30  # a slowloris body trickles this long, far past any sane download timeout
DEEP_TEXT = "这段正文藏在十万层嵌套的最深处，抽取时不能丢失。"
GBK_TITLE = "关于做好冬春季安全生产工作的通知"


def article(title: str, body: str, date: str = "2024-11-05 09:30") -> str:
    """A plain government article page (breadcrumb, heading, info line, body, footer)."""
    nav = "".join(f'<li><a href="/col{i}/index.html">栏目{i}</a></li>' for i in range(1, 9))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}_示例市人民政府</title></head>
<body>
<div class="header"><ul class="nav">{nav}</ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/list/index.html">通知公告</a></div>
<div class="article">
<h1>{html.escape(title)}</h1>
<div class="info">发布时间：{date}　来源：示例市人民政府办公室</div>
<div class="TRS_Editor">{body}</div>
</div>
<div class="footer"><p>主办：示例市人民政府办公室　网站标识码：0000000000</p></div>
</body></html>"""


def _paragraphs(seed: int, n: int = 6) -> str:
    rng = random.Random(seed)
    words = [
        "安全生产",
        "隐患排查",
        "责任落实",
        "应急值守",
        "监督检查",
        "宣传教育",
        "重点行业",
        "人员密集场所",
    ]
    return "".join(
        "<p>"
        + "，".join(
            f"各单位要加强{rng.choice(words)}工作，切实做好{rng.choice(words)}" for _ in range(4)
        )
        + "。</p>"
        for _ in range(n)
    )


@dataclass(frozen=True)
class Route:
    path: str
    kind: str  # "good": must become a version; "fault": must not
    what: str


ROUTES = [
    Route("/art/good-1.html", "good", "a plain article"),
    Route("/art/good-2.html", "good", "a plain article"),
    Route("/art/gbk-labelled-utf8.html", "good", "a GBK article whose header says charset=utf-8"),
    Route("/art/reset.html", "fault", "connection reset (RST) after part of the body"),
    Route("/art/truncated.html", "fault", "connection closed before the declared Content-Length"),
    Route("/art/slowloris.html", "fault", f"headers, then one byte a second for {SLOW_SECONDS} s"),
    Route("/art/huge.html", "fault", f"a {BIG_BODY_MB} MB body"),
    Route("/art/gzip-bomb.html", "fault", f"gzip that inflates to {BOMB_MB} MB"),
    Route("/art/loop-a.html", "fault", "redirect loop A → B → A"),
    Route("/art/offsite.html", "fault", "redirect to another host"),
    Route("/art/binary.html", "fault", "random bytes served as text/html"),
    Route("/art/png.html", "fault", "a PNG image served as text/html"),
    Route("/art/empty.html", "fault", "200 with an empty body"),
    Route("/art/storm.html", "fault", "503 with Retry-After on every request"),
    Route("/art/botcheck-titled.html", "fault", "bot check with a title and a JavaScript prompt"),
    Route("/art/botcheck-cookie.html", "fault", "script-only cookie challenge that reloads"),
    Route("/art/botcheck-waf.html", "fault", "WAF block page (安全狗)"),
    Route("/art/botcheck-form.html", "fault", "hidden form posted back by a script"),
    Route("/art/redirect-stub.html", "fault", "200-byte script redirect stub (如果页面没有跳转)"),
    Route("/art/unrendered.html", "fault", "unrendered CMS template ($pageHelpBean…)"),
    Route("/art/deep.html", "deep", f"{DEEP_LEVELS:,}-deep nested HTML around the body"),
]
BIG_LIST = "/biglist/index.html"  # not in the main list: crawled as a site of its own

_FIXTURE_ROUTES = {
    "/art/botcheck-titled.html": "fetch_botcheck_titled.html",
    "/art/botcheck-cookie.html": "fetch_js_cookie_challenge.html",
    "/art/botcheck-waf.html": "fetch_safedog_interstitial.html",
    "/art/botcheck-form.html": "fetch_botcheck_form_autosubmit.html",
    "/art/redirect-stub.html": "fetch_redirect_stub_zh.html",
    "/art/unrendered.html": "fetch_unrendered_velocity.html",
}


def list_page(paths: list[str], title: str = "通知公告") -> str:
    rows = "".join(
        f'<li><a href="{p}" title="{html.escape(_row_title(i))}">{html.escape(_row_title(i))}</a>'
        f"<span>2024-11-{1 + i % 28:02d}</span></li>"
        for i, p in enumerate(paths)
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_示例市人民政府</title></head>
<body><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/list/index.html">{title}</a></div>
<div class="list"><ul class="list-ul">{rows}</ul></div></body></html>"""


def _row_title(i: int) -> str:
    return f"示例市人民政府关于第{i + 1}项重点工作进展情况的通报"


class _Bodies:
    """Bodies built once when the server starts (the bomb and the big list take a moment)."""

    def __init__(self):
        raw = b"\0" * (1 << 20)
        buffer = io.BytesIO()
        with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as gz:
            for _ in range(BOMB_MB):
                gz.write(raw)
        self.bomb = buffer.getvalue()
        self.big_list = list_page(
            [f"/biglist/a{i}.html" for i in range(BIG_LIST_ROWS)], "大列表"
        ).encode()
        self.deep = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>深层嵌套的通知_示例市人民政府</title></head>"
            "<body><h1>深层嵌套的通知</h1>"
            + "<div>" * DEEP_LEVELS
            + f"<p>{DEEP_TEXT * 8}</p>"
            + "</div>" * DEEP_LEVELS
            + "</body></html>"
        ).encode()
        self.binary = random.Random(7).randbytes(4096)
        self.png = (
            b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + random.Random(8).randbytes(600)
        )
        self.fixtures = {
            path: (FIXTURES / name).read_bytes() for path, name in _FIXTURE_ROUTES.items()
        }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "hostile/1"
    bodies: _Bodies
    log_path: Path | None = None
    _log_lock = threading.Lock()

    def log_message(self, *args) -> None:  # the request log below is enough
        pass

    def _log(self, status: int) -> None:
        if self.log_path:
            with self._log_lock, open(self.log_path, "a", encoding="utf-8") as log:
                log.write(f"{self.command} {self.path} {status}\n")

    def _send(
        self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers
    ) -> None:
        self._log(status)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:  # noqa: C901 - one branch per route reads best here
        path = self.path.split("?", 1)[0]
        b = self.bodies
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow:\n", "text/plain")
        if path == "/list/index.html":
            return self._send(200, list_page([r.path for r in ROUTES]).encode())
        if path == BIG_LIST:
            return self._send(200, b.big_list)
        if path.startswith("/biglist/a") or path.startswith("/art/good-"):
            seed = sum(map(ord, path))
            return self._send(
                200,
                article(
                    f"示例市人民政府关于{path.rsplit('/', 1)[-1][:-5]}工作的通知", _paragraphs(seed)
                ).encode(),
            )
        if path == "/art/gbk-labelled-utf8.html":
            page = article(GBK_TITLE, _paragraphs(3)).replace('charset="utf-8"', 'charset="gbk"')
            return self._send(200, page.encode("gbk"), "text/html; charset=utf-8")
        if path in b.fixtures:
            return self._send(200, b.fixtures[path])
        if path == "/art/reset.html":
            return self._reset()
        if path == "/art/truncated.html":
            return self._truncated()
        if path == "/art/slowloris.html":
            return self._slowloris()
        if path == "/art/huge.html":
            return self._huge()
        if path == "/art/gzip-bomb.html":
            return self._send(200, b.bomb, Content_Encoding="gzip")
        if path == "/art/loop-a.html":
            return self._send(302, b"", Location="/art/loop-b.html")
        if path == "/art/loop-b.html":
            return self._send(302, b"", Location="/art/loop-a.html")
        if path == "/art/offsite.html":
            return self._send(302, b"", Location="http://elsewhere.invalid/art/taken.html")
        if path == "/art/binary.html":
            return self._send(200, b.binary)
        if path == "/art/png.html":
            return self._send(200, b.png)
        if path == "/art/empty.html":
            return self._send(200, b"")
        if path == "/art/storm.html":
            return self._send(
                503, b"<html><body>Service Unavailable</body></html>", Retry_After="3600"
            )
        if path == "/art/deep.html":
            return self._send(200, b.deep)
        return self._send(404, b"<html><body>404 Not Found</body></html>")

    def _head(self, length: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(length))
        self.end_headers()

    def _reset(self) -> None:
        self._log(200)
        page = article("连接被重置的通知", _paragraphs(1, 40)).encode()
        self._head(len(page))
        self.wfile.write(page[: len(page) // 3])
        self.wfile.flush()
        # SO_LINGER 0: close() sends RST instead of FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _truncated(self) -> None:
        self._log(200)
        page = article("被截断的通知", _paragraphs(2, 40)).encode()
        self._head(len(page) * 2)
        self.wfile.write(page)
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True

    def _slowloris(self) -> None:
        self._log(200)
        self._head(SLOW_SECONDS + 10_000)
        try:
            for _ in range(SLOW_SECONDS):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
        except OSError:  # the client gave up, as it should
            pass
        self.close_connection = True

    def _huge(self) -> None:
        self._log(200)
        chunk = b"<p>" + "大量重复的内容。".encode() * 400 + b"</p>\n"
        total = BIG_BODY_MB << 20
        self._head(total)
        sent = 0
        try:
            while sent < total:
                piece = chunk[: total - sent]
                self.wfile.write(piece)
                sent += len(piece)
        except OSError:  # the client stopped reading at its size cap
            pass
        self.close_connection = True


@dataclass
class HostileServer:
    url: str
    log_path: Path
    process: subprocess.Popen

    @property
    def list_url(self) -> str:
        return self.url + "/list/index.html"

    def requests(self, path: str | None = None) -> list[str]:
        lines = (
            self.log_path.read_text(encoding="utf-8").splitlines() if self.log_path.exists() else []
        )
        return [line for line in lines if path is None or line.split(" ")[1] == path]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_hostile_server(log_path: Path) -> HostileServer:
    process = subprocess.Popen(
        [sys.executable, __file__, "--port", "0", "--log", str(log_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline().strip()
    if not line.startswith("http://"):
        process.kill()
        raise RuntimeError(f"hostile server did not start: {line!r} {process.stderr.read()}")
    return HostileServer(line, log_path, process)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log", type=Path)
    args = parser.parse_args(argv)
    Handler.bodies = _Bodies()
    Handler.log_path = args.log
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"http://{args.host}:{server.server_address[1]}", flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
