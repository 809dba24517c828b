"""`python -m generator` runs the command-line interface."""

import sys

from generator import main

sys.exit(main())
