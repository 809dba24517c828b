"""Schema patterns: Java-dialect `pattern`s read by Python's `re`, and strings that match them.

CloudFormation schemas write `pattern` in the Java dialect (`\\p{L}`, `(?i)` mid-pattern,
surrogate pairs); `translate_pattern` rewrites what Python's `re` can express and
`compile_pattern` gives None for a pattern that stays unreadable. `string_for_pattern` writes a
string that a pattern finds, walking the pattern's parse tree, deterministically.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from typing import Any

try:  # Python 3.11 renamed the regex parser; 3.10 still has the old module
    import re._parser as _sre
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

_MAX_CODE_POINT = 0x10FFFF
# Preferred characters, in order: readable output first, the rest only when a class demands it.
_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:/ "
    "!\"#$%&'()*+,;<=>?@[\\]^`{|}~"
)


# --- Java-dialect patterns ------------------------------------------------------------------

# Java's POSIX classes are ASCII-only unless UNICODE_CHARACTER_CLASS is set, which CFN never sets.
_POSIX = {
    "lower": ((0x61, 0x7A),),
    "upper": ((0x41, 0x5A),),
    "ascii": ((0, 0x7F),),
    "alpha": ((0x41, 0x5A), (0x61, 0x7A)),
    "digit": ((0x30, 0x39),),
    "alnum": ((0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)),
    "punct": ((0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)),
    "graph": ((0x21, 0x7E),),
    "print": ((0x20, 0x7E),),
    "blank": ((0x09, 0x09), (0x20, 0x20)),
    "cntrl": ((0, 0x1F), (0x7F, 0x7F)),
    "xdigit": ((0x30, 0x39), (0x41, 0x46), (0x61, 0x66)),
    "space": ((0x09, 0x0D), (0x20, 0x20)),
}
_UNICODE_ALIASES = {
    "alphabetic": ("L", "Nl"),
    "letter": ("L",),
    "digit": ("Nd",),
    "punctuation": ("P",),
    "uppercase": ("Lu",),
    "lowercase": ("Ll",),
    "whitespace": ("Z",),
    "white_space": ("Z",),
}
_PROPERTY = re.compile(r"\\([pP])(?:\{(\^?)(\w+)\}|([A-Z]))")
_SURROGATE_PAIR = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE)
_INLINE_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")
_ANCHOR_QUANTIFIER = re.compile(r"\{\d+(,\d*)?\}")


@functools.cache
def _category_runs() -> tuple[tuple[int, int, str], ...]:
    """Runs of code points sharing a Unicode general category; built once, on first need."""
    runs, start, current = [], 0, unicodedata.category("\0")
    for cp in range(1, _MAX_CODE_POINT + 1):
        category = unicodedata.category(chr(cp))
        if category != current:
            runs.append((start, cp - 1, current))
            start, current = cp, category
    runs.append((start, _MAX_CODE_POINT, current))
    return tuple(runs)


@functools.cache
def _property_ranges(name: str) -> tuple[tuple[int, int], ...]:
    """Code point ranges of a `\\p{name}` class; raises re.error for names Python cannot map."""
    if not name.startswith("Is") and name.lower() in _POSIX:
        return _POSIX[name.lower()]
    key = name.removeprefix("Is")
    prefixes = _UNICODE_ALIASES.get(key.lower(), (key,))
    if not all(re.fullmatch(r"[LMNPSZC][a-z]?", p) for p in prefixes):
        raise re.error(f"unknown character property {name!r}")
    merged: list[tuple[int, int]] = []
    for start, end, category in _category_runs():
        if category.startswith(prefixes):
            if merged and merged[-1][1] + 1 == start:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
    return tuple(merged)


def _complement(ranges: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """The code points outside `ranges` (which are sorted and disjoint)."""
    out, low = [], 0
    for start, end in sorted(ranges):
        if start > low:
            out.append((low, start - 1))
        low = max(low, end + 1)
    if low <= _MAX_CODE_POINT:
        out.append((low, _MAX_CODE_POINT))
    return tuple(out)


def _class_body(ranges: tuple[tuple[int, int], ...]) -> str:
    """The inside of a `[...]` class matching `ranges`."""
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


def translate_pattern(pattern: str) -> str:
    r"""Rewrite a Java-dialect schema pattern into Python `re` syntax (raises re.error if it can't).

    >>> translate_pattern(r"^(?!(?i)aws)[\w- ]+\z")
    '(?i)^(?!aws)[\\w\\- ]+\\Z'
    """
    out: list[str] = []
    flags = ""
    i, in_class, after_class_escape, class_start = 0, False, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            if prop := _PROPERTY.match(pattern, i):
                ranges = _property_ranges(prop[3] or prop[4])
                if (prop[1] == "P") != bool(prop[2]):
                    ranges = _complement(ranges)
                out.append(_class_body(ranges) if in_class else f"[{_class_body(ranges)}]")
                i, after_class_escape = prop.end(), in_class
                continue
            if pair := _SURROGATE_PAIR.match(pattern, i):  # Java reads a UTF-16 pair as one
                high, low = int(pair[1], 16) - 0xD800, int(pair[2], 16) - 0xDC00
                out.append(f"\\U{0x10000 + (high << 10) + low:08x}")
                i, after_class_escape = pair.end(), False
                continue
            out.append("\\Z" if pattern[i + 1] == "z" else pattern[i : i + 2])
            after_class_escape = in_class and pattern[i + 1] in "wWdDsS"
            i += 2
            continue
        if in_class:
            if ch == "]" and i > class_start:
                in_class = False
            elif ch == "-" and after_class_escape:  # Java reads `[\w-x]` as a literal dash
                ch = "\\-"
            elif ch == "[":
                ch = "\\["
        elif ch == "[":
            in_class = True
            negated = pattern.startswith("^", i + 1)
            class_start = i + 1 + negated  # a `]` first in the class is a literal
            if negated:
                out.append("[^")
                i += 2
                after_class_escape = False
                continue
        elif ch in "^$" and (quantifier := _ANCHOR_QUANTIFIER.match(pattern, i + 1)):
            out.append(ch)  # Java accepts `${1,256}`: an anchor repeated is still the anchor
            i = quantifier.end()
            continue
        elif ch == "(" and i > 0 and (flag := _INLINE_FLAGS.match(pattern, i)):
            flags += flag[1]  # Python wants global flags first; Java allows them anywhere
            i = flag.end()
            continue
        out.append(ch)
        after_class_escape = False
        i += 1
    return (f"(?{flags})" if flags else "") + "".join(out)


@functools.lru_cache(maxsize=8192)
def compile_pattern(pattern: str) -> re.Pattern[str] | None:
    r"""Compile a schema `pattern` for Python; None when `re` cannot express it.

    >>> compile_pattern(r"^\p{L}+$").search("Zürich") is not None
    True
    >>> compile_pattern(r"(?<=a+)b") is None
    True
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Java-style `[[` warns as a possible nested set
            return re.compile(translate_pattern(pattern))
    except (re.error, OverflowError, RecursionError):
        return None


@functools.lru_cache(maxsize=8192)
def _parse(pattern: str) -> Any:
    """The `re` parse tree of a translated pattern, or None."""
    if compile_pattern(pattern) is None:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _sre.parse(translate_pattern(pattern))


# --- strings from patterns -------------------------------------------------------------------

_CATEGORY_TESTS = {
    _sre.CATEGORY_DIGIT: str.isdecimal,
    _sre.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    _sre.CATEGORY_SPACE: str.isspace,
    _sre.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    _sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    _sre.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}
_REPEATS = tuple(
    op for op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)) if op
)


def _in_set(items: tuple[Any, ...], ch: str) -> bool:
    """Whether `ch` is in a parsed `[...]` class."""
    code, hit, negate = ord(ch), False, False
    for op, arg in items:
        if op is _sre.NEGATE:
            negate = True
        elif op is _sre.LITERAL:
            hit = hit or code == arg
        elif op is _sre.RANGE:
            hit = hit or arg[0] <= code <= arg[1]
        elif op is _sre.CATEGORY:
            hit = hit or _CATEGORY_TESTS.get(arg, lambda c: False)(ch)
    return hit != negate


@functools.lru_cache(maxsize=4096)
def _members(op: Any, arg: Any) -> str:
    """Characters a single-character node accepts, readable ones first ('' when none found)."""
    tests = {
        _sre.IN: functools.partial(_in_set, tuple(arg)) if op is _sre.IN else None,
        _sre.ANY: lambda c: c != "\n",
        _sre.NOT_LITERAL: lambda c: ord(c) != arg,
    }
    test = tests.get(op) or _CATEGORY_TESTS.get(arg, lambda c: False)
    found = "".join(c for c in _ALPHABET if test(c))
    if not found and op is _sre.IN:  # a class of only non-ASCII characters: take its first
        lows = [a if o is _sre.LITERAL else a[0] for o, a in arg if o in (_sre.LITERAL, _sre.RANGE)]
        found = "".join(chr(c) for c in sorted(lows) if test(chr(c)))[:1]
    return found or next((chr(c) for c in range(0x80, 0x3000) if test(chr(c))), "")


class _GiveUp(Exception):
    """This strategy cannot write the pattern: an empty class, or repeats outgrew the budget."""


@dataclass(slots=True)
class _Writer:
    """Walks a parse tree once and writes one string that the pattern should find."""

    optional_once: bool  # write `x?` once instead of never
    bonus: int  # extra iterations for every repeat: to reach a minLength, or to vary
    nonempty: bool  # take the first branch that writes something (`^$|arn:...`)
    variant: int
    seed: str | None
    budget: int
    wishes: list[str] = field(default_factory=list)  # characters lookaheads ask for
    lookaheads: list[str] = field(default_factory=list)  # texts written for (?=...)
    draws: int = 0
    text: str = ""

    def pick(self, members: str, k: int) -> str:
        """Choose a character: rotate by iteration, or follow a hash stream when seeded."""
        if not members:
            raise _GiveUp  # nothing can match here; give up on this strategy
        self.budget -= 1
        if self.budget < 0:
            raise _GiveUp
        for i, wish in enumerate(self.wishes):
            if wish in members:
                return self.wishes.pop(i)
        if self.seed is None:
            return members[(k + self.variant) % len(members)]
        readable = "".join(c for c in members if c in _ALPHABET[:36]) or members  # [a-z0-9]
        return readable[self.draw(len(readable))]

    def draw(self, count: int) -> int:
        """The next number below `count` from the seed's hash stream."""
        self.draws += 1
        digest = hashlib.sha256(f"{self.seed}:{self.draws}".encode()).digest()
        return int.from_bytes(digest[:4], "big") % count

    def write(self, nodes: Any, k: int = 0, groups: dict[int, str] | None = None) -> str:
        """The text for a sequence of parse nodes; `k` is the enclosing repeat's iteration."""
        groups = {} if groups is None else groups
        out: list[str] = []
        for op, arg in nodes:
            if op is _sre.LITERAL:
                out.append(chr(arg))
            elif op in (_sre.IN, _sre.ANY, _sre.NOT_LITERAL, _sre.CATEGORY):
                out.append(self.pick(_members(op, tuple(arg) if op is _sre.IN else arg), k))
            elif op is _sre.BRANCH:  # the first branch; a seed draws one, to vary identifiers
                chosen = arg[1] if self.nonempty or self.seed is not None else arg[1][:1]
                options = [self.write(b, k, groups) for b in chosen]
                if self.seed is not None:
                    options = [o for o in options if o or not self.nonempty] or options
                    options = options[self.draw(len(options)) :]
                out.append(
                    next((o for o in options if o), options[0]) if self.nonempty else options[0]
                )
            elif op is _sre.SUBPATTERN:
                text = self.write(arg[-1], k, groups)
                if arg[0] is not None:
                    groups[arg[0]] = text
                out.append(text)
            elif op in _REPEATS:
                low, high, body = arg
                count = 1 if self.optional_once and (low, high) == (0, 1) else low
                count = min(count + self.bonus, high)
                out.extend(self.write(body, i, groups) for i in range(count))
            elif op is _sre.GROUPREF:
                out.append(groups.get(arg, ""))
            elif op is getattr(_sre, "ATOMIC_GROUP", None):
                out.append(self.write(arg, k, groups))
            elif op is _sre.GROUPREF_EXISTS:
                out.append(self.write(arg[1] if arg[0] in groups else arg[2] or [], k, groups))
            elif op is _sre.ASSERT and arg[0] == 1:  # a lookahead: its text, wishes kept
                wishes = list(self.wishes)
                self.lookaheads.append(self.write(arg[1], k, groups))
                self.wishes = wishes
            # AT, lookbehinds, ASSERT_NOT are zero-width: the final search decides about them
        return "".join(out)


def string_for_pattern(
    pattern: str,
    min_length: int = 0,
    max_length: int | None = None,
    *,
    variant: int = 0,
    seed: str | None = None,
) -> str | None:
    r"""A string that `pattern` finds (an unanchored search) within the lengths, or None.

    >>> string_for_pattern(r"^arn:aws:sqs:[a-z]+-[a-z]+-\d:\d{12}:[\w-]{1,80}$")
    'arn:aws:sqs:a-a-1:123456789012:a'
    >>> string_for_pattern(r"^[a-z]+$", min_length=5, variant=2)
    'cdefg'
    """
    # A seed draws branches too; when its draws lead nowhere, other seeds, then none, may not.
    for each in [seed] if seed is None else [seed, f"{seed}/1", f"{seed}/2", None]:
        text = _write_pattern(pattern, min_length, max_length, variant, each)
        if text is not None:
            return text
    return None


def _write_pattern(
    pattern: str, min_length: int, max_length: int | None, variant: int, seed: str | None
) -> str | None:
    """`string_for_pattern` with one seed."""
    regex, tree = compile_pattern(pattern), _parse(pattern)
    if regex is None or tree is None:
        return None
    upper = max_length if max_length is not None else 1 << 30

    def fits(text: str | None) -> bool:
        return text is not None and min_length <= len(text) <= upper and bool(regex.search(text))

    def write(optional_once: bool, bonus: int, nonempty: bool, wishes: str) -> _Writer | None:
        writer = _Writer(
            optional_once, bonus, nonempty, variant, seed, 4 * min_length + 4096, list(wishes)
        )
        try:
            writer.text = writer.write(tree)
        except _GiveUp:
            return None
        return writer

    # Variants and seeds vary only what repeats write: give every repeat some room first.
    vary = 8 if seed is not None else min(variant, 1)
    empty, asked = None, ""
    for optional_once, bonus in [
        *([(True, vary), (False, vary)] if vary else []),
        (True, 0),
        (False, 0),
    ]:
        for nonempty, wishes in ((False, ""), (True, ""), (True, None)):
            if wishes is None:  # a pass that writes the characters lookaheads ask for
                if not asked:
                    continue
                wishes = asked
            writer = write(optional_once, bonus, nonempty, wishes)
            if writer is None:
                continue
            asked = "".join(sorted(writer.lookaheads, key=len))
            candidates = [writer.text, *writer.lookaheads]
            if len(writer.text) < min_length:
                low, high = bonus + 1, bonus + min_length
                while low < high:  # the smallest bonus that reaches min_length
                    middle = (low + high) // 2
                    grown = write(optional_once, middle, nonempty, wishes)
                    if grown is None or len(grown.text) >= min_length:
                        high = middle
                    else:
                        low = middle + 1
                grown = write(optional_once, low, nonempty, wishes)
                padding = "a" * (min_length - len(writer.text))  # where the pattern is unanchored
                candidates += [
                    grown.text if grown else None,
                    writer.text + padding,
                    padding + writer.text,
                ]
            for candidate in candidates:
                if fits(candidate):
                    if candidate:
                        return candidate
                    empty = candidate  # `^$|...` reads better with its other branch
    return empty
