"""Schema drift on real schemas: copies of specs/ mutated one change at a time."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from conftest import LAMBDA_SPEC

from generator.drift import Drift, DriftKind, describe_type, diff_specs
from generator.errors import UsageError
from generator.schema import read_specs

EIC = "AWS::Lambda::EventInvokeConfig"
EIC_DOC = json.loads(LAMBDA_SPEC.read_text("utf-8"))


def specs_folder(folder: Path, *documents: dict) -> Path:
    """A folder holding the real EventInvokeConfig schema file, or the given documents."""
    folder.mkdir()
    if not documents:
        shutil.copy(LAMBDA_SPEC, folder)
    for i, document in enumerate(documents):
        (folder / f"schema-{i}.json").write_text(json.dumps(document, indent=1), "utf-8")
    return folder


def drift_to(tmp_path: Path, after: dict) -> tuple[Drift, ...]:
    """Drift from the real schema to a mutated copy of it."""
    before = read_specs(specs_folder(tmp_path / "before"), meta_check=False)
    return diff_specs(before, read_specs(specs_folder(tmp_path / "after", after), False))


def mutated() -> dict:
    """A deep copy of the EventInvokeConfig schema, to change."""
    return copy.deepcopy(EIC_DOC)


def test_the_three_changes_of_the_issue_are_each_named(tmp_path):
    after = mutated()
    after["properties"]["MaximumConcurrency"] = {
        "description": "How many events the function handles at once.",
        "type": "integer",
    }
    after["required"].remove("Qualifier")
    after["handlers"]["create"]["permissions"].append("lambda:GetFunction")
    assert drift_to(tmp_path, after) == (
        Drift(
            DriftKind.PROPERTY_ADDED,
            EIC,
            "/properties/MaximumConcurrency",
            None,
            "integer",
            "property `/properties/MaximumConcurrency` added (integer)",
        ),
        Drift(
            DriftKind.REQUIRED_REMOVED,
            EIC,
            "/properties/Qualifier",
            "/properties/Qualifier",
            None,
            "`/properties/Qualifier` is no longer required",
        ),
        Drift(
            DriftKind.PERMISSION_ADDED,
            EIC,
            "/handlers/create/permissions",
            None,
            "lambda:GetFunction",
            "handler `create` needs a new permission `lambda:GetFunction`",
        ),
    )


def test_the_same_schema_has_no_drift_and_another_layout_of_it_is_said_so(tmp_path):
    before = read_specs(specs_folder(tmp_path / "a"), meta_check=False)
    assert diff_specs(before, read_specs(specs_folder(tmp_path / "b"), meta_check=False)) == ()
    # The same document in another layout: a fetch would rewrite the file.
    after = read_specs(specs_folder(tmp_path / "c", mutated()), meta_check=False)
    assert [(d.kind, d.pointer, d.before, d.after) for d in diff_specs(before, after)] == [
        (DriftKind.LAYOUT_CHANGED, "", None, None)
    ]


def test_properties_removed_retyped_and_nested_through_definitions(tmp_path):
    after = mutated()
    del after["properties"]["MaximumRetryAttempts"]
    after["properties"]["MaximumEventAgeInSeconds"]["type"] = "string"
    after["definitions"]["OnFailure"]["properties"]["Type"] = {"type": "string"}
    after["definitions"]["OnSuccess"]["properties"]["Destination"]["type"] = ["string", "null"]
    assert [
        (d.kind, d.pointer, d.before, d.after, d.message) for d in drift_to(tmp_path, after)
    ] == [
        (
            DriftKind.PROPERTY_ADDED,
            "/definitions/OnFailure/properties/Type",
            None,
            "string",
            "property `/definitions/OnFailure/properties/Type` added (string)",
        ),
        (
            DriftKind.PROPERTY_REMOVED,
            "/properties/MaximumRetryAttempts",
            "integer",
            None,
            "property `/properties/MaximumRetryAttempts` removed (was integer)",
        ),
        (
            DriftKind.PROPERTY_RETYPED,
            "/definitions/OnSuccess/properties/Destination",
            "string",
            "string or null",
            (
                "property `/definitions/OnSuccess/properties/Destination` changed "
                "type from string to string or null"
            ),
        ),
        (
            DriftKind.PROPERTY_RETYPED,
            "/properties/MaximumEventAgeInSeconds",
            "integer",
            "string",
            "property `/properties/MaximumEventAgeInSeconds` changed type from integer to string",
        ),
    ]


def test_required_identifier_and_property_lists(tmp_path):
    after = mutated()
    after["definitions"]["OnFailure"]["required"] = []
    after["required"].append("MaximumRetryAttempts")
    after["primaryIdentifier"] = ["/properties/FunctionName"]
    after["createOnlyProperties"].remove("/properties/Qualifier")
    after["readOnlyProperties"] = ["/properties/MaximumEventAgeInSeconds"]
    after["writeOnlyProperties"] = ["/properties/DestinationConfig/OnFailure"]
    assert [d.message for d in drift_to(tmp_path, after)] == [
        "`/properties/MaximumRetryAttempts` is now required",
        "`/definitions/OnFailure/properties/Destination` is no longer required",
        (
            "primary identifier changed from `/properties/FunctionName`, `/properties/Qualifier` "
            "to `/properties/FunctionName`"
        ),
        "`/properties/Qualifier` is no longer create-only",
        "`/properties/MaximumEventAgeInSeconds` is now read-only",
        "`/properties/DestinationConfig/OnFailure` is now write-only",
    ]


def test_handlers_permissions_and_descriptions(tmp_path):
    after = mutated()
    del after["handlers"]["list"]
    after["handlers"]["update"]["permissions"] = ["lambda:GetFunction"]
    after["description"] = "Asynchronous invocation options."
    after["properties"]["Qualifier"]["description"] = "A version or an alias."
    del after["definitions"]["OnSuccess"]["properties"]["Destination"]["description"]
    found = drift_to(tmp_path, after)
    assert [(d.kind, d.pointer, d.message) for d in found] == [
        (
            DriftKind.HANDLER_REMOVED,
            "/handlers/list",
            "handler `list` removed (it needed permissions `lambda:ListFunctionEventInvokeConfigs`)",
        ),
        (
            DriftKind.PERMISSION_ADDED,
            "/handlers/update/permissions",
            "handler `update` needs a new permission `lambda:GetFunction`",
        ),
        (
            DriftKind.PERMISSION_REMOVED,
            "/handlers/update/permissions",
            "handler `update` no longer needs permission `lambda:UpdateFunctionEventInvokeConfig`",
        ),
        (DriftKind.DESCRIPTION_CHANGED, "", "description of the type changed"),
        (
            DriftKind.DESCRIPTION_CHANGED,
            "/definitions/OnSuccess/properties/Destination",
            "description of `/definitions/OnSuccess/properties/Destination` changed",
        ),
        (
            DriftKind.DESCRIPTION_CHANGED,
            "/properties/Qualifier",
            "description of `/properties/Qualifier` changed",
        ),
    ]
    assert found[0].before == "lambda:ListFunctionEventInvokeConfigs"
    assert (found[3].before, found[3].after) == (
        EIC_DOC["description"],
        "Asynchronous invocation options.",
    )
    assert found[4].after is None


def test_handler_added_carries_its_permissions(tmp_path):
    before = mutated()
    del before["handlers"]["list"]
    old = read_specs(specs_folder(tmp_path / "a", before), meta_check=False)
    new = read_specs(specs_folder(tmp_path / "b"), meta_check=False)
    assert diff_specs(old, new) == (
        Drift(
            DriftKind.HANDLER_ADDED,
            EIC,
            "/handlers/list",
            None,
            "lambda:ListFunctionEventInvokeConfigs",
            "handler `list` added (permissions `lambda:ListFunctionEventInvokeConfigs`)",
        ),
    )


def test_types_added_and_removed_sorted_by_type_whatever_the_input_order(tmp_path):
    widget = {"typeName": "AWS::Test::Widget", "properties": {"Id": {"type": "string"}}}
    apple = {"typeName": "AWS::Test::Apple", "properties": {"Id": {"type": "string"}}}
    old = read_specs(specs_folder(tmp_path / "a", widget, EIC_DOC), meta_check=False)
    changed = mutated()
    changed["required"] = []
    new = read_specs(specs_folder(tmp_path / "b", changed, apple), meta_check=False)
    found = diff_specs(old, new)
    assert [(d.type_name, d.kind) for d in found] == [
        (EIC, DriftKind.REQUIRED_REMOVED),
        (EIC, DriftKind.REQUIRED_REMOVED),
        ("AWS::Test::Apple", DriftKind.TYPE_ADDED),
        ("AWS::Test::Widget", DriftKind.TYPE_REMOVED),
    ]
    assert [d.message for d in found[2:]] == ["type added", "type removed"]
    assert diff_specs(tuple(reversed(old)), tuple(reversed(new))) == found


def test_two_files_of_one_type_cannot_be_compared(tmp_path):
    twice = read_specs(specs_folder(tmp_path / "a", EIC_DOC, EIC_DOC), meta_check=False)
    with pytest.raises(UsageError) as caught:
        diff_specs(twice, ())
    a, b = tmp_path / "a" / "schema-1.json", tmp_path / "a" / "schema-0.json"
    assert str(caught.value) == f"{a} and {b} both define {EIC}"


def test_properties_inside_items_and_one_of_are_walked(tmp_path):
    base = {
        "typeName": "AWS::Test::Thing",
        "properties": {
            "Rules": {
                "type": "array",
                "items": {"type": "object", "properties": {"Name": {"type": "string"}}},
            },
            "Target": {"oneOf": [{"type": "object", "properties": {"Arn": {"type": "string"}}}]},
        },
    }
    changed = copy.deepcopy(base)
    changed["properties"]["Rules"]["items"]["properties"]["Name"]["type"] = "integer"
    del changed["properties"]["Target"]["oneOf"][0]["properties"]["Arn"]
    old = read_specs(specs_folder(tmp_path / "a", base), meta_check=False)
    new = read_specs(specs_folder(tmp_path / "b", changed), meta_check=False)
    assert [(d.kind, d.pointer) for d in diff_specs(old, new)] == [
        (DriftKind.PROPERTY_REMOVED, "/properties/Target/oneOf/0/properties/Arn"),
        (DriftKind.PROPERTY_RETYPED, "/properties/Rules/items/properties/Name"),
    ]


@pytest.mark.parametrize(
    ("schema", "words"),
    [
        (
            {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}},
            "array of array of integer",
        ),
        ({"$ref": "resource-schema.json#/definitions/On~1Failure"}, "On/Failure"),
        ({"properties": {"A": {}}}, "object"),
        ({"anyOf": [{"type": "string"}, {"type": "string"}]}, "string"),
    ],
)
def test_describe_type(schema, words):
    assert describe_type(schema) == words


def test_a_definition_that_changes_type_retypes_each_property_that_names_it(tmp_path):
    # DestinationConfig's page row shows the definition's type: object, then string.
    after = mutated()
    after["definitions"]["DestinationConfig"] = {"type": "string", "description": "An ARN."}
    found = drift_to(tmp_path, after)
    retyped = [d for d in found if d.kind is DriftKind.PROPERTY_RETYPED]
    assert [(d.pointer, d.message) for d in retyped] == [
        (
            "/properties/DestinationConfig",
            "property `/properties/DestinationConfig` changed type from DestinationConfig "
            "(object) to DestinationConfig (string)",
        )
    ]
    # Its members went with it; the property shows the definition's description, changed.
    assert {d.pointer for d in found if d.kind is DriftKind.PROPERTY_REMOVED} == {
        "/definitions/DestinationConfig/properties/OnFailure",
        "/definitions/DestinationConfig/properties/OnSuccess",
    }
    described = [d for d in found if d.kind is DriftKind.DESCRIPTION_CHANGED]
    assert [(d.pointer, d.after) for d in described] == [
        ("/properties/DestinationConfig", "An ARN.")
    ]


def test_a_property_without_a_description_shows_its_definitions(tmp_path):
    after = mutated()
    after["definitions"]["DestinationConfig"]["description"] = "Where events go."
    found = drift_to(tmp_path, after)
    assert [(d.kind, d.pointer, d.after) for d in found] == [
        (DriftKind.DESCRIPTION_CHANGED, "/properties/DestinationConfig", "Where events go.")
    ]


def test_a_long_chain_of_refs_is_described_so_far():
    # 2,000 hops ended in a RecursionError traceback; 900 wrote a 6 KB type into the report.
    document = {"definitions": {f"A{i}": {"$ref": f"#/definitions/A{i + 1}"} for i in range(2000)}}
    document["definitions"]["A2000"] = {"type": "string"}
    words = describe_type({"$ref": "#/definitions/A0"}, document)
    assert words.startswith("A0 (A1 (A2 (") and words.count("(") == 64


def test_a_property_removed_takes_its_required_and_create_only_marks_with_it():
    from generator.schema import parse_spec

    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    before = parse_spec("a.json", json.dumps(document).encode())
    del document["properties"]["Qualifier"]
    document["required"].remove("Qualifier")
    document["createOnlyProperties"].remove("/properties/Qualifier")
    document["primaryIdentifier"] = ["/properties/FunctionName"]
    after = parse_spec("b.json", json.dumps(document).encode())
    assert [(d.kind, d.pointer) for d in diff_specs([before], [after])] == [
        (DriftKind.PROPERTY_REMOVED, "/properties/Qualifier"),
        (DriftKind.PRIMARY_IDENTIFIER_CHANGED, "/primaryIdentifier"),
    ]


def test_a_choice_inserted_in_a_one_of_reads_as_its_own_members_added():
    # AWS::DevOpsAgent::Service took a GitHub choice at index 2 of a oneOf of nine: by their
    # index, the seven after it read as removed and added again.
    from generator.schema import parse_spec

    def choice(name: str, kind: str = "string") -> dict:
        return {"properties": {name: {"type": kind}}, "required": [name]}

    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["properties"]["Details"] = {"$ref": "#/definitions/Details"}
    names = ["Dynatrace", "Splunk", "ServiceNow"]
    document.setdefault("definitions", {})["Details"] = {
        "type": "object",
        "oneOf": [choice(n) for n in names],
    }
    before = parse_spec("a.json", json.dumps(document).encode())
    details = document["definitions"]["Details"]["oneOf"]
    details.insert(1, choice("GitHub"))
    details[3] = choice("ServiceNow", "integer")  # moved, and retyped
    after = parse_spec("b.json", json.dumps(document).encode())
    assert [(d.kind, d.pointer) for d in diff_specs([before], [after])] == [
        (DriftKind.PROPERTY_ADDED, "/definitions/Details/oneOf/1/properties/GitHub"),
        (DriftKind.PROPERTY_RETYPED, "/definitions/Details/oneOf/3/properties/ServiceNow"),
        (DriftKind.REQUIRED_ADDED, "/definitions/Details/oneOf/1/properties/GitHub"),
    ]


def test_a_definition_renamed_is_one_move_not_its_members_removed_and_added(tmp_path):
    # It was "removed" members, "added" ones, "now required" and a retyped property: a
    # reviewer read a refactor that changes no page as the weightiest of changes.
    after = mutated()
    after["definitions"]["FailureDestination"] = after["definitions"].pop("OnFailure")
    on_failure = after["definitions"]["DestinationConfig"]["properties"]["OnFailure"]
    on_failure["$ref"] = "#/definitions/FailureDestination"
    assert [(d.kind, d.pointer, d.message) for d in drift_to(tmp_path, after)] == [
        (
            DriftKind.MOVED,
            "/definitions/FailureDestination",
            "`/definitions/OnFailure` is now `/definitions/FailureDestination` (the same schema)",
        )
    ]
    # Renamed and changed: no move, its members are compared where they are; the property
    # that names it is not retyped by the name alone.
    after["definitions"]["FailureDestination"]["properties"]["Region"] = {"type": "string"}
    (tmp_path / "2").mkdir()
    kinds = {(d.kind, d.pointer) for d in drift_to(tmp_path / "2", after)}
    assert (DriftKind.PROPERTY_ADDED, "/definitions/FailureDestination/properties/Region") in kinds
    assert not any(kind in (DriftKind.MOVED, DriftKind.PROPERTY_RETYPED) for kind, _ in kinds)


def test_a_schema_made_a_definition_or_written_back_in_place_is_one_move(tmp_path):
    inline = mutated()
    inline["properties"]["DestinationConfig"] = inline["definitions"].pop("DestinationConfig")
    assert [(d.kind, d.pointer, d.before) for d in drift_to(tmp_path, inline)] == [
        (DriftKind.MOVED, "/properties/DestinationConfig", "/definitions/DestinationConfig")
    ]
    before = read_specs(specs_folder(tmp_path / "inline", inline), meta_check=False)
    after = read_specs(specs_folder(tmp_path / "defined"), meta_check=False)
    assert [(d.kind, d.pointer, d.before) for d in diff_specs(before, after)] == [
        (DriftKind.MOVED, "/definitions/DestinationConfig", "/properties/DestinationConfig")
    ]
    # An array's items alike (a list of tags made `Tag`).
    listed, defined = mutated(), mutated()
    for document, items in ((listed, {"type": "string"}), (defined, {"$ref": "#/definitions/T"})):
        document["properties"]["Labels"] = {"type": "array", "items": items}
    defined["definitions"]["T"] = {"type": "string", "description": "A label."}
    before = read_specs(specs_folder(tmp_path / "listed", listed), meta_check=False)
    after = read_specs(specs_folder(tmp_path / "items", defined), meta_check=False)
    assert [(d.kind, d.pointer, d.before) for d in diff_specs(before, after)] == [
        (DriftKind.MOVED, "/definitions/T", "/properties/Labels/items")
    ]


def test_what_the_report_does_not_itemize_is_named_beside_what_it_does(tmp_path):
    # Stop 42 added a required property and an enum value to a schema: the report named the
    # property alone, and a reviewer could not tell that anything else had changed.
    after = mutated()
    after["properties"]["Runtime"] = {"$ref": "#/definitions/Runtime"}
    after["definitions"]["Runtime"] = {"type": "string", "enum": ["python3.13"]}
    after["required"].insert(0, "Runtime")  # a new order besides: lists are sets
    after["handlers"]["update"]["permissions"].insert(0, "lambda:GetFunction")
    after["properties"]["Qualifier"]["pattern"] = "^[a-z]+$"
    after["tagging"]["taggable"] = True
    found = drift_to(tmp_path, after)
    assert [(d.kind, d.pointer, d.after) for d in found] == [
        (DriftKind.PROPERTY_ADDED, "/properties/Runtime", "Runtime (string)"),
        (DriftKind.REQUIRED_ADDED, "/properties/Runtime", "/properties/Runtime"),
        (DriftKind.PERMISSION_ADDED, "/handlers/update/permissions", "lambda:GetFunction"),
        (DriftKind.OTHER_CHANGED, "", "/properties/Qualifier/pattern, /tagging"),
    ]
    assert found[-1].message == (
        "the schema changed where this report does not itemize it, at "
        "`/properties/Qualifier/pattern` and `/tagging`: its page may change too"
    )
    # A choice of its members alone is a rule the report does not itemize; a new definition's
    # own keywords are the property's that names it.
    after = mutated()
    after["definitions"]["DestinationConfig"]["oneOf"] = [
        {"required": ["OnSuccess"]},
        {"required": ["OnFailure"]},
    ]
    (tmp_path / "2").mkdir()
    assert [(d.kind, d.after) for d in drift_to(tmp_path / "2", after)] == [
        (
            DriftKind.OTHER_CHANGED,
            "/definitions/DestinationConfig/oneOf/0/required, "
            "/definitions/DestinationConfig/oneOf/1/required",
        )
    ]
    # What a property's removal takes with it, from every list, is no change of its own;
    # the values of a property removed, retyped or added whole are its.
    after = mutated()
    del after["properties"]["Qualifier"]
    after["required"].remove("Qualifier")
    after["createOnlyProperties"].remove("/properties/Qualifier")
    after["primaryIdentifier"] = ["/properties/FunctionName"]
    after["properties"]["MaximumRetryAttempts"] = {"type": "string", "enum": ["2"]}
    (tmp_path / "3").mkdir()
    assert [(d.kind, d.pointer) for d in drift_to(tmp_path / "3", after)] == [
        (DriftKind.PROPERTY_REMOVED, "/properties/Qualifier"),
        (DriftKind.PROPERTY_RETYPED, "/properties/MaximumRetryAttempts"),
        (DriftKind.PRIMARY_IDENTIFIER_CHANGED, "/primaryIdentifier"),
        (DriftKind.DESCRIPTION_CHANGED, "/properties/MaximumRetryAttempts"),
    ]
    # A definition that nothing names (but itself) is a place of its own, however many
    # keywords it has.
    after = mutated()
    after["definitions"]["Unused"] = {
        "type": "object",
        "properties": {"Again": {"$ref": "#/definitions/Unused"}},
        "additionalProperties": False,
    }
    (tmp_path / "5").mkdir()
    assert [(d.kind, d.after) for d in drift_to(tmp_path / "5", after)] == [
        (DriftKind.PROPERTY_ADDED, "Unused (object)"),
        (DriftKind.OTHER_CHANGED, "/definitions/Unused"),
    ]
    # A list compared as a set, in a new order, and nothing else: said as such.
    after = mutated()
    after["required"].reverse()
    (tmp_path / "4").mkdir()
    assert [d.message for d in drift_to(tmp_path / "4", after)] == [
        "the schema changed only in the order of a list this report compares as a set "
        "(`required`, a handler's `permissions`, the create-only, read-only or write-only "
        "properties), or in an empty list or object: its page may change too"
    ]
