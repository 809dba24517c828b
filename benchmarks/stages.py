"""Where a full build of the whole us-east-1 provider spends its time, stage by stage.

`generate.py` measures what a user waits for; this says what the wait is made of, for whoever
works on the speed. Each run is one cold process that builds on one core (no worker processes,
so that every stage's time is its own) and writes into an empty folder; the stages are timed by
wrapping the functions `build()` calls. Prints medians of CPU seconds (process time, the writing
threads' included) per stage, and the floor of `generate.py` (reading and JSON-parsing every
schema, writing as many files), run after each build. Writing files costs what the disk's state
makes it: right after many files were written or removed, several times its usual.

    pip install '.[cfn-lint]' && python benchmarks/stages.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import fetch_corpus  # benchmarks/corpus.py, beside this script

# One run, in a process of its own: the imports are part of what it measures.
RUN = r"""
import json, sys, time
clock = time.process_time
started = clock()
from pathlib import Path
import generator.build as build
from generator.cache import write_cache
from generator.output import write_site
imported = clock() - started
spent = dict.fromkeys(("read", "parse and check", "normalize", "render"), 0.0)
def timed(name, fn):
    def wrapper(*args, **kwargs):
        start = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += clock() - start
    return wrapper
build.load_source = timed("read", build.load_source)
build.parse_spec = timed("parse and check", build.parse_spec)
build.normalize = timed("normalize", build.normalize)
build.render_page = timed("render", build.render_page)
build.PARALLEL_CHUNK = 1 << 30  # in this process: one core, every stage's time its own
specs, out = Path(sys.argv[1]), Path(sys.argv[2])
start = clock()
site = build.build(specs, models=False)
built = clock() - start
start = clock()
result = write_site(out, site.pages, prune=True)
written = clock() - start
start = clock()
write_cache(out, build.fingerprint(), site.outcomes, time.time_ns(), frozenset(result.written))
cached = clock() - start
rest = built - sum(spent.values())
print(json.dumps({"imports": imported, **spent, "rest of build (list, index pages)": rest,
                  "write pages": written, "write cache": cached, "total": clock()}))
"""

FLOOR = """
import json, sys, time
from pathlib import Path
specs, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir()
for i, path in enumerate(sorted(specs.glob("*.json"))):
    data = path.read_bytes()
    json.loads(data)
    (out / f"{i}.mdx").write_bytes(data)
print(json.dumps({"floor": time.process_time()}))
"""


def run(code: str, *argv: str) -> dict[str, float]:
    """Run Python `code` with `argv` in a new process; the figures it prints."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="docgen-stages-") as work:
        specs = Path(work) / "specs"
        fetch_corpus(specs)
        run(RUN, str(specs), str(Path(work) / "warm-up"))  # writes the bytecode cache
        figures, floors = [], []
        for n in range(runs):  # back to back: the disk's speed drifts (writing most of all)
            figures.append(run(RUN, str(specs), str(Path(work) / f"out{n}")))
            floors.append(run(FLOOR, str(specs), str(Path(work) / f"floor{n}")))
    median = {k: statistics.median(f[k] for f in figures) for k in figures[0]}
    floor = statistics.median(f["floor"] for f in floors)
    print(f"a full build on one core, {runs} runs: median CPU seconds")
    for name, seconds in median.items():
        if name != "total":
            print(f"  {name:<34} {seconds:5.2f} s  {seconds / median['total']:4.0%}")
    print(f"  {'total':<34} {median['total']:5.2f} s")
    print(f"  {'the floor (read, parse, write)':<34} {floor:5.2f} s")


if __name__ == "__main__":
    main()
