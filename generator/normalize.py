"""Normalization: turn a checked schema into the Resource model; no raw dict goes further."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from generator.conditions import cfn_lint_exclusive, cfn_lint_required, held
from generator.exclusive import Exclusive, for_pages, groups_of
from generator.jsonpointer import overlaps, resolve_pointer, split_pointer
from generator.model import (
    ArrayValue,
    Field,
    Handler,
    HandlerPermissions,
    Literal,
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

# Nested definitions are expanded this deep in manifests and patches, then optional members are
# marked as cut: the deepest of these depths whose values stay within the budget (a page's size
# follows its number of values: about 1,200 values make a 400 KB page). Past that depth required
# members are still expanded (a value without them would be invalid), down to MAX_VALUE_DEPTH.
VALUE_DEPTHS = (16, 12, 10, 8, 7, 6)
VALUE_BUDGET = 1200
MAX_VALUE_DEPTH = 40
# Arrays show as many items as their minItems asks, up to this many (the most any schema asks).
MAX_ARRAY_ITEMS = 5
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
    # A property with a create-only part cannot be patched as a whole either; nor can tags
    # that the schema's `tagging` says are not updatable.
    fixed_tags = _fixed_tags(doc)
    create_only = _owners(doc.get("createOnlyProperties", ())) | fixed_tags
    # Listed deprecated: left out of the examples, unless the schema requires it (of choices,
    # one without them is taken where there is one).
    listed_deprecated = _top_level_names(doc.get("deprecatedProperties", ()))
    required = required_of(doc, read_only | listed_deprecated)
    # Properties that exclude each other by their descriptions' words (data/exclusive.yaml).
    exclusive = groups_of(doc, spec.type_name)
    doc = for_pages(doc, exclusive)  # the nested groups; the top-level ones are applied here
    top = [group for group in exclusive if not group.where]
    required = _preferred(top, doc, required, read_only | listed_deprecated)
    required |= _needed(top, required, read_only | listed_deprecated)
    deprecated = listed_deprecated - required
    read_only_paths = _nested_paths(doc.get("readOnlyProperties", ()))
    shown = set(_compatible(doc, doc["properties"], read_only | deprecated))
    shown -= _left_out(top, shown, required)
    conditions = _conditional(doc, shown | required)
    shapes: dict[Any, _Shape] = {}  # shared by the attempts: they read the same schemas
    avoided = _members_by_owner(
        _nested_paths(doc.get("deprecatedProperties", ())) | read_only_paths
    )
    for depth in VALUE_DEPTHS:
        last = depth == VALUE_DEPTHS[-1]
        builder = _ValueBuilder(
            doc, read_only_paths, depth, shapes, None if last else VALUE_BUDGET, avoided
        )
        try:
            values = {
                name: builder.build(schema, (name,), extra=conditions.get(name))
                for name, schema in doc["properties"].items()
            }
        except _OverBudget:
            continue
        break
    tops = {name: deref(schema, doc)[0] for name, schema in doc["properties"].items()}
    notes = {(name,): _ref_note(schema) for name, schema in doc["properties"].items()}
    members = {(): frozenset(doc["properties"]), **builder.members}
    # Named by what the examples show: the properties they set.
    on_page = {n for n in shown | required if n not in read_only and n not in deprecated}
    values = short_names(
        values, builder.leaves, tops, {**notes, **builder.notes}, members, frozenset(on_page)
    )
    nested_fixed = _owners(doc.get("readOnlyProperties", ())) | create_only
    fixed_paths = _nested_paths(doc.get("createOnlyProperties", ())) | read_only_paths
    wholly_create_only = _top_level_names(doc.get("createOnlyProperties", ())) | fixed_tags
    wholly_fixed = read_only | wholly_create_only
    # (What is read-only AWS sets: only a create-only member may be missing for good.)
    nested_fixed |= _needing_unset(doc, wholly_create_only - read_only - required)
    properties = tuple(
        sorted(
            (
                Property(
                    name=name,
                    field_name=field_name(name, service.lower()),
                    type=type_of(schema, doc),
                    description=description_of(schema, doc),
                    required=name in required,
                    read_only=name in read_only,
                    write_only=name in write_only,
                    create_only=name in create_only,
                    value=values[name],
                    shown=(name in shown or name in required)
                    and _settable(values[name])
                    and name not in deprecated,
                    patchable=name not in nested_fixed,
                    patch_members=_patch_members(name, values[name], tops[name], fixed_paths)
                    if name in nested_fixed and name in required and name not in wholly_fixed
                    else (),
                    deprecated=name in deprecated,
                )
                for name, schema in doc["properties"].items()
            ),
            # `_force` (a column named apart from the SQL keyword) stands where `force` would.
            key=lambda p: (p.field_name.lstrip("_"), p.field_name),
        )
    )
    handlers = doc.get("handlers") or {}
    list_required = _list_required(handlers.get("list", {}).get("handlerSchema", {}))
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
        list_sources=tuple(list_filter_property(doc, name) for name in list_required),
        permissions=tuple(
            HandlerPermissions(h, tuple(p for p in handlers[h.value].get("permissions", ()) if p))
            for h in Handler
            if h.value in handlers
        ),
        global_service=service.lower() in GLOBAL_SERVICES,
        deprecated_members=_dotted(doc.get("deprecatedProperties", ()), doc["properties"]),
        # (those of a property that is write-only as a whole go without saying)
        write_only_members=_dotted(
            doc.get("writeOnlyProperties", ()), doc["properties"].keys() - write_only
        ),
    )


def _dotted(pointers: Any, properties: Collection[str]) -> tuple[str, ...]:
    """The nested `/properties/A/*/B` pointers of the `properties` named as `A[*].B`, in the
    schema's order, each once."""
    paths = _nested(pointers)
    dotted = (".".join(path).replace(".*", "[*]") for path in paths if path[0] in properties)
    return tuple(dict.fromkeys(dotted))


def _fixed_tags(doc: dict) -> frozenset[str]:
    """The tag property, where the schema's `tagging` says tags cannot be updated."""
    tagging = doc.get("tagging")
    if not isinstance(tagging, dict) or tagging.get("tagUpdatable") is not False:
        return frozenset()
    pointer = tagging.get("tagProperty", "/properties/Tags")
    names = _owners([pointer]) if isinstance(pointer, str) else frozenset()
    return names & doc["properties"].keys()


def _needing_unset(doc: dict, unset: frozenset[str]) -> frozenset[str]:
    """Properties no patch may set: cfn-lint's `dependentRequired` has each need one that a
    resource may lack and no patch can add (create-only, not required). An EC2 SecurityGroup
    made without a VpcId takes no SecurityGroupEgress."""
    wants = doc.get("dependentRequired")
    if not isinstance(wants, dict):
        return frozenset()
    return frozenset(
        name
        for name, needed in wants.items()
        if isinstance(needed, list) and unset.intersection(needed)
    )


def fields_of(properties: tuple[Property, ...]) -> tuple[Field, ...]:
    """The columns: one per property, then `region` (unless a property is called so)."""
    fields = tuple(
        Field(p.field_name, p.type, p.description, p.write_only, p.deprecated) for p in properties
    )
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


def _preferred(
    groups: list[Exclusive], doc: dict, required: set[str], unsettable: frozenset[str]
) -> set[str]:
    """The required properties, where a top-level group's first item holds none and a later
    item holds one that only cfn-lint's `requiredXor`/`requiredOr` made required (its first
    settable member), with the first item's instead: the group's order says which to take
    (Application Auto Scaling: ResourceId with ScalableDimension and ServiceNamespace, which
    name the resource, not ScalingTargetId)."""
    choosers = ("requiredXor", "requiredOr")
    for group in groups:
        if not group.items or group.items[0] & required:
            continue
        first = group.items[0] - unsettable
        chosen = frozenset().union(*group.items[1:]) & required
        names = [set(doc[k]) for k in choosers if isinstance(doc.get(k), list)]
        if not chosen or not first or not any(chosen & n and first & n for n in names):
            continue
        plain = required_of({k: v for k, v in doc.items() if k not in choosers}, unsettable)
        if not chosen & plain:  # the schema itself asks for none of them
            required = (required - chosen) | first
    return required


def _needed(groups: list[Exclusive], required: set[str], unsettable: frozenset[str]) -> set[str]:
    """Of each top-level group of which exactly one item is needed and none is required, the
    first item that can be set, made required (as of cfn-lint's `requiredXor`)."""
    added: set[str] = set()
    for group in groups:
        if group.needed and not any(item & required for item in group.items):
            item = next((i for i in group.items if not i & unsettable), None)
            added |= item or set()
    return added


def _left_out(groups: list[Exclusive], shown: set[str], required: set[str]) -> set[str]:
    """The properties the examples leave out for the groups: those of every item but the
    first that holds a required property, else the first the examples show."""
    out: set[str] = set()
    for group in groups:
        kept = next((i for i in group.items if i & required), None)
        kept = kept or next((i for i in group.items if i & (shown - out)), None)
        for item in group.items:
            if item is not kept:
                out |= item - required
    return out


def required_of(doc: dict, read_only: frozenset[str] = frozenset()) -> set[str]:
    """Required properties: `required`, every `allOf` branch's, the first `oneOf`/`anyOf`'s,
    and what cfn-lint's keywords ask (of members that are not `read_only`)."""
    return _requires(doc, read_only) & set(doc["properties"])


def _requires(schema: Any, unsettable: frozenset[str] = frozenset()) -> set[str]:
    """What a schema requires, through `allOf` and the first choice of `oneOf`/`anyOf`, and
    through cfn-lint's keywords: the first member that can be set (not `unsettable`) of a
    `requiredXor` (exactly one) or `requiredOr` (at least one) group none of which is required
    otherwise, and what `dependentRequired` asks of a required member."""
    if not isinstance(schema, dict):
        return set()
    names = set(schema.get("required", ()))
    for branch in schema.get("allOf", ()) if isinstance(schema.get("allOf"), list) else ():
        names |= _requires(branch, unsettable)
    for keyword in ("oneOf", "anyOf"):
        branches = schema.get(keyword)
        if isinstance(branches, list) and branches:
            names |= _requires(_choice(branches, unsettable))
    if _CFN_LINT_CHOICES.isdisjoint(schema):  # most schemas
        return names
    return names | set(cfn_lint_required(schema, names, unsettable))


# The keywords cfn-lint adds to its copies of AWS's schemas that choose among members.
_CFN_LINT_CHOICES = frozenset(
    {"requiredXor", "requiredOr", "dependentRequired", "dependentExcluded"}
)


def _list_required(handler_schema: Any) -> tuple[str, ...]:
    """What a list handler requires: its `required`, and the first of its `oneOf`/`anyOf`."""
    if not isinstance(handler_schema, dict):
        return ()
    names = list(handler_schema.get("required", ()))
    for keyword in ("oneOf", "anyOf"):
        branches = handler_schema.get(keyword)
        if isinstance(branches, list) and branches and isinstance(branches[0], dict):
            names += [n for n in branches[0].get("required", ()) if n not in names]
    return tuple(names)


def list_filter_property(document: dict, name: str) -> str:
    """The resource property whose value the list handler's member `name` takes: the one its
    `$ref` names in the resource's schema (`resource-schema.json#/properties/Workspace`),
    else the property of its own name."""
    handler_schema = ((document.get("handlers") or {}).get("list") or {}).get("handlerSchema")
    members = handler_schema.get("properties") if isinstance(handler_schema, dict) else None
    member = members.get(name) if isinstance(members, dict) else None
    ref = member.get("$ref") if isinstance(member, dict) else None
    if isinstance(ref, str) and ref.startswith("resource-schema.json#/properties/"):
        tokens = split_pointer(ref.partition("#")[2])
        if len(tokens) == 2 and tokens[1] in (document.get("properties") or {}):
            return tokens[1]
    return name


def _owners(pointers: Any) -> frozenset[str]:
    """Top-level properties named by `/properties/...` pointers, themselves or a part of them."""
    return frozenset(
        p.split("/")[2] for p in pointers if p.startswith("/properties/") and p.count("/") >= 2
    )


def _members_by_owner(
    paths: frozenset[tuple[str, ...]],
) -> dict[tuple[str, ...], frozenset[str]]:
    """Nested key paths as their last keys by the path of the object that holds them."""
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for path in paths:
        owners[path[:-1]].add(path[-1])
    return {owner: frozenset(keys) for owner, keys in owners.items()}


def _nested_paths(pointers: Any) -> frozenset[tuple[str, ...]]:
    """The nested `/properties/A/B...` pointers as key paths (`*` for array items)."""
    return frozenset(_nested(pointers))


def _nested(pointers: Any) -> list[tuple[str, ...]]:
    """The nested `/properties/A/B...` pointers as key paths, in their order."""
    return [
        tuple(p.split("/")[2:])
        for p in pointers
        if isinstance(p, str) and p.startswith("/properties/") and p.count("/") > 2
    ]


def _top_level_names(pointers: Any) -> frozenset[str]:
    """Names of top-level properties among `/properties/...` pointers."""
    names = set()
    for pointer in pointers:
        parts = pointer.split("/")
        if len(parts) == 3 and parts[1] == "properties":
            names.add(parts[2])
    return frozenset(names)


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
            if (annotated := _annotated(schema)) is None:
                break
            schema = annotated
            continue
        if ref in seen:
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
_ANNOTATIONS = frozenset({"$comment", "default", "deprecated", "description", "examples", "title"})


def _annotated(schema: dict) -> Any:
    """The one schema that a schema of only an `allOf` stands for, where the other branches
    only annotate it (`{"allOf": [{"$ref": "#/definitions/Protocol"}, {"default": "MCP"}]}`);
    else None."""
    branches = schema.get("allOf")
    if not isinstance(branches, list) or schema.keys() - _ANNOTATIONS != {"allOf"}:
        return None
    shaping = [b for b in branches if not (isinstance(b, dict) and b.keys() <= _ANNOTATIONS)]
    return shaping[0] if len(shaping) == 1 else None


def type_of(schema: Any, doc: dict) -> str:
    """The data type shown for a property: its own, or that of what its `$ref` names."""
    return _type_or_none(schema, doc) or "string"


def _type_or_none(schema: Any, doc: dict, seen: frozenset[str] = frozenset()) -> str | None:
    """The data type a schema declares or implies, None when it says nothing of it; `seen`,
    the `$ref`s followed to it (a branch that leads back to one says nothing)."""
    target, seen = deref(schema, doc, seen)
    declared = target.get("type")
    if isinstance(declared, str):
        return declared
    if isinstance(declared, list) and declared:
        return " | ".join(str(t) for t in declared)
    if {"properties", "patternProperties", "additionalProperties"} & target.keys():
        return "object"
    if "items" in target:
        return "array"
    branches = target.get("oneOf") or target.get("anyOf")
    if isinstance(branches, list) and branches:
        types = dict.fromkeys(t for b in branches if (t := _type_or_none(b, doc, seen)))
        return " | ".join(types) or None
    return None


def description_of(schema: Any, doc: dict) -> str:
    """The property's own description, else (where it has none, or an empty one) the one of
    the definition its `$ref` names."""
    if isinstance(schema, dict) and isinstance(schema.get("description"), str):
        if own := schema["description"].strip():
            return own
    target, _ = deref(schema, doc)
    text = target.get("description", "")
    return text.strip() if isinstance(text, str) else ""


class _OverBudget(Exception):
    """The values outgrew the page budget at this depth."""


class _ValueBuilder:
    """Builds the example values of a schema's properties.

    Leaves out nested read-only members and, of members that exclude each other (`oneOf`
    branches of `required`, `maxProperties`, schema `dependencies`), all but the first choice;
    cuts recursion, and optional members past its depth. Placeholders are named by their path;
    `short_names` then names each by its own key where that key means one thing on the page,
    else by as much of its path as tells it apart.
    """

    def __init__(
        self,
        doc: dict,
        read_only: frozenset[tuple[str, ...]],
        depth: int,
        shapes: dict[Any, _Shape],
        budget: int | None = None,
        avoided: Mapping[tuple[str, ...], frozenset[str]] = {},
    ) -> None:
        self.doc = doc
        self.read_only = read_only
        self.depth = depth
        # By id() of a schema of the document (and the path, where members are avoided there),
        # shared between builders.
        self.shapes = shapes
        self.budget = budget  # leaves at most, else _OverBudget
        # By the path of their owner: members left out (deprecated, read-only) unless required,
        # and of choices one without them is taken.
        self.avoided = avoided
        self.leaves: dict[tuple[str, ...], dict] = {}
        self.notes: dict[tuple[str, ...], str | None] = {}  # a leaf's own words beside its $ref
        self.targets: dict[str, Any] = {}  # what each $ref names
        # The member names of each object, by its path.
        self.members: dict[tuple[str, ...], frozenset[str]] = {}

    def build(
        self,
        schema: Any,
        path: tuple[str, ...],
        seen: frozenset = frozenset(),
        extra: dict | None = None,
        required: bool = False,
    ) -> Value:
        """The value at `path` (property keys, `*` for array items).

        `extra` adds what a condition on the owner asks of this value (the `then` of an `if`
        that holds); `required` says that the owner requires it, so that a cut leaves it empty.
        """
        if type(schema) is dict and "$ref" not in schema and "allOf" not in schema:
            # most schemas: nothing to follow
            if len(path) > MAX_VALUE_DEPTH:
                return self.cut(schema, path, required)
            target, followed = schema, seen
        else:
            if len(path) > MAX_VALUE_DEPTH or (
                isinstance(schema, dict) and schema.get("$ref") in seen
            ):
                return self.cut(schema, path, required)
            target, followed = deref(schema, self.doc, seen, self.targets)
        if path in self.avoided:  # a shape of this place only
            shape = self.shapes.get((id(target), path))
            if shape is None:
                shape = self.shapes[(id(target), path)] = _shape(
                    target, self.doc, self.avoided[path]
                )
        elif (shape := self.shapes.get(id(target))) is None:
            shape = self.shapes[id(target)] = _shape(target, self.doc)
        if shape.first_branch is not None:
            return self.build(shape.first_branch, path, followed, extra, required)
        # Past the depth, members are cut unless the owner requires them.
        deep = len(path) > self.depth
        if shape.keys is not None:
            members, needed = target["properties"], shape.needed
            keys = shape.keys
            if self.read_only:
                keys = [k for k in keys if (*path, k) not in self.read_only]
            if type(schema) is dict and "maxProperties" in schema and target is not schema:
                # beside the $ref: Security Hub's ten Filters of a hundred kinds
                keys = _within(list(keys), schema["maxProperties"], needed)
            conditions = _conditional(target, keys) if shape.conditional else {}
            self.members[path] = frozenset(members)
            built = tuple(
                [
                    (
                        k,
                        Truncated(_key_label((*path, k)))
                        if deep and k not in needed
                        else self.build(
                            members[k], (*path, k), followed, conditions.get(k), k in needed
                        ),
                    )
                    for k in keys
                ]
            )
            if deep and required and not needed:  # nothing required inside: leave it empty
                return self.cut(target, path, required)
            # A member with nothing to set (its members all read-only) is left out.
            return ObjectValue(tuple([(k, v) for k, v in built if k in needed or _settable(v)]))
        if shape.kind == "array":
            # A minItems beside the $ref counts too (DynamoDB's two-key KeySchema of an index).
            beside = schema.get("minItems") if isinstance(schema, dict) else None
            least = max(
                (
                    n
                    for n in (target.get("minItems"), (extra or {}).get("minItems"), beside)
                    if isinstance(n, int)
                ),
                default=0,
            )
            if deep and least < 1:
                if required:
                    return self.cut(target, path, required)
                return ArrayValue(Truncated(_key_label((*path, "*"))))
            item = self.build(target.get("items", {}), (*path, "*"), followed, None, least > 0)
            label = _path_label(path)
            return ArrayValue(item, min(max(least, 1), MAX_ARRAY_ITEMS), label)
        if (literal := _only_value(target, shape.kind)) is not None:
            return literal
        self.leaves[path] = target
        self.notes[path] = _ref_note(schema)
        if self.budget is not None and len(self.leaves) > self.budget:
            raise _OverBudget
        return Placeholder(_path_label(path), shape.kind)

    def cut(self, schema: Any, path: tuple[str, ...], required: bool) -> Truncated:
        """A cut value: empty of its type where the owner requires it."""
        kind = type_of(schema, self.doc).split(" | ")[0]
        empty = {"array": "[]", "object": "{}"}.get(kind) if required else None
        return Truncated(_key_label(path), empty)


@dataclass(frozen=True, slots=True)
class _Shape:
    """What the value builder reads off a (dereferenced) schema, read once per schema."""

    kind: str
    first_branch: Any = None  # the branch to build instead, for a schema of oneOf/anyOf only
    keys: tuple[str, ...] | None = None  # an object's members that may stand together
    needed: frozenset[str] = frozenset()
    conditional: bool = False  # whether if/then conditions may add to members


def _shape(target: dict, doc: dict, avoided: frozenset[str] = frozenset()) -> _Shape:
    """The shape of a dereferenced schema. Its `avoided` members (deprecated, read-only) are
    left out unless required, and of choices one without them is taken where there is one."""
    branches = target.get("oneOf") or target.get("anyOf")
    if isinstance(branches, list) and branches and _shaped_by_branches(target, branches, doc):
        return _Shape("", first_branch=_choice(branches, avoided))
    kind = type_of(target, doc).split(" | ")[0]
    members = target.get("properties")
    if kind == "object" and isinstance(members, dict) and members:
        needed = frozenset(_requires(target, avoided))
        return _Shape(
            kind,
            keys=tuple(
                k for k in _compatible(target, members, avoided) if k not in avoided or k in needed
            ),
            needed=needed,
            conditional="if" in target or "allOf" in target,
        )
    return _Shape(kind)


def _patch_members(
    name: str, value: Value, schema: dict, fixed: frozenset[tuple[str, ...]]
) -> tuple[str, ...]:
    """The members of an object that no read-only or create-only path lies in or holds.

    None where the object's schema ties members to each other (a member's presence or value
    asking something of another, as `dependencies` or `if` do): a member replaced alone might
    no longer agree with the others the resource has.
    """
    if not isinstance(value, ObjectValue) or _RELATING.intersection(schema):
        return ()
    return tuple(
        key
        for key, member in value.members
        if _settable(member) and not any(overlaps(path, (name, key)) for path in fixed)
    )


# Keywords by which an object's schema relates its members to each other.
_RELATING = frozenset({"dependencies", "if", "allOf", "oneOf", "anyOf", "not"})


def _shaped_by_branches(schema: dict, branches: list, doc: dict) -> bool:
    """Whether a schema's members are all in its `oneOf`/`anyOf` branches: it says nothing of
    its own shape, or it is an object without members whose first branch has them
    (`{"type": "object", "oneOf": [{"properties": {"Group": ...}}, ...]}`)."""
    if _untyped(schema):
        return True
    own = {"properties", "patternProperties"} & schema.keys()
    if own or isinstance(schema.get("additionalProperties"), dict):
        return False
    if schema.get("type") != "object":
        return False
    members = deref(branches[0], doc)[0].get("properties")
    return isinstance(members, dict) and bool(members)


def _only_value(schema: dict, kind: str) -> Literal | None:
    """The one value a schema allows, where it says so plainly: its `const`, the one value of
    its `enum`, or `{}` for an object that may have no member. Never null (no page shows one).
    """
    if "const" in schema:
        values = [schema["const"]]
    elif isinstance(schema.get("enum"), list) and len(schema["enum"]) == 1:
        values = schema["enum"]
    elif (
        kind == "object"
        and schema.get("additionalProperties") is False
        and not schema.get("properties")
        and not schema.get("patternProperties")
    ):
        values = [{}]
    else:
        return None
    if values[0] is None or _holds_null(values[0]):
        return None
    return Literal(json.dumps(values[0], sort_keys=True))


def _holds_null(value: Any) -> bool:
    """Whether a JSON value holds a null anywhere."""
    if isinstance(value, dict):
        return any(_holds_null(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_null(v) for v in value)
    return value is None


def _settable(value: Value) -> bool:
    """Whether a value has anything to set: an object whose members are all read-only has not,
    nor has an array of such objects."""
    if isinstance(value, ArrayValue):
        return _settable(value.item)
    return not (isinstance(value, ObjectValue) and not value.members)


def _untyped(schema: dict) -> bool:
    """Whether a schema says nothing of its own shape (only its branches do)."""
    return not ({"type", "properties", "items", "patternProperties"} & schema.keys())


def _compatible(schema: dict, members: dict, unsettable: frozenset[str] = frozenset()) -> list[str]:
    """Member keys that may stand together: the first of exclusive choices, within limits."""
    keys = list(members)
    choices = [schema.get("oneOf")] + [
        b.get("oneOf") for b in schema.get("allOf", ()) if isinstance(b, dict)
    ]
    for branches in choices:
        if isinstance(branches, list) and branches:
            keys = _first_choice(keys, branches, unsettable)
    keys = _dependent(schema, keys)
    if not _CFN_LINT_CHOICES.isdisjoint(schema):
        keys = cfn_lint_exclusive(schema, keys, _requires(schema, unsettable))
    return _within(keys, schema.get("maxProperties"), set(schema.get("required", ())), unsettable)


def _within(
    keys: list[str], limit: Any, required: Collection[str], unsettable: Collection[str] = ()
) -> list[str]:
    """The keys a `maxProperties` leaves: required ones first, then the settable, in order."""
    if not isinstance(limit, int) or isinstance(limit, bool):
        return keys
    ranked = sorted(keys, key=lambda k: (k not in required, k in unsettable))
    chosen = set(ranked[: max(limit, len(required))])
    return [k for k in keys if k in chosen]  # in schema order


def _dependent(schema: dict, keys: list[str]) -> list[str]:
    """The keys without members that a shown member's schema dependency rules out.

    `{"A": {"oneOf": [{"required": ["B"]}, {}]}}` and `{"A": {"not": {"required": ["B"]}}}`
    keep B from standing with A. Of dependencies that constrain the same sibling (`TargetArn`
    must be an event bus with EventBusV2Parameters, a queue with SqsParameters) the first holds.
    Required members stay; the member that would rule them out goes.
    """
    dependencies = schema.get("dependencies")
    if not isinstance(dependencies, dict):
        return keys
    required = _requires(schema)
    kept = list(keys)
    constrained: set[str] = set()
    for trigger, dependency in dependencies.items():
        if trigger not in kept or not isinstance(dependency, dict):
            continue
        siblings = set(dependency.get("properties") or {}) - {trigger}
        if siblings & constrained and trigger not in required:
            kept.remove(trigger)
            continue
        constrained |= siblings
        for name in _banned(dependency, kept):
            if name not in required:
                kept.remove(name)
            elif trigger not in required:
                kept.remove(trigger)
                break
    return kept


def _banned(dependency: dict, keys: list[str]) -> list[str]:
    """Members that may not stand beside a dependency's owner: a `not` of `required`, or one
    of each `oneOf` branch's requirements when another branch always holds (`{}`)."""
    banned: list[str] = []
    negated = dependency.get("not")
    if isinstance(negated, dict) and isinstance(negated.get("required"), list):
        banned += [k for k in negated["required"] if k in keys]
    branches = dependency.get("oneOf")
    if isinstance(branches, list) and any(b == {} for b in branches):
        for branch in branches:
            needed = _requires(branch)
            if needed and needed <= set(keys):
                banned.append(sorted(needed)[-1])
    return list(dict.fromkeys(banned))


def _conditional(schema: dict, keys: Any) -> dict[str, dict]:
    """What `if`/`then` conditions (own or in `allOf`) add to members when they hold.

    A condition holds when the members it requires are among `keys`, the members shown; its
    `then` may ask more of other members (DynamoDB: two key items with local indexes).
    """
    added: dict[str, dict] = {}
    for member, _, more in held(schema, frozenset(keys)):
        if isinstance(more, dict):
            added[member] = {**added.get(member, {}), **more}
    return added


def _choice(branches: list, unsettable: frozenset[str]) -> Any:
    """The `oneOf`/`anyOf` branch the examples take: the first that requires nothing
    `unsettable` (read-only, deprecated), else the first."""
    if unsettable:
        for branch in branches:
            if unsettable.isdisjoint(_requires(branch)):
                return branch
    return branches[0]


def _first_choice(
    keys: list[str], branches: list, unsettable: frozenset[str] = frozenset()
) -> list[str]:
    """The keys that hold the chosen one of `oneOf` branches only (exactly one must match):
    the first, unless it requires something `unsettable` and another does not."""
    chosen = _choice(branches, unsettable)
    first = _requires(chosen)
    if first:
        others = set().union(*(_mentions(b) for b in branches if b is not chosen)) - first
        return [k for k in keys if k not in others]
    for branch in branches[1:]:  # the first is always true: no later one may be
        needed = _requires(branch)
        if needed and needed <= set(keys):
            keys = [k for k in keys if k != sorted(needed)[-1]]
    return keys


def _mentions(branch: Any) -> set[str]:
    """Every property a `oneOf` branch requires, in any of its sub-choices."""
    if not isinstance(branch, dict):
        return set()
    names = set(branch.get("required", ()))
    for keyword in ("oneOf", "anyOf", "allOf"):
        for sub in branch.get(keyword, ()) if isinstance(branch.get(keyword), list) else ():
            names |= _mentions(sub)
    return names


def short_names(
    values: dict[str, Value],
    leaves: dict[tuple[str, ...], dict],
    tops: dict[str, dict],
    notes: Mapping[tuple[str, ...], str | None] = {},
    members: Mapping[tuple[str, ...], frozenset[str]] = {},
    on_page: frozenset[str] | None = None,
) -> dict:
    """Rename placeholders to their own key where the key stands for one schema on the page,
    in objects of the same members (`members`: their member names, by the object's path).

    `Destination` under both `OnFailure` and `OnSuccess` (same schema, each object of one
    `Destination`) stays `Destination`; a `StartTime` that is a string in one place and an
    integer in another keeps its path, and so does a `HostedZoneId` whose description beside
    its `$ref` (`notes`, by path) says it is another zone's than the `HostedZoneId` of the same
    definition elsewhere, and a `Name` of an environment variable (`Name`, `Value`) beside the
    `Name` of a secret (`Name`, `ValueFrom`): one value would fill both.

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
            labels = {paths[0]: _key_label(paths[0])}
        else:
            one_schema = all(schemas[p] is schemas[paths[0]] for p in paths)
            groups: dict[tuple, list[tuple[str, ...]]] = defaultdict(list)
            for path in paths:
                text = "" if one_schema else _text_of(schemas[path], texts)
                meaning = (text, notes.get(path), members.get(_member_path(path)[:-1]))
                groups[meaning].append(path)
            if len(groups) == 1 and bare:
                labels = {path: _key_label(path) for path in paths}
            else:
                labels = _distinct_labels(list(groups.values()), frozenset(tops))
        for path, label in labels.items():
            if len(path) > 1:
                names[_path_label(path)] = label
    if not names:
        return values
    return {prop: _renamed(value, names) for prop, value in values.items()}


def _ref_note(schema: Any) -> str | None:
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
            label = _path_label(group[0][start:])
            labels.update((path, label) for path in group)
            return
    if len(group) == 1 or all(len(_ending(p, 0)) <= length for p in group):
        for path in group:  # no ending is free: the whole path, unique on the page
            labels[path] = _path_label(path)
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


def _path_label(path: tuple[str, ...]) -> str:
    """A path as a placeholder names it: `Rules[0].Name` for ("Rules", "*", "Name")."""
    return ".".join(path).replace(".*", "[0]")


def _key_label(path: tuple[str, ...]) -> str:
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
        return ArrayValue(_renamed(value.item, names), value.count, value.label)
    return value
