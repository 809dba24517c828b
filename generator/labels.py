"""The names of the examples' placeholders: a leaf's own key where no other leaf on the page has
it, else as much of its path as tells it apart (`{{ Environment[0].Name }}`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping

from generator.model import ArrayValue, ObjectValue, Placeholder, Value


def short_names(
    values: dict[str, Value],
    leaves: Mapping[tuple[str, ...], str],
    tops: Collection[str],
    on_page: frozenset[str] | None = None,
) -> dict:
    """Rename placeholders to their own key where no other leaf on the page has that key, else
    to as much of their path as tells them apart: each place takes a value of its own.

    The `ListenerArns` of a production and a test traffic route (one definition reached from
    two places) are `ProdTrafficRoute.ListenerArns[0]` and `TestTrafficRoute.ListenerArns[0]`,
    as the `Destination` of `OnFailure` and of `OnSuccess` are, and a `Name` of an environment
    variable beside the `Name` of a secret (`Environment[0].Name`, `Secrets[0].Name`): one
    value would fill both, where AWS asks two (an EVS environment's ten VLANs, each of its own
    CIDR block; a Spot Fleet's tag specifications, of a request and of its instances).

    `leaves` gives each placeholder's name as built (`path_label`) by its path. Only the leaves
    of the properties `on_page` (all, when None) are weighed: the others are not shown. No name
    of a nested leaf starts with a top-level property's name: it would read as a path through
    that property. A path of more than `MAX_LABEL` characters gives way to the key and a number
    (`{{ DecimalPlaces_3 }}`).
    """
    by_key: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for path in dict.fromkeys([*((name,) for name in tops), *leaves]):
        if on_page is None or path[0] in on_page:
            by_key[_key(path).lower()].append(path)  # `KmsKeyArn` and `KMSKeyArn` look alike
    labels: dict[tuple[str, ...], str] = {}
    top_names = frozenset(tops)
    lowered_tops = {name.lower() for name in tops}
    for lowered, paths in by_key.items():
        # A lone leaf takes its key; leaves of one key, the ending of their paths that tells
        # each from the others (`Environment[0].Name` beside `Secrets[0].Name`); a top-level
        # one keeps its key.
        key = _key(paths[0])
        bare = (key,) in paths or lowered not in lowered_tops  # nor as a top-level one
        if len(paths) == 1 and bare:
            labels[paths[0]] = key_label(paths[0])
        else:
            labels.update(_numbered_if_long(_distinct_labels(paths, top_names)))
    _unnest(labels, top_names)
    names: dict[str, str] = {}  # placeholders' names by their paths, of those that change
    renamed = set()  # the properties that hold them: only their values are walked
    for path, label in labels.items():
        if len(path) > 1 and (name := leaves[path]) != label:  # (top-level ones are no leaves)
            names[name] = label
            renamed.add(path[0])  # (property names are of letters and digits: none is another's)
    if not names:
        return values
    return {
        prop: _renamed(value, names) if prop in renamed else value for prop, value in values.items()
    }


def _unnest(labels: dict[tuple[str, ...], str], tops: frozenset[str]) -> None:
    """Lengthen the labels that another label reads as a path through (`Items[0]` beside
    `Items[0].Id`, of two arrays named `Items`) to the shortest ending of their path that no
    label starts with and none takes; a top-level property's name stays as it is.

    >>> codes, group = ("D", "Groups", "*", "Codes", "Items", "*"), ("D", "Items", "*", "Id")
    >>> labels = {codes: "Items[0]", group: "Items[0].Id"}
    >>> _unnest(labels, frozenset({"D"})); labels[codes]
    'Codes.Items[0]'
    """
    for _ in range(len(labels)):  # each round lengthens a label: whole paths end it
        starts = _label_starts(labels.values())
        shared = _shared_roots(labels)
        nested = [
            p for p, label in labels.items() if len(p) > 1 and (label in starts or p in shared)
        ]
        if not nested:
            return
        for path in nested:
            taken = set(labels.values())
            for start in _starts(path):
                label = path_label(path[start:])
                if len(label) <= len(labels[path]) or (start and path[start] in tops):
                    continue
                if label not in taken and label not in starts:
                    break
            else:
                label = path_label(path)
            if len(label) > MAX_LABEL:  # numbered after the others of its key
                numbered = f"{_key(path)}_"
                n = 1 + sum(1 for other in taken if other.startswith(numbered))
                label = _numbered_label(path, n)
            labels[path] = label


def _shared_roots(labels: Mapping[tuple[str, ...], str]) -> set[tuple[str, ...]]:
    """The paths whose label starts with a name (`FiltersConfig[0].Action`) that another label
    starts with too, of another object (`FiltersConfig[0].InputAction`, of an array of another
    property): a reader takes the two for items of one array. Not those of a top-level
    property, whose labels are their whole paths.

    >>> a, b = ("A", "Filters", "*", "Action"), ("B", "Filters", "*", "Type")
    >>> sorted(_shared_roots({a: "Filters[0].Action", b: "Filters[0].Type"}))[0][0]
    'A'
    >>> _shared_roots({a: "Filters[0].Action", ("A", "Filters", "*", "Id"): "Filters[0].Id"})
    set()
    """
    objects: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # by a label's first name
    first: dict[tuple[str, ...], str] = {}  # each path's label's first name
    for path, label in labels.items():
        if "." not in label and "[" not in label:  # a key alone: `_label_starts`'s concern
            continue
        start = next((i for i in _starts(path) if path_label(path[i:]) == label), None)
        if start:  # (None: a numbered label; 0: a whole path)
            first[path] = _PATH_STEP.split(label, 1)[0].lower()
            objects[first[path]].add(path[: start + 1])
    return {path for path, name in first.items() if len(objects[name]) > 1}


def _label_starts(labels: Collection[str]) -> set[str]:
    """Every beginning of a label that ends where a path goes on (before `.` or `[`)."""
    starts = set()
    for label in labels:
        if "." not in label and "[" not in label:  # most: a key alone
            continue
        starts.update(label[: m.start()] for m in _PATH_STEP.finditer(label, 1))
    return starts


# Where a label goes on into a member or an item.
_PATH_STEP = re.compile(r"[.\[]")


# The longest placeholder name a path gives; past it, a leaf is named by its key and a number.
MAX_LABEL = 60


def _numbered_if_long(labels: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """Labels of one key, those past `MAX_LABEL` characters replaced by the key and their number
    among them, in path order (`Name_1`, `Name_2`): no property name has an underscore, so none
    is taken for a path, and each stays one name a template can fill.

    >>> long = ("A" * 40, "B" * 20, "Name")
    >>> _numbered_if_long({("X", "Name"): "X.Name", long: ".".join(long)})[long]
    'Name_1'
    """
    n = 0
    for path, label in labels.items():
        if len(label) > MAX_LABEL:
            n += 1
            labels[path] = _numbered_label(path, n)
    return labels


def _numbered_label(path: tuple[str, ...], n: int) -> str:
    """A leaf's key and a number, with `[0]` per array level below the key (`Paths_2[0]`)."""
    trail = 0
    while trail < len(path) and path[-1 - trail] == "*":
        trail += 1
    return f"{_key(path)}_{n}" + "[0]" * trail


def _key(path: tuple[str, ...]) -> str:
    """A leaf's own key: its last property name (array items keep their owner's)."""
    if path[-1] != "*":
        return path[-1]
    return next(p for p in reversed(path) if p != "*")


def _distinct_labels(
    paths: list[tuple[str, ...]], tops: frozenset[str] = frozenset()
) -> dict[tuple[str, ...], str]:
    """Labels for leaves of one key: each path's shortest ending (from a property name on,
    array levels aside) that no other path ends in, else the whole path. No ending but a whole
    path starts with a top-level property's name (`tops`): it would read as a path through it.

    >>> env, secret = ("C", "Environment", "*", "Name"), ("C", "Secrets", "*", "Name")
    >>> sorted(_distinct_labels([env, secret]).values())
    ['Environment[0].Name', 'Secrets[0].Name']
    """
    endings = {path: _endings(path) for path in paths}
    held: dict[tuple[str, ...], int] = defaultdict(int)  # how many paths end so
    for path in paths:
        for _, ending in endings[path]:
            held[ending] += 1
    labels: dict[tuple[str, ...], str] = {}
    for path in paths:
        others = tops - {path[0]} if len(path) == 1 else tops  # a top-level one's own name
        for start, ending in endings[path]:
            if start and path[start] in others:
                continue
            if held[ending] == 1:
                labels[path] = path_label(path[start:])
                break
        else:  # no ending is free: the whole path, unique on the page
            labels[path] = path_label(path)
    return labels


def _starts(path: tuple[str, ...]) -> list[int]:
    """Where an ending of a path may start, shortest ending first: at a property name."""
    return [i for i in range(len(path) - 1, -1, -1) if path[i] != "*"]


def _endings(path: tuple[str, ...]) -> list[tuple[int, tuple[str, ...]]]:
    """Every ending of a path's property names (array levels aside), shortest first, each with
    where it starts in the path (see `_starts`); in lower case, as two names a reader would
    take for one (`KmsKeyArn`, `KMSKeyArn`) compare.

    >>> _endings(("Rules", "*", "Name"))
    [(2, ('name',)), (0, ('rules', 'name'))]
    """
    endings = []
    ending: tuple[str, ...] = ()
    for start in _starts(path):
        ending = (path[start].lower(), *ending)
        endings.append((start, ending))
    return endings


def path_label(path: tuple[str, ...]) -> str:
    """A path as a placeholder names it: `Rules[0].Name` for ("Rules", "*", "Name")."""
    return ".".join(path).replace(".*", "[0]")


def member_path(path: tuple[str, ...]) -> str:
    """A path as the page's prose names a member: `Rules[*].Name` for ("Rules", "*", "Name")."""
    return ".".join(path).replace(".*", "[*]")


def key_label(path: tuple[str, ...]) -> str:
    """The short label of a leaf: its key, with `[0]` per array level below it."""
    trail = 0
    for part in reversed(path):
        if part != "*":
            break
        trail += 1
    return _key(path) + "[0]" * trail


def _renamed(value: Value, names: dict[str, str]) -> Value:
    """A value with its placeholders renamed."""
    if isinstance(value, Placeholder):
        name = names.get(value.name)
        return value if name is None else Placeholder(name, value.type)
    if isinstance(value, ObjectValue):
        return ObjectValue(tuple([(k, _renamed(v, names)) for k, v in value.members]))
    if isinstance(value, ArrayValue):
        return ArrayValue(_renamed(value.item, names), value.count, value.label, value.fixed)
    return value
