"""A real HTTP server on 127.0.0.1 that serves scripted replies, for the fetch tests.

Each path has a list of replies; each request takes the next one and the last one repeats, so
`[Reply(500), Reply(500), Reply(200, body)]` fails twice and then succeeds. Replies can stall,
dribble their body slowly, or promise more bytes than they send.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True, slots=True)
class Reply:
    """One scripted HTTP reply."""

    status: int = 200
    body: bytes = b""
    # Content-Length to declare: None declares len(body); -1 sends none (body ends at close).
    length: int | None = None
    stall_before_headers: float = 0.0  # seconds to wait before answering at all
    stall_after_bytes: tuple[int, float] | None = None  # (bytes sent, then seconds of silence)
    dribble: tuple[int, float] | None = None  # (chunk size, delay between chunks)
    location: str | None = None  # a Location header (of a redirect)
    retry_after: str | None = None  # a Retry-After header (of a 429 or 503)


@dataclass(slots=True)
class LoopbackServer:
    """The running server: its base URL, its script and a count of requests per path."""

    server: ThreadingHTTPServer
    stop: threading.Event
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        """The `http://127.0.0.1:<port>` the server listens on."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, path: str, *replies: Reply) -> str:
        """Script the replies for `path`; return its full URL."""
        self.routes[path] = list(replies)
        self.hits[path] = 0
        return self.base_url + path


def _handler(state: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    """Build the request handler class bound to a server's script."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            """Keep test output quiet."""

        def do_GET(self) -> None:
            """Answer with the next scripted reply for the path (404 for unknown paths)."""
            self.close_connection = True
            replies = state.routes.get(self.path)
            if not replies:
                self.send_error(404, "Not Found")
                return
            index = state.hits[self.path]
            state.hits[self.path] = index + 1
            reply = replies[min(index, len(replies) - 1)]
            if reply.stall_before_headers and state.stop.wait(reply.stall_before_headers):
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/zip")
            if reply.location is not None:
                self.send_header("Location", reply.location)
            if reply.retry_after is not None:
                self.send_header("Retry-After", reply.retry_after)
            if reply.length != -1:
                length = len(reply.body) if reply.length is None else reply.length
                self.send_header("Content-Length", str(length))
            self.send_header("Connection", "close")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._send_body(reply)  # the client may give up first, as some tests intend

        def _send_body(self, reply: Reply) -> None:
            """Send the body as the reply says: at once, dribbled, or cut by a stall."""
            body = reply.body
            if reply.stall_after_bytes is not None:
                sent, silence = reply.stall_after_bytes
                self.wfile.write(body[:sent])
                self.wfile.flush()
                if state.stop.wait(silence):
                    return
                body = body[sent:]
            if reply.dribble is not None:
                size, delay = reply.dribble
                for start in range(0, len(body), size):
                    self.wfile.write(body[start : start + size])
                    self.wfile.flush()
                    if state.stop.wait(delay):
                        return
                return
            self.wfile.write(body)

    return Handler


def start_server() -> LoopbackServer:
    """Start a threaded HTTP server on 127.0.0.1 with an ephemeral port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    server.block_on_close = False  # stalled handlers must not hold up shutdown
    state = LoopbackServer(server, threading.Event())
    server.RequestHandlerClass = _handler(state)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return state


def stop_server(state: LoopbackServer) -> None:
    """Release stalled handlers and shut the server down."""
    state.stop.set()
    state.server.shutdown()
    state.server.server_close()


def serving() -> Iterator[LoopbackServer]:
    """Generator for a pytest fixture: a running server, stopped afterwards."""
    state = start_server()
    try:
        yield state
    finally:
        stop_server(state)


def refused_url() -> str:
    """Return a loopback URL on a port nothing listens on (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/CloudformationSchema.zip"
