"""The error types: one root for every error a user can fix (exit code 2)."""

from __future__ import annotations


class DocgenError(Exception):
    """Root of the errors caused by bad input; the CLI prints `error: <message>`, exit 2."""


class SpecError(DocgenError):
    """A schema that cannot be used: names the file and an RFC 6901 JSON pointer into it.

    Text that is not JSON has no pointer yet: then the place is `file:line:column`.
    """

    def __init__(
        self, file: str, pointer: str | None, message: str, line: int = 0, column: int = 0
    ) -> None:
        self.file = file
        self.pointer = pointer
        self.message = message
        self.line = line
        self.column = column
        place = f"{file}#{pointer}" if pointer is not None else f"{file}:{line}:{column}"
        super().__init__(f"{place}: {message}")

    def __reduce__(self):
        """Pickle with the constructor's arguments (errors cross process boundaries)."""
        return (type(self), (self.file, self.pointer, self.message, self.line, self.column))


class UsageError(DocgenError):
    """A command-line request that cannot be met (unknown type, missing folder, ...)."""


class FetchError(DocgenError):
    """A schema source that could not be read: network, HTTP status, zip or size limit."""


class OutputError(DocgenError):
    """The output folder cannot be read or written."""


class FolderChanged(OutputError):
    """Another generate wrote the output folder while this one built from what it read there."""


class StdoutError(OutputError):
    """Standard output cannot be written: closed, or on a full disk (`> /dev/full`)."""


class WorkerLost(DocgenError):
    """A worker process of a big job ended abruptly (killed, by the system short of memory
    say): the command stops as at bad input, nothing half-written, with no traceback."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (`timeout`, `kill`, a cancelled CI job): the command ends as Ctrl+C ends it,
    what was written whole and nothing half-written left behind, but with exit 143."""
