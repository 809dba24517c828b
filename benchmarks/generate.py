"""Benchmark `generate` on the whole us-east-1 provider (cfn-lint 1.58.0's 1,854 schemas).

Prints medians of several cold processes: the full build into an empty folder, a rerun with
nothing changed, a rerun after one schema changed, and the floor to compare against (reading
and JSON-parsing every schema file plus writing as many files, in one folder). Wall seconds,
CPU seconds (user and system, worker processes included) and peak RSS. A second floor writes
the files in the pages' layout (`aws/<service>/<resource>/index.mdx`, a folder per file): what
the layout alone costs, which the first floor does not pay.
The processes run as an installed package does, with Python's bytecode cache (a first,
uncounted run writes it): PYTHONDONTWRITEBYTECODE, where set, would add some 0.1 s of
compiling to every run.

    pip install '.[cfn-lint]' && python benchmarks/generate.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import fetch_corpus  # benchmarks/corpus.py, beside this script

FLOOR = """
import json, sys
from pathlib import Path
specs, out, layout = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "layout"
out.mkdir()
for i, path in enumerate(sorted(specs.glob("*.json"))):
    data = path.read_bytes()
    json.loads(data)
    if layout:  # aws-lambda-eventinvokeconfig.json: aws/lambda/eventinvokeconfig/index.mdx
        page = out.joinpath(*path.stem.split("-", 2), "index.mdx")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes(data)
    else:
        (out / f"{i}.mdx").write_bytes(data)
"""


def run(argv: list[str]) -> tuple[float, float, float]:
    """Run a command to its end; its wall seconds, CPU seconds and peak RSS in MB."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(argv)}")
    # Linux counts the processes the command waited for (its workers) in its usage.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def generate(specs: Path, out: Path) -> list[str]:
    """The generate command line."""
    return [
        sys.executable,
        "-m",
        "generator",
        "generate",
        "--specs",
        str(specs),
        "--out",
        str(out),
        "--quiet",
    ]


def change_one(specs: Path, n: int) -> None:
    """Change one schema's description (a new value each time)."""
    path = specs / "aws-lambda-eventinvokeconfig.json"
    document = json.loads(path.read_bytes())
    document["description"] = f"Changed for the benchmark, run {n}."
    path.write_text(json.dumps(document, indent=1))


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    work = Path(tempfile.mkdtemp(prefix="docgen-bench-"))
    specs = work / "specs"
    fetch_corpus(specs)
    figures: dict[str, list[tuple[float, float, float]]] = {
        "floor": [],
        "layout floor": [],
        "full": [],
        "unchanged": [],
        "one changed": [],
    }
    # Writes the bytecode cache; not counted, and kept to the end as the other trees are.
    run(generate(specs, work / "warm-up"))
    for n in range(runs):
        out = work / f"out{n}"
        for name, layout in (("floor", "flat"), ("layout floor", "layout")):
            # Kept to the end: removing a tree may slow the disk for the next run.
            argv = [sys.executable, "-c", FLOOR, str(specs), str(work / f"{layout}{n}"), layout]
            figures[name].append(run(argv))
        figures["full"].append(run(generate(specs, out)))
        figures["unchanged"].append(run(generate(specs, out)))
        change_one(specs, n)
        figures["one changed"].append(run(generate(specs, out)))
    shutil.rmtree(work)
    median = {
        k: tuple(statistics.median(f[i] for f in v) for i in range(3)) for k, v in figures.items()
    }
    print(
        f"generate, whole us-east-1 provider (1,854 schemas, 1,744 pages), {runs} runs, "
        f"{os.cpu_count()} cores: medians"
    )
    for name, (wall, cpu, rss) in median.items():
        print(f"  {name:<12} {wall:6.2f} s  {cpu:6.2f} s CPU  {rss:6.0f} MB peak RSS")
    print(
        f"  full build = {median['full'][0] / median['floor'][0]:.1f}x the floor "
        f"({median['full'][0] / median['layout floor'][0]:.1f}x the layout floor) "
        "(target <= 3x; <= 5 s, <= 400 MB); one changed target <= 0.5 s"
    )
    # The disk's speed drifts between runs; a run's build and its floors ran back to back.
    paired = [f[0] / g[0] for f, g in zip(figures["full"], figures["floor"], strict=True)]
    print(
        "  per run, full build / that run's floor: "
        f"{', '.join(f'{r:.1f}x' for r in paired)} (median {statistics.median(paired):.1f}x)"
    )


if __name__ == "__main__":
    main()
