"""The page cache: what each schema gave in the last build, by which the next one skips the
schemas and pages that did not change. Disposable: anything in it that does not hold is not
reused."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Sequence
from pathlib import Path

from generator.atomicfile import read_or_none, write_atomic
from generator.errors import OutputError
from generator.model import KeptPage, Outcome, Page, Summary
from generator.naming import page_path
from generator.output import inside

# What each schema gave in the last build, to skip unchanged schemas next time; disposable.
# It records file times, so it is local to the machine: its folder tells git to ignore it
# (as pytest's and ruff's caches do), in whatever repository the output folder is.
CACHE_DIR = ".stackql-docgen-cache"
CACHE_FILE = f"{CACHE_DIR}/cache.json"
_CACHE_IGNORE = b"# stackql-docgen's page cache: local to this machine, never committed\n*\n"
_LEGACY_CACHE_FILE = ".stackql-docgen-cache.json"  # where the cache was before its folder


def cache_state(out_dir: Path) -> tuple[int, int, int] | None:
    """Which cache file the folder holds (inode, size, mtime), None for none: a generate that
    wrote the folder since has written another (write_cache replaces it whole)."""
    try:
        found = os.stat(out_dir / CACHE_FILE)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


def read_cache(out_dir: Path, fingerprint: str) -> dict[tuple[str, str], Outcome]:
    """Outcomes of the last build by the same generator whose pages are still as written.

    Keyed by (schema file name, sha256). A page whose size and modification time are as
    recorded, and older than the cache itself, is taken as written without reading it (a
    KeptPage), as git takes a file in its index; any other page is read and compared by
    digest. Each outcome keeps the stamp its schema file had when read (`SourceFile`), by which
    build knows the file's digest without reading it. Anything unreadable, edited or stale is
    simply not reused.
    """
    try:
        cache_file = out_dir / CACHE_FILE
        head, _, body = cache_file.read_bytes().partition(b"\n")
        header = json.loads(head)
        if header != {"generator": fingerprint, "seal": hashlib.sha256(body).hexdigest()}:
            return {}  # another generator's, or edited by hand: trust none of it
        written = os.stat(cache_file).st_mtime_ns
        reusable = {}
        for entry in json.loads(body):
            if not _consistent(entry):
                return {}  # not as this generator writes it: trust none of it
            page = None if entry["page"] is None else _cached_page(out_dir, entry, written)
            if entry["page"] is not None and page is None:
                continue  # gone or edited by hand since: render it again
            summary = Summary(*entry["summary"]) if entry["summary"] else None
            outcome = Outcome(
                entry["file"],
                entry["sha256"],
                entry["type_name"],
                page,
                summary,
                entry["skipped"],
                tuple(entry["warnings"]),
                _source_stamp(entry["source_stamp"]),
                entry["region"],
            )
            reusable[(outcome.file, outcome.sha256)] = outcome
        return reusable
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        return {}


def _source_stamp(value: object) -> tuple[int, ...] | None:
    """A schema file's stamp as the cache records it."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 5 or not all(type(n) is int for n in value):
        raise ValueError("not a stamp")
    return tuple(value)


def _consistent(entry: dict) -> bool:
    """Whether a cache entry's page is where its summary puts it, if it has one."""
    if entry["page"] is None:
        return True
    summary = entry["summary"]
    return (
        isinstance(summary, list)
        and len(summary) == 5
        and all(isinstance(part, str) and inside(part) for part in summary[:3])
        and entry["page"] == page_path(*summary[:3])
    )


def _cached_page(out_dir: Path, entry: dict, cache_written: int) -> Page | KeptPage | None:
    """A cached page as it is on disk: kept by its stamp, else read; None if it changed.

    A stamp counts only for a page modified before the cache was written (in an earlier tick
    of the file system's clock): an edit in the tick of the last write would keep the stamp.
    """
    path = out_dir / entry["page"]
    stamp = entry.get("page_stamp")
    try:
        if stamp is not None and stamp[1] < cache_written and tuple(stamp) == _stamp(path):
            return KeptPage(entry["page"], entry["page_sha256"], tuple(stamp))
        data = path.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != entry["page_sha256"]:
        return None
    return Page(entry["page"], data.decode("utf-8"))


def _stamp(path: Path) -> tuple[int, ...]:
    """A file's size, modification time (ns), change time (ns) and inode, as recorded in the
    cache (git's index keeps the same): an edit that puts the size and modification time back
    (`touch -r`) still changes the change time, which no user can set."""
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def write_cache(
    out_dir: Path,
    fingerprint: str,
    outcomes: Sequence[Outcome],
    started: int,
    written: Collection[str],
) -> None:
    """Record what each schema gave, for `read_cache` next time.

    `started` is time.time_ns() before this build read the output folder. Pages are
    stamped with their size, times and inode (`_stamp`): a KeptPage keeps its stamp (an edit since
    changes the file's); those this build wrote (`written`) and those it read that were
    modified before it started are stamped anew. A page modified since it started, by
    someone else, gets no stamp: it is read and compared next time.
    """
    sources = [
        {
            "file": o.file,
            "sha256": o.sha256,
            "type_name": o.type_name,
            "skipped": o.skipped,
            "page": o.page.path if o.page else None,
            "page_sha256": _digest(o.page) if o.page else None,
            "page_stamp": _stamp_of(out_dir, o.page, started, written) if o.page else None,
            "summary": _summary_row(o.summary) if o.summary else None,
            "warnings": list(o.warnings),
            "source_stamp": list(o.source_stamp) if o.source_stamp else None,
            "region": o.region,
        }
        for o in sorted(outcomes, key=lambda o: o.file)
    ]
    # A header line, then the entries: the header's seal (their digest) tells a cache edited
    # by hand, which read_cache then ignores whole.
    body = json.dumps(sources, sort_keys=True).encode()
    head = {"generator": fingerprint, "seal": hashlib.sha256(body).hexdigest()}
    data = json.dumps(head, sort_keys=True).encode() + b"\n" + body
    folder = out_dir / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
    except OSError as e:
        raise OutputError(f"{folder}: cannot create the cache folder: {e.strerror or e}") from e
    if read_or_none(folder / ".gitignore") != _CACHE_IGNORE:
        write_atomic(folder / ".gitignore", _CACHE_IGNORE)
    if read_or_none(out_dir / CACHE_FILE) != data:
        write_atomic(out_dir / CACHE_FILE, data)
    try:
        (out_dir / _LEGACY_CACHE_FILE).unlink()
    except OSError:  # none there (or not ours to remove: it is only a stale cache)
        pass


def _digest(page: Page | KeptPage) -> str:
    """The sha256 of a page's bytes."""
    if isinstance(page, KeptPage):
        return page.sha256
    return hashlib.sha256(page.text.encode("utf-8")).hexdigest()


def _stamp_of(
    out_dir: Path, page: Page | KeptPage, started: int, written: Collection[str]
) -> tuple[int, ...] | None:
    """The stamp to record for a page (see `write_cache`), or None."""
    if isinstance(page, KeptPage):
        return page.stamp
    rel = page.path
    try:
        stamp = _stamp(out_dir / rel)
    except OSError:
        return None
    # The file system's clock may run a tick behind time.time_ns(): a margin of a second.
    return stamp if rel in written or stamp[1] < started - 1_000_000_000 else None


def _summary_row(s: Summary) -> list[str]:
    """A summary as the cache stores it (Summary's field order)."""
    return [s.provider, s.service, s.name, s.type_name, s.description]
