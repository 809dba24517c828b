"""Sample values: valid against their schema, deterministic, and a SampleError when impossible."""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

import pytest

from generator.errors import DocgenError
from generator.patterns import compile_pattern, string_for_pattern
from generator.samples import (
    SampleError,
    plausible_identifier,
    sample_model,
    sample_value,
)
from generator.validator import validator_for

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILES = sorted((ROOT / "tests" / "data" / "schemas").glob("*.json")) + [
    ROOT / "specs" / "aws-lambda-eventinvokeconfig.json"
]
EMPTY: dict = {}


def load(name: str) -> dict:
    return json.loads(next(p for p in SCHEMA_FILES if p.name == name).read_text())


def valid(value: object, schema: dict, root: dict = EMPTY) -> bool:
    return validator_for(root or schema).evolve(schema=schema).is_valid(value)


def test_unreadable_patterns_are_not_enforced() -> None:
    schema = {"type": "string", "pattern": r"\p{InGreek}+"}
    assert compile_pattern(schema["pattern"]) is None
    assert sample_value(schema, schema, "Name") == "name"
    assert valid("anything", schema)


# --- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "integer", "minimum": 0, "maximum": 2}, 1),
        ({"type": "integer", "minimum": 60, "maximum": 21600}, 60),
        ({"type": "integer", "maximum": -5}, -5),
        ({"type": "integer", "exclusiveMinimum": 1}, 2),
        ({"type": "number", "minimum": 0.25, "maximum": 0.75, "multipleOf": 0.25}, 0.75),
        ({"type": "integer", "minimum": 7, "multipleOf": 5}, 10),
        # bounds of no whole number between them: their midpoint
        ({"type": "number", "minimum": 0.25, "maximum": 0.75}, 0.5),
        ({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1}, 0.5),
        ({"type": "boolean"}, True),
        ({"type": "null"}, None),
        ({"enum": ["A", "B"]}, "A"),
        ({"const": 3}, 3),
        ({"type": "string", "default": "STANDARD", "enum": ["STANDARD", "INFREQUENT"]}, "STANDARD"),
        ({"type": "string", "minLength": 30}, "maximum-retry-attemptsxxxxxxxx"),
        ({"type": "string", "maxLength": 7}, "maximum"),
        ({"type": "string", "format": "date-time"}, "2024-01-01T00:00:00Z"),
        ({"type": "string", "format": "AWS::EC2::VPC.Id"}, "vpc-0123456789abcdef0"),
        (
            {"type": "string", "format": "AWS::Lambda::Function.Arn"},
            "arn:aws:lambda:us-east-1:123456789012:function/example",
        ),
        ({"type": ["string", "object"]}, "maximum-retry-attempts"),
        ({"type": ["object", "string"]}, {}),
        ({"type": "array", "items": {"type": "integer", "minimum": 5}}, [5]),
        ({"type": "array", "maxItems": 0}, []),
    ],
)
def test_sample_value(schema: dict, expected: object) -> None:
    value = sample_value(schema, schema, "MaximumRetryAttempts")
    assert value == expected
    assert valid(value, schema)


def test_variants_differ_and_stay_valid() -> None:
    schema = {"type": "integer", "minimum": 0, "maximum": 2}
    assert [sample_value(schema, schema, variant=v) for v in range(4)] == [1, 2, 0, 1]
    text = {"type": "string", "pattern": "^[a-z]{3}$"}
    assert len({sample_value(text, text, variant=v) for v in range(5)}) == 5


def test_unique_items_are_distinct() -> None:
    schema = {
        "type": "array",
        "minItems": 3,
        "uniqueItems": True,
        "items": {"type": "string", "enum": ["a", "b", "c"]},
    }
    assert sample_value(schema, schema) == ["a", "b", "c"]
    objects = {
        "type": "array",
        "minItems": 2,
        "maxItems": 2,
        "uniqueItems": True,
        "items": {"type": "object", "properties": {"Name": {"type": "string"}}},
    }
    value = sample_value(objects, objects)
    assert len(value) == 2 and valid(value, objects)


def test_objects_hold_required_properties_and_maps_one_entry() -> None:
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["B", "A"],
        "properties": {"A": {"type": "string"}, "B": {"type": "integer"}, "C": {"type": "string"}},
    }
    assert sample_value(schema, schema) == {"A": "a", "B": 1}
    assert sample_value(schema, schema, optional=True) == {"A": "a", "B": 1, "C": "c"}
    tags = {
        "type": "object",
        "additionalProperties": False,
        "patternProperties": {r"^[\p{L}_.:/=+\-@]{1,128}$": {"type": "string"}},
    }
    assert sample_value(tags, tags) == {"key": "key"}
    policy = {"type": "object", "minProperties": 1}
    assert valid(sample_value(policy, policy), policy)


def test_objects_hold_max_properties_and_excluded_members_of_all_of() -> None:
    # As the mock writes data/exclusive.yaml's groups into a schema: in an allOf.
    variant = {
        "type": "object",
        "properties": {"A": {"type": "string"}, "B": {"type": "string"}, "C": {"type": "string"}},
        "allOf": [{"maxProperties": 1}],
    }
    assert sample_value(variant, variant, optional=True) == {"A": "a"}
    retention = {
        "type": "object",
        "properties": {"Days": {"type": "integer"}, "Years": {"type": "integer"}},
        "dependentExcluded": {"Mode": ["Nothing"]},
        "allOf": [{"dependentExcluded": {"Days": ["Years"], "Years": ["Days"]}}],
    }
    assert sample_value(retention, retention, optional=True) == {"Days": 1}


def test_branches_that_validate_are_chosen() -> None:
    one_of = {
        "type": "object",
        "oneOf": [
            {"additionalProperties": False, "properties": {"Count": {"type": "object"}}},
            {"additionalProperties": False, "properties": {"Block": {"type": "object"}}},
        ],
    }
    assert sample_value(one_of, one_of) == {"Count": {}}  # {} alone would match both branches
    any_of = {
        "type": "string",
        "pattern": "^arn:",
        "anyOf": [{"pattern": "^arn:[a-z]+:web/"}, {"pattern": "^arn:[a-z]+:fn:"}],
    }
    assert re.match(r"^arn:[a-z]+:web/", sample_value(any_of, any_of))
    all_of = {"allOf": [{"type": "integer", "minimum": 10}, {"maximum": 12, "multipleOf": 3}]}
    assert sample_value(all_of, all_of) == 12


def test_refs_resolve_in_the_root_including_resource_schema_json() -> None:
    root = load("aws-lambda-eventinvokeconfig.json")
    handler = root["handlers"]["list"]["handlerSchema"]
    assert sample_value(handler, root) == {"FunctionName": "function-name"}
    config = sample_value(root["properties"]["DestinationConfig"], root, optional=True)
    assert set(config) == {"OnFailure", "OnSuccess"}
    assert config["OnFailure"]["Destination"].startswith("arn:aws:")


def test_recursion_is_cut() -> None:
    root = {
        "definitions": {
            "Node": {
                "type": "object",
                "required": ["Child"],
                "properties": {"Child": {"$ref": "#/definitions/Node"}},
            }
        },
        "properties": {"Tree": {"$ref": "#/definitions/Node"}},
    }
    with pytest.raises(SampleError, match="nested deeper"):
        sample_value(root["properties"]["Tree"], root, "Tree")
    optional = {
        "definitions": {
            "Node": {
                "type": "object",
                "properties": {"Name": {"type": "string"}, "Child": {"$ref": "#/definitions/Node"}},
            }
        }
    }
    tree = sample_value({"$ref": "#/definitions/Node"}, optional, "Tree", optional=True)
    assert tree == {"Name": "name"}  # an optional property does not recurse


def test_a_chain_of_refs_is_followed_as_far_as_generate_follows_it() -> None:
    from generator.definitions import MAX_REF_HOPS

    def chain(hops: int) -> dict:
        links = {f"D{i}": {"$ref": f"#/definitions/D{i + 1}"} for i in range(hops)}
        return {"definitions": {**links, f"D{hops}": {"type": "string"}}}

    # Found by fuzzing: 40 hops made a page whose every example failed validate.
    assert sample_value({"$ref": "#/definitions/D0"}, chain(MAX_REF_HOPS - 1), "P") == "p"
    with pytest.raises(SampleError, match=f"chained more than {MAX_REF_HOPS} times"):
        sample_value({"$ref": "#/definitions/D0"}, chain(MAX_REF_HOPS), "P")


@pytest.mark.parametrize("step", [0, 0.0, -2])
def test_a_multiple_of_no_number_above_zero_is_not_enforced(step: float) -> None:
    schema = {"type": "integer", "minimum": 3, "multipleOf": step}
    assert sample_value(schema, schema) == 3
    assert valid(7, schema) and not valid(2, schema)  # the minimum holds still


def test_boolean_schemas_allow_anything_or_nothing() -> None:
    root = {"definitions": {"Any": True, "None": False}}
    # any JSON value: an object, as the pages show a schema of no keyword
    assert sample_value({"$ref": "#/definitions/Any"}, root, "Name") == {}
    assert sample_value({"type": "array", "items": True}, root, "Name") == [{}]
    assert sample_value({"allOf": [True, {"type": "integer"}]}, root) == 1
    with pytest.raises(SampleError) as caught:
        sample_value({"$ref": "#/definitions/None"}, root, "Name")
    assert str(caught.value) == "#/definitions/None: the schema allows no value (false)"


def test_refs_that_loop_back_in_place_are_cut() -> None:
    # T is a string, or T: the second branch adds nothing, but following it never ends.
    root = {
        "definitions": {"T": {"oneOf": [{"type": "string"}, {"$ref": "#/definitions/T"}]}},
        "properties": {"T": {"$ref": "#/definitions/T"}},
    }
    assert sample_value(root["properties"]["T"], root, "T") == "t"
    # A loop through two definitions and allOf: no value can be built, and the error says why.
    mutual = {
        "definitions": {
            "A": {"allOf": [{"$ref": "#/definitions/B"}]},
            "B": {"anyOf": [{"$ref": "#/definitions/A"}]},
        }
    }
    with pytest.raises(SampleError) as caught:
        sample_value({"$ref": "#/definitions/A"}, mutual)
    assert (
        str(caught.value) == "#/definitions/A/allOf/0: $ref '#/definitions/B' loops back to itself"
    )
    itself = {"type": "object", "oneOf": [{"$ref": "#"}]}
    with pytest.raises(SampleError, match=re.escape("#/oneOf/0: $ref '#' loops back to itself")):
        sample_value(itself, itself)


@pytest.mark.parametrize(
    ("schema", "pointer", "message"),
    [
        ({"type": "string", "minLength": 5, "maxLength": 2}, "", "no value satisfies"),
        ({"type": "string", "pattern": "^a$", "minLength": 3}, "", "matches pattern '^a$'"),
        ({"enum": []}, "", "enum is empty"),
        (
            {"type": "object", "required": ["X"], "additionalProperties": False},
            "",
            "required property 'X' is not allowed",
        ),
        ({"$ref": "#/definitions/Missing"}, "", "names nothing"),
        ({"$ref": "other.json#/definitions/X"}, "", "cannot follow"),
    ],
)
def test_impossible_schemas_raise_sample_error(schema: dict, pointer: str, message: str) -> None:
    with pytest.raises(SampleError, match=re.escape(message)) as caught:
        sample_value(schema, schema)
    assert isinstance(caught.value, DocgenError)
    assert caught.value.pointer == pointer


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ({"type": "string", "minLength": 10**30}, "minLength 1000000000000000000000000000000"),
        ({"type": "array", "items": {"type": "string"}, "minItems": 10**12}, "minItems 10000000"),
        ({"type": "object", "minProperties": 10**9}, "minProperties 1000000000"),
    ],
)
def test_counts_past_what_cloud_control_carries_fail_at_once(schema: dict, message: str) -> None:
    with pytest.raises(SampleError) as caught:
        sample_value(schema, schema, "Name")
    assert str(caught.value).startswith(f"#: {message}")
    assert str(caught.value).endswith(
        "is past what an example can hold (Cloud Control carries 262144 characters at most)"
    )


def test_a_value_that_outgrows_what_cloud_control_carries_fails() -> None:
    # Each count fits, their product does not: the sampler stops when it has built too much.
    rows = {"type": "array", "minItems": 10**5, "items": {"type": "integer"}}
    table = {"type": "array", "minItems": 10**5, "items": rows}
    with pytest.raises(SampleError, match="what an example can hold"):
        sample_value(table, table, "Name")
    assert len(sample_value(rows, rows, "Name")) == 10**5  # it fits on its own


def test_sample_error_names_the_subschema() -> None:
    root = {
        "properties": {"Target": {"$ref": "#/definitions/T"}},
        "definitions": {
            "T": {
                "type": "object",
                "required": ["Id"],
                "properties": {"Id": {"type": "string", "pattern": "^x$", "minLength": 2}},
            }
        },
    }
    with pytest.raises(SampleError) as caught:
        sample_value(root["properties"]["Target"], root, "Target")
    assert caught.value.pointer == "/definitions/T/properties/Id"
    assert str(caught.value).startswith("#/definitions/T/properties/Id: no string of length 2..")


def test_same_input_same_output() -> None:
    root = load("aws-sqs-queue.json")
    first = sample_model(root, optional=True)
    again = sample_model(copy.deepcopy(root), optional=True)
    assert json.dumps(first) == json.dumps(again)


def test_arn_properties_meet_patterns_of_lookarounds() -> None:
    # FSx::Volume's OriginSnapshot.SnapshotARN: lookaheads the pattern writer cannot meet.
    snapshot = {
        "maxLength": 512,
        "minLength": 8,
        "pattern": r"^arn:(?=[^:]+:fsx:[^:]+:\d{12}:)((|(?=[a-z0-9-.]{1,63})(?!\d{1,3}"
        r"(\.\d{1,3}){3})(?![^:]*-{2})(?![^:]*-\.)(?![^:]*\.-)[a-z0-9].*(?<!-)):){4}"
        r"(?!/).{0,1024}$",
        "type": "string",
    }
    assert string_for_pattern(snapshot["pattern"], 8, 512) is None
    root = {"typeName": "AWS::FSx::Volume", "properties": {"SnapshotARN": snapshot}}
    value = sample_value(snapshot, root, "SnapshotARN")
    assert value == "arn:aws:fsx:us-east-1:123456789012:snapshot/snapshot-1"
    assert sample_value(snapshot, root, "SnapshotARN", variant=2).endswith("snapshot-1-2")


# --- identifiers --------------------------------------------------------------------------------


def test_plausible_identifiers_look_generated_and_validate() -> None:
    queue = load("aws-sqs-queue.json")
    url = plausible_identifier(queue["properties"]["QueueUrl"], queue, "QueueUrl", serial=1)
    assert url == "https://sqs.us-east-1.amazonaws.com/123456789012/queue-2aa8bee0"
    arn = plausible_identifier(queue["properties"]["Arn"], queue, "Arn", region="eu-west-1")
    assert arn.startswith("arn:aws:sqs:eu-west-1:123456789012:queue/queue-")
    environment = load("aws-deadline-queueenvironment.json")
    ids = {
        plausible_identifier(
            environment["properties"]["QueueEnvironmentId"],
            environment,
            "QueueEnvironmentId",
            serial=n,
        )
        for n in range(20)
    }
    assert len(ids) == 20
    assert all(re.fullmatch(r"queueenv-[0-9a-f]{32}", i) for i in ids)
    number = {"type": "integer", "minimum": 1}
    assert plausible_identifier(number, {"properties": {"Id": number}}, "Id", serial=4) == 5


# --- real schemas -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_property_of_the_test_schemas_gets_a_valid_value(path: Path) -> None:
    root = json.loads(path.read_text())
    validator = validator_for(root)
    read_only = {p.split("/")[2] for p in root.get("readOnlyProperties", [])}
    for name, schema in root["properties"].items():
        for optional in (False, True):
            value = sample_value(schema, root, name, optional=optional)
            assert validator.evolve(schema=schema).is_valid(value), (name, value)
        if name in read_only:
            value = plausible_identifier(schema, root, name)
            assert validator.evolve(schema=schema).is_valid(value), (name, value)
    for optional in (False, True):
        model = sample_model(root, optional=optional)
        assert not read_only & set(model)
        writable = {**root, "required": [r for r in root.get("required", []) if r not in read_only]}
        assert validator.evolve(schema=writable).is_valid(model), model


def test_the_event_invoke_config_model() -> None:
    root = load("aws-lambda-eventinvokeconfig.json")
    assert sample_model(root) == {"FunctionName": "function-name", "Qualifier": "qualifier"}
    full = sample_model(root, optional=True)
    assert full["MaximumRetryAttempts"] == 1
    assert full["MaximumEventAgeInSeconds"] == 60


def test_samples_of_many_schemas_on_many_threads_at_once():
    # The mock samples on its request threads: the cache of prepared schemas (a schema with
    # its loops cut, and its validator) is shared, and drops its oldest past 16 schemas.
    from concurrent.futures import ThreadPoolExecutor

    roots = [{"properties": {f"P{i}": {"type": "string", "minLength": 1}}} for i in range(64)]

    def sample(n: int) -> str:
        root = roots[n % len(roots)]
        return sample_value(root["properties"][f"P{n % len(roots)}"], root, f"P{n}")

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns often: a race shows, if there is one
    try:
        with ThreadPoolExecutor(8) as pool:
            values = list(pool.map(sample, range(2000)))
    finally:
        sys.setswitchinterval(interval)
    assert all(isinstance(v, str) and v for v in values)
