"""`validate`: every example of the published pages run against the mock Cloud Control API.

Broken pages are the committed page copied into a temporary output folder and edited, one
defect each; they run through the command line as a user runs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import LAMBDA_SPEC, ROOT, SPECS

import generator.validate
from generator.cli import main
from generator.validate import validate

PAGE = "aws/lambda/event_invoke_configs/index.mdx"
COMMITTED = ROOT / "output" / PAGE
SEED = ROOT / "tests" / "data" / "mdx" / "seed.md"
KNOWN_ISSUES = SPECS / "known-issues.yaml"
TYPE = "AWS::Lambda::EventInvokeConfig"
SUMMARY_OK = (
    "1 page, 1 passed; 7 examples: 7 passed, 0 failed (0 known), 0 not run; coverage 100.0%\n"
)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder holding a copy of the committed page."""
    folder = tmp_path / "out"
    (folder / PAGE).parent.mkdir(parents=True)
    shutil.copy(COMMITTED, folder / PAGE)
    return folder


def edit(out: Path, old: str, new: str) -> int:
    """Replace text of the page once; the page line where the text was."""
    page = out / PAGE
    text = page.read_text("utf-8")
    assert text.count(old) >= 1, old
    page.write_text(text.replace(old, new, 1), "utf-8")
    return text[: text.index(old)].count("\n") + 1


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `stackql-docgen validate ARGV`; the exit code, stdout and stderr."""
    code = main(["validate", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def findings(capsys: pytest.CaptureFixture[str], specs: Path, out: Path) -> list[str]:
    """The finding lines of a validation, which must exit 1."""
    code, text, err = run(capsys, "--specs", str(specs), "--out", str(out))
    assert (code, err) == (1, "")
    return text.splitlines()[:-1]


def test_the_committed_page_passes_every_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, text, err = run(capsys, "--specs", str(SPECS), "--out", str(ROOT / "output"))
    assert (code, text, err) == (0, SUMMARY_OK, "")


def mutated(specs: Path, tmp_path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    """The specs' schema changed in place by `change`, and its page generated; the output."""
    schema = specs / LAMBDA_SPEC.name
    document = json.loads(schema.read_text("utf-8"))
    change(document)
    schema.write_text(json.dumps(document), "utf-8")
    out = tmp_path / "generated"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    return out


def test_a_read_only_pointer_that_names_no_property_is_made_up_by_no_one(
    specs: Path, tmp_path, capsys
) -> None:
    # The mock made up a value for `Nope` and then refused its own resource (extraneous key).
    out = mutated(
        specs, tmp_path, lambda d: d.setdefault("readOnlyProperties", []).append("/properties/Nope")
    )
    assert run(capsys, "--specs", str(specs), "--out", str(out))[:2] == (0, SUMMARY_OK)


def test_a_boolean_schema_allows_anything(specs: Path, tmp_path, capsys) -> None:
    out = mutated(specs, tmp_path, lambda d: d["definitions"].update(OnFailure=True))
    # The meta-schema asks for an object; true is a legal JSON schema all the same.
    warning = (
        f"warning: {specs / LAMBDA_SPEC.name}#/definitions/OnFailure: "
        'true is not of type "object"\n'
    )
    assert run(capsys, "--specs", str(specs), "--out", str(out)) == (0, SUMMARY_OK, warning)


@pytest.mark.parametrize(
    "ids",
    [
        {"$schema": 5},  # a traceback: 'int' object has no attribute 'rstrip'
        {"$id": 5},  # ... no attribute 'startswith'
        # The list handler's `resource-schema.json#/...` refs resolved against it: unresolvable.
        {"$id": "https://example.com/x.json"},
    ],
)
def test_an_id_or_schema_keyword_changes_no_ref(specs: Path, tmp_path, capsys, ids) -> None:
    out = mutated(specs, tmp_path, lambda d: d.update(ids))
    code, text, err = run(capsys, "--specs", str(specs), "--out", str(out))
    assert (code, text) == (0, SUMMARY_OK) and "Traceback" not in err


@pytest.mark.parametrize(
    ("schema", "reason"),
    [
        (
            {"type": "string", "minLength": 10**30},
            "minLength 1000000000000000000000000000000 is past what an example can hold",
        ),
        (
            {"type": "array", "items": {"type": "string"}, "minItems": 10**12},
            "minItems 1000000000000 is past what an example can hold",
        ),
        ({"type": "object", "minProperties": 10**9}, "minProperties 1000000000 is past"),
    ],
)
def test_a_count_past_what_an_example_can_hold_is_a_finding(
    specs: Path, tmp_path, capsys, schema: dict[str, Any], reason: str
) -> None:
    def add(document: dict[str, Any]) -> None:
        document["properties"]["Extra"] = schema
        document["required"].append("Extra")

    out = mutated(specs, tmp_path, add)
    found = findings(capsys, specs, out)
    [insert] = [f for f in found if ": INSERT required: " in f]
    assert insert.partition(": INSERT required: ")[2].startswith(
        f"cannot fill {{{{ Extra }}}}: #/properties/Extra: {reason}"
    )
    assert all(("(Cloud Control carries 262144 characters at most)" in f) for f in found[:2])


def test_a_ref_that_loops_back_to_the_root_is_a_finding(specs: Path, tmp_path, capsys) -> None:
    out = mutated(specs, tmp_path, lambda d: d.update(oneOf=[{"$ref": "#"}]))
    found = findings(capsys, specs, out)
    page = out / PAGE
    assert found[0] == (
        f"{page}:93: SELECT list: not run: no resource to run it on (a sample resource failed: "
        "#/oneOf/0: $ref '#' loops back to itself)"
    )
    assert found[2].startswith(
        f"{page}:128: INSERT required: ValidationException: Model validation failed (#: "
    )
    assert len(found) == 7


def test_a_schema_too_deep_through_its_refs_to_check_is_each_examples_finding(
    specs: Path, tmp_path, capsys
) -> None:
    # The validator and the samples read a schema by recursion, once per $ref: 300 hops of
    # oneOf ended in a RecursionError traceback.
    def chain(document: dict) -> None:
        document["properties"]["Deep"] = {"$ref": "#/definitions/A0"}
        for i in range(300):
            document["definitions"][f"A{i}"] = {
                "oneOf": [{"$ref": f"#/definitions/A{i + 1}"}, {"type": "string"}]
            }
        document["definitions"]["A300"] = {"type": "string"}

    out = mutated(specs, tmp_path, chain)
    found = findings(capsys, specs, out)
    assert len(found) == 7
    assert all(
        line.endswith(": the schema nests too deeply to check a value against it (RecursionError)")
        for line in found
    )


def test_the_seed_pages_list_example_fails_with_cloud_controls_message(
    specs: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEED, out / PAGE)
    page = out / PAGE
    assert findings(capsys, specs, out) == [
        f"{page}:79: SELECT list: InvalidRequestException: Missing or invalid ResourceModel "
        f"property in {TYPE} list handler request input.Required property: (#: required key "
        "[FunctionName] not found) (list_resources requires data__ResourceModel, missing from "
        "the WHERE clause)",
        # the seed's DELETE names one part where the identifier has two: the delete handler
        # finds nothing (a FAILED request, its error code the handler's)
        f"{page}:184: DELETE: NotFound: Resource of type '{TYPE}' with "
        "identifier '<FunctionName|Qualifier>' was not found.",
        f"{page}: UPDATE: missing: the type's handlers call for the UPDATE example",
    ]


def test_a_placeholder_with_a_brace_too_few_or_too_many_fails(
    specs: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The mock would take each as text, which a free-form string takes; a reader's template
    # engine refuses `{{ Name }` and fills `{{ Name }}}` with a brace left over.
    page = out / PAGE
    text = page.read_text("utf-8")
    lines = text.splitlines()
    first = lines.index(" '{{ FunctionName }}',")  # the Required Properties INSERT's
    lines[first] = " '{{ FunctionName }',"
    page.write_text("\n".join(lines) + "\n", "utf-8")
    found = findings(capsys, specs, out)
    assert (
        found
        == [
            f"{page}:{first + 1}: INSERT required: {{{{ FunctionName }} is no placeholder, a brace "
            "too few or too many: write {{ Name }} (column 3)"
        ]
        + found[1:]
    )
    assert all("INSERT required" not in f for f in found[1:])


def test_an_example_the_page_lacks_is_counted_in_the_summary(
    specs: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = out / PAGE
    text = page.read_text("utf-8")
    start = text.index("## `DELETE` example")
    page.write_text(text[:start], "utf-8")  # the section gone, to the page's end
    code, report, _ = run(capsys, "--specs", str(specs), "--out", str(out))
    assert code == 1
    assert f"{page}: DELETE: missing: the type's handlers call for the DELETE example" in report
    summary = report.splitlines()[-1]
    assert summary.startswith("1 page, 0 passed; 6 examples: 6 passed, 0 failed (0 known), 0 ")
    assert summary.endswith("not run, 1 missing from its page; coverage 85.7%")


def test_a_resource_model_that_is_no_string_is_what_stackql_sends(
    specs: Path, out: Path, capsys
) -> None:
    # StackQL sends a plain literal holding a JSON object as that object; Cloud Control's
    # ResourceModel is text. The form StackQL's pages wrote before, which our pages fixed.
    model = """data__ResourceModel = string('{"FunctionName": "<FunctionName>"}')"""
    edit(out, model, model.replace("string(", "").replace("')", "'"))
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:93: SELECT list: SerializationException: START_OBJECT can not be "
        "converted to a String (ResourceModel) (StackQL sends data__ResourceModel = '...' "
        "holding a JSON object or array as that JSON, and Cloud Control wants text: write "
        "string('...'))"
    ]


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (
            "data__TypeName = 'AWS::Lambda::EventInvokeConfig'",
            "data__TypeName = 'AWS::Lambda::Permission'",
            "lists data__TypeName 'AWS::Lambda::Permission', not this page's type "
            "AWS::Lambda::EventInvokeConfig",
        ),
        (  # a path that names nothing there: NULL on every row
            "'$.Qualifier') AS qualifier",
            "'$.Qualifer') AS qualifier",
            "JSON_EXTRACT finds nothing in the resource for qualifier ($.Qualifer)",
        ),
        (  # a path SQLite refuses, which sqlglot would have read as '$.Qualifier'
            "'$.Qualifier') AS qualifier",
            "'Qualifier') AS qualifier",
            "JSON_EXTRACT(Properties, 'Qualifier'): SQLite says: JSON path error near 'Qualifier'",
        ),
        (
            "FROM aws.cloud_control.resources\nWHERE",
            "FROM aws.lambda.event_invoke_configs\nWHERE",
            "Properties is not a field of aws.lambda.event_invoke_configs",
        ),
        (
            "JSON_EXTRACT(Properties, '$.Qualifier') AS qualifier",
            "JSON_EXTRACT(Model, '$.Qualifier') AS qualifier",
            "Model: aws.cloud_control.resources has the columns region, Identifier, Properties",
        ),
        (
            "AND data__TypeName",
            "AND function_name = 'f' AND data__TypeName",
            "WHERE names function_name: not a parameter of aws.cloud_control.resources",
        ),
    ],
)
def test_a_list_through_cloud_control_that_cannot_work(
    specs: Path, out: Path, capsys, old: str, new: str, reason: str
) -> None:
    edit(out, old, new)
    assert findings(capsys, specs, out) == [f"{out / PAGE}:93: SELECT list: {reason}"]


def test_text_no_encoding_holds_prints_escaped(specs: Path, out: Path) -> None:
    # A JSON escape of a lone surrogate, which the mock's answer quotes back: printing the
    # finding was a UnicodeEncodeError traceback.
    edit(out, '"FunctionName": "<FunctionName>"}\')', '"FunctionName": "\\ud800"}\')')
    argv = [sys.executable, "-m", "generator", "validate", "--specs", str(specs), "--out", str(out)]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (result.returncode, result.stderr) == (1, "")
    assert "string [\\ud800] does not match pattern" in result.stdout


def test_a_select_column_that_is_no_field(specs: Path, out: Path, capsys) -> None:
    line = edit(out, "SELECT\nregion,\ndestination_config,", "SELECT\nregion,\ndestination,")
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:{line}: SELECT get: destination is not a field of "
        "aws.lambda.event_invoke_configs"
    ]


def test_an_insert_missing_a_required_property(specs: Path, out: Path, capsys) -> None:
    edit(
        out,
        "(\n FunctionName,\n Qualifier,\n region\n)\nSELECT\n '{{ FunctionName }}',\n"
        " '{{ Qualifier }}',\n",
        "(\n FunctionName,\n region\n)\nSELECT\n '{{ FunctionName }}',\n",
    )
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:128: INSERT required: ValidationException: Model validation failed "
        "(#: required key [Qualifier] not found) (create_resource requires Qualifier, missing "
        "from the column list)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "section", "reason"),
    [
        (
            '"value": {{ MaximumRetryAttempts }}}',
            '"value": "{{ MaximumRetryAttempts }}"}',
            "UPDATE",
            "ValidationException: Model validation failed (#/MaximumRetryAttempts: expected type: "
            "Integer, found: String)",
        ),
        (
            " '{{ MaximumEventAgeInSeconds }}',",
            " 'an hour',",
            "INSERT all",
            "ValidationException: Model validation failed (#/MaximumEventAgeInSeconds: expected type: "
            "Integer, found: String)",
        ),
    ],
)
def test_a_value_of_the_wrong_type(
    specs: Path, out: Path, capsys, old: str, new: str, section: str, reason: str
) -> None:
    edit(out, old, new)
    [line] = findings(capsys, specs, out)
    assert line.split(": ", 1)[1] == f"{section}: {reason}"


def test_a_malformed_identifier(specs: Path, out: Path, capsys) -> None:
    edit(
        out,
        "data__Identifier = '<FunctionName>|<Qualifier>';",
        "data__Identifier = '<FunctionName>';",
    )
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:102: SELECT get: ResourceNotFoundException: Resource of type '{TYPE}' "
        "with identifier 'function-name' was not found."
    ]


def test_an_update_of_a_create_only_property(specs: Path, out: Path, capsys) -> None:
    edit(
        out,
        "SET data__PatchDocument = string('[\n",
        "SET data__PatchDocument = string('[\n"
        '  {"op": "add", "path": "/Qualifier", "value": "{{ Qualifier }}"},\n',
    )
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:198: UPDATE: NotUpdatableException: Invalid patch update: "
        "createOnlyProperties [/properties/Qualifier] cannot be updated"
    ]


def test_a_delete_without_its_identifier(specs: Path, out: Path, capsys) -> None:
    edit(
        out,
        "DELETE FROM aws.lambda.event_invoke_configs\nWHERE data__Identifier = "
        "'<FunctionName>|<Qualifier>'\nAND region",
        "DELETE FROM aws.lambda.event_invoke_configs\nWHERE region",
    )
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:212: DELETE: ValidationException: 1 validation error detected: Value null "
        "at 'identifier' failed to satisfy constraint: Member must not be null (delete_resource "
        "requires data__Identifier, missing from the WHERE clause)"
    ]


def test_an_unparseable_statement(specs: Path, out: Path, capsys) -> None:
    edit(
        out,
        "FROM aws.lambda.event_invoke_configs\nWHERE region = 'us-east-1' AND data__Ident",
        "FROM\nWHERE region = 'us-east-1' AND data__Ident",
    )
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:110: SELECT get: cannot parse the statement: Expected table name but got "
        "'WHERE' (column 5)"
    ]


def test_a_statement_sqlglot_reads_as_an_unknown_command(specs: Path, out: Path, capsys) -> None:
    line = edit(out, "UPDATE aws.lambda.event_invoke_configs\nSET", "SET")
    finding = f"{out / PAGE}:{line - 1}: UPDATE: not a statement StackQL runs on a resource: SET"
    assert findings(capsys, specs, out) == [finding]
    # In a process of its own, where no test harness takes the log: sqlglot's warning, in
    # lines of the statement's text, stays off stderr.
    command = [sys.executable, "-m", "generator", "validate", "--specs", specs, "--out", out]
    ran = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert (ran.returncode, ran.stdout.splitlines()[0], ran.stderr) == (1, finding, "")


def test_a_statement_with_a_quote_left_open(specs: Path, out: Path, capsys) -> None:
    line = edit(out, "AND region = 'us-east-1';", "AND region = 'us-east-1;")
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:{line}: UPDATE: cannot parse the statement: the ' at column 14 is never "
        "closed"
    ]


def test_a_patch_nested_too_deep_to_read(specs: Path, out: Path, capsys) -> None:
    deep = "[" * 3000 + "]" * 3000  # json.loads recursed past Python's limit on it
    line = edit(out, '"value": {{ MaximumRetryAttempts }}}', f'"value": {deep}}}')
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:{line}: UPDATE: cannot parse the statement: nested deeper than 100 "
        "levels (column 156)"
    ]


@pytest.mark.parametrize("region", ["\u0101", "us-east-\u0661"])  # a digit, but not ASCII
def test_a_region_that_is_no_region_is_the_examples_finding(
    specs: Path, out: Path, capsys, region: str
) -> None:
    # It went into a request header: exit 2, naming the mock's address, not the page.
    text = (out / PAGE).read_text("utf-8")
    line = text[: text.index("DELETE FROM")].count("\n")  # the example's first line, before
    edit(
        out,
        "DELETE FROM aws.lambda.event_invoke_configs\nWHERE data__Identifier = '<FunctionName>|<Qualifier>'\nAND region = 'us-east-1';",
        "DELETE FROM aws.lambda.event_invoke_configs\nWHERE data__Identifier = '<FunctionName>|<Qualifier>'\nAND region = '"
        + region
        + "';",
    )
    found = findings(capsys, specs, out)
    assert found[0] == (
        f"{out / PAGE}:{line}: DELETE: region {region!r} is not an AWS region name, like us-east-1"
    )


def test_a_region_other_than_the_pages_says_so(specs: Path, out: Path, capsys) -> None:
    # (Cloud Control's NotFound did not say why: the resource was made in us-east-1)
    text = (out / PAGE).read_text("utf-8")
    line = text[: text.index("DELETE FROM")].count("\n")
    edit(
        out,
        "DELETE FROM aws.lambda.event_invoke_configs\nWHERE data__Identifier = '<FunctionName>|<Qualifier>'\nAND region = 'us-east-1';",
        "DELETE FROM aws.lambda.event_invoke_configs\nWHERE data__Identifier = '<FunctionName>|<Qualifier>'\nAND region = 'us-eest-1';",
    )
    assert findings(capsys, specs, out)[0] == (
        f"{out / PAGE}:{line}: DELETE: asks region 'us-eest-1', where this page's examples "
        "make the resource: 'us-east-1'"
    )


def test_a_page_whose_insert_writes_its_region_out_is_run_in_it(
    specs: Path, out: Path, capsys
) -> None:
    # The examples make the resource where the INSERT says, and ask it there: no finding.
    page = out / PAGE
    text = page.read_text("utf-8").replace("'{{ region }}'", "'eu-west-1'")
    page.write_text(text.replace("region = 'us-east-1'", "region = 'eu-west-1'"), "utf-8")
    code, _, _ = run(capsys, "--specs", str(specs), "--out", str(out))
    assert code == 0


def test_a_get_without_its_identifier_is_its_finding(specs: Path, out: Path, capsys) -> None:
    # It listed the one resource there was and passed; the DELETE took the blame.
    edit(
        out,
        "WHERE region = 'us-east-1' AND data__Identifier = '<FunctionName>|<Qualifier>';",
        "WHERE region = 'us-east-1';",
    )
    found = findings(capsys, specs, out)
    assert found[0].endswith(
        "SELECT get: no data__Identifier in the get example's WHERE clause: it lists"
    )


def test_an_unfillable_manifest_and_a_block_the_validator_does_not_know(
    specs: Path, out: Path, capsys
) -> None:
    edit(out, "      - name: Qualifier\n", "      - name: Arn\n")
    line = edit(out, "## Permissions\n", "```yaml\na: 1\n```\n\n## Permissions\n") + 1
    assert findings(capsys, specs, out) == [
        f"{out / PAGE}:164: INSERT manifest: Arn: not a property a manifest can set (unknown or "
        "read-only)",
        f"{out / PAGE}:{line}: unknown: not run: a yaml block where the page has no example of "
        "that kind",
    ]


@pytest.mark.parametrize(
    ("props", "line", "reason"),
    [
        (  # libyaml builds nested collections by recursion, and crashed the process
            "name: " + "[" * 100_000,
            165,  # the page's line where it goes wrong, not the manifest's line 2
            "not YAML: nested deeper than 100 levels (column 106)",
        ),
        (  # a date that is none, and one that is: JSON has no dates (it was a traceback)
            "name: 2024-13-45",
            165,
            "not YAML: '2024-13-45' reads as a date, which JSON has not: quote it (column 7)",
        ),
        (
            "name: 2024-01-01",
            165,
            "not YAML: '2024-01-01' reads as a date, which JSON has not: quote it (column 7)",
        ),
        (  # a KeyError of PyYAML's, and a traceback
            "name: !!bool maybe",
            164,
            "not YAML: KeyError: 'maybe'",
        ),
        (  # a loop: a RecursionError and a traceback
            "name: &r [*r]",
            165,
            "not YAML: the alias *r stands inside what it names (column 11)",
        ),
        (  # an alias of no anchor was said to stand inside what it names
            "name: *r",
            165,
            "not YAML: the alias *r names no anchor (&r) before it (column 7)",
        ),
        (  # an IndexError of PyYAML's, and a traceback
            "name: !!int ''",
            164,
            "not YAML: IndexError: string index out of range",
        ),
        (
            "name: stack: name",
            165,
            "not YAML: mapping values are not allowed in this context (column 12)",
        ),
    ],
)
def test_a_manifest_that_is_no_yaml_this_tool_reads(
    specs: Path, out: Path, capsys, props: str, line: int, reason: str
) -> None:
    edit(out, "name: stack name", props)
    assert findings(capsys, specs, out) == [f"{out / PAGE}:{line}: INSERT manifest: {reason}"]


def test_json_format(specs: Path, out: Path, capsys) -> None:
    edit(out, "SELECT\nregion,\ndestination_config,", "SELECT\nregion,\ndestination,")
    code, text, err = run(capsys, "--specs", str(specs), "--out", str(out), "--format", "json")
    assert (code, err) == (1, "")
    assert json.loads(text) == {
        "summary": {
            "pages": 1,
            "pages_passed": 0,
            "examples": 7,
            "examples_run": 7,
            "examples_passed": 6,
            "examples_failed": 1,
            "examples_known": 0,
            "coverage": 1.0,
            "pages_missing": 0,
            "examples_missing": 0,
        },
        "findings": [
            {
                "page": str(out / PAGE),
                "line": 102,
                "section": "SELECT get",
                "type": TYPE,
                "reason": "destination is not a field of aws.lambda.event_invoke_configs",
            }
        ],
        "known": [],
        "skipped": [],
    }


def test_a_named_type_without_a_page_is_said_to_be_skipped(specs: Path, out: Path, capsys) -> None:
    # (a CI job that validates a list of types, one of which has no handlers, read 0 pages,
    # coverage 100%, and nothing of why)
    schema = {
        "typeName": "AWS::Test::Nothing",
        "description": "x.",
        "properties": {"A": {"type": "string"}},
        "primaryIdentifier": ["/properties/A"],
        "additionalProperties": False,
    }
    (specs / "aws-test-nothing.json").write_text(json.dumps(schema))
    folders = ("--specs", str(specs), "--out", str(out))
    code, text, err = run(capsys, "AWS::Test::Nothing", TYPE, *folders)
    assert (code, err) == (0, "")
    assert text.splitlines() == [
        "skipped AWS::Test::Nothing (aws-test-nothing.json): no handlers: Cloud Control cannot "
        "manage it",
        "1 page, 1 passed; 7 examples: 7 passed, 0 failed (0 known), 0 not run; coverage 100.0%",
    ]
    code, text, _ = run(capsys, "AWS::Test::Nothing", *folders, "--format", "json")
    assert json.loads(text)["skipped"] == [
        {
            "type": "AWS::Test::Nothing",
            "file": "aws-test-nothing.json",
            "reason": "no handlers: Cloud Control cannot manage it",
        }
    ]
    assert run(capsys, *folders)[1].splitlines()[0].startswith("1 page")  # (none named: none)


def test_known_issues_are_apart_and_stale_ones_are_findings(
    specs: Path, out: Path, tmp_path, capsys
) -> None:
    known = tmp_path / "known.yaml"
    known.write_text(f"# reviewed\n{TYPE.upper()}: the schema says so\n")  # any case
    code, text, _ = run(
        capsys, "--specs", str(specs), "--out", str(out), "--known-issues", str(known)
    )
    assert (code, text.splitlines()) == (
        1,
        [
            f"{known}:2: known issues: stale: every example of {out / PAGE} passes; remove the entry",
            "1 page, 1 passed; 7 examples: 7 passed, 0 failed (0 known), 0 not run; coverage 100.0%",
        ],
    )
    line = edit(out, "SELECT\nregion,\ndestination_config,", "SELECT\nregion,\ndestination,")
    shutil.copy(known, specs / "known-issues.yaml")  # the default place
    code, text, _ = run(capsys, "--specs", str(specs), "--out", str(out), "--format", "json")
    assert code == 0
    report = json.loads(text)
    assert report["findings"] == []
    assert report["known"] == [
        {
            "page": str(out / PAGE),
            "line": line,
            "section": "SELECT get",
            "type": TYPE,
            "reason": "destination is not a field of aws.lambda.event_invoke_configs",
            "known_issue": "the schema says so",
        }
    ]
    assert report["summary"]["examples_known"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- a\n- b\n", "expected a mapping of type name to reason"),
        ("Lambda: x\n", ":1: 'Lambda' is not a type name such as AWS::S3::Bucket"),
        (f"# r\n{TYPE}:\n", f":2: {TYPE}: give the reason the example cannot pass"),
        (f"{TYPE}: x\n{TYPE.lower()}: y\n", f":2: {TYPE.lower()} given twice (first at line 1)"),
        ("<<: {AWS::S3::Bucket: x}\n", ":1: '<<' is not a type name such as AWS::S3::Bucket"),
        ("a: [\n", "2:1: not YAML: expected the node content, but found '<stream end>'"),
        (f"{TYPE}: le mod\xe8le\n".encode("latin-1"), ":1:39: not UTF-8 text (byte 0xe8)"),
        ("[" * 100_000, ":1:101: not YAML: nested deeper than 100 levels"),
        ("a: \x00\n", ":1:4: not YAML: character #x0000 is not allowed"),
        (
            f"{TYPE}: 2024-13-45\n",
            ":1:33: not YAML: '2024-13-45' reads as a date, which JSON has not: quote it",
        ),
    ],
)
def test_a_bad_known_issues_file_is_bad_input(
    specs: Path, out: Path, tmp_path, capsys, content: str | bytes, message: str
) -> None:
    known = tmp_path / "known.yaml"
    if isinstance(content, bytes):
        known.write_bytes(content)
    else:
        known.write_text(content)
    code, text, err = run(
        capsys, "--specs", str(specs), "--out", str(out), "--known-issues", str(known)
    )
    assert (code, text) == (2, "")
    assert err.startswith(f"error: {known}") and err.endswith(f"{message}\n")
    assert err.count("\n") == 1


def test_a_known_issues_file_in_the_specs_folder_that_is_not_utf_8(
    specs: Path, out: Path, capsys
) -> None:
    (specs / "known-issues.yaml").write_bytes(b"# r\xe9vis\xe9\n")
    assert run(capsys, "--specs", str(specs), "--out", str(out)) == (
        2,
        "",
        f"error: {specs / 'known-issues.yaml'}:1:4: not UTF-8 text (byte 0xe9)\n",
    )


def test_bad_input_exits_2(specs: Path, tmp_path, capsys) -> None:
    missing = tmp_path / "nowhere"
    assert run(capsys, "--specs", str(specs), "--out", str(missing)) == (
        2,
        "",
        f"error: {missing}: no such folder of pages (run stackql-docgen generate)\n",
    )
    a_file = tmp_path / "pages.mdx"
    a_file.write_text("# not a folder\n")
    assert run(capsys, "--specs", str(specs), "--out", str(a_file)) == (
        2,
        "",
        f"error: {a_file}: not a folder (--out names the folder of pages)\n",
    )
    assert run(
        capsys, "--specs", str(specs), "--out", str(tmp_path), "--known-issues", str(missing)
    ) == (
        2,
        "",
        f"error: {missing}: cannot read the known-issues file: No such file or directory\n",
    )


def test_a_page_that_is_not_utf_8_is_bad_input(specs: Path, out: Path, capsys) -> None:
    (out / PAGE).write_bytes(b"\xff\xfe not text")
    assert run(capsys, "--specs", str(specs), "--out", str(out)) == (
        2,
        "",
        f"error: {out / PAGE}:1:1: not UTF-8 text (byte 0xff)\n",
    )


def test_a_page_missing_from_the_output_folder(specs: Path, tmp_path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    code, text, _ = run(capsys, "--specs", str(specs), "--out", str(tmp_path / "empty"))
    assert (code, text.splitlines()) == (
        1,
        [
            f"{tmp_path / 'empty' / PAGE}: page: missing from the output folder (run stackql-docgen "
            "generate with the same --specs and --out)",
            "1 page, 0 passed, 1 missing; 0 examples: 0 passed, 0 failed (0 known), 0 not run; "
            "coverage 0.0% of the pages there",
        ],
    )
    # A known issue of the type (its name in any case) excuses failing examples, not an
    # absent page.
    known = tmp_path / "known.yaml"
    known.write_text(f"{TYPE.lower()}: its examples fail for a reason of the schema\n")
    argv = ("--specs", str(specs), "--out", str(tmp_path / "empty"), "--known-issues", str(known))
    assert run(capsys, *argv) == (1, text, "")


def test_same_pages_same_report(specs: Path, out: Path) -> None:
    edit(out, '"value": {{ MaximumRetryAttempts }}}', '"value": "{{ MaximumRetryAttempts }}"}')
    first, second = validate(specs, out), validate(specs, out)
    assert first == second and not first.clean


# --- the whole us-east-1 provider ------------------------------------------------------------


@pytest.fixture(scope="module")
def validated(corpus: tuple[Path, Path]) -> generator.validate.ValidationReport:
    """Every us-east-1 type cfn-lint 1.58.0 ships (conftest's corpus), validated."""
    specs, out = corpus
    return validate(specs, out, KNOWN_ISSUES)


def test_corpus_every_example_ran_and_known_issues_are_current(validated) -> None:
    known = generator.validate.read_known_issues(KNOWN_ISSUES)
    assert validated.summary.pages == 1744
    assert validated.summary.coverage == 1.0
    assert [f for f in validated.findings if f.section == "known issues"] == []  # none is stale
    assert {f.type_name for f in validated.known} == set(known)  # each one still fails


def test_corpus_99_percent_of_pages_pass_and_the_rest_are_known(validated) -> None:
    assert validated.summary.pages_passed >= 0.99 * validated.summary.pages
    assert validated.findings == ()  # every failure is a known issue's
    assert validated.summary.pages_passed == validated.summary.pages - len(
        generator.validate.read_known_issues(KNOWN_ISSUES)
    )


def test_named_types_validate_their_pages_only(tmp_path, capsys) -> None:
    # Pages made with `generate TYPE` from a larger specs folder: validate TYPE runs those.
    specs = tmp_path / "specs"
    specs.mkdir()
    shutil.copy(LAMBDA_SPEC, specs)
    shutil.copy(ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json", specs)
    out = tmp_path / "out"
    argv = ["--specs", str(specs), "--out", str(out)]
    assert main(["generate", "AWS::SES::ReceiptRuleSet", *argv, "-q"]) == 0
    code, stdout, _ = run(capsys, *argv)
    assert code == 1 and "\n2 pages, 1 passed, 1 missing; " in stdout
    code, stdout, _ = run(capsys, "aws::ses::receiptruleset", *argv)
    assert code == 0 and stdout.startswith("1 page, 1 passed; ")
    assert run(capsys, "AWS::SES::ReceiptRuleSt", *argv)[2].endswith(
        "(did you mean AWS::SES::ReceiptRuleSet?)\n"
    )


def test_a_known_issue_is_found_at_its_line_as_yaml_reads_it(tmp_path) -> None:
    from generator.validate import _entry_line

    known = tmp_path / "known.yaml"
    known.write_text(
        '# reviewed\n"AWS::S3::Bucket": >-\n  a reason\n  on two lines\n'
        "? aws::lambda::eventinvokeconfig\n: another reason\n"
    )
    assert _entry_line(str(known), TYPE) == 5  # an explicit key, in another case
    assert _entry_line(str(known), "AWS::S3::Bucket") == 2
    assert _entry_line(str(known), "AWS::SNS::Topic") == 0


def test_a_page_older_than_its_edited_schema_is_said_to_be_stale(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A schema edited after generate: the old page's failures are the page's, which stderr says.
    out = tmp_path / "generated"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    page = out / PAGE
    os.utime(page, ns=(1_000_000_000_000_000_000,) * 2)  # (generated long before the edit)
    schema = specs / LAMBDA_SPEC.name
    document = json.loads(schema.read_text("utf-8"))
    document["properties"]["Note"] = {"type": "string"}
    document["required"].append("Note")
    schema.write_text(json.dumps(document), "utf-8")
    code, text, err = run(capsys, "--specs", str(specs), "--out", str(out))
    assert code == 1 and "required key [Note] not found" in text
    assert err == (
        f"warning: {page}: its schema {LAMBDA_SPEC.name} was changed after it, and generate "
        "writes it otherwise now: run stackql-docgen generate with the same --specs and --out\n"
    )
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert run(capsys, "--specs", str(specs), "--out", str(out)) == (0, SUMMARY_OK, "")
    # A page edited by hand (after its schema) is validated as it is, without the warning.
    page.write_text(page.read_text().replace("'{{ Note }}'", "'{{ Nope }}'"))
    code, text, err = run(capsys, "--specs", str(specs), "--out", str(out))
    assert (code, err) == (1, "")
