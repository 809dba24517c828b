"""Shared test setup: paths of the repository and the golden-file update flag."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GOLDEN = Path(__file__).resolve().parent / "golden"
LAMBDA_SPEC = SPECS / "aws-lambda-eventinvokeconfig.json"


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
