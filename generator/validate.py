"""Validation: every example of every published page, run against the mock Cloud Control API.

The pages are the ones in `--out` that the build of `--specs` knows (what is published, read back
from the MDX, not an internal copy). Each page's scenario runs against one in-memory mock served
over HTTP on loopback (`mockserver.MockServer`), in the page's region. Types without a create
handler get a create handler in the mock's copy of their schema, used only to seed a sample
resource for their reads (see `scenario`); their pages have no INSERT to run, and an INSERT on
such a page still fails, since StackQL offers no `create_resource` method for it.

A reviewed known-issues file (YAML, `type name: reason`) lists types whose own schema defeats an
example; their failures are reported apart, as known, and an entry whose page now passes is
reported as stale, a finding like any other.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from generator.backend import CloudControlBackend
from generator.build import build, check_stop, pool_map, usable_cpus
from generator.errors import UsageError
from generator.examples import page_region
from generator.executor import CloudControlClient, Executor
from generator.extract import extract_examples
from generator.jsontext import utf8_error
from generator.mockserver import MockServer
from generator.model import Resource, Skipped
from generator.naming import TYPE_NAME
from generator.scenario import PageRun, Status, run_page
from generator.schema import read_sources
from generator.yamltext import read_yaml, yaml_at, yaml_problem

log = logging.getLogger(__name__)

KNOWN_ISSUES_FILE = "known-issues.yaml"
KNOWN_SECTION = "known issues"
# Pages a worker process takes at a time; fewer than two chunks' worth run in-process.
PARALLEL_CHUNK = 100
THREADS = 16  # pages in flight per process


@dataclass(frozen=True, slots=True)
class Finding:
    """A failing example: the page file, the example's first line, its section, why.

    `known` is the known-issues entry's reason when the type is listed there.
    """

    page: str
    line: int
    section: str
    type_name: str
    reason: str
    known: str = ""


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts of a validation; coverage is examples run out of examples on the pages."""

    pages: int
    pages_passed: int
    examples: int
    examples_run: int
    examples_passed: int
    examples_failed: int
    examples_known: int
    coverage: float
    pages_missing: int = 0  # pages the schemas make that the output folder lacks
    # examples the type's handlers call for that a page there lacks (a section removed)
    examples_missing: int = 0


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The summary, the findings (failures not known, stale known issues) and known failures."""

    summary: Summary
    findings: tuple[Finding, ...]
    known: tuple[Finding, ...]
    # Of the types named, those that got no page (no handlers), which nothing validates.
    skipped: tuple[Skipped, ...] = ()

    @property
    def clean(self) -> bool:
        """Whether every example passed, known issues aside."""
        return not self.findings


@dataclass(frozen=True, slots=True)
class _Page:
    """One page to validate: where it is, its text, its resource and the type's schema."""

    file: str
    text: str | None
    resource: Resource
    document: Mapping[str, Any]


def validate(
    specs: Path, out: Path, known_issues: Path | None = None, types: Sequence[str] = ()
) -> ValidationReport:
    """Run every example of the pages in `out` that the schemas in `specs` make (of `types`
    only, any case, when named)."""
    if known_issues is None and (specs / KNOWN_ISSUES_FILE).is_file():
        known_issues = specs / KNOWN_ISSUES_FILE
    known = read_known_issues(known_issues) if known_issues is not None else {}
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: not a folder (--out names the folder of pages)")
    if not out.is_dir():
        raise UsageError(f"{out}: no such folder of pages (run stackql-docgen generate)")
    pages, skipped = read_pages(specs, out, types)
    runs = zip(pages, run_pages(pages), strict=True)
    return replace(report(runs, known, str(known_issues or "")), skipped=skipped if types else ())


def run_pages(pages: Sequence[_Page]) -> list[PageRun | None]:
    """Every page's scenario; on every core when there are many, each with its own mock."""
    workers = min(usable_cpus(), len(pages) // PARALLEL_CHUNK)
    if workers < 2:
        return _run_chunk(pages)
    chunks = [pages[i : i + PARALLEL_CHUNK] for i in range(0, len(pages), PARALLEL_CHUNK)]
    return [run for chunk in pool_map(_run_chunk, workers, chunks) for run in chunk]


def _run_chunk(pages: Sequence[_Page]) -> list[PageRun | None]:
    """The scenarios of some pages against one mock Cloud Control of their types.

    Pages run on a few threads, each with its own HTTP session: a page waits on the mock most
    of its time, and the pages of different types cannot see each other's resources.
    """
    schemas = {p.resource.type_name: mockable(p.document) for p in pages}
    resources = {p.resource.resource_id: p.resource for p in pages}
    with MockServer(CloudControlBackend(schemas)) as url:
        local = threading.local()
        clients: list[CloudControlClient] = []

        def run(page: _Page) -> PageRun | None:
            check_stop()  # Ctrl+C: the pages not begun are not run
            if not hasattr(local, "executor"):
                clients.append(client := CloudControlClient(url))
                local.executor = Executor(client, resources)
            return _run(page, local.executor)

        pool = ThreadPoolExecutor(THREADS)
        done = False
        try:
            runs = list(pool.map(run, pages))
            done = True
            return runs
        finally:
            # Stopped (pool_map's Ctrl+C): the pages running are of no more use.
            pool.shutdown(wait=done, cancel_futures=not done)
            for client in clients:
                client.close()


def read_pages(
    specs: Path, out: Path, types: Sequence[str] = ()
) -> tuple[list[_Page], tuple[Skipped, ...]]:
    """The resource pages the build of `specs` (of `types`, when named) knows, read from
    `out` (None when missing), and the types that got none."""
    site = build(specs, types)
    documents = {s.name: json.loads(s.data) for s in read_sources(specs)}
    resources = {r.type_name: r for r in site.resources}
    pages = []
    for outcome in site.outcomes:
        if outcome.page is None:
            continue
        path = out / outcome.page.path
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8")
        except FileNotFoundError:
            text = None
        except OSError as error:
            raise UsageError(f"{path}: cannot read: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise UsageError(_not_utf8(path, raw, error)) from error
        stale = text is not None and text != outcome.page.text
        if stale and _edited_since(specs / outcome.file, path):
            log.warning(
                "%s: its schema %s was changed after it, and generate writes it otherwise now: "
                "run stackql-docgen generate with the same --specs and --out",
                path,
                outcome.file,
            )
        pages.append(_Page(str(path), text, resources[outcome.type_name], documents[outcome.file]))
    return pages, site.skipped


def _edited_since(schema: Path, page: Path) -> bool:
    """Whether a page's schema file was modified after the page (a folder's; a zip's member
    has no time of its own to compare)."""
    try:
        return os.stat(schema).st_mtime_ns > os.stat(page).st_mtime_ns
    except OSError:  # (a zip: no such file in it as a path)
        return False


def mockable(document: Mapping[str, Any]) -> dict[str, Any]:
    """The schema as the mock gets it: with a create handler, to seed types that have none."""
    handlers = dict(document.get("handlers") or {})
    if "create" in handlers:
        return dict(document)
    return {**document, "handlers": {**handlers, "create": {"permissions": []}}}


def _run(page: _Page, executor: Executor) -> PageRun | None:
    """The scenario of one page (None when the page is missing from the output folder)."""
    if page.text is None:
        return None
    log.debug("validating %s", page.file)
    return run_page(
        extract_examples(page.text),
        page.resource,
        page.document,
        executor,
        page_region(page.resource),
    )


def report(
    runs: Iterable[tuple[_Page, PageRun | None]], known: Mapping[str, str], known_file: str
) -> ValidationReport:
    """Findings and counts of the page runs, known issues set apart, stale ones found."""
    findings: list[Finding] = []
    known_findings: list[Finding] = []
    known = {name.lower(): reason for name, reason in known.items()}  # type names: any case
    pages = passed_pages = examples = run = passed = failed = known_failed = missing = 0
    lacked = 0  # examples the pages there lack
    for page, page_run in runs:
        pages += 1
        missing += page_run is None
        type_name = page.resource.type_name
        found = _page_findings(page, page_run)
        failed_here = 0
        if page_run is not None:
            examples += len(page_run.results)
            run += sum(r.status is not Status.NOT_RUN for r in page_run.results)
            passed += sum(r.status is Status.PASSED for r in page_run.results)
            failed_here = sum(r.status is Status.FAILED for r in page_run.results)
            failed += failed_here
            lacked += len(page_run.missing)
        if not found:
            passed_pages += 1
            if type_name.lower() in known:
                findings.append(
                    Finding(
                        known_file,
                        _entry_line(known_file, type_name),
                        KNOWN_SECTION,
                        type_name,
                        f"stale: every example of {page.file} passes; remove the entry",
                    )
                )
        elif type_name.lower() in known and page_run is not None:  # excuses no absent page
            known_failed += failed_here
            known_findings += [
                Finding(f.page, f.line, f.section, f.type_name, f.reason, known[type_name.lower()])
                for f in found
            ]
        else:
            findings += found
    summary = Summary(
        pages,
        passed_pages,
        examples,
        run,
        passed,
        failed,
        known_failed,
        # Of the examples the pages there have or lack. No example to run: all of none ran,
        # unless the pages that hold them are missing.
        round(run / (examples + lacked), 4) if examples + lacked else (0.0 if missing else 1.0),
        missing,
        lacked,
    )
    return ValidationReport(summary, tuple(findings), tuple(known_findings))


def _page_findings(page: _Page, page_run: PageRun | None) -> list[Finding]:
    """One finding per example that did not pass, and per example the page lacks."""
    name = page.resource.type_name
    if page_run is None:
        return [
            Finding(
                page.file,
                0,
                "page",
                name,
                "missing from the output folder (run stackql-docgen generate with the same "
                "--specs and --out)",
            )
        ]
    found = [
        Finding(page.file, r.line or r.example.line, r.example.kind.value, name, r.reason)
        for r in page_run.results
        if r.status is not Status.PASSED
    ]
    found += [
        Finding(
            page.file,
            0,
            kind.value,
            name,
            f"missing: the type's handlers call for the {kind.value} example",
        )
        for kind in page_run.missing
    ]
    return found


def _not_utf8(path: Path, raw: bytes, error: UnicodeDecodeError) -> str:
    """The error for a file that is not UTF-8: where (line and column) and the byte."""
    line, column, message = utf8_error(raw, error.start, error.reason)
    return f"{path}:{line}:{column}: {message}"


def read_known_issues(path: Path) -> dict[str, str]:
    """The known-issues file: a YAML mapping of type name to the reviewed reason."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        data = read_yaml(text, yaml.SafeLoader)
    except OSError as error:
        raise UsageError(f"{path}: cannot read the known-issues file: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise UsageError(_not_utf8(path, raw, error)) from error
    except yaml.YAMLError as error:
        raise UsageError(
            f"{_yaml_place(path, text, error)}: not YAML: {yaml_problem(error)}"
        ) from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"{path}: expected a mapping of type name to reason")
    seen: dict[str, int] = {}
    for key, value, line in _entries(text):
        where = f"{path}:{line}"
        if not isinstance(key, str) or not TYPE_NAME.match(key):
            raise UsageError(f"{where}: {key!r} is not a type name such as AWS::S3::Bucket")
        if key.lower() in seen:  # type names are of any case
            raise UsageError(f"{where}: {key} given twice (first at line {seen[key.lower()]})")
        seen[key.lower()] = line
        if not isinstance(value, str) or not value.strip():
            raise UsageError(f"{where}: {key}: give the reason the example cannot pass")
    return {k: " ".join(v.split()) for k, v in data.items()}


def _entries(text: str) -> list[tuple[Any, Any, int]]:
    """The entries of a YAML mapping (text read_yaml has read), in order, a key given twice
    included: each key, its value and the key's line."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    loader = yaml.SafeLoader("")

    def value(node: yaml.Node) -> Any:
        try:
            return loader.construct_object(node, deep=True)
        except yaml.YAMLError:  # a merge key (<<), which read_yaml took for one
            return node.value

    return [(value(k), value(v), k.start_mark.line + 1) for k, v in node.value]


def _yaml_place(path: Path, text: str, error: yaml.YAMLError) -> str:
    """`file:line:column` of a YAML error where PyYAML knows it, else the file."""
    at = yaml_at(error, text)
    return f"{path}:{at[0]}:{at[1]}" if at else str(path)


def _entry_line(path: str, type_name: str) -> int:
    """The line of a type's entry in the known-issues file, as YAML reads it (0 when not
    found)."""
    try:
        entries = _entries(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 0
    lines = (n for k, _, n in entries if isinstance(k, str) and k.lower() == type_name.lower())
    return next(lines, 0)


# --- reports ---------------------------------------------------------------------------------


def render_text(report: ValidationReport) -> str:
    """One line per failing example (known issues marked), then the summary line."""
    lines = [str(s) for s in report.skipped]  # (as generate says it)
    lines += [_line(f) for f in report.findings]
    lines += [f"{_line(f)} [known issue: {f.known}]" for f in report.known]
    return "\n".join([*lines, summary_line(report.summary)]) + "\n"


def summary_line(summary: Summary) -> str:
    """The counts in one line.

    >>> summary_line(Summary(2, 1, 10, 9, 8, 1, 0, 0.9))
    '2 pages, 1 passed; 10 examples: 8 passed, 1 failed (0 known), 1 not run; coverage 90.0%'
    >>> summary_line(Summary(3, 1, 5, 5, 5, 0, 0, 1.0, pages_missing=2)).split("; ")[::2]
    ['3 pages, 1 passed, 2 missing', 'coverage 100.0% of the pages there']
    >>> summary_line(Summary(1, 0, 6, 6, 6, 0, 0, 0.8571, examples_missing=1)).split("; ")[1]
    '6 examples: 6 passed, 0 failed (0 known), 0 not run, 1 missing from its page'
    """
    not_run = summary.examples - summary.examples_run
    missing = f", {summary.pages_missing} missing" if summary.pages_missing else ""
    # (a missing page's examples are not known, so not counted)
    there = " of the pages there" if summary.pages_missing else ""
    return (
        f"{_count(summary.pages, 'page')}, {summary.pages_passed} passed{missing}; "
        f"{_count(summary.examples, 'example')}: {summary.examples_passed} passed, "
        f"{summary.examples_failed} failed ({summary.examples_known} known), "
        f"{not_run} not run{_lacked(summary.examples_missing)}; "
        f"coverage {summary.coverage * 100:.1f}%{there}"
    )


def _lacked(n: int) -> str:
    """The count of the examples that pages there lack, if any."""
    return "" if not n else f", {n} missing from {'its page' if n == 1 else 'their pages'}"


def _count(n: int, noun: str) -> str:
    """`1 page`, `2 pages`.

    >>> _count(1, "page"), _count(0, "example")
    ('1 page', '0 examples')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def render_json(report: ValidationReport) -> str:
    """The report as one JSON object: summary, findings, known."""
    data = {
        "summary": asdict(report.summary),
        "findings": [_json(f) for f in report.findings],
        "known": [{**_json(f), "known_issue": f.known} for f in report.known],
        "skipped": [
            {"type": s.type_name, "file": s.source, "reason": s.reason} for s in report.skipped
        ],
    }
    return json.dumps(data, indent=2) + "\n"


def _json(finding: Finding) -> dict[str, Any]:
    """A finding as JSON."""
    return {
        "page": finding.page,
        "line": finding.line,
        "section": finding.section,
        "type": finding.type_name,
        "reason": finding.reason,
    }


def _line(finding: Finding) -> str:
    """`file:line: section: reason`."""
    place = f"{finding.page}:{finding.line}" if finding.line else finding.page
    return f"{place}: {finding.section}: {finding.reason}"
