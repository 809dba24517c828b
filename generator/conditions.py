"""Conditions of an object schema: what it asks more of its members when some stand together.

The `then` of an `if` whose required members are there (the object's own, or in `allOf`), and
the schema `dependencies` of members that are there. normalize reads them to build a page's
values, placeholders to fill them in: one reading, so that the two agree on when one holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.jsonpointer import escape_token


def held(schema: Mapping[str, Any], keys: frozenset[str]) -> Iterator[tuple[str, str, Any]]:
    """(member, pointer below `schema`, constraint) of each `then` whose `if` holds for `keys`.

    >>> s = {"allOf": [{"if": {"required": ["A"]}, "then": {"properties": {"B": {"minItems": 2}}}}]}
    >>> list(held(s, frozenset({"A"}))), list(held(s, frozenset()))
    ([('B', '/allOf/0/then/properties/B', {'minItems': 2})], [])
    """
    for where, part in _parts(schema):
        condition, then = part.get("if"), part.get("then")
        if not (isinstance(condition, dict) and isinstance(then, dict)):
            continue
        asked = condition.get("required")
        if isinstance(asked, list) and asked and set(asked) <= keys:
            for member, constraint in (then.get("properties") or {}).items():
                yield member, f"{where}/then/properties/{escape_token(member)}", constraint


def dependent(schema: Mapping[str, Any], keys: frozenset[str]) -> Iterator[tuple[str, str, Any]]:
    """(member, pointer below `schema`, constraint) of what the dependencies of `keys` ask.

    >>> s = {"dependencies": {"A": {"properties": {"B": {"pattern": "^x"}}}}}
    >>> list(dependent(s, frozenset({"A"})))
    [('B', '/dependencies/A/properties/B', {'pattern': '^x'})]
    """
    for where, part in _parts(schema):
        dependencies = part.get("dependencies")
        for trigger, asked in dependencies.items() if isinstance(dependencies, dict) else ():
            if trigger in keys and isinstance(asked, dict):
                for member, constraint in (asked.get("properties") or {}).items():
                    pointer = f"{where}/dependencies/{escape_token(trigger)}/properties"
                    yield member, f"{pointer}/{escape_token(member)}", constraint


def _parts(schema: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The schema and its `allOf` branches, each with its pointer below the schema."""
    branches = schema.get("allOf")
    return [("", schema)] + [
        (f"/allOf/{i}", part)
        for i, part in enumerate(branches if isinstance(branches, list) else ())
        if isinstance(part, dict)
    ]
