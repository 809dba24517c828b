"""A property's schema read through its `$ref`s: the definition it names, the data type it
declares or implies, and its description."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.jsonpointer import resolve_pointer

# `$ref`s followed along one path before the rest is taken for a loop: AWS's schemas chain a
# few; readers of a schema recurse once per hop, which a chain of hundreds would exhaust.
MAX_REF_HOPS = 64


def deref(
    schema: Any, doc: dict, seen: frozenset[str] = frozenset(), targets: dict | None = None
) -> tuple[dict, frozenset]:
    """Follow `$ref`s to the schema they name; returns it with the refs followed so far.

    `targets` keeps what each `$ref` named, for callers that follow many. An `allOf` that only
    annotates one schema stands for it (see `_annotated`).
    """
    if type(schema) is dict and "$ref" not in schema and "allOf" not in schema:
        return schema, seen  # most schemas: nothing to follow
    while isinstance(schema, dict):
        ref = schema.get("$ref")
        if not isinstance(ref, str):
            if "allOf" not in schema or (annotated := _annotated(schema)) is None:
                break
            schema = annotated
            continue
        if ref in seen or len(seen) >= MAX_REF_HOPS:
            break
        seen = seen | {ref}
        # Draft 7 ignores keywords beside a $ref (a property's own description is read apart).
        if targets is None:
            schema = resolve_pointer(doc, ref.partition("#")[2])
        else:
            if ref not in targets:
                targets[ref] = resolve_pointer(doc, ref.partition("#")[2])
            schema = targets[ref]
    return (schema if isinstance(schema, dict) else {}), seen


# Keywords that say nothing of the values a schema allows.
ANNOTATIONS = frozenset({"$comment", "default", "deprecated", "description", "examples", "title"})


def _annotated(schema: dict) -> Any:
    """The one schema that a schema of only an `allOf` stands for, where the other branches
    only annotate it (`{"allOf": [{"$ref": "#/definitions/Protocol"}, {"default": "MCP"}]}`);
    else None."""
    branches = schema.get("allOf")
    if not isinstance(branches, list) or schema.keys() - ANNOTATIONS != {"allOf"}:
        return None
    shaping = [b for b in branches if not (isinstance(b, dict) and b.keys() <= ANNOTATIONS)]
    return shaping[0] if len(shaping) == 1 else None


def type_of(schema: Any, doc: dict, targets: dict | None = None) -> str:
    """The data type shown for a property: its own, or that of what its `$ref` names
    (`targets`: as of `deref`)."""
    found = _type_or_none(schema, doc, frozenset(), targets)
    if found is None and deref(schema, doc, targets=targets)[0].keys() <= ANNOTATIONS:
        return "object"  # a schema of no keyword takes any JSON value: CloudFormation's Json
    return found or "string"


def kind_of(schema: Any, doc: dict) -> str:
    """The first of the data types `type_of` gives: the kind of value an example takes.

    >>> kind_of({"type": ["integer", "string"]}, {}), kind_of({"items": {}}, {})
    ('integer', 'array')
    """
    if type(schema) is dict and "$ref" not in schema:
        declared = schema.get("type")
        # most schemas; one with a `type` is no `allOf` that stands for another (`_annotated`),
        # and a declared type is one name (schemacheck holds it to JSON Schema's)
        if type(declared) is str and declared:
            return declared
    return type_of(schema, doc).partition(" | ")[0]


def _type_or_none(
    schema: Any, doc: dict, seen: frozenset[str] = frozenset(), targets: dict | None = None
) -> str | None:
    """The data type a schema declares or implies, None when it says nothing of it; `seen`,
    the `$ref`s followed to it (a branch that leads back to one says nothing)."""
    target, seen = deref(schema, doc, seen, targets)
    declared = target.get("type")
    if isinstance(declared, str):
        return declared
    if isinstance(declared, list) and declared:
        return " | ".join(str(t) for t in declared)
    if target.get("format") == "json":  # CloudFormation's Json: an object, or its text
        return "object | string"
    if {"properties", "patternProperties", "additionalProperties"} & target.keys():
        return "object"
    if "items" in target:
        return "array"
    branches = target.get("oneOf") or target.get("anyOf")
    if isinstance(branches, list) and branches:
        types = dict.fromkeys(
            part
            for b in branches
            if (t := _type_or_none(b, doc, seen, targets))
            for part in t.split(" | ")  # a branch's own union: each type once
        )
        return " | ".join(types) or None
    return None


def description_of(schema: Any, doc: dict, targets: dict | None = None) -> str:
    """The property's own description, else (where it has none, or an empty one) the one of
    the definition its `$ref` names (`targets`: as of `deref`)."""
    if isinstance(schema, dict) and isinstance(schema.get("description"), str):
        if own := schema["description"].strip():
            return own
    target, _ = deref(schema, doc, targets=targets)
    text = target.get("description", "")
    return text.strip() if isinstance(text, str) else ""


def refs_in(node: Any) -> Iterator[str]:
    """The pointers of every `$ref` inside a schema, without following them.

    >>> list(refs_in({"items": {"$ref": "#/definitions/A"}, "oneOf": [{"$ref": "#/B"}]}))
    ['/definitions/A', '/B']
    """
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value.partition("#")[2]
            else:
                yield from refs_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs_in(value)


def list_handler_schema(document: Mapping[str, Any]) -> dict:
    """The list handler's `handlerSchema`, as every reader takes it: `{}` where there is none,
    or where it is no object (`true`, a schema too: any model).

    >>> list_handler_schema({"handlers": {"list": {"handlerSchema": True}}})
    {}
    """
    listing = (document.get("handlers") or {}).get("list")
    schema = listing.get("handlerSchema") if isinstance(listing, dict) else None
    return schema if isinstance(schema, dict) else {}


def listed_schemas(document: Mapping[str, Any]) -> dict[str, dict]:
    """The list handler's schema of each property it names, where the schema is in this
    document's terms (every `$ref` in it local: not `resource-schema.json#/...`, as list
    handlers' schemas may have).

    >>> listed_schemas({"handlers": {"list": {"handlerSchema": {"properties": {
    ...     "A": {"pattern": "^a"}, "B": {"$ref": "resource-schema.json#/properties/B"}}}}}})
    {'A': {'pattern': '^a'}}
    """
    members = list_handler_schema(document).get("properties")
    if not isinstance(members, dict):
        return {}
    return {k: v for k, v in members.items() if isinstance(v, dict) and _local(v)}


def _local(node: Any) -> bool:
    """Whether every `$ref` inside a schema names a place in the same document."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref is not None and not (isinstance(ref, str) and ref.startswith("#")):
            return False
        return all(_local(v) for v in node.values())
    if isinstance(node, list):
        return all(_local(v) for v in node)
    return True
