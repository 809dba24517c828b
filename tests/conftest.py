"""Shared test setup: paths of the repository and the golden-file update flag."""

from __future__ import annotations

import logging
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GOLDEN = Path(__file__).resolve().parent / "golden"
LAMBDA_SPEC = SPECS / "aws-lambda-eventinvokeconfig.json"

# A runner started in the background (`pytest &` in a script) ignores SIGINT, and so would every
# process the tests start and send Ctrl+C to. A handler here is the default again in them (exec
# resets handlers, not an ignored signal), as in a terminal's foreground job.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def _generator_logger():
    """Each test starts and leaves the `generator` logger as Python makes it: `main` sets it up
    for its run (its own handler, no propagation), which would hide later tests' records from
    caplog (session fixtures run `main` too)."""
    _reset(logging.getLogger("generator"))
    yield
    _reset(logging.getLogger("generator"))


def _reset(logger: logging.Logger) -> None:
    logger.handlers.clear()
    logger.setLevel(logging.NOTSET)
    logger.propagate = True


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*/expected from the current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    """A specs folder holding only the real EventInvokeConfig schema (no lock, no known issues)."""
    folder = tmp_path / "specs"
    folder.mkdir()
    shutil.copy(LAMBDA_SPEC, folder)
    return folder


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """The specs folder and the generated output folder of the full us-east-1 set.

    The schemas come from cfn-lint 1.58.0 through our own offline source (`fetch --source
    cfn-lint`), the pages from `generate`.
    """
    root = tmp_path_factory.mktemp("corpus")
    specs, out = root / "specs", root / "out"
    specs.mkdir()
    assert main(["fetch", "--source", "cfn-lint", "--specs", str(specs)]) == 0
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    return specs, out


# Sixteen threads call `function` on a page's text at once, in a new process, the first
# thing they do (as validate's and preview's threads may); a tiny switch interval makes a race
# likely to show. It prints what the calls raised.
_ON_THREADS = """
import importlib, sys, threading
sys.setswitchinterval(1e-6)
module, name, path = sys.argv[1:]
function = getattr(importlib.import_module(module), name)
text = open(path, encoding="utf-8").read()
barrier, failures = threading.Barrier(16), []
def call():
    barrier.wait()
    try:
        function(text)
    except Exception as error:
        failures.append(repr(error))
threads = [threading.Thread(target=call) for _ in range(16)]
[t.start() for t in threads]
[t.join() for t in threads]
print(failures)
"""


def failures_on_threads(module: str, function: str, page: Path) -> tuple[int, str, str]:
    """Exit code, what the calls raised (printed) and stderr of a run of `_ON_THREADS`."""
    run = subprocess.run(
        [sys.executable, "-c", _ON_THREADS, module, function, str(page)],
        capture_output=True,
        text=True,
    )
    return run.returncode, run.stdout.strip(), run.stderr


def encrypted(data: bytes) -> bytes:
    """A zip's bytes with its first member flagged encrypted (Python writes no such zip)."""
    flagged = bytearray(data)
    flagged[flagged.index(b"PK\x03\x04") + 6] |= 0x1  # the local header's flags
    flagged[flagged.index(b"PK\x01\x02") + 8] |= 0x1  # the central directory's
    return bytes(flagged)
