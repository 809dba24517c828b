"""Check pages with the real MDX 3 compiler (tests/mdx/compile.mjs) from pytest.

Not a test module. Use ``compile_mdx(paths)`` for the failures, ``compile_mdx_results(paths)`` for
one result per file, ``assert_mdx_compiles(paths)`` inside a test, or ``mdx_compiler()`` as the
body of a fixture::

    @pytest.fixture(scope="session")
    def compile_mdx():
        return mdxcompiler.mdx_compiler()

All files go to ONE node process, so pass directories or whole lists, not one file per call.
Needs ``node`` on PATH and ``npm ci --prefix tests/mdx``; without them it raises
``MdxHarnessError`` rather than skipping: a page check that silently does not run is no check.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

MDX_DIR = Path(__file__).resolve().parent / "mdx"
INSTALL_HINT = "npm ci --prefix tests/mdx"

PathLike = str | os.PathLike[str]


class MdxHarnessError(RuntimeError):
    """The MDX compiler could not be run at all (no node, no node_modules, a usage error)."""


@dataclass(frozen=True, slots=True)
class MdxResult:
    """The outcome of compiling one file; line, column and message are None when it compiled."""

    file: str
    ok: bool
    line: int | None = None
    column: int | None = None
    message: str | None = None
    cells: tuple[str, ...] | None = None  # the text of each <td>, with cells=True

    def __str__(self) -> str:
        """``path:line:column: message`` as compile.mjs prints it (0:0 for no position)."""
        if self.ok:
            return f"{self.file}: ok"
        return f"{self.file}:{self.line or 0}:{self.column or 0}: {self.message}"


def find_node() -> str:
    """Return the path of the node executable, or raise MdxHarnessError."""
    node = shutil.which("node")
    if node is None:
        raise MdxHarnessError(
            f"node not found on PATH: the MDX check needs Node.js >= 18, then `{INSTALL_HINT}`"
        )
    return node


def check_installed(mdx_dir: Path = MDX_DIR) -> None:
    """Raise MdxHarnessError unless compile.mjs and its node_modules are in place."""
    if not (mdx_dir / "compile.mjs").is_file():
        raise MdxHarnessError(f"{mdx_dir / 'compile.mjs'} is missing")
    if not (mdx_dir / "node_modules" / "@mdx-js" / "mdx").is_dir():
        raise MdxHarnessError(
            f"{mdx_dir / 'node_modules'} is missing or incomplete: "
            f"run `{INSTALL_HINT}` (from the repository root) before these tests"
        )


def compile_mdx_results(
    paths: Iterable[PathLike],
    *,
    mdx_dir: Path = MDX_DIR,
    jobs: int | None = None,
    cells: bool = False,
) -> list[MdxResult]:
    """Compile every file named (directories: every *.md/*.mdx under them); one result per file.

    With `cells`, each result also carries the text of every `<td>` as MDX reads it.
    """
    args = [os.fspath(p) for p in paths]
    if not args:
        raise MdxHarnessError("compile_mdx_results() needs at least one file or directory")
    check_installed(mdx_dir)
    command = [find_node(), str(mdx_dir / "compile.mjs"), "--cells" if cells else "--json"]
    if jobs is not None:
        command.append(f"--jobs={jobs}")
    command += ["--", *args]
    proc = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if proc.returncode not in (0, 1):
        raise MdxHarnessError(
            f"compile.mjs exited with {proc.returncode}:\n{proc.stderr.strip() or proc.stdout}"
        )
    try:
        raw = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        raise MdxHarnessError(f"compile.mjs printed no JSON ({e}):\n{proc.stderr}") from e
    results = [
        MdxResult(**{**item, "cells": tuple(item["cells"]) if "cells" in item else None})
        for item in raw
    ]
    if (proc.returncode == 0) != all(r.ok for r in results):
        raise MdxHarnessError(f"compile.mjs exit code {proc.returncode} disagrees with its JSON")
    return results


def compile_mdx(
    paths: Iterable[PathLike], *, mdx_dir: Path = MDX_DIR, jobs: int | None = None
) -> list[MdxResult]:
    """Compile the pages; return only the failures (an empty list: everything compiled)."""
    return [r for r in compile_mdx_results(paths, mdx_dir=mdx_dir, jobs=jobs) if not r.ok]


def assert_mdx_compiles(paths: Iterable[PathLike], *, mdx_dir: Path = MDX_DIR) -> int:
    """Assert that at least one page was found and all compile; return how many were compiled."""
    results = compile_mdx_results(paths, mdx_dir=mdx_dir)
    failures = [str(r) for r in results if not r.ok]
    assert results, "no .md/.mdx file found to compile"
    assert not failures, f"{len(failures)} of {len(results)} pages fail MDX 3:\n" + "\n".join(
        failures
    )
    return len(results)


def mdx_compiler(mdx_dir: Path = MDX_DIR) -> Callable[[Iterable[PathLike]], list[MdxResult]]:
    """Check node and node_modules now, then return ``compile_mdx``: the body of a fixture."""
    find_node()
    check_installed(mdx_dir)

    def compile_pages(paths: Iterable[PathLike]) -> list[MdxResult]:
        return compile_mdx(paths, mdx_dir=mdx_dir)

    return compile_pages
