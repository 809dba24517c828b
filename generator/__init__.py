"""stackql-docgen: StackQL reference pages from AWS CloudFormation resource schemas."""

import signal
import sys
from typing import Any

from generator.errors import Terminated

__version__ = "0.1.0"


def main() -> int:
    """The command `stackql-docgen` (and `python -m generator`): the command line, loaded here
    so that Ctrl+C while it loads ends the command as it would later (exit 130), not with
    Python's traceback; and SIGTERM likewise (exit 143), as Python would end at once."""
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        from generator import cli
    except KeyboardInterrupt as e:
        terminated = isinstance(e, Terminated)
        print("terminated" if terminated else "interrupted", file=sys.stderr)
        return 143 if terminated else 130  # cli.EXIT_TERMINATED and EXIT_INTERRUPTED
    return cli.main(exiting=True)


def _terminate(signum: int, frame: Any) -> None:
    """SIGTERM's handler: raise Terminated where the command is, as SIGINT raises
    KeyboardInterrupt; a second SIGTERM (while the first cleans up) is ignored."""
    _ignore(signal.SIGTERM)
    raise Terminated


def _interrupt(signum: int, frame: Any) -> None:
    """SIGINT's handler: raise KeyboardInterrupt where the command is, as Python's own does;
    a second Ctrl+C is ignored, wherever the first one's cleaning up is (the pool shutting
    down, the staging folder being removed): cut short, it would leave a traceback, or the
    command killed by SIGINT."""
    _ignore(signal.SIGINT)
    raise KeyboardInterrupt


def _ignore(signum: int) -> None:
    """Ignore a signal from here on, and hold it back too: Python's exit sets the handlers
    back to the default, and one that came then would end the command killed by it."""
    signal.signal(signum, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signum})
