"""The command line's argument types: each value checked as argparse reads it, so that a bad one
is a usage error that names the option."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path


def port_number(text: str) -> int:
    """A TCP port number, 0 to 65535 (argparse reports anything else as a usage error)."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, got {text!r}")
    return port


def host_arg(text: str) -> str:
    """A --host value: not empty (an unset variable, which would listen on every address); an
    IPv6 address as a URL writes it, in brackets, is taken without them.

    >>> host_arg("[::1]"), host_arg("::1"), host_arg("localhost")
    ('::1', '::1', 'localhost')
    """
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if not text:
        raise argparse.ArgumentTypeError("expected an address, got an empty one")
    return text


# The longest name of one file or folder on the file systems in use (ext4, APFS, NTFS...).
NAME_MAX = 255


def path_arg(text: str) -> Path:
    """A path option's value: not empty (an unset variable, `--out "$DOCS"`, would otherwise
    mean the current folder) and with no name longer than the file system takes.

    >>> path_arg("docs/aws")
    PosixPath('docs/aws')
    """
    if not text:
        raise argparse.ArgumentTypeError("expected a path, got an empty one")
    names = text.replace(os.altsep, os.sep).split(os.sep) if os.altsep else text.split(os.sep)
    long = next((n for n in names if _name_length(n) > NAME_MAX), None)
    if long is not None:
        raise argparse.ArgumentTypeError(
            f"{long[:40]}...: a name longer than {NAME_MAX} bytes (no file system takes it)"
        )
    return Path(text)


def _name_length(name: str) -> int:
    """A file name's length as the file system limits it: in bytes on Linux (ext4, XFS), in
    characters elsewhere (APFS, NTFS)."""
    return len(os.fsencode(name)) if sys.platform.startswith("linux") else len(name)


def source_arg(text: str) -> str:
    """A --source value: a URL, `cfn-lint[:REGION]` or a path (checked as `path_arg`)."""
    if not text:
        raise argparse.ArgumentTypeError(
            "expected a URL, a zip, a folder or cfn-lint, got an empty value"
        )
    if _source_kind(text) == "path":
        path_arg(text)
    return text


def _source_kind(text: str) -> str:
    """What a --source value names, as fetch reads it: `url`, `path` or `cfn-lint`."""
    from generator.fetch import resolve_source  # requests is loaded only when needed

    return resolve_source(text, None).kind.value


def region_arg(text: str) -> str:
    """A --region value: not empty (fetch checks its form)."""
    if not text:
        raise argparse.ArgumentTypeError("expected a region such as us-east-1, got an empty one")
    return text


def type_arg(text: str) -> str:
    """A TYPE argument: not empty (build names the types it has no schema for), nor with white
    space around it (a quoted name with a space, which a message would show as the name).

    >>> type_arg("AWS::Lambda::Url ")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 'AWS::Lambda::Url ': white space around a type name
    """
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a type name such as AWS::Lambda::Url, got none")
    if text != text.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: white space around a type name")
    return text


def report_path(text: str) -> Path:
    """A report file's path: not empty (as `"$GITHUB_STEP_SUMMARY"` is where it is not set),
    in a folder that is there (checked before the report is made and printed)."""
    if not text:
        raise argparse.ArgumentTypeError("expected a file, got an empty path")
    path_arg(text)
    try:
        os.stat(text)
    except OSError as e:
        if e.errno == errno.ELOOP:  # the shell's `>` would fail, writing nothing
            raise argparse.ArgumentTypeError(f"{text}: a loop of symbolic links") from e
    if Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"{text}: a folder, not a file")
    folder = Path(text).parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: no such folder as {folder}")
    return Path(text)
