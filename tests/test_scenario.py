"""One page's scenario against the real mock: seeding, second region, examples a page lacks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import LAMBDA_SPEC

from generator.backend import CloudControlBackend
from generator.build import build
from generator.executor import CloudControlClient, Executor
from generator.extract import ExampleKind, extract_examples
from generator.mockserver import MockServer
from generator.render import render_page
from generator.scenario import PageRun, Status, expected_kinds, run_page
from generator.validate import mockable

EIC: dict[str, Any] = json.loads(LAMBDA_SPEC.read_text("utf-8"))
DATA_SPECS = Path(__file__).parent / "data" / "specs"
DATA_SCHEMAS = Path(__file__).parent / "data" / "schemas"


def scenario(
    tmp_path: Path,
    document: dict[str, Any],
    page: str | None = None,
    served: dict[str, Any] | None = None,
) -> PageRun:
    """Build the schema's resource, render its page (or take `page`), run the scenario against
    a mock of the schema (or of `served`)."""
    (tmp_path / "schema.json").write_text(json.dumps(document))
    [resource] = build(tmp_path).resources
    text = page if page is not None else render_page(resource)
    served = served if served is not None else document
    with MockServer(CloudControlBackend({resource.type_name: mockable(served)})) as url:
        client = CloudControlClient(url)
        try:
            executor = Executor(client, {resource.resource_id: resource})
            return run_page(extract_examples(text), resource, served, executor, "us-east-1")
        finally:
            client.close()


def statuses(run: PageRun) -> dict[ExampleKind, Status]:
    return {r.example.kind: r.status for r in run.results}


@pytest.fixture
def without() -> Iterator[Any]:
    """The EventInvokeConfig schema without some of its handlers."""

    def drop(*handlers: str) -> dict[str, Any]:
        document = json.loads(json.dumps(EIC))
        for handler in handlers:
            del document["handlers"][handler]
        return document

    yield drop


def test_a_type_without_create_handler_is_read_from_a_seeded_resource(tmp_path, without) -> None:
    run = scenario(tmp_path, without("create"))
    assert run.missing == ()
    assert statuses(run) == {
        ExampleKind.SELECT_LIST: Status.PASSED,
        ExampleKind.SELECT_GET: Status.PASSED,
        ExampleKind.UPDATE: Status.PASSED,
        ExampleKind.DELETE: Status.PASSED,
    }


def test_without_delete_the_all_properties_insert_goes_to_a_second_region(
    tmp_path, without
) -> None:
    run = scenario(tmp_path, without("delete"))
    assert all(r.status is Status.PASSED for r in run.results)
    assert ExampleKind.DELETE not in statuses(run)


def test_a_failed_insert_leaves_the_reads_to_a_seeded_resource(tmp_path) -> None:
    page = render_page(build(LAMBDA_SPEC.parent).resources[0]).replace(
        "(\n FunctionName,\n Qualifier,\n region\n)", "(\n FunctionNam,\n Qualifier,\n region\n)", 1
    )
    run = scenario(tmp_path, EIC, page)
    assert [(r.example.kind, r.reason) for r in run.results if r.status is not Status.PASSED] == [
        (
            ExampleKind.INSERT_REQUIRED,
            "FunctionNam is not a property of aws.lambda.event_invoke_configs",
        )
    ]


def test_a_ref_that_loops_back_in_place_is_cut(tmp_path, without) -> None:
    # Without a create handler, the reads run on a resource built from the schema with every
    # property, Label too. (The page is that of the schema without Label: generate follows the
    # loop as well, which is not this module's to cut.)
    served = without("create")
    served["definitions"]["Label"] = {
        "oneOf": [{"type": "string"}, {"$ref": "#/definitions/Label"}]
    }
    served["properties"]["Label"] = {"$ref": "#/definitions/Label"}
    run = scenario(tmp_path, without("create"), served=served)
    assert all(r.status is Status.PASSED for r in run.results)


def test_a_multiple_of_zero_is_not_divided_by(tmp_path, without) -> None:
    # generate refuses it as bad input; if such a schema reached the mock all the same, its
    # seeded resource, its INSERTs and its UPDATE would not divide by zero.
    served = without("create")
    served["properties"]["MaximumRetryAttempts"]["multipleOf"] = 0
    run = scenario(tmp_path, without("create"), served=served)
    assert all(r.status is Status.PASSED for r in run.results)
    served = json.loads(json.dumps(EIC))
    served["properties"]["MaximumRetryAttempts"]["multipleOf"] = 0
    run = scenario(tmp_path, EIC, served=served)
    assert all(r.status is Status.PASSED for r in run.results)


def test_an_array_without_items_is_filled_with_json(tmp_path, without) -> None:
    # Its items may be anything: the patch shows each bare, `[{{ Keys[0] }}]`, for the JSON a
    # reader writes there, and the mock filled in a string, which is not JSON. (No AWS schema
    # with handlers has such an array; CodeBuild's project has one, and cfn-lint's schemas
    # take a union of every type as items.)
    document = without()
    document["properties"]["Keys"] = {"type": ["array", "string"], "description": "Keys."}
    document["properties"]["Plain"] = {"type": "array", "description": "Any items."}
    run = scenario(tmp_path, document)
    assert "[{{ Plain[0] }}]" in render_page(build(tmp_path).resources[0])
    assert [(r.example.kind, r.status) for r in run.results if r.status is not Status.PASSED] == []
    assert ExampleKind.UPDATE in statuses(run)


def test_a_resource_made_or_seeded_is_one_its_list_handler_can_be_asked_for(
    tmp_path, without
) -> None:
    # ImageBuilder's workflow executions (cfn-lint 1.53.2) have no create handler: the mock
    # seeded one whose ImageBuildVersionArn met the property's schema (any string) and not
    # the list handler's (an ARN), and the list example failed, on a page that was right.
    document = json.loads((DATA_SCHEMAS / "aws-imagebuilder-workflowexecution.json").read_text())
    (tmp_path / "seeded").mkdir()
    run = scenario(tmp_path / "seeded", document)
    assert statuses(run) == {
        ExampleKind.SELECT_LIST: Status.PASSED,
        ExampleKind.SELECT_GET: Status.PASSED,
    }
    # A resource that an INSERT makes, alike.
    document = without()
    document["handlers"]["list"]["handlerSchema"] = {
        "properties": {"Qualifier": {"type": "string", "pattern": "^v[0-9]+$"}},
        "required": ["Qualifier"],
    }
    (tmp_path / "made").mkdir()
    run = scenario(tmp_path / "made", document)
    assert [(r.example.kind, r.reason) for r in run.results if r.status is not Status.PASSED] == []
    assert ExampleKind.SELECT_LIST in statuses(run)
    # Where the two schemas cannot both be met, the reason names both.
    document = without("create")
    document["handlers"]["list"]["handlerSchema"]["properties"]["Qualifier"] = {"type": "integer"}
    (tmp_path / "neither").mkdir()
    run = scenario(tmp_path / "neither", document)
    reasons = {r.reason for r in run.results if r.status is not Status.PASSED}
    assert reasons == {
        "not run: no resource to run it on (a sample resource failed: #/properties/Qualifier: "
        "no value satisfies the schema (with #/handlers/list/handlerSchema/properties/Qualifier))"
    }


def test_examples_the_handlers_call_for() -> None:
    [resource] = build(LAMBDA_SPEC.parent).resources
    assert expected_kinds(resource) == (
        ExampleKind.SELECT_LIST,
        ExampleKind.SELECT_GET,
        ExampleKind.INSERT_REQUIRED,
        ExampleKind.INSERT_ALL,
        ExampleKind.MANIFEST,
        ExampleKind.UPDATE,
        ExampleKind.DELETE,
    )


# --- pages a generator bug could make: each fails, though its values would be valid there ------


def failures(run: PageRun) -> list[tuple[ExampleKind, str]]:
    return [(r.example.kind, r.reason) for r in run.results if r.status is Status.FAILED]


def eic_page() -> str:
    return render_page(build(LAMBDA_SPEC.parent).resources[0])


_ON_FAILURE = "stands for DestinationConfig.OnFailure.Destination: not its name's place"


@pytest.mark.parametrize(
    ("written", "mutated", "kind", "reason"),
    [
        (  # the values swapped: FunctionName took a qualifier
            " '{{ FunctionName }}',\n '{{ Qualifier }}',",
            " '{{ Qualifier }}',\n '{{ FunctionName }}',",
            ExampleKind.INSERT_REQUIRED,
            "{{ Qualifier }} stands for FunctionName: not its name's place",
        ),
        (
            '{"Destination": "{{ OnFailure.Destination }}"}, "OnSuccess"',
            '{"Destination": "{{ OnSuccess.Destination }}"}, "OnSuccess"',
            ExampleKind.UPDATE,
            "{{ OnSuccess.Destination }} " + _ON_FAILURE,
        ),
        (
            "Destination: '{{ OnFailure.Destination }}'",
            "Destination: '{{ OnSuccess.Destination }}'",
            ExampleKind.MANIFEST,
            "{{ OnSuccess.Destination }} " + _ON_FAILURE,
        ),
    ],
)
def test_a_placeholder_under_another_column_member_or_prop_fails(
    tmp_path, written, mutated, kind, reason
) -> None:
    # Each value was made valid for where it stood, whatever its name.
    page = eic_page()
    assert written in page
    changed = page.replace(written, mutated, 1)
    assert failures(scenario(tmp_path, EIC, changed)) == [(kind, reason)]


def test_a_list_whose_where_clause_leaves_out_the_resource_fails(tmp_path) -> None:
    # It passed: rows a WHERE field filtered were not looked at.
    ses = json.loads((DATA_SPECS / "aws-ses-receiptruleset.json").read_text("utf-8"))
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "schema.json").write_text(json.dumps(ses))
    page = render_page(build(tmp_path / "a").resources[0])
    filtered = page.replace(
        "FROM aws.ses.receipt_rule_sets\nWHERE region = 'us-east-1';",
        "FROM aws.ses.receipt_rule_sets\nWHERE region = 'us-east-1' AND rule_set_name = 'x';",
        1,
    )
    assert filtered != page
    [(kind, reason)] = failures(scenario(tmp_path, ses, filtered))
    assert kind is ExampleKind.SELECT_LIST
    assert reason.startswith("the list's WHERE clause leaves out the resource ")
    assert reason.endswith(" (of the 1 listed, it keeps 0)")


def test_statements_without_their_anchor_and_a_manifest_of_another_provider_fail(tmp_path):
    page = eic_page()
    mutated = page.replace("/*+ update */", "/*+ create */", 1).replace(
        "providers:\n  - aws\n", "providers:\n  - awss\n", 1
    )
    assert failures(scenario(tmp_path, EIC, mutated)) == [
        (ExampleKind.MANIFEST, "the manifest's providers do not name aws"),
        (ExampleKind.UPDATE, "no /*+ update */ anchor (stackql-deploy's) before the statement"),
    ]


def test_a_manifest_that_sets_a_nested_read_only_member_fails(tmp_path) -> None:
    document = json.loads(json.dumps(EIC))
    document["readOnlyProperties"] = ["/properties/DestinationConfig/OnFailure/Destination"]
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "schema.json").write_text(json.dumps(document))
    page = render_page(build(tmp_path / "a").resources[0])
    assert (
        "OnFailure.Destination"
        not in page.split('<TabItem value="manifest">')[1].split("</TabItem>")[0]
    )
    mutated = page.replace(
        "          OnSuccess:\n",
        "          OnFailure:\n            Destination: '{{ OnFailure.Destination }}'\n          OnSuccess:\n",
        1,
    )
    assert mutated != page
    assert failures(scenario(tmp_path, document, mutated)) == [
        (
            ExampleKind.MANIFEST,
            "readOnlyProperties [/properties/DestinationConfig/OnFailure/Destination]: a manifest "
            "cannot set them",
        )
    ]
