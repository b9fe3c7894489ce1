"""Ribbon actions of 专项资金助手 (desktop: RunPython "import macros; macros.<action>()").

xlwings Server publishes the same actions from ``addin/server/custom_scripts``.
"""

from .summary import generate_summary
from .validation import validate_submissions

__all__ = ["generate_summary", "validate_submissions"]
