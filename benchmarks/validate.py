"""Benchmark `validate` on the whole us-east-1 provider (cfn-lint 1.58.0's 1,744 pages).

Fetches the schemas, generates the pages once, then times `stackql-docgen validate` in cold
processes (each builds the site, starts its mock Cloud Control API and runs every example of
every page) and prints the median wall time with the pass figures of the last run.

    pip install '.[cfn-lint]' && python benchmarks/validate.py [--runs 3]
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

ROOT = Path(__file__).resolve().parent.parent
KNOWN_ISSUES = ROOT / "specs" / "known-issues.yaml"
TARGET_SECONDS = 60


def docgen(*argv: str) -> list[str]:
    """A stackql-docgen command line, run by this Python."""
    return [sys.executable, "-m", "generator", *argv]


def timed_validate(specs: Path, out: Path) -> tuple[float, dict]:
    """Run validate to its end in a new process; its wall seconds and JSON report."""
    start = time.perf_counter()
    proc = subprocess.run(
        docgen(
            "validate",
            "--specs",
            str(specs),
            "--out",
            str(out),
            "--known-issues",
            str(KNOWN_ISSUES),
            "--format",
            "json",
        ),
        capture_output=True,
        check=False,
    )
    wall = time.perf_counter() - start
    try:  # exit code 1 is findings, which this run is not about; the report says them
        report = json.loads(proc.stdout) if proc.returncode in (0, 1) else None
    except ValueError:
        report = None
    if report is None:  # say what validate said, its warnings aside
        said = [line for line in proc.stderr.decode().splitlines() if "warning:" not in line]
        sys.exit(f"validate failed with exit code {proc.returncode}:\n" + "\n".join(said[-40:]))
    return wall, report


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    work = Path(tempfile.mkdtemp(prefix="docgen-validate-bench-"))
    specs, out = work / "specs", work / "out"
    fetch_corpus(specs)
    subprocess.run(
        docgen("generate", "--specs", str(specs), "--out", str(out), "--quiet"),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    walls, report = [], {}
    for _ in range(runs):
        wall, report = timed_validate(specs, out)
        walls.append(wall)
    shutil.rmtree(work)
    s = report["summary"]
    median = statistics.median(walls)
    print(
        f"validate, whole us-east-1 provider ({s['pages']} pages), {runs} cold runs, "
        f"{os.cpu_count()} cores"
    )
    print(
        f"  wall median {median:6.2f} s  (runs: {', '.join(f'{w:.2f}' for w in walls)}; "
        f"target <= {TARGET_SECONDS} s)"
    )
    print(
        f"  pages     {s['pages_passed']}/{s['pages']} passed "
        f"({100 * s['pages_passed'] / s['pages']:.1f}%; target >= 99%), "
        f"{len({f['type'] for f in report['known']})} with known issues"
    )
    print(
        f"  examples  {s['examples_passed']}/{s['examples']} passed, {s['examples_failed']} "
        f"failed ({s['examples_known']} known), coverage {100 * s['coverage']:.1f}%"
    )


if __name__ == "__main__":
    main()
