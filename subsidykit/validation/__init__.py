"""Workflow: validating submitted application workbooks, one file or a batch, and the report.

`checks` runs the per-file checks (`validate_file`, `validate_sheets`, `check_submission`),
`batch` the checks across files (`check_batch`, `check_sample`), `pool` finds the files and
validates them in parallel (`collect_files`, `validate_paths`), `results` is what they return
(`FileResult`, `BatchResult`) and `report` renders it (report workbook, annotated copies, JSON,
text).  The findings, their codes and the severities are the one model of
`subsidykit.rules.findings`.

Layer: workflow.  May import: `subsidykit.workbooks`, `subsidykit.rules`, `subsidykit.catalog`,
`subsidykit.errors`; never `subsidykit.summary` (a sibling) or an adapter (cli, server, xlam,
udfs, macros, addin).
"""

from __future__ import annotations

from subsidykit.rules.findings import BatchFinding, Finding
from subsidykit.validation.batch import check_batch, check_sample
from subsidykit.validation.checks import check_submission, validate_file, validate_sheets
from subsidykit.validation.pool import collect_files, validate_paths
from subsidykit.validation.results import BatchResult, Facts, FileResult

__all__ = [
    "BatchFinding",
    "BatchResult",
    "Facts",
    "FileResult",
    "Finding",
    "check_batch",
    "check_sample",
    "check_submission",
    "collect_files",
    "validate_file",
    "validate_paths",
    "validate_sheets",
]
