"""Normalization of real schemas into the model."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import LAMBDA_SPEC

from generator.build import build
from generator.errors import SpecError
from generator.model import (
    ArrayValue,
    Handler,
    Literal,
    ObjectValue,
    Placeholder,
    SqlVerb,
    Truncated,
)
from generator.normalize import normalize
from generator.render import render_page
from generator.schema import parse_spec, read_spec

DATA = Path(__file__).parent / "data" / "specs"


def test_event_invoke_config():
    r = normalize(read_spec(LAMBDA_SPEC))
    assert (r.provider, r.service, r.name, r.singular) == (
        "aws",
        "lambda",
        "event_invoke_configs",
        "event_invoke_config",
    )
    assert r.resource_id == "aws.lambda.event_invoke_configs"
    assert [(f.name, f.type) for f in r.fields] == [
        ("destination_config", "object"),
        ("function_name", "string"),
        ("maximum_event_age_in_seconds", "integer"),
        ("maximum_retry_attempts", "integer"),
        ("qualifier", "string"),
        ("region", "string"),
    ]
    # A $ref property shows the description of the definition it names.
    assert r.fields[0].description == (
        "A destination for events after they have been sent to a function for processing."
    )
    assert r.identifier == ("FunctionName", "Qualifier")
    assert r.list_required == ("FunctionName",)
    assert [(m.name, m.verb) for m in r.methods] == [
        ("create_resource", SqlVerb.INSERT),
        ("delete_resource", SqlVerb.DELETE),
        ("update_resource", SqlVerb.UPDATE),
        ("list_resources", SqlVerb.SELECT),
        ("get_resource", SqlVerb.SELECT),
    ]
    assert r.methods[0].required_params == ("FunctionName", "Qualifier", "region")
    assert [p.handler for p in r.permissions] == list(Handler)
    destination = next(p for p in r.properties if p.name == "DestinationConfig")
    assert [k for k, _ in destination.value.members] == ["OnFailure", "OnSuccess"]


def test_no_update_handler_means_no_update_method_example_or_verb():
    r = normalize(read_spec(DATA / "aws-ses-receiptruleset.json"))
    assert [m.name for m in r.methods] == [
        "create_resource",
        "delete_resource",
        "list_resources",
        "get_resource",
    ]
    page = render_page(r)
    assert "UPDATE" not in page and "update_resource" not in page
    assert (
        "Creates, deletes or gets a <code>receipt_rule_set</code> resource or lists "
        "<code>receipt_rule_sets</code> in a region\n"
    ) in page
    assert r.list_required == ()
    assert "data__ResourceModel" not in page


def test_types_without_handlers_are_skipped_with_a_reason(tmp_path):
    shutil.copy(DATA / "aws-cloudformation-waitconditionhandle.json", tmp_path)
    shutil.copy(LAMBDA_SPEC, tmp_path)
    site = build(tmp_path)
    assert [s.type_name for s in site.skipped] == ["AWS::CloudFormation::WaitConditionHandle"]
    assert "no handlers" in site.skipped[0].reason
    assert [p.path for p in site.pages if p.path.endswith("/event_invoke_configs/index.mdx")]
    assert not [p for p in site.pages if "cloudformation" in p.path]


RECURSIVE = b"""{
  "typeName": "AWS::Test::Tree",
  "description": "A recursive definition.",
  "definitions": {
    "Node": {"type": "object", "properties": {
      "Name": {"type": "string"},
      "Children": {"type": "array", "items": {"$ref": "#/definitions/Node"}}}}
  },
  "properties": {"Id": {"type": "string"}, "Root": {"$ref": "#/definitions/Node"}},
  "primaryIdentifier": ["/properties/Id"],
  "readOnlyProperties": ["/properties/Id"],
  "handlers": {"create": {"permissions": ["test:Put"]}, "read": {"permissions": ["test:Get"]}}
}"""


def test_recursive_definitions_are_cut_not_looped():
    spec = parse_spec("tree.json", RECURSIVE, meta_check=False)
    root = next(p for p in normalize(spec).properties if p.name == "Root")
    assert root.value == ObjectValue(
        (
            ("Name", Placeholder("Name", "string")),
            ("Children", ArrayValue(Truncated("Children[0]"), 1, "Root.Children")),
        )
    )
    page = render_page(normalize(spec))
    assert "value: null" not in page and "cut here" in page


def test_arrays_nested_with_min_items_are_cut_before_they_multiply():
    # Each showed its five items, each of which the next wrote five times: nine levels made
    # a 163 MB page in 15 s (found by fuzzing).
    grid: dict = {"type": "string"}
    for _ in range(9):
        grid = {"type": "array", "minItems": 5, "items": grid}
    document = json.loads(RECURSIVE)
    document["properties"]["Grid"] = grid
    document["required"] = ["Grid"]
    spec = parse_spec("grid.json", json.dumps(document).encode(), meta_check=False)
    value = next(p for p in normalize(spec).properties if p.name == "Grid").value
    for _ in range(3):  # 5 x 5 x 5 items written out, the fourth level of 5 would pass 256
        assert isinstance(value, ArrayValue) and value.count == 5
        value = value.item
    assert value == Truncated("Grid[0][0][0]", "[]")
    page = render_page(normalize(spec))
    assert len(page.encode()) < 200_000 and "cut here" in page


def test_a_property_cut_whole_is_no_manifest_entry_and_no_patch_operation():
    # 17 nested arrays, optional: cut at the expansion depth. The manifest had an entry of no
    # value (null) and the patch an array of arrays of {} (found by fuzzing).
    deep: dict = {"type": "string"}
    for _ in range(17):
        deep = {"type": "array", "items": deep}
    document = json.loads(RECURSIVE)
    document["properties"]["Deep"] = deep
    document["handlers"]["update"] = {"permissions": ["test:Update"]}
    document["readOnlyProperties"] = ["/properties/Id", "/properties/Root"]
    spec = parse_spec("deep.json", json.dumps(document).encode(), meta_check=False)
    page = render_page(normalize(spec))
    assert "      # - name: Deep: cut here: nested too deep or recursive, see the schema\n" in page
    assert "- name: Deep\n" not in page and '"path": "/Deep"' not in page
    update = page.split("## `UPDATE` example")[1].split("## `DELETE` example")[0]
    assert "There is no example: what a <code>tree</code> can be patched with is nested" in update
    # It can be updated, with what the page cannot show.
    assert "\nCreates, updates or gets a <code>tree</code> resource in a region\n" in page


def test_a_required_property_cut_whole_is_an_empty_manifest_entry():
    # A tree of optional members two a level, 11 deep: cut at the expansion depth, every leaf.
    # The manifest left the required property out, and the mock refused it (found by fuzzing).
    node: dict = {"type": "string"}
    for _ in range(11):
        node = {"type": "object", "properties": {"M0": node, "M1": node}}
    document = json.loads(RECURSIVE)
    document["properties"]["Tree"] = node
    document["required"] = ["Tree"]
    spec = parse_spec("tree.json", json.dumps(document).encode(), meta_check=False)
    page = render_page(normalize(spec))
    assert "      - name: Tree\n        value: {}  # cut here: nested too deep" in page


def test_required_members_that_multiply_are_cut_past_a_bound(tmp_path):
    # Two required members a level, each the next level, 20 deep: a million values, required
    # all, never cut. 61 s and a 60 MB page at 18 levels; 4 GB at 20 (found by fuzzing).
    document = json.loads(RECURSIVE)
    for n in range(20):
        below = {"$ref": f"#/definitions/D{n + 1}"} if n < 19 else {"type": "string"}
        document["definitions"][f"D{n}"] = {
            "type": "object",
            "required": ["M0", "M1"],
            "properties": {"M0": below, "M1": below},
            "additionalProperties": False,
        }
    document["properties"]["Tree"] = {"$ref": "#/definitions/D0"}
    document |= {"required": ["Tree"], "additionalProperties": False}
    (tmp_path / "aws-test-tree.json").write_text(json.dumps(document))
    site = build(tmp_path)
    [resource] = site.resources
    assert resource.overflowed
    assert len(site.pages[-1].text.encode()) < 1_000_000
    assert site.warnings == (
        f"{tmp_path / 'aws-test-tree.json'}#: its examples would need more than 3,000 values: "
        "past that, values are cut, required ones too, and the examples are not valid",
    )


def test_numbers_the_manifest_sets_are_numbers_to_yaml():
    # `value: 1e-05` is a string to YAML 1.1 (PyYAML's, stackql-deploy's): it needs a point.
    # And an integer's `"const": 1.0` is written 1 (found by fuzzing).
    document = json.loads(RECURSIVE)
    document["properties"] |= {
        "Rate": {"type": "number", "const": 0.00001},
        "Big": {"type": "number", "enum": [1e16]},
        "Count": {"type": "integer", "const": 1.0},
    }
    document["required"] = ["Rate", "Big", "Count"]
    spec = parse_spec("numbers.json", json.dumps(document).encode(), meta_check=False)
    page = render_page(normalize(spec))
    values = {
        line.split("- name: ")[1]: next_line.split("value: ")[1]
        for line, next_line in itertools.pairwise(page.splitlines())
        if "- name: " in line and "value: " in next_line
    }
    assert {k: values[k] for k in ("Rate", "Big", "Count")} == {
        "Rate": "1.0e-05",
        "Big": "1.0e+16",
        "Count": "1",
    }
    assert [yaml.safe_load(values[k]) for k in ("Rate", "Big", "Count")] == [1e-05, 1e16, 1]


@pytest.mark.parametrize(
    "name, listed",
    [
        # `list needs:` (a detector's sets)
        ("aws-guardduty-trustedentityset.json", '{"DetectorId": "<DetectorId>"}'),
        # `list needs one of:` (the hook type's ARN, else its name)
        ("aws-cloudformation-hookdefaultversion.json", '{"Arn": "<Arn>"}'),
    ],
)
def test_a_list_handler_schema_of_true_takes_what_it_lists_by(corpus, tmp_path, name, listed):
    # `"handlerSchema": true` is a schema too (any model), which the rest of the generator
    # reads as asking nothing (the meta-schema, which asks for an object, warns); exclusive.yaml's
    # list entries took it for an object and failed with a traceback (found by fuzzing). What
    # the entries add stands as for `{}`.
    document = json.loads((corpus[0] / name).read_bytes())
    document["handlers"]["list"]["handlerSchema"] = True
    (tmp_path / name).write_text(json.dumps(document))
    site = build(tmp_path)
    (page,) = [p.text for p in site.pages if p.path.count("/") == 3]
    assert f"data__ResourceModel = string('{listed}');" in page
    assert [w.split("#", 1)[1] for w in site.warnings] == [
        '/handlers/list/handlerSchema: true is not of type "object"'
    ]


def test_the_manifest_names_the_provider_the_sql_names():
    # A third party's type (`Custom::...`): its SQL names `custom.`, its manifest named `aws`.
    document = json.loads(RECURSIVE) | {"typeName": "Custom::Test::Tree"}
    spec = parse_spec("tree.json", json.dumps(document).encode(), meta_check=False)
    page = render_page(normalize(spec))
    assert "FROM custom.test.trees" in page and "providers:\n  - custom\n" in page


def test_small_nested_arrays_are_written_out_whole():
    # Two 4 x 4 matrices, required: cut at 25 values written out, the page failed validate.
    matrices = {"type": "array", "minItems": 4, "items": {"type": "number"}}
    matrices = {
        "type": "array",
        "minItems": 2,
        "items": {"type": "array", "minItems": 4, "items": matrices},
    }
    document = json.loads(RECURSIVE)
    document["properties"]["Matrices"] = matrices
    document["required"] = ["Matrices"]
    spec = parse_spec("m.json", json.dumps(document).encode(), meta_check=False)
    value = next(p for p in normalize(spec).properties if p.name == "Matrices").value
    assert value == ArrayValue(
        ArrayValue(
            ArrayValue(Placeholder("Matrices[0][0][0]", "number"), 4, "Matrices[0][0]"),
            4,
            "Matrices[0]",
        ),
        2,
        "Matrices",
    )


def test_prefix_items_fix_the_members_of_the_items_they_cover():
    # A $ref'd prefix, one of one value by enum; a third item has none; a scalar prefix
    # (no members) and a member the item does not show fix nothing.
    document = json.loads(RECURSIVE)
    document["definitions"]["First"] = {"properties": {"Kind": {"const": "HASH"}}}
    document["properties"]["Keys"] = {
        "type": "array",
        "minItems": 3,
        "items": {"type": "object", "properties": {"Kind": {"type": "string"}}},
        "prefixItems": [
            {"$ref": "#/definitions/First"},
            {"properties": {"Kind": {"enum": ["RANGE"]}, "Other": {"const": 1}}},
            {"const": "x"},
        ],
    }
    document["required"] = ["Keys"]
    resource = normalize(parse_spec("k.json", json.dumps(document).encode(), meta_check=False))
    page = render_page(resource)
    manifest = page.split("- name: Keys")[1].split("\n      - name:")[0]
    assert manifest.splitlines()[1:] == [
        "        value:",
        "          - Kind: 'HASH'",
        "          - Kind: 'RANGE'",
        "          - Kind: '{{ Keys[2].Kind }}'",
    ]


def test_a_definition_that_is_one_of_itself_or_a_string_is_a_string():
    # {"oneOf": [{"type": "string"}, {"$ref": "<itself>"}]}: the branch that leads back says
    # nothing of the type, and following it again would never end.
    document = json.loads(RECURSIVE)
    document["definitions"]["T"] = {"oneOf": [{"type": "string"}, {"$ref": "#/definitions/T"}]}
    document["properties"]["T"] = {"$ref": "#/definitions/T"}
    resource = normalize(parse_spec("tree.json", json.dumps(document).encode(), meta_check=False))
    t = next(p for p in resource.properties if p.name == "T")
    assert (t.type, t.value) == ("string", Placeholder("T", "string"))


def test_a_permission_that_would_close_its_code_block_is_bad_input():
    # MDX closes a fence at a line of backticks however it is indented: none may get in.
    document = json.loads(RECURSIVE)
    document["handlers"]["read"]["permissions"] = ["test:Get", "  ````  "]
    with pytest.raises(SpecError, match=r"tree\.json#/handlers/read/permissions/1: expected"):
        parse_spec("tree.json", json.dumps(document).encode(), meta_check=False)


def test_union_and_missing_types():
    doc = {
        "typeName": "AWS::Test::Union",
        "properties": {
            "X": {"type": ["string", "object"]},
            "Y": {"maxLength": 9},
            "Z": {},
            "J": {"format": "json", "maxLength": 9},
        },
        "primaryIdentifier": ["/properties/Y"],
        "handlers": {"read": {"permissions": []}},
    }
    resource = normalize(parse_spec("u.json", json.dumps(doc).encode()))
    values = {p.name: p.value for p in resource.properties}
    # a union's first type; a string's keywords without a type; no keyword at all, any JSON
    # value (CloudFormation's Json): an object; `format: json` beside a string's keywords,
    # CloudFormation's Json too (IAM's managed policy document): an object or its text
    assert values == {
        "X": Placeholder("X", "string"),
        "Y": Placeholder("Y", "string"),
        "Z": Placeholder("Z", "object"),
        "J": Placeholder("J", "object"),
    }


def test_an_all_of_that_only_annotates_a_schema_stands_for_it():
    # {"allOf": [{"$ref": ...}, {"default": ...}]}: the definition's type, description and
    # one value; an allOf of two schemas, or with more beside it, is no such wrapper.
    doc = {
        "typeName": "AWS::Test::Wrapped",
        "definitions": {"Mode": {"type": "string", "enum": ["MCP"], "description": "The mode."}},
        "properties": {
            "Id": {"type": "string"},
            "Mode": {"allOf": [{"$ref": "#/definitions/Mode"}, {"default": "MCP"}]},
            "Both": {"allOf": [{"$ref": "#/definitions/Mode"}, {"maxLength": 3}]},
            "Beside": {"allOf": [{"$ref": "#/definitions/Mode"}], "type": "integer"},
        },
        "primaryIdentifier": ["/properties/Id"],
        "handlers": {"read": {"permissions": []}},
    }
    resource = normalize(parse_spec("w.json", json.dumps(doc).encode(), meta_check=False))
    mode = next(p for p in resource.properties if p.name == "Mode")
    assert (mode.type, mode.description, mode.value) == ("string", "The mode.", Literal('"MCP"'))
    values = {p.name: p.value for p in resource.properties}
    assert values["Both"] == Placeholder("Both", "string")
    assert values["Beside"] == Placeholder("Beside", "integer")


def test_the_types_read_off_the_exclusive_file_lines_are_those_it_has_entries_for():
    # groups_of parses a type's lines alone: each type's are all its entries, as parsed whole.
    from generator.exclusive import _blocks, _groups, _text, listed, parse_groups

    described = parse_groups(_text())  # the whole file at once
    assert listed() == frozenset(described)
    assert {name: _groups(name) for name in listed()} == described
    # The lines before a type's are blank: YAML's errors name the file's lines.
    text = _blocks()["AWS::Lambda::Function"]
    assert text.count("\n", 0, len(text) - len(text.lstrip("\n"))) == next(
        n for n, line in enumerate(_text().splitlines()) if line == "AWS::Lambda::Function:"
    )


def test_a_type_given_twice_in_the_exclusive_file_is_an_error():
    # YAML keeps the last of two equal keys: the first one's groups would be lost unseen.
    from generator.exclusive import _load

    assert _load("AWS::A::B:\n  - says: x\n") == {"AWS::A::B": [{"says": "x"}]}
    with pytest.raises(ValueError, match="AWS::A::B given twice"):
        _load("AWS::A::B:\n  - says: x\nAWS::A::B:\n  - says: y\n")


def test_an_entry_of_several_objects_is_that_entry_of_each():
    # `in: [..]`: one entry, held of each object it names (the same words, the same evidence).
    from generator.exclusive import parse_groups

    text = "AWS::A::B:\n  - in: [/definitions/C, /definitions/D]\n    at most one of: [X, Y]\n"
    first, second = parse_groups(text + "    says: x\n")["AWS::A::B"]
    assert (first.where, second.where) == ("/definitions/C", "/definitions/D")
    assert first.items == second.items == (frozenset({"X"}), frozenset({"Y"}))
    (member,) = {
        (g.where, g.items)
        for g in parse_groups("AWS::A::B:\n  - at most one member of: [/d/C, /d/D]\n    says: x\n")[
            "AWS::A::B"
        ]
        if g.where == "/d/D"
    }
    assert member == ("/d/D", ())
    # Two objects at least, each named once.
    for wheres in ("[/definitions/C]", "[/definitions/C, /definitions/C]", "[/definitions/C, 1]"):
        bad = f"AWS::A::B:\n  - in: {wheres}\n    at most one of: [X, Y]\n    says: x\n"
        with pytest.raises(ValueError, match="a list of different pointers"):
            parse_groups(bad)


def test_a_key_of_several_types_gives_each_its_entries_in_the_files_order():
    # QuickSight's analysis, dashboard and template share their definitions: one key, whose
    # entries each type takes between those of the keys above and below it.
    from generator.exclusive import _groups, _keys_of, _text, parse_groups

    text = (
        "AWS::A::B:\n  - required: [P]\n    says: p\n"
        "AWS::A::B, AWS::A::C:\n  - required: [Q]\n    says: q\n"
        "AWS::A::C:\n  - required: [R]\n    says: r\n"
    )
    table = parse_groups(text)
    assert [g.needs for g in table["AWS::A::B"]] == [{"P"}, {"Q"}]
    assert [g.needs for g in table["AWS::A::C"]] == [{"Q"}, {"R"}]
    with pytest.raises(ValueError, match="a key names different types"):
        parse_groups("AWS::A::B, AWS::A::B:\n  - required: [Q]\n    says: q\n")
    # The bundled file's shared keys, read lazily key by key, as the whole file reads them.
    keys = _keys_of()["AWS::QuickSight::Template"]
    assert keys[0].startswith("AWS::QuickSight::Analysis, ") and keys[-1] == (
        "AWS::QuickSight::Template"
    )
    shared = parse_groups(_text())["AWS::QuickSight::Template"]
    assert _groups("AWS::QuickSight::Template") == shared
    assert len(_groups("AWS::QuickSight::Template")) > len(keys)


def test_sets_is_for_a_group_of_items_and_takes_members_and_values():
    from generator.exclusive import parse_groups

    (group,) = parse_groups(
        "AWS::A::B:\n  - at most one of: [X, Y]\n    says: x\n    sets: {Type: x}\n"
    )["AWS::A::B"]
    assert group.sets == (("Type", "x"),)
    member_of = (
        "AWS::A::B:\n  - at most one member of: /definitions/D\n    says: x\n    sets: {T: x}\n"
    )
    listed = "AWS::A::B:\n  - at most one of: [X, Y]\n    says: x\n    sets: [Type]\n"
    nothing = "AWS::A::B:\n  - says: x\n"  # no items, nothing it sets
    for text in (member_of, listed, nothing):
        with pytest.raises(ValueError, match="sets: takes members"):
            parse_groups(text)
    # Alone: a tie, the value the examples set for the members they show.
    (tie,) = parse_groups("AWS::A::B:\n  - sets: {Type: x}\n    says: x\n")["AWS::A::B"]
    assert (tie.items, tie.sets, tie.tie) == ((), (("Type", "x"),), True)


def test_always_goes_with_sets_and_is_true_or_false():
    from generator.exclusive import parse_groups

    (tie,) = parse_groups("AWS::A::B:\n  - sets: {T: x}\n    says: x\n    always: true\n")[
        "AWS::A::B"
    ]
    assert (tie.sets, tie.always) == ((("T", "x"),), True)
    alone = "AWS::A::B:\n  - at most one of: [X, Y]\n    says: x\n    always: true\n"
    word = "AWS::A::B:\n  - sets: {T: x}\n    says: x\n    always: yes please\n"
    for text in (alone, word):
        with pytest.raises(ValueError, match="always: takes true or false, beside sets:"):
            parse_groups(text)


def test_at_least_one_of_needs_an_item_and_excludes_none():
    from generator.exclusive import parse_groups

    (group,) = parse_groups("AWS::A::B:\n  - at least one of: [X, [Y, Z]]\n    says: x\n")[
        "AWS::A::B"
    ]
    assert (group.items, group.needed, group.at_least) == (
        (frozenset({"X"}), frozenset({"Y", "Z"})),
        True,
        True,
    )
    assert not group.excludes
    one = "AWS::A::B:\n  - at least one of: [X]\n    says: x\n"
    nested = "AWS::A::B:\n  - in: /definitions/D\n    at least one of: [X, Y]\n    says: x\n"
    valued = "AWS::A::B:\n  - at least one of: [X, Y]\n    says: x\n    sets: {X: a}\n"
    for text in (one, nested, valued):
        with pytest.raises(ValueError, match="at least one of: takes two top-level items"):
            parse_groups(text)


def test_never_set_names_members_alone():
    from generator.exclusive import parse_groups

    (never,) = parse_groups("AWS::A::B:\n  - never set: [C, D]\n    says: Reserved.\n")["AWS::A::B"]
    assert (never.items, never.sets, never.never, never.tie) == ((), (), {"C", "D"}, False)
    beside = "AWS::A::B:\n  - at most one of: [X, Y]\n    never set: [C]\n    says: x\n"
    named = "AWS::A::B:\n  - never set: C\n    says: x\n"
    for text in (beside, named):
        with pytest.raises(ValueError, match="never set: takes a list of members"):
            parse_groups(text)


def test_count_names_arrays_and_their_least_number_of_items_alone():
    from generator.exclusive import parse_groups

    (count,) = parse_groups("AWS::A::B:\n  - count: {S: 2}\n    says: two.\n")["AWS::A::B"]
    assert (count.items, count.sets, count.counts, count.tie) == ((), (), (("S", 2),), False)
    beside = "AWS::A::B:\n  - at most one of: [X, Y]\n    count: {S: 2}\n    says: x\n"
    one = "AWS::A::B:\n  - count: {S: 1}\n    says: x\n"
    word = "AWS::A::B:\n  - count: {S: two}\n    says: x\n"
    listed = "AWS::A::B:\n  - count: [S]\n    says: x\n"
    for text in (beside, one, word, listed):
        with pytest.raises(ValueError, match="count: takes array members and the number"):
            parse_groups(text)


def test_required_names_members_alone():
    from generator.exclusive import parse_groups

    text = "AWS::A::B:\n  - required: [P]\n    documented: https://x\n"
    (needs,) = parse_groups(text)["AWS::A::B"]
    assert (needs.items, needs.sets, needs.needs, needs.tie) == ((), (), {"P"}, False)
    beside = "AWS::A::B:\n  - at most one of: [X, Y]\n    required: [P]\n    says: x\n"
    named = "AWS::A::B:\n  - required: P\n    says: x\n"
    for text in (beside, named):
        with pytest.raises(ValueError, match="required: takes a list of members"):
            parse_groups(text)


def test_create_only_names_properties_or_their_members_alone():
    from generator.exclusive import parse_groups

    text = "AWS::A::B:\n  - create only: [P, Q/R]\n    documented: https://x\n"
    (fixed,) = parse_groups(text)["AWS::A::B"]
    assert (fixed.items, fixed.sets, fixed.fixed, fixed.needs, fixed.tie) == (
        (),
        (),
        {"P", "Q/R"},
        frozenset(),
        False,
    )
    beside = "AWS::A::B:\n  - at most one of: [X, Y]\n    create only: [P]\n    says: x\n"
    nested = "AWS::A::B:\n  - in: /definitions/D\n    create only: [P]\n    says: x\n"
    named = "AWS::A::B:\n  - create only: P\n    says: x\n"
    empty = "AWS::A::B:\n  - create only: [Q//R]\n    says: x\n"
    for text in (beside, nested, named, empty):
        with pytest.raises(ValueError, match="create only: takes a list of properties"):
            parse_groups(text)


def test_list_needs_names_properties_alone():
    from generator.exclusive import parse_groups

    text = "AWS::A::B:\n  - list needs: [P, Q]\n    documented: https://x\n"
    (needs,) = parse_groups(text)["AWS::A::B"]
    assert (needs.items, needs.sets, needs.lists_by, needs.needs, needs.tie) == (
        (),
        (),
        {"P", "Q"},
        frozenset(),
        False,
    )
    beside = "AWS::A::B:\n  - required: [X]\n    list needs: [P]\n    says: x\n"
    nested = "AWS::A::B:\n  - in: /definitions/D\n    list needs: [P]\n    says: x\n"
    named = "AWS::A::B:\n  - list needs: P\n    says: x\n"
    for text in (beside, nested, named):
        with pytest.raises(ValueError, match="list needs: takes a list of properties"):
            parse_groups(text)
    text = "AWS::A::B:\n  - list needs one of: [Q, P]\n    documented: https://x\n"
    (one_of,) = parse_groups(text)["AWS::A::B"]
    assert (one_of.lists_by_one_of, one_of.lists_by, one_of.tie) == (("Q", "P"), set(), False)
    alone = "AWS::A::B:\n  - list needs one of: [P]\n    says: x\n"
    twice = "AWS::A::B:\n  - list needs one of: [P, P]\n    says: x\n"
    both = "AWS::A::B:\n  - list needs one of: [P, Q]\n    list needs: [R]\n    says: x\n"
    for text in (alone, twice, both):
        with pytest.raises(ValueError, match="list needs one of: takes two properties or more"):
            parse_groups(text)


def test_what_a_list_handler_needs_is_required_of_its_model_on_the_page_and_by_the_mock():
    # Its schema gives the list handler no handlerSchema; its provider reads a parent's ID.
    from generator.exclusive import Exclusive, _held, for_mock

    doc = {
        "typeName": "AWS::A::B",
        "properties": {"Parent": {"type": "string"}, "Id": {"type": "string"}},
        "primaryIdentifier": ["/properties/Id"],
        "readOnlyProperties": ["/properties/Id"],
        "handlers": {h: {"permissions": []} for h in ("create", "read", "delete", "list")},
    }
    group = Exclusive((), False, "", lists_by=frozenset({"Parent", "Gone"}))
    held, _ = _held(group, doc)
    assert held.lists_by == {"Parent"}  # of what the schema has
    written = for_mock(doc, [held])
    assert written["handlers"]["list"]["handlerSchema"] == {
        "properties": {"Parent": {"$ref": "resource-schema.json#/properties/Parent"}},
        "required": ["Parent"],
    }
    assert "handlerSchema" not in doc["handlers"]["list"]  # copied, not changed
    # One of several: an anyOf of one each, the first the example's.
    doc["handlers"]["list"]["handlerSchema"] = {"properties": {"Id": {}}, "required": []}
    doc["properties"]["Other"] = {"type": "string"}
    either = Exclusive((), False, "", lists_by_one_of=("Parent", "Gone", "Other"))
    held, _ = _held(either, doc)
    assert held.lists_by_one_of == ("Parent", "Other")
    assert for_mock(doc, [held])["handlers"]["list"]["handlerSchema"] == {
        "properties": {
            "Id": {},
            "Parent": {"$ref": "resource-schema.json#/properties/Parent"},
            "Other": {"$ref": "resource-schema.json#/properties/Other"},
        },
        "required": [],
        "anyOf": [{"required": ["Parent"]}, {"required": ["Other"]}],
    }
    doc["handlers"]["list"]["handlerSchema"]["anyOf"] = [{"required": ["Id"]}]
    assert _held(either, doc) == (None, "the list handler's schema names what it takes one of")
    del doc["handlers"]["list"]
    assert _held(group, doc) == (None, "the schema has no list handler")


def test_a_member_aws_takes_at_creation_only_is_create_only_to_the_mock():
    from generator.exclusive import Exclusive, for_mock

    doc = {
        "properties": {"P": {"type": "string"}, "Q": {}},
        "createOnlyProperties": ["/properties/Q"],
    }
    fixed = Exclusive((), False, "", fixed=frozenset({"P", "Q/R"}))
    written = for_mock(doc, [fixed])
    assert written["createOnlyProperties"] == ["/properties/Q", "/properties/P", "/properties/Q/R"]
    assert doc["createOnlyProperties"] == ["/properties/Q"]  # copied, not changed


def test_an_array_counted_shows_that_many_items_and_the_mock_asks_them():
    from generator.exclusive import Exclusive, for_mock, for_pages

    doc = {
        "properties": {"P": {"$ref": "#/definitions/D"}, "Top": {"type": "array"}},
        "definitions": {"D": {"properties": {"S": {"type": "array", "minItems": 1}}}},
    }
    nested = Exclusive((), False, "two.", "/definitions/D", counts=(("S", 2),))
    top = Exclusive((), False, "two.", counts=(("Top", 3),))
    for written in (for_pages(doc, [nested, top]), for_mock(doc, [nested, top])):
        assert written["definitions"]["D"]["properties"]["S"] == {"type": "array", "minItems": 2}
        assert written["properties"]["Top"] == {"type": "array", "minItems": 3}
    assert doc["definitions"]["D"]["properties"]["S"]["minItems"] == 1  # copied, not changed


def test_members_never_set_are_left_out_of_the_examples_unless_required():
    from generator.exclusive import Exclusive, for_pages, groups_of

    doc = {
        "typeName": "AWS::AutoScaling::AutoScalingGroup",
        "properties": {"Context": {"type": "string", "description": "Reserved."}},
    }
    (group,) = [g for g in groups_of(doc, doc["typeName"]) if g.never]
    assert group.never == {"Context"}
    # The words gone, the entry does not hold.
    doc["properties"]["Context"]["description"] = "The context."
    assert [g for g in groups_of(doc, doc["typeName"]) if g.never] == []
    # Nested: out of the examples' copy of the object, unless it requires them.
    nested = {
        "properties": {"P": {"$ref": "#/definitions/D"}},
        "definitions": {
            "D": {"properties": {"A": {}, "B": {}, "C": {}}, "required": ["C"]},
        },
    }
    group = Exclusive((), False, "x", "/definitions/D", never=frozenset({"A", "C"}))
    assert list(for_pages(nested, [group])["definitions"]["D"]["properties"]) == ["B", "C"]
    assert list(nested["definitions"]["D"]["properties"]) == ["A", "B", "C"]


def test_an_array_set_to_one_value_shows_that_item():
    # `sets: {RequiresCompatibilities: [EC2]}`: a const of one item, shown as that item.
    from generator.model import ArrayValue, Literal
    from generator.values import build_values

    doc = {
        "properties": {
            "Kinds": {"type": "array", "items": {"type": "string"}, "const": ["EC2"]},
            "Other": {"type": "array", "items": {"type": "string"}},
        }
    }
    values, _ = build_values(doc, frozenset(), {}, {})
    assert values["Kinds"] == ArrayValue(Literal('"EC2"'), 1, "Kinds")
    assert values["Other"] != ArrayValue(Literal('"EC2"'), 1, "Other")


def test_the_value_a_first_item_sets_stands_in_the_examples(tmp_path):
    # A type's words tie the first item to one value of `Type`: the examples set that value,
    # through the member's $ref, keeping the member's own description.
    from generator.exclusive import Exclusive, with_sets

    doc = {
        "properties": {"Type": {"$ref": "#/definitions/T", "description": "The type."}},
        "definitions": {"T": {"type": "string", "enum": ["a", "b"]}},
    }
    group = Exclusive((frozenset({"A"}), frozenset({"B"})), False, "x", sets=(("Type", "b"),))
    changed = with_sets(doc, group)
    assert changed["properties"]["Type"] == {
        "type": "string",
        "enum": ["a", "b"],
        "description": "The type.",
        "const": "b",
    }
    assert doc["properties"]["Type"] == {"$ref": "#/definitions/T", "description": "The type."}


def test_a_first_item_may_set_a_member_elsewhere_by_its_pointer():
    from generator.exclusive import Exclusive, with_sets

    doc = {
        "properties": {"Type": {"type": "string"}, "Config": {"$ref": "#/definitions/C"}},
        "definitions": {"C": {"properties": {"A": {}, "B": {}}}},
    }
    group = Exclusive(
        (frozenset({"A"}), frozenset({"B"})),
        False,
        "x",
        "/definitions/C",
        sets=(("/properties/Type", "a"),),
    )
    assert with_sets(doc, group)["properties"]["Type"] == {"type": "string", "const": "a"}


@pytest.mark.parametrize(("resource", "name"), [("Null", "'null'"), ("No", "'no'"), ("On", "'on'")])
def test_a_resource_name_yaml_reads_as_no_string_is_quoted_in_the_manifest(resource, name):
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["typeName"] = f"AWS::Lambda::{resource}"
    page = render_page(normalize(parse_spec("x.json", json.dumps(document).encode())))
    assert f"resources:\n  - name: {name}\n" in page
