"""A stand-in for Redis on loopback: it accepts connections and never answers, until
told to pass them on to the real Redis (a forwarder), as a hung Redis that recovers."""

from __future__ import annotations

import socket
import threading


class StandIn:
    def __init__(self, target=("127.0.0.1", 6379)):
        self.target = target
        self.forwarding = False
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        self.held: list[socket.socket] = []
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def location(self, db: int = 12) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def _accept(self):
        while not self.closed:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.forwarding:
                self.held.append(client)  # accepted, never answered
                continue
            upstream = socket.create_connection(self.target)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()

    def close(self):
        self.closed = True
        self.server.close()
        for held in self.held:
            held.close()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, sink):
            end.close()


def closed_port() -> int:
    """A loopback port that nothing listens on (bound once, then released)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port
