"""Loading schemas: real ones load, cfn-lint's keywords are tolerated, broken ones are errors."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import LAMBDA_SPEC, encrypted

from generator import jsontext, schema, schemacheck
from generator.build import build
from generator.cli import main
from generator.errors import FetchError, SpecError, UsageError
from generator.fetch import parse_type_name
from generator.schema import parse_spec, read_sources, read_spec

DATA = Path(__file__).parent / "data" / "specs"


@pytest.mark.parametrize("path", sorted(DATA.glob("*.json")) + [LAMBDA_SPEC], ids=lambda p: p.name)
def test_real_schemas_load(path):
    spec = read_spec(path)
    assert spec.type_name == json.loads(path.read_bytes())["typeName"]
    assert len(spec.sha256) == 64


def test_cfn_lint_keywords_are_tolerated_silently(caplog):
    text = (DATA / "aws-batch-serviceenvironment.json").read_text()
    assert "enumCaseInsensitive" in text
    with caplog.at_level(logging.WARNING):
        spec = read_spec(DATA / "aws-batch-serviceenvironment.json")
    assert spec.warnings == () and caplog.records == []


def test_other_meta_schema_findings_are_warnings_with_file_and_pointer(caplog, tmp_path):
    path = DATA / "aws-quicksight-approvalpolicy.json"
    spec = read_spec(path)
    assert f'{path}#/properties/Actions/items: "type" is a required property' in spec.warnings
    shutil.copy(path, tmp_path)
    with caplog.at_level(logging.WARNING):
        build(tmp_path)
    assert [r.getMessage() for r in caplog.records] == [
        w.replace(str(path), str(tmp_path / path.name)) for w in spec.warnings
    ]


def test_a_rerun_repeats_the_warnings_of_schemas_it_does_not_parse_again(capsys, tmp_path):
    path = DATA / "aws-quicksight-approvalpolicy.json"
    for folder in ("first", "moved"):
        (tmp_path / folder).mkdir()
        shutil.copy(path, tmp_path / folder)
    out = tmp_path / "out"

    def generate(folder: str) -> list[str]:
        assert main(["generate", "--specs", str(tmp_path / folder), "--out", str(out)]) == 0
        return [line for line in capsys.readouterr().err.splitlines() if "warning" in line]

    first = generate("first")
    assert first and all(f"{tmp_path / 'first' / path.name}#/" in w for w in first)
    assert generate("first") == first  # from the cache: the same warnings
    assert generate("moved") == [w.replace("/first/", "/moved/") for w in first]


def test_a_name_twice_in_one_object_is_a_warning_that_the_last_is_read(capsys, tmp_path):
    text = LAMBDA_SPEC.read_text()
    # a second Qualifier, an integer, before the schema's own string one; a definition's
    # description twice
    text = text.replace('\n "properties": {', '\n "properties": {"Qualifier": {"type": "integer"},')
    text = text.replace(
        '\n  "OnSuccess": {', '\n  "OnSuccess": {"description": "1", "description": "2",'
    )
    (tmp_path / "specs").mkdir()
    path = tmp_path / "specs" / LAMBDA_SPEC.name
    path.write_text(text)
    spec = read_spec(path)
    assert spec.document["properties"]["Qualifier"]["type"] == "string"
    assert spec.warnings == (  # in the file's order
        f'{path}#/definitions/OnSuccess: the name "description" twice in one object: the last '
        "is read",
        f'{path}#/properties: the name "Qualifier" twice in one object: the last is read',
    )
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(path.parent), "--out", str(out)]) == 0
    assert [line for line in capsys.readouterr().err.splitlines() if "twice" in line] == [
        f"warning: {w}" for w in spec.warnings
    ]


def mutated(change) -> bytes:
    document = json.loads(LAMBDA_SPEC.read_bytes())
    change(document)
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d["properties"]["FunctionName"].update({"$ref": "other.json#/x"}),
            "x.json#/properties/FunctionName/$ref: $ref 'other.json#/x' points outside the schema",
        ),
        (
            lambda d: d["handlers"].update(patch={}),
            "x.json#/handlers/patch: unknown handler "
            "(expected create, read, update, delete or list)",
        ),
        (  # escaped in the pointer: it read as /handlers/a, then /b
            lambda d: d["handlers"].update({"a/b": {}}),
            "x.json#/handlers/a~1b: unknown handler "
            "(expected create, read, update, delete or list)",
        ),
        (  # said as JSON says it, not Python's None
            lambda d: d.update(primaryIdentifier=[None]),
            "x.json#/primaryIdentifier/0: null names no property",
        ),
        (
            lambda d: d.pop("primaryIdentifier"),
            "x.json#: no primaryIdentifier, but the schema has handlers",
        ),
        (
            lambda d: d.update(typeName="Lambda::EventInvokeConfig"),
            "x.json#/typeName: 'Lambda::EventInvokeConfig' is not like AWS::Service::Resource "
            "(three parts of 2 to 64 letters or digits)",
        ),
        (  # the list example filters by its column: there is none
            lambda d: d["handlers"]["list"].update(
                handlerSchema={"properties": {"Parent": {}}, "required": ["Parent"]}
            ),
            "x.json#/handlers/list/handlerSchema/required/0: 'Parent' names no property",
        ),
        (  # the meta-schema allows it; `aws.lambda.123s` is no SQL name
            lambda d: d.update(typeName="AWS::Lambda::123"),
            "x.json#/typeName: 'AWS::Lambda::123' has a part that starts with a digit, which no "
            "example's SQL could name (aws.service.resources)",
        ),
        (
            lambda d: d.update(properties={}),
            "x.json#/properties: expected a non-empty object of properties",
        ),
    ],
)
def test_broken_schemas_name_file_and_pointer(change, message):
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", mutated(change))
    assert str(error.value) == message


def test_json_nested_deeper_than_the_parser_reads_is_bad_input():
    # (Python 3.13's parser reads 5,000 levels, which 3.11's does not: 100,000 none reads)
    text = LAMBDA_SPEC.read_text("utf-8")
    deep = '{"a": ' * 100_000 + "{}" + "}" * 100_000
    data = text.replace('"properties"', f'"x-deep": {deep}, "properties"', 1).encode()
    assert said(data) == (
        "x.json#: invalid JSON: nested too deeply to read",
        "x.json: invalid JSON: nested too deeply to read",
    )


def said(data: bytes) -> tuple[str, str]:
    """What parse_spec and fetch's parse_type_name say of bytes that are no schema."""
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", data)
    with pytest.raises(FetchError) as fetch_error:
        parse_type_name("x.json", data)
    return str(error.value), str(fetch_error.value)


@pytest.mark.parametrize(
    "value, message",
    [
        # Named at "#" alone, till their place was found by reading them as markers.
        (
            "NaN",
            "x.json#/properties/MaximumRetryAttempts/maximum: invalid JSON: NaN is not a JSON number",
        ),
        (
            "-Infinity",
            "x.json#/properties/MaximumRetryAttempts/maximum: invalid JSON: -Infinity is not a JSON number",
        ),
        (
            "1e400",
            "x.json#/properties/MaximumRetryAttempts/maximum: invalid JSON: 1e400 is past the range of a number",
        ),
        (
            "9" * 5000,
            "x.json#/properties/MaximumRetryAttempts/maximum: invalid JSON: an integer of more than 4300 digits",
        ),
        (
            '"a\\ud800"',
            "x.json#/properties/MaximumRetryAttempts/maximum: invalid JSON: a lone "
            "surrogate (\\ud800) is not a character",
        ),
    ],
    ids=["nan", "infinity", "out of range", "long integer", "lone surrogate"],
)
def test_json_that_python_reads_but_no_file_can_hold_is_bad_input(value, message):
    document = json.loads(LAMBDA_SPEC.read_bytes())
    document["properties"]["MaximumRetryAttempts"]["maximum"] = "@"
    data = json.dumps(document, indent=1).replace('"@"', value).encode()
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", data)
    assert str(error.value) == message
    assert "Traceback" not in message


def test_bytes_that_are_not_utf_8_are_named_at_their_line_and_column():
    # Named at line 1 always, with the byte offset for a column.
    data = b'{"typeName": "AWS::Demo::Thing",\n "description": "caf\xe9"}'
    assert said(data) == ("x.json:2:21: not UTF-8 text (byte 0xe9)",) * 2
    # After a byte order mark, which Python's json reads past, not counting it.
    assert said(b"\xef\xbb\xbf" + data) == ("x.json:2:21: not UTF-8 text (byte 0xe9)",) * 2


def test_the_bytes_of_a_lone_surrogate_are_not_text():
    # UTF-8's bytes of \ud800, which Python's json reads as that character (it decodes with
    # surrogatepass): the page then failed to be written, a traceback.
    data = b'{"typeName": "AWS::Demo::Thing",\n "description": "a\xed\xa0\x80"}'
    assert said(data) == ("x.json:2:19: not UTF-8 text (byte 0xed)",) * 2
    # In UTF-16, a lone surrogate is two bytes.
    text = '{"typeName": "AWS::Demo::Thing",\n "description": "a@"}'.encode("utf-16-le")
    data = text.replace("@".encode("utf-16-le"), b"\x00\xd8")
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", data)
    assert str(error.value) == (
        "x.json:2:19: invalid JSON: not UTF-16-LE text (illegal UTF-16 surrogate)"
    )


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.replace('"$ref": ', '"$ref"\n\t :  ').encode(),
        lambda text: text.replace('"$ref"', '"\\u0024re\\u0066"').encode(),
        lambda text: text.encode("utf-16"),
    ],
    ids=["spacing", "escaped key", "utf-16"],
)
def test_a_broken_ref_is_found_however_the_json_text_writes_it(encode):
    document = json.loads(LAMBDA_SPEC.read_bytes())
    document["properties"]["FunctionName"].update({"$ref": "#/definitions/Gone"})
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", encode(json.dumps(document, indent=1)))
    assert str(error.value) == (
        "x.json#/properties/FunctionName/$ref: $ref '#/definitions/Gone' names no definition"
    )


@pytest.mark.parametrize(
    "text",
    [
        b'{"a": {"$ref": "#/b"}, "b": [{"$ref" :"#/c\\u00e9"}, {"$ref": 1}]}',
        b'{"a": {"\\u0024ref": "#/b"}, "c": {"$ref": "#/d"}}',  # written out again to scan
        b'{"a": {"x\\"$ref": "#/b"}, "c": {"$ref": "#/d"}}',  # the scan takes #/b for a $ref
        b'{"a": {"$ref": "#/b"}, "n": "\\"\\\\"}',
    ],
)
def test_the_refs_the_parser_read_stand_for_the_scan_of_the_text(text):
    refs: set[str] = set()
    document = jsontext.loads(text, [], refs)
    assert schemacheck._ref_targets(document, text, refs) == schemacheck._ref_targets(
        document, text
    )


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d["definitions"]["OnSuccess"].update(required="Destination"),
            "x.json#/definitions/OnSuccess/required: expected an array of strings, got string",
        ),
        (
            lambda d: d.update(allOf={"required": ["FunctionName"]}),
            "x.json#/allOf: expected an array of schemas, got object",
        ),
        (
            lambda d: d["properties"]["DestinationConfig"].update(oneOf=[5]),
            "x.json#/properties/DestinationConfig/oneOf/0: expected a schema, got integer",
        ),
        (
            lambda d: d["properties"]["FunctionName"].update(pattern=["^a"]),
            "x.json#/properties/FunctionName/pattern: expected a string, got array",
        ),
        (
            lambda d: d["properties"]["MaximumRetryAttempts"].update(enum=2),
            "x.json#/properties/MaximumRetryAttempts/enum: expected an array, got integer",
        ),
        (
            lambda d: d["definitions"]["OnSuccess"].update(maxProperties=-1),
            "x.json#/definitions/OnSuccess/maxProperties: expected a non-negative integer, got -1",
        ),
        (
            lambda d: d["definitions"]["DestinationConfig"].update(dependencies={"OnSuccess": 3}),
            "x.json#/definitions/DestinationConfig/dependencies/OnSuccess: expected a schema, "
            "got integer",
        ),
        (
            lambda d: d["handlers"]["list"]["handlerSchema"].update(required=[{}]),
            # (named at the item: it said "an array of strings, got array")
            "x.json#/handlers/list/handlerSchema/required/0: expected a string, got object",
        ),
        # Names are written as is in SQL columns, placeholders and patch paths.
        (
            lambda d: d["properties"].update({"Foo-Bar": {"type": "string"}}),
            "x.json#/properties/Foo-Bar: expected a property name of letters and digits only, "
            "got 'Foo-Bar'",
        ),
        (
            lambda d: d["definitions"]["OnSuccess"]["properties"].update({'a/"b': {}}),
            'x.json#/definitions/OnSuccess/properties/a~1"b: expected a property name of '
            "letters and digits only, got 'a/\"b'",
        ),
        # A type would show in the Fields table as written.
        (
            lambda d: d["properties"]["FunctionName"].update(type="strin"),
            "x.json#/properties/FunctionName/type: expected a JSON Schema type (array, boolean, "
            "integer, null, number, object, string), got 'strin'",
        ),
        (
            lambda d: d["definitions"]["OnSuccess"].update(type=["object", "map"]),
            "x.json#/definitions/OnSuccess/type: expected a JSON Schema type (array, boolean, "
            "integer, null, number, object, string), got 'map'",
        ),
        # cfn-lint's choices decide the examples, and the mock holds pages to them.
        (
            lambda d: d.update(requiredXor="FunctionName"),
            "x.json#/requiredXor: expected an array of strings, got string",
        ),
        (
            lambda d: d["definitions"]["OnSuccess"].update(dependentRequired={"A": "B"}),
            "x.json#/definitions/OnSuccess/dependentRequired/A: expected an array of strings, "
            "got string",
        ),
        (
            lambda d: d.update(dependentExcluded=["A"]),
            "x.json#/dependentExcluded: expected an object of arrays of names, got array",
        ),
        # Descriptions are escaped as text; pointer lists decide columns and patches.
        (
            lambda d: d.update(description=5),
            "x.json#/description: expected a string, got integer",
        ),
        (
            lambda d: d["definitions"]["OnSuccess"].update(description=["a"]),
            "x.json#/definitions/OnSuccess/description: expected a string, got array",
        ),
        (
            lambda d: d["handlers"]["read"]["permissions"].append("```\n{x"),
            "x.json#/handlers/read/permissions/1: expected an IAM action like "
            "lambda:GetFunction, got '```\\n{x'",
        ),
        (
            lambda d: d["properties"].update(VPCId={"type": "string"}, VpcId={"type": "string"}),
            "x.json#/properties/VpcId: its column 'vpc_id' is also the column of VPCId",
        ),
        (
            lambda d: d["properties"].update(region={"type": "string"}),
            "x.json#/properties/region: the name of StackQL's region column",
        ),
        (  # the SELECT list read `where` as a WHERE clause (found by fuzzing)
            lambda d: d["properties"].update(Where={"type": "string"}),
            "x.json#/properties/Where: its column 'where' is a word of SQL, which no example's "
            "SQL could name as a column",
        ),
        (
            lambda d: d["properties"].update({"1X": {"type": "string"}}),
            "x.json#/properties/1X: its column '1_x' is a name that starts with a digit, which no "
            "example's SQL could name as a column",
        ),
        (
            lambda d: d["required"].append("FunctionArn"),
            "x.json#/required/2: 'FunctionArn' names no property",
        ),
        (
            lambda d: d.update(readOnlyProperties="/properties/FunctionName"),
            "x.json#/readOnlyProperties: expected an array of JSON pointers, got string",
        ),
        (
            lambda d: d.update(readOnlyProperties=[5]),
            "x.json#/readOnlyProperties/0: expected a JSON pointer like /properties/Name, "
            "got integer",
        ),
        (
            lambda d: d.update(createOnlyProperties=["FunctionName"]),
            "x.json#/createOnlyProperties/0: expected a JSON pointer like /properties/Name, "
            "got 'FunctionName'",
        ),
        (
            lambda d: d.update(createOnlyProperties=None),
            "x.json#/createOnlyProperties: expected an array of JSON pointers, got null",
        ),
        (
            lambda d: d.update(deprecatedProperties=[1]),
            "x.json#/deprecatedProperties/0: expected a JSON pointer like /properties/Name, "
            "got integer",
        ),
        (
            lambda d: d.update(deprecatedProperties="/properties/Qualifier"),
            "x.json#/deprecatedProperties: expected an array of JSON pointers, got string",
        ),
        (
            lambda d: d.update(conditionalCreateOnlyProperties={"Qualifier": True}),
            "x.json#/conditionalCreateOnlyProperties: expected an array of JSON pointers, "
            "got object",
        ),
        # The mock reads the additional identifiers.
        (
            lambda d: d.update(additionalIdentifiers=["/properties/FunctionName"]),
            "x.json#/additionalIdentifiers/0: expected an array of JSON pointers, got string",
        ),
        (
            lambda d: d.update(additionalIdentifiers=[["FunctionName"]]),
            "x.json#/additionalIdentifiers/0/0: expected a JSON pointer like /properties/Name, "
            "got 'FunctionName'",
        ),
        # Every value would divide by it.
        (
            lambda d: d["properties"]["MaximumRetryAttempts"].update(multipleOf=0),
            "x.json#/properties/MaximumRetryAttempts/multipleOf: expected a number above 0, got 0",
        ),
        # A $ref names a schema: an object or a boolean.
        (
            lambda d: d["properties"]["Qualifier"].update({"$ref": "#/required"}),
            "x.json#/properties/Qualifier/$ref: $ref '#/required' names an array, not a schema",
        ),
    ],
)
def test_keywords_of_the_wrong_shape_name_file_and_pointer(change, message):
    # The meta-schema check only warns; these would stop the generator mid-page.
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", mutated(change))
    assert str(error.value) == message


def _nested(levels: int) -> dict:
    """A schema of `levels` oneOf, each inside the one before."""
    node: dict = {"type": "string"}
    for _ in range(levels):
        node = {"oneOf": [node, {"type": "string"}]}
    return node


def test_a_schema_nested_past_what_the_generator_reads_is_bad_input():
    # 400 levels ended in a RecursionError traceback, in generate and in the preview; AWS's
    # deepest schema nests 12 levels.
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", mutated(lambda d: d["properties"].update(Deep=_nested(400))))
    assert str(error.value) == (
        "x.json#/properties/Deep" + "/oneOf/0" * 50 + ": nested deeper than 100 levels"
    )
    parse_spec("x.json", mutated(lambda d: d["properties"].update(Deep=_nested(40))))
    # Nesting through a keyword the generator does not read: past what the meta-schema check
    # reads (jsonschema-rs's ValueError "Recursion limit reached").
    node: dict = {"type": "string"}
    for _ in range(900):
        node = {"type": "object", "propertyNames": node}
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", mutated(lambda d: d["properties"].update(Deep=node)))
    assert str(error.value) == (
        "x.json#: nested too deeply to check against the CloudFormation meta-schema"
    )


@pytest.mark.parametrize(("hops", "kind"), [(50, "integer | string"), (2000, "string")])
def test_a_long_chain_of_refs_is_followed_so_far_and_builds(tmp_path, hops, kind):
    # Each hop is a recursion of whatever reads the schema: 2,000 ended in a RecursionError.
    # 64 are followed (the chain's integer is read through 50), the rest reads as a loop.
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["properties"]["Deep"] = {"$ref": "#/definitions/A0"}
    for i in range(hops):
        document["definitions"][f"A{i}"] = {
            "oneOf": [{"$ref": f"#/definitions/A{i + 1}"}, {"type": "string"}]
        }
    document["definitions"][f"A{hops}"] = {"type": "integer"}
    (tmp_path / LAMBDA_SPEC.name).write_text(json.dumps(document), "utf-8")
    site = build(tmp_path)
    assert next(f for f in site.resources[0].fields if f.name == "deep").type == kind


def test_refs_that_only_loop_are_bad_input_where_anything_else_leads_into_them():
    # No schema at the end: a page would invent a type for it, and no value fills it.
    document = json.loads(LAMBDA_SPEC.read_bytes())
    document["definitions"].update(
        A={"$ref": "#/definitions/B"},
        B={"$ref": "#/definitions/A", "description": "beside the $ref: not a schema of it"},
        Unused={"$ref": "#/definitions/Unused"},  # as EC2's VerifiedAccessTrustProvider has
    )
    parse_spec("x.json", json.dumps(document).encode())  # nothing leads into them
    document["properties"]["Loop"] = {"type": "array", "items": {"$ref": "#/definitions/B"}}
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", json.dumps(document).encode())
    assert str(error.value) == (
        "x.json#/properties/Loop/items/$ref: $ref '#/definitions/B' leads only to $refs that "
        "loop (#/definitions/A -> #/definitions/B): no schema"
    )


@pytest.mark.parametrize(
    ("refs", "pointer", "message"),
    [
        (  # a property that names itself: the loop is in use, on the page
            {"properties": {"DestinationConfig": "#/properties/DestinationConfig"}},
            "/properties/DestinationConfig/$ref",
            "$ref '#/properties/DestinationConfig' leads only to $refs that loop "
            "(#/properties/DestinationConfig): no schema",
        ),
        (
            {"properties": {"A": "#/properties/B", "B": "#/properties/A"}},
            "/properties/A/$ref",
            "$ref '#/properties/B' leads only to $refs that loop "
            "(#/properties/A -> #/properties/B): no schema",
        ),
        (
            {
                "definitions": {"X": "#/properties/DestinationConfig"},
                "properties": {"DestinationConfig": "#/definitions/X"},
            },
            "/properties/DestinationConfig/$ref",
            "$ref '#/definitions/X' leads only to $refs that loop "
            "(#/definitions/X -> #/properties/DestinationConfig): no schema",
        ),
        (  # a member of a definition
            {"definitions": {"OnFailure": None}},
            "/definitions/OnFailure/properties/Destination/$ref",
            "$ref '#/definitions/OnFailure/properties/Destination' leads only to $refs that "
            "loop (#/definitions/OnFailure/properties/Destination): no schema",
        ),
    ],
)
def test_a_loop_of_refs_through_a_property_or_member_is_bad_input(refs, pointer, message):
    document = json.loads(LAMBDA_SPEC.read_bytes())
    for place, named in refs.items():
        for name, ref in named.items():
            if ref is None:  # (its member Destination names itself)
                member = "#/definitions/OnFailure/properties/Destination"
                document["definitions"]["OnFailure"]["properties"]["Destination"] = {"$ref": member}
            else:
                document[place][name] = {"$ref": ref}
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", json.dumps(document).encode())
    assert str(error.value) == f"x.json#{pointer}: {message}"


@pytest.mark.parametrize("links", [63, 64, 3000])
def test_a_chain_of_refs_past_64_hops_reads_as_a_loop(links):
    # The property's $ref and 63 links are 64 hops, followed; one more, and the chain is
    # bad input as a loop is (its end was read as no schema, its property as a string).
    document = json.loads(LAMBDA_SPEC.read_bytes())
    definitions = document["definitions"]
    for i in range(links):
        definitions[f"D{i}"] = {"$ref": f"#/definitions/D{i + 1}"}
    definitions[f"D{links}"] = definitions["DestinationConfig"]
    document["properties"]["DestinationConfig"] = {"$ref": "#/definitions/D0"}
    if links == 63:
        parse_spec("x.json", json.dumps(document).encode())
        return
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", json.dumps(document).encode())
    assert str(error.value) == (
        "x.json#/properties/DestinationConfig/$ref: $ref '#/definitions/D0' leads through "
        "more than 64 $refs: no schema"
    )
    del document["properties"]["DestinationConfig"]  # a chain nothing uses is left alone
    parse_spec("x.json", json.dumps(document).encode())


def test_handler_schema_refs_into_the_resource_schema_resolve():
    # The list handler's handlerSchema refers to `resource-schema.json#/properties/...`.
    assert "resource-schema.json#/properties/FunctionName" in LAMBDA_SPEC.read_text()
    read_spec(LAMBDA_SPEC)


def test_lock_and_temporary_files_are_not_schemas(tmp_path):
    (tmp_path / "specs.lock.json").write_text("{}")
    (tmp_path / ".aws-x-y.json.tmp-1.json").write_text("{")
    (tmp_path / "a.json").write_bytes(LAMBDA_SPEC.read_bytes())
    assert [p.name for p in schema.spec_files(tmp_path)] == ["a.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_of_schemas_is_bad_input(tmp_path):
    folder = tmp_path / "specs"
    folder.mkdir()
    shutil.copy(LAMBDA_SPEC, folder)
    folder.chmod(0)
    try:
        with pytest.raises(UsageError, match=r"specs: cannot read: Permission denied"):
            schema.spec_files(folder)
    finally:
        folder.chmod(0o755)


def test_a_zip_is_read_as_fetch_reads_it(tmp_path):
    archive = tmp_path / "CloudformationSchema.zip"
    data = LAMBDA_SPEC.read_bytes()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(LAMBDA_SPEC.name, data)
        z.writestr("__MACOSX/._" + LAMBDA_SPEC.name, b"\x00\x05\x16\x07")  # macOS metadata
        z.writestr(".hidden.json", b"not json")
        z.writestr("docs/", b"")
        z.writestr("README.txt", b"not a schema")
    assert [(s.name, s.data) for s in read_sources(archive)] == [(LAMBDA_SPEC.name, data)]


def test_a_zip_cut_short_is_told_damaged_not_no_zip(tmp_path, capsys):
    # (a download cut short: the zip's index, at its end, is missing)
    archive = tmp_path / "CloudformationSchema.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(LAMBDA_SPEC.name, LAMBDA_SPEC.read_bytes())
    archive.write_bytes(archive.read_bytes()[:300])
    assert main(["generate", "--specs", str(archive), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"error: {archive}: a damaged zip: its index (at the end) is missing or bad\n"
    )
    archive.write_bytes(b"plain text")
    assert main(["generate", "--specs", str(archive), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"error: {archive}: neither a folder of schemas nor a zip of them\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_zip_holding_one_name_twice_is_bad_input(tmp_path):
    archive = tmp_path / "twice.zip"
    with zipfile.ZipFile(archive, "w") as z, pytest.warns(UserWarning):
        z.writestr(LAMBDA_SPEC.name, LAMBDA_SPEC.read_bytes())
        z.writestr(LAMBDA_SPEC.name, b"{}")
    with pytest.raises(
        UsageError, match=r"twice\.zip!aws-lambda-eventinvokeconfig\.json: in the zip twice"
    ):
        read_sources(archive)


def test_an_encrypted_zip_is_bad_input(tmp_path):
    archive = tmp_path / "locked.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(LAMBDA_SPEC.name, LAMBDA_SPEC.read_bytes())
    archive.write_bytes(encrypted(archive.read_bytes()))
    with pytest.raises(
        UsageError,
        match=r"locked\.zip!aws-lambda-eventinvokeconfig\.json: encrypted in the zip \(it needs",
    ):
        read_sources(archive)


def test_a_zip_member_name_that_is_not_utf_8_is_bad_input(tmp_path):
    archive = tmp_path / "names.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("caf\u00e9.json", LAMBDA_SPEC.read_bytes())  # stored as UTF-8, flagged so
    archive.write_bytes(archive.read_bytes().replace("\u00e9".encode(), b"\xff\xfe"))
    with pytest.raises(UsageError, match=r"names\.zip: not a readable zip file \('utf-8' codec"):
        read_sources(archive)


@pytest.mark.skipif(sys.platform != "linux", reason="a file name of any bytes")
def test_a_schema_file_name_that_is_not_utf_8_is_bad_input(tmp_path):
    folder = tmp_path / "specs"
    folder.mkdir()
    shutil.copy(LAMBDA_SPEC, os.fsdecode(bytes(folder) + b"/x\xfe.json"))
    with pytest.raises(UsageError) as error:
        read_sources(folder)
    assert str(error.value) == f"{folder}: 'x\\udcfe.json' is not a UTF-8 file name"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_schema_that_is_no_regular_file_is_bad_input(specs, tmp_path):
    fifo = specs / "aws-s-fifo.json"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    argv = [sys.executable, "-m", "generator", "generate", "--specs", str(specs)]
    done = subprocess.run(
        [*argv, "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr == f"error: {fifo}#: cannot read: not a regular file\n"
    assert not (tmp_path / "out").exists()


def test_listed_files_are_labelled_by_their_paths(tmp_path, monkeypatch):
    (tmp_path / "specs").mkdir()
    for name in ("b.json", "a.json"):
        (tmp_path / "specs" / name).write_bytes(LAMBDA_SPEC.read_bytes())
    monkeypatch.chdir(tmp_path / "specs")
    for folder in (Path("."), Path(""), Path("../specs/"), tmp_path / "specs"):
        files = schema.spec_files(folder)
        listed = schema.list_sources(folder)
        assert [(s.name, s.label) for s in listed] == [(p.name, str(p)) for p in files]


@pytest.mark.parametrize(
    ("lifecycle", "message"),
    [
        (5, "#/lifecycle: expected an object of a status and, if any, a date, got integer"),
        ({}, "#/lifecycle: expected a status, got none"),
        ({"status": 5}, "#/lifecycle/status: expected a status (a string), got integer"),
        (
            {"status": "sunset", "date": "not-a-date"},
            "#/lifecycle/date: expected a date like 2025-07-31, got 'not-a-date'",
        ),
        (
            {"status": "sunset", "date": "2025-02-30"},
            "#/lifecycle/date: expected a date like 2025-07-31, got '2025-02-30'",
        ),
        (
            {"status": "sunset", "date": 5},
            "#/lifecycle/date: expected a date like 2025-07-31, got integer",
        ),
    ],
)
def test_a_lifecycle_of_the_wrong_shape_is_bad_input(lifecycle, message):
    # The page's note would say "with not-a-date as the date of its shutdown".
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", mutated(lambda d: d.update(lifecycle=lifecycle)))
    assert str(error.value) == "x.json" + message


def test_a_lifecycle_status_without_a_note_is_a_warning():
    spec = parse_spec("x.json", mutated(lambda d: d.update(lifecycle={"status": "frobbed"})))
    assert spec.warnings == (
        "x.json#/lifecycle/status: 'frobbed' is none of shutdown, sunset, maintenance: the "
        "page says nothing of it",
    )
    spec = parse_spec("x.json", mutated(lambda d: d.update(lifecycle={"status": "sunset"})))
    assert spec.warnings == ()


def test_pointers_that_name_no_property_are_warned_of_and_the_page_reads_without_them(tmp_path):
    # A trailing slash made a note of write-only `Qualifier.`, and a create-only member that
    # is not there took DestinationConfig out of the UPDATE.
    def change(document):
        document["writeOnlyProperties"] = ["/properties/Qualifier/"]
        document["createOnlyProperties"].append("/properties/DestinationConfig/OnFailure/Nope")
        document["readOnlyProperties"] = ["/properties/Nope"]
        document["additionalIdentifiers"] = [["/properties/Nope"]]

    spec = parse_spec("x.json", mutated(change))
    at = "names no property: the pages read the list without it"
    assert [w for w in spec.warnings if "names no property" in w] == [
        f"x.json#/readOnlyProperties/0: '/properties/Nope' {at}",
        f"x.json#/writeOnlyProperties/0: '/properties/Qualifier/' {at}",
        f"x.json#/createOnlyProperties/2: '/properties/DestinationConfig/OnFailure/Nope' {at}",
        f"x.json#/additionalIdentifiers/0/0: '/properties/Nope' {at}",
    ]
    (tmp_path / LAMBDA_SPEC.name).write_bytes(mutated(change))
    site = build(tmp_path, models=False)
    expected = build(LAMBDA_SPEC.parent, models=False)
    assert {p.path: p.text for p in site.pages} == {p.path: p.text for p in expected.pages}
    # Members through array items, branches and patternProperties are named all the same.
    doc = {
        "properties": {"A": {"type": "array", "items": {"$ref": "#/definitions/B"}}},
        "definitions": {"B": {"anyOf": [{"properties": {"C": {"patternProperties": {".": {}}}}}]}},
    }
    assert schemacheck.names_member(doc, "/properties/A/*/C/anything")
    assert not schemacheck.names_member(doc, "/properties/A/C")


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_invalid_json_is_named_by_line_and_column_whatever_its_line_breaks(newline):
    # Python's json counts LFs only: a file of CRs (an old Mac's) was all line 1, `1:2001`.
    text = newline.join([b"{", b'  "typeName": "AWS::A::B",', b'  "properties": x}'])
    with pytest.raises(SpecError) as error:
        parse_spec("x.json", text)
    assert str(error.value) == "x.json:3:17: invalid JSON: Expecting value"
