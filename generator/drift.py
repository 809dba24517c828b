"""Schema drift: what changed between two sets of CloudFormation schemas, per type.

Pure. Each schema is first reduced to a `SchemaShape` (the facts a reader of the docs relies on:
properties and their types, required, identifiers, property lists, handlers and permissions,
descriptions); two shapes are then compared. Findings name the place by RFC 6901 JSON pointer.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from generator.definitions import MAX_REF_HOPS
from generator.errors import UsageError
from generator.jsonpointer import join_pointer, split_pointer, value_at
from generator.model import Spec

HANDLER_ORDER = ("create", "read", "update", "delete", "list")
# Keywords whose value is one subschema, a list of them, or a map of names to them.
_ONE_SCHEMA = ("items", "additionalProperties")
_SCHEMA_LISTS = ("oneOf", "anyOf", "allOf")
_SCHEMA_MAPS = ("definitions", "patternProperties")


class DriftKind(Enum):
    """What changed; definition order is the report order within a type."""

    TYPE_ADDED = "type-added"
    TYPE_REMOVED = "type-removed"
    PROPERTY_ADDED = "property-added"
    PROPERTY_REMOVED = "property-removed"
    PROPERTY_RETYPED = "property-retyped"
    REQUIRED_ADDED = "required-added"
    REQUIRED_REMOVED = "required-removed"
    PRIMARY_IDENTIFIER_CHANGED = "primary-identifier-changed"
    CREATE_ONLY_ADDED = "create-only-added"
    CREATE_ONLY_REMOVED = "create-only-removed"
    READ_ONLY_ADDED = "read-only-added"
    READ_ONLY_REMOVED = "read-only-removed"
    WRITE_ONLY_ADDED = "write-only-added"
    WRITE_ONLY_REMOVED = "write-only-removed"
    HANDLER_ADDED = "handler-added"
    HANDLER_REMOVED = "handler-removed"
    PERMISSION_ADDED = "permission-added"
    PERMISSION_REMOVED = "permission-removed"
    DESCRIPTION_CHANGED = "description-changed"
    # a schema that moved unchanged: a definition renamed, or a property's made a definition
    MOVED = "moved"
    OTHER_CHANGED = "other-changed"  # none of the above, yet the document differs
    LAYOUT_CHANGED = "layout-changed"  # the JSON text only: fetch rewrites the file all the same
    # the region the lock records it was fetched for (which its examples name) is not the
    # source's: a fetch records the source's, whether the schema changed or not
    REGION_CHANGED = "region-changed"


_KIND_ORDER = {kind: i for i, kind in enumerate(DriftKind)}


@dataclass(frozen=True, slots=True)
class Drift:
    """One change of one type, `before` (e.g. specs/) to `after` (e.g. the source).

    `pointer` names the subject: a property (`/properties/Foo`,
    `/definitions/OnFailure/properties/Destination`), `/primaryIdentifier`, a handler
    (`/handlers/create`), its permissions (`/handlers/create/permissions`), or `` for the type
    itself. `before`/`after` hold the value that went or came (None when there is none); of
    `other-changed`, `after` holds the places that changed (see `unitemized`), joined by `, `.
    """

    kind: DriftKind
    type_name: str
    pointer: str
    before: str | None
    after: str | None
    message: str


@dataclass(frozen=True, slots=True)
class PropertyShape:
    """A property as drift sees it: where it is, its type in words, its description; and its
    type in words without the names of definitions (`array of object`), which tells whether
    it changed (a definition renamed retypes nothing)."""

    pointer: str
    type: str
    description: str | None
    kind: str = ""


@dataclass(frozen=True, slots=True)
class SchemaShape:
    """The facts of one schema that drift compares; lists hold property pointers."""

    type_name: str
    description: str | None
    properties: tuple[PropertyShape, ...]
    required: tuple[str, ...]
    primary_identifier: tuple[str, ...]
    create_only: tuple[str, ...]
    read_only: tuple[str, ...]
    write_only: tuple[str, ...]
    handlers: tuple[tuple[str, tuple[str, ...]], ...]


def diff_specs(before: Sequence[Spec], after: Sequence[Spec]) -> tuple[Drift, ...]:
    """Compare two sets of schemas by type name; findings sorted by type, kind, pointer."""
    old, new = _by_type(before), _by_type(after)
    found: list[Drift] = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            found.append(Drift(DriftKind.TYPE_REMOVED, name, "", name, None, "type removed"))
        elif name not in old:
            found.append(Drift(DriftKind.TYPE_ADDED, name, "", None, name, "type added"))
        elif old[name].sha256 == new[name].sha256:
            continue  # the same bytes (most, from one week to the next): nothing to walk
        else:
            was, now = old[name].document, new[name].document
            before_shape, after_shape = shape_of(old[name]), shape_of(new[name])
            moves = relocations(was, now, after_shape)
            branches = _branch_moves(before_shape, after_shape)
            changes = diff_shapes(before_shape, after_shape, moves, branches)
            rest = unitemized(was, now, changes, moves, branches)
            if rest:
                changes += (_drift(DriftKind.OTHER_CHANGED, name, "", None, ", ".join(rest)),)
            elif not changes:  # (not the same bytes: a fetch writes them)
                kind = DriftKind.OTHER_CHANGED if _differ(old[name], new[name]) else None
                changes = (_drift(kind or DriftKind.LAYOUT_CHANGED, name, "", None, None),)
            found.extend(changes)
    return sort_drift(found)


def _differ(before: Spec, after: Spec) -> bool:
    """Whether two schemas differ as documents (not only in their JSON text's layout)."""
    if before.sha256 == after.sha256:
        return False
    return json.dumps(before.document, sort_keys=True) != json.dumps(after.document, sort_keys=True)


def diff_shapes(
    before: SchemaShape,
    after: SchemaShape,
    relocated: dict[str, str] | None = None,
    branch_moves: dict[str, str] | None = None,
) -> tuple[Drift, ...]:
    """Compare two shapes of the same type; findings sorted by kind, pointer. `relocated`:
    the places of schemas that moved unchanged (see `relocations`), whose members are compared
    where they were; `branch_moves`, of choices that moved in their lists, `_branch_moves` of
    the two shapes (made here where not given)."""
    relocated = relocated or {}
    if branch_moves is None:
        branch_moves = _branch_moves(before, after)
    moved = _moved(after, relocated, branch_moves)
    found = [
        *(
            _drift(DriftKind.MOVED, after.type_name, now[:-1], was[:-1], now[:-1])
            for now, was in sorted(relocated.items())
        ),
        *_diff_properties(before, after, moved),
        *_diff_members(
            after.type_name,
            before.required,
            after.required,
            DriftKind.REQUIRED_ADDED,
            DriftKind.REQUIRED_REMOVED,
            moved,
        ),
        *_diff_identifier(before, after),
        *_diff_members(
            after.type_name,
            before.create_only,
            after.create_only,
            DriftKind.CREATE_ONLY_ADDED,
            DriftKind.CREATE_ONLY_REMOVED,
            moved,
        ),
        *_diff_members(
            after.type_name,
            before.read_only,
            after.read_only,
            DriftKind.READ_ONLY_ADDED,
            DriftKind.READ_ONLY_REMOVED,
            moved,
        ),
        *_diff_members(
            after.type_name,
            before.write_only,
            after.write_only,
            DriftKind.WRITE_ONLY_ADDED,
            DriftKind.WRITE_ONLY_REMOVED,
            moved,
        ),
        *_diff_handlers(before, after),
    ]
    if before.description != after.description:
        found.append(
            _drift(
                DriftKind.DESCRIPTION_CHANGED,
                after.type_name,
                "",
                before.description,
                after.description,
            )
        )
    # A property removed is no longer required, read-only and so on: that goes without saying.
    gone = {d.pointer for d in found if d.kind is DriftKind.PROPERTY_REMOVED}
    found = [d for d in found if not (d.kind in _LEFT_WITH_IT and d.pointer in gone)]
    return sort_drift(found)


def _moved(
    after: SchemaShape, relocated: dict[str, str], branch_moves: dict[str, str]
) -> dict[str, str]:
    """The pointers of `after` that are compared where they were in `before`: those of a
    choice that moved in its list (`branch_moves`), and those under a schema that moved
    (`relocated`)."""
    moved = dict(branch_moves)
    if relocated:
        prefixes = sorted(relocated, key=len, reverse=True)  # the longest first
        for pointer in _pointers(after):
            placed = _relocate(moved.get(pointer, pointer), relocated, prefixes)
            if placed != pointer:
                moved[pointer] = placed
    return moved


# What a property's removal takes with it.
_LEFT_WITH_IT = frozenset(
    {
        DriftKind.REQUIRED_REMOVED,
        DriftKind.CREATE_ONLY_REMOVED,
        DriftKind.READ_ONLY_REMOVED,
        DriftKind.WRITE_ONLY_REMOVED,
    }
)


def shape_of(spec: Spec) -> SchemaShape:
    """Reduce a parsed schema to the facts drift compares (the one reader of its document)."""
    document = spec.document
    properties: list[PropertyShape] = []
    required: list[str] = []
    _walk(document, (), properties, required, document)
    handlers = document.get("handlers") if isinstance(document.get("handlers"), dict) else {}
    return SchemaShape(
        type_name=spec.type_name,
        description=_text(document.get("description")),
        properties=tuple(properties),
        required=tuple(required),
        primary_identifier=_strings(document.get("primaryIdentifier")),
        create_only=_strings(document.get("createOnlyProperties")),
        read_only=_strings(document.get("readOnlyProperties")),
        write_only=_strings(document.get("writeOnlyProperties")),
        handlers=tuple(
            (name, _strings(handlers[name].get("permissions")))
            for name in HANDLER_ORDER
            if isinstance(handlers.get(name), dict)
        ),
    )


def describe_type(
    schema: dict, document: dict | None = None, seen: tuple[str, ...] = (), named: bool = True
) -> str:
    """Say a property's type in words: JSON type, definition name, `array of ...`; with the
    `document`, a definition's name is followed by its own type (the type the page shows), so
    that a definition that changes type changes the type of each property that names it.
    Not `named`: without the names of definitions (`object`, not `Tag (object)`).

    >>> describe_type({"type": "string"}), describe_type({"$ref": "#/definitions/Tag"})
    ('string', 'Tag')
    >>> describe_type({"type": "array", "items": {"$ref": "#/definitions/Tag"}})
    'array of Tag'
    >>> describe_type({"type": ["string", "object"]}), describe_type({})
    ('string or object', 'any')
    >>> describe_type({"oneOf": [{"type": "string"}, {"type": "integer"}]})
    'string or integer'
    >>> describe_type({"$ref": "#/definitions/Tag"}, {"definitions": {"Tag": {"type": "object"}}})
    'Tag (object)'
    >>> describe_type({"$ref": "#/definitions/Tag"}, {"definitions": {"Tag": {}}}, named=False)
    'any'
    """
    ref = schema.get("$ref")
    if isinstance(ref, str):
        tokens = split_pointer(ref.partition("#")[2]) if "#/" in ref else ()
        name = tokens[-1] if tokens else ref
        followed = ref not in seen and len(seen) < MAX_REF_HOPS
        target = _target(document, ref) if document is not None and followed else None
        if not isinstance(target, dict):
            return name if named or followed else "recursive"
        words = describe_type(target, document, (*seen, ref), named)
        return f"{name} ({words})" if named else words
    kind = schema.get("type")
    if isinstance(kind, list):
        words = " or ".join(str(k) for k in kind)
    elif isinstance(kind, str):
        words = kind
    elif isinstance(schema.get("properties"), dict):
        words = "object"
    else:
        branches = schema.get("oneOf") or schema.get("anyOf")
        if isinstance(branches, list) and all(isinstance(b, dict) for b in branches):
            described = (describe_type(b, document, seen, named) for b in branches)
            return " or ".join(dict.fromkeys(described)) or "any"
        return "any"
    items = schema.get("items")
    if words == "array" and isinstance(items, dict):
        return f"array of {describe_type(items, document, seen, named)}"
    return words


def _target(document: dict, ref: str) -> Any:
    """What a local `$ref` names in the document, None when it names nothing."""
    return value_at(document, ref[1:]) if ref.startswith("#") else None


def _description(schema: dict, document: dict) -> str | None:
    """The description a page shows for a property: its own, else (where it has none, or an
    empty one) that of the definition its `$ref` names."""
    own = _text(schema.get("description"))
    if own and own.strip():
        return own
    ref = schema.get("$ref")
    target = _target(document, ref) if isinstance(ref, str) else None
    if isinstance(target, dict) and (named := _text(target.get("description"))):
        return named
    return own


def _walk(
    node: Any, path: tuple, properties: list[PropertyShape], required: list[str], document: dict
) -> None:
    """Collect every property (members of `properties`, at any depth) and required pointers."""
    if not isinstance(node, dict):
        return
    members = node.get("properties")
    if isinstance(members, dict):
        for name, schema in members.items():
            here = (*path, "properties", name)
            if isinstance(schema, dict):
                properties.append(
                    PropertyShape(
                        join_pointer(here),
                        describe_type(schema, document),
                        _description(schema, document),
                        describe_type(schema, document, named=False),
                    )
                )
            _walk(schema, here, properties, required, document)
        # `required` names members of this node; a oneOf branch's bare `required` is a
        # constraint on its parent, not a property list, and is left out.
        for name in _strings(node.get("required")):
            if name in members:
                required.append(join_pointer((*path, "properties", name)))
    for key in _ONE_SCHEMA:
        _walk(node.get(key), (*path, key), properties, required, document)
    for key in _SCHEMA_LISTS:
        branches = node.get(key)
        for i, branch in enumerate(branches if isinstance(branches, list) else ()):
            _walk(branch, (*path, key, i), properties, required, document)
    for key in _SCHEMA_MAPS:
        named = node.get(key)
        for name, schema in named.items() if isinstance(named, dict) else ():
            _walk(schema, (*path, key, name), properties, required, document)


def _diff_properties(
    before: SchemaShape, after: SchemaShape, moved: dict[str, str]
) -> Iterator[Drift]:
    """Properties added, removed, retyped, or with a new description (those of a `oneOf` or
    `anyOf` choice that moved in its list compared where it was; named where they are)."""
    old = {p.pointer: p for p in before.properties}
    new = {moved.get(p.pointer, p.pointer): p for p in after.properties}
    name = after.type_name
    for key in sorted(old.keys() | new.keys()):
        was, now = old.get(key), new.get(key)
        if was is None and now is not None:
            yield _drift(DriftKind.PROPERTY_ADDED, name, now.pointer, None, now.type)
        elif now is None and was is not None:
            yield _drift(DriftKind.PROPERTY_REMOVED, name, key, was.type, None)
        elif was is not None and now is not None:
            if was.kind != now.kind:
                yield _drift(DriftKind.PROPERTY_RETYPED, name, now.pointer, was.type, now.type)
            if was.description != now.description:
                yield _drift(
                    DriftKind.DESCRIPTION_CHANGED,
                    name,
                    now.pointer,
                    was.description,
                    now.description,
                )


def _diff_members(
    type_name: str,
    before: tuple[str, ...],
    after: tuple[str, ...],
    added: DriftKind,
    removed: DriftKind,
    moved: dict[str, str] | None = None,
) -> Iterator[Drift]:
    """Pointers that entered or left a list compared as a set (required, create-only, ...);
    those of a choice that moved in its list (`moved`), where it was."""
    moved = moved or {}
    now = {moved.get(p, p): p for p in after}
    for key in sorted(now.keys() - set(before)):
        yield _drift(added, type_name, now[key], None, now[key])
    for pointer in sorted(set(before) - now.keys()):
        yield _drift(removed, type_name, pointer, pointer, None)


def relocations(before: dict, after: dict, shape: SchemaShape) -> dict[str, str]:
    """The places of schemas that moved unchanged from `before` to `after` (`shape` is
    after's), each as the prefix of the pointers under it in `after` (ending in `/`) with the
    one they had in `before`: a definition renamed (`/definitions/TopicTag/` was
    `/definitions/Tag/`); a property's schema (or its `items`) made a definition that its
    `$ref` names, or a definition written back in its place. Unchanged: alike but for its
    description (which the property keeps) and its place; each move one of a kind."""
    old_defs, new_defs = _definitions(before), _definitions(after)
    gone = {n: _canon(d) for n, d in old_defs.items() if n not in new_defs}
    came = {n: _canon(d) for n, d in new_defs.items() if n not in old_defs}
    moves: dict[str, str] = {}
    for name, text in came.items():
        same = [o for o, t in gone.items() if t == text]
        if len(same) == 1 and list(came.values()).count(text) == 1:
            moves[_defined(name)] = _defined(same[0])
    renamed_from = set(moves.values())
    for pointer in (p.pointer for p in shape.properties):
        for part in ("", "/items"):
            now, was = value_at(after, pointer + part), value_at(before, pointer + part)
            new_ref, old_ref = _named_definition(now), _named_definition(was)
            if new_ref in came and was is not None and old_ref is None:  # made a definition
                if _defined(new_ref) not in moves and _canon(was) == came[new_ref]:
                    moves[_defined(new_ref)] = f"{pointer}{part}/"
            elif old_ref in gone and now is not None and new_ref is None:  # written back
                if _defined(old_ref) not in renamed_from and _canon(now) == gone[old_ref]:
                    moves[f"{pointer}{part}/"] = _defined(old_ref)
    return moves


def unitemized(
    before: dict,
    after: dict,
    changes: Sequence[Drift],
    relocated: dict[str, str],
    branch_moves: dict[str, str],
) -> tuple[str, ...]:
    """Where two schemas of a type differ beyond `changes` (what `diff_shapes` found in them,
    with `relocated` and `branch_moves` as it took them): the places, sorted, each a schema's
    keyword (`/properties/Runtime/enum`, `/tagging`, `/handlers/list/timeoutInMinutes`).

    Each document is cut into its values at their pointers (`after`'s taken where they were in
    `before`), leaving out what `changes` says: a list of required names, of property pointers
    or of permissions without the members that came or went, a description that changed, a
    property added, removed or retyped whole, a handler added or removed, the primary
    identifier. What then differs is the rest.
    """
    moves = _Moves(relocated, branch_moves)
    said = _Said(changes, moves, before, after)
    old = dict(_leaves(before, (), "root", said.before_drops, str))
    new = dict(_leaves(after, (), "root", said.after_drops, moves.place))
    for flat in (old, new):  # a moved schema's own description stays with its property
        for root in moves.roots:
            flat.pop(f"{root}/description", None)
        for pointer in [p for p, v in flat.items() if p.endswith("/$ref") and v in moves.refs]:
            del flat[pointer]
    # A definition that came or went is part of the change to what names it (a property
    # added, a `$ref` changed); one that nothing names is a place of its own. A choice that
    # came or went is what its members did.
    was = {join_pointer(("definitions", n)) for n in _definitions(before)}
    now = {moves.place(join_pointer(("definitions", n))) for n in _definitions(after)}
    refs = ((p, v[1:]) for flat in (old, new) for p, v in flat.items() if p.endswith("/$ref"))
    named = {target for p, target in refs if not p.startswith(f"{target}/")}  # (not by itself)
    said.trees.update((was ^ now) & named)
    unnamed = sorted((was ^ now) - named)
    choices = _choice_roots(old), _choice_roots(new)
    members = said.members
    said.trees.update(
        c for c in choices[0] ^ choices[1] if any(m.startswith(f"{c}/") for m in members)
    )
    places = {
        next((d for d in unnamed if pointer.startswith(f"{d}/")), None) or _place(pointer)
        for pointer in old.keys() ^ new.keys()
        | {p for p in old.keys() & new.keys() if old[p] != new[p]}
        if not said.covers(pointer)
    }
    return tuple(sorted(places))


def _choice_roots(flat: dict[str, str]) -> set[str]:
    """The pointers of the choices (`oneOf`/`anyOf`/`allOf` members) the values are in."""
    roots = set()
    for pointer in flat:
        tokens = split_pointer(pointer)
        roots.update(
            join_pointer(tokens[: k + 2])
            for k in range(len(tokens) - 1)
            if tokens[k] in _SCHEMA_LISTS
        )
    return roots


class _Moves:
    """Where the pointers of `after` were in `before`: a choice's moved in its list (first),
    then a schema's that moved (see `relocations`)."""

    def __init__(self, relocated: dict[str, str], branch_moves: dict[str, str]) -> None:
        branches: dict[str, str] = {}
        for now, was in branch_moves.items():  # a choice's place, from its members'
            new, old = split_pointer(now), split_pointer(was)
            last = max(i for i, (a, b) in enumerate(zip(new, old, strict=False)) if a != b)
            branches[join_pointer(new[: last + 1]) + "/"] = join_pointer(old[: last + 1]) + "/"
        self.steps = [
            (moves, sorted(moves, key=len, reverse=True)) for moves in (branches, relocated)
        ]
        self.roots = {p[:-1] for p in (*relocated, *relocated.values())}
        self.refs = {f"#{root}" for root in self.roots}

    def place(self, pointer: str) -> str:
        """The pointer of `after` as `before` has it."""
        pointer += "/"
        for moves, prefixes in self.steps:
            pointer = _relocate(pointer, moves, prefixes)
        return pointer[:-1]


# The lists whose members the report itemizes, at the top of a schema: property pointers.
_POINTER_LISTS = ("createOnlyProperties", "readOnlyProperties", "writeOnlyProperties")
_LIST_OF = {
    DriftKind.CREATE_ONLY_ADDED: "/createOnlyProperties",
    DriftKind.CREATE_ONLY_REMOVED: "/createOnlyProperties",
    DriftKind.READ_ONLY_ADDED: "/readOnlyProperties",
    DriftKind.READ_ONLY_REMOVED: "/readOnlyProperties",
    DriftKind.WRITE_ONLY_ADDED: "/writeOnlyProperties",
    DriftKind.WRITE_ONLY_REMOVED: "/writeOnlyProperties",
}
_ADDED = frozenset(
    {
        DriftKind.REQUIRED_ADDED,
        DriftKind.CREATE_ONLY_ADDED,
        DriftKind.READ_ONLY_ADDED,
        DriftKind.WRITE_ONLY_ADDED,
        DriftKind.PERMISSION_ADDED,
    }
)
# Of what the report itemizes, what stands for all there is beneath it.
_WHOLE = frozenset(
    {
        DriftKind.PROPERTY_ADDED,
        DriftKind.PROPERTY_REMOVED,
        DriftKind.PROPERTY_RETYPED,
        DriftKind.HANDLER_ADDED,
        DriftKind.HANDLER_REMOVED,
        DriftKind.PRIMARY_IDENTIFIER_CHANGED,
    }
)


class _Said:
    """What a type's itemized changes say, as the places of `before` they account for."""

    def __init__(self, changes: Sequence[Drift], moves: _Moves, before: dict, after: dict):
        self.trees: set[str] = set()  # each value under these pointers
        self.members: set[str] = set()  # the properties that came or went
        self.descriptions: set[str] = set()
        # the members of lists that came (`after`'s pointers) or went (`before`'s)
        self.after_drops: set[tuple[str, str]] = set()
        self.before_drops: set[tuple[str, str]] = set()
        for d in changes:
            kind, pointer = d.kind, d.pointer
            drops = self.after_drops if kind in _ADDED else self.before_drops
            # (a property removed is named where it was; the others, where they are)
            here = pointer if kind is DriftKind.PROPERTY_REMOVED else moves.place(pointer)
            if kind in _WHOLE:
                self.trees.add(here)
            if kind in (DriftKind.PROPERTY_ADDED, DriftKind.PROPERTY_REMOVED):
                self.members.add(here)
            if kind is DriftKind.PROPERTY_REMOVED:  # and so from every list it was in
                drops.update((listed, pointer) for listed in _LIST_OF.values())
            if kind in (
                DriftKind.REQUIRED_ADDED,
                DriftKind.REQUIRED_REMOVED,
                DriftKind.PROPERTY_REMOVED,
            ):
                tokens = split_pointer(pointer)
                if len(tokens) >= 2 and tokens[-2] == "properties":
                    drops.add((join_pointer((*tokens[:-2], "required")), tokens[-1]))
            elif kind in _LIST_OF:
                drops.add((_LIST_OF[kind], pointer))
            elif kind in (DriftKind.PERMISSION_ADDED, DriftKind.PERMISSION_REMOVED):
                drops.add((pointer, d.after if kind in _ADDED else d.before or ""))
            elif kind is DriftKind.DESCRIPTION_CHANGED:
                self._description(pointer, moves, before, after)

    def _description(self, pointer: str, moves: _Moves, before: dict, after: dict) -> None:
        """A description that changed: the property's own, or its definition's (see
        `_description`), as either side has it."""
        place = moves.place(pointer)
        self.descriptions.add(f"{place}/description")
        for schema, where in (
            (value_at(after, pointer), moves.place),
            (value_at(before, place), str),
        ):
            ref = schema.get("$ref") if isinstance(schema, dict) else None
            if isinstance(ref, str) and ref.startswith("#"):
                self.descriptions.add(f"{where(ref[1:])}/description")

    def covers(self, pointer: str) -> bool:
        """Whether the changes account for the value at `pointer` (of `before`'s places)."""
        if pointer in self.descriptions:
            return True
        tokens = split_pointer(pointer)
        return any(join_pointer(tokens[:n]) in self.trees for n in range(1, len(tokens) + 1))


def _leaves(
    node: Any,
    tokens: tuple[str, ...],
    context: str,
    drops: set[tuple[str, str]],
    place: Callable[[str], str],
) -> Iterator[tuple[str, str]]:
    """Each value of a schema (`context` "root") at its pointer as `place` puts it, as JSON
    text: a scalar, an empty array or object, and whole a list the report itemizes (required
    names, property pointers, permissions) without its members in `drops`."""
    if isinstance(node, dict) and node and context != "data":
        for key, value in node.items():
            here = (*tokens, key)
            if context == "root" and key == "handlers" and isinstance(value, dict):
                for handler, spec in value.items():
                    yield from _leaves(spec, (*here, handler), "handler", drops, place)
            elif context == "root" and key in _POINTER_LISTS and isinstance(value, list):
                yield from _list_leaf(value, here, drops, place, place)
            elif context == "handler" and key == "permissions" and isinstance(value, list):
                yield from _list_leaf(value, here, drops, place, str)
            elif context == "handler":
                sub = "schema" if key == "handlerSchema" else "data"
                yield from _leaves(value, here, sub, drops, place)
            elif key in ("properties", *_SCHEMA_MAPS) and isinstance(value, dict):  # ({}: none)
                for name, schema in value.items():
                    yield from _leaves(schema, (*here, name), "schema", drops, place)
            elif key in _ONE_SCHEMA:
                yield from _leaves(value, here, "schema", drops, place)
            elif key in _SCHEMA_LISTS and isinstance(value, list) and value:
                for i, schema in enumerate(value):
                    yield from _leaves(schema, (*here, str(i)), "schema", drops, place)
            elif key == "required" and isinstance(value, list):
                yield from _list_leaf(value, here, drops, place, str)
            elif key == "$ref" and isinstance(value, str) and value.startswith("#"):
                yield place(join_pointer(here)), "#" + place(value[1:])
            else:
                yield from _leaves(value, here, "data", drops, place)
    elif isinstance(node, dict) and node:
        for key, value in node.items():
            yield from _leaves(value, (*tokens, key), "data", drops, place)
    elif isinstance(node, list) and node:
        for i, value in enumerate(node):
            yield from _leaves(value, (*tokens, str(i)), "data", drops, place)
    else:
        yield place(join_pointer(tokens)), json.dumps(node, sort_keys=True)


def _list_leaf(
    members: list,
    tokens: tuple[str, ...],
    drops: set[tuple[str, str]],
    place: Callable[[str], str],
    member: Callable[[str], str],
) -> Iterator[tuple[str, str]]:
    """A list the report itemizes, as one value: its members but those that came or went, as
    a set (as the report compares them); none for none (an empty list is no list)."""
    pointer = join_pointer(tokens)
    kept = {
        json.dumps(member(m) if isinstance(m, str) else m, sort_keys=True)
        for m in members
        if not (isinstance(m, str) and (pointer, m) in drops)
    }
    if kept:
        yield place(pointer), f"[{', '.join(sorted(kept))}]"


def _place(pointer: str) -> str:
    """The place of a value in a schema: the keyword of the schema (a property, definition,
    choice, items, ...) that holds it.

    >>> _place("/properties/Runtime/enum/3"), _place("/tagging/taggable")
    ('/properties/Runtime/enum', '/tagging')
    >>> _place("/definitions/A/items/properties/B/pattern")
    '/definitions/A/items/properties/B/pattern'
    >>> _place("/handlers/list/handlerSchema/required"), _place("/handlers/read/timeoutInMinutes")
    ('/handlers/list/handlerSchema/required', '/handlers/read/timeoutInMinutes')
    """
    tokens = split_pointer(pointer)
    i = 0
    if tokens[:1] == ("handlers",) and len(tokens) > 2:
        if tokens[2] != "handlerSchema":
            return join_pointer(tokens[:3])
        i = 3
    while i < len(tokens):
        if tokens[i] in ("properties", *_SCHEMA_MAPS, *_SCHEMA_LISTS) and i + 1 < len(tokens):
            i += 2
        elif tokens[i] in _ONE_SCHEMA:
            i += 1
        else:
            return join_pointer(tokens[: i + 1])
    return join_pointer(tokens)


def _definitions(document: dict) -> dict[str, Any]:
    """A schema's definitions (none where `definitions` is no object)."""
    found = document.get("definitions")
    return found if isinstance(found, dict) else {}


def _defined(name: str) -> str:
    """The pointer prefix of the members of a definition."""
    return join_pointer(("definitions", name)) + "/"


def _canon(schema: Any) -> str:
    """A schema as comparable text: without its own description, keys sorted."""
    if isinstance(schema, dict):
        schema = {k: v for k, v in schema.items() if k != "description"}
    return json.dumps(schema, sort_keys=True)


def _named_definition(schema: Any) -> str | None:
    """The definition a schema names by `$ref` (`#/definitions/Name`), None for another."""
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        tokens = split_pointer(ref[1:])
        return tokens[1] if len(tokens) == 2 else None
    return None


def _relocate(pointer: str, relocated: dict[str, str], prefixes: Sequence[str]) -> str:
    """A pointer of `after` where its schema was in `before`, by the longest prefix moved
    (`prefixes`: those of `relocated`, longest first)."""
    for prefix in prefixes:
        if pointer.startswith(prefix):
            return relocated[prefix] + pointer[len(prefix) :]
    return pointer


def _pointers(shape: SchemaShape) -> set[str]:
    """Every pointer a shape holds: its properties' and its lists'."""
    return {
        *(p.pointer for p in shape.properties),
        *shape.required,
        *shape.create_only,
        *shape.read_only,
        *shape.write_only,
    }


def _branch_moves(before: SchemaShape, after: SchemaShape) -> dict[str, str]:
    """The pointers of `after` in a `oneOf`/`anyOf`/`allOf` choice that moved in its list
    (one inserted before it: the same members at another index), each with the pointer it
    had in `before`. A choice is known by its members' names; one of no members, or of the
    members of two choices, is taken where it is."""
    was = _choices(p.pointer for p in before.properties)
    now = _choices(p.pointer for p in after.properties)
    indexes: dict[tuple[str, ...], dict[str, str]] = {}  # by list (as in after): index moves

    def place(tokens: tuple[str, ...]) -> tuple[str, ...]:
        """Tokens of `after` as `before` has them."""
        out: list[str] = []
        for i, token in enumerate(tokens):
            if i and tokens[i - 1] in _SCHEMA_LISTS and tokens[:i] in now:
                if tokens[:i] not in indexes:  # once a list
                    indexes[tokens[:i]] = _matched(now[tokens[:i]], was.get(tuple(out), {}))
                token = indexes[tokens[:i]].get(token, token)
            out.append(token)
        return tuple(out)

    moves = {}
    for pointer in _pointers(after):
        if not any(f"/{key}/" in pointer for key in _SCHEMA_LISTS):
            continue
        tokens = split_pointer(pointer)
        placed = place(tokens)
        if placed != tokens:
            moves[pointer] = join_pointer(placed)
    return moves


def _choices(pointers: Iterator[str]) -> dict[tuple[str, ...], dict[str, frozenset[str]]]:
    """Of each list of choices (its tokens, up to `oneOf`), each choice's own members' names,
    by its index."""
    found: dict[tuple[str, ...], dict[str, set[str]]] = {}
    for pointer in pointers:
        tokens = split_pointer(pointer)
        for k in range(len(tokens) - 3):
            if tokens[k] in _SCHEMA_LISTS and tokens[k + 2] == "properties":
                found.setdefault(tokens[: k + 1], {}).setdefault(tokens[k + 1], set()).add(
                    tokens[k + 3]
                )
    return {
        key: {i: frozenset(names) for i, names in choices.items()} for key, choices in found.items()
    }


def _matched(now: dict[str, frozenset[str]], was: dict[str, frozenset[str]]) -> dict[str, str]:
    """Each index of `now` whose choice `was` has, alone, at another index: that index."""
    counts = Counter(now.values())
    moves = {}
    for index, names in now.items():
        same = [i for i, other in was.items() if other == names]
        if len(same) == 1 and same[0] != index and counts[names] == 1:
            moves[index] = same[0]
    return moves


def _diff_identifier(before: SchemaShape, after: SchemaShape) -> Iterator[Drift]:
    """The primary identifier, compared in order: its order is the order of the id parts."""
    if before.primary_identifier != after.primary_identifier:
        yield _drift(
            DriftKind.PRIMARY_IDENTIFIER_CHANGED,
            after.type_name,
            "/primaryIdentifier",
            _join(before.primary_identifier),
            _join(after.primary_identifier),
        )


def _diff_handlers(before: SchemaShape, after: SchemaShape) -> Iterator[Drift]:
    """Handlers added or removed, and permissions gained or lost by the handlers in both."""
    old, new = dict(before.handlers), dict(after.handlers)
    name = after.type_name
    for handler in HANDLER_ORDER:
        here = join_pointer(("handlers", handler))
        if handler in new and handler not in old:
            yield _drift(DriftKind.HANDLER_ADDED, name, here, None, _join(new[handler]))
        elif handler in old and handler not in new:
            yield _drift(DriftKind.HANDLER_REMOVED, name, here, _join(old[handler]), None)
        elif handler in old:
            perms = join_pointer(("handlers", handler, "permissions"))
            for permission in sorted(set(new[handler]) - set(old[handler])):
                yield _drift(DriftKind.PERMISSION_ADDED, name, perms, None, permission)
            for permission in sorted(set(old[handler]) - set(new[handler])):
                yield _drift(DriftKind.PERMISSION_REMOVED, name, perms, permission, None)


def _drift(
    kind: DriftKind, type_name: str, pointer: str, before: str | None, after: str | None
) -> Drift:
    """A finding with its sentence."""
    return Drift(kind, type_name, pointer, before, after, describe(kind, pointer, before, after))


def describe(kind: DriftKind, pointer: str, before: str | None, after: str | None) -> str:
    """The sentence a reviewer reads for one change (Markdown code spans, no type name).

    >>> describe(DriftKind.REQUIRED_REMOVED, "/properties/Qualifier", "/properties/Qualifier", None)
    '`/properties/Qualifier` is no longer required'
    >>> describe(DriftKind.PERMISSION_ADDED, "/handlers/read/permissions", None, "s3:GetObject")
    'handler `read` needs a new permission `s3:GetObject`'
    """
    subject = code(pointer)
    handler = code(split_pointer(pointer)[1]) if pointer.startswith("/handlers/") else ""
    sentences = {
        DriftKind.TYPE_ADDED: "type added",
        DriftKind.TYPE_REMOVED: "type removed",
        DriftKind.PROPERTY_ADDED: f"property {subject} added ({after})",
        DriftKind.PROPERTY_REMOVED: f"property {subject} removed (was {before})",
        DriftKind.PROPERTY_RETYPED: f"property {subject} changed type from {before} to {after}",
        DriftKind.REQUIRED_ADDED: f"{subject} is now required",
        DriftKind.REQUIRED_REMOVED: f"{subject} is no longer required",
        DriftKind.PRIMARY_IDENTIFIER_CHANGED: (
            f"primary identifier changed from {_codes(before)} to {_codes(after)}"
        ),
        DriftKind.CREATE_ONLY_ADDED: f"{subject} is now create-only",
        DriftKind.CREATE_ONLY_REMOVED: f"{subject} is no longer create-only",
        DriftKind.READ_ONLY_ADDED: f"{subject} is now read-only",
        DriftKind.READ_ONLY_REMOVED: f"{subject} is no longer read-only",
        DriftKind.WRITE_ONLY_ADDED: f"{subject} is now write-only",
        DriftKind.WRITE_ONLY_REMOVED: f"{subject} is no longer write-only",
        DriftKind.HANDLER_ADDED: f"handler {handler} added ({_permissions(after)})",
        DriftKind.HANDLER_REMOVED: f"handler {handler} removed (it needed {_permissions(before)})",
        DriftKind.PERMISSION_ADDED: f"handler {handler} needs a new permission {code(after or '')}",
        DriftKind.PERMISSION_REMOVED: (
            f"handler {handler} no longer needs permission {code(before or '')}"
        ),
        DriftKind.DESCRIPTION_CHANGED: f"description of {subject} changed"
        if pointer
        else "description of the type changed",
        DriftKind.OTHER_CHANGED: (
            f"the schema changed where this report does not itemize it{_at(after)}: "
            "its page may change too"
            if after
            # (with no place: a list it compares as a set reordered, or an empty one gone)
            else "the schema changed only in the order of a list this report compares as a set "
            "(`required`, a handler's `permissions`, the create-only, read-only or write-only "
            "properties), or in an empty list or object: its page may change too"
        ),
        DriftKind.MOVED: f"{code(before or '')} is now {code(after or '')} (the same schema)",
        DriftKind.LAYOUT_CHANGED: (
            "only the layout of its JSON text changed (spaces, line breaks, the order of keys): "
            "a `fetch` rewrites the file, and no page changes"
        ),
        DriftKind.REGION_CHANGED: (
            f"region {code(before or '')}, where the source's is {code(after or '')}: a `fetch` "
            "records the source's, which its page's examples name"
        ),
    }
    return sentences[kind]


def code(text: str) -> str:
    """Put text in a Markdown code span, fenced so a backtick inside cannot end it.

    >>> code("/properties/Foo"), code("a`b")
    ('`/properties/Foo`', '`` a`b ``')
    """
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _at(joined: str | None, shown: int = 4) -> str:
    """Where the schema changed beyond what the report itemizes, in words (`unitemized`'s
    places, joined): the first few.

    >>> _at(None), _at("/tagging"), _at("/a, /b, /c", 2)
    ('', ', at `/tagging`', ', at `/a`, `/b` and 1 more place')
    """
    if not joined:
        return ""
    places = joined.split(", ")
    first = ", ".join(code(p) for p in places[:shown])
    more = len(places) - shown
    if more <= 0:
        return (
            f", at {first}"
            if len(places) == 1
            else f", at {first.rpartition(', ')[0]} and {code(places[-1])}"
        )
    return f", at {first} and {more} more place{'s' if more > 1 else ''}"


def _permissions(joined: str | None) -> str:
    """A handler's permissions in words.

    >>> _permissions("s3:GetObject, s3:ListBucket"), _permissions("")
    ('permissions `s3:GetObject`, `s3:ListBucket`', 'no permissions')
    """
    return f"permissions {_codes(joined)}" if joined else "no permissions"


def _codes(joined: str | None) -> str:
    """Each pointer of a joined list in its own code span; `nothing` for none.

    >>> _codes("/properties/A, /properties/B"), _codes("")
    ('`/properties/A`, `/properties/B`', 'nothing')
    """
    return ", ".join(code(p) for p in joined.split(", ")) if joined else "nothing"


def _by_type(specs: Sequence[Spec]) -> dict[str, Spec]:
    """Index schemas by type name; two files of one type cannot be compared."""
    index: dict[str, Spec] = {}
    for spec in specs:
        other = index.setdefault(spec.type_name, spec)
        if other is not spec:
            raise UsageError(f"{spec.path} and {other.path} both define {spec.type_name}")
    return index


def region_drift(
    before: Mapping[str, str], after: Mapping[str, str], named: Mapping[str, str] | None = None
) -> tuple[Drift, ...]:
    """The `region-changed` findings of the types both sides have, each side's region by type
    name (the one its schema was fetched for), where the regions differ. `named`: the region
    that the pages of some types name whichever of the two it is (a global service's), which
    their findings say: the fetch changes the lock, and no page.

    >>> [d.after for d in region_drift({"A::B::C": "eu-west-1"}, {"A::B::C": "us-east-1"})]
    ['us-east-1']
    """
    named = named or {}
    found = []
    for name in sorted(before.keys() & after.keys()):
        if before[name] != after[name]:
            drift = _drift(DriftKind.REGION_CHANGED, name, "", before[name], after[name])
            if name in named:  # (the same finding, said of the page as it is)
                message = (
                    f"region {code(before[name])}, where the source's is {code(after[name])}: a "
                    f"`fetch` records the source's; its page names {code(named[name])} either "
                    "way (a global service)"
                )
                drift = replace(drift, message=message)
            found.append(drift)
    return tuple(found)


def sort_drift(drift: Iterable[Drift]) -> tuple[Drift, ...]:
    """Findings in report order: by type, kind, pointer and values."""
    return tuple(sorted(drift, key=_sort_key))


def _sort_key(drift: Drift) -> tuple:
    """Type, kind (report order), pointer, then the values: a total, stable order."""
    return (
        drift.type_name,
        _KIND_ORDER[drift.kind],
        drift.pointer,
        drift.before or "",
        drift.after or "",
    )


def _strings(value: Any) -> tuple[str, ...]:
    """The strings of a JSON array (anything else is empty).

    >>> _strings(["a", 1, "b"]), _strings(None)
    (('a', 'b'), ())
    """
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _text(value: Any) -> str | None:
    """A description, or None when absent or not a string."""
    return value if isinstance(value, str) else None


def _join(values: tuple[str, ...]) -> str:
    """A list of pointers or permissions as one value.

    >>> _join(("/properties/A", "/properties/B"))
    '/properties/A, /properties/B'
    """
    return ", ".join(values)
