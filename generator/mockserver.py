"""The mock Cloud Control endpoint: awsJson1_0 over HTTP on loopback, in front of the backend.

Speaks what botocore and StackQL send: `POST /` with `X-Amz-Target: CloudApiService.<Operation>`
and a JSON body; answers 200 with the operation's JSON, or 400 with `{"__type", "Message"}`.
SigV4 signatures are not checked; the region comes from the credential scope of the
Authorization header. Run by hand with `python -m generator.mockserver --specs DIR [--port N]`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import re
import sys
import threading
import uuid
from collections.abc import Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from generator.backend import SERVER_FAULTS, CloudControlBackend, CloudControlError
from generator.errors import DocgenError, SpecError, UsageError

log = logging.getLogger(__name__)

TARGET_PREFIX = "CloudApiService."
CONTENT_TYPE = "application/x-amz-json-1.0"
_IDS = itertools.count(1)
_CREDENTIAL = re.compile(r"Credential=[^/,\s]+/\d{8}/([a-z0-9-]+)/[^/,\s]+/aws4_request")


def region_of(authorization: str | None) -> str | None:
    """The region in the credential scope of a SigV4 Authorization header.

    >>> region_of("AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/cloudcontrolapi/"
    ...           "aws4_request, SignedHeaders=host, Signature=abc")
    'eu-west-1'
    """
    match = _CREDENTIAL.search(authorization or "")
    return match[1] if match else None


def load_schemas(directory: Path) -> dict[str, dict[str, Any]]:
    """Resource schemas by type name from the `*.json` files of a folder (not `*.lock.json`)."""
    if not directory.is_dir():
        raise UsageError(f"{directory}: not a folder")
    schemas: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".lock.json"):
            continue
        try:
            with path.open(encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            raise SpecError(str(path), "", f"cannot read: {error}") from error
        name = document.get("typeName") if isinstance(document, dict) else None
        if not isinstance(name, str):
            raise SpecError(str(path), "/typeName", "expected a string")
        schemas[name] = document
    return schemas


class _Handler(BaseHTTPRequestHandler):
    """One request: parse the awsJson envelope, call the backend, write the answer."""

    protocol_version = "HTTP/1.1"  # keep-alive, as botocore expects
    # Headers and body go out in two sends: without TCP_NODELAY, Nagle's algorithm and the
    # client's delayed ACK hold every answer ~40 ms.
    disable_nagle_algorithm = True
    server: _Server

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        target = self.headers.get("X-Amz-Target", "")
        region = region_of(self.headers.get("Authorization"))
        if region is None:
            self._answer(
                400, _error("MissingAuthenticationTokenException", "Missing Authentication Token")
            )
            return
        if self.path != "/" or not target.startswith(TARGET_PREFIX):
            self._answer(400, _error("UnknownOperationException", f"Unknown target {target!r}"))
            return
        try:
            request = json.loads(body or b"{}")
        except (ValueError, RecursionError):  # (nested past what Python reads)
            request = None
        if not isinstance(request, dict):
            self._answer(400, _error("SerializationException", "Request body is not a JSON object"))
            return
        operation = target[len(TARGET_PREFIX) :]
        try:
            with self.server.lock:  # the backend is a plain state machine, one call at a time
                answer = self.server.backend.handle(operation, request, region)
        except CloudControlError as error:
            status = 500 if error.code in SERVER_FAULTS else 400
            self._answer(status, _error(error.code, error.message))
            return
        except Exception:  # a bug in the mock: say so instead of hanging up on the client
            log.exception("mock Cloud Control failed on %s", operation)
            self._answer(500, _error("InternalFailure", "The mock server failed; see its log"))
            return
        self._answer(200, answer)

    def do_GET(self) -> None:
        self._answer(404, _error("UnknownOperationException", "Cloud Control takes POST /"))

    def _answer(self, status: int, payload: Mapping[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", str(uuid.uuid5(uuid.NAMESPACE_URL, str(next(_IDS)))))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)


def _error(code: str, message: str) -> dict[str, str]:
    return {"__type": code, "Message": message}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # The listen backlog: validate opens a connection per page thread (16) at once, past
    # socketserver's 5. Linux holds a connection past a full accept queue until its SYN-ACK
    # is sent again, a second later: 16 connections at once took 1.2 s with 5, none with 64.
    request_queue_size = 64
    backend: CloudControlBackend
    lock: threading.Lock


class MockServer:
    """The mock on a loopback port: `start()` returns its base URL, `stop()` ends it.

    As a context manager it yields the URL: `with MockServer(backend) as url: ...`.
    """

    def __init__(
        self, backend: CloudControlBackend, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.backend = backend
        self._address = (host, port)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL (`http://127.0.0.1:PORT`); the server must be started."""
        if self._server is None:
            raise RuntimeError("the mock server is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> str:
        """Bind, serve on a background thread and return the base URL."""
        if self._server is None:
            self._server = _Server(self._address, _Handler)
            self._server.backend, self._server.lock = self.backend, threading.Lock()
            # (a stop waits for the serving loop to look up: a tenth of a second at most)
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                args=(0.1,),
                name="mock-cloudcontrol",
                daemon=True,
            )
            self._thread.start()
        return self.url

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join()
            self._server, self._thread = None, None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the schemas of a folder until interrupted."""
    from generator.arguments import port_number

    parser = argparse.ArgumentParser(
        prog="python -m generator.mockserver",
        description="A mock AWS Cloud Control API on loopback.",
    )
    parser.add_argument("--specs", type=Path, required=True, help="folder of resource schemas")
    parser.add_argument(
        "--port", type=port_number, default=0, help="port to bind (default: a free one)"
    )
    args = parser.parse_args(argv)
    try:
        schemas = load_schemas(args.specs)
    except DocgenError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    server = MockServer(CloudControlBackend(schemas), port=args.port)
    types = f"{len(schemas)} type{'' if len(schemas) == 1 else 's'}"
    try:
        url = server.start()
    except OSError as error:  # the port is taken, or not ours to bind
        print(f"error: cannot listen on 127.0.0.1:{args.port}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"mock Cloud Control for {types} at {url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
