"""The error types: one root for every error a user can fix (exit code 2)."""

from __future__ import annotations


class DocgenError(Exception):
    """Root of the errors caused by bad input; the CLI prints `error: <message>`, exit 2."""


class SpecError(DocgenError):
    """A schema that cannot be used: names the file and an RFC 6901 JSON pointer into it."""

    def __init__(self, file: str, pointer: str, message: str) -> None:
        self.file = file
        self.pointer = pointer
        self.message = message
        super().__init__(f"{file}#{pointer}: {message}")


class UsageError(DocgenError):
    """A command-line request that cannot be met (unknown type, missing folder, ...)."""


class FetchError(DocgenError):
    """A schema source that could not be read: network, HTTP status, zip or size limit."""


class OutputError(DocgenError):
    """The output folder cannot be read or written."""
