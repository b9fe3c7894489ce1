"""Ribbon actions of 专项资金助手 (desktop: RunPython "import macros; macros.<action>()").

xlwings Server publishes the same actions from ``addin/server/custom_scripts``; 设置 and
帮助 of the desktop add-in are VBA (they must work before Python is set up), the server's
帮助 is `show_help`.

Layer: adapter.  May import: `udfs` (for the help sheet), the workflows and everything
below; never `subsidykit.cli`.
"""

from .catalog_sheet import insert_program_catalog
from .help import help_rows, show_help
from .ledger_template import insert_ledger_template
from .matching import match_programs
from .summary import generate_summary
from .validation import validate_submissions

__all__ = [
    "generate_summary",
    "help_rows",
    "insert_ledger_template",
    "insert_program_catalog",
    "match_programs",
    "show_help",
    "validate_submissions",
]
