"""A TCP server on loopback that accepts connections and never says a word (a hung SMTP server)."""

from __future__ import annotations

import socket
import threading


class SilentServer:
    """Accepts every connection, reads nothing, answers nothing; counts the connections."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections: list[socket.socket] = []
        self._closed = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(
                conn
            )  # kept open: the client waits for a greeting that never comes

    def close(self) -> None:
        self._closed = True
        self.sock.close()
        for conn in self.connections:
            conn.close()
