"""Reading the examples back out of a published page, as markdown-it parses the MDX."""

from __future__ import annotations

from conftest import ROOT, failures_on_threads

from generator.extract import Example, ExampleKind, extract_examples

PAGE = ROOT / "output" / "aws" / "lambda" / "event_invoke_configs" / "index.mdx"
SEED = ROOT / "tests" / "data" / "mdx" / "seed.md"


def test_every_example_of_the_committed_page_with_its_kind_and_first_line() -> None:
    text = PAGE.read_text("utf-8")
    examples = extract_examples(text)
    assert [(e.kind, e.language, e.line) for e in examples] == [
        (ExampleKind.SELECT_LIST, "sql", 93),
        (ExampleKind.SELECT_GET, "sql", 102),
        (ExampleKind.INSERT_REQUIRED, "sql", 128),
        (ExampleKind.INSERT_ALL, "sql", 143),
        (ExampleKind.MANIFEST, "yaml", 164),
        (ExampleKind.UPDATE, "sql", 198),
        (ExampleKind.DELETE, "sql", 212),
    ]
    lines = text.splitlines()
    for example in examples:  # `line` is the page line of the example's first line
        assert lines[example.line - 1] == example.text.splitlines()[0]
    assert examples[0].text.endswith(
        "WHERE region = 'us-east-1' AND data__TypeName = 'AWS::Lambda::EventInvokeConfig' "
        'AND data__ResourceModel = string(\'{"FunctionName": "<FunctionName>"}\');\n'
    )


def test_the_seed_page_without_update() -> None:
    kinds = [e.kind for e in extract_examples(SEED.read_text("utf-8"))]
    assert kinds == [
        ExampleKind.SELECT_LIST,
        ExampleKind.SELECT_GET,
        ExampleKind.INSERT_REQUIRED,
        ExampleKind.INSERT_ALL,
        ExampleKind.MANIFEST,
        ExampleKind.DELETE,
    ]


def test_fences_outside_example_sections_are_not_examples() -> None:
    text = (
        "## Permissions\n\n```json\nlambda:GetFunction\n```\n\n## `DELETE` example\n\n"
        "```sql\nDELETE FROM a.b.c;\n```\n"
    )
    assert extract_examples(text) == (
        Example(ExampleKind.DELETE, "sql", "DELETE FROM a.b.c;\n", 10),
    )


def test_a_fence_nothing_announces_is_an_unknown_example() -> None:
    text = (
        "## `SELECT` examples\nSome other sentence.\n```sql\nSELECT 1;\n```\n"
        '## `INSERT` example\n\n<TabItem value="extra">\n\n```sql\nINSERT;\n```\n'
        "</TabItem>\n\n```yaml\na: 1\n```\n"
    )
    assert [e.kind for e in extract_examples(text)] == [ExampleKind.UNKNOWN] * 3


def test_frontmatter_is_not_read_as_markdown() -> None:
    text = "---\ntitle: x\n---\n## `DELETE` example\n```sql\nDELETE FROM a.b.c;\n```\n"
    assert [(e.kind, e.line) for e in extract_examples(text)] == [(ExampleKind.DELETE, 6)]


def test_pages_with_links_are_read_on_many_threads_at_once() -> None:
    # markdown-it's URL library builds its tables on first use, registering each before it is
    # filled: a thread could read a part of one (IndexError; 16 of 40 such runs did, before
    # generator.extract had them built on import).
    for _ in range(10):
        code, failures, stderr = failures_on_threads("generator.extract", "extract_examples", PAGE)
        assert (code, failures) == (0, "[]"), stderr
