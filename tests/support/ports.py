"""Port numbers for servers a test names before they listen (SMTP started later, Datasette told
``--port``) and for a port that refuses connections.

A port from ``bind(("127.0.0.1", 0))`` is ephemeral: once that socket is closed the kernel may hand
the same number to any outgoing connection (every crawl opens dozens) or to another ``bind(0)``
— in a parallel run, another worker's server — before our server takes it. Ports below the
ephemeral range are never handed out that way: one is drawn there at random (a system source, so
no test's ``random.seed`` makes two workers draw alike) and checked to be free."""

from __future__ import annotations

import random
import socket
from contextlib import contextmanager
from pathlib import Path

_DRAW = random.SystemRandom()


def _ephemeral_range() -> tuple[int, int]:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999  # Linux's default


def free_port() -> int:
    """A port on 127.0.0.1 that is free now and that no ``bind(0)`` or outgoing connection takes."""
    low, high = _ephemeral_range()
    first, last = (10000, low - 1) if low > 11000 else (high + 1, 65535)
    for _ in range(200):
        port = _DRAW.randint(first, last)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port on 127.0.0.1 between {first} and {last}")


@contextmanager
def refused_port():
    """A port that refuses connections while the block runs: bound, never listening, so nobody
    else can take it and start answering."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]
