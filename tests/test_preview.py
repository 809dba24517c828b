"""`preview`: the real command serving on 127.0.0.1, read over HTTP and in headless Chromium.

The browser tests need Debian's Chromium (`apt-get install chromium`, or CHROMIUM naming
another build) and fail, not skip, without it: a page check that silently does not run is no
check. Playwright drives it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from conftest import LAMBDA_SPEC, failures_on_threads

from generator.build import build, worker_context
from generator.cli import main
from generator.preview import VERSION_URL, Preview, respond, to_html
from generator.schema import STAMP_MARGIN_NS

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "specs"
RESOURCE = "/aws/lambda/event_invoke_configs/index.html"
COMPONENTS = re.compile(r"<(?:Tabs|TabItem|CopyableCode)\b|\{/\*|^import ", re.MULTILINE)


class Server:
    """A running `stackql-docgen preview` process and its URL."""

    def __init__(self, specs: Path, *args: str) -> None:
        command = [sys.executable, "-m", "generator", "preview", "--specs", str(specs)]
        self.process = subprocess.Popen(
            [*command, "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        self.skipped = []  # the lines before the banner: types without a page, and why
        line = self.process.stdout.readline()
        while line.startswith("skipped "):
            self.skipped.append(line)
            line = self.process.stdout.readline()
        match = re.search(r"at (http://\S+:\d+/) \(Ctrl\+C to stop\)", line)
        if match is None:
            self.process.kill()
            raise AssertionError(f"no URL in {line!r}: {self.process.stderr.read()}")
        self.url = match[1].rstrip("/")
        self.banner = line

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return requests.get(self.url + path, allow_redirects=False, timeout=30, **kwargs)

    def stop(self) -> tuple[int, str, str]:
        """Ctrl+C; the exit code and what it printed after the banner."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            out, err = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # the test fails; the server does not outlive it
            self.process.kill()
            self.process.communicate()
            raise
        return self.process.returncode, out, err


@pytest.fixture
def server(specs: Path) -> Iterator[Server]:
    running = Server(specs)
    yield running
    if running.process.poll() is None:
        running.process.kill()
        running.process.communicate()


@pytest.mark.skipif(shutil.which("ss") is None, reason="needs ss (iproute2)")
def test_the_listen_queue_holds_a_burst_of_requests(server):
    # socketserver's 5: a link checker's 100 requests at once lost connections, which the
    # clients tried again seconds later, or gave up on.
    port = urlsplit(server.url).port
    listening = subprocess.run(
        ["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert listening[2] == "128"  # (State, Recv-Q, Send-Q: a listening socket's backlog)


def test_every_page_is_served_as_html_and_as_its_mdx(specs, server):
    assert server.banner.startswith(f"previewing 3 pages of {specs} at http://127.0.0.1:")
    root = server.get("/")
    assert root.status_code == 302 and root.headers["Location"] == "/aws/index.html"
    site = build(specs)
    for page in site.pages:
        if not page.path.endswith(".mdx"):
            continue
        url = "/" + page.path.removesuffix(".mdx") + ".html"
        shown = server.get(url)
        assert shown.status_code == 200, url
        assert shown.headers["Content-Type"] == "text/html; charset=utf-8"
        assert not COMPONENTS.search(shown.text), url
        source = server.get("/" + page.path)
        assert source.status_code == 200 and source.text == page.text
    assert server.get("/aws/lambda/").text == server.get("/aws/lambda/index.html").text
    service = server.get("/aws/lambda/index.html").text
    assert '<a href="./event_invoke_configs/index.html">event_invoke_configs</a>' in service
    missing = server.get("/aws/lambda/nothing.html")
    assert missing.status_code == 404 and "No page at /aws/lambda/nothing.html" in missing.text
    code, out, err = server.stop()
    assert (code, out, err) == (0, "stopped\n", "")


def test_a_schema_edit_shows_at_the_next_request_and_a_broken_one_shows_its_error(specs, server):
    schema = specs / LAMBDA_SPEC.name
    document = json.loads(schema.read_text())
    document["description"] = "Edited {while} <previewing> | `live`."
    schema.write_text(json.dumps(document))
    page = server.get(RESOURCE)
    assert page.status_code == 200
    assert "Edited &#123;while&#125; &lt;previewing&gt; &#124; &#96;live&#96;." in page.text

    schema.write_text('{"typeName": "AWS::Lambda::EventInvokeConfig",\n  "description": }')
    broken = server.get(RESOURCE)
    assert broken.status_code == 500
    assert f"{schema}:2:18: " in broken.text
    # Above the page as the last build that worked made it, so that the rest stays readable
    # (one broken schema of the provider's 1,800 turned every page into its error alone).
    assert "this page is as the last build that worked made it." in broken.text
    assert "Edited &#123;while&#125; &lt;previewing&gt; &#124; &#96;live&#96;." in broken.text
    assert "Edited" not in server.get(RESOURCE.removesuffix(".html") + ".mdx").text
    schema.write_text(json.dumps(document))
    assert server.get(RESOURCE).status_code == 200
    schema.write_text('{"typeName": "AWS::Lambda::EventInvokeConfig",\n  "description": }')
    assert server.get(RESOURCE).status_code == 500

    code, out, err = server.stop()
    assert code == 0 and out == "stopped\n"
    # Said once while it lasts (an open page asks every second), and again when it is back.
    assert err.count("error: ") == 2 and err.count(f"{schema}:2:18: ") == 2


def _version(site, path: str, error: str | None = None) -> str:
    """What VERSION_URL answers a page at `path` of `site`."""
    answer = respond(site, f"{VERSION_URL}?path={path}", error)
    assert answer.status == 200 and answer.content_type == "text/plain; charset=utf-8"
    return answer.body.decode()


def test_each_html_page_carries_the_version_that_its_url_is_asked_for(specs):
    site = build(specs, models=False)
    shown = respond(site, RESOURCE).body.decode()
    version = re.search(r'<body data-version="([0-9a-f]{16})">', shown)[1]
    assert _version(site, RESOURCE) == version
    assert _version(site, "/aws/lambda/") == _version(site, "/aws/lambda/index.html") != version
    # Another page's, a page not there (its 404 asks too, and reloads when it comes), an error.
    missing = respond(site, "/aws/lambda/nothing.html").body.decode()
    assert f'data-version="{_version(site, "/aws/lambda/nothing.html")}"' in missing
    assert _version(site, "/aws/lambda/nothing.html") not in (version, "")
    assert _version(site, RESOURCE, "error: broken") != version
    broken = respond(site, RESOURCE, "error: broken").body.decode()
    assert f'data-version="{_version(site, RESOURCE, "error: broken")}"' in broken
    # Its MDX is text: nothing to reload.
    mdx = respond(site, RESOURCE.removesuffix(".html") + ".mdx").body.decode()
    assert "data-version" not in mdx
    # The edited schema's page has another version.
    document = json.loads((specs / LAMBDA_SPEC.name).read_text())
    document["description"] = "Edited."
    (specs / LAMBDA_SPEC.name).write_text(json.dumps(document))
    assert _version(build(specs, models=False), RESOURCE) != version


def test_a_folder_named_without_its_slash_is_sent_to_it_on_this_host(specs):
    site = build(specs, models=False)
    assert respond(site, "/aws/lambda").location == "/aws/lambda/"
    # `//aws/` (of an encoded slash) names the host `aws`: the browser went there.
    assert respond(site, "/%2Faws").location == "/aws/"
    assert respond(site, "/%2F%2Faws/lambda").location == "/aws/lambda/"


def test_a_request_with_no_schema_changed_reuses_the_last_build(specs, tmp_path):
    preview = Preview(specs)
    first = preview.refresh()
    time.sleep(STAMP_MARGIN_NS / 1e9 + 0.1)  # past the margin: the files have their stamps
    settled = preview.refresh()  # (built again: the first build read them unstamped)
    assert preview.refresh() is settled and preview.refresh() is settled
    assert settled.pages == first.pages
    document = json.loads((specs / LAMBDA_SPEC.name).read_text())
    document["description"] = "Edited."
    (specs / LAMBDA_SPEC.name).write_text(json.dumps(document))
    edited = preview.refresh()
    assert edited is not settled and "Edited." in respond(edited, RESOURCE).body.decode()
    shutil.copy(DATA / "aws-quicksight-approvalpolicy.json", specs)  # a new schema
    assert len(preview.refresh().pages) > len(edited.pages)
    # A zip is read again, whole, where its own stamp moved.
    archive = tmp_path / "CloudformationSchema.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(LAMBDA_SPEC, LAMBDA_SPEC.name)
    zipped = Preview(archive)
    assert zipped.refresh() is not zipped.refresh()  # written within the second: no stamp yet
    time.sleep(STAMP_MARGIN_NS / 1e9 + 0.1)
    built = zipped.refresh()
    assert zipped.refresh() is built
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(LAMBDA_SPEC.name, json.dumps(document))
    assert "Edited." in respond(zipped.refresh(), RESOURCE).body.decode()


def test_a_lock_that_fetch_rewrote_shows_its_region_with_no_schema_changed(specs, tmp_path):
    # `fetch --region` of the same bytes writes the lock alone: the examples' region changes.
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(LAMBDA_SPEC, source)
    preview = Preview(specs)
    preview.refresh()
    time.sleep(STAMP_MARGIN_NS / 1e9 + 0.1)
    settled = preview.refresh()
    assert preview.refresh() is settled
    assert "region = 'us-east-1'" in respond(settled, RESOURCE).body.decode()
    fetch = ["fetch", "--source", str(source), "--region", "eu-west-1", "--specs", str(specs)]
    assert main([*fetch, "--quiet"]) == 0
    assert (specs / LAMBDA_SPEC.name).read_bytes() == LAMBDA_SPEC.read_bytes()
    moved = preview.refresh()
    assert moved is not settled
    page = respond(moved, RESOURCE).body.decode()
    assert "region = 'eu-west-1'" in page and "region = 'us-east-1'" not in page
    time.sleep(STAMP_MARGIN_NS / 1e9 + 0.1)  # the lock settled: no build at every request
    again = preview.refresh()
    assert preview.refresh() is again


def test_no_page_at_all_says_so_at_the_root_and_goes_when_one_comes(specs):
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    bare = {k: v for k, v in document.items() if k != "handlers"}
    (specs / LAMBDA_SPEC.name).write_text(json.dumps(bare), "utf-8")
    empty = build(specs, models=False)
    root = respond(empty, "/")
    assert root.status == 404 and "No pages: no schema makes one now" in root.body.decode()
    # the page at the type's place says why it has none
    missing = respond(empty, RESOURCE).body.decode()
    assert "skipped AWS::Lambda::EventInvokeConfig (aws-lambda-eventinvokeconfig.json): no " in (
        missing
    )
    (specs / LAMBDA_SPEC.name).write_text(json.dumps(document), "utf-8")
    full = build(specs, models=False)
    assert respond(full, "/").location == "/aws/index.html"
    # `/` asks for its version as it is open: another, once there is a page to go to
    assert _version(empty, "/") != _version(full, "/")
    assert _version(full, "/") == _version(full, "/")


def test_a_browser_icon_is_no_error_and_other_methods_are_not_allowed(server):
    assert server.get("/favicon.ico").status_code == 204
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"):
        answer = requests.request(method, server.url + RESOURCE, timeout=30)
        assert answer.status_code == 405, method
        assert answer.headers["Allow"] == "GET, HEAD"


def test_a_schema_that_cannot_be_built_stops_the_preview_before_it_serves(specs):
    (specs / LAMBDA_SPEC.name).write_text("{")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "preview", "--specs", str(specs), "--port", "0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"error: {specs / LAMBDA_SPEC.name}:1:2: ")
    assert "Traceback" not in result.stderr


def test_a_port_in_use_is_a_clear_error(specs):
    shutil.copy(DATA / "aws-quicksight-approvalpolicy.json", specs)  # (it warns when built)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "preview", "--specs", str(specs)]
            + ["--port", str(port)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
    assert result.returncode == 2
    # said first, before a build (which may take seconds) and its warnings
    assert result.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}: ")
    assert "Traceback" not in result.stderr and "warning" not in result.stderr


@pytest.mark.parametrize("port", ["65536", "-1", "http"])
def test_a_port_out_of_range_is_a_usage_error(specs, port, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["preview", "--specs", str(specs), f"--port={port}"])
    assert exit_.value.code == 2
    assert f"argument --port: expected a port number from 0 to 65535, got '{port}'" in (
        capsys.readouterr().err
    )


def test_mdx_components_become_html_and_code_blocks_stay_as_written():
    mdx = (
        "---\ntitle: things\n---\n\nimport Tabs from '@theme/Tabs';\n\n"
        "{/* generated: do not edit */}\n\n"
        "<Tabs\n    defaultValue=\"a\"\n    values={[\n      { label: 'First one', value: 'a', },\n"
        "      { label: 'Second', value: 'b', },\n    ]\n}>\n<TabItem value=\"a\">\n\n"
        "```sql\nSELECT '<TabItem value=\"x\">', '{/* kept */}';\nimport this;\n```\n"
        '</TabItem>\n<TabItem value="b">\n\nText &#123;b&#125; and [a link](./x/index.mdx).\n'
        '</TabItem>\n</Tabs>\n\n<CopyableCode code="a &quot;b&quot; &amp; c<d" />\n'
    )
    title, body = to_html(mdx)
    assert title == "things"
    assert not COMPONENTS.search(re.sub(r"<pre>.*?</pre>", "", body, flags=re.DOTALL))
    assert '<div class="tabs" data-default="a">' in body
    assert '<button type="button" role="tab" data-value="a">First one</button>' in body
    assert '<div class="tab-item" role="tabpanel" data-value="b">' in body
    code = "SELECT '&lt;TabItem value=&quot;x&quot;&gt;', '{/* kept */}';\nimport this;\n"
    assert f'<pre><code class="language-sql">{code}</code></pre>' in body
    assert '<p>Text {b} and <a href="./x/index.html">a link</a>.</p>' in body
    assert "<code>a &quot;b&quot; &amp; c&lt;d</code>" in body
    assert 'data-code="a &quot;b&quot; &amp; c&lt;d"' in body


# --- in a real headless browser ---------------------------------------------------------------


def chromium() -> str:
    """The Chromium to drive: $CHROMIUM, else Debian's."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not found:
        raise RuntimeError("the preview's browser tests need Chromium: apt-get install chromium")
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium(),
            # As root, with no network but loopback: no sandbox, no background connections.
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


def test_a_reader_browses_switches_tabs_and_copies(browser, server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )

    page.goto(server.url + "/")
    assert page.url == server.url + "/aws/index.html"
    page.get_by_role("link", name="lambda", exact=True).click()
    page.get_by_role("link", name="event_invoke_configs", exact=True).click()
    assert page.url == server.url + RESOURCE
    assert page.locator("h1").inner_text() == "event_invoke_configs"

    panels = {
        v: page.locator(f'.tab-item[data-value="{v}"]') for v in ("required", "all", "manifest")
    }
    assert [panels[v].is_visible() for v in panels] == [True, False, False]
    page.get_by_role("tab", name="All Properties").click()
    assert [panels[v].is_visible() for v in panels] == [False, True, False]
    assert "DestinationConfig" in panels["all"].inner_text()
    page.get_by_role("tab", name="Manifest").click()
    assert [panels[v].is_visible() for v in panels] == [False, False, True]
    assert "version: 1" in panels["manifest"].inner_text()

    # The keys of a tab list: the arrows move to the next tab (round), Home and End.
    page.get_by_role("tab", name="Manifest").press("ArrowRight")
    assert [panels[v].is_visible() for v in panels] == [True, False, False]
    assert page.evaluate("document.activeElement.textContent") == "Required Properties"
    page.keyboard.press("End")
    assert [panels[v].is_visible() for v in panels] == [False, False, True]
    page.keyboard.press("ArrowLeft")
    assert [panels[v].is_visible() for v in panels] == [False, True, False]

    copy = page.locator('button.copy[data-code="aws.lambda.event_invoke_configs"]')
    copy.click()
    assert page.evaluate("navigator.clipboard.readText()") == "aws.lambda.event_invoke_configs"
    assert copy.inner_text() == "Copied"
    page.locator("pre").first.get_by_role("button", name="Copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("SELECT\nregion,\n")
    assert copied.endswith(
        """data__ResourceModel = string('{"FunctionName": "<FunctionName>"}');"""
    )
    # Selected and copied by hand, a code block is its code: its button's label was the last
    # line (`Copy`), and a name in a table `destination_configCopy`.
    page.locator("pre").first.evaluate("pre => getSelection().selectAllChildren(pre)")
    page.keyboard.press("Control+C")
    assert page.evaluate("navigator.clipboard.readText()").rstrip("\n") == copied
    copy.evaluate("button => getSelection().selectAllChildren(button.parentElement)")
    page.keyboard.press("Control+C")
    assert page.evaluate("navigator.clipboard.readText()") == "aws.lambda.event_invoke_configs"

    page.get_by_role("link", name="aws", exact=True).click()
    assert page.url == server.url + "/aws/index.html"
    assert problems == []
    context.close()


def test_an_open_page_reloads_itself_when_its_schema_is_edited_broken_and_mended(
    browser, specs, server
):
    from playwright.sync_api import expect

    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + RESOURCE)
    page.get_by_role("tab", name="Manifest").click()
    schema = specs / LAMBDA_SPEC.name
    document = json.loads(schema.read_text())
    good = json.dumps(document)
    description = page.locator("main table").first
    assert "configures options for asynchronous invocation" in description.inner_text()

    # No reload asked for: the page asks the preview each second and reloads itself.
    document["description"] = "Edited while <previewing>."
    schema.write_text(json.dumps(document))
    expect(description).to_contain_text("Edited while <previewing>.", timeout=15_000)
    manifest = page.locator('.tab-item[data-value="manifest"]')
    assert manifest.is_visible()  # the tab chosen before stays chosen
    alert = page.get_by_role("alert")
    schema.write_text('{"typeName": "AWS::Lambda::EventInvokeConfig",\n  "description": }')
    expect(alert).to_contain_text(f"{schema}:2:18: invalid JSON", timeout=15_000)
    expect(description).to_contain_text("Edited while <previewing>.")  # as last built
    schema.write_text(good)
    expect(alert).to_have_count(0, timeout=15_000)
    expect(description).to_contain_text("configures options for asynchronous invocation")

    # A page that is not there yet shows when its schema comes, at any of its addresses (that
    # of its folder without the slash, too, which is redirected to it once it is there).
    page.goto(server.url + "/aws/quicksight/approval_policies/index.html")
    assert page.locator("h1").inner_text() == "404 Not Found"
    folder = browser.new_page()
    folder.goto(server.url + "/aws/quicksight/approval_policies")
    assert folder.locator("h1").inner_text() == "404 Not Found"
    shutil.copy(DATA / "aws-quicksight-approvalpolicy.json", specs)
    expect(page.locator("h1")).to_have_text("approval_policies", timeout=15_000)
    expect(folder.locator("h1")).to_have_text("approval_policies", timeout=15_000)
    assert folder.url == server.url + "/aws/quicksight/approval_policies/"
    assert errors == []
    page.close()
    folder.close()


def test_an_error_shows_where_the_reader_has_scrolled_and_no_page_scrolls_sideways(
    browser, specs, server
):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 375, "height": 700})  # a phone's
    for path in ("/aws/index.html", "/aws/lambda/index.html", RESOURCE):
        page.goto(server.url + path)
        # (tables scroll in their own box: the Fields table's descriptions made it 1,115 px)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    schema = specs / LAMBDA_SPEC.name
    good = schema.read_text()
    schema.write_text("{ broken")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("invalid JSON", timeout=15_000)
    assert page.evaluate("window.scrollY") > 0  # the reload kept the place
    box = alert.bounding_box()
    assert box is not None and 0 <= box["y"] < 700  # in sight, not 7,700 px above it
    assert page.title().startswith("error · event_invoke_configs")
    schema.write_text(good)
    expect(alert).to_have_count(0, timeout=15_000)
    assert page.title().startswith("event_invoke_configs")
    page.close()


def test_copying_works_where_the_clipboard_api_is_not_offered(browser, server):
    # A page served over http to another machine (--host 0.0.0.0) is no secure context: the
    # browser offers no navigator.clipboard, and every Copy said "Copy failed".
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get() {}})")
    page.goto(server.url + RESOURCE)
    assert page.evaluate("navigator.clipboard === undefined")
    copy = page.locator('button.copy[data-code="aws.lambda.event_invoke_configs"]')
    copy.click()
    assert copy.inner_text() == "Copied"
    reader = context.new_page()  # (one with the Clipboard API, to read what was copied)
    reader.goto(server.url + RESOURCE)
    assert reader.evaluate("navigator.clipboard.readText()") == "aws.lambda.event_invoke_configs"
    context.close()


def test_warnings_are_printed_once_not_at_every_request(specs):
    shutil.copy(DATA / "aws-quicksight-approvalpolicy.json", specs)
    server = Server(specs)
    try:
        for _ in range(3):
            assert server.get("/aws/quicksight/approval_policies/index.html").status_code == 200
    finally:
        code, _, err = server.stop()
    warnings = err.splitlines()
    assert code == 0 and len(warnings) == 3 == len(set(warnings))
    assert all(
        w.startswith(f"warning: {specs}/aws-quicksight-approvalpolicy.json#/") for w in warnings
    )


def test_a_warning_that_comes_back_after_a_build_without_it_is_said_again(specs, tmp_path):
    warned = DATA / "aws-quicksight-approvalpolicy.json"
    shutil.copy(warned, specs)
    server = Server(specs)
    page = "/aws/quicksight/approval_policies/index.html"
    try:
        assert server.get(page).status_code == 200
        shutil.move(specs / warned.name, tmp_path / warned.name)  # gone, and its warnings
        assert server.get(page).status_code == 404
        shutil.move(tmp_path / warned.name, specs / warned.name)  # back
        assert server.get(page).status_code == 200
        assert server.get(page).status_code == 200  # (once again only)
    finally:
        code, _, err = server.stop()
    warnings = err.splitlines()
    assert code == 0 and len(warnings) == 6 and len(set(warnings)) == 3


def test_a_rebuild_of_many_schemas_on_a_server_thread_starts_its_workers_by_spawn(corpus, tmp_path):
    # 200 changed schemas or more are built on worker processes. The server's threads are
    # running then, so the workers are spawned, not forked (a fork would copy the locks those
    # threads hold): the path that platforms without fork take every time.
    specs = tmp_path / "specs"
    shutil.copytree(corpus[0], specs)
    server = Server(specs)
    try:
        changed = [p for p in sorted(specs.glob("aws-*.json")) if '"handlers"' in p.read_text()]
        for n, path in enumerate(changed[:250] + [specs / LAMBDA_SPEC.name]):
            document = json.loads(path.read_text())
            document["description"] = f"Rebuilt on a server thread, {n}."
            path.write_text(json.dumps(document))
        page = server.get(RESOURCE)
        assert page.status_code == 200 and "Rebuilt on a server thread, 250." in page.text
    finally:
        code, out, err = server.stop()
    assert (code, out) == (0, "stopped\n") and "Traceback" not in err


def test_workers_are_not_forked_while_another_thread_runs():
    methods: list[str] = []
    thread = threading.Thread(target=lambda: methods.append(worker_context().get_start_method()))
    thread.start()
    thread.join()
    assert methods == ["spawn"]


def test_named_types_index_only_their_pages_and_folders_are_found_without_a_slash(tmp_path):
    specs = tmp_path / "specs"
    specs.mkdir()
    for path in (LAMBDA_SPEC, DATA / "aws-ses-receiptruleset.json"):
        shutil.copy(path, specs)
    running = Server(specs, "AWS::SES::ReceiptRuleSet")
    try:
        assert running.banner.startswith(f"previewing 3 pages of {specs} at")
        index = running.get("/aws/index.html").text
        assert "./ses/index.html" in index and "lambda" not in index  # no link to a 404
        assert running.get("/aws/lambda/index.html").status_code == 404
        for folder in ("/aws/ses", "/aws/ses/receipt_rule_sets"):
            found = running.get(folder)
            assert (found.status_code, found.headers["Location"]) == (302, folder + "/")
        home = running.get("/index.html")
        assert (home.status_code, home.headers["Location"]) == (302, "/aws/index.html")
    finally:
        running.process.kill()
        running.process.communicate()


def test_pages_are_rendered_on_many_threads_at_once() -> None:
    # markdown-it builds its rule chains and mdurl its tables on first use (see
    # generator.extract.ready): the preview's parser is ready before any thread starts.
    page = ROOT / "output" / "aws" / "lambda" / "event_invoke_configs" / "index.mdx"
    for _ in range(10):
        code, failures, stderr = failures_on_threads("generator.preview", "to_html", page)
        assert (code, failures) == (0, "[]"), stderr


def test_a_type_without_handlers_is_said_skipped_as_generate_says(specs):
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["typeName"] = "AWS::Test::NoHandlers"
    del document["handlers"]
    (specs / "aws-test-nohandlers.json").write_text(json.dumps(document), "utf-8")
    running = Server(specs, "AWS::Test::NoHandlers")
    try:
        assert running.skipped == [
            "skipped AWS::Test::NoHandlers (aws-test-nohandlers.json): no handlers: Cloud "
            "Control cannot manage it\n"
        ]
        assert running.banner.startswith(f"previewing 0 pages of {specs} at")
    finally:
        running.stop()


def test_an_empty_host_is_a_usage_error_not_every_address(specs, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["preview", "--specs", str(specs), "--host="])  # an unset $HOST
    assert exit_.value.code == 2
    assert "argument --host: expected an address, got an empty one" in capsys.readouterr().err


def test_readers_who_leave_early_and_a_type_that_loses_its_page_while_editing(specs, server):
    port = int(server.url.rsplit(":", 1)[1])
    for request in [f"GET {RESOURCE} HTTP/1.0\r\n\r\n", "GET /aws/la"] * 10:
        with socket.create_connection(("127.0.0.1", port)) as s:  # gone before the answer
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST
            s.sendall(request.encode())  # the second kind before its request is whole
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    for _ in range(2):  # edited away, back, away: each time the page goes, the terminal says why
        (specs / LAMBDA_SPEC.name).write_text(
            json.dumps({k: v for k, v in document.items() if k != "handlers"}), "utf-8"
        )
        assert server.get(RESOURCE).status_code == 404
        assert server.get(RESOURCE).status_code == 404  # said once, not at every request
        (specs / LAMBDA_SPEC.name).write_text(json.dumps(document), "utf-8")
        assert server.get(RESOURCE).status_code == 200
    code, out, err = server.stop()
    assert code == 0
    assert "Traceback" not in err
    said = (
        "warning: skipped AWS::Lambda::EventInvokeConfig (aws-lambda-eventinvokeconfig.json): "
        "no handlers: Cloud Control cannot manage it\n"
    )
    assert err.count(said) == 2


def test_a_request_by_a_name_not_localhost_is_refused_as_dns_rebinding_would_send(server):
    # A web page whose own name its owner points at 127.0.0.1 could otherwise read the pages
    # and the error messages, which name the user's files.
    port = server.url.rsplit(":", 1)[1]
    refused = server.get(RESOURCE, headers={"Host": f"attacker.example:{port}"})
    assert refused.status_code == 403
    assert "DNS rebinding" in refused.text and "&#39;attacker.example:" in refused.text
    for name in (f"localhost:{port}", f"127.0.0.1:{port}", f"docs.localhost:{port}", "[::1]"):
        assert server.get(RESOURCE, headers={"Host": name}).status_code == 200, name
    code, _, err = server.stop()
    assert code == 0
    assert err.count("refused a request addressed to 'attacker.example:") == 1


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _ipv6_loopback(), reason="this machine has no IPv6 loopback")
def test_the_preview_listens_on_an_ipv6_address(specs):
    for host in ("::1", "[::1]"):  # (as a URL writes it, too)
        running = Server(specs, "--host", host)
        try:
            assert running.url.startswith("http://[::1]:")
            assert running.get(RESOURCE).status_code == 200
        finally:
            code, _, err = running.stop()
        assert code == 0
        assert "not this machine's loopback" not in err  # ::1 is
