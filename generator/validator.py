"""The Draft 7 validator of values against a resource schema as CloudFormation writes it: Java
patterns (`generator.patterns`), cfn-lint's keywords (`requiredXor`, `dependentExcluded`, ...),
`resource-schema.json` refs, and each `$ref` that loops back to where it stands cut.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator, Mapping
from typing import Any

from jsonschema import Draft7Validator, ValidationError, validators
from referencing import Registry
from referencing.jsonschema import DRAFT7

from generator.jsonpointer import escape_token, resolve_pointer
from generator.patterns import compile_pattern

# `resource-schema.json#/...` refs (list handler schemas) point into the document itself.
SELF_DOCUMENT = "resource-schema.json"
# What a `$ref` that loops back to where it stands becomes (see `cut_loops`): a keyword no
# value passes, which names the `$ref`.
LOOP = "$loop"
# The keywords that hold a schema the value itself must meet (not a member's or an item's).
_IN_PLACE = ("not", "if", "then", "else")
_IN_PLACE_LISTS = ("allOf", "anyOf", "oneOf")
# The schemas cut last, by identity (a page samples many values of one schema): id -> (schema,
# cut). Schemas are not changed once read, by any stage.
_CUTS: dict[int, tuple[Mapping[str, Any], Mapping[str, Any]]] = {}
_CUTS_KEPT = 64
_CUTS_LOCK = threading.Lock()


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    if validator.is_type(instance, "string"):
        regex = compile_pattern(pattern)
        if regex is not None and not regex.search(instance):
            yield ValidationError(f"string [{instance}] does not match pattern {pattern}")


def _pattern_properties(validator: Any, patterns: Any, instance: Any, schema: Any) -> Iterator:
    if validator.is_type(instance, "object"):
        for pattern, subschema in patterns.items():
            regex = compile_pattern(pattern)
            for key, value in instance.items():
                if regex is not None and regex.search(key):
                    yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _additional_properties(validator: Any, allowed: Any, instance: Any, schema: Any) -> Iterator:
    if not validator.is_type(instance, "object"):
        return
    known = schema.get("properties", {})
    # An unreadable pattern is taken to admit every key: better lenient than a false finding.
    regexes = [compile_pattern(p) for p in schema.get("patternProperties", {})]
    extras = [
        k for k in instance if k not in known and not any(r is None or r.search(k) for r in regexes)
    ]
    if isinstance(allowed, dict):
        for key in extras:
            yield from validator.descend(instance[key], allowed, path=key)
    elif allowed is False:
        for key in extras:
            yield ValidationError(f"extraneous key [{key}] is not permitted")


def _multiple_of(validator: Any, step: Any, instance: Any, schema: Any) -> Iterator[Any]:
    # JSON Schema asks for a number above 0; another is not enforced (jsonschema divides by it).
    if isinstance(step, (int, float)) and not isinstance(step, bool) and step > 0:
        yield from Draft7Validator.VALIDATORS["multipleOf"](validator, step, instance, schema)


def _loop(validator: Any, ref: Any, instance: Any, schema: Any) -> Iterator[Any]:
    yield ValidationError(f"$ref {ref!r} loops back to itself: no value can be checked against it")


def _unique_items(validator: Any, unique: Any, instance: Any, schema: Any) -> Iterator[Any]:
    # jsonschema compares items of objects or arrays pairwise: hours for a long array.
    if unique is True and validator.is_type(instance, "array"):
        try:
            seen = {canonical(item) for item in instance}
        except RecursionError:  # nested past what the canonical text is made for: pairwise
            yield from Draft7Validator.VALIDATORS["uniqueItems"](
                validator, unique, instance, schema
            )
            return
        if len(seen) < len(instance):
            yield ValidationError(f"{instance!r} has non-unique elements")


def canonical(value: Any) -> str:
    """A JSON value as text that is the same for values JSON Schema holds equal.

    >>> canonical({"b": [1.0, True], "a": "x"}) == canonical({"a": "x", "b": [1, True]})
    True
    >>> canonical(1) == canonical(True), canonical(0.5) == canonical(1)
    (False, False)
    """
    return json.dumps(_plain(value), sort_keys=True)


def _plain(value: Any) -> Any:
    """A JSON value with its whole floats as ints (1.0 is 1 to JSON Schema)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _required_xor(validator: Any, names: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if validator.is_type(instance, "object") and isinstance(names, list):
        present = [n for n in names if n in instance]
        if len(present) != 1:
            yield ValidationError(f"exactly one of {names} is required, got {present}")


def _required_or(validator: Any, names: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if validator.is_type(instance, "object") and isinstance(names, list):
        if not any(n in instance for n in names):
            yield ValidationError(f"one of {names} is required")


def _dependent(excluded: bool) -> Any:
    """The check of `dependentExcluded` (the members named may not stand beside the key) or of
    `dependentRequired` (they must)."""

    def check(validator: Any, rules: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if not (validator.is_type(instance, "object") and isinstance(rules, dict)):
            return
        for name, others in rules.items():
            for other in others if name in instance and isinstance(others, list) else ():
                if excluded and other in instance:
                    yield ValidationError(f"[{other}] may not stand beside [{name}]")
                elif not excluded and other not in instance:
                    yield ValidationError(f"[{name}] requires [{other}]")

    return check


_Validator = validators.extend(
    Draft7Validator,
    {
        "pattern": _pattern,
        "patternProperties": _pattern_properties,
        "additionalProperties": _additional_properties,
        "uniqueItems": _unique_items,
        "multipleOf": _multiple_of,
        LOOP: _loop,
        "requiredXor": _required_xor,
        "requiredOr": _required_or,
        "dependentExcluded": _dependent(excluded=True),
        "dependentRequired": _dependent(excluded=False),
    },
)


def validator_for(root: Mapping[str, Any]) -> Any:
    """A Draft 7 validator of a resource schema: Java patterns, `resource-schema.json` refs.

    Use `.evolve(schema=sub)` to check against a subschema; its `$ref`s still resolve in `root`
    (with its loops cut, see `cut_loops`).
    """
    root = cut_loops(without_ids(root))
    resource = DRAFT7.create_resource(dict(root))
    return _Validator(root, registry=Registry().with_resource(SELF_DOCUMENT, resource))


# The keywords whose value maps names to schemas (not a schema itself), and those whose value
# is data, not schemas.
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "definitions", "dependencies"})
_DATA = frozenset({"enum", "const", "default", "examples"})


def without_ids(schema: Any) -> Any:
    """The schema without its `$id` and `$schema` keywords, at any depth; itself if it has none.

    The pages read every `#/...` and `resource-schema.json#/...` ref in the document itself,
    as CloudFormation does; a `$id` would have the validator resolve them against another
    document (and one that is no string, or a `$schema` that is none, stops it).

    >>> without_ids({"$schema": 5, "properties": {"A": {"$id": "a.json", "type": "string"}}})
    {'properties': {'A': {'type': 'string'}}}
    >>> plain = {"enum": [{"$id": "data"}]}
    >>> without_ids(plain) is plain
    True
    """
    if isinstance(schema, list):
        items = [without_ids(item) for item in schema]
        return schema if all(a is b for a, b in zip(items, schema, strict=True)) else items
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    changed = False
    for key, value in schema.items():
        if key in ("$id", "$schema"):
            changed = True
            continue
        if key in _DATA:
            new = value
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            new = {name: without_ids(sub) for name, sub in value.items()}
            if all(new[name] is value[name] for name in value):
                new = value
        else:
            new = without_ids(value)
        changed = changed or new is not value
        out[key] = new
    return out if changed else schema


def cut_loops(root: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema with each `$ref` that loops back to where it stands made a `LOOP`.

    A `$ref` that leads back to itself through `allOf`, `anyOf`, `oneOf`, `not`, `if`, `then`,
    `else`, schema `dependencies` or other `$ref`s, with no member or item between, asks that a
    value be checked against itself first: jsonschema, and anything that follows it, recurses
    until the stack is gone. Each such `$ref` is cut, and no value passes where it stood (a
    value of a recursive definition is one built in finitely many steps); a schema without
    loops comes back as it is.

    >>> cut_loops({"oneOf": [{"$ref": "#"}, {"type": "string"}]})
    {'oneOf': [{'$loop': '#'}, {'type': 'string'}]}
    >>> tree = {"properties": {"Child": {"$ref": "#"}}}  # a member between: no loop
    >>> cut_loops(tree) is tree
    True
    """
    with _CUTS_LOCK:
        kept = _CUTS.get(id(root))
    if kept is not None and kept[0] is root:
        return kept[1]
    out = root
    if holders := _looping_refs(root):
        out = copy.deepcopy(dict(root))
        for pointer in holders:
            holder = resolve_pointer(out, pointer)
            holder[LOOP] = holder.pop("$ref")
    with _CUTS_LOCK:
        _CUTS[id(root)] = (root, out)
        _CUTS[id(out)] = (out, out)
        while len(_CUTS) > _CUTS_KEPT:
            del _CUTS[next(iter(_CUTS))]
    return out


def _looping_refs(root: Mapping[str, Any]) -> list[str]:
    """The pointers of the schemas whose `$ref` closes a loop, in the order they are found.

    A depth-first walk from the root, then from each `$ref`'s target in document order, along
    the `$ref`s each schema meets in place: every edge back to a schema on the walk's path
    closes a loop, and cutting those edges leaves none.
    """
    edges: dict[str, list[tuple[str, str]]] = {}

    def edges_of(pointer: str) -> Iterator[tuple[str, str]]:
        if pointer not in edges:
            edges[pointer] = _in_place_refs(root, pointer)
        return iter(edges[pointer])

    cut: dict[str, None] = {}
    done: set[str] = set()
    for start in dict.fromkeys(["", *(target for target, _ in _in_place_refs(root, "", True))]):
        if start in done:
            continue
        path, stack = {start}, [(start, edges_of(start))]
        while stack:
            pointer, todo = stack[-1]
            step = next(todo, None)
            if step is None:
                stack.pop()
                path.discard(pointer)
                done.add(pointer)
                continue
            target, holder = step
            if holder in cut or target in done:
                continue
            if target in path:
                cut[holder] = None
            else:
                path.add(target)
                stack.append((target, edges_of(target)))
    return list(cut)


def _in_place_refs(
    root: Mapping[str, Any], pointer: str, everywhere: bool = False
) -> list[tuple[str, str]]:
    """The `$ref`s into the document that a value meets in place at `pointer`, as (target,
    holder) pointers in document order; `everywhere`: every `$ref` below `pointer`."""
    try:
        top = resolve_pointer(root, pointer)
    except (KeyError, ValueError):
        return []
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [(pointer, top)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, list) and everywhere:
            stack += [(f"{where}/{i}", v) for i, v in reversed(list(enumerate(node)))]
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.partition("#")[0] in ("", SELF_DOCUMENT):
            found.append((ref.partition("#")[2], where))
        if everywhere:
            inside = [((k,), v) for k, v in node.items() if k != "$ref"]
        else:
            inside = [((k,), node[k]) for k in _IN_PLACE if k in node]
            inside += [
                ((k, i), v)
                for k in _IN_PLACE_LISTS
                if isinstance(node.get(k), list)
                for i, v in enumerate(node[k])
            ]
            if isinstance(node.get("dependencies"), dict):
                inside += [
                    (("dependencies", k), v)
                    for k, v in node["dependencies"].items()
                    if isinstance(v, dict)
                ]
        stack += [(where + _tokens(path), v) for path, v in reversed(inside)]
    return found


def _tokens(path: tuple[str | int, ...]) -> str:
    """Keys and indexes as the end of a JSON pointer.

    >>> _tokens(("dependencies", "a/b")), _tokens(("oneOf", 0))
    ('/dependencies/a~1b', '/oneOf/0')
    """
    return "".join(f"/{escape_token(t)}" for t in path)
