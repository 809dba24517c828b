"""The pipeline, written once: load, normalize, render. Every command calls `build()`."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import signal
import sys
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from generator.errors import Terminated, UsageError, WorkerLost
from generator.exclusive import stale
from generator.lock import read_lock, regions_of
from generator.model import (
    DEFAULT_REGION,
    Outcome,
    Page,
    Resource,
    Site,
    Skipped,
    SourceFile,
    Summary,
)
from generator.naming import did_you_mean, page_path, pluralize, snake_case
from generator.normalize import normalize
from generator.render import (
    render_page,
    render_provider_index,
    render_service_index,
    template_dir,
)
from generator.schema import list_sources, load_source, parse_spec
from generator.values import MAX_VALUES

log = logging.getLogger(__name__)

NO_HANDLERS = "no handlers: Cloud Control cannot manage it"
# The size a page should stay under (Terraform's docs generator's limit); AWS's largest is 222 KB.
MAX_PAGE_BYTES = 500 * 1024
# Schemas a worker process takes at a time; fewer than two chunks' worth are built in-process.
PARALLEL_CHUNK = 100
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends
Progress = Callable[[int, int], None]
Built = tuple[Outcome, Resource | None]


def build(
    specs: Path,
    types: Sequence[str] = (),
    reuse: Mapping[tuple[str, str], Outcome] | None = None,
    progress: Progress | None = None,
    models: bool = True,
    present: Collection[str] = (),
    on_pages: Callable[[list[Page]], None] | None = None,
) -> Site:
    """Build every page of the schemas in `specs` (a folder or a zip) in memory.

    With `types`, only those types' resource pages are rendered, and the index pages list
    those and the resources whose page is in `present` (the pages the output folder holds
    already): they link to no page that is not there.
    `on_pages`, if given, is handed the resource pages as they are built, a batch at a time
    (the output's `Stager` writes them aside meanwhile); the Site has them all the same.
    `reuse` maps (file name, sha256) to the outcome of a previous build of the same bytes by
    the same generator: those schemas are neither parsed nor rendered again. Without
    `models`, the Site holds no resources (copying them back from the workers is slow).
    """
    reuse = reuse or {}
    # A file whose stamp is as when a reused outcome's bytes were read has those bytes still.
    sources = list_sources(specs, known_stamps(reuse.values()))
    if not sources:  # a wrong folder would otherwise prune every page of the output
        raise UsageError(f"{specs}: no schemas (*.json) in it")
    # The region that fetch recorded for each schema, which its examples name.
    if specs.is_dir() and (regions := regions_of(read_lock(specs))):
        sources = [replace(s, region=regions.get(s.name, DEFAULT_REGION)) for s in sources]
    wanted = frozenset(t.lower() for t in types)
    # Read here only what may be reused by its digest; the rest is read where it is built.
    reusable = {name for name, _ in reuse}
    sources = tuple(load_source(s) if not s.sha256 and s.name in reusable else s for s in sources)
    kept = [
        _reusable(reuse.get((s.name, _digest(s))), wanted, s) if s.name in reusable else None
        for s in sources
    ]
    todo = [s for s, k in zip(sources, kept, strict=True) if k is None]
    done = len(sources) - len(todo)
    built = iter(_build_all(todo, wanted, models, progress, done, len(sources), on_pages))
    outcomes: list[Outcome] = []
    resources: list[Resource] = []
    warnings: list[str] = []
    for source, previous in zip(sources, kept, strict=True):
        outcome, resource = (previous, None) if previous is not None else next(built)
        outcomes.append(outcome)
        if _named(outcome.type_name, wanted):  # the others' are not asked for
            warnings.extend(source.label + w for w in outcome.warnings)
        if resource is not None:
            resources.append(resource)
    for warning in warnings:
        log.warning("%s", warning)
    _check_types(outcomes, types, specs, present)
    _check_unique_ids(outcomes, specs)
    selected = [o for o in outcomes if _named(o.type_name, wanted)]
    pages = [o.page for o in selected if o.page is not None]
    listed = [
        o.summary
        for o in outcomes
        if o.summary is not None and (_named(o.type_name, wanted) or _page_of(o.summary) in present)
    ]
    pages += index_pages(listed)
    return Site(
        pages=tuple(sorted(pages, key=lambda p: p.path)),
        outcomes=tuple(outcomes),
        resources=tuple(sorted(resources, key=lambda r: r.resource_id)),
        warnings=tuple(warnings),
        skipped=tuple(Skipped(o.type_name, o.file, o.skipped) for o in selected if o.skipped),
    )


def known_stamps(outcomes: Iterable[Outcome]) -> dict[str, tuple[tuple[int, ...], str]]:
    """What a previous build knows of its schema files, for `list_sources`: the stamp each
    had when read and the digest of its bytes (of the files it could stamp)."""
    return {o.file: (o.source_stamp, o.sha256) for o in outcomes if o.source_stamp}


def _reusable(
    outcome: Outcome | None, wanted: frozenset[str], source: SourceFile
) -> Outcome | None:
    """A previous outcome, if it serves this build: not one without the page it now needs (a
    build of other types left it out), nor one built for another region. It takes the schema
    file's stamp of this build."""
    if (
        outcome is None
        or outcome.region != source.region
        or (outcome.page is None and not outcome.skipped and _named(outcome.type_name, wanted))
    ):
        return None
    if outcome.source_stamp == source.stamp:
        return outcome
    return replace(outcome, source_stamp=source.stamp)


def _digest(source: SourceFile) -> str:
    """The sha256 of a schema file's bytes: known, or of the bytes read."""
    if source.sha256 or source.data is None:
        return source.sha256
    return hashlib.sha256(source.data).hexdigest()


def _named(type_name: str, wanted: frozenset[str]) -> bool:
    """Whether a build of the `wanted` types (lower case; all when empty) names this one."""
    return not wanted or type_name.lower() in wanted


def _build_all(
    todo: list[SourceFile],
    wanted: frozenset[str],
    models: bool,
    progress: Progress | None,
    done: int,
    total: int,
    on_pages: Callable[[list[Page]], None] | None = None,
) -> list[Built]:
    """Build the schemas that need it, on every core when there are many; in input order.
    Each chunk's pages go to `on_pages` as it comes (each schema's, in one process)."""
    workers = min(usable_cpus(), len(todo) // PARALLEL_CHUNK)
    if workers < 2:
        results = []
        for source in todo:
            results.append(_build_one(source, wanted, models))
            _pages_to(on_pages, results[-1:])
            done += 1
            if progress:
                progress(done, total)
        return results
    chunks = [todo[i : i + PARALLEL_CHUNK] for i in range(0, len(todo), PARALLEL_CHUNK)]
    results = []
    for chunk in pool_map(
        _build_chunk, workers, chunks, [wanted] * len(chunks), [models] * len(chunks)
    ):
        results.extend(chunk)
        _pages_to(on_pages, chunk)
        done += len(chunk)
        if progress:
            progress(done, total)
    return results


def _pages_to(on_pages: Callable[[list[Page]], None] | None, built: Sequence[Built]) -> None:
    """Hand the pages of what was built to `on_pages`, if any."""
    pages = [outcome.page for outcome, _ in built if outcome.page is not None]
    if on_pages is not None and pages:
        on_pages(pages)


def usable_cpus() -> int:
    """The CPUs this process may run on: those of its affinity mask where the system keeps one
    (`taskset`, a container's cpuset), which `os.cpu_count()` (the machine's) does not heed.

    >>> usable_cpus() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def pool_map(fn: Callable[..., Any], workers: int, *iterables: Sequence[Any]) -> Iterator[Any]:
    """`fn` over the iterables on worker processes, results in order: build's and validate's.

    The workers leave Ctrl+C to this process, which then shuts the pool down; SIGINT (and
    `_STOP`) is held while they start, so that none takes it before it can handle it. On
    Ctrl+C (or an error, or a caller that stops reading) the workers are told to stop
    (`_STOP`): the task running stops at its next `check_stop` (within one of its items) and
    the tasks not started are dropped, as a pool's shutdown would wait for every task running
    (validate's take seconds). They are not killed: one killed while it sends a result leaves
    half a message in the results pipe, and the pool waits for the rest for ever.
    """
    from concurrent.futures import ProcessPoolExecutor  # only a big job needs processes
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(
        workers, mp_context=worker_context(), initializer=start_worker, initargs=(os.getpid(),)
    )
    try:
        with _signals_held():
            results = pool.map(partial(_task, fn), *iterables)  # starts the workers
        yield from results
    except BaseException as e:
        # concurrent.futures has no call that stops running tasks: the workers stop them.
        # (A second Ctrl+C meanwhile would cut the shutdown short, and the command would hang
        # at its exit, joining the pool: it is ignored until the workers are stopped.)
        with _interrupts_ignored():
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                if isinstance(e, BrokenProcessPool):
                    # One was killed: the pool asks the others to end with SIGTERM, which a
                    # worker takes as a request to stop its task (it may be blocked writing a
                    # result nobody reads), and joins them for ever. They are of no use now.
                    _kill(process)
                else:
                    _stop(process)
            pool.shutdown(wait=True, cancel_futures=True)
        if isinstance(e, Stopped):  # a worker given SIGTERM alone: the command ends as if it were
            raise Terminated from None
        if isinstance(e, BrokenProcessPool):  # one killed (SIGKILL, the kernel out of memory)
            raise WorkerLost(
                "a worker process ended abruptly (killed, or out of memory): stopped, with "
                "nothing half-written"
            ) from None
        raise
    pool.shutdown()


def _kill(process: Any) -> None:
    """End a worker process at once (SIGKILL), if it is still there."""
    try:
        process.kill()
    except (ProcessLookupError, AttributeError, ValueError):  # ended, not started, or closed
        pass


def _stop(process: Any) -> None:
    """Tell a worker process to stop its tasks (end it, where there is no `_STOP`)."""
    if _STOP is None:
        process.terminate()
        return
    try:
        os.kill(process.pid, _STOP)
    except (ProcessLookupError, TypeError):  # ended already, or not started (no pid)
        pass


# The signal that stops a worker's tasks; none where the system has no SIGUSR1 (Windows).
_STOP = getattr(signal, "SIGUSR1", None)
_HELD = {signal.SIGINT, signal.SIGTERM, *([] if _STOP is None else [_STOP])}


class Stopped(BaseException):
    """A worker's task, stopped at the pool's request (a BaseException: no handler of errors
    in the task takes it)."""


_stopping = False  # in a worker: the pool asked it to stop


def _on_stop(signum: int, frame: Any) -> None:
    """Worker handler of `_STOP`: ask the running task to stop at its next `check_stop`.

    It raises nothing itself: an exception raised wherever the signal lands could land in
    Python code that native code runs and does not expect to fail (jsonschema_rs panics when
    an import it makes fails), or in the pool's own work."""
    global _stopping
    _stopping = True


def check_stop() -> None:
    """In a task of `pool_map`: stop here (raise Stopped) if the pool asked its workers to.
    Tasks call it between their items (a schema, a page), so that they end within one."""
    if _stopping:
        raise Stopped


def _task(fn: Callable[..., Any], *args: Any) -> Any:
    """Run one task of `pool_map` in a worker: `fn(*args)`, unless the pool asked to stop."""
    check_stop()
    return fn(*args)


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ignore SIGINT in the block (where this is the main thread, which alone sets handlers)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and `_STOP` back from this thread (and the processes it starts) while in
    the block; one that came meanwhile is taken at its end."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def worker_context() -> Any:
    """How to start worker processes: by fork where there is fork and this process runs one
    thread (workers then start with everything imported), else by spawn.

    A fork copies the locks that other threads hold, still held: a worker that took one would
    wait forever. The preview builds on its server's threads.
    """
    import multiprocessing
    import threading

    fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    return multiprocessing.get_context("fork" if fork else "spawn")


def start_worker(parent: int) -> None:
    """Worker initializer: ignore Ctrl+C (the parent handles it), stop tasks on `_STOP` and
    on SIGTERM (which `timeout` and a cancelled CI job send the whole process group: the
    parent, given it too, shuts the pool down), and end when the parent ends, however that
    ends (Linux).

    A parent killed outright (SIGKILL) cannot shut its pool down, and its workers would wait
    forever on the pipe the parent no longer reads: they are killed too.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _STOP is not None:
        signal.signal(_STOP, _on_stop)
        signal.signal(signal.SIGTERM, _on_stop)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)  # held while it started
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the request took hold
        os._exit(1)


def _build_chunk(chunk: list[SourceFile], wanted: frozenset[str], models: bool) -> list[Built]:
    """Build a chunk of schemas (in a worker process)."""
    built = []
    for source in chunk:
        check_stop()
        built.append(_build_one(source, wanted, models))
    return built


def _build_one(source: SourceFile, wanted: frozenset[str], models: bool) -> Built:
    """Read (if it is not yet), parse, normalize and render one schema file; the resource
    model only if `models`."""
    source = load_source(source)
    spec = parse_spec(source.label, source.data)
    digest = spec.sha256  # of the bytes read
    # The findings start with the label (see meta_schema_findings); the outcome keeps the rest.
    warnings = tuple(w.removeprefix(source.label) for w in spec.warnings)
    if not spec.has_handlers:
        outcome = Outcome(
            source.name,
            digest,
            spec.type_name,
            None,
            None,
            NO_HANDLERS,
            warnings,
            source.stamp,
            source.region,
        )
        return outcome, None
    # Named on the page by its file name, the same from a folder or a zip of any name.
    resource = replace(normalize(spec), source=Path(source.name).name, region=source.region)
    warnings += tuple(stale(spec.document, spec.type_name))
    summary = Summary(
        resource.provider,
        resource.service,
        resource.name,
        resource.type_name,
        resource.description,
    )
    if resource.overflowed:
        warnings += (
            f"#: its examples would need more than {MAX_VALUES:,} values: past that, values "
            "are cut, required ones too, and the examples are not valid",
        )
    page = None
    if _named(spec.type_name, wanted):
        page = Page(
            page_path(resource.provider, resource.service, resource.name), render_page(resource)
        )
        # (a character is 1 to 4 bytes: most pages are too short to be encoded to tell)
        too_big = len(page.text) * 4 > MAX_PAGE_BYTES
        if too_big and (size := len(page.text.encode())) > MAX_PAGE_BYTES:  # examples are small:
            warnings += (  # so many properties, or descriptions, make it so
                f"#: its page is {size / 1024:,.0f} KB, past the {MAX_PAGE_BYTES // 1024} KB "
                f"a page should stay under ({len(resource.properties)} properties)",
            )
    outcome = Outcome(
        source.name,
        digest,
        spec.type_name,
        page,
        summary,
        "",
        warnings,
        source.stamp,
        source.region,
    )
    return outcome, resource if models else None


# The modules whose code shapes the pages: a page cache is valid only for the same code.
PAGE_MODULES = (
    "atomicfile",  # (the lock's reading)
    "build",
    "conditions",
    "definitions",
    "escape",
    "examples",
    "exclusive",
    "jsonpointer",
    "jsontext",
    "labels",
    "lifecycles",
    "lock",
    "model",
    "naming",
    "normalize",
    "render",
    "schema",
    "schemacheck",
    "schemazip",
    "values",
)


def fingerprint() -> str:
    """Identify this generator (version, page code, its data, page templates) for the page
    cache."""
    from generator import __version__

    digest = hashlib.sha256(__version__.encode())
    package, templates = Path(__file__).resolve().parent, template_dir()
    # By names of their own, not their paths: the templates lie elsewhere in an editable
    # install than in an installed wheel, and the same generator has the same fingerprint.
    files = {f"generator/{name}.py": package / f"{name}.py" for name in PAGE_MODULES}
    for path in (package / "data").iterdir():  # exclusive.yaml, lifecycle.json
        if path.is_file():
            files[f"generator/data/{path.name}"] = path
    for path in templates.rglob("*.mdx.j2"):
        files[f"templates/{path.relative_to(templates).as_posix()}"] = path
    for name, path in sorted(files.items()):
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def index_pages(summaries: Sequence[Summary]) -> list[Page]:
    """The provider and service index pages and the sidebar category files."""
    by_provider: dict[str, dict[str, list[Summary]]] = defaultdict(lambda: defaultdict(list))
    for summary in summaries:
        by_provider[summary.provider][summary.service].append(summary)
    pages = []
    for provider, services in sorted(by_provider.items()):
        ordered = {name: sorted(items, key=lambda s: s.name) for name, items in services.items()}
        ordered = dict(sorted(ordered.items()))
        pages.append(Page(f"{provider}/index.mdx", render_provider_index(provider, ordered)))
        pages.append(Page(f"{provider}/_category_.json", _category(provider)))
        for service, items in ordered.items():
            text = render_service_index(provider, service, items)
            pages.append(Page(f"{provider}/{service}/index.mdx", text))
            pages.append(Page(f"{provider}/{service}/_category_.json", _category(service)))
    return pages


def _page_of(summary: Summary) -> str:
    """The path of a resource's page."""
    return page_path(summary.provider, summary.service, summary.name)


def _category(label: str) -> str:
    """A Docusaurus sidebar category file: the folder's label, collapsed."""
    # No "link": the folder's index.mdx is the category page by Docusaurus's convention.
    return json.dumps({"collapsed": True, "label": label}, indent=2) + "\n"


def _check_types(
    outcomes: Sequence[Outcome], types: Sequence[str], specs: Path, present: Collection[str]
) -> None:
    """Every type named on the command line must have a schema; of one whose schema was
    removed while its page is `present` still, the error says what removes it."""
    known = {o.type_name.lower() for o in outcomes}
    missing = [t for t in types if t.lower() not in known]
    if missing:
        hint = did_you_mean(missing, [o.type_name for o in outcomes])
        left = [(t, page) for t in missing if (page := page_of_type(t)) in present]
        if left:  # (its schema removed, and check asks for the named types still)
            hint += (
                f"; {left[0][1]}, the page of {left[0][0]}, is in the output folder still: "
                "a generate of every type removes it"
            )
        raise UsageError(f"{specs}: no schema for {', '.join(missing)}{hint}")


def page_of_type(type_name: str) -> str | None:
    """Where a type's page goes, by its name alone (None for a name of no three parts)."""
    parts = type_name.split("::")
    if len(parts) != 3 or not all(parts):
        return None
    return page_path(parts[0].lower(), parts[1].lower(), pluralize(snake_case(parts[2])))


def _check_unique_ids(outcomes: Sequence[Outcome], specs: Path) -> None:
    """Two schemas of `specs` may not claim the same StackQL resource id, nor one type name
    (in any case: fetch and the TYPE arguments take them so)."""
    types: dict[str, Outcome] = {}
    for outcome in outcomes:
        other = types.setdefault(outcome.type_name.lower(), outcome)
        if other is not outcome:
            raise UsageError(
                f"{specs}: {outcome.file} ({outcome.type_name}) and {other.file} "
                f"({other.type_name}) name one type: remove one of them"
            )
    seen: dict[str, Outcome] = {}
    for outcome in outcomes:
        if outcome.summary is None:
            continue
        s = outcome.summary
        other = seen.setdefault(f"{s.provider}.{s.service}.{s.name}", outcome)
        if other is not outcome:
            raise UsageError(
                f"{specs}: {outcome.file} ({outcome.type_name}) and {other.file} "
                f"({other.type_name}) both make the resource {s.provider}.{s.service}.{s.name}"
            )
