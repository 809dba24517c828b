"""The fetch stage: read CloudFormation resource schemas from a source and write them to specs/.

Sources: AWS's published zip for a region (the default), any http(s) URL of such a zip, a local
zip, a local folder of `*.json`, and `cfn-lint[:<region>]`, the schemas bundled with the optional
cfn-lint package. Everything requested is read and parsed before anything is written, and each
file is written atomically, so a failed fetch leaves specs/ and its lock as they were.
"""

from __future__ import annotations

import enum
import importlib.metadata
import importlib.resources
import importlib.util
import json
import logging
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO

from generator import jsontext
from generator.atomicfile import read_or_none, remove_stale_temps, write_all_atomic
from generator.download import DownloadOptions, download, url_label, without_secrets
from generator.errors import FetchError, OutputError
from generator.lock import (
    Lock,
    make_entry,
    read_lock,
    regions_of,
    source_region,
    update_lock,
    write_lock,
)
from generator.model import DEFAULT_REGION, LOCK_FILE, OTHER_PARTITIONS, REGION_NAME
from generator.naming import TYPE_NAME, TYPE_NAME_RULE, did_you_mean, spec_file_name, utf8_name
from generator.schemazip import ZipProblem, read_members

log = logging.getLogger(__name__)

CFN_LINT = "cfn-lint"

_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


class SourceKind(enum.Enum):
    """Where schemas are read from."""

    URL = "url"
    PATH = "path"  # a local zip or folder, told apart when it is read
    CFN_LINT = "cfn-lint"


@dataclass(frozen=True, slots=True)
class Source:
    """A resolved source: its kind, its location (URL, path or region) and the lock's label;
    of a zip, folder or address that names no region, the one `--region` says it is of."""

    kind: SourceKind
    location: str
    label: str
    region: str | None = None


@dataclass(frozen=True, slots=True)
class SchemaDocument:
    """One schema as read from a source: its typeName, where it was found and its exact bytes."""

    type_name: str
    where: str
    data: bytes


@dataclass(frozen=True, slots=True)
class FetchedSchema:
    """One schema written to (or already current in) specs/."""

    type_name: str
    path: Path
    sha256: str
    changed: bool


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What a fetch did: the source label, every schema fetched (sorted by type) and the lock."""

    source: str
    schemas: tuple[FetchedSchema, ...]
    lock_path: Path
    lock_changed: bool
    removed: tuple[Path, ...] = ()  # with prune: the schemas it deleted (see _unsourced)
    region: str | None = None  # the --region given a source that names none, which it records

    @property
    def written(self) -> tuple[FetchedSchema, ...]:
        """The schemas whose files were created or replaced."""
        return tuple(s for s in self.schemas if s.changed)

    @property
    def unchanged(self) -> tuple[FetchedSchema, ...]:
        """The schemas whose files already held the same bytes."""
        return tuple(s for s in self.schemas if not s.changed)

    @property
    def type_names(self) -> tuple[str, ...]:
        """The type names fetched."""
        return tuple(s.type_name for s in self.schemas)


def default_source_url(region: str) -> str:
    """Return the URL of AWS's schema zip for a region.

    >>> default_source_url("eu-west-1")
    'https://schema.cloudformation.eu-west-1.amazonaws.com/CloudformationSchema.zip'
    >>> default_source_url("cn-north-1")
    'https://schema.cloudformation.cn-north-1.amazonaws.com.cn/CloudformationSchema.zip'
    >>> default_source_url("eusc-de-east-1")
    'https://schema.cloudformation.eusc-de-east-1.amazonaws.eu/CloudformationSchema.zip'

    The domain is the region's partition's (China's, the European Sovereign Cloud's, ...).
    """
    domain = next((d for r, d in OTHER_PARTITIONS if r.fullmatch(region)), "amazonaws.com")
    return f"https://schema.cloudformation.{region}.{domain}/CloudformationSchema.zip"


def resolve_source(source: str | None, region: str | None) -> Source:
    """Resolve a --source value (None, URL, path, `cfn-lint[:region]`) for a region (None: not
    given, the default region). Of a zip, a folder or an address that names no region, the
    region is the one its schemas are of, which the lock records (as it records cfn-lint's).

    >>> resolve_source(None, "us-east-1").label
    'https://schema.cloudformation.us-east-1.amazonaws.com/CloudformationSchema.zip'
    >>> resolve_source("cfn-lint:eu-west-1", None).location
    'eu-west-1'
    >>> resolve_source("specs/", None)
    Source(kind=<SourceKind.PATH: 'path'>, location='specs', label='specs', region=None)
    >>> resolve_source("specs/", "us-gov-west-1").region  # of a source that names none
    'us-gov-west-1'
    """
    if source is not None and (source == CFN_LINT or source.startswith(CFN_LINT + ":")):
        named = source.partition(":")[2]
        if named or source.endswith(":"):  # `cfn-lint:$REGION` of an unset variable too
            _check_region(named)
        if named and region is not None and region != named:
            raise FetchError(f"--region {region} and --source {source} name different regions")
        region = named or region or DEFAULT_REGION
        _check_region(region)
        return Source(SourceKind.CFN_LINT, region, f"{CFN_LINT}:{region}")
    if region is not None:
        _check_region(region)
    if source is None:
        url = default_source_url(region or DEFAULT_REGION)
        return Source(SourceKind.URL, url, url)
    if source[:8].lower().startswith(("http://", "https://")):  # (any case, as RFC 3986 says)
        try:
            label = url_label(source)
        except ValueError as e:  # a port past 65535, an unclosed [IPv6 address
            raise FetchError(f"--source: not a valid URL: {without_secrets(str(e))}") from e
        named = source_region(label)  # AWS's address of a region's zip
        if named and region is not None and region != named:  # (said as the lock says it)
            raise FetchError(f"--region {region} and --source {label} name different regions")
        return Source(SourceKind.URL, source, label, None if named else region)
    if scheme := _URL_SCHEME.match(source):
        raise FetchError(
            f"{_shown(source)}: cannot read a {scheme[1]}:// URL: expected an http(s) URL, a "
            "zip, a folder or cfn-lint"
        )
    path = Path(source).as_posix()
    if not utf8_name(path):  # the lock records it
        raise FetchError(f"{source!r}: not a UTF-8 path")
    return Source(SourceKind.PATH, path, path, region)


def _shown(url: str) -> str:
    """A URL as a message shows it: without credentials or query (`url_label`), or, where
    Python cannot split it, its scheme alone.

    >>> _shown("ftp://u:p w@host/x?sig=SEC RET"), _shown("ftp://host:99999/x")
    ('ftp://host/x', 'ftp://...')
    """
    try:
        return url_label(url)
    except ValueError:
        return url.partition("://")[0] + "://..."


def fetch_region(source: Source) -> str | None:
    """The region a whole source is of, which a fetch from it records and its pages' examples
    name: the one `--region` gave it, or the one it names (cfn-lint's data of a region, AWS's
    address of one); None for one that says none (see `document_regions`).

    >>> fetch_region(resolve_source("cfn-lint:eu-west-1", None))
    'eu-west-1'
    >>> fetch_region(resolve_source("CloudformationSchema.zip", "us-gov-west-1"))
    'us-gov-west-1'
    >>> fetch_region(resolve_source("CloudformationSchema.zip", None)) is None
    True
    """
    return source.region or source_region(lock_source(source, None))


def document_regions(source: Source, documents: Sequence[SchemaDocument]) -> dict[str, str | None]:
    """The region each document of a source is of, by type name (None: the source says none,
    and it is taken for the default region's): the whole source's (`fetch_region`), else, of a
    folder that a fetch wrote (another specs folder), the region its lock records for the file.
    A lock there that cannot be read is bad input, as in --specs."""
    whole = fetch_region(source)
    folder = Path(source.location)
    if whole is not None or source.kind is not SourceKind.PATH or not folder.is_dir():
        return {doc.type_name: whole for doc in documents}
    # By file name, as `generate` of that folder reads it: a schema it holds under another name
    # (`mytopic.json`) is not the file the lock records, and its pages there name us-east-1.
    recorded = regions_of(read_lock(folder, source=True))
    return {doc.type_name: recorded.get(Path(doc.where).name) for doc in documents}


def _check_region(region: str) -> None:
    """Raise FetchError unless `region` looks like an AWS region name."""
    if not REGION_NAME.fullmatch(region):
        raise FetchError(f"invalid region {region!r}: expected a name such as us-east-1")


def parse_type_name(where: str, data: bytes) -> str:
    """Parse a schema document and return its typeName; FetchError names `where` and the place.

    >>> parse_type_name("x.json", b'{"typeName": "AWS::S3::Bucket"}')
    'AWS::S3::Bucket'
    >>> parse_type_name("x.json", b'{\\n  "typeName": }')
    Traceback (most recent call last):
    ...
    generator.errors.FetchError: x.json:2:15: invalid JSON: Expecting value
    """
    try:
        document = jsontext.loads(data)
    except UnicodeDecodeError as e:
        line, column, message = jsontext.not_utf8(data, e)
        raise FetchError(f"{where}:{line}:{column}: {message}") from e
    except jsontext.JSONTextError as e:
        place = f":{e.line}:{e.column}" if e.line else f"#{e.pointer}" if e.pointer else ""
        raise FetchError(f"{where}{place}: invalid JSON: {e.message}") from e
    if not isinstance(document, dict):
        raise FetchError(f"{where}: not a resource schema (expected a JSON object)")
    type_name = document.get("typeName")
    if type_name is None:
        raise FetchError(f"{where}#/typeName: missing; not a resource schema")
    if not isinstance(type_name, str):
        raise FetchError(
            f"{where}#/typeName: expected a type name (a string), got "
            f"{jsontext.json_type(type_name)}"
        )
    if not TYPE_NAME.match(type_name):
        raise FetchError(
            f"{where}#/typeName: {type_name!r} is not a CloudFormation type name ({TYPE_NAME_RULE})"
        )
    return type_name


def index_documents(documents: Sequence[SchemaDocument]) -> dict[str, SchemaDocument]:
    """Index documents by type name; two documents of one type are a FetchError."""
    index: dict[str, SchemaDocument] = {}
    for doc in documents:
        first = index.get(doc.type_name.lower())
        if first is not None:
            raise FetchError(f"{doc.where}: {doc.type_name} is also defined by {first.where}")
        index[doc.type_name.lower()] = doc
    return index


def select_documents(
    index: dict[str, SchemaDocument], types: Sequence[str], source_label: str
) -> tuple[SchemaDocument, ...]:
    """Pick the requested types (case-insensitive; all when none), sorted by type name."""
    if not index and not types:  # a wrong folder or an empty zip: nothing to lock
        raise FetchError(f"{source_label}: no schemas (*.json) in it")
    if not types:
        return tuple(sorted(index.values(), key=lambda d: d.type_name))
    missing = [t for t in dict.fromkeys(types) if t.lower() not in index]
    if missing:
        raise _no_schema(source_label, missing, [d.type_name for d in index.values()])
    chosen = {index[t.lower()].type_name: index[t.lower()] for t in types}
    return tuple(chosen[name] for name in sorted(chosen))


def _no_schema(label: str, missing: Sequence[str], names: Sequence[str]) -> FetchError:
    """The error for requested types a source lacks, with the closest name it has."""
    return FetchError(f"{label}: no schema for {', '.join(missing)}{did_you_mean(missing, names)}")


def fetch_schemas(
    source: str | None,
    types: Sequence[str],
    region: str | None,
    specs_dir: Path,
    *,
    options: DownloadOptions | None = None,
    prune: bool = False,
) -> FetchResult:
    """Fetch `types` (all when empty) from `source` into `specs_dir` and update its lock; with
    `prune`, also delete the other schemas in `specs_dir` (`_unsourced`), or, of named types,
    those of the named types the source no longer has (`_lost`)."""
    if specs_dir.exists() and not specs_dir.is_dir():
        raise FetchError(f"{specs_dir}: not a folder (--specs names the folder of schemas)")
    options = options or DownloadOptions()
    resolved = resolve_source(source, region)
    lock = read_lock(specs_dir)  # a malformed lock fails before any download
    named_prune = prune and bool(types)
    unsourced: Sequence[Path] | None = None
    if named_prune:  # every document read: which of the named the source lost
        index = index_documents(read_source(resolved, (), options))
        unsourced = _lost(specs_dir, types, index, resolved.label)
        kept = [t for t in types if t.lower() in index]
        chosen = select_documents(index, kept, resolved.label) if kept else ()
    else:
        index = index_documents(read_source(resolved, types, options))
        try:
            chosen = select_documents(index, types, resolved.label)
        except FetchError as e:  # a named type the source lost, which --specs holds
            held = {n.lower() for _, n in _other_schemas(specs_dir, ())}
            if not any(t.lower() in held and t.lower() not in index for t in types):
                raise
            raise FetchError(
                f"{e}; {specs_dir} holds its schema: fetch --prune deletes the schemas of named "
                "types the source no longer has"
            ) from e
        unsourced = _unsourced(specs_dir, chosen) if prune else None
    copies = [] if prune and not named_prune else _copies(specs_dir, chosen)
    if copies:
        copy, type_name = copies[0]
        raise FetchError(
            f"{copy}: holds {type_name} too, which fetch writes as "
            f"{specs_dir / spec_file_name(type_name)}: move it out of {specs_dir} first (two "
            "schemas of one type are bad input to generate)"
        )
    source_name = lock_source(resolved, specs_dir)
    regions = document_regions(resolved, chosen)
    result = _write_schemas(
        chosen, specs_dir, source_name, lock, unsourced, not named_prune, regions
    )
    return replace(result, source=lock_source(resolved, None), region=resolved.region)


def _lost(
    specs_dir: Path, types: Sequence[str], index: dict[str, SchemaDocument], label: str
) -> tuple[Path, ...]:
    """The schemas in `specs_dir` of the named types the source no longer has; a named type
    that neither has is bad input (a typo, most likely)."""
    missing: dict[str, str] = {}  # once each, in any case, as first named
    for name in types:
        if name.lower() not in index:
            missing.setdefault(name.lower(), name)
    lost = list(missing.values())
    if not lost:
        return ()
    held: dict[str, list[Path]] = {}  # a type's every file (it may be under two names)
    for path, name in _other_schemas(specs_dir, ()):
        held.setdefault(name.lower(), []).append(path)
    unknown = [t for t in lost if t.lower() not in held]
    if unknown:
        names = [d.type_name for d in index.values()]
        raise FetchError(
            f"{label}: no schema for {', '.join(unknown)}, nor in {specs_dir}"
            f"{did_you_mean(unknown, names)}"
        )
    return tuple(sorted(path for t in lost for path in held[t.lower()]))


def _unsourced(specs_dir: Path, chosen: Sequence[SchemaDocument]) -> tuple[Path, ...]:
    """The schemas in `specs_dir` that a fetch of `chosen` does not write: of types the source
    lacks, or of its types under another file name (beside the fetched one, they would name a
    type twice). A file that does not parse as a schema is none, and stays."""
    return tuple(path for path, _ in _other_schemas(specs_dir, chosen))


def _copies(specs_dir: Path, chosen: Sequence[SchemaDocument]) -> list[tuple[Path, str]]:
    """The schemas in `specs_dir` of a type of `chosen` under another file name than the one
    fetch writes (`mytopic.json` for AWS::SNS::Topic), with that type: beside the fetched
    one, they would name the type twice."""
    types = {d.type_name.lower(): d.type_name for d in chosen}
    return [
        (path, types[name.lower()])
        for path, name in _other_schemas(specs_dir, chosen)
        if name.lower() in types
    ]


def _other_schemas(specs_dir: Path, chosen: Sequence[SchemaDocument]) -> list[tuple[Path, str]]:
    """The schema files of `specs_dir` (with their type names) that a fetch of `chosen` does
    not write; a file that does not parse as a schema is none."""
    if not specs_dir.is_dir():
        return []
    fetched = {spec_file_name(d.type_name) for d in chosen}
    found = []
    for path in sorted(specs_dir.glob("*.json")):
        if path.name in fetched or path.name == LOCK_FILE or path.name.startswith("."):
            continue
        if path.name.lower() in fetched and _same_file(path, path.with_name(path.name.lower())):
            continue  # the file fetch writes, on a file system that ignores case (macOS)
        try:
            found.append((path, parse_type_name(str(path), path.read_bytes())))
        except (FetchError, OSError):
            continue
    return found


def misnamed(path: Path, type_name: str) -> bool:
    """Whether a schema file of `type_name` is under another name than the one fetch writes for
    it (`mytopic.json` for AWS::SNS::Topic): a fetch of the type would write that one beside
    it, and the type would be named twice. On a file system that ignores case (macOS), the
    same file under another case is that one."""
    name = spec_file_name(type_name)
    return path.name != name and not (
        path.name.lower() == name and _same_file(path, path.with_name(name))
    )


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (False where either is not there)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    """Whether a file is there (one that cannot be looked at counts as there)."""
    try:
        return path.is_file()
    except OSError:
        return True


def lock_source(source: Source, specs_dir: Path | None) -> str:
    """Return the source as recorded in the lock; cfn-lint's carries the package version, and
    a zip or folder is named from `specs_dir` (where the lock is), not from where fetch ran:
    the same wherever it runs, and on every clone.

    >>> lock_source(resolve_source("../src", None), Path("specs"))
    '../../src'
    >>> lock_source(resolve_source("../src", None), None)
    '../src'
    """
    if source.kind is SourceKind.PATH and specs_dir is not None:
        return Path(
            os.path.relpath(os.path.abspath(source.location), os.path.abspath(specs_dir))
        ).as_posix()
    if source.kind is SourceKind.CFN_LINT:
        try:
            version = importlib.metadata.version("cfn-lint")
        except importlib.metadata.PackageNotFoundError:
            version = "unknown"
        return f"{CFN_LINT}=={version}:{source.location}"
    return source.label


def read_source(
    source: Source, types: Sequence[str], options: DownloadOptions
) -> list[SchemaDocument]:
    """Read and parse every document of the source that may be requested."""
    if source.kind is SourceKind.CFN_LINT:
        return _read_cfn_lint(source.location, types)
    if source.kind is SourceKind.URL:
        try:
            with tempfile.TemporaryFile() as spool:  # unlinked: nothing is left if killed
                download(source.location, spool, options)
                return _read_zip(spool, source.label, options.max_bytes)
        except OSError as e:  # making the spool file: no temporary folder, no space
            raise FetchError(f"{source.label}: cannot store the download: {e.strerror or e}") from e
    path = Path(source.location)
    if path.is_dir():
        return _read_folder(path, options.max_bytes)
    if not path.is_file():
        what = "not a zip file or a folder" if path.exists() else "no such file or folder"
        raise FetchError(f"{source.location}: {what}")
    try:
        with open(path, "rb") as f:
            return _read_zip(f, source.label, options.max_bytes)
    except OSError as e:
        raise FetchError(f"{source.location}: cannot read: {e.strerror or e}") from e


def _read_zip(file: IO[bytes], label: str, max_bytes: int) -> list[SchemaDocument]:
    """Parse the schemas of a zip (see `schemazip`), each labelled `zip!member`."""
    try:
        members = read_members(file, max_bytes)
    except ZipProblem as e:
        where = f"{label}!{e.member}" if e.member else label
        raise FetchError(f"{where}: {e.message}") from e
    return [
        SchemaDocument(parse_type_name(f"{label}!{name}", data), f"{label}!{name}", data)
        for name, data in members
    ]


def _read_folder(folder: Path, max_bytes: int) -> list[SchemaDocument]:
    """Parse the `*.json` files of a folder (not its subfolders, hidden files or a lock)."""
    documents = []
    for path in sorted(folder.iterdir()):
        skip = path.suffix != ".json" or path.name.startswith(".") or path.name == LOCK_FILE
        if skip or not path.is_file():
            continue
        try:
            if path.stat().st_size > max_bytes:
                raise FetchError(f"{path}: larger than the limit of {max_bytes} bytes")
            data = path.read_bytes()
        except OSError as e:
            raise FetchError(f"{path}: cannot read: {e.strerror or e}") from e
        documents.append(SchemaDocument(parse_type_name(str(path), data), str(path), data))
    return documents


def cfn_lint_requirement() -> str:
    """The cfn-lint that the package's `cfn-lint` extra pins (as installed; `cfn-lint` when
    the package runs from a source tree). A user who installed from a clone could not get it
    from the extra by name: the package is not on PyPI."""
    try:
        requires = importlib.metadata.requires("stackql-docgen") or []
    except importlib.metadata.PackageNotFoundError:
        requires = []
    for requirement in requires:
        pinned, _, marker = requirement.partition(";")
        if pinned.startswith("cfn-lint") and "cfn-lint" in marker.replace("cfn_lint", "cfn-lint"):
            return pinned.strip()
    return "cfn-lint"


def _cfn_lint_root() -> Traversable:
    """Locate the installed cfnlint package's files without running its heavy __init__."""
    try:
        spec = importlib.util.find_spec("cfnlint")
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.loader is None:
        raise FetchError(
            f"the {CFN_LINT} source needs the optional package cfn-lint: "
            f"pip install '{cfn_lint_requirement()}' (the version this one reads)"
        )
    get_reader = getattr(spec.loader, "get_resource_reader", None)
    reader = get_reader(spec.name) if get_reader is not None else None
    if reader is not None and hasattr(reader, "files"):
        return reader.files()
    return importlib.resources.files("cfnlint")


def _read_cfn_lint(region: str, types: Sequence[str]) -> list[SchemaDocument]:
    """Parse the requested (or all) schemas that cfn-lint bundles for a region."""
    schemas = _cfn_lint_root() / "data" / "schemas"
    provider_name = f"cfnlint/data/schemas/providers/{region}.json"
    provider = schemas / "providers" / f"{region}.json"
    if not provider.is_file():
        raise FetchError(f"{CFN_LINT}: no schemas for region {region!r} ({provider_name} absent)")
    try:
        hashes = json.loads(provider.read_bytes())
    except (OSError, ValueError) as e:
        raise FetchError(f"{CFN_LINT}: {provider_name}: unreadable ({e})") from e
    if not isinstance(hashes, dict):
        raise FetchError(f"{CFN_LINT}: {provider_name}: expected an object of type names")
    wanted = {t.lower() for t in types}
    have = {name.lower() for name in hashes}
    missing = [t for t in dict.fromkeys(types) if t.lower() not in have]
    if missing:  # read only the requested: the names to hint at are the provider's
        raise _no_schema(f"{CFN_LINT}:{region}", missing, list(hashes))
    documents = []
    for type_name, digest in sorted(hashes.items()):
        if wanted and type_name.lower() not in wanted:
            continue
        if not re.fullmatch(r"[0-9a-f]+", str(digest)):
            raise FetchError(f"{CFN_LINT}: {provider_name}#/{type_name}: bad file hash {digest!r}")
        where = f"{CFN_LINT}:cfnlint/data/schemas/resources/{digest}.json"
        try:
            data = (schemas / "resources" / f"{digest}.json").read_bytes()
        except OSError as e:
            raise FetchError(f"{where}: cannot read: {e.strerror or e}") from e
        found = parse_type_name(where, data)
        if found != type_name:
            raise FetchError(f"{where}#/typeName: {found!r}, but {provider_name} says {type_name}")
        documents.append(SchemaDocument(found, where, data))
    return documents


def _write_schemas(
    documents: Sequence[SchemaDocument],
    specs_dir: Path,
    source: str,
    lock: Lock,
    unsourced: Sequence[Path] | None = None,
    whole: bool = True,
    regions: Mapping[str, str | None] | None = None,
) -> FetchResult:
    """Write the documents whose bytes differ from specs/, then the lock if it changed. With
    `unsourced` (a prune), delete those schema files, and keep only the documents' types in
    the lock (not `whole`, a prune of named types: the entries of the files still there).
    `regions`: of each type, the region to record where the source names none."""
    results, entries, changed_files = [], [], []
    for doc in documents:
        path = specs_dir / spec_file_name(doc.type_name)
        changed = read_or_none(path) != doc.data
        if changed:
            changed_files.append((path, doc.data))
        entry = make_entry(doc.type_name, doc.data, source, (regions or {}).get(doc.type_name))
        entries.append(entry)
        results.append(FetchedSchema(doc.type_name, path, entry.sha256, changed))
    try:
        specs_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{specs_dir}: cannot create: {e.strerror or e}") from e
    write_all_atomic(changed_files, durable=True)
    removed = tuple(unsourced or ())
    for path in removed:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            raise OutputError(f"{path}: cannot delete: {e.strerror or e}") from e
    updated = update_lock(lock, entries)
    fetched = {d.type_name for d in documents}
    if unsourced is not None and whole:
        updated = Lock(tuple(e for e in updated.entries if e.type_name in fetched))
    else:  # the entries of schemas deleted from the folder by hand go too
        updated = Lock(
            tuple(
                e for e in updated.entries if e.type_name in fetched or _is_file(specs_dir / e.file)
            )
        )
    lock_changed = write_lock(specs_dir, updated)
    for stale in remove_stale_temps(specs_dir):
        log.info("removed %s, left by an interrupted fetch", stale)
    return FetchResult(source, tuple(results), specs_dir / LOCK_FILE, lock_changed, removed)
