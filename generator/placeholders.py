"""Placeholders: what `{{ Name }}` and `<Name>` stand for on a page, and the examples filled in.

A placeholder's schema is found from where it stands: an INSERT value is its column's property,
a JSON Patch value or a manifest value is the subschema at its path (`$ref`s, `allOf`, `oneOf`,
`anyOf`, `patternProperties` and `additionalProperties` followed), plus what its object asks of
it given the members beside it (`dependencies`, `if`/`then`). Every `{{ Name }}` of a page
takes one value (a different one, samples' `variant`, in the UPDATE, so that a read can show
the change), valid against every schema the name stands for; when no such value exists the
placeholder is a finding. `<Name>` parts stand for what a resource really has and are given by
the caller; `region` and `AWS_REGION` (`vars.AWS_REGION` on older pages) are the region.

Filling follows what a reader does: in SQL text and manifest strings the placeholder becomes the
value's text (JSON for objects and arrays); a manifest value that is only a placeholder takes the
value itself, as stack-deploy does. In JSON (a patch, a ResourceModel) a bare placeholder,
`{{ Name }}` or `<Name>`, takes the value's JSON text (a string its bare text, which is not
JSON), a quoted one the string's text; a quoted one whose value is an object or array is a
finding (the JSON a reader puts between the quotes is a string): the pages write them bare.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from generator.conditions import dependent, held
from generator.definitions import listed_schemas
from generator.jsonpointer import escape_token, resolve_pointer, split_pointer
from generator.patterns import compile_pattern
from generator.samples import SampleError, remove_path, sample_value
from generator.statement import IDENTIFIER, MODEL, PATCH, ExampleError, Statement, text_of
from generator.validator import validator_for

REGION_NAMES = frozenset({"region", "AWS_REGION", "vars.AWS_REGION"})
_ANGLE = r"<(?P<angle>[A-Za-z_][\w.:\[\]-]*)>"  # a `<Name>` part
PLACEHOLDER = re.compile(r"\{\{\s*(?P<brace>[^{}]+?)\s*\}\}|" + _ANGLE)
_JSON_TOKEN = re.compile(r'(?P<string>"(?:[^"\\]|\\.)*")|\{\{\s*(?P<bare>[^{}]+?)\s*\}\}')
# The same, with bare `<Name>` parts too (a ResourceModel's member that is no string).
_JSON_FILL_TOKEN = re.compile(_JSON_TOKEN.pattern + "|" + _ANGLE)
_MARK = "\0placeholder:"  # a bare placeholder, read as a string to see the JSON around it
_ITEM_INDEX = re.compile(r"\[(\d+)\]")
_NUMBERED = re.compile(r"_\d+$")  # `Name_2`: no property name has an underscore
_MAX_HOPS = 32  # $ref hops and nested combinators followed before a path is given up


@dataclass(frozen=True, slots=True)
class Use:
    """A placeholder where it stands: `pointer` names its schema in the resource schema.

    `path` is where the value goes in the resource model (`*` for any array item); `angle` is
    true for `<Name>`; `pointer` and `path` are None where no schema says what goes there;
    `bare` is true for a placeholder that stands bare in JSON, for a value of any JSON type.
    """

    name: str
    pointer: str | None
    path: tuple[str, ...] | None = None
    angle: bool = False
    bare: bool = False


@dataclass(frozen=True, slots=True)
class Values:
    """What the placeholders of a page stand for, and why some stand for nothing."""

    braces: Mapping[str, Any] = field(default_factory=dict)
    angles: Mapping[str, Any] = field(default_factory=dict)
    problems: Mapping[str, str] = field(default_factory=dict)  # by `{{ Name }}` / `<Name>`

    def lookup(self, name: str, angle: bool) -> Any:
        """The value of a placeholder; raises ExampleError when it has none."""
        key = f"<{name}>" if angle else "{{ " + name + " }}"
        values = self.angles if angle else self.braces
        if name in values:
            return values[name]
        raise ExampleError(f"cannot fill {key}: {self.problems.get(key, 'no value for it')}")


# A placeholder written with a brace too few or too many (`{{ Name }`, `{ Name }}`,
# `{{{ Name }}`), which a reader's template engine refuses, and which the mock would take as
# text; and one with braces left over inside a quoted string (`'{{ Name }}}'`), which it fills
# with a brace left over (see `malformed`).
_NAME = r"\s*[A-Za-z_][\w.\[\]]*\s*"
_MALFORMED = re.compile(
    rf"(?<!\{{)\{{(?!\{{){_NAME}\}}\}}|\{{\{{\{{{_NAME}\}}\}}|\{{\{{{_NAME}\}}(?!\}})"
)
_CLOSED_BEFORE_QUOTE = re.compile(rf"\{{\{{{_NAME}\}}\}}(?P<extra>\}}+)(?=['\"])")


def malformed(text: str) -> tuple[str, int] | None:
    """The first placeholder of a text written with a brace too few or too many, and where
    it starts (an offset), if one is. Braces after a placeholder, before the quote that ends
    its string, are left over unless they close objects of JSON text the string holds
    (`'{"a": {{ A }}}'`, a bare placeholder in JSON as text).

    >>> malformed("'{{ A }}', [{{ B }}]"), malformed("'{{ A }'"), malformed('"{{ A }}}"')
    (None, ('{{ A }', 1), ('{{ A }}}', 1))
    >>> malformed("'{a: {{ A }}}'"), malformed("'{{ A }}}}'")
    (None, ('{{ A }}}}', 1))
    """
    found = [(m[0], m.start()) for m in _MALFORMED.finditer(text)]
    for m in _CLOSED_BEFORE_QUOTE.finditer(text):
        quote = text[m.end()]
        opened = text.rfind(quote, 0, m.start())  # where the string opens
        inside = text[opened + 1 : m.start()]
        if inside.count("{") - inside.count("}") < len(m["extra"]):
            found.append((m[0], m.start()))
    return min(found, key=lambda f: f[1]) if found else None


def names_in(text: str) -> Iterator[tuple[str, bool]]:
    """The placeholders of a text: (name, is `<Name>`), in order.

    >>> list(names_in("'{{ A }}' and <B>|<C.d>"))
    [('A', False), ('B', True), ('C.d', True)]
    """
    for match in PLACEHOLDER.finditer(text):
        yield (match["angle"], True) if match["angle"] else (match["brace"], False)


def _whole(text: str) -> tuple[str, bool] | None:
    """The placeholder a text consists of, if it is nothing but one.

    >>> _whole(" {{ A }} "), _whole("x-{{ A }}")
    (('A', False), None)
    """
    match = PLACEHOLDER.fullmatch(text.strip())
    if match is None:
        return None
    return (match["angle"], True) if match["angle"] else (match["brace"], False)


# --- where placeholders stand -------------------------------------------------------------------


def statement_uses(statement: Statement, root: Mapping[str, Any]) -> list[Use]:
    """The placeholders of a parsed statement, each with the schema of the place it fills."""
    uses: list[Use] = []
    properties = root.get("properties") or {}
    conditions = conditioned(root, "", statement.columns)
    for column, value in zip(statement.columns, statement.values, strict=False):
        pointer = f"/properties/{escape_token(column)}" if column in properties else None
        for each in (pointer, *conditions.get(column, ())):
            uses.extend(_text_uses(value, each, (column,)))
    for column, value in (*statement.where, *statement.assignments):
        if column == PATCH and isinstance(value, str):
            uses.extend(patch_uses(value, root))
        elif column in (IDENTIFIER, MODEL) and isinstance(value, str):
            uses.extend(Use(n, _property(root, n), (n,), a) for n, a in names_in(value))
        else:
            uses.extend(_text_uses(value, None, None))
    return uses


def patch_uses(text: str, root: Mapping[str, Any]) -> list[Use]:
    """The placeholders of a JSON Patch with the schema each op's path and value lead to."""
    try:
        patch = json.loads(_JSON_TOKEN.sub(_marked, text))
    except ValueError:  # not JSON even with its placeholders as strings: the request will say
        return [Use(n, None, None, a) for n, a in names_in(text)]
    uses: list[Use] = []
    for op in patch if isinstance(patch, list) else []:
        if not isinstance(op, dict) or not isinstance(op.get("path"), str):
            continue
        try:
            tokens = split_pointer(op["path"])
        except ValueError:
            continue
        pointer = _property(root, tokens[0]) if tokens else None
        for token in tokens[1:]:
            pointer = child_pointer(root, pointer, int(token) if token.isdigit() else token)
        path = tuple("*" if t.isdigit() or t == "-" else t for t in tokens)
        uses.extend(value_uses(op.get("value"), pointer, root, path))
    return uses


def manifest_uses(document: Any, root: Mapping[str, Any]) -> list[Use]:
    """The placeholders of a stack-deploy manifest's props, with their schemas."""
    uses: list[Use] = []
    props = manifest_props(document)
    conditions = conditioned(root, "", [name for name, _ in props])
    for name, value in props:
        for pointer in (_property(root, name), *conditions.get(name, ())):
            uses.extend(value_uses(value, pointer, root, (name,)))
    return uses


def manifest_props(document: Any) -> list[tuple[str, Any]]:
    """The (name, value) props of a manifest's resources; ValueError when it has none."""
    resources = document.get("resources") if isinstance(document, dict) else None
    if not isinstance(resources, list) or not resources:
        raise ValueError("the manifest has no resources list")
    props: list[tuple[str, Any]] = []
    for resource in resources:
        items = resource.get("props") if isinstance(resource, dict) else None
        if not isinstance(items, list):
            raise ValueError("a resource of the manifest has no props list")
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise ValueError(f"a prop without a name: {item!r}")
            props.append((item["name"], item.get("value")))
    return props


def value_uses(
    value: Any, pointer: str | None, root: Mapping[str, Any], path: tuple[str, ...]
) -> list[Use]:
    """The placeholders inside a JSON or YAML value whose schema is at `pointer`."""
    if isinstance(value, str):
        if value.startswith(_MARK):
            return [Use(value[len(_MARK) :], pointer, path, bare=True)]
        return _text_uses(value, pointer, path)
    if isinstance(value, dict):
        conditions = conditioned(root, pointer, [str(k) for k in value])
        return [
            u
            for k, v in value.items()
            for each in (child_pointer(root, pointer, str(k)), *conditions.get(str(k), ()))
            for u in value_uses(v, each, root, (*path, str(k)))
        ]
    if isinstance(value, list):
        return [
            u
            for i, v in enumerate(value)
            for u in value_uses(v, child_pointer(root, pointer, i), root, (*path, "*"))
        ]
    return []


def _text_uses(value: Any, pointer: str | None, path: tuple[str, ...] | None) -> list[Use]:
    """Placeholders in a string: the string's schema if it is only one, else none known."""
    if not isinstance(value, str):
        return []
    if _whole(value):
        return [Use(n, pointer, path, a) for n, a in names_in(value)]
    return [Use(n, None, None, a) for n, a in names_in(value)]


def misnamed(use: Use) -> bool:
    """Whether a `{{ Name }}` stands where its name does not lead: the pages name each by its
    place, its key or an ending of its path (`{{ Qualifier }}`, `{{ Tags[0].Value }}`; a long
    one by its key and a number, `{{ Name_2 }}`), so that a value under another column, member
    or prop than the one named (`'{{ Qualifier }}'` as the FunctionName) is a finding, though
    a value valid there would fill it.

    >>> misnamed(Use("Tags[0].Value", "/p", ("Tags", "*", "Value")))
    False
    >>> misnamed(Use("Name_2[0]", "/p", ("A", "B", "Name", "*")))
    False
    >>> misnamed(Use("Key", "/p", ("Value",)))
    True
    """
    if use.angle or use.path is None or use.pointer is None or use.name in REGION_NAMES:
        return False  # (a place of no schema: the mock says what is wrong there)
    named = [_ITEM_INDEX.sub("", part) for part in use.name.split(".")]
    named[-1] = _NUMBERED.sub("", named[-1])
    keys = [key for key in use.path if key != "*"]
    return keys[-len(named) :] != named


def _marked(match: re.Match[str]) -> str:
    """A JSON token with a bare placeholder turned into a marked string."""
    return match[0] if match["string"] is not None else json.dumps(_MARK + match["bare"])


def _property(root: Mapping[str, Any], name: str) -> str | None:
    """The pointer of a top-level property's schema, if the resource has it."""
    return f"/properties/{escape_token(name)}" if name in (root.get("properties") or {}) else None


def child_pointer(
    root: Mapping[str, Any], pointer: str | None, key: str | int, hops: int = 0
) -> str | None:
    """The pointer of the schema of member `key` (an item, for an int) of what `pointer` names.

    >>> doc = {"definitions": {"D": {"properties": {"A": {"type": "string"}}}},
    ...        "properties": {"L": {"type": "array", "items": {"$ref": "#/definitions/D"}}}}
    >>> child_pointer(doc, child_pointer(doc, "/properties/L", 0), "A")
    '/definitions/D/properties/A'
    """
    if pointer is None or hops > _MAX_HOPS:
        return None
    node, pointer = _follow(root, pointer)
    if not isinstance(node, dict):
        return None
    if isinstance(key, int):
        items = node.get("items")
        if isinstance(items, dict):
            return f"{pointer}/items"
        if isinstance(items, list) and key < len(items):
            return f"{pointer}/items/{key}"
    else:
        if key in (node.get("properties") or {}):
            return f"{pointer}/properties/{escape_token(key)}"
        for pattern in node.get("patternProperties") or {}:
            regex = compile_pattern(pattern)
            if regex is not None and regex.search(key):
                return f"{pointer}/patternProperties/{escape_token(pattern)}"
        if isinstance(node.get("additionalProperties"), dict):
            return f"{pointer}/additionalProperties"
    for keyword in ("allOf", "oneOf", "anyOf"):
        for i, _ in enumerate(node.get(keyword) or []):
            found = child_pointer(root, f"{pointer}/{keyword}/{i}", key, hops + 1)
            if found is not None:
                return found
    return None


def conditioned(
    root: Mapping[str, Any], pointer: str | None, keys: Iterable[str]
) -> dict[str, list[str]]:
    """Pointers of what the object at `pointer` asks more of its members `keys`, given that
    they stand together: a schema dependency of one on another's value (`dependencies`), the
    `then` of an `if` whose required members are there (own or in `allOf`); and of the
    resource's own members (`pointer` ""), the list handler's schema of each, where it has one
    of its own (a resource made must be one a list can be asked for by those values).

    >>> doc = {"dependencies": {"A": {"properties": {"B": {"pattern": "^x"}}}}}
    >>> conditioned(doc, "", ["A", "B"])
    {'B': ['/dependencies/A/properties/B']}
    >>> doc = {"handlers": {"list": {"handlerSchema": {"properties": {"A": {"pattern": "^a"}}}}}}
    >>> conditioned(doc, "", ["A", "B"])
    {'A': ['/handlers/list/handlerSchema/properties/A']}
    """
    if pointer is None:
        return {}
    node, pointer = _follow(root, pointer)
    if not isinstance(node, dict):
        return {}
    keys = frozenset(keys)
    found: dict[str, list[str]] = {}
    for member, where, _ in (*dependent(node, keys), *held(node, keys)):
        if member in keys:
            found.setdefault(member, []).append(pointer + where)
    if pointer == "":
        for member in keys & listed_schemas(root).keys():
            where = f"/handlers/list/handlerSchema/properties/{escape_token(member)}"
            found.setdefault(member, []).append(where)
    return {k: sorted(v) for k, v in sorted(found.items())}


def _follow(root: Mapping[str, Any], pointer: str) -> tuple[Any, str]:
    """The schema at `pointer` with its `$ref`s followed, and where that is."""
    try:
        node = resolve_pointer(root, pointer)
        for _ in range(_MAX_HOPS):
            ref = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(ref, str):
                break
            pointer = ref.partition("#")[2]
            node = resolve_pointer(root, pointer)
    except (KeyError, ValueError):
        return None, pointer
    return node, pointer


# --- values ---------------------------------------------------------------------------------


def bind(
    uses: Iterable[Use],
    root: Mapping[str, Any],
    region: str,
    *,
    variant: int = 0,
    leave_out: Iterable[str] = (),
    validator: Any = None,
) -> Values:
    """One value per `{{ Name }}`, valid against every schema the name stands for.

    `leave_out` lists property pointers (`/properties/A/B`) that a reader leaves out of the
    objects and arrays they fill in (read-only members in a create, say).
    """
    validator = validator if validator is not None else validator_for(root)
    pointers: dict[str, list[str | None]] = {}
    paths: dict[str, set[tuple[str, ...]]] = {}
    bare: set[str] = set()
    for use in uses:
        if not use.angle:
            pointers.setdefault(use.name, [])
            if use.bare:
                bare.add(use.name)
            if use.pointer not in pointers[use.name]:
                pointers[use.name].append(use.pointer)
            if use.path is not None:
                paths.setdefault(use.name, set()).add(use.path)
    excluded = [split_pointer(p)[1:] for p in leave_out if p.startswith("/properties/")]
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for name, where in pointers.items():
        if name in REGION_NAMES:
            values[name] = region
            continue
        # `Name[2]`, `Tags[2].Key`: in the third item of an array, which must differ from the
        # first (`A[1].B[1]`: its indexes add up, to differ from `A[1].B[0]` and `A[0].B[1]`).
        shift = sum(int(n) for n in _ITEM_INDEX.findall(name))
        try:
            value = value_for(
                name,
                [p for p in where if p is not None],
                root,
                variant + shift,
                validator,
                name in bare,
            )
        except SampleError as error:
            problems["{{ " + name + " }}"] = str(error)
            continue
        values[name] = _without(value, paths.get(name, set()), excluded)
    return Values(values, {}, problems)


def _without(value: Any, paths: Iterable[tuple[str, ...]], excluded: list[tuple[str, ...]]) -> Any:
    """A value that goes at `paths`, without what lies at the excluded paths below them.

    >>> _without({"A": 1, "Id": 2}, [("Config",)], [("Config", "Id")])
    {'A': 1}
    >>> _without([{"Id": 1, "K": 2}], [("Tags",)], [("Tags", "*", "Id")])
    [{'K': 2}]
    """
    if not isinstance(value, (dict, list)):
        return value
    value = copy.deepcopy(value)
    for path in paths:
        for tokens in excluded:
            if len(tokens) > len(path) and all(
                a == b or "*" in (a, b) for a, b in zip(path, tokens, strict=False)
            ):
                remove_path(value, tokens[len(path) :])
    return value


def value_for(
    name: str,
    pointers: list[str],
    root: Mapping[str, Any],
    variant: int,
    validator: Any,
    bare: bool = False,
) -> Any:
    """A value valid against the schemas at every pointer; raises SampleError when none is.
    Where no schema says what goes there (an item of an array without `items`): a string, or
    an object for a placeholder that stands `bare` in JSON (a reader writes JSON there)."""
    unknown = {} if bare else {"type": "string"}
    schemas = [(p, resolve_pointer(root, p)) for p in pointers] or [("", unknown)]
    failures: list[SampleError] = []
    candidates = [(p, s) for p, s in schemas]
    if len(schemas) > 1:
        candidates.append((schemas[0][0], {"allOf": [s for _, s in schemas]}))
    for pointer, schema in candidates:
        try:
            value = sample_value(
                schema, root, name, variant=variant, optional=True, pointer=pointer
            )
        except SampleError as error:
            failures.append(error)
            continue
        if all(validator.evolve(schema=s).is_valid(value) for _, s in schemas):
            return value
    if len(schemas) > 1:
        places = ", ".join(f"#{p}" for p, _ in schemas)
        raise SampleError(
            schemas[0][0],
            f"{{{{ {name} }}}} stands for values of {len(schemas)} "
            f"schemas ({places}) and no value satisfies them all",
        )
    if failures:
        raise failures[0]
    raise SampleError(
        schemas[0][0], f"no value the mock makes for {{{{ {name} }}}} satisfies its schema"
    )


# --- filling -----------------------------------------------------------------------------------


def fill_text(text: str, values: Values) -> str:
    """A text with each placeholder replaced by its value's text."""
    return PLACEHOLDER.sub(lambda m: text_of(_value(m, values)), text)


def fill_json(text: str, values: Values) -> str:
    """JSON text with placeholders filled as a reader fills them (see the module's notes)."""

    def token(match: re.Match[str]) -> str:
        if match["angle"] is not None:
            return text_of(values.lookup(match["angle"], True))
        if match["string"] is None:
            return text_of(values.lookup(match["bare"], False))
        try:
            inner = json.loads(match[0])
        except ValueError:
            return match[0]
        if PLACEHOLDER.search(inner) is None:
            return match[0]
        whole = _whole(inner)
        if whole is not None:
            value = values.lookup(*whole)
            if isinstance(value, (dict, list)):  # a reader would paste JSON into a string
                bare = f"<{whole[0]}>" if whole[1] else "{{ " + whole[0] + " }}"
                kind = "an object" if isinstance(value, dict) else "an array"
                raise ExampleError(
                    f"{match[0]} quotes {kind}: the JSON a reader gives there is a string; "
                    f"it stands bare, {bare}"
                )
        return json.dumps(fill_text(inner, values))

    return _JSON_FILL_TOKEN.sub(token, text)


def fill_statement(statement: Statement, values: Values) -> Statement:
    """The statement with every placeholder in its literals filled."""

    def filled(column: str, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        return fill_json(value, values) if column in (PATCH, MODEL) else fill_text(value, values)

    return replace(
        statement,
        values=tuple(
            filled(c, v) for c, v in zip(statement.columns, statement.values, strict=False)
        ),  # a SELECT has no values
        where=tuple((c, filled(c, v)) for c, v in statement.where),
        assignments=tuple((c, filled(c, v)) for c, v in statement.assignments),
    )


def fill_value(value: Any, values: Values) -> Any:
    """A manifest value filled: a string that is only a placeholder takes the value itself."""
    if isinstance(value, str):
        whole = _whole(value)
        return values.lookup(*whole) if whole else fill_text(value, values)
    if isinstance(value, dict):
        return {k: fill_value(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [fill_value(v, values) for v in value]
    return value


def _value(match: re.Match[str], values: Values) -> Any:
    """The value of the placeholder a match found."""
    return (
        values.lookup(match["angle"], True)
        if match["angle"]
        else values.lookup(match["brace"], False)
    )
