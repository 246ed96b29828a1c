"""The demo server plus the failures a monitor must survive, for tests: routes under ``/_…``.

    python tests/support/fault_server.py ROOT [--host H] [--port P] [--log FILE]

serves ``ROOT`` exactly as ``python -m crawler.demo.server`` does, and also answers:

| path | answer |
|---|---|
| ``/_status/NNN`` | status NNN (100–599) with a small HTML page |
| ``/_slow/N`` | waits N seconds (decimals allowed, at most 120), then 200 |
| ``/_redirect_loop/N`` | 302 to ``/_redirect_loop/N+1``, forever |
| ``/_huge/MB`` | 200 ``text/html`` of exactly MB MiB (decimals allowed, at most 1024) |
| ``/_binary`` | 200, 8192 random bytes labelled ``text/html`` |
| ``/_empty`` | 200, empty body |
| ``/_waf`` | 200, 安全狗-style challenge: a script sets ``document.cookie`` and reloads |
| ``/_maintenance`` | 200, “系统维护中” page |
| ``/_truncated`` | 200 declaring a ``Content-Length`` four times what it sends, then closes |
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import sys
import time

from crawler.demo.server import SiteHandler, _small_page, main

MAX_SLOW_SECONDS = 120
MAX_HUGE_MB = 1024

WAF_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>访问验证</title>
<script type="text/javascript">
document.cookie = "safedog-flow-item={token}; path=/";
window.setTimeout(function () {{ window.location.reload(); }}, 500);
</script></head>
<body><div class="safedog">
<p>网站防火墙</p>
<p>您的访问正在验证中，请稍候……</p>
<p>如果页面没有自动跳转，请开启浏览器的 JavaScript 和 Cookie 后刷新页面。</p>
<p>安全狗 网站安全狗（服务器云安全）</p>
</div></body></html>
"""

MAINTENANCE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>系统维护中</title></head>
<body><div class="maintain">
<h1>系统维护中</h1>
<p>为了给您提供更好的服务，网站正在进行系统升级维护，暂时无法访问。</p>
<p>给您带来的不便，敬请谅解！</p>
</div></body></html>
"""


class FaultHandler(SiteHandler):
    """The demo site's handler with the failure routes."""

    def route(self, path: str) -> bool:
        if not path.startswith("/_"):
            return False
        parts = path.strip("/").split("/")
        route, arg = parts[0], (parts[1] if len(parts) > 1 else "")
        if route == "_status" and arg.isdigit() and 100 <= int(arg) <= 599:
            self._send_status_page(int(arg))
        elif route == "_slow" and re.fullmatch(r"\d+(\.\d+)?", arg):
            time.sleep(min(float(arg), MAX_SLOW_SECONDS))
            self._send(200, _small_page("慢速页面", f"等待了 {arg} 秒。"))
        elif route == "_redirect_loop" and arg.isdigit():
            target = f"/_redirect_loop/{int(arg) + 1}"
            self._send(302, _small_page("302 Found", target), {"Location": target})
        elif route == "_huge" and re.fullmatch(r"\d+(\.\d+)?", arg):
            self._send_huge(min(float(arg), MAX_HUGE_MB))
        elif route == "_binary" and not arg:
            self._send(200, os.urandom(8192))
        elif route == "_empty" and not arg:
            self._send(200, b"")
        elif route == "_waf" and not arg:
            self._send(200, WAF_PAGE.format(token=secrets.token_hex(16)).encode("utf-8"))
        elif route == "_maintenance" and not arg:
            self._send(200, MAINTENANCE_PAGE.encode("utf-8"))
        elif route == "_truncated" and not arg:
            self._send_truncated()
        else:
            return False
        return True

    def _send_huge(self, megabytes: float) -> None:
        size = int(megabytes * 1024 * 1024)
        head = (
            b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>huge</title></head><body>\n'
        )
        tail = b"</body></html>\n"
        line = "<p>这是一个非常大的页面，用来测试下载大小限制。</p>\n".encode()
        filler = max(size - len(head) - len(tail), 0)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(head) + filler + len(tail)))
        self.end_headers()
        if self.command == "HEAD":
            return
        self.wfile.write(head)
        chunk = line * (65536 // len(line) + 1)
        remaining = filler
        while remaining > 0:
            piece = chunk[: min(remaining, len(chunk))]
            self.wfile.write(piece)
            remaining -= len(piece)
        self.wfile.write(tail)

    def _send_truncated(self) -> None:
        body = _small_page("被截断的页面", "这一页声明的长度比实际发送的内容长。" * 20)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) * 4))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


if __name__ == "__main__":
    sys.exit(main(handler=FaultHandler, prog="python tests/support/fault_server.py"))
