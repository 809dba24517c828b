"""The shell steps of the GitHub workflows, run with bash as GitHub runs them (`bash -eo
pipefail`), against the installed command: what stops a job, and what goes on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def step(workflow: str, name: str) -> dict:
    document = yaml.safe_load((WORKFLOWS / workflow).read_text("utf-8"))
    [job] = document["jobs"].values()
    return next(s for s in job["steps"] if s.get("name") == name)


def run_step(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """A `run:` script as GitHub runs it, with the installed stackql-docgen on PATH."""
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env={**os.environ, "PATH": path, "GITHUB_RUN_ID": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository's specs/ and output/, as the workflows find them."""
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    shutil.copytree(ROOT / "output", tmp_path / "output")
    return tmp_path


def test_the_installed_command_is_the_one_the_steps_run():
    assert (Path(sys.executable).parent / "stackql-docgen").exists()


@pytest.mark.parametrize(
    ("source", "status", "reported"),
    [
        ("specs", 0, "**No findings**"),  # no drift
        ("source", 0, "type added"),  # drift (check's exit 1): the job goes on to its PR
        ("missing.zip", 2, None),  # a failed download: the job stops, with no PR of no report
    ],
)
def test_schema_refresh_goes_on_after_drift_and_stops_at_bad_input(
    repository: Path, source: str, status: int, reported: str | None
) -> None:
    (repository / "source").mkdir()
    shutil.copy(
        ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json", repository / "source"
    )
    shutil.copy(ROOT / "specs" / "aws-lambda-eventinvokeconfig.json", repository / "source")
    summary = repository / "summary.md"
    script = step("schema-refresh.yml", "Report schema drift")["run"]
    done = run_step(
        script,
        repository,
        SOURCE=str(repository / source),
        TYPES="",
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == status, done.stderr
    if reported is None:
        assert "::error::stackql-docgen check failed (exit 2)" in done.stdout
        assert not summary.exists()
    else:
        assert reported in summary.read_text("utf-8")
        assert summary.read_text("utf-8") == (repository / "report.md").read_text("utf-8")


def test_docs_check_fails_on_a_stale_page(repository: Path) -> None:
    script = step("docs-check.yml", "Check the generated pages")["run"]
    summary = repository / "summary.md"
    assert run_step(script, repository, GITHUB_STEP_SUMMARY=str(summary)).returncode == 0
    page = repository / "output" / "aws" / "lambda" / "event_invoke_configs" / "index.mdx"
    page.write_text(page.read_text("utf-8") + "edited\n", "utf-8")
    assert run_step(script, repository, GITHUB_STEP_SUMMARY=str(summary)).returncode == 1
    assert "aws/lambda/event_invoke_configs/index.mdx" in summary.read_text("utf-8")
