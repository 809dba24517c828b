"""Golden cases: tests/golden/<case>/input (schemas) -> expected/ (pages, exit code, messages).

Each case runs `stackql-docgen generate --specs input --out out` from the case folder and
compares, byte for byte, the files written and `expected/result.txt` (exit code, stdout,
stderr). `pytest --update-golden` rewrites `expected/`; review the diff before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import GOLDEN

from generator.cache import CACHE_DIR
from generator.cli import main

CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "input").is_dir())


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder by relative POSIX path, but the disposable build cache."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and CACHE_DIR not in p.parts
    }


def run_case(case: Path, tmp: Path, monkeypatch, capsys) -> tuple[dict[str, bytes], str]:
    """Run generate for one case; returns the files written and the result text."""
    work = tmp / case.name
    shutil.copytree(case / "input", work / "input")
    monkeypatch.chdir(work)
    code = main(["generate", "--specs", "input", "--out", "out"])
    out, err = capsys.readouterr()
    result = f"exit code: {code}\n--- stdout\n{out}--- stderr\n{err}"
    return tree(work / "out"), result


@pytest.mark.parametrize("name", CASES)
def test_golden(name, tmp_path, monkeypatch, capsys, update_golden):
    case = GOLDEN / name
    files, result = run_case(case, tmp_path, monkeypatch, capsys)
    expected = case / "expected"
    if update_golden:
        shutil.rmtree(expected, ignore_errors=True)
        for rel, data in files.items():
            (expected / "out" / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected / "out" / rel).write_bytes(data)
        expected.mkdir(parents=True, exist_ok=True)
        (expected / "result.txt").write_text(result)
    assert result == (expected / "result.txt").read_text()
    assert files == tree(expected / "out")


def test_error_cases_are_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    for name in (n for n in CASES if n.startswith("error-")):
        files, result = run_case(GOLDEN / name, tmp_path, monkeypatch, capsys)
        stderr = result.split("--- stderr\n", 1)[1]
        assert result.startswith("exit code: 2\n"), name
        assert stderr.count("\n") == 1 and stderr.startswith("error: input/"), name
        assert files == {}, name
