"""Preview: the pages `generate` would write, as HTML from a web server on this machine.

Every request builds the site again from the schemas (a schema whose bytes did not change is
taken from the last build, not rendered again; where no schema file changed, nor the lock
whose regions the examples name, the last build is the answer), so an edited schema shows at
the next reload, which an open page makes itself (below), and one that cannot be built shows
its error, above the pages as the last build made them.
The MDX becomes HTML here: markdown-it renders the Markdown, and the three components the
pages use (Tabs, TabItem, CopyableCode) become plain HTML, with a little script for switching
tabs and copying.

Page `aws/lambda/index.mdx` is served at `/aws/lambda/index.html` (and `/aws/lambda/`), so the
pages' relative links work as they are; its MDX at `/aws/lambda/index.mdx`. An HTML page asks
`/_preview/version?path=<its URL path>` each second and reloads itself when the answer is no
longer the version it was served with: its page changed, appeared or went, or an error came or
went.
"""

from __future__ import annotations

import hashlib
import html
import ipaddress
import logging
import os
import re
import socket
import sys
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import yaml
from markdown_it import MarkdownIt

from generator.build import build, known_stamps, page_of_type
from generator.errors import DocgenError, UsageError
from generator.extract import FRONTMATTER, TAB_TAG, ready
from generator.model import LOCK_FILE, Page, Site
from generator.render import environment
from generator.schema import file_stamp, list_sources

log = logging.getLogger(__name__)

HTML_TYPE = "text/html; charset=utf-8"
MDX_TYPE = "text/plain; charset=utf-8"
# Where a page asks for its version (no page's URL: those end in `.html`, `.mdx` or `/`).
VERSION_URL = "/_preview/version"

_IMPORT = re.compile(r"^import [^\n]*;[ \t]*\n", re.MULTILINE)
_COMMENT = re.compile(r"\{/\*.*?\*/\}[ \t]*\n?", re.DOTALL)
_TABS = re.compile(r'<Tabs\s+defaultValue="([^"]*)"\s+values=\{\[(.*?)\]\s*\}>', re.DOTALL)
_TAB = re.compile(r"\{\s*label:\s*'((?:[^'\\]|\\.)*)',\s*value:\s*'((?:[^'\\]|\\.)*)',?\s*\}")
_COPYABLE = re.compile(r'<CopyableCode code="([^"]*)" />')
# A relative link to another page (the pages link to each other's files).
_PAGE_LINK = re.compile(r'href="((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"]*?)\.mdx(#[^"]*)?"')


# CommonMark with raw HTML and GFM tables, as the pages are written for; ready for the
# server's threads.
_PARSER = ready(MarkdownIt("commonmark").enable("table"))


def page_url(path: str) -> str:
    """The URL path a page is served at.

    >>> page_url("aws/lambda/event_invoke_configs/index.mdx")
    '/aws/lambda/event_invoke_configs/index.html'
    """
    return "/" + path.removesuffix(".mdx") + ".html"


def version_of(text: str | None, error: str | None) -> str:
    """What an HTML page shows, in short: its MDX (None: no page there) and the error above it.

    >>> version_of("# A", None) == version_of("# A", None) != version_of("# B", None)
    True
    >>> len({version_of(None, None), version_of("", None), version_of("", "error: x")})
    3
    """
    shown = "\0".join(("-" if text is None else "+" + text, error or ""))
    return hashlib.sha256(shown.encode()).hexdigest()[:16]


def to_html(mdx: str) -> tuple[str, str]:
    """The title (front matter) and the HTML body of an MDX page the generator wrote."""
    title = ""
    front = FRONTMATTER.match(mdx)
    if front:
        meta = yaml.safe_load(front[1])
        title = str(meta.get("title", "")) if isinstance(meta, dict) else ""
        mdx = mdx[front.end() :]
    body = _PARSER.render(_components_to_html(mdx))
    return title, _PAGE_LINK.sub(r'href="\1.html\2"', body)


def _components_to_html(mdx: str) -> str:
    """The MDX with its imports, comments and components turned into Markdown and HTML.

    Code blocks are left as they are: what looks like a component there is text.
    """
    lines = mdx.splitlines(keepends=True)
    fenced = sorted(
        token.map
        for token in _PARSER.parse(mdx)
        if token.type in ("fence", "code_block") and token.map
    )
    parts, start = [], 0
    for first, end in fenced:
        parts.append(_convert("".join(lines[start:first])))
        parts.append("".join(lines[first:end]))
        start = end
    parts.append(_convert("".join(lines[start:])))
    return "".join(parts)


def _convert(text: str) -> str:
    """Text outside code blocks, with the MDX-only parts made HTML."""
    text = _COMMENT.sub("", _IMPORT.sub("", text))
    text = _TABS.sub(_tabs, text)
    text = TAB_TAG.sub(_tab_item, text).replace("</Tabs>", "</div>")
    return _COPYABLE.sub(_copyable, text)


def _tab_item(match: re.Match[str]) -> str:
    """A TabItem's opening or closing tag, as a div."""
    if match[1] is None:
        return "</div>"
    return f'<div class="tab-item" role="tabpanel" data-value="{html.escape(match[1])}">'


def _tabs(match: re.Match[str]) -> str:
    """A Tabs element's opening: its tab buttons."""
    buttons = "".join(
        f'<button type="button" role="tab" data-value="{html.escape(value)}">'
        f"{html.escape(label)}</button>"
        for label, value in _TAB.findall(match[2])
    )
    return (
        f'<div class="tabs" data-default="{html.escape(match[1])}">\n'
        f'<div class="tab-bar" role="tablist">{buttons}</div>'
    )


def _copyable(match: re.Match[str]) -> str:
    """A CopyableCode element: the code and a button that copies it."""
    code = html.escape(html.unescape(match[1]))  # a JSX string decodes character references
    return (
        f'<span class="copyable"><code>{code}</code>'
        f'<button type="button" class="copy" data-code="{code}">Copy</button></span>'
    )


def _crumbs(path: str, paths: Collection[str]) -> list[tuple[str, str]]:
    """(name, URL) of the index pages above a page, outermost first."""
    parts = path.split("/")[:-1]
    if path.endswith("/index.mdx"):
        parts = parts[:-1]
    crumbs = []
    for i in range(1, len(parts) + 1):
        index = "/".join(parts[:i]) + "/index.mdx"
        if index in paths:
            crumbs.append((parts[i - 1], page_url(index)))
    return crumbs


def html_page(page: Page, paths: Collection[str], error: str | None = None) -> str:
    """A whole HTML document for a page of the site whose page paths are `paths`; `error`:
    why the schemas cannot be built now, said above it (the page is from an earlier build)."""
    title, body = to_html(page.text)
    return (
        environment()
        .get_template("preview.html.j2")
        .render(
            title=title or page.path,
            body=body,
            error=error,
            crumbs=_crumbs(page.path, paths),
            source="/" + page.path,
            version=version_of(page.text, error),
        )
    )


def error_page(status: HTTPStatus, message: str, version: str | None = None) -> str:
    """A whole HTML document that says what went wrong; with a `version`, one that reloads
    itself when the version of its URL is another (a page that is missing now may come)."""
    return (
        environment()
        .get_template("preview.html.j2")
        .render(
            title=f"{status.value} {status.phrase}",
            body=None,
            error=message,
            crumbs=[],
            source=None,
            version=version,
        )
    )


@dataclass(frozen=True, slots=True)
class Response:
    """What the server answers to a GET."""

    status: HTTPStatus
    content_type: str
    body: bytes
    location: str | None = None


def respond(site: Site, url: str, error: str | None = None) -> Response:
    """The answer to a GET of `url` (a path, maybe with a query) from a built site; with
    `error` (the schemas cannot be built now, and `site` is the last build that worked), an
    HTML page says so above it, and what else there is to answer is the error alone."""
    split = urlsplit(url)
    path = unquote(split.path)
    pages = {page.path: page for page in site.pages}
    # The first provider's index, where `/` leads while there is no `index.mdx`.
    tops = [p for p in pages if p.count("/") == 1 and p.endswith("/index.mdx")]
    if path == VERSION_URL:  # what the page at ?path= shows now, asked by that page
        watched = unquote(parse_qs(split.query).get("path", [""])[0])
        if watched in ("/", "/index.html") and "index.mdx" not in pages and tops:
            watched = page_url(tops[0])  # (the 404 of no pages at all goes, when one comes)
        page = pages.get(_shown(watched))
        version = version_of(None if page is None else page.text, error)
        return Response(HTTPStatus.OK, MDX_TYPE, version.encode())
    if path == "/favicon.ico":  # (asked by a browser of every address, an MDX one's too)
        return Response(HTTPStatus.NO_CONTENT, HTML_TYPE, b"")
    if path in ("/", "/index.html") and "index.mdx" not in pages:
        if tops:
            return Response(HTTPStatus.FOUND, HTML_TYPE, b"", page_url(tops[0]))
        if error is None:  # no page at all: every type skipped (the terminal says why)
            message = (
                "No pages: no schema makes one now (the terminal says why each type is "
                "skipped). This page shows the pages when one comes."
            )
            text = error_page(HTTPStatus.NOT_FOUND, message, version_of(None, None))
            return Response(HTTPStatus.NOT_FOUND, HTML_TYPE, text.encode())
    if path.lstrip("/") + "/index.mdx" in pages:  # a folder named without its slash
        # (one slash before it: `//aws/`, of `/%2Faws`, would name a host `aws`)
        return Response(HTTPStatus.FOUND, HTML_TYPE, b"", "/" + path.lstrip("/") + "/")
    if path.endswith("/"):
        path += "index.html"
    rel = path.lstrip("/")
    shown = _shown(path)
    if shown in pages:
        status = HTTPStatus.OK if error is None else HTTPStatus.INTERNAL_SERVER_ERROR
        return Response(status, HTML_TYPE, html_page(pages[shown], pages, error).encode())
    # An HTML page that is not there now, but may come: it reloads itself when it does.
    version = version_of(None, error) if shown else None
    if error is not None:
        return _error(error, version)
    if rel in pages:
        return Response(HTTPStatus.OK, MDX_TYPE, pages[rel].text.encode())
    skipped = {page_of_type(s.type_name): s for s in site.skipped}
    if shown in skipped:  # a type that has no page now, and why
        message = f"No page at {path}: {skipped[shown]}."
    else:
        message = f"No page at {path}: the pages begin at /."
    text = error_page(HTTPStatus.NOT_FOUND, message, version)
    return Response(HTTPStatus.NOT_FOUND, HTML_TYPE, text.encode())


def _shown(path: str) -> str:
    """The page an HTML URL path shows (its MDX file's path), or "" for another URL.

    >>> _shown("/aws/lambda/index.html"), _shown("/aws/lambda/"), _shown("/aws/index.mdx")
    ('aws/lambda/index.mdx', 'aws/lambda/index.mdx', '')
    >>> _shown("/aws/lambda")  # (redirected to /aws/lambda/ once it is there)
    'aws/lambda/index.mdx'
    """
    if path.endswith("/"):
        path += "index.html"
    elif "." not in path.rpartition("/")[2]:  # a folder named without its slash, as it may be
        path += "/index.html"
    return path.lstrip("/").removesuffix(".html") + ".mdx" if path.endswith(".html") else ""


class Preview:
    """The site as the schemas make it now, built again at each `refresh`."""

    def __init__(
        self,
        specs: Path,
        types: Sequence[str] = (),
        built: Callable[[Site], None] | None = None,
    ) -> None:
        self.specs = specs
        self.types = tuple(types)
        self.built = built  # told of each build (the command's terminal forgets warnings gone)
        self.site: Site | None = None
        self._lock = threading.Lock()  # one build at a time; the server answers on threads
        self._said = ""  # the error last printed, while it lasts
        self._zip_stamp: tuple[int, ...] | None = None  # a zip's, when the site was built
        # The lock's, when the site was built (its regions are the pages'): "" for none.
        self._lock_stamp: tuple[int, ...] | str | None = None

    def refresh(self) -> Site:
        """Build the site, reusing the last build's outcome of every unchanged schema; the
        last build as it is where no schema file changed, nor the lock (the pages ask every
        second)."""
        if self.site is not None and self._unchanged(self.site):
            return self.site
        reuse = {(o.file, o.sha256): o for o in self.site.outcomes} if self.site else None
        zip_stamp = None if self.specs.is_dir() else file_stamp(self.specs)  # before it is read
        lock_stamp = self._lock_file_stamp()
        self.site = build(self.specs, self.types, reuse, models=False)
        self._zip_stamp, self._lock_stamp = zip_stamp, lock_stamp
        if self.built is not None:
            self.built(self.site)
        return self.site

    def _lock_file_stamp(self) -> tuple[int, ...] | str | None:
        """The stamp of the folder's lock (`file_stamp`: None when it changed just now), or
        "" where there is none."""
        lock = self.specs / LOCK_FILE
        return file_stamp(lock) if os.path.lexists(lock) else ""

    def _unchanged(self, site: Site) -> bool:
        """Whether `specs` holds the files `site` was built from, each with the stamp it had
        (as `build` knows them unread; a file changed less than a second ago has none); a
        zip, whether it has the stamp it had when read."""
        if not self.specs.is_dir():
            return self._zip_stamp is not None and file_stamp(self.specs) == self._zip_stamp
        # The lock as it was (the regions that `fetch --region` or a fetch from cfn-lint's
        # data of another region records, which the examples name).
        lock_stamp = self._lock_file_stamp()
        if lock_stamp is None or lock_stamp != self._lock_stamp:
            return False
        outcomes = site.outcomes
        known = known_stamps(outcomes)
        if len(known) != len(outcomes):
            return False
        sources = list_sources(self.specs, known)
        return len(sources) == len(outcomes) and all(
            s.sha256 and s.name == o.file for s, o in zip(sources, outcomes, strict=True)
        )

    def get(self, url: str) -> Response:
        """The answer to a GET: from the site as built now, or the error that stops it."""
        with self._lock:
            before = {s.type_name for s in self.site.skipped} if self.site else set()
            try:
                site = self.refresh()
                self._said = ""
            except DocgenError as e:
                if str(e) != self._said:  # once while it lasts: the pages ask every second
                    log.error("%s", e)
                    self._said = str(e)
                if self.site is None:
                    return _error(f"error: {e}")
                return respond(self.site, url, f"error: {e}")  # as last built, under the error
            except Exception as e:  # a bug: its traceback on the terminal, a page that says so
                log.exception("a bug in stackql-docgen")
                return _error(f"a bug in stackql-docgen: {type(e).__name__}: {e}")
        for skipped in site.skipped:  # a type that lost its page while editing, and why
            if skipped.type_name not in before:  # said each time it goes, not at each request
                log.warning("%s", skipped, extra={"every_time": True})
        return respond(site, url)


def listen_address(host: str, port: int) -> tuple[socket.AddressFamily, str]:
    """The address family and the address the server binds for `--host` (a name or an IPv4
    or IPv6 address): the first the system resolves it to."""
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (OSError, UnicodeError) as e:
        why = getattr(e, "strerror", None) or e
        raise UsageError(f"cannot listen on {host}:{port}: {why}") from e
    return family, str(address[0])


def is_loopback(address: str) -> bool:
    """Whether an address the server binds is this machine's loopback (IPv4 or IPv6).

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def url_of(host: str, port: int) -> str:
    """The server's URL, an IPv6 address in brackets.

    >>> url_of("127.0.0.1", 8000), url_of("::1", 8000)
    ('http://127.0.0.1:8000/', 'http://[::1]:8000/')
    """
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def addressed_here(host_header: str | None, host: str) -> bool:
    """Whether a request to a server on the loopback address, which `--host` names, is
    addressed to it: by `localhost` (or a name under it), an IP address, the `--host` name,
    or no name at all (HTTP/1.0). Another name leads here only if its owner made it (DNS
    rebinding: a web page's own name, pointed at 127.0.0.1, lets the page read this server).

    >>> [addressed_here(h, "127.0.0.1") for h in ("localhost:8000", "[::1]:80", "127.0.0.1", None)]
    [True, True, True, True]
    >>> addressed_here("attacker.example:8000", "127.0.0.1"), addressed_here("Box:1", "box")
    (False, True)
    """
    if host_header is None:
        return True
    name = host_header.strip()
    if name.startswith("["):  # [::1]:8000
        name = name[1:].partition("]")[0]
    elif name.count(":") == 1:
        name = name.partition(":")[0]
    name = name.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost") or name == host.lower().rstrip("."):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def misdirected(host_header: str | None) -> Response:
    """The answer to a request that names the server by a name of somebody else's."""
    message = (
        f"This preview answers requests addressed to localhost or to an IP address, not to "
        f"{host_header!r}: a web page could otherwise read it through a name of its own that "
        "leads here (DNS rebinding). Open it at localhost."
    )
    text = error_page(HTTPStatus.FORBIDDEN, message)
    return Response(HTTPStatus.FORBIDDEN, HTML_TYPE, text.encode())


def _error(message: str, version: str | None = None) -> Response:
    """The answer when the schemas cannot be built: the error alone (an HTML page's, with its
    `version`, reloads itself when that changes)."""
    text = error_page(HTTPStatus.INTERNAL_SERVER_ERROR, message, version)
    return Response(HTTPStatus.INTERNAL_SERVER_ERROR, HTML_TYPE, text.encode())


def serve(preview: Preview, host: str, port: int, ready: Callable[[str, Site, bool], None]) -> None:
    """Listen on host:port, build once (errors stop here), then answer requests until
    interrupted.

    `ready` gets the server's URL (port 0 takes a free port), the first build, and whether it
    listens on the loopback address only. There, it answers only requests `addressed_here`.
    """
    family, address = listen_address(host, port)
    loopback = is_loopback(address)

    class Handler(BaseHTTPRequestHandler):
        server_version = "stackql-docgen-preview"

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def _not_allowed(self) -> None:
            """A method that HTTP defines but the preview does not take: 405, not 501."""
            body = error_page(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f"The preview answers GET and HEAD, not {self.command}.",
            ).encode()
            self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
            self.send_header("Allow", "GET, HEAD")
            self.send_header("Content-Type", HTML_TYPE)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed
        do_TRACE = do_CONNECT = _not_allowed  # (HTTP's others; WebDAV's, unknown, are 501)

        def _answer(self, send_body: bool) -> None:
            named = self.headers.get("Host")
            if loopback and not addressed_here(named, host):
                log.warning("refused a request addressed to %r: see the page it got", named)
                response = misdirected(named)
            else:
                response = preview.get(self.path)  # a reader gone by its answer: handle_error
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            self.send_header("Cache-Control", "no-store")  # a reload shows the schema as it is
            if response.location:
                self.send_header("Location", response.location)
            self.end_headers()
            if send_body:
                self.wfile.write(response.body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: errors are logged where they happen."""

    class Server(ThreadingHTTPServer):
        address_family = family
        # The listen backlog, past socketserver's 5: a link checker's burst of 100 requests
        # lost connections to it, which clients retried seconds later (or gave up on).
        request_queue_size = 128

        def handle_error(self, request: Any, client_address: Any) -> None:
            """A reader who left (even before the request was read) is nothing to report."""
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    try:  # first: a port in use is said before a build that may take seconds
        server = Server((address, port), Handler)
    except OSError as e:
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from e
    with server:
        site = preview.refresh()  # (no request is answered before this build)
        ready(url_of(host, server.server_address[1]), site, loopback)
        server.serve_forever()
