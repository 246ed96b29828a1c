"""Alert channels: how an outbox message leaves (SMTP e-mail, webhook POST, chat robot POST).

A channel is built once per sending run, delivers messages one by one and reports, per recipient,
what happened (:class:`Outcome`); it never touches the database. Channels register themselves in
:data:`CHANNELS` under the name subscriptions use in their ``channel`` column.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
import socket
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import parseaddr

from storage import ConfigError

from .render import build_email, webhook_payload
from .robots import APIS
from .robots import now as robots_now

#: Channel classes by the name subscriptions use (``email``, ``webhook``, ``robot``).
CHANNELS: dict[str, type[Channel]] = {}

USER_AGENT = "bulletin-monitor alerts (+https://github.com/bulletin-monitor)"


def channel(name: str):
    """Class decorator: register a channel under ``name``."""

    def register(cls):
        cls.name = name
        CHANNELS[name] = cls
        return cls

    return register


@dataclass
class Outcome:
    """What one delivery attempt achieved.

    ``delivered``: recipients that accepted the message. ``refused``: recipients refused for good,
    with the reason. Other recipients failed temporarily (``error``); ``in_doubt`` when the
    message may have reached them anyway.
    """

    delivered: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    in_doubt: bool = False
    retry_after: float | None = None  # the receiver asked to wait this long (seconds)


class Channel:
    """Base of the channels: built from the configuration, used for one run, then closed."""

    name = ""

    def __init__(
        self,
        config,
        *,
        environ: Mapping[str, str] = os.environ,
        ssl_context: ssl.SSLContext | None = None,
        archive_url: str | None = None,
    ):
        self.config = config
        self.environ = environ
        self.ssl_context = ssl_context
        self.archive_url = (
            archive_url  # Datasette address of the store: removals link to the archived copy
        )

    def deliver(self, message: dict, items: list[dict]) -> Outcome:
        raise NotImplementedError

    def progress(self, message: dict, parts: int) -> None:
        """Called when the first ``parts`` parts of a message posted in parts have been delivered
        (``send_pending`` records it in the outbox at once)."""

    def unavailable(self, message: dict) -> str | None:
        """Why ``message`` is not even tried in this run (its server timed out or could not be
        reached earlier in the run), or None. Such messages wait, untouched, for the next run."""
        return None

    def close(self) -> None:
        pass


def timed_out(exc: BaseException) -> bool:
    """Whether the server stopped answering (smtplib reports a read timeout as a disconnection)."""
    timeouts = (socket.timeout, TimeoutError)
    return isinstance(exc, timeouts) or (
        isinstance(exc, smtplib.SMTPServerDisconnected) and isinstance(exc.__context__, timeouts)
    )


def describe_smtp_error(exc: BaseException, host: str = "", port: int | None = None) -> str:
    """One line saying what went wrong talking to an SMTP server."""
    where = f"{host}:{port}" if host else "the SMTP server"
    if isinstance(exc, ConfigError):
        return str(exc)
    if timed_out(exc):
        return f"{where}: timed out (no answer)"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"login refused: {exc.smtp_code} {_text(exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return (
            f"{where} closed the connection ({exc})"
            if str(exc)
            else f"{where} closed the connection"
        )
    if isinstance(exc, smtplib.SMTPException):
        return f"{where}: {_text(exc)}"
    if isinstance(exc, ConnectionRefusedError):
        return f"cannot connect to {where}: connection refused"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return f"{where}: timed out"
    if isinstance(exc, ssl.SSLError):
        return f"TLS with {where} failed: {exc.reason or exc}"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve {host or where}: {exc.strerror or exc}"
    if isinstance(exc, OSError):
        return f"cannot connect to {where}: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


def _text(value) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).split())


def _addr(recipient: str) -> str:
    return parseaddr(recipient)[1]


@channel("email")
class EmailChannel(Channel):
    """SMTP with STARTTLS, implicit TLS or none; one connection reused for the run."""

    def __init__(self, config, **kwargs):
        super().__init__(config, **kwargs)
        self.settings = config.smtp
        self._conn: smtplib.SMTP | None = None
        # Set when the server could not be reached or stopped answering: one timeout per run,
        # not one per message.
        self._down: str | None = None

    def connect(self, log: Callable[[str], None] = lambda line: None) -> smtplib.SMTP:
        """Connect, upgrade to TLS and log in as configured; ``log`` hears each step."""
        s = self.settings
        if s is None:
            raise ConfigError("no [smtp] table in the configuration")
        context = self.ssl_context or ssl.create_default_context(cafile=s.ca_file)
        log(f"connecting to {s.host}:{s.port} ({'implicit TLS' if s.tls == 'tls' else s.tls})")
        if s.tls == "tls":
            conn = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
        else:
            conn = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        try:
            conn.ehlo()
            if s.tls == "starttls":
                if not conn.has_extn("starttls"):
                    raise smtplib.SMTPNotSupportedError(
                        f'{s.host}:{s.port} does not offer STARTTLS (set smtp.tls = "none" only for a local relay)'
                    )
                log("STARTTLS")
                conn.starttls(context=context)
                conn.ehlo()
            if s.username:
                log(f"logging in as {s.username}")
                conn.login(s.username, s.password(self.environ))
        except BaseException:
            conn.close()
            raise
        return conn

    def open(self, log: Callable[[str], None] = lambda line: None) -> None:
        """Connect now (instead of at the first message), reporting each step to ``log``."""
        self.close()
        self._conn = self.connect(log=log)

    def _connection(self) -> smtplib.SMTP:
        if self._conn is not None:
            try:
                if self._conn.noop()[0] == 250:
                    return self._conn
            except (smtplib.SMTPException, OSError):
                pass
            self.close()
        self._conn = self.connect()
        return self._conn

    def deliver(self, message: dict, items: list[dict]) -> Outcome:
        mime = build_email(
            items,
            sender=self.settings.sender,
            recipients=message["recipients"],
            token=message["token"],
            created_at=message["created_at"],
            subscription=message["subscription"],
            max_items=self.config.alerts.max_items,
            archive_url=self.archive_url,
        )
        return self.send(mime, message["pending_recipients"])

    def unavailable(self, message: dict) -> str | None:
        return self._down

    def send(
        self,
        mime: EmailMessage,
        recipients: list[str],
        log: Callable[[str], None] = lambda line: None,
    ) -> Outcome:
        """One SMTP transaction to ``recipients``; every failure is classified, none raised."""
        s = self.settings
        try:
            conn = self._connection()
        except (OSError, smtplib.SMTPException, ConfigError) as exc:
            self.close()
            error = describe_smtp_error(exc, s.host, s.port)
            if isinstance(
                exc, OSError
            ):  # refused, timed out, TLS, login (smtplib's errors are OSErrors too)
                self._down = error
            return Outcome(error=error)
        outcome = Outcome()
        phase = "envelope"
        try:
            log(f"MAIL FROM:<{_addr(s.sender)}>")
            code, reply = conn.mail(_addr(s.sender))
            if code != 250:
                conn.rset()
                # A refused sender is a configuration problem: keep the alerts and retry.
                return Outcome(error=f"sender {_addr(s.sender)} refused: {code} {_text(reply)}")
            accepted, temporary = [], []
            for recipient in recipients:
                code, reply = conn.rcpt(_addr(recipient))
                log(f"RCPT TO:<{_addr(recipient)}> → {code} {_text(reply)}")
                if code in (250, 251):
                    accepted.append(recipient)
                elif 500 <= code < 600:
                    outcome.refused[recipient] = f"{code} {_text(reply)}"
                else:
                    temporary.append(f"{_addr(recipient)}: {code} {_text(reply)}")
            if temporary:
                outcome.error = "; ".join(temporary)
            if not accepted:
                conn.rset()
                return outcome
            phase = "data"
            log("DATA")
            try:
                # smtplib sends bytes as they are: the lines must already end in CRLF.
                code, reply = conn.data(mime.as_bytes(policy=mime.policy.clone(linesep="\r\n")))
            except smtplib.SMTPDataError as exc:
                # DATA itself was refused: nothing was transmitted.
                code, reply = exc.smtp_code, exc.smtp_error
            log(f"→ {code} {_text(reply)}")
            if code == 250:
                outcome.delivered = accepted
            elif 500 <= code < 600:
                outcome.refused.update(
                    {r: f"message refused: {code} {_text(reply)}" for r in accepted}
                )
            else:
                outcome.error = "; ".join(filter(None, [outcome.error, f"{code} {_text(reply)}"]))
            return outcome
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            outcome.error = describe_smtp_error(exc, s.host, s.port)
            if timed_out(exc):
                self._down = outcome.error  # it accepted us, then stopped answering
            # The data may have reached the server before the connection broke.
            outcome.in_doubt = phase == "data"
            return outcome

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                self._conn.close()
            self._conn = None


class HttpChannel(Channel):
    """Base of the channels that POST over HTTP(S): one client for the run, and receivers that
    cannot be reached or time out are not tried again in the same run."""

    def __init__(self, config, **kwargs):
        super().__init__(config, **kwargs)
        import httpx

        self.client = httpx.Client(
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            verify=self.ssl_context or True,
        )
        self._down: dict[str, str] = {}  # receiver → why it is not tried again in this run

    def post(
        self, key: str, where: str, url: str, *, content: bytes, headers: dict, timeout: float
    ):
        """POST ``content``; returns the response, or the :class:`Outcome` of a transport failure.

        ``key`` names the receiver for :meth:`unavailable`; ``where`` names it in errors (a chat
        robot's URL holds its token and is never shown).
        """
        import httpx

        try:
            return self.client.post(url, content=content, headers=headers, timeout=timeout)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            self._down[key] = f"cannot connect to {where}: {exc or type(exc).__name__}"
            return Outcome(error=self._down[key])
        except httpx.HTTPError as exc:
            if isinstance(exc, httpx.TimeoutException):
                self._down[key] = f"{where}: timed out"
            return Outcome(error=f"{where}: {type(exc).__name__}: {exc}", in_doubt=True)

    @staticmethod
    def judge_status(response, recipient: str, where: str) -> Outcome | None:
        """None for a 2xx; else the outcome its status means: 408, 425, 429 and 5xx are retried
        (after ``Retry-After`` when it asks for longer than the backoff), others refused."""
        status = response.status_code
        if 200 <= status < 300:
            return None
        reason = f"HTTP {status} {response.reason_phrase}".strip()
        answer = " ".join(response.text.split())[:200]
        if answer:
            reason += f": {answer}"
        if status in (408, 425, 429) or status >= 500:
            return Outcome(error=f"{where}: {reason}", retry_after=retry_after(response))
        if 300 <= status < 400:
            reason += f" to {response.headers.get('location', '?')} (redirects are not followed: fix the URL)"
        return Outcome(refused={recipient: reason})

    def unavailable(self, message: dict) -> str | None:
        return self._down.get(message["recipients"][0])

    def close(self) -> None:
        self.client.close()


def retry_after(response) -> float | None:
    """The seconds a ``Retry-After`` header asks for (its date form is not used by these APIs)."""
    value = (response.headers.get("retry-after") or "").strip()
    return float(value) if value.isdigit() else None


@channel("webhook")
class WebhookChannel(HttpChannel):
    """A JSON POST per message; the delivery id lets the receiver drop a repeated delivery."""

    def __init__(self, config, **kwargs):
        super().__init__(config, **kwargs)
        self.hooks = {f"webhook:{hook.name}": hook for hook in config.webhooks}

    def deliver(self, message: dict, items: list[dict]) -> Outcome:
        url = message["recipients"][0]
        hook = self.hooks.get(message["subscription"])
        if hook is None:
            return Outcome(error="webhook no longer configured")
        body = json.dumps(
            webhook_payload(
                items,
                token=message["token"],
                subscription=hook.name,
                created_at=message["created_at"],
                archive_url=self.archive_url,
            ),
            ensure_ascii=False,
        ).encode("utf-8")
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-Bulletin-Delivery": message["token"],
        }
        if hook.secret_env:
            secret = self.environ.get(hook.secret_env)
            if not secret:
                return Outcome(
                    error=f"environment variable {hook.secret_env} is not set (webhook {hook.name!r} secret_env)"
                )
            digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
            headers["X-Bulletin-Signature"] = f"sha256={digest}"
        response = self.post(url, url, url, content=body, headers=headers, timeout=hook.timeout)
        if isinstance(response, Outcome):
            return response
        return self.judge_status(response, url, url) or Outcome(delivered=[url])


@channel("robot")
class RobotChannel(HttpChannel):
    """A chat group's robot: one readable message per outbox message, posted in as many parts as
    its API's size limit needs; a retry resumes after the parts already delivered."""

    def __init__(self, config, **kwargs):
        super().__init__(config, **kwargs)
        self.robots = {f"robot:{robot.name}": robot for robot in config.robots}

    def deliver(self, message: dict, items: list[dict]) -> Outcome:
        from .chat import blocks, headline

        robot = self.robots.get(message["subscription"])
        if robot is None:
            return Outcome(error="robot no longer configured")
        payloads = APIS[robot.kind].parts(
            headline(items),
            blocks(items, max_items=self.config.alerts.max_items, archive_url=self.archive_url),
        )
        return self.send(robot, message["recipients"][0], payloads, message=message)

    def _judge_part(self, api, response, recipient: str, where: str) -> Outcome | None:
        """None when the robot took the part, else the failed delivery's outcome."""
        if isinstance(response, Outcome):
            return response
        outcome = self.judge_status(response, recipient, where)
        if outcome is not None:
            if response.status_code == 429 and not outcome.refused:
                self._down[recipient] = outcome.error
            return outcome
        verdict = api.judge(response.text)
        if verdict.status == "ok":
            return None
        if verdict.status == "refused":
            return Outcome(refused={recipient: verdict.reason})
        reason = f"{where}: {verdict.reason}"
        if verdict.rate_limited:
            self._down[recipient] = reason
        return Outcome(error=reason, retry_after=verdict.retry_after)

    def send(self, robot, recipient: str, payloads: list[dict], *, message: dict | None = None):
        """Post the parts not yet delivered, in order; stops at the first that fails."""
        api = APIS[robot.kind]
        where = f"{robot.kind} robot {robot.name!r}"
        try:
            url, secret = robot.address(self.environ), robot.secret(self.environ)
        except ConfigError as exc:
            return Outcome(error=str(exc))
        done = (message or {}).get("parts_delivered") or 0
        for number in range(done, len(payloads)):
            body = dict(payloads[number])
            target = api.sign(url, body, secret, robots_now()) if secret else url
            response = self.post(
                recipient,
                where,
                target,
                content=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                headers={"Content-Type": "application/json; charset=utf-8"},
                timeout=robot.timeout,
            )
            outcome = self._judge_part(api, response, recipient, where)
            if outcome is None:
                if message is not None:
                    self.progress(message, number + 1)
                continue
            if len(payloads) > 1:
                part = f" (part {number + 1} of {len(payloads)})"
                outcome.error = outcome.error and outcome.error + part
                outcome.refused = {k: v + part for k, v in (outcome.refused or {}).items()}
            return outcome
        return Outcome(delivered=[recipient])
