"""Normalization: turn a checked schema into the Resource model; no raw dict goes further."""

from __future__ import annotations

from typing import Any

from generator.jsonpointer import resolve_pointer
from generator.model import (
    ArrayValue,
    Field,
    Handler,
    HandlerPermissions,
    Method,
    ObjectValue,
    Placeholder,
    Property,
    Resource,
    Spec,
    SqlVerb,
    Truncated,
    Value,
)
from generator.naming import cfn_doc_url, field_name, pluralize, snake_case, split_type_name

# Nested definitions are expanded this deep in manifests and patches, then marked as cut.
MAX_VALUE_DEPTH = 8
REGION_FIELD = Field(name="region", type="string", description="AWS region.")
# The services StackQL treats as global: their SELECT examples name no region.
GLOBAL_SERVICES = frozenset(
    {"iam", "route53", "cloudfront", "wafv2", "shield", "globalaccelerator"}
)


def normalize(spec: Spec) -> Resource:
    """Build the Resource model of one schema."""
    doc = spec.document
    vendor, service, resource = split_type_name(spec.type_name)
    singular = snake_case(resource)
    read_only = _top_level_names(doc.get("readOnlyProperties", ()))
    write_only = _top_level_names(doc.get("writeOnlyProperties", ()))
    create_only = _top_level_names(doc.get("createOnlyProperties", ()))
    required = set(doc.get("required", ()))
    properties = tuple(
        sorted(
            (
                Property(
                    name=name,
                    field_name=field_name(name),
                    type=type_of(schema, doc),
                    description=description_of(schema, doc),
                    required=name in required,
                    read_only=name in read_only,
                    write_only=name in write_only,
                    create_only=name in create_only,
                    value=value_of(schema, doc, name),
                )
                for name, schema in doc["properties"].items()
            ),
            key=lambda p: p.field_name,
        )
    )
    handlers = doc.get("handlers") or {}
    list_required = tuple(handlers.get("list", {}).get("handlerSchema", {}).get("required", ()))
    return Resource(
        provider=vendor.lower(),
        service=service.lower(),
        name=pluralize(singular),
        singular=singular,
        type_name=spec.type_name,
        description=doc.get("description", ""),
        doc_url=cfn_doc_url(spec.type_name),
        source=spec.path,
        properties=properties,
        fields=fields_of(properties),
        methods=methods_of(handlers, properties, list_required, service.lower() in GLOBAL_SERVICES),
        identifier=tuple(p.rsplit("/", 1)[1] for p in doc.get("primaryIdentifier", ())),
        list_required=list_required,
        permissions=tuple(
            HandlerPermissions(h, tuple(handlers[h.value].get("permissions", ())))
            for h in Handler
            if h.value in handlers
        ),
        global_service=service.lower() in GLOBAL_SERVICES,
    )


def fields_of(properties: tuple[Property, ...]) -> tuple[Field, ...]:
    """The columns: one per property, then `region` (unless a property is called so)."""
    fields = tuple(Field(p.field_name, p.type, p.description) for p in properties)
    if any(f.name == REGION_FIELD.name for f in fields):
        return fields
    return (*fields, REGION_FIELD)


def methods_of(
    handlers: dict,
    properties: tuple[Property, ...],
    list_required: tuple[str, ...],
    global_service: bool = False,
) -> tuple[Method, ...]:
    """The StackQL methods the handlers allow, in StackQL's order."""
    create_params = tuple(p.name for p in properties if p.required and not p.read_only)
    list_params = ("data__ResourceModel",) if list_required else ()
    # A global service's reads need no region (StackQL reads them from us-east-1).
    read_region = () if global_service else ("region",)
    candidates = (
        ("create", "create_resource", SqlVerb.INSERT, (*create_params, "region")),
        ("delete", "delete_resource", SqlVerb.DELETE, ("data__Identifier", "region")),
        (
            "update",
            "update_resource",
            SqlVerb.UPDATE,
            ("data__Identifier", "data__PatchDocument", "region"),
        ),
        ("list", "list_resources", SqlVerb.SELECT, (*list_params, *read_region)),
        ("read", "get_resource", SqlVerb.SELECT, ("data__Identifier", *read_region)),
    )
    return tuple(Method(n, verb, params) for h, n, verb, params in candidates if h in handlers)


def _top_level_names(pointers: Any) -> frozenset[str]:
    """Names of top-level properties among `/properties/...` pointers."""
    names = set()
    for pointer in pointers:
        parts = pointer.split("/")
        if len(parts) == 3 and parts[1] == "properties":
            names.add(parts[2])
    return frozenset(names)


def deref(schema: Any, doc: dict, seen: frozenset[str] = frozenset()) -> tuple[dict, frozenset]:
    """Follow `$ref`s to the schema they name; returns it with the refs followed so far."""
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        ref = schema["$ref"]
        if ref in seen:
            break
        seen = seen | {ref}
        target = resolve_pointer(doc, ref.partition("#")[2])
        # Keywords beside a $ref (a description, say) refine the target.
        extra = {k: v for k, v in schema.items() if k != "$ref"}
        schema = {**target, **extra} if extra else target
    return (schema if isinstance(schema, dict) else {}), seen


def type_of(schema: Any, doc: dict) -> str:
    """The data type shown for a property: its own, or that of what its `$ref` names."""
    target, _ = deref(schema, doc)
    declared = target.get("type")
    if isinstance(declared, str):
        return declared
    if isinstance(declared, list) and declared:
        return " | ".join(str(t) for t in declared)
    branches = target.get("oneOf") or target.get("anyOf")
    if isinstance(branches, list) and branches:
        types = dict.fromkeys(type_of(b, doc) for b in branches)
        return " | ".join(types)
    if "items" in target:
        return "array"
    if {"properties", "patternProperties", "additionalProperties"} & target.keys():
        return "object"
    return "string"


def description_of(schema: Any, doc: dict) -> str:
    """The property's own description, else the one of the definition its `$ref` names."""
    if isinstance(schema, dict) and isinstance(schema.get("description"), str):
        return schema["description"].strip()
    target, _ = deref(schema, doc)
    text = target.get("description", "")
    return text.strip() if isinstance(text, str) else ""


def value_of(schema: Any, doc: dict, name: str, depth: int = 0, seen=frozenset()) -> Value:
    """The shape of a property's value in examples: placeholders inside objects and arrays."""
    if depth > MAX_VALUE_DEPTH:
        return Truncated(name)
    if isinstance(schema, dict) and schema.get("$ref") in seen:
        return Truncated(name)
    target, followed = deref(schema, doc, seen)
    branches = target.get("oneOf") or target.get("anyOf")
    if "type" not in target and isinstance(branches, list) and branches:
        return value_of(branches[0], doc, name, depth, followed)
    kind = type_of(target, doc).split(" | ")[0]
    members = target.get("properties")
    if kind == "object" and isinstance(members, dict) and members:
        return ObjectValue(
            tuple(
                (key, value_of(sub, doc, key, depth + 1, followed)) for key, sub in members.items()
            )
        )
    if kind == "array":
        return ArrayValue(value_of(target.get("items", {}), doc, f"{name}[0]", depth + 1, followed))
    return Placeholder(name, kind)
