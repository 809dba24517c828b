"""The MDX 3 harness (tests/mdx/compile.mjs via tests/mdxcompiler.py) judges real pages rightly.

Needs `npm ci --prefix tests/mdx`; without it these tests fail with that instruction, on purpose.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import mdxcompiler
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "mdx"
SEED = DATA / "seed.md"  # StackQL's published 2024 page, verbatim (shared/reference)
SEED_FIXED = DATA / "seed-fixed.mdx"  # the same page, table tags moved onto their own lines

TBODY_ERROR = "Expected a closing tag for `<tbody>`"
ACORN_ERROR = "Could not parse expression with acorn"

FRONT_MATTER = "---\ntitle: example\ndescription: Query, deploy and manage AWS resources\n---\n\n"


def table_tags_on_own_lines(text: str) -> str:
    """Put every <table>, <tbody>, </tbody> and </table> on a line of their own, nothing else.

    >>> table_tags_on_own_lines("<table><tbody><tr><td>x</td></tr>\\n</tbody></table>\\n")
    '<table>\\n<tbody>\\n<tr><td>x</td></tr>\\n</tbody>\\n</table>\\n'
    """
    tag = r"</?(?:table|tbody)>"
    text = re.sub(rf"(?<=[^\n])({tag})", r"\n\1", text)
    return re.sub(rf"({tag})(?=[^\n])", r"\1\n", text)


def html_table_page(cell: str) -> str:
    """A page with a one-row HTML table, laid out as the fixed seed lays out its tables."""
    return (
        f"{FRONT_MATTER}## Fields\n<table>\n<tbody>\n"
        "<tr><th>Name</th><th>Description</th></tr>\n"
        f'<tr><td><CopyableCode code="threshold" /></td><td>{cell}</td></tr>\n'
        "</tbody>\n</table>\n"
    )


def gfm_table_page(cell: str) -> str:
    """A page with a GitHub-flavoured pipe table (remark-gfm, as Docusaurus 3 enables it)."""
    return f"{FRONT_MATTER}| Name | Description |\n| --- | --- |\n| threshold | {cell} |\n"


# name -> (page text, error expected in the message or None when the page must compile,
#          the raw text that is wrong, or None)
SMALL_PAGES = {
    "brace-raw-in-prose.mdx": (
        f'{FRONT_MATTER}The policy is a JSON object such as {{"Version": "2012-10-17"}}.\n',
        ACORN_ERROR,
        '{"Version"',
    ),
    "brace-escaped-in-prose.mdx": (
        f'{FRONT_MATTER}The policy is a JSON object such as &#123;"Version": "2012-10-17"&#125;.\n',
        None,
        None,
    ),
    "lt-raw-in-html-cell.mdx": (
        html_table_page("Must be <= 10."),
        "Unexpected character `=` (U+003D) before name",
        "<= 10",
    ),
    "lt-escaped-in-html-cell.mdx": (html_table_page("Must be &lt;= 10."), None, None),
    "lt-raw-in-gfm-cell.mdx": (
        gfm_table_page("A List<Tag> of tags."),
        "Expected a closing tag for `<Tag>`",
        "List<Tag>",
    ),
    "lt-escaped-in-gfm-cell.mdx": (gfm_table_page("A List&lt;Tag&gt; of tags."), None, None),
}


@pytest.fixture(scope="session")
def compile_mdx():
    """The harness, checked once: node on PATH and tests/mdx/node_modules installed."""
    return mdxcompiler.mdx_compiler()


@pytest.fixture(scope="module")
def small_page_results(tmp_path_factory):
    """Compile all SMALL_PAGES in one node process; map file name -> MdxResult."""
    folder = tmp_path_factory.mktemp("pages")
    for name, (text, _, _) in SMALL_PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    results = mdxcompiler.compile_mdx_results([folder])
    return {Path(r.file).name: r for r in results}


def test_seed_copy_differs_from_fixed_page_only_by_table_tag_line_breaks():
    seed = SEED.read_text(encoding="utf-8")
    fixed = SEED_FIXED.read_text(encoding="utf-8")
    assert fixed == table_tags_on_own_lines(seed)
    assert fixed != seed
    assert fixed.replace("\n", "") == seed.replace("\n", "")


def test_seed_page_fails_on_tbody(compile_mdx):
    [failure] = compile_mdx([SEED])
    assert failure.file == str(SEED)
    assert TBODY_ERROR in failure.message
    # line 33: the Fields table, `<table><tbody><tr><th>Name</th>...` on one line
    assert (failure.line, failure.column) == (33, 1)


def test_seed_with_table_tags_on_own_lines_compiles(compile_mdx):
    assert compile_mdx([SEED_FIXED]) == []
    assert mdxcompiler.assert_mdx_compiles([SEED_FIXED]) == 1


@pytest.mark.parametrize("name", sorted(SMALL_PAGES))
def test_small_page(small_page_results, name):
    text, expected_error, raw = SMALL_PAGES[name]
    result = small_page_results[name]
    if expected_error is None:
        assert result.ok, str(result)
    else:
        assert not result.ok, f"{name} compiled but MDX 3 should reject it"
        assert expected_error in result.message
        # positions count from the top of the file, front matter included
        raw_line = next(i for i, line in enumerate(text.splitlines(), 1) if raw in line)
        assert result.line == raw_line


def test_small_pages_were_all_compiled(small_page_results):
    assert sorted(small_page_results) == sorted(SMALL_PAGES)


def test_cli_text_output_and_exit_code():
    node = mdxcompiler.find_node()
    mdxcompiler.check_installed()
    proc = subprocess.run(
        [node, "tests/mdx/compile.mjs", "tests/data/mdx"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout == (
        "tests/data/mdx/seed.md:33:1: Expected a closing tag for `<tbody>` (33:8-33:15)"
        " before the end of `paragraph`\n"
        "compiled 2 files, 1 failed\n"
    )
    assert proc.stderr == ""


def test_cli_passes_and_fails_by_exit_code():
    node = mdxcompiler.find_node()
    mdxcompiler.check_installed()
    run = [node, "tests/mdx/compile.mjs"]
    ok = subprocess.run([*run, str(SEED_FIXED)], capture_output=True, text=True, check=False)
    assert (ok.returncode, ok.stdout) == (0, "compiled 1 files, 0 failed\n")
    usage = subprocess.run([*run, "--bogus"], capture_output=True, text=True, check=False, cwd=ROOT)
    assert usage.returncode == 2
    assert usage.stderr.startswith("error: unknown option --bogus\n")
    missing = subprocess.run(
        [*run, "no/such/page.mdx"], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: no such file or directory: no/such/page.mdx\n")


def test_worker_threads_give_the_same_results_in_the_same_order(tmp_path):
    count = 90  # over two workers' minimum share, so --jobs=2 really starts two workers
    for i in range(count):
        body = "Raw {brace" if i % 3 == 0 else "Fine"
        (tmp_path / f"page-{i:02d}.md").write_text(f"# Page {i}\n\n{body}\n", encoding="utf-8")
    one = mdxcompiler.compile_mdx_results([tmp_path], jobs=1)
    two = mdxcompiler.compile_mdx_results([tmp_path], jobs=2)
    assert one == two
    assert [Path(r.file).name for r in one] == [f"page-{i:02d}.md" for i in range(count)]
    assert [r.ok for r in one] == [i % 3 != 0 for i in range(count)]


def test_missing_node_modules_is_an_error_not_a_skip(tmp_path):
    shutil.copyfile(mdxcompiler.MDX_DIR / "compile.mjs", tmp_path / "compile.mjs")
    with pytest.raises(mdxcompiler.MdxHarnessError, match=r"npm ci --prefix tests/mdx"):
        mdxcompiler.compile_mdx([SEED_FIXED], mdx_dir=tmp_path)
    with pytest.raises(mdxcompiler.MdxHarnessError, match=r"npm ci --prefix tests/mdx"):
        mdxcompiler.mdx_compiler(tmp_path)
