"""The mock Cloud Control endpoint, spoken to by the real boto3 client over loopback."""

from __future__ import annotations

import http.client
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import boto3
import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, WaiterError

import generator.backend
from generator.backend import CloudControlBackend
from generator.mockserver import MockServer, load_schemas, main

ROOT = Path(__file__).resolve().parent.parent
EIC = "AWS::Lambda::EventInvokeConfig"
SIGNED = (
    "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/cloudcontrolapi/aws4_request, "
    "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0"
)


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    schemas = load_schemas(ROOT / "specs") | load_schemas(ROOT / "tests" / "data" / "schemas")
    with MockServer(CloudControlBackend(schemas)) as base:
        yield base


@pytest.fixture(autouse=True)
def no_aws_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the developer's AWS profile, endpoint and credentials out of the client."""
    for name in (
        "AWS_PROFILE",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_CLOUDCONTROL",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))


def client(url: str, region: str = "us-east-1") -> Any:
    return boto3.session.Session().client(
        "cloudcontrol",
        endpoint_url=url,
        region_name=region,
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=Config(retries={"max_attempts": 1}),
    )


def code_of(error: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    return error.value.response["Error"]["Code"], error.value.response["Error"]["Message"]


def test_event_invoke_config_lifecycle(url: str) -> None:
    cc = client(url)
    state = {"FunctionName": "my-function", "Qualifier": "$LATEST", "MaximumRetryAttempts": 1}
    event = cc.create_resource(TypeName=EIC, DesiredState=json.dumps(state))["ProgressEvent"]
    assert event["OperationStatus"] == "IN_PROGRESS"  # as the service's: it answers at once
    assert event["Identifier"] == "my-function|$LATEST"
    waited(cc, event)

    found = cc.get_resource(TypeName=EIC, Identifier="my-function|$LATEST")
    assert json.loads(found["ResourceDescription"]["Properties"]) == state

    with pytest.raises(ClientError) as missing:
        cc.list_resources(TypeName=EIC)
    assert code_of(missing) == (
        "InvalidRequestException",
        (
            "Missing or invalid ResourceModel property in AWS::Lambda::EventInvokeConfig list "
            "handler request input.Required property: (#: required key [FunctionName] not found)"
        ),
    )
    listed = cc.list_resources(TypeName=EIC, ResourceModel='{"FunctionName": "my-function"}')
    assert [d["Identifier"] for d in listed["ResourceDescriptions"]] == ["my-function|$LATEST"]

    patch = [{"op": "replace", "path": "/MaximumRetryAttempts", "value": 2}]
    updated = cc.update_resource(
        TypeName=EIC, Identifier="my-function|$LATEST", PatchDocument=json.dumps(patch)
    )["ProgressEvent"]
    assert (updated["Operation"], waited(cc, updated)["OperationStatus"]) == ("UPDATE", "SUCCESS")
    found = cc.get_resource(TypeName=EIC, Identifier="my-function|$LATEST")
    assert json.loads(found["ResourceDescription"]["Properties"])["MaximumRetryAttempts"] == 2

    with pytest.raises(ClientError) as create_only:
        cc.update_resource(
            TypeName=EIC,
            Identifier="my-function|$LATEST",
            PatchDocument=json.dumps([{"op": "replace", "path": "/Qualifier", "value": "live"}]),
        )
    assert code_of(create_only) == (
        "NotUpdatableException",
        "Invalid patch update: createOnlyProperties [/properties/Qualifier] cannot be updated",
    )

    duplicate = cc.create_resource(TypeName=EIC, DesiredState=json.dumps(state))["ProgressEvent"]
    with pytest.raises(WaiterError) as failed:  # the handler fails, as the service's
        waited(cc, duplicate)
    event = failed.value.last_response["ProgressEvent"]
    assert (event["OperationStatus"], event["ErrorCode"]) == ("FAILED", "AlreadyExists")

    deleted = cc.delete_resource(TypeName=EIC, Identifier="my-function|$LATEST")["ProgressEvent"]
    assert (deleted["Operation"], waited(cc, deleted)["OperationStatus"]) == ("DELETE", "SUCCESS")
    with pytest.raises(ClientError) as gone:
        cc.get_resource(TypeName=EIC, Identifier="my-function|$LATEST")
    assert code_of(gone) == (
        "ResourceNotFoundException",
        (
            "Resource of type 'AWS::Lambda::EventInvokeConfig' with identifier "
            "'my-function|$LATEST' was not found."
        ),
    )
    assert gone.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def waited(cc: Any, event: dict) -> dict:
    """The event a request ends with, waited for by botocore's own waiter."""
    cc.get_waiter("resource_request_success").wait(
        RequestToken=event["RequestToken"], WaiterConfig={"Delay": 0.01, "MaxAttempts": 5}
    )
    return cc.get_resource_request_status(RequestToken=event["RequestToken"])["ProgressEvent"]


def test_a_request_in_progress_can_be_cancelled(url: str) -> None:
    cc = client(url, "ap-south-1")
    started = cc.create_resource(TypeName="AWS::Logs::LogGroup", DesiredState="{}")
    token = started["ProgressEvent"]["RequestToken"]
    cancelled = cc.cancel_resource_request(RequestToken=token)["ProgressEvent"]
    assert cancelled["OperationStatus"] == "CANCEL_IN_PROGRESS"
    status = cc.get_resource_request_status(RequestToken=token)["ProgressEvent"]
    assert status["OperationStatus"] == "CANCEL_COMPLETE"
    assert cc.list_resources(TypeName="AWS::Logs::LogGroup")["ResourceDescriptions"] == []
    with pytest.raises(cc.exceptions.ConcurrentModificationException) as done:
        cc.cancel_resource_request(RequestToken=token)
    assert done.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500  # a server fault
    with pytest.raises(cc.exceptions.RequestTokenNotFoundException):
        cc.cancel_resource_request(RequestToken="nope")


def test_region_comes_from_the_signature(url: str) -> None:
    west, east = client(url, "us-west-2"), client(url, "us-east-1")
    west.create_resource(TypeName="AWS::SQS::Queue", DesiredState="{}")
    [queue] = west.list_resources(TypeName="AWS::SQS::Queue")["ResourceDescriptions"]
    assert queue["Identifier"].startswith("https://sqs.us-west-2.amazonaws.com/")
    assert east.list_resources(TypeName="AWS::SQS::Queue")["ResourceDescriptions"] == []


def test_the_paginator_follows_next_tokens(url: str) -> None:
    cc = client(url, "eu-central-1")
    for _ in range(3):
        cc.create_resource(TypeName="AWS::Logs::LogGroup", DesiredState="{}")
    pages = cc.get_paginator("list_resources").paginate(
        TypeName="AWS::Logs::LogGroup", PaginationConfig={"PageSize": 2}
    )
    assert [len(page["ResourceDescriptions"]) for page in pages] == [2, 1]


def test_unknown_types_and_validation_errors(url: str) -> None:
    cc = client(url)
    with pytest.raises(ClientError) as unknown:
        cc.get_resource(TypeName="AWS::No::Such", Identifier="x")
    assert code_of(unknown) == (
        "TypeNotFoundException",
        "The type 'AWS::No::Such' cannot be found.",
    )
    with pytest.raises(ClientError) as invalid:
        cc.create_resource(TypeName=EIC, DesiredState='{"FunctionName": "f"}')
    assert code_of(invalid) == (
        "ValidationException",
        "Model validation failed (#: required key [Qualifier] not found)",
    )


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
    parts = urlparse(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("POST", "/", body=body, headers=headers)
        response = connection.getresponse()
        assert response.getheader("Content-Type") == "application/x-amz-json-1.0"
        return response.status, json.loads(response.read())
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("headers", "body", "expected"),
    [
        (
            {"X-Amz-Target": "CloudApiService.GetResource"},
            b"{}",
            {
                "__type": "MissingAuthenticationTokenException",
                "Message": "Missing Authentication Token",
            },
        ),
        (
            {"X-Amz-Target": "CloudApiService.Nope", "Authorization": SIGNED},
            b"{}",
            {"__type": "UnknownOperationException", "Message": "Unknown operation Nope"},
        ),
        (
            {"X-Amz-Target": "Other.GetResource", "Authorization": SIGNED},
            b"{}",
            {
                "__type": "UnknownOperationException",
                "Message": "Unknown target 'Other.GetResource'",
            },
        ),
        (
            {"X-Amz-Target": "CloudApiService.GetResource", "Authorization": SIGNED},
            b"[",
            {"__type": "SerializationException", "Message": "Request body is not a JSON object"},
        ),
        (  # nested past what Python's parser reads
            {"X-Amz-Target": "CloudApiService.GetResource", "Authorization": SIGNED},
            b"[" * 100_000,
            {"__type": "SerializationException", "Message": "Request body is not a JSON object"},
        ),
        (
            {"X-Amz-Target": "CloudApiService.GetResource", "Authorization": SIGNED},
            b'{"TypeName": "AWS::Lambda::EventInvokeConfig", "Identifier": 5}',
            {
                "__type": "SerializationException",
                "Message": "NUMBER_VALUE can not be converted to a String (Identifier)",
            },
        ),
        (
            {"X-Amz-Target": "CloudApiService.ListResourceRequests", "Authorization": SIGNED},
            b'{"MaxResults": "10"}',
            {
                "__type": "SerializationException",
                "Message": "VALUE_STRING can not be converted to an Integer (MaxResults)",
            },
        ),
        (
            {"X-Amz-Target": "CloudApiService.ListResourceRequests", "Authorization": SIGNED},
            b'{"ResourceRequestStatusFilter": {"Operations": "CREATE"}}',
            {
                "__type": "SerializationException",
                "Message": "VALUE_STRING can not be converted to a list of String (Operations)",
            },
        ),
    ],
)
def test_protocol_errors(url: str, headers: dict[str, str], body: bytes, expected: dict) -> None:
    headers = {"Content-Type": "application/x-amz-json-1.0", **headers}
    assert post(url, body, headers) == (400, expected)


def test_raw_awsjson_request(url: str) -> None:
    headers = {
        "Content-Type": "application/x-amz-json-1.0",
        "Authorization": SIGNED,
        "X-Amz-Target": "CloudApiService.ListResources",
    }
    status, answer = post(
        url,
        json.dumps(
            {
                "TypeName": "AWS::Deadline::QueueEnvironment",
                "ResourceModel": json.dumps(
                    {"FarmId": "farm-" + "0" * 32, "QueueId": "queue-" + "0" * 32}
                ),
            }
        ).encode(),
        headers,
    )
    assert (status, answer) == (
        200,
        {"TypeName": "AWS::Deadline::QueueEnvironment", "ResourceDescriptions": []},
    )


def test_load_schemas_skips_lock_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"typeName": "A::B::C"}')
    (tmp_path / "specs.lock.json").write_text('{"not": "a schema"}')
    assert load_schemas(tmp_path) == {"A::B::C": {"typeName": "A::B::C"}}


def test_main_refuses_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--specs", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope'}: not a folder\n"


def test_main_on_a_port_in_use_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["--specs", str(tmp_path), "--port", str(port)]) == 2
    assert capsys.readouterr().err == (
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    )


def test_start_and_stop() -> None:
    server = MockServer(CloudControlBackend({}))
    base = server.start()
    assert base.startswith("http://127.0.0.1:") and server.start() == base
    server.stop()
    server.stop()
    with pytest.raises(RuntimeError):
        _ = server.url


def test_the_string_members_are_cloud_control_s() -> None:
    model = botocore.session.get_session().get_service_model("cloudcontrol")
    strings = {
        name
        for op in model.operation_names
        if op in generator.backend.OPERATIONS
        for name, shape in model.operation_model(op).input_shape.members.items()
        if shape.type_name == "string"
    }
    assert strings == generator.backend._STRING_MEMBERS
