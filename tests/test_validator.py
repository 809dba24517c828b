"""The validator of values against a resource schema: JSON Schema's rules, CloudFormation's
keywords, loops cut."""

from __future__ import annotations

import json
from pathlib import Path

from generator.validator import cut_loops, validator_for

ROOT = Path(__file__).resolve().parent.parent


def valid(value: object, schema: dict, root: dict) -> bool:
    return validator_for(root).evolve(schema=schema).is_valid(value)


def test_unique_items_of_long_arrays_are_checked_as_json_schema_does() -> None:
    schema = {"type": "array", "uniqueItems": True}
    check = validator_for(schema)
    assert check.is_valid([{"Id": i} for i in range(50_000)])  # pairwise, this took hours
    assert not check.is_valid([{"Id": 1}, {"Id": 1.0}])  # 1.0 is 1 to JSON Schema
    assert check.is_valid([1, True, 0, False, [1], [True]])  # a boolean is no number


def test_a_ref_that_loops_back_in_place_lets_no_value_pass_there() -> None:
    # T is a string, or T: the second branch adds nothing, but following it never ends.
    root = {
        "definitions": {"T": {"oneOf": [{"type": "string"}, {"$ref": "#/definitions/T"}]}},
        "properties": {"T": {"$ref": "#/definitions/T"}},
    }
    assert valid("t", root["properties"]["T"], root)
    assert not valid(1, root["properties"]["T"], root)
    mutual = {  # a loop through two definitions and allOf
        "definitions": {
            "A": {"allOf": [{"$ref": "#/definitions/B"}]},
            "B": {"anyOf": [{"$ref": "#/definitions/A"}]},
        }
    }
    assert not valid({}, {"$ref": "#/definitions/A"}, mutual)
    queue = json.loads((ROOT / "tests" / "data" / "schemas" / "aws-sqs-queue.json").read_text())
    assert cut_loops(queue) == queue  # no loop: as it is
