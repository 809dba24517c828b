"""Schema loading: list, read and parse CloudFormation resource schemas, checked before use
(`schemacheck`)."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
import zipfile
from collections.abc import Mapping
from dataclasses import replace
from importlib import resources
from pathlib import Path

from generator import jsontext
from generator.errors import SpecError, UsageError
from generator.model import LOCK_FILE, MAX_SCHEMA_BYTES, SourceFile, Spec
from generator.naming import utf8_name
from generator.schemacheck import (
    check_structure,
    lifecycle_findings,
    meta_schema_findings,
    pointers_naming_nothing,
)
from generator.schemazip import DAMAGED, ZipProblem, read_members, starts_as_zip


def bundled_specs() -> Path:
    """The default schemas shipped in the package, else the source tree's `specs/`."""
    packaged = Path(str(resources.files("generator") / "specs"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "specs"


def spec_files(specs_dir: Path) -> list[Path]:
    """List the schema files of a folder in name order (no lock file, no temporary files)."""
    return [specs_dir / n for n in _spec_names(specs_dir)]


def _spec_names(specs_dir: Path) -> list[str]:
    """The names of a folder's schema files, in name order (see `spec_files`)."""
    if not specs_dir.is_dir():
        raise UsageError(f"{specs_dir}: no such folder of schemas")
    try:
        names = os.listdir(specs_dir)  # (a glob would take an unreadable folder for an empty one)
    except OSError as e:
        raise UsageError(f"{specs_dir}: cannot read: {e.strerror or e}") from e
    names = sorted(  # as their paths sort (case-blind on Windows), at the cost of strings
        (n for n in names if n.endswith(".json") and n != LOCK_FILE and not n.startswith(".")),
        key=os.path.normcase,
    )
    for name in names:
        if not utf8_name(name):  # pages and records name their schema file
            raise UsageError(f"{specs_dir}: {name!r} is not a UTF-8 file name")
    return names


def read_sources(specs: Path) -> tuple[SourceFile, ...]:
    """The schema files of a folder, or of a zip laid out as AWS's CloudformationSchema.zip."""
    return tuple(load_source(s) for s in list_sources(specs))


# A file's stamp counts only if it was modified (and its change time set) this long before it
# was listed: an edit in the same tick of the file system's clock (which may run behind
# time.time_ns()) would keep it.
STAMP_MARGIN_NS = 1_000_000_000


def list_sources(
    specs: Path, known: Mapping[str, tuple[tuple[int, ...], str]] | None = None
) -> tuple[SourceFile, ...]:
    """The schema files of a folder, unread, each with its stamp; or those of a zip, read.

    `known` maps a file name to a stamp and the sha256 of the bytes read under it (by a
    previous build): a file listed with that stamp gets that digest, as git's index gives one.
    """
    if specs.is_file() and zipfile.is_zipfile(specs):
        return _read_zip(specs)
    if specs.is_file():
        if starts_as_zip(specs):  # (a download cut short: the zip's index is at its end)
            raise UsageError(f"{specs}: {DAMAGED}")
        raise UsageError(f"{specs}: neither a folder of schemas nor a zip of them")
    known = known or {}
    settled = time.time_ns() - STAMP_MARGIN_NS
    # A read-only mount (a squashfs or ISO image) keeps times the image was made with, not the
    # times of its files' changes: two images may give a changed file one stamp.
    stamps = not _read_only(specs)
    sources = []
    # A file's label is its path as `specs / name` writes it ("x.json" in "."), made without a
    # Path for each of 1,854 files: the folder's part is the same for every name.
    folder = str(specs / "_")[:-1]
    for name in _spec_names(specs):
        label = folder + name
        try:
            st = os.stat(label)
        except OSError as e:
            raise SpecError(label, "", f"cannot read: {e.strerror}") from e
        if not stat.S_ISREG(st.st_mode):  # a FIFO would hang the read, a folder fail it
            raise SpecError(label, "", "cannot read: not a regular file")
        if st.st_size > MAX_SCHEMA_BYTES:
            raise SpecError(label, "", f"larger than the limit of {MAX_SCHEMA_BYTES} bytes")
        stamp = _stamp(st, settled) if stamps else None
        recorded, digest = known.get(name, (None, ""))
        sha256 = digest if stamp is not None and stamp == recorded else ""
        sources.append(SourceFile(name, label, None, stamp, sha256))
    return tuple(sources)


def file_stamp(path: Path) -> tuple[int, ...] | None:
    """A file's stamp as `list_sources` takes a schema file's (size, modification and change
    times, inode, device), or None: gone, changed within STAMP_MARGIN_NS, or on a read-only
    mount."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    stamp = _stamp(st, time.time_ns() - STAMP_MARGIN_NS)
    return None if stamp is None or _read_only(path.parent) else stamp


def _stamp(st: os.stat_result, settled: int) -> tuple[int, ...] | None:
    """A file's stamp from its stat, None if it changed at `settled` (ns) or since."""
    if max(st.st_mtime_ns, st.st_ctime_ns) >= settled:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev


def _read_only(folder: Path) -> bool:
    """Whether a folder is on a file system mounted read-only (where statvfs can tell)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): take it as writable
        return False


def load_source(source: SourceFile) -> SourceFile:
    """A listed schema file with its bytes read."""
    if source.data is not None:
        return source
    try:
        with open(source.label, "rb") as file:  # (no Path made for each of 1,854 files)
            data = file.read()
    except OSError as e:
        raise SpecError(source.label, "", f"cannot read: {e.strerror}") from e
    if len(data) > MAX_SCHEMA_BYTES:  # it grew since it was listed
        raise SpecError(source.label, "", f"larger than the limit of {MAX_SCHEMA_BYTES} bytes")
    return replace(source, data=data)


def _read_zip(archive: Path) -> tuple[SourceFile, ...]:
    """The schemas of a zip, read (see `schemazip`), each labelled `zip!member` (as fetch
    labels them)."""
    try:
        members = read_members(archive, MAX_SCHEMA_BYTES)
    except ZipProblem as e:
        if e.too_large:
            raise SpecError(f"{archive}!{e.member}", "", e.message) from e
        where = f"{archive}!{e.member}" if e.member else str(archive)
        raise UsageError(f"{where}: {e.message}") from e
    return tuple(SourceFile(name, f"{archive}!{name}", data) for name, data in members)


def read_specs(specs_dir: Path, meta_check: bool = True) -> tuple[Spec, ...]:
    """Read and check every schema of a folder or zip; the first broken one raises SpecError."""
    return tuple(parse_spec(s.label, s.data, meta_check) for s in read_sources(specs_dir))


def read_spec(path: Path, meta_check: bool = True) -> Spec:
    """Read and check one schema file."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SpecError(str(path), "", f"cannot read: {e.strerror}") from e
    return parse_spec(str(path), data, meta_check)


def parse_spec(label: str, data: bytes, meta_check: bool = True) -> Spec:
    """Parse and check the bytes of one schema; `label` names it in messages."""
    duplicates: list[tuple[str, str]] = []
    refs: set[str] = set()
    try:
        document = jsontext.loads(data, duplicates, refs)
    except UnicodeDecodeError as e:
        line, column, message = jsontext.not_utf8(data, e)
        raise SpecError(label, None, message, line, column) from e
    except jsontext.JSONTextError as e:
        where = (None, e.line, e.column) if e.line else (e.pointer, 0, 0)
        raise SpecError(label, where[0], f"invalid JSON: {e.message}", *where[1:]) from e
    if not isinstance(document, dict):
        raise SpecError(label, "", f"expected an object, got {jsontext.json_type(document)}")
    check_structure(label, document, data, None if duplicates else refs)
    warnings = tuple(
        f"{label}#{pointer}: the name {json.dumps(name)} twice in one object: the last is read"
        for pointer, name in duplicates
    )
    warnings += tuple(label + w for w in lifecycle_findings(document))
    naming_nothing = pointers_naming_nothing(document)
    warnings += tuple(
        f"{label}#{at}: {pointer!r} names no property: the pages read the list without it"
        for at, pointer in naming_nothing
    )
    if meta_check:
        warnings += tuple(meta_schema_findings(label, document))
    return Spec(
        path=label,
        type_name=document["typeName"],
        document=document,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=warnings,
        naming_nothing=frozenset(pointer for _, pointer in naming_nothing),
    )
