"""Atomic files: whole old or whole new, never half-written, through a temporary file.

A temporary file is `.<name>.tmp-<pid>` beside its target: hidden and not ending in `.json`,
so no reader of `*.json` picks it up, and recognisable to clean up after a killed writer.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from generator.errors import OutputError

_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.tmp-(?P<pid>\d+)")


def is_temp_name(name: str) -> bool:
    """Tell whether a file name is one of our temporary files (`.<name>.tmp-<pid>`).

    >>> is_temp_name(".aws-s3-bucket.json.tmp-4242"), is_temp_name("aws-s3-bucket.json")
    (True, False)
    """
    return _TEMP_NAME.fullmatch(name) is not None


def temp_path(path: Path) -> Path:
    """Return the temporary file name used while `path` is being written by this process."""
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


def read_or_none(path: Path) -> bytes | None:
    """A file's bytes, or None when there is no such file. What is no regular file (a folder,
    a FIFO, whose reading would wait for a writer for ever) is an OutputError, at once."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise OutputError(f"{path}: cannot read: {e.strerror or e}") from e
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = "a folder" if stat.S_ISDIR(mode) else "no regular file"
            raise OutputError(f"{path}: cannot read: {what}")
        with os.fdopen(fd, "rb", closefd=False) as file:
            return file.read()
    except OSError as e:
        raise OutputError(f"{path}: cannot read: {e.strerror or e}") from e
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, durable: bool = False) -> None:
    """Write one file atomically; `durable` also flushes it to disk (slower)."""
    write_all_atomic([(path, data)], durable)


def write_through(path: Path, data: bytes) -> None:
    """Write a file a user named, as a shell's `>` would: through a symbolic link to the file
    it names, into a FIFO or a device as it is; a regular file (or a new one) atomically."""
    try:
        os.stat(path)
    except OSError as e:  # a loop of links: the shell says so, and writes nothing
        if e.errno == errno.ELOOP:
            raise OutputError(f"{path}: cannot write: {e.strerror}") from e
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        try:
            with open(target, "wb") as f:
                f.write(data)
        except OSError as e:
            raise OutputError(f"{path}: cannot write: {e.strerror or e}") from e
        return
    write_atomic(target, data)


def write_all_atomic(files: Sequence[tuple[Path, bytes]], durable: bool = False) -> None:
    """Write files atomically: stage every temp file first, then os.replace them in turn.

    A failure while staging removes the temp files and leaves every target as it was; one
    while replacing (an error, Ctrl+C) removes those not yet in place.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            staged.append((_stage(path, data, durable), path))
    except BaseException:
        for tmp, _ in staged:
            _discard(tmp)
        raise
    for n, (tmp, path) in enumerate(staged):
        try:
            os.replace(tmp, path)  # atomic: readers see the whole old file or the whole new one
        except BaseException as e:  # (Ctrl+C or SIGTERM too: no temporary file stays)
            for left, _ in staged[n:]:
                _discard(left)
            if isinstance(e, OSError):
                raise OutputError(f"{path}: cannot write: {e.strerror or e}") from e
            raise
    if durable:
        for folder in sorted({path.parent for path, _ in files}):
            _sync_dir(folder)


def _stage(path: Path, data: bytes, durable: bool) -> Path:
    """Write `data` to the temporary file of `path`; return the temporary path."""
    tmp = temp_path(path)
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
    except BaseException as e:
        _discard(tmp)
        if isinstance(e, OSError):
            raise OutputError(f"{path}: cannot write: {e.strerror or e}") from e
        raise
    return tmp


def _discard(tmp: Path) -> None:
    """Remove a temporary file, if there is one: a failure to (a read-only file system, a
    file where its folder should be) leaves the error that came first to be told."""
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass


def _sync_dir(folder: Path) -> None:
    """Flush a folder's entries (the renames) to disk where the platform allows it."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the renames are still atomic
    finally:
        os.close(fd)


def remove_stale_temps(folder: Path, of: str | None = None) -> tuple[Path, ...]:
    """Delete temporary files left in `folder` by killed writers (of the file named `of` only,
    if given); return what was deleted. The caller holds the folder against other writers."""
    removed = []
    for path in sorted(folder.iterdir()):
        match = _TEMP_NAME.fullmatch(path.name)
        if match and (of is None or match["name"] == of) and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    return tuple(removed)
