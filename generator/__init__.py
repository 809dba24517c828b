"""stackql-docgen: StackQL reference pages from AWS CloudFormation resource schemas."""

import sys

__version__ = "0.1.0"


def main() -> int:
    """The command `stackql-docgen` (and `python -m generator`): the command line, loaded here
    so that Ctrl+C while it loads ends the command as it would later (exit 130), not with
    Python's traceback."""
    try:
        from generator import cli
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130  # cli.EXIT_INTERRUPTED, which is not loaded
    return cli.main()
