"""The schemas of a zip laid out as AWS's `CloudformationSchema.zip`, as generate and fetch read
them: its `*.json` members in name order (not folders, hidden files such as
`__MACOSX/._x.json`, or a lock file), each within a size limit, all within MAX_ZIP_BYTES."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import IO

from generator.model import LOCK_FILE, MAX_ZIP_BYTES


class ZipProblem(Exception):
    """What keeps a zip's schemas from being read: the message, and the member it is about
    (None: the zip as a whole); `too_large` for a member past the size limit."""

    def __init__(self, message: str, member: str | None = None, too_large: bool = False) -> None:
        super().__init__(message)
        self.message, self.member, self.too_large = message, member, too_large


def is_schema_name(path: str) -> bool:
    """Whether a zip member's path names a schema: `*.json`, not hidden, not a lock.

    >>> is_schema_name("a/aws-s3-bucket.json"), is_schema_name("__MACOSX/._x.json")
    (True, False)
    """
    base = path.rpartition("/")[2]
    return base.endswith(".json") and not base.startswith(".") and base != LOCK_FILE


# What a file that starts as a zip but has no index that Python reads is: most likely, a
# download cut short (a zip's index is at its end).
DAMAGED = "a damaged zip: its index (at the end) is missing or bad"


def starts_as_zip(file: Path | IO[bytes]) -> bool:
    """Whether a file starts as a zip does, with the header of its first member."""
    try:
        if isinstance(file, Path):
            with open(file, "rb") as opened:
                return opened.read(4) == b"PK\x03\x04"
        file.seek(0)
        return file.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def read_members(file: Path | IO[bytes], max_bytes: int) -> list[tuple[str, bytes]]:
    """The (name, bytes) of a zip's schemas in name order; ZipProblem for a zip that is not
    one (or not one that Python reads), a member twice, encrypted, corrupt, unreadable or past
    `max_bytes`, or more than MAX_ZIP_BYTES in all."""
    try:
        archive = zipfile.ZipFile(file)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        UnicodeDecodeError,  # a name flagged UTF-8 that is not
        NotImplementedError,  # a zip version past what zipfile reads
    ) as e:
        if isinstance(e, zipfile.BadZipFile) and starts_as_zip(file):  # (a download cut short)
            raise ZipProblem(DAMAGED) from e
        raise ZipProblem(f"not a readable zip file ({e})") from e
    members: list[tuple[str, bytes]] = []
    total = 0
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir() and is_schema_name(i.filename)]
        for info in sorted(infos, key=lambda i: i.filename):
            name = info.filename
            if members and members[-1][0] == name:
                raise ZipProblem("in the zip twice", name)
            if info.flag_bits & 0x1:  # zipfile would raise RuntimeError
                raise ZipProblem("encrypted in the zip (it needs a password)", name)
            too_large = ZipProblem(f"larger than the limit of {max_bytes} bytes", name, True)
            if info.file_size > max_bytes:
                raise too_large
            try:
                with archive.open(info) as member:
                    data = member.read(max_bytes + 1)
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                NotImplementedError,  # a compression method zipfile lacks
                UnicodeDecodeError,  # a local header's name flagged UTF-8 that is not
                OSError,  # offsets past the file (EINVAL), a failing disk (EIO)
            ) as e:
                raise ZipProblem(f"corrupt zip member ({e})", name) from e
            if len(data) > max_bytes:  # the header said less
                raise too_large
            total += len(data)
            if total > MAX_ZIP_BYTES:
                raise ZipProblem(
                    f"its schemas come to more than the limit of {MAX_ZIP_BYTES} bytes uncompressed"
                )
            members.append((name, data))
    return members
