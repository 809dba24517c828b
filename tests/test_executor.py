"""The executor against the real mock Cloud Control API, over HTTP on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import LAMBDA_SPEC, SPECS

import generator.executor
from generator.backend import CloudControlBackend
from generator.build import build
from generator.executor import CloudControlClient, EndpointError, Executor, coerce
from generator.mockserver import MockServer, load_schemas
from generator.statement import ExampleError, parse_statement

RID = "aws.lambda.event_invoke_configs"
CREATE = (
    f"INSERT INTO {RID} (FunctionName, Qualifier, MaximumRetryAttempts, DestinationConfig, "
    "region) SELECT 'fn', '$LATEST', '1', "
    '\'{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}}\', '
    "'us-east-1'"
)
GET = (
    f"SELECT region, function_name, maximum_retry_attempts, destination_config FROM {RID} "
    "WHERE region = 'us-east-1' AND data__Identifier = 'fn|$LATEST'"
)
LIST = (
    f"SELECT function_name, qualifier FROM {RID} WHERE region = 'us-east-1' "
    'AND data__ResourceModel = string(\'{"FunctionName": "fn"}\')'
)
# The list of a type whose list handler requires a model, as the pages write it.
LIST_ANY = (
    "SELECT region, Identifier, JSON_EXTRACT(Properties, '$.Qualifier') AS qualifier, "
    "JSON_EXTRACT(Properties, '$.DestinationConfig.OnFailure') AS on_failure "
    "FROM aws.cloud_control.resources WHERE region = 'us-east-1' "
    "AND data__TypeName = 'AWS::Lambda::EventInvokeConfig' "
    'AND data__ResourceModel = string(\'{"FunctionName": "fn"}\')'
)


@pytest.fixture
def executor() -> Iterator[Executor]:
    """An executor on the resources of the committed specs, talking to a fresh mock."""
    resources = {r.resource_id: r for r in build(SPECS).resources}
    with MockServer(CloudControlBackend(load_schemas(SPECS))) as url:
        client = CloudControlClient(url)
        yield Executor(client, resources)
        client.close()


def run(executor: Executor, sql: str) -> generator.executor.Result:
    return executor.run(parse_statement(sql))


def refusal(executor: Executor, sql: str) -> str:
    with pytest.raises(ExampleError) as error:
        run(executor, sql)
    return str(error.value)


def test_insert_select_update_delete_as_stackql_runs_them(executor: Executor) -> None:
    created = run(executor, CREATE)
    assert (created.operation, created.region, created.identifiers) == (
        "CreateResource",
        "us-east-1",
        ("fn|$LATEST",),
    )
    assert created.models[0]["MaximumRetryAttempts"] == 1  # '1' read as the integer it is

    got = run(executor, GET)
    assert got.rows == (
        {
            "region": "us-east-1",
            "function_name": "fn",
            "maximum_retry_attempts": 1,
            "destination_config": {
                "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}
            },
        },
    )
    aliased = run(executor, GET.replace("SELECT region,", "SELECT region AS r, qualifier AS q,"))
    assert aliased.rows[0]["r"] == "us-east-1" and aliased.rows[0]["q"] == "$LATEST"
    assert refusal(executor, GET.replace("SELECT region,", "SELECT Qualifier AS q,")) == (
        f"Qualifier is not a field of {RID}"  # the alias names a column the resource has not
    )
    # StackQL's view of the resource passes no ResourceModel: Cloud Control's list takes it
    assert refusal(executor, LIST) == (
        f"{RID} lists through a view that passes no data__ResourceModel: list through "
        "aws.cloud_control.resources, with data__TypeName"
    )
    listed = run(executor, LIST_ANY)  # Cloud Control's list, its rows as the list answers
    assert (listed.operation, listed.identifiers) == ("ListResources", ("fn|$LATEST",))
    assert listed.rows == (
        {
            "region": "us-east-1",
            "Identifier": "fn|$LATEST",
            "qualifier": "$LATEST",
            # SQLite's json_extract gives an object as JSON text, as StackQL shows it
            "on_failure": '{"Destination":"arn:aws:sqs:us-east-1:123456789012:q"}',
        },
    )
    # StackQL sends a plain literal holding JSON as that JSON, which Cloud Control refuses
    with pytest.raises(ExampleError) as unread:
        run(executor, LIST_ANY.replace("string(", "").replace("}')", "}'"))
    assert unread.value.code == "SerializationException"

    patch = '[{"op": "replace", "path": "/MaximumRetryAttempts", "value": 2}]'
    updated = run(
        executor,
        f"UPDATE {RID} SET data__PatchDocument = string('{patch}') "
        "WHERE data__Identifier = 'fn|$LATEST' AND region = 'us-east-1'",
    )
    assert updated.models[0]["MaximumRetryAttempts"] == 2
    assert (
        run(
            executor,
            f"SELECT * FROM {RID} WHERE data__Identifier = 'fn|$LATEST' AND region = 'us-east-1'",
        ).rows[0]["maximum_retry_attempts"]
        == 2
    )

    deleted = run(
        executor,
        f"DELETE FROM {RID} WHERE data__Identifier = 'fn|$LATEST' AND region = 'us-east-1'",
    )
    assert deleted.operation == "DeleteResource"
    with pytest.raises(ExampleError) as gone:
        run(executor, GET)
    assert gone.value.code == "ResourceNotFoundException"


def test_the_seed_list_example_fails_with_cloud_controls_answer(executor: Executor) -> None:
    assert refusal(executor, f"SELECT region FROM {RID} WHERE region = 'us-east-1';") == (
        "InvalidRequestException: Missing or invalid ResourceModel property in "
        "AWS::Lambda::EventInvokeConfig list handler request input.Required property: "
        "(#: required key [FunctionName] not found) (list_resources requires "
        "data__ResourceModel, missing from the WHERE clause)"
    )


def test_columns_must_be_fields_and_properties(executor: Executor) -> None:
    assert refusal(executor, GET.replace("function_name", "no_such_field")) == (
        f"no_such_field is not a field of {RID}"
    )
    assert refusal(executor, CREATE.replace("MaximumRetryAttempts", "Retries")) == (
        f"Retries is not a property of {RID}"
    )
    assert refusal(executor, GET.replace("region = 'us-east-1' AND", "color = 'red' AND")) == (
        f"WHERE names color: neither a parameter of get_resource nor a field of {RID}"
    )
    assert refusal(executor, GET.replace("aws.lambda", "aws.nope")) == (
        "no resource aws.nope.event_invoke_configs"
    )


def test_required_parameters_missing(executor: Executor) -> None:
    without_qualifier = f"INSERT INTO {RID} (FunctionName, region) SELECT 'fn', 'us-east-1'"
    assert refusal(executor, without_qualifier) == (
        "ValidationException: Model validation failed (#: required key [Qualifier] not found) "
        "(create_resource requires Qualifier, missing from the column list)"
    )
    assert refusal(executor, f"DELETE FROM {RID} WHERE region = 'us-east-1'") == (
        "ValidationException: 1 validation error detected: Value null at 'identifier' failed to "
        "satisfy constraint: Member must not be null (delete_resource requires "
        "data__Identifier, missing from the WHERE clause)"
    )
    assert refusal(executor, GET.replace("region = 'us-east-1' AND ", "")) == (
        "get_resource requires region, missing from the statement"
    )
    assert refusal(
        executor,
        f"UPDATE {RID} SET MaximumRetryAttempts = 2 "
        "WHERE data__Identifier = 'x' AND region = 'us-east-1'",
    ) == (
        "UPDATE sets MaximumRetryAttempts: update_resource takes the changes as one "
        "data__PatchDocument"
    )


def test_a_value_of_the_wrong_type_reaches_cloud_control_as_text(executor: Executor) -> None:
    assert refusal(executor, CREATE.replace("'1'", "'one'")) == (
        "ValidationException: Model validation failed (#/MaximumRetryAttempts: expected type: "
        "Integer, found: String)"
    )


def test_no_method_without_its_handler(tmp_path: Path) -> None:
    schema = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    del schema["handlers"]["update"]
    (tmp_path / LAMBDA_SPEC.name).write_text(json.dumps(schema))
    resources = {r.resource_id: r for r in build(tmp_path).resources}
    with MockServer(CloudControlBackend(load_schemas(tmp_path))) as url:
        executor = Executor(CloudControlClient(url), resources)
        assert refusal(
            executor,
            f"UPDATE {RID} SET data__PatchDocument = '[]' WHERE "
            "data__Identifier = 'x' AND region = 'us-east-1'",
        ) == (f"{RID} has no update_resource method for UPDATE (the type has no update handler)")


def test_a_list_of_the_resource_and_a_field_that_filters_it(tmp_path: Path) -> None:
    schema = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    del schema["handlers"]["list"]["handlerSchema"]  # a list that needs no model
    (tmp_path / LAMBDA_SPEC.name).write_text(json.dumps(schema))
    resources = {r.resource_id: r for r in build(tmp_path).resources}
    with MockServer(CloudControlBackend(load_schemas(tmp_path))) as url:
        executor = Executor(CloudControlClient(url), resources)
        run(executor, CREATE)
        listed = run(
            executor,
            f"SELECT function_name, qualifier, JSON_EXTRACT(destination_config, "
            f"'$.OnFailure.Destination') AS dest FROM {RID} WHERE region = 'us-east-1'",
        )
        assert (listed.operation, listed.identifiers) == ("ListResources", ("fn|$LATEST",))
        assert listed.rows == (
            {
                "function_name": "fn",
                "qualifier": "$LATEST",
                "dest": "arn:aws:sqs:us-east-1:123456789012:q",
            },
        )
        filtered = run(
            executor, f"SELECT qualifier FROM {RID} WHERE qualifier = 'v1' AND region = 'us-east-1'"
        )
        assert filtered.rows == ()  # a field in the WHERE clause filters the rows


def test_an_endpoint_that_is_not_there() -> None:
    with MockServer(CloudControlBackend({})) as url:
        pass  # the port is free again
    client = CloudControlClient(url)
    with pytest.raises(EndpointError):
        client.call("ListResources", {"TypeName": "X"}, "us-east-1")


def test_a_value_nested_past_what_python_reads_stays_text() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    assert coerce(deep, "array") == deep  # Cloud Control will say it is no array
