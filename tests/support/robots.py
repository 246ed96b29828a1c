"""A local HTTP server answering as the four chat robot APIs do (DingTalk, WeCom, Feishu, Slack):
their paths, their tokens, their signatures checked the way each API computes them, their size
limits, their rate limits and their error answers. The ``robot_receiver`` fixture reaches every
test through tests/conftest.py."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest

TOKEN = "0123456789abcdef"
SECRET = "SEC-test-secret"
PATHS = {
    "dingtalk": f"/robot/send?access_token={TOKEN}",
    "wecom": f"/cgi-bin/webhook/send?key={TOKEN}",
    "feishu": f"/open-apis/bot/v2/hook/{TOKEN}",
    "slack": f"/services/T000/B000/{TOKEN}",
}
ROUTES = {  # the path each API is reached at, whatever the token
    "dingtalk": "/robot/send?",
    "wecom": "/cgi-bin/webhook/send?",
    "feishu": "/open-apis/bot/v2/hook/",
    "slack": "/services/",
}
SUCCESS = ("ok", '{"errcode":0,"errmsg":"ok"}', '{"code":0,"msg":"success","data":{}}')


def dingtalk_sign(timestamp: str, secret: str) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def feishu_sign(timestamp: str, secret: str) -> str:
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


class RobotReceiver:
    """Answers as the APIs do. ``secret``: the signing secret the DingTalk and Feishu robots
    expect (None: unsigned robots); ``per_minute``: messages accepted per robot per minute before
    the API's rate-limit answer; ``answers``: scripted (status, body) replies, used first."""

    def __init__(self):
        self.secret: str | None = SECRET
        self.per_minute = 20
        self.retry_after = "30"  # Slack's Retry-After on a 429
        self.answers: list[tuple[int, str]] = []
        self.messages: dict[str, list[dict]] = {kind: [] for kind in PATHS}
        self.refusals: list[tuple[str, str]] = []  # (kind, answer) of every refused request
        self._sent: dict[str, list[float]] = {kind: [] for kind in PATHS}
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, answer = receiver.answer(self.path, body, dict(self.headers))
                data = answer.encode()
                self.send_response(status)
                if status == 429:
                    self.send_header("Retry-After", receiver.retry_after)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, kind: str) -> str:
        return self.base + PATHS[kind]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def texts(self, kind: str) -> list[str]:
        """The text of each message accepted for ``kind``, as the group would read it."""
        out = []
        for message in self.messages[kind]:
            if kind == "dingtalk":
                out.append(message["markdown"]["text"])
            elif kind == "wecom":
                out.append(message["markdown"]["content"])
            elif kind == "slack":
                out.append(message["text"])
            else:
                post = message["content"]["post"]["zh_cn"]
                lines = [post["title"]]
                for paragraph in post["content"]:
                    lines.append(
                        "".join(
                            f"[{e['text']}]({e['href']})" if e["tag"] == "a" else e["text"]
                            for e in paragraph
                        )
                    )
                out.append("\n".join(lines))
        return out

    # The APIs ------------------------------------------------------------------------------

    def answer(self, path: str, body: bytes, headers: dict) -> tuple[int, str]:
        kind = next((k for k, p in ROUTES.items() if path.startswith(p)), None)
        if self.answers:
            return self.answers.pop(0)
        if kind is None:
            return 404, "not found"
        status, answer = getattr(self, kind)(path, body)
        if answer not in SUCCESS:
            self.refusals.append((kind, answer))
        return status, answer

    def _throttled(self, kind: str) -> bool:
        with self._lock:
            now = time.monotonic()
            recent = [t for t in self._sent[kind] if now - t < 60]
            self._sent[kind] = recent
            if len(recent) >= self.per_minute:
                return True
            recent.append(now)
            return False

    def _accept(self, kind: str, message: dict) -> None:
        with self._lock:
            self.messages[kind].append(message)

    def dingtalk(self, path: str, body: bytes) -> tuple[int, str]:
        query = parse_qs(urlsplit(path).query)
        if query.get("access_token") != [TOKEN]:
            return 200, '{"errcode":300001,"errmsg":"token is not exist"}'
        if self.secret:
            timestamp, sign = query.get("timestamp", [""])[0], query.get("sign", [""])[0]
            fresh = timestamp.isdigit() and abs(time.time() * 1000 - int(timestamp)) < 3600_000
            # parse_qs has already undone the URL encoding of the sign.
            if not fresh or sign != dingtalk_sign(timestamp, self.secret):
                return (
                    200,
                    '{"errcode":310000,"errmsg":"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}',
                )
            if quote_plus(sign) not in path:
                return 200, '{"errcode":310000,"errmsg":"sign not match (not urlencoded)"}'
        message = json.loads(body)
        if message.get("msgtype") not in ("markdown", "text"):
            return 200, '{"errcode":40035,"errmsg":"缺少参数 json"}'
        if self._throttled("dingtalk"):
            return 200, '{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}'
        self._accept("dingtalk", message)
        return 200, '{"errcode":0,"errmsg":"ok"}'

    def wecom(self, path: str, body: bytes) -> tuple[int, str]:
        if parse_qs(urlsplit(path).query).get("key") != [TOKEN]:
            return (
                200,
                '{"errcode":93000,"errmsg":"invalid webhook url, hint: [1714538355214402498975046]"}',
            )
        message = json.loads(body)
        content = (message.get("markdown") or {}).get("content", "")
        if len(content.encode("utf-8")) > 4096:
            return 200, '{"errcode":40058,"errmsg":"markdown.content exceed max length 4096"}'
        if self._throttled("wecom"):
            return 200, '{"errcode":45009,"errmsg":"api freq out of limit"}'
        self._accept("wecom", message)
        return 200, '{"errcode":0,"errmsg":"ok"}'

    def feishu(self, path: str, body: bytes) -> tuple[int, str]:
        if not urlsplit(path).path.endswith(TOKEN):
            return (
                200,
                '{"code":19001,"msg":"param invalid: incoming webhook access token invalid","data":{}}',
            )
        if len(body) > 20 * 1024:
            return 200, '{"code":9499,"msg":"Bad Request","data":{}}'
        message = json.loads(body)
        if self.secret:
            timestamp = str(message.get("timestamp", ""))
            fresh = timestamp.isdigit() and abs(time.time() - int(timestamp)) < 3600
            if not fresh or message.get("sign") != feishu_sign(timestamp, self.secret):
                return (
                    200,
                    '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time","data":{}}',
                )
        if self._throttled("feishu"):
            return (
                200,
                '{"code":11232,"msg":"frequency limited psm[lark.oapi.app_platform_runtime]appID[1]","data":{}}',
            )
        self._accept("feishu", message)
        return 200, '{"code":0,"msg":"success","data":{}}'

    def slack(self, path: str, body: bytes) -> tuple[int, str]:
        if not urlsplit(path).path.endswith(TOKEN):
            return 404, "no_service"
        message = json.loads(body)
        if not message.get("text"):
            return 400, "no_text"
        if self._throttled("slack"):
            return 429, "rate_limited"
        self._accept("slack", message)
        return 200, "ok"


@pytest.fixture
def robot_receiver():
    receiver = RobotReceiver()
    yield receiver
    receiver.stop()
