"""The chat robot APIs: how each writes a message, splits it to its size limit, signs the request
and answers (DingTalk 钉钉, WeCom 企业微信, Feishu/Lark 飞书, Slack incoming webhooks).

The HTTP itself (the client, timeouts, statuses to retry, a receiver down for the run) is the
webhook channel's (:class:`crawler.alerts.channels.HttpChannel`); what is here is what differs
between the APIs. Facts each relies on are listed, with what could not be verified, in
docs/alerts.md.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from urllib.parse import quote_plus

from .chat import Block, Link

#: A single piece of text longer than this is cut, whatever the API (a title, a diff line).
SEGMENT_CHARS = 600


@dataclass(frozen=True)
class Verdict:
    """What an answer with a 2xx status means: delivered, retry later, or refused for good."""

    status: str  # "ok", "retry" or "refused"
    reason: str = ""
    retry_after: float | None = None
    rate_limited: bool = False


OK = Verdict("ok")


class RobotApi:
    """One API: its markup (:meth:`render`), its size measure and limit, its payload, its signature
    and the meaning of its answers."""

    kind = ""
    #: The most :meth:`size` a part may measure.
    limit = 4000

    def render(self, headline: str, blocks: list[Block]):
        raise NotImplementedError

    def size(self, rendered) -> int:
        return len(rendered.encode("utf-8"))

    def payload(self, headline: str, rendered) -> dict:
        raise NotImplementedError

    def sign(self, url: str, body: dict, secret: str, now: float) -> str:
        """Add the signature to the URL or the body (``body`` is changed); returns the URL."""
        return url

    def judge(self, text: str) -> Verdict:
        raise NotImplementedError

    def parts(self, headline: str, blocks: list[Block]) -> list[dict]:
        """The payloads of the message: whole blocks packed into parts within :attr:`limit`,
        each part headed by the headline (``（2/3）`` after it when there are several)."""
        reserve = self.size(self.render(headline + "（99/99）", []))
        room = self.limit - reserve
        packed: list[list[Block]] = []
        current: list[Block] = []
        for block in blocks:
            block = self._fit([[_cut(s) for s in line] for line in block], room)
            if current and self.size(self.render("", [*current, block])) > room:
                packed.append(current)
                current = []
            current.append(block)
        packed.append(current)
        count = len(packed)
        return [
            self.payload(title, self.render(title, part))
            for n, part in enumerate(packed, 1)
            for title in [headline if count == 1 else f"{headline}（{n}/{count}）"]
        ]

    def _fit(self, block: Block, room: int) -> Block:
        """A block that alone exceeds the room loses its last lines."""
        if self.size(self.render("", [block])) <= room:
            return block
        kept = list(block)
        while len(kept) > 1 and self.size(self.render("", [[*kept, ["…（过长，已截去）"]]])) > room:
            kept.pop()
        return [*kept, ["…（过长，已截去）"]]


def _cut(segment):
    if isinstance(segment, Link):
        return Link(_cut(segment.text), segment.url)
    return segment if len(segment) <= SEGMENT_CHARS else segment[:SEGMENT_CHARS] + "…"


def _json(text: str) -> dict | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


class MarkdownApi(RobotApi):
    """DingTalk and WeCom: a markdown subset with ``**bold**`` and ``[text](url)`` links."""

    line_break = "\n"

    def render(self, headline: str, blocks: list[Block]) -> str:
        out = [f"**{_md_text(headline)}**"] if headline else []
        for block in blocks:
            out.append(self.line_break.join("".join(_md(s) for s in line) for line in block))
        return "\n\n".join(out)

    def _errcode(self, text: str, rate_codes: dict[int, float], busy: tuple[int, ...]) -> Verdict:
        answer = _json(text)
        if answer is None or "errcode" not in answer:
            return Verdict("retry", f"unexpected answer: {_short(text)}")
        code, message = answer.get("errcode"), answer.get("errmsg") or ""
        if code == 0:
            return OK
        reason = f"errcode {code}: {message}".strip(": ")
        if code in rate_codes:
            return Verdict("retry", reason, retry_after=rate_codes[code], rate_limited=True)
        if code in busy:
            return Verdict("retry", reason)
        return Verdict("refused", reason)


def _md_text(text: str) -> str:
    # Brackets and asterisks in a page's title would open links or bold in the robot's markdown.
    return text.replace("[", "［").replace("]", "］").replace("*", "＊")


def _md(segment) -> str:
    if isinstance(segment, Link):
        url = segment.url.replace("(", "%28").replace(")", "%29")
        return f"[{_md_text(segment.text)}]({url})"
    return _md_text(segment)


class DingTalk(MarkdownApi):
    """钉钉自定义机器人: ``msgtype`` markdown, 加签 in the query, errcode in a 200."""

    kind = "dingtalk"
    # Its markdown's size limit is not documented where we could check: kept small.
    limit = 4000
    # Its markdown needs a blank line for a line break (an unverified observation).
    line_break = "\n\n"

    def payload(self, headline: str, rendered: str) -> dict:
        return {"msgtype": "markdown", "markdown": {"title": headline, "text": rendered}}

    def sign(self, url: str, body: dict, secret: str, now: float) -> str:
        timestamp = str(int(now * 1000))
        digest = hmac.new(
            secret.encode("utf-8"), f"{timestamp}\n{secret}".encode(), hashlib.sha256
        ).digest()
        sign = quote_plus(base64.b64encode(digest).decode("ascii"))
        return f"{url}{'&' if '?' in url else '?'}timestamp={timestamp}&sign={sign}"

    def judge(self, text: str) -> Verdict:
        # 130101: over 20 messages a minute, and the robot is then throttled for 10 minutes.
        return self._errcode(text, {130101: 600}, busy=(-1,))


class WeCom(MarkdownApi):
    """企业微信群机器人: ``msgtype`` markdown, content at most 4096 bytes, no signature."""

    kind = "wecom"
    limit = 4096

    def payload(self, headline: str, rendered: str) -> dict:
        return {"msgtype": "markdown", "markdown": {"content": rendered}}

    def judge(self, text: str) -> Verdict:
        return self._errcode(text, {45009: 60}, busy=(-1,))


class Feishu(RobotApi):
    """飞书/Lark 自定义机器人: ``msg_type`` post (rich text), body at most 20 KB, 签名校验 in the body."""

    kind = "feishu"
    limit = 18000  # bytes of the whole JSON body, under the documented 20 KB

    def render(self, headline: str, blocks: list[Block]) -> dict:
        paragraphs = []
        for n, block in enumerate(blocks):
            if n:
                paragraphs.append([{"tag": "text", "text": ""}])
            for line in block:
                paragraphs.append(
                    [
                        {"tag": "a", "text": s.text, "href": s.url}
                        if isinstance(s, Link)
                        else {"tag": "text", "text": s}
                        for s in line
                    ]
                )
        return {"title": headline, "content": paragraphs}

    def size(self, rendered) -> int:
        return len(
            json.dumps(self.payload(rendered["title"], rendered), ensure_ascii=False).encode()
        )

    def payload(self, headline: str, rendered: dict) -> dict:
        return {"msg_type": "post", "content": {"post": {"zh_cn": rendered}}}

    def sign(self, url: str, body: dict, secret: str, now: float) -> str:
        timestamp = str(int(now))
        key = f"{timestamp}\n{secret}".encode()
        body["timestamp"] = timestamp
        body["sign"] = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
        return url

    def judge(self, text: str) -> Verdict:
        answer = _json(text)
        if answer is None or not ({"code", "StatusCode"} & answer.keys()):
            return Verdict("retry", f"unexpected answer: {_short(text)}")
        code = answer.get("code", answer.get("StatusCode"))
        message = answer.get("msg") or answer.get("StatusMessage") or ""
        if code == 0:
            return OK
        reason = f"code {code}: {message}".strip(": ")
        # 11232: throttled; 9499 is "Bad Request" too, so only its rate-limit wording is retried.
        if code == 11232 or (
            code == 9499 and any(w in message.lower() for w in ("too many", "frequency", "limit"))
        ):
            return Verdict("retry", reason, rate_limited=True)
        return Verdict("refused", reason)


class Slack(RobotApi):
    """Slack incoming webhooks: ``text`` in mrkdwn; ``ok`` in a 200, errors as HTTP statuses."""

    kind = "slack"
    # Characters. Slack truncates a text beyond 40,000; a chat message is read, not scrolled.
    limit = 4000

    def render(self, headline: str, blocks: list[Block]) -> str:
        out = [f"*{_slack_text(headline)}*"] if headline else []
        for block in blocks:
            out.append("\n".join("".join(_slack(s) for s in line) for line in block))
        return "\n\n".join(out)

    def size(self, rendered: str) -> int:
        return len(rendered)

    def payload(self, headline: str, rendered: str) -> dict:
        return {"text": rendered, "unfurl_links": False, "unfurl_media": False}

    def judge(self, text: str) -> Verdict:
        return OK if text.strip() == "ok" else Verdict("refused", _short(text) or "no answer")


def _slack_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack(segment) -> str:
    if isinstance(segment, Link):
        label = _slack_text(segment.text).replace("|", "¦")
        url = segment.url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C")
        return f"<{url}|{label}>"
    return _slack_text(segment)


def _short(text: str, limit: int = 200) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + "…"


APIS: dict[str, RobotApi] = {api.kind: api for api in (DingTalk(), WeCom(), Feishu(), Slack())}


def now() -> float:
    """The signing clock (a timestamp each API checks is within an hour of its own)."""
    return time.time()
