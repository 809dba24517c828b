"""The command line: parse arguments, call one stage, report. Only this module prints."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.build import build
from generator.errors import DocgenError
from generator.output import write_site

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def add_generate(sub: argparse._SubParsersAction) -> None:
    """The `generate` subcommand's arguments."""
    p = sub.add_parser(
        "generate",
        help="render the MDX page of every schema (or of the named types)",
        description="Render a Docusaurus MDX page for each CloudFormation schema in --specs "
        "into --out. Only files that change are rewritten; with no TYPE, pages of types no "
        "longer in --specs are removed. Files the generator did not write are never touched.",
    )
    p.add_argument("types", nargs="*", metavar="TYPE", help="type name, e.g. AWS::Lambda::Url")
    _add_specs_out(p)
    p.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    p.set_defaults(run=run_generate)


def run_generate(args: argparse.Namespace) -> int:
    """Build the site and write it."""
    site = build(args.specs, args.types)
    result = write_site(args.out, site.pages, prune=not args.types)
    if not args.quiet:
        for skipped in site.skipped:
            print(f"skipped {skipped.type_name} ({skipped.source}): {skipped.reason}")
        print(
            f"{_count(len(site.pages), 'page')}: {len(result.written)} written, "
            f"{len(result.unchanged)} unchanged, {len(result.removed)} removed, "
            f"{_count(len(site.skipped), 'type')} skipped ({args.out})"
        )
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    """`1 page`, `2 pages`.

    >>> _count(1, "page"), _count(0, "type")
    ('1 page', '0 types')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _add_specs_out(p: argparse.ArgumentParser) -> None:
    """The --specs and --out options every command shares."""
    p.add_argument("--specs", type=Path, default=Path("specs"), metavar="DIR",
                   help="folder of CloudFormation schemas (default: specs)")
    p.add_argument("--out", type=Path, default=Path("output"), metavar="DIR",
                   help="folder of generated pages (default: output)")


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
    return p


class _Formatter(logging.Formatter):
    """Log records as `warning: message` lines."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    args = parser().parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    root = logging.getLogger("generator")
    root.handlers[:] = [handler]
    root.setLevel(logging.ERROR if getattr(args, "quiet", False) else logging.WARNING)
    root.propagate = False
    try:
        return args.run(args)
    except DocgenError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
