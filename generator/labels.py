"""The names of the examples' placeholders: a leaf's own key where that key means one thing on
the page, else as much of its path as tells it apart (`{{ Environment[0].Name }}`)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from generator.model import ArrayValue, ObjectValue, Placeholder, Value


def short_names(
    values: dict[str, Value],
    leaves: dict[tuple[str, ...], dict],
    tops: dict[str, dict],
    notes: Mapping[tuple[str, ...], str | None] = {},
    members: Mapping[tuple[str, ...], frozenset[str]] = {},
    on_page: frozenset[str] | None = None,
) -> dict:
    """Rename placeholders to their own key where the key stands for one schema on the page,
    in objects of the same members (`members`: their member names, and the `$ref` each was
    reached by, by the object's path).

    The `ListenerArns` of a production and a test traffic route (one definition reached from
    two places) stay `ListenerArns`; the `Destination` of `OnFailure` and of `OnSuccess` (two
    definitions of one member each) keeps its path, as the `Arn` of an instance profile beside
    a target group's does; and so does a `StartTime` that is a string in one place and an
    integer in another, a `HostedZoneId` whose description beside its `$ref` (`notes`, by
    path) says it is another zone's than the `HostedZoneId` of the same definition elsewhere,
    and a `Name` of an environment variable (`Name`, `Value`) beside the `Name` of a secret
    (`Name`, `ValueFrom`): one value would fill both.

    Only the leaves of the properties `on_page` (all, when None) are weighed: the others are
    not shown. No name of a nested leaf starts with a top-level property's name: it would read
    as a path through that property.
    """
    schemas = {(name,): schema for name, schema in tops.items()}
    schemas.update(leaves)
    if on_page is not None:
        schemas = {path: schema for path, schema in schemas.items() if path[0] in on_page}
    by_key: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for path in schemas:
        by_key[_key(path)].append(path)
    names: dict[str, str] = {}  # by path name, for those whose name changes
    texts: dict[int, str] = {}  # a schema's JSON text, by id, where two are compared
    for paths in by_key.values():
        # The leaves of one meaning share a name: their key where they are all of one meaning,
        # else the ending of their paths that tells them from the others (`Environment[0].Name`
        # beside `Secrets[0].Name`); a top-level one keeps its key.
        key = _key(paths[0])
        bare = (key,) in paths or key not in tops  # a nested name never reads as a top-level one
        if len(paths) == 1 and bare:
            labels = {paths[0]: key_label(paths[0])}
        else:
            one_schema = all(schemas[p] is schemas[paths[0]] for p in paths)
            groups: dict[tuple, list[tuple[str, ...]]] = defaultdict(list)
            for path in paths:
                text = "" if one_schema else _text_of(schemas[path], texts)
                meaning = (text, notes.get(path), members.get(_member_path(path)[:-1]))
                groups[meaning].append(path)
            if len(groups) == 1 and bare:
                labels = {path: key_label(path) for path in paths}
            else:
                labels = _distinct_labels(list(groups.values()), frozenset(tops))
        for path, label in labels.items():
            if len(path) > 1:
                names[path_label(path)] = label
    if not names:
        return values
    return {prop: _renamed(value, names) for prop, value in values.items()}


def ref_note(schema: Any) -> str | None:
    """The description written beside a `$ref` (of this use of the definition), if any."""
    if type(schema) is dict and "$ref" in schema:
        note = schema.get("description")
        return note.strip() if isinstance(note, str) else None
    return None


def _key(path: tuple[str, ...]) -> str:
    """A leaf's own key: its last property name (array items keep their owner's)."""
    if path[-1] != "*":
        return path[-1]
    return next(p for p in reversed(path) if p != "*")


def _text_of(schema: dict, texts: dict[int, str]) -> str:
    """A schema's JSON text (two schemas of the same text mean the same), kept by id."""
    text = texts.get(id(schema))
    if text is None:
        text = texts[id(schema)] = json.dumps(schema, sort_keys=True, default=str)
    return text


def _distinct_labels(
    groups: list[list[tuple[str, ...]]], tops: frozenset[str] = frozenset()
) -> dict[tuple[str, ...], str]:
    """Labels for leaves of one key in groups of one meaning each: a group's shortest common
    ending (from a property name on, array levels aside) that no path of another group ends
    in; where it has none, the same for its parts that end alike one name further back
    (`InsertHeaders[0].Name` and `ResponseHeaders[0].Name`), down to single paths. No ending
    but a whole path starts with a top-level property's name (`tops`).

    >>> env, secret = ("C", "Environment", "*", "Name"), ("C", "Secrets", "*", "Name")
    >>> sorted(_distinct_labels([[env], [secret]]).values())
    ['Environment[0].Name', 'Secrets[0].Name']
    """
    endings = {path: _endings(path) for group in groups for path in group}
    holders: dict[tuple[str, ...], set[int]] = defaultdict(set)  # groups with such an ending
    for n, group in enumerate(groups):
        for path in group:
            for ending in endings[path]:
                holders[ending].add(n)
    labels: dict[tuple[str, ...], str] = {}
    for n, group in enumerate(groups):
        taken = {ending for ending, held in holders.items() if held != {n}}
        # A top-level property's own path starts there; no other name may.
        shared = {p[0] for p in group if len(p) == 1}
        _label_group(group, taken, 1, labels, endings, tops - shared)
    return labels


def _label_group(
    group: list[tuple[str, ...]],
    taken: set[tuple[str, ...]],
    length: int,
    labels: dict[tuple[str, ...], str],
    endings: Mapping[tuple[str, ...], frozenset[tuple[str, ...]]],
    tops: frozenset[str] = frozenset(),
) -> None:
    """Label a group of paths of one meaning, whose last `length` names are alike; no label
    but a whole path starts with one of `tops`."""
    common = frozenset.intersection(*(endings[p] for p in group))
    for start in _starts(group[0]):
        if start and group[0][start] in tops:
            continue
        ending = _ending(group[0], start)
        if ending in common and ending not in taken:
            label = path_label(group[0][start:])
            labels.update((path, label) for path in group)
            return
    if len(group) == 1 or all(len(_ending(p, 0)) <= length for p in group):
        for path in group:  # no ending is free: the whole path, unique on the page
            labels[path] = path_label(path)
        return
    parts: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for path in group:
        parts[_ending(path, 0)[-(length + 1) :]].append(path)
    for part in parts.values():
        _label_group(part, taken, length + 1, labels, endings, tops)


def _starts(path: tuple[str, ...]) -> list[int]:
    """Where an ending of a path may start, shortest ending first: at a property name."""
    return [i for i in range(len(path) - 1, -1, -1) if path[i] != "*"]


def _ending(path: tuple[str, ...], start: int) -> tuple[str, ...]:
    """The property names of a path from `start` on (array levels aside)."""
    return tuple(t for t in path[start:] if t != "*")


def _endings(path: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Every ending of a path's property names."""
    names = _ending(path, 0)
    return frozenset(names[i:] for i in range(len(names)))


def _member_path(path: tuple[str, ...]) -> tuple[str, ...]:
    """The path of the member a leaf is, or is an item of (array levels dropped)."""
    while len(path) > 1 and path[-1] == "*":
        path = path[:-1]
    return path


def path_label(path: tuple[str, ...]) -> str:
    """A path as a placeholder names it: `Rules[0].Name` for ("Rules", "*", "Name")."""
    return ".".join(path).replace(".*", "[0]")


def key_label(path: tuple[str, ...]) -> str:
    """The short label of a leaf: its key, with `[0]` per array level below it."""
    trail = 0
    for part in reversed(path):
        if part != "*":
            break
        trail += 1
    return _key(path) + "[0]" * trail


def _renamed(value: Value, names: dict[str, str]) -> Value:
    """A value with its placeholders renamed."""
    if isinstance(value, Placeholder):
        name = names.get(value.name)
        return value if name is None else Placeholder(name, value.type)
    if isinstance(value, ObjectValue):
        return ObjectValue(tuple([(k, _renamed(v, names)) for k, v in value.members]))
    if isinstance(value, ArrayValue):
        return ArrayValue(_renamed(value.item, names), value.count, value.label, value.fixed)
    return value
