"""Escaping, one function per output context of a page; each is a Jinja filter."""

from __future__ import annotations

import re

# Characters MDX or Markdown would read as syntax inside a table cell, as character references.
_CELL = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "{": "&#123;",
    "}": "&#125;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "\\": "&#92;",
    "~": "&#126;",
    "|": "&#124;",
    "#": "&#35;",
    # GFM would turn URLs and e-mail addresses into links, whose text keeps character
    # references undecoded: a reference in `://`, `www.` and `@` keeps them plain text.
    "@": "&#64;",
}
# Control characters that are no white space (NUL, ESC, DEL, most of C1): nothing can show
# them, and a NUL makes git take a page for a binary file. Each is written as U+FFFD, as MDX
# shows a NUL, and the character reference of one (`&#0;`) too.
_CELL.update(
    dict.fromkeys(
        (chr(c) for c in (*range(0x09), *range(0x0E, 0x1C), *range(0x7F, 0xA0)) if c != 0x85),
        "\ufffd",
    )
)
# One pass finds them (few texts have any); str.translate looks every character up in a dict.
_CELL_CHAR = re.compile("[" + re.escape("".join(_CELL)) + "]")
# The `:` of `://` after a letter and the `.` of `www.` (see `_escaped`). It starts with the
# set of the two, so that the engine scans for them before it tries the lookbehinds: tried at
# every character, they took most of the time of a text with a link.
_AUTOLINK_RE = re.compile(r"[:.](?:(?<=[A-Za-z]:)(?=//)|(?<=\bwww\.))", re.IGNORECASE)
# Plain YAML scalars of letters and digits that are no strings: booleans, null, numbers.
_YAML_NOT_TEXT = re.compile(
    r"[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|null|Null|NULL|[0-9].*"
)
# What a match of it starts with.
_YAML_NOT_TEXT_START = "yYnNtTfFoO0123456789"
# A line break as text files write one; other separators (U+2028, form feed, ...) stand
# mid-sentence in AWS's text and are white space like any other.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The indentation of a line that would close a ``` fence (see `code_fence`).
_CLOSING_FENCE = re.compile(r"^ {0,3}(?=`{3,}[ \t]*$)", re.MULTILINE)


def cell(text: str) -> str:
    """Escape text for an HTML table cell of an MDX page: shown as written, on one line.

    >>> cell("Use {Name} <b>*not*</b>\\n here")
    'Use &#123;Name&#125; &lt;b&gt;&#42;not&#42;&lt;/b&gt; here'
    >>> cell("see https://a.b/c_d or www.x.org")
    'see https&#58;//a.b/c&#95;d or www&#46;x.org'
    >>> cell("string"), cell("")
    ('string', '')
    >>> cell("a\\x00b\\x1bc\\x7f")
    'a\ufffdb\ufffdc\ufffd'
    """
    if text.isalnum() or not text:
        return text  # a type name or no description (most cells): nothing to escape
    return _escaped(" ".join(text.split()))


def _escaped(text: str) -> str:
    """Text with the characters of `_CELL` and GFM's autolinks as character references."""
    escaped = _CELL_CHAR.sub(_cell_reference, text)
    if "://" not in escaped and "www." not in escaped.lower():
        return escaped  # most text: nothing GFM would link
    return _AUTOLINK_RE.sub(lambda m: f"&#{ord(m.group())};", escaped)


def _cell_reference(match: re.Match[str]) -> str:
    """The character reference of a character of `_CELL`."""
    return _CELL[match.group()]


def cell_lines(text: str) -> str:
    """Escape text for an HTML table cell of an MDX page, its lines as written: each line break
    (indentation aside) a `<br />`, blank lines between paragraphs one blank line. AWS's
    descriptions break lines between paragraphs and before the items of a list (`+ gp3: ...`).

    >>> cell_lines("Valid ranges:\\n  + gp3: <x>\\r\\n  + io1\\n\\n\\n After.\\n")
    'Valid ranges:<br />+ gp3: &lt;x&gt;<br />+ io1<br /><br />After.'
    >>> cell_lines("If you do\\u2028 not")
    'If you do not'
    """
    if "\n" not in text and "\r" not in text:
        return cell(text)  # most text: one line
    # Escaped whole, then split: no reference holds white space, and a line break, like a
    # space, ends a word before `www.` and is no letter before `://`.
    paragraphs: list[list[str]] = [[]]
    for line in _LINE_BREAK.split(_escaped(text)):
        if words := line.split():
            paragraphs[-1].append(" ".join(words))
        elif paragraphs[-1]:
            paragraphs.append([])
    return "<br /><br />".join("<br />".join(lines) for lines in paragraphs if lines)


def jsx_attr(text: str) -> str:
    """Escape text for a double-quoted JSX attribute value.

    >>> jsx_attr('say "hi" & go')
    'say &quot;hi&quot; &amp; go'
    """
    return text.replace("&", "&amp;").replace('"', "&quot;")


def sql_literal(text: str) -> str:
    """Escape text for a single-quoted SQL string literal.

    >>> sql_literal("it's")
    "it''s"
    """
    return text.replace("'", "''")


def yaml_quoted(text: str) -> str:
    """Quote text as a single-quoted YAML scalar.

    >>> yaml_quoted("{{ Name }}"), yaml_quoted("it's")
    ("'{{ Name }}'", "'it''s'")
    """
    return "'" + text.replace("'", "''") + "'"


def yaml_key(name: str) -> str:
    """A property name as a YAML key or value: quoted where YAML would read it as no string
    (a boolean, null or number in YAML 1.1 or 1.2); a name is letters and digits.

    >>> yaml_key("Name"), yaml_key("Null"), yaml_key("On"), yaml_key("1e5"), yaml_key("Value")
    ('Name', "'Null'", "'On'", "'1e5'", 'Value')
    """
    if name[:1] not in _YAML_NOT_TEXT_START:
        return name  # most names: no match could start
    return yaml_quoted(name) if _YAML_NOT_TEXT.fullmatch(name) else name


def code_fence(text: str) -> str:
    """Make text safe inside a ``` fence: no line of it may close the fence.

    Only a line of backticks alone, indented less than four spaces, closes a fence
    (CommonMark); indented four spaces, it is text. MDX closes one at any indentation: the
    text that goes in fences (names, IAM actions) is checked to hold no backticks at all.

    >>> code_fence("a\\n```\\n  ````  \\n```sql\\nb")
    'a\\n    ```\\n    ````  \\n```sql\\nb'
    """
    if "```" not in text:
        return text  # most text: no line of it could close a fence
    return _CLOSING_FENCE.sub("    ", text)
