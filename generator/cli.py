"""The command line: parse arguments, call one stage, report. Only this module prints."""

from __future__ import annotations

import argparse
import errno
import io
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import __version__
from generator.arguments import (
    host_arg,
    path_arg,
    port_number,
    region_arg,
    report_path,
    source_arg,
    type_arg,
)
from generator.atomicfile import write_through
from generator.build import build, fingerprint
from generator.cache import cache_state, read_cache, write_cache
from generator.errors import (
    DocgenError,
    FolderChanged,
    OutputError,
    StdoutError,
    Terminated,
    UsageError,
)
from generator.model import DEFAULT_REGION, Page, Site
from generator.output import (
    OWNED_FILE,
    Stager,
    WriteResult,
    pages_there,
    present_files,
    write_site,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command that SIGINT ended
EXIT_TERMINATED = 143  # as a shell reports a command that SIGTERM ended
EXIT_BROKEN_PIPE = 141  # as a shell reports a command that SIGPIPE ended (`| head`)


def add_generate(sub: argparse._SubParsersAction) -> None:
    """The `generate` subcommand's arguments."""
    p = sub.add_parser(
        "generate",
        help="render the MDX page of every schema (or of the named types)",
        description="Render a Docusaurus MDX page for each CloudFormation schema in --specs "
        "into --out. Only files that change are rewritten; with no TYPE, pages of types no "
        "longer in --specs are removed. Files the generator did not write are never touched. "
        "The examples name the region that --specs/specs.lock.json records each schema was "
        "fetched for (us-east-1 where it records none).",
    )
    p.add_argument(
        "types", nargs="*", type=type_arg, metavar="TYPE", help="type name, e.g. AWS::Lambda::Url"
    )
    _add_specs_out(p)
    p.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    p.set_defaults(run=run_generate)


# Builds a generate makes, at most, when other generates keep writing the output folder first.
GENERATE_ATTEMPTS = 5


def run_generate(args: argparse.Namespace) -> int:
    """Build the site (reusing what unchanged schemas gave last time) and write it; again from
    the folder as another generate left it, if that one wrote it while this one built."""
    logging.getLogger("generator").handlers[0].addFilter(_Once())  # (an attempt's again)
    for attempt in range(1, GENERATE_ATTEMPTS + 1):
        try:
            site, result = _generate(args)
            break
        except FolderChanged as e:
            if attempt == GENERATE_ATTEMPTS:
                raise FolderChanged(f"{e}, {attempt} times; run this again") from None
    if not args.quiet:
        for skipped in site.skipped:
            print(skipped)
        print(
            f"{_count(len(site.pages), 'file')}: {len(result.written)} written, "
            f"{len(result.unchanged)} unchanged, {len(result.removed)} removed, "
            f"{_count(len(site.skipped), 'type')} skipped ({args.out})"
            # (a record mended, which check asked for, is news where no page changed)
            + (
                f"; wrote the record of its files, {OWNED_FILE}"
                if result.recorded and not result.written
                else ""
            )
        )
    return EXIT_OK


def _generate(args: argparse.Namespace) -> tuple[Site, WriteResult]:
    """One build of `generate` and its writing (FolderChanged: nothing written)."""
    generator_id, started = fingerprint(), time.time_ns()
    state = cache_state(args.out)  # (what the folder was when the build read it)
    reuse = read_cache(args.out, generator_id)
    # What the index pages may link to: the pages of the output that are there.
    present = pages_there(args.out) if args.types else ()
    with Stager(args.out) as stager:  # writes new pages aside while the build goes on
        site = build(
            args.specs,
            args.types,
            reuse,
            _progress_bar(args.quiet),
            models=False,
            present=present,
            on_pages=stager.stage,
        )
        if args.bundled and not args.types:
            _refuse_others(args.out, present_files(args.out) - {p.path for p in site.pages})
        read = [o.page for o in reuse.values() if isinstance(o.page, Page)]  # pages read back
        on_disk = {page.path: page.text.encode() for page in read}
        result = write_site(
            args.out,
            site.pages,
            not args.types,
            on_disk,
            stager,
            unchanged=lambda: cache_state(args.out) == state,
        )
    try:
        write_cache(args.out, generator_id, site.outcomes, started, frozenset(result.written))
    except OutputError as e:  # the pages are written: the cache is only a speed-up
        logging.getLogger("generator").warning("%s (the next run renders every page again)", e)
    return site, result


def add_fetch(sub: argparse._SubParsersAction) -> None:
    """The `fetch` subcommand's arguments."""
    p = sub.add_parser(
        "fetch",
        help="copy CloudFormation resource schemas into the specs folder and update its lock",
        description="Write the schemas of the given types (all types when none is given) from "
        "a source into --specs, each atomically, and record them in specs.lock.json. Nothing "
        "is written unless every requested schema was read and parsed.",
    )
    p.add_argument(
        "types",
        nargs="*",
        type=type_arg,
        metavar="TYPE",
        help="a CloudFormation type name such as AWS::Lambda::Function (any case)",
    )
    p.add_argument(
        "--region",
        type=region_arg,
        help=f"the region whose schemas to read (default: {DEFAULT_REGION}, or the one "
        "cfn-lint:REGION names); beside a --source zip, folder or URL that names no region, the "
        "region its schemas are of, which the lock records and the examples name",
    )
    p.add_argument(
        "--source",
        type=source_arg,
        metavar="URL|ZIP|DIR|cfn-lint",
        help="an http(s) URL of a schema zip, a local zip, a folder of *.json, or "
        "cfn-lint[:REGION] for the schemas bundled with cfn-lint (offline; "
        "pip install '.[cfn-lint]' in the project's folder) (default: AWS's "
        "CloudformationSchema.zip for the region)",
    )
    p.add_argument(
        "--specs",
        type=path_arg,
        default=Path("specs"),
        metavar="DIR",
        help="the folder of schemas and specs.lock.json (default: specs)",
    )
    p.add_argument(
        "--prune",
        action="store_true",
        help="also delete the schemas in --specs of types the source does not have (of the "
        "named ones, with TYPEs)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    p.set_defaults(run=run_fetch)


def run_fetch(args: argparse.Namespace) -> int:
    """Fetch schemas into --specs and update the lock."""
    from generator.fetch import fetch_schemas  # requests is loaded only when needed

    result = fetch_schemas(args.source, args.types, args.region, args.specs, prune=args.prune)
    if args.quiet:
        return EXIT_OK
    for schema in result.written:
        print(f"wrote {schema.path} ({schema.type_name})")
    for path in result.removed:
        print(f"removed {path}")
    lock = f"updated {result.lock_path}" if result.lock_changed else f"{result.lock_path} unchanged"
    removed = f", {len(result.removed)} removed" if args.prune else ""
    print(
        f"{len(result.written)} written, {len(result.unchanged)} unchanged{removed} "
        f"from {result.source}{f' ({result.region})' if result.region else ''}; {lock}"
    )
    return EXIT_OK


def add_check(sub: argparse._SubParsersAction) -> None:
    """The `check` subcommand's arguments."""
    p = sub.add_parser(
        "check",
        help="report pages that are stale, missing, extra or conflicting, and schema drift from "
        "a source",
        description="Build the pages in memory and compare them with --out: stale (bytes "
        "differ), missing, extra (written by the generator, no longer built), or conflicting "
        "(a file it did not write where a page goes). With --source, "
        "also report how the schemas there differ from --specs, per type (and the region "
        "they are of, which the pages name). Exit 0 when clean, "
        "1 when anything is stale or drifted (every finding is printed first), 2 on bad input "
        "or a failed fetch.",
    )
    p.add_argument(
        "types",
        nargs="*",
        type=type_arg,
        metavar="TYPE",
        help="check these types only: their pages as `generate TYPE ...` writes them and, "
        "with --source, their schema drift (for a --specs that holds some types of the "
        "source, fetched by name); default: every type",
    )
    _add_specs_out(p)
    p.add_argument(
        "--source",
        type=source_arg,
        metavar="URL|ZIP|DIR|cfn-lint",
        help="compare --specs with the schemas here: an http(s) URL of a schema zip "
        "(e.g. AWS's CloudformationSchema.zip), a local zip, a folder of *.json, or "
        "cfn-lint[:REGION]",
    )
    p.add_argument(
        "--region",
        type=region_arg,
        help=f"the region of --source, as in fetch (default: {DEFAULT_REGION}, or the one "
        "cfn-lint:REGION names)",
    )
    p.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="report format (default: markdown)",
    )
    p.add_argument(
        "--report",
        type=report_path,
        metavar="FILE",
        help='also write the report to FILE (e.g. "$GITHUB_STEP_SUMMARY")',
    )
    p.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Check the output (and, with --source, the schemas); print the report."""
    from generator.check import check, render_json, render_markdown

    report = check(
        args.specs,
        args.out,
        args.source,
        bundled=args.bundled,
        types=args.types,
        region=args.region,
    )
    if args.bundled:
        from generator.check import PageState

        _refuse_others(
            args.out, {f.path for f in report.page_findings if f.state is PageState.EXTRA}
        )
    text = render_json(report) if args.format == "json" else render_markdown(report)
    if args.report is not None:  # first: a reader of stdout gone early (`| head`) stops _emit
        write_through(args.report, text.encode("utf-8"))
    _emit(text)
    return EXIT_OK if report.clean else EXIT_FINDINGS


def add_validate(sub: argparse._SubParsersAction) -> None:
    """The `validate` subcommand's arguments."""
    p = sub.add_parser(
        "validate",
        help="run every SQL example of every page against a mock Cloud Control API",
        description="Read the pages in --out that the schemas in --specs make, and run each "
        "page's examples against an in-memory mock of the AWS Cloud Control API on loopback: "
        "INSERT (required), SELECT get, SELECT list, UPDATE, SELECT get, DELETE, SELECT get, "
        "then the All Properties INSERT; the manifest is checked against the schema. Types "
        "listed in the known-issues file are reported apart. Exit 0 when every example passes "
        "(known issues aside), 1 when any fails or a known issue is stale (all are printed "
        "first), 2 on bad input.",
    )
    p.add_argument(
        "types",
        nargs="*",
        type=type_arg,
        metavar="TYPE",
        help="validate these types' pages only (as `generate TYPE ...` writes them); "
        "default: every page",
    )
    _add_specs_out(p)
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (default: text)"
    )
    p.add_argument(
        "--known-issues",
        type=path_arg,
        metavar="FILE",
        help="YAML file of `type name: reason` for types whose own schema defeats an "
        "example (default: known-issues.yaml in --specs, when there is one)",
    )
    p.set_defaults(run=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    """Validate the pages' examples; print one line per failure and a summary, or JSON."""
    from generator.validate import render_json, render_text, validate  # loads sqlglot, requests

    report = validate(args.specs, args.out, args.known_issues, args.types)
    _emit(render_json(report) if args.format == "json" else render_text(report))
    return EXIT_OK if report.clean else EXIT_FINDINGS


def add_preview(sub: argparse._SubParsersAction) -> None:
    """The `preview` subcommand's arguments."""
    p = sub.add_parser(
        "preview",
        help="serve the pages as HTML on this machine, reloaded as the schemas are edited",
        description="Build the pages of the schemas in --specs (or of the named types) in "
        "memory, as generate would write them, and serve them as HTML until Ctrl+C: tabs "
        "switch, code copies, links between pages work. Each request builds again what "
        "changed in --specs, and an open page reloads itself when what it shows changed, "
        "so an edited schema shows within a second or two (one that cannot be built shows "
        "its error). Nothing is written.",
    )
    p.add_argument(
        "types", nargs="*", type=type_arg, metavar="TYPE", help="type name, e.g. AWS::Lambda::Url"
    )
    _add_specs(p)
    p.add_argument(
        "--host",
        type=host_arg,
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    p.add_argument(
        "--port",
        type=port_number,
        default=8000,
        help="port to listen on; 0 for any free one (default: 8000)",
    )
    p.set_defaults(run=run_preview)


def run_preview(args: argparse.Namespace) -> int:
    """Serve the pages until interrupted."""
    from generator.preview import Preview, serve  # loads markdown-it and http.server

    def ready(url: str, site: Site, loopback: bool) -> None:
        for skipped in site.skipped:  # as generate says: a type without a page, and why
            print(skipped)
        if not loopback:
            logging.getLogger("generator").warning(
                "%s is not this machine's loopback address: whoever reaches it reads the "
                "pages and the error messages, which name your files",
                args.host,
            )
        print(
            f"previewing {_count(sum(p.path.endswith('.mdx') for p in site.pages), 'page')} "
            f"of {args.specs} at {url} "
            "(Ctrl+C to stop)",
            flush=True,
        )

    # Each request builds again: a schema's warnings are printed once, not at every reload,
    # and again when they come back after a build without them (an edit undone, then redone).
    once = _Once()
    logging.getLogger("generator").handlers[0].addFilter(once)
    try:
        serve(Preview(args.specs, args.types, built=once.forget_gone), args.host, args.port, ready)
    except KeyboardInterrupt:
        print("stopped", flush=True)
    return EXIT_OK


class _Once(logging.Filter):
    """Lets each distinct warning through once (and again once a build no longer gave it)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()
        self.built: set[str] = set()  # the warnings of the last build

    def forget_gone(self, site: Site) -> None:
        """Forget the warnings of the last build that this one no longer gives: said again
        when they come back."""
        self.seen -= self.built - set(site.warnings)
        self.built = set(site.warnings)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR or getattr(record, "every_time", False):
            return True
        message = record.getMessage()
        if message in self.seen:
            return False
        self.seen.add(message)
        return True


def _refuse_others(out: Path, others: set[str]) -> None:
    """Refuse to prune or report an output folder from the bundled default schemas (read
    because no specs folder is here) when the generator wrote pages there that they do not
    build: it was filled from other schemas, most likely from another folder."""
    if others:
        raise UsageError(
            f"{out}: its pages were generated from other schemas than the bundled default "
            f"({_count(len(others), 'file')} such as {min(others)}), and there is no specs "
            "folder here: run this where the specs folder is, or give --specs"
        )


def _progress_bar(quiet: bool) -> Callable[[int, int], None] | None:
    """A progress bar on stderr for long runs, only on a terminal and when not quiet."""
    if quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        global _bar_unended
        if total < 50:
            return
        width = 40
        filled = width * done // total
        _bar_unended = done != total
        print(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} schemas",
            end="" if _bar_unended else "\n",
            file=sys.stderr,
            flush=True,
        )

    return show


# Whether the progress bar's line is open (the build stopped before its end): what stderr
# prints next starts a line of its own.
_bar_unended = False


def _one_line(text: str) -> str:
    """A message on one line: the control characters a file name may hold (a line break)
    written as Python escapes them.

    >>> _one_line("specs/a\\nb.json#/x: bad")
    'specs/a\\\\nb.json#/x: bad'
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


# What _emit writes at a time: less than a pipe holds (64 KB on Linux).
_PIECE = 8192


def _emit(text: str) -> None:
    """Print a report on stdout, a piece at a time: a reader gone meanwhile (`| head`) is then
    BrokenPipeError (exit 141). One write of a long text that the closing pipe cuts short
    loses the rest unseen (CPython's buffered writer drops it): the exit code would not say."""
    for start in range(0, len(text), _PIECE):
        sys.stdout.write(text[start : start + _PIECE])
        sys.stdout.flush()


def _say(text: str) -> None:
    """Print a line on stderr, on a line of its own after a progress bar cut short."""
    global _bar_unended
    print(("\n" if _bar_unended else "") + text, file=sys.stderr)
    _bar_unended = False


def _count(n: int, noun: str) -> str:
    """`1 page`, `2 pages`.

    >>> _count(1, "page"), _count(0, "type")
    ('1 page', '0 types')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _add_specs_out(p: argparse.ArgumentParser) -> None:
    """The --specs and --out options of the commands that read or write pages."""
    _add_specs(p)
    p.add_argument(
        "--out",
        type=path_arg,
        default=Path("output"),
        metavar="DIR",
        help="folder of generated pages (default: output)",
    )


def _add_specs(p: argparse.ArgumentParser) -> None:
    """The --specs option every command that builds pages shares."""
    p.add_argument(
        "--specs",
        type=path_arg,
        metavar="DIR",
        help="folder of CloudFormation schemas, or a zip of them laid out as AWS's "
        "CloudformationSchema.zip (default: specs, or where there is no such folder the "
        "bundled default, AWS::Lambda::EventInvokeConfig's schema)",
    )


def _default_specs(quiet: bool) -> Path:
    """`specs` here, else the schemas bundled with the package (said on stderr)."""
    here = Path("specs")
    if here.exists():
        return here
    from generator.schema import bundled_specs

    if not quiet:
        print("no specs folder here: reading the bundled default schemas", file=sys.stderr)
    return bundled_specs()


def parser() -> argparse.ArgumentParser:
    """The whole command line."""
    p = argparse.ArgumentParser(
        prog="stackql-docgen",
        description="Write StackQL reference pages (Docusaurus MDX) from AWS CloudFormation "
        "resource schemas.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    add_generate(sub)
    add_fetch(sub)
    add_check(sub)
    add_validate(sub)
    add_preview(sub)
    for command in sub.choices.values():  # so that its own usage answers its unknown options
        command.set_defaults(command_parser=command)
    return p


class LineFormatter(logging.Formatter):
    """Log records as `warning: message` lines; a bug logged with its exception (the mock
    server's) keeps the traceback under its line."""

    def format(self, record: logging.LogRecord) -> str:
        line = f"{record.levelname.lower()}: {_one_line(record.getMessage())}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


_ENDING = (signal.SIGINT, signal.SIGTERM)


def _ending() -> None:
    """Ignore Ctrl+C and SIGTERM from here on: the command is ending (a second Ctrl+C, while
    it cleans up or Python exits, ended it killed by SIGINT, or hung at exit joining a pool)."""
    if threading.current_thread() is threading.main_thread():
        for signum in _ENDING:
            signal.signal(signum, signal.SIG_IGN)


class _Stdout:
    """Standard output, of which a write or flush that fails (a full disk, a closed descriptor)
    is StdoutError (exit 2) rather than a traceback; what is still buffered is dropped, so
    that Python's flush at exit does not fail again. BrokenPipeError (`| head`) stays itself."""

    def __init__(self, stream: io.TextIOBase | None) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self._do(lambda stream: stream.write(text))

    def flush(self) -> None:
        self._do(lambda stream: stream.flush())

    def _do(self, action: Callable[[io.TextIOBase], int | None]) -> int:
        if self.stream is None:  # (`>&-`: Python has no stdout at all)
            raise StdoutError("cannot write the standard output: it is closed")
        try:
            return action(self.stream) or 0
        except BrokenPipeError:
            raise
        except OSError as e:
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
            except (OSError, ValueError):  # (a stream of no descriptor)
                pass
            raise StdoutError(f"cannot write the standard output: {e.strerror or e}") from e

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def main(argv: Sequence[str] | None = None, exiting: bool = False) -> int:
    """Run one command; returns the exit code. `exiting`: the process ends after it (the
    command `stackql-docgen`), which then ignores a Ctrl+C that comes after the first: else
    its handlers are as they were."""
    for stream in (sys.stdout, sys.stderr):  # text no encoding holds (a lone surrogate a page
        if hasattr(stream, "reconfigure"):  # quotes back) prints escaped, not as a traceback
            stream.reconfigure(errors="backslashreplace")
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)  # type: ignore[assignment]
    main_thread = threading.current_thread() is threading.main_thread()
    handlers = {s: signal.getsignal(s) for s in _ENDING} if main_thread else {}
    try:
        return _main(argv)
    finally:
        sys.stdout = stdout
        if not exiting:
            for signum, handler in handlers.items():
                signal.signal(signum, handler)


def _main(argv: Sequence[str] | None) -> int:
    """main's work, with standard output as _Stdout."""
    try:
        top = parser()
        args, unknown = top.parse_known_args(argv)
        if unknown:  # `generate --outt x`: generate's usage; `-q generate`: the top level's
            words = list(sys.argv[1:] if argv is None else argv)
            before = words[: words.index(args.command)]
            owner = top if any(word in before for word in unknown) else args.command_parser
            owner.error(f"unrecognized arguments: {' '.join(unknown)}")
        args.bundled = False  # whether --specs fell back to the schemas in the package
        if hasattr(args, "specs") and args.specs is None:
            args.specs = _default_specs(getattr(args, "quiet", False))
            args.bundled = args.specs != Path("specs")
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(LineFormatter())
        root = logging.getLogger("generator")
        root.handlers[:] = [handler]
        root.setLevel(logging.ERROR if getattr(args, "quiet", False) else logging.WARNING)
        root.propagate = False
        code = args.run(args)
        sys.stdout.flush()  # (a failure to, here, is an error of the command)
        return code
    except DocgenError as e:
        _say(f"error: {_one_line(str(e))}")
        return EXIT_USAGE
    except KeyboardInterrupt as e:  # Ctrl+C: what was written is whole (atomic), the rest is not
        _ending()
        if isinstance(e, Terminated):  # SIGTERM, so too
            _say("terminated")
            return EXIT_TERMINATED
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # stdout closed early (`| head`): what was written is whole
        # Python would report the pipe again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as e:  # after BrokenPipeError, which is one
        name = os.fsdecode(e.filename or "")
        if e.errno in (errno.EACCES, errno.EPERM) and name:  # a folder of no access to it
            _say(f"error: {_one_line(name)}: {e.strerror}")
            return EXIT_USAGE
        # A path the options' checks let through, too long as a whole (past PATH_MAX).
        if e.errno != errno.ENAMETOOLONG:
            raise
        shown = name if len(name) <= 80 else f"{name[:40]}...{name[-36:]}"
        _say(f"error: {shown}: a path or name too long for the file system")
        return EXIT_USAGE
