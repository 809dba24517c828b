"""The benchmarks' schemas: the us-east-1 set cfn-lint ships (1,854 schemas in cfn-lint 1.58.0),
copied into a folder by the generator's own `fetch`, offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def fetch_corpus(specs: Path) -> None:
    """Write the us-east-1 schemas into `specs` (needs `pip install '.[cfn-lint]'`)."""
    subprocess.run(
        [sys.executable, "-m", "generator", "fetch", "--source", "cfn-lint"]
        + ["--specs", str(specs), "--quiet"],
        check=True,
    )
