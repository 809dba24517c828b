"""Reading YAML: errors placed where they stand, aliases read unless they loop or explode."""

from __future__ import annotations

import pytest
import yaml

from generator.yamltext import read_yaml, yaml_at


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
def test_a_forbidden_character_is_placed_by_characters_after_non_ascii_text(loader):
    # libyaml (the manifests' loader) gives the offset in UTF-8 bytes, PyYAML's reader in
    # characters: "é" counted twice put the character a column (or lines) off.
    text = "a: ééééééé\nb: ééééé\nc: x\x07\n"
    with pytest.raises(yaml.YAMLError) as caught:
        read_yaml(text, loader)
    assert yaml_at(caught.value, text) == (3, 5)


def test_yaml_aliases_are_read_unless_they_loop_or_explode():
    # Refused whole at first; stackql-deploy reads them (PyYAML's safe_load).
    assert read_yaml("a: &x {b: 1}\nc: *x") == {"a": {"b": 1}, "c": {"b": 1}}
    laughs = ["l0: &l0 [lol]"]
    laughs += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    with pytest.raises(yaml.YAMLError, match="more than 100,000 values, its aliases written out"):
        read_yaml("\n".join(laughs))  # a billion values: it hung validate
