"""A slow bulletin site for the CLI's stop tests, served by a real process on loopback.

``python tests/support/cli_site.py ARTICLES DELAY LOG``: one list page (``/list.html``) linking
ARTICLES articles (``/a/N.html``); each article answers after DELAY seconds. Every request is
appended to LOG as ``MONOTONIC_SECONDS METHOD PATH`` when it arrives, so a test can count the
requests that came after a signal. The first stdout line is the base URL.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_慢速市政府</title></head>
<body><div class="position"><a href="/">首页</a> &gt; <a href="/list.html">通知公告</a></div>
<h1>{title}</h1><div class="info">来源：市政府办公室 发布时间：2024-03-{day:02d} 09:{minute:02d}</div>
<div class="content"><p>{title}。为进一步做好相关工作，现将有关事项通知如下。</p>
<p>一、各单位要高度重视，认真组织实施，确保各项措施落实到位。第{n}号文件。</p>
<p>二、请各单位于规定时间前报送工作总结，联系电话：0730-1234567。</p></div></body></html>"""


def _list_page(count: int) -> str:
    rows = "\n".join(
        f'<li><a href="/a/{n}.html" title="关于第{n}项工作的通知">关于第{n}项工作的通知</a>'
        f"<span>2024-03-{1 + n % 28:02d}</span></li>"
        for n in range(1, count + 1)
    )
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_慢速市政府</title></head><body>'
        f'<div class="position"><a href="/">首页</a> &gt; 通知公告</div><ul class="list">{rows}</ul></body></html>'
    )


def serve(count: int, delay: float, log: Path) -> None:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{time.monotonic():.3f} GET {self.path}\n")
            if self.path == "/list.html":
                body, status = _list_page(count).encode(), 200
            elif self.path.startswith("/a/") and self.path[3:-5].isdigit():
                time.sleep(delay)
                n = int(self.path[3:-5])
                body = ARTICLE.format(
                    title=f"关于第{n}项工作的通知", day=1 + n % 28, minute=n % 60, n=n
                ).encode()
                status = 200
            else:
                body, status = b"<html><body>404 not found</body></html>", 404
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the crawler hung up: that is what stopping does

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


@dataclass
class SlowSite:
    url: str
    log: Path
    process: subprocess.Popen

    def requests(self) -> list[tuple[float, str]]:
        """``(monotonic seconds, path)`` of every request so far (the clock is the machine's)."""
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [
            (float(line.split(" ")[0]), line.split(" ")[2])
            for line in lines
            if line.count(" ") == 2
        ]

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


def start_slow_site(count: int, delay: float, log: Path) -> SlowSite:
    process = subprocess.Popen(
        [sys.executable, __file__, str(count), str(delay), str(log)],
        stdout=subprocess.PIPE,
        text=True,
    )
    url = process.stdout.readline().strip()
    if not url.startswith("http://"):
        process.kill()
        raise RuntimeError(f"slow site did not start: {url!r}")
    return SlowSite(url, log, process)


if __name__ == "__main__":
    serve(int(sys.argv[1]), float(sys.argv[2]), Path(sys.argv[3]))
