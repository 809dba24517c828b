"""Tests of generator/escape.py beyond its doctests."""

from __future__ import annotations

import json
import re
import string

import mdxcompiler
from conftest import LAMBDA_SPEC

from generator.cli import main
from generator.escape import _YAML_NOT_TEXT, _YAML_NOT_TEXT_START


def test_yaml_not_text_start() -> None:
    """What yaml_key checks first: each alternative of `_YAML_NOT_TEXT` starts with one of
    `_YAML_NOT_TEXT_START`."""
    for alternative in _YAML_NOT_TEXT.pattern.split("|"):
        first = re.match(r"\[[^\]]*\]|.", alternative)
        assert first is not None
        starts = [c for c in string.printable if re.fullmatch(first[0], c)]
        assert starts and all(c in _YAML_NOT_TEXT_START for c in starts), alternative


def test_control_characters_of_a_description_show_as_replacement_characters(tmp_path) -> None:
    """NUL, ESC, DEL and C1 in AWS's text: no page holds them (a NUL makes git take the page
    for binary), each shows as U+FFFD, as MDX shows a NUL, and the page compiles."""
    schema = json.loads(LAMBDA_SPEC.read_text())
    schema["description"] = "Before\x00NUL, bell\x07, esc\x1b[31m, DEL\x7f and C1\x9b after."
    schema["properties"]["Qualifier"]["description"] = "A\x00B\nnext\x01line"
    # A pattern of one string made it the examples' literal, NUL and all: now a placeholder.
    schema["properties"]["Qualifier"]["pattern"] = "^a\x00b$"
    specs, out = tmp_path / "specs", tmp_path / "out"
    specs.mkdir()
    (specs / LAMBDA_SPEC.name).write_text(json.dumps(schema))
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    page = out / "aws/lambda/event_invoke_configs/index.mdx"
    text = page.read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]", text)
    assert "Before\ufffdNUL, bell\ufffd, esc\ufffd&#91;31m, DEL\ufffd and C1\ufffd after." in text
    assert "A\ufffdB<br />next\ufffdline" in text
    assert "'{{ Qualifier }}'" in text
    [result] = mdxcompiler.compile_mdx_results([page], cells=True)
    assert result.ok, result
    assert any("Before\ufffdNUL, bell\ufffd, esc\ufffd[31m" in c for c in result.cells or ())
