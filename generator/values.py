"""The example values of a schema's properties: what the INSERTs, the manifest and the patch
set, placeholders named by their path (`labels.short_names` names them for the page)."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from generator.conditions import cfn_lint_exclusive, cfn_lint_required, held
from generator.definitions import deref, kind_of
from generator.labels import key_label, path_label
from generator.model import ArrayValue, Literal, ObjectValue, Placeholder, Truncated, Value

# Nested definitions are expanded this deep in manifests and patches, then optional members are
# marked as cut: the deepest of these depths whose values stay within the budget (a page's size
# follows its number of values: about 1,200 values make a 400 KB page). Past that depth required
# members are still expanded (a value without them would be invalid), down to MAX_VALUE_DEPTH.
VALUE_DEPTHS = (16, 12, 10, 8, 7, 6)
VALUE_BUDGET = 1200
MAX_VALUE_DEPTH = 40
# Arrays show as many items as their minItems asks, up to this many (the most any schema asks).
MAX_ARRAY_ITEMS = 5
# An array's items are written out as many times as the arrays around it show theirs: where
# that would pass this many (nested arrays of minItems 5, 9 deep, made a 163 MB page), the
# array is cut, required or not. Arrays of 4x4 matrices (32) pass, as do three levels of 5
# and four of 4; no us-east-1 schema comes near: its most is 5.
MAX_ARRAY_SPREAD = 256
# Past this many values written out, whatever the depth, the rest is cut, required or not
# (and the examples are then invalid: `ValueBuilder.overflowed`): required members nested two
# a level, twenty deep, would ask a million (a page of gigabytes, found by fuzzing). About a
# page of 1 MB; AWS's largest needs a tenth of it.
MAX_VALUES = 3000


def build_values(
    doc: dict,
    read_only: frozenset[tuple[str, ...]],
    avoided: Mapping[tuple[str, ...], frozenset[str]],
    conditions: Mapping[str, dict],
    targets: dict[str, Any] | None = None,
) -> tuple[dict[str, Value], ValueBuilder]:
    """The values of a schema's properties, at the deepest of VALUE_DEPTHS that keeps within
    VALUE_BUDGET (the last depth, whatever it takes), and the builder that made them (its
    leaves, notes and members name the placeholders). `read_only` and `avoided`: as of
    ValueBuilder; `conditions`: what conditions add to each property (see `conditional`);
    `targets`: what each `$ref` of the document names, as of `deref` (the caller's too)."""
    targets = {} if targets is None else targets
    shapes: dict[Any, _Shape] = {}  # shared by the attempts: they read the same schemas
    for depth in VALUE_DEPTHS:
        last = depth == VALUE_DEPTHS[-1]
        builder = ValueBuilder(
            doc, read_only, depth, shapes, None if last else VALUE_BUDGET, avoided, targets
        )
        try:
            values = {
                name: builder.build(schema, (name,), extra=conditions.get(name))
                for name, schema in doc["properties"].items()
            }
        except _OverBudget:
            continue
        return values, builder
    raise AssertionError("the last depth has no budget")  # unreachable


def requires(schema: Any, unsettable: frozenset[str] = frozenset()) -> set[str]:
    """What a schema requires, through `allOf` and the first choice of `oneOf`/`anyOf`, and
    through cfn-lint's keywords: the first member that can be set (not `unsettable`) of a
    `requiredXor` (exactly one) or `requiredOr` (at least one) group none of which is required
    otherwise, and what `dependentRequired` asks of a required member."""
    if not isinstance(schema, dict):
        return set()
    names = set(schema.get("required", ()))
    for branch in schema.get("allOf", ()) if isinstance(schema.get("allOf"), list) else ():
        names |= requires(branch, unsettable)
    for keyword in ("oneOf", "anyOf"):
        branches = schema.get(keyword)
        if isinstance(branches, list) and branches:
            names |= requires(_choice(branches, unsettable))
    if _CFN_LINT_CHOICES.isdisjoint(schema):  # most schemas
        return names
    return names | set(cfn_lint_required(schema, names, unsettable))


# The keywords cfn-lint adds to its copies of AWS's schemas that choose among members.
_CFN_LINT_CHOICES = frozenset(
    {"requiredXor", "requiredOr", "dependentRequired", "dependentExcluded"}
)


class _OverBudget(Exception):
    """The values outgrew the page budget at this depth."""


class ValueBuilder:
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
        targets: dict[str, Any] | None = None,
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
        self.leaves: dict[tuple[str, ...], str] = {}  # the placeholders' names by their paths
        # How many times the value being built is written out (the items the arrays around it
        # show), and the values written out in all, which the budget bounds.
        self.spread = 1
        self.written = 0
        self.overflowed = False  # whether values were cut past MAX_VALUES, required ones too
        self.targets = {} if targets is None else targets  # what each $ref names

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
        if self.written > MAX_VALUES:
            self.overflowed = True
            return self.cut(schema, path, required)
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
        if self.avoided and path in self.avoided:  # a shape of this place only
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
            conditions = conditional(target, keys) if shape.conditional else {}
            if deep and required and not needed:  # nothing required inside: leave it empty
                return self.cut(target, path, required)
            built = [
                (
                    k,
                    Truncated(key_label((*path, k)))
                    if deep and k not in needed
                    else self.build(
                        members[k], (*path, k), followed, conditions.get(k), k in needed
                    ),
                )
                for k in keys
            ]
            # A member with nothing to set (its members all read-only) is left out.
            return ObjectValue(tuple([(k, v) for k, v in built if k in needed or settable(v)]))
        if shape.kind == "array" and _one_item(target.get("const")):  # as `sets` may ask
            return ArrayValue(Literal(json.dumps(target["const"][0])), 1, path_label(path))
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
                return ArrayValue(Truncated(key_label((*path, "*"))))
            count = min(max(least, 1), MAX_ARRAY_ITEMS)
            outer = self.spread
            if outer * count > MAX_ARRAY_SPREAD:
                return self.cut(target, path, required)
            self.spread = outer * count
            try:
                item = self.build(target.get("items", {}), (*path, "*"), followed, None, least > 0)
            finally:
                self.spread = outer
            fixed = _prefix_fixed(target.get("prefixItems"), count, self.doc)
            return ArrayValue(item, count, path_label(path), fixed)
        if (literal := only_value(target, shape.kind)) is not None:
            return literal
        self.leaves[path] = name = path_label(path)
        self.written += self.spread
        if self.budget is not None and self.written > self.budget:
            raise _OverBudget
        return Placeholder(name, shape.kind)

    def cut(self, schema: Any, path: tuple[str, ...], required: bool) -> Truncated:
        """A cut value: empty of its type where the owner requires it."""
        kind = kind_of(schema, self.doc)
        empty = {"array": "[]", "object": "{}"}.get(kind) if required else None
        return Truncated(key_label(path), empty)


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
    kind = kind_of(target, doc)
    members = target.get("properties")
    if kind == "object" and isinstance(members, dict) and members:
        needed = frozenset(requires(target, avoided))
        return _Shape(
            kind,
            keys=tuple(
                k for k in compatible(target, members, avoided) if k not in avoided or k in needed
            ),
            needed=needed,
            conditional="if" in target or "allOf" in target,
        )
    return _PLAIN_SHAPES.get(kind) or _Shape(kind)


# The shape of a schema of a plain kind, made once: most schemas are leaves, whose shapes of
# one kind are alike (tens of thousands of them in a full build).
_PLAIN_SHAPES = {kind: _Shape(kind) for kind in ("array", "boolean", "integer", "number", "string")}


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


def _one_item(value: Any) -> bool:
    """Whether a value is an array of one item, a string, number or boolean."""
    return isinstance(value, list) and len(value) == 1 and isinstance(value[0], (str, int, float))


def only_value(schema: dict, kind: str) -> Literal | None:
    """The one value a schema allows, where it says so plainly: its `const`, the one value of
    its `enum` (or of cfn-lint's `enumCaseInsensitive`), or `{}` for an object that may have no
    member. Never null (no page shows one).
    """
    if kind != "object" and _ONE_VALUE_KEYS.isdisjoint(schema):  # most schemas: none of them
        return None
    if "const" in schema:
        values = [schema["const"]]
    elif isinstance(schema.get("enum"), list) and len(schema["enum"]) == 1:
        values = schema["enum"]
    elif (  # cfn-lint's enum of values AWS takes in any case
        isinstance(schema.get("enumCaseInsensitive"), list)
        and len(schema["enumCaseInsensitive"]) == 1
    ):
        values = schema["enumCaseInsensitive"]
    elif (
        kind == "object"
        and schema.get("additionalProperties") is False
        and not schema.get("properties")
        and not schema.get("patternProperties")
    ):
        values = [{}]
    elif kind == "string" and (text := _literal_pattern(schema)) is not None:
        values = [text]
    else:
        return None
    value = values[0]
    if _unwritable(value):
        return None  # (a placeholder instead)
    if kind == "integer" and isinstance(value, float) and value.is_integer():
        value = int(value)  # (`"const": 1.0`: JSON's 1, which a validator of Java's refuses)
    return Literal(json.dumps(value, sort_keys=True))


# The keywords by which a schema other than an object's may allow one value only.
_ONE_VALUE_KEYS = frozenset({"const", "enum", "enumCaseInsensitive", "pattern"})
# A pattern that matches one string only: anchored, of plain characters or escaped punctuation.
_LITERAL_PATTERN = re.compile(r"\^((?:[^\\.^$*+?()\[\]{}|]|\\[^A-Za-z0-9])*)\$")


def _literal_pattern(schema: dict) -> str | None:
    r"""The one string a string schema's `pattern` matches, where it is a literal
    (`^DRAFT$`, `^lambda:GetLayerVersion$`) that its length bounds allow too.

    >>> _literal_pattern({"pattern": "^lambda:GetLayerVersion$"})
    'lambda:GetLayerVersion'
    >>> _literal_pattern({"pattern": "^v1\\.0$"}), _literal_pattern({"pattern": "^[0-9]+$"})
    ('v1.0', None)
    """
    pattern = schema.get("pattern")
    match = _LITERAL_PATTERN.fullmatch(pattern) if isinstance(pattern, str) else None
    if match is None:
        return None
    text = re.sub(r"\\(.)", r"\1", match[1])
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    fits = isinstance(low, int) and len(text) >= low and (high is None or len(text) <= high)
    return text if fits and "format" not in schema and "enum" not in schema else None


def _prefix_fixed(
    prefix: Any, count: int, doc: dict
) -> tuple[tuple[tuple[str, Literal], ...], ...]:
    """What the `prefixItems` of an array fix in its first `count` items: each item's members
    of one allowed value (DynamoDB's KeySchema: `KeyType` `HASH`, then `RANGE`)."""
    if not isinstance(prefix, list):
        return ()
    fixed = []
    for schema in prefix[:count]:
        schema = deref(schema, doc)[0] if isinstance(schema, dict) else None
        members = schema.get("properties") if schema is not None else None
        pairs = []
        for key, member in members.items() if isinstance(members, dict) else ():
            member = deref(member, doc)[0] if isinstance(member, dict) else None
            if member is not None:
                literal = only_value(member, kind_of(member, doc))
                if literal is not None:
                    pairs.append((key, literal))
        fixed.append(tuple(pairs))
    return tuple(fixed) if any(fixed) else ()


def _unwritable(value: Any) -> bool:
    """Whether a JSON value is no literal an example can write: it holds a null (no page shows
    one), or a string (a key too) with a character that is not printable (a NUL, a line break,
    which a YAML scalar folds).

    >>> _unwritable({"A": ["x", "a\\nb"]}), _unwritable({"A": [None]}), _unwritable("a b")
    (True, True, False)
    """
    if isinstance(value, dict):
        return any(_unwritable(k) or _unwritable(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_unwritable(v) for v in value)
    return value is None or (isinstance(value, str) and not value.isprintable())


def settable(value: Value) -> bool:
    """Whether a value has anything to set: an object whose members are all read-only has not,
    nor has an array of such objects."""
    if isinstance(value, ArrayValue):
        return settable(value.item)
    return not (isinstance(value, ObjectValue) and not value.members)


def _untyped(schema: dict) -> bool:
    """Whether a schema says nothing of its own shape (only its branches do)."""
    return not ({"type", "properties", "items", "patternProperties"} & schema.keys())


def compatible(schema: dict, members: dict, unsettable: frozenset[str] = frozenset()) -> list[str]:
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
        keys = cfn_lint_exclusive(schema, keys, requires(schema, unsettable))
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
    required = requires(schema)
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
            needed = requires(branch)
            if needed and needed <= set(keys):
                banned.append(sorted(needed)[-1])
    return list(dict.fromkeys(banned))


def conditional(schema: dict, keys: Any) -> dict[str, dict]:
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
            if unsettable.isdisjoint(requires(branch)):
                return branch
    return branches[0]


def _first_choice(
    keys: list[str], branches: list, unsettable: frozenset[str] = frozenset()
) -> list[str]:
    """The keys that hold the chosen one of `oneOf` branches only (exactly one must match):
    the first, unless it requires something `unsettable` and another does not."""
    chosen = _choice(branches, unsettable)
    first = requires(chosen)
    if first:
        others = set().union(*(_mentions(b) for b in branches if b is not chosen)) - first
        return [k for k in keys if k not in others]
    for branch in branches[1:]:  # the first is always true: no later one may be
        needed = requires(branch)
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
