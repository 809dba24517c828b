"""Schema checks: raise for what no page can be made from, warn of what the CloudFormation
meta-schema refuses. `schema.parse_spec` runs both on every schema it parses."""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from generator import jsontext
from generator.definitions import MAX_REF_HOPS, deref
from generator.errors import SpecError
from generator.jsonpointer import join_pointer, resolve_pointer
from generator.naming import SQL_WORDS, TYPE_NAME, TYPE_NAME_RULE, field_name, split_type_name

META_SCHEMA_FILES = (
    "provider.definition.schema.v1.json",
    "base.definition.schema.v1.json",
    "provider.configuration.definition.schema.v1.json",
)
# Keywords cfn-lint adds to its copies of AWS's schemas; the meta-schema does not know them.
CFN_LINT_KEYWORDS = frozenset(
    {
        "requiredXor",
        "requiredOr",
        "dependentExcluded",
        "dependentRequired",
        "enumCaseInsensitive",
        "lifecycle",
        "uniqueKeys",
        "maxUniqueItems",
        "prefixItems",
        "if",
        "then",
        "else",
        "not",
    }
)
HANDLER_NAMES = ("create", "read", "update", "delete", "list")
SAME_DOCUMENT_REFS = ("#", "resource-schema.json#")
# How most `$ref`s start: a definition's name follows.
_DEFINITION = "#/definitions/"
# A "$ref" key and its string value in JSON text (written as is: no escapes in the key). The
# string is matched as runs of plain characters between escapes (`[^"\\]*(?:\\.[^"\\]*)*`):
# the same text as `(?:[^"\\]|\\.)*`, found in half the time.
_REF_VALUE = re.compile(rb'"\$ref"[ \t\n\r]*:[ \t\n\r]*"([^"\\]*(?:\\.[^"\\]*)*)"')
# An escaped letter of "$ref" (\u0024, \u0072, \u0065, \u0066): the key could be written so.
_ESCAPED_REF_LETTER = re.compile(rb"\\u00(?:24|6[56]|72)")
# Text whose scan finds other `$ref` values than the parser read: one with an escaped letter of
# "$ref" (then its document is written out and scanned), or a name that ends in `"$ref` (whose
# value the scan takes for a $ref's).
_SCAN_NOT_PARSE = re.compile(rb'\\(?:u00(?:24|6[56]|72)|"\$ref")')


def check_structure(
    label: str, document: dict, data: bytes | None = None, refs: set[str] | None = None
) -> None:
    """Raise SpecError for what no page can be made from: the checks we rely on.

    `data`, the JSON text the document was parsed from, spares writing it out again; `refs`,
    the `$ref` values the parser read from it (`jsontext.loads`, no name twice), scanning it.
    """
    type_name = document.get("typeName")
    if not isinstance(type_name, str):
        pointer = "/typeName" if "typeName" in document else ""
        what = "no typeName" if pointer == "" else f"typeName is {jsontext.json_type(type_name)}"
        raise SpecError(label, pointer, f"{what}: expected a string like AWS::Service::Resource")
    if not TYPE_NAME.match(type_name):
        raise SpecError(
            label,
            "/typeName",
            f"{type_name!r} is not like AWS::Service::Resource ({TYPE_NAME_RULE})",
        )
    if any(part[0].isdigit() for part in type_name.split("::")):  # its SQL names start so
        raise SpecError(
            label,
            "/typeName",
            f"{type_name!r} has a part that starts with a digit, which no example's SQL could "
            "name (aws.service.resources)",
        )
    properties = document.get("properties")
    if not isinstance(properties, dict) or not properties:
        raise SpecError(label, "/properties", "expected a non-empty object of properties")
    _check_keywords(label, document, ())
    _check_columns(label, properties, split_type_name(type_name)[1].lower())
    for i, name in enumerate(document.get("required", ())):  # an array of strings by now
        if name not in properties:
            raise SpecError(label, f"/required/{i}", f"{name!r} names no property")
    _check_pointer_lists(label, document)
    if "lifecycle" in document:
        _check_lifecycle(label, document["lifecycle"])
    _check_refs(label, document, data, refs)
    handlers = document.get("handlers")
    if handlers is not None:
        _check_handlers(label, handlers)
        for name, handler in handlers.items():
            if "handlerSchema" in handler:
                _check_keywords(
                    label, handler["handlerSchema"], ("handlers", name, "handlerSchema")
                )
        _check_list_names(label, handlers.get("list", {}).get("handlerSchema"), properties)
    identifier = document.get("primaryIdentifier")
    if identifier is None:
        if handlers:
            raise SpecError(label, "", "no primaryIdentifier, but the schema has handlers")
        return
    if not isinstance(identifier, list) or not identifier:
        raise SpecError(label, "/primaryIdentifier", "expected a non-empty array of pointers")
    for i, pointer in enumerate(identifier):
        if not _names_property(document, pointer):
            named = repr(pointer) if isinstance(pointer, str) else jsontext.json_type(pointer)
            raise SpecError(label, f"/primaryIdentifier/{i}", f"{named} names no property")


# The type names of JSON Schema: another would stand in the Fields table as written.
JSON_TYPES = frozenset({"array", "boolean", "integer", "null", "number", "object", "string"})
# An IAM action as a permissions block shows it: no spaces, line breaks or backticks.
IAM_ACTION = re.compile(r"[^\s`]*")
# StackQL's column (and INSERT parameter) of the region a request goes to.
REGION_COLUMN = "region"
# The statuses of cfn-lint's `lifecycle` keyword: a resource (with its service, most often) shut
# down, sunsetting (to be shut down on its date), or in maintenance (no new features).
LIFECYCLES = ("shutdown", "sunset", "maintenance")
# A date of `lifecycle`, as cfn-lint writes them.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The lists of JSON pointers the generator reads.
POINTER_LISTS = (
    "readOnlyProperties",
    "writeOnlyProperties",
    "createOnlyProperties",
    "deprecatedProperties",
    "conditionalCreateOnlyProperties",
)
# What the generator reads of each keyword it walks: a schema, a map or list of schemas, or a
# value of one JSON type. Booleans are schemas too (true: anything, false: nothing).
_COUNTS = frozenset(
    ("minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties")
)
# How deep a schema may nest, in keys and indexes from its root: AWS's deepest nests 12 JSON
# levels; the generator reads schemas by recursion, which a few hundred levels would exhaust.
MAX_SCHEMA_DEPTH = 100
_KEYWORDS: dict[str, Any] = {
    **dict.fromkeys(
        ("additionalProperties", "additionalItems", "not", "if", "then", "else", "contains"),
        "schema",
    ),
    "properties": "members",
    **dict.fromkeys(("patternProperties", "definitions"), "map"),
    **dict.fromkeys(("allOf", "anyOf", "oneOf", "prefixItems"), "list"),
    "items": "items",
    "dependencies": "dependencies",
    "required": "names",
    # cfn-lint's choices among members (conditions.py reads them, and the mock holds to them)
    **dict.fromkeys(("requiredXor", "requiredOr"), "names"),
    **dict.fromkeys(("dependentRequired", "dependentExcluded"), "name-lists"),
    "type": "type",
    "enum": (list, "an array"),
    **dict.fromkeys(("$ref", "description", "pattern", "format"), str),
    "uniqueItems": (bool, "true or false"),
    **dict.fromkeys(_COUNTS, (int, "a non-negative integer")),
    **dict.fromkeys(
        ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"),
        ((int, float), "a number"),
    ),
}


def _check_keywords(label: str, schema: Any, path: tuple) -> None:
    """Raise SpecError where a keyword the generator reads has a value of the wrong shape.

    The meta-schema check only warns; these would otherwise stop the generator mid-page.
    """
    try:
        _check_schema(schema, len(path))
    except _Misshapen as e:
        pointer = join_pointer((*path, *reversed(e.tokens)))
        raise SpecError(label, pointer, e.message) from None


class _Misshapen(Exception):
    """A value `_check_schema` refuses. No path is kept while it walks (most schemas pass): the
    tokens of the value's place are gathered as this passes out, innermost first."""

    def __init__(self, message: str, *tokens: str | int) -> None:
        super().__init__(message)
        self.message = message
        self.tokens = list(tokens)


def _check_schema(node: Any, depth: int) -> None:
    """Raise _Misshapen where a keyword of a schema (`depth` keys and indexes from the root)
    has a value of the wrong shape.

    Keywords are taken in the document's order, so that the same error is named each run.
    """
    if node.__class__ is not dict:  # (as JSON is read, all but a few schemas)
        if isinstance(node, bool):
            return
        if not isinstance(node, dict):
            raise _Misshapen(f"expected a schema, got {jsontext.json_type(node)}")
    if depth > MAX_SCHEMA_DEPTH:
        raise _Misshapen(f"nested deeper than {MAX_SCHEMA_DEPTH} levels")
    try:
        for key, value in node.items():
            kind = _KEYWORDS.get(key)
            if kind is None:
                continue
            if kind is str:  # half the keywords: description, $ref, pattern, format
                if not isinstance(value, str):
                    raise _Misshapen(_wrong_shape(value, "a string"))
            elif kind.__class__ is tuple:  # a value of one other JSON type: a count, a number
                kinds, expected = kind
                fits = isinstance(value, kinds) and (kinds is bool or not isinstance(value, bool))
                if not fits or (key in _COUNTS and value < 0):
                    raise _Misshapen(_wrong_shape(value, expected))
                if key == "multipleOf" and value <= 0:  # every value would divide by it
                    raise _Misshapen(f"expected a number above 0, got {value}")
            elif kind == "type":
                if value.__class__ is str and value in JSON_TYPES:
                    continue
                _check_type(value)
            elif kind == "schema" or (kind == "items" and not isinstance(value, list)):
                if value is not False and value is not True:  # most often false: no call for it
                    _check_schema(value, depth + 1)
            elif kind == "members" or kind == "map" or kind == "dependencies":
                if not isinstance(value, dict):
                    raise _Misshapen(_wrong_shape(value, "an object"))
                for name, sub in value.items():
                    # Property names as the meta-schema has them (`^[A-Za-z0-9]{1,64}$`), of any
                    # length: a name with other characters would be written as is in SQL
                    # columns, `{{ }}` placeholders and patch paths, and break them. ASCII and
                    # alphanumeric is that set of characters, asked of 50,000 names in far less
                    # time than a regex.
                    if kind == "members" and not (name.isascii() and name.isalnum()):
                        message = (
                            f"expected a property name of letters and digits only, got {name!r}"
                        )
                        raise _Misshapen(message, name)
                    # a dependency: names, or a schema
                    if kind != "dependencies" or not jsontext.is_names(sub):
                        try:
                            _check_schema(sub, depth + 2)
                        except _Misshapen as e:
                            e.tokens.append(name)
                            raise
            elif kind == "list" or kind == "items":
                if not isinstance(value, list):
                    raise _Misshapen(_wrong_shape(value, "an array of schemas"))
                for i, sub in enumerate(value):
                    try:
                        _check_schema(sub, depth + 2)
                    except _Misshapen as e:
                        e.tokens.append(i)
                        raise
            elif kind == "names":
                if not jsontext.is_names(value):
                    _refuse_names(value)
            elif kind == "name-lists":
                if not isinstance(value, dict):
                    raise _Misshapen(_wrong_shape(value, "an object of arrays of names"))
                for name, names in value.items():
                    if not jsontext.is_names(names):
                        try:
                            _refuse_names(names)
                        except _Misshapen as e:
                            e.tokens.append(name)
                            raise
    except _Misshapen as e:
        e.tokens.append(key)  # the keyword whose value it is, or holds it
        raise


def _refuse_names(value: Any) -> None:
    """Raise _Misshapen for what is not an array of strings: named at the first item that is
    no string, where it is an array."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise _Misshapen(_wrong_shape(item, "a string"), i)
    raise _Misshapen(_wrong_shape(value, "an array of strings"))


def _check_type(value: Any) -> None:
    """Raise _Misshapen unless a `type` is a JSON Schema type name or an array of them."""
    if not (isinstance(value, str) or jsontext.is_names(value)):
        raise _Misshapen(_wrong_shape(value, "a type name"))
    for name in [value] if isinstance(value, str) else value:
        if name not in JSON_TYPES:  # it would stand as the field's type on the page
            raise _Misshapen(
                f"expected a JSON Schema type ({', '.join(sorted(JSON_TYPES))}), got {name!r}"
            )


def _check_columns(label: str, properties: dict, service: str) -> None:
    """Each property must have a column of its own: no two snake_case names alike, none named
    as StackQL's `region` parameter (an INSERT would list it twice), and none that SQL reads
    as other than a column (`where`, `1_x`)."""
    columns: dict[str, str] = {}
    for name in properties:
        if name == REGION_COLUMN:
            raise SpecError(label, f"/properties/{name}", "the name of StackQL's region column")
        column = field_name(name, service)
        if column in SQL_WORDS or column[0].isdigit():
            what = "a word of SQL" if column in SQL_WORDS else "a name that starts with a digit"
            raise SpecError(
                label,
                f"/properties/{name}",
                f"its column {column!r} is {what}, which no example's SQL could name as a column",
            )
        other = columns.setdefault(column, name)
        if other != name:
            raise SpecError(
                label, f"/properties/{name}", f"its column {column!r} is also the column of {other}"
            )


def _check_list_names(label: str, schema: Any, properties: dict) -> None:
    """What a list handler requires (its `required`, and its first `oneOf` or `anyOf` branch's)
    must be properties: the list example filters by their columns."""
    if not isinstance(schema, dict):
        return
    named = [(("required",), schema.get("required", ()))]
    for keyword in ("oneOf", "anyOf"):
        branches = schema.get(keyword)
        if isinstance(branches, list) and branches and isinstance(branches[0], dict):
            named.append(((keyword, 0, "required"), branches[0].get("required", ())))
    for path, names in named:
        for i, name in enumerate(names):
            if name not in properties:
                where = join_pointer(("handlers", "list", "handlerSchema", *path, i))
                raise SpecError(label, where, f"{name!r} names no property")


def _check_pointer_lists(label: str, document: dict) -> None:
    """The read-only, write-only, create-only (conditionally too) and deprecated lists must be
    arrays of JSON pointers, and `additionalIdentifiers` an array of them."""
    for key in POINTER_LISTS:
        if key in document:
            _check_pointers(label, (key,), document[key])
    groups = document.get("additionalIdentifiers", [])
    if not isinstance(groups, list):
        raise _wrong(label, ("additionalIdentifiers",), groups, "an array of arrays of pointers")
    for i, group in enumerate(groups):
        _check_pointers(label, ("additionalIdentifiers", i), group)


def _check_pointers(label: str, path: tuple, pointers: Any) -> None:
    """Raise SpecError unless `pointers` is an array of JSON pointers."""
    if not isinstance(pointers, list):
        raise _wrong(label, path, pointers, "an array of JSON pointers")
    for i, pointer in enumerate(pointers):
        if not (isinstance(pointer, str) and pointer.startswith("/")):
            got = repr(pointer) if isinstance(pointer, str) else jsontext.json_type(pointer)
            raise SpecError(
                label,
                join_pointer((*path, i)),
                f"expected a JSON pointer like /properties/Name, got {got}",
            )


def _check_lifecycle(label: str, lifecycle: Any) -> None:
    """cfn-lint's `lifecycle` must be an object of a `status` (a string) and, if any, a `date`
    (`2025-07-31`), which a page's note says."""
    if not isinstance(lifecycle, dict):
        raise _wrong(label, ("lifecycle",), lifecycle, "an object of a status and, if any, a date")
    if "status" not in lifecycle:
        raise SpecError(label, "/lifecycle", "expected a status, got none")
    if not isinstance(lifecycle["status"], str):
        raise _wrong(label, ("lifecycle", "status"), lifecycle["status"], "a status (a string)")
    date = lifecycle.get("date")
    if date is None:
        return
    if not isinstance(date, str):
        raise _wrong(label, ("lifecycle", "date"), date, "a date like 2025-07-31")
    try:
        datetime.date.fromisoformat(date)  # (not 2025-02-30)
        valid = _DATE.fullmatch(date) is not None  # (nor 20250731, which it reads)
    except ValueError:
        valid = False
    if not valid:
        raise SpecError(label, "/lifecycle/date", f"expected a date like 2025-07-31, got {date!r}")


def lifecycle_findings(document: dict) -> tuple[str, ...]:
    """Warnings (`#pointer: message`) of a `lifecycle` status the pages have no note for."""
    lifecycle = document.get("lifecycle")
    if isinstance(lifecycle, dict) and lifecycle.get("status") not in LIFECYCLES:
        known = ", ".join(LIFECYCLES)
        return (
            f"#/lifecycle/status: {lifecycle.get('status')!r} is none of {known}: "
            "the page says nothing of it",
        )
    return ()


def pointers_naming_nothing(document: dict) -> tuple[tuple[str, str], ...]:
    """The entries of the read-only, write-only, create-only (conditionally too), deprecated
    and additional identifier lists that name no property (`/properties/Nope`, or a member
    its property has not: `/properties/Qualifier/`), as (the entry's JSON pointer, its value).
    Not bad input: a page leaves them out (see `names_member`); AWS's schemas have none."""
    found = []
    properties = document.get("properties", {})
    for key in POINTER_LISTS:
        for i, pointer in enumerate(document.get(key, ())):
            # (most name a property: their names have letters and digits only)
            if pointer[12:] in properties and pointer[:12] == "/properties/":
                continue
            if not names_member(document, pointer):
                found.append((f"/{key}/{i}", pointer))
    for i, group in enumerate(document.get("additionalIdentifiers", ())):
        for j, pointer in enumerate(group):
            if not names_member(document, pointer):
                found.append((f"/additionalIdentifiers/{i}/{j}", pointer))
    return tuple(found)


def without_pointers(doc: dict, pointers: Collection[str]) -> dict:
    """The schema with `pointers` left out of its lists of them (`readOnlyProperties`...)."""
    lists = {key: [p for p in doc[key] if p not in pointers] for key in POINTER_LISTS if key in doc}
    if "additionalIdentifiers" in doc:
        lists["additionalIdentifiers"] = [
            [p for p in group if p not in pointers] for group in doc["additionalIdentifiers"]
        ]
    return {**doc, **lists}


def names_member(document: dict, pointer: str) -> bool:
    """Whether `/properties/A/B...` names a property or a member of one: through `$ref`s,
    array items (`*`), the branches of `oneOf`, `anyOf` and `allOf`, and `patternProperties`
    (any name).

    >>> doc = {"properties": {"A": {"type": "array", "items": {"$ref": "#/definitions/B"}}},
    ...        "definitions": {"B": {"oneOf": [{"properties": {"C": {}}}]}}}
    >>> names_member(doc, "/properties/A/*/C"), names_member(doc, "/properties/A/C")
    (True, False)
    """
    tokens = pointer.split("/")
    if tokens[:2] != ["", "properties"] or len(tokens) < 3:
        return False
    nodes: list[Any] = [{"properties": document.get("properties", {})}]
    for token in tokens[2:]:
        found: list[Any] = []
        for node in nodes:
            branches = [node]
            for _ in range(MAX_REF_HOPS):  # (a schema of branches of branches: so many at most)
                if not branches:
                    break
                schema, _seen = deref(branches.pop(), document)
                for keyword in ("oneOf", "anyOf", "allOf"):
                    if isinstance(schema.get(keyword), list):
                        branches.extend(b for b in schema[keyword] if isinstance(b, dict))
                if token == "*":
                    if isinstance(schema.get("items"), dict):
                        found.append(schema["items"])
                    continue
                members = schema.get("properties")
                if isinstance(members, dict) and token in members:
                    found.append(members[token])
                elif isinstance(schema.get("patternProperties"), dict):
                    found.extend(schema["patternProperties"].values())
        if not found:
            return False
        nodes = found
    return True


def _wrong(label: str, path: tuple, value: Any, expected: str) -> SpecError:
    """The error for a keyword whose value is not what the generator reads."""
    return SpecError(label, join_pointer(path), _wrong_shape(value, expected))


def _wrong_shape(value: Any, expected: str) -> str:
    """What is said of a value that is not what the generator reads."""
    got = value if isinstance(value, int) and not isinstance(value, bool) and value < 0 else None
    return f"expected {expected}, got {got or jsontext.json_type(value)}"


def _names_property(document: dict, pointer: Any) -> bool:
    """Whether `/properties/A/B...` names a property, nested ones through `$ref`s included."""
    if not isinstance(pointer, str) or not pointer.startswith("/properties/"):
        return False
    node: Any = document
    for name in pointer.split("/")[2:]:
        for _ in range(32):  # follow a chain of $refs, not a cycle
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                break
            try:
                node = resolve_pointer(document, node["$ref"].partition("#")[2])
            except (KeyError, ValueError):
                return False
        members = node.get("properties") if isinstance(node, dict) else None
        if not isinstance(members, dict) or name not in members:
            return False
        node = members[name]
    return True


def _check_refs(label: str, document: dict, data: bytes | None, refs: set[str] | None) -> None:
    """Every `$ref` must name a schema in the same document, not only `$ref`s that lead back
    to it (`A: {$ref: B}, B: {$ref: A}`: no schema at all, whose type a page would invent)."""
    named = _named_schemas(document, _ref_targets(document, data, refs))
    if None not in named.values():
        # Only a $ref's target that is itself a $ref (or an annotated one) may start a loop.
        _check_ref_loops(
            label,
            document,
            [r for r, t in named.items() if type(t) is dict and ("$ref" in t or "allOf" in t)],
        )
        return
    for pointer, ref in iter_refs(document):  # slow, but only to name the broken one
        if not ref.startswith(SAME_DOCUMENT_REFS):
            raise SpecError(label, pointer, f"$ref {ref!r} points outside the schema")
        try:
            target = resolve_pointer(document, ref.partition("#")[2])
        except (KeyError, ValueError):
            raise SpecError(label, pointer, f"$ref {ref!r} names no definition") from None
        if not isinstance(target, (dict, bool)):
            kind = jsontext.json_type(target)
            article = "an" if kind[0] in "aeiou" else "a"
            raise SpecError(label, pointer, f"$ref {ref!r} names {article} {kind}, not a schema")


def _one_of(names: tuple[str, ...]) -> str:
    """`a, b or c`.

    >>> _one_of(("create", "read", "list"))
    'create, read or list'
    """
    return f"{', '.join(names[:-1])} or {names[-1]}"


def _check_ref_loops(label: str, document: dict, targets: Iterable[str]) -> None:
    """No `$ref` but those of the loop itself may lead into a loop of `$ref`s (`A: {$ref: B},
    B: {$ref: A}`), or a chain of more than MAX_REF_HOPS of them, which reads as one: it names
    no schema at all, whose type a page would invent. Definitions of such $refs alone that
    nothing else names are left alone (an EC2 schema defines a loop, unused); a property or a
    member of a definition in one, or that leads into one, is in use
    (`P: {$ref: #/properties/P}`).
    """
    followed: dict = {}
    loops: dict[str, frozenset[str]] = {}  # the refs followed, of each that leads into one
    chains: set[str] = set()  # of those, the ones that end in no loop, past MAX_REF_HOPS
    for ref in targets:
        reached, seen = deref({"$ref": ref}, document, targets=followed)
        if isinstance(reached.get("$ref"), str):  # not followed on: a loop, or too long
            loops[ref] = seen
            if reached["$ref"] not in seen:
                chains.add(ref)
    if not loops:  # all but the rarest schemas
        return
    for pointer, ref in iter_refs(document):
        # A definition that is a $ref alone (`/definitions/A/$ref`) is named where it is used.
        if ref in loops and not (pointer.startswith(_DEFINITION[1:]) and pointer.count("/") == 3):
            if ref in chains:
                message = f"$ref {ref!r} leads through more than {MAX_REF_HOPS} $refs: no schema"
            else:
                loop = " -> ".join(sorted(loops[ref]))
                message = f"$ref {ref!r} leads only to $refs that loop ({loop}): no schema"
            raise SpecError(label, pointer, message)


def _ref_targets(
    document: dict, data: bytes | None = None, refs: set[str] | None = None
) -> set[str]:
    """The distinct `$ref` values of a document (a fast scan of its JSON text).

    The text it was parsed from serves unless a `$ref` key could hide in it behind escapes
    or another encoding than UTF-8 (whose JSON text never holds a NUL byte). The `$ref`s the
    parser read from it (`refs`) are what the scan finds, but where `_SCAN_NOT_PARSE` says.
    """
    if data is None or b"\x00" in data:
        data = json.dumps(document).encode()
    elif refs is not None and not (b"\\" in data and _SCAN_NOT_PARSE.search(data)):
        return refs
    elif _ESCAPED_REF_LETTER.search(data):
        data = json.dumps(document).encode()
    return {
        json.loads(b'"' + m + b'"') if b"\\" in m else m.decode()
        for m in set(_REF_VALUE.findall(data))
    }


def _named_schemas(document: dict, refs: Iterable[str]) -> dict[str, dict | bool | None]:
    """The schema (an object or a boolean) each `$ref` names in this document; None if none."""
    definitions = document.get("definitions")
    looked_up = type(definitions) is dict  # (else a pointer resolves each)
    named: dict[str, dict | bool | None] = {}
    for ref in refs:
        name = ref[len(_DEFINITION) :]
        if looked_up and ref.startswith(_DEFINITION) and "/" not in name and "~" not in name:
            target = definitions.get(name)  # most $refs: no pointer to split and walk
        elif not ref.startswith(SAME_DOCUMENT_REFS):
            target = None
        else:
            try:
                target = resolve_pointer(document, ref.partition("#")[2])
            except (KeyError, ValueError):
                target = None
        named[ref] = target if isinstance(target, (dict, bool)) else None
    return named


def _check_handlers(label: str, handlers: Any) -> None:
    """Handlers must be objects whose permissions are lists of strings."""
    if not isinstance(handlers, dict):
        raise SpecError(
            label, "/handlers", f"expected an object, got {jsontext.json_type(handlers)}"
        )
    for name, handler in handlers.items():
        if name not in HANDLER_NAMES:
            here = join_pointer(("handlers", name))  # `a/b`: /handlers/a~1b
            raise SpecError(label, here, f"unknown handler (expected {_one_of(HANDLER_NAMES)})")
        here = f"/handlers/{name}"  # a handler's name has nothing to escape
        if not isinstance(handler, dict):
            raise SpecError(label, here, f"expected an object, got {jsontext.json_type(handler)}")
        permissions = handler.get("permissions", [])
        if not jsontext.is_names(permissions):
            raise SpecError(label, f"{here}/permissions", "expected an array of strings")
        # All but broken schemas: no backtick, no space, no other white space (none of it is
        # printable), asked of the permissions at once faster than a regex could.
        joined = "".join(permissions)
        if joined.isprintable() and " " not in joined and "`" not in joined:
            continue
        for i, permission in enumerate(permissions):  # each is a line of a code block
            if not IAM_ACTION.fullmatch(permission):
                raise SpecError(
                    label,
                    f"{here}/permissions/{i}",
                    f"expected an IAM action like lambda:GetFunction, got {permission!r}",
                )


def iter_refs(node: Any, path: tuple = ()) -> Iterator[tuple[str, str]]:
    """Yield (pointer, target) for every `$ref` in a document, in document order."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield join_pointer((*path, "$ref")), ref
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                yield from iter_refs(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, (dict, list)):
                yield from iter_refs(value, (*path, i))


def meta_schema_findings(label: str, document: dict) -> Iterator[str]:
    """Yield the meta-schema violations as warnings, leaving out cfn-lint's own keywords.

    The few schemas that fail (6 of 1,854 in us-east-1) are walked again for every violation;
    they come sorted by place.
    """
    validator = _meta_check()
    try:
        if validator.is_valid(document):
            return
        findings = {
            f"{label}#{join_pointer(error.instance_path)}: {error.message}"
            for error in validator.iter_errors(document)
        }
    except (ValueError, RecursionError):  # jsonschema-rs: "Recursion limit reached"
        message = "nested too deeply to check against the CloudFormation meta-schema"
        raise SpecError(label, "", message) from None
    yield from sorted(findings)


@lru_cache(maxsize=1)
def _meta_documents() -> tuple[dict, ...]:
    """The meta-schema files shipped in the package, the provider definition first."""
    folder = resources.files("generator") / "data" / "metaschema"
    return tuple(json.loads((folder / name).read_text("utf-8")) for name in META_SCHEMA_FILES)


@lru_cache(maxsize=1)
def _meta_check() -> Any:
    """The validator of the meta-schema, relaxed to allow cfn-lint's keywords.

    jsonschema-rs (compiled Rust) checks the 1,854 us-east-1 schemas in 0.03 s where jsonschema
    takes 11 s, and finds the violations of the few that fail in milliseconds where jsonschema
    took 0.2 s. Like jsonschema by default, it checks no `format` (AWS's patterns are Java
    regexes). Every meta-schema it needs is given: it fetches nothing.
    """
    import jsonschema_rs  # imported here: an unchanged tree never needs it

    documents = [_allow_cfn_lint_keywords(doc) for doc in _meta_documents()]
    draft7 = _draft7_meta_schema()
    registry = jsonschema_rs.Registry(
        [(doc["$id"], doc) for doc in documents] + [(draft7["$id"].rstrip("#"), draft7)]
    )
    validator = jsonschema_rs.Draft7Validator(
        documents[0], registry=registry, validate_formats=False, offline=True
    )
    return validator


def _draft7_meta_schema() -> dict:
    """JSON Schema draft-07's own meta-schema, as jsonschema ships it."""
    spec = importlib.util.find_spec("jsonschema_specifications")
    if spec and spec.submodule_search_locations:  # read the file, skip importing jsonschema
        path = Path(spec.submodule_search_locations[0], "schemas", "draft7", "metaschema.json")
        if path.is_file():
            return json.loads(path.read_bytes())
    import jsonschema

    return jsonschema.Draft7Validator.META_SCHEMA


def _allow_cfn_lint_keywords(node: Any) -> Any:
    """A copy of a meta-schema in which closed objects also accept cfn-lint's keywords."""
    if isinstance(node, list):
        return [_allow_cfn_lint_keywords(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {key: _allow_cfn_lint_keywords(value) for key, value in node.items()}
    if copy.get("additionalProperties") is False and isinstance(copy.get("properties"), dict):
        extra = {k: {} for k in sorted(CFN_LINT_KEYWORDS) if k not in copy["properties"]}
        copy["properties"] = {**copy["properties"], **extra}
    return copy
