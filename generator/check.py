"""The check stage: is the output current, and (with a source) have the schemas drifted?

`check_output` compares the pages `build()` makes in memory with the files in the output folder
(the disk edge, read only); `read_source_documents` reads a schema source through the fetch stage
(the network edge); `render_markdown` and `render_json` are pure.
"""

from __future__ import annotations

import json
import os
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit

from generator.atomicfile import read_or_none
from generator.build import build, page_of_type
from generator.download import DownloadOptions
from generator.drift import Drift, DriftKind, code, diff_specs, region_drift, sort_drift
from generator.errors import FetchError, OutputError, UsageError
from generator.examples import region_named
from generator.fetch import (
    SchemaDocument,
    Source,
    SourceKind,
    document_regions,
    index_documents,
    misnamed,
    parse_type_name,
    read_source,
    resolve_source,
    select_documents,
)
from generator.lock import read_lock, regions_of
from generator.model import DEFAULT_REGION, Site, Skipped
from generator.naming import did_you_mean
from generator.normalize import is_global_service
from generator.output import (
    OWNED_FILE,
    blocker,
    is_foreign,
    pages_there,
    read_owned,
    record_bytes,
)
from generator.schema import parse_spec, read_sources


class PageState(Enum):
    """How a generated file differs from what `generate` would write; order is report order."""

    STALE = "stale"
    MISSING = "missing"
    EXTRA = "extra"
    CONFLICT = "conflict"


_MESSAGES = {
    PageState.STALE: "differs from what `stackql-docgen generate` writes",
    PageState.MISSING: "is built but not in the output folder",
    PageState.EXTRA: "was written by the generator but is no longer built",
    PageState.CONFLICT: "was not written by the generator, which will not overwrite it",
}
# The record of the files the generator wrote, missing where its pages are.
_RECORD_NOTE = ": the record of the files the generator wrote"
_RECORD_MISSING = (
    "is the record of the files the generator wrote, not in the output folder: without it, no "
    "page of a type removed later is known for the generator's. Restore it if it was there "
    "(`git checkout`), else a `generate` of every type writes it anew, and leaves the pages of "
    "types removed meanwhile for you to remove"
)
_HEADINGS = {
    PageState.STALE: ("Stale files", "They differ from what `generate` writes now."),
    PageState.MISSING: ("Missing files", "Built from the schemas, but not in the output folder."),
    PageState.EXTRA: ("Extra files", "Written by the generator, but no schema builds them now."),
    PageState.CONFLICT: (
        "Conflicting files",
        "Not written by the generator, at paths where it writes pages: `generate` stops "
        "rather than overwrite them.",
    ),
}
_TYPE_CHANGES = (DriftKind.TYPE_ADDED, DriftKind.TYPE_REMOVED)
FOLD_AFTER = 20  # longer lists of types added or removed go in a <details> block
# The Markdown must fit a pull-request comment (GitHub takes 65,536 characters): past these,
# lists end with a count of the rest, which `--format json` has whole.
MAX_LISTED = 200  # paths of one kind, types added or removed
MAX_DRIFT_CHARS = 30_000  # the changes of the types in both, in all (at least)
# The whole report at most: where the lists above add up to more, each is halved till it fits.
MAX_MARKDOWN_CHARS = 60_000
MAX_NAMED = 20  # types named on the command line, shown in the drift section's first line


@dataclass(frozen=True, slots=True)
class PageFinding:
    """One output file that is not what `generate` would leave: its path under the output."""

    state: PageState
    path: str
    message: str


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Everything `check` found; `source` is None when drift was not checked."""

    specs: str
    out: str
    source: str | None
    files: int
    page_findings: tuple[PageFinding, ...]
    drift: tuple[Drift, ...]
    specs_zip: bool = False  # a zip of schemas, which fetch does not write into
    bundled: bool = False  # the schemas in the package: fixes go to a specs folder here
    types: tuple[str, ...] = ()  # the types whose drift was asked for; () for all
    # Schemas of --specs, of types that drifted and that the source has, under another file
    # name than fetch writes (`mytopic.json`): a fetch of named types refuses them.
    renamed: tuple[str, ...] = ()
    # The region `--region` gives a source that names none (a zip of the user's), which a
    # fetch from it records: its fix commands pass it too.
    region: str | None = None
    # Whether a type's region changed where the source says none (a zip of the user's without
    # --region): it is taken for us-east-1's.
    unnamed_region: bool = False
    # Whether the source's address is shown shortened: without credentials or query (secrets).
    shortened: bool = False

    @property
    def clean(self) -> bool:
        """Whether there is nothing to report (exit code 0)."""
        return not self.page_findings and not self.drift


def check(
    specs_dir: Path,
    out_dir: Path,
    source: str | None = None,
    bundled: bool = False,
    types: Sequence[str] = (),
    region: str | None = None,
) -> CheckReport:
    """Build the site in memory, compare it with `out_dir`, and diff `specs_dir` with `source`.

    `bundled`: `specs_dir` is the package's own default, which the fix commands leave alone.
    `types` (any case): these types only, as `generate TYPE ...` writes them: their pages and
    the index pages (the pages of other types are no extra), and their drift, as of a specs
    folder that holds some types of the source, fetched by name; none: every type of either.
    `region`: of the source, as fetch's `--region`.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: not a folder")
    if not out_dir.is_dir():  # a mistyped --out, more likely than a site never generated
        raise UsageError(f"{out_dir}: no such folder of pages (run stackql-docgen generate)")
    if region is not None and source is None:
        raise UsageError("--region names the region of --source: give --source too")
    resolved = resolve_source(source, region) if source is not None else None
    # (a lock that fetch cannot read, a merge conflict, fails here first)
    regions = regions_of(read_lock(specs_dir)) if specs_dir.is_dir() else {}
    # (every type of the source: those named are chosen below, the rest are what a misspelt
    # name is told to be closest to)
    source_docs = read_source_documents(resolved) if resolved is not None else ()
    drift: tuple[Drift, ...] = ()
    sourced: dict[str, str | None] = {}  # the region of each type of the source, if it says
    named: tuple[str, ...] = tuple(types)
    local: tuple[SchemaDocument, ...] | None = None
    if resolved is not None:
        local = local_documents(specs_dir)
        before, after = local, source_docs
        if types:
            named = _named_types(types, [*local, *source_docs], specs_dir, resolved.label)
            asked = {t.lower() for t in named}  # a type the two sides spell apart counts on both
            before = [d for d in local if d.type_name.lower() in asked]
            after = [d for d in source_docs if d.type_name.lower() in asked]
        # The region a fetch from the source records, against the one recorded of each schema.
        sourced = document_regions(resolved, after)
        was = {d.type_name: regions.get(Path(d.where).name, DEFAULT_REGION) for d in before}
        comes = {d.type_name: sourced[d.type_name] or DEFAULT_REGION for d in after}
        drift = sort_drift(
            (*drift_of(before, after), *region_drift(was, comes, _pages_alike(was, comes)))
        )
    site = _site(specs_dir, out_dir, types, named, local)
    if types and resolved is None:  # as the schemas spell them, in the order named
        spelt = {o.type_name.lower(): o.type_name for o in site.outcomes}
        named = tuple(dict.fromkeys(spelt[t.lower()] for t in types))
    return CheckReport(
        specs=str(specs_dir),
        out=str(out_dir),
        source=resolved.label if resolved is not None else None,
        files=len(site.pages),
        page_findings=check_output(site, out_dir, extras=not types),
        drift=drift,
        specs_zip=specs_dir.is_file(),
        bundled=bundled,
        types=named,
        renamed=_renamed(local or (), drift),
        region=resolved.region if resolved is not None else None,
        shortened=resolved is not None and _with_secrets(resolved),
        unnamed_region=any(
            d.kind is DriftKind.REGION_CHANGED and sourced.get(d.type_name) is None for d in drift
        ),
    )


def _renamed(local: Sequence[SchemaDocument], drift: Sequence[Drift]) -> tuple[str, ...]:
    """The schemas of `local` whose type drifted, that the source still has, under another
    file name than the one fetch writes for it."""
    fetched = {d.type_name.lower() for d in drift if d.kind is not DriftKind.TYPE_REMOVED}
    return tuple(
        d.where
        for d in local
        if d.type_name.lower() in fetched and misnamed(Path(d.where), d.type_name)
    )


def _site(
    specs_dir: Path,
    out_dir: Path,
    types: Sequence[str],
    named: Sequence[str],
    local: Sequence[SchemaDocument] | None,
) -> Site:
    """The pages to compare: all, or as `generate TYPE ...` writes those of the types named
    that --specs has (with --source, `local`: a type only the source has has no page yet)."""
    if not types:
        return build(specs_dir, models=False)
    if local is not None:
        have = {d.type_name.lower() for d in local}
        named = [t for t in named if t.lower() in have]
        if not named:  # no page, and no build: each schema is checked all the same
            for d in local:
                parse_spec(d.where, d.data, meta_check=False)
            return Site(pages=(), outcomes=(), resources=(), warnings=(), skipped=())
    return build(specs_dir, named, models=False, present=pages_there(out_dir))


def _with_secrets(source: Source) -> bool:
    """Whether a source is an address with credentials, a query or a fragment, which its label
    (the lock's, the report's) leaves out.

    >>> _with_secrets(resolve_source("https://u:p@example.com/s.zip", None))
    True
    >>> _with_secrets(resolve_source("HTTPS://example.com/s.zip", None))
    False
    """
    if source.kind is not SourceKind.URL:
        return False
    parts = urlsplit(source.location)
    return bool(parts.username or parts.password or parts.query or parts.fragment)


def _pages_alike(was: Mapping[str, str], comes: Mapping[str, str]) -> dict[str, str]:
    """Of the types fetched for another region, those whose page names the same region either
    way (a global service's, us-east-1 in AWS's commercial partition), with that region."""
    alike = {}
    for name in was.keys() & comes.keys():
        named = region_named(was[name], is_global_service(name))
        if named == region_named(comes[name], is_global_service(name)):
            alike[name] = named
    return alike


def _named_types(
    types: Sequence[str], specs: Sequence[SchemaDocument], specs_dir: Path, source: str
) -> tuple[str, ...]:
    """The type names `types` name (any case), as the schemas spell them (the first that does),
    in the order named; a name that neither side has is bad input."""
    spelt: dict[str, str] = {}
    for spec in specs:
        spelt.setdefault(spec.type_name.lower(), spec.type_name)
    unknown = [t for t in types if t.lower() not in spelt]
    if unknown:
        hint = did_you_mean(unknown, list(spelt.values()))
        raise UsageError(f"no schema for {', '.join(unknown)} in {specs_dir} or {source}{hint}")
    return tuple(dict.fromkeys(spelt[t.lower()] for t in types))


def check_output(site: Site, out_dir: Path, extras: bool = True) -> tuple[PageFinding, ...]:
    """Compare built pages with the files in `out_dir`: stale, missing, extra (owned only;
    none without `extras`, for a site of some types only)."""
    found: list[PageFinding] = []
    built = {page.path for page in site.pages}
    owned = read_owned(out_dir)
    blocked: set[str] = set()
    written = False  # whether a page the generator writes is there
    for page in site.pages:
        # A folder or file of another's in the way: named, once (`aws/sns`, a file where the
        # folder of three pages goes), as generate names it.
        if in_the_way := blocker(out_dir, page.path):
            rel = in_the_way.relative_to(out_dir).as_posix()
            if rel not in blocked:
                blocked.add(rel)
                found.append(_finding(PageState.CONFLICT, rel))
            continue
        data = read_or_none(out_dir / page.path)
        text = page.text.encode("utf-8")
        if data is None:
            found.append(_finding(PageState.MISSING, page.path))
        elif is_foreign(page.path, data, text, owned):
            found.append(_finding(PageState.CONFLICT, page.path))
        else:
            written = True
            if data != text:
                found.append(_finding(PageState.STALE, page.path))
    skipped = {page_of_type(s.type_name): s for s in site.skipped}
    for rel in sorted(owned - built) if extras else ():
        if (out_dir / rel).is_file():
            finding = _finding(PageState.EXTRA, rel)
            if (why := skipped.get(rel)) is not None:  # its schema is there, but gives no page
                finding = replace(finding, message=f"{finding.message}{_skipped_note(why)}")
            found.append(finding)
    if written and not os.path.lexists(out_dir / OWNED_FILE):
        # Pages the generator wrote, but no record of them: deleted (in a pull request, a
        # merge), it leaves no page of a type removed later known for the generator's.
        found.append(PageFinding(PageState.MISSING, OWNED_FILE, _RECORD_MISSING))
    elif written and extras and (unnamed := _unrecorded(site, out_dir, owned, found)):
        # A record that lost names (a merge that took one side, a run stopped before its
        # end): the pages it does not name would not be removed with their type.
        found.append(PageFinding(PageState.STALE, OWNED_FILE, _record_stale(unnamed)))
    elif written and extras and not any(f.state is PageState.EXTRA for f in found):
        # Else what generate writes over it: names of files not there, another order.
        if read_or_none(out_dir / OWNED_FILE) != record_bytes(built):
            found.append(_finding(PageState.STALE, OWNED_FILE))
    order = list(PageState)
    return tuple(sorted(found, key=lambda f: (order.index(f.state), f.path)))


def _skipped_note(skipped: Skipped) -> str:
    """What an extra page's note says of its type's schema, which is there but gives no page."""
    return f": its schema, {skipped.source}, is skipped ({skipped.reason})"


def _unrecorded(
    site: Site, out_dir: Path, owned: frozenset[str], found: Sequence[PageFinding]
) -> list[str]:
    """The built files in the output folder, the generator's, that its record does not name."""
    other = {f.path for f in found if f.state is not PageState.STALE}  # missing, another's
    return [p.path for p in site.pages if p.path not in owned and p.path not in other]


def _record_stale(unnamed: Sequence[str]) -> str:
    """The message of a record that does not name files the generator wrote."""
    shown = ", ".join(unnamed[:3]) + (f" and {len(unnamed) - 3} more" if len(unnamed) > 3 else "")
    return (
        f"does not name {_count(len(unnamed), 'file')} the generator wrote ({shown}): none of "
        "them would be removed with its type"
    )


def read_source_documents(source: Source) -> tuple[SchemaDocument, ...]:
    """Read the schemas of a source (URL, zip, folder, cfn-lint) through the fetch stage, each
    with its typeName (the JSON alone parsed: a schema of a type not named that cannot be
    used is no news to a check of named types, as it is none to their fetch)."""
    documents = read_source(source, (), DownloadOptions())
    index = index_documents(documents)  # two documents of one type are a FetchError
    # None is bad input, as for fetch: not a source whose every type was removed.
    return select_documents(index, (), source.label)


def local_documents(specs_dir: Path) -> tuple[SchemaDocument, ...]:
    """The schemas of a folder or zip, each with its typeName (the JSON alone parsed: `build`
    checks each schema as it builds); one that has none raises the SpecError of `parse_spec`."""
    documents = []
    for source in read_sources(specs_dir):
        try:
            type_name = parse_type_name(source.label, source.data)
        except FetchError:  # said as any command says a schema it cannot use
            type_name = parse_spec(source.label, source.data, meta_check=False).type_name
        documents.append(SchemaDocument(type_name, source.label, source.data))
    return tuple(documents)


def drift_of(
    before: Sequence[SchemaDocument], after: Sequence[SchemaDocument]
) -> tuple[Drift, ...]:
    """`diff_specs` of two sets of schemas, of which only those are parsed and checked whose
    type is not on the other side with the same bytes: most types, from one week to the
    next, which are no drift (and `build` checks each of `--specs`)."""
    old: dict[str, list[bytes]] = {}
    new: dict[str, list[bytes]] = {}
    for documents, side in ((before, old), (after, new)):
        for d in documents:
            side.setdefault(d.type_name, []).append(d.data)
    # (a type of two files on one side is parsed, for diff_specs to refuse it)
    same = {t for t in old.keys() & new.keys() if len(old[t]) == len(new[t]) == 1}
    same = {t for t in same if old[t][0] == new[t][0]}
    return diff_specs(
        [parse_spec(d.where, d.data, meta_check=False) for d in before if d.type_name not in same],
        [parse_spec(d.where, d.data, meta_check=False) for d in after if d.type_name not in same],
    )


def render_markdown(report: CheckReport) -> str:
    """The report as Markdown for a pull-request comment or a GitHub job summary, at most
    MAX_MARKDOWN_CHARS long."""
    listed = MAX_LISTED
    # The changes per type take what room the rest leaves (MAX_DRIFT_CHARS at least; some
    # for the line that says how many are left out).
    rest = len(_markdown(report, listed, 0)) if report.drift else 0
    drift_chars = max(MAX_DRIFT_CHARS, MAX_MARKDOWN_CHARS - rest - 1_000)
    text = _markdown(report, listed, drift_chars)
    while len(text) > MAX_MARKDOWN_CHARS and listed > 1:
        listed, drift_chars = listed // 2, drift_chars // 2
        text = _markdown(report, listed, drift_chars)
    return text


def _markdown(report: CheckReport, listed: int, drift_chars: int) -> str:
    """The report as Markdown, each list cut after `listed` items, the changes of the types
    in both after `drift_chars` characters."""
    lines = ["## stackql-docgen check", "", summary_line(report)]
    for state in PageState:
        paths = [f.path for f in report.page_findings if f.state is state]
        if paths:
            title, note = _HEADINGS[state]
            lines += ["", f"### {title}", "", f"{note} Output folder: {code(report.out)}.", ""]
            # (a missing record: what it is for, and how to have it back)
            notes = {
                OWNED_FILE: f" {_RECORD_MISSING}." if state is PageState.MISSING else _RECORD_NOTE
            }
            notes.update(  # (a page of a type whose schema is skipped: why)
                (f.path, f.message.removeprefix(_MESSAGES[state]))
                for f in report.page_findings
                if f.state is state and f.path != OWNED_FILE and f.message != _MESSAGES[state]
            )
            lines += [f"- {code(path)}{notes.get(path, '')}" for path in paths[:listed]]
            lines += _rest(len(paths) - listed, "file")
    if report.drift:
        lines += [
            "",
            "### Schema drift",
            "",
            f"From {code(report.specs)} to {code(report.source or '')}{_of_types(report)}.",
            "",
        ]
        lines += _drift_lines(report.drift, listed, drift_chars)
    if not report.clean:
        lines += ["", "### How to fix", "", *_fix_lines(report)]
    return "\n".join(lines) + "\n"


def _of_types(report: CheckReport) -> str:
    """The types a report's drift is limited to, in words (nothing when it is not)."""
    if not report.types:
        return ""
    names = [code(t) for t in report.types[:MAX_NAMED]]
    rest = len(report.types) - MAX_NAMED
    return ", for " + ", ".join(names) + (f" and {_count(rest, 'more type')}" if rest > 0 else "")


def summary_line(report: CheckReport) -> str:
    """One line of counts.

    >>> r = CheckReport("specs", "output", None, 3, (), ())
    >>> summary_line(r)
    '**No findings**: 3 files current; schema drift not checked (no `--source`).'
    """
    counts = {state: 0 for state in PageState}
    for finding in report.page_findings:
        counts[finding.state] += 1
    total = len(report.page_findings) + len(report.drift)
    head = "**No findings**" if total == 0 else f"**{_count(total, 'finding')}**"
    if report.page_findings:
        pages = (
            f"{counts[PageState.STALE]} stale, {counts[PageState.MISSING]} missing, "
            f"{counts[PageState.EXTRA]} extra"
            + (f", {counts[PageState.CONFLICT]} conflicting" if counts[PageState.CONFLICT] else "")
            + f" of {_count(report.files, 'file')}"
        )
    else:
        pages = f"{_count(report.files, 'file')} current"
    if report.source is None:
        drift = "schema drift not checked (no `--source`)"
    elif not report.drift:
        drift = f"no schema drift from {code(report.source)}"
    else:
        drift = f"{_drift_counts(report.drift)} from {code(report.source)}"
    return f"{head}: {pages}; {drift}."


def render_json(report: CheckReport) -> str:
    """The report as one JSON object: sorted keys, a `summary` and the list of `findings`."""
    counts = {state.value: 0 for state in PageState}
    for finding in report.page_findings:
        counts[finding.state.value] += 1
    summary = {
        "clean": report.clean,
        "findings": len(report.page_findings) + len(report.drift),
        "files": report.files,
        **counts,
        "drift": len(report.drift),
        "drifted_types": len({d.type_name for d in report.drift}),
        "specs": report.specs,
        "out": report.out,
        "source": report.source,
        "types": list(report.types) or None,
    }
    findings = [
        {"category": "output", "kind": f.state.value, "path": f.path, "message": f.message}
        for f in report.page_findings
    ] + [
        {
            "category": "drift",
            "kind": d.kind.value,
            "type": d.type_name,
            "pointer": d.pointer,
            "before": d.before,
            "after": d.after,
            "message": d.message,
        }
        for d in report.drift
    ]
    document = {"summary": summary, "findings": findings}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _drift_counts(drift: Sequence[Drift]) -> str:
    """Types added and removed, and changes to the types in both, in words."""
    added = sum(d.kind is DriftKind.TYPE_ADDED for d in drift)
    removed = sum(d.kind is DriftKind.TYPE_REMOVED for d in drift)
    changed = [d for d in drift if d.kind not in _TYPE_CHANGES]
    parts = [f"{_count(added, 'type')} added"] if added else []
    parts += [f"{_count(removed, 'type')} removed"] if removed else []
    if changed:
        types = len({d.type_name for d in changed})
        parts.append(f"{_count(len(changed), 'schema change')} in {_count(types, 'type')}")
    return ", ".join(parts)


# Changes that break what a user of the pages did (a column gone or retyped, another
# identifier, a verb gone or new): the types that have them come first in the report, those
# of descriptions only last, where the report's length cuts it short.
_WEIGHTY = frozenset(
    {
        DriftKind.PROPERTY_REMOVED,
        DriftKind.PROPERTY_RETYPED,
        DriftKind.REQUIRED_ADDED,
        DriftKind.PRIMARY_IDENTIFIER_CHANGED,
        DriftKind.CREATE_ONLY_ADDED,
        DriftKind.HANDLER_ADDED,
        DriftKind.HANDLER_REMOVED,
    }
)
_SLIGHT = frozenset(
    {
        DriftKind.DESCRIPTION_CHANGED,
        DriftKind.MOVED,
        DriftKind.OTHER_CHANGED,
        DriftKind.LAYOUT_CHANGED,
        DriftKind.REGION_CHANGED,
    }
)


def _weight(changes: Sequence[Drift]) -> int:
    """0 for a type of weighty changes, 2 for one of descriptions (or others) only, else 1."""
    kinds = {d.kind for d in changes}
    return 0 if kinds & _WEIGHTY else 2 if kinds <= _SLIGHT else 1


def _drift_lines(drift: Sequence[Drift], listed: int, drift_chars: int) -> list[str]:
    """Types added, types removed, then one list of changes per type: the types of weighty
    changes first, of descriptions only last, each in name order."""
    lines: list[str] = []
    for kind, title in (
        (DriftKind.TYPE_ADDED, "Types added"),
        (DriftKind.TYPE_REMOVED, "Types removed"),
    ):
        names = [d.type_name for d in drift if d.kind is kind]
        items = [f"- {code(n)}" for n in names[:listed]] + _rest(len(names) - listed, "type")
        if len(names) > FOLD_AFTER:  # a whole provider's worth: fold it, keep the page short
            items = [
                "<details>",
                f"<summary>{len(names)} types</summary>",
                "",
                *items,
                "",
                "</details>",
            ]
        if names:
            lines += [f"#### {title}", "", *items, ""]
    by_type: dict[str, list[Drift]] = {}  # in name order, as drift comes
    for d in drift:
        if d.kind not in _TYPE_CHANGES:
            by_type.setdefault(d.type_name, []).append(d)
    names = sorted(by_type, key=lambda n: _weight(by_type[n]))  # stable: in name order within
    size = 0
    for i, name in enumerate(names):
        section = [f"#### {code(name)}", ""]
        section += _change_lines(by_type[name])
        size += sum(len(line) + 1 for line in section)
        if size > drift_chars:
            rest = sum(len(by_type[n]) for n in names[i:])
            lines += [
                f"… and {_count(rest, 'change')} in {_count(len(names) - i, 'more type')} "
                "(the whole list: `--format json`).",
                "",
            ]
            break
        lines += [*section, ""]
    return lines[:-1]


# Past this many, a type's members whose descriptions changed are counted, not listed.
MAX_DESCRIPTIONS_LISTED = 3


def _change_lines(changes: Sequence[Drift]) -> list[str]:
    """The lines of one type's changes: the changed descriptions of its members counted, in
    one line, where there are many."""

    def of_member(d: Drift) -> bool:
        return d.kind is DriftKind.DESCRIPTION_CHANGED and bool(d.pointer)

    count = sum(map(of_member, changes))
    if count <= MAX_DESCRIPTIONS_LISTED:
        return [f"- {d.message}" for d in changes]
    lines, counted = [], False
    for d in changes:
        if not of_member(d):
            lines.append(f"- {d.message}")
        elif not counted:  # where the first of them stands
            lines.append(f"- the descriptions of {count} members changed (each: `--format json`)")
            counted = True
    return lines


def _rest(left: int, noun: str) -> list[str]:
    """The line that counts what a list leaves out, if it leaves out anything."""
    if left <= 0:
        return []
    return [f"- … and {_count(left, f'more {noun}')} (the whole list: `--format json`)"]


def _fix_lines(report: CheckReport) -> list[str]:
    """What to run to make `check` pass."""
    if report.drift and report.specs_zip:
        return [
            f"{code(report.specs)} is a zip, which `fetch` does not write into: unpack it into a "
            "folder of schemas, pass that as `--specs`, and check again for the commands."
        ]
    lines, commands = [], []
    specs = "specs" if report.bundled else report.specs  # never into the installed package
    if any(f.state is PageState.CONFLICT for f in report.page_findings):
        lines += ["Move the conflicting files out of the output folder first.", ""]
    if report.renamed and report.types:  # (without TYPEs, `fetch --prune` deletes them)
        lines += [
            f"Move {', '.join(code(path) for path in report.renamed)} out of {code(specs)} "
            "first: `fetch` writes each schema under its type's file name, and refuses a type "
            "that the folder holds under another.",
            "",
        ]
    source = _shell(report.source or "") + (f" --region {report.region}" if report.region else "")
    if report.shortened and report.drift:
        lines += [
            f"{code(report.source or '')} is the source's address without its credentials or "
            "query, which are not shown: give `fetch` the address as you gave it to `check`.",
            "",
        ]
    if report.unnamed_region:
        lines += [
            f"{code(report.source or '')} names no region, and is taken for "
            f"{code(DEFAULT_REGION)}'s: if it holds another region's schemas, give that region "
            "as `--region`, to `check` and to `fetch`.",
            "",
        ]
    gone = [d.type_name for d in report.drift if d.kind is DriftKind.TYPE_REMOVED]
    # The named types that have a schema still: fetched and generated by name.
    lost = {g.lower() for g in gone}
    kept = [t for t in report.types if t.lower() not in lost]
    if report.drift and report.types:  # the named types only: fetch those the source has
        if gone:
            names, one = ", ".join(code(t) for t in gone), len(gone) == 1
            if report.bundled:  # the package's own schema: nothing to delete
                advice = f"The source no longer has {names}: stop naming {'it' if one else 'them'}"
                advice += " (the bundled default schema stays in the package)."
            else:  # fetch --prune deletes their schemas and lock entries
                advice = f"The source no longer has {names}: the `fetch` below (`--prune`) "
                advice += f"deletes {'its schema' if one else 'their schemas'} from "
                advice += f"{code(specs)}, and the `generate` below, of every type, removes "
                advice += f"{'its pages' if one else 'theirs'}; then stop naming "
                advice += f"{'it' if one else 'them'}."
            lines += [advice, ""]
        if gone and not report.bundled:
            named = " ".join(_shell(t) for t in report.types)
            commands.append(
                f"stackql-docgen fetch {named} --prune --source {source} --specs {_shell(specs)}"
            )
        elif kept:
            named = " ".join(_shell(t) for t in kept)
            commands.append(
                f"stackql-docgen fetch {named} --source {source} --specs {_shell(specs)}"
            )
    elif report.drift:
        # --prune: fetch would keep the schemas of types the source no longer has, and refuse
        # those of types it has under another file name
        commands.append(
            f"stackql-docgen fetch{' --prune' if gone or report.renamed else ''} "
            f"--source {source} --specs {_shell(specs)}"
        )
    # Where nothing is fetched, the bundled schemas are named by naming none (generate falls
    # back to them too).
    where = "" if report.bundled and not commands else f" --specs {_shell(specs)}"
    # A generate of named types records its own files only: the record is written whole by
    # that of every type.
    record = any(f.path == OWNED_FILE for f in report.page_findings)
    if kept and not (gone and not report.bundled) and not record:  # those types' pages only
        where = " " + " ".join(_shell(t) for t in kept) + where
    # A generate of named types removes no page: that of every type removes the lost types'.
    commands.append(f"stackql-docgen generate{where} --out {_shell(report.out)}")
    lines += ["```sh", *commands, "```"]
    also = f", and the record {code(OWNED_FILE)}" if record else ""  # (one git ignores, say)
    lines += ["", f"Then commit the changes to the schemas and the pages{also}."]
    return lines


def _finding(state: PageState, path: str) -> PageFinding:
    """A page finding with its sentence."""
    return PageFinding(state, path, _MESSAGES[state])


def _count(n: int, noun: str) -> str:
    """`1 page`, `2 pages`.

    >>> _count(1, "page"), _count(0, "type")
    ('1 page', '0 types')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _shell(word: str) -> str:
    """Quote a word for a POSIX shell when it needs it.

    >>> _shell("specs"), _shell("my specs")
    ('specs', "'my specs'")
    """
    return shlex.quote(word)
