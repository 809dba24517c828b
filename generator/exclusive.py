"""Members that exclude each other by their schema's words only (or, where the schema says
nothing, by the service's API reference): the reviewed groups of `data/exclusive.yaml`, read
alike by normalize (the examples set one item of each) and by the mock Cloud Control (which
refuses a model that sets two, as AWS does). Its entries also name members that AWS takes no
value of ("Reserved.", "not supported"), which the examples leave out, the least number of
items of an array, members AWS asks for that the schema does not mark required, and members
AWS takes at creation only that the schema does not mark create-only.

A group holds for a schema only while the schema still says the words its entry quotes; one of
the API reference's, while the schema has its members.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from generator.definitions import deref, description_of, list_handler_schema
from generator.jsonpointer import resolve_pointer, split_pointer, value_at
from generator.jsontext import is_names

EXCLUSIVE_FILE = "exclusive.yaml"  # in the package's data folder


@dataclass(frozen=True, slots=True)
class Exclusive:
    """A group of members that exclude each other by their schema's words: each item is one
    member or several that go together; `needed`, exactly one item is set. The members are
    the top-level properties, or those of the object schema at the pointer `where`; there,
    no `items` means all its members (any one excludes the others)."""

    items: tuple[frozenset[str], ...]
    needed: bool
    says: str  # "" for a group AWS's documentation gives (`documented:`), not the schema
    where: str = ""
    said_at: str = ""  # the schema whose description says it, if not the owner or a member
    # Members that the first item asks a value of (the one value of a `Type` its words tie it
    # to), of the same object or named elsewhere by a pointer (`/properties/Type`): the
    # examples, which take the first item, set them so.
    sets: tuple[tuple[str, Any], ...] = ()
    # Members AWS takes no value of, or deprecates (`never set:`), of the same object: the
    # examples leave them out unless they are required. No items, no `sets`: such an entry
    # excludes nothing.
    never: frozenset[str] = frozenset()
    # Whether the values `sets` gives are the only ones AWS takes, whatever the examples show
    # (`always: true`): the Required Properties INSERT writes them too.
    always: bool = False
    # Arrays of the object whose words ask at least so many items (`count:`, "must contain
    # at least two subnets"): the examples show that many. No items: it excludes nothing.
    counts: tuple[tuple[str, int], ...] = ()
    # Members AWS asks for at creation though the schema does not mark them required
    # (`required:`, a parent's ID that the API requires): the examples require them.
    needs: frozenset[str] = frozenset()
    # Properties (or members, `A/B`) AWS takes at creation only though the schema does not list
    # them in `createOnlyProperties` (`create only:`; a Connect resource's InstanceArn, which
    # its provider refuses to change): the patch leaves them out, and the mock refuses it.
    fixed: frozenset[str] = frozenset()
    # Properties the list handler reads from the model it is given, to list by (a parent's
    # ID), though the schema gives it no handlerSchema that requires them (`list needs:`; a
    # Global Accelerator listener's AcceleratorArn): the list example gives them, the mock asks.
    lists_by: frozenset[str] = frozenset()
    # Properties of which the list handler reads one at least, as above (`list needs one of:`;
    # a VPC Lattice association's service network or service): the list example gives the
    # first, and names the others as what it takes instead.
    lists_by_one_of: tuple[str, ...] = ()
    # Top-level items of which AWS asks one at least, and takes several (`at least one of:`; an
    # Auto Scaling group's subnets or Availability Zones): `needed` without excluding anything,
    # its first item required where none is.
    at_least: bool = False

    @property
    def tie(self) -> bool:
        """Whether this is an entry of no items, only `sets`: a value of a member (a `Type`)
        under which the members the examples show are allowed, where words refuse some of them
        under other values (no group of items or members excludes anything)."""
        return not self.items and bool(self.sets)

    @property
    def excludes(self) -> bool:
        """Whether the entry is a group whose items (or, of no items, members) exclude each
        other: not one that only counts, requires, fixes, lists by, ties or leaves out."""
        return not (
            self.at_least
            or self.counts
            or self.needs
            or self.fixed
            or self.lists_by
            or self.lists_by_one_of
            or self.tie
            or self.never
        )


@cache
def _text() -> str:
    """The text of data/exclusive.yaml."""
    return (resources.files("generator") / "data" / EXCLUSIVE_FILE).read_text("utf-8")


def parse_groups(text: str) -> dict[str, tuple[Exclusive, ...]]:
    """The groups of a file in the form of data/exclusive.yaml, by type name."""
    table: dict[str, list[Exclusive]] = {}
    for type_name, entries in _load(text).items():  # (a key: one type's name or several)
        groups = []
        for entry in entries:
            at_least = "at least one of" in entry
            needed = "one of" in entry or at_least
            key = "one of" if "one of" in entry else "at least one of" if at_least else ""
            items = entry.get(key or "at most one of", ())
            if at_least and (
                len(items) < 2 or {"in", "sets", "one of", "at most one of"} & entry.keys()
            ):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: at least one of: takes two top-level items "
                    "or more, and no in:, sets: or other group beside it"
                )
            where = entry.get("in", entry.get("at most one member of", ""))
            wheres = where if isinstance(where, list) else [where]
            if isinstance(where, list) and (
                len(wheres) < 2 or len(set(wheres)) < len(wheres) or not is_names(wheres)
            ):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: in: and at most one member of: take a "
                    "pointer, or a list of different pointers (the same entry of each)"
                )
            says = " ".join(entry.get("says", "").split())
            named = tuple(frozenset([i] if isinstance(i, str) else i) for i in items)
            if not says and not entry.get("documented"):  # a group of no evidence
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: an entry with no says: or documented:"
                )
            sets = entry.get("sets", {})
            member_of = "at most one member of" in entry  # no items, nothing to set
            never = entry.get("never set", ())
            if never and (named or member_of or sets or not is_names(never)):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: never set: takes a list of members, and "
                    "no group or sets: beside it"
                )
            counts = entry.get("count", {})
            if counts and (named or member_of or never or sets or not _counts(counts)):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: count: takes array members and the number "
                    "of items (2 or more) the examples show, and no group or sets: beside it"
                )
            needs = entry.get("required", ())
            if needs and (named or member_of or never or sets or counts or not is_names(needs)):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: required: takes a list of members, and "
                    "no group or sets: beside it"
                )
            fixed = entry.get("create only", ())
            if (
                fixed
                and (named or member_of or never or sets or counts or needs or "in" in entry)
                or not _paths(fixed or [])
            ):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: create only: takes a list of properties "
                    "(or their members, as Property/Member), and no group, sets: or in: beside it"
                )
            lists_by = entry.get("list needs", ())
            beside = named or member_of or never or sets or counts or needs or fixed
            if lists_by and (beside or "in" in entry) or not is_names(lists_by or []):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: list needs: takes a list of properties, "
                    "and no group, sets: or in: beside it"
                )
            one_of = entry.get("list needs one of", ())
            if one_of and (beside or lists_by or "in" in entry) or not _alternatives(one_of):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: list needs one of: takes two properties "
                    "or more, and no group, sets: or in: beside it"
                )
            alone = not (named or member_of or never or counts or needs or fixed)
            alone = alone and not (lists_by or one_of)
            if not isinstance(sets, dict) or (sets and member_of) or (alone and not sets):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: sets: takes members and the values the "
                    "first item of a group asks of them, or, alone, the values the examples "
                    "need of them"
                )
            said_at = entry.get("said at", "")
            always = entry.get("always", False)
            if always not in (True, False) or (always and not sets):
                raise ValueError(
                    f"{EXCLUSIVE_FILE}: {type_name}: always: takes true or false, beside sets:"
                )
            groups.extend(
                Exclusive(
                    named,
                    needed,
                    says,
                    where,
                    said_at,
                    tuple(sets.items()),
                    frozenset(never),
                    always,
                    tuple(counts.items()),
                    frozenset(needs),
                    frozenset(fixed),
                    frozenset(lists_by),
                    tuple(one_of),
                    at_least,
                )
                for where in wheres
            )
        for name in _type_names(type_name):
            table.setdefault(name, []).extend(groups)
    return {name: tuple(groups) for name, groups in table.items()}


def _type_names(key: str) -> list[str]:
    """The types a key of data/exclusive.yaml names: one, or several of one service whose
    schemas share definitions (`AWS::S::A, AWS::S::B:`), each of which takes its entries."""
    names = [name.strip() for name in key.split(",")]
    if len(set(names)) < len(names) or not all(names):
        raise ValueError(f"{EXCLUSIVE_FILE}: {key}: a key names different types")
    return names


@cache
def listed() -> frozenset[str]:
    """The type names data/exclusive.yaml has entries for, read off its lines (most types
    have none: they need not parse the file); its test holds it to the parsed file's."""
    return frozenset(_keys_of())


@cache
def _blocks() -> dict[str, str]:
    """data/exclusive.yaml cut at the lines that start a key's entries: each key's lines, as
    a YAML text of their own. The lines before them are left blank, so that YAML's errors name
    the file's lines."""
    lines = _text().splitlines(keepends=True)
    starts = [n for n, line in enumerate(lines) if line[:1] not in ("", "\n", " ", "\t", "#", "-")]
    blocks: dict[str, str] = {}
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        key = lines[start].partition(" #")[0].rstrip()
        key = key.removesuffix(":").strip("'\"")
        if key in blocks:  # (as _load refuses it in a whole file)
            raise ValueError(f"{EXCLUSIVE_FILE}: {key} given twice")
        blocks[key] = "\n" * start + "".join(lines[start:end])
    return blocks


@cache
def _keys_of() -> dict[str, tuple[str, ...]]:
    """The keys of data/exclusive.yaml that name each type, in the file's order: its own, and
    those it shares with others of its service."""
    keys: dict[str, list[str]] = {}
    for key in _blocks():
        for name in _type_names(key):
            keys.setdefault(name, []).append(key)
    return {name: tuple(named) for name, named in keys.items()}


@cache
def _groups(type_name: str) -> tuple[Exclusive, ...]:
    """A type's groups of data/exclusive.yaml, its keys' entries alone parsed: a process reads
    the entries of the types it builds only (the whole file takes some 0.08 s to parse, which a
    build of one schema, or each worker of a full build, would wait for)."""
    return tuple(g for key in _keys_of().get(type_name, ()) for g in _parsed(key)[type_name])


@cache
def _parsed(key: str) -> dict[str, tuple[Exclusive, ...]]:
    """The groups of one key's entries, by type (a key shared by several types is parsed once)."""
    return parse_groups(_blocks()[key])


def groups_of(doc: Mapping[str, Any], type_name: str) -> list[Exclusive]:
    """The groups that hold for a schema (see `_held`)."""
    held = (_held(group, doc) for group in _groups(type_name))
    return [group for group, _ in held if group is not None]


def stale(doc: Mapping[str, Any], type_name: str) -> list[str]:
    """Warnings (`#pointer: message`) for the type's groups that do not hold for its schema."""
    warnings = []
    for group in _groups(type_name):
        held, why = _held(group, doc)
        if held is None:
            names = ", ".join(
                sorted(
                    frozenset().union(
                        group.never,
                        group.needs,
                        group.fixed,
                        group.lists_by,
                        group.lists_by_one_of,
                        *group.items,
                        dict(group.counts),
                    )
                )
            )
            names = names or "its members"
            entry = (
                group.tie
                or group.never
                or group.counts
                or group.needs
                or group.fixed
                or group.lists_by
                or group.lists_by_one_of
            )
            kind = "entry" if entry else "group"
            warnings.append(
                f"#{group.where}: not held to, the {kind} of {EXCLUSIVE_FILE} of {names}: {why}"
            )
    return warnings


def _held(group: Exclusive, doc: Mapping[str, Any]) -> tuple[Exclusive | None, str]:
    """The group as it holds for a schema, else None and why not. It holds where its object
    is there with members of two items at least, and its description or one of theirs (or
    the one `said at`) still says what the entry quotes (if it quotes the schema: not one the
    API reference gives); of each item, only the members the object has (a schema may have
    renamed one and kept the words)."""
    owner = value_at(doc, group.where) if group.where else doc
    members = owner.get("properties") if isinstance(owner, dict) else None
    if not isinstance(members, dict):
        return None, "the schema has no such object"
    if group.said_at:
        said = [value_at(doc, group.said_at)]
    elif group.tie:  # the words are a member's: the one they refuse under other values
        said = [owner, *members.values()]
    elif group.counts:
        said = [owner, *(members[n] for n, _ in group.counts if n in members)]
    elif group.needs or group.fixed or group.lists_by or group.lists_by_one_of:
        named = group.needs | group.lists_by | set(group.lists_by_one_of)
        named |= {f.partition("/")[0] for f in group.fixed}
        named &= members.keys()
        said = [owner, *(members[n] for n in sorted(named))]
    else:
        names = sorted(frozenset().union(group.never, *group.items) & members.keys())
        said = ([owner] if group.where else []) + [members[n] for n in names]
    if group.says and not any(group.says in _words(schema, doc) for schema in said):
        return None, f"the schema no longer says {group.says!r}"
    if group.tie:
        sets = tuple((k, v) for k, v in group.sets if _settable(k, members, doc))
        return (replace(group, sets=sets), "") if sets else (None, "no member it sets is there")
    if group.counts:
        counts = tuple((k, n) for k, n in group.counts if k in members)
        return (
            (replace(group, counts=counts), "")
            if counts
            else (None, "no member it counts is there")
        )
    if group.needs:
        needs = group.needs & members.keys()
        return (
            (replace(group, needs=needs), "") if needs else (None, "no member it requires is there")
        )
    if group.lists_by or group.lists_by_one_of:
        listing = (doc.get("handlers") or {}).get("list")
        if not isinstance(listing, dict):
            return None, "the schema has no list handler"
        choices = list_handler_schema(doc)
        if group.lists_by_one_of and ("oneOf" in choices or "anyOf" in choices):
            return None, "the list handler's schema names what it takes one of"
        lists_by = group.lists_by & members.keys()
        one_of = tuple(n for n in group.lists_by_one_of if n in members)
        return (
            (replace(group, lists_by=lists_by, lists_by_one_of=one_of), "")
            if lists_by or one_of
            else (None, "no member it names is there")
        )
    if group.fixed:
        fixed = frozenset(f for f in group.fixed if f.partition("/")[0] in members)
        return (replace(group, fixed=fixed), "") if fixed else (None, "no member it names is there")
    if group.never:
        never = group.never & members.keys()
        return (replace(group, never=never), "") if never else (None, "no member it names is there")
    first = group.items[0] & members.keys() if group.items else frozenset()
    items = tuple(frozenset(i & members.keys()) for i in group.items if i & members.keys())
    if len(items) < 2 and group.items:
        return None, "the schema has the members of one item only"
    # What the first item asks of other members holds while it is the first still there.
    sets = tuple((k, v) for k, v in group.sets if _settable(k, members, doc)) if first else ()
    return replace(group, items=items, sets=sets), ""


def for_pages(doc: dict, groups: list[Exclusive]) -> dict:
    """The document with its nested groups written in as the keywords the examples' values
    are built by: `maxProperties` 1 where any one member excludes the others, else a `oneOf`
    of the items (in an `allOf`), of which the first is taken, with the values it `sets`
    (and the values of a `tie`); without the members it is `never` to set, unless the object
    requires them; with a `minItems` of each array a group `counts`, at the top level too.
    Copied where it changes; the other top-level groups, and what any group `needs`
    (`with_needs`), are normalize's to apply."""
    for group in (g for g in groups if g.counts):
        doc = with_counts(doc, group)
    for group in (g for g in groups if g.where and not (g.counts or g.needs or g.fixed)):
        if group.never:  # out of the examples' copy of the object, unless it requires them
            owner = resolve_pointer(doc, group.where)
            out = group.never - set(owner.get("required", ()))
            kept = {k: v for k, v in owner["properties"].items() if k not in out}
            doc = _replaced(doc, split_pointer(group.where), {**owner, "properties": kept})
        elif not group.tie:  # a tie writes values only
            owner = resolve_pointer(doc, group.where)
            if group.items:
                choice = {"oneOf": [{"required": sorted(item)} for item in group.items]}
                changed = {**owner, "allOf": [*owner.get("allOf", ()), choice]}
            else:
                limit = owner.get("maxProperties")
                changed = {**owner, "maxProperties": 1 if limit is None else min(limit, 1)}
            doc = _replaced(doc, split_pointer(group.where), changed)
        doc = with_sets(doc, group)
    return doc


def with_sets(doc: dict, group: Exclusive) -> dict:
    """The document with the members the group's first item `sets` given their one value (a
    `const` in a copy of each member's schema, its `$ref` followed), as the examples set them.
    A member is one of the group's object, or one elsewhere that a pointer names (a `Type` of
    the resource that says which of its nested object's items stands)."""
    for name, value in group.sets:
        if name.startswith("/"):
            pointer = name
        else:
            pointer = f"{group.where}/properties/{name}"
        own = resolve_pointer(doc, pointer)
        own = own if isinstance(own, dict) else {}
        target = deref(own, doc)[0]
        one = {**target, **{k: v for k, v in own.items() if k != "$ref"}, "const": value}
        doc = _replaced(doc, split_pointer(pointer), one)
    return doc


def with_counts(doc: dict, group: Exclusive) -> dict:
    """The document with each array member the group `counts` asking at least that many
    items (`minItems` beside a `$ref`, as the examples' values read it there too)."""
    for name, count in group.counts:
        pointer = f"{group.where}/properties/{name}"
        own = resolve_pointer(doc, pointer)
        own = own if isinstance(own, dict) else {}
        least = own.get("minItems")
        least = max(least, count) if isinstance(least, int) else count
        doc = _replaced(doc, split_pointer(pointer), {**own, "minItems": least})
    return doc


def with_needs(doc: dict, group: Exclusive) -> dict:
    """The document with the members a group `needs` in its object's `required` (the
    resource's, for a group of no `in:`)."""
    owner = resolve_pointer(doc, group.where) if group.where else doc
    required = list(owner.get("required", ()))
    required += sorted(group.needs - set(required))
    return _replaced(doc, split_pointer(group.where), {**owner, "required": required})


def with_list_needs(doc: Mapping[str, Any], group: Exclusive) -> Mapping[str, Any]:
    """The document with the properties the group's list handler needs in its handlerSchema
    (a handlerSchema made where it has none), each a `$ref` to the property, as the schemas
    that have one name them: those it needs all of (`lists_by`) in its `required`, those it
    needs one of (`lists_by_one_of`) in an `anyOf` of one each."""
    handlers = doc.get("handlers") or {}
    listing = handlers.get("list") or {}
    schema = list_handler_schema(doc)
    members = {**schema.get("properties", {})}
    for name in [*sorted(group.lists_by), *group.lists_by_one_of]:
        members.setdefault(name, {"$ref": f"resource-schema.json#/properties/{name}"})
    required = list(schema.get("required", ()))
    required += sorted(group.lists_by - set(required))
    schema = {**schema, "properties": members, "required": required}
    if group.lists_by_one_of:
        schema["anyOf"] = [{"required": [name]} for name in group.lists_by_one_of]
    return {**doc, "handlers": {**handlers, "list": {**listing, "handlerSchema": schema}}}


def with_fixed(doc: Mapping[str, Any], groups: Sequence[Exclusive]) -> Mapping[str, Any]:
    """The document with what the groups hold `fixed` in its `createOnlyProperties` (a copy;
    the document itself where there is nothing to add)."""
    listed = list(doc.get("createOnlyProperties", ()))
    added = [
        pointer
        for group in groups
        for name in sorted(group.fixed)
        if (pointer := f"/properties/{name}") not in listed
    ]
    return {**doc, "createOnlyProperties": [*listed, *dict.fromkeys(added)]} if added else doc


def _counts(counts: Any) -> bool:
    """Whether `count:` is a mapping of member names to item counts of 2 or more."""
    return (
        isinstance(counts, dict)
        and is_names(list(counts))
        and all(type(n) is int and n >= 2 for n in counts.values())
    )


def _alternatives(value: Any) -> bool:
    """Whether `list needs one of:` is a list of two property names or more, none twice."""
    return value == () or (is_names(value) and len(set(value)) == len(value) >= 2)


def _paths(value: Any) -> bool:
    """Whether `create only:` is a list of property names or paths of names (`A/B`)."""
    return is_names(value) and all(all(path.split("/")) for path in value)


def _settable(name: str, members: Mapping[str, Any], doc: Mapping[str, Any]) -> bool:
    """Whether a member `sets` names is there: one of the object's, or the property a pointer
    (`/properties/Type`, `/definitions/D/properties/Mode`) names."""
    if not name.startswith("/"):
        return name in members
    tokens = split_pointer(name)
    return len(tokens) >= 2 and tokens[-2] == "properties" and value_at(doc, name) is not None


def for_mock(doc: Mapping[str, Any], groups: list[Exclusive]) -> Mapping[str, Any]:
    """The document with every group written in as keywords the mock's validator holds to:
    in an `allOf` of the object, cfn-lint's `dependentExcluded` between the items (and its
    `requiredOr` of them where one is needed), or `maxProperties` 1; and the `minItems` of
    what a group `counts`, the `required` of what it `needs`, the `createOnlyProperties` of
    what it holds `fixed`, the list handler's `required` of what it `lists_by`."""
    for group in groups:
        if group.counts:  # AWS refuses fewer items
            doc = with_counts(doc, group)
            continue
        if group.needs:  # and a create without them
            doc = with_needs(doc, group)
            continue
        if group.fixed:  # and a patch of them
            doc = with_fixed(doc, [group])
            continue
        if group.lists_by or group.lists_by_one_of:  # and a list without them
            doc = with_list_needs(doc, group)
            continue
        if group.at_least:  # and a create of none of them, not of several
            rule = {"requiredOr": sorted(frozenset().union(*group.items))}
            doc = {**doc, "allOf": [*doc.get("allOf", ()), rule]}
            continue
        # (a tie: AWS takes other values too, and other members with them; what it takes no
        # value of is not refused by every service)
        if not group.excludes:
            continue
        owner = resolve_pointer(doc, group.where) if group.where else doc
        if group.items:
            excluded = {
                name: sorted(frozenset().union(*(i for i in group.items if i is not item)))
                for item in group.items
                for name in sorted(item)
            }
            rule: dict[str, Any] = {"dependentExcluded": excluded}
            if group.needed:
                rule["requiredOr"] = sorted(frozenset().union(*group.items))
        else:
            rule = {"maxProperties": 1}
        changed = {**owner, "allOf": [*owner.get("allOf", ()), rule]}
        doc = _replaced(doc, split_pointer(group.where), changed)
    return doc


def _load(text: str) -> dict[str, Any]:
    """The YAML file, where a key given twice is an error (YAML would keep the last only, and
    so drop the groups of the first)."""
    import yaml

    return yaml.load(text, Loader=_loader())  # a safe loader


@cache
def _loader() -> type:
    """The safe YAML loader (libyaml's where built) that refuses a key given twice."""
    import yaml  # only here: only a build of a type with entries needs it

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        def construct_mapping(self, node: Any, deep: bool = False) -> dict:
            keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
            if twice := sorted({k for k in keys if keys.count(k) > 1}):
                raise ValueError(f"{EXCLUSIVE_FILE}: {', '.join(map(str, twice))} given twice")
            return super().construct_mapping(node, deep=deep)

    return Loader


def _words(schema: Any, doc: Mapping[str, Any]) -> str:
    """A schema's description (else that of the definition its `$ref` names), or a description
    itself (`said at: /description`), its white space (line breaks too) made single spaces, as
    `says` is compared."""
    text = schema if isinstance(schema, str) else description_of(schema, doc)
    return " ".join(text.split())


def _replaced(node: Any, tokens: tuple[str, ...], value: Any) -> Any:
    """A copy of `node` with the value at `tokens` replaced (copying only along the way)."""
    if not tokens:
        return value
    head, rest = tokens[0], tokens[1:]
    if isinstance(node, list):
        i = int(head)
        return [*node[:i], _replaced(node[i], rest, value), *node[i + 1 :]]
    return {**node, head: _replaced(node[head], rest, value)}
