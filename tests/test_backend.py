"""The in-memory Cloud Control backend, driven with the wire protocol's request bodies."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.backend import EPOCH, CloudControlBackend, CloudControlError

ROOT = Path(__file__).resolve().parent.parent
WIDGET = "Test::Widget::Thing"
FIXED = "Test::Widget::Fixed"
EIC = "AWS::Lambda::EventInvokeConfig"
SCHEMAS: dict[str, dict[str, Any]] = {
    WIDGET: {
        "typeName": WIDGET,
        "additionalProperties": False,
        "definitions": {
            "Tag": {
                "type": "object",
                "additionalProperties": False,
                "required": ["Key", "Value", "Id"],  # Id: read-only, below
                "properties": {
                    "Key": {"type": "string"},
                    "Value": {"type": "string"},
                    "Id": {"type": "string"},
                },
            }
        },
        "properties": {
            "Id": {"type": "string", "pattern": "^w-[0-9a-f]{8}$"},
            "Arn": {"type": "string"},
            "Name": {"type": "string", "minLength": 1, "maxLength": 20},
            "Size": {"type": "integer", "minimum": 1, "maximum": 10},
            "Secret": {"type": "string"},
            "Config": {
                "type": "object",
                "properties": {"Mode": {"type": "string"}, "Level": {"type": "integer"}},
            },
            "Tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}},
        },
        "required": ["Name", "Id"],  # Id is read-only: a create must not be asked for it
        "readOnlyProperties": ["/properties/Id", "/properties/Arn", "/properties/Tags/*/Id"],
        "createOnlyProperties": [
            "/properties/Name",
            "/properties/Config/Mode",
            "/properties/Tags/*/Key",
        ],
        "writeOnlyProperties": ["/properties/Secret"],
        "primaryIdentifier": ["/properties/Id"],
        "additionalIdentifiers": [["/properties/Arn"], ["/properties/Name"]],
        "handlers": {"create": {}, "read": {}, "update": {}, "delete": {}, "list": {}},
    },
    FIXED: {
        "typeName": FIXED,
        "properties": {
            "Name": {"type": "string"},
            "Device": {
                "type": "object",
                "properties": {"DeviceId": {"type": "string", "pattern": "^dev-[0-9]{4}$"}},
            },
        },
        "readOnlyProperties": ["/properties/Device/DeviceId"],
        "primaryIdentifier": ["/properties/Name", "/properties/Device/DeviceId"],
        "handlers": {"create": {}, "read": {}, "delete": {}},
    },
    **{
        doc["typeName"]: doc
        for path in [
            ROOT / "specs" / "aws-lambda-eventinvokeconfig.json",
            *sorted((ROOT / "tests" / "data" / "schemas").glob("*.json")),
        ]
        for doc in [json.loads(path.read_text())]
    },
}


@pytest.fixture
def backend() -> CloudControlBackend:
    return CloudControlBackend(SCHEMAS)


def error(call: Callable[[], object]) -> tuple[str, str]:
    with pytest.raises(CloudControlError) as caught:
        call()
    return caught.value.code, caught.value.message


def create(
    backend: CloudControlBackend,
    type_name: str,
    state: dict,
    region: str = "us-east-1",
    **extra: Any,
) -> dict:
    request = {"TypeName": type_name, "DesiredState": json.dumps(state), **extra}
    return finished(backend, backend.create_resource(request, region), region)


def finished(backend: CloudControlBackend, answer: dict, region: str = "us-east-1") -> dict:
    """The event a request (in progress, as the answer says) ends with: its status, read."""
    assert answer["ProgressEvent"]["OperationStatus"] == "IN_PROGRESS"
    token = answer["ProgressEvent"]["RequestToken"]
    return backend.get_resource_request_status({"RequestToken": token}, region)["ProgressEvent"]


def read(backend: CloudControlBackend, type_name: str, identifier: str) -> dict:
    answer = backend.get_resource({"TypeName": type_name, "Identifier": identifier})
    return json.loads(answer["ResourceDescription"]["Properties"])


def update(backend: CloudControlBackend, type_name: str, identifier: str, patch: list) -> dict:
    request = {"TypeName": type_name, "Identifier": identifier, "PatchDocument": json.dumps(patch)}
    return finished(backend, backend.update_resource(request))


def test_create_generates_identifiers_and_hides_write_only(backend: CloudControlBackend) -> None:
    event = create(backend, WIDGET, {"Name": "a", "Size": 3, "Secret": "s"})
    assert re.fullmatch(r"w-[0-9a-f]{8}", event["Identifier"])
    assert event["TypeName"] == WIDGET
    assert event["Operation"] == "CREATE"
    assert event["OperationStatus"] == "SUCCESS"
    assert event["EventTime"] == EPOCH + 2  # (EPOCH + 1 when it started)
    model = json.loads(event["ResourceModel"])
    assert model["Id"] == event["Identifier"]
    assert model["Arn"].startswith("arn:aws:widget:us-east-1:123456789012:thing/thing-")
    assert "Secret" not in model
    assert read(backend, WIDGET, event["Identifier"]) == model
    status = backend.get_resource_request_status({"RequestToken": event["RequestToken"]})
    assert status == {"ProgressEvent": event}


def test_same_requests_same_answers() -> None:
    answers = []
    for _ in range(2):
        backend = CloudControlBackend(SCHEMAS)
        events = [create(backend, WIDGET, {"Name": f"n{i}"}) for i in range(3)]
        events.append(create(backend, "AWS::SQS::Queue", {}))
        answers.append(json.dumps(events))
    assert answers[0] == answers[1]


def test_read_only_properties_are_refused(backend: CloudControlBackend) -> None:
    assert error(lambda: create(backend, WIDGET, {"Name": "a", "Arn": "arn:x"})) == (
        "ValidationException",
        "Invalid desired state: readOnlyProperties [/properties/Arn] cannot be set",
    )


def test_nested_read_only_properties(backend: CloudControlBackend) -> None:
    tags = [{"Key": "k", "Value": "v"}]  # the schema requires Tags/*/Id, which is read-only
    assert create(backend, WIDGET, {"Name": "a", "Tags": tags})["OperationStatus"] == "SUCCESS"
    tags = [{"Key": "k", "Value": "v", "Id": "t-1"}]
    assert error(lambda: create(backend, WIDGET, {"Name": "b", "Tags": tags})) == (
        "ValidationException",
        "Invalid desired state: readOnlyProperties [/properties/Tags/*/Id] cannot be set",
    )


def test_desired_state_is_validated_like_cloud_control(backend: CloudControlBackend) -> None:
    bad = {"Name": "", "Size": 11, "Extra": 1, "Tags": [{"Key": "k"}], "Config": []}
    assert error(lambda: create(backend, WIDGET, bad)) == (
        "ValidationException",
        (
            "Model validation failed ("
            "#: extraneous key [Extra] is not permitted\n"
            "#/Name: expected minLength: 1, actual: 0\n"
            "#/Size: 11 is not less or equal to 10\n"
            "#/Config: expected type: JSONObject, found: JSONArray\n"
            "#/Tags/0: required key [Value] not found)"
        ),
    )
    assert error(lambda: create(backend, WIDGET, {})) == (
        "ValidationException",
        "Model validation failed (#: required key [Name] not found)",
    )
    unreadable = {"TypeName": WIDGET, "DesiredState": "{"}
    assert error(lambda: backend.create_resource(unreadable))[0] == "ValidationException"
    assert error(lambda: backend.create_resource({"TypeName": WIDGET})) == (
        "ValidationException",
        (
            "1 validation error detected: Value null at 'desiredState' "
            "failed to satisfy constraint: Member must not be null"
        ),
    )


def test_an_identifier_under_a_boolean_schema_is_generated() -> None:
    open_device = {
        **SCHEMAS[FIXED],
        "definitions": {"Anything": True},
        "properties": {"Name": {"type": "string"}, "Device": {"$ref": "#/definitions/Anything"}},
    }
    event = create(CloudControlBackend({FIXED: open_device}), FIXED, {"Name": "a"})
    assert event["Identifier"].startswith("a|fixed-")


def test_a_ref_that_loops_back_in_place_is_cut() -> None:
    looping = json.loads(json.dumps(SCHEMAS[EIC]))
    looping["definitions"]["Label"] = {
        "oneOf": [{"type": "string"}, {"$ref": "#/definitions/Label"}]
    }
    looping["properties"]["Label"] = {"$ref": "#/definitions/Label"}
    backend = CloudControlBackend({EIC: looping})
    state = {"FunctionName": "f", "Qualifier": "q"}
    assert create(backend, EIC, {**state, "Label": "x"})["OperationStatus"] == "SUCCESS"
    assert error(lambda: create(backend, EIC, {**state, "Qualifier": "r", "Label": 1})) == (
        "ValidationException",
        "Model validation failed (#/Label: 1 is not valid under any of the given schemas)",
    )


def test_json_nested_past_what_python_reads_is_refused(backend: CloudControlBackend) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    request = {"TypeName": WIDGET, "DesiredState": deep}
    code, message = error(lambda: backend.create_resource(request))
    assert (code, message.partition(":")[0]) == (
        "ValidationException",
        "DesiredState is not valid JSON",
    )
    request = {"TypeName": WIDGET, "ResourceModel": deep}
    assert error(lambda: backend.list_resources(request))[0] == "InvalidRequestException"
    request = {"TypeName": WIDGET, "Identifier": "{" + deep}
    assert error(lambda: backend.get_resource(request))[0] == "ResourceNotFoundException"


def test_a_schema_too_deep_to_check_is_an_answer_not_a_failure() -> None:
    # A list handler's member at the end of 500 $refs: jsonschema recursed past Python's limit,
    # and the mock answered InternalFailure with a traceback in its log.
    deep = json.loads(json.dumps(SCHEMAS[EIC]))
    for i in range(500):
        deep["definitions"][f"C{i}"] = {"$ref": f"#/definitions/C{i + 1}"}
    deep["definitions"]["C500"] = {"type": "string"}
    deep["handlers"]["list"]["handlerSchema"]["properties"]["FunctionName"] = {
        "$ref": "#/definitions/C0"
    }
    request = {"TypeName": EIC, "ResourceModel": json.dumps({"FunctionName": "f"})}
    backend = CloudControlBackend({EIC: deep})
    assert error(lambda: backend.handle("ListResources", request, "us-east-1")) == (
        "InvalidRequestException",
        "The type's schema nests too deeply to check a request against it (RecursionError in "
        "the mock)",
    )


def test_duplicate_identifiers_already_exist(backend: CloudControlBackend) -> None:
    state = {"FunctionName": "f", "Qualifier": "$LATEST"}
    assert create(backend, EIC, state)["Identifier"] == "f|$LATEST"
    failed = create(backend, EIC, state)  # the handler's failure, not the request's
    assert {k: failed.get(k) for k in ("Identifier", "OperationStatus", "ErrorCode")} == {
        "Identifier": "f|$LATEST",
        "OperationStatus": "FAILED",
        "ErrorCode": "AlreadyExists",
    }
    assert failed["StatusMessage"] == (
        "Resource of type 'AWS::Lambda::EventInvokeConfig' with identifier 'f|$LATEST' "
        "already exists."
    )


def test_generated_identifiers_never_collide(backend: CloudControlBackend) -> None:
    queues = {create(backend, "AWS::SQS::Queue", {})["Identifier"] for _ in range(5)}
    assert len(queues) == 5
    assert all(q.startswith("https://sqs.us-east-1.amazonaws.com/123456789012/") for q in queues)
    named = create(backend, "AWS::Logs::LogGroup", {"LogGroupName": "my-logs"})
    assert named["Identifier"] == "my-logs"
    unnamed = create(backend, "AWS::Logs::LogGroup", {"RetentionInDays": 7})  # CFN names it
    assert re.fullmatch(r"log-group-[0-9a-f]{8}", unnamed["Identifier"])


def test_compound_and_nested_identifiers(backend: CloudControlBackend) -> None:
    farm, queue = "farm-" + "0" * 32, "queue-" + "1" * 32
    state = {
        "FarmId": farm,
        "QueueId": queue,
        "Priority": 1,
        "Template": "{}",
        "TemplateType": "JSON",
    }
    identifier = create(backend, "AWS::Deadline::QueueEnvironment", state)["Identifier"]
    assert re.fullmatch(rf"{farm}\|{queue}\|queueenv-[0-9a-f]{{32}}", identifier)
    assert read(backend, "AWS::Deadline::QueueEnvironment", identifier)["Priority"] == 1
    device = create(backend, FIXED, {"Name": "n", "Device": {}})
    assert re.fullmatch(r"n\|dev-\d{4}", device["Identifier"])


def test_identifiers_as_json(backend: CloudControlBackend) -> None:
    event = create(backend, WIDGET, {"Name": "named"})
    model = json.loads(event["ResourceModel"])
    assert read(backend, WIDGET, json.dumps({"Id": event["Identifier"]})) == model
    assert read(backend, WIDGET, json.dumps({"Name": "named"})) == model
    assert read(backend, WIDGET, json.dumps({"Arn": model["Arn"]})) == model
    assert error(lambda: read(backend, WIDGET, '{"Size": 1}'))[0] == "ResourceNotFoundException"


def test_list_enforces_the_handler_schema(backend: CloudControlBackend) -> None:
    environment = "AWS::Deadline::QueueEnvironment"
    assert error(lambda: backend.list_resources({"TypeName": environment})) == (
        "InvalidRequestException",
        (
            "Missing or invalid ResourceModel property in AWS::Deadline::QueueEnvironment list "
            "handler request input.Required property: (#: required key [FarmId] not found\n"
            "#: required key [QueueId] not found)"
        ),
    )
    code, message = error(
        lambda: backend.list_resources(
            {"TypeName": environment, "ResourceModel": '{"FarmId": "x", "QueueId": "y"}'}
        )
    )
    assert code == "InvalidRequestException"
    assert "#/FarmId: string [x] does not match pattern ^farm-[0-9a-f]{32}$" in message


def test_list_filters_by_the_resource_model(backend: CloudControlBackend) -> None:
    for name, qualifier in (("f", "1"), ("f", "2"), ("g", "1")):
        create(backend, EIC, {"FunctionName": name, "Qualifier": qualifier})
    answer = backend.list_resources({"TypeName": EIC, "ResourceModel": '{"FunctionName": "f"}'})
    assert answer["TypeName"] == EIC
    assert [d["Identifier"] for d in answer["ResourceDescriptions"]] == ["f|1", "f|2"]
    assert "NextToken" not in answer


def test_list_pages(backend: CloudControlBackend) -> None:
    for _ in range(3):
        create(backend, "AWS::SQS::Queue", {})
    first = backend.list_resources({"TypeName": "AWS::SQS::Queue", "MaxResults": 2})
    assert len(first["ResourceDescriptions"]) == 2
    rest = backend.list_resources(
        {"TypeName": "AWS::SQS::Queue", "MaxResults": 2, "NextToken": first["NextToken"]}
    )
    assert len(rest["ResourceDescriptions"]) == 1 and "NextToken" not in rest
    assert (
        error(
            lambda: backend.list_resources({"TypeName": "AWS::SQS::Queue", "NextToken": "bm9wZQ=="})
        )[0]
        == "InvalidRequestException"
    )


def test_update_applies_a_json_patch(backend: CloudControlBackend) -> None:
    identifier = create(
        backend,
        WIDGET,
        {
            "Name": "a",
            "Size": 1,
            "Secret": "s",
            "Config": {"Mode": "m"},
            "Tags": [{"Key": "k", "Value": "v"}],
        },
    )["Identifier"]
    event = update(
        backend,
        WIDGET,
        identifier,
        [
            {"op": "replace", "path": "/Size", "value": 5},
            {"op": "replace", "path": "/Tags/0/Value", "value": "w"},
            {"op": "add", "path": "/Config/Level", "value": 2},
        ],
    )
    assert (event["Operation"], event["OperationStatus"]) == ("UPDATE", "SUCCESS")
    model = read(backend, WIDGET, identifier)
    assert (model["Size"], model["Tags"], model["Config"]) == (
        5,
        [{"Key": "k", "Value": "w"}],
        {"Mode": "m", "Level": 2},
    )
    assert "Secret" not in model
    assert json.loads(event["ResourceModel"]) == model


@pytest.mark.parametrize(
    ("patch", "code", "message"),
    [
        (
            [{"op": "replace", "path": "/Name", "value": "b"}],
            "NotUpdatableException",
            "Invalid patch update: createOnlyProperties [/properties/Name] cannot be updated",
        ),
        # a parent replaced takes its create-only children with it, as the service reads it
        (
            [{"op": "add", "path": "/Config", "value": {}}],
            "NotUpdatableException",
            "Invalid patch update: createOnlyProperties [/properties/Config/Mode] "
            "cannot be updated",
        ),
        (
            [{"op": "replace", "path": "/Tags/0/Key", "value": "j"}],
            "NotUpdatableException",
            "Invalid patch update: createOnlyProperties [/properties/Tags/*/Key] cannot be updated",
        ),
        (
            [{"op": "move", "from": "/Name", "path": "/Secret"}],
            "NotUpdatableException",
            "Invalid patch update: createOnlyProperties [/properties/Name] cannot be updated",
        ),
        (
            [{"op": "add", "path": "/Arn", "value": "arn:aws:x"}],
            "ValidationException",
            "Invalid patch update: readOnlyProperties [/properties/Arn] cannot be updated",
        ),
        (
            [{"op": "add", "path": "/Size", "value": 11}],
            "ValidationException",
            "Model validation failed (#/Size: 11 is not less or equal to 10)",
        ),
        ([{"op": "remove", "path": "/Nope"}], "ValidationException", None),
        ([{"op": "replace", "path": "Size", "value": 1}], "ValidationException", None),
    ],
)
def test_update_refusals(
    backend: CloudControlBackend, patch: list, code: str, message: str | None
) -> None:
    identifier = create(backend, WIDGET, {"Name": "a", "Tags": [{"Key": "k", "Value": "v"}]})[
        "Identifier"
    ]
    got = error(lambda: update(backend, WIDGET, identifier, patch))
    assert got[0] == code
    assert message is None or got[1] == message
    assert read(backend, WIDGET, identifier)["Name"] == "a"


@pytest.mark.parametrize("op", ["replace", "remove", "test"])
def test_a_patch_reads_the_resource_without_its_write_only_values(
    backend: CloudControlBackend, op: str
) -> None:
    # Cloud Control patches the resource as it reads it: a write-only value is not there to
    # replace, remove or test (terraform-provider-awscc sends them as `add`).
    identifier = create(backend, WIDGET, {"Name": "a", "Secret": "s"})["Identifier"]
    patch = [{"op": op, "path": "/Secret", **({} if op == "remove" else {"value": "s"})}]
    code, message = error(lambda: update(backend, WIDGET, identifier, patch))
    assert code == "ValidationException" and message.startswith("Invalid patch: ")
    event = update(backend, WIDGET, identifier, [{"op": "add", "path": "/Secret", "value": "t"}])
    assert event["OperationStatus"] == "SUCCESS"


def test_delete_then_not_found(backend: CloudControlBackend) -> None:
    identifier = create(backend, WIDGET, {"Name": "a"})["Identifier"]
    request = {"TypeName": WIDGET, "Identifier": identifier}
    event = finished(backend, backend.delete_resource(request))
    assert (event["Operation"], event["Identifier"], "ResourceModel" in event) == (
        "DELETE",
        identifier,
        False,
    )
    message = f"Resource of type '{WIDGET}' with identifier '{identifier}' was not found."
    assert error(lambda: read(backend, WIDGET, identifier)) == (
        "ResourceNotFoundException",
        message,
    )
    # A delete of what is not there fails in its handler, as the service's: NotFound.
    again = finished(backend, backend.delete_resource(request))
    assert (again["OperationStatus"], again["ErrorCode"], again["StatusMessage"]) == (
        "FAILED",
        "NotFound",
        message,
    )
    # An update of what is not there is refused outright.
    patch = [{"op": "add", "path": "/Size", "value": 2}]
    assert error(lambda: update(backend, WIDGET, identifier, patch)) == (
        "ResourceNotFoundException",
        message,
    )


def test_writes_are_in_progress_until_their_status_is_read(backend: CloudControlBackend) -> None:
    # As the service's: a create answers IN_PROGRESS, with no model, and the identifier only
    # where the request gave it (the Widget's is generated).
    started = backend.create_resource({"TypeName": WIDGET, "DesiredState": '{"Name": "a"}'})
    event = started["ProgressEvent"]
    assert event == {
        "TypeName": WIDGET,
        "RequestToken": event["RequestToken"],
        "Operation": "CREATE",
        "OperationStatus": "IN_PROGRESS",
        "EventTime": EPOCH + 1,
    }
    listed = backend.list_resource_requests({})["ResourceRequestStatusSummaries"]
    assert [e["OperationStatus"] for e in listed] == ["IN_PROGRESS"]
    done = finished(backend, started)
    assert (done["OperationStatus"], done["EventTime"]) == ("SUCCESS", EPOCH + 2)
    listed = backend.list_resource_requests({})["ResourceRequestStatusSummaries"]
    assert listed == [done]
    named = {"FunctionName": "f", "Qualifier": "$LATEST"}
    request = {"TypeName": EIC, "DesiredState": json.dumps(named)}
    assert backend.create_resource(request)["ProgressEvent"]["Identifier"] == "f|$LATEST"


def test_a_cancelled_request_undoes_its_change(backend: CloudControlBackend) -> None:
    identifier = create(backend, WIDGET, {"Name": "a", "Size": 1})["Identifier"]
    patch = [{"op": "replace", "path": "/Size", "value": 2}]
    request = {"TypeName": WIDGET, "Identifier": identifier, "PatchDocument": json.dumps(patch)}
    token = backend.update_resource(request)["ProgressEvent"]["RequestToken"]
    cancelled = backend.cancel_resource_request({"RequestToken": token})["ProgressEvent"]
    assert cancelled["OperationStatus"] == "CANCEL_IN_PROGRESS"
    assert read(backend, WIDGET, identifier)["Size"] == 1
    status = backend.get_resource_request_status({"RequestToken": token})["ProgressEvent"]
    assert status["OperationStatus"] == "CANCEL_COMPLETE"
    assert error(lambda: backend.cancel_resource_request({"RequestToken": token})) == (
        "ConcurrentModificationException",
        f"Request with token {token} is CANCEL_COMPLETE: only a request PENDING or IN_PROGRESS "
        "can be canceled",
    )
    delete = {"TypeName": WIDGET, "Identifier": identifier}
    token = backend.delete_resource(delete)["ProgressEvent"]["RequestToken"]
    backend.cancel_resource_request({"RequestToken": token})
    assert read(backend, WIDGET, identifier)["Size"] == 1  # there again
    token = backend.create_resource({"TypeName": WIDGET, "DesiredState": '{"Name": "b"}'})[
        "ProgressEvent"
    ]["RequestToken"]
    backend.cancel_resource_request({"RequestToken": token})
    listed = backend.list_resources({"TypeName": WIDGET})["ResourceDescriptions"]
    assert [r["Identifier"] for r in listed] == [identifier]
    assert error(lambda: backend.cancel_resource_request({"RequestToken": "nope"}))[0] == (
        "RequestTokenNotFoundException"
    )


def test_types_and_handlers(backend: CloudControlBackend) -> None:
    assert error(
        lambda: backend.get_resource({"TypeName": "AWS::No::Such", "Identifier": "x"})
    ) == ("TypeNotFoundException", "The type 'AWS::No::Such' cannot be found.")
    assert error(lambda: backend.list_resources({"TypeName": FIXED})) == (
        "UnsupportedActionException",
        f"Resource type {FIXED} does not support LIST action",
    )
    assert error(lambda: update(backend, FIXED, "x", []))[0] == "UnsupportedActionException"
    assert error(lambda: backend.get_resource({"Identifier": "x"}))[0] == "ValidationException"
    assert error(lambda: backend.handle("CancelEverything", {}, "us-east-1"))[0] == (
        "UnknownOperationException"
    )


def test_client_tokens_make_requests_idempotent(backend: CloudControlBackend) -> None:
    request = {"TypeName": WIDGET, "DesiredState": '{"Name": "a"}', "ClientToken": "token-1"}
    started = backend.create_resource(request)
    assert backend.create_resource(request) == started  # (in progress still)
    first = finished(backend, started)
    assert backend.create_resource(request) == {"ProgressEvent": first}  # (as it ended)
    assert len(backend.list_resources({"TypeName": WIDGET})["ResourceDescriptions"]) == 1
    assert error(lambda: create(backend, WIDGET, {"Name": "b"}, ClientToken="token-1"))[0] == (
        "ClientTokenConflictException"
    )


def test_regions_are_separate(backend: CloudControlBackend) -> None:
    identifier = create(backend, WIDGET, {"Name": "a"}, region="eu-west-1")["Identifier"]
    assert backend.list_resources({"TypeName": WIDGET}, "us-east-1")["ResourceDescriptions"] == []
    assert error(lambda: read(backend, WIDGET, identifier))[0] == "ResourceNotFoundException"
    found = backend.get_resource({"TypeName": WIDGET, "Identifier": identifier}, "eu-west-1")
    assert json.loads(found["ResourceDescription"]["Properties"])["Arn"].startswith(
        "arn:aws:widget:eu-west-1:"
    )


def test_request_status_and_history(backend: CloudControlBackend) -> None:
    assert error(lambda: backend.get_resource_request_status({"RequestToken": "nope"})) == (
        "RequestTokenNotFoundException",
        "Request with token nope was not found",
    )
    identifier = create(backend, WIDGET, {"Name": "a"})["Identifier"]
    update(backend, WIDGET, identifier, [{"op": "add", "path": "/Size", "value": 2}])
    history = backend.list_resource_requests({})["ResourceRequestStatusSummaries"]
    assert [e["Operation"] for e in history] == ["CREATE", "UPDATE"]
    updates = backend.list_resource_requests(
        {"ResourceRequestStatusFilter": {"Operations": ["UPDATE"]}}
    )
    assert [e["Operation"] for e in updates["ResourceRequestStatusSummaries"]] == ["UPDATE"]
    for _ in range(25):
        create(backend, WIDGET, {"Name": "n"})
    page = backend.list_resource_requests({})  # 20 a page, the service's default
    assert (len(page["ResourceRequestStatusSummaries"]), "NextToken" in page) == (20, True)


def test_members_past_the_models_constraints_are_refused(backend: CloudControlBackend) -> None:
    # As the service's model bounds them (botocore's service-2.json), in its words.
    assert error(
        lambda: backend.handle(
            "GetResource", {"TypeName": "AWS::X::Thing", "Identifier": "x"}, "us-east-1"
        )
    ) == (
        "ValidationException",
        "1 validation error detected: Value 'AWS::X::Thing' at 'typeName' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: "
        "[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}",
    )
    big = json.dumps({"Name": "a", "Config": {"Mode": "x" * 262_144}})
    code, message = error(
        lambda: backend.handle(
            "CreateResource", {"TypeName": WIDGET, "DesiredState": big}, "us-east-1"
        )
    )
    assert (code, message) == (  # (a sensitive member: not quoted)
        "ValidationException",
        "1 validation error detected: Value at 'desiredState' failed to satisfy constraint: "
        "Member must have length less than or equal to 262144",
    )
    code, message = error(
        lambda: backend.handle(
            "GetResource",
            {"TypeName": WIDGET, "Identifier": "i" * 1025, "ClientToken": "has space!"},
            "us-east-1",
        )
    )
    assert code == "ValidationException"
    assert message.startswith("2 validation errors detected: Value 'has space!' at 'clientToken'")
    assert "at 'identifier' failed to satisfy constraint: Member must have length less" in message
    wanted = {"ResourceRequestStatusFilter": {"OperationStatuses": ["BOGUS"]}}
    assert error(lambda: backend.handle("ListResourceRequests", wanted, "us-east-1")) == (
        "ValidationException",
        "1 validation error detected: Value '[BOGUS]' at "
        "'resourceRequestStatusFilter.operationStatuses' failed to satisfy constraint: Member "
        "must satisfy constraint: [Member must satisfy enum value set: [PENDING, IN_PROGRESS, "
        "SUCCESS, FAILED, CANCEL_IN_PROGRESS, CANCEL_COMPLETE]]",
    )


def test_list_entries_that_name_no_property_are_left_out_as_the_pages_leave_them() -> None:
    # A read-only entry `/properties/Size/properties/X` (Size is an integer), which generate
    # warns of and reads the lists without: the mock refused every update of Size.
    schema = {
        **SCHEMAS[WIDGET],
        "readOnlyProperties": [*SCHEMAS[WIDGET]["readOnlyProperties"], "/properties/Size/X", "/"],
    }
    backend = CloudControlBackend({WIDGET: schema})
    identifier = create(backend, WIDGET, {"Name": "a", "Size": 1})["Identifier"]
    update(backend, WIDGET, identifier, [{"op": "replace", "path": "/Size", "value": 2}])
    assert read(backend, WIDGET, identifier)["Size"] == 2
