"""Example snippets of a page, built from the model: manifest YAML, JSON Patch, identifiers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from generator.escape import sql_literal, yaml_key, yaml_quoted
from generator.labels import member_path
from generator.model import (
    CLOUD_CONTROL_RESOURCES,
    DEFAULT_REGION,
    OTHER_PARTITIONS,
    ArrayValue,
    Literal,
    ObjectValue,
    Placeholder,
    Resource,
    Truncated,
    Value,
)
from generator.naming import SQL_WORDS, field_name

CUT_NOTE = "cut here: nested too deep or recursive, see the schema"
# JSON of a string, as json.dumps writes it, less its dispatch on the type: the patch's
# writer calls it for every member name.
_json_string = json.encoder.encode_basestring_ascii


def placeholder(name: str) -> str:
    """The text a user replaces: `{{ name }}`.

    >>> placeholder("FunctionName")
    '{{ FunctionName }}'
    """
    return "{{ " + name + " }}"


def identifier_placeholder(resource: Resource) -> str:
    """The Cloud Control identifier with a placeholder per part, joined by `|`."""
    return "|".join(f"<{name}>" for name in resource.identifier)


def resource_model_placeholder(resource: Resource) -> str:
    """The `ResourceModel` JSON the list handler requires, with placeholders: each named by the
    property it takes its value from; quoted where that is a string, bare where its JSON is an
    object, array, number or boolean.

    A placeholder is JSON only once filled; a reader puts a value's JSON where it stands.
    """
    types = {p.name: p.type.split(" | ")[0] for p in resource.properties}
    members = []
    for name, source in zip(resource.list_required, resource.list_sources, strict=True):
        placeholder = f"<{source}>"
        if types.get(source, "string") == "string":
            placeholder = f'"{placeholder}"'
        members.append(f"{json.dumps(name)}: {placeholder}")
    return "{" + ", ".join(members) + "}"


def page_region(resource: Resource) -> str:
    """The region a page's examples name: the one its schema was fetched for; for a global
    service (IAM, Route 53, ...), us-east-1, where StackQL reads them, unless that region is
    in another partition, whose own region serves.

    >>> from dataclasses import replace
    >>> r = Resource("aws", "iam", "roles", "role", "AWS::IAM::Role", "", "", "", (), (), (), (),
    ...              (), (), global_service=True, region="eu-west-1")
    >>> page_region(r), page_region(replace(r, region="us-gov-west-1"))
    ('us-east-1', 'us-gov-west-1')
    >>> page_region(replace(r, global_service=False))
    'eu-west-1'
    """
    return region_named(resource.region, resource.global_service)


def region_named(region: str, global_service: bool) -> str:
    """The region the examples name of schemas fetched for `region` (`page_region`).

    >>> region_named("eu-west-1", True), region_named("cn-north-1", True)
    ('us-east-1', 'cn-north-1')
    """
    other = any(form.fullmatch(region) for form, _ in OTHER_PARTITIONS)
    return DEFAULT_REGION if global_service and not other else region


def list_conditions(resource: Resource, region: str) -> tuple[str, ...]:
    """The WHERE conditions of the list example (none for a global service without filters).

    A ResourceModel is `string('...')`: StackQL sends a plain literal that is a JSON object as
    that object, and Cloud Control's ResourceModel is text.
    """
    where = () if resource.global_service else (f"region = '{sql_literal(region)}'",)
    if resource.list_required:
        model = sql_literal(resource_model_placeholder(resource))
        type_name = sql_literal(resource.type_name)
        where += (f"data__TypeName = '{type_name}'", f"data__ResourceModel = string('{model}')")
    return where


def list_source(resource: Resource) -> str:
    """What the list example reads: the resource, or Cloud Control's list of any type."""
    return CLOUD_CONTROL_RESOURCES if resource.list_required else resource.resource_id


def list_columns(resource: Resource) -> tuple[str, ...]:
    """The list example's columns: the resource's, or (through Cloud Control's list) region and
    each primary identifier property, read from the listed `Properties` by JSON_EXTRACT.

    A nested one is named by its own name, else (taken, or a word SQL reads) by its path.
    """
    if not resource.list_required:
        return select_columns(resource)
    fields = {p.name: p.field_name for p in resource.properties}
    names = {"region", *(fields[path[0]] for path in resource.identifier_paths if len(path) == 1)}
    columns = ["region"]
    for path in resource.identifier_paths:
        name = fields[path[0]]
        if len(path) > 1:
            name = field_name(path[-1], resource.service)
            if name in names or name in SQL_WORDS:
                name = "_".join(field_name(key, resource.service) for key in path)
            names.add(name)
        json_path = sql_literal("$." + ".".join(path))  # names of letters and digits
        columns.append(f"JSON_EXTRACT(Properties, '{json_path}') AS {name}")
    return tuple(columns)


def get_conditions(resource: Resource, region: str) -> tuple[str, ...]:
    """The WHERE conditions of the get example."""
    where = () if resource.global_service else (f"region = '{sql_literal(region)}'",)
    return (*where, f"data__Identifier = '{sql_literal(identifier_placeholder(resource))}'")


def insert_literals(resource: Resource) -> dict[str, str]:
    """The INSERT values of the properties the schema allows one value of: the string itself,
    else its JSON, escaped for a SQL string literal."""
    literals = {}
    for p in resource.properties:
        if isinstance(p.value, Literal):
            value = json.loads(p.value.json)
            literals[p.name] = sql_literal(value if isinstance(value, str) else p.value.json)
        elif _one_fixed_item(p.value):  # an array of one value (`sets: {A: [x]}`)
            item = json.loads(p.value.item.json)
            literals[p.name] = sql_literal(json.dumps([item] * p.value.count))
    return literals


def _one_fixed_item(value: Value) -> bool:
    """Whether a value is an array whose items are all one fixed value."""
    return isinstance(value, ArrayValue) and isinstance(value.item, Literal) and not value.fixed


def insert_columns(resource: Resource, required_only: bool) -> tuple[str, ...]:
    """The INSERT columns: properties that may be set (not read-only)."""
    return tuple(
        p.name
        for p in resource.properties
        if not p.read_only and (p.required or (p.shown and not required_only))
    )


def select_columns(resource: Resource) -> tuple[str, ...]:
    """The SELECT columns: region first, then every field that reads back (not write-only)."""
    return ("region", *(f.name for f in resource.fields if not f.write_only and f.name != "region"))


def patch_ops(resource: Resource) -> tuple[tuple[str, Value], ...]:
    """The path and value of each UPDATE operation: every property that may be replaced whole
    (neither read-only nor create-only, nor holding such a part), and the patchable members of
    a required one that holds such a part; none whose value was cut whole (nothing to set)."""
    return tuple((path, value) for path, value in _patchable(resource) if not _cut(value))


def _patchable(resource: Resource) -> Iterator[tuple[str, Value]]:
    """The path and value of each operation the patch would hold, cut values included."""
    for p in resource.properties:
        if not p.shown or p.read_only:
            continue
        if p.patchable and not p.create_only:
            yield f"/{p.name}", p.value
        elif p.patch_members:
            yield from ((f"/{p.name}/{m}", _member_at(p.value, m)) for m in p.patch_members)


def conditionally_patched(resource: Resource) -> tuple[str, ...]:
    """Of the schema's `conditionalCreateOnlyProperties`, those the patch sets or holds, as
    `A` or `A.B` (`A[*].B` through arrays)."""
    if not resource.conditional_create_only:  # most resources
        return ()
    patched = [tuple(path.split("/")[1:]) for path, _ in _patchable(resource)]
    return tuple(
        member_path(path)
        for path in resource.conditional_create_only
        if any(path[: len(p)] == p or p[: len(path)] == path for p in patched)
    )


def _member_at(value: Value, path: str) -> Value:
    """The member of an object value at a path of member names (`A/B`)."""
    for key in path.split("/"):
        assert isinstance(value, ObjectValue)
        value = dict(value.members)[key]
    return value


def manifest_props(resource: Resource) -> str:
    """The `props:` entries of the stack-deploy manifest, indented for the resources list."""
    lines: list[str] = ["    props:"]
    for prop in resource.properties:
        if prop.read_only or not prop.shown:
            continue
        start = len(lines)
        lines.append(f"      - name: {yaml_key(prop.name)}")
        if not _yaml_entry(lines, "        value:", prop.value, 8):
            # Cut: nothing to set, and an entry without a value would be null. A required one
            # is there, empty: what is cut in it is optional (required members are not cut).
            del lines[start:]
            if prop.required:
                empty = "[]" if isinstance(prop.value, ArrayValue) else "{}"
                lines.append(f"      - name: {yaml_key(prop.name)}")
                lines.append(f"        value: {empty}  # {CUT_NOTE}")
            else:
                lines.append(f"      # - name: {yaml_key(prop.name)}: {CUT_NOTE}")
    return "\n".join(lines) if len(lines) > 1 else "    props: []"


def _cut(value: Value) -> bool:
    """Whether a value was cut (recursive or too deep): itself, its items, or all its members."""
    if isinstance(value, ArrayValue):
        return _cut(value.item)
    if isinstance(value, ObjectValue):
        return bool(value.members) and all(_cut(v) for _, v in value.members)
    return isinstance(value, Truncated) and value.empty is None


# The YAML and JSON writers below find a value cut (`_cut`) as they write it, from what its
# members give: walking each value first would walk what is below it once per level above it.
# The YAML writers add their lines to one list, each line once, and take back what they added
# for a value found cut: lines returned up the levels would be copied once per level.


def _yaml_entry(lines: list[str], head: str, value: Value, indent: int) -> bool:
    """Add the YAML lines of an entry, its `key:` at its indent (`head`) and the value; False
    (and none added) where the value was cut."""
    if isinstance(value, Placeholder):
        lines.append(f"{head} {yaml_quoted(placeholder(value.name))}")
    elif isinstance(value, Literal):
        lines.append(f"{head} {_yaml_literal(value)}")
    elif isinstance(value, ObjectValue) and not value.members:
        lines.append(f"{head} {{}}")
    elif isinstance(value, (ObjectValue, ArrayValue)):
        start = len(lines)
        lines.append(head)
        if not _yaml_block(lines, value, indent + 2):
            del lines[start:]
            return False
    elif value.empty is None:
        return False
    else:  # cut, but required: left empty
        lines.append(f"{head} {value.empty}  # {CUT_NOTE}")
    return True


def _yaml_block(lines: list[str], value: ObjectValue | ArrayValue, indent: int) -> bool:
    """Add the YAML lines of an object or array value at an indent (a cut member is a comment
    that says so); False where the value was cut, its caller to take back what was added."""
    pad = " " * indent
    if isinstance(value, ObjectValue):
        kept = not value.members
        for key, member in value.members:
            if _yaml_entry(lines, f"{pad}{yaml_key(key)}:", member, indent):
                kept = True
            else:
                lines.append(f"{pad}# {key}: {CUT_NOTE}")
        return kept
    if _cut(value.item):  # (its items are like it: none is cut, where it is not)
        return False
    for item in items_of(value):
        if isinstance(item, Placeholder):
            lines.append(f"{pad}- {yaml_quoted(placeholder(item.name))}")
        elif isinstance(item, Literal):
            lines.append(f"{pad}- {_yaml_literal(item)}")
        elif isinstance(item, (ObjectValue, ArrayValue)):
            start = len(lines)
            if _yaml_block(lines, item, indent + 2) and len(lines) > start:
                # The first line of the item goes after the dash.
                lines[start] = f"{pad}- {lines[start].lstrip()}"
            else:
                del lines[start:]
                lines.append(f"{pad}- {{}}")
        else:
            lines.append(f"{pad}- {item.empty or '{}'}  # {CUT_NOTE}")
    return True


def _yaml_literal(value: Literal) -> str:
    """A literal in YAML: a string single-quoted (double-quoted, as JSON, where it holds a
    control character), anything else as its JSON, which YAML reads alike.

    >>> _yaml_literal(Literal('"DENY"')), _yaml_literal(Literal("{}")), _yaml_literal(Literal("3"))
    ("'DENY'", '{}', '3')
    """
    text = json.loads(value.json)
    if isinstance(text, str) and text.isprintable():
        return yaml_quoted(text)
    return _yaml_json(text) if "e" in value.json else value.json


def _yaml_json(data: Any) -> str:
    """JSON text that YAML 1.1 (PyYAML, stackql-deploy's) reads alike: a number with an
    exponent has a point before it, which YAML 1.1 needs to read a number, not a string.

    >>> _yaml_json({"a": [1e-05, 1e+16, "1e5"]})
    '{"a": [1.0e-05, 1.0e+16, "1e5"]}'
    """
    if isinstance(data, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_yaml_json(v)}" for k, v in data.items()) + "}"
    if isinstance(data, list):
        return "[" + ", ".join(_yaml_json(v) for v in data) + "]"
    text = json.dumps(data)
    if isinstance(data, float) and "e" in text and "." not in text:
        mantissa, _, exponent = text.partition("e")
        return f"{mantissa}.0e{exponent}"
    return text


def patch_document(resource: Resource) -> tuple[str, bool]:
    """The RFC 6902 JSON Patch of the UPDATE example, adding the values of `patch_ops`, one
    operation a line ("" where it holds none), and whether a value it would set was cut, in
    part or whole (and left out): one walk of what may be patched gives both."""
    lines = []
    cuts: list[Value] = []
    for path, value in _patchable(resource):
        text = _json_value(value, cuts)  # None where cut whole, as `patch_ops` leaves it out
        if text is not None:
            lines.append(f'  {{"op": "add", "path": "{path}", "value": {text}}}')
    return ("[\n" + ",\n".join(lines) + "\n]" if lines else ""), bool(cuts)


def _json_value(value: Value, cuts: list[Value]) -> str | None:
    """JSON text of a value with placeholders: string ones quoted, the rest (numbers,
    booleans, free-form objects) bare, to be replaced by JSON of their type; without cut
    members, and None where the value was cut. What it finds cut (too deep or recursive, left
    empty or out) it adds to `cuts`."""
    if isinstance(value, Placeholder):
        text = placeholder(value.name)
        return _json_string(text) if value.type == "string" else text
    if isinstance(value, Literal):
        return value.json
    if isinstance(value, ObjectValue):
        members = [
            f"{_json_string(k)}: {text}"
            for k, v in value.members
            if (text := _json_value(v, cuts)) is not None
        ]
        return "{" + ", ".join(members) + "}" if members or not value.members else None
    if isinstance(value, ArrayValue):
        if _cut(value.item):  # (its items are like it: none is cut, where it is not)
            cuts.append(value.item)
            return None
        return "[" + ", ".join(_json_value(item, cuts) or "{}" for item in items_of(value)) + "]"
    cuts.append(value)
    return None if value.empty is None else (value.empty or "{}")


def items_of(value: ArrayValue) -> list[Value]:
    """The items an array shows: scalar ones numbered, `X[0]`, `X[1]`, ...

    >>> [i.name for i in items_of(ArrayValue(Placeholder("Ids[0]", "string"), 2))]
    ['Ids[0]', 'Ids[1]']
    >>> items_of(ArrayValue(Placeholder("Ids[0]", "string"), 1))
    [Placeholder(name='Ids[0]', type='string')]
    >>> tag = ObjectValue((("Key", Placeholder("Tags[0].Key", "string")),))
    >>> [i.members[0][1].name for i in items_of(ArrayValue(tag, 2, "Tags"))]
    ['Tags[0].Key', 'Tags[1].Key']
    """
    item = value.item
    if value.count == 1 and not value.fixed:
        return [item]  # most arrays: their one item is as it stands
    if isinstance(item, Placeholder) and item.name.endswith("[0]"):
        stem = item.name[: -len("[0]")]
        return [Placeholder(f"{stem}[{i}]", item.type) for i in range(value.count)]
    # Later items get placeholders of their own (`Key[1]`), so that they can differ.
    items = [item, *(_numbered(item, i, value.label) for i in range(1, value.count))]
    fixed = value.fixed  # as many as the items, or fewer
    return [_fixed(item, fixed[i]) if i < len(fixed) else item for i, item in enumerate(items)]


def _fixed(item: Value, members: tuple[tuple[str, Literal], ...]) -> Value:
    """An object item with the members its place in the array fixes set to their values.

    >>> key = ObjectValue((("Name", Placeholder("Name", "string")), ("Type", Literal('"X"'))))
    >>> _fixed(key, (("Type", Literal('"HASH"')),)).members
    (('Name', Placeholder(name='Name', type='string')), ('Type', Literal(json='"HASH"')))
    """
    if not isinstance(item, ObjectValue) or not members:
        return item
    values = dict(members)
    return ObjectValue(tuple((k, values.get(k, v)) for k, v in item.members))


def _numbered(value: Value, index: int, owner: str, within: str = "") -> Value:
    """A copy of an item of the array `owner` whose placeholders are marked with its index:
    in the owner's `[0]` where they are named by their path through it, else as the item's
    path and theirs in it (`within`; where it is not known, the index at their end).

    >>> ids = ArrayValue(Placeholder("Ids[0]", "string"), 1, "Ids")
    >>> _numbered(ids, 2, "Tags").item.name  # its own items numbered last
    'Ids[2][0]'
    >>> _numbered(ObjectValue((("Ids", ids),)), 2, "Tags").members[0][1].item.name
    'Tags[2].Ids[0]'
    >>> commands = ArrayValue(Placeholder("Actions[0].Commands[0]", "string"), 1, "Commands")
    >>> _numbered(commands, 1, "Stages").item.name  # a path: the item's path first
    'Stages[1].Actions[0].Commands[0]'
    """
    if isinstance(value, Placeholder):
        return Placeholder(_renumbered(value.name, index, owner, within), value.type)
    if isinstance(value, ObjectValue):
        return ObjectValue(
            tuple(
                (k, _numbered(v, index, owner, f"{within}.{k}" if within else k))
                for k, v in value.members
            )
        )
    if isinstance(value, ArrayValue):
        label = _renumbered(value.label, index, owner, within) if value.label else ""
        item = value.item
        if (
            isinstance(item, Placeholder)
            and item.name.endswith("[0]")
            and "." not in item.name  # (a path below the item takes the item's path first)
            and not _by_path(item.name, owner)
        ):  # `Ids[0]` of item 2 is `Tags[2].Ids[0]`: its own items stay numbered last
            name = f"{_last_key(owner)}[{index}].{within}[0]" if owner and within else ""
            item = Placeholder(name or f"{item.name[: -len('[0]')]}[{index}][0]", item.type)
        else:
            item = _numbered(item, index, owner, f"{within}[0]" if within else "")
        return ArrayValue(item, value.count, label, value.fixed)
    return value


def _renumbered(name: str, index: int, owner: str, within: str = "") -> str:
    """A name of the item `index` of the array `owner`, of the thing at the path `within` it.

    >>> _renumbered("Tags[0].Key", 2, "Tags"), _renumbered("Key", 2, "Tags", "Key")
    ('Tags[2].Key', 'Tags[2].Key')
    >>> _renumbered("Rules[0].Name", 1, "Stages[0].Rules")
    'Rules[1].Name'
    >>> _renumbered("Type", 1, "Stages", "Actions[0].Variables[0].Type")
    'Stages[1].Actions[0].Variables[0].Type'
    >>> _renumbered("ColumnName", 1, "Parameters.ColumnMapping", "ColumnName")
    'ColumnMapping[1].ColumnName'
    >>> _renumbered("OnFailure.Result", 1, "Stages"), _renumbered("Key", 2, "")
    ('Stages[1].OnFailure.Result', 'Key[2]')
    """
    through = _through(name, owner)
    if through:
        return f"{through}[{index}]{name[len(through) + len('[0]') :]}"
    if owner and within:  # the array's key and the item's index, and the thing's path in it
        return f"{_last_key(owner)}[{index}].{within}"
    if owner and "." in name:  # an ending of a path below the item: the item's path first
        return f"{owner}[{index}].{name}"
    return f"{name}[{index}]"


def _last_key(label: str) -> str:
    """The last key of a path label (`ColumnMapping` of `Parameters.ColumnMapping`).

    >>> _last_key("Parameters.ColumnMapping"), _last_key("Stages")
    ('ColumnMapping', 'Stages')
    """
    return label.rsplit(".", 1)[-1]


def _by_path(name: str, owner: str) -> bool:
    """Whether a name is a path through the first item of the array `owner`."""
    return bool(_through(name, owner))


def _through(name: str, owner: str) -> str:
    """The part of the array `owner`'s label that a name goes through the first item of, as
    the name starts (the whole label, or an ending of it: `Rules` of `Stages[0].Rules` in
    `Rules[0].Name`); empty where it does not."""
    if not owner:
        return ""
    parts = owner.split(".")
    for i in range(len(parts)):
        through = ".".join(parts[i:])
        first = f"{through}[0]"
        if name.startswith(first) and name[len(first) :][:1] in (".", "["):
            return through
    return ""
