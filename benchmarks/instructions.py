"""The instructions each stage of a build executes, counted by valgrind (callgrind), not timed.

`stages.py` times the stages, and its seconds swing with whatever else the machine runs; an
instruction count is the same every run (within some 0.05%), busy machine or not: the measure
for comparing two versions of the page code (run it in each tree). Each count is of a process
that runs the pipeline up to a stage (imports; then read, parse and check; then normalize;
then render) over every Nth schema of the us-east-1 set, in one process, and a stage's own
count is the difference of two. Python's hash seed is fixed (sets' order moves the counts).
Needs valgrind (Debian's `valgrind`); under it Python runs some 50 times slower, so by
default every 4th schema is taken: about two minutes.

    pip install '.[cfn-lint]' && python benchmarks/instructions.py [--every 4]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import fetch_corpus  # benchmarks/corpus.py, beside this script

from generator.schema import list_sources

STAGES = ("imports", "parse and check", "normalize", "render")

RUN = r"""
import sys
from pathlib import Path
from generator.normalize import normalize
from generator.render import render_page
from generator.schema import list_sources, load_source, parse_spec
specs, every, upto = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
for source in list_sources(specs, {})[::every] if upto else ():
    source = load_source(source)
    spec = parse_spec(source.label, source.data)
    if upto > 1 and spec.has_handlers:
        resource = normalize(spec)
        if upto > 2:
            render_page(resource)
"""


def count(specs: Path, every: int, upto: int) -> int:
    """The instructions a process running the stages up to STAGES[upto] executes."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"
    argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    argv += [sys.executable, "-c", RUN, str(specs), str(every), str(upto)]
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        sys.exit(f"failed:\n{proc.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    """Count and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=4, help="take every Nth schema")
    every = parser.parse_args().every
    if shutil.which("valgrind") is None:
        sys.exit("needs valgrind (on Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="docgen-instructions-") as work:
        specs = Path(work) / "specs"
        fetch_corpus(specs)
        count(specs, every, 0)  # writes the bytecode cache: its compiling is not counted
        totals = [count(specs, every, upto) for upto in range(len(STAGES))]
        files = len(list_sources(specs, {}))
    stages = [totals[0]] + [b - a for a, b in zip(totals, totals[1:], strict=False)]
    taken = len(range(0, files, every))
    print(f"instructions of a build of {taken:,} of {files:,} schemas (every {every}), one process")
    for name, n in zip(STAGES, stages, strict=True):
        print(f"  {name:<16} {n / 1e6:9,.0f} M  {n / totals[-1]:4.0%}")
    print(f"  {'total':<16} {totals[-1] / 1e6:9,.0f} M")


if __name__ == "__main__":
    main()
