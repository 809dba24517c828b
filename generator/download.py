"""Downloads: stream a URL to a file within a size limit, retrying what a retry may cure
(connection trouble, timeouts, 5xx, a body cut short). fetch and check read schema zips so."""

from __future__ import annotations

import http.client
import logging
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO
from urllib.parse import urlsplit, urlunsplit

import requests
import urllib3

from generator import __version__
from generator.errors import FetchError
from generator.model import MAX_SCHEMA_BYTES

log = logging.getLogger(__name__)

_RETRY_STATUS = frozenset({429}) | frozenset(range(500, 600))
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class DownloadOptions:
    """Network limits: timeouts in seconds, retries with exponential backoff, a size limit."""

    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = MAX_SCHEMA_BYTES


def url_label(url: str) -> str:
    """Return a URL without credentials, query or fragment, fit to be recorded in the lock.

    >>> url_label("https://u:p@example.com/s.zip?X-Amz-Signature=1#f")
    'https://example.com/s.zip'
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def download(url: str, out: IO[bytes], options: DownloadOptions) -> int:
    """Stream `url` into `out` with retries and a size limit; return the byte count."""
    label = url_label(url)
    attempts = options.retries + 1
    for attempt in range(1, attempts + 1):
        out.seek(0)
        out.truncate()
        try:
            return _download_once(url, label, out, options)
        except _Transient as e:
            if attempt == attempts:
                tries = f" (after {attempts} attempts)" if attempts > 1 else ""
                raise FetchError(f"{label}: {e}{tries}") from e.__cause__
            delay = options.backoff * 2 ** (attempt - 1)
            log.warning("%s: %s; retrying in %.2f s (%d/%d)", label, e, delay, attempt, attempts)
            time.sleep(delay)
    raise AssertionError("unreachable")


class _Transient(Exception):
    """A download failure worth retrying: connection trouble, a timeout, 5xx, a cut-off body."""


def _download_once(url: str, label: str, out: IO[bytes], options: DownloadOptions) -> int:
    """Make one attempt; raise _Transient for what a retry may cure, FetchError otherwise."""
    timeout = (options.connect_timeout, options.read_timeout)
    headers = {"User-Agent": f"stackql-docgen/{__version__}"}
    try:
        with requests.get(url, stream=True, timeout=timeout, headers=headers) as response:
            status = f"HTTP {response.status_code} {response.reason or ''}".rstrip()
            if response.status_code in _RETRY_STATUS:
                raise _Transient(status)
            if response.status_code != 200:
                raise FetchError(f"{label}: {status}")
            declared = _content_length(response)
            if declared is not None and declared > options.max_bytes:
                raise FetchError(_too_big(label, options.max_bytes, f" ({declared} bytes)"))
            size = _stream_body(response, label, out, declared, options.max_bytes)
    except requests.exceptions.InvalidSchema as e:  # (its words name the target, secrets too)
        raise FetchError(f"{label}: redirected to a URL that is not http(s)") from e
    except requests.exceptions.ConnectTimeout as e:
        raise _Transient(f"cannot connect: no answer within {options.connect_timeout} s") from e
    except requests.exceptions.ReadTimeout as e:
        raise _Transient(f"stalled: no data for {options.read_timeout} s") from e
    except requests.exceptions.ConnectionError as e:
        if e.args and isinstance(e.args[0], urllib3.exceptions.ReadTimeoutError):
            raise _Transient(f"stalled: no data for {options.read_timeout} s") from e
        raise _Transient(_connection_problem(e)) from e
    except requests.exceptions.ContentDecodingError as e:  # (a `gzip` body that is none)
        raise FetchError(f"{label}: the body does not decode as its Content-Encoding says") from e
    except requests.exceptions.RequestException as e:
        raise FetchError(f"{label}: {_reason(e)}") from e
    except OSError as e:  # the spool file
        raise FetchError(f"{label}: cannot store the download: {e.strerror or e}") from e
    return size


def _stream_body(
    response: requests.Response, label: str, out: IO[bytes], declared: int | None, limit: int
) -> int:
    """Copy the body to `out` within the size limit; a body cut short is _Transient."""
    size = 0
    try:
        for chunk in response.iter_content(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise FetchError(_too_big(label, limit, ""))
            out.write(chunk)
    except requests.exceptions.ChunkedEncodingError as e:
        expected = f"all {declared} bytes" if declared is not None else "the end of the body"
        raise _Transient(f"download truncated: the connection closed before {expected}") from e
    encoded = "Content-Encoding" in response.headers
    if declared is not None and not encoded and size != declared:
        raise _Transient(f"download truncated: got {size} of {declared} bytes")
    return size


def _content_length(response: requests.Response) -> int | None:
    """Return the declared Content-Length, or None when absent or malformed."""
    value = response.headers.get("Content-Length", "")
    return int(value) if value.isdigit() else None


def _too_big(label: str, limit: int, detail: str) -> str:
    """Return the message for a download over the size limit."""
    return f"{label}: download larger than the size limit of {limit} bytes{detail}"


def _connection_problem(error: BaseException) -> str:
    """What went wrong with a connection, in words, not the libraries' own (`('Connection
    aborted.', RemoteDisconnected(...))`): the connection may well have been made."""
    for exc in _chain(error):
        if isinstance(exc, http.client.RemoteDisconnected):
            return "the server closed the connection without an answer"
        if isinstance(exc, http.client.BadStatusLine):
            return "the server's answer is not HTTP"
        if isinstance(exc, ssl.SSLError):
            return f"no TLS connection: {exc.reason or exc.strerror or 'handshake failed'}"
    return f"cannot connect: {_reason(error)}"


def _reason(error: BaseException) -> str:
    """Find the most specific one-line reason in an exception chain (e.g. 'Connection refused')."""
    for exc in _chain(error):
        if isinstance(exc, OSError) and exc.strerror:
            return exc.strerror
    return " ".join(str(error).split())


def _chain(error: BaseException) -> Iterator[BaseException]:
    """An exception and those inside it (its arguments, reason, cause and context), outermost
    first, each once."""
    seen: set[int] = set()
    queue: list[BaseException] = [error]
    while queue:
        exc = queue.pop(0)
        if id(exc) in seen:
            continue
        seen.add(id(exc))
        yield exc
        queue.extend(
            e
            for e in (*exc.args, getattr(exc, "reason", None), exc.__cause__, exc.__context__)
            if isinstance(e, BaseException)
        )
