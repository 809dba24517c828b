"""Placeholders: the schema each one stands for, one value per name, filling as a reader does."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import LAMBDA_SPEC

from generator.placeholders import (
    Use,
    Values,
    bind,
    fill_json,
    fill_statement,
    fill_text,
    fill_value,
    manifest_uses,
    patch_uses,
    statement_uses,
)
from generator.statement import ExampleError, parse_statement
from generator.validator import validator_for

EIC: dict[str, Any] = json.loads(LAMBDA_SPEC.read_text("utf-8"))
DESTINATION = "/definitions/{}/properties/Destination"
THINGS: dict[str, Any] = {
    "typeName": "Test::Widget::Thing",
    "definitions": {
        "A": {"type": "object", "properties": {"Mode": {"type": "string", "enum": ["on", "off"]}}},
        "B": {"type": "object", "properties": {"Mode": {"type": "string", "enum": ["x", "y"]}}},
        "C": {"type": "object", "properties": {"Mode": {"type": "string", "pattern": "^o"}}},
    },
    "properties": {
        "A": {"$ref": "#/definitions/A"},
        "B": {"$ref": "#/definitions/B"},
        "C": {"$ref": "#/definitions/C"},
        "Config": {
            "type": "object",
            "properties": {"Id": {"type": "string"}, "Name": {"type": "string"}},
            "required": ["Id", "Name"],
        },
    },
    "readOnlyProperties": ["/properties/Config/Id"],
}


def test_insert_values_stand_for_their_columns() -> None:
    statement = parse_statement(
        "INSERT INTO aws.lambda.event_invoke_configs (FunctionName, MaximumRetryAttempts, region)"
        " SELECT '{{ FunctionName }}', 'x-{{ Suffix }}', '{{ region }}'"
    )
    assert statement_uses(statement, EIC) == [
        Use("FunctionName", "/properties/FunctionName", ("FunctionName",)),
        Use("Suffix", None),  # inside other text: no schema says what goes there
        Use("region", None, ("region",)),
    ]


def test_patch_and_manifest_values_stand_for_the_schema_at_their_path() -> None:
    patch = (
        '[{"op": "add", "path": "/DestinationConfig", "value": {"OnFailure": '
        '{"Destination": "{{ Destination }}"}}},\n'
        ' {"op": "add", "path": "/MaximumRetryAttempts", '
        '"value": {{ MaximumRetryAttempts }}}]'
    )
    assert patch_uses(patch, EIC) == [
        Use(
            "Destination",
            DESTINATION.format("OnFailure"),
            ("DestinationConfig", "OnFailure", "Destination"),
        ),
        Use(
            "MaximumRetryAttempts",
            "/properties/MaximumRetryAttempts",
            ("MaximumRetryAttempts",),
            bare=True,
        ),
    ]
    manifest = {
        "resources": [
            {
                "name": "x",
                "props": [
                    {
                        "name": "DestinationConfig",
                        "value": {"OnSuccess": {"Destination": "{{ Destination }}"}},
                    },
                ],
            }
        ]
    }
    assert manifest_uses(manifest, EIC) == [
        Use(
            "Destination",
            DESTINATION.format("OnSuccess"),
            ("DestinationConfig", "OnSuccess", "Destination"),
        )
    ]


def test_one_value_per_name_valid_for_every_schema_it_stands_for() -> None:
    uses = [
        Use("Mode", "/definitions/A/properties/Mode"),
        Use("Mode", "/definitions/C/properties/Mode"),
    ]
    values = bind(uses, THINGS, "us-east-1")
    assert values.braces == {"Mode": "on"}  # "off" would fit A but not C's ^o
    conflict = bind([*uses, Use("Mode", "/definitions/B/properties/Mode")], THINGS, "us-east-1")
    assert conflict.braces == {}
    with pytest.raises(ExampleError) as error:
        conflict.lookup("Mode", False)
    assert str(error.value) == (
        "cannot fill {{ Mode }}: #/definitions/A/properties/Mode: {{ Mode }} stands for values of "
        "3 schemas (#/definitions/A/properties/Mode, #/definitions/C/properties/Mode, "
        "#/definitions/B/properties/Mode) and no value satisfies them all"
    )


def test_variants_differ_region_is_the_region_and_left_out_paths_go() -> None:
    uses = [
        Use("Mode", "/definitions/A/properties/Mode"),
        Use("region", None),
        Use("Config", "/properties/Config", ("Config",)),
    ]
    first = bind(
        uses,
        THINGS,
        "eu-west-1",
        leave_out=["/properties/Config/Id"],
        validator=validator_for(THINGS),
    )
    second = bind(uses, THINGS, "eu-west-1", variant=1)
    assert first.braces["Mode"] != second.braces["Mode"]
    assert first.braces["region"] == "eu-west-1"
    assert set(first.braces["Config"]) == {"Name"}  # a create leaves read-only members out
    assert set(second.braces["Config"]) == {"Id", "Name"}


def test_filling_text_json_and_manifests() -> None:
    values = Values({"N": 3, "S": 'say "hi"', "O": {"a": 1}}, {"Id": "x|y"})
    assert (
        fill_text("'{{ N }}' '{{ S }}' '{{ O }}' <Id>", values)
        == "'3' 'say \"hi\"' '{\"a\": 1}' x|y"
    )
    # bare: the JSON text; quoted: the text inside the string
    assert (
        fill_json('{"n": {{ N }}, "s": "{{ S }}", "o": {{ O }}, "t": "n={{ N }}"}', values)
        == '{"n": 3, "s": "say \\"hi\\"", "o": {"a": 1}, "t": "n=3"}'
    )
    # An object's quoted: the JSON a reader pastes between the quotes would be a string.
    with pytest.raises(ExampleError) as error:
        fill_json('{"o": "{{ O }}"}', values)
    assert str(error.value) == (
        '"{{ O }}" quotes an object: the JSON a reader gives there is a string; it stands bare, '
        "{{ O }}"
    )
    assert fill_json('{"n": "{{ N }}", "s": {{ S }}}', values) == '{"n": "3", "s": say "hi"}'
    assert fill_value({"a": "{{ N }}", "b": ["x-{{ N }}"], "c": "{{ O }}"}, values) == {
        "a": 3,
        "b": ["x-3"],
        "c": {"a": 1},
    }


def test_filling_a_statement_and_what_has_no_value() -> None:
    statement = parse_statement(
        "SELECT region FROM a.b.c WHERE region = 'us-east-1' AND "
        'data__ResourceModel = \'{"FunctionName": "<FunctionName>"}\''
    )
    filled = fill_statement(statement, Values({}, {"FunctionName": 'f"1'}))
    assert filled.condition("data__ResourceModel") == '{"FunctionName": "f\\"1"}'
    with pytest.raises(ExampleError) as error:
        fill_statement(statement, Values({}, {}, {"<FunctionName>": "the resource has none"}))
    assert str(error.value) == "cannot fill <FunctionName>: the resource has none"
    # A member that is no string stands bare, and takes the value's JSON (Glue SchemaVersion's
    # list filter, the object `Schema`).
    statement = parse_statement(
        "SELECT region FROM a.b.c WHERE region = 'us-east-1' AND "
        'data__ResourceModel = \'{"Schema": <Schema>, "Name": "<Name>"}\''
    )
    filled = fill_statement(statement, Values({}, {"Schema": {"SchemaArn": "a"}, "Name": "n"}))
    assert filled.condition("data__ResourceModel") == '{"Schema": {"SchemaArn": "a"}, "Name": "n"}'


SUBSCRIBER: dict[str, Any] = {  # the shape of AWS::EventsV2::Subscriber's InvokeConfiguration
    "typeName": "Test::Widget::Subscriber",
    "properties": {
        "Invoke": {
            "type": "object",
            "properties": {
                "TargetArn": {"type": "string", "pattern": "^arn:"},
                "QueueParameters": {"type": "object"},
            },
            "dependencies": {
                "QueueParameters": {"properties": {"TargetArn": {"pattern": "^arn:[^:]*:sqs:"}}}
            },
        },
        "Keys": {"type": "array", "items": {"type": "string"}},
        "Indexes": {"type": "array", "items": {"type": "string"}},
    },
    "allOf": [
        {
            "if": {"required": ["Indexes"]},
            "then": {"properties": {"Keys": {"minItems": 2}}},
        }
    ],
}


def test_conditions_met_where_members_stand_together() -> None:
    # A dependency asks more of a sibling's value when its owner is there.
    manifest = {
        "resources": [
            {
                "props": [
                    {
                        "name": "Invoke",
                        "value": {"QueueParameters": {}, "TargetArn": "{{ TargetArn }}"},
                    }
                ]
            }
        ]
    }
    uses = manifest_uses(manifest, SUBSCRIBER)
    values = bind(uses, SUBSCRIBER, "us-east-1")
    assert values.braces["TargetArn"] == "arn::sqs:"  # the pattern's and the dependency's
    # The then of an if whose required members are among the columns.
    statement = parse_statement(
        "INSERT INTO aws.widget.subscribers (Keys, Indexes, region) "
        "SELECT '{{ Keys }}', '{{ Indexes }}', 'us-east-1';"
    )
    values = bind(statement_uses(statement, SUBSCRIBER), SUBSCRIBER, "us-east-1")
    assert len(values.braces["Keys"]) == 2
    statement = parse_statement(
        "INSERT INTO aws.widget.subscribers (Keys, region) SELECT '{{ Keys }}', 'us-east-1';"
    )
    values = bind(statement_uses(statement, SUBSCRIBER), SUBSCRIBER, "us-east-1")
    assert len(values.braces["Keys"]) == 1
