"""Normalization: turn a checked schema into the Resource model; no raw dict goes further."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterator
from typing import Any

from generator import jsontext
from generator.definitions import (
    MAX_REF_HOPS,
    deref,
    description_of,
    kind_of,
    list_handler_schema,
    refs_in,
    type_of,
)
from generator.exclusive import (
    Exclusive,
    for_pages,
    groups_of,
    with_fixed,
    with_list_needs,
    with_needs,
    with_sets,
)
from generator.jsonpointer import escape_token, overlaps, resolve_pointer, split_pointer, value_at
from generator.labels import member_path, short_names
from generator.lifecycles import service_lifecycle
from generator.model import (
    Alternatives,
    ArrayValue,
    Choice,
    Field,
    Handler,
    HandlerPermissions,
    Method,
    NestedAlternatives,
    ObjectValue,
    Property,
    Resource,
    Spec,
    SqlVerb,
    Value,
)
from generator.naming import cfn_doc_url, field_name, pluralize, snake_case, split_type_name
from generator.schemacheck import LIFECYCLES, without_pointers
from generator.values import (
    build_values,
    compatible,
    conditional,
    only_value,
    requires,
    settable,
)

REGION_FIELD = Field(name="region", type="string", description="AWS region.")
# The services StackQL treats as global: their SELECT examples name no region. Not WAFv2, which
# StackQL's 2024 generator listed too: its REGIONAL web ACLs, rule groups and sets (those of a
# load balancer or an API) live in their own region, where a read without one would not look,
# and StackQL's current pages name the region.
GLOBAL_SERVICES = frozenset({"iam", "route53", "cloudfront", "shield", "globalaccelerator"})


def is_global_service(type_name: str) -> bool:
    """Whether a type is of a service StackQL treats as global (GLOBAL_SERVICES).

    >>> is_global_service("AWS::IAM::Role"), is_global_service("AWS::WAFv2::WebACL")
    (True, False)
    """
    return split_type_name(type_name)[1].lower() in GLOBAL_SERVICES


def normalize(spec: Spec) -> Resource:
    """Build the Resource model of one schema."""
    doc = spec.document
    if spec.naming_nothing:  # (warned of: the lists are read without them)
        doc = without_pointers(doc, spec.naming_nothing)
    # Properties that exclude each other by their descriptions' words (data/exclusive.yaml);
    # and those AWS takes at creation only, which the schema does not list (`create only:`).
    exclusive = groups_of(doc, spec.type_name)
    doc = with_fixed(doc, exclusive)
    vendor, service, resource = split_type_name(spec.type_name)
    singular = snake_case(resource)
    read_only = _top_level_names(doc.get("readOnlyProperties", ()))
    write_only = _top_level_names(doc.get("writeOnlyProperties", ()))
    # A property with a create-only part cannot be patched as a whole either; nor can tags
    # that the schema's `tagging` says are not updatable.
    fixed_tags = _fixed_tags(doc)
    create_only = _owners(doc.get("createOnlyProperties", ())) | fixed_tags
    top = [group for group in exclusive if not group.where]
    for group in (g for g in exclusive if g.needs):  # what AWS asks for beside `required`
        doc = with_needs(doc, group)
    for group in (g for g in exclusive if g.lists_by or g.lists_by_one_of):  # what it lists by
        doc = with_list_needs(doc, group)
    # Listed deprecated, or AWS takes no value of them (exclusive.yaml's `never set`): left
    # out of the examples, unless the schema requires them (of choices, one without them is
    # taken where there is one).
    listed_deprecated = _top_level_names(doc.get("deprecatedProperties", ()))
    never = frozenset().union(*(group.never for group in top))
    avoided_top = read_only | listed_deprecated | never
    required = required_of(doc, avoided_top)
    choosing = doc  # (as the choices among the top-level properties stand)
    doc = for_pages(doc, exclusive)  # the nested groups; the top-level ones are applied here
    reach = _Reach(doc)  # (the nested groups' notes and choices ask the same paths)
    nested_never = _nested_never(reach, exclusive)
    required = _preferred(top, doc, required, avoided_top)
    required |= _needed(top, required, avoided_top)
    deprecated = listed_deprecated - required
    unset = deprecated | (never - required)
    read_only_paths = _nested_paths(doc.get("readOnlyProperties", ()))
    shown = set(compatible(doc, doc["properties"], read_only | unset))
    excluded = set(doc["properties"]) - shown - read_only - unset - required
    out, set_rather = _left_out(top, shown, required, tuple(doc["properties"]))
    shown -= out
    # The top-level properties whose one value a group's `sets` chooses (the nested groups'
    # are in place already), where the schema allows others.
    chosen = {n for g in exclusive if g.where and not g.always for n in _top_level_set(g)}
    for group in top:  # the values a group's first item asks of others, where it is kept
        if group.tie or (group.items and group.items[0] & (shown | required)):
            doc = with_sets(doc, group)
            chosen |= set() if group.always else _top_level_set(group)
    chosen = {n for n in chosen if not _one_value_allowed(spec.document, n)}
    conditions = conditional(doc, shown | required)
    nested_deprecated = _nested_paths(doc.get("deprecatedProperties", ()))
    avoided = _members_by_owner(
        nested_deprecated | _deprecated_holders(doc, nested_deprecated) | read_only_paths
    )
    # What each $ref of the document (as the groups left it) names, resolved once for all.
    targets: dict[str, Any] = {}
    values, builder = build_values(doc, read_only_paths, avoided, conditions, targets)
    tops = {
        name: deref(schema, doc, targets=targets)[0] for name, schema in doc["properties"].items()
    }
    # Named by what the examples show: the properties they set.
    on_page = {n for n in shown | required if n not in read_only and n not in unset}
    values = short_names(values, builder.leaves, doc["properties"], frozenset(on_page))
    nested_fixed = _owners(doc.get("readOnlyProperties", ())) | create_only
    fixed_paths = _nested_paths(doc.get("createOnlyProperties", ())) | read_only_paths
    wholly_create_only = _top_level_names(doc.get("createOnlyProperties", ())) | fixed_tags
    # A resource is found by its primary identifier: a patch that changed it would lose it
    # (of the us-east-1 set, only Route 53's RecordSet leaves such parts out of createOnly).
    identifying = _top_level_names(doc.get("primaryIdentifier", ()))
    wholly_fixed = read_only | wholly_create_only | identifying
    nested_fixed |= identifying
    # (What is read-only AWS sets: only a create-only member may be missing for good.)
    needing = _needing_unset(doc, wholly_create_only - read_only - required)
    nested_fixed |= needing.keys()
    properties = tuple(
        sorted(
            (
                Property(
                    name=name,
                    field_name=field_name(name, service.lower()),
                    type=type_of(schema, doc, targets),
                    description=description_of(schema, doc, targets),
                    required=name in required,
                    read_only=name in read_only,
                    write_only=name in write_only,
                    create_only=name in create_only,
                    value=values[name],
                    shown=(name in shown or name in required)
                    and settable(values[name])
                    and name not in unset,
                    patchable=name not in nested_fixed,
                    patch_members=_patch_members(name, values[name], tops[name], fixed_paths, doc)
                    if name in nested_fixed and name in required and name not in wholly_fixed
                    else (),
                    deprecated=name in deprecated,
                    chosen=name in chosen,
                )
                for name, schema in doc["properties"].items()
            ),
            # `_force` (a column named apart from the SQL keyword) stands where `force` would.
            key=lambda p: (p.field_name.lstrip("_"), p.field_name),
        )
    )
    # Left out of the patch for a part that cannot be updated, though the rest could be; and
    # patched member by member, less the members that hold such a part.
    unpatched = {
        p.name
        for p in properties
        if p.shown
        and not p.patchable
        and not p.patch_members
        and p.name not in wholly_fixed
        and not _every_member_fixed(p.name, tops[p.name], fixed_paths)
    }
    # Of those patched member by member: the members left out, as `A.B`, for being or holding
    # a part that cannot be updated, or else for their ties to other members.
    left_out: list[str] = []
    tied: list[str] = []
    for p in properties:
        if p.shown and p.patch_members:
            for path, fixed in _unpatched_members((p.name,), p.value, p.patch_members, fixed_paths):
                (left_out if fixed else tied).append(".".join(path))
    identifier_paths = tuple(tuple(split_pointer(p)[1:]) for p in doc.get("primaryIdentifier", ()))
    handlers = doc.get("handlers") or {}
    list_schema = list_handler_schema(doc)
    list_required = _list_required(list_schema)
    choices = _choices(choosing, top, frozenset(required), avoided_top)
    properties_named = set(doc["properties"])
    api_fixed = {f for g in exclusive for f in g.fixed}  # (`A`, or a member's `A/B`)
    lifecycle, notice = _lifecycle(doc.get("lifecycle")), ""
    listed = service_lifecycle(spec.type_name)
    if listed is not None and (lifecycle is None or lifecycle[0] == listed[0]):
        # AWS's notice, where the schema says nothing of it or says the same status: its words
        # (Cloud9's maintenance is a closing to new customers) say more than the schema's
        status, date, notice = listed
        lifecycle = (status, date)
    return Resource(
        provider=vendor.lower(),
        service=service.lower(),
        name=pluralize(singular),
        singular=singular,
        type_name=spec.type_name,
        description=_description(doc, spec.type_name),
        doc_url=cfn_doc_url(spec.type_name),
        source=spec.path,
        properties=properties,
        fields=fields_of(properties),
        methods=methods_of(handlers, properties, list_required, is_global_service(spec.type_name)),
        identifier=_identifier_names(identifier_paths, doc["properties"]),
        identifier_paths=identifier_paths,
        list_required=list_required,
        list_sources=tuple(list_filter_property(doc, name) for name in list_required),
        never_set=tuple(sorted((never - required - listed_deprecated) & set(doc["properties"]))),
        nested_never_set=nested_never,
        api_create_only=tuple(sorted({f.partition("/")[0] for f in api_fixed} & properties_named)),
        api_wholly_create_only=tuple(sorted(api_fixed & properties_named)),
        api_create_only_said=tuple(
            sorted({f for g in exclusive if g.says for f in g.fixed} & properties_named)
        ),
        list_instead=tuple(
            tuple(dict.fromkeys(list_filter_property(doc, name) for name in names))
            for names in _list_instead(list_schema, list_required)
        ),
        permissions=tuple(
            # (a permission the schema lists twice, as an EC2 Instance's delete does, once)
            HandlerPermissions(
                h, tuple(dict.fromkeys(p for p in handlers[key].get("permissions", ()) if p))
            )
            for h, key in _HANDLER_KEYS
            if key in handlers
        ),
        global_service=is_global_service(spec.type_name),
        lifecycle=lifecycle,
        lifecycle_notice=notice,
        # (those of a property marked deprecated, or write-only, as a whole go without saying)
        deprecated_members=_dotted(
            doc.get("deprecatedProperties", ()), doc["properties"].keys() - deprecated
        ),
        write_only_members=_dotted(
            doc.get("writeOnlyProperties", ()), doc["properties"].keys() - write_only
        ),
        unpatched_members=_dotted(
            [*doc.get("createOnlyProperties", ()), *doc.get("readOnlyProperties", ())], unpatched
        ),
        partly_patched_members=tuple(left_out),
        tied_members=tuple(tied),
        unpatched_needs=tuple(
            (p.name, needing[p.name])
            for p in properties
            if p.shown and p.name in needing and p.name not in wholly_fixed and not p.patch_members
        ),
        conditional_create_only=_outermost(
            doc.get("conditionalCreateOnlyProperties", ()), doc["properties"]
        ),
        create_choices=choices,
        schema_excluded=tuple(
            p.name
            for p in properties
            if p.name in excluded
            and not p.shown
            and not any(p.name in item for c in choices for item in c.items)
        ),
        nested_set_one=_nested_set_one(
            reach if reach.doc is doc else _Reach(doc), exclusive, on_page, values
        ),
        set_rather=_set_rather(set_rather, {p.name for p in properties if p.shown}, choices),
        overflowed=builder.overflowed,
    )


# What the resource schema template of AWS's CloudFormation CLI says of its example resource,
# which 13 of AWS's schemas still give as their own description (Redshift's Cluster, OpenSearch
# Service's Domain, ...): it says nothing of the resource.
TEMPLATE_DESCRIPTION = (
    "An example resource schema demonstrating some basic constructs and validation rules."
)


def _description(doc: dict, type_name: str) -> str:
    """The resource's description: its schema's, or where that is the schema template's, the
    words AWS's schemas give where they say no more ("Resource Type definition for ...").

    >>> _description({"description": "A queue."}, "AWS::SQS::Queue")
    'A queue.'
    >>> _description({"description": TEMPLATE_DESCRIPTION}, "AWS::Redshift::Cluster")
    'Resource Type definition for AWS::Redshift::Cluster'
    """
    description = doc.get("description", "")
    if description.strip() == TEMPLATE_DESCRIPTION:
        return f"Resource Type definition for {type_name}"
    return description


# The handlers with their keys in a schema's `handlers`, in page order (an Enum's iteration and
# `.value` are slow, and each schema asks for each).
_HANDLER_KEYS = tuple((h, h.value) for h in Handler)


def _lifecycle(lifecycle: Any) -> tuple[str, str] | None:
    """The status and date of a schema's `lifecycle` (of the shape schemacheck holds it to);
    None without one (or of another status, warned of).

    >>> _lifecycle({"status": "sunset", "date": "2026-10-30"}), _lifecycle({"status": "x"})
    (('sunset', '2026-10-30'), None)
    """
    if lifecycle is None or lifecycle["status"] not in LIFECYCLES:
        return None
    return lifecycle["status"], lifecycle.get("date", "")


def _dotted(pointers: Any, properties: Collection[str]) -> tuple[str, ...]:
    """The nested `/properties/A/*/B` pointers of the `properties` named as `A[*].B`, in the
    schema's order, each once; not those inside another one listed (which go without saying).
    """
    nested = [p for p in pointers if isinstance(p, str) and p.count("/") > 2]
    return tuple(member_path(path) for path in _outermost(nested, properties))


def _nested_never(
    reach: _Reach, groups: list[Exclusive]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The members that nested groups' `never set` took out of their objects in the examples'
    copy of the schema (`for_pages`: not those the object requires), by their object."""
    taken: dict[str, set[str]] = {}
    for group in groups:
        if group.where and group.never:
            members = resolve_pointer(reach.doc, group.where).get("properties", {})
            if out := group.never - members.keys():
                for owner in reach.paths_to(group.where) or [_owner_label(group.where)]:
                    taken.setdefault(owner, set()).update(out)
    return tuple((owner, tuple(sorted(names))) for owner, names in sorted(taken.items()))


def _nested_set_one(
    reach: _Reach, groups: list[Exclusive], on_page: set[str], values: dict[str, Value]
) -> tuple[NestedAlternatives, ...]:
    """The nested groups of members that exclude each other, each with the objects of it that
    the examples show (of a property they set, as its `values` hold it), its items as the
    members the object has in its order."""
    found = []
    for group in groups:
        if not group.where or not group.excludes:
            continue
        owners = tuple(
            path
            for path in reach.paths_to(group.where)
            if re.split(r"[.\[]", path, maxsplit=1)[0] in on_page
            and isinstance(_value_at_path(values, path), ObjectValue)
        )
        if owners:
            order = tuple(resolve_pointer(reach.doc, group.where).get("properties", {}))
            items = tuple(tuple(n for n in order if n in item) for item in group.items)
            label = _owner_label(group.where)
            found.append(NestedAlternatives(items, owners, bool(group.says), label))
    return tuple(found)


def _value_at_path(values: dict[str, Value], path: str) -> Value | None:
    """The value the examples show at a member path (`A.B[*].C`), None where they show none.

    >>> _value_at_path({"A": ArrayValue(ObjectValue((("B", ObjectValue(())),)))}, "A[*].B")
    ObjectValue(members=())
    >>> _value_at_path({"A": ObjectValue(())}, "A.B") is None
    True
    """
    first, *rest = re.findall(r"\[\*\]|[^.\[]+", path)
    value: Value | None = values.get(first)
    for token in rest:
        if token == "[*]":
            value = value.item if isinstance(value, ArrayValue) else None
        else:
            value = dict(value.members).get(token) if isinstance(value, ObjectValue) else None
    return value


# Paths `_paths_to` walks at most: definitions that name each other two ways a level, twenty
# deep, would make a million. AWS's schemas walk 2,747 at most (QuickSight's Analysis).
MAX_WALKED = 20_000


def _paths_to(doc: dict, pointer: str, holding: dict[str, set[str]] | None = None) -> list[str]:
    """Where the properties reach the schema at `pointer` (a definition's, say), as the page
    names a member (`LifecycleConfiguration.Rules[*]`), through `$ref`s, arrays and choices;
    a `$ref` is not followed again inside itself.

    >>> doc = {"properties": {"A": {"$ref": "#/definitions/D"}, "B": {"type": "array",
    ...        "items": {"$ref": "#/definitions/D"}}}, "definitions": {"D": {"properties":
    ...        {"E": {"$ref": "#/definitions/D"}}}}}
    >>> _paths_to(doc, "/definitions/D")
    ['A', 'B[*]']
    >>> _paths_to(doc, "/definitions/D/properties/E")
    ['A.E', 'B[*].E']
    """
    reaching = _reaching(_holders(doc) if holding is None else holding, pointer)
    found: list[str] = []
    todo = [
        ((name,), f"/properties/{escape_token(name)}", schema, frozenset())
        for name, schema in reversed(doc["properties"].items())
    ]
    walked = 0
    while todo and walked < MAX_WALKED:
        path, at, schema, refs = todo.pop()
        walked += 1
        while at != pointer and isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in refs or len(refs) >= MAX_REF_HOPS or ref.partition("#")[2] not in reaching:
                schema = None  # a loop, or a definition that does not hold the schema sought
            else:
                refs, at = refs | {ref}, ref.partition("#")[2]
                schema = value_at(doc, at)
        if at == pointer:
            found.append(member_path(path))
            continue
        if not isinstance(schema, dict):
            continue
        nested = []
        for name, member in _mapping(schema.get("properties")).items():
            nested.append((path + (name,), f"{at}/properties/{escape_token(name)}", member))
        if isinstance(schema.get("items"), dict):
            nested.append((path + ("*",), f"{at}/items", schema["items"]))
        for keyword in ("allOf", "oneOf", "anyOf"):
            for i, branch in enumerate(schema.get(keyword) or ()):
                nested.append((path, f"{at}/{keyword}/{i}", branch))
        todo.extend((p, a, s, refs) for p, a, s in reversed(nested))
    return sorted(set(found))


class _Reach:
    """Where one document's properties reach its nested schemas (`_paths_to`): the holders of
    its `$ref`s made once, where first needed, and the paths to each pointer found once."""

    def __init__(self, doc: dict) -> None:
        self.doc = doc
        self._holding: dict[str, set[str]] | None = None
        self._paths: dict[str, list[str]] = {}

    def paths_to(self, pointer: str) -> list[str]:
        """`_paths_to(doc, pointer)`, of this document."""
        if pointer not in self._paths:
            if self._holding is None:
                self._holding = _holders(self.doc)
            self._paths[pointer] = _paths_to(self.doc, pointer, self._holding)
        return self._paths[pointer]


def _holders(doc: dict) -> dict[str, set[str]]:
    """The targets (pointers) of the `$ref`s the properties reach, each with the targets whose
    schema holds a `$ref` to it: what `_reaching` walks back, made once for a document."""
    inside: dict[str, set[str]] = {}  # each target: the targets of the `$ref`s in it
    todo = list(refs_in(doc["properties"]))
    while todo:
        target = todo.pop()
        if target not in inside:
            inside[target] = set(refs_in(value_at(doc, target)))
            todo.extend(inside[target] - inside.keys())
    holding: dict[str, set[str]] = {target: set() for target in inside}
    for target, named in inside.items():
        for one in named:
            holding.setdefault(one, set()).add(target)
    return holding


def _reaching(holding: dict[str, set[str]], pointer: str) -> set[str]:
    """The targets of the properties' `$ref`s (pointers) that hold the schema at `pointer`, or
    hold a `$ref` to one that does: the only ones worth following to it.

    >>> doc = {"properties": {"A": {"$ref": "#/definitions/D"}, "B": {"$ref": "#/definitions/E"}},
    ...        "definitions": {"D": {"items": {"$ref": "#/definitions/E/properties/F"}},
    ...                        "E": {"properties": {"F": {}, "G": {"$ref": "#/definitions/H"}}},
    ...                        "H": {}}}
    >>> sorted(_reaching(_holders(doc), "/definitions/E/properties/F"))
    ['/definitions/D', '/definitions/E', '/definitions/E/properties/F']
    """
    reaching = {t for t in holding if pointer == t or pointer.startswith(t + "/")}
    todo = list(reaching)
    while todo:
        for target in holding.get(todo.pop(), set()) - reaching:
            reaching.add(target)
            todo.append(target)
    return reaching


def _mapping(value: Any) -> dict:
    """A value if it is an object, else an empty one."""
    return value if isinstance(value, dict) else {}


def _owner_label(pointer: str) -> str:
    """A nested object as a page names it: a definition by its name, a member by its path.

    >>> _owner_label("/definitions/LinuxParameters")
    'LinuxParameters'
    >>> _owner_label("/definitions/SolutionConfig/properties/HpoConfig")
    'SolutionConfig.HpoConfig'
    >>> _owner_label("/properties/Rules/items/properties/Action")
    'Rules[*].Action'
    """
    tokens = split_pointer(pointer)
    label, rest = tokens[1], list(tokens[2:])
    while rest:
        keyword = rest.pop(0)
        if keyword == "items":
            label += "[*]"
        elif keyword == "properties" and rest:
            label += f".{rest.pop(0)}"
    return label


def _outermost(pointers: Any, properties: Collection[str]) -> tuple[tuple[str, ...], ...]:
    """The `/properties/A/B...` pointers of the `properties` as key paths, in the schema's
    order, each once; not those inside another one listed (which go without saying).

    >>> _outermost(["/properties/A", "/properties/A/B", "/properties/C/*/D", "/X"], ["A", "C"])
    (('A',), ('C', '*', 'D'))
    """
    paths = [
        tuple(p.split("/")[2:])
        for p in pointers
        if isinstance(p, str) and p.startswith("/properties/")
    ]
    listed = set(paths)
    return tuple(
        dict.fromkeys(
            path
            for path in paths
            if path[0] in properties and not any(path[:n] in listed for n in range(1, len(path)))
        )
    )


def _fixed_tags(doc: dict) -> frozenset[str]:
    """The tag property, where the schema's `tagging` says tags cannot be updated (or that the
    resource takes none: AWS::EC2::SpotFleet, whose update handler has no tagging permission)."""
    tagging = doc.get("tagging")
    if not isinstance(tagging, dict) or False not in (
        tagging.get("tagUpdatable"),
        tagging.get("taggable"),
    ):
        return frozenset()
    pointer = tagging.get("tagProperty", "/properties/Tags")
    names = _owners([pointer]) if isinstance(pointer, str) else frozenset()
    return names & doc["properties"].keys()


def _identifier_names(
    paths: tuple[tuple[str, ...], ...], properties: Collection[str]
) -> tuple[str, ...]:
    """The name of each primary identifier part (its keys below /properties), as `<Name>`
    shows it: its property's, or a nested one's own where no other property or part has it,
    else its path (`Config.Name`).

    >>> _identifier_names((("A",), ("S", "Id")), {"A", "S"})
    ('A', 'Id')
    >>> _identifier_names((("Name",), ("C", "Name")), {"Name", "C"})
    ('Name', 'C.Name')
    """
    lasts = [path[-1] for path in paths]
    return tuple(
        path[-1]
        if len(path) == 1 or (path[-1] not in properties and lasts.count(path[-1]) == 1)
        else ".".join(path)
        for path in paths
    )


def _needing_unset(doc: dict, unset: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Properties no patch may set, with what they need: cfn-lint's `dependentRequired` has
    each need one that a resource may lack and no patch can add (create-only, not required).
    An EC2 SecurityGroup made without a VpcId takes no SecurityGroupEgress."""
    wants = doc.get("dependentRequired")
    if not isinstance(wants, dict):
        return {}
    return {
        name: tuple(n for n in needed if n in unset)
        for name, needed in wants.items()
        if isinstance(needed, list) and unset.intersection(needed)
    }


def fields_of(properties: tuple[Property, ...]) -> tuple[Field, ...]:
    """The columns: one per property, then StackQL's `region`, the AWS region, also where a
    property's column is named so (SNS Subscription's `Region`, the topic's region): it was
    left out then, and the page's SELECT `region` read as the property, write-only there."""
    fields = tuple(
        Field(p.field_name, p.type, p.description, p.write_only, p.deprecated) for p in properties
    )
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


def _left_out(
    groups: list[Exclusive], shown: set[str], required: set[str], order: tuple[str, ...]
) -> tuple[set[str], list[Alternatives]]:
    """The properties the examples leave out for the groups: those of every item but the
    first that holds a required property, else the first the examples show. And for each
    group of which they leave out some they would show, the properties of the item kept and
    those left out that they would show, in the schema's order."""
    out: set[str] = set()
    said: list[Alternatives] = []
    for group in (g for g in groups if not g.at_least):  # (which excludes nothing)
        kept = next((i for i in group.items if i & required), None)
        kept = kept or next((i for i in group.items if i & (shown - out)), None)
        others = frozenset().union(*(i for i in group.items if i is not kept)) - required
        out |= others
        if kept and others & shown:
            said.append(
                Alternatives(
                    tuple(n for n in order if n in kept & (shown | required)),
                    tuple(n for n in order if n in others & shown),
                    bool(group.says),
                )
            )
    return out, said


def _set_rather(
    found: list[Alternatives], shown: set[str], choices: tuple[Choice, ...]
) -> tuple[Alternatives, ...]:
    """What the examples set of properties AWS takes at most one of, rather than what: of
    each group, the kept properties they do show (another group may have left some out; none
    left, nothing to say), unless a choice of exactly one of the create's says it already;
    groups of the same kept properties as one."""
    by_kept: dict[tuple[str, ...], Alternatives] = {}
    for a in found:
        kept = tuple(n for n in a.kept if n in shown)
        named = {*a.kept, *a.others}
        exactly = (c for c in choices if not c.at_least_one)  # ("at least one" excludes none)
        if not kept or any(named <= {n for i in c.items for n in i} for c in exactly):
            continue
        was = by_kept.get(kept, Alternatives(kept, (), False))
        others = tuple(dict.fromkeys((*was.others, *a.others)))
        by_kept[kept] = Alternatives(kept, others, was.described or a.described)
    return tuple(by_kept.values())


def _choices(
    doc: dict, groups: list[Exclusive], required: frozenset[str], unsettable: frozenset[str]
) -> tuple[Choice, ...]:
    """The choices among top-level properties of which the required ones take one item: of the
    schema's `oneOf`/`anyOf` (its own or an `allOf` branch's, by their branches' `required`,
    less what every branch requires), of cfn-lint's `requiredXor`/`requiredOr`, and of
    exclusive.yaml's `one of` groups; each once. Not a choice: one with an item of no property
    (a branch that requires nothing leaves the choice optional), and one where the required
    properties hold more than one item or none. Items of properties that cannot be set
    (read-only, deprecated, of no value AWS takes) are left out."""
    found: list[tuple[list[tuple[str, ...]], bool]] = []
    parts = [doc, *(b for b in doc.get("allOf", ()) if isinstance(b, dict))]
    for part, keyword in ((p, k) for p in parts for k in ("oneOf", "anyOf")):
        branches = part.get(keyword)
        if isinstance(branches, list) and branches and all(isinstance(b, dict) for b in branches):
            names = [list(b.get("required", ())) for b in branches]
            common = set.intersection(*(set(n) for n in names))
            found.append(
                ([tuple(n for n in ns if n not in common) for ns in names], keyword == "anyOf")
            )
    for keyword in ("requiredXor", "requiredOr"):
        if jsontext.is_names(doc.get(keyword)):
            found.append(([(n,) for n in doc[keyword]], keyword == "requiredOr"))
    for group in groups:
        if group.needed and not group.where:
            found.append(([tuple(sorted(item)) for item in group.items], group.at_least))
    choices: dict[frozenset[tuple[str, ...]], Choice] = {}
    properties = doc["properties"]
    for items, at_least_one in found:
        if not items or not all(items):
            continue
        items = [i for i in items if all(n in properties and n not in unsettable for n in i)]
        items = list(dict.fromkeys(items))
        held = [index for index, item in enumerate(items) if required.issuperset(item)]
        if len(items) > 1 and len(held) == 1:
            key = frozenset(items)  # (given as both "exactly one" and "at least one": exactly)
            if key not in choices or not at_least_one:
                choices[key] = Choice(tuple(items), held[0], at_least_one)
    # (one that another says more fully goes: ScalingTargetId or ResourceId, beside
    # ScalingTargetId or ResourceId with ScalableDimension and ServiceNamespace)
    return tuple(c for c in choices.values() if not any(_within(c, o) for o in choices.values()))


def _within(choice: Choice, other: Choice) -> bool:
    """Whether `other` is another choice of as many items, each holding one of `choice`'s."""
    return (
        other != choice
        and len(other.items) == len(choice.items)
        and all(any(set(i) <= set(o) for o in other.items) for i in choice.items)
    )


def required_of(doc: dict, read_only: frozenset[str] = frozenset()) -> set[str]:
    """Required properties: `required`, every `allOf` branch's, the first `oneOf`/`anyOf`'s,
    and what cfn-lint's keywords ask (of members that are not `read_only`)."""
    return requires(doc, read_only) & set(doc["properties"])


def _list_required(handler_schema: dict) -> tuple[str, ...]:
    """What a list handler requires (of its `list_handler_schema`): its `required`, and the
    first of its `oneOf`/`anyOf`."""
    names = list(handler_schema.get("required", ()))
    for keyword in ("oneOf", "anyOf"):
        branches = handler_schema.get(keyword)
        if isinstance(branches, list) and branches and isinstance(branches[0], dict):
            names += [n for n in branches[0].get("required", ()) if n not in names]
    return tuple(names)


def _list_instead(handler_schema: dict, required: tuple[str, ...]) -> list[tuple[str, ...]]:
    """What a list handler takes instead of what `_list_required` gives: its `required` with
    each later branch of its `oneOf`/`anyOf` (by the branch's `required`)."""
    plain = list(handler_schema.get("required", ()))
    instead = []
    for keyword in ("oneOf", "anyOf"):
        branches = handler_schema.get(keyword)
        if isinstance(branches, list) and branches and isinstance(branches[0], dict):
            for branch in branches[1:]:
                names = branch.get("required", ()) if isinstance(branch, dict) else ()
                other = tuple(dict.fromkeys([*plain, *names]))
                if names and other != required and other not in instead:
                    instead.append(other)
    return instead


def list_filter_property(document: dict, name: str) -> str:
    """The resource property whose value the list handler's member `name` takes: the one its
    `$ref` names in the resource's schema (`resource-schema.json#/properties/Workspace`),
    else the property of its own name."""
    members = list_handler_schema(document).get("properties")
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


def _top_level_set(group: Exclusive) -> set[str]:
    """The top-level properties a group's `sets` gives a value: by name where the group's
    object is the resource's, else by their pointer (`/properties/Type`)."""
    names = set()
    for key, _ in group.sets:
        tokens = key.split("/")
        if key.startswith("/properties/") and len(tokens) == 3:
            names.add(tokens[2])
        elif not key.startswith("/") and not group.where:
            names.add(key)
    return names


def _one_value_allowed(doc: dict, name: str) -> bool:
    """Whether the schema of a top-level property allows one value only (then written out
    wherever it is shown, as the schema's, not a choice)."""
    schema = deref(doc["properties"].get(name, {}), doc)[0]
    if not isinstance(schema, dict):
        return False
    return only_value(schema, kind_of(schema, doc)) is not None


def _deprecated_holders(
    doc: dict, deprecated: frozenset[tuple[str, ...]]
) -> frozenset[tuple[str, ...]]:
    """Nested objects that require a deprecated member (and those that require such an
    object): the examples leave them out as they leave deprecated members out, unless their
    own owner requires them. A SPEKE key provider's optional encryption contract requires its
    two deprecated presets (AWS::MediaPackage::OriginEndpoint)."""
    holders: set[tuple[str, ...]] = set()
    todo = list(deprecated)
    while todo:
        path = todo.pop()
        owner = path[:-1]
        if len(owner) < 2 or owner in holders:  # a top-level property is kept as it is
            continue
        schema = _schema_at(doc, owner)
        required = schema.get("required") if isinstance(schema, dict) else None
        if isinstance(required, list) and path[-1] in required:
            holders.add(owner)
            todo.append(owner)
    return frozenset(holders)


def _schema_at(doc: dict, path: tuple[str, ...]) -> Any:
    """The (dereferenced) schema of the value at a key path (`*` for array items), None where
    the path names none."""
    node: Any = {"properties": doc.get("properties")}
    for key in path:
        node = deref(node, doc)[0] if isinstance(node, dict) else None
        if not isinstance(node, dict):
            return None
        node = node.get("items") if key == "*" else (node.get("properties") or {}).get(key)
    return deref(node, doc)[0] if isinstance(node, dict) else None


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


def _patch_members(
    name: str, value: Value, schema: dict, fixed: frozenset[tuple[str, ...]], doc: dict
) -> tuple[str, ...]:
    """The members of an object that no read-only or create-only path lies in or holds, as
    `K`; and of a member the object requires (every resource has it) that holds such a path
    deeper, its own such members, as `K/M`, at any depth.

    Not those that the object's schema ties to others (a member's presence or value asking
    something of another, as `dependencies` or `if` do, or exclusive.yaml's groups): a member
    replaced alone might no longer agree with the others the resource has.
    """
    return tuple(_patchable((name,), value, schema, fixed, doc))


def _patchable(
    path: tuple[str, ...],
    value: Value,
    schema: dict,
    fixed: frozenset[tuple[str, ...]],
    doc: dict,
) -> Iterator[str]:
    """`_patch_members` of the object at `path`."""
    if not isinstance(value, ObjectValue):
        return
    tied = _named_members({k: v for k, v in schema.items() if k in _RELATING})
    required = schema.get("required", ())
    members = schema.get("properties", {})
    for key, member in value.members:
        if key in tied:
            continue
        if not _fixed_member(path, key, member, fixed):
            yield key
        elif key in required and not _fixed_member(path, key, member, fixed, deeper=False):
            inner = deref(members.get(key, {}), doc)[0]
            yield from (f"{key}/{m}" for m in _patchable((*path, key), member, inner, fixed, doc))


def _unpatched_members(
    path: tuple[str, ...],
    value: Value,
    patched: Collection[str],
    fixed: frozenset[tuple[str, ...]],
) -> Iterator[tuple[tuple[str, ...], bool]]:
    """The members of an object patched member by member (`patched`, as `_patch_members`
    gives them) that its patch leaves out, at any depth: their paths, and whether each is or
    holds a part that cannot be updated (else the schema ties it to others)."""
    if not isinstance(value, ObjectValue):
        return
    for key, member in value.members:
        inner = [m.partition("/")[2] for m in patched if m.startswith(f"{key}/")]
        if inner:
            yield from _unpatched_members((*path, key), member, inner, fixed)
        elif key not in patched:
            yield (*path, key), _fixed_member(path, key, member, fixed)


def _every_member_fixed(name: str, schema: dict, fixed: Collection[tuple[str, ...]]) -> bool:
    """Whether each member an object property's schema has is itself read-only or create-only
    (or lies in such a path): nothing of it may be patched, as of one fixed whole (a Billing
    Conductor line item's BillingPeriodRange)."""
    members = schema.get("properties")
    return (
        isinstance(members, dict)
        and bool(members)
        and all(_fixed_path((name, key), fixed, deeper=False) for key in members)
    )


def _fixed_member(
    path: tuple[str, ...],
    key: str,
    member: Value,
    fixed: Collection[tuple[str, ...]],
    deeper: bool = True,
) -> bool:
    """Whether the member `key` of the object at `path` cannot be patched alone: nothing in it
    can be set, or a read-only or create-only path is it or holds it, or (`deeper`) lies in it."""
    return not settable(member) or _fixed_path((*path, key), fixed, deeper)


def _fixed_path(where: tuple[str, ...], fixed: Collection[tuple[str, ...]], deeper: bool) -> bool:
    """Whether a read-only or create-only path is the one at `where` or holds it, or
    (`deeper`) lies in it."""
    return any(overlaps(p, where) for p in fixed if deeper or len(p) <= len(where))


# Keywords by which an object's schema relates its members to each other.
_RELATING = frozenset({"dependencies", "if", "allOf", "oneOf", "anyOf", "not"})


def _named_members(node: Any) -> frozenset[str]:
    """The member names a part of a schema names, at any depth: of `properties`, `required`,
    `dependencies` (and what they require), cfn-lint's `requiredXor` and the like.

    >>> sorted(_named_members({"allOf": [{"required": ["A"]}, {"not": {"properties": {"B": {}}}}]}))
    ['A', 'B']
    >>> sorted(_named_members({"dependencies": {"C": ["D"], "E": {"properties": {"F": {}}}}}))
    ['C', 'D', 'E', 'F']
    """
    names: set[str] = set()
    todo = [node]
    while todo:
        node = todo.pop()
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if key in _NAME_MAPS and isinstance(value, dict):
                names.update(value)
                if key != "properties":  # what a member asks: names, or a schema (walked)
                    names.update(n for v in value.values() if jsontext.is_names(v) for n in v)
            if key in _NAME_LISTS and isinstance(value, list):
                names.update(v for v in value if isinstance(v, str))
            todo.append(value)
    return frozenset(names)


# Keywords whose value is a list of member names; and those whose value's keys are names.
_NAME_LISTS = frozenset({"required", "requiredXor", "requiredOr"})
_NAME_MAPS = frozenset({"properties", "dependencies", "dependentRequired", "dependentExcluded"})
