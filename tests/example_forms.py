"""The filled application workbooks of ``examples/form_fixtures.py`` (three layouts), for the tests.

The writer is not part of the package: it lives beside the examples it makes, and the tests
import it from there through this module.
"""

from __future__ import annotations

import sys
from pathlib import Path

_EXAMPLES = str(Path(__file__).resolve().parents[1] / "examples")
if _EXAMPLES not in sys.path:
    sys.path.append(_EXAMPLES)

from form_fixtures import LAYOUTS, write_form  # noqa: E402

__all__ = ["LAYOUTS", "write_form"]
