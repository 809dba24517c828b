"""YAML text as data (the manifests, the known-issues file): JSON's types only, within bounds
of nesting and of aliases written out, and errors placed at their line and column."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import yaml

from generator.statement import line_column

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when it is there
# Nesting that no manifest (or known-issues file) needs: PyYAML builds nested collections by
# recursion, libyaml's composer too, which ends the process some ten thousand levels down.
MAX_YAML_DEPTH = 100
# The values a manifest may come to with its aliases written out: far more than any resource
# has, far fewer than nine aliases of nine make (a billion), which hung validate.
MAX_YAML_VALUES = 100_000


def read_yaml(text: str, loader: Any = _YAML_LOADER) -> Any:
    """YAML text as data; yaml.YAMLError for what cannot be read, a mark where it is known.

    Its events are read first, which takes no recursion, to refuse nesting deeper than
    MAX_YAML_DEPTH where it starts, an alias inside what it names (`&r [*r]`: a loop), and
    aliases that would make more than MAX_YAML_VALUES values (nine of nine of ...: a billion);
    a scalar of its core schema that is no value (the date 2024-13-45) or no JSON value (a
    date, bytes, a set) is an error too.

    >>> read_yaml("a: &x [1, {b: c}]\\nd: *x")
    {'a': [1, {'b': 'c'}], 'd': [1, {'b': 'c'}]}
    >>> read_yaml("a: &r [*r]")
    Traceback (most recent call last):
    ...
    yaml.error.MarkedYAMLError: the alias *r stands inside what it names
      in "<unicode string>", line 1, column 8
    >>> read_yaml("a: *r")
    Traceback (most recent call last):
    ...
    yaml.error.MarkedYAMLError: the alias *r names no anchor (&r) before it
      in "<unicode string>", line 1, column 4
    >>> read_yaml("[" * 101 + "]" * 101)
    Traceback (most recent call last):
    ...
    yaml.error.MarkedYAMLError: nested deeper than 100 levels
      in "<unicode string>", line 1, column 101
    """
    # Per open collection: its anchor and the values in it so far (aliases counted expanded).
    open_: list[tuple[str | None, int]] = [(None, 0)]
    sizes: dict[str, int] = {}  # per anchor, the values of what it names
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            if len(open_) > MAX_YAML_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"nested deeper than {MAX_YAML_DEPTH} levels",
                    problem_mark=event.start_mark,
                )
            open_.append((event.anchor, 1))
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, size = open_.pop()
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in sizes:  # inside what it names (a loop), or of no anchor
                inside = any(anchor == event.anchor for anchor, _ in open_)
                raise yaml.MarkedYAMLError(
                    problem=f"the alias *{event.anchor} stands inside what it names"
                    if inside
                    else f"the alias *{event.anchor} names no anchor (&{event.anchor}) before it",
                    problem_mark=event.start_mark,
                )
            anchor, size = None, sizes[event.anchor]
        elif isinstance(event, yaml.ScalarEvent):
            anchor, size = event.anchor, 1
        else:
            continue
        if anchor is not None:
            sizes[anchor] = size
        owner, held = open_[-1]
        open_[-1] = (owner, held + size)
        if held + size > MAX_YAML_VALUES:
            raise yaml.MarkedYAMLError(
                problem=f"more than {MAX_YAML_VALUES:,} values, its aliases written out",
                problem_mark=event.start_mark,
            )
    try:
        return yaml.load(text, Loader=_json_only(loader))
    except (ValueError, LookupError, TypeError, ArithmeticError) as error:
        # PyYAML's constructors fail so on what they cannot read: `!!bool maybe`, `!!int ''`
        raise yaml.YAMLError(f"{type(error).__name__}: {error}") from error


def _refuse(what: str) -> Callable[[Any, Any], Any]:
    """A YAML constructor that refuses a value JSON has no type for (`what`), where it is."""

    def construct(loader: Any, node: Any) -> Any:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"{node.value!r} reads as {what}, which JSON has not: quote it",
            node.start_mark,
        )

    return construct


@functools.cache
def _json_only(loader: Any) -> Any:
    """The loader, building JSON's types only: a date, bytes or a set (`2024-01-01`,
    `!!binary`, `!!set`) is an error where it stands, not a value no request can carry."""
    refusing = type(f"JSONOnly{loader.__name__}", (loader,), {})
    for tag, what in (("timestamp", "a date"), ("binary", "bytes"), ("set", "a set")):
        refusing.add_constructor(f"tag:yaml.org,2002:{tag}", _refuse(what))
    return refusing


def yaml_problem(error: yaml.YAMLError) -> str:
    """What PyYAML finds wrong, in one line (without its marks)."""
    if isinstance(error, yaml.reader.ReaderError):
        code = error.character if isinstance(error.character, int) else ord(error.character)
        return f"character #x{code:04x} is not allowed"
    return " ".join(str(getattr(error, "problem", None) or error).split())


def yaml_at(error: yaml.YAMLError, text: str) -> tuple[int, int] | None:
    """The line and column (1-based) in `text` of a YAML error, where PyYAML knows it."""
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        return mark.line + 1, mark.column + 1
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow
        position = error.position
        if error.encoding != "unicode":  # libyaml's: an offset in the text's UTF-8 bytes
            position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
        return line_column(text, position)
    return None
