"""Schema patterns: Java-dialect patterns read by Python, strings written that they find."""

from __future__ import annotations

import re

import pytest

from generator.patterns import compile_pattern, string_for_pattern, translate_pattern


@pytest.mark.parametrize(
    ("pattern", "min_length", "max_length"),
    [
        (r"^[a-z]+$", 0, None),
        (r"^[a-z]+(-[a-z]+)*$", 20, 24),
        (r"arn:aws:s3:::[a-z0-9.-]{3,63}", 0, None),  # unanchored: a search, not a full match
        (r"^(foo|bar)-(\d{4})-\2$", 0, None),  # a back reference
        (r"^\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9$_-]{1,129}$", 0, None),
        (
            r"^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]+(-[a-z]+)+-\d{1})?:(\d{12})?:(.*)",
            0,
            350,
        ),
        (r"^[^\s]{1,3}\.[A-F]+$", 0, None),
        (r"(?i)^arn:AWS:", 0, None),
        (r"^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", 1, 128),  # Java \p classes
        (r"^[\P{C}\r\n\t]+$", 1, None),  # a negated property inside a class
        (r"^[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*$", 1, 10),  # UTF-16 pairs
        (r"^(?!(?i)aws)[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$", 0, None),  # flags mid-pattern
        (r"^[A-Za-z0-9](?:[\w- ]*[A-Za-z0-9])?$", 5, None),  # Java's literal dash after \w
        (r"^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$", 0, None),  # lookaheads
        (r"^([\p{L}\p{Z}\p{N}_.:\/=+\-@]*)${1,256}", 1, 256),  # a quantified anchor
    ],
)
def test_string_for_pattern_is_found_by_the_pattern(
    pattern: str, min_length: int, max_length: int | None
) -> None:
    text = string_for_pattern(pattern, min_length, max_length)
    regex = compile_pattern(pattern)
    assert text is not None and regex is not None
    assert regex.search(text), (pattern, text)
    assert min_length <= len(text) <= (max_length or len(text))


def test_string_for_pattern_is_readable_and_varies() -> None:
    assert string_for_pattern(r"^\d{12}$") == "123456789012"
    assert string_for_pattern(r"^queue-[0-9a-f]{8}$") == "queue-abcdef12"
    assert string_for_pattern(r"^queue-[0-9a-f]{8}$", variant=1) == "queue-bcdef123"
    seeded = {string_for_pattern(r"^queue-[0-9a-f]{8}$", seed=f"s{i}") for i in range(50)}
    assert len(seeded) == 50


def test_string_for_pattern_says_when_it_cannot() -> None:
    assert string_for_pattern(r"^a$", min_length=2) is None
    assert string_for_pattern(r"^arn:aws:ec2:placement-group/^.{1,255}$") is None  # `^` mid-way
    assert string_for_pattern(r"(?<=a+)b") is None  # Python cannot compile it


def test_translate_pattern() -> None:
    assert translate_pattern(r"a\z") == r"a\Z"
    assert translate_pattern(r"[\d-x]") == r"[\d\-x]"
    assert translate_pattern(r"^[]a]$") == r"^[]a]$"
    assert translate_pattern(r"\uD83D\uDE00") == r"\U0001f600"
    assert re.fullmatch(translate_pattern(r"\p{Lu}"), "É")
    assert not re.fullmatch(translate_pattern(r"\p{Lu}"), "é")
    assert re.fullmatch(translate_pattern(r"[\p{Punct}]+"), "!-/")
    with pytest.raises(re.error):
        translate_pattern(r"\p{InGreek}")
