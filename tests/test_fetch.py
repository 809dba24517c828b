"""Tests of generator/fetch.py against a real HTTP server on 127.0.0.1 and real files.

Every failure must leave specs/ and its lock exactly as they were: names, bytes and mtimes.
"""

from __future__ import annotations

import gzip
import importlib.abc
import importlib.util
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import LAMBDA_SPEC, encrypted
from httpfixtures import LoopbackServer, Reply, refused_url, serving

from generator.atomicfile import is_temp_name
from generator.cli import main
from generator.download import DownloadOptions
from generator.errors import DocgenError, FetchError, SpecError, UsageError
from generator.fetch import default_source_url, fetch_schemas, resolve_source
from generator.lock import LOCK_FILE, read_lock, sha256_hex
from generator.schema import read_sources

REPO = Path(__file__).resolve().parents[1]
EIC = "AWS::Lambda::EventInvokeConfig"
EIC_FILE = "aws-lambda-eventinvokeconfig.json"
EIC_BYTES = (REPO / "specs" / EIC_FILE).read_bytes()
SES_SPEC = REPO / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json"
WIDGET = b'{\n  "typeName": "AWS::Test::Widget",\n  "properties": {}\n}\n'
ZIP_PATH = "/CloudformationSchema.zip"
OLD_NS = 1_000_000_000_000_000_000  # 2001-09-09: any rewrite moves the mtime away from it
FAST = DownloadOptions(connect_timeout=2.0, read_timeout=0.3, retries=2, backoff=0.01)


def has_cfn_lint() -> bool:
    """Tell whether the optional cfn-lint package is installed."""
    try:
        return importlib.util.find_spec("cfnlint") is not None
    except ImportError:
        return False


HAS_CFN_LINT = has_cfn_lint()
needs_cfn_lint = pytest.mark.skipif(
    not HAS_CFN_LINT, reason="cfn-lint is not installed (pip install '.[cfn-lint]')"
)

Snapshot = dict[str, tuple[bytes, int]]


def make_zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Return the bytes of a zip holding `members`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# The widget sits under a misleading name: documents are found by typeName, not by file name.
SOURCE_ZIP = make_zip({EIC_FILE: EIC_BYTES, "zz-not-a-widget.json": WIDGET})


def snapshot(folder: Path) -> Snapshot:
    """Names, bytes and mtimes of every file in a folder, hidden ones included."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def age(folder: Path) -> None:
    """Set every file's mtime far into the past, so a rewrite cannot go unnoticed."""
    for path in folder.iterdir():
        os.utime(path, ns=(OLD_NS, OLD_NS))


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A running loopback HTTP server."""
    yield from serving()


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    """A copy of the repo's specs/ (schema and lock), its files aged."""
    folder = tmp_path / "specs"
    shutil.copytree(REPO / "specs", folder)
    age(folder)
    return folder


def fetch_fails(
    source: str | None,
    specs: Path,
    types: list[str],
    options: DownloadOptions = FAST,
    region: str | None = None,
) -> str:
    """Run a fetch that must fail; check specs/ is untouched and return the one-line message."""
    before = snapshot(specs)
    with pytest.raises(FetchError) as caught:
        fetch_schemas(source, types, region, specs, options=options)
    assert snapshot(specs) == before
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- success --------------------------------------------------------------------------------


def test_fetch_from_loopback_zip_writes_source_bytes_and_lock(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP))
    specs = tmp_path / "specs"
    result = fetch_schemas(url, ["aws::lambda::EVENTINVOKECONFIG"], None, specs, options=FAST)
    assert (specs / EIC_FILE).read_bytes() == EIC_BYTES
    assert result.type_names == (EIC,)
    assert [s.path for s in result.written] == [specs / EIC_FILE]
    assert result.lock_changed and result.source == url
    assert (specs / LOCK_FILE).read_text() == (
        "{\n"
        '  "schemas": {\n'
        f'    "{EIC}": {{\n'
        f'      "file": "{EIC_FILE}",\n'
        f'      "sha256": "{sha256_hex(EIC_BYTES)}",\n'
        f'      "source": "{url}"\n'
        "    }\n"
        "  },\n"
        '  "version": 1\n'
        "}\n"
    )
    assert sorted(p.name for p in specs.iterdir()) == [EIC_FILE, LOCK_FILE]

    age(specs)
    before = snapshot(specs)
    again = fetch_schemas(url, [EIC], None, specs, options=FAST)
    assert snapshot(specs) == before
    assert again.written == () and [s.type_name for s in again.unchanged] == [EIC]
    assert not again.lock_changed


def test_a_url_scheme_in_capitals_is_a_url(server: LoopbackServer, tmp_path: Path) -> None:
    # (RFC 3986: schemes are case-insensitive; it was refused as "a HTTP:// URL")
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP))
    result = fetch_schemas("HTTP" + url.removeprefix("http"), [EIC], None, tmp_path, options=FAST)
    assert (result.source, result.type_names) == (url, (EIC,))
    assert read_lock(tmp_path).get(EIC).source == url  # type: ignore[union-attr]


def test_fetch_all_names_files_by_type_name(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP))
    result = fetch_schemas(url, [], None, tmp_path, options=FAST)
    assert result.type_names == (EIC, "AWS::Test::Widget")
    assert (tmp_path / "aws-test-widget.json").read_bytes() == WIDGET
    assert not (tmp_path / "zz-not-a-widget.json").exists()
    assert [e.type_name for e in read_lock(tmp_path).entries] == [EIC, "AWS::Test::Widget"]


def test_changed_schema_is_replaced_and_other_lock_entries_kept(
    server: LoopbackServer, specs: Path
) -> None:
    changed = EIC_BYTES.replace(b' "typeName"', b' "x-new": 1,\n "typeName"')
    assert changed != EIC_BYTES
    url = server.route(ZIP_PATH, Reply(body=make_zip({"a.json": changed, "w.json": WIDGET})))
    fetch_schemas(url, ["AWS::Test::Widget"], None, specs, options=FAST)
    assert read_lock(specs).get(EIC).source == "cfn-lint==1.58.0:us-east-1"  # type: ignore[union-attr]
    result = fetch_schemas(url, [EIC], None, specs, options=FAST)
    assert (specs / EIC_FILE).read_bytes() == changed
    assert [s.type_name for s in result.written] == [EIC]
    lock = read_lock(specs)
    assert lock.get(EIC).sha256 == sha256_hex(changed)  # type: ignore[union-attr]
    assert lock.get("AWS::Test::Widget").sha256 == sha256_hex(WIDGET)  # type: ignore[union-attr]


def test_500_twice_then_200_is_retried_and_succeeds(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(500), Reply(500), Reply(body=SOURCE_ZIP))
    result = fetch_schemas(url, ["AWS::Test::Widget"], None, specs, options=FAST)
    assert server.hits[ZIP_PATH] == 3
    assert (specs / "aws-test-widget.json").read_bytes() == WIDGET
    assert result.type_names == ("AWS::Test::Widget",)


def test_local_zip_and_folder_sources(tmp_path: Path) -> None:
    zip_path = tmp_path / "schemas.zip"
    zip_path.write_bytes(SOURCE_ZIP)
    from_zip = fetch_schemas(str(zip_path), [EIC], None, tmp_path / "a")
    assert (tmp_path / "a" / EIC_FILE).read_bytes() == EIC_BYTES
    assert from_zip.source == zip_path.as_posix()

    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "w.json").write_bytes(WIDGET)
    (folder / ".w.json.tmp-123").write_bytes(b"{half a wid")  # a killed writer's leftovers
    (folder / LOCK_FILE).write_bytes(b'{"version": 1, "schemas": {}}\n')
    (folder / "notes.txt").write_bytes(b"not json")
    result = fetch_schemas(str(folder), [], None, tmp_path / "b")
    assert result.type_names == ("AWS::Test::Widget",)


@needs_cfn_lint
def test_cfn_lint_source_reproduces_the_repo_specs_and_lock(specs: Path) -> None:
    before = snapshot(specs)
    result = fetch_schemas("cfn-lint", [EIC.upper()], None, specs)
    assert snapshot(specs) == before
    assert result.source == "cfn-lint==1.58.0:us-east-1"
    assert result.written == () and not result.lock_changed


@needs_cfn_lint
def test_cfn_lint_source_names_a_type_it_lacks_with_the_closest_it_has(specs: Path) -> None:
    assert fetch_fails("cfn-lint", specs, ["AWS::Lambda::Functio"]) == (
        "cfn-lint:us-east-1: no schema for AWS::Lambda::Functio "
        "(did you mean AWS::Lambda::Function?)"
    )


@needs_cfn_lint
def test_cfn_lint_source_with_region_suffix(tmp_path: Path) -> None:
    result = fetch_schemas("cfn-lint:eu-west-1", [EIC], None, tmp_path)
    assert result.source == "cfn-lint==1.58.0:eu-west-1"
    assert json.loads((tmp_path / EIC_FILE).read_bytes())["typeName"] == EIC


@needs_cfn_lint
@pytest.mark.parametrize("region", ["eusc-de-east-1", "us-isof-south-1", "cn-northwest-1"])
def test_cfn_lint_source_in_other_partitions(tmp_path: Path, region: str) -> None:
    result = fetch_schemas(f"cfn-lint:{region}", [EIC], None, tmp_path)
    assert result.source == f"cfn-lint==1.58.0:{region}"
    assert json.loads((tmp_path / EIC_FILE).read_bytes())["typeName"] == EIC


def test_the_default_source_of_every_region_is_on_its_partitions_domain() -> None:
    # botocore's partitions (a test dependency) name each partition's regions and domain.
    import botocore

    data = Path(botocore.__file__).parent / "data" / "partitions.json"
    regions = 0
    for partition in json.loads(data.read_bytes())["partitions"]:
        domain = partition["outputs"]["dnsSuffix"]
        for region in partition["regions"]:
            if region.endswith("-global"):
                continue
            url = default_source_url(region)
            assert (
                url == f"https://schema.cloudformation.{region}.{domain}/CloudformationSchema.zip"
            )
            assert resolve_source(None, region).location == url
            regions += 1
    assert regions > 40


# --- network faults -------------------------------------------------------------------------


def test_404(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(404))
    assert fetch_fails(url, specs, [EIC]) == f"{url}: HTTP 404 Not Found"
    assert server.hits[ZIP_PATH] == 1  # a 404 is not retried


def test_500_every_time(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(500))
    message = fetch_fails(url, specs, [EIC])
    assert message == f"{url}: HTTP 500 Internal Server Error (after 3 attempts)"
    assert server.hits[ZIP_PATH] == 3


def test_a_redirect_to_another_scheme_is_refused_without_naming_its_secrets(
    server: LoopbackServer, specs: Path
) -> None:
    # requests' words quoted the target whole: a presigned URL's credentials in a CI log.
    secret = "ftp://admin:hunter2@example.com/x.zip?X-Amz-Signature=SECRET"
    url = server.route(ZIP_PATH, Reply(status=302, location=secret))
    message = fetch_fails(url, specs, [EIC])
    assert message == f"{url}: redirected to a URL that is not http(s)"


def test_a_redirect_to_an_address_that_is_not_valid_is_bad_input_without_its_secrets(
    server: LoopbackServer, specs: Path
) -> None:
    # (it was a traceback: the address's port past 65535 stopped the message that named it)
    url = server.route(ZIP_PATH, Reply(status=302, location="http://u:hunter2@127.0.0.1:99999/x"))
    message = fetch_fails(url, specs, [EIC])
    assert message.startswith(f"{url}: redirected to an address that is not valid: ")
    assert "hunter2" not in message


def test_a_redirect_to_an_address_python_cannot_split_is_bad_input(
    server: LoopbackServer, specs: Path
) -> None:
    # (requests' redirect raised a ValueError of urllib's own: a traceback)
    url = server.route(ZIP_PATH, Reply(status=302, location="http://u:hunter2@[::1/x"))
    assert fetch_fails(url, specs, [EIC]) == f"{url}: redirected to an address that is not valid"
    url = server.route(ZIP_PATH, Reply(status=302, location="http://u:SEC/RET@127.0.0.1:1/x"))
    message = fetch_fails(url, specs, [EIC])
    assert "SEC" not in message and message.startswith(f"{url}: redirected to ")


def test_a_host_that_is_no_name_is_bad_input(specs: Path) -> None:
    # (urllib3 raised it as it connected, past requests' own errors: a traceback)
    assert fetch_fails("http://a..b/x.zip", specs, []) == (
        "http://a..b/x.zip: not a valid address: Failed to parse: 'a..b', label empty or too long"
    )


def test_a_zip_cut_short_is_told_damaged(specs: Path, tmp_path: Path) -> None:
    archive = tmp_path / "CloudformationSchema.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(EIC_FILE, EIC_BYTES)
    archive.write_bytes(archive.read_bytes()[:300])
    assert fetch_fails(str(archive), specs, []) == (
        f"{archive}: a damaged zip: its index (at the end) is missing or bad"
    )


def test_no_message_names_a_urls_secrets(specs: Path) -> None:
    assert fetch_fails("ftp://u:hunter2@example.com/x.zip?sig=SECRET", specs, []) == (
        "ftp://example.com/x.zip: cannot read a ftp:// URL: expected an http(s) URL, a zip, a "
        "folder or cfn-lint"
    )
    aws = "https://schema.cloudformation.eu-west-1.amazonaws.com/CloudformationSchema.zip"
    signed = aws.replace("https://", "https://u:hunter2@") + "?X-Amz-Signature=SECRET"
    assert fetch_fails(signed, specs, [], region="us-gov-west-1") == (
        f"--region us-gov-west-1 and --source {aws} name different regions"
    )
    assert fetch_fails("http://u:p w@/x.zip?sig=SEC RET", specs, []) == (
        "http:///x.zip: Invalid URL 'http:///x.zip': No host supplied"
    )
    # (Python's repr of a URL with a quote in it uses double quotes)
    assert fetch_fails("http://u:p'SECRET@/x.zip?sig=SE'CRET", specs, []) == (
        'http:///x.zip: Invalid URL "http:///x.zip": No host supplied'
    )
    assert fetch_fails("ftp://u:p w@host/x?sig=SEC RET", specs, []) == (
        "ftp://host/x: cannot read a ftp:// URL: expected an http(s) URL, a zip, a folder or "
        "cfn-lint"
    )
    # A password with a `/` ends the host early: Python's words quoted what went before.
    assert fetch_fails("https://AKIA:abc/SECRETdef@example.invalid/x.zip", specs, []) == (
        "--source: not a valid URL: Port could not be cast to integer value"
    )


def test_a_failure_after_a_redirect_is_said_of_where_it_happened(
    server: LoopbackServer, specs: Path
) -> None:
    # It was said of the first URL: "<url>: HTTP 404 Not Found" of a URL that redirects.
    signed = "/moved.zip?X-Amz-Signature=SECRET"
    moved = server.base_url + "/moved.zip"  # (said without its query)
    url = server.route(ZIP_PATH, Reply(status=302, location=server.route(signed, Reply(410))))
    assert fetch_fails(url, specs, [EIC]) == f"{url}: redirected to {moved}: HTTP 410 Gone"
    server.route(signed, Reply(status=503))
    assert fetch_fails(url, specs, [EIC]) == (
        f"{url}: redirected to {moved}: HTTP 503 Service Unavailable (after 3 attempts)"
    )
    server.route(signed, Reply(body=SOURCE_ZIP, stall_after_bytes=(100, 10.0)))
    assert fetch_fails(url, specs, [EIC]) == (
        f"{url}: redirected to {moved}: stalled: no data for 0.3 s (after 3 attempts)"
    )
    gone = refused_url()
    server.route(ZIP_PATH, Reply(status=301, location=gone))
    assert fetch_fails(url, specs, [EIC]) == (
        f"{url}: redirected to {gone}: cannot connect: Connection refused (after 3 attempts)"
    )


def raw_server(answer: bytes) -> Iterator[str]:
    """A server on 127.0.0.1 that answers each request with `answer` (bytes, HTTP or not) and
    closes; its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(65536)
                conn.sendall(answer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}{ZIP_PATH}"
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        # The libraries' words: "cannot connect: ('Connection aborted.', BadStatusLine(...))"
        (b"SSH-2.0-OpenSSH_9.6\r\n", "the server's answer is not HTTP (after 3 attempts)"),
        (b"", "the server closed the connection without an answer (after 3 attempts)"),
        (
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nnope",
            "the body does not decode as its Content-Encoding says",
        ),
    ],
    ids=["not-http", "closed", "not-gzip"],
)
def test_a_broken_answer_is_said_in_words(specs: Path, answer: bytes, said: str) -> None:
    for url in raw_server(answer):
        assert fetch_fails(url, specs, [EIC]) == f"{url}: {said}"


def test_connection_refused(specs: Path) -> None:
    url = refused_url()
    message = fetch_fails(url, specs, [EIC])
    assert message == f"{url}: cannot connect: Connection refused (after 3 attempts)"


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=SOURCE_ZIP, stall_before_headers=10.0),
        Reply(body=SOURCE_ZIP, stall_after_bytes=(100, 10.0)),
    ],
    ids=["before-headers", "mid-body"],
)
def test_stalled_response_times_out(server: LoopbackServer, specs: Path, reply: Reply) -> None:
    url = server.route(ZIP_PATH, reply)
    started = time.monotonic()
    message = fetch_fails(url, specs, [EIC])
    assert message == f"{url}: stalled: no data for 0.3 s (after 3 attempts)"
    assert time.monotonic() - started < 5


def test_a_dribbling_body_is_stopped_at_the_time_limit(server: LoopbackServer, specs: Path) -> None:
    # 10 bytes every 50 ms, never silent for the 0.3 s read timeout: it used to run to the end
    # however long that took (a CI job's hours, at a byte now and then).
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP, dribble=(10, 0.05)))
    limited = DownloadOptions(read_timeout=0.3, retries=2, backoff=0.01, total_timeout=0.5)
    started = time.monotonic()
    message = fetch_fails(url, specs, [EIC], options=limited)
    assert re.fullmatch(
        re.escape(f"{url}: too slow: not complete within the limit of 0.5 s (")
        + r"\d+ bytes received\)",
        message,
    ), message
    assert time.monotonic() - started < 2
    assert server.hits[ZIP_PATH] == 1  # the limit covers the retries: none is made


def test_a_slow_body_within_the_time_limit_is_read_whole(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP, dribble=(200, 0.01)))
    fetch_schemas(url, [EIC], None, tmp_path, options=FAST)
    assert (tmp_path / EIC_FILE).read_bytes() == EIC_BYTES


def test_retries_stop_when_the_time_limit_leaves_no_time_for_one(
    server: LoopbackServer, specs: Path
) -> None:
    url = server.route(ZIP_PATH, Reply(status=503))
    limited = DownloadOptions(read_timeout=0.3, retries=5, backoff=0.4, total_timeout=1.0)
    message = fetch_fails(url, specs, [EIC], options=limited)
    assert message == (  # waits of 0.4 s and 0.8 s: the second would end past the limit
        f"{url}: HTTP 503 Service Unavailable (after 2 attempts); no time left to retry"
        " within the limit of 1 s"
    )
    assert server.hits[ZIP_PATH] == 2


def test_a_retry_waits_as_long_as_retry_after_asks(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.route(ZIP_PATH, Reply(status=503, retry_after="1"), Reply(body=SOURCE_ZIP))
    started = time.monotonic()
    fetch_schemas(url, [EIC], None, tmp_path, options=FAST)  # (its own backoff: 0.01 s)
    assert time.monotonic() - started >= 1
    assert server.hits[ZIP_PATH] == 2
    assert (tmp_path / EIC_FILE).read_bytes() == EIC_BYTES


def test_a_retry_after_past_the_time_limit_ends_the_download_at_once(
    server: LoopbackServer, specs: Path
) -> None:
    url = server.route(ZIP_PATH, Reply(status=429, retry_after="3600"))
    started = time.monotonic()
    message = fetch_fails(url, specs, [EIC])
    assert message == (
        f"{url}: HTTP 429 Too Many Requests; no time left to retry within the limit of 600 s"
        " (the server asks to wait 3600 s)"
    )
    assert time.monotonic() - started < 2
    assert server.hits[ZIP_PATH] == 1


def chunked(body: bytes, size: int) -> bytes:
    """`body` in HTTP/1.1 chunked transfer coding, in chunks of `size` bytes, and its end."""
    pieces = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


def test_chunked_and_compressed_bodies_are_read_whole(tmp_path: Path) -> None:
    coded = gzip.compress(SOURCE_ZIP, mtime=0)
    answer = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"
        b"Connection: close\r\n\r\n" + chunked(coded, 100)
    )
    for url in raw_server(answer):
        fetch_schemas(url, [EIC], None, tmp_path, options=FAST)
    assert (tmp_path / EIC_FILE).read_bytes() == EIC_BYTES


def test_a_chunked_body_cut_short_is_truncated(specs: Path) -> None:
    answer = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(SOURCE_ZIP, 100)
    for url in raw_server(answer[:-200]):
        assert fetch_fails(url, specs, [EIC]) == (
            f"{url}: download truncated: the connection closed before the end of the body"
            " (after 3 attempts)"
        )


def test_truncated_download(server: LoopbackServer, specs: Path) -> None:
    declared = len(SOURCE_ZIP) + 1000
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP, length=declared))
    message = fetch_fails(url, specs, [EIC])
    assert message == (
        f"{url}: download truncated: the connection closed before all {declared} bytes"
        " (after 3 attempts)"
    )


def test_over_the_size_limit_by_content_length(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP))
    small = DownloadOptions(read_timeout=2.0, retries=2, backoff=0.01, max_bytes=1000)
    message = fetch_fails(url, specs, [EIC], options=small)
    assert message == (
        f"{url}: download larger than the size limit of 1000 bytes ({len(SOURCE_ZIP)} bytes)"
    )
    assert server.hits[ZIP_PATH] == 1  # not retried


def test_over_the_size_limit_without_content_length(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP, length=-1))
    small = DownloadOptions(read_timeout=2.0, retries=2, backoff=0.01, max_bytes=1000)
    message = fetch_fails(url, specs, [EIC], options=small)
    assert message == f"{url}: download larger than the size limit of 1000 bytes"


# --- content faults -------------------------------------------------------------------------


def test_not_a_zip(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(body=b"<html>Service Unavailable</html>"))
    assert fetch_fails(url, specs, [EIC]) == (
        f"{url}: not a readable zip file (File is not a zip file)"
    )


def test_corrupt_zip_member(server: LoopbackServer, specs: Path) -> None:
    data = bytearray(make_zip({EIC_FILE: EIC_BYTES}, zipfile.ZIP_STORED))
    at = data.index(b'"typeName"')
    data[at + 1] ^= 0x20  # one flipped bit inside the stored member: its CRC no longer matches
    url = server.route(ZIP_PATH, Reply(body=bytes(data)))
    assert fetch_fails(url, specs, [EIC]) == (
        f"{url}!{EIC_FILE}: corrupt zip member (Bad CRC-32 for file '{EIC_FILE}')"
    )


def test_encrypted_zip_member(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(body=encrypted(make_zip({EIC_FILE: EIC_BYTES}))))
    assert fetch_fails(url, specs, [EIC]) == (
        f"{url}!{EIC_FILE}: encrypted in the zip (it needs a password)"
    )


def test_a_zip_holding_a_lock_file_reads_only_its_schemas(tmp_path: Path) -> None:
    # A zip of a fetched specs folder holds its specs.lock.json: no schema, as in a folder.
    zip_path = tmp_path / "s.zip"
    zip_path.write_bytes(make_zip({EIC_FILE: EIC_BYTES, "x/specs.lock.json": b'{"lock": 1}'}))
    result = fetch_schemas(str(zip_path), [], None, tmp_path / "specs")
    assert result.type_names == (EIC,)


def test_a_zip_member_twice(tmp_path: Path, specs: Path) -> None:
    zip_path = tmp_path / "s.zip"
    with zipfile.ZipFile(zip_path, "w") as archive, pytest.warns(UserWarning, match="Duplicate"):
        archive.writestr("w.json", WIDGET)
        archive.writestr("w.json", WIDGET)
    assert fetch_fails(str(zip_path), specs, []) == f"{zip_path}!w.json: in the zip twice"


def test_the_lock_names_a_zip_or_folder_from_the_specs_folder(tmp_path: Path, monkeypatch) -> None:
    # Not as typed where fetch ran: the same lock from every folder, on every clone.
    (tmp_path / "site" / "deep").mkdir(parents=True)
    (tmp_path / "s.zip").write_bytes(SOURCE_ZIP)
    specs = tmp_path / "site" / "specs"
    locks = []
    for cwd, source, folder in (
        (tmp_path / "site", "../s.zip", "specs"),
        (tmp_path / "site" / "deep", "../../s.zip", "../specs"),
        (tmp_path, str(tmp_path / "s.zip"), "site/specs"),
    ):
        monkeypatch.chdir(cwd)
        result = fetch_schemas(source, [EIC], None, Path(folder))
        assert result.source == source  # (as typed: what fetch says it read)
        locks.append((specs / LOCK_FILE).read_bytes())
    assert read_lock(specs).get(EIC).source == "../../s.zip"  # type: ignore[union-attr]
    assert locks[0] == locks[1] == locks[2]


def test_a_lock_fetch_cannot_read_says_how_to_mend_it(tmp_path: Path, capsys) -> None:
    # A merge conflict: fetch, and every command that builds (which reads the region a schema
    # was fetched for), stop at it, naming the place and the mend.
    zip_path = tmp_path / "s.zip"
    zip_path.write_bytes(SOURCE_ZIP)
    specs = tmp_path / "specs"
    fetch_schemas(str(zip_path), [EIC], None, specs)
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "-q"]) == 0
    lock = (specs / LOCK_FILE).read_text()
    (specs / LOCK_FILE).write_text(
        lock.replace('  "schemas": {\n', '  "schemas": {\n<<<<<<< HEAD\n')
    )
    mend = (
        "(mend it, as after a merge conflict, or delete it: each fetch then records the "
        "schemas it fetches)\n"
    )
    for argv in (
        ["fetch", EIC, "--source", str(zip_path), "--specs", str(specs)],
        ["check", "--specs", str(specs), "--out", str(out)],
        ["generate", "--specs", str(specs), "--out", str(out), "-q"],
        ["validate", "--specs", str(specs), "--out", str(out)],
    ):
        capsys.readouterr()
        assert main(argv) == 2
        assert capsys.readouterr().err == (
            f"error: {specs / LOCK_FILE}:3:1: invalid JSON: Expecting property name enclosed in "
            f"double quotes {mend}"
        )
    (specs / LOCK_FILE).unlink()
    assert main(["check", "--specs", str(specs), "--out", str(out)]) == 0


def test_a_fetch_drops_the_lock_entry_of_a_schema_deleted_by_hand(tmp_path: Path) -> None:
    zip_path = tmp_path / "s.zip"
    zip_path.write_bytes(SOURCE_ZIP)
    specs = tmp_path / "specs"
    fetch_schemas(str(zip_path), [EIC, "AWS::Test::Widget"], None, specs)
    (specs / "aws-test-widget.json").unlink()  # as check says of a type the source dropped
    fetch_schemas(str(zip_path), [EIC], None, specs)
    assert [e.type_name for e in read_lock(specs).entries] == [EIC]


@pytest.mark.parametrize(
    "damage, message",
    [
        # a "version needed to extract" past what zipfile reads
        (lambda d: _set_version(d, 100), "not a readable zip file (zip file version 10.0)"),
        # a local header's name flagged UTF-8 that is not (the central directory's is)
        (lambda d: _local_name(d, b"\xff\xfe"), "corrupt zip member ("),
    ],
)
def test_zips_python_cannot_read_are_errors_not_tracebacks(
    tmp_path: Path, specs: Path, damage, message: str
) -> None:
    zip_path = tmp_path / "s.zip"
    zip_path.write_bytes(damage(bytearray(make_zip({"w.json": WIDGET}))))
    assert message in fetch_fails(str(zip_path), specs, [])
    with pytest.raises(UsageError, match=re.escape(message)):  # generate reads zips alike
        read_sources(zip_path)


def _set_version(data: bytearray, version: int) -> bytes:
    at = data.rfind(b"PK\x01\x02")  # the central directory entry
    data[at + 6 : at + 8] = version.to_bytes(2, "little")
    return bytes(data)


def _local_name(data: bytearray, name: bytes) -> bytes:
    at = data.find(b"PK\x03\x04")  # the local header: flags at +6, name at +30
    data[at + 6 : at + 8] = (int.from_bytes(data[at + 6 : at + 8], "little") | 0x800).to_bytes(
        2, "little"
    )
    data[at + 30 : at + 32] = name
    return bytes(data)


def test_zip_without_the_requested_type(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(body=make_zip({"w.json": WIDGET})))
    assert fetch_fails(url, specs, [EIC, "AWS::S3::Bucket"]) == (
        f"{url}: no schema for {EIC}, AWS::S3::Bucket; {specs} holds its schema: fetch --prune "
        "deletes the schemas of named types the source no longer has"  # EIC's, there
    )
    (specs / EIC_FILE).unlink()
    assert fetch_fails(url, specs, [EIC, "AWS::S3::Bucket"]) == (
        f"{url}: no schema for {EIC}, AWS::S3::Bucket"
    )


def test_misspelt_type_gets_a_hint(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP))
    assert fetch_fails(url, specs, ["AWS::Lambda::EventInvokeConfg"]) == (
        f"{url}: no schema for AWS::Lambda::EventInvokeConfg (did you mean {EIC}?)"
    )


def test_schema_that_is_not_valid_json(server: LoopbackServer, specs: Path) -> None:
    bad = b'{\n  "typeName": "AWS::Lambda::EventInvokeConfig",\n  "properties": ]\n}\n'
    url = server.route(ZIP_PATH, Reply(body=make_zip({EIC_FILE: bad, "w.json": WIDGET})))
    assert fetch_fails(url, specs, ["AWS::Test::Widget"]) == (
        f"{url}!{EIC_FILE}:3:17: invalid JSON: Expecting value"
    )


def test_two_documents_of_one_type(tmp_path: Path, specs: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.json").write_bytes(WIDGET)
    (folder / "b.json").write_bytes(WIDGET)
    assert fetch_fails(str(folder), specs, []) == (
        f"{folder}/b.json: AWS::Test::Widget is also defined by {folder}/a.json"
    )


def test_document_without_type_name(tmp_path: Path, specs: Path) -> None:
    zip_path = tmp_path / "s.zip"
    zip_path.write_bytes(make_zip({"x.json": b'{"properties": {}}'}))
    assert fetch_fails(str(zip_path), specs, []) == (
        f"{zip_path}!x.json#/typeName: missing; not a resource schema"
    )
    zip_path.write_bytes(make_zip({"x.json": b'{"typeName": 5}'}))  # there: not "missing"
    assert fetch_fails(str(zip_path), specs, []) == (
        f"{zip_path}!x.json#/typeName: expected a type name (a string), got integer"
    )


def test_missing_local_source(tmp_path: Path, specs: Path) -> None:
    missing = tmp_path / "nowhere.zip"
    assert fetch_fails(str(missing), specs, []) == f"{missing}: no such file or folder"


def test_a_source_that_is_neither_file_nor_folder(tmp_path: Path, specs: Path) -> None:
    fifo = tmp_path / "source.zip"
    os.mkfifo(fifo)  # opening it to read would wait for a writer
    assert fetch_fails(str(fifo), specs, []) == f"{fifo}: not a zip file or a folder"


def test_a_url_of_another_scheme_is_refused_as_written(specs: Path) -> None:
    assert fetch_fails("ftp://example.com/s.zip", specs, []) == (
        "ftp://example.com/s.zip: cannot read a ftp:// URL: expected an http(s) URL, a zip, "
        "a folder or cfn-lint"
    )


def test_a_url_python_cannot_split_is_bad_input(specs: Path) -> None:
    assert fetch_fails("http://localhost:80800/s.zip", specs, []) == (
        "--source: not a valid URL: Port out of range 0-65535"
    )
    assert fetch_fails("https://[fe80::1/s.zip", specs, []) == (
        "--source: not a valid URL: Invalid IPv6 URL"
    )


def test_a_url_requests_refuses_is_told_without_its_secrets(specs: Path) -> None:
    # requests' words quote the URL as given, password and query included.
    assert fetch_fails("http://user:s3cret@/s.zip?token=t0k", specs, []) == (
        "http:///s.zip: Invalid URL 'http:///s.zip': No host supplied"
    )


@needs_cfn_lint
def test_quiet_fetch_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", EIC, "--source", "cfn-lint", "--specs", str(tmp_path), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert (tmp_path / EIC_FILE).is_file()


def test_a_type_name_generate_would_refuse_is_refused(tmp_path: Path, specs: Path) -> None:
    folder = tmp_path / "modules"
    folder.mkdir()
    (folder / "m.json").write_text('{"typeName": "AWS::Lambda::Function::MODULE"}')
    assert fetch_fails(str(folder), specs, []) == (
        f"{folder / 'm.json'}#/typeName: 'AWS::Lambda::Function::MODULE' is not a "
        "CloudFormation type name (three parts of 2 to 64 letters or digits)"
    )


def test_a_specs_that_is_a_file_is_no_folder(specs: Path) -> None:
    # It read as a lock under the file: "Not a directory: '.../x.json/specs.lock.json'".
    schema = specs / "aws-lambda-eventinvokeconfig.json"
    schema.write_text("{}\n")
    with pytest.raises(FetchError) as caught:
        fetch_schemas("cfn-lint", [EIC], None, schema, options=FAST)
    assert str(caught.value) == f"{schema}: not a folder (--specs names the folder of schemas)"


def test_invalid_region(specs: Path) -> None:
    assert fetch_fails("cfn-lint:Mars", specs, []) == (
        "invalid region 'Mars': expected a name such as us-east-1"
    )
    # `cfn-lint:$REGION` of an unset variable: not the default region, as an empty --region
    assert fetch_fails("cfn-lint:", specs, []) == (
        "invalid region '': expected a name such as us-east-1"
    )


def test_malformed_lock_fails_before_downloading(server: LoopbackServer, specs: Path) -> None:
    (specs / LOCK_FILE).write_text('{"version": 9, "schemas": {}}\n')
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP))
    with pytest.raises(SpecError, match=r"specs\.lock\.json#/version: unsupported lock version"):
        fetch_schemas(url, [EIC], None, specs, options=FAST)
    assert server.hits[ZIP_PATH] == 0


@needs_cfn_lint
def test_cfn_lint_unknown_region(specs: Path) -> None:
    assert fetch_fails("cfn-lint", specs, [], region="xx-nowhere-9") == (
        "cfn-lint: no schemas for region 'xx-nowhere-9'"
        " (cfnlint/data/schemas/providers/xx-nowhere-9.json absent)"
    )


class _HideCfnLint(importlib.abc.MetaPathFinder):
    """An import finder that makes cfnlint look uninstalled."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        """Refuse cfnlint and its submodules."""
        if name.partition(".")[0] == "cfnlint":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


def test_cfn_lint_missing_tells_how_to_install(
    specs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "meta_path", [_HideCfnLint(), *sys.meta_path])
    for name in [m for m in sys.modules if m.partition(".")[0] == "cfnlint"]:
        monkeypatch.delitem(sys.modules, name)
    assert fetch_fails("cfn-lint", specs, [EIC]) == (
        "the cfn-lint source needs the optional package cfn-lint: "
        "pip install 'cfn-lint==1.58.0' (the version this one reads)"
    )


# --- interrupted fetches --------------------------------------------------------------------

FETCH_CODE = (
    "import sys; from pathlib import Path; from generator.fetch import fetch_schemas; "
    "fetch_schemas(sys.argv[1], [], None, Path(sys.argv[2]))"
)


def start_fetch(source: str, specs: Path) -> subprocess.Popen[bytes]:
    """Start a fetch in a child process."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", FETCH_CODE, source, str(specs)],
        cwd=REPO,
        env=env,
        stderr=subprocess.PIPE,
    )


def big_schemas(folder: Path, fill: bytes, count: int, size: int) -> dict[str, bytes]:
    """Write `count` schemas of about `size` bytes into `folder`; return them by file name."""
    folder.mkdir()
    written = {}
    for i in range(count):
        type_name = f"AWS::Big::Thing{i:03d}"
        data = b'{"typeName": "%s", "description": "%s"}\n' % (type_name.encode(), fill * size)
        name = f"aws-big-thing{i:03d}.json"
        (folder / name).write_bytes(data)
        written[name] = data
    return written


def replaced(specs: Path, inodes: dict[str, int]) -> bool:
    """Tell whether any file of `specs` is no longer the file it was (os.replace happened)."""
    try:
        return any(os.stat(specs / name).st_ino != ino for name, ino in inodes.items())
    except FileNotFoundError:
        return False


# When to kill the child: once a temp file appears (+ a delay), or once a first file is replaced.
KILL_TRIGGERS = [("temp", 0.0), ("temp", 0.005), ("temp", 0.02), ("replaced", 0.0)] * 2


def test_killed_mid_write_leaves_only_whole_files(tmp_path: Path) -> None:
    old = big_schemas(tmp_path / "old", b"a", 150, 60_000)
    new = big_schemas(tmp_path / "new", b"b", 150, 70_000)
    pristine = tmp_path / "pristine"
    fetch_schemas(str(tmp_path / "old"), [], None, pristine)
    old[LOCK_FILE] = (pristine / LOCK_FILE).read_bytes()
    reference = tmp_path / "reference"
    fetch_schemas(str(tmp_path / "new"), [], None, reference)
    new[LOCK_FILE] = (reference / LOCK_FILE).read_bytes()

    outcomes = []
    for trial, (trigger, delay) in enumerate(KILL_TRIGGERS):
        specs = tmp_path / f"specs{trial}"
        shutil.copytree(pristine, specs)
        inodes = {p.name: p.stat().st_ino for p in specs.iterdir()}
        child = start_fetch(str(tmp_path / "new"), specs)
        deadline = time.monotonic() + 60
        while child.poll() is None and time.monotonic() < deadline:
            if trigger == "temp" and any(is_temp_name(n) for n in os.listdir(specs)):
                time.sleep(delay)
                break
            if trigger == "replaced" and replaced(specs, inodes):
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stderr.close()  # type: ignore[union-attr]
        states = set()
        for path in specs.iterdir():
            if is_temp_name(path.name):
                assert path.name.endswith(f".tmp-{child.pid}")
                states.add("temp")
                continue
            data = path.read_bytes()
            assert data in (old[path.name], new[path.name]), f"{path.name} is half-written"
            states.add("old" if data == old[path.name] else "new")
        outcomes.append((child.returncode, frozenset(states)))
        # Readers see whole files only; the next fetch finishes the job and tidies up.
        fetch_schemas(str(tmp_path / "new"), [], None, specs)
        assert {p.name: p.read_bytes() for p in specs.iterdir()} == new
    killed_mid_write = [
        o for o in outcomes if o[0] == -signal.SIGKILL and ("temp" in o[1] or len(o[1]) > 1)
    ]
    assert killed_mid_write, f"no child was killed mid-write: {outcomes}"


def test_killed_mid_download_leaves_specs_untouched(server: LoopbackServer, specs: Path) -> None:
    url = server.route(ZIP_PATH, Reply(body=SOURCE_ZIP, dribble=(64, 0.05)))
    before = snapshot(specs)
    child = start_fetch(url, specs)
    deadline = time.monotonic() + 30
    while server.hits[ZIP_PATH] == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)  # some bytes have arrived; the zip is not complete
    assert child.poll() is None
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stderr.close()  # type: ignore[union-attr]
    assert child.returncode == -signal.SIGKILL
    assert snapshot(specs) == before


def test_errors_are_docgen_errors() -> None:
    assert issubclass(FetchError, DocgenError)


def test_cli_faults_are_one_line_exit_2_and_leave_specs_alone(tmp_path, capsys):
    """Through the command line: one `error: ...` line (after any retry warnings), exit 2,
    specs/ as it was."""
    import socket

    from generator.cli import main

    specs = tmp_path / "specs"
    shutil.copytree(REPO / "specs", specs)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in specs.iterdir()}
    corrupt = tmp_path / "corrupt.zip"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{s.getsockname()[1]}/CloudformationSchema.zip"
    for source in (str(corrupt), refused):
        code = main(["fetch", EIC, "--source", source, "--specs", str(specs)])
        err = capsys.readouterr().err
        errors = [line for line in err.splitlines() if not line.startswith("warning: ")]
        assert code == 2 and len(errors) == 1 and errors[0].startswith("error: "), err
        assert before == {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in specs.iterdir()}


def test_a_source_without_schemas_is_refused(tmp_path: Path, specs: Path) -> None:
    empty = tmp_path / "empty.zip"
    zipfile.ZipFile(empty, "w").close()
    assert fetch_fails(str(empty), specs, []) == f"{empty}: no schemas (*.json) in it"
    folder = tmp_path / "nothing"
    folder.mkdir()
    assert fetch_fails(str(folder), specs, []) == f"{folder}: no schemas (*.json) in it"


def test_a_region_given_twice_must_agree(specs: Path) -> None:
    assert fetch_fails("cfn-lint:eu-west-1", specs, [EIC], region="us-east-1") == (
        "--region us-east-1 and --source cfn-lint:eu-west-1 name different regions"
    )
    assert resolve_source("cfn-lint:eu-west-1", "eu-west-1").location == "eu-west-1"
    assert resolve_source("cfn-lint", None).location == "us-east-1"


def test_prune_deletes_the_schemas_of_types_the_source_lacks(tmp_path: Path, capsys) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "w.json").write_bytes(WIDGET)
    specs = tmp_path / "specs"
    assert main(["fetch", "--source", str(source), "--specs", str(specs), "-q"]) == 0
    shutil.copy(LAMBDA_SPEC, specs)  # a type the source does not have
    (specs / "notes.json").write_text('{"not": "a schema"}')  # no schema: it stays
    (specs / "known-issues.yaml").write_text("{}\n")
    assert main(["fetch", "--source", str(source), "--specs", str(specs), "--prune"]) == 0
    assert capsys.readouterr().out == (
        f"removed {specs / LAMBDA_SPEC.name}\n"
        f"0 written, 1 unchanged, 1 removed from {source}; {specs / LOCK_FILE} unchanged\n"
    )
    assert sorted(p.name for p in specs.iterdir()) == [
        "aws-test-widget.json",
        "known-issues.yaml",
        "notes.json",
        LOCK_FILE,
    ]
    assert list(json.loads((specs / LOCK_FILE).read_text())["schemas"]) == ["AWS::Test::Widget"]


def test_prune_of_named_types_deletes_those_the_source_lost(tmp_path: Path, capsys) -> None:
    # The weekly workflow's fetch of its TYPES: AWS dropped one of them. The others are
    # fetched, the lost one's schema and lock entry go, other schemas stay.
    source = tmp_path / "source"
    source.mkdir()
    (source / "w.json").write_bytes(WIDGET)
    shutil.copy(LAMBDA_SPEC, source)
    specs = tmp_path / "specs"
    argv = ["--source", str(source), "--specs", str(specs)]
    assert main(["fetch", "AWS::Test::Widget", EIC, *argv, "-q"]) == 0
    shutil.copy(SES_SPEC, specs)  # not named: stays
    (source / LAMBDA_SPEC.name).unlink()
    assert main(["fetch", "AWS::Test::Widget", EIC, *argv]) == 2  # without --prune: refused
    assert "no schema for AWS::Lambda::EventInvokeConfig" in capsys.readouterr().err
    assert main(["fetch", "AWS::Test::Widget", EIC, *argv, "--prune"]) == 0
    assert capsys.readouterr().out == (
        f"removed {specs / LAMBDA_SPEC.name}\n"
        f"0 written, 1 unchanged, 1 removed from {source}; updated {specs / LOCK_FILE}\n"
    )
    assert sorted(p.name for p in specs.iterdir()) == [
        SES_SPEC.name,
        "aws-test-widget.json",
        LOCK_FILE,
    ]
    assert list(json.loads((specs / LOCK_FILE).read_text())["schemas"]) == ["AWS::Test::Widget"]
    # A lost type's every file goes, named twice (in any case) or not.
    shutil.copy(specs / "aws-test-widget.json", specs / "mine.json")
    (source / "w.json").unlink()
    (source / "x.json").write_bytes(WIDGET.replace(b"Widget", b"Other"))
    widget = ["AWS::Test::Widget", "aws::test::WIDGET"]
    assert main(["fetch", *widget, *argv, "--prune"]) == 0
    assert capsys.readouterr().out == (
        f"removed {specs / 'aws-test-widget.json'}\nremoved {specs / 'mine.json'}\n"
        f"0 written, 0 unchanged, 2 removed from {source}; updated {specs / LOCK_FILE}\n"
    )
    # Named again, in neither the source nor the folder: a name to stop giving (or a typo).
    assert main(["fetch", EIC, *argv, "--prune"]) == 2
    assert capsys.readouterr().err == (f"error: {source}: no schema for {EIC}, nor in {specs}\n")


def test_prune_keeps_what_it_writes_and_drops_a_type_under_another_name(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "w.json").write_bytes(WIDGET)
    specs = tmp_path / "specs"
    specs.mkdir()
    # The same type in another case, at the name fetch writes: rewritten, not deleted.
    (specs / "aws-test-widget.json").write_bytes(WIDGET.replace(b"Widget", b"WIDGET"))
    (specs / "my-widget.json").write_bytes(WIDGET)  # the type again, under another name
    result = fetch_schemas(str(source), [], None, specs, prune=True)
    assert result.removed == (specs / "my-widget.json",)
    assert sorted(p.name for p in specs.iterdir()) == ["aws-test-widget.json", LOCK_FILE]
    assert (specs / "aws-test-widget.json").read_bytes() == WIDGET


def test_a_type_held_under_another_file_name_is_refused_naming_it(tmp_path: Path, capsys) -> None:
    # It was written beside it, and generate then refused the two schemas of one type.
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(LAMBDA_SPEC, source)
    specs = tmp_path / "specs"
    specs.mkdir()
    shutil.copy(LAMBDA_SPEC, specs / "mine.json")  # hand-patched, say: never deleted
    assert main(["fetch", EIC, "--source", str(source), "--specs", str(specs)]) == 2
    assert capsys.readouterr().err == (
        f"error: {specs / 'mine.json'}: holds {EIC} too, which fetch writes as "
        f"{specs / EIC_FILE}: move it out of {specs} first (two schemas of one type are bad "
        "input to generate)\n"
    )
    assert sorted(p.name for p in specs.iterdir()) == ["mine.json"]
    (specs / "mine.json").rename(tmp_path / "mine.json")
    assert main(["fetch", EIC, "--source", str(source), "--specs", str(specs), "-q"]) == 0
    assert (specs / EIC_FILE).read_bytes() == LAMBDA_SPEC.read_bytes()


def test_the_file_fetch_writes_is_no_copy_where_names_ignore_case(tmp_path: Path) -> None:
    # On macOS, AWS-Lambda-EventInvokeConfig.json is the file fetch writes: taken for another,
    # it was deleted with the fetched schema. A link to that file stands for one here.
    from generator.fetch import _copies, read_source, resolve_source

    specs = tmp_path / "specs"
    specs.mkdir()
    cased = EIC_FILE.replace("aws-lambda-eventinvokeconfig", "AWS-Lambda-EventInvokeConfig")
    shutil.copy(LAMBDA_SPEC, specs / EIC_FILE)
    (specs / cased).hardlink_to(specs / EIC_FILE)
    documents = read_source(resolve_source(str(LAMBDA_SPEC.parent), None), [EIC], FAST)
    assert _copies(specs, documents) == []
    (specs / cased).unlink()
    shutil.copy(LAMBDA_SPEC, specs / cased)  # a file of its own: a copy
    assert _copies(specs, documents) == [(specs / cased, EIC)]


def test_a_region_beside_an_address_of_another_region_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # AWS's address names its region: a --region that says otherwise is a mistake, found before
    # anything is downloaded (this machine reaches no AWS address).
    url = "https://schema.cloudformation.eu-west-1.amazonaws.com/CloudformationSchema.zip"
    argv = ["fetch", "--region", "us-east-1", "--source", url, "--specs", str(tmp_path / "s")]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"error: --region us-east-1 and --source {url} name different regions\n"
    )
    assert not (tmp_path / "s").exists()
