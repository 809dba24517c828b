"""RFC 6901 JSON pointers: build, split and resolve them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def escape_token(token: str | int) -> str:
    """Escape one reference token.

    >>> escape_token("a/b~c")
    'a~1b~0c'
    """
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    """Undo `escape_token`.

    >>> unescape_token("a~1b~0c")
    'a/b~c'
    """
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(tokens: Iterable[str | int]) -> str:
    """Build a pointer from tokens.

    >>> join_pointer(["properties", "Code", "type"])
    '/properties/Code/type'
    >>> join_pointer([])
    ''
    """
    return "".join("/" + escape_token(t) for t in tokens)


def split_pointer(pointer: str) -> tuple[str, ...]:
    """Split a pointer into unescaped tokens; raises ValueError when it is not a pointer.

    >>> split_pointer("/definitions/On~1Failure")
    ('definitions', 'On/Failure')
    """
    if pointer == "":
        return ()
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    tokens = pointer[1:].split("/")
    return tuple(unescape_token(t) for t in tokens) if "~" in pointer else tuple(tokens)


def resolve_pointer(document: Any, pointer: str) -> Any:
    """Return the value the pointer names; raises KeyError when it names nothing.

    >>> resolve_pointer({"a": [{"b": 1}]}, "/a/0/b")
    1
    """
    node = document
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(pointer)
    return node


def value_at(document: Any, pointer: str) -> Any:
    """What the pointer names in the document; None where it names nothing, or is no pointer.

    >>> value_at({"a": [1]}, "/a/0"), value_at({"a": [1]}, "/b"), value_at({}, "a")
    (1, None, None)
    """
    try:
        return resolve_pointer(document, pointer)
    except (KeyError, ValueError):
        return None


def overlaps(path: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether one path lies inside the other; `*` in a schema pointer matches any token.

    >>> overlaps(("Config",), ("Config", "Mode")), overlaps(("Tags", "*", "Key"), ("Tags", "0"))
    (True, True)
    >>> overlaps(("Tags", "*", "Key"), ("Tags", "0", "Value"))
    False
    """
    return all(a == b or "*" in (a, b) for a, b in zip(path, other, strict=False))
