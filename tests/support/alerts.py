"""Helpers of the alert tests: a real SMTP server on loopback (aiosmtpd), a webhook receiver,
a store with a controllable clock, and releases recorded through the store. Its fixtures (``smtp_server``,
``smtp_down``, ``webhook_receiver``) reach every test through tests/conftest.py; the helpers are
imported by the ``test_alerts_*`` modules and checked by tests/test_alerts_helpers.py."""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import subprocess
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from crawler.alerts import after_crawl
from crawler.config import config_from_dict
from storage import FetchedRelease, Store
from support.ports import free_port

SITE = "yueyang"
SITE_TITLE = "岳阳市人民政府"
BASE = "https://www.yueyang.gov.cn/xxgk/xxgc/"
T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


class Mailbox:
    """aiosmtpd handler: keeps what it accepts; scripted refusals and a hang for crash tests."""

    def __init__(self):
        self.received: list[tuple[list[str], email.message.EmailMessage]] = []
        self.rcpt_replies: dict[str, str] = {}
        self.data_replies: list[str] = []
        self.hang_after: int | None = None  # hang (never answer) after accepting this many messages
        self.arrived = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.rcpt_replies.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_replies:
            reply = self.data_replies.pop(0)
            if not reply.startswith("250"):
                return reply
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.received.append((list(envelope.rcpt_tos), message))
        self.arrived.set()
        if self.hang_after is not None and len(self.received) > self.hang_after:
            await asyncio.sleep(3600)
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        return [m for _, m in self.received]


@dataclass
class SmtpServer:
    """A real SMTP server on 127.0.0.1 (start/stop at will: the port stays the same)."""

    port: int
    mailbox: Mailbox = field(default_factory=Mailbox)
    controller: Controller | None = None
    kwargs: dict = field(default_factory=dict)

    def start(self) -> SmtpServer:
        self.controller = Controller(
            self.mailbox, hostname="127.0.0.1", port=self.port, **self.kwargs
        )
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server():
    server = SmtpServer(free_port()).start()
    yield server
    server.stop()


@pytest.fixture
def smtp_down():
    """An SMTP server that is not running yet (connections are refused until ``start()``)."""
    server = SmtpServer(free_port())
    yield server
    server.stop()


class Clock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime = T0):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def make_store(
    path: Path,
    clock: Clock | None = None,
    *,
    site: str = SITE,
    title: str = SITE_TITLE,
    zone: str = "Asia/Shanghai",
    baseline: list[FetchedRelease] | None = None,
) -> Store:
    """A store with ``site`` already crawled once (its baseline), so new events are not baseline."""
    store = Store(path, clock=clock or Clock())
    add_site(store, site, title=title, zone=zone, baseline=baseline)
    return store


def add_site(
    store: Store,
    site: str,
    *,
    title: str,
    zone: str = "Asia/Shanghai",
    baseline: list[FetchedRelease] | None = None,
) -> None:
    store.ensure_site(site, title=title, config={"timezone": zone})
    crawl(store, site, baseline if baseline is not None else [release(0, "基线文章")])


def release(n: int, title: str, body: str = "正文第一段。\n第二段。", **fields) -> FetchedRelease:
    """A release of the test site: ``n`` picks its URL."""
    fields.setdefault("published_at", "2026-03-02T09:30:00+08:00")
    fields.setdefault("source", "岳阳市人民政府办公室")
    return FetchedRelease(url=f"{BASE}t20260302_{n}.html", title=title, body=body, **fields)


def crawl(store: Store, site: str, releases: list[FetchedRelease]) -> int:
    """Record ``releases`` in one finished crawl of ``site``, closed as the crawl closes it
    (its alert rows queued); returns the crawl id."""
    crawl_id = store.start_crawl(site)
    for fetched in releases:
        store.record_release(site, fetched, crawl_id=crawl_id)
    store.finish_crawl(crawl_id)
    after_crawl(store, site, crawl_id)
    return crawl_id


def make_config(
    smtp_port: int | None = None,
    *,
    subscriptions=(),
    operators=(),
    webhooks=None,
    robots=None,
    alerts=None,
    sites=(SITE,),
    tls: str = "none",
    smtp_extra: dict | None = None,
):
    data: dict = {
        "sites": {name: {"start_urls": [f"https://www.{name}.gov.cn/"]} for name in sites}
    }
    if smtp_port is not None:
        data["smtp"] = {
            "host": "127.0.0.1",
            "port": smtp_port,
            "tls": tls,
            "from": "公告监测 <alerts@bulletin.example>",
            "timeout": 5,
            **(smtp_extra or {}),
        }
    data["subscriptions"] = [dict(s) for s in subscriptions]
    data["alerts"] = {**({"operators": list(operators)} if operators else {}), **(alerts or {})}
    if webhooks:
        data["webhooks"] = webhooks
    if robots:
        data["robots"] = robots
    return config_from_dict(data, source="sites.toml")


def toml_text(config_dict: dict) -> str:
    """A small TOML writer for the config dicts of these tests (tables, arrays of tables, scalars)."""
    lines: list[str] = []

    def scalar(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    def table(prefix: str, mapping: dict) -> None:
        lines.append(f"[{prefix}]")
        nested = []
        for key, value in mapping.items():
            if isinstance(value, dict):
                nested.append((key, value))
            else:
                lines.append(f"{key} = {scalar(value)}")
        for key, value in nested:
            table(f"{prefix}.{key}", value)

    for key, value in config_dict.items():
        if isinstance(value, list):
            for entry in value:
                lines.append(f"[[{key}]]")
                lines.extend(f"{k} = {scalar(v)}" for k, v in entry.items())
        else:
            table(key, value)
    return "\n".join(lines) + "\n"


class WebhookReceiver:
    """A local HTTP server recording JSON POSTs; ``statuses`` scripts the replies (then 200)."""

    def __init__(self):
        self.requests: list[dict] = []
        self.statuses: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                if 200 <= status < 300:
                    receiver.requests.append(
                        {
                            "headers": dict(self.headers),
                            "body": body,
                            "json": json.loads(body),
                            "path": self.path,
                        }
                    )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook_receiver():
    receiver = WebhookReceiver()
    yield receiver
    receiver.stop()


def self_signed_cert(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (openssl), for the TLS modes."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key
