"""The output folder drops into a real Docusaurus 3 site as its docs root, and builds.

`tests/docusaurus/` is the smallest such site (the classic preset, StackQL's `CopyableCode`
stood in for, every broken link an error). It builds the pages of a few whole services of the
real us-east-1 set: Lambda (the seed), IAM (a global service, with types skipped for having no
handlers), DynamoDB (if/then), WAFv2 (recursive rules cut at the depth) and Lex (the largest
page). The whole provider builds too (all 2,041 routes, by hand with this site: 14 minutes and
4.3 GB on a 2-core machine), too long for every run: test_corpus.py compiles every page with
MDX 3 instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main

SITE = Path(__file__).resolve().parent / "docusaurus"
INSTALL_HINT = "npm ci --prefix tests/docusaurus"
SERVICES = ("lambda", "iam", "dynamodb", "wafv2", "lex")


def docusaurus_build(docs: Path, build: Path) -> subprocess.CompletedProcess[str]:
    """Build the check site with `docs` as its docs root into `build`."""
    node = shutil.which("node")
    cli = SITE / "node_modules" / "@docusaurus" / "core" / "bin" / "docusaurus.mjs"
    if node is None or not cli.is_file():
        # Not a skip: a site check that silently does not run is no check.
        raise RuntimeError(f"the Docusaurus check needs Node.js >= 18, then `{INSTALL_HINT}`")
    env = {
        **os.environ,
        "DOCS_DIR": str(docs),
        "CI": "true",
        "NO_UPDATE_NOTIFIER": "1",
        # What the build writes besides its output stays out of the checkout: its generated
        # files go beside the output, and there is no webpack cache. Both grew with every run
        # (the docs folder is a new temporary one each time): 1.2 GB in node_modules/.cache
        # and 1,424 files in .docusaurus on one developer's machine.
        "DOCUSAURUS_GENERATED_FILES_DIR_NAME": str(build.parent / ".docusaurus"),
        "DOCUSAURUS_NO_PERSISTENT_CACHE": "1",
    }
    return subprocess.run(
        [node, str(cli), "build", "--out-dir", str(build), str(SITE)],
        cwd=SITE,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory) -> tuple[Path, Path]:
    """The generated output folder of SERVICES, and the site Docusaurus built from it."""
    root = tmp_path_factory.mktemp("docusaurus")
    specs, out, build = root / "specs", root / "output", root / "build"
    specs.mkdir()
    for service in SERVICES:
        for path in sorted(corpus[0].glob(f"aws-{service}-*.json")):
            shutil.copy(path, specs)
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    result = docusaurus_build(out, build)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    return out, build


def html(build: Path, route: str) -> str:
    return (build / route.strip("/") / "index.html").read_text("utf-8")


def test_every_generated_page_is_a_route(built):
    out, build = built
    pages = sorted(p.relative_to(out).parent.as_posix() for p in out.rglob("*.mdx"))
    assert len(pages) > 40 and "aws" in pages and "aws/lambda" in pages
    missing = [p for p in pages if not (build / "providers" / p / "index.html").is_file()]
    assert missing == []


def test_the_index_pages_link_every_service_and_resource(built):
    out, build = built
    provider = html(build, "providers/aws")
    services = sorted(p.name for p in (out / "aws").iterdir() if p.is_dir())
    assert services == sorted(SERVICES)
    for service in services:
        assert f'href="/providers/aws/{service}/"' in provider
        page = html(build, f"providers/aws/{service}")
        for resource in sorted(p.name for p in (out / "aws" / service).iterdir() if p.is_dir()):
            assert f'href="/providers/aws/{service}/{resource}/"' in page, (service, resource)


def test_the_sidebar_follows_the_category_files(built):
    out, build = built
    page = html(build, "providers/aws/lambda/event_invoke_configs")
    sidebar = page[page.index('class="menu ') :]
    # The provider and its services are categories, labelled by their _category_.json.
    for service in SERVICES:
        assert re.search(rf'href="/providers/aws/{service}/"[^>]*>(<[^>]+>)*{service}<', sidebar)
    lambdas = sorted(p.name for p in (out / "aws" / "lambda").iterdir() if p.is_dir())
    for resource in lambdas:  # the open category lists its resources
        assert f'href="/providers/aws/lambda/{resource}/"' in sidebar


def test_a_resource_page_renders_its_tabs_and_copyable_code(built):
    _, build = built
    page = html(build, "providers/aws/lambda/event_invoke_configs")
    tabs = re.findall(r'role="tab"[^>]*>([^<]+)<', page)
    assert tabs == ["Required Properties", "All Properties", "Manifest"]
    assert 'class="copyable-code">aws.lambda.event_invoke_configs<' in page
    assert "FROM aws.lambda.event_invoke_configs" in re.sub(r"<[^>]+>", "", page)


def test_a_description_keeps_its_line_breaks(built):
    _, build = built
    # AWS::IAM::User: "Creates a new IAM user for your AWS-account.\n  For information about ..."
    page = html(build, "providers/aws/iam/users")
    assert re.search(
        r"<td>Creates a new IAM user for your AWS-account\.<br/?>For information", page
    )
