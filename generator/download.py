"""Downloads: stream a URL to a file within a size limit and a time limit, retrying what a
retry may cure (connection trouble, timeouts, 5xx, a body cut short). fetch and check read
schema zips so."""

from __future__ import annotations

import email.utils
import http.client
import logging
import re
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any
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
    """Network limits: timeouts in seconds, retries with exponential backoff, a size limit.

    `read_timeout` bounds a silence; `total_timeout` bounds the whole download, retries and
    their waits included, so that a server dribbling a byte now and then cannot hold a CI job
    for hours. It is checked as data arrives, so it ends at most `read_timeout` late."""

    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    total_timeout: float = 600.0
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
    deadline = time.monotonic() + options.total_timeout
    for attempt in range(1, attempts + 1):
        out.seek(0)
        out.truncate()
        try:
            return _download_once(url, label, out, options, deadline)
        except _Transient as e:
            tries = f" (after {attempt} attempts)" if attempt > 1 else ""
            if attempt == attempts:
                raise FetchError(f"{label}: {e}{tries}") from e.__cause__
            delay = max(options.backoff * 2 ** (attempt - 1), e.retry_after)
            if time.monotonic() + delay >= deadline:
                asked = f" (the server asks to wait {e.retry_after:g} s)" if e.retry_after else ""
                raise FetchError(
                    f"{label}: {e}{tries}; no time left to retry within the limit of"
                    f" {options.total_timeout:g} s{asked}"
                ) from e.__cause__
            log.warning("%s: %s; retrying in %.2f s (%d/%d)", label, e, delay, attempt, attempts)
            time.sleep(delay)
    raise AssertionError("unreachable")


class _Transient(Exception):
    """A download failure worth retrying: connection trouble, a timeout, 5xx, a cut-off body;
    with the seconds the server asked to wait (`Retry-After`), 0 when it asked none."""

    def __init__(self, message: str, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _download_once(
    url: str, label: str, out: IO[bytes], options: DownloadOptions, deadline: float
) -> int:
    """Make one attempt; raise _Transient for what a retry may cure, FetchError otherwise.
    What goes wrong after a redirect is said of the URL it happened at."""
    timeout = (options.connect_timeout, options.read_timeout)
    headers = {"User-Agent": f"stackql-docgen/{__version__}"}
    try:
        with _get(url, label, timeout, headers) as response:
            at = _redirected(label, response.url)
            status = f"HTTP {response.status_code} {response.reason or ''}".rstrip()
            if response.status_code in _RETRY_STATUS:
                retry_after = _retry_after(response.headers.get("Retry-After", ""))
                raise _Transient(f"{at}{status}", retry_after)
            if response.status_code != 200:
                raise FetchError(f"{label}: {at}{status}")
            declared = _content_length(response)
            where = f"{label}: {at}".removesuffix(": ")
            if declared is not None and declared > options.max_bytes:
                raise FetchError(_too_big(where, options.max_bytes, f" ({declared} bytes)"))
            size = _stream_body(response, where, at, out, declared, options, deadline)
    except requests.exceptions.InvalidSchema as e:  # (its words name the target, secrets too)
        raise FetchError(f"{label}: redirected to a URL that is not http(s)") from e
    except urllib3.exceptions.LocationValueError as e:  # a host urllib3 cannot parse (`a..b`)
        raise FetchError(f"{label}: not a valid address: {_reason(e)}") from e
    except requests.exceptions.RequestException as e:
        at = _redirected(label, e.request.url if e.request is not None else None)
        raise _failure(e, label, at, options) from e
    except OSError as e:  # the spool file
        raise FetchError(f"{label}: cannot store the download: {e.strerror or e}") from e
    return size


def _get(url: str, label: str, timeout: tuple[float, float], headers: dict) -> Any:
    """requests' streamed GET of `url`. A ValueError of its own, not one of requests' errors,
    comes of a redirect to an address that urllib cannot split (`http://[::1/x`): bad input,
    said without the address (it may hold secrets)."""
    try:
        return requests.get(url, stream=True, timeout=timeout, headers=headers)
    except ValueError as e:
        if isinstance(e, (requests.exceptions.RequestException, urllib3.exceptions.HTTPError)):
            raise
        raise FetchError(f"{label}: redirected to an address that is not valid") from e


def _failure(
    e: requests.exceptions.RequestException, label: str, at: str, options: DownloadOptions
) -> Exception:
    """The _Transient or FetchError that a failed request, at `at`, comes to."""
    if isinstance(e, requests.exceptions.ConnectTimeout):
        return _Transient(f"{at}cannot connect: no answer within {options.connect_timeout} s")
    stalled = isinstance(e, requests.exceptions.ReadTimeout) or (
        isinstance(e, requests.exceptions.ConnectionError)
        and e.args
        and isinstance(e.args[0], urllib3.exceptions.ReadTimeoutError)
    )
    if stalled:
        return _Transient(f"{at}stalled: no data for {options.read_timeout} s")
    if isinstance(e, requests.exceptions.ConnectionError):
        return _Transient(f"{at}{_connection_problem(e)}")
    if isinstance(e, requests.exceptions.ContentDecodingError):  # (a `gzip` body that is none)
        return FetchError(f"{label}: {at}the body does not decode as its Content-Encoding says")
    return FetchError(f"{label}: {at}{_reason(e)}")


def _redirected(label: str, final: str | None) -> str:
    """`redirected to <URL>: ` when a request ended at another URL than `label` names (said
    without credentials or query, as `label` is), else nothing.

    >>> _redirected("https://a.example/s.zip", "https://b.example/s.zip?X-Amz-Signature=1")
    'redirected to https://b.example/s.zip: '
    >>> _redirected("https://a.example/s.zip", "https://a.example/s.zip"), _redirected("x", None)
    ('', '')
    """
    if final is None:
        return ""
    try:
        shown = url_label(final)
    except ValueError:  # a port past 65535: the address is not said (it may hold secrets)
        return "redirected to an address that is not valid: "
    return "" if shown == label else f"redirected to {shown}: "


def _stream_body(
    response: requests.Response,
    label: str,
    at: str,
    out: IO[bytes],
    declared: int | None,
    options: DownloadOptions,
    deadline: float,
) -> int:
    """Copy the body to `out` within the size and time limits; a body cut short is
    _Transient."""
    size = 0
    limit = options.max_bytes
    try:
        for chunk in _arriving(response):
            size += len(chunk)
            if size > limit:
                raise FetchError(_too_big(label, limit, ""))
            out.write(chunk)
            if time.monotonic() > deadline:
                raise FetchError(
                    f"{label}: too slow: not complete within the limit of"
                    f" {options.total_timeout:g} s ({size} bytes received)"
                )
    except requests.exceptions.ChunkedEncodingError as e:
        expected = f"all {declared} bytes" if declared is not None else "the end of the body"
        raise _Transient(f"{at}download truncated: the connection closed before {expected}") from e
    encoded = "Content-Encoding" in response.headers
    if declared is not None and not encoded and size != declared:
        raise _Transient(f"{at}download truncated: got {size} of {declared} bytes")
    return size


def _arriving(response: requests.Response) -> Iterator[bytes]:
    """The body, decoded, in pieces as they arrive: each a single read of the socket (up to
    64 KB), so that a slow body yields between its bytes and the time limit can be checked.
    (`iter_content` blocks until a whole chunk is in.) urllib3's errors become requests' own,
    as `iter_content` raises them, with the request they befell."""
    raw = response.raw
    try:
        while chunk := raw.read1(_CHUNK, decode_content=True):
            yield chunk
    except urllib3.exceptions.ProtocolError as e:
        raise requests.exceptions.ChunkedEncodingError(e, response=response) from e
    except urllib3.exceptions.DecodeError as e:
        raise requests.exceptions.ContentDecodingError(e, response=response) from e
    except urllib3.exceptions.ReadTimeoutError as e:
        raise requests.exceptions.ConnectionError(e, response=response) from e
    except urllib3.exceptions.SSLError as e:
        raise requests.exceptions.SSLError(e, response=response) from e


def _retry_after(value: str, now: datetime | None = None) -> float:
    """The seconds a `Retry-After` header asks to wait (a number, or an HTTP date); 0 for none
    or one that cannot be read.

    >>> _retry_after("120"), _retry_after(""), _retry_after("soon"), _retry_after("-5")
    (120.0, 0.0, 0.0, 0.0)
    >>> _retry_after("Wed, 21 Oct 2026 07:28:30 GMT", datetime(2026, 10, 21, 7, 28, tzinfo=UTC))
    30.0
    """
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    if when.tzinfo is None:  # (`-0000`: UTC, says RFC 5322)
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


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
    """Find the most specific one-line reason in an exception chain (e.g. 'Connection refused'),
    any URL in it said as `url_label` says it: without credentials or query, which are secrets."""
    for exc in _chain(error):
        if isinstance(exc, OSError) and exc.strerror:
            return without_secrets(exc.strerror)
    return without_secrets(" ".join(str(error).split()))


# A URL in an exception's words: requests quotes the one it could not use, as given, spaces
# and all (`'...'`); else up to white space.
_URL_IN_TEXT = re.compile(
    r"(?<=')[A-Za-z][A-Za-z0-9+.-]*://[^']*(?=')"
    r"|(?<=\")[A-Za-z][A-Za-z0-9+.-]*://[^\"]*(?=\")"  # (Python's repr of one with a ')
    r"|[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+"
)
# Python's words of a port it cannot read quote what stands before the host's end: part of a
# password that holds a `/`, `?` or `#` (as AWS's secret keys may).
_PORT_QUOTED = re.compile(r"(Port could not be cast to integer value) as .*")


def without_secrets(text: str) -> str:
    """Text with each URL in it said without credentials or query.

    >>> without_secrets("Invalid URL 'http://user:pw@/x.zip?t=1': No host supplied")
    "Invalid URL 'http:///x.zip': No host supplied"
    >>> without_secrets("Invalid URL 'http://u:p w@/x.zip?sig=SEC RET': No host supplied")
    "Invalid URL 'http:///x.zip': No host supplied"
    >>> without_secrets("Port could not be cast to integer value as 'abc'")
    'Port could not be cast to integer value'
    """

    def label(match: re.Match[str]) -> str:
        try:
            return url_label(match[0])
        except ValueError:  # (a port past 65535: said as a URL, no more)
            return "<URL>"

    return _PORT_QUOTED.sub(r"\1", _URL_IN_TEXT.sub(label, text))


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
