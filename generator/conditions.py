"""Conditions of an object schema: what it asks more of its members when some stand together.

The `then` of an `if` whose required members are there (the object's own, or in `allOf`), and
the schema `dependencies` of members that are there. normalize reads them to build a page's
values, placeholders to fill them in: one reading, so that the two agree on when one holds.
And the keywords cfn-lint adds to its copies of AWS's schemas (`requiredXor`, `requiredOr`,
`dependentRequired`, `dependentExcluded`), read alike by normalize and by the mock's samples.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from generator.jsonpointer import escape_token
from generator.jsontext import is_names


def held(schema: Mapping[str, Any], keys: frozenset[str]) -> Iterator[tuple[str, str, Any]]:
    """(member, pointer below `schema`, constraint) of each `then` whose `if` holds for `keys`.

    >>> s = {"allOf": [{"if": {"required": ["A"]}, "then": {"properties": {"B": {"minItems": 2}}}}]}
    >>> list(held(s, frozenset({"A"}))), list(held(s, frozenset()))
    ([('B', '/allOf/0/then/properties/B', {'minItems': 2})], [])
    """
    for where, part in _parts(schema):
        condition, then = part.get("if"), part.get("then")
        if not (isinstance(condition, dict) and isinstance(then, dict)):
            continue
        asked = condition.get("required")
        if isinstance(asked, list) and asked and set(asked) <= keys:
            for member, constraint in (then.get("properties") or {}).items():
                yield member, f"{where}/then/properties/{escape_token(member)}", constraint


def dependent(schema: Mapping[str, Any], keys: frozenset[str]) -> Iterator[tuple[str, str, Any]]:
    """(member, pointer below `schema`, constraint) of what the dependencies of `keys` ask.

    >>> s = {"dependencies": {"A": {"properties": {"B": {"pattern": "^x"}}}}}
    >>> list(dependent(s, frozenset({"A"})))
    [('B', '/dependencies/A/properties/B', {'pattern': '^x'})]
    """
    for where, part in _parts(schema):
        dependencies = part.get("dependencies")
        for trigger, asked in dependencies.items() if isinstance(dependencies, dict) else ():
            if trigger in keys and isinstance(asked, dict):
                for member, constraint in (asked.get("properties") or {}).items():
                    pointer = f"{where}/dependencies/{escape_token(trigger)}/properties"
                    yield member, f"{pointer}/{escape_token(member)}", constraint


def cfn_lint_required(
    schema: Mapping[str, Any], names: Collection[str], unsettable: Collection[str] = ()
) -> list[str]:
    """What cfn-lint's keywords require beyond `names`, in a stable order: what
    `dependentRequired` asks of them; of each `requiredXor` (exactly one) or `requiredOr` (at
    least one) group none of which is among those, the first member that can be set (one of
    the schema's properties, not `unsettable`: read-only); then what `dependentRequired` asks
    of the members added.

    >>> s = {"requiredXor": ["A", "B"], "dependentRequired": {"A": ["C"], "D": ["B"]}}
    >>> cfn_lint_required(s, ["X"]), cfn_lint_required(s, ["B"]), cfn_lint_required(s, [], "A")
    (['A', 'C'], [], ['B'])
    >>> cfn_lint_required(s, ["D"])  # D asks for B, which makes the group's choice
    ['B']
    """
    members = schema.get("properties")
    added = _dependent_required(schema.get("dependentRequired"), names, [])
    for keyword in ("requiredXor", "requiredOr"):
        group = schema.get(keyword)
        if not (is_names(group) and group) or set(group) & {*names, *added}:
            continue
        settable = [
            n
            for n in group
            if n not in unsettable and (not isinstance(members, Mapping) or n in members)
        ]
        added += settable[:1]
    return _dependent_required(schema.get("dependentRequired"), names, added)


def _dependent_required(wants: Any, names: Collection[str], added: list[str]) -> list[str]:
    """`added`, and what `dependentRequired` (`wants`) asks of `names` and `added`, and of
    what it asks, in a stable order."""
    added = list(added)
    while isinstance(wants, dict):
        have = {*names, *added}
        more = [n for t in have if is_names(wants.get(t)) for n in wants[t] if n not in have]
        if not more:
            break
        added += sorted(set(more))
    return added


def cfn_lint_exclusive(
    schema: Mapping[str, Any], keys: Sequence[str], required: Collection[str]
) -> list[str]:
    """The keys without those cfn-lint's keywords rule out beside the others: the rest of a
    `requiredXor` group, what `dependentExcluded` excludes beside a present member (required
    ones first, then in key order; a member that would exclude a required one, or more than
    one other, goes instead: RDS's SourceDBInstanceIdentifier, not the four it excludes), and a
    member whose `dependentRequired` names one left out.

    >>> s = {"dependentExcluded": {"Interfaces": ["SubnetId"], "SubnetId": ["Interfaces"]}}
    >>> keys = ["Interfaces", "SubnetId"]
    >>> cfn_lint_exclusive(s, keys, []), cfn_lint_exclusive(s, keys, ["SubnetId"])
    (['Interfaces'], ['SubnetId'])
    """
    kept = list(keys)
    group = schema.get("requiredXor")
    if is_names(group):
        chosen = next((k for k in group if k in required), None)
        kept = [k for k in kept if k not in group or k == chosen]
    excluded = schema.get("dependentExcluded")
    if isinstance(excluded, dict):
        for trigger in sorted(kept, key=lambda k: k not in required):
            names = excluded.get(trigger)
            if trigger not in kept or not is_names(names):
                continue
            clash = [k for k in kept if k in names]
            if any(k in required for k in clash) or (len(clash) > 1 and trigger not in required):
                if trigger not in required:
                    kept = [k for k in kept if k != trigger]
                continue
            kept = [k for k in kept if k not in clash]
    wants = schema.get("dependentRequired")
    while isinstance(wants, dict):  # until no member left needs one that went
        left = [
            k
            for k in kept
            if k in required or not is_names(wants.get(k)) or set(wants[k]) <= set(kept)
        ]
        if len(left) == len(kept):
            break
        kept = left
    return kept


def _parts(schema: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The schema and its `allOf` branches, each with its pointer below the schema."""
    branches = schema.get("allOf")
    return [("", schema)] + [
        (f"/allOf/{i}", part)
        for i, part in enumerate(branches if isinstance(branches, list) else ())
        if isinstance(part, dict)
    ]
