"""The lock file `specs/specs.lock.json`: each type's schema file, its sha256 and its source
(and the region of a source that names none, where fetch was told it).

The data functions are pure; `read_lock` and `write_lock` are the disk edge. The rendered lock
carries nothing that changes when the schemas do not (no timestamps), so a re-fetch of identical
schemas leaves it byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator import jsontext
from generator.atomicfile import read_or_none, write_atomic
from generator.errors import SpecError
from generator.jsonpointer import join_pointer
from generator.model import DEFAULT_REGION, LOCK_FILE, REGION_NAME
from generator.naming import spec_file_name

LOCK_VERSION = 1
# The version of a lock whose entries record a region of their own (`LockEntry.region`): a
# generator of version 1 alone refuses it for its version, not for a key it does not know.
REGION_LOCK_VERSION = 2

_SHA256 = re.compile(r"[0-9a-f]{64}")
# The sources fetch records that name a region: cfn-lint's data of one (`cfn-lint==1.58.0:
# eu-west-1`), and the address AWS publishes a region's schemas at (`fetch.default_source_url`).
_REGIONAL_SOURCE = re.compile(
    r"cfn-lint==[^:]*:(?P<data>[^:]+)|https?://schema\.cloudformation\.(?P<url>[^./]+)\.[^/]+/.*"
)


@dataclass(frozen=True, slots=True)
class LockEntry:
    """One locked schema: its type name, file name in specs/, content hash and source, and
    the region fetch was told its schemas are of, for a source that names none (a zip of the
    user's: `fetch --source ZIP --region R`)."""

    type_name: str
    file: str
    sha256: str
    source: str
    region: str | None = None

    @property
    def fetched_for(self) -> str | None:
        """The region the schema was fetched for, where the lock records one."""
        return self.region or source_region(self.source)


@dataclass(frozen=True, slots=True)
class Lock:
    """The whole lock: entries sorted by type name, at most one per type."""

    entries: tuple[LockEntry, ...] = ()

    def get(self, type_name: str) -> LockEntry | None:
        """Return the entry for `type_name` (exact spelling), or None."""
        return next((e for e in self.entries if e.type_name == type_name), None)


def sha256_hex(data: bytes) -> str:
    """Return the lower-case hex SHA-256 of `data`.

    >>> sha256_hex(b"")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(data).hexdigest()


def make_entry(type_name: str, data: bytes, source: str, region: str | None = None) -> LockEntry:
    """Return the lock entry for a schema document with these exact bytes (`region`: as of
    LockEntry, recorded only where the source names none).

    >>> make_entry("AWS::S3::Bucket", b"{}", "x").file
    'aws-s3-bucket.json'
    >>> make_entry("A::B::C", b"{}", "cfn-lint==1.58.0:eu-west-1", "eu-west-1").region is None
    True
    """
    if region == DEFAULT_REGION or source_region(source) is not None:
        region = None  # (the source says it, and the lock says it once; or it goes without)
    return LockEntry(type_name, spec_file_name(type_name), sha256_hex(data), source, region)


def update_lock(lock: Lock, entries: Iterable[LockEntry]) -> Lock:
    """Return `lock` with `entries` added or replacing those of the same type name.

    >>> a, b = LockEntry("B", "b.json", "0" * 64, "s"), LockEntry("A", "a.json", "1" * 64, "s")
    >>> [e.type_name for e in update_lock(Lock((a,)), [b]).entries]
    ['A', 'B']
    """
    by_type = {e.type_name: e for e in lock.entries}
    by_type.update((e.type_name, e) for e in entries)
    return Lock(tuple(by_type[name] for name in sorted(by_type)))


def render_lock(lock: Lock) -> str:
    """Return the lock as JSON text: sorted keys, 2-space indent, LF, one final newline.

    >>> print(render_lock(Lock()), end="")
    {
      "schemas": {},
      "version": 1
    }
    """
    schemas = {
        e.type_name: {
            "file": e.file,
            "sha256": e.sha256,
            "source": e.source,
            **({"region": e.region} if e.region is not None else {}),
        }
        for e in lock.entries
    }
    regional = any(e.region is not None for e in lock.entries)
    document = {"schemas": schemas, "version": REGION_LOCK_VERSION if regional else LOCK_VERSION}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def parse_lock(text: str, file: str) -> Lock:
    """Parse lock text; raises SpecError naming `file` and a JSON pointer when it is malformed."""
    try:
        document = jsontext.loads(text)
    except jsontext.JSONTextError as e:
        pointer = None if e.line else e.pointer or ""  # file:line:column, as a schema's
        raise SpecError(file, pointer, f"invalid JSON: {e.message}", e.line, e.column) from e
    _expect_keys(document, {"schemas", "version"}, file, ())
    version = document["version"]
    if type(version) is not int or version not in (LOCK_VERSION, REGION_LOCK_VERSION):
        raise SpecError(
            file,
            "/version",
            f"unsupported lock version {document['version']!r}, expected 1 or 2 (a newer "
            "stackql-docgen wrote it?)",
        )
    schemas = document["schemas"]
    _expect_keys(schemas, None, file, ("schemas",))
    entries = []
    for type_name, value in schemas.items():
        where = ("schemas", type_name)
        keys = ("file", "sha256", "source", *(("region",) if _has_region(value) else ()))
        _expect_keys(value, set(keys), file, where)
        for key in keys:
            if not isinstance(value[key], str):
                raise SpecError(
                    file,
                    join_pointer((*where, key)),
                    f"expected a string, got {jsontext.json_type(value[key])}",
                )
        if value["file"] != spec_file_name(type_name):
            raise SpecError(
                file,
                join_pointer((*where, "file")),
                f"expected {spec_file_name(type_name)!r}, got {value['file']!r}",
            )
        if not _SHA256.fullmatch(value["sha256"]):
            raise SpecError(
                file, join_pointer((*where, "sha256")), "expected 64 lower-case hex digits"
            )
        region = value.get("region")
        if region == DEFAULT_REGION:  # (goes without saying, as make_entry has it)
            region = None
        if region is not None and not REGION_NAME.fullmatch(region):
            raise SpecError(
                file, join_pointer((*where, "region")), "expected a region name such as us-east-1"
            )
        if region is not None and source_region(value["source"]) is not None:
            raise SpecError(
                file,
                join_pointer((*where, "region")),
                f"the source names its region ({source_region(value['source'])}): a region is "
                "recorded only for a source that names none",
            )
        entries.append(
            LockEntry(type_name, value["file"], value["sha256"], value["source"], region)
        )
    return update_lock(Lock(), entries)


def _has_region(value: Any) -> bool:
    """Whether a lock entry records a region of its own (the key is optional)."""
    return isinstance(value, dict) and "region" in value


def _expect_keys(value: Any, keys: set[str] | None, file: str, where: tuple[str, ...]) -> None:
    """Raise SpecError unless `value` is an object with exactly `keys` (any keys when None)."""
    if not isinstance(value, dict):
        raise SpecError(
            file, join_pointer(where), f"expected an object, got {jsontext.json_type(value)}"
        )
    if keys is None or value.keys() == keys:  # (every command that builds reads the lock)
        return
    missing, extra = sorted(keys - value.keys()), sorted(value.keys() - keys)
    if missing:
        raise SpecError(file, join_pointer(where), f"missing key {missing[0]!r}")
    raise SpecError(file, join_pointer((*where, extra[0])), "unknown key")


@lru_cache(maxsize=64)  # (a lock's entries share a few sources: one per fetch)
def source_region(source: str) -> str | None:
    """The region a lock's source names, where it names one (a folder or zip of the user's,
    or another address, does not).

    >>> source_region("cfn-lint==1.58.0:eu-west-1")
    'eu-west-1'
    >>> source_region("https://schema.cloudformation.cn-north-1.amazonaws.com.cn/CloudformationSchema.zip")
    'cn-north-1'
    >>> source_region("../downloads/CloudformationSchema.zip") is None
    True
    """
    if not (match := _REGIONAL_SOURCE.fullmatch(source)):
        return None
    region = match["data"] or match["url"]
    return region if REGION_NAME.fullmatch(region) else None


def regions_of(lock: Lock) -> dict[str, str]:
    """The region each locked schema file was fetched for, by file name, where the lock
    records one: its source names it, or fetch was told it (`LockEntry.region`).

    >>> entry = LockEntry("A::B::C", "a-b-c.json", "0" * 64, "cfn-lint==1.58.0:us-gov-west-1")
    >>> regions_of(Lock((entry,)))
    {'a-b-c.json': 'us-gov-west-1'}
    """
    return {e.file: region for e in lock.entries if (region := e.fetched_for)}


def read_lock(specs_dir: Path, source: bool = False) -> Lock:
    """Read `specs_dir`/specs.lock.json; an absent lock is an empty one. `source`: the folder
    is a fetch's source, whose lock gives the regions of its schemas (its mend says so)."""
    path = specs_dir / LOCK_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Lock()
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise SpecError(str(path), "", f"cannot read the lock: {reason}") from e
    try:
        return parse_lock(text, str(path))
    except SpecError as e:  # a merge conflict, most likely
        mend = _SOURCE_MEND if source else _MEND
        raise SpecError(e.file, e.pointer, e.message + mend, e.line, e.column) from e


# How to mend the lock of a fetch's source: deleted, it would tell the regions of none.
_SOURCE_MEND = (
    " (mend it, as after a merge conflict: a fetch from the folder takes the regions its "
    "schemas were fetched for from it)"
)
# How to mend a lock that cannot be read: nothing else reads it.
_MEND = (
    " (mend it, as after a merge conflict, or delete it: each fetch then records the schemas "
    "it fetches)"
)


def write_lock(specs_dir: Path, lock: Lock) -> bool:
    """Write the lock atomically unless its bytes are unchanged; return whether it was written."""
    path = specs_dir / LOCK_FILE
    data = render_lock(lock).encode("utf-8")
    if read_or_none(path) == data:
        return False
    write_atomic(path, data, durable=True)
    return True
