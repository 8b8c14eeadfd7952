"""A loopback HTTP server that records every connection and request: proof that nothing is fetched.

Evidence and reports may name ``http(s)://127.0.0.1:PORT/...`` resources; the renderers
and extractors must never load them. Tests point those URLs at this server and assert
it saw nothing. Connections are recorded when accepted, so a TLS handshake on
``https://127.0.0.1:PORT`` counts even though it never becomes an HTTP request.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Loopback:
    """What the server saw: a connection per accepted socket, ``"GET /path"`` per request."""

    port: int = 0
    connections: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def serve_loopback() -> Iterator[Loopback]:
    """Run the server on a free loopback port for the duration of the block."""
    record = Loopback()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _record(self) -> None:
            record.requests.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"fetched from the loopback server")

        do_GET = do_POST = do_HEAD = do_PUT = _record

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def verify_request(self, request: object, client_address: object) -> bool:
            record.connections.append(str(client_address))
            return True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a TLS hello is not HTTP: recorded above, no traceback

    server = Server(("127.0.0.1", 0), Handler)
    record.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield record
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
