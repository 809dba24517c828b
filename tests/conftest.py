"""Shared test setup: paths of the repository and the golden-file update flag."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GOLDEN = Path(__file__).resolve().parent / "golden"
LAMBDA_SPEC = SPECS / "aws-lambda-eventinvokeconfig.json"


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
