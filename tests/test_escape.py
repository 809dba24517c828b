"""Tests of generator/escape.py beyond its doctests."""

from __future__ import annotations

import re
import string

from generator.escape import _YAML_NOT_TEXT, _YAML_NOT_TEXT_START


def test_yaml_not_text_start() -> None:
    """What yaml_key checks first: each alternative of `_YAML_NOT_TEXT` starts with one of
    `_YAML_NOT_TEXT_START`."""
    for alternative in _YAML_NOT_TEXT.pattern.split("|"):
        first = re.match(r"\[[^\]]*\]|.", alternative)
        assert first is not None
        starts = [c for c in string.printable if re.fullmatch(first[0], c)]
        assert starts and all(c in _YAML_NOT_TEXT_START for c in starts), alternative
