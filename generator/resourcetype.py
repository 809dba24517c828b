"""What the mock Cloud Control needs of one resource schema: its identifiers and lists of
properties as paths into a model, and its validation, worded as the service words it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.exclusive import for_mock, groups_of
from generator.jsonpointer import overlaps, resolve_pointer, split_pointer
from generator.samples import remove_path
from generator.schemacheck import pointers_naming_nothing, without_pointers
from generator.validator import cut_loops, validator_for

_JAVA_TYPES = {
    "object": "JSONObject",
    "array": "JSONArray",
    "string": "String",
    "integer": "Integer",
    "number": "Number",
    "boolean": "Boolean",
    "null": "Null",
}


def model_path(pointer: str) -> tuple[str, ...]:
    """A schema pointer as a path into the resource model.

    >>> model_path("/properties/Tags/*/Key")
    ('Tags', '*', 'Key')
    """
    return split_pointer(pointer)[1:]


def values_at(node: Any, path: tuple[str, ...]) -> Iterator[Any]:
    """The values at `path` in a model; `*` walks every array item."""
    if not path:
        yield node
    elif path[0] == "*" and isinstance(node, list):
        for item in node:
            yield from values_at(item, path[1:])
    elif isinstance(node, dict) and path[0] in node:
        yield from values_at(node[path[0]], path[1:])


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def everit_message(error: Any) -> str:
    """One validation error as `#/path: message`, worded like the everit validator AWS uses."""
    where = "#" + "".join(f"/{token}" for token in error.absolute_path)
    kind, limit, value = error.validator, error.validator_value, error.instance
    messages: dict[str, Callable[[], str]] = {
        "required": lambda: f"required key [{_quoted(error.message)}] not found",
        "type": lambda: "expected type: {}, found: {}".format(
            "/".join(_JAVA_TYPES.get(t, t) for t in ([limit] if isinstance(limit, str) else limit)),
            _java_type(value),
        ),
        "enum": lambda: f"{_text(value)} is not a valid enum value",
        "const": lambda: f"{_text(value)} is not a valid enum value",
        "minLength": lambda: f"expected minLength: {limit}, actual: {len(value)}",
        "maxLength": lambda: f"expected maxLength: {limit}, actual: {len(value)}",
        "minimum": lambda: f"{value} is not greater or equal to {limit}",
        "maximum": lambda: f"{value} is not less or equal to {limit}",
        "exclusiveMinimum": lambda: f"{value} is not greater than {limit}",
        "exclusiveMaximum": lambda: f"{value} is not less than {limit}",
        "minItems": lambda: f"expected minimum item count: {limit}, found: {len(value)}",
        "maxItems": lambda: f"expected maximum item count: {limit}, found: {len(value)}",
        "uniqueItems": lambda: "array items are not unique",
        "multipleOf": lambda: f"{value} is not a multiple of {limit}",
    }
    return f"{where}: {messages.get(kind, lambda: error.message)()}"


def _quoted(message: str) -> str:
    """The property named by jsonschema's "'X' is a required property"."""
    return message.rsplit(" is a required property", 1)[0][1:-1]


def _java_type(value: Any) -> str:
    """The Java (org.json) type name of a JSON value, as everit reports it."""
    for name, kind in (
        ("Null", type(None)),
        ("Boolean", bool),
        ("Integer", int),
        ("Number", float),
        ("String", str),
        ("JSONArray", list),
    ):
        if isinstance(value, kind):
            return name
    return "JSONObject"


@dataclass(frozen=True, slots=True)
class ResourceType:
    """What the service needs of one resource schema."""

    name: str
    schema: Mapping[str, Any]
    primary: tuple[tuple[str, ...], ...]
    additional: tuple[tuple[tuple[str, ...], ...], ...]
    read_only: tuple[str, ...]
    create_only: tuple[str, ...]
    write_only: tuple[str, ...]
    handlers: frozenset[str]
    validator: Any

    @classmethod
    def from_schema(cls, name: str, schema: Mapping[str, Any]) -> ResourceType:
        """Read the semantic lists of a resource schema. AWS refuses what the schema's words
        exclude as well: the groups of data/exclusive.yaml are written into its copy, and a
        `$ref` that loops back to itself is cut there (see `validator.cut_loops`)."""
        # An entry of its lists that names no property is left out, as the pages leave it.
        if nothing := [pointer for _, pointer in pointers_naming_nothing(dict(schema))]:
            schema = without_pointers(dict(schema), nothing)
        schema = cut_loops(for_mock(schema, groups_of(schema, name)))
        return cls(
            name=name,
            schema=schema,
            primary=tuple(model_path(p) for p in schema.get("primaryIdentifier", [])),
            additional=tuple(
                tuple(model_path(p) for p in group)
                for group in schema.get("additionalIdentifiers", [])
            ),
            read_only=tuple(schema.get("readOnlyProperties", [])),
            create_only=tuple(schema.get("createOnlyProperties", [])),
            write_only=tuple(schema.get("writeOnlyProperties", [])),
            handlers=frozenset(schema.get("handlers", {})),
            validator=validator_for(schema),
        )

    def model_errors(self, model: Any) -> list[str]:
        """Schema violations of a model; read-only properties are never asked for."""
        read_only = [model_path(p) for p in self.read_only]

        def excused(error: Any) -> bool:  # a `required` read-only key, at any depth
            if error.validator != "required":
                return False
            path = (
                *("*" if isinstance(t, int) else t for t in error.absolute_path),
                _quoted(error.message),
            )
            return any(len(p) == len(path) and overlaps(p, path) for p in read_only)

        return [everit_message(e) for e in self.validator.iter_errors(model) if not excused(e)]

    def identifier(self, model: Mapping[str, Any]) -> str:
        """The primary identifier: its values joined by `|`, in primaryIdentifier order."""
        return "|".join(_text(next(values_at(model, path), "")) for path in self.primary)

    def public(self, model: Mapping[str, Any]) -> dict[str, Any]:
        """The model as read handlers return it: write-only properties left out."""
        shown = copy.deepcopy(dict(model))
        for pointer in self.write_only:
            remove_path(shown, model_path(pointer))
        return shown

    def subschema(self, path: tuple[str, ...]) -> Mapping[str, Any] | bool:
        """The schema of the property at `path`, `$ref`s followed."""
        node: Any = self.schema
        for token in path:
            while isinstance(node, dict) and isinstance(node.get("$ref"), str):
                node = resolve_pointer(self.schema, node["$ref"].partition("#")[2])
            if not isinstance(node, dict):  # a boolean schema: its members' schemas are it
                return node if isinstance(node, bool) else {}
            node = (
                node.get("items", {}) if token == "*" else node.get("properties", {}).get(token, {})
            )
        return node
