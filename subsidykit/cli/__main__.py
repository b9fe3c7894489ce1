"""`python -m subsidykit.cli ...` runs the same command line as the `subsidykit` script."""

import sys

from subsidykit.cli.app import main

sys.exit(main())
