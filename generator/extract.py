"""Extraction: the SQL and YAML examples of a published page, read back from its MDX.

The page is parsed with markdown-it (CommonMark, HTML on), as a reader's renderer would see it:
fences in the `## \\`SELECT\\` examples`, `## \\`INSERT\\` example`, `## \\`UPDATE\\` example` and
`## \\`DELETE\\` example` sections are the examples. The lead sentence before a SELECT fence says
which one it is (list or get); the `<TabItem value="...">` around an INSERT fence says which tab
(required, all, manifest). A fence in those sections that fits none of these is still an example
of the page, of kind `UNKNOWN`: it cannot be run, and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from markdown_it import MarkdownIt


class ExampleKind(Enum):
    """What an example on a page does; the value is how reports name its section."""

    SELECT_LIST = "SELECT list"
    SELECT_GET = "SELECT get"
    INSERT_REQUIRED = "INSERT required"
    INSERT_ALL = "INSERT all"
    MANIFEST = "INSERT manifest"
    UPDATE = "UPDATE"
    DELETE = "DELETE"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Example:
    """One fenced example: its kind, the fence's language, its text, its first line (1-based)."""

    kind: ExampleKind
    language: str
    text: str
    line: int


SECTIONS = {
    "`SELECT` examples": "SELECT",
    "`INSERT` example": "INSERT",
    "`UPDATE` example": "UPDATE",
    "`DELETE` example": "DELETE",
}
_TABS = {
    ("required", "sql"): ExampleKind.INSERT_REQUIRED,
    ("all", "sql"): ExampleKind.INSERT_ALL,
    ("manifest", "yaml"): ExampleKind.MANIFEST,
}
# A TabItem's opening tag (with its value) or closing tag; and a page's YAML front matter.
TAB_TAG = re.compile(r"<TabItem\s+value=\"([^\"]*)\"\s*>|</TabItem\s*>")
_LIST_LEAD = re.compile(r"^Gets all .*\.$")  # "in a region", but for a global service
_GET_LEAD = re.compile(r"^Gets all properties from an individual .*\.$")
FRONTMATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def extract_examples(text: str) -> tuple[Example, ...]:
    """Every example of a page, in page order."""
    examples: list[Example] = []
    section, tab, lead = "", "", ""
    tokens = _PARSER.parse(_blank_frontmatter(text))
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            title = tokens[i + 1].content.strip()
            section = SECTIONS.get(title, "") if token.tag == "h2" else section
            tab, lead = "", ""
        elif token.type == "fence" and section:
            language = token.info.strip().split(" ")[0]
            kind = _kind(section, language, tab, lead)
            line = (token.map[0] if token.map else 0) + 2  # the fence opens a line before
            examples.append(Example(kind, language, token.content, line))
            lead = ""
        elif token.type in ("inline", "html_block"):
            for match in TAB_TAG.finditer(token.content):
                tab = match[1] or ""
            if token.type == "inline":
                lead = token.content.strip()
    return tuple(examples)


def _kind(section: str, language: str, tab: str, lead: str) -> ExampleKind:
    """The kind of a fence from its section, language, tab and the sentence before it.

    >>> _kind("SELECT", "sql", "", "Gets all <code>xs</code> in a region.")
    <ExampleKind.SELECT_LIST: 'SELECT list'>
    >>> _kind("INSERT", "yaml", "manifest", ""), _kind("UPDATE", "yaml", "", "")
    (<ExampleKind.MANIFEST: 'INSERT manifest'>, <ExampleKind.UNKNOWN: 'unknown'>)
    """
    if section == "SELECT" and language == "sql":
        lead = re.sub(r"<[^>]*>", "", lead)
        if _GET_LEAD.match(lead):
            return ExampleKind.SELECT_GET
        if _LIST_LEAD.match(lead):
            return ExampleKind.SELECT_LIST
    elif section == "INSERT":
        return _TABS.get((tab, language), ExampleKind.UNKNOWN)
    elif section in ("UPDATE", "DELETE") and language == "sql":
        return ExampleKind[section]
    return ExampleKind.UNKNOWN


def _blank_frontmatter(text: str) -> str:
    """The page with its YAML frontmatter blanked out, line numbers kept.

    >>> _blank_frontmatter("---\\ntitle: x\\n---\\n# A\\n")
    '\\n\\n\\n# A\\n'
    """
    match = FRONTMATTER.match(text)
    return "\n" * match[0].count("\n") + text[match.end() :] if match else text


def ready(parser: MarkdownIt) -> MarkdownIt:
    """A markdown-it parser with what it builds on first use built now, in this thread.

    markdown-it compiles its rule chains on first use, and its URL library (mdurl) its lookup
    tables; each registers an empty table before it fills it, so a thread that parses while
    another builds sees no rules (RuntimeError: none of the block rules matched) or a part of
    a table (IndexError). validate and preview parse pages on many threads: their parsers are
    made ready on import (one thread, under the import lock), before any of their threads
    starts, and worker processes inherit them.
    """
    parser.render("[a](https://example.com/%41?b#c) <https://example.com/d>\n\n| a |\n|-|\n| b |\n")
    return parser


# The one CommonMark parser (HTML blocks on, as MDX reads JSX tags at block level).
_PARSER = ready(MarkdownIt("commonmark"))
