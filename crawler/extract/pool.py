"""Extraction off the crawl's thread: worker processes that parse pages.

Parsing is CPU work; in the crawl process it stalls Scrapy's reactor (and every download with
it). With ``workers >= 1`` pages are parsed in worker processes while the reactor goes on.
Results are the same :class:`Article`/:class:`ListPage` objects; ``workers = 0`` parses inline.

Each worker is a spawned process holding one end of a socket pair. Calls and results travel
as length-prefixed pickles that the crawl's own asyncio loop writes and reads when the socket
is ready. ``concurrent.futures.ProcessPoolExecutor`` does the same job with two helper threads
in the crawl process; handing every page to them and back through the GIL cost the crawl
process 0.6 ms of CPU per page and the worker 0.4 ms, half as much again as parsing the page.
A worker that dies or cannot start makes the pool parse inline from then on.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import multiprocessing
import pickle
import signal
import socket
import struct

from storage import WorkerGone

from .article import extract_article
from .fetchcheck import PageReading, cut_reason, failed_fetch_reason, may_be_fault
from .listing import extract_list

logger = logging.getLogger(__name__)

# Block, maintenance and empty pages carry little text; a page with a title and this much body
# text is the article, so the (costlier) block-page check is skipped.
SUBSTANTIAL_BODY = 600


def thin(article) -> bool:
    """An article too slight to vouch for itself: no title, or little body text."""
    return not article.title or len(article.body or "") < SUBSTANTIAL_BODY


def fetch_check(
    body: bytes, status: int, content_type: str | None, reading: PageReading | None = None
) -> tuple[str | None, str | None]:
    """:func:`failed_fetch_reason`, and the check's own failure as a second value: the check is
    a guard, never a reason to lose the page."""
    try:
        return failed_fetch_reason(body, status, content_type, reading), None
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}"


def checked_article(
    body: bytes, url: str, *, status: int = 200, check_first: bool = False, **kwargs
):
    """An article page extracted and its response checked, in one call (one trip to a worker):
    ``(article, reason, check_error)``; ``reason`` says why the response is a failed fetch.

    With ``check_first`` (a watched page, a further page of an article) the response is always
    checked in full (``article`` is None when it fails); otherwise only when the
    article is :func:`thin` or the bytes may be no page (:func:`may_be_fault`: an unrendered
    template, or hardly any links). ``kwargs`` go to
    :func:`extract_article`.

    The page is parsed once: the check reads the article's own parse (a :class:`PageReading`).
    A response cut short inside text or a tag (:func:`~.fetchcheck.cut_reason`, a byte test) is
    always a failed fetch.
    """
    content_type = kwargs.get("content_type")
    reading = PageReading()
    article = extract_article(body, url, reading=reading, **kwargs)
    if status < 300 and (cut := cut_reason(body)):
        # Stopped inside text or a tag, no </body> or </html>: a fraction of the page whatever
        # its body says (a known release's store would say so too; a first sight has no other).
        return (None if check_first else article), cut, None
    if check_first:
        reason, error = fetch_check(body, status, content_type, reading)
        return (None if reason is not None else article), reason, error
    if thin(article) or may_be_fault(body):
        return (article, *fetch_check(body, status, content_type, reading))
    return article, None, None


_FUNCTIONS = {
    "article": extract_article,
    "listing": extract_list,
    "checked_article": checked_article,
    "fetch_check": fetch_check,
}
_FRAME = struct.Struct("!Q")  # the byte length of the pickle that follows
_READ_SIZE = 1 << 18


def _serve(sock: socket.socket) -> None:
    """A worker's loop: answer calls until the crawl process closes its end of the socket."""
    # Ctrl-C reaches the whole process group; the crawl process decides how to stop, not workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with sock, sock.makefile("rb") as stream:
        while True:
            header = stream.read(_FRAME.size)
            if len(header) < _FRAME.size:
                return
            call_id, name, args, kwargs = pickle.loads(stream.read(_FRAME.unpack(header)[0]))
            try:
                answer = (call_id, True, _FUNCTIONS[name](*args, **kwargs))
            except Exception as exc:  # the page's failure, reported to the crawl, not the worker's
                answer = (call_id, False, _portable(exc))
            try:
                payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                payload = pickle.dumps(
                    (call_id, False, _portable(exc)), protocol=pickle.HIGHEST_PROTOCOL
                )
            sock.sendall(_FRAME.pack(len(payload)) + payload)


def _portable(exc: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class _Worker:
    """One worker process and the crawl side of its socket (non-blocking, driven by the loop)."""

    def __init__(self, context):
        ours, theirs = socket.socketpair()
        try:
            self.process = context.Process(
                target=_serve, args=(theirs,), name="bulletin-extract", daemon=True
            )
            self.process.start()
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        ours.setblocking(False)
        self.sock = ours
        self.loop: asyncio.AbstractEventLoop | None = None
        self.pending: dict[int, asyncio.Future] = {}
        self.outgoing = bytearray()
        self.incoming = bytearray()
        self.gone = False

    def call(self, call_id: int, name: str, args: tuple, kwargs: dict) -> asyncio.Future:
        loop = asyncio.get_running_loop()
        if loop is not self.loop:
            self._attach(loop)
        future = loop.create_future()
        if self.gone:
            future.set_exception(WorkerGone("the extraction worker is gone"))
            return future
        self.pending[call_id] = future
        payload = pickle.dumps((call_id, name, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        self.outgoing += _FRAME.pack(len(payload))
        self.outgoing += payload
        self._send()
        return future

    def _attach(self, loop: asyncio.AbstractEventLoop) -> None:
        # Futures of a previous loop can no longer be awaited; their answers are dropped.
        self._detach()
        self.pending.clear()
        self.loop = loop
        if not self.gone:
            try:
                loop.add_reader(self.sock.fileno(), self._receive)
            except (
                NotImplementedError
            ) as exc:  # a loop without readiness callbacks (Windows' proactor)
                self._lost(exc)

    def _detach(self) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.remove_reader(self.sock.fileno())
            self.loop.remove_writer(self.sock.fileno())

    def _send(self) -> None:
        try:
            while self.outgoing:
                sent = self.sock.send(self.outgoing)
                del self.outgoing[:sent]
        except BlockingIOError:
            pass
        except OSError as exc:
            self._lost(exc)
            return
        if self.outgoing:
            self.loop.add_writer(self.sock.fileno(), self._send)
        else:
            self.loop.remove_writer(self.sock.fileno())

    def _receive(self) -> None:
        try:
            while True:
                chunk = self.sock.recv(_READ_SIZE)
                if not chunk:
                    self._lost(WorkerGone("the extraction worker closed its socket"))
                    return
                self.incoming += chunk
                if len(chunk) < _READ_SIZE:
                    break
        except BlockingIOError:
            pass
        except OSError as exc:
            self._lost(exc)
            return
        while len(self.incoming) >= _FRAME.size:
            size = _FRAME.unpack_from(self.incoming)[0]
            end = _FRAME.size + size
            if len(self.incoming) < end:
                break
            call_id, ok, value = pickle.loads(self.incoming[_FRAME.size : end])
            del self.incoming[:end]
            future = self.pending.pop(call_id, None)
            if future is None or future.done():
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def _lost(self, exc: Exception) -> None:
        self.gone = True
        self._detach()
        error = exc if isinstance(exc, WorkerGone) else WorkerGone(f"{type(exc).__name__}: {exc}")
        pending, self.pending = self.pending, {}
        if self.loop is None or self.loop.is_closed():
            return
        for future in pending.values():
            if not future.done():
                future.set_exception(error)

    def close(self) -> None:
        self._lost(
            WorkerGone("the extraction pool was closed")
        )  # callers still waiting parse inline
        self.sock.close()  # the worker reads end-of-file and returns
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)


class ExtractionPool:
    """``await pool.article(...)`` / ``await pool.listing(...)``: extraction in worker processes;
    ``checked_article`` and ``fetch_check`` run the failed-fetch check there too, so the check
    never decodes and parses a page on the crawl's thread."""

    def __init__(self, workers: int = 1):
        self.workers: list[_Worker] = []
        self._ids = itertools.count()
        if workers > 0:
            # spawn, not fork: the crawl process has threads (the store writer) and a running loop.
            context = multiprocessing.get_context("spawn")
            try:
                for _ in range(workers):
                    self.workers.append(_Worker(context))
            except OSError as exc:
                self._go_inline(exc)

    async def _run(self, name: str, *args, **kwargs):
        if self.workers:
            worker = min(self.workers, key=lambda w: len(w.pending))
            try:
                return await worker.call(next(self._ids), name, args, kwargs)
            except WorkerGone as exc:
                self._go_inline(exc)
        return _FUNCTIONS[name](*args, **kwargs)

    def _go_inline(self, exc: Exception) -> None:
        # No worker processes here (a sandbox, a killed worker): parse inline from now on.
        if self.workers or not isinstance(exc, WorkerGone):
            logger.warning(
                "extraction workers unavailable (%s: %s); parsing in the crawl process",
                type(exc).__name__,
                exc,
            )
        self.close()

    async def article(self, body: bytes, url: str, **kwargs):
        return await self._run("article", body, url, **kwargs)

    async def listing(self, body: bytes, url: str, **kwargs):
        return await self._run("listing", body, url, **kwargs)

    async def checked_article(self, body: bytes, url: str, **kwargs):
        """:func:`checked_article` off the crawl's thread."""
        return await self._run("checked_article", body, url, **kwargs)

    async def fetch_check(self, body: bytes, status: int, content_type: str | None):
        """:func:`fetch_check` off the crawl's thread."""
        return await self._run("fetch_check", body, status, content_type)

    def close(self) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            worker.close()
