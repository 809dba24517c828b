"""Atomic files: whole old or whole new, temp files recognisable and cleaned up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.atomicfile import (
    is_temp_name,
    remove_stale_temps,
    temp_path,
    write_all_atomic,
    write_atomic,
)
from generator.errors import OutputError


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_atomic_write_failure_is_an_output_error_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.mkdir()  # os.replace cannot put a file over a folder
    with pytest.raises(OutputError, match=r"a\.json: cannot write: "):
        write_atomic(target, b"new")
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_failure_half_way_through_the_replacing_leaves_no_temporary_file(tmp_path):
    # The files after the one that failed kept their temporary files (as a signal there, a
    # Ctrl+C or SIGTERM, left one: `.index.mdx.tmp-<pid>`).
    (tmp_path / "b").mkdir()  # os.replace cannot put a file over a folder
    files = [(tmp_path / name, b"new") for name in ("a", "b", "c")]
    with pytest.raises(OutputError, match=r"/b: cannot write: "):
        write_all_atomic(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]
    assert (tmp_path / "a").read_bytes() == b"new"


def test_a_temporary_file_that_cannot_be_made_nor_removed_is_an_output_error(tmp_path):
    # A file where the folder should be: the temporary file cannot be written, and removing
    # it fails too (ENOTDIR, as EROFS on a read-only mount), not with "no such file".
    (tmp_path / "page").write_bytes(b"")
    with pytest.raises(OutputError, match=r"page/index\.mdx: cannot write: Not a directory"):
        write_atomic(tmp_path / "page" / "index.mdx", b"new")


def test_temp_names_are_hidden_recognisable_and_not_json(tmp_path: Path) -> None:
    tmp = temp_path(tmp_path / "aws-s3-bucket.json")
    assert tmp.name == f".aws-s3-bucket.json.tmp-{os.getpid()}"
    assert is_temp_name(tmp.name) and not tmp.name.endswith(".json")
    tmp.write_bytes(b"{half")
    (tmp_path / "aws-s3-bucket.json").write_bytes(b"{}")
    assert [p.name for p in tmp_path.glob("*.json")] == ["aws-s3-bucket.json"]
    assert remove_stale_temps(tmp_path) == (tmp,)
    assert [p.name for p in tmp_path.iterdir()] == ["aws-s3-bucket.json"]
