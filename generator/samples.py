"""Deterministic sample values for the JSON (sub)schemas of CloudFormation resource types.

Values are built, never drawn at random: the same schema gives the same value on every run and
every machine. Every value is checked against its schema with a Draft 7 validator before it is
returned; when no value can be built, `SampleError` names the subschema that could not be met, so
that a placeholder which cannot be filled becomes a finding instead of a silent gap.

Patterns are read as `generator.patterns` reads them (the Java dialect CloudFormation writes);
a pattern that stays unreadable is not enforced, neither by the sampler nor by
`validator.validator_for`, and neither is a `multipleOf` that is no number above 0.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation
from typing import Any

from generator.conditions import cfn_lint_exclusive, cfn_lint_required
from generator.definitions import ANNOTATIONS, MAX_REF_HOPS, listed_schemas, refs_in
from generator.errors import DocgenError
from generator.formats import format_text, kebab
from generator.jsonpointer import escape_token, resolve_pointer, split_pointer
from generator.patterns import compile_pattern, string_for_pattern
from generator.validator import LOOP, SELF_DOCUMENT, canonical, cut_loops, validator_for

# Nested schema levels before a branch is given up: deeper than any real resource needs (AWS's
# deepest nests 12), shallow enough that a recursive definition fails fast. A chain of `$ref`s
# (or `allOf`s) to one schema is followed MAX_REF_HOPS times, as generate follows it.
MAX_DEPTH = 24
# The most characters a value can take: Cloud Control carries a resource's properties as JSON
# text of at most 262,144 characters (the DesiredState, PatchDocument and ResourceModel members,
# botocore's `Properties` shape), so no example can hold a longer string, or more items or
# members than fit in it (two characters each at least, `1,`). A schema asking for more is a
# finding at once, not hours of building; the sampler stops when its value outgrows it.
MAX_SIZE = 262_144


def _too_big(keyword: str, count: int) -> str:
    """Why a `minLength`, `minItems` or `minProperties` cannot be met in an example."""
    return (
        f"{keyword} {count} is past what an example can hold (Cloud Control carries "
        f"{MAX_SIZE} characters at most)"
    )


class SampleError(DocgenError):
    """No value satisfies a schema: `pointer` names the subschema in the resource schema."""

    def __init__(self, pointer: str, message: str) -> None:
        self.pointer = pointer
        self.message = message
        super().__init__(f"#{pointer}: {message}")


_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
_OBJECT_KEYS = (
    "properties",
    "required",
    "patternProperties",
    "additionalProperties",
    "minProperties",
    "maxProperties",
)


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Both schemas' keywords in one dict, for building only: validation uses the originals."""
    out = dict(base)
    for key, value in extra.items():
        if key not in out:
            out[key] = value
        elif key == "properties":
            out[key] = {
                **out[key],
                **{
                    k: {"allOf": [out[key][k], v]} if k in out[key] else v for k, v in value.items()
                },
            }
        elif key == "required":
            out[key] = list(dict.fromkeys([*out[key], *value]))
        elif key in ("dependentExcluded", "dependentRequired"):  # cfn-lint's: both hold
            if isinstance(out[key], dict) and isinstance(value, dict):
                out[key] = {
                    k: list(dict.fromkeys([*out[key].get(k, []), *value.get(k, [])]))
                    for k in dict.fromkeys([*out[key], *value])
                }
        elif key in _LOWER_BOUNDS:
            out[key] = max(out[key], value)
        elif key in _UPPER_BOUNDS:
            out[key] = min(out[key], value)
        elif key == "type":  # what both allow; an integer is a number
            theirs = _as_list(value)
            out[key] = [
                t if t in theirs else "integer"
                for t in _as_list(out[key])
                if t in theirs
                or (t == "number" and "integer" in theirs)
                or (t == "integer" and "number" in theirs)
            ]
        elif key == "enum":
            out[key] = [v for v in out[key] if v in value]
        elif key == "pattern" and value != out[key]:  # one string can rarely be built for two
            out["$patterns"] = [*out.get("$patterns", []), value]
        elif key == "$patterns":
            out[key] = [*out[key], *value]
    return out


def _schema(node: Any) -> Any:
    """A boolean schema as the keywords that mean the same: true allows anything, false nothing.

    >>> _schema(True), _schema(False), _schema({"type": "string"})
    ({}, {'not': {}}, {'type': 'string'})
    """
    return {} if node is True else {"not": {}} if node is False else node


def _as_list(value: Any) -> list[Any]:
    """A keyword value that may be one item or a list of them, as a list."""
    return value if isinstance(value, list) else [value]


def _types(schema: Mapping[str, Any]) -> list[str]:
    """The JSON types to try, in the schema's order; guessed from keywords without `type`."""
    declared = schema.get("type")
    if declared is not None:
        return [t for t in _as_list(declared) if isinstance(t, str)]
    if any(k in schema for k in _OBJECT_KEYS):
        return ["object"]
    if any(k in schema for k in ("items", "minItems", "maxItems", "uniqueItems")):
        return ["array"]
    if any(k in schema for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")):
        return ["number"]
    if schema.keys() <= ANNOTATIONS:  # any JSON value (CloudFormation's Json): as pages show it
        return ["object"]
    if schema.get("format") == "json":  # CloudFormation's Json: an object, or its text
        return ["object", "string"]
    return ["string"]


def _decimal(value: Any) -> Decimal | None:
    """A JSON number as an exact Decimal (None for anything else, booleans included)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return Decimal(str(value))


def _number(value: Decimal) -> int | float:
    """A Decimal back as a JSON number: an int when it is whole."""
    return int(value) if value == value.to_integral_value() else float(value)


# The roots that samplers were made for lately, by id(): the root, with its loops cut, and its
# validator. Making them walks the whole document, and a page's examples ask for a value of
# each placeholder, in one document (a QuickSight dashboard's, hundreds).
_PREPARED: dict[int, tuple[Mapping[str, Any], Mapping[str, Any], Any]] = {}
_PREPARED_MAX = 16


_PREPARED_LOCK = threading.Lock()  # the mock serves requests on threads that sample too


def _prepared(root: Mapping[str, Any]) -> tuple[Mapping[str, Any], Any]:
    """A resource schema with its loops cut, and its validator: made once for each root."""
    with _PREPARED_LOCK:
        entry = _PREPARED.get(id(root))
    if entry is None or entry[0] is not root:  # (an id may be another object's, later)
        cut = cut_loops(root)
        entry = (root, cut, validator_for(cut))
        with _PREPARED_LOCK:
            if len(_PREPARED) >= _PREPARED_MAX:
                _PREPARED.pop(next(iter(_PREPARED)))
            _PREPARED[id(root)] = entry
    return entry[1], entry[2]


@dataclass(slots=True)
class _Sampler:
    """Builds values for the subschemas of one resource schema."""

    root: Mapping[str, Any]
    optional: bool = False
    seed: str | None = None
    validator: Any = None
    budget: int = 1000  # values to build before optional properties are left out
    room: int = MAX_SIZE  # characters left to build, counted as JSON text, at least
    stack: list[str] = field(default_factory=list)  # definitions being built, outermost first

    def __post_init__(self) -> None:
        self.root, self.validator = _prepared(self.root)

    def valid(self, value: Any, schema: Any) -> bool:
        """Whether `value` is valid against `schema` (a subschema of the root)."""
        return self.validator.evolve(schema=schema).is_valid(value)

    def resolve(self, schema: Any, pointer: str, depth: int = 0) -> tuple[dict[str, Any], str]:
        """Follow `$ref`s and fold `allOf`, so one dict holds every keyword to build from."""
        schema = _schema(schema)
        if depth > MAX_DEPTH:  # allOf in allOf
            raise SampleError(pointer, f"allOf nested deeper than {MAX_DEPTH} levels")
        for _ in range(MAX_REF_HOPS + 1):  # as many hops as generate follows, then the end
            if LOOP in schema:
                raise SampleError(pointer, f"$ref {schema[LOOP]!r} loops back to itself")
            if isinstance(ref := schema.get("$ref"), str):
                document, _, fragment = ref.partition("#")
                if document not in ("", SELF_DOCUMENT):
                    raise SampleError(pointer, f"cannot follow $ref {ref!r}")
                try:
                    target = resolve_pointer(self.root, fragment)
                except (KeyError, ValueError):
                    raise SampleError(pointer, f"$ref {ref!r} names nothing") from None
                rest = {k: v for k, v in schema.items() if k != "$ref"}
                schema, pointer = _merge(_schema(target), rest), fragment
            elif isinstance(schema.get("allOf"), list):
                merged = {k: v for k, v in schema.items() if k != "allOf"}
                for i, part in enumerate(schema["allOf"]):
                    part, _ = self.resolve(part, f"{pointer}/allOf/{i}", depth + 1)
                    merged = _merge(merged, part)
                schema = merged
            else:
                return schema, pointer
        raise SampleError(pointer, f"$ref or allOf chained more than {MAX_REF_HOPS} times")

    def value(self, schema: Any, pointer: str, name: str, variant: int, depth: int) -> Any:
        """A value valid against `schema`; raises SampleError naming the subschema that failed."""
        if depth > MAX_DEPTH:
            raise SampleError(pointer, f"nested deeper than {MAX_DEPTH} levels")
        if self.room <= 0:
            raise SampleError(
                pointer,
                f"the value outgrows what an example can hold (Cloud Control carries {MAX_SIZE} "
                "characters at most)",
            )
        flat, where = self.resolve(schema, pointer, depth)
        failures: list[SampleError] = []
        self.budget -= 1
        self.stack.append(where)
        try:
            for candidate in self.candidates(flat, where, name, variant, depth, failures):
                if self.valid(candidate, schema):
                    self.room -= len(candidate) + 3 if isinstance(candidate, str) else 2
                    return candidate
            if self.optional:  # optional properties can break oneOf or dependencies: go bare
                self.optional = False
                try:
                    return self.value(schema, pointer, name, variant, depth)
                except SampleError:
                    pass
                finally:
                    self.optional = True
        finally:
            self.stack.pop()
        if failures:
            raise failures[0]
        raise SampleError(where, "no value satisfies the schema")

    def candidates(
        self,
        s: dict[str, Any],
        where: str,
        name: str,
        variant: int,
        depth: int,
        failures: list[SampleError],
    ) -> Iterator[Any]:
        """Values worth trying, best first; nested failures are noted in `failures`."""
        if s.get("not") in ({}, True):  # `false`, as `_schema` spells it
            failures.append(SampleError(where, "the schema allows no value (false)"))
            return
        if "const" in s:
            yield s["const"]
            return
        if isinstance(s.get("enum"), list):
            yield from (s["enum"][(variant + i) % len(s["enum"])] for i in range(len(s["enum"])))
            if not s["enum"]:
                failures.append(SampleError(where, "enum is empty"))
            return
        if variant == 0 and self.seed is None:
            if "default" in s:
                yield s["default"]
            if isinstance(s.get("examples"), list):
                yield from s["examples"]
        for key in ("oneOf", "anyOf"):
            if isinstance(s.get(key), list):
                rest = {k: v for k, v in s.items() if k != key}
                for i, branch in enumerate(s[key]):  # candidates are judged by the whole schema
                    try:
                        flat = self.resolve(branch, f"{where}/{key}/{i}", depth + 1)[0]
                    except SampleError as error:
                        failures.append(error)
                        continue
                    yield from self.candidates(
                        _merge(rest, flat), f"{where}/{key}/{i}", name, variant, depth + 1, failures
                    )
                return
        for kind in _types(s):
            try:
                yield from self.of_type(kind, s, where, name, variant, depth)
            except SampleError as error:
                failures.append(error)

    def of_type(
        self, kind: str, s: dict[str, Any], where: str, name: str, variant: int, depth: int
    ) -> Iterator[Any]:
        """Candidates of one JSON type."""
        if kind == "string":
            yield from self.strings(s, where, name, variant)
        elif kind in ("integer", "number"):
            yield from self.numbers(s, variant, kind == "integer")
        elif kind == "boolean":
            yield from (variant % 2 == 0, variant % 2 == 1)
        elif kind == "null":
            yield None
        elif kind == "array":
            yield from self.arrays(s, where, name, variant, depth)
        elif kind == "object":
            yield from self.objects(s, where, variant, depth)

    def strings(self, s: dict[str, Any], where: str, name: str, variant: int) -> Iterator[str]:
        """A `format` sample, the property's name, then a string built from the pattern."""
        low, high = s.get("minLength", 0), s.get("maxLength")
        if low > self.room:
            raise SampleError(where, _too_big("minLength", low))
        pattern = s.get("pattern") if isinstance(s.get("pattern"), str) else None
        if isinstance(s.get("format"), str) and (text := format_text(s["format"], name, variant)):
            yield text
        suffix = str(variant) if variant else ""
        if self.seed is not None:
            suffix = hashlib.sha256(self.seed.encode()).hexdigest()[:8]
        regex = compile_pattern(pattern) if pattern else None
        for text, joint in ((kebab(name) or "example", "-"), (name or "Example", "")):
            tail = joint + suffix if suffix else ""
            if high is not None and len(text) + len(tail) > high:  # cut the name, keep the tail
                text = text[: max(0, high - len(tail))].rstrip("-")
            text = (text + tail)[:high] + "x" * max(0, low - len(text + tail))
            if pattern is None or regex is None or regex.search(text):
                yield text  # the name reads best; an unreadable pattern is not enforced anywhere
                break
        if pattern is not None and regex is not None and name.endswith(("Arn", "ARN")):
            text = self.arn(name, variant)  # reads best, and meets patterns with lookarounds
            if low <= len(text) <= (high or len(text)) and regex.search(text):
                yield text
        for each in [pattern, *s.get("$patterns", [])] if pattern is not None else []:
            text = string_for_pattern(each, low, high, variant=variant, seed=self.seed)
            if text is None:
                raise SampleError(
                    where, f"no string of length {low}..{high or ''} matches pattern {each!r}"
                )
            yield text

    def arn(self, name: str, variant: int) -> str:
        """An ARN of the resource's own service for a property called `name`."""
        service, _ = _service_of(self.root)
        resource = kebab(name[:-3]) or "resource"
        suffix = f"-{variant}" if variant else ""
        return f"arn:aws:{service}:us-east-1:123456789012:{resource}/{resource}-1{suffix}"

    def numbers(self, s: dict[str, Any], variant: int, integral: bool) -> Iterator[int | float]:
        """1 where the bounds allow, else the bound nearest to it; multiples of multipleOf."""
        step = _decimal(s.get("multipleOf"))
        step = step if step is not None and step > 0 else Decimal(1)  # as `_multiple_of` reads it
        lows = [_decimal(s.get(k)) for k in ("minimum", "exclusiveMinimum")]
        highs = [_decimal(s.get(k)) for k in ("maximum", "exclusiveMaximum")]
        lows, highs = [d for d in lows if d is not None], [d for d in highs if d is not None]
        low, high = (max(lows) if lows else None), (min(highs) if highs else None)
        start = Decimal(1)
        start = max(start, low) if low is not None else start
        start = min(start, high) if high is not None else start
        if low is not None and high is not None and high >= low:  # cycle through the range
            span = int((high - low) / step) + 1
            start = low + (int((start - low) / step) + variant) % span * step
        else:
            start += variant * step
        points = [start]
        points += [low, low + step] if low is not None else []
        points += [high, high - step] if high is not None else []
        for point in [*points, Decimal(0)]:
            for rounding in (ROUND_CEILING, ROUND_FLOOR):
                try:
                    value = (point / step).to_integral_value(rounding) * step
                except InvalidOperation:
                    continue
                yield _number(value.to_integral_value(rounding) if integral else value)
        if not integral and s.get("multipleOf") is None:  # bounds of no whole number between
            if low is not None and high is not None:  # (0.25 to 0.75; above 0, below 1)
                yield _number((low + high) / 2)
            yield from (_number(point) for point in points)

    def arrays(
        self, s: dict[str, Any], where: str, name: str, variant: int, depth: int
    ) -> Iterator[list[Any]]:
        """minItems items (one at least, to show their shape), distinct if uniqueItems."""
        low, high = s.get("minItems", 0), s.get("maxItems")
        count = max(low, 1) if high is None else min(max(low, 1), high)
        if 2 * count > self.room:
            raise SampleError(where, _too_big("minItems", low))
        items, unique = s.get("items", {}), s.get("uniqueItems") is True
        values: list[Any] = []
        seen: set[str] = set()  # the values' canonical JSON, to keep them unique
        for i in range(count + 8 if unique else count):
            if len(values) == count:
                break
            schema = (
                items
                if not isinstance(items, list)
                else (items[i] if i < len(items) else s.get("additionalItems", {}))
            )
            try:
                value = self.value(schema, f"{where}/items", name, variant + i, depth + 1)
                # An item alike an earlier one: a fuller one may differ where a bare one cannot.
                if unique and canonical(value) in seen:
                    saved, self.optional = self.optional, True
                    try:
                        value = self.value(schema, f"{where}/items", name, variant + i, depth + 1)
                    finally:
                        self.optional = saved
            except SampleError:
                if len(values) >= low:
                    break
                raise
            if not unique:
                values.append(value)
            elif (key := canonical(value)) not in seen:
                values.append(value)
                seen.add(key)
        yield values
        if low == 0 and values:
            yield []

    def objects(
        self, s: dict[str, Any], where: str, variant: int, depth: int
    ) -> Iterator[dict[str, Any]]:
        """The object in the current mode, then in the other one."""
        first = self.object_of(s, where, variant, depth, self.optional)
        yield first
        # A bare object can match several oneOf branches where a fuller one matches only one.
        other = self.object_of(s, where, variant, depth, not self.optional)
        if other != first:
            yield other

    def object_of(
        self, s: dict[str, Any], where: str, variant: int, depth: int, optional: bool
    ) -> dict[str, Any]:
        """An object with the required properties, and the optional ones when `optional`."""
        properties = s.get("properties") or {}
        if 2 * s.get("minProperties", 0) > self.room:
            raise SampleError(where, _too_big("minProperties", s["minProperties"]))
        required = list(dict.fromkeys(s.get("required", [])))
        required += cfn_lint_required(s, required)
        optional = optional and self.budget > 0
        wanted = [
            k
            for k in properties
            if k in required
            or (optional and not any(ref in self.stack for ref in refs_in(properties[k])))
        ]  # no optional recursion
        wanted = cfn_lint_exclusive(s, wanted, required)
        limit = s.get("maxProperties")
        if isinstance(limit, int) and not isinstance(limit, bool) and len(wanted) > limit:
            ranked = sorted(wanted, key=lambda k: k not in required)  # required ones first
            kept = set(ranked[: max(limit, sum(k in required for k in wanted))])
            wanted = [k for k in wanted if k in kept]
        wanted += [k for k in required if k not in properties]
        wanted += [k for k in properties if k not in wanted][
            : max(0, s.get("minProperties", 0) - len(wanted))
        ]
        out: dict[str, Any] = {}
        for key in wanted:
            subschema, pointer = self.property_schema(s, key, where)
            if subschema is None:
                raise SampleError(where, f"required property {key!r} is not allowed")
            try:
                out[key] = self.value(subschema, pointer, key, variant, depth + 1)
            except SampleError:
                if key in required:
                    raise
        patterns = list((s.get("patternProperties") or {}).items())
        extra = s.get("additionalProperties", True)
        entries = max(0, s.get("minProperties", 0) - len(out))
        if not properties and not out and (patterns or isinstance(extra, dict)):
            entries = max(entries, 1)  # a map: show one entry
        pattern, subschema = patterns[0] if patterns else (None, {} if extra is True else extra)
        for i in range(entries if subschema is not False else 0):
            key = f"key-{i}" if i else "key"
            regex = compile_pattern(pattern) if pattern else None
            if regex is not None and not regex.search(key):
                key = string_for_pattern(pattern, 1, variant=variant + i) or key
            try:
                out[key] = self.value(
                    subschema,
                    f"{where}/patternProperties/{escape_token(pattern or '')}",
                    key,
                    variant + i,
                    depth + 1,
                )
            except SampleError:
                break
        return out

    def property_schema(self, s: dict[str, Any], key: str, where: str) -> tuple[Any, str]:
        """The subschema for `key` of an object and its pointer; None when the key is banned."""
        if key in (s.get("properties") or {}):
            return s["properties"][key], f"{where}/properties/{escape_token(key)}"
        for pattern, subschema in (s.get("patternProperties") or {}).items():
            regex = compile_pattern(pattern)
            if regex is not None and regex.search(key):
                return subschema, f"{where}/patternProperties/{escape_token(pattern)}"
        extra = s.get("additionalProperties", True)
        return ({} if extra is True else extra if isinstance(extra, dict) else None), where


def sample_value(
    schema: Mapping[str, Any],
    root: Mapping[str, Any],
    name: str = "",
    *,
    variant: int = 0,
    optional: bool = False,
    pointer: str | None = None,
) -> Any:
    """A value valid against `schema`, whose `$ref`s point into `root`; raises SampleError if none.

    `variant` asks for a different value of the same schema (array items, second resources);
    `optional` fills optional object properties too; `pointer` names `schema` in error messages
    (found by itself for `root["properties"][name]`).
    """
    if pointer is None:
        found = (root.get("properties") or {}).get(name) is schema
        pointer = f"/properties/{escape_token(name)}" if name and found else ""
    sampler = _Sampler(root, optional=optional)
    schema = sampler.root if schema is root else schema  # the root with its loops cut
    return sampler.value(schema, pointer, name, variant, 0)


def sample_model(
    root: Mapping[str, Any], *, optional: bool = False, variant: int = 0
) -> dict[str, Any]:
    """A DesiredState for a resource schema: its required writable properties (all, if optional),
    each one the list handler's schema allows too (a list must find the resource by them)."""
    read_only = {p.split("/")[2] for p in root.get("readOnlyProperties", []) if p.count("/") == 2}
    listed = listed_schemas(root)
    writable = dict(root)
    writable["properties"] = {
        k: {"allOf": [v, listed[k]]} if k in listed else v
        for k, v in (root.get("properties") or {}).items()
        if k not in read_only
    }
    writable["required"] = [k for k in root.get("required", []) if k not in read_only]
    try:
        model = sample_value(writable, root, variant=variant, optional=optional, pointer="")
    except SampleError as error:  # of a property the list handler's schema asks more of?
        at = (f"/properties/{escape_token(k)}" for k in listed)
        if where := next((p for p in at if f"{error.pointer}/".startswith(f"{p}/")), None):
            also = f"#/handlers/list/handlerSchema{where}"
            raise SampleError(error.pointer, f"{error.message} (with {also})") from error
        raise
    for pointer in root.get("readOnlyProperties", []):  # nested ones, inside writable objects
        remove_path(model, split_pointer(pointer)[1:])
    return model


def remove_path(node: Any, path: tuple[str, ...]) -> None:
    """Delete what a property path names from a model, in place; `*` walks every array item.

    >>> model = {"Tags": [{"Key": "a", "Id": 1}, {"Key": "b"}]}
    >>> remove_path(model, ("Tags", "*", "Id")); model
    {'Tags': [{'Key': 'a'}, {'Key': 'b'}]}
    """
    if len(path) == 1 and isinstance(node, dict):
        node.pop(path[0], None)
    elif path and path[0] == "*" and isinstance(node, list):
        for item in node:
            remove_path(item, path[1:])
    elif path and isinstance(node, dict) and path[0] in node:
        remove_path(node[path[0]], path[1:])


def _service_of(root: Mapping[str, Any]) -> tuple[str, str]:
    """The service and resource of a schema's type, as they stand in ARNs and URLs.

    >>> _service_of({"typeName": "AWS::SQS::Queue"}), _service_of({})
    (('sqs', 'queue'), ('example', 'resource'))
    """
    parts = str(root.get("typeName", "AWS::Example::Resource")).split("::")
    return (parts[1].lower(), kebab(parts[-1])) if len(parts) > 2 else ("example", "resource")


def plausible_identifier(
    schema: Mapping[str, Any],
    root: Mapping[str, Any],
    name: str,
    *,
    serial: int = 0,
    region: str = "us-east-1",
    account: str = "123456789012",
) -> Any:
    """A value the service could have generated for a read-only property; distinct per `serial`.

    An ARN for names ending in Arn, a URL for Url, an id otherwise, as long as the property's own
    schema accepts it; else a value built from that schema. Raises SampleError when none fits.
    """
    type_name = str(root.get("typeName", "AWS::Example::Resource"))
    seed = f"{type_name}|{name}|{serial}"
    sampler = _Sampler(root, seed=seed)
    pointer = f"/properties/{escape_token(name)}"
    flat, _ = sampler.resolve(schema, pointer)
    service, resource = _service_of(root)
    token = hashlib.sha256(seed.encode()).hexdigest()
    texts = [f"{resource}-{token[:8]}"]
    if name.endswith(("Arn", "ARN")):
        texts.insert(0, f"arn:aws:{service}:{region}:{account}:{resource}/{resource}-{token[:8]}")
    elif name.endswith(("Url", "URL")):
        texts.insert(
            0, f"https://{service}.{region}.amazonaws.com/{account}/{resource}-{token[:8]}"
        )
    elif name.endswith(("Id", "ID")):
        texts.insert(0, f"{resource}-{token[:17]}")
    numeric = _types(flat)[:1] in (["integer"], ["number"])
    for candidate in [serial + 1] if numeric else texts:
        if sampler.valid(candidate, schema):
            return candidate
    return sampler.value(schema, pointer, name, serial, 0)
