"""Reading JSON text as strictly as RFC 8259 writes it, with an error for what Python's parser
lets through or fails on: NaN and Infinity, numbers past a float's range, lone surrogates
(text no file can hold), integers past Python's digit limit, nesting past its recursion limit.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from typing import Any

from generator.jsonpointer import join_pointer

# An escaped UTF-16 surrogate: the only way JSON text spells one that may stand alone.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JSONTextError(ValueError):
    """Text that is not JSON this tool reads: the message, and where (line and column when the
    parser knows them, else a JSON pointer)."""

    def __init__(self, message: str, line: int = 0, column: int = 0, pointer: str = "") -> None:
        super().__init__(message)
        self.message, self.line, self.column, self.pointer = message, line, column, pointer


def loads(
    data: bytes | str,
    duplicates: list[tuple[str, str]] | None = None,
    refs: set[str] | None = None,
) -> Any:
    """Parse JSON text; JSONTextError for anything RFC 8259 does not allow or Python cannot read.

    With `duplicates`, each name that an object holds twice (RFC 8259: names SHOULD be unique;
    the last one is read, as Python reads it) is added to it as (pointer of the object, name).
    With `duplicates` and `refs`, the string value of the `$ref` of each object read is added
    to `refs` (of one that a duplicate name replaces, too).

    >>> loads(b'{"a": [1, 2.5]}')
    {'a': [1, 2.5]}
    >>> loads(b'{"a": NaN}')
    Traceback (most recent call last):
    ...
    generator.jsontext.JSONTextError: NaN is not a JSON number
    >>> found = []
    >>> loads(b'{"a": {"b": 1, "b": 2}}', found), found
    ({'a': {'b': 2}}, [('/a', 'b')])
    >>> refs = set()
    >>> _ = loads(b'{"a": {"$ref": "#/b"}, "b": [{"$ref": "#/c"}, {"$ref": 1}]}', [], refs)
    >>> sorted(refs)
    ['#/b', '#/c']
    """
    hook = None
    if duplicates is not None:
        seen_twice: list[bool] = []
        add_ref = refs.add if refs is not None else None

        def hook(pairs: list[tuple[str, Any]]) -> dict:
            obj = dict(pairs)
            if len(obj) != len(pairs):
                seen_twice.append(True)
            # (the parser calls this for every object: the $refs cost no walk of their own)
            if add_ref is not None and "$ref" in obj and isinstance(obj["$ref"], str):
                add_ref(obj["$ref"])
            return obj

    text = _text(data)
    try:
        document = json.loads(
            text, parse_constant=_constant, parse_float=_float, object_pairs_hook=hook
        )
    except json.JSONDecodeError as e:
        message, at = _plainer(e)
        raise JSONTextError(message, *line_column(e.doc[:at])) from e
    except RecursionError as e:
        raise JSONTextError("nested too deeply to read") from e
    except JSONTextError as e:  # a number JSON has not: said where it stands
        raise JSONTextError(e.message, pointer=_first_bad_number(data)) from None
    except UnicodeDecodeError:  # the callers name bytes that are not text
        raise
    except ValueError as e:  # int() past its digit limit
        limit = sys.get_int_max_str_digits()
        message = f"an integer of more than {limit} digits"
        raise JSONTextError(message, pointer=_first_bad_number(data)) from e
    if _SURROGATE_ESCAPE.search(text):  # (the characters read: UTF-16's too)
        _check_text(document)
    if duplicates is not None and seen_twice:  # rare: read again to say where
        duplicates.extend(_duplicates(json.loads(data, object_pairs_hook=_Pairs)))
    return document


def _text(data: bytes | str) -> str:
    r"""JSON text's characters: bytes decoded as Python's json decodes them (UTF-8, with or
    without a byte order mark, UTF-16 or UTF-32), but strictly, where json lets through the
    bytes of a lone surrogate (UTF-8's ED A0 80) as one. UnicodeDecodeError for bytes that are
    not UTF-8 (the callers say where: `not_utf8`); JSONTextError for the other encodings'.

    >>> loads(b'{"a": "\xed\xa0\x80"}')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 7: ...
    """
    if isinstance(data, str):
        return data
    encoding = json.detect_encoding(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        if encoding.startswith("utf-8"):
            raise
        line, column = line_column(data[: e.start].decode(encoding, "replace"))
        raise JSONTextError(f"not {encoding.upper()} text ({e.reason})", line, column) from None


def _plainer(error: json.JSONDecodeError) -> tuple[str, int]:
    """The parser's message and place, or what its mistake most likely is where it is plain: a
    comma that ends an object or an array (`"Expecting value"` at `]` says less), said at the
    `]` as by every Python (3.13's parser says it at the comma, in words of its own).

    >>> loads(b'{"a": [1, 2, ]}')
    Traceback (most recent call last):
    ...
    generator.jsontext.JSONTextError: a comma before ']': JSON has no trailing commas
    """
    doc = error.doc if isinstance(error.doc, str) else ""
    at = error.pos
    if error.msg.startswith("Illegal trailing comma") and doc[at : at + 1] == ",":  # 3.13
        at += len(doc[at + 1 :]) - len(doc[at + 1 :].lstrip(" \t\n\r")) + 1
    closing = doc[at : at + 1]
    if closing in ("]", "}") and doc[:at].rstrip(" \t\n\r").endswith(","):
        return f"a comma before {closing!r}: JSON has no trailing commas", at
    return error.msg, error.pos


class _Bad:
    """A number JSON has not, read in its place (see `_first_bad_number`)."""


def _first_bad_number(data: bytes | str) -> str:
    """The JSON pointer of the first number, in the text's order, that JSON has not (NaN,
    Infinity, one past a float's range, an integer past Python's digit limit); "" if none.

    >>> _first_bad_number(b'{"a": [1, {"b": NaN}], "c": 1e999}')
    '/a/1/b'
    >>> _first_bad_number(b'{"a": NaN, "a": 1}')  # the name's later value is read
    '/a'
    """
    bad = _Bad()

    def a_float(text: str) -> Any:
        value = float(text)
        return value if math.isfinite(value) else bad

    def an_int(text: str) -> Any:
        try:
            return int(text)
        except ValueError:  # past the digit limit
            return bad

    try:
        document = json.loads(  # every pair, a name's duplicates too: the first may be bad
            data,
            parse_constant=lambda _: bad,
            parse_float=a_float,
            parse_int=an_int,
            object_pairs_hook=_Pairs,
        )
    except (ValueError, RecursionError):
        return ""
    stack: list[tuple[Any, tuple]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        if node is bad:
            return join_pointer(path)
        if isinstance(node, _Pairs):
            stack.extend((value, (*path, key)) for key, value in reversed(node))
        elif isinstance(node, list):
            stack.extend((value, (*path, i)) for i, value in reversed(list(enumerate(node))))
    return ""


class _Pairs(list):
    """An object's (name, value) pairs as written, duplicates included."""


def _duplicates(document: Any) -> list[tuple[str, str]]:
    """The (pointer, name) of each name that an object (read as _Pairs) holds more than once,
    each once, object by object (an object before those inside it, then in the file's order);
    a pointer names where the object is written (inside a value that a later duplicate
    replaces, too)."""
    found = []
    stack: list[tuple[Any, tuple]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, _Pairs):
            counts = Counter(name for name, _ in node)
            found.extend((join_pointer(path), name) for name, n in counts.items() if n > 1)
            stack.extend((value, (*path, name)) for name, value in reversed(node))
        elif isinstance(node, list):
            stack.extend((value, (*path, i)) for i, value in reversed(list(enumerate(node))))
    return found


def _constant(name: str) -> Any:
    raise JSONTextError(f"{name} is not a JSON number")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONTextError(f"{text} is past the range of a number")
    return value


def _check_text(document: Any) -> None:
    """Raise for the first string or key holding a lone surrogate, named by its pointer."""
    stack: list[tuple[Any, tuple]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            for key, value in reversed(node.items()):
                _check_string(key, path)
                stack.append((value, (*path, key)))
        elif isinstance(node, list):
            stack.extend((value, (*path, i)) for i, value in reversed(list(enumerate(node))))
        elif isinstance(node, str):
            _check_string(node, path)


def _check_string(text: str, path: tuple) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        code = ord(text[e.start])
        raise JSONTextError(
            f"a lone surrogate (\\u{code:04x}) is not a character", pointer=join_pointer(path)
        ) from None


def is_names(value: Any) -> bool:
    """Whether a value is an array of strings (names: of members, of properties).

    >>> is_names(["A", "B"]), is_names([]), is_names("A"), is_names(["A", 1])
    (True, True, False, False)
    """
    if not isinstance(value, list):
        return False
    try:
        "".join(value)  # refuses all but strings: each is asked in C, not in a generator
    except TypeError:
        return False
    return True


def json_type(value: Any) -> str:
    """Name a Python value by its JSON type.

    >>> json_type(None), json_type([]), json_type(1.5)
    ('null', 'array', 'number')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    names = {dict: "object", list: "array", str: "string", int: "integer", float: "number"}
    return names.get(type(value), type(value).__name__)


def not_utf8(data: bytes, error: UnicodeDecodeError) -> tuple[int, int, str]:
    """Where bytes that are not UTF-8 stand in JSON text (see `utf8_error`), from Python's
    json's error.

    >>> not_utf8(b'{"a":\\n "caf\\xe9"}', UnicodeDecodeError("utf-8", b"", 11, 12, "invalid"))
    (2, 6, 'not UTF-8 text (byte 0xe9)')
    """
    # Python's json reads UTF-8 with a byte order mark as utf-8-sig: it counts after the mark.
    start = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
    return utf8_error(data, start, error.reason)


def utf8_error(data: bytes, start: int, reason: str = "") -> tuple[int, int, str]:
    """The line and column (1-based, counted in characters) of the byte at `start`, where
    text that is not UTF-8 goes wrong, and the message that names the byte."""
    start = min(start, len(data))
    line, column = line_column(data[:start].decode("utf-8", "replace"))
    byte = f" (byte 0x{data[start]:02x})" if start < len(data) else f": {reason}"
    return line, column, f"not UTF-8 text{byte}"


def line_column(before: str) -> tuple[int, int]:
    r"""The line and column (1-based, in characters) of the place that `before` leads up to,
    each CR LF, LF or lone CR a line break (an editor's and RFC 8259's; Python's json counts
    LFs only, and put all of a CR-only file on line 1).

    >>> line_column('{"a":\r\n  1,\r  x'), line_column("")
    ((3, 4), (1, 1))
    """
    if "\r" not in before:
        return before.count("\n") + 1, len(before) - before.rfind("\n")
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    return line, len(before) - max(before.rfind("\n"), before.rfind("\r"))
